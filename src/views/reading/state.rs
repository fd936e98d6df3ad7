//! The reading view's state: the text, the table of contents beside it (or
//! over it), which of them has the keys, the jump list, how far each
//! article has been read, and the passage being selected for a note.

mod hits;
mod jumps;
mod noting;
pub mod panes;
pub mod reader;
mod recalled;
pub mod selection;
pub mod tree;

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::layout::Position as At;

use crate::action::{Action, Pane};
use crate::content::{Anchor, Field, Library, NodeId};
use crate::keys::Mode;
use crate::state::{Saved, Spot};
use crate::views::navigate::Arrival;
use crate::views::rebase::Rebase;
use crate::views::{Crumb, Ctx, Reply, ViewState};
use crate::wrap::Widths;
use jumps::Jumps;
use panes::{Focus, Panes};
use reader::{Position, Reader};
use recalled::Recalled;
use selection::Selection;
use tree::Tree;

pub struct Reading {
    pub reader: Reader,
    pub tree: Tree,
    pub panes: Panes,
    pub jumps: Jumps,
    /// Article id → how far through it the reader got, in percent.
    pub progress: BTreeMap<String, u8>,
    /// The passage being selected for a note (`v`, or a mouse drag).
    pub selection: Option<Selection>,
    /// Where a press on the text was, for a drag to select from.
    drag_from: Option<(Anchor, usize)>,
    /// A saved session's spot that the collection does not hold yet.
    recalled: Option<Recalled>,
    /// The article and line the tree last opened the parts on screen at:
    /// it opens them again only when the text moves (a part the reader
    /// closes in the tree stays closed).
    opened_at: Option<(usize, usize)>,
    /// The search the matches being stepped through are of.
    found: hits::Found,
}

impl ViewState for Reading {
    fn open(lib: &Arc<Library>, widths: Widths) -> Self {
        Reading {
            reader: Reader::new(Arc::clone(lib), widths),
            tree: Tree::new(Arc::clone(lib)),
            panes: Panes::default(),
            jumps: Jumps::default(),
            progress: BTreeMap::new(),
            selection: None,
            drag_from: None,
            recalled: None,
            opened_at: None,
            found: hits::Found::default(),
        }
    }

    fn mode(&self, cx: &Ctx) -> Mode {
        if self.selection.is_some() {
            Mode::Select
        } else if self.panes.focus == Focus::Tree && cx.areas.tree.is_some() {
            Mode::Tree
        } else {
            Mode::Reader
        }
    }

    fn update(&mut self, action: &Action, cx: &Ctx) -> Reply {
        if self.selection.is_some() {
            return self.on_selection(action, cx);
        }
        if let Some(reply) = self.on_panes(action, cx) {
            return reply;
        }
        if let Some(reply) = self.on_notes(action, cx) {
            return reply;
        }
        self.on_text(action, cx)
    }

    fn settle(&mut self, cx: &Ctx) -> Vec<crate::effect::Effect> {
        let areas = &cx.areas;
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
        // Every part whose heading is on screen shows in the tree, not
        // only the one at the top: a part passed with Space is opened too.
        let reader = &self.reader;
        let here = Some((reader.article, reader.scroll));
        if self.opened_at != here {
            self.opened_at = here;
            let shown = reader.scroll..reader.scroll + reader.page_height();
            let lib = reader.library();
            let open: Vec<NodeId> = reader
                .doc()
                .headed_in(shown)
                .flat_map(|n| lib.ancestry(n))
                .filter(|&n| !lib.node(n).children.is_empty())
                .collect();
            self.tree.expand(&open);
        }
        self.tree.follow(reading);
        let lib = self.reader.library();
        let article = &lib.articles[self.reader.article].id;
        // How far the reader got: going back does not lower it.
        let percent = u8::try_from(self.reader.percent()).unwrap_or(100);
        if self.progress.get(article).is_none_or(|&p| p < percent) {
            self.progress.insert(article.clone(), percent);
        }
        Vec::new()
    }

    fn rebase(&mut self, moved: &Rebase, cx: &Ctx) {
        let lib = cx.lib;
        self.reader.rebase(Arc::clone(lib), moved);
        self.tree.rebase(Arc::clone(lib), moved);
        self.jumps.rebase(moved);
        // A selection is of the text: kept while the text is the same.
        if !moved.same_text() {
            self.selection = None;
            self.drag_from = None;
        }
        // Unless the reader moved meanwhile, on to where the saved session
        // was, which may be past what the first look held.
        self.recalled = self
            .recalled
            .take()
            .and_then(|r| r.rebase(moved))
            .and_then(|r| r.place(lib, &mut self.reader, &mut self.tree));
    }

    fn anchor(&self, _cx: &Ctx) -> Option<Anchor> {
        self.reader.selected_anchor()
    }

    fn crumb(&self, cx: &Ctx) -> Crumb {
        if let Some(selection) = &self.selection {
            return Crumb::of(format!(
                "已选 {} 字",
                selection.words().chars().count()
            ));
        }
        let reader = &self.reader;
        let mut counts = Vec::new();
        if !reader.hits.is_empty() {
            counts.push((
                format!(
                    "{}/{}",
                    cx.keys.first_key(Mode::Reader, &Action::NextHit),
                    cx.keys.first_key(Mode::Reader, &Action::PrevHit)
                ),
                true,
            ));
            // Matches in this article (处), where the popup counts matching
            // texts in the collection (条).
            counts.push((self.hit_count(), false));
        }
        let articles = cx.lib.articles.len();
        // (With matches counted by article, those say which article.)
        let by_article = self.found.spread.is_some() && !reader.hits.is_empty();
        if articles > 1 && !by_article {
            counts.push((
                format!(
                    "第 {}/{} 篇 · ",
                    crate::paint::text::thousands(reader.article + 1),
                    crate::paint::text::thousands(articles)
                ),
                false,
            ));
        }
        counts.push((format!("{}%", reader.percent()), false));
        Crumb {
            text: cx.lib.breadcrumb(reader.reading()),
            counts,
        }
    }

    fn click(&self, at: At, cx: &Ctx) -> Vec<Action> {
        let areas = &cx.areas;
        if let (Some(tree), Some(inner)) = (areas.tree, areas.tree_inner())
            && tree.contains(at)
        {
            let mut out = vec![Action::Focus(Pane::Tree)];
            if inner.contains(at) {
                let row = usize::from(at.y - inner.y) + self.tree.offset;
                out.extend(self.tree.rows().get(row).map(|&node| Action::Select(node)));
            }
            out
        } else if areas.reader.contains(at) {
            let mut out = vec![Action::Focus(Pane::Reader)];
            out.extend(self.text_at(at, cx).map(|(a, byte)| Action::PressAt(a, byte)));
            out
        } else {
            Vec::new()
        }
    }

    fn wheel(&self, at: At, delta: isize, cx: &Ctx) -> Vec<Action> {
        let pane = if cx.areas.tree.is_some_and(|t| t.contains(at)) {
            Some(Pane::Tree)
        } else {
            cx.areas.reader.contains(at).then_some(Pane::Reader)
        };
        pane.map(|p| Action::Wheel(p, delta)).into_iter().collect()
    }

    fn drag(&self, at: At, cx: &Ctx) -> Vec<Action> {
        self.text_at(at, cx)
            .map(|(a, byte)| Action::DragTo(a, byte))
            .into_iter()
            .collect()
    }

    fn offers(&self, action: &Action, cx: &Ctx) -> bool {
        // Narrow, the tree floats over the text: `t` opens it; wide, `Tab`
        // moves between the panes.
        match action {
            Action::FocusNext => !cx.areas.tree_floats,
            Action::ToggleTree => cx.areas.tree_floats,
            _ => true,
        }
    }

    fn remember(&self, saved: &mut Saved, cx: &Ctx) {
        saved.at = self
            .spot()
            .map(|(anchor, byte)| Spot::of(cx.lib, anchor, byte));
        saved.measure = Some(self.reader.measure);
        saved.measure_from = Some(self.reader.preferred);
        saved.expanded = self.tree.expanded_paths();
        saved.progress.clone_from(&self.progress);
    }

    /// Picks up where a saved session left off: the measure, the open
    /// nodes, the progress and the spot; one not in the collection yet
    /// waits.
    fn recall(&mut self, saved: &Saved, cx: &Ctx) {
        let lib = cx.lib;
        // The measure saved, unless the settings set another since.
        if let Some(measure) = saved.measure
            && saved.measure_from == Some(self.reader.preferred)
        {
            self.reader.set_measure(measure);
        }
        if !saved.expanded.is_empty() {
            let nodes: Vec<usize> = saved.expanded.iter().filter_map(|p| lib.find(p)).collect();
            self.tree.set_expanded(&nodes);
        }
        self.progress.clone_from(&saved.progress);
        let recalled = Recalled::new(saved.clone(), self.reader.position());
        self.recalled = recalled.place(lib, &mut self.reader, &mut self.tree);
    }
}

impl Reading {
    /// The tree's keys, the panes' (Tab, `t`, Esc, a click's focus) and the
    /// wheel's.
    fn on_panes(&mut self, action: &Action, cx: &Ctx) -> Option<Reply> {
        let floats = cx.areas.tree_floats;
        match action {
            Action::FocusNext => self.panes.next(floats),
            Action::ToggleTree => self.panes.toggle_tree(),
            Action::Focus(Pane::Tree) => self.panes.focus = Focus::Tree,
            Action::Focus(Pane::Reader) => self.panes.read(floats),
            Action::Wheel(Pane::Tree, delta) => self.tree.move_by(*delta),
            Action::Wheel(Pane::Reader, delta) => self.reader.scroll_by(*delta),
            // Esc: a floating tree closes, else the search highlights go.
            Action::Close => {
                if !self.panes.close(floats) {
                    self.reader.hits.clear();
                }
            }
            _ if self.tree.update(action) => {
                if cx.areas.tree.is_some() {
                    self.panes.focus = Focus::Tree;
                }
            }
            _ => return None,
        }
        Some(Reply::Done)
    }

    /// The reading keys: scrolling, parts, hits, bookmarks, the measure,
    /// opening what the tree has selected, and `c`.
    fn on_text(&mut self, action: &Action, cx: &Ctx) -> Reply {
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
                    Reply::Say(format!("版心 {shown} 列{limited}"))
                }
                Action::NextPart if !moved => Reply::Say("已是最后一部分".into()),
                Action::PrevPart if !moved => Reply::Say("已是第一部分".into()),
                _ => Reply::Done,
            };
        }
        match action {
            Action::NextHit | Action::PrevHit => {
                self.step_hits(matches!(action, Action::NextHit), cx)
            }
            Action::ToggleBookmark => match from.top {
                Some((anchor, _)) => Reply::Bookmark(anchor),
                None => Reply::Say("这一行不是段落，无法加书签".into()),
            },
            Action::TreeOpen => {
                self.jumps.push(from);
                self.reader.open(self.tree.selected);
                self.panes.read(cx.areas.tree_floats);
                Reply::Done
            }
            Action::Select(node) => {
                self.jumps.push(from);
                self.tree.select(*node);
                self.reader.open(*node);
                if cx.areas.tree_floats {
                    self.panes.read(true);
                }
                Reply::Done
            }
            Action::CompareHere => {
                // The tree's selection from the tree; in the text, the
                // current search hit first (after a jump it sits below the
                // top line), else the part being read.
                let hit = self.reader.hits.get(self.reader.hit).map(|(a, _)| a.node);
                let reading = self.reader.reading();
                let related = |h: &NodeId| {
                    cx.lib.ancestry(*h).contains(&reading) || cx.lib.ancestry(reading).contains(h)
                };
                let node = if self.mode(cx) == Mode::Tree {
                    self.tree.selected
                } else {
                    // A hit scrolled away from is not what is read.
                    hit.filter(related).unwrap_or(reading)
                };
                self.jumps.push(from);
                Reply::Compare(node)
            }
            Action::PressAt(anchor, byte) => {
                self.drag_from = Some((*anchor, *byte));
                self.selection = None;
                Reply::Done
            }
            Action::DragTo(anchor, byte) => self.drag_to(*anchor, *byte, cx),
            _ => Reply::Ignored,
        }
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
    pub fn arrive(&mut self, arrival: Arrival, floats: bool, index: &crate::search::SearchIndex) {
        self.jumps.push(self.reader.position());
        self.panes.read(floats);
        match arrival {
            Arrival::Node(node) => {
                self.reader.open(node);
                self.reader.hits.clear();
                self.found = hits::Found::default();
            }
            Arrival::Text(anchor, hits, query) => {
                if query != self.found.query {
                    self.found = hits::Found::of(query, index);
                }
                self.reader.jump(anchor, hits);
            }
        }
    }

    /// A jump that led nowhere: forget it.
    pub fn stay(&mut self) {
        let here = self.reader.position();
        self.jumps.cancel(here);
    }

    /// Where the reader is, as the state file keeps it: the text at the top.
    #[must_use]
    pub fn spot(&self) -> Option<(Anchor, usize)> {
        self.reader.position().top
    }

    #[must_use]
    pub fn position(&self) -> Position {
        self.reader.position()
    }

    /// The character of the text under the pointer: its paragraph and
    /// byte, a wide character's either half giving the whole of it. None
    /// off the text, or on text that is not a paragraph.
    fn text_at(&self, pos: At, cx: &Ctx) -> Option<(Anchor, usize)> {
        let inner = cx.areas.reader_inner();
        if !inner.contains(pos) {
            return None;
        }
        let reader = &self.reader;
        let doc = reader.doc();
        let line = doc
            .lines
            .get(reader.scroll + usize::from(pos.y - inner.y))?;
        let anchor = line.anchor?;
        if !matches!(anchor.field, Field::Paragraph(_)) {
            return None;
        }
        // As the text is drawn: the measure centred, the prefix first.
        let measure = u16::try_from(doc.width)
            .unwrap_or(u16::MAX)
            .min(inner.width);
        let left = inner.x + (inner.width - measure) / 2;
        let col = usize::from(pos.x.checked_sub(left)?);
        let body = &line.text[line.prefix.len()..];
        let mut at = cx.widths.str(line.prefix);
        for (i, c) in body.char_indices() {
            let w = cx.widths.char(c);
            if col < at + w {
                return Some((anchor, line.range.start + i));
            }
            at += w;
        }
        // Past the line's end: its last character.
        body.char_indices()
            .last()
            .map(|(i, _)| (anchor, line.range.start + i))
    }

    /// Clears the selection: its note was written.
    pub fn selected_done(&mut self) {
        self.selection = None;
    }

    /// The node the tree and the breadcrumb name.
    #[must_use]
    pub fn reading(&self) -> NodeId {
        self.reader.reading()
    }
}
