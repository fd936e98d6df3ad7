//! Where text belongs when the layout put it elsewhere, by the words it
//! shares: a title with the text it heads, a box with its article; and a
//! title for an article the page printed none for.

use super::{Article, Field, Section};

/// Bigrams of hanzi: what a title shares with the text it heads.
fn bigrams(s: &str) -> std::collections::HashSet<(char, char)> {
    let han: Vec<char> = s
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    han.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The share of `of`'s bigrams found in `text`.
pub(super) fn shared(of: &str, text: &str) -> f64 {
    let mine = bigrams(of);
    if mine.is_empty() {
        return 0.0;
    }
    let theirs = bigrams(text);
    #[allow(clippy::cast_precision_loss)]
    let share = mine.iter().filter(|b| theirs.contains(b)).count() as f64 / mine.len() as f64;
    share
}

/// A box printed before every article goes with the article it shares the
/// most words with, as its first part.
pub(super) fn place_box(boxed: Article, articles: &mut [Article]) {
    let text = all_text(&boxed);
    let Some(best) = (0..articles.len()).max_by(|&a, &b| {
        shared(&text, &all_text(&articles[a]))
            .total_cmp(&shared(&text, &all_text(&articles[b])))
            .then(b.cmp(&a))
    }) else {
        return;
    };
    let why = format!(
        "printed apart from its article, before every article; placed in the one sharing most of its words ({:.0}%)",
        100.0 * shared(&text, &all_text(&articles[best]))
    );
    let target = &mut articles[best];
    let mut sections = boxed.sections;
    if let Some(first) = sections.first_mut() {
        first.heading = first.heading.clone().guessed(why);
    }
    let mut paragraphs = boxed.paragraphs;
    if let Some(first) = paragraphs.first_mut().filter(|_| sections.is_empty()) {
        *first = first.clone().guessed(why_short());
    }
    sections.append(&mut target.sections);
    target.sections = sections;
    paragraphs.append(&mut target.paragraphs);
    target.paragraphs = paragraphs;
    if target.editor_note.is_none() {
        target.editor_note = boxed.editor_note;
    }
}

fn why_short() -> &'static str {
    "printed apart from its article; placed in the one sharing most of its words"
}

fn all_text(a: &Article) -> String {
    fn walk(s: &[Section], out: &mut String) {
        for s in s {
            out.push_str(&s.heading.text);
            for p in &s.paragraphs {
                out.push_str(&p.text);
            }
            walk(&s.sections, out);
        }
    }
    let mut out = String::new();
    for f in [&a.title, &a.editor_note].into_iter().flatten() {
        out.push_str(&f.text);
    }
    for p in &a.paragraphs {
        out.push_str(&p.text);
    }
    walk(&a.sections, &mut out);
    out
}

/// A title from the opening when the page printed none: its first clause,
/// quotation marks aside. Ours, and marked so.
pub(super) fn derive_title(a: &Article) -> Option<Field> {
    let source = a
        .paragraphs
        .first()
        .or_else(|| a.sections.first().map(|s| &s.heading))?;
    let bare: String = source
        .text
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '「' | '」' | '《' | '》'))
        .collect();
    let clause: String = bare
        .split(['，', '。', '；', '：', '！', '？', '、'])
        .find(|c| c.chars().count() >= 4)
        .unwrap_or(&bare)
        .chars()
        .take(20)
        .collect();
    (!clause.is_empty()).then(|| Field {
        text: clause,
        line: source.line,
        guess: Some("title derived from the opening's first clause (the page printed none)".into()),
    })
}
