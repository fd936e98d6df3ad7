//! The reading pane's state: which article, how far down, laid out at the
//! pane's width, and the search hits that `n`/`N` step through.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crate::action::Action;
use crate::content::{Anchor, Library, NodeId};
use crate::layout::{Document, MEASURE};
use crate::wrap::Widths;

pub struct Reader {
    lib: Arc<Library>,
    widths: Widths,
    /// The article shown.
    pub article: usize,
    /// First document line shown.
    pub scroll: usize,
    /// Every hit of the last jumped-to query in the article, and the one
    /// `n`/`N` is on.
    pub hits: Vec<(Anchor, Range<usize>)>,
    pub hit: usize,
    doc: Rc<Document>,
    /// Layouts by article and width, so switching back costs nothing.
    docs: HashMap<(usize, usize), Rc<Document>>,
    /// Rows and columns of text the pane shows.
    rows: usize,
    columns: usize,
}

impl Reader {
    #[must_use]
    pub fn new(lib: Arc<Library>, widths: Widths) -> Self {
        let mut reader = Reader {
            lib,
            widths,
            article: 0,
            scroll: 0,
            hits: Vec::new(),
            hit: 0,
            doc: Rc::new(Document::default()),
            docs: HashMap::new(),
            rows: 1,
            columns: 2,
        };
        reader.relayout();
        reader
    }

    /// The article laid out at the pane's width.
    #[must_use]
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Rows of text the pane shows.
    #[must_use]
    pub fn page_height(&self) -> usize {
        self.rows.max(1)
    }

    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.page_height())
    }

    /// The node at the top of the pane: what the tree marks as being read.
    #[must_use]
    pub fn reading(&self) -> NodeId {
        self.doc
            .lines
            .get(self.scroll)
            .map_or(self.lib.articles[self.article].root, |l| l.node)
    }

    /// How far through the article the bottom of the page is, in percent.
    #[must_use]
    pub fn percent(&self) -> usize {
        let len = self.doc.lines.len();
        if len == 0 {
            return 100;
        }
        (self.scroll + self.page_height()).min(len) * 100 / len
    }

    /// Applies a reading action; false when the action is not one.
    pub fn update(&mut self, action: &Action) -> bool {
        let page = isize::try_from(self.page_height().saturating_sub(2).max(1)).unwrap_or(1);
        let half = isize::try_from((self.page_height() / 2).max(1)).unwrap_or(1);
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by(half),
            Action::HalfPageUp => self.scroll_by(-half),
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = self.max_scroll(),
            Action::NextPart => {
                if let Some(line) = self.doc.heading_lines().find(|&l| l > self.scroll) {
                    self.scroll = line.min(self.max_scroll());
                }
            }
            Action::PrevPart => {
                self.scroll = self
                    .doc
                    .heading_lines()
                    .filter(|&l| l < self.scroll)
                    .last()
                    .unwrap_or(0);
            }
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            _ => return false,
        }
        true
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Shows a node: its article, scrolled to its first line.
    pub fn open(&mut self, node: NodeId) {
        let article = self.lib.node(node).article;
        if article != self.article {
            self.hits.clear();
        }
        self.article = article;
        self.relayout();
        self.scroll = self
            .doc
            .line_of_node(node)
            .unwrap_or(0)
            .min(self.max_scroll());
    }

    /// Shows a paragraph with the hits to step through, on the one at
    /// `anchor` (or the first).
    pub fn jump(&mut self, anchor: Anchor, hits: Vec<(Anchor, Range<usize>)>) {
        self.article = self.lib.node(anchor.node).article;
        self.relayout();
        self.hit = hits.iter().position(|(a, _)| *a == anchor).unwrap_or(0);
        self.hits = hits;
        if self.hits.is_empty() {
            self.scroll = self.doc.line_of(anchor, 0).unwrap_or(0);
        }
        self.show_hit();
    }

    /// A new pane size; the paragraph at the top stays at the top.
    pub fn resize(&mut self, rows: usize, columns: usize) {
        if (rows, columns) == (self.rows, self.columns) {
            return;
        }
        let top = self
            .doc
            .lines
            .get(self.scroll)
            .and_then(|l| l.anchor.map(|a| (a, l.range.start)));
        self.rows = rows;
        self.columns = columns;
        self.relayout();
        if let Some((anchor, byte)) = top {
            self.scroll = self.doc.line_of(anchor, byte).unwrap_or(0);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn step_hit(&mut self, delta: isize) {
        if self.hits.is_empty() {
            return;
        }
        let n = isize::try_from(self.hits.len()).unwrap_or(1);
        let at = isize::try_from(self.hit).unwrap_or(0);
        self.hit = usize::try_from((at + delta).rem_euclid(n)).unwrap_or(0);
        self.show_hit();
    }

    /// Scrolls the current hit into view, a third of the way down the page.
    fn show_hit(&mut self) {
        let Some((anchor, range)) = self.hits.get(self.hit) else {
            return;
        };
        let Some(line) = self.doc.line_of(*anchor, range.start) else {
            return;
        };
        let page = self.page_height();
        if line < self.scroll || line >= self.scroll + page {
            self.scroll = line.saturating_sub(page / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Lays the article out at the pane's width, from the cache.
    fn relayout(&mut self) {
        let key = (self.article, self.columns.clamp(2, MEASURE));
        let (lib, widths) = (&self.lib, self.widths);
        let root = lib.articles[self.article].root;
        self.doc = Rc::clone(
            self.docs
                .entry(key)
                .or_insert_with(|| Rc::new(Document::build(lib, root, key.1, widths))),
        );
    }
}
