//! Sentence-embedding speed on invented texts: headlines (about 15 word
//! pieces) and title-plus-lead texts cut at the model's 128 tokens, in
//! batches of 32. Needs the model directory in `DOSSIER_EMBED_MODEL`; says
//! so and does nothing without it.
//!
//! ```sh
//! DOSSIER_EMBED_MODEL=DIR cargo bench -p dossier-embed --bench embed
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_embed::Embedder;

fn headline(i: usize) -> String {
    format!("Ferry number {i} strikes Kittiwake Pier in thick fog as Brennick harbour closes")
}

fn lead(i: usize) -> String {
    let mut text = format!("{}. ", headline(i));
    while text.len() < 700 {
        text.push_str("Coastguard crews from Brennick said the vessel was towed clear by noon and that twelve passengers were treated for minor injuries at the quay. ");
    }
    text
}

fn bench(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("DOSSIER_EMBED_MODEL").filter(|dir| !dir.is_empty()) else {
        eprintln!("skipping: set DOSSIER_EMBED_MODEL to a sentence model directory");
        return;
    };
    let embedder = Embedder::load(dir.as_ref()).expect("sentence model");
    let mut group = c.benchmark_group("embed");
    group.sample_size(10);
    for (name, make) in [("headlines", headline as fn(usize) -> String), ("title_and_lead", lead)] {
        let texts: Vec<String> = (0..32).map(make).collect();
        let batch: Vec<&str> = texts.iter().map(String::as_str).collect();
        group.throughput(Throughput::Elements(batch.len() as u64));
        group.bench_function(name, |b| b.iter(|| embedder.embed(&batch).expect("embedding")));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
