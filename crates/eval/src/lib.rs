//! Scores a clustering against gold labels.
//!
//! Give it `(item, gold label)` and `(item, predicted cluster)` pairs; it
//! returns the measures the news-clustering literature reports:
//!
//! - **pairwise** precision, recall and F1 over pairs of items put together
//!   (the measure of Miranda et al., EMNLP 2018);
//! - **B-cubed** precision, recall and F1, averaged over items;
//! - the **adjusted Rand index** (Hubert and Arabie);
//! - **normalised mutual information**, normalised by the arithmetic mean of
//!   the two entropies (scikit-learn's default).
//!
//! Items are those of the gold labels. A gold item the prediction does not
//! mention counts as a cluster of its own and is reported in
//! [`Scores::unpredicted`]; predicted items without a gold label are ignored
//! and counted in [`Scores::unlabelled`].
//!
//! Degenerate cases follow one rule: a measure whose denominator is zero
//! because nothing could be got wrong scores 1. With no pair predicted,
//! pairwise precision is 1; with no gold pair, pairwise recall is 1; two
//! partitions that are both all singletons, or both one cluster, have ARI
//! and NMI 1; with no items at all, every measure is 1.
//!
//! ```
//! use dossier_eval::score;
//!
//! let gold = [("a", "flag"), ("b", "flag"), ("c", "ferry")];
//! let predicted = [("a", "1"), ("b", "1"), ("c", "1")];
//! let scores = score(gold, predicted);
//! assert_eq!(scores.pairwise.precision, 1.0 / 3.0);
//! assert_eq!(scores.pairwise.recall, 1.0);
//! assert_eq!((scores.gold_clusters, scores.predicted_clusters), (2, 1));
//! ```

use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PrecisionRecall {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl PrecisionRecall {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Self { precision, recall, f1 }
    }
}

/// Every measure for one clustering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Items scored: those with a gold label.
    pub items: usize,
    pub gold_clusters: usize,
    pub predicted_clusters: usize,
    pub pairwise: PrecisionRecall,
    pub bcubed: PrecisionRecall,
    pub adjusted_rand_index: f64,
    pub normalized_mutual_information: f64,
    /// Gold items the prediction did not mention (scored as singletons).
    pub unpredicted: usize,
    /// Predicted items without a gold label (not scored).
    pub unlabelled: usize,
}

fn pairs(n: u64) -> f64 {
    (n * n.saturating_sub(1) / 2) as f64
}

/// Scores `predicted` against `gold`. Labels of either side are only
/// compared for equality within their side.
pub fn score<I, G, P>(gold: impl IntoIterator<Item = (I, G)>, predicted: impl IntoIterator<Item = (I, P)>) -> Scores
where
    I: Eq + Hash,
    G: Eq + Hash,
    P: Eq + Hash,
{
    let gold: HashMap<I, G> = gold.into_iter().collect();
    let mut predicted_of: HashMap<I, P> = HashMap::new();
    let mut unlabelled = 0;
    for (item, cluster) in predicted {
        if gold.contains_key(&item) {
            predicted_of.insert(item, cluster);
        } else {
            unlabelled += 1;
        }
    }

    // Dense ids for labels; an unpredicted item gets a fresh cluster.
    let mut gold_ids: HashMap<&G, usize> = HashMap::new();
    let mut predicted_ids: HashMap<&P, usize> = HashMap::new();
    let mut unpredicted = 0;
    let mut contingency: HashMap<(usize, usize), u64> = HashMap::new();
    let mut gold_sizes: Vec<u64> = Vec::new();
    let mut predicted_sizes: Vec<u64> = Vec::new();
    for (item, label) in &gold {
        let next = gold_ids.len();
        let g = *gold_ids.entry(label).or_insert(next);
        if g == gold_sizes.len() {
            gold_sizes.push(0);
        }
        gold_sizes[g] += 1;
        let p = match predicted_of.get(item) {
            Some(cluster) => {
                let next = predicted_sizes.len();
                let p = *predicted_ids.entry(cluster).or_insert(next);
                if p == predicted_sizes.len() {
                    predicted_sizes.push(0);
                }
                p
            }
            None => {
                unpredicted += 1;
                predicted_sizes.push(0);
                predicted_sizes.len() - 1
            }
        };
        predicted_sizes[p] += 1;
        *contingency.entry((g, p)).or_default() += 1;
    }

    let n = gold.len() as u64;
    let together: f64 = contingency.values().map(|&c| pairs(c)).sum();
    let gold_pairs: f64 = gold_sizes.iter().map(|&c| pairs(c)).sum();
    let predicted_pairs: f64 = predicted_sizes.iter().map(|&c| pairs(c)).sum();
    let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { 1.0 };
    let pairwise = PrecisionRecall::new(ratio(together, predicted_pairs), ratio(together, gold_pairs));

    let bcubed = if n == 0 {
        PrecisionRecall::new(1.0, 1.0)
    } else {
        let (mut precision, mut recall) = (0.0, 0.0);
        for (&(g, p), &c) in &contingency {
            // Each of the c items in this cell has c correct neighbours.
            precision += c as f64 * c as f64 / predicted_sizes[p] as f64;
            recall += c as f64 * c as f64 / gold_sizes[g] as f64;
        }
        PrecisionRecall::new(precision / n as f64, recall / n as f64)
    };

    let all_pairs = pairs(n);
    let expected = if all_pairs > 0.0 { gold_pairs * predicted_pairs / all_pairs } else { 0.0 };
    let maximum = (gold_pairs + predicted_pairs) / 2.0;
    let adjusted_rand_index =
        if maximum - expected == 0.0 { 1.0 } else { (together - expected) / (maximum - expected) };

    let entropy = |sizes: &[u64]| -> f64 {
        sizes.iter().filter(|&&c| c > 0).map(|&c| c as f64 / n as f64).map(|p| -p * p.ln()).sum()
    };
    let (gold_entropy, predicted_entropy) = (entropy(&gold_sizes), entropy(&predicted_sizes));
    let mutual_information: f64 = contingency
        .iter()
        .map(|(&(g, p), &c)| {
            let c = c as f64;
            let n = n as f64;
            c / n * (c * n / (gold_sizes[g] as f64 * predicted_sizes[p] as f64)).ln()
        })
        .sum();
    let mean_entropy = (gold_entropy + predicted_entropy) / 2.0;
    let normalized_mutual_information =
        if mean_entropy == 0.0 { 1.0 } else { (mutual_information / mean_entropy).clamp(0.0, 1.0) };

    Scores {
        items: gold.len(),
        gold_clusters: gold_sizes.len(),
        predicted_clusters: predicted_sizes.len(),
        pairwise,
        bcubed,
        adjusted_rand_index,
        normalized_mutual_information,
        unpredicted,
        unlabelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    fn check(gold: &[(&str, &str)], predicted: &[(&str, &str)]) -> Scores {
        score(gold.iter().copied(), predicted.iter().copied())
    }

    #[test]
    fn a_perfect_clustering_scores_one_everywhere() {
        let gold = [("a", "x"), ("b", "x"), ("c", "y")];
        let scores = check(&gold, &[("a", "1"), ("b", "1"), ("c", "2")]);
        for value in
            [scores.pairwise.f1, scores.bcubed.f1, scores.adjusted_rand_index, scores.normalized_mutual_information]
        {
            close(value, 1.0);
        }
    }

    #[test]
    fn hand_computed_case() {
        // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
        let gold = [("a", "x"), ("b", "x"), ("c", "x"), ("d", "y"), ("e", "y")];
        let predicted = [("a", "1"), ("b", "1"), ("c", "2"), ("d", "2"), ("e", "2")];
        let scores = check(&gold, &predicted);
        // Pairs together in both: ab, de = 2; predicted pairs 1 + 3 = 4; gold 3 + 1 = 4.
        close(scores.pairwise.precision, 0.5);
        close(scores.pairwise.recall, 0.5);
        close(scores.pairwise.f1, 0.5);
        // B-cubed precision: a,b: 2/2; c: 1/3; d,e: 2/3 → (1+1+1/3+2/3+2/3)/5 = 11/15.
        close(scores.bcubed.precision, 11.0 / 15.0);
        // B-cubed recall: a,b: 2/3; c: 1/3; d,e: 2/2 → (2/3+2/3+1/3+1+1)/5 = 11/15.
        close(scores.bcubed.recall, 11.0 / 15.0);
        // ARI: index 2, expected 4*4/10 = 1.6, max 4 → (2-1.6)/(4-1.6) = 1/6.
        close(scores.adjusted_rand_index, 1.0 / 6.0);
        // NMI by hand: H(gold) = H(pred) = H(3/5, 2/5); MI from the table
        // [[2,1],[0,2]].
        let h = -(0.6f64 * 0.6f64.ln() + 0.4 * 0.4f64.ln());
        let mi = 0.4 * (10.0f64 / 6.0).ln() + 0.2 * (5.0f64 / 9.0).ln() + 0.4 * (10.0f64 / 6.0).ln();
        close(scores.normalized_mutual_information, mi / h);
        assert_eq!((scores.gold_clusters, scores.predicted_clusters), (2, 2));
    }

    #[test]
    fn all_singletons_on_both_sides() {
        let gold = [("a", "x"), ("b", "y"), ("c", "z")];
        let scores = check(&gold, &[("a", "1"), ("b", "2"), ("c", "3")]);
        close(scores.pairwise.precision, 1.0);
        close(scores.pairwise.recall, 1.0);
        close(scores.bcubed.f1, 1.0);
        close(scores.adjusted_rand_index, 1.0);
        close(scores.normalized_mutual_information, 1.0);
    }

    #[test]
    fn everything_merged_against_singletons() {
        let gold = [("a", "x"), ("b", "y"), ("c", "z"), ("d", "w")];
        let scores = check(&gold, &[("a", "1"), ("b", "1"), ("c", "1"), ("d", "1")]);
        close(scores.pairwise.precision, 0.0);
        close(scores.pairwise.recall, 1.0);
        close(scores.pairwise.f1, 0.0);
        close(scores.bcubed.precision, 0.25);
        close(scores.bcubed.recall, 1.0);
        close(scores.adjusted_rand_index, 0.0);
        close(scores.normalized_mutual_information, 0.0);
    }

    #[test]
    fn the_empty_case_scores_one() {
        let scores = check(&[], &[]);
        assert_eq!(scores.items, 0);
        for value in
            [scores.pairwise.f1, scores.bcubed.f1, scores.adjusted_rand_index, scores.normalized_mutual_information]
        {
            close(value, 1.0);
        }
    }

    #[test]
    fn unpredicted_items_are_singletons_and_unlabelled_ones_are_ignored() {
        let gold = [("a", "x"), ("b", "x")];
        let scores = check(&gold, &[("a", "1"), ("z", "1")]);
        assert_eq!((scores.unpredicted, scores.unlabelled), (1, 1));
        assert_eq!(scores.predicted_clusters, 2);
        close(scores.pairwise.recall, 0.0);
        close(scores.pairwise.precision, 1.0);
    }
}
