//! Bookmarks: paragraphs marked with `m`, listed with `'`. A bookmark whose
//! paragraph is gone after the content changed is kept and shown as
//! missing, never dropped.

use crate::content::{Anchor, Library};
use crate::state::Spot;

#[derive(Debug, Default)]
pub struct Bookmarks {
    pub marks: Vec<Spot>,
    /// Removed this session: a merge with another reader's file must not
    /// bring them back.
    pub deleted: Vec<Spot>,
    /// The one selected in the list.
    pub selected: usize,
    /// Changed since the last save.
    pub changed: bool,
    /// Where each bookmark is in the content now (None: gone), found when
    /// the list opens, not while it is drawn.
    pub found: Vec<Option<Anchor>>,
}

impl Bookmarks {
    /// Marks the paragraph, or unmarks it; true when it is now marked.
    pub fn toggle(&mut self, lib: &Library, anchor: Anchor) -> bool {
        let spot = Spot::of(lib, anchor, 0);
        self.changed = true;
        if let Some(i) = self.marks.iter().position(|m| m.same(&spot)) {
            self.deleted.push(self.marks.remove(i));
            false
        } else {
            self.deleted.retain(|d| !d.same(&spot));
            self.marks.push(spot);
            true
        }
    }

    /// Deletes the selected bookmark.
    pub fn delete(&mut self) {
        if self.selected < self.marks.len() {
            self.deleted.push(self.marks.remove(self.selected));
            if self.selected < self.found.len() {
                self.found.remove(self.selected);
            }
            self.changed = true;
            self.select(self.selected);
        }
    }

    /// Finds every bookmark in the content, for the list.
    pub fn locate(&mut self, lib: &Library) {
        self.found = self.marks.iter().map(|m| m.resolve(lib)).collect();
    }

    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.marks.len().saturating_sub(1));
    }

    /// Is this paragraph marked?
    #[must_use]
    pub fn has(&self, lib: &Library, anchor: Anchor) -> bool {
        let path = &lib.node(anchor.node).path;
        self.marks
            .iter()
            .any(|m| &m.node == path && m.field == anchor.field)
    }
}
