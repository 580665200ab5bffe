//! Reads for browsing a large store: one story's summary, pages of stories
//! with filters, and the articles after a given arrival `seq` (for keeping
//! a search index in step).

use crate::read::{article_from_row, summary_from_row, StoredArticle, StorySummary, ARTICLE_COLUMNS, SUMMARY_COLUMNS};
use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

/// The order of a story page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StoryOrder {
    /// The most recently published first (then the most recently arrived).
    #[default]
    Newest,
    /// The most distinct outlets first, then the newest.
    MostSources,
}

/// Which stories a page shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryQuery {
    /// Stories published, in part, at or after this Unix time.
    pub published_from: Option<i64>,
    /// Stories published, in part, at or before this Unix time.
    pub published_to: Option<i64>,
    /// Stories with an article from this outlet.
    pub source: Option<String>,
    /// Only these stories (e.g. those whose articles mention an entity).
    pub among: Option<Vec<u64>>,
    pub order: StoryOrder,
    pub limit: u64,
    pub offset: u64,
}

/// A page of stories and how many match in all.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoryPage {
    pub total: u64,
    pub stories: Vec<StorySummary>,
}

impl Store {
    /// The text of a story's first-arrived article, or `None`.
    pub fn first_text(&self, story: u64) -> Result<Option<String>, StoreError> {
        let mut statement =
            self.conn.prepare_cached("SELECT text FROM articles WHERE story_id = ?1 ORDER BY seq LIMIT 1")?;
        Ok(statement.query_row(params![story], |row| row.get(0)).optional()?)
    }

    /// One story's summary, or `None`.
    pub fn story_summary(&self, id: u64) -> Result<Option<StorySummary>, StoreError> {
        let mut statement =
            self.conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM stories WHERE id = ?1"))?;
        Ok(statement.query_row(params![id], summary_from_row).optional()?)
    }

    /// A page of stories that match `query`: the counts and spans kept on
    /// each story row, so a page reads its rows and never a story's
    /// articles.
    pub fn story_page(&self, query: &StoryQuery) -> Result<StoryPage, StoreError> {
        let order = match query.order {
            StoryOrder::Newest => "last_ts IS NULL, last_ts DESC, last_seq DESC",
            StoryOrder::MostSources => "sources DESC, last_ts IS NULL, last_ts DESC, last_seq DESC",
        };
        let among = query.among.as_ref().map(|ids| {
            let list: Vec<String> = ids.iter().map(u64::to_string).collect();
            format!("[{}]", list.join(","))
        });
        let filter = "(?1 IS NULL OR id IN (SELECT story_id FROM story_sources WHERE source = ?1 COLLATE NOCASE))
               AND (?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))
               AND (?3 IS NULL OR last_ts >= ?3) AND (?4 IS NULL OR first_ts <= ?4)";
        let filters = params![query.source, among, query.published_from, query.published_to];
        let total: u64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM stories WHERE {filter}"))?
            .query_row(filters, |row| row.get(0))?;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM stories WHERE {filter} ORDER BY {order} LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = statement.query_map(
            params![query.source, among, query.published_from, query.published_to, query.limit, query.offset],
            summary_from_row,
        )?;
        Ok(StoryPage { total, stories: rows.collect::<Result<_, _>>()? })
    }

    /// Up to `limit` articles stored after arrival `seq`, in arrival order.
    pub fn articles_after(&self, seq: i64, limit: u64) -> Result<Vec<StoredArticle>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2"))?;
        let rows = statement.query_map(params![seq, limit], article_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The story of the article that arrived `seq`-th.
    pub fn story_at(&self, seq: i64) -> Result<Option<u64>, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT story_id FROM articles WHERE seq = ?1")?;
        Ok(statement.query_row(params![seq], |row| row.get(0)).optional()?)
    }

    /// The arrival `seq` of the last stored article (0 when empty).
    pub fn last_seq(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM articles", [], |row| row.get(0))?)
    }

    /// A number that changes whenever another connection commits to the
    /// store (SQLite's `data_version`): equal values mean nobody else wrote.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.pragma_query_value(None, "data_version", |row| row.get(0))?)
    }
}
