//! What the reader remembers between sessions, per collection: where you
//! were, the measure, the open tree nodes, the last searches, bookmarks
//! and how far you read in each article. Kept against the text (a node's
//! path and a field), never a line number, so it survives resizes and
//! content edits. Knows nothing of the terminal; `store` reads and writes it.

pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Anchor, Field, Library};

/// The file format; a file from a newer one is set aside, not read.
pub const FORMAT: u32 = 1;
/// Searches kept.
pub const SEARCHES: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Saved {
    pub format: u32,
    /// The view shown; one this version does not have is passed over.
    #[serde(deserialize_with = "known_view")]
    pub view: Option<crate::view::View>,
    /// The text at the top of the reader.
    pub at: Option<Spot>,
    pub measure: Option<usize>,
    /// Paths of the open tree nodes.
    pub expanded: Vec<String>,
    /// Oldest first.
    pub searches: Vec<String>,
    pub bookmarks: Vec<Spot>,
    /// Article id → how far through it the reader got, in percent.
    pub progress: BTreeMap<String, u8>,
}

/// A view by its saved name; a name from another version is no view.
fn known_view<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::view::View>, D::Error> {
    let name = Option::<String>::deserialize(d)?;
    Ok(name.and_then(|n| crate::view::View::all().find(|v| v.name() == n)))
}

/// A spot in the text: a node by path, one of its fields, a byte in it;
/// for a bookmark, the first words, to show it even if the text is gone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub node: String,
    pub field: Field,
    #[serde(default)]
    pub byte: usize,
    #[serde(default)]
    pub excerpt: String,
}

impl Spot {
    /// The spot of an anchor in a library.
    #[must_use]
    pub fn of(lib: &Library, anchor: Anchor, byte: usize) -> Self {
        let excerpt = lib
            .text(anchor)
            .map(|t| t.chars().take(24).collect())
            .unwrap_or_default();
        Spot {
            node: lib.node(anchor.node).path.clone(),
            field: anchor.field,
            byte,
            excerpt,
        }
    }

    /// The anchor it points at, if the text is still there.
    #[must_use]
    pub fn resolve(&self, lib: &Library) -> Option<Anchor> {
        let anchor = Anchor {
            node: lib.find(&self.node)?,
            field: self.field,
        };
        lib.text(anchor).map(|_| anchor)
    }

    /// The same place, whatever byte or excerpt each was saved with.
    #[must_use]
    pub fn same(&self, other: &Spot) -> bool {
        self.node == other.node && self.field == other.field
    }
}

impl Saved {
    /// Ours, with what another reader wrote meanwhile: the bookmarks of
    /// both (less those we deleted), the searches of both (ours the newest),
    /// progress of both (ours where both read); where we are, ours.
    #[must_use]
    pub fn merged(mut self, theirs: Saved, deleted: &[Spot]) -> Saved {
        for mark in theirs.bookmarks {
            if !deleted.iter().any(|d| d.same(&mark))
                && !self.bookmarks.iter().any(|b| b.same(&mark))
            {
                self.bookmarks.push(mark);
            }
        }
        let mut searches: Vec<String> = theirs
            .searches
            .into_iter()
            .filter(|s| !self.searches.contains(s))
            .collect();
        searches.append(&mut self.searches);
        let drop = searches.len().saturating_sub(SEARCHES);
        searches.drain(..drop);
        self.searches = searches;
        for (article, percent) in theirs.progress {
            self.progress.entry(article).or_insert(percent);
        }
        self.format = FORMAT;
        self
    }
}

/// Adds a search to the history, newest last, once.
pub fn remember_search(searches: &mut Vec<String>, query: &str) {
    let query = query.trim();
    if query.is_empty() {
        return;
    }
    searches.retain(|s| s != query);
    searches.push(query.to_owned());
    let drop = searches.len().saturating_sub(SEARCHES);
    searches.drain(..drop);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A bookmark on a node's first paragraph, for the tests.
    pub(crate) fn mark(node: &str) -> Spot {
        Spot {
            node: node.into(),
            field: Field::Paragraph(0),
            byte: 0,
            excerpt: String::new(),
        }
    }

    #[test]
    fn merging_keeps_both_readers_bookmarks_but_not_a_deleted_one() {
        let ours = Saved {
            bookmarks: vec![mark("a")],
            searches: vec!["nb".into()],
            ..Saved::default()
        };
        let theirs = Saved {
            bookmarks: vec![mark("b"), mark("c"), mark("a")],
            searches: vec!["austin".into(), "nb".into()],
            ..Saved::default()
        };
        let merged = ours.merged(theirs, &[mark("c")]);
        let nodes: Vec<&str> = merged.bookmarks.iter().map(|b| b.node.as_str()).collect();
        assert_eq!(nodes, ["a", "b"]);
        assert_eq!(merged.searches, ["austin", "nb"]);
    }

    #[test]
    fn the_history_keeps_the_last_hundred_newest_last() {
        let mut searches = Vec::new();
        for i in 0..150 {
            remember_search(&mut searches, &format!("q{i}"));
        }
        remember_search(&mut searches, "q60");
        assert_eq!(searches.len(), SEARCHES);
        assert_eq!(searches.last().map(String::as_str), Some("q60"));
        assert_eq!(searches.first().map(String::as_str), Some("q50"));
    }
}
