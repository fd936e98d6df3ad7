//! Footnotes in brackets (`【本文系…】`, `（本文系…）`, `（来源：…）`), alone
//! or at the end of a paragraph: set apart as notes.

use super::super::{Unit, UnitKind};

/// A footnote: `【本文系…】`, `（本文系…）`, `【基金项目…】`.
fn is_note(s: &str) -> bool {
    let bracketed =
        (s.starts_with('【') && s.ends_with('】')) || (s.starts_with('（') && s.ends_with('）'));
    let inner = s.get(3..).unwrap_or_default();
    bracketed
        && s != "【编者按】"
        && (s.starts_with('【')
            || ["本文系", "本文为", "本文是", "基金", "项目", "来源", "原载"]
                .iter()
                .any(|w| inner.starts_with(w)))
}

/// Where a page's first line, a title, ends and a note in brackets set
/// after its full stop begins: `Emacs 快速指南.（查看版权声明请至本文末尾）`.
/// A bracket with no full stop before it is the title's own
/// (`…（人民论坛）`, `…（征求意见稿）`).
fn title_note(s: &str) -> Option<usize> {
    let at = s.find(['（', '('])?;
    let title = &s[..at];
    let body = title.trim_end_matches(['.', '。']);
    (s.ends_with(['）', ')'])
        && body.len() < title.len()
        && title.len() - body.len() <= '。'.len_utf8()
        && !body.is_empty()
        && !body.contains(['。', '，', '；', '：', '！', '？'])
        && s.chars().count() <= 60)
        .then_some(at)
}

/// Cuts a footnote in brackets off the end of a paragraph, and a note
/// off the page's first line when it is a title (see [`title_note`]).
pub(super) fn split_notes(units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
    let mut first = true;
    for mut u in units {
        if u.kind != UnitKind::Text {
            out.push(u);
            continue;
        }
        if is_note(&u.text) {
            u.kind = UnitKind::Note;
            out.push(u);
            continue;
        }
        let opener = match u.text.chars().last() {
            Some('】') => '【',
            _ => '（',
        };
        let title = std::mem::take(&mut first)
            .then(|| title_note(&u.text))
            .flatten();
        let cut = title.or_else(|| {
            u.text
                .rfind(opener)
                .filter(|&at| u.text.ends_with(['】', '）']) && at > 0 && is_note(&u.text[at..]))
        });
        if let Some(at) = cut {
            let note = Unit {
                text: u.text[at..].to_owned(),
                kind: UnitKind::Note,
                line: u.last_line(),
                joined_blanks: 0,
                ..u.clone()
            };
            u.text.truncate(at);
            out.push(u);
            out.push(note);
            continue;
        }
        out.push(u);
    }
    out
}
