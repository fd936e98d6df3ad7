//! The place picker's state: its line, the places it offers for what is
//! typed (matched when the line changes, never while drawing), the selection.

use crate::action::Action;
use crate::content::PlaceId;
use crate::field::TextField;
use crate::search::SearchIndex;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub line: TextField,
    /// The places offered, best first: all of them for an empty line.
    pub places: Vec<PlaceId>,
    /// Index into `places`.
    pub selected: usize,
}

/// What an action in the picker asks of the rest of the app.
pub enum Next {
    Stay,
    Close,
    Pick(PlaceId),
}

impl Picker {
    /// A fresh picker offering every place.
    #[must_use]
    pub fn new(index: &SearchIndex) -> Self {
        let mut picker = Picker::default();
        picker.refresh(index);
        picker
    }

    pub fn update(&mut self, action: &Action, index: &SearchIndex) -> Next {
        let edited = match action {
            Action::Insert(c) => self.line.insert(*c),
            Action::Paste(text) => self.line.paste(text),
            Action::Backspace => self.line.backspace(),
            Action::DeleteToStart => self.line.delete_to_start(),
            Action::ResultDown => {
                self.select(self.selected + 1);
                false
            }
            Action::ResultUp => {
                self.select(self.selected.saturating_sub(1));
                false
            }
            Action::PickPlace => return self.pick(),
            Action::PickPlaceAt(i) => {
                self.select(*i);
                return self.pick();
            }
            Action::Close => return Next::Close,
            _ => false,
        };
        if edited {
            self.refresh(index);
        }
        Next::Stay
    }

    /// Selects the `i`th place offered, within bounds.
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.places.len().saturating_sub(1));
    }

    /// The selected place, if one is offered.
    #[must_use]
    pub fn pick(&self) -> Next {
        self.places
            .get(self.selected)
            .map_or(Next::Stay, |&p| Next::Pick(p))
    }

    /// Offers the places of another index for the same line (a grown
    /// collection's), from the top.
    pub fn refresh(&mut self, index: &SearchIndex) {
        self.places = if self.line.text.trim().is_empty() {
            (0..index.library().places.len()).collect()
        } else {
            index.match_places(&self.line.text)
        };
        self.selected = 0;
    }
}
