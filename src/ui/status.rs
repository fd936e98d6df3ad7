//! The status bar: where you are, how far through, and the keys that matter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fill, put, truncate};
use super::theme::Theme;
use crate::app::{App, View};

/// The keys the bar offers in each view, with what they do.
const READER: &[(&str, &str)] = &[
    ("Tab", "切换"),
    ("/", "搜索"),
    ("[ ]", "跳节"),
    ("?", "帮助"),
];
const COMPARE: &[(&str, &str)] = &[
    ("h/l", "国内／国外"),
    ("p", "地点"),
    ("s", "同步"),
    ("?", "帮助"),
];
const PLACES: &[(&str, &str)] = &[
    ("j/k", "选择"),
    ("Enter", "打开"),
    ("p", "地点"),
    ("?", "帮助"),
];

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    fill(buf, area, theme.status);
    let w = app.widths;
    let mut right: Vec<(String, bool)> = Vec::new();
    let (crumb, hints) = match app.view {
        View::Reader => {
            if !app.hits.is_empty() {
                right.push(("n/N".into(), true));
                right.push((format!(" {}/{}  ", app.hit + 1, app.hits.len()), false));
            }
            right.push((format!("{}%", app.percent()), false));
            (app.lib.breadcrumb(app.reading()), READER)
        }
        View::Compare => {
            let crumb = match app.compare.place {
                Some(p) => {
                    let (lessons, times) = crate::compare::mentions(&app.lib, p);
                    format!(
                        "{} · {lessons} 条启示 · {times} 处提及 · Esc 清除",
                        app.lib.places[p].name
                    )
                }
                None => "国内外城市相关经验对宁波的启示".to_owned(),
            };
            (crumb, COMPARE)
        }
        View::Places => (
            format!(
                "{} 个地点 · {} 段提及",
                app.lib.places.len(),
                app.mentions().len()
            ),
            PLACES,
        ),
    };
    let hint_count = hints.len();
    for (key, what) in hints {
        right.push(("  ".into(), false));
        right.push(((*key).into(), true));
        right.push((format!(" {what}"), false));
    }
    // Drop hints from the left end of the list until the bar fits, keeping `? 帮助`.
    let total = |r: &[(String, bool)]| r.iter().map(|(s, _)| w.str(s)).sum::<usize>();
    let fixed = right.len() - hint_count * 3;
    while total(&right) + 12 > usize::from(area.width) && right.len() > fixed + 3 {
        right.drain(fixed..fixed + 3);
    }
    let right_w = total(&right);
    let room = usize::from(area.width).saturating_sub(right_w + 3);
    let crumb = truncate(&crumb, room, w);
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
