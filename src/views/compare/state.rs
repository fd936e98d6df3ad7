//! The comparison's state: what is compared (the collection's default, or
//! two parts chosen with `c`), the row selected, the side Enter opens, each
//! side's scroll, and the place the rows are filtered by.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use ratatui::layout::Position;

use crate::action::{Action, Pane};
use crate::compare::{Change, Sheet, Sides};
use crate::content::{Anchor, Library, NodeId, PlaceId, Scope};
use crate::keys::Mode;
use crate::views::navigate::Destination;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, Reply, ViewState};
use crate::wrap::Widths;

mod choose;

/// What is compared (every row) and what is shown (the rows naming the
/// place filtered by): None when there is nothing to compare.
pub(super) type Made = (Option<Rc<Sides>>, Option<Rc<Sides>>);

/// Layouts kept at once: side by side and stacked, say.
const KEPT_LAYOUTS: usize = 2;

pub struct Comparison {
    lib: Arc<Library>,
    widths: Widths,
    /// First row shown, per side (the stacked layout uses the first).
    pub scroll: [usize; 2],
    /// Both sides scroll together.
    pub sync: bool,
    /// 0 left (domestic), 1 right (foreign): the side Enter opens.
    pub side: usize,
    /// The row selected.
    pub selected: usize,
    /// Rows that do not name this place are left out.
    pub place: Option<PlaceId>,
    /// For the chosen place: lessons that name it, and every mention of it.
    pub counts: (usize, usize),
    /// Two parts chosen with `c`, left and right; else the collection's
    /// default comparison.
    pub chosen: Option<[NodeId; 2]>,
    /// A part `c` set as one side, waiting for the other.
    pub pending: Option<NodeId>,
    /// What is compared, every row, and the rows shown (those naming the
    /// place, with one): made when first needed.
    pub(super) sides: RefCell<Option<Made>>,
    /// Column width, and whether one column holds both sides.
    layout: (usize, bool),
    /// Layouts by column width and arrangement, each made the first time
    /// it is used: a big archive's lessons take a while to lay out, and a
    /// resize while another view is shown never needs them.
    pub(super) tables: RefCell<HashMap<(usize, bool), Rc<Sheet>>>,
    /// Rows of text a pane shows.
    rows: usize,
}

impl Comparison {
    #[must_use]
    pub fn new(lib: Arc<Library>, widths: Widths) -> Self {
        Comparison {
            lib,
            widths,
            scroll: [0, 0],
            sync: true,
            side: 0,
            selected: 0,
            place: None,
            counts: (0, 0),
            chosen: None,
            pending: None,
            sides: RefCell::new(None),
            layout: (2, false),
            tables: RefCell::new(HashMap::new()),
            rows: 1,
        }
    }

    /// The comparison at its panes' width: its rows counted, each laid
    /// out when drawn.
    #[must_use]
    pub fn table(&self) -> Rc<Sheet> {
        let (width, stacked) = self.layout;
        let mut tables = self.tables.borrow_mut();
        // A sheet keeps a row number a lesson pair, but counting a big
        // archive's rows takes a while: the latest widths are kept, not
        // every width a window is dragged through.
        if !tables.contains_key(&self.layout) && tables.len() >= KEPT_LAYOUTS {
            tables.clear();
        }
        let table = tables.entry(self.layout).or_insert_with(|| {
            let sides = self.filtered().unwrap_or_else(|| {
                Rc::new(Sides {
                    nodes: [None, None],
                    names: Default::default(),
                    short: Default::default(),
                    title: String::new(),
                    rows: Vec::new(),
                    versions: false,
                })
            });
            Rc::new(Sheet::new(&self.lib, &sides, width, self.widths, stacked))
        });
        Rc::clone(table)
    }

    /// The first row shown on a side (the stacked layout's on either),
    /// within the table as it is laid out now.
    #[must_use]
    pub fn top(&self, side: usize) -> usize {
        let side = if self.stacked() { 0 } else { side };
        self.scroll[side].min(self.max_scroll())
    }

    /// Columns each side's text takes.
    #[must_use]
    pub fn columns(&self) -> usize {
        self.layout.0
    }

    /// Rows of text a comparison pane shows.
    #[must_use]
    pub fn height(&self) -> usize {
        self.rows.max(1)
    }

    /// True when one column holds both sides.
    #[must_use]
    pub fn stacked(&self) -> bool {
        self.layout.1
    }

    /// Applies a comparison action; false when the action is not one.
    pub fn update(&mut self, action: &Action) -> bool {
        let page = isize::try_from(self.height().saturating_sub(2).max(1)).unwrap_or(1);
        match action {
            Action::LessonDown => self.select_pair(self.selected + 1),
            Action::LessonUp => self.select_pair(self.selected.saturating_sub(1)),
            Action::OtherSide => self.side ^= 1,
            Action::DomesticSide => self.side = 0,
            Action::ForeignSide => self.side = 1,
            // Paging keeps the selection on screen: what `y` and Enter
            // take is always in view.
            Action::PageDown | Action::PageUp => {
                self.scroll(
                    None,
                    if matches!(action, Action::PageDown) {
                        page
                    } else {
                        -page
                    },
                );
                self.keep_selection_shown();
            }
            Action::ToggleSync => {
                self.sync = !self.sync;
                self.scroll = [self.scroll[self.side]; 2];
            }
            Action::ClearPlace => {
                let row = self.target().map(|a| a.node);
                self.place = None;
                self.remake();
                if let Some(row) = row {
                    self.select_node(&[row]);
                }
            }
            Action::NextChange | Action::PrevChange => {
                if let Some(i) = self.next_change(matches!(action, Action::NextChange)) {
                    self.select_pair(i);
                }
            }
            _ => return false,
        }
        true
    }

    /// Lays the table out for panes `columns` wide and `rows` tall, when it
    /// is next used; the scroll is held within it as it is read.
    pub fn resize(&mut self, columns: usize, rows: usize, stacked: bool) {
        let width = columns.max(2);
        let changed = self.layout != (width, stacked);
        self.layout = (width, stacked);
        self.rows = rows;
        // Laid out anew, the selected row is brought back into view.
        if changed && self.selected > 0 {
            self.select_pair(self.selected);
        }
    }

    /// The next (or previous) changed row from the one selected, between
    /// versions.
    #[must_use]
    pub fn next_change(&self, forward: bool) -> Option<usize> {
        let table = self.table();
        let changed = |i: &usize| table.rows[*i].change.is_some_and(|c| c != Change::Same);
        if forward {
            (self.selected + 1..table.rows.len()).find(changed)
        } else {
            (0..self.selected).rev().find(changed)
        }
    }

    /// Selects lesson pair `i` and scrolls both sides (or the focused one) to it.
    pub fn select_pair(&mut self, i: usize) {
        let n = self.table().rows.len();
        if n == 0 {
            return;
        }
        self.selected = i.min(n - 1);
        let row = self.table().starts.get(self.selected).copied().unwrap_or(0);
        let to = row.min(self.max_scroll());
        if self.sync || self.stacked() {
            self.scroll = [to; 2];
        } else {
            self.scroll[self.side] = to;
        }
    }

    /// Scrolls one side (the focused one when `side` is None), and both
    /// while they are in sync.
    pub fn scroll(&mut self, side: Option<usize>, delta: isize) {
        let side = side.unwrap_or(self.side);
        let to = self
            .top(side)
            .saturating_add_signed(delta)
            .min(self.max_scroll());
        if self.sync || self.stacked() {
            self.scroll = [to; 2];
        } else {
            self.scroll[side] = to;
        }
    }

    /// After a scroll: if the selected pair is off screen, the first pair
    /// that starts on it (or the one running through its top).
    fn keep_selection_shown(&mut self) {
        let table = self.table();
        let top = self.top(self.side);
        let shown = top..top + self.height();
        let end = |i: usize| table.starts.get(i + 1).copied().unwrap_or(table.height());
        let start = table.starts.get(self.selected).copied().unwrap_or(0);
        if shown.contains(&start) || (start < top && end(self.selected) > top) {
            return;
        }
        let first = (0..table.rows.len())
            .find(|&i| shown.contains(&table.starts[i]))
            .or_else(|| {
                (0..table.rows.len())
                    .rev()
                    .find(|&i| table.starts[i] <= top)
            });
        if let Some(i) = first {
            self.selected = i;
        }
    }

    /// Filters by a place: its counts, only the rows naming it, the first
    /// selected on the side that names it.
    pub fn choose_place(&mut self, place: PlaceId) {
        self.place = Some(place);
        self.counts = crate::compare::mentions(&self.lib, place);
        self.remake();
        let name = self.lib.places[place].name.clone();
        let first = self.table().rows.first().map(|r| r.items);
        if let Some(items) = first {
            let names = |s: usize| items[s].is_some_and(|i| i.names(&self.lib, &name));
            // The side naming it; both do, a foreign place's the right.
            let foreign = self.lib.places[place].scope == Scope::Foreign;
            self.side = usize::from(names(1) && (foreign || !names(0)));
            self.select_pair(0);
        }
    }

    /// Selects the pair holding the first of `nodes` (or an ancestor of it)
    /// that is a lesson or a lesson list, on its side. False if none is.
    pub fn select_node(&mut self, nodes: &[NodeId]) -> bool {
        let table = self.table();
        let found = nodes.iter().find_map(|&n| {
            self.lib.ancestry(n).into_iter().rev().find_map(|a| {
                table.rows.iter().enumerate().find_map(|(i, row)| {
                    (0..2).find_map(|s| (row.items[s].map(crate::compare::Item::node) == Some(a)).then_some((i, s)))
                })
            })
        });
        let Some((i, side)) = found else {
            return false;
        };
        self.side = side;
        self.select_pair(i);
        true
    }

    /// Enter: the selected lesson in the reader, the chosen place marked;
    /// from its heading when no place is chosen.
    #[must_use]
    pub fn destination(&self) -> Option<Destination> {
        let anchor = self.target()?;
        let versions = self.filtered().is_some_and(|s| s.versions);
        Some(match self.place {
            Some(p) => Destination::Text(anchor, Some(Destination::quoted(&self.lib, p))),
            // A version's row is one paragraph: the reader opens on it.
            None if versions => Destination::Text(anchor, None),
            None => Destination::Node(anchor.node),
        })
    }

    /// Lays the table out for the panes `areas` gives, each column at most
    /// `measure` wide (not 47 hanzi at 200 columns).
    fn fit(&mut self, areas: &crate::areas::Areas, measure: usize) {
        let panes = crate::areas::compare_panes(areas.main);
        let text = panes.first().map(|p| crate::areas::compare_text(*p));
        self.resize(
            text.map_or(2, |t| usize::from(t.width)).min(measure),
            text.map_or(1, |t| usize::from(t.height)),
            panes.len() == 1,
        );
    }

    /// The selected row's paragraph (or field), on the focused side (or
    /// the other when that side has none).
    #[must_use]
    pub fn target(&self) -> Option<Anchor> {
        let [l, r] = self.table().rows.get(self.selected)?.items;
        let item = if self.side == 0 { l.or(r) } else { r.or(l) }?;
        Some(item.anchor())
    }

    /// The same selection, side, scroll and place in a grown collection;
    /// its rows are made and laid out again when next shown (parts chosen
    /// with `c` are the collection's own: a grown one keeps them).
    fn rebase_onto(&mut self, lib: Arc<Library>, moved: &Rebase) {
        self.lib = lib;
        *self.sides.get_mut() = None;
        self.tables.borrow_mut().clear();
        self.place = self.place.and_then(|p| moved.place(p));
        if let Some(place) = self.place {
            self.counts = crate::compare::mentions(&self.lib, place);
        }
    }

    fn max_scroll(&self) -> usize {
        self.table().height().saturating_sub(self.height())
    }
}

impl ViewState for Comparison {
    fn open(lib: &Arc<Library>, widths: Widths) -> Self {
        Comparison::new(Arc::clone(lib), widths)
    }

    fn mode(&self, _cx: &Ctx) -> Mode {
        Mode::Compare
    }

    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply {
        match action {
            Action::ToggleSync if self.stacked() => Reply::Say("上下叠放时，两侧本就一同滚动".into()),
            Action::OpenLesson => self.destination().map_or(Reply::Done, Reply::Go),
            Action::OpenPlaces if cx.lib.places.is_empty() => Reply::Say("此集合中没有地点".into()),
            Action::OpenPlaces => Reply::PickPlace,
            Action::NextChange | Action::PrevChange if !self.filtered().is_some_and(|s| s.versions) => {
                Reply::Say("这两部分不是同一文本的两版，没有改动可跳".into())
            }
            Action::NextChange | Action::PrevChange if self.next_change(matches!(action, Action::NextChange)).is_none() => {
                Reply::Say(if matches!(action, Action::NextChange) { "后面没有改动了" } else { "前面没有改动了" }.into())
            }
            Action::DefaultSides if self.chosen.is_none() && self.pending.is_none() => {
                Reply::Say("已是本集合默认的对照".into())
            }
            Action::DefaultSides => {
                self.unchoose();
                Reply::Say(match self.sides() {
                    Some(_) => "回到本集合默认的对照".into(),
                    None => "已清除所选的两部分".into(),
                })
            }
            Action::Focus(Pane::Side(side)) => {
                self.side = *side;
                Reply::Done
            }
            Action::Wheel(Pane::Side(side), delta) => {
                self.scroll(Some(*side), *delta);
                Reply::Done
            }
            action if self.update(action) => Reply::Done,
            _ => Reply::Ignored,
        }
    }

    fn settle(&mut self, cx: &Ctx) -> Vec<crate::effect::Effect> {
        self.fit(&cx.areas, cx.measure);
        Vec::new()
    }

    fn rebase(&mut self, moved: &Rebase, cx: &Ctx) {
        self.rebase_onto(Arc::clone(cx.lib), moved);
    }

    fn anchor(&self, _cx: &Ctx) -> Option<Anchor> {
        self.target()
    }

    fn crumb(&self, cx: &Ctx) -> Crumb {
        super::draw::crumb(self, cx)
    }

    fn click(&self, at: Position, cx: &Ctx) -> Vec<Action> {
        crate::areas::compare_panes(cx.areas.main)
            .iter()
            .position(|p| p.contains(at))
            .map(|side| Action::Focus(Pane::Side(side)))
            .into_iter()
            .collect()
    }

    fn wheel(&self, at: Position, delta: isize, cx: &Ctx) -> Vec<Action> {
        crate::areas::compare_panes(cx.areas.main)
            .iter()
            .position(|p| p.contains(at))
            .map(|side| Action::Wheel(Pane::Side(side), delta))
            .into_iter()
            .collect()
    }

    fn offers(&self, action: &Action, cx: &Ctx) -> bool {
        match action {
            // Stacked, both sides scroll as one: sync means nothing there.
            Action::ToggleSync => !self.stacked(),
            // No places in the collection: `p` has nothing to offer.
            Action::OpenPlaces => !cx.lib.places.is_empty(),
            Action::FocusNext | Action::ToggleTree => false,
            // Changes to step through only between two versions.
            Action::NextChange | Action::PrevChange => self.sides().is_some_and(|s| s.versions),
            Action::DefaultSides => self.chosen.is_some() || self.pending.is_some(),
            _ => true,
        }
    }

    fn pick_place(&mut self, place: PlaceId, _cx: &Ctx) -> bool {
        self.choose_place(place);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::Comparison;
    use crate::content::Library;
    use std::sync::Arc;

    #[test]
    fn a_window_dragged_through_many_widths_keeps_few_layouts() {
        let lib = Arc::new(Library::bundled().unwrap());
        let mut compare = Comparison::new(lib, crate::wrap::Widths::default());
        for width in 20..40 {
            compare.resize(width, 20, width % 2 == 0);
            let table = compare.table();
            assert!(!table.rows.is_empty());
            assert!(compare.tables.borrow().len() <= super::KEPT_LAYOUTS);
        }
    }
}
