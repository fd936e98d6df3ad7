//! The help overlay, drawn from the key table itself.

use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use super::text::{clear_popup, put};
use super::theme::Theme;
use crate::action::Action as A;
use crate::app::App;
use crate::keys::{HelpRow, Mode, first_key, help_rows, help_split};

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let rows = help_rows();
    let areas = crate::areas::help(app.size.0, app.size.1, |columns| {
        help_split(&rows, columns).1
    });
    let (split, _) = help_split(&rows, areas.columns);
    clear_popup(buf, areas.popup);
    let title = super::hints(&[
        (
            format!(
                "{}/{}",
                first_key(Mode::Help, &A::ScrollDown),
                first_key(Mode::Help, &A::ScrollUp)
            ),
            "滚动".into(),
        ),
        (first_key(Mode::Help, &A::ToggleHelp), "关闭".into()),
    ]);
    super::pane(theme, format!(" 帮助 ·{title}"), true).render(areas.popup, buf);
    let inner = areas.inner;
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let col_w = inner.width / areas.columns;
    let height = usize::from(inner.height);
    for (i, row) in rows.iter().enumerate() {
        let (col, line) = if i < split { (0, i) } else { (1, i - split) };
        let Some(visible) = line.checked_sub(app.help_scroll).filter(|&l| l < height) else {
            continue;
        };
        let x = inner.x + col * col_w + 1;
        let y = inner.y + u16::try_from(visible).unwrap_or(0);
        let room = col_w.saturating_sub(2);
        match row {
            HelpRow::Section(title) => {
                put(buf, x, y, room, &[(title, theme.note_label)], app.widths);
            }
            HelpRow::Binding(keys, what) => {
                let keys = format!("{keys:<14}");
                let runs = [(keys.as_str(), theme.key), (*what, theme.body)];
                put(buf, x, y, room, &runs, app.widths);
            }
        }
    }
}
