//! A text field: the search box, the place picker, the notes filter and
//! (several lines) the note editor. Edits as
//! a shell prompt does; a paste lands as one edit.

use crate::wrap::Widths;

/// The most characters a line holds: longer than any query a reader types,
/// short enough that no paste makes matching slow.
pub const MAX_CHARS: usize = crate::search::MAX_QUERY;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    /// Byte offset of the caret in `text`.
    pub caret: usize,
    /// The whole line is selected, as when the search box reopens on the
    /// last query: typing replaces it, → or End keeps it to edit.
    pub selected: bool,
    /// A note's text: line breaks kept, up to [`crate::notes::MAX_NOTE`].
    pub multiline: bool,
}

impl TextField {
    /// The note editor's text: line breaks are kept, and it holds a note
    /// of [`crate::notes::MAX_NOTE`] characters.
    #[must_use]
    pub fn notes() -> Self {
        TextField {
            multiline: true,
            ..TextField::default()
        }
    }

    fn limit(&self) -> usize {
        if self.multiline {
            crate::notes::MAX_NOTE
        } else {
            MAX_CHARS
        }
    }
    /// Where the terminal cursor goes for this line drawn in `field`: at
    /// the caret, in display columns; None where it would fall outside.
    #[must_use]
    pub fn cursor(&self, field: ratatui::layout::Rect, widths: Widths) -> Option<(u16, u16)> {
        if field.width == 0 {
            return None;
        }
        let (_, col) = self.view(usize::from(field.width), widths);
        let x = field.x + u16::try_from(col).ok()?;
        (x < field.right()).then_some((x, field.y))
    }

    /// Selects the whole line, caret at its end; nothing to select when empty.
    pub fn select_all(&mut self) {
        self.caret = self.text.len();
        self.selected = !self.text.is_empty();
    }

    /// Typing over a selection replaces it.
    fn replace_selection(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
            self.caret = 0;
        }
    }

    /// Types a character; false (and nothing typed) when the line is full.
    pub fn insert(&mut self, c: char) -> bool {
        self.replace_selection();
        let forbidden = c != '\n' && crate::sanitize::is_forbidden(c);
        if forbidden || (c == '\n' && !self.multiline) || self.text.chars().count() >= self.limit()
        {
            return false;
        }
        self.text.insert(self.caret, c);
        self.caret += c.len_utf8();
        true
    }

    /// Inserts pasted text at the caret: line breaks and tabs become spaces,
    /// other control characters are dropped, and what would overfill the
    /// line is left out. True when anything was added.
    pub fn paste(&mut self, pasted: &str) -> bool {
        self.replace_selection();
        let room = self.limit().saturating_sub(self.text.chars().count());
        let multiline = self.multiline;
        let clean: String = pasted
            .replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\n' | '\u{2028}' | '\u{2029}' if multiline => Some('\n'),
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if crate::sanitize::is_forbidden(c) => None,
                c => Some(c),
            })
            .take(room)
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
        !clean.is_empty()
    }

    pub fn backspace(&mut self) -> bool {
        if self.selected {
            self.replace_selection();
            return true;
        }
        let Some(c) = self.text[..self.caret].chars().next_back() else {
            return false;
        };
        self.caret -= c.len_utf8();
        self.text.remove(self.caret);
        true
    }

    pub fn left(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        self.selected = false;
        if let Some(c) = self.text[self.caret..].chars().next() {
            self.caret += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.selected = false;
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.selected = false;
        self.caret = self.text.len();
    }

    pub fn delete_to_start(&mut self) -> bool {
        self.selected = false;
        if self.caret == 0 {
            return false;
        }
        self.text.drain(..self.caret);
        self.caret = 0;
        true
    }

    /// Deletes the spaces before the caret, then the word before them.
    pub fn delete_word(&mut self) -> bool {
        self.selected = false;
        let before = &self.text[..self.caret];
        // Spaces and punctuation before the caret go with the word.
        let trimmed = before.trim_end_matches(|c: char| !c.is_alphanumeric());
        let han = |c: char| crate::search::words::has_han(c.encode_utf8(&mut [0; 4]));
        let start = match trimmed.chars().next_back() {
            None => 0,
            // Chinese has no spaces: its last word as jieba cuts the run.
            Some(c) if han(c) => {
                let run = trimmed
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !han(c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                trimmed.len() - crate::search::words::last_word(&trimmed[run..]).len()
            }
            Some(_) => trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphanumeric() || han(c))
                .map_or(0, |(i, c)| i + c.len_utf8()),
        };
        if start >= self.caret {
            return false;
        }
        self.text.drain(start..self.caret);
        self.caret = start;
        true
    }

    /// The line holds all it can.
    #[must_use]
    pub fn full(&self) -> bool {
        self.text.chars().count() >= self.limit()
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

    /// Ctrl-w erases a word: a Chinese word as jieba cuts the run, a Latin
    /// word or number, with the spaces and punctuation before the caret.
    #[test]
    fn a_word_back_is_a_chinese_word_a_latin_word_or_a_number() {
        let mut line = TextField::notes();
        line.paste("第二行：为何是“浙江担当");
        let mut left = Vec::new();
        while line.delete_word() {
            left.push(line.text.clone());
        }
        assert_eq!(
            left,
            [
                "第二行：为何是“浙江",
                "第二行：为何是“",
                "第二行：为何",
                "第二行：",
                ""
            ]
        );
        let mut line = TextField::default();
        line.paste("宁波 ningbo 2035年，");
        assert!(line.delete_word());
        assert_eq!(line.text, "宁波 ningbo 2035");
        assert!(line.delete_word());
        assert_eq!(line.text, "宁波 ningbo ");
        assert!(line.delete_word());
        assert_eq!(line.text, "宁波 ");
    }

    #[test]
    fn the_view_keeps_the_caret_inside_the_field() {
        let mut line = TextField::default();
        for c in "宁波智造创新之都".chars() {
            line.insert(c);
        }
        let (shown, col) = line.view(7, Widths::default());
        assert_eq!((shown, col), ("新之都", 6));
        line.home();
        assert_eq!(line.view(7, Widths::default()), ("宁波智造创新之都", 0));
    }

    #[test]
    fn a_selected_line_is_replaced_by_typing_and_kept_by_end() {
        let mut line = TextField::default();
        line.paste("austin");
        line.select_all();
        line.insert('n');
        assert_eq!(line.text, "n");
        line.select_all();
        line.end();
        line.insert('b');
        assert_eq!(line.text, "nb");
        line.select_all();
        assert!(line.backspace());
        assert_eq!((line.text.as_str(), line.caret), ("", 0));
    }

    #[test]
    fn a_paste_is_one_clean_edit() {
        let mut line = TextField::default();
        assert!(line.paste("宁波\n智造\u{1b}[31m\t!"));
        assert_eq!(line.text, "宁波 智造[31m !");
        assert_eq!(line.caret, line.text.len());
    }
}
