//! `zhizao import`: each fixture (the bundled page's own text, as the seed
//! prints it, as clean paragraphs, as Markdown, re-wrapped, each article
//! alone) passes `check`, accounts for every character, and gives the
//! bundled page's tree; and any collection exported as text or Markdown
//! imports back to itself.

use std::path::PathBuf;

use proptest::prelude::*;
use zhizao::content::{BUNDLED, Library, NodeId};
use zhizao::import::{Format, Imported, Options, import};

fn bundled() -> Library {
    Library::bundled().expect("bundled content loads")
}

fn places() -> Library {
    bundled().places_only()
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run(text: &str, format: Format, places: &Library) -> Imported {
    import(
        text,
        &Options {
            format,
            places: Some(places),
            ..Options::default()
        },
    )
}

/// The imported files as `check` reads them, with the places.
fn loaded(imported: &Imported, places: &Library) -> Library {
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert!(
        imported.check.is_none(),
        "{}",
        imported
            .check
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    let mut sources: Vec<(PathBuf, String)> = imported
        .files
        .iter()
        .map(|(n, t)| (PathBuf::from(n), t.clone()))
        .collect();
    sources.push(("places.toml".into(), zhizao::import::places_file(places)));
    Library::from_sources(sources).expect("the imported files load")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Characters of the authors' text in a collection, whitespace aside.
fn authors_chars(lib: &Library) -> usize {
    let mut n = 0;
    for a in &lib.articles {
        if !a.title.derived {
            n += squeeze(&a.title.text).chars().count();
        }
        for f in [&a.deck, &a.byline, &a.affiliation, &a.editor_note]
            .into_iter()
            .flatten()
        {
            n += squeeze(f).chars().count();
        }
        n += a
            .notes
            .iter()
            .map(|t| squeeze(t).chars().count())
            .sum::<usize>();
    }
    for node in &lib.nodes {
        if node.depth > 0 {
            n += squeeze(node.heading.as_deref().unwrap_or_default())
                .chars()
                .count();
        }
        n += node
            .paragraphs
            .iter()
            .map(|p| squeeze(p).chars().count())
            .sum::<usize>();
    }
    n
}

/// Each node below an article: the headings down to it with its ordinal,
/// and its text.
fn tree(lib: &Library, article: usize) -> Vec<(String, String)> {
    let root = lib.articles[article].root;
    lib.subtree(root)
        .into_iter()
        .filter(|&n| n != root)
        .map(|n: NodeId| {
            let chain: Vec<String> = lib
                .ancestry(n)
                .into_iter()
                .filter(|&a| a != root)
                .map(|a| {
                    let node = lib.node(a);
                    format!(
                        "{}|{}",
                        node.ordinal.as_deref().unwrap_or_default(),
                        squeeze(node.heading.as_deref().unwrap_or_default())
                    )
                })
                .collect();
            let node = lib.node(n);
            let text: String = node.paragraphs.iter().map(squeeze).collect();
            (chain.join(" › "), text)
        })
        .collect()
}

/// The article of `theirs` that is `ours`'s: same printed title, or same byline.
fn same_article(ours: &Library, a: usize, theirs: &Library) -> Option<usize> {
    let mine = &ours.articles[a];
    theirs.articles.iter().position(|t| {
        (!mine.title.derived
            && !t.title.derived
            && squeeze(&mine.title.text) == squeeze(&t.title.text))
            || (mine.byline.is_some() && mine.byline == t.byline)
    })
}

/// The share of the bundled articles' nodes found (headings and ordinals
/// under the same headings), and the share whose text is also the same.
fn shares(expected: &Library, articles: &[usize], got: &Library) -> (f64, f64) {
    let (mut total, mut found, mut same) = (0u32, 0u32, 0u32);
    for &a in articles {
        let want = tree(expected, a);
        total += u32::try_from(want.len()).expect("few nodes");
        let Some(b) = same_article(expected, a, got) else {
            continue;
        };
        let have = tree(got, b);
        for (chain, text) in &want {
            if let Some((_, t)) = have.iter().find(|(c, _)| c == chain) {
                found += 1;
                same += u32::from(t == text);
            }
        }
    }
    (
        f64::from(found) / f64::from(total),
        f64::from(same) / f64::from(total),
    )
}

fn check_fixture(name: &str, articles: &[usize], at_least: f64) -> (f64, f64) {
    let text = fixture(name);
    let places = places();
    let imported = run(&text, Format::Auto, &places);
    let lib = loaded(&imported, &places);
    // The coverage equation, on the files as read back.
    let input = text.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(
        input,
        authors_chars(&lib) + imported.ours_chars + imported.dropped_chars(),
        "{name}: {}\n{:?}",
        imported.coverage(),
        imported.dropped
    );
    assert!(
        imported.coverage().contains(" = "),
        "{}",
        imported.coverage()
    );
    // What is dropped is layout, never the authors' words.
    for d in &imported.dropped {
        match d.what {
            "Markdown markup" => assert!(
                d.text.chars().all(|c| c.is_ascii_punctuation()),
                "{name}: markup holds text: {}",
                d.text
            ),
            "label" => assert_eq!(d.text, "编者按"),
            "second print of a doubled line" => {
                let run: String = d.text.chars().take_while(|c| c.is_alphanumeric()).collect();
                assert!(
                    squeeze(&text).contains(&run.repeat(2)),
                    "{name}: {}",
                    d.text
                );
            }
            _ => {}
        }
    }
    let share = shares(&bundled(), articles, &lib);
    eprintln!(
        "{name}: tree {:.1}%, text {:.1}%",
        share.0 * 100.0,
        share.1 * 100.0
    );
    assert!(
        share.0 >= at_least,
        "{name}: tree {:.3} < {at_least}\n{}",
        share.0,
        imported.report()
    );
    share
}

#[test]
fn the_raw_seed_gives_the_tree() {
    check_fixture("seed.txt", &[0, 1], 0.9);
}

#[test]
fn clean_paragraphs_and_markdown_give_the_whole_tree_and_text() {
    for name in [
        "clean.txt",
        "markdown.md",
        "wrapped-14.txt",
        "wrapped-30.txt",
    ] {
        let (tree, text) = check_fixture(name, &[0, 1], 1.0);
        assert!(
            (tree - 1.0).abs() < f64::EPSILON && (text - 1.0).abs() < f64::EPSILON,
            "{name}"
        );
    }
}

#[test]
fn each_article_alone_gives_its_tree() {
    check_fixture("capital.txt", &[0], 0.9);
    check_fixture("models.txt", &[1], 0.9);
}

#[test]
fn the_seed_reads_as_the_outline_says() {
    let places = places();
    let imported = run(&fixture("seed.txt"), Format::Text, &places);
    let lib = loaded(&imported, &places);
    let capital = same_article(&bundled(), 0, &lib).expect("the report is found");
    let a = &lib.articles[capital];
    assert_eq!(
        a.deck.as_deref(),
        Some("制造业是宁波竞争发展的优势所在、底气所在")
    );
    assert_eq!(a.byline.as_deref(), Some("市工业和智能经济研究院课题组"));
    assert!(
        a.editor_note
            .as_deref()
            .is_some_and(|n| n.starts_with("全市打造全球智造创新之都推进大会强调"))
    );
    let models = lib
        .articles
        .iter()
        .find(|a| a.byline.as_deref() == Some("张庆花"))
        .expect("the essay");
    assert!(models.title.derived, "the essay's title is ours");
    assert_eq!(
        models.affiliation.as_deref(),
        bundled().articles[1].affiliation.as_deref()
    );
    assert_eq!(models.notes, bundled().articles[1].notes);
    // The lessons link their places, and the comparison has both sides.
    assert_eq!(lib.lessons(zhizao::content::Scope::Domestic).len(), 5);
    assert_eq!(lib.lessons(zhizao::content::Scope::Foreign).len(), 5);
    // Each guess is a comment beside what it guessed.
    let toml: String = imported.files.iter().map(|f| f.1.as_str()).collect();
    assert!(toml.contains("# guessed: deck (printed twice over, read once)"));
    assert!(toml.contains("heading printed after its part"));
    assert_eq!(imported.guesses(), toml.matches("# guessed:").count());
}

#[test]
fn an_ordinal_out_of_sequence_is_reported_at_its_line() {
    let text =
        "标题\n\n作者：王伟\n\n总的说明。\n\n1、第一部分\n\n正文一。\n\n3、第三部分\n\n正文三。\n";
    // Read as text, with a warning at its line; `--strict` refuses it.
    let imported = run(text, Format::Text, &places());
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert_eq!(imported.warnings[0].line, 11);
    assert_eq!(
        imported.warnings[0].message,
        "`3、第三部分` read as text, not a heading: its ordinal `3、` is out of sequence (expected `2、`)"
    );
    let headings: Vec<&str> = imported.articles[0]
        .sections
        .iter()
        .map(|s| s.heading.text.as_str())
        .collect();
    assert_eq!(headings, ["1、第一部分"]);
    assert!(imported.check.is_none());
    let strict = import(
        text,
        &Options {
            format: Format::Text,
            places: Some(&places()),
            strict: true,
            ..Options::default()
        },
    );
    assert_eq!(strict.problems.len(), 1);
    assert_eq!(strict.problems[0].line, 11);
    // A lone 一是 in prose is prose.
    let text = "标题\n\n作者：王伟\n\n要做到两点。一是坚持学习。这很重要。\n";
    let imported = run(text, Format::Text, &places());
    assert!(imported.problems.is_empty());
    assert!(imported.articles[0].sections.is_empty());
}

#[test]
fn markers_nest_at_any_depth() {
    let text = "标题\n\n作者：王伟\n\n一、总体要求\n\n（一）指导思想\n\n正文甲。\n\n（二）基本原则\n\n1.坚持统筹。正文乙。2.坚持创新。正文丙。\n\n二、主要任务\n\n①第一项。正文丁。②第二项。正文戊。\n";
    let imported = run(text, Format::Text, &places());
    let lib = loaded(&imported, &places());
    let paths: Vec<String> = lib
        .nodes
        .iter()
        .map(|n| format!("{} {}", n.path, n.ordinal.as_deref().unwrap_or("-")))
        .collect();
    let id = &lib.articles[0].id;
    let want = [
        format!("{id} -"),
        format!("{id}/1 一、"),
        format!("{id}/1/1 （一）"),
        format!("{id}/1/2 （二）"),
        format!("{id}/1/2/1 1."),
        format!("{id}/1/2/2 2."),
        format!("{id}/2 二、"),
        format!("{id}/2/1 ①"),
        format!("{id}/2/2 ②"),
    ];
    assert_eq!(paths, want);
}

#[test]
fn nothing_is_written_over_and_a_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/seed.txt");
    let bin = env!("CARGO_BIN_EXE_zhizao");
    let out = |args: &[&str]| {
        std::process::Command::new(bin)
            .args(args)
            .env("XDG_CONFIG_HOME", dir.path())
            .output()
            .expect("runs")
    };
    let target = dir.path().join("page");
    let t = target.to_str().expect("utf-8 path");
    let s = seed.to_str().expect("utf-8 path");
    let dry = out(&["import", "--dry-run", "--places", "bundled", s, "-o", t]);
    assert!(dry.status.success());
    assert!(
        String::from_utf8_lossy(&dry.stdout)
            .contains("coverage: 6435 characters in = 6412 in the text + 23 dropped as layout")
    );
    assert!(!target.exists(), "a dry run writes nothing");
    let first = out(&["import", "--places", "bundled", s, "-o", t]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let check = out(&["check", t]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&check.stdout).trim(),
        format!("{t}: ok, 2 articles, 58 sections, 22 places")
    );
    let again = out(&["import", "--places", "bundled", s, "-o", t]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists; --force overwrites it"));
    let forced = out(&["import", "--places", "bundled", "--force", s, "-o", t]);
    assert!(forced.status.success());
    // Not UTF-8: said, with the line.
    let bad = dir.path().join("gbk.txt");
    std::fs::write(&bad, b"\xc4\xfe\xb2\xa8\n").expect("write");
    let gbk = out(&["import", bad.to_str().expect("utf-8 path")]);
    assert_eq!(gbk.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&gbk.stderr).contains(":1: not UTF-8 text"));
}

/// A collection made from the bundled page: some articles, some parts,
/// some of each list (its first items, so ordinals stay in sequence), some
/// furniture.
fn collection() -> impl Strategy<Value = Vec<(PathBuf, String)>> {
    (
        proptest::collection::vec(any::<bool>(), 16),
        proptest::collection::vec(1usize..=6, 8),
    )
        .prop_map(|(keep, counts)| {
            let mut out = Vec::new();
            for (i, (name, text)) in BUNDLED.iter().enumerate() {
                let mut doc: toml::Table = toml::from_str(text).expect("bundled TOML");
                if let Some(toml::Value::Table(article)) = doc.get_mut("article") {
                    for (k, key) in ["deck", "byline", "affiliation", "editor_note", "notes"]
                        .iter()
                        .enumerate()
                    {
                        if !keep[i * 5 + k] {
                            article.remove(*key);
                        }
                    }
                }
                if let Some(toml::Value::Array(parts)) = doc.get_mut("section") {
                    let n = counts[i].min(parts.len());
                    if keep[10 + i] {
                        parts.truncate(n.max(1));
                    }
                    for part in parts.iter_mut() {
                        if let Some(toml::Value::Array(items)) = part.get_mut("section") {
                            let n = counts[2 + i].min(items.len()).max(1);
                            if keep[12 + i] && items.iter().all(|s| s.get("section").is_none()) {
                                items.truncate(n);
                            }
                        }
                    }
                }
                if i == 0 || keep[14] || !doc.contains_key("article") {
                    out.push((PathBuf::from(name), toml::to_string(&doc).expect("TOML")));
                }
            }
            out
        })
}

fn same(a: &Library, b: &Library) -> Result<(), String> {
    if a.articles.len() != b.articles.len() {
        return Err(format!(
            "{} articles, not {}",
            b.articles.len(),
            a.articles.len()
        ));
    }
    for (x, y) in a.articles.iter().zip(&b.articles) {
        let fields = |t: &zhizao::content::Article| {
            (
                squeeze(&t.title.text),
                t.title.derived,
                t.deck.as_deref().map(squeeze),
                t.byline.as_deref().map(squeeze),
                t.affiliation.as_deref().map(squeeze),
                t.editor_note.as_deref().map(squeeze),
                t.notes.iter().map(|n| squeeze(n)).collect::<Vec<_>>(),
            )
        };
        if fields(x) != fields(y) {
            return Err(format!(
                "furniture differs: {:?} vs {:?}",
                fields(x),
                fields(y)
            ));
        }
    }
    let nodes = |l: &Library| {
        l.nodes
            .iter()
            .map(|n| {
                (
                    n.depth,
                    n.ordinal.clone(),
                    n.heading.as_deref().map(squeeze),
                    n.paragraphs.iter().map(squeeze).collect::<Vec<_>>(),
                    n.scope,
                    n.lesson.is_some(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (na, nb) = (nodes(a), nodes(b));
    if na != nb {
        let at = na
            .iter()
            .zip(&nb)
            .position(|(x, y)| x != y)
            .unwrap_or(na.len().min(nb.len()));
        return Err(format!(
            "node {at} differs: {:?} vs {:?}",
            na.get(at),
            nb.get(at)
        ));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn an_exported_collection_imports_back_to_itself(sources in collection(), markdown in any::<bool>()) {
        let lib = Library::from_sources(sources).expect("the variant is a valid collection");
        let (format, input) = if markdown {
            (Format::Markdown, zhizao::export::export(&lib, None, zhizao::export::Format::Markdown))
        } else {
            (Format::Text, zhizao::export::export(&lib, None, zhizao::export::Format::Text))
        };
        let places = lib.places_only();
        let imported = run(&input, format, &places);
        let back = loaded(&imported, &places);
        if let Err(e) = same(&lib, &back) {
            prop_assert!(false, "{e}\n--- input\n{input}\n--- report\n{}", imported.report());
        }
    }
}

#[test]
fn standard_input_and_an_id_of_ours() {
    use std::io::Write as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["import", "-", "--id", "mofan", "--format", "markdown"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            fixture("markdown.md")
                .split("\n---\n\n# 勇做")
                .next()
                .unwrap_or_default()
                .as_bytes(),
        )
        .expect("writes");
    let out = child.wait_with_output().expect("finishes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let toml = String::from_utf8_lossy(&out.stdout);
    assert!(
        toml.contains("id = \"mofan\"  # ours: given with --id"),
        "{toml}"
    );
    assert!(toml.contains("title = \"奋力打造全球智造创新之都 推动宁波制造业高质量发展\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-: 1 article, 43 sections"));
}

/// Markdown as people write it, not only as `export` does: a byline line,
/// numbered parts as headings, run-in items in the paragraphs.
#[test]
fn markdown_as_people_write_it() {
    let page = "# 奋力打造全球智造创新之都\n\n作者：市工业和智能经济研究院课题组\n\n制造业是立国之本、强国之基。\n\n## 一、“全球智造创新之都”的内涵特征\n\n表现为以下几个特征：一是全球影响力。具有健全的现代产业体系。二是智造引领力。数字技术与先进制造技术深度融合。\n\n## 二、国内外城市相关经验对宁波的启示\n\n课题组重点对上海、深圳进行研究分析。\n";
    let imported = run(page, Format::Auto, &places());
    let lib = loaded(&imported, &places());
    let got: Vec<String> = lib
        .nodes
        .iter()
        .skip(1)
        .map(|n| {
            format!(
                "{}|{}",
                n.path.split_once('/').map_or("", |p| p.1),
                n.heading.as_deref().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "1|一、“全球智造创新之都”的内涵特征",
            "1/1|一是全球影响力。",
            "1/2|二是智造引领力。",
            "2|二、国内外城市相关经验对宁波的启示",
        ]
    );
    let a = &lib.articles[0];
    assert_eq!(
        a.byline.as_deref(),
        Some("作者：市工业和智能经济研究院课题组")
    );
    assert_eq!(
        lib.node(a.root).paragraphs.iter().collect::<Vec<_>>(),
        ["制造业是立国之本、强国之基。"]
    );
    assert!(imported.adds_up(), "{}", imported.coverage());
}

#[test]
fn an_id_from_the_title_is_ascii_with_u_umlaut_typed_as_v() {
    let imported = run(
        "法律责任与绿色发展\n\n作者：王伟\n\n正文，一句。\n",
        Format::Text,
        &places(),
    );
    assert!(imported.check.is_none());
    assert!(
        imported.files[0].0.contains("falvzerenyulv"),
        "{}",
        imported.files[0].0
    );
}

#[test]
fn an_editors_note_run_in_after_its_label_and_a_square_byline_go_where_they_belong() {
    let text = "强军之路在脚下\n\n■刘师苑\n\n编者按：这是编者的话，说明这组文章的背景。\n\n正文第一段，说明一些情况。\n\n正文第二段，同样如此。\n";
    let imported = run(text, Format::Text, &places());
    assert!(
        imported.check.is_none() && imported.adds_up(),
        "{}",
        imported.coverage()
    );
    let a = &imported.articles[0];
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("强军之路在脚下")
    );
    assert_eq!(a.byline.as_ref().map(|b| b.text.as_str()), Some("■刘师苑"));
    assert_eq!(
        a.editor_note.as_ref().map(|n| n.text.as_str()),
        Some("这是编者的话，说明这组文章的背景。")
    );
    assert!(
        imported
            .dropped
            .iter()
            .any(|d| d.what == "label" && d.text == "编者按：")
    );
}

#[test]
fn a_headline_whose_lines_say_what_they_are_is_read_by_its_labels() {
    let text = "引题：理论热词 实践热点\n主题：宁波打造全球智造创新之都\n\n正文第一段，说明一些情况。\n\n正文第二段，同样如此。\n";
    let imported = run(text, Format::Text, &places());
    assert!(
        imported.check.is_none() && imported.adds_up(),
        "{}",
        imported.coverage()
    );
    let a = &imported.articles[0];
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("宁波打造全球智造创新之都")
    );
    assert_eq!(
        a.deck.as_ref().map(|t| t.text.as_str()),
        Some("理论热词 实践热点")
    );
    let labels: Vec<&str> = imported
        .dropped
        .iter()
        .filter(|d| d.what == "label")
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(labels, ["引题：", "主题："]);
}

#[test]
fn a_decimal_outline_nests_by_its_dots() {
    let text = "标题\n\n作者：王伟\n\n1. 第一部分\n\n正文一。\n\n1.1 小节一\n\n正文。\n\n1.2 小节二\n\n正文。\n\n2. 第二部分\n\n正文二。\n\n2.1 小节三\n\n正文。\n";
    let imported = run(text, Format::Text, &places());
    assert!(
        imported.problems.is_empty() && imported.warnings.is_empty(),
        "{:?}",
        imported.warnings
    );
    assert!(imported.check.is_none());
    let tree: Vec<(String, Vec<String>)> = imported.articles[0]
        .sections
        .iter()
        .map(|s| {
            (
                s.heading.text.clone(),
                s.sections.iter().map(|c| c.heading.text.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        tree,
        [
            (
                "1.第一部分".to_owned(),
                vec!["1.1 小节一".to_owned(), "1.2 小节二".to_owned()]
            ),
            ("2.第二部分".to_owned(), vec!["2.1 小节三".to_owned()]),
        ]
    );
}

/// Each section's heading with its own sections', two levels down.
fn outline(imported: &Imported) -> Vec<(String, Vec<String>)> {
    imported.articles[0]
        .sections
        .iter()
        .map(|s| {
            let under = s.sections.iter().map(|c| c.heading.text.clone()).collect();
            (s.heading.text.clone(), under)
        })
        .collect()
}

#[test]
fn a_paper_numbered_from_0_nests_its_decimals_in_text_and_in_markdown_set_at_one_level() {
    let paper = [
        ("0 引言", "正文一。"),
        ("1 方法", "正文二。"),
        ("1.1 模型", "正文三，共 3 个月。"),
        ("1.2 训练", "正文四。"),
        ("2 结论", "正文五。"),
    ];
    let (mut text, mut markdown) = (String::new(), String::new());
    for (h, p) in paper {
        for (page, mark) in [(&mut text, ""), (&mut markdown, "## ")] {
            page.extend([mark, h, "\n\n", p, "\n\n"]);
        }
    }
    let want = [
        ("0 引言".to_owned(), vec![]),
        (
            "1 方法".to_owned(),
            vec!["1.1 模型".to_owned(), "1.2 训练".to_owned()],
        ),
        ("2 结论".to_owned(), vec![]),
    ];
    for (page, format) in [
        (format!("论文的题目\n\n{text}"), Format::Text),
        (format!("# 论文的题目\n\n{markdown}"), Format::Markdown),
    ] {
        let imported = run(&page, format, &places());
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert!(imported.check.is_none(), "{:?}", imported.check);
        assert_eq!(outline(&imported), want, "{format:?}");
    }
    // A count is no heading: `3 个月` stays in its sentence.
    let imported = run(
        "题目\n\n作者：王伟\n\n3 个月后再看。\n",
        Format::Text,
        &places(),
    );
    assert!(imported.articles[0].sections.is_empty());
}

#[test]
fn markdown_that_sets_its_numbered_parts_with_one_hash_is_one_article() {
    // As converters of papers print them: every heading a `#`, the
    // English title over its abstract, numbers close to their headings.
    let page = "# 基于优先队列的最短路径算法\n\n杨某1,2，黄某1\n\n摘要：提出了一种算法。\n\n# Shortest path algorithm based on priority queue\n\nAbstract: This paper presents an algorithm.\n\n# 0 引言\n\n最短路径问题是一个基本问题。\n\n# 1 预备知识\n\n优先队列是一种集合。\n\n# 3.1算法流程\n\n图2给出了流程。\n\n# 3.2算法描述\n\n下面介绍描述。\n";
    let imported = run(page, Format::Auto, &places());
    assert_eq!(imported.articles.len(), 1);
    let title = imported.articles[0].title.as_ref().map(|t| t.text.as_str());
    assert_eq!(title, Some("基于优先队列的最短路径算法"));
    let heads: Vec<String> = outline(&imported).into_iter().map(|(h, _)| h).collect();
    assert_eq!(heads, ["0 引言", "1 预备知识"]);
    assert_eq!(
        outline(&imported)[1].1,
        ["3.1算法流程".to_owned(), "3.2算法描述".to_owned()]
    );
    // A thesis: `# 第2章` over `## 2.1`, its first chapter unnumbered.
    let thesis = "# 某某系统的设计\n\n摘要文字。\n\n# 绪论\n\n## 1.1 选题的依据\n\n正文。\n\n# 第2章 设计技术\n\n## 2.1 相关技术\n\n### 2.1.1 B/S模式\n\n正文。\n\n# 第3章 需求分析\n\n正文。\n";
    let imported = run(thesis, Format::Auto, &places());
    assert_eq!(imported.articles.len(), 1);
    let heads: Vec<String> = outline(&imported).into_iter().map(|(h, _)| h).collect();
    assert_eq!(heads, ["绪论", "第2章 设计技术", "第3章 需求分析"]);
}

#[test]
fn markdowns_html_blocks_are_read_for_their_text_and_its_front_matter_gives_the_title() {
    let page = "---\ntitle: \"新闻联播\"\n---\n<p class=\"lead\">导语：这一段在段落标签里。</p>\n\n### 第一条新闻\n\n正文第一段。\n";
    let imported = run(page, Format::Auto, &places());
    let a = &imported.articles[0];
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("新闻联播"));
    let text: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains(&"导语：这一段在段落标签里。"), "{text:?}");
    assert!(imported.adds_up(), "{}", imported.coverage());
    // A page that opens with an HTML block but has Markdown's headings.
    let page = "<div align=\"center\"><img src=\"logo.png\"></div>\n\n# 项目说明\n\n## 1 背景\n\n本项目用于演示。\n";
    let imported = run(page, Format::Auto, &places());
    let a = &imported.articles[0];
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("项目说明"));
    assert_eq!(a.sections.len(), 1);
}

#[test]
fn the_author_with_the_paper_and_page_under_a_title_is_no_part() {
    let page = "### 加强企业主导的产学研深度融合\n\n# 强化企业科技创新主体地位（人民要论）\n\n> 伍爱群《人民日报》（2025年03月07日第 13 版）\n\n今年政府工作报告提出，发挥科技领军企业龙头作用，加强企业主导的产学研深度融合。\n\n（作者为全国政协委员）\n";
    let imported = run(page, Format::Auto, &places());
    assert!(
        imported.articles[0].sections.is_empty(),
        "{:?}",
        outline(&imported)
    );
}

#[test]
fn a_salutation_that_opens_paragraphs_again_heads_nothing() {
    let long = "过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新的成绩，人民生活水平不断提高。";
    let page =
        format!("标题\n\n作者：王伟\n\n各位代表！{long}\n\n各位代表！{long}\n\n各位代表！{long}\n");
    let imported = run(&page, Format::Text, &places());
    assert!(
        imported.articles[0].sections.is_empty(),
        "{:?}",
        outline(&imported)
    );
}

#[test]
fn a_browsers_header_and_footer_at_every_page_break_are_dropped() {
    let body = "人工智能亦称机器智能，指由人制造出来的机器所表现出来的智能。通常人工智能是指用普通计算机程序来呈现人类智能的技术。";
    let mut page = String::new();
    for n in 1..=3 {
        page.extend([
            "2/2/24, 2:43 PM          人工智能 - 维基百科，自由的百科全书\n",
            body,
            "\n\nhttps://zh.wikipedia.org/wiki/人工智能          ",
            &format!("{n}/13\n\u{c}"),
        ]);
    }
    let imported = run(&page, Format::Text, &places());
    let headers = imported
        .dropped
        .iter()
        .filter(|d| d.what == "running header")
        .count();
    assert_eq!(headers, 6, "{:?}", imported.dropped);
}

#[test]
fn a_notice_signed_and_dated_sends_its_document_whose_parts_are_the_notices() {
    let long = "坚持以人民为中心的发展思想，践行新发展理念，构建新发展格局，以推动高质量发展、创造高品质生活、实现高效能治理为目标导向，统筹实施城市更新行动。";
    let page = format!(
        "关于印发某某实施意见的通知\n\n各区人民政府，区政府各委、办、局：\n\n经区政府同意，现将《关于推进某某工作的实施意见》印发给你们，请认真按照执行。\n\n上海市某某区人民政府\n\n2023年7月17日\n\n关于推进某某工作的实施意见\n\n为全面加强本区某某工作科学管理，指导某某活动有序开展，推动项目高效实施，制定本实施意见。\n\n一、指导思想\n\n{long}\n\n二、基本原则\n\n{long}\n"
    );
    let page = page.as_str();
    let imported = run(page, Format::Text, &places());
    let heads: Vec<String> = outline(&imported).into_iter().map(|(h, _)| h).collect();
    assert_eq!(heads, ["一、指导思想", "二、基本原则"]);
    let opening: Vec<&str> = imported.articles[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(opening.contains(&"上海市某某区人民政府"), "{opening:?}");
    assert!(
        opening.contains(&"关于推进某某工作的实施意见"),
        "{opening:?}"
    );
}

#[test]
fn a_line_broken_at_an_opening_quote_or_inside_a_number_is_not_a_heading() {
    let text = "标题\n\n作者：王伟\n\n要在做大蛋糕的同时，进一步分好‘\n蛋糕’，让发展成果惠及全体人民。\n\n今年产量有望突破14.\n5万台，创下新高。\n";
    let imported = run(text, Format::Text, &places());
    assert!(
        imported.articles[0].sections.is_empty(),
        "{:?}",
        imported.articles[0].sections
    );
    let paragraphs: Vec<&str> = imported.articles[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        paragraphs.iter().any(|p| p.contains("分好‘蛋糕’")),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.iter().any(|p| p.contains("14.5万台")),
        "{paragraphs:?}"
    );
}

#[test]
fn a_preamble_marked_off_is_the_notes_and_an_underlined_line_a_heading() {
    let text = "Chinese translated version\n\n译者：李阳\n\n以下为正文\n----------\n\n如何参与开发\n------------\n\n这是正文的第一段，说明一些情况。\n\n入门\n----\n\n入门一节的正文，同样如此。\n";
    let imported = run(text, Format::Text, &places());
    assert!(
        imported.check.is_none() && imported.adds_up(),
        "{}",
        imported.coverage()
    );
    assert_eq!(imported.articles.len(), 1);
    let a = &imported.articles[0];
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("如何参与开发")
    );
    let notes: Vec<&str> = a.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        ["Chinese translated version", "译者：李阳", "以下为正文"]
    );
    let parts: Vec<&str> = a.sections.iter().map(|s| s.heading.text.as_str()).collect();
    assert_eq!(parts, ["入门"]);
}
