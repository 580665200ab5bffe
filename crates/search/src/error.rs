//! The search crate's one error type.

use std::path::PathBuf;

/// What can go wrong in the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot open the search index {}: run `dossier reindex` to rebuild it", path.display())]
    Open { path: PathBuf, source: tantivy::TantivyError },
    #[error(
        "the search index {} is being written by another process (a running `dossier serve`?): stop it, or let that process bring the index up to date",
        path.display()
    )]
    Busy { path: PathBuf },
    #[error("the search index was opened for reading only")]
    ReadOnly,
    #[error("the search index holds a malformed progress mark {payload:?}: run `dossier reindex`")]
    Progress { payload: String },
    #[error("search index operation failed")]
    Index(#[from] tantivy::TantivyError),
}

impl SearchError {
    /// Whether the index's files are damaged or of a layout this build
    /// cannot read, so that rebuilding it from the store is the remedy; not
    /// a folder that cannot be read, nor an index another process writes.
    pub fn is_unreadable_index(&self) -> bool {
        use tantivy::TantivyError::{DataCorruption, IncompatibleIndex, SchemaError};
        match self {
            Self::Open { source, .. } => matches!(source, DataCorruption(_) | IncompatibleIndex(_) | SchemaError(_)),
            Self::Progress { .. } => true,
            _ => false,
        }
    }
}
