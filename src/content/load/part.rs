//! One file built on its own, apart from every other (on the worker that
//! parsed it): its places, article and nodes numbered from its first, its
//! text checked, and what only the whole collection can settle (ids across
//! files, examples' places) kept for the loader.

use std::collections::HashMap;

use super::checks::{Ctx, check_ordinals};
use super::schema::{ArticleDoc, Parsed, PlaceDoc, SectionDoc, Text};
use crate::content::location::{Location, Source};
use crate::content::{
    Article, ContentError, Lesson, Library, Node, NodeId, Paragraphs, Place, Title,
};

/// One file built on its own: its places, article and nodes numbered from
/// the file's first, its problems, and what only the whole can settle.
pub(super) struct Part {
    pub(super) lib: Library,
    pub(super) errors: Vec<ContentError>,
    /// Where each place's id is given, in order.
    pub(super) place_at: Vec<(usize, Location)>,
    /// The article's id, and where it is given.
    pub(super) article_at: Option<(String, usize, Location)>,
    /// Each example with its place as named, in order.
    pub(super) examples: Vec<Unplaced>,
}

/// An example whose place is looked up once its file joins the library.
pub(super) struct Unplaced {
    /// The lesson's node, in its file.
    pub(super) node: NodeId,
    pub(super) text: std::ops::Range<u32>,
    pub(super) place: String,
    /// Where its place and its text are given.
    pub(super) at_place: usize,
    pub(super) at_text: usize,
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
        found: false,
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
