//! Two versions of a real document side by side: the Statistics Law of
//! 2009 and as amended in 2024 (tests/fixtures/versions, its source in
//! SOURCE.md), each imported as a reader would, compared paragraph by
//! paragraph. Every article the amendment changed is found (against a list
//! made by reading, changed.tsv), nothing else is, and within a changed
//! pair only the changed words are marked.

use std::collections::BTreeSet;
use std::path::PathBuf;

use zhizao::compare::{Change, Item, Sides, versions};
use zhizao::content::Library;
use zhizao::import::{Options, import};

fn fixture(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versions");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Both versions imported as `zhizao import` writes them: file name and TOML.
fn imported() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (name, id) in [("old.txt", "tongji-2009"), ("new.txt", "tongji-2024")] {
        let imported = import(
            &fixture(name),
            &Options {
                id: Some(id),
                files_before: files.len(),
                ..Options::default()
            },
        );
        assert!(imported.problems.is_empty(), "{name} imports whole");
        files.extend(imported.files);
    }
    files
}

/// Both versions in one collection.
fn library() -> Library {
    Library::from_sources(imported().into_iter().map(|(n, t)| (PathBuf::from(n), t))).unwrap()
}

/// The article a paragraph opens (`第二十三条 …`), if it opens one.
fn article(text: &str) -> Option<String> {
    let rest = text.strip_prefix('第')?;
    let end = rest.find('条')?;
    rest[..end]
        .chars()
        .all(|c| "一二三四五六七八九十百".contains(c))
        .then(|| format!("第{}条", &rest[..end]))
}

#[test]
fn every_changed_article_is_found_and_nothing_else() {
    let lib = library();
    let [old, new] = ["tongji-2009", "tongji-2024"].map(|id| lib.find(id).unwrap());
    let sides = Sides::of(&lib, old, new);
    assert!(sides.versions, "two versions of one law");
    // Each row under the article it belongs to on the new side: a row
    // deleted from an article belongs to the article going on there.
    let mut current = [None, None];
    let mut found = BTreeSet::new();
    for row in &sides.rows {
        for (side, item) in row.items.iter().enumerate() {
            if let Some(Item::Text(a)) = item
                && let Some(n) = article(lib.text(*a).unwrap())
            {
                current[side] = Some(n);
            }
        }
        if row.change != Some(Change::Same) {
            found.insert(current[1].clone().expect("a change inside an article"));
        }
    }
    let judged: BTreeSet<String> = fixture("changed.tsv")
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(2).unwrap().to_owned())
        .collect();
    assert_eq!(judged.len(), 24, "21 changed and 3 added");
    assert_eq!(found, judged);
    assert_eq!(
        sides.changed(),
        sides
            .rows
            .iter()
            .filter(|r| r.change != Some(Change::Same))
            .count()
    );
}

#[test]
fn only_the_changed_words_are_marked() {
    let lib = library();
    let [old, new] = ["tongji-2009", "tongji-2024"].map(|id| lib.find(id).unwrap());
    let sides = Sides::of(&lib, old, new);
    let text = |item: Option<Item>| match item {
        Some(Item::Text(a)) => lib.text(a).unwrap(),
        _ => "",
    };
    let mut renumbered = 0;
    for row in &sides.rows {
        let [l, r] = row.items.map(text);
        let [taken, put] = versions::changed_bytes(l, r);
        let pieces = |t: &str, rs: &[std::ops::Range<usize>]| -> Vec<String> {
            rs.iter().map(|r| t[r.clone()].to_owned()).collect()
        };
        match row.change {
            // Unchanged but for its number (or a number it lost, as 第三条
            // became a second paragraph): only the number is marked.
            Some(Change::Same) if l != r => {
                for (t, rs) in [(l, &taken), (r, &put)] {
                    for piece in pieces(t, rs) {
                        assert!(
                            piece
                                .chars()
                                .all(|c| "第条一二三四五六七八九十百 ".contains(c)),
                            "{piece} in {t}"
                        );
                    }
                    let number = t.find('条').map_or(0, |b| b + '条'.len_utf8() + 1);
                    assert!(rs.iter().all(|r| r.end <= number), "{t}");
                }
                renumbered += 1;
            }
            Some(Change::Same) => assert!(taken.is_empty() && put.is_empty()),
            _ => {}
        }
    }
    assert!(
        renumbered >= 27,
        "the 27 articles only renumbered: {renumbered}"
    );
    // 第一条 as the judged list reads it: 加强统计监督 put in, 服务经济社会
    // 高质量发展, 推动全面建设社会主义现代化国家 for 促进社会主义现代化建设事业发展.
    let first = &sides.rows[sides
        .rows
        .iter()
        .position(|r| r.change == Some(Change::Changed))
        .unwrap()];
    let [l, r] = first.items.map(text);
    assert!(l.starts_with("第一条") && r.starts_with("第一条"));
    let [taken, put] = versions::changed_bytes(l, r);
    let joined = |t: &str, rs: &[std::ops::Range<usize>]| {
        rs.iter()
            .map(|r| &t[r.clone()])
            .collect::<Vec<_>>()
            .join("|")
    };
    assert_eq!(joined(l, &taken), "促进|建设事业发展");
    assert_eq!(joined(r, &put), "加强统计监督，|高质量|推动全面建设|国家");
}

#[test]
fn compare_prints_the_same_rows_as_json_markdown_and_html() {
    let dir = std::env::temp_dir().join(format!("zhizao-versions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lib_files = imported();
    for (name, text) in &lib_files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhizao"))
            .args(["--content"])
            .arg(&dir)
            .args(["compare", "tongji-2009", "tongji-2024", "--format", format])
            .env("XDG_CACHE_HOME", dir.join("cache"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let rows = json["rows"].as_array().unwrap();
    let lib = library();
    let [old, new] = ["tongji-2009", "tongji-2024"].map(|id| lib.find(id).unwrap());
    let sides = Sides::of(&lib, old, new);
    assert_eq!(rows.len(), sides.rows.len());
    assert_eq!(json["changed"], sides.changed());
    for (row, want) in rows.iter().zip(&sides.rows) {
        let change = serde_json::to_value(want.change).unwrap();
        assert_eq!(row["change"], change);
    }
    let markdown = run("markdown");
    assert_eq!(
        markdown.lines().count(),
        2 + sides.rows.len(),
        "a head, a rule and a line a row"
    );
    assert!(
        markdown.contains("~~促进~~") && markdown.contains("**加强统计监督，**"),
        "{markdown}"
    );
    let html = run("html");
    assert_eq!(html.matches("<tr>").count(), 1 + sides.rows.len());
    assert!(html.contains("<del>促进</del>") && html.contains("<ins>加强统计监督，</ins>"));
    let text = run("text");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("修改")).count(),
        rows.iter().filter(|r| r["change"] == "changed").count()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
