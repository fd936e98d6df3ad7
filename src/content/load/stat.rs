//! A warm open without reading every file: the copy's key (a hash of every
//! file's bytes) is remembered beside what every file's metadata said when
//! it was made: device, inode, size, and modified and changed times to the
//! nanosecond. While all of that is the same, the key is too, and no file
//! is read to find the copy.
//!
//! It can never show stale text. The metadata is taken before any byte is
//! read (a [`Snapshot`]), so whatever changes after it shows in the next
//! look; a file written changes its change time, which no program can set
//! back. A snapshot taken within [`RACY`] of a file's last change is not
//! trusted, since a second change in the same clock tick would not show in
//! the times; the next open reads the files and records again. Anything
//! odd (no record, a short or foreign one, a file that cannot be looked
//! at) falls back to reading the bytes.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use xxhash_rust::xxh3::Xxh3;

use super::cache::Key;

/// How long before a record a file must have last changed for the record
/// to be trusted: longer than any file system's clock tick.
const RACY: Duration = Duration::from_secs(2);
/// A record's bytes: what the metadata hashed to, the key, the largest
/// file, the newest change among the files, and when the metadata was
/// taken.
const LEN: usize = 16 + 16 + 8 + 16 + 16;

/// The metadata of every file, hashed, and the newest change time among
/// them (nanoseconds since the epoch); None if a file cannot be looked at.
fn metadata(files: &[PathBuf]) -> Option<(u128, i128)> {
    use std::os::unix::fs::MetadataExt as _;
    let mut hash = Xxh3::new();
    let mut newest = i128::MIN;
    for path in files {
        let m = std::fs::symlink_metadata(path).ok()?;
        let changed = i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec());
        let modified = i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec());
        newest = newest.max(changed).max(modified);
        let name = path.file_name()?.as_encoded_bytes();
        hash.update(&(name.len() as u64).to_le_bytes());
        hash.update(name);
        for n in [m.dev(), m.ino(), m.size()] {
            hash.update(&n.to_le_bytes());
        }
        hash.update(&changed.to_le_bytes());
        hash.update(&modified.to_le_bytes());
    }
    Some((hash.digest128(), newest))
}

/// Where a collection's record is kept: one per folder.
fn record_path(cache: &Path, files: &[PathBuf]) -> Option<PathBuf> {
    let folder = files.first()?.parent()?;
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    let id = xxhash_rust::xxh3::xxh3_64(folder.as_os_str().as_encoded_bytes());
    Some(cache.join(format!("stat-{id:016x}.bin")))
}

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

/// What every file's metadata said at one moment, taken before any of
/// their bytes is read: a record made of it vouches for bytes read after.
pub(super) struct Snapshot {
    stat: u128,
    newest: i128,
    taken: i128,
}

/// The files' metadata now; None if a file cannot be looked at.
pub(super) fn snapshot(files: &[PathBuf]) -> Option<Snapshot> {
    let taken = now_ns();
    let (stat, newest) = metadata(files)?;
    Some(Snapshot {
        stat,
        newest,
        taken,
    })
}

/// The key the record gives for files whose metadata is `now`, if it can
/// be trusted.
pub(super) fn key(cache: &Path, files: &[PathBuf], now: &Snapshot) -> Option<Key> {
    let path = record_path(cache, files)?;
    let crate::private::Found::Bytes(bytes) = crate::private::read(&path, LEN as u64).ok()? else {
        return None;
    };
    let bytes: &[u8; LEN] = bytes.as_slice().try_into().ok()?;
    let at = |i: usize| u128::from_le_bytes(bytes[i..i + 16].try_into().unwrap_or_default());
    let (stat, key, largest) = (
        at(0),
        at(16),
        u64::from_le_bytes(bytes[32..40].try_into().ok()?),
    );
    let (newest, taken) = (at(40).cast_signed(), at(56).cast_signed());
    let racy = i128::try_from(RACY.as_nanos()).unwrap_or(i128::MAX);
    (now.stat == stat && now.newest == newest && newest < taken - racy)
        .then(|| Key::new(key, usize::try_from(largest).unwrap_or(usize::MAX)))
}

/// Records the key of files whose bytes were read after `before` was
/// taken. Failing to is no error: the next open reads the files.
pub(super) fn remember(cache: &Path, files: &[PathBuf], before: &Snapshot, key: Key) {
    let Some(path) = record_path(cache, files) else {
        return;
    };
    let (hash, largest) = key.parts();
    let mut record = Vec::with_capacity(LEN);
    record.extend_from_slice(&before.stat.to_le_bytes());
    record.extend_from_slice(&hash.to_le_bytes());
    record.extend_from_slice(&(largest as u64).to_le_bytes());
    record.extend_from_slice(&before.newest.to_le_bytes());
    record.extend_from_slice(&before.taken.to_le_bytes());
    let _ =
        crate::private::folder(cache).and_then(|()| crate::private::write(cache, &path, &record));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(dir: &Path) -> Vec<PathBuf> {
        let files: Vec<PathBuf> = (0..3).map(|i| dir.join(format!("{i}.toml"))).collect();
        for f in &files {
            std::fs::write(f, "x = 1\n").unwrap();
        }
        files
    }

    #[test]
    fn a_record_is_trusted_only_when_nothing_changed_and_not_just_before() {
        let (folder, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let files = collection(folder.path());
        let look = || snapshot(&files).unwrap();
        let key = Key::of(&files).unwrap();
        remember(cache.path(), &files, &look(), key);
        // Made just after the files changed: not trusted (a change in the
        // same tick would not show).
        assert_eq!(super::key(cache.path(), &files, &look()), None);
        // As if made well after: trusted, and it gives the key.
        let path = record_path(cache.path(), &files).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        let later = now_ns() + 10_000_000_000;
        bytes[56..72].copy_from_slice(&later.to_le_bytes());
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(super::key(cache.path(), &files, &look()), Some(key));
        // A file rewritten with bytes of the same length: its change time
        // moves, so the record no longer stands.
        std::fs::write(&files[1], "y = 2\n").unwrap();
        assert_eq!(super::key(cache.path(), &files, &look()), None);
        // A file gone, or a record cut short: no key from the record.
        std::fs::write(&path, &bytes[..10]).unwrap();
        assert_eq!(super::key(cache.path(), &files, &look()), None);
    }

    /// A file written after the metadata was taken but before (or while)
    /// the bytes were read: the record holds the metadata from before, so
    /// it never vouches for the bytes now, however long the read took.
    #[test]
    fn a_file_changed_after_the_snapshot_is_never_vouched_for() {
        let (folder, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let files = collection(folder.path());
        let past = SystemTime::now() - Duration::from_secs(60);
        for f in &files {
            std::fs::File::options()
                .write(true)
                .open(f)
                .unwrap()
                .set_modified(past)
                .unwrap();
        }
        let mut before = snapshot(&files).unwrap();
        // As if the change times were long past too (they are set by the
        // system only): what is under test is what changes after.
        before.newest = before.taken - 10_000_000_000;
        std::fs::write(&files[2], "z = 3\n").unwrap();
        let key = Key::of(&files).unwrap();
        remember(cache.path(), &files, &before, key);
        let mut now = snapshot(&files).unwrap();
        now.newest = before.newest;
        assert_eq!(super::key(cache.path(), &files, &now), None);
        // Had nothing changed, the same record is trusted.
        let unchanged = Snapshot {
            newest: before.newest,
            taken: before.taken,
            ..snapshot(&files).unwrap()
        };
        remember(cache.path(), &files, &unchanged, key);
        assert_eq!(super::key(cache.path(), &files, &now), Some(key));
    }
}
