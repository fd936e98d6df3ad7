//! The tab bar: every view, the one shown marked; a click switches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::paint::text::{fill, put};
use crate::views::{DrawCx, View};

pub fn render(current: View, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
    let theme = cx.theme;
    fill(buf, area, theme.status);
    let labels = View::labels();
    let texts = cx.keys.tab_texts(&labels);
    for ((view, (key, label)), (x, w)) in View::all()
        .zip(&texts)
        .zip(cx.keys.tabs(&labels, cx.widths))
    {
        let (key_style, style) = if view == current {
            (theme.selected, theme.selected)
        } else {
            (theme.status_key, theme.status)
        };
        let text = format!(" {label} ");
        put(
            buf,
            area.x + x,
            area.y,
            w,
            &[(key, key_style), (&text, style)],
            cx.widths,
        );
    }
}
