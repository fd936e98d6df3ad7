//! Pinyin computed by the program: every reading of every hanzi (heteronyms
//! included), and matching anchored to syllable starts: full syllables
//! (`ningbo`), initials (`nb`), and mixtures (`ningb`, `zhizcx`).

use pinyin::ToPinyinMulti;

const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;
/// Longest pinyin query we try to match (letters).
pub const MAX_LETTERS: usize = 64;

/// Reading sets: id 0 means "no reading" (not a hanzi).
pub struct Readings {
    /// Reading set id of each CJK unified ideograph, from U+4E00.
    by_char: Vec<u16>,
    /// Each set's syllables, as lowercase ASCII (ü written v, and also u).
    sets: Vec<Vec<Box<[u8]>>>,
    /// Bit n set when some syllable of the set starts with letter `a + n`.
    /// One slot for every possible set id, so a lookup needs no bounds check.
    first_letters: Box<[u32; 1 << 16]>,
}

impl Readings {
    /// The one table, built on first use: it depends on nothing but the
    /// pinyin crate's data.
    #[must_use]
    pub fn shared() -> &'static Readings {
        static TABLE: std::sync::OnceLock<Readings> = std::sync::OnceLock::new();
        TABLE.get_or_init(Readings::new)
    }

    /// Reads every CJK unified ideograph's readings from the pinyin crate.
    ///
    /// # Panics
    /// Never: the one conversion that could fail is of a vector built with
    /// exactly the length it converts to.
    #[must_use]
    pub fn new() -> Self {
        let mut sets: Vec<Vec<Box<[u8]>>> = vec![Vec::new()];
        let mut index: std::collections::HashMap<Vec<Box<[u8]>>, u16> =
            std::collections::HashMap::new();
        let mut by_char = vec![0u16; (CJK_LAST - CJK_FIRST + 1) as usize];
        for (i, slot) in by_char.iter_mut().enumerate() {
            let Some(c) = char::from_u32(CJK_FIRST + u32::try_from(i).unwrap_or(0)) else {
                continue;
            };
            let Some(multi) = c.to_pinyin_multi() else {
                continue;
            };
            let mut set: Vec<Box<[u8]>> = Vec::new();
            for p in multi {
                for spelling in spellings(p.plain()) {
                    if !set.contains(&spelling) {
                        set.push(spelling);
                    }
                }
            }
            if set.is_empty() {
                continue;
            }
            set.sort();
            let next = u16::try_from(sets.len()).unwrap_or(0);
            *slot = *index.entry(set.clone()).or_insert_with(|| {
                sets.push(set);
                next
            });
        }
        // Built on the heap: 256 KiB is too much for the stack.
        let mut first_letters: Box<[u32; 1 << 16]> = vec![0u32; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("a slice of exactly 1 << 16 slots");
        for (slot, set) in first_letters.iter_mut().zip(&sets) {
            *slot = set
                .iter()
                .filter_map(|s| s.first())
                .fold(0u32, |m, &b| m | letter_bit(b));
        }
        Readings {
            by_char,
            sets,
            first_letters,
        }
    }

    /// The reading set of a character (0: none).
    #[must_use]
    pub fn of(&self, c: char) -> u16 {
        let code = u32::from(c);
        if (CJK_FIRST..=CJK_LAST).contains(&code) {
            self.by_char[(code - CJK_FIRST) as usize]
        } else {
            0
        }
    }

    /// The letters the readings of a set start with, as a mask.
    #[must_use]
    pub fn initials(&self, set: u16) -> u32 {
        self.first_letters[usize::from(set)]
    }

    /// Every reading of a character, for display and tests.
    #[must_use]
    pub fn readings(&self, c: char) -> Vec<String> {
        self.sets[usize::from(self.of(c))]
            .iter()
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .collect()
    }

    /// The first run of characters (by index into `sets_of_text`) whose
    /// readings spell `query`, each character taking a prefix of one of its
    /// syllables: `(first char, one past the last)`.
    #[must_use]
    pub fn find(&self, text_sets: &[u16], query: &[u8]) -> Option<(usize, usize)> {
        self.find_from(text_sets, query, 0)
    }

    /// As [`Readings::find`], starting at character `from`.
    #[must_use]
    pub fn find_from(
        &self,
        text_sets: &[u16],
        query: &[u8],
        from: usize,
    ) -> Option<(usize, usize)> {
        let first = *query.first()?;
        if query.len() > MAX_LETTERS {
            return None;
        }
        let bit = letter_bit(first);
        (from..text_sets.len())
            .filter(|&c| {
                text_sets
                    .get(c)
                    .is_some_and(|&set| self.first_letters[usize::from(set)] & bit != 0)
            })
            .find_map(|c| self.spell(text_sets, c, query).map(|end| (c, end)))
    }

    /// Can `query` be spelled from character `c` on? Returns the end.
    fn spell(&self, text_sets: &[u16], c: usize, query: &[u8]) -> Option<usize> {
        let Some(&first) = query.first() else {
            return Some(c);
        };
        let set = usize::from(*text_sets.get(c)?);
        // Most characters cannot continue the query at all: say so at once.
        if self.first_letters[set] & letter_bit(first) == 0 {
            return None;
        }
        for syllable in &self.sets[set] {
            if syllable[0] != first {
                continue;
            }
            let mut common = 1;
            while common < syllable.len()
                && common < query.len()
                && syllable[common] == query[common]
            {
                common += 1;
            }
            // The whole syllable first, so `xian` reads as one character, not x-i-an.
            for len in (1..=common).rev() {
                if let Some(end) = self.spell(text_sets, c + 1, &query[len..]) {
                    return Some(end);
                }
            }
        }
        None
    }
}

impl Default for Readings {
    fn default() -> Self {
        Self::new()
    }
}

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
    if plain.contains('ü') {
        vec![
            plain.replace('ü', "v").into_bytes().into(),
            plain.replace('ü', "u").into_bytes().into(),
        ]
    } else {
        vec![plain.as_bytes().into()]
    }
}

/// The query as pinyin letters, if it is one: ASCII letters only.
#[must_use]
pub fn letters(term: &str) -> Option<Vec<u8>> {
    let ok = !term.is_empty()
        && term.len() <= MAX_LETTERS
        && term.bytes().all(|b| b.is_ascii_alphabetic());
    ok.then(|| term.to_ascii_lowercase().into_bytes())
}
