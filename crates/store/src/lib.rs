//! The embedded store: one SQLite file holding every article, its story and
//! the copies folded under it.
//!
//! Only this crate speaks SQL. It knows nothing about formats, clustering
//! or HTTP: it stores rows the engine hands it and answers the queries the
//! engine asks.
//!
//! - One file, zero setup; journal in WAL mode with `synchronous=NORMAL`, so
//!   a killed process loses at most the uncommitted batch and never
//!   corrupts what was committed.
//! - The schema is versioned (`PRAGMA user_version`) and migrated forward on
//!   open; a file written by a newer dossier is refused, not damaged.
//! - Writes go through a [`Batch`] (one transaction), which sees its own
//!   uncommitted rows.
//!
//! ```
//! use dossier_store::{NewArticle, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let mut batch = store.batch().unwrap();
//! let article = NewArticle { id: "a1".into(), claimed_id: "a1".into(), text: "Body".into(), story_id: 1,
//!     content_key: [1; 16], ..NewArticle::default() };
//! batch.insert(&article).unwrap();
//! batch.commit().unwrap();
//! assert_eq!(store.counts().unwrap().articles, 1);
//! ```

mod checks;
mod error;
mod listing;
mod neardup;
mod read;
mod renormalize;
mod schema;
mod write;

pub use checks::{CheckCounts, CheckForm};
pub use error::StoreError;
pub use listing::{StoryOrder, StoryPage, StoryQuery};
pub use neardup::NearDupCandidate;
pub use read::{ArticleRef, Counts, StoredArticle, StorySummary};
pub use renormalize::{Renormalization, Renormalized, StoredText};
pub use write::{Batch, NewArticle};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// An open store.
/// How much of a store file a reading connection maps into memory.
const READER_MMAP_BYTES: i64 = 1 << 30;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    writable: bool,
}

/// Puts the file in WAL mode. On a new file another connection may be doing
/// the same: changing the journal mode answers "busy" at once rather than
/// waiting (the busy timeout does not apply), so it is tried again for a
/// while, as the timeout would.
fn wal(conn: &Connection) -> rusqlite::Result<()> {
    let mut tries = 0;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(error, _))
                if error.code == rusqlite::ErrorCode::DatabaseBusy && tries < WAL_TRIES =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

/// How many times [`wal`] tries, 10 ms apart: the busy timeout's 30 s.
const WAL_TRIES: u32 = 3_000;

/// Prepared statements each connection keeps: more than the store's queries
/// with fixed text, so none is compiled twice.
const STATEMENT_CACHE: usize = 64;

impl Store {
    /// Opens the store at `path`, creating it and its schema if needed and
    /// migrating an older schema forward.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::open(path, source))?;
        Self::configure(conn, Some(path.to_owned()))
    }

    /// Opens an existing store for reading only; fails if it does not exist.
    ///
    /// A store in a folder this process cannot write (a read-only mount, a
    /// snapshot) cannot get the shared-memory file that reading in WAL mode
    /// needs; when it has no write-ahead log waiting either, nothing can be
    /// writing it, and it is read as an immutable file.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing { path: path.to_owned() });
        }
        match Self::open_reader(path, false) {
            Err(StoreError::Open { source, .. }) if is_read_only(&source) && !has_log(path) => {
                Self::open_reader(path, true)
            }
            other => other,
        }
    }

    fn open_reader(path: &Path, immutable: bool) -> Result<Self, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let opened = if immutable {
            Connection::open_with_flags(immutable_uri(path), flags)
        } else {
            Connection::open_with_flags(path, flags)
        };
        let conn = opened.map_err(|source| StoreError::open(path, source))?;
        // Readers map the file: pages come from the OS cache, shared by all
        // connections, without a read call and a copy each.
        conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES).map_err(|source| StoreError::open(path, source))?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let version = schema::check_version(&conn, path)?;
        if version == 0 {
            // An empty file (or a device, "/dev/null") holds no store: a
            // reader reports that and writes nothing into it.
            return Err(StoreError::Missing { path: path.to_owned() });
        }
        if version < schema::VERSION {
            // A store written by an older build: bring its schema forward
            // once through a writing connection, then read.
            drop(conn);
            drop(Self::open(path)?);
            return Self::open_read_only(path);
        }
        Ok(Self { conn, path: Some(path.to_owned()), writable: false })
    }

    /// A private store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn =
            Connection::open_in_memory().map_err(|source| StoreError::Open { path: ":memory:".into(), source })?;
        Self::configure(conn, None)
    }

    fn configure(mut conn: Connection, path: Option<PathBuf>) -> Result<Self, StoreError> {
        let shown = path.clone().unwrap_or_else(|| ":memory:".into());
        let sql = |source| StoreError::open(&shown, source);
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(sql)?;
        wal(&conn).map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        schema::migrate(&mut conn, &shown)?;
        Ok(Self { conn, path, writable: true })
    }

    /// Whether this connection may write (not opened read-only).
    pub fn is_writable(&self) -> bool {
        self.writable
    }

    /// The file this store lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Starts a write batch: one transaction, committed by [`Batch::commit`]
    /// and rolled back if dropped.
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        Batch::begin(&mut self.conn)
    }
}

/// A value the store keeps about itself in `meta` (the fact check's and
/// normalisation's versions, a search rebuild asked for).
fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0)).optional()
}

/// Sets a value of `meta`.
fn set_meta(conn: &Connection, key: &str, value: i64) -> rusqlite::Result<()> {
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", rusqlite::params![key, value]).map(drop)
}

/// Whether SQLite could not open or read a file because it may not write
/// beside it.
fn is_read_only(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen))
}

/// Whether a store has a write-ahead log with something in it.
fn has_log(path: &Path) -> bool {
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    std::fs::metadata(Path::new(&log)).is_ok_and(|metadata| metadata.len() > 0)
}

/// A `file:` URI that opens `path` as an immutable file: no locks, no
/// shared memory. Characters a URI gives meaning to are escaped.
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    // A path's own bytes, so that one that is not UTF-8 names the same file.
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(absolute.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = absolute.to_string_lossy().into_owned().into_bytes();
    let mut uri = String::from("file:");
    for byte in bytes {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_is_read_as_an_immutable_file_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        // Characters a URI gives meaning to, and one that is not ASCII.
        let path = dir.path().join("a store #1 ?x=ü%20.db");
        Store::open(&path).unwrap();
        assert!(immutable_uri(&path).ends_with("a%20store%20%231%20%3Fx%3D%C3%BC%2520.db?immutable=1"));
        let store = Store::open_reader(&path, true).unwrap();
        assert_eq!(store.counts().unwrap().articles, 0);
        assert!(!store.writable);
    }

    #[test]
    fn only_a_file_that_may_not_be_written_beside_is_read_as_immutable() {
        let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        assert!(is_read_only(&failure(rusqlite::ffi::SQLITE_READONLY)));
        assert!(is_read_only(&failure(rusqlite::ffi::SQLITE_CANTOPEN)));
        assert!(!is_read_only(&failure(rusqlite::ffi::SQLITE_CORRUPT)));
        assert!(!is_read_only(&failure(rusqlite::ffi::SQLITE_BUSY)));
        // A log waiting to be checkpointed holds what an immutable read
        // would miss.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dossier.db");
        std::fs::write(&path, b"").unwrap();
        assert!(!has_log(&path));
        std::fs::write(dir.path().join("dossier.db-wal"), b"").unwrap();
        assert!(!has_log(&path));
        std::fs::write(dir.path().join("dossier.db-wal"), b"frames").unwrap();
        assert!(has_log(&path));
    }
}
