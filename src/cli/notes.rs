//! `zhizao notes`: the study notes of a collection out of the reader, as a
//! Markdown digest with citations, W3C annotation JSON, CSV or text; and
//! in: `notes import` (merged by id) and `notes add` for scripts.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::content::Library;
use crate::notes::anchor::node_text;
use crate::notes::{Note, Notebook, Place};
use crate::state::store::{Store, file_name, notes_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NotesFormat {
    Markdown,
    Json,
    Csv,
    Text,
}

#[derive(Debug, clap::Subcommand)]
pub enum NotesCommand {
    /// Merge notes from a W3C annotation JSON file (as `--format json`
    /// writes), by id: the newer edit of a note wins.
    Import { file: PathBuf },
    /// Add a note on the words QUOTE of the node at PATH.
    Add {
        /// A node's path, as `list` prints it.
        path: String,
        /// The passage, exactly as the text has it.
        #[arg(long)]
        quote: String,
        /// The note; none makes a highlight.
        #[arg(long, default_value = "")]
        note: String,
        /// The kind (重点, 疑问, 金句, or the settings' own).
        #[arg(long)]
        kind: Option<String>,
        /// Which occurrence, when the passage occurs more than once (from 1).
        #[arg(long)]
        nth: Option<usize>,
    },
}

/// The notes file of the collection the options select.
fn store(content: Option<&std::path::Path>) -> anyhow::Result<Store> {
    let dir = crate::state::store::default_dir()
        .context("no state folder on this system (no HOME); notes live there")?;
    Ok(Store::new(dir, &notes_name(&file_name(content))))
}

/// Reads the notes, each placed in `lib`.
fn read(store: &Store, lib: &Library) -> (Notebook, Vec<Place>) {
    let loaded = store.load::<Notebook>();
    if let Some(notice) = loaded.notice {
        eprintln!("zhizao: the notes file could not be read and was set aside: {notice}");
    }
    let mut book = loaded.saved;
    let places = book.anchor_in(lib);
    (book, places)
}

/// `zhizao notes …`.
///
/// # Errors
/// The notes file, a bad import, a quote not found, the writer's.
pub fn run(
    cli: &super::Cli,
    command: Option<&NotesCommand>,
    format: NotesFormat,
    kind: Option<&str>,
    path: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (lib, _copy) = cli.library()?;
    let store = store(cli.content.as_deref())?;
    match command {
        Some(NotesCommand::Import { file }) => {
            let bytes =
                std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            let theirs = Notebook::from_json(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
                .bounded();
            let n = theirs.notes.len();
            let written = store.save(theirs)?;
            writeln!(
                out,
                "imported {n} notes; the collection has {} now",
                written.live().count()
            )?;
        }
        Some(NotesCommand::Add {
            path,
            quote,
            note,
            kind,
            nth,
        }) => {
            let node = lib.find(path).with_context(|| {
                format!("no node at path `{path}`; `zhizao list` shows every path")
            })?;
            let text = node_text(&lib, node);
            let found: Vec<usize> = text.match_indices(quote.as_str()).map(|(i, _)| i).collect();
            let at = match (found.len(), nth) {
                (0, _) => bail!("`{quote}` is not in the text of `{path}`"),
                (_, Some(n)) if *n >= 1 && *n <= found.len() => found[n - 1],
                (1, None) => found[0],
                (count, _) => bail!(
                    "`{quote}` occurs {count} times in `{path}`; say which with --nth 1 to --nth {count}"
                ),
            };
            let kind = kind
                .clone()
                .unwrap_or_else(|| crate::notes::KINDS[0].to_owned());
            let made = Note::new(&lib, node, at..at + quote.len(), &kind, note);
            let id = made.id.clone();
            store.save(Notebook { notes: vec![made] })?;
            writeln!(out, "{id}")?;
        }
        None => {
            let (book, places) = read(&store, &lib);
            let within = match path {
                Some(p) => Some(lib.find(p).with_context(|| {
                    format!("no node at path `{p}`; `zhizao list` shows every path")
                })?),
                None => None,
            };
            let keep = |i: usize, note: &Note| {
                kind.is_none_or(|k| note.kind == k)
                    && within.is_none_or(|w| match &places[i] {
                        Place::At(node, _) => lib.ancestry(*node).contains(&w),
                        Place::Gone => note.path.starts_with(&lib.node(w).path),
                    })
            };
            let mut shown: Vec<usize> = book
                .live()
                .filter(|(i, n)| keep(*i, n))
                .map(|(i, _)| i)
                .collect();
            shown.sort_by_key(|&i| match &places[i] {
                Place::At(node, bytes) => (0, *node, bytes.start),
                Place::Gone => (1, 0, i),
            });
            write_notes(&lib, &book, &places, &shown, format, out)?;
        }
    }
    Ok(())
}

fn write_notes(
    lib: &Library,
    book: &Notebook,
    places: &[Place],
    shown: &[usize],
    format: NotesFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match format {
        NotesFormat::Json => {
            let notes = shown.iter().map(|&i| book.notes[i].clone()).collect();
            writeln!(out, "{}", Notebook { notes }.to_json(false)?)?;
        }
        NotesFormat::Csv => {
            writeln!(out, "id,path,source,kind,quote,note,created,modified,gone")?;
            for &i in shown {
                let n = &book.notes[i];
                let gone = matches!(places[i], Place::Gone);
                let fields = [
                    n.id.clone(),
                    n.path.clone(),
                    crate::app::copy::note_source(lib, n, &places[i]),
                    n.kind.clone(),
                    n.quote.exact.clone(),
                    n.text.clone(),
                    crate::notes::iso8601(n.created),
                    crate::notes::iso8601(n.modified),
                    gone.to_string(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv(f)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
        }
        NotesFormat::Markdown | NotesFormat::Text => {
            let markdown = format == NotesFormat::Markdown;
            if markdown {
                writeln!(out, "# 学习笔记\n")?;
            }
            let mut last = None;
            for &i in shown {
                let n = &book.notes[i];
                let from = crate::app::copy::note_source(lib, n, &places[i]);
                if last.as_ref() != Some(&from) {
                    if markdown {
                        writeln!(out, "## {from}\n")?;
                    } else {
                        writeln!(out, "{from}\n")?;
                    }
                    last = Some(from.clone());
                }
                let gone = if matches!(places[i], Place::Gone) {
                    "（原文已改动）"
                } else {
                    ""
                };
                for line in n.quote.exact.split('\n') {
                    if markdown {
                        writeln!(out, "> {gone}{line}")?;
                    } else {
                        writeln!(out, "  「{gone}{line}」")?;
                    }
                }
                if markdown {
                    writeln!(out, ">\n> ——{from}\n")?;
                } else {
                    writeln!(out, "  ——{from}")?;
                }
                if !n.text.is_empty() {
                    writeln!(out, "{}\n", n.text)?;
                }
                let date = crate::notes::iso8601(n.modified);
                if markdown {
                    writeln!(out, "*{} · {}*\n", n.kind, &date[..10])?;
                } else {
                    writeln!(out, "  {} · {}\n", n.kind, &date[..10])?;
                }
            }
        }
    }
    Ok(())
}

/// A CSV field: quoted when it holds a comma, quote or line break.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The collection's notes for `export --with-notes`.
///
/// # Errors
/// No state folder.
pub fn study_notes(cli: &super::Cli, lib: &Library) -> anyhow::Result<crate::export::StudyNotes> {
    let (book, places) = read(&store(cli.content.as_deref())?, lib);
    Ok(crate::export::StudyNotes { book, places })
}
