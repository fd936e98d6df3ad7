//! Reading TOML into the model, in parts: `schema` (the file format, parsed
//! with spans), `read` (a folder's files, safely), `part` (one file built on
//! its own), `build` (the parts joined into the library, in reading order)
//! and `checks` (what each value must satisfy). Every problem is reported
//! at once.

mod build;
mod cache;
mod checks;
mod part;
mod read;
mod schema;
mod stat;

use std::path::{Path, PathBuf};

use super::location::Source;
use super::{ContentErrors, Library};

/// Largest content file we read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most files a collection may hold: far above any archive (a daily
/// paper's every article for decades), low enough that a folder of
/// something else entirely is refused before it is read.
pub const MAX_FILES: usize = 1_000_000;

pub(super) fn from_dir(
    dir: &Path,
    cache: Option<&Path>,
    growth: Option<super::Growth<'_>>,
) -> Result<Library, ContentErrors> {
    let files = read::listed(dir)?;
    let cache = cache.filter(|_| files.len() >= read::PREVIEW_FROM);
    // The files' metadata, taken before any of them is read.
    let before = cache.and_then(|_| stat::snapshot(&files));
    if let (Some(cache), Some(before)) = (cache, &before) {
        // What the metadata says, when it can be trusted; else, if there
        // is any copy to find, every file read and hashed.
        let remembered = stat::key(cache, &files, before);
        let key = remembered.or_else(|| cache::any(cache).then(|| cache::Key::of(&files))?);
        if let Some(key) = key
            && let Some(lib) = cache::get(cache, key)
        {
            if remembered.is_none() {
                stat::remember(cache, &files, before, key);
            }
            if let Some(growth) = growth {
                growth
                    .built
                    .store(files.len(), std::sync::atomic::Ordering::Relaxed);
            }
            return Ok(lib);
        }
    }
    let (loaded, prints) = read::from_files(dir, &files, growth);
    // Kept under the key of the bytes parsed.
    if let (Ok(lib), Some(cache), Some(before)) = (&loaded, cache, &before)
        && let Some(key) = cache::Key::from_prints(&files, &prints)
    {
        cache::put(cache, key, lib);
        stat::remember(cache, &files, before, key);
    }
    loaded
}

pub(super) fn preview(dir: &Path) -> Result<Option<(Library, usize)>, ContentErrors> {
    read::preview(dir)
}

pub(super) fn from_sources(
    sources: impl IntoIterator<Item = (PathBuf, String)>,
) -> Result<Library, ContentErrors> {
    let mut loader = build::Loader::default();
    for (path, text) in sources {
        let source = Source::new(&path, &text);
        let parsed = schema::parse(&source);
        loader.add(&source, part::part(&source, parsed));
    }
    loader.finish(Path::new("content"), true)
}
