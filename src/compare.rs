//! The domestic and foreign lessons held against each other: laid out as
//! rows where lesson i starts on the same row on both sides (or, stacked,
//! each domestic lesson followed by its foreign counterpart). Shared by the
//! comparison view and `zhizao lessons`; knows nothing of the terminal.

mod sheet;

use std::ops::Range;

use crate::content::{Library, NodeId, PlaceId, Scope};
use crate::wrap::{Widths, wrap};

pub use sheet::Sheet;

/// What a piece of a line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A place's name in the authors' text.
    Place(PlaceId),
    /// Ours: the country after a foreign place's name.
    Country,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The list's heading, e.g. 1、国内先进城市发展对宁波的启示.
    Title,
    Intro,
    /// Ordinal and theme: 一是 注重打造制造业品牌.
    Lesson,
    Example,
    /// A thin rule between lessons.
    Rule,
    /// A scope label in the stacked layout: 国内 / 国外.
    Side,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: Kind,
    /// The lesson this line belongs to.
    pub lesson: Option<NodeId>,
    pub text: String,
    pub marks: Vec<(Range<usize>, Mark)>,
    /// Which bytes of the line are the lesson's own text, and where each
    /// run starts in it (its paragraph): what a study note's marks map to.
    pub from: Vec<(Range<usize>, usize)>,
}

impl Line {
    fn new(kind: Kind, lesson: Option<NodeId>, text: String) -> Self {
        Line {
            kind,
            lesson,
            text,
            marks: Vec::new(),
            from: Vec::new(),
        }
    }

    fn blank(lesson: Option<NodeId>) -> Self {
        Line::new(Kind::Blank, lesson, String::new())
    }
}

/// One side, or the single stacked column, as lines.
pub type Column = Vec<Line>;

#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Side by side: `[domestic, foreign]`, padded to the same length.
    /// Stacked: one column.
    pub columns: Vec<Column>,
    /// The row where each lesson pair starts: the same on both sides.
    pub starts: Vec<usize>,
    /// Lessons by pair: `(domestic, foreign)`.
    pub pairs: Vec<(Option<NodeId>, Option<NodeId>)>,
}

impl Table {
    /// Both lists side by side, each `width` columns wide.
    #[must_use]
    pub fn side_by_side(lib: &Library, width: usize, widths: Widths) -> Self {
        Self::side_by_side_parts(lib, width, widths, usize::MAX)
            .next()
            .unwrap_or_default()
    }

    /// Side by side, `per_part` lesson pairs at a time, so that a big
    /// archive's table is written without being held whole. The first part
    /// has the headings and intros; each part's rows, starts and pairs are
    /// its own, pair `i` of a part being pair `first + i` of the whole.
    pub fn side_by_side_parts(
        lib: &Library,
        width: usize,
        widths: Widths,
        per_part: usize,
    ) -> impl Iterator<Item = Self> {
        let lists = [Scope::Domestic, Scope::Foreign].map(|s| (lib.lesson_list(s), lib.lessons(s)));
        let n = lists[0].1.len().max(lists[1].1.len());
        let per_part = per_part.max(1);
        let rule = "─".repeat(width / widths.char('─').max(1));
        (0..n.div_ceil(per_part).max(1)).map(move |part| {
            let range = part * per_part..n.min((part + 1).saturating_mul(per_part));
            let mut columns: Vec<Column> = vec![Vec::new(), Vec::new()];
            if part == 0 {
                // The headings and intros, padded to the same height.
                for (col, (list, _)) in columns.iter_mut().zip(&lists) {
                    if let Some(list) = list {
                        col.extend(intro(lib, *list, width, widths));
                    }
                }
                pad(&mut columns);
            }
            let mut laid = lists.each_ref().map(|(_, lessons)| {
                let part = &lessons[range.start.min(lessons.len())..range.end.min(lessons.len())];
                all_lesson_lines(lib, part, width, widths).into_iter()
            });
            let mut starts = Vec::new();
            for _ in range.clone() {
                starts.push(columns[0].len());
                for (col, lines) in columns.iter_mut().zip(&mut laid) {
                    if let Some(lines) = lines.next() {
                        col.extend(lines);
                    }
                }
                pad(&mut columns);
                for col in &mut columns {
                    col.push(Line::new(Kind::Rule, None, rule.clone()));
                }
            }
            let pairs = range
                .map(|i| (lists[0].1.get(i).copied(), lists[1].1.get(i).copied()))
                .collect();
            Table {
                columns,
                starts,
                pairs,
            }
        })
    }

    /// One column: each domestic lesson followed by its foreign counterpart.
    #[must_use]
    pub fn stacked(lib: &Library, width: usize, widths: Widths) -> Self {
        let lists = [Scope::Domestic, Scope::Foreign].map(|s| (lib.lesson_list(s), lib.lessons(s)));
        let n = lists[0].1.len().max(lists[1].1.len());
        let mut col = Vec::new();
        for (list, _) in &lists {
            if let Some(list) = list {
                col.extend(intro(lib, *list, width, widths));
            }
        }
        let mut laid = lists
            .each_ref()
            .map(|(_, lessons)| all_lesson_lines(lib, lessons, width, widths).into_iter());
        let mut starts = Vec::new();
        for i in 0..n {
            starts.push(col.len());
            for (((_, lessons), lines), side) in lists.iter().zip(&mut laid).zip(["国内", "国外"])
            {
                if let (Some(&lesson), Some(lines)) = (lessons.get(i), lines.next()) {
                    col.push(Line::new(Kind::Side, Some(lesson), side.to_owned()));
                    col.extend(lines);
                }
            }
            col.push(Line::new(
                Kind::Rule,
                None,
                "─".repeat(width / widths.char('─').max(1)),
            ));
        }
        Table {
            columns: vec![col],
            starts,
            pairs: pairs(&lists, n),
        }
    }

    /// The lesson pair a row belongs to (with the rule after it); `None`
    /// for the lists' headings and intros above the first pair.
    #[must_use]
    pub fn pair_at(&self, row: usize) -> Option<usize> {
        self.starts.partition_point(|&s| s <= row).checked_sub(1)
    }

    #[must_use]
    pub fn height(&self) -> usize {
        self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }
}

fn pairs(
    lists: &[(Option<NodeId>, Vec<NodeId>); 2],
    n: usize,
) -> Vec<(Option<NodeId>, Option<NodeId>)> {
    (0..n)
        .map(|i| (lists[0].1.get(i).copied(), lists[1].1.get(i).copied()))
        .collect()
}

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

fn intro(lib: &Library, list: NodeId, width: usize, widths: Widths) -> Column {
    let node = lib.node(list);
    let mut col = Vec::new();
    col.extend(wrapped(
        Kind::Title,
        None,
        node.heading.as_deref().unwrap_or_default(),
        "",
        width,
        widths,
    ));
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
    col.push(Line::blank(None));
    col
}

/// Every lesson's lines, in order, laid out on all cores: a big archive
/// has tens of thousands of lessons.
fn all_lesson_lines(
    lib: &Library,
    lessons: &[NodeId],
    width: usize,
    widths: Widths,
) -> Vec<Column> {
    on_all_cores(lessons, |lesson| lesson_lines(lib, lesson, width, widths))
}

/// `f` of each lesson, in order, the lessons shared out among the cores.
fn on_all_cores<T: Send>(lessons: &[NodeId], f: impl Fn(NodeId) -> T + Sync) -> Vec<T> {
    let chunk = lessons.len().div_ceil(crate::threads()).max(256);
    let f = &f;
    let each = move |part: &[NodeId]| -> Vec<T> { part.iter().map(|&l| f(l)).collect() };
    if lessons.len() <= chunk {
        return each(lessons);
    }
    crate::on_cores(lessons.chunks(chunk).map(|part| move || each(part)))
        .into_iter()
        .flatten()
        .collect()
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
        e.place,
        &place.name,
        (place.scope == Scope::Foreign).then_some(place.country_zh.as_str()),
        lib,
    )
}

/// How many lines [`lesson_lines`] gives, counted without making them.
fn lesson_height(lib: &Library, lesson: NodeId, width: usize, widths: Widths) -> usize {
    let node = lib.node(lesson);
    let Some(l) = &node.lesson else {
        return 0;
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
            line.from = source_runs(&r, inserted.as_ref(), offset);
            for (m, mark) in &marks {
                let (start, end) = (m.start.max(r.start), m.end.min(r.end));
                if start < end {
                    line.marks
                        .push((start - r.start + 2..end - r.start + 2, *mark));
                }
            }
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
    place: PlaceId,
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
    for (id, p) in lib.places.iter().enumerate() {
        for (i, _) in out.match_indices(p.name.as_str()) {
            marks.push((i..i + p.name.len(), Mark::Place(id)));
        }
    }
    let _ = place;
    marks.sort_by_key(|(r, _)| r.start);
    (out, marks)
}

/// How often a place is named in the lessons: lessons that name it, and
/// every mention in them.
#[must_use]
pub fn mentions(lib: &Library, place: PlaceId) -> (usize, usize) {
    let name = &lib.places[place].name;
    let counts: Vec<usize> = [Scope::Domestic, Scope::Foreign]
        .into_iter()
        .flat_map(|s| lib.lessons(s))
        .map(|n| {
            lib.node(n)
                .paragraphs
                .iter()
                .map(|p| p.matches(name.as_str()).count())
                .sum()
        })
        .filter(|&c| c > 0)
        .collect();
    (counts.len(), counts.iter().sum())
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
