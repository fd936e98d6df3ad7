//! Lines into units: which lines make one paragraph, heading or title,
//! from the page's layout (its indents, its column widths, its blank lines).

use super::{Alone, Layout, Line, ends_sentence};
use crate::import::{Unit, UnitKind};

/// How wide a line is on the page, in half-em columns: a hanzi is two, a
/// full-width mark one (typesetters squeeze them), ASCII one.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| usize::from(!c.is_ascii() && c.is_alphanumeric()) + 1)
        .sum()
}

/// How wide the start of a line is up to its first break: an opening
/// mark goes with what follows it, a run of Latin letters or digits is
/// one word, a hanzi ends it. A line broke where that did not fit.
fn first_word(s: &str) -> usize {
    let w = crate::wrap::Widths::default();
    let mut cols = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        cols += w.char(c);
        let latin = c.is_ascii_alphanumeric();
        let next_closes = chars
            .peek()
            .is_some_and(|n| "）】」』”’，。、；：？！".contains(*n));
        if !latin && !"（【「『“‘《".contains(c) && !next_closes {
            break;
        }
        if latin && !chars.peek().is_some_and(char::is_ascii_alphanumeric) && !next_closes {
            break;
        }
    }
    cols
}

/// How wide a line is in a terminal's columns, as `export` wraps.
fn shown(s: &str) -> usize {
    crate::wrap::Widths::default().str(s)
}

/// Starts with an ordinal (`一是`, `1、`, `（一）` …).
fn marked(s: &str) -> bool {
    crate::content::ordinal::at_start(s).is_some() || crate::content::ordinal::opens_article(s)
}

/// A headline's line that says what it is (`主题：…`): a line of its own.
fn labelled(s: &str) -> bool {
    ["引题", "肩题", "主题", "标题", "副题"].iter().any(|w| {
        s.strip_prefix(w)
            .is_some_and(|r| r.starts_with(['：', ':']))
    })
}

pub(super) fn layout_of(lines: &[Line]) -> Layout {
    // (A paragraph's first line, not a short one set in: a contents line.)
    let indented = lines
        .iter()
        .filter(|l| l.indented && l.text.chars().count() >= 12)
        .count();
    // Paragraphs that open with an indent, however narrow the measure
    // (at 20 columns a paragraph is a dozen lines).
    if indented >= 3 && indented * 25 >= lines.len() {
        return Layout::Indented;
    }
    let mut widths: Vec<usize> = lines.iter().map(|l| width(&l.text)).collect();
    widths.sort_unstable();
    let p75 = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0);
    if p75 > 120 {
        Layout::Unwrapped
    } else {
        Layout::Wrapped
    }
}

/// The column a line was set in: the median width of the lines around
/// it; and the upper quartile, past which a line is wider than its column
/// (a page of short paragraphs has nearly as many last lines as full ones).
fn columns(lines: &[Line]) -> Vec<(usize, usize)> {
    let w: Vec<usize> = lines.iter().map(|l| width(&l.text)).collect();
    (0..lines.len())
        .map(|i| {
            let mut near: Vec<usize> = w[i.saturating_sub(8)..(i + 9).min(w.len())]
                .iter()
                .copied()
                .filter(|&x| x > 8)
                .collect();
            near.sort_unstable();
            let at = |k: usize| near.get(k).copied().unwrap_or(w[i]);
            (at(near.len() / 2), at(near.len() * 3 / 4))
        })
        .collect()
}

pub(super) fn join(lines: &[Line], layout: Layout) -> (Vec<Unit>, bool) {
    let cols = if layout == Layout::Indented {
        // One measure for the whole page, as `export` sets it, in the
        // terminal's columns it was wrapped by; a column's lines set
        // narrower than the page (a paper's two columns under a wide
        // abstract) are full at the column's measure.
        let shown: Vec<usize> = lines.iter().map(|l| shown(&l.text)).collect();
        let widest = shown.iter().copied().max().unwrap_or(0);
        (0..lines.len())
            .map(|i| {
                let mut near = shown[i.saturating_sub(8)..(i + 9).min(shown.len())].to_vec();
                near.sort_unstable();
                let col = near
                    .get(near.len() * 3 / 4)
                    .copied()
                    .unwrap_or(widest)
                    .min(widest);
                (col, col)
            })
            .collect()
    } else {
        columns(lines)
    };
    // Whether a blank line means a paragraph's end: on a page that puts
    // blanks only after sentences and short lines, it does.
    let gaps: Vec<usize> = (1..lines.len())
        .filter(|&i| lines[i].blank_before > 0)
        .collect();
    let clean_gaps = gaps
        .iter()
        .filter(|&&i| {
            let p = &lines[i - 1];
            // (After the page's first line: its title, set apart.)
            i == 1
                || ends_sentence(&p.text)
                || width(&p.text) + 6 <= cols[i - 1].0
                || p.alone != Alone::No
                || (marked(&p.text) && p.text.chars().count() <= 40)
        })
        .count();
    let trusted_blanks = gaps.is_empty() || clean_gaps * 10 >= gaps.len() * 9;
    let mut units: Vec<Unit> = Vec::new();
    let mut open: Option<Unit> = None;
    let mut label_note = false;
    for (i, l) in lines.iter().enumerate() {
        let kind = match l.alone {
            Alone::No => UnitKind::Text,
            Alone::Label => UnitKind::Label,
            Alone::Byline => UnitKind::Byline,
            Alone::Rule => UnitKind::Rule,
            Alone::Setext => UnitKind::Heading(1),
            Alone::Derived => UnitKind::DerivedNote,
            Alone::Doubled => UnitKind::Doubled,
        };
        let continues = open.as_ref().is_some_and(|u| {
            l.alone == Alone::No
                && u.kind == UnitKind::Text
                && continues(
                    u,
                    &lines[i - 1],
                    l,
                    lines.get(i + 1),
                    cols[i - 1],
                    (layout, trusted_blanks, label_note),
                )
        });
        if continues {
            let u = open.as_mut().expect("checked above");
            if l.blank_before > 0 {
                u.joined_blanks += 1;
            }
            // Both sides are closed up already: only the seam is looked at,
            // so a paragraph of many lines is joined in linear time.
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_graphic());
            // A number broken at its point (`14.` / `5万台`) joins whole.
            let mut tail = u.text.chars().rev();
            let split_number = matches!(
                (tail.next(), tail.next(), l.text.chars().next()),
                (Some('.'), Some(d), Some(n)) if d.is_ascii_digit() && n.is_ascii_digit()
            );
            if latin(u.text.chars().next_back()) && latin(l.text.chars().next()) && !split_number {
                u.text.push(' ');
            }
            u.text.push_str(&l.text);
            u.lines.push((u.text.len() - l.text.len(), l.no));
        } else {
            units.extend(open.take());
            label_note = units.last().is_some_and(|u| u.kind == UnitKind::Label);
            open = Some(Unit {
                text: l.text.clone(),
                line: l.no,
                kind,
                blank_before: l.blank_before > 0 || i == 0,
                gap: l.blank_before,
                indented: l.indented,
                quoted: l.quoted,
                joined_blanks: 0,
                lines: vec![(0, l.no)],
            });
        }
    }
    units.extend(open);
    (units, trusted_blanks)
}

/// A line of a table of contents: a heading, dot leaders, a page number.
fn leads_to_page(s: &str) -> bool {
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    body.len() < s.len() && (body.ends_with("...") || body.ends_with("……") || body.ends_with("··"))
}

/// Whether line `l` goes on with the unit `u` whose last line is `p`.
fn continues(
    u: &Unit,
    p: &Line,
    l: &Line,
    next: Option<&Line>,
    (col, upper): (usize, usize),
    (layout, trusted_blanks, label_note): (Layout, bool, bool),
) -> bool {
    let blank = l.blank_before > 0;
    // A code's part, chapter or section heading is a line of its own.
    let part = crate::content::ordinal::at_start(&p.text)
        .is_some_and(|o| o.family.part_rank().is_some())
        && p.text.chars().count() <= 40;
    // A paper's numbered heading (`0 引言`, `2.1 模型`) starts a line.
    let numbered = crate::content::ordinal::at_start(&l.text).is_some_and(|o| {
        matches!(o.family, crate::content::ordinal::Family::Decimal(_))
            && l.text.chars().count() <= 30
            && !l.text.contains(['，', '。'])
    });
    if p.quoted != l.quoted
        || leads_to_page(&p.text)
        || part
        || numbered
        || labelled(&p.text)
        || labelled(&l.text)
    {
        return false;
    }
    match layout {
        Layout::Unwrapped | Layout::Marked => return false,
        // A paragraph runs to the next indent or blank; a heading or title
        // line goes on only from a full line.
        Layout::Indented => {
            return !blank
                && !l.indented
                && !l.centred
                && (u.indented
                    || (u.quoted && l.quoted)
                    // Full, or broken because the next word would not fit.
                    || shown(&p.text) + 6 >= col
                    || shown(&p.text) + first_word(&l.text) > col);
        }
        Layout::Wrapped => {}
    }
    // An affiliation runs to its closing bracket.
    if u.text.starts_with('（') && !u.text.contains('）') {
        return true;
    }
    // Full by either measure: ASCII half-width as typeset, or as wide as a
    // hanzi where a page was wrapped by characters.
    let (w, wide) = (width(&p.text), 2 * p.text.chars().count());
    // A paragraph's first line may have lost its indent.
    let slack = if u.lines.len() == 1 { 9 } else { 5 };
    let full = wide.max(w) + slack >= col && w <= upper.max(col) + 6;
    if label_note {
        // An editor's note runs to a sentence's end, its first line short
        // for the label beside it.
        return !(ends_sentence(&u.text) && (blank || !full));
    }
    if ends_sentence(&p.text) {
        return !(blank || l.indented || marked(&l.text) || !full);
    }
    if !full || (blank && trusted_blanks) {
        return false;
    }
    // After a blank, a short line that ends no sentence and is followed by
    // another (or by a byline) starts a title of its own.
    let short = |x: &Line| 2 * x.text.chars().count() + 5 < col && !ends_sentence(&x.text);
    let display = short(l) && next.is_some_and(|n| short(n) || n.alone == Alone::Byline);
    !(blank && display)
}
