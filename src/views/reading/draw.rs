//! The reading view as it looks: the article laid out at the pane's width,
//! a comfortable measure centred in wide panes, styled by line kind, with
//! the notes', the selection's and the search's marks; the table of
//! contents beside it (`draw/tree.rs`).

mod tree;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::state::Reading;
use super::state::panes::Focus;
use crate::layout::{DocLine, LineKind};
use crate::paint::Theme;
use crate::paint::text::put;
use crate::views::{Draw, DrawCx};

impl Draw for Reading {
    fn draw(&self, cx: &DrawCx, _main: Rect, buf: &mut Buffer) {
        let areas = cx.areas;
        text(self, cx, areas.reader, buf);
        if let Some(area) = areas.tree {
            tree::render(self, cx, area, buf);
        }
    }
}

fn text(view: &Reading, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
    let theme = cx.theme;
    let reader = &view.reader;
    let focused = view.panes.focus == Focus::Reader || cx.areas.tree.is_none();
    let root = cx.lib.articles[reader.article].root;
    let label = cx.lib.display_label(root);
    let title_room = usize::from(area.width.saturating_sub(12));
    let title = format!(
        " {} ",
        crate::paint::text::truncate(&label, title_room, cx.widths)
    );
    crate::paint::pane(theme, title, focused, cx.widths)
        .bottom(format!(" {}% ", reader.percent()))
        .render(area, buf);
    let inner = cx.areas.reader_inner();
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let doc = reader.doc();
    let measure = u16::try_from(doc.width)
        .unwrap_or(u16::MAX)
        .min(inner.width);
    let left = inner.x + (inner.width - measure) / 2;
    let marks = Marks::of(view, cx);
    for (row, line) in doc
        .lines
        .iter()
        .skip(reader.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        draw_line(view, cx, line, left, y, measure, &marks, buf);
        // A note's mark in the margin, on the line its words start: its
        // kind's first character (or a bar for a highlight), so kinds show
        // without colour too.
        if let Some((text, style)) = marks.margin(cx, line) {
            // Where the text fills its pane, on the two border columns
            // before it (the tree's and its own), so the kind still shows.
            let margin = left.saturating_sub(inner.x);
            let (x, max) = if margin >= 3 {
                (left - 3, 2)
            } else if inner.x >= 2 {
                (inner.x - 2, 2)
            } else {
                (inner.x - 1, 1)
            };
            let text = if max < 2 || cx.widths.str(&text) > 2 {
                "▍".to_owned()
            } else {
                text
            };
            put(buf, x, y, max, &[(&text, style)], cx.widths);
        }
        // A bookmark's mark in the margin, on its paragraph's first line.
        if let Some(anchor) = line.anchor
            && line.range.start == 0
            && cx.marks.bookmarks.has(cx.lib, anchor)
        {
            put(
                buf,
                inner.x - 1,
                y,
                1,
                &[("▍", theme.hit_current)],
                cx.widths,
            );
        }
    }
}

/// The article's note marks and the selection being made, by paragraph.
struct Marks {
    /// `(paragraph, bytes, note)`.
    notes: Vec<(crate::content::Anchor, std::ops::Range<usize>, usize)>,
    selection: Vec<(crate::content::Anchor, std::ops::Range<usize>)>,
    styles: [Style; 3],
    selected: Style,
}

impl Marks {
    fn of(view: &Reading, cx: &DrawCx) -> Self {
        let (lib, study) = (cx.lib, cx.marks.study);
        let article = view.reader.article;
        let nodes = lib.subtree(lib.articles[article].root);
        let placed = if study.book.notes.is_empty() {
            Vec::new()
        } else {
            nodes
                .iter()
                .flat_map(|&n| study.paragraph_marks(lib, n))
                .collect()
        };
        let selection = view
            .selection
            .as_ref()
            .filter(|s| lib.node(s.node).article == article)
            .map(|s| {
                let spans = crate::notes::anchor::paragraph_spans(lib, s.node);
                crate::notes::anchor::split(s.node, &spans, &s.bytes).collect()
            })
            .unwrap_or_default();
        Marks {
            notes: placed,
            selection,
            styles: cx.theme.marked,
            selected: cx.theme.selection,
        }
    }

    fn style(&self, cx: &DrawCx, note: usize) -> Style {
        let study = cx.marks.study;
        let kind = study.kind_index(&study.book.notes[note].kind);
        self.styles[kind % self.styles.len()]
    }

    /// The margin mark for a line on which a note's words start.
    fn margin(&self, cx: &DrawCx, line: &DocLine) -> Option<(String, Style)> {
        let anchor = line.anchor?;
        let &(_, _, note) = self.notes.iter().find(|(a, r, _)| {
            *a == anchor && line.range.contains(&r.start) && (r.start > 0 || line.range.start == 0)
        })?;
        let n = &cx.marks.study.book.notes[note];
        // A highlight's bar; a note's kind by its first character.
        let mark = if n.is_highlight() {
            "▍".to_owned()
        } else {
            n.kind
                .chars()
                .next()
                .map_or_else(|| "※".to_owned(), String::from)
        };
        Some((mark, self.style(cx, note)))
    }

    /// `(start, end, style)` of the line's body bytes, selection first.
    fn cuts(&self, cx: &DrawCx, line: &DocLine) -> Vec<(usize, usize, Style)> {
        let Some(anchor) = line.anchor else {
            return Vec::new();
        };
        let clip = |r: &std::ops::Range<usize>| {
            let (s, e) = (r.start.max(line.range.start), r.end.min(line.range.end));
            (s < e).then(|| (s - line.range.start, e - line.range.start))
        };
        let selection = self
            .selection
            .iter()
            .filter(|(a, _)| *a == anchor)
            .filter_map(|(_, r)| clip(r).map(|(s, e)| (s, e, self.selected)));
        let notes = self
            .notes
            .iter()
            .filter(|(a, _, _)| *a == anchor)
            .filter_map(|(_, r, i)| clip(r).map(|(s, e)| (s, e, self.style(cx, *i))));
        selection.chain(notes).collect()
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    view: &Reading,
    cx: &DrawCx,
    line: &DocLine,
    left: u16,
    y: u16,
    measure: u16,
    marks: &Marks,
    buf: &mut Buffer,
) {
    let theme = cx.theme;
    let style = style_for(theme, line.kind);
    let centred = matches!(
        line.kind,
        LineKind::Title | LineKind::Deck | LineKind::DerivedNote | LineKind::Byline
    );
    let x = if centred {
        let w = u16::try_from(cx.widths.str(&line.text))
            .unwrap_or(measure)
            .min(measure);
        left + (measure - w) / 2
    } else {
        left
    };
    let prefix_style = if line.kind == LineKind::EditorNote {
        theme.note_label
    } else {
        style
    };
    let body = &line.text[line.prefix.len()..];
    let mut runs = vec![(line.prefix, prefix_style)];
    runs.extend(highlighted(view, cx, line, body, style, marks));
    put(buf, x, y, measure, &runs, cx.widths);
}

/// The line's text split into runs, search hits marked (the current one apart).
fn highlighted<'a>(
    view: &Reading,
    cx: &DrawCx,
    line: &DocLine,
    body: &'a str,
    style: Style,
    marks: &Marks,
) -> Vec<(&'a str, Style)> {
    let Some(anchor) = line.anchor else {
        return vec![(body, style)];
    };
    let theme = cx.theme;
    let mut cuts: Vec<(usize, usize, Style)> = marks.cuts(cx, line);
    cuts.extend(
        view.reader
            .hits
            .iter()
            .enumerate()
            .filter(|(_, (a, r))| {
                *a == anchor && r.start < line.range.end && r.end > line.range.start
            })
            .map(|(i, (_, r))| {
                let s = if i == view.reader.hit {
                    theme.hit_current
                } else {
                    theme.hit
                };
                (
                    r.start.max(line.range.start) - line.range.start,
                    r.end.min(line.range.end) - line.range.start,
                    s,
                )
            }),
    );
    // Earlier first; where two start together, the one listed first (the
    // selection, then notes, then hits) wins.
    cuts.sort_by_key(|c| c.0);
    let mut runs = Vec::new();
    let mut at = 0;
    for (start, end, s) in cuts {
        if start < at
            || end > body.len()
            || !body.is_char_boundary(start)
            || !body.is_char_boundary(end)
        {
            continue;
        }
        runs.push((&body[at..start], style));
        runs.push((&body[start..end], s));
        at = end;
    }
    runs.push((&body[at..], style));
    runs
}

fn style_for(theme: &Theme, kind: LineKind) -> Style {
    match kind {
        LineKind::Deck => theme.deck,
        LineKind::Title => theme.title,
        LineKind::DerivedNote => theme.derived,
        LineKind::Byline => theme.byline,
        LineKind::NoteLabel => theme.note_label,
        LineKind::EditorNote => theme.quote,
        LineKind::Heading(d) => theme.heading[d.clamp(1, 3) - 1],
        LineKind::Body | LineKind::Blank => theme.body,
        LineKind::FootnoteRule | LineKind::Footnote => theme.footnote,
    }
}
