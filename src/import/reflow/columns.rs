//! Text laid out in two columns side by side on each line, as
//! `pdftotext -layout` gives a two-column page: read column by column,
//! page by page (a form feed ends a page), each line keeping its number.

/// The fewest spaces between two columns on a line.
const GAP: usize = 4;

/// Where the right column starts on a line, in characters: after the
/// first run of [`GAP`] spaces or more inside it.
fn right_start(chars: &[char]) -> Option<usize> {
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate().skip(lead) {
        if c == ' ' {
            run += 1;
        } else {
            if run >= GAP {
                return Some(i);
            }
            run = 0;
        }
    }
    None
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
    // Two columns: a fair share of the page's lines part there.
    if near(split) < 5 || near(split) * 10 < filled * 3 || split < 20 {
        return as_is();
    }
    let mut left = Vec::with_capacity(lines.len());
    let mut right = Vec::new();
    for (&(no, _), c) in lines.iter().zip(&chars) {
        // Where this line parts, near the page's parting; else there.
        let own = right_start(c).filter(|r| r.abs_diff(split) <= 2);
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
    left.push((lines.last().map_or(0, |l| l.0), String::new()));
    left.extend(right);
    left
}

/// Every line of `text` with its number, each page read column by column
/// when it is set in two.
pub(super) fn in_reading_order(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut page_lines: Vec<(usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        page_lines.push((i + 1, line));
        if line.contains('\u{c}') {
            out.extend(page(&page_lines));
            page_lines.clear();
        }
    }
    out.extend(page(&page_lines));
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
