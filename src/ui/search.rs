//! The search popup: the input line with its count, ranked results with
//! breadcrumbs and highlighted snippets, and the selected result in context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::action::Action as A;
use crate::app::search::SearchBox;
use crate::areas::{self, SEARCH_RESULT_ROWS};
use crate::content::Loading;
use crate::keys::Mode;
use crate::paint::Theme;
use crate::paint::text::{clear_popup, fill, marked, put, thousands, truncate};
use crate::search::Outcome;
use crate::views::DrawCx;
use crate::wrap::snippet;

const HINTS: &[&str] = &[
    "输入汉字、拼音或英文地名，例如：",
    "  智造    nb    ningbo    zzcx    austin    munich",
    "几个词连着打也行（筑波人才、产教融合怎么做）：同一段含全部词的排前；",
    "都不含时找同一节，再找含词最多的。\"加引号\" 则按原文精确查找。",
];

/// The search popup over whatever the view shows; `loading` while a big
/// collection is still arriving (only part of it is searched until then).
pub fn render(search: &SearchBox, cx: &DrawCx, loading: Option<&Loading>, buf: &mut Buffer) {
    let theme = cx.theme;
    let areas = areas::search(cx.size.0, cx.size.1);
    let popup = areas.popup.intersection(buf.area);
    clear_popup(buf, popup);
    let hints = crate::paint::hints(&cx.keys.hints(Mode::Search));
    let title = loading.map_or(" 搜索 ".to_owned(), |loading| {
        format!(" 搜索 · 已载入 {}% ", loading.shown_percent())
    });
    crate::paint::pane(theme, title, true, cx.widths)
        .bottom(hints)
        .render(popup, buf);
    let area = areas.inner;
    if area.width < 8 || area.height < 3 {
        return;
    }
    input_line(search, cx, &areas, buf);
    let w = cx.widths;
    rule(theme, area.x, area.y + 1, area.width, buf, w);

    let body = areas.list;
    let Some(outcome) = search.shown() else {
        let room = body.width.saturating_sub(2);
        let lines = HINTS
            .iter()
            .flat_map(|h| crate::wrap::wrap_str(h, usize::from(room), 0, w));
        for (i, line) in lines.take(usize::from(body.height)).enumerate() {
            let y = body.y + u16::try_from(i).unwrap_or(0);
            put(buf, body.x + 1, y, room, &[(line, theme.muted)], w);
        }
        return;
    };
    if outcome.hits.is_empty() && search.notes.is_empty() {
        if !search.stale() {
            let text = match &outcome.words {
                Some(words) if words.looked_for.is_empty() => format!(
                    "“{}” 只有虚词（{}），没有可找的词",
                    search.line.text,
                    words.dropped.join("、")
                ),
                _ => format!("没有找到 “{}”", search.line.text),
            };
            let room = body.width.saturating_sub(1);
            put(buf, body.x + 1, body.y, room, &[(&text, theme.muted)], w);
        }
        return;
    }
    // A corrected query says what it found instead, on the rule above the
    // list; a query of several words, how the hits hold them.
    let said = outcome.words.as_ref().map(crate::search::Words::said);
    let said = said.filter(|s| !s.is_empty()).map(|s| format!(" {s} "));
    if let Some(text) = said.filter(|_| search.suggestion.is_none()) {
        put(
            buf,
            area.x + 2,
            area.y + 1,
            area.width.saturating_sub(4),
            &[(&text, theme.muted)],
            w,
        );
    }
    if let Some(found) = &search.suggestion {
        let text = format!(" 你要找的是：{found}？ ");
        let x = area.x + 2;
        put(
            buf,
            x,
            area.y + 1,
            area.width.saturating_sub(4),
            &[(&text, theme.hit)],
            w,
        );
    }
    let top = search.top(areas.per_page);
    let notes = search.notes.len();
    for (row, i) in (top..notes + outcome.hits.len())
        .take(areas.per_page)
        .enumerate()
    {
        let y = body.y + u16::try_from(row).unwrap_or(0) * SEARCH_RESULT_ROWS;
        let cell = Rect::new(body.x, y, body.width, SEARCH_RESULT_ROWS);
        match i.checked_sub(notes) {
            Some(hit) => result(search, cx, outcome, hit, cell, buf),
            None => note_result(search, cx, i, cell, buf),
        }
    }
    if let Some(preview_area) = areas.preview {
        rule(theme, area.x, preview_area.y, area.width, buf, w);
        let text = Rect::new(
            preview_area.x + 1,
            preview_area.y + 1,
            preview_area.width.saturating_sub(2),
            preview_area.height - 1,
        );
        preview(search, cx, outcome, text, buf);
    }
}

/// The typed line after its prompt, and the count of results at the right.
fn input_line(search: &SearchBox, cx: &DrawCx, areas: &areas::SearchAreas, buf: &mut Buffer) {
    let (theme, w) = (cx.theme, cx.widths);
    let area = areas.inner;
    // While Ctrl-r finds in the history, the line says what it looks for.
    let count = if let Some(filter) = &search.filter {
        format!("历史搜索：{filter}")
    } else if let Some(o) = search.shown() {
        let notes = search.notes.len();
        let pending = if search.stale() { " …" } else { "" };
        // Texts and notes are counted apart: `条` counts texts, as before.
        match search.selected.checked_sub(notes) {
            None => format!(
                "笔记 {} / {notes} · {} 条{pending}",
                search.selected + 1,
                thousands(o.total())
            ),
            Some(hit) => {
                let at = if o.hits.is_empty() { 0 } else { hit + 1 };
                let also = if notes > 0 {
                    format!(" · 笔记 {notes}")
                } else {
                    String::new()
                };
                format!(
                    "{} / {} 条{also}{pending}",
                    thousands(at),
                    thousands(o.total())
                )
            }
        }
    } else {
        String::new()
    };
    let (visible, _) = search.line.view(usize::from(areas.field.width), w);
    // The prompt is the key that opens search, as the key table has it (a
    // name too long for the prompt's column is shown as ›).
    let key = cx.keys.first_key(Mode::Global, &A::OpenSearch);
    let prompt = if w.str(&key) == 1 {
        format!("{key} ")
    } else {
        "› ".to_owned()
    };
    put(buf, area.x, area.y, 2, &[(&prompt, theme.key)], w);
    // The last query, selected: typing replaces it.
    let style = if search.line.selected {
        theme.selected
    } else {
        theme.body
    };
    put(
        buf,
        areas.field.x,
        areas.field.y,
        areas.field.width,
        &[(visible, style)],
        w,
    );
    let count_w = u16::try_from(w.str(&count)).unwrap_or(0);
    put(
        buf,
        area.right().saturating_sub(count_w),
        area.y,
        count_w,
        &[(&count, theme.muted)],
        w,
    );
}

fn rule(theme: &Theme, x: u16, y: u16, width: u16, buf: &mut Buffer, w: crate::wrap::Widths) {
    let line = "─".repeat(usize::from(width));
    put(buf, x, y, width, &[(&line, theme.border)], w);
}

fn marks(search: &SearchBox, i: usize) -> &[usize] {
    search.marks.get(i).map_or(&[], Vec::as_slice)
}

/// A result row's text and heading styles; a selected row is filled first.
fn row_styles(
    theme: &Theme,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) -> (ratatui::style::Style, ratatui::style::Style) {
    if selected {
        fill(buf, area, theme.selected);
        (theme.selected, theme.selected)
    } else {
        (theme.body, theme.muted)
    }
}

/// A study note that holds the query: marked 〔笔记〕, its words, its note.
fn note_result(search: &SearchBox, cx: &DrawCx, row: usize, area: Rect, buf: &mut Buffer) {
    let (theme, w) = (cx.theme, cx.widths);
    let note = &cx.marks.study.book.notes[search.notes[row]];
    let (base, crumb_style) = row_styles(theme, row == search.selected, area, buf);
    let room = usize::from(area.width.saturating_sub(2));
    let quote = note.quote.exact.replace('\n', " ");
    let head = truncate(&format!("〔笔记·{}〕「{quote}」", note.kind), room, w);
    put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &[(&head, crumb_style)],
        w,
    );
    let text = truncate(&note.text.replace('\n', " "), room.saturating_sub(2), w);
    put(
        buf,
        area.x + 3,
        area.y + 1,
        area.width.saturating_sub(3),
        &[(&text, base)],
        w,
    );
}

fn result(
    search: &SearchBox,
    cx: &DrawCx,
    outcome: &Outcome,
    i: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let (theme, w) = (cx.theme, cx.widths);
    let hit = &outcome.hits[i];
    let selected = i + search.notes.len() == search.selected;
    let (base, crumb_style) = row_styles(theme, selected, area, buf);
    let room = usize::from(area.width.saturating_sub(2));
    let crumb = crate::paint::text::truncate_start(&cx.index.breadcrumb(hit.entry), room, w);
    let crumb_room = area.width.saturating_sub(1);
    put(
        buf,
        area.x + 1,
        area.y,
        crumb_room,
        &[(&crumb, crumb_style)],
        w,
    );
    let text = cx.index.text(hit.entry);
    let (snip, snip_marks) = snippet(text, marks(search, i), room.saturating_sub(2), w);
    let runs = marked(&snip, &snip_marks, base, theme.hit);
    put(
        buf,
        area.x + 3,
        area.y + 1,
        area.width.saturating_sub(3),
        &runs,
        w,
    );
}

/// The selected result's text, wrapped, from the line before its first match.
fn preview(search: &SearchBox, cx: &DrawCx, outcome: &Outcome, area: Rect, buf: &mut Buffer) {
    let (theme, study, w) = (cx.theme, cx.marks.study, cx.widths);
    let Some(i) = search.selected.checked_sub(search.notes.len()) else {
        // A note: its passage, then what was written on it.
        let note = &study.book.notes[search.notes[search.selected]];
        let style = theme.marked[study.kind_index(&note.kind) % theme.marked.len()];
        let mut rows = Vec::new();
        for (text, s) in [(&note.quote.exact, style), (&note.text, theme.body)] {
            for part in text.split('\n') {
                for r in crate::wrap::wrap(part, usize::from(area.width), 0, w) {
                    rows.push((part[r].to_owned(), s));
                }
            }
        }
        for (y, (text, s)) in (area.y..area.bottom()).zip(rows) {
            put(buf, area.x, y, area.width, &[(&text, s)], w);
        }
        return;
    };
    let Some(hit) = outcome.hits.get(i) else {
        return;
    };
    let text = cx.index.text(hit.entry);
    let positions = marks(search, i);
    let notes: Vec<(std::ops::Range<usize>, ratatui::style::Style)> =
        match cx.index.target(hit.entry) {
            crate::search::Target::Field(anchor) => study
                .paragraph_marks(cx.lib, anchor.node)
                .into_iter()
                .filter(|(a, _, _)| *a == anchor)
                .map(|(_, r, note)| {
                    let kind = study.kind_index(&study.book.notes[note].kind);
                    (r, theme.marked[kind % theme.marked.len()])
                })
                .collect(),
            _ => Vec::new(),
        };
    let lines = crate::wrap::wrap(text, usize::from(area.width), 0, w);
    let first_byte = positions
        .first()
        .and_then(|&p| text.char_indices().nth(p))
        .map_or(0, |(b, _)| b);
    let at = lines
        .iter()
        .position(|r| r.contains(&first_byte))
        .unwrap_or(0);
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    for (row, range) in lines
        .iter()
        .skip(at.saturating_sub(1))
        .take(usize::from(area.height))
        .enumerate()
    {
        let first_char = starts.partition_point(|&b| b < range.start);
        let marks: Vec<usize> = positions
            .iter()
            .filter_map(|&p| p.checked_sub(first_char))
            .collect();
        let runs = marked(&text[range.clone()], &marks, theme.body, theme.hit);
        // Study notes on this paragraph, as the reader marks them.
        let over: Vec<_> = notes
            .iter()
            .filter_map(|(r, s)| {
                let (start, end) = (r.start.max(range.start), r.end.min(range.end));
                (start < end).then(|| (start - range.start..end - range.start, *s))
            })
            .collect();
        let runs = crate::paint::text::overlay(runs, &over);
        let y = area.y + u16::try_from(row).unwrap_or(0);
        put(buf, area.x, y, area.width, &runs, w);
    }
}
