//! A page's pages: where they break (form feeds, page numbers), the
//! running headers printed at the breaks, double-spaced text.

use super::{Alone, Line, ends_sentence, is_name_line};
use crate::import::Dropped;

/// A page that sets a blank line after nearly every line, inside
/// paragraphs too (PDF text double-spaced: after full lines that end no
/// sentence), says nothing by one.
pub(super) fn single_spaced(lines: &mut [Line]) {
    let mut widths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    widths.sort_unstable();
    let full = widths.get(widths.len() * 3 / 4).copied().unwrap_or(0) * 4 / 5;
    let spaced = lines.iter().filter(|l| l.blank_before > 0).count();
    let inside = (1..lines.len())
        .filter(|&i| {
            let p = &lines[i - 1].text;
            lines[i].blank_before > 0 && !ends_sentence(p) && p.chars().count() >= full.max(20)
        })
        .count();
    if lines.len() >= 10 && spaced * 10 >= lines.len() * 7 && inside * 10 >= spaced * 3 {
        for l in lines {
            l.blank_before = l.blank_before.saturating_sub(1);
        }
    }
}

/// A page's number set alone: `12`, `- 12 -`, `—12—`, `第 12 页`.
pub(super) fn page_number(s: &str) -> bool {
    let inner = s
        .trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '·' | '•') || c.is_whitespace())
        .trim_start_matches('第')
        .trim_end_matches('页')
        .trim();
    !inner.is_empty() && inner.len() <= 3 && inner.chars().all(|c| c.is_ascii_digit())
}

/// A line's shape, its numbers aside: a running header that carries the
/// page's number or date (`2023年12月11日每周一学第2版`) is one shape.
fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Running headers dropped: a line (of 60 characters at most: a browser
/// prints the date and the page's title, the address and `2/13`) whose
/// shape is printed at three or more page breaks (within two lines of
/// one), where it stands at a break; never a line of the body, however often it repeats, and nothing
/// on a page that shows no breaks. A name alone read as a byline only with
/// blank lines around it.
pub(super) fn furniture(lines: &mut Vec<Line>, dropped: &mut Vec<Dropped>, breaks: &[usize]) {
    let near = |i: usize| {
        let at = breaks.partition_point(|&b| b <= i);
        let before = at.checked_sub(1).map(|k| breaks[k]);
        let after = breaks.get(at).copied();
        before.is_some_and(|b| i < b + 2) || after.is_some_and(|a| a <= i + 2)
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let at_breaks: Vec<bool> = (0..lines.len())
        .map(|i| {
            let l = &lines[i];
            let candidate = breaks.len() > 2
                && l.alone == Alone::No
                && l.text.chars().count() <= 60
                && !ends_sentence(&l.text)
                && near(i);
            if candidate {
                *seen.entry(shape(&l.text)).or_default() += 1;
            }
            candidate
        })
        .collect();
    let mut i = 0;
    lines.retain(|l| {
        let header = at_breaks[i] && seen.get(&shape(&l.text)).is_some_and(|&n| n >= 3);
        i += 1;
        if header {
            dropped.push(Dropped::new("running header", l.text.clone(), l.no));
        }
        !header
    });
    // A name alone is a byline only with blank lines around it.
    for i in 0..lines.len() {
        let alone = (lines[i].blank_before > 0 || i == 0)
            && lines.get(i + 1).is_none_or(|n| n.blank_before > 0);
        if lines[i].alone == Alone::Byline && is_name_line(&lines[i].text) && !alone {
            lines[i].alone = Alone::No;
        }
    }
}
