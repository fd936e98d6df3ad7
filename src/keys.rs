//! The key table: one list of default bindings drives dispatch, the help
//! overlay, status hints and the README's key list; `keymap` is the table
//! in force, with the config's overrides.

pub mod keymap;

pub use keymap::{HelpRow, Keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// Where a binding applies. Overlays first, then the focused pane, then global.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Global,
    Tree,
    Reader,
    Compare,
    Places,
    Search,
    Picker,
    Bookmarks,
    Help,
}

impl Mode {
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "全局",
            Mode::Tree => "目录",
            Mode::Reader => "阅读",
            Mode::Compare => "对照",
            Mode::Places => "地点索引",
            Mode::Search => "搜索",
            Mode::Picker => "选择地点",
            Mode::Bookmarks => "书签",
            Mode::Help => "帮助",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn b(mode: Mode, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        mode,
        keys,
        action,
        help,
    }
}

use Action as A;
use KeyCode as C;
use Mode as M;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(M::Global, &[k('q'), ctrl('c')],               A::Quit,         "退出"),
    b(M::Global, &[ctrl('z')],                       A::Suspend,      "挂起（fg 回来）"),
    b(M::Global, &[k('?')],                          A::ToggleHelp,   "帮助"),
    b(M::Global, &[code(C::Tab)],                    A::FocusNext,    "切换窗格"),
    b(M::Global, &[k('t')],                          A::ToggleTree,   "显示/隐藏目录"),
    b(M::Global, &[code(C::Esc)],                    A::Close,        "关闭浮层／清除高亮"),
    b(M::Global, &[k('/'), ctrl('p')],               A::OpenSearch,   "搜索（汉字、拼音、英文地名）"),
    b(M::Global, &[k('1')],                          A::ShowReader,   "阅读视图"),
    b(M::Global, &[k('2')],                          A::ShowCompare,  "国内外经验对照"),
    b(M::Global, &[k('3')],                          A::ShowPlaces,   "地点索引"),
    b(M::Global, &[k('\'')],                        A::OpenBookmarks, "书签"),
    b(M::Global, &[ctrl('o')],                       A::JumpBack,     "跳回上一处"),
    b(M::Global, &[ctrl('n')],                       A::JumpForward,  "跳往下一处"),

    b(M::Tree,   &[k('j'), code(C::Down)],           A::TreeDown,     "下一项"),
    b(M::Tree,   &[k('k'), code(C::Up)],             A::TreeUp,       "上一项"),
    b(M::Tree,   &[k('l'), code(C::Right)],          A::TreeExpand,   "展开"),
    b(M::Tree,   &[k('h'), code(C::Left)],           A::TreeCollapse, "折叠／回到上级"),
    b(M::Tree,   &[k('g'), code(C::Home)],           A::TreeTop,      "第一项"),
    b(M::Tree,   &[k('G'), code(C::End)],            A::TreeBottom,   "最后一项"),
    b(M::Tree,   &[code(C::Enter)],                  A::TreeOpen,     "在阅读区打开"),

    b(M::Reader, &[k('j'), code(C::Down)],           A::ScrollDown,   "下移一行"),
    b(M::Reader, &[k('k'), code(C::Up)],             A::ScrollUp,     "上移一行"),
    b(M::Reader, &[k(' '), code(C::PageDown)],       A::PageDown,     "下翻一页"),
    b(M::Reader, &[k('b'), code(C::PageUp)],         A::PageUp,       "上翻一页"),
    b(M::Reader, &[ctrl('d')],                       A::HalfPageDown, "下翻半页"),
    b(M::Reader, &[ctrl('u')],                       A::HalfPageUp,   "上翻半页"),
    b(M::Reader, &[k('g'), code(C::Home)],           A::ScrollTop,    "文首"),
    b(M::Reader, &[k('G'), code(C::End)],            A::ScrollBottom, "文末"),
    b(M::Reader, &[k('[')],                          A::PrevPart,     "上一部分"),
    b(M::Reader, &[k(']')],                          A::NextPart,     "下一部分"),
    b(M::Reader, &[k('n')],                          A::NextHit,      "下一个搜索结果"),
    b(M::Reader, &[k('N')],                          A::PrevHit,      "上一个搜索结果"),
    b(M::Reader, &[k('c')],                          A::CompareHere,  "对照此条启示"),
    b(M::Reader, &[k('m')],                          A::ToggleBookmark, "加／删书签"),
    b(M::Reader, &[k('y')],                          A::Copy,         "复制本段（附出处）"),
    b(M::Reader, &[k('Y')],                          A::CopySection,  "复制本节（附出处）"),
    b(M::Reader, &[k('+'), k('=')],                  A::WiderMeasure, "加宽版心"),
    b(M::Reader, &[k('-')],                          A::NarrowerMeasure, "收窄版心"),

    b(M::Compare, &[k('j'), code(C::Down)],          A::LessonDown,   "下一组启示"),
    b(M::Compare, &[k('k'), code(C::Up)],            A::LessonUp,     "上一组启示"),
    b(M::Compare, &[k('h'), k('l'), code(C::Left), code(C::Right), code(C::Tab)], A::OtherSide, "切换国内／国外"),
    b(M::Compare, &[code(C::Enter)],                 A::OpenLesson,   "在阅读区打开"),
    b(M::Compare, &[k(' '), code(C::PageDown)],      A::PageDown,     "下翻一页"),
    b(M::Compare, &[k('b'), code(C::PageUp)],        A::PageUp,       "上翻一页"),
    b(M::Compare, &[k('s')],                         A::ToggleSync,   "同步滚动开／关"),
    b(M::Compare, &[k('y')],                         A::Copy,         "复制所选启示（附出处）"),
    b(M::Compare, &[k('p')],                         A::OpenPlaces,   "按地点筛选"),
    b(M::Compare, &[code(C::Esc)],                   A::ClearPlace,   "清除地点筛选"),

    b(M::Places, &[k('j'), code(C::Down)],           A::MentionDown,  "下一处提及"),
    b(M::Places, &[k('k'), code(C::Up)],             A::MentionUp,    "上一处提及"),
    b(M::Places, &[code(C::Enter)],                  A::OpenLesson,   "在阅读区打开"),
    b(M::Places, &[k('p')],                          A::OpenPlaces,   "选择地点"),

    b(M::Search, &[code(C::Esc)],                    A::Close,        "关闭搜索"),
    b(M::Search, &[ctrl('c')],                       A::Quit,         "退出"),
    b(M::Search, &[ctrl('z')],                       A::Suspend,      "挂起"),
    b(M::Search, &[code(C::Enter)],                  A::OpenResult,   "跳到所选结果"),
    b(M::Search, &[code(C::Down), ctrl('n')],        A::ResultDown,   "下一个结果（空行：较新的搜索）"),
    b(M::Search, &[code(C::Up), ctrl('p')],          A::ResultUp,     "上一个结果（空行：以前的搜索）"),
    b(M::Search, &[ctrl('r')],                       A::HistorySearch, "在以前的搜索中查找"),
    b(M::Search, &[ctrl('y')],                       A::Copy,         "复制所选结果（附出处）"),
    b(M::Search, &[code(C::Left)],                   A::CaretLeft,    "光标左移"),
    b(M::Search, &[code(C::Right)],                  A::CaretRight,   "光标右移"),
    b(M::Search, &[code(C::Home), ctrl('a')],        A::CaretHome,    "行首"),
    b(M::Search, &[code(C::End), ctrl('e')],         A::CaretEnd,     "行尾"),
    b(M::Search, &[code(C::Backspace)],              A::Backspace,    "删除前一字"),
    b(M::Search, &[ctrl('u')],                       A::DeleteToStart, "删除到行首"),
    b(M::Search, &[ctrl('w')],                       A::DeleteWord,   "删除前一词"),

    b(M::Picker, &[code(C::Esc)],                    A::Close,        "关闭"),
    b(M::Picker, &[ctrl('c')],                       A::Quit,         "退出"),
    b(M::Picker, &[ctrl('z')],                       A::Suspend,      "挂起"),
    b(M::Picker, &[code(C::Enter)],                  A::PickPlace,    "选定地点"),
    b(M::Picker, &[code(C::Down), ctrl('n')],        A::ResultDown,   "下一个"),
    b(M::Picker, &[code(C::Up), ctrl('p')],          A::ResultUp,     "上一个"),
    b(M::Picker, &[code(C::Backspace)],              A::Backspace,    "删除前一字"),
    b(M::Picker, &[ctrl('u')],                       A::DeleteToStart, "删除到行首"),

    b(M::Bookmarks, &[code(C::Esc), k('\'')],     A::Close,        "关闭"),
    b(M::Bookmarks, &[code(C::Enter)],               A::OpenResult,   "跳到书签"),
    b(M::Bookmarks, &[k('j'), code(C::Down)],        A::ResultDown,   "下一个"),
    b(M::Bookmarks, &[k('k'), code(C::Up)],          A::ResultUp,     "上一个"),
    b(M::Bookmarks, &[k('d')],                       A::DeleteBookmark, "删除书签"),

    b(M::Help,   &[code(C::Esc), k('?'), k('q')],    A::ToggleHelp,   "关闭帮助"),
    b(M::Help,   &[k('j'), code(C::Down)],           A::ScrollDown,   "向下滚动帮助"),
    b(M::Help,   &[k('k'), code(C::Up)],             A::ScrollUp,     "向上滚动帮助"),
    b(M::Help,   &[k(' '), code(C::PageDown)],       A::PageDown,     "向下翻一页"),
    b(M::Help,   &[k('b'), code(C::PageUp)],         A::PageUp,       "向上翻一页"),
];

impl Key {
    pub(crate) fn matches(self, ev: &KeyEvent) -> bool {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        match (self.code, ev.code) {
            // Terminals disagree on whether Shift is reported with an upper-case letter.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b && mods == self.mods,
            (a, b) => a == b && ev.modifiers == self.mods,
        }
    }

    /// How the key is written in help and the README.
    #[must_use]
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Insert => "Insert".into(),
            KeyCode::Delete => "Delete".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

impl Key {
    /// A key as a config file writes it: `x`, `G`, `ctrl-f`, `alt-o`,
    /// `esc`, `enter`, `tab`, `space`, `up`, `pgdn`, `f1` …
    #[must_use]
    pub fn parse(text: &str) -> Option<Key> {
        let lower = text.to_ascii_lowercase();
        let (mods, base) = if let Some(rest) = lower.strip_prefix("ctrl-") {
            (KeyModifiers::CONTROL, &text[text.len() - rest.len()..])
        } else if let Some(rest) = lower.strip_prefix("alt-") {
            (KeyModifiers::ALT, &text[text.len() - rest.len()..])
        } else {
            (KeyModifiers::NONE, text)
        };
        let mut chars = base.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // A control key is written lower case: Ctrl-F is Ctrl-f.
                KeyCode::Char(if mods.is_empty() {
                    c
                } else {
                    c.to_ascii_lowercase()
                })
            }
            _ => match base.to_ascii_lowercase().as_str() {
                "esc" | "escape" => KeyCode::Esc,
                "enter" | "return" => KeyCode::Enter,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "insert" => KeyCode::Insert,
                "delete" | "del" => KeyCode::Delete,
                f => KeyCode::F(
                    f.strip_prefix('f')?
                        .parse()
                        .ok()
                        .filter(|n| (1..=12).contains(n))?,
                ),
            },
        };
        Some(Key { code, mods })
    }

    /// How a config file writes the key, which [`Key::parse`] reads back.
    #[must_use]
    pub fn config_name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::BackTab => "shift-tab".into(),
            _ => self.name().to_ascii_lowercase(),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("ctrl-{base}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("alt-{base}")
        } else {
            base
        }
    }
}

impl Mode {
    /// The prefix of this mode's bindings' names in a config file.
    #[must_use]
    pub fn config_prefix(self) -> Option<&'static str> {
        match self {
            Mode::Global => None,
            Mode::Tree => Some("tree"),
            Mode::Reader => Some("reader"),
            Mode::Compare => Some("compare"),
            Mode::Places => Some("places"),
            // Not `search`, `bookmarks`, `help`: those name global keys,
            // and a TOML key cannot be both a value and a table.
            Mode::Search => Some("search_box"),
            Mode::Picker => Some("picker"),
            Mode::Bookmarks => Some("bookmark_list"),
            Mode::Help => Some("help_box"),
        }
    }
}

/// A binding's name in a config file: its action in snake case, after its
/// mode (`reader.page_down`); global keys by the action alone, the most
/// used shortened (`search`, `help`).
#[must_use]
pub fn binding_name(mode: Mode, action: &Action) -> String {
    let debug = format!("{action:?}");
    let variant = debug.split(['(', ' ']).next().unwrap_or_default();
    let mut snake = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else {
            snake.push(c);
        }
    }
    let snake = match (mode, snake.as_str()) {
        (Mode::Global, "open_search") => "search".to_owned(),
        (Mode::Global, "toggle_help") => "help".to_owned(),
        (Mode::Global, "open_bookmarks") => "bookmarks".to_owned(),
        _ => snake,
    };
    match mode.config_prefix() {
        // `tree.down`, not `tree.tree_down`.
        Some(prefix) => {
            let short = snake.strip_prefix(&format!("{prefix}_")).unwrap_or(&snake);
            format!("{prefix}.{short}")
        }
        None => snake,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_as_written() {
        for b in BINDINGS {
            for &key in b.keys {
                assert_eq!(Key::parse(&key.config_name()), Some(key), "{}", key.name());
            }
        }
        assert_eq!(Key::parse("Ctrl-F"), Key::parse("ctrl-f"));
        assert_eq!(Key::parse("wat"), None);
        assert_eq!(Key::parse("f13"), None);
    }

    #[test]
    fn every_binding_has_its_own_name() {
        let mut names: Vec<String> = BINDINGS
            .iter()
            .map(|b| binding_name(b.mode, &b.action))
            .collect();
        assert!(names.contains(&"quit".to_owned()) && names.contains(&"search".to_owned()));
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }
}
