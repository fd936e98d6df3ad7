//! The search popup's state: the line being edited, the last results with
//! their highlights, and the selection.

use std::sync::Arc;

use crate::action::Action;
use crate::content::Anchor;
use crate::field::TextField;
use crate::search::{Outcome, SearchIndex, Target};
use crate::views::navigate::Destination;

/// How many ranked results the popup asks for.
pub const RESULTS: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub line: TextField,
    /// Bumped on every edit: results answer one serial.
    pub serial: u64,
    /// The serial last handed to the searcher.
    asked: Option<u64>,
    /// Results for `serial`, or for an earlier serial while a search runs.
    pub outcome: Option<Arc<Outcome>>,
    /// For each result, the characters of its text to highlight.
    pub marks: Vec<Vec<usize>>,
    /// When nothing matched as typed and one edit did: what the best hit
    /// matched, for 你要找的是：宁波？
    pub suggestion: Option<String>,
    pub selected: usize,
    /// Enter came before the results for the line as typed: open the first
    /// result when they arrive.
    pub open_when_ready: bool,
    /// Earlier searches, oldest first; the one shown while walking them
    /// with ↑/↓, and what Ctrl-r looks for in them.
    pub history: Vec<String>,
    pub recall: Option<usize>,
    pub filter: Option<String>,
    /// Study notes whose words or passage hold the query: listed first,
    /// marked as notes. Indices into the notebook.
    pub notes: Vec<usize>,
}

/// What an action in the popup asks of the rest of the app.
pub enum Next {
    Stay,
    Close,
    Open,
    /// The line is full: what did not fit was left out.
    Full,
}

impl SearchBox {
    /// Applies an action of the search mode.
    pub fn update(&mut self, action: &Action) -> Next {
        // While Ctrl-r is finding in the history, typing refines what it
        // looks for, as a shell's reverse search does.
        if let Some(filter) = &mut self.filter {
            match action {
                Action::Insert(c) => {
                    filter.push(*c);
                    self.find_in_history(self.history.len());
                    return Next::Stay;
                }
                Action::Backspace => {
                    filter.pop();
                    self.find_in_history(self.history.len());
                    return Next::Stay;
                }
                Action::HistorySearch | Action::OpenResult | Action::Close => {}
                // Anything else takes the line found as it is.
                _ => self.filter = None,
            }
        }
        let line = &mut self.line;
        let edited = match action {
            Action::Insert(c) => {
                if !line.insert(*c) {
                    return Next::Full;
                }
                true
            }
            Action::Paste(text) => {
                let added = line.paste(text);
                let cut = line.full() && !text.is_empty();
                if added {
                    self.edited();
                    self.recall = None;
                    self.filter = None;
                }
                return if cut { Next::Full } else { Next::Stay };
            }
            Action::Backspace => line.backspace(),
            Action::DeleteToStart => line.delete_to_start(),
            Action::DeleteWord => line.delete_word(),
            Action::CaretLeft => {
                line.left();
                false
            }
            Action::CaretRight => {
                line.right();
                false
            }
            Action::CaretHome => {
                line.home();
                false
            }
            Action::CaretEnd => {
                line.end();
                false
            }
            // In an empty line (or one recalled), ↑ and ↓ walk the history.
            Action::ResultUp if line.text.is_empty() || self.recall.is_some() => {
                let before = self.recall.unwrap_or(self.history.len());
                if let Some(i) = before.checked_sub(1) {
                    self.recall_entry(Some(i));
                }
                return Next::Stay;
            }
            // Ctrl-r: the newest earlier search holding what is typed; again,
            // the one before that.
            Action::HistorySearch => {
                let before = if self.filter.is_some() {
                    self.recall.unwrap_or(self.history.len())
                } else {
                    self.filter = Some(line.text.clone());
                    self.history.len()
                };
                self.find_in_history(before);
                return Next::Stay;
            }
            Action::ResultUp => {
                self.move_selection(-1);
                false
            }
            Action::ResultDown => {
                self.move_selection(1);
                false
            }
            Action::Close => return Next::Close,
            Action::OpenResult => return self.open(),
            Action::OpenResultAt(i) => {
                self.selected = *i;
                self.move_selection(0);
                return self.open();
            }
            _ => false,
        };
        if edited {
            self.edited();
            self.recall = None;
            self.filter = None;
        }
        Next::Stay
    }

    /// Recalls the newest search before `before` that holds the filter.
    fn find_in_history(&mut self, before: usize) {
        let Some(filter) = &self.filter else { return };
        let found = (0..before.min(self.history.len()))
            .rev()
            .find(|&i| self.history[i].contains(filter.as_str()));
        if found.is_some() {
            self.recall_entry(found);
        }
    }

    /// Shows an earlier search (or, past the newest, an empty line).
    fn recall_entry(&mut self, i: Option<usize>) {
        let text = i
            .and_then(|i| self.history.get(i))
            .cloned()
            .unwrap_or_default();
        self.recall = i;
        self.line = crate::field::TextField {
            caret: text.len(),
            text,
            ..crate::field::TextField::default()
        };
        self.edited();
    }

    fn edited(&mut self) {
        self.serial += 1;
        self.selected = 0;
        self.open_when_ready = false;
    }

    /// Enter: open the selection, or wait for results that answer the line.
    fn open(&mut self) -> Next {
        if self.stale() {
            self.open_when_ready = !self.line.text.trim().is_empty();
            return Next::Stay;
        }
        Next::Open
    }

    /// Takes results if they answer the current query, with the highlights
    /// of each; says whether to open the selection now.
    pub fn receive(&mut self, serial: u64, outcome: Arc<Outcome>, index: &SearchIndex) -> Next {
        if serial != self.serial {
            return Next::Stay;
        }
        self.marks = outcome
            .hits
            .iter()
            .zip(&outcome.marks)
            .map(|(h, ranges)| crate::search::char_positions(index.text(h.entry), ranges))
            .collect();
        self.suggestion = index.suggestion(&outcome);
        self.outcome = Some(outcome);
        self.selected = 0;
        if std::mem::take(&mut self.open_when_ready) {
            Next::Open
        } else {
            Next::Stay
        }
    }

    /// The query to run, once for each edit: the shown results are not for
    /// the line as typed, and the searcher has not been given it.
    pub fn request(&mut self) -> Option<(u64, String)> {
        if !self.stale() || self.asked == Some(self.serial) {
            return None;
        }
        self.asked = Some(self.serial);
        Some((self.serial, self.line.text.clone()))
    }

    /// The selected result's place in the text, for Enter.
    #[must_use]
    pub fn destination(&self, index: &SearchIndex) -> Option<Destination> {
        let outcome = self.outcome.as_ref()?;
        let hit = outcome
            .hits
            .get(self.selected.checked_sub(self.notes.len())?)?;
        Some(match index.target(hit.entry) {
            Target::Field(anchor) => {
                Destination::Text(anchor, Some(outcome.answered().into_owned()))
            }
            Target::Label(node) => Destination::Node(node),
            Target::Place(p) => Destination::Place(p),
        })
    }

    /// The selected result's paragraph, for `Ctrl-y`.
    #[must_use]
    pub fn selected_anchor(&self, index: &SearchIndex) -> Option<Anchor> {
        let hit = self
            .outcome
            .as_ref()?
            .hits
            .get(self.selected.checked_sub(self.notes.len())?)?;
        match index.target(hit.entry) {
            Target::Field(anchor) => Some(anchor),
            _ => None,
        }
    }

    /// The popup closed: a search still running is of no use, and the line
    /// is searched again when it opens.
    pub fn cancel(&mut self) {
        if self.stale() {
            self.asked = None;
        }
    }

    /// The results of an index that is gone mean nothing in a grown one:
    /// the line stays and its search runs again.
    pub fn rebase(&mut self) {
        self.outcome = None;
        self.marks.clear();
        self.suggestion = None;
        self.edited();
    }

    /// True while the shown results are for an older query.
    #[must_use]
    pub fn stale(&self) -> bool {
        self.outcome
            .as_ref()
            .is_none_or(|o| o.query != self.line.text)
    }

    /// The results to show: none for an empty line.
    #[must_use]
    pub fn shown(&self) -> Option<&Outcome> {
        self.outcome
            .as_deref()
            .filter(|_| !self.line.text.trim().is_empty())
    }

    /// The first result listed when `per_page` fit: the page that holds the
    /// selection.
    #[must_use]
    pub fn top(&self, per_page: usize) -> usize {
        self.selected.saturating_sub(per_page.saturating_sub(1))
    }

    /// The note selected, when a note is.
    #[must_use]
    pub fn selected_note(&self) -> Option<usize> {
        self.notes.get(self.selected).copied()
    }

    /// Rows listed: the notes, then the texts.
    #[must_use]
    pub fn rows(&self) -> usize {
        self.notes.len() + self.shown().map_or(0, |o| o.hits.len())
    }

    fn move_selection(&mut self, delta: isize) {
        let n = self.notes.len() + self.outcome.as_ref().map_or(0, |o| o.hits.len());
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }
}
