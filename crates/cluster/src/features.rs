//! The term vector of one article: what the clusterer compares.

use crate::ClusterConfig;
use dossier_text::Analyzer;

/// An article's term vectors, each sorted by term with sublinear term
/// frequency weights (`1 + ln tf`). IDF is applied by the clusterer, which
/// knows the collection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Every term of the title and the body's first `max_text_bytes`, title
    /// occurrences counted `title_weight` times.
    pub terms: Vec<(String, f32)>,
    /// The title's terms alone.
    pub title: Vec<(String, f32)>,
}

impl Features {
    /// Computes the features of a title and the first `max_text_bytes` of a
    /// body text.
    pub fn new(analyzer: &Analyzer, title: Option<&str>, text: &str, config: &ClusterConfig) -> Self {
        // Words come from articles: a seeded hash, and the order is sorted away.
        let mut counts: foldhash::HashMap<String, f32> = foldhash::HashMap::default();
        let mut title_counts: foldhash::HashMap<String, f32> = foldhash::HashMap::default();
        if let Some(title) = title {
            for term in analyzer.terms(title) {
                *counts.entry(term.clone()).or_default() += config.title_weight;
                *title_counts.entry(term).or_default() += 1.0;
            }
        }
        for term in analyzer.terms(prefix(text, config.max_text_bytes)) {
            *counts.entry(term).or_default() += 1.0;
        }
        Self { terms: weighted(counts), title: weighted(title_counts) }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Counts as sublinear weights, sorted by term.
fn weighted(counts: foldhash::HashMap<String, f32>) -> Vec<(String, f32)> {
    let mut terms: Vec<(String, f32)> =
        counts.into_iter().map(|(term, count)| (term, 1.0 + count.max(1.0).ln())).collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    terms
}

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a
/// character boundary.
fn prefix(text: &str, max_bytes: usize) -> &str {
    let mut end = text.len().min(max_bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_terms_weigh_more_and_frequency_is_sublinear() {
        let config = ClusterConfig::default();
        let features = Features::new(&Analyzer::english(), Some("Ferry"), "ferry pier pier pier pier", &config);
        let weight = |term: &str| features.terms.iter().find(|(t, _)| t == term).unwrap().1;
        assert!((weight("ferri") - (1.0 + 3f32.ln())).abs() < 1e-6);
        assert!((weight("pier") - (1.0 + 4f32.ln())).abs() < 1e-6);
        // The title's own vector counts each of its terms once.
        assert_eq!(features.title, [("ferri".to_owned(), 1.0)]);
        let untitled = Features::new(&Analyzer::english(), None, "ferry pier", &config);
        assert!(untitled.title.is_empty());
    }

    #[test]
    fn body_text_is_capped_on_a_char_boundary() {
        let config = ClusterConfig { max_text_bytes: 7, ..ClusterConfig::default() };
        let features = Features::new(&Analyzer::english(), None, "harbour€ fire", &config);
        assert_eq!(features.terms, [("harbour".to_owned(), 1.0)]);
        assert!(Features::new(&Analyzer::english(), None, "the of and", &config).is_empty());
    }
}
