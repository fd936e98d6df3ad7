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
    /// of one or two letters that names no place, in an index with stored
    /// reading sets (and so each entry's initials).
    pub(super) fn lone<'q>(&self, query: &'q Query) -> Option<Lone<'q>> {
        let [term] = query.terms.as_slice() else {
            return None;
        };
        let letters = term.letters.as_ref()?;
        (self.sets.is_some() && !term.exact && !term.has_places() && term.text.len() <= 2).then(
            || Lone {
                term,
                letters,
                bit: letter_bit(letters.first()),
            },
        )
    }

    /// Does the query match this entry? The text has the letters
    /// themselves, or a character can be read starting with the first, and
    /// the second goes on its syllable (h after z in zhi) or begins the
    /// next character's: exactly when the letters spell a run.
    pub(super) fn lone_matches(&self, lone: &Lone, entry: u32) -> bool {
        let e = self.entries[entry as usize];
        if e.latin() && lone.term.find_in(self.text(entry)).is_some() {
            return true;
        }
        if e.initials & lone.bit == 0 {
            return false;
        }
        let Some(packed) = self
            .sets
            .as_ref()
            .filter(|_| lone.letters.second().is_some())
        else {
            return true;
        };
        let sets = packed.entry(&self.entries, entry as usize);
        let mut from = 0;
        while let Some(c) = sets.next_from(from, lone.bit, self.readings) {
            from = c + 1;
            // An escaped character may lack the letter: its set says.
            if sets.initials_at(c, self.readings) & lone.bit != 0
                && lone.letters.second_fits(&sets, c, self.readings)
            {
                return true;
            }
        }
        false
    }

    /// The best rank the entry could have, from what the index holds
    /// about it without reading its text: only a heading can match
    /// exactly; one letter ends on a whole syllable only through the
    /// letter in the text or a character read as that letter alone, two
    /// only where they end with a syllable (ni) or through the text.
    pub(super) fn lone_ceiling(&self, lone: &Lone, entry: u32) -> Rank {
        let e = self.entries[entry as usize];
        // Only headings, titles, labels and places match exactly.
        let exact = e.tier() == Tier::Heading;
        let pair = lone.letters.second().is_some();
        let whole = if pair {
            lone.letters.can_be_whole()
        } else {
            e.initials & LONE != 0
        };
        let best = TermMatch {
            contiguous: true,
            gap: 0,
            first: 0,
            in_context: true,
            whole: e.latin() || whole,
            // Letters not read whole cover a character each, at most.
            covers: if pair { 2 } else { 1 },
        };
        Rank::new(exact, best, e.tier(), entry)
    }
}
