//! The comparison view: two parts side by side (stacked when narrow), each
//! row starting on the same line on both sides, places marked; between two
//! versions, what was taken out struck through and what was put in
//! underlined; with nothing to compare, how to choose two parts.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::state::Comparison;
use crate::areas::{compare_panes, compare_text};
use crate::action::Action;
use crate::compare::{Kind, Line, Mark};
use crate::keys::Mode;
use crate::paint::text::{fill, put};
use crate::views::{Crumb, Ctx, Draw, DrawCx};

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
    let sides = view.filtered();
    for (side, pane) in panes.iter().enumerate() {
        let focused = stacked || side == view.side;
        // Each side is named as the collection names the part it shows.
        let names = sides.as_ref().map(|s| s.names.clone()).unwrap_or_default();
        let short = sides.as_ref().map(|s| s.short.clone()).unwrap_or_default();
        let title = if stacked {
            format!(" {} ⇄ {} ", short[0], short[1])
        } else {
            format!(" {} ", names[side])
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
        if sides.is_none() {
            if side == 0 {
                empty(view, cx, full, buf);
            }
            continue;
        }
        if side >= table.sides() {
            continue;
        }
        // Filtered to nothing: say so once, and how to clear it.
        if let Some(p) = view.place.filter(|_| table.rows.is_empty()) {
            if side == 0 {
                let key = cx.keys.first_key(Mode::Compare, &Action::ClearPlace);
                let said = format!("这两部分没有一行提到「{}」；{key} 清除筛选", lib.places[p].name);
                put(buf, text.x, text.y, full.width, &[(&said, theme.muted)], widths);
            }
            continue;
        }
        // A side with nothing on any row: say so, rather than leave a
        // column of blank rows.
        if !stacked && table.rows.iter().all(|r| r.items[side].is_none()) {
            put(
                buf,
                text.x,
                text.y,
                text.width,
                &[("此侧没有与另一侧对应的条目", theme.muted)],
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

/// Nothing to compare: how to choose two parts, and the one chosen.
fn empty(view: &Comparison, cx: &DrawCx, area: ratatui::layout::Rect, buf: &mut Buffer) {
    let key = cx.keys.first_key(Mode::Reader, &Action::CompareHere);
    let mut lines = vec![
        "此集合中没有编号相同的两组条目可对照。".to_owned(),
        format!("在阅读区或目录按 {key} 选一部分，再到另一部分按 {key}："),
        "两部分并排对照；同一文本的两版逐段标出改动。".to_owned(),
    ];
    if let Some(n) = view.pending {
        lines.push(format!("已选「{}」为一侧。", cx.lib.display_label(n)));
    }
    let mut y = area.y;
    for line in &lines {
        for r in crate::wrap::wrap(line, usize::from(area.width), 0, cx.widths) {
            if y >= area.bottom() {
                return;
            }
            put(buf, area.x, y, area.width, &[(&line[r], cx.theme.muted)], cx.widths);
            y += 1;
        }
    }
}

/// The status bar's left end: the place filter and its counts, or what is
/// compared (between versions, how many paragraphs changed).
pub(super) fn crumb(view: &Comparison, cx: &Ctx) -> Crumb {
    let n = crate::paint::text::thousands;
    // A side chosen with `c`, waiting for the other, is said last: a
    // narrow bar cuts the front of what it shows.
    let waiting = view.pending.map_or_else(String::new, |p| {
        format!(" · 待选另一侧（已选「{}」）", cx.lib.display_label(p))
    });
    let Some(sides) = view.sides() else {
        return Crumb::of(format!("对照{waiting}"));
    };
    let mut text = if sides.versions {
        // The count last: a narrow bar cuts the front of what it shows.
        format!("{} · {} 段有改动", sides.title, n(sides.changed()))
    } else {
        sides.title.clone()
    };
    if let Some(p) = view.place {
        let (lessons, times) = view.counts;
        let lessons = if lessons > 0 {
            format!("{} 条启示 · ", n(lessons))
        } else {
            String::new()
        };
        text = format!(
            "{} · {lessons}全文 {} 处提及 · 显示 {}/{} 行 · {} 清除",
            cx.lib.places[p].name,
            n(times),
            n(sides.rows.len() - view.hidden()),
            n(sides.rows.len()),
            cx.keys.first_key(Mode::Compare, &Action::ClearPlace)
        );
    }
    Crumb::of(text + &waiting)
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
    let selected = line.head
        && line.row == Some(view.selected)
        && if view.stacked() {
            line.side == view.side
        } else {
            side == view.side
        };
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
    if line.kind == Kind::Side && line.lesson.is_none() && line.row.is_some() {
        base = theme.muted;
    }
    let runs = runs(view, cx, line, base);
    put(buf, x, y, width, &runs, cx.widths);
}

/// The line cut at its marks: place names, the chosen place brighter, the
/// country annotation muted.
fn runs<'a>(
    view: &Comparison,
    cx: &DrawCx,
    line: &'a Line,
    base: Style,
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
            Mark::Place(_) if view.place.is_some() => base,
            Mark::Place(_) => theme.place,
            // Taken out struck through on the left, put in underlined on the right.
            Mark::Changed if line.side == 0 => theme.hit.add_modifier(Modifier::CROSSED_OUT),
            Mark::Changed => theme.hit.add_modifier(Modifier::UNDERLINED),
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
    let Some(source) = line.source.filter(|_| !line.from.is_empty()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (at, bytes, note) in study.paragraph_marks(cx.lib, source.node) {
        if at != source {
            continue;
        }
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
