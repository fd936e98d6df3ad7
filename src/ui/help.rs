//! The help overlay, drawn from the key table itself: every mode, the
//! current one first, one column as wide as its widest row, scrolling.

use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

use crate::app::help::{Help, help_key_width, help_width};
use crate::keys::{HelpRow, Mode};
use crate::paint::text::{clear_popup, put};
use crate::views::DrawCx;

pub fn render(help: &Help, cx: &DrawCx, buf: &mut Buffer) {
    let theme = cx.theme;
    let rows = cx.keys.help_rows(help.first);
    let w = cx.widths;
    let popup = crate::areas::help(cx.size.0, cx.size.1, rows.len(), help_width(&rows, w));
    clear_popup(buf, popup);
    let title = crate::paint::hints(&cx.keys.hints(Mode::Help));
    let shown = help.scroll + usize::from(crate::areas::inner(popup).height);
    let position = format!(" {}/{} ", shown.min(rows.len()), rows.len());
    crate::paint::pane(theme, format!(" 帮助 ·{title}"), true, w)
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
        .skip(help.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let (x, y) = (inner.x + 1, inner.y + u16::try_from(i).unwrap_or(0));
        match row {
            HelpRow::Section(title) => {
                put(buf, x, y, room, &[(title, theme.note_label)], w);
            }
            HelpRow::Text(text) => {
                put(buf, x, y, room, &[(text.as_str(), theme.body)], w);
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
