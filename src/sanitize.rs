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
