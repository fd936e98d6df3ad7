//! Where something is in a content file: line and column from a byte
//! offset, found through an index of line starts built once per file (and
//! only for a file something is located in), so a file with many errors
//! costs one pass, not one pass per error.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A spot in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The byte offset, on a character boundary.
    pub offset: usize,
    /// The bytes of the line it is on, in the source.
    pub line_range: Range<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// A file's text with the offsets where its lines start.
pub struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    /// Where each line starts, worked out the first time one is needed.
    starts: std::cell::OnceCell<Vec<usize>>,
    /// The last offset located and its column: errors come mostly in
    /// source order, so the next column counts on from there, and a long
    /// line with many errors costs one pass.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Source<'a> {
    #[must_use]
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        Source {
            path,
            text,
            starts: std::cell::OnceCell::new(),
            last: std::cell::Cell::new((0, 1)),
        }
    }

    fn starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1));
            starts
        })
    }

    /// The location of a byte offset (clamped to the text, moved back to a
    /// character boundary).
    #[must_use]
    pub fn locate(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.starts();
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        let end = starts.get(line).map_or(self.text.len(), |&next| next - 1);
        let (last, last_column) = self.last.get();
        let column = if (start..=offset).contains(&last) {
            last_column + self.text[last..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        self.last.set((offset, column));
        Location {
            path: self.path.to_path_buf(),
            line,
            column,
            offset,
            line_range: start..end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "一\n宁波智造\nx";
        let source = Source::new(Path::new("a.toml"), text);
        let at = source.locate(text.find('智').unwrap());
        assert_eq!((at.line, at.column), (2, 3));
        assert_eq!(&text[at.line_range.clone()], "宁波智造");
        assert_eq!(source.locate(text.len()).to_string(), "a.toml:3:2");
        // Inside a character: the character's start.
        assert_eq!(source.locate(1).column, 1);
        // Counting on from the last spot gives what counting afresh does.
        for offset in [5, 8, 11, 2, 13] {
            assert_eq!(
                source.locate(offset),
                Source::new(Path::new("a.toml"), text).locate(offset),
                "{offset}"
            );
        }
    }
}
