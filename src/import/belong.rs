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
    // The first clause of four characters or more, its quotes kept.
    let text = source.text.trim();
    let mut clause = text;
    let mut rest = text;
    while let Some(end) = rest.find(['，', '。', '；', '：', '！', '？']) {
        let c = &rest[..end];
        rest = &rest[end + '，'.len_utf8()..];
        if c.chars().count() >= 4 {
            clause = c;
            break;
        }
        clause = rest;
    }
    let title = within_words(clause, TITLE_CHARS);
    (!title.is_empty()).then(|| Field {
        text: title,
        line: source.line,
        guess: Some("title derived from the opening's first clause (the page printed none)".into()),
    })
}

/// The most a derived title holds, in characters.
const TITLE_CHARS: usize = 24;

/// `clause` cut to at most `most` characters at a word's end (as jieba
/// cuts it), never inside a pair of quotation marks or title marks: one
/// opened and not closed within the cut is left out with what follows it.
fn within_words(clause: &str, most: usize) -> String {
    if clause.chars().count() <= most {
        return clause.to_owned();
    }
    // Only the words up to the cut matter: the clause's start is cut,
    // with room for the longest word across it (a page that is one clause
    // of 100,000 characters costs what a short one does).
    let start = clause
        .char_indices()
        .nth(most * 2)
        .map_or(clause, |(b, _)| &clause[..b]);
    let end = crate::search::words::word_ends(start)
        .into_iter()
        .take_while(|&e| clause[..e].chars().count() <= most)
        .last()
        .unwrap_or_else(|| {
            clause
                .char_indices()
                .nth(most)
                .map_or(clause.len(), |(b, _)| b)
        });
    let mut cut = &clause[..end];
    for (open, close) in [
        ('“', '”'),
        ('《', '》'),
        ('‘', '’'),
        ('「', '」'),
        ('（', '）'),
    ] {
        if cut.matches(open).count() > cut.matches(close).count()
            && let Some(at) = cut.rfind(open)
        {
            cut = &cut[..at];
        }
    }
    cut.trim_end_matches(['、', '—', '…', ' ']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::{TITLE_CHARS, within_words};

    #[test]
    fn a_derived_title_is_cut_at_a_word_and_keeps_its_quotes_whole() {
        let long = "人力资源社会保障部相关负责人就事业单位工作人员奖励规定答记者问";
        let cut = within_words(long, TITLE_CHARS);
        assert!(long.starts_with(&cut) && cut.chars().count() <= TITLE_CHARS);
        // Not `…事业单位工`: the word 工作人员 whole.
        assert!(cut.ends_with("工作人员"), "{cut}");
        let quoted = "国务院办公厅印发《关于做好金融“五篇大文章”的指导意见》的通知全文";
        let cut = within_words(quoted, TITLE_CHARS);
        for (open, close) in [('《', '》'), ('“', '”')] {
            assert_eq!(
                cut.matches(open).count(),
                cut.matches(close).count(),
                "{cut}"
            );
        }
        assert_eq!(cut, "国务院办公厅印发");
        // A short clause is the title as it is, quotes and all.
        assert_eq!(
            within_words("“没有闯不过的难关”", TITLE_CHARS),
            "“没有闯不过的难关”"
        );
    }
}
