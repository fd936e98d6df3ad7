//! An article (or any node) laid out as wrapped lines at a width: the one
//! document both the reader and `zhizao show` draw. Knows nothing of styles.

use std::ops::Range;

use crate::content::{Anchor, Field, Library, NodeId};
use crate::wrap::{Widths, wrap};

/// The widest a line of text gets by default: a comfortable measure.
pub const MEASURE: usize = 80;
/// The narrowest and widest measure a reader may choose.
pub const MEASURES: std::ops::RangeInclusive<usize> = 20..=160;
/// The first-line indent of a Chinese paragraph.
pub const INDENT: &str = "\u{3000}\u{3000}";
/// First-line indents a reader may choose: none to four ideographic spaces.
pub const INDENTS: [&str; 5] = [
    "",
    "\u{3000}",
    INDENT,
    "\u{3000}\u{3000}\u{3000}",
    "\u{3000}\u{3000}\u{3000}\u{3000}",
];
/// Shown under a title that the page did not print.
pub const DERIVED_TITLE_NOTE: &str = "［标题系据正文拟定，非原文所有］";
const QUOTE_BAR: &str = "▎ ";
const NOTE_LABEL: &str = "编者按";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Deck,
    Title,
    DerivedNote,
    Byline,
    NoteLabel,
    EditorNote,
    /// A heading, by depth below the article: 1 part, 2 sub-part, 3 item.
    Heading(usize),
    Body,
    FootnoteRule,
    Footnote,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    /// The node this line belongs to.
    pub node: NodeId,
    /// The text this line shows a slice of, and which bytes of it.
    pub anchor: Option<Anchor>,
    pub range: Range<usize>,
    /// What is drawn before the slice (indent, quotation bar).
    pub prefix: &'static str,
    /// Everything the line shows: prefix and slice.
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub lines: Vec<DocLine>,
    pub width: usize,
}

impl Document {
    /// Lays out `root` and everything under it, `width` columns wide (at
    /// most the widest of [`MEASURES`]).
    #[must_use]
    pub fn build(lib: &Library, root: NodeId, width: usize, widths: Widths) -> Self {
        Self::build_indented(lib, root, width, widths, INDENT)
    }

    /// [`Document::build`] with another first-line indent for paragraphs.
    #[must_use]
    pub fn build_indented(
        lib: &Library,
        root: NodeId,
        width: usize,
        widths: Widths,
        indent: &'static str,
    ) -> Self {
        let width = width.clamp(2, *MEASURES.end());
        let mut doc = Builder {
            lib,
            widths,
            width,
            indent,
            lines: Vec::new(),
        };
        let top = lib.node(root);
        if top.depth == 0 {
            doc.front_matter(root);
        }
        for node in lib.subtree(root) {
            let n = lib.node(node);
            if n.depth > 0 {
                doc.blank(node);
                doc.text(
                    LineKind::Heading(n.depth),
                    Anchor {
                        node,
                        field: Field::Heading,
                    },
                    "",
                    0,
                );
            }
            for i in 0..n.paragraphs.len() {
                // Without an indent, a blank line is what parts paragraphs.
                if i > 0 && doc.indent.is_empty() {
                    doc.blank(node);
                }
                doc.text(
                    LineKind::Body,
                    Anchor {
                        node,
                        field: Field::Paragraph(i),
                    },
                    doc.indent,
                    0,
                );
            }
        }
        if top.depth == 0 {
            let notes = lib.articles[top.article].notes.len();
            for i in 0..notes {
                doc.blank(root);
                doc.push(
                    LineKind::FootnoteRule,
                    root,
                    None,
                    0..0,
                    "",
                    "────────".to_owned(),
                );
                doc.text(
                    LineKind::Footnote,
                    Anchor {
                        node: root,
                        field: Field::Note(i),
                    },
                    "",
                    0,
                );
            }
        }
        Document {
            lines: doc.lines,
            width,
        }
    }

    /// The first line showing `byte` of the anchor's text.
    #[must_use]
    pub fn line_of(&self, anchor: Anchor, byte: usize) -> Option<usize> {
        let mut first = None;
        for (i, l) in self.lines.iter().enumerate() {
            if l.anchor == Some(anchor) {
                first.get_or_insert(i);
                if l.range.contains(&byte) || byte < l.range.start {
                    return Some(i);
                }
            }
        }
        first
    }

    /// The first line of a node (its heading, or the article's first line).
    #[must_use]
    pub fn line_of_node(&self, node: NodeId) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| l.node == node && l.kind != LineKind::Blank)
    }

    /// The nodes whose headings stand in these lines.
    pub fn headed_in(&self, lines: Range<usize>) -> impl Iterator<Item = NodeId> + '_ {
        self.lines
            .get(lines)
            .unwrap_or_default()
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Heading(_)))
            .map(|l| l.node)
    }

    /// Lines where a heading starts, for jumping part to part.
    pub fn heading_lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter(|(i, l)| {
                matches!(l.kind, LineKind::Heading(_))
                    && (*i == 0 || self.lines[i - 1].anchor != l.anchor)
            })
            .map(|(i, _)| i)
    }

    /// Plain text, one line per row, for the command line.
    #[must_use]
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(&l.text);
            out.push('\n');
        }
        out
    }
}

struct Builder<'a> {
    lib: &'a Library,
    widths: Widths,
    width: usize,
    indent: &'static str,
    lines: Vec<DocLine>,
}

impl Builder<'_> {
    fn push(
        &mut self,
        kind: LineKind,
        node: NodeId,
        anchor: Option<Anchor>,
        range: Range<usize>,
        prefix: &'static str,
        text: String,
    ) {
        self.lines.push(DocLine {
            kind,
            node,
            anchor,
            range,
            prefix,
            text,
        });
    }

    fn blank(&mut self, node: NodeId) {
        if self.lines.last().is_some_and(|l| l.kind != LineKind::Blank) {
            self.push(LineKind::Blank, node, None, 0..0, "", String::new());
        }
    }

    /// Wraps one field; `prefix` starts the first line (an indent) or every
    /// line (`every` columns, a quotation bar).
    fn text(&mut self, kind: LineKind, anchor: Anchor, prefix: &'static str, every: usize) {
        if let Some(text) = self.lib.text(anchor) {
            self.wrapped(kind, anchor.node, Some(anchor), text, prefix, every);
        }
    }

    fn wrapped(
        &mut self,
        kind: LineKind,
        node: NodeId,
        anchor: Option<Anchor>,
        text: &str,
        prefix: &'static str,
        every: usize,
    ) {
        let prefix_cols = self.widths.str(prefix);
        let (width, first) = if every > 0 {
            (self.width.saturating_sub(every), 0)
        } else {
            (self.width, prefix_cols)
        };
        // A two-line headline is printed as two lines: break at its spaces first.
        let mut pieces = Vec::new();
        let mut start = 0;
        if kind == LineKind::Title {
            for (i, _) in text.match_indices(' ') {
                pieces.push(start..i);
                start = i + 1;
            }
        }
        pieces.push(start..text.len());
        let widths = self.widths;
        let ranges: Vec<Range<usize>> = pieces
            .into_iter()
            .flat_map(|piece| {
                let offset = piece.start;
                wrap(&text[piece], width, first, widths)
                    .into_iter()
                    .map(move |r| r.start + offset..r.end + offset)
            })
            .collect();
        for (i, range) in ranges.into_iter().enumerate() {
            let p = if i == 0 || every > 0 { prefix } else { "" };
            let shown = format!("{p}{}", &text[range.clone()]);
            self.push(kind, node, anchor, range, p, shown);
        }
    }

    fn front_matter(&mut self, root: NodeId) {
        let lib = self.lib;
        let article = &lib.articles[lib.node(root).article];
        let at = |field| Anchor { node: root, field };
        self.text(LineKind::Deck, at(Field::Deck), "", 0);
        self.text(LineKind::Title, at(Field::Title), "", 0);
        if article.title.derived {
            self.wrapped(LineKind::DerivedNote, root, None, DERIVED_TITLE_NOTE, "", 0);
        }
        self.text(LineKind::Byline, at(Field::Byline), "", 0);
        self.text(LineKind::Byline, at(Field::Affiliation), "", 0);
        if article.editor_note.is_some() {
            self.blank(root);
            self.push(
                LineKind::NoteLabel,
                root,
                None,
                0..0,
                "",
                NOTE_LABEL.to_owned(),
            );
            let bar = self.widths.str(QUOTE_BAR);
            self.text(LineKind::EditorNote, at(Field::EditorNote), QUOTE_BAR, bar);
        }
        if !lib.node(root).paragraphs.is_empty() {
            self.blank(root);
        }
    }
}
