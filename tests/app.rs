//! Action sequences applied to the app, and what they leave in its state.

use zhizao::action::Action;
use zhizao::app::{App, Focus};
use zhizao::content::Library;
use zhizao::wrap::Widths;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Library::bundled().unwrap(), Widths::default());
    app.update(Action::Resize(w, h));
    app
}

fn node(app: &App, path: &str) -> usize {
    app.lib.find(path).unwrap()
}

#[test]
fn readme_lists_every_key_from_the_table() {
    let readme = include_str!("../README.md");
    let table = zhizao::keys::markdown();
    assert!(
        readme.contains(&table),
        "README's key list is out of date; it should read:\n{table}"
    );
}

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
    assert_eq!(app.tree.selected, node(&app, "capital/lessons/foreign"));
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.reading(), node(&app, "capital/lessons/foreign"));
    let top = &app.doc().lines[app.scroll];
    assert_eq!(top.text, "2、国外发达城市地区发展对宁波的启示");
}

#[test]
fn h_on_a_leaf_goes_to_the_parent_and_collapses_there() {
    let mut app = app(100, 30);
    app.update(Action::Select(node(&app, "capital/traits/2")));
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Tree);
    app.update(Action::TreeCollapse);
    assert_eq!(app.tree.selected, node(&app, "capital/traits"));
    app.update(Action::TreeCollapse);
    assert!(!app.tree.expanded[node(&app, "capital/traits")]);
    assert!(
        !app.visible_nodes()
            .contains(&node(&app, "capital/traits/2"))
    );
}

#[test]
fn scrolling_stays_in_bounds_and_parts_jump() {
    let mut app = app(100, 30);
    app.update(Action::ScrollBottom);
    assert_eq!(app.scroll, app.max_scroll());
    app.update(Action::PageDown);
    assert_eq!(app.scroll, app.max_scroll());
    assert_eq!(app.percent(), 100);
    app.update(Action::ScrollTop);
    app.update(Action::NextPart);
    assert_eq!(app.reading(), node(&app, "capital/traits"));
    app.update(Action::NextPart);
    assert_eq!(app.reading(), node(&app, "capital/traits/1"));
    app.update(Action::PrevPart);
    assert_eq!(app.reading(), node(&app, "capital/traits"));
    app.update(Action::HalfPageDown);
    assert_eq!(
        app.scroll,
        app.doc()
            .line_of_node(node(&app, "capital/traits"))
            .unwrap()
            + 13
    );
}

#[test]
fn resizing_keeps_the_paragraph_at_the_top() {
    let mut app = app(120, 40);
    app.update(Action::Select(node(&app, "capital/lessons/domestic/2")));
    let before = app.doc().lines[app.scroll].anchor;
    for (w, h) in [(60, 20), (200, 50), (81, 24), (100, 30)] {
        app.update(Action::Resize(w, h));
        let line = &app.doc().lines[app.scroll];
        assert_eq!(line.anchor, before, "at {w}×{h}");
    }
}

#[test]
fn narrow_terminals_float_the_tree_and_t_toggles_it() {
    let mut app = app(60, 20);
    assert!(app.areas().tree.is_none());
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::ToggleTree);
    assert!(app.areas().tree_floats);
    assert_eq!(app.focus, Focus::Tree);
    app.update(Action::TreeDown);
    app.update(Action::TreeOpen);
    assert!(
        app.areas().tree.is_none(),
        "opening a node closes the overlay"
    );
    assert_eq!(app.reading(), node(&app, "capital/traits"));
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    // Row 3 of the tree (inside its border) is the third visible node.
    app.update(Action::Click(5, 3));
    assert_eq!(app.tree.selected, node(&app, "capital/lessons"));
    assert_eq!(app.reading(), node(&app, "capital/lessons"));
    let scroll = app.scroll;
    app.update(Action::WheelDown(60, 10));
    assert_eq!(app.scroll, scroll + 3);
    app.update(Action::Click(60, 10));
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::WheelDown(5, 10));
    assert_eq!(
        app.scroll,
        scroll + 3,
        "the wheel over the tree leaves the reader alone"
    );
}

#[test]
fn help_toggles_and_esc_closes() {
    let mut app = app(100, 30);
    app.update(Action::ToggleHelp);
    assert!(app.help);
    assert_eq!(app.modes()[0], zhizao::keys::Mode::Help);
    app.update(Action::Close);
    assert!(!app.help);
    app.update(Action::Quit);
    assert!(app.quit);
}
