//! `--memory DIR`: the reader's resident memory after each stage of a
//! session, against the text: where the bytes go, for reader-memory.sh's
//! whole-process peak.

use std::path::Path;
use std::sync::Arc;

use zhizao::action::Action;
use zhizao::content::Library;
use zhizao::search::SearchIndex;

/// Resident set size now, in KiB (Linux).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

pub(crate) fn stages(dir: &Path) {
    let text_kib = std::fs::metadata(dir.with_extension("lines")).map_or(0, |m| m.len() / 1024);
    let base = rss_kib();
    #[allow(clippy::cast_precision_loss)]
    let show = |what: &str| {
        let now = rss_kib().saturating_sub(base);
        println!(
            "{what:<40} {:>7.0} MiB  {:.2}x the text",
            now as f64 / 1024.0,
            now as f64 / text_kib.max(1) as f64
        );
    };
    let lib = Arc::new(Library::load_dir(dir).expect("loads"));
    show("library");
    let ix = Arc::new(SearchIndex::new(Arc::clone(&lib)));
    show("+ search index");
    let mut app = zhizao::app::App::with_index(Arc::clone(&ix), zhizao::wrap::Widths::default());
    app.update(Action::Resize(120, 40));
    super::draw(&app);
    show("+ reader, drawn");
    app.update(Action::OpenSearch);
    app.update(Action::Insert('n'));
    app.update(Action::Insert('b'));
    let outcome = ix
        .search("nb", zhizao::app::search::RESULTS, None, None)
        .expect("not cancelled");
    app.update(Action::SearchDone(app.search.serial, Arc::new(outcome)));
    super::draw(&app);
    show("+ search `nb`, drawn");
    app.update(zhizao::views::View::Compare.show());
    super::draw(&app);
    show("+ view 2 (comparison), drawn");
    let finding = std::time::Instant::now();
    let found = lib.mentions();
    let took = finding.elapsed();
    app.update(Action::PlacesFound(Arc::clone(&lib), Arc::new(found)));
    app.update(zhizao::views::View::Places.show());
    super::draw(&app);
    show("+ view 3 (places), drawn");
    println!("(the place index found its mentions in {took:.2?})");
}
