//! The headless command line: the real binary, its output and exit codes.

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
        format!("{}{}", node.heading.as_ref().unwrap(), node.paragraphs[0])
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
        "bundled content: ok, 2 articles, 58 sections, 11 places\n"
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
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["show", "capital", "--width", "10"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
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
    assert!(suzhou.starts_with("苏州 · 1 条启示 · 2 处提及"));
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
