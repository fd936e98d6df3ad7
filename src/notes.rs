//! Study notes: a highlighted passage of one section, with a kind and
//! perhaps a note. Kept against the words (the quote and its context, as
//! the W3C Web Annotation model's `TextQuoteSelector`, and where they were,
//! its `TextPositionSelector`), so an edited collection re-anchors them;
//! one whose words are gone is kept, never moved to other words. Knows
//! nothing of the terminal; `state::store` reads and writes the file, and
//! `w3c` is its format.

pub mod anchor;
pub mod study;
mod w3c;

use std::collections::HashMap;
use std::ops::Range;

use crate::content::{Library, NodeId};

/// The kinds a highlight has by default: the settings may name others.
pub const KINDS: [&str; 3] = ["重点", "疑问", "金句"];
/// How long a deletion is remembered, so a reader opened before it cannot
/// bring the note back.
const TOMBSTONE_MS: u64 = 180 * 24 * 3600 * 1000;
/// Characters of context kept on each side of a quote.
pub const CONTEXT: usize = 32;
/// The longest note kept, in characters.
pub const MAX_NOTE: usize = 100_000;
/// The longest kind, and the longest section path, in characters.
pub const MAX_KIND: usize = 16;
const MAX_PATH: usize = 1000;

/// The quoted passage: its words and the words around them, as they were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    /// The section's path, as `zhizao list` prints it.
    pub path: String,
    pub quote: Quote,
    /// Characters into the section's text (its paragraphs joined by line
    /// breaks) where the quote was: a hint, the quote decides.
    pub start: usize,
    pub end: usize,
    pub kind: String,
    /// What the reader wrote; empty for a highlight alone.
    pub text: String,
    /// Milliseconds since the epoch.
    pub created: u64,
    /// When anything of it last changed, its deletion and undoing it
    /// too: what a merge keeps the newest of.
    pub modified: u64,
    /// When its words or kind last changed: the time it shows (a delete
    /// undone leaves it as it was).
    pub edited: u64,
    /// The words it was written on, when the text has changed them since
    /// (a typo fixed): shown with the note, so a reader knows.
    pub was: Option<String>,
    /// Deleted at `modified`: kept a while so a merge does not revive it.
    pub deleted: bool,
    /// Written but never saved by the reader: the editor was open when the
    /// reader quit (`Ctrl-c`, a signal). Shown as 〔草稿〕 until saved.
    pub draft: bool,
    /// The annotation as another tool wrote it, when it was read from a
    /// file: what zhizao does not know of it (a creator, rights, bodies and
    /// selectors of other kinds) is written back with it, never dropped.
    pub raw: Option<serde_json::Value>,
    /// That annotation as written, and the note as zhizao read it: while
    /// the note is unchanged it is written back byte for byte (numbers past
    /// a double's precision, keys given twice, all as they were).
    pub verbatim: Option<std::sync::Arc<(String, String)>>,
}

/// Where a note's words are in the collection, as read now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// In this node's text, these bytes.
    At(NodeId, Range<usize>),
    /// The words are gone: shown as （原文已改动） with the old quote.
    Gone,
}

/// Every note of one collection, and where each one's words are now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notebook {
    pub notes: Vec<Note>,
    /// Annotations in the file that could not be read as notes (a
    /// malformed time, no quote, a second note with one id, more than a
    /// note may hold): kept as they were, never dropped unsaid; a save
    /// sets them aside in a file of their own.
    /// Each as it was written: JSON text.
    pub unread: Vec<String>,
    /// What the file's collection holds besides its items (a label, a
    /// creator): written back as it was.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Note {
    /// A new note on `bytes` of `node`'s text.
    #[must_use]
    pub fn new(lib: &Library, node: NodeId, bytes: Range<usize>, kind: &str, text: &str) -> Note {
        let now = crate::state::now_ms();
        let mut made = Note {
            id: new_id(now),
            path: String::new(),
            quote: Quote::default(),
            start: 0,
            end: 0,
            kind: kind.to_owned(),
            text: text.to_owned(),
            created: now,
            modified: now,
            edited: now,
            was: None,
            deleted: false,
            draft: false,
            raw: None,
            verbatim: None,
        };
        made.anchor_at(lib, node, bytes);
        made
    }

    /// Takes the words at `bytes` of `node`'s text as the note's quote,
    /// with their context and position.
    pub fn anchor_at(&mut self, lib: &Library, node: NodeId, bytes: Range<usize>) {
        let text = anchor::node_text(lib, node);
        let bytes = bytes.start.min(text.len())..bytes.end.min(text.len());
        let before = &text[..bytes.start];
        let after = &text[bytes.end..];
        self.path.clone_from(&lib.node(node).path);
        self.quote = Quote {
            exact: text[bytes.clone()].to_owned(),
            prefix: last_chars(before, CONTEXT).to_owned(),
            suffix: after.chars().take(CONTEXT).collect(),
        };
        self.start = before.chars().count();
        self.end = self.start + self.quote.exact.chars().count();
    }

    /// A draft of an edit of this note, on the same words, as a note of
    /// its own: the saved note stays as it was.
    #[must_use]
    pub fn draft_of(&self, text: &str, kind: &str) -> Note {
        let now = crate::state::now_ms();
        Note {
            id: new_id(now),
            text: text.to_owned(),
            kind: kind.to_owned(),
            created: now,
            modified: now,
            edited: now,
            was: None,
            deleted: false,
            draft: true,
            raw: None,
            verbatim: None,
            ..self.clone()
        }
    }

    /// A highlight without a note.
    #[must_use]
    pub fn is_highlight(&self) -> bool {
        self.text.is_empty()
    }
}

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let at = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { "" } else { &s[at..] }
}

/// An id no other reader makes: the time, the process and a count.
fn new_id(now: u64) -> String {
    static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("urn:zhizao:note:{now:x}-{:x}-{n:x}", std::process::id())
}

impl Notebook {
    /// The notes not deleted.
    pub fn live(&self) -> impl Iterator<Item = (usize, &Note)> {
        self.notes.iter().enumerate().filter(|(_, n)| !n.deleted)
    }

    /// Where each note's words are in `lib` (one entry per note, deleted
    /// ones `Gone`), re-anchored by quote and context when the text moved.
    #[must_use]
    pub fn place_all(&self, lib: &Library) -> Vec<Place> {
        anchor::place_all(lib, &self.notes)
    }

    /// Where each note's words are in `lib` ([`Self::place_all`]), each
    /// note found again taking its quote, context and path from the text
    /// where it is now: what is written back, so the next reading finds it
    /// at once. A note whose words are gone keeps its old quote. Whether
    /// any note moved (and so is worth writing back).
    pub fn anchor_in(&mut self, lib: &Library) -> (Vec<Place>, bool) {
        let places = self.place_all(lib);
        let moved = self.reanchor(lib, &places);
        (places, moved)
    }

    fn reanchor(&mut self, lib: &Library, places: &[Place]) -> bool {
        let mut moved = false;
        for (note, place) in self.notes.iter_mut().zip(places) {
            if let Place::At(node, bytes) = place {
                let was = (note.path.clone(), note.quote.clone(), note.start);
                note.anchor_at(lib, *node, bytes.clone());
                moved |= (&note.path, &note.quote, note.start) != (&was.0, &was.1, was.2);
                // Its own words changed: the first ones are kept to show
                // (and forgotten if the text comes back to them).
                if note.quote.exact != was.1.exact && note.was.is_none() {
                    note.was = Some(was.1.exact);
                } else if note.was.as_deref() == Some(note.quote.exact.as_str()) {
                    note.was = None;
                }
            }
        }
        moved
    }

    /// What merging these notes into `before` changes: how many are new
    /// to it, and how many replace an older edit there.
    #[must_use]
    pub fn changes_to(&self, before: &Notebook) -> (usize, usize) {
        let known: HashMap<&str, u64> = before
            .notes
            .iter()
            .map(|n| (n.id.as_str(), n.modified))
            .collect();
        self.notes
            .iter()
            .fold((0, 0), |(new, newer), n| match known.get(n.id.as_str()) {
                None => (new + 1, newer),
                Some(&m) if n.modified > m => (new, newer + 1),
                Some(_) => (new, newer),
            })
    }

    /// Ours with what another reader wrote meanwhile: every note of both,
    /// by id, the newest edit winning (a deletion is an edit); deletions
    /// older than any reader stays open are forgotten.
    #[must_use]
    pub fn merged(self, theirs: Notebook) -> Notebook {
        let horizon = crate::state::now_ms().saturating_sub(TOMBSTONE_MS);
        // The collection's own fields: ours, else the file's.
        let extra = if self.extra.is_empty() {
            theirs.extra
        } else {
            self.extra
        };
        let mut by_id: HashMap<String, Note> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for note in theirs.notes.into_iter().chain(self.notes) {
            match by_id.get(&note.id) {
                Some(kept) if kept.modified > note.modified => {}
                Some(_) => {
                    by_id.insert(note.id.clone(), note);
                }
                None => {
                    order.push(note.id.clone());
                    by_id.insert(note.id.clone(), note);
                }
            }
        }
        let mut notes: Vec<Note> = order
            .into_iter()
            .filter_map(|id| by_id.remove(&id))
            .filter(|n| !(n.deleted && n.modified < horizon))
            .collect();
        notes.sort_by_key(|n| n.created);
        Notebook {
            notes,
            unread: Vec::new(),
            extra,
        }
    }

    /// As read from a file: each id once, every note within bounds, no
    /// control character in anything a terminal will show. A note that is
    /// not so (a second one with an id, one longer than a note may be, one
    /// holding a control character) is never cut or cleaned: it is set
    /// aside whole, with the annotations that could not be read.
    #[must_use]
    pub fn bounded(mut self) -> Notebook {
        let mut unread = std::mem::take(&mut self.unread);
        let extra = std::mem::take(&mut self.extra);
        // A line or paragraph separator is a line break to a reader.
        let lines = |s: &mut String| {
            if s.contains(crate::sanitize::is_separator) {
                *s = s
                    .chars()
                    .map(|c| {
                        if crate::sanitize::is_separator(c) {
                            '\n'
                        } else {
                            c
                        }
                    })
                    .collect();
            }
        };
        let fits = |s: &str, most: usize| {
            s.chars().count() <= most
                && !s
                    .chars()
                    .any(|c| c != '\n' && crate::sanitize::is_forbidden(c))
        };
        // The newest edit of each id stays; the others are set aside.
        let mut newest: HashMap<String, usize> = HashMap::new();
        for (i, note) in self.notes.iter().enumerate() {
            match newest.get(&note.id) {
                Some(&j) if self.notes[j].modified >= note.modified => {}
                _ => {
                    newest.insert(note.id.clone(), i);
                }
            }
        }
        let mut kept = Vec::with_capacity(self.notes.len());
        for (i, mut note) in self.notes.into_iter().enumerate() {
            lines(&mut note.text);
            for part in [
                &mut note.quote.exact,
                &mut note.quote.prefix,
                &mut note.quote.suffix,
            ] {
                lines(part);
            }
            let within = newest.get(&note.id) == Some(&i)
                && fits(&note.id, MAX_PATH)
                && fits(&note.text, MAX_NOTE)
                && fits(&note.kind, MAX_KIND)
                && fits(&note.path, MAX_PATH)
                && [&note.quote.exact, &note.quote.prefix, &note.quote.suffix]
                    .iter()
                    .all(|q| fits(q, MAX_NOTE));
            if within {
                kept.push(note);
            } else {
                unread.push(w3c::as_written(&note));
            }
        }
        let mut book = Notebook {
            notes: kept,
            ..Notebook::default()
        }
        .merged(Notebook::default());
        book.unread = unread;
        book.extra = extra;
        book
    }

    /// The notes as W3C Web Annotation JSON (an `AnnotationCollection`);
    /// with `tombstones`, deletions too (the state file keeps them).
    ///
    /// # Errors
    /// Serialising: none in practice.
    pub fn to_json(&self, tombstones: bool) -> serde_json::Result<String> {
        w3c::write(self, tombstones)
    }

    /// Notes from W3C Web Annotation JSON: a collection, a list, or one
    /// annotation.
    ///
    /// # Errors
    /// Not JSON, or not annotations as zhizao writes them.
    pub fn from_json(text: &[u8]) -> Result<Notebook, String> {
        w3c::read(text)
    }
}

/// The notes file is kept as the state file is: read bounded, written
/// merged with another reader's.
impl crate::state::store::Kept for Notebook {
    const WHAT: &'static str = "笔记文件";
    fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        Notebook::from_json(bytes)
            .map(Notebook::bounded)
            .map_err(|e| format!("无法解析：{e}"))
    }
    fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        self.to_json(true)
            .map(String::into_bytes)
            .map_err(std::io::Error::other)
    }
    fn merged(self, theirs: Self) -> Self {
        Notebook::merged(self, theirs)
    }
    fn take_unreadable(&mut self) -> Option<(usize, Vec<u8>)> {
        if self.unread.is_empty() {
            return None;
        }
        let unread = std::mem::take(&mut self.unread);
        let n = unread.len();
        // Each as it was written, in one JSON list.
        let bytes = format!("[\n{}\n]\n", unread.join(",\n")).into_bytes();
        Some((n, bytes))
    }
}

/// A time as ISO 8601 in UTC, to the millisecond: `2026-12-02T03:04:05.123Z`.
#[must_use]
pub fn iso8601(ms: u64) -> String {
    let ts = i64::try_from(ms)
        .ok()
        .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
        .unwrap_or(jiff::Timestamp::MAX);
    format!("{ts:.3}")
}

/// Milliseconds from an RFC 3339 time (`2026-12-02T03:04:05.123Z`, any
/// fraction, any offset); None for anything else, or a time before 1970.
#[must_use]
pub fn parse_iso8601(written: &str) -> Option<u64> {
    let ts: jiff::Timestamp = written.parse().ok()?;
    u64::try_from(ts.as_millisecond()).ok()
}

#[cfg(test)]
mod tests;
