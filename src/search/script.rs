//! Traditional and simplified characters: a term typed in one script also
//! matches the text printed in the other, through `OpenCC`'s tables, which
//! convert phrases by context (發展 → 发展 but 頭髮 → 头发; 乾淨 → 干净, 幹部 →
//! 干部). The marks fall on the page's own characters.

use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// Traditional to simplified, and simplified to traditional; loaded the
/// first time a term with hanzi is read (a few milliseconds).
fn converters() -> Option<&'static (OpenCC, OpenCC)> {
    static BOTH: OnceLock<Option<(OpenCC, OpenCC)>> = OnceLock::new();
    BOTH.get_or_init(|| {
        Some((
            OpenCC::from_config(BuiltinConfig::T2s).ok()?,
            OpenCC::from_config(BuiltinConfig::S2t).ok()?,
        ))
    })
    .as_ref()
}

/// Whether a character is a hanzi (CJK unified ideographs and extension A).
fn is_hanzi(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The term in the other script: its simplified and traditional forms
/// that differ from it as typed. None for a term without hanzi.
#[must_use]
pub fn variants(text: &str) -> Vec<String> {
    if !text.chars().any(is_hanzi) {
        return Vec::new();
    }
    let Some((t2s, s2t)) = converters() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for v in [t2s.convert(text), s2t.convert(text)] {
        if v != text && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::variants;

    #[test]
    fn each_script_reaches_the_other_by_phrase() {
        assert!(variants("寧波").contains(&"宁波".to_owned()));
        assert!(variants("創新").contains(&"创新".to_owned()));
        assert!(variants("產業").contains(&"产业".to_owned()));
        assert!(variants("頭髮").contains(&"头发".to_owned()));
        assert!(variants("幹部").contains(&"干部".to_owned()));
        assert!(variants("宁波").contains(&"寧波".to_owned()));
        assert!(variants("ningbo").is_empty());
        // What reads the same in both has no variant.
        assert!(variants("上海").is_empty());
    }
}
