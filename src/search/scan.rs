//! One thread's share of a search: its candidates tried in turn, every
//! match kept (a longer query narrows to them), the best hits in a small
//! heap; stopped, it keeps what it had not reached too.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{CHECK_EVERY, Query, Rank, SearchIndex, lone};

/// The entries a search tries: every one, or those a shorter query
/// matched.
pub(super) enum Candidates<'a> {
    Every(std::ops::Range<u32>),
    Listed(&'a [u32]),
}

impl<'a> Candidates<'a> {
    pub(super) fn len(&self) -> usize {
        match self {
            Candidates::Every(r) => r.len(),
            Candidates::Listed(l) => l.len(),
        }
    }

    /// In runs of `chunk`, one for each thread.
    pub(super) fn shares(&self, chunk: usize) -> Vec<Candidates<'a>> {
        match *self {
            Candidates::Every(ref every) => {
                let step = u32::try_from(chunk).unwrap_or(u32::MAX);
                every
                    .clone()
                    .step_by(chunk)
                    .map(|start| {
                        Candidates::Every(start..start.saturating_add(step).min(every.end))
                    })
                    .collect()
            }
            Candidates::Listed(listed) => listed.chunks(chunk).map(Candidates::Listed).collect(),
        }
    }

    fn get(&self, i: usize) -> u32 {
        match self {
            Candidates::Every(r) => r.start + u32::try_from(i).unwrap_or(u32::MAX),
            Candidates::Listed(l) => l[i],
        }
    }

    /// From the `i`th on, onto `out`.
    fn rest_onto(&self, i: usize, out: &mut Vec<u32>) {
        match self {
            Candidates::Every(r) => out.extend(self.get(i)..r.end),
            Candidates::Listed(l) => out.extend_from_slice(&l[i..]),
        }
    }
}

/// `f` on each share, the last on this thread and the others each on one
/// of their own: a narrowed search of one share starts no thread at all
/// (each thread started leaves the allocator memory of its own behind).
/// None for a share whose thread panicked.
pub(super) fn on_shares<T: Send>(
    shares: Vec<Candidates<'_>>,
    f: &(dyn Fn(&Candidates) -> T + Sync),
) -> Vec<Option<T>> {
    std::thread::scope(|s| {
        let mut shares = shares;
        let last = shares.pop();
        let handles: Vec<_> = shares
            .into_iter()
            .map(|part| s.spawn(move || f(&part)))
            .collect();
        let here = last.map(|part| f(&part));
        let mut out: Vec<Option<T>> = handles.into_iter().map(|h| h.join().ok()).collect();
        out.extend(here.map(Some));
        out
    })
}

/// One thread's share of a search: every entry matched, its best hits, and
/// Whether it was stopped (a newer query came) before the end of its share.
pub(super) type Part = (Vec<u32>, BinaryHeap<Reverse<(Rank, u32)>>, bool);

impl SearchIndex {
    /// One thread's share of a search: its candidates ranked, every match
    /// kept, the best `limit` hits in a heap; stopped when `cancelled`.
    pub(super) fn scan(
        &self,
        part: &Candidates,
        parsed: &Query,
        lone: Option<&lone::Lone>,
        limit: usize,
        cancelled: &dyn Fn() -> bool,
    ) -> Part {
        let mut matched = Vec::new();
        let mut best = BinaryHeap::with_capacity(limit + 1);
        for i in 0..part.len() {
            let e = part.get(i);
            if i % CHECK_EVERY == 0 && cancelled() {
                // What it matched, and all it had not
                // reached: a longer query's candidates.
                part.rest_onto(i, &mut matched);
                return (matched, BinaryHeap::new(), true);
            }
            let rank = if let Some(lone) = lone {
                let Some(fit) = self.lone_fit(lone, e) else {
                    continue;
                };
                if self.is_label(e) && self.lone_fit(lone, e - 1).is_some() {
                    continue;
                }
                matched.push(e);
                let kept = |worst: &Rank| self.lone_may_beat(lone, e, fit, *worst);
                if best.len() >= limit
                    && !best.peek().is_some_and(|Reverse((worst, _))| kept(worst))
                {
                    continue;
                }
                self.rank(e, parsed)
            } else {
                let rank = self.rank(e, parsed);
                if rank.is_some() {
                    matched.push(e);
                }
                rank
            };
            let Some(rank) = rank else {
                continue;
            };
            if best.len() < limit {
                best.push(Reverse((rank, e)));
            } else if best.peek().is_some_and(|Reverse((worst, _))| rank > *worst) {
                best.pop();
                best.push(Reverse((rank, e)));
            }
        }
        (matched, best, false)
    }
}
