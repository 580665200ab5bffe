//! Searching: parse a user's query and rank articles.

use crate::pairs::pair;
use crate::{Highlighter, SearchError, SearchIndex};
use std::collections::hash_map::{Entry, HashMap};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, PhraseQuery, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

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
        self.for_search(query, self.parse_words(query))
    }

    /// The words query as it runs: phrases over bodies read from pairs,
    /// except in a query with a slop (`"a b"~2`), which keeps positions.
    fn for_search(&self, query: &str, words: Box<dyn Query>) -> Box<dyn Query> {
        if query.contains("\"~") {
            words
        } else {
            self.with_pairs_if_alike(query, words)
        }
    }

    /// [`with_pairs`](Self::with_pairs), unless `text` has a word the
    /// analyser drops: the word phrase keeps a gap where it was, and no
    /// pair spans the gap.
    fn with_pairs_if_alike(&self, text: &str, words: Box<dyn Query>) -> Box<dyn Query> {
        if text.split(|c: char| !c.is_alphanumeric()).any(|word| word.len() >= crate::schema::MAX_WORD_BYTES) {
            words
        } else {
            self.with_pairs(words)
        }
    }

    /// `query` as words and word phrases, before phrases over bodies are
    /// rewritten to pairs: what a snippet marks.
    fn parse_words(&self, query: &str) -> Box<dyn Query> {
        // The engine's entity names are spans of the title and body, so
        // words match the same articles without the entities field: a query
        // reads two fields' postings rather than three. `entities:` still
        // reads it, and so does `mentioning`.
        self.parse_in(query, vec![self.fields.title, self.fields.text])
    }

    fn parse_in(&self, query: &str, fields: Vec<Field>) -> Box<dyn Query> {
        let mut parser = QueryParser::for_index(&self.index, fields);
        parser.set_conjunction_by_default();
        parser.set_field_boost(self.fields.title, 2.0);
        parser.parse_query_lenient(query).0
    }

    /// `query` with every phrase over bodies read from the body's word
    /// pairs: `"central bank"` becomes the one pair term, `"said in a
    /// statement"` the phrase of its three pairs. Both match exactly the
    /// documents the word phrase matches, reading far fewer postings. A
    /// phrase inside a boost (`"a b"^2`) is left as it is: tantivy does not
    /// show a boost's inner query.
    fn with_pairs(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
            let clauses =
                boolean.clauses().iter().map(|(occur, clause)| (*occur, self.with_pairs(clause.box_clone()))).collect();
            let mut rewritten = BooleanQuery::new(clauses);
            rewritten.set_minimum_number_should_match(boolean.get_minimum_number_should_match());
            return Box::new(rewritten);
        }
        let Some(phrase) = query.downcast_ref::<PhraseQuery>().filter(|phrase| phrase.field() == self.fields.text)
        else {
            return query;
        };
        let words: Option<Vec<String>> =
            phrase.phrase_terms().iter().map(|term| term.value().as_str().map(str::to_owned)).collect();
        let Some(words) = words else { return query };
        let pairs: Vec<Term> = words
            .windows(2)
            .map(|two| Term::from_field_text(self.fields.text_pairs, &pair(&two[0], &two[1])))
            .collect();
        match pairs.len() {
            0 => query,
            1 => Box::new(TermQuery::new(pairs[0].clone(), IndexRecordOption::WithFreqs)),
            _ => Box::new(PhraseQuery::new(pairs)),
        }
    }

    /// The articles that match `query`, best first, `limit` of them from
    /// `offset`.
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<Hits, SearchError> {
        self.run(self.parse(query).as_ref(), limit, offset)
    }

    /// [`search`](Self::search) and [`highlighter`](Self::highlighter) for
    /// one query, parsing it once.
    pub fn search_highlighted(
        &self,
        query: &str,
        limit: usize,
        offset: usize,
        max_chars: usize,
    ) -> Result<(Hits, Highlighter), SearchError> {
        let words = self.parse_words(query);
        let highlighter = self.highlighter_for(words.as_ref(), max_chars);
        Ok((self.run(self.for_search(query, words).as_ref(), limit, offset)?, highlighter))
    }

    fn run(&self, parsed: &dyn Query, limit: usize, offset: usize) -> Result<Hits, SearchError> {
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (top, total) = searcher.search(parsed, &(top, Count))?;
        // A hit is known by its `seq`, read from the column store: no stored
        // document is decompressed.
        let mut columns = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top.into_iter().take(limit) {
            let column = match columns.entry(address.segment_ord) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(slot) => {
                    slot.insert(searcher.segment_reader(address.segment_ord).fast_fields().u64("seq")?)
                }
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
        let phrase = format!("\"{phrase}\"");
        let fields = vec![self.fields.title, self.fields.text, self.fields.entities];
        let hits = self.run(self.with_pairs_if_alike(&phrase, self.parse_in(&phrase, fields)).as_ref(), limit, 0)?;
        Ok(hits.hits.into_iter().map(|hit| hit.seq).collect())
    }

    /// Snippets for `query`, with bodies cut to about `max_chars` bytes.
    pub fn highlighter(&self, query: &str, max_chars: usize) -> Result<Highlighter, SearchError> {
        Ok(self.highlighter_for(self.parse_words(query).as_ref(), max_chars))
    }

    fn highlighter_for(&self, parsed: &dyn Query, max_chars: usize) -> Highlighter {
        let mut words = Vec::new();
        parsed.query_terms(&mut |term, _| {
            if let Some(word) = term.value().as_str() {
                words.push(word.to_owned());
            }
        });
        Highlighter::new(words, self.analyzer.clone(), max_chars)
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
    fn phrases_read_from_word_pairs_match_exactly_the_word_phrases() {
        let index = index(&[
            ("a", "One", "The central bank said in a statement on Monday that rates hold."),
            ("b", "Two", "The bank said, in the central statement, a change."),
            ("c", "Three", "Central Bank said in a statement."),
        ]);
        let mut central = ids(&index, "\"central bank\"");
        central.sort();
        assert_eq!(central, ["a", "c"]);
        let mut said = ids(&index, "\"said in a statement\"");
        said.sort();
        assert_eq!(said, ["a", "c"]);
        assert_eq!(ids(&index, "\"statement on monday\""), ["a"]);
        assert!(ids(&index, "\"bank central\"").is_empty());
        assert_eq!(ids(&index, "\"in the central\" -rates"), ["b"]);
        let mut loose = ids(&index, "\"central statement\"~2");
        loose.sort();
        assert_eq!(loose, ["b"], "a slop keeps word positions");
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
        let mut phrase = index.highlighter("text:\"ferry hit\"", 60).unwrap();
        let snippet = phrase.body("A ferry hit the pier.");
        let marked: Vec<&str> = snippet.highlights.iter().map(|(start, end)| &snippet.text[*start..*end]).collect();
        assert_eq!(marked, ["ferry", "hit"], "a phrase read from word pairs still marks its words");
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
