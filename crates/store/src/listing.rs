//! Reads for browsing a large store: one story's summary, pages of stories
//! with filters, and the articles after a given arrival `seq` (for keeping
//! a search index in step).

use crate::read::{article_from_row, StoredArticle, StorySummary, ARTICLE_COLUMNS};
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
        let mut statement = self.conn.prepare_cached(
            "SELECT s.headline, COUNT(*), COUNT(DISTINCT COALESCE(a.source, a.id)), COUNT(a.duplicate_of),
                    (SELECT published FROM articles WHERE story_id = s.id AND published_ts IS NOT NULL
                       ORDER BY published_ts ASC, seq ASC LIMIT 1),
                    (SELECT published FROM articles WHERE story_id = s.id AND published_ts IS NOT NULL
                       ORDER BY published_ts DESC, seq ASC LIMIT 1)
             FROM stories s JOIN articles a ON a.story_id = s.id
             WHERE s.id = ?1
             GROUP BY s.id",
        )?;
        Ok(statement
            .query_row(params![id], |row| {
                Ok(StorySummary {
                    id,
                    headline: row.get(0)?,
                    articles: row.get(1)?,
                    sources: row.get(2)?,
                    duplicates: row.get(3)?,
                    first_published: row.get(4)?,
                    last_published: row.get(5)?,
                })
            })
            .optional()?)
    }

    /// A page of stories that match `query`.
    pub fn story_page(&self, query: &StoryQuery) -> Result<StoryPage, StoreError> {
        let order = match query.order {
            StoryOrder::Newest => "last_ts IS NULL, last_ts DESC, last_seq DESC",
            StoryOrder::MostSources => "sources DESC, last_ts IS NULL, last_ts DESC, last_seq DESC",
        };
        let among = query.among.as_ref().map(|ids| {
            let list: Vec<String> = ids.iter().map(u64::to_string).collect();
            format!("[{}]", list.join(","))
        });
        let mut statement = self.conn.prepare_cached(&format!(
            "WITH agg AS (
                 SELECT s.id AS id, s.headline AS headline, COUNT(*) AS n,
                        COUNT(DISTINCT COALESCE(a.source, a.id)) AS sources, COUNT(a.duplicate_of) AS dups,
                        MIN(a.published_ts) AS first_ts, MAX(a.published_ts) AS last_ts, MAX(a.seq) AS last_seq
                 FROM stories s JOIN articles a ON a.story_id = s.id
                 WHERE (?1 IS NULL OR s.id IN (SELECT story_id FROM articles WHERE source = ?1))
                   AND (?2 IS NULL OR s.id IN (SELECT value FROM json_each(?2)))
                 GROUP BY s.id
                 HAVING (?3 IS NULL OR last_ts >= ?3) AND (?4 IS NULL OR first_ts <= ?4)
             ),
             page AS (SELECT *, COUNT(*) OVER () AS total FROM agg ORDER BY {order} LIMIT ?5 OFFSET ?6)
             SELECT id, headline, n, sources, dups,
                    (SELECT published FROM articles WHERE story_id = page.id AND published_ts IS NOT NULL
                       ORDER BY published_ts ASC, seq ASC LIMIT 1),
                    (SELECT published FROM articles WHERE story_id = page.id AND published_ts IS NOT NULL
                       ORDER BY published_ts DESC, seq ASC LIMIT 1),
                    total
             FROM page ORDER BY {order}"
        ))?;
        let mut total = 0u64;
        let rows = statement.query_map(
            params![query.source, among, query.published_from, query.published_to, query.limit, query.offset],
            |row| {
                Ok((
                    StorySummary {
                        id: row.get(0)?,
                        headline: row.get(1)?,
                        articles: row.get(2)?,
                        sources: row.get(3)?,
                        duplicates: row.get(4)?,
                        first_published: row.get(5)?,
                        last_published: row.get(6)?,
                    },
                    row.get::<_, u64>(7)?,
                ))
            },
        )?;
        let mut stories = Vec::new();
        for row in rows {
            let (summary, count) = row?;
            total = count;
            stories.push(summary);
        }
        if stories.is_empty() && query.offset > 0 {
            // Past the end: the window function saw no rows, count apart.
            let everything = StoryQuery { limit: 1, offset: 0, ..query.clone() };
            total = self.story_page(&everything)?.total;
        }
        Ok(StoryPage { total, stories })
    }

    /// Up to `limit` articles stored after arrival `seq`, in arrival order.
    pub fn articles_after(&self, seq: i64, limit: u64) -> Result<Vec<StoredArticle>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE seq > ?1 ORDER BY seq LIMIT ?2"))?;
        let rows = statement.query_map(params![seq, limit], article_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The story an article belongs to, by the id it is stored under.
    pub fn story_of(&self, article_id: &str) -> Result<Option<u64>, StoreError> {
        let mut statement = self.conn.prepare_cached("SELECT story_id FROM articles WHERE id = ?1")?;
        Ok(statement.query_row(params![article_id], |row| row.get(0)).optional()?)
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
