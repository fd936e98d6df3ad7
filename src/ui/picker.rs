//! The place picker: type hanzi, pinyin or an English name; Enter chooses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::picker::Picker;
use crate::paint::text::{clear_popup, fill, put};
use crate::views::DrawCx;

pub fn render(picker: &Picker, cx: &DrawCx, buf: &mut Buffer) {
    let theme = cx.theme;
    let areas = crate::areas::picker(cx.size.0, cx.size.1, cx.lib.places.len());
    clear_popup(buf, areas.popup);
    crate::paint::pane(theme, " 地点 · 输入汉字、拼音或英文名 ", true, cx.widths)
        .render(areas.popup, buf);
    let inner = areas.inner;
    if inner.width < 6 || inner.height < 2 {
        return;
    }
    let w = cx.widths;
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
    // The English names in a column: each name padded to the widest shown.
    let shown = picker.places.iter().take(usize::from(list.height));
    let widest = shown
        .map(|&p| w.str(&cx.lib.places[p].name))
        .max()
        .unwrap_or(0);
    for (i, &p) in picker
        .places
        .iter()
        .enumerate()
        .take(usize::from(list.height))
    {
        let y = list.y + u16::try_from(i).unwrap_or(0);
        let place = &cx.lib.places[p];
        let selected = i == picker.selected;
        if selected {
            fill(buf, Rect::new(list.x, y, list.width, 1), theme.selected);
        }
        let (name, rest) = if selected {
            (theme.selected, theme.selected)
        } else {
            (theme.place, theme.muted)
        };
        let pad = " ".repeat(widest.saturating_sub(w.str(&place.name)));
        let tail = format!("{pad}  {}", crate::paint::text::place_note(place));
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
