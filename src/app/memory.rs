//! The session as the state file keeps it, and back: where the reader
//! was, the measure, open tree nodes, searches, bookmarks, progress.

use super::{App, View};
use crate::state::{Saved, Spot};

impl App {
    /// Takes the settings: keys, measure and indent (a saved session's
    /// measure, recalled after, wins over the config's).
    pub fn configure(&mut self, config: crate::config::Config) {
        self.reader.set_indent(config.indent_text());
        self.reader.set_measure(config.measure);
        self.keys = config.keys;
        self.update(crate::action::Action::Resize(self.size.0, self.size.1));
    }

    /// What to remember of this session.
    #[must_use]
    pub fn memory(&self) -> Saved {
        let position = self.reader.position();
        let lib = &self.lib;
        Saved {
            format: crate::state::FORMAT,
            view: Some(
                match self.view {
                    View::Reader => "reader",
                    View::Compare => "compare",
                    View::Places => "places",
                }
                .to_owned(),
            ),
            at: position
                .top
                .map(|(anchor, byte)| Spot::of(lib, anchor, byte)),
            measure: Some(self.reader.measure),
            expanded: self
                .tree
                .expanded
                .iter()
                .enumerate()
                .filter(|(_, open)| **open)
                .map(|(n, _)| lib.node(n).path.clone())
                .collect(),
            searches: self.search.history.clone(),
            bookmarks: self.bookmarks.marks.clone(),
            progress: self.progress.clone(),
        }
    }

    /// Picks up where a saved session left off; what no longer exists in
    /// the content is passed over (bookmarks are kept, shown as missing).
    pub fn recall(&mut self, saved: Saved) {
        if let Some(measure) = saved.measure {
            self.reader.set_measure(measure);
        }
        if !saved.expanded.is_empty() {
            let nodes: Vec<usize> = saved
                .expanded
                .iter()
                .filter_map(|p| self.lib.find(p))
                .collect();
            self.tree.set_expanded(&nodes);
        }
        if let Some((anchor, byte)) = saved
            .at
            .as_ref()
            .and_then(|s| s.resolve(&self.lib).map(|a| (a, s.byte)))
        {
            self.reader.restore(super::reader::Position {
                article: self.lib.node(anchor.node).article,
                top: Some((anchor, byte)),
            });
        }
        match saved.view.as_deref() {
            Some("compare") => self.show(View::Compare),
            Some("places") => self.show(View::Places),
            _ => {}
        }
        self.search.history.clone_from(&saved.searches);
        self.bookmarks.marks.clone_from(&saved.bookmarks);
        self.progress.clone_from(&saved.progress);
        self.update(crate::action::Action::Resize(self.size.0, self.size.1));
        self.recalled = Some((saved, self.reader.position()));
    }

    /// More of a collection, loaded while the reader showed a part: the
    /// reader stays where it is, with what it has open and typed. `shown`
    /// is how many files that is, while more are loading; None once the
    /// whole collection is in.
    pub fn adopt(
        &mut self,
        index: std::sync::Arc<crate::search::SearchIndex>,
        shown: Option<usize>,
    ) {
        let mut saved = self.memory();
        if let Some((first, placed)) = self.recalled.take() {
            // Unless the reader moved meanwhile, back to where the saved
            // session was, which may be past the first article.
            if self.reader.position() == placed {
                saved.at = first.at;
            }
            for path in first.expanded {
                if !saved.expanded.contains(&path) {
                    saved.expanded.push(path);
                }
            }
        }
        let mut next = App::with_index(index, self.widths);
        next.keys = self.keys.clone();
        next.reader.set_indent(self.reader.indent);
        next.update(crate::action::Action::Resize(self.size.0, self.size.1));
        next.recall(saved);
        next.places.keep_from(&self.places);
        next.focus = self.focus;
        next.show_tree = self.show_tree;
        next.help_first = self.help_first;
        next.help_scroll = self.help_scroll;
        next.overlay = match self.overlay {
            // Entries of the first look mean nothing in the whole index: the
            // line stays and its search runs again.
            super::Overlay::Picker => super::Overlay::None,
            other => other,
        };
        next.search.line = self.search.line.clone();
        next.search.serial = self.search.serial + 1;
        next.notice = self.notice.take();
        next.loading = self.loading.take().filter(|_| shown.is_some());
        if let (Some(loading), Some(shown)) = (&mut next.loading, shown) {
            loading.shown = shown;
        }
        next.update(crate::action::Action::Resize(self.size.0, self.size.1));
        *self = next;
    }

    /// After a save: what was written, another reader's bookmarks and
    /// searches included.
    pub fn saved(&mut self, written: Saved) {
        self.bookmarks.marks = written.bookmarks;
        self.bookmarks.locate(&self.lib);
        self.bookmarks.deleted.clear();
        self.bookmarks.changed = false;
        self.bookmarks.select(self.bookmarks.selected);
        self.search.history = written.searches;
    }
}
