//! Where the text names each place: every field searched for every name,
//! the fields shared out among the cores.

use memchr::memmem::Finder;

use super::{Anchor, Field, Library, PlaceId};

/// A field that names a place, and where the name is in it: a big
/// archive has a million of these, so each is small.
#[derive(Debug, Clone)]
pub struct Mention {
    pub place: PlaceId,
    pub anchor: Anchor,
    /// The character the name's first occurrence starts at, and the
    /// others' (most fields name a place once: no allocation for them).
    first: u32,
    more: Option<Box<[u32]>>,
    /// The name's length in characters.
    len: u32,
}

impl Mention {
    /// The characters of the name in the field, every occurrence.
    #[must_use]
    pub fn marks(&self) -> Vec<usize> {
        std::iter::once(&self.first)
            .chain(self.more.iter().flatten())
            .flat_map(|&s| s as usize..(s + self.len) as usize)
            .collect()
    }
}

/// The fields naming one place, in reading order, how many times they
/// name it, and how many lessons name it in their paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub mentions: Vec<Mention>,
    pub times: usize,
    pub lessons: usize,
}

impl Library {
    /// Each place's mentions, in the places' order. Occurrences are
    /// counted as the reader's `n` and `N` step through them: left to
    /// right, not overlapping.
    #[must_use]
    pub fn mentions(&self) -> Vec<Named> {
        let order = self.reading_order();
        let finders: Vec<(Finder, usize)> = self
            .places
            .iter()
            .map(|p| (Finder::new(p.name.as_bytes()), p.name.chars().count()))
            .collect();
        let chunk = order.len().div_ceil(crate::threads()).max(64);
        let parts: Vec<Vec<Named>> = std::thread::scope(|scope| {
            let handles: Vec<_> = order
                .chunks(chunk)
                .map(|nodes| scope.spawn(|| self.mentions_in(nodes, &finders)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        // Each place's list made at its size once: grown, it would hold
        // two copies of a big archive's mentions at a time.
        let mut all: Vec<Named> = (0..self.places.len())
            .map(|p| Named {
                mentions: Vec::with_capacity(parts.iter().map(|part| part[p].mentions.len()).sum()),
                ..Named::default()
            })
            .collect();
        for part in parts {
            for (whole, named) in all.iter_mut().zip(part) {
                whole.mentions.extend(named.mentions);
                whole.times += named.times;
            }
        }
        for named in &mut all {
            // A lesson's paragraphs come one after another.
            let mut last = None;
            for m in &named.mentions {
                let lesson = matches!(m.anchor.field, Field::Paragraph(_))
                    && self.nodes[m.anchor.node].lesson.is_some();
                if lesson && last != Some(m.anchor.node) {
                    named.lessons += 1;
                    last = Some(m.anchor.node);
                }
            }
        }
        all
    }

    /// One share of [`Library::mentions`]: these nodes' fields.
    fn mentions_in(&self, nodes: &[usize], finders: &[(Finder, usize)]) -> Vec<Named> {
        let mut found: Vec<Named> = finders.iter().map(|_| Named::default()).collect();
        for &node in nodes {
            for (anchor, text) in self.fields(node) {
                for (place, (finder, len)) in finders.iter().enumerate() {
                    if *len == 0 {
                        continue;
                    }
                    let (mut byte, mut chars) = (0, 0);
                    let mut starts = Vec::new();
                    for at in finder.find_iter(text.as_bytes()) {
                        chars += text[byte..at].chars().count();
                        byte = at;
                        starts.push(u32::try_from(chars).unwrap_or(u32::MAX));
                        found[place].times += 1;
                    }
                    if let Some((&first, more)) = starts.split_first() {
                        found[place].mentions.push(Mention {
                            place,
                            anchor,
                            first,
                            more: (!more.is_empty()).then(|| more.into()),
                            len: u32::try_from(*len).unwrap_or(u32::MAX),
                        });
                    }
                }
            }
        }
        found
    }
}
