//! A reader's notes are their data: each way they were lost, crashed on or
//! hung on, tried again. Every test works in a `tempfile` folder of its
//! own, never the user's state.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zhizao::action::Action;
use zhizao::app::Effect;

/// A state folder of the test's own.
struct State {
    dir: tempfile::TempDir,
}

impl State {
    fn new() -> Self {
        State {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The folder zhizao keeps its state and notes in.
    fn zhizao(&self) -> PathBuf {
        self.dir.path().join("zhizao")
    }

    fn notes_file(&self) -> PathBuf {
        self.zhizao().join("bundled.notes.json")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(args)
            .env("XDG_STATE_HOME", self.dir.path())
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env_remove("ZHIZAO_CONFIG")
            .output()
            .expect("zhizao runs")
    }

    /// The files in the state folder whose names start with `start`.
    fn beside(&self, start: &str) -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(self.zhizao())
            .map(|r| {
                r.flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(start))
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort();
        found
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// One annotation as zhizao writes it, on `exact` in `path`.
fn annotation(id: usize, path: &str, exact: &str, text: &str, created: &str) -> serde_json::Value {
    serde_json::json!({
        "id": format!("urn:test:{id}"),
        "type": "Annotation",
        "created": created,
        "modified": created,
        "body": [
            {"type": "TextualBody", "purpose": "commenting", "value": text},
            {"type": "TextualBody", "purpose": "tagging", "value": "重点"}
        ],
        "target": {"source": path, "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""}
        ]}
    })
}

fn collection(items: &[serde_json::Value]) -> String {
    serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "items": items,
    })
    .to_string()
}

fn count_notes(file: &Path) -> usize {
    let text = std::fs::read_to_string(file).expect("the notes file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["items"].as_array().map_or(0, Vec::len)
}

#[test]
fn a_notes_file_that_does_not_parse_is_set_aside_never_written_over() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let items: Vec<_> = (0..50)
        .map(|i| {
            annotation(
                i,
                "models/ideals/1",
                "政治立场",
                "甲",
                "2026-12-01T00:00:00Z",
            )
        })
        .collect();
    // One trailing comma: not JSON any more.
    let whole = collection(&items);
    let broken = format!("{},}}", &whole[..whole.len() - 1]);
    assert!(serde_json::from_str::<serde_json::Value>(&broken).is_err());
    std::fs::write(state.notes_file(), &broken).unwrap();
    let out = state.run(&[
        "notes",
        "add",
        "models/ideals/1",
        "--quote",
        "政治立场",
        "--note",
        "新",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let aside = state.beside("bundled.notes.json.corrupt-");
    assert_eq!(aside.len(), 1, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), broken);
    assert!(stderr(&out).contains("已另存为"), "{}", stderr(&out));
    assert_eq!(count_notes(&state.notes_file()), 1);
}

#[test]
fn every_save_keeps_the_last_good_file_as_bak() {
    let state = State::new();
    let add = |quote: &str| {
        let out = state.run(&["notes", "add", "models/ideals/1", "--quote", quote]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    add("政治立场");
    add("政治行为");
    let bak = state.zhizao().join("bundled.notes.json.bak");
    assert_eq!(count_notes(&bak), 1, "the file before the last save");
    assert_eq!(count_notes(&state.notes_file()), 2);
    // The file breaks; the next reading recovers the last good one.
    std::fs::write(state.notes_file(), "{").unwrap();
    let out = state.run(&["notes", "--format", "json"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("已从上次的备份恢复"),
        "{}",
        stderr(&out)
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["items"].as_array().unwrap().len(), 1);
}

#[test]
fn an_import_over_the_cap_is_refused_and_changes_nothing() {
    let state = State::new();
    assert!(
        state
            .run(&["notes", "add", "models/ideals/1", "--quote", "政治立场"])
            .status
            .success()
    );
    let before = std::fs::read(state.notes_file()).unwrap();
    // 230 long notes: 69 MB, over the 64 MiB a notes file may hold.
    let long = "很".repeat(100_000);
    let items: Vec<_> = (0..230)
        .map(|i| {
            annotation(
                i,
                "models/ideals/1",
                "政治立场",
                &long,
                "2026-12-01T00:00:00Z",
            )
        })
        .collect();
    let file = state.dir.path().join("big.json");
    std::fs::write(&file, collection(&items)).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > 64 << 20);
    let out = state.run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("64 MiB"), "{}", stderr(&out));
    assert_eq!(std::fs::read(state.notes_file()).unwrap(), before);
    // And the next add adds to the notes there, not to nothing.
    assert!(
        state
            .run(&["notes", "add", "models/ideals/1", "--quote", "政治行为"])
            .status
            .success()
    );
    assert_eq!(count_notes(&state.notes_file()), 2);
}

#[test]
fn a_malformed_time_sets_that_note_aside_and_nothing_panics() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let good = annotation(
        1,
        "models/ideals/1",
        "政治立场",
        "好",
        "2026-12-01T00:00:00Z",
    );
    // A multi-byte character inside the fraction of a second.
    let bad = annotation(
        2,
        "models/ideals/1",
        "政治行为",
        "坏",
        "2026-12-01T00:00:00.1中Z",
    );
    std::fs::write(state.notes_file(), collection(&[good, bad])).unwrap();
    // The first reading says so; the notes it finds again are written
    // back, and with them the bad note goes to a file of its own, whole.
    let out = state.run(&["notes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("无法读取"), "{}", stderr(&out));
    assert!(stdout(&out).contains("好"), "{}", stdout(&out));
    let aside = state.beside("bundled.notes.json.corrupt-");
    assert_eq!(aside.len(), 1, "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&aside[0])
            .unwrap()
            .contains("00.1中Z")
    );
    for args in [
        &["notes"][..],
        &["notes", "--format", "csv"],
        &["export", "--with-notes"],
        &["notes", "add", "models/ideals/1", "--quote", "大是大非"],
    ] {
        let out = state.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        assert!(!stderr(&out).contains("无法读取"), "{}", stderr(&out));
    }
    assert_eq!(count_notes(&state.notes_file()), 2);
}

#[test]
fn notes_import_reads_no_device_and_waits_on_no_fifo() {
    let state = State::new();
    let out = state.run(&["notes", "import", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    let fifo = state.dir.path().join("fifo.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = state.run(&["notes", "import", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_empty_quote_is_refused() {
    let state = State::new();
    let out = state.run(&["notes", "add", "models/ideals/1", "--quote", ""]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--quote is empty"),
        "{}",
        stderr(&out)
    );
    assert!(!state.notes_file().exists());
}

#[test]
fn a_save_past_ulimit_f_fails_with_a_message_and_leaves_the_file() {
    let state = State::new();
    assert!(
        state
            .run(&["notes", "add", "models/ideals/1", "--quote", "政治立场"])
            .status
            .success()
    );
    let before = std::fs::read(state.notes_file()).unwrap();
    let long = "x".repeat(4000);
    let out = Command::new("sh")
        .args([
            "-c",
            &format!(
                "ulimit -f 1; exec {} notes add models/ideals/1 --quote 政治行为 --note {long}",
                env!("CARGO_BIN_EXE_zhizao")
            ),
        ])
        .env("XDG_STATE_HOME", state.dir.path())
        .output()
        .unwrap();
    // Not killed by SIGXFSZ: an error, said.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("File too large"), "{}", stderr(&out));
    assert_eq!(std::fs::read(state.notes_file()).unwrap(), before);
    assert!(
        state
            .beside(".")
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".tmp"))
    );
}

#[test]
fn temporary_files_a_killed_save_left_are_removed_at_the_next_start() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let old = state.zhizao().join(".killed.tmp");
    std::fs::write(&old, vec![b'x'; 1 << 20]).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    // One being written right now is another save's: left alone.
    let fresh = state.zhizao().join(".writing.tmp");
    std::fs::write(&fresh, b"x").unwrap();
    assert!(state.run(&["notes"]).status.success());
    assert!(!old.exists(), "the stale temporary file is removed");
    assert!(fresh.exists(), "a fresh one is not");
}

/// A collection of one article whose one section is `paragraph`.
fn one_section(dir: &Path, paragraph: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("1-long.toml"),
        format!(
            "[article]\nid = \"long\"\ntitle = \"长文\"\n\n[[section]]\nid = \"part\"\nheading = \"一、长节\"\nparagraphs = [\"\"\"\n{paragraph}\n\"\"\"]\n"
        ),
    )
    .unwrap();
}

#[test]
fn notes_found_again_after_an_edit_are_written_back() {
    let state = State::new();
    let content = state.dir.path().join("content");
    let text = "立场决定行为。".repeat(20_000);
    one_section(&content, &text);
    let c = content.to_str().unwrap();
    for nth in ["1", "5000", "19000"] {
        let out = state.run(&[
            "--content",
            c,
            "notes",
            "add",
            "long/part",
            "--quote",
            "立场决定",
            "--nth",
            nth,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let starts = |state: &State| -> Vec<u64> {
        let file = state.beside("folder-content-");
        let notes = file
            .iter()
            .find(|p| p.to_string_lossy().ends_with(".notes.json"))
            .expect("the notes file");
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(notes).unwrap()).unwrap();
        let mut starts: Vec<u64> = value["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["target"]["selector"][1]["start"].as_u64().unwrap())
            .collect();
        starts.sort_unstable();
        starts
    };
    let before = starts(&state);
    // One character put before them all: each is found again, one on.
    one_section(&content, &format!("甲{text}"));
    let out = state.run(&["--content", c, "notes", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = starts(&state);
    assert_eq!(
        after,
        before.iter().map(|s| s + 1).collect::<Vec<_>>(),
        "the new places are in the file"
    );
}

#[test]
fn a_gone_note_whose_prefix_is_everywhere_is_found_gone_in_one_pass() {
    // 400,000 of one character: a rescan from each of its occurrences
    // would take hours; one pass takes milliseconds.
    let state = State::new();
    let content = state.dir.path().join("content");
    one_section(&content, &"的".repeat(400_000));
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let mut gone = annotation(1, "long/part", "消失的话", "", "2026-12-01T00:00:00Z");
    gone["target"]["selector"][0]["prefix"] = "的".into();
    gone["target"]["selector"][0]["suffix"] = "已删去".into();
    let name = zhizao::state::store::notes_name(&zhizao::state::store::file_name(Some(&content)));
    std::fs::write(state.zhizao().join(name), collection(&[gone])).unwrap();
    let out = state.run(&["--content", content.to_str().unwrap(), "notes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("（原文已改动）消失的话"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_markdown_digest_carries_no_live_markup_and_the_csv_no_formula() {
    let state = State::new();
    for (quote, note) in [
        ("政治立场", "<img src=x onerror=alert(1)>"),
        ("政治行为", "<script>alert(1)</script>"),
        (
            "大是大非",
            "[点我](javascript:alert(1)) 和 <javascript:alert(1)>",
        ),
        ("重大原则", "=HYPERLINK(\"http://evil\",\"x\")"),
    ] {
        let out = state.run(&[
            "notes",
            "add",
            "models/ideals/1",
            "--quote",
            quote,
            "--note",
            note,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let digest = stdout(&state.run(&["notes", "--format", "markdown"]));
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&digest));
    for live in ["<img", "<script", "href=\"javascript:", "onerror=alert(1)>"] {
        assert!(!html.contains(live), "{live} in:\n{html}");
    }
    // The words are there, shown.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let csv = stdout(&state.run(&["notes", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let notes: Vec<String> = reader.records().map(|r| r.unwrap()[5].to_owned()).collect();
    assert!(
        notes.contains(&"'=HYPERLINK(\"http://evil\",\"x\")".to_owned()),
        "{notes:?}"
    );
    assert!(notes.iter().all(|n| !n.starts_with(['=', '+', '-', '@'])));
}

#[test]
fn exports_with_notes_keep_a_note_inside_another_and_a_note_on_a_lesson() {
    let state = State::new();
    let add = |path: &str, quote: &str, note: &str| {
        let out = state.run(&["notes", "add", path, "--quote", quote, "--note", note]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    add(
        "models/ideals/1",
        "政治立场决定政治行为，是确保人在大是大非问题和重大原则问题上不出错的关键",
        "外层笔记",
    );
    add("models/ideals/1", "大是大非", "内层笔记");
    add(
        "capital/lessons/foreign/1",
        "筑波完善研发平台",
        "启示上的笔记",
    );
    for format in ["markdown", "html", "json", "text"] {
        let out = state.run(&["export", "--with-notes", "--format", format]);
        assert!(out.status.success());
        let text = stdout(&out);
        for note in ["外层笔记", "内层笔记", "启示上的笔记"] {
            assert!(text.contains(note), "{format} lacks {note}");
        }
    }
    let markdown = stdout(&state.run(&["export", "--with-notes"]));
    // The inner note's reference inside the outer highlight, where its
    // passage ends; the outer one's after it.
    assert!(
        markdown.contains("==政治立场决定政治行为，是确保人在大是大非[^note-2]问题和重大原则问题上不出错的关键==[^note-1]"),
        "{markdown}"
    );
    let mut html = String::new();
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(&markdown, options),
    );
    assert_eq!(
        html.matches("class=\"footnote-definition\"").count(),
        3,
        "{html}"
    );
}

#[test]
fn a_line_separator_in_a_note_never_reaches_the_screen() {
    let mut app = common::app(100, 30);
    let n = common::node(&app, "models/ideals/1");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    for c in "第一行\u{2028}第二行\u{2029}第三行".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Paste("粘贴\u{2028}的".into()));
    app.update(Action::SaveNote);
    app.update(zhizao::views::View::Notes.show());
    let frame = common::frame(&app);
    assert!(
        frame
            .content()
            .iter()
            .all(|c| !c.symbol().contains(['\u{2028}', '\u{2029}'])),
        "a separator was drawn"
    );
    // Read from a file, it is a line break.
    let mut book = zhizao::notes::Notebook::default();
    let mut note = app.study.book.notes[0].clone();
    note.text = "甲\u{2028}乙".into();
    book.notes.push(note);
    assert_eq!(book.bounded().notes[0].text, "甲\n乙");
}

#[test]
fn quitting_with_the_editor_open_keeps_the_draft_and_a_cut_paste_is_said() {
    let mut app = common::app(100, 30);
    let n = common::node(&app, "models/ideals/1");
    app.update(Action::Select(n));
    app.update(Action::TreeOpen);
    app.update(Action::StartSelection);
    app.update(Action::Annotate);
    app.update(Action::Paste("很".repeat(zhizao::notes::MAX_NOTE + 500)));
    let said = app.notice.clone().unwrap_or_default();
    assert!(said.contains("500 字未能放下"), "{said}");
    let effects = app.update(Action::Quit);
    let book = effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveNotes(book) => Some(book.clone()),
            _ => None,
        })
        .expect("the draft is saved");
    let draft = &book.notes[0];
    assert!(draft.draft);
    assert_eq!(draft.text.chars().count(), zhizao::notes::MAX_NOTE);
    assert!(
        matches!(effects.last(), Some(Effect::Quit)),
        "saved, then quit"
    );
    // Saved from the editor, it is a draft no more.
    let mut app = common::app(100, 30);
    app.update(Action::RecallNotes(Box::new(zhizao::notes::Notebook {
        notes: vec![draft.clone()],
        ..Default::default()
    })));
    app.update(zhizao::views::View::Notes.show());
    let screen = common::screen(&common::draw(&app));
    assert!(screen.contains("〔草稿〕"), "{screen}");
    app.update(Action::EditNote);
    app.update(Action::SaveNote);
    assert!(!app.study.book.notes[0].draft);
}

#[test]
fn a_reader_whose_notes_cannot_be_saved_prints_them_at_the_end() {
    let state = State::new();
    let mut builder = portable_pty::CommandBuilder::new("sh");
    builder.args([
        "-c",
        &format!("ulimit -f 1; exec {}", env!("CARGO_BIN_EXE_zhizao")),
    ]);
    builder.env("TERM", "xterm-256color");
    builder.env("XDG_STATE_HOME", state.dir.path());
    builder.env("XDG_CACHE_HOME", state.dir.path().join("cache"));
    let mut s = common::pty::Session::spawn(builder, 100, 30);
    s.wait_for("第 1/2 篇");
    s.keys("va");
    s.wait_for("笔记");
    // More than the 1 kB `ulimit -f 1` lets a file have.
    s.send(format!("\x1b[200~{}\x1b[201~", "长".repeat(2000)).as_bytes());
    s.send(b"\r");
    s.wait_for("笔记未能保存");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_terminal_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains("zhizao notes import"), "{raw}");
    assert!(
        raw.contains(&"长".repeat(2000)),
        "the note itself is printed"
    );
}

#[test]
fn what_another_tool_wrote_in_an_annotation_is_written_back() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let mut item = annotation(
        1,
        "models/ideals/1",
        "政治立场",
        "甲",
        "2026-12-01T00:00:00Z",
    );
    item["creator"] = serde_json::json!({"name": "Alice"});
    item["rights"] = "CC-BY".into();
    item["body"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "SpecificResource", "source": "http://example.org/x"}));
    item["target"]["selector"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"type": "CssSelector", "value": "#p1"}));
    let mut file: serde_json::Value = serde_json::from_str(&collection(&[item])).unwrap();
    file["label"] = "我的笔记".into();
    std::fs::write(state.notes_file(), file.to_string()).unwrap();
    for quote in ["政治行为", "大是大非"] {
        let out = state.run(&["notes", "add", "models/ideals/1", "--quote", quote]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let kept = std::fs::read_to_string(state.notes_file()).unwrap();
    for thing in [
        "Alice",
        "CC-BY",
        "SpecificResource",
        "CssSelector",
        "#p1",
        "我的笔记",
    ] {
        assert!(kept.contains(thing), "{thing} was dropped:\n{kept}");
    }
    assert_eq!(count_notes(&state.notes_file()), 3);
}

#[test]
fn a_folder_where_the_backup_goes_is_set_aside_and_a_failed_save_keeps_the_old_backup() {
    let state = State::new();
    let add = |quote: &str| state.run(&["notes", "add", "models/ideals/1", "--quote", quote]);
    assert!(add("政治立场").status.success());
    let bak = state.zhizao().join("bundled.notes.json.bak");
    std::fs::create_dir_all(&bak).unwrap();
    assert!(add("政治行为").status.success());
    assert!(bak.is_file(), "the backup was made in the folder's place");
    assert_eq!(state.beside("bundled.notes.json.bak.corrupt-").len(), 1);
    // A save that fails (past `ulimit -f`) leaves the backup as it was.
    let before = std::fs::read(&bak).unwrap();
    let out = Command::new("sh")
        .args([
            "-c",
            &format!(
                "ulimit -f 1; exec {} notes add models/ideals/1 --quote 大是大非 --note {}",
                env!("CARGO_BIN_EXE_zhizao"),
                "x".repeat(4000)
            ),
        ])
        .env("XDG_STATE_HOME", state.dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&bak).unwrap(), before);
}

#[test]
fn a_note_past_a_limit_is_set_aside_whole_never_cut() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let long = "长".repeat(zhizao::notes::MAX_NOTE + 7);
    let items = [
        annotation(
            1,
            "models/ideals/1",
            "政治立场",
            &long,
            "2026-12-01T00:00:00Z",
        ),
        annotation(
            2,
            "models/ideals/1",
            "政治行为",
            "短",
            "2026-12-01T00:00:00Z",
        ),
    ];
    std::fs::write(state.notes_file(), collection(&items)).unwrap();
    assert!(
        state
            .run(&["notes", "add", "models/ideals/1", "--quote", "大是大非"])
            .status
            .success()
    );
    let aside = state.beside("bundled.notes.json.corrupt-");
    assert_eq!(aside.len(), 1);
    assert!(
        std::fs::read_to_string(&aside[0]).unwrap().contains(&long),
        "whole"
    );
    assert_eq!(count_notes(&state.notes_file()), 2);
    // A note that long is refused at the command line, before anything.
    let long = "x".repeat(zhizao::notes::MAX_NOTE + 7);
    let out = state.run(&[
        "notes",
        "add",
        "models/ideals/1",
        "--quote",
        "政治立场",
        "--note",
        &long,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("at most 100000"), "{}", stderr(&out));
    let out = state.run(&[
        "notes",
        "add",
        "models/ideals/1",
        "--quote",
        "政治立场",
        "--kind",
        "",
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn two_notes_with_one_id_keep_the_newer_and_set_the_other_aside() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let items = [
        annotation(
            7,
            "models/ideals/1",
            "政治立场",
            "FIRST-TEXT",
            "2026-12-01T00:00:00Z",
        ),
        annotation(
            7,
            "models/ideals/1",
            "政治立场",
            "SECOND-TEXT",
            "2026-12-02T00:00:00Z",
        ),
    ];
    std::fs::write(state.notes_file(), collection(&items)).unwrap();
    let out = state.run(&["notes", "--format", "text"]);
    assert!(stdout(&out).contains("SECOND-TEXT"), "{}", stdout(&out));
    assert!(stderr(&out).contains("1 项无法读取"), "{}", stderr(&out));
    let aside = state.beside("bundled.notes.json.corrupt-");
    assert!(
        std::fs::read_to_string(&aside[0])
            .unwrap()
            .contains("FIRST-TEXT")
    );
}

#[test]
fn a_control_character_in_an_id_never_reaches_the_terminal() {
    let state = State::new();
    let mut item = annotation(
        1,
        "models/ideals/1",
        "政治立场",
        "note",
        "2026-12-01T00:00:00Z",
    );
    item["id"] = "urn:x:\u{1b}]0;PWNED\u{7}\u{1b}[2J".into();
    let file = state.dir.path().join("in.json");
    std::fs::write(&file, collection(&[item])).unwrap();
    let out = state.run(&["notes", "import", file.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("could not be read"),
        "{}",
        stderr(&out)
    );
    for format in ["csv", "text", "markdown", "json"] {
        let out = state.run(&["notes", "--format", format]);
        assert!(!out.stdout.contains(&0x1b), "{format}");
    }
}

#[test]
fn a_footnote_is_never_a_link_where_footnotes_are_not_read() {
    let state = State::new();
    for note in ["//evil.example/phish", "(http://evil)", "\"title\""] {
        let out = state.run(&[
            "notes",
            "add",
            "models/ideals/1",
            "--quote",
            "政治立场",
            "--note",
            note,
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let markdown = stdout(&state.run(&["export", "models", "--with-notes"]));
    // CommonMark alone: `[^note-1]: …` could be read as a link's definition.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&markdown));
    assert!(!html.contains("<a href"), "{html}");
    assert!(html.contains("evil.example/phish"), "the note is shown");
}

#[test]
fn quitting_on_sigquit_keeps_the_draft_and_a_draft_that_cannot_be_saved_is_printed() {
    let state = State::new();
    let start = |limit: &str| {
        let mut builder = portable_pty::CommandBuilder::new("sh");
        builder.args([
            "-c",
            &format!("{limit}exec {}", env!("CARGO_BIN_EXE_zhizao")),
        ]);
        builder.env("TERM", "xterm-256color");
        builder.env("XDG_STATE_HOME", state.dir.path());
        builder.env("XDG_CACHE_HOME", state.dir.path().join("cache"));
        let mut s = common::pty::Session::spawn(builder, 100, 30);
        s.wait_for("第 1/2 篇");
        s.keys("va");
        s.wait_for("笔记 ［");
        s
    };
    let signal = |s: &common::pty::Session, sig: &str| {
        let pid = s.child.process_id().expect("a pid");
        assert!(
            Command::new("kill")
                .args([sig, &pid.to_string()])
                .status()
                .unwrap()
                .success()
        );
    };
    let mut s = start("");
    s.send("草稿一".as_bytes());
    s.wait_for("草稿一");
    signal(&s, "-QUIT");
    s.wait_exit();
    s.assert_terminal_restored();
    assert!(
        stdout(&state.run(&["notes", "--format", "text"])).contains("〔草稿〕") || {
            let json = stdout(&state.run(&["notes", "--format", "json"]));
            json.contains("草稿一") && json.contains("zhizao:draft")
        }
    );
    // Past `ulimit -f 1` the draft cannot be saved: printed at the end.
    let mut s = start("ulimit -f 1; ");
    // Keys are read in order: once the last shows, all 600 are in.
    s.send(format!("{}终", "草稿二".repeat(600)).as_bytes());
    s.wait_for("二终");
    signal(&s, "-TERM");
    s.wait_exit();
    s.assert_terminal_restored();
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(raw.contains(&"草稿二".repeat(600)), "the draft is printed");
}

/// A second body, tag or quote, another tool's motivation and a body's
/// language are another tool's words: written back, never dropped.
#[test]
fn a_second_body_tag_or_quote_and_a_motivation_are_written_back() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let mut item = annotation(
        1,
        "models/ideals/1",
        "政治立场",
        "甲",
        "2026-12-01T00:00:00Z",
    );
    item["motivation"] = "questioning".into();
    item["body"][0]["language"] = "zh".into();
    let bodies = item["body"].as_array_mut().unwrap();
    bodies.push(
        serde_json::json!({"type": "TextualBody", "purpose": "commenting", "value": "第二条"}),
    );
    bodies.push(
        serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": "第二标签"}),
    );
    item["target"]["selector"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!(
            {"type": "TextQuoteSelector", "exact": "第二引文", "prefix": "", "suffix": ""}
        ));
    // A number past a double's precision, a decimal longer than one.
    item["x-weight"] = serde_json::json!(u64::MAX);
    let text = collection(&[item]).replace(&u64::MAX.to_string(), "18446744073709551616123");
    std::fs::write(state.notes_file(), text).unwrap();
    for quote in ["政治行为", "大是大非"] {
        let out = state.run(&["notes", "add", "models/ideals/1", "--quote", quote]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let kept = std::fs::read_to_string(state.notes_file()).unwrap();
    for thing in [
        "questioning",
        "\"language\":\"zh\"",
        "第二条",
        "第二标签",
        "第二引文",
        "18446744073709551616123",
    ] {
        assert!(kept.contains(thing), "{thing} was dropped:\n{kept}");
    }
    assert_eq!(count_notes(&state.notes_file()), 3);
}

/// An annotation that cannot be read is set aside as it was written: a
/// key given twice and a long number too.
#[test]
fn an_unreadable_annotation_is_set_aside_byte_for_byte() {
    let state = State::new();
    std::fs::create_dir_all(state.zhizao()).unwrap();
    let bad = r#"{"type":"Annotation","dup":1,"dup":2,"n":12345678901234567890123456789,"f":0.1000000000000000055511151231257827}"#;
    let good = annotation(
        1,
        "models/ideals/1",
        "政治立场",
        "甲",
        "2026-12-01T00:00:00Z",
    );
    let text = format!(
        r#"{{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","items":[{bad},{good}]}}"#
    );
    std::fs::write(state.notes_file(), text).unwrap();
    let out = state.run(&["notes", "add", "models/ideals/1", "--quote", "政治行为"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let aside = state.beside("bundled.notes.json.corrupt");
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read_to_string(&aside[0]).unwrap();
    assert!(kept.contains(bad), "not whole:\n{kept}");
    assert_eq!(count_notes(&state.notes_file()), 2);
}

/// A damaged notes file under `notes add` or `notes import`: set aside,
/// said, and the last good copy's notes kept in what is written.
#[test]
fn a_damaged_file_under_add_or_import_keeps_the_backups_notes() {
    for import in [false, true] {
        let state = State::new();
        for quote in ["政治立场", "政治行为"] {
            let out = state.run(&["notes", "add", "models/ideals/1", "--quote", quote]);
            assert!(out.status.success(), "{}", stderr(&out));
        }
        // The backup holds the first note; the file is then zeroed.
        std::fs::write(state.notes_file(), "").unwrap();
        let out = if import {
            let other = state.dir.path().join("other.json");
            let item = annotation(
                9,
                "models/ideals/2",
                "人民立场",
                "乙",
                "2026-12-01T00:00:00Z",
            );
            std::fs::write(&other, collection(&[item])).unwrap();
            state.run(&["notes", "import", other.to_str().unwrap()])
        } else {
            state.run(&["notes", "add", "models/ideals/1", "--quote", "大是大非"])
        };
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stderr(&out).contains("备份"), "said: {}", stderr(&out));
        let text = stdout(&state.run(&["notes", "--format", "json"]));
        assert!(
            text.contains("政治立场"),
            "the backup's note lost ({import}):\n{text}"
        );
        assert_eq!(state.beside("bundled.notes.json.corrupt").len(), 1);
        // A second save keeps it too.
        let out = state.run(&["notes", "add", "models/ideals/1", "--quote", "重大原则"]);
        assert!(out.status.success());
        let text = stdout(&state.run(&["notes", "--format", "json"]));
        assert!(text.contains("政治立场"), "lost at the next save");
    }
}

/// A quote longer than a note may be is refused when made, never saved to
/// be set aside at the next reading.
#[test]
fn a_quote_too_long_to_read_back_is_refused_when_made() {
    let state = State::new();
    // Latin: one argument holds at most 128 KiB.
    let long = "a".repeat(zhizao::notes::MAX_NOTE + 1);
    let out = state.run(&["notes", "add", "models/ideals/1", "--quote", &long]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--quote holds"), "{}", stderr(&out));
    assert!(!state.notes_file().exists());
}

/// Every signal that would end the reader ends it as a quit does: the
/// terminal put back, the draft kept. And an edit never saved leaves the
/// saved note as it was, its draft a note of its own.
#[test]
fn any_ending_signal_keeps_the_draft_and_never_overwrites_a_saved_note() {
    let state = State::new();
    let out = state.run(&[
        "notes",
        "add",
        "models",
        "--quote",
        "追求进步",
        "--note",
        "原来的笔记",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (sig, keys) in [
        ("-ALRM", "va"),
        ("-VTALRM", "va"),
        ("-RTMIN", "va"),
        ("-HUP", "4e"),
    ] {
        let mut builder = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_zhizao"));
        builder.env("TERM", "xterm-256color");
        builder.env("XDG_STATE_HOME", state.dir.path());
        builder.env("XDG_CACHE_HOME", state.dir.path().join("cache"));
        let mut s = common::pty::Session::spawn(builder, 100, 30);
        s.wait_for("第 1/2 篇");
        s.keys(keys);
        s.wait_for("笔记 ［");
        let typed = format!("草稿{}", &sig[1..]);
        s.send(typed.as_bytes());
        s.wait_for(&typed);
        let pid = s.child.process_id().expect("a pid");
        assert!(
            Command::new("kill")
                .args([sig, &pid.to_string()])
                .status()
                .unwrap()
                .success()
        );
        s.wait_exit();
        s.assert_terminal_restored();
        let json = stdout(&state.run(&["notes", "--format", "json"]));
        assert!(json.contains(&typed), "{sig}: the draft lost");
    }
    let json = stdout(&state.run(&["notes", "--format", "json"]));
    assert!(
        json.contains("原来的笔记"),
        "the saved note was overwritten by a draft"
    );
}

/// A message that cannot be written (standard error full) is no crash.
#[test]
fn a_full_standard_error_is_no_crash() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["show", "nowhere"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

/// The settings file is read to its cap whatever size it claims.
#[test]
fn a_settings_file_claiming_no_size_is_read_only_to_its_cap() {
    let state = State::new();
    let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["--config", "/proc/self/pagemap", "list"])
        .env("XDG_STATE_HOME", state.dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("at most 1 MiB"), "{}", stderr(&out));
}
