//! zhizao: read, search and compare a page of Chinese articles in a terminal.

/// A line on standard error that never panics: `crate::errln!` does when
/// standard error cannot be written (`2>/dev/full`, a closed pipe), and a
/// message is never worth a crash.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod action;
pub mod app;
pub mod areas;
pub mod cli;
pub mod compare;
pub mod config;
pub mod content;
pub mod effect;
pub mod export;
pub mod field;
pub mod import;
pub mod input;
pub mod keys;
pub mod layout;
pub mod notes;
pub mod paint;
pub mod private;
pub mod sanitize;
pub mod search;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod views;
pub mod wrap;

/// Threads for work shared across cores (search, indexing, loading, the
/// comparison's layout): all of them, up to four, past which a page's
/// worth of work gains nothing.
#[must_use]
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
}

/// Runs each job on a thread of its own, and gives back what each
/// returned, in order; the last on this thread (a single job starts no
/// thread at all, and each thread started leaves allocator memory behind).
pub(crate) fn on_cores<T: Send>(jobs: impl Iterator<Item = impl FnOnce() -> T + Send>) -> Vec<T> {
    let mut jobs: Vec<_> = jobs.collect();
    let last = jobs.pop();
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs.into_iter().map(|job| scope.spawn(job)).collect();
        let here = last.map(|job| job());
        let mut out: Vec<T> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        out.extend(here);
        out
    })
}
