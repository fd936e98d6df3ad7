//! Chinese line breaking: break opportunities from UAX #14 (unicode-linebreak),
//! tightened by the kinsoku rules Chinese typesetting uses, filled greedily to
//! a display width.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

// Sets of characters are slices of `char`, not strings: `str::contains`
// runs a substring search for each character of each paragraph wrapped.

/// Punctuation that must never begin a line.
const NO_LINE_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '】', '〕', '〉',
    '〗', '｝', '］', '．', ',', '.', ';', ':', '?', '!', ')', ']', '}', '%',
];
/// Punctuation that must never end a line.
const NO_LINE_END: &[char] = &[
    '“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '〖', '｛', '［', '(', '[', '{',
];
/// Runs of these (…… and ——) are one mark and are never split.
const PAIRED: &[char] = &['…', '—'];
/// Measure words and units that stay on the line of the number before them:
/// 4月, 6个, 50余, 3倍, 20%.
const UNITS: &str =
    "年月日时分秒号余多个位家亿万千百十周倍项名条次种类所座批届人元岁户台件篇期度成%％";

/// How wide a character is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    /// East Asian ambiguous characters (“ ” … — ·) take two columns, as on
    /// terminals configured for CJK.
    pub ambiguous_wide: bool,
}

impl Widths {
    #[must_use]
    pub fn char(self, c: char) -> usize {
        let w = if self.ambiguous_wide {
            c.width_cjk()
        } else {
            c.width()
        };
        w.unwrap_or(0)
    }

    #[must_use]
    pub fn str(self, s: &str) -> usize {
        s.chars().map(|c| self.char(c)).sum()
    }
}

/// Breaks `text` into lines no wider than `width` columns; the first line is
/// `first_indent` columns narrower. Returns byte ranges into `text`, trailing
/// spaces excluded. Widths below 2 are treated as 2, the width of one hanzi.
#[must_use]
pub fn wrap(text: &str, width: usize, first_indent: usize, widths: Widths) -> Vec<Range<usize>> {
    let width = width.max(2);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let breaks = break_points(text, &chars);
    let first_width = width.saturating_sub(first_indent).max(2);
    let mut lines = fill(&chars, &breaks, width, first_width, widths);
    keep_no_orphan(&mut lines, &chars, &breaks, width, widths);
    lines
        .into_iter()
        .map(|(start, end)| {
            let byte_start = chars[start].0;
            let mut byte_end = chars.get(end).map_or(text.len(), |c| c.0);
            while byte_end > byte_start && text[..byte_end].ends_with(' ') {
                byte_end -= 1;
            }
            byte_start..byte_end
        })
        .collect()
}

/// Fills lines greedily: each as long as fits, ending at a break. Returns
/// character ranges, spaces at a line's start skipped.
fn fill(
    chars: &[(usize, char)],
    breaks: &[bool],
    width: usize,
    first_width: usize,
    widths: Widths,
) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut avail = first_width;
    while start < chars.len() {
        while start < chars.len() && chars[start].1 == ' ' {
            start += 1;
        }
        if start == chars.len() {
            break;
        }
        let mut used = 0;
        let mut end = start; // last break that fits
        let mut i = start;
        let mut last_fit = start;
        while i < chars.len() {
            let c = chars[i].1;
            let w = widths.char(c);
            if used + w > avail && c != ' ' {
                break;
            }
            used += w;
            i += 1;
            last_fit = i;
            if breaks[i] {
                end = i;
            }
        }
        if last_fit == chars.len() {
            end = chars.len();
        } else if end == start {
            // No break fits: split the run, keeping the punctuation rules.
            end = last_fit.max(start + 1);
            while end > start + 1
                && end < chars.len()
                && (forbidden_start(chars[end].1)
                    || forbidden_end(chars[end - 1].1)
                    || number_unit(chars[end - 1].1, chars[end].1))
            {
                end -= 1;
            }
        }
        lines.push((start, end));
        start = end;
        avail = width;
    }
    lines
}

/// A last line of one character (and its punctuation) is an orphan, as
/// Chinese typesetting has it: end the line before it at an earlier break,
/// so the last line holds at least two, when that still fits.
fn keep_no_orphan(
    lines: &mut [(usize, usize)],
    chars: &[(usize, char)],
    breaks: &[bool],
    width: usize,
    widths: Widths,
) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let body = |a: usize, b: usize| {
        chars[a..b]
            .iter()
            .filter(|(_, c)| !is_punctuation(*c))
            .count()
    };
    let (last_start, last_end) = lines[n - 1];
    let (prev_start, prev_end) = lines[n - 2];
    if body(last_start, last_end) >= 2 {
        return;
    }
    for b in (prev_start + 1..prev_end).rev() {
        let moved: usize = chars[b..last_end]
            .iter()
            .map(|(_, c)| widths.char(*c))
            .sum();
        if moved > width {
            return;
        }
        if breaks[b] && chars[b].1 != ' ' && body(b, last_end) >= 2 {
            lines[n - 2].1 = b;
            lines[n - 1].0 = b;
            return;
        }
    }
}

fn is_punctuation(c: char) -> bool {
    c == ' ' || forbidden_start(c) || forbidden_end(c) || PAIRED.contains(&c)
}

/// The lines of `wrap` as string slices.
#[must_use]
pub fn wrap_str(text: &str, width: usize, first_indent: usize, widths: Widths) -> Vec<&str> {
    wrap(text, width, first_indent, widths)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

fn forbidden_start(c: char) -> bool {
    NO_LINE_START.contains(&c)
}

fn forbidden_end(c: char) -> bool {
    NO_LINE_END.contains(&c)
}

/// A number's last digit and the unit after it.
fn number_unit(prev: char, next: char) -> bool {
    prev.is_ascii_digit() && UNITS.contains(next)
}

fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// `breaks[i]` is true when a line may end before `chars[i]`.
fn break_points(text: &str, chars: &[(usize, char)]) -> Vec<bool> {
    let mut breaks = vec![false; chars.len() + 1];
    // Opportunities come in byte order: walk the characters alongside.
    let mut i = 0;
    for (byte, op) in linebreaks(text) {
        while i < chars.len() && chars[i].0 < byte {
            i += 1;
        }
        if i < chars.len() && chars[i].0 == byte {
            breaks[i] = matches!(op, BreakOpportunity::Allowed | BreakOpportunity::Mandatory);
        }
    }
    for i in 1..chars.len() {
        let (prev, next) = (chars[i - 1].1, chars[i].1);
        // UAX #14 (Unicode 15.0) forbids any break next to a quotation mark;
        // between Chinese characters a break before “ or after ” is normal.
        if (matches!(next, '“' | '‘') && is_wide(prev))
            || (matches!(prev, '”' | '’') && is_wide(next))
        {
            breaks[i] = true;
        }
        if forbidden_start(next)
            || forbidden_end(prev)
            || (prev == next && PAIRED.contains(&next))
            || number_unit(prev, next)
            // `数字+`, `+创新链`: a plus belongs to the word before it.
            || (next == '+' && !prev.is_whitespace())
        {
            breaks[i] = false;
        }
    }
    breaks[chars.len()] = true;
    breaks
}

/// A one-line excerpt of `text` at most `width` columns wide, centred on the
/// first highlighted character; returns the excerpt and the positions within it.
#[must_use]
pub fn snippet(
    text: &str,
    positions: &[usize],
    width: usize,
    widths: Widths,
) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let focus = positions.first().copied().unwrap_or(0).min(chars.len());
    // Start a third of the width before the match, so the match sits left of centre.
    let mut start = focus;
    let mut before = 0;
    while start > 0 && before + widths.char(chars[start - 1]) <= width / 3 {
        start -= 1;
        before += widths.char(chars[start]);
    }
    let ell = widths.char('…');
    // Near the end, start earlier so the excerpt fills the width.
    let tail: usize = chars[start..].iter().map(|&c| widths.char(c)).sum();
    let mut room = width.saturating_sub(tail);
    while start > 0 && room >= widths.char(chars[start - 1]) + if start > 1 { ell } else { 0 } {
        start -= 1;
        room -= widths.char(chars[start]);
    }
    let lead = start > 0;
    let mut used = if lead { ell } else { 0 };
    let mut end = start;
    while end < chars.len()
        && used + widths.char(chars[end]) + if end + 1 < chars.len() { ell } else { 0 } <= width
    {
        used += widths.char(chars[end]);
        end += 1;
    }
    let mut out = String::new();
    let shift = usize::from(lead);
    if lead {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let inside = positions
        .iter()
        .filter(|&&p| p >= start && p < end)
        .map(|&p| p - start + shift)
        .collect();
    (out, inside)
}
