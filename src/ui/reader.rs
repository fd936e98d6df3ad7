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
    for (row, line) in doc
        .lines
        .iter()
        .skip(app.reading.reader.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        draw_line(app, theme, line, left, y, measure, buf);
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

fn draw_line(
    app: &App,
    theme: &Theme,
    line: &DocLine,
    left: u16,
    y: u16,
    measure: u16,
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
    runs.extend(highlighted(app, theme, line, body, style));
    put(buf, x, y, measure, &runs, app.widths);
}

/// The line's text split into runs, search hits marked (the current one apart).
fn highlighted<'a>(
    app: &App,
    theme: &Theme,
    line: &DocLine,
    body: &'a str,
    style: Style,
) -> Vec<(&'a str, Style)> {
    let Some(anchor) = line.anchor else {
        return vec![(body, style)];
    };
    let mut cuts: Vec<(usize, usize, Style)> = app
        .reading
        .reader
        .hits
        .iter()
        .enumerate()
        .filter(|(_, (a, r))| *a == anchor && r.start < line.range.end && r.end > line.range.start)
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
        })
        .collect();
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
