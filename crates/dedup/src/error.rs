//! The dedup stage's one error type: settings that cannot work.

/// What can be wrong with dedup settings.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DedupError {
    #[error("the Jaccard threshold must be above 0 and at most 1, not {threshold}")]
    Threshold { threshold: f64 },
    #[error("a shingle size must be 1 to {max}, not {size}")]
    NgramSize { size: usize, max: usize },
    #[error("cannot read the shingling {spec:?}: write word:N or char:N (e.g. word:5)")]
    ShinglingSpec { spec: String },
    #[error("{bands} bands of {rows} rows do not fit in {slots} signature slots")]
    Banding { bands: usize, rows: usize, slots: usize },
    #[error("more than {max} documents in one run: split the input")]
    TooManyDocuments { max: u64 },
}
