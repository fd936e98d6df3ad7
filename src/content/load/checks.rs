//! The checks on values as they are built: text (empty, control
//! characters), ids, ordinals in sequence, and whether an example names its
//! place. Each reports at a spot in the source.

use super::schema::{SectionDoc, Text};
use crate::content::location::Source;
use crate::content::{ContentError, Place, Scope};
use crate::sanitize::is_forbidden;

/// Where errors go while one file is checked.
pub(super) struct Ctx<'a> {
    pub source: &'a Source<'a>,
    pub errors: &'a mut Vec<ContentError>,
}

impl Ctx<'_> {
    pub fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors
            .push(ContentError::at(self.source, offset, message.into()));
    }

    /// `file:line:column` of an offset, to point at a first occurrence.
    pub fn place_of(&self, offset: usize) -> String {
        self.source.locate(offset).to_string()
    }

    /// The value with the page's line breaks repaired, checked for emptiness
    /// and control characters. Its string is taken, not copied.
    pub fn text(&mut self, value: &mut Text, what: &str) -> String {
        let at = value.span();
        let raw = value.get_mut();
        let scan = Scan::of(raw);
        // Repairs change only whitespace, so the raw text has every
        // forbidden character the repaired one has.
        let text = if scan.breaks || raw.trim() != raw {
            normalize(raw)
        } else {
            std::mem::take(raw)
        };
        if text.is_empty() {
            self.error(at.start, format!("empty {what}"));
        } else if let Some(bad) = scan
            .forbidden
            .then(|| text.chars().find(|&c| is_forbidden(c)))
            .flatten()
        {
            let offset = locate_control(self.source.text, at, bad);
            self.error(
                offset,
                format!("control character U+{:04X} in {what}", u32::from(bad)),
            );
        }
        text
    }

    pub fn id(&mut self, value: &Text) -> String {
        let id = value.get_ref();
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-');
        if !ok {
            self.error(
                value.span().start,
                format!("id `{id}` must be lowercase ASCII letters, digits and hyphens"),
            );
        }
        id.clone()
    }
}

/// Joins a multi-line TOML string into one paragraph: each line is trimmed and
/// lines are joined without a space, as Chinese is, except between two Latin
/// letters or digits. U+2028 and U+2029 break lines too; a tab is a space, so
/// nothing the wrapper measures differently from the terminal survives.
#[must_use]
pub fn normalize(raw: &str) -> String {
    let raw = raw
        .replace('\t', " ")
        .replace(['\u{2028}', '\u{2029}'], "\n");
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next())
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// What one pass over a string's bytes finds: this runs over every string
/// of a collection, so it looks at bytes, many at a time.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Scan {
    /// A newline, tab, U+2028 or U+2029: [`normalize`] has work to do.
    pub breaks: bool,
    /// Something `is_forbidden`: C0 controls (newline and tab aside) and
    /// DEL are single bytes; C1 controls start with 0xC2; the bidi controls
    /// U+200E–200F, U+202A–202E and U+2066–2069 with 0xE2 0x80/0x81, and
    /// U+061C with 0xD8 0x9C.
    pub forbidden: bool,
}

impl Scan {
    #[allow(clippy::needless_bitwise_bool)] // On purpose: see the folds below.
    pub(super) fn of(s: &str) -> Scan {
        let b = s.as_bytes();
        // Without short-circuits, so the compiler can check many bytes at once.
        let mut forbidden = b.iter().fold(false, |acc, &x| {
            acc | ((x < 0x20) & (x != b'\n') & (x != b'\t')) | (x == 0x7F)
        });
        let mut breaks = b
            .iter()
            .fold(false, |acc, &x| acc | (x == b'\n') | (x == b'\t'));
        let mut i = 0;
        while let Some(j) = memchr::memchr3(0xC2, 0xE2, 0xD8, &b[i..]) {
            let k = i + j;
            let next = |n: usize| b.get(k + n).copied().unwrap_or(0);
            match (b[k], next(1), next(2)) {
                (0xC2, 0x80..=0x9F, _)
                | (0xD8, 0x9C, _)
                | (0xE2, 0x80, 0x8E | 0x8F | 0xAA..=0xAE)
                | (0xE2, 0x81, 0xA6..=0xA9) => {
                    forbidden = true;
                }
                (0xE2, 0x80, 0xA8 | 0xA9) => breaks = true,
                _ => {}
            }
            if forbidden && breaks {
                break;
            }
            i = k + 1;
        }
        Scan { breaks, forbidden }
    }
}

/// Finds the spot in the source where a forbidden character comes from: the
/// raw character or an escape that produces it; else the string's start.
fn locate_control(src: &str, span: std::ops::Range<usize>, bad: char) -> usize {
    let raw = &src[span.clone()];
    if let Some(i) = raw.find(bad) {
        return span.start + i;
    }
    let code = u32::from(bad);
    let escapes = [
        format!("\\u{code:04x}"),
        format!("\\u{code:04X}"),
        format!("\\U{code:08x}"),
        format!("\\U{code:08X}"),
    ];
    let short = match bad {
        '\u{1b}' => Some("\\e"),
        '\u{8}' => Some("\\b"),
        '\u{c}' => Some("\\f"),
        '\r' => Some("\\r"),
        _ => None,
    };
    escapes
        .iter()
        .map(String::as_str)
        .chain(short)
        .filter_map(|e| raw.find(e))
        .min()
        .map_or(span.start, |i| span.start + i)
}

/// What is wrong with an example's place: `(on the text?, message)`.
pub(super) fn place_problems(p: &Place, scope: Scope, text: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    if p.scope != scope {
        out.push((
            false,
            format!(
                "place `{}` is {} but this lesson is {}",
                p.id,
                p.scope.as_str(),
                scope.as_str()
            ),
        ));
    }
    if !text.contains(&p.name) {
        out.push((true, format!("example does not mention {}", p.name)));
    }
    out
}

pub(super) fn check_ordinals(cx: &mut Ctx<'_>, docs: &[SectionDoc]) {
    let ordinals: Vec<&Text> = docs.iter().filter_map(|d| d.ordinal.as_ref()).collect();
    let texts: Vec<&str> = ordinals.iter().map(|o| o.get_ref().as_str()).collect();
    if let Some((i, message)) = crate::content::ordinal::first_out_of_sequence(&texts) {
        cx.error(ordinals[i].span().start, message);
    }
}

#[cfg(test)]
mod tests {
    use super::{Scan, is_forbidden};

    /// The byte scan agrees with the characters, around every boundary.
    #[test]
    fn the_byte_scan_finds_what_the_characters_hold() {
        let odd = [
            '\n', '\t', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{a0}', '\u{2028}', '\u{2029}',
            '\u{202a}', '\u{202e}', '\u{202f}', '\u{2066}', '\u{2069}', '\u{206a}', '“', '…', '宁',
            'a', '\u{200d}', '\u{200e}', '\u{200f}', '\u{61b}', '\u{61c}', 'ؘ',
        ];
        for &c in &odd {
            for &d in &odd {
                let s = format!("宁波{c}x{d}");
                let chars = Scan {
                    breaks: s.contains(['\n', '\t', '\u{2028}', '\u{2029}']),
                    forbidden: s.chars().any(is_forbidden),
                };
                assert_eq!(Scan::of(&s), chars, "{s:?}");
            }
        }
    }
}
