//! Batch near-duplicate grouping: band tables, candidate pairs, exact
//! verification and union-find, for any number of documents.
//!
//! The flow, per run:
//!
//! 1. Each document is sketched ([`NearDupConfig::sketch`], in parallel by
//!    the caller) into one 32-bit key per band and its shingle set.
//! 2. [`BandTables`] collects `key << 32 | document` entries, one flat
//!    `Vec<u64>` per band. Sorting a table brings each bucket (documents
//!    sharing a key) together. A caller short of memory sorts the tables it
//!    has, writes them out as runs and merges the runs later
//!    ([`merge_sorted`]); the merged stream is the same as the in-memory
//!    sort, so the result is too.
//! 3. [`Grouper::band`] reads one band's sorted stream: each document is a
//!    candidate with the up to [`NearDupConfig::window`] documents before it
//!    in its bucket. Candidates are verified on their shingle sets (exact
//!    Jaccard, see [`similar_at_least`](crate::similar_at_least)) in
//!    parallel, and the pairs that pass are joined in a [`UnionFind`]. When
//!    only groups are wanted, a candidate already in the same group is not
//!    verified again.
//! 4. [`Grouper::finish`] gives every document its group's first document.
//!
//! The result depends only on the documents and their order: not on the
//! thread count, the memory budget or how the tables were spilled.

use crate::banding::Banding;
use crate::fingerprint::is_stub;
use crate::shingle::Shingling;
use crate::signature::{sketch, Scratch};
use crate::union_find::UnionFind;
use crate::verify::similar_at_least;
use crate::DedupError;
use rayon::prelude::*;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Settings of a near-duplicate run, validated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearDupConfig {
    pub shingling: Shingling,
    /// Pairs with Jaccard similarity at least this are near-duplicates.
    pub threshold: f64,
    pub banding: Banding,
    /// How many earlier documents of a bucket each document is compared
    /// with. Buckets larger than this are linked as chains rather than
    /// compared all against all, which keeps the work linear.
    pub window: usize,
}

/// The documents each document of a bucket is compared with, by default.
pub const DEFAULT_WINDOW: usize = 64;

impl NearDupConfig {
    /// Settings for `shingling` at `threshold`, with the banding chosen for
    /// the threshold.
    pub fn new(shingling: Shingling, threshold: f64) -> Result<Self, DedupError> {
        Ok(Self {
            shingling: shingling.validate()?,
            threshold,
            banding: Banding::for_threshold(threshold)?,
            window: DEFAULT_WINDOW,
        })
    }

    /// Sketches one document: its band keys and its shingle set.
    pub fn sketch(&self, text: &str, scratch: &mut Scratch) -> DocumentSketch {
        let sketch = sketch(self.shingling, text, scratch);
        let band_keys = sketch.signature.as_ref().map(|signature| self.banding.key_vec(signature));
        DocumentSketch { band_keys, shingles: sketch.shingles, shingle_count: sketch.shingle_count }
    }

    /// The sketch of an article, as `ingest` compares articles: its text's,
    /// or for a stub ([`is_stub`]: a site's boilerplate, a one-line brief)
    /// one found by its title and confirmed by its title and text together.
    /// The band keys are the title's, so pages that share only a site's
    /// footer are never candidates; the shingles are the title's and the
    /// text's, so two briefs under one generic headline ("Weather") with
    /// different words are no copies.
    pub fn sketch_article(&self, title: Option<&str>, text: &str, scratch: &mut Scratch) -> DocumentSketch {
        let Some(title) = title.filter(|_| is_stub(text)) else {
            return self.sketch(text, scratch);
        };
        let by_title = self.sketch(title, scratch);
        let of_text = self.sketch(text, scratch);
        let mut shingles = by_title.shingles;
        shingles.extend_from_slice(&of_text.shingles);
        shingles.sort_unstable();
        shingles.dedup();
        DocumentSketch { shingles, shingle_count: by_title.shingle_count + of_text.shingle_count, ..by_title }
    }
}

/// What the grouping needs of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSketch {
    /// One key per band; `None` for a text without words.
    pub band_keys: Option<Vec<u32>>,
    /// Sorted, distinct 32-bit shingle hashes.
    pub shingles: Vec<u32>,
    /// Shingles in the text, repeats included (0: no words; 1 with fewer
    /// words than a shingle holds: a short text).
    pub shingle_count: usize,
}

/// Band entries (`key << 32 | document`), one flat table per band.
#[derive(Debug, Clone)]
pub struct BandTables {
    tables: Vec<Vec<u64>>,
}

impl BandTables {
    pub fn new(bands: usize) -> Self {
        Self { tables: vec![Vec::new(); bands] }
    }

    /// Files `document` under each of its band keys.
    pub fn push(&mut self, document: u32, keys: &[u32]) {
        for (table, &key) in self.tables.iter_mut().zip(keys) {
            table.push((u64::from(key) << 32) | u64::from(document));
        }
    }

    /// Bytes the tables hold (allocated, not just used).
    pub fn bytes(&self) -> usize {
        self.tables.iter().map(|table| table.capacity() * 8).sum()
    }

    /// Entries in each table.
    pub fn len(&self) -> usize {
        self.tables.first().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sorts every table (in parallel) and hands them over, leaving the
    /// tables empty and their memory freed.
    pub fn take_sorted(&mut self) -> Vec<Vec<u64>> {
        let mut tables: Vec<Vec<u64>> = self.tables.iter_mut().map(std::mem::take).collect();
        tables.par_iter_mut().for_each(|table| table.par_sort_unstable());
        tables
    }
}

/// Merges sorted streams into one sorted stream.
pub fn merge_sorted<I: Iterator<Item = u64>>(streams: Vec<I>) -> impl Iterator<Item = u64> {
    let mut streams = streams;
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::with_capacity(streams.len());
    for (index, stream) in streams.iter_mut().enumerate() {
        if let Some(value) = stream.next() {
            heap.push(Reverse((value, index)));
        }
    }
    std::iter::from_fn(move || {
        let Reverse((value, index)) = heap.pop()?;
        if let Some(next) = streams[index].next() {
            heap.push(Reverse((next, index)));
        }
        Some(value)
    })
}

/// Where the grouper finds a document's shingle set.
pub trait ShingleSets: Sync {
    type Error: Send;
    fn shingles(&self, document: u32) -> Result<Cow<'_, [u32]>, Self::Error>;
}

/// Shingle sets kept in memory, back to back.
#[derive(Debug, Clone, Default)]
pub struct ShingleArena {
    values: Vec<u32>,
    ends: Vec<u64>,
}

impl ShingleArena {
    /// Appends the next document's set.
    pub fn push(&mut self, shingles: &[u32]) {
        self.values.extend_from_slice(shingles);
        self.ends.push(self.values.len() as u64);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held (allocated).
    pub fn bytes(&self) -> usize {
        self.values.capacity() * 4 + self.ends.capacity() * 8
    }

    /// The sets back to back and where each ends, for writing elsewhere.
    pub fn into_parts(self) -> (Vec<u32>, Vec<u64>) {
        (self.values, self.ends)
    }
}

impl ShingleSets for ShingleArena {
    type Error = std::convert::Infallible;
    fn shingles(&self, document: u32) -> Result<Cow<'_, [u32]>, Self::Error> {
        let index = document as usize;
        let start = if index == 0 { 0 } else { self.ends[index - 1] as usize };
        Ok(Cow::Borrowed(&self.values[start..self.ends[index] as usize]))
    }
}

/// A verified pair: two documents (in arrival order) and their Jaccard
/// similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VerifiedPair {
    pub first: u32,
    pub second: u32,
    pub similarity: f32,
}

/// What a run counted on the way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupStats {
    /// Candidate pairs verified on their shingle sets.
    pub verified: u64,
    /// Of those, the pairs that reached the threshold.
    pub passed: u64,
}

/// Groups documents band by band; see the module documentation.
#[derive(Debug)]
pub struct Grouper {
    threshold: f64,
    window: usize,
    keep_pairs: bool,
    sets: UnionFind,
    /// Pairs verified already, sorted; in group mode only those that failed.
    checked: Vec<u64>,
    pairs: Vec<VerifiedPair>,
    stats: GroupStats,
}

/// Candidates verified at a time; bounds memory on huge buckets.
const VERIFY_CHUNK: usize = 1 << 20;

impl Grouper {
    /// A grouper for `documents` documents. With `keep_pairs` every
    /// verified pair is kept (and every candidate verified); without, only
    /// groups are.
    pub fn new(config: &NearDupConfig, documents: usize, keep_pairs: bool) -> Self {
        Self {
            threshold: config.threshold,
            window: config.window.max(1),
            keep_pairs,
            sets: UnionFind::new(documents),
            checked: Vec::new(),
            pairs: Vec::new(),
            stats: GroupStats::default(),
        }
    }

    /// Reads one band's entries in sorted order and verifies its
    /// candidates.
    pub fn band<S: ShingleSets>(&mut self, sorted: impl Iterator<Item = u64>, sets: &S) -> Result<(), S::Error> {
        let mut bucket: Vec<u32> = Vec::with_capacity(self.window);
        let mut bucket_key = None;
        let mut start = 0usize; // ring start within `bucket` once full
        let mut candidates: Vec<u64> = Vec::new();
        for entry in sorted {
            let (key, document) = ((entry >> 32) as u32, entry as u32);
            if bucket_key != Some(key) {
                bucket_key = Some(key);
                bucket.clear();
                start = 0;
            }
            for &earlier in &bucket {
                if self.keep_pairs || self.sets.find(earlier) != self.sets.find(document) {
                    candidates.push((u64::from(earlier) << 32) | u64::from(document));
                }
            }
            if bucket.len() < self.window {
                bucket.push(document);
            } else {
                bucket[start] = document;
                start = (start + 1) % self.window;
            }
            if candidates.len() >= VERIFY_CHUNK {
                self.verify(&mut candidates, sets)?;
            }
        }
        self.verify(&mut candidates, sets)
    }

    fn verify<S: ShingleSets>(&mut self, candidates: &mut Vec<u64>, sets: &S) -> Result<(), S::Error> {
        candidates.sort_unstable();
        candidates.dedup();
        let checked = &self.checked;
        let groups = &mut self.sets;
        let keep_pairs = self.keep_pairs;
        candidates.retain(|pair| {
            checked.binary_search(pair).is_err()
                && (keep_pairs || groups.find((pair >> 32) as u32) != groups.find(*pair as u32))
        });
        let threshold = self.threshold;
        let outcomes: Vec<Option<f32>> = candidates
            .par_iter()
            .map(|&pair| {
                let a = sets.shingles((pair >> 32) as u32)?;
                let b = sets.shingles(pair as u32)?;
                Ok(similar_at_least(&a, &b, threshold).map(|similarity| similarity as f32))
            })
            .collect::<Result<_, S::Error>>()?;
        let mut newly_checked = Vec::new();
        for (&pair, outcome) in candidates.iter().zip(&outcomes) {
            self.stats.verified += 1;
            let (first, second) = ((pair >> 32) as u32, pair as u32);
            match outcome {
                Some(similarity) => {
                    self.stats.passed += 1;
                    self.sets.union(first, second);
                    if self.keep_pairs {
                        self.pairs.push(VerifiedPair { first, second, similarity: *similarity });
                        newly_checked.push(pair);
                    }
                }
                None => newly_checked.push(pair),
            }
        }
        if !newly_checked.is_empty() {
            let old = std::mem::take(&mut self.checked);
            self.checked = merge_sorted(vec![old.into_iter(), newly_checked.into_iter()]).collect();
        }
        candidates.clear();
        Ok(())
    }

    /// Each document's group, as the number of the group's first document;
    /// the verified pairs (when kept) in order; and the counts.
    pub fn finish(mut self) -> Grouping {
        let roots = (0..self.sets.len() as u32).map(|document| self.sets.find(document)).collect();
        self.pairs.sort_by_key(|pair| (pair.first, pair.second));
        Grouping { roots, pairs: self.pairs, stats: self.stats }
    }
}

/// The outcome of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// For each document, the first document of its group (itself when it
    /// has no near-duplicate before it).
    pub roots: Vec<u32>,
    /// Verified pairs, when kept.
    pub pairs: Vec<VerifiedPair>,
    pub stats: GroupStats,
}

impl Grouping {
    /// Groups of two or more documents.
    pub fn groups(&self) -> u64 {
        let mut sizes = std::collections::HashMap::new();
        for &root in &self.roots {
            *sizes.entry(root).or_insert(0u64) += 1;
        }
        sizes.values().filter(|&&size| size > 1).count() as u64
    }

    /// Documents that are not the first of their group.
    pub fn duplicates(&self) -> u64 {
        self.roots.iter().enumerate().filter(|(document, &root)| root as usize != *document).count() as u64
    }
}

/// Groups a corpus held in memory in one call: the whole flow above, for
/// tests, benchmarks and small inputs.
pub fn group_texts(config: &NearDupConfig, texts: &[&str], keep_pairs: bool) -> Grouping {
    let sketches: Vec<DocumentSketch> =
        texts.par_iter().map_init(Scratch::default, |scratch, text| config.sketch(text, scratch)).collect();
    let mut tables = BandTables::new(config.banding.bands);
    let mut arena = ShingleArena::default();
    for (document, sketch) in sketches.iter().enumerate() {
        if let Some(keys) = &sketch.band_keys {
            tables.push(document as u32, keys);
        }
        arena.push(&sketch.shingles);
    }
    let mut grouper = Grouper::new(config, texts.len(), keep_pairs);
    for table in tables.take_sorted() {
        let Ok(()) = grouper.band(table.into_iter(), &arena);
    }
    grouper.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of `n` distinct words numbered from `from`.
    fn words(from: usize, n: usize) -> String {
        (from..from + n).map(|w| format!("w{w}")).collect::<Vec<_>>().join(" ")
    }

    fn config(threshold: f64) -> NearDupConfig {
        NearDupConfig::new(Shingling::Words(5), threshold).unwrap()
    }

    #[test]
    fn near_copies_group_under_their_first_document() {
        let base = words(0, 400);
        let edited = base.replacen("w200 ", "changed ", 1); // J = 391/401 = 0.975
        let other = words(1_000, 400);
        let texts = [other.as_str(), base.as_str(), "", edited.as_str(), base.as_str()];
        let grouping = group_texts(&config(0.8), &texts, true);
        assert_eq!(grouping.roots, [0, 1, 2, 1, 1]);
        assert_eq!(grouping.groups(), 1);
        assert_eq!(grouping.duplicates(), 2);
        let pairs: Vec<(u32, u32)> = grouping.pairs.iter().map(|p| (p.first, p.second)).collect();
        assert_eq!(pairs, [(1, 3), (1, 4), (3, 4)]);
        assert_eq!(grouping.pairs[1].similarity, 1.0);
        assert!((grouping.pairs[0].similarity - 391.0 / 401.0).abs() < 1e-6);
    }

    #[test]
    fn pairs_below_the_threshold_are_not_called_copies() {
        // Half the words shared: candidates perhaps, never verified.
        let a = words(0, 400);
        let b = format!("{} {}", words(0, 200), words(5_000, 200));
        let grouping = group_texts(&config(0.5), &[a.as_str(), b.as_str()], true);
        assert_eq!(grouping.roots, [0, 1]);
        assert!(grouping.pairs.is_empty());
    }

    #[test]
    fn huge_buckets_stay_linear_and_connected() {
        let text = words(0, 50);
        let texts: Vec<&str> = vec![text.as_str(); 500];
        let mut small = config(0.8);
        small.window = 4;
        let grouping = group_texts(&small, &texts, false);
        assert!(grouping.roots.iter().all(|&root| root == 0));
        assert!(grouping.stats.verified < 500 * 4, "{:?}", grouping.stats);
    }

    #[test]
    fn spilled_runs_merge_to_the_same_groups() {
        let texts: Vec<String> = (0..60).map(|i| words((i % 7) * 1_000, 30 + i % 3)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let config = config(0.8);
        let whole = group_texts(&config, &refs, true);

        let mut arena = ShingleArena::default();
        let mut runs: Vec<Vec<Vec<u64>>> = Vec::new();
        let mut tables = BandTables::new(config.banding.bands);
        let mut scratch = Scratch::default();
        for (document, text) in refs.iter().enumerate() {
            let sketch = config.sketch(text, &mut scratch);
            tables.push(document as u32, sketch.band_keys.as_deref().unwrap());
            arena.push(&sketch.shingles);
            if document % 13 == 12 {
                runs.push(tables.take_sorted());
            }
        }
        runs.push(tables.take_sorted());
        let mut grouper = Grouper::new(&config, refs.len(), true);
        for band in 0..config.banding.bands {
            let streams: Vec<_> = runs.iter().map(|run| run[band].iter().copied()).collect();
            let Ok(()) = grouper.band(merge_sorted(streams), &arena);
        }
        assert_eq!(grouper.finish(), whole);
        assert_eq!(whole.groups(), 7);
    }
}
