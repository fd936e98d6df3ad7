//! Joining files into the library: each file's [`Part`] (built on the
//! worker that parsed it) in reading order, where ids are checked across
//! files; a lesson's places are resolved once every file is read, since the
//! places may come from a file after the article's.

use std::collections::HashMap;
use std::path::Path;

use super::checks::place_problems;
use super::part::Part;
use crate::content::location::{Location, Source};
use crate::content::{ContentError, ContentErrors, Example, Library, NodeId, PlaceId};

/// An example waiting to join its lesson, in order, once every file is read.
struct PendingExample {
    node: NodeId,
    /// Where its text is in the lesson's paragraph, in bytes.
    text: std::ops::Range<u32>,
    place: PlaceRef,
}

/// An example's place: known when the example was read, and checked then;
/// or named before its file was read, and checked once every file is. Only
/// those carry their spots in the source (which is gone by then), so a
/// collection whose places come first costs nothing extra.
enum PlaceRef {
    Known(PlaceId),
    Later(Box<Later>),
}

struct Later {
    id: String,
    at_place: ContentError,
    at_text: ContentError,
}

#[derive(Default)]
pub(super) struct Loader {
    lib: Library,
    pub errors: Vec<ContentError>,
    pending: Vec<PendingExample>,
    /// Where each place and article id was first given; each place by id.
    place_ids: HashMap<String, Location>,
    places: HashMap<String, PlaceId>,
    article_ids: HashMap<String, Location>,
}

impl Loader {
    /// Adds one file's part to the library, in reading order: its ids
    /// checked against the files before it, its nodes numbered on from
    /// theirs, its examples' places looked up.
    pub fn add(&mut self, source: &Source<'_>, part: Part) {
        self.errors.extend(part.errors);
        let error = |offset: usize, message: String| ContentError::at(source, offset, message);
        let (nodes, articles) = (self.lib.nodes.len(), self.lib.articles.len());
        for (place, (at, location)) in part.lib.places.into_iter().zip(part.place_at) {
            if let Some(first) = self.place_ids.get(&place.id) {
                let message = format!("duplicate place id `{}` (first at {first})", place.id);
                self.errors.push(error(at, message));
            } else {
                self.places.insert(place.id.clone(), self.lib.places.len());
                self.place_ids.insert(place.id.clone(), location);
            }
            self.lib.places.push(place);
        }
        if let Some((id, at, location)) = part.article_at {
            if let Some(first) = self.article_ids.get(&id) {
                let message = format!("duplicate article id `{id}` (first at {first})");
                self.errors.push(error(at, message));
            } else {
                self.article_ids.insert(id, location);
            }
        }
        for mut article in part.lib.articles {
            article.root += nodes;
            self.lib.articles.push(article);
        }
        for mut node in part.lib.nodes {
            node.article += articles;
            node.parent = node.parent.map(|p| p + nodes);
            for child in &mut node.children {
                *child += nodes;
            }
            self.lib.nodes.push(node);
        }
        for example in part.examples {
            let node = nodes + example.node;
            let place = match self.places.get(&example.place) {
                Some(&place) => {
                    for (on_text, message) in self.place_problems(node, &example.text, place) {
                        let at = if on_text {
                            example.at_text
                        } else {
                            example.at_place
                        };
                        self.errors.push(error(at, message));
                    }
                    PlaceRef::Known(place)
                }
                None => PlaceRef::Later(Box::new(Later {
                    id: example.place,
                    at_place: error(example.at_place, String::new()),
                    at_text: error(example.at_text, String::new()),
                })),
            };
            self.pending.push(PendingExample {
                node,
                text: example.text,
                place,
            });
        }
    }

    /// What is wrong with an example's place, its text being `text` in the
    /// paragraph of the lesson at `node`.
    fn place_problems(
        &self,
        node: NodeId,
        text: &std::ops::Range<u32>,
        place: PlaceId,
    ) -> Vec<(bool, String)> {
        let node = &self.lib.nodes[node];
        let scope = node.lesson.as_ref().map(|l| l.scope);
        let at = text.start as usize..text.end as usize;
        let text = node.paragraphs.first().and_then(|p| p.get(at));
        scope
            .zip(text)
            .map(|(s, text)| place_problems(&self.lib.places[place], s, text))
            .unwrap_or_default()
    }

    /// The collection so far, while more is read (a first look, or more of
    /// a big folder): each example whose place is known is in its lesson;
    /// one whose place is in a file not read yet waits for the full load
    /// (its words are in the lesson's paragraph already). None once a
    /// problem is found.
    pub fn snapshot(&self) -> Option<Library> {
        if !self.errors.is_empty() {
            return None;
        }
        let mut lib = self.lib.clone();
        for example in &self.pending {
            if let (PlaceRef::Known(place), Some(lesson)) =
                (&example.place, lib.nodes[example.node].lesson.as_mut())
            {
                lesson.examples.push(Example {
                    place: *place,
                    text: example.text.clone(),
                });
            }
        }
        Some(lib)
    }

    /// Resolves every example's place and reports every problem found.
    pub fn finish(mut self, root: &Path, complete: bool) -> Result<Library, ContentErrors> {
        let index: HashMap<&str, usize> = self
            .lib
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let with = |mut e: ContentError, text: String| {
            if let ContentError::At { message, .. } = &mut e {
                *message = text;
            }
            e
        };
        for example in std::mem::take(&mut self.pending) {
            let place = match example.place {
                PlaceRef::Known(place) => place,
                PlaceRef::Later(later) => {
                    let Later {
                        id,
                        at_place,
                        at_text,
                    } = *later;
                    let Some(&place) = index.get(id.as_str()) else {
                        self.errors
                            .push(with(at_place, format!("unknown place `{id}`")));
                        continue;
                    };
                    for (on_text, message) in
                        self.place_problems(example.node, &example.text, place)
                    {
                        let at = if on_text { &at_text } else { &at_place };
                        self.errors.push(with(at.clone(), message));
                    }
                    place
                }
            };
            if let Some(lesson) = self.lib.nodes[example.node].lesson.as_mut() {
                lesson.examples.push(Example {
                    place,
                    text: example.text,
                });
            }
        }
        if complete && self.errors.is_empty() && self.lib.articles.is_empty() {
            self.errors.push(ContentError::Path {
                path: root.to_path_buf(),
                message: "the collection has no article".into(),
            });
        }
        if self.errors.is_empty() {
            // Nodes grew by doubling: a big collection would carry up to
            // half again its nodes in spare room.
            self.lib.nodes.shrink_to_fit();
            Ok(self.lib)
        } else {
            Err(ContentErrors::sorted(self.errors))
        }
    }
}
