//! The key table in force: the defaults of `BINDINGS` with a config's
//! overrides. Dispatch, status hints, popup titles, help and the README's
//! list all read it, so they show the keys that work.

use std::fmt::Write as _;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use strum::IntoEnumIterator as _;

use super::{BINDINGS, Key, Mode};
use crate::action::Action;

#[derive(Debug, Clone)]
struct Bound {
    mode: Mode,
    keys: Vec<Key>,
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
    name: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bound: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bound: BINDINGS
                .iter()
                .map(|b| Bound {
                    mode: b.mode,
                    keys: b.keys.to_vec(),
                    action: b.action.clone(),
                    help: b.help,
                    hint: b.hint,
                    name: b.name.to_owned(),
                })
                .collect(),
        }
    }
}

/// One row of help: a section title, or keys and what they do.
pub enum HelpRow {
    Section(&'static str),
    Binding(String, &'static str),
    /// A line of how-to under a section, the keys in force named in it.
    Text(String),
}

/// Modes whose keys fall back to the global ones.
fn falls_back(mode: Mode) -> bool {
    !mode.is_text() && mode != Mode::Global
}

impl Keymap {
    /// The action for a key press in the given modes, tried in order. Key
    /// releases, from terminals that report them, are ignored.
    #[must_use]
    pub fn action_for(&self, modes: &[Mode], ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        // Ctrl-c always quits, whatever the settings bound: no file can
        // leave the reader without a way out.
        if ev.code == KeyCode::Char('c') && ev.modifiers == KeyModifiers::CONTROL {
            return Some(Action::Quit);
        }
        modes
            .iter()
            .find_map(|&mode| {
                self.bound
                    .iter()
                    .find(|b| b.mode == mode && b.keys.iter().any(|k| k.matches(ev)))
                    .map(|b| b.action.clone())
            })
            .or_else(|| match (modes.first(), ev.code) {
                // In a text line, any other character is typed.
                (Some(mode), KeyCode::Char(c))
                    if mode.is_text()
                        && !ev
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Insert(c))
                }
                _ => None,
            })
    }

    /// Any terminal event as an action: keys through the table, mouse,
    /// pastes and resizes directly.
    #[must_use]
    pub fn action_for_event(&self, modes: &[Mode], ev: &Event) -> Option<Action> {
        use ratatui::crossterm::event::{MouseButton, MouseEventKind};
        match ev {
            Event::Key(key) => self.action_for(modes, key),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
                MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag(m.column, m.row)),
                MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
                MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            _ => None,
        }
    }

    /// The first `n` keys bound to an action in a mode, as help writes
    /// them: what status hints and titles show.
    #[must_use]
    pub fn first_keys(&self, mode: Mode, action: &Action, n: usize) -> Vec<String> {
        self.bound
            .iter()
            .filter(|b| b.mode == mode && b.action.same(action))
            .flat_map(|b| &b.keys)
            .take(n)
            .map(|k| k.name())
            .collect()
    }

    /// The keys a mode offers in the status bar and its pane's title, in
    /// the table's order: each hinted row's action, its first key, and its
    /// hint; rows next to each other with the same hint are one, their
    /// keys joined (`j/k`), the first row's action standing for both.
    #[must_use]
    pub fn hinted(&self, mode: Mode) -> Vec<(Action, String, &'static str)> {
        let mut out: Vec<(Action, String, &'static str)> = Vec::new();
        for b in self.bound.iter().filter(|b| b.mode == mode) {
            let (Some(hint), Some(key)) = (b.hint, b.keys.first()) else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.2 == hint => {
                    last.1.push('/');
                    last.1.push_str(&key.name());
                }
                _ => out.push((b.action.clone(), key.name(), hint)),
            }
        }
        out
    }

    /// [`Self::hinted`] as `(keys, hint)` pairs, for a title.
    #[must_use]
    pub fn hints(&self, mode: Mode) -> Vec<(String, String)> {
        self.hinted(mode)
            .into_iter()
            .map(|(_, keys, hint)| (keys, hint.to_owned()))
            .collect()
    }

    /// Each tab's text: the key that shows its view, and its label.
    #[must_use]
    pub fn tab_texts(&self, labels: &[&'static str]) -> Vec<(String, &'static str)> {
        (1..)
            .zip(labels)
            .map(|(tab, label)| (self.first_key(Mode::Global, &Action::Show(tab)), *label))
            .collect()
    }

    /// The columns each tab covers, for drawing and for clicks: `labels`
    /// in tab order.
    #[must_use]
    pub fn tabs(&self, labels: &[&'static str], widths: crate::wrap::Widths) -> Vec<(u16, u16)> {
        crate::areas::tabs(
            self.tab_texts(labels)
                .iter()
                .map(|(key, label)| widths.str(key) + 1 + widths.str(label)),
        )
    }

    /// The first key bound to an action in a mode.
    #[must_use]
    pub fn first_key(&self, mode: Mode, action: &Action) -> String {
        self.first_keys(mode, action, 1).pop().unwrap_or_default()
    }

    /// Every binding of every mode, under its mode's title: the keys of
    /// `first` (the tree and the text together) first, then the global
    /// keys, then the rest.
    #[must_use]
    pub fn help_rows(&self, first: Mode) -> Vec<HelpRow> {
        let lead: &[Mode] = match first {
            Mode::Tree | Mode::Reader => &[Mode::Reader, Mode::Tree],
            Mode::Global => &[],
            _ => &[first],
        };
        let modes: Vec<Mode> = Mode::iter().collect();
        let order = lead.iter().chain(&[Mode::Global]).chain(
            modes
                .iter()
                .filter(|m| !lead.contains(m) && **m != Mode::Global),
        );
        let mut rows = Vec::new();
        for &mode in order {
            // How to ask and how to take notes, after the reading keys.
            if mode == Mode::Global && lead.contains(&Mode::Reader) {
                rows.extend(self.guide());
            }
            rows.push(HelpRow::Section(mode.title()));
            rows.extend(
                self.bound
                    .iter()
                    .filter(|b| b.mode == mode && !b.keys.is_empty())
                    .map(|b| HelpRow::Binding(help_keys(&b.keys), b.help)),
            );
        }
        rows
    }

    /// How to ask and how to take notes, with the keys in force: what a
    /// table of keys alone does not say.
    fn guide(&self) -> Vec<HelpRow> {
        let key = |mode: Mode, action: Action| self.first_key(mode, &action);
        vec![
            HelpRow::Section("怎样搜索"),
            HelpRow::Text(format!(
                "按 {} 输入：汉字、拼音（ningbo）、",
                key(Mode::Global, Action::OpenSearch)
            )),
            HelpRow::Text("首字母（nb）、英文地名（Munich）、繁体字".into()),
            HelpRow::Text("几个词连着打也行（筑波人才），".into()),
            HelpRow::Text("问句里的“怎么”“如何”不算".into()),
            HelpRow::Text("加英文引号（\"智造\"）只找原样的字".into()),
            HelpRow::Section("怎样做笔记"),
            HelpRow::Text(format!(
                "{} 选一句（搜索后是结果那句），",
                key(Mode::Reader, Action::StartSelection)
            )),
            HelpRow::Text(format!(
                "{} {} 换一句，{} {} 多选少选，",
                key(Mode::Select, Action::NextSentence),
                key(Mode::Select, Action::PrevSentence),
                key(Mode::Select, Action::GrowSentence),
                key(Mode::Select, Action::ShrinkSentence)
            )),
            HelpRow::Text(format!(
                "{} 写笔记，{} 只划线",
                key(Mode::Select, Action::Annotate),
                key(Mode::Select, Action::Highlight)
            )),
            HelpRow::Text(format!(
                "{} {} 在笔记间跳，{} 看／改，{} 删，{} 恢复",
                key(Mode::Reader, Action::NextNote),
                key(Mode::Reader, Action::PrevNote),
                key(Mode::Reader, Action::EditNote),
                key(Mode::Reader, Action::DeleteNote),
                key(Mode::Reader, Action::UndoDelete)
            )),
            HelpRow::Text(format!("{} 看全部笔记", key(Mode::Global, Action::Show(4)))),
        ]
    }

    /// The key list as a Markdown table, as the README shows it.
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut s = String::from("| 范围 | 键 | 作用 |\n|---|---|---|\n");
        for b in &self.bound {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{}`", k.name()))
                .collect::<Vec<_>>()
                .join(" ");
            let _ = writeln!(s, "| {} | {keys} | {} |", b.mode.title(), b.help);
        }
        s
    }

    /// Every binding as a config file writes it: `(name, keys, what it does)`.
    #[must_use]
    pub fn entries(&self) -> Vec<(String, Vec<String>, &'static str)> {
        self.bound
            .iter()
            .map(|b| {
                let keys = b.keys.iter().map(|k| k.config_name()).collect();
                (b.name.clone(), keys, b.help)
            })
            .collect()
    }

    /// Binds the named binding to these keys instead of its own.
    ///
    /// # Errors
    /// No binding has that name.
    pub fn rebind(&mut self, name: &str, keys: Vec<Key>) -> Result<(), String> {
        let Some(b) = self.bound.iter_mut().find(|b| b.name == name) else {
            return Err(format!(
                "unknown action `{name}`; `zhizao config default` lists them"
            ));
        };
        b.keys = keys;
        Ok(())
    }

    /// Keys the named binding was given that another binding also has,
    /// which one of them would hide: in the same mode, or a mode and the
    /// global keys it falls back to. (The defaults shadow some global keys
    /// on purpose, Esc and Tab in the comparison; only keys a config adds
    /// are checked.) Each clash as `(key, the other binding's name)`.
    #[must_use]
    pub fn clashes(&self, name: &str) -> Vec<(String, String)> {
        let Some(me) = self.bound.iter().find(|b| b.name == name) else {
            return Vec::new();
        };
        let defaults = Keymap::default();
        let before: &[Key] = defaults
            .bound
            .iter()
            .find(|b| b.name == name)
            .map_or(&[], |b| b.keys.as_slice());
        let meets = |other: Mode| {
            other == me.mode
                || (me.mode == Mode::Global && falls_back(other))
                || (other == Mode::Global && falls_back(me.mode))
        };
        self.bound
            .iter()
            .filter(|b| b.name != me.name && meets(b.mode))
            .flat_map(|b| {
                me.keys
                    .iter()
                    .filter(|k| !before.contains(k) && b.keys.contains(k))
                    .map(|k| (k.config_name(), b.name.clone()))
            })
            .collect()
    }
}

/// Keys as help lists them: the first few, then `…`, so a binding given
/// a thousand keys never pushes what it does off the screen.
fn help_keys(keys: &[Key]) -> String {
    const SHOWN: usize = 5;
    let mut shown = names(&keys[..keys.len().min(SHOWN)], " ");
    if keys.len() > SHOWN {
        shown.push_str(" …");
    }
    shown
}

fn names(keys: &[Key], sep: &str) -> String {
    keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(sep)
}
