//! The search crate's one error type.

use std::path::PathBuf;

/// What can go wrong in the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot open the search index {}{}", path.display(), open_remedy(source))]
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
        match self {
            Self::Open { source, .. } => rebuilding_mends(source),
            Self::Progress { .. } => true,
            _ => false,
        }
    }
}

/// Whether an index that failed to open with `source` is damaged or of
/// another layout: a missing or cut segment file, a corrupt meta file, an
/// older schema.
fn rebuilding_mends(source: &tantivy::TantivyError) -> bool {
    use tantivy::directory::error::OpenReadError::{FileDoesNotExist, IncompatibleIndex as OldFile};
    use tantivy::TantivyError::{DataCorruption, IncompatibleIndex, OpenReadError, SchemaError};
    matches!(
        source,
        DataCorruption(_) | IncompatibleIndex(_) | SchemaError(_) | OpenReadError(FileDoesNotExist(_) | OldFile(_))
    )
}

/// What to do about an index that does not open: rebuild it when its files
/// are damaged or of another layout (`dossier reindex` does), else see to
/// the folder (its permissions, the disk).
fn open_remedy(source: &tantivy::TantivyError) -> &'static str {
    if rebuilding_mends(source) {
        ": run `dossier reindex` to rebuild it"
    } else {
        ": check that the folder can be read and written"
    }
}
