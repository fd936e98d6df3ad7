//! The one rule for whether a term matches an entry, and how a match
//! ranks: as a substring, as a place's name, through the characters'
//! readings, or as its characters in order nearby.

use super::highlight::Kind;
use super::outcome::TermMatch;
use super::{Query, Rank, SearchIndex, Target, Term, pinyin};
use crate::content::{Anchor, Field};

impl SearchIndex {
    /// Our label of a node, indexed right after the heading it stands
    /// beside: where that heading matches too, the label is no hit of its
    /// own (the heading is what the page printed).
    pub(super) fn is_label(&self, entry: u32) -> bool {
        entry > 0 && matches!(self.target(entry), Target::Label(_))
    }

    /// Does every term match this entry, and how well? A query of several
    /// words ranks by them first.
    pub(super) fn rank(&self, entry: u32, query: &Query) -> Option<Rank> {
        if query.is_words() {
            let (rank, phrase, span) = self.words_rank(entry, query)?;
            return Some(rank.with_words(phrase, 0, span));
        }
        self.rank_terms(entry, query)
    }

    /// Does every term match this entry, and how well, as one word?
    pub(super) fn rank_terms(&self, entry: u32, query: &Query) -> Option<Rank> {
        self.rank_spread(entry, query).map(|(rank, _)| rank)
    }

    /// [`Self::rank_terms`], and how far apart the terms' first matches
    /// are, in bytes: how close together a query's words stand, worked out
    /// without a list of every match.
    pub(super) fn rank_spread(&self, entry: u32, query: &Query) -> Option<(Rank, u32)> {
        if self.is_label(entry) && self.rank_terms(entry - 1, query).is_some() {
            return None;
        }
        // Looked up only when a test needs the words: an initial matched
        // by reading sets alone never reaches into the library.
        let cell = std::cell::OnceCell::new();
        let text = || *cell.get_or_init(|| self.text(entry));
        let mut all = TermMatch {
            contiguous: true,
            gap: 0,
            first: u32::MAX,
            in_context: true,
            whole: true,
            covers: 0,
        };
        let mut last = 0;
        for term in &query.terms {
            let (m, _) = self.match_term(entry, &text, term, query)?;
            last = last.max(m.first);
            all.contiguous &= m.contiguous;
            all.in_context &= m.in_context;
            all.whole &= m.whole;
            all.covers += m.covers;
            all.gap = all.gap.saturating_add(m.gap);
            all.first = all.first.min(m.first);
        }
        let e = self.entries[entry as usize];
        let exact = self.is_exact(e.target(), &text, query);
        Some((Rank::new(exact, all, e.tier(), entry), last - all.first))
    }

    fn is_exact<'a>(&self, target: Target, text: &dyn Fn() -> &'a str, query: &Query) -> bool {
        let [term] = query.terms.as_slice() else {
            return false;
        };
        match target {
            Target::Place(p) => {
                self.lib.places[p].answers_to(&term.text) == Some(crate::content::NameMatch::Exact)
            }
            Target::Field(Anchor {
                field: Field::Heading | Field::Title,
                node,
            }) => {
                let bare = |s: &str| s.trim_end_matches(['。', '：']).to_owned();
                let n = self.lib.node(node);
                term.is(&bare(text())) || term.is(&bare(n.label()))
            }
            Target::Label(_) => text() == term.text,
            Target::Field(_) => false,
        }
    }

    /// The one rule for whether a term matches an entry, and how: as a
    /// substring, as a place's Chinese name (for an English one), through
    /// the characters' readings, or as its characters in order nearby. The
    /// kind decides which occurrences [`Self::marks`] lists.
    pub(super) fn match_term<'a>(
        &self,
        entry: u32,
        text: &dyn Fn() -> &'a str,
        term: &Term,
        query: &Query,
    ) -> Option<(TermMatch, Kind)> {
        let scattered = query.scattered;
        let at = |first: usize| TermMatch {
            contiguous: true,
            gap: 0,
            first: u32::try_from(first).unwrap_or(u32::MAX),
            in_context: true,
            whole: true,
            covers: 0,
        };
        let e = self.entries[entry as usize];
        // A term of ASCII letters can only match text that has some.
        let as_text = e.latin() || !term.is_letters();
        // Characters apart are tried only when the pass before found the
        // query nowhere: a lone term is in no text whole, and is not
        // looked for so again.
        let whole_absent = scattered && query.terms.len() == 1;
        // Where its codes say the text lacks the term, the text is not read.
        let may_hold = |in_order| self.codes_may_hold(entry, term, in_order);
        if as_text
            && !whole_absent
            && may_hold(false)
            && let Some(i) = term.find_in(text())
        {
            return Some((at(i), Kind::Text));
        }
        if term.exact {
            return None;
        }
        if !term.by_country
            && let Some(i) = self.place_in(entry, term, text)
        {
            return Some((at(i), Kind::Place));
        }
        if let Some(letters) = &term.letters
            && e.initials & pinyin::letter_bit(letters.first()) != 0
            && let Some((c, end, how)) = self.with_sets(entry, text, |sets| {
                sets.find_from(self.readings, letters, e.initials, 0)
            })
        {
            // Pinyin matches hanzi, three bytes each in UTF-8: close enough to
            // order hits by, without walking the text again.
            let found = TermMatch {
                in_context: how.in_context,
                whole: how.whole,
                covers: if how.whole {
                    0
                } else {
                    u32::try_from(end - c).unwrap_or(0)
                },
                ..at(c.saturating_mul(3))
            };
            return Some((found, Kind::Pinyin));
        }
        if term.by_country
            && let Some(i) = self.place_in(entry, term, text)
        {
            return Some((at(i), Kind::Place));
        }
        // One character in order is the substring already tried.
        if !scattered || !as_text || term.text.chars().nth(1).is_none() || !may_hold(true) {
            return None;
        }
        let (first, span, chars) = term.subsequence_in(text())?;
        let found = TermMatch {
            contiguous: false,
            gap: u32::try_from(span.saturating_sub(chars)).unwrap_or(u32::MAX),
            first: u32::try_from(first).unwrap_or(u32::MAX),
            in_context: true,
            whole: true,
            covers: 0,
        };
        Some((found, Kind::Scattered))
    }
}
