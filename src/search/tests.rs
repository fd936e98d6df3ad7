//! The index's private parts: reading sets and rank bits.

use super::outcome::TermMatch;
use super::pinyin::SetAt;
use super::*;

fn index() -> SearchIndex {
    SearchIndex::storing_sets(Arc::new(Library::bundled().expect("bundled content loads")))
}

#[test]
fn heteronyms_keep_every_reading() {
    let ix = index();
    for (c, a, b) in [
        ('重', "zhong", "chong"),
        ('长', "chang", "zhang"),
        ('行', "xing", "hang"),
        ('厦', "sha", "xia"),
    ] {
        let readings = ix.readings().readings(c);
        assert!(
            readings.iter().any(|x| x == a) && readings.iter().any(|x| x == b),
            "{c}: {readings:?}"
        );
    }
}

#[test]
fn characters_apart_match_only_where_no_text_holds_the_word() {
    // 智造创新 is a word of the page: only texts holding it, all contiguous.
    let out = index().search("智造创新", 1000, None, None).unwrap();
    assert!(!out.scattered && out.total() > 0);
    assert!(out.hits.iter().all(|h| h.rank.contiguous()));
    // 智创 is not: its characters in order, near each other, are found.
    let out = index().search("智创", 1000, None, None).unwrap();
    assert!(out.scattered && out.total() > 0);
    assert!(
        out.hits
            .iter()
            .filter(|h| h.rank.tier() == Tier::Body)
            .all(|h| !h.rank.contiguous())
    );
}
#[test]
fn a_lone_letter_prefers_a_character_read_as_it_alone() {
    let r = pinyin::Readings::shared();
    let best = |text: &str, letters: &str| {
        let mut sets = vec![0; text.chars().count()];
        r.sets_into(text, &mut sets);
        let reach = sets.iter().fold(0, |m, &s| m | r.initials(s));
        r.find(sets.as_slice(), &r.letters(letters).unwrap(), reach)
    };
    let read = |whole| pinyin::Reading {
        in_context: true,
        whole,
    };
    // 你 (ni) comes first, but 嗯 reads as n alone: a whole syllable.
    assert_eq!(best("你说：嗯，好。", "n"), Some((3, 4, read(true))));
    assert_eq!(best("你说：好。", "n"), Some((0, 1, read(false))));
    // `nb` cannot end on a whole syllable: the first run in context wins.
    assert_eq!(best("宁波，宁波", "nb"), Some((0, 2, read(false))));
}

/// Every run of two to four hanzi in the authors' text (each a word or
/// the start of one), spelled in full pinyin as the `pinyin` crate reads
/// each character, and by its initials, finds that very run: the proof
/// that no word of the page is out of reach by pinyin.
#[test]
fn every_run_of_the_page_is_found_by_its_full_pinyin_and_its_initials() {
    use ::pinyin::ToPinyin as _;
    let ix = index();
    let (mut runs, mut missed) = (0, Vec::new());
    let mut seen = std::collections::HashSet::new();
    for entry in 0..u32::try_from(ix.len()).unwrap() {
        if !matches!(ix.target(entry), Target::Field(_)) {
            continue;
        }
        let text = ix.text(entry);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for start in 0..chars.len() {
            for len in 2..=4 {
                let Some(run) = chars.get(start..start + len) else {
                    break;
                };
                // ü as a keyboard types it: v.
                let readings: Option<Vec<String>> = run
                    .iter()
                    .map(|&(_, c)| c.to_pinyin().map(|p| p.plain().replace('ü', "v")))
                    .collect();
                let Some(readings) = readings else {
                    break;
                };
                let word: String = run.iter().map(|&(_, c)| c).collect();
                if !seen.insert(word.clone()) {
                    continue;
                }
                runs += 1;
                let at = start;
                let full = readings.concat();
                let initials: String = readings.iter().filter_map(|r| r.chars().next()).collect();
                for typed in [full, initials] {
                    let query = Query::parse(&typed, &ix.lib);
                    let letters = query.terms[0].letters.as_ref().expect("letters");
                    // The text is a hit, and the letters read the run where
                    // it stands (the marks may go to a better reading, or a
                    // place the letters also name: 上海 for `sh`).
                    let hit = ix.rank(entry, &query).is_some();
                    let reads = ix.with_sets(entry, &|| text, |sets| {
                        sets.reads_at(ix.readings, at, letters)
                            .is_some_and(|e| e >= at + len)
                    });
                    if !(hit && reads) {
                        missed.push(format!("{word} ({typed})"));
                    }
                }
            }
        }
    }
    assert!(runs > 5_000, "{runs} runs");
    assert!(
        missed.is_empty(),
        "{} of {runs} runs missed: {:?}",
        missed.len(),
        &missed[..missed.len().min(30)]
    );
}

/// A search stopped by a newer key hands on what it had narrowed to (here
/// stopped at once: every entry), and a longer query from it finds what it
/// finds from scratch.
#[test]
fn a_stopped_search_hands_on_a_narrowing_that_finds_the_same() {
    let ix = index();
    let generation = Generation::default();
    let mine = generation.bump();
    generation.bump();
    let Err(Some(partial)) = ix.search_from("zz", 20, None, Some((&generation, mine))) else {
        panic!("a stale search stops");
    };
    assert!(partial.hits.is_empty());
    assert_eq!(partial.matched.len(), ix.len());
    let ids = |o: &Outcome| o.hits.iter().map(|h| h.entry).collect::<Vec<_>>();
    for longer in ["zzc", "zzcx", "zzcxzd"] {
        let from = ix.search(longer, 20, Some(&*partial), None).unwrap();
        let fresh = ix.search(longer, 20, None, None).unwrap();
        assert_eq!(ids(&from), ids(&fresh), "{longer}");
        assert_eq!(from.total(), fresh.total());
    }
}

/// Characters in order reach the other script too: 智創 finds what 智创
/// finds (智…创 within a sentence), marked on the page's characters.
#[test]
fn characters_apart_match_in_either_script() {
    let ix = index();
    let simplified = ix.search("智创", 1000, None, None).unwrap();
    let traditional = ix.search("智創", 1000, None, None).unwrap();
    assert!(simplified.scattered && simplified.total() > 0);
    assert_eq!(traditional.total(), simplified.total());
    assert_eq!(traditional.marks, simplified.marks);
    let text = ix.text(traditional.hits[0].entry);
    let marked: String = traditional.marks[0]
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(marked, "智创");
}

/// A heading typed in the other script is as exact a match as typed in its own.
#[test]
fn an_exact_heading_is_exact_in_either_script() {
    let ix = index();
    let own = ix.search("创新驱动力", 10, None, None).unwrap();
    let other = ix.search("創新驅動力", 10, None, None).unwrap();
    assert_eq!(own.hits[0].rank.score(), other.hits[0].rank.score());
    assert_eq!(own.hits[0].entry, other.hits[0].entry);
}

/// A query typed on from one read as characters apart narrows from it,
/// and finds what it finds from nothing, in either mode.
#[test]
fn a_query_narrowed_from_characters_apart_finds_the_same() {
    let ix = index();
    for (short, long) in [("宁智", "宁智造"), ("智创", "智创新"), ("寧智", "寧智造")]
    {
        let before = ix.search(short, 200, None, None).unwrap();
        assert!(before.scattered, "{short}");
        let narrowed = ix.search(long, 200, Some(&before), None).unwrap();
        let fresh = ix.search(long, 200, None, None).unwrap();
        assert_eq!(narrowed.total(), fresh.total(), "{long}");
        assert_eq!(narrowed.scattered, fresh.scattered, "{long}");
        let entries = |o: &crate::search::Outcome| {
            o.hits.iter().map(|h| (h.entry, h.rank)).collect::<Vec<_>>()
        };
        assert_eq!(entries(&narrowed), entries(&fresh), "{long}");
    }
}

#[test]
fn stored_sets_read_back_as_worked_out_escapes_and_all() {
    // The page reads with more sets than a byte has codes: some escape.
    // Copies of it make shares enough for each core, and the places a
    // share of their own: each share keeps its own escapes.
    let lib = Library::from_sources(crate::content::bundled_copies(12)).expect("copies load");
    let ix = SearchIndex::storing_sets(Arc::new(lib));
    let packed = ix
        .sets
        .as_ref()
        .expect("the reader's index stores its sets");
    assert_eq!(packed.shares.len(), packed.escapes.len());
    assert!(packed.shares.len() >= 2, "{:?}", packed.shares);
    let held: usize = packed.escapes.iter().map(Vec::len).sum();
    assert!(held > 0);
    let mut escaped = 0;
    for entry in 0..ix.len() {
        let entry = u32::try_from(entry).unwrap();
        let text = ix.text(entry);
        let mut worked = vec![0; text.chars().count()];
        ix.readings.sets_into(text, &mut worked);
        ix.with_sets(entry, &|| text, |sets| {
            let EntrySets::Packed(sets) = sets else {
                panic!("stored sets are packed");
            };
            let back: Vec<u16> = (0..sets.count()).map(|c| sets.at(c)).collect();
            assert_eq!(back, worked, "{text}");
            let (its, coded) = sets.escapes();
            assert_eq!(its, coded, "{text}");
            escaped += its;
        });
    }
    assert_eq!(escaped, held, "each escape is one entry's");
}

/// Passing over a character by the letter after the first never loses a
/// run: for every two- and three-letter query of common letters, an entry
/// has a reading of it exactly when some character begins one.
#[test]
fn the_second_letter_passes_over_only_characters_that_cannot_begin_a_run() {
    let ix = index();
    let letters = b"abcdeghijlmnopqrstuwxyz";
    let mut queries: Vec<String> = Vec::new();
    for &a in letters {
        for &b in letters {
            queries.push(String::from_utf8(vec![a, b]).unwrap());
            for &c in b"ghinz" {
                queries.push(String::from_utf8(vec![a, b, c]).unwrap());
            }
        }
    }
    let mut found = 0;
    for q in &queries {
        let query = ix.readings.letters(q).unwrap();
        for entry in 0..u32::try_from(ix.len()).unwrap() {
            let text = ix.text(entry);
            let (fast, every) = ix.with_sets(entry, &|| text, |sets| {
                let every = (0..text.chars().count())
                    .any(|c| sets.reads_at(ix.readings, c, &query).is_some());
                (
                    sets.find_from(ix.readings, &query, u32::MAX, 0).is_some(),
                    every,
                )
            });
            assert_eq!(fast, every, "{q} in {text}");
            found += usize::from(fast);
        }
    }
    assert!(found > 10_000, "{found} entries read some query");
}

#[test]
fn reading_order_breaks_ties_across_a_hundred_thousand_articles() {
    // 100,000 articles index about 11.4 million entries: the last of them
    // must still rank after the one before it, and a match's place in its
    // text still counts.
    let how = |first| TermMatch {
        contiguous: true,
        gap: 0,
        first,
        in_context: true,
        whole: true,
        covers: 0,
    };
    let rank = |first, entry| Rank::new(false, how(first), Tier::Body, entry);
    for entry in [0, 2_097_151, 2_097_152, 3_400_000, 11_400_000] {
        assert!(rank(0, entry) > rank(0, entry + 1), "entry {entry}");
    }
    assert!(rank(3, 5) > rank(6, 0));
    assert!(rank(200_000, 5) > rank(200_003, 0));
    // Each field keeps to its bits: the best possible rank of the last
    // entry still reads below one exact match.
    assert!(Rank::new(true, how(u32::MAX), Tier::Body, u32::MAX) > rank(0, 0));
}

/// The palette counts sets in one slot a set: every set a character is
/// read with, alone or in a phrase of the page, has a slot.
#[test]
fn every_set_read_has_a_slot_to_be_counted_in() {
    let r = pinyin::Readings::shared();
    let count = r.set_count();
    assert!(count > 256, "more sets than a byte has codes: {count}");
    assert!(('\u{4E00}'..='\u{9FFF}').all(|c| usize::from(r.of(c)) < count));
    let lib = Library::bundled().expect("bundled content loads");
    let mut read = 0;
    for node in 0..lib.nodes.len() {
        for (_, text) in lib.fields(node) {
            let mut sets = vec![0; text.len()];
            let n = r.sets_into(text, &mut sets);
            assert!(sets[..n].iter().all(|&s| usize::from(s) < count), "{text}");
            read += n;
        }
    }
    assert!(read > 5_000, "the page's characters were read: {read}");
}

#[test]
fn the_reader_stores_reading_sets_only_for_text_that_needs_them() {
    // The page is far below the size where keys would be felt: its
    // reader works each entry's sets out; from 48 MiB they are stored.
    let ix = SearchIndex::new(Arc::new(Library::bundled().expect("bundled content loads")));
    assert!(ix.sets.is_none());
    assert!(index().sets.is_some());
    assert!(Sets::for_text(48 << 20) == Sets::Stored);
    assert!(Sets::for_text((48 << 20) - 1) == Sets::OnDemand);
}

/// The notes' matcher and the index's hold a text to the same rule: for
/// every text of the page and queries of every kind, one says a text holds
/// every word exactly when the other ranks it.
#[test]
fn notes_are_matched_by_the_rule_the_index_ranks_by() {
    let ix = index();
    let lib = Arc::clone(ix.library());
    let queries = [
        "宁波",
        "nb",
        "ningbo",
        "zzcx",
        "austin",
        "日本",
        "riben",
        "japan",
        "munich",
        "寧波",
        "筑波人才",
        "产教融合怎么做",
        "宁波 创新",
        "\"智造\"",
        "AI光谱",
        "年轻人的斗争精神",
        "shenzhen chuangxin",
        "创新 sz",
        "德國",
    ];
    let mut agreed = 0;
    for q in queries {
        let script = ix.script_for(q);
        let mut parsed = Query::parse_in(q, &lib, script).into_words(&lib, script);
        ix.code_terms(&mut parsed);
        let matcher = TextMatcher::new(q, &lib);
        for entry in 0..u32::try_from(ix.len()).unwrap() {
            let Target::Field(_) = ix.target(entry) else {
                continue;
            };
            let text = ix.text(entry);
            let ranked = ix.rank_terms(entry, &parsed).is_some()
                || (ix.is_label(entry) && ix.rank_terms(entry - 1, &parsed).is_some());
            assert_eq!(matcher.matches(text), ranked, "{q}: {text}");
            agreed += usize::from(ranked);
        }
    }
    assert!(agreed > 100, "{agreed}");
}

/// Where no note holds every word, those holding the most are kept, the
/// rarer word counting for more.
#[test]
fn notes_holding_the_most_words_are_kept_when_none_holds_all() {
    let lib = Library::bundled().unwrap();
    let m = TextMatcher::new("宁波 筑波 人才", &lib);
    let texts = ["宁波人才", "筑波人才", "宁波", "人才", "宁波人才好"];
    let held: Vec<u64> = texts.iter().map(|t| m.held(t)).collect();
    let kept: Vec<&str> = texts
        .iter()
        .zip(m.kept(&held))
        .filter_map(|(t, k)| k.then_some(*t))
        .collect();
    // 筑波 is in one text, 宁波 in three: 筑波人才 holds two, the rarer.
    assert_eq!(kept, ["筑波人才"]);
    let all = TextMatcher::new("宁波 人才", &lib);
    let held: Vec<u64> = texts.iter().map(|t| all.held(t)).collect();
    assert_eq!(all.kept(&held), [true, false, false, false, true]);
    assert!(!TextMatcher::new("的是了", &lib).matches("的是了"));
}
