//! Finding a place by any name the picker shows: by hanzi, pinyin or
//! English name, and by its country in each of those.

use super::{Query, Rank, SearchIndex, Target};
use crate::content::PlaceId;

impl SearchIndex {
    /// The places a query matches (by hanzi, pinyin or English name), best
    /// first: what the place picker lists.
    #[must_use]
    pub fn match_places(&self, query: &str) -> Vec<PlaceId> {
        let parsed = Query::parse_in(query, &self.lib, self.script_for(query));
        let mut found: Vec<(Rank, PlaceId)> = (0..self.entries.len())
            .filter_map(|i| {
                let entry = u32::try_from(i).ok()?;
                let Target::Place(p) = self.entries[i].target() else {
                    return None;
                };
                self.rank(entry, &parsed).map(|r| (r, p))
            })
            .collect();
        // A place whose own name is what was typed (中国 for `zhongguo`)
        // before one that only shows it (上海's country, 中国).
        let typed = query.trim();
        let letters = self.readings.letters(&typed.to_ascii_lowercase());
        let own = |p: PlaceId| {
            let name = &self.lib.places[p].name;
            name == typed || letters.as_ref().is_some_and(|l| reads_whole(name, l))
        };
        found.sort_by_key(|&(r, p)| (std::cmp::Reverse(own(p)), std::cmp::Reverse(r)));
        let mut places: Vec<PlaceId> = found.into_iter().map(|(_, p)| p).collect();
        // Then the places of a country named in any form the picker shows:
        // 日本, riben, japan.
        for (p, place) in self.lib.places.iter().enumerate() {
            if !places.contains(&p) && self.names_country(place, query.trim()) {
                places.push(p);
            }
        }
        places
    }

    /// Whether `typed` names the place's country: its Chinese name (or a
    /// part of it), the start of its English name (three letters or
    /// more), or the pinyin of its Chinese name, whole or by initials.
    fn names_country(&self, place: &crate::content::Place, typed: &str) -> bool {
        if typed.is_empty() {
            return false;
        }
        if place.country_zh.contains(typed) {
            return true;
        }
        if typed.len() >= 3
            && place
                .country
                .to_ascii_lowercase()
                .starts_with(&typed.to_ascii_lowercase())
        {
            return true;
        }
        let Some(letters) = self.readings.letters(&typed.to_ascii_lowercase()) else {
            return false;
        };
        let mut sets = vec![0; place.country_zh.len()];
        let n = self.readings.sets_into(&place.country_zh, &mut sets);
        self.readings
            .find(&sets[..n], &letters, u32::MAX)
            .is_some_and(|(a, b, _)| a == 0 && b == n)
    }
}

/// Whether pinyin letters read the whole of `name`, syllable by syllable
/// (`riben` for 日本; not its initials, which find too much).
pub(super) fn reads_whole(name: &str, letters: &super::pinyin::Letters) -> bool {
    let readings = super::pinyin::Readings::shared();
    let mut sets = vec![0; name.chars().count()];
    let n = readings.sets_into(name, &mut sets);
    readings
        .find(&sets[..n], letters, u32::MAX)
        .is_some_and(|(a, b, how)| a == 0 && b == n && how.whole && letters.len() > n)
}

/// An English name or alias holds the typed letters in order, as fzf
/// matches (`austn` → Austin), starting with its first letter; three letters
/// at least, so two initials stay pinyin.
pub(super) fn spells_english(place: &crate::content::Place, typed: &str) -> bool {
    use fuzzy_matcher::FuzzyMatcher as _;
    if typed.len() < 3 || !typed.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
    std::iter::once(&place.english)
        .chain(&place.aliases)
        .any(|name| {
            name.get(..1)
                .is_some_and(|f| f.eq_ignore_ascii_case(&typed[..1]))
                && matcher.fuzzy_match(name, typed).is_some()
        })
}
