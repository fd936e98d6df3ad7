//! `cargo bench --bench notes`: study notes at their worst sizes. 10,000
//! notes on the bundled page: finding each one's words (as written, and
//! after an edit moved every section so each is found by its words), the
//! notes file saved and read, a reader frame and a notes-view frame with
//! them all, the list filtered by pinyin; and typing into a note of
//! 100,000 characters with its editor drawn. Medians and p95 of 9 runs;
//! a frame or a keystroke is to stay under 16 ms.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhizao::action::Action;
use zhizao::app::App;
use zhizao::content::Library;
use zhizao::notes::anchor::{grow, node_text, sentence_at};
use zhizao::notes::{Note, Notebook};
use zhizao::state::store::Store;
use zhizao::view::View;
use zhizao::wrap::Widths;

fn median_p95(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
    )
}

fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    median_p95(times)
}

/// 10,000 notes: every sentence of every section, round and round.
fn notes(lib: &Library, n: usize) -> Notebook {
    let mut sentences = Vec::new();
    for node in 0..lib.nodes.len() {
        let text = node_text(lib, node);
        let mut at = 0;
        while at < text.len() {
            let s = sentence_at(&text, at);
            if s.is_empty() {
                break;
            }
            sentences.push((node, s.clone()));
            at = grow(&text, s.end, false).map_or(text.len(), |_| s.end);
        }
    }
    let notes = (0..n)
        .map(|i| {
            let (node, bytes) = sentences[i % sentences.len()].clone();
            Note::new(
                lib,
                node,
                bytes,
                "重点",
                &format!("第 {i} 条笔记：立场决定行为"),
            )
        })
        .collect();
    Notebook { notes }
}

fn frame(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    terminal
        .draw(|f| {
            f.render_widget(
                zhizao::ui::Screen {
                    app,
                    theme: &zhizao::ui::theme::COLOR,
                },
                f.area(),
            );
        })
        .expect("draw");
}

fn row(what: &str, (median, p95): (f64, f64)) {
    println!("{what:<64} {median:>8.2} ms  p95 {p95:>8.2} ms");
}

fn main() {
    let lib = Library::bundled().expect("the bundled page");
    let book = notes(&lib, 10_000);
    println!(
        "{:<64} {:>11}  {:>12}",
        "10,000 notes on the bundled page", "median", ""
    );
    row(
        "find every note's words, as written",
        time(9, || {
            std::hint::black_box(book.place_all(&lib));
        }),
    );
    let moved = Notebook {
        notes: book
            .notes
            .iter()
            .cloned()
            .map(|mut n| {
                n.path = format!("gone/{}", n.path);
                n
            })
            .collect(),
    };
    row(
        "find every note's words, every section moved",
        time(3, || {
            std::hint::black_box(moved.place_all(&lib));
        }),
    );
    let dir = std::env::temp_dir().join(format!("zhizao-bench-notes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::new(dir.clone(), "bundled.notes.json");
    row(
        "save the notes file (merge with the one there, write)",
        time(9, || {
            store.save(book.clone()).expect("saved");
        }),
    );
    let bytes = std::fs::metadata(store.path()).map_or(0, |m| m.len());
    row(
        &format!("read the notes file ({} kB)", bytes / 1024),
        time(9, || {
            std::hint::black_box(store.load::<Notebook>());
        }),
    );

    let mut app = App::new(
        Library::bundled().expect("the bundled page"),
        Widths::default(),
    );
    app.update(Action::Resize(100, 30));
    app.recall_notes(book.clone());
    row("a reader frame with 10,000 notes", time(9, || frame(&app)));
    app.update(Action::Show(View::Notes));
    row(
        "a notes-view frame with 10,000 notes",
        time(9, || frame(&app)),
    );
    app.update(Action::FilterNotes);
    row(
        "filter 10,000 notes by pinyin: type and erase lichang (14 keys)",
        time(9, || {
            for c in "lichang".chars() {
                app.update(Action::Insert(c));
            }
            for _ in 0..7 {
                app.update(Action::Backspace);
            }
        }),
    );
    app.update(Action::Close);

    let mut app = App::new(
        Library::bundled().expect("the bundled page"),
        Widths::default(),
    );
    app.update(Action::Resize(100, 30));
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    app.update(Action::Paste("立场决定行为。".repeat(100_000 / 7)));
    println!();
    row(
        "type a character into a 100,000-character note, and draw",
        time(9, || {
            app.update(Action::Insert('字'));
            frame(&app);
            app.update(Action::Backspace);
        }),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
