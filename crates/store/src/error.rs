//! The store's one error type.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {}: check that its folder exists and is writable", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
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
