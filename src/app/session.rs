//! The app's session across runs and loads: the settings applied, what
//! the state file remembers and brings back, and a bigger part of the
//! collection taken in where the reader was.

use std::sync::Arc;

use super::{App, Overlay};
use crate::action::Action;
use crate::effect::Effect;
use crate::search::SearchIndex;
use crate::state::Saved;
use crate::views::View;
use crate::views::rebase::Rebase;

impl App {
    /// The app as the settings make it: keys, measure, indent and the
    /// notes' kinds (a saved session's measure, restored after, wins over
    /// the config's).
    #[must_use]
    pub fn configured(mut self, config: crate::config::Config) -> Self {
        let reader = &mut self.views.reading.reader;
        reader.set_indent(config.indent_text());
        reader.set_measure(config.measure);
        reader.preferred = config.measure;
        self.keys = config.keys;
        self.study.kinds = config.kinds;
        self.update(Action::Resize(self.size.0, self.size.1));
        // Still a stand-in size until the terminal's: nothing read at it.
        self.views.reading.progress.clear();
        self
    }

    /// What to remember of this session, as the state file keeps it.
    #[must_use]
    pub fn memory(&self) -> Saved {
        let mut saved = Saved {
            format: crate::state::FORMAT,
            view: Some(self.view.name().to_owned()),
            searches: self.search.history.clone(),
            bookmarks: self.bookmarks.marks.clone(),
            deleted: self.bookmarks.deleted.clone(),
            ..Saved::default()
        };
        self.views.remember(&mut saved, &self.ctx());
        saved
    }

    pub(super) fn save(&self) -> Effect {
        Effect::Save(Box::new(self.memory()))
    }

    /// Picks up where a saved session left off; what is not in the content
    /// (yet, while a big collection loads) waits for more of it.
    pub(super) fn recall(&mut self, saved: Saved) {
        let (cx, views) = self.ctx_parts();
        views.recall(&saved, &cx);
        if let Some(view) = saved.view.as_deref().and_then(View::named) {
            self.show(view);
        }
        self.search.history = saved.searches;
        self.bookmarks.saved(saved.bookmarks, saved.deleted);
    }

    /// After a save: what was written, another reader's bookmarks and
    /// searches included; or why nothing could be.
    pub(super) fn saved(&mut self, written: Result<Saved, String>) {
        match written {
            Ok(written) => {
                self.bookmarks.saved(written.bookmarks, written.deleted);
                self.search.history = written.searches;
            }
            Err(why) => self.notice = Some(why),
        }
    }

    /// More of a collection, loaded while the reader showed a part: every
    /// state re-targets itself on the larger part, keeping its place,
    /// selection, marks and filters. `shown` is how many files that is,
    /// while more are loading; None once the whole collection is in.
    pub(super) fn adopt(&mut self, index: Arc<SearchIndex>, shown: Option<usize>) {
        let old = Arc::clone(&self.lib);
        let lib = Arc::clone(index.library());
        let moved = Rebase {
            old: &old,
            new: &lib,
        };
        self.lib = Arc::clone(&lib);
        self.index = index;
        self.study.place(&lib);
        let (cx, views) = self.ctx_parts();
        views.rebase(&moved, &cx);
        self.search.rebase();
        if let Overlay::Picker(picker) = &mut self.overlay {
            picker.refresh(&self.index);
        }
        if let Overlay::Bookmarks(list) = &mut self.overlay {
            list.found = self.bookmarks.found(&self.lib);
        }
        self.loading = self.loading.take().and_then(|l| l.grown(shown));
    }
}
