//! Content errors: each names its file and, where it has one, the line and
//! column, with the offending source line and a caret under the spot.
//! Everything printed passes the control-character filter: a file name, a
//! key or a value can hold escape sequences.

use std::fmt;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use super::location::Source;
use crate::sanitize::for_terminal;

/// Characters of the source line echoed either side of the caret.
const EXCERPT_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// A problem with a whole file or folder: missing, too big, not UTF-8.
    #[error("{}: {}", for_terminal(&path.display().to_string()), for_terminal(message))]
    Path { path: PathBuf, message: String },
    /// A problem at a place in a file.
    #[error("{}", render_at(self))]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The part of the source line around the spot, and the characters
        /// of it before the spot.
        excerpt: String,
        caret: usize,
    },
}

impl ContentError {
    pub(crate) fn at(source: &Source<'_>, offset: usize, message: String) -> Self {
        let at = source.locate(offset);
        // A window of the line around the spot, found from the spot itself,
        // so a 3 MB line costs no more than a short one.
        let before: Vec<char> = source.text[at.line_range.start..at.offset]
            .chars()
            .rev()
            .take(EXCERPT_CHARS)
            .collect();
        let after = source.text[at.offset..at.line_range.end]
            .trim_end_matches('\r')
            .chars()
            .take(EXCERPT_CHARS);
        let excerpt: String = before.iter().rev().copied().chain(after).collect();
        ContentError::At {
            path: at.path,
            line: at.line,
            column: at.column,
            message,
            excerpt,
            caret: before.len(),
        }
    }

    /// The file or folder it is about.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            ContentError::Path { path, .. } | ContentError::At { path, .. } => path,
        }
    }

    /// The first line: `file:line:column: message` (or `file: message`).
    #[must_use]
    pub fn headline(&self) -> String {
        let path = match self {
            ContentError::Path { path, .. } | ContentError::At { path, .. } => {
                for_terminal(&path.display().to_string())
            }
        };
        match self {
            ContentError::Path { message, .. } => format!("{path}: {}", for_terminal(message)),
            ContentError::At {
                line,
                column,
                message,
                ..
            } => format!("{path}:{line}:{column}: {}", for_terminal(message)),
        }
    }

    fn sort_key(&self) -> (&std::path::Path, usize, usize) {
        match self {
            ContentError::Path { path, .. } => (path, 0, 0),
            ContentError::At {
                path, line, column, ..
            } => (path, *line, *column),
        }
    }
}

fn render_at(e: &ContentError) -> String {
    let ContentError::At { excerpt, caret, .. } = e else {
        return e.headline();
    };
    // The caret goes under the display column, so it lines up under Chinese text too.
    let before: String = excerpt.chars().take(*caret).collect();
    let pad = for_terminal(&before).width();
    format!(
        "{}\n  | {}\n  | {}^",
        e.headline(),
        for_terminal(excerpt),
        " ".repeat(pad)
    )
}

/// Every problem found in a collection, sorted by file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

/// Errors printed at most; the rest are counted.
pub const MAX_SHOWN: usize = 1000;

impl ContentErrors {
    pub(crate) fn sorted(mut errors: Vec<ContentError>) -> Self {
        errors.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        errors.dedup();
        ContentErrors(errors)
    }
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        if let Some(more) = self.0.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
            write!(f, "\n… and {more} more")?;
        }
        Ok(())
    }
}
