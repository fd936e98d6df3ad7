//! How official documents, reports and newspaper pages open: a table of
//! contents to pass over, and a title printed on its own line(s) above
//! the body with what is set under it (a `——…` subtitle, a qualifier
//! like `（征求意见稿）`, a date, a speaker or byline, the paper and page).

use super::front::chars;
use super::reflow::{ends_sentence, is_byline};
use super::{Article, Dropped, Field, Unit, UnitKind};
use crate::content::ordinal::at_start;

/// Text with no whitespace.
fn bare(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_contents(s: &str) -> bool {
    matches!(bare(s).as_str(), "目录" | "目次")
}

/// A contents line's heading: without its dot leaders and page number.
fn entry(s: &str) -> String {
    bare(s)
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['.', '…', '·', '-', '—', '－', '．'])
        .to_owned()
}

/// A table of contents (`目录` and the headings under it, printed again
/// in the body) is the page's furniture: dropped, each line listed.
pub(super) fn drop_contents(units: Vec<Unit>, dropped: &mut Vec<Dropped>) -> Vec<Unit> {
    let Some(at) = units.iter().take(200).position(|u| is_contents(&u.text)) else {
        return units;
    };
    let Some(first) = units
        .get(at + 1)
        .map(|u| entry(&u.text))
        .filter(|e| !e.is_empty())
    else {
        return units;
    };
    // The body starts where the first heading of the contents is printed again.
    let again = units[at + 2..].iter().position(|u| {
        let b = bare(&u.text);
        !b.is_empty() && (b.starts_with(&first) || (first.starts_with(&b) && chars(&b) >= 2))
    });
    let Some(again) = again.map(|k| at + 2 + k) else {
        return units;
    };
    let mut out = Vec::with_capacity(units.len());
    for (i, u) in units.into_iter().enumerate() {
        if (at..again).contains(&i) {
            dropped.push(Dropped::new("table of contents", u.text, u.line));
        } else {
            out.push(u);
        }
    }
    out
}

/// A line that can be (part of) a title set above the body.
fn title_shaped(u: &Unit) -> bool {
    u.kind == UnitKind::Text
        && (2..=80).contains(&chars(&u.text))
        // (A title may end in its own full stop: `Emacs 快速指南.`.)
        && !ends_sentence(u.text.strip_suffix('.').unwrap_or(&u.text))
        && !u.text.contains('。')
        && !u.text.starts_with(['（', '(', '【', '—', '《', '■'])
        && !paper_label(&u.text)
        // Authors with their affiliations' numbers: `孙辉辉1,2, 胡春鹤1,3†`.
        && (!u.text.contains(',') || !u.text.contains(|c: char| c.is_ascii_digit()))
        && at_start(&u.text).is_none()
        && !is_contents(&u.text)
        && !is_byline(&u.text)
        && printed_on(&u.text).is_none()
}

/// Where a line's paper-and-page part starts: `李浩燃《人民日报》（…第 02 版）`.
pub(super) fn printed_on(s: &str) -> Option<usize> {
    let at = s.find('《')?;
    paper_line(&s[at..]).then_some(at)
}

/// A title printed with the note of its adoption run on:
/// `中华人民共和国民法典（2020年5月28日…通过）` is the title and the note.
fn adoption(s: &str) -> Option<usize> {
    let at = s.find('（')?;
    let note = &s[at..];
    (at > 0 && note.ends_with('）') && chars(note) > 12 && note.contains('年')).then_some(at)
}

/// `（征求意见稿）`, `（试行）`: a short qualifier printed under a title,
/// part of it.
fn qualifier(s: &str) -> bool {
    s.starts_with('（') && s.ends_with('）') && chars(s) <= 10 && !s.contains(char::is_numeric)
}

/// A date set alone: `（2022年10月16日）`.
pub(super) fn date_line(s: &str) -> bool {
    let inner = s
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    chars(s) <= 24 && inner.contains('年') && inner.ends_with('日')
}

/// A paper's labelled front matter (`摘要:`, `关键词:`): never a title.
pub(super) fn paper_label(s: &str) -> bool {
    [
        "摘要",
        "摘 要",
        "关键词",
        "关键字",
        "Abstract",
        "Keywords",
        "Key words",
        "中图分类号",
    ]
    .iter()
    .any(|label| s.starts_with(label))
}

/// The paper and page a piece was printed on: `《人民日报》（2025年03月05日第 06 版）`.
pub(super) fn paper_line(s: &str) -> bool {
    s.starts_with('《') && s.contains('》') && s.contains("版") && chars(s) <= 40
}

/// A speaker's name set alone under a title: two to four hanzi.
fn speaker(s: &str) -> bool {
    (2..=4).contains(&chars(s))
        && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && at_start(s).is_none()
        && ![
            "序言", "前言", "总则", "附则", "引言", "目录", "导言", "结语", "附件",
        ]
        .contains(&s)
}

/// A tagline of short phrases set above a title: `理论热词 实践热点 两会热议`.
fn tagline(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 3 && words.iter().all(|w| chars(w) <= 8)
}

/// A preamble the page marks off before its text (`以下为正文` in the first
/// lines: a translator's credits, a note on the version), as fields, and
/// where the text starts; nothing, and the start, when there is no mark.
pub(super) fn preamble(units: &[Unit]) -> (Vec<Field>, usize) {
    let marked = |u: &Unit| {
        matches!(
            bare(&u.text).as_str(),
            "以下为正文" | "以下是正文" | "正文如下"
        )
    };
    let Some(mark) = units
        .iter()
        .take(80)
        .position(marked)
        .or_else(|| cover(units))
    else {
        return (Vec::new(), 0);
    };
    let fields = units[..=mark]
        .iter()
        .filter(|u| !u.text.trim().is_empty())
        .map(|u| Field::of(u).guessed("note (the page's preamble, before its text)"))
        .collect();
    let start = mark
        + 1
        + units[mark + 1..]
            .iter()
            .take_while(|u| u.kind == UnitKind::Rule)
            .count();
    (fields, start)
}

/// A cover set before a paper (a journal's `题目：` / `作者：` / `DOI：`
/// page, its notices): it ends where the title it names is printed again,
/// over the paper; the unit before that.
fn cover(units: &[Unit]) -> Option<usize> {
    let (k, rest) = units.iter().take(80).enumerate().find_map(|(k, u)| {
        let t = bare(&u.text);
        let at = t.find("题目：").map(|a| a + "题目：".len());
        let at = at.or_else(|| t.find("题目:").map(|a| a + "题目:".len()))?;
        Some((k, t[at..].to_owned()))
    })?;
    let (title, from) = if rest.is_empty() {
        (bare(&units.get(k + 1)?.text), k + 2)
    } else {
        (rest, k + 1)
    };
    let again = units[from..]
        .iter()
        .take(200)
        .position(|u| bare(&u.text) == title)?;
    (from + again).checked_sub(1)
}

/// A headline block whose lines say what they are (`引题：…`, `主题：…`,
/// `副题：…`, or in 【】), as crawled pages print them: the article with its
/// title and decks, the labels dropped; where the body goes on.
pub(super) fn labelled_block(
    units: &[Unit],
    i: usize,
    dropped: &mut Vec<Dropped>,
) -> Option<(Article, usize)> {
    let label = |s: &str| -> Option<(&'static str, usize)> {
        [
            ("引题", "deck"),
            ("肩题", "deck"),
            ("主题", "title"),
            ("标题", "title"),
            ("副题", "sub"),
        ]
        .iter()
        .find_map(|&(word, role)| {
            [
                format!("{word}："),
                format!("{word}:"),
                format!("【{word}】"),
            ]
            .iter()
            .find(|l| s.starts_with(l.as_str()))
            .map(|l| (role, l.len()))
        })
    };
    let mut j = i;
    let mut labels = Vec::new();
    let mut article = Article {
        line: units.get(i)?.line,
        ..Article::default()
    };
    while let Some(u) = units.get(j).filter(|u| u.kind == UnitKind::Text) {
        let Some((role, len)) = label(&u.text) else {
            break;
        };
        let text = u.text[len..].trim().to_owned();
        let field = Field {
            text,
            ..Field::of(u)
        };
        let slot = match role {
            "title" => &mut article.title,
            _ if article.deck.is_none() => &mut article.deck,
            _ => break,
        };
        if slot.is_some() || field.text.is_empty() {
            break;
        }
        labels.push(Dropped::new("label", u.text[..len].to_owned(), u.line));
        *slot = Some(field);
        j += 1;
    }
    article.title.as_ref()?;
    dropped.extend(labels);
    Some((article, j))
}

/// The title lines at `i` and what is set under them, as an article with
/// the units to put first in its body; where the body goes on. None
/// when the page does not open with a title.
pub(super) fn title_block(units: &[Unit], i: usize) -> Option<(Article, Vec<Unit>, usize)> {
    let mut n = 0;
    while n < 3 && units.get(i + n).is_some_and(title_shaped) {
        n += 1;
    }
    // A title heads text: a page of short lines alone has none.
    if n == 0 || units.get(i + n).is_none() {
        return None;
    }
    let deck = (n >= 2 && tagline(&units[i].text)).then_some(i);
    let lines = &units[i + usize::from(deck.is_some())..i + n];
    let mut body = Vec::new();
    let mut text = lines
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(at) = adoption(&text).filter(|_| lines.len() == 1) {
        let mut note = lines[0].clone();
        note.text = text.split_off(at);
        body.push(note);
    }
    let mut j = i + n;
    if let Some(q) = units.get(j).filter(|u| qualifier(&u.text)) {
        text.push_str(&q.text);
        j += 1;
    }
    let how = if lines.len() > 1 {
        format!("title (the page's first {} lines)", lines.len())
    } else {
        "title (the page's first line)".to_owned()
    };
    let mut article = Article {
        line: units[i].line,
        title: Some(Field {
            text,
            line: lines[0].line,
            guess: Some(how),
        }),
        deck: deck.map(|d| Field::of(&units[d]).guessed("deck (a tagline above the title)")),
        ..Article::default()
    };
    while let Some(u) = units.get(j) {
        if u.text.starts_with("——") && chars(&u.text) <= 80 && article.deck.is_none() {
            article.deck = Some(Field::of(u).guessed("deck (the subtitle under the title)"));
        } else if let Some(at) = printed_on(&u.text) {
            let (who, paper) = u.text.split_at(at);
            if speaker(who.trim()) && article.byline.is_none() {
                article.byline = Some(Field {
                    text: who.trim().to_owned(),
                    ..Field::of(u)
                });
            } else if !who.trim().is_empty() {
                break;
            }
            article.notes.push(Field {
                text: paper.to_owned(),
                ..Field::of(u).guessed("note (the paper and page printed on)")
            });
        } else if date_line(&u.text) {
            body.push(u.clone());
        } else if (u.kind == UnitKind::Byline || is_byline(&u.text) || speaker(&u.text))
            && article.byline.is_none()
        {
            article.byline = Some(Field::of(u));
        } else {
            break;
        }
        j += 1;
    }
    Some((article, body, j))
}

#[cfg(test)]
mod tests {
    use super::{drop_contents, title_block};
    use crate::import::{Unit, UnitKind};

    fn units(lines: &[&str]) -> Vec<Unit> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| Unit::new((*l).to_owned(), UnitKind::Text, i + 1))
            .collect()
    }

    #[test]
    fn a_report_opens_with_its_title_subtitle_date_and_speaker() {
        let page = units(&[
            "高举中国特色社会主义伟大旗帜",
            "为全面建设社会主义现代化国家而团结奋斗",
            "——在中国共产党第二十次全国代表大会上的报告",
            "（2022年10月16日）",
            "习近平",
            "同志们：",
            "现在，我代表第十九届中央委员会向大会作报告。",
        ]);
        let (a, body, next) = title_block(&page, 0).expect("a title");
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗")
        );
        assert_eq!(
            a.deck.map(|d| d.text).as_deref(),
            Some("——在中国共产党第二十次全国代表大会上的报告")
        );
        assert_eq!(a.byline.map(|b| b.text).as_deref(), Some("习近平"));
        assert_eq!(body[0].text, "（2022年10月16日）");
        assert_eq!(page[next].text, "同志们：");
    }

    #[test]
    fn a_tagline_is_the_deck_and_a_qualifier_is_part_of_the_title() {
        let page = units(&[
            "理论热词 实践热点 两会热议",
            "干字当头亮点纷呈 高质量发展成为主旋律",
            "正文。",
        ]);
        let (a, _, _) = title_block(&page, 0).expect("a title");
        assert_eq!(
            a.deck.map(|d| d.text).as_deref(),
            Some("理论热词 实践热点 两会热议")
        );
        let page = units(&["企业海外经营合规管理指引", "（征求意见稿）", "第一章 总则"]);
        let (a, _, _) = title_block(&page, 0).expect("a title");
        assert_eq!(
            a.title.map(|t| t.text).as_deref(),
            Some("企业海外经营合规管理指引（征求意见稿）")
        );
    }

    #[test]
    fn the_contents_are_passed_over_to_where_the_body_prints_them_again() {
        let page = units(&[
            "宪法",
            "目　　录",
            "序言",
            "第一章　总纲",
            "序　　言",
            "中国是世界上历史最悠久的国家之一。",
        ]);
        let mut dropped = Vec::new();
        let kept: Vec<String> = drop_contents(page, &mut dropped)
            .into_iter()
            .map(|u| u.text)
            .collect();
        assert_eq!(
            kept,
            ["宪法", "序　　言", "中国是世界上历史最悠久的国家之一。"]
        );
        assert_eq!(dropped.len(), 3);
        assert!(dropped.iter().all(|d| d.what == "table of contents"));
    }
}
