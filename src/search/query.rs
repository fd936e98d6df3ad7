//! A query as typed: space-separated terms (cut into words where they hold
//! hanzi: [`Query::into_words`]), a term in
//! double quotes matching as an exact substring; smart case.

use crate::content::Library;

#[derive(Debug, Clone)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Characters in order, apart, also match: tried only when nothing
    /// matches as a word, so a word typed as hanzi, in pinyin or quoted
    /// finds the same texts.
    pub scattered: bool,
    /// The terms as typed that were cut into other words (`筑波人才` for 筑波
    /// and 人才): a text holding one whole ranks first.
    pub phrases: Vec<Term>,
    /// Words of a question that carry no topic (如何, 的): shown, not
    /// looked for.
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Term {
    /// As typed (quotes removed).
    pub text: String,
    /// Quoted: an exact substring only.
    pub exact: bool,
    /// Smart case: a term without capitals ignores ASCII case.
    pub fold: bool,
    /// The term as pinyin letters, when it is ASCII letters only.
    pub letters: Option<super::pinyin::Letters>,
    /// Chinese names of the places whose English name or alias this term
    /// begins a word of (`austin` → 奥斯汀).
    pub place_names: Vec<String>,
    /// Those places answer to the term only as their country's name (日本,
    /// riben): the country in the text, read as typed, is tried first.
    pub by_country: bool,
    /// Searchers built once per query, not once per entry: the term in the
    /// first form looked for, and each of its characters for the in-order
    /// check.
    finder: memchr::memmem::Finder<'static>,
    /// The term in the other forms looked for.
    variant_finders: Vec<memchr::memmem::Finder<'static>>,
    /// For the in-order check, each form of the term looked for: its
    /// characters, and a finder for each.
    forms: Vec<(Vec<char>, Vec<memchr::memmem::Finder<'static>>)>,
    place_finders: Vec<memchr::memmem::Finder<'static>>,
    /// Its forms as reading-set codes, set by the index that searches
    /// for it: where no entry's codes hold them, its text is not read.
    pub(super) coded: Option<super::packed::CodedTerm>,
    /// The names of its places as codes, set the same way.
    pub(super) places_coded: Option<super::packed::CodedTerm>,
}

impl Query {
    /// A query for a page in either script (a note's text, say).
    #[must_use]
    pub fn parse(input: &str, lib: &Library) -> Self {
        Self::parse_in(input, lib, super::script::Script::Either)
    }

    /// A query for a collection printed in `script`: a term in the other
    /// script is also looked for in this one.
    #[must_use]
    pub fn parse_in(input: &str, lib: &Library, script: super::script::Script) -> Self {
        let folded = fold_full_width(input);
        let mut terms = Vec::new();
        let mut rest: &str = &folded;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let (text, exact, tail) = if let Some(quoted) = rest.strip_prefix('"') {
                let end = quoted.find('"').unwrap_or(quoted.len());
                (
                    quoted[..end].to_owned(),
                    true,
                    quoted.get(end + 1..).unwrap_or(""),
                )
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                // A quote that opens nothing (`nb"`, `a"b`) is a slip: no
                // text holds it where it was typed.
                let word = rest[..end].chars().filter(|&c| c != '"').collect();
                (word, false, &rest[end..])
            };
            rest = tail;
            if text.is_empty() {
                continue;
            }
            terms.push(Term::new(&text, exact, true, lib, script));
        }
        Query::of_words(terms)
    }

    /// The query as words: each unquoted term with hanzi cut as a reader
    /// means it ([`super::words`]), the words that carry no topic set
    /// apart. A term cut into other words is kept as a phrase.
    #[must_use]
    pub fn into_words(self, lib: &Library, script: super::script::Script) -> Self {
        let mut out = Query {
            terms: Vec::new(),
            ..self
        };
        for term in self.terms {
            // A run past a phrase's length (a paste) is looked for as it is.
            let long = term.text.chars().nth(super::words::LONGEST_RUN).is_some();
            if term.exact || long || !super::words::has_han(&term.text) {
                out.terms.push(term);
                continue;
            }
            let simplified = super::script::variants(&term.text, super::script::Script::Simplified);
            let pieces =
                super::words::pieces_as(&term.text, simplified.first().map(String::as_str));
            if let [one] = pieces.as_slice()
                && !one.stop
                && one.text == term.text
            {
                out.terms.push(term);
                continue;
            }
            for piece in pieces {
                if piece.stop {
                    out.dropped.push(piece.text);
                } else {
                    let word = Term::new(&piece.text, false, !piece.latin, lib, script);
                    out.terms.push(word);
                }
            }
            out.phrases.push(term);
        }
        out
    }

    /// A query of these words, each looked for as it is.
    #[must_use]
    pub(super) fn of_words(terms: Vec<Term>) -> Self {
        Query {
            terms,
            scattered: false,
            phrases: Vec::new(),
            dropped: Vec::new(),
        }
    }

    /// More than one word, or a phrase cut: ranked by the words' rule.
    #[must_use]
    pub fn is_words(&self) -> bool {
        self.terms.len() > 1 || !self.phrases.is_empty()
    }

    /// Some term could match as characters apart: hanzi (not letters),
    /// unquoted, two characters or more.
    #[must_use]
    pub fn can_scatter(&self) -> bool {
        self.terms
            .iter()
            .any(|t| !t.exact && !t.is_letters() && t.text.chars().nth(1).is_some())
    }

    /// Whether a term names a place the same term of `shorter` did not
    /// (`china` after `chin`, `riben` after `ribe`): it then matches where
    /// that name stands, which `shorter` may not have.
    #[must_use]
    pub fn names_more_places(&self, shorter: &Query) -> bool {
        let more =
            |(t, s): (&Term, &Term)| t.place_names.iter().any(|n| !s.place_names.contains(n));
        self.terms.iter().zip(&shorter.terms).any(more)
    }

    /// True when every entry `longer` matches also matched `shorter`: the
    /// user only typed more at the end, outside quotes (and, as the caller
    /// checks, named no more places: [`Self::names_more_places`]).
    #[must_use]
    pub fn extends(longer: &str, shorter: &str) -> bool {
        !shorter.trim().is_empty()
            && longer.starts_with(shorter)
            && !longer.contains('"')
            // A capital letter turns smart case off and can match less or more.
            && longer[shorter.len()..]
                .chars()
                .all(|c| !c.is_ascii_uppercase() && !('Ａ'..='Ｚ').contains(&c))
    }
}

impl Term {
    /// A term as typed; `pinyin`: Latin letters in it may be read as pinyin
    /// (not `AI` cut from `AI光谱`).
    pub(super) fn new(
        text: &str,
        exact: bool,
        pinyin: bool,
        lib: &Library,
        script: super::script::Script,
    ) -> Self {
        let fold = !text.chars().any(|c| c.is_ascii_uppercase());
        let letters = if exact || !pinyin {
            None
        } else {
            super::pinyin::Readings::shared().letters(text)
        };
        let variants = super::script::variants(text, script);
        // A place answers to its names, and to its country's in every form
        // (日本, 日本 in either script, riben, japan): the lessons name the
        // country only in passing, the place is what a reader looks for.
        let (mut place_names, mut by_country) = (Vec::new(), true);
        for p in lib.places.iter().filter(|_| !exact) {
            let country = !p.country_zh.is_empty()
                && (p.country_zh == text
                    || variants.contains(&p.country_zh)
                    || letters
                        .as_ref()
                        .is_some_and(|l| super::places::reads_whole(&p.country_zh, l)));
            let named = text.is_ascii()
                && (p.answers_to(text).is_some()
                    || super::places::spells_english(p, text)
                    || p.country
                        .eq_ignore_ascii_case(text.trim_start_matches("the ")));
            if country || named {
                place_names.push(p.name.clone());
                by_country &= !named;
            }
        }
        // The forms looked for: as typed, and in the other script; on a
        // page in one script, only its own (寧波 is looked for as 宁波 on a
        // simplified page, never as typed as well: a second scan for a form
        // the page does not print).
        let one_script = script != super::script::Script::Either && !variants.is_empty();
        let looked_for: Vec<&str> = std::iter::once(text)
            .filter(|_| !one_script)
            .chain(variants.iter().map(String::as_str))
            .collect();
        let finder = memchr::memmem::Finder::new(looked_for[0].as_bytes()).into_owned();
        let variant_finders = looked_for[1..]
            .iter()
            .map(|v| memchr::memmem::Finder::new(v.as_bytes()).into_owned())
            .collect();
        let forms = looked_for
            .iter()
            .filter(|form| !form.is_empty())
            .map(|form| {
                let chars: Vec<char> = form.chars().collect();
                let mut buf = [0u8; 4];
                let finders = chars
                    .iter()
                    .map(|c| {
                        memchr::memmem::Finder::new(c.encode_utf8(&mut buf).as_bytes()).into_owned()
                    })
                    .collect();
                (chars, finders)
            })
            .collect();
        let place_finders = place_names
            .iter()
            .map(|n| memchr::memmem::Finder::new(n.as_bytes()).into_owned())
            .collect();
        Term {
            text: text.to_owned(),
            exact,
            fold,
            letters,
            by_country: by_country && !place_names.is_empty(),
            place_names,
            finder,
            variant_finders,
            forms,
            place_finders,
            coded: None,
            places_coded: None,
        }
    }

    /// Each form looked for, as characters.
    pub(super) fn forms(&self) -> impl Iterator<Item = &[char]> {
        self.forms.iter().map(|(chars, _)| chars.as_slice())
    }

    /// Whether `s` is the term, in either script.
    #[must_use]
    pub fn is(&self, s: &str) -> bool {
        s == self.text
            || self
                .forms
                .iter()
                .any(|(chars, _)| chars.iter().copied().eq(s.chars()))
    }

    /// The term is ASCII letters only (and so may be pinyin).
    #[must_use]
    pub fn is_letters(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_alphabetic())
    }

    fn has_ascii_letters(&self) -> bool {
        self.fold && self.text.bytes().any(|b| b.is_ascii_alphabetic())
    }

    /// Byte offset of the term as a substring, ignoring ASCII case when folding.
    #[must_use]
    pub fn find_in(&self, text: &str) -> Option<usize> {
        self.find_len(text).map(|(at, _)| at)
    }

    /// Where the term (or its form in the other script) first is, and how
    /// many bytes it takes there.
    fn find_len(&self, text: &str) -> Option<(usize, usize)> {
        if !self.has_ascii_letters() {
            let hay = text.as_bytes();
            if let Some(at) = self.finder.find(hay) {
                return Some((at, self.finder.needle().len()));
            }
            return self
                .variant_finders
                .iter()
                .filter_map(|f| f.find(hay).map(|at| (at, f.needle().len())))
                .min();
        }
        let needle = self.finder.needle();
        let (lo, hi) = (
            needle[0].to_ascii_lowercase(),
            needle[0].to_ascii_uppercase(),
        );
        let hay = text.as_bytes();
        let mut from = 0;
        while let Some(i) = memchr::memchr2(lo, hi, &hay[from..]) {
            let at = from + i;
            if hay.len() - at >= needle.len()
                && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
            {
                return Some((at, needle.len()));
            }
            from = at + 1;
        }
        None
    }

    /// Whether the term names places, which [`Self::find_place`] looks for.
    #[must_use]
    pub fn has_places(&self) -> bool {
        !self.place_finders.is_empty()
    }

    /// The place names this term stands for, as characters.
    pub(super) fn place_chars(&self) -> Vec<Vec<char>> {
        self.place_names
            .iter()
            .map(|n| n.chars().collect())
            .collect()
    }

    /// Byte offset of the first place name this term stands for.
    #[must_use]
    pub fn find_place(&self, text: &str) -> Option<usize> {
        self.place_finders
            .iter()
            .filter_map(|f| f.find(text.as_bytes()))
            .min()
    }

    /// Every match of the place names this term stands for, as byte ranges.
    #[must_use]
    pub fn find_all_places(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = self
            .place_finders
            .iter()
            .flat_map(|f| {
                f.find_iter(text.as_bytes())
                    .map(|i| i..i + f.needle().len())
            })
            .collect();
        out.sort_unstable_by_key(|r| r.start);
        out
    }

    /// Every non-overlapping substring match, as byte ranges.
    #[must_use]
    pub fn find_all(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some((i, len)) = self.find_len(&text[from..]) {
            let start = from + i;
            out.push(start..start + len);
            from = start + len.max(1);
            if from >= text.len() {
                break;
            }
        }
        out
    }

    /// The leftmost match of the term's characters in order, close
    /// together: inside one sentence (no 。！？； between them) and within
    /// three times the term's length. Returns the byte of the first, the
    /// span in characters and the count, for ranking.
    #[must_use]
    pub fn subsequence_in(&self, text: &str) -> Option<(usize, usize, usize)> {
        let positions = self.subsequence_positions(text)?;
        let (&first, &last) = (positions.first()?, positions.last()?);
        let start = text.char_indices().nth(first).map_or(0, |(b, _)| b);
        Some((start, last - first + 1, positions.len()))
    }

    /// The characters (indices) of that leftmost close match, in whichever
    /// script the term is found (寧波創 finds 宁波…创 as 宁波创 does).
    #[must_use]
    pub fn subsequence_positions(&self, text: &str) -> Option<Vec<usize>> {
        self.forms
            .iter()
            .filter_map(|(wanted, finders)| self.in_order(text, wanted, finders))
            .min_by_key(|found| found[0])
    }

    /// One form's characters in order, within a sentence and a short window.
    fn in_order(
        &self,
        text: &str,
        wanted: &[char],
        finders: &[memchr::memmem::Finder<'_>],
    ) -> Option<Vec<usize>> {
        let window = wanted.len() * 3;
        let same = |a: char, b: char| {
            a == b || (self.fold && a.is_ascii_alphabetic() && a.eq_ignore_ascii_case(&b))
        };
        let hay = text.as_bytes();
        let first = *wanted.first()?;
        let first_finder = finders.first()?;
        // Every character must be there at all: most texts lack one, and
        // saying so costs a byte search, not a walk from each first one (a
        // letter folded to either case is left to the walk). The last
        // first: as a query is typed, the texts a shorter one matched hold
        // the others, and the new one is what most lack.
        if wanted[1..]
            .iter()
            .zip(&finders[1..])
            .rev()
            .any(|(&c, f)| !(self.fold && c.is_ascii_alphabetic()) && f.find(hay).is_none())
        {
            return None;
        }
        let next_first = |from: usize| {
            if self.fold && first.is_ascii_alphabetic() {
                let b = u8::try_from(first).unwrap_or(0);
                memchr::memchr2(b.to_ascii_lowercase(), b.to_ascii_uppercase(), &hay[from..])
            } else {
                first_finder.find(&hay[from..])
            }
        };
        let mut from = 0;
        // Each occurrence of the first character, found on bytes, then a
        // short walk forward from it.
        while let Some(i) = next_first(from) {
            let start = from + i;
            let start_char = text[..start].chars().count();
            let mut found = vec![start_char];
            for (k, c) in text[start..].chars().enumerate().skip(1).take(window - 1) {
                if ends_sentence(c) {
                    break;
                }
                if same(c, wanted[found.len()]) {
                    found.push(start_char + k);
                    if found.len() == wanted.len() {
                        return Some(found);
                    }
                }
            }
            if wanted.len() == 1 {
                return Some(found);
            }
            from = start + first.len_utf8();
        }
        None
    }
}

/// Full-width letters and digits (ＮＢ, ２０) as the ASCII a reader meant,
/// and the ideographic space as a space; Chinese punctuation stays.
fn fold_full_width(s: &str) -> std::borrow::Cow<'_, str> {
    let folds = |c: char| matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '\u{3000}');
    if !s.chars().any(folds) {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            c if folds(c) => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// What ends a sentence: characters matched in order never span one. A
/// match, not `str::contains`, which runs a substring search (its windows
/// compared with memcmp) for every character walked.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}
