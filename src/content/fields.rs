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

impl Field {
    /// As one number: the six fields one of a kind first, then notes and
    /// paragraphs by their index, interleaved.
    pub(crate) fn packed(self) -> u32 {
        let nth = |i: usize, odd: u32| {
            u32::try_from(i)
                .ok()
                .and_then(|i| i.checked_mul(2))
                .and_then(|i| i.checked_add(6 + odd))
                .expect("a node's notes and paragraphs fit 31 bits")
        };
        match self {
            Field::Title => 0,
            Field::Deck => 1,
            Field::Byline => 2,
            Field::Affiliation => 3,
            Field::EditorNote => 4,
            Field::Heading => 5,
            Field::Note(i) => nth(i, 0),
            Field::Paragraph(i) => nth(i, 1),
        }
    }

    /// The field [`Field::packed`] gave this number.
    pub(crate) fn unpacked(n: u32) -> Field {
        match n {
            0 => Field::Title,
            1 => Field::Deck,
            2 => Field::Byline,
            3 => Field::Affiliation,
            4 => Field::EditorNote,
            5 => Field::Heading,
            n if n % 2 == 0 => Field::Note(((n - 6) / 2) as usize),
            n => Field::Paragraph(((n - 7) / 2) as usize),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::Field;

    /// Every field comes back from its number, and no two share one.
    #[test]
    fn a_field_packed_comes_back_as_it_was() {
        let mut fields = vec![
            Field::Title,
            Field::Deck,
            Field::Byline,
            Field::Affiliation,
            Field::EditorNote,
            Field::Heading,
        ];
        for i in [0, 1, 2, 3, 1000, 1 << 20] {
            fields.extend([Field::Note(i), Field::Paragraph(i)]);
        }
        let mut numbers: Vec<u32> = fields.iter().map(|f| f.packed()).collect();
        for (&f, &n) in fields.iter().zip(&numbers) {
            assert_eq!(Field::unpacked(n), f, "{n}");
        }
        numbers.sort_unstable();
        numbers.dedup();
        assert_eq!(numbers.len(), fields.len());
    }
}
