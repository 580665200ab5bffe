//! Stored articles normalised again, once, when the normalisation of titles
//! and texts has changed since they were stored: their content keys and
//! the ids made from content are hashes of normalised text, and an article
//! read again must find itself stored.

use crate::{Store, StoreError};
use rusqlite::params;
use std::collections::BTreeSet;

/// A stored article's title and text, as normalised when it was stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredText {
    pub claimed_id: String,
    pub title: Option<String>,
    pub text: String,
}

/// What a stored article becomes, normalised again.
#[derive(Debug, Clone, PartialEq)]
pub struct Renormalized {
    pub claimed_id: String,
    pub title: Option<String>,
    pub text: String,
    pub content_key: [u8; 16],
    pub copy_key: Option<[u8; 16]>,
}

/// How the engine normalises again: an article that `article` changes, and
/// the headline an article's title and outlet give its story (`headline`,
/// as ingest makes it). Only articles whose title or text holds `holding`
/// are read: what the new normalisation changes.
pub struct Renormalization<'f> {
    pub version: i64,
    pub holding: &'f str,
    pub article: &'f dyn Fn(&StoredText) -> Option<Renormalized>,
    pub headline: &'f Headline,
}

/// The headline an article's title and outlet give its story, if any.
pub type Headline = dyn Fn(Option<&str>, Option<&str>) -> Option<String>;

/// Articles read per query while normalising again.
const CHUNK: i64 = 512;

impl Store {
    /// Normalises the stored articles again when the store's normalisation
    /// version (1 when none is recorded) is older than `with.version`, in
    /// one transaction with the version's bump, so a killed process leaves
    /// the store as it was; returns how many articles changed. The stories
    /// of changed articles have their headline made again from their
    /// articles' new titles and their stored fact check dropped, and the
    /// search index is marked for a rebuild ([`Store::search_rebuild_pending`]).
    pub fn renormalize(&mut self, with: &Renormalization<'_>) -> Result<u64, StoreError> {
        let stored = |conn: &rusqlite::Connection| crate::meta(conn, "normalization").map(|v| v.unwrap_or(1));
        // Read first, without the write lock another writer may hold; then
        // again under it, since another writer may have just done the work.
        if stored(&self.conn)? >= with.version {
            return Ok(0);
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if stored(&tx)? >= with.version {
            return Ok(0);
        }
        let mut changed = 0u64;
        let mut stories = BTreeSet::new();
        let mut after = 0i64;
        loop {
            let rows: Vec<(i64, u64, StoredText)> = tx
                .prepare_cached(
                    "SELECT seq, story_id, claimed_id, title, text FROM articles
                     WHERE seq > ?1 AND (instr(text, ?2) > 0 OR instr(COALESCE(title, ''), ?2) > 0)
                     ORDER BY seq LIMIT ?3",
                )?
                .query_map(params![after, with.holding, CHUNK], |row| {
                    let text = StoredText { claimed_id: row.get(2)?, title: row.get(3)?, text: row.get(4)? };
                    Ok((row.get(0)?, row.get(1)?, text))
                })?
                .collect::<Result<_, _>>()?;
            let Some(&(last, _, _)) = rows.last() else { break };
            after = last;
            for (seq, story, stored) in &rows {
                let Some(new) = (with.article)(stored) else { continue };
                tx.prepare_cached(
                    "UPDATE articles SET claimed_id = ?2, title = ?3, text = ?4, content_key = ?5, copy_key = ?6
                     WHERE seq = ?1",
                )?
                .execute(params![
                    seq,
                    new.claimed_id,
                    new.title,
                    new.text,
                    new.content_key,
                    new.copy_key
                ])?;
                stories.insert(*story);
                changed += 1;
            }
        }
        for story in stories {
            // As an insert sets it: the headline of the first article that
            // gives one.
            let titled: Vec<(Option<String>, Option<String>)> = tx
                .prepare_cached("SELECT title, source FROM articles WHERE story_id = ?1 ORDER BY seq")?
                .query_map(params![story], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let headline =
                titled.iter().find_map(|(title, source)| (with.headline)(title.as_deref(), source.as_deref()));
            tx.execute("UPDATE stories SET headline = ?2, checked_seq = 0 WHERE id = ?1", params![story, headline])?;
            tx.execute("DELETE FROM story_checks WHERE story_id = ?1", params![story])?;
        }
        if changed > 0 {
            crate::set_meta(&tx, "search_rebuild", 1)?;
        }
        crate::set_meta(&tx, "normalization", with.version)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Whether the search index must be rebuilt from the store's articles
    /// (their texts changed under it); it stays asked for until
    /// [`Store::search_rebuilt`], so a rebuild cut short is made again.
    pub fn search_rebuild_pending(&self) -> Result<bool, StoreError> {
        Ok(crate::meta(&self.conn, "search_rebuild")?.is_some())
    }

    /// Records that the search index was rebuilt.
    pub fn search_rebuilt(&self) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM meta WHERE key = 'search_rebuild'", [])?;
        Ok(())
    }
}
