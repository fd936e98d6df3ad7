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
    // No terminal sends these.
    assert_eq!(Key::parse("ctrl-中"), None);
    assert_eq!(Key::parse("ctrl-1"), None);
    assert!(Key::parse("alt-中").is_some() && Key::parse("ctrl-space").is_some());
    assert_eq!(Key::parse("f13"), None);
}

#[test]
fn every_binding_keeps_the_name_settings_files_use() {
    let names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
    // Pinned: a user's `[keys]` says these; renaming one breaks their file.
    // (In any order: the table's order is the help's, and may change.)
    let mut listed = names.clone();
    listed.sort_unstable();
    let mut pinned = PINNED.to_vec();
    pinned.sort_unstable();
    assert_eq!(listed, pinned);
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "every name is its own");
}

#[rustfmt::skip]
const PINNED: &[&str] = &[
    "quit",
    "suspend",
    "help",
    "focus_next",
    "toggle_tree",
    "close",
    "search",
    "show_reader",
    "show_compare",
    "show_places",
    "show_notes", "show_outline",
    "bookmarks",
    "jump_back",
    "jump_forward",
    "tree.down",
    "tree.up",
    "tree.expand",
    "tree.collapse",
    "tree.top",
    "tree.bottom",
    "tree.open",
    "tree.compare",
    "reader.scroll_down",
    "reader.scroll_up",
    "reader.page_down",
    "reader.page_up",
    "reader.half_page_down",
    "reader.half_page_up",
    "reader.scroll_top",
    "reader.scroll_bottom",
    "reader.prev_part",
    "reader.next_part",
    "reader.next_hit",
    "reader.prev_hit",
    "reader.compare_here",
    "reader.toggle_bookmark",
    "reader.copy",
    "reader.copy_section",
    "reader.wider_measure",
    "reader.narrower_measure",
    "reader.select",
    "reader.next_note",
    "reader.prev_note",
    "reader.edit_note",
    "reader.delete_note",
    "reader.undo_delete",
    "select.grow",
    "select.shrink",
    "select.grow_clause",
    "select.shrink_clause",
    "select.next_sentence",
    "select.bookmark",
    "select.prev_sentence",
    "select.annotate",
    "select.highlight",
    "select.cancel",
    "editor.save",
    "editor.new_line",
    "editor.next_kind",
    "editor.cancel",
    "editor.quit",
    "editor.caret_left",
    "editor.caret_right",
    "editor.caret_home",
    "editor.caret_end",
    "editor.backspace",
    "editor.delete_word",
    "compare.lesson_down",
    "compare.lesson_up",
    "compare.domestic",
    "compare.foreign",
    "compare.other_side",
    "compare.open_lesson",
    "compare.page_down",
    "compare.page_up",
    "compare.toggle_sync",
    "compare.copy",
    "compare.open_places",
    "compare.next_change",
    "compare.prev_change",
    "compare.default_sides",
    "compare.clear_place",
    "places.mention_down",
    "places.mention_up",
    "places.open_lesson",
    "places.open_places",
    "search_box.close",
    "search_box.quit",
    "search_box.suspend",
    "search_box.open_result",
    "search_box.result_down",
    "search_box.result_up",
    "search_box.history_search",
    "search_box.copy",
    "search_box.caret_left",
    "search_box.caret_right",
    "search_box.caret_home",
    "search_box.caret_end",
    "search_box.backspace",
    "search_box.delete_to_start",
    "search_box.delete_word",
    "picker.close",
    "picker.quit",
    "picker.suspend",
    "picker.pick_place",
    "picker.result_down",
    "picker.result_up",
    "picker.backspace",
    "picker.delete_to_start",
    "notes.down",
    "notes.up",
    "notes.open",
    "notes.filter",
    "notes.kind",
    "notes.edit",
    "notes.delete",
    "notes.undo",
    "notes.copy",
    "notes_filter.done",
    "notes_filter.clear",
    "notes_filter.quit",
    "notes_filter.backspace",
    "notes_filter.delete_to_start",
    "outline.down", "outline.up", "outline.expand", "outline.collapse", "outline.page_down",
    "outline.page_up", "outline.top", "outline.bottom", "outline.open", "outline.copy",
    "bookmark_list.close",
    "bookmark_list.open_result",
    "bookmark_list.result_down",
    "bookmark_list.result_up",
    "bookmark_list.delete_bookmark",
    "help_box.toggle_help",
    "help_box.scroll_down",
    "help_box.scroll_up",
    "help_box.page_down",
    "help_box.page_up",
    "help_box.top",
    "help_box.bottom",
];

#[test]
fn help_says_how_to_ask_and_take_notes_with_the_keys_in_force() {
    let mut keys = Keymap::default();
    keys.rebind("select.annotate", vec![Key::parse("x").expect("a key")])
        .expect("rebinds");
    let texts: Vec<String> = keys
        .help_rows(Mode::Reader)
        .into_iter()
        .filter_map(|r| match r {
            HelpRow::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    let all = texts.join("\n");
    for said in [
        "拼音（ningbo）",
        "首字母（nb）",
        "繁体字",
        "筑波人才",
        "引号",
    ] {
        assert!(all.contains(said), "{said}: {all}");
    }
    // The note keys as bound now, not as shipped.
    assert!(
        all.contains("x 写笔记") && !all.contains("a 写笔记"),
        "{all}"
    );
    assert!(
        all.contains("v 选一句") && all.contains("4 看全部笔记"),
        "{all}"
    );
}
