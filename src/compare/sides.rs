//! What the comparison holds against what: two parts of a collection and
//! how their rows pair. Three shapes, one rule for each:
//! - the bundled page's domestic and foreign lessons, lesson i with lesson i;
//! - two lists (any two parts with parts of their own), their items paired
//!   by ordinal (一是 with 一是), else by order;
//! - two versions of one text (their words mostly the same), paragraph by
//!   paragraph as [`super::versions`] aligns them.

use super::versions::{self, Change};
use crate::content::ordinal;
use crate::content::{Anchor, Field, Library, NodeId, Scope};

/// Two texts at least this alike (shared character pairs) are two
/// versions of one document, not two parts to set side by side.
const VERSIONS: f64 = 0.5;

/// One side's entry on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A part, whole: a lesson with its examples, or any part with all
    /// it holds.
    Node(NodeId),
    /// One field of a version: a heading, a title or a paragraph.
    Text(Anchor),
}

impl Item {
    #[must_use]
    pub fn node(self) -> NodeId {
        match self {
            Item::Node(n) => n,
            Item::Text(a) => a.node,
        }
    }

    /// Does its text (a part's, all it holds) name it?
    #[must_use]
    pub fn names(self, lib: &Library, name: &str) -> bool {
        match self {
            Item::Text(a) => lib.text(a).is_some_and(|t| t.contains(name)),
            Item::Node(n) => lib
                .subtree(n)
                .into_iter()
                .any(|n| lib.fields(n).any(|(_, t)| t.contains(name))),
        }
    }

    /// Where Enter, `y` and a note go: the part's first paragraph, or the
    /// field itself.
    #[must_use]
    pub fn anchor(self) -> Anchor {
        match self {
            Item::Node(node) => Anchor {
                node,
                field: Field::Paragraph(0),
            },
            Item::Text(a) => a,
        }
    }
}

/// A row: what stands on each side, and, between versions, what changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub items: [Option<Item>; 2],
    pub change: Option<Change>,
}

/// The comparison's two sides and its rows.
#[derive(Debug, Clone)]
pub struct Sides {
    /// The parts compared: their headings and intros head the panes.
    pub nodes: [Option<NodeId>; 2],
    /// Each side's name, for its pane; and shorter, as the stacked layout
    /// labels its items.
    pub names: [String; 2],
    pub short: [String; 2],
    /// What the comparison is, for the status bar.
    pub title: String,
    pub rows: Vec<Row>,
    /// The two sides are versions of one text.
    pub versions: bool,
}

impl Sides {
    /// What the comparison opens on: the bundled page's lessons, else the
    /// first two lists of the same shape (same numbering, same length:
    /// 一是…五是 under two headings, （一）…（四） in two articles).
    #[must_use]
    pub fn default_for(lib: &Library) -> Option<Sides> {
        Sides::lessons(lib).or_else(|| {
            let (a, b) = same_shape(lib)?;
            Some(Sides::of(lib, a, b))
        })
    }

    /// The domestic and foreign lessons, lesson i with lesson i, across
    /// every article that has them.
    #[must_use]
    pub fn lessons(lib: &Library) -> Option<Sides> {
        let lists = [Scope::Domestic, Scope::Foreign].map(|s| lib.lesson_list(s));
        if lists.iter().all(Option::is_none) {
            return None;
        }
        let [d, f] = [Scope::Domestic, Scope::Foreign].map(|s| lib.lessons(s));
        let rows = (0..d.len().max(f.len()))
            .map(|i| Row {
                items: [d.get(i), f.get(i)].map(|n| n.copied().map(Item::Node)),
                change: None,
            })
            .collect();
        let names = [(lists[0], "国内"), (lists[1], "国外")]
            .map(|(l, side)| l.map_or(side.to_owned(), |l| lib.node(l).label().to_owned()));
        // The part holding the lists, as the page heads it.
        let title = lists
            .iter()
            .flatten()
            .find_map(|&l| lib.node(l).parent)
            .and_then(|part| lib.node(part).heading.clone())
            .unwrap_or_else(|| names.join(" ⇄ "));
        Some(Sides {
            nodes: lists,
            names,
            short: ["国内".to_owned(), "国外".to_owned()],
            title,
            rows,
            versions: false,
        })
    }

    /// Any two parts: versions of one text paragraph by paragraph, else
    /// their items side by side.
    #[must_use]
    pub fn of(lib: &Library, a: NodeId, b: NodeId) -> Sides {
        let texts = [a, b].map(|n| units(lib, n));
        let whole = |u: &[(Anchor, &str)]| u.iter().map(|(_, t)| *t).collect::<String>();
        let versions = versions::likeness(&whole(&texts[0]), &whole(&texts[1])) >= VERSIONS;
        let rows = if versions {
            let [l, r] = texts
                .each_ref()
                .map(|u| u.iter().map(|(_, t)| *t).collect::<Vec<_>>());
            versions::align(&l, &r)
                .into_iter()
                .map(|(i, j, change)| Row {
                    items: [i.map(|i| texts[0][i].0), j.map(|j| texts[1][j].0)]
                        .map(|a| a.map(Item::Text)),
                    change: Some(change),
                })
                .collect()
        } else if [a, b].iter().any(|&n| lib.node(n).children.is_empty()) {
            // A part with no parts of its own: the two side by side, whole.
            vec![Row {
                items: [Some(Item::Node(a)), Some(Item::Node(b))],
                change: None,
            }]
        } else {
            paired(lib, &entries(lib, a), &entries(lib, b))
        };
        let mut names = [a, b].map(|n| lib.display_label(n));
        let mut short = names.clone();
        // Two versions often share a title: their paths tell them apart.
        if names[0] == names[1] {
            short = [a, b].map(|n| lib.node(n).path.clone());
            names = [a, b].map(|n| format!("{} · {}", lib.display_label(n), lib.node(n).path));
        }
        let title = if versions {
            "两版对照".to_owned()
        } else {
            names.join(" ⇄ ")
        };
        Sides {
            nodes: [Some(a), Some(b)],
            short,
            names,
            title,
            rows,
            versions,
        }
    }

    /// Rows with a change, between versions.
    #[must_use]
    pub fn changed(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.change.is_some_and(|c| c != Change::Same))
            .count()
    }

    /// The rows naming a place on either side.
    #[must_use]
    pub fn naming(&self, lib: &Library, name: &str) -> Vec<Row> {
        self.rows
            .iter()
            .filter(|r| r.items.iter().flatten().any(|&item| item.names(lib, name)))
            .copied()
            .collect()
    }
}

/// Every field of a part, in reading order: a version's units.
fn units(lib: &Library, node: NodeId) -> Vec<(Anchor, &str)> {
    lib.subtree(node)
        .into_iter()
        .flat_map(|n| lib.fields(n))
        .collect()
}

/// A side's items: its parts.
fn entries(lib: &Library, node: NodeId) -> Vec<Item> {
    lib.node(node)
        .children
        .iter()
        .map(|&c| Item::Node(c))
        .collect()
}

/// The number an item's ordinal counts to, if it has one.
fn number(lib: &Library, item: Item) -> Option<u32> {
    match item {
        Item::Node(n) => lib
            .node(n)
            .ordinal
            .as_deref()
            .and_then(ordinal::parse)
            .map(|o| o.n),
        Item::Text(_) => None,
    }
}

/// Two sides' items paired: by ordinal when every item has one (一是 with
/// 一是, a number missing on one side leaving a gap on it), else in order.
fn paired(lib: &Library, left: &[Item], right: &[Item]) -> Vec<Row> {
    let row = |l: Option<Item>, r: Option<Item>| Row {
        items: [l, r],
        change: None,
    };
    let numbers = |items: &[Item]| {
        items
            .iter()
            .map(|&item| number(lib, item))
            .collect::<Option<Vec<u32>>>()
    };
    let (Some(ours), Some(theirs)) = (numbers(left), numbers(right)) else {
        return (0..left.len().max(right.len()))
            .map(|k| row(left.get(k).copied(), right.get(k).copied()))
            .collect();
    };
    let (mut at, mut rows) = ([0, 0], Vec::new());
    while at[0] < left.len() || at[1] < right.len() {
        let take = match (ours.get(at[0]), theirs.get(at[1])) {
            (Some(x), Some(y)) if x == y => [true, true],
            (Some(x), Some(y)) if x > y => [false, true],
            (Some(_), _) => [true, false],
            (None, _) => [false, true],
        };
        rows.push(row(
            take[0].then(|| left[at[0]]),
            take[1].then(|| right[at[1]]),
        ));
        at = [at[0] + usize::from(take[0]), at[1] + usize::from(take[1])];
    }
    rows
}

/// The first two parts, neither inside the other, whose parts are
/// numbered alike: the same ordinals, as many, from the first.
fn same_shape(lib: &Library) -> Option<(NodeId, NodeId)> {
    let mut seen: std::collections::HashMap<(ordinal::Family, usize), NodeId> =
        std::collections::HashMap::new();
    for node in lib.reading_order() {
        let children = &lib.node(node).children;
        if children.len() < 2 {
            continue;
        }
        let ords: Option<Vec<ordinal::Ordinal>> = children
            .iter()
            .map(|&c| lib.node(c).ordinal.as_deref().and_then(ordinal::parse))
            .collect();
        let Some(ords) = ords else { continue };
        let family = ords[0].family;
        if ords[0].n != 1 || ords.iter().any(|o| o.family != family) {
            continue;
        }
        match seen.get(&(family, ords.len())) {
            Some(&first) if !lib.ancestry(node).contains(&first) => return Some((first, node)),
            Some(_) => {}
            None => {
                seen.insert((family, ords.len()), node);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Item, Sides};
    use crate::compare::versions::Change;
    use crate::content::Library;

    #[test]
    fn the_bundled_page_opens_on_its_lessons() {
        let lib = Library::bundled().unwrap();
        let sides = Sides::default_for(&lib).unwrap();
        assert!(!sides.versions);
        assert_eq!(sides.rows.len(), 5);
        for row in &sides.rows {
            let [d, f] = row
                .items
                .map(|i| lib.node(i.unwrap().node()).ordinal.clone());
            assert_eq!(d, f, "lesson i with lesson i");
        }
    }

    #[test]
    fn an_article_against_itself_is_versions_with_nothing_changed() {
        let lib = Library::bundled().unwrap();
        let root = lib.articles[0].root;
        let sides = Sides::of(&lib, root, root);
        assert!(sides.versions);
        assert_eq!(sides.changed(), 0);
        assert!(sides.rows.iter().all(|r| r.change == Some(Change::Same)));
        assert!(matches!(sides.rows[0].items[0], Some(Item::Text(_))));
    }
}
