//! Text laid out in two columns side by side on each line, as
//! `pdftotext -layout` gives a two-column page: read column by column,
//! page by page (a form feed ends a page), each line keeping its number.

/// The fewest spaces between two columns on a line.
const GAP: usize = 4;

/// Where text starts after a run of [`GAP`] spaces or more inside a
/// line, in characters: where a right column may start.
fn gap_ends(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    let mut run = 0;
    chars
        .iter()
        .enumerate()
        .skip(lead)
        .filter_map(move |(i, &c)| {
            if c == ' ' {
                run += 1;
                return None;
            }
            let end = (run >= GAP).then_some(i);
            run = 0;
            end
        })
}

/// Where the right column starts on a line: after the first run of
/// [`GAP`] spaces or more inside it.
fn right_start(chars: &[char]) -> Option<usize> {
    gap_ends(chars).next()
}

/// The page's lines `(number, text)` in reading order: when most of its
/// lines part at one column, each line's left part, then each line's
/// right part; else as they are.
fn page(lines: &[(usize, &str)]) -> Vec<(usize, String)> {
    let as_is = || lines.iter().map(|&(n, t)| (n, t.to_owned())).collect();
    let chars: Vec<Vec<char>> = lines.iter().map(|(_, t)| t.chars().collect()).collect();
    let filled = chars
        .iter()
        .filter(|c| c.iter().any(|c| !c.is_whitespace()))
        .count();
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for c in &chars {
        if let Some(at) = right_start(c) {
            *counts.entry(at).or_default() += 1;
        }
    }
    // Where most lines part, give or take two characters.
    let near = |split: usize| {
        (split.saturating_sub(2)..=split + 2)
            .map(|at| counts.get(&at).copied().unwrap_or(0))
            .sum::<usize>()
    };
    let Some(split) = counts.keys().copied().max_by_key(|&at| (near(at), at)) else {
        return as_is();
    };
    // The columns run over the longest stretch of lines that part there
    // (no more than eight lines between two); above and below, a page's
    // lines run across (an abstract, notes, a running header).
    let parting: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            let c = &chars[i];
            // Or the right column's line alone (an indent further in).
            let lead = c.iter().take_while(|c| **c == ' ').count();
            gap_ends(c).any(|r| r.abs_diff(split) <= 2)
                || (lead < c.len() && (split.saturating_sub(2)..=split + 6).contains(&lead))
        })
        .collect();
    let mut best = (0, 0, 0);
    let mut start = 0;
    for k in 0..parting.len() {
        if k > 0 && parting[k] - parting[k - 1] > 8 {
            start = k;
        }
        if k + 1 - start > best.0 {
            best = (k + 1 - start, parting[start], parting[k]);
        }
    }
    let (_, first, mut last) = best;
    if parting.is_empty() {
        return as_is();
    }
    // The left column's last lines, when it runs longer than the right.
    while chars
        .get(last + 1)
        .is_some_and(|c| c.iter().any(|c| !c.is_whitespace()) && c.len() <= split)
    {
        last += 1;
    }
    let filled = chars[first..=last]
        .iter()
        .filter(|c| c.iter().any(|c| !c.is_whitespace()))
        .count()
        .min(filled);
    // Two columns: a fair share of those lines part there.
    if near(split) < 5 || near(split) * 10 < filled * 3 || split < 20 {
        return as_is();
    }
    let mut out: Vec<(usize, String)> = lines[..first]
        .iter()
        .map(|&(n, t)| (n, t.to_owned()))
        .collect();
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (&(no, _), c) in lines[first..=last].iter().zip(&chars[first..=last]) {
        // Where this line parts, near the page's parting; else there.
        let own = gap_ends(c).find(|r| r.abs_diff(split) <= 2);
        let cut = own.unwrap_or(split).min(c.len());
        // A line that runs across the parting (a title, a footnote) is
        // the left column's, whole.
        let across =
            own.is_none() && c.len() > cut && cut > 0 && c[cut - 1] != ' ' && c[cut] != ' ';
        if across {
            left.push((no, c.iter().collect()));
            continue;
        }
        left.push((
            no,
            c[..cut].iter().collect::<String>().trim_end().to_owned(),
        ));
        if c.len() > cut {
            let r: String = c[cut..].iter().collect();
            if !r.trim().is_empty() {
                right.push((no, r));
            }
        }
    }
    // Inside columns a blank line is the other column's line, or the
    // layout's spacing: paragraphs are marked by their indents.
    let set = |column: Vec<(usize, String)>| {
        margin_off(
            column
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .collect(),
        )
    };
    // The right column goes on from the left one: a sentence runs over.
    out.extend(set(left));
    out.extend(set(right));
    out.extend(lines[last + 1..].iter().map(|&(n, t)| (n, t.to_owned())));
    out
}

/// A column's lines without the margin they share: what is left is each
/// paragraph's indent.
fn margin_off(lines: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let lead = |t: &str| t.len() - t.trim_start_matches(' ').len();
    let margin = lines
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(_, t)| lead(t))
        .min()
        .unwrap_or(0);
    lines
        .into_iter()
        .map(|(n, t)| (n, t.get(margin..).unwrap_or_default().to_owned()))
        .collect()
}

/// A citation's mark set above its line (`[7]` alone), or the rest of a
/// line pushed below the mark (`. 但是, 在深度强化学习`): the line it
/// belongs to, again.
fn raised(lines: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let citation = |s: &str| {
        s.len() >= 3
            && s.starts_with('[')
            && s.ends_with(']')
            && s[1..s.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | ',' | '–'))
    };
    let mut out: Vec<(usize, String)> = Vec::with_capacity(lines.len());
    for (no, text) in lines {
        let t = text.trim();
        let rest = t.starts_with(['.', ',', ':', ';', '、', '，', '。', '：', '；']);
        match out.last_mut() {
            Some(prev) if (rest || citation(t)) && !prev.1.trim().is_empty() => {
                prev.1.truncate(prev.1.trim_end().len());
                prev.1.push_str(t);
            }
            _ => out.push((no, text)),
        }
    }
    out
}

/// Every line of `text` with its number, each page read column by column
/// when it is set in two.
pub(super) fn in_reading_order(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut page_lines: Vec<(usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        page_lines.push((i + 1, line));
        if line.contains('\u{c}') {
            out.extend(raised(page(&page_lines)));
            page_lines.clear();
        }
    }
    out.extend(raised(page(&page_lines)));
    out
}

#[cfg(test)]
mod tests {
    use super::in_reading_order;

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let page = "\
        标题横跨两栏的一行，不分栏也照样读出来，在最前面，再长一点再长一点再长一点再长一点\n\
深度强化学习以数据驱动的方式在诸多序贯决          解, 从而忽略了决策的潜在风险.\n\
策问题中获得优异表现,为移动机器人智能化进          特别是当遭遇连续时变风险未知的\n\
程提供了一套标准化学习范式. 但是, 在深度          非结构场景时,缺乏安全约束的运\n\
强化学习的应用和改进案例中,智能体往往将          动策略不仅会使得机器人陷入未知\n\
追求最大化奖励作为策略优化的唯一目标,并          的风险状态.\n\
未充分考虑运动控制安全性因素的影响.\n";
        let read: Vec<String> = in_reading_order(page)
            .into_iter()
            .map(|(_, t)| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let left_end = read.iter().position(|t| t.starts_with("未充分")).unwrap();
        let right_start = read.iter().position(|t| t.starts_with("解, 从而")).unwrap();
        assert!(left_end < right_start, "{read:#?}");
        assert!(read[0].starts_with("标题横跨两栏"));
        // Columns under a block set across the page, footnotes below
        // them: only the columns are parted, and their margin goes.
        let page = format!(
            "{}\n{}\n\n{}\n\n注：脚注一行，横跨整页。\n",
            "   摘要: 一段横跨整页的摘要，没有分栏，字数很多很多很多很多很多很多很多很多很多很多很多。",
            "   关键词: 强化学习；安全约束",
            (1..=6)
                .map(|i| format!(
                    "   左栏第{i}行的文字内容左栏第{i}行的文字          右栏第{i}行的文字内容右栏"
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let read: Vec<String> = in_reading_order(&page)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let at = |s: &str| read.iter().position(|t| t.starts_with(s)).unwrap();
        assert!(read[0].trim_start().starts_with("摘要"), "{read:#?}");
        assert!(at("左栏第6行") < at("右栏第1行"), "{read:#?}");
        assert!(at("右栏第6行") < read.iter().position(|t| t.contains("脚注")).unwrap());
        // One column: as it is.
        let one = "第一行\n第二行，  中间有空格的一行\n";
        assert_eq!(
            in_reading_order(one),
            [
                (1, "第一行".into()),
                (2, "第二行，  中间有空格的一行".into())
            ]
        );
    }
}
