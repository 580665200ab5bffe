//! LSH banding: cutting a signature into bands whose hashes are the keys
//! under which near-duplicates meet.
//!
//! With `b` bands of `r` slots, two texts of Jaccard similarity `J` share at
//! least one band key with probability `1 - (1 - J^r)^b`. Candidates are
//! verified exactly afterwards, so a false candidate costs only time while
//! a missed pair is lost for good: [`Banding::for_threshold`] takes the
//! most rows per band (fewest candidates) that still miss a pair at the
//! threshold with probability at most [`MAX_MISS`]. For the default 0.8
//! that is 21 bands of 6 rows (a pair at exactly 0.8 is missed with
//! probability 0.0017; 16 x 8, the peers' setting, misses 5.3%).

use crate::shingle::mix64;
use crate::signature::{Signature, SLOTS};
use crate::DedupError;

/// The largest chance of missing a pair exactly at the threshold.
pub const MAX_MISS: f64 = 0.005;

/// How a signature is cut into bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Banding {
    pub bands: usize,
    pub rows: usize,
}

impl Banding {
    /// `bands` bands of `rows` slots; they must fit in [`SLOTS`].
    pub fn new(bands: usize, rows: usize) -> Result<Self, DedupError> {
        if bands == 0 || rows == 0 || bands * rows > SLOTS {
            return Err(DedupError::Banding { bands, rows, slots: SLOTS });
        }
        Ok(Self { bands, rows })
    }

    /// The banding for a Jaccard threshold in (0, 1]; see the module
    /// documentation.
    pub fn for_threshold(threshold: f64) -> Result<Self, DedupError> {
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(DedupError::Threshold { threshold });
        }
        let mut best = Self { bands: SLOTS, rows: 1 };
        for rows in 1..=SLOTS {
            let banding = Self { bands: SLOTS / rows, rows };
            if banding.miss_probability(threshold) <= MAX_MISS {
                best = banding;
            }
        }
        Ok(best)
    }

    /// The probability that a pair of similarity `jaccard` shares no band.
    pub fn miss_probability(&self, jaccard: f64) -> f64 {
        (1.0 - jaccard.powi(self.rows as i32)).powi(self.bands as i32)
    }

    /// Writes one 32-bit key per band into `keys` (`keys.len() == bands`).
    pub fn keys(&self, signature: &Signature, keys: &mut [u32]) {
        for (band, (key, rows)) in keys.iter_mut().zip(signature.0.chunks_exact(self.rows)).enumerate() {
            let mut hash = (band as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            for &value in rows {
                hash = (hash ^ u64::from(value)).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(23);
            }
            *key = (mix64(hash) >> 32) as u32;
        }
    }

    /// Band keys made unique across bands, as a persisted index stores them:
    /// `band << 32 | key`. This layout is stored on disk; never change it.
    pub fn tagged(keys: &[u32]) -> Vec<i64> {
        keys.iter().enumerate().map(|(band, &key)| ((band as i64) << 32) | i64::from(key)).collect()
    }

    /// [`Banding::keys`] into a new vector.
    pub fn key_vec(&self, signature: &Signature) -> Vec<u32> {
        let mut keys = vec![0; self.bands];
        self.keys(signature, &mut keys);
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_picks_the_most_rows_that_keep_recall() {
        assert_eq!(Banding::for_threshold(0.8).unwrap(), Banding { bands: 21, rows: 6 });
        assert_eq!(Banding::for_threshold(0.5).unwrap(), Banding { bands: 42, rows: 3 });
        assert_eq!(Banding::for_threshold(0.9).unwrap(), Banding { bands: 14, rows: 9 });
        for threshold in [0.3, 0.6, 0.7, 0.95, 1.0] {
            let banding = Banding::for_threshold(threshold).unwrap();
            assert!(banding.miss_probability(threshold) <= MAX_MISS, "{threshold}: {banding:?}");
        }
        assert!(Banding::for_threshold(0.0).is_err());
        assert!(Banding::for_threshold(1.5).is_err());
        assert!(Banding::for_threshold(f64::NAN).is_err());
        assert!(Banding::new(17, 8).is_err());
    }

    #[test]
    fn keys_differ_by_band_and_follow_the_rows() {
        let banding = Banding::new(4, 2).unwrap();
        let a = Signature([7; SLOTS]);
        let keys = banding.key_vec(&a);
        // Same rows in every band, yet a different key per band.
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), 4);
        let mut b = a.clone();
        b.0[2] = 8; // band 1
        let other = banding.key_vec(&b);
        assert_eq!(keys[0], other[0]);
        assert_ne!(keys[1], other[1]);
        assert_eq!(keys[2..], other[2..]);
    }
}
