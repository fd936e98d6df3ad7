//! The tab bar: the three views, the current one marked; a click switches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fill, put};
use super::theme::Theme;
use crate::app::{App, View};

/// Each tab's key, label and view, in order; the columns a click maps to
/// come from the same list.
pub const TABS: &[(&str, &str, View)] = &[
    ("1", "阅读", View::Reader),
    ("2", "国内外对照", View::Compare),
    ("3", "地点索引", View::Places),
];

/// The columns each tab covers, for drawing and for clicks.
#[must_use]
pub fn spans(app: &App) -> Vec<(u16, u16, View)> {
    let mut x = 1u16;
    TABS.iter()
        .map(|(key, label, view)| {
            let w = u16::try_from(app.widths.str(key) + 1 + app.widths.str(label) + 2).unwrap_or(0);
            let span = (x, w, *view);
            x += w + 1;
            span
        })
        .collect()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    fill(buf, area, theme.status);
    for ((key, label, view), (x, w, _)) in TABS.iter().zip(spans(app)) {
        let current = *view == app.view;
        let style = if current {
            theme.selected
        } else {
            theme.status
        };
        let key_style = if current {
            theme.selected
        } else {
            theme.status_key
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
