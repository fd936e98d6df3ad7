//! The places a page names, found by the gazetteer, against a set judged by
//! reading five real pages (tests/fixtures/places: every mention marked,
//! the rules in its README): precision at least 0.97, recall at least 0.95,
//! counted mention by mention, each by the form the page prints.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use zhizao::content::Library;
use zhizao::content::gazetteer::Gazetteer;
use zhizao::import::{Options, import};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A real page as the reader has it after `zhizao import`.
fn page(name: &str) -> Library {
    let text = std::fs::read_to_string(fixtures().join("real").join(name)).unwrap();
    let imported = import(&text, &Options::default());
    Library::from_sources(
        imported
            .files
            .into_iter()
            .map(|(n, t)| (PathBuf::from(n), t)),
    )
    .unwrap()
}

#[test]
fn places_are_found_as_a_reader_marks_them() {
    let judged = std::fs::read_to_string(fixtures().join("places/judged.tsv")).unwrap();
    let mut want: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for line in judged.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        *want
            .entry(f[0].to_owned())
            .or_default()
            .entry(f[1].to_owned())
            .or_default() += f[2].parse::<usize>().unwrap();
    }
    assert_eq!(want.len(), 5, "five pages");
    let (mut found, mut marked, mut right) = (0, 0, 0);
    let gazetteer = Gazetteer::load();
    let mut report = String::new();
    for (name, want) in &want {
        let lib = page(name);
        // Each mention by the form printed, as the place index counts them.
        let mut got: HashMap<String, usize> = HashMap::new();
        for node in 0..lib.nodes.len() {
            for (_, text) in lib.fields(node) {
                for (r, e) in gazetteer.find(text) {
                    if !gazetteer.entries()[e].is_word() {
                        *got.entry(text[r].to_owned()).or_default() += 1;
                    }
                }
            }
        }
        let counted: usize = lib.mentions().named().iter().map(|n| n.times).sum();
        assert_eq!(
            counted,
            got.values().sum::<usize>(),
            "{name}: the index counts what was found"
        );
        for (form, &n) in &got {
            let m = want.get(form).copied().unwrap_or(0);
            if n != m {
                let _ = writeln!(report, "{name}: {form} found {n}, marked {m}");
            }
            right += n.min(m);
        }
        for (form, &m) in want {
            if !got.contains_key(form) {
                let _ = writeln!(report, "{name}: {form} found 0, marked {m}");
            }
        }
        found += got.values().sum::<usize>();
        marked += want.values().sum::<usize>();
    }
    #[allow(clippy::cast_precision_loss)]
    let (precision, recall) = (right as f64 / found as f64, right as f64 / marked as f64);
    println!(
        "precision {precision:.3} recall {recall:.3} ({right} right, {found} found, {marked} marked)\n{report}"
    );
    assert!(precision >= 0.97, "precision {precision:.3}\n{report}");
    assert!(recall >= 0.95, "recall {recall:.3}\n{report}");
}

/// `zhizao places --json` lists the places as the place index does, in its
/// order, each counted by the one rule.
#[test]
fn places_json_is_the_place_index() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_zhizao"))
        .args(["places", "--json"])
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("zhizao-places-test"),
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let lib = Library::bundled().unwrap();
    let named = lib.mentions();
    assert_eq!(rows.len(), lib.places.len());
    for ((row, place), n) in rows.iter().zip(&lib.places).zip(named.named()) {
        assert_eq!(row["name"], place.name.as_str());
        assert_eq!(row["english"], place.english.as_str());
        assert_eq!(row["mentions"], n.times);
        assert_eq!(
            zhizao::compare::mentions(
                &lib,
                lib.places
                    .iter()
                    .position(|p| p.name == place.name)
                    .unwrap()
            )
            .1,
            n.times
        );
    }
    let ningbo = rows.iter().find(|r| r["name"] == "宁波").unwrap();
    assert_eq!(ningbo["english"], "Ningbo");
    assert_eq!(ningbo["country"], "中国");
}

/// A place is counted, marked and stepped to by every name it goes by, the
/// longest at each point: 长江三角洲 is 长三角, 发展中国家 is not 中国.
#[test]
fn every_name_of_a_place_is_counted_and_marked() {
    let article = "[article]\nid = \"a\"\ntitle = \"标题\"\nparagraphs = [\"长江三角洲和长三角，发展中国家与中国。\"]\n";
    let lib = Library::from_sources([(PathBuf::from("a.toml"), article.to_owned())]).unwrap();
    let at = |name: &str| lib.places.iter().position(|p| p.name == name).unwrap();
    let (delta, china) = (at("长三角"), at("中国"));
    let mentions = lib.mentions();
    assert_eq!(mentions.named()[delta].times, 2);
    assert_eq!(mentions.named()[china].times, 1);
    let text: Vec<char> = "长江三角洲和长三角，发展中国家与中国。".chars().collect();
    let marked = |place: usize| -> String {
        mentions.of(place)[0]
            .marks(&lib)
            .into_iter()
            .map(|i| text[i])
            .collect()
    };
    assert_eq!(marked(delta), "长江三角洲长三角");
    assert_eq!(marked(china), "中国");
    let index = zhizao::search::SearchIndex::new(std::sync::Arc::new(lib.clone()));
    let Some(zhizao::views::navigate::Arrival::Text(_, hits, _)) =
        zhizao::views::navigate::Destination::Place(delta).resolve(&index)
    else {
        panic!("the reader goes to 长三角");
    };
    assert_eq!(hits.len(), 2, "n and N step through both names");
}

/// The picker puts the place whose own name was typed first: `zhongguo`
/// is 中国, not 上海 (whose country is 中国).
#[test]
fn the_picker_puts_the_place_named_first() {
    let lib = std::sync::Arc::new(Library::bundled().unwrap());
    let index = zhizao::search::SearchIndex::new(std::sync::Arc::clone(&lib));
    for (typed, name) in [
        ("zhongguo", "中国"),
        ("中国", "中国"),
        ("ningbo", "宁波"),
        ("shanghai", "上海"),
    ] {
        let found = index.match_places(typed);
        assert_eq!(lib.places[found[0]].name, name, "{typed}");
    }
}

#[test]
fn the_first_frame_is_drawn_without_the_gazetteer_and_its_places_come_the_same() {
    // What the reader opens on: the declared places only.
    let first = Library::bundled_placed(false).expect("the bundled page");
    assert!(!first.places.is_empty() && first.places.iter().all(|p| !p.found));
    assert!(!first.places.iter().any(|p| p.name == "杭州"));
    // Behind it, the places found: the same list the commands print.
    let mut later = first.clone();
    later.find_places();
    let names = |lib: &Library| {
        lib.places
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    let whole = Library::bundled().expect("the bundled page");
    assert_eq!(names(&later), names(&whole));
    assert!(later.places.iter().any(|p| p.found && p.name == "杭州"));
    // Found once: looking again adds nothing.
    later.find_places();
    assert_eq!(names(&later), names(&whole));
}
