//! Reading a folder of content files: which files, each read whole only if
//! it is a regular file under the size limit, parsed on worker threads and
//! built in file order.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::build::Loader;
use super::part::part;
use super::schema::parse;
use super::{MAX_FILE_BYTES, MAX_FILES};
use crate::content::location::Source;
use crate::content::{ContentError, ContentErrors, Growth, Library};

/// Folders with at least this many files open on their first article while
/// the rest loads.
pub const PREVIEW_FROM: usize = 200;

/// A growing collection's last look is at most this fraction of it: the
/// reader holds the look, and its index, while the whole is indexed, and
/// at a sixteenth that is at most 0.1x the text on top of the whole's.
const LOOK_SHARE: usize = 16;

/// Files built when a growing collection first shows what it has.
const FIRST_LOOK: usize = 32;

pub(super) fn listed(dir: &Path) -> Result<Vec<PathBuf>, ContentErrors> {
    list(dir, MAX_FILES).map_err(|message| {
        ContentErrors(vec![ContentError::Path {
            path: dir.to_path_buf(),
            message,
        }])
    })
}

/// The first article of a big folder (and any places before it), to show
/// while the rest loads; None for a folder small enough to load at once.
/// Also the number of files, for the progress shown.
pub(super) fn preview(dir: &Path) -> Result<Option<(Library, usize)>, ContentErrors> {
    let files = listed(dir)?;
    if files.len() < PREVIEW_FROM {
        return Ok(None);
    }
    let mut loader = Loader::default();
    for path in &files {
        let text = read_file(path).map_err(|e| ContentErrors(vec![e]))?;
        let source = Source::new(path, text.as_str());
        let parsed = parse(&source);
        let article = parsed.doc.as_ref().is_some_and(|doc| doc.article.is_some());
        loader.add(&source, part(&source, parsed));
        if article {
            break;
        }
    }
    match loader.snapshot() {
        Some(lib) => Ok(Some((lib, files.len()))),
        None => Err(ContentErrors::sorted(loader.errors)),
    }
}

pub(super) fn from_files(
    dir: &Path,
    files: &[PathBuf],
    mut growth: Option<Growth<'_>>,
) -> (Result<Library, ContentErrors>, Vec<Print>) {
    // Workers read, print (for the cache's key), parse and build files,
    // each on its own; this thread joins them in file order.
    // The channel is bounded, so only a few parsed files wait at any time and
    // memory stays the library's.
    let mut loader = Loader::default();
    let mut prints = Vec::with_capacity(files.len());
    let mut complete = true;
    let mut next_look = FIRST_LOOK;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = crate::threads();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(8);
        for _ in 0..workers {
            let (tx, next, files) = (tx.clone(), &next, &files);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(i) else { return };
                    let read = read_file(path).map(|text| {
                        let source = Source::new(path, text.as_str());
                        let built = part(&source, parse(&source));
                        (print(text.as_str().as_bytes()), text, built)
                    });
                    if tx.send((i, read)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (i, read) in rx {
            waiting.insert(i, read);
            while let Some(read) = waiting.remove(&due) {
                match read {
                    Ok((printed, text, built)) => {
                        prints.push(printed);
                        loader.add(&Source::new(&files[due], text.as_str()), built);
                    }
                    Err(e) => {
                        complete = false;
                        loader.errors.push(e);
                    }
                }
                due += 1;
                if let Some(growth) = &mut growth {
                    growth
                        .built
                        .store(due, std::sync::atomic::Ordering::Relaxed);
                    // A look is at most a sixteenth of the whole.
                    if due == next_look && due * LOOK_SHARE <= files.len() {
                        next_look *= 4;
                        if let Some(lib) = loader.snapshot() {
                            (growth.grown)(lib, due);
                        }
                    }
                }
            }
        }
    });
    (loader.finish(dir, complete), prints)
}

/// The folder's `*.toml` files, sorted; or what is wrong with the folder,
/// such as holding more than `most` of them.
fn list(dir: &Path, most: usize) -> Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("no such folder".into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err("not a folder".into());
        }
        Err(e) => return Err(format!("cannot read folder: {e}")),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
            if files.len() > most {
                return Err(format!(
                    "more than {most} .toml files: a collection holds at most that many articles; refusing to load"
                ));
            }
        }
    }
    if files.is_empty() {
        return Err("no .toml content files in this folder".into());
    }
    files.sort();
    Ok(files)
}

/// A file's bytes, checked to be UTF-8 when read. The check is simdutf8's,
/// which runs at many times the speed of std's on Chinese text (three-byte
/// characters defeat std's ASCII fast path); it is cheap enough to repeat
/// each time the text is borrowed, which keeps `unsafe` out of the crate.
pub(super) struct Utf8File(Vec<u8>);

impl Utf8File {
    pub(super) fn as_str(&self) -> &str {
        // Never empty by surprise: only a checked file is made.
        simdutf8::basic::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Reads one file as UTF-8. Only a regular file (after following links) is
/// opened: a FIFO would block and a device never end. Never more than the
/// limit and one byte is read, whatever the file claims its size is.
fn read_file(path: &Path) -> Result<Utf8File, ContentError> {
    let fail = |message: String| ContentError::Path {
        path: path.to_path_buf(),
        message,
    };
    let bytes = read_bytes(path)?;
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        return Ok(Utf8File(bytes));
    }
    // Where it fails, by std's check, which says.
    let at = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
    let line = bytes[..at].split(|&b| b == b'\n').count();
    Err(fail(format!(
        "not UTF-8: invalid byte 0x{:02X} on line {line}",
        bytes.get(at).copied().unwrap_or(0)
    )))
}

/// One file's bytes in brief, for a cached copy's key: a hash of them, and
/// their length.
pub(super) type Print = (u128, usize);

pub(super) fn print(bytes: &[u8]) -> Print {
    (xxhash_rust::xxh3::xxh3_128(bytes), bytes.len())
}

/// [`read_file`]'s bytes, before they are checked to be UTF-8.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, ContentError> {
    read_regular(path, MAX_FILE_BYTES).map_err(|message| ContentError::Path {
        path: path.to_path_buf(),
        message,
    })
}

/// A regular file's bytes (after following links), never more than `cap`:
/// opened without waiting on a FIFO, a device or anything else refused,
/// whatever size the file claims read only to the cap and one byte. Why
/// not, in a sentence.
///
/// # Errors
/// It is not a regular file, cannot be read, or is over the cap.
pub fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    let mut options = std::fs::File::options();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let over = |n: u64| format!("file is {n} bytes, over the {} MiB limit", cap >> 20);
    if meta.len() > cap {
        return Err(over(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!(
            "file grew over the {} MiB limit while being read",
            cap >> 20
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    /// The cap counts `.toml` files only, and says what it is.
    #[test]
    fn a_folder_past_the_cap_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..=5 {
            std::fs::write(dir.path().join(format!("{i}.toml")), "").unwrap();
            std::fs::write(dir.path().join(format!("{i}.txt")), "").unwrap();
        }
        assert_eq!(super::list(dir.path(), 6).map(|f| f.len()), Ok(6));
        assert_eq!(
            super::list(dir.path(), 5),
            Err("more than 5 .toml files: a collection holds at most that many articles; refusing to load".to_owned())
        );
    }
}
