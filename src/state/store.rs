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
    /// Parts of the file that could not be read (a malformed note), taken
    /// out: how many, and their bytes as a file of their own. A save writes
    /// them there before the file is written without them.
    fn take_unreadable(&mut self) -> Option<(usize, Vec<u8>)> {
        None
    }
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

/// The largest state or notes file read, and written: 100,000 bookmarks
/// take under 10 MiB. One cap both ways, so nothing is written that the
/// next start would refuse.
pub const MAX_BYTES: u64 = 64 << 20;

/// Why a save wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("another zhizao holds the state folder's lock")]
    Locked,
    #[error(
        "the file would be {} MiB, over the {} MiB it may hold; nothing was written",
        .0.div_ceil(1 << 20),
        MAX_BYTES >> 20
    )]
    TooBig(u64),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl SaveError {
    /// The same in the reader's words.
    #[must_use]
    pub fn in_chinese(&self) -> String {
        match self {
            SaveError::Locked => "另一个 zhizao 正占用状态文件夹".to_owned(),
            SaveError::TooBig(n) => format!(
                "文件将有 {} MiB，超过上限 {} MiB，未写入",
                n.div_ceil(1 << 20),
                MAX_BYTES >> 20
            ),
            SaveError::Io(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
                "文件过大，超出系统允许的文件大小，未写入".to_owned()
            }
            SaveError::Io(e) if e.kind() == std::io::ErrorKind::StorageFull => {
                "磁盘已满，未写入".to_owned()
            }
            SaveError::Io(e) => e.to_string(),
        }
    }
}

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

    /// Where the last good file is kept: `NAME.bak`.
    fn backup(&self) -> PathBuf {
        let mut bak = self.file.as_os_str().to_owned();
        bak.push(".bak");
        PathBuf::from(bak)
    }

    /// Reads the state. No file is a fresh start; a file that is corrupt,
    /// unreadable, not a regular file (a link, FIFO, folder), too big, or
    /// from a newer format is moved aside as `NAME.corrupt-SECONDS`, and the
    /// last good copy (`NAME.bak`) read in its place, else a fresh start.
    #[must_use]
    pub fn load<T: Kept>(&self) -> Loaded<T> {
        let problem = match read_kept::<T>(&self.file) {
            Ok(None) => {
                return Loaded {
                    saved: T::default(),
                    notice: None,
                };
            }
            Ok(Some(mut saved)) => {
                let notice = saved.take_unreadable().map(|(n, _)| {
                    format!(
                        "{}中有 {n} 项无法读取，已跳过；下次保存时另存一份，不会丢失",
                        T::WHAT
                    )
                });
                return Loaded { saved, notice };
            }
            Err(why) => why,
        };
        let what = T::WHAT;
        let aside = private::set_aside(&self.file);
        let recovered = match read_kept::<T>(&self.backup()) {
            Ok(Some(mut saved)) => {
                let _ = saved.take_unreadable();
                Some(saved)
            }
            _ => None,
        };
        let then = if recovered.is_some() {
            "已从上次的备份恢复"
        } else {
            "从头开始"
        };
        let notice = match aside {
            Some(to) => format!("{what}{problem}；已另存为 {}，{then}", to.display()),
            None => format!("{what}{problem}；{then}"),
        };
        Loaded {
            saved: recovered.unwrap_or_default(),
            notice: Some(crate::sanitize::for_terminal(&notice)),
        }
    }

    /// Writes `ours`, merged with the file as another reader may have left
    /// it (its bookmarks and tombstones, each paragraph's newest word
    /// winning). Returns what was written, and what was set aside.
    ///
    /// Nothing is ever written over what could not be read: a file on disk
    /// that does not parse, is too big or is not a regular file is set
    /// aside first (`NAME.corrupt-SECONDS`), parts of it that could not be
    /// read are written to a file of their own, and the last good file is
    /// kept as `NAME.bak`. A file that would pass [`MAX_BYTES`] is refused
    /// before anything changes.
    ///
    /// # Errors
    /// The folder cannot be made or written, another reader held the lock
    /// longer than [`private::LOCK_WAIT`], or the file would be too big.
    pub fn save<T: Kept>(&self, ours: T) -> Result<Written<T>, SaveError> {
        self.save_with(ours, |_| Ok(()))
    }

    /// [`Self::save`], with a step between writing the temporary file and
    /// renaming it, where a test makes the write die.
    fn save_with<T: Kept>(
        &self,
        ours: T,
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<Written<T>, SaveError> {
        private::folder(&self.dir)?;
        let lock = private::lock(&self.dir).map_err(|e| {
            if e.kind() == std::io::ErrorKind::WouldBlock {
                SaveError::Locked
            } else {
                SaveError::Io(e)
            }
        })?;
        // A file that cannot be read is merged as its last good copy was.
        let recovered = || match read_kept::<T>(&self.backup()) {
            Ok(Some(mut saved)) => {
                let _ = saved.take_unreadable();
                Some(saved)
            }
            _ => None,
        };
        let (mut theirs, good, unreadable_file, from_backup) = match read_kept::<T>(&self.file) {
            Ok(Some(theirs)) => (theirs, true, false, false),
            Ok(None) => (T::default(), false, false, false),
            Err(_) => match recovered() {
                Some(saved) => (saved, false, true, true),
                None => (T::default(), false, true, false),
            },
        };
        let unreadable_parts = theirs.take_unreadable();
        let merged = ours.merged(theirs);
        let bytes = merged.to_bytes()?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(SaveError::TooBig(bytes.len() as u64));
        }
        let mut said = Vec::new();
        if unreadable_file {
            match private::set_aside(&self.file) {
                Some(to) => {
                    let then = if from_backup {
                        "，已从上次的备份恢复"
                    } else {
                        ""
                    };
                    said.push(format!(
                        "{}无法读取，已另存为 {}{then}",
                        T::WHAT,
                        to.display()
                    ));
                }
                // Never written over: a file that could be neither read
                // nor moved stays, and nothing is saved.
                None if self.file.symlink_metadata().is_ok() => {
                    return Err(SaveError::Io(std::io::Error::other(format!(
                        "{} could not be read or set aside",
                        self.file.display()
                    ))));
                }
                None => {}
            }
        }
        if let Some((n, parts)) = unreadable_parts {
            let to = private::aside_name(&self.file);
            private::write(&self.dir, &to, &parts)?;
            said.push(format!(
                "{}中 {n} 项无法读取，已另存为 {}",
                T::WHAT,
                to.display()
            ));
        }
        // The file there now becomes the backup once the new one is written:
        // a write that fails leaves the old backup as it was.
        let staged = good
            .then(|| private::stage_copy(&self.dir, &self.file))
            .flatten();
        private::write_with(&self.dir, &self.file, &bytes, before_rename)?;
        let kept = staged.is_some_and(|s| private::place_copy(s, &self.backup()));
        if good && !kept {
            said.push(format!(
                "未能把上一版{}留作备份（{}）",
                T::WHAT,
                self.backup().display()
            ));
        }
        drop(lock);
        Ok(Written {
            kept: merged,
            notice: (!said.is_empty()).then(|| crate::sanitize::for_terminal(&said.join("；"))),
        })
    }

    /// Removes temporary files a save killed halfway left in the folder:
    /// ours (`.NAME.tmp`), older than any save takes, and only while this
    /// process holds the lock, so no save is under way. How many.
    #[allow(clippy::must_use_candidate)] // removing them is the point
    pub fn clean_up(&self) -> usize {
        let Ok(lock) = private::lock(&self.dir) else {
            return 0;
        };
        let removed = private::remove_stale_temporaries(&self.dir, STALE);
        drop(lock);
        removed
    }
}

/// How old a temporary file must be to be taken for one a killed save left.
const STALE: std::time::Duration = std::time::Duration::from_secs(60);

/// The file at `path` read as `T`: None when there is none; why not, in
/// the reader's words, when it cannot be.
fn read_kept<T: Kept>(path: &Path) -> Result<Option<T>, String> {
    match private::read(path, MAX_BYTES) {
        Ok(Found::Bytes(bytes)) => T::from_bytes(&bytes).map(Some),
        Ok(Found::Missing) => Ok(None),
        Ok(Found::NotAFile) => Err("不是普通文件".to_owned()),
        Ok(Found::TooBig(n)) => Err(format!("过大（{n} 字节）")),
        Err(e) => Err(format!("无法读取：{e}")),
    }
}

/// What a save wrote, and what it set aside to do so.
#[derive(Debug)]
pub struct Written<T> {
    pub kept: T,
    pub notice: Option<String>,
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

    /// A kept thing of any size, for the cap.
    #[derive(Default)]
    struct Blob(usize);

    impl Kept for Blob {
        const WHAT: &'static str = "测试文件";
        fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
            Ok(Blob(bytes.len()))
        }
        fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
            Ok(vec![b' '; self.0])
        }
        fn merged(self, theirs: Self) -> Self {
            Blob(self.0 + theirs.0)
        }
    }

    #[test]
    fn a_save_over_the_cap_is_refused_before_anything_changes() {
        let dir = folder("cap");
        let store = Store::new(dir.clone(), "blob.json");
        store.save(Blob(40 << 20)).unwrap();
        let before = fs::metadata(store.path()).unwrap().len();
        // Merged with the 40 MiB there, 70 MiB: over the cap.
        let refused = store.save(Blob(30 << 20));
        assert!(matches!(refused, Err(SaveError::TooBig(n)) if n == 70 << 20));
        assert_eq!(fs::metadata(store.path()).unwrap().len(), before);
        assert!(!dir.join("blob.json.bak").exists(), "no backup made either");
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
