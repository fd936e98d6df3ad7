//! A list whose every item gives examples from known places is a list of
//! lessons: `一是注重…。例如，上海…；苏州…。` Only places the collection
//! (or the bundled page) already has are linked; nothing is invented.

use super::{Lesson, Section};
use crate::content::{Library, Scope};

/// Links lessons wherever a list qualifies, at any depth.
pub(super) fn link(sections: &mut [Section], places: &Library) {
    for s in sections.iter_mut() {
        link(&mut s.sections, places);
        lessons(s, places);
    }
}

fn lessons(s: &mut Section, places: &Library) {
    let items = &s.sections;
    if items.is_empty()
        || items
            .iter()
            .any(|c| c.ordinal.is_none() || !c.sections.is_empty() || c.paragraphs.len() != 1)
    {
        return;
    }
    let mut found = Vec::new();
    let mut scope: Option<Scope> = None;
    for c in items {
        let Some((lead, examples)) = examples(&c.paragraphs[0].text, places) else {
            return;
        };
        for (place, _) in &examples {
            let p = places
                .places
                .iter()
                .find(|p| &p.id == place)
                .map(|p| p.scope);
            if scope.is_some_and(|s| Some(s) != p) {
                return;
            }
            scope = p;
        }
        let theme = theme(c);
        if theme.is_empty() {
            return;
        }
        found.push(Lesson {
            theme,
            lead,
            examples,
        });
    }
    s.scope = scope;
    for (c, lesson) in s.sections.iter_mut().zip(found) {
        c.lesson = Some(lesson);
    }
}

/// The heading without its ordinal and end mark: 注重打造制造业品牌.
fn theme(s: &Section) -> String {
    let h = &s.heading.text;
    let bare = s
        .ordinal
        .as_deref()
        .and_then(|o| h.strip_prefix(o))
        .unwrap_or(h);
    bare.trim_start_matches(['，', '、'])
        .trim_end_matches(['。', '：', '；'])
        .to_owned()
}

/// `例如，` then one example a place, each to its `；` or `。`.
fn examples(text: &str, places: &Library) -> Option<(String, Vec<(String, String)>)> {
    let lead_len = ["例如，", "比如，", "例如：", "比如：", "如，"]
        .iter()
        .find(|l| text.starts_with(*l))
        .map_or(0, |l| l.len());
    let (lead, rest) = text.split_at(lead_len);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut start = 0;
    let ends = rest
        .char_indices()
        .filter(|(_, c)| matches!(c, '；' | '。'))
        .map(|(i, c)| i + c.len_utf8())
        .chain(std::iter::once(rest.len()));
    for end in ends {
        if end <= start {
            continue;
        }
        let piece = &rest[start..end];
        start = end;
        let place = places
            .places
            .iter()
            .filter(|p| piece.starts_with(&p.name))
            .max_by_key(|p| p.name.len());
        match (place, out.last_mut()) {
            (Some(p), _) => out.push((p.id.clone(), piece.to_owned())),
            (None, Some(last)) => last.1.push_str(piece),
            (None, None) => return None,
        }
    }
    (!out.is_empty()).then(|| (lead.to_owned(), out))
}
