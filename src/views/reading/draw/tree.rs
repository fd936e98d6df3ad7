//! The tree pane: articles, parts and items, each with its ordinal and label;
//! the selection, and a mark on the node being read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::paint::text::{fill, put, truncate};
use crate::views::DrawCx;
use crate::views::reading::state::Reading;
use crate::views::reading::state::panes::Focus;

pub(super) fn render(view: &Reading, cx: &DrawCx, area: Rect, buf: &mut Buffer) {
    let (theme, lib, widths) = (cx.theme, cx.lib, cx.widths);
    let focused = view.panes.focus == Focus::Tree;
    crate::paint::text::clear_popup(buf, area);
    crate::paint::pane(theme, " 目录 ", focused, widths).render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let rows = view.tree.rows();
    let reading = view.tree.reading;
    for (i, &node) in rows
        .iter()
        .skip(view.tree.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(i).unwrap_or(0);
        let n = lib.node(node);
        let fold = match (n.children.is_empty(), view.tree.expanded[node]) {
            (true, _) => "  ",
            (false, true) => "▾ ",
            (false, false) => "▸ ",
        };
        let mark = if Some(node) == reading { "▍" } else { " " };
        let indent = "  ".repeat(n.depth.saturating_sub(0));
        let head = format!("{mark}{indent}{fold}");
        // How far each article has been read, at the right of its row.
        let progress = (n.depth == 0)
            .then(|| view.progress.get(&lib.articles[n.article].id))
            .flatten()
            .map(|p| format!(" {p}%"))
            .unwrap_or_default();
        let room = usize::from(inner.width)
            .saturating_sub(widths.str(&head) + widths.str(&progress));
        // A derived title keeps its mark: the title is cut, not 〔拟题〕.
        let full = lib.display_label(node);
        let label = match full.strip_suffix(crate::content::DERIVED_MARK) {
            Some(title) if widths.str(&full) > room => {
                let mark = crate::content::DERIVED_MARK;
                truncate(title, room.saturating_sub(widths.str(mark)), widths) + mark
            }
            _ => truncate(&full, room, widths),
        };
        let mut style = if Some(node) == reading {
            theme.reading
        } else {
            theme.body
        };
        if n.depth == 0 {
            style = style.add_modifier(ratatui::style::Modifier::BOLD);
        }
        if node == view.tree.selected {
            fill(
                buf,
                Rect::new(inner.x, y, inner.width, 1),
                if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                },
            );
            style = style.patch(if focused {
                theme.selected
            } else {
                theme.selected_unfocused
            });
        }
        put(
            buf,
            inner.x,
            y,
            inner.width,
            &[(&head, style), (&label, style)],
            widths,
        );
        let progress_w = u16::try_from(widths.str(&progress)).unwrap_or(0);
        put(
            buf,
            inner.right().saturating_sub(progress_w),
            y,
            progress_w,
            &[(&progress, style.patch(theme.muted))],
            widths,
        );
    }
}
