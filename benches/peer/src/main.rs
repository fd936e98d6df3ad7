//! The judged sets scored by zhizao and by its peer side by side: tantivy
//! 0.26 with tantivy-jieba, every text of the bundled page a document, BM25,
//! the query cut by jieba and its words OR'd; and tantivy's own query
//! parser, which reads an unspaced run as one phrase.
//!
//! Success@3: a query succeeds when one of its top three hits answers it —
//! for the natural set (`tests/fixtures/natural-queries.tsv`), a hit in a
//! section that answers it; for the earlier judged set (`tests/judged.rs`),
//! a hit whose text holds what it must.

use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, TantivyDocument, Term, doc};
use zhizao::content::Library;
use zhizao::search::SearchIndex;

/// A query and what decides a hit answers it.
struct Judged {
    query: String,
    /// Any of these section paths, or (`texts`) text any of these.
    answers: Vec<String>,
    texts: bool,
}

impl Judged {
    fn answered_by(&self, path: &str, text: &str) -> bool {
        if self.texts {
            self.answers.iter().any(|a| text.contains(a.as_str()))
        } else {
            self.answers.iter().any(|a| a == path)
        }
    }
}

fn natural() -> Vec<Judged> {
    include_str!("../../../tests/fixtures/natural-queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            Judged {
                query: cols.next().unwrap_or_default().to_owned(),
                answers: cols
                    .next()
                    .unwrap_or_default()
                    .split('|')
                    .map(str::to_owned)
                    .collect(),
                texts: false,
            }
        })
        .collect()
}

/// The earlier set, read from its test: `q("query", &["must hold", …], …)`,
/// the queries with something they must find.
fn earlier() -> Vec<Judged> {
    let strings = |s: &str| -> Vec<String> {
        s.split('"')
            .skip(1)
            .step_by(2)
            .map(|x| x.replace("\\\"", "\""))
            .collect()
    };
    include_str!("../../../tests/judged.rs")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("q(\""))
        .filter_map(|rest| {
            let (query, rest) = rest.split_once("\",")?;
            let top = rest.split_once("&[")?.1.split_once(']')?.0;
            let answers = strings(top);
            (!answers.is_empty()).then(|| Judged {
                query: query.replace("\\\"", "\""),
                answers,
                texts: true,
            })
        })
        .collect()
}

struct Peer {
    reader: IndexReader,
    index: Index,
    text: tantivy::schema::Field,
    path: tantivy::schema::Field,
    body: tantivy::schema::Field,
}

impl Peer {
    fn new(lib: &Library) -> tantivy::Result<Self> {
        let mut schema = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer("jieba")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let text = schema.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(indexing),
        );
        let path = schema.add_text_field("path", STRING | STORED);
        let body = schema.add_text_field("body", STORED);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(
            "jieba",
            TextAnalyzer::from(tantivy_jieba::JiebaTokenizer::new()),
        );
        let mut writer = index.writer(50_000_000)?;
        for anchor in lib.anchors() {
            let words = lib.text(anchor).unwrap_or_default();
            writer.add_document(doc!(
                text => words,
                path => lib.node(anchor.node).path.as_str(),
                body => words,
            ))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(Peer {
            reader,
            index,
            text,
            path,
            body,
        })
    }

    /// The query's jieba words, each a term, OR'd.
    fn or_of_words(&self, query: &str) -> Box<dyn Query> {
        let mut tokenizer = tantivy_jieba::JiebaTokenizer::new();
        let mut stream = tokenizer.token_stream(query);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        while stream.advance() {
            let word = stream.token().text.to_lowercase();
            if word.trim().is_empty() {
                continue;
            }
            let term = Term::from_field_text(self.text, &word);
            clauses.push((
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn parsed(&self, query: &str) -> Option<Box<dyn Query>> {
        QueryParser::for_index(&self.index, vec![self.text])
            .parse_query(query)
            .ok()
    }

    fn top3(&self, query: &dyn Query) -> Vec<(String, String)> {
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(query, &TopDocs::with_limit(3).order_by_score()) else {
            return Vec::new();
        };
        top.into_iter()
            .filter_map(|(_, at)| {
                let d: TantivyDocument = searcher.doc(at).ok()?;
                let get = |f| {
                    d.get_first(f)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_owned()
                };
                Some((get(self.path), get(self.body)))
            })
            .collect()
    }
}

fn main() -> tantivy::Result<()> {
    let lib = Arc::new(Library::bundled().expect("the bundled page loads"));
    let ours = SearchIndex::new(Arc::clone(&lib));
    let peer = Peer::new(&lib)?;
    println!(
        "{:<34} {:>7} {:>8} {:>14} {:>14}",
        "success@3 on the bundled page", "queries", "zhizao", "tantivy OR", "tantivy parser"
    );
    for (name, set) in [
        ("natural queries (tests/fixtures)", natural()),
        ("earlier judged set (tests/judged.rs)", earlier()),
    ] {
        let (mut z, mut t, mut p) = (0, 0, 0);
        let mut misses = Vec::new();
        for j in &set {
            let out = ours.search(&j.query, 3, None, None).unwrap_or_default();
            let zhizao = out
                .hits
                .iter()
                .any(|h| j.answered_by(&ours.path(h.entry), ours.text(h.entry)));
            let or = peer.top3(peer.or_of_words(&j.query).as_ref());
            let tantivy = or.iter().any(|(path, text)| j.answered_by(path, text));
            let parser = peer.parsed(&j.query).is_some_and(|q| {
                peer.top3(q.as_ref())
                    .iter()
                    .any(|(path, text)| j.answered_by(path, text))
            });
            z += usize::from(zhizao);
            t += usize::from(tantivy);
            p += usize::from(parser);
            if !zhizao || !tantivy {
                misses.push(format!(
                    "  {:<24} zhizao {} · tantivy OR {}",
                    j.query,
                    if zhizao { "yes" } else { "no" },
                    if tantivy { "yes" } else { "no" }
                ));
            }
        }
        let rate = |n: usize| n as f64 / set.len().max(1) as f64;
        println!(
            "{name:<34} {:>7} {:>8.3} {:>14.3} {:>14.3}",
            set.len(),
            rate(z),
            rate(t),
            rate(p)
        );
        if std::env::args().any(|a| a == "--misses") {
            for m in misses {
                println!("{m}");
            }
        }
    }
    Ok(())
}
