//! The reader's state, changed only by `App::update`: shared facts here, each
//! view's and popup's own state in `app/`, and a router that hands an action
//! to the state that owns it, by the mode the key table names.

pub mod bookmarks;
pub mod compare;
pub mod copy;
pub mod help;
mod jumps;
pub mod line;
mod loading;
mod memory;
mod mouse;
mod navigate;
pub mod picker;
pub mod places;
pub mod reader;
pub mod search;
pub mod tree;

pub use loading::Loading;
use std::sync::Arc;

use crate::action::Action;
use crate::areas::{self, Areas};
use crate::content::Library;
use crate::keys::{self, Mode};
use crate::search::SearchIndex;
use crate::wrap::Widths;

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

/// The three views, on the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Compare,
    Places,
}

impl View {
    pub const ALL: [View; 3] = [View::Reader, View::Compare, View::Places];

    /// The tab's label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            View::Reader => "阅读",
            View::Compare => "国内外对照",
            View::Places => "地点索引",
        }
    }

    /// The action that shows this view: its key is the tab's.
    #[must_use]
    pub fn action(self) -> Action {
        match self {
            View::Reader => Action::ShowReader,
            View::Compare => Action::ShowCompare,
            View::Places => Action::ShowPlaces,
        }
    }
}

pub struct App {
    pub lib: Arc<Library>,
    /// The key table in force: defaults and the config's overrides.
    pub keys: keys::Keymap,
    pub index: Arc<SearchIndex>,
    pub widths: Widths,
    pub size: (u16, u16),
    pub quit: bool,
    pub view: View,
    /// What floats over the panes, if anything.
    pub overlay: Overlay,
    pub focus: Focus,
    /// Wide terminals: the tree pane is shown. Narrow: the tree overlay is open.
    pub show_tree: bool,
    /// First row of help shown, and the mode whose keys it lists first.
    pub help_scroll: usize,
    pub help_first: Mode,
    /// A message for the status bar, until the next key.
    pub notice: Option<String>,
    jumps: jumps::Jumps,
    pub reader: reader::Reader,
    pub tree: tree::Tree,
    pub compare: compare::Compare,
    pub places: places::Places,
    /// The search line and its results, kept while the popup is closed.
    pub search: search::SearchBox,
    pub picker: picker::Picker,
    pub bookmarks: bookmarks::Bookmarks,
    /// Article id → how far through it the reader got, in percent.
    pub progress: std::collections::BTreeMap<String, u8>,
    /// Text for the terminal's clipboard, until the terminal takes it.
    pub clipboard: Option<String>,
    /// While a big collection loads behind what is shown.
    pub loading: Option<Loading>,
    /// The session recalled at the start, and where that left the reader:
    /// what a first look could not place waits for the whole collection.
    recalled: Option<(crate::state::Saved, reader::Position)>,
}

impl App {
    #[must_use]
    pub fn new(lib: Library, widths: Widths) -> Self {
        let lib = Arc::new(lib);
        let index = Arc::new(SearchIndex::new(Arc::clone(&lib)));
        Self::with_index(index, widths)
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
            quit: false,
            view: View::Reader,
            overlay: Overlay::None,
            focus: Focus::Reader,
            show_tree: true,
            help_scroll: 0,
            help_first: Mode::Reader,
            notice: None,
            jumps: jumps::Jumps::default(),
            bookmarks: bookmarks::Bookmarks::default(),
            progress: std::collections::BTreeMap::new(),
            clipboard: None,
            loading: None,
            recalled: None,
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

    /// Applies one action: input, a resize, or a search result.
    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::SearchDone(..) | Action::PlacesFound(..) | Action::Resize(..)
        ) {
            self.notice = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::WheelDown(x, y) => self.wheel(x, y, 3),
            Action::WheelUp(x, y) => self.wheel(x, y, -3),
            Action::SearchDone(serial, outcome) => {
                if let search::Next::Open = self.search.receive(serial, outcome, &self.index) {
                    self.open_result();
                }
            }
            Action::PlacesFound(lib, found) => self.places.receive(&lib, found),
            Action::Copy | Action::CopySection => {
                self.copy(matches!(action, Action::CopySection));
            }
            action => match self.mode() {
                Mode::Search => match self.search.update(&action) {
                    search::Next::Stay => {}
                    search::Next::Close => self.overlay = Overlay::None,
                    search::Next::Open => self.open_result(),
                },
                Mode::Picker => match self.picker.update(&action, &self.index) {
                    picker::Next::Stay => {}
                    picker::Next::Close => self.overlay = Overlay::None,
                    picker::Next::Pick(p) => self.pick_place(p),
                },
                Mode::Bookmarks => self.in_bookmarks(&action),
                Mode::Help => self.in_help(action),
                _ => self.in_view(&action),
            },
        }
        self.layout();
        // The tree follows the text, unless the tree is being moved through.
        let reading = self.reader.reading();
        if (self.focus == Focus::Reader || self.areas().tree.is_none())
            && self.tree.selected != reading
        {
            self.tree.select(reading);
        }
        self.tree.follow(reading);
        self.help_scroll = self.help_scroll.min(self.help_max_scroll());
        let article = &self.lib.articles[self.reader.article].id;
        let percent = u8::try_from(self.reader.percent()).unwrap_or(100);
        self.progress.insert(article.clone(), percent);
    }

    /// Actions of the views and the global keys.
    fn in_view(&mut self, action: &Action) {
        match action {
            Action::ToggleHelp => {
                self.help_first = self.mode();
                self.overlay = Overlay::Help;
                self.help_scroll = 0;
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
            Action::ShowReader => self.show(View::Reader),
            Action::ShowCompare => self.show(View::Compare),
            Action::ShowPlaces => self.show(View::Places),
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
            Action::NextHit | Action::PrevHit => self.step_hit(action),
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

    /// The query to run, when the shown results are not for the line as typed.
    #[must_use]
    pub fn wanted_search(&self) -> Option<(u64, &str)> {
        (self.overlay == Overlay::Search && self.search.stale())
            .then_some((self.search.serial, self.search.line.text.as_str()))
    }

    /// Where the terminal cursor goes: at the caret of a text line, so an
    /// input method's candidate window follows it.
    #[must_use]
    pub fn cursor(&self) -> Option<(u16, u16)> {
        if self.areas().too_small {
            return None;
        }
        let (w, h) = self.size;
        let (field, line) = match self.overlay {
            Overlay::Picker => (
                areas::picker(w, h, self.lib.places.len()).field,
                &self.picker.line,
            ),
            Overlay::Search => (areas::search(w, h).field, &self.search.line),
            _ => return None,
        };
        if field.width == 0 {
            return None;
        }
        let (_, col) = line.view(usize::from(field.width), self.widths);
        let x = field.x + u16::try_from(col).unwrap_or(0);
        (x < field.right()).then_some((x, field.y))
    }

    /// Each tab's text: its key and its label.
    #[must_use]
    pub fn tab_texts(&self) -> Vec<(String, &'static str)> {
        View::ALL
            .iter()
            .map(|v| (self.keys.first_key(Mode::Global, &v.action()), v.label()))
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
}
