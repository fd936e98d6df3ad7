//! The shipped content: valid, faithful to the seed, complete and well formed.

mod common;

use zhizao::content::{Library, Scope};

fn lib() -> Library {
    Library::bundled().unwrap_or_else(|e| panic!("bundled content is invalid:\n{e}"))
}

/// The seed with whitespace removed and its one layout artifact repaired: the
/// deck printed twice, character by character, in a bold font.
fn seed() -> String {
    let raw: String = include_str!("fixtures/import/seed.txt")
        .split_whitespace()
        .collect();
    let doubled =
        "制造业是宁波竞争发展的优势所在制造业是宁波竞争发展的优势所在、、底气所在底气所在";
    assert!(raw.contains(doubled), "the seed's doubled deck moved");
    raw.replace(doubled, "制造业是宁波竞争发展的优势所在、底气所在")
}

/// Labels the page prints that our schema turns into structure.
const STRUCTURAL: &[&str] = &["编者按"];

/// Every piece of the authors' text, and the labels the schema made structure of.
fn authored_units(lib: &Library) -> Vec<String> {
    let mut units = common::authored(lib, false);
    units.extend(STRUCTURAL.iter().map(|s| (*s).to_owned()));
    units
}

#[test]
fn bundled_content_is_valid() {
    let lib = lib();
    assert_eq!(lib.articles.len(), 2);
    // The page's own eleven places first, then every other place it
    // names, from the gazetteer.
    assert!(lib.places.len() > 11, "{}", lib.places.len());
    let names: Vec<&str> = lib.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[..3], ["上海", "深圳", "苏州"]);
    for name in ["杭州", "宁波", "浙江", "长三角", "中东欧"] {
        let at = names
            .iter()
            .position(|n| *n == name)
            .unwrap_or_else(|| panic!("{name}: {names:?}"));
        assert!(at >= 11, "{name} is the gazetteer's");
    }
}

#[test]
fn content_is_the_seed_exactly_once() {
    let seed = seed();
    let chars: Vec<char> = seed.chars().collect();
    let mut covered = vec![false; chars.len()];
    // Longest first, so a short unit (the deck) cannot claim the copy of
    // itself inside a paragraph.
    let mut units = authored_units(&lib());
    units.sort_by_key(|u| std::cmp::Reverse(u.chars().count()));
    for unit in units {
        let unit: String = unit.split_whitespace().collect();
        let needle: Vec<char> = unit.chars().collect();
        let at = (0..=chars.len().saturating_sub(needle.len())).find(|&i| {
            chars[i..i + needle.len()] == needle[..]
                && !covered[i..i + needle.len()].iter().any(|&c| c)
        });
        let Some(at) = at else {
            panic!("not in the seed (or used twice): {unit}");
        };
        covered[at..at + needle.len()]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let missing: String = chars
        .iter()
        .zip(&covered)
        .map(|(c, &k)| if k { '·' } else { *c })
        .collect();
    let gaps: Vec<&str> = missing.split('·').filter(|s| !s.is_empty()).collect();
    assert!(
        gaps.is_empty(),
        "seed text missing from the content: {gaps:?}"
    );
}

#[test]
fn every_seed_sentence_is_in_the_content_verbatim() {
    // The same fact said sentence by sentence, for a readable failure.
    let lib = lib();
    let all: String = authored_units(&lib).concat().split_whitespace().collect();
    let seed = seed();
    for unit in authored_units(&lib) {
        let unit: String = unit.split_whitespace().collect();
        for sentence in unit.split_inclusive(['。', '！', '？', '；']) {
            assert!(
                seed.contains(sentence),
                "content sentence not in the seed: {sentence}"
            );
        }
    }
    for sentence in [
        "“追求进步，是青年最宝贵的特质，也是党和人民最殷切的希望。”",
        "表现为以下几个特征：",
    ] {
        assert!(all.contains(sentence));
    }
}

#[test]
fn four_traits_in_order() {
    let lib = lib();
    let traits = lib.node(lib.find("capital/traits").unwrap());
    let labels: Vec<_> = traits
        .children
        .iter()
        .map(|&c| lib.display_label(c))
        .collect();
    assert_eq!(
        labels,
        [
            "一是 全球影响力",
            "二是 智造引领力",
            "三是 创新驱动力",
            "四是 生态吸引力"
        ]
    );
}

#[test]
fn five_and_five_lessons_with_their_places() {
    let lib = lib();
    let places = |scope| -> Vec<(String, Vec<&str>)> {
        lib.lessons(scope)
            .into_iter()
            .map(|n| {
                let l = lib.node(n).lesson.as_ref().unwrap();
                (
                    l.theme.clone(),
                    l.examples
                        .iter()
                        .map(|e| lib.places[e.place].name.as_str())
                        .collect(),
                )
            })
            .collect()
    };
    let domestic = places(Scope::Domestic);
    let foreign = places(Scope::Foreign);
    assert_eq!(
        domestic,
        [
            ("注重打造制造业品牌".to_owned(), vec!["上海", "苏州"]),
            ("注重培育世界级产业".to_owned(), vec!["佛山", "合肥"]),
            ("注重强化创新驱动力".to_owned(), vec!["深圳", "无锡"]),
            (
                "注重择优布局未来及新兴产业".to_owned(),
                vec!["上海", "深圳"]
            ),
            ("注重提升数字赋能水平".to_owned(), vec!["佛山", "无锡"]),
        ]
    );
    assert_eq!(
        foreign,
        [
            ("注重深化产学研合作".to_owned(), vec!["裕廊", "筑波"]),
            (
                "注重要素赋能传统产业转型".to_owned(),
                vec!["奥斯汀", "慕尼黑"]
            ),
            ("注重推动大中小企业融通发展".to_owned(), vec!["慕尼黑"]),
            ("注重强化产教融合".to_owned(), vec!["奥斯汀", "筑波"]),
            ("注重提升国际影响力".to_owned(), vec!["索菲亚", "筑波"]),
        ]
    );
    assert_eq!(
        lib.node(lib.find("capital/lessons/foreign/3").unwrap())
            .ordinal
            .as_deref(),
        Some("三是")
    );
}

#[test]
fn six_measures_of_three_points() {
    let lib = lib();
    let measures = lib.node(lib.find("capital/measures").unwrap());
    assert_eq!(measures.children.len(), 6);
    for (i, &m) in measures.children.iter().enumerate() {
        let m = lib.node(m);
        assert_eq!(m.ordinal.as_deref(), Some(format!("{}、", i + 1).as_str()));
        let ords: Vec<_> = m
            .children
            .iter()
            .map(|&c| lib.node(c).ordinal.clone().unwrap())
            .collect();
        assert_eq!(ords, ["一是", "二是", "三是"], "{}", m.path);
    }
    assert_eq!(
        lib.node(measures.children[5]).heading.as_deref(),
        Some("6、要以要素为本，坚持智造生态集成创新")
    );
}

#[test]
fn five_models_each_first_and_second() {
    let lib = lib();
    let article = &lib.articles[1];
    assert!(article.title.derived, "the essay's title is ours");
    let parts = &lib.node(article.root).children;
    let headings: Vec<_> = parts
        .iter()
        .map(|&p| lib.node(p).heading.clone().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "争做理想远大、信念坚定的模范。",
            "争做刻苦学习、锐意创新的模范。",
            "争做敢于斗争、善于斗争的模范。",
            "争做艰苦奋斗、无私奉献的模范。",
            "争做崇德向善、严守纪律的模范。",
        ]
    );
    for &p in parts {
        let ords: Vec<_> = lib
            .node(p)
            .children
            .iter()
            .map(|&c| lib.node(c).ordinal.clone().unwrap())
            .collect();
        assert_eq!(ords, ["首先", "其次"]);
    }
    assert!(article.notes[0].starts_with("【本文系共青团中央"));
}

#[test]
fn paths_are_unique_and_ascii() {
    let lib = lib();
    let mut paths: Vec<_> = lib.nodes.iter().map(|n| n.path.as_str()).collect();
    assert!(paths.iter().all(|p| p.is_ascii()));
    paths.sort_unstable();
    let before = paths.len();
    paths.dedup();
    assert_eq!(before, paths.len());
    for n in 0..lib.nodes.len() {
        assert_eq!(lib.find(&lib.nodes[n].path), Some(n));
    }
}

#[test]
fn bundled_list_matches_the_content_folder() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| {
                std::path::Path::new(n)
                    .extension()
                    .is_some_and(|e| e == "toml")
            })
            .collect();
    on_disk.sort();
    let bundled: Vec<_> = zhizao::content::BUNDLED
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    assert_eq!(on_disk, bundled);
    let from_disk = Library::load_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content"
    )))
    .unwrap();
    assert_eq!(from_disk.nodes.len(), lib().nodes.len());
}

mod bad_input {
    use std::path::{Path, PathBuf};
    use zhizao::content::{ContentError, Library};

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/bad")
            .join(name)
    }

    /// Loads a bad fixture and returns its one error, with paths relative to it.
    fn only_error(name: &str) -> String {
        let dir = fixture(name);
        let errors = Library::load_dir(&dir)
            .expect_err("a bad fixture must not load")
            .0;
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors[0]
            .to_string()
            .replace(&format!("{}/", dir.display()), "")
    }

    #[test]
    fn toml_syntax_error() {
        assert_eq!(
            only_error("syntax"),
            "a.toml:3:12: invalid basic string, expected `\"`\n  | title = \"标题\n  |              ^"
        );
    }

    #[test]
    fn unknown_field() {
        let e = only_error("unknown-field");
        assert!(
            e.starts_with("a.toml:4:1: unknown field `subtitle`, expected one of `id`, `title`"),
            "{e}"
        );
        assert!(e.ends_with("\n  | subtitle = \"副题\"\n  | ^"), "{e}");
    }

    #[test]
    fn duplicate_id() {
        let e = only_error("duplicate-id");
        assert!(
            e.starts_with("a.toml:10:6: duplicate id `one` among siblings (first at "),
            "{e}"
        );
        assert!(e.contains("a.toml:6:6)"), "{e}");
    }

    #[test]
    fn missing_place() {
        assert_eq!(
            only_error("missing-place").lines().next(),
            Some("a.toml:16:23: unknown place `atlantis`")
        );
    }

    #[test]
    fn escape_sequence_in_a_paragraph() {
        assert_eq!(
            only_error("escape"),
            "a.toml:4:18: control character U+001B in paragraph\n  | paragraphs = [\"正文\\u001b[31m红字\"]\n  |                    ^"
        );
    }

    #[test]
    fn ordinal_out_of_sequence() {
        assert_eq!(
            only_error("ordinal").lines().next(),
            Some("a.toml:16:11: ordinal `三是` out of sequence: expected `二是`")
        );
    }

    #[test]
    fn empty_file() {
        assert_eq!(only_error("empty"), "a.toml: file is empty");
    }

    #[test]
    fn not_utf8() {
        assert_eq!(
            only_error("not-utf8"),
            "a.toml: not UTF-8: invalid byte 0xB1 on line 3"
        );
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zhizao-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn file_over_the_size_limit() {
        let dir = temp_dir("big");
        let mut text = String::from("[article]\nid = \"a\"\ntitle = \"标题\"\n");
        while text.len() <= 8 * 1024 * 1024 {
            text.push_str("# 填充填充填充填充填充填充填充填充填充填充填充填充填充填充\n");
        }
        std::fs::write(dir.join("a.toml"), &text).unwrap();
        let errors = Library::load_dir(&dir).unwrap_err().0;
        assert_eq!(
            errors,
            [ContentError::Path {
                path: dir.join("a.toml"),
                message: format!("file is {} bytes, over the 8 MiB limit", text.len()),
            }]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn missing_and_empty_folders() {
        let missing = fixture("no-such-folder");
        assert_eq!(
            Library::load_dir(&missing).unwrap_err().0[0].headline(),
            format!("{}: no such folder", missing.display())
        );
        let empty = temp_dir("empty");
        assert_eq!(
            Library::load_dir(&empty).unwrap_err().0[0].headline(),
            format!("{}: no .toml content files in this folder", empty.display())
        );
        std::fs::remove_dir_all(&empty).unwrap();
    }

    #[test]
    fn every_problem_is_reported_in_one_run_sorted() {
        let dir = temp_dir("several");
        std::fs::write(dir.join("b.toml"), "[article]\nid = \"B\"\ntitle = \"\"\n").unwrap();
        std::fs::write(
            dir.join("a.toml"),
            "[article]\nid = \"a\"\ntitle = \"题\"\nparagraphs = [\"\\u202e反\"]\n",
        )
        .unwrap();
        let heads: Vec<String> = Library::load_dir(&dir)
            .unwrap_err()
            .0
            .iter()
            .map(|e| e.headline().replace(&format!("{}/", dir.display()), ""))
            .collect();
        assert_eq!(
            heads,
            [
                "a.toml:4:16: control character U+202E in paragraph",
                "b.toml:2:6: id `B` must be lowercase ASCII letters, digits and hyphens",
                "b.toml:3:9: empty title",
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// The "example names its place" check looks at the example's own text,
/// whether the places are read before the article or after it.
#[test]
fn an_example_pointing_at_the_wrong_place_fails_in_either_file_order() {
    let capital = zhizao::content::BUNDLED[0].1;
    let places = zhizao::content::BUNDLED[2].1;
    let first = capital
        .find("place = \"suzhou\"")
        .expect("a Suzhou example");
    let wrong = format!(
        "{}place = \"shanghai\"{}",
        &capital[..first],
        &capital[first + "place = \"suzhou\"".len()..]
    );
    let article = (std::path::PathBuf::from("1-capital.toml"), wrong);
    let place_file = (std::path::PathBuf::from("places.toml"), places.to_owned());
    for (order, files) in [
        ("places first", [place_file.clone(), article.clone()]),
        ("places last", [article, place_file]),
    ] {
        let errors = zhizao::content::Library::from_sources(files)
            .err()
            .unwrap_or_else(|| panic!("loads with {order}"));
        let heads: Vec<String> = errors
            .0
            .iter()
            .map(zhizao::content::ContentError::headline)
            .collect();
        assert!(
            heads.iter().any(|h| h.starts_with("1-capital.toml:")
                && h.ends_with("example does not mention 上海")),
            "{order}: {heads:?}"
        );
    }
}

#[test]
fn a_big_folder_gives_its_first_article_first() {
    // The places come last: the first look goes without them.
    let dir = common::big_collection("preview", 10, "places.toml");
    assert!(
        Library::preview_dir(&dir).unwrap().is_none(),
        "a small folder loads at once"
    );
    for i in 10..520 {
        std::fs::write(common::report_file(&dir, i), common::report_copy(i)).unwrap();
    }
    let (first, files) = Library::preview_dir(&dir).unwrap().expect("a first look");
    assert_eq!(files, 521);
    assert_eq!(first.articles.len(), 1);
    assert_eq!(first.articles[0].id, "c0");
    let whole = lib();
    let lesson = whole.find("capital/lessons/foreign/3").unwrap();
    let early = first.find("c0/lessons/foreign/3").unwrap();
    assert_eq!(
        first.node(early).paragraphs,
        whole.node(lesson).paragraphs,
        "the words are all there"
    );
    let built = std::sync::atomic::AtomicUsize::new(0);
    let mut looks = Vec::new();
    let mut grown = |lib: Library, files| looks.push((lib, files));
    let growth = zhizao::content::Growth {
        built: &built,
        grown: &mut grown,
    };
    let (all, _) = Library::load_dir_shared(&dir, None, Some(growth)).unwrap();
    assert_eq!(all.articles.len(), 520);
    assert_eq!(built.load(std::sync::atomic::Ordering::Relaxed), 521);
    // The collection grows in looks four times apart, each the start of
    // the whole and at most a sixteenth of it: 32 files (128 would be more).
    let sizes: Vec<_> = looks
        .iter()
        .map(|(lib, files)| (lib.articles.len(), *files))
        .collect();
    assert_eq!(sizes, [(32, 32)]);
    for (look, _) in &looks {
        for (a, b) in look.articles.iter().zip(&all.articles) {
            assert_eq!((&a.id, a.root), (&b.id, b.root));
        }
        assert_eq!(
            look.nodes.len(),
            all.nodes.len() * look.articles.len() / 520
        );
        assert!(look.places.is_empty(), "the places come last");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn mentions_are_every_occurrence_left_to_right_in_reading_order() {
    // Forty copies of the report, each core finding its share of the
    // places in them all; a name that overlaps itself counts as `n` steps
    // through it, not overlapping.
    let dir = common::big_collection("mentions", 40, "places.toml");
    std::fs::write(
        dir.join("zz.toml"),
        "[article]\nid = \"zz\"\ntitle = \"上海上海\"\nparagraphs = [\"苏州苏州苏州，无锡\"]\n",
    )
    .unwrap();
    let lib = Library::load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let found = lib.mentions();
    assert_eq!(found.named().len(), lib.places.len());
    let mut end = 0;
    for (p, named) in found.named().iter().enumerate() {
        assert_eq!(found.start(p), end, "numbered place by place");
        end += named.mentions.len();
        let name = lib.places[p].name.as_str();
        let mut expected = Vec::new();
        let mut times = 0;
        // Every name of the place (宁波 and 宁波市), the longest at each point.
        let names = zhizao::content::Names::of(&lib);
        for anchor in lib.anchors() {
            let text = lib.text(anchor).unwrap();
            let ranges: Vec<_> = names.ranges(p, text).collect();
            let marks: Vec<usize> = ranges
                .iter()
                .flat_map(|r| {
                    let start = text[..r.start].chars().count();
                    start..start + text[r.clone()].chars().count()
                })
                .collect();
            times += ranges.len();
            if !marks.is_empty() {
                expected.push((anchor, marks));
            }
        }
        let got: Vec<_> = found
            .of(p)
            .iter()
            .map(|m| {
                assert_eq!(m.place(), p);
                (m.anchor(), m.marks(&lib))
            })
            .collect();
        assert_eq!(got, expected, "{name}");
        assert_eq!(named.times, times, "{name}");
        let (lessons, _) = zhizao::compare::mentions(&lib, p);
        assert_eq!(named.lessons, lessons, "{name}");
    }
    let suzhou = lib.places.iter().position(|p| p.name == "苏州").unwrap();
    assert_eq!(end, found.len());
    assert!(found.get(end).is_none());
    for i in 0..end {
        let m = found.get(i).unwrap();
        assert_eq!(found.of(m.place())[i - found.start(m.place())], *m, "{i}");
    }
    let last = found.of(suzhou).last().unwrap();
    assert_eq!(last.marks(&lib), [0, 1, 2, 3, 4, 5]);
}

#[test]
fn a_big_comparison_lays_each_lesson_beside_its_pair_in_order() {
    // Sixty copies of the report: 300 lessons a side, counted on all
    // cores and put back in order.
    use zhizao::compare::{Kind, Sheet, Sides};
    let dir = common::big_collection("comparison", 60, "places.toml");
    let lib = Library::load_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let widths = zhizao::wrap::Widths::default();
    let sides = Sides::lessons(&lib).unwrap();
    let sheet = Sheet::new(&lib, &sides, 30, widths, false);
    assert_eq!(sheet.rows.len(), 300);
    for (i, (&start, row)) in sheet.starts.iter().zip(&sheet.rows).enumerate() {
        for side in 0..2 {
            let line = &sheet.lines(&lib, side, start..start + 1)[0];
            let lesson = row.items[side].map(zhizao::compare::Item::node);
            assert_eq!((line.kind, line.lesson), (Kind::Lesson, lesson), "pair {i}");
        }
    }
    let stacked = Sheet::new(&lib, &sides, 30, widths, true);
    for (&start, row) in stacked.starts.iter().zip(&stacked.rows) {
        let mut lessons: Vec<_> = stacked
            .lines(&lib, 0, start..start + 40)
            .iter()
            .filter(|l| l.kind == Kind::Lesson)
            .map(|l| l.lesson)
            .take(8)
            .collect();
        lessons.dedup();
        assert_eq!(
            lessons[..2],
            row.items.map(|i| i.map(zhizao::compare::Item::node))
        );
    }
}

/// Laid out a window at a time (as the view draws it and `zhizao lessons`
/// writes a big archive), the sheet is the same lines as laid out whole,
/// and as tall as it says.
#[test]
fn the_sheet_in_windows_is_the_sheet_whole() {
    use zhizao::compare::{Sheet, Sides};
    use zhizao::wrap::Widths;
    let lib = Library::bundled().unwrap();
    let sheet = Sheet::new(
        &lib,
        &Sides::lessons(&lib).unwrap(),
        30,
        Widths::default(),
        false,
    );
    for side in 0..2 {
        let whole = sheet.lines(&lib, side, 0..usize::MAX);
        assert_eq!(whole.len(), sheet.height());
        for window in [1, 2, 3, 5, 100] {
            let mut parts = Vec::new();
            let mut at = 0;
            while at < sheet.height() {
                parts.extend(sheet.lines(&lib, side, at..at + window));
                at += window;
            }
            assert_eq!(parts, whole, "{window} rows a window");
        }
    }
}

/// Ids are checked across files as each file joins the library: a second
/// article or place with an id already given is reported where it stands,
/// naming where the first was, and the files around it still link up.
#[test]
fn an_id_given_again_in_a_later_file_names_the_first() {
    let article = |id: &str, title: &str| {
        format!(
            "[article]\nid = \"{id}\"\ntitle = \"{title}\"\n\n[[section]]\nid = \"s\"\nheading = \"一部分\"\nparagraphs = [\"正文。\"]\n"
        )
    };
    let place = "[[place]]\nid = \"shanghai\"\nname = \"上海\"\nscope = \"domestic\"\nours = { english = \"Shanghai\", country = \"China\", country_zh = \"中国\" }\n";
    let files = [
        ("a.toml", format!("{place}\n{}", article("one", "甲"))),
        ("b.toml", article("two", "乙")),
        ("c.toml", format!("\n\n{place}\n{}", article("one", "丙"))),
    ];
    let errors = zhizao::content::Library::from_sources(
        files
            .iter()
            .map(|(name, text)| (std::path::PathBuf::from(name), text.clone())),
    )
    .expect_err("two articles `one`, two places `shanghai`");
    let heads: Vec<String> = errors
        .0
        .iter()
        .map(zhizao::content::ContentError::headline)
        .collect();
    assert_eq!(
        heads,
        [
            "c.toml:4:6: duplicate place id `shanghai` (first at a.toml:2:6)",
            "c.toml:10:6: duplicate article id `one` (first at a.toml:8:6)",
        ],
        "{heads:?}"
    );
    // Without the third file, the two articles' nodes link up in order.
    let lib = zhizao::content::Library::from_sources(
        files[..2]
            .iter()
            .map(|(name, text)| (std::path::PathBuf::from(name), text.clone())),
    )
    .expect("two files load");
    assert_eq!(lib.articles.len(), 2);
    for (i, article) in lib.articles.iter().enumerate() {
        let root = lib.node(article.root);
        assert_eq!(root.article, i);
        for &child in &root.children {
            let node = lib.node(child);
            assert_eq!((node.parent, node.article), (Some(article.root), i));
            assert_eq!(node.path, format!("{}/s", article.id));
        }
    }
}

#[test]
fn a_chapter_s_label_has_one_space_after_its_ordinal() {
    let toml = "[article]\nid = \"law\"\ntitle = \"某法\"\n\n[[section]]\nid = \"2\"\nordinal = \"第二章\"\nheading = \"第二章 公民的基本权利和义务\"\nparagraphs = [\"第三十三条 凡具有中华人民共和国国籍的人都是中华人民共和国公民。\"]\n";
    let lib = Library::from_sources([(std::path::PathBuf::from("law.toml"), toml.to_owned())])
        .expect("loads");
    let chapter = lib.node(lib.articles[0].root).children[0];
    assert_eq!(lib.node(chapter).label(), "公民的基本权利和义务");
    assert_eq!(lib.display_label(chapter), "第二章 公民的基本权利和义务");
}

#[test]
fn a_misspelt_field_does_not_hide_the_other_errors_of_its_file() {
    let toml = "[article]\nid = \"a\"\ntitle = \"标题\"\n\n[[section]]\nid = \"x\"\nheading = \"部分一\"\n\n[[section]]\nid = \"x\"\nheding = \"部分二\"\n";
    let errors = Library::from_sources([(std::path::PathBuf::from("a.toml"), toml.to_owned())])
        .expect_err("two errors");
    let said = errors.to_string();
    assert!(said.contains("unknown field `heding`"), "{said}");
    assert!(said.contains("duplicate id `x`"), "{said}");
}
