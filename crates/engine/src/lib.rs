//! The engine: wires the stages into the ingest pipeline and answers the
//! story views that the CLI (and later the server) show.
//!
//! ```text
//! sources::read ─► text::normalize_article ─► dedup keys ─► store lookups
//!                   (parallel, per batch)         │
//!                                                 ├─ same record ─► "already stored"
//!                                                 ├─ copy ─► duplicate_of + original's story
//!                                                 └─ original ─► cluster::StreamClusterer ─► story
//! ```
//!
//! A story view also carries its fact check: each article's facts are
//! extracted (`dossier-extract`) and reconciled (`dossier-reconcile`) from
//! the stored articles, never at ingest. The check is kept in the store
//! with the arrival `seq` it reaches and reused while the story has no
//! later article ([`Engine::refresh_checks`] makes the missing ones).
//!
//! The engine owns the order of things and the store; it decides nothing
//! itself. Each decision is a stage's pure function. On every ingest the
//! clusterer is rebuilt by replaying the stored originals (or reused, warm,
//! when nobody else wrote since this engine's last ingest), so a run that was
//! killed leaves no state behind but what the store committed.
//!
//! Beside the store `<db>` the engine keeps a full-text index in
//! `<db>.search/` (see [`Engine::search`]). Each committed batch goes to its
//! writer, it commits at the end of every ingest (and every 25,000
//! articles on the way), and it catches up from the store whenever the
//! engine opens, so a killed ingest never leaves search silently behind.
//!
//! ```
//! use dossier_engine::{Engine, IngestOptions};
//! use dossier_sources::Input;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let file = dir.path().join("a.jsonl");
//! std::fs::write(&file, r#"{"id":"a1","title":"Ferry hits pier","text":"A ferry hit the pier."}"#).unwrap();
//! let mut engine = Engine::open(&dir.path().join("dossier.db")).unwrap();
//! let summary = engine.ingest(vec![Input::Path(file)], &IngestOptions::default(), &mut |_| {}).unwrap();
//! assert_eq!(summary.new, 1);
//! assert_eq!(engine.stories().unwrap().len(), 1);
//! ```

mod browse;
mod error;
mod facts;
mod ingest;
mod renormalize;
mod search;
mod views;
mod warm;

pub use browse::{ArticleDetail, Counts, StoryOrder, StoryPageView, StoryQuery};
pub use error::EngineError;
pub use facts::{ConflictView, EvidenceView, FactView, ProgressionView, TimelineView, VersionView};
pub use ingest::{
    near_duplicate_defaults, IngestEvent, IngestOptions, IngestSummary, INGEST_SHINGLING, INGEST_THRESHOLD,
};
pub use search::{ArticleHit, SearchResults, SnippetPart, StoryHit};
pub use views::{by_outlet, ArticleView, ExportLine, StoryListing, StoryPart, StoryView};

use dossier_search::SearchIndex;
use dossier_store::{Store, StoreError};
use std::path::Path;
use std::sync::Arc;

/// An open story store with the pipeline around it.
pub struct Engine {
    store: Store,
    /// The full-text index, shared with [`Engine::reader`]s; `None` for
    /// engines opened by [`Engine::open_read_only`], which do not search.
    search: Option<Arc<SearchIndex>>,
    /// The clusterer as the last ingest left it, while nobody else writes.
    warm: Option<warm::WarmClusterer>,
}

impl Engine {
    /// Opens (creating if needed) the store at `path` and its search index
    /// beside it, for ingesting, and brings the index up to date.
    pub fn open(path: &Path) -> Result<Self, EngineError> {
        let mut store = Store::open(path)?;
        store.retire_checks_unless(facts::CHECK_VERSION)?;
        // The search index is rebuilt by whoever holds its writer, from the
        // sync just below on (the store asks for it until it is done).
        renormalize::stored_articles(&mut store)?;
        let search = search::open_index(path)?;
        let mut engine = Self { store, search: Some(Arc::new(search)), warm: None };
        engine.sync_search()?;
        Ok(engine)
    }

    /// Opens the store at `path` for `dossier reindex`: as [`Engine::open`],
    /// except that a search index whose files are damaged, or of a layout
    /// this build cannot read, is deleted and made anew, to be rebuilt from
    /// the store. Any other failure (a folder it may not read, an index
    /// another process writes) is reported and the index left alone.
    pub fn open_to_reindex(path: &Path) -> Result<Self, EngineError> {
        match Self::open(path) {
            Err(EngineError::Search(error)) if error.is_unreadable_index() => {
                let dir = search::index_dir(path);
                tracing::warn!(target: "dossier::search", index = %dir.display(), "unreadable search index deleted");
                std::fs::remove_dir_all(&dir).map_err(|source| EngineError::RemoveIndex { path: dir, source })?;
                Self::open(path)
            }
            opened => opened,
        }
    }

    /// Opens (creating if needed) the store at `path` without its search
    /// index: for work beside a running engine that owns the index, such as
    /// `dossier serve`'s background fact checker.
    pub fn open_without_search(path: &Path) -> Result<Self, EngineError> {
        let store = Store::open(path)?;
        store.retire_checks_unless(facts::CHECK_VERSION)?;
        Ok(Self { store, search: None, warm: None })
    }

    /// Opens an existing store for reading; fails if there is none. Such an
    /// engine shows stories but does not search.
    pub fn open_read_only(path: &Path) -> Result<Self, EngineError> {
        Ok(Self { store: Self::read_only_store(path)?, search: None, warm: None })
    }

    fn read_only_store(path: &Path) -> Result<Store, EngineError> {
        match Store::open_read_only(path) {
            Ok(store) => Ok(store),
            Err(StoreError::Missing { path }) => Err(EngineError::NoStore { path }),
            Err(other) => Err(other.into()),
        }
    }

    /// Another engine on the same store, for reading from another thread:
    /// its own read-only connection, the same search index.
    pub fn reader(&self) -> Result<Self, EngineError> {
        let path = self.store.path().ok_or(EngineError::InMemory)?;
        Ok(Self { store: Self::read_only_store(path)?, search: self.search.clone(), warm: None })
    }

    /// A private engine in memory, with a private search index.
    pub fn open_in_memory() -> Result<Self, EngineError> {
        let search = SearchIndex::in_memory()?;
        Ok(Self { store: Store::open_in_memory()?, search: Some(Arc::new(search)), warm: None })
    }
}
