//! The study notes as a digest (`zhizao notes`): a Markdown page of the
//! quoted passages with their notes under each source, plain text, CSV
//! for a spreadsheet, or W3C annotation JSON. The authors' words and the
//! reader's go through the same escaping as an export: nothing in a note
//! or a title is read as markup by a renderer or as a formula by a
//! spreadsheet.

use std::io::Write;

use crate::content::Library;
use crate::content::cite::note_source;
use crate::notes::{Notebook, Place, iso8601};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NotesFormat {
    Markdown,
    Json,
    Csv,
    Text,
}

/// The notes `shown` (indexes into `book`, in the order given), each with
/// where its words are (`places`), in `format`.
///
/// # Errors
/// The writer's.
pub fn write_digest(
    lib: &Library,
    book: &Notebook,
    places: &[Place],
    shown: &[usize],
    format: NotesFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        NotesFormat::Json => {
            let notes = shown.iter().map(|&i| book.notes[i].clone()).collect();
            let json = Notebook {
                notes,
                ..Notebook::default()
            }
            .to_json(false)
            .map_err(std::io::Error::other)?;
            writeln!(out, "{json}")
        }
        NotesFormat::Csv => csv(lib, book, places, shown, out),
        NotesFormat::Markdown | NotesFormat::Text => prose(
            lib,
            book,
            places,
            shown,
            format == NotesFormat::Markdown,
            out,
        ),
    }
}

/// One source heading, then each of its notes: the passage quoted, the
/// note (its lines kept), the kind and the date. The source is said once,
/// in its heading.
fn prose(
    lib: &Library,
    book: &Notebook,
    places: &[Place],
    shown: &[usize],
    markdown: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let esc = |s: &str| {
        if markdown {
            super::md(s)
        } else {
            crate::sanitize::for_terminal(s)
        }
    };
    if markdown {
        writeln!(out, "# 学习笔记\n")?;
    }
    let mut last = None;
    for &i in shown {
        let n = &book.notes[i];
        let from = note_source(lib, n, &places[i]);
        if last.as_ref() != Some(&from) {
            if markdown {
                writeln!(out, "## {}\n", esc(&from))?;
            } else {
                writeln!(out, "{}\n", esc(&from))?;
            }
            last = Some(from);
        }
        let gone = if matches!(places[i], Place::Gone) {
            "（原文已改动）"
        } else {
            ""
        };
        for line in n.quote.exact.split('\n') {
            if markdown {
                writeln!(out, "> {gone}{}", esc(line))?;
            } else {
                writeln!(out, "  「{gone}{}」", esc(line))?;
            }
        }
        writeln!(out)?;
        if !n.text.is_empty() {
            let lines: Vec<String> = n.text.split('\n').map(esc).collect();
            // A hard line break in Markdown: a backslash at the line's end.
            let joined = if markdown {
                lines.join("\\\n")
            } else {
                lines
                    .iter()
                    .map(|l| format!("  {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(out, "{joined}\n")?;
        }
        let date = iso8601(n.edited);
        let kind = esc(&n.kind);
        if markdown {
            writeln!(out, "*{kind} · {}*\n", &date[..10])?;
        } else {
            writeln!(out, "  {kind} · {}\n", &date[..10])?;
        }
    }
    Ok(())
}

/// The notes as CSV, by the `csv` crate; a cell a spreadsheet would run
/// as a formula (one that begins with `=` `+` `-` `@`, a tab or a carriage
/// return) begins with an apostrophe instead, as OWASP recommends.
fn csv(
    lib: &Library,
    book: &Notebook,
    places: &[Place],
    shown: &[usize],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record([
        "id", "path", "source", "kind", "quote", "note", "created", "modified", "gone",
    ])?;
    for &i in shown {
        let n = &book.notes[i];
        let gone = matches!(places[i], Place::Gone);
        let source = note_source(lib, n, &places[i]);
        let (created, modified) = (iso8601(n.created), iso8601(n.modified));
        let fields = [
            n.id.as_str(),
            &n.path,
            &source,
            &n.kind,
            &n.quote.exact,
            &n.text,
            &created,
            &modified,
            if gone { "true" } else { "false" },
        ];
        writer.write_record(fields.iter().map(|f| inert(f)))?;
    }
    writer.flush()
}

/// A cell as a spreadsheet shows it and never runs it, and as a terminal
/// shows it: no control character in it.
fn inert(cell: &str) -> String {
    let cell = crate::sanitize::for_terminal(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_formula_is_shown_never_run() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+1"), "'+1");
        assert_eq!(inert("-1"), "'-1");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        // A tab is a space, as the terminal shows it: nothing to run.
        assert_eq!(inert("\tx"), " x");
        assert_eq!(inert("\u{1b}]0;title\u{7}"), "\u{fffd}]0;title\u{fffd}");
        assert_eq!(inert("重点"), "重点");
    }
}
