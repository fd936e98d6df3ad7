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
    /// Paragraph `paragraph` of `node` with its marks: every stretch some
    /// note covers opened by `open` and closed by `close` (nested and
    /// overlapping passages make one stretch), each note with words
    /// numbered by `reference` where its passage ends. Text is escaped
    /// by `esc`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn marked(
        &self,
        lib: &Library,
        node: NodeId,
        paragraph: usize,
        text: &str,
        numbers: &mut Numbered,
        esc: fn(&str) -> String,
        (open, close): (&str, &str),
        reference: impl Fn(usize) -> String,
    ) -> String {
        let spans = paragraph_spans(lib, node);
        // Each note's stretch in this paragraph, and whether it ends here.
        let mut marks: Vec<(Range<usize>, usize, bool)> = Vec::new();
        for (i, place) in self.places.iter().enumerate() {
            let Place::At(at, bytes) = place else {
                continue;
            };
            if *at != node || self.book.notes[i].deleted {
                continue;
            }
            let pieces: Vec<_> = split(node, &spans, bytes).collect();
            let last = pieces.len().saturating_sub(1);
            for (k, (anchor, r)) in pieces.into_iter().enumerate() {
                if anchor.field == Field::Paragraph(paragraph) && r.end <= text.len() {
                    marks.push((r, i, k == last));
                }
            }
        }
        if marks.is_empty() {
            return esc(text);
        }
        let mut cuts: Vec<usize> = marks
            .iter()
            .flat_map(|(r, _, _)| [r.start, r.end])
            .chain([0, text.len()])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        // Numbered in the order their passages begin.
        marks.sort_by_key(|(r, i, _)| (r.start, *i));
        for (_, i, _) in &marks {
            if !self.book.notes[*i].text.is_empty() {
                numbers.number(*i);
            }
        }
        let mut out = String::new();
        let mut inside = false;
        for w in cuts.windows(2) {
            let (start, end) = (w[0], w[1]);
            let covered = marks
                .iter()
                .any(|(r, _, _)| r.start <= start && end <= r.end);
            if covered != inside {
                out.push_str(if covered { open } else { close });
                inside = covered;
            }
            out.push_str(&esc(&text[start..end]));
            let ending: Vec<usize> = marks
                .iter()
                .filter(|(r, i, last)| {
                    *last && r.end == end && !self.book.notes[*i].text.is_empty()
                })
                .map(|(_, i, _)| numbers.number(*i))
                .collect();
            if ending.is_empty() {
                continue;
            }
            // A reference after the stretch it closes, else inside it.
            let closes = !marks.iter().any(|(r, _, _)| r.start <= end && end < r.end);
            if closes && inside {
                out.push_str(close);
                inside = false;
            }
            for n in ending {
                out.push_str(&reference(n));
            }
        }
        if inside {
            out.push_str(close);
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
            // The kind, a space, then the note: never one word a renderer
            // without footnotes could take for a link's address, and never
            // a quote or a bracket it could take for the link's title.
            let text = if text.starts_with(['"', '\'', '(']) {
                format!("\\{text}")
            } else {
                text
            };
            let _ = writeln!(out, "[^note-{}]: 〔{}〕 {text}\n", k + 1, esc(&note.kind));
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
