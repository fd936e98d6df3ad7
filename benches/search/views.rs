//! The views' rows of the search bench: a loading collection's arrival,
//! the comparison's first frame, and Enter on a place's search result.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use zhizao::search::SearchIndex;

use super::{Row, draw, first_look};

/// The UI thread's share when the whole of a loading collection arrives:
/// the reader takes it in and draws. Then the comparison's first frame,
/// which lays out every lesson of the collection.
pub(crate) fn arrival(name: &str, dir: Option<&Path>, ix: &Arc<SearchIndex>, rows: &mut Vec<Row>) {
    let (mut adopts, mut compares) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let mut app = first_look(dir);
        let start = Instant::now();
        app.update(zhizao::action::Action::Adopt(Arc::clone(ix), None));
        draw(&app);
        adopts.push(start.elapsed());
        let start = Instant::now();
        app.update(zhizao::views::View::Compare.show());
        draw(&app);
        compares.push(start.elapsed());
    }
    for (what, times, target) in [
        (
            "the whole arrives: taken in and drawn",
            adopts,
            "one frame (16 ms)",
        ),
        ("the comparison's first frame", compares, "—"),
    ] {
        rows.push(Row::timed(format!("{name}: {what}"), times, target));
    }
}

/// Enter on a place's row of the search results (`austin`, then the
/// `地点 ›` row): the reader opens at its first mention with every mention
/// of that article marked, and draws.
pub(crate) fn place_result(name: &str, ix: &Arc<SearchIndex>, rows: &mut Vec<Row>) {
    use zhizao::action::Action;
    let mut times = Vec::new();
    for _ in 0..5 {
        let mut app = zhizao::app::App::with_index(Arc::clone(ix), zhizao::wrap::Widths::default());
        app.update(Action::OpenSearch);
        for c in "austin".chars() {
            app.update(Action::Insert(c));
        }
        let outcome = ix
            .search("austin", zhizao::app::search::RESULTS, None, None)
            .expect("not cancelled");
        let row = outcome
            .hits
            .iter()
            .position(|h| matches!(ix.target(h.entry), zhizao::search::Target::Place(_)))
            .expect("a place row");
        app.update(Action::SearchDone(app.search.serial, Arc::new(outcome)));
        let start = Instant::now();
        app.update(Action::OpenResultAt(row));
        draw(&app);
        times.push(start.elapsed());
        assert!(
            !app.views.reading.reader.hits.is_empty(),
            "the mentions are marked"
        );
    }
    rows.push(Row::timed(
        format!("{name}: Enter on a place's search result, drawn"),
        times,
        "≤ 50 ms",
    ));
}
