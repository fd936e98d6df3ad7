//! The search engine: pinyin, English place names, multi-term AND, quotes,
//! ranking case by case, and highlights landing on the right hanzi.

use std::sync::Arc;

use zhizao::content::{Anchor, Field, Library};
use zhizao::search::{Generation, SearchIndex, Target};

fn index() -> SearchIndex {
    SearchIndex::new(Arc::new(Library::bundled().unwrap()))
}

/// The hits as the path and field of each, best first.
fn ranked(ix: &SearchIndex, q: &str) -> Vec<String> {
    let out = ix.search(q, 1000, None, None).unwrap();
    out.hits.iter().map(|h| describe(ix, h.entry)).collect()
}

fn describe(ix: &SearchIndex, entry: u32) -> String {
    let lib = ix.library();
    match ix.target(entry) {
        Target::Field(a) => format!("{} {:?}", lib.node(a.node).path, a.field),
        Target::Label(n) => format!("{} label", lib.node(n).path),
        Target::Place(p) => format!("place {}", lib.places[p].id),
    }
}

/// What the `rank`th hit marks: every marked run of its text, which must
/// all read the same.
fn highlighted(ix: &SearchIndex, q: &str, rank: usize) -> String {
    let out = ix.search(q, 1000, None, None).unwrap();
    let text = ix.text(out.hits[rank].entry);
    let mut runs: Vec<&str> = out.marks[rank].iter().map(|r| &text[r.clone()]).collect();
    runs.dedup();
    assert_eq!(runs.len(), 1, "{q}: every mark reads the same: {runs:?}");
    runs[0].to_owned()
}

#[test]
fn pinyin_initials_full_and_mixed_find_ningbo() {
    let ix = index();
    for q in ["nb", "ningbo", "ningb", "nbo"] {
        let hits = ranked(&ix, q);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(highlighted(&ix, q, 0), "宁波", "{q} highlights 宁波");
    }
    assert_eq!(highlighted(&ix, "zhizcx", 0), "智造创新");
    assert_eq!(highlighted(&ix, "quanqiu", 0), "全球");
}

/// A one-article collection with the given paragraphs.
fn collection(paragraphs: &[&str]) -> SearchIndex {
    let list = paragraphs
        .iter()
        .map(|p| format!("{p:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let toml = format!("[article]\nid = \"t\"\ntitle = \"标题\"\nparagraphs = [{list}]\n");
    let lib = Library::from_sources([("t.toml".into(), toml)]).unwrap();
    SearchIndex::new(Arc::new(lib))
}

#[test]
fn pinyin_is_anchored_to_syllables() {
    // Loose letter matching would find s…z in any long romanised text; here
    // only 深圳 (shen zhen) is an s-syllable followed by a z-syllable.
    let ix = collection(&["宁波港口，宁波舟山港", "深圳前海", "四个智造"]);
    // (The texts: the place 深圳 they name has a row of its own.)
    let hits: Vec<&str> = ix
        .search("sz", 10, None, None)
        .unwrap()
        .hits
        .iter()
        .filter(|h| !matches!(ix.target(h.entry), zhizao::search::Target::Place(_)))
        .map(|h| ix.text(h.entry))
        .collect();
    assert_eq!(hits, ["深圳前海"]);
    // 四个智造: 四 si, 个 ge — not adjacent s-z, so no match there either.
    assert!(!hits.contains(&"四个智造"));
    // Syllables are not split across characters: "ingbo" does not start at
    // a syllable, so nothing matches it as typed; what shows is a correction.
    let out = ix.search("ingbo", 10, None, None).unwrap();
    assert_eq!(out.corrected.as_deref(), Some("ningbo"));
    assert!(ix.search("ingb", 10, None, None).unwrap().hits.is_empty());
    assert_eq!(
        ix.search("nbzs", 10, None, None).unwrap().total(),
        1,
        "宁波舟山"
    );
    assert_eq!(
        ix.search("nbzsg", 10, None, None).unwrap().total(),
        1,
        "宁波舟山港"
    );
    assert_eq!(
        ix.search("nbzg", 10, None, None).unwrap().total(),
        0,
        "舟 and 港 are not adjacent"
    );
}

#[test]
fn characters_with_several_readings_match_any() {
    let ix = index();
    // 行业 in 促进行业领先: hangye, as a reader would type it.
    assert_eq!(highlighted(&ix, "hangye", 0), "行业");
    assert_eq!(highlighted(&ix, "xingye", 0), "行业");
}

#[test]
fn english_place_names_find_the_places_and_their_lessons() {
    let ix = index();
    for (q, place) in [
        ("austin", "austin"),
        ("Munich", "munich"),
        ("jurong", "jurong"),
        ("singapore", "jurong"),
        ("tsukuba", "tsukuba"),
    ] {
        let hits = ranked(&ix, q);
        assert_eq!(hits[0], format!("place {place}"), "{q}: {hits:?}");
    }
    let austin = ranked(&ix, "austin");
    assert!(
        austin.contains(&"capital/lessons/foreign/2 Paragraph(0)".to_owned()),
        "{austin:?}"
    );
    assert!(
        austin.contains(&"capital/lessons/foreign/4 Paragraph(0)".to_owned()),
        "{austin:?}"
    );
    assert_eq!(highlighted(&ix, "austin", 1), "奥斯汀");
    let sophia = ranked(&ix, "sophia antipolis");
    assert_eq!(sophia[0], "place sophia-antipolis");
    assert!(sophia.contains(&"capital/lessons/foreign/5 Paragraph(0)".to_owned()));
}

#[test]
fn all_terms_must_match_in_any_order() {
    let ix = index();
    let both = ranked(&ix, "上海 深圳");
    assert!(
        both.contains(&"capital/lessons/domestic/4 Paragraph(0)".to_owned()),
        "{both:?}"
    );
    assert!(
        !both.contains(&"capital/lessons/domestic/1 Paragraph(0)".to_owned()),
        "lesson 1 has no 深圳"
    );
    assert_eq!(
        ranked(&ix, "深圳 上海"),
        ranked(&ix, "上海 深圳").into_iter().collect::<Vec<_>>()
    );
    assert!(
        ranked(&ix, "austin 慕尼黑").contains(&"capital/lessons/foreign/2 Paragraph(0)".to_owned())
    );
}

#[test]
fn quotes_match_exact_substrings_only() {
    let ix = index();
    // 智创 matches 智造创新 fuzzily, but not as a quoted substring.
    assert!(!ranked(&ix, "智创").is_empty());
    assert!(ranked(&ix, "\"智创\"").is_empty());
    let exact = ranked(&ix, "\"产教融合\"");
    assert_eq!(exact[0], "capital/lessons/foreign/4 Heading");
    // A quoted phrase may hold a space; "nb" quoted is letters, not pinyin.
    assert!(ranked(&ix, "\"nb\"").is_empty());
}

#[test]
fn ranking_exact_then_headings_then_contiguous_then_earlier() {
    let ix = index();
    // An exact heading first.
    assert_eq!(ranked(&ix, "知行合一")[0], "models/virtue/2 Heading");
    assert_eq!(ranked(&ix, "奥斯汀")[0], "place austin");
    // Headings above body text.
    let h = ranked(&ix, "产教融合");
    assert_eq!(h[0], "capital/lessons/foreign/4 Heading");
    // Earlier in the text above later, for otherwise equal hits.
    let lessons = ranked(&ix, "例如");
    assert_eq!(
        lessons[0], "capital/lessons/domestic/1 Paragraph(0)",
        "例如 opens each lesson; reading order breaks the tie"
    );
    assert_eq!(lessons[1], "capital/lessons/domestic/2 Paragraph(0)");
}

#[test]
fn a_stable_order_for_ties_and_a_limit() {
    let ix = index();
    let a = ix.search("发展", 5, None, None).unwrap();
    let b = ix.search("发展", 1000, None, None).unwrap();
    assert_eq!(a.total(), b.total());
    assert_eq!(a.hits, b.hits[..5]);
}

#[test]
fn a_longer_query_reuses_the_last_result_set() {
    let ix = index();
    let mut prev = ix.search("q", 50, None, None).unwrap();
    for q in ["qu", "qua", "quan", "quanq", "quanqiu"] {
        let fresh = ix.search(q, 50, None, None).unwrap();
        let reused = ix.search(q, 50, Some(&prev), None).unwrap();
        assert_eq!(fresh.hits, reused.hits, "{q}");
        assert_eq!(fresh.total(), reused.total());
        prev = reused;
    }
}

#[test]
fn a_newer_query_cancels_an_older_one() {
    let ix = index();
    let generation = Generation::default();
    let mine = generation.bump();
    generation.bump();
    assert!(
        ix.search("宁波", 10, None, Some((&generation, mine)))
            .is_none()
    );
    let now = generation.current();
    assert!(
        ix.search("宁波", 10, None, Some((&generation, now)))
            .is_some()
    );
}

#[test]
fn every_match_in_an_article_for_n_and_shift_n() {
    let ix = index();
    let lib = ix.library();
    let all = ix.matches_in_article(0, "筑波");
    // 筑波: once in the report's intro, once each in lessons 1 and 4, twice in 5.
    assert_eq!(all.len(), count_in_article(lib, 0, "筑波"));
    assert_eq!(all.len(), 5);
    for (anchor, range) in &all {
        assert_eq!(&lib.text(*anchor).unwrap()[range.clone()], "筑波");
    }
    assert!(all.windows(2).all(
        |w| (w[0].0.node, w[0].1.start) <= (w[1].0.node, w[1].1.start)
            || w[0].0.node != w[1].0.node
    ));
    assert!(ix.matches_in_article(1, "筑波").is_empty());
    // By pinyin too: every 宁波 in the essay.
    let nb = ix.matches_in_article(1, "ningbo");
    assert_eq!(nb.len(), count_in_article(lib, 1, "宁波"));
    let _ = Anchor {
        node: 0,
        field: Field::Title,
    };
}

fn count_in_article(lib: &Library, article: usize, s: &str) -> usize {
    lib.anchors()
        .into_iter()
        .filter(|a| lib.node(a.node).article == article)
        .map(|a| lib.text(a).unwrap().matches(s).count())
        .sum()
}

#[test]
fn snippets_centre_on_the_match_and_fit() {
    let w = zhizao::wrap::Widths::default();
    let text = "一二三四五六七八九十一二三四五六七八九十宁波一二三四五六七八九十";
    let (s, p) = zhizao::wrap::snippet(text, &[20, 21], 20, w);
    assert!(w.str(&s) <= 20, "{s}");
    let chars: Vec<char> = s.chars().collect();
    assert_eq!(p.iter().map(|&i| chars[i]).collect::<String>(), "宁波");
    assert!(s.starts_with('…') && s.ends_with('…'));
}

#[test]
fn a_lone_initial_ranks_as_if_every_entry_were_ranked() {
    // One or two letters are matched from the reading sets' initials and
    // rank only what could make the cut; an index built for one query
    // ranks every entry the long way. Both must give the same hits and
    // count, for every letter and pair, either case, and limits small
    // enough to cut.
    let article = r#"
[article]
id = "t"
title = "南北"
paragraphs = ["嗯，你好。", "你说：嗯，好。", "Ningbo and NASA 宁波", "安全第一，啊", "a。", "饿了"]

[[section]]
id = "n"
heading = "N"
paragraphs = ["农业和工业", "x 轴上的 n 点", "哦，原来如此"]

[[section]]
id = "m"
heading = "n。"
ours = { label = "n" }
paragraphs = ["呣", "Embedded AI 系统", "没有拉丁字母的段落，只有汉字"]
"#;
    let places = r#"
[[place]]
id = "nantong"
name = "南通"
scope = "domestic"
ours = { english = "Nantong", country = "China", country_zh = "中国" }
"#;
    let crafted = Library::from_sources([
        ("t.toml".into(), article.to_owned()),
        ("places.toml".into(), places.to_owned()),
    ])
    .unwrap();
    for lib in [Library::bundled().unwrap(), crafted] {
        let lib = Arc::new(lib);
        let quick = SearchIndex::storing_sets(Arc::clone(&lib));
        let long_way = SearchIndex::for_one_query(lib);
        let singles = ('a'..='z').chain('A'..='Z').map(String::from);
        let pairs = ('a'..='z').flat_map(|a| ('a'..='z').map(move |b| format!("{a}{b}")));
        for q in singles
            .chain(pairs)
            .chain(["Ni", "NI", "zH", "Na"].map(String::from))
        {
            for limit in [1, 3, 20, 1000] {
                let a = quick.search(&q, limit, None, None).unwrap();
                let b = long_way.search(&q, limit, None, None).unwrap();
                assert_eq!(a.hits, b.hits, "{q} limit {limit}");
                assert_eq!(a.total(), b.total(), "{q}");
            }
        }
    }
}

#[test]
fn a_pasted_flood_matches_nothing_and_long_queries_are_not_corrected() {
    let ix = index();
    // 120,000 letters: once 372 s and 14 GB in the one-slip retry.
    let flood = "ningbo".repeat(20_000);
    let out = ix.search(&flood, 200, None, None).unwrap();
    assert_eq!((out.total(), out.corrected.as_deref()), (0, None));
    // Under the cap but past any phrase: searched, never retried.
    let long = "ningbo".repeat(340);
    let out = ix.search(&long, 200, None, None).unwrap();
    assert_eq!((out.total(), out.corrected.as_deref()), (0, None));
    let long = "qx".repeat(60);
    let out = ix.search(&long, 200, None, None).unwrap();
    assert_eq!((out.total(), out.corrected.as_deref()), (0, None));
    // A slip within reach is still put right (`ningob` finds the place 宁波
    // the page names, as a place answers to a slip in its English name).
    let out = ix.search("zhizoa", 200, None, None).unwrap();
    assert_eq!(out.corrected.as_deref(), Some("zhizao"));
}

#[test]
fn a_newer_query_stops_the_retry_too() {
    let ix = index();
    let generation = Generation::default();
    let mine = generation.bump();
    generation.bump();
    // Nothing matches as typed, so the retry would run: it is cancelled.
    assert!(
        ix.search("ningob", 200, None, Some((&generation, mine)))
            .is_none()
    );
}

#[test]
fn full_width_letters_and_a_stray_quote_search_as_meant() {
    let ix = index();
    let hits = |q: &str| ranked(&ix, q);
    assert!(!hits("nb").is_empty());
    assert_eq!(hits("ＮＢ"), hits("NB"));
    assert_eq!(hits("ｎｂ"), hits("nb"));
    assert_eq!(hits("nb\""), hits("nb"));
    assert_eq!(hits("宁\"波"), hits("宁波"));
    assert_eq!(hits("宁波\u{3000}智造"), hits("宁波 智造"));
    // Chinese punctuation is searched as written.
    assert!(!hits("（").is_empty());
}

#[test]
fn our_label_is_no_hit_of_its_own_beside_the_printed_heading() {
    let ix = index();
    let lib = ix.library();
    let mut checked = 0;
    for word in ["内涵特征", "国内外经验", "思路措施", "nhtz", "sl", "经验"] {
        let out = ix.search(word, 1000, None, None).unwrap();
        for hit in &out.hits {
            if let Target::Label(n) = ix.target(hit.entry) {
                let heading = out.hits.iter().any(|h| {
                    matches!(ix.target(h.entry), Target::Field(a) if a.node == n && matches!(a.field, Field::Heading | Field::Title))
                });
                assert!(!heading, "{word}: {} twice", lib.node(n).path);
            }
        }
        checked += out.hits.len();
        // The count is of what is listed.
        if out.total() <= 1000 {
            assert_eq!(out.total(), out.hits.len(), "{word}");
        }
    }
    assert!(checked > 0);
}

/// The texts a query's first hits hold its phrase whole in, sorted; every
/// one of them ranks above every hit that holds its words apart.
fn phrase_first(ix: &SearchIndex, query: &str) -> Vec<u32> {
    let out = ix.search(query, 10_000, None, None).unwrap();
    let whole = |h: &zhizao::search::Hit| ix.text(h.entry).contains(query);
    let first = out.hits.iter().take_while(|h| whole(h)).count();
    assert!(out.hits[first..].iter().all(|h| !whole(h)), "{query}");
    let mut entries: Vec<u32> = out.hits[..first].iter().map(|h| h.entry).collect();
    entries.sort_unstable();
    entries
}

#[test]
fn a_word_typed_as_hanzi_as_pinyin_or_quoted_finds_the_same_texts() {
    let ix = index();
    let set = |q: &str| {
        let mut entries: Vec<u32> = ix
            .search(q, 10_000, None, None)
            .unwrap()
            .hits
            .iter()
            .map(|h| h.entry)
            .collect();
        entries.sort_unstable();
        entries
    };
    for (hanzi, pinyin, initials) in [
        ("智造创新", "zhizaochuangxin", "zzcx"),
        ("宁波", "ningbo", "nb"),
        ("产业链", "chanyelian", "cyl"),
        ("全球", "quanqiu", "qq"),
    ] {
        // Typed as hanzi, a phrase is cut into words too: the texts that
        // hold it whole rank first, and are what quoted finds.
        let words = phrase_first(&ix, hanzi);
        assert!(!words.is_empty(), "{hanzi}");
        assert_eq!(words, set(&format!("\"{hanzi}\"")), "{hanzi} quoted");
        assert_eq!(words, set(pinyin), "{hanzi} as {pinyin}");
        // Initials stand for more words than one: every text of the word is among them.
        let by_initials = set(initials);
        assert!(
            words.iter().all(|e| by_initials.contains(e)),
            "{hanzi} as {initials}"
        );
    }
}

/// A collection printed in traditional characters is found by simplified
/// ones, marked on its own characters; and the simplified page by
/// traditional ones.
#[test]
fn either_script_finds_the_other() {
    use ferrous_opencc::OpenCC;
    use ferrous_opencc::config::BuiltinConfig;
    let s2t = OpenCC::from_config(BuiltinConfig::S2t).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for entry in std::fs::read_dir(content).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(
                dir.path().join(path.file_name().unwrap()),
                s2t.convert(&text),
            )
            .unwrap();
        }
    }
    let lib = zhizao::content::Library::load_dir(dir.path()).unwrap();
    let ix = zhizao::search::SearchIndex::new(std::sync::Arc::new(lib));
    let out = ix.search("宁波智造", 10, None, None).unwrap();
    assert!(out.total() > 0);
    let text = ix.text(out.hits[0].entry);
    let marked: String = out.marks[0].iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(marked, "寧波智造");
    let simplified = zhizao::search::SearchIndex::new(std::sync::Arc::new(
        zhizao::content::Library::bundled().unwrap(),
    ));
    let out = simplified.search("寧波智造", 10, None, None).unwrap();
    let text = simplified.text(out.hits[0].entry);
    let marked: String = out.marks[0].iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(marked, "宁波智造");
}

#[test]
fn the_readers_packed_sets_find_what_sets_worked_out_find() {
    // A large collection's reader keeps a byte a character (and its rarer
    // sets beside); `zhizao search`, and the reader of a small one, works
    // each text's sets out: every pinyin query finds the same hits, ranked
    // the same, either way.
    let lib = Arc::new(Library::bundled().unwrap());
    let packed = SearchIndex::storing_sets(Arc::clone(&lib));
    let worked = SearchIndex::for_one_query(lib);
    for q in [
        "ningbo",
        "nb",
        "zz",
        "zzcx",
        "zzcxzd",
        "qy",
        "chuangxin",
        "sch",
        "xian",
        "zhizao cx",
        "hang",
        "zhong",
        "chongqing",
        "sz",
        "shenzhen",
        "suzhou",
        "fazhan",
        "chanye",
        "kj",
    ] {
        let a = packed.search(q, 1000, None, None).unwrap();
        let b = worked.search(q, 1000, None, None).unwrap();
        assert!(a.total() > 0, "{q}");
        assert_eq!(a.hits, b.hits, "{q}");
        assert_eq!(a.total(), b.total(), "{q}");
    }
}

#[test]
fn the_readers_codes_pass_over_only_texts_that_lack_the_term() {
    // A large collection's reader reads a hanzi term's text only where
    // the entry's codes hold the term's (each character's, in a row, or in
    // order for characters apart); `zhizao search` keeps no codes and
    // reads every text. Every run of one to four characters of the page,
    // heteronyms read one way in a phrase (重庆, 之都, 行业) and alone, the
    // other script, characters apart and Latin: the same hits and count.
    let lib = Arc::new(Library::bundled().unwrap());
    let packed = SearchIndex::storing_sets(Arc::clone(&lib));
    let worked = SearchIndex::for_one_query(Arc::clone(&lib));
    let mut queries: Vec<String> = [
        "重庆",
        "重",
        "重要",
        "之都",
        "都",
        "行业",
        "银行",
        "长",
        "增长",
        "寧波創新",
        "創新之都",
        "宁创",
        "智都",
        "全都",
        "5G",
        "AI",
        "，",
        "宁波 创新",
        "\"宁波\"",
        "龘",
    ]
    .map(String::from)
    .to_vec();
    for anchor in lib.anchors() {
        let chars: Vec<char> = lib.text(anchor).unwrap_or_default().chars().collect();
        for len in 1..=4 {
            queries.extend(chars.windows(len).step_by(37).map(String::from_iter));
        }
    }
    let mut found = 0;
    for q in &queries {
        let a = packed.search(q, 50, None, None).unwrap();
        let b = worked.search(q, 50, None, None).unwrap();
        assert_eq!(a.hits, b.hits, "{q}");
        assert_eq!(a.total(), b.total(), "{q}");
        assert_eq!(a.scattered, b.scattered, "{q}");
        found += usize::from(a.total() > 0);
        // Typed on from its first character: narrowed from what that found.
        let first: String = q.chars().take(1).collect();
        let before = packed.search(&first, 50, None, None).unwrap();
        let typed = packed.search(q, 50, Some(&before), None).unwrap();
        assert_eq!(typed.hits, b.hits, "{q} after {first}");
        assert_eq!(typed.total(), b.total(), "{q} after {first}");
    }
    assert!(found > queries.len() / 2, "{found} of {}", queries.len());
}

#[test]
fn the_readers_codes_pass_over_only_texts_that_name_no_place() {
    // A term that names places (ni: Nice; japan, riben: 日本) looks for their
    // Chinese names only where the entry's codes hold them; `zhizao search`
    // reads every text. Every start of every place's English name, alias and
    // country, typed alone and typed on letter by letter: the same hits and
    // count.
    let lib = Arc::new(Library::bundled().unwrap());
    let packed = SearchIndex::storing_sets(Arc::clone(&lib));
    let worked = SearchIndex::for_one_query(Arc::clone(&lib));
    let mut queries: Vec<String> = Vec::new();
    for place in &lib.places {
        let names = [&place.english, &place.country]
            .into_iter()
            .chain(&place.aliases)
            .map(|n| n.to_lowercase());
        for name in names {
            let letters: Vec<char> = name.chars().filter(char::is_ascii_alphabetic).collect();
            queries.extend((2..=letters.len()).map(|n| letters[..n].iter().collect()));
        }
        // (A region the gazetteer found has no country.)
        if !place.country_zh.is_empty() {
            queries.push(place.country_zh.clone());
        }
    }
    queries.sort();
    queries.dedup();
    let mut named = 0;
    for q in &queries {
        let b = worked.search(q, 50, None, None).unwrap();
        // Some hit marked where it names a place.
        named += usize::from(b.hits.iter().zip(&b.marks).any(|(h, marks)| {
            let text = worked.text(h.entry);
            marks.iter().any(|m| {
                lib.places
                    .iter()
                    .any(|p| text.get(m.clone()) == Some(&p.name))
            })
        }));
        let mut before = None;
        for n in 1..=q.chars().count() {
            let typed: String = q.chars().take(n).collect();
            before = Some(packed.search(&typed, 50, before.as_ref(), None).unwrap());
        }
        let a = packed.search(q, 50, None, None).unwrap();
        for (how, got) in [("alone", a), ("typed on", before.unwrap())] {
            assert_eq!(got.hits, b.hits, "{q} {how}");
            assert_eq!(got.total(), b.total(), "{q} {how}");
        }
    }
    assert!(named > queries.len() / 4, "{named} of {}", queries.len());
}

/// The texts a query's hits are, best first.
fn hit_texts(ix: &SearchIndex, query: &str) -> Vec<String> {
    let out = ix.search(query, 50, None, None).unwrap();
    out.hits
        .iter()
        .map(|h| ix.text(h.entry).to_owned())
        .collect()
}

/// Hanzi never match their homophones: only typed pinyin reads (景点 is
/// jǐngdiǎn, 经典 jīngdiǎn; Meilisearch finds one for the other).
#[test]
fn hanzi_never_match_their_homophones() {
    let ix = collection(&["这是一部经典之作。", "城市景点众多。", "经典景点都在这里。"]);
    let sorted = |q: &str| {
        let mut t = hit_texts(&ix, q);
        t.sort();
        t
    };
    assert_eq!(sorted("景点"), ["城市景点众多。", "经典景点都在这里。"]);
    assert_eq!(sorted("经典"), ["经典景点都在这里。", "这是一部经典之作。"]);
    // As words of a phrase too: 经典 is one of 城市经典's words, never 景点.
    let out = ix.search("城市经典", 50, None, None).unwrap();
    for (hit, marks) in out.hits.iter().zip(&out.marks) {
        let text = ix.text(hit.entry);
        for r in marks {
            assert!(
                ["城市", "经典"].contains(&&text[r.clone()]),
                "{text}: {}",
                &text[r.clone()]
            );
        }
    }
    // Typed as pinyin, both are what the letters spell.
    assert_eq!(hit_texts(&ix, "jingdian").len(), 3);
}

/// A word inside a longer word is found: the text is matched by
/// characters, only the query is cut.
#[test]
fn a_word_inside_a_longer_word_is_found() {
    let ix = collection(&[
        "文件待处理。",
        "安装简单，使用方便。",
        "在建工程三项。",
        "创新链与产业链。",
    ]);
    for (query, text) in [
        ("处理", "文件待处理。"),
        ("简单", "安装简单，使用方便。"),
        ("工程", "在建工程三项。"),
        ("创新", "创新链与产业链。"),
        // In a phrase of several words as well.
        ("如何处理文件", "文件待处理。"),
        ("创新产业", "创新链与产业链。"),
    ] {
        assert_eq!(hit_texts(&ix, query), [text], "{query}");
    }
}

/// A query of only words that carry no topic says so, and matches
/// nothing, where matching 的 would find nearly every text.
#[test]
fn only_function_words_are_said_and_match_nothing() {
    let ix = collection(&["这是宁波的港口。", "他来了。"]);
    for query in ["的是了", "的", "怎么 什么"] {
        let out = ix.search(query, 50, None, None).unwrap();
        assert_eq!(out.total(), 0, "{query}");
        let words = out.words.expect("said");
        assert!(words.looked_for.is_empty() && !words.dropped.is_empty());
        assert_eq!(
            words.said(),
            format!("只有虚词 · 略：{}", words.dropped.join("、"))
        );
    }
}

/// Several words: all in one paragraph first; where no paragraph has
/// them all, a section; where none does, the most words, the commonest
/// left out. The status says which, and each hit says which words it holds.
#[test]
fn several_words_rank_by_paragraph_then_section_then_most_words() {
    let toml = r#"
[article]
id = "t"
title = "标题"
paragraphs = ["港口与航运。"]

[[section]]
id = "a"
heading = "一、港口"
paragraphs = ["宁波有港口。", "舟山也有航运。"]

[[section]]
id = "b"
heading = "二、城市"
paragraphs = ["宁波是城市。", "港口城市很多。", "宁波港口城市。"]
"#;
    let lib = Library::from_sources([("t.toml".into(), toml.to_owned())]).unwrap();
    let ix = SearchIndex::new(Arc::new(lib));
    let words = |q: &str| ix.search(q, 50, None, None).unwrap();
    // All in one paragraph.
    let out = words("宁波港口");
    assert_eq!(ix.text(out.hits[0].entry), "宁波港口城市。");
    assert_eq!(out.words.as_ref().unwrap().said(), "含全部词");
    assert!(out.hits.iter().all(|h| {
        let t = ix.text(h.entry);
        t.contains("宁波") && t.contains("港口")
    }));
    // Only a section holds 宁波 and 航运 (section a: 宁波有港口, 舟山也有航运).
    let out = words("宁波航运");
    let w = out.words.as_ref().unwrap();
    assert!(w.sections && w.missing.is_empty(), "{w:?}");
    assert_eq!(w.said(), "全部词在同一节");
    assert_eq!(out.total(), 1);
    assert_eq!(ix.path(out.hits[0].entry), "t/a");
    // No text or section holds 舟山 and 城市 and 宁波: the most words, the
    // commonest (宁波) left out where a rarer pair is held.
    let out = words("舟山宁波深圳");
    let w = out.words.as_ref().unwrap();
    assert_eq!(w.missing, ["深圳"], "{w:?}");
    assert!(
        w.said().starts_with("同一节含 2/3 个词（缺：深圳）"),
        "{}",
        w.said()
    );
    // The words each hit holds, as `search --json` gives them.
    assert_eq!(out.hit_words[0], 0b011);
}
