//! `zhizao notes`: the study notes of a collection out of the reader, as a
//! Markdown digest with citations, W3C annotation JSON, CSV or text; and
//! in: `notes import` (merged by id) and `notes add` for scripts.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};

use crate::content::Library;
use crate::notes::anchor::node_text;
use crate::notes::{Note, Notebook, Place};
use crate::state::store::{Kept as _, Store, file_name, notes_name};

pub use crate::export::NotesFormat;

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
    let store = Store::new(dir, &notes_name(&file_name(content)));
    // A save killed halfway (kill -9, a power cut) left its temporary file.
    store.clean_up();
    Ok(store)
}

/// Reads the notes, each placed in `lib`; notes found again somewhere
/// new are written back, so the next reading finds them at once.
fn read(store: &Store, lib: &Library) -> (Notebook, Vec<Place>) {
    let loaded = store.load::<Notebook>();
    if let Some(notice) = loaded.notice {
        crate::errln!("zhizao: {}: {notice}", store.path().display());
    }
    let mut book = loaded.saved;
    let (places, moved) = book.anchor_in(lib);
    if moved {
        match store.save(book.clone()) {
            Ok(written) => say(store, written.notice),
            // Reading goes on: the notes were found all the same.
            Err(e) => crate::errln!(
                "zhizao: the notes found again could not be written back to {}: {e}",
                store.path().display()
            ),
        }
    }
    (book, places)
}

/// `notes add`: the note it names, on its words, checked.
fn new_note(lib: &Library, add: &NotesCommand) -> anyhow::Result<Note> {
    let NotesCommand::Add {
        path,
        quote,
        note,
        kind,
        nth,
    } = add
    else {
        bail!("not a note to add");
    };
    let node = lib
        .find(path)
        .with_context(|| format!("no node at path `{path}`; `zhizao list` shows every path"))?;
    if quote.is_empty() {
        bail!("--quote is empty: a note needs the words it is on");
    }
    let quoted = quote.chars().count();
    if quoted > crate::notes::MAX_NOTE {
        bail!(
            "--quote holds {quoted} characters; a note quotes at most {}",
            crate::notes::MAX_NOTE
        );
    }
    let chars = note.chars().count();
    if chars > crate::notes::MAX_NOTE {
        bail!(
            "--note holds {chars} characters; a note holds at most {}",
            crate::notes::MAX_NOTE
        );
    }
    if let Some(kind) = kind {
        let n = kind.chars().count();
        if n == 0 || n > crate::notes::MAX_KIND || kind.contains(crate::sanitize::is_forbidden) {
            bail!(
                "--kind is 1 to {} characters, none a control character",
                crate::notes::MAX_KIND
            );
        }
    }
    let text = node_text(lib, node);
    let found: Vec<usize> = text.match_indices(quote.as_str()).map(|(i, _)| i).collect();
    let at = match (found.len(), nth) {
        (0, _) => bail!("`{quote}` is not in the text of `{path}`"),
        (_, Some(n)) if *n >= 1 && *n <= found.len() => found[n - 1],
        (1, None) => found[0],
        (1, Some(_)) => bail!("`{quote}` occurs once in `{path}`; --nth 1 or none names it"),
        (count, _) => bail!(
            "`{quote}` occurs {count} times in `{path}`; say which with --nth 1 to --nth {count}"
        ),
    };
    let kind = kind
        .clone()
        .unwrap_or_else(|| crate::notes::KINDS[0].to_owned());
    Ok(Note::new(lib, node, at..at + quote.len(), &kind, note))
}

/// Why nothing changed, before what the save said.
fn unsaved(store: &Store) -> String {
    format!(
        "the notes file {} was left as it was",
        store.path().display()
    )
}

/// What a save set aside, on standard error.
fn say(store: &Store, notice: Option<String>) {
    if let Some(notice) = notice {
        crate::errln!("zhizao: {}: {notice}", store.path().display());
    }
}

/// The most `notes import` reads: the notes file's own cap.
const MAX_IMPORT: u64 = crate::state::store::MAX_BYTES;

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
            let bytes = super::read_capped(file, MAX_IMPORT)?;
            let mut theirs = Notebook::from_json(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?
                .bounded();
            if let Some((n, _)) = theirs.take_unreadable() {
                crate::errln!(
                    "zhizao: {}: {n} annotations could not be read and were left out",
                    file.display()
                );
            }
            // A damaged file is set aside and its last good copy read: said,
            // and saved with the notes read, so nothing of it is lost.
            let loaded = store.load::<Notebook>();
            say(&store, loaded.notice);
            let before = loaded.saved;
            let written = store
                .save(theirs.clone().merged(before.clone()))
                .with_context(|| unsaved(&store))?;
            say(&store, written.notice);
            let (added, updated) = theirs.changes_to(&before);
            writeln!(
                out,
                "read {} notes: {added} new, {updated} newer than ours, {} already here; the collection has {} now",
                theirs.notes.len(),
                theirs.notes.len() - added - updated,
                written.kept.live().count()
            )?;
        }
        Some(add @ NotesCommand::Add { .. }) => {
            let made = new_note(&lib, add)?;
            let id = made.id.clone();
            let written = store
                .save(Notebook {
                    notes: vec![made],
                    ..Notebook::default()
                })
                .with_context(|| unsaved(&store))?;
            say(&store, written.notice);
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
            crate::export::write_digest(&lib, &book, &places, &shown, format, out)?;
        }
    }
    Ok(())
}

/// The collection's notes for `export --with-notes`.
///
/// # Errors
/// No state folder.
pub fn study_notes(cli: &super::Cli, lib: &Library) -> anyhow::Result<crate::export::StudyNotes> {
    let (book, places) = read(&store(cli.content.as_deref())?, lib);
    Ok(crate::export::StudyNotes { book, places })
}
