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
pub use read::read_regular;
mod schema;
mod stat;

use std::path::{Path, PathBuf};

use super::location::Source;
use super::{BUNDLED, ContentErrors, Library, gazetteer, mentions};

/// Largest content file we read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most files a collection may hold: far above any archive (a daily
/// paper's every article for decades), low enough that a folder of
/// something else entirely is refused before it is read.
pub const MAX_FILES: usize = 1_000_000;

/// A collection's binary copy still to be written, once it is loaded:
/// after the caller has what it needs, or beside it on a thread.
pub(super) struct Keep {
    cache: PathBuf,
    key: cache::Key,
    files: Vec<PathBuf>,
    before: stat::Snapshot,
}

impl Keep {
    /// Writes the copy, kept under the key of the bytes parsed, and
    /// remembers the files' metadata for it.
    pub(super) fn write(self, lib: &Library) {
        cache::put(&self.cache, self.key, lib);
        stat::remember(&self.cache, &self.files, &self.before, self.key);
    }
}

/// What a big collection reports while it loads.
pub struct Growth<'a> {
    /// Files built so far.
    pub built: &'a std::sync::atomic::AtomicUsize,
    /// Called now and then with the collection so far and how many files
    /// it holds: first at 32 files, then each time four times as many,
    /// while that is at most half the files. Not once problems are found.
    pub grown: &'a mut dyn FnMut(Library, usize),
}

/// A collection's copy being written for the cache: dropped, it waits
/// until the copy is whole, so that a process never ends halfway through.
#[must_use = "dropped at once, it waits for the copy then and there"]
#[derive(Default)]
pub struct Keeping(Option<std::thread::JoinHandle<()>>);

impl Drop for Keeping {
    fn drop(&mut self) {
        if let Some(writing) = self.0.take() {
            // A write that failed (or panicked) is no error: the next open
            // parses the files again.
            let _ = writing.join();
        }
    }
}

impl Library {
    /// The collection compiled into the binary.
    ///
    /// # Errors
    /// Only if the bundled files are broken, which a test rules out.
    pub fn bundled() -> Result<Self, ContentErrors> {
        Self::bundled_placed(true)
    }

    /// The bundled page, the places only the gazetteer finds in it
    /// (`places` false) left for [`Library::find_places`]: what the
    /// reader's first frame shows.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn bundled_placed(places: bool) -> Result<Self, ContentErrors> {
        from_sources(
            BUNDLED
                .iter()
                .map(|(name, text)| (Path::new("content").join(name), (*text).to_owned())),
            places,
        )
    }

    /// Loads every `*.toml` file of a folder, in file-name order.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn load_dir(dir: &Path) -> Result<Self, ContentErrors> {
        Self::load_dir_placed(dir, true)
    }

    /// [`Library::load_dir`], the places only the gazetteer finds left
    /// for [`Library::find_places`] when `places` is false.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn load_dir_placed(dir: &Path, places: bool) -> Result<Self, ContentErrors> {
        from_dir(dir, None, None, places).map(|(lib, _)| lib)
    }

    /// Adds every other place the text names, from the gazetteer (marked
    /// as found, not declared; a name declared is never added twice).
    pub fn find_places(&mut self) {
        let found = gazetteer::found(self);
        self.places.extend(found);
        self.names = mentions::NamesIndex::default();
    }

    /// [`Library::load_dir`], for a big folder (200 files or more) through
    /// a binary copy kept in `cache` when one is given, and reporting as it
    /// goes when `growth` is given. A copy to be made is written on a
    /// thread of its own while the caller searches or indexes, and
    /// [`Keeping`] waits for it when dropped.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn load_dir_shared(
        dir: &Path,
        cache: Option<&Path>,
        growth: Option<Growth<'_>>,
    ) -> Result<(std::sync::Arc<Self>, Keeping), ContentErrors> {
        let (lib, keep) = from_dir(dir, cache, growth, true)?;
        let lib = std::sync::Arc::new(lib);
        let writing = keep.map(|keep| {
            let lib = std::sync::Arc::clone(&lib);
            std::thread::spawn(move || keep.write(&lib))
        });
        Ok((lib, Keeping(writing)))
    }

    /// For a big folder (200 files or more), its first
    /// article, to show while the rest loads, and how many files there are;
    /// None for a smaller folder, which loads at once.
    ///
    /// # Errors
    /// Problems in the files read.
    pub fn preview_dir(dir: &Path) -> Result<Option<(Self, usize)>, ContentErrors> {
        preview(dir)
    }

    /// Loads from in-memory sources: `(file name, text)`.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn from_sources(
        sources: impl IntoIterator<Item = (std::path::PathBuf, String)>,
    ) -> Result<Self, ContentErrors> {
        from_sources(sources, true)
    }
}

/// A folder's library, with every place its text names (the copy kept
/// has them) unless `places` is false.
pub(super) fn from_dir(
    dir: &Path,
    cache: Option<&Path>,
    growth: Option<super::Growth<'_>>,
    places: bool,
) -> Result<(Library, Option<Keep>), ContentErrors> {
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
            return Ok((lib, None));
        }
    }
    let (loaded, prints) = read::from_files(dir, &files, growth);
    let mut lib = loaded?;
    if places {
        lib.find_places();
    }
    let keep = match (cache, before) {
        (Some(cache), Some(before)) => cache::Key::from_prints(&files, &prints).map(|key| Keep {
            cache: cache.to_path_buf(),
            key,
            files,
            before,
        }),
        _ => None,
    };
    Ok((lib, keep))
}

pub(super) fn preview(dir: &Path) -> Result<Option<(Library, usize)>, ContentErrors> {
    read::preview(dir)
}

pub(super) fn from_sources(
    sources: impl IntoIterator<Item = (PathBuf, String)>,
    places: bool,
) -> Result<Library, ContentErrors> {
    let mut loader = build::Loader::default();
    for (path, text) in sources {
        let source = Source::new(&path, &text);
        let parsed = schema::parse(&source);
        loader.add(&source, part::part(&source, parsed));
    }
    let mut lib = loader.finish(Path::new("content"), true)?;
    if places {
        lib.find_places();
    }
    Ok(lib)
}

#[cfg(test)]
mod tests {
    use crate::content::{Library, bundled_copies};

    /// The copy a shared load writes beside its caller is whole once its
    /// `Keeping` is dropped: the next load reads it, and has none to write.
    #[test]
    fn a_copy_written_beside_the_caller_is_whole_when_it_is_let_go() {
        let root = std::env::temp_dir().join(format!("zhizao-keeping-{}", std::process::id()));
        let (dir, cache) = (root.join("articles"), root.join("cache"));
        std::fs::create_dir_all(&dir).unwrap();
        // The page's articles, renamed into a folder big enough to be kept.
        for (name, text) in bundled_copies(super::read::PREVIEW_FROM) {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let (lib, keeping) = Library::load_dir_shared(&dir, Some(&cache), None).unwrap();
        assert!(keeping.0.is_some(), "a cold load has a copy to write");
        drop(keeping);
        let (again, keep) = super::from_dir(&dir, Some(&cache), None, true).unwrap();
        assert!(
            keep.is_none(),
            "the copy was read, so none is to be written"
        );
        assert_eq!(format!("{again:?}"), format!("{lib:?}"));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
