//! `cargo bench --bench notes`: study notes at their worst sizes. 10,000
//! notes on the bundled page: finding each one's words (as written, and
//! after an edit moved every section so each is found by its words), the
//! notes file saved and read, a reader frame and a notes-view frame with
//! them all, the list filtered by pinyin; and typing into a note of
//! 100,000 characters with its editor drawn. Medians and p95 of 9 runs;
//! a frame or a keystroke is to stay under 16 ms. Then the worst cases
//! for finding notes again at 1×, 2× and 4× a section's size: each row
//! about twice the one before, never four times.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhizao::action::Action;
use zhizao::app::App;
use zhizao::content::Library;
use zhizao::notes::anchor::{grow, node_text, sentence_at};
use zhizao::notes::{Note, Notebook};
use zhizao::state::store::Store;
use zhizao::views::View;
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
    Notebook {
        notes,
        ..Notebook::default()
    }
}

/// A collection of one article whose one section is `paragraph`.
fn one_section(paragraph: &str) -> Library {
    let toml = format!(
        "[article]\nid = \"long\"\ntitle = \"长文\"\n\n[[section]]\nid = \"part\"\nheading = \"一、长节\"\nparagraphs = [\"\"\"\n{paragraph}\n\"\"\"]\n"
    );
    Library::from_sources([(std::path::PathBuf::from("long.toml"), toml)])
        .expect("the long section loads")
}

/// Linear growth: a note that is gone, in a section where the one
/// character before it stood occurs `n` times; and ten notes found again
/// after one character was put before them, in a section of `n` sentences.
fn worst_cases() {
    println!();
    println!(
        "{:<64} {:>11}  {:>12}",
        "finding notes again, by section size", "median", ""
    );
    for n in [50_000, 100_000, 200_000] {
        let lib = one_section(&"的".repeat(n));
        let section = lib.find("long/part").expect("the section");
        let mut note = Note::new(&lib, section, 0..3, "重点", "");
        note.quote.exact = "消失的话".into();
        note.quote.prefix = "的".into();
        note.quote.suffix = "已删去".into();
        let book = Notebook {
            notes: vec![note],
            ..Notebook::default()
        };
        row(
            &format!("a gone note whose prefix occurs {n} times"),
            time(5, || {
                std::hint::black_box(book.place_all(&lib));
            }),
        );
    }
    for n in [50_000, 100_000, 200_000] {
        let text = "立场决定行为。".repeat(n);
        let lib = one_section(&text);
        let node = lib.find("long/part").expect("the section");
        let notes = (0..10)
            .map(|k| {
                let at = (n / 10 * k) * "立场决定行为。".len();
                Note::new(&lib, node, at..at + "立场决定".len(), "重点", "")
            })
            .collect();
        let book = Notebook {
            notes,
            ..Notebook::default()
        };
        let edited = one_section(&format!("甲{text}"));
        row(
            &format!("ten notes moved by one character, {n} sentences"),
            time(5, || {
                std::hint::black_box(book.place_all(&edited));
            }),
        );
    }
}

fn frame(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    terminal
        .draw(|f| {
            f.render_widget(
                zhizao::ui::Screen {
                    app,
                    theme: &zhizao::paint::theme::COLOR,
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
        ..Notebook::default()
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
    app.update(Action::RecallNotes(Box::new(book.clone())));
    row("a reader frame with 10,000 notes", time(9, || frame(&app)));
    app.update(View::Notes.show());
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
    worst_cases();
}
