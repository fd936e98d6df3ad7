//! The search worker: queries run off the UI thread, the newest wins, and
//! an older one still running is cancelled, so typing never waits. A
//! cancelled search hands on what it had narrowed to, so keys typed fast
//! add up to one pass over the collection, not one each.

use std::sync::Arc;
use std::sync::mpsc;

use super::Message;
use crate::search::{Generation, Outcome, SearchIndex};

/// Searches off the UI thread: the newest query wins, and an older one still
/// running is cancelled, so typing never waits for a search.
pub(super) struct Searcher {
    jobs: mpsc::Sender<Job>,
    generation: Arc<Generation>,
}

impl Searcher {
    pub(super) fn start(index: Arc<SearchIndex>, outbox: mpsc::Sender<Message>) -> Self {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let generation = Arc::new(Generation::default());
        let current = Arc::clone(&generation);
        std::thread::spawn(move || {
            let mut last: Option<Arc<Outcome>> = None;
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let Job {
                    serial,
                    mine,
                    query,
                    limit,
                } = job;
                match index.search_from(&query, limit, last.as_deref(), Some((&current, mine))) {
                    Ok(outcome) => {
                        let outcome = Arc::new(outcome);
                        if outbox
                            .send(Message::Found(serial, Arc::clone(&outcome)))
                            .is_err()
                        {
                            return;
                        }
                        last = Some(outcome);
                    }
                    // Stopped by a newer key: what it narrowed to is where
                    // that key's query starts, when it extends this one.
                    Err(Some(narrowed)) => last = Some(Arc::from(narrowed)),
                    Err(None) => {}
                }
            }
        });
        Searcher { jobs, generation }
    }

    /// Stops the search running, if any: a newer generation has begun.
    pub(super) fn cancel(&self) {
        self.generation.bump();
    }

    pub(super) fn submit(&self, serial: u64, query: &str, limit: usize) {
        let mine = self.generation.bump();
        let _ = self.jobs.send(Job {
            serial,
            mine,
            query: query.to_owned(),
            limit,
        });
    }
}

/// A query for the searcher: the serial its answer carries, its generation
/// (a newer one cancels it), and how many hits to rank.
struct Job {
    serial: u64,
    mine: u64,
    query: String,
    limit: usize,
}
