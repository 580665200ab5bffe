//! Writing: add documents, then commit them with the progress mark.

use crate::{SearchError, SearchIndex, Writer};
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
        work: impl FnOnce(&mut IndexWriter<TantivyDocument>, &mut Option<i64>) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let writer = self.writer.as_ref().ok_or(SearchError::ReadOnly)?;
        // A panic while writing leaves nothing half-done that a rollback
        // would not undo, so a poisoned lock is still usable.
        let mut writer = writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let Writer { inner, added_through } = &mut *writer;
        let result = work(inner, added_through);
        if result.is_err() {
            // Drop whatever was added since the last commit, so that a
            // later commit cannot publish it under a wrong progress mark.
            *added_through = None;
            if let Err(error) = inner.rollback() {
                tracing::warn!(target: "dossier::search", %error, "rollback failed");
            }
        }
        result
    }

    /// Adds documents; they become visible at the next [`SearchIndex::commit`].
    pub fn add(&self, documents: &[IndexDocument<'_>]) -> Result<(), SearchError> {
        let fields = self.fields;
        self.with_writer(|writer, added_through| {
            for document in documents {
                let mut doc = TantivyDocument::new();
                doc.add_u64(fields.seq, document.seq.max(0) as u64);
                doc.add_text(fields.id, document.id);
                if let Some(title) = document.title {
                    doc.add_text(fields.title, title);
                }
                doc.add_text(fields.text, document.text);
                doc.add_text(fields.text_pairs, document.text);
                for entity in document.entities {
                    doc.add_text(fields.entities, entity);
                }
                writer.add_document(doc)?;
                *added_through = Some(added_through.map_or(document.seq, |seq| seq.max(document.seq)));
            }
            Ok(())
        })
    }

    /// Makes everything added so far durable and searchable, recording that
    /// the index now holds every article up to arrival `through`.
    pub fn commit(&self, through: i64) -> Result<(), SearchError> {
        self.with_writer(|writer, added_through| {
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&through.to_string());
            prepared.commit()?;
            *added_through = None;
            Ok(())
        })?;
        self.reload()
    }

    /// Removes every document (for a rebuild), committed with mark 0.
    pub fn clear(&self) -> Result<(), SearchError> {
        self.with_writer(|writer, added_through| {
            writer.delete_all_documents()?;
            *added_through = None;
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

    /// The highest arrival `seq` handed to the writer, committed or not:
    /// where the next documents to add start.
    pub fn added_through(&self) -> Result<i64, SearchError> {
        let committed = self.indexed_through()?;
        let uncommitted = self
            .writer
            .as_ref()
            .and_then(|writer| writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).added_through);
        Ok(uncommitted.map_or(committed, |seq| seq.max(committed)))
    }

    /// How many documents the committed index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many segments the committed index is made of.
    pub fn segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }
}

impl SearchIndex {
    /// Merges every committed segment into one and waits for it (after a
    /// rebuild, say): a query looks each of its terms up once instead of
    /// once per segment. Returns how many segments there were.
    pub fn compact(&self) -> Result<usize, SearchError> {
        let before = self.index.searchable_segment_ids()?.len();
        // A merge the merge policy started on the same segments wins the
        // race and this one is refused; then try again with what is left.
        for _ in 0..COMPACT_ATTEMPTS {
            let ids = self.index.searchable_segment_ids()?;
            if ids.len() <= 1 {
                break;
            }
            // A refused merge is not a failed write: nothing to roll back.
            let merged = self.with_writer(|writer, _| Ok(writer.merge(&ids).wait()))?;
            if let Err(error) = merged {
                tracing::debug!(target: "dossier::search", %error, "merge refused; trying again");
            }
        }
        self.with_writer(|writer, _| Ok(writer.garbage_collect_files().wait().map(drop)?))?;
        self.reload()?;
        Ok(before)
    }
}

/// How many times [`SearchIndex::compact`] tries to merge.
const COMPACT_ATTEMPTS: usize = 5;

#[cfg(test)]
mod tests {
    use crate::{IndexDocument, SearchIndex};

    #[test]
    fn an_index_of_an_older_layout_is_started_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut older = tantivy::schema::Schema::builder();
        older.add_text_field("title", tantivy::schema::TEXT);
        drop(tantivy::Index::create_in_dir(dir.path(), older.build()).unwrap());
        let index = SearchIndex::open(dir.path()).unwrap();
        assert!(index.is_empty());
        assert_eq!(index.indexed_through().unwrap(), 0, "its owner refills it from the store");
        assert!(SearchIndex::open_for_reading(dir.path()).is_ok());
    }

    #[test]
    fn the_writer_knows_what_it_was_given_before_the_commit() {
        let index = SearchIndex::in_memory().unwrap();
        let document = IndexDocument { seq: 4, id: "x", title: None, text: "Harbour report.", entities: &[] };
        index.add(&[document]).unwrap();
        assert_eq!((index.indexed_through().unwrap(), index.added_through().unwrap()), (0, 4));
        index.commit(4).unwrap();
        assert_eq!((index.indexed_through().unwrap(), index.added_through().unwrap()), (4, 4));
        index.add(&[IndexDocument { seq: 5, ..document }]).unwrap();
        index.clear().unwrap();
        assert_eq!((index.indexed_through().unwrap(), index.added_through().unwrap()), (0, 0), "cleared too");
    }

    #[test]
    fn compacting_leaves_one_segment_that_finds_everything() {
        let index = SearchIndex::in_memory().unwrap();
        for seq in 1..=3 {
            let text = format!("Report {seq} on the harbour.");
            let document = IndexDocument { seq, id: "x", title: None, text: &text, entities: &[] };
            index.add(&[document]).unwrap();
            index.commit(seq).unwrap();
        }
        assert_eq!(index.segments(), 3);
        assert_eq!(index.compact().unwrap(), 3);
        assert_eq!(index.segments(), 1);
        assert_eq!(index.search("harbour", 10, 0).unwrap().total, 3);
        assert_eq!(index.indexed_through().unwrap(), 3, "the progress mark survives the merge");
    }
}
