//! The reader's state, changed only by `App::update`.

pub mod search;

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crate::action::Action;
use crate::areas::Areas;
use crate::compare::Table;
use crate::content::{Anchor, Library, NodeId, PlaceId};
use crate::keys::Mode;
use crate::layout::Document;
use crate::search::{SearchIndex, Target};
use crate::ui::theme::Theme;
use crate::wrap::Widths;
use search::SearchBox;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Reader,
}

/// The popup over the panes: at most one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Search,
    /// Choosing a place to filter by.
    Picker,
}

/// The three views, on the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Compare,
    Places,
}

/// The comparison of the domestic and foreign lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compare {
    /// First row shown, per side (the stacked layout uses the first).
    pub scroll: [usize; 2],
    /// Both sides scroll together.
    pub sync: bool,
    /// 0 domestic, 1 foreign: the side Enter opens.
    pub side: usize,
    /// The lesson pair selected.
    pub selected: usize,
    /// Lessons that do not name this place are dimmed.
    pub place: Option<PlaceId>,
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub expanded: Vec<bool>,
    pub selected: NodeId,
    /// First visible row.
    pub offset: usize,
}

pub struct App {
    pub lib: Arc<Library>,
    pub index: Arc<SearchIndex>,
    pub widths: Widths,
    pub theme: &'static Theme,
    pub focus: Focus,
    /// What floats over the panes, if anything.
    pub overlay: Overlay,
    pub help_scroll: usize,
    /// Wide terminals: the tree pane is shown. Narrow: the tree overlay is open.
    pub show_tree: bool,
    pub tree: Tree,
    /// The article in the reader.
    pub article: usize,
    /// First document line shown.
    pub scroll: usize,
    pub size: (u16, u16),
    pub quit: bool,
    /// The search line and its results, kept while the popup is closed.
    pub search: SearchBox,
    /// Every hit of the last jumped-to query in the reader's article, and
    /// the one `n`/`N` is on.
    pub hits: Vec<(Anchor, Range<usize>)>,
    pub hit: usize,
    pub view: View,
    pub compare: Compare,
    /// The place picker's line and selection.
    pub picker: SearchBox,
    pub picked: usize,
    /// The place index: the mention selected.
    pub mention: usize,
    doc: Rc<Document>,
    table: Rc<Table>,
    tables: HashMap<(usize, bool), Rc<Table>>,
    /// Every paragraph that names a place, by place: built when the place
    /// index is first opened.
    mentions: Option<Rc<Vec<(PlaceId, Anchor)>>>,
    docs: HashMap<(usize, usize), Rc<Document>>,
}

impl App {
    #[must_use]
    pub fn new(lib: Library, widths: Widths) -> Self {
        let lib = Arc::new(lib);
        let index = Arc::new(SearchIndex::new(Arc::clone(&lib)));
        let mut expanded = vec![false; lib.nodes.len()];
        for a in &lib.articles {
            expanded[a.root] = true;
        }
        let selected = lib.articles.first().map_or(0, |a| a.root);
        let mut app = App {
            lib,
            index,
            widths,
            theme: &crate::ui::theme::COLOR,
            focus: Focus::Tree,
            overlay: Overlay::None,
            help_scroll: 0,
            show_tree: true,
            tree: Tree {
                expanded,
                selected,
                offset: 0,
            },
            article: 0,
            scroll: 0,
            size: (0, 0),
            quit: false,
            search: SearchBox::default(),
            hits: Vec::new(),
            hit: 0,
            view: View::Reader,
            compare: Compare {
                scroll: [0, 0],
                sync: true,
                side: 0,
                selected: 0,
                place: None,
            },
            picker: SearchBox::default(),
            picked: 0,
            mention: 0,
            table: Rc::new(Table::default()),
            tables: HashMap::new(),
            mentions: None,
            doc: Rc::new(Document::default()),
            docs: HashMap::new(),
        };
        app.update(Action::Resize(100, 30));
        app
    }

    #[must_use]
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.show_tree)
    }

    /// The document in the reader, laid out at the reader's width.
    #[must_use]
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Rows of text the reader shows.
    #[must_use]
    pub fn page_height(&self) -> usize {
        usize::from(self.areas().reader_inner().height).max(1)
    }

    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.page_height())
    }

    /// The node at the top of the reader: what the tree marks as being read.
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

    /// Key modes in the order a key is tried.
    #[must_use]
    pub fn modes(&self) -> Vec<Mode> {
        match self.overlay {
            Overlay::Search => return vec![Mode::Search],
            Overlay::Picker => return vec![Mode::Picker],
            _ => {}
        }
        if self.overlay == Overlay::Help {
            return vec![Mode::Help, Mode::Global];
        }
        let pane = match (self.view, self.focus) {
            (View::Compare, _) => Mode::Compare,
            (View::Places, _) => Mode::Places,
            (View::Reader, Focus::Tree) if self.areas().tree.is_some() => Mode::Tree,
            (View::Reader, _) => Mode::Reader,
        };
        vec![pane, Mode::Global]
    }

    /// Tree rows as shown: every node whose ancestors are all expanded.
    #[must_use]
    pub fn visible_nodes(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        for a in &self.lib.articles {
            let mut stack = vec![a.root];
            while let Some(n) = stack.pop() {
                out.push(n);
                if self.tree.expanded[n] {
                    stack.extend(self.lib.node(n).children.iter().rev());
                }
            }
        }
        out
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.overlay = if self.overlay == Overlay::Help {
                    Overlay::None
                } else {
                    Overlay::Help
                };
                self.help_scroll = 0;
            }
            Action::Close => {
                if self.overlay != Overlay::None {
                    self.overlay = Overlay::None;
                } else if self.areas().tree_floats && self.show_tree {
                    self.show_tree = false;
                    self.focus = Focus::Reader;
                } else {
                    self.hits.clear();
                }
            }
            Action::OpenSearch => {
                self.overlay = Overlay::Search;
                self.search.end();
            }
            Action::Insert(c) if self.overlay == Overlay::Picker => {
                self.picker.insert(c);
                self.picked = 0;
            }
            Action::Backspace if self.overlay == Overlay::Picker => {
                self.picker.backspace();
                self.picked = 0;
            }
            Action::DeleteToStart if self.overlay == Overlay::Picker => {
                self.picker.delete_to_start();
                self.picked = 0;
            }
            Action::ResultDown if self.overlay == Overlay::Picker => {
                self.picked = (self.picked + 1).min(self.picker_places().len().saturating_sub(1));
            }
            Action::ResultUp if self.overlay == Overlay::Picker => {
                self.picked = self.picked.saturating_sub(1);
            }
            Action::Insert(c) => self.search.insert(c),
            Action::Backspace => self.search.backspace(),
            Action::CaretLeft => self.search.left(),
            Action::CaretRight => self.search.right(),
            Action::CaretHome => self.search.home(),
            Action::CaretEnd => self.search.end(),
            Action::DeleteToStart => self.search.delete_to_start(),
            Action::DeleteWord => self.search.delete_word(),
            Action::ResultUp => self.search.move_selection(-1),
            Action::ResultDown => self.search.move_selection(1),
            Action::SearchDone(serial, outcome) => {
                if self.search.receive(serial, outcome) && self.search.open_when_ready {
                    self.search.open_when_ready = false;
                    self.open_result();
                }
            }
            Action::OpenResult => self.open_result(),
            Action::NextHit => self.step_hit(1),
            Action::PrevHit => self.step_hit(-1),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Tree => Focus::Reader,
                    Focus::Reader => {
                        self.show_tree = true;
                        Focus::Tree
                    }
                };
                if self.areas().tree_floats {
                    self.show_tree = self.focus == Focus::Tree;
                }
            }
            Action::ToggleTree => {
                self.show_tree = !self.show_tree;
                self.focus = if self.show_tree {
                    Focus::Tree
                } else {
                    Focus::Reader
                };
            }
            Action::TreeUp => self.move_selection(-1),
            Action::TreeDown => self.move_selection(1),
            Action::TreeTop => self.move_selection(isize::MIN / 2),
            Action::TreeBottom => self.move_selection(isize::MAX / 2),
            Action::TreeExpand => {
                let n = self.tree.selected;
                if let Some(&first) = self.lib.node(n).children.first() {
                    if self.tree.expanded[n] {
                        self.tree.selected = first;
                    } else {
                        self.tree.expanded[n] = true;
                    }
                }
            }
            Action::TreeCollapse => {
                let n = self.tree.selected;
                if self.tree.expanded[n] && !self.lib.node(n).children.is_empty() {
                    self.tree.expanded[n] = false;
                } else if let Some(p) = self.lib.node(n).parent {
                    self.tree.selected = p;
                }
            }
            Action::TreeOpen => {
                self.open(self.tree.selected);
                self.focus = Focus::Reader;
                if self.areas().tree_floats {
                    self.show_tree = false;
                }
            }
            Action::Select(node) => {
                self.reveal(node);
                self.tree.selected = node;
                self.open(node);
                if self.areas().tree_floats {
                    self.show_tree = false;
                    self.focus = Focus::Reader;
                }
            }
            Action::ScrollDown if self.overlay == Overlay::Help => self.help_scroll += 1,
            Action::ScrollUp if self.overlay == Overlay::Help => {
                self.help_scroll = self.help_scroll.saturating_sub(1);
            }
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown if self.view == View::Compare => {
                self.compare_scroll(None, self.page_step());
            }
            Action::PageUp if self.view == View::Compare => {
                self.compare_scroll(None, -self.page_step());
            }
            Action::PageDown => self.scroll_by(self.page_step()),
            Action::PageUp => self.scroll_by(-self.page_step()),
            Action::HalfPageDown => self.scroll_by(self.half_step()),
            Action::HalfPageUp => self.scroll_by(-self.half_step()),
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
            Action::ShowReader => self.show(View::Reader),
            Action::ShowCompare => self.show(View::Compare),
            Action::ShowPlaces => self.show(View::Places),
            Action::CompareHere => self.compare_here(),
            Action::OtherSide => self.compare.side ^= 1,
            Action::LessonDown => self.select_pair(self.compare.selected + 1),
            Action::LessonUp => self.select_pair(self.compare.selected.saturating_sub(1)),
            Action::OpenLesson => self.open_lesson(),
            Action::ToggleSync => {
                self.compare.sync = !self.compare.sync;
                let side = self.compare.side;
                self.compare.scroll = [self.compare.scroll[side]; 2];
            }
            Action::OpenPlaces => {
                self.overlay = Overlay::Picker;
                self.picker = SearchBox::default();
                self.picked = 0;
            }
            Action::PickPlace => self.pick_place(),
            Action::ClearPlace => self.compare.place = None,
            Action::MentionDown => self.mention += 1,
            Action::MentionUp => self.mention = self.mention.saturating_sub(1),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::WheelDown(x, y) => self.wheel(x, y, 3),
            Action::WheelUp(x, y) => self.wheel(x, y, -3),
        }
        self.clamp();
    }

    /// The query to run, when the shown results are not for the line as typed.
    #[must_use]
    pub fn wanted_search(&self) -> Option<(u64, &str)> {
        (self.overlay == Overlay::Search && self.search.stale())
            .then_some((self.search.serial, self.search.input.as_str()))
    }

    /// Where the terminal cursor goes: at the caret of the search line, so an
    /// input method's candidate window follows it.
    #[must_use]
    pub fn cursor(&self) -> Option<(u16, u16)> {
        if self.areas().too_small {
            return None;
        }
        if self.overlay == Overlay::Picker {
            return Some(crate::ui::picker_caret(self));
        }
        if self.overlay != Overlay::Search {
            return None;
        }
        let popup = crate::areas::search_popup(self.size.0, self.size.1);
        let inner = crate::areas::inner(popup);
        let prompt = 2;
        let field = usize::from(inner.width.saturating_sub(prompt + 14));
        let (_, col) = self.search.view(field, self.widths);
        let x = inner.x + prompt + u16::try_from(col).unwrap_or(0);
        (inner.width > prompt && x < inner.right()).then_some((x, inner.y))
    }

    /// Jumps to the selected search result: its article, the paragraph
    /// scrolled into view, every hit of the query in the article marked.
    fn open_result(&mut self) {
        if self.search.stale() {
            self.search.open_when_ready = !self.search.input.trim().is_empty();
            return;
        }
        let Some(outcome) = self.search.outcome.clone() else {
            return;
        };
        let Some(hit) = outcome.hits.get(self.search.selected) else {
            return;
        };
        self.overlay = Overlay::None;
        let (query, anchor) = match self.index.target(hit.entry) {
            Target::Field(anchor) => (outcome.query.clone(), Some(anchor)),
            Target::Label(node) => {
                self.open(node);
                self.hits.clear();
                return;
            }
            Target::Place(p) => {
                // A place opens at its first mention in a lesson, all its mentions marked.
                let name = self.lib.places[p].name.clone();
                let first = (0..self.lib.nodes.len()).find(|&n| {
                    self.lib
                        .node(n)
                        .lesson
                        .as_ref()
                        .is_some_and(|l| l.examples.iter().any(|e| e.place == p))
                });
                let anchor = first.map(|node| Anchor {
                    node,
                    field: crate::content::Field::Paragraph(0),
                });
                (name, anchor)
            }
        };
        let Some(anchor) = anchor else { return };
        self.article = self.lib.node(anchor.node).article;
        self.relayout();
        self.hits = self.index.matches_in_article(self.article, &query);
        self.hit = self
            .hits
            .iter()
            .position(|(a, _)| *a == anchor)
            .unwrap_or(0);
        if self.hits.is_empty() {
            self.scroll = self.doc.line_of(anchor, 0).unwrap_or(0);
        }
        self.show_hit();
        self.focus = Focus::Reader;
        if self.areas().tree_floats {
            self.show_tree = false;
        }
    }

    /// The comparison laid out at its panes' width.
    #[must_use]
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// Rows of text a comparison pane shows.
    #[must_use]
    pub fn compare_height(&self) -> usize {
        let panes = crate::areas::compare_panes(self.areas().main);
        panes.first().map_or(1, |p| {
            usize::from(crate::areas::compare_text(*p).height).max(1)
        })
    }

    /// Every paragraph naming a place, once the place index has been opened.
    #[must_use]
    pub fn mentions(&self) -> &[(PlaceId, Anchor)] {
        self.mentions.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The places the picker offers for what is typed: all of them when
    /// nothing is, else those the search engine matches, best first.
    #[must_use]
    pub fn picker_places(&self) -> Vec<PlaceId> {
        if self.picker.input.trim().is_empty() {
            return (0..self.lib.places.len()).collect();
        }
        self.index.match_places(&self.picker.input)
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.overlay = Overlay::None;
        if view == View::Places && self.mentions.is_none() {
            let anchors = self.lib.anchors();
            let mut all = Vec::new();
            for (p, place) in self.lib.places.iter().enumerate() {
                let names = |a: &Anchor| {
                    self.lib
                        .text(*a)
                        .is_some_and(|t| t.contains(place.name.as_str()))
                };
                all.extend(anchors.iter().filter(|a| names(a)).map(|&a| (p, a)));
            }
            self.mentions = Some(Rc::new(all));
        }
    }

    /// From the reader: the comparison at the lesson being read (or selected
    /// in the tree).
    fn compare_here(&mut self) {
        // The current search hit first: after a jump it sits below the top line.
        let hit = self.hits.get(self.hit).map(|(a, _)| a.node);
        let candidates: Vec<NodeId> = hit
            .into_iter()
            .chain([self.reading(), self.tree.selected])
            .collect();
        let pairs = &self.table.pairs;
        let found = candidates.iter().find_map(|&n| {
            self.lib.ancestry(n).into_iter().rev().find_map(|a| {
                pairs.iter().enumerate().find_map(|(i, (d, f))| {
                    if *d == Some(a) {
                        Some((i, 0))
                    } else if *f == Some(a) {
                        Some((i, 1))
                    } else {
                        None
                    }
                })
            })
        });
        self.show(View::Compare);
        if let Some((i, side)) = found {
            self.compare.side = side;
            self.select_pair(i);
        }
    }

    /// Selects lesson pair `i` and scrolls both sides (or the focused one) to it.
    fn select_pair(&mut self, i: usize) {
        let n = self.table.pairs.len();
        if n == 0 {
            return;
        }
        self.compare.selected = i.min(n - 1);
        let row = self
            .table
            .starts
            .get(self.compare.selected)
            .copied()
            .unwrap_or(0);
        let max = self.table.height().saturating_sub(self.compare_height());
        let to = row.min(max);
        if self.compare.sync || self.table.columns.len() == 1 {
            self.compare.scroll = [to; 2];
        } else {
            self.compare.scroll[self.compare.side] = to;
        }
    }

    /// Scrolls one side of the comparison (the focused one when `side` is
    /// None), and both while they are in sync.
    fn compare_scroll(&mut self, side: Option<usize>, delta: isize) {
        let max = self.table.height().saturating_sub(self.compare_height());
        let side = side.unwrap_or(self.compare.side);
        let to = self.compare.scroll[side]
            .saturating_add_signed(delta)
            .min(max);
        if self.compare.sync || self.table.columns.len() == 1 {
            self.compare.scroll = [to; 2];
        } else {
            self.compare.scroll[side] = to;
        }
    }

    /// Enter in the comparison or the place index: that lesson or paragraph
    /// in the reader, the chosen place marked.
    fn open_lesson(&mut self) {
        let (anchor, place) = match self.view {
            View::Compare => {
                let Some(&(d, f)) = self.table.pairs.get(self.compare.selected) else {
                    return;
                };
                let Some(node) = (if self.compare.side == 0 {
                    d.or(f)
                } else {
                    f.or(d)
                }) else {
                    return;
                };
                (
                    Anchor {
                        node,
                        field: crate::content::Field::Paragraph(0),
                    },
                    self.compare.place,
                )
            }
            View::Places => {
                let Some(&(p, a)) = self.mentions().get(self.mention) else {
                    return;
                };
                (a, Some(p))
            }
            View::Reader => return,
        };
        self.view = View::Reader;
        self.open(anchor.node);
        self.hits.clear();
        if let Some(p) = place {
            let name = self.lib.places[p].name.clone();
            self.hits = self
                .index
                .matches_in_article(self.article, &format!("\"{name}\""));
            self.hit = self
                .hits
                .iter()
                .position(|(a, _)| *a == anchor)
                .unwrap_or(0);
            self.show_hit();
        }
        self.focus = Focus::Reader;
    }

    /// Enter in the place picker: filter the comparison by that place, or
    /// go to its first mention in the place index.
    fn pick_place(&mut self) {
        let places = self.picker_places();
        let Some(&p) = places.get(self.picked) else {
            return;
        };
        self.overlay = Overlay::None;
        match self.view {
            View::Places => {
                self.mention = self
                    .mentions()
                    .iter()
                    .position(|(q, _)| *q == p)
                    .unwrap_or(0);
            }
            _ => {
                self.view = View::Compare;
                self.compare.place = Some(p);
                let first = self.table.pairs.iter().position(|(d, f)| {
                    [d, f]
                        .into_iter()
                        .flatten()
                        .any(|&n| crate::compare::names(&self.lib, n, p))
                });
                if let Some(i) = first {
                    self.compare.side =
                        usize::from(self.lib.places[p].scope == crate::content::Scope::Foreign);
                    self.select_pair(i);
                }
            }
        }
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

    fn page_step(&self) -> isize {
        isize::try_from(self.page_height().saturating_sub(2).max(1)).unwrap_or(1)
    }

    fn half_step(&self) -> isize {
        isize::try_from((self.page_height() / 2).max(1)).unwrap_or(1)
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    fn move_selection(&mut self, delta: isize) {
        let rows = self.visible_nodes();
        let at = rows
            .iter()
            .position(|&n| n == self.tree.selected)
            .unwrap_or(0);
        let to = at
            .saturating_add_signed(delta)
            .min(rows.len().saturating_sub(1));
        if let Some(&n) = rows.get(to) {
            self.tree.selected = n;
        }
    }

    /// Expands every ancestor so the node has a row.
    fn reveal(&mut self, node: NodeId) {
        for a in self.lib.ancestry(node) {
            if a != node {
                self.tree.expanded[a] = true;
            }
        }
    }

    /// Shows a node in the reader: its article, scrolled to its first line.
    pub fn open(&mut self, node: NodeId) {
        if self.lib.node(node).article != self.article {
            self.hits.clear();
        }
        self.article = self.lib.node(node).article;
        self.relayout();
        self.scroll = self
            .doc
            .line_of_node(node)
            .unwrap_or(0)
            .min(self.max_scroll());
    }

    fn resize(&mut self, w: u16, h: u16) {
        let top = self
            .doc
            .lines
            .get(self.scroll)
            .and_then(|l| l.anchor.map(|a| (a, l.range.start)));
        let was_narrow = self.size.0 < crate::areas::SIDE_BY_SIDE;
        self.size = (w, h);
        let narrow = w < crate::areas::SIDE_BY_SIDE;
        if narrow && !was_narrow {
            // The overlay starts closed; reading takes the screen.
            self.show_tree = false;
            self.focus = Focus::Reader;
        } else if !narrow && was_narrow {
            self.show_tree = true;
        }
        self.relayout();
        if let Some((anchor, byte)) = top {
            self.scroll = self.doc.line_of(anchor, byte).unwrap_or(0);
        }
    }

    /// Lays out the current article at the reader's width, and the
    /// comparison at its panes' width, from the caches.
    fn relayout(&mut self) {
        let panes = crate::areas::compare_panes(self.areas().main);
        let stacked = panes.len() == 1;
        let width = panes.first().map_or(2, |p| {
            usize::from(crate::areas::compare_text(*p).width).max(2)
        });
        let lib = &self.lib;
        let widths = self.widths;
        self.table = Rc::clone(self.tables.entry((width, stacked)).or_insert_with(|| {
            Rc::new(if stacked {
                Table::stacked(lib, width, widths)
            } else {
                Table::side_by_side(lib, width, widths)
            })
        }));
        let width = usize::from(self.areas().reader_inner().width).max(2);
        let key = (self.article, width.min(crate::layout::MEASURE));
        let lib = &self.lib;
        let widths = self.widths;
        let root = lib.articles[self.article].root;
        self.doc = Rc::clone(
            self.docs
                .entry(key)
                .or_insert_with(|| Rc::new(Document::build(lib, root, key.1, widths))),
        );
    }

    fn click(&mut self, x: u16, y: u16) {
        let areas = self.areas();
        if self.overlay == Overlay::Help {
            self.overlay = Overlay::None;
            return;
        }
        let pos = ratatui::layout::Position::new(x, y);
        if self.overlay == Overlay::None && areas.tabs.contains(pos) {
            if let Some((_, _, view)) = crate::ui::tabs::spans(self)
                .into_iter()
                .find(|(tx, w, _)| (*tx..tx + w).contains(&x))
            {
                self.show(view);
            }
            return;
        }
        if self.overlay == Overlay::Picker {
            // A click on a place chooses it; anywhere else closes the picker.
            let popup = crate::ui::picker_area(self);
            let first = popup.y + 3;
            if popup.contains(pos) && y >= first {
                self.picked = usize::from(y - first);
                if self.picked < self.picker_places().len() {
                    self.pick_place();
                }
            } else if !popup.contains(pos) {
                self.overlay = Overlay::None;
            }
            return;
        }
        if self.overlay == Overlay::None && self.view == View::Compare {
            if let Some(side) = crate::areas::compare_panes(areas.main)
                .iter()
                .position(|p| p.contains(pos))
            {
                self.compare.side = side;
            }
            return;
        }
        if self.overlay == Overlay::None && self.view == View::Places {
            return;
        }
        if self.overlay == Overlay::Search {
            let popup = crate::areas::search_popup(self.size.0, self.size.1);
            let inner = crate::areas::inner(popup);
            let first = inner.y + crate::areas::SEARCH_HEADER_ROWS;
            if !popup.contains(pos) {
                self.overlay = Overlay::None;
            } else if inner.contains(pos) && y >= first {
                let row = usize::from((y - first) / crate::areas::SEARCH_RESULT_ROWS);
                let top = self
                    .search
                    .selected
                    .saturating_sub(self.results_per_page().saturating_sub(1));
                let n = self.search.outcome.as_ref().map_or(0, |o| o.hits.len());
                if top + row < n {
                    self.search.selected = top + row;
                    self.open_result();
                }
            }
            return;
        }
        if let (Some(tree), Some(inner)) = (areas.tree, areas.tree_inner())
            && tree.contains(pos)
        {
            {
                self.focus = Focus::Tree;
                if inner.contains(pos) {
                    let row = usize::from(y - inner.y) + self.tree.offset;
                    if let Some(&node) = self.visible_nodes().get(row) {
                        self.update(Action::Select(node));
                    }
                }
                return;
            }
        }
        if areas.reader.contains(pos) {
            self.focus = Focus::Reader;
            if areas.tree_floats {
                self.show_tree = false;
            }
        }
    }

    fn wheel(&mut self, x: u16, y: u16, delta: isize) {
        let areas = self.areas();
        let pos = ratatui::layout::Position::new(x, y);
        match self.view {
            View::Compare => {
                let panes = crate::areas::compare_panes(areas.main);
                if let Some(side) = panes.iter().position(|p| p.contains(pos)) {
                    self.compare_scroll(Some(side), delta);
                }
                return;
            }
            View::Places => {
                self.mention = self.mention.saturating_add_signed(delta.signum());
                return;
            }
            View::Reader => {}
        }
        if areas.tree.is_some_and(|t| t.contains(pos)) {
            self.move_selection(delta);
        } else if areas.reader.contains(pos) {
            self.scroll_by(delta);
        }
    }

    /// How many results the popup lists at once.
    #[must_use]
    pub fn results_per_page(&self) -> usize {
        let popup = crate::areas::search_popup(self.size.0, self.size.1);
        let rows = crate::areas::inner(popup)
            .height
            .saturating_sub(crate::areas::SEARCH_HEADER_ROWS);
        let preview = if rows >= 16 {
            crate::areas::SEARCH_PREVIEW_ROWS
        } else {
            0
        };
        usize::from((rows - preview) / crate::areas::SEARCH_RESULT_ROWS).max(1)
    }

    /// Keeps the selection visible and every index in bounds.
    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
        self.mention = self.mention.min(self.mentions().len().saturating_sub(1));
        let max = self.table.height().saturating_sub(self.compare_height());
        self.compare.scroll = self.compare.scroll.map(|s| s.min(max));
        self.compare.selected = self
            .compare
            .selected
            .min(self.table.pairs.len().saturating_sub(1));
        self.help_scroll = self.help_scroll.min(crate::keys::BINDINGS.len());
        let rows = self.visible_nodes();
        if !rows.contains(&self.tree.selected) {
            // A collapse hid the selection: select the visible ancestor.
            let chain = self.lib.ancestry(self.tree.selected);
            if let Some(&n) = chain.iter().rev().find(|n| rows.contains(n)) {
                self.tree.selected = n;
            }
        }
        let height = self
            .areas()
            .tree_inner()
            .map_or(1, |r| usize::from(r.height).max(1));
        let at = rows
            .iter()
            .position(|&n| n == self.tree.selected)
            .unwrap_or(0);
        if at < self.tree.offset {
            self.tree.offset = at;
        } else if at >= self.tree.offset + height {
            self.tree.offset = at + 1 - height;
        }
        self.tree.offset = self.tree.offset.min(rows.len().saturating_sub(1));
    }
}
