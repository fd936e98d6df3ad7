//! Reading TOML into the model, in parts: `schema` (the file format, parsed
//! with spans), `read` (a folder's files, safely), `build` (the library, in
//! reading order) and `checks` (what each value must satisfy). Every problem
//! is reported at once.

mod build;
mod checks;
mod read;
mod schema;

use std::path::{Path, PathBuf};

use super::location::Source;
use super::{ContentErrors, Library};

/// Largest content file we read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most files a collection may hold.
pub const MAX_FILES: usize = 10_000;

pub(super) fn from_dir(
    dir: &Path,
    growth: Option<super::Growth<'_>>,
) -> Result<Library, ContentErrors> {
    read::from_dir(dir, growth)
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
