//! Going somewhere in the text: a search result, a lesson from the
//! comparison, a place from the index or the picker, a bookmark, and `n`/`N`
//! through the hits. Each remembers where the reader was, for `Ctrl-o`.

use super::{App, Focus, Overlay, View, reader};
use crate::action::Action;
use crate::keys::Mode;
use crate::search::Target;

impl App {
    /// The list of bookmarks: move, open, delete, close.
    pub(super) fn in_bookmarks(&mut self, action: &Action) {
        let marks = &mut self.bookmarks;
        match action {
            Action::ResultDown => marks.select(marks.selected + 1),
            Action::ResultUp => marks.select(marks.selected.saturating_sub(1)),
            Action::DeleteBookmark => marks.delete(),
            Action::Close => self.overlay = Overlay::None,
            Action::OpenResult => {
                let Some(mark) = marks.marks.get(marks.selected) else {
                    return;
                };
                match mark.resolve(&self.lib) {
                    Some(anchor) => {
                        self.overlay = Overlay::None;
                        self.jumps.push(self.reader.position());
                        self.view = View::Reader;
                        self.focus = Focus::Reader;
                        self.reader.jump(anchor, Vec::new());
                    }
                    None => self.notice = Some("这条书签所在的段落已不在内容中".into()),
                }
            }
            _ => {}
        }
    }

    /// `n`/`N`, saying so when they wrap round or there is nothing to step through.
    pub(super) fn step_hit(&mut self, action: &Action) {
        let forward = matches!(action, Action::NextHit);
        match self.reader.step_hit(if forward { 1 } else { -1 }) {
            reader::Step::Moved => {}
            reader::Step::Wrapped => {
                self.notice = Some(if forward {
                    "已回到第一个结果".into()
                } else {
                    "已回到最后一个结果".into()
                });
            }
            reader::Step::None => {
                let key = self.keys.first_key(Mode::Global, &Action::OpenSearch);
                self.notice = Some(format!("没有搜索结果 · 按 {key} 搜索"));
            }
        }
    }

    /// Jumps to the selected search result: its article, the paragraph
    /// scrolled into view, every hit of the query in the article marked.
    pub(super) fn open_result(&mut self) {
        let Some(outcome) = self.search.outcome.clone() else {
            return;
        };
        let Some(hit) = outcome.hits.get(self.search.selected) else {
            return;
        };
        self.overlay = Overlay::None;
        crate::state::remember_search(&mut self.search.history, &outcome.query);
        self.jumps.push(self.reader.position());
        self.view = View::Reader;
        self.focus = Focus::Reader;
        self.close_floating_tree();
        let (query, anchor) = match self.index.target(hit.entry) {
            Target::Field(anchor) => (outcome.answered().to_owned(), anchor),
            Target::Label(node) => {
                self.reader.open(node);
                self.reader.hits.clear();
                return;
            }
            Target::Place(p) => {
                // A place opens at its first mention, every mention marked.
                let name = format!("\"{}\"", self.lib.places[p].name);
                for article in 0..self.lib.articles.len() {
                    let hits = self.index.matches_in_article(article, &name);
                    if let Some(&(first, _)) = hits.first() {
                        self.reader.jump(first, hits);
                        return;
                    }
                }
                return;
            }
        };
        let article = self.lib.node(anchor.node).article;
        let hits = self.index.matches_in_article(article, &query);
        self.reader.jump(anchor, hits);
    }

    /// Enter in the comparison or the place index: that lesson or paragraph
    /// in the reader, the chosen place marked.
    pub(super) fn open_lesson(&mut self) {
        let (anchor, place) = match self.view {
            View::Compare => match self.compare.target() {
                Some(anchor) => (anchor, self.compare.place),
                None => return,
            },
            View::Places => match self.places.current() {
                Some(m) => (m.anchor, Some(m.place)),
                None => return,
            },
            View::Reader => return,
        };
        self.jumps.push(self.reader.position());
        self.view = View::Reader;
        self.focus = Focus::Reader;
        self.reader.open(anchor.node);
        self.reader.hits.clear();
        if let Some(p) = place {
            let name = format!("\"{}\"", self.lib.places[p].name);
            let hits = self.index.matches_in_article(self.reader.article, &name);
            self.reader.jump(anchor, hits);
        }
    }

    /// Enter in the place picker: filter the comparison by that place, or
    /// go to its first mention in the place index.
    pub(super) fn pick_place(&mut self, place: crate::content::PlaceId) {
        self.overlay = Overlay::None;
        if self.view == View::Places {
            self.places.select_place(place);
        } else {
            self.view = View::Compare;
            self.compare.choose_place(place);
        }
    }
}
