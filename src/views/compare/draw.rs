//! The comparison view: domestic and foreign lessons side by side (stacked
//! when narrow), lesson i on the same row on both sides, places marked, and
//! lessons that do not name the chosen place dimmed.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::state::Comparison;
use crate::areas::{compare_panes, compare_text};
use crate::compare::{Kind, Line, Mark, names};
use crate::content::Scope;
use crate::paint::text::{fill, put};
use crate::views::{Draw, DrawCx};

impl Draw for Comparison {
    fn draw(&self, cx: &DrawCx, main: ratatui::layout::Rect, buf: &mut Buffer) {
        render(self, cx, main, buf);
    }
}

fn render(view: &Comparison, cx: &DrawCx, main: ratatui::layout::Rect, buf: &mut Buffer) {
    let (theme, lib, widths) = (cx.theme, cx.lib, cx.widths);
    let panes = compare_panes(main);
    let table = view.table();
    let stacked = panes.len() == 1;
    for (side, pane) in panes.iter().enumerate() {
        let focused = stacked || side == view.side;
        // Each side is named as the collection names its list of lessons.
        let scope = if side == 0 {
            Scope::Domestic
        } else {
            Scope::Foreign
        };
        let list = |s: Scope| lib.lesson_list(s).map(|n| lib.node(n).label().to_owned());
        let title = match (stacked, list(scope)) {
            (true, _) => " 国内 ⇄ 国外 ".to_owned(),
            (false, Some(label)) => format!(" {label} "),
            (false, None) if side == 0 => " 国内 ".to_owned(),
            (false, None) => " 国外 ".to_owned(),
        };
        let sync = if view.sync {
            " 同步 "
        } else {
            " 各自滚动 "
        };
        crate::paint::pane(theme, title, focused, widths)
            .bottom(sync)
            .render(*pane, buf);
        // The text at the measure, centred in a wider pane.
        let full = compare_text(*pane);
        let width = u16::try_from(view.columns())
            .unwrap_or(u16::MAX)
            .min(full.width);
        let text = ratatui::layout::Rect {
            x: full.x + (full.width - width) / 2,
            width,
            ..full
        };
        if side >= table.sides() {
            continue;
        }
        // A collection with lessons on one side only: say so, rather than
        // leave a column of blank rows.
        let none = |pair: &(Option<usize>, Option<usize>)| {
            if side == 0 { pair.0 } else { pair.1 }.is_none()
        };
        if !stacked && table.pairs.iter().all(none) {
            let what = if side == 0 {
                "此集合中没有国内先进城市的经验"
            } else {
                "此集合中没有国外发达城市地区的经验"
            };
            put(
                buf,
                text.x,
                text.y,
                text.width,
                &[(what, theme.muted)],
                widths,
            );
            continue;
        }
        let scroll = view.top(side);
        let shown = table.lines(lib, side, scroll..scroll + usize::from(text.height));
        for (row, line) in shown.iter().enumerate() {
            let y = text.y + u16::try_from(row).unwrap_or(0);
            draw(view, cx, line, side, text.x, y, text.width, buf);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    view: &Comparison,
    cx: &DrawCx,
    line: &Line,
    side: usize,
    x: u16,
    y: u16,
    width: u16,
    buf: &mut Buffer,
) {
    let theme = cx.theme;
    let dimmed = match (view.place, line.lesson) {
        (Some(p), Some(lesson)) => !names(cx.lib, lesson, p),
        _ => false,
    };
    let selected = line.kind == Kind::Lesson
        && line.lesson.is_some_and(|l| {
            view.table().pairs.get(view.selected).is_some_and(|(d, f)| {
                let stacked = view.stacked();
                let on_side = if view.side == 0 { *d } else { *f };
                (stacked || side == view.side) && on_side == Some(l)
            })
        });
    let mut base = match line.kind {
        Kind::Title => theme.heading[1],
        Kind::Lesson => theme.heading[2],
        Kind::Rule => theme.border,
        Kind::Side => theme.note_label,
        Kind::Intro | Kind::Example | Kind::Blank => theme.body,
    };
    if selected {
        fill(
            buf,
            ratatui::layout::Rect::new(x, y, width, 1),
            theme.selected,
        );
        base = base.patch(theme.selected);
    }
    if dimmed {
        base = base.patch(theme.muted).add_modifier(Modifier::DIM);
    }
    let runs = runs(view, cx, line, base, dimmed);
    put(buf, x, y, width, &runs, cx.widths);
}

/// The line cut at its marks: place names, the chosen place brighter, the
/// country annotation muted.
fn runs<'a>(
    view: &Comparison,
    cx: &DrawCx,
    line: &'a Line,
    base: Style,
    dimmed: bool,
) -> Vec<(&'a str, Style)> {
    let theme = cx.theme;
    let mut styled: Vec<(std::ops::Range<usize>, Style)> = Vec::new();
    let mut at = 0;
    for (range, mark) in &line.marks {
        if range.start < at || range.end > line.text.len() {
            continue;
        }
        let style = match mark {
            Mark::Country => theme.muted,
            Mark::Place(p) if view.place == Some(*p) => theme.hit_current,
            Mark::Place(_) if dimmed || view.place.is_some() => base,
            Mark::Place(_) => theme.place,
        };
        styled.push((range.clone(), style));
        at = range.end;
    }
    let notes = note_marks(cx, line);
    // Cut wherever a mark or a note starts or ends; a note's style goes
    // over a place's.
    let mut cuts: Vec<usize> = vec![0, line.text.len()];
    for (r, _) in styled.iter().chain(&notes) {
        cuts.extend([r.start, r.end]);
    }
    cuts.retain(|&c| c <= line.text.len() && line.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let inside = |r: &std::ops::Range<usize>| r.start <= w[0] && w[0] < r.end;
            let mut style = styled
                .iter()
                .find(|(r, _)| inside(r))
                .map_or(base, |(_, s)| *s);
            if let Some((_, s)) = notes.iter().find(|(r, _)| inside(r)) {
                style = style.patch(*s);
            }
            (&line.text[w[0]..w[1]], style)
        })
        .collect()
}

/// The line's bytes a study note marks, in the note's kind's style.
fn note_marks(cx: &DrawCx, line: &Line) -> Vec<(std::ops::Range<usize>, Style)> {
    let (theme, study) = (cx.theme, cx.marks.study);
    let Some(lesson) = line.lesson.filter(|_| !line.from.is_empty()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, bytes, note) in study.paragraph_marks(cx.lib, lesson) {
        let kind = study.kind_index(&study.book.notes[note].kind);
        let style = theme.marked[kind % theme.marked.len()];
        for (run, start) in &line.from {
            let end = start + run.len();
            let (s, e) = (bytes.start.max(*start), bytes.end.min(end));
            if s < e {
                out.push((run.start + s - start..run.start + e - start, style));
            }
        }
    }
    out
}
