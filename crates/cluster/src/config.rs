//! The clusterer's settings, fixed in code and chosen on a development split
//! (see ARCHITECTURE.md); never tuned per test set.

/// Settings of the streaming clusterer.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// The least score at which an article of `long_terms` distinct terms or
    /// more joins a story.
    pub threshold: f32,
    /// The least score for an article of `short_terms` distinct terms or
    /// fewer (a headline). Short texts share fewer words with anything, so
    /// their cosines run lower; between the two lengths the threshold moves
    /// with the logarithm of the number of terms.
    pub short_threshold: f32,
    pub short_terms: usize,
    pub long_terms: usize,
    /// How many times a title term counts against one body term.
    pub title_weight: f32,
    /// How many bytes of body text are read; the lead carries the event.
    pub max_text_bytes: usize,
    /// A story is no candidate for an article published more than this many
    /// seconds before its first or after its last article.
    pub window_seconds: i64,
    /// The score is the similarity less `time_penalty × ln(1 + gap / time_scale)`,
    /// where `gap` is how far the article's time lies outside the story's
    /// span: the further apart, the more alike two texts must be.
    pub time_penalty: f32,
    pub time_scale_seconds: i64,
    /// How many of an article's most salient terms look up candidates, and
    /// are indexed for the story it joins.
    pub salient_terms: usize,
    /// Per salient term, only the stories most recently indexed under it
    /// (at most this many) are looked at: this bounds the cost of common
    /// terms without ignoring them, and news favours recent stories.
    pub max_postings: usize,
    /// How many candidate stories, the most overlapping first, are scored.
    pub max_candidates: usize,
    /// A story's centroid keeps at most this many terms (the heaviest).
    pub centroid_terms: usize,
    /// The score's cosine is a weighted mean of two, each between the
    /// article and the story's centroid of that kind: the cosine over all
    /// terms weighs one, the cosine over title terms alone this much. When
    /// the article or the story has no title, the title part counts as the
    /// cosine over all terms.
    pub title_similarity_weight: f32,
    /// When an article and a story both have dense embeddings (a sentence
    /// model is in use; nothing in dossier turns one on by default), the
    /// score gains `weight × (cosine − embedding_offset)` of the article's
    /// embedding and the story's mean: below the offset the embeddings
    /// lower the score, above it they raise it. The weight is
    /// `embedding_weight` for short texts and `long_embedding_weight` for
    /// long ones, moving between them as the threshold does: a headline
    /// shares too few words for a cosine over words to tell much, while a
    /// full report's words say more than an embedding of its lead.
    pub embedding_weight: f32,
    pub long_embedding_weight: f32,
    pub embedding_offset: f32,
}

impl ClusterConfig {
    /// The threshold for an article with `terms` distinct terms.
    pub fn threshold_for(&self, terms: usize) -> f32 {
        self.short_threshold + (self.threshold - self.short_threshold) * self.length_position(terms)
    }

    /// The weight of the embeddings for a text of `terms` distinct terms.
    pub fn embedding_weight_for(&self, terms: usize) -> f32 {
        self.embedding_weight + (self.long_embedding_weight - self.embedding_weight) * self.length_position(terms)
    }

    /// Where a text of `terms` distinct terms lies between a short one (0)
    /// and a long one (1), on the logarithm of its length.
    fn length_position(&self, terms: usize) -> f32 {
        let (short, long) = (self.short_terms.max(1) as f32, self.long_terms.max(self.short_terms + 1) as f32);
        let position = ((terms.max(1) as f32).ln() - short.ln()) / (long.ln() - short.ln());
        position.clamp(0.0, 1.0)
    }

    /// What a time gap of `gap_seconds` outside a story's span costs.
    pub fn time_cost(&self, gap_seconds: i64) -> f32 {
        if gap_seconds <= 0 || self.time_penalty == 0.0 {
            return 0.0;
        }
        self.time_penalty * (1.0 + gap_seconds as f32 / self.time_scale_seconds.max(1) as f32).ln()
    }
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            threshold: 0.15,
            short_threshold: 0.08,
            short_terms: 12,
            long_terms: 100,
            title_weight: 2.0,
            max_text_bytes: 12_000,
            window_seconds: 365 * 24 * 3600,
            time_penalty: 0.04,
            time_scale_seconds: 3 * 24 * 3600,
            salient_terms: 64,
            max_postings: 256,
            max_candidates: 32,
            centroid_terms: 1000,
            title_similarity_weight: 1.0,
            embedding_weight: 0.5,
            long_embedding_weight: 0.0,
            embedding_offset: 0.3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_moves_from_short_to_long_texts() {
        let config = ClusterConfig::default();
        assert_eq!(config.threshold_for(1), config.short_threshold);
        assert_eq!(config.threshold_for(config.short_terms), config.short_threshold);
        assert_eq!(config.threshold_for(config.long_terms), config.threshold);
        assert_eq!(config.threshold_for(10_000), config.threshold);
        let middle = config.threshold_for(35);
        assert!(config.short_threshold < middle && middle < config.threshold, "{middle}");
    }

    #[test]
    fn the_embedding_weight_moves_from_short_to_long_texts() {
        let config = ClusterConfig { embedding_weight: 1.0, long_embedding_weight: 0.0, ..ClusterConfig::default() };
        assert_eq!(config.embedding_weight_for(config.short_terms), 1.0);
        assert_eq!(config.embedding_weight_for(config.long_terms), 0.0);
        let middle = config.embedding_weight_for(35);
        assert!(0.0 < middle && middle < 1.0, "{middle}");
        // Halfway along the logarithm of the length, halfway between.
        let halfway = ((config.short_terms * config.long_terms) as f32).sqrt().round() as usize;
        assert!((config.embedding_weight_for(halfway) - 0.5).abs() < 0.02);
    }
}
