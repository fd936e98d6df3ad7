//! A typed run cut into the words a reader means by it: hanzi by jieba's
//! dictionary (`筑波人才` → 筑波 人才), Latin and digits apart from hanzi
//! (`6G通信` → 6G 通信), and the words of a question that carry no topic
//! (如何, 怎么, 的 …: `words/stop.txt`) set apart to be shown, not looked
//! for. Only the query is cut: the text is still matched by characters,
//! so a word inside a longer one is found (`处理` in `待处理`).
//!
//! The dictionary is jieba's own (349,045 words with their counts, MIT:
//! `words/README.md`), kept sorted in the binary and never loaded whole:
//! each query's segmenter holds only the dictionary words that stand in
//! that query, found by binary search, with the dictionary's total count,
//! so it cuts exactly as jieba with the whole dictionary would. Loading
//! the whole took 200 ms and 33 MB; a trimmed one of 36,000 words 10 ms and
//! 3.4 MB, a sixth of the reader's memory on a thousand articles.

use std::sync::OnceLock;

/// jieba's dictionary, sorted by bytes, `word count` a line, after a first
/// line giving the total of the counts.
const DICT: &str = include_str!("words/jieba.dict");

/// Where the dictionary's lines start a page (4 KiB) apart: the byte of
/// the first line at or after each page's start, and its word. A lookup
/// reads one or two pages of the dictionary, not the twenty a binary
/// search over it all would (each page read stays in the reader's memory).
const PAGES: &str = include_str!("words/jieba.pages");

/// The longest run cut into words, in characters: past any phrase or
/// question a reader types; a longer one (a paste) is looked for as it is.
pub const LONGEST_RUN: usize = 64;

/// The longest dictionary word, in characters.
const LONGEST: usize = 16;

const STOP: &str = include_str!("words/stop.txt");

/// One piece of a typed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// A word of a question that carries no topic: shown, not looked for.
    pub stop: bool,
    /// Latin letters or digits cut from a run with hanzi (`AI` in `AI光谱`):
    /// matched as written, never read as pinyin.
    pub latin: bool,
}

/// Whether `word` is one of the words a question's topic never rests on.
#[must_use]
pub fn is_stop(word: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            STOP.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(word)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Whether a typed run is cut at all: it has hanzi.
#[must_use]
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// The pieces of a typed run with hanzi, in order: jieba's words, single
/// characters side by side joined back into one (an unknown name jieba
/// left in pieces, 之 and 都 in 创新之都), punctuation left out.
#[must_use]
#[cfg(test)]
pub fn pieces(run: &str) -> Vec<Piece> {
    pieces_as(run, None)
}

/// [`pieces`], cut where `simplified` (the run in simplified characters,
/// as many as the run has: jieba's dictionary is simplified) is cut, and
/// each piece as typed: `寧波創新` is cut as 宁波创新 is, into 寧波 and 創新.
#[must_use]
pub fn pieces_as(run: &str, simplified: Option<&str>) -> Vec<Piece> {
    let simplified = simplified.filter(|s| s.chars().count() == run.chars().count());
    let Some(form) = simplified else {
        return pieces_of(run, run);
    };
    pieces_of(run, form)
}

/// The pieces of `run`, cut and judged as `form` is (the same characters
/// or their simplified ones, one for one).
fn pieces_of(run: &str, form: &str) -> Vec<Piece> {
    let typed: Vec<(usize, char)> = run.char_indices().collect();
    let byte_at = |char_index: usize| typed.get(char_index).map_or(run.len(), |&(b, _)| b);
    let mut at = 0;
    let mut out: Vec<Piece> = Vec::new();
    // Whether the last piece is a lone character joined to or joinable.
    let mut single = false;
    for cut_word in cut(form) {
        let chars = cut_word.chars().count();
        let word = &run[byte_at(at)..byte_at(at + chars)];
        at += chars;
        if !word.chars().any(char::is_alphanumeric) {
            single = false;
            continue;
        }
        let stop = is_stop(cut_word);
        let one = word.chars().count() == 1 && word.chars().all(is_han);
        if one
            && !stop
            && single
            && let Some(last) = out.last_mut()
        {
            last.text.push_str(word);
            continue;
        }
        single = one && !stop;
        out.push(Piece {
            text: word.to_owned(),
            stop,
            latin: !has_han(word),
        });
    }
    out
}

/// Where each word of `text` ends as jieba cuts it, in bytes: where a
/// text may be cut short without cutting a word.
#[must_use]
pub fn word_ends(text: &str) -> Vec<usize> {
    let mut at = 0;
    cut(text)
        .into_iter()
        .map(|w| {
            at += w.len();
            at
        })
        .collect()
}

/// The last word of a run of hanzi as jieba cuts it (`为何是浙江担当` →
/// 担当): what the editor's Ctrl-w erases.
#[must_use]
pub fn last_word(run: &str) -> &str {
    cut(run).last().copied().unwrap_or(run)
}

/// jieba's cut of `run`, with HMM for words the dictionary lacks.
fn cut(run: &str) -> Vec<&str> {
    let mut jieba = jieba_rs::Jieba::empty();
    let starts: Vec<usize> = run.char_indices().map(|(b, _)| b).collect();
    let mut held = 0;
    for (i, &from) in starts.iter().enumerate() {
        let ends = starts[i + 1..]
            .iter()
            .copied()
            .chain([run.len()])
            .take(LONGEST);
        for to in ends {
            let word = &run[from..to];
            if let Some(count) = lookup(word) {
                jieba.add_word(word, Some(count), None);
                held += count;
            }
        }
    }
    // The rest of the dictionary's count, on a word no query holds: every
    // word then weighs what it weighs against the whole dictionary.
    jieba.add_word(
        "\u{F8FF}\u{F8FF}",
        Some(total().saturating_sub(held).max(1)),
        None,
    );
    jieba.cut(run, true).into_iter().map(|t| t.word).collect()
}

/// The dictionary after its first line, and the total of its counts.
fn lines() -> &'static str {
    DICT.split_once('\n').map_or("", |(_, rest)| rest)
}

fn total() -> usize {
    DICT.lines()
        .next()
        .and_then(|l| l.strip_prefix("#total "))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
}

/// The page index: each page's first line, as (byte, word), in order.
fn pages() -> &'static [(usize, &'static str)] {
    static PARSED: OnceLock<Vec<(usize, &'static str)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        PAGES
            .lines()
            .filter_map(|l| {
                let (at, word) = l.split_once(' ')?;
                Some((at.parse().ok()?, word))
            })
            .collect()
    })
}

/// A word's count in the dictionary: the page it would be on found in the
/// page index, then that page's lines read.
fn lookup(word: &str) -> Option<usize> {
    let dict = lines();
    let pages = pages();
    // The last page whose first word is not after it.
    let after = pages.partition_point(|&(_, first)| first <= word);
    let from = pages.get(after.checked_sub(1)?).map_or(0, |&(at, _)| at);
    let to = pages.get(after).map_or(dict.len(), |&(at, _)| at);
    dict.get(from..to)?.lines().find_map(|line| {
        let (w, count) = line.split_once(' ')?;
        (w == word).then(|| count.parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::{DICT, PAGES, is_stop, lines, lookup, pieces, total};

    fn words(run: &str) -> Vec<String> {
        pieces(run)
            .into_iter()
            .map(|p| {
                if p.stop {
                    format!("({})", p.text)
                } else {
                    p.text
                }
            })
            .collect()
    }

    #[test]
    fn the_dictionary_is_sorted_and_its_total_is_its_counts() {
        let mut last: &[u8] = &[];
        let mut sum = 0;
        for line in lines().lines() {
            let (word, count) = line.split_once(' ').expect("word count");
            assert!(word.as_bytes() > last, "{word} out of order");
            assert!(word.chars().count() <= super::LONGEST, "{word}");
            last = word.as_bytes();
            sum += count.parse::<usize>().expect("a count");
        }
        assert_eq!(sum, total());
        assert!(DICT.starts_with("#total "));
        // The first word, the last, one between, and words not there.
        let first = lines().lines().next().unwrap().split_once(' ').unwrap().0;
        let last_word = lines().lines().last().unwrap().split_once(' ').unwrap().0;
        assert!(lookup(first).is_some() && lookup(last_word).is_some());
        assert_eq!(lookup("人才"), Some(8742));
        assert_eq!(lookup("人才才"), None);
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("\u{10FFFF}"), None);
        // Every word is found through the page index.
        for line in lines().lines().step_by(97) {
            let (word, count) = line.split_once(' ').unwrap();
            assert_eq!(lookup(word), count.parse().ok(), "{word}");
        }
    }

    /// The page index is the dictionary's: the first line at or after each
    /// 4 KiB, remade from it here (`words/README.md` says how it is made).
    #[test]
    fn the_page_index_is_made_from_the_dictionary() {
        use std::fmt::Write as _;
        let body = lines();
        let mut want = String::new();
        let mut last = usize::MAX;
        for page in (0..body.len()).step_by(4096) {
            let start = if page == 0 {
                0
            } else {
                match body[..].as_bytes()[page - 1] {
                    b'\n' => page,
                    _ => match memchr::memchr(b'\n', &body.as_bytes()[page..]) {
                        Some(i) => page + i + 1,
                        None => break,
                    },
                }
            };
            if start >= body.len() || start == last {
                continue;
            }
            last = start;
            let word = body[start..].split_once(' ').unwrap().0;
            let _ = writeln!(want, "{start} {word}");
        }
        assert_eq!(PAGES, want);
    }

    #[test]
    fn runs_are_cut_as_readers_mean_them() {
        assert_eq!(words("筑波人才"), ["筑波", "人才"]);
        assert_eq!(words("青年奋斗精神"), ["青年", "奋斗", "精神"]);
        assert_eq!(
            words("如何打造制造业品牌"),
            ["(如何)", "打造", "制造业", "品牌"]
        );
        assert_eq!(words("产教融合怎么做"), ["产教", "融合", "(怎么)", "(做)"]);
        assert_eq!(
            words("年轻人的斗争精神"),
            ["年轻人", "(的)", "斗争", "精神"]
        );
        // Single characters side by side are one word: a name jieba does
        // not know, or 之都.
        assert_eq!(words("全球智造创新之都"), ["全球", "智造", "创新", "之都"]);
        assert_eq!(words("智创"), ["智创"]);
        // Script changes cut; the Latin is no pinyin.
        let ai = pieces("AI光谱");
        assert_eq!(ai[0].text, "AI");
        assert!(ai[0].latin && !ai[1].latin);
        assert_eq!(words("6G通信"), ["6G", "通信"]);
        // Punctuation is no word; function words alone are all dropped.
        assert_eq!(words("宁波？"), ["宁波"]);
        assert_eq!(words("的是了"), ["(的)", "(是)", "(了)"]);
        // Traditional characters are cut as their simplified ones, and
        // kept as typed.
        let typed: Vec<String> = super::pieces_as("寧波創新為什麼", Some("宁波创新为什么"))
            .into_iter()
            .map(|p| {
                if p.stop {
                    format!("({})", p.text)
                } else {
                    p.text
                }
            })
            .collect();
        assert_eq!(typed, ["寧波", "創新", "(為什麼)"]);
    }

    /// The segmenter of one query cuts as jieba with its whole dictionary.
    #[test]
    fn each_query_is_cut_as_the_whole_dictionary_cuts_it() {
        let mut whole = std::io::BufReader::new(lines().as_bytes());
        let jieba = jieba_rs::Jieba::with_dict(&mut whole).expect("the dictionary loads");
        for run in [
            "筑波人才",
            "宁波如何建设全球智造创新之都",
            "告诉我如何写周报",
            "新加坡怎样吸引外资",
            "敢于斗争善于斗争",
            "德国工业4.0经验",
            "南京市长江大桥",
            "结婚的和尚未结婚的",
            "中华人民共和国国务院",
            "寧波創新",
        ] {
            let want: Vec<&str> = jieba.cut(run, true).into_iter().map(|t| t.word).collect();
            assert_eq!(super::cut(run), want, "{run}");
        }
    }

    #[test]
    fn the_stop_list_holds_question_words_and_no_topic() {
        for w in [
            "如何",
            "怎么",
            "怎样",
            "为什么",
            "什么",
            "的",
            "是",
            "了",
            "吗",
            "呢",
        ] {
            assert!(is_stop(w), "{w}");
        }
        for w in ["宁波", "创新", "之", "都", "人才", "#", ""] {
            assert!(!is_stop(w), "{w}");
        }
    }
}
