//! The command line: options, and the headless commands that share the
//! library with the reader.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

mod collection;
mod compare;
mod complete;
mod import;
mod man;
mod notes;
mod print;

use clap_complete::ArgValueCompleter;
pub use complete::answer_if_asked;

pub use compare::lessons_table;
pub use print::{Found, lessons_json, list, pick_place, search};

use crate::layout::Document;
use crate::wrap::Widths;
use collection::load;
pub use collection::{Rest, cache_dir};

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
    #[arg(long, global = true, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub content: Option<PathBuf>,
    /// How wide East Asian ambiguous characters (“ ” … — ·) are drawn:
    /// `double` for terminals set up for CJK.
    /// (default: single, or the config's)
    #[arg(long, global = true, value_enum)]
    pub ambiwidth: Option<AmbiWidth>,
    /// The reader's colours, for a dark or a light background (default:
    /// dark, or the config's); `NO_COLOR` turns colour off.
    // Not global: the reader's alone, so no subcommand's help lists it.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,
    /// The settings file (default: `$ZHIZAO_CONFIG`, else
    /// `$XDG_CONFIG_HOME/zhizao/config.toml`).
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
    /// The reader neither reads nor writes its memory (position, bookmarks,
    /// searches) in `$XDG_STATE_HOME/zhizao`.
    #[arg(long)]
    pub no_state: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiWidth {
    Single,
    Double,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check the settings file: exit 0, or 2 with every problem.
    Check {
        /// The file to check; defaults to --config, `$ZHIZAO_CONFIG`, else the usual place.
        #[arg(value_hint = clap::ValueHint::FilePath)]
        path: Option<PathBuf>,
    },
    /// Print a settings file with every setting and key at its default, commented out.
    Default,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the tree of every article as indented text, each node with its path.
    List,
    /// Print one node and everything under it as wrapped plain text.
    Show {
        /// A node's path, as `list` prints it (e.g. capital/lessons/foreign/3).
        #[arg(add = ArgValueCompleter::new(complete::node_paths))]
        path: String,
        /// Wrap to this many columns (at most 80 are used).
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(2..))]
        width: u16,
    },
    /// Search titles, headings, paragraphs and places by hanzi, pinyin or English
    /// name; exit 1 when nothing matches.
    Search {
        /// Words, phrases or a question (cut into words; texts with every word rank first); "quoted" for an exact substring.
        query: String,
        /// Show at most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON array: rank, path, breadcrumb, snippet, matched character positions; for a query of several words, the words each hit holds.
        #[arg(long)]
        json: bool,
        /// With --json: an object `{"total": N, "shown": n, "hits": [...]}`, so a
        /// script knows when --limit cut the list.
        #[arg(long, requires = "json")]
        json_meta: bool,
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
        #[arg(long, value_name = "NAME", add = ArgValueCompleter::new(complete::places))]
        place: Option<String>,
    },
    /// Write a node and everything under it (the whole collection by
    /// default) as Markdown, HTML, JSON or plain text.
    Export {
        /// A node's path, as `list` prints it.
        #[arg(add = ArgValueCompleter::new(complete::node_paths))]
        path: Option<String>,
        #[arg(long, value_enum, default_value_t = crate::export::Format::Markdown)]
        format: crate::export::Format,
        /// With the study notes: highlights marked (`==…==` in Markdown,
        /// `<mark>` in HTML) and each note after its article.
        #[arg(long)]
        with_notes: bool,
    },
    /// Print the script a shell sources to complete zhizao's commands,
    /// options, node paths and places.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// The settings file: check it, or print one with every default.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Study notes: print them (a Markdown digest with citations, W3C
    /// annotation JSON, CSV or text), import them, or add one.
    #[command(args_conflicts_with_subcommands = true)]
    Notes {
        #[command(subcommand)]
        command: Option<notes::NotesCommand>,
        #[arg(long, value_enum, default_value_t = notes::NotesFormat::Markdown)]
        format: notes::NotesFormat,
        /// Only notes of this kind.
        #[arg(long)]
        kind: Option<String>,
        /// Only notes in this node and under it.
        #[arg(add = ArgValueCompleter::new(complete::node_paths))]
        path: Option<String>,
    },
    /// Turn a page's text or Markdown into content files: paragraphs
    /// rejoined, sections found by their ordinals and headings, every
    /// guess marked; the result passes `check`, or exit 2 says why.
    Import(import::ImportArgs),
    /// Any two parts side by side, their items paired by ordinal (一是 with
    /// 一是); two versions of one text paragraph by paragraph, each marked
    /// same, changed, added or deleted, with the changed words.
    Compare(compare::CompareArgs),
    /// Every place the collection names (its own, then the gazetteer's), as
    /// the place index lists them, with how often each is named.
    Places {
        /// One JSON array: name, english, country, mentions.
        #[arg(long)]
        json: bool,
    },
    /// Validate a collection (the bundled one by default): exit 0, or 2 with every error.
    Check {
        /// The folder to check; defaults to --content, else the bundled page.
        #[arg(value_hint = clap::ValueHint::DirPath)]
        dir: Option<PathBuf>,
    },
}

impl Cli {
    /// How wide characters are drawn: the flag, else the config's setting.
    #[must_use]
    pub fn widths(&self, config: &crate::config::Config) -> Widths {
        Widths {
            ambiguous_wide: match self.ambiwidth {
                Some(w) => w == AmbiWidth::Double,
                None => config.ambiguous_wide.unwrap_or(false),
            },
        }
    }

    /// The settings in force, and what was wrong with the file if it could
    /// not be used (the defaults are used then).
    #[must_use]
    pub fn settings(&self) -> (crate::config::Config, Option<crate::content::ContentErrors>) {
        let Some((path, named)) = crate::config::path(self.config.as_deref()) else {
            return (crate::config::Config::default(), None);
        };
        match crate::config::load(&path, named) {
            Ok(config) => (config, None),
            Err(errors) => (crate::config::Config::default(), Some(errors)),
        }
    }

    /// The settings for a headless command. A file named on purpose
    /// (`--config`, `$ZHIZAO_CONFIG`) must be right; the usual one, if
    /// broken, is said on stderr and passed over, as the reader does.
    ///
    /// # Errors
    /// A named settings file that is missing or wrong, with every problem.
    pub fn headless_settings(
        &self,
    ) -> Result<crate::config::Config, crate::content::ContentErrors> {
        let (config, problem) = self.settings();
        if let Some(errors) = problem {
            // Named on purpose: by --config or $ZHIZAO_CONFIG, as config::path says.
            let named = crate::config::path(self.config.as_deref()).is_some_and(|(_, named)| named);
            if named {
                return Err(errors);
            }
            let first = errors.0.first().map(crate::content::ContentError::headline);
            crate::errln!(
                "zhizao: the settings file has problems, so the defaults are used: {}; `zhizao config check` lists them all",
                first.unwrap_or_default()
            );
        }
        Ok(config)
    }

    /// A dark or light theme: the flag, else the config's.
    #[must_use]
    pub fn light(&self, config: &crate::config::Config) -> bool {
        self.theme.map_or(config.light, |t| t == ThemeName::Light)
    }
}

/// Runs a headless command.
///
/// # Errors
/// Content errors (exit status 2) and anything else (exit status 1).
pub fn run_command(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    if let Command::Config { command } = command {
        return config_command(cli, command);
    }
    let config = cli.headless_settings()?;
    let mut out = std::io::stdout().lock();
    let widths = cli.widths(&config);
    match command {
        // Checked above, before the settings it checks are used.
        Command::Config { .. } => {}
        Command::Notes {
            command,
            format,
            kind,
            path,
        } => notes::run(
            cli,
            command.as_ref(),
            *format,
            kind.as_deref(),
            path.as_deref(),
            &mut out,
        )?,
        Command::Export {
            path,
            format,
            with_notes,
        } => export_command(cli, path.as_deref(), *format, *with_notes, &mut out)?,
        Command::Completions { shell } => {
            let program = std::env::args_os()
                .next()
                .unwrap_or_else(|| "zhizao".into());
            complete::write_script(*shell, &program, &mut out)?;
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            write!(
                out,
                "{}",
                man::page(&command, &crate::keys::Keymap::default())
            )?;
        }
        Command::Check { dir } => {
            let dir = dir.as_deref().or(cli.content.as_deref());
            let lib = load(dir)?;
            let sections = lib.nodes.len() - lib.articles.len();
            // A folder's name is the user's bytes: filtered like all we print.
            let name = dir.map_or_else(
                || "bundled content".to_owned(),
                |d| crate::sanitize::for_terminal(&d.display().to_string()),
            );
            writeln!(
                out,
                "{name}: ok, {}, {}, {}",
                print::counted(lib.articles.len(), "article"),
                print::counted(sections, "section"),
                print::counted(lib.places.len(), "place")
            )?;
        }
        Command::Import(args) => return import::run(args, &mut out),
        Command::Places { json } => {
            let (lib, _copy) = cli.library()?;
            print::places(&lib, *json, &mut out)?;
        }
        Command::Compare(args) => {
            let (lib, _copy) = cli.library()?;
            compare::run(&lib, args, widths, &mut out)?;
        }
        Command::List => {
            let (lib, _copy) = cli.library()?;
            write!(out, "{}", list(&lib))?;
        }
        Command::Search {
            query,
            limit,
            json,
            json_meta,
        } => return print::search_command(cli, query, *limit, *json, *json_meta),
        Command::Lessons { json, width, place } => {
            let (lib, _copy) = cli.library()?;
            let place = match place {
                Some(name) => Some(pick_place(lib.places_only(), name)?),
                None => None,
            };
            if *json {
                lessons_json(&lib, place, &mut out)?;
            } else {
                lessons_table(&lib, usize::from(*width), place, widths, &mut out)?;
            }
        }
        Command::Show { path, width } => {
            let (lib, _copy) = cli.library()?;
            let Some(node) = lib.find(path) else {
                bail!("no node at path `{path}`; `zhizao list` shows every path");
            };
            let width = usize::from(*width).min(crate::layout::MEASURE);
            let doc = Document::build(&lib, node, width, widths);
            write!(out, "{}", doc.to_plain())?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// `zhizao export`: a node or everything, with the study notes if asked.
fn export_command(
    cli: &Cli,
    path: Option<&str>,
    format: crate::export::Format,
    with_notes: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (lib, _copy) = cli.library()?;
    let node =
        match path {
            Some(p) => Some(lib.find(p).with_context(|| {
                format!("no node at path `{p}`; `zhizao list` shows every path")
            })?),
            None => None,
        };
    // An outline is a student's: their notes are in it whenever there are any.
    let study = if with_notes || format == crate::export::Format::Outline {
        Some(notes::study_notes(cli, &lib)?)
    } else {
        None
    };
    crate::export::write_with(&lib, node, format, study.as_ref(), out)?;
    Ok(())
}

/// `zhizao config check` and `zhizao config default`.
fn config_command(cli: &Cli, command: &ConfigCommand) -> anyhow::Result<ExitCode> {
    match command {
        ConfigCommand::Default => {
            write!(
                std::io::stdout().lock(),
                "{}",
                crate::config::default_text()
            )?;
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Check { path } => {
            let found = match path {
                Some(p) => Some((p.clone(), true)),
                None => crate::config::path(cli.config.as_deref()),
            };
            let Some((path, named)) = found else {
                bail!("no settings folder on this system; give the file's path");
            };
            let shown = crate::sanitize::for_terminal(&path.display().to_string());
            if !named && !path.exists() {
                // Nothing to check is no error; say where it was looked for.
                writeln!(
                    std::io::stdout().lock(),
                    "no settings file: looked for {shown} (and $ZHIZAO_CONFIG, unset); the defaults are in force"
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            crate::config::load(&path, named)?;
            writeln!(std::io::stdout().lock(), "{shown}: ok")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A file's bytes, or standard input's for `-`, never more than `cap`: a
/// file only if it is a regular one (as content is read: no FIFO waited
/// on, no device read), standard input only up to the cap.
///
/// # Errors
/// It cannot be read, is not a regular file, or is over the cap.
pub(crate) fn read_capped(path: &Path, cap: u64) -> anyhow::Result<Vec<u8>> {
    use std::io::Read as _;
    let shown = crate::sanitize::for_terminal(&path.display().to_string());
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
        if bytes.len() as u64 > cap {
            bail!(
                "standard input is over the {} MiB limit; nothing was read",
                cap >> 20
            );
        }
        return Ok(bytes);
    }
    crate::content::read_regular(path, cap).map_err(|why| anyhow::anyhow!("{shown}: {why}"))
}
