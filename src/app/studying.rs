//! What the note keys do: select in the reader, write and save, step
//! through the notes, edit, delete and undo, and the notes view's list.
//! Every change is saved at once (`Effect::SaveNotes`).

use super::select::{Editor, Selection, Target};
use super::{App, Effect, Overlay, View};
use crate::action::Action;
use crate::app::navigate::Destination;
use crate::keys::Mode;
use crate::notes::{Note, Place};

impl App {
    /// The note keys of the selection, the editor, the notes view and the
    /// reader.
    pub(super) fn on_notes(&mut self, mode: Mode, action: &Action) {
        match mode {
            Mode::Select => self.on_selection(action),
            Mode::Editor => self.on_editor(action),
            Mode::NotesFilter => self.on_filter(action),
            _ => self.on_note_keys(action),
        }
    }

    /// Whether the reader or the notes view takes this action as a note key.
    pub(super) fn is_note_key(&self, action: &Action) -> bool {
        matches!(
            (self.view, action),
            (
                View::Reader,
                Action::StartSelection
                    | Action::NextNote
                    | Action::PrevNote
                    | Action::EditNote
                    | Action::DeleteNote
                    | Action::UndoDelete
            ) | (View::Notes, _)
        )
    }

    fn on_selection(&mut self, action: &Action) {
        let Some(selection) = &mut self.selection else {
            return;
        };
        match action {
            Action::GrowSentence
            | Action::ShrinkSentence
            | Action::GrowClause
            | Action::ShrinkClause => {
                let more = matches!(action, Action::GrowSentence | Action::GrowClause);
                let clause = matches!(action, Action::GrowClause | Action::ShrinkClause);
                if !selection.step(more, clause) {
                    self.notice = Some(
                        if more {
                            "已选到本节末尾"
                        } else {
                            "至少选一句"
                        }
                        .into(),
                    );
                }
                if let Some((anchor, byte)) = selection.end_anchor(&self.lib) {
                    self.reading.reader.reveal(anchor, byte);
                }
            }
            Action::Annotate => {
                let target = Target::New(selection.node, selection.bytes.clone());
                self.editor = Some(Editor::new(target, selection.words(), "", 0));
                self.overlay = Overlay::Editor;
            }
            Action::Highlight => {
                let kind = self.notes.kinds.first().cloned().unwrap_or_default();
                let note = Note::new(
                    &self.lib,
                    selection.node,
                    selection.bytes.clone(),
                    &kind,
                    "",
                );
                self.selection = None;
                self.notes.add(&self.lib, note);
                self.notice = Some(format!("已划线（{kind}）"));
                self.save_notes();
            }
            Action::Close => self.selection = None,
            _ => {}
        }
    }

    fn on_editor(&mut self, action: &Action) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let line = &mut editor.line;
        match action {
            Action::Insert(c) => {
                line.insert(*c);
            }
            Action::NewLine => {
                line.insert('\n');
            }
            Action::Paste(text) => {
                let before = line.text.chars().count();
                line.paste(text);
                let added = line.text.chars().count() - before;
                let left_out = text.chars().count().saturating_sub(added);
                if line.full() && left_out > 0 {
                    self.notice = Some(format!(
                        "笔记最多 {} 字，粘贴的内容有 {left_out} 字未能放下",
                        crate::notes::MAX_NOTE
                    ));
                }
            }
            Action::Backspace => {
                line.backspace();
            }
            Action::CaretLeft => line.left(),
            Action::CaretRight => line.right(),
            Action::CaretHome => line.home(),
            Action::CaretEnd => line.end(),
            Action::DeleteWord => {
                line.delete_word();
            }
            Action::NextKind => editor.kind = (editor.kind + 1) % self.notes.kinds.len().max(1),
            Action::Close => {
                self.editor = None;
                self.overlay = Overlay::None;
                self.notice = Some("未保存".into());
            }
            Action::SaveNote => {
                let kind = self.keep_editor(false);
                self.notice = Some(format!("笔记已保存（{kind}）"));
            }
            _ => {}
        }
    }

    /// The editor's note kept (as a draft when the reader did not save
    /// it) and the editor closed; the kind it was kept as.
    fn keep_editor(&mut self, draft: bool) -> String {
        let Some(editor) = self.editor.take() else {
            return String::new();
        };
        let kind = self
            .notes
            .kinds
            .get(editor.kind)
            .cloned()
            .unwrap_or_default();
        let text = editor.line.text.trim().to_owned();
        match editor.target {
            Target::New(node, bytes) => {
                let mut made = Note::new(&self.lib, node, bytes, &kind, &text);
                made.draft = draft;
                self.notes.add(&self.lib, made);
                self.selection = None;
            }
            Target::Edit(i) => self.notes.edit(&self.lib, i, &text, &kind, draft),
        }
        self.overlay = Overlay::None;
        self.save_notes();
        kind
    }

    /// A quit with the editor open keeps what was typed as a draft note
    /// (〔草稿〕), never drops it: `Ctrl-c`, SIGTERM and SIGHUP alike.
    pub(super) fn keep_draft(&mut self) {
        let typed = self
            .editor
            .as_ref()
            .is_some_and(|e| !e.line.text.trim().is_empty());
        if typed {
            self.keep_editor(true);
        }
    }

    fn on_filter(&mut self, action: &Action) {
        let line = &mut self.notes.filter;
        match action {
            Action::Insert(c) => {
                line.insert(*c);
            }
            Action::Paste(text) => {
                line.paste(text);
            }
            Action::Backspace => {
                line.backspace();
            }
            Action::DeleteToStart => {
                line.delete_to_start();
            }
            Action::Close => {
                *line = super::line::Line::default();
                self.notes.filtering = false;
            }
            Action::OpenResult => self.notes.filtering = false,
            _ => return,
        }
        self.notes.selected = 0;
        self.notes.refresh(&self.lib);
    }

    /// The reader's and the notes view's note keys.
    fn on_note_keys(&mut self, action: &Action) {
        let in_list = self.view == View::Notes;
        let here = if in_list {
            self.notes.selected_note()
        } else {
            self.note_here()
        };
        match action {
            Action::StartSelection => self.start_selection(),
            Action::NextNote | Action::PrevNote => {
                let forward = matches!(action, Action::NextNote);
                // From the note gone to, while it is on screen; else from
                // where the reader is.
                if self.notes.current.is_some() && here != self.notes.current {
                    self.notes.current = None;
                }
                let at = self
                    .reading
                    .reader
                    .position()
                    .top
                    .map(|(a, byte)| (self.lib.node(a.node).article, a.node, byte));
                match self.notes.step(&self.lib, forward, at) {
                    Some(i) => self.go_to_note(i),
                    None => {
                        self.notice = Some(
                            if forward {
                                "后面没有笔记了"
                            } else {
                                "前面没有笔记了"
                            }
                            .into(),
                        );
                    }
                }
            }
            Action::EditNote => match here {
                Some(i) => {
                    let note = &self.notes.book.notes[i];
                    let kind = self.notes.kind_index(&note.kind);
                    self.editor = Some(Editor::new(
                        Target::Edit(i),
                        &note.quote.exact,
                        &note.text,
                        kind,
                    ));
                    self.overlay = Overlay::Editor;
                }
                None => self.notice = Some("这里没有笔记".into()),
            },
            Action::DeleteNote => match here {
                Some(i) => {
                    self.notes.delete(&self.lib, i);
                    let undo = self.keys.first_key(
                        if in_list { Mode::Notes } else { Mode::Reader },
                        &Action::UndoDelete,
                    );
                    self.notice = Some(format!("已删除笔记 · 按 {undo} 恢复"));
                    self.save_notes();
                }
                None => self.notice = Some("这里没有笔记".into()),
            },
            Action::UndoDelete => match self.notes.undo(&self.lib) {
                Some(_) => {
                    self.notice = Some("已恢复笔记".into());
                    self.save_notes();
                }
                None => self.notice = Some("没有可恢复的笔记".into()),
            },
            Action::ResultDown => {
                self.notes.selected =
                    (self.notes.selected + 1).min(self.notes.shown.len().saturating_sub(1));
            }
            Action::ResultUp => self.notes.selected = self.notes.selected.saturating_sub(1),
            Action::OpenResult => {
                if let Some(i) = here {
                    self.open_note(i);
                }
            }
            Action::FilterNotes => self.notes.filtering = true,
            Action::NextKindFilter => {
                let n = self.notes.kinds.len();
                self.notes.kind_filter = match self.notes.kind_filter {
                    None if n > 0 => Some(0),
                    Some(k) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                self.notes.selected = 0;
                self.notes.refresh(&self.lib);
            }
            _ => {}
        }
    }

    /// `v`: the first sentence of a paragraph on the screen.
    fn start_selection(&mut self) {
        let reader = &self.reading.reader;
        let first = reader
            .doc()
            .lines
            .iter()
            .skip(reader.scroll)
            .take(reader.page_height())
            .filter_map(|l| l.anchor.map(|a| (a, l.range.start)))
            .find_map(|(a, byte)| Selection::at(&self.lib, a, byte));
        match first {
            Some(selection) => self.selection = Some(selection),
            None => self.notice = Some("屏幕上没有可选的正文段落".into()),
        }
    }

    /// The reader's note: the one `}` `{` went to while it is on screen,
    /// else the first on screen.
    fn note_here(&self) -> Option<usize> {
        let reader = &self.reading.reader;
        let doc = reader.doc();
        let screen = reader.scroll..reader.scroll + reader.page_height();
        let line = |i: usize| {
            self.notes
                .anchor(&self.lib, i)
                .and_then(|(a, byte)| doc.line_of(a, byte))
        };
        let on_screen = |i: &usize| line(*i).is_some_and(|l| screen.contains(&l));
        self.notes.current.filter(on_screen).or_else(|| {
            self.notes
                .ordered
                .iter()
                .copied()
                .filter(on_screen)
                .min_by_key(|&i| line(i))
        })
    }

    /// A note chosen (in the list, in the search popup): its passage in
    /// the reader, or why it cannot be shown.
    pub(super) fn open_note(&mut self, i: usize) {
        if matches!(self.notes.places.get(i), Some(Place::At(..))) {
            self.go_to_note(i);
        } else {
            self.notice = Some("（原文已改动）这条笔记的原文已不在内容中".into());
        }
    }

    fn go_to_note(&mut self, i: usize) {
        if let Some((anchor, byte)) = self.notes.anchor(&self.lib, i) {
            self.go(Destination::Text(anchor, None));
            self.reading.reader.reveal(anchor, byte);
            self.notes.current = Some(i);
        }
    }

    /// `y` in the notes view: the quote and the note, with the source.
    pub(super) fn copy_note(&mut self) -> Option<String> {
        let i = self.notes.selected_note()?;
        let note = &self.notes.book.notes[i];
        let source = crate::content::cite::note_source(&self.lib, note, &self.notes.places[i]);
        let mut text = format!("「{}」\n——{source}", note.quote.exact);
        if !note.text.is_empty() {
            text = format!("{text}\n\n{}：{}", note.kind, note.text);
        }
        Some(crate::sanitize::for_terminal(&text))
    }

    /// Writes the notes file.
    pub(super) fn save_notes(&mut self) {
        self.effects
            .push(Effect::SaveNotes(Box::new(self.notes.book.clone())));
    }

    /// What the notes file holds after a save (another reader's notes
    /// merged in), or why it could not be written.
    pub(super) fn notes_saved(&mut self, written: Result<crate::notes::Notebook, String>) {
        match written {
            Ok(book) => {
                self.notes.unsaved = None;
                let current = self
                    .notes
                    .current
                    .map(|i| self.notes.book.notes[i].id.clone());
                self.notes.recall(book, &self.lib);
                self.notes.current =
                    current.and_then(|id| self.notes.book.notes.iter().position(|n| n.id == id));
            }
            Err(why) => {
                self.notes.unsaved = Some(why.clone());
                self.warning = Some(why);
            }
        }
    }
}
