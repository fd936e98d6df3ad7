//! The search popup: the input line with its count, ranked results with
//! breadcrumbs and highlighted snippets, and the selected result in context.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{clear_popup, fill, marked, put, truncate};
use super::theme::Theme;
use crate::app::App;
use crate::areas::{
    SEARCH_HEADER_ROWS, SEARCH_PREVIEW_ROWS, SEARCH_RESULT_ROWS, inner, search_popup,
};
use crate::search::snippet;

const HINTS: &[&str] = &[
    "输入汉字、拼音或英文地名，例如：",
    "  智造    nb    ningbo    zzcx    austin    munich",
    "空格分隔的几个词都须出现；\"加引号\" 则按原文精确查找。",
];

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let popup = search_popup(app.size.0, app.size.1).intersection(buf.area);
    clear_popup(buf, popup);
    super::pane(theme, " 搜索 ", true)
        .title_bottom(
            ratatui::text::Line::from(" ↑↓ 选择 · Enter 跳转 · Esc 关闭 ").right_aligned(),
        )
        .render(popup, buf);
    let area = inner(popup);
    if area.width < 8 || area.height < 3 {
        return;
    }
    let w = app.widths;
    let count = match &app.search.outcome {
        Some(o) if !app.search.input.trim().is_empty() => {
            let at = if o.hits.is_empty() {
                0
            } else {
                app.search.selected + 1
            };
            format!(
                "{at} / {}{}",
                o.total(),
                if app.search.stale() { " …" } else { "" }
            )
        }
        _ => String::new(),
    };
    let field = area.width.saturating_sub(2 + 14);
    let (visible, _) = app.search.view(usize::from(field), w);
    put(buf, area.x, area.y, 2, &[("/ ", theme.key)], w);
    put(buf, area.x + 2, area.y, field, &[(visible, theme.body)], w);
    let count_w = u16::try_from(w.str(&count)).unwrap_or(0);
    put(
        buf,
        area.right().saturating_sub(count_w),
        area.y,
        count_w,
        &[(&count, theme.muted)],
        w,
    );
    let rule = "─".repeat(usize::from(area.width));
    put(
        buf,
        area.x,
        area.y + 1,
        area.width,
        &[(&rule, theme.border)],
        w,
    );

    let body = Rect::new(
        area.x,
        area.y + SEARCH_HEADER_ROWS,
        area.width,
        area.height.saturating_sub(SEARCH_HEADER_ROWS),
    );
    let outcome = app
        .search
        .outcome
        .as_ref()
        .filter(|_| !app.search.input.trim().is_empty());
    let Some(outcome) = outcome else {
        let room = body.width.saturating_sub(2);
        let lines = HINTS
            .iter()
            .flat_map(|h| crate::wrap::wrap_str(h, usize::from(room), 0, w));
        for (i, line) in lines.take(usize::from(body.height)).enumerate() {
            put(
                buf,
                body.x + 1,
                body.y + u16::try_from(i).unwrap_or(0),
                room,
                &[(line, theme.muted)],
                w,
            );
        }
        return;
    };
    if outcome.hits.is_empty() {
        if !app.search.stale() {
            let text = format!("没有找到 “{}”", app.search.input);
            put(
                buf,
                body.x + 1,
                body.y,
                body.width.saturating_sub(1),
                &[(&text, theme.muted)],
                w,
            );
        }
        return;
    }
    let per_page = app.results_per_page();
    let top = app.search.selected.saturating_sub(per_page - 1);
    for (row, i) in (top..outcome.hits.len()).take(per_page).enumerate() {
        let y = body.y + u16::try_from(row).unwrap_or(0) * SEARCH_RESULT_ROWS;
        result(
            app,
            theme,
            outcome,
            i,
            Rect::new(body.x, y, body.width, SEARCH_RESULT_ROWS),
            buf,
        );
    }
    let list_rows = u16::try_from(per_page).unwrap_or(0) * SEARCH_RESULT_ROWS;
    if body.height >= list_rows + SEARCH_PREVIEW_ROWS {
        let y = body.bottom() - SEARCH_PREVIEW_ROWS;
        put(buf, area.x, y, area.width, &[(&rule, theme.border)], w);
        preview(
            app,
            theme,
            outcome,
            Rect::new(
                area.x + 1,
                y + 1,
                area.width.saturating_sub(2),
                SEARCH_PREVIEW_ROWS - 1,
            ),
            buf,
        );
    }
}

fn result(
    app: &App,
    theme: &Theme,
    outcome: &crate::search::Outcome,
    i: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let w = app.widths;
    let hit = &outcome.hits[i];
    let selected = i == app.search.selected;
    let (base, crumb_style) = if selected {
        (theme.selected, theme.selected)
    } else {
        (theme.body, theme.muted)
    };
    if selected {
        fill(buf, area, theme.selected);
    }
    let room = usize::from(area.width.saturating_sub(2));
    let crumb = truncate(&app.index.breadcrumb(hit.entry), room, w);
    put(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        &[(&crumb, crumb_style)],
        w,
    );
    let positions = app.index.positions(hit.entry, &outcome.query);
    let (snip, marks) = snippet(
        app.index.text(hit.entry),
        &positions,
        room.saturating_sub(2),
        w,
    );
    let runs = marked(&snip, &marks, base, theme.hit);
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
fn preview(
    app: &App,
    theme: &Theme,
    outcome: &crate::search::Outcome,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(hit) = outcome.hits.get(app.search.selected) else {
        return;
    };
    let w = app.widths;
    let text = app.index.text(hit.entry);
    let positions = app.index.positions(hit.entry, &outcome.query);
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
        put(
            buf,
            area.x,
            area.y + u16::try_from(row).unwrap_or(0),
            area.width,
            &runs,
            w,
        );
    }
}
