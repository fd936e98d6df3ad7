//! The help overlay, drawn from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::text::{centered, clear_popup, put};
use super::theme::Theme;
use crate::app::App;
use crate::keys::{BINDINGS, Mode};

/// One row of help: a section title, or keys and what they do.
enum Row {
    Section(&'static str),
    Binding(String, &'static str),
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for mode in [
        Mode::Global,
        Mode::Tree,
        Mode::Reader,
        Mode::Search,
        Mode::Help,
    ] {
        rows.push(Row::Section(mode.title()));
        rows.extend(
            BINDINGS
                .iter()
                .filter(|b| b.mode == mode)
                .map(|b| Row::Binding(b.key_names(), b.help)),
        );
    }
    rows
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = rows();
    let two_columns = area.width >= 76;
    // Two columns break between sections, as near the middle as they can.
    let split = if two_columns {
        let half = rows.len().div_ceil(2);
        (1..rows.len())
            .filter(|&i| matches!(rows[i], Row::Section(_)))
            .min_by_key(|&i| i.abs_diff(half))
            .unwrap_or(half)
    } else {
        rows.len()
    };
    let per_column = split.max(rows.len() - split);

    let popup_w = if two_columns { 72 } else { 40 };
    let popup_h = u16::try_from(per_column + 2).unwrap_or(u16::MAX);
    let popup = centered(area, popup_w, popup_h);
    clear_popup(buf, popup);
    super::pane(theme, " 帮助 · j/k 滚动 · Esc 关闭 ", true).render(popup, buf);
    let inner = crate::areas::inner(popup);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let col_w = if two_columns {
        inner.width / 2
    } else {
        inner.width
    };
    let height = usize::from(inner.height);
    let scroll = app.help_scroll.min(per_column.saturating_sub(height));
    for (i, row) in rows.iter().enumerate() {
        let (col, line) = if i < split { (0, i) } else { (1, i - split) };
        let Some(visible) = line.checked_sub(scroll).filter(|&l| l < height) else {
            continue;
        };
        let x = inner.x + u16::try_from(col).unwrap_or(0) * col_w + 1;
        let y = inner.y + u16::try_from(visible).unwrap_or(0);
        let room = col_w.saturating_sub(2);
        match row {
            Row::Section(title) => {
                put(buf, x, y, room, &[(title, theme.note_label)], app.widths);
            }
            Row::Binding(keys, what) => {
                let keys = format!("{keys:<14}");
                put(
                    buf,
                    x,
                    y,
                    room,
                    &[(&keys, theme.key), (what, theme.body)],
                    app.widths,
                );
            }
        }
    }
}
