//! Completion in real shells, installed by docs/install.md's own lines on a
//! clean HOME: bash (interactive, with bash-completion, in a pseudo-terminal) and
//! fish complete node paths, places, formats and folders from the
//! collection the line being typed would read.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::pty::Session;
use portable_pty::CommandBuilder;

/// A clean HOME with `zhizao` on its PATH (by that name, as installed)
/// and every install line of docs/install.md run in it.
fn home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("zhizao-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_zhizao"), bin.join("zhizao")).unwrap();
    let install =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/install.md")).unwrap();
    let lines = install_lines(&install);
    assert!(lines.len() >= 4, "the README's install lines: {lines:?}");
    for line in &lines {
        let out = Command::new("bash")
            .args(["-c", line])
            .env_clear()
            .env("HOME", &home)
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .current_dir(&home)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{line}` failed on a clean HOME: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    home
}

/// The indented lines under "Shell completions and the manual page", with
/// their comments.
fn install_lines(readme: &str) -> Vec<String> {
    readme
        .lines()
        .skip_while(|l| !l.starts_with("Shell completions and the manual page"))
        .skip(2)
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim().to_owned())
        .collect()
}

/// A copy of the bundled content whose second article is `mofan`, not
/// `models`: only a completion that reads `--content` offers it.
fn renamed_copy(home: &Path) -> PathBuf {
    let dir = home.join("collection");
    std::fs::create_dir_all(&dir).unwrap();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in std::fs::read_dir(content).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replace("id = \"models\"", "id = \"mofan\"");
        std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
    }
    // A file that shares the folder's start: `--content` offers folders only.
    std::fs::write(home.join("collection.txt"), "not a folder").unwrap();
    dir
}

/// An interactive bash in a pseudo-terminal, typed into as a person would.
struct Bash(Session);

impl Bash {
    /// An empty screen but for the prompt.
    fn wait_for_prompt(&self) {
        self.0
            .wait_until(Duration::from_secs(10), "a prompt on a clear screen", |s| {
                s.trim() == "$"
            });
    }

    /// Types `line`, presses Tab, and returns the line as bash completed it.
    fn complete(&mut self, line: &str, want: &str) -> String {
        self.0.send(b"\x15\x0c"); // Ctrl-u, Ctrl-l
        self.wait_for_prompt();
        self.0.send(line.as_bytes());
        self.0.send(b"\t");
        let screen = self
            .0
            .wait_until(Duration::from_secs(10), want, |s| s.contains(want));
        screen
            .lines()
            .find(|l| l.contains(want))
            .unwrap_or_default()
            .trim_end()
            .to_owned()
    }
}

#[test]
fn bash_completes_from_the_collection_the_line_reads() {
    let script = Path::new("/usr/share/bash-completion/bash_completion");
    if !common::have("bash-completion", script.exists()) {
        return;
    }
    let home = home("bash");
    renamed_copy(&home);
    std::fs::write(
        home.join(".bashrc"),
        format!(". {}\nPS1='$ '\n", script.display()),
    )
    .unwrap();
    let mut cmd = CommandBuilder::new("bash");
    cmd.arg("-i");
    cmd.env_clear();
    cmd.env("HOME", &home);
    cmd.env("TERM", "xterm");
    cmd.env("PATH", format!("{}/bin:/usr/bin:/bin", home.display()));
    cmd.cwd(&home);
    let mut bash = Bash(Session::spawn(cmd, 150, 20));
    bash.0.wait_for("$");

    // A node path, as far as it is one; then the lessons under it on a second Tab.
    let line = bash.complete("zhizao show capital/lessons/fo", "foreign");
    assert!(
        line.ends_with("zhizao show capital/lessons/foreign"),
        "{line}"
    );
    bash.0.send(b"\t\t");
    bash.0.wait_for("capital/lessons/foreign/5");
    // From the collection `--content` names, not the bundled one.
    let line = bash.complete("zhizao --content collection show mo", "mofan");
    assert!(
        line.ends_with("zhizao --content collection show mofan"),
        "{line}"
    );
    let line = bash.complete("zhizao show mo", "models");
    assert!(line.ends_with("zhizao show models"), "{line}");
    // Places by hanzi and by English name; formats; folders only.
    let line = bash.complete("zhizao lessons --place 慕", "慕尼黑");
    assert!(line.ends_with("--place 慕尼黑"), "{line}");
    let line = bash.complete("zhizao lessons --place tsu", "tsukuba");
    assert!(line.ends_with("--place tsukuba"), "{line}");
    let line = bash.complete("zhizao export --format h", "html");
    assert!(line.ends_with("--format html"), "{line}");
    let line = bash.complete("zhizao --content coll", "collection/");
    assert!(line.ends_with("--content collection/"), "{line}");
}

#[test]
fn fish_completes_node_paths_and_places() {
    if !common::have("fish", common::on_path("fish")) {
        return;
    }
    let home = home("fish");
    renamed_copy(&home);
    let complete = |line: &str| -> Vec<String> {
        let out = Command::new("fish")
            .args(["-c", &format!("complete -C '{line}'")])
            .env_clear()
            .env("HOME", &home)
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", home.join("bin").display()),
            )
            .current_dir(&home)
            .output()
            .expect("fish runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
            .collect()
    };
    let lessons: Vec<String> = (1..=5)
        .map(|i| format!("capital/lessons/foreign/{i}"))
        .collect();
    assert_eq!(complete("zhizao show capital/lessons/foreign/"), lessons);
    assert_eq!(complete("zhizao lessons --place 筑"), ["筑波"]);
    assert_eq!(
        complete("zhizao --content collection export mofan/ideals/"),
        ["mofan/ideals/1", "mofan/ideals/2",]
    );
    assert!(
        complete("zhizao --content collection export mo")
            .iter()
            .all(|p| p.starts_with("mofan"))
    );
}
