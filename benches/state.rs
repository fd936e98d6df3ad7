//! `cargo bench --bench state`: the state file at its worst sizes, as an
//! attack or years of use leave it: 100,000 bookmarks (and 10,000
//! tombstones), 100,000 saved searches, 20,000 open tree paths. Load and
//! save must each stay under 200 ms; medians and p95 of 9 runs.

use std::time::{Duration, Instant};

use zhizao::content::Field;
use zhizao::state::store::Store;
use zhizao::state::{Saved, Spot};

fn spot(i: usize, marked: u64) -> Spot {
    Spot {
        node: format!("c{}/lessons/domestic/{}", i / 40, i % 40),
        field: Field::Paragraph(i % 7),
        byte: 0,
        excerpt: "注重打造制造业品牌，上海着力打响制造品牌".to_owned(),
        marked,
    }
}

fn median_p95(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
    )
}

#[allow(clippy::cast_precision_loss)] // a size in MB, for reading
fn main() {
    let dir = std::env::temp_dir().join(format!("zhizao-bench-state-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::new(dir.clone(), "bundled.json");
    let now = zhizao::state::now_ms();
    let ours = Saved {
        bookmarks: (0..100_000).map(|i| spot(i, now - 1000)).collect(),
        deleted: (100_000..110_000).map(|i| spot(i, now)).collect(),
        searches: (0..100_000).map(|i| format!("query {i}")).collect(),
        expanded: (0..20_000).map(|i| format!("c{i}/lessons")).collect(),
        ..Saved::default()
    };
    store.save(ours).expect("the state is written");
    let bytes = std::fs::metadata(store.path()).map_or(0, |m| m.len());
    let (mut loads, mut saves, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..9 {
        let start = Instant::now();
        let loaded = store.load::<zhizao::state::Saved>();
        loads.push(start.elapsed());
        assert!(loaded.saved.bookmarks.len() >= 100_000);
        let start = Instant::now();
        let written = store.save(loaded.saved).expect("saved").kept;
        saves.push(start.elapsed());
        // A bookmark made: ours differs from the file, every mark is weighed.
        let mut ours = written;
        ours.bookmarks
            .push(spot(300_000 + i, zhizao::state::now_ms()));
        let start = Instant::now();
        store.save(ours).expect("saved");
        marks.push(start.elapsed());
    }
    println!(
        "{:<64} {:>10} {:>10}  target",
        "measure (ms)", "median", "p95"
    );
    for (what, times) in [
        ("load", loads),
        ("save, unchanged (read, compare, write)", saves),
        (
            "save after a bookmark (read, merge each mark, write)",
            marks,
        ),
    ] {
        let (median, p95) = median_p95(times);
        println!(
            "{:<64} {median:>10.1} {p95:>10.1}  ≤ 200 ms",
            format!("100,000 bookmarks ({:.1} MB): {what}", bytes as f64 / 1e6)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
