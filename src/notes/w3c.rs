//! The notes file's format: a W3C Web Annotation `AnnotationCollection`
//! (<https://www.w3.org/TR/annotation-model/>). Each note is an
//! `Annotation` whose target is the section's path with a
//! `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (characters into the section's paragraphs joined by line breaks); its
//! bodies are the note (`commenting`) and the kind (`tagging`). A deleted
//! note is kept a while with `"zhizao:deleted": true`.
//!
//! ```json
//! {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
//!  "items": [{"id": "urn:zhizao:note:…", "type": "Annotation",
//!    "motivation": "commenting", "created": "2026-12-02T03:04:05Z",
//!    "modified": "2026-12-02T03:04:05Z",
//!    "body": [{"type": "TextualBody", "purpose": "commenting", "value": "…"},
//!             {"type": "TextualBody", "purpose": "tagging", "value": "重点"}],
//!    "target": {"source": "capital/lessons/foreign/3", "selector": [
//!      {"type": "TextQuoteSelector", "exact": "…", "prefix": "…", "suffix": "…"},
//!      {"type": "TextPositionSelector", "start": 0, "end": 16}]}}]}
//! ```

use serde::{Deserialize, Serialize};

use super::{Note, Notebook, Quote, iso8601, parse_iso8601};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize, Deserialize)]
struct Collection {
    #[serde(rename = "@context", default)]
    context: serde_json::Value,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    items: Vec<Annotation>,
}

/// One annotation, as the model names its parts. A body or a selector may
/// be one object or a list; fields zhizao does not know are passed over.
#[derive(Serialize, Deserialize)]
struct Annotation {
    id: Option<String>,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    motivation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    #[serde(default)]
    body: OneOrMany<Body>,
    target: Option<Target>,
    #[serde(
        rename = "zhizao:deleted",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    deleted: bool,
    #[serde(
        rename = "zhizao:draft",
        default,
        skip_serializing_if = "std::ops::Not::not"
    )]
    draft: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    Many(Vec<T>),
    One(T),
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        OneOrMany::Many(Vec::new())
    }
}

impl<T> OneOrMany<T> {
    fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            OneOrMany::Many(v) => v.iter(),
            OneOrMany::One(t) => std::slice::from_ref(t).iter(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Body {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<String>,
    #[serde(default)]
    value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    format: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Target {
    source: Option<String>,
    #[serde(default)]
    selector: OneOrMany<Selector>,
}

#[derive(Serialize, Deserialize)]
struct Selector {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
}

fn textual(purpose: &str, value: &str, format: Option<&str>) -> Body {
    Body {
        kind: "TextualBody".into(),
        purpose: Some(purpose.into()),
        value: value.into(),
        format: format.map(str::to_owned),
    }
}

fn annotation(note: &Note) -> Annotation {
    let mut body = Vec::new();
    if !note.text.is_empty() {
        body.push(textual("commenting", &note.text, Some("text/plain")));
    }
    body.push(textual("tagging", &note.kind, None));
    let quote = Selector {
        kind: "TextQuoteSelector".into(),
        exact: Some(note.quote.exact.clone()),
        prefix: Some(note.quote.prefix.clone()),
        suffix: Some(note.quote.suffix.clone()),
        start: None,
        end: None,
    };
    let position = Selector {
        kind: "TextPositionSelector".into(),
        exact: None,
        prefix: None,
        suffix: None,
        start: Some(note.start),
        end: Some(note.end),
    };
    Annotation {
        id: Some(note.id.clone()),
        kind: "Annotation".into(),
        motivation: Some(
            if note.is_highlight() {
                "highlighting"
            } else {
                "commenting"
            }
            .into(),
        ),
        created: Some(iso8601(note.created)),
        modified: Some(iso8601(note.modified)),
        body: OneOrMany::Many(body),
        target: Some(Target {
            source: Some(note.path.clone()),
            selector: OneOrMany::Many(vec![quote, position]),
        }),
        deleted: note.deleted,
        draft: note.draft,
    }
}

pub(super) fn write(book: &Notebook, tombstones: bool) -> serde_json::Result<String> {
    let items: Vec<Annotation> = book
        .notes
        .iter()
        .filter(|n| tombstones || !n.deleted)
        .map(annotation)
        .collect();
    serde_json::to_string(&Collection {
        context: CONTEXT.into(),
        kind: "AnnotationCollection".into(),
        items,
    })
}

/// Notes from a collection, a list of annotations, or one annotation. A
/// file that is not one of those is refused whole; an annotation in it
/// that cannot be read as a note (no quote, a malformed time) is kept
/// apart, as it was, in [`Notebook::unread`].
pub(super) fn read(bytes: &[u8]) -> Result<Notebook, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut object) => {
            match object.get("type").and_then(serde_json::Value::as_str) {
                Some("AnnotationCollection") => match object.remove("items") {
                    Some(serde_json::Value::Array(items)) => items,
                    None => Vec::new(),
                    Some(_) => return Err("its items are not a list".into()),
                },
                Some("Annotation") => vec![serde_json::Value::Object(object)],
                _ => return Err("not an AnnotationCollection".into()),
            }
        }
        _ => return Err("not annotations".into()),
    };
    let mut book = Notebook::default();
    for item in items {
        // Read in place: the item is kept as it is when it cannot be.
        let read = Annotation::deserialize(&item)
            .map_err(|e| e.to_string())
            .and_then(|a| note(&a));
        match read {
            Ok(n) => book.notes.push(n),
            Err(_) => book.unread.push(item),
        }
    }
    Ok(book)
}

fn note(a: &Annotation) -> Result<Note, String> {
    let id = a.id.clone().ok_or("no id")?;
    let target = a.target.as_ref().ok_or("no target")?;
    let path = target.source.clone().ok_or("no target source")?;
    let of = |kind: &str| target.selector.iter().find(|s| s.kind == kind);
    let quote = of("TextQuoteSelector").ok_or("no TextQuoteSelector")?;
    let quote = Quote {
        exact: quote.exact.clone().ok_or("no exact quote")?,
        prefix: quote.prefix.clone().unwrap_or_default(),
        suffix: quote.suffix.clone().unwrap_or_default(),
    };
    let position = of("TextPositionSelector");
    let start = position.and_then(|p| p.start).unwrap_or(0);
    let end = position
        .and_then(|p| p.end)
        .unwrap_or(start + quote.exact.chars().count());
    let body = |purpose: &str| {
        a.body
            .iter()
            .find(|b| b.purpose.as_deref() == Some(purpose))
            .map(|b| b.value.clone())
    };
    // A time that is there must be one: a malformed one sets the note apart.
    let time = |t: &Option<String>, what: &str| match t.as_deref() {
        None => Ok(None),
        Some(t) => parse_iso8601(t)
            .map(Some)
            .ok_or_else(|| format!("{what} is not a time")),
    };
    let created = time(&a.created, "created")?.unwrap_or(0);
    let modified = time(&a.modified, "modified")?.unwrap_or(created);
    Ok(Note {
        id,
        path,
        quote,
        start,
        end,
        kind: body("tagging").unwrap_or_else(|| super::KINDS[0].to_owned()),
        text: body("commenting").unwrap_or_default(),
        created,
        modified,
        deleted: a.deleted,
        draft: a.draft,
    })
}
