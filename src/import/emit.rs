//! The articles as content files: TOML in the format `content/README.md`
//! describes, every value with the input line it came from and every guess
//! said in a comment beside it.

use std::fmt::Write as _;

use super::{Article, Field, Options, Section};
use crate::content::Library;

/// How every guess begins, so a reader can find them all.
pub const GUESSED: &str = "# guessed:";

/// Text as a TOML basic string, on one line.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Where a long paragraph may be broken for the file: never beside a space
/// or between two Latin letters or digits, so the loader's joining (lines
/// trimmed, joined without a space) gives the text back exactly.
fn lines_of(s: &str, width: usize) -> Vec<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut count = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        count += 1;
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let Some(n) = next else { break };
        let latin = c.is_ascii_alphanumeric() && n.is_ascii_alphanumeric();
        let kinsoku = "，。、；：？！）》」』”’】〕…—".contains(n) || "“‘（《「『【〔".contains(c);
        let safe = !(c.is_whitespace() || n.is_whitespace() || latin || kinsoku || c == '\\');
        if count >= width && safe {
            let end = i + c.len_utf8();
            out.push(&s[start..end]);
            start = end;
            count = 0;
        }
    }
    out.push(&s[start..]);
    out
}

/// A paragraph as a multi-line TOML string, indented in an array.
fn paragraph(out: &mut String, f: &Field) {
    let _ = writeln!(out, "  # line {}", f.line);
    if let Some(g) = &f.guess {
        let _ = writeln!(out, "  {GUESSED} {g}");
    }
    out.push_str("  \"\"\"\n");
    for line in lines_of(&f.text, 40) {
        let q = quoted(line);
        let _ = writeln!(out, "  {}", &q[1..q.len() - 1]);
    }
    out.push_str("  \"\"\",\n");
}

fn value(out: &mut String, key: &str, f: &Field) {
    let _ = write!(out, "{key} = {}", quoted(&f.text));
    match &f.guess {
        Some(g) => {
            let _ = writeln!(out, "  {GUESSED} {g} (line {})", f.line);
        }
        None => {
            let _ = writeln!(out, "  # line {}", f.line);
        }
    }
}

fn paragraphs(out: &mut String, list: &[Field]) {
    if list.is_empty() {
        return;
    }
    out.push_str("paragraphs = [\n");
    for p in list {
        paragraph(out, p);
    }
    out.push_str("]\n");
}

fn section(out: &mut String, s: &Section, table: &str, id: usize) {
    let _ = writeln!(out, "\n[[{table}]]\nid = \"{id}\"");
    if let Some(o) = &s.ordinal {
        let _ = writeln!(out, "ordinal = {}", quoted(o));
    }
    value(out, "heading", &s.heading);
    if let Some(scope) = s.scope {
        let _ = writeln!(out, "scope = \"{}\"", scope.as_str());
    }
    match &s.lesson {
        Some(l) => {
            let _ = writeln!(out, "theme = {}", quoted(&l.theme));
            let _ = writeln!(out, "lead = {}", quoted(&l.lead));
            out.push_str("examples = [\n");
            for (place, text) in &l.examples {
                let _ = writeln!(
                    out,
                    "  {{ place = {}, text = {} }},",
                    quoted(place),
                    quoted(text)
                );
            }
            out.push_str("]\n");
        }
        None => paragraphs(out, &s.paragraphs),
    }
    let child = format!("{table}.section");
    for (i, c) in s.sections.iter().enumerate() {
        section(out, c, &child, i + 1);
    }
}

/// An id from the title's pinyin: 奋力打造… is `fenlidazao`.
fn derived_id(a: &Article, n: usize) -> String {
    use pinyin::ToPinyin as _;
    let title = a
        .title
        .as_ref()
        .or(a.derived_title.as_ref())
        .map_or("", |t| t.text.as_str());
    let mut id = String::new();
    for (c, p) in title.chars().zip(title.to_pinyin()).take(6) {
        match p {
            // `ü` as `v`, as pinyin is typed: an id is ASCII (律 → lv).
            Some(p) => id.extend(p.plain().chars().map(|c| if c == 'ü' { 'v' } else { c })),
            None if c.is_ascii_alphanumeric() => id.push(c.to_ascii_lowercase()),
            None => {}
        }
        if id.len() >= 16 {
            break;
        }
    }
    if id.is_empty() {
        format!("article-{n}")
    } else {
        id
    }
}

/// `NN-id.toml`, the number `width` digits wide (two at least), so that
/// file-name order, which is reading order, is number order.
#[must_use]
pub fn file_name(n: usize, width: usize, id: &str) -> String {
    format!("{n:0width$}-{id}.toml")
}

/// How many digits the files' numbers take: enough for the last.
#[must_use]
pub fn number_width(last: usize) -> usize {
    last.to_string().len().max(2)
}

/// The lines dropped as layout, each as its text, in a comment at the top
/// of the first file: what is not in the articles can be checked.
pub(super) fn list_dropped(files: &mut [(String, String)], dropped: &[super::Dropped]) {
    let lines = super::dropped_lines(dropped);
    let Some((_, first)) = files.first_mut().filter(|_| !lines.is_empty()) else {
        return;
    };
    let mut note =
        String::from("# Dropped as layout, not the authors' text (input line, what, text):\n");
    for d in lines {
        let text: String = d
            .text
            .chars()
            .map(|c| {
                if c.is_control() || crate::sanitize::is_forbidden(c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let _ = writeln!(note, "#   {}, {}: {}", d.line, d.what, text.trim());
    }
    note.push('\n');
    // After the header comment, before `[article]`.
    let at = first.find("[article]").unwrap_or(0);
    first.insert_str(at, &note);
}

/// One file per article.
pub(super) fn files(articles: &[Article], options: &Options<'_>) -> Vec<(String, String)> {
    let mut taken: std::collections::HashSet<String> = options.existing.iter().cloned().collect();
    let width = number_width(options.files_before + articles.len());
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let base = match options.id {
            Some(id) if articles.len() == 1 => id.to_owned(),
            Some(id) => format!("{id}-{}", i + 1),
            None => derived_id(a, i + 1),
        };
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        taken.insert(id.clone());
        out.push((
            file_name(options.files_before + i + 1, width, &id),
            article(a, &id, options.id.is_some()),
        ));
    }
    out
}

fn article(a: &Article, id: &str, given: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `zhizao import`. The authors' words, verbatim apart from\n\
         # whitespace; `ours` is ours. Each value names the input line it came\n\
         # from, and every guess says so (`{GUESSED}`): check them against the page.\n"
    );
    let why = if given {
        "given with --id"
    } else {
        "derived from the title's pinyin"
    };
    let _ = writeln!(out, "[article]\nid = {}  # ours: {why}", quoted(id));
    let fields = [
        ("title", &a.title),
        ("deck", &a.deck),
        ("byline", &a.byline),
        ("affiliation", &a.affiliation),
        ("editor_note", &a.editor_note),
    ];
    for (key, f) in fields {
        if let Some(f) = f {
            value(&mut out, key, f);
        }
    }
    if !a.notes.is_empty() {
        out.push_str("notes = [\n");
        for n in &a.notes {
            let _ = writeln!(out, "  {},  # line {}", quoted(&n.text), n.line);
        }
        out.push_str("]\n");
    }
    if let Some(t) = &a.derived_title {
        let _ = write!(out, "ours = {{ title = {} }}", quoted(&t.text));
        match &t.guess {
            Some(g) => {
                let _ = writeln!(out, "  {GUESSED} {g}");
            }
            None => out.push('\n'),
        }
    }
    paragraphs(&mut out, &a.paragraphs);
    for (i, s) in a.sections.iter().enumerate() {
        section(&mut out, s, "section", i + 1);
    }
    out
}

/// The places, as a content file: for a collection that links the
/// bundled page's places and has none of its own.
#[must_use]
pub fn places(lib: &Library) -> String {
    let mut out = String::from(
        "# The places lessons link to, from zhizao's bundled page. `name` as\n\
         # printed; everything under `ours` is editorial.\n",
    );
    for p in lib.places.iter().filter(|p| !p.found) {
        let aliases = p
            .aliases
            .iter()
            .map(|a| quoted(a))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "\n[[place]]\nid = {}\nname = {}\nscope = \"{}\"\nours = {{ english = {}, country = {}, country_zh = {}{} }}",
            quoted(&p.id),
            quoted(&p.name),
            p.scope.as_str(),
            quoted(&p.english),
            quoted(&p.country),
            quoted(&p.country_zh),
            if aliases.is_empty() {
                String::new()
            } else {
                format!(", aliases = [{aliases}]")
            }
        );
    }
    out
}
