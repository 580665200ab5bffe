//! The fact check of a story view: extract each article's facts, reconcile
//! them, and shape the result as wire types.
//!
//! This runs when a story is viewed, not at ingest: the store keeps
//! articles, and facts are derived from them, so a better extractor
//! improves every stored story without a migration.

use dossier_domain::Published;
use dossier_reconcile::{reconcile, Source, StoryFacts};
use dossier_store::StoredArticle;
use rayon::prelude::*;
use serde::Serialize;

/// One fact of a story: `status` is `corroborated`, `single-source` or
/// `conflict`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactView {
    pub kind: String,
    pub value: String,
    pub status: &'static str,
    /// The articles that state it.
    pub sources: Vec<String>,
    /// Distinct outlets among them.
    pub outlets: usize,
    pub evidence: Vec<EvidenceView>,
}

/// The sentence of one article that states a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceView {
    pub article: String,
    pub sentence: String,
}

/// Sources that disagree: `kind` is `name`, `quantity`, `date` or
/// `attribution`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConflictView {
    pub kind: &'static str,
    pub subject: String,
    pub values: Vec<VersionView>,
}

/// One version in a conflict or a progression.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionView {
    pub value: String,
    pub sources: Vec<String>,
    /// For a progression step: when it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A toll that rose over a day of updates: not a contradiction.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressionView {
    pub subject: String,
    pub steps: Vec<VersionView>,
}

/// One step of the story's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineView {
    pub when: Option<String>,
    pub what: String,
    pub sources: Vec<String>,
}

/// The fact-check part of a story view.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct FactCheck {
    pub event_date: Option<String>,
    pub facts: Vec<FactView>,
    pub conflicts: Vec<ConflictView>,
    pub progressions: Vec<ProgressionView>,
    pub timeline: Vec<TimelineView>,
}

/// Extracts (in parallel) and reconciles the facts of a story's articles.
pub(crate) fn fact_check(articles: &[StoredArticle]) -> FactCheck {
    let sources: Vec<Source> = articles
        .par_iter()
        .map(|article| {
            let published = article.published.as_deref().and_then(Published::parse);
            let facts = dossier_extract::extract_fields(
                article.title.as_deref(),
                &article.text,
                published,
                article.language.as_deref(),
            );
            Source {
                article: article.id.clone(),
                outlet: article.source.clone().unwrap_or_else(|| article.id.clone()),
                published,
                duplicate_of: article.duplicate_of.clone(),
                facts,
            }
        })
        .collect();
    view(reconcile(&sources))
}

fn view(story: StoryFacts) -> FactCheck {
    FactCheck {
        event_date: story.event_date.map(|day| day.format("%Y-%m-%d").to_string()),
        facts: story
            .facts
            .into_iter()
            .map(|fact| FactView {
                kind: fact.kind,
                value: fact.value,
                status: fact.status.as_str(),
                sources: fact.sources,
                outlets: fact.outlets,
                evidence: fact
                    .evidence
                    .into_iter()
                    .map(|e| EvidenceView { article: e.article, sentence: e.sentence })
                    .collect(),
            })
            .collect(),
        conflicts: story
            .conflicts
            .into_iter()
            .map(|conflict| ConflictView {
                kind: conflict.kind.as_str(),
                subject: conflict.subject,
                values: conflict
                    .values
                    .into_iter()
                    .map(|v| VersionView { value: v.value, sources: v.sources, published: None })
                    .collect(),
            })
            .collect(),
        progressions: story
            .progressions
            .into_iter()
            .map(|p| ProgressionView {
                subject: p.subject,
                steps: p
                    .steps
                    .into_iter()
                    .map(|s| VersionView { value: s.value, sources: s.sources, published: Some(s.published) })
                    .collect(),
            })
            .collect(),
        timeline: story
            .timeline
            .into_iter()
            .map(|t| TimelineView { when: t.when, what: t.what, sources: t.sources })
            .collect(),
    }
}
