//! What the notebook does for the views' note keys: the editor opened on
//! a passage or a note, a highlight made, a note deleted or brought back,
//! the next note found; and the editor's note kept. Each gives back what
//! the app is to carry out.

use super::Overlay;
use super::editor::{Editor, NoteTarget};
use crate::action::Action;
use crate::content::Library;
use crate::effect::Effect;
use crate::notes::study::Study;
use crate::notes::{Note, Place};
use crate::views::NoteAsk;
use crate::views::navigate::Destination;

/// What a request to the notebook came to.
pub enum Done {
    /// Something to say; with `changed`, the notebook is to be written.
    Say { text: String, changed: bool },
    /// The editor, open on this.
    Write(Editor),
    /// Note `i`'s passage, in the reader.
    Show(usize),
}

impl Done {
    fn say(text: impl Into<String>) -> Self {
        Done::Say {
            text: text.into(),
            changed: false,
        }
    }

    fn changed(text: impl Into<String>) -> Self {
        Done::Say {
            text: text.into(),
            changed: true,
        }
    }
}

/// Carries out what a view asked of the notebook; `undo` is the key that
/// brings a deleted note back here.
pub fn ask(study: &mut Study, lib: &Library, ask: NoteAsk, undo: &str) -> Done {
    match ask {
        NoteAsk::Write(node, bytes) => {
            let quote = crate::notes::anchor::node_text(lib, node)
                .get(bytes.clone())
                .unwrap_or_default()
                .to_owned();
            if quote.chars().count() > crate::notes::MAX_NOTE {
                return too_long();
            }
            Done::Write(Editor::new(NoteTarget::New(node, bytes), &quote, "", 0))
        }
        NoteAsk::Highlight(node, bytes) => {
            let text = crate::notes::anchor::node_text(lib, node);
            let quoted = text.get(bytes.clone());
            if quoted.is_some_and(|q| q.chars().count() > crate::notes::MAX_NOTE) {
                return too_long();
            }
            let kind = study.kinds.first().cloned().unwrap_or_default();
            study.add(lib, Note::new(lib, node, bytes, &kind, ""));
            Done::changed(format!("已划线（{kind}）"))
        }
        NoteAsk::Edit(i) => match study.book.notes.get(i) {
            Some(note) => Done::Write(Editor::new(
                NoteTarget::Edit(i),
                &note.quote.exact,
                &note.text,
                study.kind_index(&note.kind),
            )),
            None => Done::say("这里没有笔记"),
        },
        NoteAsk::Delete(i) => {
            study.delete(lib, i);
            Done::changed(format!("已删除笔记 · 按 {undo} 恢复"))
        }
        NoteAsk::Undo => match study.undo(lib) {
            Some(_) => Done::changed("已恢复笔记"),
            None => Done::say("没有可恢复的笔记"),
        },
        NoteAsk::Open(i) if matches!(study.places.get(i), Some(Place::At(..))) => Done::Show(i),
        NoteAsk::Open(_) => Done::say("（原文已改动）这条笔记的原文已不在内容中"),
        NoteAsk::Step {
            forward,
            at,
            current,
        } => {
            if !current {
                study.current = None;
            }
            match study.step(lib, forward, at) {
                Some(i) => Done::Show(i),
                None if forward => Done::say("后面没有笔记了"),
                None => Done::say("前面没有笔记了"),
            }
        }
    }
}

/// The editor's note kept in the notebook (a draft when the reader did
/// not save it); the kind it was kept as, and whether it is a new note.
pub fn keep(study: &mut Study, lib: &Library, editor: Editor, draft: bool) -> (String, bool) {
    let kind = study.kinds.get(editor.kind).cloned().unwrap_or_default();
    let text = editor.line.text.trim().to_owned();
    match editor.target {
        NoteTarget::New(node, bytes) => {
            let mut made = Note::new(lib, node, bytes, &kind, &text);
            made.draft = draft;
            study.add(lib, made);
            (kind, true)
        }
        // An edit never saved leaves the saved note as it was: the draft
        // is a note of its own on the same words.
        NoteTarget::Edit(i) if draft => {
            if let Some(note) = study.book.notes.get(i)
                && (note.text != text || note.kind != kind)
            {
                let copy = note.draft_of(&text, &kind);
                study.add(lib, copy);
            }
            (kind, false)
        }
        NoteTarget::Edit(i) => {
            study.edit(lib, i, &text, &kind, draft);
            (kind, false)
        }
    }
}

/// A passage longer than a note may quote: said, nothing made.
fn too_long() -> Done {
    Done::say(format!(
        "选中的文字超过 {} 字，不能作笔记；请选短一些",
        crate::paint::text::thousands(crate::notes::MAX_NOTE)
    ))
}

/// The app carrying out a note asked for: the editor opened, kept or
/// saved as a draft, the notes written.
impl super::App {
    /// What a view asks of the notebook.
    pub(super) fn note(&mut self, ask: NoteAsk) {
        let undo = self.keys.first_key(self.mode(), &Action::UndoDelete);
        match self::ask(&mut self.study, &self.lib, ask, &undo) {
            Done::Say { text, changed } => {
                self.notice = Some(text);
                if changed {
                    self.save_notes();
                }
            }
            Done::Write(editor) => self.overlay = Overlay::Editor(editor),
            Done::Show(i) => {
                if let Some((anchor, byte)) = self.study.anchor(&self.lib, i) {
                    self.go(Destination::Text(anchor, None));
                    self.views.reading.reader.reveal(anchor, byte);
                    self.study.current = Some(i);
                }
            }
        }
    }

    /// The editor's note kept (as a draft when the reader did not save
    /// it) and the editor closed; the kind it was kept as.
    pub(super) fn keep_editor(&mut self, draft: bool) -> String {
        let Overlay::Editor(editor) = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return String::new();
        };
        let (kind, new) = self::keep(&mut self.study, &self.lib, editor, draft);
        if new {
            self.views.reading.selected_done();
        }
        self.save_notes();
        kind
    }

    /// A quit with the editor open keeps what was typed as a draft note
    /// (〔草稿〕), never drops it: `Ctrl-c`, SIGTERM and SIGHUP alike.
    pub(super) fn keep_draft(&mut self) {
        if matches!(&self.overlay, Overlay::Editor(editor) if editor.typed()) {
            self.keep_editor(true);
        }
    }

    /// Writes the notes file.
    pub(super) fn save_notes(&mut self) {
        self.effects
            .push(Effect::SaveNotes(Box::new(self.study.book.clone())));
    }
}
