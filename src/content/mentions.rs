//! Where the text names each place: every field searched for every name,
//! the fields shared out among the cores.

use std::ops::Range;

use memchr::memmem::Finder;

use super::{Anchor, Field, Library, PlaceId};

/// A field that names a place: a big archive has a million of these, so
/// each is two words and a half. Where in the field the name stands is
/// found again when the mention is drawn ([`Mention::marks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub place: PlaceId,
    pub anchor: Anchor,
}

impl Mention {
    /// The characters of the name in the field, every occurrence.
    #[must_use]
    pub fn marks(&self, lib: &Library) -> Vec<usize> {
        let name = lib.places[self.place].name.as_str();
        let text = lib.text(self.anchor).unwrap_or_default();
        let len = name.chars().count();
        starts(text, &Finder::new(name.as_bytes()))
            .flat_map(|s| s..s + len)
            .collect()
    }
}

/// Where a name starts in a text, in characters: left to right, not
/// overlapping, as the reader's `n` and `N` step through them.
fn starts<'a>(text: &'a str, finder: &'a Finder<'_>) -> impl Iterator<Item = usize> + 'a {
    let (mut byte, mut chars) = (0, 0);
    finder.find_iter(text.as_bytes()).map(move |at| {
        chars += text[byte..at].chars().count();
        byte = at;
        chars
    })
}

/// Every mention of every place, in one list: the places' in their order,
/// each place's in reading order.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    list: Vec<Mention>,
    named: Vec<Named>,
}

/// One place's share of [`Mentions`]: where its fields are in the list,
/// how many times they name it, and how many lessons name it in their
/// paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    pub mentions: Range<usize>,
    pub times: usize,
    pub lessons: usize,
}

impl Mentions {
    /// Every mention, place by place.
    #[must_use]
    pub fn all(&self) -> &[Mention] {
        &self.list
    }

    /// Each place's share, in the places' order.
    #[must_use]
    pub fn named(&self) -> &[Named] {
        &self.named
    }

    /// The fields naming one place, in reading order.
    #[must_use]
    pub fn of(&self, place: PlaceId) -> &[Mention] {
        self.named
            .get(place)
            .map_or(&[], |n| &self.list[n.mentions.clone()])
    }
}

/// One core's share of the fields: each place's mentions in them, and how
/// many times they name it.
type Share = Vec<(Vec<Mention>, usize)>;

impl Library {
    /// Every place's mentions. Occurrences are counted as the reader's `n`
    /// and `N` step through them: left to right, not overlapping.
    #[must_use]
    pub fn mentions(&self) -> Mentions {
        let order = self.reading_order();
        let finders: Vec<Finder> = self
            .places
            .iter()
            .map(|p| Finder::new(p.name.as_bytes()))
            .collect();
        let chunk = order.len().div_ceil(crate::threads()).max(64);
        let mut shares: Vec<Share> = std::thread::scope(|scope| {
            let handles: Vec<_> = order
                .chunks(chunk)
                .map(|nodes| scope.spawn(|| self.mentions_in(nodes, &finders)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        // The list made at its size once, and each share's part let go as
        // it is copied: a big archive's mentions are never held twice.
        let total = shares
            .iter()
            .flat_map(|share| share.iter().map(|(found, _)| found.len()))
            .sum();
        let mut all = Mentions {
            list: Vec::with_capacity(total),
            named: Vec::with_capacity(self.places.len()),
        };
        for place in 0..self.places.len() {
            let start = all.list.len();
            let mut times = 0;
            for share in &mut shares {
                let (found, t) = std::mem::take(&mut share[place]);
                all.list.extend(found);
                times += t;
            }
            // A lesson's paragraphs come one after another.
            let mut lessons = 0;
            let mut last = None;
            for m in &all.list[start..] {
                let lesson = matches!(m.anchor.field, Field::Paragraph(_))
                    && self.nodes[m.anchor.node].lesson.is_some();
                if lesson && last != Some(m.anchor.node) {
                    lessons += 1;
                    last = Some(m.anchor.node);
                }
            }
            all.named.push(Named {
                mentions: start..all.list.len(),
                times,
                lessons,
            });
        }
        all
    }

    /// One share of [`Library::mentions`]: these nodes' fields.
    fn mentions_in(&self, nodes: &[usize], finders: &[Finder]) -> Share {
        let mut found: Share = finders.iter().map(|_| (Vec::new(), 0)).collect();
        for &node in nodes {
            for (anchor, text) in self.fields(node) {
                for (place, finder) in finders.iter().enumerate() {
                    if finder.needle().is_empty() {
                        continue;
                    }
                    let times = finder.find_iter(text.as_bytes()).count();
                    if times > 0 {
                        found[place].0.push(Mention { place, anchor });
                        found[place].1 += times;
                    }
                }
            }
        }
        found
    }
}
