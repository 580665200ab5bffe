//! The store's one error type.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {}: check that its folder exists and is writable", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("{} is not a dossier store: {reason}; name another with --db", path.display())]
    NotAStore { path: PathBuf, reason: &'static str },
    #[error("no store at {}: ingest something first, or name another with --db", path.display())]
    Missing { path: PathBuf },
    #[error(
        "the store {} has schema version {found}, newer than this dossier understands ({supported}): upgrade dossier",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("cannot migrate the store {} to schema version {version}", path.display())]
    Migrate { path: PathBuf, version: i64, source: rusqlite::Error },
    #[error("the store holds a malformed value in {column} of article {id}: {detail}")]
    Corrupt { id: String, column: &'static str, detail: String },
    #[error("store query failed: {0}")]
    Sql(#[from] rusqlite::Error),
}

impl StoreError {
    /// Opening the store at `path` failed: a folder, or a file that is no
    /// SQLite database, is said as such rather than as a folder to check.
    pub(crate) fn open(path: &std::path::Path, source: rusqlite::Error) -> Self {
        let path = path.to_owned();
        if path.is_dir() {
            Self::NotAStore { path, reason: "it is a folder" }
        } else if source.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
            Self::NotAStore { path, reason: "the file is not an SQLite database" }
        } else {
            Self::Open { path, source }
        }
    }
}
