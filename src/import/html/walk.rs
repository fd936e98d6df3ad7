//! The page walked once, in reading order, into blocks of text: what
//! holds each (for the body to be found by), its links and bold, its
//! heading level; what is never text (scripts, navigation…) passed over.

use std::rc::Rc;

use markup5ever_rcdom::{Handle, NodeData};

/// Elements whose text is never the article's.
const NEVER: [&str; 17] = [
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "object", "canvas", "header", "link",
];

/// Elements that end a paragraph where they start and end.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "figure",
    "figcaption",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Words in a class or id that mark what is not an article's body.
const CHROME: [&str; 18] = [
    "comment",
    "footer",
    "foot",
    "nav",
    "menu",
    "share",
    "sidebar",
    "side",
    "breadcrumb",
    "related",
    "recommend",
    "copyright",
    "login",
    "banner",
    "advert",
    "hot",
    "rank",
    "tool",
];

/// Words in a class or id that mark an article's body.
const BODY: [&str; 9] = [
    "article", "content", "text", "main", "post", "entry", "story", "detail", "editor",
];

/// A run of the page's text between two block edges.
pub(super) struct Block {
    pub text: String,
    /// `h1`…`h6` as 1…6, else 0.
    pub heading: usize,
    /// Characters inside links, and in bold.
    pub linked: usize,
    pub strong: usize,
    /// The four elements holding it most closely, innermost last
    /// (indices into `Walk::holders`).
    pub holders: Vec<usize>,
}

/// A block-level element: whether it is an `<article>`, its hint (+1
/// body, -1 chrome, 0 none), and the blocks it holds (they are in reading
/// order, so a range).
pub(super) struct Holder {
    pub article: bool,
    /// A paragraph's own element (`<p>`, `<li>`, a heading…): it scores
    /// the elements above it, not itself.
    pub para: bool,
    pub hint: i8,
    pub blocks: std::ops::Range<usize>,
}

/// What the walk does next: go into a node, or close an element.
enum Step {
    Enter(Handle),
    Leave(Left),
}

/// What an element was, for when it closes: a block, a heading, and
/// how many links and bolds it opened (0 or 1).
#[derive(Clone, Copy)]
struct Left {
    block: bool,
    heading: bool,
    link: usize,
    bold: usize,
}

#[derive(Default)]
pub(super) struct Walk {
    /// How many `<a>`, and `<strong>` or `<b>`, are open.
    links: usize,
    bolds: usize,
    pub blocks: Vec<Block>,
    pub holders: Vec<Holder>,
    pub open: Vec<usize>,
    /// How many of the open elements are `<article>`s.
    pub articles_open: usize,
    pub text: String,
    pub linked: usize,
    pub strong: usize,
    pub heading: usize,
    pub title: Option<String>,
}

fn attr_words(node: &Handle) -> String {
    let NodeData::Element { attrs, .. } = &node.data else {
        return String::new();
    };
    attrs
        .borrow()
        .iter()
        .filter(|a| matches!(&*a.name.local, "class" | "id"))
        .map(|a| a.value.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hint(words: &str) -> i8 {
    if words.is_empty() {
        0
    } else if CHROME.iter().any(|w| words.contains(w)) {
        -1
    } else {
        i8::from(BODY.iter().any(|w| words.contains(w)))
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// A block's text as a reader sees it (control characters left out): each
/// run of spaces one space, none
/// where the page's source broke a line between two Chinese characters,
/// the indent of ideographic spaces and the ends trimmed.
pub(super) fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space: Option<bool> = None;
    for c in raw.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            let newline = c == '\n' || c == '\r';
            space = Some(space.unwrap_or(false) || newline);
            continue;
        }
        // A control character is no one's words, and never reaches a
        // terminal.
        if c.is_control() || crate::sanitize::is_forbidden(c) {
            continue;
        }
        if let Some(newline) = space.take() {
            let between = out.chars().last().is_some_and(is_cjk) && is_cjk(c);
            if !(out.is_empty() || newline && between) {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_owned()
}

impl Walk {
    fn flush(&mut self) {
        let text = tidy(&self.text);
        self.text.clear();
        let linked = std::mem::take(&mut self.linked);
        let strong = std::mem::take(&mut self.strong);
        if text.is_empty() {
            return;
        }
        self.blocks.push(Block {
            text,
            heading: self.heading,
            linked,
            strong,
            holders: self.open[self.open.len().saturating_sub(4)..].to_vec(),
        });
    }

    /// The page's blocks in reading order, without recursion (a page may
    /// nest as deep as it likes).
    pub fn run(&mut self, root: &Handle) {
        let mut stack = vec![Step::Enter(Rc::clone(root))];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Leave(left) => {
                    self.leave(left);
                    continue;
                }
                Step::Enter(node) => node,
            };
            match &node.data {
                NodeData::Text { contents } => {
                    let t = contents.borrow();
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    if self.links > 0 {
                        self.linked += n;
                    }
                    if self.bolds > 0 {
                        self.strong += n;
                    }
                    self.text.push_str(&t);
                    continue;
                }
                NodeData::Element { name, .. } => match self.enter(&node, &name.local) {
                    Some(left) => stack.push(Step::Leave(left)),
                    None => continue,
                },
                NodeData::Document => {}
                _ => continue,
            }
            for child in node.children.borrow().iter().rev() {
                stack.push(Step::Enter(Rc::clone(child)));
            }
        }
        self.flush();
    }

    /// An element opens: what it is, for when it closes; None when its
    /// insides are not text.
    fn enter(&mut self, node: &Handle, tag: &str) -> Option<Left> {
        if tag == "title" {
            if self.title.is_none() {
                let t: String = node
                    .children
                    .borrow()
                    .iter()
                    .filter_map(|c| match &c.data {
                        NodeData::Text { contents } => Some(contents.borrow().to_string()),
                        _ => None,
                    })
                    .collect();
                self.title = Some(tidy(&t));
            }
            return None;
        }
        // A header inside the article holds its title.
        if NEVER.contains(&tag) && !(tag == "header" && self.articles_open > 0) {
            return None;
        }
        if tag == "br" || tag == "hr" {
            self.flush();
            return None;
        }
        let heading = tag.len() == 2 && tag.starts_with('h') && tag.as_bytes()[1].is_ascii_digit();
        let left = Left {
            block: BLOCKS.contains(&tag),
            heading,
            link: usize::from(tag == "a"),
            bold: usize::from(matches!(tag, "strong" | "b")),
        };
        self.bolds += left.bold;
        self.links += left.link;
        if left.block {
            self.flush();
            let at = self.blocks.len();
            self.holders.push(Holder {
                article: tag == "article",
                para: matches!(
                    tag,
                    "p" | "li" | "dt" | "dd" | "td" | "th" | "pre" | "figcaption"
                ) || heading,
                hint: hint(&attr_words(node)),
                blocks: at..at,
            });
            self.articles_open += usize::from(tag == "article");
            self.open.push(self.holders.len() - 1);
        }
        if heading {
            self.heading = usize::from(tag.as_bytes()[1] - b'0');
        }
        Some(left)
    }

    fn leave(&mut self, left: Left) {
        self.bolds -= left.bold;
        self.links -= left.link;
        if left.block {
            self.flush();
            if let Some(h) = self.open.pop() {
                self.holders[h].blocks.end = self.blocks.len();
                self.articles_open -= usize::from(self.holders[h].article);
            }
        }
        if left.heading {
            self.heading = 0;
        }
    }
}
