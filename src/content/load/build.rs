//! Building the library from parsed files: each file into a [`Part`] of
//! its own (on the worker that parsed it), then the parts into the library
//! in reading order, where ids are checked across files; a lesson's places
//! are resolved once every file is read, since the places may come from a
//! file after the article's.

use std::collections::HashMap;
use std::path::Path;

use super::checks::{Ctx, check_ordinals, place_problems};
use super::schema::{ArticleDoc, Parsed, PlaceDoc, SectionDoc, Text};
use crate::content::location::{Location, Source};
use crate::content::{
    Article, ContentError, ContentErrors, Example, Lesson, Library, Node, NodeId, Paragraphs,
    Place, PlaceId, Title,
};

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

/// One file built on its own: its places, article and nodes numbered from
/// the file's first, its problems, and what only the whole can settle.
pub(super) struct Part {
    lib: Library,
    errors: Vec<ContentError>,
    /// Where each place's id is given, in order.
    place_at: Vec<(usize, Location)>,
    /// The article's id, and where it is given.
    article_at: Option<(String, usize, Location)>,
    /// Each example with its place as named, in order.
    examples: Vec<Unplaced>,
}

/// An example whose place is looked up once its file joins the library.
struct Unplaced {
    /// The lesson's node, in its file.
    node: NodeId,
    text: std::ops::Range<u32>,
    place: String,
    /// Where its place and its text are given.
    at_place: usize,
    at_text: usize,
}

/// Builds one file, apart from every other.
pub(super) fn part(source: &Source<'_>, parsed: Parsed) -> Part {
    let mut part = Part {
        lib: Library::default(),
        errors: parsed.errors,
        place_at: Vec::new(),
        article_at: None,
        examples: Vec::new(),
    };
    let Some(mut doc) = parsed.doc else {
        return part;
    };
    if doc.article.is_none() && doc.place.is_empty() {
        part.errors.push(ContentError::Path {
            path: source.path.to_path_buf(),
            message: "no [article] and no [[place]] in this file".into(),
        });
    }
    let mut cx = Ctx {
        source,
        errors: &mut part.errors,
    };
    for p in &mut doc.place {
        part.lib.places.push(build_place(&mut cx, p));
        let at = p.id.span().start;
        part.place_at.push((at, source.locate(at)));
    }
    let Some(article) = &mut doc.article else {
        if let Some(first) = doc.section.first() {
            cx.error(
                first.id.span().start,
                "sections need an [article] in the same file",
            );
        }
        return part;
    };
    let id = cx.id(&article.id);
    let at = article.id.span().start;
    part.article_at = Some((id.clone(), at, source.locate(at)));
    let mut builder = Builder {
        cx,
        lib: &mut part.lib,
        examples: &mut part.examples,
    };
    builder.article(article, &mut doc.section, id);
    part
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

fn build_place(cx: &mut Ctx<'_>, doc: &mut PlaceDoc) -> Place {
    Place {
        id: cx.id(&doc.id),
        name: cx.text(&mut doc.name, "place name"),
        scope: *doc.scope.get_ref(),
        english: cx.text(&mut doc.ours.english, "English name"),
        country: cx.text(&mut doc.ours.country, "country"),
        country_zh: cx.text(&mut doc.ours.country_zh, "country"),
        aliases: doc
            .ours
            .aliases
            .iter_mut()
            .map(|a| cx.text(a, "alias"))
            .collect(),
    }
}

/// Builds one article's nodes into its file's part.
struct Builder<'a, 'b> {
    cx: Ctx<'a>,
    lib: &'b mut Library,
    examples: &'b mut Vec<Unplaced>,
}

impl Builder<'_, '_> {
    fn article(&mut self, doc: &mut ArticleDoc, sections: &mut [SectionDoc], id: String) {
        let cx = &mut self.cx;
        let lib = &mut *self.lib;
        let title = match (&mut doc.title, &mut doc.ours.title) {
            (Some(t), None) => Title {
                text: cx.text(t, "title"),
                derived: false,
            },
            (None, Some(t)) => Title {
                text: cx.text(t, "title"),
                derived: true,
            },
            (Some(_), Some(t)) => {
                cx.error(
                    t.span().start,
                    "give `title` (as printed) or `ours.title` (derived), not both",
                );
                return;
            }
            (None, None) => {
                cx.error(
                    doc.id.span().start,
                    "an article needs `title`, or `ours.title` when the page prints none",
                );
                return;
            }
        };
        let mut opt = |v: &mut Option<Text>, what: &str| v.as_mut().map(|t| cx.text(t, what));
        let deck = opt(&mut doc.deck, "deck");
        let byline = opt(&mut doc.byline, "byline");
        let affiliation = opt(&mut doc.affiliation, "affiliation");
        let editor_note = opt(&mut doc.editor_note, "editor's note");
        let notes = doc.notes.iter_mut().map(|n| cx.text(n, "note")).collect();
        let article = lib.articles.len();
        let root = lib.nodes.len();
        let own_label = doc.ours.label.as_mut().map(|l| cx.text(l, "label"));
        lib.nodes.push(Node {
            path: id.clone(),
            article,
            parent: None,
            children: Vec::new(),
            depth: 0,
            ordinal: None,
            heading: Some(title.text.clone()),
            own_label,
            scope: None,
            paragraphs: doc
                .paragraphs
                .iter_mut()
                .map(|p| cx.text(p, "paragraph"))
                .collect(),
            lesson: None,
        });
        lib.articles.push(Article {
            id,
            title,
            deck,
            byline,
            affiliation,
            editor_note,
            notes,
            root,
        });
        self.children(root, sections);
    }

    fn children(&mut self, parent: NodeId, docs: &mut [SectionDoc]) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        check_ordinals(&mut self.cx, docs);
        for doc in docs {
            let id = self.cx.id(&doc.id);
            if let Some(&first) = seen.get(&id) {
                let first = self.cx.place_of(first);
                self.cx.error(
                    doc.id.span().start,
                    format!("duplicate id `{id}` among siblings (first at {first})"),
                );
            }
            seen.insert(id.clone(), doc.id.span().start);
            let node = self.section(parent, doc, &id);
            let nid = self.lib.nodes.len();
            self.lib.nodes.push(node);
            self.lib.nodes[parent].children.push(nid);
            self.children(nid, &mut doc.section);
        }
    }

    fn section(&mut self, parent: NodeId, doc: &mut SectionDoc, id: &str) -> Node {
        let cx = &mut self.cx;
        let heading = cx.text(&mut doc.heading, "heading");
        let ordinal = doc.ordinal.as_mut().map(|o| cx.text(o, "ordinal"));
        if let Some(ord) = &ordinal
            && !heading.starts_with(ord.as_str())
        {
            cx.error(
                doc.heading.span().start,
                format!("heading must begin with its ordinal `{ord}`"),
            );
        }
        if let Some(t) = &doc.ours.title {
            cx.error(t.span().start, "`ours.title` is only for articles");
        }
        let own_label = doc.ours.label.as_mut().map(|l| cx.text(l, "label"));
        let mut paragraphs: Paragraphs = doc
            .paragraphs
            .iter_mut()
            .map(|p| cx.text(p, "paragraph"))
            .collect();
        let lesson = self.lesson(parent, doc, &heading);
        if let Some((_, text)) = &lesson {
            if let Some(p) = doc.paragraphs.first() {
                self.cx.error(
                    p.span().start,
                    "a lesson's text is its `lead` and `examples`; it takes no `paragraphs`",
                );
            }
            paragraphs = [text].into_iter().collect();
        }
        let parent_node = &self.lib.nodes[parent];
        Node {
            path: format!("{}/{id}", parent_node.path),
            article: parent_node.article,
            parent: Some(parent),
            children: Vec::new(),
            depth: parent_node.depth + 1,
            ordinal,
            heading: Some(heading),
            own_label,
            scope: doc.scope.as_ref().map(|s| *s.get_ref()),
            paragraphs,
            lesson: lesson.map(|(l, _)| Box::new(l)),
        }
    }

    /// The lesson a section holds, if any, with its whole text. Its examples
    /// wait in `examples` for their places.
    fn lesson(
        &mut self,
        parent: NodeId,
        doc: &mut SectionDoc,
        heading: &str,
    ) -> Option<(Lesson, String)> {
        let (cx, lib) = (&mut self.cx, &*self.lib);
        let first = doc
            .theme
            .as_ref()
            .or(doc.lead.as_ref())
            .or(doc.examples.first().map(|e| &e.place))?;
        let Some(scope) = lib.nodes[parent].scope else {
            cx.error(
                first.span().start,
                "a lesson (theme, lead, examples) must sit in a section with a `scope`",
            );
            return None;
        };
        let theme = match &mut doc.theme {
            Some(t) => cx.text(t, "theme"),
            None => {
                cx.error(doc.id.span().start, "a lesson needs a `theme`");
                String::new()
            }
        };
        if !theme.is_empty() && !heading.contains(&theme) {
            cx.error(
                doc.theme.as_ref().map_or(0, |t| t.span().start),
                "the theme must be part of the heading as printed",
            );
        }
        let lead = doc
            .lead
            .as_mut()
            .map(|l| cx.text(l, "lead"))
            .unwrap_or_default();
        if doc.examples.is_empty() {
            cx.error(doc.id.span().start, "a lesson needs at least one example");
        }
        let fit = |n: usize| u32::try_from(n).expect("a file's text fits 4 GiB");
        let mut text = lead.clone();
        for e in &mut doc.examples {
            let example = cx.text(&mut e.text, "example");
            let start = fit(text.len());
            text.push_str(&example);
            self.examples.push(Unplaced {
                // The node being built is the next one pushed.
                node: lib.nodes.len(),
                text: start..fit(text.len()),
                place: std::mem::take(e.place.get_mut()),
                at_place: e.place.span().start,
                at_text: e.text.span().start,
            });
        }
        let lesson = Lesson {
            scope,
            theme,
            lead_end: fit(lead.len()),
            examples: Vec::new(),
        };
        Some((lesson, text))
    }
}
