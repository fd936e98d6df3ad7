//! An article's sections, from the markers Chinese articles use: ordinals
//! at any depth (a list's family ranks by where it first appears), short
//! heading lines, run-in headings (`首先，站稳政治立场。` then text),
//! parallel run-in headings (`争做…的模范。` five times), Markdown headings,
//! and part headings a layout printed after their parts.

use super::front::chars;
use super::reflow::{Layout, ends_sentence};
use super::{Field, Problem, Section, Unit, UnitKind};

mod nest;
mod passes;

use crate::content::ordinal::{Family, Ordinal, at_start, opens_article};
use nest::Nest;
use passes::{numbered_paper, parallel_headings, rejoined, signed, stacked, trailing_headings};

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
    chars(s) <= 40
        // A formula's stray line (`π∗= arg max`) is no heading.
        && s.chars().any(crate::search::is_hanzi)
        && !ends_sentence(s)
        && !s.contains('。')
        && !s.ends_with(['，', '、', '；'])
        // A journal's ASCII marks end sentences too (`…为目标函数.`).
        && !s.ends_with(['.', ',', ';', ':'])
        // A line broken at an opening quote or inside a number
        // (`进一步分好‘`, `机将突破14.`): the sentence goes on.
        && !s.ends_with(['‘', '“', '《', '（', '(', '「'])
        && !s.trim_end_matches('.').ends_with(|c: char| c.is_ascii_digit())
        // `——编者`: a signature, not a part; nor the paper and page
        // (`伍爱群《人民日报》（…第 13 版）`).
        && !s.starts_with("——")
        && !super::opening::paper_line(s)
        && super::opening::printed_on(s).is_none()
        && !opens_article(s)
}

fn pieces(body: &[Unit], layout: Layout) -> (Vec<Piece>, bool) {
    let markdown = layout == Layout::Marked
        || body
            .iter()
            .any(|u| matches!(u.kind, UnitKind::Heading(_) | UnitKind::Item(_)));
    let mut out = Vec::new();
    let mut depth = 0;
    // The Markdown level of the last `1 引言`: a decimal outline's deeper
    // numbers nest under it, whatever level the page gave them.
    let mut decimal_top = None;
    for u in body {
        match &u.kind {
            UnitKind::Heading(level) => {
                let ordinal = at_start(&u.text);
                depth = match ordinal.as_ref().map(|o| o.family) {
                    Some(Family::Decimal(1)) => *decimal_top.insert(*level),
                    Some(Family::Decimal(d)) => decimal_top
                        .filter(|top| level >= top)
                        .map_or(*level, |top| top + usize::from(d) - 1),
                    _ => {
                        decimal_top = decimal_top.filter(|top| level > top);
                        *level
                    }
                };
                out.push(Piece::Heading {
                    field: Field::of(u),
                    ordinal,
                    level: Some(depth),
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
            _ if layout == Layout::Indented && !u.indented && !markdown => {
                out.push(Piece::Heading {
                    field: Field::of(u),
                    ordinal: at_start(&u.text),
                    level: None,
                });
            }
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

fn ordinal_of(p: &Piece) -> Option<&Ordinal> {
    match p {
        Piece::Heading { ordinal, .. } | Piece::Para { ordinal, .. } => ordinal.as_ref(),
    }
}

fn field_of(p: &Piece) -> &Field {
    match p {
        Piece::Heading { field, .. } | Piece::Para { field, .. } => field,
    }
}

/// The heading of a run-in item: its first sentence.
fn run_in_heading(text: &str) -> (String, String) {
    let end = sentence_ends(text).first().copied().unwrap_or(text.len());
    (text[..end].to_owned(), text[end..].to_owned())
}

/// How many times an article's sections are placed at most: each time
/// reads the lines that broke a list as text.
const TRIES: usize = 32;

/// Builds the article's opening paragraphs and its sections; an ordinal
/// out of sequence reads the line that caused it as text, and says so in
/// `warnings`.
pub(super) fn build(
    body: &[Unit],
    layout: Layout,
    warnings: &mut Vec<Problem>,
) -> (Vec<Field>, Vec<Section>) {
    let (pieces, markdown) = pieces(body, layout);
    let pieces = rejoined(pieces);
    let pieces = if markdown {
        pieces
    } else {
        stacked(signed(numbered_paper(pieces)))
    };
    let mut pieces = if markdown {
        pieces
    } else {
        trailing_headings(parallel_headings(pieces))
    };
    // A code of law (articles `第一条 …`): its lists `（一）…` run inside
    // an article's paragraphs, never parts of their own.
    let code = pieces
        .iter()
        .filter(|p| matches!(p, Piece::Para { field, .. } if opens_article(&field.text)))
        .nth(2)
        .is_some();
    for tries in 1.. {
        let mut nest = place(&pieces, code, tries == TRIES);
        if nest.demote.is_empty() {
            warnings.append(&mut nest.warnings);
            return (nest.paragraphs, nest::fold(nest.flat));
        }
        nest.demote.sort_by_key(|d| d.piece);
        nest.demote.dedup_by_key(|d| d.piece);
        for d in nest.demote {
            let piece = std::mem::replace(
                &mut pieces[d.piece],
                Piece::Para {
                    field: Field::default(),
                    ordinal: None,
                    split: false,
                },
            );
            let (field, demoted) = as_text(piece);
            let shown: String = field.text.chars().take(24).collect();
            let more = if field.text.chars().count() > 24 {
                "…"
            } else {
                ""
            };
            warnings.push(Problem {
                line: field.line,
                message: format!("`{shown}{more}` read as text, not a heading: {}", d.why),
            });
            pieces[d.piece] = demoted;
        }
    }
    unreachable!("the last try demotes nothing")
}

/// A piece that broke a list, as text: a heading its shape made is a
/// paragraph; a run-in ordinal opens none; a heading markup made stays
/// one, its ordinal unmarked.
fn as_text(piece: Piece) -> (Field, Piece) {
    match piece {
        Piece::Heading {
            field,
            level: Some(level),
            ..
        } => (
            field.clone(),
            Piece::Heading {
                field,
                ordinal: None,
                level: Some(level),
            },
        ),
        Piece::Heading { field, .. } | Piece::Para { field, .. } => (
            field.clone(),
            Piece::Para {
                field: Field {
                    guess: None,
                    ..field
                },
                ordinal: None,
                split: false,
            },
        ),
    }
}

/// The pieces placed in sections once.
fn place(pieces: &[Piece], code: bool, last_try: bool) -> Nest {
    let mut nest = Nest {
        last_try,
        ..Nest::default()
    };
    // The families of ordinals under the current part, in the order they
    // first appear: the first is one level below the part, and so on.
    let mut families: Vec<Family> = Vec::new();
    let mut base = 0;
    let mut parts = [false; 4];
    for (i, piece) in pieces.iter().enumerate() {
        nest.at = i;
        match piece {
            Piece::Heading {
                field,
                ordinal,
                level: Some(level),
            } => {
                base = *level;
                families.clear();
                nest.section(*level, ordinal.as_ref(), field.clone(), false);
            }
            Piece::Heading {
                field,
                ordinal: None,
                level: None,
            } => {
                base = 1;
                families.clear();
                nest.section(1, None, field.clone(), true);
            }
            Piece::Heading {
                field,
                ordinal: Some(o),
                level: None,
            } if o.family.part_rank().is_some() => {
                // A code's parts, chapters and sections rank by what they
                // are, from the top: a chapter under a part, if any.
                let rank = o.family.part_rank().unwrap_or(0);
                parts[rank] = true;
                let level = 1 + parts[..rank].iter().filter(|p| **p).count();
                base = level;
                families.clear();
                nest.section(level, Some(o), field.clone(), false);
            }
            Piece::Heading {
                field,
                ordinal: Some(o),
                level: None,
            } => {
                let level = level_of(&mut families, base, o.family);
                nest.section(level, Some(o), field.clone(), false);
            }
            Piece::Para {
                field,
                ordinal: Some(o),
                split,
            } if !code || o.family.part_rank().is_some() => {
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
                    nest.section(level, Some(o), heading, false);
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
    nest
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
