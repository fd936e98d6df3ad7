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

/// The table read, and an automaton over every name and form: made for a
/// pass over a collection and dropped after it, so a reader holds it only
/// while a collection is loaded whole.
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Every name and form, leftmost-longest.
    names: AhoCorasick,
    /// The entry each pattern names.
    of: Vec<u32>,
}

/// The rows of the table, in its order.
fn rows() -> impl Iterator<Item = Entry> {
    TABLE.lines().skip(1).filter_map(|line| {
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
}

impl Gazetteer {
    /// The table read and its automaton made.
    #[must_use]
    pub fn load() -> Self {
        Gazetteer::for_chars(|_| true)
    }

    /// The table read, and an automaton over the names whose every
    /// character `has`: a page of a few thousand characters can name only
    /// a few hundred of the places, and an automaton over them is made in
    /// a tenth of the time (the reader's first frame waits for it when it
    /// opens a small collection whole).
    ///
    /// # Panics
    /// Never: the table is ours, and a test makes it.
    #[must_use]
    pub fn for_chars(has: impl Fn(char) -> bool) -> Self {
        let can = |name: &str| name.chars().all(&has);
        let entries: Vec<Entry> = rows()
            .filter(|e| std::iter::once(e.name).chain(e.forms()).any(can))
            .collect();
        let mut patterns = Vec::new();
        let mut of = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(e.name).chain(e.forms()).filter(|n| can(n)) {
                patterns.push(name);
                of.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the gazetteer's names make an automaton");
        Gazetteer { entries, names, of }
    }

    /// The rows of the table, in its order.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The heap it holds, in bytes (the table's text is in the binary).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.names.memory_usage()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.of.capacity() * std::mem::size_of::<u32>()
    }

    /// Each place the text names, where: `(bytes, entry)`, left to right,
    /// the longest name at each point.
    pub fn find<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + 'a {
        self.names
            .find_iter(text)
            .map(|m| (m.range(), self.of[m.pattern().as_usize()] as usize))
    }
}

/// Words that hold a name but name no place (发展中国家 is not 中国): a
/// count of the places in a text matches them too, and lets them go.
pub fn words() -> impl Iterator<Item = &'static str> {
    rows().filter(|e| e.is_word()).map(|e| e.name)
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
    // The characters the text holds (those of the Basic Multilingual
    // Plane, as bits; any other counts as held), gathered on all cores, so
    // the automaton holds only the names that can stand in it: a page of
    // a few thousand characters can name a few hundred places, not 3,800.
    let nodes: Vec<usize> = (0..lib.nodes.len()).collect();
    let chunk = nodes.len().div_ceil(crate::threads()).max(256);
    let bits = crate::on_cores(nodes.chunks(chunk).map(|share| {
        move || {
            let mut bits = vec![0u64; 1 << 10];
            for &node in share {
                for (_, text) in lib.fields(node) {
                    for c in text.chars() {
                        let c = c as usize;
                        if let Some(word) = bits.get_mut(c >> 6) {
                            *word |= 1 << (c & 63);
                        }
                    }
                }
            }
            bits
        }
    }))
    .into_iter()
    .reduce(|a, b| a.iter().zip(&b).map(|(x, y)| x | y).collect())
    .unwrap_or_default();
    let gazetteer = Gazetteer::for_chars(|c| {
        let c = c as usize;
        bits.get(c >> 6).is_none_or(|w| w & (1 << (c & 63)) != 0)
    });
    let entries = gazetteer.entries();
    // Each share of the nodes on a core of its own, each giving the places
    // it names in the order it first names them; put together in order.
    let shares = crate::on_cores(nodes.chunks(chunk).map(|share| {
        let gazetteer = &gazetteer;
        move || {
            let mut seen = vec![false; gazetteer.entries().len()];
            let mut order = Vec::new();
            for &node in share {
                for (_, text) in lib.fields(node) {
                    for (_, e) in gazetteer.find(text) {
                        if !std::mem::replace(&mut seen[e], true) {
                            order.push(e);
                        }
                    }
                }
            }
            order
        }
    }));
    let mut seen = vec![false; entries.len()];
    let order: Vec<usize> = shares
        .into_iter()
        .flatten()
        .filter(|&e| !std::mem::replace(&mut seen[e], true))
        .collect();
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    order
        .into_iter()
        .map(|e| entries[e])
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

/// A Chinese name's pinyin as an English name: 杭州 → Hangzhou, a full
/// name's kind in English: 嘉定区 → Jiading District.
fn pinyin_name(name: &str) -> String {
    use pinyin::ToPinyin;
    const KINDS: [(&str, &str); 6] = [
        ("自治县", "Autonomous County"),
        ("新区", "New Area"),
        ("区", "District"),
        ("县", "County"),
        ("市", "City"),
        ("旗", "Banner"),
    ];
    let (stem, kind) = KINDS
        .iter()
        .find_map(|(zh, en)| {
            name.strip_suffix(zh)
                .filter(|s| s.chars().count() >= 2)
                .map(|s| (s, *en))
        })
        .unwrap_or((name, ""));
    let plain: String = stem
        .to_pinyin()
        .map(|p| p.map_or("", |p| p.plain()))
        .collect();
    let mut chars = plain.chars();
    let english = chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default();
    if kind.is_empty() {
        english
    } else {
        format!("{english} {kind}")
    }
}

#[cfg(test)]
mod tests {
    use super::Gazetteer;

    fn names(text: &str) -> Vec<&'static str> {
        let g = Gazetteer::load();
        g.find(text).map(|(_, e)| g.entries()[e].name).collect()
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
        let g = Gazetteer::load();
        for e in g.entries() {
            assert!(!e.name.is_empty() && !e.kind.is_empty(), "{e:?}");
            assert!(seen.insert(e.name), "{} twice", e.name);
        }
        assert!(g.entries().len() > 3_500);
    }
}
