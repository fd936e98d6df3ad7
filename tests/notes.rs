//! Study notes as a reader makes them: select two sentences, write a note
//! in Chinese, find it in view 4 (by words, by pinyin, by kind), jump to
//! it, delete it and undo that; what is drawn, and what is saved.

mod common;

use common::{app, draw, frame, node, screen};
use zhizao::action::Action;
use zhizao::app::{App, Effect, Overlay};
use zhizao::notes::anchor::{node_text, sentence_at};
use zhizao::view::View;

/// The reader on `path`, at its top.
fn reading(path: &str) -> App {
    let mut app = app(100, 30);
    let n = node(&app, path);
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// The note the effects ask to save, if any.
fn saved(effects: &[Effect]) -> Option<zhizao::notes::Notebook> {
    effects.iter().find_map(|e| match e {
        Effect::SaveNotes(book) => Some((**book).clone()),
        _ => None,
    })
}

#[test]
fn two_sentences_a_note_in_chinese_and_back_from_view_4() {
    let mut app = reading("models/ideals/1");
    app.update(Action::StartSelection);
    let selection = app.selection.clone().expect("a sentence selected");
    let text = node_text(&app.lib, selection.node);
    // The first sentence of a paragraph on screen: the section's first.
    assert_eq!(selection.bytes, sentence_at(&text, 0));
    assert_eq!(
        selection.words(),
        "政治立场决定政治行为，是确保人在大是大非问题和重大原则问题上不出错的关键。"
    );
    app.update(Action::GrowSentence);
    let two = app.selection.clone().unwrap();
    assert!(
        two.words().ends_with("同党中央保持高度一致。"),
        "{}",
        two.words()
    );
    // The status bar counts what is selected.
    let chars = two.words().chars().count();
    assert!(screen(&draw(&app)).contains(&format!("已选 {chars} 字")));
    // Shrinking takes the second sentence back; growing again restores it.
    app.update(Action::ShrinkSentence);
    assert_eq!(app.selection.as_ref().unwrap().bytes, selection.bytes);
    app.update(Action::GrowSentence);

    app.update(Action::Annotate);
    assert_eq!(app.overlay, Overlay::Editor);
    typed(&mut app, "立场决定行为");
    app.update(Action::NewLine);
    typed(&mut app, "第二行");
    app.update(Action::NextKind);
    let effects = app.update(Action::SaveNote);
    let book = saved(&effects).expect("the notes are saved at once");
    assert_eq!(book.notes.len(), 1);
    let note = &book.notes[0];
    assert_eq!(note.text, "立场决定行为\n第二行");
    assert_eq!(note.kind, "疑问");
    assert_eq!(note.quote.exact, two.words());
    assert_eq!(note.path, "models/ideals/1");
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.selection.is_none());

    // The reader marks it: the kind's first character in the margin.
    let shown = screen(&draw(&app));
    assert!(shown.contains("疑"), "{shown}");

    // View 4 lists it under its section, with the note and kind.
    app.update(Action::Show(View::Notes));
    let shown = screen(&draw(&app));
    assert!(shown.contains("政治立场决定政治行为"), "{shown}");
    assert!(shown.contains("立场决定行为") && shown.contains("第二行"));
    assert!(shown.contains("疑问 · "));
    assert!(shown.contains("1 条笔记"));
    // Filtered by pinyin initials of the note, then by words it lacks.
    app.update(Action::FilterNotes);
    typed(&mut app, "lcjd");
    assert_eq!(app.notes.shown.len(), 1);
    typed(&mut app, "zzz");
    assert_eq!(app.notes.shown.len(), 0);
    assert!(screen(&draw(&app)).contains("0 / 1 条笔记"));
    app.update(Action::Close);
    assert_eq!(app.notes.shown.len(), 1);
    // By kind: 重点 first (none), then 疑问.
    app.update(Action::NextKindFilter);
    assert_eq!(app.notes.shown.len(), 0);
    app.update(Action::NextKindFilter);
    assert_eq!(app.notes.shown.len(), 1);

    // Enter goes to the passage in the reader.
    app.update(Action::Show(View::Reader));
    let n = node(&app, "models");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::Show(View::Notes));
    app.update(Action::OpenResult);
    assert_eq!(app.view, View::Reader);
    let top = app.reading.reader.position().top.unwrap().0;
    assert_eq!(app.lib.node(top.node).path, "models/ideals/1");

    // Deleted in the reader, and back with undo.
    let effects = app.update(Action::DeleteNote);
    assert_eq!(saved(&effects).unwrap().live().count(), 0);
    let effects = app.update(Action::UndoDelete);
    assert_eq!(saved(&effects).unwrap().live().count(), 1);
}

#[test]
fn esc_in_the_editor_saves_nothing_and_h_highlights_alone() {
    let mut app = reading("models/ideals/2");
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    typed(&mut app, "不要");
    let effects = app.update(Action::Close);
    assert!(saved(&effects).is_none());
    assert!(app.notes.book.notes.is_empty());
    // The selection is still there; h makes a highlight without a note.
    let effects = app.update(Action::Highlight);
    let book = saved(&effects).unwrap();
    assert!(book.notes[0].is_highlight());
    assert_eq!(book.notes[0].kind, "重点");
    // Drawn in the kind's style: underlined, so it shows without colour.
    let buf = frame(&app);
    let first = book.notes[0]
        .quote
        .exact
        .chars()
        .next()
        .unwrap()
        .to_string();
    let cell = buf.content().iter().position(|c| {
        c.symbol() == first && c.modifier.contains(ratatui::style::Modifier::UNDERLINED)
    });
    assert!(
        cell.is_some(),
        "the highlight's first character is underlined"
    );
}

#[test]
fn next_note_steps_through_the_notes_in_reading_order() {
    let mut app = reading("models/ideals/1");
    for path in ["models/ideals/2", "models/ideals/1"] {
        let n = node(&app, path);
        app.update(Action::Select(n));
        app.update(Action::TreeOpen);
        app.update(Action::StartSelection);
        app.update(Action::Highlight);
    }
    let top = |app: &App| {
        let a = app.reading.reader.position().top.unwrap().0;
        app.lib.node(a.node).path.clone()
    };
    // From the article before: the first note in reading order.
    let n = node(&app, "capital");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::NextNote);
    assert_eq!(top(&app), "models/ideals/1");
    app.update(Action::NextNote);
    assert_eq!(top(&app), "models/ideals/2");
    app.update(Action::NextNote);
    assert_eq!(app.notice.as_deref(), Some("后面没有笔记了"));
    app.update(Action::PrevNote);
    assert_eq!(top(&app), "models/ideals/1");
}

#[test]
fn the_notes_view_with_no_notes_says_how_to_make_one() {
    let mut app = app(100, 30);
    app.update(Action::Show(View::Notes));
    let shown = screen(&draw(&app));
    assert!(
        shown.contains("还没有笔记：在阅读区按 v 选择段落，再按 a 写笔记或 h 划线"),
        "{shown}"
    );
    assert!(shown.contains("0 条笔记"));
}

#[test]
fn search_finds_the_words_of_a_note_and_marks_it_as_a_note() {
    let mut app = reading("models/ideals/2");
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    typed(&mut app, "初心使命要牢记");
    app.update(Action::SaveNote);
    // Elsewhere, a search by the note's pinyin finds it, first, as a note.
    let n = node(&app, "capital");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    common::search(&mut app, "laoji");
    assert_eq!(app.search.notes.len(), 1);
    assert_eq!(app.search.selected_note(), Some(0));
    let shown = screen(&draw(&app));
    assert!(shown.contains("〔笔记·重点〕「传承信仰"), "{shown}");
    assert!(shown.contains("初心使命要牢记"));
    assert!(shown.contains("笔记 1 / 1"), "{shown}");
    app.update(Action::OpenResult);
    assert_eq!(app.overlay, Overlay::None);
    let top = app.reading.reader.position().top.unwrap().0;
    assert_eq!(app.lib.node(top.node).path, "models/ideals/2");
    // Words no note holds list no note.
    common::search(&mut app, "austin");
    assert!(app.search.notes.is_empty());
}
