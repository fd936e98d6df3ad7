//! The place picker: type hanzi, pinyin or an English name; Enter chooses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{clear_popup, fill, put};
use super::theme::Theme;
use crate::app::App;

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let areas = crate::areas::picker(app.size.0, app.size.1, app.lib.places.len());
    clear_popup(buf, areas.popup);
    super::pane(theme, " 地点 · 汉字／拼音／English ", true, app.widths).render(areas.popup, buf);
    let inner = areas.inner;
    if inner.width < 6 || inner.height < 2 {
        return;
    }
    let w = app.widths;
    let picker = &app.picker;
    let (visible, _) = picker.line.view(usize::from(areas.field.width), w);
    put(buf, inner.x, inner.y, 2, &[("> ", theme.key)], w);
    let field = areas.field;
    put(
        buf,
        field.x,
        field.y,
        field.width,
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
    let list = areas.list;
    if picker.places.is_empty() {
        let room = list.width.saturating_sub(1);
        put(
            buf,
            list.x + 1,
            list.y,
            room,
            &[("没有这个地点", theme.muted)],
            w,
        );
    }
    for (i, &p) in picker
        .places
        .iter()
        .enumerate()
        .take(usize::from(list.height))
    {
        let y = list.y + u16::try_from(i).unwrap_or(0);
        let place = &app.lib.places[p];
        let selected = i == picker.selected;
        if selected {
            fill(buf, Rect::new(list.x, y, list.width, 1), theme.selected);
        }
        let (name, rest) = if selected {
            (theme.selected, theme.selected)
        } else {
            (theme.place, theme.muted)
        };
        let tail = format!("  {} · {}", place.english, place.country_zh);
        put(
            buf,
            list.x + 1,
            y,
            list.width.saturating_sub(1),
            &[(&place.name, name), (&tail, rest)],
            w,
        );
    }
}
