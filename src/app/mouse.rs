//! Clicks and the wheel: where each lands comes from `areas`, as the views
//! draw it, and becomes the same change a key would make.

use ratatui::layout::Position;

use super::{App, Focus, Overlay, View};
use crate::action::Action;
use crate::areas;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let pos = Position::new(x, y);
        let (width, height) = self.size;
        match self.overlay {
            Overlay::Help => self.overlay = Overlay::None,
            Overlay::Picker => {
                // A click on a place chooses it; anywhere else closes the picker.
                let picker = areas::picker(width, height, self.lib.places.len());
                if let Some(i) = picker.place_at(x, y) {
                    if i < self.picker.places.len() {
                        self.picker.select(i);
                        self.update(Action::PickPlace);
                    }
                } else if !picker.popup.contains(pos) {
                    self.overlay = Overlay::None;
                }
            }
            Overlay::Search => {
                let popup = areas::search(width, height);
                if !popup.popup.contains(pos) {
                    self.overlay = Overlay::None;
                } else if let Some(row) = popup.result_at(y) {
                    let i = self.search.top(popup.per_page) + row;
                    if self
                        .search
                        .outcome
                        .as_ref()
                        .is_some_and(|o| i < o.hits.len())
                    {
                        self.search.selected = i;
                        self.update(Action::OpenResult);
                    }
                }
            }
            Overlay::Bookmarks => {
                let popup = areas::bookmarks(width, height, self.bookmarks.marks.len());
                let inner = areas::inner(popup);
                if !popup.contains(pos) {
                    self.overlay = Overlay::None;
                } else if inner.contains(pos) {
                    let page = usize::from(inner.height / areas::BOOKMARK_ROWS).max(1);
                    let top = self.bookmarks.selected.saturating_sub(page - 1);
                    self.bookmarks
                        .select(top + usize::from((y - inner.y) / areas::BOOKMARK_ROWS));
                    self.update(Action::OpenResult);
                }
            }
            Overlay::None => self.click_view(pos),
        }
    }

    fn click_view(&mut self, pos: Position) {
        let areas = self.areas();
        if areas.tabs.contains(pos) {
            if let Some(i) = self
                .tabs()
                .iter()
                .position(|&(tx, w)| (tx..tx + w).contains(&pos.x))
            {
                self.update(View::ALL[i].action());
            }
            return;
        }
        match self.view {
            View::Compare => {
                if let Some(side) = areas::compare_panes(areas.main)
                    .iter()
                    .position(|p| p.contains(pos))
                {
                    self.compare.side = side;
                }
            }
            View::Places => {}
            View::Reader => {
                if let (Some(tree), Some(inner)) = (areas.tree, areas.tree_inner())
                    && tree.contains(pos)
                {
                    self.focus = Focus::Tree;
                    if inner.contains(pos) {
                        let row = usize::from(pos.y - inner.y) + self.tree.offset;
                        if let Some(&node) = self.tree.rows().get(row) {
                            self.update(Action::Select(node));
                        }
                    }
                } else if areas.reader.contains(pos) {
                    self.focus = Focus::Reader;
                    self.close_floating_tree();
                }
            }
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: isize) {
        let areas = self.areas();
        let pos = Position::new(x, y);
        match self.view {
            View::Compare => {
                let panes = areas::compare_panes(areas.main);
                if let Some(side) = panes.iter().position(|p| p.contains(pos)) {
                    self.compare.scroll(Some(side), delta);
                }
            }
            View::Places => {
                let at = self.places.selected.saturating_add_signed(delta.signum());
                self.places.select(at);
            }
            View::Reader => {
                if areas.tree.is_some_and(|t| t.contains(pos)) {
                    self.tree.move_by(delta);
                } else if areas.reader.contains(pos) {
                    self.reader.scroll_by(delta);
                }
            }
        }
    }
}
