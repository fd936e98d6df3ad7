//! The key table: one list of default bindings drives dispatch, the help
//! overlay, status hints and the README's key list; `keymap` is the table
//! in force, with the config's overrides.

pub mod keymap;

pub use keymap::{HelpRow, Keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// Where a binding applies. Overlays first, then the focused pane, then
/// global; help lists them in this order after the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
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
    /// A passage being selected in the reader.
    Select,
    /// The note editor: a text field.
    Editor,
    /// The notes view, and its filter line (a text field).
    Notes,
    NotesFilter,
    /// The study outline.
    Outline,
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
            Mode::Select => "选择段落",
            Mode::Editor => "写笔记",
            Mode::Notes => "笔记",
            Mode::NotesFilter => "筛选笔记",
            Mode::Outline => "学习提纲",
        }
    }

    /// A text field: every other character is typed, and the global keys
    /// do not apply.
    #[must_use]
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Picker | Mode::Editor | Mode::NotesFilter
        )
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
const fn alt_enter() -> Key {
    Key {
        code: KeyCode::Enter,
        mods: KeyModifiers::ALT,
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
    /// The binding's name in a settings file's `[keys]`: written here, not
    /// derived from the action's, so renaming code never renames a user's key.
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// A word or two for the status bar and the pane titles, for the keys
    /// worth offering there: rows next to each other with the same hint
    /// are offered as one (`j/k 选择`).
    pub hint: Option<&'static str>,
}

const fn b(
    mode: Mode,
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        mode,
        name,
        keys,
        action,
        help,
        hint: None,
    }
}

impl Binding {
    /// The same row, offered in the status bar and the pane's title as `hint`.
    const fn hint(mut self, hint: &'static str) -> Binding {
        self.hint = Some(hint);
        self
    }
}

use Action as A;
use KeyCode as C;
use Mode as M;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(M::Global,    "quit",                         &[k('q'), ctrl('c')],                A::Quit,               "退出"),
    b(M::Global,    "suspend",                      &[ctrl('z')],                        A::Suspend,            "挂起（fg 回来）"),
    b(M::Global,    "help",                         &[k('?')],                           A::ToggleHelp,         "帮助").hint("帮助"),
    b(M::Global,    "focus_next",                   &[code(C::Tab)],                     A::FocusNext,          "切换窗格").hint("切换"),
    b(M::Global,    "toggle_tree",                  &[k('t')],                           A::ToggleTree,         "显示/隐藏目录").hint("目录"),
    b(M::Global,    "close",                        &[code(C::Esc)],                     A::Close,              "关闭浮层／清除高亮"),
    b(M::Global,    "search",                       &[k('/'), ctrl('p')],                A::OpenSearch,         "搜索（汉字、拼音、英文地名）").hint("搜索"),
    b(M::Global,    "show_reader",                  &[k('1')],                           A::Show(1), "阅读视图"),
    b(M::Global,    "show_compare",                 &[k('2')],                           A::Show(2), "两部分对照"),
    b(M::Global,    "show_places",                  &[k('3')],                           A::Show(3), "地点索引"),
    b(M::Global,    "show_notes",                   &[k('4')],                           A::Show(4),  "笔记"),
    b(M::Global,    "show_outline",                 &[k('5')],                           A::Show(5),            "学习提纲"),
    b(M::Global,    "bookmarks",                    &[k('\'')],                          A::OpenBookmarks,      "书签"),
    b(M::Global,    "jump_back",                    &[ctrl('o')],                        A::JumpBack,           "跳回上一处"),
    b(M::Global,    "jump_forward",                 &[ctrl('n')],                        A::JumpForward,        "跳往下一处"),

    b(M::Tree,      "tree.down",                    &[k('j'), code(C::Down)],            A::TreeDown,           "下一项"),
    b(M::Tree,      "tree.up",                      &[k('k'), code(C::Up)],              A::TreeUp,             "上一项"),
    b(M::Tree,      "tree.expand",                  &[k('l'), code(C::Right)],           A::TreeExpand,         "展开"),
    b(M::Tree,      "tree.collapse",                &[k('h'), code(C::Left)],            A::TreeCollapse,       "折叠／回到上级"),
    b(M::Tree,      "tree.top",                     &[k('g'), code(C::Home)],            A::TreeTop,            "第一项"),
    b(M::Tree,      "tree.bottom",                  &[k('G'), code(C::End)],             A::TreeBottom,         "最后一项"),
    b(M::Tree,      "tree.open",                    &[code(C::Enter)],                   A::TreeOpen,           "在阅读区打开"),
    b(M::Tree,      "tree.compare",                 &[k('c')],                           A::CompareHere,        "选此部分对照（再选一部分）"),

    b(M::Reader,    "reader.scroll_down",           &[k('j'), code(C::Down)],            A::ScrollDown,         "下移一行"),
    b(M::Reader,    "reader.scroll_up",             &[k('k'), code(C::Up)],              A::ScrollUp,           "上移一行"),
    b(M::Reader,    "reader.page_down",             &[k(' '), code(C::PageDown)],        A::PageDown,           "下翻一页"),
    b(M::Reader,    "reader.page_up",               &[k('b'), code(C::PageUp)],          A::PageUp,             "上翻一页"),
    b(M::Reader,    "reader.half_page_down",        &[ctrl('d')],                        A::HalfPageDown,       "下翻半页"),
    b(M::Reader,    "reader.half_page_up",          &[ctrl('u')],                        A::HalfPageUp,         "上翻半页"),
    b(M::Reader,    "reader.scroll_top",            &[k('g'), code(C::Home)],            A::ScrollTop,          "文首"),
    b(M::Reader,    "reader.scroll_bottom",         &[k('G'), code(C::End)],             A::ScrollBottom,       "文末"),
    b(M::Reader,    "reader.prev_part",             &[k('[')],                           A::PrevPart,           "上一部分").hint("跳节"),
    b(M::Reader,    "reader.next_part",             &[k(']')],                           A::NextPart,           "下一部分").hint("跳节"),
    b(M::Reader,    "reader.next_hit",              &[k('n')],                           A::NextHit,            "下一个搜索结果"),
    b(M::Reader,    "reader.prev_hit",              &[k('N')],                           A::PrevHit,            "上一个搜索结果"),
    b(M::Reader,    "reader.compare_here",          &[k('c')],                           A::CompareHere,        "选此部分对照（再选一部分）"),
    b(M::Reader,    "reader.toggle_bookmark",       &[k('m')],                           A::ToggleBookmark,     "加／删书签").hint("书签"),
    b(M::Reader,    "reader.copy",                  &[k('y')],                           A::Copy,               "复制本段（附出处）"),
    b(M::Reader,    "reader.copy_section",          &[k('Y')],                           A::CopySection,        "复制本节（附出处）"),
    b(M::Reader,    "reader.wider_measure",         &[k('+'), k('=')],                   A::WiderMeasure,       "加宽版心"),
    b(M::Reader,    "reader.narrower_measure",      &[k('-')],                           A::NarrowerMeasure,    "收窄版心"),
    b(M::Reader,    "reader.select",                &[k('v')],                           A::StartSelection,     "选择段落，以划线、写笔记").hint("选段"),
    b(M::Reader,    "reader.next_note",             &[k('}')],                           A::NextNote,           "下一条笔记"),
    b(M::Reader,    "reader.prev_note",             &[k('{')],                           A::PrevNote,           "上一条笔记"),
    b(M::Reader,    "reader.edit_note",             &[k('e'), code(C::Enter)],           A::EditNote,           "看／改这里的笔记"),
    b(M::Reader,    "reader.delete_note",           &[k('d')],                           A::DeleteNote,         "删除这里的笔记"),
    b(M::Reader,    "reader.undo_delete",           &[k('u')],                           A::UndoDelete,         "恢复刚删除的笔记"),

    b(M::Select,    "select.annotate",              &[k('a')],                           A::Annotate,           "写笔记").hint("写笔记"),
    b(M::Select,    "select.highlight",             &[k('h')],                           A::Highlight,          "只划线").hint("划线"),
    b(M::Select,    "select.grow",                  &[k('j'), code(C::Down), k(')')],    A::GrowSentence,       "多选一句").hint("多／少一句"),
    b(M::Select,    "select.shrink",                &[k('k'), code(C::Up), k('(')],      A::ShrinkSentence,     "少选一句").hint("多／少一句"),
    b(M::Select,    "select.next_sentence",         &[code(C::Right), k('l')],           A::NextSentence,       "改选下一句").hint("换句"),
    b(M::Select,    "select.prev_sentence",         &[code(C::Left)],                    A::PrevSentence,       "改选上一句").hint("换句"),
    b(M::Select,    "select.grow_clause",           &[k('w')],                           A::GrowClause,         "多选一个分句"),
    b(M::Select,    "select.shrink_clause",         &[k('b')],                           A::ShrinkClause,       "少选一个分句"),
    b(M::Select,    "select.cancel",                &[code(C::Esc)],                     A::Close,              "取消选择").hint("取消"),
    b(M::Select,    "select.bookmark",              &[k('m')],                           A::ToggleBookmark,     "加书签：先按 Esc 取消选择"),

    b(M::Editor,    "editor.save",                  &[code(C::Enter)],                   A::SaveNote,           "保存笔记").hint("保存"),
    b(M::Editor,    "editor.cancel",                &[code(C::Esc)],                     A::Close,              "取消，不保存").hint("取消"),
    b(M::Editor,    "editor.new_line",              &[alt_enter(), ctrl('j'), ctrl('o')], A::NewLine,            "换行").hint("换行"),
    b(M::Editor,    "editor.next_kind",             &[code(C::Tab)],                     A::NextKind,           "换类别").hint("类别"),
    b(M::Editor,    "editor.quit",                  &[ctrl('c')],                        A::Quit,               "退出"),
    b(M::Editor,    "editor.caret_left",            &[code(C::Left)],                    A::CaretLeft,          "光标左移"),
    b(M::Editor,    "editor.caret_right",           &[code(C::Right)],                   A::CaretRight,         "光标右移"),
    b(M::Editor,    "editor.caret_home",            &[code(C::Home), ctrl('a')],         A::CaretHome,          "开头"),
    b(M::Editor,    "editor.caret_end",             &[code(C::End), ctrl('e')],          A::CaretEnd,           "末尾"),
    b(M::Editor,    "editor.backspace",             &[code(C::Backspace)],               A::Backspace,          "删除前一字"),
    b(M::Editor,    "editor.delete_word",           &[ctrl('w')],                        A::DeleteWord,         "删除前一词"),

    b(M::Compare,   "compare.lesson_down",          &[k('j'), code(C::Down)],            A::LessonDown,         "下一行"),
    b(M::Compare,   "compare.lesson_up",            &[k('k'), code(C::Up)],              A::LessonUp,           "上一行"),
    b(M::Compare,   "compare.domestic",             &[k('h'), code(C::Left)],            A::DomesticSide,       "左侧").hint("左／右"),
    b(M::Compare,   "compare.foreign",              &[k('l'), code(C::Right)],           A::ForeignSide,        "右侧").hint("左／右"),
    b(M::Compare,   "compare.other_side",           &[code(C::Tab)],                     A::OtherSide,          "切换左右两侧"),
    b(M::Compare,   "compare.open_lesson",          &[code(C::Enter)],                   A::OpenLesson,         "在阅读区打开"),
    b(M::Compare,   "compare.page_down",            &[k(' '), code(C::PageDown)],        A::PageDown,           "下翻一页"),
    b(M::Compare,   "compare.page_up",              &[k('b'), code(C::PageUp)],          A::PageUp,             "上翻一页"),
    b(M::Compare,   "compare.toggle_sync",          &[k('s')],                           A::ToggleSync,         "同步滚动开／关").hint("同步"),
    b(M::Compare,   "compare.copy",                 &[k('y')],                           A::Copy,               "复制所选一行（附出处）"),
    b(M::Compare,   "compare.open_places",          &[k('p')],                           A::OpenPlaces,         "按地点筛选").hint("地点"),
    b(M::Compare,   "compare.next_change",          &[k(']')],                           A::NextChange,         "下一处改动（两版对照）").hint("改动"),
    b(M::Compare,   "compare.prev_change",          &[k('[')],                           A::PrevChange,         "上一处改动（两版对照）").hint("改动"),
    b(M::Compare,   "compare.default_sides",        &[k('r')],                           A::DefaultSides,       "回到本集合默认的对照"),
    b(M::Compare,   "compare.clear_place",          &[code(C::Esc)],                     A::ClearPlace,         "清除地点筛选"),

    b(M::Places,    "places.mention_down",          &[k('j'), code(C::Down)],            A::MentionDown,        "下一处提及").hint("选择"),
    b(M::Places,    "places.mention_up",            &[k('k'), code(C::Up)],              A::MentionUp,          "上一处提及").hint("选择"),
    b(M::Places,    "places.open_lesson",           &[code(C::Enter)],                   A::OpenLesson,         "在阅读区打开").hint("打开"),
    b(M::Places,    "places.open_places",           &[k('p')],                           A::OpenPlaces,         "选择地点").hint("地点"),

    b(M::Search,    "search_box.result_up",         &[code(C::Up), ctrl('p')],           A::ResultUp,           "上一个结果（空行或刚调出时：以前的搜索）").hint("选择"),
    b(M::Search,    "search_box.result_down",       &[code(C::Down), ctrl('n')],         A::ResultDown,         "下一个结果").hint("选择"),
    b(M::Search,    "search_box.open_result",       &[code(C::Enter)],                   A::OpenResult,         "跳到所选结果").hint("跳转"),
    b(M::Search,    "search_box.close",             &[code(C::Esc)],                     A::Close,              "关闭搜索").hint("关闭"),
    b(M::Search,    "search_box.quit",              &[ctrl('c')],                        A::Quit,               "退出"),
    b(M::Search,    "search_box.suspend",           &[ctrl('z')],                        A::Suspend,            "挂起"),
    b(M::Search,    "search_box.history_search",    &[ctrl('r')],                        A::HistorySearch,      "在以前的搜索中查找"),
    b(M::Search,    "search_box.copy",              &[ctrl('y')],                        A::Copy,               "复制所选结果（附出处）"),
    b(M::Search,    "search_box.caret_left",        &[code(C::Left)],                    A::CaretLeft,          "光标左移"),
    b(M::Search,    "search_box.caret_right",       &[code(C::Right)],                   A::CaretRight,         "光标右移"),
    b(M::Search,    "search_box.caret_home",        &[code(C::Home), ctrl('a')],         A::CaretHome,          "行首"),
    b(M::Search,    "search_box.caret_end",         &[code(C::End), ctrl('e')],          A::CaretEnd,           "行尾"),
    b(M::Search,    "search_box.backspace",         &[code(C::Backspace)],               A::Backspace,          "删除前一字"),
    b(M::Search,    "search_box.delete_to_start",   &[ctrl('u')],                        A::DeleteToStart,      "删除到行首"),
    b(M::Search,    "search_box.delete_word",       &[ctrl('w')],                        A::DeleteWord,         "删除前一词"),

    b(M::Picker,    "picker.result_up",             &[code(C::Up), ctrl('p')],           A::ResultUp,           "上一个").hint("选择"),
    b(M::Picker,    "picker.result_down",           &[code(C::Down), ctrl('n')],         A::ResultDown,         "下一个").hint("选择"),
    b(M::Picker,    "picker.pick_place",            &[code(C::Enter)],                   A::PickPlace,          "选定地点").hint("选定"),
    b(M::Picker,    "picker.close",                 &[code(C::Esc)],                     A::Close,              "关闭").hint("关闭"),
    b(M::Picker,    "picker.quit",                  &[ctrl('c')],                        A::Quit,               "退出"),
    b(M::Picker,    "picker.suspend",               &[ctrl('z')],                        A::Suspend,            "挂起"),
    b(M::Picker,    "picker.backspace",             &[code(C::Backspace)],               A::Backspace,          "删除前一字"),
    b(M::Picker,    "picker.delete_to_start",       &[ctrl('u')],                        A::DeleteToStart,      "删除到行首"),

    b(M::Notes,     "notes.down",                   &[k('j'), code(C::Down)],            A::ResultDown,         "下一条").hint("选择"),
    b(M::Notes,     "notes.up",                     &[k('k'), code(C::Up)],              A::ResultUp,           "上一条").hint("选择"),
    b(M::Notes,     "notes.open",                   &[code(C::Enter)],                   A::OpenResult,         "跳到原文").hint("跳到原文"),
    b(M::Notes,     "notes.filter",                 &[k('/')],                           A::FilterNotes,        "按字词筛选（汉字、拼音）").hint("筛选"),
    b(M::Notes,     "notes.kind",                   &[k('f')],                           A::NextKindFilter,     "按类别筛选").hint("类别"),
    b(M::Notes,     "notes.edit",                   &[k('e')],                           A::EditNote,           "改笔记").hint("改"),
    b(M::Notes,     "notes.delete",                 &[k('d')],                           A::DeleteNote,         "删除笔记").hint("删"),
    b(M::Notes,     "notes.undo",                   &[k('u')],                           A::UndoDelete,         "恢复刚删除的笔记"),
    b(M::Notes,     "notes.copy",                   &[k('y')],                           A::Copy,               "复制原文和笔记（附出处）"),

    b(M::NotesFilter, "notes_filter.done",          &[code(C::Enter)],                   A::OpenResult,         "筛选完毕").hint("筛选完毕"),
    b(M::NotesFilter, "notes_filter.clear",         &[code(C::Esc)],                     A::Close,              "清除筛选").hint("清除"),
    b(M::NotesFilter, "notes_filter.quit",          &[ctrl('c')],                        A::Quit,               "退出"),
    b(M::NotesFilter, "notes_filter.backspace",     &[code(C::Backspace)],               A::Backspace,          "删除前一字"),
    b(M::NotesFilter, "notes_filter.delete_to_start", &[ctrl('u')],                      A::DeleteToStart,      "删除到行首"),

    b(M::Outline,   "outline.down",                 &[k('j'), code(C::Down)],            A::TreeDown,           "下一项").hint("选择"),
    b(M::Outline,   "outline.up",                   &[k('k'), code(C::Up)],              A::TreeUp,             "上一项").hint("选择"),
    b(M::Outline,   "outline.expand",               &[k('l'), code(C::Right)],           A::TreeExpand,         "展开").hint("展开／折叠"),
    b(M::Outline,   "outline.collapse",             &[k('h'), code(C::Left)],            A::TreeCollapse,       "折叠／回到上级").hint("展开／折叠"),
    b(M::Outline,   "outline.page_down",            &[k(' '), code(C::PageDown)],        A::PageDown,           "下翻一页"),
    b(M::Outline,   "outline.page_up",              &[k('b'), code(C::PageUp)],          A::PageUp,             "上翻一页"),
    b(M::Outline,   "outline.top",                  &[k('g'), code(C::Home)],            A::TreeTop,            "第一项"),
    b(M::Outline,   "outline.bottom",               &[k('G'), code(C::End)],             A::TreeBottom,         "最后一项"),
    b(M::Outline,   "outline.open",                 &[code(C::Enter)],                   A::TreeOpen,           "跳到原文").hint("跳到原文"),
    b(M::Outline,   "outline.copy",                 &[k('y')],                           A::Copy,               "复制本节提纲（附出处）").hint("复制"),

    b(M::Bookmarks, "bookmark_list.result_down",    &[k('j'), code(C::Down)],            A::ResultDown,         "下一个"),
    b(M::Bookmarks, "bookmark_list.result_up",      &[k('k'), code(C::Up)],              A::ResultUp,           "上一个"),
    b(M::Bookmarks, "bookmark_list.open_result",    &[code(C::Enter)],                   A::OpenResult,         "跳到书签").hint("跳转"),
    b(M::Bookmarks, "bookmark_list.delete_bookmark",&[k('d')],                           A::DeleteBookmark,     "删除书签").hint("删除"),
    b(M::Bookmarks, "bookmark_list.close",          &[code(C::Esc), k('\'')],            A::Close,              "关闭").hint("关闭"),

    b(M::Help,      "help_box.scroll_down",         &[k('j'), code(C::Down)],            A::ScrollDown,         "向下滚动帮助").hint("滚动"),
    b(M::Help,      "help_box.scroll_up",           &[k('k'), code(C::Up)],              A::ScrollUp,           "向上滚动帮助").hint("滚动"),
    b(M::Help,      "help_box.toggle_help",         &[code(C::Esc), k('?'), k('q')],     A::ToggleHelp,         "关闭帮助").hint("关闭"),
    b(M::Help,      "help_box.page_down",           &[k(' '), code(C::PageDown)],        A::PageDown,           "向下翻一页"),
    b(M::Help,      "help_box.page_up",             &[k('b'), code(C::PageUp)],          A::PageUp,             "向上翻一页"),
    b(M::Help,      "help_box.top",                 &[k('g'), code(C::Home)],            A::ScrollTop,          "回到开头"),
    b(M::Help,      "help_box.bottom",              &[k('G'), code(C::End)],             A::ScrollBottom,       "翻到末尾"),
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
            // A terminal sends Ctrl with a letter, Space and a few marks;
            // with anything else (ctrl-中, ctrl-1) no key ever arrives.
            (Some(c), None)
                if mods == KeyModifiers::CONTROL
                    && !(c.is_ascii_alphabetic() || " @[\\]^_".contains(c)) =>
            {
                return None;
            }
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
            // The key alone: the modifier is written below.
            _ => Key {
                mods: KeyModifiers::NONE,
                ..self
            }
            .name()
            .to_ascii_lowercase(),
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
            Mode::Select => Some("select"),
            Mode::Editor => Some("editor"),
            Mode::Notes => Some("notes"),
            Mode::NotesFilter => Some("notes_filter"),
            Mode::Outline => Some("outline"),
        }
    }
}

#[cfg(test)]
mod tests;
