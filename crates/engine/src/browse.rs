//! Browsing a large store: pages of stories with filters, one article,
//! and the counts that metrics report. The server shows these; the CLI's
//! whole-store views stay in `views.rs`.

use crate::views::article_view;
use crate::{ArticleView, Engine, EngineError, StoryListing};
use dossier_store::StorySummary;
use serde::Serialize;

pub use dossier_store::StoryOrder;

/// The most articles an entity filter looks at.
const ENTITY_ARTICLES: usize = 5_000;

/// Which stories a page shows, and in what order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryQuery {
    /// Stories published, in part, at or after this Unix time.
    pub published_from: Option<i64>,
    /// Stories published, in part, at or before this Unix time.
    pub published_to: Option<i64>,
    /// Stories with an article from this outlet (as stored, e.g. `example.com`).
    pub source: Option<String>,
    /// Stories with an article that mentions this name (entities, titles,
    /// bodies; matched as a phrase).
    pub entity: Option<String>,
    pub order: StoryOrder,
    pub limit: u64,
    pub offset: u64,
}

/// A page of stories.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryPageView {
    /// Stories that match, in all.
    pub total: u64,
    pub offset: u64,
    pub limit: u64,
    pub stories: Vec<StoryListing>,
}

/// One article with the story it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleDetail {
    pub story: u64,
    /// The story's headline.
    pub story_headline: String,
    #[serde(flatten)]
    pub article: ArticleView,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub articles: u64,
    pub stories: u64,
    pub duplicates: u64,
    /// Articles the search index holds (`None` without an index).
    pub indexed: Option<u64>,
    /// Stories whose stored fact check covers all their articles, those
    /// still to check, and the conflicts the checked ones hold.
    pub checked: u64,
    pub unchecked: u64,
    pub conflicts: u64,
}

/// A story's line in a list, with a headline made from its text when no
/// article had a title.
pub(crate) fn listing(engine: &Engine, summary: StorySummary) -> Result<StoryListing, EngineError> {
    let headline = match summary.headline {
        Some(headline) => headline,
        None => engine.headline_of(summary.id)?,
    };
    Ok(StoryListing {
        id: summary.id,
        headline,
        articles: summary.articles,
        sources: summary.sources,
        duplicates: summary.duplicates,
        first_published: summary.first_published,
        last_published: summary.last_published,
        // Counted by this build's fact check only: a store opened read-only
        // after an upgrade keeps the older checks' counts.
        conflicts: summary.conflicts.filter(|_| summary.check_version == Some(crate::facts::CHECK_VERSION)),
    })
}

impl Engine {
    /// A page of the stories that match `query`.
    pub fn story_page(&self, query: &StoryQuery) -> Result<StoryPageView, EngineError> {
        let among = match query.entity.as_deref().map(str::trim).filter(|name| !name.is_empty()) {
            Some(name) => Some(self.stories_mentioning(name, ENTITY_ARTICLES)?),
            None => None,
        };
        let page = self.store.story_page(&dossier_store::StoryQuery {
            published_from: query.published_from,
            published_to: query.published_to,
            source: query.source.clone(),
            among,
            order: query.order,
            limit: query.limit,
            offset: query.offset,
        })?;
        let stories = page.stories.into_iter().map(|summary| listing(self, summary)).collect::<Result<_, _>>()?;
        Ok(StoryPageView { total: page.total, offset: query.offset, limit: query.limit, stories })
    }

    /// One article by the id it is stored under, or `None`.
    pub fn article(&self, id: &str) -> Result<Option<ArticleDetail>, EngineError> {
        let Some(stored) = self.store.article(id)? else { return Ok(None) };
        let story = stored.story_id;
        let story_headline = match self.store.story_summary(story)? {
            Some(summary) => listing(self, summary)?.headline,
            None => String::new(),
        };
        Ok(Some(ArticleDetail { story, story_headline, article: article_view(stored)? }))
    }

    /// How much the store (and the search index) holds.
    pub fn counts(&self) -> Result<Counts, EngineError> {
        let counts = self.store.counts()?;
        let checks = self.store.check_counts()?;
        Ok(Counts {
            checked: checks.fresh,
            unchecked: checks.stale,
            conflicts: checks.conflicts,
            articles: counts.articles,
            stories: counts.stories,
            duplicates: counts.duplicates,
            indexed: self.search.as_deref().map(|index| index.len()),
        })
    }
}
