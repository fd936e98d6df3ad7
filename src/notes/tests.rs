use super::anchor::{grow, node_text, sentence_at, shrink};
use super::*;

fn lib() -> Library {
    Library::bundled().unwrap()
}

fn node(lib: &Library, path: &str) -> NodeId {
    lib.find(path).unwrap()
}

/// A note on the first two sentences of a section.
fn two_sentences(lib: &Library, path: &str) -> Note {
    let n = node(lib, path);
    let text = node_text(lib, n);
    let first = sentence_at(&text, 0);
    // A section of one sentence gives that one.
    let end = grow(&text, first.end, false).unwrap_or(first.end);
    Note::new(lib, n, first.start..end, "重点", "这两句是关键")
}

#[test]
fn sentences_and_clauses_end_where_chinese_text_ends_them() {
    let text = "首先，站稳政治立场。其次（甲），坚守“人民”立场！\n再次：勇于担当";
    let first = sentence_at(text, 0);
    assert_eq!(&text[first.clone()], "首先，站稳政治立场。");
    let second = grow(text, first.end, false).unwrap();
    assert_eq!(&text[first.end..second], "其次（甲），坚守“人民”立场！");
    // Across the paragraph's end to the next one's sentence.
    let third = grow(text, second, false).unwrap();
    assert_eq!(&text[second..third], "\n再次：勇于担当");
    assert_eq!(grow(text, third, false), None);
    // By clause.
    let clause = grow(text, 0, true).unwrap();
    assert_eq!(&text[..clause], "首先，");
    assert_eq!(shrink(text, 0, third, false), Some(second));
    assert_eq!(shrink(text, 0, first.end, false), None);
    // A byte inside the second sentence finds it.
    let inside = text.find("坚守").unwrap();
    assert_eq!(sentence_at(text, inside), first.end..second);
}

#[test]
fn a_note_is_where_it_was_made() {
    let lib = lib();
    let note = two_sentences(&lib, "models/ideals/1");
    assert!(note.quote.exact.ends_with('。'));
    assert_eq!(note.quote.prefix, "");
    let book = Notebook {
        notes: vec![note],
        ..Notebook::default()
    };
    let places = book.place_all(&lib);
    let text = node_text(&lib, node(&lib, "models/ideals/1"));
    match &places[0] {
        Place::At(n, bytes) => {
            assert_eq!(*n, node(&lib, "models/ideals/1"));
            assert_eq!(&text[bytes.clone()], book.notes[0].quote.exact);
        }
        Place::Gone => panic!("lost"),
    }
}

/// The bundled content with one edit (made to each file; it finds the
/// words it changes), as a library.
fn edited(edit: impl Fn(&mut String)) -> Library {
    let dir = tempfile::tempdir().unwrap();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in std::fs::read_dir(content).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let mut text = std::fs::read_to_string(&path).unwrap();
            edit(&mut text);
            std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
        }
    }
    Library::load_dir(dir.path()).unwrap()
}

fn placed_text(lib: &Library, book: &Notebook) -> Option<(String, String)> {
    match &book.place_all(lib)[0] {
        Place::At(n, bytes) => Some((
            lib.node(*n).path.clone(),
            node_text(lib, *n)[bytes.clone()].to_owned(),
        )),
        Place::Gone => None,
    }
}

#[test]
fn a_paragraph_inserted_before_the_passage_moves_it_with_its_words() {
    let lib = lib();
    let mut note = two_sentences(&lib, "capital/measures/2/1");
    // Onto the section's second paragraph, if it has one.
    let n = node(&lib, "capital/measures/2/1");
    let text = node_text(&lib, n);
    if let Some(second) = text.find('\n') {
        let s = sentence_at(&text, second + 1);
        note.anchor_at(&lib, n, s);
    }
    let quote = note.quote.exact.clone();
    let book = Notebook {
        notes: vec![note],
        ..Notebook::default()
    };
    let first = text.split('\n').next().unwrap().to_owned();
    let changed = edited(|t| {
        if let Some(at) = t.find(&first) {
            t.insert_str(at, "新插入的一段话。\", \"");
        }
    });
    assert_eq!(
        placed_text(&changed, &book),
        Some(("capital/measures/2/1".to_owned(), quote))
    );
}

#[test]
fn a_typo_fixed_inside_the_passage_keeps_the_note_on_the_new_words() {
    let lib = lib();
    let book = Notebook {
        notes: vec![two_sentences(&lib, "models/ideals/2")],
        ..Notebook::default()
    };
    let quote = book.notes[0].quote.exact.clone();
    // One character inside the quote is changed, as a typo fix would.
    let old: String = quote.chars().skip(3).take(2).collect();
    let changed = edited(|t| *t = t.replacen(&old, "改正", 1));
    let (path, text) = placed_text(&changed, &book).expect("re-anchored");
    assert_eq!(path, "models/ideals/2");
    assert_eq!(text, quote.replacen(&old, "改正", 1));
    // Written back, the quote is the text as it is now.
    let mut book = book;
    let places = book.place_all(&changed);
    book.reanchor(&changed, &places);
    assert_eq!(book.notes[0].quote.exact, text);
    // The words it was written on are kept, to be shown with it, and
    // round the W3C JSON.
    assert_eq!(book.notes[0].was.as_deref(), Some(quote.as_str()));
    let json = book.to_json(true).unwrap();
    assert!(json.contains("\"zhizao:was\""));
    assert_eq!(
        Notebook::from_json(json.as_bytes()).unwrap().notes[0].was,
        book.notes[0].was
    );
    // The text back as it was: nothing to show.
    let places = book.place_all(&lib);
    book.reanchor(&lib, &places);
    assert_eq!(book.notes[0].was, None);
}

#[test]
fn a_section_moved_takes_its_notes_along() {
    let lib = lib();
    let book = Notebook {
        notes: vec![two_sentences(&lib, "capital/traits/3")],
        ..Notebook::default()
    };
    let quote = book.notes[0].quote.exact.clone();
    // The path is gone (the section's id changed): the words are found in
    // the section they are in now.
    let changed = edited(|t| {
        // The first item 3 of the report is the traits' third.
        if t.contains("三是创新驱动力。") {
            let at = t.find("id = \"3\"").expect("traits item 3's id");
            t.replace_range(at..at + "id = \"3\"".len(), "id = \"three\"");
        }
    });
    assert!(changed.find("capital/traits/3").is_none());
    assert_eq!(
        placed_text(&changed, &book),
        Some(("capital/traits/three".to_owned(), quote))
    );
}

#[test]
fn a_passage_whose_words_are_gone_is_kept_as_gone_never_moved() {
    let lib = lib();
    let book = Notebook {
        notes: vec![two_sentences(&lib, "capital/traits/4")],
        ..Notebook::default()
    };
    let quote = book.notes[0].quote.exact.clone();
    let half: String = quote.chars().take(quote.chars().count() / 2).collect();
    let changed = edited(|t| *t = t.replace(&half, "全部改写。"));
    assert_eq!(placed_text(&changed, &book), None);
    // A short quote that occurs elsewhere, its context gone, is not put there.
    let mut short = book.notes[0].clone();
    short.quote = Quote {
        exact: "宁波".into(),
        prefix: "不在任何地方的上文".into(),
        suffix: "不在任何地方的下文".into(),
    };
    short.path = "no/such/path".into();
    let book = Notebook {
        notes: vec![short],
        ..Notebook::default()
    };
    assert_eq!(placed_text(&lib, &book), None);
}

#[test]
fn merging_keeps_both_readers_notes_and_the_newest_edit() {
    let lib = lib();
    let a = two_sentences(&lib, "capital/traits/1");
    let b = two_sentences(&lib, "capital/traits/2");
    let mut a_edited = a.clone();
    a_edited.text = "改过".into();
    a_edited.modified += 10;
    let ours = Notebook {
        notes: vec![a_edited.clone()],
        ..Notebook::default()
    };
    let theirs = Notebook {
        notes: vec![a.clone(), b.clone()],
        ..Notebook::default()
    };
    let merged = ours.merged(theirs);
    assert_eq!(merged.notes.len(), 2);
    assert!(merged.notes.contains(&a_edited) && merged.notes.contains(&b));
    // A deletion is an edit: newer, it wins; an older copy does not revive it.
    let mut gone = a_edited.clone();
    gone.deleted = true;
    gone.modified += 10;
    let merged = Notebook {
        notes: vec![gone],
        ..Notebook::default()
    }
    .merged(merged);
    assert!(merged.notes.iter().any(|n| n.id == a.id && n.deleted));
    assert_eq!(merged.live().count(), 1);
}

#[test]
fn the_w3c_json_round_trips_every_field() {
    let lib = lib();
    let mut note = two_sentences(&lib, "models/ideals/1");
    note.modified += 1234;
    let mut gone = two_sentences(&lib, "models/ideals/2");
    gone.deleted = true;
    let book = Notebook {
        notes: vec![note, gone],
        ..Notebook::default()
    };
    let json = book.to_json(true).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    let first = &value["items"][0];
    assert_eq!(first["type"], "Annotation");
    assert_eq!(first["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(
        first["target"]["selector"][1]["type"],
        "TextPositionSelector"
    );
    assert_eq!(Notebook::from_json(json.as_bytes()).unwrap(), book);
    // Without tombstones, for export.
    let shown = Notebook::from_json(book.to_json(false).unwrap().as_bytes()).unwrap();
    assert_eq!(shown.notes.len(), 1);
    assert!(Notebook::from_json(b"{\"type\": \"Other\"}").is_err());
}

#[test]
fn times_are_iso_8601_both_ways() {
    assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
    assert_eq!(iso8601(1_796_180_645_123), "2026-12-02T03:04:05.123Z");
    assert_eq!(
        parse_iso8601("2026-12-02T03:04:05.123Z"),
        Some(1_796_180_645_123)
    );
    assert_eq!(
        parse_iso8601("2026-12-02T03:04:05Z"),
        Some(1_796_180_645_000)
    );
    assert_eq!(
        parse_iso8601("2024-02-29T00:00:00Z")
            .map(iso8601)
            .as_deref(),
        Some("2024-02-29T00:00:00.000Z")
    );
    assert_eq!(parse_iso8601("yesterday"), None);
}

fn note_on(lib: &Library, path: &str, text: &str) -> Note {
    let node = lib.find(path).unwrap();
    Note::new(lib, node, 0..6, "重点", text)
}

#[test]
fn two_readers_notes_are_merged_and_a_broken_notes_file_set_aside() {
    use crate::notes::Notebook;
    let lib = Library::bundled().unwrap();
    let dir = std::env::temp_dir().join(format!("zhizao-notes-store-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = crate::state::store::Store::new(
        dir.clone(),
        &crate::state::store::notes_name("bundled.json"),
    );
    assert!(store.path().ends_with("bundled.notes.json"));
    let one = Notebook {
        notes: vec![note_on(&lib, "models/ideals/1", "甲")],
        ..Notebook::default()
    };
    let two = Notebook {
        notes: vec![note_on(&lib, "models/ideals/2", "乙")],
        ..Notebook::default()
    };
    let threads: Vec<_> = [one, two]
        .into_iter()
        .map(|book| {
            let store = store.clone();
            std::thread::spawn(move || {
                for _ in 0..20 {
                    store.save(book.clone()).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let loaded = store.load::<Notebook>();
    assert_eq!(loaded.notice, None);
    let mut texts: Vec<String> = loaded.saved.notes.into_iter().map(|n| n.text).collect();
    texts.sort();
    assert_eq!(texts, ["乙", "甲"]);
    // A file that is not annotations is set aside, and the last good file
    // (kept as `.bak` by every save) read in its place.
    std::fs::write(store.path(), b"{\"type\": \"Annotation\"").unwrap();
    let loaded = store.load::<Notebook>();
    assert_eq!(
        loaded.saved.notes.len(),
        2,
        "both, as the save before the last left them"
    );
    let notice = loaded.notice.unwrap();
    assert!(
        notice.starts_with("笔记文件无法解析")
            && notice.contains("已另存为")
            && notice.contains("已从上次的备份恢复"),
        "{notice}"
    );
    assert!(!store.path().exists());
    // With no backup either, the notes start empty.
    std::fs::write(store.path(), b"[1, 2").unwrap();
    std::fs::remove_file(dir.join("bundled.notes.json.bak")).unwrap();
    let loaded = store.load::<Notebook>();
    assert!(loaded.saved.notes.is_empty());
    assert!(loaded.notice.unwrap().contains("从头开始"));
    std::fs::remove_dir_all(&dir).unwrap();
}
