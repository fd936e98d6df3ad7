//! The jump list: where the reader was before each jump (a search result,
//! a section opened, `[`/`]`, `g`/`G`, a lesson from the comparison or the
//! place index), so `Ctrl-o` goes back and `Ctrl-n` forward again, as in vim.

use std::collections::VecDeque;

use super::reader::Position;
use crate::views::rebase::Rebase;

/// Positions kept each way.
const KEPT: usize = 100;

#[derive(Debug, Default)]
pub struct Jumps {
    back: VecDeque<Position>,
    forward: Vec<Position>,
}

impl Jumps {
    /// Remembers where a jump starts; a new jump forgets the way forward.
    pub fn push(&mut self, from: Position) {
        if self.back.back() != Some(&from) {
            self.back.push_back(from);
            if self.back.len() > KEPT {
                self.back.pop_front();
            }
        }
        self.forward.clear();
    }

    /// Forgets the last jump's start when the jump went nowhere.
    pub fn cancel(&mut self, from: Position) {
        if self.back.back() == Some(&from) {
            self.back.pop_back();
        }
    }

    /// `Ctrl-o` and `Ctrl-n`: where to go from `here`, back or forward.
    pub fn step(&mut self, back: bool, here: Position) -> Option<Position> {
        if back {
            self.back(here)
        } else {
            self.forward(here)
        }
    }

    /// Where to go back to from `here`, which forward then leads to.
    pub fn back(&mut self, here: Position) -> Option<Position> {
        let to = self.back.pop_back()?;
        self.forward.push(here);
        Some(to)
    }

    pub fn forward(&mut self, here: Position) -> Option<Position> {
        let to = self.forward.pop()?;
        self.back.push_back(here);
        Some(to)
    }

    /// Every position found again in a grown collection; one that is gone
    /// is dropped.
    pub fn rebase(&mut self, moved: &Rebase) {
        self.back = self.back.iter().filter_map(|p| p.rebase(moved)).collect();
        self.forward = self
            .forward
            .iter()
            .filter_map(|p| p.rebase(moved))
            .collect();
    }

    /// How many jumps back there are: what the tests of growth check.
    #[must_use]
    pub fn depth(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}
