//! Which collection a command reads: the bundled page or a folder, whole
//! or (for the reader) its first article first, and where copies of big
//! collections are kept.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Cli;
use crate::content::{ContentErrors, Keeping, Library};

impl Cli {
    /// The collection the options select, and its copy for the cache
    /// being written meanwhile (kept until the command is done).
    ///
    /// # Errors
    /// Content errors, every one of them.
    pub fn library(&self) -> Result<(Arc<Library>, Keeping), ContentErrors> {
        match &self.content {
            Some(dir) => Library::load_dir_shared(dir, cache_dir().as_deref(), None),
            None => Ok((Arc::new(Library::bundled()?), Keeping::default())),
        }
    }

    /// What the reader opens on: the whole collection (without the places
    /// only the gazetteer finds: [`Library::find_places`]), or for a big
    /// folder its first article and the folder and file count to load the
    /// rest from.
    ///
    /// # Errors
    /// Content errors in what was read.
    pub fn first_library(&self) -> Result<(Arc<Library>, Option<Rest>), ContentErrors> {
        if let Some(dir) = &self.content
            && let Some((first, files)) = Library::preview_dir(dir)?
        {
            return Ok((Arc::new(first), Some((dir.clone(), files))));
        }
        // A folder too small to preview has no copy to write; the places
        // only the gazetteer finds come behind the first frame.
        let lib = match &self.content {
            Some(dir) => Library::load_dir_placed(dir, false)?,
            None => Library::bundled_placed(false)?,
        };
        Ok((Arc::new(lib), None))
    }
}

/// The rest of a big folder, to load behind its first article: the folder
/// and how many files it holds.
pub type Rest = (PathBuf, usize);

/// Where binary copies of big collections are kept:
/// `$XDG_CACHE_HOME/zhizao`.
#[must_use]
pub fn cache_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("zhizao"))
}

/// The collection, read from its files (never a copy): what `check` checks.
pub(super) fn load(dir: Option<&Path>) -> Result<Library, crate::content::ContentErrors> {
    match dir {
        Some(dir) => Library::load_dir(dir),
        None => Library::bundled(),
    }
}
