//! The reader's state, changed only by `App::update`, which hands back the
//! effects the runtime is to carry out. Shared facts here; each view's and
//! popup's own state in `app/`, and a router that hands an action to the
//! state that owns it, by the mode the key table names.

pub mod bookmarks;
pub mod compare;
pub mod copy;
mod effect;
pub mod help;
pub mod jumps;
pub mod line;
mod loading;
mod memory;
mod mouse;
pub mod navigate;
pub mod notes;
mod panes;
pub mod picker;
pub mod places;
pub mod reader;
pub mod reading;
mod rebase;
pub mod search;
pub mod select;
mod studying;
pub mod tree;

pub use effect::Effect;
pub use loading::Loading;
pub use panes::{Focus, Panes};
use std::sync::Arc;

use crate::action::{Action, Pane};
use crate::areas::{self, Areas};
use crate::content::Library;
use crate::keys::{self, Mode};
use crate::search::SearchIndex;
pub use crate::view::View;
use crate::wrap::Widths;
use navigate::Destination;

/// The popup over the panes: at most one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Search,
    /// Choosing a place to filter by.
    Picker,
    Bookmarks,
    /// Writing a note.
    Editor,
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
    pub help: help::Help,
    /// A message for the status bar, until the next key.
    pub notice: Option<String>,
    /// One that stays until Esc (a settings file the reader could not use).
    pub warning: Option<String>,
    /// The text, its table of contents, their focus and the jump list.
    pub reading: reading::Reading,
    pub compare: compare::Compare,
    pub places: places::Places,
    /// The search line and its results, kept while the popup is closed.
    pub search: search::SearchBox,
    pub picker: picker::Picker,
    pub bookmarks: bookmarks::Bookmarks,
    /// Study notes, the passage being selected and the note being written.
    pub notes: notes::Notes,
    pub selection: Option<select::Selection>,
    pub editor: Option<select::Editor>,
    /// The notes view, when the last jump was made from it: `Ctrl-o`
    /// goes back there.
    came_from: Option<View>,
    /// Where a press on the text was, for a drag to select from.
    drag_from: Option<(crate::content::Anchor, usize)>,
    /// While a big collection loads behind what is shown.
    pub loading: Option<Loading>,
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
            reading: reading::Reading::new(&lib, widths),
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
            help: help::Help::default(),
            notice: None,
            warning: None,
            bookmarks: bookmarks::Bookmarks::default(),
            notes: notes::Notes::new(crate::notes::KINDS.map(String::from).to_vec()),
            selection: None,
            editor: None,
            drag_from: None,
            came_from: None,
            loading: None,
            effects: Vec::new(),
        };
        app.update(Action::Resize(100, 30));
        app
    }

    #[must_use]
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.reading.panes.show_tree)
    }

    /// The mode whose keys come first: the popup on top, else the view's
    /// focused pane.
    #[must_use]
    pub fn mode(&self) -> Mode {
        match (self.overlay, self.view, self.reading.panes.focus) {
            (Overlay::Search, ..) => Mode::Search,
            (Overlay::Picker, ..) => Mode::Picker,
            (Overlay::Help, ..) => Mode::Help,
            (Overlay::Bookmarks, ..) => Mode::Bookmarks,
            (Overlay::Editor, ..) => Mode::Editor,
            (Overlay::None, View::Notes, _) if self.notes.filtering => Mode::NotesFilter,
            (Overlay::None, View::Notes, _) => Mode::Notes,
            (Overlay::None, View::Reader, _) if self.selection.is_some() => Mode::Select,
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
            mode if mode.is_text() => vec![mode],
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
                | Action::NotesSaved(Ok(_))
                | Action::Warn(_)
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
                self.keep_draft();
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
            Action::NotesSaved(written) => self.notes_saved(written),
            Action::Notice(text) => self.notice = Some(text),
            Action::Warn(text) => self.warning = Some(text),
            Action::Copy | Action::CopySection => self.copy(matches!(action, Action::CopySection)),
            Action::Focus(pane) => self.focus_pane(pane),
            Action::PressAt(anchor, byte) => {
                self.drag_from = Some((anchor, byte));
                self.selection = None;
            }
            Action::DragTo(anchor, byte) => {
                if let Some(from) = self.drag_from {
                    let between = select::Selection::between(&self.lib, from, (anchor, byte));
                    self.selection = between.or(self.selection.take());
                }
            }
            Action::Wheel(pane, delta) => match pane {
                Pane::Tree => self.reading.tree.move_by(delta),
                Pane::Reader => self.reading.reader.scroll_by(delta),
                Pane::Side(side) => self.compare.scroll(Some(side), delta),
                Pane::Places => self
                    .places
                    .select(self.places.selected.saturating_add_signed(delta.signum())),
            },
            action => match self.mode() {
                Mode::Search => match self.search.update(&action) {
                    search::Next::Stay => {}
                    search::Next::Close => {
                        self.overlay = Overlay::None;
                        self.search.cancel();
                        self.effects.push(Effect::CancelSearch);
                    }
                    search::Next::Open => self.open_result(),
                    search::Next::Full => {
                        self.notice =
                            Some(format!("搜索词最多 {} 字，多出的已略去", line::MAX_CHARS));
                    }
                },
                Mode::Picker => match self.picker.update(&action, &self.index) {
                    picker::Next::Stay => {}
                    picker::Next::Close => self.overlay = Overlay::None,
                    picker::Next::Pick(p) => self.pick_place(p),
                },
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
                    match self
                        .help
                        .update(&action, &self.keys, self.size, self.widths)
                    {
                        help::Next::Stay => {}
                        help::Next::Close => self.overlay = Overlay::None,
                        help::Next::Pass => self.in_view(&action),
                    }
                }
                mode @ (Mode::Select | Mode::Editor | Mode::NotesFilter) => {
                    self.on_notes(mode, &action);
                }
                _ => self.in_view(&action),
            },
        }
    }

    /// After every action: each view told its size, the tree on what is
    /// read, progress kept, and the work the new state wants asked for.
    fn settle(&mut self) {
        self.layout();
        self.help.clamp(&self.keys, self.size, self.widths);
        if self.overlay == Overlay::Search
            && let Some((serial, query)) = self.search.request()
        {
            self.search.notes = self.notes.matching(&query, &self.lib);
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
                let back = matches!(action, Action::JumpBack);
                if self.reading.jump(back) {
                    // Back from a note's passage is back in the notes view.
                    let from = self.came_from.take().filter(|_| back);
                    self.view = from.unwrap_or(View::Reader);
                } else {
                    self.notice = Some("跳转记录已到头".into());
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
            Action::FocusNext => self.reading.panes.next(self.areas().tree_floats),
            Action::ToggleTree => self.reading.panes.toggle_tree(),
            Action::OpenLesson => {
                let to = match self.view {
                    View::Compare => self.compare.destination(),
                    View::Places => self.places.destination(),
                    View::Reader | View::Notes => None,
                };
                if let Some(to) = to {
                    self.go(to);
                }
            }
            action if self.is_note_key(action) => self.on_notes(self.mode(), action),
            _ => match self.view {
                View::Notes => {}
                View::Reader => self.in_reader(action),
                View::Compare if matches!(action, Action::ToggleSync) && self.compare.stacked() => {
                    self.notice = Some("上下叠放时，两侧本就一同滚动".into());
                }
                View::Compare => {
                    self.compare.update(action);
                }
                View::Places => {
                    self.places.update(action);
                }
            },
        }
    }

    /// The reading view's keys, and what they ask of the rest.
    fn in_reader(&mut self, action: &Action) {
        match self.reading.update(action, &self.areas()) {
            reading::Next::Stay => {}
            reading::Next::Say(text) => self.notice = Some(text),
            reading::Next::Stepped(step, forward) => {
                let search = self.keys.first_key(Mode::Global, &Action::OpenSearch);
                self.notice = step.notice(forward, &search);
            }
            reading::Next::ToggleBookmark(anchor) => {
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
            reading::Next::Compare(nodes) => {
                if self.compare.select_node(&nodes) {
                    self.show(View::Compare);
                } else {
                    // Nothing to compare here: stay, and say where lessons are.
                    let here = self.reading.position();
                    self.reading.jumps.cancel(here);
                    let key = self
                        .keys
                        .first_key(Mode::Global, &Action::Show(View::Compare));
                    self.notice = Some(format!("这里不是国内外经验的启示；按 {key} 看全部对照"));
                }
            }
        }
    }

    /// Goes somewhere in the text, in the reader, remembering where it was.
    fn go(&mut self, to: Destination) {
        let Some(arrival) = to.resolve(&self.index) else {
            return;
        };
        self.overlay = Overlay::None;
        self.came_from = (self.view == View::Notes).then_some(View::Notes);
        self.view = View::Reader;
        self.reading.arrive(arrival, self.areas().tree_floats);
    }

    /// Jumps to the selected search result; the query joins the history.
    fn open_result(&mut self) {
        if let Some(note) = self.search.selected_note() {
            self.overlay = Overlay::None;
            self.open_note(note);
            return;
        }
        let Some(to) = self.search.destination(&self.index) else {
            return;
        };
        if let Some(outcome) = &self.search.outcome {
            crate::state::remember_search(&mut self.search.history, &outcome.query);
        }
        self.go(to);
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

    /// Esc with no popup: close the floating tree, else clear the highlights.
    fn close(&mut self) {
        if self.overlay == Overlay::None && self.warning.is_some() {
            self.warning = None;
        } else if self.overlay == Overlay::None {
            self.reading.close(self.areas().tree_floats);
        } else {
            self.overlay = Overlay::None;
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        match pane {
            Pane::Tree => self.reading.panes.focus = Focus::Tree,
            Pane::Reader => self.reading.panes.read(self.areas().tree_floats),
            Pane::Side(side) => self.compare.side = side,
            Pane::Places => {}
        }
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.overlay = Overlay::None;
        if view == View::Places {
            self.places.ask();
        }
        if view == View::Notes {
            self.notes.refresh(&self.lib);
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        let was_narrow = self.size.0 < areas::SIDE_BY_SIDE;
        self.size = (w, h);
        self.reading
            .panes
            .resize(was_narrow, w < areas::SIDE_BY_SIDE);
    }

    /// Tells each view the size of its panes; each keeps its place.
    fn layout(&mut self) {
        let areas = self.areas();
        self.reading.settle(&areas);
        self.compare.settle(&areas, self.reading.reader.measure);
        self.places
            .resize(usize::from(areas::inner(areas.main).height));
    }

    /// Takes the settings: keys, measure and indent (a saved session's
    /// measure, recalled after, wins over the config's).
    pub fn configure(&mut self, config: crate::config::Config) {
        self.reading.reader.set_indent(config.indent_text());
        self.reading.reader.set_measure(config.measure);
        self.keys = config.keys;
        self.notes.kinds = config.kinds;
        self.update(Action::Resize(self.size.0, self.size.1));
    }
}
