//! MinHash-family signatures by one-permutation hashing (OPH) with optimal
//! densification, and the compact shingle sets that verify candidates.
//!
//! Classic MinHash hashes every shingle once per slot (128 hashes per
//! shingle). One-permutation hashing hashes each shingle once: the top 7
//! bits of its 64-bit hash pick one of [`SLOTS`] bins and the low 32 bits
//! compete for that bin's minimum. Bins no shingle fell into are filled by
//! optimal densification (Shrivastava, ICML 2017): an empty bin borrows the
//! value of the first non-empty bin along a probe sequence that depends
//! only on the bin, so two texts borrow alike. For two shingle sets with
//! Jaccard similarity `J`, each slot agrees with probability `J`, as with
//! classic MinHash, at the cost of hashing alone.
//!
//! The same pass collects the *shingle set*: the top 32 bits of each
//! shingle hash, sorted and deduplicated (4 bytes per distinct shingle).
//! [`jaccard`](crate::jaccard) over two shingle sets is the exact Jaccard
//! similarity of the texts' shingles, but for 32-bit hash collisions (about
//! one in 10 million for two 1,000-shingle texts).

use crate::shingle::{mix64, Shingling};

/// Slots (bins) per signature.
pub const SLOTS: usize = 128;
const EMPTY: u32 = u32::MAX;

/// A signature: one 32-bit minimum per slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SLOTS]);

/// What one pass over a text gives: its signature and its shingle set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    /// `None` when the text has no shingle (no word at all).
    pub signature: Option<Signature>,
    /// Sorted, distinct 32-bit shingle hashes.
    pub shingles: Vec<u32>,
    /// Shingles in the text, repeats included.
    pub shingle_count: usize,
}

/// Reusable buffers, so that sketching allocates only the result.
#[derive(Debug, Default)]
pub struct Scratch {
    hashes: Vec<u32>,
}

/// Hashes `text` once per shingle and returns its sketch.
pub fn sketch(shingling: Shingling, text: &str, scratch: &mut Scratch) -> Sketch {
    let mut bins = [EMPTY; SLOTS];
    let hashes = &mut scratch.hashes;
    hashes.clear();
    let shingle_count = shingling.for_each(text, |hash| {
        let bin = (hash >> 57) as usize;
        let value = hash as u32;
        if value < bins[bin] {
            bins[bin] = value;
        }
        hashes.push((hash >> 32) as u32);
    });
    hashes.sort_unstable();
    hashes.dedup();
    let shingles = hashes.as_slice().to_vec();
    let signature = (shingle_count > 0).then(|| densify(bins));
    Sketch { signature, shingles, shingle_count }
}

/// The shingle set alone (sorted, distinct 32-bit hashes).
pub fn shingle_set(shingling: Shingling, text: &str) -> Vec<u32> {
    let mut set = Vec::new();
    shingling.for_each(text, |hash| set.push((hash >> 32) as u32));
    set.sort_unstable();
    set.dedup();
    set
}

/// Fills empty bins by optimal densification. At least one bin is full.
fn densify(bins: [u32; SLOTS]) -> Signature {
    let mut signature = bins;
    if bins.iter().all(|&value| value != EMPTY) {
        return Signature(signature);
    }
    for (slot, value) in signature.iter_mut().enumerate() {
        if *value != EMPTY {
            continue;
        }
        let mut attempt = 0u64;
        loop {
            attempt += 1;
            let probe = (mix64(((slot as u64) << 32) | attempt) >> 57) as usize;
            if bins[probe] != EMPTY {
                // The probe's value, re-mixed with the slot so that two
                // slots borrowing from one bin do not look alike in a band.
                *value = (mix64(u64::from(bins[probe]) ^ ((slot as u64) << 40)) >> 32) as u32;
                break;
            }
        }
    }
    Signature(signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(words: &[usize]) -> String {
        words.iter().map(|w| format!("w{w}")).collect::<Vec<_>>().join(" ")
    }

    fn agreement(a: &Signature, b: &Signature) -> f64 {
        a.0.iter().zip(b.0.iter()).filter(|(x, y)| x == y).count() as f64 / SLOTS as f64
    }

    #[test]
    fn identical_texts_have_identical_sketches() {
        let mut scratch = Scratch::default();
        let a = sketch(Shingling::Words(3), "the cat sat on the mat and the cat sat", &mut scratch);
        let b = sketch(Shingling::Words(3), "The cat sat, on the mat; and the cat sat.", &mut scratch);
        assert_eq!(a, b);
        assert_eq!(a.shingle_count, 8);
        // "the cat sat" occurs twice: 7 distinct shingles.
        assert_eq!(a.shingles.len(), 7);
    }

    #[test]
    fn slot_agreement_tracks_jaccard() {
        // Two texts of 2,000 words sharing a prefix: 5-gram Jaccard about
        // 0.6; the signatures agree on about that share of slots.
        let base: Vec<usize> = (0..2_000).collect();
        let mut edited = base.clone();
        for w in edited.iter_mut().skip(1_500) {
            *w += 10_000;
        }
        let mut scratch = Scratch::default();
        let a = sketch(Shingling::Words(5), &text_of(&base), &mut scratch);
        let b = sketch(Shingling::Words(5), &text_of(&edited), &mut scratch);
        let exact = crate::jaccard(&a.shingles, &b.shingles);
        assert!((exact - 1_496.0 / 2_496.0).abs() < 1e-9, "{exact}");
        let estimate = agreement(a.signature.as_ref().unwrap(), b.signature.as_ref().unwrap());
        assert!((estimate - exact).abs() < 0.15, "estimate {estimate} vs exact {exact}");
    }

    #[test]
    fn short_texts_are_densified_consistently() {
        let mut scratch = Scratch::default();
        let a = sketch(Shingling::Words(5), "just three words", &mut scratch);
        let b = sketch(Shingling::Words(5), "Just three words!", &mut scratch);
        let c = sketch(Shingling::Words(5), "just four short words", &mut scratch);
        assert_eq!(a.signature, b.signature);
        assert!(a.signature.as_ref().unwrap().0.iter().all(|&v| v != EMPTY));
        assert_eq!(agreement(a.signature.as_ref().unwrap(), c.signature.as_ref().unwrap()), 0.0);
        let empty = sketch(Shingling::Words(5), "...", &mut scratch);
        assert_eq!(empty.signature, None);
        assert!(empty.shingles.is_empty());
    }

    #[test]
    fn shingle_set_matches_the_sketch() {
        let mut scratch = Scratch::default();
        let text = "a b c d e f g a b c";
        assert_eq!(shingle_set(Shingling::Words(2), text), sketch(Shingling::Words(2), text, &mut scratch).shingles);
    }
}
