//! The reader's state and notes files for this session: read at the start,
//! written on each save the app asks for; trouble with them is said, and
//! from then on the state is not written (the notes are tried again at the
//! next change).

use crate::action::Action;
use crate::cli::Cli;
use crate::state::Saved;
use crate::state::store::Store;

/// The reader's memory of this collection, if it has one: read at the
/// start, written on the way out and after each bookmark change. Trouble
/// with it is said once in the status bar; the reader goes on without it.
pub(super) struct Files {
    store: Option<Store>,
    /// The notes file beside it: `NAME.notes.json`.
    notes: Option<Store>,
}

impl Files {
    /// The files of the collection the command line names; what reading
    /// them found, as the actions that tell the app (the session, the
    /// notes, and anything said about them), in the order to apply them.
    pub(super) fn open(cli: &Cli) -> (Self, Vec<Action>) {
        let none = Files {
            store: None,
            notes: None,
        };
        if cli.no_state {
            return (none, Vec::new());
        }
        let Some(dir) = crate::state::store::default_dir() else {
            return (
                none,
                vec![Action::Notice(
                    "找不到状态文件夹（没有 HOME）；本次不记住位置".into(),
                )],
            );
        };
        let name = crate::state::store::file_name(cli.content.as_deref());
        let notes = Store::new(dir.clone(), &crate::state::store::notes_name(&name));
        // A save killed halfway (kill -9, a power cut) left its temporary file.
        notes.clean_up();
        let mut said = Vec::new();
        let loaded = notes.load::<crate::notes::Notebook>();
        said.push(Action::RecallNotes(Box::new(loaded.saved)));
        said.extend(loaded.notice.map(Action::Warn));
        let store = Store::new(dir, &name);
        let loaded = store.load::<Saved>();
        said.push(Action::Restore(Box::new(loaded.saved)));
        said.extend(loaded.notice.map(Action::Notice));
        let files = Files {
            store: Some(store),
            notes: Some(notes),
        };
        (files, said)
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
