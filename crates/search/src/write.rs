//! Writing: add documents, then commit them with the progress mark.

use crate::{SearchError, SearchIndex};
use tantivy::{IndexWriter, TantivyDocument};

/// One article to index.
#[derive(Debug, Clone, Copy)]
pub struct IndexDocument<'a> {
    /// The article's arrival order in the store.
    pub seq: i64,
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub text: &'a str,
    /// People, organisations and places named in it, when extracted.
    pub entities: &'a [String],
}

impl SearchIndex {
    fn with_writer<T>(
        &self,
        work: impl FnOnce(&mut IndexWriter<TantivyDocument>) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let writer = self.writer.as_ref().ok_or(SearchError::ReadOnly)?;
        // A panic while writing leaves nothing half-done that a rollback
        // would not undo, so a poisoned lock is still usable.
        let mut writer = writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = work(&mut writer);
        if result.is_err() {
            // Drop whatever this attempt added, so that a later commit
            // cannot publish it under a wrong progress mark.
            if let Err(error) = writer.rollback() {
                tracing::warn!(target: "dossier::search", %error, "rollback failed");
            }
        }
        result
    }

    /// Adds documents; they become visible at the next [`SearchIndex::commit`].
    pub fn add(&self, documents: &[IndexDocument<'_>]) -> Result<(), SearchError> {
        let fields = self.fields;
        self.with_writer(|writer| {
            for document in documents {
                let mut doc = TantivyDocument::new();
                doc.add_u64(fields.seq, document.seq.max(0) as u64);
                doc.add_text(fields.id, document.id);
                if let Some(title) = document.title {
                    doc.add_text(fields.title, title);
                }
                doc.add_text(fields.text, document.text);
                for entity in document.entities {
                    doc.add_text(fields.entities, entity);
                }
                writer.add_document(doc)?;
            }
            Ok(())
        })
    }

    /// Makes everything added so far durable and searchable, recording that
    /// the index now holds every article up to arrival `through`.
    pub fn commit(&self, through: i64) -> Result<(), SearchError> {
        self.with_writer(|writer| {
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&through.to_string());
            prepared.commit()?;
            Ok(())
        })?;
        self.reload()
    }

    /// Removes every document (for a rebuild), committed with mark 0.
    pub fn clear(&self) -> Result<(), SearchError> {
        self.with_writer(|writer| {
            writer.delete_all_documents()?;
            Ok(())
        })?;
        self.commit(0)
    }

    /// The highest arrival `seq` the index holds: every article up to it is
    /// indexed, none after it. 0 for a new index.
    pub fn indexed_through(&self) -> Result<i64, SearchError> {
        let metas = self.index.load_metas()?;
        match metas.payload {
            None => Ok(0),
            Some(payload) => payload.trim().parse().map_err(|_| SearchError::Progress { payload }),
        }
    }

    /// How many documents the committed index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
