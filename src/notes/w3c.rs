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

/// Our fields over another tool's annotation: each of ours replaces its
/// own; of the bodies and selectors, ours replace the ones zhizao writes
/// (a note, a kind; a quote, a position) and the rest stay.
fn over(
    mut raw: serde_json::Map<String, serde_json::Value>,
    ours: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let list = |v: Option<Value>| match v {
        Some(Value::Array(items)) => items,
        Some(one @ Value::Object(_)) => vec![one],
        _ => Vec::new(),
    };
    // Flags zhizao writes only when set: theirs go, ours (if any) come.
    raw.remove("zhizao:deleted");
    raw.remove("zhizao:draft");
    for (key, value) in ours {
        let merged = match key.as_str() {
            "body" => Value::Array(onto_first(
                list(raw.remove("body")),
                list(Some(value)),
                "purpose",
            )),
            "target" => {
                let mut target = match raw.remove("target") {
                    Some(Value::Object(t)) => t,
                    _ => serde_json::Map::new(),
                };
                let Value::Object(mine) = value else { continue };
                for (k, v) in mine {
                    if k == "selector" {
                        let theirs = list(target.remove("selector"));
                        let kept = onto_first(theirs, list(Some(v)), "type");
                        target.insert(k, Value::Array(kept));
                    } else {
                        target.insert(k, v);
                    }
                }
                Value::Object(target)
            }
            // Another tool's motivation (questioning, bookmarking) stays
            // while the note is as much a highlight as it says.
            "motivation" => {
                let highlight = |v: &Value| v.as_str() == Some("highlighting");
                match raw.remove("motivation") {
                    Some(theirs) if highlight(&theirs) == highlight(&value) => theirs,
                    _ => value,
                }
            }
            _ => value,
        };
        raw.insert(key, merged);
    }
    raw
}

/// Each of ours over the first of theirs with the same `key` (purpose, or
/// type): its fields over theirs, the rest of theirs (a language) kept;
/// every other of theirs after, as it was.
fn onto_first(
    theirs: Vec<serde_json::Value>,
    ours: Vec<serde_json::Value>,
    key: &str,
) -> Vec<serde_json::Value> {
    use serde_json::Value;
    let mut theirs: Vec<Option<Value>> = theirs.into_iter().map(Some).collect();
    let mut out = Vec::new();
    for mine in ours {
        let name = mine.get(key).cloned();
        let first = theirs
            .iter_mut()
            .find(|t| t.as_ref().is_some_and(|t| t.get(key) == name.as_ref()));
        match (first.and_then(Option::take), mine) {
            (Some(Value::Object(mut t)), Value::Object(m)) => {
                for (k, v) in m {
                    t.insert(k, v);
                }
                out.push(Value::Object(t));
            }
            (_, mine) => out.push(mine),
        }
    }
    out.extend(theirs.into_iter().flatten());
    out
}

/// Whether an annotation holds nothing but what zhizao writes of a note.
fn only_ours(item: &serde_json::Value) -> bool {
    use serde_json::Value;
    let keys = |v: &Value, known: &[&str]| {
        v.as_object()
            .is_some_and(|o| o.keys().all(|k| known.contains(&k.as_str())))
    };
    let each = |v: Option<&Value>, ok: &dyn Fn(&Value) -> bool| match v {
        None => true,
        Some(Value::Array(items)) => items.iter().all(ok),
        Some(one) => ok(one),
    };
    let body = |b: &Value| {
        keys(b, &["type", "purpose", "value", "format"])
            && matches!(
                b.get("purpose").and_then(Value::as_str),
                Some("commenting" | "tagging")
            )
    };
    let selector = |s: &Value| {
        keys(s, &["type", "exact", "prefix", "suffix", "start", "end"])
            && matches!(
                s.get("type").and_then(Value::as_str),
                Some("TextQuoteSelector" | "TextPositionSelector")
            )
    };
    // Zhizao reads one of each: a second is another tool's, and kept.
    let count = |v: Option<&Value>, key: &str, name: &str| match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter(|i| i.get(key).and_then(Value::as_str) == Some(name))
            .count(),
        Some(one) => usize::from(one.get(key).and_then(Value::as_str) == Some(name)),
        None => 0,
    };
    let selectors = item.get("target").and_then(|t| t.get("selector"));
    let one_each = count(item.get("body"), "purpose", "commenting") <= 1
        && count(item.get("body"), "purpose", "tagging") <= 1
        && count(selectors, "type", "TextQuoteSelector") <= 1
        && count(selectors, "type", "TextPositionSelector") <= 1
        && item
            .get("motivation")
            .is_none_or(|m| matches!(m.as_str(), Some("commenting" | "highlighting")));
    one_each
        && keys(
            item,
            &[
                "id",
                "type",
                "motivation",
                "created",
                "modified",
                "body",
                "target",
                "zhizao:deleted",
                "zhizao:draft",
            ],
        )
        && each(item.get("body"), &body)
        && item
            .get("target")
            .is_none_or(|t| keys(t, &["source", "selector"]) && each(t.get("selector"), &selector))
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
        raw: None,
        verbatim: None,
    })
}
