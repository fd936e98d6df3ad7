//! The place picker: type hanzi, pinyin or an English name; Enter chooses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{centered, clear_popup, fill, put};
use super::theme::Theme;
use crate::app::App;

/// Where the picker sits: shared with the cursor placement.
#[must_use]
pub fn area(app: &App, screen: Rect) -> Rect {
    let rows = u16::try_from(app.lib.places.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    centered(screen, 46, rows)
}

pub fn render(app: &App, theme: &Theme, screen: Rect, buf: &mut Buffer) {
    let popup = area(app, screen);
    clear_popup(buf, popup);
    super::pane(theme, " 地点 · 汉字／拼音／English ", true).render(popup, buf);
    let inner = crate::areas::inner(popup);
    if inner.width < 6 || inner.height < 2 {
        return;
    }
    let w = app.widths;
    let (visible, _) = app
        .picker
        .view(usize::from(inner.width.saturating_sub(3)), w);
    put(buf, inner.x, inner.y, 2, &[("> ", theme.key)], w);
    put(
        buf,
        inner.x + 2,
        inner.y,
        inner.width.saturating_sub(2),
        &[(visible, theme.body)],
        w,
    );
    let rule = "─".repeat(usize::from(inner.width));
    put(
        buf,
        inner.x,
        inner.y + 1,
        inner.width,
        &[(&rule, theme.border)],
        w,
    );
    let places = app.picker_places();
    if places.is_empty() {
        put(
            buf,
            inner.x + 1,
            inner.y + 2,
            inner.width.saturating_sub(1),
            &[("没有这个地点", theme.muted)],
            w,
        );
    }
    for (i, &p) in places
        .iter()
        .enumerate()
        .take(usize::from(inner.height.saturating_sub(2)))
    {
        let y = inner.y + 2 + u16::try_from(i).unwrap_or(0);
        let place = &app.lib.places[p];
        let selected = i == app.picked;
        if selected {
            fill(buf, Rect::new(inner.x, y, inner.width, 1), theme.selected);
        }
        let (name, rest) = if selected {
            (theme.selected, theme.selected)
        } else {
            (theme.place, theme.muted)
        };
        let tail = format!("  {} · {}", place.english, place.country_zh);
        put(
            buf,
            inner.x + 1,
            y,
            inner.width.saturating_sub(1),
            &[(&place.name, name), (&tail, rest)],
            w,
        );
    }
}

/// The caret of the picker's line, for the terminal cursor.
#[must_use]
pub fn caret(app: &App, screen: Rect) -> (u16, u16) {
    let inner = crate::areas::inner(area(app, screen));
    let (_, col) = app
        .picker
        .view(usize::from(inner.width.saturating_sub(3)), app.widths);
    (inner.x + 2 + u16::try_from(col).unwrap_or(0), inner.y)
}
