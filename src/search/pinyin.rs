//! Pinyin computed by the program: the readings a reader types for each
//! hanzi (its most common one, and the everyday readings of common
//! heteronyms, from `heteronyms`), in-context readings from a small phrase
//! table, and matching anchored to syllables: every typed syllable but the
//! last is a whole reading or an initial (`ningbo`, `nb`, `ningb`, `szhen`),
//! the last may be a prefix.

use std::collections::HashMap;

use pinyin::{ToPinyin, ToPinyinMulti};

use super::heteronyms::{COMMON, PHRASES};

mod spell;
pub use spell::{Letters, MAX_LETTERS, Reading, SetAt};

const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

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

    /// The set `c` is read with wherever it stands, as [`Self::sets_into`]
    /// writes it: none for a character some phrase reads with another set
    /// (都 in 之都).
    #[must_use]
    pub fn fixed_set(&self, c: char) -> Option<u16> {
        let code = u32::from(c);
        if !(CJK_FIRST..=CJK_LAST).contains(&code) {
            return Some(0);
        }
        let alone = self.by_char[(code - CJK_FIRST) as usize];
        let another = self
            .in_context
            .iter()
            .any(|(&(pc, _), &set)| pc == c && set != alone);
        (!another).then_some(alone)
    }

    /// How many sets there are: every id is below it.
    #[must_use]
    pub fn set_count(&self) -> usize {
        self.sets.len()
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
