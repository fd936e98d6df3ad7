//! Typing fast: keys 60 ms apart to a search worker as the reader's.

use std::sync::Arc;
use std::time::{Duration, Instant};

use zhizao::search::{Generation, SearchIndex};

/// Each prefix of `q` sent 60 ms apart to a worker that, as the reader's
/// searcher does, runs the newest, cancels the older and starts from what
/// the last one finished or had narrowed to: how long after the last key
/// its result came; and the whole query searched alone. Without
/// `hand_on`, a stopped search hands on nothing, as before.
pub fn typed_fast(ix: &Arc<SearchIndex>, q: &str, hand_on: bool) -> (Duration, Duration) {
    let generation = Arc::new(Generation::default());
    let (jobs, inbox) = std::sync::mpsc::channel::<(String, u64)>();
    let (done, results) = std::sync::mpsc::channel::<String>();
    let worker = {
        let (ix, generation) = (Arc::clone(ix), Arc::clone(&generation));
        std::thread::spawn(move || {
            let mut last: Option<zhizao::search::Outcome> = None;
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let (query, mine) = job;
                match ix.search_from(&query, 200, last.as_ref(), Some((&generation, mine))) {
                    Ok(outcome) => {
                        let _ = done.send(query);
                        last = Some(outcome);
                    }
                    Err(Some(narrowed)) if hand_on => last = Some(*narrowed),
                    Err(_) => {}
                }
            }
        })
    };
    let chars: Vec<char> = q.chars().collect();
    let mut sent = Instant::now();
    for n in 1..=chars.len() {
        let prefix: String = chars[..n].iter().collect();
        let mine = generation.bump();
        sent = Instant::now();
        jobs.send((prefix, mine)).expect("worker");
        if n < chars.len() {
            std::thread::sleep(Duration::from_millis(60));
        }
    }
    while results.recv().expect("a result") != q {}
    let fast = sent.elapsed();
    drop(jobs);
    worker.join().expect("worker");
    let start = Instant::now();
    std::hint::black_box(ix.search(q, 200, None, None));
    (fast, start.elapsed())
}

/// The rows: `zzcxzd` typed fast, with and without a stopped search
/// handing on its narrowing, and typed alone.
pub fn rows(name: &str, ix: &Arc<SearchIndex>, reps: usize, rows: &mut Vec<super::Row>) {
    // Typing fast: six keys 60 ms apart, each cancelling the search before
    // it, against the last query typed alone.
    let (mut fast, mut before, mut alone) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..reps {
        let (f, a) = typed_fast(ix, "zzcxzd", true);
        fast.push(f);
        alone.push(a);
        before.push(typed_fast(ix, "zzcxzd", false).0);
    }
    rows.push(super::Row::timed(
        format!("{name}: zzcxzd, keys 60 ms apart: last key to result"),
        fast,
        "≤ alone + 20 ms",
    ));
    rows.push(super::Row::timed(
        format!("{name}: the same, a stopped search handing on nothing"),
        before,
        "(as before)",
    ));
    rows.push(super::Row::timed(
        format!("{name}: zzcxzd typed alone"),
        alone,
        "—",
    ));
}

/// Every key of the queries a reader types, each from the key to its count
/// drawn: the search (narrowing from the key before, as the reader's
/// searcher does when that one finished), the reader taking the result in,
/// and a frame. The p95 is the figure. Then the same for questions and
/// phrases of several words typed without spaces.
pub fn every_key(name: &str, ix: &Arc<SearchIndex>, rows: &mut Vec<super::Row>) {
    const QUERIES: [&str; 8] = [
        "全球智造创新之都",
        "quanqiu",
        "nb",
        "austin",
        "zzcxzd",
        "ningbo",
        "nianqing",
        "寧波創新",
    ];
    const NATURAL: [&str; 6] = [
        "筑波人才",
        "如何打造制造业品牌",
        "产教融合怎么做",
        "年轻人的斗争精神",
        "shenzhenchuangxin",
        "宁波 创新 生态",
    ];
    let target = match name {
        "10,000 articles" => "p95 ≤ 100 ms",
        "30,000 articles" => "p95 ≤ 150 ms",
        _ => "—",
    };
    keys(name, "every key", &QUERIES, ix, rows, target);
    keys(
        name,
        "every key of several words",
        &NATURAL,
        ix,
        rows,
        target,
    );
}

fn keys(
    name: &str,
    what: &str,
    queries: &[&str],
    ix: &Arc<SearchIndex>,
    rows: &mut Vec<super::Row>,
    target: &str,
) {
    use zhizao::action::Action;
    let mut times = Vec::new();
    let mut worst = (Duration::ZERO, String::new());
    for q in queries {
        let mut app = zhizao::app::App::with_index(Arc::clone(ix), zhizao::wrap::Widths::default());
        app.update(Action::Resize(100, 30));
        app.update(Action::OpenSearch);
        let mut last: Option<zhizao::search::Outcome> = None;
        let mut typed = String::new();
        for c in q.chars() {
            typed.push(c);
            app.update(Action::Insert(c));
            let start = Instant::now();
            let outcome = ix
                .search_from(&typed, zhizao::app::search::RESULTS, last.as_ref(), None)
                .unwrap_or_else(|_| panic!("not cancelled"));
            let shown = Arc::new(outcome.clone());
            app.update(Action::SearchDone(app.search.serial, shown));
            super::draw(&app);
            let took = start.elapsed();
            if took > worst.0 {
                worst = (took, typed.clone());
            }
            if std::env::args().any(|a| a == "--detail") {
                println!("{typed}: {:.0} ms", took.as_secs_f64() * 1000.0);
            }
            times.push(took);
            last = Some(outcome);
        }
    }
    println!(
        "{name}: {what}: slowest key: {} ({:.0} ms)",
        worst.1,
        worst.0.as_secs_f64() * 1000.0
    );
    rows.push(super::Row::timed(
        format!("{name}: {what}, to its count drawn"),
        times,
        target,
    ));
}
