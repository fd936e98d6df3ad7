//! Helpers shared by the test files.
#![allow(dead_code)]

pub mod pty;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhizao::action::Action;
use zhizao::app::App;
use zhizao::content::Library;
use zhizao::wrap::Widths;

pub fn app(w: u16, h: u16) -> App {
    app_of(
        Library::bundled().expect("bundled content loads"),
        Widths::default(),
        w,
        h,
    )
}

/// The reader on `lib`, at a size.
pub fn app_of(lib: Library, widths: Widths, w: u16, h: u16) -> App {
    let mut app = App::new(lib, widths);
    app.update(Action::Resize(w, h));
    app
}

/// What a big folder first shows of the bundled page: the report and the
/// places, without the essay.
pub fn first_part() -> Library {
    let file = |i: usize| {
        let (name, text) = zhizao::content::BUNDLED[i];
        (std::path::PathBuf::from(name), text.to_owned())
    };
    Library::from_sources([file(0), file(2)]).expect("the report and the places load")
}

/// A collection of `files` loading, `built` of them read, the first shown.
pub fn loading(built: usize, files: usize) -> zhizao::app::Loading {
    zhizao::app::Loading {
        built: std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(built)),
        files,
        shown: 1,
    }
}

/// The app drawn into a buffer of its size, as the frame stands before the
/// terminal's diff leaves skipped cells out.
pub fn frame(app: &App) -> ratatui::buffer::Buffer {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let screen = zhizao::ui::Screen {
        app,
        theme: &zhizao::paint::theme::COLOR,
    };
    ratatui::widgets::Widget::render(screen, area, &mut buf);
    buf
}

/// A place's id, by its name as printed.
pub fn place(app: &App, name: &str) -> usize {
    app.lib
        .places
        .iter()
        .position(|p| p.name == name)
        .unwrap_or_else(|| panic!("no place {name}"))
}

pub fn node(app: &App, path: &str) -> usize {
    app.lib
        .find(path)
        .unwrap_or_else(|| panic!("no node {path}"))
}

/// Draws the app on a test terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
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
    terminal
}

/// The screen as text, one row per line, wide characters once.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// Types a query into the open search popup and delivers its results as
/// the worker thread would.
pub fn search(app: &mut App, query: &str) {
    if !matches!(app.overlay, zhizao::app::Overlay::Search) {
        app.update(Action::OpenSearch);
    }
    app.update(Action::DeleteToStart);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
    deliver(app);
}

/// Does what the terminal's workers do: runs the search the popup is
/// waiting for, and finds the place index's mentions while it waits for
/// them; hands each over.
pub fn deliver(app: &mut App) {
    if matches!(app.overlay, zhizao::app::Overlay::Search) && app.search.stale() {
        let (serial, q) = (app.search.serial, app.search.line.text.clone());
        let outcome = app
            .index
            .search(&q, zhizao::app::search::RESULTS, None, None)
            .expect("not cancelled");
        app.update(Action::SearchDone(serial, std::sync::Arc::new(outcome)));
    }
    if app.views.places.waiting() {
        let lib = std::sync::Arc::clone(&app.lib);
        let found = lib.mentions();
        app.update(Action::PlacesFound(lib, std::sync::Arc::new(found)));
    }
}

/// Applies an action as the runtime does, workers included: searches and
/// mentions are delivered at once; every effect is returned.
pub fn act(app: &mut App, action: Action) -> Vec<zhizao::app::Effect> {
    let effects = app.update(action);
    deliver(app);
    effects
}

/// Every piece of the authors' text in the library, in reading order:
/// title parts, deck, byline, affiliation, editor's note, notes, headings
/// and paragraphs; with `lessons_apart`, a lesson's lead and each example
/// instead of its joined paragraph (as JSON keeps them).
pub fn authored(lib: &Library, lessons_apart: bool) -> Vec<String> {
    let mut units = Vec::new();
    for a in &lib.articles {
        if !a.title.derived {
            units.extend(a.title.text.split(' ').map(str::to_owned));
        }
        units.extend(
            a.deck
                .iter()
                .chain(&a.byline)
                .chain(&a.affiliation)
                .chain(&a.editor_note)
                .cloned(),
        );
        units.extend(a.notes.iter().cloned());
        for n in lib.subtree(a.root) {
            let node = lib.node(n);
            if node.depth > 0 {
                units.extend(node.heading.clone());
            }
            match (&node.lesson, lessons_apart) {
                (Some(_), true) => {
                    units.push(node.lead().to_owned());
                    units.extend(node.examples().map(|(_, text)| text.to_owned()));
                }
                _ => units.extend(node.paragraphs.iter().map(str::to_owned)),
            }
        }
    }
    units
}

/// The report under an id of its own, `c{i}`: copy `i` of a big collection.
pub fn report_copy(i: usize) -> String {
    let (_, report) = zhizao::content::BUNDLED[0];
    report.replacen("id = \"capital\"", &format!("id = \"c{i}\""), 1)
}

/// Where copy `i` of the report goes: names that sort in reading order.
pub fn report_file(dir: &std::path::Path, i: usize) -> std::path::PathBuf {
    dir.join(format!("a{i:04}.toml"))
}

/// A fresh folder of `n` copies of the report and the places, in a file
/// named `places` (which sorts before the copies or after them).
pub fn big_collection(name: &str, n: usize, places: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhizao-big-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(places), zhizao::content::BUNDLED[2].1).unwrap();
    for i in 0..n {
        std::fs::write(report_file(&dir, i), report_copy(i)).unwrap();
    }
    dir
}

/// Whether this run has a tool a test needs (tmux, fish, bash-completion,
/// mandoc). A plain `cargo test` on a machine with only the Rust toolchain
/// skips the test and says so on the terminal (past the harness's capture),
/// naming the tool and what installs it; under CI (`CI` set, not `false`)
/// a missing tool fails, so CI still runs everything.
pub fn have(tool: &str, present: bool) -> bool {
    if present {
        return true;
    }
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    assert!(
        !ci,
        "{test} needs {tool}, which is missing; .ci/run installs it"
    );
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("skipped {test}: needs {tool}, not on this machine (.ci/run installs it)\n")
            .as_bytes(),
    );
    false
}

/// Whether `command` runs from PATH.
pub fn on_path(command: &str) -> bool {
    std::process::Command::new(command)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// The help popup's state, while it is open.
pub fn help(app: &App) -> &zhizao::app::help::Help {
    match &app.overlay {
        zhizao::app::Overlay::Help(help) => help,
        _ => panic!("help is not open"),
    }
}

/// Where the terminal cursor is put.
pub fn cursor(app: &App) -> Option<(u16, u16)> {
    zhizao::ui::Screen {
        app,
        theme: &zhizao::paint::theme::COLOR,
    }
    .cursor()
}
