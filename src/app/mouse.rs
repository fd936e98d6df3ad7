//! Clicks and the wheel: where each lands comes from `areas`, as the views
//! draw it, and becomes the actions a key would give there. Nothing here
//! changes state; `App::update` applies what it returns.

use ratatui::layout::Position;

use super::{App, Overlay};
use crate::action::{Action, Pane};
use crate::areas;
use crate::view::View;

/// What a click or a wheel tick at its spot means, as actions to apply in
/// turn; anything else is itself.
#[must_use]
pub fn actions(app: &App, action: Action) -> Vec<Action> {
    match action {
        Action::Click(x, y) => click(app, Position::new(x, y)),
        Action::WheelDown(x, y) => wheel(app, Position::new(x, y), 3),
        Action::WheelUp(x, y) => wheel(app, Position::new(x, y), -3),
        Action::Drag(x, y) => text_at(app, Position::new(x, y))
            .map(|(a, byte)| Action::DragTo(a, byte))
            .into_iter()
            .collect(),
        other => vec![other],
    }
}

fn click(app: &App, pos: Position) -> Vec<Action> {
    let (width, height) = app.size;
    let inside = |hit: bool, on: Option<Action>| match (hit, on) {
        (false, _) => vec![Action::Close],
        (true, Some(action)) => vec![action],
        (true, None) => Vec::new(),
    };
    match app.overlay {
        Overlay::Help => vec![Action::Close],
        // A click never throws away a note being written.
        Overlay::Editor => Vec::new(),
        Overlay::Picker => {
            let picker = areas::picker(width, height, app.lib.places.len());
            let on = picker
                .place_at(pos.x, pos.y)
                .filter(|&i| i < app.picker.places.len())
                .map(Action::PickPlaceAt);
            inside(picker.popup.contains(pos), on)
        }
        Overlay::Search => {
            let popup = areas::search(width, height);
            let on = popup
                .result_at(pos.y)
                .map(|row| app.search.top(popup.per_page) + row)
                .filter(|&i| {
                    app.search
                        .outcome
                        .as_ref()
                        .is_some_and(|o| i < app.search.notes.len() + o.hits.len())
                })
                .map(Action::OpenResultAt);
            inside(popup.popup.contains(pos), on)
        }
        Overlay::Bookmarks => {
            let popup = areas::bookmarks(width, height, app.bookmarks.marks.len());
            let inner = areas::inner(popup);
            let on = inner.contains(pos).then(|| {
                let page = usize::from(inner.height / areas::BOOKMARK_ROWS).max(1);
                let top = app.bookmarks.selected.saturating_sub(page - 1);
                Action::OpenBookmarkAt(top + usize::from((pos.y - inner.y) / areas::BOOKMARK_ROWS))
            });
            inside(popup.contains(pos), on)
        }
        Overlay::None => click_view(app, pos),
    }
}

fn click_view(app: &App, pos: Position) -> Vec<Action> {
    let areas = app.areas();
    if areas.tabs.contains(pos) {
        let tab = app
            .keys
            .tabs(app.widths)
            .iter()
            .position(|&(tx, w)| (tx..tx + w).contains(&pos.x));
        return tab
            .and_then(|i| View::all().nth(i))
            .map(Action::Show)
            .into_iter()
            .collect();
    }
    match app.view {
        View::Compare => areas::compare_panes(areas.main)
            .iter()
            .position(|p| p.contains(pos))
            .map(|side| Action::Focus(Pane::Side(side)))
            .into_iter()
            .collect(),
        View::Places | View::Notes => Vec::new(),
        View::Reader => {
            if let (Some(tree), Some(inner)) = (areas.tree, areas.tree_inner())
                && tree.contains(pos)
            {
                let mut out = vec![Action::Focus(Pane::Tree)];
                if inner.contains(pos) {
                    let row = usize::from(pos.y - inner.y) + app.reading.tree.offset;
                    out.extend(
                        app.reading
                            .tree
                            .rows()
                            .get(row)
                            .map(|&node| Action::Select(node)),
                    );
                }
                out
            } else if areas.reader.contains(pos) {
                let mut out = vec![Action::Focus(Pane::Reader)];
                out.extend(text_at(app, pos).map(|(a, byte)| Action::PressAt(a, byte)));
                out
            } else {
                Vec::new()
            }
        }
    }
}

fn wheel(app: &App, pos: Position, delta: isize) -> Vec<Action> {
    let areas = app.areas();
    let pane = match app.view {
        View::Compare => areas::compare_panes(areas.main)
            .iter()
            .position(|p| p.contains(pos))
            .map(Pane::Side),
        View::Places => Some(Pane::Places),
        View::Notes => None,
        View::Reader => {
            if areas.tree.is_some_and(|t| t.contains(pos)) {
                Some(Pane::Tree)
            } else {
                areas.reader.contains(pos).then_some(Pane::Reader)
            }
        }
    };
    pane.map(|p| Action::Wheel(p, delta)).into_iter().collect()
}

/// The character of the reader's text under the pointer: its paragraph
/// and byte, a wide character's either half giving the whole of it. None
/// off the text, or on text that is not a paragraph.
fn text_at(app: &App, pos: Position) -> Option<(crate::content::Anchor, usize)> {
    if app.view != View::Reader || app.overlay != Overlay::None {
        return None;
    }
    let inner = app.areas().reader_inner();
    if !inner.contains(pos) {
        return None;
    }
    let reader = &app.reading.reader;
    let doc = reader.doc();
    let line = doc
        .lines
        .get(reader.scroll + usize::from(pos.y - inner.y))?;
    let anchor = line.anchor?;
    if !matches!(anchor.field, crate::content::Field::Paragraph(_)) {
        return None;
    }
    // As the reader draws it: the measure centred, the prefix first.
    let measure = u16::try_from(doc.width)
        .unwrap_or(u16::MAX)
        .min(inner.width);
    let left = inner.x + (inner.width - measure) / 2;
    let col = usize::from(pos.x.checked_sub(left)?);
    let body = &line.text[line.prefix.len()..];
    let mut at = app.widths.str(line.prefix);
    for (i, c) in body.char_indices() {
        let w = app.widths.char(c);
        if col < at + w {
            return Some((anchor, line.range.start + i));
        }
        at += w;
    }
    // Past the line's end: its last character.
    body.char_indices()
        .last()
        .map(|(i, _)| (anchor, line.range.start + i))
}
