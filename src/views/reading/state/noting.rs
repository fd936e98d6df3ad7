//! The note keys of the text: select, step from note to note, edit,
//! delete and undo the note here; which note is here.

use super::Reading;
use crate::action::Action;
use crate::views::{Ctx, NoteAsk, Reply};

impl Reading {
    /// The note keys of the text: select, step from note to note, edit,
    /// delete and undo the note here.
    pub(super) fn on_notes(&mut self, action: &Action, cx: &Ctx) -> Option<Reply> {
        let study = cx.marks.study;
        Some(match action {
            Action::StartSelection => self.start_selection(cx),
            Action::NextNote | Action::PrevNote => {
                let forward = matches!(action, Action::NextNote);
                let at = self
                    .reader
                    .position()
                    .top
                    .map(|(a, byte)| (cx.lib.node(a.node).article, a.node, byte));
                // From the note gone to while it is on screen, else from
                // where the reader is.
                let current = study.current.is_some() && self.note_here(cx) == study.current;
                Reply::Note(NoteAsk::Step {
                    forward,
                    at,
                    current,
                })
            }
            Action::EditNote => match self.note_here(cx) {
                Some(i) => Reply::Note(NoteAsk::Edit(i)),
                None => Reply::Say("这里没有笔记".into()),
            },
            Action::DeleteNote => match self.note_here(cx) {
                Some(i) => Reply::Note(NoteAsk::Delete(i)),
                None => Reply::Say("这里没有笔记".into()),
            },
            Action::UndoDelete => Reply::Note(NoteAsk::Undo),
            _ => return None,
        })
    }

    /// The note here: the one `}` `{` went to while it is on screen, else
    /// the first on screen.
    #[must_use]
    pub fn note_here(&self, cx: &Ctx) -> Option<usize> {
        let study = cx.marks.study;
        let reader = &self.reader;
        let doc = reader.doc();
        let screen = reader.scroll..reader.scroll + reader.page_height();
        let line = |i: usize| {
            study
                .anchor(cx.lib, i)
                .and_then(|(a, byte)| doc.line_of(a, byte))
        };
        let on_screen = |i: &usize| line(*i).is_some_and(|l| screen.contains(&l));
        study.current.filter(on_screen).or_else(|| {
            study
                .ordered
                .iter()
                .copied()
                .filter(on_screen)
                .min_by_key(|&i| line(i))
        })
    }
}
