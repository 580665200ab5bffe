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
