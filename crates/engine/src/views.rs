//! What the engine shows: story lists, story views, export lines.
//!
//! These are the wire types of `dossier stories --json`, `dossier story
//! --json` and `dossier export`; the HTTP API will answer the same shapes.

use crate::facts::{fact_check, ConflictView, FactView, ProgressionView, TimelineView};
use crate::{Engine, EngineError};
use dossier_store::{StoredArticle, StoredStory};
use serde::Serialize;

/// One line of `dossier stories`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryListing {
    pub id: u64,
    pub headline: String,
    pub articles: u64,
    pub sources: u64,
    pub duplicates: u64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
}

/// The full view of one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryView {
    pub id: u64,
    pub headline: String,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Distinct outlets; an article of unknown outlet counts as its own.
    pub sources: u64,
    /// Every article, originals and copies, in arrival order.
    pub articles: Vec<ArticleView>,
    /// The day the event happened, as most outlets give it (`2024-08-11`).
    pub event_date: Option<String>,
    /// Every fact: conflicts first, then corroborated (most outlets
    /// first), then single-source.
    pub facts: Vec<FactView>,
    pub conflicts: Vec<ConflictView>,
    /// Tolls that rose over a day of updates (not conflicts).
    pub progressions: Vec<ProgressionView>,
    pub timeline: Vec<TimelineView>,
}

/// An article inside a story view.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArticleView {
    pub id: String,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub duplicate_of: Option<String>,
    /// Where it was read from (`file:line`).
    pub origin: String,
    /// Input fields dossier has no column for, as given.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    pub text: String,
}

/// One line of `dossier export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportLine {
    pub id: String,
    pub story: u64,
    pub duplicate_of: Option<String>,
}

/// The longest headline made from body text, in characters.
const HEADLINE_CHARS: usize = 120;

/// A headline for a story without titles: its first sentence, shortened at a
/// word boundary.
fn headline_from_text(text: &str) -> String {
    let sentence = dossier_text::sentences(text).into_iter().next().unwrap_or("");
    if sentence.chars().count() <= HEADLINE_CHARS {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(HEADLINE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

pub(crate) fn article_view(stored: StoredArticle) -> Result<ArticleView, EngineError> {
    let metadata = match serde_json::from_str(&stored.metadata) {
        Ok(serde_json::Value::Object(map)) => map,
        Ok(_) => serde_json::Map::new(),
        Err(source) => return Err(EngineError::Metadata { id: stored.id, source }),
    };
    Ok(ArticleView {
        id: stored.id,
        source: stored.source,
        title: stored.title,
        url: stored.url,
        published: stored.published,
        language: stored.language,
        duplicate_of: stored.duplicate_of,
        origin: stored.origin,
        metadata,
        text: stored.text,
    })
}

impl Engine {
    /// Every story, the most recently published first.
    pub fn stories(&self) -> Result<Vec<StoryListing>, EngineError> {
        let summaries = self.store.stories()?;
        summaries.into_iter().map(|summary| crate::browse::listing(self, summary)).collect()
    }

    pub(crate) fn headline_of(&self, story: u64) -> Result<String, EngineError> {
        Ok(self.store.first_text(story)?.map(|text| headline_from_text(&text)).unwrap_or_default())
    }

    /// One story in full, or `None` if there is no such story.
    pub fn story(&self, id: u64) -> Result<Option<StoryView>, EngineError> {
        let Some(StoredStory { headline, articles: stored }) = self.store.story(id)? else { return Ok(None) };
        let headline =
            headline.unwrap_or_else(|| stored.first().map(|a| headline_from_text(&a.text)).unwrap_or_default());
        let summary = self.store.story_summary(id)?;
        let check = fact_check(&stored);
        let articles = stored.into_iter().map(article_view).collect::<Result<Vec<_>, _>>()?;
        Ok(Some(StoryView {
            id,
            headline,
            first_published: summary.as_ref().and_then(|s| s.first_published.clone()),
            last_published: summary.as_ref().and_then(|s| s.last_published.clone()),
            sources: summary.map_or(0, |s| s.sources),
            articles,
            event_date: check.event_date,
            facts: check.facts,
            conflicts: check.conflicts,
            progressions: check.progressions,
            timeline: check.timeline,
        }))
    }

    /// Calls `write` with every article's export line, in arrival order.
    pub fn export(&self, mut write: impl FnMut(ExportLine) -> std::io::Result<()>) -> Result<(), EngineError> {
        self.store.for_each_article::<EngineError>(false, |stored| {
            write(ExportLine { id: stored.id, story: stored.story_id, duplicate_of: stored.duplicate_of })
                .map_err(EngineError::Write)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_from_text_are_first_sentences_cut_at_a_word() {
        assert_eq!(headline_from_text("The ferry hit the pier. Twelve were hurt."), "The ferry hit the pier.");
        let long = format!("{} end.", "word ".repeat(40));
        let headline = headline_from_text(&long);
        assert!(headline.ends_with("word…") && headline.chars().count() <= HEADLINE_CHARS + 1, "{headline}");
        assert_eq!(headline_from_text(""), "");
    }
}
