//! The table of contents' state: which nodes are open, the selection, the
//! first row shown, and the row marked as being read.

use std::sync::Arc;

use crate::action::Action;
use crate::content::{Library, NodeId};

pub struct Tree {
    lib: Arc<Library>,
    pub expanded: Vec<bool>,
    pub selected: NodeId,
    /// First visible row.
    pub offset: usize,
    /// The node being read, or its nearest ancestor with a row.
    pub reading: Option<NodeId>,
    /// Every node whose ancestors are all expanded, in order.
    rows: Vec<NodeId>,
    /// Rows the pane shows.
    height: usize,
    /// Bumped whenever the rows change, so `follow` knows when its mark stands.
    generation: u64,
    followed: Option<(NodeId, u64)>,
}

impl Tree {
    /// Articles open, the first one selected.
    #[must_use]
    pub fn new(lib: Arc<Library>) -> Self {
        let mut expanded = vec![false; lib.nodes.len()];
        for a in &lib.articles {
            expanded[a.root] = true;
        }
        let selected = lib.articles.first().map_or(0, |a| a.root);
        let mut tree = Tree {
            lib,
            expanded,
            selected,
            offset: 0,
            reading: None,
            rows: Vec::new(),
            height: 1,
            generation: 0,
            followed: None,
        };
        tree.refresh();
        tree
    }

    /// Tree rows as shown.
    #[must_use]
    pub fn rows(&self) -> &[NodeId] {
        &self.rows
    }

    /// Applies a tree action; false when the action is not one.
    pub fn update(&mut self, action: &Action) -> bool {
        match action {
            Action::TreeUp => self.move_by(-1),
            Action::TreeDown => self.move_by(1),
            Action::TreeTop => self.move_by(isize::MIN / 2),
            Action::TreeBottom => self.move_by(isize::MAX / 2),
            Action::TreeExpand => {
                let n = self.selected;
                if let Some(&first) = self.lib.node(n).children.first() {
                    if self.expanded[n] {
                        self.selected = first;
                    } else {
                        self.expanded[n] = true;
                    }
                }
            }
            Action::TreeCollapse => {
                let n = self.selected;
                if self.expanded[n] && !self.lib.node(n).children.is_empty() {
                    self.expanded[n] = false;
                } else if let Some(p) = self.lib.node(n).parent {
                    self.selected = p;
                }
            }
            _ => return false,
        }
        self.refresh();
        true
    }

    /// Opens exactly these nodes (a saved session's).
    pub fn set_expanded(&mut self, nodes: &[NodeId]) {
        self.expanded.iter_mut().for_each(|e| *e = false);
        for &n in nodes {
            if let Some(e) = self.expanded.get_mut(n) {
                *e = true;
            }
        }
        self.refresh();
    }

    /// Opens these nodes too.
    pub fn expand(&mut self, nodes: &[NodeId]) {
        let before = self.expanded.iter().filter(|e| **e).count();
        for &n in nodes {
            if let Some(e) = self.expanded.get_mut(n) {
                *e = true;
            }
        }
        if self.expanded.iter().filter(|e| **e).count() != before {
            self.refresh();
        }
    }

    /// Selects a node, opening its ancestors so it has a row.
    pub fn select(&mut self, node: NodeId) {
        for a in self.lib.ancestry(node) {
            if a != node {
                self.expanded[a] = true;
            }
        }
        self.selected = node;
        self.refresh();
    }

    pub fn move_by(&mut self, delta: isize) {
        let at = self.position(self.selected);
        let to = at
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(1));
        if let Some(&n) = self.rows.get(to) {
            self.selected = n;
        }
        self.refresh();
    }

    /// The pane's height in rows; the rows are laid out again only when
    /// it changed.
    pub fn resize(&mut self, height: usize) {
        if height.max(1) != self.height {
            self.height = height.max(1);
            self.refresh();
        }
    }

    /// The same nodes open and selected in a grown collection; its new
    /// articles open, as every article starts.
    pub fn rebase(&mut self, lib: Arc<Library>, moved: &crate::views::rebase::Rebase) {
        let mut next = Tree::new(lib);
        let root = |l: &Library, n: NodeId| l.node(n).depth == 0;
        for (n, &open) in self.expanded.iter().enumerate() {
            if open != root(moved.old, n)
                && let Some(m) = moved.node(n)
            {
                next.expanded[m] = open;
            }
        }
        next.selected = moved.node(self.selected).unwrap_or(next.selected);
        next.offset = self.offset;
        next.height = self.height;
        next.refresh();
        *self = next;
    }

    /// Paths of the open nodes, for the state file.
    #[must_use]
    pub fn expanded_paths(&self) -> Vec<String> {
        self.expanded
            .iter()
            .enumerate()
            .filter(|(_, open)| **open)
            .map(|(n, _)| self.lib.node(n).path.clone())
            .collect()
    }

    /// Marks the node being read (again only when it or the rows changed).
    pub fn follow(&mut self, reading: NodeId) {
        if self.followed == Some((reading, self.generation)) {
            return;
        }
        self.followed = Some((reading, self.generation));
        self.reading = self
            .lib
            .ancestry(reading)
            .into_iter()
            .rev()
            .find(|n| self.rows.contains(n));
    }

    fn position(&self, node: NodeId) -> usize {
        self.rows.iter().position(|&n| n == node).unwrap_or(0)
    }

    /// Recomputes the rows, keeps the selection on one, and scrolls so it
    /// is visible.
    fn refresh(&mut self) {
        self.generation += 1;
        self.rows.clear();
        for a in &self.lib.articles {
            let mut stack = vec![a.root];
            while let Some(n) = stack.pop() {
                self.rows.push(n);
                if self.expanded[n] {
                    stack.extend(self.lib.node(n).children.iter().rev());
                }
            }
        }
        if !self.rows.contains(&self.selected) {
            // A collapse hid the selection: select the visible ancestor.
            let chain = self.lib.ancestry(self.selected);
            if let Some(&n) = chain.iter().rev().find(|n| self.rows.contains(n)) {
                self.selected = n;
            }
        }
        let at = self.position(self.selected);
        if at < self.offset {
            self.offset = at;
        } else if at >= self.offset + self.height {
            self.offset = at + 1 - self.height;
        }
        // No blank rows under the last node while there are rows above.
        self.offset = self.offset.min(self.rows.len().saturating_sub(self.height));
    }
}
