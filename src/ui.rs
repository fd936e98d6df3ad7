//! Drawing the app: one file per view, each reading `&App` and the theme it
//! is handed, none changing state.

mod bookmarks;
mod compare;
mod help;
mod notes;
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
use crate::wrap::Widths;
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
            View::Notes => notes::render(app, theme, areas.main, buf),
        }
        status::render(app, theme, areas.status, buf);
        match app.overlay {
            Overlay::Search => search::render(app, theme, buf),
            Overlay::Picker => picker::render(app, theme, buf),
            Overlay::Help => help::render(app, theme, buf),
            Overlay::Bookmarks => bookmarks::render(app, theme, buf),
            Overlay::Editor => notes::render_editor(app, theme, buf),
            Overlay::None => {}
        }
    }
}

/// Where the terminal cursor goes: at the caret of the text line being
/// edited, so an input method's candidate window follows it.
#[must_use]
pub fn cursor(app: &App) -> Option<(u16, u16)> {
    if app.areas().too_small {
        return None;
    }
    let (w, h) = app.size;
    match app.overlay {
        Overlay::Picker => {
            let field = crate::areas::picker(w, h, app.lib.places.len()).field;
            app.picker.line.cursor(field, app.widths)
        }
        Overlay::Search => app
            .search
            .line
            .cursor(crate::areas::search(w, h).field, app.widths),
        Overlay::Editor => notes::editor_cursor(app),
        Overlay::None if app.mode() == crate::keys::Mode::NotesFilter => notes::filter_cursor(app),
        _ => None,
    }
}

/// A pane's frame: rounded, its border brighter while it has focus, its
/// title at the top left in the pane-title style and an optional note at
/// the bottom right. Titles are written cell by cell like all our text, so
/// their widths are ours; where ambiguous characters are drawn two columns
/// wide, the box-drawing characters are too, so the frame is ASCII.
struct Pane<'a> {
    theme: &'a Theme,
    title: std::borrow::Cow<'a, str>,
    bottom: Option<String>,
    focused: bool,
    widths: Widths,
}

fn pane<'a>(
    theme: &'a Theme,
    title: impl Into<std::borrow::Cow<'a, str>>,
    focused: bool,
    widths: Widths,
) -> Pane<'a> {
    Pane {
        theme,
        title: title.into(),
        bottom: None,
        focused,
        widths,
    }
}

impl Pane<'_> {
    fn bottom(mut self, note: impl Into<String>) -> Self {
        self.bottom = Some(note.into());
        self
    }
}

/// The frame where box drawing is two columns wide.
const ASCII_FRAME: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Widget for Pane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Pane {
            theme,
            title,
            bottom,
            focused,
            widths,
        } = self;
        let block = ratatui::widgets::Block::bordered().border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        });
        let block = if widths.ambiguous_wide {
            block.border_set(ASCII_FRAME)
        } else {
            block.border_type(ratatui::widgets::BorderType::Rounded)
        };
        block.render(area, buf);
        if area.width <= 2 || area.height == 0 {
            return;
        }
        let room = area.width - 2;
        text::put(
            buf,
            area.x + 1,
            area.y,
            room,
            &[(&title, theme.pane_title)],
            widths,
        );
        if let Some(note) = bottom {
            // Right-aligned; when it does not fit, its end is kept.
            let mut note = note.as_str();
            while widths.str(note) > usize::from(room) {
                let mut chars = note.chars();
                chars.next();
                note = chars.as_str();
            }
            let width = u16::try_from(widths.str(note)).unwrap_or(room);
            let x = area.right() - 1 - width;
            let y = area.bottom() - 1;
            text::put(
                buf,
                x,
                y,
                width,
                &[(note, ratatui::style::Style::default())],
                widths,
            );
        }
    }
}

/// A hint line for a popup's border from the key table: ` ↑↓ 选择 · Enter 跳转 `.
fn hints(items: &[(String, String)]) -> String {
    let parts: Vec<String> = items.iter().map(|(k, w)| format!("{k} {w}")).collect();
    format!(" {} ", parts.join(" · "))
}

/// [`hints`], as many whole as fit in `room` columns, the first kept
/// longest: never a hint cut in half.
fn hints_within(items: &[(String, String)], room: usize, widths: crate::wrap::Widths) -> String {
    (0..=items.len())
        .rev()
        .map(|n| hints(&items[..n]))
        .find(|h| widths.str(h) <= room)
        .unwrap_or_default()
}
