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

    /// Where syllables split `letters` (`shenzhenchuangxin` → after shen,
    /// zhen, chuang, xin), each the longest that leaves the rest whole too,
    /// the last perhaps cut short (`shenzhenc`: still being typed); and
    /// whether the last is whole. None unless they split so.
    #[must_use]
    pub fn syllable_ends(&self, letters: &[u8]) -> Option<(Vec<usize>, bool)> {
        let n = letters.len();
        let whole = |head: &[u8]| self.syllables.contains(head);
        let begun = |head: &[u8]| self.syllables.iter().any(|s| s.starts_with(head));
        // `ok[i]`: the letters from `i` on split so.
        let mut ok = vec![false; n + 1];
        ok[n] = true;
        let fits = |i: usize, len: usize, ok: &[bool]| {
            let head = &letters[i..i + len];
            if i + len == n {
                begun(head)
            } else {
                ok[i + len] && whole(head)
            }
        };
        for i in (0..n).rev() {
            ok[i] = (1..=(n - i).min(6)).any(|len| fits(i, len, &ok));
        }
        if n == 0 || !ok[0] {
            return None;
        }
        let mut ends = Vec::new();
        let mut i = 0;
        while i < n {
            let len = (1..=(n - i).min(6)).rev().find(|&len| fits(i, len, &ok))?;
            i += len;
            ends.push(i);
        }
        let last = ends.len().checked_sub(2).map_or(0, |k| ends[k]);
        Some((ends, whole(&letters[last..])))
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
        // A lone letter ends on a whole syllable only at a character read
        // as that letter alone (嗯 n, 啊 a), which most texts lack.
        let ceiling = Reading {
            in_context: true,
            whole: query.whole && (letters.len() > 1 || reach & LONE != 0),
        };
        let mut best: Option<(usize, usize, Reading)> = None;
        let mut next = from;
        while let Some(c) = text_sets.next_run(next, query, self) {
            next = c + 1;
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
        // For each set, what a character read with it can do in a run of
        // the letters: begin with the first, go on to the second inside
        // its syllable (h for z in zhi), begin with the second.
        let (first, second) = (letter_bit(bytes[0]), bytes.get(1).copied());
        let classes = self
            .sets
            .iter()
            .enumerate()
            .map(|(id, set)| {
                let initials = self.initials(u16::try_from(id).unwrap_or(u16::MAX));
                let inside = second.is_none_or(|b| {
                    set.syllables
                        .iter()
                        .any(|s| s.len() > 1 && s[0] == bytes[0] && s[1] == b)
                });
                let starts_second = second.is_some_and(|b| initials & letter_bit(b) != 0);
                (u8::from(initials & first != 0) * RUN_FIRST)
                    | (u8::from(inside) * RUN_INSIDE)
                    | (u8::from(starts_second) * RUN_SECOND)
            })
            .collect();
        Some(Letters {
            bytes,
            whole,
            classes,
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
    /// [`SetAt::next_run`] checks each).
    fn next_from(&self, from: usize, bit: u32, readings: &Readings) -> Option<usize>;
    /// The first character from `from` on where a run of `letters` can
    /// begin: it can be read starting with the first, and the second goes
    /// on its syllable (h after z in zhi) or begins the next character's
    /// (always, for one letter). Most characters are passed over on one
    /// lookup, those with the first letter on two or three.
    fn next_run(&self, from: usize, letters: &Letters, readings: &Readings) -> Option<usize> {
        let (mut from, bit) = (from, letter_bit(letters.first()));
        while let Some(c) = self.next_from(from, bit, readings) {
            from = c + 1;
            let class = letters.class(self.at(c));
            if class & RUN_FIRST != 0
                && (class & RUN_INSIDE != 0
                    || c + 1 < self.count() && letters.class(self.at(c + 1)) & RUN_SECOND != 0)
            {
                return Some(c);
            }
        }
        None
    }
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
    /// By set id, [`RUN_FIRST`], [`RUN_INSIDE`] and [`RUN_SECOND`]: what a
    /// character read with the set can do in a run of the letters.
    classes: Box<[u8]>,
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

    /// What a character read with `set` can do in a run of the letters.
    #[inline]
    fn class(&self, set: u16) -> u8 {
        self.classes.get(usize::from(set)).copied().unwrap_or(0)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// The character can be read starting with the first letter.
const RUN_FIRST: u8 = 1;
/// The second letter goes on that syllable (or there is none).
const RUN_INSIDE: u8 = 2;
/// The character can be read starting with the second letter.
const RUN_SECOND: u8 = 4;
