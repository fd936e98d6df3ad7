//! Typed letters against reading sets: whether a query is pinyin at all,
//! and where a text's characters spell it, anchored to syllables.

use super::{LONE, Readings, letter_bit};

/// Longest pinyin query we try to match (letters).
pub const MAX_LETTERS: usize = 64;

impl Readings {
    /// True when `letters` is whole syllables, the last perhaps cut short:
    /// what a query typed in full pinyin looks like.
    #[must_use]
    pub fn is_full_pinyin(&self, letters: &[u8]) -> bool {
        // From the end: `ok[i]` says the letters from `i` on split so. One
        // pass, where trying every split from the front took exponential
        // time on a run like `nanana…`.
        let n = letters.len();
        let mut ok = vec![false; n + 1];
        ok[n] = true;
        for i in (0..n).rev() {
            ok[i] = (1..=(n - i).min(6)).any(|len| {
                let head = &letters[i..i + len];
                if i + len == n {
                    self.syllables.iter().any(|s| s.starts_with(head))
                } else {
                    ok[i + len] && self.syllables.contains(head)
                }
            });
        }
        ok[0]
    }

    /// The first run of characters (by index into `text_sets`) whose
    /// readings spell `query`: `(first char, one past the last, how well)`.
    /// A better-read run is preferred to an earlier one.
    ///
    /// `reach` is the text's [`Readings::initials`], all of them or'd, or
    /// `u32::MAX` if not known: it tells when no better run can follow.
    #[must_use]
    pub fn find<S: SetAt + ?Sized>(
        &self,
        text_sets: &S,
        query: &Letters,
        reach: u32,
    ) -> Option<(usize, usize, Reading)> {
        self.find_from(text_sets, query, reach, 0)
    }

    /// As [`Readings::find`], starting at character `from`.
    #[must_use]
    pub fn find_from<S: SetAt + ?Sized>(
        &self,
        text_sets: &S,
        query: &Letters,
        reach: u32,
        from: usize,
    ) -> Option<(usize, usize, Reading)> {
        let letters = &query.bytes[..];
        let bit = letter_bit(*letters.first()?);
        // A lone letter ends on a whole syllable only at a character read
        // as that letter alone (嗯 n, 啊 a), which most texts lack.
        let ceiling = Reading {
            in_context: true,
            whole: query.whole && (letters.len() > 1 || reach & LONE != 0),
        };
        let mut best: Option<(usize, usize, Reading)> = None;
        let mut next = from;
        while let Some(c) = text_sets.next_from(next, bit, self) {
            next = c + 1;
            // Most characters with the right initial are passed over here,
            // on two lookups.
            if !query.second_fits(text_sets, c, self) {
                continue;
            }
            if let Some((end, how)) = self.spell(text_sets, c, letters)
                && best.is_none_or(|(_, _, was)| how > was)
            {
                best = Some((c, end, how));
                // Nothing later can read better.
                if how == ceiling {
                    break;
                }
            }
        }
        best
    }

    /// A term as pinyin letters, if it is ASCII letters only: lowercased,
    /// and how well the best text could read it.
    #[must_use]
    pub fn letters(&self, term: &str) -> Option<Letters> {
        let ok = !term.is_empty()
            && term.len() <= MAX_LETTERS
            && term.bytes().all(|b| b.is_ascii_alphabetic());
        if !ok {
            return None;
        }
        let bytes: Box<[u8]> = term.to_ascii_lowercase().into_bytes().into();
        // A reading ends on a whole syllable only where the letters end
        // with one.
        let n = bytes.len();
        let whole = (1..=n.min(6)).any(|k| self.syllables.contains(&bytes[n - k..]));
        // For each set, the letters that follow the first inside one of its
        // syllables that begins with it (h for z in zhi).
        let follow = if n > 1 {
            self.sets
                .iter()
                .map(|set| {
                    set.syllables
                        .iter()
                        .filter(|s| s.len() > 1 && s[0] == bytes[0])
                        .fold(0, |mask, s| mask | letter_bit(s[1]))
                })
                .collect()
        } else {
            Box::default()
        };
        Some(Letters {
            bytes,
            whole,
            follow,
        })
    }

    /// Can `query` be spelled from character `c` on? Returns the end and
    /// how well the readings fit, the best way found.
    /// Whether the letters read the characters from `c` on: where that
    /// reading ends, if they do (what the test of every run asks).
    #[cfg(test)]
    #[must_use]
    pub fn reads_at<S: SetAt + ?Sized>(
        &self,
        text_sets: &S,
        c: usize,
        query: &Letters,
    ) -> Option<usize> {
        self.spell(text_sets, c, &query.bytes).map(|(end, _)| end)
    }

    fn spell<S: SetAt + ?Sized>(
        &self,
        text_sets: &S,
        c: usize,
        query: &[u8],
    ) -> Option<(usize, Reading)> {
        let Some(&first) = query.first() else {
            return Some((c, Reading::BEST));
        };
        if c >= text_sets.count() {
            return None;
        }
        // Most characters cannot continue the query at all: say so at once.
        if text_sets.initials_at(c, self) & letter_bit(first) == 0 {
            return None;
        }
        let set = &self.sets[usize::from(text_sets.at(c))];
        let mut best: Option<(usize, Reading)> = None;
        // A better reading wins; between two abbreviated ones alike, the
        // one that covers more characters (sch: 市场化 before 市场), as an
        // input method ranks them.
        let mut consider = |found: (usize, Reading)| {
            if best.is_none_or(|(end, was)| {
                found.1 > was || (found.1 == was && !was.whole && found.0 > end)
            }) {
                best = Some(found);
            }
            found.1 == Reading::BEST
        };
        for (k, syllable) in set.syllables.iter().enumerate() {
            if syllable[0] != first {
                continue;
            }
            let in_context = k < set.primary;
            let common = syllable
                .iter()
                .zip(query)
                .take_while(|(a, b)| a == b)
                .count();
            if common == query.len() {
                // The query ends in this character: a prefix will do, a
                // whole syllable does better.
                let how = Reading {
                    in_context,
                    whole: common == syllable.len(),
                };
                if consider((c + 1, how)) {
                    break;
                }
                if how.whole || query.len() == 1 {
                    continue;
                }
                // Or this character takes only its initial, and the rest
                // goes on: c-h as well as ch (市场化 for sch).
            }
            // The query goes on: this character takes its whole syllable
            // (tried first, so `xian` reads as one character, not x-i-an)
            // or its initial, which for zh, ch and sh may be z, c and s.
            let whole = syllable.len();
            let digraph = whole > 2 && matches!(&syllable[..2], b"zh" | b"ch" | b"sh");
            let lens = [whole, if digraph { 2 } else { whole }, 1];
            for (i, &len) in lens.iter().enumerate() {
                if len > common || len >= query.len() || lens[..i].contains(&len) {
                    continue;
                }
                if let Some((end, rest)) = self.spell(text_sets, c + 1, &query[len..]) {
                    let how = Reading {
                        in_context: in_context && rest.in_context,
                        whole: rest.whole,
                    };
                    if consider((end, how)) {
                        return best;
                    }
                }
            }
        }
        best
    }
}

/// A text's reading sets, one per character, however they are kept.
pub trait SetAt {
    /// How many characters.
    fn count(&self) -> usize;
    /// The set of character `c`, which is less than [`SetAt::count`].
    fn at(&self, c: usize) -> u16;
    /// The first character from `from` on that may be read starting with
    /// the letter of `bit` (it may not, where the sets do not say at once:
    /// [`Readings::find`] checks each).
    fn next_from(&self, from: usize, bit: u32, readings: &Readings) -> Option<usize>;
    /// [`Readings::initials`] of character `c`'s set.
    fn initials_at(&self, c: usize, readings: &Readings) -> u32 {
        readings.initials(self.at(c))
    }
}

impl SetAt for [u16] {
    fn count(&self) -> usize {
        self.len()
    }

    fn at(&self, c: usize) -> u16 {
        self[c]
    }

    fn next_from(&self, from: usize, bit: u32, readings: &Readings) -> Option<usize> {
        let rest = self.get(from..)?;
        let at = rest
            .iter()
            .position(|&set| readings.initials(set) & bit != 0)?;
        Some(from + at)
    }
}

/// How well a run of characters' readings spell a query: through each
/// character's reading in context, and ending on a whole syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reading {
    pub in_context: bool,
    pub whole: bool,
}

impl Reading {
    const BEST: Reading = Reading {
        in_context: true,
        whole: true,
    };
}

/// A term typed as pinyin letters, ready to match.
#[derive(Debug, Clone)]
pub struct Letters {
    bytes: Box<[u8]>,
    /// They end with a whole syllable: only then can a reading be whole.
    whole: bool,
    /// By set id, the letters that follow the first inside a syllable of
    /// the set (empty for a single letter).
    follow: Box<[u32]>,
}

impl Letters {
    #[must_use]
    pub fn first(&self) -> u8 {
        self.bytes[0]
    }

    /// How many letters.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The letter after the first, if any.
    #[must_use]
    pub fn second(&self) -> Option<u8> {
        self.bytes.get(1).copied()
    }

    /// They end with a whole syllable, so some text may read them whole.
    #[must_use]
    pub fn can_be_whole(&self) -> bool {
        self.whole
    }

    /// Whether the letter after the first can go on from character `c`,
    /// read starting with the first: on its syllable (h after z in zhi) or
    /// as the next character's initial. Always, for a single letter. A
    /// run of the letters can begin at `c` only if it can.
    #[inline]
    pub fn second_fits<S: SetAt + ?Sized>(&self, sets: &S, c: usize, readings: &Readings) -> bool {
        let Some(second) = self.second() else {
            return true;
        };
        let inside = self
            .follow
            .get(usize::from(sets.at(c)))
            .copied()
            .unwrap_or(0);
        let after = if c + 1 < sets.count() {
            sets.initials_at(c + 1, readings)
        } else {
            0
        };
        (inside | after) & letter_bit(second) != 0
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}
