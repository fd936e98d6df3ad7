//! The real binary in a pseudo-terminal: it opens, keys lead through the
//! tree to a lesson list and its text, and `q` leaves a working terminal.

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;

#[test]
fn open_navigate_to_the_foreign_lessons_and_quit() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    s.wait_for("第 1/2 篇");
    // Down to 国内外经验, open it, down to 2、国外…, Enter.
    // The text has focus at launch: Tab to the tree first.
    s.keys("\tjjljj\r");
    s.wait_for("2、国外发达城市地区发展对宁波的启示");
    s.wait_for("国外各制造业发达地区在推进产业体系提质升级");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

#[test]
fn the_places_only_the_gazetteer_finds_arrive_behind_the_first_frame() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("第 1/2 篇");
    // The declared places and those the gazetteer finds (杭州, 浙江…):
    // the count view 3 shows is the whole list's.
    let all = zhizao::content::Library::bundled().expect("the bundled page");
    let declared = zhizao::content::Library::bundled_placed(false).expect("the bundled page");
    assert!(declared.places.len() < all.places.len());
    s.keys("3");
    s.wait_for(&format!("{} 个地点", all.places.len()));
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for (name, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let mut s = Session::start(&[], &[]);
        s.wait_for("奋力打造全球智造创新之都");
        let pid = s.child.process_id().expect("a pid");
        let sent = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        s.assert_terminal_restored();
    }
}

#[test]
fn no_color_draws_without_colours() {
    let colour = |env: &[(&str, &str)]| {
        let mut s = Session::start(&[], env);
        s.wait_for("第 1/2 篇");
        s.keys("q");
        assert!(s.wait_exit().success());
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
        raw.contains("38;5;") || raw.contains("48;5;")
    };
    assert!(colour(&[]), "colours by default");
    assert!(!colour(&[("NO_COLOR", "1")]), "no colours with NO_COLOR");
}

#[test]
fn content_errors_exit_2_without_touching_the_terminal() {
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/bad/duplicate-id"
    );
    let mut s = Session::start(&["--content", bad], &[]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    std::thread::sleep(Duration::from_millis(100));
    assert!(s.screen().contains("duplicate id `one`"), "{}", s.screen());
    assert!(!String::from_utf8_lossy(&s.raw.lock().unwrap()).contains("\x1b[?1049h"));
}

#[test]
fn search_nb_and_jump_to_a_highlighted_ningbo() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    s.keys("/nb");
    s.wait_for("/ nb");
    s.wait_for(" / ");
    s.keys("\r");
    s.wait_for("n/N");
    // Some cell of the reader shows 宁 with the hit colour behind it.
    let parser = s.parser();
    let screen = parser.screen();
    let mut found = false;
    for row in 0..30 {
        for col in 33..99 {
            if let Some(cell) = screen.cell(row, col)
                && cell.contents() == "宁"
                && cell.bgcolor() != vt100::Color::Default
            {
                let next = screen
                    .cell(row, col + 2)
                    .map(|c| (c.contents(), c.bgcolor()));
                found |= matches!(next, Some((t, bg)) if t == "波" && bg == cell.bgcolor());
            }
        }
    }
    assert!(
        found,
        "宁波 highlighted in the reader:\n{}",
        screen.contents()
    );
    drop(parser);
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// The process whose parent is `parent` (or `parent` itself) running zhizao.
fn zhizao_under(parent: u32) -> Option<u32> {
    let comm = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
    if comm(parent).trim() == "zhizao" {
        return Some(parent);
    }
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let parent_of: u32 = stat.rsplit(") ").next()?.split(' ').nth(1)?.parse().ok()?;
        (parent_of == parent && comm(pid).trim() == "zhizao").then_some(pid)
    })
}

#[test]
fn killing_tmux_ends_the_reader() {
    if !common::have("tmux", common::on_path("tmux")) {
        return;
    }
    // Under tmux a shell leads the pane's session; when the server is killed
    // zhizao's terminal just ends, with no SIGHUP. crossterm's reader then
    // loops on end-of-file; zhizao must notice and exit, not spin.
    let socket = format!("zhizao-test-{}", std::process::id());
    let stderr = std::env::temp_dir().join(format!("{socket}.stderr"));
    let command = format!(
        "exec {} --no-state 2>{}",
        env!("CARGO_BIN_EXE_zhizao"),
        stderr.display()
    );
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux runs: have() found it above")
    };
    let started = tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    assert!(
        started.status.success(),
        "{}",
        String::from_utf8_lossy(&started.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    while !String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).contains("第 1/2 篇") {
        assert!(Instant::now() < deadline, "zhizao did not draw under tmux");
        std::thread::sleep(Duration::from_millis(50));
    }
    let pane: u32 = String::from_utf8_lossy(&tmux(&["display", "-p", "#{pane_pid}"]).stdout)
        .trim()
        .parse()
        .unwrap();
    let pid = zhizao_under(pane).expect("zhizao under the pane");
    tmux(&["kill-server"]);
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            stat.rsplit(") ")
                .next()
                .is_some_and(|rest| !rest.starts_with('Z'))
        })
    };
    let deadline = Instant::now() + Duration::from_secs(5);
    while running() {
        if Instant::now() > deadline {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("zhizao kept running after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // Nothing to say about a terminal that is no more.
    let said = std::fs::read_to_string(&stderr).unwrap_or_default();
    let _ = std::fs::remove_file(&stderr);
    assert!(said.is_empty(), "{said}");
}

#[test]
fn compare_pick_austin_and_see_it_marked_and_the_rest_left_out() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    s.keys("2");
    s.wait_for("国外发达城市地区");
    s.keys("paustin");
    s.wait_for("Austin");
    s.keys("\r");
    s.wait_for("2 条启示 · 全文 3 处提及 · 显示 2/5 行");
    let parser = s.parser();
    let screen = parser.screen();
    let mut marked = false;
    for row in 0..30 {
        for col in 0..100 {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.contents() == "奥" && cell.bgcolor() != vt100::Color::Default {
                marked = true;
            }
        }
    }
    let text = screen.contents();
    assert!(marked, "奥斯汀 marked:\n{text}");
    // 三是 names only 慕尼黑: left out while 奥斯汀 is chosen; 二是 and 四是 stay.
    assert!(!text.contains("三是"), "{text}");
    assert!(text.contains("二是") && text.contains("四是"), "{text}");
    drop(parser);
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_stray_paste_start_does_not_deafen_the_reader() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    s.send(b"\x1b[200~");
    std::thread::sleep(Duration::from_millis(800));
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

/// The search line after typing or pasting: the query's last characters are
/// on screen right after the prompt's visible part.
fn pasted_query_ends_with_end(paste: &[u8]) {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    s.keys("/");
    s.wait_for("输入汉字");
    s.send(paste);
    // A thousand keystrokes, each a search, in a debug build beside the
    // other tests: about 4 s alone, more than 10 on a busy machine (a
    // release build shows it in 0.7 s).
    s.wait_within("END", Duration::from_secs(60));
    let screen = s.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("/ "))
        .expect("the search line");
    let typed = line.split("/ ").nth(1).unwrap_or_default();
    assert!(
        typed
            .trim_end_matches([' ', '│'])
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '/' || c == ' ' || c == '…')
            .ends_with("END"),
        "the caret follows END: {line}"
    );
    s.keys("\x03");
    s.wait_exit();
}

#[test]
fn a_bracketed_paste_of_a_thousand_characters_lands_whole() {
    let text = "宁波".repeat(500) + "END";
    pasted_query_ends_with_end(&[b"\x1b[200~", text.as_bytes(), b"\x1b[201~"].concat());
}

#[test]
fn a_fast_unbracketed_paste_of_a_thousand_characters_lands_whole() {
    let text = "智造".repeat(500) + "END";
    pasted_query_ends_with_end(text.as_bytes());
}

/// The process state letter from /proc: `T` when stopped.
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next()?.trim_start().chars().next()
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_redraws_on_continue() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("奋力打造全球智造创新之都");
    let pid = s.child.process_id().expect("a pid");
    s.send(b"\x1a");
    let deadline = Instant::now() + Duration::from_secs(10);
    while state(pid) != Some('T') {
        assert!(Instant::now() < deadline, "not stopped: {:?}", state(pid));
        std::thread::sleep(Duration::from_millis(20));
    }
    s.assert_terminal_restored();
    let sent = std::process::Command::new("kill")
        .args(["-CONT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    while !s.parser().screen().alternate_screen() {
        assert!(Instant::now() < deadline, "the reader did not come back");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_for("奋力打造全球智造创新之都");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_first_minute_space_reads_and_the_search_box_offers_the_last_query() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("第 1/2 篇 · 11%");
    s.keys(" ");
    s.wait_for("第 1/2 篇 · 21%");
    s.keys("/austin");
    s.wait_for("奥斯汀");
    s.keys("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.keys("/nb");
    s.wait_for("/ nb ");
    assert!(
        !s.screen().contains("austinnb"),
        "typing replaced the last query"
    );
    s.keys("\x03");
    s.wait_exit();
}

mod memory {
    use super::*;
    use std::path::{Path, PathBuf};

    fn home(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zhizao-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn start(state: &Path, args: &[&str]) -> Session {
        Session::start(args, &[("XDG_STATE_HOME", state.to_str().unwrap())])
    }

    fn state_file(state: &Path) -> PathBuf {
        state.join("zhizao").join("bundled.json")
    }

    #[test]
    fn reopening_brings_back_the_paragraph_the_bookmark_and_the_search() {
        let state = home("roundtrip");
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("/austin");
        s.wait_for("奥斯汀");
        s.keys("\r");
        s.wait_for("n/N");
        s.keys("m");
        s.wait_for("已加书签");
        let top = s.screen().lines().nth(2).unwrap().to_owned();
        s.keys("q");
        assert!(s.wait_exit().success());

        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        assert_eq!(
            s.screen().lines().nth(2).unwrap(),
            top,
            "the same paragraph on top"
        );
        s.keys("'");
        s.wait_for(" 书签 ");
        s.wait_for("三是创新驱动力");
        s.keys("\x1b");
        std::thread::sleep(Duration::from_millis(100));
        s.keys("/\x15");
        s.wait_for("输入汉字");
        s.send(b"\x1b[A");
        s.wait_for("/ austin");
        s.keys("\x03");
        s.wait_exit();
        std::fs::remove_dir_all(&state).unwrap();
    }

    /// A study session: select two sentences, write a note in Chinese (a
    /// line break with Alt-Enter), quit; reopened, view 4 has it, and the
    /// command line's digest and export carry it.
    #[test]
    fn a_note_written_survives_quitting_and_reaches_the_digest() {
        let state = home("notes");
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        // Past the editor's note to the first paragraphs.
        s.keys("jjjjjj");
        s.keys("v");
        s.wait_for("已选");
        s.keys("j");
        s.keys("a");
        s.wait_for("笔记 ［重点］");
        s.keys("先看地位");
        // Alt-Enter, as a terminal sends it.
        s.send(b"\x1b\r");
        s.keys("再看部署");
        s.keys("\r");
        s.wait_for("笔记已保存");
        s.keys("q");
        assert!(s.wait_exit().success());
        let file = state.join("zhizao").join("bundled.notes.json");
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(written.contains("先看地位\\n再看部署"), "{written}");

        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("4");
        s.wait_for("1 条笔记");
        s.wait_for("先看地位");
        s.wait_for("再看部署");
        s.keys("\r");
        s.wait_for("重");
        s.keys("q");
        s.wait_exit();

        let cli = |args: &[&str]| {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhizao"))
                .args(args)
                .env("XDG_STATE_HOME", &state)
                .output()
                .unwrap();
            assert!(out.status.success(), "{args:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        let digest = cli(&["notes"]);
        assert!(digest.starts_with("# 学习笔记"), "{digest}");
        assert!(
            digest.contains("> 制造业是立国之本") && digest.contains("先看地位"),
            "{digest}"
        );
        assert!(digest.contains("## 《奋力打造全球智造创新之都"), "{digest}");
        let export = cli(&["export", "capital", "--with-notes"]);
        assert!(export.contains("==制造业是立国之本"), "{export}");
        assert!(
            export.contains("]: 〔重点〕 先看地位<br>再看部署"),
            "{export}"
        );
        let csv = cli(&["notes", "--format", "csv"]);
        // One record (its note's line break quoted inside it).
        assert_eq!(csv.matches("urn:zhizao:note:").count(), 1, "{csv}");
        assert!(csv.contains("\"先看地位\n再看部署\""), "{csv}");
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn sigterm_restores_the_terminal_and_saves() {
        let state = home("sigterm");
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("2");
        s.wait_for("国内先进城市");
        let pid = s.child.process_id().unwrap();
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert_eq!(s.wait_exit().exit_code(), 143);
        s.assert_terminal_restored();
        let saved = std::fs::read_to_string(state_file(&state)).unwrap();
        assert!(saved.contains("\"view\":\"compare\""), "{saved}");
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn a_corrupt_state_file_is_set_aside_and_said_once() {
        let cases: [(&str, &[u8]); 3] = [
            ("truncated", b"{\"format\": 1, \"searches\": [\"nb\""),
            ("garbage", b"\x00\xff\xfe binary \x1b[2J"),
            ("newer", b"{\"format\": 99}"),
        ];
        for (name, bytes) in cases {
            let state = home(name);
            std::fs::create_dir_all(state.join("zhizao")).unwrap();
            std::fs::write(state_file(&state), bytes).unwrap();
            let mut s = start(&state, &[]);
            s.wait_for("状态文件");
            s.keys("j");
            std::thread::sleep(Duration::from_millis(200));
            assert!(!s.screen().contains("状态文件"), "{name}: said once");
            s.keys("q");
            assert!(s.wait_exit().success(), "{name}");
            let kept: Vec<_> = std::fs::read_dir(state.join("zhizao"))
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
                .collect();
            assert_eq!(kept.len(), 1, "{name}: a copy is kept");
            assert_eq!(std::fs::read(kept[0].path()).unwrap(), bytes);
            assert!(
                std::fs::read_to_string(state_file(&state))
                    .unwrap()
                    .contains(&format!("\"format\":{}", zhizao::state::FORMAT))
            );
            std::fs::remove_dir_all(&state).unwrap();
        }
        // A folder where the file should be is set aside the same way.
        let state = home("folder");
        std::fs::create_dir_all(state_file(&state)).unwrap();
        let mut s = start(&state, &[]);
        s.wait_for("状态文件");
        s.keys("q");
        assert!(s.wait_exit().success());
        assert!(state_file(&state).is_file());
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn an_unwritable_state_folder_is_reported_and_the_reader_runs_on() {
        let state = home("blocked");
        // A file where the folder should be.
        std::fs::write(state.join("zhizao"), "not a folder").unwrap();
        let mut s = start(&state, &[]);
        s.wait_for("无法保存，本次不记住位置");
        s.keys(" ");
        s.wait_for("第 1/2 篇");
        s.keys("q");
        assert!(s.wait_exit().success());
        assert_eq!(
            std::fs::read_to_string(state.join("zhizao")).unwrap(),
            "not a folder"
        );
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn no_state_reads_and_writes_nothing() {
        let state = home("none");
        let mut s = start(&state, &["--no-state"]);
        s.wait_for("第 1/2 篇");
        s.keys("mq");
        assert!(s.wait_exit().success());
        assert!(!state.join("zhizao").exists());
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn a_session_left_in_the_place_index_reopens_there_with_its_mentions() {
        let state = home("places");
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("3");
        s.wait_for("段提及");
        s.keys("q");
        assert!(s.wait_exit().success());
        // Reopened on the place index: its mentions are found, not waited for.
        let mut s = start(&state, &[]);
        s.wait_for("段提及");
        s.keys("q");
        assert!(s.wait_exit().success());
        std::fs::remove_dir_all(&state).unwrap();
    }

    /// A FIFO at `path`, through the coreutils command.
    fn fifo(path: &Path) {
        let made = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(made.success());
    }

    #[test]
    fn links_planted_in_the_state_folder_are_never_written_through() {
        let state = home("links");
        let folder = state.join("zhizao");
        std::fs::create_dir_all(&folder).unwrap();
        let outside = state.join("outside.txt");
        std::fs::write(&outside, "theirs").unwrap();
        let lock_target = state.join("made-by-the-lock");
        std::os::unix::fs::symlink(&outside, state_file(&state)).unwrap();
        std::os::unix::fs::symlink(&lock_target, folder.join(".lock")).unwrap();
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("mq");
        assert!(s.wait_exit().success());
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "theirs");
        assert!(
            !lock_target.exists(),
            "a dangling lock link makes nothing outside"
        );
        let file = std::fs::symlink_metadata(state_file(&state)).unwrap();
        assert!(file.is_file(), "the link was replaced by our file");
        // Nothing but ours is left in the folder: no temporary file.
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".tmp"), "{name} left behind");
        }
        std::fs::remove_dir_all(&state).unwrap();
        // A folder made fresh is the user's alone.
        let state = home("mode");
        let mut s = start(&state, &[]);
        s.wait_for("第 1/2 篇");
        s.keys("q");
        assert!(s.wait_exit().success());
        let permissions = std::fs::metadata(state.join("zhizao"))
            .unwrap()
            .permissions();
        let mode = std::os::unix::fs::PermissionsExt::mode(&permissions);
        assert_eq!(mode & 0o777, 0o700);
        std::fs::remove_dir_all(&state).unwrap();
    }

    #[test]
    fn a_device_or_a_fifo_for_the_state_never_hangs_the_start() {
        for name in ["zero", "fifo-file", "fifo-lock"] {
            let state = home(name);
            let folder = state.join("zhizao");
            std::fs::create_dir_all(&folder).unwrap();
            match name {
                "zero" => std::os::unix::fs::symlink("/dev/zero", state_file(&state)).unwrap(),
                "fifo-file" => fifo(&state_file(&state)),
                _ => fifo(&folder.join(".lock")),
            }
            let started = Instant::now();
            let mut s = start(&state, &[]);
            s.wait_for("第 1/2 篇");
            assert!(started.elapsed() < Duration::from_secs(5), "{name}");
            if name != "fifo-lock" {
                assert!(
                    s.screen().contains("不是普通文件"),
                    "{name}:\n{}",
                    s.screen()
                );
            }
            s.keys("q");
            assert!(s.wait_exit().success(), "{name}");
            assert!(
                std::fs::symlink_metadata(state_file(&state))
                    .unwrap()
                    .is_file(),
                "{name}"
            );
            std::fs::remove_dir_all(&state).unwrap();
        }
    }

    #[test]
    fn a_lock_another_reader_holds_is_waited_for_a_while_then_the_reader_runs_on() {
        let state = home("held");
        let folder = state.join("zhizao");
        std::fs::create_dir_all(&folder).unwrap();
        let lock = std::fs::File::create(folder.join(".lock")).unwrap();
        lock.lock().unwrap();
        let started = Instant::now();
        let mut s = start(&state, &[]);
        s.wait_for("无法保存");
        assert!(started.elapsed() < Duration::from_secs(6));
        assert!(
            s.screen().contains("本次不记住位置：另一个 zhizao"),
            "{}",
            s.screen()
        );
        // Quitting ends at once: nothing more is tried.
        let quitting = Instant::now();
        s.keys("q");
        assert!(s.wait_exit().success());
        assert!(quitting.elapsed() < Duration::from_secs(1));
        drop(lock);
        std::fs::remove_dir_all(&state).unwrap();
    }
}

#[test]
fn y_copies_the_paragraph_with_its_source_through_osc_52() {
    use base64::Engine as _;
    let mut s = Session::start(&[], &[]);
    s.wait_for("第 1/2 篇");
    s.keys("y");
    s.wait_for("已复制");
    let raw = s.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    // Ended by ST (ESC \\) as crossterm writes it, or BEL as some do.
    let end = start + raw[start..].find(['\x1b', '\x07']).expect("its end");
    let text = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(&raw[start..end])
            .unwrap(),
    )
    .unwrap();
    assert!(
        text.starts_with("制造业是宁波竞争发展的优势所在、底气所在"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "——《奋力打造全球智造创新之都 推动宁波制造业高质量发展》（市工业和智能经济研究院课题组）"
        ),
        "{text}"
    );
    s.keys("q");
    s.wait_exit();
}

#[test]
fn a_bad_config_leaves_the_defaults_and_says_so() {
    let dir = std::env::temp_dir().join(format!("zhizao-pty-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, "theme = \"plaid\"\n").unwrap();
    let mut s = Session::start(&[], &[("ZHIZAO_CONFIG", path.to_str().unwrap())]);
    s.wait_for("设置文件有误");
    // Where, shortened from the left, in Chinese: no English on the bar.
    let short = format!(
        "…/zhizao-pty-config-{}/config.toml 第 1 行第 9 列",
        std::process::id()
    );
    s.wait_for("第 1 行第 9 列");
    assert!(s.screen().contains(&short), "{}", s.screen());
    let bar = s.screen().lines().last().unwrap_or_default().to_owned();
    assert!(
        !bar.contains("unknown") && !bar.contains("expected"),
        "{bar}"
    );
    // It stays past other keys, until Esc.
    s.keys("jj");
    std::thread::sleep(Duration::from_millis(200));
    assert!(s.screen().contains("设置文件有误"), "{}", s.screen());
    s.send(b"\x1b");
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.screen().contains("设置文件有误") {
        assert!(
            Instant::now() < deadline,
            "Esc dismisses it:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_big_collection_opens_on_its_first_article_while_the_rest_loads() {
    let dir = common::big_collection("progress", 600, "0-places.toml");
    let mut s = Session::start(&["--content", dir.to_str().unwrap()], &[]);
    s.wait_for("载入 ");
    s.wait_for("/ 601 篇");
    // Typing works meanwhile, and search says it covers only part.
    s.keys("/nb");
    s.wait_for("/ nb");
    s.wait_for("已载入");
    // Then the whole collection is there, the search run again over it
    // (a debug build takes 6-7 s alone to load and index the 600
    // articles, more beside the other tests: what is checked is that it
    // gets there, not how fast).
    s.wait_within("第 1/600 篇", Duration::from_secs(60));
    assert!(!s.screen().contains("已载入"), "{}", s.screen());
    // The place index finds its mentions in the whole collection on a
    // worker, and shows them.
    s.keys("\x1b");
    // Alone, not the Alt of the next key.
    std::thread::sleep(Duration::from_millis(200));
    s.keys("3");
    s.wait_for("段提及");
    s.keys("\x03");
    assert!(s.wait_exit().success());
    std::fs::remove_dir_all(&dir).unwrap();
}
