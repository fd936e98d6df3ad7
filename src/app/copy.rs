//! `y` and `Y`: a paragraph (or its whole section) followed by where it
//! comes from, as the clipboard gets it. Which paragraph is the state's
//! answer (`selected_anchor`); the runtime sends the text to the terminal.

use super::{Effect, Overlay, View};
use crate::content::cite::{MAX_BYTES, clip};

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
