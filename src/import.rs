//! Bringing in a page as text: the page's words read into articles,
//! sections and lessons, written as content files that `check` accepts.
//!
//! In stages: `reflow` (plain text: line breaks, justified spaces,
//! doubled prints) or `markdown` gives units in reading order; `front`
//! finds each article and its furniture (title, deck, byline, editor's
//! note, footnotes); `tree` finds the sections by their ordinals and
//! headings; `lessons` links the places a list of lessons names; `emit`
//! writes TOML with every guess said in a comment. Nothing is added to the
//! authors' words: what is dropped is listed, and the coverage adds up.

mod belong;
mod byline;
mod emit;
mod front;
mod html;
mod lessons;
mod markdown;
mod opening;
mod reflow;
mod report;
mod tree;

use crate::content::{ContentErrors, Library, Scope};

pub use emit::{file_name, number_width, places as places_file};

/// What an input is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// HTML if it opens with a page's tags, Markdown if it has Markdown
    /// headings, else text.
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

/// A piece of the input in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub text: String,
    /// The input line it starts on.
    pub line: usize,
    pub kind: UnitKind,
    pub blank_before: bool,
    /// Blank lines before it: two or more part articles on a page.
    pub gap: usize,
    pub indented: bool,
    pub quoted: bool,
    /// Blank lines inside it: column breaks read as one paragraph.
    pub joined_blanks: usize,
    /// Where each input line starts in `text`: (byte offset, line number).
    pub lines: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// Text whose role the shape tells.
    Text,
    /// The `编者按` label.
    Label,
    Byline,
    Rule,
    /// Our note under a derived title, as `export` writes it.
    DerivedNote,
    /// A line printed twice over, read once.
    Doubled,
    /// What Markdown says a block is.
    Title {
        derived: bool,
    },
    Deck,
    Strong,
    EditorNote,
    Note,
    Heading(usize),
    /// A list item that opens with its heading in bold.
    Item(String),
}

impl Unit {
    /// A unit of one line, set apart (a Markdown block, a deck moved).
    fn new(text: String, kind: UnitKind, line: usize) -> Self {
        Unit {
            text,
            line,
            kind,
            blank_before: true,
            gap: 1,
            indented: false,
            quoted: false,
            joined_blanks: 0,
            lines: vec![(0, line)],
        }
    }

    /// The input line it ends on.
    fn last_line(&self) -> usize {
        self.lines.last().map_or(self.line, |&(_, line)| line)
    }

    /// The input line a byte of its text came from.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .last()
            .map_or(self.line, |&(_, line)| line)
    }
}

/// Something of the input that is not the authors' text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub what: &'static str,
    pub text: String,
    pub line: usize,
}

impl Dropped {
    fn new(what: &'static str, text: String, line: usize) -> Self {
        Dropped { what, text, line }
    }
}

/// What was dropped a line at a time, in line order, each as its text:
/// what `--dry-run` and the files list (Markdown's markup and control
/// characters, dropped a character at a time from anywhere, are counted,
/// not listed).
fn dropped_lines(dropped: &[Dropped]) -> Vec<&Dropped> {
    let mut lines: Vec<&Dropped> = dropped
        .iter()
        .filter(|d| {
            !matches!(d.what, "Markdown markup" | "control character") && !d.text.trim().is_empty()
        })
        .collect();
    lines.sort_by_key(|d| d.line);
    lines
}

/// A value, where it came from, and the guess it rests on if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub line: usize,
    pub guess: Option<String>,
}

impl Field {
    fn of(u: &Unit) -> Self {
        Field {
            text: u.text.clone(),
            line: u.line,
            guess: (u.joined_blanks > 0).then(|| {
                format!(
                    "joined across {} blank line{} (read as column breaks)",
                    u.joined_blanks,
                    if u.joined_blanks == 1 { "" } else { "s" }
                )
            }),
        }
    }

    fn guessed(mut self, why: impl Into<String>) -> Self {
        let why = why.into();
        self.guess = Some(match self.guess {
            Some(g) => format!("{why}; {g}"),
            None => why,
        });
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct Article {
    pub title: Option<Field>,
    /// Ours: a title from the text when the page printed none.
    pub derived_title: Option<Field>,
    pub deck: Option<Field>,
    pub byline: Option<Field>,
    pub affiliation: Option<Field>,
    pub editor_note: Option<Field>,
    pub notes: Vec<Field>,
    pub paragraphs: Vec<Field>,
    pub sections: Vec<Section>,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Section {
    pub ordinal: Option<String>,
    pub heading: Field,
    pub paragraphs: Vec<Field>,
    pub sections: Vec<Section>,
    pub scope: Option<Scope>,
    pub lesson: Option<Lesson>,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub theme: String,
    pub lead: String,
    pub examples: Vec<(String, String)>,
}

/// An ordinal out of sequence, or another reason the page cannot be read
/// as it stands: where in the input, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// How an import went.
pub struct Imported {
    /// How an HTML page was read (empty for text and Markdown).
    pub read_as: String,
    pub articles: Vec<Article>,
    /// Files to write: name and TOML.
    pub files: Vec<(String, String)>,
    pub dropped: Vec<Dropped>,
    /// Input characters, whitespace aside.
    pub input_chars: usize,
    /// Input characters kept under `ours`: a derived title, marked as one.
    pub ours_chars: usize,
    pub problems: Vec<Problem>,
    /// What was read otherwise than its shape said, and why: a line that
    /// broke a list of ordinals, read as text.
    pub warnings: Vec<Problem>,
    /// What `check` says of the files, if anything.
    pub check: Option<ContentErrors>,
}

/// What to import with; by default a page of any format, alone, with no
/// places to link and nothing refused.
#[derive(Default)]
pub struct Options<'a> {
    pub format: Format,
    /// The article id (numbered when there are several); else derived.
    pub id: Option<&'a str>,
    /// The places to link lesson examples to.
    pub places: Option<&'a Library>,
    /// Article ids already taken, so the new ones do not clash.
    pub existing: &'a [String],
    /// Files already in the folder: the new ones are numbered after them.
    pub files_before: usize,
    /// Refuse a page whose ordinals are out of sequence, rather than read
    /// the line that caused it as text.
    pub strict: bool,
}

/// The input read in its format: its units in reading order, what was
/// dropped, its layout, whether its blank lines end paragraphs, its
/// characters (whitespace aside), how an HTML page was read, and how deep
/// it nests (a page past [`html::MAX_DEPTH`] is not read).
struct Input {
    units: Vec<Unit>,
    dropped: Vec<Dropped>,
    layout: reflow::Layout,
    blanks: bool,
    chars: usize,
    how: String,
    deep: usize,
}

fn read(text: &str, format: Format) -> Input {
    let format = match format {
        Format::Auto if html::looks_like(text) => Format::Html,
        Format::Auto if markdown::looks_like(text) => Format::Markdown,
        Format::Auto => Format::Text,
        f => f,
    };
    let plain = |units, dropped, chars| Input {
        units,
        dropped,
        layout: reflow::Layout::Unwrapped,
        blanks: true,
        chars,
        how: String::new(),
        deep: 0,
    };
    match format {
        Format::Html => {
            let deep = html::depth(text);
            if deep > html::MAX_DEPTH {
                return Input {
                    deep,
                    ..plain(Vec::new(), Vec::new(), 0)
                };
            }
            let page = html::units(text);
            Input {
                how: format!(
                    "read as HTML: the article's {} characters of the page's {} (navigation, links, scripts and footers left out)",
                    page.article_chars, page.page_chars
                ),
                layout: reflow::Layout::Marked,
                ..plain(page.units, Vec::new(), page.article_chars)
            }
        }
        Format::Markdown => {
            let (units, dropped, chars) = markdown::units(text);
            plain(units, dropped, chars)
        }
        _ => {
            let r = reflow::reflow(text, crate::layout::DERIVED_TITLE_NOTE);
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            Input {
                layout: r.layout,
                blanks: r.trusted_blanks,
                ..plain(r.units, r.dropped, chars)
            }
        }
    }
}

/// Imports one input's text.
#[must_use]
pub fn import(text: &str, options: &Options<'_>) -> Imported {
    let Input {
        units,
        mut dropped,
        layout,
        blanks,
        chars: input_chars,
        how: read_as,
        deep,
    } = read(text, options.format);
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let units = opening::drop_contents(units, &mut dropped);
    let found = front::articles(units, layout, blanks, &mut dropped);
    let mut build = |draft: front::Draft| {
        let mut article = draft.article;
        let (paragraphs, sections) = tree::build(&draft.body, layout, &mut warnings);
        article.paragraphs = paragraphs;
        article.sections = sections;
        article
    };
    let boxed = found.boxed.map(&mut build);
    let mut articles: Vec<Article> = found.drafts.into_iter().map(&mut build).collect();
    if let Some(b) = boxed {
        belong::place_box(b, &mut articles);
    }
    // A derived title the input gave (as `export` writes one) is input kept
    // under `ours`; one derived here is not.
    let ours_chars = articles
        .iter()
        .filter_map(|a| a.derived_title.as_ref())
        .map(|t| t.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    for a in &mut articles {
        if a.title.is_none() && a.derived_title.is_none() {
            a.derived_title = belong::derive_title(a);
        }
        if let Some(places) = options.places {
            lessons::link(&mut a.sections, places);
        }
    }
    if deep > html::MAX_DEPTH {
        problems.push(Problem {
            line: 1,
            message: format!(
                "the page nests its elements {deep} deep (a saved page nests tens; the most read is {}): not read",
                html::MAX_DEPTH
            ),
        });
    } else if input_chars == 0 {
        problems.push(Problem {
            line: 1,
            message: "no text to import".into(),
        });
    }
    // `--strict`: a page that needed a line read as text is refused.
    if options.strict {
        problems.append(&mut warnings);
    }
    let mut files = emit::files(&articles, options);
    emit::list_dropped(&mut files, &dropped);
    // A file `check` would refuse is never written: say so before.
    for ((name, toml), article) in files.iter().zip(&articles) {
        if toml.len() as u64 > crate::content::MAX_FILE_BYTES {
            problems.push(Problem {
                line: article.line,
                message: format!(
                    "the article would be {name}, {} MB, over the {} MiB a content file may hold; split the page and import its parts",
                    toml.len().div_ceil(1_000_000),
                    crate::content::MAX_FILE_BYTES >> 20
                ),
            });
        }
    }
    let check = if problems.is_empty() {
        check(&files, options.places)
    } else {
        None
    };
    let mut imported = Imported {
        read_as,
        articles,
        files,
        dropped,
        input_chars,
        ours_chars,
        problems,
        warnings,
        check,
    };
    // The safety net under every stage: nothing lost, nothing added.
    if input_chars > 0 && !imported.adds_up() {
        imported.problems.push(Problem {
            line: 1,
            message: format!(
                "{}: the importer lost or added text (a bug; please report it)",
                imported.coverage()
            ),
        });
    }
    imported
}

/// The files as `check` reads them, with the places they link to.
fn check(files: &[(String, String)], places: Option<&Library>) -> Option<ContentErrors> {
    let mut sources: Vec<(std::path::PathBuf, String)> = files
        .iter()
        .map(|(name, text)| (std::path::PathBuf::from(name), text.clone()))
        .collect();
    if let Some(places) = places
        && places.places.iter().any(|p| !p.found)
    {
        sources.push(("places.toml".into(), emit::places(places)));
    }
    Library::from_sources(sources).err()
}
