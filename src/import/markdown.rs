//! Markdown, read by a `CommonMark` parser into the same units as text: `#`
//! the title, `##`… the sections, `- **heading** text` items, `*deck*`,
//! `**byline**`, `> **编者按** …`, and quotes after a rule as footnotes (the
//! shape `zhizao export --format markdown` writes, and most pages share).

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Dropped, Unit, UnitKind};
use crate::content::DERIVED_MARK;
use crate::layout::DERIVED_TITLE_NOTE;

/// Markdown when it has an ATX heading.
#[must_use]
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### "))
}

#[derive(Default)]
struct Block {
    text: String,
    start: usize,
    /// Text in bold at the block's start, and whether that was all of it.
    strong_lead: Option<String>,
    all_emphasis: bool,
    all_strong: bool,
    plain_seen: bool,
}

/// Soft line breaks joined as Chinese joins them: no space, except
/// between Latin letters or digits.
fn joined(parts: &str) -> String {
    let mut out = String::with_capacity(parts.len());
    let lines: Vec<&str> = parts.split('\n').map(str::trim).collect();
    for line in lines.into_iter().filter(|l| !l.is_empty()) {
        if out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Where the reader is in the Markdown's structure.
#[derive(Default)]
struct Reader {
    units: Vec<Unit>,
    dropped: Vec<Dropped>,
    /// Everything read as text, for the markup left over.
    produced: String,
    block: Option<Block>,
    strong: usize,
    emphasis: usize,
    quote: usize,
    item: usize,
    after_rule: bool,
    heading: Option<HeadingLevel>,
    /// A title has been read.
    titled: bool,
    /// An HTML block being read, and its first line.
    html: Option<(String, usize)>,
}

/// `body` without its first `n` bytes and the spaces after them.
fn cut(body: &mut String, n: usize) {
    body.drain(..n);
    let spaces = body.len() - body.trim_start().len();
    body.drain(..spaces);
}

impl Reader {
    fn text(&mut self, t: &str) {
        if let Some(b) = self.block.as_mut() {
            if self.strong == 0 {
                b.all_strong = false;
                if !t.trim().is_empty() {
                    b.plain_seen = true;
                }
            }
            if self.emphasis == 0 {
                b.all_emphasis = false;
            }
            b.text.push_str(t);
        }
    }

    /// An HTML block ends: its text is text (its tags, and a tag inside a
    /// paragraph such as `<br>` or `<span>`, are markup).
    fn html_block(&mut self) {
        if let Some((html, line)) = self.html.take() {
            for text in super::html::block_texts(&html) {
                self.produced.push_str(&text);
                self.units.push(Unit::new(text, UnitKind::Text, line));
            }
        }
    }

    /// A page that prints no `#` title has the one its front matter names
    /// (`title: "…"`, `标题: …`): its key is markup, the title text.
    fn front_matter_title(&mut self) {
        if self
            .units
            .iter()
            .any(|u| matches!(u.kind, UnitKind::Title { .. }))
        {
            return;
        }
        let Some(entry) = self.dropped.iter_mut().find(|d| {
            d.what == "front matter"
                && ["title:", "标题:", "标题："]
                    .iter()
                    .any(|k| d.text.starts_with(k))
        }) else {
            return;
        };
        let at = entry.text.find([':', '：']).map_or(0, |c| {
            c + entry.text[c..].chars().next().map_or(1, char::len_utf8)
        });
        let value = entry.text[at..].trim().trim_matches(['"', '\'']).to_owned();
        if !value.is_empty() {
            entry.text = entry.text.replacen(&value, "", 1);
            let line = entry.line;
            let title = Unit::new(value, UnitKind::Title { derived: false }, line);
            self.units.insert(0, title);
        }
    }

    /// A paragraph or heading ends: what it is.
    fn end(&mut self, line: usize) {
        let Some(b) = self.block.take() else { return };
        let mut body = joined(&b.text);
        self.produced.push_str(&body);
        let titled = self.titled;
        let kind = match self.heading.take() {
            Some(HeadingLevel::H1) => {
                let derived = body.ends_with(DERIVED_MARK);
                if derived {
                    body.truncate(body.len() - DERIVED_MARK.len());
                    self.dropped.push(Dropped::new(
                        "our mark on a derived title",
                        DERIVED_MARK.into(),
                        line,
                    ));
                }
                self.after_rule = false;
                self.titled = true;
                UnitKind::Title { derived }
            }
            Some(level) => UnitKind::Heading(level as usize - 1),
            None if body == DERIVED_TITLE_NOTE => {
                self.dropped
                    .push(Dropped::new("our note on a derived title", body, line));
                return;
            }
            None if self.quote > 0 && b.strong_lead.as_deref() == Some("编者按") => {
                self.dropped
                    .push(Dropped::new("label", "编者按".into(), line));
                cut(&mut body, "编者按".len());
                UnitKind::EditorNote
            }
            None if self.quote > 0 && self.after_rule => UnitKind::Note,
            None if self.item > 0 && !b.all_strong && b.strong_lead.is_some() => {
                let head = b.strong_lead.unwrap_or_default();
                cut(&mut body, head.len());
                UnitKind::Item(head)
            }
            None if b.all_strong => UnitKind::Strong,
            None if super::reflow::is_byline(&body) => UnitKind::Byline,
            None if b.all_emphasis && (self.after_rule || !titled) => UnitKind::Deck,
            None => UnitKind::Text,
        };
        self.units.push(Unit::new(body, kind, line));
    }
}

/// The page's units, what was dropped as markup, and how many characters
/// (whitespace aside) the page holds, read as Markdown reads it: an entity
/// (`&lt;`, `&copy;`) or an escape (`\*`) is the one character it stands for.
pub(super) fn units(text: &str) -> (Vec<Unit>, Vec<Dropped>, usize) {
    // YAML front matter (`---` … `---` at the top: a page's metadata, not
    // its text) is dropped, each line listed; blank lines keep the count.
    let (matter, text) = front_matter(text);
    let text = text.as_str();
    // Where each line starts: a block's line is found by a binary search.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let mut r = Reader::default();
    r.dropped.extend(matter);
    // The page with each entity and escape as the character it stands for.
    let mut read = String::with_capacity(text.len());
    let mut copied = 0;
    for (event, range) in Parser::new(text).into_offset_iter() {
        if let Event::Text(t) = &event
            && range.start >= copied
            && text.get(range.clone()).is_some_and(|source| source != &**t)
        {
            read.push_str(&text[copied..range.start]);
            read.push_str(t);
            copied = range.end;
        }
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => {
                if let Event::Start(Tag::Heading { level, .. }) = event {
                    r.heading = Some(level);
                }
                r.block = Some(Block {
                    start: range.start,
                    all_emphasis: true,
                    all_strong: true,
                    ..Block::default()
                });
            }
            Event::Start(Tag::Strong) => r.strong += 1,
            Event::End(TagEnd::Strong) => {
                r.strong -= 1;
                if let Some(b) = r.block.as_mut()
                    && b.strong_lead.is_none()
                    && !b.plain_seen
                {
                    b.strong_lead = Some(joined(&b.text));
                }
            }
            Event::Start(Tag::Emphasis) => r.emphasis += 1,
            Event::End(TagEnd::Emphasis) => r.emphasis -= 1,
            Event::Start(Tag::BlockQuote(_)) => r.quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => r.quote -= 1,
            Event::Start(Tag::Item) => r.item += 1,
            Event::End(TagEnd::Item) => r.item -= 1,
            // An HTML block's text is text; its tags, and a tag inside a
            // paragraph (`<br>`, `<span>`), markup.
            Event::Start(Tag::HtmlBlock) => r.html = Some((String::new(), line_of(range.start))),
            Event::Html(t) => r.html.iter_mut().for_each(|(html, _)| html.push_str(&t)),
            Event::End(TagEnd::HtmlBlock) => r.html_block(),
            Event::Text(t) | Event::Code(t) => r.text(&t),
            Event::SoftBreak | Event::HardBreak => r.text("\n"),
            Event::Rule => {
                r.units.push(Unit::new(
                    String::new(),
                    UnitKind::Rule,
                    line_of(range.start),
                ));
                r.after_rule = true;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                let line = r.block.as_ref().map_or(1, |b| line_of(b.start));
                r.end(line);
            }
            _ => {}
        }
    }
    read.push_str(&text[copied..]);
    // A heading set above the page's `#` title is its deck (引题), as
    // crawled newspaper pages print it.
    if let Some(title) = r
        .units
        .iter()
        .position(|u| matches!(u.kind, UnitKind::Title { .. }))
    {
        for u in &mut r.units[..title] {
            if matches!(u.kind, UnitKind::Heading(_)) {
                u.kind = UnitKind::Deck;
            }
        }
    }
    numbered_titles(&mut r.units);
    let markup = markup(&read, &r.produced);
    r.dropped.push(Dropped::new("Markdown markup", markup, 1));
    let chars = read.chars().filter(|c| !c.is_whitespace()).count()
        + r.dropped
            .iter()
            .filter(|d| d.what == "front matter")
            .map(|d| d.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum::<usize>();
    r.front_matter_title();
    (r.units, r.dropped, chars)
}

/// A page that sets its parts with `#` as it sets its title (a paper
/// converted to Markdown: `# 0 引言`, `# 3.1 算法流程`; a thesis: `# 第2章
/// …` over `## 2.1`), two or more of them numbered: one article. Its title
/// is the first `#` line with text under it before the numbered parts;
/// every other `#` line is a part, each heading one level down.
fn numbered_titles(units: &mut [Unit]) {
    use crate::content::ordinal::at_start;
    let title = |u: &Unit| matches!(u.kind, UnitKind::Title { .. });
    let numbered = units
        .iter()
        .filter(|u| title(u) && at_start(&u.text).is_some())
        .count();
    if numbered < 2 {
        return;
    }
    let first_part = units
        .iter()
        .position(|u| title(u) && at_start(&u.text).is_some())
        .unwrap_or(units.len());
    // A `#` line with another right under it (a link to the site's home
    // page above the real title) is not the title.
    let the_title =
        (0..first_part).find(|&i| title(&units[i]) && units.get(i + 1).is_some_and(|n| !title(n)));
    // Before the numbered parts, a `#` line with no headings under it is
    // the title's company (the paper's title in English over its abstract),
    // not a part; one with headings under it is (`# 绪论` over `## 1.1`).
    let parted = |i: usize| {
        units[i + 1..]
            .iter()
            .take_while(|n| !title(n))
            .any(|n| matches!(n.kind, UnitKind::Heading(_)))
    };
    let apart: Vec<bool> = (0..units.len())
        .map(|i| i < first_part && !parted(i))
        .collect();
    for (i, u) in units.iter_mut().enumerate() {
        u.kind = match u.kind {
            UnitKind::Title { .. } if Some(i) == the_title => continue,
            UnitKind::Title { .. } if i < the_title.unwrap_or(0) || apart[i] => UnitKind::Text,
            UnitKind::Title { .. } => UnitKind::Heading(1),
            UnitKind::Heading(level) => UnitKind::Heading(level + 1),
            _ => continue,
        };
    }
}

/// The YAML front matter at the top, and the page with blank lines in
/// its place.
fn front_matter(text: &str) -> (Vec<Dropped>, String) {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return (Vec::new(), text.to_owned());
    }
    let Some(end) = lines
        .take(200)
        .position(|l| l.trim_end() == "---" || l.trim_end() == "...")
    else {
        return (Vec::new(), text.to_owned());
    };
    let dropped = text
        .lines()
        .take(end + 2)
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Dropped::new("front matter", l.to_owned(), i + 1))
        .collect();
    let rest: String = text.split_inclusive('\n').skip(end + 2).collect();
    (dropped, "\n".repeat(end + 2) + &rest)
}

/// What the input has that the text read from it does not: its markup.
fn markup(input: &str, produced: &str) -> String {
    let mut counts: std::collections::HashMap<char, isize> = std::collections::HashMap::new();
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() += 1;
    }
    for c in produced.chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_default() -= 1;
    }
    let mut left: Vec<(char, isize)> = counts.into_iter().filter(|&(_, n)| n > 0).collect();
    left.sort_unstable();
    left.into_iter()
        .flat_map(|(c, n)| std::iter::repeat_n(c, n.unsigned_abs()))
        .collect()
}
