//! A binary copy of a big collection once it has loaded without a problem,
//! so the next start skips parsing TOML. It can never show stale text: it
//! is found by a hash of every file's name and bytes (and the format of
//! the copy), and checked whole against a checksum before it is used. A
//! copy that is missing, truncated, corrupt or from another version is
//! passed over and written again.

use std::io::{Read, Seek as _, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use super::read::{Print, print, read_bytes};
use crate::content::Library;

/// Changes whenever the library's shape or the rules that build it do.
const FORMAT: &[u8] = concat!("zhizao-library 4 ", env!("CARGO_PKG_VERSION"), "\n").as_bytes();
/// Copies kept: one per collection read lately.
const KEEP: usize = 4;
/// A copy half written and untouched this long was left by a reader that
/// quit or was killed while writing it: a writer streams without pause.
const ABANDONED: std::time::Duration = std::time::Duration::from_secs(600);

/// What a collection's copy is found by, and the size of its largest file:
/// no string in the library is longer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key(u128, usize);

impl Key {
    /// A key as a record of it holds it: the hash and the largest file.
    pub(super) fn new(hash: u128, largest: usize) -> Key {
        Key(hash, largest)
    }

    /// The hash and the largest file, to record.
    pub(super) fn parts(self) -> (u128, usize) {
        (self.0, self.1)
    }

    /// Every file's name and bytes, in order; None if one cannot be read
    /// (the load that follows says why).
    pub(super) fn of(files: &[PathBuf]) -> Option<Key> {
        let prints: Option<Vec<Print>> = files
            .iter()
            .map(|path| read_bytes(path).ok().map(|bytes| print(&bytes)))
            .collect();
        Key::from_prints(files, &prints?)
    }

    /// The key of files whose bytes were already read and printed, one
    /// print per file in order.
    pub(super) fn from_prints(files: &[PathBuf], prints: &[Print]) -> Option<Key> {
        if prints.len() != files.len() {
            return None;
        }
        let mut hash = Xxh3::new();
        hash.update(FORMAT);
        let mut largest = 0;
        for (path, &(bytes, len)) in files.iter().zip(prints) {
            let name = path.file_name()?.as_encoded_bytes();
            largest = largest.max(len);
            hash.update(&(name.len() as u64).to_le_bytes());
            hash.update(name);
            hash.update(&bytes.to_le_bytes());
            hash.update(&(len as u64).to_le_bytes());
        }
        Some(Key(hash.digest128(), largest))
    }

    fn path(self, dir: &Path) -> PathBuf {
        dir.join(format!("library-{:032x}.bin", self.0))
    }
}

/// The collection's copy, if there is a sound one. Decoded as it is read,
/// so the file is never in memory beside the library; checked against its
/// length and checksum once read.
pub(super) fn get(dir: &Path, key: Key) -> Option<Library> {
    // Copies half written by a reader that was killed go, found or not.
    prune(dir);
    let path = key.path(dir);
    // A link, FIFO or folder at the copy's name is set aside, not read.
    let file = crate::private::open_regular(&path)?;
    let found = decode(std::io::BufReader::with_capacity(1 << 16, file), key);
    if found.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    found
}

fn decode(mut from: impl Read, key: Key) -> Option<Library> {
    let mut head = vec![0; FORMAT.len() + 32];
    from.read_exact(&mut head).ok()?;
    let rest = head.strip_prefix(FORMAT)?;
    let (stored_key, rest) = rest.split_at(16);
    let (len, sum) = rest.split_at(8);
    if stored_key != key.0.to_le_bytes() {
        return None;
    }
    let len = u64::from_le_bytes(len.try_into().ok()?);
    let sum = u64::from_le_bytes(sum.try_into().ok()?);
    let mut reader = Summed {
        inner: from.take(len),
        hash: Xxh3::new(),
        bytes: 0,
    };
    // Room for the longest string, which a file of the collection holds.
    let mut scratch = vec![0; key.1 + 64];
    let (lib, _) = postcard::from_io::<Library, _>((&mut reader, &mut scratch)).ok()?;
    // All of it read, nothing after it, and every byte as written.
    let (read, hash) = (reader.bytes, reader.hash.digest());
    let ended = reader.inner.into_inner().read(&mut [0]).ok()? == 0;
    // A copy holds only what the content files may: its checksum is no
    // key, and whoever can write the cache could write one to match.
    (ended && read == len && hash == sum && !crate::sanitize::holds_forbidden(&lib)).then_some(lib)
}

/// A reader or writer that sums what passes through it, and counts it.
struct Summed<R> {
    inner: R,
    hash: Xxh3,
    bytes: u64,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<R: Read> Read for Summed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Writes the collection's copy (atomically: a reader never sees half of
/// one) and keeps only the newest few. Failing to is no error: the next
/// start parses the files again. Not synced to disk: a copy a crash cut
/// short fails its checksum and is passed over.
pub(super) fn put(dir: &Path, key: Key, lib: &Library) {
    prune(dir);
    let path = key.path(dir);
    let written = crate::private::folder(dir).and_then(|()| {
        // An unguessable name, made with O_EXCL: a planted link is never
        // written through, and a copy left half written is removed on drop.
        let mut tmp = crate::private::temporary(dir, "library-")?;
        let file = tmp.as_file_mut();
        file.write_all(FORMAT)?;
        file.write_all(&key.0.to_le_bytes())?;
        // Length and checksum, filled in once the library has streamed
        // past: it is never held twice in memory.
        file.write_all(&[0; 16])?;
        let mut out = Summed {
            inner: std::io::BufWriter::with_capacity(1 << 16, &mut *file),
            hash: Xxh3::new(),
            bytes: 0,
        };
        postcard::to_io(lib, &mut out).map_err(std::io::Error::other)?;
        out.inner.flush()?;
        let (len, sum) = (out.bytes, out.hash.digest());
        drop(out);
        file.seek(std::io::SeekFrom::Start((FORMAT.len() + 16) as u64))?;
        file.write_all(&len.to_le_bytes())?;
        file.write_all(&sum.to_le_bytes())?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    });
    if written.is_ok() {
        prune(dir);
    }
}

/// Whether the folder holds any copy at all: with none, reading and
/// hashing every file to find one would be wasted.
pub(super) fn any(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("library-") && name.ends_with(".bin")
        })
    })
}

/// Removes all but the [`KEEP`] newest copies, and copies abandoned half
/// written.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    let mut copies: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(modified) = entry.metadata().and_then(|m| m.modified()).ok() else {
            continue;
        };
        if !name.starts_with("library-") {
            continue;
        }
        if name.contains(".corrupt-") {
            // Set aside as not a file; a cache need not keep it.
            let _ = std::fs::remove_file(entry.path())
                .or_else(|_| std::fs::remove_dir_all(entry.path()));
        } else if name.ends_with(".bin") {
            copies.push((modified, entry.path()));
        } else if name.contains(".tmp")
            && now.duration_since(modified).unwrap_or_default() > ABANDONED
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    copies.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, path) in copies.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::{Key, decode, get, put};
    use crate::content::Library;

    #[test]
    fn a_copy_comes_back_whole_and_a_damaged_one_is_passed_over() {
        let dir = std::env::temp_dir().join(format!("zhizao-cache-{}", std::process::id()));
        let lib = Library::bundled().unwrap();
        let key = Key(7, 64 * 1024);
        put(&dir, key, &lib);
        let back = get(&dir, key).expect("the copy is read back");
        assert_eq!(format!("{back:?}"), format!("{lib:?}"));
        assert!(
            get(&dir, Key(8, 1024)).is_none(),
            "another key finds nothing"
        );
        let path = key.path(&dir);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(decode(&bytes[..], key).is_none(), "one flipped bit");
        assert!(
            decode(&bytes[..bytes.len() / 2], key).is_none(),
            "cut short"
        );
        let mut longer = std::fs::read(&path).unwrap();
        assert!(decode(&longer[..], key).is_some());
        longer.push(0);
        assert!(decode(&longer[..], key).is_none(), "something after it");
        std::fs::write(&path, &bytes).unwrap();
        assert!(get(&dir, key).is_none());
        assert!(!path.exists(), "a damaged copy is removed");
        // A copy whose checksum was made to match text holding an escape
        // sequence (whoever writes the cache can): never read.
        let mut poisoned = lib.clone();
        poisoned.articles[0].byline = Some("\u{1b}]0;PWN\u{7}".to_owned());
        put(&dir, key, &poisoned);
        assert!(get(&dir, key).is_none(), "a control character in a copy");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_copy_abandoned_half_written_is_cleared_and_one_being_written_is_not() {
        let dir = std::env::temp_dir().join(format!("zhizao-cache-tmp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let old = dir.join("library-0001.tmp1");
        let fresh = dir.join("library-0002.tmp2");
        let other = dir.join("notes.tmp");
        for path in [&old, &fresh, &other] {
            std::fs::write(path, b"half").unwrap();
        }
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for path in [&old, &other] {
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
        put(&dir, Key(9, 64 * 1024), &Library::bundled().unwrap());
        assert!(!old.exists(), "abandoned an hour ago");
        // And when the copy is found, not written: pruned all the same.
        let older = dir.join("library-0003.tmp3");
        std::fs::write(&older, b"half").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&older)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        assert!(get(&dir, Key(9, 64 * 1024)).is_some());
        assert!(!older.exists(), "pruned on a copy found");
        assert!(fresh.exists(), "perhaps still being written");
        assert!(other.exists(), "not ours");
        assert!(get(&dir, Key(9, 64 * 1024)).is_some());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_fifo_folder_or_link_at_the_copy_is_set_aside_and_the_copy_made_again() {
        let dir = std::env::temp_dir().join(format!("zhizao-cache-odd-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let lib = Library::bundled().unwrap();
        let outside = dir.with_extension("outside");
        std::fs::write(&outside, "theirs").unwrap();
        for (i, odd) in ["fifo", "folder", "link"].into_iter().enumerate() {
            let key = Key(100 + i as u128, 64 * 1024);
            let path = key.path(&dir);
            match odd {
                "fifo" => assert!(
                    std::process::Command::new("mkfifo")
                        .arg(&path)
                        .status()
                        .unwrap()
                        .success()
                ),
                "folder" => std::fs::create_dir(&path).unwrap(),
                _ => std::os::unix::fs::symlink(&outside, &path).unwrap(),
            }
            let start = std::time::Instant::now();
            assert!(get(&dir, key).is_none(), "{odd}");
            assert!(
                start.elapsed() < std::time::Duration::from_secs(1),
                "{odd} never hangs"
            );
            put(&dir, key, &lib);
            assert!(get(&dir, key).is_some(), "{odd}: the copy is made again");
        }
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "theirs");
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_file(&outside).unwrap();
    }
}
