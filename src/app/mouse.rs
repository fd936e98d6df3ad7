//! Clicks and the wheel: where each lands comes from `areas`, as the screen
//! draws it, and becomes the actions a key would give there: the popup on
//! top, the tab bar, else what the view shown says its spot means. Nothing
//! here changes state; `App::update` applies what it returns.

use ratatui::layout::Position;

use super::{App, Overlay};
use crate::action::Action;
use crate::areas;
use crate::views::View;

/// What a click or a wheel tick at its spot means, as actions to apply in
/// turn; anything else is itself.
#[must_use]
pub fn actions(app: &App, action: Action) -> Vec<Action> {
    match action {
        Action::Click(x, y) => click(app, Position::new(x, y)),
        Action::WheelDown(x, y) => wheel(app, Position::new(x, y), 3),
        Action::WheelUp(x, y) => wheel(app, Position::new(x, y), -3),
        Action::Drag(x, y) if matches!(app.overlay, Overlay::None) => app
            .views
            .get(app.view)
            .drag(Position::new(x, y), &app.ctx()),
        Action::Drag(..) => Vec::new(),
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
    match &app.overlay {
        Overlay::Help(_) => vec![Action::Close],
        // A click never throws away a note being written.
        Overlay::Editor(_) => Vec::new(),
        Overlay::Picker(picker) => {
            let popup = areas::picker(width, height, app.lib.places.len());
            let on = popup
                .place_at(pos.x, pos.y)
                .filter(|&i| i < picker.places.len())
                .map(Action::PickPlaceAt);
            inside(popup.popup.contains(pos), on)
        }
        Overlay::Search => {
            let popup = areas::search(width, height);
            let on = popup
                .result_at(pos.y)
                .map(|row| app.search.top(popup.per_page) + row)
                .filter(|&i| i < app.search.rows())
                .map(Action::OpenResultAt);
            inside(popup.popup.contains(pos), on)
        }
        Overlay::Bookmarks(list) => {
            let popup = areas::bookmarks(width, height, app.bookmarks.marks.len());
            let inner = areas::inner(popup);
            let on = inner.contains(pos).then(|| {
                let page = usize::from(inner.height / areas::BOOKMARK_ROWS).max(1);
                let top = list.selected.saturating_sub(page - 1);
                Action::OpenBookmarkAt(top + usize::from((pos.y - inner.y) / areas::BOOKMARK_ROWS))
            });
            inside(popup.contains(pos), on)
        }
        Overlay::None => {
            let cx = app.ctx();
            if cx.areas.tabs.contains(pos) {
                let tab = app
                    .keys
                    .tabs(&View::labels(), app.widths)
                    .iter()
                    .position(|&(tx, w)| (tx..tx + w).contains(&pos.x));
                return tab
                    .and_then(|i| View::all().nth(i))
                    .map(View::show)
                    .into_iter()
                    .collect();
            }
            app.views.get(app.view).click(pos, &cx)
        }
    }
}

fn wheel(app: &App, pos: Position, delta: isize) -> Vec<Action> {
    match app.overlay {
        Overlay::None => app.views.get(app.view).wheel(pos, delta, &app.ctx()),
        _ => Vec::new(),
    }
}
