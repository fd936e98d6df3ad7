//! `zhizao export`: each format for the bundled page, as a snapshot, and in
//! each every piece of the authors' text, word for word.

mod common;

use insta::assert_snapshot;
use zhizao::content::Library;
use zhizao::export::{Format, export};

fn lib() -> Library {
    Library::bundled().unwrap()
}

/// Text as words alone: no spaces, no markup, no line-drawing.
fn words(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_ascii_punctuation()
                && !('\u{2580}'..='\u{259f}').contains(c)
        })
        .collect()
}

/// The body of an HTML page as text: tags out, entities back.
fn html_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or_default();
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Every string in a JSON value, one per line.
fn json_text(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_text(i, out)),
        serde_json::Value::Object(map) => map.values().for_each(|i| json_text(i, out)),
        _ => {}
    }
}

#[test]
fn every_format_holds_every_piece_of_the_authors_text() {
    let lib = lib();
    let mut units = common::authored(&lib, true);
    units.retain(|u| !u.is_empty());
    assert!(units.len() > 100);
    for format in [Format::Markdown, Format::Html, Format::Json, Format::Text] {
        let out = export(&lib, None, format);
        let text = match format {
            Format::Html => html_text(&out),
            Format::Json => {
                let mut t = String::new();
                json_text(&serde_json::from_str(&out).unwrap(), &mut t);
                t
            }
            _ => out.clone(),
        };
        let haystack = words(&text);
        for unit in &units {
            assert!(haystack.contains(&words(unit)), "{format:?} lacks: {unit}");
        }
    }
}

#[test]
fn html_is_one_page_without_scripts_and_markdown_marks_our_title() {
    let lib = lib();
    let html = export(&lib, None, Format::Html);
    assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("http"), "self-contained");
    assert_eq!(html.matches("<article>").count(), 2);
    let md = export(&lib, None, Format::Markdown);
    assert!(
        md.contains("# 勇做民族复兴的先锋模范〔拟题〕"),
        "our title is marked"
    );
    assert!(md.contains("> **编者按**"));
    assert!(md.contains("- **一是"), "lessons are a list");
}

#[test]
fn each_format_as_a_snapshot() {
    let lib = lib();
    for (name, format) in [
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("json", Format::Json),
        ("text", Format::Text),
    ] {
        assert_snapshot!(format!("export_{name}"), export(&lib, None, format));
    }
    let one = lib.find("capital/lessons/foreign/3").unwrap();
    assert_snapshot!(
        "export_one_node_markdown",
        export(&lib, Some(one), Format::Markdown)
    );
}
