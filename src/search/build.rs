//! Building the index: entries and reading sets, on threads, in place.

use std::sync::Arc;

use super::entry::Entry;
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
                    let label = lib.node(node).label.as_str();
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

/// Writes one share's entries and reading sets into the slices cut for
/// them; `base` is where `sets` starts in the whole.
fn index_share(
    lib: &Library,
    readings: &pinyin::Readings,
    share: Share,
    sets_kept: Sets,
    entries: &mut [Entry],
    sets: &mut [u16],
    base: usize,
) {
    let (mut i, mut at) = (0, 0);
    share.each(lib, |target, text| {
        let len = if sets_kept == Sets::Stored {
            text.chars().count()
        } else {
            0
        };
        let mine = &mut sets[at..at + len];
        readings.sets_into(text, mine);
        entries[i] = Entry {
            initials: if sets_kept == Sets::Stored {
                mine.iter().fold(0, |m, &set| m | readings.initials(set))
            } else {
                u32::MAX
            },
            sets_start: u32::try_from(base + at).expect("reading sets fit 32 bits"),
            // An index for one query skips the scan: the query's own
            // search of the text costs no more.
            ..Entry::new(
                target,
                sets_kept == Sets::OnDemand || text.bytes().any(|b| b.is_ascii_alphabetic()),
            )
        };
        i += 1;
        at += len;
    });
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
        let sizes: Vec<(usize, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = shares
                .iter()
                .map(|&share| {
                    scope.spawn(move || {
                        let (mut entries, mut chars) = (0, 0);
                        share.each(whole, |_, text| {
                            entries += 1;
                            if sets_kept == Sets::Stored {
                                chars += text.chars().count();
                            }
                        });
                        (entries, chars)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or((0, 0)))
                .collect()
        });
        let mut entries = vec![Entry::default(); sizes.iter().map(|s| s.0).sum()];
        let mut sets = vec![0u16; sizes.iter().map(|s| s.1).sum()];
        std::thread::scope(|scope| {
            let (mut entries_left, mut sets_left): (&mut [Entry], &mut [u16]) =
                (&mut entries, &mut sets);
            let mut base = 0;
            for (&share, &(n, chars)) in shares.iter().zip(&sizes) {
                let (mine, rest) = std::mem::take(&mut entries_left).split_at_mut(n);
                entries_left = rest;
                let (my_sets, rest) = std::mem::take(&mut sets_left).split_at_mut(chars);
                sets_left = rest;
                scope.spawn(move || {
                    index_share(whole, readings, share, sets_kept, mine, my_sets, base);
                });
                base += chars;
            }
        });
        let article_starts = article_starts(&lib, &entries);
        SearchIndex {
            lib,
            entries,
            sets,
            sets_on_demand: sets_kept == Sets::OnDemand,
            readings,
            article_starts,
            script: std::sync::OnceLock::new(),
        }
    }
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
