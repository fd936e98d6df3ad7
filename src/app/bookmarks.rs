//! The bookmark list (`'`): the one selected, and where each bookmark is
//! in the content now, found when the list opens, not while it is drawn.
//! The bookmarks themselves are `state::bookmarks`.

use crate::action::Action;
use crate::content::{Anchor, Library};
use crate::state::bookmarks::Bookmarks;

#[derive(Debug, Default)]
pub struct BookmarkList {
    pub selected: usize,
    /// Where each bookmark is now (None: gone).
    pub found: Vec<Option<Anchor>>,
}

/// What a key in the list asks of the rest of the app.
pub enum Next {
    Stay,
    Close,
    /// A bookmark was deleted: the state file is to be written.
    Changed,
    /// Go to the selected bookmark's paragraph.
    Go(Anchor),
    /// Its paragraph is no longer in the content.
    Gone,
}

impl BookmarkList {
    #[must_use]
    pub fn open(marks: &Bookmarks, lib: &Library, selected: usize) -> Self {
        let mut list = BookmarkList {
            selected,
            found: marks.found(lib),
        };
        list.select(selected);
        list
    }

    /// Moves through the list, opens or deletes the selected bookmark.
    pub fn update(&mut self, action: &Action, marks: &mut Bookmarks) -> Next {
        match action {
            Action::ResultDown => self.select(self.selected + 1),
            Action::ResultUp => self.select(self.selected.saturating_sub(1)),
            Action::DeleteBookmark if self.selected < marks.marks.len() => {
                marks.delete(self.selected);
                if self.selected < self.found.len() {
                    self.found.remove(self.selected);
                }
                self.select(self.selected);
                return Next::Changed;
            }
            Action::Close => return Next::Close,
            Action::OpenBookmarkAt(i) => {
                self.select(*i);
                return self.update(&Action::OpenResult, marks);
            }
            Action::OpenResult => {
                if self.selected >= marks.marks.len() {
                    return Next::Stay;
                }
                return self
                    .found
                    .get(self.selected)
                    .copied()
                    .flatten()
                    .map_or(Next::Gone, Next::Go);
            }
            _ => {}
        }
        Next::Stay
    }

    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.found.len().saturating_sub(1));
    }
}
