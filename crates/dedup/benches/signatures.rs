//! Micro-benchmarks of the near-duplicate hot path: shingling, signatures
//! (one-permutation MinHash with the shingle set), band keys, and a whole
//! in-memory grouping. Texts are generated here (seeded), not read from
//! data sets: news-length (about 3,000 characters, 500 words).
//!
//! `cargo bench -p dossier-dedup --bench signatures`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dossier_dedup::{group_texts, sketch, Banding, NearDupConfig, Scratch, Shingling};

/// A deterministic pseudo-random text of `words` words from a small
/// vocabulary of made-up words, with punctuation now and then.
fn text(seed: u64, words: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::with_capacity(words * 7);
    for i in 0..words {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let syllables = ["ka", "lo", "mi", "ter", "son", "da", "vi", "pre", "ul", "nes"];
        for s in 0..(2 + state % 3) {
            out.push_str(syllables[((state >> (8 * s)) % 10) as usize]);
        }
        out.push(if i % 17 == 16 { '.' } else { ' ' });
        if i % 17 == 16 {
            out.push(' ');
        }
    }
    out
}

fn signatures(c: &mut Criterion) {
    let docs: Vec<String> = (0..200).map(|seed| text(seed, 500)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("signature");
    group.throughput(Throughput::Bytes(bytes as u64));
    for shingling in [Shingling::Words(5), Shingling::Words(3), Shingling::Chars(9)] {
        group.bench_with_input(BenchmarkId::new("shingles-only", shingling), &shingling, |b, &shingling| {
            b.iter(|| {
                docs.iter()
                    .map(|doc| {
                        shingling.for_each(doc, |h| {
                            std::hint::black_box(h);
                        })
                    })
                    .sum::<usize>()
            })
        });
        group.bench_with_input(BenchmarkId::new("sketch", shingling), &shingling, |b, &shingling| {
            let mut scratch = Scratch::default();
            b.iter(|| docs.iter().map(|doc| sketch(shingling, doc, &mut scratch).shingles.len()).sum::<usize>())
        });
    }
    group.finish();
}

fn banding(c: &mut Criterion) {
    let mut scratch = Scratch::default();
    let signatures: Vec<_> =
        (0..1_000).filter_map(|seed| sketch(Shingling::Words(5), &text(seed, 300), &mut scratch).signature).collect();
    let banding = Banding::for_threshold(0.8).unwrap();
    let mut group = c.benchmark_group("banding");
    group.throughput(Throughput::Elements(signatures.len() as u64));
    group.bench_function("keys-21x6", |b| {
        let mut keys = vec![0u32; banding.bands];
        b.iter(|| {
            for signature in &signatures {
                banding.keys(signature, &mut keys);
            }
            keys[0]
        })
    });
    group.finish();

    // A whole in-memory run: 2,000 documents, a third of them edited copies.
    let mut docs: Vec<String> = (0..1_400).map(|seed| text(seed, 400)).collect();
    for i in 0..600 {
        let mut copy = docs[i * 2].clone();
        copy.push_str(" extra closing words");
        docs.push(copy);
    }
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let config = NearDupConfig::new(Shingling::Words(5), 0.8).unwrap();
    let mut group = c.benchmark_group("group");
    group.throughput(Throughput::Elements(refs.len() as u64));
    group.sample_size(20);
    group.bench_function("2000-docs", |b| b.iter(|| group_texts(&config, &refs, false).duplicates()));
    group.finish();
}

criterion_group!(benches, signatures, banding);
criterion_main!(benches);
