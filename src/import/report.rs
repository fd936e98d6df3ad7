//! What an import says of itself: the tree it found, the coverage
//! equation (input = text + ours + dropped), the lines dropped and the
//! guesses made.

use std::fmt::Write as _;

use super::{Article, Field, Imported, Section, emit};

impl Imported {
    /// Characters in the authors' text fields of the articles, as the files
    /// hold them.
    #[must_use]
    pub fn text_chars(&self) -> usize {
        self.articles.iter().map(Article::chars).sum()
    }

    /// Characters dropped as layout.
    #[must_use]
    pub fn dropped_chars(&self) -> usize {
        self.dropped
            .iter()
            .map(|d| d.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }

    /// Guesses written as comments.
    #[must_use]
    pub fn guesses(&self) -> usize {
        self.files
            .iter()
            .map(|(_, t)| t.matches(emit::GUESSED).count())
            .sum()
    }

    /// The tree found, one node a line, and the coverage.
    #[must_use]
    pub fn report(&self) -> String {
        let mut out = String::new();
        if !self.read_as.is_empty() {
            let _ = writeln!(out, "{}", self.read_as);
        }
        for a in &self.articles {
            let title = a
                .title
                .as_ref()
                .map(|t| t.text.clone())
                .or_else(|| {
                    a.derived_title
                        .as_ref()
                        .map(|t| format!("{}{}", t.text, crate::content::DERIVED_MARK))
                })
                .unwrap_or_default();
            let _ = writeln!(out, "{title}  (line {})", a.line);
            tree_lines(&a.sections, 1, &mut out);
        }
        let _ = writeln!(out, "{}", self.coverage());
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for d in &self.dropped {
            let n = d.text.chars().filter(|c| !c.is_whitespace()).count();
            match kinds.iter_mut().find(|(w, _)| *w == d.what) {
                Some((_, total)) => *total += n,
                None => kinds.push((d.what, n)),
            }
        }
        for (what, n) in kinds {
            let _ = writeln!(out, "  dropped as layout: {what}, {n} characters");
        }
        for d in self.dropped_lines() {
            let _ = writeln!(out, "    line {}, {}: {}", d.line, d.what, d.text);
        }
        let _ = writeln!(
            out,
            "guesses: {} (each a `{}` comment)",
            self.guesses(),
            emit::GUESSED
        );
        out
    }

    /// What was dropped a line at a time, in line order: each as its text
    /// (markup and control characters, dropped a character at a time, are
    /// counted above, not listed).
    #[must_use]
    pub fn dropped_lines(&self) -> Vec<&super::Dropped> {
        super::dropped_lines(&self.dropped)
    }

    /// Whether input = text + ours + dropped.
    #[must_use]
    pub fn adds_up(&self) -> bool {
        self.input_chars == self.text_chars() + self.ours_chars + self.dropped_chars()
    }

    /// The coverage equation.
    #[must_use]
    pub fn coverage(&self) -> String {
        let (input, text, ours, dropped) = (
            self.input_chars,
            self.text_chars(),
            self.ours_chars,
            self.dropped_chars(),
        );
        let holds = if self.adds_up() { "=" } else { "≠" };
        let ours = if ours > 0 {
            format!(" + {ours} in `ours` (a derived title)")
        } else {
            String::new()
        };
        format!(
            "coverage: {input} characters in {holds} {text} in the text{ours} + {dropped} dropped as layout"
        )
    }
}

fn tree_lines(sections: &[Section], depth: usize, out: &mut String) {
    for s in sections {
        let lesson = match (&s.lesson, s.scope) {
            (Some(l), _) => format!(
                "  [lesson: {}]",
                l.examples
                    .iter()
                    .map(|e| e.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (None, Some(scope)) => format!("  [{} lessons]", scope.as_str()),
            (None, None) => String::new(),
        };
        let _ = writeln!(
            out,
            "{}{}{lesson}  (line {})",
            "  ".repeat(depth),
            s.heading.text,
            s.heading.line
        );
        tree_lines(&s.sections, depth + 1, out);
    }
}

impl Article {
    fn chars(&self) -> usize {
        let count = |f: &Field| f.text.chars().filter(|c| !c.is_whitespace()).count();
        [
            &self.title,
            &self.deck,
            &self.byline,
            &self.affiliation,
            &self.editor_note,
        ]
        .into_iter()
        .flatten()
        .chain(&self.notes)
        .chain(&self.paragraphs)
        .map(count)
        .sum::<usize>()
            + self.sections.iter().map(Section::chars).sum::<usize>()
    }
}

impl Section {
    fn chars(&self) -> usize {
        let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        count(&self.heading.text)
            + self
                .paragraphs
                .iter()
                .map(|p| count(&p.text))
                .sum::<usize>()
            + self.sections.iter().map(Section::chars).sum::<usize>()
    }
}
