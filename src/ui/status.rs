//! The status bar: where you are, how far through, and the keys that matter,
//! named from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{fill, put, thousands, truncate};
use super::theme::Theme;
use crate::action::Action as A;
use crate::app::{App, View};
use crate::keys::Mode as M;

/// The keys the bar offers in a view, with what they do.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let key = |mode: M, action: &A| app.keys.first_key(mode, action);
    let pair = |mode: M, a: &A, b: &A, sep: &str| format!("{}{sep}{}", key(mode, a), key(mode, b));
    // Each hint with the action it names, so what is offered can be judged
    // by the action, not by its words.
    // While a note is written, every other key types: only the editor's own.
    if app.overlay == crate::app::Overlay::Editor {
        return vec![
            (key(M::Editor, &A::SaveNote), "保存"),
            (key(M::Editor, &A::Close), "取消"),
        ];
    }
    // So too while the notes view's filter is typed.
    if app.mode() == M::NotesFilter {
        return vec![
            (key(M::NotesFilter, &A::OpenResult), "筛选完毕"),
            (key(M::NotesFilter, &A::Close), "清除"),
        ];
    }
    let mut out: Vec<(A, String, &'static str)> = match app.view {
        View::Reader if app.selection.is_some() => vec![
            (
                A::GrowSentence,
                pair(M::Select, &A::GrowSentence, &A::ShrinkSentence, "/"),
                "多／少一句",
            ),
            (A::Annotate, key(M::Select, &A::Annotate), "写笔记"),
            (A::Highlight, key(M::Select, &A::Highlight), "划线"),
            (A::Close, key(M::Select, &A::Close), "取消"),
        ],
        // Narrow, the tree floats over the text: say how to open it.
        View::Reader if app.areas().tree_floats => vec![
            (A::ToggleTree, key(M::Global, &A::ToggleTree), "目录"),
            (A::OpenSearch, key(M::Global, &A::OpenSearch), "搜索"),
        ],
        View::Reader => vec![
            (A::FocusNext, key(M::Global, &A::FocusNext), "切换"),
            (A::OpenSearch, key(M::Global, &A::OpenSearch), "搜索"),
            (
                A::NextPart,
                pair(M::Reader, &A::PrevPart, &A::NextPart, " "),
                "跳节",
            ),
        ],
        View::Compare => vec![
            (
                A::DomesticSide,
                pair(M::Compare, &A::DomesticSide, &A::ForeignSide, "/"),
                "国内／国外",
            ),
            (A::OpenPlaces, key(M::Compare, &A::OpenPlaces), "地点"),
            (A::ToggleSync, key(M::Compare, &A::ToggleSync), "同步"),
        ],
        View::Places => vec![
            (
                A::MentionDown,
                pair(M::Places, &A::MentionDown, &A::MentionUp, "/"),
                "选择",
            ),
            (A::OpenLesson, key(M::Places, &A::OpenLesson), "打开"),
            (A::OpenPlaces, key(M::Places, &A::OpenPlaces), "地点"),
        ],
        View::Notes => vec![
            (
                A::ResultDown,
                pair(M::Notes, &A::ResultDown, &A::ResultUp, "/"),
                "选择",
            ),
            (A::OpenResult, key(M::Notes, &A::OpenResult), "跳到原文"),
            (A::EditNote, key(M::Notes, &A::EditNote), "改"),
            (A::DeleteNote, key(M::Notes, &A::DeleteNote), "删"),
        ],
    };
    out.retain(|(action, _, _)| match action {
        // Stacked, both sides scroll as one: sync means nothing there.
        A::ToggleSync => !app.compare.stacked(),
        // No places in the collection: `p` has nothing to offer.
        A::OpenPlaces => !app.lib.places.is_empty(),
        _ => true,
    });
    out.push((A::ToggleHelp, key(M::Global, &A::ToggleHelp), "帮助"));
    out.into_iter()
        .map(|(_, keys, what)| (keys, what))
        .collect()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    fill(buf, area, theme.status);
    let w = app.widths;
    let mut right: Vec<(String, bool)> = Vec::new();
    let crumb = crumb(app, &mut right);
    if app.view != View::Reader {
        // What the comparison and the place index show is of the part
        // loaded so far: say so.
        right.extend(loading(app));
    }
    let message = app.notice.clone().or_else(|| app.warning.clone());
    // A message takes the room the hints would: it is what the bar is for now.
    let wanted = message.as_deref().map_or(12, |m| w.str(m) + 3);
    let crumb = message.unwrap_or(crumb);
    let hints = hints(app);
    let hint_count = hints.len();
    for (key, what) in hints {
        right.push(("  ".into(), false));
        right.push((key, true));
        right.push((format!(" {what}"), false));
    }
    // Drop hints from the left end of the list until the bar fits, keeping the last.
    let total = |r: &[(String, bool)]| r.iter().map(|(s, _)| w.str(s)).sum::<usize>();
    let fixed = right.len() - hint_count * 3;
    while total(&right) + wanted > usize::from(area.width) && right.len() > fixed + 3 {
        right.drain(fixed..fixed + 3);
    }
    // A hint is shown whole or not at all: never `? 帮`.
    if total(&right) + 2 > usize::from(area.width) && right.len() > fixed {
        right.truncate(fixed);
    }
    let right_w = total(&right);
    let room = usize::from(area.width).saturating_sub(right_w + 3);
    let crumb = truncate(&crumb, room, w);
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

/// Where the reader is (or what the view holds), with the counts it puts
/// at the right.
fn crumb(app: &App, right: &mut Vec<(String, bool)>) -> String {
    match app.view {
        View::Reader if app.selection.is_some() => {
            let chars = app
                .selection
                .as_ref()
                .map_or(0, |s| s.words().chars().count());
            format!("已选 {chars} 字")
        }
        View::Notes => {
            let (shown, all) = (app.notes.shown.len(), app.notes.ordered.len());
            if shown == all {
                format!("{} 条笔记", thousands(all))
            } else {
                format!("{} / {} 条笔记", thousands(shown), thousands(all))
            }
        }
        View::Reader => {
            let reader = &app.reading.reader;
            if !reader.hits.is_empty() {
                right.push((
                    format!(
                        "{}/{}",
                        app.keys.first_key(M::Reader, &A::NextHit),
                        app.keys.first_key(M::Reader, &A::PrevHit)
                    ),
                    true,
                ));
                right.push((
                    // Matches in this article (处), where the popup
                    // counts matching texts in the collection (条).
                    format!(" 第 {}/{} 处  ", reader.hit + 1, reader.hits.len()),
                    false,
                ));
            }
            right.extend(loading(app));
            let articles = app.lib.articles.len();
            if articles > 1 {
                right.push((
                    format!(
                        "第 {}/{} 篇 · ",
                        thousands(reader.article + 1),
                        thousands(articles)
                    ),
                    false,
                ));
            }
            right.push((format!("{}%", reader.percent()), false));
            app.lib.breadcrumb(reader.reading())
        }
        View::Compare => match app.compare.place {
            Some(p) => {
                let (lessons, times) = app.compare.counts;
                format!(
                    "{} · {} 条启示 · {} 处提及 · {} 清除",
                    app.lib.places[p].name,
                    thousands(lessons),
                    thousands(times),
                    app.keys.first_key(M::Compare, &A::ClearPlace)
                )
            }
            None => app.compare.heading.clone(),
        },
        View::Places if app.places.waiting() => {
            format!("{} 个地点 · 正在查找提及…", app.lib.places.len())
        }
        View::Places => format!(
            "{} 个地点 · {} 段提及",
            app.lib.places.len(),
            thousands(app.places.mentions().len())
        ),
    }
}

/// How far a big collection has loaded, while it loads: the files read,
/// then the index of them all being built.
fn loading(app: &App) -> Option<(String, bool)> {
    let loading = app.loading.as_ref()?;
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
