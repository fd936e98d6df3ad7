//! The status bar: where you are, how far through, and the keys that
//! matter here, as the key table's hint column offers them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::action::Action;
use crate::content::Loading;
use crate::keys::Mode;
use crate::paint::text::{fill, put, thousands, truncate, truncate_start};
use crate::views::{DrawCx, ViewState};

/// What the bar says besides the view's own crumb.
pub struct Bar<'a> {
    /// A message (or a warning), which takes the hints' room.
    pub notice: Option<&'a str>,
    pub loading: Option<&'a Loading>,
    /// The key modes in force, first the one on top.
    pub modes: &'a [Mode],
    /// Whether a key's hint means anything now (the popup's or the view's say).
    pub offers: &'a dyn Fn(&Action) -> bool,
}

/// A key the bar offers: its keys, its words, and how much it matters
/// (a narrow bar drops the least first).
struct Hint {
    keys: String,
    what: &'static str,
    rank: usize,
}

/// The keys the bar offers: those of the mode on top, then the global
/// ones, then help, each only where the view says it means something now.
/// Help matters most, then the global keys, then the mode's, each list's
/// first before its last.
fn hints(cx: &DrawCx, modes: &[Mode], offered: &dyn Fn(&Action) -> bool) -> Vec<Hint> {
    let top = modes.first().copied().unwrap_or(Mode::Global);
    let mut own: Vec<(String, &'static str)> = Vec::new();
    if top != Mode::Global {
        own.extend(
            cx.keys
                .hinted(top)
                .into_iter()
                .filter(|(a, _, _)| offered(a))
                .map(|(_, keys, hint)| (keys, hint)),
        );
    }
    let (mut global, mut help) = (Vec::new(), None);
    if modes.contains(&Mode::Global) {
        for (action, keys, hint) in cx.keys.hinted(Mode::Global) {
            // A global key the mode on top takes for its own (`/` to
            // filter the notes) is offered once, as the mode's.
            let shadowed = own
                .iter()
                .any(|(k, _)| k.split('/').any(|k| keys.split('/').any(|g| g == k)));
            if matches!(action, Action::ToggleHelp) {
                help = Some((keys, hint));
            } else if offered(&action) && !shadowed {
                global.push((keys, hint));
            }
        }
    }
    let ranked = help.iter().chain(&global).chain(&own).cloned();
    let mut out: Vec<Hint> = ranked
        .enumerate()
        .map(|(rank, (keys, what))| Hint { keys, what, rank })
        .collect();
    // Shown in the mode's, the global, help's order.
    let first_own = usize::from(help.is_some()) + global.len();
    let shown = |h: &Hint| match h.rank {
        0 if help.is_some() => 2,
        rank if rank < first_own => 1,
        _ => 0,
    };
    out.sort_by_key(|h| (shown(h), h.rank));
    out
}

pub fn render(view: &dyn ViewState, cx: &DrawCx, bar: &Bar, area: Rect, buf: &mut Buffer) {
    let theme = cx.theme;
    fill(buf, area, theme.status);
    let w = cx.widths;
    let crumb = view.crumb(cx);
    // What every view shows is of the part loaded so far: say so.
    let mut right: Vec<(String, bool)> = loading(bar.loading).into_iter().collect();
    right.extend(crumb.counts);
    // A message takes the room the hints would: it is what the bar is for
    // now. Else where the reader is keeps a third of the bar, if it needs it.
    let third = (usize::from(area.width) / 3).max(12);
    let wanted = bar
        .notice
        .map_or((w.str(&crumb.text) + 3).min(third), |m| w.str(m) + 3);
    let crumb = bar.notice.map_or(crumb.text, str::to_owned);
    let mut hints = hints(cx, bar.modes, bar.offers);
    let total = |r: &[(String, bool)]| r.iter().map(|(s, _)| w.str(s)).sum::<usize>();
    let hint_width = |h: &Hint| 2 + w.str(&h.keys) + 1 + w.str(h.what);
    // Drop the hints that matter least until the bar fits; a hint is shown
    // whole or not at all: never `? 帮`.
    let fixed = total(&right);
    let width = usize::from(area.width);
    while !hints.is_empty() && fixed + hints.iter().map(hint_width).sum::<usize>() + wanted > width
    {
        let least = hints
            .iter()
            .enumerate()
            .max_by_key(|(_, h)| h.rank)
            .map_or(0, |(i, _)| i);
        hints.remove(least);
    }
    if fixed + hints.iter().map(hint_width).sum::<usize>() + 2 > width {
        hints.clear();
    }
    for hint in hints {
        right.push(("  ".into(), false));
        right.push((hint.keys, true));
        right.push((format!(" {}", hint.what), false));
    }
    let right_w = total(&right);
    let room = usize::from(area.width).saturating_sub(right_w + 3);
    // A message is cut at its end; where the reader is, at its start.
    let crumb = if bar.notice.is_some() {
        truncate(&crumb, room, w)
    } else {
        truncate_start(&crumb, room, w)
    };
    put(
        buf,
        area.x + 1,
        area.y,
        u16::try_from(room).unwrap_or(0),
        &[(&crumb, theme.status)],
        w,
    );
    let x = area
        .right()
        .saturating_sub(u16::try_from(right_w + 1).unwrap_or(0));
    let runs: Vec<(&str, ratatui::style::Style)> = right
        .iter()
        .map(|(s, k)| (s.as_str(), if *k { theme.status_key } else { theme.status }))
        .collect();
    put(
        buf,
        x,
        area.y,
        u16::try_from(right_w).unwrap_or(0),
        &runs,
        w,
    );
}

/// How far a big collection has loaded, while it loads: the files read,
/// then the index of them all being built.
fn loading(loading: Option<&Loading>) -> Option<(String, bool)> {
    let loading = loading?;
    let text = if loading.built() >= loading.files {
        format!("索引 {} 篇…  ", thousands(loading.files))
    } else {
        format!(
            "载入 {} / {} 篇  ",
            thousands(loading.built()),
            thousands(loading.files)
        )
    };
    Some((text, false))
}
