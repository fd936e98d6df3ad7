//! View 5, the study outline (学习提纲): every article's headings with
//! their first sentences, the reader's notes under their sections, folded
//! and unfolded with the tree's keys; Enter goes to the passage, `y` copies
//! a section's outline with its source.

mod common;

use common::{app, node, screen};
use insta::assert_snapshot;
use zhizao::action::Action;
use zhizao::app::{App, Effect};
use zhizao::views::View;
use zhizao::views::outline::state::Row;

fn outline(w: u16, h: u16) -> App {
    let mut app = app(w, h);
    app.update(View::Outline.show());
    app
}

/// Moves the cursor to the row of `path`.
fn select(app: &mut App, path: &str) {
    let target = Row::Node(node(app, path));
    for _ in 0..app.views.outline.rows.len() {
        if app.views.outline.rows[app.views.outline.selected] == target {
            return;
        }
        app.update(Action::TreeDown);
    }
    panic!("no row for {path}");
}

#[test]
fn every_part_with_its_first_sentence_as_printed() {
    let app = outline(100, 30);
    let shown = screen(&common::draw(&app));
    assert!(shown.contains("学习提纲"), "{shown}");
    assert!(shown.contains("“全球智造创新之都”的内涵特征"), "{shown}");
    // The authors' words, in their 「」, never rewritten.
    assert!(
        shown.contains("「宁波所要打造的“全球智造创新之都”，包含了"),
        "{shown}"
    );
    assert_snapshot!("outline_100x30", shown);
    assert_snapshot!("outline_60x20", screen(&common::draw(&outline(60, 20))));
}

#[test]
fn the_tree_keys_fold_and_unfold_a_level() {
    let mut app = outline(100, 30);
    select(&mut app, "capital/traits");
    let before = app.views.outline.rows.len();
    assert!(!screen(&common::draw(&app)).contains("一是全球影响力。"));
    app.update(Action::TreeExpand);
    assert_eq!(app.views.outline.rows.len(), before + 4, "its four traits");
    assert!(screen(&common::draw(&app)).contains("一是全球影响力。"));
    // `h` on an item goes to its part; on the open part, closes it.
    app.update(Action::TreeDown);
    app.update(Action::TreeCollapse);
    assert_eq!(app.views.outline.node(), Some(node(&app, "capital/traits")));
    app.update(Action::TreeCollapse);
    assert_eq!(app.views.outline.rows.len(), before);
}

#[test]
fn notes_stand_under_their_section_and_enter_goes_to_the_passage() {
    let mut app = app(100, 30);
    let n = node(&app, "models/ideals/1");
    let at = zhizao::notes::anchor::node_text(&app.lib, n)
        .find("政治立场")
        .unwrap();
    let note = zhizao::notes::Note::new(&app.lib, n, at..at + "政治立场".len(), "重点", "先立场");
    app.update(Action::RecallNotes(Box::new(zhizao::notes::Notebook {
        notes: vec![note],
        ..Default::default()
    })));
    app.update(View::Outline.show());
    select(&mut app, "models/ideals");
    app.update(Action::TreeExpand);
    let rows = &app.views.outline.rows;
    let under = rows
        .iter()
        .position(|r| *r == Row::Node(n))
        .expect("the section's row");
    assert_eq!(rows[under + 1], Row::Note(n, 0), "the note just under it");
    let shown = screen(&common::draw(&app));
    assert!(shown.contains("〔重点〕先立场（「政治立场」）"), "{shown}");
    // The bar counts what is listed.
    let sections = rows.iter().filter(|r| matches!(r, Row::Node(_))).count();
    assert!(
        shown.contains(&format!("{sections} 节 · 1 条笔记")),
        "{shown}"
    );
    // Enter on the note: its passage in the reader; Ctrl-o comes back.
    select(&mut app, "models/ideals/1");
    app.update(Action::TreeDown);
    app.update(Action::TreeOpen);
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.views.reading.reader.reading(), n);
    app.update(Action::JumpBack);
    assert_eq!(app.view, View::Outline);
    // Enter on a section: the section.
    select(&mut app, "models/ideals/2");
    app.update(Action::TreeOpen);
    assert_eq!(
        app.views.reading.reader.reading(),
        node(&app, "models/ideals/2")
    );
}

#[test]
fn y_copies_the_outline_of_the_section_with_its_source() {
    let mut app = outline(100, 30);
    select(&mut app, "models/ideals");
    let effects = app.update(Action::Copy);
    let text = effects
        .iter()
        .find_map(|e| match e {
            Effect::Copy(text) => Some(text.clone()),
            _ => None,
        })
        .expect("a copy");
    assert!(
        text.starts_with("## 争做理想远大、信念坚定的模范。"),
        "{text}"
    );
    assert!(text.contains("- **首先，站稳政治立场。**"), "{text}");
    assert!(text.contains("> 政治立场决定政治行为"), "{text}");
    assert!(
        text.ends_with(
            "——《勇做民族复兴的先锋模范〔拟题〕》（张庆花） › 争做理想远大、信念坚定的模范。"
        ),
        "{text}"
    );
    assert!(
        app.notice
            .as_deref()
            .unwrap_or_default()
            .starts_with("已复制")
    );
}
