//! A one-line text field: the search box's and the place picker's. Edits as
//! a shell prompt does; a paste lands as one edit.

use crate::wrap::Widths;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Byte offset of the caret in `text`.
    pub caret: usize,
}

impl Line {
    pub fn insert(&mut self, c: char) {
        self.text.insert(self.caret, c);
        self.caret += c.len_utf8();
    }

    /// Inserts pasted text at the caret: line breaks and tabs become spaces,
    /// other control characters are dropped. True when anything was added.
    pub fn paste(&mut self, pasted: &str) -> bool {
        let clean: String = pasted
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if crate::sanitize::is_forbidden(c) => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
        !clean.is_empty()
    }

    pub fn backspace(&mut self) -> bool {
        let Some(c) = self.text[..self.caret].chars().next_back() else {
            return false;
        };
        self.caret -= c.len_utf8();
        self.text.remove(self.caret);
        true
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.caret..].chars().next() {
            self.caret += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.text.len();
    }

    pub fn delete_to_start(&mut self) -> bool {
        if self.caret == 0 {
            return false;
        }
        self.text.drain(..self.caret);
        self.caret = 0;
        true
    }

    /// Deletes the spaces before the caret, then the word before them.
    pub fn delete_word(&mut self) -> bool {
        let before = &self.text[..self.caret];
        let start = before
            .trim_end()
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        if start >= self.caret {
            return false;
        }
        self.text.drain(start..self.caret);
        self.caret = start;
        true
    }

    /// The part of the line from where it is shown, and the caret's column
    /// in it: the line scrolls so the caret stays inside `width` columns.
    /// Walks back from the caret only as far as the field is wide.
    #[must_use]
    pub fn view(&self, width: usize, widths: Widths) -> (&str, usize) {
        let width = width.max(1);
        let mut start = self.caret;
        let mut col = 0;
        for c in self.text[..self.caret].chars().rev() {
            let w = widths.char(c);
            if col + w >= width {
                break;
            }
            col += w;
            start -= c.len_utf8();
        }
        (&self.text[start..], col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_keeps_the_caret_inside_the_field() {
        let mut line = Line::default();
        for c in "宁波智造创新之都".chars() {
            line.insert(c);
        }
        let (shown, col) = line.view(7, Widths::default());
        assert_eq!((shown, col), ("新之都", 6));
        line.home();
        assert_eq!(line.view(7, Widths::default()), ("宁波智造创新之都", 0));
    }

    #[test]
    fn a_paste_is_one_clean_edit() {
        let mut line = Line::default();
        assert!(line.paste("宁波\n智造\u{1b}[31m\t!"));
        assert_eq!(line.text, "宁波 智造[31m !");
        assert_eq!(line.caret, line.text.len());
    }
}
