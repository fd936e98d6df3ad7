//! The shape of a content file, as serde reads it, and parsing one file:
//! the part of loading that runs on any thread.

use serde::Deserialize;
use serde::de::IntoDeserializer as _;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::content::location::Source;
use crate::content::{ContentError, Scope};

pub(super) type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileDoc {
    pub article: Option<ArticleDoc>,
    #[serde(default)]
    pub section: Vec<SectionDoc>,
    #[serde(default)]
    pub place: Vec<PlaceDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ArticleDoc {
    pub id: Text,
    pub title: Option<Text>,
    pub deck: Option<Text>,
    pub byline: Option<Text>,
    pub affiliation: Option<Text>,
    pub editor_note: Option<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
    #[serde(default)]
    pub paragraphs: Vec<Text>,
    #[serde(default)]
    pub ours: OursDoc,
}

/// Editorial additions: never the authors' words.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct OursDoc {
    pub title: Option<Text>,
    pub label: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SectionDoc {
    pub id: Text,
    pub ordinal: Option<Text>,
    pub heading: Text,
    pub scope: Option<Spanned<Scope>>,
    pub theme: Option<Text>,
    pub lead: Option<Text>,
    #[serde(default)]
    pub examples: Vec<ExampleDoc>,
    #[serde(default)]
    pub paragraphs: Vec<Text>,
    #[serde(default)]
    pub ours: OursDoc,
    #[serde(default)]
    pub section: Vec<SectionDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleDoc {
    pub place: Text,
    pub text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlaceDoc {
    pub id: Text,
    pub name: Text,
    pub scope: Spanned<Scope>,
    pub ours: PlaceOursDoc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlaceOursDoc {
    pub english: Text,
    pub country: Text,
    pub country_zh: Text,
    #[serde(default)]
    pub aliases: Vec<Text>,
}

/// A schema problem: where, and what.
type Problem = (usize, String);

/// Parses one file. A file that is valid TOML but does not fit the schema
/// gives every table's first problem, not only the file's first.
pub(super) fn parse(source: &Source<'_>) -> Result<FileDoc, Vec<ContentError>> {
    if source.text.trim().is_empty() {
        return Err(vec![ContentError::Path {
            path: source.path.to_path_buf(),
            message: "file is empty".into(),
        }]);
    }
    match toml::from_str::<FileDoc>(source.text) {
        Ok(doc) => Ok(doc),
        Err(first) => {
            let mut found = Vec::new();
            // Only a file that parses as TOML has tables to check one by one.
            if let Ok(table) = DeTable::parse(source.text) {
                schema_errors(&table, &mut found);
            }
            if found.is_empty() {
                found.push(problem(&first));
            }
            Err(found
                .into_iter()
                .map(|(at, message)| ContentError::at(source, at, message))
                .collect())
        }
    }
}

fn problem(e: &toml::de::Error) -> Problem {
    (
        e.span().map_or(0, |s| s.start),
        e.message().trim().to_owned(),
    )
}

/// Every table's first schema problem: the file's own keys, the article,
/// and each place and section (nested sections each on their own).
fn schema_errors(file: &Spanned<DeTable<'_>>, out: &mut Vec<Problem>) {
    let mut top = file.get_ref().clone();
    let sections = top.remove("section");
    let places = top.remove("place");
    let article = top.remove("article");
    let rest = Spanned::new(file.span(), top);
    if let Err(e) = FileDoc::deserialize(rest.into_deserializer()) {
        out.push(problem(&e));
    }
    if let Some(article) = article {
        check::<ArticleDoc>(article, out);
    }
    for place in items(places, out) {
        check::<PlaceDoc>(place, out);
    }
    for section in items(sections, out) {
        section_errors(section, out);
    }
}

fn section_errors(section: Spanned<DeValue<'_>>, out: &mut Vec<Problem>) {
    let span = section.span();
    let DeValue::Table(mut own) = section.into_inner() else {
        out.push((span.start, "a section must be a table".into()));
        return;
    };
    let children = own.remove("section");
    check::<SectionDoc>(Spanned::new(span, DeValue::Table(own)), out);
    for child in items(children, out) {
        section_errors(child, out);
    }
}

fn check<'a, T: Deserialize<'a>>(value: Spanned<DeValue<'a>>, out: &mut Vec<Problem>) {
    if let Err(e) = T::deserialize(ValueDeserializer::from(value)) {
        out.push(problem(&e));
    }
}

/// The elements of an array of tables.
fn items<'a>(
    value: Option<Spanned<DeValue<'a>>>,
    out: &mut Vec<Problem>,
) -> Vec<Spanned<DeValue<'a>>> {
    let Some(value) = value else {
        return Vec::new();
    };
    let start = value.span().start;
    match value.into_inner() {
        DeValue::Array(array) => array.into_iter().collect(),
        _ => {
            out.push((start, "expected an array of tables".into()));
            Vec::new()
        }
    }
}
