//! A node and everything under it (or the whole collection) as Markdown,
//! HTML, JSON or plain text, for quoting in a report. The authors' words
//! go out as they are; what we added (a derived title) is marked as ours.
//! Knows nothing of the terminal.

use std::fmt::Write as _;

use crate::content::{DERIVED_MARK, Library, NodeId};
use crate::layout::{DERIVED_TITLE_NOTE, Document};
use crate::wrap::Widths;

mod digest;
pub mod outline;
mod study;
pub use digest::{NotesFormat, write_digest};
use study::Numbered;
pub use study::StudyNotes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Text,
    /// A study outline (学习提纲) in Markdown: the headings, each with its
    /// first sentence, and the reader's notes under their sections.
    Outline,
}

/// The nodes to export: one, or every article.
fn roots(lib: &Library, node: Option<NodeId>) -> Vec<NodeId> {
    node.map_or_else(
        || lib.articles.iter().map(|a| a.root).collect(),
        |n| vec![n],
    )
}

/// The export of `node` (every article when None) in `format`.
#[must_use]
pub fn export(lib: &Library, node: Option<NodeId>, format: Format) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write(lib, node, format, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The same, written out article by article as each is made: an archive's
/// export is never held whole, and a closed pipe stops it at once.
///
/// # Errors
/// The writer's.
pub fn write(
    lib: &Library,
    node: Option<NodeId>,
    format: Format,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_with(lib, node, format, None, out)
}

/// [`write`], with the study notes in it (`--with-notes`).
///
/// # Errors
/// The writer's.
pub fn write_with(
    lib: &Library,
    node: Option<NodeId>,
    format: Format,
    study: Option<&StudyNotes>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let roots = roots(lib, node);
    if format == Format::Outline {
        let notes = study.map(|s| (&s.book, s.places.as_slice()));
        return outline::write(lib, &roots, notes, out);
    }
    let (head, between, tail) = match format {
        Format::Markdown => (String::new(), "\n---\n\n", ""),
        Format::Html => (html_head(lib, &roots), "", "</body>\n</html>\n"),
        Format::Json => ("[\n".to_owned(), ",\n", "\n]\n"),
        Format::Text | Format::Outline => (String::new(), "\n", ""),
    };
    out.write_all(head.as_bytes())?;
    for (i, &n) in roots.iter().enumerate() {
        if i > 0 {
            out.write_all(between.as_bytes())?;
        }
        let one = match format {
            Format::Markdown => markdown(lib, n, study),
            Format::Html => html_article(lib, n, study),
            // Each article as the array's element, indented as in one document.
            Format::Json => {
                let mut value = json(lib, n);
                if let Some(study) = study {
                    let notes = study
                        .in_article(lib, n)
                        .into_iter()
                        .map(|i| study.book.notes[i].clone())
                        .collect();
                    let items = crate::notes::Notebook {
                        notes,
                        ..crate::notes::Notebook::default()
                    }
                    .to_json(false)
                    .map_err(std::io::Error::other)?;
                    let items: serde_json::Value =
                        serde_json::from_str(&items).map_err(std::io::Error::other)?;
                    // The reader's, not the authors': apart from "notes".
                    value["study_notes"] = items["items"].clone();
                }
                let text = serde_json::to_string_pretty(&value).map_err(std::io::Error::other)?;
                text.lines()
                    .map(|l| format!("  {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Format::Text | Format::Outline => {
                let mut text =
                    Document::build(lib, n, crate::layout::MEASURE, Widths::default()).to_plain();
                let listed = study.map(|s| (s, s.in_article(lib, n)));
                for (study, k, i) in listed
                    .into_iter()
                    .flat_map(|(s, list)| list.into_iter().enumerate().map(move |(k, i)| (s, k, i)))
                {
                    let written = &study.book.notes[i];
                    if k == 0 {
                        text.push_str("\n学习笔记\n");
                    }
                    let _ = writeln!(
                        text,
                        "〔{}〕{}「{}」{}",
                        k + 1,
                        written.kind,
                        written.quote.exact,
                        written.text
                    );
                }
                text
            }
        };
        out.write_all(one.as_bytes())?;
    }
    if roots.is_empty() && format == Format::Json {
        return out.write_all(b"]\n");
    }
    out.write_all(tail.as_bytes())
}

/// The article's title as printed, or ours marked as ours.
fn title(lib: &Library, root: NodeId) -> (String, bool) {
    let article = &lib.articles[lib.node(root).article];
    (article.title.text.clone(), article.title.derived)
}

fn markdown(lib: &Library, top: NodeId, study: Option<&StudyNotes>) -> String {
    let mut out = String::new();
    let mut numbers = Numbered::default();
    let node = lib.node(top);
    let article = &lib.articles[node.article];
    if node.depth == 0 {
        if let Some(deck) = &article.deck {
            let _ = writeln!(out, "*{}*\n", md(deck));
        }
        let (text, derived) = title(lib, top);
        let text = md(&text);
        if derived {
            let _ = writeln!(out, "# {text}{DERIVED_MARK}\n\n*{DERIVED_TITLE_NOTE}*\n");
        } else {
            let _ = writeln!(out, "# {text}\n");
        }
        for line in [&article.byline, &article.affiliation]
            .into_iter()
            .flatten()
        {
            let _ = writeln!(out, "**{}**\n", md(line));
        }
        if let Some(note) = &article.editor_note {
            let _ = writeln!(out, "> **编者按** {}\n", md(note));
        }
    }
    for n in lib.subtree(top) {
        let node = lib.node(n);
        if node.lesson.is_some() {
            // A lesson is an item of its list: the heading in bold, the text after.
            let heading = node.heading.as_deref().unwrap_or_default();
            // Its paragraph: the lead, then the examples.
            let text = node.paragraphs.first().unwrap_or_default();
            let text = match study {
                Some(study) => study.marked(lib, n, 0, text, &mut numbers, md, ("==", "=="), |n| {
                    format!("[^note-{n}]")
                }),
                None => md(text),
            };
            let _ = writeln!(out, "- **{}** {text}\n", md(heading));
            continue;
        }
        if node.depth > 0
            && let Some(heading) = &node.heading
        {
            let level = "#".repeat((node.depth + 1).min(6));
            let _ = writeln!(out, "{level} {}\n", md(heading));
        }
        for (i, p) in node.paragraphs.iter().enumerate() {
            let text = match study {
                Some(study) => study.marked(lib, n, i, p, &mut numbers, md, ("==", "=="), |n| {
                    format!("[^note-{n}]")
                }),
                None => md(p),
            };
            let _ = writeln!(out, "{text}\n");
        }
    }
    if let Some(study) = study {
        out.push_str(&study.markdown_notes(&numbers, md));
    }
    if node.depth == 0 && !article.notes.is_empty() {
        // Notes close the article as quotes: the page prints no mark in the
        // text that a footnote could hang on, and an unreferenced footnote
        // is dropped by renderers.
        out.push_str("---\n\n");
        for note in &article.notes {
            let _ = writeln!(out, "> {}\n", md(note));
        }
    }
    out
}

/// The authors' text for Markdown: everything `CommonMark` could read as
/// syntax escaped (emphasis, code, links, HTML, entities; at a line's start
/// headings, lists, quotes, rules), so it renders as exactly these words.
/// A tab is a space (at a line's start it would begin code).
fn md(s: &str) -> String {
    let s = &s.replace('\t', " ");
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches(' ');
        out.push_str(&line[..line.len() - body.len()]);
        // A run of digits then `.` or `)` starts an ordered list.
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        for (j, c) in body.char_indices() {
            let at_start = j == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '~' | '|');
            let ordinal = digits > 0 && j == digits && matches!(c, '.' | ')');
            if at_start
                || ordinal
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A highlight in HTML.
const MARK: (&str, &str) = ("<mark>", "</mark>");

/// A note's number where its passage ends, linking to it.
fn html_reference(n: usize) -> String {
    format!("<sup><a href=\"#note-{n}\">{n}</a></sup>")
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped, a tab a space.
pub(crate) fn esc(s: &str) -> String {
    s.replace('\t', " ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:\"Noto Serif CJK SC\",\"Songti SC\",serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.8;color:#111}\
h1{font-size:1.6em;text-align:center}h2{font-size:1.3em}h3,h4,h5{font-size:1.1em}\
p{text-indent:2em;margin:.4em 0}.deck,.byline,.derived{text-align:center;text-indent:0}.derived{color:#555;font-size:.9em}\
blockquote{border-left:3px solid #999;margin:1em 0;padding:0 1em;color:#333}blockquote p{text-indent:0}\
ul{padding-left:1.2em}li{margin:.4em 0}.notes{font-size:.9em;border-top:1px solid #999}\
article{page-break-after:always}@media print{body{margin:0;max-width:none}}";

fn html_head(lib: &Library, roots: &[NodeId]) -> String {
    let page_title = roots
        .first()
        .map(|&r| esc(&lib.display_label(lib.articles[lib.node(r).article].root)))
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{page_title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    )
}

fn html_article(lib: &Library, top: NodeId, study: Option<&StudyNotes>) -> String {
    let mut out = String::new();
    let mut numbers = Numbered::default();
    {
        out.push_str("<article>\n");
        let node = lib.node(top);
        let article = &lib.articles[node.article];
        if node.depth == 0 {
            if let Some(deck) = &article.deck {
                let _ = writeln!(out, "<p class=\"deck\">{}</p>", esc(deck));
            }
            let (text, derived) = title(lib, top);
            let _ = writeln!(out, "<h1>{}</h1>", esc(&text));
            if derived {
                let _ = writeln!(
                    out,
                    "<p class=\"derived\">{}{DERIVED_TITLE_NOTE}</p>",
                    esc(DERIVED_MARK)
                );
            }
            for line in [&article.byline, &article.affiliation]
                .into_iter()
                .flatten()
            {
                let _ = writeln!(out, "<p class=\"byline\">{}</p>", esc(line));
            }
            if let Some(note) = &article.editor_note {
                let _ = writeln!(
                    out,
                    "<blockquote><p><strong>编者按</strong> {}</p></blockquote>",
                    esc(note)
                );
            }
        }
        let mut in_list = false;
        for n in lib.subtree(top) {
            let node = lib.node(n);
            if node.lesson.is_some() {
                if !in_list {
                    out.push_str("<ul>\n");
                    in_list = true;
                }
                let text = node.paragraphs.first().unwrap_or_default();
                let heading = node.heading.as_deref().unwrap_or_default();
                let text = match study {
                    Some(study) => {
                        study.marked(lib, n, 0, text, &mut numbers, esc, MARK, html_reference)
                    }
                    None => esc(text),
                };
                let _ = writeln!(out, "<li><strong>{}</strong> {text}</li>", esc(heading));
                continue;
            }
            if in_list {
                out.push_str("</ul>\n");
                in_list = false;
            }
            if node.depth > 0
                && let Some(heading) = &node.heading
            {
                let level = (node.depth + 1).min(6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(heading));
            }
            for (i, p) in node.paragraphs.iter().enumerate() {
                let text = match study {
                    Some(study) => {
                        study.marked(lib, n, i, p, &mut numbers, esc, MARK, html_reference)
                    }
                    None => esc(p),
                };
                let _ = writeln!(out, "<p>{text}</p>");
            }
        }
        if in_list {
            out.push_str("</ul>\n");
        }
        if node.depth == 0 && !article.notes.is_empty() {
            out.push_str("<ol class=\"notes\">\n");
            for note in &article.notes {
                let _ = writeln!(out, "<li>{}</li>", esc(note));
            }
            out.push_str("</ol>\n");
        }
        if let Some(study) = study {
            out.push_str(&study.html_notes(&numbers, esc));
        }
        out.push_str("</article>\n");
    }
    out
}

/// A node as the content has it: an article's fields, then its sections.
fn json(lib: &Library, n: NodeId) -> serde_json::Value {
    let node = lib.node(n);
    let sections: Vec<serde_json::Value> = node.children.iter().map(|&c| json(lib, c)).collect();
    let mut value = if node.depth == 0 {
        let a = &lib.articles[node.article];
        serde_json::json!({
            "id": a.id,
            "title": a.title.text,
            "deck": a.deck,
            "byline": a.byline,
            "affiliation": a.affiliation,
            "editor_note": a.editor_note,
            "notes": a.notes,
            "paragraphs": node.paragraphs,
            "ours": { "title_derived": a.title.derived, "label": node.label() },
        })
    } else {
        serde_json::json!({
            "id": node.path.rsplit('/').next().unwrap_or_default(),
            "ordinal": node.ordinal,
            "heading": node.heading,
            "scope": node.scope.map(crate::content::Scope::as_str),
            "ours": { "label": node.label() },
        })
    };
    if let Some(lesson) = &node.lesson {
        value["theme"] = lesson.theme.clone().into();
        value["lead"] = node.lead().into();
        value["examples"] = node
            .examples()
            .map(|(e, text)| serde_json::json!({ "place": lib.places[e.place].id, "text": text }))
            .collect();
    } else if node.depth > 0 {
        value["paragraphs"] = node.paragraphs.iter().collect::<Vec<_>>().into();
    }
    value["sections"] = sections.into();
    value
}
