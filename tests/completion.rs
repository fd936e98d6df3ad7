//! Completion in real shells, installed by the README's own lines on a
//! clean HOME: bash (interactive, with bash-completion, under tmux) and
//! fish complete node paths, places, formats and folders from the
//! collection the line being typed would read.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A clean HOME with `zhizao` on its PATH (by that name, as installed)
/// and every install line of the README run in it.
fn home(name: &str) -> PathBuf {
    let home = std::env::temp_dir().join(format!("zhizao-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_zhizao"), bin.join("zhizao")).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let lines = install_lines(&readme);
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

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's last line that has text, once it shows `want`.
    fn wait_for(&self, want: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let pane = self.run(&["capture-pane", "-p"]);
            if pane.contains(want) {
                return pane;
            }
            assert!(
                Instant::now() < deadline,
                "waited for `{want}`; the pane:\n{pane}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// An empty screen but for the prompt (tmux trims its trailing space).
    fn wait_for_prompt(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.run(&["capture-pane", "-p"]).trim() != "$" {
            assert!(Instant::now() < deadline, "no prompt on a clear screen");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `line`, presses Tab, and returns the line as bash completed it.
    fn complete(&self, line: &str, want: &str) -> String {
        self.run(&["send-keys", "C-u", "C-l"]);
        self.wait_for_prompt();
        self.run(&["send-keys", "-l", line]);
        self.run(&["send-keys", "Tab"]);
        let pane = self.wait_for(want);
        pane.lines()
            .find(|l| l.contains(want))
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn bash_completes_from_the_collection_the_line_reads() {
    let script = Path::new("/usr/share/bash-completion/bash_completion");
    assert!(
        script.exists(),
        "bash-completion is installed (.ci/run installs it)"
    );
    let home = home("bash");
    renamed_copy(&home);
    std::fs::write(
        home.join(".bashrc"),
        format!(". {}\nPS1='$ '\n", script.display()),
    )
    .unwrap();
    let tmux = Tmux {
        socket: format!("zhizao-completion-{}", std::process::id()),
    };
    let shell = format!(
        "env -i HOME={0} TERM=xterm PATH={0}/bin:/usr/bin:/bin bash -i",
        home.display()
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "150",
        "-y",
        "20",
        "-c",
        home.to_str().unwrap(),
        &shell,
    ]);
    tmux.wait_for("$");

    // A node path, as far as it is one; then the lessons under it on a second Tab.
    let line = tmux.complete("zhizao show capital/lessons/fo", "foreign");
    assert!(
        line.ends_with("zhizao show capital/lessons/foreign"),
        "{line}"
    );
    tmux.run(&["send-keys", "Tab", "Tab"]);
    tmux.wait_for("capital/lessons/foreign/5");
    // From the collection `--content` names, not the bundled one.
    let line = tmux.complete("zhizao --content collection show mo", "mofan");
    assert!(
        line.ends_with("zhizao --content collection show mofan"),
        "{line}"
    );
    let line = tmux.complete("zhizao show mo", "models");
    assert!(line.ends_with("zhizao show models"), "{line}");
    // Places by hanzi and by English name; formats; folders only.
    let line = tmux.complete("zhizao lessons --place 慕", "慕尼黑");
    assert!(line.ends_with("--place 慕尼黑"), "{line}");
    let line = tmux.complete("zhizao lessons --place tsu", "tsukuba");
    assert!(line.ends_with("--place tsukuba"), "{line}");
    let line = tmux.complete("zhizao export --format h", "html");
    assert!(line.ends_with("--format html"), "{line}");
    let line = tmux.complete("zhizao --content coll", "collection/");
    assert!(line.ends_with("--content collection/"), "{line}");
}

#[test]
fn fish_completes_node_paths_and_places() {
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
            .expect("fish is installed (.ci/run installs it)");
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
