//! Content errors: each names its file and, where it has one, the line and
//! column, with the offending source line and a caret under the spot.

use std::fmt;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// A problem with a whole file or folder: missing, too big, not UTF-8.
    #[error("{}: {message}", path.display())]
    Path { path: PathBuf, message: String },
    /// A problem at a place in a file.
    #[error("{}", render_at(.path, *.line, *.column, .message, .source_line))]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        source_line: String,
    },
}

impl ContentError {
    pub(crate) fn at(path: &std::path::Path, source: &str, offset: usize, message: String) -> Self {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let line = source[..offset].matches('\n').count() + 1;
        let column = source[line_start..offset].chars().count() + 1;
        ContentError::At {
            path: path.to_path_buf(),
            line,
            column,
            message,
            source_line: source[line_start..line_end]
                .trim_end_matches('\r')
                .to_owned(),
        }
    }

    /// The first line: `file:line:column: message` (or `file: message`).
    #[must_use]
    pub fn headline(&self) -> String {
        match self {
            ContentError::Path { path, message } => format!("{}: {message}", path.display()),
            ContentError::At {
                path,
                line,
                column,
                message,
                ..
            } => {
                format!("{}:{line}:{column}: {message}", path.display())
            }
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

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn render_at(
    path: &std::path::Path,
    line: usize,
    column: usize,
    message: &str,
    source: &str,
) -> String {
    // The caret goes under the display column, so it lines up under Chinese text too.
    let before: String = source.chars().take(column - 1).collect();
    let shown = crate::sanitize::for_terminal(source);
    let pad = crate::sanitize::for_terminal(&before).width();
    format!(
        "{}:{line}:{column}: {message}\n  | {shown}\n  | {}^",
        path.display(),
        " ".repeat(pad)
    )
}

/// Every problem found in a collection, sorted by file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl ContentErrors {
    pub(crate) fn sorted(mut errors: Vec<ContentError>) -> Self {
        errors.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        errors.dedup();
        ContentErrors(errors)
    }
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}
