//! The place index: every place the page names, each with the lessons and
//! paragraphs that name it; Enter opens one in the reader.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::state::{PlaceIndex, Row};
use crate::keys::Mode;
use crate::paint::text::{fill, marked, put, thousands, truncate_start};
use crate::views::{Draw, DrawCx};

impl Draw for PlaceIndex {
    fn draw(&self, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
        render(self, cx, area, buf);
    }
}

fn render(places: &PlaceIndex, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
    let theme = cx.theme;
    let title = crate::paint::hints(&cx.keys.hints(Mode::Places));
    // The title says what the index holds: the places of the collection's
    // place list, which on the bundled page are the lessons' cities.
    let named = places.named();
    let of_lessons = !named.is_empty() && named.iter().all(|n| n.lessons > 0);
    let name = if of_lessons {
        "启示中的地点"
    } else {
        "地点索引"
    };
    crate::paint::pane(theme, format!(" {name} ·{title}"), true, cx.widths).render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let notice = if places.waiting() {
        Some("正在查找各地点的提及…")
    } else if cx.lib.places.is_empty() {
        Some("此集合的文中没有提到地名（省、市、县区、国家、地区）")
    } else {
        None
    };
    if let Some(notice) = notice {
        let room = inner.width.saturating_sub(1);
        put(
            buf,
            inner.x + 1,
            inner.y,
            room,
            &[(notice, theme.muted)],
            cx.widths,
        );
        return;
    }
    let page = usize::from(inner.height);
    let widths = cx.widths;
    let mut y = 0usize;
    for row in places.rows() {
        let rows_tall = row.height();
        if y + rows_tall <= places.hidden {
            y += rows_tall;
            continue;
        }
        if y >= places.hidden + page {
            break;
        }
        // The screen row of each of this row's lines, if it is on screen.
        let line_y = |line: usize| {
            (y + line)
                .checked_sub(places.hidden)
                .filter(|&r| r < page)
                .map(|r| inner.y + u16::try_from(r).unwrap_or(0))
        };
        match row {
            Row::Place {
                place,
                paragraphs,
                lessons,
                times,
            } => {
                let Some(top) = line_y(0) else {
                    y += rows_tall;
                    continue;
                };
                let place = &cx.lib.places[place];
                // The counts before the English name: a narrow pane cuts
                // the end; lessons only where the place has any.
                let lessons = if lessons > 0 {
                    format!("{} 条启示 · ", thousands(lessons as usize))
                } else {
                    String::new()
                };
                let head = format!(
                    "{}  {} 段 · {lessons}{} 处",
                    place.name,
                    thousands(paragraphs as usize),
                    thousands(times as usize)
                );
                let tail = format!("  {}", crate::paint::text::place_note(place));
                put(
                    buf,
                    inner.x + 1,
                    top,
                    inner.width.saturating_sub(1),
                    &[(&head, theme.heading[0]), (&tail, theme.muted)],
                    widths,
                );
            }
            Row::Mention(i) => mention(places, cx, inner, i, [line_y(0), line_y(1)], buf),
        }
        y += rows_tall;
    }
}

/// A mention's two lines, each at its screen row if it is on screen: where
/// it is, and the text around the name.
fn mention(
    places: &PlaceIndex,
    cx: &DrawCx,
    inner: Rect,
    i: usize,
    lines: [Option<u16>; 2],
    buf: &mut Buffer,
) {
    let (theme, lib, widths) = (cx.theme, cx.lib, cx.widths);
    let Some(mention) = places.mentions().get(i) else {
        return;
    };
    let selected = i == places.selected;
    let room = usize::from(inner.width.saturating_sub(4));
    let base = if selected { theme.selected } else { theme.body };
    if let Some(top) = lines[0] {
        if selected {
            fill(buf, Rect::new(inner.x, top, inner.width, 1), theme.selected);
        }
        // Cut at its start: the part the mention is in is what tells.
        let crumb = truncate_start(&lib.breadcrumb(mention.anchor().node), room, widths);
        put(
            buf,
            inner.x + 3,
            top,
            inner.width.saturating_sub(3),
            &[(&crumb, if selected { base } else { theme.muted })],
            widths,
        );
    }
    if let Some(second) = lines[1] {
        if selected {
            fill(
                buf,
                Rect::new(inner.x, second, inner.width, 1),
                theme.selected,
            );
        }
        let text = lib.text(mention.anchor()).unwrap_or_default();
        let (snip, marks) = crate::wrap::snippet(text, &mention.marks(lib), room, widths);
        let runs = marked(&snip, &marks, base, theme.hit);
        put(
            buf,
            inner.x + 3,
            second,
            inner.width.saturating_sub(3),
            &runs,
            widths,
        );
    }
}
