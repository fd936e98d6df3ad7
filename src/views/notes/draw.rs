//! The notes view (4 笔记): every note of the collection in reading order,
//! under its article and section: the passage in its kind's colour, the
//! note, its kind and date. A note whose words are gone says （原文已改动）
//! and keeps its old quote.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::state::NoteList;
use crate::action::Action as A;
use crate::keys::Mode;
use crate::notes::Place;
use crate::paint::text::put;
use crate::views::{Ctx, Draw, DrawCx};
use crate::wrap::wrap;

impl Draw for NoteList {
    fn draw(&self, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
        render(self, cx, area, buf);
    }

    /// While the filter is typed: after it, so the input method's window
    /// follows it.
    fn cursor(&self, cx: &Ctx, area: Rect) -> Option<(u16, u16)> {
        if !self.filtering {
            return None;
        }
        let inner = crate::areas::inner(area);
        let x = inner.x + 1 + u16::try_from(cx.widths.str(&filter_line(self, cx))).ok()?;
        (x < inner.right()).then_some((x, inner.y))
    }
}

fn render(list: &NoteList, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
    let (theme, study, w) = (cx.theme, cx.marks.study, cx.widths);
    let hints = crate::paint::hints(&cx.keys.hints(Mode::Notes));
    crate::paint::pane(theme, format!(" 笔记 ·{hints}"), true, w).render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let mut y = inner.y;
    let width = usize::from(inner.width.saturating_sub(3));
    // The filter line, while typed or in force.
    if list.filtering || !list.filter.text.is_empty() || list.kind_filter.is_some() {
        let line = filter_line(list, cx);
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
    if list.shown.is_empty() {
        let text = if study.ordered.is_empty() {
            format!(
                "还没有笔记：在阅读区按 {} 选择段落，再按 {} 写笔记或 {} 划线",
                cx.keys.first_key(Mode::Reader, &A::StartSelection),
                cx.keys.first_key(Mode::Select, &A::Annotate),
                cx.keys.first_key(Mode::Select, &A::Highlight)
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
    let first = list.selected.saturating_sub(2);
    let mut last_source = None;
    for (pos, &i) in list.shown.iter().enumerate().skip(first) {
        if y >= inner.bottom() {
            break;
        }
        let note = &study.book.notes[i];
        let source = crate::content::cite::note_source(cx.lib, note, &study.places[i]);
        // Too long for the row: the byline goes first, then the start, so
        // the section the notes are in shows.
        let room = usize::from(inner.width.saturating_sub(1));
        let shown = if w.str(&source) > room {
            let without = match (source.find("》（"), source.find("） › ")) {
                (Some(a), Some(b)) if a < b => {
                    format!("{}{}", &source[..a + "》".len()], &source[b + "）".len()..])
                }
                _ => source.clone(),
            };
            crate::paint::text::truncate_start(&without, room, w)
        } else {
            source.clone()
        };
        let gone = matches!(study.places[i], Place::Gone);
        if last_source.as_ref() != Some(&source) {
            put(
                buf,
                inner.x + 1,
                y,
                inner.width - 1,
                &[(&shown, theme.heading[1])],
                w,
            );
            y += 1;
            last_source = Some(source);
        }
        let selected = pos == list.selected;
        let rows = entry_rows(cx, i, gone, width);
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
    cx: &DrawCx,
    i: usize,
    gone: bool,
    width: usize,
) -> Vec<(String, ratatui::style::Style)> {
    let (theme, study, w) = (cx.theme, cx.marks.study, cx.widths);
    let note = &study.book.notes[i];
    let style = theme.marked[study.kind_index(&note.kind) % theme.marked.len()];
    let mut rows = Vec::new();
    let quote = match (&note.was, gone) {
        (_, true) => format!("（原文已改动）{}", note.quote.exact),
        // Found again on words the text has changed since.
        (Some(_), false) => format!("（原文有改动）{}", note.quote.exact),
        (None, false) => note.quote.exact.clone(),
    };
    for part in quote.split('\n') {
        for r in wrap(part, width, 0, w) {
            rows.push((part[r].to_owned(), style));
        }
    }
    if let (Some(was), false) = (&note.was, gone) {
        for r in wrap(&format!("原为：{was}"), width.saturating_sub(2), 0, w) {
            rows.push((format!("  {}", &format!("原为：{was}")[r]), theme.muted));
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
    // A highlight says it is one: not a note of its kind with no words.
    let what = if note.is_highlight() {
        format!("划线 · {}", note.kind)
    } else {
        note.kind.clone()
    };
    rows.push((format!("{what} · {}", date(note.edited)), theme.muted));
    rows
}

/// The filter line: the kind and the words the list is filtered by.
fn filter_line(list: &NoteList, cx: &Ctx) -> String {
    let kind = list
        .kind_filter
        .and_then(|k| cx.marks.study.kinds.get(k))
        .map(|k| format!("［{k}］ "))
        .unwrap_or_default();
    format!("筛选：{kind}{}", list.filter.text)
}

/// A note's date as the list shows it: `2026-12-02 03:04` (UTC).
fn date(ms: u64) -> String {
    let iso = crate::notes::iso8601(ms);
    format!("{} {}", &iso[..10], &iso[11..16])
}
