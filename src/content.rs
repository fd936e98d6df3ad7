//! The page as data: articles, their nested sections, lessons and places,
//! loaded from TOML and validated. Knows nothing of the terminal.

mod error;
mod load;

use std::path::Path;

pub use error::{ContentError, ContentErrors};

/// The content shipped inside the binary, in reading order.
pub const BUNDLED: &[(&str, &str)] = &[
    ("1-capital.toml", include_str!("../content/1-capital.toml")),
    ("2-models.toml", include_str!("../content/2-models.toml")),
    ("places.toml", include_str!("../content/places.toml")),
];

/// Index of a node in [`Library::nodes`].
pub type NodeId = usize;
/// Index of a place in [`Library::places`].
pub type PlaceId = usize;

/// A whole collection: every article, flattened into one node arena.
#[derive(Debug, Clone)]
pub struct Library {
    pub articles: Vec<Article>,
    pub nodes: Vec<Node>,
    pub places: Vec<Place>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    /// True when the page printed no headline and we derived one from the text.
    pub derived: bool,
}

#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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
    /// A short label for the tree: ours, or the heading when we gave none.
    pub label: String,
    /// Scope of a lesson list.
    pub scope: Option<Scope>,
    pub paragraphs: Vec<String>,
    pub lesson: Option<Lesson>,
}

/// A lesson of the report: its paragraph is `lead` followed by the examples.
#[derive(Debug, Clone)]
pub struct Lesson {
    pub scope: Scope,
    /// The theme as printed, e.g. 注重打造制造业品牌.
    pub theme: String,
    pub lead: String,
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub place: PlaceId,
    pub text: String,
}

#[derive(Debug, Clone)]
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
}

impl Library {
    /// The collection compiled into the binary.
    ///
    /// # Errors
    /// Only if the bundled files are broken, which a test rules out.
    pub fn bundled() -> Result<Self, ContentErrors> {
        load::from_sources(BUNDLED.iter().map(|(name, text)| {
            (Path::new("content").join(name), (*text).to_owned())
        }))
    }

    /// Loads every `*.toml` file of a folder, in file-name order.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn load_dir(dir: &Path) -> Result<Self, ContentErrors> {
        load::from_dir(dir)
    }

    /// Loads from in-memory sources: `(file name, text)`.
    ///
    /// # Errors
    /// Every problem found, each with its file, line and column.
    pub fn from_sources(
        sources: impl IntoIterator<Item = (std::path::PathBuf, String)>,
    ) -> Result<Self, ContentErrors> {
        load::from_sources(sources)
    }

    #[must_use]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    #[must_use]
    pub fn find(&self, path: &str) -> Option<NodeId> {
        let path = path.trim_matches('/');
        self.nodes.iter().position(|n| n.path == path)
    }

    #[must_use]
    pub fn place(&self, id: &str) -> Option<PlaceId> {
        self.places.iter().position(|p| p.id == id)
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

    /// Labels from the article down, joined with ` › `.
    #[must_use]
    pub fn breadcrumb(&self, id: NodeId) -> String {
        self.ancestry(id)
            .into_iter()
            .map(|n| self.nodes[n].label.as_str())
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The lessons of one scope, in printed order.
    #[must_use]
    pub fn lessons(&self, scope: Scope) -> Vec<NodeId> {
        (0..self.nodes.len())
            .filter(|&n| self.nodes[n].lesson.as_ref().is_some_and(|l| l.scope == scope))
            .collect()
    }

    /// The lesson list node (its intro and heading) of one scope.
    #[must_use]
    pub fn lesson_list(&self, scope: Scope) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|n| n.scope == Some(scope) && n.lesson.is_none())
    }

    /// The tree label with its ordinal, e.g. `一是 注重打造制造业品牌`.
    #[must_use]
    pub fn display_label(&self, id: NodeId) -> String {
        let node = &self.nodes[id];
        match &node.ordinal {
            Some(ord) if !node.label.starts_with(ord.as_str()) => {
                let sep = if ord.ends_with('、') { "" } else { " " };
                format!("{ord}{sep}{}", node.label)
            }
            _ => node.label.clone(),
        }
    }
}
