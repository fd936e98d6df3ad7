//! The interactive session: set the terminal up, run the event loop, and put
//! the terminal back on every way out (quit, error, panic, SIGTERM, SIGHUP).

use std::io::stdout;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;
use crate::app::search::RESULTS;
use crate::cli::Cli;
use crate::keys::action_for_event;
use crate::search::{Generation, Outcome, SearchIndex};

/// Undoes what ratatui's `init` does not know about, then restores the
/// terminal; runs on return, on error and while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Opens the reader.
///
/// # Errors
/// Content errors (before the terminal is touched) and terminal I/O errors.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lib = cli.library()?;
    let mut app = App::new(lib, cli.widths());
    app.theme = crate::ui::theme::from_env();

    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let code = usize::try_from(sig).unwrap_or(0);
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), code)
            .context("installing signal handlers")?;
    }

    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let _guard = Guard;
    execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    let searcher = Searcher::start(Arc::clone(&app.index));
    let mut sent = None;
    loop {
        terminal.draw(|frame| {
            frame.render_widget(&app, frame.area());
            if let Some((x, y)) = app.cursor() {
                frame.set_cursor_position((x, y));
            }
        })?;
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
        if let Some((serial, query)) = app.wanted_search()
            && sent != Some(serial)
        {
            searcher.submit(serial, query);
            sent = Some(serial);
        }
        // Wait for input or for results; a signal is noticed within a poll.
        let waiting = app.wanted_search().is_some();
        loop {
            if let Some((serial, outcome)) = searcher.try_receive() {
                app.update(Action::SearchDone(serial, outcome));
                break;
            }
            if event::poll(Duration::from_millis(if waiting { 4 } else { 200 }))? {
                // Apply everything queued before drawing again, so a burst of
                // keys or wheel ticks costs one frame.
                loop {
                    if let Some(action) = action_for_event(&app.modes(), &event::read()?) {
                        app.update(action);
                    }
                    if app.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
                break;
            }
            let sig = signal.load(Ordering::Relaxed);
            if sig != 0 {
                return Ok(ExitCode::from(128 + u8::try_from(sig).unwrap_or(0)));
            }
        }
    }
}

/// Searches off the UI thread: the newest query wins, and an older one still
/// running is cancelled, so typing never waits for a search.
struct Searcher {
    jobs: mpsc::Sender<(u64, u64, String)>,
    results: mpsc::Receiver<(u64, Arc<Outcome>)>,
    generation: Arc<Generation>,
}

impl Searcher {
    fn start(index: Arc<SearchIndex>) -> Self {
        let (jobs, inbox) = mpsc::channel::<(u64, u64, String)>();
        let (outbox, results) = mpsc::channel();
        let generation = Arc::new(Generation::default());
        let current = Arc::clone(&generation);
        std::thread::spawn(move || {
            let mut last: Option<Arc<Outcome>> = None;
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let (serial, mine, query) = job;
                let found = index.search(&query, RESULTS, last.as_deref(), Some((&current, mine)));
                if let Some(outcome) = found.map(Arc::new) {
                    if outbox.send((serial, Arc::clone(&outcome))).is_err() {
                        return;
                    }
                    last = Some(outcome);
                }
            }
        });
        Searcher {
            jobs,
            results,
            generation,
        }
    }

    fn submit(&self, serial: u64, query: &str) {
        let mine = self.generation.bump();
        let _ = self.jobs.send((serial, mine, query.to_owned()));
    }

    fn try_receive(&self) -> Option<(u64, Arc<Outcome>)> {
        self.results.try_recv().ok()
    }
}
