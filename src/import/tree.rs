//! An article's sections, from the markers Chinese articles use: ordinals
//! at any depth (a list's family ranks by where it first appears), short
//! heading lines, run-in headings (`首先，站稳政治立场。` then text),
//! parallel run-in headings (`争做…的模范。` five times), Markdown headings,
//! and part headings a layout printed after their parts.

use super::front::chars;
use super::reflow::{Layout, ends_sentence};
use super::{Field, Problem, Section, Unit, UnitKind};
use crate::content::ordinal::{Family, Ordinal, at_start};

#[derive(Debug, Clone)]
enum Piece {
    Heading {
        field: Field,
        ordinal: Option<Ordinal>,
        /// Set by Markdown: the depth below the article.
        level: Option<usize>,
    },
    Para {
        field: Field,
        /// A run-in ordinal: the paragraph may open an item.
        ordinal: Option<Ordinal>,
        /// Cut from the paragraph before it at a sentence's end.
        split: bool,
    },
}

/// Where a sentence ends in `s`: the byte after its mark (and a closing
/// quotation mark after it).
fn sentence_ends(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if matches!(c, '。' | '！' | '？' | '；') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = it.peek() {
                if matches!(q, '”' | '’' | '」' | '』') {
                    end = j + q.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(end);
        }
    }
    out
}

/// A paragraph cut where a sentence ends and an ordinal begins.
fn run_ins(u: &Unit, field: &Field) -> Vec<Piece> {
    let text = &field.text;
    let mut cuts = vec![0];
    // After a sentence, or a colon that announces the list (特征：一是…).
    let colons = text.match_indices('：').map(|(i, c)| i + c.len());
    let mut ends: Vec<usize> = sentence_ends(text).into_iter().chain(colons).collect();
    ends.sort_unstable();
    cuts.extend(
        ends.into_iter()
            .filter(|&e| e < text.len() && at_start(&text[e..]).is_some()),
    );
    cuts.push(text.len());
    cuts.dedup();
    cuts.windows(2)
        .enumerate()
        .map(|(i, w)| {
            let part = &text[w[0]..w[1]];
            Piece::Para {
                field: Field {
                    text: part.to_owned(),
                    line: u.line_at(w[0]),
                    guess: if i == 0 { field.guess.clone() } else { None },
                },
                ordinal: at_start(part),
                split: i > 0,
            }
        })
        .collect()
}

fn heading_shape(s: &str) -> bool {
    chars(s) <= 40 && !ends_sentence(s) && !s.contains('。')
}

fn pieces(body: &[Unit], layout: Layout) -> (Vec<Piece>, bool) {
    let markdown = body
        .iter()
        .any(|u| matches!(u.kind, UnitKind::Heading(_) | UnitKind::Item(_)));
    let mut out = Vec::new();
    let mut depth = 0;
    for u in body {
        match &u.kind {
            UnitKind::Heading(level) => {
                depth = *level;
                out.push(Piece::Heading {
                    field: Field::of(u),
                    ordinal: at_start(&u.text),
                    level: Some(*level),
                });
            }
            UnitKind::Item(heading) => {
                out.push(Piece::Heading {
                    field: Field {
                        text: heading.clone(),
                        line: u.line,
                        guess: None,
                    },
                    ordinal: at_start(heading),
                    level: Some(depth + 1),
                });
                if !u.text.is_empty() {
                    out.push(Piece::Para {
                        field: Field::of(u),
                        ordinal: None,
                        split: false,
                    });
                }
            }
            // Where paragraphs are indented, a line that is not is a heading.
            _ if layout == Layout::Indented && !u.indented => out.push(Piece::Heading {
                field: Field::of(u),
                ordinal: at_start(&u.text),
                level: None,
            }),
            _ if !markdown && layout != Layout::Indented && heading_shape(&u.text) => {
                let ordinal = at_start(&u.text);
                let mut field = Field::of(u);
                if ordinal.is_none() {
                    field = field.guessed("heading (short line, no end punctuation)");
                }
                out.push(Piece::Heading {
                    field,
                    ordinal,
                    level: None,
                });
            }
            _ => out.extend(run_ins(u, &Field::of(u))),
        }
    }
    (out, markdown)
}

/// Paragraphs that open alike (`争做…的模范。`): each one's first sentence
/// is a part's heading.
fn parallel_headings(pieces: Vec<Piece>) -> Vec<Piece> {
    let first = |p: &Piece| match p {
        Piece::Para {
            field,
            ordinal: None,
            split: false,
        } => {
            let end = *sentence_ends(&field.text).first()?;
            let s = &field.text[..end];
            let bare = s.trim_end_matches(['。', '！', '？', '；']);
            (4..=30).contains(&chars(bare)).then(|| {
                let c: Vec<char> = bare.chars().collect();
                (
                    c[..2].iter().collect::<String>(),
                    c[c.len() - 2..].iter().collect::<String>(),
                    end,
                )
            })
        }
        _ => None,
    };
    let keys: Vec<Option<(String, String, usize)>> = pieces.iter().map(first).collect();
    // How many first sentences open and close alike: counted once.
    let mut counts: std::collections::HashMap<(&str, &str), usize> =
        std::collections::HashMap::new();
    for k in keys.iter().flatten() {
        *counts.entry((k.0.as_str(), k.1.as_str())).or_default() += 1;
    }
    let alike = |k: &(String, String, usize)| counts[&(k.0.as_str(), k.1.as_str())];
    let mut out = Vec::with_capacity(pieces.len());
    for (p, key) in pieces.into_iter().zip(&keys) {
        match (p, key) {
            (Piece::Para { field, .. }, Some(k)) if alike(k) >= 2 => {
                let n = alike(k);
                let (head, rest) = field.text.split_at(k.2);
                out.push(Piece::Heading {
                    field: Field {
                        text: head.to_owned(),
                        line: field.line,
                        guess: Some(format!(
                            "heading (a first sentence opening like {} others: {}…{})",
                            n - 1,
                            k.0,
                            k.1
                        )),
                    },
                    ordinal: None,
                    level: None,
                });
                if !rest.is_empty() {
                    out.push(Piece::Para {
                        field: Field {
                            text: rest.to_owned(),
                            line: field.line,
                            guess: field.guess,
                        },
                        ordinal: at_start(rest),
                        split: true,
                    });
                }
            }
            (p, _) => out.push(p),
        }
    }
    out
}

fn is_part_heading(p: &Piece) -> bool {
    matches!(
        p,
        Piece::Heading {
            ordinal: None,
            level: None,
            ..
        }
    )
}

fn ordinal_of(p: &Piece) -> Option<&Ordinal> {
    match p {
        Piece::Heading { ordinal, .. } | Piece::Para { ordinal, .. } => ordinal.as_ref(),
    }
}

/// When the last thing in an article is a part heading, the layout prints
/// part headings after their parts: each goes back to where its part
/// starts (its list, and the one paragraph that introduces it).
fn trailing_headings(pieces: Vec<Piece>) -> Vec<Piece> {
    if !pieces.last().is_some_and(is_part_heading) {
        return pieces;
    }
    // Each region between two part headings is passed once: the heading
    // ending it goes in front of where its part starts.
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut region: Vec<Piece> = Vec::new();
    for piece in pieces {
        if !is_part_heading(&piece) {
            region.push(piece);
            continue;
        }
        let start = match region.iter().position(|p| ordinal_of(p).is_some()) {
            Some(f) if f > 0 && matches!(region[f - 1], Piece::Para { ordinal: None, .. }) => f - 1,
            Some(f) => f,
            None => 0,
        };
        let mut heading = piece;
        if let Piece::Heading { field, .. } = &mut heading {
            *field = field
                .clone()
                .guessed("heading printed after its part (the page's last part heading ends it)");
        }
        let part = region.split_off(start);
        out.append(&mut region);
        out.push(heading);
        out.extend(part);
    }
    out.append(&mut region);
    out
}

struct Nest<'p> {
    paragraphs: Vec<Field>,
    flat: Vec<(usize, Section)>,
    /// The sections still open, as `(level, index in flat)`, each deeper
    /// than the one before: where a new section's parent is found.
    open: Vec<(usize, usize)>,
    /// The last ordinal under each parent (None: the article).
    last: std::collections::HashMap<Option<usize>, (Family, u32)>,
    problems: &'p mut Vec<Problem>,
}

impl Nest<'_> {
    fn parent(&self, level: usize) -> Option<usize> {
        self.open
            .iter()
            .rev()
            .find(|(l, _)| *l < level)
            .map(|&(_, i)| i)
    }

    fn paragraph(&mut self, field: Field, split: bool) {
        let list = match self.flat.last_mut() {
            Some((_, s)) => &mut s.paragraphs,
            None => &mut self.paragraphs,
        };
        match list.last_mut() {
            Some(prev) if split => prev.text.push_str(&field.text),
            _ => list.push(field),
        }
    }

    fn section(&mut self, level: usize, ordinal: Option<&Ordinal>, heading: Field) {
        if let Some(o) = ordinal {
            let parent = self.parent(level);
            let prev = self
                .last
                .get(&parent)
                .filter(|(f, _)| *f == o.family)
                .map_or(0, |p| p.1);
            let other = self.last.get(&parent).is_some_and(|(f, _)| *f != o.family);
            if other || !o.family.follows(prev, o.n) {
                let expected = if other {
                    "the list here to go on".to_owned()
                } else {
                    format!("`{}`", o.family.nth(prev + 1))
                };
                self.problems.push(Problem {
                    line: heading.line,
                    message: format!("ordinal `{}` out of sequence: expected {expected}", o.text),
                });
            }
            self.last.insert(parent, (o.family, o.n));
        }
        while self.open.last().is_some_and(|(l, _)| *l >= level) {
            self.open.pop();
        }
        self.open.push((level, self.flat.len()));
        self.flat.push((
            level,
            Section {
                ordinal: ordinal.map(|o| o.text.clone()),
                heading,
                ..Section::default()
            },
        ));
    }
}

/// The heading of a run-in item: its first sentence.
fn run_in_heading(text: &str) -> (String, String) {
    let end = sentence_ends(text).first().copied().unwrap_or(text.len());
    (text[..end].to_owned(), text[end..].to_owned())
}

/// Builds the article's opening paragraphs and its sections.
pub(super) fn build(
    body: &[Unit],
    layout: Layout,
    problems: &mut Vec<Problem>,
) -> (Vec<Field>, Vec<Section>) {
    let (pieces, markdown) = pieces(body, layout);
    let pieces = if markdown {
        pieces
    } else {
        trailing_headings(parallel_headings(pieces))
    };
    let mut nest = Nest {
        paragraphs: Vec::new(),
        flat: Vec::new(),
        open: Vec::new(),
        last: std::collections::HashMap::new(),
        problems,
    };
    // The families of ordinals under the current part, in the order they
    // first appear: the first is one level below the part, and so on.
    let mut families: Vec<Family> = Vec::new();
    let mut base = 0;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Heading {
                field,
                ordinal,
                level: Some(level),
            } => {
                base = *level;
                families.clear();
                nest.section(*level, ordinal.as_ref(), field.clone());
            }
            Piece::Heading {
                field,
                ordinal: None,
                level: None,
            } => {
                base = 1;
                families.clear();
                nest.section(1, None, field.clone());
            }
            Piece::Heading {
                field,
                ordinal: Some(o),
                level: None,
            } => {
                let level = level_of(&mut families, base, o.family);
                nest.section(level, Some(o), field.clone());
            }
            Piece::Para {
                field,
                ordinal: Some(o),
                split,
            } => {
                let known = families.contains(&o.family);
                let level = base
                    + 1
                    + families
                        .iter()
                        .position(|f| *f == o.family)
                        .unwrap_or(families.len());
                let parent = nest.parent(level);
                let open = nest.last.get(&parent).is_some_and(|(f, _)| *f == o.family);
                let starts = o.n == 1 && second_ahead(&pieces[i + 1..], o.family, &families);
                if open || starts {
                    if !known {
                        families.push(o.family);
                    }
                    let (heading, rest) = run_in_heading(&field.text);
                    let mut heading = Field {
                        text: heading,
                        line: field.line,
                        guess: None,
                    };
                    if chars(&heading.text) > 40 {
                        heading =
                            heading.guessed("heading (the item's first sentence, a long one)");
                    }
                    nest.section(level, Some(o), heading);
                    if !rest.is_empty() {
                        nest.paragraph(
                            Field {
                                text: rest,
                                line: field.line,
                                guess: field.guess.clone(),
                            },
                            false,
                        );
                    }
                } else {
                    nest.paragraph(field.clone(), *split);
                }
            }
            Piece::Para { field, split, .. } => nest.paragraph(field.clone(), *split),
        }
    }
    let Nest {
        paragraphs, flat, ..
    } = nest;
    (paragraphs, fold(flat))
}

fn level_of(families: &mut Vec<Family>, base: usize, family: Family) -> usize {
    let k = families
        .iter()
        .position(|f| *f == family)
        .unwrap_or_else(|| {
            families.push(family);
            families.len() - 1
        });
    base + 1 + k
}

/// Whether a second item of `family` follows before its list could end.
fn second_ahead(rest: &[Piece], family: Family, families: &[Family]) -> bool {
    for p in rest {
        if matches!(
            p,
            Piece::Heading { ordinal: None, .. } | Piece::Heading { level: Some(_), .. }
        ) {
            return false;
        }
        if let Some(o) = ordinal_of(p) {
            if o.family == family {
                return o.n == 2
                    || (family == Family::Order && o.n == crate::content::ordinal::LAST);
            }
            if families.contains(&o.family) {
                return false;
            }
        }
    }
    false
}

/// Sections with their levels, in order, as a tree.
fn fold(flat: Vec<(usize, Section)>) -> Vec<Section> {
    let mut stack: Vec<(usize, Section)> = Vec::new();
    let mut roots = Vec::new();
    for (level, section) in flat {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = stack.pop().expect("checked");
            match stack.last_mut() {
                Some((_, parent)) => parent.sections.push(done),
                None => roots.push(done),
            }
        }
        stack.push((level, section));
    }
    while let Some((_, done)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.sections.push(done),
            None => roots.push(done),
        }
    }
    roots
}
