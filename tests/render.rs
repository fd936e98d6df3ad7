//! Whole-app snapshots at 100×30 and 50×16, one per view and popup.

mod common;

use common::{app, draw, node, screen};
use insta::assert_snapshot;
use zhizao::action::Action;
use zhizao::views::View;

const SIZES: [(u16, u16); 2] = [(100, 30), (50, 16)];

fn snap(name: &str, setup: impl Fn(&mut zhizao::app::App)) {
    snap_at(&SIZES, name, setup);
}

/// One snapshot per size, of the app after `setup`.
fn snap_at(sizes: &[(u16, u16)], name: &str, setup: impl Fn(&mut zhizao::app::App)) {
    for &(w, h) in sizes {
        let mut app = app(w, h);
        setup(&mut app);
        assert_snapshot!(format!("{name}_{w}x{h}"), screen(&draw(&app)));
    }
}

#[test]
fn opening_screen() {
    snap("opening", |_| {});
}

#[test]
fn tree_expanded() {
    snap("tree_expanded", |app| {
        app.update(Action::ToggleTree);
        if app.areas().tree.is_none() {
            app.update(Action::ToggleTree);
        }
        for a in [
            Action::TreeDown,
            Action::TreeDown,
            Action::TreeExpand,
            Action::TreeDown,
            Action::TreeExpand,
        ] {
            app.update(a);
        }
    });
}

#[test]
fn scrolled_article() {
    snap("scrolled", |app| {
        app.update(Action::Select(node(app, "capital/lessons/foreign/3")));
        app.update(Action::ScrollDown);
    });
}

#[test]
fn derived_title_is_marked() {
    snap("derived_title", |app| {
        app.update(Action::Select(node(app, "models")));
    });
}

#[test]
fn help_overlay() {
    snap("help", |app| {
        app.update(Action::ToggleHelp);
    });
}

#[test]
fn too_small_notice() {
    for (w, h) in [(19, 10), (40, 5), (8, 3)] {
        let app = app(w, h);
        assert_snapshot!(format!("too_small_{w}x{h}"), screen(&draw(&app)));
    }
}

#[test]
fn ambiguous_characters_drawn_double_width() {
    let wide = zhizao::wrap::Widths {
        ambiguous_wide: true,
    };
    let mut app = common::app_of(zhizao::content::Library::bundled().unwrap(), wide, 60, 12);
    app.update(Action::Select(node(&app, "capital/traits")));
    let buf = common::frame(&app);
    // “ is followed by a cell the terminal's glyph covers: the diff must skip it.
    let y = (0..12)
        .find(|&y| (0..60).any(|x| buf[(x, y)].symbol() == "“"))
        .expect("a quotation mark on screen");
    let x = (0..60).find(|&x| buf[(x, y)].symbol() == "“").unwrap();
    assert_eq!(
        buf[(x + 1, y)].diff_option,
        ratatui::buffer::CellDiffOption::Skip
    );
    assert_eq!(
        buf[(x + 2, y)].diff_option,
        ratatui::buffer::CellDiffOption::None
    );
}

#[test]
fn a_popup_never_leaves_half_a_wide_glyph_at_its_edges() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    // 智造创新之都: 造 sits in columns 2–3 and 新 in 6–7. A popup over columns
    // 3–6 cuts both; each is blanked whole, not left half drawn.
    let mut buf = Buffer::with_lines(["智造创新之都"]);
    zhizao::paint::text::clear_popup(&mut buf, Rect::new(3, 0, 4, 1));
    assert_eq!(buf, Buffer::with_lines(["智      之都"]));
}

#[test]
fn search_popup() {
    snap("search_empty", |app| {
        app.update(Action::OpenSearch);
    });
    snap("search_nb", |app| {
        common::search(app, "nb");
        app.update(Action::ResultDown);
    });
    snap("search_none", |app| common::search(app, "zzzzqq"));
}

#[test]
fn reader_with_search_hits() {
    snap("hits", |app| {
        common::search(app, "austin");
        app.update(Action::OpenResult);
    });
}

const COMPARE_SIZES: [(u16, u16); 3] = [(120, 36), (80, 24), (60, 20)];

fn snap_compare(name: &str, setup: impl Fn(&mut zhizao::app::App)) {
    snap_at(&COMPARE_SIZES, name, |app| {
        app.update(View::Compare.show());
        setup(app);
    });
}

#[test]
fn comparison_plain_and_stacked() {
    snap_compare("compare", |_| {});
}

#[test]
fn comparison_filtered_by_a_place() {
    snap_compare("compare_austin", |app| {
        app.update(Action::OpenPlaces);
        for c in "austin".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::PickPlace);
    });
}

#[test]
fn place_picker_and_place_index() {
    snap_compare("picker", |app| {
        app.update(Action::OpenPlaces);
        app.update(Action::Insert('s'));
    });
    snap_compare("places", |app| {
        app.update(View::Places.show());
        common::deliver(app);
        app.update(Action::MentionDown);
    });
}

#[test]
fn help_in_the_comparison_lists_its_keys_first() {
    snap_at(&[(100, 30), (80, 24)], "help_compare", |app| {
        app.update(View::Compare.show());
        app.update(Action::ToggleHelp);
    });
}

#[test]
fn the_place_index_at_60x20() {
    snap_at(&[(60, 20)], "places_small", |app| {
        app.update(View::Places.show());
        common::deliver(app);
        for _ in 0..5 {
            app.update(Action::MentionDown);
        }
    });
}

#[test]
fn the_boundary_between_articles() {
    snap_at(&[(100, 30)], "article_boundary", |app| {
        app.update(Action::ScrollBottom);
        app.update(Action::PageDown);
    });
}

#[test]
fn without_colour_no_reverse_video_touches_a_popup() {
    let mut app = app(100, 30);
    app.update(Action::FocusNext);
    app.update(Action::OpenSearch);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                zhizao::ui::Screen {
                    app: &app,
                    theme: &zhizao::paint::theme::MONO,
                },
                f.area(),
            );
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    let popup = zhizao::areas::search(100, 30).popup;
    for y in popup.top()..popup.bottom() {
        let outside = &buf[(popup.left() - 1, y)];
        assert!(
            !outside
                .modifier
                .contains(ratatui::style::Modifier::REVERSED),
            "reverse video beside the popup's border on row {y}"
        );
    }
}

#[test]
fn a_corrected_search_asks_what_was_meant() {
    snap_at(&[(100, 30)], "search_corrected", |app| {
        common::search(app, "ningob");
    });
}

/// Under `--ambiwidth double` the terminal draws “ ” … · ─ │ two columns
/// wide. Each such cell must be followed by one the terminal is not sent,
/// or everything after it on the row moves one column right: frames,
/// titles, hints and text alike, in every view and popup.
#[test]
fn with_ambiguous_characters_wide_nothing_on_a_row_shifts() {
    use ratatui::buffer::CellDiffOption;
    use unicode_width::UnicodeWidthStr;
    let views: [(&str, &[Action]); 8] = [
        ("reader", &[]),
        ("tree", &[Action::FocusNext]),
        ("compare", &[View::Compare.show()]),
        ("places", &[View::Places.show()]),
        ("search", &[Action::OpenSearch, Action::Insert('n')]),
        ("picker", &[View::Compare.show(), Action::OpenPlaces]),
        ("help", &[Action::ToggleHelp]),
        ("bookmarks", &[Action::OpenBookmarks]),
    ];
    let mut wrong = Vec::new();
    for (w, h) in [(100, 30), (60, 20)] {
        for (name, actions) in views {
            let lib = zhizao::content::Library::bundled().unwrap();
            let wide = zhizao::wrap::Widths {
                ambiguous_wide: true,
            };
            let mut app = common::app_of(lib, wide, w, h);
            for action in actions {
                app.update(action.clone());
                common::deliver(&mut app);
            }
            let buf = common::frame(&app);
            for y in 0..h {
                for x in 0..w {
                    let symbol = buf[(x, y)].symbol();
                    if symbol.width_cjk() > symbol.width()
                        && (x + 1 >= w || buf[(x + 1, y)].diff_option != CellDiffOption::Skip)
                    {
                        wrong.push(format!("{name} {w}x{h} ({x}, {y}) {symbol:?}"));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_hint_on_the_status_bar_is_whole_or_gone_at_every_width() {
    let hints = ["? 帮助", "/ 搜索", "t 目录", "Tab 切换", "[ ] 跳节"];
    for w in 20..=110 {
        for h in [6, 12] {
            let app = common::app(w, h);
            let screen = screen(&draw(&app));
            let last = screen
                .lines()
                .last()
                .unwrap_or_default()
                .trim_end()
                .to_owned();
            for hint in hints {
                let key = hint.split(' ').next().unwrap();
                let cut = format!(
                    "{key} {}",
                    hint.chars().nth(key.chars().count() + 1).unwrap()
                );
                if last.contains(&cut) {
                    assert!(last.contains(hint), "{w}×{h}: {last:?}");
                }
            }
            if w < 80 && h >= 6 && !screen.contains("窗口太小") && last.contains("目录") {
                assert!(last.contains("t 目录"), "{w}×{h}: {last:?}");
            }
        }
    }
    let narrow = common::app(60, 20);
    let last = screen(&draw(&narrow)).lines().last().unwrap().to_owned();
    assert!(
        last.contains("t 目录"),
        "below 80 columns the tree's key is offered: {last}"
    );
}

#[test]
fn text_cut_to_fit_ends_in_an_ellipsis() {
    let mut app = app(40, 14);
    app.update(View::Places.show());
    common::deliver(&mut app);
    let screen = screen(&draw(&app));
    let title = screen.lines().nth(1).unwrap();
    assert!(title.contains('…') && !title.contains("选择地─"), "{title}");
    let head = screen.lines().nth(2).unwrap();
    assert!(head.trim_end_matches(['│', ' ']).ends_with('…'), "{head}");
}

/// Study notes: a note on two sentences and a highlight, as the reader
/// marks them, the notes view lists them, and the editor and a selection
/// are drawn. Times are fixed so the dates drawn are too.
fn with_notes(app: &mut zhizao::app::App) {
    let n = node(app, "models/ideals/1");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::StartSelection);
    app.update(Action::GrowSentence);
    app.update(Action::Annotate);
    for c in "立场决定行为".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::SaveNote);
    let n = node(app, "models/ideals/2");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::StartSelection);
    app.update(Action::Highlight);
    for note in &mut app.study.book.notes {
        note.created = 1_796_180_645_000;
        note.modified = 1_796_180_645_000;
        note.edited = note.modified;
    }
    let n = node(app, "models/ideals");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
}

#[test]
fn study_notes_in_the_reader_the_notes_view_and_the_editor() {
    snap("notes_reader", with_notes);
    snap("notes_view", |app| {
        with_notes(app);
        app.update(View::Notes.show());
    });
    snap("notes_editor", |app| {
        with_notes(app);
        app.update(Action::StartSelection);
        app.update(Action::GrowClause);
        app.update(Action::Annotate);
        for c in "写到一半".chars() {
            app.update(Action::Insert(c));
        }
    });
}
