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

/// One file read: what of it could be read as the schema has it, and
/// every problem found on the way.
pub(super) struct Parsed {
    pub doc: Option<FileDoc>,
    pub errors: Vec<ContentError>,
}

/// Parses one file. A file that is valid TOML but does not fit the schema
/// gives every table's first problem, not only the file's first; and with
/// its unknown fields left out it is read on, so that what the build
/// checks (a duplicate id, a missing place) is found in the same run.
pub(super) fn parse(source: &Source<'_>) -> Parsed {
    if source.text.trim().is_empty() {
        return Parsed {
            doc: None,
            errors: vec![ContentError::Path {
                path: source.path.to_path_buf(),
                message: "file is empty".into(),
            }],
        };
    }
    let first = match toml::from_str::<FileDoc>(source.text) {
        Ok(doc) => {
            return Parsed {
                doc: Some(doc),
                errors: Vec::new(),
            };
        }
        Err(first) => first,
    };
    let mut found = Vec::new();
    // Only a file that parses as TOML has tables to check one by one.
    let mut doc = None;
    if let Ok(mut table) = DeTable::parse(source.text) {
        schema_errors(&table, &mut found);
        doc = without_unknown_fields(&mut table);
    }
    if found.is_empty() {
        found.push(problem(&first));
    }
    Parsed {
        doc,
        errors: found
            .into_iter()
            .map(|(at, message)| ContentError::at(source, at, message))
            .collect(),
    }
}

/// The file read again with each unknown field left out and each missing
/// one empty (they are reported already: `heding` for `heading` is both),
/// so that the checks of the whole file (ids, ordinals, places) still
/// run; None if something else stands in the way.
fn without_unknown_fields(table: &mut Spanned<DeTable<'_>>) -> Option<FileDoc> {
    for _ in 0..64 {
        match FileDoc::deserialize(table.clone().into_deserializer()) {
            Ok(doc) => return Some(doc),
            Err(e) if e.message().starts_with("unknown field") => {
                let at = e.span()?.start;
                if !strip_key(table.get_mut(), at) {
                    return None;
                }
            }
            Err(e) if e.message().starts_with("missing field") => {
                let name = e.message().split('`').nth(1)?.to_owned();
                let span = e.span()?;
                let whole = table.span();
                if !fill_key(table.get_mut(), &whole, &span, &name) {
                    return None;
                }
            }
            Err(_) => return None,
        }
    }
    None
}

/// Puts an empty `name` into the table that spans `span`, wherever it is
/// nested (`whole`: the span of `table` itself).
fn fill_key(
    table: &mut DeTable<'_>,
    whole: &std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
    name: &str,
) -> bool {
    if whole == span {
        let key = Spanned::new(span.clone(), std::borrow::Cow::Owned(name.to_owned()));
        if table.contains_key(&key) {
            return false;
        }
        let empty = Spanned::new(
            span.clone(),
            DeValue::String(std::borrow::Cow::Owned(String::new())),
        );
        table.insert(key, empty);
        return true;
    }
    table.iter_mut().any(|(_, v)| fill_in(v, span, name))
}

fn fill_in(value: &mut Spanned<DeValue<'_>>, span: &std::ops::Range<usize>, name: &str) -> bool {
    let whole = value.span();
    match value.get_mut() {
        DeValue::Table(t) => fill_key(t, &whole, span, name),
        DeValue::Array(items) => items.iter_mut().any(|v| fill_in(v, span, name)),
        _ => false,
    }
}

/// Removes the key that stands at `at`, wherever it is nested.
fn strip_key(table: &mut DeTable<'_>, at: usize) -> bool {
    if let Some(key) = table.keys().find(|k| k.span().start == at).cloned() {
        return table.remove(&key).is_some();
    }
    table.iter_mut().any(|(_, v)| strip_in(v.get_mut(), at))
}

fn strip_in(value: &mut DeValue<'_>, at: usize) -> bool {
    match value {
        DeValue::Table(t) => strip_key(t, at),
        DeValue::Array(items) => items.iter_mut().any(|v| strip_in(v.get_mut(), at)),
        _ => false,
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
