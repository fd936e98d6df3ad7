//! Search speed and memory at three sizes: the bundled page, 1,000 articles
//! and 10,000 articles, built deterministically from the bundled articles.
//!
//! `cargo bench --bench search` prints one table of medians and p95s: load
//! and index, memory, the first frame, the first keystroke, each keystroke
//! while typing, and cancellation. `benches/compare-fzf.sh` holds the first
//! frame, the first keystroke and peak memory against fzf.
//! `cargo bench --bench search -- --write DIR --articles N` only writes a
//! collection (and `DIR.lines`, its paragraphs one per line, for fzf).
//! `--first-key DIR` prints one cold first keystroke's ms; `--quick` leaves
//! out 10,000 articles; `--detail` prints every keystroke;
//! `--profile QUERY` runs one query on 1,000 articles (or `--in DIR`), for
//! callgrind or perf.

// Byte counts and sizes here stay far below 2^52: as f64 loses nothing.
#![allow(clippy::cast_precision_loss)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use zhizao::content::Library;
use zhizao::search::{Generation, Outcome, SearchIndex};

#[path = "search/frame.rs"]
mod frame;
#[path = "search/memory.rs"]
mod memory;
#[path = "search/typing.rs"]
mod typing;
#[path = "search/views.rs"]
mod views;
use views::{arrival, place_result};

/// A small deterministic generator (splitmix64): the same collection every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The bundled page's sentences, headings and lesson examples: the material
/// every generated article is shuffled from.
struct Material {
    sentences: Vec<String>,
    headings: Vec<String>,
    /// (place id, example text) from the real lessons.
    examples: Vec<(String, String)>,
    places: String,
}

impl Material {
    fn new() -> Self {
        let lib = Library::bundled().expect("bundled content");
        let mut sentences = Vec::new();
        for node in &lib.nodes {
            for p in &node.paragraphs {
                sentences.extend(
                    p.split_inclusive(['。', '；', '！', '？'])
                        .map(str::to_owned),
                );
            }
        }
        let headings = lib
            .nodes
            .iter()
            .filter(|n| n.depth > 0)
            .filter_map(|n| n.heading.clone())
            .collect();
        let examples = lib
            .nodes
            .iter()
            .flat_map(|n| {
                n.examples()
                    .map(|(e, text)| (lib.places[e.place].id.clone(), text.to_owned()))
            })
            .collect();
        let places = zhizao::content::BUNDLED
            .iter()
            .find(|(n, _)| *n == "places.toml")
            .map(|(_, t)| (*t).to_owned())
            .unwrap_or_default();
        Material {
            sentences,
            headings,
            examples,
            places,
        }
    }

    /// A paragraph of about `bytes` bytes.
    fn paragraph(&self, rng: &mut Rng, bytes: usize) -> String {
        let mut p = String::new();
        while p.len() < bytes {
            p.push_str(rng.pick::<String>(&self.sentences));
        }
        p
    }

    /// One article in our format: 5 parts of 19 paragraphs, and a lesson
    /// list of 5 lessons: about 100 paragraphs, 20 KB of text.
    fn article(&self, rng: &mut Rng, i: usize) -> String {
        let mut t = String::new();
        let _ = writeln!(
            t,
            "[article]\nid = \"a{i:05}\"\ntitle = {}\nbyline = \"课题组{i}\"",
            q(rng.pick::<String>(&self.headings))
        );
        let _ = writeln!(t, "paragraphs = [{}]", q(&self.paragraph(rng, 100)));
        for part in 1..=5 {
            let _ = writeln!(
                t,
                "\n[[section]]\nid = \"p{part}\"\nheading = {}",
                q(rng.pick::<String>(&self.headings))
            );
            let paras: Vec<String> = (0..19).map(|_| q(&self.paragraph(rng, 100))).collect();
            let _ = writeln!(t, "paragraphs = [\n  {},\n]", paras.join(",\n  "));
        }
        let _ = writeln!(
            t,
            "\n[[section]]\nid = \"lessons\"\nheading = \"经验启示\"\nscope = \"foreign\""
        );
        let foreign: Vec<&(String, String)> = self
            .examples
            .iter()
            .filter(|(id, _)| {
                ["jurong", "tsukuba", "austin", "munich", "sophia-antipolis"].contains(&id.as_str())
            })
            .collect();
        for (n, ord) in ["一是", "二是", "三是", "四是", "五是"].iter().enumerate() {
            let (place, text) = rng.pick(&foreign);
            let _ = writeln!(
                t,
                "\n[[section.section]]\nid = \"{}\"\nordinal = \"{ord}\"\nheading = \"{ord}注重第{i}项经验。\"\ntheme = \"注重第{i}项经验\"\nlead = \"例如，\"\nexamples = [{{ place = \"{place}\", text = {} }}]",
                n + 1,
                q(text)
            );
        }
        t
    }

    fn write(&self, dir: &Path, articles: usize) -> usize {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).expect("create the corpus folder");
        let mut rng = Rng(0x5EED);
        let mut bytes = 0;
        for i in 0..articles {
            let mut text = self.article(&mut rng, i);
            if i == 0 {
                // The places ride along with the first article: 10,000 articles
                // are then exactly the 10,000 files a collection may hold.
                text.push('\n');
                text.push_str(&self.places);
            }
            bytes += text.len();
            std::fs::write(dir.join(format!("a{i:05}.toml")), text).expect("write an article");
        }
        bytes
    }
}

/// A TOML basic string. The material has no control characters, so only
/// quotes and backslashes need escaping.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Every paragraph of a collection, one per line: what fzf filters.
fn write_lines(lib: &Library, path: &Path) {
    let mut out = String::new();
    for a in lib.anchors() {
        if let Some(t) = lib.text(a) {
            out.push_str(t);
            out.push('\n');
        }
    }
    std::fs::write(path, out).expect("write lines");
}

fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split(' ')
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn text_bytes(lib: &Library) -> usize {
    lib.anchors()
        .into_iter()
        .filter_map(|a| lib.text(a))
        .map(str::len)
        .sum()
}

/// Types `query` one character at a time, each search reusing the last, as
/// the reader's worker does; returns each keystroke's time.
fn type_query(ix: &SearchIndex, query: &str) -> Vec<Duration> {
    let mut last: Option<Outcome> = None;
    let mut times = Vec::new();
    let generation = Generation::default();
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let mine = generation.bump();
        let start = Instant::now();
        let out = ix
            .search(&typed, 200, last.as_ref(), Some((&generation, mine)))
            .expect("not cancelled");
        times.push(start.elapsed());
        last = Some(out);
    }
    times
}

/// From nothing to the reader's first frame drawn: the first article of a
/// big folder (the rest loads behind it), or the whole of a small one.
fn first_frame(name: &str, dir: Option<&Path>) -> Row {
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let app = first_look(dir);
        draw(&app);
        times.push(start.elapsed());
    }
    Row::timed(
        format!("{name}: first frame, in process"),
        times,
        "≤ 0.1× fzf --filter",
    )
}

/// The reader on what it shows before the rest of a collection is in.
pub(crate) fn first_look(dir: Option<&Path>) -> zhizao::app::App {
    let lib = match dir.map(Library::preview_dir) {
        Some(Ok(Some((first, _)))) => first,
        Some(_) => Library::load_dir(dir.expect("a folder")).expect("loads"),
        None => Library::bundled().expect("bundled"),
    };
    let mut app = zhizao::app::App::new(lib, zhizao::wrap::Widths::default());
    app.update(zhizao::action::Action::Resize(100, 30));
    app
}

pub(crate) fn draw(app: &zhizao::app::App) {
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 100, 30));
    let screen = zhizao::ui::Screen {
        app,
        theme: &zhizao::paint::theme::COLOR,
    };
    ratatui::widgets::Widget::render(screen, buf.area, &mut buf);
    std::hint::black_box(&buf);
}

pub(crate) struct Row {
    what: String,
    median: f64,
    p95: f64,
    target: String,
}

impl Row {
    /// The median and p95 of timed samples, in ms.
    pub(crate) fn timed(what: String, mut samples: Vec<Duration>, target: &str) -> Row {
        samples.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
        Row {
            what,
            median: ms(samples[samples.len() / 2]),
            p95: ms(p95),
            target: target.into(),
        }
    }
}

fn measure(name: &str, dir: Option<&Path>, rows: &mut Vec<Row>, reps: usize) {
    let before = rss_bytes();
    let mut loads = Vec::new();
    let mut index = None;
    let mut memory = 0;
    let mut first_keys = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let lib = match dir {
            Some(d) => Library::load_dir(d).expect("the generated collection loads"),
            None => Library::bundled().expect("bundled"),
        };
        let ix = SearchIndex::new(Arc::new(lib));
        loads.push(start.elapsed());
        if index.is_none() {
            // Resident memory after the first load: the library and its index.
            memory = rss_bytes().saturating_sub(before);
        }
        first_keys.push(first_keystroke(&ix, "n"));
        index = Some(ix);
    }
    let ix = Arc::new(index.expect("built"));
    let text = text_bytes(ix.library());
    rows.push(Row::timed(
        format!(
            "{name}: load + index ({} entries, {:.1} MB text)",
            ix.len(),
            text as f64 / 1e6
        ),
        loads,
        "≤ 1000 ms at 1,000",
    ));
    rows.push(Row {
        what: format!("{name}: memory of library + index"),
        median: memory as f64 / 1e6,
        p95: memory as f64 / text.max(1) as f64,
        target: "MB | × text; ≤ 3×".into(),
    });
    rows.push(first_frame(name, dir));
    arrival(name, dir, &ix, rows);
    place_result(name, &ix, rows);
    rows.push(Row::timed(
        format!("{name}: first keystroke's results (n, cold)"),
        first_keys,
        "≤ 0.02× fzf --filter",
    ));
    let detail = std::env::args().any(|a| a == "--detail");
    for q in ["全球智造创新之都", "quanqiu", "nb", "austin"] {
        let mut all = Vec::new();
        for _ in 0..reps {
            let times = type_query(&ix, q);
            if detail {
                let ms: Vec<String> = times
                    .iter()
                    .map(|t| format!("{:.1}", t.as_secs_f64() * 1000.0))
                    .collect();
                println!("{name} {q}: {}", ms.join(" "));
            }
            all.extend(times);
        }
        let target = match name {
            "bundled" => "< 1 ms",
            "1,000 articles" => "≤ 16 / 25 ms",
            _ => "≤ 150 ms median",
        };
        rows.push(Row::timed(
            format!("{name}: per keystroke, typing {q}"),
            all,
            target,
        ));
    }
    // A newer keystroke cancels a running search: how long until it stops.
    let generation = Arc::new(Generation::default());
    let mut cancels = Vec::new();
    for _ in 0..reps {
        let mine = generation.bump();
        let g = Arc::clone(&generation);
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(2));
            g.bump();
            Instant::now()
        });
        let _ = ix.search("z", 200, None, Some((&generation, mine)));
        let done = Instant::now();
        let bumped = stopper.join().expect("stopper");
        cancels.push(done.saturating_duration_since(bumped));
    }
    rows.push(Row::timed(
        format!("{name}: a newer keystroke stops the old search within"),
        cancels,
        "one frame (16 ms)",
    ));
    typing::rows(name, &ix, reps, rows);
    typing::every_key(name, &ix, rows);
}

/// The first keystroke after the index is built, a single initial (the
/// worst case): the search and the highlights of what is shown.
fn first_keystroke(ix: &SearchIndex, key: &str) -> Duration {
    let start = Instant::now();
    // The outcome carries what each shown hit marks.
    let out = ix.search(key, 200, None, None).expect("not cancelled");
    std::hint::black_box(out.marks);
    start.elapsed()
}

fn print_rows(rows: &[Row]) {
    println!(
        "\n{:<72} {:>10} {:>10}  target",
        "measure (ms unless noted)", "median", "p95"
    );
    for r in rows {
        println!(
            "{:<72} {:>10.2} {:>10.2}  {}",
            r.what, r.median, r.p95, r.target
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let material = Material::new();
    if let Some(dir) = value("--write") {
        let n: usize = value("--articles")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        let dir = PathBuf::from(dir);
        material.write(&dir, n);
        let lib = Library::load_dir(&dir).expect("the generated collection loads");
        write_lines(&lib, &dir.with_extension("lines"));
        println!(
            "wrote {n} articles to {} and their paragraphs to {}",
            dir.display(),
            dir.with_extension("lines").display()
        );
        return;
    }
    if let Some(dir) = value("--first-frame") {
        // The reader's first frame, whole process, in ms: compare-fzf.sh
        // sets it beside one `fzf --filter`. `--cache DIR` is the cache
        // folder (fresh: cold; used before: warm).
        let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/zhizao");
        let cache = value("--cache").map_or_else(std::env::temp_dir, PathBuf::from);
        let took = frame::first_frame(&binary, Path::new(&dir), &cache);
        println!("{:.0}", took.as_secs_f64() * 1000.0);
        return;
    }
    if let Some(dir) = value("--every-key") {
        // Every key of the typing row and `zzcxzd` typed 60 ms apart, on
        // an existing collection (30,000 articles: `--write` one first);
        // `--name` labels it.
        let ix = Arc::new(SearchIndex::new(Arc::new(
            Library::load_dir(Path::new(&dir)).expect("loads"),
        )));
        let name = value("--name").unwrap_or_else(|| dir.clone());
        let mut rows = Vec::new();
        typing::every_key(&name, &ix, &mut rows);
        typing::rows(&name, &ix, 5, &mut rows);
        print_rows(&rows);
        return;
    }
    if let Some(dir) = value("--memory") {
        // Where the reader's memory goes, stage by stage.
        memory::stages(Path::new(&dir));
        return;
    }
    if let Some(dir) = value("--first-key") {
        // One cold first keystroke on a collection, in ms: what
        // compare-fzf.sh sets beside one `fzf --filter n`. `--key 寧` types
        // another (a traditional character loads the OpenCC tables first).
        let lib = Library::load_dir(Path::new(&dir)).expect("loads");
        let ix = SearchIndex::new(Arc::new(lib));
        let key = value("--key").unwrap_or_else(|| "n".to_owned());
        println!("{:.0}", first_keystroke(&ix, &key).as_secs_f64() * 1000.0);
        return;
    }
    if let Some(q) = value("--profile") {
        // One collection, one query, a few times: for callgrind or perf.
        // `--in DIR` profiles an existing collection instead.
        let dir = value("--in").map_or_else(
            || {
                let dir =
                    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus/profile");
                material.write(&dir, 1000);
                dir
            },
            PathBuf::from,
        );
        let ix = SearchIndex::new(Arc::new(Library::load_dir(&dir).expect("loads")));
        let reps = value("--reps").and_then(|v| v.parse().ok()).unwrap_or(3);
        for _ in 0..reps {
            let start = Instant::now();
            let out = ix.search(&q, 200, None, None).expect("not cancelled");
            println!("{q}: {} hits in {:?}", out.total(), start.elapsed());
        }
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus");
    let mut rows = Vec::new();
    measure("bundled", None, &mut rows, 50);
    for (n, name) in [(1_000, "1,000 articles"), (10_000, "10,000 articles")] {
        if quick && n > 1_000 {
            continue;
        }
        let dir = root.join(format!("n{n}"));
        material.write(&dir, n);
        measure(name, Some(&dir), &mut rows, if n > 1_000 { 3 } else { 10 });
        let _ = std::fs::remove_dir_all(&dir);
    }
    print_rows(&rows);
    println!(
        "\n{} cores available",
        std::thread::available_parallelism().map_or(1, usize::from)
    );
}
