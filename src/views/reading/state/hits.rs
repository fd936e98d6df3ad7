//! `n` and `N` through a search's matches in the whole collection: past
//! the last in an article, on to the next article that has any (and round
//! from the last to the first), the search kept when the article changes;
//! and what the status bar counts of them.

use super::Reading;
use crate::action::Action;
use crate::keys::Mode;
use crate::views::{Ctx, Reply};

/// Past this many articles, the status bar counts matches in the article
/// being read only: counting them all would read the whole collection.
const COUNTED: usize = 2000;

/// The query behind the matches, and (for a collection small enough to
/// count) each article with matches and how many: `(article, matches)`.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub query: Option<String>,
    pub spread: Option<Vec<(usize, usize)>>,
}

impl Found {
    /// The matches of `query`, counted by article when that costs little.
    pub fn of(query: Option<String>, index: &crate::search::SearchIndex) -> Found {
        let articles = index.library().articles.len();
        let spread = query
            .as_ref()
            .filter(|_| articles <= COUNTED)
            .map(|q| {
                (0..articles)
                    .map(|a| (a, index.matches_in_article(a, q).len()))
                    .filter(|&(_, n)| n > 0)
                    .collect()
            });
        Found { query, spread }
    }
}

impl Reading {
    /// `n` (forward) or `N`: the next match in this article, else in the
    /// next article that has one.
    pub(super) fn step_hits(&mut self, forward: bool, cx: &Ctx) -> Reply {
        let search = cx.keys.first_key(Mode::Global, &Action::OpenSearch);
        let delta = if forward { 1 } else { -1 };
        let last = self.reader.hits.len().saturating_sub(1);
        let at_end = if forward {
            self.reader.hit >= last
        } else {
            self.reader.hit == 0
        };
        let Some(query) = self.found.query.clone() else {
            let step = self.reader.step_hit(delta);
            return step.notice(forward, &search).map_or(Reply::Done, Reply::Say);
        };
        if !self.reader.hits.is_empty() && !at_end {
            self.reader.step_hit(delta);
            return Reply::Done;
        }
        // On to the next article with matches (this one first, when it
        // has none shown yet: the reader came here by another way).
        let n = cx.lib.articles.len();
        let here = self.reader.article;
        let first = usize::from(!self.reader.hits.is_empty());
        for k in first..=n {
            let article = if forward {
                (here + k) % n
            } else {
                (here + n * 2 - k) % n
            };
            let hits = cx.index.matches_in_article(article, &query);
            let pick = if forward { hits.first() } else { hits.last() };
            let Some(&(anchor, _)) = pick else {
                continue;
            };
            // Round past the end (back to this article too, from its last).
            let wrapped = k > 0
                && if forward {
                    article <= here
                } else {
                    article >= here
                };
            self.jumps.push(self.reader.position());
            let index = if forward { 0 } else { hits.len() - 1 };
            self.reader.jump(anchor, hits);
            self.reader.hit = index;
            let (at, range) = self.reader.hits[index].clone();
            self.reader.reveal(at, range.start);
            return if wrapped {
                Reply::Say(if forward { "已回到第一个结果" } else { "已回到最后一个结果" }.into())
            } else {
                Reply::Done
            };
        }
        Reply::Say(format!("没有搜索结果 · 按 {search} 搜索"))
    }

    /// The status bar's count of the matches: in the collection when
    /// counted (`第 12/40 处 · 第 2/2 篇`), else in this article.
    pub(super) fn hit_count(&self) -> String {
        let reader = &self.reader;
        let here = reader.article;
        if let Some(spread) = &self.found.spread
            && let Some(k) = spread.iter().position(|&(a, _)| a == here)
            && spread[k].1 == reader.hits.len()
        {
            let before: usize = spread[..k].iter().map(|&(_, n)| n).sum();
            let total: usize = spread.iter().map(|&(_, n)| n).sum();
            return format!(
                " 第 {}/{} 处 · 第 {}/{} 篇  ",
                crate::paint::text::thousands(before + reader.hit + 1),
                crate::paint::text::thousands(total),
                k + 1,
                spread.len()
            );
        }
        format!(" 第 {}/{} 处  ", reader.hit + 1, reader.hits.len())
    }
}
