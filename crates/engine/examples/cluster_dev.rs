//! How the clustering settings were chosen: streams a labelled data set
//! through the clusterer in memory and scores it, on a development or a
//! held-out split of its events.
//!
//! ```sh
//! cargo run --release -p dossier-engine --example cluster_dev -- ../shared/data/news-cluster dev
//! cargo run --release -p dossier-engine --example cluster_dev -- ../shared/data/news-cluster test threshold=0.3
//! ```
//!
//! The split is by event: an event is in `dev` when the XXH3 hash of its
//! label is even, in `test` when odd; `all` is every article. Or it is by
//! arrival: `early` is the first half of the articles in file order,
//! `late` the second, each scored on its own articles. A split by event
//! streams half the events, so fewer stories compete for each article than
//! in a whole run; a split by arrival keeps the whole run's density. Only
//! the split's articles are streamed and scored. (Streaming every article and
//! scoring a split hides false merges: a dev story that swallows a
//! held-out event loses nothing on dev.) Settings are chosen on `dev` of
//! every labelled set and reported on `test`. Extra
//! `name=value` arguments override [`ClusterConfig`] fields; several values
//! separated by commas (`threshold=0.2,0.3`) are swept.
//!
//! Two experiments that are not part of the shipped pipeline, because
//! neither measurably paid for itself on held-out pair F1 (ARCHITECTURE.md):
//!
//! - `DOSSIER_EMBED_MODEL=DIR` embeds each article's title and lead with the
//!   sentence model in `DIR` (see `dossier-embed`) once, before the sweep,
//!   and reports the embedding speed; the vectors are cached in the system's
//!   temporary folder for later runs, keyed by the data folder, the hash of
//!   its `articles.jsonl` and the model folder.
//! - `MERGE=SCORE` adds a final pass that merges every two stories whose
//!   centroids score at least `SCORE` alike (`similar_stories`), transitively;
//!   with `MERGE_DAYS=D` only stories whose time spans lie at most `D` days
//!   apart (an undated story is merged with nothing).
//!
//! For reading errors, `SHOW_MERGES=1` prints each predicted story that
//! holds several events, and `SHOW_SPLITS=1` each event spread over several
//! stories, with a few of their titles.

use dossier_cluster::{ClusterConfig, Document, Features, StreamClusterer};
use dossier_sources::{Input, ReadOptions, Record};
use dossier_text::{normalize_article, story_title, Analyzer};
use std::collections::HashMap;
use std::path::PathBuf;

fn in_split(event: &str, split: &str) -> bool {
    let even = xxhash_rust::xxh3::xxh3_64(event.as_bytes()).is_multiple_of(2);
    match split {
        "dev" => even,
        "test" => !even,
        _ => true,
    }
}

/// Whether the article at `position` of `count` in arrival order is in a
/// split by arrival: `early` is the first half, `late` the second.
fn in_arrival_split(position: usize, count: usize, split: &str) -> bool {
    match split {
        "early" => position < count / 2,
        "late" => position >= count / 2,
        _ => true,
    }
}

fn set(config: &mut ClusterConfig, name: &str, value: &str) {
    let number: f64 = value.parse().unwrap_or_else(|_| panic!("{name}={value}: not a number"));
    match name {
        "threshold" => config.threshold = number as f32,
        "short_threshold" => config.short_threshold = number as f32,
        "short_terms" => config.short_terms = number as usize,
        "long_terms" => config.long_terms = number as usize,
        "time_penalty" => config.time_penalty = number as f32,
        "time_scale_days" => config.time_scale_seconds = (number * 86_400.0) as i64,
        "title_weight" => config.title_weight = number as f32,
        "max_text_bytes" => config.max_text_bytes = number as usize,
        "window_days" => config.window_seconds = (number * 86_400.0) as i64,
        "salient_terms" => config.salient_terms = number as usize,
        "max_postings" => config.max_postings = number as usize,
        "max_candidates" => config.max_candidates = number as usize,
        "centroid_terms" => config.centroid_terms = number as usize,
        "title_similarity_weight" => config.title_similarity_weight = number as f32,
        "embedding_weight" => config.embedding_weight = number as f32,
        "embedding_offset" => config.embedding_offset = number as f32,
        "long_embedding_weight" => config.long_embedding_weight = number as f32,
        _ => panic!("unknown setting {name}"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let data =
        PathBuf::from(args.next().expect("usage: cluster_dev DATA_DIR [dev|test|all|early|late] [name=v1,v2 ...]"));
    let split = args.next().unwrap_or_else(|| "dev".into());
    assert!(["dev", "test", "all", "early", "late"].contains(&split.as_str()), "unknown split {split}");
    let sweeps: Vec<(String, Vec<String>)> = args
        .map(|arg| {
            let (name, values) = arg.split_once('=').expect("settings are name=value");
            (name.to_owned(), values.split(',').map(str::to_owned).collect())
        })
        .collect();

    let gold: HashMap<String, String> = std::fs::read_to_string(data.join("gold.tsv"))
        .expect("gold.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once('\t').map(|(id, event)| (id.to_owned(), event.to_owned())))
        .collect();
    let articles: Vec<_> =
        dossier_sources::read(vec![Input::Path(data.join("articles.jsonl"))], ReadOptions::default())
            .filter_map(|record| match record {
                Record::Article(raw) => normalize_article(raw).ok(),
                Record::Skipped(_) => None,
            })
            .filter(|article| gold.contains_key(article.id.as_str()))
            .collect();

    // With a sentence model (`DOSSIER_EMBED_MODEL`), each article's title
    // and lead are embedded once, before the sweep.
    let model = std::env::var_os("DOSSIER_EMBED_MODEL").filter(|dir| !dir.is_empty());
    // Keyed by the data folder, its articles' contents and the model folder;
    // a cache that does not hold one vector per article is ignored and
    // rewritten.
    let cache = model.as_ref().map(|dir| {
        let contents = std::fs::read(data.join("articles.jsonl")).map(|b| xxhash_rust::xxh3::xxh3_64(&b)).unwrap_or(0);
        let key = format!("{}\n{contents:016x}\n{}", data.to_string_lossy(), dir.to_string_lossy());
        std::env::temp_dir().join(format!("dossier-embeddings-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes())))
    });
    let cached = cache.as_ref().and_then(|cache| std::fs::read(cache).ok()).and_then(|bytes| {
        let floats: Vec<f32> = bytes.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect();
        let dimension = floats.len() / articles.len().max(1);
        (dimension > 0 && floats.len() == dimension * articles.len())
            .then(|| floats.chunks(dimension).map(|v| Some(v.to_vec())).collect::<Vec<_>>())
    });
    let embeddings: Vec<Option<Vec<f32>>> = match (model, cached) {
        (Some(_), Some(cached)) => cached,
        (Some(dir), None) => {
            let embedder = dossier_embed::Embedder::load(dir.as_ref()).expect("sentence model");
            let started = std::time::Instant::now();
            let texts: Vec<String> = articles.iter().map(embedding_text).collect();
            let mut vectors = Vec::with_capacity(texts.len());
            for batch in texts.chunks(32) {
                let batch: Vec<&str> = batch.iter().map(String::as_str).collect();
                vectors.extend(embedder.embed(&batch).expect("embedding").into_iter().map(Some));
            }
            let seconds = started.elapsed().as_secs_f64();
            println!("embedded {} articles in {seconds:.1}s ({:.0}/s)", texts.len(), texts.len() as f64 / seconds);
            let bytes: Vec<u8> = vectors.iter().flatten().flatten().flat_map(|x| x.to_le_bytes()).collect();
            if let Some(cache) = &cache {
                std::fs::write(cache, bytes).expect("embedding cache");
            }
            vectors
        }
        (None, _) => vec![None; articles.len()],
    };
    // Only the scored split is streamed (see the module docs).
    let count = articles.len();
    let (articles, embeddings): (Vec<_>, Vec<_>) = articles
        .into_iter()
        .zip(embeddings)
        .enumerate()
        .filter(|(position, (article, _))| {
            in_split(&gold[article.id.as_str()], &split) && in_arrival_split(*position, count, &split)
        })
        .map(|(_, pair)| pair)
        .unzip();
    // Each streamed article is scored against its event.
    let scored: Vec<(String, String)> =
        articles.iter().map(|article| (article.id.to_string(), gold[article.id.as_str()].clone())).collect();

    // Every combination of the swept values.
    let mut configs = vec![(ClusterConfig::default(), String::new())];
    for (name, values) in &sweeps {
        configs = configs
            .into_iter()
            .flat_map(|(config, label)| {
                values.iter().map(move |value| {
                    let mut config = config.clone();
                    set(&mut config, name, value);
                    (config, format!("{label}{name}={value} "))
                })
            })
            .collect();
    }
    println!("{} articles streamed, {} events scored, split {split}", articles.len(), {
        let mut events: Vec<_> = scored.iter().map(|(_, event)| event).collect();
        events.sort();
        events.dedup();
        events.len()
    });
    for (config, label) in configs {
        let mut clusterer = StreamClusterer::new(config.clone());
        let predicted: Vec<(String, u64)> = articles
            .iter()
            .zip(&embeddings)
            .map(|(article, embedding)| {
                let analyzer = Analyzer::for_language(article.language.as_deref());
                // As ingest reads titles: without their site's name.
                let title = article.title.as_deref().and_then(|t| story_title(t, article.source.as_deref()));
                let document = Document {
                    features: Features::new(&analyzer, title, &article.text, &config),
                    published: article.published.map(|published| published.timestamp()),
                    language: article.language.clone(),
                    embedding: embedding.clone(),
                };
                (article.id.to_string(), clusterer.assign(&document).story().0)
            })
            .collect();
        if std::env::var_os("SHOW_MERGES").is_some() {
            let mut stories: HashMap<u64, HashMap<&str, usize>> = HashMap::new();
            for (id, story) in &predicted {
                *stories.entry(*story).or_default().entry(gold[id].as_str()).or_default() += 1;
            }
            for (story, events) in stories.iter().filter(|(_, events)| events.len() > 1) {
                println!("story {story}: {events:?}");
            }
        }
        if std::env::var_os("SHOW_SPLITS").is_some() {
            let titles: HashMap<&str, &str> =
                articles.iter().map(|a| (a.id.as_str(), a.title.as_deref().unwrap_or(""))).collect();
            let mut events: HashMap<&str, HashMap<u64, Vec<&str>>> = HashMap::new();
            for (id, story) in &predicted {
                events.entry(gold[id].as_str()).or_default().entry(*story).or_default().push(titles[id.as_str()]);
            }
            for (event, stories) in events.iter().filter(|(_, stories)| stories.len() > 1) {
                println!("event {event}:");
                for (story, titles) in stories {
                    println!("  story {story} ({}): {:?}", titles.len(), &titles[..titles.len().min(3)]);
                }
            }
        }
        let predicted = match std::env::var("MERGE").ok().and_then(|m| m.parse::<f32>().ok()) {
            Some(min_score) => {
                // Each set of stories is named by its oldest story.
                let mut sets = dossier_dedup::UnionFind::new(clusterer.next_story_id() as usize);
                // With `MERGE_DAYS`, only stories whose time spans lie at
                // most that many days apart.
                let days: Option<f64> = std::env::var("MERGE_DAYS").ok().and_then(|d| d.parse().ok());
                let mut spans: HashMap<u64, (i64, i64)> = HashMap::new();
                for ((_, story), article) in predicted.iter().zip(&articles) {
                    if let Some(at) = article.published.map(|p| p.timestamp()) {
                        let span = spans.entry(*story).or_insert((at, at));
                        *span = (span.0.min(at), span.1.max(at));
                    }
                }
                let near = |a: u64, b: u64| match (days, spans.get(&a), spans.get(&b)) {
                    (Some(days), Some(x), Some(y)) => (x.0 - y.1).max(y.0 - x.1).max(0) as f64 <= days * 86_400.0,
                    (Some(_), _, _) => false,
                    (None, _, _) => true,
                };
                for (a, b, _) in clusterer.similar_stories(min_score) {
                    if near(a.0, b.0) {
                        sets.union(a.0 as u32, b.0 as u32);
                    }
                }
                predicted.into_iter().map(|(id, story)| (id, u64::from(sets.find(story as u32)))).collect()
            }
            None => predicted,
        };
        let scores = dossier_eval::score(scored.iter().cloned(), predicted);
        println!(
            "{label:<40} stories {:>5}  pair P {:.3} R {:.3} F1 {:.3}  B3 F1 {:.3}",
            scores.predicted_clusters,
            scores.pairwise.precision,
            scores.pairwise.recall,
            scores.pairwise.f1,
            scores.bcubed.f1
        );
    }
}

/// What the sentence model reads of an article: its title and the start of
/// its body (the model cuts the rest).
fn embedding_text(article: &dossier_domain::Article) -> String {
    let lead: String = article.text.chars().take(600).collect();
    match &article.title {
        Some(title) => format!("{title}. {lead}"),
        None => lead,
    }
}
