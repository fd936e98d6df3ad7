//! What a search gives back: hits ranked by a packed key, the outcome of
//! one query, and the generation counter that cancels an older query.

use std::sync::atomic::{AtomicU64, Ordering};

use super::Tier;

/// How one hit ranks, best first: an exact heading or place match, then a
/// match through the characters' readings in context above one through
/// another reading of a heteronym, headings above body, contiguous above
/// scattered, tighter, earlier, and the reading order for ties. Packed into one integer so that ranking a
/// hundred thousand hits compares numbers, not tuples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank(u64);

impl Outcome {
    /// The query the hits answer: the corrected one, if any.
    #[must_use]
    pub fn answered(&self) -> &str {
        self.corrected.as_deref().unwrap_or(&self.query)
    }

    /// How many entries matched in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.matched.len()
    }
}

impl Rank {
    const GAP_BITS: u32 = 12;
    const COVER_BITS: u32 = 4;
    /// A match this far into a text (256 KiB) ranks as one further on.
    const FIRST_BITS: u32 = 18;
    /// Reading order to 16.7 million entries: 100,000 articles hold about
    /// 11.4 million, and hits past 2^21 (30,000 articles) once tied.
    const ORDER_BITS: u32 = 24;
    #[cfg(test)]
    const LOW: u32 = Self::GAP_BITS + Self::FIRST_BITS + Self::ORDER_BITS;

    pub(super) fn new(exact: bool, how: TermMatch, tier: Tier, entry: u32) -> Self {
        // Smaller gaps, earlier matches and earlier entries rank higher.
        let inverse = |v: u32, bits: u32| ((1u64 << bits) - 1) - u64::from(v).min((1 << bits) - 1);
        let TermMatch {
            contiguous,
            gap,
            first,
            in_context,
            whole,
            covers,
        } = how;
        let mut key = u64::from(exact);
        key = (key << 1) | u64::from(in_context);
        key = (key << 1) | u64::from(whole);
        key = (key << Self::COVER_BITS) | u64::from(covers.min((1 << Self::COVER_BITS) - 1));
        key = (key << 1) | tier as u64;
        key = (key << 1) | u64::from(contiguous);
        key = (key << Self::GAP_BITS) | inverse(gap, Self::GAP_BITS);
        key = (key << Self::FIRST_BITS) | inverse(first, Self::FIRST_BITS);
        key = (key << Self::ORDER_BITS) | inverse(entry, Self::ORDER_BITS);
        Rank(key)
    }

    #[must_use]
    #[cfg(test)]
    pub(crate) fn tier(self) -> Tier {
        if (self.0 >> (Self::LOW + 1)) & 1 == 1 {
            Tier::Heading
        } else {
            Tier::Body
        }
    }

    #[must_use]
    #[cfg(test)]
    pub(crate) fn contiguous(self) -> bool {
        (self.0 >> Self::LOW) & 1 == 1
    }

    /// The rank as one number, larger is better (reading order aside).
    #[must_use]
    pub fn score(self) -> u64 {
        self.0 >> Self::ORDER_BITS
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: u32,
    pub rank: Rank,
}

/// The result of one query.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The query as typed.
    pub query: String,
    /// The one-edit variant of it these results are for, when it found
    /// nothing itself.
    pub corrected: Option<String>,
    /// The best hits, ranked, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// Nothing matched as a word: these match as characters in order.
    pub scattered: bool,
    /// For each hit, the byte ranges of its text the query matched: what
    /// the popup, `zhizao search` and the reader mark.
    pub marks: Vec<Vec<std::ops::Range<usize>>>,
    /// Every matching entry, in index order: what a longer query re-checks.
    pub(super) matched: Vec<u32>,
}

/// Cancels a search when a newer query arrives.
#[derive(Debug, Default)]
pub struct Generation(AtomicU64);

impl Generation {
    pub fn bump(&self) -> u64 {
        self.0.fetch_add(1, Ordering::SeqCst) + 1
    }

    #[must_use]
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// How one term (or all of a query's) matched one text.
#[derive(Debug, Clone, Copy)]
pub(super) struct TermMatch {
    pub contiguous: bool,
    pub gap: u32,
    pub first: u32,
    /// Through each character's reading in context, not another reading;
    /// a pinyin term ending on a whole syllable, not a prefix of one.
    pub in_context: bool,
    pub whole: bool,
    /// Characters an abbreviated pinyin reading covers (`sch` as 市场化
    /// covers three): more ranks higher. Zero for any other match.
    pub covers: u32,
}
