//! Reading TOML into the model, in parts: `schema` (the file format, parsed
//! with spans), `read` (a folder's files, safely), `build` (the library, in
//! reading order) and `checks` (what each value must satisfy). Every problem
//! is reported at once.

mod build;
mod cache;
mod checks;
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
    let key = cache
        .filter(|_| files.len() >= read::PREVIEW_FROM)
        .and_then(|cache| {
            // What the files' metadata says, when it can be trusted; else
            // every file read and hashed, and that remembered.
            let key = stat::key(cache, &files).or_else(|| {
                let key = cache::Key::of(&files)?;
                stat::remember(cache, &files, key);
                Some(key)
            })?;
            Some((cache, key))
        });
    if let Some((cache, key)) = key
        && let Some(lib) = cache::get(cache, key)
    {
        if let Some(growth) = growth {
            growth
                .built
                .store(files.len(), std::sync::atomic::Ordering::Relaxed);
        }
        return Ok(lib);
    }
    let (loaded, prints) = read::from_files(dir, &files, growth);
    // Kept only if the bytes parsed are the bytes the key was made of: no
    // file changed in between.
    if let (Ok(lib), Some((cache, key))) = (&loaded, key)
        && cache::Key::from_prints(&files, &prints) == Some(key)
    {
        cache::put(cache, key, lib);
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
        loader.add(&source, parsed);
    }
    loader.finish(Path::new("content"), true)
}
