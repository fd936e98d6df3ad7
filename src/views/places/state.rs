//! The place index's state: every paragraph that names a place (found on a
//! worker when the index is first shown), its rows, the mention selected
//! and the scroll.

use std::sync::Arc;

use ratatui::layout::Position;

use crate::action::{Action, Pane};
use crate::content::{Anchor, Library, Mention, Mentions, Named, PlaceId};
use crate::effect::Effect;
use crate::keys::Mode;
use crate::views::navigate::Destination;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, Reply, ViewState};
use crate::wrap::Widths;

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

pub struct PlaceIndex {
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

impl PlaceIndex {
    #[must_use]
    pub fn new(lib: Arc<Library>) -> Self {
        PlaceIndex {
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


    /// The index of a grown collection, wanted if this one was: its
    /// mentions are found again, and the mention selected here (or the
    /// place picked) is selected when they arrive.
    fn rebase_onto(&mut self, lib: Arc<Library>, moved: &Rebase) {
        let picked = match self.current() {
            Some(m) if self.found => Some((m.place(), Some(m.anchor()))),
            _ => self.picked,
        };
        let mut next = PlaceIndex::new(lib);
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
    pub fn destination(&self) -> Option<Destination> {
        let m = self.current()?;
        let query = Destination::quoted(&self.lib, m.place());
        Some(Destination::Text(m.anchor(), Some(query)))
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

impl ViewState for PlaceIndex {
    fn open(lib: &Arc<Library>, _widths: Widths) -> Self {
        PlaceIndex::new(Arc::clone(lib))
    }

    fn mode(&self, _cx: &Ctx) -> Mode {
        Mode::Places
    }

    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply {
        match action {
            Action::MentionDown => self.select(self.selected + 1),
            Action::MentionUp => self.select(self.selected.saturating_sub(1)),
            Action::Wheel(Pane::Places, delta) => {
                self.select(self.selected.saturating_add_signed(delta.signum()));
            }
            Action::OpenLesson => return self.destination().map_or(Reply::Done, Reply::Go),
            Action::OpenPlaces if cx.lib.places.is_empty() => {
                return Reply::Say("此集合中没有地点".into());
            }
            Action::OpenPlaces => return Reply::PickPlace,
            _ => return Reply::Ignored,
        }
        Reply::Done
    }

    fn settle(&mut self, cx: &Ctx) -> Vec<Effect> {
        self.resize(usize::from(crate::areas::inner(cx.areas.main).height));
        self.request().map(Effect::FindMentions).into_iter().collect()
    }

    fn shown(&mut self, _cx: &Ctx) {
        self.ask();
    }

    fn rebase(&mut self, moved: &Rebase, cx: &Ctx) {
        self.rebase_onto(Arc::clone(cx.lib), moved);
    }

    fn anchor(&self, _cx: &Ctx) -> Option<Anchor> {
        self.current().map(Mention::anchor)
    }

    /// Counts, never cut as a path is (they are what the bar says here).
    fn crumb(&self, cx: &Ctx) -> Crumb {
        let said = if self.waiting() {
            format!("{} 个地点 · 正在查找提及…", cx.lib.places.len())
        } else {
            format!(
                "{} 个地点 · {} 段提及",
                cx.lib.places.len(),
                crate::paint::text::thousands(self.mentions().len())
            )
        };
        Crumb {
            text: String::new(),
            counts: vec![(said, false)],
        }
    }

    fn wheel(&self, _at: Position, delta: isize, _cx: &Ctx) -> Vec<Action> {
        vec![Action::Wheel(Pane::Places, delta)]
    }

    fn pick_place(&mut self, place: PlaceId, _cx: &Ctx) -> bool {
        self.select_place(place);
        true
    }
}
