//! Reading: counts, story lists, one story, and every article in order.

use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension, Row};

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub articles: u64,
    pub stories: u64,
    pub duplicates: u64,
}

/// A story as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySummary {
    pub id: u64,
    pub headline: Option<String>,
    pub articles: u64,
    /// Distinct outlets; an article of unknown outlet counts as its own,
    /// a copy of unknown outlet as its original's.
    pub sources: u64,
    pub duplicates: u64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// The conflicts of its stored fact check, when that check covers
    /// every article, and the version of the fact check that made it
    /// (`None` when the story is not checked yet); a reader compares the
    /// version with its own.
    pub conflicts: Option<u64>,
    pub check_version: Option<i64>,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub seq: i64,
    pub id: String,
    pub claimed_id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub published: Option<String>,
    pub language: Option<String>,
    /// A JSON object.
    pub metadata: String,
    pub origin: String,
    pub duplicate_of: Option<String>,
    pub story_id: u64,
}

/// The fields of a stored article that a search result shows, borrowed
/// from the row they were read from.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRef<'row> {
    pub id: &'row str,
    pub url: Option<&'row str>,
    pub source: Option<&'row str>,
    pub title: Option<&'row str>,
    pub text: &'row str,
    pub published: Option<&'row str>,
    pub duplicate_of: Option<&'row str>,
    pub story_id: u64,
}

pub(crate) const SUMMARY_COLUMNS: &str = "id, headline, articles, sources, duplicates, first_published, last_published,
     CASE WHEN checked_seq = last_seq
          THEN (SELECT c.conflicts FROM story_checks c WHERE c.story_id = stories.id AND c.through_seq = stories.last_seq)
     END,
     CASE WHEN checked_seq = last_seq
          THEN (SELECT c.version FROM story_checks c WHERE c.story_id = stories.id AND c.through_seq = stories.last_seq)
     END";

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        headline: row.get(1)?,
        articles: row.get(2)?,
        sources: row.get(3)?,
        duplicates: row.get(4)?,
        first_published: row.get(5)?,
        last_published: row.get(6)?,
        conflicts: row.get(7)?,
        check_version: row.get(8)?,
    })
}

pub(crate) const ARTICLE_COLUMNS: &str =
    "seq, id, claimed_id, url, source, title, text, published, language, metadata, origin,
     duplicate_of, story_id";

pub(crate) fn article_from_row(row: &Row<'_>) -> rusqlite::Result<StoredArticle> {
    Ok(StoredArticle {
        seq: row.get(0)?,
        id: row.get(1)?,
        claimed_id: row.get(2)?,
        url: row.get(3)?,
        source: row.get(4)?,
        title: row.get(5)?,
        text: row.get(6)?,
        published: row.get(7)?,
        language: row.get(8)?,
        metadata: row.get(9)?,
        origin: row.get(10)?,
        duplicate_of: row.get(11)?,
        story_id: row.get(12)?,
    })
}

impl Store {
    pub fn counts(&self) -> Result<Counts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories),
                    (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL)",
            [],
            |row| Ok(Counts { articles: row.get(0)?, stories: row.get(1)?, duplicates: row.get(2)? }),
        )?)
    }

    /// Every story, the most recently published first.
    pub fn stories(&self) -> Result<Vec<StorySummary>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM stories ORDER BY last_ts IS NULL, last_ts DESC, last_seq DESC"
        ))?;
        let rows = statement.query_map([], summary_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Up to `limit` of a story's articles from the `offset`-th, in arrival
    /// order (a long story's page of articles).
    pub fn story_articles(&self, id: u64, offset: u64, limit: u64) -> Result<Vec<StoredArticle>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE story_id = ?1 ORDER BY seq LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = statement.query_map(params![id, limit, offset], article_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Runs `work` inside one read transaction: its reads all see the same
    /// state of the store, and the connection takes the store's shared
    /// lock once instead of once per statement. Inside another transaction
    /// it simply runs `work`.
    pub fn snapshot<T, E: From<StoreError>>(&self, work: impl FnOnce(&Self) -> Result<T, E>) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return work(self);
        }
        // Dropped, the transaction ends; it wrote nothing to keep.
        let _read = self.conn.unchecked_transaction().map_err(StoreError::from)?;
        work(self)
    }

    /// Calls `read` with the article stored `seq`th, its text borrowed
    /// from the database page rather than copied: what a search result
    /// shows of each hit, twenty at a time.
    pub fn with_article_at<T>(
        &self,
        seq: i64,
        read: impl FnOnce(ArticleRef<'_>) -> T,
    ) -> Result<Option<T>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, url, source, title, text, published, duplicate_of, story_id FROM articles WHERE seq = ?1",
        )?;
        let mut rows = statement.query(params![seq])?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let text = |column: usize| -> rusqlite::Result<Option<&str>> {
            let value = row.get_ref(column)?;
            value
                .as_str_or_null()
                .map_err(|error| rusqlite::Error::FromSqlConversionFailure(column, value.data_type(), Box::new(error)))
        };
        let article = ArticleRef {
            id: text(0)?.unwrap_or_default(),
            url: text(1)?,
            source: text(2)?,
            title: text(3)?,
            text: text(4)?.unwrap_or_default(),
            published: text(5)?,
            duplicate_of: text(6)?,
            story_id: row.get(7)?,
        };
        Ok(Some(read(article)))
    }

    /// One article by the id it is stored under.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let mut statement =
            self.conn.prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"))?;
        Ok(statement.query_row(params![id], article_from_row).optional()?)
    }

    /// Calls `visit` with every article in arrival order, streaming (the
    /// store is never loaded whole). `originals_only` skips copies.
    pub fn for_each_article<E: From<StoreError>>(
        &self,
        originals_only: bool,
        mut visit: impl FnMut(StoredArticle) -> Result<(), E>,
    ) -> Result<(), E> {
        let filter = if originals_only { "WHERE duplicate_of IS NULL" } else { "" };
        let mut statement = self
            .conn
            .prepare(&format!("SELECT {ARTICLE_COLUMNS} FROM articles {filter} ORDER BY seq"))
            .map_err(StoreError::from)?;
        let mut rows = statement.query([]).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            visit(article_from_row(row).map_err(StoreError::from)?)?;
        }
        Ok(())
    }
}
