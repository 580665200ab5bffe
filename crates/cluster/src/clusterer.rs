//! The streaming clusterer: inverted index over story centroids, TF-IDF
//! cosine, time window, one decision per article.

use crate::{ClusterConfig, Features};
use dossier_domain::StoryId;
use std::cell::{Cell, RefCell};
// Maps keyed by our own small integers (term and story ids) use the Fx
// hash, several times faster than SipHash and with a fixed iteration order,
// so sums over a centroid come out the same on every run. The vocabulary is
// keyed by words from articles: foldhash, seeded per process.
use rustc_hash::FxHashMap as HashMap;

/// One article as the clusterer sees it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub features: Features,
    /// Publication time in Unix seconds, when known.
    pub published: Option<i64>,
    /// ISO 639-3 code, when known.
    pub language: Option<String>,
    /// A unit-length dense embedding of the title and lead, when a sentence
    /// model is in use. It adds to the score against stories that have
    /// embeddings too (see [`ClusterConfig::embedding_weight`]).
    pub embedding: Option<Vec<f32>>,
}

/// What the clusterer decided for one article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Assignment {
    /// The article joined an existing story, this similar to it.
    Joined { story: StoryId, similarity: f32 },
    /// No story was similar enough; the article opened this one.
    Opened { story: StoryId },
}

impl Assignment {
    pub fn story(&self) -> StoryId {
        match self {
            Self::Joined { story, .. } | Self::Opened { story } => *story,
        }
    }
}

type TermId = u32;

/// Summed unit-length article term vectors of one kind (all terms or the
/// title's).
#[derive(Default)]
struct Centroid {
    terms: HashMap<TermId, f32>,
    /// The TF-IDF length and the collection size it was computed at. IDF
    /// drifts slowly as the stream grows, so the length is recomputed only
    /// when the centroid changed or the collection grew by a tenth: this
    /// keeps scoring proportional to the article, not the story.
    norm: Cell<Option<(f32, u32)>>,
}

impl Centroid {
    /// Adds an article's vector, scaled to unit length, so that one long
    /// article does not outweigh the rest of its story; keeps the `keep`
    /// heaviest terms once it has twice as many.
    fn add(&mut self, terms: &[(TermId, f32)], keep: usize) {
        if terms.is_empty() {
            return;
        }
        let length = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(f32::MIN_POSITIVE);
        for &(term, weight) in terms {
            *self.terms.entry(term).or_default() += weight / length;
        }
        if self.terms.len() > 2 * keep {
            prune(&mut self.terms, keep);
        }
        self.norm.set(None);
    }
}

/// An article's term vectors, interned.
struct Terms {
    all: Vec<(TermId, f32)>,
    title: Vec<(TermId, f32)>,
}

struct Story {
    id: StoryId,
    /// All terms, and the titles' alone.
    centroid: Centroid,
    title: Centroid,
    first: Option<i64>,
    last: Option<i64>,
    /// An index into the clusterer's `languages` (compared per candidate,
    /// so a number, not a string).
    language: Option<u32>,
    /// The sum of its articles' embeddings (empty when none had one), and
    /// that sum's length.
    embedding: Vec<f32>,
    embedding_norm: f32,
}

/// Assigns articles to stories in arrival order. See the crate docs.
pub struct StreamClusterer {
    config: ClusterConfig,
    vocabulary: foldhash::HashMap<String, TermId>,
    document_frequency: Vec<u32>,
    /// `ln(df + 1)` per term, kept with `document_frequency` so that IDF
    /// costs a subtraction, not a logarithm.
    log_frequency: Vec<f32>,
    documents: u32,
    /// `ln(documents + 1) + 1`.
    idf_base: f32,
    stories: Vec<Story>,
    story_slots: HashMap<StoryId, usize>,
    /// The languages seen, by the index stories keep.
    languages: Vec<String>,
    /// Term → the stories indexed under it (slots into `stories`).
    postings: Vec<Vec<u32>>,
    /// Per-story overlap counters reused across articles, and the slots
    /// touched, so that candidate search allocates nothing per story.
    overlap: RefCell<(Vec<u32>, Vec<u32>)>,
    next_story: u64,
    /// The latest publication time seen. An undated article is compared as
    /// if published then, as news arriving now is: not with stories of any
    /// year alike, nor as an exception to their ageing out.
    newest: Option<i64>,
}

impl StreamClusterer {
    pub fn new(config: ClusterConfig) -> Self {
        Self {
            config,
            vocabulary: foldhash::HashMap::default(),
            document_frequency: Vec::new(),
            log_frequency: Vec::new(),
            documents: 0,
            idf_base: 1.0,
            stories: Vec::new(),
            story_slots: HashMap::default(),
            languages: Vec::new(),
            postings: Vec::new(),
            overlap: RefCell::new((Vec::new(), Vec::new())),
            next_story: 1,
            newest: None,
        }
    }

    /// How many stories the clusterer knows.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// The id the next opened story will get.
    pub fn next_story_id(&self) -> u64 {
        self.next_story
    }

    /// Decides the story of the next article and records it there.
    pub fn assign(&mut self, document: &Document) -> Assignment {
        let terms = self.intern(&document.features);
        let all = self.weighted(&terms.all);
        let salient = self.salient(&all.0);
        let best = self.best_story(&terms, &all, &salient, document);
        // The short-text threshold applies when either side is short: a
        // headline-only story met by a full report, or the other way round.
        let threshold =
            |slot: usize| self.config.threshold_for(terms.all.len().min(self.stories[slot].centroid.terms.len()));
        let assignment = match best {
            Some((slot, similarity)) if similarity >= threshold(slot) => {
                Assignment::Joined { story: self.stories[slot].id, similarity }
            }
            _ => Assignment::Opened { story: StoryId(self.next_story) },
        };
        self.record(&terms, salient, document, assignment.story());
        assignment
    }

    /// Records an article whose story is already known (replaying a stored
    /// stream after a restart) without deciding anything.
    pub fn restore(&mut self, document: &Document, story: StoryId) {
        let terms = self.intern(&document.features);
        let salient = self.salient(&self.weighted(&terms.all).0);
        self.record(&terms, salient, document, story);
    }

    fn intern(&mut self, features: &Features) -> Terms {
        Terms { all: self.intern_vector(&features.terms), title: self.intern_vector(&features.title) }
    }

    fn intern_vector(&mut self, terms: &[(String, f32)]) -> Vec<(TermId, f32)> {
        terms
            .iter()
            .map(|(term, weight)| {
                if let Some(&id) = self.vocabulary.get(term.as_str()) {
                    return (id, *weight);
                }
                let id = self.vocabulary.len() as TermId;
                self.vocabulary.insert(term.clone(), id);
                self.document_frequency.push(0);
                self.log_frequency.push(0.0);
                self.postings.push(Vec::new());
                (id, *weight)
            })
            .collect()
    }

    /// Smoothed inverse document frequency of a term:
    /// `ln((documents + 1) / (df + 1)) + 1`.
    fn idf(&self, term: TermId) -> f32 {
        self.idf_base - self.log_frequency[term as usize]
    }

    /// The article's most salient terms, heaviest first, from its TF-IDF
    /// vector ([`Self::weighted`]).
    fn salient(&self, weighted: &[(TermId, f32)]) -> Vec<TermId> {
        let mut weighted = weighted.to_vec();
        weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(self.config.salient_terms);
        weighted.into_iter().map(|(term, _)| term).collect()
    }

    /// An article's language as stories keep theirs: `None` when unknown,
    /// else its index among the languages seen, [`UNSEEN_LANGUAGE`] for one
    /// no story has yet.
    fn language_index(&self, language: Option<&str>) -> Option<u32> {
        let language = language?;
        let index = self.languages.iter().position(|seen| seen == language);
        Some(index.map_or(UNSEEN_LANGUAGE, |index| index as u32))
    }

    /// A language's index among those seen, added when new.
    fn intern_language(&mut self, language: &str) -> u32 {
        match self.language_index(Some(language)) {
            Some(UNSEEN_LANGUAGE) | None => {
                self.languages.push(language.to_owned());
                self.languages.len() as u32 - 1
            }
            Some(index) => index,
        }
    }

    /// Whether a story may take an article of `language` (see
    /// [`Self::language_index`]) published at `published`.
    fn is_candidate(&self, story: &Story, language: Option<u32>, published: Option<i64>) -> bool {
        let in_window = match (published, story.first, story.last) {
            (Some(at), Some(first), Some(last)) => {
                at >= first - self.config.window_seconds && at <= last + self.config.window_seconds
            }
            _ => true,
        };
        in_window && same_language(story.language, language)
    }

    fn best_story(
        &self,
        terms: &Terms,
        all: &(Vec<(TermId, f32)>, f32),
        salient: &[TermId],
        document: &Document,
    ) -> Option<(usize, f32)> {
        let when = document.published.or(self.newest);
        let mut scratch = self.overlap.borrow_mut();
        let (counts, touched) = &mut *scratch;
        counts.resize(self.stories.len(), 0);
        for &term in salient {
            let posting = &self.postings[term as usize];
            // The newest stories are at the end of each list.
            for &slot in &posting[posting.len().saturating_sub(self.config.max_postings)..] {
                if counts[slot as usize] == 0 {
                    touched.push(slot);
                }
                counts[slot as usize] += 1;
            }
        }
        let language = self.language_index(document.language.as_deref());
        let mut candidates: Vec<(u32, u32)> = Vec::with_capacity(touched.len());
        for slot in touched.drain(..) {
            let count = std::mem::take(&mut counts[slot as usize]);
            if self.is_candidate(&self.stories[slot as usize], language, when) {
                candidates.push((slot, count));
            }
        }
        drop(scratch);
        // The most shared salient terms first, then the older story: a total
        // order, so selecting the first `max_candidates` keeps exactly the
        // ones a full sort would, without sorting thousands of stories.
        let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if candidates.len() > self.config.max_candidates && self.config.max_candidates > 0 {
            candidates.select_nth_unstable_by(self.config.max_candidates - 1, order);
        }
        candidates.truncate(self.config.max_candidates);

        if all.1 == 0.0 {
            return None;
        }
        let title = self.weighted(&terms.title);
        let title_weight = self.config.title_similarity_weight;
        candidates
            .into_iter()
            .map(|(slot, _)| {
                let story = &self.stories[slot as usize];
                let cosine = self.cosine(all, &story.centroid);
                // When the article or the story has no title, the title part
                // is the cosine over all terms.
                let titles = if title_weight == 0.0 || title.1 == 0.0 || story.title.terms.is_empty() {
                    cosine
                } else {
                    self.cosine(&title, &story.title)
                };
                let cosine = (cosine + title_weight * titles) / (1.0 + title_weight);
                // As for the threshold, the shorter side decides.
                let length = terms.all.len().min(story.centroid.terms.len());
                let dense = self.dense_score(story, document.embedding.as_deref(), length);
                (slot as usize, cosine + dense - self.config.time_cost(gap(story, when)))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// Pairs of stories whose centroids are at least `min_score` alike
    /// (TF-IDF cosine of the centroids over all terms, without the title
    /// part, plus the dense term when both have embeddings), each
    /// pair once, older story first. Candidates come through the inverted
    /// index, as for articles, from the older story's salient terms only (a
    /// pair that only the newer story's terms would reach is not found). It
    /// reads every story: a pass over a whole run, not something to do per
    /// article.
    pub fn similar_stories(&self, min_score: f32) -> Vec<(StoryId, StoryId, f32)> {
        let mut pairs = Vec::new();
        for (slot, story) in self.stories.iter().enumerate() {
            let mut weighted: Vec<(TermId, f32)> =
                story.centroid.terms.iter().map(|(&term, &w)| (term, w * self.idf(term))).collect();
            weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let norm = self.norm_of(&story.centroid);
            if norm == 0.0 {
                continue;
            }
            let weighted = (weighted, norm);
            let mean: Option<Vec<f32>> = (story.embedding_norm > 0.0)
                .then(|| story.embedding.iter().map(|x| x / story.embedding_norm).collect());
            let mut seen = rustc_hash::FxHashSet::default();
            for &(term, _) in weighted.0.iter().take(self.config.salient_terms) {
                let posting = &self.postings[term as usize];
                for &other in &posting[posting.len().saturating_sub(self.config.max_postings)..] {
                    let other = other as usize;
                    if other <= slot || !seen.insert(other) {
                        continue;
                    }
                    let candidate = &self.stories[other];
                    if !same_language(candidate.language, story.language) {
                        continue;
                    }
                    let length = story.centroid.terms.len().min(candidate.centroid.terms.len());
                    let score = self.cosine(&weighted, &candidate.centroid)
                        + self.dense_score(candidate, mean.as_deref(), length);
                    if score >= min_score {
                        pairs.push((story.id, candidate.id, score));
                    }
                }
            }
        }
        pairs
    }

    /// An article vector with IDF applied, and its length.
    fn weighted(&self, terms: &[(TermId, f32)]) -> (Vec<(TermId, f32)>, f32) {
        let weighted: Vec<(TermId, f32)> = terms.iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        (weighted, norm)
    }

    /// The cosine between a TF-IDF vector (with its length) and a centroid.
    fn cosine(&self, (weighted, norm): &(Vec<(TermId, f32)>, f32), centroid: &Centroid) -> f32 {
        let centroid_norm = self.norm_of(centroid);
        if centroid_norm == 0.0 || *norm == 0.0 {
            return 0.0;
        }
        let dot: f32 =
            weighted.iter().filter_map(|&(term, w)| centroid.terms.get(&term).map(|&c| w * c * self.idf(term))).sum();
        dot / (norm * centroid_norm)
    }

    /// What the embeddings add to the score:
    /// `weight × (cosine − embedding_offset)`, 0 unless both the article
    /// and the story have embeddings. The weight is the one for `length`
    /// distinct terms, the shorter side's ([`ClusterConfig::embedding_weight_for`]).
    fn dense_score(&self, story: &Story, embedding: Option<&[f32]>, length: usize) -> f32 {
        let Some(embedding) = embedding.filter(|_| story.embedding_norm > 0.0) else { return 0.0 };
        let weight = self.config.embedding_weight_for(length);
        if weight == 0.0 {
            return 0.0;
        }
        let dot: f32 = embedding.iter().zip(&story.embedding).map(|(a, b)| a * b).sum();
        weight * (dot / story.embedding_norm - self.config.embedding_offset)
    }

    /// The TF-IDF length of a centroid, cached (see [`Centroid::norm`]).
    fn norm_of(&self, centroid: &Centroid) -> f32 {
        if let Some((norm, documents)) = centroid.norm.get() {
            if self.documents <= documents + documents / 10 {
                return norm;
            }
        }
        let squares: f32 = centroid.terms.iter().map(|(&term, &weight)| (weight * self.idf(term)).powi(2)).sum();
        let norm = squares.sqrt();
        centroid.norm.set(Some((norm, self.documents)));
        norm
    }

    /// `salient` is computed before the article's own counts enter the IDF,
    /// the same terms it was looked up by.
    fn record(&mut self, terms: &Terms, salient: Vec<TermId>, document: &Document, story_id: StoryId) {
        for &(term, _) in &terms.all {
            let frequency = &mut self.document_frequency[term as usize];
            *frequency += 1;
            self.log_frequency[term as usize] = (*frequency as f32 + 1.0).ln();
        }
        self.documents += 1;
        self.idf_base = (self.documents as f32 + 1.0).ln() + 1.0;
        self.next_story = self.next_story.max(story_id.0 + 1);

        let slot = *self.story_slots.entry(story_id).or_insert_with(|| {
            self.stories.push(Story {
                id: story_id,
                centroid: Centroid::default(),
                title: Centroid::default(),
                first: None,
                last: None,
                language: None,
                embedding: Vec::new(),
                embedding_norm: 0.0,
            });
            self.stories.len() - 1
        });
        let language = document.language.as_deref().map(|language| self.intern_language(language));
        let story = &mut self.stories[slot];
        let keep = self.config.centroid_terms;
        story.centroid.add(&terms.all, keep);
        story.title.add(&terms.title, keep);
        if let Some(at) = document.published {
            story.first = Some(story.first.map_or(at, |first| first.min(at)));
            story.last = Some(story.last.map_or(at, |last| last.max(at)));
            self.newest = Some(self.newest.map_or(at, |newest| newest.max(at)));
        }
        if story.language.is_none() {
            story.language = language;
        }
        if let Some(embedding) = &document.embedding {
            if story.embedding.len() != embedding.len() {
                story.embedding = vec![0.0; embedding.len()];
            }
            story.embedding.iter_mut().zip(embedding).for_each(|(sum, x)| *sum += x);
            story.embedding_norm = story.embedding.iter().map(|x| x * x).sum::<f32>().sqrt();
        }
        for term in salient {
            let posting = &mut self.postings[term as usize];
            if !posting.contains(&(slot as u32)) {
                posting.push(slot as u32);
            }
        }
    }
}

/// The language index of an article whose language no story has: it
/// matches only stories of unknown language.
const UNSEEN_LANGUAGE: u32 = u32::MAX;

/// Whether two languages (indexes, `None` when unknown) may share a story:
/// they are the same, or either is unknown.
fn same_language(a: Option<u32>, b: Option<u32>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// How many seconds `published` lies outside the story's time span; 0 when
/// inside it or when either is unknown.
fn gap(story: &Story, published: Option<i64>) -> i64 {
    match (published, story.first, story.last) {
        (Some(at), Some(first), Some(last)) => (first - at).max(at - last).max(0),
        _ => 0,
    }
}

/// Keeps the `keep` heaviest terms of a centroid; ties go to the older
/// (lower) term id, so exactly `keep` remain.
fn prune(centroid: &mut HashMap<TermId, f32>, keep: usize) {
    if centroid.len() <= keep {
        return;
    }
    let mut terms: Vec<(TermId, f32)> = centroid.drain().collect();
    terms.select_nth_unstable_by(keep, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    terms.truncate(keep);
    centroid.extend(terms);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::Analyzer;

    fn document(text: &str, published: Option<i64>, language: &str) -> Document {
        let config = ClusterConfig::default();
        Document {
            features: Features::new(&Analyzer::english(), None, text, &config),
            published,
            language: Some(language.into()),
            embedding: None,
        }
    }

    const DAY: i64 = 24 * 3600;

    #[test]
    fn similar_articles_share_a_story_and_others_open_new_ones() {
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let a = clusterer.assign(&document("Ferry strikes Kittiwake Pier in fog, twelve hurt", Some(0), "eng"));
        let b = clusterer.assign(&document("Twelve hurt as ferry hits Kittiwake Pier in fog", Some(DAY), "eng"));
        let c = clusterer.assign(&document("Council approves transit budget after long debate", Some(DAY), "eng"));
        assert_eq!(a, Assignment::Opened { story: StoryId(1) });
        assert!(matches!(b, Assignment::Joined { story: StoryId(1), similarity } if similarity > 0.5));
        assert_eq!(c, Assignment::Opened { story: StoryId(2) });
        assert_eq!(clusterer.story_count(), 2);
    }

    fn titled(title: &str, text: &str, config: &ClusterConfig) -> Document {
        Document {
            features: Features::new(&Analyzer::english(), Some(title), text, config),
            published: None,
            language: Some("eng".into()),
            embedding: None,
        }
    }

    #[test]
    fn alike_titles_carry_articles_whose_bodies_differ() {
        // The same event told from two angles: the bodies share little, the
        // titles nearly everything.
        let first = (
            "Kittiwake Pier ferry crash leaves twelve hurt",
            "Crews pulled passengers from the water after the vessel struck the pilings in thick fog. \
             Ambulances lined the promenade and the harbour master closed the channel.",
        );
        let second = (
            "Twelve hurt in Kittiwake Pier ferry crash",
            "Shopkeepers on the seafront described a loud bang and a long silence before sirens. \
             The operator said its remaining sailings were cancelled until an inspection.",
        );
        let decide = |title_similarity_weight: f32| {
            let config = ClusterConfig {
                title_similarity_weight,
                threshold: 0.5,
                short_threshold: 0.5,
                ..ClusterConfig::default()
            };
            let mut clusterer = StreamClusterer::new(config.clone());
            clusterer.assign(&titled(first.0, first.1, &config));
            clusterer.assign(&titled(second.0, second.1, &config))
        };
        assert!(matches!(decide(0.0), Assignment::Opened { .. }), "{:?}", decide(0.0));
        assert!(matches!(decide(1.0), Assignment::Joined { story: StoryId(1), .. }), "{:?}", decide(1.0));
    }

    #[test]
    fn without_titles_the_title_weight_changes_nothing() {
        let score = |title_similarity_weight: f32| {
            let config = ClusterConfig { title_similarity_weight, ..ClusterConfig::default() };
            let mut clusterer = StreamClusterer::new(config);
            clusterer.assign(&document("Ferry strikes Kittiwake Pier in fog, twelve hurt", None, "eng"));
            clusterer.assign(&document("Twelve hurt as ferry hits Kittiwake Pier in fog", None, "eng"))
        };
        let Assignment::Joined { similarity, .. } = score(0.0) else { panic!("{:?}", score(0.0)) };
        let Assignment::Joined { similarity: weighted, .. } = score(1.0) else { panic!("{:?}", score(1.0)) };
        assert!((similarity - weighted).abs() < 1e-6, "{similarity} {weighted}");
    }

    #[test]
    fn stories_outside_the_time_window_are_not_candidates() {
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let text = "Ferry strikes Kittiwake Pier in fog, twelve hurt";
        let a = clusterer.assign(&document(text, Some(0), "eng"));
        let b = clusterer.assign(&document(text, Some(400 * DAY), "eng"));
        let c = clusterer.assign(&document(text, None, "eng"));
        assert_ne!(a.story(), b.story());
        assert!(matches!(c, Assignment::Joined { .. }));
    }

    #[test]
    fn an_undated_article_is_compared_as_of_the_newest_time_seen() {
        let walrus = "Walrus seen resting on a boat near Brennick harbour";
        // An old story, then news of another year: an undated article like
        // the old story is news now, not a late part of it.
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let old = clusterer.assign(&document(walrus, Some(0), "eng"));
        clusterer.assign(&document("Council approves transit budget after long debate", Some(400 * DAY), "eng"));
        let undated = clusterer.assign(&document(walrus, None, "eng"));
        assert!(matches!(undated, Assignment::Opened { .. }) && undated.story() != old.story(), "{undated:?}");
        // A stream with no dates at all clusters on words alone.
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let first = clusterer.assign(&document(walrus, None, "eng"));
        assert_eq!(clusterer.assign(&document(walrus, None, "eng")).story(), first.story());
    }

    #[test]
    fn the_further_apart_in_time_the_more_alike_texts_must_be() {
        let config = ClusterConfig::default();
        let first = "Ferry strikes Kittiwake Pier in fog, twelve hurt, harbour closed";
        let related = "Kittiwake Pier harbour reopens after ferry crash inquiry";
        let score_after = |days: i64| {
            let mut clusterer = StreamClusterer::new(config.clone());
            clusterer.assign(&document(first, Some(0), "eng"));
            match clusterer.assign(&document(related, Some(days * DAY), "eng")) {
                Assignment::Joined { similarity, .. } => similarity,
                opened => panic!("{days} days: {opened:?}"),
            }
        };
        let cost = config.time_cost(120 * DAY) - config.time_cost(DAY);
        assert!(cost > 0.1, "{cost}");
        assert!((score_after(1) - score_after(120) - cost).abs() < 1e-4);
        assert_eq!(config.time_cost(0), 0.0);
    }

    #[test]
    fn languages_are_kept_apart() {
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let a = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "eng"));
        let b = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "deu"));
        assert_ne!(a.story(), b.story());
        // A second article of each language finds its own.
        let c = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "deu"));
        let d = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "eng"));
        assert_eq!((c.story(), d.story()), (b.story(), a.story()));
        // An unknown language may join either; a story opened without one
        // takes a language later.
        let mut unknown = document("Kittiwake Pier ferry Brennick", None, "eng");
        unknown.language = None;
        assert!(matches!(clusterer.assign(&unknown), Assignment::Joined { .. }));
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let first = clusterer.assign(&unknown);
        let german = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "deu"));
        let english = clusterer.assign(&document("Kittiwake Pier ferry Brennick", None, "eng"));
        assert_eq!(german.story(), first.story());
        assert_ne!(english.story(), first.story());
    }

    #[test]
    fn restore_rebuilds_the_same_state() {
        let texts =
            ["Ferry strikes Kittiwake Pier in fog", "Council approves transit budget", "Ferry pier fog inquiry opens"];
        let mut live = StreamClusterer::new(ClusterConfig::default());
        let assignments: Vec<_> = texts.iter().map(|t| live.assign(&document(t, None, "eng"))).collect();
        let mut replayed = StreamClusterer::new(ClusterConfig::default());
        for (text, assignment) in texts.iter().zip(&assignments) {
            replayed.restore(&document(text, None, "eng"), assignment.story());
        }
        let next = document("Fog inquiry into Kittiwake Pier ferry crash", None, "eng");
        assert_eq!(live.assign(&next), replayed.assign(&next));
    }

    #[test]
    fn an_article_without_terms_opens_its_own_story() {
        let mut clusterer = StreamClusterer::new(ClusterConfig::default());
        let a = clusterer.assign(&document("the of and", None, "eng"));
        let b = clusterer.assign(&document("the of and", None, "eng"));
        assert_ne!(a.story(), b.story());
    }

    #[test]
    fn ten_thousand_near_identical_articles_make_one_story_of_bounded_size() {
        let config = ClusterConfig::default();
        let mut clusterer = StreamClusterer::new(config.clone());
        for i in 0..10_000 {
            let text = format!("Ferry strikes Kittiwake Pier in fog at Brennick harbour, update {i}, crews respond");
            clusterer.assign(&document(&text, Some(i * 60), "eng"));
        }
        assert_eq!(clusterer.story_count(), 1);
        let story = &clusterer.stories[0];
        assert!(
            story.centroid.terms.len() <= 2 * config.centroid_terms,
            "{} centroid terms",
            story.centroid.terms.len()
        );
        assert!(clusterer.postings.iter().all(|posting| posting.len() <= 1));
    }

    fn embedded(text: &str, embedding: [f32; 2]) -> Document {
        let mut document = document(text, None, "eng");
        let mut embedding = embedding.to_vec();
        let length = embedding.iter().map(|x| x * x).sum::<f32>().sqrt();
        embedding.iter_mut().for_each(|x| *x /= length);
        document.embedding = Some(embedding);
        document
    }

    #[test]
    fn embeddings_raise_or_lower_the_score_around_the_offset() {
        let config = ClusterConfig { embedding_weight: 1.5, embedding_offset: 0.5, ..ClusterConfig::default() };
        let (first, second) = ("Kittiwake Pier ferry crash in fog", "Brennick harbour inquiry into Kittiwake ferry");
        let score = |a: [f32; 2], b: [f32; 2]| {
            let mut clusterer = StreamClusterer::new(config.clone());
            clusterer.assign(&embedded(first, a));
            match clusterer.assign(&embedded(second, b)) {
                Assignment::Joined { similarity, .. } => similarity,
                Assignment::Opened { .. } => f32::NEG_INFINITY,
            }
        };
        let mut lexical = StreamClusterer::new(config.clone());
        lexical.assign(&document(first, None, "eng"));
        let Assignment::Joined { similarity: plain, .. } = lexical.assign(&document(second, None, "eng")) else {
            panic!("the two texts share a story on their words alone");
        };
        // The same direction: cosine 1, the score gains weight × (1 − offset).
        let gain = config.embedding_weight * (1.0 - config.embedding_offset);
        assert!((score([1.0, 0.0], [1.0, 0.0]) - plain - gain).abs() < 1e-4);
        // Orthogonal: cosine 0, the score loses weight × offset, and the
        // article opens its own story.
        assert_eq!(score([1.0, 0.0], [0.0, 1.0]), f32::NEG_INFINITY);
        // Only one side embedded: words alone decide.
        let mut mixed = StreamClusterer::new(config.clone());
        mixed.assign(&document(first, None, "eng"));
        assert_eq!(
            mixed.assign(&embedded(second, [0.0, 1.0])),
            Assignment::Joined { story: StoryId(1), similarity: plain }
        );
    }

    #[test]
    fn embeddings_weigh_on_headlines_and_not_on_long_reports() {
        // Two texts of over a hundred distinct words, most of them shared.
        const SYLLABLES: [&str; 8] = ["ka", "lo", "mi", "ne", "su", "tor", "vel", "dra"];
        let words: Vec<String> = (0..SYLLABLES.len().pow(3))
            .map(|n| format!("{}{}{}", SYLLABLES[n / 64], SYLLABLES[n / 8 % 8], SYLLABLES[n % 8]))
            .collect();
        let (first, second) = (words[..110].join(" "), words[20..130].join(" "));
        let config = ClusterConfig::default();
        assert_eq!(config.long_embedding_weight, 0.0);
        let decide = |first: &str, second: &str, embeddings: ([f32; 2], [f32; 2])| {
            let mut clusterer = StreamClusterer::new(config.clone());
            clusterer.assign(&embedded(first, embeddings.0));
            clusterer.assign(&embedded(second, embeddings.1))
        };
        let alike = ([1.0, 0.0], [1.0, 0.0]);
        let apart = ([1.0, 0.0], [0.0, 1.0]);
        // Long texts: the embeddings change nothing.
        assert_eq!(decide(&first, &second, alike), decide(&first, &second, apart));
        // Headlines: the same embeddings move the score.
        let (a, b) = ("Kittiwake Pier ferry crash in fog", "Brennick harbour inquiry into Kittiwake ferry");
        let (Assignment::Joined { similarity: near, .. }, Assignment::Joined { similarity: far, .. }) =
            (decide(a, b, alike), decide(a, b, ([1.0, 0.0], [1.0, 1.0])))
        else {
            panic!("the headlines share a story");
        };
        assert!(near > far + 0.1, "{near} {far}");
    }

    #[test]
    fn similar_stories_pairs_alike_stories_once() {
        let mut clusterer =
            StreamClusterer::new(ClusterConfig { threshold: 0.99, short_threshold: 0.99, ..ClusterConfig::default() });
        let a = clusterer.assign(&document("Ferry strikes Kittiwake Pier in fog, twelve hurt", None, "eng"));
        let b = clusterer.assign(&document("Twelve hurt as ferry strikes Kittiwake Pier in thick fog", None, "eng"));
        let c = clusterer.assign(&document("Council approves transit budget after long debate", None, "eng"));
        assert_eq!(clusterer.story_count(), 3);
        let pairs = clusterer.similar_stories(0.5);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].0, pairs[0].1), (a.story(), b.story()));
        assert!(pairs[0].2 < 0.99 && pairs[0].2 > 0.5);
        assert!(clusterer.similar_stories(0.0).iter().all(|pair| pair.1 != c.story() || pair.2 < 0.1));
    }

    #[test]
    fn prune_keeps_the_heaviest_terms() {
        let mut centroid: HashMap<TermId, f32> = (0..10).map(|t| (t, t as f32)).collect();
        prune(&mut centroid, 3);
        let mut kept: Vec<_> = centroid.keys().copied().collect();
        kept.sort_unstable();
        assert_eq!(kept, [7, 8, 9]);
        // Ties are broken, not kept all.
        let mut flat: HashMap<TermId, f32> = (0..10).map(|t| (t, 1.0)).collect();
        prune(&mut flat, 4);
        let mut kept: Vec<_> = flat.keys().copied().collect();
        kept.sort_unstable();
        assert_eq!(kept, [0, 1, 2, 3]);
    }
}
