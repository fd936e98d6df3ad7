//! The notes view (4 笔记): every note of the collection in reading order,
//! under its article and section: the passage in its kind's colour, the
//! note, its kind and date. A note whose words are gone says （原文已改动）
//! and keeps its old quote.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::put;
use super::theme::Theme;
use crate::action::Action as A;
use crate::app::App;
use crate::keys::Mode;
use crate::notes::Place;
use crate::wrap::wrap;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let key = |a: &A| app.keys.first_key(Mode::Notes, a);
    let hints = super::hints(&[
        (key(&A::OpenResult), "跳到原文".into()),
        (key(&A::FilterNotes), "筛选".into()),
        (key(&A::NextKindFilter), "类别".into()),
    ]);
    super::pane(theme, format!(" 笔记 ·{hints}"), true, app.widths).render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let w = app.widths;
    let notes = &app.notes;
    let mut y = inner.y;
    let width = usize::from(inner.width.saturating_sub(3));
    // The filter line, while typed or in force.
    if notes.filtering || !notes.filter.text.is_empty() || notes.kind_filter.is_some() {
        let line = filter_line(app);
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            &[(&line, theme.key)],
            w,
        );
        y += 1;
    }
    if notes.shown.is_empty() {
        let text = if notes.ordered.is_empty() {
            format!(
                "还没有笔记：在阅读区按 {} 选择段落，再按 {} 写笔记或 {} 划线",
                app.keys.first_key(Mode::Reader, &A::StartSelection),
                app.keys.first_key(Mode::Select, &A::Annotate),
                app.keys.first_key(Mode::Select, &A::Highlight)
            )
        } else {
            "没有符合筛选的笔记".to_owned()
        };
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            &[(&text, theme.muted)],
            w,
        );
        return;
    }
    // From a little before the selected note, so it is on screen; only
    // what fits is laid out, however many notes there are.
    let first = notes.selected.saturating_sub(2);
    let mut last_source = None;
    for (pos, &i) in notes.shown.iter().enumerate().skip(first) {
        if y >= inner.bottom() {
            break;
        }
        let note = &notes.book.notes[i];
        let source = crate::content::cite::note_source(&app.lib, note, &notes.places[i]);
        let gone = matches!(notes.places[i], Place::Gone);
        if last_source.as_ref() != Some(&source) {
            put(
                buf,
                inner.x + 1,
                y,
                inner.width - 1,
                &[(&source, theme.heading[1])],
                w,
            );
            y += 1;
            last_source = Some(source);
        }
        let selected = pos == notes.selected;
        let rows = entry_rows(app, theme, i, gone, width);
        for (row, (text, style)) in rows.iter().enumerate() {
            if y >= inner.bottom() {
                break;
            }
            if selected && row == 0 {
                put(buf, inner.x, y, 1, &[("▶", theme.reading)], w);
            }
            put(buf, inner.x + 2, y, inner.width - 2, &[(text, *style)], w);
            y += 1;
        }
        y += 1;
    }
}

/// A note's rows: the passage in its kind's colour, the note, kind and date.
fn entry_rows(
    app: &App,
    theme: &Theme,
    i: usize,
    gone: bool,
    width: usize,
) -> Vec<(String, ratatui::style::Style)> {
    let note = &app.notes.book.notes[i];
    let w = app.widths;
    let style = theme.marked[app.notes.kind_index(&note.kind) % theme.marked.len()];
    let mut rows = Vec::new();
    let quote = if gone {
        format!("（原文已改动）{}", note.quote.exact)
    } else {
        note.quote.exact.clone()
    };
    for part in quote.split('\n') {
        for r in wrap(part, width, 0, w) {
            rows.push((part[r].to_owned(), style));
        }
    }
    // A draft says so before its words, where a long one cannot hide it.
    let text = if note.draft {
        format!("〔草稿〕{}", note.text)
    } else {
        note.text.clone()
    };
    for part in text.split('\n').filter(|p| !p.is_empty()) {
        for r in wrap(part, width.saturating_sub(2), 0, w) {
            rows.push((format!("  {}", &part[r]), theme.body));
        }
    }
    rows.push((
        format!("{} · {}", note.kind, date(note.modified)),
        theme.muted,
    ));
    rows
}

/// The filter line: the kind and the words the list is filtered by.
fn filter_line(app: &App) -> String {
    let notes = &app.notes;
    let kind = notes
        .kind_filter
        .and_then(|k| notes.kinds.get(k))
        .map(|k| format!("［{k}］ "))
        .unwrap_or_default();
    format!("筛选：{kind}{}", notes.filter.text)
}

/// Where the terminal cursor goes while the filter is typed: after it, so
/// the input method's window follows it.
#[must_use]
pub fn filter_cursor(app: &App) -> Option<(u16, u16)> {
    let inner = crate::areas::inner(app.areas().main);
    let x = inner.x + 1 + u16::try_from(app.widths.str(&filter_line(app))).ok()?;
    (x < inner.right()).then_some((x, inner.y))
}

/// A note's date as the list shows it: `2026-12-02 03:04` (UTC).
fn date(ms: u64) -> String {
    let iso = crate::notes::iso8601(ms);
    format!("{} {}", &iso[..10], &iso[11..16])
}

/// The note editor: the passage above, the note below, wrapped, growing
/// to a few lines; the kind in the title.
pub fn render_editor(app: &App, theme: &Theme, buf: &mut Buffer) {
    let Some(editor) = &app.editor else {
        return;
    };
    let area = editor_area(app);
    super::text::clear_popup(buf, area);
    let kind = app.notes.kinds.get(editor.kind).map_or("", String::as_str);
    let key = |a: &A| app.keys.first_key(Mode::Editor, a);
    let hints = super::hints_within(
        &[
            (key(&A::SaveNote), "保存".into()),
            (key(&A::Close), "取消".into()),
            (key(&A::NewLine), "换行".into()),
            (key(&A::NextKind), "类别".into()),
        ],
        usize::from(area.width.saturating_sub(4)),
        app.widths,
    );
    super::pane(theme, format!(" 笔记 ［{kind}］ "), true, app.widths)
        .bottom(hints)
        .render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let w = app.widths;
    let quote: String = editor.quote.replace('\n', " ");
    let quote = super::text::truncate(&format!("「{quote}」"), usize::from(inner.width - 1), w);
    let style = theme.marked[editor.kind % theme.marked.len()];
    put(
        buf,
        inner.x + 1,
        inner.y,
        inner.width - 1,
        &[(&quote, style)],
        w,
    );
    let (rows, _) = editor_rows(app, inner);
    for (y, row) in (inner.y + 1..inner.bottom()).zip(rows) {
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            &[(row, theme.body)],
            w,
        );
    }
}

/// The editor's box: wide as the text, tall enough for its note.
fn editor_area(app: &App) -> Rect {
    let (width, height) = app.size;
    crate::areas::centered(
        Rect::new(0, 1, width, height.saturating_sub(2)),
        72.min(width.saturating_sub(2)),
        10.min(height.saturating_sub(2)),
    )
}

/// The note's rows that fit, from the one the caret is on back, and the
/// caret's row and column among them.
fn editor_rows(app: &App, inner: Rect) -> (Vec<&str>, (usize, usize)) {
    let Some(editor) = &app.editor else {
        return (Vec::new(), (0, 0));
    };
    let text = &editor.line.text;
    let width = usize::from(inner.width.saturating_sub(2)).max(2);
    let w = app.widths;
    let mut rows: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        let ranges = wrap(part, width, 0, w);
        if ranges.is_empty() {
            rows.push((start, ""));
        }
        for r in ranges {
            rows.push((start + r.start, &part[r]));
        }
        start += part.len() + 1;
    }
    let caret = editor.line.caret;
    let at = rows.iter().rposition(|(s, _)| *s <= caret).unwrap_or(0);
    let col = w.str(&text[rows.get(at).map_or(0, |r| r.0)..caret]);
    let room = usize::from(inner.height.saturating_sub(1)).max(1);
    let top = at.saturating_sub(room - 1);
    let shown = rows.iter().skip(top).take(room).map(|(_, r)| *r).collect();
    (shown, (at - top, col))
}

/// Where the terminal cursor goes in the editor: at the caret, so the
/// input method's window follows it.
#[must_use]
pub fn editor_cursor(app: &App) -> Option<(u16, u16)> {
    let inner = crate::areas::inner(editor_area(app));
    let (_, (row, col)) = editor_rows(app, inner);
    let x = inner.x + 1 + u16::try_from(col).ok()?;
    let y = inner.y + 1 + u16::try_from(row).ok()?;
    (x < inner.right() && y < inner.bottom()).then_some((x, y))
}
