//! The note editor over the text: the passage above, the note below,
//! wrapped, growing to a few lines; the kind in the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::editor::Editor;
use crate::keys::Mode;
use crate::paint::text::put;
use crate::views::{Ctx, DrawCx};
use crate::wrap::wrap;

/// The note editor: the passage above, the note below, wrapped, growing
/// to a few lines; the kind in the title.
pub fn render(editor: &Editor, cx: &DrawCx, buf: &mut Buffer) {
    let theme = cx.theme;
    let area = editor_area(cx);
    crate::paint::text::clear_popup(buf, area);
    let kind = cx
        .marks
        .study
        .kinds
        .get(editor.kind)
        .map_or("", String::as_str);
    let hints = crate::paint::hints_within(
        &cx.keys.hints(Mode::Editor),
        usize::from(area.width.saturating_sub(4)),
        cx.widths,
    );
    crate::paint::pane(theme, format!(" 笔记 ［{kind}］ "), true, cx.widths)
        .bottom(hints)
        .render(area, buf);
    let inner = crate::areas::inner(area);
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let w = cx.widths;
    let quote: String = editor.quote.replace('\n', " ");
    let quote =
        crate::paint::text::truncate(&format!("「{quote}」"), usize::from(inner.width - 1), w);
    let style = theme.marked[editor.kind % theme.marked.len()];
    put(
        buf,
        inner.x + 1,
        inner.y,
        inner.width - 1,
        &[(&quote, style)],
        w,
    );
    let (rows, _) = editor_rows(editor, cx, inner);
    for (y, row) in (inner.y + 1..inner.bottom()).zip(rows) {
        put(
            buf,
            inner.x + 1,
            y,
            inner.width - 1,
            &[(row, theme.body)],
            w,
        );
    }
}

/// The editor's box: wide as the text, tall enough for its note.
fn editor_area(cx: &Ctx) -> Rect {
    let (width, height) = cx.size;
    crate::areas::centered(
        Rect::new(0, 1, width, height.saturating_sub(2)),
        72.min(width.saturating_sub(2)),
        10.min(height.saturating_sub(2)),
    )
}

/// The note's rows that fit, from the one the caret is on back, and the
/// caret's row and column among them.
fn editor_rows<'e>(editor: &'e Editor, cx: &Ctx, inner: Rect) -> (Vec<&'e str>, (usize, usize)) {
    let text = &editor.line.text;
    let width = usize::from(inner.width.saturating_sub(2)).max(2);
    let w = cx.widths;
    let mut rows: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        let ranges = wrap(part, width, 0, w);
        if ranges.is_empty() {
            rows.push((start, ""));
        }
        for r in ranges {
            rows.push((start + r.start, &part[r]));
        }
        start += part.len() + 1;
    }
    let caret = editor.line.caret;
    let at = rows.iter().rposition(|(s, _)| *s <= caret).unwrap_or(0);
    let col = w.str(&text[rows.get(at).map_or(0, |r| r.0)..caret]);
    let room = usize::from(inner.height.saturating_sub(1)).max(1);
    let top = at.saturating_sub(room - 1);
    let shown = rows.iter().skip(top).take(room).map(|(_, r)| *r).collect();
    (shown, (at - top, col))
}

/// Where the terminal cursor goes in the editor: at the caret, so the
/// input method's window follows it.
#[must_use]
pub fn cursor(editor: &Editor, cx: &Ctx) -> Option<(u16, u16)> {
    let inner = crate::areas::inner(editor_area(cx));
    let (_, (row, col)) = editor_rows(editor, cx, inner);
    let x = inner.x + 1 + u16::try_from(col).ok()?;
    let y = inner.y + 1 + u16::try_from(row).ok()?;
    (x < inner.right() && y < inner.bottom()).then_some((x, y))
}
