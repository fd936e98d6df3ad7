//! The reading view's state: the text, the table of contents beside it
//! (or over it), which of them has the keys, and the jump list. It owns
//! their actions; what reaches past the view it hands back as `Next`.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::jumps::Jumps;
use super::memory::Recalled;
use super::navigate::Arrival;
use super::panes::{Focus, Panes};
use super::reader::{Position, Reader, Step};
use super::rebase::Rebase;
use super::tree::Tree;
use crate::action::Action;
use crate::areas::Areas;
use crate::content::{Anchor, Library, NodeId};
use crate::state::{Saved, Spot};
use crate::wrap::Widths;

pub struct Reading {
    pub reader: Reader,
    pub tree: Tree,
    pub panes: Panes,
    pub jumps: Jumps,
    /// Article id → how far through it the reader got, in percent.
    pub progress: BTreeMap<String, u8>,
    /// A saved session's spot that the collection does not hold yet.
    recalled: Option<Recalled>,
}

/// What an action in the reading view asks of the rest of the app.
pub enum Next {
    Stay,
    /// Something for the status bar.
    Say(String),
    /// `n`/`N` moved through the hits like this, forward or back.
    Stepped(Step, bool),
    /// `m` on this paragraph.
    ToggleBookmark(Anchor),
    /// `c`: the comparison, at the first of these nodes it holds.
    Compare(Vec<NodeId>),
}

impl Reading {
    #[must_use]
    pub fn new(lib: &Arc<Library>, widths: Widths) -> Self {
        Reading {
            reader: Reader::new(Arc::clone(lib), widths),
            tree: Tree::new(Arc::clone(lib)),
            panes: Panes::default(),
            jumps: Jumps::default(),
            progress: BTreeMap::new(),
            recalled: None,
        }
    }

    /// The tree's and the text's keys. `areas` says whether the tree has a
    /// pane and whether it floats.
    pub fn update(&mut self, action: &Action, areas: &Areas) -> Next {
        if self.tree.update(action) {
            if areas.tree.is_some() {
                self.panes.focus = Focus::Tree;
            }
            return Next::Stay;
        }
        let jump = matches!(
            action,
            Action::PrevPart | Action::NextPart | Action::ScrollTop | Action::ScrollBottom
        );
        let from = self.reader.position();
        if jump {
            self.jumps.push(from);
        }
        if self.reader.update(action) {
            let moved = self.reader.position() != from;
            if jump && !moved {
                self.jumps.cancel(from);
            }
            return match action {
                Action::WiderMeasure | Action::NarrowerMeasure => {
                    let shown = self.reader.shown_measure();
                    let limited = if self.reader.measure > shown {
                        "（窗口所限）"
                    } else {
                        ""
                    };
                    Next::Say(format!("版心 {shown} 列{limited}"))
                }
                Action::NextPart if !moved => Next::Say("已是最后一部分".into()),
                Action::PrevPart if !moved => Next::Say("已是第一部分".into()),
                _ => Next::Stay,
            };
        }
        match action {
            Action::NextHit | Action::PrevHit => {
                let forward = matches!(action, Action::NextHit);
                return Next::Stepped(self.reader.step_hit(if forward { 1 } else { -1 }), forward);
            }
            Action::ToggleBookmark => {
                if let Some((anchor, _)) = from.top {
                    return Next::ToggleBookmark(anchor);
                }
            }
            Action::TreeOpen => {
                self.jumps.push(from);
                self.reader.open(self.tree.selected);
                self.panes.read(areas.tree_floats);
            }
            Action::Select(node) => {
                self.jumps.push(from);
                self.tree.select(*node);
                self.reader.open(*node);
                if areas.tree_floats {
                    self.panes.read(true);
                }
            }
            Action::CompareHere => {
                // The current search hit first: after a jump it sits below the top line.
                let hit = self.reader.hits.get(self.reader.hit).map(|(a, _)| a.node);
                let nodes = hit
                    .into_iter()
                    .chain([self.reader.reading(), self.tree.selected])
                    .collect();
                self.jumps.push(from);
                return Next::Compare(nodes);
            }
            _ => {}
        }
        Next::Stay
    }

    /// `Ctrl-o` and `Ctrl-n`; false at the end of the list.
    pub fn jump(&mut self, back: bool) -> bool {
        let Some(to) = self.jumps.step(back, self.reader.position()) else {
            return false;
        };
        self.panes.focus = Focus::Reader;
        self.reader.restore(to);
        true
    }

    /// Shows where a jump lands, remembering where the reader was.
    pub fn arrive(&mut self, arrival: Arrival, floats: bool) {
        self.jumps.push(self.reader.position());
        self.panes.read(floats);
        match arrival {
            Arrival::Node(node) => {
                self.reader.open(node);
                self.reader.hits.clear();
            }
            Arrival::Text(anchor, hits) => self.reader.jump(anchor, hits),
        }
    }

    /// Esc: a floating tree closes, else the search highlights go.
    pub fn close(&mut self, floats: bool) {
        if !self.panes.close(floats) {
            self.reader.hits.clear();
        }
    }

    /// Each pane told its size; the tree follows the text, unless the tree
    /// is being moved through.
    pub fn settle(&mut self, areas: &Areas) {
        let text = areas.reader_inner();
        self.reader
            .resize(usize::from(text.height), usize::from(text.width));
        self.tree
            .resize(areas.tree_inner().map_or(1, |r| usize::from(r.height)));
        let reading = self.reader.reading();
        if (self.panes.focus == Focus::Reader || areas.tree.is_none())
            && self.tree.selected != reading
        {
            self.tree.select(reading);
        }
        self.tree.follow(reading);
        let lib = self.reader.library();
        let article = &lib.articles[self.reader.article].id;
        // How far the reader got: going back does not lower it.
        let percent = u8::try_from(self.reader.percent()).unwrap_or(100);
        if self.progress.get(article).is_none_or(|&p| p < percent) {
            self.progress.insert(article.clone(), percent);
        }
    }

    /// The same place, marks, open nodes and jumps in a grown collection.
    pub fn rebase(&mut self, lib: &Arc<Library>, moved: &Rebase) {
        self.reader.rebase(Arc::clone(lib), moved);
        self.tree.rebase(Arc::clone(lib), moved);
        self.jumps.rebase(moved);
        // Unless the reader moved meanwhile, on to where the saved session
        // was, which may be past what the first look held.
        self.recalled = self
            .recalled
            .take()
            .and_then(|r| r.rebase(moved))
            .and_then(|r| r.place(lib, &mut self.reader, &mut self.tree));
    }

    /// What the state file keeps of the reading view.
    pub fn save_into(&self, saved: &mut Saved) {
        let lib = self.reader.library();
        saved.at = self
            .reader
            .position()
            .top
            .map(|(anchor, byte)| Spot::of(lib, anchor, byte));
        saved.measure = Some(self.reader.measure);
        saved.expanded = self.tree.expanded_paths();
        saved.progress.clone_from(&self.progress);
    }

    /// Picks up where a saved session left off: the measure, the open nodes,
    /// the progress and the spot; one not in the collection yet waits.
    pub fn recall(&mut self, saved: &Saved) {
        let lib = Arc::clone(self.reader.library());
        if let Some(measure) = saved.measure {
            self.reader.set_measure(measure);
        }
        if !saved.expanded.is_empty() {
            let nodes: Vec<usize> = saved.expanded.iter().filter_map(|p| lib.find(p)).collect();
            self.tree.set_expanded(&nodes);
        }
        self.progress.clone_from(&saved.progress);
        let recalled = Recalled::new(saved.clone(), self.reader.position());
        self.recalled = recalled.place(&lib, &mut self.reader, &mut self.tree);
    }

    #[must_use]
    pub fn position(&self) -> Position {
        self.reader.position()
    }
}
