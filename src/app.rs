//! The reader's state, changed only by `App::update`, which hands back the
//! effects the runtime is to carry out. Shared facts here; each view's and
//! popup's own state in `app/`, and a router that hands an action to the
//! state that owns it, by the mode the key table names.

pub mod bookmarks;
pub mod compare;
pub mod copy;
mod effect;
pub mod help;
mod jumps;
pub mod line;
mod loading;
mod mouse;
pub mod navigate;
pub mod picker;
pub mod places;
pub mod reader;
mod rebase;
pub mod search;
pub mod tree;

pub use effect::Effect;
pub use loading::Loading;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::action::{Action, Pane};
use crate::areas::{self, Areas};
use crate::content::Library;
use crate::keys::{self, Mode};
use crate::search::SearchIndex;
use crate::state::{Saved, Spot};
pub use crate::view::View;
use crate::wrap::Widths;
use navigate::{Arrival, Destination};

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
    Bookmarks,
}

pub struct App {
    pub lib: Arc<Library>,
    /// The key table in force: defaults and the config's overrides.
    pub keys: keys::Keymap,
    pub index: Arc<SearchIndex>,
    pub widths: Widths,
    pub size: (u16, u16),
    pub view: View,
    /// What floats over the panes, if anything.
    pub overlay: Overlay,
    pub focus: Focus,
    /// Wide terminals: the tree pane is shown. Narrow: the tree overlay is open.
    pub show_tree: bool,
    pub help: help::Help,
    /// A message for the status bar, until the next key.
    pub notice: Option<String>,
    pub jumps: jumps::Jumps,
    pub reader: reader::Reader,
    pub tree: tree::Tree,
    pub compare: compare::Compare,
    pub places: places::Places,
    /// The search line and its results, kept while the popup is closed.
    pub search: search::SearchBox,
    pub picker: picker::Picker,
    pub bookmarks: bookmarks::Bookmarks,
    /// Article id → how far through it the reader got, in percent.
    pub progress: BTreeMap<String, u8>,
    /// While a big collection loads behind what is shown.
    pub loading: Option<Loading>,
    /// The session recalled at the start, and where that left the reader:
    /// what a first look could not place waits for the whole collection.
    recalled: Option<(Saved, reader::Position)>,
    /// What the action being applied asks of the runtime.
    effects: Vec<Effect>,
}

impl App {
    #[must_use]
    pub fn new(lib: Library, widths: Widths) -> Self {
        Self::with_index(Arc::new(SearchIndex::new(Arc::new(lib))), widths)
    }

    /// The app over an index already built (and its library).
    #[must_use]
    pub fn with_index(index: Arc<SearchIndex>, widths: Widths) -> Self {
        let lib = Arc::clone(index.library());
        let mut app = App {
            reader: reader::Reader::new(Arc::clone(&lib), widths),
            tree: tree::Tree::new(Arc::clone(&lib)),
            compare: compare::Compare::new(Arc::clone(&lib), widths),
            places: places::Places::new(Arc::clone(&lib)),
            search: search::SearchBox::default(),
            picker: picker::Picker::new(&index),
            lib,
            index,
            keys: keys::Keymap::default(),
            widths,
            size: (0, 0),
            view: View::Reader,
            overlay: Overlay::None,
            focus: Focus::Reader,
            show_tree: true,
            help: help::Help::default(),
            notice: None,
            jumps: jumps::Jumps::default(),
            bookmarks: bookmarks::Bookmarks::default(),
            progress: BTreeMap::new(),
            loading: None,
            recalled: None,
            effects: Vec::new(),
        };
        app.update(Action::Resize(100, 30));
        app
    }

    #[must_use]
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.show_tree)
    }

    /// The mode whose keys come first: the popup on top, else the view's
    /// focused pane.
    #[must_use]
    pub fn mode(&self) -> Mode {
        match (self.overlay, self.view, self.focus) {
            (Overlay::Search, ..) => Mode::Search,
            (Overlay::Picker, ..) => Mode::Picker,
            (Overlay::Help, ..) => Mode::Help,
            (Overlay::Bookmarks, ..) => Mode::Bookmarks,
            (Overlay::None, View::Compare, _) => Mode::Compare,
            (Overlay::None, View::Places, _) => Mode::Places,
            (Overlay::None, View::Reader, Focus::Tree) if self.areas().tree.is_some() => Mode::Tree,
            (Overlay::None, View::Reader, _) => Mode::Reader,
        }
    }

    /// Key modes in the order a key is tried: text lines take every key.
    #[must_use]
    pub fn modes(&self) -> Vec<Mode> {
        match self.mode() {
            mode @ (Mode::Search | Mode::Picker) => vec![mode],
            mode => vec![mode, Mode::Global],
        }
    }

    /// A terminal event as the action the key table gives it here.
    #[must_use]
    pub fn action_for(&self, event: &ratatui::crossterm::event::Event) -> Option<Action> {
        self.keys.action_for_event(&self.modes(), event)
    }

    /// Applies one action (input, a resize, a worker's answer) and returns
    /// what the runtime is to do for it.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::SearchDone(..)
                | Action::PlacesFound(..)
                | Action::Resize(..)
                | Action::Adopt(..)
                | Action::Saved(Ok(_))
        ) {
            self.notice = None;
        }
        // A click or wheel tick becomes what it lands on, applied in turn.
        for action in mouse::actions(self, action) {
            self.apply(action);
        }
        self.settle();
        std::mem::take(&mut self.effects)
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.effects.push(self.save());
                self.effects.push(Effect::Quit);
            }
            Action::Suspend => {
                self.effects.push(self.save());
                self.effects.push(Effect::Suspend);
            }
            Action::Resize(w, h) => self.resize(w, h),
            Action::SearchDone(serial, outcome) => {
                if let search::Next::Open = self.search.receive(serial, outcome, &self.index) {
                    self.open_result();
                }
            }
            Action::PlacesFound(lib, found) => self.places.receive(&lib, found),
            Action::Adopt(index, shown) => self.adopt(index, shown),
            Action::Saved(written) => self.saved(written),
            Action::Notice(text) => self.notice = Some(text),
            Action::Copy | Action::CopySection => self.copy(matches!(action, Action::CopySection)),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::Wheel(pane, delta) => match pane {
                Pane::Tree => self.tree.move_by(delta),
                Pane::Reader => self.reader.scroll_by(delta),
                Pane::Side(side) => self.compare.scroll(Some(side), delta),
                Pane::Places => self
                    .places
                    .select(self.places.selected.saturating_add_signed(delta.signum())),
            },
            action => match self.mode() {
                Mode::Search => match self.search.update(&action) {
                    search::Next::Stay => {}
                    search::Next::Close => self.overlay = Overlay::None,
                    search::Next::Open => self.open_result(),
                },
                Mode::Picker => {
                    if let Action::PickPlaceAt(i) = action {
                        self.picker.select(i);
                    }
                    let action = match action {
                        Action::PickPlaceAt(_) => Action::PickPlace,
                        other => other,
                    };
                    match self.picker.update(&action, &self.index) {
                        picker::Next::Stay => {}
                        picker::Next::Close => self.overlay = Overlay::None,
                        picker::Next::Pick(p) => self.pick_place(p),
                    }
                }
                Mode::Bookmarks => match self.bookmarks.update(&action, &self.lib) {
                    bookmarks::Next::Stay => {}
                    bookmarks::Next::Close => self.overlay = Overlay::None,
                    bookmarks::Next::Changed => self.effects.push(self.save()),
                    bookmarks::Next::Go(anchor) => self.go(Destination::Text(anchor, None)),
                    bookmarks::Next::Gone => {
                        self.notice = Some("这条书签所在的段落已不在内容中".into());
                    }
                },
                Mode::Help => {
                    let page = usize::from(self.size.1 / 2);
                    match self.help.update(&action, page) {
                        help::Next::Stay => {}
                        help::Next::Close => self.overlay = Overlay::None,
                        help::Next::Pass => self.in_view(&action),
                    }
                }
                _ => self.in_view(&action),
            },
        }
    }

    /// After every action: each view told its size, the tree on what is
    /// read, progress kept, and the work the new state wants asked for.
    fn settle(&mut self) {
        self.layout();
        // The tree follows the text, unless the tree is being moved through.
        let reading = self.reader.reading();
        if (self.focus == Focus::Reader || self.areas().tree.is_none())
            && self.tree.selected != reading
        {
            self.tree.select(reading);
        }
        self.tree.follow(reading);
        self.help.clamp(&self.keys, self.size, self.widths);
        let article = &self.lib.articles[self.reader.article].id;
        let percent = u8::try_from(self.reader.percent()).unwrap_or(100);
        if self.progress.get(article) != Some(&percent) {
            self.progress.insert(article.clone(), percent);
        }
        if self.overlay == Overlay::Search
            && let Some((serial, query)) = self.search.request()
        {
            self.effects.push(Effect::Search {
                serial,
                query,
                limit: search::RESULTS,
            });
        }
        if let Some(lib) = self.places.request() {
            self.effects.push(Effect::FindMentions(lib));
        }
    }

    /// Actions of the views and the global keys.
    fn in_view(&mut self, action: &Action) {
        match action {
            Action::ToggleHelp => {
                self.help.open(self.mode());
                self.overlay = Overlay::Help;
            }
            Action::JumpBack | Action::JumpForward => {
                let here = self.reader.position();
                let to = if matches!(action, Action::JumpBack) {
                    self.jumps.back(here)
                } else {
                    self.jumps.forward(here)
                };
                match to {
                    Some(to) => {
                        self.view = View::Reader;
                        self.focus = Focus::Reader;
                        self.reader.restore(to);
                    }
                    None => self.notice = Some("跳转记录已到头".into()),
                }
            }
            Action::Close => self.close(),
            Action::OpenSearch => {
                self.overlay = Overlay::Search;
                self.search.line.select_all();
            }
            Action::OpenPlaces => {
                self.overlay = Overlay::Picker;
                self.picker = picker::Picker::new(&self.index);
            }
            Action::OpenBookmarks => {
                self.overlay = Overlay::Bookmarks;
                self.bookmarks.locate(&self.lib);
                self.bookmarks.select(self.bookmarks.selected);
            }
            Action::Show(view) => self.show(*view),
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
            Action::OpenLesson => self.open_lesson(),
            _ => match self.view {
                View::Reader => self.in_reader(action),
                View::Compare => {
                    self.compare.update(action);
                }
                View::Places => {
                    self.places.update(action);
                }
            },
        }
    }

    /// The tree and the reading pane.
    fn in_reader(&mut self, action: &Action) {
        if self.tree.update(action) {
            if self.areas().tree.is_some() {
                self.focus = Focus::Tree;
            }
            return;
        }
        let jump = matches!(
            action,
            Action::PrevPart | Action::NextPart | Action::ScrollTop | Action::ScrollBottom
        );
        let from = self.reader.position();
        if jump {
            self.jumps.push(from);
        }
        if self.reader.update(action) {
            if jump && self.reader.position() == from {
                self.jumps.cancel(from);
            }
            if matches!(action, Action::WiderMeasure | Action::NarrowerMeasure) {
                self.notice = Some(format!("版心 {} 列", self.reader.measure));
            }
            return;
        }
        match action {
            Action::NextHit | Action::PrevHit => {
                let forward = matches!(action, Action::NextHit);
                let step = self.reader.step_hit(if forward { 1 } else { -1 });
                let search = self.keys.first_key(Mode::Global, &Action::OpenSearch);
                self.notice = step.notice(forward, &search);
            }
            Action::ToggleBookmark => {
                let Some((anchor, _)) = from.top else { return };
                let marked = self.bookmarks.toggle(&self.lib, anchor);
                self.notice = Some(
                    if marked {
                        "已加书签"
                    } else {
                        "已删除书签"
                    }
                    .into(),
                );
                self.effects.push(self.save());
            }
            Action::TreeOpen => {
                self.jumps.push(from);
                self.reader.open(self.tree.selected);
                self.focus = Focus::Reader;
                self.close_floating_tree();
            }
            Action::Select(node) => {
                self.jumps.push(from);
                self.tree.select(*node);
                self.reader.open(*node);
                if self.areas().tree_floats {
                    self.show_tree = false;
                    self.focus = Focus::Reader;
                }
            }
            Action::CompareHere => {
                // The current search hit first: after a jump it sits below the top line.
                let hit = self.reader.hits.get(self.reader.hit).map(|(a, _)| a.node);
                let nodes: Vec<_> = hit
                    .into_iter()
                    .chain([self.reader.reading(), self.tree.selected])
                    .collect();
                self.jumps.push(from);
                self.show(View::Compare);
                self.compare.select_node(&nodes);
            }
            _ => {}
        }
    }

    /// Goes somewhere in the text, in the reader, remembering where it was.
    fn go(&mut self, to: Destination) {
        let Some(arrival) = to.resolve(&self.index) else {
            return;
        };
        self.overlay = Overlay::None;
        self.jumps.push(self.reader.position());
        self.view = View::Reader;
        self.focus = Focus::Reader;
        self.close_floating_tree();
        match arrival {
            Arrival::Node(node) => {
                self.reader.open(node);
                self.reader.hits.clear();
            }
            Arrival::Text(anchor, hits) => self.reader.jump(anchor, hits),
        }
    }

    /// Jumps to the selected search result; the query joins the history.
    fn open_result(&mut self) {
        let Some(to) = self.search.destination(&self.index) else {
            return;
        };
        if let Some(outcome) = &self.search.outcome {
            crate::state::remember_search(&mut self.search.history, &outcome.query);
        }
        self.go(to);
    }

    /// Enter in the comparison or the place index: that lesson or paragraph
    /// in the reader, the chosen place marked.
    fn open_lesson(&mut self) {
        let (anchor, place) = match self.view {
            View::Compare => match self.compare.target() {
                Some(anchor) => (anchor, self.compare.place),
                None => return,
            },
            View::Places => match self.places.current() {
                Some(m) => (m.anchor, Some(m.place)),
                None => return,
            },
            View::Reader => return,
        };
        self.go(match place {
            Some(p) => Destination::Text(anchor, Some(Destination::quoted(&self.lib, p))),
            None => Destination::Node(anchor.node),
        });
    }

    /// Enter in the place picker: filter the comparison by that place, or
    /// go to its first mention in the place index.
    fn pick_place(&mut self, place: crate::content::PlaceId) {
        self.overlay = Overlay::None;
        if self.view == View::Places {
            self.places.select_place(place);
        } else {
            self.view = View::Compare;
            self.compare.choose_place(place);
        }
    }

    /// Copies the paragraph the current view has selected, or its section.
    fn copy(&mut self, section: bool) {
        let target = match (self.overlay, self.view) {
            (Overlay::Search, _) => self.search.selected_anchor(&self.index),
            (_, View::Compare) => self.compare.target(),
            (_, View::Places) => self.places.current().map(|m| m.anchor),
            (_, View::Reader) => self.reader.selected_anchor(),
        };
        let Some(anchor) = target else {
            self.notice = Some("这里没有可复制的段落".into());
            return;
        };
        let text = copy::clip(&self.lib, anchor, section);
        self.notice = Some(format!("已复制 {} 字（含出处）", text.chars().count()));
        self.effects.push(Effect::Copy(text));
    }

    /// Esc with no popup: close the floating tree, else clear the highlights.
    fn close(&mut self) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.areas().tree_floats && self.show_tree {
            self.show_tree = false;
            self.focus = Focus::Reader;
        } else {
            self.reader.hits.clear();
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        match pane {
            Pane::Tree => self.focus = Focus::Tree,
            Pane::Reader => {
                self.focus = Focus::Reader;
                self.close_floating_tree();
            }
            Pane::Side(side) => self.compare.side = side,
            Pane::Places => {}
        }
    }

    fn close_floating_tree(&mut self) {
        if self.areas().tree_floats {
            self.show_tree = false;
        }
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.overlay = Overlay::None;
        if view == View::Places {
            self.places.ask();
        }
    }

    /// Where the terminal cursor goes: at the caret of a text line, so an
    /// input method's candidate window follows it.
    #[must_use]
    pub fn cursor(&self) -> Option<(u16, u16)> {
        if self.areas().too_small {
            return None;
        }
        let (w, h) = self.size;
        match self.overlay {
            Overlay::Picker => {
                let field = areas::picker(w, h, self.lib.places.len()).field;
                self.picker.line.cursor(field, self.widths)
            }
            Overlay::Search => self
                .search
                .line
                .cursor(areas::search(w, h).field, self.widths),
            _ => None,
        }
    }

    /// Each tab's text: its key and its label.
    #[must_use]
    pub fn tab_texts(&self) -> Vec<(String, &'static str)> {
        View::all()
            .map(|v| {
                (
                    self.keys.first_key(Mode::Global, &Action::Show(v)),
                    v.label(),
                )
            })
            .collect()
    }

    /// The columns each tab covers, for drawing and for clicks.
    #[must_use]
    pub fn tabs(&self) -> Vec<(u16, u16)> {
        areas::tabs(
            self.tab_texts()
                .iter()
                .map(|(key, label)| self.widths.str(key) + 1 + self.widths.str(label)),
        )
    }

    fn resize(&mut self, w: u16, h: u16) {
        let was_narrow = self.size.0 < areas::SIDE_BY_SIDE;
        self.size = (w, h);
        let narrow = w < areas::SIDE_BY_SIDE;
        if narrow && !was_narrow {
            // The overlay starts closed; reading takes the screen.
            self.show_tree = false;
            self.focus = Focus::Reader;
        } else if !narrow && was_narrow {
            self.show_tree = true;
        }
    }

    /// Tells each view the size of its panes; each keeps its place.
    fn layout(&mut self) {
        let areas = self.areas();
        let reader = areas.reader_inner();
        self.reader
            .resize(usize::from(reader.height), usize::from(reader.width));
        self.tree
            .resize(areas.tree_inner().map_or(1, |r| usize::from(r.height)));
        let panes = areas::compare_panes(areas.main);
        let text = panes.first().map(|p| areas::compare_text(*p));
        // Each column at most the reader's measure, not 47 hanzi at 200 columns.
        self.compare.resize(
            text.map_or(2, |t| usize::from(t.width))
                .min(self.reader.measure),
            text.map_or(1, |t| usize::from(t.height)),
            panes.len() == 1,
        );
        self.places
            .resize(usize::from(areas::inner(areas.main).height));
    }

    /// More of a collection, loaded while the reader showed a part: every
    /// state re-targets itself on the larger part, keeping its place,
    /// selection, marks and filters. `shown` is how many files that is,
    /// while more are loading; None once the whole collection is in.
    fn adopt(&mut self, index: Arc<SearchIndex>, shown: Option<usize>) {
        let old = Arc::clone(&self.lib);
        let lib = Arc::clone(index.library());
        let moved = rebase::Rebase {
            old: &old,
            new: &lib,
        };
        let recalled = self.recalled.take();
        self.reader.rebase(Arc::clone(&lib), &moved);
        self.tree.rebase(Arc::clone(&lib), &moved);
        self.compare.rebase(Arc::clone(&lib), &moved);
        self.places.rebase(Arc::clone(&lib), &moved);
        self.jumps.rebase(&moved);
        self.search.rebase();
        self.picker.refresh(&index);
        self.bookmarks.locate(&lib);
        self.lib = Arc::clone(&lib);
        self.index = index;
        // Unless the reader moved meanwhile, on to where the saved session
        // was, which may be past what the first look held.
        self.recalled = recalled.and_then(|(saved, at)| Some((saved, moved.position(at)?)));
        self.place_recalled();
        self.loading = self.loading.take().filter(|_| shown.is_some());
        if let (Some(loading), Some(shown)) = (&mut self.loading, shown) {
            loading.shown = shown;
        }
    }

    /// Takes the settings: keys, measure and indent (a saved session's
    /// measure, recalled after, wins over the config's).
    pub fn configure(&mut self, config: crate::config::Config) {
        self.reader.set_indent(config.indent_text());
        self.reader.set_measure(config.measure);
        self.keys = config.keys;
        self.update(Action::Resize(self.size.0, self.size.1));
    }

    /// What to remember of this session, as the state file keeps it.
    #[must_use]
    pub fn memory(&self) -> Saved {
        let position = self.reader.position();
        Saved {
            format: crate::state::FORMAT,
            view: Some(self.view),
            at: position
                .top
                .map(|(anchor, byte)| Spot::of(&self.lib, anchor, byte)),
            measure: Some(self.reader.measure),
            expanded: self.tree.expanded_paths(),
            searches: self.search.history.clone(),
            bookmarks: self.bookmarks.marks.clone(),
            progress: self.progress.clone(),
        }
    }

    fn save(&self) -> Effect {
        Effect::Save(Box::new(self.memory()), self.bookmarks.deleted.clone())
    }

    /// Picks up where a saved session left off; what is not in the content
    /// (yet, while a big collection loads) waits for more of it.
    pub fn recall(&mut self, saved: Saved) {
        if let Some(measure) = saved.measure {
            self.reader.set_measure(measure);
        }
        if !saved.expanded.is_empty() {
            let nodes: Vec<usize> = saved
                .expanded
                .iter()
                .filter_map(|p| self.lib.find(p))
                .collect();
            self.tree.set_expanded(&nodes);
        }
        if let Some(view) = saved.view {
            self.show(view);
        }
        self.search.history.clone_from(&saved.searches);
        self.bookmarks.marks.clone_from(&saved.bookmarks);
        self.progress.clone_from(&saved.progress);
        self.recalled = Some((saved, self.reader.position()));
        self.place_recalled();
    }

    /// The saved spot and open nodes, as far as the collection holds them,
    /// unless the reader has moved since; a spot not here yet waits.
    fn place_recalled(&mut self) {
        let Some((saved, placed)) = self.recalled.take() else {
            return;
        };
        if self.reader.position() != placed {
            return;
        }
        let open: Vec<usize> = saved
            .expanded
            .iter()
            .filter_map(|p| self.lib.find(p))
            .collect();
        self.tree.expand(&open);
        let at = saved
            .at
            .as_ref()
            .and_then(|s| Some((s.resolve(&self.lib)?, s.byte)));
        if let Some((anchor, byte)) = at {
            self.reader.restore(reader::Position {
                article: self.lib.node(anchor.node).article,
                top: Some((anchor, byte)),
            });
        }
        self.settle();
        if saved.at.is_some() && at.is_none() {
            self.recalled = Some((saved, self.reader.position()));
        }
    }

    /// After a save: what was written, another reader's bookmarks and
    /// searches included; or why nothing could be.
    fn saved(&mut self, written: Result<Saved, String>) {
        match written {
            Ok(written) => {
                self.bookmarks.marks = written.bookmarks;
                self.bookmarks.locate(&self.lib);
                self.bookmarks.deleted.clear();
                self.bookmarks.select(self.bookmarks.selected);
                self.search.history = written.searches;
            }
            Err(why) => self.notice = Some(why),
        }
    }
}
