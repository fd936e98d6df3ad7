//! A growing collection: what a state held in the part shown before, found
//! again in the larger part that replaces it, by path (nodes) and id
//! (articles, places), so each state re-targets itself in place.

use crate::content::{Anchor, Library, NodeId, PlaceId};

pub struct Rebase<'a> {
    pub old: &'a Library,
    pub new: &'a Library,
}

impl Rebase<'_> {
    /// The same node in the new collection.
    #[must_use]
    pub fn node(&self, node: NodeId) -> Option<NodeId> {
        let path = &self.old.nodes.get(node)?.path;
        // A part is the start of the whole: the same id, nearly always.
        if self.new.nodes.get(node).is_some_and(|n| &n.path == path) {
            return Some(node);
        }
        self.new.find(path)
    }

    /// The same text, if it is still there.
    #[must_use]
    pub fn anchor(&self, anchor: Anchor) -> Option<Anchor> {
        let moved = Anchor {
            node: self.node(anchor.node)?,
            field: anchor.field,
        };
        self.new.text(moved).map(|_| moved)
    }

    /// The text is the same, node for node: only the places grew (those
    /// the gazetteer finds, arriving behind the first frame).
    #[must_use]
    pub fn same_text(&self) -> bool {
        self.old.nodes.len() == self.new.nodes.len()
            && self.old.articles.len() == self.new.articles.len()
    }

    /// The same place of the place list, by its id.
    #[must_use]
    pub fn place(&self, place: PlaceId) -> Option<PlaceId> {
        let id = &self.old.places.get(place)?.id;
        self.new.places.iter().position(|p| &p.id == id)
    }
}
