//! Every style the views use, in two themes: colour, and `NO_COLOR`, where
//! structure shows through bold, reverse and underline alone.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub deck: Style,
    pub byline: Style,
    pub derived: Style,
    pub note_label: Style,
    pub quote: Style,
    pub heading: [Style; 3],
    pub body: Style,
    pub footnote: Style,
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub reading: Style,
    pub muted: Style,
    pub status: Style,
    pub status_key: Style,
    pub key: Style,
    pub notice: Style,
    /// A search hit, and the one `n`/`N` is on.
    pub hit: Style,
    pub hit_current: Style,
    /// A place's name in the comparison.
    pub place: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

pub const COLOR: Theme = Theme {
    title: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
    deck: fg(Color::Yellow),
    byline: fg(Color::Gray),
    derived: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    note_label: fg(Color::LightCyan).add_modifier(Modifier::BOLD),
    quote: fg(Color::Cyan),
    heading: [
        fg(Color::LightYellow).add_modifier(Modifier::BOLD),
        fg(Color::LightGreen).add_modifier(Modifier::BOLD),
        fg(Color::LightBlue).add_modifier(Modifier::BOLD),
    ],
    body: Style::new(),
    footnote: fg(Color::Gray),
    border: fg(Color::DarkGray),
    border_focused: fg(Color::LightBlue),
    pane_title: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().fg(Color::Black).bg(Color::LightBlue),
    selected_unfocused: Style::new().bg(Color::DarkGray),
    reading: fg(Color::LightYellow),
    muted: fg(Color::DarkGray),
    status: Style::new().fg(Color::White).bg(Color::Indexed(236)),
    status_key: Style::new()
        .fg(Color::LightYellow)
        .bg(Color::Indexed(236))
        .add_modifier(Modifier::BOLD),
    key: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
    notice: fg(Color::LightRed).add_modifier(Modifier::BOLD),
    hit: Style::new().fg(Color::Black).bg(Color::Yellow),
    hit_current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    place: fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
};

const PLAIN: Style = Style::new();
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

pub const MONO: Theme = Theme {
    title: BOLD,
    deck: PLAIN,
    byline: PLAIN,
    derived: Style::new().add_modifier(Modifier::ITALIC),
    note_label: BOLD,
    quote: PLAIN,
    heading: [BOLD.add_modifier(Modifier::UNDERLINED), BOLD, BOLD],
    body: PLAIN,
    footnote: PLAIN,
    border: PLAIN,
    border_focused: BOLD,
    pane_title: BOLD,
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    reading: BOLD,
    muted: Style::new().add_modifier(Modifier::DIM),
    status: Style::new().add_modifier(Modifier::REVERSED),
    status_key: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    key: BOLD,
    notice: BOLD,
    hit: BOLD.add_modifier(Modifier::UNDERLINED),
    hit_current: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    place: BOLD,
};

/// The theme for this environment: `NO_COLOR` set and non-empty means none.
#[must_use]
pub fn from_env() -> &'static Theme {
    match std::env::var_os("NO_COLOR") {
        Some(v) if !v.is_empty() => &MONO,
        _ => &COLOR,
    }
}
