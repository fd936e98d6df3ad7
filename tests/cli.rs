//! The headless command line: the real binary, its output and exit codes.

mod common;

use std::process::{Command, Output, Stdio};

use zhizao::content::Library;
use zhizao::wrap::Widths;

fn zhizao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn list_shows_every_node_with_its_path() {
    let out = zhizao(&["list"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lib = Library::bundled().unwrap();
    for node in &lib.nodes {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("{} ", node.path))),
            "missing {}",
            node.path
        );
    }
    let line = text
        .lines()
        .find(|l| l.starts_with("capital/lessons/foreign/3 "))
        .unwrap();
    assert!(
        line.ends_with("      三是 注重推动大中小企业融通发展"),
        "indented by depth: {line}"
    );
    assert!(
        text.contains("勇做民族复兴的先锋模范〔拟题〕"),
        "the derived title is marked"
    );
}

#[test]
fn show_follows_the_breaking_rules_at_every_width() {
    let lib = Library::bundled().unwrap();
    for path in ["capital", "models", "capital/lessons/foreign/3"] {
        for width in (10..=100).step_by(3) {
            let out = zhizao(&["show", path, "--width", &width.to_string()]);
            assert!(out.status.success());
            let text = stdout(&out);
            for line in text.lines() {
                assert!(
                    Widths::default().str(line) <= width.min(80),
                    "{path} at {width}: {line}"
                );
                assert!(
                    !line.starts_with(['，', '。', '、', '；', '：', '”', '）', '》']),
                    "{path} at {width}: {line}"
                );
                assert!(
                    !line.ends_with(['“', '（', '《']),
                    "{path} at {width}: {line}"
                );
            }
        }
    }
    let one = stdout(&zhizao(&[
        "show",
        "capital/lessons/foreign/3",
        "--width",
        "40",
    ]));
    let node = lib.node(lib.find("capital/lessons/foreign/3").unwrap());
    assert_eq!(
        one.replace(['\n', '\u{3000}'], ""),
        format!(
            "{}{}",
            node.heading.as_ref().unwrap(),
            node.paragraphs.first().unwrap()
        )
    );
}

#[test]
fn show_of_an_unknown_path_is_a_usage_error() {
    let out = zhizao(&["show", "capital/nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "zhizao: no node at path `capital/nope`; `zhizao list` shows every path\n"
    );
}

#[test]
fn check_passes_on_the_bundled_content_and_fails_with_status_2() {
    let ok = zhizao(&["check"]);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(
        stdout(&ok),
        "bundled content: ok, 2 articles, 58 sections, 22 places\n"
    );
    let content = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
    assert_eq!(zhizao(&["check", content]).status.code(), Some(0));
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad/escape");
    let out = zhizao(&["check", bad]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("a.toml:4:18: control character U+001B in paragraph"),
        "{err}"
    );
    assert!(
        !err.contains('\u{1b}'),
        "the escape must not reach the terminal"
    );
    assert_eq!(zhizao(&["--content", bad, "list"]).status.code(), Some(2));
}

#[test]
fn help_version_and_usage_errors() {
    let help = zhizao(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
    let version = zhizao(&["--version"]);
    assert_eq!(
        stdout(&version),
        format!("zhizao {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(zhizao(&["frobnicate"]).status.code(), Some(1));
    assert_eq!(
        zhizao(&["show", "capital", "--width", "x"]).status.code(),
        Some(1)
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let runs: &[&[&str]] = &[
        &["show", "capital", "--width", "10"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "elvish"],
        &["man"],
        &["export", "--format", "json"],
        &["lessons"],
        &["list"],
    ];
    for args in runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn lessons_as_a_two_column_table_json_and_by_place() {
    for width in [40u16, 80, 100, 160] {
        let out = zhizao(&["lessons", "--width", &width.to_string()]);
        assert!(out.status.success());
        let text = stdout(&out);
        for line in text.lines() {
            assert!(
                Widths::default().str(line) <= usize::from(width),
                "{width}: {line}"
            );
            let bar = line.find(" │ ").expect("two columns");
            assert_eq!(
                Widths::default().str(&line[..bar]),
                (usize::from(width) - 3) / 2,
                "the divider lines up: {line}"
            );
        }
    }
    let suzhou = stdout(&zhizao(&["lessons", "--place", "Suzhou"]));
    // English, as the command line speaks; the name quoted as printed.
    assert!(
        suzhou.starts_with("苏州 (Suzhou): 1 lesson, 3 mentions\n"),
        "{suzhou}"
    );
    let austin = stdout(&zhizao(&["lessons", "--place", "austin"]));
    assert!(
        austin.starts_with("奥斯汀 (Austin): 2 lessons, 3 mentions\n"),
        "{austin}"
    );
    assert!(suzhou.contains("注重打造制造业品牌") && !suzhou.contains("注重培育世界级产业"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&zhizao(&["lessons", "--json", "--place", "筑波"]))).unwrap();
    let paths: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "capital/lessons/foreign/1",
            "capital/lessons/foreign/4",
            "capital/lessons/foreign/5"
        ]
    );
    assert_eq!(json[0]["examples"][1]["place"], "tsukuba");
    assert_eq!(
        zhizao(&["lessons", "--place", "atlantis"]).status.code(),
        Some(1)
    );
}

mod hostile {
    use std::path::{Path, PathBuf};
    use std::process::Command;

    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("zhizao-hostile-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// `zhizao check DIR`, with a deadline: a hang is a failure, not a stuck run.
    fn check(dir: &Path) -> (Option<i32>, String) {
        let child = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(["check", dir.to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(child.wait_with_output()));
        let Ok(out) = rx.recv_timeout(std::time::Duration::from_secs(20)) else {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("check hung on {}", dir.display());
        };
        let out = out.unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text)
    }

    /// No byte of the output is a control character but the line break.
    fn assert_clean(text: &str) {
        for c in text.chars() {
            assert!(
                c == '\n' || !(c.is_control() || zhizao::sanitize::is_forbidden(c)),
                "control character U+{:04X} in:\n{text}",
                u32::from(c)
            );
        }
    }

    const ARTICLE: &str = "[article]\nid = \"a\"\ntitle = \"标题\"\nparagraphs = [\"正文\"]\n";

    #[test]
    fn a_fifo_and_a_device_are_refused_not_read() {
        let dir = folder("special");
        std::fs::write(dir.join("a.toml"), ARTICLE).unwrap();
        let made = Command::new("mkfifo")
            .arg(dir.join("f.toml"))
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", dir.join("z.toml")).unwrap();
        let (code, text) = check(&dir);
        assert_eq!(code, Some(2), "{text}");
        assert!(text.contains("f.toml: not a regular file"), "{text}");
        assert!(text.contains("z.toml: not a regular file"), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn escapes_in_keys_values_ordinals_and_file_names_never_reach_the_terminal() {
        let dir = folder("escapes");
        // An unknown key, an enum value and an ordinal, each carrying OSC 52
        // (a clipboard write) or a screen clear; and a file named with ESC.
        std::fs::write(
            dir.join("a.toml"),
            format!("{ARTICLE}\"\\u001b]52;c;SGk=\\u0007\" = 1\n"),
        )
        .unwrap();
        std::fs::write(
            dir.join("b.toml"),
            "[[place]]\nid = \"p\"\nname = \"地\"\nscope = \"\\u001b]52;c;SGk=\\u0007\"\n[place.ours]\nenglish = \"P\"\ncountry = \"C\"\ncountry_zh = \"国\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("c.toml"),
            "[article]\nid = \"c\"\ntitle = \"题\"\n[[section]]\nid = \"s\"\nordinal = \"一是\"\nheading = \"一是甲\"\n[[section]]\nid = \"t\"\nordinal = \"\\u001b[2J\"\nheading = \"\\u001b[2J乙\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("d\u{1b}[2J.toml"), "not = [toml").unwrap();
        let (code, text) = check(&dir);
        assert_eq!(code, Some(2), "{text}");
        assert_clean(&text);
        for file in ["a.toml:", "b.toml:", "c.toml:", "d\u{fffd}[2J.toml:"] {
            assert!(text.contains(file), "{file} reported:\n{text}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn every_schema_error_in_a_file_is_reported() {
        let dir = folder("schema");
        std::fs::write(
            dir.join("a.toml"),
            "[article]\nid = \"a\"\ntitle = 3\n[[section]]\nid = \"s\"\n[[section]]\nid = \"t\"\nheading = \"乙\"\nsubtitle = \"x\"\n",
        )
        .unwrap();
        let (code, text) = check(&dir);
        assert_eq!(code, Some(2));
        assert!(text.contains("a.toml:3:9: invalid type"), "{text}");
        assert!(text.contains("missing field `heading`"), "{text}");
        assert!(text.contains("unknown field `subtitle`"), "{text}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn many_errors_are_capped_and_long_lines_cut() {
        let dir = folder("many");
        let bad = vec!["\"\\u001b\""; 3000].join(", ");
        std::fs::write(
            dir.join("a.toml"),
            format!("[article]\nid = \"a\"\ntitle = \"题\"\nparagraphs = [{bad}]\n"),
        )
        .unwrap();
        let (code, text) = check(&dir);
        assert_eq!(code, Some(2));
        assert!(
            text.contains("… and 2000 more"),
            "{}",
            &text[text.len() - 200..]
        );
        assert!(text.contains("3000 errors"));
        let longest = text.lines().map(str::len).max().unwrap_or(0);
        assert!(longest < 400, "an echoed line is {longest} bytes");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn tabs_and_line_separators_become_spaces() {
        let dir = folder("tabs");
        std::fs::write(
            dir.join("a.toml"),
            "[article]\nid = \"a\"\ntitle = \"标题\"\nparagraphs = [\"宁波\\t智造\\u2028创新\"]\n",
        )
        .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args([
                "--content",
                dir.to_str().unwrap(),
                "show",
                "a",
                "--width",
                "20",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("宁波 智造创新"), "{text}");
        assert_clean(&text);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn opening_a_hostile_folder_prints_clean_errors_before_the_terminal() {
        let dir = folder("startup");
        std::fs::write(
            dir.join("a.toml"),
            format!("{ARTICLE}\"\\u001b]52;c;SGk=\\u0007\" = 1\n"),
        )
        .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(["--content", dir.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("unknown field"), "{text}");
        assert_clean(&text);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_terminal_the_reader_says_what_to_use_instead() {
        let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("needs a terminal"), "{text}");
        assert!(text.contains("zhizao show"), "{text}");
    }
}

#[test]
fn search_json_positions_index_the_snippet_and_hits_have_a_rank() {
    let out = zhizao(&["search", "nb", "--limit", "5", "--json"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows.len(), 5);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["rank"], i + 1);
        assert!(row.get("score").is_none());
        let snippet: Vec<char> = row["snippet"].as_str().unwrap().chars().collect();
        let marked: String = row["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| snippet[usize::try_from(p.as_u64().unwrap()).unwrap()])
            .collect();
        assert_eq!(marked, "宁波", "row {i}: {row}");
    }
}

#[test]
fn a_search_that_finds_nothing_says_so_on_stderr() {
    let out = zhizao(&["search", "xyzzyq"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "zhizao: nothing matches `xyzzyq`\n"
    );
}

#[test]
fn a_slip_is_corrected_and_says_so() {
    // (`ningob` now finds the place 宁波 the page names, which answers to
    // its English name's slips as a place does.)
    let out = zhizao(&["search", "chaungxin", "--limit", "1", "--json"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows[0]["corrected"], "chuangxin");
    let out = zhizao(&["search", "chaungxin", "--limit", "1"]);
    assert!(
        stdout(&out).starts_with("nothing matches `chaungxin`; did you mean 创新?"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn lessons_take_a_place_as_the_picker_does_and_name_the_candidates() {
    for typed in ["suzhou", "苏州", "Suzhou", "szhou"] {
        let out = zhizao(&["lessons", "--place", typed]);
        assert!(out.status.success(), "{typed}");
        assert!(stdout(&out).starts_with("苏州 (Suzhou): "), "{typed}");
    }
    let out = zhizao(&["lessons", "--place", "sz"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("深圳") && err.contains("苏州"), "{err}");
}

mod settings {
    use super::*;

    fn file(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("zhizao-config-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn config_check_passes_a_good_file_and_lists_every_problem_of_a_bad_one() {
        let good = file(
            "good",
            "theme = \"light\"\nmeasure = 60\n[keys]\nquit = \"x\"\nsearch = [\"/\", \"ctrl-f\"]\n",
        );
        let out = zhizao(&["config", "check", good.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bad = file(
            "bad",
            "theme = \"blue\"\n[keys]\nwat = \"y\"\nquit = \"j\"\n",
        );
        let out = zhizao(&["config", "check", bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("config.toml:1:9: theme `blue`: dark or light"),
            "{err}"
        );
        assert!(
            err.contains("config.toml:3:1: unknown action `wat`"),
            "{err}"
        );
        assert!(
            err.contains("config.toml:4:8: `j` for `quit` is also"),
            "{err}"
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with("zhizao: ") && l.ends_with(" errors")),
            "{err}"
        );
    }

    #[test]
    fn keys_no_terminal_can_send_are_refused_and_ctrl_c_always_quits() {
        use zhizao::keys::Mode;
        let modes = [
            "quit",
            "suspend",
            "search_box.quit",
            "picker.quit",
            "search_box.suspend",
        ];
        let text: String = std::iter::once("[keys]\n".to_owned())
            .chain(modes.iter().map(|m| format!("{m:?} = \"ctrl-中\"\n")))
            .collect();
        let bad = file("unsendable", &text);
        let out = zhizao(&["config", "check", bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err.matches("unknown key `ctrl-中`").count(),
            modes.len(),
            "{err}"
        );
        // Whatever a file binds, Ctrl-c quits in every mode.
        let mut keys = zhizao::keys::Keymap::default();
        for m in modes {
            keys.rebind(m, vec![zhizao::keys::Key::parse("x").unwrap()])
                .unwrap();
        }
        let ctrl_c = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char('c'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        );
        for mode in [
            Mode::Reader,
            Mode::Search,
            Mode::Picker,
            Mode::Help,
            Mode::Compare,
        ] {
            assert!(
                matches!(
                    keys.action_for(&[mode, Mode::Global], &ctrl_c),
                    Some(zhizao::action::Action::Quit)
                ),
                "{mode:?}"
            );
        }
    }

    #[test]
    fn config_default_names_every_setting_and_binding() {
        let out = zhizao(&["config", "default"]);
        assert!(out.status.success());
        let text = stdout(&out);
        for setting in ["theme", "ambiwidth", "measure", "indent", "mouse"] {
            assert!(text.contains(&format!("# {setting} = ")), "{setting}");
        }
        for (name, _, _) in zhizao::keys::Keymap::default().entries() {
            assert!(text.contains(&format!("# {name} = [")), "{name}");
        }
        // As it is, all commented out, it checks clean.
        let path = file("default", &text);
        assert!(
            zhizao(&["config", "check", path.to_str().unwrap()])
                .status
                .success()
        );
    }

    #[test]
    fn completions_and_the_man_page_name_every_subcommand() {
        let subcommands = [
            "list",
            "show",
            "search",
            "lessons",
            "export",
            "completions",
            "man",
            "config",
            "check",
        ];
        // Each script calls this binary back with the shell's name.
        for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
            let out = zhizao(&["completions", shell]);
            assert!(out.status.success(), "{shell}");
            let text = stdout(&out);
            assert!(
                text.contains(env!("CARGO_BIN_EXE_zhizao")),
                "{shell}: {text}"
            );
            assert!(text.contains("COMPLETE"), "{shell}: {text}");
        }
        // And the binary, asked, offers every subcommand.
        let asked = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(["--", "zhizao", ""])
            .env("COMPLETE", "fish")
            .output()
            .unwrap();
        let offered: Vec<String> = stdout(&asked)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
            .collect();
        for sub in subcommands {
            assert!(
                offered.iter().any(|o| o == sub),
                "completion lacks {sub}: {offered:?}"
            );
        }
        let out = zhizao(&["man"]);
        assert!(out.status.success());
        let page = stdout(&out);
        assert!(page.starts_with(".ie") || page.contains(".TH"), "roff");
        for sub in subcommands {
            assert!(
                page.contains(&format!("zhizao\\-{sub}")) || page.contains(sub),
                "man lacks {sub}"
            );
        }
    }

    #[test]
    fn export_one_node_as_text_and_refuse_an_unknown_one() {
        let out = zhizao(&["export", "capital/lessons/foreign/3", "--format", "text"]);
        assert!(out.status.success());
        assert!(stdout(&out).contains("三是注重推动大中小企业融通发展"));
        let out = zhizao(&["export", "no/such/node"]);
        assert_eq!(out.status.code(), Some(1));
    }
}

/// A big collection is kept as a binary copy, which is never stale: an
/// edited file is read again, and a damaged copy is passed over.
#[test]
fn a_big_collections_copy_never_shows_stale_text() {
    let dir = common::big_collection("cached", 200, "places.toml");
    let cache = dir.with_extension("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let search = |query: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args([
                "--content",
                dir.to_str().unwrap(),
                "search",
                query,
                "--limit",
                "1",
            ])
            .env("XDG_CACHE_HOME", &cache)
            .output()
            .unwrap();
        (out.status.code(), stdout(&out))
    };
    // The copies of libraries (beside them, a record of the files' metadata).
    let copies = || {
        std::fs::read_dir(cache.join("zhizao")).map_or(0, |d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("library-"))
                .count()
        })
    };
    let (code, first) = search("裕廊");
    assert_eq!((code, copies()), (Some(0), 1), "{first}");
    assert_eq!(
        search("裕廊"),
        (Some(0), first.clone()),
        "the copy reads the same"
    );
    // An edit the copy does not have: found at once.
    let edited = common::report_copy(7).replacen("课题组", "课题组甬江实验室", 1);
    std::fs::write(common::report_file(&dir, 7), edited).unwrap();
    let (code, found) = search("甬江实验室");
    assert_eq!(code, Some(0), "{found}");
    assert!(found.contains("c7"), "{found}");
    // At once again, the same number of bytes: the copy is still not used.
    let same_length = common::report_copy(7).replacen("课题组", "课题组甬江研究院", 1);
    std::fs::write(common::report_file(&dir, 7), same_length).unwrap();
    let (code, again) = search("甬江研究院");
    assert_eq!(code, Some(0), "{again}");
    std::fs::write(
        common::report_file(&dir, 7),
        common::report_copy(7).replacen("课题组", "课题组甬江实验室", 1),
    )
    .unwrap();
    // Every copy damaged: passed over, the files read, a sound copy written.
    for copy in std::fs::read_dir(cache.join("zhizao")).unwrap() {
        let path = copy.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x20;
        std::fs::write(&path, bytes).unwrap();
    }
    assert_eq!(search("甬江实验室"), (Some(0), found));
    assert_eq!(search("裕廊").0, Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn a_query_past_the_cap_is_refused_with_its_length() {
    let flood = "ningbo".repeat(20_000);
    let out = zhizao(&["search", &flood]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("120000 characters") && err.contains("at most 2048"),
        "{err}"
    );
}

#[test]
fn a_folder_named_with_escape_sequences_never_reaches_the_terminal_raw() {
    // OSC 52 (a clipboard write), a screen clear and a C1 control in the name.
    let name = "evil\u{1b}]52;c;SGk=\u{7}\u{1b}[2J\u{9b}31m";
    let root = std::env::temp_dir().join(format!("zhizao-evil-{}", std::process::id()));
    let dir = root.join(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in zhizao::content::BUNDLED {
        std::fs::write(dir.join(file), text).unwrap();
    }
    // And one bad file, so errors quote the folder too.
    let broken = root.join(format!("{name}-broken"));
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("x.toml"), "[article\n").unwrap();
    let d = dir.to_str().unwrap();
    let b = broken.to_str().unwrap();
    let missing = format!("{d}-missing");
    let no_config = format!("{d}/no-such.toml");
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", d],
        vec!["check", b],
        vec!["--content", d, "list"],
        vec!["--content", d, "show", "capital"],
        vec!["--content", d, "search", "nb"],
        vec!["--content", d, "search", "nb", "--json"],
        vec!["--content", d, "lessons"],
        vec!["--content", d, "export", "--format", "markdown"],
        vec!["--content", d, "export", "--format", "html"],
        vec!["--content", b, "list"],
        vec!["--content", &missing, "list"],
        vec!["--config", &no_config, "config", "check"],
        vec!["config", "check", &no_config],
    ];
    for args in runs {
        let out = zhizao(&args);
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let raw = text
                .chars()
                .find(|&c| c != '\n' && zhizao::sanitize::is_forbidden(c));
            assert!(raw.is_none(), "{args:?} {what}: {raw:?} in\n{text}");
        }
    }
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn paths_are_exact_and_a_named_settings_file_must_be_there() {
    for args in [
        &["show", "/capital"][..],
        &["show", "capital/"],
        &["export", "capital//"],
    ] {
        let out = zhizao(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no node at path"),
            "{args:?}"
        );
    }
    let missing =
        std::env::temp_dir().join(format!("zhizao-no-config-{}.toml", std::process::id()));
    let out = zhizao(&["--config", missing.to_str().unwrap(), "list"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a named file that is missing is an error"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-config"));
    let bad = std::env::temp_dir().join(format!("zhizao-bad-config-{}.toml", std::process::id()));
    std::fs::write(&bad, "theme = \"blue\"\n").unwrap();
    let out = zhizao(&["--config", bad.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("config.toml")
            || String::from_utf8_lossy(&out.stderr).contains("1:9")
    );
    // The usual file, broken, is said and passed over.
    let home = std::env::temp_dir().join(format!("zhizao-config-home-{}", std::process::id()));
    std::fs::create_dir_all(home.join("zhizao")).unwrap();
    std::fs::write(home.join("zhizao/config.toml"), "measure = \"wide\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .arg("list")
        .env("XDG_CONFIG_HOME", &home)
        .env_remove("ZHIZAO_CONFIG")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("defaults are used") && err.contains("config check"),
        "{err}"
    );
    let _ = std::fs::remove_file(&bad);
    std::fs::remove_dir_all(&home).unwrap();
}

#[test]
fn nesting_past_the_parsers_limit_is_reported_where_it_is() {
    let dir = std::env::temp_dir().join(format!("zhizao-nest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    std::fs::write(
        dir.join("a.toml"),
        format!("[article]\nid = \"t\"\ntitle = \"标题\"\nparagraphs = [\"一\"]\n\nx = {deep}\n"),
    )
    .unwrap();
    let out = zhizao(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.toml:6:"), "{err}");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!("theme = \"dark\"\n\n[keys]\nquit = {deep}\n"),
    )
    .unwrap();
    let out = zhizao(&["config", "check", config.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("config.toml:4:"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lessons_filtered_by_a_place_keep_a_rule_between_the_pairs_kept() {
    let out = zhizao(&["lessons", "--place", "austin", "--width", "100"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let rules = text.lines().filter(|l| l.starts_with('─')).count();
    let pairs = text
        .lines()
        .filter(|l| {
            ["一是", "二是", "三是", "四是", "五是"]
                .iter()
                .any(|o| l.starts_with(o))
        })
        .count();
    assert_eq!(pairs, 2, "{text}");
    assert_eq!(
        rules, pairs,
        "a rule after each pair kept, as after every pair: {text}"
    );
}

#[test]
fn search_json_meta_says_when_the_list_was_cut_and_check_counts_in_words() {
    let out = zhizao(&["search", "nb", "--limit", "5", "--json", "--json-meta"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["shown"], 5);
    assert!(v["total"].as_u64().unwrap() > 5);
    assert_eq!(v["hits"].as_array().unwrap().len(), 5);
    // The plain form says it in words.
    let out = zhizao(&["search", "nb", "--limit", "5"]);
    assert!(stdout(&out).contains("(5 of "), "{}", stdout(&out));
    let dir = std::env::temp_dir().join(format!("zhizao-one-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.toml"),
        "[article]\nid = \"t\"\ntitle = \"标题\"\nparagraphs = [\"一\"]\n",
    )
    .unwrap();
    let out = zhizao(&["check", dir.to_str().unwrap()]);
    assert!(
        stdout(&out).contains("ok, 1 article, 0 sections, 0 places"),
        "{}",
        stdout(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn config_check_reports_every_problem_in_one_run_and_one_error_a_clash() {
    let dir = std::env::temp_dir().join(format!("zhizao-all-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "theme = \"blue\"\nmesure = 70\n[keys]\nquit = \"j\"\nsearch = [\"/\", \"ctrl-q\", \"bogus-key\"]\n",
    )
    .unwrap();
    let out = zhizao(&["config", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml:1:9: theme `blue`"), "{err}");
    assert!(
        err.contains("config.toml:2:1: unknown setting `mesure`; did you mean `measure`?"),
        "{err}"
    );
    assert_eq!(
        err.matches("`j` for `quit` is also").count(),
        1,
        "one error names all: {err}"
    );
    assert!(
        err.contains("config.toml:5:26: unknown key `bogus-key`"),
        "the caret at the element: {err}"
    );
    assert!(err.contains("zhizao: 4 errors"), "{err}");
    // No settings file: said, with where it was looked for.
    std::fs::remove_file(&path).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["config", "check"])
        .env("XDG_CONFIG_HOME", &dir)
        .env_remove("ZHIZAO_CONFIG")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        stdout(&out).starts_with("no settings file: looked for"),
        "{}",
        stdout(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_commands_help_lists_only_the_options_that_change_it() {
    for command in ["export", "list", "search", "show", "lessons", "check"] {
        let out = zhizao(&[command, "--help"]);
        let help = stdout(&out);
        assert!(out.status.success(), "{command}");
        for reader_only in ["--theme", "--no-state"] {
            assert!(
                !help.contains(reader_only),
                "{command} --help lists {reader_only}:\n{help}"
            );
        }
        assert!(help.contains("--content"), "{command}");
    }
    // The reader's own options are the top level's.
    let help = stdout(&zhizao(&["--help"]));
    assert!(help.contains("--theme") && help.contains("--no-state"));
}

#[test]
fn the_manual_page_has_the_sections_a_reader_expects_and_the_keys_in_force() {
    let out = zhizao(&["man"]);
    assert!(out.status.success());
    let page = stdout(&out);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH EXAMPLES",
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH EXIT STATUS",
    ] {
        assert!(page.contains(section), "{section}");
    }
    // Pages that do not exist are not named; roff is not Markdown.
    assert!(!page.contains("zhizao\\-list(1)") && !page.contains('`'));
    // Options with their placeholders; the examples kept as lines.
    assert!(page.contains("\\fB\\-\\-content\\fR \\fIDIR\\fR"));
    assert!(page.contains(".nf\nzhizao "));
    // Every binding of the key table, under its mode.
    for (_, _, help) in zhizao::keys::Keymap::default().entries() {
        assert!(page.contains(help), "{help}");
    }
    for var in ["NO_COLOR", "ZHIZAO_CONFIG", "XDG_STATE_HOME"] {
        assert!(page.contains(var), "{var}");
    }
}

#[test]
fn check_reports_an_unknown_field_and_a_duplicate_id_of_one_file_in_one_run() {
    let dir = std::env::temp_dir().join(format!("zhizao-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.toml"),
        "[article]\nid = \"t\"\ntitle = \"标题\"\nparagraphs = [\"一\"]\nwat = 1\n\n\
         [[section]]\nid = \"a\"\nheading = \"甲\"\nparagraphs = [\"二\"]\n\n\
         [[section]]\nid = \"a\"\nheading = \"乙\"\nparagraphs = [\"三\"]\n",
    )
    .unwrap();
    let out = zhizao(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a.toml:5:1: unknown field `wat`"), "{err}");
    assert!(err.contains("a.toml:13:6: duplicate id `a`"), "{err}");
    assert!(err.contains("zhizao: 2 errors"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `zhizao notes`: add for scripts (with a clear error when the words are
/// not there or occur more than once), the digest, CSV and JSON, an
/// import merged by id, and export with the notes in it.
#[test]
fn notes_from_the_command_line() {
    let state = std::env::temp_dir().join(format!("zhizao-cli-notes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&state);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(args)
            .env("XDG_STATE_HOME", &state)
            .output()
            .unwrap()
    };
    let out = run(&["notes", "add", "models/ideals/1", "--quote", "不存在的话"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`不存在的话` is not in the text of `models/ideals/1`")
    );
    let out = run(&["notes", "add", "models/ideals/1", "--quote", "政治"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("occurs 3 times in `models/ideals/1`; say which with --nth 1 to --nth 3")
    );
    let out = run(&[
        "notes",
        "add",
        "models/ideals/1",
        "--quote",
        "政治立场决定政治行为",
        "--note",
        "立场在先",
        "--kind",
        "金句",
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).starts_with("urn:zhizao:note:"));
    assert!(
        run(&[
            "notes",
            "add",
            "models/ideals/2",
            "--quote",
            "人民",
            "--nth",
            "1"
        ])
        .status
        .success()
    );

    let digest = stdout(&run(&["notes"]));
    assert!(digest.starts_with("# 学习笔记\n"), "{digest}");
    // The source is said once, in the heading above its quotes.
    let once = "› 首先，站稳政治立场。\n\n> 政治立场决定政治行为\n\n立场在先";
    assert!(
        digest.contains(once) && !digest.contains("> ——"),
        "{digest}"
    );
    assert!(digest.contains("立场在先\n\n*金句 · "), "{digest}");
    let only = stdout(&run(&["notes", "--kind", "金句", "--format", "text"]));
    assert!(
        only.contains("立场在先") && !only.contains("「人民」"),
        "{only}"
    );
    let under = stdout(&run(&["notes", "models/ideals/2", "--format", "csv"]));
    assert_eq!(under.matches("urn:zhizao:note:").count(), 1, "{under}");

    // The JSON is W3C annotations, and imports back by id: nothing doubled.
    let json = stdout(&run(&["notes", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["items"].as_array().unwrap().len(), 2);
    let file = state.join("export.json");
    std::fs::write(&file, &json).unwrap();
    let out = stdout(&run(&["notes", "import", file.to_str().unwrap()]));
    let said = "read 2 notes: 0 new, 0 newer than ours, 2 already here; the collection has 2 now\n";
    assert_eq!(out, said);
    std::fs::write(&file, "{\"type\": \"Other\"}").unwrap();
    let out = run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an AnnotationCollection"));

    let html = stdout(&run(&[
        "export",
        "models/ideals/1",
        "--with-notes",
        "--format",
        "html",
    ]));
    assert!(
        html.contains("<mark>政治立场决定政治行为</mark><sup><a href=\"#note-1\">1</a></sup>"),
        "{html}"
    );
    assert!(html.contains("<li id=\"note-1\">〔金句〕立场在先</li>"));
    let json = stdout(&run(&[
        "export",
        "models",
        "--with-notes",
        "--format",
        "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["study_notes"].as_array().map(Vec::len), Some(2));
    // Without the flag, the authors' words alone.
    assert!(!stdout(&run(&["export", "models/ideals/1"])).contains("=="));
    std::fs::remove_dir_all(&state).unwrap();
}
