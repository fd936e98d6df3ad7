//! HTML pages, parsed as a browser parses them (html5ever, MIT/Apache-2.0:
//! unclosed `<p>`, stray tags and entities as the standard says), then the
//! article found in the page by a readability-style rule: paragraphs score
//! the elements that hold them, by their length and commas, links and
//! navigation scoring nothing; the best holder is the article's body.
//! Scripts, styles, navigation, headers, footers, asides and forms are
//! never text. Several `<article>` elements of text are several articles.

use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::RcDom;

mod walk;

use walk::{Block, Holder, Walk};

use super::{Unit, UnitKind};

/// HTML when the page opens with a tag and has the tags a page has;
/// a page that opens with a block of HTML (`<div align="center">`) and
/// has Markdown's headings is Markdown.
#[must_use]
pub fn looks_like(text: &str) -> bool {
    opens_with_tags(text)
        && (!super::markdown::looks_like(text)
            || ["<!doctype html", "<html", "<head", "<body"]
                .iter()
                .any(|t| {
                    text.get(..text.len().min(64 << 10))
                        .unwrap_or(text)
                        .to_ascii_lowercase()
                        .contains(t)
                }))
}

fn opens_with_tags(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        return false;
    }
    let start: String = head
        .chars()
        .take(64 << 10)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<div",
        "<p>",
        "<p ",
        "<title",
    ]
    .iter()
    .any(|t| start.contains(t))
}

/// The deepest a page may nest its elements: far past any page a reader
/// saves (tens deep); past it, the parser's checks of the open elements
/// would cost the square of the page.
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold others, or that the next one's start closes.
const UNNESTED: [&str; 31] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup",
];

/// How deep the page nests its elements, at most: a bound read from its
/// tags alone, in one pass (comments and the insides of scripts and
/// styles passed over).
#[must_use]
pub fn depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + i + 1;
        at = start;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            at =
                memchr::memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |e| start + 3 + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = usize::from(closing);
        let name: String = rest[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .take(16)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if name.is_empty() || !rest[name_at].is_ascii_alphabetic() {
            continue;
        }
        let end = memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
        let self_closed = end >= 2 && rest[end - 2] == b'/';
        at = start + end;
        if closing {
            depth = depth.saturating_sub(usize::from(!UNNESTED.contains(&name.as_str())));
        } else if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            let from = at;
            at = memchr::memmem::find_iter(&bytes[from..], b"</")
                .map(|e| from + e)
                .find(|&e| {
                    bytes
                        .get(e + 2..e + 2 + name.len())
                        .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                })
                .unwrap_or(bytes.len());
        } else if !self_closed && !UNNESTED.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// What a paragraph gives the elements that hold it: more for a longer
/// one with more clauses, nothing for a list of links.
#[allow(clippy::cast_precision_loss)]
fn score(b: &Block) -> f64 {
    let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
    if b.heading > 0 || chars < 10 || b.linked * 2 > chars {
        return 0.0;
    }
    let commas = b.text.matches(['，', '、', '。', ',']).count();
    #[allow(clippy::cast_precision_loss)]
    let length = (chars as f64 / 100.0).min(3.0);
    1.0 + commas as f64 + length
}

/// The article bodies of the page: each a list of block indices.
fn bodies(walk: &Walk) -> Vec<Vec<usize>> {
    let mut scores = vec![0.0f64; walk.holders.len()];
    for b in &walk.blocks {
        let s = score(b);
        let own = b.holders.last().is_some_and(|&h| walk.holders[h].para);
        for (k, &h) in b
            .holders
            .iter()
            .rev()
            .skip(usize::from(own))
            .take(3)
            .enumerate()
        {
            #[allow(clippy::cast_precision_loss)]
            let share = s / (k as f64 + 1.0);
            scores[h] += share;
        }
    }
    for (h, holder) in walk.holders.iter().enumerate() {
        scores[h] *= match holder.hint {
            1 => 1.25,
            -1 => 0.2,
            _ => 1.0,
        };
    }
    // Several `<article>` elements, none inside another, each with text.
    // (In the order they open: one inside another starts before the
    // one before it ends.)
    let articles: Vec<&Holder> = (0..walk.holders.len())
        .filter(|&h| walk.holders[h].article && scores[h] >= 6.0)
        .map(|h| &walk.holders[h])
        .collect();
    let nested = articles
        .windows(2)
        .any(|w| w[1].blocks.start < w[0].blocks.end);
    if articles.len() > 1 && !nested {
        return articles
            .iter()
            .map(|h| h.blocks.clone().collect())
            .collect();
    }
    let Some(best) = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b])) else {
        return Vec::new();
    };
    if scores[best] <= 0.0 {
        // No paragraph anywhere: every block is the text.
        return vec![(0..walk.blocks.len()).collect()];
    }
    vec![walk.holders[best].blocks.clone().collect()]
}

/// The page's title without the site's name after it (`标题_频道_站名`).
fn page_title(title: &str) -> Option<String> {
    let first = title
        .split(['_', '|', '｜'])
        .next()
        .map(|t| {
            t.split(" - ")
                .next()
                .unwrap_or(t)
                .split(" — ")
                .next()
                .unwrap_or(t)
        })
        .map(str::trim)?;
    // A site's name set close after a hyphen: `…英雄的城！-新华网`.
    let first = first
        .rfind(['-', '－', '—'])
        .filter(|&at| {
            let site = first[at..].trim_start_matches(['-', '－', '—']).trim();
            (2..=8).contains(&site.chars().count())
                && ["网", "报", "社", "台", "频道", "新闻", "在线"]
                    .iter()
                    .any(|end| site.ends_with(end))
        })
        .map_or(first, |at| first[..at].trim_end());
    (first.chars().count() >= 4).then(|| first.to_owned())
}

/// The source line of each block: found in order in the page's text.
fn lines_of(text: &str, blocks: &[&Block]) -> Vec<usize> {
    // From the body on: the head repeats the title in its metadata.
    let mut at = memchr::memmem::find_iter(text.as_bytes(), b"<")
        .find(|&i| {
            text.as_bytes()
                .get(i + 1..i + 5)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"body"))
        })
        .unwrap_or(0);
    let mut line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count();
    blocks
        .iter()
        .map(|b| {
            let probe: String = b.text.chars().take(8).collect();
            if let Some(i) = text[at..].find(&probe) {
                line += memchr::memchr_iter(b'\n', &text.as_bytes()[at..at + i]).count();
                at += i;
            }
            line
        })
        .collect()
}

/// What was read, and how.
pub(super) struct Read {
    pub units: Vec<Unit>,
    /// Characters of the page's text (whitespace aside), and of those the
    /// articles hold.
    pub page_chars: usize,
    pub article_chars: usize,
}

/// The text of an HTML block set inside another page (Markdown's
/// `<p class="lead">…</p>`), a paragraph for each of its blocks; what
/// a page never shows as text (scripts, styles, navigation) left out.
pub(super) fn block_texts(fragment: &str) -> Vec<String> {
    let dom =
        html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default()).one(fragment);
    let mut walk = Walk::default();
    walk.run(&dom.document);
    walk.blocks
        .into_iter()
        .map(|b| b.text.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The page's articles as units: each a title, headings and paragraphs.
pub(super) fn units(text: &str) -> Read {
    let dom =
        html5ever::parse_document(RcDom::default(), html5ever::ParseOpts::default()).one(text);
    let mut walk = Walk::default();
    walk.run(&dom.document);
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let page_chars = walk.blocks.iter().map(|b| count(&b.text)).sum();
    let mut units: Vec<Unit> = Vec::new();
    let found = bodies(&walk);
    let several = found.len() > 1;
    for body in found {
        // Lists of links inside the body (related stories) are not its text.
        let blocks: Vec<&Block> = body
            .iter()
            .map(|&i| &walk.blocks[i])
            .filter(|b| b.linked * 2 <= b.text.chars().filter(|c| !c.is_whitespace()).count())
            .collect();
        let lines = lines_of(text, &blocks);
        // The title: the body's first `<h1>`; else the first heading
        // above the body; else the page's `<title>`.
        let first = body.first().copied().unwrap_or(0);
        let above = walk.blocks[..first]
            .iter()
            .rev()
            .take(40)
            .find(|b| b.heading == 1)
            .map(|b| b.text.clone());
        let inside = blocks
            .iter()
            .position(|b| b.heading == 1 || (several && b.heading > 0));
        let title = match inside {
            Some(i) => Some(blocks[i].text.clone()),
            None => above
                .clone()
                .or_else(|| walk.title.as_deref().and_then(page_title)),
        };
        if let Some(t) = &title {
            units.push(Unit::new(
                t.clone(),
                UnitKind::Title { derived: false },
                lines.first().copied().unwrap_or(1),
            ));
        }
        article(&blocks, &lines, inside, &mut units);
    }
    let units = without_scraps(&units);
    let article_chars = units.iter().map(|u| count(&u.text)).sum();
    Read {
        units,
        page_chars,
        article_chars,
    }
}

/// One article's blocks as units, after its title: headings by their
/// level, the shallowest below the title 1; bylines; paragraphs.
fn article(blocks: &[&Block], lines: &[usize], inside: Option<usize>, units: &mut Vec<Unit>) {
    // The page's own heading levels below the title (not the title's).
    let levels: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| b.heading > 0 && Some(i) != inside)
        .map(|(_, b)| b.heading)
        .collect();
    let top = levels.iter().copied().min().unwrap_or(2);
    // Bold headings one level below the page's deepest, if it has any.
    let bold_level = levels.iter().map(|l| l - top + 2).max().unwrap_or(1);
    let mut bold_above = false;
    for (i, b) in blocks.iter().enumerate() {
        if Some(i) == inside {
            continue;
        }
        let chars = b.text.chars().filter(|c| !c.is_whitespace()).count();
        let kind = if b.heading > 0 {
            UnitKind::Heading(b.heading.saturating_sub(top) + 1)
        } else if super::reflow::is_byline(&b.text) {
            UnitKind::Byline
        } else if b.strong == chars && chars <= 40 && !super::reflow::ends_sentence(&b.text) {
            // A paragraph all in bold, short, no sentence: a heading
            // (one level below the page's own, if it has any; one
            // below a bold heading right above it).
            match units.last() {
                Some(Unit {
                    kind: UnitKind::Heading(above),
                    ..
                }) if bold_above => UnitKind::Heading(above + 1),
                _ => UnitKind::Heading(bold_level),
            }
        } else {
            UnitKind::Text
        };
        bold_above = matches!(kind, UnitKind::Heading(_)) && b.heading == 0;
        units.push(Unit::new(b.text.clone(), kind, lines[i]));
    }
}

/// A heading over nothing but a widget's scraps (`转播到腾讯微博`,
/// `正在加载...`: a box of links left out) is the page's, not the
/// article's: it goes with them.
fn without_scraps(units: &[Unit]) -> Vec<Unit> {
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let scrap = |u: &Unit| {
        u.kind == UnitKind::Text && count(&u.text) <= 12 && !super::reflow::ends_sentence(&u.text)
    };
    let mut kept: Vec<Unit> = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let scraps = units[i + 1..].iter().take_while(|u| scrap(u)).count();
        let next = units.get(i + 1 + scraps);
        let over_nothing = next.is_none_or(|n| !matches!(n.kind, UnitKind::Heading(_)));
        if matches!(units[i].kind, UnitKind::Heading(_))
            && (scraps > 0 || next.is_none())
            && over_nothing
        {
            i += 1 + scraps;
            continue;
        }
        kept.push(units[i].clone());
        i += 1;
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::walk::tidy;
    use super::{MAX_DEPTH, depth, looks_like, units};
    use crate::import::UnitKind;

    #[test]
    fn a_page_is_told_from_text_by_its_tags() {
        assert!(looks_like(
            "<!DOCTYPE html><html><body><p>正文</p></body></html>"
        ));
        assert!(looks_like("\u{feff}  <html lang=\"zh\">"));
        assert!(!looks_like("标题\n\n<p>在正文里</p>"));
        assert!(!looks_like("<作者> 不是标签"));
    }

    #[test]
    fn spaces_are_read_as_a_browser_shows_them() {
        assert_eq!(tidy("　　宁波\n  制造"), "宁波制造");
        assert_eq!(tidy("中共中央 国务院"), "中共中央 国务院");
        assert_eq!(tidy("AI\n光谱"), "AI 光谱");
    }

    #[test]
    fn the_article_is_found_among_the_chrome() {
        let page = r#"<html><head><title>宁波智造_新闻_某网</title><script>var a = "不是正文";</script></head>
<body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav>
<div class="list"><a href="x">链接一链接一链接一链接一</a><a href="y">链接二链接二链接二</a></div>
<div class="article-content"><h1>宁波：打造全球智造创新之都</h1>
<p>　　宁波是制造业大市，产业基础雄厚，创新活力充沛。</p>
<h2>一、主要特征</h2><p>制造业占比高，单项冠军多，民营经济活跃。</p>
<p>港口优势突出，开放程度高，人才持续集聚<br>第二段在换行之后，也是正文。</p></div>
<footer>版权所有 某网</footer></body></html>"#;
        let read = units(page);
        let kinds: Vec<(&str, &UnitKind)> = read
            .units
            .iter()
            .map(|u| (u.text.as_str(), &u.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "宁波：打造全球智造创新之都",
                    &UnitKind::Title { derived: false }
                ),
                (
                    "宁波是制造业大市，产业基础雄厚，创新活力充沛。",
                    &UnitKind::Text
                ),
                ("一、主要特征", &UnitKind::Heading(1)),
                ("制造业占比高，单项冠军多，民营经济活跃。", &UnitKind::Text),
                ("港口优势突出，开放程度高，人才持续集聚", &UnitKind::Text),
                ("第二段在换行之后，也是正文。", &UnitKind::Text),
            ]
        );
        assert!(read.page_chars > read.article_chars);
    }

    #[test]
    fn a_page_without_a_heading_takes_its_title_from_the_title_element() {
        let page = "<html><head><title>海外留学生看两会_教育频道_中国青年网</title></head><body>\
            <div id=\"content\"><p>第一段正文，有逗号，也有句号。</p><p>第二段正文，同样如此。</p></div></body></html>";
        let read = units(page);
        assert_eq!(read.units[0].text, "海外留学生看两会");
        assert_eq!(read.units[0].kind, UnitKind::Title { derived: false });
    }

    #[test]
    fn several_articles_are_several() {
        let page = "<html><body>\
            <article><h2>第一篇</h2><p>第一篇的正文，第一句，第二句，第三句。</p><p>又一段，有逗号，有顿号、有句号。</p></article>\
            <article><h2>第二篇</h2><p>第二篇的正文，第一句，第二句，第三句。</p><p>又一段，有逗号，有顿号、有句号。</p></article>\
            </body></html>";
        let read = units(page);
        let titles: Vec<&str> = read
            .units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Title { .. }))
            .map(|u| u.text.as_str())
            .collect();
        assert_eq!(titles, ["第一篇", "第二篇"]);
    }

    #[test]
    fn nesting_is_bounded_from_the_tags() {
        let deep = |n: usize| format!("<html><body>{}<p>正文</p></body></html>", "<div>".repeat(n));
        assert_eq!(depth(&deep(10)), 12);
        // Closed, void, self-closed and implied-closed elements, comments
        // and scripts do not nest.
        let flat = "<html><body><div><p>a<p>b<br><img src=x/><li>c</div><!-- <div><div> -->\
            <script>if (a<b) { x = '<div>'; }</script><div></div></body></html>";
        assert_eq!(depth(flat), 3);
        assert_eq!(depth(&"<DIV>".repeat(600)), 600);
        // What the reader's nesting costs: read below the bound.
        let page = deep(MAX_DEPTH - 10);
        assert!(units(&page).units.iter().any(|u| u.text == "正文"));
    }
}
