//! The note editor: a note's words being written, a few lines that grow as
//! the note does, its kind (Tab), and what it is for: a new note on a
//! passage, or one already in the notebook.

use std::ops::Range;

use crate::content::NodeId;
use crate::field::TextField;

/// What the editor's note is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// A new note on a passage.
    New(NodeId, Range<usize>),
    /// The note with this index in the notebook.
    Edit(usize),
}

/// The note being written.
#[derive(Debug, Clone)]
pub struct Editor {
    pub line: TextField,
    /// Index into the settings' kinds.
    pub kind: usize,
    pub target: NoteTarget,
    /// The passage, as the editor shows it above the note.
    pub quote: String,
}

impl Editor {
    #[must_use]
    pub fn new(target: NoteTarget, quote: &str, text: &str, kind: usize) -> Self {
        let mut line = TextField::notes();
        line.paste(text);
        Editor {
            line,
            kind,
            target,
            quote: quote.to_owned(),
        }
    }
}

/// What a key in the editor asks of the app.
pub enum EditorNext {
    Stay,
    /// Something for the status bar.
    Say(String),
    /// Esc: nothing kept.
    Cancel,
    /// Enter: the note kept.
    Save,
}

impl Editor {
    /// Applies an editor key; `kinds` is how many kinds there are.
    pub fn update(&mut self, action: &crate::action::Action, kinds: usize) -> EditorNext {
        use crate::action::Action;
        let line = &mut self.line;
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
                    return EditorNext::Say(format!(
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
            Action::NextKind => self.kind = (self.kind + 1) % kinds.max(1),
            Action::Close => return EditorNext::Cancel,
            Action::SaveNote => return EditorNext::Save,
            _ => {}
        }
        EditorNext::Stay
    }

    /// Anything typed: what a quit keeps as a draft.
    #[must_use]
    pub fn typed(&self) -> bool {
        !self.line.text.trim().is_empty()
    }
}
