//! Where each pane sits for a terminal size: one function shared by the views
//! and by mouse hit-testing, so a click lands where the eye sees.

use ratatui::layout::Rect;

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
        let r = inner(self.reader);
        Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height)
    }

    #[must_use]
    pub fn tree_inner(&self) -> Option<Rect> {
        self.tree.map(inner)
    }
}

#[must_use]
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
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
    let r = inner(pane);
    Rect::new(r.x + 1, r.y, r.width.saturating_sub(2), r.height)
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
