//! Reading sets kept one byte a character: the index's largest part, and
//! the one a pinyin keystroke reads end to end.
//!
//! A collection reads with a few hundred sets, and the 255 its text uses
//! most cover nearly every character (98.6% of the bench's, of the seed's
//! own); each of those is a code, and any other character is an escape,
//! whose set is kept beside it by position.

use super::pinyin::{Letters, Reading, Readings, SetAt};
use super::{Entry, Query, SearchIndex, Term};

/// The code that says: look among the escapes.
const ESCAPE: u8 = u8::MAX;

/// Which set each code stands for, and back.
pub(super) struct Palette {
    sets: Box<[u16; 256]>,
    /// The initials of each code's set ([`Readings::initials`]); every
    /// letter for the escape, whose sets are told apart later.
    initials: Box<[u32; 256]>,
    codes: Box<[u8; 1 << 16]>,
}

impl Palette {
    /// The 255 sets counted most often (`counts[id]`, one slot per set
    /// id) get codes, the commonest first.
    pub(super) fn commonest(counts: &[u64], readings: &Readings) -> Self {
        let mut ids: Vec<u16> = (0..=u16::MAX)
            .filter(|&id| counts.get(usize::from(id)).is_some_and(|&n| n > 0))
            .collect();
        ids.sort_by_key(|&id| std::cmp::Reverse(counts[usize::from(id)]));
        let mut sets = Box::new([0; 256]);
        let mut initials = Box::new([u32::MAX; 256]);
        let mut codes: Box<[u8; 1 << 16]> = vec![ESCAPE; 1 << 16]
            .into_boxed_slice()
            .try_into()
            .expect("a slice of exactly 1 << 16 slots");
        for (code, &id) in (0..ESCAPE).zip(&ids) {
            sets[usize::from(code)] = id;
            initials[usize::from(code)] = readings.initials(id);
            codes[usize::from(id)] = code;
        }
        // Codes no set took: nothing is written with them.
        for code in ids.len()..usize::from(ESCAPE) {
            initials[code] = 0;
        }
        Palette {
            sets,
            initials,
            codes,
        }
    }

    /// How many of the sets counted (`counts[id]`) have no code.
    pub(super) fn escaped(&self, counts: &[u64]) -> usize {
        let n: u64 = counts
            .iter()
            .zip(self.codes.iter())
            .filter(|&(_, &code)| code == ESCAPE)
            .map(|(n, _)| n)
            .sum();
        usize::try_from(n).unwrap_or(usize::MAX)
    }

    /// Writes one entry's sets as codes into `out` (as long as `sets`),
    /// and each set with no code onto `escapes`, by its position.
    pub(super) fn pack(&self, sets: &[u16], out: &mut [u8], escapes: &mut Vec<(u32, u16)>) {
        for (c, (&id, slot)) in sets.iter().zip(out.iter_mut()).enumerate() {
            let code = self.codes[usize::from(id)];
            *slot = code;
            if code == ESCAPE {
                let c = u32::try_from(c).expect("an entry's characters fit 32 bits");
                escapes.push((c, id));
            }
        }
    }
}

/// Every entry's sets, end to end: see [`Packed::entry`].
pub(super) struct Packed {
    pub(super) palette: Palette,
    pub(super) codes: Vec<u8>,
    /// Each share's escapes, as the thread that indexed it wrote them (so
    /// never copied into one list): its entries' in order, each the
    /// position in its entry's text, and the set.
    pub(super) escapes: Vec<Vec<(u32, u16)>>,
    /// The first entry of each share.
    pub(super) shares: Vec<u32>,
}

impl Packed {
    /// Entry `i`'s sets: its codes, from where it records they start to
    /// where the next entry's do. Its escapes are found only when one is
    /// read ([`Packed::escapes_of`]).
    pub(super) fn entry<'a>(&'a self, entries: &'a [Entry], i: usize) -> Coded<'a> {
        let next = entries.get(i + 1);
        let codes_end = next.map_or(self.codes.len(), |n| n.sets_start as usize);
        Coded {
            codes: &self.codes[entries[i].sets_start as usize..codes_end],
            sets: &self.palette.sets,
            initials: &self.palette.initials,
            packed: self,
            entries,
            i,
        }
    }

    /// Entry `i`'s escapes, in its share's: from where it records they
    /// start to where the next entry's do, if that entry is of the share.
    fn escapes_of<'a>(&'a self, entries: &[Entry], i: usize) -> &'a [(u32, u16)] {
        let share = self
            .shares
            .partition_point(|&first| first as usize <= i)
            .saturating_sub(1);
        let escapes = &self.escapes[share];
        let in_share = self
            .shares
            .get(share + 1)
            .is_none_or(|&next_share| i + 1 < next_share as usize);
        let end = entries
            .get(i + 1)
            .filter(|_| in_share)
            .map_or(escapes.len(), |n| n.escapes_start as usize);
        &escapes[entries[i].escapes_start as usize..end]
    }
}

/// A term's characters as codes, for each form of it looked for: an
/// entry whose codes hold no form's holds no form of the term, and its
/// text is not read. Only characters coded the same wherever they stand
/// are looked for (a phrase may read 都 with another set): a form's
/// longest run of them in a row for the term whole, all of them in order
/// for its characters apart; each needs two characters at least (one
/// character's code is its homophones' too, and passes over too little
/// to pay for the look).
#[derive(Debug, Clone)]
pub(super) struct CodedTerm {
    whole: Option<Vec<memchr::memmem::Finder<'static>>>,
    apart: Option<Vec<Vec<u8>>>,
}

/// How common each code is, for the byte search's choice of which bytes
/// of a needle to look for first: the palette gives the commonest sets the
/// lowest codes.
#[derive(Clone, Copy)]
struct CodeRank;

impl memchr::arch::all::packedpair::HeuristicFrequencyRank for CodeRank {
    fn rank(&self, byte: u8) -> u8 {
        if byte == ESCAPE { 128 } else { u8::MAX - byte }
    }
}

impl CodedTerm {
    pub(super) fn new<'a>(
        forms: impl Iterator<Item = &'a [char]>,
        palette: &Palette,
        readings: &Readings,
    ) -> Option<Self> {
        let forms: Vec<Vec<Option<u8>>> = forms
            .map(|chars| {
                chars
                    .iter()
                    .map(|&c| Some(palette.codes[usize::from(readings.fixed_set(c)?)]))
                    .collect()
            })
            .collect();
        // Each form's longest run, and all its coded characters in order:
        // none for the term, where some form has fewer than two.
        let whole: Option<Vec<_>> = forms
            .iter()
            .map(|codes| {
                let run: Vec<u8> = codes
                    .split(Option::is_none)
                    .max_by_key(|run| run.len())?
                    .iter()
                    .flatten()
                    .copied()
                    .collect();
                (run.len() > 1).then(|| {
                    memchr::memmem::FinderBuilder::new()
                        .build_forward_with_ranker(CodeRank, &run)
                        .into_owned()
                })
            })
            .collect();
        let apart: Option<Vec<Vec<u8>>> = forms
            .iter()
            .map(|codes| {
                let ordered: Vec<u8> = codes.iter().flatten().copied().collect();
                (ordered.len() > 1).then_some(ordered)
            })
            .collect();
        let term = CodedTerm {
            whole: whole.filter(|f| !f.is_empty()),
            apart: apart.filter(|n| !n.is_empty()),
        };
        (term.whole.is_some() || term.apart.is_some()).then_some(term)
    }

    /// Some form's codes, one after another (or no form's can be told).
    pub(super) fn may_hold(&self, sets: &Coded) -> bool {
        self.whole
            .as_ref()
            .is_none_or(|forms| forms.iter().any(|f| f.find(sets.codes).is_some()))
    }

    /// Some form's codes, in order (or no form's can be told).
    pub(super) fn may_hold_in_order(&self, sets: &Coded) -> bool {
        self.apart.as_ref().is_none_or(|forms| {
            forms.iter().any(|needle| {
                let mut from = 0;
                needle.iter().all(|&code| {
                    sets.codes
                        .get(from..)
                        .and_then(|rest| memchr::memchr(code, rest))
                        .inspect(|&at| from += at + 1)
                        .is_some()
                })
            })
        })
    }
}

impl SearchIndex {
    /// Gives each term its codes, and the names of the places it names
    /// theirs, for every pass: where most entries lack the term they are
    /// told so without reading their text. Among the entries a shorter
    /// query matched most may hold it (全球智造 after 全球智: 52 -> 57 ms
    /// at 30,000 articles), but where few do the look saves most of the
    /// reading (寧波創 after 寧波, found only as characters apart: 174 ->
    /// 135 ms), and few name a place (ni after n, n matching nearly all).
    pub(super) fn code_terms(&self, parsed: &mut Query) {
        let Some(packed) = &self.sets else { return };
        for term in &mut parsed.terms {
            term.coded = CodedTerm::new(term.forms(), &packed.palette, self.readings);
            let names = term.place_chars();
            term.places_coded = CodedTerm::new(
                names.iter().map(Vec::as_slice),
                &packed.palette,
                self.readings,
            );
        }
    }

    /// Where the first place the term names stands in the entry's text,
    /// read only where the entry's codes may hold one.
    pub(super) fn place_in<'a>(
        &self,
        entry: u32,
        term: &Term,
        text: &dyn Fn() -> &'a str,
    ) -> Option<usize> {
        if !term.has_places() {
            return None;
        }
        if let (Some(coded), Some(packed)) = (&term.places_coded, &self.sets)
            && !coded.may_hold(&packed.entry(&self.entries, entry as usize))
        {
            return None;
        }
        term.find_place(text())
    }

    /// Whether the entry's codes may hold the term (whole, or its
    /// characters `in_order`): always, for a term given no codes.
    pub(super) fn codes_may_hold(&self, entry: u32, term: &Term, in_order: bool) -> bool {
        let (Some(coded), Some(packed)) = (&term.coded, &self.sets) else {
            return true;
        };
        let sets = packed.entry(&self.entries, entry as usize);
        if in_order {
            coded.may_hold_in_order(&sets)
        } else {
            coded.may_hold(&sets)
        }
    }
}

/// One entry's reading sets, as [`SetAt`] reads them.
#[derive(Clone, Copy)]
pub(super) struct Coded<'a> {
    codes: &'a [u8],
    sets: &'a [u16; 256],
    initials: &'a [u32; 256],
    /// Where its escapes are, looked up when one is read: a character in
    /// seventy or so.
    packed: &'a Packed,
    entries: &'a [Entry],
    i: usize,
}

impl Coded<'_> {
    /// The escapes it holds, and the characters coded as escaped: the same
    /// when the entry's escapes are found where it says they are.
    #[cfg(test)]
    pub(super) fn escapes(&self) -> (usize, usize) {
        let coded = memchr::memchr_iter(ESCAPE, self.codes).count();
        (self.packed.escapes_of(self.entries, self.i).len(), coded)
    }
}

impl SetAt for Coded<'_> {
    fn count(&self) -> usize {
        self.codes.len()
    }

    #[inline]
    fn at(&self, c: usize) -> u16 {
        let code = self.codes[c];
        if code == ESCAPE {
            let c = u32::try_from(c).unwrap_or(u32::MAX);
            let escapes = self.packed.escapes_of(self.entries, self.i);
            escapes
                .binary_search_by_key(&c, |&(at, _)| at)
                .map_or(0, |i| escapes[i].1)
        } else {
            self.sets[usize::from(code)]
        }
    }

    #[inline]
    fn initials_at(&self, c: usize, readings: &Readings) -> u32 {
        let code = self.codes[c];
        if code == ESCAPE {
            readings.initials(self.at(c))
        } else {
            self.initials[usize::from(code)]
        }
    }

    #[inline]
    fn next_from(&self, from: usize, bit: u32, _: &Readings) -> Option<usize> {
        let rest = self.codes.get(from..)?;
        let at = rest
            .iter()
            .position(|&code| self.initials[usize::from(code)] & bit != 0)?;
        Some(from + at)
    }
}

/// One entry's reading sets, as the index has them.
#[derive(Clone, Copy)]
pub(super) enum EntrySets<'a> {
    /// Worked out from the text for this try.
    Worked(&'a [u16]),
    Packed(Coded<'a>),
}

impl EntrySets<'_> {
    /// [`Readings::find_from`] over these sets.
    pub(super) fn find_from(
        self,
        readings: &Readings,
        query: &Letters,
        reach: u32,
        from: usize,
    ) -> Option<(usize, usize, Reading)> {
        match self {
            EntrySets::Worked(sets) => readings.find_from(sets, query, reach, from),
            EntrySets::Packed(sets) => readings.find_from(&sets, query, reach, from),
        }
    }

    /// [`Readings::reads_at`] over these sets.
    #[cfg(test)]
    pub(super) fn reads_at(self, readings: &Readings, c: usize, query: &Letters) -> Option<usize> {
        match self {
            EntrySets::Worked(sets) => readings.reads_at(sets, c, query),
            EntrySets::Packed(sets) => readings.reads_at(&sets, c, query),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Entry, Packed, Palette, Readings, SetAt};

    #[test]
    fn every_set_reads_back_coded_or_escaped() {
        // 300 sets, counted so that 45 of them have no code.
        let counts: Vec<u64> = (0..300).map(|id| 1000 - id).collect();
        let palette = Palette::commonest(&counts, Readings::shared());
        let sets: Vec<u16> = (0..300).rev().chain([0, 299, 254, 255]).collect();
        let mut codes = vec![0; sets.len()];
        let mut escapes = Vec::new();
        palette.pack(&sets, &mut codes, &mut escapes);
        assert_eq!(escapes.len(), 47, "sets 255 to 299, then 299 and 255 again");
        let packed = Packed {
            palette,
            codes,
            escapes: vec![escapes],
            shares: vec![0],
        };
        let entries = [Entry::default()];
        let entry = packed.entry(&entries, 0);
        let back: Vec<u16> = (0..entry.count()).map(|c| entry.at(c)).collect();
        assert_eq!(back, sets);
    }
}
