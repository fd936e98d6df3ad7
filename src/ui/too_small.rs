//! What a terminal too small to read in shows instead of the interface.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::areas::{MIN_HEIGHT, MIN_WIDTH};
use crate::paint::Theme;
use crate::paint::text::put;
use crate::wrap::Widths;

pub fn render(theme: &Theme, area: Rect, buf: &mut Buffer, widths: Widths) {
    let lines = [
        ("终端太小".to_owned(), theme.notice),
        (format!("至少需要 {MIN_WIDTH}×{MIN_HEIGHT}"), theme.body),
        (format!("现在 {}×{}", area.width, area.height), theme.muted),
    ];
    let top = area.y + area.height.saturating_sub(3) / 2;
    for (i, (text, style)) in lines.iter().enumerate() {
        let w = u16::try_from(widths.str(text)).unwrap_or(u16::MAX);
        let x = area.x + area.width.saturating_sub(w) / 2;
        put(
            buf,
            x,
            top + u16::try_from(i).unwrap_or(0),
            area.width,
            &[(text, *style)],
            widths,
        );
    }
}
