//! The whole screen: the tab bar, the view shown (which draws itself from
//! a narrow context, `views::DrawCx`), the status bar and the popup on top.
//! One file per part; none reads the app beyond what `Screen` hands it, and
//! none changes state.

mod bookmarks;
mod editor;
mod help;
mod picker;
mod search;
mod status;
mod tabs;
mod too_small;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, Overlay};
use crate::paint::Theme;
pub use crate::paint::{pane, theme};
use crate::views::DrawCx;

/// The whole screen: the app's state drawn in a theme.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Screen { app, theme } = self;
        let cx = app.ctx();
        if cx.areas.too_small {
            too_small::render(theme, area, buf, app.widths);
            return;
        }
        let cx = DrawCx { cx: &cx, theme };
        tabs::render(app.view, &cx, cx.areas.tabs, buf);
        let view = app.views.get(app.view);
        view.draw(&cx, cx.areas.main, buf);
        let offers = |a: &crate::action::Action| app.offers(a);
        let bar = status::Bar {
            notice: app.notice.as_deref().or(app.warning.as_deref()),
            loading: app.loading.as_ref(),
            modes: &app.modes(),
            offers: &offers,
        };
        status::render(view, &cx, &bar, cx.areas.status, buf);
        match &app.overlay {
            Overlay::Search => search::render(&app.search, &cx, app.loading.as_ref(), buf),
            Overlay::Picker(picker) => picker::render(picker, &cx, buf),
            Overlay::Help(help) => help::render(help, &cx, buf),
            Overlay::Bookmarks(list) => bookmarks::render(list, &cx, buf),
            Overlay::Editor(editor) => editor::render(editor, &cx, buf),
            Overlay::None => {}
        }
    }
}

impl Screen<'_> {
    /// Where the terminal cursor goes: at the caret of the text line being
    /// edited, so an input method's candidate window follows it.
    #[must_use]
    pub fn cursor(&self) -> Option<(u16, u16)> {
        let app = self.app;
        let cx = app.ctx();
        if cx.areas.too_small {
            return None;
        }
        let (w, h) = app.size;
        match &app.overlay {
            Overlay::Picker(picker) => {
                let field = crate::areas::picker(w, h, app.lib.places.len()).field;
                picker.line.cursor(field, app.widths)
            }
            Overlay::Search => app
                .search
                .line
                .cursor(crate::areas::search(w, h).field, app.widths),
            Overlay::Editor(editor) => editor::cursor(editor, &cx),
            Overlay::None => app.views.get(app.view).cursor(&cx, cx.areas.main),
            _ => None,
        }
    }
}
