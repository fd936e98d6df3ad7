//! Search over a whole collection: titles, headings, labels, paragraphs and
//! places, by hanzi, Latin, pinyin or English place name. Knows nothing of
//! the terminal; the reader and `zhizao search` share it.

mod build;
mod correct;
mod entry;
mod heteronyms;
mod highlight;
mod lone;
mod matcher;
mod matching;
mod outcome;
mod packed;
pub mod pinyin;
mod places;
mod query;
mod ranked;
mod scan;
mod script;
pub(crate) use script::is_hanzi;
pub mod words;

use scan::{Candidates, Part};
use std::cmp::Reverse;
use std::sync::Arc;

use crate::content::{Anchor, Library, NodeId, PlaceId};
use build::Sets;
use entry::Entry;
pub use highlight::char_positions;
pub use matcher::TextMatcher;
pub use outcome::{Generation, Hit, Outcome, Rank, Words};
use packed::EntrySets;
pub use query::{Query, Term};
pub use ranked::MAX_WORDS;

/// What a search entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A piece of the authors' text.
    Field(Anchor),
    /// Our short label of a node, where it says more than the heading.
    Label(NodeId),
    Place(PlaceId),
}

/// Headings rank above body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Body,
    Heading,
}

/// The collection, prepared for searching: each entry's text stays in the
/// library; the index adds one reading-set code per character.
pub struct SearchIndex {
    lib: Arc<Library>,
    entries: Vec<Entry>,
    /// Every entry's reading sets, one per character, end to end. None in
    /// an index built for one query: each entry's are worked out as it is
    /// tried.
    sets: Option<packed::Packed>,
    readings: &'static pinyin::Readings,
    /// Where each article's entries start (they are in reading order), and
    /// where the places' start last: one article's marks cost that article.
    article_starts: Vec<u32>,
    /// The script the collection is printed in, found the first time a
    /// query has hanzi.
    script: std::sync::OnceLock<script::Script>,
    /// The latest words' matches, for a query of several words.
    postings: ranked::Postings,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("articles", &self.lib.articles.len())
            .finish_non_exhaustive()
    }
}

const CHECK_EVERY: usize = 512;

/// The longest query searched, in characters: far past any phrase a reader
/// looks for; a longer one (a paste gone wrong) matches nothing at no cost.
pub const MAX_QUERY: usize = 2048;

impl SearchIndex {
    /// The reader's index, searched as each key is typed: it stores the
    /// reading sets from 48 MiB of paragraphs, where keys would be felt
    /// without them, and otherwise works them out as each entry is tried.
    #[must_use]
    pub fn new(lib: Arc<Library>) -> Self {
        let text = lib.nodes.iter().map(|n| n.paragraphs.bytes()).sum();
        Self::build(lib, Sets::for_text(text), true)
    }

    /// An index that stores its reading sets whatever the size: the
    /// reader's for a large collection.
    #[must_use]
    pub fn storing_sets(lib: Arc<Library>) -> Self {
        Self::build(lib, Sets::Stored, true)
    }

    /// An index for one query, as `zhizao search` runs: reading sets are
    /// worked out as each entry is tried, which for a single pass over the
    /// text costs less than storing them all first.
    #[must_use]
    pub fn for_one_query(lib: Arc<Library>) -> Self {
        Self::build(lib, Sets::OnDemand, true)
    }

    /// An index of the places alone, for finding one by any name.
    #[must_use]
    pub fn for_places(lib: Arc<Library>) -> Self {
        Self::build(lib, Sets::Stored, false)
    }

    #[must_use]
    pub fn library(&self) -> &Arc<Library> {
        &self.lib
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[must_use]
    #[cfg(test)]
    pub(crate) fn readings(&self) -> &pinyin::Readings {
        self.readings
    }

    #[must_use]
    pub fn target(&self, entry: u32) -> Target {
        self.entries[entry as usize].target()
    }

    /// Where an entry lives: a node's path, or `place:ID`.
    #[must_use]
    pub fn path(&self, entry: u32) -> String {
        match self.target(entry) {
            Target::Field(a) => self.lib.node(a.node).path.clone(),
            Target::Label(n) => self.lib.node(n).path.clone(),
            Target::Place(p) => format!("place:{}", self.lib.places[p].id),
        }
    }

    /// Article › part › item for a node; 地点 › name (English) for a place.
    #[must_use]
    pub fn breadcrumb(&self, entry: u32) -> String {
        match self.target(entry) {
            Target::Field(a) => self.lib.breadcrumb(a.node),
            Target::Label(n) => self.lib.breadcrumb(n),
            Target::Place(p) => {
                let place = &self.lib.places[p];
                // The country as the picker names it.
                format!(
                    "地点 › {}（{}，{}）",
                    place.name, place.english, place.country_zh
                )
            }
        }
    }

    /// The text an entry searches.
    #[must_use]
    pub fn text(&self, entry: u32) -> &str {
        match self.target(entry) {
            Target::Field(a) => self.lib.text(a).unwrap_or_default(),
            Target::Label(n) => self.lib.node(n).label(),
            Target::Place(p) => &self.lib.places[p].name,
        }
    }

    /// Calls `f` with an entry's reading sets: stored, or, in an index
    /// built for one query, worked out now from its text into a buffer each
    /// thread keeps.
    fn with_sets<'a, R>(
        &self,
        entry: u32,
        text: &dyn Fn() -> &'a str,
        f: impl FnOnce(EntrySets) -> R,
    ) -> R {
        thread_local! {
            static SETS: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let Some(packed) = &self.sets else {
            let text = text();
            return SETS.with_borrow_mut(|sets| {
                sets.clear();
                sets.resize(text.len(), 0);
                let n = self.readings.sets_into(text, sets);
                f(EntrySets::Worked(&sets[..n]))
            });
        };
        f(EntrySets::Packed(
            packed.entry(&self.entries, entry as usize),
        ))
    }

    /// Runs a query: every entry that all its terms match, the best `limit`
    /// ranked. `previous`, the outcome of a query this one extends, narrows
    /// the work to what matched before. Returns `None` when `generation`
    /// moved past `mine` (a newer query arrived).
    #[must_use]
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        previous: Option<&Outcome>,
        cancel: Option<(&Generation, u64)>,
    ) -> Option<Outcome> {
        self.search_from(query, limit, previous, cancel).ok()
    }

    /// [`Self::search`], saying what a stopped search had narrowed to: an
    /// outcome with no hits whose matched entries are every entry it
    /// matched and every one it had not reached. A longer query typed
    /// before it finished starts from that, not from the whole collection.
    ///
    /// # Errors
    /// Stopped by a newer query: the narrowing, if it got that far.
    pub fn search_from(
        &self,
        query: &str,
        limit: usize,
        previous: Option<&Outcome>,
        cancel: Option<(&Generation, u64)>,
    ) -> Result<Outcome, Option<Box<Outcome>>> {
        if query.chars().nth(MAX_QUERY).is_some() {
            return Ok(Outcome {
                query: query.to_owned(),
                ..Outcome::default()
            });
        }
        let found = self.run(query, limit, previous, cancel)?;
        if found.total() > 0 {
            return Ok(found);
        }
        Ok(self.corrected(query, limit, cancel).unwrap_or(found))
    }

    /// [`Self::search`] without the second try: as words, and where that
    /// finds nothing, as characters in order; a run of pinyin found
    /// nowhere whole, as the words it spells.
    fn run(
        &self,
        query: &str,
        limit: usize,
        previous: Option<&Outcome>,
        cancel: Option<(&Generation, u64)>,
    ) -> Result<Outcome, Option<Box<Outcome>>> {
        self.run_spelling(query, limit, previous, cancel, true)
    }

    /// [`Self::run`]; `spell`: a run of pinyin found nowhere whole is
    /// tried as words (not for a correction's variants: each would cost
    /// scans of its own).
    fn run_spelling(
        &self,
        query: &str,
        limit: usize,
        previous: Option<&Outcome>,
        cancel: Option<(&Generation, u64)>,
        spell: bool,
    ) -> Result<Outcome, Option<Box<Outcome>>> {
        let script = self.script_for(query);
        let mut parsed = Query::parse_in(query, &self.lib, script).into_words(&self.lib, script);
        parsed.terms.truncate(MAX_WORDS);
        self.code_terms(&mut parsed);
        if parsed.terms.is_empty() && !parsed.dropped.is_empty() {
            // Only words that carry no topic: said, not matched everywhere.
            return Ok(Outcome {
                query: query.to_owned(),
                words: Some(Words {
                    dropped: parsed.dropped,
                    ..Words::default()
                }),
                ..Outcome::default()
            });
        }
        if parsed.is_words() {
            return self.run_words(&parsed, query, limit, previous, cancel);
        }
        // What a shorter query matched, whole or as characters apart,
        // bounds a longer one's whole words (宁波创新 holds 宁波创 either
        // way). Not its characters apart: those may lie further apart, in
        // a longer term's wider window.
        // One of several words (its outcome says which) bounds this one
        // only if this one holds them all.
        let reuse = previous.filter(|p| {
            let shorter = || Query::parse_in(&p.query, &self.lib, self.script_for(&p.query));
            if p.words.is_some() {
                return self.narrows_to(p, &parsed);
            }
            p.corrected.is_none()
                && Query::extends(query, &p.query)
                && !parsed.names_more_places(&shorter())
        });
        // Else a word's matches kept from a query of several words that
        // this one types on from (`shenzhen` for `shenzhenchu`).
        let kept = match (reuse, parsed.terms.as_slice()) {
            (None, [term]) => self.postings.narrowest_for(term),
            _ => None,
        };
        let from = reuse
            .map(|p| p.matched.as_slice())
            .or(kept.as_deref().map(Vec::as_slice));
        let found = self.run_parsed(&parsed, query, limit, from, cancel)?;
        // What a word matched is its matches: kept for a query of several
        // words that holds it, or a longer one typed on from it.
        if let [term] = parsed.terms.as_slice() {
            self.postings
                .keep_for(term, &found.matched, self.entries.len());
        }
        if found.total() == 0
            && spell
            && let Some((mut words, sure)) = self.spelled_words(&parsed, cancel)?
        {
            self.code_terms(&mut words);
            let as_words = self.run_words(&words, query, limit, previous, cancel)?;
            let together = as_words
                .words
                .as_ref()
                .is_some_and(|w| w.missing.is_empty() && !w.sections);
            if sure || (together && as_words.total() > 0) {
                return Ok(as_words);
            }
        }
        if found.total() > 0 || !parsed.can_scatter() {
            return Ok(found);
        }
        parsed.scattered = true;
        self.run_parsed(&parsed, query, limit, None, cancel)
    }

    fn run_parsed(
        &self,
        parsed: &Query,
        query: &str,
        limit: usize,
        from: Option<&[u32]>,
        cancel: Option<(&Generation, u64)>,
    ) -> Result<Outcome, Option<Box<Outcome>>> {
        if parsed.terms.is_empty() {
            return Ok(Outcome {
                query: query.to_owned(),
                ..Outcome::default()
            });
        }
        // Every entry, when nothing narrows the query: ranges, not a list.
        let every = 0..u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let candidates = from.map_or(Candidates::Every(every), Candidates::Listed);
        let cancelled = || cancel.is_some_and(|(g, mine)| g.current() != mine);
        // A lone initial needs no reading sets to match, and ranks only
        // the entries that could make the best `limit`.
        let lone = self.lone(parsed);
        let chunk = candidates.len().div_ceil(crate::threads()).max(4096);
        // Each thread keeps every matching entry (a longer query narrows to
        // them) but only its best `limit` hits, in a small heap: a query that
        // matches most of a big archive costs no vector of every hit.
        let parts: Vec<Option<Part>> = scan::on_shares(candidates.shares(chunk), &|part| {
            self.scan(part, parsed, lone.as_ref(), limit, &cancelled)
        });
        let mut matched = Vec::new();
        let mut hits = Vec::new();
        let mut stopped = false;
        for part in parts {
            let Some((entries, best, cut)) = part else {
                return Err(None);
            };
            stopped |= cut;
            matched.extend(entries);
            hits.extend(
                best.into_iter()
                    .map(|Reverse((rank, entry))| Hit { entry, rank }),
            );
        }
        if stopped {
            return Err(Some(Box::new(Outcome {
                query: query.to_owned(),
                scattered: parsed.scattered,
                matched,
                ..Outcome::default()
            })));
        }
        hits.sort_unstable_by_key(|h| Reverse(h.rank));
        hits.truncate(limit);
        // What each hit shows marked comes from the same matcher, once, here.
        let marks = hits
            .iter()
            .map(|h| self.marks(h.entry, parsed).unwrap_or_default())
            .collect();
        Ok(Outcome {
            query: query.to_owned(),
            corrected: None,
            hits,
            scattered: parsed.scattered,
            marks,
            matched,
            ..Outcome::default()
        })
    }
}

#[cfg(test)]
mod tests;
