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
        // A save killed halfway (kill -9, a power cut) left its temporary file.
        notes.clean_up();
        let loaded = notes.load::<crate::notes::Notebook>();
        let moved = app.recall_notes(loaded.saved);
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
        for said in memory.save(app.memory()) {
            pending.extend(app.update(said));
        }
        // Notes found somewhere new are written back: the next start finds
        // them where they are at once.
        if moved {
            for said in memory.save_notes(app.notes.book.clone()) {
                pending.extend(app.update(said));
            }
        }
        memory
    }

    /// Writes the session: what the file holds now, or why it could not be
    /// written (and from then on, nothing is), and what was set aside to
    /// write it; nothing without a state file.
    pub(super) fn save(&mut self, saved: Saved) -> Vec<Action> {
        let Some(store) = self.store.as_ref() else {
            return Vec::new();
        };
        let written = store.save(saved);
        let said = said(store, written, "无法保存，本次不记住位置", Action::Saved);
        if matches!(said.first(), Some(Action::Saved(Err(_)))) {
            self.store = None;
        }
        said
    }

    /// Writes the notes: what the file holds now (another reader's notes
    /// merged in), or why it could not be written, and what was set aside.
    /// The notes are never given up: the next change tries again.
    pub(super) fn save_notes(&mut self, book: crate::notes::Notebook) -> Vec<Action> {
        let Some(store) = self.notes.as_ref() else {
            return Vec::new();
        };
        let written = store.save(book);
        said(
            store,
            written,
            "笔记未能保存（下次改动时再试）",
            Action::NotesSaved,
        )
    }
}

/// A save's outcome as the actions that tell the app: what was written
/// (or why not, after `failed`), and a warning for anything set aside.
fn said<T>(
    store: &Store,
    written: Result<crate::state::store::Written<T>, crate::state::store::SaveError>,
    failed: &str,
    action: fn(Result<T, String>) -> Action,
) -> Vec<Action> {
    match written {
        Ok(written) => {
            let mut said = vec![action(Ok(written.kept))];
            said.extend(written.notice.map(Action::Warn));
            said
        }
        Err(e) => {
            // Why first: a long path is cut at the right edge of the bar.
            let why = crate::sanitize::for_terminal(&format!(
                "{failed}：{}（{}）",
                e.in_chinese(),
                store.path().display()
            ));
            vec![action(Err(why))]
        }
    }
}
