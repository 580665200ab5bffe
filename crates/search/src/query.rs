//! Searching: parse a user's query and rank articles.

use crate::{Highlighter, SearchError, SearchIndex};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, QueryParser};
use std::collections::hash_map::{Entry, HashMap};

/// One matching article.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's arrival order in the store.
    pub seq: i64,
    pub score: f32,
}

/// A page of matching articles, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Hits {
    /// How many articles match in all.
    pub total: u64,
    pub hits: Vec<Hit>,
}

impl SearchIndex {
    /// Words must all occur (`ferry pier`), `"quoted words"` must occur as a
    /// phrase, `-word` excludes, `title:word` looks in one field. A query
    /// that does not parse is read as leniently as possible, never refused.
    fn parse(&self, query: &str) -> Box<dyn Query> {
        let mut parser =
            QueryParser::for_index(&self.index, vec![self.fields.title, self.fields.text, self.fields.entities]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(self.fields.title, 2.0);
        parser.set_field_boost(self.fields.entities, 1.5);
        parser.parse_query_lenient(query).0
    }

    /// The articles that match `query`, best first, `limit` of them from
    /// `offset`.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Hits, SearchError> {
        let parsed = self.parse(query);
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (top, total) = searcher.search(&parsed, &(top, Count))?;
        // A hit is known by its `seq`, read from the column store: no stored
        // document is decompressed.
        let mut columns = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top.into_iter().take(limit) {
            let column = match columns.entry(address.segment_ord) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(slot) => slot.insert(searcher.segment_reader(address.segment_ord).fast_fields().u64("seq")?),
            };
            if let Some(seq) = column.first(address.doc_id) {
                hits.push(Hit { seq: seq as i64, score });
            }
        }
        Ok(Hits { total: total as u64, hits })
    }

    /// The arrival `seq`s of up to `limit` articles that mention `name` as
    /// a phrase, in their entities, title or body.
    pub fn mentioning(&self, name: &str, limit: usize) -> Result<Vec<i64>, SearchError> {
        let phrase: String = name.chars().filter(|c| *c != '"' && *c != '\\').collect();
        if phrase.trim().is_empty() {
            return Ok(Vec::new());
        }
        let hits = self.search(&format!("\"{phrase}\""), limit, 0)?;
        Ok(hits.hits.into_iter().map(|hit| hit.seq).collect())
    }

    /// Snippets for `query`, with bodies cut to about `max_chars` bytes.
    pub fn highlighter(&self, query: &str, max_chars: usize) -> Result<Highlighter, SearchError> {
        let parsed = self.parse(query);
        let mut words = Vec::new();
        parsed.query_terms(&mut |term, _| {
            if let Some(word) = term.value().as_str() {
                words.push(word.to_owned());
            }
        });
        Ok(Highlighter::new(words, self.analyzer.clone(), max_chars))
    }
}

#[cfg(test)]
mod tests {
    use crate::{IndexDocument, SearchIndex};

    fn index(documents: &[(&str, &str, &str)]) -> SearchIndex {
        let index = SearchIndex::in_memory().unwrap();
        let documents: Vec<IndexDocument<'_>> = documents
            .iter()
            .enumerate()
            .map(|(n, (id, title, text))| IndexDocument {
                seq: n as i64 + 1,
                id,
                title: Some(title),
                text,
                entities: &[],
            })
            .collect();
        index.add(&documents).unwrap();
        index.commit(documents.len() as i64).unwrap();
        index
    }

    /// The ids of the hits: the documents are indexed "a", "b", … in order.
    fn ids(index: &SearchIndex, query: &str) -> Vec<String> {
        let id = |seq: i64| char::from(b'a' + u8::try_from(seq - 1).unwrap()).to_string();
        index.search(query, 10, 0).unwrap().hits.into_iter().map(|hit| id(hit.seq)).collect()
    }

    #[test]
    fn phrases_match_words_in_order_only() {
        let index = index(&[
            ("a", "Gymnast carries the flag", "The gymnast Simone Biles handed over the flag."),
            ("b", "Flag handed over", "The flag went to Simon, then to Biles."),
        ]);
        assert_eq!(ids(&index, "\"simone biles\""), ["a"]);
        assert_eq!(ids(&index, "\"Simon Biles\""), Vec::<String>::new(), "no stemming folds Simone into Simon");
        let mut both = ids(&index, "flag biles");
        both.sort();
        assert_eq!(both, ["a", "b"]);
    }

    #[test]
    fn every_word_must_match_and_accents_fold() {
        let index =
            index(&[("a", "Café reopens", "The café on the quay reopened."), ("b", "Quay", "Work on the quay.")]);
        assert_eq!(ids(&index, "cafe quay"), ["a"]);
        assert_eq!(ids(&index, "title:quay"), ["b"]);
    }

    #[test]
    fn a_query_that_does_not_parse_is_read_leniently() {
        let index = index(&[("a", "Ferry", "A ferry hit the pier.")]);
        assert_eq!(ids(&index, "ferry AND ("), ["a"]);
        assert_eq!(ids(&index, "\"ferry hit"), ["a"]);
    }

    #[test]
    fn snippets_mark_the_query_words() {
        let index = index(&[("a", "Ferry hits pier", "Nothing here. A ferry hit the pier at dawn, hurting twelve.")]);
        let mut highlighter = index.highlighter("pier", 60).unwrap();
        let snippet = highlighter.body("Nothing here. A ferry hit the pier at dawn, hurting twelve.");
        let marked: Vec<&str> = snippet.highlights.iter().map(|(start, end)| &snippet.text[*start..*end]).collect();
        assert_eq!(marked, ["pier"]);
        let title = highlighter.title("Ferry hits pier");
        assert_eq!(title.text, "Ferry hits pier");
        assert_eq!(title.highlights, [(11, 15)]);
    }

    #[test]
    fn the_progress_mark_is_committed_with_the_documents() {
        let index = index(&[("a", "One", "One text.")]);
        assert_eq!(index.indexed_through().unwrap(), 1);
        index.clear().unwrap();
        assert_eq!(index.indexed_through().unwrap(), 0);
        assert!(index.is_empty());
    }

    #[test]
    fn entities_are_searched_as_phrases() {
        let index = SearchIndex::in_memory().unwrap();
        let entities = vec!["Karen Bass".to_owned()];
        let document = IndexDocument { seq: 1, id: "a", title: None, text: "The mayor spoke.", entities: &entities };
        index.add(&[document]).unwrap();
        index.commit(1).unwrap();
        assert_eq!(index.mentioning("Karen Bass", 10).unwrap(), [1]);
        assert!(index.mentioning("Bass Karen", 10).unwrap().is_empty());
    }
}
