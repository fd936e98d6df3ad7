//! `zhizao import`: a page's text or Markdown in, content files out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::content::Library;
use crate::import::{Format, Imported, Options, import};
use crate::sanitize::for_terminal;

#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// Text, Markdown or HTML files, one page (of one or more articles) each;
    /// `-` reads standard input.
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// Write one `NN-id.toml` per article into DIR (made if missing)
    /// instead of printing them.
    #[arg(short, long = "output", value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub output: Option<PathBuf>,
    /// The article's id (ID-1, ID-2… when a page holds several); else one
    /// from the title's pinyin.
    #[arg(long, value_name = "ID", value_parser = valid_id)]
    pub id: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
    /// Print the tree found, the coverage, the guesses and every line
    /// dropped; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Refuse a page whose ordinals are out of sequence (by default the
    /// line that broke the list is read as text, with a warning).
    #[arg(long)]
    pub strict: bool,
    /// Link lesson examples to the bundled page's places (default: the
    /// places already in DIR, if any).
    #[arg(long, value_enum)]
    pub places: Option<Places>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Places {
    Bundled,
}

fn valid_id(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.len() <= MAX_ID
        && !s.starts_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "an id is 1 to {MAX_ID} lowercase ASCII letters, digits and hyphens"
        ))
    }
}

/// What [`existing`] says of a file that holds no article: never an id.
const NOT_AN_ARTICLE: &str = " ";

/// The longest id: a file is named by it, and file names have a limit.
const MAX_ID: usize = 64;

/// The most a page may be: a page holds several articles, each of which
/// must fit a content file (8 MiB).
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

fn read(path: &Path) -> anyhow::Result<String> {
    let shown = for_terminal(&path.display().to_string());
    let bytes = super::read_capped(path, MAX_PAGE_BYTES)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count() + 1;
        anyhow::anyhow!("{shown}:{line}: not UTF-8 text (byte {at}); convert it first, e.g. `iconv -f GB18030 -t UTF-8`")
    })
}

/// The collection in DIR, if there is one (for its places), and which
/// file holds each article id, so an article imported again is the same file.
fn existing(dir: Option<&Path>) -> (Option<Library>, Vec<(String, String)>) {
    let Some(dir) = dir.filter(|d| d.is_dir()) else {
        return (None, Vec::new());
    };
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml"))
                .map(|n| {
                    // Read as the loader reads content: no FIFO waited on,
                    // no device or oversized file read.
                    let table =
                        crate::content::read_regular(&dir.join(&n), crate::content::MAX_FILE_BYTES)
                            .ok()
                            .and_then(|b| String::from_utf8(b).ok())
                            .and_then(|t| toml::from_str::<toml::Table>(&t).ok());
                    // A file read without an article (places alone) is
                    // none; one that cannot be read may be, and keeps its
                    // place in the order.
                    let id = match table {
                        Some(t) if !t.contains_key("article") => NOT_AN_ARTICLE.to_owned(),
                        t => t
                            .and_then(|t| Some(t.get("article")?.get("id")?.as_str()?.to_owned()))
                            .unwrap_or_default(),
                    };
                    (n, id)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    (Library::load_dir(dir).ok(), files)
}

fn say_own_places(dir: Option<&Path>) {
    let shown = for_terminal(&dir.unwrap_or(Path::new(".")).display().to_string());
    crate::errln!(
        "zhizao: {shown} has places of its own: lessons are linked to those, not the bundled ones"
    );
}

/// Runs the command: exit 0, or 2 when the page cannot be read as it
/// stands (an ordinal out of sequence) or what it gives would not pass `check`.
///
/// # Errors
/// Files that cannot be read or written.
pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let (collection, present) = existing(args.output.as_deref());
    let bundled;
    // A folder with places of its own links new lessons to them: a place
    // only the bundled list has would leave the folder failing `check`.
    let own = collection.as_ref().filter(|c| !c.places.is_empty());
    let places = match (args.places, own) {
        (_, Some(c)) => {
            if args.places.is_some() {
                say_own_places(args.output.as_deref());
            }
            Some(c)
        }
        (Some(Places::Bundled), None) => {
            bundled = Library::bundled()?.places_only();
            Some(&bundled)
        }
        (None, None) => None,
    };
    let mut taken: Vec<String> = Vec::new();
    let mut written: Vec<(String, String)> = Vec::new();
    let mut failed = false;
    let mut err = std::io::stderr().lock();
    for path in &args.files {
        let shown = for_terminal(&path.display().to_string());
        let text = read(path)?;
        let new = written
            .iter()
            .filter(|(n, _)| !present.iter().any(|(p, _)| p == n))
            .count();
        let options = Options {
            format: args.format,
            id: args.id.as_deref(),
            places,
            existing: &taken,
            files_before: present.len() + new,
            strict: args.strict,
        };
        let mut imported = import(&text, &options);
        // An article already in the folder keeps its file.
        for (name, toml) in &mut imported.files {
            let id = id_of(toml);
            if let Some((same, _)) = present.iter().find(|(_, i)| !i.is_empty() && *i == id) {
                name.clone_from(same);
            }
        }
        if args.dry_run {
            writeln!(out, "{shown}:")?;
            for line in imported.report().lines() {
                writeln!(out, "{}", for_terminal(line))?;
            }
        } else {
            writeln!(err, "{shown}: {}", summary(&imported))?;
            writeln!(err, "  {}", imported.coverage())?;
        }
        failed |= !report_problems(&imported, &shown, &mut err)?;
        for a in &imported.files {
            taken.push(id_of(&a.1));
        }
        written.extend(imported.files);
    }
    if failed {
        writeln!(err, "zhizao: nothing written")?;
        return Ok(ExitCode::from(2));
    }
    // One width for every number, the old files' too, so that file-name
    // order (reading order) is number order past 99 articles.
    let renamed = renumber(&mut written, &present);
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    let extra_places = match (args.places, &collection) {
        (Some(Places::Bundled), c) if c.as_ref().is_none_or(|c| c.places.is_empty()) => {
            places.map(|p| ("places.toml".to_owned(), crate::import::places_file(p)))
        }
        _ => None,
    };
    match &args.output {
        None => {
            let many = written.len() > 1;
            for (name, text) in &written {
                if many {
                    writeln!(out, "# ── {name} ──")?;
                }
                write!(out, "{text}")?;
            }
        }
        Some(dir) => {
            write_files(dir, &written, &renamed, extra_places, args.force, &mut err)?;
            // The new files pass `check`; the folder as a whole may not,
            // for what was in it before. Say so.
            if let Err(errors) = Library::load_dir(dir) {
                let shown = for_terminal(&dir.display().to_string());
                writeln!(
                    err,
                    "zhizao: the files written pass `zhizao check`, but {shown} as a whole does not (files that were there before):\n{errors}"
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `NN-id.toml` as its number and the rest.
fn numbered(name: &str) -> Option<(usize, &str)> {
    let (n, rest) = name.split_once('-')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((n.parse().ok()?, rest))
}

/// Names the new files so file-name order (reading order) puts them after
/// the folder's articles, in the order given, with numbers of one width.
/// The folder's files keep their names while they are all numbered, their
/// name order is their number order and their numbers are wide enough;
/// else every article file is numbered again, 1, 2, 3… in the order they
/// are read now (`5x.toml` becoming `02-5x.toml`), so that order never
/// changes. The old files to rename, as `(from, to)`.
fn renumber(
    written: &mut [(String, String)],
    present: &[(String, String)],
) -> Vec<(String, String)> {
    // The folder's article files, in the order they are read (name order),
    // each with its number, if it has one, and the name after it.
    let old: Vec<(&str, Option<usize>, &str)> = present
        .iter()
        .filter(|(_, id)| id != NOT_AN_ARTICLE)
        .map(|(name, _)| match numbered(name) {
            Some((n, rest)) => (name.as_str(), Some(n), rest),
            None => (name.as_str(), None, name.as_str()),
        })
        .collect();
    let fresh = written
        .iter()
        .filter(|(name, _)| !old.iter().any(|(o, _, _)| o == name))
        .count();
    let last = old.iter().filter_map(|&(_, n, _)| n).max().unwrap_or(0);
    let width = crate::import::number_width(last + fresh);
    let in_order =
        old.iter().all(|(_, n, _)| n.is_some()) && old.windows(2).all(|w| w[0].1 < w[1].1);
    let wide = old
        .iter()
        .all(|(name, _, _)| name.split('-').next().is_some_and(|d| d.len() == width));
    let (renamed, first_new, width): (Vec<(String, String)>, usize, usize) = if in_order && wide {
        (Vec::new(), last + 1, width)
    } else {
        let width = crate::import::number_width(old.len() + fresh);
        let renamed = old
            .iter()
            .enumerate()
            .map(|(i, (name, _, rest))| ((*name).to_owned(), format!("{:0width$}-{rest}", i + 1)))
            .collect();
        (renamed, old.len() + 1, width)
    };
    let mut next = first_new;
    for (name, _) in written.iter_mut() {
        if let Some((_, to)) = renamed.iter().find(|(from, _)| from == name) {
            // An article imported again keeps its file, as renamed.
            name.clone_from(to);
        } else if !old.iter().any(|(o, _, _)| o == name)
            && let Some((_, rest)) = numbered(name)
        {
            *name = format!("{next:0width$}-{rest}");
            next += 1;
        }
    }
    renamed
        .into_iter()
        .filter(|(from, to)| from != to)
        .collect()
}

fn id_of(toml: &str) -> String {
    toml.lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|l| l.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

fn summary(imported: &Imported) -> String {
    let sections: usize = imported.articles.iter().map(|a| count(&a.sections)).sum();
    format!(
        "{}, {}, {}",
        super::print::counted(imported.articles.len(), "article"),
        super::print::counted(sections, "section"),
        match imported.guesses() {
            1 => "1 guess".to_owned(),
            n => format!("{n} guesses"),
        }
    )
}

fn count(s: &[crate::import::Section]) -> usize {
    s.iter().map(|s| 1 + count(&s.sections)).sum()
}

/// Prints what stands in the way; true if nothing does.
fn report_problems(imported: &Imported, shown: &str, err: &mut dyn Write) -> anyhow::Result<bool> {
    for w in &imported.warnings {
        writeln!(
            err,
            "{shown}:{}: warning: {}",
            w.line,
            for_terminal(&w.message)
        )?;
    }
    for p in &imported.problems {
        writeln!(err, "{shown}:{}: {}", p.line, p.message)?;
    }
    if let Some(errors) = &imported.check {
        writeln!(
            err,
            "{shown}: what it gives does not pass `zhizao check`:\n{errors}"
        )?;
    }
    Ok(imported.problems.is_empty() && imported.check.is_none())
}

/// Writes the files into DIR, after renaming its old files to their
/// numbers' new width (`renamed`); nothing changes when a file would be
/// overwritten without `force`.
fn write_files(
    dir: &Path,
    files: &[(String, String)],
    renamed: &[(String, String)],
    places: Option<(String, String)>,
    force: bool,
    err: &mut dyn Write,
) -> anyhow::Result<()> {
    let shown = for_terminal(&dir.display().to_string());
    std::fs::create_dir_all(dir).with_context(|| format!("cannot make {shown}"))?;
    let places = places.filter(|(name, _)| !dir.join(name).exists());
    let all: Vec<&(String, String)> = files.iter().chain(places.as_ref()).collect();
    let there = |name: &str| {
        (dir.join(name).exists() && !renamed.iter().any(|(from, _)| from == name))
            || renamed.iter().any(|(_, to)| to == name)
    };
    if !force && let Some((name, _)) = all.iter().find(|(name, _)| there(name)) {
        // Named as it is in the folder now, before any renumbering.
        let now = renamed
            .iter()
            .find(|(_, to)| to == name)
            .map_or(name.as_str(), |(from, _)| from.as_str());
        bail!("{shown}/{now} exists; --force overwrites it");
    }
    // A new name is free, or one a file is being renamed away from.
    for (from, to) in renamed {
        if dir.join(to).exists() && !renamed.iter().any(|(f, _)| f == to) {
            bail!("{shown}/{to} exists: cannot renumber {from} to it");
        }
    }
    // The new files written first, under temporary names: a name or a
    // write the system refuses fails before anything is renamed.
    let mut made = Vec::new();
    for (name, text) in all {
        if name.len() > 255 {
            bail!("{shown}/{name}: a file name is at most 255 bytes");
        }
        // Readable as any file the user makes is (the umask decides), not
        // private as a temporary file starts.
        let mut tmp = tempfile::Builder::new()
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
            .tempfile_in(dir)
            .with_context(|| format!("cannot write in {shown}"))?;
        tmp.write_all(text.as_bytes())
            .with_context(|| format!("cannot write in {shown}"))?;
        made.push((name, tmp));
    }
    // Renamed through names of their own, so a file renamed to another's
    // old name (02-b to 01-b while 1-b becomes 02-b) never meets it.
    let mut staged = Vec::new();
    for (from, to) in renamed {
        let between = tempfile::Builder::new()
            .prefix(".renumbering-")
            .make_in(dir, |p| std::fs::rename(dir.join(from), p))
            .with_context(|| format!("cannot rename {shown}/{from}"))?;
        staged.push((between.into_temp_path(), from, to));
    }
    for (between, from, to) in staged {
        between
            .persist_noclobber(dir.join(to))
            .with_context(|| format!("cannot rename {shown}/{from} to {to}"))?;
        writeln!(
            err,
            "renamed {shown}/{from} to {to}, so file order stays reading order"
        )?;
    }
    for (name, tmp) in made {
        let path = dir.join(name);
        tmp.persist(&path)
            .with_context(|| format!("cannot write {shown}/{name}"))?;
        writeln!(err, "wrote {shown}/{name}")?;
    }
    Ok(())
}
