//! Drawing primitives every screen shares: text written cell by cell
//! (`text`), the colours (`theme`), a pane's frame and a line of key hints.
//! They know the buffer and the widths, nothing of the reader's state.

pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::wrap::Widths;
pub use theme::Theme;

/// A pane's frame: rounded, its border brighter while it has focus, its
/// title at the top left in the pane-title style and an optional note at
/// the bottom right. Titles are written cell by cell like all our text, so
/// their widths are ours; where ambiguous characters are drawn two columns
/// wide, the box-drawing characters are too, so the frame is ASCII.
pub struct Pane<'a> {
    theme: &'a Theme,
    title: std::borrow::Cow<'a, str>,
    bottom: Option<String>,
    focused: bool,
    widths: Widths,
}

pub fn pane<'a>(
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
    #[must_use]
    pub fn bottom(mut self, note: impl Into<String>) -> Self {
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
#[must_use]
pub fn hints(items: &[(String, String)]) -> String {
    let parts: Vec<String> = items.iter().map(|(k, w)| format!("{k} {w}")).collect();
    format!(" {} ", parts.join(" · "))
}

/// [`hints`], as many whole as fit in `room` columns, the first kept
/// longest: never a hint cut in half.
#[must_use]
pub fn hints_within(
    items: &[(String, String)],
    room: usize,
    widths: crate::wrap::Widths,
) -> String {
    (0..=items.len())
        .rev()
        .map(|n| hints(&items[..n]))
        .find(|h| widths.str(h) <= room)
        .unwrap_or_default()
}
