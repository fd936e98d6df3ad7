//! A query of several words, ranked by what they mean to the reader. A hit
//! holds every word in one paragraph; where none does, every word in one
//! section (its heading and paragraphs); where none does either, the most
//! words, the commonest left out first. Rarer words weigh more (IDF, from
//! the entries each word matches), a word in a heading weighs double, words
//! close together rank above words apart, and a text holding a phrase as
//! typed ranks first of all.
//!
//! Each word's matches are the one-word search's, kept for the next
//! keystroke: a word typed on (`品` → `品牌`) is looked for only where the
//! shorter one was.

use std::ops::Range;
use std::sync::{Arc, Mutex};

use super::outcome::Words;
use super::scan::Candidates;
use super::{Generation, Hit, Outcome, Query, Rank, SearchIndex, Target, Term};

/// Most words looked for; a longer query's later words are not.
pub const MAX_WORDS: usize = 16;

type Stopped = Option<Box<Outcome>>;

/// Each word's matches, the latest kept, at most about one list of every
/// entry in all.
#[derive(Default)]
pub(super) struct Postings {
    kept: Mutex<Vec<(Key, Arc<Vec<u32>>)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    text: String,
    exact: bool,
    pinyin: bool,
    /// The places it names: it matches where their names stand too.
    places: Vec<String>,
}

impl Key {
    fn of(term: &Term) -> Self {
        Key {
            text: term.text.clone(),
            exact: term.exact,
            pinyin: term.letters.is_some(),
            places: term.place_names.clone(),
        }
    }

    /// Every entry `self` matches, `shorter` matches too: a hanzi word
    /// inside this one, or pinyin this one begins with.
    fn narrows(&self, shorter: &Key) -> bool {
        if self.exact != shorter.exact
            || shorter.text.is_empty()
            || !self.places.iter().all(|p| shorter.places.contains(p))
        {
            return false;
        }
        if shorter.pinyin || self.pinyin {
            self.pinyin == shorter.pinyin && self.text.starts_with(&shorter.text)
        } else {
            self.text.contains(&shorter.text)
        }
    }
}

impl Postings {
    fn get(&self, key: &Key) -> Option<Arc<Vec<u32>>> {
        let kept = self.kept.lock().ok()?;
        kept.iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| Arc::clone(l))
    }

    /// The shortest list kept of a word `key` narrows.
    fn narrowest(&self, key: &Key) -> Option<Arc<Vec<u32>>> {
        let kept = self.kept.lock().ok()?;
        kept.iter()
            .filter(|(k, _)| key.narrows(k))
            .min_by_key(|(_, l)| l.len())
            .map(|(_, l)| Arc::clone(l))
    }

    /// The shortest list kept of a word `term` narrows: where to look
    /// for it.
    pub(super) fn narrowest_for(&self, term: &Term) -> Option<Arc<Vec<u32>>> {
        self.narrowest(&Key::of(term))
    }

    /// Keeps a word's matches, as a one-word search found them.
    pub(super) fn keep_for(&self, term: &Term, matched: &[u32], entries: usize) {
        let key = Key::of(term);
        if self.get(&key).is_none() {
            self.keep(key, Arc::new(matched.to_vec()), entries.max(1 << 16));
        }
    }

    fn keep(&self, key: Key, list: Arc<Vec<u32>>, bound: usize) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        kept.retain(|(k, _)| *k != key);
        kept.push((key, list));
        let mut held: usize = kept.iter().map(|(_, l)| l.len()).sum();
        while held > bound && kept.len() > 1 {
            held -= kept.remove(0).1.len();
        }
    }
}

/// One word's matches and weight.
struct Word {
    list: Arc<Vec<u32>>,
    /// Its inverse document frequency, in 1/256ths.
    idf: u32,
}

impl SearchIndex {
    /// A query of several words (or one cut from a phrase): every word in
    /// one paragraph, ranked; where none has them all, by section, then by
    /// the most words.
    pub(super) fn run_words(
        &self,
        parsed: &Query,
        query: &str,
        limit: usize,
        previous: Option<&Outcome>,
        cancel: Option<(&Generation, u64)>,
    ) -> Result<Outcome, Stopped> {
        let looked_for: Vec<String> = parsed.terms.iter().map(|t| t.text.clone()).collect();
        let said = Words {
            looked_for: looked_for.clone(),
            dropped: parsed.dropped.clone(),
            ..Words::default()
        };
        let reuse = previous.filter(|p| self.narrows_to(p, parsed));
        let from = reuse.map(|p| p.matched.as_slice());
        let found = self.run_parsed(parsed, query, limit, from, cancel)?;
        if found.total() > 0 {
            let all = (1u64 << parsed.terms.len()) - 1;
            return Ok(Outcome {
                hit_words: vec![all; found.hits.len()],
                words: Some(said),
                ..found
            });
        }
        let words = parsed
            .terms
            .iter()
            .map(|t| self.word(t, cancel))
            .collect::<Result<Vec<Word>, Stopped>>()?;
        let chosen = self.choose(&words);
        let missing = (0..words.len())
            .filter(|&i| chosen.mask & (1 << i) == 0)
            .map(|i| looked_for[i].clone())
            .collect();
        let said = Words {
            missing,
            sections: chosen.sections,
            ..said
        };
        let mut outcome = Outcome {
            query: query.to_owned(),
            words: Some(said),
            ..Outcome::default()
        };
        if chosen.mask == 0 {
            return Ok(outcome);
        }
        let kept: Vec<Term> = (0..words.len())
            .filter(|&i| chosen.mask & (1 << i) != 0)
            .map(|i| parsed.terms[i].clone())
            .collect();
        let mut sub = Query::of_words(kept);
        sub.phrases.clone_from(&parsed.phrases);
        let weight = |mask: u64, heading: u64| -> u32 {
            (0..words.len())
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| words[i].idf * if heading & (1 << i) != 0 { 2 } else { 1 })
                .sum()
        };
        let mut ranked: Vec<(Rank, u32, u64)> = Vec::new();
        for (entry, mask, heading) in chosen.hits {
            // A section's hit is its text that holds the most of the words,
            // perhaps not all: it ranks by their weight alone.
            let (rank, phrase, span) = self.words_rank(entry, &sub).unwrap_or_else(|| {
                let tier = self.entries[entry as usize].tier();
                let rank = Rank::new(false, super::outcome::TermMatch::NONE, tier, entry);
                (rank, false, u32::MAX)
            });
            let rank = rank.with_words(phrase, weight(mask, heading), span);
            ranked.push((rank, entry, mask));
        }
        ranked.sort_unstable_by_key(|&(rank, _, _)| std::cmp::Reverse(rank));
        outcome.matched = ranked.iter().map(|&(_, e, _)| e).collect();
        outcome.matched.sort_unstable();
        ranked.truncate(limit);
        outcome.marks = ranked
            .iter()
            .map(|&(_, e, _)| self.word_marks(e, &sub))
            .collect();
        outcome.hit_words = ranked.iter().map(|&(_, _, m)| m).collect();
        outcome.hits = ranked
            .into_iter()
            .map(|(rank, entry, _)| Hit { entry, rank })
            .collect();
        Ok(outcome)
    }

    /// A lone run of pinyin found nowhere whole, as the words it spells
    /// (`shenzhenchuangxin` → shenzhen, chuangxin): from its start, the
    /// most syllables found together somewhere, then on from there; and
    /// whether that is sure: two of the words have two syllables or more.
    /// With only one such (`shenzhenc`, still being typed; `aosiding`, a
    /// slip), the words count only if one text holds them all, and the
    /// correction is tried otherwise. None for a single word or none long.
    pub(super) fn spelled_words(
        &self,
        parsed: &Query,
        cancel: Option<(&Generation, u64)>,
    ) -> Result<Option<(Query, bool)>, Stopped> {
        let [term] = parsed.terms.as_slice() else {
            return Ok(None);
        };
        if term.letters.is_none() || !term.is_letters() {
            return Ok(None);
        }
        let letters = term.text.to_ascii_lowercase();
        let Some((ends, _)) = self.readings.syllable_ends(letters.as_bytes()) else {
            return Ok(None);
        };
        if ends.len() < 3 {
            return Ok(None);
        }
        let script = self.script_for(&letters);
        let term_of = |text: &str| Term::new(text, false, true, &self.lib, script);
        let mut words: Vec<(Term, usize)> = Vec::new();
        let mut from = 0;
        while from < ends.len() {
            let start = if from == 0 { 0 } else { ends[from - 1] };
            let mut to = from + 1;
            while to < ends.len() {
                let longer = term_of(&letters[start..ends[to]]);
                if self.word(&longer, cancel)?.list.is_empty() {
                    break;
                }
                to += 1;
            }
            words.push((term_of(&letters[start..ends[to - 1]]), to - from));
            from = to;
        }
        let long = words
            .iter()
            .filter(|&&(_, syllables)| syllables >= 2)
            .count();
        if words.len() < 2 || long == 0 {
            return Ok(None);
        }
        let mut query = Query::of_words(words.into_iter().map(|(t, _)| t).collect());
        query.phrases.push(term.clone());
        Ok(Some((query, long >= 2)))
    }

    /// Whether what `previous` matched bounds what `parsed` matches: it
    /// held every one of its words in one text, and each of them is inside
    /// one of ours (so a text with ours has its).
    pub(super) fn narrows_to(&self, previous: &Outcome, parsed: &Query) -> bool {
        if previous.scattered || previous.corrected.is_some() {
            return false;
        }
        let theirs = match &previous.words {
            Some(w) if w.missing.is_empty() && !w.sections => w.looked_for.clone(),
            Some(_) => return false,
            None if previous.query.contains('"') => return false,
            None => previous
                .query
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        };
        let script = self.script_for(&previous.query);
        let shorter = Query::parse_in(&theirs.join(" "), &self.lib, script);
        !theirs.is_empty()
            && shorter.terms.iter().all(|old| {
                let old_key = Key::of(old);
                parsed
                    .terms
                    .iter()
                    .any(|new| Key::of(new).narrows(&old_key))
            })
    }

    /// A word's matches, as its one-word search finds them, kept.
    fn word(&self, term: &Term, cancel: Option<(&Generation, u64)>) -> Result<Word, Stopped> {
        let key = Key::of(term);
        let list = match self.postings.get(&key) {
            Some(list) => list,
            None => {
                let from = self.postings.narrowest(&key);
                let alone = Query::of_words(vec![term.clone()]);
                let candidates = from
                    .as_ref()
                    .map_or_else(|| self.every(), |l| Candidates::Listed(l.as_slice()));
                let list = Arc::new(self.matching(&alone, &candidates, cancel).ok_or(None)?);
                self.postings
                    .keep(key, Arc::clone(&list), self.entries.len().max(1 << 16));
                list
            }
        };
        Ok(Word {
            idf: idf(list.len(), self.entries.len()),
            list,
        })
    }

    /// Which words the hits hold, and the hits: every entry holding them
    /// all in one text, or every section holding them between its texts.
    fn choose(&self, words: &[Word]) -> Chosen {
        let weight = |mask: u64| -> (u32, u32) {
            let idf = (0..words.len())
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| words[i].idf)
                .sum();
            (mask.count_ones(), idf)
        };
        // Every entry any word matched, with the words it holds.
        let mut entries: Vec<(u32, u64)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            entries.extend(w.list.iter().map(|&e| (e, 1u64 << i)));
        }
        entries.sort_unstable_by_key(|&(e, _)| e);
        entries.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 |= b.1;
            }
            same
        });
        // Sections: the node of each text, its words, its heading's words,
        // and the entry holding the most.
        let mut sections: std::collections::HashMap<usize, Section> =
            std::collections::HashMap::new();
        for &(e, mask) in &entries {
            let node = match self.target(e) {
                Target::Field(a) => a.node,
                Target::Label(n) => n,
                Target::Place(_) => continue,
            };
            let s = sections.entry(node).or_insert(Section {
                mask: 0,
                heading: 0,
                best: (e, mask),
            });
            s.mask |= mask;
            if self.entries[e as usize].tier() == super::Tier::Heading {
                s.heading |= mask;
            }
            if weight(mask) > weight(s.best.1) {
                s.best = (e, mask);
            }
        }
        let best_entry = entries
            .iter()
            .map(|&(_, m)| m)
            .max_by_key(|&m| weight(m))
            .unwrap_or(0);
        let best_section = sections
            .values()
            .map(|s| s.mask)
            .max_by_key(|&m| weight(m))
            .unwrap_or(0);
        if best_section.count_ones() > best_entry.count_ones() {
            let mut hits: Vec<(u32, u64, u64)> = sections
                .values()
                .filter(|s| s.mask & best_section == best_section)
                .map(|s| (s.best.0, s.mask & best_section, s.heading & best_section))
                .collect();
            hits.sort_unstable();
            return Chosen {
                mask: best_section,
                sections: true,
                hits,
            };
        }
        let hits = entries
            .iter()
            .filter(|&&(_, m)| m & best_entry == best_entry && best_entry != 0)
            .map(|&(e, _)| {
                let heading = if self.entries[e as usize].tier() == super::Tier::Heading {
                    best_entry
                } else {
                    0
                };
                (e, best_entry, heading)
            })
            .collect();
        Chosen {
            mask: best_entry,
            sections: false,
            hits,
        }
    }

    /// The entries a query matches among `candidates`, in index order;
    /// None when stopped.
    fn matching(
        &self,
        query: &Query,
        candidates: &Candidates,
        cancel: Option<(&Generation, u64)>,
    ) -> Option<Vec<u32>> {
        let cancelled = || cancel.is_some_and(|(g, mine)| g.current() != mine);
        let chunk = candidates.len().div_ceil(crate::threads()).max(4096);
        let parts: Vec<Option<super::scan::Part>> = std::thread::scope(|s| {
            let handles: Vec<_> = candidates
                .shares(chunk)
                .into_iter()
                .map(|part| s.spawn(move || self.scan(&part, query, None, 0, &cancelled)))
                .collect();
            handles.into_iter().map(|h| h.join().ok()).collect()
        });
        let mut out = Vec::new();
        for part in parts {
            let (matched, _, stopped) = part?;
            if stopped {
                return None;
            }
            out.extend(matched);
        }
        Some(out)
    }

    /// Every entry, as candidates.
    pub(super) fn every(&self) -> Candidates<'static> {
        Candidates::Every(0..u32::try_from(self.entries.len()).unwrap_or(u32::MAX))
    }

    /// How an entry holding every word of `query` ranks by them: as for
    /// one word, whether a phrase as typed stands in it, and the bytes its
    /// words stand within.
    pub(super) fn words_rank(&self, entry: u32, query: &Query) -> Option<(Rank, bool, u32)> {
        let rank = self.rank_terms(entry, query)?;
        let text = self.text(entry);
        let phrase = query.phrases.iter().any(|p| p.find_in(text).is_some());
        let span = if query.terms.len() > 1 {
            let each: Vec<Vec<Range<usize>>> = query
                .terms
                .iter()
                .map(|t| self.term_marks(entry, text, t, query))
                .collect();
            u32::try_from(closest(&each)).unwrap_or(u32::MAX)
        } else {
            0
        };
        Some((rank, phrase, span))
    }

    /// Every word of `query` where it stands in an entry, whether or not
    /// the others do: what a hit of several words marks.
    pub(super) fn word_marks(&self, entry: u32, query: &Query) -> Vec<Range<usize>> {
        let text = self.text(entry);
        let mut out: Vec<Range<usize>> = query
            .terms
            .iter()
            .flat_map(|t| self.term_marks(entry, text, t, query))
            .collect();
        super::highlight::merge(&mut out);
        out
    }
}

/// The words of a section's texts.
struct Section {
    mask: u64,
    heading: u64,
    best: (u32, u64),
}

/// The words the hits hold, whether by section, and the hits: entry, the
/// words it holds, those of them in a heading.
struct Chosen {
    mask: u64,
    sections: bool,
    hits: Vec<(u32, u64, u64)>,
}

/// How much a word found in `n` of `all` texts weighs, in 1/256ths:
/// BM25's inverse document frequency, ln(1 + (all - n + 0.5) / (n + 0.5)).
#[must_use]
// Counts far below 2^52, and a weight of a few dozen at most: the casts
// keep them.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
pub(super) fn idf(n: usize, all: usize) -> u32 {
    let (n, all) = (n as f64, all as f64);
    ((1.0 + (all - n + 0.5) / (n + 0.5)).ln() * 256.0) as u32
}

/// The fewest bytes that hold one occurrence of every word: each word's
/// occurrences in order, swept once.
fn closest(each: &[Vec<Range<usize>>]) -> usize {
    if each.iter().any(Vec::is_empty) {
        return usize::MAX;
    }
    let mut all: Vec<(usize, usize, usize)> = each
        .iter()
        .enumerate()
        .flat_map(|(w, rs)| rs.iter().map(move |r| (r.start, r.end, w)))
        .collect();
    all.sort_unstable();
    let mut count = vec![0usize; each.len()];
    let mut have = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..all.len() {
        let w = all[hi].2;
        if count[w] == 0 {
            have += 1;
        }
        count[w] += 1;
        while have == each.len() {
            // From the first's start to the last's end (or the first's, if
            // it is longer).
            best = best.min(all[hi].1.max(all[lo].1) - all[lo].0);
            let v = all[lo].2;
            count[v] -= 1;
            if count[v] == 0 {
                have -= 1;
            }
            lo += 1;
        }
    }
    best
}
