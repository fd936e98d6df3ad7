//! A reader's notebook as the reader holds it: every note of the
//! collection and where its words are now, in reading order; the note gone
//! to last; deletions this session can undo. Each view reads it (to mark
//! passages, to list notes); the app changes it, and every change bumps
//! its generation, so a view that keeps something made from it knows.

use std::ops::Range;

use super::anchor::{in_paragraph, paragraph_spans, split};
use super::{Note, Notebook, Place};
use crate::content::{Anchor, Library, NodeId};

#[derive(Debug, Default)]
pub struct Study {
    pub book: Notebook,
    /// Where each note's words are now, one per note of `book`.
    pub places: Vec<Place>,
    /// The kinds a highlight may have, from the settings.
    pub kinds: Vec<String>,
    /// Live notes in reading order (gone ones last): `}` `{` step through it.
    pub ordered: Vec<usize>,
    /// The note `}` `{` or a jump went to.
    pub current: Option<usize>,
    /// Ids of the notes deleted this session, the latest last: `u` brings
    /// it back.
    undo: Vec<String>,
    /// Bumped by every change: the notes, their places or their order.
    pub generation: u64,
    /// Why the last save of the notes failed, until one succeeds: at the
    /// end of the session the notes are tried once more, then printed.
    pub unsaved: Option<String>,
}

impl Study {
    #[must_use]
    pub fn new(kinds: Vec<String>) -> Self {
        Study {
            kinds,
            ..Study::default()
        }
    }

    /// Takes a notebook (read at the start, or written by a save) and
    /// finds each note's words in `lib`; whether any moved.
    pub fn recall(&mut self, book: Notebook, lib: &Library) -> bool {
        self.book = book;
        self.place(lib)
    }

    /// What the notes file holds after a save (another reader's notes
    /// merged in): the note gone to stays the one gone to.
    pub fn written(&mut self, book: Notebook, lib: &Library) {
        self.unsaved = None;
        let current = self
            .current
            .and_then(|i| self.book.notes.get(i))
            .map(|n| n.id.clone());
        self.recall(book, lib);
        self.current = current.and_then(|id| self.book.notes.iter().position(|n| n.id == id));
    }

    /// Finds every note's words again (the collection grew or changed),
    /// taking the quotes as the text is now; whether any moved, and so
    /// is worth writing back.
    pub fn place(&mut self, lib: &Library) -> bool {
        let (places, moved) = self.book.anchor_in(lib);
        self.places = places;
        self.refresh(lib);
        moved
    }

    /// The kind's place in the settings' list (a kind no longer listed is
    /// the first).
    #[must_use]
    pub fn kind_index(&self, kind: &str) -> usize {
        self.kinds.iter().position(|k| k == kind).unwrap_or(0)
    }

    pub fn add(&mut self, lib: &Library, note: Note) -> usize {
        self.book.notes.push(note);
        let i = self.book.notes.len() - 1;
        self.places.push(Place::Gone);
        self.place(lib);
        // Not `current`: that is the note `}` `{` went to, and `}` from
        // here goes to a new note on screen first, not past it.
        i
    }

    /// Gives note `i` these words and kind; a draft when the reader did
    /// not save it (the editor open at a quit), else no longer one.
    pub fn edit(&mut self, lib: &Library, i: usize, text: &str, kind: &str, draft: bool) {
        if let Some(note) = self.book.notes.get_mut(i) {
            text.clone_into(&mut note.text);
            kind.clone_into(&mut note.kind);
            note.draft = draft;
            note.modified = crate::state::now_ms().max(note.modified + 1);
            note.edited = note.modified;
        }
        self.refresh(lib);
    }

    pub fn delete(&mut self, lib: &Library, i: usize) {
        if let Some(note) = self.book.notes.get_mut(i) {
            note.deleted = true;
            note.modified = crate::state::now_ms().max(note.modified + 1);
            self.undo.push(note.id.clone());
        }
        if self.current == Some(i) {
            self.current = None;
        }
        self.refresh(lib);
    }

    /// Brings back the note deleted last this session; which one.
    pub fn undo(&mut self, lib: &Library) -> Option<usize> {
        let id = self.undo.pop()?;
        let i = self.book.notes.iter().position(|n| n.id == id)?;
        let note = &mut self.book.notes[i];
        note.deleted = false;
        note.modified = crate::state::now_ms().max(note.modified + 1);
        self.place(lib);
        self.current = Some(i);
        Some(i)
    }

    /// Each live note's place in `node`'s text: `(note, bytes)`.
    pub fn in_node(&self, node: NodeId) -> impl Iterator<Item = (usize, &Range<usize>)> {
        self.places
            .iter()
            .enumerate()
            .filter_map(move |(i, p)| match p {
                Place::At(n, bytes) if *n == node && !self.book.notes[i].deleted => {
                    Some((i, bytes))
                }
                _ => None,
            })
    }

    /// Where a note starts, as the reader's paragraph and byte in it.
    #[must_use]
    pub fn anchor(&self, lib: &Library, i: usize) -> Option<(Anchor, usize)> {
        let Some(Place::At(node, bytes)) = self.places.get(i) else {
            return None;
        };
        in_paragraph(lib, *node, bytes.start)
    }

    /// Orders the notes after any change.
    pub fn refresh(&mut self, lib: &Library) {
        let key = |i: usize| match &self.places[i] {
            Place::At(node, bytes) => (0, lib.node(*node).article, *node, bytes.start),
            Place::Gone => (1, 0, 0, i),
        };
        let mut ordered: Vec<usize> = self.book.live().map(|(i, _)| i).collect();
        ordered.sort_by_key(|&i| key(i));
        self.ordered = ordered;
        self.generation += 1;
    }

    /// Live notes whose note holds the words of `query` (as hanzi or
    /// pinyin) by search's rule: every word, or where no note has them
    /// all, the most. In reading order: what the search popup lists.
    #[must_use]
    pub fn matching(&self, query: &str, lib: &Library) -> Vec<usize> {
        let query = query.trim();
        if query.is_empty() || self.ordered.is_empty() {
            return Vec::new();
        }
        let matcher = crate::search::TextMatcher::new(query, lib);
        let held: Vec<u64> = self
            .ordered
            .iter()
            .map(|&i| matcher.held(&self.book.notes[i].text))
            .collect();
        let kept = matcher.kept(&held);
        self.ordered
            .iter()
            .zip(kept)
            .filter_map(|(&i, keep)| keep.then_some(i))
            .collect()
    }

    /// The next (or previous) note in reading order from the current one,
    /// or from the reader's `at` (article, node, byte) when there is none.
    #[must_use]
    pub fn step(
        &self,
        lib: &Library,
        forward: bool,
        at: Option<(usize, NodeId, usize)>,
    ) -> Option<usize> {
        let placed: Vec<usize> = self
            .ordered
            .iter()
            .copied()
            .filter(|&i| matches!(self.places[i], Place::At(..)))
            .collect();
        let key = |i: usize| match &self.places[i] {
            Place::At(node, bytes) => (lib.node(*node).article, *node, bytes.start),
            Place::Gone => (usize::MAX, 0, 0),
        };
        let from = match (self.current.filter(|c| placed.contains(c)), at) {
            (Some(c), _) => key(c),
            // From where the reader is: the first note not wholly above
            // the top line (one that starts there, or above it and runs
            // onto the screen, is the next to go to).
            (None, Some(at)) if forward => {
                let end = |i: usize| match &self.places[i] {
                    Place::At(node, bytes) => (lib.node(*node).article, *node, bytes.end),
                    Place::Gone => (usize::MAX, 0, 0),
                };
                return placed.iter().copied().find(|&i| end(i) > at);
            }
            (None, Some(at)) => at,
            (None, None) => return placed.first().copied(),
        };
        if forward {
            placed.iter().copied().find(|&i| key(i) > from)
        } else {
            placed.iter().rev().copied().find(|&i| key(i) < from)
        }
    }
}

impl Study {
    /// Each live note's words in `node`, split by paragraph: `(paragraph's
    /// anchor, bytes of it, note)`; what the reader marks.
    #[must_use]
    pub fn paragraph_marks(
        &self,
        lib: &Library,
        node: NodeId,
    ) -> Vec<(Anchor, Range<usize>, usize)> {
        let mut marks: Vec<(Anchor, Range<usize>, usize)> = Vec::new();
        let mut spans: Option<Vec<Range<usize>>> = None;
        for (i, bytes) in self.in_node(node) {
            let spans = spans.get_or_insert_with(|| paragraph_spans(lib, node));
            marks.extend(split(node, spans, bytes).map(|(a, r)| (a, r, i)));
        }
        marks
    }
}
