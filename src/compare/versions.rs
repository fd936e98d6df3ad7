//! Two versions of one text, paragraph by paragraph, as a 修订前后对照表
//! lays them out: which paragraphs stayed the same, which changed (and
//! which characters), which were added and which deleted. The paragraphs
//! are lined up by `similar`'s diff of the two sequences; within a run the
//! diff could not match, a paragraph pairs with the most alike one a few
//! ahead (by shared character pairs), and a changed pair's characters are
//! diffed again to mark only what changed.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// What became of a paragraph between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Changed,
    Added,
    Deleted,
}

impl Change {
    /// As the comparison labels a row.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Change::Same => "未改",
            Change::Changed => "修改",
            Change::Added => "新增",
            Change::Deleted => "删除",
        }
    }
}

/// How far ahead a changed paragraph looks for its counterpart: a
/// revision inserts or deletes a few paragraphs at a time, and a bounded
/// look keeps the pairing linear in the text.
const LOOK_AHEAD: usize = 8;

/// Two paragraphs at least this alike (shared character pairs, Dice) are
/// one paragraph changed; less alike, one was deleted and one added.
const ALIKE: f64 = 0.4;

/// How long a changed pair's characters are diffed before the diff settles
/// for a coarser answer: a revision's paragraph is short.
const DEADLINE: std::time::Duration = std::time::Duration::from_millis(50);

/// One row of the table: the paragraph on each side (by index) and what
/// changed.
pub type Aligned = (Option<usize>, Option<usize>, Change);

/// The paragraphs of two versions lined up, in order. A paragraph only
/// renumbered (`第十条` become `第十二条` as articles were added before it)
/// or only respaced is the same paragraph.
#[must_use]
pub fn align(left: &[&str], right: &[&str]) -> Vec<Aligned> {
    let mut rows = Vec::with_capacity(left.len().max(right.len()));
    let [old, new] = [left, right].map(|s| s.iter().map(|t| key(t)).collect::<Vec<_>>());
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => rows
                .extend((0..len).map(|i| (Some(old_index + i), Some(new_index + i), Change::Same))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => rows
                .extend((old_index..old_index + old_len).map(|i| (Some(i), None, Change::Deleted))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => rows
                .extend((new_index..new_index + new_len).map(|i| (None, Some(i), Change::Added))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => pair_up(
                left,
                right,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
                &mut rows,
            ),
        }
    }
    rows
}

/// What a paragraph is compared by: its text without a leading article
/// number (`第十二条`) and without spaces.
fn key(text: &str) -> String {
    let numbered = text.strip_prefix('第').and_then(|rest| {
        let end = rest.find('条')?;
        rest[..end]
            .chars()
            .all(|c| "〇零一二三四五六七八九十百千".contains(c))
            .then(|| &rest[end + '条'.len_utf8()..])
    });
    numbered
        .unwrap_or(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A run the diff could not match: each old paragraph pairs with the
/// most alike new one a few ahead (the new ones passed over were added),
/// or else was deleted.
fn pair_up(
    left: &[&str],
    right: &[&str],
    old: Range<usize>,
    new: Range<usize>,
    rows: &mut Vec<Aligned>,
) {
    let news: Vec<Vec<(char, char)>> = right[new.clone()].iter().map(|s| bigrams(s)).collect();
    let mut next = new.start;
    for i in old {
        let mine = bigrams(left[i]);
        let best = (next..new.end.min(next + LOOK_AHEAD))
            .map(|j| (j, dice(&mine, &news[j - new.start])))
            .filter(|&(_, d)| d >= ALIKE)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((j, _)) => {
                rows.extend((next..j).map(|k| (None, Some(k), Change::Added)));
                rows.push((Some(i), Some(j), Change::Changed));
                next = j + 1;
            }
            None => rows.push((Some(i), None, Change::Deleted)),
        }
    }
    rows.extend((next..new.end).map(|k| (None, Some(k), Change::Added)));
}

/// The text's adjacent character pairs, sorted (spaces left out).
fn bigrams(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    if out.is_empty() {
        out.extend(chars.first().map(|&c| (c, c)));
    }
    out.sort_unstable();
    out
}

/// Dice's coefficient of two sorted bags of pairs: twice the shared over
/// the total.
#[allow(clippy::cast_precision_loss)]
fn dice(a: &[(char, char)], b: &[(char, char)]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() + b.len()) as f64
}

/// How alike two whole texts are (0 to 1): whether two parts are versions
/// of one document.
#[must_use]
pub fn likeness(a: &str, b: &str) -> f64 {
    dice(&bigrams(a), &bigrams(b))
}

/// The bytes that changed in a changed pair: on the left what was taken
/// out, on the right what was put in.
#[must_use]
pub fn changed_bytes(old: &str, new: &str) -> [Vec<Range<usize>>; 2] {
    let diff = similar::TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DEADLINE)
        .diff_chars(old, new);
    let at =
        |s: &str| -> Vec<usize> { s.char_indices().map(|(b, _)| b).chain([s.len()]).collect() };
    let (a, b) = (at(old), at(new));
    let mut out: [Vec<Range<usize>>; 2] = [Vec::new(), Vec::new()];
    let mut push = |side: usize, r: Range<usize>, at: &[usize]| {
        if r.is_empty() {
            return;
        }
        let bytes = at[r.start]..at[r.end];
        match out[side].last_mut() {
            Some(last) if last.end == bytes.start => last.end = bytes.end,
            _ => out[side].push(bytes),
        }
    };
    for op in diff.ops() {
        let (_, o, n) = op.as_tag_tuple();
        if !matches!(op, DiffOp::Equal { .. }) {
            push(0, o, &a);
            push(1, n, &b);
        }
    }
    // A space taken out or put in is no change to the words.
    for (side, text) in out.iter_mut().zip([old, new]) {
        side.retain(|r| !text[r.clone()].chars().all(char::is_whitespace));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Change, align, changed_bytes};

    #[test]
    fn paragraphs_line_up_same_changed_added_deleted() {
        let old = [
            "第一条 为了规范管理，制定本法。",
            "第二条 本法适用于全国。",
            "第三条 国家鼓励创新。",
            "第四条 附则。",
        ];
        let new = [
            "第一条 为了规范管理，保障权益，制定本法。",
            "第二条 本法适用于全国。",
            "第三条 新增的一条规定内容。",
            "第五条 附则。",
        ];
        let rows = align(&old, &new);
        let changes: Vec<Change> = rows.iter().map(|r| r.2).collect();
        assert_eq!(rows[0], (Some(0), Some(0), Change::Changed));
        assert_eq!(rows[1], (Some(1), Some(1), Change::Same));
        assert!(
            changes.contains(&Change::Deleted) && changes.contains(&Change::Added),
            "{rows:?}"
        );
        // Every paragraph of each side once, in order.
        let lefts: Vec<usize> = rows.iter().filter_map(|r| r.0).collect();
        let rights: Vec<usize> = rows.iter().filter_map(|r| r.1).collect();
        assert_eq!(lefts, [0, 1, 2, 3]);
        assert_eq!(rights, [0, 1, 2, 3]);
    }

    #[test]
    fn only_the_changed_characters_are_marked() {
        let old = "为了规范管理，制定本法。";
        let new = "为了规范管理，保障权益，制定本法。";
        let [taken, put] = changed_bytes(old, new);
        assert!(taken.is_empty());
        let marked: String = put.iter().map(|r| &new[r.clone()]).collect();
        assert_eq!(marked, "保障权益，");
    }

    #[test]
    fn a_renumbered_or_respaced_paragraph_is_the_same() {
        let old = ["第一章 总则", "第十条 任何单位不得利用虚假统计资料。"];
        let new = ["第一章 总 则", "第十二条 任何单位不得利用虚假统计资料。"];
        let rows = align(&old, &new);
        assert!(rows.iter().all(|r| r.2 == Change::Same), "{rows:?}");
        let [taken, put] = changed_bytes(old[1], new[1]);
        assert_eq!(
            taken.iter().map(|r| &old[1][r.clone()]).collect::<String>(),
            ""
        );
        assert_eq!(
            put.iter().map(|r| &new[1][r.clone()]).collect::<String>(),
            "二"
        );
        assert!(changed_bytes(old[0], new[0]).iter().all(Vec::is_empty));
    }
}
