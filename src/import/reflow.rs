//! Plain text as a page gives it, turned into units in reading order: the
//! layout's line breaks, justified spaces, quotation bars and rules
//! repaired or dropped, every drop recorded.

mod columns;
mod join;
mod pages;
mod spelled;

pub use super::byline::{is_byline, is_name_line};
use super::{Dropped, Unit, UnitKind};
use crate::sanitize::is_forbidden;
use pages::{furniture, page_number, single_spaced};

/// A deck printed twice over, character by character (a bold-font
/// artifact of some PDFs): `甲乙甲乙、、丙丁丙丁` is `甲乙、丙丁`.
#[must_use]
pub fn undouble(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    // A deck's length, and words, not one character over and over.
    if !(8..=160).contains(&chars.len()) {
        return None;
    }
    let mut once = String::new();
    let mut i = 0;
    while i < chars.len() {
        let punct = is_punct(chars[i]);
        let mut j = i;
        while j < chars.len() && is_punct(chars[j]) == punct {
            j += 1;
        }
        let run = &chars[i..j];
        let half = run.len() / 2;
        if !run.len().is_multiple_of(2) || run[..half] != run[half..] {
            return None;
        }
        once.extend(&run[..half]);
        i = j;
    }
    let distinct: std::collections::HashSet<char> = once.chars().collect();
    (distinct.len() >= 4).then_some(once)
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric()
}

/// Whitespace from justified layout removed: a space stays only between
/// two ASCII letters, digits or marks (`Sophia Antipolis`, `U.S. Army`),
/// and, in a short line (a title, a list of names) not spaced out letter
/// by letter, between two words of hanzi (`中共中央 国务院`).
#[must_use]
pub fn close_up(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let han = |c: &char| ('\u{3400}'..='\u{9fff}').contains(c);
    let words: Vec<&str> = s.split_whitespace().collect();
    let spaced_out = words.len() > 1
        && words
            .iter()
            .any(|w| w.chars().count() == 1 && w.chars().all(|c| han(&c)));
    let short = chars.iter().filter(|c| !c.is_whitespace()).count() <= 40;
    // A decimal outline's number keeps the space before its heading
    // (`1.1 小节`, `2 方法`): without it, it reads as a figure.
    let outline = s
        .trim_start()
        .find(char::is_whitespace)
        .map(|at| s.len() - s.trim_start().len() + at)
        .filter(|&at| {
            let head = s[..at].trim();
            let dotted = head.contains('.')
                && head.split('.').filter(|p| !p.is_empty()).count() >= 2
                && head.chars().all(|c| c.is_ascii_digit() || c == '.');
            dotted
                || crate::content::ordinal::at_start(s.trim_start())
                    .is_some_and(|o| o.family == crate::content::ordinal::Family::Decimal(1))
        });
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let latin = |c: Option<&char>| c.is_some_and(char::is_ascii_graphic);
            let two = |a: Option<&char>, b: Option<&char>| a.is_some_and(han) && b.is_some_and(han);
            let numbered = outline.is_some_and(|at| s[..at].chars().count() == i);
            let names = short
                && !spaced_out
                && i >= 2
                && two(chars.get(i - 2), chars.get(i - 1))
                && two(chars.get(j), chars.get(j + 1));
            if i > 0 && (latin(chars.get(i - 1)) && latin(chars.get(j)) || names || numbered) {
                out.push(' ');
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Ends a sentence, so a line ending in it may end a paragraph.
#[must_use]
pub fn ends_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some('。' | '！' | '？' | '；' | '：' | '…' | '!' | '?' | ';' | ':') => true,
        // A journal's full stop in ASCII after Chinese (`提出一种方法.`);
        // not an abbreviation's (`U.S.`) nor a number's (`14.`).
        Some('.') => rev.next().is_some_and(crate::search::is_hanzi),
        Some('”' | '’' | '」' | '』') => {
            matches!(rev.next(), Some('。' | '！' | '？' | '…' | '!' | '?'))
        }
        Some('）') => s.starts_with('（'),
        Some('】') => s.starts_with('【') || s.contains('【'),
        _ => false,
    }
}

/// Where a line stands on its own, whatever the lines around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alone {
    No,
    Label,
    Byline,
    Rule,
    Derived,
    Doubled,
    /// A heading underlined with a rule of its width (`入门` / `----`).
    Setext,
}

struct Line {
    no: usize,
    text: String,
    indented: bool,
    /// Set in further than an indent: centred, a heading or a title.
    centred: bool,
    quoted: bool,
    blank_before: usize,
    alone: Alone,
}

/// How the page's lines relate to its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs open with an indent; other lines are headings or front matter.
    Indented,
    /// One paragraph a line.
    Unwrapped,
    /// Hard-wrapped to a column, maybe with column breaks inside sentences.
    Wrapped,
    /// Markup says which blocks are headings (HTML): a line's shape never
    /// makes one.
    Marked,
}

/// The text cut into units, and what was dropped on the way.
pub struct Reflowed {
    pub units: Vec<Unit>,
    /// Blank lines fall only where paragraphs end.
    pub trusted_blanks: bool,
    pub dropped: Vec<Dropped>,
    pub layout: Layout,
}

/// Reads one file's text.
#[must_use]
pub fn reflow(text: &str, derived_note: &str) -> Reflowed {
    let mut dropped = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    let mut blank = 0;
    // Where pages break, as the index of the line after: the page's start,
    // each form feed and page number, its end.
    let mut breaks = vec![0];
    // The line before was underlined: a heading.
    let mut setext = false;
    for (no, raw, header) in spelled::spelled_out(&columns::in_reading_order(text), &mut dropped) {
        let (clean, page_break) = cleaned(&raw, no, &mut dropped);
        if page_break || header {
            breaks.push(lines.len());
        }
        let mut body = clean.trim_end();
        let lead = lead(body);
        let indented = (1..=8).contains(&lead);
        body = body.trim_start();
        let mut quoted = false;
        if let Some(rest) = body.strip_prefix('▎') {
            dropped.push(Dropped::new("quotation bar", "▎".into(), no));
            body = rest.trim_start();
            quoted = true;
        }
        if body.is_empty() {
            blank += 1;
            continue;
        }
        if std::mem::take(&mut setext)
            && let Some(heading) = lines.last_mut()
        {
            heading.alone = Alone::Setext;
        }
        let underlines = blank == 0 && underline(lines.last(), body);
        let mut push = |text: String, alone: Alone, blank_before: usize| {
            lines.push(Line {
                no,
                text,
                indented,
                centred: lead > 8,
                quoted,
                blank_before,
                alone,
            });
        };
        if is_rule(body) {
            dropped.push(Dropped::new("rule", body.to_owned(), no));
            // Right under a short line and as wide as it: its underline;
            // an outline's star before the heading (`* 小结`) is a mark too.
            if underlines {
                setext = true;
                unstar(lines.last_mut(), &mut dropped);
            } else {
                push(String::new(), Alone::Rule, blank);
            }
            blank = 0;
            continue;
        }
        if page_number(body) {
            dropped.push(Dropped::new("page number", body.to_owned(), no));
            breaks.push(lines.len());
            continue;
        }
        // A deck printed twice: the whole line, or what follows its last space.
        let split = body.rfind(|c: char| c.is_whitespace()).map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
        let (before, tail) = body.split_at(split);
        let doubled = undouble(tail).filter(|_| !tail.contains(char::is_whitespace));
        if let Some(once) = doubled {
            let before = close_up(before);
            if !before.is_empty() {
                push(before, Alone::No, blank);
                blank = 0;
            }
            dropped.push(Dropped::new(
                "second print of a doubled line",
                once.clone(),
                no,
            ));
            push(once, Alone::Doubled, blank);
            blank = 0;
            continue;
        }
        let text = close_up(body);
        let alone = alone(&text, derived_note);
        push(text, alone, blank);
        blank = 0;
    }
    if setext && let Some(heading) = lines.last_mut() {
        heading.alone = Alone::Setext;
    }
    single_spaced(&mut lines);
    breaks.push(lines.len());
    furniture(&mut lines, &mut dropped, &breaks);
    let layout = join::layout_of(&lines);
    let (units, trusted_blanks) = join::join(&lines, layout);
    let units = derived_notes_apart(units, derived_note);
    Reflowed {
        units,
        trusted_blanks,
        dropped,
        layout,
    }
}

/// A rule across the page: `-----`, `———`.
fn is_rule(s: &str) -> bool {
    s.chars().count() >= 3 && s.chars().all(|c| matches!(c, '─' | '—' | '-' | '_' | '━'))
}

/// An outline's stars before an underlined heading (`* 小结`): a mark,
/// dropped.
fn unstar(heading: Option<&mut Line>, dropped: &mut Vec<Dropped>) {
    let Some(heading) = heading else {
        return;
    };
    let rest = heading.text.trim_start_matches('*');
    if rest.len() < heading.text.len() && !rest.is_empty() {
        let mark = heading.text[..heading.text.len() - rest.len()].to_owned();
        heading.text = rest.to_owned();
        dropped.push(Dropped::new("heading mark", mark, heading.no));
    }
}

/// How far a line is set in, in columns: one to eight is a paragraph's
/// indent; further in, a centred heading or title.
fn lead(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\u{3000}' { 2 } else { 1 })
        .sum()
}

/// What a line is on its own: the 编者按 label, our note on a derived
/// title, a byline, or text.
fn alone(text: &str, derived_note: &str) -> Alone {
    if text == "编者按" || text == "【编者按】" {
        Alone::Label
    } else if text == derived_note {
        Alone::Derived
    } else if is_byline(text) {
        Alone::Byline
    } else {
        Alone::No
    }
}

/// Whether `rule` underlines `above` (a short line right over it, about as
/// wide): a heading, as plain-text documents mark one.
fn underline(above: Option<&Line>, rule: &str) -> bool {
    let dashes = rule.chars().count() >= 3
        && rule
            .chars()
            .all(|c| matches!(c, '─' | '—' | '-' | '_' | '━' | '='));
    dashes
        && above.is_some_and(|l| {
            let w: usize = l.text.chars().map(|c| 1 + usize::from(!c.is_ascii())).sum();
            let n = rule.chars().count();
            l.alone == Alone::No
                && l.text.chars().count() <= 40
                && w * 10 >= n * 7
                && w <= n * 13 / 10 + 2
        })
}

/// A line without its control characters (each dropped, and listed), a
/// tab as a space, `⋯` (the math axis ellipsis some PDFs set) as `…`;
/// and whether it held a form feed (a page break).
fn cleaned(raw: &str, no: usize, dropped: &mut Vec<Dropped>) -> (String, bool) {
    let mut clean = String::with_capacity(raw.len());
    let mut page_break = false;
    for c in raw.chars() {
        if c == '\t' {
            clean.push(' ');
        } else if c == '\u{feff}' || is_forbidden(c) || c.is_control() {
            page_break |= c == '\u{c}';
            dropped.push(Dropped::new("control character", c.to_string(), no));
        } else if c == '⋯' {
            clean.push('…');
        } else {
            clean.push(c);
        }
    }
    (clean, page_break)
}

/// Our note under a derived title is ours wherever a narrow layout wrapped
/// it, alone or joined to the title line above it: cut out as a unit of
/// its own, never the authors' text.
fn derived_notes_apart(units: Vec<Unit>, note: &str) -> Vec<Unit> {
    if note.is_empty() {
        return units;
    }
    let mut out = Vec::with_capacity(units.len());
    for u in units {
        let at = u.text.find(note).filter(|_| u.kind == UnitKind::Text);
        let Some(at) = at else {
            out.push(u);
            continue;
        };
        let end = at + note.len();
        let piece = |range: std::ops::Range<usize>, kind: UnitKind| Unit {
            text: u.text[range.clone()].to_owned(),
            kind,
            lines: vec![(0, u.line_at(range.start))],
            line: u.line_at(range.start),
            ..u.clone()
        };
        if at > 0 {
            out.push(piece(0..at, UnitKind::Text));
        }
        out.push(piece(at..end, UnitKind::DerivedNote));
        if end < u.text.len() {
            out.push(piece(end..u.text.len(), UnitKind::Text));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{close_up, is_name_line, undouble};

    #[test]
    fn a_doubled_print_is_read_once() {
        assert_eq!(
            undouble(
                "制造业是宁波竞争发展的优势所在制造业是宁波竞争发展的优势所在、、底气所在底气所在"
            )
            .as_deref(),
            Some("制造业是宁波竞争发展的优势所在、底气所在")
        );
        assert_eq!(undouble("宁波宁波制造"), None);
        assert_eq!(undouble("一二三四一二三五"), None);
    }

    #[test]
    fn justified_spaces_go_and_latin_words_keep_theirs() {
        assert_eq!(close_up("特 质 ， 也 是"), "特质，也是");
        assert_eq!(close_up("成立 100 周年"), "成立100周年");
        // Names in a title keep the space between them; a line spaced out
        // letter by letter, or a long one, keeps none.
        assert_eq!(
            close_up("中共中央 国务院关于实施乡村振兴战略的意见"),
            "中共中央 国务院关于实施乡村振兴战略的意见"
        );
        assert_eq!(close_up("第一章  总    则"), "第一章总则");
        assert_eq!(close_up("序  言"), "序言");
        assert_eq!(
            close_up("AI 辅助 Sophia  Antipolis 园区"),
            "AI辅助Sophia Antipolis园区"
        );
    }

    #[test]
    fn page_furniture_is_dropped_and_listed() {
        let page = "理论周刊\n一是全球影响力。具有健全的现代产业体系。\n\n12\n理论周刊\n二是智造引领力。数字技术与先进制造技术深度融合。\n\n13\n理论周刊\n";
        let r = super::reflow(page, "");
        let what: Vec<(&str, &str)> = r
            .dropped
            .iter()
            .map(|d| (d.what, d.text.as_str()))
            .collect();
        assert!(what.contains(&("page number", "12")) && what.contains(&("page number", "13")));
        assert_eq!(
            what.iter()
                .filter(|w| **w == ("running header", "理论周刊"))
                .count(),
            3
        );
        assert!(r.units.iter().all(|u| !u.text.contains("理论周刊")));
    }

    #[test]
    fn a_line_repeated_in_the_body_is_text_and_a_header_with_a_changing_number_is_not() {
        // `向“` three times in the body, no page break near: the authors' words.
        let body =
            "总书记强调，要坚持\n向“\n新”而行。又强调\n向“\n实”而行。还强调\n向“\n远”而行。\n";
        let r = super::reflow(body, "");
        assert!(
            r.dropped.iter().all(|d| d.what != "running header"),
            "{:?}",
            r.dropped
        );
        // A header whose page number changes, at every break, mid-sentence.
        let page = "习近平总书\n2023年12月11日每周一学第1版\n1\n记强调，要坚持。\n2023年12月11日每周一学第2版\n2\n第二页的正文。\n2023年12月11日每周一学第3版\n3\n第三页的正文。\n";
        let r = super::reflow(page, "");
        let headers = r
            .dropped
            .iter()
            .filter(|d| d.what == "running header")
            .count();
        assert_eq!(headers, 3, "{:?}", r.dropped);
        assert!(
            r.units
                .iter()
                .any(|u| u.text.starts_with("习近平总书记强调")),
            "{:?}",
            r.units
        );
    }

    #[test]
    fn names_are_told_from_short_headings() {
        assert!(is_name_line("张庆花"));
        assert!(is_name_line("王伟 李娜"));
        assert!(!is_name_line("先行创新"));
        assert!(!is_name_line("编者按"));
    }
}
