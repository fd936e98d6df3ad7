//! Drawing the app: one file per view, all reading `&App`, none changing it.

mod compare;
mod help;
mod picker;
mod places;
mod reader;
mod search;
mod status;
pub mod tabs;
pub mod text;
pub mod theme;
mod too_small;
mod tree;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Overlay, View};
use theme::Theme;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let areas = self.areas();
        if areas.too_small {
            too_small::render(theme, area, buf, self.widths);
            return;
        }
        tabs::render(self, theme, areas.tabs, buf);
        match self.view {
            View::Reader => {
                reader::render(self, theme, areas.reader, buf);
                if let Some(tree) = areas.tree {
                    tree::render(self, theme, tree, buf);
                }
            }
            View::Compare => compare::render(self, theme, buf),
            View::Places => places::render(self, theme, areas.main, buf),
        }
        status::render(self, theme, areas.status, buf);
        if self.overlay == Overlay::Search {
            search::render(self, theme, buf);
        }
        if self.overlay == Overlay::Picker {
            picker::render(self, theme, area, buf);
        }
        if self.overlay == Overlay::Help {
            help::render(self, theme, area, buf);
        }
    }
}

/// The reader pane's title: the article's title, marked when derived.
fn truncate_title(app: &App, max: u16) -> String {
    let root = app.lib.articles[app.article].root;
    text::truncate(&app.lib.display_label(root), usize::from(max), app.widths)
}

/// Where the picker's caret is, for the terminal cursor.
#[must_use]
pub fn picker_caret(app: &App) -> (u16, u16) {
    picker::caret(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// Where the place picker sits on screen.
#[must_use]
pub fn picker_area(app: &App) -> Rect {
    picker::area(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// A pane's frame: rounded, its border brighter while it has focus, its
/// title in the pane-title style.
fn pane<'a>(
    theme: &Theme,
    title: impl Into<std::borrow::Cow<'a, str>>,
    focused: bool,
) -> ratatui::widgets::Block<'a> {
    ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Rounded)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(ratatui::text::Span::styled(title, theme.pane_title))
}
