//! Where each pane sits for a terminal size: one function shared by the views
//! and by mouse hit-testing, so a click lands where the eye sees.

use ratatui::layout::{Constraint, Margin, Rect};

/// Below this the notice replaces the interface.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width the tree is an overlay instead of a pane.
pub const SIDE_BY_SIDE: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    /// The tab bar on the top row, and everything between it and the status bar.
    pub tabs: Rect,
    pub main: Rect,
    pub tree: Option<Rect>,
    /// The tree floats over the reader (narrow terminals).
    pub tree_floats: bool,
    pub reader: Rect,
    pub status: Rect,
}

impl Areas {
    #[must_use]
    pub fn compute(width: u16, height: u16, show_tree: bool) -> Self {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                too_small: true,
                reader: full,
                ..Areas::default()
            };
        }
        let tabs = Rect::new(0, 0, width, 1);
        let main = Rect::new(0, 1, width, height - 2);
        let status = Rect::new(0, height - 1, width, 1);
        if width < SIDE_BY_SIDE {
            // Too narrow to share: the tree covers the reader while open.
            let tree = show_tree.then_some(main);
            return Areas {
                too_small: false,
                tabs,
                main,
                tree,
                tree_floats: true,
                reader: main,
                status,
            };
        }
        if !show_tree {
            return Areas {
                too_small: false,
                tabs,
                main,
                tree: None,
                tree_floats: false,
                reader: main,
                status,
            };
        }
        let tree_w = (width / 3).clamp(24, 44);
        Areas {
            too_small: false,
            tabs,
            main,
            tree: Some(Rect::new(0, main.y, tree_w, main.height)),
            tree_floats: false,
            reader: Rect::new(tree_w, main.y, width - tree_w, main.height),
            status,
        }
    }

    /// The reader's text area: inside its border, with a column of margin
    /// on each side so text never touches the frame.
    #[must_use]
    pub fn reader_inner(&self) -> Rect {
        inner(self.reader).inner(Margin::new(1, 0))
    }

    #[must_use]
    pub fn tree_inner(&self) -> Option<Rect> {
        self.tree.map(inner)
    }
}

/// Inside a frame: a cell in from each side.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    r.inner(Margin::new(1, 1))
}

/// Below this width the two lesson lists stack instead of standing side by side.
pub const COMPARE_SIDE_BY_SIDE: u16 = 100;

/// The comparison's panes: domestic and foreign side by side, or one pane
/// with both stacked.
#[must_use]
pub fn compare_panes(main: Rect) -> Vec<Rect> {
    if main.width < COMPARE_SIDE_BY_SIDE {
        return vec![main];
    }
    let left = main.width / 2;
    vec![
        Rect::new(main.x, main.y, left, main.height),
        Rect::new(main.x + left, main.y, main.width - left, main.height),
    ]
}

/// The text area of a comparison pane: inside its border, a column of margin.
#[must_use]
pub fn compare_text(pane: Rect) -> Rect {
    inner(pane).inner(Margin::new(1, 0))
}

/// The search popup: most of the screen, at most 100 columns wide; all of it
/// on small terminals.
#[must_use]
pub fn search_popup(width: u16, height: u16) -> Rect {
    if width < 60 || height < 16 {
        return Rect::new(0, 0, width, height.saturating_sub(1));
    }
    let w = (width - 4).min(100);
    let h = height - 4;
    Rect::new((width - w) / 2, 1, w, h)
}

/// Rows above the first result inside the popup: the input line and a rule.
pub const SEARCH_HEADER_ROWS: u16 = 2;
/// Rows each result takes: its breadcrumb and its snippet.
pub const SEARCH_RESULT_ROWS: u16 = 2;
/// Rows of the selected result's context under the list, when there is room.
pub const SEARCH_PREVIEW_ROWS: u16 = 6;

/// Columns the result count takes at the right of the search line.
const SEARCH_COUNT_COLS: u16 = 14;
/// The prompt before a popup's input line (`/ ` or `> `).
pub const PROMPT_COLS: u16 = 2;

/// The search popup's parts, for drawing, clicks and the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchAreas {
    pub popup: Rect,
    /// Inside the border.
    pub inner: Rect,
    /// Where the typed line is drawn, after the prompt.
    pub field: Rect,
    /// The result list, each result `SEARCH_RESULT_ROWS` tall.
    pub list: Rect,
    /// How many results the list shows at once (none on a tiny screen).
    pub per_page: usize,
    /// The selected result in context, under a rule, when there is room.
    pub preview: Option<Rect>,
}

#[must_use]
pub fn search(width: u16, height: u16) -> SearchAreas {
    let popup = search_popup(width, height);
    let inner = inner(popup);
    let field = Rect::new(
        inner.x + PROMPT_COLS,
        inner.y,
        inner.width.saturating_sub(PROMPT_COLS + SEARCH_COUNT_COLS),
        1.min(inner.height),
    );
    let rows = inner.height.saturating_sub(SEARCH_HEADER_ROWS);
    let preview_rows = if rows >= 16 { SEARCH_PREVIEW_ROWS } else { 0 };
    // Only whole results: on a very short screen, none.
    let per_page = (rows - preview_rows) / SEARCH_RESULT_ROWS;
    let list = Rect::new(
        inner.x,
        inner.y + SEARCH_HEADER_ROWS.min(inner.height),
        inner.width,
        rows,
    );
    let preview = (preview_rows > 0).then(|| {
        let y = list.bottom() - SEARCH_PREVIEW_ROWS;
        Rect::new(inner.x, y, inner.width, SEARCH_PREVIEW_ROWS)
    });
    SearchAreas {
        popup,
        inner,
        field,
        list,
        per_page: usize::from(per_page),
        preview,
    }
}

impl SearchAreas {
    /// The result under a screen row, counted from the first one listed.
    #[must_use]
    pub fn result_at(&self, y: u16) -> Option<usize> {
        (y >= self.list.y && y < self.list.y + self.list_rows())
            .then(|| usize::from((y - self.list.y) / SEARCH_RESULT_ROWS))
    }

    /// Rows the list of results takes.
    #[must_use]
    pub fn list_rows(&self) -> u16 {
        u16::try_from(self.per_page).unwrap_or(0) * SEARCH_RESULT_ROWS
    }
}

/// The place picker's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PickerAreas {
    pub popup: Rect,
    pub inner: Rect,
    /// The typed line, after the prompt.
    pub field: Rect,
    /// One row per place offered.
    pub list: Rect,
}

/// Rows above the picker's list, inside its border: the line and a rule.
const PICKER_HEADER_ROWS: u16 = 2;
const PICKER_WIDTH: u16 = 46;

/// The picker, tall enough for every place.
#[must_use]
pub fn picker(width: u16, height: u16, places: usize) -> PickerAreas {
    let rows = u16::try_from(places)
        .unwrap_or(u16::MAX)
        .saturating_add(PICKER_HEADER_ROWS + 2);
    let popup = centered(Rect::new(0, 0, width, height), PICKER_WIDTH, rows);
    let inner = inner(popup);
    let head = PICKER_HEADER_ROWS.min(inner.height);
    PickerAreas {
        popup,
        inner,
        field: Rect::new(
            inner.x + PROMPT_COLS,
            inner.y,
            inner.width.saturating_sub(PROMPT_COLS + 1),
            1.min(inner.height),
        ),
        list: Rect::new(inner.x, inner.y + head, inner.width, inner.height - head),
    }
}

impl PickerAreas {
    /// The place under a screen row.
    #[must_use]
    pub fn place_at(&self, x: u16, y: u16) -> Option<usize> {
        self.list
            .contains(ratatui::layout::Position::new(x, y))
            .then(|| usize::from(y - self.list.y))
    }
}

/// The help popup: as wide as its widest row and as tall as its rows, as
/// far as the screen between the tab bar and the status bar allows; it
/// scrolls.
#[must_use]
pub fn help(width: u16, height: u16, rows: usize, row_width: usize) -> Rect {
    let w = u16::try_from(row_width + 4).unwrap_or(u16::MAX);
    let h = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    centered(Rect::new(0, 1, width, height.saturating_sub(2)), w, h)
}

/// A rectangle of at most `w`×`h`, centred in `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(Constraint::Max(w), Constraint::Max(h))
}

/// The columns each tab covers on the tab bar, from the widths of their
/// texts: a column of margin, then each tab padded by one column a side.
#[must_use]
pub fn tabs(text_widths: impl IntoIterator<Item = usize>) -> Vec<(u16, u16)> {
    let mut x = 1u16;
    text_widths
        .into_iter()
        .map(|w| {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            let span = (x, w);
            x = x.saturating_add(w + 1);
            span
        })
        .collect()
}

/// Rows each bookmark takes in its list: breadcrumb and first words.
pub const BOOKMARK_ROWS: u16 = 2;

/// The bookmark list: up to 80 columns wide, tall enough for every
/// bookmark (or one line saying there are none), as the screen allows.
#[must_use]
pub fn bookmarks(width: u16, height: u16, count: usize) -> Rect {
    let rows = u16::try_from(count.max(1))
        .unwrap_or(u16::MAX)
        .saturating_mul(BOOKMARK_ROWS)
        .saturating_add(2);
    centered(
        Rect::new(0, 0, width, height.saturating_sub(1)),
        80.min(width.saturating_sub(4)),
        rows,
    )
}
