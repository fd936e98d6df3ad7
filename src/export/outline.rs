//! A study outline (学习提纲): an article's argument as its headings, each
//! with the first sentence of its text as the authors wrote it, and the
//! reader's notes under the section they are in. What view 5 shows, what
//! `y` there copies, and `zhizao export --format outline` writes.

use std::fmt::Write as _;

use crate::content::{Library, NodeId};
use crate::notes::{Notebook, Place};

/// The first sentence of a node's own text (its first paragraph's), as
/// printed; None for a node with no text of its own, or one whose heading
/// is that sentence already.
#[must_use]
pub fn first_sentence(lib: &Library, node: NodeId) -> Option<&str> {
    let text = lib.node(node).paragraphs.first()?;
    let bytes = crate::notes::anchor::sentence_at(text, 0);
    let sentence = text.get(bytes)?.trim();
    let heading = lib.node(node).heading.as_deref().unwrap_or_default();
    (!sentence.is_empty() && sentence != heading).then_some(sentence)
}

/// What a node is called in an outline: its heading as printed (its
/// ordinal included), else our label for it.
#[must_use]
pub fn heading(lib: &Library, node: NodeId) -> String {
    let n = lib.node(node);
    if n.depth == 0 {
        return format!("《{}》", lib.display_label_full(node));
    }
    match (&n.ordinal, &n.heading) {
        (Some(ordinal), Some(heading)) if !heading.starts_with(ordinal.as_str()) => {
            format!("{ordinal}{heading}")
        }
        (_, Some(heading)) => heading.clone(),
        (_, None) => lib.display_label(node),
    }
}

/// The notes (indices into `book`) whose words are in `node`'s own text,
/// in the order they stand.
#[must_use]
pub fn notes_in(book: &Notebook, places: &[Place], node: NodeId) -> Vec<usize> {
    let mut found: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .filter(|(i, _)| !book.notes[*i].deleted)
        .filter_map(|(i, p)| match p {
            Place::At(n, bytes) if *n == node => Some((bytes.start, i)),
            _ => None,
        })
        .collect();
    found.sort_unstable();
    found.into_iter().map(|(_, i)| i).collect()
}

/// A note as an outline lists it: its kind and words, then the passage.
#[must_use]
pub fn note_line(book: &Notebook, i: usize) -> String {
    let note = &book.notes[i];
    let quote = note.quote.exact.replace('\n', " ");
    let text = note.text.replace('\n', " ");
    if text.is_empty() {
        format!("〔{}〕「{quote}」", note.kind)
    } else {
        format!("〔{}〕{text}（「{quote}」）", note.kind)
    }
}

/// The outline of `top` and everything under it as Markdown: a nested list
/// of headings, each with its first sentence quoted, the reader's notes
/// (when given) under their sections; a section's source at the end.
#[must_use]
pub fn markdown(lib: &Library, top: NodeId, notes: Option<(&Notebook, &[Place])>) -> String {
    let md = super::md;
    let mut out = String::new();
    let base = lib.node(top).depth;
    for n in lib.subtree(top) {
        let node = lib.node(n);
        let depth = node.depth - base;
        let indent = "  ".repeat(depth.saturating_sub(1));
        if depth == 0 {
            let _ = writeln!(out, "## {}\n", md(&heading(lib, n)));
            if node.depth == 0
                && let Some(byline) = &lib.articles[node.article].byline
            {
                let _ = writeln!(out, "*{}*\n", md(byline));
            }
        } else {
            let _ = writeln!(out, "{indent}- **{}**", md(&heading(lib, n)));
        }
        let inner = if depth == 0 {
            String::new()
        } else {
            format!("{indent}  ")
        };
        if let Some(sentence) = first_sentence(lib, n) {
            let _ = writeln!(out, "{inner}> {}", md(sentence));
        }
        if let Some((book, places)) = notes {
            for i in notes_in(book, places, n) {
                let _ = writeln!(out, "{inner}- {}", md(&note_line(book, i)));
            }
        }
        if depth == 0 {
            out.push('\n');
        }
    }
    out
}

/// Every article's outline, or `node`'s, as a page a student hands in:
/// 学习提纲 at the top, each article under its title.
///
/// # Errors
/// The writer's.
pub fn write(
    lib: &Library,
    roots: &[NodeId],
    notes: Option<(&Notebook, &[Place])>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all("# 学习提纲\n\n".as_bytes())?;
    for (i, &root) in roots.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(markdown(lib, root, notes).as_bytes())?;
        if lib.node(root).depth > 0 {
            let source = crate::content::cite::source_of(lib, root);
            writeln!(out, "\n——{}", super::md(&source))?;
        }
    }
    Ok(())
}
