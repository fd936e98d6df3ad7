//! Drawing the app: one file per view, all reading `&App`, none changing it.

mod help;
mod reader;
mod search;
mod status;
pub mod text;
pub mod theme;
mod too_small;
mod tree;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Overlay};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let areas = self.areas();
        if areas.too_small {
            too_small::render(theme, area, buf, self.widths);
            return;
        }
        reader::render(self, theme, areas.reader, buf);
        if let Some(tree) = areas.tree {
            tree::render(self, theme, tree, buf);
        }
        status::render(self, theme, areas.status, buf);
        if self.overlay == Overlay::Search {
            search::render(self, theme, buf);
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
