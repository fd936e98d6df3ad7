//! Where a passage comes from, as a quote names it: 《title》（byline）
//! › section › item, as the page prints them; and a passage or a whole
//! section with that source after it, as `y` copies it and the notes
//! digest cites it. Knows nothing of the terminal.

use crate::content::{Anchor, Field, Library, NodeId};

/// The most a copy holds, in bytes: most terminals drop an OSC 52 sequence
/// past about 100 kB, and base64 makes four bytes of three.
pub const MAX_BYTES: usize = 74_000;

/// A copy for the terminal's clipboard, or why there is none: nothing
/// here, or more than the clipboard takes.
///
/// # Errors
/// The reason, in the reader's words.
pub fn for_clipboard(text: Option<String>) -> Result<String, String> {
    let Some(text) = text else {
        return Err("这里没有可复制的段落".into());
    };
    if text.len() > MAX_BYTES {
        return Err(format!(
            "太长，未复制：{} 字，终端剪贴板最多约 {} 字",
            text.chars().count(),
            MAX_BYTES / 3
        ));
    }
    Ok(text)
}

/// The paragraph at `anchor`, or with `section` its whole section, then a
/// line with its source; nothing in it reaches the terminal as a control.
/// A heading (or title) comes with its section's first paragraph: a
/// heading alone says little in a quote.
#[must_use]
pub fn clip(lib: &Library, anchor: Anchor, section: bool) -> String {
    let text = if section {
        lib.subtree(anchor.node)
            .into_iter()
            .flat_map(|n| {
                let n = lib.node(n);
                n.heading
                    .as_deref()
                    .into_iter()
                    .chain(&n.paragraphs)
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    } else if matches!(anchor.field, Field::Heading | Field::Title) {
        let first = lib
            .subtree(anchor.node)
            .into_iter()
            .find_map(|n| lib.node(n).paragraphs.first());
        let heading = lib.text(anchor).unwrap_or_default();
        match first {
            Some(p) => format!("{heading}\n\n{p}"),
            None => heading.to_owned(),
        }
    } else {
        lib.text(anchor).unwrap_or_default().to_owned()
    };
    let copied = format!("{text}\n\n——{}", source_of(lib, anchor.node));
    crate::sanitize::for_terminal(&copied)
}

/// 《title》（byline）› section › item, each as the page prints it.
/// Where a note's words are: [`source_of`] their section, or for words
/// that are gone, the path they had, said to be gone.
#[must_use]
pub fn note_source(
    lib: &Library,
    note: &crate::notes::Note,
    place: &crate::notes::Place,
) -> String {
    match place {
        crate::notes::Place::At(section, _) => source_of(lib, *section),
        // Said as the nearest part still there is printed, not as its id.
        crate::notes::Place::Gone => {
            let mut path = note.path.as_str();
            loop {
                if let Some(node) = lib.find(path) {
                    break format!("{}（原文已改动）", source_of(lib, node));
                }
                match path.rfind('/') {
                    Some(at) => path = &path[..at],
                    None => break format!("{}（原文已改动）", note.path),
                }
            }
        }
    }
}

/// Where a node is: 《title》（byline） › each heading down to it, as printed.
#[must_use]
pub fn source_of(lib: &Library, node: NodeId) -> String {
    let article = &lib.articles[lib.node(node).article];
    let mut source = format!("《{}》", lib.display_label_full(article.root));
    if let Some(byline) = &article.byline {
        source.push('（');
        source.push_str(byline);
        source.push('）');
    }
    for n in lib.ancestry(node).into_iter().skip(1) {
        source.push_str(" › ");
        let printed = lib.node(n).heading.clone();
        source.push_str(&printed.unwrap_or_else(|| lib.display_label(n)));
    }
    source
}

#[cfg(test)]
mod tests {
    use super::{clip, note_source};
    use crate::content::{Anchor, Field, Library};

    #[test]
    fn a_clip_ends_with_its_source_and_holds_no_control_character() {
        let lib = Library::bundled().unwrap();
        let node = lib.find("capital/lessons/foreign/3").unwrap();
        let text = clip(
            &lib,
            Anchor {
                node,
                field: Field::Paragraph(0),
            },
            false,
        );
        assert!(text.starts_with(lib.node(node).paragraphs.first().unwrap()));
        assert!(text.contains("\n\n——《"), "{text}");
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    }

    #[test]
    fn a_note_whose_words_are_gone_names_where_they_were_as_printed() {
        let lib = Library::bundled().unwrap();
        let node = lib.find("models").unwrap();
        let mut gone = crate::notes::Note::new(&lib, node, 0..3, "重点", "");
        gone.path = "models/no-such-part".into();
        let said = note_source(&lib, &gone, &crate::notes::Place::Gone);
        assert!(said.starts_with("《"), "{said}");
        assert!(
            said.ends_with("（原文已改动）") && !said.contains("models"),
            "{said}"
        );
    }
}
