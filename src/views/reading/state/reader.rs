//! The reading pane's state: which article, how far down, laid out at the
//! pane's width, and the search hits that `n`/`N` step through.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crate::action::Action;
use crate::content::{Anchor, Library, NodeId};
use crate::layout::{Document, MEASURE, MEASURES};
use crate::wrap::Widths;

/// Article layouts kept at once.
const KEPT_DOCS: usize = 32;

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
    /// Layouts by article and width, so switching back costs nothing; at
    /// most [`KEPT_DOCS`], so reading through an archive keeps no more.
    docs: HashMap<(usize, usize), Rc<Document>>,
    /// Rows and columns of text the pane shows.
    rows: usize,
    columns: usize,
    /// The widest the text runs, in columns: `+` and `-` change it.
    pub measure: usize,
    /// The settings' measure: widening to fill the pane goes back to it.
    pub preferred: usize,
    /// A paragraph's first-line indent.
    pub indent: &'static str,
}

/// Where the reader is, kept against the text rather than the lines, so it
/// survives a resize or another measure: the jump list holds these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub article: usize,
    /// The text at the top of the pane and the byte of it the top line starts at.
    pub top: Option<(Anchor, usize)>,
}

impl Position {
    /// The same place in a grown collection, if the text is still there.
    #[must_use]
    pub fn rebase(self, moved: &crate::views::rebase::Rebase) -> Option<Position> {
        match self.top {
            Some((anchor, byte)) => {
                let anchor = moved.anchor(anchor)?;
                Some(Position {
                    article: moved.new.node(anchor.node).article,
                    top: Some((anchor, byte)),
                })
            }
            None => {
                let id = &moved.old.articles.get(self.article)?.id;
                let article = moved.new.articles.iter().position(|a| &a.id == id)?;
                Some(Position { article, top: None })
            }
        }
    }
}

/// What moving through the hits did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// No hits to move through.
    None,
    Moved,
    /// Went past the last hit to the first, or past the first to the last.
    Wrapped,
}

impl Step {
    /// What the status bar says of it, stepping `forward` or back; `search`
    /// is the key that opens search.
    #[must_use]
    pub fn notice(self, forward: bool, search: &str) -> Option<String> {
        match self {
            Step::Moved => None,
            Step::Wrapped if forward => Some("已回到第一个结果".into()),
            Step::Wrapped => Some("已回到最后一个结果".into()),
            Step::None => Some(format!("没有搜索结果 · 按 {search} 搜索")),
        }
    }
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
            measure: MEASURE,
            preferred: MEASURE,
            indent: crate::layout::INDENT,
        };
        reader.relayout();
        reader
    }

    /// The collection it reads.
    #[must_use]
    pub fn library(&self) -> &Arc<Library> {
        &self.lib
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

    /// The section being read, which the tree and breadcrumb name: the
    /// hit jumped to while it is on screen; at the end of an article, the
    /// last section whose heading is on screen (the page cannot scroll it
    /// to the top); else the one at the top of the pane.
    #[must_use]
    pub fn reading(&self) -> NodeId {
        let on_screen = self.scroll..self.scroll + self.page_height();
        if let Some((anchor, range)) = self.hits.get(self.hit)
            && self
                .doc
                .line_of(*anchor, range.start)
                .is_some_and(|l| on_screen.contains(&l))
        {
            return anchor.node;
        }
        if self.scroll > 0
            && self.scroll >= self.max_scroll()
            && let Some(last) = self
                .doc
                .heading_lines()
                .filter(|l| on_screen.contains(l))
                .last()
        {
            return self.doc.lines[last].node;
        }
        self.doc
            .lines
            .get(self.scroll)
            .map_or(self.lib.articles[self.article].root, |l| l.node)
    }

    /// The text's width on screen: the measure, or less where the pane is
    /// narrower.
    #[must_use]
    pub fn shown_measure(&self) -> usize {
        self.columns.min(self.measure).max(2)
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

    /// Applies a reading action; false when the action is not one. Paging
    /// and `]` run on past an article's end into the next, `b` and `[` back
    /// into the one before.
    pub fn update(&mut self, action: &Action) -> bool {
        let page = isize::try_from(self.page_height().saturating_sub(2).max(1)).unwrap_or(1);
        let half = isize::try_from((self.page_height() / 2).max(1)).unwrap_or(1);
        let at_end = self.scroll >= self.max_scroll();
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown if at_end => self.next_article(),
            Action::PageUp if self.scroll == 0 => self.previous_article(false),
            Action::PageDown => self.scroll_by(page),
            Action::PageUp => self.scroll_by(-page),
            Action::HalfPageDown => self.scroll_by(half),
            Action::HalfPageUp => self.scroll_by(-half),
            Action::ScrollTop => self.scroll = 0,
            Action::ScrollBottom => self.scroll = self.max_scroll(),
            Action::NextPart => {
                // After the line the reader sees first (a blank top row is
                // the part below it's).
                let top = (self.scroll..self.doc.lines.len())
                    .find(|&l| self.doc.lines[l].kind != crate::layout::LineKind::Blank)
                    .unwrap_or(self.scroll);
                let next = self.doc.heading_lines().find(|&l| l > top);
                match next {
                    Some(line) if line <= self.max_scroll() || !at_end => {
                        self.scroll = line.min(self.max_scroll());
                    }
                    _ => self.next_article(),
                }
            }
            Action::PrevPart if self.scroll == 0 => self.previous_article(true),
            Action::PrevPart => {
                self.scroll = self
                    .doc
                    .heading_lines()
                    .filter(|&l| l < self.scroll)
                    .last()
                    .unwrap_or(0);
            }
            // From what the pane shows: the first press always moves the
            // text, and wider than the pane moves nothing.
            // Widened to fill the pane, it is the settings' measure again
            // (or wider): a narrow window's `-` then `+` leaves no narrow
            // measure behind for a wide one.
            Action::WiderMeasure if self.measure < self.columns => {
                let next = self.measure + 4;
                self.set_measure(if next >= self.columns {
                    next.max(self.preferred)
                } else {
                    next
                });
            }
            Action::WiderMeasure => {}
            Action::NarrowerMeasure => self.set_measure(self.shown_measure().saturating_sub(4)),
            _ => return false,
        }
        true
    }

    /// The next article from its top; nothing after the last.
    fn next_article(&mut self) {
        if let Some(next) = self.lib.articles.get(self.article + 1) {
            self.open(next.root);
            self.scroll = 0;
        }
    }

    /// The article before, at its end (or its last part); nothing before the first.
    fn previous_article(&mut self, last_part: bool) {
        let Some(before) = self.article.checked_sub(1) else {
            return;
        };
        self.open(self.lib.articles[before].root);
        self.scroll = if last_part {
            self.doc.heading_lines().last().unwrap_or(0)
        } else {
            self.max_scroll()
        }
        .min(self.max_scroll());
    }

    /// Another first-line indent (from the config), from now on.
    pub fn set_indent(&mut self, indent: &'static str) {
        if indent != self.indent {
            let keep = self.position();
            self.indent = indent;
            self.docs.clear();
            self.relayout();
            self.restore(keep);
        }
    }

    /// A new measure, within [`MEASURES`]; the top paragraph stays.
    pub fn set_measure(&mut self, measure: usize) {
        let measure = measure.clamp(*MEASURES.start(), *MEASURES.end());
        if measure != self.measure {
            let keep = self.position();
            self.measure = measure;
            self.relayout();
            self.restore(keep);
        }
    }

    /// Where the reader is now: the text at the top, or where the top
    /// row is blank (between paragraphs, after a heading) the first text
    /// below it, else the last above.
    #[must_use]
    pub fn position(&self) -> Position {
        let at = |l: &crate::layout::DocLine| l.anchor.map(|a| (a, l.range.start));
        let lines = &self.doc.lines;
        let top = lines
            .get(self.scroll..)
            .and_then(|below| below.iter().find_map(at))
            .or_else(|| lines.get(..self.scroll).and_then(|above| above.iter().rev().find_map(at)));
        Position {
            article: self.article,
            top,
        }
    }

    /// Goes back to a position.
    pub fn restore(&mut self, to: Position) {
        if to.article != self.article {
            self.hits.clear();
        }
        self.article = to.article.min(self.lib.articles.len().saturating_sub(1));
        self.relayout();
        self.scroll = to
            .top
            .and_then(|(anchor, byte)| self.doc.line_of(anchor, byte))
            .unwrap_or(0)
            .min(self.max_scroll());
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
    pub fn jump(&mut self, anchor: Anchor, mut hits: Vec<(Anchor, Range<usize>)>) {
        self.article = self.lib.node(anchor.node).article;
        self.relayout();
        // In the order the page shows them (an article's notes, say, are
        // printed at its end).
        hits.sort_by_key(|(a, r)| self.doc.line_of(*a, r.start).unwrap_or(usize::MAX));
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

    /// `n` and `N`: the next or previous hit, round from the last to the first.
    pub fn step_hit(&mut self, delta: isize) -> Step {
        if self.hits.is_empty() {
            return Step::None;
        }
        let n = isize::try_from(self.hits.len()).unwrap_or(1);
        let at = isize::try_from(self.hit).unwrap_or(0);
        let to = at + delta;
        self.hit = usize::try_from(to.rem_euclid(n)).unwrap_or(0);
        self.show_hit();
        if (0..n).contains(&to) {
            Step::Moved
        } else {
            Step::Wrapped
        }
    }

    /// Scrolls the current hit into view, a third of the way down the page.
    fn show_hit(&mut self) {
        if let Some((anchor, range)) = self.hits.get(self.hit) {
            self.reveal(*anchor, range.start);
        }
    }

    /// Scrolls a byte of the text into view (if it is off the page), a
    /// third of the way down.
    pub fn reveal(&mut self, anchor: Anchor, byte: usize) {
        let Some(line) = self.doc.line_of(anchor, byte) else {
            return;
        };
        let page = self.page_height();
        if line < self.scroll || line >= self.scroll + page {
            self.scroll = line.saturating_sub(page / 3);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The paragraph being read: the hit jumped to (it sits below the top
    /// line), else the one at the top.
    #[must_use]
    pub fn selected_anchor(&self) -> Option<Anchor> {
        let hit = self.hits.get(self.hit).map(|(a, _)| *a);
        hit.or(self.position().top.map(|(a, _)| a))
    }

    /// The same place and hits in a grown collection.
    pub fn rebase(&mut self, lib: Arc<Library>, moved: &crate::views::rebase::Rebase) {
        let at = self.position().rebase(moved);
        let hits: Vec<_> = self
            .hits
            .iter()
            .filter_map(|(a, r)| moved.anchor(*a).map(|a| (a, r.clone())))
            .collect();
        let hit = self.hit;
        self.lib = lib;
        self.docs.clear();
        self.restore(at.unwrap_or(Position {
            article: 0,
            top: None,
        }));
        self.hit = hit.min(hits.len().saturating_sub(1));
        self.hits = hits;
    }

    /// Lays the article out at the pane's width, from the cache.
    fn relayout(&mut self) {
        let key = (self.article, self.shown_measure());
        let (lib, widths, indent) = (&self.lib, self.widths, self.indent);
        let root = lib.articles[self.article].root;
        if !self.docs.contains_key(&key) && self.docs.len() >= KEPT_DOCS {
            self.docs.clear();
        }
        self.doc = Rc::clone(self.docs.entry(key).or_insert_with(|| {
            Rc::new(Document::build_indented(lib, root, key.1, widths, indent))
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::{KEPT_DOCS, Reader};
    use crate::content::{Anchor, Field, Library};
    use std::sync::Arc;

    #[test]
    fn reading_through_an_archive_keeps_few_layouts() {
        let lib = Arc::new(Library::bundled().unwrap());
        let mut reader = Reader::new(Arc::clone(&lib), crate::wrap::Widths::default());
        // Both articles at many widths: more layouts than are kept.
        for width in 20..60 {
            reader.resize(30, width);
            for article in &lib.articles {
                reader.jump(
                    Anchor {
                        node: article.root,
                        field: Field::Title,
                    },
                    Vec::new(),
                );
                assert!(reader.docs.len() <= KEPT_DOCS);
            }
        }
        assert!(reader.doc.lines.len() > 1, "the last is laid out");
    }
}
