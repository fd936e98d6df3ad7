//! The status bar: where you are, how far through, and the keys that matter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fill, put, truncate};
use super::theme::Theme;
use crate::app::App;

/// The keys the bar offers, with what they do.
const HINTS: &[(&str, &str)] = &[
    ("Tab", "切换"),
    ("/", "搜索"),
    ("[ ]", "跳节"),
    ("?", "帮助"),
];

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    fill(buf, area, theme.status);
    let w = app.widths;
    let mut right: Vec<(String, bool)> = Vec::new();
    if !app.hits.is_empty() {
        right.push(("n/N".into(), true));
        right.push((format!(" {}/{}  ", app.hit + 1, app.hits.len()), false));
    }
    right.push((format!("{}%", app.percent()), false));
    for (key, what) in HINTS {
        right.push(("  ".into(), false));
        right.push(((*key).into(), true));
        right.push((format!(" {what}"), false));
    }
    // Drop hints from the left end of the list until the bar fits, keeping `? 帮助`.
    let total = |r: &[(String, bool)]| r.iter().map(|(s, _)| w.str(s)).sum::<usize>();
    let fixed = right.len() - HINTS.len() * 3;
    while total(&right) + 12 > usize::from(area.width) && right.len() > fixed + 3 {
        right.drain(fixed..fixed + 3);
    }
    let right_w = total(&right);
    let room = usize::from(area.width).saturating_sub(right_w + 3);
    let crumb = truncate(&app.lib.breadcrumb(app.reading()), room, w);
    put(
        buf,
        area.x + 1,
        area.y,
        u16::try_from(room).unwrap_or(0),
        &[(&crumb, theme.status)],
        w,
    );
    let x = area
        .right()
        .saturating_sub(u16::try_from(right_w + 1).unwrap_or(0));
    let runs: Vec<(&str, ratatui::style::Style)> = right
        .iter()
        .map(|(s, k)| (s.as_str(), if *k { theme.status_key } else { theme.status }))
        .collect();
    put(
        buf,
        x,
        area.y,
        u16::try_from(right_w).unwrap_or(0),
        &runs,
        w,
    );
}
