//! Every style the views use, in three themes: dark and light, in the 16
//! ANSI colours every terminal has (so they read the same on 16-colour and
//! true-colour terminals), and `NO_COLOR`, where structure shows through
//! bold, reverse and underline alone.

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
    /// Highlighted passages, by kind (the kind's place in the settings'
    /// list, round again after three), and a selection being made.
    pub marked: [Style; 3],
    pub selection: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

/// For dark backgrounds.
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
    status: Style::new().fg(Color::White).bg(Color::DarkGray),
    status_key: Style::new()
        .fg(Color::LightYellow)
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
    notice: fg(Color::LightRed).add_modifier(Modifier::BOLD),
    hit: Style::new().fg(Color::Black).bg(Color::Yellow),
    hit_current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    place: fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
    marked: [
        fg(Color::LightYellow).add_modifier(Modifier::UNDERLINED),
        fg(Color::LightCyan).add_modifier(Modifier::UNDERLINED),
        fg(Color::LightGreen).add_modifier(Modifier::UNDERLINED),
    ],
    selection: Style::new().fg(Color::Black).bg(Color::LightCyan),
};

/// For light backgrounds: dark inks, no yellow text.
pub const LIGHT: Theme = Theme {
    title: fg(Color::Red).add_modifier(Modifier::BOLD),
    deck: fg(Color::Magenta),
    byline: fg(Color::DarkGray),
    derived: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    note_label: fg(Color::Blue).add_modifier(Modifier::BOLD),
    quote: fg(Color::Blue),
    heading: [
        fg(Color::Red).add_modifier(Modifier::BOLD),
        fg(Color::Green).add_modifier(Modifier::BOLD),
        fg(Color::Blue).add_modifier(Modifier::BOLD),
    ],
    body: Style::new(),
    footnote: fg(Color::DarkGray),
    border: fg(Color::Gray),
    border_focused: fg(Color::Blue),
    pane_title: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().fg(Color::White).bg(Color::Blue),
    selected_unfocused: Style::new().bg(Color::Gray),
    reading: fg(Color::Red),
    muted: fg(Color::DarkGray),
    status: Style::new().fg(Color::Black).bg(Color::Gray),
    status_key: Style::new()
        .fg(Color::Blue)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::Blue).add_modifier(Modifier::BOLD),
    notice: fg(Color::Red).add_modifier(Modifier::BOLD),
    hit: Style::new().fg(Color::Black).bg(Color::LightYellow),
    hit_current: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    place: fg(Color::Magenta).add_modifier(Modifier::BOLD),
    marked: [
        fg(Color::Red).add_modifier(Modifier::UNDERLINED),
        fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
        fg(Color::Green).add_modifier(Modifier::UNDERLINED),
    ],
    selection: Style::new().fg(Color::White).bg(Color::Cyan),
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
    // Without colour the margin's kind mark tells the kinds apart.
    marked: [Style::new().add_modifier(Modifier::UNDERLINED); 3],
    selection: Style::new().add_modifier(Modifier::REVERSED),
};

/// The theme chosen (`dark` or `light`), unless `NO_COLOR` is set and
/// non-empty: then none.
#[must_use]
pub fn chosen(light: bool) -> &'static Theme {
    match std::env::var_os("NO_COLOR") {
        Some(v) if !v.is_empty() => &MONO,
        _ if light => &LIGHT,
        _ => &COLOR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Colours a 16-colour terminal has: no palette index, no RGB.
    fn basic(style: Style) -> bool {
        [style.fg, style.bg]
            .into_iter()
            .flatten()
            .all(|c| !matches!(c, Color::Indexed(_) | Color::Rgb(..)))
    }

    #[test]
    fn the_themes_use_only_the_sixteen_colours() {
        for theme in [&COLOR, &LIGHT, &MONO] {
            let styles = [
                theme.title,
                theme.deck,
                theme.byline,
                theme.derived,
                theme.note_label,
                theme.quote,
                theme.heading[0],
                theme.heading[1],
                theme.heading[2],
                theme.body,
                theme.footnote,
                theme.border,
                theme.border_focused,
                theme.pane_title,
                theme.selected,
                theme.selected_unfocused,
                theme.reading,
                theme.muted,
                theme.status,
                theme.status_key,
                theme.key,
                theme.notice,
                theme.hit,
                theme.hit_current,
                theme.place,
                theme.marked[0],
                theme.marked[1],
                theme.marked[2],
                theme.selection,
            ];
            assert!(styles.into_iter().all(basic));
        }
    }
}
