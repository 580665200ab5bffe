//! Ingest throughput, whole pipeline and by stage, on the Reuters-21578
//! newswires in `../shared/data` (skipped when it is absent).
//!
//! `cargo bench -p dossier-engine --bench ingest` reports articles per
//! second for: normalising, computing cluster features, and the whole
//! ingest (read, normalise, fold copies, cluster, store) of the first 4,000
//! articles into a fresh file store.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_cluster::{ClusterConfig, Features};
use dossier_engine::{Engine, IngestOptions};
use dossier_sources::{Input, ReadOptions, Record};
use dossier_text::{normalize_article, Analyzer};
use std::io::Write;
use std::path::{Path, PathBuf};

const ARTICLES: usize = 4_000;

fn reuters() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/reuters21578/articles.jsonl");
    if path.exists() {
        return Some(path);
    }
    eprintln!("skipping: {} not found", path.display());
    None
}

fn ingest(c: &mut Criterion) {
    let Some(reuters) = reuters() else { return };
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("sample.jsonl");
    let lines: Vec<String> =
        std::fs::read_to_string(&reuters).unwrap().lines().take(ARTICLES).map(str::to_owned).collect();
    std::fs::File::create(&sample).unwrap().write_all(lines.join("\n").as_bytes()).unwrap();
    let raws: Vec<_> = dossier_sources::read(vec![Input::Path(sample.clone())], ReadOptions::default())
        .filter_map(|record| match record {
            Record::Article(raw) => Some(raw),
            Record::Skipped(_) => None,
        })
        .collect();
    let articles: Vec<_> = raws.iter().cloned().map(|raw| normalize_article(raw).unwrap()).collect();

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Elements(raws.len() as u64));
    group.bench_function("normalize", |b| {
        b.iter(|| raws.iter().cloned().filter_map(|raw| normalize_article(raw).ok()).count())
    });
    let config = ClusterConfig::default();
    let analyzer = Analyzer::english();
    group.bench_function("features", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| Features::new(&analyzer, a.title.as_deref(), &a.text, &config).terms.len())
                .sum::<usize>()
        })
    });
    let mut round = 0;
    group.bench_function("whole", |b| {
        b.iter(|| {
            round += 1;
            let mut engine = Engine::open(&dir.path().join(format!("bench-{round}.db"))).unwrap();
            engine.ingest(vec![Input::Path(sample.clone())], &IngestOptions::default(), &mut |_| {}).unwrap().new
        })
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
