//! The page as data: articles, their nested sections, lessons and places,
//! loaded from TOML and validated. Knows nothing of the terminal.

pub mod cite;
mod error;
mod fields;
pub mod gazetteer;
mod load;
mod loading;
pub use load::{Growth, Keeping, MAX_FILE_BYTES, read_regular};
pub use loading::Loading;
pub(crate) mod location;
mod mentions;
pub mod ordinal;
mod paragraphs;

pub use error::{ContentError, ContentErrors};
pub use fields::{Anchor, Field};
pub use mentions::{Mention, Mentions, Named, Names};
pub use paragraphs::Paragraphs;

/// The content shipped inside the binary, in reading order.
pub const BUNDLED: &[(&str, &str)] = &[
    ("1-capital.toml", include_str!("../content/1-capital.toml")),
    ("2-models.toml", include_str!("../content/2-models.toml")),
    ("places.toml", include_str!("../content/places.toml")),
];

/// The bundled page's articles `copies` times over, each copy's ids
/// numbered (`capital3`), and its places once: a collection as big as a
/// test needs, as (file name, text).
#[cfg(test)]
pub(crate) fn bundled_copies(copies: usize) -> Vec<(std::path::PathBuf, String)> {
    let (places, articles): (Vec<_>, Vec<_>) =
        BUNDLED.iter().partition(|(name, _)| *name == "places.toml");
    (0..copies)
        .flat_map(|i| {
            articles.iter().map(move |(name, text)| {
                let text = text
                    .replace("id = \"capital\"", &format!("id = \"capital{i}\""))
                    .replace("id = \"models\"", &format!("id = \"models{i}\""));
                (std::path::PathBuf::from(format!("{i:03}-{name}")), text)
            })
        })
        .chain(
            places
                .iter()
                .map(|(name, text)| (name.into(), (*text).to_owned())),
        )
        .collect()
}

/// Follows a title we derived, wherever a title is listed.
pub const DERIVED_MARK: &str = "〔拟题〕";

/// Index of a node in [`Library::nodes`].
pub type NodeId = usize;
/// Index of a place in [`Library::places`].
pub type PlaceId = usize;

/// A whole collection: every article, flattened into one node arena.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Library {
    pub articles: Vec<Article>,
    #[serde(deserialize_with = "paragraphs::exact")]
    pub nodes: Vec<Node>,
    pub places: Vec<Place>,
    /// Node ids sorted by path, made the first time a path is looked up
    /// (in a finished library: nodes are not added after that).
    #[serde(skip)]
    by_path: PathIndex,
    /// Every place's names, made the first time a place is counted or
    /// marked (in a finished library: places are not added after that).
    #[serde(skip)]
    names: mentions::NamesIndex,
}

/// [`Library::find`]'s index; a copy of a library starts without one, so a
/// copy taken while loading never keeps an index of fewer nodes.
#[derive(Debug, Default)]
struct PathIndex(std::sync::OnceLock<Vec<NodeId>>);

impl Clone for PathIndex {
    fn clone(&self) -> Self {
        PathIndex::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Title {
    pub text: String,
    /// True when the page printed no headline and we derived one from the text.
    pub derived: bool,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub id: String,
    pub title: Title,
    pub deck: Option<String>,
    pub byline: Option<String>,
    pub affiliation: Option<String>,
    pub editor_note: Option<String>,
    pub notes: Vec<String>,
    pub root: NodeId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Domestic,
    Foreign,
}

impl Scope {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Domestic => "domestic",
            Scope::Foreign => "foreign",
        }
    }
}

/// One node of an article's tree: the article itself (depth 0), a part, a
/// sub-part or an enumerated item.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Node {
    /// Slash-separated ids from the article down, e.g. `capital/lessons/foreign/3`.
    pub path: String,
    pub article: usize,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub depth: usize,
    /// The ordinal as printed (`1、`, `一是`, `首先`).
    pub ordinal: Option<String>,
    /// The heading as printed, ordinal included. For an article, its title.
    pub heading: Option<String>,
    /// A short label for the tree, when it is ours: see [`Node::label`].
    own_label: Option<String>,
    /// Scope of a lesson list.
    pub scope: Option<Scope>,
    pub paragraphs: Paragraphs,
    /// Boxed: few nodes are lessons.
    pub lesson: Option<Box<Lesson>>,
}

/// A lesson of the report: its paragraph is its lead followed by the
/// examples, and their text is kept there alone ([`Node::lead`],
/// [`Node::examples`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Lesson {
    pub scope: Scope,
    /// The theme as printed, e.g. 注重打造制造业品牌.
    pub theme: String,
    /// Where the lead ends in the paragraph, in bytes.
    lead_end: u32,
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Example {
    pub place: PlaceId,
    /// Where its text is in the lesson's paragraph, in bytes.
    text: std::ops::Range<u32>,
}

impl Node {
    /// A short label for the tree: ours, or else the heading (an article's
    /// title; a section's heading without its ordinal and closing stop).
    #[must_use]
    pub fn label(&self) -> &str {
        if let Some(label) = &self.own_label {
            return label;
        }
        let heading = self.heading.as_deref().unwrap_or_default();
        if self.depth == 0 {
            return heading;
        }
        self.ordinal
            .as_deref()
            .and_then(|o| heading.strip_prefix(o))
            .unwrap_or(heading)
            .trim_start_matches(['，', ' ', '\u{3000}'])
            .trim_end_matches(['。', '：'])
    }

    /// A lesson's lead: the start of its paragraph, before the examples.
    #[must_use]
    pub fn lead(&self) -> &str {
        match (&self.lesson, self.paragraphs.first()) {
            (Some(l), Some(text)) => text.get(..l.lead_end as usize).unwrap_or_default(),
            _ => "",
        }
    }

    /// A lesson's examples, each with its text: the rest of its paragraph,
    /// in order.
    pub fn examples(&self) -> impl Iterator<Item = (&Example, &str)> {
        let text = self.paragraphs.first().unwrap_or_default();
        let examples = self.lesson.as_deref().map_or(&[][..], |l| &l.examples);
        examples.iter().map(move |e| {
            let at = e.text.start as usize..e.text.end as usize;
            (e, text.get(at).unwrap_or_default())
        })
    }
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub id: String,
    /// As printed.
    pub name: String,
    pub scope: Scope,
    /// Ours: the English name, the country (English and Chinese) and aliases.
    pub english: String,
    pub country: String,
    pub country_zh: String,
    pub aliases: Vec<String>,
    /// Ours: found in the text by the gazetteer, not declared by the
    /// collection (and so never written back into its `places.toml`).
    #[serde(default)]
    pub found: bool,
}

/// How a place answers to a typed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// The start (two letters or more) of its English name, an alias, or a
    /// word of one.
    Prefix,
    /// Its id, its name as printed, its English name or an alias, whole.
    Exact,
}

impl Place {
    /// Whether the place answers to what was typed: the one place-name
    /// matcher behind the command line, the query parser and search (and so
    /// the picker). Latin compares in any case; a prefix is Latin only.
    #[must_use]
    pub fn answers_to(&self, typed: &str) -> Option<NameMatch> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let mut english = std::iter::once(&self.english).chain(&self.aliases);
        if self.name == typed
            || self.id.eq_ignore_ascii_case(typed)
            || english.clone().any(|n| n.eq_ignore_ascii_case(typed))
        {
            return Some(NameMatch::Exact);
        }
        // One letter is an initial of pinyin, not the start of an English
        // name: `n` would otherwise find every 索菲亚 (Nice) in the text.
        if !typed.is_ascii() || typed.len() < 2 {
            return None;
        }
        let lower = typed.to_ascii_lowercase();
        english
            .any(|n| {
                let n = n.to_ascii_lowercase();
                n.starts_with(&lower) || n.split([' ', ',', '-']).any(|w| w.starts_with(&lower))
            })
            .then_some(NameMatch::Prefix)
    }
}

impl Library {
    /// Every place's names as the text prints them, made once.
    #[must_use]
    pub fn names(&self) -> &Names {
        self.names.0.get_or_init(|| Names::of(self))
    }

    #[must_use]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    #[must_use]
    /// The node at exactly this path (`capital/lessons`; not `/capital`
    /// nor `capital//`).
    pub fn find(&self, path: &str) -> Option<NodeId> {
        let sorted = self.by_path.0.get_or_init(|| {
            let mut ids: Vec<NodeId> = (0..self.nodes.len()).collect();
            ids.sort_unstable_by(|&a, &b| self.nodes[a].path.cmp(&self.nodes[b].path));
            ids
        });
        let i = sorted
            .binary_search_by(|&n| self.nodes[n].path.as_str().cmp(path))
            .ok()?;
        Some(sorted[i])
    }

    /// The node and all its descendants, in reading order.
    #[must_use]
    pub fn subtree(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The chain of nodes from the article down to `id`.
    #[must_use]
    pub fn ancestry(&self, id: NodeId) -> Vec<NodeId> {
        let mut chain = vec![id];
        let mut cur = id;
        while let Some(p) = self.nodes[cur].parent {
            chain.push(p);
            cur = p;
        }
        chain.reverse();
        chain
    }

    /// Labels (with ordinals) from the article down, joined with ` › `.
    #[must_use]
    pub fn breadcrumb(&self, id: NodeId) -> String {
        self.ancestry(id)
            .into_iter()
            .map(|n| {
                let label = self.display_label(n);
                // A two-line headline's first line names the article well enough.
                match label.split_once(' ') {
                    Some((first, _)) if self.nodes[n].depth == 0 => first.to_owned(),
                    _ => label,
                }
            })
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The lessons of one scope, in printed order.
    #[must_use]
    pub fn lessons(&self, scope: Scope) -> Vec<NodeId> {
        (0..self.nodes.len())
            .filter(|&n| {
                self.nodes[n]
                    .lesson
                    .as_ref()
                    .is_some_and(|l| l.scope == scope)
            })
            .collect()
    }

    /// The lesson list node (its intro and heading) of one scope.
    #[must_use]
    pub fn lesson_list(&self, scope: Scope) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|n| n.scope == Some(scope) && n.lesson.is_none())
    }

    /// A collection of these places alone: what finding a place by name
    /// needs, without a copy of every article.
    #[must_use]
    pub fn places_only(&self) -> Library {
        Library {
            places: self.places.clone(),
            ..Library::default()
        }
    }

    /// An article's title as printed (ours marked), in full: what a
    /// citation names.
    #[must_use]
    pub fn display_label_full(&self, root: NodeId) -> String {
        let article = &self.articles[self.nodes[root].article];
        if article.title.derived {
            format!("{}{DERIVED_MARK}", article.title.text)
        } else {
            article.title.text.clone()
        }
    }

    /// The tree label with its ordinal, e.g. `一是 注重打造制造业品牌`.
    #[must_use]
    pub fn display_label(&self, id: NodeId) -> String {
        let node = &self.nodes[id];
        if node.depth == 0 && self.articles[node.article].title.derived {
            return format!("{}{DERIVED_MARK}", node.label());
        }
        match &node.ordinal {
            Some(ord) if !node.label().starts_with(ord.as_str()) => {
                let sep = if ord.ends_with('、') { "" } else { " " };
                format!("{ord}{sep}{}", node.label())
            }
            _ => node.label().to_owned(),
        }
    }
}
