//! Bookmarks: paragraphs marked with `m`, listed with `'`. A bookmark whose
//! paragraph is gone after the content changed is kept and shown as
//! missing, never dropped.

use crate::action::Action;
use std::collections::HashSet;

use crate::content::{Anchor, Field, Library};
use crate::state::{Spot, now_ms};

#[derive(Debug, Default)]
pub struct Bookmarks {
    pub marks: Vec<Spot>,
    /// Tombstones: removed here or by another reader, each with when, so a
    /// merge with another reader's file does not bring them back.
    pub deleted: Vec<Spot>,
    /// The one selected in the list.
    pub selected: usize,
    /// Where each bookmark is in the content now (None: gone), found when
    /// the list opens, not while it is drawn.
    pub found: Vec<Option<Anchor>>,
    /// Each bookmark's paragraph, so drawing a line asks a set, not the list.
    marked: HashSet<(String, Field)>,
}

/// What an action in the list asks of the rest of the app.
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

impl Bookmarks {
    /// Moves through the list, opens or deletes the selected bookmark.
    pub fn update(&mut self, action: &Action, lib: &Library) -> Next {
        match action {
            Action::ResultDown => self.select(self.selected + 1),
            Action::ResultUp => self.select(self.selected.saturating_sub(1)),
            Action::DeleteBookmark if self.selected < self.marks.len() => {
                self.delete();
                return Next::Changed;
            }
            Action::Close => return Next::Close,
            Action::OpenBookmarkAt(i) => {
                self.select(*i);
                return self.update(&Action::OpenResult, lib);
            }
            Action::OpenResult => {
                let Some(mark) = self.marks.get(self.selected) else {
                    return Next::Stay;
                };
                return mark.resolve(lib).map_or(Next::Gone, Next::Go);
            }
            _ => {}
        }
        Next::Stay
    }

    /// Marks the paragraph, or unmarks it; true when it is now marked.
    pub fn toggle(&mut self, lib: &Library, anchor: Anchor) -> bool {
        let spot = Spot {
            marked: now_ms(),
            ..Spot::of(lib, anchor, 0)
        };
        if let Some(i) = self.marks.iter().position(|m| m.same(&spot)) {
            self.forget(i);
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
    fn forget(&mut self, i: usize) {
        let mut gone = self.marks.remove(i);
        self.marked.remove(&(gone.node.clone(), gone.field));
        gone.marked = now_ms();
        self.deleted.push(gone);
    }

    /// Deletes the selected bookmark.
    pub fn delete(&mut self) {
        if self.selected < self.marks.len() {
            self.forget(self.selected);
            if self.selected < self.found.len() {
                self.found.remove(self.selected);
            }
            self.select(self.selected);
        }
    }

    /// What the state file holds after a save (or at the start), another
    /// reader's marks and deletions included: kept whole, so the next save
    /// of an unchanged list finds the file as it left it.
    pub fn saved(&mut self, marks: Vec<Spot>, deleted: Vec<Spot>, lib: &Library) {
        self.marked = marks.iter().map(|m| (m.node.clone(), m.field)).collect();
        self.marks = marks;
        self.deleted = deleted;
        self.locate(lib);
        self.select(self.selected);
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
        self.marked.contains(&(path.clone(), anchor.field))
    }
}
