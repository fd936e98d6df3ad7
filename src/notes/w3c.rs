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
use serde_json::{Value, json};

use super::{Note, Notebook, Quote, iso8601, parse_iso8601};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize, Deserialize)]
struct Collection {
    #[serde(rename = "@context", default)]
    context: Value,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    items: Vec<Value>,
}

fn annotation(note: &Note) -> Value {
    let mut body = Vec::new();
    if !note.text.is_empty() {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note.text, "format": "text/plain"}));
    }
    body.push(json!({"type": "TextualBody", "purpose": "tagging", "value": note.kind}));
    let mut a = json!({
        "id": note.id,
        "type": "Annotation",
        "motivation": if note.is_highlight() { "highlighting" } else { "commenting" },
        "created": iso8601(note.created),
        "modified": iso8601(note.modified),
        "body": body,
        "target": {
            "source": note.path,
            "selector": [
                {"type": "TextQuoteSelector", "exact": note.quote.exact, "prefix": note.quote.prefix, "suffix": note.quote.suffix},
                {"type": "TextPositionSelector", "start": note.start, "end": note.end},
            ],
        },
    });
    if note.deleted {
        a["zhizao:deleted"] = json!(true);
    }
    a
}

pub(super) fn write(book: &Notebook, tombstones: bool) -> serde_json::Result<String> {
    let items: Vec<Value> = book
        .notes
        .iter()
        .filter(|n| tombstones || !n.deleted)
        .map(annotation)
        .collect();
    serde_json::to_string_pretty(&Collection {
        context: json!(CONTEXT),
        kind: "AnnotationCollection".into(),
        items,
    })
}

pub(super) fn read(bytes: &[u8]) -> Result<Notebook, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(ref o) if o.get("type").and_then(Value::as_str) == Some("Annotation") => {
            vec![value]
        }
        Value::Object(_) => {
            let c: Collection = serde_json::from_value(value).map_err(|e| e.to_string())?;
            if c.kind != "AnnotationCollection" {
                return Err("not an AnnotationCollection".into());
            }
            c.items
        }
        _ => return Err("not annotations".into()),
    };
    let notes = items
        .iter()
        .enumerate()
        .map(|(i, a)| note(a).map_err(|e| format!("annotation {}: {e}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Notebook { notes })
}

fn note(a: &Value) -> Result<Note, String> {
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let id = text(a, "id").ok_or("no id")?;
    let target = a.get("target").ok_or("no target")?;
    let path = text(target, "source").ok_or("no target source")?;
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(s)) => s.iter().collect(),
        Some(s) => vec![s],
        None => Vec::new(),
    };
    let of = |kind: &str| {
        selectors
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(kind))
    };
    let quote = of("TextQuoteSelector").ok_or("no TextQuoteSelector")?;
    let quote = Quote {
        exact: text(quote, "exact").ok_or("no exact quote")?,
        prefix: text(quote, "prefix").unwrap_or_default(),
        suffix: text(quote, "suffix").unwrap_or_default(),
    };
    let position = |key: &str| {
        of("TextPositionSelector")
            .and_then(|s| s.get(key))
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let start = position("start").unwrap_or(0);
    let end = position("end").unwrap_or(start + quote.exact.chars().count());
    let bodies: Vec<&Value> = match a.get("body") {
        Some(Value::Array(b)) => b.iter().collect(),
        Some(b) => vec![b],
        None => Vec::new(),
    };
    let body = |purpose: &str| {
        bodies
            .iter()
            .find(|b| b.get("purpose").and_then(Value::as_str) == Some(purpose))
            .and_then(|b| text(b, "value"))
    };
    let time = |key: &str| text(a, key).and_then(|t| parse_iso8601(&t));
    let created = time("created").unwrap_or(0);
    Ok(Note {
        id,
        path,
        quote,
        start,
        end,
        kind: body("tagging").unwrap_or_else(|| super::KINDS[0].to_owned()),
        text: body("commenting").unwrap_or_default(),
        created,
        modified: time("modified").unwrap_or(created),
        deleted: a.get("zhizao:deleted").and_then(Value::as_bool) == Some(true),
    })
}
