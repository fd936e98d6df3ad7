//! The views on the tab bar, in one registry: each view is a folder of two
//! files, `state.rs` (what it holds and how its keys change it: a
//! [`ViewState`]) and `draw.rs` (how it looks: a [`Draw`] of that state,
//! from a narrow [`DrawCx`], never the app). The `views!` rows below are
//! the only place that lists them: the tab bar, the `1`–`5` keys, the saved
//! session and the app's dispatch all read the registry. A new view is its
//! two files, one row here, and its key rows in `keys.rs`.

pub mod navigate;
pub mod rebase;

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::action::Action;
use crate::areas::Areas;
use crate::content::{Anchor, Library, NodeId, PlaceId};
use crate::effect::Effect;
use crate::keys::{Keymap, Mode};
use crate::notes::study::Study;
use crate::paint::Theme;
use crate::search::SearchIndex;
use crate::state::Saved;
use crate::state::bookmarks::Bookmarks;
use crate::wrap::Widths;
use navigate::Destination;
use rebase::Rebase;

/// What a view may read: the collection, the keys, the widths, its
/// rectangles, and the marks every view shows (notes and bookmarks).
pub struct Ctx<'a> {
    pub lib: &'a Arc<Library>,
    pub index: &'a Arc<SearchIndex>,
    pub keys: &'a Keymap,
    pub widths: Widths,
    pub areas: Areas,
    /// The terminal's columns and rows.
    pub size: (u16, u16),
    /// The widest text runs, in columns: the reader's `+` and `-`.
    pub measure: usize,
    pub marks: Marks<'a>,
}

/// What the reader has marked: study notes and bookmarks.
#[derive(Clone, Copy)]
pub struct Marks<'a> {
    pub study: &'a Study,
    pub bookmarks: &'a Bookmarks,
}

/// What a view draws with: what it may read, and the colours.
pub struct DrawCx<'a> {
    pub cx: &'a Ctx<'a>,
    pub theme: &'a Theme,
}

impl<'a> std::ops::Deref for DrawCx<'a> {
    type Target = Ctx<'a>;
    fn deref(&self) -> &Ctx<'a> {
        self.cx
    }
}

/// What a view's action asks of the app, beyond the view itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Not the view's: the app's keys may take it.
    Ignored,
    /// Done, within the view.
    Done,
    /// Something for the status bar.
    Say(String),
    /// Somewhere in the text: the reader goes there (`Ctrl-o` comes back).
    Go(Destination),
    /// This part as one side of the comparison (`c`).
    Compare(NodeId),
    /// The place picker.
    PickPlace,
    /// Mark or unmark this paragraph.
    Bookmark(Anchor),
    /// A study note: write one on these words, only highlight them, or
    /// change one.
    Note(NoteAsk),
}

/// What a view asks of the notebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAsk {
    /// The editor, for a new note on bytes of a node's text.
    Write(NodeId, std::ops::Range<usize>),
    /// A highlight on them, with no note.
    Highlight(NodeId, std::ops::Range<usize>),
    /// The editor, for note `i`.
    Edit(usize),
    Delete(usize),
    Undo,
    /// Note `i`'s passage in the reader.
    Open(usize),
    /// The next (or previous) note from the one gone to last, when
    /// `current` (it is still on screen), else from the reader's spot
    /// `(article, node, byte)`.
    Step {
        forward: bool,
        at: Option<(usize, NodeId, usize)>,
        current: bool,
    },
}

/// The status bar's left end for a view, and what it counts at the right
/// (`(text, is a key)` pieces, as the bar draws them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Crumb {
    pub text: String,
    pub counts: Vec<(String, bool)>,
}

impl Crumb {
    #[must_use]
    pub fn of(text: impl Into<String>) -> Self {
        Crumb {
            text: text.into(),
            counts: Vec::new(),
        }
    }
}

/// How a view draws its state.
pub trait Draw {
    /// The view in `area` (the screen between the tab bar and the status bar).
    fn draw(&self, cx: &DrawCx, area: Rect, buf: &mut Buffer);
    /// Where the terminal cursor goes while the view's own text field is
    /// typed in, so an input method's window follows it.
    fn cursor(&self, _cx: &Ctx, _area: Rect) -> Option<(u16, u16)> {
        None
    }
}

/// A view's state: what it holds, its keys, its size, and what it says.
pub trait ViewState: Draw {
    /// A view of `lib`, at its start.
    fn open(lib: &Arc<Library>, widths: Widths) -> Self
    where
        Self: Sized;

    /// The key mode its keys are in now.
    fn mode(&self, cx: &Ctx) -> Mode;

    /// An action in its mode (or a click, a wheel tick, a global key it
    /// may take): applied, and what it asks of the app.
    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply;

    /// After every action: told its size, it keeps its place; what work it
    /// wants done.
    fn settle(&mut self, _cx: &Ctx) -> Vec<Effect> {
        Vec::new()
    }

    /// Shown on the tab bar.
    fn shown(&mut self, _cx: &Ctx) {}

    /// More of a collection that is loading: the same places in the larger
    /// part.
    fn rebase(&mut self, moved: &Rebase, cx: &Ctx);

    /// The paragraph it is at: what `y` copies and a note attaches to.
    fn anchor(&self, cx: &Ctx) -> Option<Anchor>;

    /// What `y` (or `Y`, the whole section) copies here: the paragraph
    /// with its source, unless the view copies something else.
    fn clip(&self, cx: &Ctx, section: bool) -> Option<String> {
        self.anchor(cx)
            .map(|anchor| crate::content::cite::clip(cx.lib, anchor, section))
    }

    /// Where it is, for the status bar.
    fn crumb(&self, cx: &Ctx) -> Crumb;

    /// A click (or a wheel tick, `delta` rows) at `at`: the actions it means
    /// here, applied in turn.
    fn click(&self, _at: Position, _cx: &Ctx) -> Vec<Action> {
        Vec::new()
    }
    fn wheel(&self, _at: Position, _delta: isize, _cx: &Ctx) -> Vec<Action> {
        Vec::new()
    }
    /// The left button held down while the pointer moves to `at`.
    fn drag(&self, _at: Position, _cx: &Ctx) -> Vec<Action> {
        Vec::new()
    }

    /// Whether a key's hint means anything here now. The panes' keys
    /// (`Tab`, `t`) are the reader's.
    fn offers(&self, action: &Action, _cx: &Ctx) -> bool {
        !matches!(action, Action::FocusNext | Action::ToggleTree)
    }

    /// A place chosen in the picker: true when this view takes it.
    fn pick_place(&mut self, _place: PlaceId, _cx: &Ctx) -> bool {
        false
    }

    /// What the state file keeps of it, and back.
    fn remember(&self, _saved: &mut Saved, _cx: &Ctx) {}
    fn recall(&mut self, _saved: &Saved, _cx: &Ctx) {}
}

/// The registry: each row a view's tab number, name in the state file,
/// label on the tab bar, folder and state type.
macro_rules! views {
    ($( $tab:literal $variant:ident $name:literal $label:literal $folder:ident $state:ident ),* $(,)?) => {
        $(
            pub mod $folder {
                pub mod draw;
                pub mod state;
            }
        )*

        /// A view the reader shows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum View {
            $( $variant ),*
        }

        impl View {
            /// Every view, in tab order.
            pub fn all() -> impl Iterator<Item = View> {
                [$( View::$variant ),*].into_iter()
            }

            /// Its number on the tab bar, from 1: what `Action::Show` carries.
            #[must_use]
            pub fn tab(self) -> usize {
                match self { $( View::$variant => $tab ),* }
            }

            /// The view at a tab number.
            #[must_use]
            pub fn at_tab(tab: usize) -> Option<View> {
                View::all().find(|v| v.tab() == tab)
            }

            /// The tab's label.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self { $( View::$variant => $label ),* }
            }

            /// Every tab's label, in tab order.
            #[must_use]
            pub fn labels() -> Vec<&'static str> {
                View::all().map(View::label).collect()
            }

            /// The name the state file keeps.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self { $( View::$variant => $name ),* }
            }

            /// The view a saved name names, if this version has it.
            #[must_use]
            pub fn named(name: &str) -> Option<View> {
                View::all().find(|v| v.name() == name)
            }

            /// The action that shows it.
            #[must_use]
            pub fn show(self) -> Action {
                Action::Show(self.tab())
            }
        }

        /// Every view's state.
        pub struct Views {
            $( pub $folder: $folder::state::$state ),*
        }

        impl Views {
            #[must_use]
            pub fn open(lib: &Arc<Library>, widths: Widths) -> Self {
                Views {
                    $( $folder: <$folder::state::$state as ViewState>::open(lib, widths) ),*
                }
            }

            /// The one match from a view to its state.
            #[must_use]
            pub fn get(&self, view: View) -> &dyn ViewState {
                match view { $( View::$variant => &self.$folder ),* }
            }

            pub fn get_mut(&mut self, view: View) -> &mut dyn ViewState {
                match view { $( View::$variant => &mut self.$folder ),* }
            }

            /// Every view's state, in tab order.
            pub fn each(&self) -> [&dyn ViewState; [$( $tab ),*].len()] {
                [$( &self.$folder as &dyn ViewState ),*]
            }

            pub fn each_mut(&mut self) -> [&mut dyn ViewState; [$( $tab ),*].len()] {
                [$( &mut self.$folder as &mut dyn ViewState ),*]
            }
        }
    };
}

impl Views {
    /// Every view told its size; the work they want done.
    pub fn settle(&mut self, cx: &Ctx) -> Vec<Effect> {
        self.each_mut()
            .into_iter()
            .flat_map(|v| v.settle(cx))
            .collect()
    }

    /// Every view on a grown collection.
    pub fn rebase(&mut self, moved: &Rebase, cx: &Ctx) {
        for view in self.each_mut() {
            view.rebase(moved, cx);
        }
    }

    /// What every view keeps in the state file, and back.
    pub fn remember(&self, saved: &mut Saved, cx: &Ctx) {
        for view in self.each() {
            view.remember(saved, cx);
        }
    }

    pub fn recall(&mut self, saved: &Saved, cx: &Ctx) {
        for view in self.each_mut() {
            view.recall(saved, cx);
        }
    }
}

views! {
    1 Reader  "reader"  "阅读"       reading Reading,
    2 Compare "compare" "对照"       compare Comparison,
    3 Places  "places"  "地点索引"   places  PlaceIndex,
    4 Notes   "notes"   "笔记"       notes   NoteList,
    5 Outline "outline" "提纲"       outline Outline,
}

#[cfg(test)]
mod tests {
    use super::View;

    #[test]
    fn the_saved_names_stay_as_written_in_state_files() {
        let names: Vec<&str> = View::all().map(View::name).collect();
        assert_eq!(names[..4], ["reader", "compare", "places", "notes"]);
        for v in View::all() {
            assert_eq!(View::named(v.name()), Some(v));
            assert_eq!(View::at_tab(v.tab()), Some(v));
        }
        assert_eq!(View::named("gone"), None);
    }
}
