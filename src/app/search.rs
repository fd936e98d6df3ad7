//! The search popup's state: the line being edited and the last results.

use std::sync::Arc;

use crate::search::Outcome;

/// How many ranked results the popup asks for.
pub const RESULTS: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub input: String,
    /// Byte offset of the caret in `input`.
    pub caret: usize,
    /// Bumped on every edit: results answer one serial.
    pub serial: u64,
    /// Results for `serial`, or for an earlier serial while a search runs.
    pub outcome: Option<Arc<Outcome>>,
    pub selected: usize,
    /// Enter came before the results for the line as typed: open the first
    /// result when they arrive.
    pub open_when_ready: bool,
}

impl SearchBox {
    pub fn insert(&mut self, c: char) {
        self.input.insert(self.caret, c);
        self.caret += c.len_utf8();
        self.edited();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.input[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
            self.input.remove(self.caret);
            self.edited();
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.input[..self.caret].chars().next_back() {
            self.caret -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.input[self.caret..].chars().next() {
            self.caret += c.len_utf8();
        }
    }

    pub fn home(&mut self) {
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.input.len();
    }

    pub fn delete_to_start(&mut self) {
        if self.caret > 0 {
            self.input.drain(..self.caret);
            self.caret = 0;
            self.edited();
        }
    }

    /// Deletes the spaces before the caret, then the word before them.
    pub fn delete_word(&mut self) {
        let before = &self.input[..self.caret];
        let trimmed = before.trim_end();
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        if start < self.caret {
            self.input.drain(start..self.caret);
            self.caret = start;
            self.edited();
        }
    }

    fn edited(&mut self) {
        self.serial += 1;
        self.selected = 0;
        self.open_when_ready = false;
    }

    /// Takes results if they answer the current query; true when they do.
    pub fn receive(&mut self, serial: u64, outcome: Arc<Outcome>) -> bool {
        if serial != self.serial {
            return false;
        }
        self.outcome = Some(outcome);
        self.selected = 0;
        true
    }

    /// True while the shown results are for an older query.
    #[must_use]
    pub fn stale(&self) -> bool {
        self.outcome.as_ref().is_none_or(|o| o.query != self.input)
    }

    pub fn move_selection(&mut self, delta: isize) {
        let n = self.outcome.as_ref().map_or(0, |o| o.hits.len());
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }
}

impl SearchBox {
    /// The part of the line that fits `width` columns, and the caret's column
    /// in it: the line scrolls so the caret stays visible.
    #[must_use]
    pub fn view(&self, width: usize, widths: crate::wrap::Widths) -> (&str, usize) {
        let mut start = 0;
        while widths.str(&self.input[start..self.caret]) >= width.max(1) {
            start += self.input[start..].chars().next().map_or(1, char::len_utf8);
        }
        (
            &self.input[start..],
            widths.str(&self.input[start..self.caret]),
        )
    }
}
