//! The help overlay's state: which mode it lists first and how far it has
//! scrolled; and how wide and tall its rows make it.

use crate::action::Action;
use crate::areas;
use crate::keys::{self, Keymap, Mode};
use crate::wrap::Widths;

#[derive(Debug, Clone)]
pub struct Help {
    /// First row shown.
    pub scroll: usize,
    /// The mode whose keys it lists first: the one help was opened from.
    pub first: Mode,
}

impl Default for Help {
    fn default() -> Self {
        Help {
            scroll: 0,
            first: Mode::Reader,
        }
    }
}

/// What an action in help asks of the rest of the app.
pub enum Next {
    Stay,
    Close,
    /// Not help's: the view's and the global keys take it.
    Pass,
}

impl Help {
    /// Opens on the keys of `mode`, at the top.
    pub fn open(&mut self, mode: Mode) {
        self.first = mode;
        self.scroll = 0;
    }

    /// Scrolls by a row, by a page of what the popup shows, or to an end;
    /// closes.
    pub fn update(
        &mut self,
        action: &Action,
        keys: &Keymap,
        size: (u16, u16),
        widths: Widths,
    ) -> Next {
        let page = self.page(keys, size, widths).max(1);
        match action {
            Action::ScrollDown => self.scroll += 1,
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll += page,
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = usize::MAX,
            Action::ToggleHelp | Action::Close => return Next::Close,
            _ => return Next::Pass,
        }
        Next::Stay
    }

    /// Rows the popup shows at this size, and how many rows there are.
    fn shown(&self, keys: &Keymap, size: (u16, u16), widths: Widths) -> (usize, usize) {
        let rows = keys.help_rows(self.first);
        let popup = areas::help(size.0, size.1, rows.len(), help_width(&rows, widths));
        (usize::from(areas::inner(popup).height), rows.len())
    }

    /// A page: the rows the popup shows.
    #[must_use]
    pub fn page(&self, keys: &Keymap, size: (u16, u16), widths: Widths) -> usize {
        self.shown(keys, size, widths).0
    }

    /// Keeps the scroll within what the popup at this size can show.
    pub fn clamp(&mut self, keys: &Keymap, size: (u16, u16), widths: Widths) {
        let (page, rows) = self.shown(keys, size, widths);
        self.scroll = self.scroll.min(rows.saturating_sub(page));
    }
}

/// Columns help's key column takes: its widest keys and two spaces.
#[must_use]
pub fn help_key_width(rows: &[keys::HelpRow], widths: Widths) -> usize {
    rows.iter()
        .map(|r| match r {
            keys::HelpRow::Binding(k, _) => widths.str(k),
            keys::HelpRow::Section(_) | keys::HelpRow::Text(_) => 0,
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
            keys::HelpRow::Text(text) => widths.str(text),
        })
        .max()
        .unwrap_or(0)
}
