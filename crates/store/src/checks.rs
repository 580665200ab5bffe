//! Stored fact checks. A story's check is derived from its articles and
//! stored with the arrival `seq` it reaches: it is fresh while the story
//! has no later article, and a story page reads it instead of extracting
//! every article again. What a check holds is the engine's business; the
//! store keeps two JSON texts per story, the whole check and a bounded
//! page of it.

use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

/// Which stored form of a check to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckForm {
    /// Every fact with its evidence.
    Whole,
    /// A bounded digest for a story page.
    Page,
}

/// How far the stored checks reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CheckCounts {
    /// Stories whose stored check covers all their articles.
    pub fresh: u64,
    /// Stories with no check, or one older than their latest article.
    pub stale: u64,
    /// Conflicts in the fresh checks.
    pub conflicts: u64,
}

impl Store {
    /// The story's stored check in `form`, if it was made by fact-check
    /// `version` and covers every article the story has.
    pub fn fresh_check(&self, story: u64, form: CheckForm, version: i64) -> Result<Option<String>, StoreError> {
        let column = match form {
            CheckForm::Whole => "c.check_json",
            CheckForm::Page => "c.page_json",
        };
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {column} FROM story_checks c JOIN stories s ON s.id = c.story_id
             WHERE c.story_id = ?1 AND c.through_seq = s.last_seq AND c.version = ?2"
        ))?;
        Ok(statement.query_row(params![story, version], |row| row.get(0)).optional()?)
    }

    /// Stores the check of `story` made by fact-check `version` from its
    /// articles up to arrival `through_seq`. A check never replaces one that
    /// reaches further.
    pub fn save_check(
        &self,
        story: u64,
        through_seq: i64,
        version: i64,
        conflicts: u64,
        whole: &str,
        page: &str,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.prepare_cached(
            "INSERT INTO story_checks (story_id, through_seq, version, conflicts, check_json, page_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (story_id) DO UPDATE SET
                 through_seq = excluded.through_seq, version = excluded.version, conflicts = excluded.conflicts,
                 check_json = excluded.check_json, page_json = excluded.page_json
             WHERE excluded.through_seq > story_checks.through_seq
                OR (excluded.through_seq = story_checks.through_seq AND excluded.version >= story_checks.version)",
        )?
        .execute(params![story, through_seq, version, conflicts, whole, page])?;
        tx.prepare_cached("UPDATE stories SET checked_seq = MAX(checked_seq, ?2) WHERE id = ?1")?
            .execute(params![story, through_seq])?;
        tx.commit()?;
        Ok(())
    }

    /// Marks every stored check stale when they were made by another
    /// fact-check version than `version` (a new build that extracts or
    /// reconciles differently); returns whether it did. They stay readable
    /// to no one and are made again by whoever refreshes checks.
    pub fn retire_checks_unless(&self, version: i64) -> Result<bool, StoreError> {
        let stored = crate::meta(&self.conn, "check_version")?;
        if stored == Some(version) {
            return Ok(false);
        }
        let tx = self.conn.unchecked_transaction()?;
        tx.execute("UPDATE stories SET checked_seq = 0 WHERE checked_seq > 0", [])?;
        crate::set_meta(&tx, "check_version", version)?;
        tx.commit()?;
        Ok(stored.is_some())
    }

    /// Up to `limit` stories whose check is missing or stale, the most
    /// recently extended first.
    pub fn unchecked_stories(&self, limit: u64) -> Result<Vec<u64>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id FROM stories INDEXED BY stories_unchecked WHERE checked_seq < last_seq
             ORDER BY last_seq DESC LIMIT ?1",
        )?;
        // SQLite counts in signed 64 bits; more is all of them.
        let limit = limit.min(i64::MAX as u64);
        let rows = statement.query_map(params![limit], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many stories have a fresh check, how many do not, and the
    /// conflicts the fresh ones hold.
    pub fn check_counts(&self) -> Result<CheckCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM stories INDEXED BY stories_unchecked WHERE checked_seq < last_seq),
                    COUNT(*), COALESCE(SUM(c.conflicts), 0)
             FROM story_checks c JOIN stories s ON s.id = c.story_id AND c.through_seq = s.last_seq
             WHERE s.checked_seq = s.last_seq",
            [],
            |row| Ok(CheckCounts { stale: row.get(0)?, fresh: row.get(1)?, conflicts: row.get(2)? }),
        )?)
    }
}
