//! The reader's settings: `$XDG_CONFIG_HOME/zhizao/config.toml`
//! (`~/.config/zhizao/`), or the file `--config` or `ZHIZAO_CONFIG` names.
//! Theme, ambiguous width, measure, first-line indent, mouse, and `[keys]`
//! overrides by binding name, checked against the key table: every problem
//! at `config.toml:LINE:COL`, as content errors are.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::content::location::Source;
use crate::content::{ContentError, ContentErrors};
use crate::keys::{Key, Keymap};
use crate::layout::{INDENTS, MEASURE, MEASURES};

/// The settings in force: the file's, or the defaults where it says nothing.
#[derive(Debug, Clone)]
pub struct Config {
    pub light: bool,
    /// `Some(true)` for `ambiwidth = "double"`; None to leave it to the flag.
    pub ambiguous_wide: Option<bool>,
    pub measure: usize,
    /// A paragraph's first-line indent, in ideographic spaces.
    pub indent: usize,
    pub mouse: bool,
    pub keys: Keymap,
    /// The kinds a highlight may have (`[notes] kinds`), Tab's order.
    pub kinds: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            light: false,
            ambiguous_wide: None,
            measure: MEASURE,
            indent: 2,
            mouse: true,
            keys: Keymap::default(),
            kinds: crate::notes::KINDS.map(String::from).to_vec(),
        }
    }
}

impl Config {
    /// The first-line indent as text.
    #[must_use]
    pub fn indent_text(&self) -> &'static str {
        INDENTS[self.indent.min(INDENTS.len() - 1)]
    }
}

/// The settings file as TOML has it: every key with where it stands, so
/// that each problem, however many, is found in one reading.
type SpannedTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// `[keys]` again, with where each binding's value stands.
#[derive(Deserialize, Default)]
struct Keys {
    #[serde(default)]
    keys: SpannedTable,
}

/// The settings a file may hold.
const SETTINGS: &[&str] = &[
    "theme",
    "ambiwidth",
    "measure",
    "indent",
    "mouse",
    "notes",
    "keys",
];

/// Largest config file read.
const MAX_BYTES: u64 = 1024 * 1024;

/// The config file to read: `--config`, else `ZHIZAO_CONFIG`, else the
/// usual place. The second value says whether it was asked for by name (a
/// missing file is then an error, not a quiet default).
#[must_use]
pub fn path(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os("ZHIZAO_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    dirs::config_dir().map(|d| (d.join("zhizao").join("config.toml"), false))
}

/// Reads the config at `path`.
///
/// # Errors
/// Every problem in the file, each at its line and column; a file asked
/// for by name that is missing.
pub fn load(path: &Path, named: bool) -> Result<Config, ContentErrors> {
    let fail = |message: String| {
        ContentErrors(vec![ContentError::Path {
            path: path.to_path_buf(),
            message,
        }])
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(Config::default());
        }
        Err(e) => return Err(fail(format!("cannot read: {e}"))),
        Ok(_) => {}
    }
    // Read to the cap whatever the file claims (a /proc file says 0 bytes).
    let bytes = crate::content::read_regular(path, MAX_BYTES).map_err(|why| {
        fail(format!(
            "{why}; a settings file is a regular file of at most 1 MiB"
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| fail(format!("not UTF-8: {e}")))?;
    parse(path, &text)
}

/// Reads config text.
///
/// # Errors
/// Every problem, each at its line and column.
pub fn parse(path: &Path, text: &str) -> Result<Config, ContentErrors> {
    let source = Source::new(path, text);
    let syntax = |e: toml::de::Error| {
        let at = e.span().map_or(0, |s| s.start);
        ContentErrors(vec![ContentError::at(
            &source,
            at,
            e.message().trim().to_owned(),
        )])
    };
    let doc: SpannedTable = toml::from_str(text).map_err(syntax)?;
    let keys: Keys = toml::from_str(text).unwrap_or_default();
    let mut errors = Vec::new();
    let mut error =
        |at: usize, message: String| errors.push(ContentError::at(&source, at, message));
    let mut config = Config::default();
    for (name, value) in &doc {
        let at = value.span().start;
        let v = value.get_ref();
        match name.get_ref().as_str() {
            "theme" => match v.as_str() {
                Some("dark") => config.light = false,
                Some("light") => config.light = true,
                Some(other) => error(at, format!("theme `{other}`: dark or light")),
                None => error(at, "theme: \"dark\" or \"light\"".into()),
            },
            "ambiwidth" => match v.as_str() {
                Some("single") => config.ambiguous_wide = Some(false),
                Some("double") => config.ambiguous_wide = Some(true),
                Some(other) => error(at, format!("ambiwidth `{other}`: single or double")),
                None => error(at, "ambiwidth: \"single\" or \"double\"".into()),
            },
            "measure" => match v.as_integer().and_then(|m| usize::try_from(m).ok()) {
                Some(m) if MEASURES.contains(&m) => config.measure = m,
                _ => error(
                    at,
                    format!(
                        "measure {v}: from {} to {} columns",
                        MEASURES.start(),
                        MEASURES.end()
                    ),
                ),
            },
            "indent" => match v.as_integer().and_then(|i| usize::try_from(i).ok()) {
                Some(i) if i < INDENTS.len() => config.indent = i,
                _ => error(at, format!("indent {v}: from 0 to 4")),
            },
            "mouse" => match v.as_bool() {
                Some(on) => config.mouse = on,
                None => error(at, format!("mouse {v}: true or false")),
            },
            "notes" => match notes_kinds(v) {
                Ok(Some(kinds)) => config.kinds = kinds,
                Ok(None) => {}
                Err(why) => error(at, why),
            },
            "keys" if v.is_table() => {}
            "keys" => error(at, "keys: a table, [keys]".into()),
            other => {
                let near = SETTINGS.iter().find(|s| close(s, other));
                let hint = near.map_or_else(
                    || format!("; the settings are {}", SETTINGS.join(", ")),
                    |s| format!("; did you mean `{s}`?"),
                );
                error(
                    name.span().start,
                    format!("unknown setting `{other}`{hint}"),
                );
            }
        }
    }
    rebind(&keys.keys, &mut config.keys, &source, &mut errors);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(ContentErrors::sorted(errors))
    }
}

/// One slip apart: a letter more, less, changed or two swapped.
fn close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    ra.get(1..) == rb.get(1..)
        || ra == rb.get(1..).unwrap_or_default()
        || rb == ra.get(1..).unwrap_or_default()
        || (ra.len() >= 2
            && rb.len() >= 2
            && ra[0] == rb[1]
            && ra[1] == rb[0]
            && ra[2..] == rb[2..])
}

/// Applies `[keys]`: each name must be a binding, each key a key, and no
/// key given may hide another binding's.
fn rebind(
    table: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    keymap: &mut Keymap,
    source: &Source<'_>,
    errors: &mut Vec<ContentError>,
) {
    let mut error = |at: usize, message: String| errors.push(ContentError::at(source, at, message));
    let mut rebound = Vec::new();
    // `reader.page_down = "x"` is a dotted key, a table in TOML: flatten it.
    let mut entries: Vec<(String, usize, usize, &toml::Value)> = Vec::new();
    for (name, value) in table {
        let (key_at, at) = (name.span().start, value.span().start);
        match value.get_ref() {
            toml::Value::Table(inner) => entries.extend(
                inner
                    .iter()
                    .map(|(k, v)| (format!("{}.{k}", name.get_ref()), key_at, at, v)),
            ),
            v => entries.push((name.get_ref().clone(), key_at, at, v)),
        }
    }
    for (name, key_at, at, value) in entries {
        let texts: Vec<&str> = match value {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(items) => items.iter().filter_map(toml::Value::as_str).collect(),
            _ => Vec::new(),
        };
        if texts.is_empty() {
            error(
                at,
                format!("`{name}`: a key or a list of keys, e.g. \"x\" or [\"/\", \"ctrl-f\"]"),
            );
            continue;
        }
        let mut keys = Vec::new();
        // Each element of a list found in the source after the last, so
        // the caret stands under the bad one.
        let mut from = at;
        for text in texts {
            let quoted = [format!("\"{text}\""), format!("'{text}'")];
            let here = quoted
                .iter()
                .filter_map(|q| source.text.get(from..)?.find(q.as_str()))
                .min()
                .map_or(from, |i| from + i);
            from = here + 1;
            match Key::parse(text) {
                Some(key) => keys.push(key),
                None => error(
                    here,
                    format!("unknown key `{text}` (keys look like x, G, ctrl-f, esc, pgdn, f1)"),
                ),
            }
        }
        match keymap.rebind(&name, keys) {
            Ok(()) => rebound.push((name, at)),
            Err(message) => error(key_at, message),
        }
    }
    // One error a key given, naming every binding it would hide.
    for (name, at) in rebound {
        let mut by_key: Vec<(String, Vec<String>)> = Vec::new();
        for (key, other) in keymap.clashes(&name) {
            match by_key.iter_mut().find(|(k, _)| *k == key) {
                Some((_, others)) => others.push(format!("`{other}`")),
                None => by_key.push((key, vec![format!("`{other}`")])),
            }
        }
        for (key, others) in by_key {
            error(
                at,
                format!("`{key}` for `{name}` is also {}'s", others.join(", ")),
            );
        }
    }
}

/// A config file with every setting and every binding at its default,
/// commented out: a file to copy and change.
///
/// (`[notes]` comes before `[keys]`: a table's keys run to the next table.)
#[must_use]
pub fn default_text() -> String {
    let mut out = String::from(
        "# zhizao's settings. Uncomment a line to change it; `zhizao config check` checks the file.\n\
         \n\
         # theme = \"dark\"        # dark or light (NO_COLOR turns colour off)\n\
         # ambiwidth = \"single\"  # double for terminals that draw “ ” … two columns wide\n",
    );
    let _ = writeln!(
        out,
        "# measure = {MEASURE}           # the widest text runs, {} to {} columns",
        MEASURES.start(),
        MEASURES.end()
    );
    out.push_str(
        "# indent = 2            # a paragraph's first-line indent, 0 to 4 ideographic spaces\n\
         # mouse = true\n\
         \n\
         [notes]\n\
         # kinds = [\"重点\", \"疑问\", \"金句\"]  # a highlight's kinds, in the order Tab gives them\n\
         \n\
         [keys]\n\
         # Each binding by name: a key or a list of keys (x, G, ctrl-f, alt-o, esc, enter,\n\
         # tab, space, up, down, left, right, home, end, pgup, pgdn, backspace, f1 …).\n",
    );
    for (name, keys, help) in Keymap::default().entries() {
        let list = keys
            .iter()
            .map(|k| format!("{k:?}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "# {name} = [{list}]  # {help}");
    }
    out
}

/// `[notes]`: its `kinds`, if it names them, or what is wrong with it.
fn notes_kinds(v: &toml::Value) -> Result<Option<Vec<String>>, String> {
    let Some(table) = v.as_table() else {
        return Err("notes: a table, [notes]".into());
    };
    if let Some(other) = table.keys().find(|k| *k != "kinds") {
        return Err(format!(
            "unknown setting `notes.{other}`; [notes] has kinds"
        ));
    }
    let Some(kinds) = table.get("kinds") else {
        return Ok(None);
    };
    let list: Option<Vec<String>> = kinds
        .as_array()
        .and_then(|a| a.iter().map(|k| k.as_str().map(str::to_owned)).collect());
    let why = "notes.kinds: a list of 1 to 9 names, each of 1 to 8 characters, none twice";
    match list {
        Some(list)
            if (1..=9).contains(&list.len())
                && list.iter().all(|k| {
                    (1..=8).contains(&k.chars().count())
                        && !k.chars().any(|c| c.is_control() || c.is_whitespace())
                })
                && list.iter().enumerate().all(|(i, k)| !list[..i].contains(k)) =>
        {
            Ok(Some(list))
        }
        _ => Err(why.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse(Path::new("config.toml"), text)
            .err()
            .map(|e| e.0.iter().map(ContentError::headline).collect())
            .unwrap_or_default()
    }

    #[test]
    fn notes_kinds_are_a_setting_checked_like_the_rest() {
        let config = parse(
            Path::new("c.toml"),
            "[notes]\nkinds = [\"要点\", \"存疑\"]\n",
        )
        .unwrap();
        assert_eq!(config.kinds, ["要点", "存疑"]);
        assert_eq!(Config::default().kinds, crate::notes::KINDS);
        let why = "notes.kinds: a list of 1 to 9 names, each of 1 to 8 characters, none twice";
        for bad in [
            "kinds = []",
            "kinds = [\"a\", \"a\"]",
            "kinds = [\"九个字九个字九个字\"]",
            "kinds = 3",
        ] {
            let got = errors(&format!("[notes]\n{bad}\n"));
            assert!(got.len() == 1 && got[0].ends_with(why), "{bad}: {got:?}");
        }
        assert!(
            errors("[notes]\ncolour = 1\n")[0]
                .ends_with("unknown setting `notes.colour`; [notes] has kinds")
        );
    }

    #[test]
    fn the_default_file_uncommented_is_the_defaults() {
        let uncommented: String = default_text()
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains('='))
                    .unwrap_or(l)
            })
            .map(|l| format!("{}\n", l.split("  #").next().unwrap_or(l)))
            .filter(|l| !l.starts_with('#'))
            .collect();
        let config = parse(Path::new("config.toml"), &uncommented).expect("the defaults parse");
        assert_eq!(config.keys.markdown(), Keymap::default().markdown());
        assert_eq!(
            (config.measure, config.indent, config.mouse),
            (MEASURE, 2, true)
        );
    }

    #[test]
    fn every_problem_is_reported_where_it_is() {
        let found = errors(
            "theme = \"blue\"\nmeasure = 500\n[keys]\nquit = \"x\"\nwat = \"y\"\nsearch = [\"/\", \"hyper-q\"]\nreader.scroll_down = \"x\"\n",
        );
        assert_eq!(
            found,
            [
                "config.toml:1:9: theme `blue`: dark or light",
                "config.toml:2:11: measure 500: from 20 to 160 columns",
                "config.toml:4:8: `x` for `quit` is also `reader.scroll_down`'s",
                "config.toml:5:1: unknown action `wat`; `zhizao config default` lists them",
                "config.toml:6:16: unknown key `hyper-q` (keys look like x, G, ctrl-f, esc, pgdn, f1)",
                "config.toml:7:1: `x` for `reader.scroll_down` is also `quit`'s",
            ]
        );
    }

    #[test]
    fn an_override_changes_dispatch_and_hints() {
        use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let config = parse(
            Path::new("c.toml"),
            "[keys]\nquit = \"x\"\nsearch = [\"/\", \"ctrl-f\"]\n",
        )
        .unwrap();
        let keys = &config.keys;
        let modes = [crate::keys::Mode::Reader, crate::keys::Mode::Global];
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
        assert!(matches!(
            keys.action_for(&modes, &x),
            Some(crate::action::Action::Quit)
        ));
        assert!(keys.action_for(&modes, &q).is_none());
        assert!(matches!(
            keys.action_for(&modes, &f),
            Some(crate::action::Action::OpenSearch)
        ));
        assert_eq!(
            keys.first_key(crate::keys::Mode::Global, &crate::action::Action::Quit),
            "x"
        );
    }
}
