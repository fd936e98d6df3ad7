//! The ordinals Chinese articles number their parts with: `一是` `一、`
//! `（一）` `第一` `1、` `1.` `（1）` `①` and `首先…其次…再次…最后`. What
//! `check` holds a section's ordinals to, and what `import` finds structure by.

/// A way of counting: each is its own sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// 一是 二是 …
    Shi,
    /// 一、 二、 …
    HanComma,
    /// （一） （二） …
    HanParen,
    /// 第一 第二 … (followed by a comma or 是)
    Di,
    /// 1、 2、 …
    DigitComma,
    /// 1. 2. …
    DigitDot,
    /// （1） （2） …
    DigitParen,
    /// ① ② …
    Circled,
    /// 首先 其次 再次 最后
    Order,
    /// 第一编 第二编 … (a code's parts)
    Bian,
    /// 第一分编 第二分编 … (a part's divisions; its chapters count on
    /// across them)
    FenBian,
    /// 第一章 第二章 …
    Zhang,
    /// A decimal outline: `1 引言` (1), `1.1` `1.2` (2), `2.1.1` (3)…,
    /// counted by their last number.
    Decimal(u8),
    /// 第一节 第二节 …
    Jie,
}

/// An ordinal as printed, and where it stands in its sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ordinal {
    pub text: String,
    pub family: Family,
    /// 1 for the first; `最后` is [`LAST`].
    pub n: u32,
}

/// `最后`: the last of an order, whatever its place.
pub const LAST: u32 = u32::MAX;

const HAN: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ORDER: [&str; 3] = ["首先", "其次", "再次"];

/// 1–99 in hanzi: 一 … 十, 十一, 二十, 二十一 …
fn han_number(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| {
        HAN[..9]
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u32::try_from(i + 1).ok())
    };
    let c: Vec<char> = s.chars().take(3).collect();
    let len = |n: usize| c[..n].iter().map(|c| c.len_utf8()).sum::<usize>();
    match c.as_slice() {
        [a, '十', b, ..] if digit(*a).is_some() && digit(*b).is_some() => {
            Some((digit(*a)? * 10 + digit(*b)?, len(3)))
        }
        [a, '十', ..] if digit(*a).is_some() => Some((digit(*a)? * 10, len(2))),
        ['十', b, ..] if digit(*b).is_some() => Some((10 + digit(*b)?, len(2))),
        ['十', ..] => Some((10, len(1))),
        [a, ..] => Some((digit(*a)?, len(1))),
        [] => None,
    }
}

fn han_text(n: u32) -> String {
    let d = |k: u32| HAN[k as usize - 1];
    match n {
        1..=9 => d(n).to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", d(n - 10)),
        _ if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        _ => format!("{}十{}", d(n / 10), d(n % 10)),
    }
}

fn digits(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 2 {
        return None;
    }
    Some((s[..len].parse().ok()?, len))
}

/// The ordinal `s` begins with, if any. `第一` and the order words count
/// only before a comma, colon or 是, so `第一次` and `首先要` are words.
#[must_use]
pub fn at_start(s: &str) -> Option<Ordinal> {
    let found = |family, n, len: usize| {
        Some(Ordinal {
            text: s[..len].to_owned(),
            family,
            n,
        })
    };
    let punct_after = |len: usize| s[len..].starts_with(['，', '、', '：', ',', ':']);
    if let Some(c) = s.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return found(
            Family::Circled,
            u32::from(c) - u32::from('①') + 1,
            c.len_utf8(),
        );
    }
    for (i, word) in ORDER.iter().enumerate() {
        if s.starts_with(word) && punct_after(word.len()) {
            return found(Family::Order, u32::try_from(i + 1).ok()?, word.len());
        }
    }
    // 其一 其二 其三…, alone or going on from 首先、其次.
    if let Some(rest) = s.strip_prefix('其')
        && let Some((n, len)) = han_number(rest)
        && n <= 9
        && punct_after('其'.len_utf8() + len)
    {
        return found(Family::Order, n, '其'.len_utf8() + len);
    }
    if s.starts_with("最后") && punct_after("最后".len()) {
        return found(Family::Order, LAST, "最后".len());
    }
    // (A thesis numbers its chapters in figures: `第2章`.)
    if let Some(rest) = s.strip_prefix('第')
        && let Some((n, len)) = han_number(rest).or_else(|| digits(rest))
    {
        let len = len + '第'.len_utf8();
        if punct_after(len) || s[len..].starts_with('是') {
            return found(Family::Di, n, len);
        }
        let (unit, word) = match s[len..].chars().next() {
            Some('编') => (Family::Bian, "编"),
            Some('分') if s[len..].starts_with("分编") => (Family::FenBian, "分编"),
            Some('章') => (Family::Zhang, "章"),
            Some('节') => (Family::Jie, "节"),
            _ => return None,
        };
        return found(unit, n, len + word.len());
    }
    if let Some(rest) = s.strip_prefix('（') {
        let (family, (n, len)) = match han_number(rest) {
            Some(h) => (Family::HanParen, h),
            None => (Family::DigitParen, digits(rest)?),
        };
        let len = len + '（'.len_utf8();
        return s[len..]
            .starts_with('）')
            .then(|| found(family, n, len + '）'.len_utf8()))
            .flatten();
    }
    if let Some((n, len)) = han_number(s) {
        if s[len..].starts_with('是') {
            return found(Family::Shi, n, len + '是'.len_utf8());
        }
        if s[len..].starts_with('、') {
            return found(Family::HanComma, n, len + '、'.len_utf8());
        }
        return None;
    }
    let (n, len) = digits(s)?;
    if s[len..].starts_with('、') {
        return found(Family::DigitComma, n, len + '、'.len_utf8());
    }
    if let Some(o) = numbered_heading(s, n, len) {
        return Some(o);
    }
    // `1.` but not `1.5`.
    let after = s[len..].strip_prefix('.')?;
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return decimal(s);
    }
    found(Family::DigitDot, n, len + 1)
}

/// A short heading after a number: starts with a hanzi that is no
/// measure word (`3 个月`, `10 年来`, `1.5倍`), no sentence in it.
fn short_heading(rest: &str) -> bool {
    rest.chars().next().is_some_and(|first| {
        ('\u{4e00}'..='\u{9fff}').contains(&first)
            && !"年月日时分秒号个项条章节岁倍万千百亿元名人家次所座位种类期届批件米克吨斤公度寸尺里亩级层成折"
                .contains(first)
    }) && rest.chars().count() <= 30
        && !rest.contains(['。', '，', '；', '！', '？', '：', ',', ';'])
}

/// A paper's top heading: a number, a space and a short heading with no
/// sentence in it (`0 引言`, `2 方法`), the first level of a decimal
/// outline; not a count (`3 个月`, `10 年来`).
fn numbered_heading(s: &str, n: u32, len: usize) -> Option<Ordinal> {
    let rest = s[len..].strip_prefix([' ', '\u{3000}'])?.trim_start();
    short_heading(rest).then(|| Ordinal {
        text: s[..len].to_owned(),
        family: Family::Decimal(1),
        n,
    })
}

/// A decimal outline's number (`1.1`, `2.1.3`, a dot after it or not),
/// followed by its heading (a space or a hanzi), not a figure (`1.5倍`
/// has no space and `1.5%` is no heading).
fn decimal(s: &str) -> Option<Ordinal> {
    let mut len = 0;
    let mut parts: Vec<u32> = Vec::new();
    loop {
        let (n, l) = digits(&s[len..])?;
        parts.push(n);
        len += l;
        match s[len..].strip_prefix('.') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => len += 1,
            _ => break,
        }
    }
    let depth = u8::try_from(parts.len())
        .ok()
        .filter(|d| (2..=4).contains(d))?;
    let text_len = len + usize::from(s[len..].starts_with('.'));
    let after = &s[text_len..];
    let spaced = after.starts_with([' ', '\u{3000}'])
        && after
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit());
    // Set close to its heading (`3.1算法流程`, as papers converted to
    // Markdown print it): a short heading, not a measure (`1.5倍`).
    (spaced || short_heading(after)).then(|| Ordinal {
        text: s[..text_len].to_owned(),
        family: Family::Decimal(depth),
        n: *parts.last().unwrap_or(&0),
    })
}

/// A law's article (`第一百零九条 …`): a paragraph, never a part's heading.
#[must_use]
pub fn opens_article(s: &str) -> bool {
    s.strip_prefix('第').is_some_and(|r| {
        let n = r
            .chars()
            .take_while(|c| "零〇一二三四五六七八九十百千两".contains(*c))
            .count();
        n > 0 && r.chars().nth(n) == Some('条')
    })
}

/// The whole of `s` as one ordinal.
#[must_use]
pub fn parse(s: &str) -> Option<Ordinal> {
    // `第一` and the order words stand alone as a section's ordinal; a
    // decimal one before its heading.
    let probe = format!("{s}，");
    at_start(&probe)
        .filter(|o| o.text == s)
        .or_else(|| decimal(&format!("{s} 题")).filter(|o| o.text == s))
        .or_else(|| at_start(&format!("{s} 题")).filter(|o| o.text == s))
}

impl Family {
    /// The `n`th ordinal of this family, as printed.
    #[must_use]
    pub fn nth(self, n: u32) -> String {
        match self {
            Family::Shi => format!("{}是", han_text(n)),
            Family::HanComma => format!("{}、", han_text(n)),
            Family::HanParen => format!("（{}）", han_text(n)),
            Family::Di => format!("第{}", han_text(n)),
            Family::Bian => format!("第{}编", han_text(n)),
            Family::FenBian => format!("第{}分编", han_text(n)),
            Family::Zhang => format!("第{}章", han_text(n)),
            Family::Jie => format!("第{}节", han_text(n)),
            Family::Decimal(depth) => format!("{}{n}", "#.".repeat(usize::from(depth) - 1)),
            Family::DigitComma => format!("{n}、"),
            Family::DigitDot => format!("{n}."),
            Family::DigitParen => format!("（{n}）"),
            Family::Circled => char::from_u32(u32::from('①') + n - 1)
                .map(String::from)
                .unwrap_or_default(),
            Family::Order => match n {
                LAST => "最后".into(),
                _ => ORDER
                    .get(n as usize - 1)
                    .map_or_else(|| "最后".into(), |&w| w.to_owned()),
            },
        }
    }

    /// A code's part, chapter or section (编, 章, 节): its rank among them,
    /// whatever else the page numbers.
    #[must_use]
    pub fn part_rank(self) -> Option<usize> {
        match self {
            Family::Bian => Some(0),
            Family::FenBian => Some(1),
            Family::Zhang => Some(2),
            Family::Jie => Some(3),
            _ => None,
        }
    }

    /// The part that starts this one's count again: a part's divisions
    /// and chapters count from one in each part (a chapter counts on
    /// across divisions), sections in each chapter.
    #[must_use]
    pub fn counted_within(self) -> Option<Family> {
        match self {
            Family::FenBian | Family::Zhang => Some(Family::Bian),
            Family::Jie => Some(Family::Zhang),
            _ => None,
        }
    }

    /// Whether `next` may follow `prev` (the last seen, 0 for none).
    #[must_use]
    pub fn follows(self, prev: u32, next: u32) -> bool {
        match (self, next) {
            (_, LAST) if self == Family::Order => prev >= 1 && prev != LAST,
            (Family::Circled, n) => n == prev + 1 && n <= 20,
            // A paper's outline may open at `0 引言`.
            (Family::Decimal(_), 0) => prev == 0,
            (_, n) => prev != LAST && n == prev + 1,
        }
    }
}

/// Checks a run of siblings' ordinals: the message for the first one out of
/// sequence and its index.
#[must_use]
pub fn first_out_of_sequence(ordinals: &[&str]) -> Option<(usize, String)> {
    let first = parse(ordinals.first()?);
    // A code's chapters count on across its divisions (第二分编 opens
    // at 第四章): its first chapter may be any.
    let mut prev = first
        .as_ref()
        .filter(|f| f.family == Family::Zhang)
        .map_or(0, |f| f.n - 1);
    for (i, &text) in ordinals.iter().enumerate() {
        let this = parse(text);
        let ok = match (&first, &this) {
            (Some(f), Some(t)) => t.family == f.family && f.family.follows(prev, t.n),
            _ => false,
        };
        if !ok {
            let message = match &first {
                Some(f) if prev != LAST => format!(
                    "ordinal `{text}` out of sequence: expected `{}`",
                    f.family.nth(prev + 1)
                ),
                Some(_) => format!("ordinal `{text}` comes after `最后`"),
                None => format!("ordinal `{text}` is not in a known sequence (一是…, 1、…, 首先…)"),
            };
            return Some((i, message));
        }
        prev = this.map_or(0, |t| t.n);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Family, LAST, at_start, first_out_of_sequence, parse};

    #[test]
    fn every_family_reads_and_prints_the_same() {
        for family in [
            Family::Shi,
            Family::HanComma,
            Family::HanParen,
            Family::Di,
            Family::DigitComma,
            Family::DigitDot,
            Family::DigitParen,
            Family::Circled,
        ] {
            for n in 1..=20 {
                let text = family.nth(n);
                let o = parse(&text).unwrap_or_else(|| panic!("{text}"));
                assert_eq!((o.family, o.n), (family, n), "{text}");
            }
        }
        assert_eq!(parse("二十三是").map(|o| o.n), Some(23));
        assert_eq!(parse("最后").map(|o| o.n), Some(LAST));
    }

    #[test]
    fn words_that_only_look_like_ordinals_are_words() {
        for s in ["第一次", "首先要", "1.5倍", "2021年", "一带一路", "十分"] {
            assert_eq!(at_start(s), None, "{s}");
        }
        assert_eq!(at_start("首先，站稳").map(|o| o.text), Some("首先".into()));
        assert_eq!(at_start("（三）加强").map(|o| o.n), Some(3));
    }

    #[test]
    fn a_decimal_outline_nests_by_its_dots() {
        let o = at_start("1.2 研究方法").expect("an ordinal");
        assert_eq!(
            (o.text.as_str(), o.family, o.n),
            ("1.2", Family::Decimal(2), 2)
        );
        let o = at_start("2.1.3　模型训练").expect("an ordinal");
        assert_eq!((o.family, o.n), (Family::Decimal(3), 3));
        // A paper's top level: a number, a space, a short heading.
        let o = at_start("0 引言").expect("an ordinal");
        assert_eq!(
            (o.family, o.n, o.text.as_str()),
            (Family::Decimal(1), 0, "0")
        );
        assert_eq!(parse("2").map(|o| o.family), Some(Family::Decimal(1)));
        assert_eq!(at_start("3 个月后再看"), None);
        assert_eq!(at_start("2 方法研究，并且"), None);
        // Set close: `3.1算法流程` is a heading, `1.5倍` a figure.
        assert_eq!(
            at_start("3.1算法流程").map(|o| (o.family, o.n)),
            Some((Family::Decimal(2), 1))
        );
        // Figures are not headings.
        assert_eq!(at_start("1.5倍的增长"), None);
        assert_eq!(at_start("1.5 2.5"), None);
        assert_eq!(
            at_start("1. 第一部分").map(|o| o.family),
            Some(Family::DigitDot)
        );
        assert_eq!(first_out_of_sequence(&["2.1", "2.2", "2.3"]), None);
    }

    #[test]
    fn qi_yi_qi_er_qi_san_is_an_order_and_goes_on_from_shouxian() {
        let o = at_start("其三，要加强组织领导。").expect("an ordinal");
        assert_eq!((o.text.as_str(), o.family, o.n), ("其三", Family::Order, 3));
        assert_eq!(first_out_of_sequence(&["首先", "其次", "其三"]), None);
        assert_eq!(first_out_of_sequence(&["其一", "其二", "其三"]), None);
        // 其中 and 其他 are words.
        assert_eq!(at_start("其中，有三点。"), None);
    }

    #[test]
    fn a_code_counts_its_parts_chapters_and_sections() {
        let o = at_start("第十二章　附则").expect("a chapter");
        assert_eq!(
            (o.text.as_str(), o.family, o.n),
            ("第十二章", Family::Zhang, 12)
        );
        assert_eq!(
            at_start("第二编 物权").map(|o| o.family),
            Some(Family::Bian)
        );
        assert_eq!(
            at_start("第三节").map(|o| (o.family, o.n)),
            Some((Family::Jie, 3))
        );
        // An article of a law is its paragraph, not a part.
        assert_eq!(at_start("第二条 中华人民共和国的一切权力属于人民。"), None);
        assert_eq!(first_out_of_sequence(&["第一章", "第二章", "第三章"]), None);
        assert!(first_out_of_sequence(&["第一节", "第三节"]).is_some());
        assert_eq!(Family::Zhang.nth(11), "第十一章");
        assert_eq!(
            at_start("第二分编 所有权").map(|o| (o.text, o.family)),
            Some(("第二分编".to_owned(), Family::FenBian))
        );
    }

    #[test]
    fn a_sequence_may_end_with_zuihou_and_nothing_follows_it() {
        assert_eq!(first_out_of_sequence(&["首先", "其次", "最后"]), None);
        assert_eq!(first_out_of_sequence(&["首先", "最后"]), None);
        assert!(first_out_of_sequence(&["首先", "最后", "再次"]).is_some());
        let (i, m) = first_out_of_sequence(&["一是", "三是"]).unwrap();
        assert_eq!(
            (i, m.as_str()),
            (1, "ordinal `三是` out of sequence: expected `二是`")
        );
        assert!(first_out_of_sequence(&["（1）", "（2）", "（2）"]).is_some());
    }
}
