//! `zhizao import` on real pages nobody here wrote (tests/fixtures/real,
//! each source in SOURCES.md): web copies, hard-wrapped text, PDF text
//! layers from three extractors, Markdown, HTML and pages of several
//! articles. Each imports without refusal, passes `check`, accounts for
//! every character, gives the titles, article count and top-level outline
//! judged by reading it (expect.tsv), and keeps every sentence of the page.

use std::path::{Path, PathBuf};

use zhizao::import::{Article, Imported, Options, Section, import};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

fn run(text: &str, strict: bool) -> Imported {
    import(
        text,
        &Options {
            strict,
            ..Options::default()
        },
    )
}

/// Text without whitespace: what recall compares.
fn bare(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn section_text(s: &Section, out: &mut String) {
    out.push_str(&bare(&s.heading.text));
    out.push('\n');
    for p in &s.paragraphs {
        out.push_str(&bare(&p.text));
        out.push('\n');
    }
    for c in &s.sections {
        section_text(c, out);
    }
}

/// Every field of the authors' words an article holds, one a line.
fn article_text(a: &Article) -> String {
    let mut out = String::new();
    for f in [&a.title, &a.deck, &a.byline, &a.affiliation, &a.editor_note]
        .into_iter()
        .flatten()
        .chain(&a.notes)
        .chain(&a.paragraphs)
    {
        out.push_str(&bare(&f.text));
        out.push('\n');
    }
    for s in &a.sections {
        section_text(s, &mut out);
    }
    out
}

fn title(a: &Article) -> String {
    a.title
        .as_ref()
        .map_or_else(|| "-".to_owned(), |t| t.text.clone())
}

/// The sentences of a page's own text: cut at sentence ends and line
/// ends, whitespace and Markdown's (and an outline's `* `) marks aside, those of four characters
/// or more.
fn sentences(page: &str, markdown: bool) -> Vec<String> {
    let mut out = Vec::new();
    // Markdown's front matter is the page's metadata, not its text.
    let skip = if markdown && page.starts_with("---") {
        page.lines()
            .skip(1)
            .position(|l| l.trim_end() == "---")
            .map_or(0, |e| e + 2)
    } else {
        0
    };
    for line in page.lines().skip(skip) {
        let line = if markdown {
            link_text(line.trim_start_matches(['#', '>', '-', '*', ' '])).replace("**", "")
        } else {
            // An outline's star before a heading (`* 小结`) is a mark too.
            let line = line.trim_start();
            line.strip_prefix("* ").unwrap_or(line).to_owned()
        };
        let mut s = String::new();
        for c in line.chars() {
            if !c.is_whitespace() {
                s.push(c);
            }
            if matches!(c, '。' | '！' | '？' | '；') {
                out.push(std::mem::take(&mut s));
            }
        }
        out.push(s);
    }
    // Rules and the dot leaders of a table of contents are no sentences.
    out.retain(|s| {
        s.chars().count() >= 4
            && !s.starts_with("<!--")
            && s.chars().any(char::is_alphanumeric)
            && !s.contains("......")
            && !s.contains("……")
    });
    out
}

/// A Markdown link as its text: `[官方链接](https://…)` is `官方链接`.
fn link_text(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

struct Expected {
    file: String,
    articles: usize,
    titles: Vec<String>,
    outline: Vec<Vec<String>>,
    /// `ok`, or `gap: …`: a structure not read right yet (said in the
    /// table); its text is still whole.
    gap: bool,
}

fn expected() -> Vec<Expected> {
    let table = std::fs::read_to_string(dir().join("expect.tsv")).expect("expect.tsv");
    table
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let outline = cols[3]
                .split(" || ")
                .map(|o| {
                    if o.trim() == "-" {
                        Vec::new()
                    } else {
                        o.split('|').map(bare).collect()
                    }
                })
                .collect();
            Expected {
                file: cols[0].to_owned(),
                articles: cols[1].parse().expect("a count"),
                titles: cols[2].split(" | ").map(str::to_owned).collect(),
                outline,
                gap: cols[4].starts_with("gap"),
            }
        })
        .collect()
}

/// What is wrong with one fixture's import: with its text (refused, not
/// passing `check`, not adding up, sentences missing), and with its
/// structure (articles, titles, outline).
fn judge(e: &Expected) -> (Vec<String>, Vec<String>) {
    let path = dir().join(&e.file);
    let page = std::fs::read_to_string(&path).expect("fixture");
    let imported = run(&page, false);
    let mut wrong = Vec::new();
    let mut shape = Vec::new();
    if !imported.problems.is_empty() {
        wrong.push(format!("refused: {:?}", imported.problems));
    }
    if let Some(check) = &imported.check {
        wrong.push(format!("check: {check}"));
    }
    if !imported.adds_up() {
        wrong.push(imported.coverage());
    }
    if imported.articles.len() != e.articles {
        shape.push(format!(
            "{} articles, not {}: {:?}",
            imported.articles.len(),
            e.articles,
            imported.articles.iter().map(title).collect::<Vec<_>>()
        ));
    }
    for (i, want) in e.titles.iter().enumerate() {
        let got = imported.articles.get(i).map(title).unwrap_or_default();
        if bare(&got) != bare(want) {
            shape.push(format!("title {}: {got:?}, not {want:?}", i + 1));
        }
    }
    for (i, want) in e.outline.iter().enumerate() {
        let got: Vec<String> = imported
            .articles
            .get(i)
            .map(|a| a.sections.iter().map(|s| bare(&s.heading.text)).collect())
            .unwrap_or_default();
        let fits =
            got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g.starts_with(w.as_str()));
        if !fits {
            shape.push(format!("outline {}: {got:?}, not {want:?}", i + 1));
        }
    }
    // Recall: each sentence of the page's own text in the import.
    let reference = ["html", "htm"]
        .contains(&path.extension().and_then(|e| e.to_str()).unwrap_or(""))
        .then(|| std::fs::read_to_string(path.with_extension("txt")).expect("the page's text"));
    // `pdftotext -layout` sets two columns side by side on each line: its
    // sentences are read from MuPDF's text of the same PDF, column by column.
    let reference = reference.or_else(|| {
        let name = e.file.strip_prefix("pdf-pdftotext-")?;
        std::fs::read_to_string(dir().join(format!("pdf-mupdf-{name}"))).ok()
    });
    let markdown = path.extension().is_some_and(|e| e == "md");
    let mut own = sentences(reference.as_deref().unwrap_or(&page), markdown);
    // Lines judged by reading to be a page's furniture, not its text
    // (a journal's running header: volume, issue, date).
    let source = e.file.replace("pdf-pdftotext-", "pdf-mupdf-");
    let furniture = std::fs::read_to_string(dir().join("furniture.tsv")).expect("furniture.tsv");
    let furniture: Vec<String> = furniture
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(f, _)| *f == source)
        .map(|(_, line)| bare(line))
        .collect();
    own.retain(|s| !furniture.contains(s));
    let text: String = imported.articles.iter().map(article_text).collect();
    let joined = bare(&text);
    let missing: Vec<&String> = own
        .iter()
        .filter(|s| !text.contains(s.as_str()) && !joined.contains(s.as_str()))
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let recall = 1.0 - missing.len() as f64 / own.len().max(1) as f64;
    let floor = if e.file.starts_with("pdf-") {
        0.98
    } else {
        1.0
    };
    if recall < floor {
        wrong.push(format!(
            "recall {recall:.3} < {floor}: {} of {} missing, e.g. {:?}",
            missing.len(),
            own.len(),
            missing.iter().take(8).collect::<Vec<_>>()
        ));
    }
    (wrong, shape)
}

#[test]
fn every_real_page_imports_whole_with_the_structure_a_reader_sees() {
    let all = expected();
    assert!(all.len() >= 12, "at least twelve real pages");
    let mut failed = Vec::new();
    for e in &all {
        let (mut wrong, shape) = judge(e);
        // A gap the table names is still a gap: once read right, the
        // table says so.
        match (e.gap, shape.is_empty()) {
            (false, false) => wrong.extend(shape),
            (true, true) => wrong.push("read right now: mark it `ok` in expect.tsv".into()),
            _ => {}
        }
        if !wrong.is_empty() {
            failed.push(format!("{}:\n  {}", e.file, wrong.join("\n  ")));
        }
    }
    let ok = all.iter().filter(|e| !e.gap).count();
    assert!(ok >= 12, "{ok} pages read right; at least twelve");
    assert!(
        failed.is_empty(),
        "{} of {} pages:\n{}",
        failed.len(),
        all.len(),
        failed.join("\n")
    );
}

#[test]
fn every_fixture_has_its_source_named() {
    let sources = std::fs::read_to_string(dir().join("SOURCES.md")).expect("SOURCES.md");
    for e in expected() {
        assert!(
            sources.contains(&e.file),
            "{} has no source in SOURCES.md",
            e.file
        );
        assert!(
            Path::new(&dir().join(&e.file)).is_file(),
            "{} is missing",
            e.file
        );
    }
}

fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .current_dir(dir)
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn every_real_page_imports_from_the_command_line_and_passes_check() {
    let out = tempfile::tempdir().expect("temp dir");
    for e in expected() {
        let page = dir().join(&e.file);
        let target = out.path().join(e.file.replace('.', "-"));
        let t = target.to_str().expect("utf-8");
        let import = cli(
            out.path(),
            &["import", page.to_str().expect("utf-8"), "-o", t],
        );
        assert!(
            import.status.success(),
            "{}: {}",
            e.file,
            String::from_utf8_lossy(&import.stderr)
        );
        let check = cli(out.path(), &["check", t]);
        assert!(
            check.status.success(),
            "{}: {}",
            e.file,
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn a_page_whose_lists_break_imports_with_warnings_and_strict_refuses_it() {
    let out = tempfile::tempdir().expect("temp dir");
    let page = dir().join("web-zhonggong-guowuyuan-xiangcun-zhenxing.txt");
    let p = page.to_str().expect("utf-8");
    let lax = cli(out.path(), &["import", "--dry-run", p]);
    assert!(lax.status.success());
    let said = String::from_utf8_lossy(&lax.stderr);
    // The warning names the false heading's line and text, and the
    // ordinal it broke.
    assert!(
        said.contains(":16: warning: `——坚持农业农村优先发展。` read as text, not a heading: `三、` at line 22"),
        "{said}"
    );
    let strict = cli(out.path(), &["import", "--dry-run", "--strict", p]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("nothing written"));
}

#[test]
fn a_dry_run_lists_each_dropped_line_as_text_and_the_files_say_it_too() {
    let out = tempfile::tempdir().expect("temp dir");
    let page = dir().join("pdf-mupdf-ndrc-haiwai-hegui-zhiyin.txt");
    let p = page.to_str().expect("utf-8");
    let dry = cli(out.path(), &["import", "--dry-run", p]);
    let shown = String::from_utf8_lossy(&dry.stdout);
    assert!(
        shown.contains("    line 11, table of contents: 目录\n"),
        "{shown}"
    );
    assert!(shown.contains("    line 2, page number: 1\n"), "{shown}");
    let written = cli(out.path(), &["import", p]);
    let toml = String::from_utf8_lossy(&written.stdout);
    assert!(toml.contains("# Dropped as layout, not the authors' text"));
    assert!(toml.contains("#   11, table of contents: 目录\n"), "{toml}");
}
