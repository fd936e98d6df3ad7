//! The index's private parts: reading sets and rank bits.

use super::*;

fn index() -> SearchIndex {
    SearchIndex::new(Arc::new(Library::bundled().expect("bundled content loads")))
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
        r.find(&sets, &r.letters(letters).unwrap(), reach)
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
