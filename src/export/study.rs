//! Study notes in an export (`--with-notes`): each highlighted passage
//! marked in its paragraph (`==…==` in Markdown, `<mark>` in HTML), each
//! note numbered where its passage ends and listed after its article.
//! Notes are the reader's words, not the authors': they stay apart.

use std::fmt::Write as _;
use std::ops::Range;

use crate::content::Field;
use crate::content::{Library, NodeId};
use crate::notes::anchor::{paragraph_spans, split};
use crate::notes::{Notebook, Place};

/// A collection's study notes and where each one's words are.
pub struct StudyNotes {
    pub book: Notebook,
    pub places: Vec<Place>,
}

/// The notes of one article, numbered as their passages come.
#[derive(Default)]
pub(super) struct Numbered {
    pub order: Vec<usize>,
}

impl Numbered {
    fn number(&mut self, note: usize) -> usize {
        if let Some(i) = self.order.iter().position(|&n| n == note) {
            return i + 1;
        }
        self.order.push(note);
        self.order.len()
    }
}

impl StudyNotes {
    /// Pieces of paragraph `p` of `node`: `(text, Some(note))` for words a
    /// note marks.
    pub(super) fn pieces<'t>(
        &self,
        lib: &Library,
        node: NodeId,
        paragraph: usize,
        text: &'t str,
    ) -> Vec<(&'t str, Option<usize>)> {
        let spans = paragraph_spans(lib, node);
        let mut marks: Vec<(Range<usize>, usize)> = self
            .places
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.book.notes[*i].deleted)
            .filter_map(|(i, place)| match place {
                Place::At(at, bytes) if *at == node => Some((i, bytes)),
                _ => None,
            })
            .flat_map(|(i, bytes)| {
                split(node, &spans, bytes)
                    .filter(|(a, _)| a.field == Field::Paragraph(paragraph))
                    .map(move |(_, r)| (r, i))
                    .collect::<Vec<_>>()
            })
            .collect();
        marks.sort_by_key(|(r, _)| r.start);
        let mut out = Vec::new();
        let mut at = 0;
        for (r, i) in marks {
            if r.start < at || r.end > text.len() {
                continue;
            }
            out.push((&text[at..r.start], None));
            out.push((&text[r.clone()], Some(i)));
            at = r.end;
        }
        out.push((&text[at..], None));
        out.retain(|(t, _)| !t.is_empty());
        out
    }

    /// A paragraph with its marks: each piece escaped by `esc`, a marked
    /// one written by `mark` (the piece, and its note's number when the
    /// note has words).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn marked(
        &self,
        lib: &Library,
        node: NodeId,
        paragraph: usize,
        text: &str,
        numbers: &mut Numbered,
        esc: fn(&str) -> String,
        mark: impl Fn(&str, Option<usize>) -> String,
    ) -> String {
        let mut out = String::new();
        for (piece, note) in self.pieces(lib, node, paragraph, text) {
            match note {
                Some(i) => {
                    let n = (!self.book.notes[i].text.is_empty()).then(|| numbers.number(i));
                    out.push_str(&mark(&esc(piece), n));
                }
                None => out.push_str(&esc(piece)),
            }
        }
        out
    }

    /// The article's notes, after it: Markdown footnotes.
    pub(super) fn markdown_notes(&self, numbers: &Numbered, esc: fn(&str) -> String) -> String {
        let mut out = String::new();
        for (k, &i) in numbers.order.iter().enumerate() {
            let note = &self.book.notes[i];
            let text = note
                .text
                .split('\n')
                .map(esc)
                .collect::<Vec<_>>()
                .join("<br>");
            let _ = writeln!(out, "[^note-{}]: 〔{}〕{}\n", k + 1, esc(&note.kind), text);
        }
        out
    }

    /// The same in HTML: an aside, apart from the authors' notes.
    pub(super) fn html_notes(&self, numbers: &Numbered, esc: fn(&str) -> String) -> String {
        if numbers.order.is_empty() {
            return String::new();
        }
        let mut out = String::from("<aside class=\"study-notes\">\n<ol>\n");
        for (k, &i) in numbers.order.iter().enumerate() {
            let note = &self.book.notes[i];
            let text = note
                .text
                .split('\n')
                .map(esc)
                .collect::<Vec<_>>()
                .join("<br>");
            let _ = writeln!(
                out,
                "<li id=\"note-{}\">〔{}〕{text}</li>",
                k + 1,
                esc(&note.kind)
            );
        }
        out.push_str("</ol>\n</aside>\n");
        out
    }

    /// The live notes placed in the article `root` heads, in reading order.
    pub(super) fn in_article(&self, lib: &Library, root: NodeId) -> Vec<usize> {
        let article = lib.node(root).article;
        let mut found: Vec<(NodeId, usize, usize)> = self
            .places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match p {
                Place::At(n, b)
                    if lib.node(*n).article == article && !self.book.notes[i].deleted =>
                {
                    Some((*n, b.start, i))
                }
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, _, i)| i).collect()
    }
}
