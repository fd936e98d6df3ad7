//! The README and the docs say only what is true: the capture is the
//! reader's real first screen, every command runs as written from a clone,
//! every link leads to a file, and the key list is the key table's.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::pty::Session;
use portable_pty::CommandBuilder;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fenced blocks of a Markdown text whose info string is `lang`.
fn blocks(text: &str, lang: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() == format!("```{lang}") {
            out.push(
                lines
                    .by_ref()
                    .take_while(|l| !l.starts_with("```"))
                    .map(str::to_owned)
                    .collect(),
            );
        }
    }
    out
}

#[test]
fn the_readme_is_a_first_page_under_150_lines() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(lines < 150, "the README has {lines} lines");
    let first: Vec<&str> = readme.lines().take(4).collect();
    assert!(
        first[2].trim_start().starts_with("cargo run --release"),
        "{first:?}"
    );
    assert!(first[3].trim_start().starts_with("cargo test"), "{first:?}");
}

#[test]
fn the_capture_is_the_reader_as_it_opens_at_100x30() {
    let readme = read("README.md");
    let capture = blocks(&readme, "text")
        .into_iter()
        .next()
        .expect("a capture in a ```text block");
    let drawn = common::screen(&common::draw(&common::app(100, 30)));
    let drawn: Vec<&str> = drawn.lines().map(str::trim_end).collect();
    assert_eq!(
        capture,
        drawn,
        "the README's capture is out of date; it should read:\n{}",
        drawn.join("\n")
    );
}

#[test]
fn every_key_is_in_docs_keys_from_the_table() {
    let keys = read("docs/keys.md");
    let table = zhizao::keys::Keymap::default().markdown();
    assert!(
        keys.contains(&table),
        "docs/keys.md is out of date; its table should read:\n{table}"
    );
}

#[test]
fn every_link_in_the_readme_and_the_docs_leads_to_a_file() {
    for doc in [
        "README.md",
        "docs/guide.md",
        "docs/design.md",
        "docs/speed.md",
        "docs/keys.md",
        "docs/install.md",
    ] {
        let text = read(doc);
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(doc);
        let dir = dir.parent().unwrap();
        for (i, _) in text.match_indices("](") {
            let rest = &text[i + 2..];
            let target = &rest[..rest.find(')').unwrap()];
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            assert!(
                dir.join(target).exists(),
                "{doc} links to {target}, which is not there"
            );
        }
    }
}

/// A command line from the README, with the binary the clone built in
/// place of `./target/release/zhizao` or `cargo run --release --`.
fn as_built(line: &str) -> Option<String> {
    let line = line.split(" # ").next().unwrap_or(line).trim();
    let bin = env!("CARGO_BIN_EXE_zhizao");
    for prefix in ["./target/release/zhizao", "cargo run --release --"] {
        if let Some(rest) = line.strip_prefix(prefix) {
            return Some(format!("{bin}{rest}"));
        }
    }
    None
}

/// Whether a command line opens the reader: no command after the options.
fn opens_the_reader(line: &str) -> bool {
    let mut words = line.split_whitespace().skip(1);
    while let Some(w) = words.next() {
        match w {
            "--content" | "--theme" | "--ambiwidth" | "--config" => {
                words.next();
            }
            "--no-state" => {}
            _ => return false,
        }
    }
    true
}

/// A fresh folder standing for a clone's top: the repository's `tests`
/// (where the examples' pages are) and a HOME of its own.
fn clone_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhizao-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("home")).unwrap();
    std::os::unix::fs::symlink(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        dir.join("tests"),
    )
    .unwrap();
    dir
}

#[test]
fn every_command_in_the_readme_runs_as_written() {
    let readme = read("README.md");
    let dir = clone_dir();
    let home = dir.join("home");
    let env = [
        ("HOME", home.clone()),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CACHE_HOME", home.join("cache")),
        ("XDG_CONFIG_HOME", home.join("config")),
    ];
    let mut ran = 0;
    for line in blocks(&readme, "sh").concat() {
        let Some(command) = as_built(&line) else {
            panic!("`{line}` does not run the binary a clone builds");
        };
        if opens_the_reader(&command) {
            let mut cmd = CommandBuilder::new("sh");
            cmd.args(["-c", &format!("exec {command}")]);
            cmd.cwd(&dir);
            cmd.env("TERM", "xterm-256color");
            for (k, v) in &env {
                cmd.env(k, v);
            }
            let mut s = Session::spawn(cmd, 100, 30);
            s.wait_until(Duration::from_secs(20), "the tab bar", |screen| {
                screen.contains("阅读")
            });
            s.keys("q");
            let status = s.wait_exit();
            assert!(status.success(), "`{line}` exited {status:?}");
        } else {
            let out = Command::new("sh")
                .args(["-c", &command])
                .current_dir(&dir)
                .envs(env.iter().map(|(k, v)| (k, v)))
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "`{line}` failed ({}):\n{}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !out.stdout.is_empty() || !out.stderr.is_empty(),
                "`{line}` said nothing"
            );
        }
        ran += 1;
    }
    assert!(ran >= 10, "ran {ran} commands from the README");
    let _ = std::fs::remove_dir_all(&dir);
}
