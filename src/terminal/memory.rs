//! The reader's state file for this session: opened at the start, written
//! on each save the app asks for; trouble with it is said, and from then on
//! nothing is written.

use crate::action::Action;
use crate::app::{App, Effect};
use crate::cli::Cli;
use crate::state::Saved;
use crate::state::store::Store;

/// The reader's memory of this collection, if it has one: read at the
/// start, written on the way out and after each bookmark change. Trouble
/// with it is said once in the status bar; the reader goes on without it.
pub(super) struct Memory {
    store: Option<Store>,
    /// The notes file beside it: `NAME.notes.json`.
    notes: Option<Store>,
}

impl Memory {
    /// What updates made while it opens asked for lands in `pending`.
    pub(super) fn open(cli: &Cli, app: &mut App, pending: &mut Vec<Effect>) -> Self {
        if cli.no_state {
            return Memory {
                store: None,
                notes: None,
            };
        }
        let Some(dir) = crate::state::store::default_dir() else {
            pending.extend(app.update(Action::Notice(
                "找不到状态文件夹（没有 HOME）；本次不记住位置".into(),
            )));
            return Memory {
                store: None,
                notes: None,
            };
        };
        let name = crate::state::store::file_name(cli.content.as_deref());
        let notes = Store::new(dir.clone(), &crate::state::store::notes_name(&name));
        let loaded = notes.load::<crate::notes::Notebook>();
        app.recall_notes(loaded.saved);
        if let Some(notice) = loaded.notice {
            pending.extend(app.update(Action::Warn(notice)));
        }
        let store = Store::new(dir, &name);
        let loaded = store.load();
        app.recall(loaded.saved);
        if let Some(notice) = loaded.notice {
            pending.extend(app.update(Action::Notice(notice)));
        }
        let mut memory = Memory {
            store: Some(store),
            notes: Some(notes),
        };
        // Find out now, not at the end, whether the state can be written;
        // if not, that is what the status bar says.
        let written = memory.save(app.memory());
        if let Some(written) = written {
            pending.extend(app.update(Action::Saved(written)));
        }
        memory
    }

    /// Writes the session; what the file holds now, or why it could not be
    /// written (and from then on, nothing is). None without a state file.
    pub(super) fn save(&mut self, saved: Saved) -> Option<Result<Saved, String>> {
        let store = self.store.as_ref()?;
        let written = store.save(saved).map_err(|e| {
            // Why first: a long path is cut at the right edge of the bar.
            let why = if e.kind() == std::io::ErrorKind::WouldBlock {
                "另一个 zhizao 正占用状态文件夹".to_owned()
            } else {
                e.to_string()
            };
            crate::sanitize::for_terminal(&format!(
                "无法保存，本次不记住位置：{why}（{}）",
                store.path().display()
            ))
        });
        if written.is_err() {
            self.store = None;
        }
        Some(written)
    }

    /// Writes the notes; what the file holds now (another reader's notes
    /// merged in), or why it could not be written. The notes are never
    /// given up: the next change tries again.
    pub(super) fn save_notes(
        &mut self,
        book: crate::notes::Notebook,
    ) -> Option<Result<crate::notes::Notebook, String>> {
        let store = self.notes.as_ref()?;
        Some(store.save(book).map_err(|e| {
            let why = if e.kind() == std::io::ErrorKind::WouldBlock {
                "另一个 zhizao 正占用状态文件夹".to_owned()
            } else {
                e.to_string()
            };
            crate::sanitize::for_terminal(&format!(
                "笔记未能保存：{why}（{}）；下次改动时再试",
                store.path().display()
            ))
        }))
    }
}
