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
fn contiguous_hits_rank_above_scattered_ones_within_a_tier() {
    let out = index().search("智造创新", 1000, None, None).unwrap();
    let body: Vec<_> = out
        .hits
        .iter()
        .filter(|h| h.rank.tier() == Tier::Body)
        .collect();
    let first_scattered = body.iter().position(|h| !h.rank.contiguous()).unwrap();
    assert!(body[..first_scattered].iter().all(|h| h.rank.contiguous()));
    assert!(body[first_scattered..].iter().all(|h| !h.rank.contiguous()));
}
