//! The tab bar: the three views, the current one marked; a click switches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fill, put};
use super::theme::Theme;
use crate::app::{App, View};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    fill(buf, area, theme.status);
    let texts = app.keys.tab_texts();
    for ((view, (key, label)), (x, w)) in View::all().zip(&texts).zip(app.keys.tabs(app.widths)) {
        let current = view == app.view;
        let (key_style, style) = if current {
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
            app.widths,
        );
    }
}
