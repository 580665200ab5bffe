//! The engine's one error type. Bad input is not an error here: it is an
//! [`crate::IngestEvent::Skipped`] and a count in the summary.

/// What stops the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("no store at {}: ingest something first, or name another with --db", path.display())]
    NoStore { path: std::path::PathBuf },
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    #[error("cannot write the output")]
    Write(#[source] std::io::Error),
    #[error("cannot remove the unreadable search index {}", path.display())]
    RemoveIndex { path: std::path::PathBuf, source: std::io::Error },
    #[error("a store in memory has no file for a second connection")]
    InMemory,
    #[error("this engine was opened read-only and does not search: open it with Engine::open")]
    NoSearch,
    #[error(transparent)]
    Search(#[from] dossier_search::SearchError),
    #[error("cannot encode a fact check")]
    Json(#[source] serde_json::Error),
    #[error("the stored metadata of article {id} is not a JSON object")]
    Metadata { id: String, source: serde_json::Error },
}
