//! The gazetteer: how long it takes to make (the first time a collection is
//! loaded whole; the first frame of the reader never waits for it), the
//! heap it holds, and finding every place in a text of 1x, 2x and 4x the
//! size (a pass linear in the text: the time per MB stays flat).
//!
//! `cargo bench --bench places`

// Sizes stay far below 2^52: as f64 loses nothing.
#![allow(clippy::cast_precision_loss)]

use std::time::{Duration, Instant};

use zhizao::content::Library;
use zhizao::content::gazetteer::Gazetteer;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median of five runs of `f`, in milliseconds.
fn median_ms<T>(mut f: impl FnMut() -> T) -> f64 {
    let runs = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    median(runs).as_secs_f64() * 1e3
}

fn main() {
    let start = Instant::now();
    let gazetteer = Gazetteer::load();
    let made = start.elapsed();
    println!(
        "made: {} places in {:.1} ms, {:.2} MiB of heap (held while a collection loads)",
        gazetteer.entries().len(),
        made.as_secs_f64() * 1e3,
        gazetteer.heap_bytes() as f64 / f64::from(1 << 20)
    );
    // The bundled page's text, over and over: 1x, 2x and 4x of 20 MB.
    let lib = Library::bundled().expect("the bundled page");
    let mut page = String::new();
    for node in 0..lib.nodes.len() {
        for (_, text) in lib.fields(node) {
            page.push_str(text);
            page.push('\n');
        }
    }
    let base = 20 << 20;
    println!(
        "{:>8} {:>10} {:>10} {:>10}",
        "MB", "places", "ms", "ms per MB"
    );
    for times in [1, 2, 4] {
        let text = page.repeat(base * times / page.len());
        let mut found = 0;
        let took = median(
            (0..3)
                .map(|_| {
                    let start = Instant::now();
                    found = gazetteer.find(&text).count();
                    start.elapsed()
                })
                .collect(),
        );
        let mb = text.len() as f64 / 1e6;
        let ms = took.as_secs_f64() * 1e3;
        println!("{mb:>8.0} {found:>10} {ms:>10.1} {:>10.2}", ms / mb);
    }
    // Loading the bundled page whole, the gazetteer's scan included.
    let took = median_ms(|| Library::bundled().expect("loads"));
    println!("the bundled page loaded whole: {took:.2} ms");
    // What the reader's first frame waits for: the page without the
    // places only the gazetteer finds (they come behind it).
    let took = median_ms(|| Library::bundled_placed(false).expect("loads"));
    println!("the bundled page as the first frame waits for it: {took:.2} ms");
    // The gazetteer's part, behind the first frame: its characters
    // gathered, an automaton over the names that can stand in it, the pass.
    let took = median_ms(|| zhizao::content::gazetteer::found(&lib));
    println!("  the places found, behind it: {took:.2} ms");
}
