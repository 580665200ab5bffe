//! Where a search's time goes, query by query, on a stored index (the load
//! test's queries; see `crates/server/benches/search.lua`):
//! `cargo run --release -p dossier-engine --example search_profile -- STORE.db`
//! With `COMPACT=1` it first merges the index into one segment.
use dossier_engine::Engine;
use dossier_search::SearchIndex;
use std::path::PathBuf;
use std::time::Instant;

const QUERIES: &[&str] = &[
    "oil",
    "bank",
    "profit",
    "shares",
    "trade",
    "election",
    "minister",
    "prices",
    "coffee",
    "wheat",
    "football",
    "film",
    "music",
    "mobile",
    "internet",
    "dollar",
    "interest rates",
    "oil prices",
    "\"central bank\"",
    "\"prime minister\"",
    "\"net profit\"",
    "\"trade deficit\"",
    "\"world cup\"",
    "tax budget",
    "company merger",
    "strike union",
    "gold mine",
    "crude output",
    "yen dollar",
    "\"said in a statement\"",
    "exports",
    "inflation",
    "government",
    "sugar",
    "airline",
    "election campaign",
];

fn micros(start: Instant, runs: u32) -> f64 {
    start.elapsed().as_secs_f64() * 1e6 / f64::from(runs)
}

fn main() {
    let db = PathBuf::from(std::env::args().nth(1).expect("usage: search_profile STORE.db"));
    let mut dir = db.clone().into_os_string();
    dir.push(".search");
    if std::env::var_os("COMPACT").is_some() {
        let writer = SearchIndex::open(&PathBuf::from(&dir)).expect("index writer");
        println!("merged {} segments", writer.compact().expect("compact"));
    }
    let engine = Engine::open(&db).expect("store");
    let index = SearchIndex::open_for_reading(&PathBuf::from(dir)).expect("index");
    let runs = 20;
    println!("{:<24} {:>9} {:>10} {:>10} {:>10}", "query", "total", "hits µs", "hl µs", "engine µs");
    let (mut all_hits, mut all_hl, mut all_engine) = (0.0, 0.0, 0.0);
    for query in QUERIES {
        let start = Instant::now();
        let mut total = 0;
        for _ in 0..runs {
            total = index.search(query, 20, 0).unwrap().total;
        }
        let hits = micros(start, runs);
        let start = Instant::now();
        for _ in 0..runs {
            index.highlighter(query, 240).unwrap();
        }
        let hl = micros(start, runs);
        let start = Instant::now();
        for _ in 0..runs {
            engine.search(query, 20, 0).unwrap();
        }
        let whole = micros(start, runs);
        all_hits += hits;
        all_hl += hl;
        all_engine += whole;
        println!("{query:<24} {total:>9} {hits:>10.0} {hl:>10.0} {whole:>10.0}");
    }
    let n = QUERIES.len() as f64;
    println!("{:<24} {:>9} {:>10.0} {:>10.0} {:>10.0}", "mean", "", all_hits / n, all_hl / n, all_engine / n);
}
