//! Where the state lives and how it is written: one JSON file per
//! collection in `$XDG_STATE_HOME/zhizao/` (`~/.local/state/zhizao/`),
//! written atomically (a temporary file in the same folder, fsync, rename)
//! under a lock, merged with what another reader wrote since. A file that
//! cannot be read is set aside, never fatal.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{FORMAT, Saved, Spot};

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
pub struct Loaded {
    pub saved: Saved,
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
    /// unreadable, a folder, or from a newer format is moved aside as
    /// `NAME.corrupt-SECONDS` and the reader starts fresh.
    #[must_use]
    pub fn load(&self) -> Loaded {
        let fresh = |notice: Option<String>| Loaded {
            saved: Saved::default(),
            notice,
        };
        let problem = match fs::read(&self.file) {
            Ok(bytes) => match serde_json::from_slice::<Saved>(&bytes) {
                Ok(saved) if saved.format <= FORMAT => return fresh(None).with(saved),
                Ok(saved) => format!("它来自更新的版本（格式 {}）", saved.format),
                Err(e) => format!("无法解析：{e}"),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return fresh(None),
            Err(e) => format!("无法读取：{e}"),
        };
        let aside = self.set_aside();
        let notice = match aside {
            Some(to) => format!("状态文件{problem}；已另存为 {}，从头开始", to.display()),
            None => format!("状态文件{problem}；从头开始"),
        };
        fresh(Some(crate::sanitize::for_terminal(&notice)))
    }

    fn set_aside(&self) -> Option<PathBuf> {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut to = self.file.as_os_str().to_owned();
        to.push(format!(".corrupt-{seconds}"));
        let to = PathBuf::from(to);
        fs::rename(&self.file, &to).ok().map(|()| to)
    }

    /// Writes `ours`, merged with the file as another reader may have left
    /// it (`deleted`: bookmarks we removed, which a merge must not bring
    /// back). Returns what was written.
    ///
    /// # Errors
    /// The folder cannot be made or written.
    pub fn save(&self, ours: &Saved, deleted: &[Spot]) -> std::io::Result<Saved> {
        self.save_with(ours, deleted, |_| Ok(()))
    }

    /// [`Self::save`], with a step between writing the temporary file and
    /// renaming it, where a test makes the write die.
    fn save_with(
        &self,
        ours: &Saved,
        deleted: &[Spot],
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> std::io::Result<Saved> {
        fs::create_dir_all(&self.dir)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(".lock"))?;
        lock.lock()?;
        let theirs = fs::read(&self.file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Saved>(&b).ok())
            .filter(|s| s.format <= FORMAT)
            .unwrap_or_default();
        let merged = ours.clone().merged(theirs, deleted);
        let json = serde_json::to_vec_pretty(&merged).map_err(std::io::Error::other)?;
        let tmp = self.dir.join(format!(
            ".{}.{}.tmp",
            self.file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let mut out = File::create(&tmp)?;
        out.write_all(&json)?;
        out.sync_all()?;
        drop(out);
        before_rename(&tmp)?;
        fs::rename(&tmp, &self.file)?;
        // The rename itself lasts once the folder is on disk too.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        drop(lock);
        Ok(merged)
    }
}

impl Loaded {
    fn with(mut self, saved: Saved) -> Self {
        self.saved = saved;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tests::mark;

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
        store.save(&first, &[]).unwrap();
        let second = Saved {
            searches: vec!["austin".into()],
            ..Saved::default()
        };
        let died = store.save_with(&second, &[], |_| Err(std::io::Error::other("killed")));
        assert!(died.is_err());
        let loaded = store.load();
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
                        store.save(&s, &[]).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let loaded = store.load();
        assert_eq!(loaded.notice, None);
        let mut nodes: Vec<String> = loaded.saved.bookmarks.into_iter().map(|b| b.node).collect();
        nodes.sort();
        assert_eq!(nodes, ["capital", "models"]);
        fs::remove_dir_all(&dir).unwrap();
    }
}
