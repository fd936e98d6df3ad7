//! A query asked of many short texts that no index holds (notes, their
//! quotes): which words each holds, by the rule search uses for a
//! paragraph.

use super::Query;
use crate::content::Library;

/// A query read once, to ask of many short texts (notes, their quotes)
/// which words each holds, by the rule search uses for a paragraph: cut
/// into words the same way, each word as typed, as a place it names, or
/// read as pinyin. Where no text holds every word, the texts holding the
/// most, the rarer words first, are kept: [`TextMatcher::kept`].
pub struct TextMatcher {
    query: Query,
}

impl TextMatcher {
    #[must_use]
    pub fn new(query: &str, lib: &Library) -> Self {
        let script = super::script::Script::Either;
        let mut query = Query::parse(query, lib).into_words(lib, script);
        query.terms.truncate(super::MAX_WORDS);
        TextMatcher { query }
    }

    /// Every word: the mask a text holding them all has.
    #[must_use]
    pub fn all(&self) -> u64 {
        (1u64 << self.query.terms.len()) - 1
    }

    /// Which words `text` holds, bit n for the nth.
    #[must_use]
    pub fn held(&self, text: &str) -> u64 {
        let readings = super::pinyin::Readings::shared();
        let mut sets: Option<Vec<u16>> = None;
        let mut out = 0;
        for (i, term) in self.query.terms.iter().enumerate() {
            let found = term.find_in(text).is_some()
                || (!term.exact && term.find_place(text).is_some())
                || term.letters.as_ref().is_some_and(|letters| {
                    let sets = sets.get_or_insert_with(|| {
                        let mut out = vec![0; text.chars().count()];
                        let n = readings.sets_into(text, &mut out);
                        out.truncate(n);
                        out
                    });
                    readings.find(sets.as_slice(), letters, u32::MAX).is_some()
                });
            if found {
                out |= 1 << i;
            }
        }
        out
    }

    /// Whether `text` holds every word (and there is one).
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        !self.query.terms.is_empty() && self.held(text) == self.all()
    }

    /// Which of the texts (by the words each holds) the rule keeps: those
    /// holding every word; if none does, those holding the most, a word
    /// fewer texts hold counting for more.
    #[must_use]
    pub fn kept(&self, held: &[u64]) -> Vec<bool> {
        let all = self.all();
        let chosen = if held.contains(&all) {
            all
        } else {
            let idf: Vec<u32> = (0..self.query.terms.len())
                .map(|i| {
                    let n = held.iter().filter(|&&h| h & (1 << i) != 0).count();
                    super::ranked::idf(n, held.len())
                })
                .collect();
            let weight = |m: u64| {
                let w: u32 = (0..idf.len())
                    .filter(|&i| m & (1 << i) != 0)
                    .map(|i| idf[i])
                    .sum();
                (m.count_ones(), w)
            };
            held.iter().copied().max_by_key(|&m| weight(m)).unwrap_or(0)
        };
        held.iter()
            .map(|&h| chosen != 0 && h & chosen == chosen)
            .collect()
    }
}
