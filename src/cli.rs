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
    /// Neither read nor write the reader's memory (position, bookmarks,
    /// searches) in `$XDG_STATE_HOME/zhizao`.
    #[arg(long, global = true)]
    pub no_state: bool,
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
    /// The domestic and foreign lessons side by side as a plain-text table,
    /// lesson i on the same row on both sides; or as JSON.
    Lessons {
        /// One JSON array: scope, ordinal, theme, lead, examples with place ids and text.
        #[arg(long)]
        json: bool,
        /// Total width of the table.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
        /// Only lessons naming this place (id, Chinese or English name, alias).
        #[arg(long, value_name = "NAME")]
        place: Option<String>,
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
            let lib = std::sync::Arc::new(cli.library()?);
            let index = if query.bytes().any(|b| b.is_ascii_alphabetic()) {
                SearchIndex::new(lib)
            } else {
                SearchIndex::without_pinyin(lib)
            };
            let found = search(
                &index,
                query,
                *limit,
                *json,
                std::io::stdout().is_terminal(),
            );
            write!(out, "{}", found.text)?;
            out.flush().context("writing to standard output")?;
            // A short-lived process: the OS frees the index faster than its destructors.
            std::mem::forget(index);
            return Ok(if found.any {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        Command::Lessons { json, width, place } => {
            let lib = cli.library()?;
            let place = match place {
                Some(name) => Some(pick_place(lib.clone(), name)?),
                None => None,
            };
            let text = if *json {
                lessons_json(&lib, place)
            } else {
                lessons_table(&lib, usize::from(*width), place, cli.widths())
            };
            write!(out, "{text}")?;
        }
        Command::Show { path, width } => {
            let lib = cli.library()?;
            let Some(node) = lib.find(path) else {
                bail!("no node at path `{path}`; `zhizao list` shows every path");
            };
            let width = usize::from(*width).min(crate::layout::MEASURE);
            let doc = Document::build(&lib, node, width, cli.widths());
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
    let answered = outcome.answered();
    let widths = Widths::default();
    let mut rows = Vec::new();
    let mut text = String::new();
    if let Some(found) = index.suggestion(&outcome)
        && !json
    {
        let _ = writeln!(text, "你要找的是：{found}？（“{query}”没有结果）");
    }
    for (rank, hit) in outcome.hits.iter().enumerate() {
        let positions = index.positions(hit.entry, answered);
        let (snip, marks) = snippet(index.text(hit.entry), &positions, SNIPPET, widths);
        if json {
            let mut row = serde_json::json!({
                "rank": rank + 1,
                "path": index.path(hit.entry),
                "breadcrumb": index.breadcrumb(hit.entry),
                "snippet": snip,
                "positions": marks,
            });
            if let Some(corrected) = &outcome.corrected {
                row["corrected"] = serde_json::json!(corrected);
            }
            rows.push(row);
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
    } else if outcome.total() > outcome.hits.len() {
        let _ = writeln!(
            text,
            "({} of {} hits; --limit shows more)",
            outcome.hits.len(),
            outcome.total()
        );
    }
    Found {
        text,
        any: outcome.total() > 0,
    }
}

/// A place as the picker finds it: by id, hanzi, pinyin (`sz`, `suzhou`)
/// or English name (`munich`, `austn`). An exact name wins; several
/// candidates are an error that names them.
///
/// # Errors
/// No place, or more than one, answers to `name`.
pub fn pick_place(lib: Library, name: &str) -> anyhow::Result<crate::content::PlaceId> {
    use crate::content::NameMatch;
    if let Some(p) = lib
        .places
        .iter()
        .position(|p| p.answers_to(name) == Some(NameMatch::Exact))
    {
        return Ok(p);
    }
    let index = SearchIndex::for_places(std::sync::Arc::new(lib));
    let found = index.match_places(name);
    let lib = index.library();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => bail!(
            "no place named `{name}`; the page names {}",
            place_names(lib)
        ),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|&p| format!("{} ({})", lib.places[p].name, lib.places[p].english))
                .collect();
            bail!("`{name}` could be {}; say which", names.join(", "))
        }
    }
}

fn place_names(lib: &Library) -> String {
    lib.places
        .iter()
        .map(|p| format!("{} ({})", p.name, p.english))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The comparison as two columns of text, `│` between them, each row padded
/// by display width. With a place, only the lesson pairs that name it.
#[must_use]
pub fn lessons_table(
    lib: &Library,
    width: usize,
    place: Option<crate::content::PlaceId>,
    widths: Widths,
) -> String {
    let col = (width.saturating_sub(3) / 2).max(8);
    let table = crate::compare::Table::side_by_side(lib, col, widths);
    let mut out = String::new();
    if let Some(p) = place {
        let (lessons, times) = crate::compare::mentions(lib, p);
        let _ = writeln!(
            out,
            "{} · {lessons} 条启示 · {times} 处提及\n",
            lib.places[p].name
        );
    }
    // With a place: the intro, and the pairs that name it (their rules aside).
    let keep = |row: usize| {
        let Some(p) = place else { return true };
        match table.pair_at(row) {
            None => true,
            Some(i) => {
                let rule = table.columns.iter().any(|c| {
                    c.get(row)
                        .is_some_and(|l| l.kind == crate::compare::Kind::Rule)
                });
                let (d, f) = table.pairs[i];
                !rule
                    && [d, f]
                        .into_iter()
                        .flatten()
                        .any(|n| crate::compare::names(lib, n, p))
            }
        }
    };
    for row in 0..table.height() {
        if !keep(row) {
            continue;
        }
        let cell = |side: usize| {
            table
                .columns
                .get(side)
                .and_then(|c| c.get(row))
                .map_or("", |l| l.text.as_str())
        };
        let left = cell(0);
        let pad = col.saturating_sub(widths.str(left));
        let _ = writeln!(out, "{left}{} │ {}", " ".repeat(pad), cell(1));
    }
    out
}

/// The lessons as JSON, in printed order, domestic first.
#[must_use]
pub fn lessons_json(lib: &Library, place: Option<crate::content::PlaceId>) -> String {
    let rows: Vec<serde_json::Value> = [
        crate::content::Scope::Domestic,
        crate::content::Scope::Foreign,
    ]
    .into_iter()
    .flat_map(|s| lib.lessons(s))
    .filter(|&n| place.is_none_or(|p| crate::compare::names(lib, n, p)))
    .filter_map(|n| {
        let node = lib.node(n);
        let l = node.lesson.as_ref()?;
        Some(serde_json::json!({
            "path": node.path,
            "scope": l.scope.as_str(),
            "ordinal": node.ordinal,
            "theme": l.theme,
            "lead": l.lead,
            "examples": l.examples.iter().map(|e| serde_json::json!({
                "place": lib.places[e.place].id,
                "place_name": lib.places[e.place].name,
                "text": e.text,
            })).collect::<Vec<_>>(),
        }))
    })
    .collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
    text.push('\n');
    text
}
