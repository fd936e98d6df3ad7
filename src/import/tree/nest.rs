//! Sections nested by level, each ordinal checked against the list it
//! goes on as it comes. One out of sequence is never a refusal: it names
//! the line that caused it (a heading with no ordinal that cut its list
//! short, or else the stray ordinal itself) to be read again as text.

use std::collections::HashMap;

use super::super::{Field, Problem, Section};
use crate::content::ordinal::{Family, Ordinal};

/// A piece to read as text next time, and why.
pub(super) struct Demote {
    pub piece: usize,
    pub why: String,
}

#[derive(Default)]
pub(super) struct Nest {
    pub paragraphs: Vec<Field>,
    pub flat: Vec<(usize, Section)>,
    /// The sections still open, as `(level, index in flat)`, each deeper
    /// than the one before: where a new section's parent is found.
    pub open: Vec<(usize, usize)>,
    /// The last ordinal under each parent (None: the article).
    pub last: HashMap<Option<usize>, (Family, u32)>,
    /// The last of each kind of a code's parts, under what it counts within.
    pub parts: HashMap<(Option<usize>, Family), u32>,
    /// The piece being placed; the last piece of each family of ordinals;
    /// the last heading that neither an ordinal nor markup made one.
    pub at: usize,
    pub seen: HashMap<Family, usize>,
    pub loose: Option<usize>,
    /// What the ordinals out of sequence ask to be read as text.
    pub demote: Vec<Demote>,
    /// The last try: nothing more is read as text, and an ordinal still out
    /// of sequence stays in its heading's text, unmarked.
    pub last_try: bool,
    pub warnings: Vec<Problem>,
}

impl Nest {
    pub fn parent(&self, level: usize) -> Option<usize> {
        self.open
            .iter()
            .rev()
            .find(|(l, _)| *l < level)
            .map(|&(_, i)| i)
    }

    /// The open section a part of a code counts within (None: the
    /// article).
    fn counter(&self, family: Family) -> Option<usize> {
        let within = family.counted_within()?;
        self.open.iter().rev().map(|&(_, i)| i).find(|&i| {
            self.flat[i]
                .1
                .ordinal
                .as_deref()
                .and_then(crate::content::ordinal::parse)
                .is_some_and(|o| o.family == within)
        })
    }

    pub fn paragraph(&mut self, field: Field, split: bool) {
        let list = match self.flat.last_mut() {
            Some((_, s)) => &mut s.paragraphs,
            None => &mut self.paragraphs,
        };
        match list.last_mut() {
            Some(prev) if split => prev.text.push_str(&field.text),
            _ => list.push(field),
        }
    }

    /// A section opens at `level`; `loose` when only its line's shape
    /// made it a heading.
    pub fn section(
        &mut self,
        level: usize,
        ordinal: Option<&Ordinal>,
        heading: Field,
        loose: bool,
    ) {
        let mut kept = ordinal;
        if let Some(o) = ordinal {
            // A code's parts count within the part that starts them
            // again, whatever stands between, each kind on its own.
            let part = o.family.part_rank().is_some();
            let parent = if part {
                self.counter(o.family)
            } else {
                self.parent(level)
            };
            let prev = if part {
                self.parts.get(&(parent, o.family)).copied().unwrap_or(0)
            } else {
                self.last
                    .get(&parent)
                    .filter(|(f, _)| *f == o.family)
                    .map_or(0, |p| p.1)
            };
            let other = !part && self.last.get(&parent).is_some_and(|(f, _)| *f != o.family);
            if other || !o.family.follows(prev, o.n) {
                let expected = if other {
                    "the list here to go on".to_owned()
                } else {
                    format!("`{}`", o.family.nth(prev + 1))
                };
                let why = format!(
                    "`{}` at line {} is out of sequence after it (expected {expected})",
                    o.text, heading.line
                );
                if self.last_try {
                    self.warnings.push(Problem {
                        line: heading.line,
                        message: format!(
                            "ordinal `{}` out of sequence (expected {expected}): kept as the heading's text",
                            o.text
                        ),
                    });
                    kept = None;
                } else {
                    // The list went on past a heading with no ordinal: that
                    // heading cut it, and is text.
                    let piece = match (self.loose, self.seen.get(&o.family)) {
                        (Some(h), Some(&f)) if h > f => h,
                        _ => self.at,
                    };
                    let why = if piece == self.at {
                        format!(
                            "its ordinal `{}` is out of sequence (expected {expected})",
                            o.text
                        )
                    } else {
                        why
                    };
                    self.demote.push(Demote { piece, why });
                }
            }
            if kept.is_some() && part {
                self.parts.insert((parent, o.family), o.n);
            } else if kept.is_some() {
                self.last.insert(parent, (o.family, o.n));
            }
            self.seen.insert(o.family, self.at);
        }
        if loose {
            self.loose = Some(self.at);
        }
        while self.open.last().is_some_and(|(l, _)| *l >= level) {
            self.open.pop();
        }
        self.open.push((level, self.flat.len()));
        self.flat.push((
            level,
            Section {
                ordinal: kept.map(|o| o.text.clone()),
                heading,
                ..Section::default()
            },
        ));
    }
}

/// Sections with their levels, in order, as a tree.
pub(super) fn fold(flat: Vec<(usize, Section)>) -> Vec<Section> {
    let mut stack: Vec<(usize, Section)> = Vec::new();
    let mut roots = Vec::new();
    for (level, section) in flat {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, done) = stack.pop().expect("checked");
            match stack.last_mut() {
                Some((_, parent)) => parent.sections.push(done),
                None => roots.push(done),
            }
        }
        stack.push((level, section));
    }
    while let Some((_, done)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.sections.push(done),
            None => roots.push(done),
        }
    }
    roots
}
