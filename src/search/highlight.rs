//! Marks: which bytes of an entry's text a query matched, by the kind of
//! match the one matcher (`SearchIndex::match_term`) decided; every match in
//! an article for `n`/`N`; and a one-line snippet around a match.

use std::ops::Range;

use super::{Query, SearchIndex, Target, Term};
use crate::content::Anchor;

/// How a term matched an entry: which of its occurrences are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// As typed, a substring.
    Text,
    /// The Chinese name of a place the term names in English.
    Place,
    /// Characters whose readings spell the letters.
    Pinyin,
    /// The term's characters in order, close together.
    Scattered,
}

impl SearchIndex {
    /// The byte ranges of an entry's text a query marks, in order and
    /// apart: every occurrence of each term, of the kind it matched by.
    /// None when the query does not match the entry.
    pub(super) fn marks(&self, entry: u32, query: &Query) -> Option<Vec<Range<usize>>> {
        let text = self.text(entry);
        let mut out: Vec<Range<usize>> = Vec::new();
        for term in &query.terms {
            let (_, kind) = self.match_term(entry, &|| text, term, query)?;
            out.extend(self.occurrences(entry, text, term, kind));
        }
        merge(&mut out);
        Some(out)
    }

    /// Where one term stands in an entry, by the kind it matched; nothing
    /// when it does not.
    pub(super) fn term_marks(
        &self,
        entry: u32,
        text: &str,
        term: &Term,
        query: &Query,
    ) -> Vec<Range<usize>> {
        self.match_term(entry, &|| text, term, query)
            .map(|(_, kind)| self.occurrences(entry, text, term, kind))
            .unwrap_or_default()
    }

    fn occurrences(&self, entry: u32, text: &str, term: &Term, kind: Kind) -> Vec<Range<usize>> {
        match kind {
            Kind::Text => term.find_all(text),
            Kind::Place => term.find_all_places(text),
            Kind::Pinyin => {
                let Some(letters) = &term.letters else {
                    return Vec::new();
                };
                let bytes: Vec<usize> = text
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain([text.len()])
                    .collect();
                let initials = self.entries[entry as usize].initials;
                let mut out = Vec::new();
                self.with_sets(entry, &|| text, |sets| {
                    let mut from = 0;
                    while let Some((a, b, _)) =
                        sets.find_from(self.readings, letters, initials, from)
                    {
                        out.push(bytes[a]..bytes[b]);
                        from = b.max(a + 1);
                    }
                });
                out
            }
            Kind::Scattered => {
                let chars: Vec<(usize, char)> = text.char_indices().collect();
                term.subsequence_positions(text)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| chars.get(p).map(|&(b, c)| b..b + c.len_utf8()))
                    .collect()
            }
        }
    }

    /// Every word of `query` where it stands in an entry, whether or not
    /// the others do: what a hit of several words marks.
    pub(super) fn word_marks(&self, entry: u32, query: &Query) -> Vec<Range<usize>> {
        self.words_held(entry, query).1
    }

    /// How many of the query's words a text holds, and the marks of them.
    pub(super) fn words_held(&self, entry: u32, query: &Query) -> (usize, Vec<Range<usize>>) {
        let text = self.text(entry);
        let mut held = 0;
        let mut out: Vec<Range<usize>> = Vec::new();
        for t in &query.terms {
            let marks = self.term_marks(entry, text, t, query);
            held += usize::from(!marks.is_empty());
            out.extend(marks);
        }
        super::highlight::merge(&mut out);
        (held, out)
    }

    /// Every match of a query in one article's text, in reading order, as
    /// byte ranges: what `n` and `N` step through. Costs that article's
    /// entries, not the collection's. A query of several words marks each
    /// word where it stands.
    #[must_use]
    pub fn matches_in_article(&self, article: usize, query: &str) -> Vec<(Anchor, Range<usize>)> {
        let script = self.script_for(query);
        let mut parsed = Query::parse_in(query, &self.lib, script).into_words(&self.lib, script);
        if parsed.terms.is_empty() {
            return Vec::new();
        }
        // Several words: marked in the texts that hold the most of them
        // (all, where one does), so `n` goes where the search found, not to
        // every lone word of the article.
        if parsed.is_words() {
            let (Some(&start), Some(&end)) = (
                self.article_starts.get(article),
                self.article_starts.get(article + 1),
            ) else {
                return Vec::new();
            };
            let most = (start..end)
                .map(|entry| self.words_held(entry, &parsed).0)
                .max()
                .unwrap_or(0);
            return self.each_entry(article, |entry| {
                let (held, marks) = self.words_held(entry, &parsed);
                (held == most && most > 0).then_some(marks)
            });
        }
        let words = self.matches_of(article, &parsed);
        if !words.is_empty() || !parsed.can_scatter() {
            return words;
        }
        // As the search did when no text held the words: characters in order.
        parsed.scattered = true;
        self.matches_of(article, &parsed)
    }

    fn matches_of(&self, article: usize, parsed: &Query) -> Vec<(Anchor, Range<usize>)> {
        self.each_entry(article, |entry| self.marks(entry, parsed))
    }

    /// The marks `f` gives each of an article's texts, in reading order.
    fn each_entry(
        &self,
        article: usize,
        f: impl Fn(u32) -> Option<Vec<Range<usize>>>,
    ) -> Vec<(Anchor, Range<usize>)> {
        let (Some(&start), Some(&end)) = (
            self.article_starts.get(article),
            self.article_starts.get(article + 1),
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for entry in start..end {
            let Target::Field(anchor) = self.target(entry) else {
                continue;
            };
            if let Some(ranges) = f(entry) {
                out.extend(ranges.into_iter().map(|r| (anchor, r)));
            }
        }
        out
    }
}

/// Byte ranges in order, overlapping ones made one.
pub(super) fn merge(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// The characters (indices) that byte ranges of `text` cover: what a view
/// highlights.
#[must_use]
pub fn char_positions(text: &str, ranges: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut ranges = ranges.iter().peekable();
    for (i, (b, _)) in text.char_indices().enumerate() {
        while ranges.peek().is_some_and(|r| r.end <= b) {
            ranges.next();
        }
        match ranges.peek() {
            Some(r) if r.start <= b => out.push(i),
            Some(_) => {}
            None => break,
        }
    }
    out
}
