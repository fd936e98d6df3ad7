//! Study notes as a reader makes them: select two sentences, write a note
//! in Chinese, find it in view 4 (by words, by pinyin, by kind), jump to
//! it, delete it and undo that; what is drawn, and what is saved.

mod common;

use common::{app, draw, frame, node, screen};
use zhizao::action::Action;
use zhizao::app::{App, Effect, Overlay};
use zhizao::notes::anchor::{node_text, sentence_at};
use zhizao::views::View;

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
    let selection = app
        .views
        .reading
        .selection
        .clone()
        .expect("a sentence selected");
    let text = node_text(&app.lib, selection.node);
    // The first sentence of a paragraph on screen: the section's first.
    assert_eq!(selection.bytes, sentence_at(&text, 0));
    assert_eq!(
        selection.words(),
        "政治立场决定政治行为，是确保人在大是大非问题和重大原则问题上不出错的关键。"
    );
    app.update(Action::GrowSentence);
    let two = app.views.reading.selection.clone().unwrap();
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
    assert_eq!(
        app.views.reading.selection.as_ref().unwrap().bytes,
        selection.bytes
    );
    app.update(Action::GrowSentence);

    app.update(Action::Annotate);
    assert!(matches!(app.overlay, Overlay::Editor(_)));
    // Every key types now: the status bar offers only the editor's.
    let bar = screen(&draw(&app)).lines().last().unwrap().to_owned();
    assert!(
        bar.contains("Enter 保存") && bar.contains("Esc 取消") && !bar.contains("帮助"),
        "{bar}"
    );
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
    assert!(matches!(app.overlay, Overlay::None));
    assert!(app.views.reading.selection.is_none());

    // The reader marks it: the kind's first character in the margin.
    let shown = screen(&draw(&app));
    assert!(shown.contains("疑"), "{shown}");

    // View 4 lists it under its section, with the note and kind.
    app.update(View::Notes.show());
    let shown = screen(&draw(&app));
    assert!(shown.contains("政治立场决定政治行为"), "{shown}");
    assert!(shown.contains("立场决定行为") && shown.contains("第二行"));
    assert!(shown.contains("疑问 · "));
    assert!(shown.contains("1 条笔记"));
    // Filtered by pinyin initials of the note, then by words it lacks.
    app.update(Action::FilterNotes);
    typed(&mut app, "lcjd");
    let bar = screen(&draw(&app)).lines().last().unwrap().to_owned();
    assert!(
        bar.contains("Enter 筛选完毕") && !bar.contains("j/k"),
        "{bar}"
    );
    assert_eq!(app.views.notes.shown.len(), 1);
    typed(&mut app, "zzz");
    assert_eq!(app.views.notes.shown.len(), 0);
    assert!(screen(&draw(&app)).contains("0 / 1 条笔记"));
    app.update(Action::Close);
    assert_eq!(app.views.notes.shown.len(), 1);
    // By kind: 重点 first (none), then 疑问.
    app.update(Action::NextKindFilter);
    assert_eq!(app.views.notes.shown.len(), 0);
    app.update(Action::NextKindFilter);
    assert_eq!(app.views.notes.shown.len(), 1);

    // Enter goes to the passage in the reader.
    app.update(View::Reader.show());
    let n = node(&app, "models");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(View::Notes.show());
    app.update(Action::OpenResult);
    assert_eq!(app.view, View::Reader);
    let top = app.views.reading.reader.position().top.unwrap().0;
    assert_eq!(app.lib.node(top.node).path, "models/ideals/1");
    // Ctrl-o comes back to the list; Ctrl-n goes to the passage again.
    app.update(Action::JumpBack);
    assert_eq!(app.view, View::Notes);
    app.update(Action::JumpForward);
    assert_eq!(app.view, View::Reader);

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
    assert!(app.study.book.notes.is_empty());
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
    // Listed as a highlight, not as a note of its kind with no words.
    app.update(View::Notes.show());
    let shown = screen(&draw(&app));
    assert!(shown.contains("划线 · 重点 · "), "{shown}");
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
        let a = app.views.reading.reader.position().top.unwrap().0;
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
fn next_note_goes_first_to_the_note_on_screen_where_the_reader_is() {
    // A note on the first sentence at the top of a part, the reader at
    // that part's start: `}` goes to it, not past it.
    let mut app = reading("models/ideals/1");
    app.update(Action::StartSelection);
    app.update(Action::Highlight);
    let n = node(&app, "models/ideals/1");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.study.current = None;
    app.update(Action::NextNote);
    assert_eq!(app.study.current, Some(0), "{:?}", app.notice);
    assert_ne!(app.notice.as_deref(), Some("后面没有笔记了"));
}

#[test]
fn the_notes_view_with_no_notes_says_how_to_make_one() {
    let mut app = app(100, 30);
    app.update(View::Notes.show());
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
    assert!(matches!(app.overlay, Overlay::None));
    let top = app.views.reading.reader.position().top.unwrap().0;
    assert_eq!(app.lib.node(top.node).path, "models/ideals/2");
    // Words no note holds list no note.
    common::search(&mut app, "austin");
    assert!(app.search.notes.is_empty());
}

/// Whether the frame has `c` drawn underlined (a note's mark), and drawn
/// plain somewhere (no mark).
fn underlined(app: &App, c: char) -> bool {
    frame(app).content().iter().any(|cell| {
        cell.symbol() == c.to_string()
            && cell.modifier.contains(ratatui::style::Modifier::UNDERLINED)
    })
}

#[test]
fn a_highlight_shows_in_the_comparison_and_the_search_preview() {
    let mut app = reading("capital/lessons/foreign/3");
    app.update(Action::StartSelection);
    let words = app
        .views
        .reading
        .selection
        .as_ref()
        .unwrap()
        .words()
        .to_owned();
    assert!(words.contains("慕尼黑集聚吸纳"), "{words}");
    app.update(Action::Highlight);
    // The comparison shows the lesson's example with the words marked,
    // our country note in it not part of them.
    app.update(View::Compare.show());
    for _ in 0..2 {
        app.update(Action::LessonDown);
    }
    assert!(underlined(&app, '聚'), "{}", screen(&draw(&app)));
    assert!(
        !underlined(&app, '德'),
        "our 〔德国〕 is not the authors' words"
    );
    // The search preview of that paragraph marks them too.
    app.update(View::Reader.show());
    common::search(&mut app, "\"集聚吸纳\"");
    assert!(underlined(&app, '哺'), "{}", screen(&draw(&app)));
}

/// Where the reader draws the first character of `needle`, found on
/// screen.
fn cell_of(app: &App, needle: &str) -> (u16, u16) {
    let buf = frame(app);
    let area = app.areas().reader_inner();
    for y in area.top()..area.bottom() {
        // A wide character's second cell is not a character of its own.
        let mut cells: Vec<(u16, String)> = Vec::new();
        let mut skip = false;
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol().to_owned();
            if std::mem::take(&mut skip) {
                continue;
            }
            skip = symbol.chars().next().is_some_and(|c| c > '\u{2e80}');
            cells.push((x, symbol));
        }
        let row: String = cells.iter().map(|(_, s)| s.as_str()).collect();
        if let Some(at) = row.find(needle) {
            let nth = row[..at].chars().count();
            return (cells[nth].0, y);
        }
    }
    panic!("{needle} is not on screen");
}

#[test]
fn a_mouse_drag_selects_whole_characters_either_way() {
    let mut app = reading("models/ideals/1");
    // From 政 (the paragraph's first) to 为 (of 政治行为), by their cells.
    let (x0, y0) = cell_of(&app, "政治立场决定");
    let (x1, y1) = cell_of(&app, "为，是确保");
    app.update(Action::Click(x0, y0));
    // The right half of a wide character is that character.
    app.update(Action::Drag(x1 + 1, y1));
    let words = app
        .views
        .reading
        .selection
        .as_ref()
        .map(|s| s.words().to_owned());
    assert_eq!(words.as_deref(), Some("政治立场决定政治行为"));
    // Dragged back past the start, the other way round.
    app.update(Action::Drag(x0, y0));
    assert_eq!(app.views.reading.selection.as_ref().unwrap().words(), "政");
    app.update(Action::Drag(x1, y1));
    app.update(Action::Highlight);
    assert_eq!(app.study.book.notes[0].quote.exact, "政治立场决定政治行为");
}

#[test]
fn a_delete_undone_leaves_the_note_s_time_as_it_was() {
    let mut app = reading("models/ideals/2");
    app.update(Action::StartSelection);
    app.update(Action::Highlight);
    // Written a while ago.
    let then = app.study.book.notes[0].modified - 3_600_000;
    app.study.book.notes[0].modified = then;
    app.study.book.notes[0].edited = then;
    app.study.current = Some(0);
    app.update(Action::DeleteNote);
    assert!(app.study.book.notes[0].deleted);
    app.update(Action::UndoDelete);
    let note = &app.study.book.notes[0];
    assert!(!note.deleted);
    // The merge clock moved on; the time shown did not.
    assert!(note.modified > then);
    assert_eq!(note.edited, then);
    app.update(View::Notes.show());
    let iso = zhizao::notes::iso8601(then);
    let shown = screen(&draw(&app));
    assert!(
        shown.contains(&format!("{} {}", &iso[..10], &iso[11..16])),
        "{shown}"
    );
}

#[test]
fn v_starts_on_the_match_after_a_search_and_on_a_sentence_that_starts_on_screen() {
    // After a search jump, the sentence that holds the match.
    let mut app = app(100, 30);
    common::search(&mut app, "跬步");
    app.update(Action::OpenResult);
    app.update(Action::StartSelection);
    let words = app
        .views
        .reading
        .selection
        .as_ref()
        .unwrap()
        .words()
        .to_owned();
    assert!(words.contains("跬步"), "{words}");
    app.update(Action::Close);
    // A top line in the middle of a sentence: the first one that starts
    // below it, whole on screen, not the tail of the one above.
    let mut app = reading("models/ideals/1");
    for _ in 0..3 {
        app.update(Action::ScrollDown);
    }
    app.update(Action::StartSelection);
    let selection = app.views.reading.selection.clone().unwrap();
    let (anchor, byte) = selection.start_anchor(&app.lib).unwrap();
    let reader = &app.views.reading.reader;
    let line = reader.doc().line_of(anchor, byte).unwrap();
    assert!(
        line >= reader.scroll,
        "starts on screen: line {line}, top {}",
        reader.scroll
    );
    // The selection moves sentence by sentence, anywhere in the section.
    let first = selection.words().to_owned();
    app.update(Action::PrevSentence);
    let before = app
        .views
        .reading
        .selection
        .as_ref()
        .unwrap()
        .words()
        .to_owned();
    assert_ne!(first, before, "{:?}", app.notice);
    assert!(app.notice.is_none());
    app.update(Action::NextSentence);
    assert_eq!(app.views.reading.selection.as_ref().unwrap().words(), first);
    for _ in 0..200 {
        app.update(Action::NextSentence);
    }
    assert_eq!(app.notice.as_deref(), Some("已是本节最后一句"));
}

#[test]
fn a_note_just_written_is_the_one_next_note_goes_to_from_above_it() {
    let mut app = reading("models/ideals/1");
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    typed(&mut app, "刚写的");
    app.update(Action::SaveNote);
    // Back to the top of the part, the note on screen: `}` goes to it.
    let n = node(&app, "models/ideals/1");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::NextNote);
    assert_ne!(app.notice.as_deref(), Some("后面没有笔记了"));
    assert_eq!(app.study.current, Some(0));
}

#[test]
fn a_bookmark_key_while_selecting_says_why_it_waits() {
    let mut app = reading("models/ideals/2");
    app.update(Action::StartSelection);
    app.update(Action::ToggleBookmark);
    assert_eq!(app.notice.as_deref(), Some("正在选择：Esc 取消后再加书签"));
    assert!(app.bookmarks.marks.is_empty());
}
