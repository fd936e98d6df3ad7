//! Every place a page names: a gazetteer shipped with the program (China's
//! provinces, prefectures, counties and districts from the GB/T 2260 tables;
//! the world's countries, regions and cities as CLDR names them in Chinese;
//! a few regions readers name, ours), found in a collection's text when it
//! is loaded. The collection's own places (`places.toml`) stay the editorial
//! layer: a place it declares is never added again. `gazetteer/README.md`
//! gives the sources, their licences and dates, and how the table is made.
//!
//! The rules that keep precision are in the table, one row a place: a
//! short form (杭州 for 杭州市) only where it names nothing else (not a
//! county whose short form is another county's, or a common word: 长治久安,
//! 中山装, 大同社会), else the full name alone; and in the text the longest
//! name wins (浙江省 over 浙江, 浙江西部 is not 江西).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Library, Place, Scope};

const TABLE: &str = include_str!("gazetteer/places.tsv");

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The name counted, as pages print it.
    pub name: &'static str,
    pub kind: &'static str,
    pub country_zh: &'static str,
    pub country: &'static str,
    /// Empty for a Chinese division: worked out from its pinyin.
    pub english: &'static str,
    /// Other names it goes by (its full name, a longer form), space-separated.
    forms: &'static str,
}

impl Entry {
    /// A word, not a place: see [`words`].
    #[must_use]
    pub fn is_word(self) -> bool {
        self.kind.starts_with("word")
    }

    fn forms(self) -> impl Iterator<Item = &'static str> {
        self.forms.split(' ').filter(|f| !f.is_empty())
    }
}

struct Gazetteer {
    entries: Vec<Entry>,
    /// Every name and form, leftmost-longest.
    names: AhoCorasick,
    /// The entry each pattern names.
    of: Vec<u32>,
}

fn gazetteer() -> &'static Gazetteer {
    static ONE: OnceLock<Gazetteer> = OnceLock::new();
    ONE.get_or_init(|| {
        let entries: Vec<Entry> = TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some(Entry {
                    name: f.next()?,
                    kind: f.next()?,
                    country_zh: f.next()?,
                    country: f.next()?,
                    english: f.next()?,
                    forms: f.next().unwrap_or_default(),
                })
            })
            .collect();
        let mut patterns = Vec::new();
        let mut of = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(e.name).chain(e.forms()) {
                patterns.push(name);
                of.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer's names make an automaton");
        Gazetteer { entries, names, of }
    })
}

/// Words that hold a name but name no place (发展中国家 is not 中国): a
/// count of the places in a text matches them too, and lets them go.
pub fn words() -> impl Iterator<Item = &'static str> {
    entries().iter().filter(|e| e.is_word()).map(|e| e.name)
}

/// The rows of the table, in its order.
#[must_use]
pub fn entries() -> &'static [Entry] {
    &gazetteer().entries
}

/// Each place the text names, where: `(bytes, entry)`, left to right, the
/// longest name at each point.
pub fn find(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + '_ {
    let g = gazetteer();
    g.names
        .find_iter(text)
        .map(|m| (m.range(), g.of[m.pattern().as_usize()] as usize))
}

/// The gazetteer's places a library names that it does not declare, as
/// places, in the order the text first names them.
#[must_use]
pub fn found(lib: &Library) -> Vec<Place> {
    let declared: std::collections::HashSet<&str> = lib
        .places
        .iter()
        .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str)))
        .collect();
    let ids: std::collections::HashSet<&str> = lib.places.iter().map(|p| p.id.as_str()).collect();
    let mut seen = vec![false; entries().len()];
    let mut order = Vec::new();
    for node in 0..lib.nodes.len() {
        for (_, text) in lib.fields(node) {
            for (_, e) in find(text) {
                if !std::mem::replace(&mut seen[e], true) {
                    order.push(e);
                }
            }
        }
    }
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    order
        .into_iter()
        .map(|e| entries()[e])
        .filter(|e| !e.is_word())
        .filter(|e| !declared.contains(e.name) && !e.forms().any(|f| declared.contains(f)))
        .filter_map(|e| {
            let english = if e.english.is_empty() {
                pinyin_name(e.name)
            } else {
                e.english.to_owned()
            };
            // An id as the collection's own are made: the English name's
            // letters; the name itself where those are taken.
            let slug: String = english
                .to_lowercase()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            let id = if slug.is_empty() || ids.contains(slug.as_str()) || taken.contains(&slug) {
                e.name.to_owned()
            } else {
                slug
            };
            taken.insert(id.clone()).then(|| Place {
                id,
                name: e.name.to_owned(),
                scope: if e.country_zh == "中国" {
                    Scope::Domestic
                } else {
                    Scope::Foreign
                },
                english,
                country: e.country.to_owned(),
                country_zh: e.country_zh.to_owned(),
                aliases: e.forms().map(str::to_owned).collect(),
                found: true,
            })
        })
        .collect()
}

/// A Chinese name's pinyin as an English name: 杭州 → Hangzhou.
fn pinyin_name(name: &str) -> String {
    use pinyin::ToPinyin;
    let plain: String = name
        .to_pinyin()
        .map(|p| p.map_or("", |p| p.plain()))
        .collect();
    let mut chars = plain.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{entries, find};

    fn names(text: &str) -> Vec<&'static str> {
        find(text).map(|(_, e)| entries()[e].name).collect()
    }

    #[test]
    fn the_longest_name_wins_and_a_word_is_not_a_place() {
        assert_eq!(names("浙江省杭州市余姚市"), ["浙江", "杭州", "余姚市"]);
        assert!(
            names("资源、光明、江山").is_empty(),
            "a county by its full name alone"
        );
        assert_eq!(names("浙江西部"), ["浙江"], "浙江西部 is not 江西");
        assert!(names("长治久安，中山装，大同社会").is_empty());
        assert_eq!(
            names("长治市、中山市、大同市"),
            ["长治市", "中山市", "大同市"]
        );
        assert_eq!(names("长江三角洲和长三角"), ["长三角", "长三角"]);
        assert_eq!(
            names("美国纽约、德国柏林"),
            ["美国", "纽约", "德国", "柏林"]
        );
        assert_eq!(
            names("发展中国家和中国"),
            ["发展中国家", "中国"],
            "a word, then the place"
        );
    }

    #[test]
    fn every_row_is_whole_and_every_name_is_its_own() {
        let mut seen = std::collections::HashSet::new();
        for e in entries() {
            assert!(!e.name.is_empty() && !e.kind.is_empty(), "{e:?}");
            assert!(seen.insert(e.name), "{} twice", e.name);
        }
        assert!(entries().len() > 3_500);
    }
}
