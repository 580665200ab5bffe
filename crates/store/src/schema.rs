//! The schema and its migrations.
//!
//! `PRAGMA user_version` holds the schema version. Each entry of
//! [`MIGRATIONS`] moves the schema one version forward and runs in one
//! transaction with the version bump, so a crash mid-migration leaves the
//! old version intact. Never edit a released migration; append a new one.

use crate::StoreError;
use rusqlite::Connection;
use std::path::Path;

/// Migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: articles and stories.
    r#"
    CREATE TABLE stories (
        id       INTEGER PRIMARY KEY,
        headline TEXT
    );
    CREATE TABLE articles (
        seq          INTEGER PRIMARY KEY,          -- arrival order
        id           TEXT NOT NULL UNIQUE,         -- the id it is stored under
        claimed_id   TEXT NOT NULL,                -- the id it arrived with
        url          TEXT,
        source       TEXT,
        title        TEXT,
        text         TEXT NOT NULL,
        published    TEXT,                         -- YYYY-MM-DD or RFC 3339
        published_ts INTEGER,                      -- Unix seconds, for ordering
        language     TEXT,                         -- ISO 639-3
        metadata     TEXT NOT NULL DEFAULT '{}',   -- JSON object of unknown input fields
        origin       TEXT NOT NULL,                -- file:line it was read from
        content_key  BLOB NOT NULL,                -- hash of normalised title + text
        copy_key     BLOB,                         -- hash of the text's words (a stub's title first)
        duplicate_of TEXT REFERENCES articles(id),
        story_id     INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX articles_claimed ON articles(claimed_id);
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_content ON articles(content_key);
    CREATE INDEX articles_copy ON articles(copy_key) WHERE duplicate_of IS NULL;
    CREATE INDEX articles_story ON articles(story_id);
    "#,
    // 2: the near-duplicate index over originals. Each indexed original has
    // one row per LSH band key, and one sketch row with what verification
    // needs: its shingle set (sorted distinct 32-bit hashes) and its band
    // keys (to remove it again). Both are little-endian blobs.
    r#"
    CREATE TABLE neardup_bands (
        band_key INTEGER NOT NULL,                 -- band number << 32 | 32-bit band hash
        seq      INTEGER NOT NULL REFERENCES articles(seq),
        PRIMARY KEY (band_key, seq)
    ) WITHOUT ROWID;
    CREATE TABLE neardup_sketches (
        seq       INTEGER PRIMARY KEY REFERENCES articles(seq),
        shingles  BLOB NOT NULL,                   -- u32 LE, sorted, distinct
        band_keys BLOB NOT NULL                    -- i64 LE, one per band
    );
    "#,
    // 3: what browsing needs without scanning a story's articles. Each story
    // row carries its counts and span, kept up to date by every insert;
    // `story_sources` holds each story's distinct outlets (an article of
    // unknown outlet counts as its own); `story_checks` holds each story's
    // fact check as of arrival `through_seq`, and `checked_seq` on the
    // story says how far its stored check reaches, so stale checks are
    // found through a partial index.
    r#"
    ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN duplicates INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN first_ts INTEGER;               -- earliest published_ts
    ALTER TABLE stories ADD COLUMN last_ts INTEGER;                -- latest published_ts
    ALTER TABLE stories ADD COLUMN first_published TEXT;           -- `published` of the earliest
    ALTER TABLE stories ADD COLUMN last_published TEXT;            -- `published` of the latest
    ALTER TABLE stories ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN checked_seq INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE story_sources (
        story_id INTEGER NOT NULL REFERENCES stories(id),
        source   TEXT NOT NULL,
        PRIMARY KEY (story_id, source)
    ) WITHOUT ROWID;
    CREATE INDEX story_sources_source ON story_sources(source);
    INSERT OR IGNORE INTO story_sources (story_id, source) SELECT story_id, COALESCE(source, id) FROM articles;
    UPDATE stories SET
        articles = (SELECT COUNT(*) FROM articles WHERE story_id = stories.id),
        duplicates = (SELECT COUNT(duplicate_of) FROM articles WHERE story_id = stories.id),
        sources = (SELECT COUNT(*) FROM story_sources WHERE story_id = stories.id),
        first_ts = (SELECT MIN(published_ts) FROM articles WHERE story_id = stories.id),
        last_ts = (SELECT MAX(published_ts) FROM articles WHERE story_id = stories.id),
        first_published = (SELECT published FROM articles WHERE story_id = stories.id AND published_ts IS NOT NULL
                           ORDER BY published_ts ASC, seq ASC LIMIT 1),
        last_published = (SELECT published FROM articles WHERE story_id = stories.id AND published_ts IS NOT NULL
                          ORDER BY published_ts DESC, seq ASC LIMIT 1),
        last_seq = COALESCE((SELECT MAX(seq) FROM articles WHERE story_id = stories.id), 0);
    CREATE INDEX stories_newest ON stories(last_ts IS NULL, last_ts DESC, last_seq DESC);
    CREATE INDEX stories_most_sources ON stories(sources DESC, last_ts IS NULL, last_ts DESC, last_seq DESC);
    CREATE INDEX stories_unchecked ON stories(last_seq) WHERE checked_seq < last_seq;
    CREATE TABLE story_checks (
        story_id    INTEGER PRIMARY KEY REFERENCES stories(id),
        through_seq INTEGER NOT NULL,              -- the story's last_seq when checked
        version     INTEGER NOT NULL,              -- the version of the fact check that made it
        conflicts   INTEGER NOT NULL,
        check_json  TEXT NOT NULL,                 -- the engine's whole fact check, as JSON
        page_json   TEXT NOT NULL                  -- a bounded digest of it for a story page
    );
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    "#,
    // 4: a copy of unknown outlet counts as its original's outlet, not as
    // one of its own (a file read again under another path adds no source).
    r#"
    DELETE FROM story_sources;
    INSERT OR IGNORE INTO story_sources (story_id, source)
        SELECT a.story_id,
               COALESCE(a.source, (SELECT COALESCE(o.source, o.id) FROM articles o WHERE o.id = a.duplicate_of), a.id)
        FROM articles a;
    UPDATE stories SET sources = (SELECT COUNT(*) FROM story_sources WHERE story_id = stories.id);
    "#,
    // 5: outlets are found whatever their case ("Metro-Ledger.example"):
    // domain names are.
    r#"
    CREATE INDEX story_sources_source_nocase ON story_sources(source COLLATE NOCASE);
    "#,
    // 6: nothing in the schema. Titles and texts are stored with HTML
    // character references decoded (normalisation version 2, kept in
    // `meta`, brought about by the engine); a build before it would store
    // them undecoded beside the others, so it must find the store too new.
    r#"
    UPDATE meta SET value = value WHERE 0;
    "#,
];

/// The schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Fails if the file's schema is newer than this build knows.
pub fn check_version(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let found = version(conn).map_err(|source| StoreError::open(path, source))?;
    if found > VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found, supported: VERSION });
    }
    Ok(found)
}

/// Brings the schema up to [`VERSION`]. Each step takes the write lock
/// first and reads the version again under it, so two processes opening a
/// new store at once migrate it once: the second waits, then finds the step
/// done.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let found = check_version(conn, path)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let target = index as i64 + 1;
        let failed = |source| StoreError::Migrate { path: path.to_owned(), version: target, source };
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(failed)?;
        if version(&tx).map_err(failed)? >= target {
            continue;
        }
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", target).map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}
