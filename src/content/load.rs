//! Reading TOML into the model: parse with spans, validate everything, report
//! every problem at once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Article, ContentError, ContentErrors, Example, Lesson, Library, Node, NodeId, Place, Scope,
    Title,
};
use crate::sanitize::is_forbidden;

/// Largest content file we read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most files a collection may hold.
pub const MAX_FILES: usize = 10_000;

type Text = Spanned<String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    article: Option<ArticleDoc>,
    #[serde(default)]
    section: Vec<SectionDoc>,
    #[serde(default)]
    place: Vec<PlaceDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleDoc {
    id: Text,
    title: Option<Text>,
    deck: Option<Text>,
    byline: Option<Text>,
    affiliation: Option<Text>,
    editor_note: Option<Text>,
    #[serde(default)]
    notes: Vec<Text>,
    #[serde(default)]
    paragraphs: Vec<Text>,
    #[serde(default)]
    ours: OursDoc,
}

/// Editorial additions: never the authors' words.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct OursDoc {
    title: Option<Text>,
    label: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDoc {
    id: Text,
    ordinal: Option<Text>,
    heading: Text,
    scope: Option<Spanned<Scope>>,
    theme: Option<Text>,
    lead: Option<Text>,
    #[serde(default)]
    examples: Vec<ExampleDoc>,
    #[serde(default)]
    paragraphs: Vec<Text>,
    #[serde(default)]
    ours: OursDoc,
    #[serde(default)]
    section: Vec<SectionDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDoc {
    place: Text,
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceDoc {
    id: Text,
    name: Text,
    scope: Spanned<Scope>,
    ours: PlaceOursDoc,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceOursDoc {
    english: Text,
    country: Text,
    country_zh: Text,
    #[serde(default)]
    aliases: Vec<Text>,
}

pub(super) fn from_dir(dir: &Path) -> Result<Library, ContentErrors> {
    let one = |message: &str| {
        ContentErrors(vec![ContentError::Path {
            path: dir.to_path_buf(),
            message: message.to_owned(),
        }])
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(one("no such folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Err(one("not a folder")),
        Err(e) => return Err(one(&format!("cannot read folder: {e}"))),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
            if files.len() > MAX_FILES {
                return Err(one(&format!(
                    "more than {MAX_FILES} content files; refusing to load"
                )));
            }
        }
    }
    if files.is_empty() {
        return Err(one("no .toml content files in this folder"));
    }
    files.sort();
    // Workers read and parse files; this thread builds them in file order.
    // The channel is bounded, so only a few parsed files wait at any time and
    // memory stays the library's.
    let mut loader = Loader::default();
    let mut complete = true;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(8);
        for _ in 0..workers {
            let (tx, next, files) = (tx.clone(), &next, &files);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(i) else { return };
                    let read = read_file(path).map(|src| {
                        let parsed = parse(path, &src);
                        (src, parsed)
                    });
                    if tx.send((i, read)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (i, read) in rx {
            waiting.insert(i, read);
            while let Some(read) = waiting.remove(&due) {
                match read {
                    Ok((src, parsed)) => loader.add_parsed(&files[due], &src, parsed),
                    Err(e) => {
                        complete = false;
                        loader.errors.push(e);
                    }
                }
                due += 1;
            }
        }
    });
    loader.finish(dir, complete)
}

fn read_file(path: &Path) -> Result<String, ContentError> {
    let fail = |message: String| ContentError::Path {
        path: path.to_path_buf(),
        message,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(fail(format!("file is {size} bytes, over the 8 MiB limit")));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].split(|&b| b == b'\n').count();
        fail(format!(
            "not UTF-8: invalid byte 0x{:02X} on line {line}",
            bytes[at]
        ))
    })
}

pub(super) fn from_sources(
    sources: impl IntoIterator<Item = (PathBuf, String)>,
) -> Result<Library, ContentErrors> {
    let mut loader = Loader::default();
    for (path, text) in sources {
        loader.add(&path, &text);
    }
    loader.finish(Path::new("content"), true)
}

/// Where errors go while one file is checked.
struct Ctx<'a> {
    path: &'a Path,
    src: &'a str,
    errors: &'a mut Vec<ContentError>,
    refs: &'a mut Vec<PlaceRef>,
    /// Places read so far, by id.
    place_index: &'a HashMap<String, usize>,
}

impl Ctx<'_> {
    fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(ContentError::at(
            self.path,
            self.src,
            offset,
            message.into(),
        ));
    }

    fn place_of(&self, offset: usize) -> String {
        match ContentError::at(self.path, self.src, offset, String::new()) {
            ContentError::At { line, column, .. } => {
                format!("{}:{line}:{column}", self.path.display())
            }
            ContentError::Path { .. } => self.path.display().to_string(),
        }
    }

    /// The value with the page's line breaks repaired, checked for emptiness
    /// and control characters.
    fn text(&mut self, value: &Text, what: &str) -> String {
        let text = normalize(value.get_ref());
        if text.is_empty() {
            self.error(value.span().start, format!("empty {what}"));
        } else if let Some(bad) = has_forbidden(&text)
            .then(|| text.chars().find(|&c| is_forbidden(c)))
            .flatten()
        {
            let at = locate_control(self.src, value.span(), bad);
            self.error(
                at,
                format!("control character U+{:04X} in {what}", u32::from(bad)),
            );
        }
        text
    }

    fn id(&mut self, value: &Text) -> String {
        let id = value.get_ref();
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-');
        if !ok {
            self.error(
                value.span().start,
                format!(
                    "id `{}` must be lowercase ASCII letters, digits and hyphens",
                    crate::sanitize::for_terminal(id)
                ),
            );
        }
        id.clone()
    }
}

/// Joins a multi-line TOML string into one paragraph: each line is trimmed and
/// lines are joined without a space, as Chinese is, except between two Latin
/// letters or digits.
#[must_use]
pub fn normalize(raw: &str) -> String {
    if !raw.contains('\n') && raw.trim() == raw {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let (Some(a), Some(b)) = (out.chars().last(), line.chars().next())
            && a.is_ascii_alphanumeric()
            && b.is_ascii_alphanumeric()
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// A fast check on bytes for what `is_forbidden` looks for: C0 controls
/// (newline and tab aside) and DEL are single bytes; C1 controls start with
/// 0xC2; the bidi controls U+202A–202E and U+2066–2069 with 0xE2 0x80/0x81.
#[allow(clippy::needless_bitwise_bool)] // On purpose: see the fold below.
fn has_forbidden(s: &str) -> bool {
    let b = s.as_bytes();
    // Without short-circuits, so the compiler can check many bytes at once.
    let control = b.iter().fold(false, |acc, &x| {
        acc | ((x < 0x20) & (x != b'\n') & (x != b'\t')) | (x == 0x7F)
    });
    if control {
        return true;
    }
    let mut i = 0;
    while let Some(j) = memchr::memchr2(0xC2, 0xE2, &b[i..]) {
        let k = i + j;
        let next = |n: usize| b.get(k + n).copied().unwrap_or(0);
        let bad = match b[k] {
            0xC2 => (0x80..=0x9F).contains(&next(1)),
            _ => matches!(
                (next(1), next(2)),
                (0x80, 0xAA..=0xAE) | (0x81, 0xA6..=0xA9)
            ),
        };
        if bad {
            return true;
        }
        i = k + 1;
    }
    false
}

/// Finds the spot in the source where a forbidden character comes from: the
/// raw character or an escape that produces it; else the string's start.
fn locate_control(src: &str, span: std::ops::Range<usize>, bad: char) -> usize {
    let raw = &src[span.clone()];
    if let Some(i) = raw.find(bad) {
        return span.start + i;
    }
    let code = u32::from(bad);
    let escapes = [
        format!("\\u{code:04x}"),
        format!("\\u{code:04X}"),
        format!("\\U{code:08x}"),
        format!("\\U{code:08X}"),
    ];
    let short = match bad {
        '\u{1b}' => Some("\\e"),
        '\u{8}' => Some("\\b"),
        '\u{c}' => Some("\\f"),
        '\r' => Some("\\r"),
        _ => None,
    };
    escapes
        .iter()
        .map(String::as_str)
        .chain(short)
        .filter_map(|e| raw.find(e))
        .min()
        .map_or(span.start, |i| span.start + i)
}

/// A lesson's reference to a place, resolved once every file is read: the
/// places may come from a file after the article's.
struct PlaceRef {
    node: NodeId,
    example: usize,
    id: String,
    scope: Scope,
    /// Where to point for an unknown place or a scope mismatch, and for an
    /// example that does not name its place (messages filled in later).
    at_place: ContentError,
    at_text: ContentError,
}

#[derive(Default)]
struct Loader {
    lib: Library,
    errors: Vec<ContentError>,
    refs: Vec<PlaceRef>,
    place_ids: HashMap<String, String>,
    place_index: HashMap<String, usize>,
    article_ids: HashMap<String, String>,
}

/// Parses one file: the part of loading that can run on any thread.
fn parse(path: &Path, src: &str) -> Result<FileDoc, ContentError> {
    if src.trim().is_empty() {
        return Err(ContentError::Path {
            path: path.to_path_buf(),
            message: "file is empty".into(),
        });
    }
    toml::from_str::<FileDoc>(src).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        ContentError::at(path, src, at, e.message().trim().to_owned())
    })
}

impl Loader {
    fn add(&mut self, path: &Path, src: &str) {
        let parsed = parse(path, src);
        self.add_parsed(path, src, parsed);
    }

    /// Builds one parsed file into the library, in reading order.
    fn add_parsed(&mut self, path: &Path, src: &str, parsed: Result<FileDoc, ContentError>) {
        let doc = match parsed {
            Ok(doc) => doc,
            Err(e) => {
                self.errors.push(e);
                return;
            }
        };
        if doc.article.is_none() && doc.place.is_empty() {
            self.errors.push(ContentError::Path {
                path: path.to_path_buf(),
                message: "no [article] and no [[place]] in this file".into(),
            });
        }
        let no_places = HashMap::new();
        let mut cx = Ctx {
            path,
            src,
            errors: &mut self.errors,
            refs: &mut self.refs,
            place_index: &no_places,
        };
        for p in &doc.place {
            let place = build_place(&mut cx, p);
            if let Some(first) = self.place_ids.get(&place.id) {
                cx.error(
                    p.id.span().start,
                    format!("duplicate place id `{}` (first at {first})", place.id),
                );
            } else {
                self.place_ids
                    .insert(place.id.clone(), cx.place_of(p.id.span().start));
                self.place_index
                    .insert(place.id.clone(), self.lib.places.len());
            }
            self.lib.places.push(place);
        }
        let mut cx = Ctx {
            path,
            src,
            errors: &mut self.errors,
            refs: &mut self.refs,
            place_index: &self.place_index,
        };
        let Some(article) = &doc.article else {
            if let Some(first) = doc.section.first() {
                cx.error(
                    first.id.span().start,
                    "sections need an [article] in the same file",
                );
            }
            return;
        };
        let id = cx.id(&article.id);
        if let Some(first) = self.article_ids.get(&id) {
            cx.error(
                article.id.span().start,
                format!("duplicate article id `{id}` (first at {first})"),
            );
        } else {
            self.article_ids
                .insert(id.clone(), cx.place_of(article.id.span().start));
        }
        build_article(&mut cx, &mut self.lib, article, &doc.section, id);
    }

    /// Resolves place references and reports every problem found.
    fn finish(mut self, root: &Path, complete: bool) -> Result<Library, ContentErrors> {
        let index: HashMap<&str, usize> = self
            .lib
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let with = |mut e: ContentError, text: String| {
            if let ContentError::At { message, .. } = &mut e {
                *message = text;
            }
            e
        };
        for r in self.refs {
            let Some(&place) = index.get(r.id.as_str()) else {
                let shown = crate::sanitize::for_terminal(&r.id);
                self.errors
                    .push(with(r.at_place, format!("unknown place `{shown}`")));
                continue;
            };
            let problems = place_problems(
                &self.lib.places[place],
                r.scope,
                &self.lib.nodes[r.node].paragraphs[0],
            );
            for (on_text, message) in problems {
                let at = if on_text {
                    r.at_text.clone()
                } else {
                    r.at_place.clone()
                };
                self.errors.push(with(at, message));
            }
            let Some(example) = self.lib.nodes[r.node]
                .lesson
                .as_mut()
                .and_then(|l| l.examples.get_mut(r.example))
            else {
                continue;
            };
            example.place = place;
        }
        if complete && self.errors.is_empty() && self.lib.articles.is_empty() {
            self.errors.push(ContentError::Path {
                path: root.to_path_buf(),
                message: "the collection has no article".into(),
            });
        }
        if self.errors.is_empty() {
            Ok(self.lib)
        } else {
            Err(ContentErrors::sorted(self.errors))
        }
    }
}

fn build_place(cx: &mut Ctx<'_>, doc: &PlaceDoc) -> Place {
    Place {
        id: cx.id(&doc.id),
        name: cx.text(&doc.name, "place name"),
        scope: *doc.scope.get_ref(),
        english: cx.text(&doc.ours.english, "English name"),
        country: cx.text(&doc.ours.country, "country"),
        country_zh: cx.text(&doc.ours.country_zh, "country"),
        aliases: doc
            .ours
            .aliases
            .iter()
            .map(|a| cx.text(a, "alias"))
            .collect(),
    }
}

fn build_article(
    cx: &mut Ctx<'_>,
    lib: &mut Library,
    doc: &ArticleDoc,
    sections: &[SectionDoc],
    id: String,
) {
    let title = match (&doc.title, &doc.ours.title) {
        (Some(t), None) => Title {
            text: cx.text(t, "title"),
            derived: false,
        },
        (None, Some(t)) => Title {
            text: cx.text(t, "title"),
            derived: true,
        },
        (Some(_), Some(t)) => {
            cx.error(
                t.span().start,
                "give `title` (as printed) or `ours.title` (derived), not both",
            );
            return;
        }
        (None, None) => {
            cx.error(
                doc.id.span().start,
                "an article needs `title`, or `ours.title` when the page prints none",
            );
            return;
        }
    };
    let mut opt = |v: &Option<Text>, what: &str| v.as_ref().map(|t| cx.text(t, what));
    let deck = opt(&doc.deck, "deck");
    let byline = opt(&doc.byline, "byline");
    let affiliation = opt(&doc.affiliation, "affiliation");
    let editor_note = opt(&doc.editor_note, "editor's note");
    let notes = doc.notes.iter().map(|n| cx.text(n, "note")).collect();
    let article = lib.articles.len();
    let root = lib.nodes.len();
    let label = doc
        .ours
        .label
        .as_ref()
        .map_or_else(|| title.text.clone(), |l| cx.text(l, "label"));
    lib.nodes.push(Node {
        path: id.clone(),
        article,
        parent: None,
        children: Vec::new(),
        depth: 0,
        ordinal: None,
        heading: Some(title.text.clone()),
        label,
        scope: None,
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| cx.text(p, "paragraph"))
            .collect(),
        lesson: None,
    });
    lib.articles.push(Article {
        id,
        title,
        deck,
        byline,
        affiliation,
        editor_note,
        notes,
        root,
    });
    build_children(cx, lib, root, sections);
}

fn build_children(cx: &mut Ctx<'_>, lib: &mut Library, parent: NodeId, docs: &[SectionDoc]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    check_ordinals(cx, docs);
    for doc in docs {
        let id = cx.id(&doc.id);
        if let Some(&first) = seen.get(&id) {
            let first = cx.place_of(first);
            cx.error(
                doc.id.span().start,
                format!("duplicate id `{id}` among siblings (first at {first})"),
            );
        }
        seen.insert(id.clone(), doc.id.span().start);
        let node = build_section(cx, lib, parent, doc, &id);
        let nid = lib.nodes.len();
        lib.nodes.push(node);
        lib.nodes[parent].children.push(nid);
        build_children(cx, lib, nid, &doc.section);
    }
}

fn build_section(
    cx: &mut Ctx<'_>,
    lib: &Library,
    parent: NodeId,
    doc: &SectionDoc,
    id: &str,
) -> Node {
    let heading = cx.text(&doc.heading, "heading");
    let ordinal = doc.ordinal.as_ref().map(|o| cx.text(o, "ordinal"));
    if let Some(ord) = &ordinal
        && !heading.starts_with(ord.as_str())
    {
        cx.error(
            doc.heading.span().start,
            format!("heading must begin with its ordinal `{ord}`"),
        );
    }
    if let Some(t) = &doc.ours.title {
        cx.error(t.span().start, "`ours.title` is only for articles");
    }
    let label = match &doc.ours.label {
        Some(l) => cx.text(l, "label"),
        None => {
            let bare = ordinal
                .as_deref()
                .and_then(|o| heading.strip_prefix(o))
                .unwrap_or(&heading);
            bare.trim_start_matches('，')
                .trim_end_matches(['。', '：'])
                .to_owned()
        }
    };
    let mut paragraphs: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|p| cx.text(p, "paragraph"))
        .collect();
    let lesson = build_lesson(cx, lib, parent, doc, &heading);
    if let Some(l) = &lesson {
        if let Some(p) = doc.paragraphs.first() {
            cx.error(
                p.span().start,
                "a lesson's text is its `lead` and `examples`; it takes no `paragraphs`",
            );
        }
        let mut text = l.lead.clone();
        text.extend(l.examples.iter().map(|e| e.text.as_str()));
        paragraphs = vec![text];
    }
    let parent_node = &lib.nodes[parent];
    Node {
        path: format!("{}/{id}", parent_node.path),
        article: parent_node.article,
        parent: Some(parent),
        children: Vec::new(),
        depth: parent_node.depth + 1,
        ordinal,
        heading: Some(heading),
        label,
        scope: doc.scope.as_ref().map(|s| *s.get_ref()),
        paragraphs,
        lesson,
    }
}

fn build_lesson(
    cx: &mut Ctx<'_>,
    lib: &Library,
    parent: NodeId,
    doc: &SectionDoc,
    heading: &str,
) -> Option<Lesson> {
    let first = doc
        .theme
        .as_ref()
        .or(doc.lead.as_ref())
        .or(doc.examples.first().map(|e| &e.place))?;
    let Some(scope) = lib.nodes[parent].scope else {
        cx.error(
            first.span().start,
            "a lesson (theme, lead, examples) must sit in a section with a `scope`",
        );
        return None;
    };
    let theme = match &doc.theme {
        Some(t) => cx.text(t, "theme"),
        None => {
            cx.error(doc.id.span().start, "a lesson needs a `theme`");
            String::new()
        }
    };
    if !theme.is_empty() && !heading.contains(&theme) {
        cx.error(
            doc.theme.as_ref().map_or(0, |t| t.span().start),
            "the theme must be part of the heading as printed",
        );
    }
    let lead = doc
        .lead
        .as_ref()
        .map(|l| cx.text(l, "lead"))
        .unwrap_or_default();
    if doc.examples.is_empty() {
        cx.error(doc.id.span().start, "a lesson needs at least one example");
    }
    let mut examples = Vec::new();
    for e in &doc.examples {
        let text = cx.text(&e.text, "example");
        if let Some(&place) = cx.place_index.get(e.place.get_ref()) {
            // Known already: check now, where the source is at hand.
            for (on_text, message) in place_problems(&lib.places[place], scope, &text) {
                let at = if on_text {
                    e.text.span().start
                } else {
                    e.place.span().start
                };
                cx.error(at, message);
            }
            examples.push(Example { place, text });
            continue;
        }
        // The places may come in a later file: check once all are read.
        let at = |offset| ContentError::at(cx.path, cx.src, offset, String::new());
        let reference = PlaceRef {
            // The node being built is the next one pushed.
            node: lib.nodes.len(),
            example: examples.len(),
            id: e.place.get_ref().clone(),
            scope,
            at_place: at(e.place.span().start),
            at_text: at(e.text.span().start),
        };
        cx.refs.push(reference);
        examples.push(Example {
            place: usize::MAX,
            text,
        });
    }
    Some(Lesson {
        scope,
        theme,
        lead,
        examples,
    })
}

/// What is wrong with an example's place: `(on the text?, message)`.
fn place_problems(p: &crate::content::Place, scope: Scope, text: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    if p.scope != scope {
        out.push((
            false,
            format!(
                "place `{}` is {} but this lesson is {}",
                p.id,
                p.scope.as_str(),
                scope.as_str()
            ),
        ));
    }
    if !text.contains(&p.name) {
        out.push((true, format!("example does not mention {}", p.name)));
    }
    out
}

const SEQUENCES: &[&[&str]] = &[
    &[
        "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
    ],
    &[
        "1、", "2、", "3、", "4、", "5、", "6、", "7、", "8、", "9、", "10、", "11、", "12、",
    ],
    &["首先", "其次", "再次", "最后"],
];

fn check_ordinals(cx: &mut Ctx<'_>, docs: &[SectionDoc]) {
    let ordinals: Vec<&Text> = docs.iter().filter_map(|d| d.ordinal.as_ref()).collect();
    let Some(first) = ordinals.first() else {
        return;
    };
    let seq = SEQUENCES
        .iter()
        .find(|s| s.contains(&first.get_ref().as_str()));
    for (i, ord) in ordinals.iter().enumerate() {
        let expected = seq.and_then(|s| s.get(i));
        if expected.is_none_or(|e| e != ord.get_ref()) {
            let message = match expected {
                Some(e) => format!(
                    "ordinal `{}` out of sequence: expected `{e}`",
                    ord.get_ref()
                ),
                None => format!(
                    "ordinal `{}` is not in a known sequence (一是…, 1、…, 首先…)",
                    ord.get_ref()
                ),
            };
            cx.error(ord.span().start, message);
            return;
        }
    }
}
