//! Completion that knows the content: node paths for `show` and `export`,
//! places for `lessons --place`, from the collection the command being
//! typed would read (`--content` respected).
//!
//! The shell asks the binary itself (`COMPLETE=bash zhizao -- zhizao show
//! cap`), through `clap_complete`'s `CompleteEnv`; `zhizao completions SHELL`
//! prints the script that does the asking.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::Arc;

use clap_complete::CompletionCandidate;

use crate::content::Library;

/// The variable the shell scripts set to ask for candidates.
const VAR: &str = "COMPLETE";

/// Answers the shell when it asks (and exits); otherwise returns.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(<super::Cli as clap::CommandFactory>::command)
        .var(VAR)
        .complete();
}

/// The script a shell sources to complete `zhizao`: it calls `program`
/// back for every completion.
///
/// # Errors
/// Writing to `out`.
pub fn write_script(
    shell: clap_complete::Shell,
    program: &OsStr,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use clap_complete::env::EnvCompleter;
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &clap_complete::env::Bash,
        clap_complete::Shell::Elvish => &clap_complete::env::Elvish,
        clap_complete::Shell::Fish => &clap_complete::env::Fish,
        clap_complete::Shell::PowerShell => &clap_complete::env::Powershell,
        // Shell is non-exhaustive; zsh is the one left.
        _ => &clap_complete::env::Zsh,
    };
    // As CompleteEnv does: a path with a folder in it is made absolute, a
    // bare name is looked up on PATH when the shell completes.
    let mut path = PathBuf::from(program);
    if path.components().count() > 1
        && let Ok(here) = std::env::current_dir()
    {
        path = here.join(path);
    }
    // Made whole first: a reader that closes the pipe (`| head -1`) is no failure.
    let mut script = Vec::new();
    completer.write_registration(
        VAR,
        "zhizao",
        "zhizao",
        &path.to_string_lossy(),
        &mut script,
    )?;
    out.write_all(&script)
}

/// The `--content` folder on the command line being completed, if any.
/// The words come after the `--` that the completion script puts first.
fn content_dir(args: impl Iterator<Item = OsString>) -> Option<PathBuf> {
    let words: Vec<OsString> = args.skip_while(|a| a != "--").skip(1).collect();
    let mut dir = None;
    for (i, word) in words.iter().enumerate() {
        let word = word.to_string_lossy();
        if word == "--content" {
            dir = words.get(i + 1).map(PathBuf::from);
        } else if let Some(rest) = word.strip_prefix("--content=") {
            dir = Some(PathBuf::from(rest));
        }
    }
    dir
}

/// The collection the command being completed would read. A broken or
/// missing one offers nothing, rather than an error mid-line.
fn library() -> Option<Arc<Library>> {
    match content_dir(std::env::args_os()) {
        // A copy to be made is waited for here, as the handle drops.
        Some(dir) => Library::load_dir_shared(&dir, super::cache_dir().as_deref(), None)
            .ok()
            .map(|(lib, _)| lib),
        None => Library::bundled().ok().map(Arc::new),
    }
}

/// Node paths that start with what is typed, each with its heading.
#[must_use]
pub fn node_paths(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    let Some(lib) = library() else {
        return Vec::new();
    };
    lib.nodes
        .iter()
        .filter(|n| n.path.starts_with(typed.as_ref()))
        .map(|n| {
            let heading = n.heading.as_deref().unwrap_or(n.label());
            CompletionCandidate::new(n.path.clone()).help(Some(heading.to_owned().into()))
        })
        .collect()
}

/// Places by every name `--place` takes that is one shell word: id,
/// name as printed, English name and aliases without spaces.
#[must_use]
pub fn places(current: &OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    let Some(lib) = library() else {
        return Vec::new();
    };
    let mut found: Vec<CompletionCandidate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for place in &lib.places {
        let names = [
            place.id.as_str(),
            place.name.as_str(),
            place.english.as_str(),
        ]
        .into_iter()
        .chain(place.aliases.iter().map(String::as_str));
        for name in names {
            let one_word = !name.is_empty() && !name.chars().any(char::is_whitespace);
            if one_word
                && name.to_lowercase().starts_with(&typed)
                && seen.insert(name.to_lowercase())
            {
                let help = format!("{} ({})", place.name, place.english);
                found.push(CompletionCandidate::new(name).help(Some(help.into())));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> impl Iterator<Item = OsString> {
        words
            .iter()
            .map(OsString::from)
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_content_folder_comes_from_the_line_being_completed() {
        let line = [
            "zhizao",
            "--",
            "zhizao",
            "--content",
            "my dir",
            "show",
            "ca",
        ];
        assert_eq!(content_dir(args(&line)), Some(PathBuf::from("my dir")));
        let joined = ["zhizao", "--", "zhizao", "show", "--content=d", "ca"];
        assert_eq!(content_dir(args(&joined)), Some(PathBuf::from("d")));
        // The binary's own flags before `--` are not the line's.
        let outside = ["zhizao", "--content", "x", "--", "zhizao", "show"];
        assert_eq!(content_dir(args(&outside)), None);
    }

    #[test]
    fn node_paths_start_with_what_is_typed() {
        let found = node_paths(OsStr::new("capital/lessons/f"));
        let values: Vec<_> = found.iter().map(|c| c.get_value().to_owned()).collect();
        assert_eq!(
            values
                .first()
                .map(|v| v.to_string_lossy().into_owned())
                .as_deref(),
            Some("capital/lessons/foreign")
        );
        assert_eq!(values.len(), 6, "the node and its five lessons");
    }

    #[test]
    fn places_answer_to_hanzi_and_english() {
        let value = |typed: &str| -> Vec<String> {
            places(OsStr::new(typed))
                .iter()
                .map(|c| c.get_value().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(value("慕"), ["慕尼黑"]);
        assert!(value("mu").contains(&"munich".to_owned()));
        assert!(value("").len() >= 11);
    }
}
