//! Extraction throughput: `cargo bench -p dossier-extract --bench extract`.
//!
//! Extracts the facts of every article of `../shared/data/news-cluster`
//! (383 full news articles) and of 2,000 Reuters newswires, one core, and
//! reports articles per second (criterion's "elements"). Falls back to the
//! repository's examples when `../shared` is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_domain::Article;
use dossier_sources::{read, Input, Record};

fn articles(path: std::path::PathBuf, limit: usize) -> Vec<Article> {
    let mut out = Vec::new();
    for record in read(vec![Input::Path(path)], Default::default()) {
        if let Record::Article(raw) = record {
            if let Ok(article) = dossier_text::normalize_article(raw) {
                out.push(article);
            }
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut corpora = Vec::new();
    if let Some(news) = dossier_testkit::shared("data/news-cluster/articles.jsonl") {
        corpora.push(("news-cluster", articles(news, usize::MAX)));
    }
    if let Some(reuters) = dossier_testkit::shared("data/reuters21578/articles.jsonl") {
        corpora.push(("reuters-2000", articles(reuters, 2_000)));
    }
    if corpora.is_empty() {
        corpora.push(("examples", articles(dossier_testkit::examples(), usize::MAX)));
    }
    let mut group = c.benchmark_group("extract");
    for (name, articles) in &corpora {
        group.throughput(Throughput::Elements(articles.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| articles.iter().map(|a| dossier_extract::extract(a).entities.len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
