//! A query of one or two pinyin letters (`n`, `zz`, `ni`): the commonest
//! first keystrokes, and the ones that match nearly everything. Whether an
//! entry matches is read from its initials mask (one letter) or from its
//! reading sets' initials, character by character (two letters), and an
//! entry is ranked only if it could beat the hits already kept, so a big
//! archive's reading sets are mostly not spelled out.

use super::outcome::TermMatch;
use super::pinyin::{LONE, Letters, SetAt as _, letter_bit};
use super::{Query, Rank, SearchIndex, Term, Tier};

/// The term of such a query, its letters and its first letter's bit.
pub(super) struct Lone<'q> {
    term: &'q Term,
    letters: &'q Letters,
    bit: u32,
}

impl SearchIndex {
    /// The query as one or two letters, when it is: a single unquoted term
    /// of one or two letters (which may name places: ni, Nice), in an index
    /// with stored reading sets (and so each entry's initials).
    pub(super) fn lone<'q>(&self, query: &'q Query) -> Option<Lone<'q>> {
        let [term] = query.terms.as_slice() else {
            return None;
        };
        let letters = term.letters.as_ref()?;
        (self.sets.is_some() && !term.exact && term.text.len() <= 2).then(|| Lone {
            term,
            letters,
            bit: letter_bit(letters.first()),
        })
    }

    /// Does the query match this entry, and where could its match begin?
    /// The text has the letters themselves or a place they name (where the
    /// codes say it may), or a character can be read starting with the
    /// first letter, and the second goes on its syllable (h after z in
    /// zhi) or begins the next character's: exactly when the letters spell
    /// a run.
    pub(super) fn lone_fit(&self, lone: &Lone, entry: u32) -> Option<Fit> {
        let e = self.entries[entry as usize];
        if e.latin() && lone.term.find_in(self.text(entry)).is_some() {
            return Some(Fit::Text);
        }
        if self
            .place_in(entry, lone.term, &|| self.text(entry))
            .is_some()
        {
            return Some(Fit::Text);
        }
        if e.initials & lone.bit == 0 {
            return None;
        }
        if lone.letters.second().is_none() {
            return Some(Fit::Somewhere);
        }
        self.first_run(lone, entry).map(Fit::At)
    }

    /// The first character a run of the letters can begin at.
    fn first_run(&self, lone: &Lone, entry: u32) -> Option<usize> {
        let packed = self.sets.as_ref()?;
        packed
            .entry(&self.entries, entry as usize)
            .next_run(0, lone.letters, self.readings)
    }

    /// Whether the entry could rank above `worst`, from what the index
    /// holds about it without reading its text: only a heading can match
    /// exactly; one letter ends on a whole syllable only through the
    /// letter in the text or a character read as that letter alone, two
    /// only where they end with a syllable (ni), through the text or a
    /// place they name; a match read whole covers nothing more; and a
    /// reading begins no earlier than the first character a run can begin
    /// at (looked for, for one letter, only if the rank could beat `worst`
    /// without it).
    pub(super) fn lone_may_beat(&self, lone: &Lone, entry: u32, fit: Fit, worst: Rank) -> bool {
        let e = self.entries[entry as usize];
        // Only headings, titles, labels and places match exactly.
        let exact = e.tier() == Tier::Heading;
        let pair = lone.letters.second().is_some();
        let whole = matches!(fit, Fit::Text)
            || e.latin()
            || if pair {
                lone.letters.can_be_whole()
            } else {
                e.initials & LONE != 0
            };
        let ceiling = |first: Option<usize>| {
            let best = TermMatch {
                contiguous: true,
                gap: 0,
                // Pinyin matches are placed three bytes a character, as
                // ranking places them.
                first: first.map_or(0, |c| {
                    u32::try_from(c.saturating_mul(3)).unwrap_or(u32::MAX)
                }),
                in_context: true,
                whole,
                // Letters not read whole cover a character each, at most.
                covers: match (whole, pair) {
                    (true, _) => 0,
                    (false, true) => 2,
                    (false, false) => 1,
                },
            };
            Rank::new(exact, best, e.tier(), entry)
        };
        match fit {
            Fit::Text => ceiling(None) > worst,
            Fit::At(c) => ceiling(Some(c)) > worst,
            Fit::Somewhere => ceiling(None) > worst && ceiling(self.first_run(lone, entry)) > worst,
        }
    }
}

/// Where a lone query's match could begin in an entry.
#[derive(Clone, Copy)]
pub(super) enum Fit {
    /// The text has the letters themselves, or a place they name: anywhere,
    /// read whole.
    Text,
    /// No earlier than this character.
    At(usize),
    /// One letter, which the entry's initials hold: where is found only
    /// if the ceiling is needed.
    Somewhere,
}
