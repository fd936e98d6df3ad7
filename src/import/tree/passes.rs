//! Passes over an article's pieces before they are placed: lines a
//! layout set apart joined again, paragraphs that open alike read as
//! run-in headings, part headings printed after their parts moved back.

use super::super::Field;
use super::{Piece, chars, field_of, ordinal_of, sentence_ends};
use crate::content::ordinal::{at_start, opens_article};

/// Short lines set one under another with no text between, that only
/// their shape made headings (a theory page's part: its topic `新质生产力`,
/// its title, its speaker `…权衡代表`): the first is the part's heading,
/// the others its first paragraphs, not parts of nothing.
pub(super) fn stacked(pieces: Vec<Piece>) -> Vec<Piece> {
    let loose = |p: &Piece| {
        matches!(
            p,
            Piece::Heading {
                ordinal: None,
                level: None,
                ..
            }
        )
    };
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match piece {
            Piece::Heading {
                field,
                ordinal: None,
                level: None,
            } if out.last().is_some_and(|p| loose(p) || matches!(p, Piece::Para { field: f, .. } if f.guess.as_deref() == Some(UNDER))) =>
            {
                out.push(Piece::Para {
                    field: Field {
                        guess: Some(UNDER.into()),
                        ..field
                    },
                    ordinal: None,
                    split: false,
                });
            }
            p => out.push(p),
        }
    }
    out
}

/// What [`stacked`] says of a line it read as text.
const UNDER: &str = "text (a short line set under a part's heading)";

/// Lines a layout set apart that are one: a bare ordinal (`第一章`) and
/// the heading line under it; a law's bare article number (`第一条`) and
/// its text.
pub(super) fn rejoined(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (out.last_mut(), piece) {
            (
                Some(Piece::Heading {
                    field: bare,
                    ordinal: Some(o),
                    level: None,
                }),
                Piece::Heading {
                    field,
                    ordinal: None,
                    level: None,
                },
            ) if bare.text.trim() == o.text => {
                bare.text = format!("{} {}", bare.text.trim(), field.text);
            }
            (
                Some(Piece::Para {
                    field: number,
                    ordinal: None,
                    ..
                }),
                Piece::Para { field, .. },
            ) if opens_article(&number.text)
                && chars(&number.text) <= 10
                && !number.text.contains(' ') =>
            {
                number.text = format!("{} {}", number.text, field.text);
            }
            (_, piece) => out.push(piece),
        }
    }
    out
}

/// Paragraphs that open alike (`争做…的模范。`): each one's first sentence
/// is a part's heading.
pub(super) fn parallel_headings(pieces: Vec<Piece>) -> Vec<Piece> {
    let first = |p: &Piece| match p {
        Piece::Para {
            field,
            ordinal: None,
            split: false,
        } => {
            if opens_article(&field.text) {
                return None;
            }
            let end = *sentence_ends(&field.text).first()?;
            // A run-in heading runs into its text: a sentence alone is text.
            if end == field.text.len() {
                return None;
            }
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
    // How many first sentences open and close alike: counted once. The
    // same sentence each time (`各位代表！`, a salutation) heads nothing.
    let mut counts: std::collections::HashMap<(&str, &str), (usize, String, bool)> =
        std::collections::HashMap::new();
    for (p, k) in pieces.iter().zip(&keys) {
        if let (Piece::Para { field, .. }, Some(k)) = (p, k) {
            let sentence = &field.text[..k.2];
            let e = counts
                .entry((k.0.as_str(), k.1.as_str()))
                .or_insert_with(|| (0, sentence.to_owned(), false));
            e.0 += 1;
            e.2 |= e.1 != sentence;
        }
    }
    let alike = |k: &(String, String, usize)| match &counts[&(k.0.as_str(), k.1.as_str())] {
        (n, _, true) => *n,
        _ => 1,
    };
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

/// A paper that numbers its parts (`0 引言`, `1 方法`, two or more):
/// a short line without a number is no part of it (its keywords, a
/// formula's words, a running header), but for the parts papers leave
/// unnumbered (`参考文献`, `致谢`, `附录`).
pub(super) fn numbered_paper(pieces: Vec<Piece>) -> Vec<Piece> {
    let numbered = pieces
        .iter()
        .filter(|p| {
            matches!(p, Piece::Heading { ordinal: Some(o), level: None, .. }
                if o.family == crate::content::ordinal::Family::Decimal(1))
        })
        .count();
    if numbered < 2 {
        return pieces;
    }
    let unnumbered = |t: &str| {
        ["参考文献", "致谢", "附录", "References", "Acknowledgements"]
            .iter()
            .any(|w| t.starts_with(w))
    };
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Heading { field, .. } if is_part_heading(&p) && !unnumbered(&field.text) => {
                Piece::Para {
                    field: field.guessed("text (a short line in a paper that numbers its parts)"),
                    ordinal: None,
                    split: false,
                }
            }
            p => p,
        })
        .collect()
}

/// A signature at a notice's end (the issuer's line, then the date set
/// alone: `上海市嘉定区人民政府` / `2023年7月17日`) is text, not a part;
/// and so is the line after it when it is a heading by its shape only:
/// the title of the document the notice sends (`关于推进…的实施意见`),
/// whose own parts follow.
pub(super) fn signed(mut pieces: Vec<Piece>) -> Vec<Piece> {
    let dated = |p: &Piece| {
        let text = &field_of(p).text;
        super::super::opening::date_line(text) && !text.starts_with(['（', '('])
    };
    let mut i = 0;
    while i + 1 < pieces.len() {
        if !(is_part_heading(&pieces[i]) && dated(&pieces[i + 1])) {
            i += 1;
            continue;
        }
        let text = |p: &Piece, why: &str| Piece::Para {
            field: field_of(p).clone().guessed(why),
            ordinal: None,
            split: false,
        };
        pieces[i] = text(&pieces[i], "text (a signature: who issued it)");
        pieces[i + 1] = text(&pieces[i + 1], "text (a signature: when)");
        if pieces.get(i + 2).is_some_and(is_part_heading) {
            pieces[i + 2] = text(
                &pieces[i + 2],
                "text (the title of the document the notice sends)",
            );
        }
        i += 3;
    }
    pieces
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

/// When the last thing in an article is a part heading, the layout prints
/// part headings after their parts: each goes back to where its part
/// starts (its list, and the one paragraph that introduces it).
pub(super) fn trailing_headings(pieces: Vec<Piece>) -> Vec<Piece> {
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
