//! The jump list: where the reader was before each jump (a search result,
//! a section opened, `[`/`]`, `g`/`G`, a lesson from the comparison or the
//! place index), so `Ctrl-o` goes back and `Ctrl-n` forward again, as in vim.

use super::reader::Position;

/// Positions kept each way.
const KEPT: usize = 100;

#[derive(Debug, Default)]
pub struct Jumps {
    back: Vec<Position>,
    forward: Vec<Position>,
}

impl Jumps {
    /// Remembers where a jump starts; a new jump forgets the way forward.
    pub fn push(&mut self, from: Position) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > KEPT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Forgets the last jump's start when the jump went nowhere.
    pub fn cancel(&mut self, from: Position) {
        if self.back.last() == Some(&from) {
            self.back.pop();
        }
    }

    /// Where to go back to from `here`, which forward then leads to.
    pub fn back(&mut self, here: Position) -> Option<Position> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    pub fn forward(&mut self, here: Position) -> Option<Position> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }
}
