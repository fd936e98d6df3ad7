//! Where the state lives and how it is written: one JSON file per
//! collection in `$XDG_STATE_HOME/zhizao/` (`~/.local/state/zhizao/`, made
//! private), written atomically (a temporary file of unpredictable name,
//! fsync, rename) under a lock waited for a bounded time, merged with what
//! another reader wrote since. A file that cannot be read, is not a regular
//! file or is too big is set aside, never fatal (see `crate::private`).

use std::path::{Path, PathBuf};

use super::{FORMAT, Saved};
use crate::private::{self, Found};

/// What a store keeps: the session, or the notes. Read, it is bounded;
/// written, merged with what another reader wrote since.
pub trait Kept: Default + Sized {
    /// What the file is called in a message: 状态文件, 笔记文件.
    const WHAT: &'static str;
    /// The file's contents, or why it is not one of ours (a newer format).
    ///
    /// # Errors
    /// Why it cannot be read, in the reader's words.
    fn from_bytes(bytes: &[u8]) -> Result<Self, String>;
    /// # Errors
    /// Serialising: none in practice.
    fn to_bytes(&self) -> std::io::Result<Vec<u8>>;
    #[must_use]
    fn merged(self, theirs: Self) -> Self;
}

impl Kept for Saved {
    const WHAT: &'static str = "状态文件";
    fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        match serde_json::from_slice::<Saved>(bytes) {
            Ok(saved) if saved.format <= FORMAT => Ok(saved.bounded()),
            Ok(saved) => Err(format!("它来自更新的版本（格式 {}）", saved.format)),
            Err(e) => Err(format!("无法解析：{e}")),
        }
    }
    fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        serde_json::to_vec(self).map_err(std::io::Error::other)
    }
    fn merged(self, theirs: Self) -> Self {
        Saved::merged(self, theirs)
    }
}

/// The notes file beside a collection's state file: `NAME.notes.json`.
#[must_use]
pub fn notes_name(state_name: &str) -> String {
    format!("{}.notes.json", state_name.trim_end_matches(".json"))
}

/// The largest state file read: 100,000 bookmarks take under 10 MiB.
const MAX_BYTES: u64 = 64 << 20;

/// The state folder: `$XDG_STATE_HOME/zhizao`, else `~/.local/state/zhizao`.
#[must_use]
pub fn default_dir() -> Option<PathBuf> {
    dirs::state_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local").join("state")))
        .map(|d| d.join("zhizao"))
}

/// The file name for a collection: the bundled page, or a folder by its
/// canonical path, so two folders never share state.
#[must_use]
pub fn file_name(collection: Option<&Path>) -> String {
    let Some(dir) = collection else {
        return "bundled.json".to_owned();
    };
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let shown: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(32)
        .collect();
    format!(
        "folder-{shown}-{:016x}.json",
        fnv1a(canonical.as_os_str().as_encoded_bytes())
    )
}

/// A hash that stays the same from one build to the next (the standard
/// library's does not promise to).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One collection's state file.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    file: PathBuf,
}

/// What loading found.
#[derive(Debug)]
pub struct Loaded<T = Saved> {
    pub saved: T,
    /// Something to tell the reader once: a file set aside, say.
    pub notice: Option<String>,
}

impl Store {
    #[must_use]
    pub fn new(dir: PathBuf, name: &str) -> Self {
        let file = dir.join(name);
        Store { dir, file }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// Reads the state. No file is a fresh start; a file that is corrupt,
    /// unreadable, not a regular file (a link, FIFO, folder), too big, or
    /// from a newer format is moved aside as `NAME.corrupt-SECONDS` and the
    /// reader starts fresh.
    #[must_use]
    pub fn load<T: Kept>(&self) -> Loaded<T> {
        let fresh = |notice: Option<String>| Loaded {
            saved: T::default(),
            notice,
        };
        let problem = match private::read(&self.file, MAX_BYTES) {
            Ok(Found::Bytes(bytes)) => match T::from_bytes(&bytes) {
                Ok(saved) => return fresh(None).with(saved),
                Err(why) => why,
            },
            Ok(Found::Missing) => return fresh(None),
            Ok(Found::NotAFile) => "不是普通文件".to_owned(),
            Ok(Found::TooBig(n)) => format!("过大（{n} 字节）"),
            Err(e) => format!("无法读取：{e}"),
        };
        let what = T::WHAT;
        let notice = match private::set_aside(&self.file) {
            Some(to) => format!("{what}{problem}；已另存为 {}，从头开始", to.display()),
            None => format!("{what}{problem}；从头开始"),
        };
        fresh(Some(crate::sanitize::for_terminal(&notice)))
    }

    /// Writes `ours`, merged with the file as another reader may have left
    /// it (its bookmarks and tombstones, each paragraph's newest word
    /// winning). Returns what was written.
    ///
    /// # Errors
    /// The folder cannot be made or written, or another reader held the
    /// lock longer than [`private::LOCK_WAIT`].
    pub fn save<T: Kept>(&self, ours: T) -> std::io::Result<T> {
        self.save_with(ours, |_| Ok(()))
    }

    /// [`Self::save`], with a step between writing the temporary file and
    /// renaming it, where a test makes the write die.
    fn save_with<T: Kept>(
        &self,
        ours: T,
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> std::io::Result<T> {
        private::folder(&self.dir)?;
        let lock = private::lock(&self.dir)?;
        let theirs = match private::read(&self.file, MAX_BYTES) {
            Ok(Found::Bytes(bytes)) => T::from_bytes(&bytes).unwrap_or_default(),
            _ => T::default(),
        };
        let merged = ours.merged(theirs);
        let json = merged.to_bytes()?;
        private::write_with(&self.dir, &self.file, &json, before_rename)?;
        drop(lock);
        Ok(merged)
    }
}

impl<T> Loaded<T> {
    fn with(mut self, saved: T) -> Self {
        self.saved = saved;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tests::mark;

    use std::fs;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zhizao-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_write_killed_before_the_rename_leaves_the_last_state_whole() {
        let dir = folder("atomic");
        let store = Store::new(dir.clone(), "bundled.json");
        let first = Saved {
            searches: vec!["nb".into()],
            ..Saved::default()
        };
        store.save(first).unwrap();
        let second = Saved {
            searches: vec!["austin".into()],
            ..Saved::default()
        };
        let died = store.save_with(second, |_| Err(std::io::Error::other("killed")));
        assert!(died.is_err());
        let loaded = store.load::<Saved>();
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.saved.searches, ["nb"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn names_differ_by_folder_and_stay_put() {
        let a = file_name(Some(Path::new("/tmp/a/content")));
        let b = file_name(Some(Path::new("/tmp/b/content")));
        assert_ne!(a, b);
        assert_eq!(a, file_name(Some(Path::new("/tmp/a/content"))));
        assert!(a.starts_with("folder-content-"));
        assert_eq!(file_name(None), "bundled.json");
    }

    #[test]
    fn two_writers_interleaved_keep_both_bookmarks() {
        let dir = folder("two");
        let store = Store::new(dir.clone(), "bundled.json");
        // Both load the same (empty) state, then each adds a bookmark and
        // saves, one after the other, as two readers open at once would.
        let one = Saved {
            bookmarks: vec![mark("capital")],
            ..Saved::default()
        };
        let two = Saved {
            bookmarks: vec![mark("models")],
            ..Saved::default()
        };
        let threads: Vec<_> = [one, two]
            .into_iter()
            .map(|s| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        store.save(s.clone()).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let loaded = store.load::<Saved>();
        assert_eq!(loaded.notice, None);
        let mut nodes: Vec<String> = loaded.saved.bookmarks.into_iter().map(|b| b.node).collect();
        nodes.sort();
        assert_eq!(nodes, ["capital", "models"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
