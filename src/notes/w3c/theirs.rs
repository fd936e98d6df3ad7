//! What another tool wrote in an annotation, kept: zhizao's fields over
//! theirs, the first of each body and selector it reads merged with theirs,
//! the rest as they were; and whether an annotation holds anything but
//! what zhizao writes.

/// Our fields over another tool's annotation: each of ours replaces its
/// own; of the bodies and selectors, ours replace the ones zhizao writes
/// (a note, a kind; a quote, a position) and the rest stay.
pub(super) fn over(
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
    raw.remove("zhizao:edited");
    raw.remove("zhizao:was");
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
pub(super) fn only_ours(item: &serde_json::Value) -> bool {
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
                "zhizao:edited",
                "zhizao:was",
            ],
        )
        && each(item.get("body"), &body)
        && item
            .get("target")
            .is_none_or(|t| keys(t, &["source", "selector"]) && each(t.get("selector"), &selector))
}
