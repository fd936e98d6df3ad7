//! A section's text as notes see it (its paragraphs joined by line
//! breaks), the sentences and clauses a selection moves by, and finding a
//! note's words again after the collection was edited.

use std::collections::HashMap;
use std::ops::Range;

use super::{Note, Place};
use crate::content::{Anchor, Field, Library, NodeId};

/// Ends a sentence.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '!', '?', ';'];
/// Ends a clause (and every sentence end does too).
const CLAUSE_ENDS: &[char] = &['，', '、', '：', ',', ':'];
/// Closing marks that stay with the sentence they close.
const CLOSERS: &[char] = &['”', '’', '」', '』', '）', '》', ')', '"'];

/// A node's paragraphs joined by line breaks: what note positions count in.
#[must_use]
pub fn node_text(lib: &Library, node: NodeId) -> String {
    let paragraphs = &lib.node(node).paragraphs;
    let mut text = String::new();
    for i in 0..paragraphs.len() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(paragraphs.get(i).unwrap_or_default());
    }
    text
}

/// Where each paragraph of the node is in its [`node_text`].
#[must_use]
pub fn paragraph_spans(lib: &Library, node: NodeId) -> Vec<Range<usize>> {
    let paragraphs = &lib.node(node).paragraphs;
    let mut at = 0;
    (0..paragraphs.len())
        .map(|i| {
            let len = paragraphs.get(i).map_or(0, str::len);
            let span = at..at + len;
            at += len + 1;
            span
        })
        .collect()
}

/// A byte of a node's text as the paragraph that holds it and the byte
/// in that paragraph.
#[must_use]
pub fn in_paragraph(lib: &Library, node: NodeId, byte: usize) -> Option<(Anchor, usize)> {
    paragraph_spans(lib, node)
        .iter()
        .enumerate()
        .find(|(_, span)| span.end >= byte)
        .map(|(p, span)| {
            (
                Anchor {
                    node,
                    field: Field::Paragraph(p),
                },
                byte.saturating_sub(span.start),
            )
        })
}

/// Bytes of a node's text as `(paragraph, bytes of it)`, for each
/// paragraph they touch.
pub fn split<'a>(
    node: NodeId,
    spans: &'a [Range<usize>],
    bytes: &'a Range<usize>,
) -> impl Iterator<Item = (Anchor, Range<usize>)> + 'a {
    spans.iter().enumerate().filter_map(move |(p, span)| {
        let (start, end) = (bytes.start.max(span.start), bytes.end.min(span.end));
        (start < end).then(|| {
            (
                Anchor {
                    node,
                    field: Field::Paragraph(p),
                },
                start - span.start..end - span.start,
            )
        })
    })
}

fn ends_unit(c: char, clause: bool) -> bool {
    c == '\n' || SENTENCE_ENDS.contains(&c) || (clause && CLAUSE_ENDS.contains(&c))
}

/// The byte after the unit that starts at or after `from`: past its end
/// mark and any closing marks, or at the line break that ends it.
fn unit_end(text: &str, from: usize, clause: bool) -> usize {
    let mut chars = text[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .peekable();
    // A unit holds one character at least: a line break starts none.
    while let Some(&(_, c)) = chars.peek() {
        if c == '\n' {
            chars.next();
        } else {
            break;
        }
    }
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            return i;
        }
        if ends_unit(c, clause) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, c)) = chars.peek() {
                if CLOSERS.contains(&c) {
                    end = j + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            return end;
        }
    }
    text.len()
}

/// The sentence holding byte `at` (or the next one, on a line break).
#[must_use]
pub fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let at = floor(text, at.min(text.len()));
    // Back to the end of the sentence before, or the paragraph's start.
    let mut start = 0;
    let mut from = 0;
    while from < text.len() {
        let end = unit_end(text, from, false);
        let first = skip_breaks(text, from);
        if end > at || end >= text.len() {
            start = first;
            break;
        }
        from = end;
    }
    start..unit_end(text, start, false)
}

fn skip_breaks(text: &str, mut at: usize) -> usize {
    while text[at..].starts_with('\n') {
        at += 1;
    }
    at
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A selection ending at `end` grown by one sentence (or clause): None at
/// the end of the text.
#[must_use]
pub fn grow(text: &str, end: usize, clause: bool) -> Option<usize> {
    (end < text.len())
        .then(|| unit_end(text, end, clause))
        .filter(|&e| e > end)
}

/// A selection `start..end` shrunk by one sentence (or clause): None when
/// one unit is all it holds.
#[must_use]
pub fn shrink(text: &str, start: usize, end: usize, clause: bool) -> Option<usize> {
    let mut from = start;
    let mut last = None;
    loop {
        let e = unit_end(text, from, clause);
        if e >= end || e <= from {
            return last;
        }
        last = Some(e);
        from = e;
    }
}

/// Node texts, each made once while notes are placed.
pub struct Texts<'a> {
    pub lib: &'a Library,
    made: HashMap<NodeId, String>,
}

impl<'a> Texts<'a> {
    #[must_use]
    pub fn new(lib: &'a Library) -> Self {
        Texts {
            lib,
            made: HashMap::new(),
        }
    }

    pub fn get(&mut self, node: NodeId) -> &str {
        let lib = self.lib;
        self.made
            .entry(node)
            .or_insert_with(|| node_text(lib, node))
    }
}

/// Where each note's words are now (deleted notes `Gone`). For each note:
/// where they were; else elsewhere in its section, the occurrence whose
/// context agrees best; else in its section with a small edit inside
/// (context on both sides still there). The notes still unplaced are then
/// looked for in every other section in one pass over the collection's
/// text, placed only where the context agrees or the words occur once in
/// the whole collection. Else gone: never other words.
///
/// Every pass is linear in the text it reads: occurrences are found by
/// one substring search each, never a rescan from each candidate.
pub fn place_all(lib: &Library, notes: &[Note]) -> Vec<Place> {
    let mut texts = Texts::new(lib);
    let mut places: Vec<Place> = notes
        .iter()
        .map(|note| {
            if note.deleted || note.quote.exact.is_empty() {
                return Place::Gone;
            }
            let Some(node) = lib.find(&note.path) else {
                return Place::Gone;
            };
            in_section(texts.get(node), note).map_or(Place::Gone, |bytes| Place::At(node, bytes))
        })
        .collect();
    let lost: Vec<usize> = (0..notes.len())
        .filter(|&i| {
            matches!(places[i], Place::Gone)
                && !notes[i].deleted
                && !notes[i].quote.exact.is_empty()
        })
        .collect();
    if !lost.is_empty() {
        for (i, place) in elsewhere(&mut texts, notes, &lost) {
            places[i] = place;
        }
    }
    places
}

/// The note's words in its own section's text, as [`place_all`] says.
fn in_section(text: &str, note: &Note) -> Option<Range<usize>> {
    let exact = note.quote.exact.as_str();
    if let Some(bytes) = char_bytes(text, note.start, note.end)
        && &text[bytes.clone()] == exact
    {
        return Some(bytes);
    }
    if let Some((bytes, _)) = best_exact(text, note) {
        return Some(bytes);
    }
    edited(text, note)
}

/// The lost notes' words in every section but their own: one pass over
/// each section's text for all their quotes at once (Aho-Corasick), each
/// note taking the occurrence whose context agrees best.
fn elsewhere(texts: &mut Texts<'_>, notes: &[Note], lost: &[usize]) -> Vec<(usize, Place)> {
    let lib = texts.lib;
    // One pattern for each quote, however many notes share it.
    let mut quotes: Vec<&str> = lost
        .iter()
        .map(|&i| notes[i].quote.exact.as_str())
        .collect();
    quotes.sort_unstable();
    quotes.dedup();
    let Ok(finder) = aho_corasick::AhoCorasick::new(&quotes) else {
        return Vec::new();
    };
    let homes: Vec<Option<NodeId>> = lost.iter().map(|&i| lib.find(&notes[i].path)).collect();
    let pattern_of: Vec<usize> = lost
        .iter()
        .map(|&i| {
            quotes
                .binary_search(&notes[i].quote.exact.as_str())
                .unwrap_or(0)
        })
        .collect();
    // For each pattern, the notes looking for it.
    let mut wanting: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
    for (k, &p) in pattern_of.iter().enumerate() {
        wanting[p].push(k);
    }
    // Per lost note: occurrences outside its home, and the best so far.
    let mut occurrences = vec![0usize; lost.len()];
    let mut best: Vec<Option<(NodeId, Range<usize>, usize)>> = vec![None; lost.len()];
    for node in 0..lib.nodes.len() {
        let text = texts.get(node);
        for m in finder.find_overlapping_iter(text) {
            let bytes = m.start()..m.end();
            for &k in &wanting[m.pattern().as_usize()] {
                if homes[k] == Some(node) {
                    continue;
                }
                occurrences[k] += 1;
                let score = context_score(text, &bytes, &notes[lost[k]]);
                if best[k].as_ref().is_none_or(|b| score > b.2) {
                    best[k] = Some((node, bytes.clone(), score));
                }
            }
        }
    }
    lost.iter()
        .enumerate()
        .filter_map(|(k, &i)| match best[k].take() {
            Some((node, bytes, score)) if score >= MIN_CONTEXT || occurrences[k] == 1 => {
                Some((i, Place::At(node, bytes)))
            }
            _ => None,
        })
        .collect()
}

/// Characters of context that must agree to place a quote that occurs
/// more than once away from its section.
const MIN_CONTEXT: usize = 4;

/// Character offsets `start..end` of `text` as bytes.
fn char_bytes(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    if end < start {
        return None;
    }
    let mut at = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = at.nth(start)?;
    let e = if end == start {
        s
    } else {
        at.nth(end - start - 1)?
    };
    Some(s..e)
}

/// How many characters of the note's context agree around `bytes`.
fn context_score(text: &str, bytes: &Range<usize>, note: &Note) -> usize {
    let before = text[..bytes.start].chars().rev();
    let prefix = note.quote.prefix.chars().rev();
    let after = text[bytes.end..].chars();
    let suffix = note.quote.suffix.chars();
    before.zip(prefix).take_while(|(a, b)| a == b).count()
        + after.zip(suffix).take_while(|(a, b)| a == b).count()
}

/// The occurrence of the quote whose context agrees best (nearest the old
/// position on a tie), and how well. One pass: the characters before each
/// occurrence are counted on from the one before.
fn best_exact(text: &str, note: &Note) -> Option<(Range<usize>, usize)> {
    let exact = note.quote.exact.as_bytes();
    let old = note.start;
    let mut chars_before = 0;
    let mut counted_to = 0;
    let mut best: Option<(Range<usize>, usize, usize)> = None;
    for i in memchr::memmem::find_iter(text.as_bytes(), exact) {
        chars_before += text[counted_to..i].chars().count();
        counted_to = i;
        let bytes = i..i + exact.len();
        let score = context_score(text, &bytes, note);
        let distance = chars_before.abs_diff(old);
        let better = best
            .as_ref()
            .is_none_or(|b| score > b.1 || (score == b.1 && distance < b.2));
        if better {
            best = Some((bytes, score, distance));
        }
    }
    best.map(|(bytes, score, _)| (bytes, score))
}

/// How many candidate places for an edited quote are compared, nearest the
/// old position first: enough for any real section, and a bound on the
/// work a text of one repeated character could ask for.
const EDIT_CANDIDATES: usize = 256;

/// The quote with a small edit inside it: the context on both sides found
/// (or the section's edge where there was none), the words between them
/// the old ones but for one stretch of at most a fifth of them. Each side's
/// context is found by one search over the text; each start is paired
/// with the first end after it by a binary search, never a rescan.
fn edited(text: &str, note: &Note) -> Option<Range<usize>> {
    let anchor_len = 8;
    let prefix: String = {
        let p = &note.quote.prefix;
        let skip = p.chars().count().saturating_sub(anchor_len);
        p.chars().skip(skip).collect()
    };
    let suffix: String = note.quote.suffix.chars().take(anchor_len).collect();
    let exact: Vec<char> = note.quote.exact.chars().collect();
    let allowed = (exact.len() / 5).max(1);
    // The words between the two contexts hold at most this many bytes.
    let widest = (exact.len() + allowed) * 4;
    let starts: Vec<usize> = if prefix.is_empty() {
        vec![0]
    } else {
        memchr::memmem::find_iter(text.as_bytes(), prefix.as_bytes())
            .map(|i| i + prefix.len())
            .collect()
    };
    let ends: Vec<usize> = if suffix.is_empty() {
        vec![text.len()]
    } else {
        memchr::memmem::find_iter(text.as_bytes(), suffix.as_bytes()).collect()
    };
    // Starts nearest the old position first (by bytes: close enough).
    let old = text
        .char_indices()
        .nth(note.start)
        .map_or(text.len(), |(i, _)| i);
    let mut order: Vec<usize> = starts;
    order.sort_by_key(|&s| s.abs_diff(old));
    let mut best: Option<(Range<usize>, usize)> = None;
    let mut tried = 0;
    for start in order {
        let next = ends.partition_point(|&e| e < start);
        let Some(&end) = ends.get(next) else { continue };
        if end - start > widest {
            continue;
        }
        tried += 1;
        if tried > EDIT_CANDIDATES {
            break;
        }
        let found: Vec<char> = text[start..end].chars().collect();
        if found.len().abs_diff(exact.len()) > allowed || found.is_empty() {
            continue;
        }
        let same_start = found.iter().zip(&exact).take_while(|(a, b)| a == b).count();
        let same_end = found
            .iter()
            .rev()
            .zip(exact.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let kept = (same_start + same_end).min(exact.len());
        let changed = exact.len() - kept;
        if changed <= allowed && best.as_ref().is_none_or(|b| changed < b.1) {
            best = Some((start..end, changed));
        }
    }
    best.map(|(bytes, _)| bytes)
}
