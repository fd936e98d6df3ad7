//! Keeps control characters out of the terminal: content is validated, but
//! anything printed (error echoes, a foreign collection) passes through here.

/// True for characters that must never reach a terminal or the content:
/// C0 controls other than newline and tab, DEL, C1 controls, and bidi
/// marks, embeddings, overrides and isolates, which could reorder what a
/// terminal shows.
#[must_use]
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{61c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The line and paragraph separators (U+2028, U+2029): line breaks to a
/// reader, but width tables count them as no column and terminals draw
/// one, so a line holding one would drift. Content reads them as
/// whitespace; nothing draws them.
#[must_use]
pub fn is_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Replaces every forbidden character with a visible stand-in, and a tab
/// or a separator with a space.
#[must_use]
pub fn for_terminal(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || is_separator(c) {
                ' '
            } else if is_forbidden(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{for_terminal, is_forbidden};

    #[test]
    fn separators_and_bidi_marks_never_reach_the_terminal() {
        for c in [
            '\u{200e}', '\u{200f}', '\u{61c}', '\u{202e}', '\u{2066}', '\u{1b}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
            assert_eq!(for_terminal(&format!("甲{c}乙")), "甲\u{fffd}乙");
        }
        for c in ['\u{2028}', '\u{2029}', '\t'] {
            assert_eq!(for_terminal(&format!("甲{c}乙")), "甲 乙");
        }
        for c in ['中', '“', '\n', 'a', '\u{3000}'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }
}

/// Whether anything in `value` holds a forbidden character, read as it is
/// written out as JSON, a byte at a time, never held whole: what a copy
/// read from the cache is held to, as the content files are when loaded.
#[must_use]
pub fn holds_forbidden(value: &impl serde::Serialize) -> bool {
    let mut scan = Scan::default();
    serde_json::to_writer(&mut scan, value).is_err() || scan.found
}

/// Looks through JSON as it is written for what JSON writes of a
/// forbidden character: an escape other than `\n`, `\t`, `\\`, `\"` and
/// `\/`, or the bytes of DEL, a C1 control or a bidi mark.
#[derive(Default)]
struct Scan {
    found: bool,
    /// The byte before was a backslash that escapes.
    escaping: bool,
    /// The last two bytes, for a character split between writes.
    last: [u8; 2],
}

impl std::io::Write for Scan {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            let [a, c] = self.last;
            let bad = if self.escaping {
                self.escaping = false;
                !matches!(b, b'n' | b't' | b'\\' | b'"' | b'/')
            } else {
                self.escaping = b == b'\\';
                b == 0x7f
                    || (c == 0xc2 && (0x80..=0x9f).contains(&b))
                    || (c == 0xd8 && b == 0x9c)
                    || (a == 0xe2 && c == 0x80 && matches!(b, 0x8e | 0x8f | 0xaa..=0xae))
                    || (a == 0xe2 && c == 0x81 && (0xa6..=0xa9).contains(&b))
            };
            // A backslash escaped is no escape of the byte after it.
            self.last = if self.escaping { [c, 0] } else { [c, b] };
            if bad {
                self.found = true;
                return Err(std::io::Error::other("a forbidden character"));
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod scan_tests {
    use super::{holds_forbidden, is_forbidden};

    #[test]
    fn every_forbidden_character_is_found_and_nothing_else() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let s = format!("宁波{c}创新");
            assert_eq!(holds_forbidden(&s), is_forbidden(c), "U+{:04X}", c as u32);
        }
        for fine in [
            "a\\b",
            "\\u0041 as text",
            "“引号”",
            "\"quoted\"",
            "tab\there",
            "line\nbreak",
        ] {
            assert!(!holds_forbidden(&fine), "{fine}");
        }
        assert!(holds_forbidden(&vec![
            "ok".to_owned(),
            "\u{1b}]0;x\u{7}".to_owned()
        ]));
    }
}
