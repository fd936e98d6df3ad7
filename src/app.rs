//! The reader's state, changed only by `App::update`, which hands back the
//! effects the runtime is to carry out. The app holds what every view
//! shares (the collection, the keys, the notebook, the bookmarks, the
//! search) and the popup on top, which carries its own state; each view's
//! own state is in `crate::views`, reached through the registry's one
//! match. An action goes to the popup on top, else to the view shown; what
//! the view does not take, or asks for beyond itself, the app does.

pub mod bookmarks;
pub mod editor;
pub mod help;
mod mouse;
mod notebook;
mod overlay;
pub mod picker;
pub mod search;
mod session;

use std::sync::Arc;

pub use crate::content::Loading;
pub use crate::effect::Effect;
pub use overlay::Overlay;

use crate::action::Action;
use crate::areas::{self, Areas};
use crate::content::{Library, PlaceId};
use crate::keys::{self, Mode};
use crate::notes::study::Study;
use crate::search::SearchIndex;
use crate::state::bookmarks::Bookmarks;
use crate::views::navigate::Destination;
use crate::views::{Ctx, Marks, NoteAsk, Reply, View, Views};
use crate::wrap::Widths;

pub struct App {
    pub lib: Arc<Library>,
    /// The key table in force: defaults and the config's overrides.
    pub keys: keys::Keymap,
    pub index: Arc<SearchIndex>,
    pub widths: Widths,
    pub size: (u16, u16),
    /// The view shown, and every view's state.
    pub view: View,
    pub views: Views,
    /// What floats over the views, if anything.
    pub overlay: Overlay,
    /// The search line and its results, kept while the popup is closed.
    pub search: search::SearchBox,
    pub bookmarks: Bookmarks,
    /// Study notes: the notebook every view marks.
    pub study: Study,
    /// A message for the status bar, until the next key.
    pub notice: Option<String>,
    /// One that stays until Esc (a settings file the reader could not use).
    pub warning: Option<String>,
    /// While a big collection loads behind what is shown.
    pub loading: Option<Loading>,
    /// The view the last jump to the reader was made from: `Ctrl-o` goes
    /// back there.
    came_from: Option<View>,
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
            views: Views::open(&lib, widths),
            search: search::SearchBox::default(),
            lib,
            index,
            keys: keys::Keymap::default(),
            widths,
            size: (0, 0),
            view: View::Reader,
            overlay: Overlay::None,
            notice: None,
            warning: None,
            bookmarks: Bookmarks::default(),
            study: Study::new(crate::notes::KINDS.map(String::from).to_vec()),
            came_from: None,
            loading: None,
            effects: Vec::new(),
        };
        app.update(Action::Resize(100, 30));
        // That size is a stand-in until the terminal's: nothing is read at it.
        app.views.reading.progress.clear();
        app
    }

    #[must_use]
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size.0, self.size.1, self.views.reading.panes.show_tree)
    }

    /// What the views may read, as they read it now.
    #[must_use]
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            lib: &self.lib,
            index: &self.index,
            keys: &self.keys,
            widths: self.widths,
            areas: self.areas(),
            size: self.size,
            measure: self.views.reading.reader.measure,
            marks: Marks {
                study: &self.study,
                bookmarks: &self.bookmarks,
            },
        }
    }

    /// The mode whose keys come first: the popup's, else the view's.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.overlay
            .mode()
            .unwrap_or_else(|| self.views.get(self.view).mode(&self.ctx()))
    }

    /// Key modes in the order a key is tried: text lines take every key.
    #[must_use]
    pub fn modes(&self) -> Vec<Mode> {
        match self.mode() {
            mode if mode.is_text() => vec![mode],
            mode => vec![mode, Mode::Global],
        }
    }

    /// Whether a key's hint means anything now: an empty bookmark list
    /// offers only its way out; else the view says.
    #[must_use]
    pub fn offers(&self, action: &Action) -> bool {
        match &self.overlay {
            Overlay::Bookmarks(_) if self.bookmarks.marks.is_empty() => {
                matches!(action, Action::Close)
            }
            Overlay::Help(_) | Overlay::None => {
                self.views.get(self.view).offers(action, &self.ctx())
            }
            _ => true,
        }
    }

    /// A terminal event as the action the key table gives it here.
    #[must_use]
    pub fn action_for(&self, event: &ratatui::crossterm::event::Event) -> Option<Action> {
        self.keys.action_for_event(&self.modes(), event)
    }

    /// Applies one action (input, a resize, a worker's answer, the start)
    /// and returns what the runtime is to do for it.
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
                | Action::Loading(_)
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
            Action::PlacesFound(lib, found) => self.views.places.receive(&lib, found),
            Action::Adopt(index, shown) => self.adopt(index, shown),
            Action::Loading(loading) => self.loading = loading,
            Action::Restore(saved) => self.recall(*saved),
            Action::RecallNotes(book) => {
                if self.study.recall(*book, &self.lib) {
                    // Found somewhere new: written back, so the next start
                    // finds them where they are at once.
                    self.save_notes();
                }
            }
            Action::Saved(written) => self.saved(written),
            Action::NotesSaved(Ok(book)) => self.study.written(book, &self.lib),
            Action::NotesSaved(Err(why)) => {
                self.study.unsaved = Some(why.clone());
                self.warning = Some(why);
            }
            Action::Notice(text) => self.notice = Some(text),
            Action::Warn(text) => self.warning = Some(text),
            Action::Copy | Action::CopySection => self.copy(matches!(action, Action::CopySection)),
            action => self.on_key(&action),
        }
    }

    /// A key (or what a click became): the popup on top takes it, else
    /// the view, else the app's own keys.
    fn on_key(&mut self, action: &Action) {
        let mut on = overlay::Shared {
            search: &mut self.search,
            bookmarks: &mut self.bookmarks,
            index: &self.index,
            keys: &self.keys,
            size: self.size,
            widths: self.widths,
            kinds: self.study.kinds.len(),
        };
        match self.overlay.update(action, &mut on) {
            overlay::Popped::Stay => {}
            overlay::Popped::Pass => self.in_view(action),
            overlay::Popped::Close(said) => {
                if matches!(self.overlay, Overlay::Search) {
                    self.effects.push(Effect::CancelSearch);
                }
                self.overlay = Overlay::None;
                self.notice = said;
            }
            overlay::Popped::Say(text) => self.notice = Some(text),
            overlay::Popped::OpenResult => self.open_result(),
            overlay::Popped::Pick(place) => self.pick_place(place),
            overlay::Popped::Go(to) => self.go(to),
            overlay::Popped::Changed => self.effects.push(self.save()),
            overlay::Popped::Keep => {
                let kind = self.keep_editor(false);
                self.notice = Some(format!("笔记已保存（{kind}）"));
            }
        }
    }

    /// The view's keys first; what it does not take is the app's.
    fn in_view(&mut self, action: &Action) {
        // Esc dismisses a warning before it does anything else.
        if matches!(action, Action::Close) && self.warning.take().is_some() {
            return;
        }
        let view = self.view;
        let (cx, views) = self.ctx_parts();
        let reply = views.get_mut(view).update(action, &cx);
        match reply {
            Reply::Ignored => self.global(action),
            reply => self.reply(reply),
        }
    }

    /// What a view asked for beyond itself.
    fn reply(&mut self, reply: Reply) {
        match reply {
            Reply::Ignored | Reply::Done => {}
            Reply::Say(text) => self.notice = Some(text),
            Reply::Go(to) => self.go(to),
            Reply::Compare(node) => {
                let (said, ready) = self.views.compare.pick(node);
                if ready {
                    self.show(View::Compare);
                    self.notice = Some(said);
                } else {
                    self.views.reading.stay();
                    let key = self.keys.first_key(Mode::Reader, &Action::CompareHere);
                    self.notice = Some(match self.views.compare.pending {
                        Some(_) => format!("{said}；到另一部分再按 {key}"),
                        None => said,
                    });
                }
            }
            Reply::PickPlace => self.overlay = Overlay::Picker(picker::Picker::new(&self.index)),
            Reply::Bookmark(anchor) => {
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
            Reply::Note(ask) => self.note(ask),
        }
    }

    /// The app's own keys: help, jumps, Esc, the popups, the tabs.
    fn global(&mut self, action: &Action) {
        match action {
            Action::ToggleHelp => {
                let mut help = help::Help::default();
                help.open(self.mode());
                self.overlay = Overlay::Help(help);
            }
            Action::JumpBack | Action::JumpForward => {
                let back = matches!(action, Action::JumpBack);
                if self.views.reading.jump(back) {
                    // Back from a jump is back in the view it was made from.
                    let from = self.came_from.take().filter(|_| back);
                    self.view = from.unwrap_or(View::Reader);
                } else {
                    self.notice = Some("跳转记录已到头".into());
                }
            }
            Action::OpenSearch => {
                self.overlay = Overlay::Search;
                self.search.line.select_all();
            }
            Action::OpenBookmarks => {
                let selected = match &self.overlay {
                    Overlay::Bookmarks(list) => list.selected,
                    _ => 0,
                };
                self.overlay = Overlay::Bookmarks(bookmarks::BookmarkList::open(
                    &self.bookmarks,
                    &self.lib,
                    selected,
                ));
            }
            Action::Show(tab) => {
                if let Some(view) = View::at_tab(*tab) {
                    self.show(view);
                }
            }
            _ => {}
        }
    }

    /// After every action: each view told its size and asked what work it
    /// wants, help kept within its rows, the search asked for.
    fn settle(&mut self) {
        let (cx, views) = self.ctx_parts();
        let wanted = views.settle(&cx);
        self.effects.extend(wanted);
        if let Overlay::Help(help) = &mut self.overlay {
            help.clamp(&self.keys, self.size, self.widths);
        }
        if matches!(self.overlay, Overlay::Search)
            && let Some((serial, query)) = self.search.request()
        {
            self.search.notes = self.study.matching(&query, &self.lib);
            self.effects.push(Effect::Search {
                serial,
                query,
                limit: search::RESULTS,
            });
        }
    }

    /// Goes somewhere in the text, in the reader, remembering where it was
    /// and which view the jump was made from.
    fn go(&mut self, to: Destination) {
        let Some(arrival) = to.resolve(&self.index) else {
            return;
        };
        self.overlay = Overlay::None;
        self.came_from = Some(self.view);
        self.view = View::Reader;
        let floats = self.areas().tree_floats;
        self.views.reading.arrive(arrival, floats, &self.index);
    }

    /// Jumps to the selected search result; the query joins the history.
    fn open_result(&mut self) {
        if let Some(note) = self.search.selected_note() {
            self.overlay = Overlay::None;
            self.note(NoteAsk::Open(note));
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

    /// Enter in the place picker: the view shown takes the place (the
    /// place index goes to its first mention); else the comparison, filtered
    /// by it.
    fn pick_place(&mut self, place: PlaceId) {
        self.overlay = Overlay::None;
        let view = self.view;
        let (cx, views) = self.ctx_parts();
        if !views.get_mut(view).pick_place(place, &cx) {
            self.show(View::Compare);
            self.views.compare.choose_place(place);
        }
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.overlay = Overlay::None;
        let (cx, views) = self.ctx_parts();
        views.get_mut(view).shown(&cx);
    }

    /// `y` and `Y`: the search popup's selected result, else what the view
    /// copies, with its source, to the terminal's clipboard.
    fn copy(&mut self, section: bool) {
        let text = match &self.overlay {
            Overlay::Search => self
                .search
                .selected_anchor(&self.index)
                .map(|a| crate::content::cite::clip(&self.lib, a, section)),
            _ => self.views.get(self.view).clip(&self.ctx(), section),
        };
        match crate::content::cite::for_clipboard(text) {
            Ok(text) => {
                self.notice = Some(format!("已复制 {} 字（含出处）", text.chars().count()));
                self.effects.push(Effect::Copy(text));
            }
            Err(why) => self.notice = Some(why),
        }
    }

    fn resize(&mut self, w: u16, h: u16) {
        let was_narrow = self.size.0 < areas::SIDE_BY_SIDE;
        self.size = (w, h);
        self.views
            .reading
            .panes
            .resize(was_narrow, w < areas::SIDE_BY_SIDE);
    }

    /// What the views may read, apart from the views themselves: for an
    /// action that changes one of them.
    fn ctx_parts(&mut self) -> (Ctx<'_>, &mut Views) {
        let areas = self.areas();
        let measure = self.views.reading.reader.measure;
        (
            Ctx {
                lib: &self.lib,
                index: &self.index,
                keys: &self.keys,
                widths: self.widths,
                areas,
                size: self.size,
                measure,
                marks: Marks {
                    study: &self.study,
                    bookmarks: &self.bookmarks,
                },
            },
            &mut self.views,
        )
    }
}
