//! A query of one pinyin initial (`n`): the commonest first keystroke, and
//! the one that matches nearly everything. Whether an entry matches is read
//! from its initials mask, and an entry is ranked only if it could beat the
//! hits already kept, so a big archive's reading sets are mostly not read.

use super::outcome::TermMatch;
use super::pinyin::{LONE, letter_bit};
use super::{Query, Rank, SearchIndex, Term, Tier};

/// The term of such a query and its letter's bit.
pub(super) struct Lone<'q> {
    term: &'q Term,
    bit: u32,
}

impl SearchIndex {
    /// The query as a lone initial, when it is one: a single unquoted
    /// letter that names no place, in an index with stored reading sets (and so each entry's initials).
    pub(super) fn lone<'q>(&self, query: &'q Query) -> Option<Lone<'q>> {
        let [term] = query.terms.as_slice() else {
            return None;
        };
        let letters = term.letters.as_ref()?;
        (self.sets.is_some() && !term.exact && !term.has_places() && term.text.len() == 1).then(
            || Lone {
                term,
                bit: letter_bit(letters.first()),
            },
        )
    }

    /// Does the lone initial match this entry? Some character can be read
    /// starting with it, or the text has the letter itself.
    pub(super) fn lone_matches(&self, lone: &Lone, entry: u32) -> bool {
        let e = self.entries[entry as usize];
        e.initials & lone.bit != 0 || (e.latin() && lone.term.find_in(self.text(entry)).is_some())
    }

    /// The best rank the entry could have, from what the index holds
    /// about it without reading its text: only a heading can match
    /// exactly, and a match ends on a whole syllable only through the
    /// letter in the text or a character read as that letter alone.
    pub(super) fn lone_ceiling(&self, entry: u32) -> Rank {
        let e = self.entries[entry as usize];
        // Only headings, titles, labels and places match exactly.
        let exact = e.tier() == Tier::Heading;
        let best = TermMatch {
            contiguous: true,
            gap: 0,
            first: 0,
            in_context: true,
            whole: e.latin() || e.initials & LONE != 0,
            // A lone letter not read whole covers its one character.
            covers: 1,
        };
        Rank::new(exact, best, e.tier(), entry)
    }
}
