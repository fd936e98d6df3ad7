//! A big collection loading behind what the reader shows.

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

    /// How much of the collection is shown and searched, in percent.
    #[must_use]
    pub fn shown_percent(&self) -> usize {
        self.shown * 100 / self.files.max(1)
    }
}
