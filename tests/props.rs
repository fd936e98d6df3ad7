//! Any size and any sequence of input: no panic, everything stays in bounds.

mod common;

use std::fmt::Write as _;

use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use zhizao::action::Action;
use zhizao::content::Library;

/// Keys a user might press, through the real key table.
fn key() -> impl Strategy<Value = Event> {
    let chars = "jkhlgG[]bt? q/".chars().collect::<Vec<_>>();
    prop_oneof![
        proptest::sample::select(chars)
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        proptest::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Esc,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Home,
            KeyCode::End,
        ])
        .prop_map(|c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE))),
        proptest::sample::select(vec!['d', 'u'])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
    ]
}

fn input() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => key(),
        1 => (0u16..300, 0u16..100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (0u16..120, 0u16..40, 0u8..3).prop_map(|(x, y, kind)| {
            use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
            let kind = match kind {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE })
        }),
    ]
}

fn assert_in_bounds(app: &zhizao::app::App) {
    assert!(app.views.reading.reader.article < app.lib.articles.len());
    assert!(
        app.views.reading.reader.scroll <= app.views.reading.reader.max_scroll(),
        "scroll {} past {}",
        app.views.reading.reader.scroll,
        app.views.reading.reader.max_scroll()
    );
    let rows = app.views.reading.tree.rows();
    let at = rows
        .iter()
        .position(|&n| n == app.views.reading.tree.selected);
    assert!(at.is_some(), "the selection has a row");
    assert!(app.views.reading.tree.offset < rows.len());
    assert!(app.views.reading.reader.article < app.lib.articles.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_size_renders_without_panic(w in 0u16..=300, h in 0u16..=100) {
        let app = common::app(w, h);
        common::draw(&app);
        assert_in_bounds(&app);
    }

    #[test]
    fn any_input_keeps_state_in_bounds(w in 0u16..=300, h in 0u16..=100, events in proptest::collection::vec(input(), 0..40)) {
        let mut app = common::app(w, h);
        for ev in &events {
            if let Some(action) = app.keys.action_for_event(&app.modes(), ev) {
                app.update(action);
            }
            assert_in_bounds(&app);
        }
        common::draw(&app);
        app.update(Action::Resize(w, h));
        common::draw(&app);
    }
}

proptest! {
    #[test]
    fn lesson_i_starts_on_the_same_row_on_both_sides(width in 8usize..300) {
        use zhizao::compare::{Kind, Sheet, Sides};
        let lib = zhizao::content::Library::bundled().unwrap();
        let w = zhizao::wrap::Widths::default();
        let sides = Sides::lessons(&lib).unwrap();
        let sheet = Sheet::new(&lib, &sides, width, w, false);
        let columns = [0, 1].map(|s| sheet.lines(&lib, s, 0..usize::MAX));
        prop_assert_eq!(columns[0].len(), columns[1].len());
        prop_assert_eq!(sheet.starts.len(), 5);
        for (i, &row) in sheet.starts.iter().enumerate() {
            for (side, col) in columns.iter().enumerate() {
                let line = &col[row];
                prop_assert_eq!(line.kind, Kind::Lesson);
                prop_assert_eq!(line.lesson, sheet.rows[i].items[side].map(zhizao::compare::Item::node));
            }
        }
        for col in &columns {
            for line in col {
                prop_assert!(w.str(&line.text) <= width.max(2), "{} wider than {}", line.text, width);
            }
        }
        // Stacked: each row's left side first, under its label.
        let stacked = Sheet::new(&lib, &sides, width, w, true);
        let col = stacked.lines(&lib, 0, 0..usize::MAX);
        for (i, &row) in stacked.starts.iter().enumerate() {
            prop_assert_eq!(col[row].kind, Kind::Side);
            prop_assert_eq!(col[row + 1].lesson, stacked.rows[i].items[0].map(zhizao::compare::Item::node));
        }
    }

    /// The sheet the view holds lays out, for any window of rows, exactly
    /// the rows it lays out whole, side by side and stacked; with lists of
    /// unequal length too (a collection of the report alone, or one with a
    /// lesson list cut short), and between versions.
    #[test]
    fn the_sheet_gives_the_same_rows_for_any_window(
        width in 8usize..200,
        start in 0usize..160,
        len in 0usize..60,
        which in 0usize..4,
    ) {
        use zhizao::compare::{Sheet, Sides};
        let lib = match which {
            1 => common::first_part(),
            2 => {
                // The foreign list with its last two lessons gone.
                let (name, text) = zhizao::content::BUNDLED[0];
                let cut = text.rsplitn(3, "[[section.section.section]]\nid = \"4\"").last().unwrap_or(text);
                let cut = cut.rsplit_once("[[section]]\nid = \"measures\"").map_or(cut, |(a, _)| a);
                zhizao::content::Library::from_sources([
                    (std::path::PathBuf::from(name), cut.to_owned()),
                    (std::path::PathBuf::from(zhizao::content::BUNDLED[2].0), zhizao::content::BUNDLED[2].1.to_owned()),
                ]).unwrap_or_else(|_| zhizao::content::Library::bundled().unwrap())
            }
            _ => zhizao::content::Library::bundled().unwrap(),
        };
        let sides = if which == 3 {
            let root = lib.articles[1].root;
            Sides::of(&lib, root, root)
        } else {
            Sides::default_for(&lib).unwrap()
        };
        let w = zhizao::wrap::Widths::default();
        for stacked in [false, true] {
            let sheet = Sheet::new(&lib, &sides, width, w, stacked);
            for side in 0..sheet.sides() {
                let whole = sheet.lines(&lib, side, 0..usize::MAX);
                prop_assert_eq!(whole.len(), sheet.height());
                let want: Vec<_> = whole.iter().skip(start).take(len).cloned().collect();
                prop_assert_eq!(sheet.lines(&lib, side, start..start + len), want, "side {} stacked {}", side, stacked);
            }
        }
    }
}

/// Pieces of text a hostile or merely unusual collection is made of: escape
/// sequences (CSI, OSC 52, DCS), C0 and C1 controls, DEL, bidi overrides and
/// isolates, zero-width characters, deep combining marks, emoji ZWJ
/// sequences, tabs and line separators, and plain Chinese between them.
const HOSTILE: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}]52;c;SGk=\u{7}",
    "\u{1b}P1$r\u{1b}\\",
    "\u{1b}[2J",
    "\u{1}",
    "\u{8}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
];
const ODD: &[&str] = &[
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30a}\u{30b}\u{30c}",
    "👩\u{200d}👩\u{200d}👧\u{200d}👦",
    "\t",
    "\u{2028}",
    "“智造”",
    "宁波",
    "创新之都。",
    "AI",
    " ",
];

fn text(hostile: bool) -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = if hostile {
        HOSTILE.iter().chain(ODD).copied().collect()
    } else {
        ODD.to_vec()
    };
    // Always something printable, so a benign text is never empty.
    proptest::collection::vec(proptest::sample::select(pieces), 0..12)
        .prop_map(|p| format!("字{}", p.concat()))
}

/// A TOML basic string: quotes, backslashes and every control escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An article with paragraphs and sections, each text from the alphabet.
fn collection() -> impl Strategy<Value = String> {
    any::<bool>().prop_flat_map(|hostile| {
        (
            text(hostile),
            proptest::collection::vec(text(hostile), 1..4),
            proptest::collection::vec(
                (
                    text(hostile),
                    proptest::collection::vec(text(hostile), 0..3),
                ),
                0..4,
            ),
        )
            .prop_map(|(title, paragraphs, sections)| {
                let list =
                    |v: &[String]| v.iter().map(|p| quoted(p)).collect::<Vec<_>>().join(", ");
                let mut toml = format!(
                    "[article]\nid = \"a\"\ntitle = {}\nparagraphs = [{}]\n",
                    quoted(&title),
                    list(&paragraphs)
                );
                for (i, (heading, paragraphs)) in sections.iter().enumerate() {
                    let _ = write!(
                        toml,
                        "[[section]]\nid = \"s{i}\"\nheading = {}\nparagraphs = [{}]\n",
                        quoted(heading),
                        list(paragraphs)
                    );
                }
                toml
            })
    })
}

/// Input on top of keys: pastes of hostile text.
fn hostile_input() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => input(),
        1 => text(true).prop_map(Event::Paste),
        1 => proptest::sample::select(vec!['/', 'p', '2', '3', '1', 'n', 'c', '?'])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
    ]
}

/// No cell holds a control character, a bidi control or an escape.
fn assert_clean_screen(app: &zhizao::app::App) {
    let terminal = common::draw(app);
    for cell in terminal.backend().buffer().content() {
        for c in cell.symbol().chars() {
            assert!(
                !(c.is_control() || zhizao::sanitize::is_forbidden(c)),
                "U+{:04X} reached the screen",
                u32::from(c)
            );
        }
    }
}

proptest! {
    // Each case loads a collection, builds its index and draws every step.
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn hostile_collections_and_input_never_leak_or_break(
        source in collection(),
        w in 0u16..=200,
        h in 0u16..=60,
        events in proptest::collection::vec(hostile_input(), 0..24),
    ) {
        match Library::from_sources([(std::path::PathBuf::from("a\u{1b}[2J.toml"), source)]) {
            Err(errors) => {
                let shown = errors.to_string();
                for c in shown.chars() {
                    prop_assert!(
                        c == '\n' || !(c.is_control() || zhizao::sanitize::is_forbidden(c)),
                        "U+{:04X} in the error message:\n{}", u32::from(c), shown
                    );
                }
            }
            Ok(lib) => {
                let mut app = zhizao::app::App::new(lib, zhizao::wrap::Widths::default());
                app.update(Action::Resize(w, h));
                for ev in &events {
                    let effects = app.action_for(ev).map(|a| app.update(a)).unwrap_or_default();
                    common::deliver(&mut app);
                    if effects.iter().any(|e| matches!(e, zhizao::app::Effect::Quit)) {
                        break;
                    }
                    assert_in_bounds(&app);
                    assert_clean_screen(&app);
                }
            }
        }
    }
}

/// What a bottom border may hold besides its line: the titles drawn there
/// (percent, sync state, popup hints and help's position).
const BOTTOM_TITLES: &str = "─╰╯ 0123456789%/同步各自滚动↑↓选择·EnterscEsc跳转关闭";

/// The frame of `r` is intact: sides are `│`, the bottom row holds only its
/// line and its titles.
fn assert_frame(buf: &ratatui::buffer::Buffer, r: ratatui::layout::Rect, what: &str) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    for y in r.top() + 1..r.bottom() - 1 {
        for x in [r.left(), r.right() - 1] {
            assert_eq!(
                buf[(x, y)].symbol(),
                "│",
                "{what}: side at {x},{y} in {r:?}"
            );
        }
    }
    let y = r.bottom() - 1;
    for x in r.left()..r.right() {
        let s = buf[(x, y)].symbol();
        assert!(
            s.chars().all(|c| BOTTOM_TITLES.contains(c)),
            "{what}: {s:?} on the bottom border at {x},{y} in {r:?}"
        );
    }
}

fn check_frames(w: u16, h: u16, steps: usize) {
    use zhizao::areas;
    use zhizao::views::View;
    for view in View::all().map(View::show) {
        let mut app = common::app(w, h);
        app.update(view);
        for _ in 0..steps {
            app.update(Action::MentionDown);
            app.update(Action::PageDown);
            app.update(Action::LessonDown);
        }
        let a = app.areas();
        if a.too_small {
            continue;
        }
        let terminal = common::draw(&app);
        let buf = terminal.backend().buffer();
        match app.view {
            View::Reader => {
                assert_frame(buf, a.reader, "reader");
                if let Some(tree) = a.tree {
                    assert_frame(buf, tree, "tree");
                }
            }
            View::Compare => {
                for pane in areas::compare_panes(a.main) {
                    assert_frame(buf, pane, "comparison");
                }
            }
            View::Places => assert_frame(buf, a.main, "place index"),
            View::Notes => assert_frame(buf, a.main, "notes"),
            View::Outline => assert_frame(buf, a.main, "outline"),
        }
    }
    for (open, what) in [
        (Action::OpenSearch, "search"),
        (Action::OpenPlaces, "picker"),
        (Action::ToggleHelp, "help"),
    ] {
        let mut app = common::app(w, h);
        app.update(View::Compare.show());
        if what == "search" {
            common::search(&mut app, "宁波");
        } else {
            app.update(open);
        }
        let terminal = common::draw(&app);
        let buf = terminal.backend().buffer();
        let popup = match what {
            "search" => areas::search(w, h).popup,
            "picker" => areas::picker(w, h, app.lib.places.len()).popup,
            _ => {
                let rows = app.keys.help_rows(common::help(&app).first);
                areas::help(
                    w,
                    h,
                    rows.len(),
                    zhizao::app::help::help_width(&rows, app.widths),
                )
            }
        };
        assert_frame(buf, popup, what);
    }
}

#[test]
fn the_place_index_stays_inside_its_frame_where_it_once_did_not() {
    for (w, h) in [(60, 20), (70, 22)] {
        for steps in (0..30).step_by(2) {
            check_frames(w, h, steps);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn no_view_or_popup_writes_over_its_frame(w in 20u16..=200, h in 6u16..=60, steps in 0usize..40) {
        check_frames(w, h, steps);
    }
}
