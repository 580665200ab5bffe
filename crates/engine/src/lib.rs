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
//! extracted (`dossier-extract`) and reconciled (`dossier-reconcile`) when
//! the story is viewed; nothing about facts is stored.
//!
//! The engine owns the order of things and the store; it decides nothing
//! itself. Each decision is a stage's pure function. On every ingest the
//! clusterer is rebuilt by replaying the stored originals, so a run that was
//! killed leaves no state behind but what the store committed.
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

mod error;
mod facts;
mod ingest;
mod views;

pub use error::EngineError;
pub use facts::{ConflictView, EvidenceView, FactView, ProgressionView, TimelineView, VersionView};
pub use ingest::{
    near_duplicate_defaults, IngestEvent, IngestOptions, IngestSummary, INGEST_SHINGLING, INGEST_THRESHOLD,
};
pub use views::{ArticleView, ExportLine, StoryListing, StoryView};

use dossier_store::{Store, StoreError};
use std::path::Path;

/// An open story store with the pipeline around it.
pub struct Engine {
    store: Store,
}

impl Engine {
    /// Opens (creating if needed) the store at `path` for ingesting.
    pub fn open(path: &Path) -> Result<Self, EngineError> {
        Ok(Self { store: Store::open(path)? })
    }

    /// Opens an existing store for reading; fails if there is none.
    pub fn open_read_only(path: &Path) -> Result<Self, EngineError> {
        match Store::open_read_only(path) {
            Ok(store) => Ok(Self { store }),
            Err(StoreError::Missing { path }) => Err(EngineError::NoStore { path }),
            Err(other) => Err(other.into()),
        }
    }

    /// A private engine in memory.
    pub fn open_in_memory() -> Result<Self, EngineError> {
        Ok(Self { store: Store::open_in_memory()? })
    }
}
