//! Bookmarks: paragraphs marked with `m`. A bookmark whose paragraph is
//! gone after the content changed is kept and shown as missing, never
//! dropped. Deletions are remembered a while, so a merge with another
//! reader's state file never brings one back.

use std::collections::HashSet;

use crate::content::{Anchor, Field, Library};
use crate::state::{Spot, now_ms};

#[derive(Debug, Default)]
pub struct Bookmarks {
    pub marks: Vec<Spot>,
    /// Tombstones: removed here or by another reader, each with when, so a
    /// merge with another reader's file does not bring them back.
    pub deleted: Vec<Spot>,
    /// Each bookmark's paragraph, so drawing a line asks a set, not the list.
    marked: HashSet<(String, Field)>,
}

impl Bookmarks {
    /// Marks the paragraph, or unmarks it; true when it is now marked.
    pub fn toggle(&mut self, lib: &Library, anchor: Anchor) -> bool {
        let spot = Spot {
            marked: now_ms(),
            ..Spot::of(lib, anchor, 0)
        };
        if let Some(i) = self.marks.iter().position(|m| m.same(&spot)) {
            self.delete(i);
            false
        } else {
            self.deleted.retain(|d| !d.same(&spot));
            self.marked.insert((spot.node.clone(), spot.field));
            self.marks.push(spot);
            true
        }
    }

    /// Deletes bookmark `i`, remembering when, so no older copy of it in
    /// another reader's file brings it back.
    pub fn delete(&mut self, i: usize) {
        if i >= self.marks.len() {
            return;
        }
        let mut gone = self.marks.remove(i);
        self.marked.remove(&(gone.node.clone(), gone.field));
        gone.marked = now_ms();
        self.deleted.push(gone);
    }

    /// After a save (or at the start): the bookmarks the file holds.
    pub fn saved(&mut self, marks: Vec<Spot>, deleted: Vec<Spot>) {
        self.marked = marks.iter().map(|m| (m.node.clone(), m.field)).collect();
        self.marks = marks;
        self.deleted = deleted;
    }

    /// Where each bookmark is in the content now (None: gone).
    #[must_use]
    pub fn found(&self, lib: &Library) -> Vec<Option<Anchor>> {
        self.marks.iter().map(|m| m.resolve(lib)).collect()
    }

    /// Is this paragraph marked?
    #[must_use]
    pub fn has(&self, lib: &Library, anchor: Anchor) -> bool {
        let path = &lib.node(anchor.node).path;
        self.marked.contains(&(path.clone(), anchor.field))
    }
}
