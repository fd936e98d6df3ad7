//! What the headless commands print: the tree, search hits, the lessons
//! side by side; and finding a place by any name.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::process::ExitCode;

use anyhow::{Context as _, bail};

use super::Cli;

use crate::content::Library;
use crate::search::{SearchIndex, char_positions};
use crate::wrap::Widths;
use crate::wrap::snippet;

/// The tree as text: each node's path, then its label indented by depth.
#[must_use]
pub fn list(lib: &Library) -> String {
    let pad = lib.nodes.iter().map(|n| n.path.len()).max().unwrap_or(0);
    let mut s = String::new();
    for article in &lib.articles {
        for n in lib.subtree(article.root) {
            let node = lib.node(n);
            let indent = "  ".repeat(node.depth);
            let _ = writeln!(s, "{:<pad$}  {indent}{}", node.path, lib.display_label(n));
        }
    }
    s
}

/// What `zhizao search` prints, and whether anything matched.
pub struct Found {
    pub text: String,
    pub any: bool,
    /// What a miss is to say: nothing matched, or the query held only
    /// words that carry no topic.
    pub miss: String,
}

/// Runs a query and formats the hits: plain (path, breadcrumb, snippet), with
/// the matched characters in bold on a terminal, or JSON.
#[must_use]
pub fn search(
    index: &SearchIndex,
    query: &str,
    limit: usize,
    json: bool,
    meta: bool,
    bold: bool,
) -> Found {
    const SNIPPET: usize = 60;
    let outcome = index.search(query, limit, None, None).unwrap_or_default();
    let widths = Widths::default();
    let mut rows = Vec::new();
    let mut text = String::new();
    if let Some(found) = index.suggestion(&outcome)
        && !json
    {
        // The command line speaks English; the text it quotes is the page's.
        let query = crate::sanitize::for_terminal(query);
        let _ = writeln!(
            text,
            "nothing matches `{query}`; did you mean {found}? Showing those:"
        );
    }
    if let Some(words) = outcome
        .words
        .as_ref()
        .filter(|_| !json && outcome.total() > 0)
    {
        let _ = writeln!(text, "{}", words_line(words));
    }
    for (rank, (hit, ranges)) in outcome.hits.iter().zip(&outcome.marks).enumerate() {
        let positions = char_positions(index.text(hit.entry), ranges);
        let (snip, marks) = snippet(index.text(hit.entry), &positions, SNIPPET, widths);
        if json {
            rows.push(json_row(index, &outcome, rank, &snip, &marks));
            continue;
        }
        let shown: String = snip
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if bold && marks.contains(&i) {
                    format!("\x1b[1m{c}\x1b[22m")
                } else {
                    c.to_string()
                }
            })
            .collect();
        let _ = writeln!(
            text,
            "{}  {}\n    {shown}",
            index.path(hit.entry),
            index.breadcrumb(hit.entry)
        );
    }
    if json && meta {
        let mut whole = serde_json::json!({
            "total": outcome.total(),
            "shown": rows.len(),
            "hits": rows,
        });
        if let Some(words) = &outcome.words {
            whole["words"] = serde_json::json!({
                "looked_for": words.looked_for,
                "dropped": words.dropped,
                "missing": words.missing,
                "by_section": words.sections,
                "said": words.said(),
            });
        }
        text = serde_json::to_string_pretty(&whole).unwrap_or_default();
        text.push('\n');
    } else if json {
        text = serde_json::to_string_pretty(&rows).unwrap_or_default();
        text.push('\n');
    } else if outcome.total() > outcome.hits.len() {
        let _ = writeln!(
            text,
            "({} of {} hits; --limit shows more)",
            outcome.hits.len(),
            outcome.total()
        );
    }
    let miss = match &outcome.words {
        Some(words) if words.looked_for.is_empty() => format!(
            "`{}` holds only words that carry no topic ({}): nothing to look for",
            crate::sanitize::for_terminal(query),
            words.dropped.join(" ")
        ),
        _ => format!("nothing matches `{}`", crate::sanitize::for_terminal(query)),
    };
    Found {
        text,
        any: outcome.total() > 0,
        miss,
    }
}

/// One hit as `search --json` gives it.
fn json_row(
    index: &SearchIndex,
    outcome: &crate::search::Outcome,
    rank: usize,
    snip: &str,
    marks: &[usize],
) -> serde_json::Value {
    let hit = &outcome.hits[rank];
    let mut row = serde_json::json!({
        "rank": rank + 1,
        "path": index.path(hit.entry),
        "breadcrumb": index.breadcrumb(hit.entry),
        "snippet": snip,
        "positions": marks,
    });
    if let Some(corrected) = &outcome.corrected {
        row["corrected"] = serde_json::json!(corrected);
    }
    if let (Some(words), Some(&held)) = (&outcome.words, outcome.hit_words.get(rank)) {
        let held: Vec<&String> = words
            .looked_for
            .iter()
            .enumerate()
            .filter(|&(i, _)| held & (1 << i) != 0)
            .map(|(_, w)| w)
            .collect();
        row["words"] = serde_json::json!(held);
    }
    row
}

/// The words a query of several was cut into, and how the hits hold them.
fn words_line(words: &crate::search::Words) -> String {
    let mut parts = vec![format!("words: {}", words.looked_for.join(" "))];
    if !words.dropped.is_empty() {
        parts.push(format!("left out (no topic): {}", words.dropped.join(" ")));
    }
    if !words.missing.is_empty() {
        parts.push(format!("not in these hits: {}", words.missing.join(" ")));
    }
    if words.sections {
        parts.push("each hit a section holding them".to_owned());
    }
    parts.join(" · ")
}

/// A place as the picker finds it: by id, hanzi, pinyin (`sz`, `suzhou`)
/// or English name (`munich`, `austn`). An exact name wins; several
/// candidates are an error that names them.
///
/// # Errors
/// No place, or more than one, answers to `name`.
pub fn pick_place(lib: Library, name: &str) -> anyhow::Result<crate::content::PlaceId> {
    use crate::content::NameMatch;
    if let Some(p) = lib
        .places
        .iter()
        .position(|p| p.answers_to(name) == Some(NameMatch::Exact))
    {
        return Ok(p);
    }
    let index = SearchIndex::for_places(std::sync::Arc::new(lib));
    let found = index.match_places(name);
    let lib = index.library();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => bail!(
            "no place named `{name}`; the places the lessons are filtered by are {}",
            place_names(lib)
        ),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|&p| format!("{} ({})", lib.places[p].name, lib.places[p].english))
                .collect();
            bail!("`{name}` could be {}; say which", names.join(", "))
        }
    }
}

fn place_names(lib: &Library) -> String {
    lib.places
        .iter()
        .map(|p| format!("{} ({})", p.name, p.english))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The lessons as JSON, in printed order, domestic first: one array,
/// written lesson by lesson.
///
/// # Errors
/// The writer's.
pub fn lessons_json(
    lib: &Library,
    place: Option<crate::content::PlaceId>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let rows = [
        crate::content::Scope::Domestic,
        crate::content::Scope::Foreign,
    ]
    .into_iter()
    .flat_map(|s| lib.lessons(s))
    .filter(|&n| place.is_none_or(|p| crate::compare::names(lib, n, p)))
    .filter_map(|n| {
        let node = lib.node(n);
        let l = node.lesson.as_ref()?;
        Some(serde_json::json!({
            "path": node.path,
            "scope": l.scope.as_str(),
            "ordinal": node.ordinal,
            "theme": l.theme,
            "lead": node.lead(),
            "examples": node.examples().map(|(e, text)| serde_json::json!({
                "place": lib.places[e.place].id,
                "place_name": lib.places[e.place].name,
                "text": text,
            })).collect::<Vec<_>>(),
        }))
    });
    out.write_all(b"[")?;
    let mut any = false;
    for (i, row) in rows.enumerate() {
        let text = serde_json::to_string_pretty(&row).map_err(std::io::Error::other)?;
        let indented: Vec<String> = text.lines().map(|l| format!("  {l}")).collect();
        write!(
            out,
            "{}\n{}",
            if i > 0 { "," } else { "" },
            indented.join("\n")
        )?;
        any = true;
    }
    out.write_all(if any { b"\n]\n" } else { b"]\n" })
}

/// `1 article`, `2 articles`: a count as English says it.
pub(super) fn counted(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// `zhizao search`: the hits on stdout, a miss said on stderr (exit 1).
pub(super) fn search_command(
    cli: &Cli,
    query: &str,
    limit: usize,
    json: bool,
    json_meta: bool,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let chars = query.chars().count();
    if chars > crate::search::MAX_QUERY {
        anyhow::bail!(
            "the query is {chars} characters long; a query is at most {}",
            crate::search::MAX_QUERY
        );
    }
    let (lib, _copy) = cli.library()?;
    let index = SearchIndex::for_one_query(lib);
    let found = search(
        &index,
        query,
        limit,
        json,
        json_meta,
        std::io::stdout().is_terminal(),
    );
    std::io::Write::write_all(&mut out, found.text.as_bytes())?;
    std::io::Write::flush(&mut out).context("writing to standard output")?;
    // A short-lived process: the OS frees the index faster than its destructors.
    std::mem::forget(index);
    if found.any {
        return Ok(ExitCode::SUCCESS);
    }
    // Nothing on stdout for a script; a word on stderr for a person.
    crate::errln!("zhizao: {}", found.miss);
    Ok(ExitCode::from(1))
}

/// `zhizao places`: each place as the place index lists it, with every
/// time the collection names it (the one count rule).
///
/// # Errors
/// The writer's.
pub fn places(lib: &Library, json: bool, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mentions = lib.mentions();
    let rows = lib.places.iter().zip(mentions.named());
    if json {
        let all: Vec<serde_json::Value> = rows
            .map(|(p, n)| {
                serde_json::json!({
                    "name": p.name,
                    "english": p.english,
                    "country": p.country_zh,
                    "mentions": n.times,
                })
            })
            .collect();
        return writeln!(out, "{}", serde_json::Value::from(all));
    }
    for (p, n) in rows {
        let country = if p.country_zh.is_empty() {
            String::new()
        } else {
            format!(" · {}", p.country_zh)
        };
        writeln!(
            out,
            "{}  {}{country}  {}",
            p.name,
            p.english,
            counted(n.times, "mention")
        )?;
    }
    Ok(())
}
