//! `y` and `Y`: the paragraph being read (or the hit jumped to, the lesson
//! selected, the result selected) or its whole section, followed by where
//! it comes from, for the terminal's clipboard (OSC 52, which works over
//! SSH and inside tmux).

use base64::Engine as _;

use super::{App, Overlay, View};
use crate::content::{Anchor, NodeId};

impl App {
    /// Copies a paragraph, or with `section` the whole section it is in,
    /// with its source; the status bar says how much.
    pub(super) fn copy(&mut self, section: bool) {
        let Some(anchor) = self.copy_target() else {
            self.notice = Some("这里没有可复制的段落".into());
            return;
        };
        let lib = &self.lib;
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
        let copied = format!("{text}\n\n——{}", self.source_of(anchor.node));
        let copied = crate::sanitize::for_terminal(&copied);
        self.notice = Some(format!("已复制 {} 字（含出处）", copied.chars().count()));
        self.clipboard = Some(copied);
    }

    /// What `y` copies where the reader is.
    fn copy_target(&self) -> Option<Anchor> {
        match (self.overlay, self.view) {
            (Overlay::Search, _) => {
                let hit = self
                    .search
                    .outcome
                    .as_ref()?
                    .hits
                    .get(self.search.selected)?;
                match self.index.target(hit.entry) {
                    crate::search::Target::Field(anchor) => Some(anchor),
                    _ => None,
                }
            }
            (_, View::Compare) => self.compare.target(),
            (_, View::Places) => self.places.current().map(|m| m.anchor),
            (_, View::Reader) => {
                // After a search jump the hit sits below the top line: it is
                // what the reader is looking at.
                let hit = self.reader.hits.get(self.reader.hit).map(|(a, _)| *a);
                hit.or(self.reader.position().top.map(|(a, _)| a))
            }
        }
    }

    /// 《title》 › section › item, byline.
    fn source_of(&self, node: NodeId) -> String {
        let lib = &self.lib;
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
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard.
#[must_use]
pub fn osc52(text: &str) -> String {
    let payload = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{payload}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_payload_decodes_to_exactly_the_text() {
        let text = "宁波“智造”\n\n——《题》";
        let seq = osc52(text);
        let payload = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), text);
    }
}
