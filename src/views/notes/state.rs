//! The notes view's state (4 笔记): the notes listed, filtered by words
//! and by kind, and the one selected. The notes themselves are the
//! reader's notebook, which every view reads (`Marks::study`).

use std::sync::Arc;

use crate::action::Action;
use crate::content::{Anchor, Library};
use crate::field::TextField;
use crate::keys::Mode;
use crate::notes::study::Study;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, NoteAsk, Reply, ViewState};
use crate::wrap::Widths;

#[derive(Debug, Default)]
pub struct NoteList {
    /// The notes shown, in reading order: indices into the notebook.
    pub shown: Vec<usize>,
    pub selected: usize,
    /// The words the list is filtered by, and whether they are being typed.
    pub filter: TextField,
    pub filtering: bool,
    /// The kind the list is filtered by: an index into the settings' kinds.
    pub kind_filter: Option<usize>,
    /// The notebook's generation the list was made from.
    made_from: Option<u64>,
}

impl ViewState for NoteList {
    fn open(_lib: &Arc<Library>, _widths: Widths) -> Self {
        NoteList::default()
    }

    fn mode(&self, _cx: &Ctx) -> Mode {
        if self.filtering {
            Mode::NotesFilter
        } else {
            Mode::Notes
        }
    }

    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply {
        if self.filtering {
            return self.on_filter(action, cx);
        }
        let here = self.selected_note();
        let about = |ask: fn(usize) -> NoteAsk| match here {
            Some(i) => Reply::Note(ask(i)),
            None => Reply::Say("这里没有笔记".into()),
        };
        match action {
            Action::ResultDown => {
                self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1));
            }
            Action::ResultUp => self.selected = self.selected.saturating_sub(1),
            Action::OpenResult => return about(NoteAsk::Open),
            Action::EditNote => return about(NoteAsk::Edit),
            Action::DeleteNote => return about(NoteAsk::Delete),
            Action::UndoDelete => return Reply::Note(NoteAsk::Undo),
            Action::FilterNotes => self.filtering = true,
            Action::NextKindFilter => {
                let n = cx.marks.study.kinds.len();
                self.kind_filter = match self.kind_filter {
                    None if n > 0 => Some(0),
                    Some(k) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                self.selected = 0;
                self.refilter(cx);
            }
            _ => return Reply::Ignored,
        }
        Reply::Done
    }

    fn settle(&mut self, cx: &Ctx) -> Vec<crate::effect::Effect> {
        if self.made_from != Some(cx.marks.study.generation) {
            self.refilter(cx);
        }
        Vec::new()
    }

    fn shown(&mut self, cx: &Ctx) {
        self.refilter(cx);
    }

    fn rebase(&mut self, _moved: &Rebase, cx: &Ctx) {
        self.refilter(cx);
    }

    fn anchor(&self, cx: &Ctx) -> Option<Anchor> {
        let i = self.selected_note()?;
        cx.marks.study.anchor(cx.lib, i).map(|(anchor, _)| anchor)
    }

    /// `y`: the quote and the note, with the source.
    fn clip(&self, cx: &Ctx, _section: bool) -> Option<String> {
        let i = self.selected_note()?;
        let study = cx.marks.study;
        let note = &study.book.notes[i];
        let source = crate::content::cite::note_source(cx.lib, note, &study.places[i]);
        let mut text = format!("「{}」\n——{source}", note.quote.exact);
        if !note.text.is_empty() {
            text = format!("{text}\n\n{}：{}", note.kind, note.text);
        }
        Some(crate::sanitize::for_terminal(&text))
    }

    fn crumb(&self, cx: &Ctx) -> Crumb {
        let (shown, all) = (self.shown.len(), cx.marks.study.ordered.len());
        let count = crate::paint::text::thousands;
        Crumb::of(if shown == all {
            format!("{} 条笔记", count(all))
        } else {
            format!("{} / {} 条笔记", count(shown), count(all))
        })
    }
}

impl NoteList {
    /// The filter line's keys.
    fn on_filter(&mut self, action: &Action, cx: &Ctx) -> Reply {
        let line = &mut self.filter;
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
                *line = TextField::default();
                self.filtering = false;
            }
            Action::OpenResult => self.filtering = false,
            _ => return Reply::Ignored,
        }
        self.selected = 0;
        self.refilter(cx);
        Reply::Done
    }

    /// The list again: every note in reading order that has the kind and
    /// the words it is filtered by.
    fn refilter(&mut self, cx: &Ctx) {
        let study: &Study = cx.marks.study;
        let query = self.filter.text.trim().to_owned();
        let matcher = crate::search::TextMatcher::new(&query, cx.lib);
        let of_kind: Vec<usize> = study
            .ordered
            .iter()
            .copied()
            .filter(|&i| {
                let note = &study.book.notes[i];
                self.kind_filter
                    .is_none_or(|k| study.kinds.get(k).is_some_and(|k| *k == note.kind))
            })
            .collect();
        // A note and the passage it quotes hold the words between them,
        // as a section does its heading's and paragraphs'.
        self.shown = if query.is_empty() {
            of_kind
        } else {
            let notes = &study.book.notes;
            let held: Vec<u64> = of_kind
                .iter()
                .map(|&i| matcher.held(&notes[i].quote.exact) | matcher.held(&notes[i].text))
                .collect();
            of_kind
                .into_iter()
                .zip(matcher.kept(&held))
                .filter_map(|(i, keep)| keep.then_some(i))
                .collect()
        };
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        self.made_from = Some(study.generation);
    }

    /// The note selected in the list.
    #[must_use]
    pub fn selected_note(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }
}
