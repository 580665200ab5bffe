//! The clusterer's settings, fixed in code and chosen on a development split
//! (see ARCHITECTURE.md); never tuned per test set.

/// Settings of the streaming clusterer.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// The least cosine similarity at which an article joins a story.
    pub threshold: f32,
    /// How many times a title term counts against one body term.
    pub title_weight: f32,
    /// How many bytes of body text are read; the lead carries the event.
    pub max_text_bytes: usize,
    /// A story is no candidate for an article published more than this many
    /// seconds before its first or after its last article.
    pub window_seconds: i64,
    /// How many of an article's most salient terms look up candidates, and
    /// are indexed for the story it joins.
    pub salient_terms: usize,
    /// How many candidate stories, the most overlapping first, are scored.
    pub max_candidates: usize,
    /// A story's centroid keeps at most this many terms (the heaviest).
    pub centroid_terms: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            title_weight: 2.0,
            max_text_bytes: 12_000,
            window_seconds: 7 * 24 * 3600,
            salient_terms: 16,
            max_candidates: 32,
            centroid_terms: 400,
        }
    }
}
