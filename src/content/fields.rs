//! A node's fields: each piece of text in the library, what search
//! indexes, the reader lays out and a hit or a highlight points into.

use super::{Library, NodeId};

/// One piece of text in the library: what search indexes and the reader lays out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Deck,
    Byline,
    Affiliation,
    EditorNote,
    Note(usize),
    Heading,
    Paragraph(usize),
}

/// A field of a node: the unit a search hit or a highlight points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    pub node: NodeId,
    pub field: Field,
}

impl Library {
    /// The text of a field, if the node has it.
    #[must_use]
    pub fn text(&self, anchor: Anchor) -> Option<&str> {
        let node = &self.nodes[anchor.node];
        // Paragraphs first: nearly every search entry is one, and the
        // article is not read for them.
        if let Field::Paragraph(i) = anchor.field {
            return node.paragraphs.get(i);
        }
        let is_root = node.depth == 0;
        if anchor.field == Field::Heading {
            return node.heading.as_deref().filter(|_| !is_root);
        }
        let article = &self.articles[node.article];
        match anchor.field {
            Field::Title if is_root => Some(&article.title.text),
            Field::Deck if is_root => article.deck.as_deref(),
            Field::Byline if is_root => article.byline.as_deref(),
            Field::Affiliation if is_root => article.affiliation.as_deref(),
            Field::EditorNote if is_root => article.editor_note.as_deref(),
            Field::Note(i) if is_root => article.notes.get(i).map(String::as_str),
            _ => None,
        }
    }

    /// Every field of the collection, in reading order.
    #[must_use]
    pub fn anchors(&self) -> Vec<Anchor> {
        self.reading_order()
            .into_iter()
            .flat_map(|node| self.fields(node).map(|(anchor, _)| anchor))
            .collect()
    }

    /// Every node, article by article, each before its children.
    #[must_use]
    pub fn reading_order(&self) -> Vec<NodeId> {
        let mut out = Vec::with_capacity(self.nodes.len());
        for article in &self.articles {
            out.extend(self.subtree(article.root));
        }
        out
    }

    /// The fields one node has text in, with their text, in reading order.
    pub fn fields(&self, node: NodeId) -> impl Iterator<Item = (Anchor, &str)> + '_ {
        let n = &self.nodes[node];
        let own: &[Field] = if n.depth == 0 {
            &[
                Field::Title,
                Field::Deck,
                Field::Byline,
                Field::Affiliation,
                Field::EditorNote,
            ]
        } else {
            &[Field::Heading]
        };
        let notes = if n.depth == 0 {
            self.articles[n.article].notes.len()
        } else {
            0
        };
        own.iter()
            .copied()
            .chain((0..notes).map(Field::Note))
            .chain((0..n.paragraphs.len()).map(Field::Paragraph))
            .filter_map(move |field| {
                let anchor = Anchor { node, field };
                Some((anchor, self.text(anchor)?))
            })
    }
}
