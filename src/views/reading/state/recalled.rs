//! A saved session waiting for the part of a big collection it was in: the
//! spot the reader was at and the open nodes, placed as soon as the
//! collection holds them, unless the reader has moved since.

use super::reader::{Position, Reader};
use super::tree::Tree;
use crate::content::Library;
use crate::state::Saved;
use crate::views::rebase::Rebase;

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
