//! `zhizao compare` and `zhizao lessons`: the comparison printed, as the
//! view lays it out (text) or as a table for other tools (Markdown, HTML,
//! JSON). Laid out a stretch of rows at a time and written as it is made:
//! an archive's table is never held whole, and a closed pipe stops it.

use std::io::Write;
use std::ops::Range;

use anyhow::{Context, bail};

use super::complete;
use crate::compare::{Change, Item, Sheet, Sides, versions};
use crate::content::{Library, PlaceId};
use crate::wrap::Widths;
use clap_complete::engine::ArgValueCompleter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Side by side, as the comparison view shows it.
    Text,
    /// A table: 左 | 右 | 改动, taken-out words ~~struck~~, put-in **bold**.
    Markdown,
    /// A page with one table, taken-out words in <del>, put-in in <ins>.
    Html,
    /// `{"left": …, "right": …, "versions": …, "changed": N, "rows": [{"left": …, "right": …, "change": …}]}`.
    Json,
}

/// Any two parts side by side; two versions of one text paragraph by
/// paragraph, with what changed.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The left part's path, as `list` prints it (e.g. an article's id).
    #[arg(add = ArgValueCompleter::new(complete::node_paths))]
    left: String,
    /// The right part's path.
    #[arg(add = ArgValueCompleter::new(complete::node_paths))]
    right: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Total width of the text table.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..))]
    width: u16,
}

/// Rows laid out at a time: enough to keep every core busy, few enough
/// that the table never rivals the text.
const ROWS_PER_PART: usize = 4096;

/// `zhizao compare A B`.
///
/// # Errors
/// A path that names no part; the writer's.
pub fn run(
    lib: &Library,
    args: &CompareArgs,
    widths: Widths,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let find = |p: &str| {
        lib.find(p)
            .with_context(|| format!("no node at path `{p}`; `zhizao list` shows every path"))
    };
    let (left, right) = (find(&args.left)?, find(&args.right)?);
    if lib.ancestry(right).contains(&left) || lib.ancestry(left).contains(&right) {
        bail!(
            "`{}` and `{}`: one holds the other; compare two separate parts",
            args.left,
            args.right
        );
    }
    let sides = Sides::of(lib, left, right);
    match args.format {
        Format::Text => table(lib, &sides, usize::from(args.width), widths, out)?,
        Format::Json => json(lib, &sides, out)?,
        Format::Markdown => markdown(lib, &sides, out)?,
        Format::Html => html(lib, &sides, out)?,
    }
    Ok(())
}

/// The bundled page's lessons side by side; with a place, only the rows
/// naming it, under its counts.
///
/// # Errors
/// The writer's.
pub fn lessons_table(
    lib: &Library,
    width: usize,
    place: Option<PlaceId>,
    widths: Widths,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(mut sides) = Sides::lessons(lib) else {
        return writeln!(
            out,
            "no lessons in this collection; `zhizao compare A B` sets any two parts side by side"
        );
    };
    if let Some(p) = place {
        let (lessons, times) = crate::compare::mentions(lib, p);
        // The command line speaks English; the place's name is quoted as printed.
        writeln!(
            out,
            "{} ({}): {}, {}\n",
            lib.places[p].name,
            lib.places[p].english,
            super::print::counted(lessons, "lesson"),
            super::print::counted(times, "mention")
        )?;
        sides.rows = sides.naming(lib, &lib.places[p].name);
    }
    table(lib, &sides, width, widths, out)
}

/// Two columns of text, `│` between them, each row padded by display
/// width; between versions, a gutter saying what changed.
fn table(
    lib: &Library,
    sides: &Sides,
    width: usize,
    widths: Widths,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let gutter = if sides.versions { 5 } else { 0 };
    let col = (width.saturating_sub(3 + gutter) / 2).max(8);
    let sheet = Sheet::new(lib, sides, col, widths, false);
    let mut row = 0;
    while row < sheet.height() {
        let end = (row + ROWS_PER_PART).min(sheet.height());
        let [left, right] = [0, 1].map(|s| sheet.lines(lib, s, row..end));
        for (i, (l, r)) in left.iter().zip(&right).enumerate() {
            if sides.versions {
                let label = match sheet.pair_at(row + i).map(|p| (p, sheet.rows[p].change)) {
                    Some((p, Some(c))) if sheet.starts[p] == row + i && c != Change::Same => {
                        c.label()
                    }
                    _ => "    ",
                };
                write!(out, "{label} ")?;
            }
            let pad = col.saturating_sub(widths.str(&l.text));
            writeln!(out, "{}{} │ {}", l.text, " ".repeat(pad), r.text)?;
        }
        row = end;
    }
    Ok(())
}

/// An item's whole text: a field's, or a part's headings and paragraphs,
/// one to a line.
fn text_of(lib: &Library, item: Option<Item>) -> Option<String> {
    Some(match item? {
        Item::Text(a) => lib.text(a).unwrap_or_default().to_owned(),
        Item::Node(n) => lib
            .subtree(n)
            .into_iter()
            .flat_map(|n| lib.fields(n).map(|(_, t)| t.to_owned()))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// A row's two texts, with what changed in each (between versions).
fn row_texts(
    lib: &Library,
    row: &crate::compare::Row,
) -> ([Option<String>; 2], [Vec<Range<usize>>; 2]) {
    let texts = row.items.map(|i| text_of(lib, i));
    let changed = match (&texts, row.change) {
        ([Some(a), Some(b)], Some(_)) => versions::changed_bytes(a, b),
        _ => [Vec::new(), Vec::new()],
    };
    (texts, changed)
}

fn json(lib: &Library, sides: &Sides, out: &mut dyn Write) -> std::io::Result<()> {
    let path = |n: Option<usize>| n.map(|n| lib.node(n).path.clone());
    let head = serde_json::json!({
        "left": path(sides.nodes[0]),
        "right": path(sides.nodes[1]),
        "versions": sides.versions,
        "changed": sides.changed(),
    });
    // The head, then the rows one at a time.
    let head = head.to_string();
    write!(out, "{},\"rows\":[", &head[..head.len() - 1])?;
    for (i, row) in sides.rows.iter().enumerate() {
        let ([l, r], [taken, put]) = row_texts(lib, row);
        let pieces = |t: &Option<String>, rs: &[Range<usize>]| -> Vec<String> {
            t.as_deref().map_or_else(Vec::new, |t| {
                rs.iter().map(|r| t[r.clone()].to_owned()).collect()
            })
        };
        let mut one = serde_json::json!({
            "left": l,
            "right": r,
            "change": row.change,
            "left_path": path(row.items[0].map(Item::node)),
            "right_path": path(row.items[1].map(Item::node)),
        });
        if row.change.is_some() {
            one["taken"] = pieces(&l, &taken).into();
            one["put"] = pieces(&r, &put).into();
        }
        write!(out, "{}{one}", if i == 0 { "" } else { "," })?;
    }
    writeln!(out, "]}}")
}

/// The text with its changed bytes wrapped in `open`…`close`, each piece
/// escaped by `esc`.
fn marked(
    text: &str,
    changed: &[Range<usize>],
    open: &str,
    close: &str,
    esc: impl Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in changed {
        out += &esc(&text[at..r.start]);
        out += open;
        out += &esc(&text[r.clone()]);
        out += close;
        at = r.end;
    }
    out + &esc(&text[at..])
}

fn markdown(lib: &Library, sides: &Sides, out: &mut dyn Write) -> std::io::Result<()> {
    // A cell is one line: a pipe escaped, a line break as <br>, and
    // Markdown's own marks taken as text.
    let esc = |s: &str| {
        let mut e = String::new();
        for c in s.chars() {
            match c {
                '\n' => e.push_str("<br>"),
                '|' | '*' | '_' | '~' | '`' | '\\' | '[' | ']' | '<' | '>' => {
                    e.push('\\');
                    e.push(c);
                }
                c => e.push(c),
            }
        }
        e
    };
    writeln!(
        out,
        "| {} | {} | 改动 |",
        esc(&sides.names[0]),
        esc(&sides.names[1])
    )?;
    writeln!(out, "|---|---|---|")?;
    for [l, r, change] in cells(lib, sides, [("~~", "~~"), ("**", "**")], esc) {
        writeln!(out, "| {l} | {r} | {change} |")?;
    }
    Ok(())
}

/// Each row's cells: the left text with what was taken out between the
/// first marks, the right with what was put in between the second, each
/// piece escaped; and the change.
fn cells<'a>(
    lib: &'a Library,
    sides: &'a Sides,
    marks: [(&'a str, &'a str); 2],
    esc: impl Fn(&str) -> String + Copy + 'a,
) -> impl Iterator<Item = [String; 3]> + 'a {
    sides.rows.iter().map(move |row| {
        let (texts, changed) = row_texts(lib, row);
        let cell = |s: usize| {
            texts[s].as_deref().map_or_else(String::new, |t| {
                marked(t, &changed[s], marks[s].0, marks[s].1, esc)
            })
        };
        [
            cell(0),
            cell(1),
            row.change.map_or("", Change::label).to_owned(),
        ]
    })
}

fn html(lib: &Library, sides: &Sides, out: &mut dyn Write) -> std::io::Result<()> {
    let esc = |s: &str| crate::export::esc(s).replace('\n', "<br>");
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{} ⇄ {}</title>\n\
         <style>table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.3em;vertical-align:top}}del{{color:#a00}}ins{{color:#070}}</style></head>\n\
         <body>\n<table>\n<tr><th>{}</th><th>{}</th><th>改动</th></tr>",
        esc(&sides.names[0]),
        esc(&sides.names[1]),
        esc(&sides.names[0]),
        esc(&sides.names[1])
    )?;
    for [l, r, change] in cells(lib, sides, [("<del>", "</del>"), ("<ins>", "</ins>")], esc) {
        writeln!(out, "<tr><td>{l}</td><td>{r}</td><td>{change}</td></tr>")?;
    }
    writeln!(out, "</table>\n</body>\n</html>")
}
