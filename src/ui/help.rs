//! The help overlay, drawn from the key table itself: every mode, the
//! current one first, one column as wide as its widest row, scrolling.

use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use super::text::{clear_popup, put};
use super::theme::Theme;
use crate::action::Action as A;
use crate::app::App;
use crate::app::help::{help_key_width, help_width};
use crate::keys::{HelpRow, Mode};

pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) {
    let rows = app.keys.help_rows(app.help.first);
    let w = app.widths;
    let popup = crate::areas::help(app.size.0, app.size.1, rows.len(), help_width(&rows, w));
    clear_popup(buf, popup);
    let title = super::hints(&[
        (
            format!(
                "{}/{}",
                app.keys.first_key(Mode::Help, &A::ScrollDown),
                app.keys.first_key(Mode::Help, &A::ScrollUp)
            ),
            "滚动".into(),
        ),
        (
            app.keys.first_key(Mode::Help, &A::ToggleHelp),
            "关闭".into(),
        ),
    ]);
    let shown = app.help.scroll + usize::from(crate::areas::inner(popup).height);
    let position = format!(" {}/{} ", shown.min(rows.len()), rows.len());
    super::pane(theme, format!(" 帮助 ·{title}"), true, app.widths)
        .bottom(position)
        .render(popup, buf);
    let inner = crate::areas::inner(popup);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let key_width = help_key_width(&rows, w);
    let room = inner.width.saturating_sub(2);
    for (i, row) in rows
        .iter()
        .skip(app.help.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let (x, y) = (inner.x + 1, inner.y + u16::try_from(i).unwrap_or(0));
        match row {
            HelpRow::Section(title) => {
                put(buf, x, y, room, &[(title, theme.note_label)], w);
            }
            HelpRow::Binding(keys, what) => {
                let pad = " ".repeat(key_width.saturating_sub(w.str(keys)));
                let runs = [
                    (keys.as_str(), theme.key),
                    (pad.as_str(), theme.body),
                    (*what, theme.body),
                ];
                put(buf, x, y, room, &runs, w);
            }
        }
    }
}
