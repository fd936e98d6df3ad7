//! The session as the state file keeps it, and back; and a saved session
//! waiting for the part of a big collection it was in: the spot the reader
//! was at and the open nodes, placed as soon as the collection holds them,
//! unless the reader has moved since.

use super::reader::{Position, Reader};
use super::rebase::Rebase;
use super::tree::Tree;
use super::{App, Effect};
use crate::content::Library;
use crate::state::Saved;

pub struct Recalled {
    saved: Saved,
    /// Where the reader was when the session was recalled (or last placed).
    placed: Position,
}

impl Recalled {
    #[must_use]
    pub fn new(saved: Saved, placed: Position) -> Self {
        Recalled { saved, placed }
    }

    /// Places what the collection holds; itself again while the saved spot
    /// is not there yet.
    #[must_use]
    pub fn place(self, lib: &Library, reader: &mut Reader, tree: &mut Tree) -> Option<Self> {
        if reader.position() != self.placed {
            return None;
        }
        let open: Vec<usize> = self
            .saved
            .expanded
            .iter()
            .filter_map(|p| lib.find(p))
            .collect();
        tree.expand(&open);
        let spot = self.saved.at.as_ref()?;
        match spot.resolve(lib) {
            Some(anchor) => {
                reader.restore(Position {
                    article: lib.node(anchor.node).article,
                    top: Some((anchor, spot.byte)),
                });
                None
            }
            None => Some(self),
        }
    }

    /// The same, in a grown collection.
    #[must_use]
    pub fn rebase(self, moved: &Rebase) -> Option<Self> {
        Some(Recalled {
            placed: self.placed.rebase(moved)?,
            saved: self.saved,
        })
    }
}

impl App {
    /// What to remember of this session, as the state file keeps it.
    #[must_use]
    pub fn memory(&self) -> Saved {
        let mut saved = Saved {
            format: crate::state::FORMAT,
            view: Some(self.view),
            searches: self.search.history.clone(),
            bookmarks: self.bookmarks.marks.clone(),
            deleted: self.bookmarks.deleted.clone(),
            ..Saved::default()
        };
        self.reading.save_into(&mut saved);
        saved
    }

    pub(super) fn save(&self) -> Effect {
        Effect::Save(Box::new(self.memory()))
    }

    /// Picks up where a saved session left off; what is not in the content
    /// (yet, while a big collection loads) waits for more of it.
    pub fn recall(&mut self, saved: Saved) {
        self.reading.recall(&saved);
        if let Some(view) = saved.view {
            self.show(view);
        }
        self.search.history = saved.searches;
        self.bookmarks
            .saved(saved.bookmarks, saved.deleted, &self.lib);
        self.settle();
    }

    /// After a save: what was written, another reader's bookmarks and
    /// searches included; or why nothing could be.
    pub(super) fn saved(&mut self, written: Result<Saved, String>) {
        match written {
            Ok(written) => {
                self.bookmarks
                    .saved(written.bookmarks, written.deleted, &self.lib);
                self.search.history = written.searches;
            }
            Err(why) => self.notice = Some(why),
        }
    }

    /// Takes the notes file's notes, each found again in the collection;
    /// whether any was found somewhere new (and so is worth writing back).
    pub fn recall_notes(&mut self, book: crate::notes::Notebook) -> bool {
        self.notes.recall(book, &self.lib)
    }
}
