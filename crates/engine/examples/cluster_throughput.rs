//! Clustering throughput on long streams built from real newswire text.
//!
//! ```sh
//! cargo run --release -p dossier-engine --example cluster_throughput -- 1000000
//! ```
//!
//! Builds a stream of N articles from the Reuters-21578 and BBC texts in
//! `../shared/data`: article `i` is base text `i mod bases` with a seeded
//! tenth of its words dropped, published `i / 2000` days after the start,
//! so stories keep arriving and ageing out. Features are computed on all
//! cores, then the clusterer assigns the stream in order; articles/s is
//! printed for each tenth of the stream (flat means the cost per article
//! does not grow with the number of stories), with the peak memory.

use dossier_cluster::{ClusterConfig, Document, Features, StreamClusterer};
use dossier_sources::{Input, ReadOptions, Record};
use dossier_text::{normalize_article, Analyzer};
use rayon::prelude::*;
use std::time::Instant;

/// A small seeded generator (SplitMix64): the stream is the same every run.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn peak_memory_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|value| value.parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

fn main() {
    let total: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let Some(shared) = dossier_testkit::shared("") else { return };
    let inputs = ["data/reuters21578/articles.jsonl", "data/bbc/articles.jsonl"]
        .iter()
        .map(|path| Input::Path(shared.join(path)))
        .collect();
    let bases: Vec<(Option<String>, String)> = dossier_sources::read(inputs, ReadOptions::default())
        .filter_map(|record| match record {
            Record::Article(raw) => normalize_article(raw).ok(),
            Record::Skipped(_) => None,
        })
        .map(|article| (article.title, article.text))
        .collect();
    println!("{} base texts, {total} articles", bases.len());

    let config = ClusterConfig::default();
    let analyzer = Analyzer::english();
    let start_day: i64 = 1_700_000_000;
    let started = Instant::now();
    let mut clusterer = StreamClusterer::new(config.clone());
    let mut assign_seconds = 0.0;
    let tenth = (total / 10).max(1);
    let mut done = 0;
    while done < total {
        let end = (done + tenth).min(total);
        // Features are made on all cores in slices of 10,000, so that the
        // harness holds little beside the clusterer itself.
        let mut seconds = 0.0;
        for slice in (done..end).step_by(10_000) {
            let documents: Vec<Document> = (slice..(slice + 10_000).min(end))
                .into_par_iter()
                .map(|i| {
                    let (title, text) = &bases[i % bases.len()];
                    let varied: Vec<&str> = text
                        .split(' ')
                        .enumerate()
                        .filter(|(position, _)| !mix((i as u64) << 20 ^ *position as u64).is_multiple_of(10))
                        .map(|(_, word)| word)
                        .collect();
                    Document {
                        features: Features::new(&analyzer, title.as_deref(), &varied.join(" "), &config),
                        published: Some(start_day + (i as i64 / 2_000) * 86_400),
                        language: Some("eng".into()),
                        embedding: None,
                    }
                })
                .collect();
            let segment = Instant::now();
            for document in &documents {
                clusterer.assign(document);
            }
            seconds += segment.elapsed().as_secs_f64();
        }
        assign_seconds += seconds;
        println!(
            "articles {:>8}..{:<8} assign {:>8.0} articles/s   stories {:>8}   peak {:>6.0} MiB",
            done,
            end,
            (end - done) as f64 / seconds,
            clusterer.story_count(),
            peak_memory_mib()
        );
        done = end;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "total: {total} articles in {seconds:.1} s = {:.0} articles/s (features on all cores + assignment); \
         assignment alone {:.0} articles/s; peak {:.0} MiB",
        total as f64 / seconds,
        total as f64 / assign_seconds,
        peak_memory_mib()
    );
}
