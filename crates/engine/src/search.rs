//! Full-text search: keeping the index in step with the store, rebuilding
//! it, and the search results the API and the web UI show.
//!
//! The index is derived from the store and always catches up from it by
//! arrival `seq` ([`Engine::sync_search`]): when an engine opens, at the end
//! of every ingest, and on demand. During an ingest each committed batch is
//! handed to the index's writer, which indexes it in the background while
//! the next batch is prepared, and the index commits every
//! [`SEARCH_COMMIT_ARTICLES`] articles: a commit per batch cost a third of
//! a long ingest's time in flushing and merging small segments. An ingest
//! killed between commits leaves the index behind the store, and the next
//! engine to open it catches up. If another process holds the index's
//! writer (a running `dossier serve`), this engine searches but leaves
//! indexing to that process, which catches up on its own.

use crate::browse::listing;
use crate::{Engine, EngineError, StoryListing};
use dossier_search::{Highlighter, Hit, IndexDocument, SearchError, SearchIndex, Snippet};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Articles read from the store per indexing step.
const CATCH_UP_CHUNK: u64 = 2_000;
/// Articles an ingest hands to the index between its commits.
pub const SEARCH_COMMIT_ARTICLES: i64 = 25_000;
/// Characters of body text around the matches in a snippet.
const SNIPPET_CHARS: usize = 240;

/// Where the search index of the store at `db` lives: `<db>.search/`.
pub fn index_dir(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(".search");
    db.with_file_name(name)
}

pub(crate) fn open_index(db: &Path) -> Result<SearchIndex, EngineError> {
    let dir = index_dir(db);
    match SearchIndex::open(&dir) {
        Ok(index) => Ok(index),
        Err(SearchError::Busy { .. }) => {
            tracing::warn!(
                target: "dossier::search",
                index = %dir.display(),
                "another process is writing the search index; it will index what this one stores"
            );
            Ok(SearchIndex::open_for_reading(&dir)?)
        }
        Err(other) => Err(other.into()),
    }
}

/// A piece of a snippet: matched words are `mark`ed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SnippetPart {
    pub text: String,
    pub mark: bool,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleHit {
    pub id: String,
    pub story: u64,
    pub title: Option<String>,
    /// The title with the query's words marked (empty when untitled).
    pub title_parts: Vec<SnippetPart>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub duplicate_of: Option<String>,
    pub score: f32,
    /// The part of the body around the matches, the query's words marked.
    pub snippet: Vec<SnippetPart>,
}

/// A story with matching articles on this page of results.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryHit {
    #[serde(flatten)]
    pub story: StoryListing,
    /// Its articles among this page's hits.
    pub matching_articles: u64,
}

/// The answer to a search: articles best first, and their stories in the
/// order of their best article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub query: String,
    /// Matching articles in all.
    pub total: u64,
    pub offset: u64,
    pub limit: u64,
    pub articles: Vec<ArticleHit>,
    pub stories: Vec<StoryHit>,
}

fn parts(snippet: &Snippet) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut at = 0;
    for &(start, end) in &snippet.highlights {
        let (Some(before), Some(marked)) = (snippet.text.get(at..start), snippet.text.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(SnippetPart { text: before.to_owned(), mark: false });
        }
        parts.push(SnippetPart { text: marked.to_owned(), mark: true });
        at = end;
    }
    if let Some(rest) = snippet.text.get(at..) {
        if !rest.is_empty() {
            parts.push(SnippetPart { text: rest.to_owned(), mark: false });
        }
    }
    parts
}

/// The start of `text`, cut at a word, for hits that matched elsewhere.
fn opening(text: &str) -> Vec<SnippetPart> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![SnippetPart { text: dossier_text::clip(text, SNIPPET_CHARS), mark: false }]
}

impl Engine {
    fn index(&self) -> Result<&SearchIndex, EngineError> {
        self.search.as_deref().ok_or(EngineError::NoSearch)
    }

    /// Indexes every stored article the index does not hold yet, in arrival
    /// order, and commits; returns how many. Rebuilds the index if it holds
    /// more than the store (a store replaced or restored from a backup), or
    /// the store asks for it (its texts were normalised again); a rebuild
    /// cut short is asked for still, and made by the next sync.
    /// Without the index's writer it only reloads what the writer committed.
    pub fn sync_search(&mut self) -> Result<u64, EngineError> {
        self.index_stored(true)
    }

    /// Hands the stored articles the index does not hold yet to its writer,
    /// committing only once [`SEARCH_COMMIT_ARTICLES`] wait uncommitted (see
    /// the module's documentation); an ingest's last step is
    /// [`Engine::sync_search`].
    pub(crate) fn feed_search(&mut self) -> Result<u64, EngineError> {
        self.index_stored(false)
    }

    fn index_stored(&mut self, commit: bool) -> Result<u64, EngineError> {
        let Some(index) = self.search.as_deref() else { return Ok(0) };
        if !index.is_writable() {
            index.reload()?;
            return Ok(0);
        }
        let mut committed = index.indexed_through()?;
        let mut through = index.added_through()?;
        let last = self.store.last_seq()?;
        // Stored texts normalised again (see `renormalize`) are indexed anew.
        let rebuild = self.store.search_rebuild_pending()?;
        if through > last || rebuild {
            if rebuild {
                tracing::info!(target: "dossier::search", last, "stored texts changed; rebuilding the search index");
            } else {
                tracing::warn!(target: "dossier::search", through, last, "search index is ahead of the store; rebuilding it");
            }
            // Committed with mark 0.
            index.clear()?;
            (committed, through) = (0, 0);
        }
        let mut added = 0u64;
        while through < last {
            let articles = self.store.articles_after(through, CATCH_UP_CHUNK)?;
            let Some(newest) = articles.last() else { break };
            // The names each article mentions, found in parallel: a search
            // for a person matches the articles that name them, and story
            // lists filter by them.
            let names: Vec<Vec<String>> = articles
                .par_iter()
                .map(|article| {
                    dossier_extract::entity_names(article.title.as_deref(), &article.text, article.language.as_deref())
                })
                .collect();
            let documents: Vec<IndexDocument<'_>> = articles
                .iter()
                .zip(&names)
                .map(|(article, names)| IndexDocument {
                    seq: article.seq,
                    id: &article.id,
                    title: article.title.as_deref(),
                    text: &article.text,
                    entities: names,
                })
                .collect();
            index.add(&documents)?;
            through = newest.seq;
            added += documents.len() as u64;
        }
        // A rebuild is committed at once: until it is, the store asks for it.
        if through > committed && (commit || rebuild || through - committed >= SEARCH_COMMIT_ARTICLES) {
            index.commit(through)?;
            tracing::info!(target: "dossier::search", through, "search index committed");
        }
        if rebuild {
            self.store.search_rebuilt()?;
        }
        Ok(added)
    }

    /// Throws the index away and builds it again from the store, merged
    /// into one segment; returns how many articles it holds.
    pub fn reindex(&mut self) -> Result<u64, EngineError> {
        let index = self.index()?;
        if !index.is_writable() {
            let path = index.path().map(Path::to_owned).unwrap_or_default();
            return Err(SearchError::Busy { path }.into());
        }
        index.clear()?;
        let indexed = self.sync_search()?;
        // A rebuilt index is read far more than it is written: one segment.
        self.index()?.compact()?;
        Ok(indexed)
    }

    /// Articles matching `query`, best first, and their stories. See
    /// [`dossier_search`] for the query language (words, `"phrases"`,
    /// `-excluded`, `title:word`).
    pub fn search(&self, query: &str, limit: usize, offset: usize) -> Result<SearchResults, EngineError> {
        let index = self.index()?;
        let (hits, highlighter) = index.search_highlighted(query, limit, offset, SNIPPET_CHARS)?;
        // One read transaction for every hit's article and story.
        let (articles, stories) = self.store.snapshot(|_| self.search_hits(&hits.hits, highlighter))?;
        Ok(SearchResults {
            query: query.to_owned(),
            total: hits.total,
            offset: offset as u64,
            limit: limit as u64,
            articles,
            stories,
        })
    }

    fn search_hits(
        &self,
        hits: &[Hit],
        mut highlighter: Highlighter,
    ) -> Result<(Vec<ArticleHit>, Vec<StoryHit>), EngineError> {
        let mut articles = Vec::with_capacity(hits.len());
        let mut stories: Vec<StoryHit> = Vec::new();
        let mut story_at: HashMap<u64, usize> = HashMap::new();
        for hit in hits {
            // The index can briefly hold an article that another process's
            // store rolled back; such hits are passed over.
            let shown = self.store.with_article_at(hit.seq, |stored| {
                let snippet = highlighter.body(stored.text);
                let snippet = if snippet.highlights.is_empty() { opening(stored.text) } else { parts(&snippet) };
                let title_parts = stored.title.map(|title| parts(&highlighter.title(title))).unwrap_or_default();
                ArticleHit {
                    id: stored.id.to_owned(),
                    story: stored.story_id,
                    title: stored.title.map(str::to_owned),
                    title_parts,
                    source: stored.source.map(str::to_owned),
                    url: stored.url.map(str::to_owned),
                    published: stored.published.map(str::to_owned),
                    duplicate_of: stored.duplicate_of.map(str::to_owned),
                    score: hit.score,
                    snippet,
                }
            })?;
            let Some(shown) = shown else { continue };
            match story_at.get(&shown.story) {
                Some(&at) => stories[at].matching_articles += 1,
                None => {
                    if let Some(summary) = self.store.story_summary(shown.story)? {
                        story_at.insert(shown.story, stories.len());
                        let story = listing(self, summary)?;
                        stories.push(StoryHit { story, matching_articles: 1 });
                    }
                }
            }
            articles.push(shown);
        }
        Ok((articles, stories))
    }

    /// The stories whose articles mention `name` (entities, titles, bodies),
    /// up to `limit` articles looked at.
    pub(crate) fn stories_mentioning(&self, name: &str, limit: usize) -> Result<Vec<u64>, EngineError> {
        let mut stories = Vec::new();
        for seq in self.index()?.mentioning(name, limit)? {
            if let Some(story) = self.store.story_at(seq)? {
                stories.push(story);
            }
        }
        stories.sort_unstable();
        stories.dedup();
        Ok(stories)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_sits_beside_the_store() {
        assert_eq!(index_dir(Path::new("/data/news.db")), Path::new("/data/news.db.search"));
        assert_eq!(index_dir(Path::new("dossier.db")), Path::new("dossier.db.search"));
    }

    #[test]
    fn snippets_split_into_marked_parts() {
        let snippet = Snippet { text: "a ferry hit the pier".into(), highlights: vec![(2, 7), (16, 20)] };
        let texts: Vec<(String, bool)> = parts(&snippet).into_iter().map(|p| (p.text, p.mark)).collect();
        assert_eq!(
            texts,
            [("a ".into(), false), ("ferry".into(), true), (" hit the ".into(), false), ("pier".into(), true)]
        );
    }
}
