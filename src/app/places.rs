//! The place index's state: every paragraph that names a place (found on a
//! worker when the index is first shown), its rows, the mention selected
//! and the scroll.

use std::sync::Arc;

use crate::action::Action;
use crate::content::{Anchor, Library, Mention, Mentions, Named, PlaceId};

/// One row of the index: a place's heading, or a mention (two rows tall).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Place {
        place: PlaceId,
        /// Paragraphs naming it, lessons naming it, and every mention (a
        /// row a mention: kept small).
        paragraphs: u32,
        lessons: u32,
        times: u32,
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
    /// The index has been shown, so its mentions are wanted.
    asked: bool,
    /// A worker has been asked to find them.
    requested: bool,
    /// They have arrived.
    found: bool,
    /// What to select when they arrive: the first mention of a place
    /// picked meanwhile, or the mention selected in the part of a growing
    /// collection shown before.
    picked: Option<(PlaceId, Option<Anchor>)>,
    mentions: Arc<Mentions>,
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
            asked: false,
            requested: false,
            found: false,
            picked: None,
            mentions: Arc::default(),
            selected: 0,
            hidden: 0,
            height: 1,
        }
    }

    /// Every mention, place by place, numbered through (none until they
    /// arrive).
    #[must_use]
    pub fn mentions(&self) -> &Mentions {
        &self.mentions
    }

    /// Each place's mentions (none until they arrive).
    #[must_use]
    pub fn named(&self) -> &[Named] {
        self.mentions.named()
    }

    /// The index's rows, top to bottom: each place, then its mentions.
    pub fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        self.named().iter().enumerate().flat_map(|(place, named)| {
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let start = self.mentions.start(place);
            std::iter::once(Row::Place {
                place,
                paragraphs: count(named.mentions.len()),
                lessons: count(named.lessons),
                times: count(named.times),
            })
            .chain((start..start + named.mentions.len()).map(Row::Mention))
        })
    }

    /// Shown: the mentions are wanted, if they are not here yet.
    pub fn ask(&mut self) {
        self.asked = true;
    }

    /// Shown, and its mentions not here yet: the view says it waits.
    #[must_use]
    pub fn waiting(&self) -> bool {
        self.asked && !self.found
    }

    /// The collection whose mentions a worker is to find, once: they are
    /// wanted, not here yet, and nobody has been asked. Found off the UI
    /// thread, as in a big archive that takes a while.
    pub fn request(&mut self) -> Option<Arc<Library>> {
        let due = self.asked && !self.found && !self.requested;
        self.requested |= due;
        due.then(|| Arc::clone(&self.lib))
    }

    /// The mentions arrive, for `lib`: if that is still this index's
    /// collection, they are kept (shared, not copied) and its rows follow
    /// from them.
    pub fn receive(&mut self, lib: &Arc<Library>, found: Arc<Mentions>) {
        if self.found || !Arc::ptr_eq(lib, &self.lib) {
            return;
        }
        self.found = true;
        self.mentions = found;
        match self.picked.take() {
            Some((place, anchor)) => {
                let start = self.mentions.start(place);
                let same = self
                    .mentions
                    .of(place)
                    .iter()
                    .position(|m| Some(m.anchor()) == anchor)
                    .map(|i| start + i);
                match same {
                    Some(i) => self.select(i),
                    None => self.select_place(place),
                }
            }
            None => self.follow(),
        }
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

    /// The index of a grown collection, wanted if this one was: its
    /// mentions are found again, and the mention selected here (or the
    /// place picked) is selected when they arrive.
    pub fn rebase(&mut self, lib: Arc<Library>, moved: &super::rebase::Rebase) {
        let picked = match self.current() {
            Some(m) if self.found => Some((m.place(), Some(m.anchor()))),
            _ => self.picked,
        };
        let mut next = Places::new(lib);
        next.asked = self.asked;
        next.height = self.height;
        next.picked = picked.and_then(|(place, anchor)| {
            Some((moved.place(place)?, anchor.and_then(|a| moved.anchor(a))))
        });
        *self = next;
    }

    /// Selects a mention, within bounds, and scrolls to it.
    pub fn select(&mut self, i: usize) {
        self.selected = i.min(self.mentions.len().saturating_sub(1));
        self.follow();
    }

    /// Selects the first mention of a place.
    pub fn select_place(&mut self, place: PlaceId) {
        if !self.found {
            self.picked = Some((place, None));
            return;
        }
        let i = if self.mentions.of(place).is_empty() {
            0
        } else {
            self.mentions.start(place)
        };
        self.select(i);
    }

    pub fn resize(&mut self, height: usize) {
        if height.max(1) != self.height {
            self.height = height.max(1);
            self.follow();
        }
    }

    /// Enter: the selected mention in the reader, the place marked.
    #[must_use]
    pub fn destination(&self) -> Option<super::navigate::Destination> {
        let m = self.current()?;
        let query = super::navigate::Destination::quoted(&self.lib, m.place());
        Some(super::navigate::Destination::Text(m.anchor(), Some(query)))
    }

    /// The selected mention, for Enter.
    #[must_use]
    pub fn current(&self) -> Option<&Mention> {
        self.mentions.get(self.selected)
    }

    /// Scrolls so the selected mention sits a third of the way down.
    fn follow(&mut self) {
        let named = self.mentions.named();
        // A place's row, then two for each of its mentions (Row::height).
        let tall = |n: &Named| 1 + 2 * n.mentions.len();
        let total: usize = named.iter().map(tall).sum();
        let top = match self.mentions.get(self.selected) {
            Some(m) => {
                let above: usize = named[..m.place()].iter().map(tall).sum();
                above + 1 + 2 * (self.selected - self.mentions.start(m.place()))
            }
            None => total,
        };
        self.hidden = top
            .saturating_sub(self.height / 3)
            .min(total.saturating_sub(self.height));
    }
}
