//! Writing text into the buffer cell by cell, so widths are ours: a line never
//! runs past its area, and with `--ambiwidth double` an ambiguous character
//! (“ ” …) owns two cells, as the terminal draws it.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::wrap::Widths;

/// Writes styled runs from `(x, y)`, at most `max` columns; returns the
/// columns used. Wide characters that would not fit whole are left out.
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max: u16,
    runs: &[(&str, Style)],
    widths: Widths,
) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() {
        return 0;
    }
    let end = x.saturating_add(max).min(area.right());
    let mut col = x;
    // Where each character drawn starts, to take back room for `…`.
    let mut starts: Vec<u16> = Vec::new();
    for (run, &(text, style)) in runs.iter().enumerate() {
        for (at, c) in text.char_indices() {
            let c = if crate::sanitize::is_forbidden(c)
                || crate::sanitize::is_separator(c)
                || c == '\t'
            {
                ' '
            } else {
                c
            };
            let w = u16::try_from(widths.char(c)).unwrap_or(0);
            if w == 0 {
                continue;
            }
            if col + w > end {
                // Cut to fit: what is cut off is said with `…`, unless it
                // is only blank.
                let rest_blank = text[at..].trim().is_empty()
                    && runs[run + 1..].iter().all(|(t, _)| t.trim().is_empty());
                if !rest_blank {
                    col = ellipsis(buf, y, col, end, &mut starts, style, widths);
                }
                return col - x;
            }
            starts.push(col);
            buf[(col, y)].set_char(c).set_style(style);
            if w == 2 {
                let next = &mut buf[(col + 1, y)];
                next.reset();
                // ratatui thinks an ambiguous character is one cell wide;
                // keep it from drawing over the glyph's second half.
                if unicode_width::UnicodeWidthChar::width(c) == Some(1) {
                    next.set_diff_option(CellDiffOption::Skip);
                }
                next.set_style(style);
            }
            col += w;
        }
    }
    col - x
}

/// Takes back the last characters drawn until `…` fits before `end`, and
/// draws it; the column after it.
fn ellipsis(
    buf: &mut Buffer,
    y: u16,
    mut col: u16,
    end: u16,
    starts: &mut Vec<u16>,
    style: Style,
    widths: Widths,
) -> u16 {
    let ell = u16::try_from(widths.char('…')).unwrap_or(1);
    while col + ell > end {
        let Some(start) = starts.pop() else {
            return col;
        };
        for cx in start..col {
            buf[(cx, y)].reset();
        }
        col = start;
    }
    buf[(col, y)].set_char('…').set_style(style);
    if ell == 2 {
        buf[(col + 1, y)].reset();
        buf[(col + 1, y)].set_diff_option(CellDiffOption::Skip);
        buf[(col + 1, y)].set_style(style);
    }
    col + ell
}

/// Paints a style over a row segment (selection bars, status bar).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].set_style(style);
        }
    }
}

/// Clears a popup's area without leaving half of a wide glyph at its edges:
/// a glyph cut by the left or right edge is blanked whole. The cells just
/// outside lose any background and reverse video, so a selection bar under
/// the popup does not run into its border (with `NO_COLOR` it looked like
/// part of it).
pub fn clear_popup(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let outer = buf.area;
    for y in area.top()..area.bottom() {
        for x in [area.left().checked_sub(1), Some(area.right())]
            .into_iter()
            .flatten()
            .filter(|&x| x >= outer.left() && x < outer.right())
        {
            let cell = &mut buf[(x, y)];
            cell.modifier.remove(ratatui::style::Modifier::REVERSED);
            cell.bg = ratatui::style::Color::Reset;
        }
        if area.left() > buf.area.left() {
            // A glyph that runs into the popup (a hanzi, or “ drawn two
            // columns wide) goes: its second half would be drawn over.
            let runs_in = buf[(area.left(), y)].diff_option == CellDiffOption::Skip;
            let second_half = buf[(area.left() - 1, y)].diff_option == CellDiffOption::Skip;
            let left = &mut buf[(area.left() - 1, y)];
            if unicode_width::UnicodeWidthStr::width(left.symbol()) > 1 || second_half || runs_in {
                left.reset();
            }
            // The cell beside the popup was a glyph's second half: its first
            // half would now be drawn over a blank, so it goes too.
            if second_half && area.left() - 1 > buf.area.left() {
                buf[(area.left() - 2, y)].reset();
            }
        }
        let last = area.right() - 1;
        if area.right() < buf.area.right() {
            let edge = unicode_width::UnicodeWidthStr::width(buf[(last, y)].symbol()) > 1
                || buf[(area.right(), y)].diff_option == CellDiffOption::Skip;
            if edge {
                buf[(area.right(), y)].reset();
            }
        }
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
        }
    }
}

/// The string cut to `max` columns, ending in … when cut.
#[must_use]
pub fn truncate(s: &str, max: usize, widths: Widths) -> String {
    if widths.str(s) <= max {
        return s.to_owned();
    }
    let ell = widths.char('…');
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = widths.char(c);
        if used + w + ell > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if used + ell <= max {
        out.push('…');
    }
    out
}

/// `s` cut to `max` columns from its start, where a breadcrumb's least
/// telling part is: `…› 思路措施 › 6、以…` keeps where the reader is.
#[must_use]
pub fn truncate_start(s: &str, max: usize, widths: Widths) -> String {
    if widths.str(s) <= max {
        return s.to_owned();
    }
    let ell = widths.char('…');
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = widths.char(c);
        if used + w + ell > max {
            break;
        }
        used += w;
        kept.push(c);
    }
    let mut out = String::new();
    if used + ell <= max {
        out.push('…');
    }
    out.extend(kept.into_iter().rev());
    // A breadcrumb loses whole parts, not a character of one (`…示 › 一是`):
    // from the first ` › ` left, when one is.
    if let Some(at) = out.find(" › ")
        && !out[..at].contains(" › ")
        && at > '…'.len_utf8()
        && out.starts_with('…')
    {
        return format!("…{}", &out[at + 1..]);
    }
    out
}

/// Splits `text` into runs: `base` style, and `mark` on the characters whose
/// indices are in `marks` (sorted).
#[must_use]
pub fn marked<'a>(
    text: &'a str,
    marks: &[usize],
    base: Style,
    mark: Style,
) -> Vec<(&'a str, Style)> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut current = None;
    for (i, (b, _)) in text.char_indices().enumerate() {
        let on = marks.binary_search(&i).is_ok();
        if current != Some(on) {
            if let Some(was) = current
                && b > start
            {
                runs.push((&text[start..b], if was { mark } else { base }));
            }
            start = b;
            current = Some(on);
        }
    }
    if let Some(was) = current {
        runs.push((&text[start..], if was { mark } else { base }));
    }
    runs
}

/// 4210 as 4,210.
#[must_use]
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs with some bytes of their joined text restyled: each range in
/// `over` patches the style of what it covers (a study note's mark over a
/// search hit, say).
#[must_use]
pub fn overlay<'a>(
    runs: Vec<(&'a str, Style)>,
    over: &[(std::ops::Range<usize>, Style)],
) -> Vec<(&'a str, Style)> {
    if over.is_empty() {
        return runs;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (text, style) in runs {
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for (r, _) in over {
            for c in [r.start, r.end] {
                if c > at && c < at + text.len() && text.is_char_boundary(c - at) {
                    cuts.push(c - at);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let here = at + w[0];
            let patched = over
                .iter()
                .filter(|(r, _)| r.start <= here && here < r.end)
                .fold(style, |s, (_, o)| s.patch(*o));
            out.push((&text[w[0]..w[1]], patched));
        }
        at += text.len();
    }
    out
}

/// A place's English name and its country (a region has none): `Ningbo · 中国`.
#[must_use]
pub fn place_note(place: &crate::content::Place) -> String {
    if place.country_zh.is_empty() {
        place.english.clone()
    } else {
        format!("{} · {}", place.english, place.country_zh)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_breadcrumb_cut_at_its_start_loses_whole_parts() {
        let w = crate::wrap::Widths::default();
        let crumb = "奋力打造全球智造创新之都 › 国内外经验 › 1、国内先进城市发展对宁波的启示 › 一是 注重打造制造业品牌";
        let cut = super::truncate_start(crumb, 60, w);
        assert!(
            cut.starts_with("…› ") && crumb.ends_with(&cut[cut.find(' ').unwrap()..]),
            "{cut}"
        );
        assert!(w.str(&cut) <= 60);
        // A part alone too wide keeps its end.
        assert_eq!(super::truncate_start("一二三四五六", 7, w), "…四五六");
    }

    #[test]
    fn counts_get_a_comma_every_three_digits() {
        let shown: Vec<String> = [0, 999, 1_000, 13_200, 708_541, 1_140_011]
            .into_iter()
            .map(super::thousands)
            .collect();
        assert_eq!(
            shown,
            ["0", "999", "1,000", "13,200", "708,541", "1,140,011"]
        );
    }
}
