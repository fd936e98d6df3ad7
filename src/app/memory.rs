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
        self.search.history = saved.searches;
        self.bookmarks.marks = saved.bookmarks;
        self.progress = saved.progress;
        self.update(crate::action::Action::Resize(self.size.0, self.size.1));
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
