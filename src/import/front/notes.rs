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

/// Cuts a footnote in brackets off the end of a paragraph.
pub(super) fn split_notes(units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len());
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
        if u.text.ends_with(['】', '）'])
            && let Some(at) = u.text.rfind(opener)
            && at > 0
            && is_note(&u.text[at..])
        {
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
