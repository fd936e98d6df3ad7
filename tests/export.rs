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

/// Markdown as a `CommonMark` renderer shows it: its HTML, and the tags used.
fn rendered(md: &str) -> (String, Vec<String>) {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(md));
    let mut tags: Vec<String> = html
        .split('<')
        .skip(1)
        .filter_map(|t| {
            let name: String = t.chars().take_while(char::is_ascii_alphanumeric).collect();
            (!name.is_empty()).then_some(name)
        })
        .collect();
    tags.sort();
    tags.dedup();
    (format!("<body>{html}"), tags)
}

/// The tags our Markdown asks for: headings, paragraphs, emphasis for the
/// deck, bold for bylines and lesson headings, lists, quotes and a rule.
const OUR_TAGS: &[&str] = &[
    "blockquote",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "p",
    "strong",
    "ul",
];

#[test]
fn rendered_markdown_holds_every_character_and_no_element_the_text_did_not_ask_for() {
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "```",
        "# 不是标题",
        "1. 不是列表",
        "2) 也不是",
        "- 不是列表",
        "+ 也不是",
        "> 不是引用",
        "---",
        "===",
        "**不加粗** _不斜体_ `不是代码` ~~不删除~~",
        "[链接](http://x) ![图](x) <http://auto.link>",
        "&amp; &lt; &#65; a\\b \\* 数字+ “智能+”",
    ];
    let list = hostile
        .iter()
        .map(|p| format!("{p:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let toml =
        format!("[article]\nid = \"t\"\ntitle = \"<b>标题</b> *星*\"\nparagraphs = [{list}]\n");
    let lib = Library::from_sources([("t.toml".into(), toml)]).unwrap();
    for lib in [lib, self::lib()] {
        let md = export(&lib, None, Format::Markdown);
        let (html, tags) = rendered(&md);
        for tag in &tags {
            assert!(OUR_TAGS.contains(&tag.as_str()), "<{tag}> from:\n{md}");
        }
        let text = html_text(&html);
        let mut units = common::authored(&lib, true);
        units.retain(|u| !u.is_empty());
        for unit in units {
            assert!(
                text.contains(unit.trim()),
                "not as written: {unit}\nin: {text}"
            );
        }
    }
}

#[test]
fn the_outline_lists_every_heading_with_its_first_sentence_as_printed() {
    let lib = lib();
    let outline = export(&lib, None, Format::Outline);
    assert!(outline.starts_with("# 学习提纲\n"), "{outline}");
    // Read back as Markdown: nested lists, no markup lost in the words.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&outline));
    for n in 0..lib.nodes.len() {
        let node = lib.node(n);
        if node.depth > 0 {
            let heading = zhizao::export::outline::heading(&lib, n);
            assert!(outline.contains(&heading), "{heading} missing");
        }
        if let Some(sentence) = zhizao::export::outline::first_sentence(&lib, n) {
            // The authors' words, never rewritten: a piece of the text.
            assert!(node.paragraphs.first().unwrap().contains(sentence));
            assert!(html.contains(sentence), "{sentence} is read as text");
        }
    }
    assert!(html.contains("<ul>") && html.contains("<blockquote>"));
    // One section's outline names where it is from.
    let one = export(&lib, lib.find("models/ideals"), Format::Outline);
    assert!(one.contains("\n——《勇做民族复兴的先锋模范"), "{one}");
    assert!(!one.contains("全球智造"), "{one}");
}
