//! The study outline's state (5 提纲): every article's headings, each with
//! its first sentence, the reader's notes under their sections; which
//! levels are open, the row selected and the first row shown.

use std::sync::Arc;

use ratatui::layout::Position;

use crate::action::Action;
use crate::content::{Anchor, Field, Library, NodeId};
use crate::export::outline;
use crate::keys::Mode;
use crate::views::navigate::Destination;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, NoteAsk, Reply, ViewState};
use crate::wrap::Widths;

/// One row of the outline: a section (its heading, and its first sentence
/// on a line below), or a note under its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Node(NodeId),
    Note(NodeId, usize),
}

pub struct Outline {
    lib: Arc<Library>,
    /// Nodes whose sections are listed.
    pub open: Vec<bool>,
    pub rows: Vec<Row>,
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// Lines the pane shows.
    height: usize,
    /// The notebook's generation the rows were made from.
    made_from: Option<u64>,
}

impl ViewState for Outline {
    fn open(lib: &Arc<Library>, _widths: Widths) -> Self {
        // Each article and its parts open: the argument at a glance.
        let open = lib.nodes.iter().map(|n| n.depth < 1).collect();
        Outline {
            lib: Arc::clone(lib),
            open,
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            height: 1,
            made_from: None,
        }
    }

    fn mode(&self, _cx: &Ctx) -> Mode {
        Mode::Outline
    }

    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply {
        let last = self.rows.len().saturating_sub(1);
        let page = self.height.saturating_sub(2).max(1) / 2;
        match action {
            Action::TreeDown => self.selected = (self.selected + 1).min(last),
            Action::TreeUp => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + page).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(page),
            Action::TreeTop => self.selected = 0,
            Action::TreeBottom => self.selected = last,
            Action::TreeExpand => match self.rows.get(self.selected) {
                Some(Row::Node(n)) if !self.lib.node(*n).children.is_empty() => {
                    self.open[*n] = true;
                    self.build(cx);
                }
                _ => {}
            },
            Action::TreeCollapse => self.collapse(cx),
            Action::TreeOpen => return self.enter(),
            Action::OpenResultAt(row) => {
                self.selected = (*row).min(last);
                return self.enter();
            }
            _ => return Reply::Ignored,
        }
        self.follow();
        Reply::Done
    }

    fn settle(&mut self, cx: &Ctx) -> Vec<crate::effect::Effect> {
        self.height = usize::from(crate::areas::inner(cx.areas.main).height).max(1);
        if self.made_from != Some(cx.marks.study.generation) {
            self.build(cx);
        }
        self.follow();
        Vec::new()
    }

    fn rebase(&mut self, moved: &Rebase, cx: &Ctx) {
        let selected = self.node();
        let mut open: Vec<bool> = cx.lib.nodes.iter().map(|n| n.depth < 1).collect();
        for (n, &was) in self.open.iter().enumerate() {
            if let Some(now) = moved.node(n) {
                open[now] = was;
            }
        }
        self.lib = Arc::clone(cx.lib);
        self.open = open;
        self.build(cx);
        if let Some(now) = selected.and_then(|n| moved.node(n)) {
            self.selected = self
                .rows
                .iter()
                .position(|r| *r == Row::Node(now))
                .unwrap_or(0);
        }
    }

    fn anchor(&self, _cx: &Ctx) -> Option<Anchor> {
        let node = self.node()?;
        let field = if self.lib.node(node).depth == 0 {
            Field::Title
        } else {
            Field::Heading
        };
        Some(Anchor { node, field })
    }

    /// `y`: the outline of the section under the cursor, with its source.
    fn clip(&self, cx: &Ctx, _section: bool) -> Option<String> {
        let node = self.node()?;
        let study = cx.marks.study;
        let notes = Some((&study.book, study.places.as_slice()));
        let text = outline::markdown(cx.lib, node, notes);
        let source = crate::content::cite::source_of(cx.lib, node);
        Some(crate::sanitize::for_terminal(&format!("{text}\n——{source}")))
    }

    fn crumb(&self, cx: &Ctx) -> Crumb {
        let sections = self.rows.iter().filter(|r| matches!(r, Row::Node(_))).count();
        let notes = self.rows.len() - sections;
        let mut crumb = Crumb::of(self.node().map_or_else(String::new, |n| cx.lib.breadcrumb(n)));
        crumb.counts.push((format!("{sections} 节 · {notes} 条笔记"), false));
        crumb
    }

    fn click(&self, at: Position, cx: &Ctx) -> Vec<Action> {
        let inner = crate::areas::inner(cx.areas.main);
        if !inner.contains(at) {
            return Vec::new();
        }
        let mut y = inner.y;
        for (i, row) in self.rows.iter().enumerate().skip(self.offset) {
            let tall = u16::try_from(self.tall(*row)).unwrap_or(1);
            if (y..y + tall).contains(&at.y) {
                return vec![Action::OpenResultAt(i)];
            }
            y += tall;
        }
        Vec::new()
    }

    fn wheel(&self, _at: Position, delta: isize, _cx: &Ctx) -> Vec<Action> {
        let step = if delta > 0 { Action::TreeDown } else { Action::TreeUp };
        vec![step; delta.unsigned_abs()]
    }
}

impl Outline {
    /// The rows again: every node whose ancestors are open, each followed
    /// by the notes in its own text.
    fn build(&mut self, cx: &Ctx) {
        let study = cx.marks.study;
        let selected = self.rows.get(self.selected).copied();
        self.rows.clear();
        for article in &self.lib.articles {
            let mut stack = vec![article.root];
            while let Some(n) = stack.pop() {
                self.rows.push(Row::Node(n));
                self.rows.extend(
                    outline::notes_in(&study.book, &study.places, n)
                        .into_iter()
                        .map(|i| Row::Note(n, i)),
                );
                if self.open[n] {
                    stack.extend(self.lib.node(n).children.iter().rev());
                }
            }
        }
        self.made_from = Some(study.generation);
        self.selected = selected
            .and_then(|s| self.rows.iter().position(|r| *r == s))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
    }

    /// `h`: an open section closes; else the cursor goes to its parent.
    fn collapse(&mut self, cx: &Ctx) {
        let Some(row) = self.rows.get(self.selected).copied() else {
            return;
        };
        let (node, on_note) = match row {
            Row::Node(n) => (n, false),
            Row::Note(n, _) => (n, true),
        };
        if !on_note && self.open[node] && !self.lib.node(node).children.is_empty() {
            self.open[node] = false;
            self.build(cx);
        } else {
            let to = if on_note { Some(node) } else { self.lib.node(node).parent };
            if let Some(to) = to
                && let Some(i) = self.rows.iter().position(|r| *r == Row::Node(to))
            {
                self.selected = i;
            }
        }
    }

    /// Enter: the section, or the note's passage, in the reader.
    fn enter(&self) -> Reply {
        match self.rows.get(self.selected) {
            Some(Row::Node(n)) => Reply::Go(Destination::Node(*n)),
            Some(Row::Note(_, i)) => Reply::Note(NoteAsk::Open(*i)),
            None => Reply::Done,
        }
    }

    /// The node the selected row is in.
    #[must_use]
    pub fn node(&self) -> Option<NodeId> {
        self.rows.get(self.selected).map(|r| match r {
            Row::Node(n) | Row::Note(n, _) => *n,
        })
    }

    /// Lines a row takes: a section's heading and first sentence, a note's one.
    #[must_use]
    pub fn tall(&self, row: Row) -> usize {
        match row {
            Row::Node(n) => 1 + usize::from(outline::first_sentence(&self.lib, n).is_some()),
            Row::Note(..) => 1,
        }
    }

    /// Scrolls so the selected row is shown whole: back from it, no
    /// further than the page holds.
    fn follow(&mut self) {
        if self.selected < self.offset || self.rows.is_empty() {
            self.offset = self.selected;
            return;
        }
        let mut first = self.selected;
        let mut lines = self.tall(self.rows[first]);
        while first > self.offset {
            let above = self.tall(self.rows[first - 1]);
            if lines + above > self.height {
                self.offset = first;
                return;
            }
            lines += above;
            first -= 1;
        }
    }
}
