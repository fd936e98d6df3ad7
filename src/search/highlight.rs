//! Highlights: which characters of a hit's text a query matched, every
//! match in an article for `n`/`N`, and a one-line snippet around a match.

use super::{Query, SearchIndex, Target, Term};
use crate::content::Anchor;
use crate::wrap::Widths;

impl SearchIndex {
    /// Character positions to highlight for a query in an entry's text:
    /// substrings, place names and pinyin runs whole, characters in order
    /// where they matched.
    #[must_use]
    pub fn positions(&self, entry: u32, query: &str) -> Vec<usize> {
        self.positions_of(&[entry], query).pop().unwrap_or_default()
    }

    /// [`Self::positions`] for several entries, the query parsed once.
    #[must_use]
    pub fn positions_of(&self, entries: &[u32], query: &str) -> Vec<Vec<usize>> {
        let parsed = Query::parse(query, &self.lib);
        entries
            .iter()
            .map(|&entry| {
                let text = self.text(entry);
                let mut out = Vec::new();
                for term in &parsed.terms {
                    out.extend(self.term_positions(entry, text, term));
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect()
    }

    fn term_positions(&self, entry: u32, text: &str, term: &Term) -> Vec<usize> {
        let char_range = |byte: usize, len: usize| {
            let start = text[..byte].chars().count();
            start..start + text[byte..byte + len].chars().count()
        };
        if let Some(i) = term.find_in(text) {
            return char_range(i, term.text.len()).collect();
        }
        if term.exact {
            return Vec::new();
        }
        if let Some((i, name)) = term
            .place_names
            .iter()
            .filter_map(|name| text.find(name.as_str()).map(|i| (i, name)))
            .min()
        {
            return char_range(i, name.len()).collect();
        }
        if let Some(letters) = &term.letters
            && let Some((a, b, _)) = self.with_sets(entry, &|| text, |sets| {
                self.readings
                    .find(sets, letters, self.entries[entry as usize].initials)
            })
        {
            return (a..b).collect();
        }
        term.subsequence_positions(text).unwrap_or_default()
    }

    /// Every contiguous match of a query in one article's text, in reading
    /// order, as byte ranges: what `n` and `N` step through.
    #[must_use]
    pub fn matches_in_article(
        &self,
        article: usize,
        query: &str,
    ) -> Vec<(Anchor, std::ops::Range<usize>)> {
        let parsed = Query::parse(query, &self.lib);
        if parsed.terms.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let Target::Field(anchor) = e.target() else {
                continue;
            };
            if self.lib.node(anchor.node).article != article {
                continue;
            }
            let entry = u32::try_from(i).unwrap_or(u32::MAX);
            let text = self.text(entry);
            if self.rank(entry, &parsed).is_none() {
                continue;
            }
            let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
            for term in &parsed.terms {
                ranges.extend(self.all_term_ranges(entry, text, term));
            }
            ranges.sort_by_key(|r| (r.start, r.end));
            ranges.dedup_by(|b, a| b.start < a.end);
            out.extend(ranges.into_iter().map(|r| (anchor, r)));
        }
        out
    }

    fn all_term_ranges(&self, entry: u32, text: &str, term: &Term) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = term.find_all(text);
        if !out.is_empty() || term.exact {
            return out;
        }
        for name in &term.place_names {
            out.extend(
                text.match_indices(name.as_str())
                    .map(|(i, s)| i..i + s.len()),
            );
        }
        if out.is_empty()
            && let Some(letters) = &term.letters
        {
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            self.with_sets(entry, &|| text, |sets| {
                let mut from = 0;
                while let Some((a, b, _)) = self.readings.find_from(
                    sets,
                    letters,
                    self.entries[entry as usize].initials,
                    from,
                ) {
                    out.push(bytes[a]..bytes[b]);
                    from = b.max(a + 1);
                }
            });
        }
        if out.is_empty() {
            // A scattered match highlights each character it uses.
            let bytes: Vec<(usize, char)> = text.char_indices().collect();
            for p in self.term_positions(entry, text, term) {
                if let Some(&(b, c)) = bytes.get(p) {
                    out.push(b..b + c.len_utf8());
                }
            }
        }
        out
    }
}

/// A one-line excerpt of `text` at most `width` columns wide, centred on the
/// first highlighted character; returns the excerpt and the positions within it.
#[must_use]
pub fn snippet(
    text: &str,
    positions: &[usize],
    width: usize,
    widths: Widths,
) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let focus = positions.first().copied().unwrap_or(0).min(chars.len());
    // Start a third of the width before the match, so the match sits left of centre.
    let mut start = focus;
    let mut before = 0;
    while start > 0 && before + widths.char(chars[start - 1]) <= width / 3 {
        start -= 1;
        before += widths.char(chars[start]);
    }
    let ell = widths.char('…');
    // Near the end, start earlier so the excerpt fills the width.
    let tail: usize = chars[start..].iter().map(|&c| widths.char(c)).sum();
    let mut room = width.saturating_sub(tail);
    while start > 0 && room >= widths.char(chars[start - 1]) + if start > 1 { ell } else { 0 } {
        start -= 1;
        room -= widths.char(chars[start]);
    }
    let lead = start > 0;
    let mut used = if lead { ell } else { 0 };
    let mut end = start;
    while end < chars.len()
        && used + widths.char(chars[end]) + if end + 1 < chars.len() { ell } else { 0 } <= width
    {
        used += widths.char(chars[end]);
        end += 1;
    }
    let mut out = String::new();
    let shift = usize::from(lead);
    if lead {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let inside = positions
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|&p| p - start + shift)
        .collect();
    (out, inside)
}
