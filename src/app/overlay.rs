//! The popup over the views, carrying its own state, and what its keys
//! come to: each popup's own answer, turned into one the app carries out.

use super::editor::{Editor, EditorNext};
use super::{bookmarks, help, picker, search};
use crate::action::Action;
use crate::content::PlaceId;
use crate::keys::Keymap;
use crate::search::SearchIndex;
use crate::state::bookmarks::Bookmarks;
use crate::views::navigate::Destination;
use crate::wrap::Widths;

/// The popup over the views: at most one at a time.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help(help::Help),
    /// The search box; its line and results stay in `App::search` while
    /// it is closed.
    Search,
    /// Choosing a place to filter by.
    Picker(picker::Picker),
    Bookmarks(bookmarks::BookmarkList),
    /// Writing a note.
    Editor(Editor),
}

/// What a key in a popup asks of the app.
pub enum Popped {
    Stay,
    /// The popup goes; with words for the status bar.
    Close(Option<String>),
    Say(String),
    /// Not the popup's: the view and the app's own keys take it.
    Pass,
    /// The search result selected, opened.
    OpenResult,
    /// A place picked.
    Pick(PlaceId),
    Go(Destination),
    /// The bookmarks changed: the session is to be written.
    Changed,
    /// The note written is to be kept.
    Keep,
}

/// What a popup reads and changes beyond itself.
pub struct Shared<'a> {
    pub search: &'a mut search::SearchBox,
    pub bookmarks: &'a mut Bookmarks,
    pub index: &'a SearchIndex,
    pub keys: &'a Keymap,
    pub size: (u16, u16),
    pub widths: Widths,
    pub kinds: usize,
}

impl Overlay {
    /// Its key mode; None when nothing is on top.
    #[must_use]
    pub fn mode(&self) -> Option<crate::keys::Mode> {
        use crate::keys::Mode;
        match self {
            Overlay::None => None,
            Overlay::Search => Some(Mode::Search),
            Overlay::Picker(_) => Some(Mode::Picker),
            Overlay::Help(_) => Some(Mode::Help),
            Overlay::Bookmarks(_) => Some(Mode::Bookmarks),
            Overlay::Editor(_) => Some(Mode::Editor),
        }
    }

    /// A key (or what a click became) for the popup on top.
    pub fn update(&mut self, action: &Action, on: &mut Shared) -> Popped {
        match self {
            Overlay::None => Popped::Pass,
            Overlay::Search => match on.search.update(action) {
                search::Next::Stay => Popped::Stay,
                search::Next::Close => {
                    // A query typed and left is a search too: it joins the
                    // history when it found something.
                    let found = on.search.shown().filter(|o| o.total() > 0);
                    if let Some(query) = found.map(|o| o.query.clone()) {
                        crate::state::remember_search(&mut on.search.history, &query);
                    }
                    on.search.cancel();
                    Popped::Close(None)
                }
                search::Next::Open => Popped::OpenResult,
                search::Next::Full => Popped::Say(format!(
                    "搜索词最多 {} 字，多出的已略去",
                    crate::field::MAX_CHARS
                )),
            },
            Overlay::Picker(picker) => match picker.update(action, on.index) {
                picker::Next::Stay => Popped::Stay,
                picker::Next::Close => Popped::Close(None),
                picker::Next::Pick(p) => Popped::Pick(p),
            },
            Overlay::Bookmarks(list) => match list.update(action, on.bookmarks) {
                bookmarks::Next::Stay => Popped::Stay,
                bookmarks::Next::Close => Popped::Close(None),
                bookmarks::Next::Changed => Popped::Changed,
                bookmarks::Next::Go(anchor) => Popped::Go(Destination::Text(anchor, None)),
                bookmarks::Next::Gone => Popped::Say("这条书签所在的段落已不在内容中".into()),
            },
            Overlay::Help(help) => match help.update(action, on.keys, on.size, on.widths) {
                help::Next::Stay => Popped::Stay,
                help::Next::Close => Popped::Close(None),
                help::Next::Pass => Popped::Pass,
            },
            Overlay::Editor(editor) => match editor.update(action, on.kinds) {
                EditorNext::Stay => Popped::Stay,
                EditorNext::Say(text) => Popped::Say(text),
                EditorNext::Cancel => Popped::Close(Some("未保存".into())),
                EditorNext::Save => Popped::Keep,
            },
        }
    }
}
