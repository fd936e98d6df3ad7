//! Where the text names each place: every field searched for every name,
//! the fields shared out among the cores.

use super::{Anchor, Field, Library, PlaceId};

/// A field that names a place: a big archive has a million of these, so
/// each is three 32-bit numbers (the place, the node and the field, packed).
/// Where in the field the name stands is found again when the mention is
/// drawn ([`Mention::marks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    place: u32,
    node: u32,
    field: u32,
}

impl Mention {
    fn new(place: PlaceId, anchor: Anchor) -> Self {
        let fit = |n: usize| u32::try_from(n).expect("a library's places and nodes fit 32 bits");
        Mention {
            place: fit(place),
            node: fit(anchor.node),
            field: anchor.field.packed(),
        }
    }

    #[must_use]
    pub fn place(&self) -> PlaceId {
        self.place as usize
    }

    #[must_use]
    pub fn anchor(&self) -> Anchor {
        Anchor {
            node: self.node as usize,
            field: Field::unpacked(self.field),
        }
    }

    /// The characters of the place's names in the field, every
    /// occurrence, as the index counts them (南京市 and 南京, 长江三角洲 and
    /// 长三角; not 中国 in 发展中国家).
    #[must_use]
    pub fn marks(&self, lib: &Library) -> Vec<usize> {
        let text = lib.text(self.anchor()).unwrap_or_default();
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let at = |b: usize| starts.partition_point(|&s| s < b);
        lib.names()
            .ranges(self.place(), text)
            .flat_map(|r| at(r.start)..at(r.end))
            .collect()
    }
}

/// Every mention of every place: the places' in their order, each
/// place's in reading order, numbered through as one list.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    named: Vec<Named>,
    /// Where each place's mentions start in the numbering.
    starts: Vec<usize>,
}

/// The fields naming one place, in reading order, how many times they
/// name it, and how many lessons name it in their paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub mentions: Vec<Mention>,
    pub times: usize,
    pub lessons: usize,
}

impl Mentions {
    fn new(named: Vec<Named>) -> Self {
        let starts = named
            .iter()
            .scan(0, |next, n| {
                let start = *next;
                *next += n.mentions.len();
                Some(start)
            })
            .collect();
        Mentions { named, starts }
    }

    /// Every place's mentions.
    #[must_use]
    pub fn len(&self) -> usize {
        self.named.last().map_or(0, |n| n.mentions.len()) + self.starts.last().unwrap_or(&0)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The mention numbered `i`.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&Mention> {
        let place = self.starts.partition_point(|&s| s <= i).checked_sub(1)?;
        self.named[place].mentions.get(i - self.starts[place])
    }

    /// Each place's, in the places' order.
    #[must_use]
    pub fn named(&self) -> &[Named] {
        &self.named
    }

    /// The number of a place's first mention (where it would be, if it has
    /// none).
    #[must_use]
    pub fn start(&self, place: PlaceId) -> usize {
        self.starts
            .get(place)
            .copied()
            .unwrap_or_else(|| self.len())
    }

    /// The fields naming one place, in reading order.
    #[must_use]
    pub fn of(&self, place: PlaceId) -> &[Mention] {
        self.named.get(place).map_or(&[], |n| &n.mentions)
    }
}

impl Library {
    /// Every place's mentions. Occurrences are counted as the reader's `n`
    /// and `N` step through them: left to right, not overlapping.
    ///
    /// The fields are shared out among the cores twice: once to count each
    /// place's mentions in each share, then to write them, each share into
    /// its part of lists made at their size. A big archive's mentions are
    /// never grown, copied or held twice.
    #[must_use]
    pub fn mentions(&self) -> Mentions {
        let order = self.reading_order();
        let finders = self.names();
        let chunk = order.len().div_ceil(crate::threads()).max(64);
        let shares: Vec<&[usize]> = order.chunks(chunk).collect();
        let counts: Vec<Vec<usize>> = crate::on_cores(shares.iter().map(|&nodes| {
            move || {
                let mut counts = vec![0; finders.len()];
                self.scan(nodes, finders, |place, _, _| counts[place] += 1);
                counts
            }
        }));
        let unset = Mention::new(
            0,
            Anchor {
                node: 0,
                field: Field::Title,
            },
        );
        let mut lists: Vec<Vec<Mention>> = (0..finders.len())
            .map(|p| vec![unset; counts.iter().map(|c| c[p]).sum()])
            .collect();
        // Each share's part of every place's list.
        let mut parts: Vec<Vec<&mut [Mention]>> = shares.iter().map(|_| Vec::new()).collect();
        for (place, list) in lists.iter_mut().enumerate() {
            let mut rest = list.as_mut_slice();
            for (part, counts) in parts.iter_mut().zip(&counts) {
                let (mine, after) = std::mem::take(&mut rest).split_at_mut(counts[place]);
                part.push(mine);
                rest = after;
            }
        }
        let tallies: Vec<Vec<(usize, usize)>> =
            crate::on_cores(shares.iter().zip(parts).map(|(&nodes, mut part)| {
                move || {
                    let mut written = vec![0; finders.len()];
                    // Times named, and lessons naming it in their paragraphs
                    // (which come one after another).
                    let mut tally = vec![(0, 0); finders.len()];
                    let mut last_lesson = vec![None; finders.len()];
                    self.scan(nodes, finders, |place, anchor, times| {
                        part[place][written[place]] = Mention::new(place, anchor);
                        written[place] += 1;
                        tally[place].0 += times;
                        let lesson = matches!(anchor.field, Field::Paragraph(_))
                            && self.nodes[anchor.node].lesson.is_some();
                        if lesson && last_lesson[place] != Some(anchor.node) {
                            tally[place].1 += 1;
                            last_lesson[place] = Some(anchor.node);
                        }
                    });
                    tally
                }
            }));
        let named = lists
            .into_iter()
            .enumerate()
            .map(|(place, mentions)| Named {
                mentions,
                times: tallies.iter().map(|t| t[place].0).sum(),
                lessons: tallies.iter().map(|t| t[place].1).sum(),
            })
            .collect();
        Mentions::new(named)
    }

    /// Each field of these nodes that names a place, in order, with the
    /// place and how many times it names it (places in their order).
    fn scan(&self, nodes: &[usize], names: &Names, mut found: impl FnMut(PlaceId, Anchor, usize)) {
        let mut times: Vec<(PlaceId, usize)> = Vec::new();
        for &node in nodes {
            for (anchor, text) in self.fields(node) {
                times.clear();
                for m in names.automaton.iter().flat_map(|a| a.find_iter(text)) {
                    let place = names.of[m.pattern().as_usize()];
                    if place == PlaceId::MAX {
                        continue;
                    }
                    match times.iter_mut().find(|(p, _)| *p == place) {
                        Some((_, n)) => *n += 1,
                        None => times.push((place, 1)),
                    }
                }
                times.sort_unstable();
                for &(place, n) in &times {
                    found(place, anchor, n);
                }
            }
        }
    }
}

/// Every place's names as the text prints them (its name and its forms in
/// hanzi: 南京 and 南京市, 长三角 and 长江三角洲), the longest matched at
/// each point (浙江西部 names 浙江, not 江西).
pub struct Names {
    automaton: Option<aho_corasick::AhoCorasick>,
    of: Vec<PlaceId>,
    /// How many places there are.
    len: usize,
}

impl Names {
    /// The names of every place of a collection.
    #[must_use]
    pub fn of(lib: &Library) -> Names {
        let mut patterns = Vec::new();
        let mut of = Vec::new();
        for (place, p) in lib.places.iter().enumerate() {
            let hanzi = p.aliases.iter().filter(|a| !a.is_ascii());
            for name in std::iter::once(&p.name).chain(hanzi) {
                if !name.is_empty() {
                    patterns.push(name.as_str());
                    of.push(place);
                }
            }
        }
        // Words that hold a name but name no place, matched to be let go.
        if !patterns.is_empty() {
            for word in super::gazetteer::words() {
                patterns.push(word);
                of.push(PlaceId::MAX);
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()
            .filter(|_| !patterns.is_empty());
        Names {
            automaton,
            of,
            len: lib.places.len(),
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Where a text names one place, in bytes, left to right.
    pub fn ranges<'a>(
        &'a self,
        place: PlaceId,
        text: &'a str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_iter(text))
            .filter(move |m| self.of[m.pattern().as_usize()] == place)
            .map(|m| m.range())
    }
}

/// [`Library::names`]' automaton, made once; a copy starts without one.
#[derive(Default)]
pub(super) struct NamesIndex(pub(super) std::sync::OnceLock<Names>);

impl Clone for NamesIndex {
    fn clone(&self) -> Self {
        NamesIndex::default()
    }
}

impl std::fmt::Debug for NamesIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NamesIndex")
    }
}
