//! `y` and `Y`: a paragraph (or its whole section) followed by where it
//! comes from, as the clipboard gets it. Which paragraph is the state's
//! answer (`selected_anchor`); the runtime sends the text to the terminal.

use super::{Effect, Overlay, View};
use crate::content::{Anchor, Field, Library, NodeId};

/// The most a copy holds, in bytes: most terminals drop an OSC 52 sequence
/// past about 100 kB, and base64 makes four bytes of three.
pub const MAX_BYTES: usize = 74_000;

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
        crate::notes::Place::Gone => format!("{}（原文已改动）", note.path),
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

impl super::App {
    /// Copies the paragraph the current view has selected, or its section.
    pub(super) fn copy(&mut self, section: bool) {
        if self.view == View::Notes && self.overlay == Overlay::None {
            match self.copy_note() {
                Some(text) => {
                    self.notice = Some(format!("已复制 {} 字（含出处）", text.chars().count()));
                    self.effects.push(Effect::Copy(text));
                }
                None => self.notice = Some("没有笔记可复制".into()),
            }
            return;
        }
        let target = match (self.overlay, self.view) {
            (Overlay::Search, _) => self.search.selected_anchor(&self.index),
            (_, View::Compare) => self.compare.target(),
            (_, View::Places) => self.places.current().map(crate::content::Mention::anchor),
            (_, View::Reader | View::Notes) => self.reading.reader.selected_anchor(),
        };
        let Some(anchor) = target else {
            self.notice = Some("这里没有可复制的段落".into());
            return;
        };
        let text = clip(&self.lib, anchor, section);
        if text.len() > MAX_BYTES {
            self.notice = Some(format!(
                "太长，未复制：{} 字，终端剪贴板最多约 {} 字",
                text.chars().count(),
                MAX_BYTES / 3
            ));
            return;
        }
        self.notice = Some(format!("已复制 {} 字（含出处）", text.chars().count()));
        self.effects.push(Effect::Copy(text));
    }
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
