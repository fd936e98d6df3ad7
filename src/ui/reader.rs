//! The reading pane: the article laid out at the pane's width, a comfortable
//! measure centred in wide panes, styled by line kind.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::text::put;
use super::theme::Theme;
use crate::app::{App, Focus};
use crate::layout::{DocLine, LineKind};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = app.reading.panes.focus == Focus::Reader || app.areas().tree.is_none();
    let root = app.lib.articles[app.reading.reader.article].root;
    let label = app.lib.display_label(root);
    let title_room = usize::from(area.width.saturating_sub(12));
    let title = format!(
        " {} ",
        super::text::truncate(&label, title_room, app.widths)
    );
    super::pane(theme, title, focused, app.widths)
        .bottom(format!(" {}% ", app.reading.reader.percent()))
        .render(area, buf);
    let inner = app.areas().reader_inner();
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let doc = app.reading.reader.doc();
    let measure = u16::try_from(doc.width)
        .unwrap_or(u16::MAX)
        .min(inner.width);
    let left = inner.x + (inner.width - measure) / 2;
    let marks = Marks::of(app, theme);
    for (row, line) in doc
        .lines
        .iter()
        .skip(app.reading.reader.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        draw_line(app, theme, line, left, y, measure, &marks, buf);
        // A note's mark in the margin, on the line its words start: its
        // kind's first character (or a bar for a highlight), so kinds show
        // without colour too.
        if let Some((text, style)) = marks.margin(app, line) {
            let margin = left.saturating_sub(inner.x);
            let (x, max) = if margin >= 3 {
                (left - 3, 2)
            } else {
                (inner.x - 1, 1)
            };
            let text = if max < 2 || app.widths.str(&text) > 2 {
                "▍".to_owned()
            } else {
                text
            };
            put(buf, x, y, max, &[(&text, style)], app.widths);
        }
        // A bookmark's mark in the margin, on its paragraph's first line.
        if let Some(anchor) = line.anchor
            && line.range.start == 0
            && app.bookmarks.has(&app.lib, anchor)
        {
            put(
                buf,
                inner.x - 1,
                y,
                1,
                &[("▍", theme.hit_current)],
                app.widths,
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
    fn of(app: &App, theme: &Theme) -> Self {
        let article = app.reading.reader.article;
        let nodes = app.lib.subtree(app.lib.articles[article].root);
        let placed = if app.notes.book.notes.is_empty() {
            Vec::new()
        } else {
            nodes
                .iter()
                .flat_map(|&n| app.notes.paragraph_marks(&app.lib, n))
                .collect()
        };
        let selection = app
            .selection
            .as_ref()
            .filter(|s| app.lib.node(s.node).article == article)
            .map(|s| {
                let spans = crate::notes::anchor::paragraph_spans(&app.lib, s.node);
                crate::notes::anchor::split(s.node, &spans, &s.bytes).collect()
            })
            .unwrap_or_default();
        Marks {
            notes: placed,
            selection,
            styles: theme.marked,
            selected: theme.selection,
        }
    }

    fn style(&self, app: &App, note: usize) -> Style {
        let kind = app.notes.kind_index(&app.notes.book.notes[note].kind);
        self.styles[kind % self.styles.len()]
    }

    /// The margin mark for a line on which a note's words start.
    fn margin(&self, app: &App, line: &DocLine) -> Option<(String, Style)> {
        let anchor = line.anchor?;
        let &(_, _, note) = self.notes.iter().find(|(a, r, _)| {
            *a == anchor && line.range.contains(&r.start) && (r.start > 0 || line.range.start == 0)
        })?;
        let n = &app.notes.book.notes[note];
        // A highlight's bar; a note's kind by its first character.
        let mark = if n.is_highlight() {
            "▍".to_owned()
        } else {
            n.kind
                .chars()
                .next()
                .map_or_else(|| "※".to_owned(), String::from)
        };
        Some((mark, self.style(app, note)))
    }

    /// `(start, end, style)` of the line's body bytes, selection first.
    fn cuts(&self, app: &App, line: &DocLine) -> Vec<(usize, usize, Style)> {
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
            .filter_map(|(_, r, i)| clip(r).map(|(s, e)| (s, e, self.style(app, *i))));
        selection.chain(notes).collect()
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    app: &App,
    theme: &Theme,
    line: &DocLine,
    left: u16,
    y: u16,
    measure: u16,
    marks: &Marks,
    buf: &mut Buffer,
) {
    let style = style_for(theme, line.kind);
    let centred = matches!(
        line.kind,
        LineKind::Title | LineKind::Deck | LineKind::DerivedNote | LineKind::Byline
    );
    let x = if centred {
        let w = u16::try_from(app.widths.str(&line.text))
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
    runs.extend(highlighted(app, theme, line, body, style, marks));
    put(buf, x, y, measure, &runs, app.widths);
}

/// The line's text split into runs, search hits marked (the current one apart).
fn highlighted<'a>(
    app: &App,
    theme: &Theme,
    line: &DocLine,
    body: &'a str,
    style: Style,
    marks: &Marks,
) -> Vec<(&'a str, Style)> {
    let Some(anchor) = line.anchor else {
        return vec![(body, style)];
    };
    let mut cuts: Vec<(usize, usize, Style)> = marks.cuts(app, line);
    cuts.extend(
        app.reading
            .reader
            .hits
            .iter()
            .enumerate()
            .filter(|(_, (a, r))| {
                *a == anchor && r.start < line.range.end && r.end > line.range.start
            })
            .map(|(i, (_, r))| {
                let s = if i == app.reading.reader.hit {
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
