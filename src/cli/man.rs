//! The manual page, written as roff from the command line's own definition
//! and the key table, so neither can drift from it: the options of zhizao
//! and each command, the reader's keys, the files, the environment and the
//! exit status. Checked clean by `mandoc -T lint` in CI.

use std::fmt::Write as _;

use crate::keys::{HelpRow, Keymap, Mode};

/// The date on the page: this release's.
const DATE: &str = "2026-12-02";

/// Text for roff: backslashes and minus signs escaped, no line read as a
/// request.
fn roff(s: &str) -> String {
    let mut escaped = s.replace('\\', "\\e").replace('-', "\\-");
    // `code` in the help texts (Markdown) is bold in a manual page.
    let mut bold = false;
    while let Some(i) = escaped.find('`') {
        escaped.replace_range(i..=i, if bold { "\\fR" } else { "\\fB" });
        bold = !bold;
    }
    escaped
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An option as the page names it: `--width N`, `-h, --help`.
fn option(arg: &clap::Arg) -> Option<String> {
    let long = arg.get_long()?;
    let mut name = format!("\\fB\\-\\-{}\\fR", roff(long));
    if let Some(short) = arg.get_short() {
        name = format!("\\fB\\-{short}\\fR, {name}");
    }
    if arg.get_action().takes_values() {
        let value = arg
            .get_value_names()
            .and_then(|v| v.first().map(ToString::to_string))
            .unwrap_or_else(|| long.to_ascii_uppercase());
        let _ = write!(name, " \\fI{}\\fR", roff(&value));
    }
    Some(name)
}

fn options(out: &mut String, command: &clap::Command) {
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        let Some(name) = option(arg) else { continue };
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let _ = writeln!(out, ".TP\n{name}\n{}", roff(&help));
    }
}

/// The whole page.
#[must_use]
pub fn page(command: &clap::Command, keys: &Keymap) -> String {
    let version = command.get_version().unwrap_or_default();
    let mut out = String::new();
    let _ = writeln!(out, ".TH ZHIZAO 1 {DATE} \"zhizao {version}\"");
    out.push_str(".SH NAME\nzhizao \\- read, search and compare a page of Chinese articles in the terminal\n");
    out.push_str(
        ".SH SYNOPSIS\n.B zhizao\n.RI [ options ]\n.br\n.B zhizao\n.RI [ options ] \" command \" [ arguments ]\n",
    );
    out.push_str(
        ".SH DESCRIPTION\nWith no command, \\fBzhizao\\fR opens the interactive reader on the page \
         compiled into it, or on the collection \\fB\\-\\-content\\fR names. The commands print \
         what the reader shows, for scripts and pipes.\n",
    );
    out.push_str(".SH OPTIONS\n");
    options(&mut out, command);
    commands(&mut out, command);
    keys_section(&mut out, keys);
    out.push_str(
        ".SH EXAMPLES\n.nf\n\
         zhizao                                   open the reader\n\
         zhizao list                              every section with its path\n\
         zhizao show capital/lessons/foreign/3    one section as wrapped text\n\
         zhizao search nb \\-\\-limit 5             search as the reader does\n\
         zhizao lessons \\-\\-place austin          the lessons that name a place\n\
         zhizao export \\-\\-format markdown        everything as Markdown\n\
         zhizao check ./my\\-content               validate a collection\n\
         zhizao \\-\\-content ./my\\-content           read another collection\n\
         .fi\n",
    );
    out.push_str(
        ".SH FILES\n.TP\n\\fI$XDG_CONFIG_HOME/zhizao/config.toml\\fR (\\fI~/.config/zhizao/config.toml\\fR)\n\
         The settings; \\fBzhizao config default\\fR prints one with every default.\n\
         .TP\n\\fI$XDG_STATE_HOME/zhizao/\\fR (\\fI~/.local/state/zhizao/\\fR)\n\
         What the reader remembers of each collection: position, bookmarks, searches, progress. \
         Private to the user; a damaged file is set aside as \\fI.corrupt\\-TIME\\fR.\n\
         .TP\n\\fI$XDG_CACHE_HOME/zhizao/\\fR (\\fI~/.cache/zhizao/\\fR)\n\
         A big collection's binary copy, the newest four; never stale, always safe to delete.\n",
    );
    out.push_str(
        ".SH ENVIRONMENT\n.TP\n\\fBZHIZAO_CONFIG\\fR\nThe settings file, unless \\fB\\-\\-config\\fR names one.\n\
         .TP\n\\fBNO_COLOR\\fR\nSet to anything: no colour; structure stays visible.\n\
         .TP\n\\fBXDG_CONFIG_HOME\\fR, \\fBXDG_STATE_HOME\\fR, \\fBXDG_CACHE_HOME\\fR\n\
         Where the settings, the state and the cache live.\n",
    );
    out.push_str(
        ".SH EXIT STATUS\n.TP\n0\nSuccess.\n.TP\n1\nA usage or other error, or a search that found nothing.\n\
         .TP\n2\nErrors in the content or the settings, each at its file, line and column.\n",
    );
    out
}

/// Each command, its arguments and its own options.
fn commands(out: &mut String, command: &clap::Command) {
    out.push_str(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        let args: Vec<String> = sub
            .get_positionals()
            .map(|a| {
                let name = a
                    .get_value_names()
                    .and_then(|v| v.first().map(ToString::to_string));
                let name = name.unwrap_or_else(|| a.get_id().to_string().to_ascii_uppercase());
                if a.is_required_set() {
                    format!("\\fI{}\\fR", roff(&name))
                } else {
                    format!("[\\fI{}\\fR]", roff(&name))
                }
            })
            .collect();
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR {}\n{}",
            roff(sub.get_name()),
            args.join(" "),
            roff(&about)
        );
        let subs: Vec<&clap::Command> = sub.get_subcommands().collect();
        for inner in subs {
            let about = inner
                .get_about()
                .map(ToString::to_string)
                .unwrap_or_default();
            let _ = writeln!(
                out,
                ".TP\n\\fB{} {}\\fR\n{}",
                roff(sub.get_name()),
                roff(inner.get_name()),
                roff(&about)
            );
        }
        let has_options = sub
            .get_arguments()
            .any(|a| a.get_long().is_some() && !a.is_global_set());
        if has_options {
            out.push_str(".RS\n");
            for arg in sub
                .get_arguments()
                .filter(|a| !a.is_global_set() && !a.is_hide_set())
            {
                let Some(name) = option(arg) else { continue };
                if name.contains("\\-\\-help") {
                    continue;
                }
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                let _ = writeln!(*out, ".TP\n{name}\n{}", roff(&help));
            }
            out.push_str(".RE\n");
        }
    }
}

/// The reader's keys, every mode once, from the table in force.
fn keys_section(out: &mut String, keys: &Keymap) {
    out.push_str(".SH KEYS\nThe reader's keys, as the settings file may change them (see \\fBzhizao config default\\fR).\n");
    // From the global keys on, every mode once, as help lists them.
    for row in keys.help_rows(Mode::Global) {
        match row {
            HelpRow::Section(title) => {
                let _ = writeln!(out, ".SS {}", roff(title));
            }
            HelpRow::Binding(k, what) => {
                let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(&k), roff(what));
            }
            HelpRow::Text(text) => {
                let _ = writeln!(out, ".PP\n{}", roff(&text));
            }
        }
    }
}
