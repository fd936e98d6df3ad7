//! The place index's state: every paragraph that names a place (found when
//! the index is first opened), its rows, the mention selected and the scroll.

use std::sync::Arc;

use crate::action::Action;
use crate::content::{Anchor, Library, PlaceId};

/// A paragraph that names a place, and the characters of the name in it.
#[derive(Debug, Clone)]
pub struct Mention {
    pub place: PlaceId,
    pub anchor: Anchor,
    pub marks: Vec<usize>,
}

/// One row of the index: a place's heading, or a mention (two rows tall).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Place {
        place: PlaceId,
        /// Paragraphs naming it, lessons naming it, and every mention.
        paragraphs: usize,
        lessons: usize,
        times: usize,
    },
    Mention(usize),
}

impl Row {
    /// Screen rows it takes.
    #[must_use]
    pub fn height(self) -> usize {
        match self {
            Row::Place { .. } => 1,
            Row::Mention(_) => 2,
        }
    }
}

pub struct Places {
    lib: Arc<Library>,
    mentions: Vec<Mention>,
    rows: Vec<Row>,
    /// The mention selected.
    pub selected: usize,
    /// Screen rows scrolled off the top.
    pub hidden: usize,
    height: usize,
}

impl Places {
    #[must_use]
    pub fn new(lib: Arc<Library>) -> Self {
        Places {
            lib,
            mentions: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            hidden: 0,
            height: 1,
        }
    }

    #[must_use]
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Finds every mention, the first time the index is shown. A place's
    /// mentions are counted as the reader's `n`/`N` counts them: every
    /// occurrence of its name.
    pub fn build(&mut self) {
        if !self.rows.is_empty() {
            return;
        }
        let lib = &self.lib;
        let anchors = lib.anchors();
        for (p, place) in lib.places.iter().enumerate() {
            let name = place.name.as_str();
            let first = self.mentions.len();
            let mut times = 0;
            for &anchor in &anchors {
                let Some(text) = lib.text(anchor) else {
                    continue;
                };
                let marks: Vec<usize> = text
                    .match_indices(name)
                    .flat_map(|(at, _)| {
                        let start = text[..at].chars().count();
                        start..start + name.chars().count()
                    })
                    .collect();
                if marks.is_empty() {
                    continue;
                }
                times += text.matches(name).count();
                self.mentions.push(Mention {
                    place: p,
                    anchor,
                    marks,
                });
            }
            let (lessons, _) = crate::compare::mentions(lib, p);
            self.rows.push(Row::Place {
                place: p,
                paragraphs: self.mentions.len() - first,
                lessons,
                times,
            });
            self.rows
                .extend((first..self.mentions.len()).map(Row::Mention));
        }
        self.follow();
    }

    /// Applies a place-index action; false when the action is not one.
    pub fn update(&mut self, action: &Action) -> bool {
        match action {
            Action::MentionDown => self.select(self.selected + 1),
            Action::MentionUp => self.select(self.selected.saturating_sub(1)),
            _ => return false,
        }
        true
    }

    /// Selects a mention, within bounds, and scrolls to it.
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.mentions.len().saturating_sub(1));
        self.follow();
    }

    /// Selects the first mention of a place.
    pub fn select_place(&mut self, place: PlaceId) {
        let i = self
            .mentions
            .iter()
            .position(|m| m.place == place)
            .unwrap_or(0);
        self.select(i);
    }

    pub fn resize(&mut self, height: usize) {
        self.height = height.max(1);
        self.follow();
    }

    /// The selected mention, for Enter.
    #[must_use]
    pub fn current(&self) -> Option<&Mention> {
        self.mentions.get(self.selected)
    }

    /// Scrolls so the selected mention sits a third of the way down.
    fn follow(&mut self) {
        let selected = self.selected;
        let top: usize = self
            .rows
            .iter()
            .take_while(|r| **r != Row::Mention(selected))
            .map(|r| r.height())
            .sum();
        let total: usize = self.rows.iter().map(|r| r.height()).sum();
        self.hidden = top
            .saturating_sub(self.height / 3)
            .min(total.saturating_sub(self.height));
    }
}
