//! Full-text search over stored articles: the only crate that speaks
//! tantivy.
//!
//! The index holds one document per stored article: its arrival `seq`, its
//! id, and its title, body and entities, analysed for word and phrase
//! queries (lower-cased, accents folded, no stemming, so that "Simone" and
//! "Simon" stay two words), plus the body's adjacent word pairs, which
//! phrase queries over bodies read (see `pairs.rs`). A hit is known by its
//! `seq`. Nothing else is stored in it: titles and bodies
//! are read back from the store, and snippets are cut from the store's text.
//!
//! The index is derived data. Every commit records the highest arrival
//! `seq` it holds ([`SearchIndex::indexed_through`]), atomically with the
//! documents, so whoever opens it can bring it up to date from the store by
//! arrival order after a crash, and it can always be rebuilt from scratch.
//! It knows nothing about the store, stories or HTTP.
//!
//! ```
//! use dossier_search::{IndexDocument, SearchIndex};
//!
//! let index = SearchIndex::in_memory().unwrap();
//! let document = IndexDocument { seq: 1, id: "a1", title: Some("Ferry hits pier"), text: "A ferry hit the pier at dawn.", entities: &[] };
//! index.add(&[document]).unwrap();
//! index.commit(1).unwrap();
//! let hits = index.search("\"hit the pier\"", 10, 0).unwrap();
//! assert_eq!(hits.total, 1);
//! assert_eq!(hits.hits[0].seq, 1);
//! assert_eq!(index.indexed_through().unwrap(), 1);
//! ```

mod error;
mod pairs;
mod query;
mod schema;
mod snippet;
mod write;

pub use error::SearchError;
pub use query::{Hit, Hits};
pub use snippet::{Highlighter, Snippet};
pub use write::IndexDocument;

use schema::Fields;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::directory::{Directory, MmapDirectory};
use tantivy::indexer::LogMergePolicy;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};

/// Memory the writer may buffer before it flushes a segment.
const WRITER_MEMORY_BYTES: usize = 64 * 1024 * 1024;

/// Segments of about one size that are merged into one in the background.
/// A query looks each of its terms up in every segment, so fewer segments
/// answer faster: tantivy's default waits for 8.
const SEGMENTS_PER_MERGE: usize = 4;

fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_min_num_segments(SEGMENTS_PER_MERGE);
    policy
}

/// An open search index. Searching is `&self` and safe from many threads;
/// writing goes through one writer, held for as long as the index is open.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<Mutex<Writer>>,
    fields: Fields,
    /// The analyser of the word fields (title, text, entities), for cutting
    /// snippets.
    analyzer: TextAnalyzer,
    path: Option<PathBuf>,
}

/// The index's writer, with the highest arrival `seq` it was given since
/// its last commit (`None` when it holds nothing uncommitted).
struct Writer {
    inner: IndexWriter<TantivyDocument>,
    added_through: Option<i64>,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if needed, for searching and
    /// writing. Fails with [`SearchError::Busy`] if another process holds
    /// its writer; [`SearchIndex::open_for_reading`] still works then.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let index = Self::open_index(dir, true)?;
        let writer = match index.writer_with_num_threads(1, WRITER_MEMORY_BYTES) {
            Ok(writer) => writer,
            Err(tantivy::TantivyError::LockFailure(..)) => return Err(SearchError::Busy { path: dir.to_owned() }),
            Err(source) => return Err(SearchError::Open { path: dir.to_owned(), source }),
        };
        writer.set_merge_policy(Box::new(merge_policy()));
        Self::assemble(index, Some(writer), Some(dir.to_owned()))
    }

    /// Opens (creating if needed) the index in `dir` for searching only.
    pub fn open_for_reading(dir: &Path) -> Result<Self, SearchError> {
        let index = Self::open_index(dir, false)?;
        Self::assemble(index, None, Some(dir.to_owned()))
    }

    /// A private index in memory, for tests and in-memory stores.
    pub fn in_memory() -> Result<Self, SearchError> {
        let index = Index::create_in_ram(schema::schema());
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY_BYTES)?;
        Self::assemble(index, Some(writer), None)
    }

    /// Opens or creates the index in `dir`; `rebuild_stale` replaces an
    /// index of another layout with an empty one.
    fn open_index(dir: &Path, rebuild_stale: bool) -> Result<Index, SearchError> {
        let failed = |source| SearchError::Open { path: dir.to_owned(), source };
        std::fs::create_dir_all(dir).map_err(|error| failed(tantivy::TantivyError::from(error)))?;
        let directory = MmapDirectory::open(dir).map_err(|error| failed(error.into()))?;
        match Index::open_or_create(directory, schema::schema()) {
            Err(tantivy::TantivyError::SchemaError(_)) if rebuild_stale => {
                // An index made by an older build, with other fields: it is
                // derived data, so start it again; its progress mark is then
                // 0, and whoever opened it refills it from the store.
                // Only while no other process writes to it (a server of the
                // older build still running): deleting its files then would
                // leave two writers on one folder.
                // The lock is held until the files are gone, so that no
                // writer starts in between.
                let directory = MmapDirectory::open(dir).map_err(|error| failed(error.into()))?;
                let lock = match directory.acquire_lock(&tantivy::directory::INDEX_WRITER_LOCK) {
                    Ok(lock) => lock,
                    Err(tantivy::directory::error::LockError::LockBusy) => {
                        return Err(SearchError::Busy { path: dir.to_owned() })
                    }
                    Err(error) => return Err(failed(tantivy::TantivyError::LockFailure(error, None))),
                };
                tracing::warn!(target: "dossier::search", path = %dir.display(), "the search index has an older layout; rebuilding it");
                let removed = std::fs::remove_dir_all(dir);
                drop(lock);
                removed.map_err(|error| failed(tantivy::TantivyError::from(error)))?;
                Self::open_index(dir, false)
            }
            opened => opened.map_err(failed),
        }
    }

    fn assemble(index: Index, writer: Option<IndexWriter>, path: Option<PathBuf>) -> Result<Self, SearchError> {
        let analyzer = schema::register_analyzer(&index);
        let fields = Fields::of(&index.schema());
        // A segment file missing, cut short or of another version shows
        // here, when the reader opens the segments: the index cannot be
        // opened.
        let reader =
            index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(|source| match &path {
                Some(dir) => SearchError::Open { path: dir.clone(), source },
                None => SearchError::Index(source),
            })?;
        let writer = writer.map(|inner| Mutex::new(Writer { inner, added_through: None }));
        Ok(Self { index, reader, writer, fields, analyzer, path })
    }

    /// Whether this handle holds the writer.
    pub fn is_writable(&self) -> bool {
        self.writer.is_some()
    }

    /// The folder the index lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Sees what other processes committed since the last reload.
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }
}

impl Drop for SearchIndex {
    /// Lets the merges that commits started finish, so that a short-lived
    /// writer (one `dossier ingest`) leaves merged segments behind rather
    /// than abandoning its merges.
    fn drop(&mut self) {
        let Some(writer) = self.writer.take() else { return };
        let writer = writer.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Err(error) = writer.inner.wait_merging_threads() {
            tracing::warn!(target: "dossier::search", %error, "a background merge of the search index failed");
        }
    }
}
