//! Action sequences applied to the app, and what they leave in its state.

mod common;

use common::{app, node};
use zhizao::action::Action;
use zhizao::app::{Effect, Overlay};
use zhizao::views::View;
use zhizao::views::reading::state::panes::Focus;

#[test]
fn enter_opens_the_selected_node_in_the_reader() {
    let mut app = app(100, 30);
    for a in [
        Action::TreeDown,
        Action::TreeDown,
        Action::TreeExpand,
        Action::TreeDown,
        Action::TreeDown,
        Action::TreeOpen,
    ] {
        app.update(a);
    }
    assert_eq!(
        app.views.reading.tree.selected,
        node(&app, "capital/lessons/foreign")
    );
    assert_eq!(app.views.reading.panes.focus, Focus::Reader);
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/lessons/foreign")
    );
    let top = &app.views.reading.reader.doc().lines[app.views.reading.reader.scroll];
    assert_eq!(top.text, "2、国外发达城市地区发展对宁波的启示");
}

#[test]
fn h_on_a_leaf_goes_to_the_parent_and_collapses_there() {
    let mut app = app(100, 30);
    app.update(Action::Select(node(&app, "capital/traits/2")));
    app.update(Action::FocusNext);
    assert_eq!(app.views.reading.panes.focus, Focus::Tree);
    app.update(Action::TreeCollapse);
    assert_eq!(
        app.views.reading.tree.selected,
        node(&app, "capital/traits")
    );
    app.update(Action::TreeCollapse);
    assert!(!app.views.reading.tree.expanded[node(&app, "capital/traits")]);
    assert!(
        !app.views
            .reading
            .tree
            .rows()
            .contains(&node(&app, "capital/traits/2"))
    );
}

#[test]
fn scrolling_stays_in_bounds_and_parts_jump() {
    let mut app = app(100, 30);
    app.update(Action::ScrollBottom);
    assert_eq!(
        app.views.reading.reader.scroll,
        app.views.reading.reader.max_scroll()
    );
    assert_eq!(app.views.reading.reader.percent(), 100);
    app.update(Action::ScrollDown);
    assert_eq!(
        app.views.reading.reader.scroll,
        app.views.reading.reader.max_scroll()
    );
    app.update(Action::ScrollTop);
    app.update(Action::NextPart);
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/traits")
    );
    app.update(Action::NextPart);
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/traits/1")
    );
    app.update(Action::PrevPart);
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/traits")
    );
    app.update(Action::HalfPageDown);
    assert_eq!(
        app.views.reading.reader.scroll,
        app.views
            .reading
            .reader
            .doc()
            .line_of_node(node(&app, "capital/traits"))
            .unwrap()
            + 13
    );
}

#[test]
fn reading_runs_on_from_one_article_into_the_next_and_back() {
    let mut app = app(100, 30);
    let essay = node(&app, "models");
    app.update(Action::ScrollBottom);
    app.update(Action::PageDown);
    assert_eq!(
        (
            app.views.reading.reader.article,
            app.views.reading.reader.scroll
        ),
        (1, 0)
    );
    assert_eq!(
        app.views.reading.reader.reading(),
        essay,
        "the next title is the boundary"
    );
    app.update(Action::PageUp);
    assert_eq!(app.views.reading.reader.article, 0);
    assert_eq!(
        app.views.reading.reader.scroll,
        app.views.reading.reader.max_scroll(),
        "back at the end"
    );
    // `]` past the last part runs on too, and `[` at the top runs back.
    for _ in 0..40 {
        app.update(Action::NextPart);
    }
    assert_eq!(app.views.reading.reader.article, 1);
    app.update(Action::ScrollTop);
    app.update(Action::PrevPart);
    assert_eq!(app.views.reading.reader.article, 0);
    // The last article has nothing after it.
    app.update(Action::Select(essay));
    app.update(Action::ScrollBottom);
    app.update(Action::PageDown);
    assert_eq!(app.views.reading.reader.article, 1);
}

#[test]
fn the_tree_follows_the_text_and_ctrl_o_goes_back_after_a_jump() {
    let mut app = app(100, 30);
    app.update(Action::Select(node(&app, "capital/lessons/foreign/3")));
    assert_eq!(
        app.views.reading.tree.selected,
        node(&app, "capital/lessons/foreign/3")
    );
    let there = app.views.reading.reader.position();
    app.update(Action::ScrollTop);
    assert_eq!(
        app.views.reading.tree.selected,
        node(&app, "capital"),
        "selection follows the top line"
    );
    for _ in 0..12 {
        app.update(Action::ScrollDown);
    }
    assert_eq!(
        app.views.reading.tree.selected,
        app.views.reading.reader.reading()
    );
    let here = app.views.reading.reader.position();
    app.update(Action::JumpBack);
    assert_eq!(
        app.views.reading.reader.position(),
        there,
        "back to before g"
    );
    app.update(Action::JumpForward);
    assert_eq!(app.views.reading.reader.position().article, here.article);
    app.update(Action::JumpForward);
    assert_eq!(app.notice.as_deref(), Some("跳转记录已到头"));
}

#[test]
fn n_says_when_it_wraps_and_hints_search_when_there_is_none() {
    let mut app = app(100, 30);
    app.update(Action::NextHit);
    assert_eq!(app.notice.as_deref(), Some("没有搜索结果 · 按 / 搜索"));
    common::search(&mut app, "筑波");
    app.update(Action::OpenResult);
    let n = app.views.reading.reader.hits.len();
    assert!(n > 2);
    while app.views.reading.reader.hit + 1 < n {
        app.update(Action::NextHit);
        assert_eq!(app.notice, None, "no word while moving on");
    }
    app.update(Action::NextHit);
    assert_eq!(app.views.reading.reader.hit, 0);
    assert_eq!(app.notice.as_deref(), Some("已回到第一个结果"));
    app.update(Action::PrevHit);
    assert_eq!(app.views.reading.reader.hit, n - 1);
    assert_eq!(app.notice.as_deref(), Some("已回到最后一个结果"));
}

#[test]
fn plus_and_minus_change_the_measure_and_the_comparison_keeps_it() {
    let mut app = app(200, 50);
    let before = app.views.reading.reader.doc().width;
    app.update(Action::NarrowerMeasure);
    assert_eq!(app.views.reading.reader.doc().width, before - 4);
    assert_eq!(app.notice.as_deref(), Some("版心 76 列"));
    // Wide enough: each press moves the text by four columns.
    app.update(Action::WiderMeasure);
    app.update(Action::WiderMeasure);
    assert_eq!(app.views.reading.reader.doc().width, before + 4);
    app.update(View::Compare.show());
    assert_eq!(
        app.views.compare.columns(),
        app.views.reading.reader.measure
    );
}

#[test]
fn the_search_box_reopens_with_the_last_query_selected() {
    let mut app = app(100, 30);
    common::search(&mut app, "austin");
    app.update(Action::Close);
    app.update(Action::OpenSearch);
    assert!(app.search.line.selected);
    app.update(Action::Insert('n'));
    assert_eq!(app.search.line.text, "n", "typing replaces it");
    app.update(Action::Insert('b'));
    app.update(Action::Close);
    app.update(Action::OpenSearch);
    app.update(Action::CaretEnd);
    app.update(Action::Insert('o'));
    assert_eq!(app.search.line.text, "nbo", "End keeps it to edit");
}

#[test]
fn after_a_resize_the_tree_shows_its_selection_and_no_blank_rows() {
    let mut app = app(100, 12);
    app.update(Action::FocusNext);
    for _ in 0..40 {
        app.update(Action::TreeExpand);
        app.update(Action::TreeDown);
    }
    app.update(Action::TreeBottom);
    app.update(Action::Resize(100, 30));
    let rows = app.views.reading.tree.rows().len();
    let height = usize::from(app.areas().tree_inner().unwrap().height);
    assert_eq!(
        app.views.reading.tree.offset,
        rows.saturating_sub(height),
        "no blank rows"
    );
    let at = app
        .views
        .reading
        .tree
        .rows()
        .iter()
        .position(|&n| n == app.views.reading.tree.selected)
        .unwrap();
    assert!((app.views.reading.tree.offset..app.views.reading.tree.offset + height).contains(&at));
}

#[test]
fn resizing_keeps_the_paragraph_at_the_top() {
    let mut app = app(120, 40);
    app.update(Action::Select(node(&app, "capital/lessons/domestic/2")));
    let before = app.views.reading.reader.doc().lines[app.views.reading.reader.scroll].anchor;
    for (w, h) in [(60, 20), (200, 50), (81, 24), (100, 30)] {
        app.update(Action::Resize(w, h));
        let line = &app.views.reading.reader.doc().lines[app.views.reading.reader.scroll];
        assert_eq!(line.anchor, before, "at {w}×{h}");
    }
}

#[test]
fn narrow_terminals_float_the_tree_and_t_toggles_it() {
    let mut app = app(60, 20);
    assert!(app.areas().tree.is_none());
    assert_eq!(app.views.reading.panes.focus, Focus::Reader);
    app.update(Action::ToggleTree);
    assert!(app.areas().tree_floats);
    assert_eq!(app.views.reading.panes.focus, Focus::Tree);
    app.update(Action::TreeDown);
    app.update(Action::TreeOpen);
    assert!(
        app.areas().tree.is_none(),
        "opening a node closes the overlay"
    );
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/traits")
    );
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    // Below the tab bar and the tree's border, row 4 is the third visible node.
    app.update(Action::Click(5, 4));
    assert_eq!(
        app.views.reading.tree.selected,
        node(&app, "capital/lessons")
    );
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "capital/lessons")
    );
    let scroll = app.views.reading.reader.scroll;
    app.update(Action::WheelDown(60, 10));
    assert_eq!(app.views.reading.reader.scroll, scroll + 3);
    app.update(Action::Click(60, 10));
    assert_eq!(app.views.reading.panes.focus, Focus::Reader);
    app.update(Action::WheelDown(5, 10));
    assert_eq!(
        app.views.reading.reader.scroll,
        scroll + 3,
        "the wheel over the tree leaves the reader alone"
    );
}

#[test]
fn help_toggles_and_esc_closes() {
    let mut app = app(100, 30);
    app.update(Action::ToggleHelp);
    assert!(matches!(app.overlay, Overlay::Help(_)));
    assert_eq!(app.modes()[0], zhizao::keys::Mode::Help);
    app.update(Action::Close);
    assert!(matches!(app.overlay, Overlay::None));
    let effects = app.update(Action::Quit);
    assert!(
        matches!(effects.as_slice(), [Effect::Save(..), Effect::Quit]),
        "{effects:?}"
    );
}

mod search {
    use super::*;

    #[test]
    fn typing_edits_like_a_shell_prompt() {
        let mut app = app(100, 30);
        app.update(Action::OpenSearch);
        for c in "宁波 智造".chars() {
            app.update(Action::Insert(c));
        }
        assert_eq!(app.search.line.text, "宁波 智造");
        app.update(Action::DeleteWord);
        assert_eq!(app.search.line.text, "宁波 ");
        app.update(Action::CaretHome);
        app.update(Action::Insert('"'));
        app.update(Action::CaretEnd);
        app.update(Action::Backspace);
        app.update(Action::Insert('"'));
        assert_eq!(app.search.line.text, "\"宁波\"");
        app.update(Action::CaretLeft);
        app.update(Action::CaretLeft);
        app.update(Action::DeleteToStart);
        assert_eq!(app.search.line.text, "波\"");
        app.update(Action::CaretRight);
        app.update(Action::CaretRight);
        assert_eq!(app.search.line.caret, app.search.line.text.len());
    }

    #[test]
    fn the_cursor_sits_at_the_caret_in_display_columns() {
        let mut app = app(100, 30);
        super::common::search(&mut app, "宁波");
        let (x, y) = common::cursor(&app).expect("a cursor while searching");
        // The popup's text starts at column 3; "/ " then two hanzi of two columns.
        assert_eq!((x, y), (3 + 2 + 4, 2));
        app.update(Action::CaretLeft);
        assert_eq!(common::cursor(&app), Some((3 + 2 + 2, 2)));
        app.update(Action::Close);
        assert_eq!(common::cursor(&app), None);
    }

    #[test]
    fn enter_jumps_to_the_paragraph_and_n_steps_through_hits() {
        let mut app = app(100, 30);
        super::common::search(&mut app, "nb");
        let outcome = app.search.outcome.clone().unwrap();
        let body = outcome
            .hits
            .iter()
            .position(|h| matches!(app.index.target(h.entry), zhizao::search::Target::Field(a) if matches!(a.field, zhizao::content::Field::Paragraph(_))))
            .unwrap();
        for _ in 0..body {
            app.update(Action::ResultDown);
        }
        app.update(Action::OpenResult);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(app.views.reading.panes.focus, Focus::Reader);
        let (anchor, range) = app.views.reading.reader.hits[app.views.reading.reader.hit].clone();
        assert_eq!(&app.lib.text(anchor).unwrap()[range.clone()], "宁波");
        let line = app
            .views
            .reading
            .reader
            .doc()
            .line_of(anchor, range.start)
            .unwrap();
        assert!(
            (app.views.reading.reader.scroll
                ..app.views.reading.reader.scroll + app.views.reading.reader.page_height())
                .contains(&line),
            "the hit is on screen"
        );
        let n = app.views.reading.reader.hits.len();
        assert!(n > 10);
        let at = app.views.reading.reader.hit;
        app.update(Action::NextHit);
        assert_eq!(app.views.reading.reader.hit, (at + 1) % n);
        app.update(Action::PrevHit);
        app.update(Action::PrevHit);
        assert_eq!(app.views.reading.reader.hit, (at + n - 1) % n);
        // Highlights survive a resize: they are kept against the text, not the lines.
        app.update(Action::Resize(60, 20));
        let (anchor, range) = app.views.reading.reader.hits[app.views.reading.reader.hit].clone();
        let line = app
            .views
            .reading
            .reader
            .doc()
            .line_of(anchor, range.start)
            .unwrap();
        assert!(
            app.views.reading.reader.doc().lines[line]
                .range
                .contains(&range.start)
        );
        app.update(Action::Close);
        assert!(
            app.views.reading.reader.hits.is_empty(),
            "Esc clears the highlights"
        );
    }

    #[test]
    fn enter_before_the_results_arrive_opens_them_when_they_do() {
        let mut app = app(100, 30);
        super::common::search(&mut app, "nb");
        app.update(Action::DeleteToStart);
        for c in "austin".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::OpenResult);
        assert!(
            matches!(app.overlay, Overlay::Search),
            "stale results are not opened"
        );
        super::common::deliver(&mut app);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(
            app.views.reading.reader.hit, 0,
            "the place opens at its first mention"
        );
        let (anchor, range) = app.views.reading.reader.hits[0].clone();
        assert_eq!(&app.lib.text(anchor).unwrap()[range], "奥斯汀");
        assert!(
            app.views
                .reading
                .reader
                .hits
                .iter()
                .any(|(a, _)| a.node == node(&app, "capital/lessons/foreign/2")),
            "its lessons are among the hits"
        );
    }

    #[test]
    fn esc_closes_the_popup_and_leaves_the_reader_where_it_was() {
        let mut app = app(100, 30);
        app.update(Action::Select(node(&app, "models/struggle")));
        let scroll = app.views.reading.reader.scroll;
        super::common::search(&mut app, "austin");
        app.update(Action::ResultDown);
        app.update(Action::Close);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(app.views.reading.reader.scroll, scroll);
        assert_eq!(
            app.views.reading.reader.reading(),
            node(&app, "models/struggle")
        );
    }

    #[test]
    fn in_the_popup_letters_are_typed_not_commands() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let mut app = app(100, 30);
        app.update(Action::OpenSearch);
        for c in ['q', '?', 'j', '/', 'n'] {
            let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let action = app.keys.action_for(&app.modes(), &ev).unwrap();
            let effects = app.update(action);
            assert!(!effects.iter().any(|e| matches!(e, Effect::Quit)), "{c}");
        }
        assert_eq!(app.search.line.text, "q?j/n");
        assert!(matches!(app.overlay, Overlay::Search));
    }
}

mod compare {
    use super::*;
    use zhizao::views::View;

    /// One count rule: the comparison's, the place index's and the command
    /// line's counts of a place are the same numbers (lessons naming it,
    /// and every time the collection names it).
    #[test]
    fn mention_counts_for_every_place() {
        let app = app(120, 36);
        let named = app.lib.mentions();
        for (p, place) in app.lib.places.iter().enumerate() {
            let n = &named.named()[p];
            assert_eq!(
                zhizao::compare::mentions(&app.lib, p),
                (n.lessons, n.times),
                "{}",
                place.name
            );
        }
        let suzhou = common::place(&app, "苏州");
        assert_eq!(zhizao::compare::mentions(&app.lib, suzhou), (1, 3));
    }

    #[test]
    fn two_opens_the_comparison_and_one_goes_back() {
        let mut app = app(120, 36);
        app.update(View::Compare.show());
        assert_eq!(app.view, View::Compare);
        assert_eq!(app.modes()[0], zhizao::keys::Mode::Compare);
        app.update(View::Reader.show());
        assert_eq!(app.view, View::Reader);
        // A click on the tab bar switches too.
        let (x, _) = app.keys.tabs(&zhizao::views::View::labels(), app.widths)[1];
        app.update(Action::Click(x + 1, 0));
        assert_eq!(app.view, View::Compare);
    }

    #[test]
    fn j_k_move_the_pair_and_both_sides_scroll_together() {
        let mut app = app(120, 36);
        app.update(View::Compare.show());
        app.update(Action::LessonDown);
        app.update(Action::LessonDown);
        assert_eq!(app.views.compare.selected, 2);
        assert_eq!(app.views.compare.scroll[0], app.views.compare.scroll[1]);
        assert_eq!(
            app.views.compare.scroll[0],
            app.views.compare.table().starts[2]
                .min(app.views.compare.table().height() - app.views.compare.height())
        );
        app.update(Action::ToggleSync);
        assert!(!app.views.compare.sync);
        app.update(Action::OtherSide);
        app.update(Action::PageUp);
        assert_ne!(
            app.views.compare.scroll[0], app.views.compare.scroll[1],
            "out of sync, one side scrolls alone"
        );
        app.update(Action::ToggleSync);
        assert_eq!(app.views.compare.scroll[0], app.views.compare.scroll[1]);
    }

    #[test]
    fn enter_opens_the_lesson_and_two_comes_back_to_it() {
        let mut app = app(120, 36);
        app.update(View::Compare.show());
        app.update(Action::LessonDown);
        app.update(Action::OtherSide);
        app.update(Action::OpenLesson);
        assert_eq!(app.view, View::Reader);
        assert_eq!(
            app.views.reading.reader.reading(),
            node(&app, "capital/lessons/foreign/2")
        );
        app.update(View::Compare.show());
        assert_eq!((app.views.compare.selected, app.views.compare.side), (1, 1));
    }

    /// `c` on one part, then on another: the two side by side, their
    /// items paired by ordinal; `r` goes back to the collection's own.
    #[test]
    fn c_on_two_parts_compares_them() {
        let mut app = app(120, 36);
        app.update(Action::Select(node(&app, "capital/measures/1")));
        app.update(Action::CompareHere);
        assert_eq!(app.view, View::Reader);
        let said = app.notice.clone().unwrap_or_default();
        assert!(
            said.contains("已选「1、以产业为先」") && said.contains("再按 c"),
            "{said}"
        );
        app.update(Action::Select(node(&app, "capital/measures/2")));
        app.update(Action::CompareHere);
        assert_eq!(app.view, View::Compare);
        let table = app.views.compare.table();
        assert_eq!(table.rows.len(), 3, "一是 二是 三是 a side");
        for row in &table.rows {
            let [a, b] = row
                .items
                .map(|i| app.lib.node(i.unwrap().node()).ordinal.clone());
            assert_eq!(a, b);
        }
        let screen = common::screen(&common::draw(&app));
        assert!(
            screen.contains("发展新赛道") || screen.contains("一是"),
            "{screen}"
        );
        app.update(Action::DefaultSides);
        assert_eq!(app.views.compare.table().rows.len(), 5, "the lessons again");
        assert_eq!(app.views.compare.chosen, None);
    }

    #[test]
    fn choosing_a_place_filters_and_esc_clears() {
        let mut app = app(120, 36);
        app.update(View::Compare.show());
        app.update(Action::OpenPlaces);
        assert!(matches!(app.overlay, Overlay::Picker(_)));
        for c in "sz".chars() {
            app.update(Action::Insert(c));
        }
        let Overlay::Picker(picker) = &app.overlay else {
            panic!("the picker is open")
        };
        let offered: Vec<&str> = picker
            .places
            .iter()
            .map(|&p| app.lib.places[p].name.as_str())
            .collect();
        assert_eq!(
            offered,
            ["深圳", "苏州"],
            "pinyin initials pick out 深圳 and 苏州"
        );
        app.update(Action::ResultDown);
        app.update(Action::PickPlace);
        let suzhou = common::place(&app, "苏州");
        assert_eq!(app.views.compare.place, Some(suzhou));
        assert_eq!(app.views.compare.selected, 0, "the first pair naming 苏州");
        app.update(Action::ClearPlace);
        assert_eq!(app.views.compare.place, None);
    }

    #[test]
    fn the_place_index_opens_a_mention_with_the_place_marked() {
        let mut app = app(120, 36);
        app.update(View::Places.show());
        common::deliver(&mut app);
        app.update(Action::OpenPlaces);
        for c in "munich".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::PickPlace);
        app.update(Action::OpenLesson);
        assert_eq!(app.view, View::Reader);
        let (anchor, range) = app.views.reading.reader.hits[app.views.reading.reader.hit].clone();
        assert_eq!(&app.lib.text(anchor).unwrap()[range], "慕尼黑");
    }
}

#[test]
fn c_after_a_search_jump_picks_the_lesson_jumped_to() {
    let mut app = app(120, 36);
    common::search(&mut app, "奥斯汀不断");
    app.update(Action::OpenResult);
    app.update(Action::CompareHere);
    assert_eq!(
        app.views.compare.pending,
        Some(node(&app, "capital/lessons/foreign/2")),
        "二是, foreign: where 奥斯汀 was found"
    );
}

mod memory {
    use super::*;
    use zhizao::state::Spot;

    #[test]
    fn m_toggles_a_bookmark_and_the_list_opens_deletes_and_jumps() {
        let mut app = app(100, 30);
        app.update(Action::Select(node(&app, "capital/lessons/foreign/3")));
        app.update(Action::ToggleBookmark);
        assert_eq!(app.bookmarks.marks.len(), 1);
        assert_eq!(app.notice.as_deref(), Some("已加书签"));
        app.update(Action::ScrollTop);
        app.update(Action::OpenBookmarks);
        assert_eq!(app.modes()[0], zhizao::keys::Mode::Bookmarks);
        app.update(Action::OpenResult);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(
            app.views.reading.reader.reading(),
            node(&app, "capital/lessons/foreign/3")
        );
        app.update(Action::ToggleBookmark);
        assert!(app.bookmarks.marks.is_empty(), "m again unmarks");
        app.update(Action::ToggleBookmark);
        app.update(Action::OpenBookmarks);
        app.update(Action::DeleteBookmark);
        assert!(app.bookmarks.marks.is_empty());
        assert_eq!(
            app.bookmarks.deleted.len(),
            1,
            "marking again took it off the deleted list"
        );
    }

    #[test]
    fn a_bookmark_whose_paragraph_is_gone_is_kept_and_says_so() {
        let mut app = app(100, 30);
        let mut saved = app.memory();
        saved.bookmarks.push(Spot {
            node: "capital/no-such-part".into(),
            field: zhizao::content::Field::Paragraph(3),
            byte: 0,
            excerpt: "旧的段落".into(),
            marked: 0,
        });
        app.update(Action::Restore(Box::new(saved)));
        app.update(Action::OpenBookmarks);
        app.update(Action::OpenResult);
        assert_eq!(app.bookmarks.marks.len(), 1, "kept");
        assert_eq!(
            app.notice.as_deref(),
            Some("这条书签所在的段落已不在内容中")
        );
        assert!(
            matches!(app.overlay, Overlay::Bookmarks(_)),
            "the list stays open"
        );
        let screen = common::screen(&common::draw(&app));
        assert!(
            screen.contains("（已不在内容中）capital/no-such-part"),
            "{screen}"
        );
        assert!(screen.contains("旧的段落"));
    }

    #[test]
    fn up_in_an_empty_search_line_walks_the_history_and_ctrl_r_finds_in_it() {
        let mut app = app(100, 30);
        for q in ["austin", "nb", "宁波智造"] {
            common::search(&mut app, q);
            app.update(Action::OpenResult);
        }
        app.update(Action::OpenSearch);
        app.update(Action::DeleteToStart);
        app.update(Action::ResultUp);
        assert_eq!(app.search.line.text, "宁波智造");
        app.update(Action::ResultUp);
        assert_eq!(app.search.line.text, "nb");
        common::deliver(&mut app);
        // A recalled query is a query: ↓ moves through its results.
        app.update(Action::ResultDown);
        assert_eq!(app.search.line.text, "nb", "the line stays");
        assert_eq!(app.search.selected, 1, "the next result");
        // Ctrl-r, then typing: what it looks for grows, and says so.
        app.update(Action::DeleteToStart);
        app.update(Action::HistorySearch);
        for c in "us".chars() {
            app.update(Action::Insert(c));
        }
        assert_eq!(app.search.line.text, "austin");
        let screen = common::screen(&common::draw(&app));
        assert!(screen.contains("历史搜索：us"), "{screen}");
        // Another key takes the line found, to edit.
        app.update(Action::CaretLeft);
        app.update(Action::Insert('x'));
        assert_eq!(app.search.line.text, "austixn");
    }

    #[test]
    fn the_memory_of_a_session_brings_a_new_one_back_to_the_same_spot() {
        let mut app = app(100, 30);
        app.update(Action::Select(node(&app, "models/struggle")));
        app.update(Action::ScrollDown);
        app.update(Action::NarrowerMeasure);
        app.update(Action::ToggleBookmark);
        let top = app.views.reading.reader.position();
        let saved = app.memory();
        let mut again = common::app(100, 30);
        again.update(Action::Restore(Box::new(saved)));
        assert_eq!(again.views.reading.reader.position(), top);
        assert_eq!(
            again.views.reading.reader.measure,
            app.views.reading.reader.measure
        );
        assert_eq!(again.bookmarks.marks, app.bookmarks.marks);
        assert!(again.views.reading.progress.contains_key("models"));
    }
}

#[test]
fn a_key_override_shows_in_help_and_in_the_status_bar() {
    let config = zhizao::config::parse(
        std::path::Path::new("config.toml"),
        "[keys]\nhelp = \"f1\"\nsearch = [\"ctrl-f\"]\n",
    )
    .unwrap();
    let mut app = app(100, 30).configured(config);
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.contains("Ctrl-f 搜索") && screen.contains("F1 帮助"),
        "{screen}"
    );
    app.update(Action::ToggleHelp);
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("Ctrl-f"), "help lists the key in force");
}

#[test]
fn the_place_index_waits_for_its_mentions_and_keeps_a_place_picked_meanwhile() {
    let mut app = app(120, 36);
    let effects = app.update(View::Places.show());
    assert!(
        matches!(effects.as_slice(), [Effect::FindMentions(lib)] if std::sync::Arc::ptr_eq(lib, &app.lib)),
        "{effects:?}"
    );
    assert!(app.update(View::Places.show()).is_empty(), "asked once");
    assert!(app.views.places.rows().next().is_none());
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("正在查找各地点的提及"), "{screen}");
    app.update(Action::OpenPlaces);
    for c in "munich".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::PickPlace);
    // What was found in another collection (a part of one that has
    // since grown) is passed over.
    let other = std::sync::Arc::new(zhizao::content::Library::bundled().unwrap());
    let found = std::sync::Arc::new(other.mentions());
    app.update(Action::PlacesFound(other, found));
    assert!(app.views.places.waiting());
    common::deliver(&mut app);
    assert!(!app.views.places.waiting());
    let mention = app.views.places.current().unwrap();
    assert_eq!(app.lib.places[mention.place()].english, "Munich");
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.contains("段提及") && !screen.contains("正在查找"),
        "{screen}"
    );
}

#[test]
fn the_place_index_counts_mentions_as_the_reader_does_and_lands_on_the_first() {
    use zhizao::views::places::state::Row;
    let mut app = app(120, 36);
    app.update(View::Places.show());
    common::deliver(&mut app);
    let rows: Vec<Row> = app.views.places.rows().collect();
    for row in rows {
        let Row::Place { place, times, .. } = row else {
            continue;
        };
        app.update(View::Places.show());
        app.views.places.select_place(place);
        let first = app.views.places.mentions().of(place)[0].anchor();
        app.update(Action::OpenLesson);
        let name = app.lib.places[place].name.clone();
        let in_reader: usize = (0..app.lib.articles.len())
            .map(|a| {
                app.index
                    .matches_in_article(a, &format!("\"{name}\""))
                    .len()
            })
            .sum();
        assert_eq!(
            times as usize, in_reader,
            "{name}: the index and n/N count alike"
        );
        let reader = &app.views.reading.reader;
        assert_eq!(
            reader.hits[reader.hit].0, first,
            "{name}: Enter lands on the first mention"
        );
    }
}

#[test]
fn the_place_index_scrolls_each_mention_selected_into_view_a_third_down() {
    use zhizao::views::places::state::Row;
    let mut app = app(100, 30);
    app.update(View::Places.show());
    common::deliver(&mut app);
    let rows: Vec<Row> = app.views.places.rows().collect();
    let total: usize = rows.iter().map(|r| r.height()).sum();
    let count = app.views.places.mentions().len();
    assert!(count > 20, "{count}");
    let selected_bg = zhizao::paint::theme::COLOR.selected.bg;
    for i in 0..count {
        app.views.places.select(i);
        let terminal = common::draw(&app);
        let buf = terminal.backend().buffer();
        // The rows above the mention's, as the index lists them.
        let top: usize = rows
            .iter()
            .take_while(|r| **r != Row::Mention(i))
            .map(|r| r.height())
            .sum();
        let lit: Vec<u16> = (0..buf.area.height)
            .filter(|&y| buf[(2, y)].bg == selected_bg.unwrap())
            .collect();
        let [first, second] = lit[..] else {
            panic!("mention {i}: two rows lit, got {lit:?}");
        };
        assert_eq!(second, first + 1);
        // The pane's text starts below its border, which bears its title.
        let screen = common::screen(&terminal);
        let border = screen
            .lines()
            .position(|l| l.starts_with('╭') && l.contains("地点索引 ·"))
            .unwrap();
        let y = usize::from(first) - border - 1;
        assert_eq!(y, top - app.views.places.hidden, "mention {i}");
        let bottom = screen
            .lines()
            .skip(border + 1)
            .position(|l| l.starts_with('╰'))
            .unwrap();
        let page = bottom;
        if top >= page / 3 && total - top > page {
            assert_eq!(y, page / 3, "mention {i} sits a third of the way down");
        }
        let crumb = app
            .lib
            .breadcrumb(app.views.places.mentions().get(i).unwrap().anchor().node);
        let line = screen.lines().nth(usize::from(first)).unwrap();
        // The crumb's end shows (a cut one loses its start).
        let tail: String = crumb
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(line.contains(&tail), "mention {i}: {line} / {crumb}");
    }
    assert!(
        app.views.places.hidden > 0,
        "the last mentions scrolled the index"
    );
}

#[test]
fn a_saved_place_past_the_first_look_is_kept_for_the_whole_collection() {
    // The first look holds only the report; the session was in the essay.
    let whole = common::app(100, 30);
    let mut there = common::app(100, 30);
    there.update(Action::Select(node(&there, "models/struggle")));
    let saved = there.memory();
    let first = common::first_part();
    assert_eq!(first.articles.len(), 1);
    let mut app = common::app_of(first, zhizao::wrap::Widths::default(), 100, 30);
    app.update(Action::Restore(Box::new(saved)));
    assert!(
        app.lib.find("models/struggle").is_none(),
        "the essay is not there yet"
    );
    app.loading = Some(common::loading(2, 3));
    // More arrives, still without the essay: the saved place keeps waiting.
    let rows = app.views.reading.tree.rows().len();
    let more = common::first_part();
    let more = zhizao::search::SearchIndex::new(std::sync::Arc::new(more));
    app.update(Action::Adopt(std::sync::Arc::new(more), Some(2)));
    assert_eq!(
        app.loading.as_ref().map(|l| (l.shown, l.files)),
        Some((2, 3))
    );
    assert_eq!(app.views.reading.tree.rows().len(), rows);
    app.update(Action::Adopt(std::sync::Arc::clone(&whole.index), None));
    assert!(app.loading.is_none(), "the whole collection is in");
    assert!(app.views.reading.tree.rows().len() > rows, "the tree grew");
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "models/struggle")
    );
}

#[test]
fn every_view_says_how_far_a_collection_has_loaded_and_the_place_index_follows_it() {
    let first = common::first_part();
    let mut app = common::app_of(first, zhizao::wrap::Widths::default(), 100, 30);
    app.loading = Some(common::loading(2, 3));
    for view in [
        View::Compare.show(),
        View::Places.show(),
        View::Reader.show(),
    ] {
        app.update(view.clone());
        common::deliver(&mut app);
        let screen = common::screen(&common::draw(&app));
        assert!(screen.contains("载入 2 / 3 篇"), "{view:?}:\n{screen}");
    }
    // Every file read: what is left is indexing them all.
    if let Some(loading) = &app.loading {
        loading.built.store(3, std::sync::atomic::Ordering::Relaxed);
    }
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.contains("索引 3 篇…") && !screen.contains("载入"),
        "{screen}"
    );
    // Sitting in the place index as the rest arrives: its mentions are
    // wanted again, of the whole collection, and the mention selected
    // stays selected.
    app.update(View::Places.show());
    assert!(!app.views.places.waiting(), "found in the first part");
    for _ in 0..3 {
        app.update(Action::MentionDown);
    }
    let selected = app.views.places.current().map(|m| (m.place(), m.anchor()));
    let whole = common::app(100, 30);
    let effects = app.update(Action::Adopt(std::sync::Arc::clone(&whole.index), None));
    assert!(
        matches!(effects.as_slice(), [Effect::FindMentions(lib)] if std::sync::Arc::ptr_eq(lib, &app.lib)),
        "wanted again, of the whole: {effects:?}"
    );
    common::deliver(&mut app);
    assert_eq!(
        app.views.places.current().map(|m| (m.place(), m.anchor())),
        selected
    );
    assert_eq!(app.views.places.selected, 3);
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.contains("段提及") && !screen.contains("载入"),
        "{screen}"
    );
}

#[test]
fn a_comparison_with_lessons_on_one_side_says_the_other_has_none() {
    let article = r#"
[article]
id = "a"
title = "标题"
paragraphs = ["导语。"]

[[section]]
id = "lessons"
heading = "经验启示"
scope = "foreign"

[[section.section]]
id = "1"
ordinal = "一是"
heading = "一是注重人才。"
theme = "注重人才"
lead = "例如，"
examples = [{ place = "munich", text = "慕尼黑集聚了一批企业总部。" }]
"#;
    let places = zhizao::content::BUNDLED[2];
    let lib = zhizao::content::Library::from_sources([
        ("a.toml".into(), article.to_owned()),
        (places.0.into(), places.1.to_owned()),
    ])
    .unwrap();
    let mut app = common::app_of(lib, zhizao::wrap::Widths::default(), 120, 30);
    app.update(View::Compare.show());
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("此侧没有与另一侧对应的条目"), "{screen}");
    assert_eq!(screen.matches("此侧没有").count(), 1, "{screen}");
    assert!(screen.contains("一是 注重人才"), "{screen}");
    // The status bar names no part this collection does not have.
    assert!(!screen.contains("宁波"), "{screen}");
}

#[test]
fn the_comparison_scrolled_to_its_end_stays_within_it_after_a_resize() {
    let mut app = app(80, 24);
    app.update(View::Compare.show());
    for _ in 0..60 {
        app.update(Action::PageDown);
    }
    // Wider panes: a shorter table, laid out only now, and the scroll held
    // within it; the next page up moves at once.
    app.update(Action::Resize(120, 24));
    let last = app
        .views
        .compare
        .table()
        .height()
        .saturating_sub(app.views.compare.height());
    assert_eq!(app.views.compare.top(0), last);
    app.update(Action::PageUp);
    assert!(
        app.views.compare.top(0) < last,
        "{} {last}",
        app.views.compare.top(0)
    );
}

#[test]
fn a_place_index_without_places_says_so() {
    let article = "[article]\nid = \"a\"\ntitle = \"标题\"\nparagraphs = [\"正文。\"]\n";
    let lib =
        zhizao::content::Library::from_sources([("a.toml".into(), article.to_owned())]).unwrap();
    let mut app = common::app_of(lib, zhizao::wrap::Widths::default(), 100, 30);
    app.update(View::Places.show());
    common::deliver(&mut app);
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("此集合的文中没有提到地名"), "{screen}");
}

#[test]
fn every_state_survives_each_step_of_a_growing_collection() {
    let first = common::first_part();
    let mut app = common::app_of(first, zhizao::wrap::Widths::default(), 120, 36);
    app.loading = Some(common::loading(1, 3));
    // A filtered comparison with a pair chosen on the foreign side.
    app.update(View::Compare.show());
    app.update(Action::OpenPlaces);
    for c in "austin".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::PickPlace);
    app.update(Action::LessonDown);
    let compare = (
        app.views.compare.place,
        app.views.compare.selected,
        app.views.compare.side,
    );
    assert!(compare.0.is_some());
    // In the reader: a section opened in the tree, jumps, and a search's hits.
    app.update(View::Reader.show());
    let lessons = node(&app, "capital/lessons");
    app.update(Action::Select(lessons));
    app.update(Action::NextPart);
    common::search(&mut app, "宁波");
    app.update(Action::OpenResult);
    app.update(Action::NextHit);
    let jumps = app.views.reading.jumps.depth();
    let reader = (
        app.views.reading.reader.position(),
        app.views.reading.reader.hits.clone(),
        app.views.reading.reader.hit,
    );
    assert!(jumps.0 >= 3 && reader.1.len() > 1);
    let expanded = app.views.reading.tree.expanded_paths();
    let whole = common::app(120, 36);
    let steps = [
        (
            std::sync::Arc::new(zhizao::search::SearchIndex::new(std::sync::Arc::new(
                common::first_part(),
            ))),
            Some(2),
        ),
        (std::sync::Arc::clone(&whole.index), None),
    ];
    for (index, shown) in steps {
        app.update(Action::Adopt(index, shown));
        assert_eq!(app.views.reading.jumps.depth(), jumps, "the jump list");
        assert_eq!(
            (
                app.views.reading.reader.position(),
                app.views.reading.reader.hits.clone(),
                app.views.reading.reader.hit
            ),
            reader,
            "where the reader is, and its n/N hits"
        );
        assert_eq!(
            (
                app.views.compare.place,
                app.views.compare.selected,
                app.views.compare.side
            ),
            compare,
            "the comparison's filter and pair"
        );
        for path in &expanded {
            assert!(
                app.views.reading.tree.expanded_paths().contains(path),
                "{path} stays open"
            );
        }
    }
    assert_eq!(app.lib.articles.len(), 2, "the whole collection is in");
    // Back through the jumps made while it loaded.
    app.update(Action::JumpBack);
    assert_ne!(app.views.reading.reader.position(), reader.0);
    assert_eq!(app.notice, None);
}

#[test]
fn the_popup_and_the_reader_mark_the_same_matches() {
    use zhizao::search::Target;
    for query in ["宁波", "nb", "智创", "austin 产业"] {
        let mut app = app(100, 30);
        common::search(&mut app, query);
        let outcome = app.search.outcome.clone().expect("results");
        // A place's row opens the reader on the place's own mentions (宁波
        // is a place the page names): the text rows are what is compared.
        let places = outcome
            .hits
            .iter()
            .take_while(|h| matches!(app.index.target(h.entry), Target::Place(_)))
            .count();
        for _ in 0..places {
            app.update(Action::ResultDown);
        }
        app.update(Action::OpenResult);
        let article = app.views.reading.reader.article;
        let mut compared = 0;
        for (hit, marks) in outcome.hits.iter().zip(&outcome.marks) {
            let Target::Field(anchor) = app.index.target(hit.entry) else {
                continue;
            };
            if app.lib.node(anchor.node).article != article {
                continue;
            }
            let in_reader: Vec<_> = app
                .views
                .reading
                .reader
                .hits
                .iter()
                .filter(|(a, _)| *a == anchor)
                .map(|(_, r)| r.clone())
                .collect();
            assert_eq!(&in_reader, marks, "{query}: {anchor:?}");
            compared += 1;
        }
        assert!(compared > 0, "{query}");
        // The popup counts texts (条), the status bar matches (处) in the
        // collection, and which of the articles with matches this is.
        let screen = common::screen(&common::draw(&app));
        let counts: Vec<usize> = (0..app.lib.articles.len())
            .map(|a| app.index.matches_in_article(a, query).len())
            .collect();
        let before: usize = counts[..article].iter().sum();
        let with: Vec<usize> = (0..counts.len()).filter(|&a| counts[a] > 0).collect();
        let status = format!(
            "第 {}/{} 处 · 第 {}/{} 篇",
            before + app.views.reading.reader.hit + 1,
            counts.iter().sum::<usize>(),
            with.iter().position(|&a| a == article).unwrap() + 1,
            with.len()
        );
        assert!(screen.contains(&status), "{query}: {status}\n{screen}");
    }
}

#[test]
fn a_huge_paste_fills_the_search_line_to_its_cap_and_says_so() {
    let mut app = app(100, 30);
    app.update(Action::OpenSearch);
    let effects = app.update(Action::Paste("宁波".repeat(500_000)));
    assert_eq!(
        app.search.line.text.chars().count(),
        zhizao::field::MAX_CHARS
    );
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("多出的已略去")),
        "{:?}",
        app.notice
    );
    let Some(Effect::Search { query, .. }) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(query.chars().count(), zhizao::field::MAX_CHARS);
    // Typing on a full line types nothing and says why.
    app.update(Action::Insert('x'));
    assert!(!app.search.line.text.ends_with('x'));
    assert!(app.notice.is_some());
    // Closing the box stops the search nobody waits for; it runs again
    // when the box opens on the same line.
    let effects = app.update(Action::Close);
    assert!(
        matches!(effects.as_slice(), [Effect::CancelSearch]),
        "{effects:?}"
    );
    let effects = app.update(Action::OpenSearch);
    assert!(
        matches!(effects.as_slice(), [Effect::Search { .. }]),
        "{effects:?}"
    );
}

#[test]
fn a_bookmark_deleted_in_one_reader_stays_deleted_when_an_older_reader_saves() {
    use zhizao::state::store::Store;
    let dir = std::env::temp_dir().join(format!("zhizao-two-readers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::new(dir.clone(), "bundled.json");
    let save = |app: &mut zhizao::app::App| {
        let written = store
            .save(app.memory())
            .map(|w| w.kept)
            .map_err(|e| e.to_string());
        app.update(Action::Saved(written));
    };
    // One reader marks a paragraph; both readers then open on that state.
    let mut first = app(100, 30);
    first.update(Action::ToggleBookmark);
    save(&mut first);
    let mut a = app(100, 30);
    a.update(Action::Restore(Box::new(
        store.load::<zhizao::state::Saved>().saved,
    )));
    let mut b = app(100, 30);
    b.update(Action::Restore(Box::new(
        store.load::<zhizao::state::Saved>().saved,
    )));
    assert_eq!((a.bookmarks.marks.len(), b.bookmarks.marks.len()), (1, 1));
    // A deletes it and saves; B, opened before, quits later and saves.
    a.update(Action::OpenBookmarks);
    a.update(Action::DeleteBookmark);
    save(&mut a);
    std::thread::sleep(std::time::Duration::from_millis(5));
    save(&mut b);
    let after = store.load::<zhizao::state::Saved>().saved;
    assert!(
        after.bookmarks.is_empty(),
        "it came back: {:?}",
        after.bookmarks
    );
    assert!(
        b.bookmarks.marks.is_empty(),
        "B shows the file as it now is"
    );
    // Marked again after the deletion, it stays.
    b.update(Action::Close);
    b.update(Action::ToggleBookmark);
    save(&mut b);
    save(&mut a);
    assert_eq!(
        store.load::<zhizao::state::Saved>().saved.bookmarks.len(),
        1
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_copy_too_big_for_a_terminal_is_refused_with_a_notice() {
    let huge = "宁波智造。".repeat(10_000);
    let toml = format!("[article]\nid = \"t\"\ntitle = \"标题\"\nparagraphs = [{huge:?}]\n");
    let lib = zhizao::content::Library::from_sources([("t.toml".into(), toml)]).unwrap();
    let mut app = common::app_of(lib, zhizao::wrap::Widths::default(), 100, 30);
    for _ in 0..5 {
        app.update(Action::ScrollDown);
    }
    let effects = app.update(Action::Copy);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Copy(_))),
        "{effects:?}"
    );
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.starts_with("太长，未复制")),
        "{:?}",
        app.notice
    );
    // A paragraph of the page copies as ever.
    let mut app = common::app(100, 30);
    let effects = app.update(Action::Copy);
    assert!(matches!(effects.as_slice(), [Effect::Copy(_)]));
}

#[test]
fn a_binding_given_a_thousand_keys_leaves_help_readable() {
    let mut app = app(100, 30);
    let keys: Vec<zhizao::keys::Key> = ('一'..='龥')
        .take(1000)
        .filter_map(|c| zhizao::keys::Key::parse(&c.to_string()))
        .collect();
    assert_eq!(keys.len(), 1000);
    app.keys.rebind("reader.copy", keys).unwrap();
    app.update(Action::ToggleHelp);
    let rows = app.keys.help_rows(common::help(&app).first);
    let width = zhizao::app::help::help_width(&rows, app.widths);
    assert!(width < 80, "help is {width} columns wide");
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("复制本段（附出处）"), "{screen}");
}

#[test]
fn plus_and_minus_report_and_change_only_what_the_pane_shows() {
    // 100×30: the text pane is narrower than the measure of 80.
    let mut app = app(100, 30);
    let shown = app.views.reading.reader.doc().width;
    assert!(shown < app.views.reading.reader.measure);
    app.update(Action::WiderMeasure);
    assert_eq!(
        app.views.reading.reader.doc().width,
        shown,
        "wider than the pane moves nothing"
    );
    assert_eq!(
        app.notice.as_deref(),
        Some(format!("版心 {shown} 列（窗口所限）").as_str())
    );
    app.update(Action::NarrowerMeasure);
    assert_eq!(
        app.views.reading.reader.doc().width,
        shown - 4,
        "the first press moves the text"
    );
    assert_eq!(
        app.notice.as_deref(),
        Some(format!("版心 {} 列", shown - 4).as_str())
    );
    // `+` to fill the pane again: the measure is the settings' again, so a
    // wide window later is as wide as before, not the narrow one's width.
    app.update(Action::WiderMeasure);
    assert_eq!(app.views.reading.reader.doc().width, shown);
    assert_eq!(app.views.reading.reader.measure, 80);
    let saved = app.memory();
    let mut wide = common::app(200, 40);
    wide.update(Action::Restore(Box::new(saved)));
    assert_eq!(wide.views.reading.reader.doc().width, 80);
}

#[test]
fn a_measure_set_in_the_settings_since_wins_over_the_one_saved() {
    let settings = |m: usize| {
        zhizao::config::parse(
            std::path::Path::new("config.toml"),
            &format!("measure = {m}\n"),
        )
        .unwrap()
    };
    let mut before = app(200, 40).configured(settings(80));
    before.update(Action::NarrowerMeasure);
    let saved = before.memory();
    assert_eq!(saved.measure, Some(76));
    // The same settings: the session's 76 comes back.
    let mut same = app(200, 40).configured(settings(80));
    same.update(Action::Restore(Box::new(saved.clone())));
    assert_eq!(same.views.reading.reader.measure, 76);
    // `measure = 40` written since: 40.
    let mut edited = app(200, 40).configured(settings(40));
    edited.update(Action::Restore(Box::new(saved)));
    assert_eq!(edited.views.reading.reader.measure, 40);
}

#[test]
fn the_tree_and_breadcrumb_name_what_is_read_to_the_end_and_after_a_jump() {
    let mut app = app(100, 30);
    app.update(Action::ScrollBottom);
    let last = app.lib.node(app.views.reading.tree.selected).path.clone();
    assert!(last.starts_with("capital/measures/6"), "at the end: {last}");
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.lines().last().unwrap().contains("› 6、以"),
        "{screen}"
    );
    // Past the last part of the last article, `]` says so; `[` before the first.
    app.update(Action::Select(node(&app, "models")));
    app.update(Action::ScrollBottom);
    let at = app.views.reading.reader.position();
    app.update(Action::NextPart);
    assert_eq!(app.views.reading.reader.position(), at);
    assert_eq!(app.notice.as_deref(), Some("已是最后一部分"));
    app.update(Action::Select(node(&app, "capital")));
    app.update(Action::PrevPart);
    assert_eq!(app.notice.as_deref(), Some("已是第一部分"));
    // A place's mention jumped to: the tree names the hit's section.
    app.update(View::Places.show());
    common::deliver(&mut app);
    let wuxi = app
        .lib
        .places
        .iter()
        .position(|p| p.name == "无锡")
        .unwrap();
    app.views.places.select_place(wuxi);
    app.update(Action::OpenLesson);
    app.update(Action::NextHit);
    let (hit, _) = app.views.reading.reader.hits[app.views.reading.reader.hit].clone();
    assert_eq!(app.views.reading.tree.selected, hit.node);
    let screen = common::screen(&common::draw(&app));
    let crumb = app.lib.breadcrumb(hit.node);
    // Cut at its start when it is long: the section is what shows.
    let last: Vec<char> = crumb.chars().rev().take(8).collect();
    let shown: String = last.into_iter().rev().collect();
    assert!(
        screen.lines().last().unwrap().contains(&shown),
        "{crumb}\n{screen}"
    );
}

#[test]
fn progress_is_how_far_the_reader_got_and_going_back_keeps_it() {
    let mut app = app(100, 30);
    for _ in 0..5 {
        app.update(Action::PageDown);
    }
    let far = app.views.reading.progress["capital"];
    app.update(Action::ScrollTop);
    assert_eq!(app.views.reading.progress["capital"], far);
    assert!(far > 20);
}

#[test]
fn a_copy_cites_the_printed_headings_and_a_heading_comes_with_its_first_paragraph() {
    let mut app = app(100, 30);
    let lesson = node(&app, "capital/lessons/domestic/1");
    app.update(Action::Select(lesson));
    let effects = app.update(Action::Copy);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let first = app.lib.node(lesson).paragraphs.first().unwrap().to_owned();
    assert!(text.starts_with("一是注重打造制造业品牌。\n\n"), "{text}");
    assert!(text.contains(&first), "with its first paragraph: {text}");
    assert!(
        text.ends_with(
            "——《奋力打造全球智造创新之都 推动宁波制造业高质量发展》（市工业和智能经济研究院课题组） › 国内外城市相关经验对宁波的启示 › 1、国内先进城市发展对宁波的启示 › 一是注重打造制造业品牌。"
        ),
        "{text}"
    );
}

#[test]
fn the_comparison_keeps_its_selection_on_screen_and_h_l_name_their_sides() {
    let mut app = app(120, 20);
    app.update(View::Compare.show());
    app.update(Action::ForeignSide);
    app.update(Action::ForeignSide);
    assert_eq!(app.views.compare.side, 1, "l is the foreign side, twice");
    app.update(Action::DomesticSide);
    assert_eq!(app.views.compare.side, 0);
    for _ in 0..6 {
        app.update(Action::PageDown);
        let table = app.views.compare.table();
        let top = app.views.compare.top(0);
        let start = table.starts[app.views.compare.selected];
        let end = table
            .starts
            .get(app.views.compare.selected + 1)
            .copied()
            .unwrap_or(table.height());
        assert!(
            (top..top + app.views.compare.height()).contains(&start) || (start < top && end > top),
            "the selected pair is on screen"
        );
    }
    app.update(Action::PageUp);
    // Stacked, `s` is not offered and says why it does nothing.
    let mut app = common::app(80, 24);
    app.update(View::Compare.show());
    let screen = common::screen(&common::draw(&app));
    assert!(!screen.lines().last().unwrap().contains("同步"), "{screen}");
    let sync = app.views.compare.sync;
    app.update(Action::ToggleSync);
    assert_eq!(app.views.compare.sync, sync);
    assert!(app.notice.is_some());
}

#[test]
fn c_picks_a_side_and_c_again_there_cancels() {
    let mut app = app(100, 30);
    app.update(Action::Select(node(&app, "models/struggle")));
    let jumps = app.views.reading.jumps.depth();
    app.update(Action::CompareHere);
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.views.reading.jumps.depth(), jumps, "no jump was made");
    assert_eq!(
        app.views.compare.pending,
        Some(node(&app, "models/struggle"))
    );
    app.update(Action::CompareHere);
    assert_eq!(app.views.compare.pending, None);
    assert!(
        app.notice.as_deref().is_some_and(|n| n.contains("已取消")),
        "{:?}",
        app.notice
    );
}

#[test]
fn help_pages_by_what_it_shows_reaches_its_ends_and_leaves_the_tab_bar() {
    let mut app = app(100, 20);
    app.update(Action::ToggleHelp);
    let page = common::help(&app).page(&app.keys, app.size, app.widths);
    app.update(Action::PageDown);
    assert_eq!(common::help(&app).scroll, page);
    app.update(Action::ScrollBottom);
    let end = common::help(&app).scroll;
    app.update(Action::ScrollDown);
    assert_eq!(common::help(&app).scroll, end, "the end is the end");
    app.update(Action::ScrollTop);
    assert_eq!(common::help(&app).scroll, 0);
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.lines().next().unwrap().contains("1 阅读"),
        "{screen}"
    );
}

#[test]
fn an_empty_bookmark_list_offers_only_what_works() {
    let mut app = app(100, 30);
    app.update(Action::OpenBookmarks);
    let screen = common::screen(&common::draw(&app));
    assert!(
        screen.contains("还没有书签") && !screen.contains("删除"),
        "{screen}"
    );
}

#[test]
fn the_picker_finds_a_place_by_its_country_in_every_form_and_the_index_says_what_it_holds() {
    let app = app(120, 36);
    for (typed, english) in [
        ("日本", "Tsukuba"),
        ("riben", "Tsukuba"),
        ("japan", "Tsukuba"),
        ("德国", "Munich"),
        ("deguo", "Munich"),
        ("germany", "Munich"),
        ("美国", "Austin"),
        ("meiguo", "Austin"),
        ("america", "Austin"),
        ("usa", "Austin"),
    ] {
        let found = app.index.match_places(typed);
        assert!(
            found.iter().any(|&p| app.lib.places[p].english == english),
            "{typed} finds {english}: {:?}",
            found
                .iter()
                .map(|&p| &app.lib.places[p].english)
                .collect::<Vec<_>>()
        );
    }
    let mut app = app;
    app.update(View::Places.show());
    common::deliver(&mut app);
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("地点索引 ·"), "{screen}");
    // The gazetteer's places are there too: the page names 杭州 and 长三角.
    assert!(
        screen.contains("杭州") || app.lib.places.iter().any(|p| p.name == "杭州"),
        "{screen}"
    );
}

/// A blank top row (between paragraphs, after a heading) is still a place
/// to come back to: the text just below it, in its own article.
#[test]
fn a_blank_top_row_is_saved_as_the_text_below_it() {
    use zhizao::views::reading::state::reader::Position;
    let mut app = app(100, 30);
    for article in [0, 1] {
        let reader = &mut app.views.reading.reader;
        reader.restore(Position { article, top: None });
        let blank = (1..reader.doc().lines.len())
            .find(|&i| reader.doc().lines[i].anchor.is_none())
            .expect("a blank row in the article");
        reader.scroll = blank;
        let Some(Effect::Save(saved)) = app.update(Action::Quit).into_iter().next() else {
            panic!("quitting saves");
        };
        let at = saved.at.expect("a place, not null");
        let node = app.lib.find(&at.node).expect("its node");
        assert_eq!(app.lib.node(node).article, article, "{at:?}");
    }
}

/// A query typed and left with Esc is a search the history keeps, when it
/// found something; one that found nothing is not kept.
#[test]
fn a_search_left_with_esc_joins_the_history() {
    let mut app = app(100, 30);
    common::search(&mut app, "ningbo");
    app.update(Action::Close);
    common::search(&mut app, "qqqxxz");
    app.update(Action::Close);
    assert_eq!(app.search.history, ["ningbo"]);
    let Some(Effect::Save(saved)) = app.update(Action::Quit).into_iter().next() else {
        panic!("quitting saves");
    };
    assert_eq!(saved.searches, ["ningbo"]);
}

#[test]
fn parts_passed_with_space_open_in_the_tree_and_one_closed_there_stays_closed() {
    let mut app = app(100, 30);
    app.update(Action::Select(node(&app, "models")));
    app.update(Action::TreeOpen);
    let ideals = node(&app, "models/struggle");
    assert!(!app.views.reading.tree.expanded[ideals]);
    // Pages on: the part's heading was on screen, its parts show.
    for _ in 0..6 {
        app.update(Action::PageDown);
    }
    assert!(app.views.reading.tree.expanded[ideals]);
    assert!(
        app.views
            .reading
            .tree
            .rows()
            .contains(&node(&app, "models/struggle/1"))
    );
    // Closed in the tree, it stays closed while the text stays put.
    app.update(Action::Select(ideals));
    app.update(Action::FocusNext);
    app.update(Action::TreeCollapse);
    assert!(!app.views.reading.tree.expanded[ideals]);
    app.update(Action::FocusNext);
    assert!(!app.views.reading.tree.expanded[ideals]);
}

#[test]
fn the_place_picker_says_what_to_type_and_sets_its_english_names_in_a_column() {
    let mut app = app(120, 36);
    app.update(View::Compare.show());
    app.update(Action::OpenPlaces);
    let shown = common::screen(&common::draw(&app));
    assert!(shown.contains("地点 · 输入汉字、拼音或英文名"), "{shown}");
    // Where each listed place's English name starts, in columns.
    let starts: Vec<usize> = app
        .lib
        .places
        .iter()
        .filter_map(|p| {
            shown.lines().find_map(|l| {
                let at = l.find(&format!("  {} · ", p.english))?;
                l.contains(&p.name)
                    .then(|| zhizao::wrap::Widths::default().str(&l[..at]))
            })
        })
        .collect();
    assert!(starts.len() >= 5, "{shown}");
    assert!(
        starts.iter().all(|&s| s == starts[0]),
        "{starts:?}\n{shown}"
    );
}

#[test]
fn n_goes_on_through_every_article_and_keeps_the_search_when_the_article_changes() {
    let mut app = app(100, 30);
    common::search(&mut app, "宁波");
    app.update(Action::OpenResult);
    let start = app.views.reading.reader.article;
    let total: usize = (0..app.lib.articles.len())
        .map(|a| app.index.matches_in_article(a, "宁波").len())
        .sum();
    // n through every match: each article's in turn, then round again.
    let mut articles = vec![start];
    let mut wrapped = 0;
    for _ in 0..total {
        app.update(Action::NextHit);
        wrapped += usize::from(app.notice.as_deref() == Some("已回到第一个结果"));
        let a = app.views.reading.reader.article;
        if articles.last() != Some(&a) {
            articles.push(a);
        }
    }
    assert!(
        articles.len() >= 3,
        "into the other article and back: {articles:?}"
    );
    assert_eq!(
        wrapped, 1,
        "round once in as many steps as there are matches"
    );
    // Away to the other article by its part keys: n still finds matches.
    app.update(Action::Select(node(&app, "models")));
    app.update(Action::TreeOpen);
    assert!(app.views.reading.reader.hits.is_empty());
    app.update(Action::NextHit);
    assert_ne!(app.notice.as_deref(), Some("没有搜索结果 · 按 / 搜索"));
    assert!(!app.views.reading.reader.hits.is_empty());
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains(&format!("/{total} 处 · 第 ")), "{screen}");
}

#[test]
fn matches_are_stepped_in_the_order_the_page_shows_them_and_words_where_the_search_found() {
    let mut app = app(100, 30);
    common::search(&mut app, "青年");
    app.update(Action::OpenResult);
    let reader = &app.views.reading.reader;
    let lines: Vec<usize> = reader
        .hits
        .iter()
        .map(|(a, r)| reader.doc().line_of(*a, r.start).unwrap())
        .collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    // Several words: `n` goes to the texts holding them, not to every
    // lone word of the article.
    let lone = app.index.matches_in_article(0, "以");
    let words = app.index.matches_in_article(0, "以全球为导");
    assert!(
        !words.is_empty() && words.len() < lone.len() / 2,
        "{} of {}",
        words.len(),
        lone.len()
    );
}

#[test]
fn the_tree_counts_as_read_what_the_status_bar_shows_at_any_size() {
    for (w, h) in [(60, 20), (100, 30), (160, 45)] {
        let app = app(w, h);
        let reading = &app.views.reading;
        let shown = reading.reader.percent();
        let counted = usize::from(reading.progress[&app.lib.articles[0].id]);
        assert_eq!(counted, shown, "{w}x{h}");
    }
}

#[test]
fn next_part_from_a_blank_top_row_goes_on_and_m_while_selecting_says_why() {
    let mut app = app(100, 30);
    for _ in 0..3 {
        app.update(Action::NextPart);
    }
    app.update(Action::ScrollUp);
    let before = app.views.reading.reader.position();
    app.update(Action::NextPart);
    assert_ne!(app.notice.as_deref(), Some("已是最后一部分"));
    assert_ne!(
        app.views.reading.reader.position(),
        before,
        "moved on a part"
    );
    // `m` while selecting: the key says why it waits.
    app.update(Action::StartSelection);
    let event = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('m'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    let action = app
        .keys
        .action_for(&[app.mode()], &event)
        .expect("m is bound while selecting");
    assert!(matches!(action, Action::ToggleBookmark));
    app.update(action);
    assert_eq!(app.notice.as_deref(), Some("正在选择：Esc 取消后再加书签"));
}

#[test]
fn a_configured_app_counts_nothing_read_before_the_terminal_s_size() {
    let config = zhizao::config::parse(std::path::Path::new("config.toml"), "").unwrap();
    let mut app = zhizao::app::App::with_index(
        std::sync::Arc::clone(&common::app(100, 30).index),
        zhizao::wrap::Widths::default(),
    )
    .configured(config);
    app.update(Action::Resize(60, 20));
    let reading = &app.views.reading;
    assert_eq!(
        usize::from(reading.progress[&app.lib.articles[0].id]),
        reading.reader.percent()
    );
}
