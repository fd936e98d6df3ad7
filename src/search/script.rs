//! Traditional and simplified characters: a term typed in one script also
//! matches the text printed in the other, through `OpenCC`'s tables, which
//! convert phrases by context (發展 → 发展 but 頭髮 → 头发; 乾淨 → 干净, 幹部 →
//! 干部). The marks fall on the page's own characters.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// Traditional to simplified; loaded the first time a term with hanzi is
/// read (a few milliseconds).
fn to_simplified() -> Option<&'static OpenCC> {
    static T2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    T2S.get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Simplified to traditional; loaded only for a page that is not all
/// simplified (a simplified page never needs it, and its tables are the
/// larger: a megabyte the reader would keep for nothing).
fn to_traditional() -> Option<&'static OpenCC> {
    static S2T: OnceLock<Option<OpenCC>> = OnceLock::new();
    S2T.get_or_init(|| OpenCC::from_config(BuiltinConfig::S2t).ok())
        .as_ref()
}

/// Whether a character is a hanzi (CJK unified ideographs and extension A).
pub(crate) fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The script a collection is printed in: a term needs only its form in
/// that one (寧波 → 宁波 for a simplified page), not a second scan for a
/// form the page never has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
    /// Both, or not known (a note's text, say): every form.
    Either,
}

/// The script of a sample of a collection's text: simplified if it reads
/// the same converted to simplified, traditional if the same converted
/// to traditional.
#[must_use]
pub fn script_of(sample: &str) -> Script {
    let Some(t2s) = to_simplified() else {
        return Script::Either;
    };
    if t2s.convert(sample) == sample {
        Script::Simplified
    } else if to_traditional().is_some_and(|s2t| s2t.convert(sample) == sample) {
        Script::Traditional
    } else {
        Script::Either
    }
}

/// Whether a text has any hanzi (only then is the script worth knowing).
#[must_use]
pub fn has_hanzi(text: &str) -> bool {
    text.chars().any(is_hanzi)
}

/// The term in the other script: its simplified and traditional forms
/// that differ from it as typed, those a page in `script` can hold. None
/// for a term without hanzi.
#[must_use]
pub fn variants(text: &str, script: Script) -> Vec<String> {
    if !has_hanzi(text) {
        return Vec::new();
    }
    let simplified = || to_simplified().map(|t2s| t2s.convert(text));
    let traditional = || to_traditional().map(|s2t| s2t.convert(text));
    let wanted: Vec<String> = match script {
        Script::Simplified => simplified().into_iter().collect(),
        Script::Traditional => traditional().into_iter().collect(),
        Script::Either => simplified().into_iter().chain(traditional()).collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for v in wanted {
        if v != text && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

impl super::SearchIndex {
    /// The script a query's hanzi are to be looked for in: the
    /// collection's, read from the start of its text (64 KiB) the first
    /// time it is needed.
    pub(crate) fn script_for(&self, query: &str) -> Script {
        if !has_hanzi(query) {
            return Script::Either;
        }
        *self.script.get_or_init(|| {
            let mut sample = String::new();
            for entry in 0..u32::try_from(self.entries.len()).unwrap_or(0) {
                if sample.len() >= 64 << 10 {
                    break;
                }
                sample.push_str(self.text(entry));
            }
            script_of(&sample)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Script, script_of, variants};

    #[test]
    fn each_script_reaches_the_other_by_phrase() {
        let either = |t: &str| variants(t, Script::Either);
        assert!(either("寧波").contains(&"宁波".to_owned()));
        assert!(either("創新").contains(&"创新".to_owned()));
        assert!(either("產業").contains(&"产业".to_owned()));
        assert!(either("頭髮").contains(&"头发".to_owned()));
        assert!(either("幹部").contains(&"干部".to_owned()));
        assert!(either("宁波").contains(&"寧波".to_owned()));
        assert!(either("ningbo").is_empty());
        // What reads the same in both has no variant.
        assert!(either("上海").is_empty());
        // A page in one script needs only its own form.
        assert_eq!(variants("宁波", Script::Simplified), Vec::<String>::new());
        assert_eq!(variants("寧波", Script::Simplified), ["宁波"]);
        assert_eq!(variants("宁波", Script::Traditional), ["寧波"]);
    }

    #[test]
    fn a_page_says_which_script_it_is_in() {
        assert_eq!(script_of("宁波智造创新之都"), Script::Simplified);
        assert_eq!(script_of("寧波智造創新之都"), Script::Traditional);
        assert_eq!(script_of("寧波 宁波"), Script::Either);
    }
}
