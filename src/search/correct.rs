//! A query of five letters or more that finds nothing is tried again with
//! one slip undone. First the slips of pinyin by ear (one syllable heard as
//! its neighbour: d/t, b/p, g/k, z/zh, c/ch, s/sh, n/l, f/h, n/ng:
//! `aosidin` → `aositin`, 奥斯汀), then a word of a place's English name
//! one edit away (`singapure` → `singapore`), then any one edit (swap,
//! delete, insert, substitute), in that order, which is how often each
//! slip happens: `ningob` → `ningbo`, `shenzen` → `shenzhen`, `munhich` →
//! `munich`. Only variants that read as full pinyin or begin an English
//! place name are searched, and the first that finds something is kept.

use super::{Generation, Outcome, SearchIndex};

/// Shortest query that is corrected.
const MIN_LETTERS: usize = 5;
/// Most variants searched before giving up.
const MAX_TRIES: usize = 60;
/// Longest query corrected: the longest pinyin of a phrase anyone types,
/// and a bound on the variants (a thousand times the length) made.
const MAX_LETTERS: usize = 40;

impl SearchIndex {
    /// The outcome of the first plausible one-edit variant of `query` that
    /// finds something, marked as corrected; None if none does, or the
    /// search was cancelled.
    pub(super) fn corrected(
        &self,
        query: &str,
        limit: usize,
        cancel: Option<(&Generation, u64)>,
    ) -> Option<Outcome> {
        let typed = query.trim();
        if !(MIN_LETTERS..=MAX_LETTERS).contains(&typed.len())
            || !typed.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        let typed = typed.to_ascii_lowercase().into_bytes();
        let mut seen = std::collections::HashSet::new();
        let words = self.place_words(&typed);
        let variants = slips(&typed)
            .chain(words)
            .chain(edits(&typed))
            .filter(|v| v != &typed && seen.insert(v.clone()))
            .filter(|v| self.plausible(v))
            .take(MAX_TRIES);
        for variant in variants {
            if cancel.is_some_and(|(g, mine)| g.current() != mine) {
                return None;
            }
            let text = String::from_utf8(variant).ok()?;
            // Stopped by a newer query: no correction is wanted now.
            let found = self.run_spelling(&text, limit, None, cancel, false).ok()?;
            if found.total() > 0 {
                return Some(Outcome {
                    query: query.to_owned(),
                    corrected: Some(text),
                    ..found
                });
            }
        }
        None
    }

    /// What a corrected search found, as its best hit has it (宁波 for
    /// `ningob`): what the reader is asked about.
    #[must_use]
    pub fn suggestion(&self, outcome: &Outcome) -> Option<String> {
        outcome.corrected.as_ref()?;
        let top = outcome.hits.first()?;
        let text = self.text(top.entry);
        let shown: String = outcome
            .marks
            .first()?
            .iter()
            .filter_map(|r| text.get(r.clone()))
            .collect();
        (!shown.is_empty()).then_some(shown)
    }

    /// The words of the places' English names and aliases one edit away
    /// from `typed` (`singapure` → `singapore`, `munihc` → `munich`).
    fn place_words(&self, typed: &[u8]) -> impl Iterator<Item = Vec<u8>> + use<> {
        let near: std::collections::HashSet<Vec<u8>> = edits(typed).collect();
        let mut words: Vec<Vec<u8>> = self
            .lib
            .places
            .iter()
            .flat_map(|p| std::iter::once(&p.english).chain(&p.aliases))
            .flat_map(|name| name.split(|c: char| !c.is_ascii_alphabetic()))
            .map(|w| w.to_ascii_lowercase().into_bytes())
            .filter(|w| near.contains(w))
            .collect();
        words.sort();
        words.dedup();
        words.into_iter()
    }

    fn plausible(&self, letters: &[u8]) -> bool {
        if self.readings.is_full_pinyin(letters) {
            return true;
        }
        let Ok(text) = std::str::from_utf8(letters) else {
            return false;
        };
        self.lib.places.iter().any(|p| p.answers_to(text).is_some())
    }
}

/// Slips of pinyin by ear: an initial heard as its neighbour (d/t, b/p,
/// g/k, z/zh, c/ch, s/sh, n/l, f/h), a syllable's final n heard as ng or
/// the other way; one slip each.
fn slips(typed: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    const PAIRS: &[(&[u8], &[u8])] = &[
        (b"d", b"t"),
        (b"t", b"d"),
        (b"b", b"p"),
        (b"p", b"b"),
        (b"g", b"k"),
        (b"k", b"g"),
        (b"zh", b"z"),
        (b"ch", b"c"),
        (b"sh", b"s"),
        (b"z", b"zh"),
        (b"c", b"ch"),
        (b"s", b"sh"),
        (b"n", b"l"),
        (b"l", b"n"),
        (b"f", b"h"),
        (b"h", b"f"),
        (b"ng", b"n"),
        (b"n", b"ng"),
    ];
    (0..typed.len()).flat_map(move |i| {
        PAIRS.iter().filter_map(move |&(from, to)| {
            let rest = &typed[i..];
            if !rest.starts_with(from) {
                return None;
            }
            // z, c, s and n alone, not the start of zh, ch, sh or ng.
            let next = rest.get(from.len()).copied();
            if from.len() == 1
                && matches!(
                    (from[0], next),
                    (b'z' | b'c' | b's', Some(b'h')) | (b'n', Some(b'g'))
                )
            {
                return None;
            }
            let mut v = typed[..i].to_vec();
            v.extend_from_slice(to);
            v.extend_from_slice(&rest[from.len()..]);
            Some(v)
        })
    })
}

/// Every one-edit variant, swaps first, then deletions, insertions and
/// substitutions.
fn edits(typed: &[u8]) -> impl Iterator<Item = Vec<u8>> + '_ {
    let n = typed.len();
    let swaps = (0..n.saturating_sub(1)).map(move |i| {
        let mut v = typed.to_vec();
        v.swap(i, i + 1);
        v
    });
    let deletions = (0..n).map(move |i| {
        let mut v = typed.to_vec();
        v.remove(i);
        v
    });
    let insertions = (0..=n).flat_map(move |i| {
        (b'a'..=b'z').map(move |c| {
            let mut v = typed.to_vec();
            v.insert(i, c);
            v
        })
    });
    let substitutions = (0..n).flat_map(move |i| {
        (b'a'..=b'z').filter(move |&c| c != typed[i]).map(move |c| {
            let mut v = typed.to_vec();
            v[i] = c;
            v
        })
    });
    swaps
        .chain(deletions)
        .chain(insertions)
        .chain(substitutions)
        .filter(move |v| v != typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_is_checked_in_one_pass() {
        let readings = crate::search::pinyin::Readings::shared();
        assert!(readings.is_full_pinyin(b"ningbo"));
        assert!(readings.is_full_pinyin(b"ningb"));
        assert!(!readings.is_full_pinyin(b"ningvx"));
        // A run that splits many ways (na-na-…, n-an-a-…) answers at once;
        // trying every split from the front never came back.
        let long = "na".repeat(40) + "q";
        assert!(readings.is_full_pinyin(long.as_bytes()));
        assert!(!readings.is_full_pinyin((long + "vx").as_bytes()));
    }

    #[test]
    fn slips_by_ear_change_one_initial_or_final() {
        let all: Vec<Vec<u8>> = slips(b"aosidin").collect();
        assert!(all.contains(&b"aositin".to_vec()));
        assert!(all.contains(&b"aosiding".to_vec()));
        assert!(slips(b"zhong").any(|v| v == b"zong"));
        // zh is one initial: its z alone is not a slip to zhh.
        assert!(!slips(b"zhong").any(|v| v == b"zhhong"));
        assert!(slips(b"shenzen").any(|v| v == b"shenzhen"));
    }

    #[test]
    fn a_swap_comes_before_any_other_edit() {
        let first: Vec<Vec<u8>> = edits(b"ningob").take(5).collect();
        assert!(first.contains(&b"ningbo".to_vec()));
        assert!(edits(b"shenzen").any(|v| v == b"shenzhen"));
        assert!(edits(b"munhich").any(|v| v == b"munich"));
    }
}
