//! A big collection loading behind what the reader shows: how far along.

use std::sync::Arc;

/// A big collection loading behind what the reader shows: it shows the
/// first article, then more as they arrive.
#[derive(Debug, Clone)]
pub struct Loading {
    /// Files built so far, counted by the loader.
    pub built: Arc<std::sync::atomic::AtomicUsize>,
    /// Files in the collection.
    pub files: usize,
    /// Files in what is shown and searched now.
    pub shown: usize,
}

impl Loading {
    #[must_use]
    pub fn built(&self) -> usize {
        self.built.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// More is shown: `shown` files of it, or the whole (and then nothing
    /// is loading any more).
    #[must_use]
    pub fn grown(self, shown: Option<usize>) -> Option<Self> {
        shown.map(|shown| Loading { shown, ..self })
    }

    /// How much of the collection is shown and searched, in percent.
    #[must_use]
    pub fn shown_percent(&self) -> usize {
        self.shown * 100 / self.files.max(1)
    }
}
