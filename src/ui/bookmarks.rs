//! The bookmark list: each bookmark's place and first words; one whose
//! paragraph is gone says so and keeps its words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::action::Action as A;
use crate::app::bookmarks::BookmarkList;
use crate::areas::BOOKMARK_ROWS;
use crate::keys::Mode;
use crate::paint::text::{clear_popup, fill, put, truncate};
use crate::views::DrawCx;

pub fn render(list: &BookmarkList, cx: &DrawCx, buf: &mut Buffer) {
    let (theme, lib) = (cx.theme, cx.lib);
    let marks = cx.marks.bookmarks;
    let popup = crate::areas::bookmarks(cx.size.0, cx.size.1, marks.marks.len());
    clear_popup(buf, popup);
    // An empty list offers only what works in it.
    let mut offered = cx.keys.hinted(Mode::Bookmarks);
    if marks.marks.is_empty() {
        offered.retain(|(a, _, _)| matches!(a, A::Close));
    }
    let hints = crate::paint::hints(
        &offered
            .into_iter()
            .map(|(_, keys, hint)| (keys, hint.to_owned()))
            .collect::<Vec<_>>(),
    );
    crate::paint::pane(theme, " 书签 ", true, cx.widths)
        .bottom(hints)
        .render(popup, buf);
    let inner = crate::areas::inner(popup);
    if inner.width < 6 || inner.height == 0 {
        return;
    }
    let w = cx.widths;
    let room = inner.width.saturating_sub(2);
    if marks.marks.is_empty() {
        let hint = format!(
            "还没有书签：在阅读区按 {} 加一条",
            cx.keys.first_key(Mode::Reader, &A::ToggleBookmark)
        );
        put(buf, inner.x + 1, inner.y, room, &[(&hint, theme.muted)], w);
        return;
    }
    let per_page = usize::from(inner.height / BOOKMARK_ROWS).max(1);
    let top = list.selected.saturating_sub(per_page - 1);
    for (row, (i, mark)) in marks
        .marks
        .iter()
        .enumerate()
        .skip(top)
        .take(per_page)
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(0) * BOOKMARK_ROWS;
        let selected = i == list.selected;
        if selected {
            fill(
                buf,
                Rect::new(inner.x, y, inner.width, BOOKMARK_ROWS),
                theme.selected,
            );
        }
        let (crumb, words) = match list.found.get(i).copied().flatten() {
            Some(anchor) => (
                lib.breadcrumb(anchor.node),
                lib.text(anchor).unwrap_or_default().to_owned(),
            ),
            None => (
                format!("（已不在内容中）{}", mark.node),
                mark.excerpt.clone(),
            ),
        };
        let (crumb_style, body) = if selected {
            (theme.selected, theme.selected)
        } else {
            (theme.muted, theme.body)
        };
        let crumb = crate::paint::text::truncate_start(&crumb, usize::from(room), w);
        put(buf, inner.x + 1, y, room, &[(&crumb, crumb_style)], w);
        let words = truncate(&words, usize::from(room.saturating_sub(2)), w);
        put(
            buf,
            inner.x + 3,
            y + 1,
            room.saturating_sub(2),
            &[(&words, body)],
            w,
        );
    }
}
