//! Two parts of a collection held against each other: laid out as rows
//! where each pair starts on the same row on both sides (or, stacked, each
//! left item followed by its right one). What is compared with what is
//! [`Sides`]: the bundled page's domestic and foreign lessons, any two
//! lists, or two versions of one text. Shared by the comparison view,
//! `zhizao compare` and `zhizao lessons`; knows nothing of the terminal.

mod sheet;
pub mod sides;
pub mod versions;

use std::ops::Range;

use crate::content::{Anchor, Field, Library, NodeId, PlaceId, Scope};
use crate::wrap::{Widths, wrap};

pub use sheet::Sheet;
pub use sides::{Item, Row, Sides};
pub use versions::Change;

/// What a piece of a line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A place's name in the authors' text.
    Place(PlaceId),
    /// Ours: the country after a foreign place's name.
    Country,
    /// Between versions: characters taken out (left) or put in (right).
    Changed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A side's heading, e.g. 1、国内先进城市发展对宁波的启示.
    Title,
    Intro,
    /// An item's first lines: ordinal and theme (一是 注重打造制造业品牌),
    /// or a part's heading.
    Lesson,
    /// An item's text.
    Example,
    /// A thin rule between rows.
    Rule,
    /// A side's label in the stacked layout (国内 / 国外), or what stands
    /// for a paragraph one version lacks (（新增）, （删除）).
    Side,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: Kind,
    /// The part this line's item is (or holds the line's text).
    pub lesson: Option<NodeId>,
    pub text: String,
    pub marks: Vec<(Range<usize>, Mark)>,
    /// The field the line's text is from, and which bytes of the line are
    /// its own text with where each run starts in it: what a study note's
    /// marks map to.
    pub source: Option<Anchor>,
    pub from: Vec<(Range<usize>, usize)>,
    /// The first line of an item: what is highlighted when its row is
    /// selected.
    pub head: bool,
    /// The row the line belongs to, and its side (set as a sheet lays it out).
    pub row: Option<usize>,
    pub side: usize,
}

impl Line {
    fn new(kind: Kind, lesson: Option<NodeId>, text: String) -> Self {
        Line {
            kind,
            lesson,
            text,
            marks: Vec::new(),
            source: None,
            from: Vec::new(),
            head: false,
            row: None,
            side: 0,
        }
    }

    fn blank(lesson: Option<NodeId>) -> Self {
        Line::new(Kind::Blank, lesson, String::new())
    }
}

/// One side, or the single stacked column, as lines.
pub type Column = Vec<Line>;

fn pad(columns: &mut [Column]) {
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    for col in columns {
        let lesson = col.last().and_then(|l| l.lesson);
        col.resize(rows, Line::blank(lesson));
    }
}

fn wrapped(
    kind: Kind,
    lesson: Option<NodeId>,
    text: &str,
    indent: &str,
    width: usize,
    widths: Widths,
) -> Column {
    wrap(text, width, widths.str(indent), widths)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            Line::new(
                kind,
                lesson,
                format!("{}{}", if i == 0 { indent } else { "" }, &text[r]),
            )
        })
        .collect()
}

/// A side's heading, and (when its items are its parts) its own
/// paragraphs: what stands above the rows.
fn intro(lib: &Library, side: NodeId, width: usize, widths: Widths) -> Column {
    let node = lib.node(side);
    let mut col = wrapped(
        Kind::Title,
        None,
        &lib.display_label(side),
        "",
        width,
        widths,
    );
    if !node.children.is_empty() {
        for p in &node.paragraphs {
            col.extend(wrapped(
                Kind::Intro,
                None,
                p,
                crate::layout::INDENT,
                width,
                widths,
            ));
        }
    }
    col.push(Line::blank(None));
    col
}

/// `f` of each item, in order, the items shared out among the cores: a
/// big archive has tens of thousands of lessons.
fn on_all_cores<T: Send, I: Sync>(items: &[I], f: impl Fn(&I) -> T + Sync) -> Vec<T> {
    let chunk = items.len().div_ceil(crate::threads()).max(256);
    let f = &f;
    let each = move |part: &[I]| -> Vec<T> { part.iter().map(f).collect() };
    if items.len() <= chunk {
        return each(items);
    }
    crate::on_cores(items.chunks(chunk).map(|part| move || each(part)))
        .into_iter()
        .flatten()
        .collect()
}

/// An item's lines on its side of a row; `changed`, between versions, the
/// bytes of its text that changed.
fn item_lines(
    lib: &Library,
    item: Item,
    changed: &[Range<usize>],
    width: usize,
    widths: Widths,
) -> Column {
    let mut col = match item {
        Item::Node(n) if lib.node(n).lesson.is_some() => lesson_lines(lib, n, width, widths),
        Item::Node(n) => part_lines(lib, n, width, widths),
        Item::Text(a) => text_lines(lib, a, changed, width, widths),
    };
    if let Some(first) = col.first_mut() {
        first.head = true;
    }
    col
}

/// Any part, whole: its heading, then each paragraph of it and of the
/// parts inside it, place names marked.
fn part_lines(lib: &Library, part: NodeId, width: usize, widths: Widths) -> Column {
    let mut col = Vec::new();
    for n in lib.subtree(part) {
        let node = lib.node(n);
        if let Some(h) = node.heading.as_deref().filter(|_| node.depth > 0) {
            let kind = if n == part { Kind::Lesson } else { Kind::Intro };
            col.extend(marked(
                lib,
                part,
                Anchor {
                    node: n,
                    field: Field::Heading,
                },
                h,
                kind,
                &[],
                width,
                widths,
            ));
        }
        for (i, p) in node.paragraphs.iter().enumerate() {
            let at = Anchor {
                node: n,
                field: Field::Paragraph(i),
            };
            col.extend(marked(lib, part, at, p, Kind::Example, &[], width, widths));
        }
    }
    col
}

/// One field of a version, its changed characters marked.
fn text_lines(
    lib: &Library,
    at: Anchor,
    changed: &[Range<usize>],
    width: usize,
    widths: Widths,
) -> Column {
    let text = lib.text(at).unwrap_or_default();
    let kind = if matches!(at.field, Field::Paragraph(_)) {
        Kind::Example
    } else {
        Kind::Lesson
    };
    marked(lib, at.node, at, text, kind, changed, width, widths)
}

/// A text wrapped, every place name in it marked and the `changed` bytes,
/// each line knowing which bytes of `at` it shows.
#[allow(clippy::too_many_arguments)]
fn marked(
    lib: &Library,
    item: NodeId,
    at: Anchor,
    text: &str,
    kind: Kind,
    changed: &[Range<usize>],
    width: usize,
    widths: Widths,
) -> Column {
    let mut marks: Vec<(Range<usize>, Mark)> = place_marks(lib, text);
    marks.extend(changed.iter().map(|r| (r.clone(), Mark::Changed)));
    wrap(text, width, 0, widths)
        .into_iter()
        .map(|r| {
            let mut line = Line::new(kind, Some(item), text[r.clone()].to_owned());
            line.source = Some(at);
            line.from = vec![(0..r.len(), r.start)];
            line.marks = clipped(&marks, &r, 0);
            line
        })
        .collect()
}

/// Every place name in a text.
fn place_marks(lib: &Library, text: &str) -> Vec<(Range<usize>, Mark)> {
    let mut marks = Vec::new();
    for (id, p) in lib.places.iter().enumerate() {
        for (i, _) in text.match_indices(p.name.as_str()) {
            marks.push((i..i + p.name.len(), Mark::Place(id)));
        }
    }
    marks
}

/// Marks within `r`, moved to a line that starts `r` and is indented by
/// `indent` bytes; a change drawn under a place name is kept as a change.
fn clipped(
    marks: &[(Range<usize>, Mark)],
    r: &Range<usize>,
    indent: usize,
) -> Vec<(Range<usize>, Mark)> {
    let mut out: Vec<(Range<usize>, Mark)> = marks
        .iter()
        .filter_map(|(m, mark)| {
            let (start, end) = (m.start.max(r.start), m.end.min(r.end));
            (start < end).then(|| (start - r.start + indent..end - r.start + indent, *mark))
        })
        .collect();
    // Changes first where they overlap a name: the draw takes the first
    // mark a byte is in.
    out.sort_by_key(|(m, mark)| (m.start, *mark != Mark::Changed));
    out
}

/// A lesson's first line: its ordinal and theme.
fn head(node: &crate::content::Node, l: &crate::content::Lesson) -> String {
    format!(
        "{} {}",
        node.ordinal.as_deref().unwrap_or_default(),
        l.theme
    )
}

/// An example with its place marked, and a foreign place's country after
/// the name (ours).
fn annotated(
    lib: &Library,
    (e, text): (&crate::content::Example, &str),
) -> (String, Vec<(Range<usize>, Mark)>) {
    let place = &lib.places[e.place];
    annotate(
        text,
        &place.name,
        (place.scope == Scope::Foreign).then_some(place.country_zh.as_str()),
        lib,
    )
}

/// How many lines [`item_lines`] gives a lesson, counted without making
/// them; any other item's, by making them.
fn item_height(lib: &Library, item: Item, width: usize, widths: Widths) -> usize {
    let node = lib.node(item.node());
    let (Item::Node(_), Some(l)) = (item, &node.lesson) else {
        return item_lines(lib, item, &[], width, widths).len();
    };
    let head = head(node, l);
    let mut n = wrap(head.trim(), width, 0, widths).len();
    for e in node.examples() {
        let (text, _) = annotated(lib, e);
        n += wrap(&text, width.saturating_sub(2), 0, widths).len();
    }
    n
}

/// A lesson: its ordinal and theme, then each example with the place
/// marked and, for a foreign place, its country after the name (ours).
fn lesson_lines(lib: &Library, lesson: NodeId, width: usize, widths: Widths) -> Column {
    let node = lib.node(lesson);
    let Some(l) = &node.lesson else {
        return Vec::new();
    };
    let head = head(node, l);
    let mut col = wrapped(Kind::Lesson, Some(lesson), head.trim(), "", width, widths);
    let source = Anchor {
        node: lesson,
        field: Field::Paragraph(0),
    };
    // The lesson's paragraph is its lead, then its examples, one after another.
    let mut offset = node.lead().len();
    for e in node.examples() {
        let own = e.1.len();
        let (text, marks) = annotated(lib, e);
        // Our country note, if any, is not the lesson's text.
        let inserted = marks
            .iter()
            .find(|(_, m)| *m == Mark::Country)
            .map(|(r, _)| r.clone());
        for r in wrap(&text, width.saturating_sub(2), 0, widths) {
            let mut line = Line::new(
                Kind::Example,
                Some(lesson),
                format!("  {}", &text[r.clone()]),
            );
            line.source = Some(source);
            line.from = source_runs(&r, inserted.as_ref(), offset);
            line.marks = clipped(&marks, &r, 2);
            col.push(line);
        }
        offset += own;
    }
    col
}

/// The runs of an example's line `r` (bytes of the annotated example)
/// that are the authors' text, as line bytes (after the two-space indent)
/// and where each starts in the lesson's paragraph; `inserted` is our
/// country note, `offset` where the example starts in the paragraph.
fn source_runs(
    r: &Range<usize>,
    inserted: Option<&Range<usize>>,
    offset: usize,
) -> Vec<(Range<usize>, usize)> {
    let pieces = match inserted {
        Some(c) => vec![
            (r.start..r.end.min(c.start), 0),
            (r.start.max(c.end)..r.end, c.len()),
        ],
        None => vec![(r.clone(), 0)],
    };
    pieces
        .into_iter()
        .filter(|(p, _)| p.start < p.end)
        .map(|(p, shift)| {
            (
                p.start - r.start + 2..p.end - r.start + 2,
                offset + p.start - shift,
            )
        })
        .collect()
}

/// The example with `〔country〕` after the first mention of its place, and
/// marks on every place name in it and on the country.
fn annotate(
    text: &str,
    name: &str,
    country: Option<&str>,
    lib: &Library,
) -> (String, Vec<(Range<usize>, Mark)>) {
    let mut out = text.to_owned();
    let mut marks = Vec::new();
    if let (Some(country), Some(at)) = (country, text.find(name)) {
        let note = format!("〔{country}〕");
        let end = at + name.len();
        out.insert_str(end, &note);
        marks.push((end..end + note.len(), Mark::Country));
    }
    marks.extend(place_marks(lib, &out));
    marks.sort_by_key(|(r, _)| r.start);
    (out, marks)
}

/// A place's counts, one rule wherever they are shown (the comparison,
/// the place index, `zhizao lessons`): the lessons that name it in their
/// paragraphs, and every time the collection names it (by any of its names,
/// the longest at each point, left to right), as the place index counts.
#[must_use]
pub fn mentions(lib: &Library, place: PlaceId) -> (usize, usize) {
    let all = lib.mentions();
    all.named()
        .get(place)
        .map_or((0, 0), |n| (n.lessons, n.times))
}

/// Does this lesson name the place?
#[must_use]
pub fn names(lib: &Library, lesson: NodeId, place: PlaceId) -> bool {
    let name = &lib.places[place].name;
    lib.node(lesson)
        .paragraphs
        .iter()
        .any(|p| p.contains(name.as_str()))
}
