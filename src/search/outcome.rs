//! What a search gives back: hits ranked by a packed key, the outcome of
//! one query, and the generation counter that cancels an older query.

use std::sync::atomic::{AtomicU64, Ordering};

use super::Tier;

/// How one hit ranks, best first. A query of several words ranks first
/// by them: a text holding a phrase as typed, then the words' weight
/// (rarer words and words in headings weigh more), then how close
/// together they stand. Then, as for one word: an exact heading or place
/// match, a match through the characters' readings in context above one
/// through another reading of a heteronym, headings above body,
/// contiguous above scattered, tighter, earlier, and the reading order
/// for ties. Packed into one integer so that ranking a hundred thousand
/// hits compares numbers, not tuples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank(u128);

impl Outcome {
    /// The query the hits answer: the corrected one, if any; for several
    /// words, those the hits hold, apart.
    #[must_use]
    pub fn answered(&self) -> std::borrow::Cow<'_, str> {
        if let Some(words) = &self.words {
            let held: Vec<&str> = words
                .looked_for
                .iter()
                .filter(|w| !words.missing.contains(w))
                .map(String::as_str)
                .collect();
            return held.join(" ").into();
        }
        self.corrected.as_deref().unwrap_or(&self.query).into()
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

    /// The words' part above a one-word rank: `phrase`, a text holding a
    /// phrase as typed; `weight`, the words' summed weight; `span`, the
    /// bytes the words stand within (closer is better).
    pub(super) fn with_words(self, phrase: bool, weight: u32, span: u32) -> Self {
        let words = (u64::from(phrase) << 63)
            | (u64::from(weight.min(u32::MAX >> 1)) << 32)
            | u64::from(u32::MAX - span);
        Rank((u128::from(words) << 64) | (self.0 & u128::from(u64::MAX)))
    }

    /// Whether the words' part says a phrase as typed stands in the text.
    #[must_use]
    pub fn holds_phrase(self) -> bool {
        self.0 >> 127 == 1
    }

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
        Rank(u128::from(key))
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
    pub fn score(self) -> u128 {
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
    /// For a query of several words: which were looked for and how the
    /// hits hold them.
    pub words: Option<Words>,
    /// For each hit, the words of [`Words::looked_for`] it holds (bit n for
    /// the nth), in its text or, for a section, in the section's.
    pub hit_words: Vec<u64>,
}

/// How a query of several words was answered: every word in one
/// paragraph; where none holds them all, in one section; where none does
/// either, the most words, the commonest left out first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// The words looked for, in the order typed.
    pub looked_for: Vec<String>,
    /// Words of a question that carry no topic: shown, not looked for.
    pub dropped: Vec<String>,
    /// Words looked for that the hits lack: in no text at all, or left out
    /// as the commonest when no text held them all.
    pub missing: Vec<String>,
    /// The hits are sections holding the words between their heading and
    /// paragraphs, not single paragraphs.
    pub sections: bool,
}

impl Words {
    /// What the count stands beside, in words: `含全部词`, `含 2/3 个词
    /// （缺：怎么）`, the words dropped after; empty for one word found.
    #[must_use]
    pub fn said(&self) -> String {
        let n = self.looked_for.len();
        let mut out = if n == 0 {
            "只有虚词".to_owned()
        } else if self.missing.is_empty() {
            if n == 1 {
                String::new()
            } else if self.sections {
                "全部词在同一节".to_owned()
            } else {
                "含全部词".to_owned()
            }
        } else {
            let within = if self.sections { "同一节" } else { "" };
            format!(
                "{within}含 {}/{n} 个词（缺：{}）",
                n - self.missing.len(),
                self.missing.join("、")
            )
        };
        if !self.dropped.is_empty() {
            if !out.is_empty() {
                out.push_str(" · ");
            }
            out.push_str("略：");
            out.push_str(&self.dropped.join("、"));
        }
        out
    }
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

impl TermMatch {
    /// A match that says nothing of how: for a text ranked by its words'
    /// weight alone.
    pub(super) const NONE: TermMatch = TermMatch {
        contiguous: true,
        gap: 0,
        first: 0,
        in_context: true,
        whole: true,
        covers: 0,
    };
}
