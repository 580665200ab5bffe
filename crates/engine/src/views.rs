//! What the engine shows: story lists, story views, export lines.
//!
//! These are the wire types of `dossier stories --json`, `dossier story
//! --json` and `dossier export`; the HTTP API will answer the same shapes.

use crate::facts::{fact_check, ConflictView, FactCheck, FactView, ProgressionView, TimelineView};
use crate::{Engine, EngineError};
use dossier_store::{CheckForm, StoredArticle};
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// The conflicts its fact check found, once the story is checked
    /// (`dossier serve` checks in the background, `dossier stories --check`
    /// first); `null` until then.
    pub conflicts: Option<u64>,
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
    /// Articles, originals and copies, in arrival order: all of them, or
    /// the page asked for (see [`StoryPart`]).
    pub articles: Vec<ArticleView>,
    /// The story's articles in all, and where `articles` starts among them.
    pub articles_total: u64,
    pub articles_offset: u64,
    /// Articles that are copies of another.
    pub duplicates: u64,
    /// The day the event happened, as most outlets give it (`2024-08-11`).
    pub event_date: Option<String>,
    /// Every fact: conflicts first, then corroborated (most outlets
    /// first), then single-source. A story page's digest keeps the first of
    /// each status; `facts_total` counts them all.
    pub facts: Vec<FactView>,
    pub facts_total: u64,
    /// How many of its articles the fact check read, when it read fewer
    /// than all (a story of more than 2,000 is checked on a sample that
    /// keeps every outlet); absent when it read them all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles_checked: Option<u64>,
    pub conflicts: Vec<ConflictView>,
    /// Tolls that rose over a day of updates (not conflicts).
    pub progressions: Vec<ProgressionView>,
    pub timeline: Vec<TimelineView>,
    pub timeline_total: u64,
    /// The outlet of each article a digest names (a page shows outlets, not
    /// article ids); empty in a whole view.
    #[serde(skip)]
    pub outlets: BTreeMap<String, String>,
}

/// Which part of a story a view holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryPart {
    /// The articles from this one (in arrival order)...
    pub articles_offset: u64,
    /// ... and at most this many; `None` for all of them.
    pub articles_limit: Option<u64>,
    /// A bounded digest of the fact check (a story page) instead of all of it.
    pub digest: bool,
}

impl StoryPart {
    /// Every article and every fact.
    pub const WHOLE: StoryPart = StoryPart { articles_offset: 0, articles_limit: None, digest: false };
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
    // One line, though hard-wrapped text's sentence goes on over several.
    let first = dossier_text::sentences(text).into_iter().next().unwrap_or("");
    let sentence = first.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = sentence.as_str();
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
        self.story_part(id, StoryPart::WHOLE)
    }

    /// Part of one story (a page of its articles, a digest of its facts),
    /// or `None` if there is no such story. The fact check is read from the
    /// store when it covers every article; otherwise it is made, and kept
    /// when this engine may write.
    pub fn story_part(&self, id: u64, part: StoryPart) -> Result<Option<StoryView>, EngineError> {
        let Some(summary) = self.store.story_summary(id)? else { return Ok(None) };
        let check = self.fact_check_of(id, part.digest)?;
        let limit = part.articles_limit.unwrap_or(u64::MAX).min(i64::MAX as u64);
        let stored = self.store.story_articles(id, part.articles_offset, limit)?;
        let headline = match summary.headline {
            Some(headline) => headline,
            None => self.headline_of(id)?,
        };
        let articles = stored.into_iter().map(article_view).collect::<Result<Vec<_>, _>>()?;
        Ok(Some(StoryView {
            id,
            headline,
            first_published: summary.first_published,
            last_published: summary.last_published,
            sources: summary.sources,
            articles,
            articles_total: summary.articles,
            articles_offset: part.articles_offset,
            duplicates: summary.duplicates,
            event_date: check.event_date,
            facts: check.facts,
            facts_total: check.facts_total,
            articles_checked: check.articles_checked,
            conflicts: check.conflicts,
            progressions: check.progressions,
            timeline: check.timeline,
            timeline_total: check.timeline_total,
            outlets: check.outlets,
        }))
    }

    /// The story's fact check (whole, or its page digest): stored if fresh,
    /// else made from every article and stored when this engine may write.
    fn fact_check_of(&self, id: u64, digest: bool) -> Result<FactCheck, EngineError> {
        let form = if digest { CheckForm::Page } else { CheckForm::Whole };
        if let Some(json) = self.store.fresh_check(id, form, crate::facts::CHECK_VERSION)? {
            match serde_json::from_str(&json) {
                Ok(check) => return Ok(check),
                Err(error) => {
                    tracing::warn!(target: "dossier::facts", story = id, %error, "stored fact check unreadable; checking again")
                }
            }
        }
        let (whole, page) = self.check_story(id)?;
        Ok(if digest { page } else { whole })
    }

    /// Makes the fact check of story `id` from all its articles, stores it
    /// when this engine may write, and returns it whole and as a digest.
    fn check_story(&self, id: u64) -> Result<(FactCheck, FactCheck), EngineError> {
        let articles = self.store.story_articles(id, 0, i64::MAX as u64)?;
        let whole = fact_check(&articles);
        let outlets: BTreeMap<&str, &str> = articles
            .iter()
            .map(|article| (article.id.as_str(), article.source.as_deref().unwrap_or(article.id.as_str())))
            .collect();
        let page = whole.digest(&outlets);
        if self.store.is_writable() {
            let through = articles.iter().map(|article| article.seq).max().unwrap_or(0);
            let json = |check: &FactCheck| serde_json::to_string(check).map_err(EngineError::Json);
            let conflicts = whole.conflicts.len() as u64;
            self.store.save_check(
                id,
                through,
                crate::facts::CHECK_VERSION,
                conflicts,
                &json(&whole)?,
                &json(&page)?,
            )?;
        }
        Ok((whole, page))
    }

    /// Makes and stores the fact checks of up to `limit` stories whose
    /// stored check is missing or stale, the most recently extended first;
    /// returns how many. `dossier serve` runs this in the background so
    /// story pages find their checks ready.
    pub fn refresh_checks(&self, limit: u64) -> Result<usize, EngineError> {
        let stories = self.store.unchecked_stories(limit)?;
        for &id in &stories {
            self.check_story(id)?;
        }
        Ok(stories.len())
    }

    /// Calls `write` with every article's export line, in arrival order.
    pub fn export(&self, mut write: impl FnMut(ExportLine) -> std::io::Result<()>) -> Result<(), EngineError> {
        self.store.for_each_article::<EngineError>(false, |stored| {
            write(ExportLine { id: stored.id, story: stored.story_id, duplicate_of: stored.duplicate_of })
                .map_err(EngineError::Write)
        })
    }
}

/// Article ids grouped by outlet, in the order the outlets first come, as
/// a page names a fact's sources ("a.example (a1, a2), b.example");
/// `outlet_of` gives an article's outlet, or its id when it names none.
pub fn by_outlet(ids: &[String], outlet_of: impl Fn(&str) -> String) -> Vec<(String, Vec<&str>)> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for id in ids {
        let outlet = outlet_of(id);
        match groups.iter_mut().find(|(seen, _)| *seen == outlet) {
            Some((_, articles)) => articles.push(id),
            None => groups.push((outlet, vec![id])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_grouped_by_outlet_in_order() {
        let ids: Vec<String> = ["a1", "b1", "a2", "c1"].map(String::from).to_vec();
        let outlet = |id: &str| if id == "c1" { id.to_owned() } else { format!("{}.example", &id[..1]) };
        let groups = by_outlet(&ids, outlet);
        let expected: Vec<(String, Vec<&str>)> = vec![
            ("a.example".to_owned(), vec!["a1", "a2"]),
            ("b.example".to_owned(), vec!["b1"]),
            ("c1".to_owned(), vec!["c1"]),
        ];
        assert_eq!(groups, expected);
    }

    #[test]
    fn headlines_from_text_are_first_sentences_cut_at_a_word() {
        assert_eq!(headline_from_text("The ferry hit the pier. Twelve were hurt."), "The ferry hit the pier.");
        let long = format!("{} end.", "word ".repeat(40));
        let headline = headline_from_text(&long);
        assert!(headline.ends_with("word…") && headline.chars().count() <= HEADLINE_CHARS + 1, "{headline}");
        assert_eq!(headline_from_text(""), "");
        // Hard-wrapped text's first sentence, on one line.
        let wrapped = "The Dunmore ferry struck the pier at\nVellmar in thick fog on Monday and\ntwelve people were hurt, the harbour\nmaster said, and the pier was shut.\nRepairs begin next week at the pier.";
        assert_eq!(
            headline_from_text(wrapped),
            "The Dunmore ferry struck the pier at Vellmar in thick fog on Monday and twelve people were hurt, the harbour master…"
        );
    }
}
