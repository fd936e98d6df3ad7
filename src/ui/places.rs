//! The place index: every place the page names, each with the lessons and
//! paragraphs that name it; Enter opens one in the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{fill, marked, put, truncate};
use super::theme::Theme;
use crate::app::App;

/// One row of the index: a place's heading, or a mention (two rows tall).
enum Row {
    Place(usize),
    Mention(usize),
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    super::pane(theme, " 地点索引 · Enter 打开 · p 选择地点 ", true).render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let mentions = app.mentions();
    let mut rows = Vec::new();
    for p in 0..app.lib.places.len() {
        rows.push(Row::Place(p));
        rows.extend(
            (0..mentions.len())
                .filter(|&i| mentions[i].0 == p)
                .map(Row::Mention),
        );
    }
    let height = |r: &Row| if matches!(r, Row::Mention(_)) { 2 } else { 1 };
    // Scroll so the selected mention is on screen, a third of the way down.
    let selected_top: usize = rows
        .iter()
        .take_while(|r| !matches!(r, Row::Mention(i) if *i == app.mention))
        .map(height)
        .sum();
    let page = usize::from(inner.height);
    let total: usize = rows.iter().map(height).sum();
    let hidden = selected_top
        .saturating_sub(page / 3)
        .min(total.saturating_sub(page));
    let widths = app.widths;
    let mut y = 0usize;
    for row in &rows {
        let rows_tall = height(row);
        if y + rows_tall <= hidden {
            y += rows_tall;
            continue;
        }
        if y >= hidden + page {
            break;
        }
        let top = inner.y + u16::try_from(y.saturating_sub(hidden)).unwrap_or(0);
        match row {
            Row::Place(p) => {
                let place = &app.lib.places[*p];
                let count = mentions.iter().filter(|(q, _)| q == p).count();
                let (lessons, times) = crate::compare::mentions(&app.lib, *p);
                let head = format!("{}  {} · {}", place.name, place.english, place.country_zh);
                let tail = format!("  {count} 段 · {lessons} 条启示 · {times} 处");
                put(
                    buf,
                    inner.x + 1,
                    top,
                    inner.width.saturating_sub(1),
                    &[(&head, theme.heading[0]), (&tail, theme.muted)],
                    widths,
                );
            }
            Row::Mention(i) => {
                let (p, anchor) = mentions[*i];
                let selected = *i == app.mention;
                let room = usize::from(inner.width.saturating_sub(4));
                if selected {
                    fill(buf, Rect::new(inner.x, top, inner.width, 2), theme.selected);
                }
                let base = if selected { theme.selected } else { theme.body };
                let crumb = truncate(&app.lib.breadcrumb(anchor.node), room, widths);
                put(
                    buf,
                    inner.x + 3,
                    top,
                    inner.width.saturating_sub(3),
                    &[(&crumb, if selected { base } else { theme.muted })],
                    widths,
                );
                let text = app.lib.text(anchor).unwrap_or_default();
                let name = &app.lib.places[p].name;
                let start = text[..text.find(name.as_str()).unwrap_or(0)]
                    .chars()
                    .count();
                let positions: Vec<usize> = (start..start + name.chars().count()).collect();
                let (snip, marks) = crate::search::snippet(text, &positions, room, widths);
                let runs = marked(&snip, &marks, base, theme.hit);
                put(
                    buf,
                    inner.x + 3,
                    top + 1,
                    inner.width.saturating_sub(3),
                    &runs,
                    widths,
                );
            }
        }
        y += rows_tall;
    }
}
