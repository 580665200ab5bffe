//! Exact verification of candidate pairs on their shingle sets.

/// The Jaccard similarity of two sorted, distinct sets (1.0 for two empty
/// sets).
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = intersection(a, b);
    common as f64 / (a.len() + b.len() - common) as f64
}

/// `Some(jaccard)` when the similarity reaches `threshold`. Gives up early
/// when the sizes alone rule it out (`J <= min / max`).
pub fn similar_at_least(a: &[u32], b: &[u32], threshold: f64) -> Option<f64> {
    let (small, large) = if a.len() <= b.len() { (a.len(), b.len()) } else { (b.len(), a.len()) };
    if large == 0 || (small as f64) < threshold * large as f64 - 1e-9 {
        return None;
    }
    let similarity = jaccard(a, b);
    (similarity >= threshold - 1e-12).then_some(similarity)
}

fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3, 4], &[3, 4, 5, 6]), 2.0 / 6.0);
        assert_eq!(jaccard(&[1, 2], &[1, 2]), 1.0);
        assert_eq!(jaccard(&[], &[]), 1.0);
        assert_eq!(jaccard(&[1], &[]), 0.0);
    }

    #[test]
    fn threshold_is_inclusive_and_sizes_prune() {
        let a: Vec<u32> = (0..10).collect();
        let b: Vec<u32> = (0..8).collect();
        assert_eq!(similar_at_least(&a, &b, 0.8), Some(0.8));
        assert_eq!(similar_at_least(&a, &b, 0.81), None);
        assert_eq!(similar_at_least(&a, &[], 0.5), None);
        assert_eq!(similar_at_least(&[], &[], 0.5), None);
    }
}
