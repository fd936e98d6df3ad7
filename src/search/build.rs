//! Building the index: entries and reading sets, on threads, in place.

use std::sync::Arc;

use super::entry::Entry;
use super::packed::{Packed, Palette};
use super::{SearchIndex, Target, pinyin};
use crate::content::{Field, Library, NodeId};

/// What becomes of the reading sets, one per character of every entry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Sets {
    /// Worked out once, kept: for the reader, which searches as you type.
    Stored,
    /// Worked out as each entry is tried: for one query.
    OnDemand,
}

/// From this much paragraph text, the reader stores its reading sets.
/// Worked out as each entry is tried, they cost the slowest key (a lone
/// letter, which nearly every entry matches) 2.8 ms a million characters
/// on two cores: every key's p95 20 ms at the bench's 1,000 articles
/// (20 MB), 198 ms at 10,000, against 5 and 42 stored. Below 48 MiB (16
/// million characters of Chinese) every key stays under 50 ms without
/// them, and storing them, a byte a character, would add a third of the
/// text to the reader's memory.
const STORED_FROM: usize = 48 << 20;

impl Sets {
    /// What the reader does with the sets of paragraphs `bytes` long.
    pub(super) fn for_text(bytes: usize) -> Self {
        if bytes >= STORED_FROM {
            Sets::Stored
        } else {
            Sets::OnDemand
        }
    }
}

/// What one thread indexes: a run of nodes, or the places.
#[derive(Clone, Copy)]
enum Share<'a> {
    Nodes(&'a [NodeId]),
    Places,
}

impl Share<'_> {
    /// Calls `f` with each target of the share and its text, in order: a
    /// node's fields, each heading followed by our label where the heading
    /// does not contain it.
    fn each<'l>(self, lib: &'l Library, mut f: impl FnMut(Target, &'l str)) {
        match self {
            Share::Nodes(nodes) => {
                for &node in nodes {
                    let label = lib.node(node).label();
                    for (anchor, text) in lib.fields(node) {
                        f(Target::Field(anchor), text);
                        let heading = matches!(anchor.field, Field::Title | Field::Heading);
                        if heading && !text.contains(label) {
                            f(Target::Label(node), label);
                        }
                    }
                }
            }
            Share::Places => {
                for (id, place) in lib.places.iter().enumerate() {
                    f(Target::Place(id), &place.name);
                }
            }
        }
    }
}

/// Where one share's entries, codes and escapes go, and where its codes
/// start in the whole.
struct Out<'a> {
    entries: &'a mut [Entry],
    codes: &'a mut [u8],
    base: usize,
    escapes: Vec<(u32, u16)>,
}

/// Writes one share's entries and reading sets into the slices cut for
/// them; returns its escapes, each entry's counted from the share's first.
fn index_share(
    lib: &Library,
    readings: &pinyin::Readings,
    share: Share,
    palette: Option<&Palette>,
    out: Out,
) -> Vec<(u32, u16)> {
    let Out {
        entries,
        codes,
        base,
        mut escapes,
    } = out;
    let (mut i, mut at) = (0, 0);
    let mut sets = Vec::new();
    share.each(lib, |target, text| {
        let escapes_start = u32::try_from(escapes.len()).expect("escapes fit 32 bits");
        let sets_start = u32::try_from(base + at).expect("reading sets fit 32 bits");
        let initials = if let Some(palette) = palette {
            sets.clear();
            sets.resize(text.len(), 0);
            let n = readings.sets_into(text, &mut sets);
            palette.pack(&sets[..n], &mut codes[at..at + n], &mut escapes);
            at += n;
            sets[..n]
                .iter()
                .fold(0, |m, &set| m | readings.initials(set))
        } else {
            u32::MAX
        };
        entries[i] = Entry {
            initials,
            sets_start,
            escapes_start,
            // An index for one query skips the scan: the query's own
            // search of the text costs no more.
            ..Entry::new(
                target,
                palette.is_none() || text.bytes().any(|b| b.is_ascii_alphabetic()),
            )
        };
        i += 1;
    });
    escapes.shrink_to_fit();
    escapes
}

impl SearchIndex {
    /// Builds in two passes over the text, each share on its own thread:
    /// the first counts entries and characters, so that the second writes
    /// every entry and reading set where it ends up, in vectors cut to
    /// size. Nothing is held twice at the peak.
    pub(super) fn build(lib: Arc<Library>, sets_kept: Sets, text: bool) -> Self {
        let readings = pinyin::Readings::shared();
        let order = if text {
            lib.reading_order()
        } else {
            Vec::new()
        };
        let chunk = order.len().div_ceil(crate::threads()).max(256);
        let shares: Vec<Share> = order
            .chunks(chunk)
            .map(Share::Nodes)
            .chain([Share::Places])
            .collect();
        let whole: &Library = &lib;
        let (sizes, palette) = count(&shares, whole, readings, sets_kept);
        let mut entries = vec![Entry::default(); sizes.iter().map(|s| s.entries).sum()];
        let mut codes = vec![0u8; sizes.iter().map(|s| s.chars).sum()];
        let shares_escapes: Vec<Vec<(u32, u16)>> = std::thread::scope(|scope| {
            let (mut entries_left, mut codes_left): (&mut [Entry], &mut [u8]) =
                (&mut entries, &mut codes);
            let mut base = 0;
            let mut handles = Vec::new();
            for (&share, &size) in shares.iter().zip(&sizes) {
                let (mine, rest) = std::mem::take(&mut entries_left).split_at_mut(size.entries);
                entries_left = rest;
                let (my_codes, rest) = std::mem::take(&mut codes_left).split_at_mut(size.chars);
                codes_left = rest;
                let palette = palette.as_ref();
                let out = Out {
                    entries: mine,
                    codes: my_codes,
                    base,
                    // A little over the sample's guess: a vector that
                    // doubles as it fills may hold twice what it needs.
                    escapes: Vec::with_capacity(size.escapes + size.escapes / 8),
                };
                handles
                    .push(scope.spawn(move || index_share(whole, readings, share, palette, out)));
                base += size.chars;
            }
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        // Each share's escapes stay its own, each entry's counted from its
        // share's first.
        let shares = sizes
            .iter()
            .scan(0, |first, size| {
                let this = *first;
                *first += size.entries;
                Some(u32::try_from(this).expect("entries fit 32 bits"))
            })
            .collect();
        let article_starts = article_starts(&lib, &entries);
        SearchIndex {
            lib,
            entries,
            sets: palette.map(|palette| Packed {
                palette,
                codes,
                escapes: shares_escapes,
                shares,
            }),
            readings,
            article_starts,
            script: std::sync::OnceLock::new(),
            postings: super::ranked::Postings::default(),
        }
    }
}

/// One entry in this many is counted to choose the palette.
const SAMPLE: usize = 4;

/// What one share writes: its entries and characters exactly, and about
/// how many escapes (from the sample the palette is chosen by).
#[derive(Clone, Copy)]
struct Size {
    entries: usize,
    chars: usize,
    escapes: usize,
}

/// The first pass: each share's size, and with stored sets the palette,
/// from how often each set is read.
fn count(
    shares: &[Share],
    whole: &Library,
    readings: &'static pinyin::Readings,
    sets_kept: Sets,
) -> (Vec<Size>, Option<Palette>) {
    let stored = sets_kept == Sets::Stored;
    // Entries and characters, and how often each set is read.
    let counted: Vec<(usize, usize, Vec<u64>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .iter()
            .map(|&share| {
                scope.spawn(move || {
                    let (mut entries, mut chars) = (0, 0);
                    // One slot a set: a few thousand, not every possible id
                    // (a thread's 512 KiB, freed, stays in its arena).
                    let mut counts = vec![0; if stored { readings.set_count() } else { 0 }];
                    let mut sets = Vec::new();
                    share.each(whole, |_, text| {
                        entries += 1;
                        if stored {
                            chars += text.chars().count();
                            // Sets read often show in any sample: one
                            // entry in SAMPLE is enough to choose the codes.
                            // Read as the index reads them, phrases and all.
                            if entries % SAMPLE == 1 {
                                sets.clear();
                                sets.resize(text.len(), 0);
                                let n = readings.sets_into(text, &mut sets);
                                for &set in &sets[..n] {
                                    counts[usize::from(set)] += 1;
                                }
                            }
                        }
                    });
                    (entries, chars, counts)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let palette = stored.then(|| {
        let mut counts = vec![0; readings.set_count()];
        for (_, _, share) in &counted {
            for (all, n) in counts.iter_mut().zip(share) {
                *all += n;
            }
        }
        Palette::commonest(&counts, readings)
    });
    let sizes = counted
        .iter()
        .map(|(n, chars, counts)| {
            // As many in the whole as in the sample, character for
            // character (the sample's entries are not of the average length).
            let sampled = counts.iter().sum::<u64>().max(1);
            let escapes = palette.as_ref().map_or(0, |p| {
                let escaped = p.escaped(counts) as u64 * *chars as u64 / sampled;
                usize::try_from(escaped).unwrap_or(usize::MAX)
            });
            Size {
                entries: *n,
                chars: *chars,
                escapes,
            }
        })
        .collect();
    (sizes, palette)
}

/// Where each article's entries start, and after the last article where
/// the places' start: entries are in reading order, article by article.
fn article_starts(lib: &Library, entries: &[Entry]) -> Vec<u32> {
    let articles = lib.articles.len();
    let mut starts = Vec::with_capacity(articles + 1);
    for (i, e) in entries.iter().enumerate() {
        let article = match e.target() {
            Target::Field(a) => lib.node(a.node).article,
            Target::Label(n) => lib.node(n).article,
            Target::Place(_) => articles,
        };
        let i = u32::try_from(i).expect("entries fit 32 bits");
        while starts.len() <= article {
            starts.push(i);
        }
    }
    let end = u32::try_from(entries.len()).expect("entries fit 32 bits");
    starts.resize(articles + 1, end);
    starts
}
