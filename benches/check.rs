//! `zhizao check` on files full of errors: the time should grow with the
//! number of errors, not with its square. Prints, for files of 5,000 to
//! 500,000 errors (on one long line and on many lines), the median time to
//! load and render every error, and the time per error.
//!
//! `cargo bench --bench check`

// Error counts stay far below 2^52: as f64 loses nothing.
#![allow(clippy::cast_precision_loss)]

use std::path::Path;
use std::time::{Duration, Instant};

use zhizao::content::Library;

/// A file with `n` paragraphs that each hold an escape: `n` errors.
fn write(dir: &Path, n: usize, one_line: bool) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("bench folder");
    let sep = if one_line { ", " } else { ",\n  " };
    let bad = vec!["\"\\u001b\""; n].join(sep);
    let text = format!("[article]\nid = \"a\"\ntitle = \"题\"\nparagraphs = [{bad}]\n");
    std::fs::write(dir.join("a.toml"), text).expect("bench file");
}

fn time(dir: &Path) -> Duration {
    let mut runs: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let errors = Library::load_dir(dir).expect_err("errors");
            let shown = errors.to_string();
            std::hint::black_box(shown.len());
            start.elapsed()
        })
        .collect();
    runs.sort();
    runs[1]
}

fn main() {
    let root = std::env::temp_dir().join(format!("zhizao-bench-check-{}", std::process::id()));
    println!(
        "{:>9} {:>10} {:>12} {:>14}",
        "errors", "layout", "median ms", "µs per error"
    );
    for one_line in [false, true] {
        for n in [5_000, 40_000, 500_000] {
            write(&root, n, one_line);
            let t = time(&root);
            println!(
                "{n:>9} {:>10} {:>12.1} {:>14.2}",
                if one_line { "one line" } else { "lines" },
                t.as_secs_f64() * 1e3,
                t.as_secs_f64() * 1e6 / n as f64
            );
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}
