//! The command line: options, and the headless commands that share the
//! library with the reader.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::content::Library;
use crate::layout::Document;
use crate::search::{SearchIndex, snippet};
use crate::wrap::Widths;

#[derive(Debug, Parser)]
#[command(
    name = "zhizao",
    version,
    about = "Read, search and compare a page of Chinese articles in the terminal.",
    long_about = "Read, search and compare a page of Chinese articles in the terminal.\n\n\
        With no command, opens the interactive reader on the bundled page.",
    after_help = "Examples:\n  \
        zhizao                                  open the reader\n  \
        zhizao list                             every section with its path\n  \
        zhizao show capital/lessons/foreign/3   one section as wrapped text\n  \
        zhizao show models --width 40           a whole article, 40 columns wide\n  \
        zhizao check ./my-content               validate a collection\n  \
        zhizao --content ./my-content           read another collection"
)]
pub struct Cli {
    /// Read the collection in DIR instead of the bundled page.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// How wide East Asian ambiguous characters (“ ” … — ·) are drawn:
    /// `double` for terminals set up for CJK.
    #[arg(long, global = true, value_enum, default_value_t = AmbiWidth::Single)]
    pub ambiwidth: AmbiWidth,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiWidth {
    Single,
    Double,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the tree of every article as indented text, each node with its path.
    List,
    /// Print one node and everything under it as wrapped plain text.
    Show {
        /// A node's path, as `list` prints it (e.g. capital/lessons/foreign/3).
        path: String,
        /// Wrap to this many columns (at most 80 are used).
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
        width: u16,
    },
    /// Search titles, headings, paragraphs and places by hanzi, pinyin or English
    /// name; exit 1 when nothing matches.
    Search {
        /// Terms that must all match; "quoted" for an exact substring.
        query: String,
        /// Show at most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON array: path, breadcrumb, score, matched character positions, snippet.
        #[arg(long)]
        json: bool,
    },
    /// Validate a collection (the bundled one by default): exit 0, or 2 with every error.
    Check {
        /// The folder to check; defaults to --content, else the bundled page.
        dir: Option<PathBuf>,
    },
}

impl Cli {
    #[must_use]
    pub fn widths(&self) -> Widths {
        Widths {
            ambiguous_wide: self.ambiwidth == AmbiWidth::Double,
        }
    }

    /// The collection the options select.
    ///
    /// # Errors
    /// Content errors, every one of them.
    pub fn library(&self) -> Result<Library, crate::content::ContentErrors> {
        load(self.content.as_deref())
    }
}

fn load(dir: Option<&Path>) -> Result<Library, crate::content::ContentErrors> {
    match dir {
        Some(dir) => Library::load_dir(dir),
        None => Library::bundled(),
    }
}

/// Runs a headless command.
///
/// # Errors
/// Content errors (exit status 2) and anything else (exit status 1).
pub fn run_command(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        Command::Check { dir } => {
            let dir = dir.as_deref().or(cli.content.as_deref());
            let lib = load(dir)?;
            let sections = lib.nodes.len() - lib.articles.len();
            let name =
                dir.map_or_else(|| "bundled content".to_owned(), |d| d.display().to_string());
            writeln!(
                out,
                "{name}: ok, {} articles, {sections} sections, {} places",
                lib.articles.len(),
                lib.places.len()
            )?;
        }
        Command::List => {
            let lib = cli.library()?;
            write!(out, "{}", list(&lib))?;
        }
        Command::Search { query, limit, json } => {
            let index = SearchIndex::new(std::sync::Arc::new(cli.library()?));
            let found = search(
                &index,
                query,
                *limit,
                *json,
                std::io::stdout().is_terminal(),
            );
            write!(out, "{}", found.text)?;
            out.flush().context("writing to standard output")?;
            return Ok(if found.any {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        Command::Show { path, width } => {
            let lib = cli.library()?;
            let Some(node) = lib.find(path) else {
                bail!("no node at path `{path}`; `zhizao list` shows every path");
            };
            let doc = Document::build(&lib, node, usize::from(*width), cli.widths());
            write!(out, "{}", doc.to_plain())?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The tree as text: each node's path, then its label indented by depth.
#[must_use]
pub fn list(lib: &Library) -> String {
    let pad = lib.nodes.iter().map(|n| n.path.len()).max().unwrap_or(0);
    let mut s = String::new();
    for article in &lib.articles {
        for n in lib.subtree(article.root) {
            let node = lib.node(n);
            let indent = "  ".repeat(node.depth);
            let _ = writeln!(s, "{:<pad$}  {indent}{}", node.path, lib.display_label(n));
        }
    }
    s
}

/// What `zhizao search` prints, and whether anything matched.
pub struct Found {
    pub text: String,
    pub any: bool,
}

/// Runs a query and formats the hits: plain (path, breadcrumb, snippet), with
/// the matched characters in bold on a terminal, or JSON.
#[must_use]
pub fn search(index: &SearchIndex, query: &str, limit: usize, json: bool, bold: bool) -> Found {
    const SNIPPET: usize = 60;
    let outcome = index.search(query, limit, None, None).unwrap_or_default();
    let widths = Widths::default();
    let mut rows = Vec::new();
    let mut text = String::new();
    for hit in &outcome.hits {
        let positions = index.positions(hit.entry, query);
        let (snip, marks) = snippet(index.text(hit.entry), &positions, SNIPPET, widths);
        if json {
            rows.push(serde_json::json!({
                "path": index.path(hit.entry),
                "breadcrumb": index.breadcrumb(hit.entry),
                "score": hit.rank.score(),
                "positions": positions,
                "snippet": snip,
            }));
            continue;
        }
        let shown: String = snip
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if bold && marks.contains(&i) {
                    format!("\x1b[1m{c}\x1b[22m")
                } else {
                    c.to_string()
                }
            })
            .collect();
        let _ = writeln!(
            text,
            "{}  {}\n    {shown}",
            index.path(hit.entry),
            index.breadcrumb(hit.entry)
        );
    }
    if json {
        text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        text.push('\n');
    } else if outcome.total > outcome.hits.len() {
        let _ = writeln!(
            text,
            "({} of {} hits; --limit shows more)",
            outcome.hits.len(),
            outcome.total
        );
    }
    Found {
        text,
        any: outcome.total > 0,
    }
}
