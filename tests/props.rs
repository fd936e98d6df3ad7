//! Any size and any sequence of input: no panic, everything stays in bounds.

mod common;

use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use zhizao::action::Action;
use zhizao::keys::action_for_event;

/// Keys a user might press, through the real key table.
fn key() -> impl Strategy<Value = Event> {
    let chars = "jkhlgG[]bt? q/".chars().collect::<Vec<_>>();
    prop_oneof![
        proptest::sample::select(chars)
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        proptest::sample::select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Esc,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Home,
            KeyCode::End,
        ])
        .prop_map(|c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE))),
        proptest::sample::select(vec!['d', 'u'])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
    ]
}

fn input() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => key(),
        1 => (0u16..300, 0u16..100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (0u16..120, 0u16..40, 0u8..3).prop_map(|(x, y, kind)| {
            use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
            let kind = match kind {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE })
        }),
    ]
}

fn assert_in_bounds(app: &zhizao::app::App) {
    assert!(
        app.reader.scroll <= app.reader.max_scroll(),
        "scroll {} past {}",
        app.reader.scroll,
        app.reader.max_scroll()
    );
    let rows = app.tree.rows();
    let at = rows.iter().position(|&n| n == app.tree.selected);
    assert!(at.is_some(), "the selection has a row");
    assert!(app.tree.offset < rows.len());
    assert!(app.reader.article < app.lib.articles.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_size_renders_without_panic(w in 0u16..=300, h in 0u16..=100) {
        let app = common::app(w, h);
        common::draw(&app);
        assert_in_bounds(&app);
    }

    #[test]
    fn any_input_keeps_state_in_bounds(w in 0u16..=300, h in 0u16..=100, events in proptest::collection::vec(input(), 0..40)) {
        let mut app = common::app(w, h);
        for ev in &events {
            if let Some(action) = action_for_event(&app.modes(), ev) {
                app.update(action);
            }
            assert_in_bounds(&app);
        }
        common::draw(&app);
        app.update(Action::Resize(w, h));
        common::draw(&app);
    }
}

proptest! {
    #[test]
    fn lesson_i_starts_on_the_same_row_on_both_sides(width in 8usize..300) {
        let lib = zhizao::content::Library::bundled().unwrap();
        let w = zhizao::wrap::Widths::default();
        let table = zhizao::compare::Table::side_by_side(&lib, width, w);
        prop_assert_eq!(table.columns[0].len(), table.columns[1].len());
        prop_assert_eq!(table.starts.len(), 5);
        for (i, &row) in table.starts.iter().enumerate() {
            let (d, f) = table.pairs[i];
            for (side, lesson) in [(0, d), (1, f)] {
                let line = &table.columns[side][row];
                prop_assert_eq!(line.kind, zhizao::compare::Kind::Lesson);
                prop_assert_eq!(line.lesson, lesson);
            }
        }
        for col in &table.columns {
            for line in col {
                prop_assert!(w.str(&line.text) <= width.max(2), "{} wider than {}", line.text, width);
            }
        }
        let stacked = zhizao::compare::Table::stacked(&lib, width, w);
        for (i, &row) in stacked.starts.iter().enumerate() {
            prop_assert_eq!(stacked.columns[0][row].lesson, stacked.pairs[i].0);
        }
    }
}
