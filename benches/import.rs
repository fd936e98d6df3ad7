//! `cargo bench --bench import`: `zhizao import` on pages at 1×, 2× and 4×
//! a size, to show every pass over a page is linear (each row about twice
//! the one before, never four times): a page of numbered lines, one of
//! numbered parts each with a paragraph, and a Markdown page of `##`
//! headings. Medians of 5 runs.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use zhizao::import::{Format, Options, import};

fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn numbered(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = writeln!(page, "{i}、第{i}部分的内容，说明一些情况。");
    }
    page
}

fn parts(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = write!(page, "{i}. 第{i}部分\n\n这是第{i}部分的内容。\n\n");
    }
    page
}

fn headings(n: usize) -> String {
    let mut page = String::from("# 总标题\n\n");
    for i in 1..=n {
        let _ = write!(page, "## 小标题{i}\n\n正文{i}，说明一些情况。\n\n");
    }
    page
}

fn main() {
    let options = |format| Options {
        format,
        id: None,
        places: None,
        existing: &[],
        files_before: 0,
        strict: false,
    };
    println!("{:<56} {:>10}", "import, by page size", "median");
    for (what, page, format) in [
        (
            "numbered lines",
            numbered as fn(usize) -> String,
            Format::Text,
        ),
        ("numbered parts, each with a paragraph", parts, Format::Text),
        ("Markdown headings", headings, Format::Markdown),
    ] {
        for n in [10_000, 20_000, 40_000] {
            let text = page(n);
            let ms = median(5, || {
                std::hint::black_box(import(&text, &options(format)));
            });
            println!(
                "{:<56} {ms:>7.1} ms",
                format!("{n} {what} ({} kB)", text.len() / 1024)
            );
        }
    }
}
