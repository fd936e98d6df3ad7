//! `y` and `Y`: a paragraph (or its whole section) followed by where it
//! comes from, as the clipboard gets it. Which paragraph is the state's
//! answer (`selected_anchor`); the runtime sends the text to the terminal.

use crate::content::{Anchor, Library, NodeId};

/// The most a copy holds, in bytes: most terminals drop an OSC 52 sequence
/// past about 100 kB, and base64 makes four bytes of three.
pub const MAX_BYTES: usize = 74_000;

/// The paragraph at `anchor`, or with `section` its whole section, then a
/// line with its source; nothing in it reaches the terminal as a control.
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
    } else {
        lib.text(anchor).unwrap_or_default().to_owned()
    };
    let copied = format!("{text}\n\n——{}", source_of(lib, anchor.node));
    crate::sanitize::for_terminal(&copied)
}

/// 《title》 › section › item, byline.
fn source_of(lib: &Library, node: NodeId) -> String {
    let article = &lib.articles[lib.node(node).article];
    let mut source = format!("《{}》", lib.display_label(article.root));
    for n in lib.ancestry(node).into_iter().skip(1) {
        source.push_str(" › ");
        source.push_str(&lib.display_label(n));
    }
    if let Some(byline) = &article.byline {
        source.push('，');
        source.push_str(byline);
    }
    source
}

#[cfg(test)]
mod tests {
    use super::clip;
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
}
