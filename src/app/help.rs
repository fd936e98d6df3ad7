//! The help overlay's state: which mode it lists first, how far it has
//! scrolled, and how wide and tall its rows make it.

use super::App;
use crate::action::Action;
use crate::areas;
use crate::keys;
use crate::wrap::Widths;

impl App {
    /// Keys while help is open: scroll it, close it; the global keys too.
    pub(super) fn in_help(&mut self, action: Action) {
        let page = usize::from(self.size.1 / 2);
        match action {
            Action::ScrollDown => self.help_scroll += 1,
            Action::ScrollUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll += page,
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(page),
            Action::ToggleHelp | Action::Close => self.overlay = super::Overlay::None,
            other => self.in_view(&other),
        }
    }

    /// The furthest help scrolls in its popup.
    pub(super) fn help_max_scroll(&self) -> usize {
        let rows = self.keys.help_rows(self.help_first);
        let popup = areas::help(
            self.size.0,
            self.size.1,
            rows.len(),
            help_width(&rows, self.widths),
        );
        rows.len()
            .saturating_sub(usize::from(areas::inner(popup).height))
    }
}

/// Columns help's key column takes: its widest keys and two spaces.
#[must_use]
pub fn help_key_width(rows: &[keys::HelpRow], widths: Widths) -> usize {
    rows.iter()
        .map(|r| match r {
            keys::HelpRow::Binding(k, _) => widths.str(k),
            keys::HelpRow::Section(_) => 0,
        })
        .max()
        .unwrap_or(0)
        + 2
}

/// Columns help's widest row takes, so nothing is cut.
#[must_use]
pub fn help_width(rows: &[keys::HelpRow], widths: Widths) -> usize {
    let keys = help_key_width(rows, widths);
    rows.iter()
        .map(|r| match r {
            keys::HelpRow::Binding(_, what) => keys + widths.str(what),
            keys::HelpRow::Section(title) => widths.str(title),
        })
        .max()
        .unwrap_or(0)
}
