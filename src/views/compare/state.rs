//! The comparison's state: the lesson pair selected, the side Enter opens,
//! each side's scroll, and the place the lessons are filtered by.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use ratatui::layout::Position;

use crate::action::{Action, Pane};
use crate::compare::Sheet;
use crate::content::{Anchor, Field, Library, NodeId, PlaceId, Scope};
use crate::keys::Mode;
use crate::views::navigate::Destination;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, Reply, ViewState};
use crate::wrap::Widths;

/// Layouts kept at once: side by side and stacked, say.
const KEPT_LAYOUTS: usize = 2;

pub struct Comparison {
    lib: Arc<Library>,
    widths: Widths,
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
    /// For the chosen place: lessons that name it, and its mentions in them.
    pub counts: (usize, usize),
    /// The part holding the lesson lists, as the page heads it; the view's
    /// own name in a collection that has no such part.
    pub heading: String,
    /// Column width, and whether one column holds both sides.
    layout: (usize, bool),
    /// Layouts by column width and arrangement, each made the first time
    /// it is used: a big archive's lessons take a while to lay out, and a
    /// resize while another view is shown never needs them.
    tables: RefCell<HashMap<(usize, bool), Rc<Sheet>>>,
    /// Rows of text a pane shows.
    rows: usize,
}

impl Comparison {
    #[must_use]
    pub fn new(lib: Arc<Library>, widths: Widths) -> Self {
        Comparison {
            heading: heading(&lib),
            lib,
            widths,
            scroll: [0, 0],
            sync: true,
            side: 0,
            selected: 0,
            place: None,
            counts: (0, 0),
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
        let table = tables
            .entry(self.layout)
            .or_insert_with(|| Rc::new(Sheet::new(&self.lib, width, self.widths, stacked)));
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
            Action::ClearPlace => self.place = None,
            _ => return false,
        }
        true
    }

    /// Lays the table out for panes `columns` wide and `rows` tall, when it
    /// is next used; the scroll is held within it as it is read.
    pub fn resize(&mut self, columns: usize, rows: usize, stacked: bool) {
        let width = columns.max(2);
        self.layout = (width, stacked);
        self.rows = rows;
    }

    /// Selects lesson pair `i` and scrolls both sides (or the focused one) to it.
    pub fn select_pair(&mut self, i: usize) {
        let n = self.table().pairs.len();
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
        let first = (0..table.pairs.len())
            .find(|&i| shown.contains(&table.starts[i]))
            .or_else(|| {
                (0..table.pairs.len())
                    .rev()
                    .find(|&i| table.starts[i] <= top)
            });
        if let Some(i) = first {
            self.selected = i;
        }
    }

    /// Filters by a place: its counts, and the first pair naming it selected
    /// on the place's side.
    pub fn choose_place(&mut self, place: PlaceId) {
        self.place = Some(place);
        self.counts = crate::compare::mentions(&self.lib, place);
        let lib = &self.lib;
        let table = self.table();
        let first = table.pairs.iter().position(|(d, f)| {
            [d, f]
                .into_iter()
                .flatten()
                .any(|&n| crate::compare::names(lib, n, place))
        });
        if let Some(i) = first {
            self.side = usize::from(lib.places[place].scope == Scope::Foreign);
            self.select_pair(i);
        }
    }

    /// Selects the pair holding the first of `nodes` (or an ancestor of it)
    /// that is a lesson or a lesson list, on its side. False if none is.
    pub fn select_node(&mut self, nodes: &[NodeId]) -> bool {
        let table = self.table();
        let pairs = &table.pairs;
        let found = nodes.iter().find_map(|&n| {
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
        Some(match self.place {
            Some(p) => Destination::Text(anchor, Some(Destination::quoted(&self.lib, p))),
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

    /// The selected lesson's paragraph, on the focused side (or the other
    /// when that side has none).
    #[must_use]
    pub fn target(&self) -> Option<Anchor> {
        let &(d, f) = self.table().pairs.get(self.selected)?;
        let node = if self.side == 0 { d.or(f) } else { f.or(d) }?;
        Some(Anchor {
            node,
            field: Field::Paragraph(0),
        })
    }

    /// The same selection, side, scroll and place in a grown collection;
    /// its lessons are laid out again when next shown.
    fn rebase_onto(&mut self, lib: Arc<Library>, moved: &Rebase) {
        self.heading = heading(&lib);
        self.lib = lib;
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
        match self.place {
            Some(p) => {
                let (lessons, times) = self.counts;
                Crumb::of(format!(
                    "{} · {} 条启示 · {} 处提及 · {} 清除",
                    cx.lib.places[p].name,
                    crate::paint::text::thousands(lessons),
                    crate::paint::text::thousands(times),
                    cx.keys.first_key(Mode::Compare, &Action::ClearPlace)
                ))
            }
            None => Crumb::of(self.heading.clone()),
        }
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
            _ => true,
        }
    }

    fn pick_place(&mut self, place: PlaceId, _cx: &Ctx) -> bool {
        self.choose_place(place);
        true
    }
}

/// The part holding the lesson lists, as the page heads it; the view's own
/// name in a collection that has no such part.
fn heading(lib: &Library) -> String {
    [Scope::Domestic, Scope::Foreign]
        .into_iter()
        .filter_map(|scope| lib.lesson_list(scope))
        .find_map(|list| lib.node(list).parent)
        .and_then(|part| lib.node(part).heading.clone())
        .unwrap_or_else(|| "国内外对照".to_owned())
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
            assert!(!table.pairs.is_empty());
            assert!(compare.tables.borrow().len() <= super::KEPT_LAYOUTS);
        }
    }
}
