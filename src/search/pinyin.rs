//! Pinyin computed by the program: the readings a reader types for each
//! hanzi (its most common one, and the everyday readings of common
//! heteronyms, from `heteronyms`), in-context readings from a small phrase
//! table, and matching anchored to syllables: every typed syllable but the
//! last is a whole reading or an initial (`ningbo`, `nb`, `ningb`, `szhen`),
//! the last may be a prefix.

use std::collections::HashMap;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::heteronyms::{COMMON, PHRASES};

const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;
/// Longest pinyin query we try to match (letters).
pub const MAX_LETTERS: usize = 64;

/// One character's readings as typed: the first `primary` spellings are
/// its reading in context (or its most common one), the rest its other
/// everyday readings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct Set {
    syllables: Vec<Box<[u8]>>,
    primary: usize,
}

/// Reading sets: id 0 means "no reading" (not a hanzi).
pub struct Readings {
    /// Reading set id of each CJK unified ideograph, from U+4E00.
    by_char: Vec<u16>,
    /// Characters that begin a phrase of the phrase table, by the same index.
    starts_phrase: Vec<bool>,
    /// The phrases each such character begins.
    phrases_from: HashMap<char, Vec<usize>>,
    sets: Vec<Set>,
    /// Bit n set when some syllable of the set starts with letter `a + n`.
    /// One slot for every possible set id, so a lookup needs no bounds check.
    first_letters: Box<[u32; 1 << 16]>,
    /// A character read one way in a phrase: the set with that reading first.
    in_context: HashMap<(char, &'static str), u16>,
    /// Every syllable any character is read with, for checking a query.
    syllables: std::collections::HashSet<Box<[u8]>>,
}

/// Interns sets, so equal sets share an id.
#[derive(Default)]
struct Interner {
    sets: Vec<Set>,
    ids: HashMap<Set, u16>,
}

impl Interner {
    fn id(&mut self, set: Set) -> u16 {
        if set.syllables.is_empty() {
            return 0;
        }
        let next = u16::try_from(self.sets.len()).unwrap_or(0);
        *self.ids.entry(set.clone()).or_insert_with(|| {
            self.sets.push(set);
            next
        })
    }
}

/// A set from readings, the first `primary` of them primary.
fn set_of(readings: &[&str], primary: usize) -> Set {
    let mut set = Set::default();
    for (i, r) in readings.iter().enumerate() {
        for spelling in spellings(r) {
            if !set.syllables.contains(&spelling) {
                set.syllables.push(spelling);
            }
        }
        if i + 1 == primary {
            set.primary = set.syllables.len();
        }
    }
    set
}

/// A character's readings: its most common, then its everyday others.
fn readings_of(c: char) -> Vec<&'static str> {
    let Some(first) = c.to_pinyin() else {
        return Vec::new();
    };
    let mut out = vec![first.plain()];
    if let Some((_, common)) = COMMON.iter().find(|(h, _)| *h == c) {
        out.extend(common.iter().filter(|r| **r != first.plain()));
    }
    out
}

impl Readings {
    /// The one table, built on first use: it depends on nothing but the
    /// pinyin crate's data and ours.
    #[must_use]
    pub fn shared() -> &'static Readings {
        static TABLE: std::sync::OnceLock<Readings> = std::sync::OnceLock::new();
        TABLE.get_or_init(Readings::new)
    }

    /// Reads every CJK unified ideograph's readings.
    ///
    /// # Panics
    /// Never: the one conversion that could fail is of a vector built with
    /// exactly the length it converts to.
    #[must_use]
    pub fn new() -> Self {
        let mut interner = Interner::default();
        interner.sets.push(Set::default());
        let size = (CJK_LAST - CJK_FIRST + 1) as usize;
        let mut by_char = vec![0u16; size];
        let mut syllables = std::collections::HashSet::new();
        for (i, slot) in by_char.iter_mut().enumerate() {
            let Some(c) = char::from_u32(CJK_FIRST + u32::try_from(i).unwrap_or(0)) else {
                continue;
            };
            if let Some(all) = c.to_pinyin_multi() {
                for p in all {
                    syllables.extend(spellings(p.plain()));
                }
            }
            *slot = interner.id(set_of(&readings_of(c), 1));
        }
        let mut starts_phrase = vec![false; size];
        let mut phrases_from: HashMap<char, Vec<usize>> = HashMap::new();
        let mut in_context = HashMap::new();
        for (i, (phrase, _)) in PHRASES.iter().enumerate() {
            if let Some(first) = phrase.chars().next() {
                phrases_from.entry(first).or_default().push(i);
            }
        }
        for (phrase, readings) in PHRASES {
            for (k, (c, &reading)) in phrase.chars().zip(readings.iter()).enumerate() {
                let index = u32::from(c).wrapping_sub(CJK_FIRST) as usize;
                if k == 0
                    && let Some(flag) = starts_phrase.get_mut(index)
                {
                    *flag = true;
                }
                let mut all = vec![reading];
                all.extend(readings_of(c).into_iter().filter(|r| *r != reading));
                in_context.insert((c, reading), interner.id(set_of(&all, 1)));
            }
        }
        let sets = interner.sets;
        // Every syllable a set holds, whatever table it came from.
        syllables.extend(sets.iter().flat_map(|s| s.syllables.iter().cloned()));
        // Built on the heap: 256 KiB is too much for the stack.
        let mut first_letters: Box<[u32; 1 << 16]> = vec![0u32; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("a slice of exactly 1 << 16 slots");
        for (slot, set) in first_letters.iter_mut().zip(&sets) {
            *slot = set
                .syllables
                .iter()
                .filter_map(|s| s.first())
                .fold(0u32, |m, &b| m | letter_bit(b))
                | if set.syllables.iter().any(|s| s.len() == 1) {
                    LONE
                } else {
                    0
                };
        }
        Readings {
            by_char,
            starts_phrase,
            phrases_from,
            sets,
            first_letters,
            in_context,
            syllables,
        }
    }

    /// The reading set of a character out of context (0: none).
    #[must_use]
    pub fn of(&self, c: char) -> u16 {
        let code = u32::from(c);
        if (CJK_FIRST..=CJK_LAST).contains(&code) {
            self.by_char[(code - CJK_FIRST) as usize]
        } else {
            0
        }
    }

    /// The reading sets of a text, one per character, into `out` (exactly
    /// as long as the text has characters), each heteronym in a known
    /// phrase read as the phrase reads it. One pass over the text; a phrase
    /// is looked for only where a character can begin one. Returns how
    /// many it wrote: the characters, or as many as `out` holds.
    pub fn sets_into(&self, text: &str, out: &mut [u16]) -> usize {
        let mut starts: Vec<(usize, usize, char)> = Vec::new();
        let mut written = 0;
        for ((i, (byte, c)), slot) in text.char_indices().enumerate().zip(out.iter_mut()) {
            written = i + 1;
            let code = u32::from(c);
            if (CJK_FIRST..=CJK_LAST).contains(&code) {
                let at = (code - CJK_FIRST) as usize;
                *slot = self.by_char[at];
                if self.starts_phrase[at] {
                    starts.push((i, byte, c));
                }
            } else {
                *slot = 0;
            }
        }
        for (i, byte, c) in starts {
            for &p in self.phrases_from.get(&c).map_or(&[][..], Vec::as_slice) {
                let (phrase, readings) = PHRASES[p];
                if !text[byte..].starts_with(phrase) {
                    continue;
                }
                for (k, (pc, reading)) in phrase.chars().zip(readings.iter()).enumerate() {
                    if let (Some(&id), Some(slot)) =
                        (self.in_context.get(&(pc, *reading)), out.get_mut(i + k))
                    {
                        *slot = id;
                    }
                }
            }
        }
        written
    }

    /// The letters the readings of a set start with, as a mask, and
    /// [`LONE`] if one of them is a single letter.
    #[must_use]
    pub fn initials(&self, set: u16) -> u32 {
        self.first_letters[usize::from(set)]
    }

    /// Every reading a character is typed with, most common first.
    #[must_use]
    pub fn readings(&self, c: char) -> Vec<String> {
        self.sets[usize::from(self.of(c))]
            .syllables
            .iter()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect()
    }

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
        Some(Letters { bytes, whole })
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

impl Default for Readings {
    fn default() -> Self {
        Self::new()
    }
}

/// In an initials mask: some reading is a single letter (嗯 n, 啊 a).
pub const LONE: u32 = 1 << 31;

/// The bit for a lowercase letter in an initials mask.
#[must_use]
pub fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// A toneless reading as typed: ü can be typed v or u.
fn spellings(plain: &str) -> Vec<Box<[u8]>> {
    if plain.is_empty() {
        return Vec::new();
    }
    if plain.contains('ü') {
        vec![
            plain.replace('ü', "v").into_bytes().into(),
            plain.replace('ü', "u").into_bytes().into(),
        ]
    } else {
        vec![plain.as_bytes().into()]
    }
}

/// A term typed as pinyin letters, ready to match.
#[derive(Debug, Clone)]
pub struct Letters {
    bytes: Box<[u8]>,
    /// They end with a whole syllable: only then can a reading be whole.
    whole: bool,
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

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}
