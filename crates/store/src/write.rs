//! Writing: one batch is one transaction that sees its own rows.

use crate::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A row to insert: an article with its decided story and copy link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewArticle {
    pub id: String,
    pub claimed_id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    /// What the title gives its story as a headline: `None` where it tells
    /// none (a page titled with its site's name), so that a later article's
    /// headline is the story's.
    pub headline: Option<String>,
    pub text: String,
    /// `YYYY-MM-DD` or RFC 3339.
    pub published: Option<String>,
    pub published_ts: Option<i64>,
    pub language: Option<String>,
    /// A JSON object.
    pub metadata: String,
    pub origin: String,
    pub content_key: [u8; 16],
    pub copy_key: Option<[u8; 16]>,
    pub duplicate_of: Option<String>,
    pub story_id: u64,
}

/// A write transaction. Dropped without [`Batch::commit`], it rolls back.
pub struct Batch<'a> {
    pub(crate) tx: Transaction<'a>,
}

impl<'a> Batch<'a> {
    pub(crate) fn begin(conn: &'a mut Connection) -> Result<Self, StoreError> {
        Ok(Self { tx: conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)? })
    }

    /// The id of a stored article that is this same record: it arrived
    /// under the same id, or has the same URL, and has the same content.
    pub fn find_same(
        &self,
        claimed_id: &str,
        url: Option<&str>,
        content_key: &[u8; 16],
    ) -> Result<Option<String>, StoreError> {
        let mut by_id =
            self.tx.prepare_cached("SELECT id FROM articles WHERE claimed_id = ?1 AND content_key = ?2 LIMIT 1")?;
        if let Some(id) = by_id.query_row(params![claimed_id, content_key], |row| row.get(0)).optional()? {
            return Ok(Some(id));
        }
        let Some(url) = url else { return Ok(None) };
        let mut by_url =
            self.tx.prepare_cached("SELECT id FROM articles WHERE url = ?1 AND content_key = ?2 LIMIT 1")?;
        Ok(by_url.query_row(params![url, content_key], |row| row.get(0)).optional()?)
    }

    /// Whether some article is stored under `id`.
    pub fn id_taken(&self, id: &str) -> Result<bool, StoreError> {
        let mut statement = self.tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        Ok(statement.exists(params![id])?)
    }

    /// The first-stored original with this copy key, and its story.
    pub fn find_original(&self, copy_key: &[u8; 16]) -> Result<Option<(String, u64)>, StoreError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT id, story_id FROM articles WHERE copy_key = ?1 AND duplicate_of IS NULL ORDER BY seq LIMIT 1",
        )?;
        Ok(statement.query_row(params![copy_key], |row| Ok((row.get(0)?, row.get(1)?))).optional()?)
    }

    /// Stores an article, creating its story if it is new, and returns its
    /// arrival number (`seq`). A story's headline is the `headline` of its
    /// first article that has one.
    pub fn insert(&mut self, article: &NewArticle) -> Result<i64, StoreError> {
        // The story row first (articles reference it), with its counts and
        // span; strict comparisons keep the earliest-arrived article on a tie.
        let mut story = self.tx.prepare_cached(
            "INSERT INTO stories (id, headline, articles, duplicates, first_ts, last_ts, first_published, last_published)
             VALUES (?1, ?2, 1, ?3, ?4, ?4, ?5, ?5)
             ON CONFLICT (id) DO UPDATE SET
                 headline = COALESCE(headline, excluded.headline),
                 articles = articles + 1,
                 duplicates = duplicates + excluded.duplicates,
                 first_published = CASE WHEN excluded.first_ts < first_ts OR first_ts IS NULL
                                        THEN COALESCE(excluded.first_published, first_published)
                                        ELSE first_published END,
                 first_ts = CASE WHEN excluded.first_ts < first_ts OR first_ts IS NULL
                                 THEN COALESCE(excluded.first_ts, first_ts) ELSE first_ts END,
                 last_published = CASE WHEN excluded.last_ts > last_ts OR last_ts IS NULL
                                       THEN COALESCE(excluded.last_published, last_published)
                                       ELSE last_published END,
                 last_ts = CASE WHEN excluded.last_ts > last_ts OR last_ts IS NULL
                                THEN COALESCE(excluded.last_ts, last_ts) ELSE last_ts END",
        )?;
        let timed = article.published_ts.is_some();
        story.execute(params![
            article.story_id,
            article.headline,
            u64::from(article.duplicate_of.is_some()),
            article.published_ts,
            article.published.as_ref().filter(|_| timed),
        ])?;
        let mut insert = self.tx.prepare_cached(
            "INSERT INTO articles (id, claimed_id, url, source, title, text, published, published_ts, language,
                                   metadata, origin, content_key, copy_key, duplicate_of, story_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        insert.execute(params![
            article.id,
            article.claimed_id,
            article.url,
            article.source,
            article.title,
            article.text,
            article.published,
            article.published_ts,
            article.language,
            article.metadata,
            article.origin,
            article.content_key,
            article.copy_key,
            article.duplicate_of,
            article.story_id,
        ])?;
        let seq = self.tx.last_insert_rowid();
        // An article of unknown outlet counts as its own, unless it is a
        // copy (word for word or near) whose outlet nobody named, such as a
        // file read again under another path: that is its original's.
        let original_outlet = match (&article.source, &article.duplicate_of) {
            (None, Some(original)) => self
                .tx
                .prepare_cached("SELECT COALESCE(source, id) FROM articles WHERE id = ?1")?
                .query_row(params![original], |row| row.get::<_, String>(0))
                .optional()?,
            _ => None,
        };
        let outlet = article.source.as_deref().or(original_outlet.as_deref()).unwrap_or(&article.id);
        let new_outlet = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO story_sources (story_id, source) VALUES (?1, ?2)")?
            .execute(params![article.story_id, outlet])?;
        self.tx
            .prepare_cached("UPDATE stories SET last_seq = ?2, sources = sources + ?3 WHERE id = ?1")?
            .execute(params![article.story_id, seq, new_outlet as u64])?;
        Ok(seq)
    }

    /// Makes the batch durable.
    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}
