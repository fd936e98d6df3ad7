//! The folders that are ours (state, cache): made private (0700); a file
//! in them is opened without following a link and without waiting on a
//! FIFO, read only if it is a regular file and under a size cap, and
//! written through a temporary file of unpredictable name, made with
//! `O_EXCL` and renamed into place. What else is found at a path we use is
//! set aside, never followed.

use std::fs::{self, File};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest a reader waits for another one's lock before running on.
pub const LOCK_WAIT: Duration = Duration::from_secs(2);

/// What was found at a path.
#[derive(Debug)]
pub enum Found {
    Missing,
    Bytes(Vec<u8>),
    /// Something other than a regular file: a link, FIFO, folder, device.
    NotAFile,
    /// A regular file over the cap, by its size.
    TooBig(u64),
}

/// Makes the folder (and its parents) private to the user where it makes them.
///
/// # Errors
/// It cannot be made.
pub fn folder(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Opens an existing file to read, or with `create` to write, without
/// following a link at its name and without blocking on a FIFO.
fn open(path: &Path, create: bool) -> io::Result<File> {
    let mut options = File::options();
    if create {
        options.write(true).create(true).truncate(false);
    } else {
        options.read(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC,
    );
    options.open(path)
}

/// Reads a file whole if it is a regular file of at most `cap` bytes.
///
/// # Errors
/// It is there and cannot be read.
pub fn read(path: &Path, cap: u64) -> io::Result<Found> {
    let file = match open(path, false) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        // A link at the name (ELOOP), or a folder on some systems.
        Err(e) if is_link_refused(&e) => return Ok(Found::NotAFile),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Found::NotAFile);
    }
    if meta.len() > cap {
        return Ok(Found::TooBig(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Ok(Found::TooBig(bytes.len() as u64));
    }
    Ok(Found::Bytes(bytes))
}

/// Opens a regular file to read as a stream (the cache copy); None if
/// there is none, or something else is there (which is set aside).
#[must_use]
pub fn open_regular(path: &Path) -> Option<File> {
    let file = match open(path, false) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
        Err(_) => {
            set_aside(path);
            return None;
        }
    };
    if file.metadata().is_ok_and(|m| m.is_file()) {
        // O_NONBLOCK guarded the open against a FIFO; on a regular file it
        // changes nothing about reading.
        Some(file)
    } else {
        drop(file);
        set_aside(path);
        None
    }
}

fn is_link_refused(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Moves whatever is at `path` aside as `NAME.corrupt-SECONDS`, so the
/// path is free; where it went.
#[allow(clippy::must_use_candidate)] // moving it aside is the point
pub fn set_aside(path: &Path) -> Option<PathBuf> {
    let to = aside_name(path);
    fs::rename(path, &to).ok().map(|()| to)
}

/// A name beside `path` for something set aside, never one in use:
/// `NAME.corrupt-SECONDS`, with `-N` added while that is taken.
#[must_use]
pub fn aside_name(path: &Path) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut base = path.as_os_str().to_owned();
    base.push(format!(".corrupt-{seconds}"));
    let mut to = PathBuf::from(&base);
    let mut n = 1;
    while to.symlink_metadata().is_ok() {
        let mut next = base.clone();
        next.push(format!("-{n}"));
        to = PathBuf::from(next);
        n += 1;
    }
    to
}

/// A second name for the file at `path` (or, where that cannot be made, a
/// copy of its bytes), under a temporary name in `dir`: to become the
/// backup once a new file has been written over `path`. Removed if
/// dropped first, so a write that fails leaves the old backup as it was.
#[must_use]
pub fn stage_copy(dir: &Path, path: &Path) -> Option<tempfile::TempPath> {
    let tmp = temporary(dir, ".").ok()?.into_temp_path();
    let _ = fs::remove_file(&tmp);
    let made = fs::hard_link(path, &tmp).is_ok()
        || matches!(read(path, u64::MAX), Ok(Found::Bytes(bytes)) if fs::write(&tmp, &bytes).is_ok());
    made.then_some(tmp)
}

/// Puts a staged copy at `to`; whatever is there that is not a regular
/// file (a folder, a link) is set aside first. False when it could not be.
#[must_use]
pub fn place_copy(staged: tempfile::TempPath, to: &Path) -> bool {
    if to
        .symlink_metadata()
        .is_ok_and(|m| !m.file_type().is_file())
    {
        let _ = set_aside(to);
    }
    staged.persist(to).is_ok()
}

/// Removes our temporary files (`.NAME.tmp`, as [`temporary`] makes them)
/// older than `age` from `dir`: what a write killed halfway left. The
/// caller holds the folder's lock, so no write of ours is under way. How
/// many were removed.
#[allow(clippy::must_use_candidate)] // removing them is the point
pub fn remove_stale_temporaries(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry.metadata().is_ok_and(|m| {
            m.is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|e| e > age)
        });
        if old && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The folder's lock, held until dropped: another reader's is waited for
/// at most [`LOCK_WAIT`]. A link, FIFO or folder at the lock's name is set
/// aside and a lock file made in its place.
///
/// # Errors
/// The lock cannot be made, or another reader held it all that time.
pub fn lock(dir: &Path) -> io::Result<File> {
    let path = dir.join(".lock");
    let file = match open(&path, true) {
        Ok(file) if file.metadata()?.is_file() => file,
        _ => {
            set_aside(&path);
            open(&path, true)?
        }
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("the lock is not a file"));
    }
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    "another zhizao holds the folder's lock",
                ));
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
    }
}

/// A temporary file in `dir` under a name nobody can guess, created with
/// `O_EXCL`: a planted link is never written through. Removed if dropped
/// before [`NamedTempFile::persist`].
///
/// # Errors
/// It cannot be made.
pub fn temporary(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Writes `bytes` to `path` atomically, synced: a temporary file, then a
/// rename over whatever is at `path` (a link there is replaced, not followed).
///
/// # Errors
/// It cannot be written; nothing is left behind.
pub fn write(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(dir, path, bytes, |_| Ok(()))
}

/// [`write`], with a step between writing the temporary file and renaming
/// it, where a test makes the write die.
///
/// # Errors
/// As [`write`], or the step's.
pub fn write_with(
    dir: &Path,
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let mut tmp = temporary(dir, ".")?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    before_rename(tmp.path())?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself lasts once the folder is on disk too.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests;
