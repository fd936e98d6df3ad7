//! Where each article starts, and its furniture: deck, title, byline,
//! affiliation, editor's note and footnotes, wherever the layout put them.

use super::belong::shared;
use super::reflow::{Layout, ends_sentence};
use super::{Article, Dropped, Field, Unit, UnitKind};

mod notes;

use notes::split_notes;

/// An article's furniture and the units of its body, in order.
pub(super) struct Draft {
    pub article: Article,
    pub body: Vec<Unit>,
}

/// The articles, and the box printed before any of them (text set apart
/// at the top of the page, to be placed with the article it belongs to).
pub(super) struct Found {
    pub boxed: Option<Draft>,
    pub drafts: Vec<Draft>,
}

pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A line that can be a title or a heading: short, no sentence end, no ordinal.
fn is_title_line(u: &Unit) -> bool {
    u.kind == UnitKind::Text
        && chars(&u.text) <= 30
        // (A title may end in its own full stop: `Emacs 快速指南.`.)
        && !ends_sentence(u.text.strip_suffix('.').unwrap_or(&u.text))
        && !u.text.contains('。')
        && !u.text.starts_with(['（', '【', '('])
        && !super::opening::paper_label(&u.text)
        && crate::content::ordinal::at_start(&u.text).is_none()
}

fn is_affiliation(s: &str) -> bool {
    (s.starts_with("（作者单位") || s.starts_with("作者单位") || s.starts_with("(作者单位"))
        && chars(s) <= 120
}

/// Finds the articles in the units.
pub(super) fn articles(
    units: Vec<Unit>,
    layout: Layout,
    blanks: bool,
    dropped: &mut Vec<Dropped>,
) -> Found {
    let units = split_notes(units);
    let mut scan = Scan {
        titled: units
            .iter()
            .any(|u| matches!(u.kind, UnitKind::Title { .. })),
        units: &units,
        layout,
        blanks,
        dropped,
        boxed: None,
        drafts: Vec::new(),
        pending_deck: None,
    };
    let mut i = scan.open_page();
    while i < units.len() {
        // Another article on the page: a title block after two blank
        // lines, a rule, or an article's closing `（来源：…）`.
        let parted = |k: usize| {
            k > 0
                && (units[k].gap >= 2
                    || units[k - 1].kind == UnitKind::Rule
                    || (units[k - 1].kind == UnitKind::Note && units[k - 1].text.contains("来源")))
        };
        if units[i].kind == UnitKind::Rule
            && layout != Layout::Marked
            && !scan.titled
            && super::opening::title_block(&units, i + 1).is_some()
        {
            i += 1;
            continue;
        }
        if layout != Layout::Marked
            && !scan.titled
            && i > 0
            && parted(i)
            && let Some((article, body, next)) = super::opening::title_block(&units, i)
            // What is set under a title (a byline, the paper, a date)
            // tells it from a part's heading.
            && (article.byline.is_some() || !article.notes.is_empty() || !body.is_empty())
        {
            scan.drafts.push(Draft { article, body });
            i = next;
            continue;
        }
        // Markup marks each title: no line's shape makes one.
        let group = (layout != Layout::Marked)
            .then(|| title_group(&units, i, layout, blanks))
            .flatten();
        i = match group {
            Some(n) => scan.titled(i, n),
            None => scan.next(i),
        };
    }
    let Scan {
        mut boxed,
        mut drafts,
        pending_deck,
        ..
    } = scan;
    if let Some(deck) = pending_deck {
        match drafts.last_mut().filter(|d| d.article.deck.is_none()) {
            Some(d) => d.article.deck = Some(deck),
            // No article to be the deck of: it is text.
            None => boxed
                .get_or_insert_with(|| draft(Article::default()))
                .body
                .push(Unit::new(deck.text, UnitKind::Text, deck.line)),
        }
    }
    if drafts.is_empty()
        && let Some(mut b) = boxed.take()
    {
        b.article.line = b.body.first().map_or(1, |u| u.line);
        drafts.push(b);
    }
    Found { boxed, drafts }
}

struct Scan<'a> {
    /// Markdown says where each article starts: at its `#` title.
    titled: bool,
    units: &'a [Unit],
    layout: Layout,
    blanks: bool,
    dropped: &'a mut Vec<Dropped>,
    boxed: Option<Draft>,
    drafts: Vec<Draft>,
    pending_deck: Option<Field>,
}

fn draft(article: Article) -> Draft {
    Draft {
        article,
        body: Vec::new(),
    }
}

impl Scan<'_> {
    /// How the page opens: a preamble marked off, a labelled headline, a
    /// heading after the preamble, or a title on a line of its own; where
    /// the scan goes on.
    fn open_page(&mut self) -> usize {
        // A preamble the page marks off (`以下为正文`: a translator's credits
        // before the text): the article's notes, its title after it.
        let units = self.units;
        let (layout, blanks) = (self.layout, self.blanks);
        let (preamble, mut i) = super::opening::preamble(units);
        let start = i;
        // A page that opens with its headline's lines labelled, or its title
        // on a line of its own (or underlined).
        if layout != Layout::Marked
            && !self.titled
            && let Some((article, next)) = super::opening::labelled_block(units, i, self.dropped)
        {
            self.drafts.push(Draft {
                article,
                body: Vec::new(),
            });
            i = next;
        } else if layout != Layout::Marked
            && !self.titled
            && units
                .get(i)
                .is_some_and(|u| matches!(u.kind, UnitKind::Heading(_)))
            && !preamble.is_empty()
        {
            self.drafts.push(draft(Article {
                line: units[i].line,
                title: Some(Field::of(&units[i]).guessed("title (the heading after the preamble)")),
                ..Article::default()
            }));
            i += 1;
        } else if layout != Layout::Marked
            && !self.titled
            && title_group(units, i, layout, blanks).is_none()
            && let Some((article, body, next)) = super::opening::title_block(units, i)
        {
            self.drafts.push(Draft { article, body });
            i = next;
        }
        // No title after the mark: the page is read as if it had none.
        match self.drafts.first_mut() {
            Some(d) if i > start && !preamble.is_empty() => {
                let mut notes = preamble;
                notes.append(&mut d.article.notes);
                d.article.notes = notes;
            }
            _ if !preamble.is_empty() => i = 0,
            _ => {}
        }
        i
    }

    /// An article opening with the `n` title lines at `i` (a deck above
    /// them, maybe); where the scan goes on.
    fn titled(&mut self, mut i: usize, n: usize) -> usize {
        let units = self.units;
        let mut article = Article {
            line: units[i].line,
            ..Article::default()
        };
        let group = &units[i..i + n];
        let punctuated = |u: &Unit| u.text.contains(['，', '、', '：']);
        let (deck, title) = match group.len() {
            1 => (None, group),
            2 if !punctuated(&group[0]) || punctuated(&group[1]) => (None, group),
            _ => (Some(&group[0]), &group[1..]),
        };
        article.deck = match deck {
            Some(d) => Some(Field::of(d).guessed("deck (the line above the title)")),
            None => self.pending_deck.take(),
        };
        let text = title
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut field = Field {
            text,
            line: title[0].line,
            guess: None,
        };
        if title.len() > 1 {
            field = field.guessed(format!("title printed on {} lines", title.len()));
        }
        i += n;
        if let Some(note) = units.get(i).filter(|u| u.kind == UnitKind::DerivedNote) {
            self.dropped.push(Dropped::new(
                "our note on a derived title",
                note.text.clone(),
                note.line,
            ));
            article.derived_title = Some(field);
            i += 1;
        } else {
            article.title = Some(field);
        }
        // Lines set with the title: its byline and affiliation.
        while self.layout == Layout::Indented
            && let Some(next) = units.get(i).filter(|n| {
                matches!(n.kind, UnitKind::Text | UnitKind::Byline)
                    && !n.blank_before
                    && !n.indented
            })
        {
            if is_affiliation(&next.text) && article.affiliation.is_none() {
                article.affiliation = Some(Field::of(next));
            } else if article.byline.is_none() {
                article.byline = Some(byline(next));
            } else {
                break;
            }
            i += 1;
        }
        self.drafts.push(draft(article));
        i
    }

    /// Whether the unit opens an article without a title line: a Markdown
    /// title, or a byline where the article before has had its own.
    fn opens(&self, u: &Unit) -> bool {
        match &u.kind {
            UnitKind::Title { .. } => true,
            UnitKind::Byline | UnitKind::Strong if !self.titled => {
                self.drafts.last().is_none_or(|d| {
                    d.article.byline.is_some()
                        || !d.body.is_empty()
                        || d.article.editor_note.is_some()
                }) && !is_affiliation(&u.text)
            }
            _ => false,
        }
    }

    /// The unit at `i`: an article's start, furniture, or text; where the
    /// scan goes on.
    fn next(&mut self, i: usize) -> usize {
        let units = self.units;
        let u = &units[i];
        if self.opens(u) {
            let mut article = Article {
                line: u.line,
                deck: self.pending_deck.take(),
                ..Article::default()
            };
            match u.kind {
                UnitKind::Title { derived: true } => article.derived_title = Some(Field::of(u)),
                UnitKind::Title { derived: false } => article.title = Some(Field::of(u)),
                _ => article.byline = Some(byline(u)),
            }
            self.drafts.push(draft(article));
            return i + 1;
        }
        // An editor's note run in after its label: `编者按：…`, `【编者按】…`.
        if u.kind == UnitKind::Text
            && let Some((label, note)) = editor_label(&u.text)
        {
            let holder = match self.drafts.last_mut() {
                Some(d) => d,
                None => self.boxed.get_or_insert_with(|| draft(Article::default())),
            };
            if holder.article.editor_note.is_none() && holder.body.is_empty() {
                self.dropped
                    .push(Dropped::new("label", label.to_owned(), u.line));
                holder.article.editor_note = Some(Field {
                    text: note.to_owned(),
                    ..Field::of(u)
                });
                return i + 1;
            }
        }
        let follows_title = title_group(units, i + 1, self.layout, self.blanks).is_some();
        let next = units.get(i + 1);
        let current = self.drafts.last_mut();
        match (&u.kind, current) {
            (UnitKind::Doubled, current) => {
                let f = Field::of(u).guessed("deck (printed twice over, read once)");
                match current {
                    Some(d) if d.article.deck.is_none() && !follows_title => {
                        d.article.deck = Some(f);
                    }
                    _ => self.pending_deck = Some(f),
                }
            }
            (UnitKind::Deck, _) => self.pending_deck = Some(Field::of(u)),
            (UnitKind::Label, current) => {
                self.dropped
                    .push(Dropped::new("label", u.text.clone(), u.line));
                if let Some(next) = next.filter(|n| n.kind == UnitKind::Text) {
                    let note = Some(Field::of(next));
                    match current {
                        Some(d) => d.article.editor_note = note,
                        None => {
                            self.boxed
                                .get_or_insert_with(|| draft(Article::default()))
                                .article
                                .editor_note = note;
                        }
                    }
                    return i + 2;
                }
            }
            (UnitKind::EditorNote, Some(d)) => d.article.editor_note = Some(Field::of(u)),
            (UnitKind::Rule, current) => {
                if let (Some(d), Some(next)) = (current, next)
                    && matches!(next.kind, UnitKind::Text | UnitKind::Note)
                {
                    d.article.notes.push(Field::of(next));
                    return i + 2;
                }
            }
            (UnitKind::Note, Some(d)) => d.article.notes.push(Field::of(u)),
            (UnitKind::Byline | UnitKind::Strong | UnitKind::Text, Some(d))
                if is_affiliation(&u.text) && d.article.affiliation.is_none() =>
            {
                d.article.affiliation = Some(Field::of(u));
            }
            (UnitKind::Byline | UnitKind::Strong, Some(d))
                if d.article.byline.is_none() && d.body.is_empty() =>
            {
                d.article.byline = Some(byline(u));
            }
            (_, Some(d)) => d.body.push(as_text(u)),
            (_, None) => self
                .boxed
                .get_or_insert_with(|| draft(Article::default()))
                .body
                .push(as_text(u)),
        }
        i + 1
    }
}

/// The label an editor's note runs in after, and the note.
fn editor_label(s: &str) -> Option<(&str, &str)> {
    ["【编者按】", "编者按：", "编者按:", "[编者按]", "编者按 "]
        .iter()
        .find_map(|l| {
            s.strip_prefix(l)
                .map(|rest| (l.trim_end(), rest.trim_start()))
        })
        .filter(|(_, note)| chars(note) >= 4)
}

/// Furniture that turned out to be text goes back to being text.
fn as_text(u: &Unit) -> Unit {
    let mut u = u.clone();
    if matches!(
        u.kind,
        UnitKind::Byline | UnitKind::Strong | UnitKind::Doubled | UnitKind::Note
    ) {
        u.kind = UnitKind::Text;
    }
    u
}

fn byline(u: &Unit) -> Field {
    let f = Field::of(u);
    if super::reflow::is_name_line(&u.text) {
        f.guessed("byline (a name on a line of its own)")
    } else {
        f
    }
}

/// How many units from `i` make a title (with a deck above it): short
/// lines followed by a byline, a note on the title, an editor's note, or
/// (in an indented layout) the article's first paragraph after a blank;
/// and the text after them shares more words with them than the text
/// before does, so a heading printed after its part is not taken for the
/// next article's title.
fn title_group(units: &[Unit], i: usize, layout: Layout, blanks: bool) -> Option<usize> {
    let mut n = 0;
    // Lines of one title are set together, unless every line is set apart.
    let apart = blanks || layout == Layout::Indented;
    while n < 3
        && units
            .get(i + n)
            .is_some_and(|u| is_title_line(u) && (n == 0 || !u.blank_before || apart))
    {
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let next = units.get(i + n)?;
    let furniture = match &next.kind {
        UnitKind::Byline | UnitKind::DerivedNote | UnitKind::Label => true,
        UnitKind::Text => {
            is_affiliation(&next.text)
                || (layout == Layout::Indented && next.blank_before && next.indented)
        }
        _ => false,
    };
    if !furniture {
        return None;
    }
    // A byline as pages print them (作者：, …课题组) or our note on a
    // derived title says so; a name alone, an editor's note (which may
    // follow a part heading printed last) or an affiliation is weighed by
    // the words in common.
    let sure = match &next.kind {
        UnitKind::DerivedNote => true,
        UnitKind::Byline => !super::reflow::is_name_line(&next.text),
        _ => false,
    };
    if layout == Layout::Indented || sure {
        return Some(n);
    }
    let title: String = units[i..i + n].iter().map(|u| u.text.as_str()).collect();
    let near = |range: &mut dyn Iterator<Item = &Unit>| {
        range
            .take_while(|u| {
                !matches!(u.kind, UnitKind::Byline | UnitKind::Label) || u.text.len() < 30
            })
            .take(12)
            .map(|u| u.text.as_str())
            .collect::<String>()
    };
    let after = near(&mut units[i + n + 1..].iter());
    let before = near(&mut units[..i].iter().rev());
    let (after, before) = (shared(&title, &after), shared(&title, &before));
    // Words in common with what follows, and more than with what precedes.
    (after > 0.0 && after >= before).then_some(n)
}
