//! One searchable text, packed.

use super::{Target, Tier};
use crate::content::{Anchor, Field};

/// One searchable text, packed into 20 bytes: a big archive has millions.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Entry {
    /// The node or place: see [`Entry::target`].
    pub(super) id: u32,
    /// Which text of it: the kind in the top four bits, then [`HEADING`]
    /// and [`LATIN`], then an index.
    pub(super) what: u32,
    /// Bit n set when some character can be read starting with letter `a + n`:
    /// a pinyin query's first letter must be one of them.
    pub(super) initials: u32,
    /// Where this entry's reading sets start in `SearchIndex::sets`; they
    /// end where the next entry's start.
    pub(super) sets_start: u32,
    /// Where this entry's escapes start in [`super::packed::Packed`]'s.
    pub(super) escapes_start: u32,
}

const KIND_BITS: u32 = 28;
/// A heading, title, label or place: ranks above body text.
const HEADING: u32 = 1 << 27;
/// The text has ASCII letters: only then can a Latin term match as text.
const LATIN: u32 = 1 << 26;
const INDEX_MASK: u32 = LATIN - 1;

impl Entry {
    /// `latin`: whether the text has ASCII letters (or may have: a Latin
    /// term is then looked for in it).
    pub(super) fn new(target: Target, latin: bool) -> Self {
        let (id, kind, index) = match target {
            Target::Field(Anchor { node, field }) => {
                let (kind, index) = match field {
                    Field::Title => (0, 0),
                    Field::Deck => (1, 0),
                    Field::Byline => (2, 0),
                    Field::Affiliation => (3, 0),
                    Field::EditorNote => (4, 0),
                    Field::Note(i) => (5, i),
                    Field::Heading => (6, 0),
                    Field::Paragraph(i) => (7, i),
                };
                (node, kind, index)
            }
            Target::Label(node) => (node, 8, 0),
            Target::Place(place) => (place, 9, 0),
        };
        // The loader's limits keep node ids under 2^32, and a file of at
        // most 8 MiB a node's paragraphs under 2^26.
        let id = u32::try_from(id).expect("node ids fit 32 bits");
        let index = u32::try_from(index)
            .ok()
            .filter(|&i| i <= INDEX_MASK)
            .expect("paragraph indices fit 26 bits");
        let heading = matches!(
            target,
            Target::Label(_)
                | Target::Place(_)
                | Target::Field(Anchor {
                    field: Field::Title | Field::Heading,
                    ..
                })
        );
        Entry {
            id,
            what: kind << KIND_BITS
                | if heading { HEADING } else { 0 }
                | if latin { LATIN } else { 0 }
                | index,
            initials: 0,
            sets_start: 0,
            escapes_start: 0,
        }
    }

    pub(super) fn target(self) -> Target {
        let id = self.id as usize;
        let index = (self.what & INDEX_MASK) as usize;
        let field = |field| Target::Field(Anchor { node: id, field });
        match self.what >> KIND_BITS {
            0 => field(Field::Title),
            1 => field(Field::Deck),
            2 => field(Field::Byline),
            3 => field(Field::Affiliation),
            4 => field(Field::EditorNote),
            5 => field(Field::Note(index)),
            6 => field(Field::Heading),
            7 => field(Field::Paragraph(index)),
            8 => Target::Label(id),
            _ => Target::Place(id),
        }
    }

    pub(super) fn tier(self) -> Tier {
        if self.what & HEADING == 0 {
            Tier::Body
        } else {
            Tier::Heading
        }
    }

    pub(super) fn latin(self) -> bool {
        self.what & LATIN != 0
    }
}

#[cfg(test)]
mod tests {
    use super::{Entry, INDEX_MASK, Target, Tier};
    use crate::content::{Anchor, Field};

    #[test]
    fn every_target_survives_packing() {
        let big = INDEX_MASK as usize;
        let fields = [
            Field::Title,
            Field::Deck,
            Field::Byline,
            Field::Affiliation,
            Field::EditorNote,
            Field::Note(3),
            Field::Heading,
            Field::Paragraph(0),
            Field::Paragraph(big),
        ];
        let targets = fields
            .into_iter()
            .map(|field| {
                Target::Field(Anchor {
                    node: u32::MAX as usize,
                    field,
                })
            })
            .chain([Target::Label(7), Target::Place(0)]);
        for target in targets {
            let entry = Entry::new(target, true);
            assert_eq!(entry.target(), target);
            assert!(entry.latin());
            let heading = !matches!(
                target,
                Target::Field(Anchor {
                    field: Field::Deck
                        | Field::Byline
                        | Field::Affiliation
                        | Field::EditorNote
                        | Field::Note(_)
                        | Field::Paragraph(_),
                    ..
                })
            );
            assert_eq!(entry.tier() == Tier::Heading, heading, "{target:?}");
        }
        assert!(!Entry::new(Target::Place(1), false).latin());
        assert_eq!(std::mem::size_of::<Entry>(), 20);
    }
}
