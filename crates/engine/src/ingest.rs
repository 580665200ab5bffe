//! The ingest pipeline: read, normalise, fold copies, cluster, store.

use crate::{Engine, EngineError};
use dossier_cluster::{Assignment, ClusterConfig, Document, Features, StreamClusterer};
use dossier_dedup::{
    content_key, copy_key, similar_at_least, Banding, DocumentSketch, NearDupConfig, Scratch, Shingling,
};
use dossier_domain::{Article, Published, RawArticle, StoryId};
use dossier_sources::{Input, ReadOptions, Record, Records};
use dossier_store::{Batch, NewArticle, Store, StoredArticle};
use dossier_text::{normalize_article, story_title, Analyzer};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};

/// How an ingest runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub read: ReadOptions,
    pub cluster: ClusterConfig,
    /// Articles per transaction: a killed run loses at most this many
    /// uncommitted articles, which the next run stores.
    pub batch_size: usize,
    /// Near-duplicate detection against the store's index; `None` folds
    /// exact copies only. The index holds band keys of this banding, so a
    /// store should keep one setting ([`near_duplicate_defaults`]).
    pub near_duplicates: Option<NearDupConfig>,
}

/// Shingles `ingest` compares texts by: word 3-grams.
pub const INGEST_SHINGLING: Shingling = Shingling::Words(3);
/// The word-3-gram Jaccard similarity at which `ingest` calls an article a
/// copy of a stored original. Chosen on the benchmark corpus and
/// news-cluster (see ARCHITECTURE.md, Performance): it finds every copy
/// with up to 5% word edits there while different outlets' own reports of
/// one event stay apart.
pub const INGEST_THRESHOLD: f64 = 0.5;

/// The near-duplicate settings `ingest` uses by default.
pub fn near_duplicate_defaults() -> NearDupConfig {
    match NearDupConfig::new(INGEST_SHINGLING, INGEST_THRESHOLD) {
        Ok(config) => config,
        Err(error) => unreachable!("the ingest defaults are valid: {error}"),
    }
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            read: ReadOptions::default(),
            cluster: ClusterConfig::default(),
            batch_size: 1_000,
            near_duplicates: Some(near_duplicate_defaults()),
        }
    }
}

/// What one ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Articles read from the inputs (records that were not articles at
    /// all are counted in `skipped` instead).
    pub read: u64,
    /// Articles stored for the first time, copies included.
    pub new: u64,
    /// Articles that were stored already: same id or URL, same content.
    pub already_stored: u64,
    /// New articles that are copies of an article stored before them.
    pub duplicates: u64,
    /// Of those, the near copies (edited, not word for word).
    pub near_duplicates: u64,
    pub stories_opened: u64,
    /// Stories from earlier runs that new articles joined.
    pub stories_extended: u64,
    /// New articles whose id was taken by a different article; stored under
    /// a suffixed id (`id~2`).
    pub id_clashes: u64,
    /// New articles stored without a publication time: none given, or none
    /// the reader could read (the value is kept in the metadata). Such an
    /// article joins stories by its words alone, and its relative dates
    /// ("on Sunday") are read against the latest date it writes.
    pub undated: u64,
    /// Skipped records by reason.
    pub skipped: BTreeMap<&'static str, u64>,
}

/// What an ingest reports while it runs.
#[derive(Debug)]
pub enum IngestEvent<'a> {
    /// A record or file that was skipped, with where and why.
    Skipped { origin: String, reason: &'static str, message: String },
    /// A different article arrived under an id already taken.
    IdClash { origin: String, id: &'a str, stored_as: &'a str },
    /// An article about to be stored undated had a date field no date
    /// could be read from (`field`, `value` as written).
    UnreadDate { origin: String, field: &'a str, value: &'a str },
    /// An article was stored (`id` is the id it is stored under).
    Stored { origin: String, id: &'a str, story: u64, duplicate_of: Option<&'a str> },
    /// An article was stored already (`id` is the stored article's id).
    AlreadyStored { origin: String, id: &'a str },
    /// A batch was committed (and indexed for search).
    Committed { summary: &'a IngestSummary },
}

/// A raw record after the parallel part of the pipeline.
enum Prepared {
    /// `headline` is the title as its story would show it ([`story_title`]):
    /// clustering compares it, and it may head the story.
    Article {
        article: Box<Article>,
        headline: Option<String>,
        features: Features,
        near: Option<DocumentSketch>,
    },
    Skipped {
        origin: String,
        reason: &'static str,
        message: String,
    },
}

fn prepare(record: Record, options: &IngestOptions, scratch: &mut Scratch) -> Prepared {
    let config = &options.cluster;
    let raw: RawArticle = match record {
        Record::Article(raw) => raw,
        Record::Skipped(diagnostic) => {
            return Prepared::Skipped {
                origin: diagnostic.origin.to_string(),
                reason: diagnostic.error.kind(),
                message: diagnostic.error.to_string(),
            }
        }
    };
    let origin = raw.origin.to_string();
    match normalize_article(raw) {
        Ok(article) => {
            let headline = headline_of(article.title.as_deref(), article.source.as_deref());
            let features = features_of(&article.language, headline.as_deref(), &article.text, config);
            let near = options
                .near_duplicates
                .map(|near| near.sketch_article(article.title.as_deref(), &article.text, scratch));
            Prepared::Article { article: Box::new(article), headline, features, near }
        }
        Err(rejection) => Prepared::Skipped { origin, reason: rejection.kind(), message: rejection.to_string() },
    }
}

/// An article's title as its story would show it: the part that tells the
/// story, not its site's name.
pub(crate) fn headline_of(title: Option<&str>, source: Option<&str>) -> Option<String> {
    title.and_then(|title| story_title(title, source)).map(str::to_owned)
}

/// The clustering features of an article, given its [`headline_of`].
fn features_of(language: &Option<String>, headline: Option<&str>, text: &str, config: &ClusterConfig) -> Features {
    Features::new(&Analyzer::for_language(language.as_deref()), headline, text, config)
}

impl Engine {
    /// Ingests every record of `inputs`, calling `observe` as it goes.
    ///
    /// Bad records are reported through `observe` and counted; only a store
    /// failure stops the run, and everything committed before it stays.
    pub fn ingest(
        &mut self,
        inputs: Vec<Input>,
        options: &IngestOptions,
        observe: &mut dyn FnMut(IngestEvent<'_>),
    ) -> Result<IngestSummary, EngineError> {
        self.ingest_records(dossier_sources::read(inputs, options.read), options, observe)
    }

    /// Ingests records already being read (e.g. an HTTP request's body,
    /// through [`dossier_sources::read_stream`]); see [`Engine::ingest`].
    pub fn ingest_records(
        &mut self,
        mut records: Records,
        options: &IngestOptions,
        observe: &mut dyn FnMut(IngestEvent<'_>),
    ) -> Result<IngestSummary, EngineError> {
        let mut clusterer = self.clusterer(&options.cluster)?;
        let first_new_story = StoryId(clusterer.next_story_id());
        let mut summary = IngestSummary::default();
        let mut extended = HashSet::new();
        let batch_size = options.batch_size.max(1);
        let prepare_next = |records: &mut dossier_sources::Records| -> Vec<Prepared> {
            let chunk: Vec<Record> = records.by_ref().take(batch_size).collect();
            chunk
                .into_par_iter()
                .map_init(Scratch::default, |scratch, record| prepare(record, options, scratch))
                .collect()
        };
        let mut prepared = prepare_next(&mut records);
        let mut run = Run {
            clusterer: &mut clusterer,
            summary: &mut summary,
            extended: &mut extended,
            first_new_story,
            near_duplicates: options.near_duplicates.as_ref(),
        };
        while !prepared.is_empty() {
            // Read and prepare the next batch while this one is decided and
            // stored, so that both cores work.
            let next = std::thread::scope(|scope| {
                let reader = scope.spawn(|| prepare_next(&mut records));
                let stored = run.store_batch(&mut self.store, prepared, observe);
                let next = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                stored.map(|()| next)
            })?;
            self.feed_search()?;
            run.committed(observe);
            prepared = next;
        }
        self.sync_search()?;
        self.keep_warm(clusterer, &options.cluster)?;
        Ok(summary)
    }

    /// A clusterer that has seen every stored original, in arrival order.
    pub(crate) fn replay(&self, config: &ClusterConfig) -> Result<StreamClusterer, EngineError> {
        const CHUNK: usize = 2_048;
        let mut clusterer = StreamClusterer::new(config.clone());
        let mut pending: Vec<StoredArticle> = Vec::with_capacity(CHUNK);
        let flush = |pending: &mut Vec<StoredArticle>, clusterer: &mut StreamClusterer| {
            let documents: Vec<(Document, u64)> = pending
                .par_iter()
                .map(|stored| {
                    let document = Document {
                        features: features_of(
                            &stored.language,
                            headline_of(stored.title.as_deref(), stored.source.as_deref()).as_deref(),
                            &stored.text,
                            config,
                        ),
                        published: stored.published.as_deref().and_then(Published::parse).map(|p| p.timestamp()),
                        language: stored.language.clone(),
                        embedding: None,
                    };
                    (document, stored.story_id)
                })
                .collect();
            for (document, story) in &documents {
                clusterer.restore(document, StoryId(*story));
            }
            pending.clear();
        };
        self.store.for_each_article::<EngineError>(true, |stored| {
            pending.push(stored);
            if pending.len() == CHUNK {
                flush(&mut pending, &mut clusterer);
            }
            Ok(())
        })?;
        flush(&mut pending, &mut clusterer);
        Ok(clusterer)
    }
}

/// The state of one ingest run across its batches.
struct Run<'r> {
    clusterer: &'r mut StreamClusterer,
    summary: &'r mut IngestSummary,
    extended: &'r mut HashSet<StoryId>,
    first_new_story: StoryId,
    near_duplicates: Option<&'r NearDupConfig>,
}

impl Run<'_> {
    /// Decides and stores one prepared batch in one transaction.
    fn store_batch(
        &mut self,
        store: &mut Store,
        prepared: Vec<Prepared>,
        observe: &mut dyn FnMut(IngestEvent<'_>),
    ) -> Result<(), EngineError> {
        let mut batch = store.batch()?;
        for item in prepared {
            match item {
                Prepared::Skipped { origin, reason, message } => {
                    *self.summary.skipped.entry(reason).or_default() += 1;
                    observe(IngestEvent::Skipped { origin, reason, message });
                }
                Prepared::Article { article, headline, features, near } => {
                    self.summary.read += 1;
                    let step = Step {
                        batch: &mut batch,
                        clusterer: self.clusterer,
                        summary: self.summary,
                        near_duplicates: self.near_duplicates,
                    };
                    if let Some(story) = step.store(*article, headline, features, near, observe)? {
                        if story < self.first_new_story {
                            self.extended.insert(story);
                        }
                    }
                }
            }
        }
        batch.commit()?;
        Ok(())
    }

    /// Reports a committed (and search-indexed) batch.
    fn committed(&mut self, observe: &mut dyn FnMut(IngestEvent<'_>)) {
        self.summary.stories_extended = self.extended.len() as u64;
        tracing::info!(
            target: "dossier::ingest",
            read = self.summary.read,
            new = self.summary.new,
            duplicates = self.summary.duplicates,
            "batch committed"
        );
        observe(IngestEvent::Committed { summary: self.summary });
    }
}

/// An article's content key (the same record) and copy key (the same
/// words), as stored.
pub(crate) fn keys(title: Option<&str>, text: &str) -> ([u8; 16], Option<[u8; 16]>) {
    (content_key(title, text).to_bytes(), copy_key(title, text).map(|key| key.to_bytes()))
}

/// The sequential part of the pipeline for one article.
struct Step<'s, 'b> {
    batch: &'s mut Batch<'b>,
    clusterer: &'s mut StreamClusterer,
    summary: &'s mut IngestSummary,
    near_duplicates: Option<&'s NearDupConfig>,
}

impl Step<'_, '_> {
    /// Stores one article unless it is stored already; returns its story.
    fn store(
        self,
        article: Article,
        headline: Option<String>,
        features: Features,
        near: Option<DocumentSketch>,
        observe: &mut dyn FnMut(IngestEvent<'_>),
    ) -> Result<Option<StoryId>, EngineError> {
        let (content, copy) = keys(article.title.as_deref(), &article.text);
        let claimed_id = article.id.as_str();
        if let Some(stored) = self.batch.find_same(claimed_id, article.url.as_deref(), &content)? {
            observe(IngestEvent::AlreadyStored { origin: article.origin.to_string(), id: &stored });
            self.summary.already_stored += 1;
            return Ok(None);
        }
        let id = self.free_id(claimed_id)?;
        if id != claimed_id {
            self.summary.id_clashes += 1;
            observe(IngestEvent::IdClash { origin: article.origin.to_string(), id: claimed_id, stored_as: &id });
        }
        if article.published.is_none() {
            if let Some((field, value)) = dossier_sources::unread_date(&article.metadata) {
                observe(IngestEvent::UnreadDate { origin: article.origin.to_string(), field: &field, value: &value });
            }
        }
        let published_ts = article.published.map(|published| published.timestamp());
        let mut original = match &copy {
            Some(key) => self.batch.find_original(key)?,
            None => None,
        };
        // Not a word-for-word copy: a near copy of an indexed original?
        let band_keys: Option<Vec<i64>> =
            near.as_ref().and_then(|sketch| sketch.band_keys.as_deref()).map(Banding::tagged);
        if let (None, Some(keys), Some(sketch), Some(config)) = (&original, &band_keys, &near, self.near_duplicates) {
            let candidates = self.batch.near_duplicate_candidates(keys)?;
            if let Some(found) = candidates
                .into_iter()
                .find(|candidate| similar_at_least(&candidate.shingles, &sketch.shingles, config.threshold).is_some())
            {
                self.summary.near_duplicates += 1;
                original = Some((found.id, found.story_id));
            }
        }
        let (story, duplicate_of) = match original {
            Some((original_id, story)) => {
                self.summary.duplicates += 1;
                (StoryId(story), Some(original_id))
            }
            None => {
                let document =
                    Document { features, published: published_ts, language: article.language.clone(), embedding: None };
                let assignment = self.clusterer.assign(&document);
                if let Assignment::Opened { .. } = assignment {
                    self.summary.stories_opened += 1;
                }
                (assignment.story(), None)
            }
        };
        let row = NewArticle {
            claimed_id: claimed_id.to_owned(),
            id,
            url: article.url,
            headline,
            source: article.source,
            title: article.title,
            text: article.text,
            published: article.published.map(|published| published.to_string()),
            published_ts,
            language: article.language,
            metadata: serde_json::Value::Object(article.metadata).to_string(),
            origin: article.origin.to_string(),
            content_key: content,
            copy_key: copy,
            duplicate_of,
            story_id: story.0,
        };
        let is_original = row.duplicate_of.is_none();
        self.summary.undated += u64::from(row.published.is_none());
        let seq = self.batch.insert(&row)?;
        if let (true, Some(keys), Some(sketch)) = (is_original, &band_keys, &near) {
            self.batch.index_near_duplicate(seq, keys, &sketch.shingles)?;
        }
        let origin = article.origin.to_string();
        observe(IngestEvent::Stored { origin, id: &row.id, story: story.0, duplicate_of: row.duplicate_of.as_deref() });
        self.summary.new += 1;
        Ok(Some(story))
    }

    /// `id` if it is free, else the first free `id~2`, `id~3`, ….
    fn free_id(&self, id: &str) -> Result<String, EngineError> {
        if !self.batch.id_taken(id)? {
            return Ok(id.to_owned());
        }
        let mut suffix = 2u64;
        loop {
            let candidate = format!("{id}~{suffix}");
            if !self.batch.id_taken(&candidate)? {
                return Ok(candidate);
            }
            suffix += 1;
        }
    }
}
