//! Marking a passage for a note: the selection (`v`, grown and shrunk
//! sentence by sentence or clause by clause within one section, or a mouse
//! drag, character by character).

use std::ops::Range;

use crate::action::Action;
use crate::content::{Anchor, Field, Library, NodeId};
use crate::views::{Ctx, NoteAsk, Reply};
use crate::notes::anchor::{grow, in_paragraph, node_text, paragraph_spans, sentence_at, shrink};

/// A passage being selected: bytes of one node's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub node: NodeId,
    pub bytes: Range<usize>,
    text: String,
}

impl Selection {
    /// The sentence at a byte of a paragraph; None for text that is not a
    /// section's paragraph (a title, a heading).
    #[must_use]
    pub fn at(lib: &Library, anchor: Anchor, byte: usize) -> Option<Self> {
        let Field::Paragraph(p) = anchor.field else {
            return None;
        };
        let span = paragraph_spans(lib, anchor.node).get(p)?.clone();
        let text = node_text(lib, anchor.node);
        let bytes = sentence_at(&text, (span.start + byte).min(span.end));
        (!bytes.is_empty()).then_some(Selection {
            node: anchor.node,
            bytes,
            text,
        })
    }

    /// The characters from one spot to another (either way round, both
    /// included) of one section's paragraphs, as a mouse drag selects:
    /// whole characters, never half a wide glyph. None across sections.
    #[must_use]
    pub fn between(lib: &Library, from: (Anchor, usize), to: (Anchor, usize)) -> Option<Self> {
        if from.0.node != to.0.node {
            return None;
        }
        let node = from.0.node;
        let spans = paragraph_spans(lib, node);
        let at = |(anchor, byte): (Anchor, usize)| match anchor.field {
            Field::Paragraph(p) => spans.get(p).map(|s| (s.start + byte).min(s.end)),
            _ => None,
        };
        let (a, b) = (at(from)?, at(to)?);
        let text = node_text(lib, node);
        let (start, last) = (a.min(b), a.max(b));
        let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        (start < end && text.is_char_boundary(start)).then_some(Selection {
            node,
            bytes: start..end,
            text,
        })
    }

    /// Grows (or shrinks) the selection by a sentence (or clause); false
    /// when it cannot.
    pub fn step(&mut self, more: bool, clause: bool) -> bool {
        let end = if more {
            grow(&self.text, self.bytes.end, clause)
        } else {
            shrink(&self.text, self.bytes.start, self.bytes.end, clause)
        };
        match end {
            Some(end) => {
                self.bytes.end = end;
                true
            }
            None => false,
        }
    }

    /// The one sentence after the selection (or before it) in the section,
    /// as the selection; false at the section's end (or start).
    pub fn shift(&mut self, forward: bool) -> bool {
        let text = &self.text;
        let next = if forward {
            let from = self.bytes.end;
            let rest = &text[from..];
            let skip = rest.len() - rest.trim_start().len();
            (from + skip < text.len()).then(|| sentence_at(text, from + skip))
        } else {
            let before = text[..self.bytes.start].trim_end();
            (!before.is_empty()).then(|| sentence_at(text, before.len() - 1))
        };
        match next.filter(|r| !r.is_empty() && *r != self.bytes) {
            Some(bytes) => {
                self.bytes = bytes;
                true
            }
            None => false,
        }
    }

    /// Where the selection starts, as a paragraph and a byte of it.
    #[must_use]
    pub fn start_anchor(&self, lib: &Library) -> Option<(Anchor, usize)> {
        in_paragraph(lib, self.node, self.bytes.start)
    }

    /// The selected words, line breaks between paragraphs kept.
    #[must_use]
    pub fn words(&self) -> &str {
        &self.text[self.bytes.clone()]
    }

    /// Where the selection ends, as a paragraph and a byte in it: what the
    /// reader keeps in view.
    #[must_use]
    pub fn end_anchor(&self, lib: &Library) -> Option<(Anchor, usize)> {
        in_paragraph(lib, self.node, self.bytes.end.saturating_sub(1))
    }
}

/// The reading view's keys while a passage is selected, and `v` starting
/// one.
impl super::Reading {
    /// The selection's keys: grow and shrink it, write a note on it or
    /// only highlight it, or let it go.
    pub(super) fn on_selection(&mut self, action: &Action, cx: &Ctx) -> Reply {
        let Some(selection) = &mut self.selection else {
            return Reply::Ignored;
        };
        match action {
            Action::GrowSentence
            | Action::ShrinkSentence
            | Action::GrowClause
            | Action::ShrinkClause => {
                let more = matches!(action, Action::GrowSentence | Action::GrowClause);
                let clause = matches!(action, Action::GrowClause | Action::ShrinkClause);
                let stepped = selection.step(more, clause);
                if let Some((anchor, byte)) = selection.end_anchor(cx.lib) {
                    self.reader.reveal(anchor, byte);
                }
                match (stepped, more) {
                    (true, _) => Reply::Done,
                    (false, true) => Reply::Say("已选到本节末尾".into()),
                    (false, false) => Reply::Say("至少选一句".into()),
                }
            }
            Action::NextSentence | Action::PrevSentence => {
                let forward = matches!(action, Action::NextSentence);
                let moved = selection.shift(forward);
                if let Some((anchor, byte)) = selection.start_anchor(cx.lib) {
                    self.reader.reveal(anchor, byte);
                }
                match (moved, forward) {
                    (true, _) => Reply::Done,
                    (false, true) => Reply::Say("已是本节最后一句".into()),
                    (false, false) => Reply::Say("已是本节第一句".into()),
                }
            }
            Action::Annotate => {
                Reply::Note(NoteAsk::Write(selection.node, selection.bytes.clone()))
            }
            Action::Highlight => {
                let ask = NoteAsk::Highlight(selection.node, selection.bytes.clone());
                self.selection = None;
                Reply::Note(ask)
            }
            Action::Close => {
                self.selection = None;
                Reply::Done
            }
            Action::PressAt(anchor, byte) => {
                self.drag_from = Some((*anchor, *byte));
                self.selection = None;
                Reply::Done
            }
            Action::DragTo(anchor, byte) => self.drag_to(*anchor, *byte, cx),
            // Keys of the text that mean nothing while selecting say so.
            Action::ToggleBookmark => Reply::Say(format!(
                "正在选择：{} 取消后再加书签",
                cx.keys.first_key(crate::keys::Mode::Select, &Action::Close)
            )),
            _ => Reply::Ignored,
        }
    }

    /// A drag from where the press was: the characters between, in one
    /// section.
    pub(super) fn drag_to(&mut self, anchor: Anchor, byte: usize, cx: &Ctx) -> Reply {
        if let Some(from) = self.drag_from {
            let between = Selection::between(cx.lib, from, (anchor, byte));
            self.selection = between.or(self.selection.take());
        }
        Reply::Done
    }

    /// `v`: after a search, the sentence that holds the match on screen;
    /// else the first sentence that starts on the screen (one that starts
    /// above it shows only its tail).
    pub(super) fn start_selection(&mut self, cx: &Ctx) -> Reply {
        let reader = &self.reader;
        let screen = reader.scroll..reader.scroll + reader.page_height();
        let hit = reader.hits.get(reader.hit).filter(|(a, r)| {
            reader
                .doc()
                .line_of(*a, r.start)
                .is_some_and(|l| screen.contains(&l))
        });
        let first = match hit {
            Some((anchor, range)) => Selection::at(cx.lib, *anchor, range.start),
            None => reader
                .doc()
                .lines
                .iter()
                .skip(reader.scroll)
                .take(reader.page_height())
                .filter_map(|l| l.anchor.map(|a| (a, l.range.start)))
                .find_map(|(a, byte)| {
                    let mut s = Selection::at(cx.lib, a, byte)?;
                    // Begun above the top line: the next one, if any.
                    let starts = s.start_anchor(cx.lib);
                    if starts.is_some_and(|(sa, sb)| sa != a || sb < byte) && !s.shift(true) {
                        return None;
                    }
                    Some(s)
                }),
        };
        match first {
            Some(selection) => {
                self.selection = Some(selection);
                Reply::Done
            }
            None => Reply::Say("屏幕上没有可选的正文段落".into()),
        }
    }
}
