//! Keeps control characters out of the terminal: content is validated, but
//! anything printed (error echoes, a foreign collection) passes through here.

/// True for characters that must never reach a terminal or the content:
/// C0 controls other than newline and tab, DEL, C1 controls, and bidi
/// embeddings, overrides and isolates.
#[must_use]
pub fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Replaces every forbidden character with a visible stand-in, and a tab with a space.
#[must_use]
pub fn for_terminal(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' {
                ' '
            } else if is_forbidden(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}
