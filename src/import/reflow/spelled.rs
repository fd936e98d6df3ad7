//! Words a PDF's text layer set a character a line, or spaced out on
//! one: a journal's running header letter-spaced across the page (`控` /
//! `制` / `与` / `决` / `策`, or `控   制   与   决   策`, with its volume,
//! issue and page number around it), dropped where it repeats; a heading spaced out (`引` / `言`, `摘` / `要: …`) joined
//! again, with the number set above it (`0` / `引` / `言` is `0 引言`).

use std::collections::{HashMap, HashSet};

use super::ends_sentence;
use crate::import::Dropped;
use crate::search::is_hanzi as han;

/// The longest name a running header spells out, in characters.
const NAME: usize = 12;

/// One hanzi alone on a line.
fn one_han(s: &str) -> bool {
    let mut c = s.trim().chars();
    matches!((c.next(), c.next()), (Some(h), None) if han(h))
}

/// The word a line spells with spaces between its characters, among
/// what else it holds (`2      控   制   与   决   策      第xx卷`).
fn spaced_word(s: &str) -> Option<String> {
    let mut best = String::new();
    let mut word = String::new();
    for token in s.split_whitespace() {
        if one_han(token) {
            word.push_str(token);
        } else {
            word.clear();
        }
        if word.chars().count() > best.chars().count() {
            best.clone_from(&word);
        }
    }
    (best.chars().count() >= 3).then_some(best)
}

/// A line of a running header around a spelled-out name: short (or set
/// in short pieces far apart), no sentence, no word of four hanzi
/// (`第xx卷第x 期`, `Vol.xx No.x`, `2`).
fn furniture(s: &str) -> bool {
    let s = s.trim();
    let mut run = 0;
    let worded = s.chars().any(|c| {
        run = if han(c) { run + 1 } else { 0 };
        run >= 4
    });
    let pieces = s.contains("   ") && s.split_whitespace().all(|t| t.chars().count() <= 10);
    !s.is_empty()
        && (s.chars().count() <= 16 || pieces)
        && !ends_sentence(s)
        && !worded
        && !s
            .chars()
            .any(|c| c.is_control() || crate::sanitize::is_forbidden(c))
}

/// A paper's part heading under its number: starts with a hanzi, short,
/// no sentence, no ordinal of its own.
fn heading(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(han)
        && s.chars().count() <= 30
        && !s.contains(['。', '，', '；', '！', '？', '：', ',', ';', ':'])
        && crate::content::ordinal::at_start(s).is_none()
}

fn number(s: &str) -> bool {
    let s = s.trim();
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// The page's lines with spelled-out headers dropped (listed in
/// `dropped`) and spelled-out headings joined; each line says whether a
/// page broke before it (where a header stood).
pub(super) fn spelled_out(
    lines: &[(usize, String)],
    dropped: &mut Vec<Dropped>,
) -> Vec<(usize, String, bool)> {
    // Runs of three or more lines of one hanzi, and the word each spells.
    let mut runs: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let j = i + lines[i..].iter().take_while(|l| one_han(&l.1)).count();
        if j - i >= 3 {
            runs.push((i, j, lines[i..j].iter().map(|l| l.1.trim()).collect()));
        } else if let Some(word) = spaced_word(&lines[i].1) {
            runs.push((i, i + 1, word));
        }
        i = j.max(i + 1);
    }
    // A name is a header's where it is spelled again, whole or inside a
    // longer spelling (set with a neighbour's character: `期控制与决策`).
    // Names are short: each spelling's pieces counted once, a pass.
    let pieces = |word: &str| -> Vec<String> {
        let c: Vec<char> = word.chars().collect();
        if c.len() > NAME {
            return Vec::new();
        }
        let mut out: Vec<String> = (0..c.len())
            .flat_map(|a| (a + 3..=c.len()).map(move |b| (a, b)))
            .map(|(a, b)| c[a..b].iter().collect())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let mut inside: HashMap<String, usize> = HashMap::new();
    for (_, _, word) in &runs {
        for piece in pieces(word) {
            *inside.entry(piece).or_default() += 1;
        }
    }
    let spelled: HashSet<&str> = runs.iter().map(|r| r.2.as_str()).collect();
    let mut header = vec![false; lines.len()];
    for (start, end, word) in &runs {
        let again = inside.get(word).is_some_and(|&n| n >= 2)
            || pieces(word)
                .iter()
                .any(|p| p != word && spelled.contains(p.as_str()));
        if !again {
            continue;
        }
        let mut a = *start;
        while a > 0 && start - a < 8 && furniture(&lines[a - 1].1) {
            a -= 1;
        }
        let mut b = *end;
        while b < lines.len() && b - end < 8 && furniture(&lines[b].1) {
            b += 1;
        }
        header[a..b].fill(true);
    }
    let mut out: Vec<(usize, String, bool)> = Vec::with_capacity(lines.len());
    let mut broke = false;
    let mut i = 0;
    while i < lines.len() {
        let (no, text) = &lines[i];
        if header[i] {
            dropped.push(Dropped::new(
                "running header (its name spaced out)",
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                *no,
            ));
            broke = true;
            i += 1;
            continue;
        }
        // A word spaced out a character a line is one line; one
        // character alone goes on the next line (`摘` / `要: …`).
        let run = lines[i..]
            .iter()
            .zip(&header[i..])
            .take_while(|(l, h)| !**h && one_han(&l.1))
            .count();
        let mut joined = text.trim_end().to_owned();
        let mut j = i + 1;
        if run >= 2 {
            joined = lines[i..i + run].iter().map(|l| l.1.trim()).collect();
            j = i + run;
        } else if run == 1
            && let Some(next) = lines
                .get(j)
                .filter(|l| !header[j] && !l.1.trim().is_empty())
        {
            joined.push_str(next.1.trim());
            j += 1;
        }
        // A number set above its heading, not a page's: the line before
        // it is text, the one after the heading too.
        if number(text)
            && i > 0
            && !lines[i - 1].1.trim().is_empty()
            && let Some((heading_end, words)) = spelled_heading(lines, &header, i + 1)
            && lines
                .get(heading_end)
                .is_some_and(|l| !l.1.trim().is_empty())
        {
            joined = format!("{} {words}", text.trim());
            j = heading_end;
        }
        out.push((*no, joined, std::mem::take(&mut broke)));
        i = j;
    }
    out
}

/// The heading that starts at line `i` (spelled out a character a line,
/// or whole), and the line after it.
fn spelled_heading(
    lines: &[(usize, String)],
    header: &[bool],
    i: usize,
) -> Option<(usize, String)> {
    let mut words = String::new();
    let mut j = i;
    while j < lines.len() && !header[j] && one_han(&lines[j].1) {
        words.push_str(lines[j].1.trim());
        j += 1;
    }
    if j == i {
        let line = lines.get(i).filter(|_| !header[i])?;
        line.1.trim().clone_into(&mut words);
        j += 1;
    }
    heading(&words).then_some((j, words))
}

#[cfg(test)]
mod tests {
    use super::spelled_out;

    fn run(page: &str) -> (Vec<String>, Vec<String>) {
        let lines: Vec<(usize, String)> = page
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_owned()))
            .collect();
        let mut dropped = Vec::new();
        let out = spelled_out(&lines, &mut dropped);
        (
            out.into_iter().map(|l| l.1).collect(),
            dropped.into_iter().map(|d| d.text).collect(),
        )
    }

    #[test]
    fn a_letter_spaced_header_goes_where_it_repeats_and_a_spaced_heading_is_joined() {
        let page = "第一页的正文，句子没有说完\n2\n控\n制\n与\n决\n策\n第xx卷\n句子在这一页说完。\nKeywords: x\n0\n引\n言\n正文。\n摘\n要: 一段摘要。\n3\n控\n制\n与\n决\n策\n下一页的正文。";
        let (lines, dropped) = run(page);
        assert_eq!(
            lines,
            [
                "第一页的正文，句子没有说完",
                "句子在这一页说完。",
                "Keywords: x",
                "0 引言",
                "正文。",
                "摘要: 一段摘要。",
                "下一页的正文。"
            ]
        );
        assert_eq!(dropped.concat(), "2控制与决策第xx卷3控制与决策");
    }

    #[test]
    fn a_header_spaced_out_on_one_line_goes_with_the_lines_beside_it() {
        let page = "正文的一句话。\n第 xx 卷 第 x 期      控     制      与      决      策      Vol.xx No.x\nxxxx 年 x月      Control      and      Decision      xxx. xxxx\n\n下一句话。\n2      控       制   与   决   策      第xx卷\n再一句话。";
        let (lines, dropped) = run(page);
        assert_eq!(lines, ["正文的一句话。", "", "下一句话。", "再一句话。"]);
        assert_eq!(dropped.len(), 3);
        assert_eq!(dropped[2], "2 控 制 与 决 策 第xx卷");
    }

    #[test]
    fn a_page_number_over_a_title_and_a_word_spelled_once_stay() {
        let (lines, dropped) =
            run(" \n1\n中华人民共和国民法典\n第一条 为了保护民事主体的合法权益。");
        assert_eq!(lines[1], "1");
        assert!(dropped.is_empty());
        let (lines, _) = run("甲\n乙\n丙\n正文。");
        assert_eq!(lines, ["甲乙丙", "正文。"]);
    }
}
