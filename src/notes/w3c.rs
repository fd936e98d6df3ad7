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

mod theirs;

use serde::{Deserialize, Serialize};
use theirs::{only_ours, over};

use super::{Note, Notebook, Quote, iso8601, parse_iso8601};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

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
    /// When its words last changed, when that is not `modified` (a
    /// delete undone changed only that).
    #[serde(
        rename = "zhizao:edited",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    edited: Option<String>,
    /// The words the note was written on, when the text changed them.
    #[serde(
        rename = "zhizao:was",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    was: Option<String>,
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
        edited: (note.edited != note.modified).then(|| iso8601(note.edited)),
        was: note.was.clone(),
    }
}

/// A note as an annotation: what zhizao keeps of it, over the annotation
/// it was read as (so what another tool wrote there stays).
pub(super) fn value(note: &Note) -> serde_json::Value {
    let ours = serde_json::to_value(annotation(note)).unwrap_or_default();
    match (&note.raw, ours) {
        (Some(serde_json::Value::Object(raw)), serde_json::Value::Object(ours)) => {
            serde_json::Value::Object(over(raw.clone(), ours))
        }
        (_, ours) => ours,
    }
}

/// An item as written: a note of zhizao's own, or one over what another
/// tool wrote.
#[derive(Serialize)]
#[serde(untagged)]
enum Item {
    Ours(Box<Annotation>),
    Over(serde_json::Value),
    AsWritten(Box<serde_json::value::RawValue>),
}

/// A note as its annotation was written, when it is unchanged since; as
/// zhizao writes it over that otherwise.
fn item(n: &Note) -> Item {
    if n.raw.is_none() {
        return Item::Ours(Box::new(annotation(n)));
    }
    let now = value(n);
    if let Some(v) = &n.verbatim
        && serde_json::to_string(&now).is_ok_and(|s| s == v.1)
        && let Ok(raw) = serde_json::value::RawValue::from_string(v.0.clone())
    {
        return Item::AsWritten(raw);
    }
    Item::Over(now)
}

/// A note to set aside, as its annotation was written if it is unchanged:
/// JSON text.
pub(super) fn as_written(n: &Note) -> String {
    let text = match item(n) {
        Item::AsWritten(raw) => return raw.get().to_owned(),
        Item::Over(v) => serde_json::to_string(&v),
        Item::Ours(a) => serde_json::to_string(&a),
    };
    text.unwrap_or_else(|_| "null".to_owned())
}

pub(super) fn write(book: &Notebook, tombstones: bool) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Collection<'a> {
        #[serde(rename = "@context")]
        context: &'a str,
        #[serde(rename = "type")]
        kind: &'a str,
        items: Vec<Item>,
        #[serde(flatten)]
        extra: &'a serde_json::Map<String, serde_json::Value>,
    }
    let items = book
        .notes
        .iter()
        .filter(|n| tombstones || !n.deleted)
        .map(item)
        .collect();
    serde_json::to_string(&Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        items,
        extra: &book.extra,
    })
}

/// Notes from a collection, a list of annotations, or one annotation. A
/// file that is not one of those is refused whole; an annotation in it
/// that cannot be read as a note (no quote, a malformed time) is kept
/// apart, as it was, in [`Notebook::unread`].
pub(super) fn read(bytes: &[u8]) -> Result<Notebook, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let mut extra = serde_json::Map::new();
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut object) => {
            match object.get("type").and_then(serde_json::Value::as_str) {
                Some("AnnotationCollection") => {
                    let items = match object.remove("items") {
                        Some(serde_json::Value::Array(items)) => items,
                        None => Vec::new(),
                        Some(_) => return Err("its items are not a list".into()),
                    };
                    // The collection's other fields stay with the notes.
                    object.remove("@context");
                    object.remove("type");
                    extra = object;
                    items
                }
                Some("Annotation") => vec![serde_json::Value::Object(object)],
                _ => return Err("not an AnnotationCollection".into()),
            }
        }
        _ => return Err("not annotations".into()),
    };
    let mut book = Notebook {
        extra,
        ..Notebook::default()
    };
    // Each item as written, to keep whole what is kept or set aside.
    let written = written_items(bytes).filter(|w| w.len() == items.len());
    for (i, item) in items.into_iter().enumerate() {
        let as_written = |item: &serde_json::Value| match written.as_ref().and_then(|w| w.get(i)) {
            Some(raw) => raw.get().to_owned(),
            None => serde_json::to_string(item).unwrap_or_else(|_| "null".to_owned()),
        };
        // Read in place: the item is kept as it is when it cannot be.
        let read = Annotation::deserialize(&item)
            .map_err(|e| e.to_string())
            .and_then(|a| note(&a));
        match read {
            Ok(mut n) => {
                // Kept only when it holds what zhizao would not write back.
                if !only_ours(&item) {
                    let text = as_written(&item);
                    n.raw = Some(item);
                    let ours = serde_json::to_string(&self::value(&n)).unwrap_or_default();
                    n.verbatim = Some(std::sync::Arc::new((text, ours)));
                }
                book.notes.push(n);
            }
            Err(_) => book.unread.push(as_written(&item)),
        }
    }
    Ok(book)
}

/// The items of a notes file as written, in the shapes [`read`] takes.
fn written_items(bytes: &[u8]) -> Option<Vec<Box<serde_json::value::RawValue>>> {
    use serde_json::value::RawValue;
    #[derive(Deserialize)]
    struct Items {
        #[serde(default)]
        items: Vec<Box<RawValue>>,
        #[serde(rename = "type", default)]
        kind: String,
    }
    if let Ok(list) = serde_json::from_slice::<Vec<Box<RawValue>>>(bytes) {
        return Some(list);
    }
    let items: Items = serde_json::from_slice(bytes).ok()?;
    if items.kind == "Annotation" {
        let whole = std::str::from_utf8(bytes).ok()?.trim();
        return RawValue::from_string(whole.to_owned())
            .ok()
            .map(|r| vec![r]);
    }
    Some(items.items)
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
    let edited = time(&a.edited, "edited")?.unwrap_or(modified);
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
        edited,
        was: a.was.clone(),
        deleted: a.deleted,
        draft: a.draft,
        raw: None,
        verbatim: None,
    })
}
