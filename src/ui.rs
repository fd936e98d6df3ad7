//! Drawing the app: one file per view, each reading `&App` and the theme it
//! is handed, none changing state.

mod bookmarks;
mod compare;
mod help;
mod picker;
mod places;
mod reader;
mod search;
mod status;
mod tabs;
pub mod text;
pub mod theme;
mod too_small;
mod tree;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Overlay, View};
use theme::Theme;

/// The whole screen: the app's state drawn in a theme.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Screen { app, theme } = self;
        let areas = app.areas();
        if areas.too_small {
            too_small::render(theme, area, buf, app.widths);
            return;
        }
        tabs::render(app, theme, areas.tabs, buf);
        match app.view {
            View::Reader => {
                reader::render(app, theme, areas.reader, buf);
                if let Some(tree) = areas.tree {
                    tree::render(app, theme, tree, buf);
                }
            }
            View::Compare => compare::render(app, theme, buf),
            View::Places => places::render(app, theme, areas.main, buf),
        }
        status::render(app, theme, areas.status, buf);
        match app.overlay {
            Overlay::Search => search::render(app, theme, buf),
            Overlay::Picker => picker::render(app, theme, buf),
            Overlay::Help => help::render(app, theme, buf),
            Overlay::Bookmarks => bookmarks::render(app, theme, buf),
            Overlay::None => {}
        }
    }
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

/// A hint line for a popup's border from the key table: ` ↑↓ 选择 · Enter 跳转 `.
fn hints(items: &[(String, String)]) -> String {
    let parts: Vec<String> = items.iter().map(|(k, w)| format!("{k} {w}")).collect();
    format!(" {} ", parts.join(" · "))
}
