//! `zhizao import` on inputs that once hung it, ate memory, or wrote files
//! `check` refuses. Every test works in a `tempfile` folder of its own.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn zhizao(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(args)
        .current_dir(dir)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .output()
        .expect("zhizao runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A short page of one article.
const PAGE: &str = "论青年的担当\n\n青年是国家的未来。青年兴则国家兴。\n\n一、立大志\n\n立大志，方能成大事。\n\n二、明大德\n\n明大德，方能行正道。\n";

#[test]
fn endless_standard_input_stops_at_its_cap() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["import", "-", "--dry-run"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless stream: written until the reader stops reading.
    let writer = std::thread::spawn(move || {
        let chunk = "很".repeat(1 << 16);
        while stdin.write_all(chunk.as_bytes()).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("standard input is over the 64 MiB limit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_fifo_or_a_device_among_the_folders_files_never_hangs_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(out_dir.join("01-fifo.toml"))
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", out_dir.join("02-zero.toml")).unwrap();
    std::fs::write(dir.path().join("page.txt"), PAGE).unwrap();
    let out = zhizao(dir.path(), &["import", "page.txt", "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(written.iter().any(|n| n.starts_with("03-")), "{written:?}");
}

#[test]
fn a_page_whose_article_would_pass_the_file_cap_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("标题\n\n");
    for i in 1..=50_000 {
        let _ = write!(
            page,
            "第{i}部分\n\n这是第{i}部分的内容，一段正文，内容足够长。\n\n"
        );
    }
    std::fs::write(dir.path().join("page.txt"), page).unwrap();
    let out = zhizao(dir.path(), &["import", "page.txt", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("over the 8 MiB a content file may hold"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn past_99_articles_file_order_is_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    // Twelve articles first, numbered 01 to 12; then 100 more.
    let page = |i: usize| format!("第{i}篇文章的标题\n\n这是第{i}篇文章的正文。\n");
    let mut names = Vec::new();
    for i in 1..=112 {
        let name = format!("page{i}.txt");
        std::fs::write(dir.path().join(&name), page(i)).unwrap();
        names.push(name);
    }
    let mut first: Vec<&str> = vec!["import"];
    first.extend(names[..12].iter().map(String::as_str));
    first.extend(["-o", "out"]);
    assert!(zhizao(dir.path(), &first).status.success());
    let mut rest: Vec<&str> = vec!["import"];
    rest.extend(names[12..].iter().map(String::as_str));
    rest.extend(["-o", "out"]);
    let out = zhizao(dir.path(), &rest);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("so file order stays reading order"));
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 112);
    assert!(
        files[0].starts_with("001-") && files[111].starts_with("112-"),
        "{files:?}"
    );
    // The collection reads in the order the pages were given.
    let list = zhizao(dir.path(), &["--content", "out", "list"]);
    let titles: Vec<String> = String::from_utf8_lossy(&list.stdout)
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains("篇文章的标题"))
        .map(str::to_owned)
        .collect();
    assert_eq!(titles.len(), 112);
    for (i, t) in titles.iter().enumerate() {
        assert!(t.contains(&format!("第{}篇文章的标题", i + 1)), "{i}: {t}");
    }
}

#[test]
fn markdown_entities_are_read_as_the_characters_they_stand_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.md"),
        "# 标题\n\n正文中的&lt;尖括号&gt;、&copy; 2024 与 &#x4E2D;文&amp;字。\n",
    )
    .unwrap();
    let out = zhizao(dir.path(), &["import", "page.md", "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = zhizao(dir.path(), &["--content", "out", "show", "biaoti"]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains("正文中的<尖括号>、© 2024 与 中文&字。"),
        "{}",
        String::from_utf8_lossy(&shown.stdout)
    );
}

#[test]
fn a_page_of_many_short_parts_imports_whole() {
    // The shape that once took a minute and more: 40,000 numbered lines.
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("标题\n\n");
    for i in 1..=40_000 {
        let _ = writeln!(page, "{i}、第{i}部分的内容，说明一些情况。");
    }
    std::fs::write(dir.path().join("page.txt"), page).unwrap();
    let out = zhizao(dir.path(), &["import", "page.txt", "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = zhizao(
        dir.path(),
        &["--content", "out", "export", "--format", "text"],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("1、第1部分的内容"), "the first part is there");
    assert!(
        text.contains("40000、第40000部分"),
        "the last part is there"
    );
}

#[test]
fn renumbering_keeps_the_order_the_folder_is_read_in() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("col");
    std::fs::create_dir_all(&out_dir).unwrap();
    // Read in name order: 1-x, 10-y, 2-z.
    for (name, id) in [("1-x", "x"), ("2-z", "z"), ("10-y", "y")] {
        std::fs::write(
            out_dir.join(format!("{name}.toml")),
            format!(
                "[article]\nid = \"{id}\"\ntitle = \"题{id}\"\nparagraphs = [\"正文{id}。\"]\n"
            ),
        )
        .unwrap();
    }
    let titles = |dir: &Path| -> Vec<String> {
        let out = zhizao(dir, &["--content", "col", "list"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !l.starts_with(' '))
            .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
            .filter(|path| !path.contains('/'))
            .collect()
    };
    let before = titles(dir.path());
    std::fs::write(dir.path().join("page.txt"), PAGE).unwrap();
    let out = zhizao(
        dir.path(),
        &["import", "page.txt", "-o", "col", "--id", "new"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = titles(dir.path());
    assert_eq!(after[..before.len()], before[..], "the old order stays");
    assert_eq!(after.last().map(String::as_str), Some("new"), "{after:?}");
}

/// An article file with a name of its own (no number), between numbered
/// ones in name order; a renaming whose new name is another's old name;
/// an id too long for a file name: the folder's order kept, nothing
/// renamed before what could fail has been tried.
#[test]
fn renumbering_keeps_unnumbered_files_in_place_and_fails_before_renaming() {
    let article = |id: &str| {
        format!("[article]\nid = \"{id}\"\ntitle = \"题{id}\"\nparagraphs = [\"正文{id}。\"]\n")
    };
    let paths = |dir: &Path| -> Vec<String> {
        let out = zhizao(dir, &["--content", "col", "list"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
            .filter(|path| !path.contains('/'))
            .collect()
    };
    for files in [
        &[
            ("9-a.toml", "aaa"),
            ("10-b.toml", "bbb"),
            ("5x.toml", "xxx"),
        ][..],
        &[("02-b.toml", "bbb"), ("1-c.toml", "ccc")][..],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let col = dir.path().join("col");
        std::fs::create_dir_all(&col).unwrap();
        for (name, id) in files {
            std::fs::write(col.join(name), article(id)).unwrap();
        }
        let before = paths(dir.path());
        std::fs::write(dir.path().join("page.txt"), PAGE).unwrap();
        let out = zhizao(
            dir.path(),
            &["import", "page.txt", "-o", "col", "--id", "new"],
        );
        assert!(out.status.success(), "{files:?}: {}", stderr(&out));
        let after = paths(dir.path());
        assert_eq!(
            after[..before.len()],
            before[..],
            "{files:?}: the old order stays"
        );
        assert_eq!(after.last().map(String::as_str), Some("new"));
        // An id too long for a file name is refused before anything moves.
        let names = |col: &Path| {
            let mut n: Vec<String> = std::fs::read_dir(col)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            n.sort();
            n
        };
        let was = names(&col);
        let long = "a".repeat(300);
        let out = zhizao(
            dir.path(),
            &["import", "page.txt", "-o", "col", "--id", &long],
        );
        assert!(!out.status.success());
        assert_eq!(names(&col), was, "nothing renamed");
    }
}

/// A folder with places of its own: new lessons link to them, and the
/// folder still passes `check`, even when asked for the bundled places.
#[test]
fn a_folder_with_its_own_places_still_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let col = dir.path().join("col");
    std::fs::create_dir_all(&col).unwrap();
    std::fs::write(
        col.join("places.toml"),
        "[[place]]\nid = \"ningbo\"\nname = \"宁波\"\nscope = \"domestic\"\nours = { english = \"Ningbo\", country = \"China\", country_zh = \"中国\" }\n",
    )
    .unwrap();
    std::fs::write(
        col.join("1-a.toml"),
        "[article]\nid = \"a\"\ntitle = \"题\"\nparagraphs = [\"宁波正文。\"]\n",
    )
    .unwrap();
    // The bundled report as a page: its lessons name 裕廊, 筑波 and more.
    let shown = zhizao(dir.path(), &["show", "capital"]);
    let page = String::from_utf8_lossy(&shown.stdout).into_owned();
    std::fs::write(dir.path().join("page.txt"), page).unwrap();
    let out = zhizao(
        dir.path(),
        &["import", "page.txt", "-o", "col", "--places", "bundled"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("places of its own"),
        "{}",
        stderr(&out)
    );
    let check = zhizao(dir.path(), &["--content", "col", "check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_page_nested_past_what_is_read_in_linear_time_is_refused_with_its_depth() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>深处的正文，一句。</p></body></html>",
        "<div>".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.html"), page).unwrap();
    let out = zhizao(dir.path(), &["import", "deep.html", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the page nests its elements 100002 deep"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn a_page_s_scripts_styles_and_navigation_are_never_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><title>标题_网站</title><style>p { content: '样式里的字'; }</style></head><body>\
        <nav><a href='/'>首页导航</a></nav><script>var s = '脚本里的字，不是正文。';</script>\
        <article><h1>真正的标题</h1><p>正文第一段，有逗号，也有句号。</p><p>正文第二段，同样如此。</p>\
        <p>控制字符\u{1b}[31m不会到终端。</p></article><footer>版权所有，页脚的字。</footer></body></html>";
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    let out = zhizao(dir.path(), &["import", "page.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let toml = String::from_utf8_lossy(&out.stdout);
    assert!(toml.contains("title = \"真正的标题\""), "{toml}");
    for never in ["样式里的字", "脚本里的字", "首页导航", "页脚的字", "\u{1b}"] {
        assert!(!toml.contains(never), "{never} in {toml}");
    }
    let dry = zhizao(dir.path(), &["import", "--dry-run", "page.html"]);
    assert!(String::from_utf8_lossy(&dry.stdout).contains("read as HTML"));
}
