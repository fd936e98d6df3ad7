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

    /// Keeps a word's matches, as a one-word search found them: not those
    /// of a word in most texts (a first initial, `n`), which would narrow
    /// little and cost a copy of most of the collection's list.
    pub(super) fn keep_for(&self, term: &Term, matched: &[u32], entries: usize) {
        let key = Key::of(term);
        if matched.len() <= entries / 8 && self.get(&key).is_none() {
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
    /// Two passes over the words' matches merged in order, holding one
    /// section at a time: nothing the size of every match is made.
    fn choose(&self, words: &[Word]) -> Chosen {
        let weight = |mask: u64| -> (u32, u32) {
            let idf = (0..words.len())
                .filter(|&i| mask & (1 << i) != 0)
                .map(|i| words[i].idf)
                .sum();
            (mask.count_ones(), idf)
        };
        let lists: Vec<&[u32]> = words.iter().map(|w| w.list.as_slice()).collect();
        let is_heading = |e: u32| self.entries[e as usize].tier() == super::Tier::Heading;
        // The first pass: the best words one text holds, and one section.
        let (mut best_entry, mut best_section) = (0u64, 0u64);
        self.each_section(&lists, |entries| {
            let mut section = 0;
            for &(_, mask) in entries {
                section |= mask;
                if weight(mask) > weight(best_entry) {
                    best_entry = mask;
                }
            }
            if weight(section) > weight(best_section) {
                best_section = section;
            }
        });
        let sections = best_section.count_ones() > best_entry.count_ones();
        let chosen = if sections { best_section } else { best_entry };
        // The second: the texts, or the sections (each by its text holding
        // the most of the words), that hold them.
        let mut hits = Vec::new();
        if chosen != 0 {
            self.each_section(&lists, |entries| {
                if sections {
                    let held = entries.iter().fold(0, |m, &(_, e)| m | e);
                    if held & chosen == chosen {
                        let heading = entries
                            .iter()
                            .filter(|&&(e, _)| is_heading(e))
                            .fold(0, |m, &(_, e)| m | e);
                        let best = entries
                            .iter()
                            .max_by_key(|&&(e, m)| (weight(m & chosen), std::cmp::Reverse(e)))
                            .map_or(0, |&(e, _)| e);
                        hits.push((best, chosen, heading & chosen));
                    }
                } else {
                    for &(e, mask) in entries {
                        if mask & chosen == chosen {
                            let heading = if is_heading(e) { chosen } else { 0 };
                            hits.push((e, chosen, heading));
                        }
                    }
                }
            });
        }
        Chosen {
            mask: chosen,
            sections,
            hits,
        }
    }

    /// Calls `f` with each section's texts that some list holds, with the
    /// words (bit n for list n) each holds, in index order: the lists
    /// (each sorted) merged as they are read. A place is a section of its own.
    fn each_section(&self, lists: &[&[u32]], mut f: impl FnMut(&[(u32, u64)])) {
        let mut at = vec![0usize; lists.len()];
        let mut section: Vec<(u32, u64)> = Vec::new();
        let mut node = None;
        loop {
            let next = lists
                .iter()
                .zip(&at)
                .filter_map(|(l, &i)| l.get(i).copied())
                .min();
            let Some(entry) = next else { break };
            let mut mask = 0;
            for (i, l) in lists.iter().enumerate() {
                if l.get(at[i]) == Some(&entry) {
                    mask |= 1 << i;
                    at[i] += 1;
                }
            }
            let this = match self.target(entry) {
                Target::Field(a) => Some(a.node),
                Target::Label(n) => Some(n),
                Target::Place(_) => None,
            };
            if this != node || this.is_none() {
                if !section.is_empty() {
                    f(&section);
                    section.clear();
                }
                node = this;
            }
            section.push((entry, mask));
        }
        if !section.is_empty() {
            f(&section);
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
        let parts: Vec<Option<super::scan::Part>> =
            super::scan::on_shares(candidates.shares(chunk), &|part| {
                self.scan(part, query, None, 0, &cancelled)
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
    /// one word, whether a phrase as typed stands in it, and how far apart
    /// its words' first matches are (in bytes; closer is better).
    pub(super) fn words_rank(&self, entry: u32, query: &Query) -> Option<(Rank, bool, u32)> {
        let (rank, spread) = self.rank_spread(entry, query)?;
        let text = self.text(entry);
        let phrase = query.phrases.iter().any(|p| p.find_in(text).is_some());
        Some((rank, phrase, spread))
    }
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
