//! What the reader remembers between sessions, per collection: where you
//! were, the measure, the open tree nodes, the last searches, bookmarks
//! and how far you read in each article. Kept against the text (a node's
//! path and a field), never a line number, so it survives resizes and
//! content edits. Knows nothing of the terminal; `store` reads and writes it.

pub mod bookmarks;
pub mod store;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::content::{Anchor, Field, Library};

/// The file format; a file from a newer one is set aside, not read. 2:
/// bookmarks carry the time they were made, deletions are kept as
/// tombstones with theirs.
pub const FORMAT: u32 = 2;
/// Searches kept.
pub const SEARCHES: usize = 100;
/// How long a deletion is remembered, so a reader opened before it cannot
/// bring the bookmark back: longer than any reader stays open.
const TOMBSTONE_MS: u64 = 180 * 24 * 3600 * 1000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Saved {
    pub format: u32,
    /// The view shown, by its name (`reader`, `compare`, …); a name this
    /// version has no view for is passed over when it is read back.
    pub view: Option<String>,
    /// The text at the top of the reader.
    pub at: Option<Spot>,
    pub measure: Option<usize>,
    /// The settings' measure when `measure` was saved: a measure set in the
    /// settings since wins over the one saved.
    pub measure_from: Option<usize>,
    /// Paths of the open tree nodes.
    pub expanded: Vec<String>,
    /// Oldest first.
    pub searches: Vec<String>,
    pub bookmarks: Vec<Spot>,
    /// Bookmarks deleted, each with the time it was (`marked`): a copy of
    /// one made before that does not come back in a merge.
    pub deleted: Vec<Spot>,
    /// Article id → how far through it the reader got, in percent.
    pub progress: BTreeMap<String, u8>,
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
    /// For a bookmark, when it was made; for a tombstone, when it was
    /// deleted (milliseconds since 1970; 0 in files before format 2).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub marked: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde hands a reference
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Now, in milliseconds since 1970: when a bookmark is made or deleted.
#[must_use]
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
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
            marked: 0,
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
    /// As read from a file: no more searches than are kept, progress within
    /// 100%, each bookmark once, the newest copy of it.
    #[must_use]
    pub fn bounded(mut self) -> Saved {
        let drop = self.searches.len().saturating_sub(SEARCHES);
        self.searches.drain(..drop);
        for percent in self.progress.values_mut() {
            *percent = (*percent).min(100);
        }
        self.merged(Saved::default())
    }

    /// Ours, with what another reader wrote meanwhile: every bookmark and
    /// deletion of both, the newest word on each paragraph winning (a
    /// bookmark made after a deletion stays, one made before it goes); the
    /// searches of both (ours the newest), progress of both (ours where
    /// both read); where we are, ours. Keyed maps: linear in the marks.
    #[must_use]
    pub fn merged(mut self, mut theirs: Saved) -> Saved {
        let horizon = now_ms().saturating_sub(TOMBSTONE_MS);
        // What both hold alike from the start (what we last wrote, when no
        // other reader wrote since) needs no weighing unless a paragraph of
        // it is spoken of again in the rest: a new bookmark costs its own
        // weight, not the whole list's.
        let shared = |a: &[Spot], b: &[Spot]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (sm, st) = (
            shared(&self.bookmarks, &theirs.bookmarks),
            shared(&self.deleted, &theirs.deleted),
        );
        let shared_marks: Vec<Spot> = self.bookmarks.drain(..sm).collect();
        let shared_tombs: Vec<Spot> = self.deleted.drain(..st).collect();
        let marks: Vec<Spot> = self
            .bookmarks
            .drain(..)
            .chain(theirs.bookmarks.drain(sm..))
            .collect();
        let tombs: Vec<Spot> = self
            .deleted
            .drain(..)
            .chain(theirs.deleted.drain(st..))
            .collect();
        let spoken: HashSet<(&str, Field), Fast> = marks
            .iter()
            .chain(&tombs)
            .map(|s| (s.node.as_str(), s.field))
            .collect();
        let (weigh_marks, kept_marks): (Vec<Spot>, Vec<Spot>) = shared_marks
            .into_iter()
            .partition(|s| spoken.contains(&(s.node.as_str(), s.field)));
        let (weigh_tombs, kept_tombs): (Vec<Spot>, Vec<Spot>) = shared_tombs
            .into_iter()
            .partition(|s| spoken.contains(&(s.node.as_str(), s.field)));
        drop(spoken);
        let (won_marks, won_tombs) = weigh(
            weigh_marks.into_iter().chain(marks).collect(),
            weigh_tombs.into_iter().chain(tombs).collect(),
        );
        self.bookmarks = kept_marks.into_iter().chain(won_marks).collect();
        self.deleted = kept_tombs
            .into_iter()
            .chain(won_tombs)
            .filter(|s| s.marked >= horizon)
            .collect();
        self.merge_rest(theirs)
    }

    /// The searches of both (ours the newest) and the progress of both
    /// (ours where both read).
    fn merge_rest(mut self, theirs: Saved) -> Saved {
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

/// A fast hash for our own paths (a file is capped, so nobody can make a
/// merge slow by choosing keys that collide).
type Fast = xxhash_rust::xxh3::Xxh3DefaultBuilder;

/// The newest word on each paragraph: of its marks and tombstones, the one
/// made last (on a tie the deletion, and of two marks the first) is kept.
fn weigh(marks: Vec<Spot>, tombs: Vec<Spot>) -> (Vec<Spot>, Vec<Spot>) {
    let mut newest: HashMap<(&str, Field), usize, Fast> =
        HashMap::with_capacity_and_hasher(marks.len() + tombs.len(), Fast::default());
    let spot_at = |j: usize| {
        if j < marks.len() {
            &marks[j]
        } else {
            &tombs[j - marks.len()]
        }
    };
    for (i, spot) in marks.iter().chain(&tombs).enumerate() {
        let key = (spot.node.as_str(), spot.field);
        let wins = newest.get(&key).is_none_or(|&j| {
            let other = spot_at(j);
            spot.marked > other.marked || (spot.marked == other.marked && i >= marks.len())
        });
        if wins {
            newest.insert(key, i);
        }
    }
    let kept: Vec<bool> = marks
        .iter()
        .chain(&tombs)
        .enumerate()
        .map(|(i, s)| newest.get(&(s.node.as_str(), s.field)) == Some(&i))
        .collect();
    drop(newest);
    let mut kept = kept.into_iter();
    let marks = marks
        .into_iter()
        .filter(|_| kept.next() == Some(true))
        .collect();
    let tombs = tombs
        .into_iter()
        .filter(|_| kept.next() == Some(true))
        .collect();
    (marks, tombs)
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
            marked: 1,
        }
    }

    #[test]
    fn merging_keeps_both_readers_bookmarks_but_not_a_deleted_one() {
        let mut gone = mark("c");
        gone.marked = now_ms();
        let ours = Saved {
            bookmarks: vec![mark("a")],
            deleted: vec![gone],
            searches: vec!["nb".into()],
            ..Saved::default()
        };
        let theirs = Saved {
            bookmarks: vec![mark("b"), mark("c"), mark("a")],
            searches: vec!["austin".into(), "nb".into()],
            ..Saved::default()
        };
        let merged = ours.merged(theirs);
        let nodes: Vec<&str> = merged.bookmarks.iter().map(|b| b.node.as_str()).collect();
        assert_eq!(nodes, ["a", "b"]);
        assert_eq!(merged.searches, ["austin", "nb"]);
        assert_eq!(merged.deleted.len(), 1, "the tombstone is kept");
    }

    #[test]
    fn a_deletion_wins_over_an_older_copy_and_loses_to_a_newer_one() {
        let at = |node: &str, t: u64| Spot {
            marked: t,
            ..mark(node)
        };
        let now = now_ms();
        // Another reader deleted "a" at now; ours still has the copy made
        // before; "b" we made again after their deletion.
        let theirs = Saved {
            deleted: vec![at("a", now), at("b", now - 10)],
            ..Saved::default()
        };
        let ours = Saved {
            bookmarks: vec![at("a", now - 1000), at("b", now)],
            ..Saved::default()
        };
        let merged = ours.merged(theirs);
        let nodes: Vec<&str> = merged.bookmarks.iter().map(|b| b.node.as_str()).collect();
        assert_eq!(nodes, ["b"]);
        let gone: Vec<&str> = merged.deleted.iter().map(|b| b.node.as_str()).collect();
        assert_eq!(gone, ["a"]);
    }

    #[test]
    fn a_file_read_is_held_to_what_is_kept() {
        let saved = Saved {
            searches: (0..100_000).map(|i| format!("q{i}")).collect(),
            progress: [("capital".to_owned(), 200)].into(),
            bookmarks: vec![mark("a"), mark("a")],
            ..Saved::default()
        }
        .bounded();
        assert_eq!(saved.searches.len(), SEARCHES);
        assert_eq!(saved.searches.last().map(String::as_str), Some("q99999"));
        assert_eq!(saved.progress["capital"], 100);
        assert_eq!(saved.bookmarks.len(), 1);
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
