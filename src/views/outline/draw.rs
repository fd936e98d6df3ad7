//! The study outline as it looks: each section's heading, indented by its
//! level with a fold mark, its first sentence below it in the authors'
//! 「」, and the reader's notes under it in their kind's colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::state::{Outline, Row};
use crate::export::outline;
use crate::keys::Mode;
use crate::paint::text::{fill, put, truncate};
use crate::views::{Draw, DrawCx};

impl Draw for Outline {
    fn draw(&self, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
        let (theme, lib, w) = (cx.theme, cx.lib, cx.widths);
        let hints = crate::paint::hints(&cx.keys.hints(Mode::Outline));
        crate::paint::pane(theme, format!(" 学习提纲 ·{hints}"), true, w).render(area, buf);
        let inner = crate::areas::inner(area);
        if inner.width < 8 || inner.height == 0 {
            return;
        }
        let study = cx.marks.study;
        let mut y = inner.y;
        for (i, &row) in self.rows.iter().enumerate().skip(self.offset) {
            if y >= inner.bottom() {
                break;
            }
            let tall = u16::try_from(self.tall(row)).unwrap_or(1);
            let selected = i == self.selected;
            if selected {
                let shown = tall.min(inner.bottom() - y);
                fill(buf, Rect::new(inner.x, y, inner.width, shown), theme.selected);
            }
            let pick = |style| if selected { theme.selected } else { style };
            match row {
                Row::Node(n) => {
                    let node = lib.node(n);
                    let fold = match (node.children.is_empty(), self.open[n]) {
                        (true, _) => "  ",
                        (false, true) => "▾ ",
                        (false, false) => "▸ ",
                    };
                    let indent = "  ".repeat(node.depth);
                    let head = format!("{indent}{fold}");
                    let level = theme.heading[node.depth.min(2)];
                    let room = usize::from(inner.width).saturating_sub(w.str(&head) + 1);
                    let text = truncate(&outline::heading(lib, n), room, w);
                    put(
                        buf,
                        inner.x + 1,
                        y,
                        inner.width - 1,
                        &[(&head, pick(theme.muted)), (&text, pick(level))],
                        w,
                    );
                    if let Some(sentence) = outline::first_sentence(lib, n)
                        && y + 1 < inner.bottom()
                    {
                        let lead = format!("{indent}  ");
                        let room = usize::from(inner.width).saturating_sub(w.str(&lead) + 1);
                        let quoted = truncate(&format!("「{sentence}」"), room, w);
                        put(
                            buf,
                            inner.x + 1,
                            y + 1,
                            inner.width - 1,
                            &[(&lead, pick(theme.body)), (&quoted, pick(theme.quote))],
                            w,
                        );
                    }
                }
                Row::Note(n, note) => {
                    let indent = "  ".repeat(lib.node(n).depth + 2);
                    let kind = study.kind_index(&study.book.notes[note].kind);
                    let style = theme.marked[kind % theme.marked.len()];
                    let room = usize::from(inner.width).saturating_sub(w.str(&indent) + 1);
                    let line = truncate(&outline::note_line(&study.book, note), room, w);
                    put(
                        buf,
                        inner.x + 1,
                        y,
                        inner.width - 1,
                        &[(&indent, pick(theme.body)), (&line, pick(style))],
                        w,
                    );
                }
            }
            y += tall;
        }
        if self.rows.is_empty() {
            put(
                buf,
                inner.x + 1,
                inner.y,
                inner.width - 1,
                &[("此集合中没有文章", theme.muted)],
                w,
            );
        }
    }
}
