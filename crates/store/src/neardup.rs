//! The near-duplicate index: band keys to originals, and the shingle sets
//! that verify a candidate (tables `neardup_bands` and `neardup_sketches`,
//! schema version 2).
//!
//! The store keeps and answers; it does not compute. Band keys and shingle
//! sets come from `dossier-dedup` through the engine, and the engine
//! decides what counts as a copy. An article is indexed, looked up and
//! removed inside a [`Batch`], so the index commits (or rolls back) with
//! the articles themselves.

use crate::{Batch, StoreError};
use rusqlite::{params, params_from_iter, OptionalExtension};

/// An indexed original that shares a band key with the text looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearDupCandidate {
    pub seq: i64,
    pub id: String,
    pub story_id: u64,
    /// Its shingle set, sorted and distinct.
    pub shingles: Vec<u32>,
}

impl Batch<'_> {
    /// Indexes the article stored as `seq` under its band keys.
    pub fn index_near_duplicate(&mut self, seq: i64, band_keys: &[i64], shingles: &[u32]) -> Result<(), StoreError> {
        let shingle_blob: Vec<u8> = shingles.iter().flat_map(|value| value.to_le_bytes()).collect();
        let key_blob: Vec<u8> = band_keys.iter().flat_map(|key| key.to_le_bytes()).collect();
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO neardup_sketches (seq, shingles, band_keys) VALUES (?1, ?2, ?3)")?
            .execute(params![seq, shingle_blob, key_blob])?;
        let mut band = self.tx.prepare_cached("INSERT OR IGNORE INTO neardup_bands (band_key, seq) VALUES (?1, ?2)")?;
        for key in band_keys {
            band.execute(params![key, seq])?;
        }
        Ok(())
    }

    /// The indexed originals sharing at least one of `band_keys`, in
    /// arrival order.
    pub fn near_duplicate_candidates(&self, band_keys: &[i64]) -> Result<Vec<NearDupCandidate>, StoreError> {
        if band_keys.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = vec!["?"; band_keys.len()].join(", ");
        let sql = format!(
            "SELECT a.seq, a.id, a.story_id, s.shingles
             FROM neardup_sketches s JOIN articles a ON a.seq = s.seq
             WHERE s.seq IN (SELECT seq FROM neardup_bands WHERE band_key IN ({placeholders}))
             ORDER BY a.seq"
        );
        let mut statement = self.tx.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(band_keys), |row| {
            let blob: Vec<u8> = row.get(3)?;
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, u64>(2)?, blob))
        })?;
        let mut candidates = Vec::new();
        for row in rows {
            let (seq, id, story_id, blob) = row?;
            if blob.len() % 4 != 0 {
                return Err(StoreError::Corrupt { id, column: "neardup_sketches.shingles", detail: "length".into() });
            }
            let shingles = blob.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
            candidates.push(NearDupCandidate { seq, id, story_id, shingles });
        }
        Ok(candidates)
    }

    /// Takes the article `id` out of the near-duplicate index (it stays
    /// stored); later copies of it are no longer matched against it.
    /// Returns whether it was indexed.
    pub fn remove_from_near_duplicate_index(&mut self, id: &str) -> Result<bool, StoreError> {
        let found: Option<(i64, Vec<u8>)> = self
            .tx
            .prepare_cached(
                "SELECT s.seq, s.band_keys FROM neardup_sketches s JOIN articles a ON a.seq = s.seq WHERE a.id = ?1",
            )?
            .query_row(params![id], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let Some((seq, key_blob)) = found else { return Ok(false) };
        let mut band = self.tx.prepare_cached("DELETE FROM neardup_bands WHERE band_key = ?1 AND seq = ?2")?;
        for chunk in key_blob.chunks_exact(8) {
            let key =
                i64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
            band.execute(params![key, seq])?;
        }
        self.tx.prepare_cached("DELETE FROM neardup_sketches WHERE seq = ?1")?.execute(params![seq])?;
        Ok(true)
    }
}
