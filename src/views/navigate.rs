//! Where a jump lands: a search result, a lesson from the comparison, a
//! place from the index, a bookmark. Each state names its destination; the
//! app goes there, remembering where the reader was for `Ctrl-o`.

use std::ops::Range;

use crate::content::{Anchor, Library, NodeId, PlaceId};
use crate::search::SearchIndex;

/// Somewhere in the text to go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A section, from its heading; nothing marked.
    Node(NodeId),
    /// A paragraph; with a query, its matches in the article are marked
    /// for `n`/`N`, the one in this paragraph first.
    Text(Anchor, Option<String>),
    /// A place's first mention, every mention of it in that article marked.
    Place(PlaceId),
}

/// What the reader is to show: a section, or a paragraph with the marks.
pub enum Arrival {
    Node(NodeId),
    /// A place in the text, the matches of the search that led there, and
    /// that search (for `n` to go on into other articles).
    Text(Anchor, Vec<(Anchor, Range<usize>)>, Option<String>),
}

impl Destination {
    /// The same query exactly as a place is named in the text.
    #[must_use]
    pub fn quoted(lib: &Library, place: PlaceId) -> String {
        format!("\"{}\"", lib.places[place].name)
    }

    /// Where it is in the collection; None for a place it never names.
    #[must_use]
    pub fn resolve(self, index: &SearchIndex) -> Option<Arrival> {
        let lib = index.library();
        Some(match self {
            Destination::Node(node) => Arrival::Node(node),
            Destination::Text(anchor, None) => Arrival::Text(anchor, Vec::new(), None),
            Destination::Text(anchor, Some(query)) => {
                let article = lib.node(anchor.node).article;
                let hits = index.matches_in_article(article, &query);
                Arrival::Text(anchor, hits, Some(query))
            }
            Destination::Place(place) => {
                // The first article that names it, every name of it marked
                // as the place index counts them (长三角 and 长江三角洲); `n`
                // goes on into other articles by its name.
                let query = Self::quoted(lib, place);
                let names = lib.names();
                (0..lib.articles.len()).find_map(|article| {
                    let root = lib.articles[article].root;
                    let hits: Vec<_> = lib
                        .subtree(root)
                        .into_iter()
                        .flat_map(|n| lib.fields(n))
                        .flat_map(|(anchor, text)| {
                            names.ranges(place, text).map(move |r| (anchor, r))
                        })
                        .collect();
                    hits.first()
                        .map(|&(first, _)| Arrival::Text(first, hits.clone(), Some(query.clone())))
                })?
            }
        })
    }
}
