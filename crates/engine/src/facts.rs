//! The fact check of a story view: extract each article's facts, reconcile
//! them, and shape the result as wire types.
//!
//! Nothing of it is computed at ingest: facts are derived from the stored
//! articles, so a better extractor improves every story without a data
//! migration. A check, once made, is stored with the arrival `seq` it
//! reaches (see `dossier_store::Store::save_check`) and read back while the
//! story has no later article; a story page reads a bounded digest of it
//! ([`FactCheck::digest`]), so its cost does not grow with the story.

use dossier_domain::Published;
use dossier_reconcile::{reconcile, Source, StoryFacts};
use dossier_store::StoredArticle;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// One fact of a story: `status` is `corroborated`, `single-source` or
/// `conflict`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactView {
    pub kind: String,
    pub value: String,
    pub status: String,
    /// The articles that state it.
    pub sources: Vec<String>,
    /// In a story page's digest, which names only the first few sources:
    /// how many there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_total: Option<u64>,
    /// Distinct outlets among them.
    pub outlets: usize,
    pub evidence: Vec<EvidenceView>,
}

/// The sentence of one article that states a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceView {
    pub article: String,
    pub sentence: String,
}

/// Sources that disagree: `kind` is `name`, `quantity`, `date` or
/// `attribution`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConflictView {
    pub kind: String,
    pub subject: String,
    pub values: Vec<VersionView>,
}

/// One version in a conflict or a progression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionView {
    pub value: String,
    pub sources: Vec<String>,
    /// In a story page's digest: how many sources there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources_total: Option<u64>,
    /// For a progression step: when it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// For a version in a conflict: the sentence each source gives it in
    /// (in a story page's digest, the first few).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceView>,
}

/// A toll that rose over a day of updates: not a contradiction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressionView {
    pub subject: String,
    pub steps: Vec<VersionView>,
}

/// One step of the story's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineView {
    pub when: Option<String>,
    pub what: String,
    pub sources: Vec<String>,
}

/// The version of what a fact check says. Stored checks made by another
/// version are made again: raise it whenever extraction, reconciliation or
/// the shape of [`FactCheck`] changes what a stored check would hold.
pub(crate) const CHECK_VERSION: i64 = 8;

/// Most articles one fact check reads. A story of more (ten thousand
/// alike briefs arriving at once) is checked on a sample that keeps every
/// outlet ([`checked`]), so its cost, in time and memory, stays bounded.
pub(crate) const MAX_CHECKED_ARTICLES: usize = 2_000;

/// Most facts of each status on a story page; the rest are counted.
const PAGE_FACTS: usize = 60;
/// Most conflicts and timeline steps on a story page.
const PAGE_CONFLICTS: usize = 60;
const PAGE_TIMELINE: usize = 40;
/// Most sources named per fact or version on a story page, and evidence
/// sentences kept per fact or version in a digest.
const PAGE_SOURCES: usize = 12;
const PAGE_EVIDENCE: usize = 3;

/// The fact-check part of a story view, as stored.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub(crate) struct FactCheck {
    pub event_date: Option<String>,
    pub facts: Vec<FactView>,
    pub conflicts: Vec<ConflictView>,
    pub progressions: Vec<ProgressionView>,
    pub timeline: Vec<TimelineView>,
    /// How many facts and timeline steps the whole check has (a digest
    /// shows fewer).
    pub facts_total: u64,
    pub timeline_total: u64,
    /// How many articles the check read, when that is fewer than the
    /// story's ([`MAX_CHECKED_ARTICLES`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles_checked: Option<u64>,
    /// The outlet of each article a digest names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outlets: BTreeMap<String, String>,
}

fn truncate<T>(list: &mut Vec<T>, most: usize) {
    list.truncate(most);
}

impl FactCheck {
    /// A bounded copy for a story page: every status keeps its first
    /// facts (conflicts, then the most corroborated, then single-source),
    /// each with a few sources and sentences, and the outlet of each article
    /// it still names. `outlet_of` gives an article's outlet.
    pub(crate) fn digest(&self, outlet_of: &BTreeMap<&str, &str>) -> FactCheck {
        let mut kept: BTreeMap<&str, usize> = BTreeMap::new();
        let mut facts = Vec::new();
        for fact in &self.facts {
            let shown = kept.entry(fact.status.as_str()).or_default();
            if *shown >= PAGE_FACTS {
                continue;
            }
            *shown += 1;
            let mut fact = fact.clone();
            fact.sources_total = Some(fact.sources.len() as u64);
            truncate(&mut fact.sources, PAGE_SOURCES);
            truncate(&mut fact.evidence, PAGE_EVIDENCE);
            facts.push(fact);
        }
        let mut conflicts = self.conflicts.clone();
        truncate(&mut conflicts, PAGE_CONFLICTS);
        let mut progressions = self.progressions.clone();
        truncate(&mut progressions, PAGE_CONFLICTS);
        for version in conflicts
            .iter_mut()
            .flat_map(|c| c.values.iter_mut())
            .chain(progressions.iter_mut().flat_map(|p| p.steps.iter_mut()))
        {
            version.sources_total = Some(version.sources.len() as u64);
            truncate(&mut version.sources, PAGE_SOURCES);
            truncate(&mut version.evidence, PAGE_EVIDENCE);
        }
        let mut timeline = self.timeline.clone();
        truncate(&mut timeline, PAGE_TIMELINE);
        for step in &mut timeline {
            truncate(&mut step.sources, PAGE_SOURCES);
        }
        let named = facts
            .iter()
            .flat_map(|f| f.sources.iter().chain(f.evidence.iter().map(|e| &e.article)))
            .chain(conflicts.iter().flat_map(|c| {
                c.values.iter().flat_map(|v| v.sources.iter().chain(v.evidence.iter().map(|e| &e.article)))
            }))
            .chain(progressions.iter().flat_map(|p| p.steps.iter().flat_map(|s| s.sources.iter())))
            .chain(timeline.iter().flat_map(|t| t.sources.iter()));
        let outlets = named
            .filter_map(|id| outlet_of.get(id.as_str()).map(|outlet| (id.clone(), (*outlet).to_owned())))
            .collect();
        FactCheck {
            event_date: self.event_date.clone(),
            facts,
            conflicts,
            progressions,
            timeline,
            facts_total: self.facts_total,
            timeline_total: self.timeline_total,
            articles_checked: self.articles_checked,
            outlets,
        }
    }
}

/// The articles a fact check reads: all of them, or, past
/// [`MAX_CHECKED_ARTICLES`], one of each outlet's in turn, in arrival
/// order, a copy only when its original was taken before it (a copy is
/// read against its original).
pub(crate) fn checked(articles: &[StoredArticle]) -> Vec<&StoredArticle> {
    if articles.len() <= MAX_CHECKED_ARTICLES {
        return articles.iter().collect();
    }
    // Each outlet's articles, outlets in the order they first come.
    let mut outlet_index: HashMap<&str, usize> = HashMap::new();
    let mut queues: Vec<VecDeque<usize>> = Vec::new();
    for (n, article) in articles.iter().enumerate() {
        let outlet = article.source.as_deref().unwrap_or(article.id.as_str());
        let queue = *outlet_index.entry(outlet).or_insert_with(|| {
            queues.push(VecDeque::new());
            queues.len() - 1
        });
        queues[queue].push_back(n);
    }
    let mut taken: HashSet<&str> = HashSet::new();
    let mut picked: Vec<usize> = Vec::with_capacity(MAX_CHECKED_ARTICLES);
    'turns: loop {
        let mut took = false;
        for queue in &mut queues {
            while let Some(n) = queue.pop_front() {
                let article = &articles[n];
                if article.duplicate_of.as_deref().is_some_and(|original| !taken.contains(original)) {
                    continue;
                }
                taken.insert(article.id.as_str());
                picked.push(n);
                took = true;
                if picked.len() == MAX_CHECKED_ARTICLES {
                    break 'turns;
                }
                break;
            }
        }
        if !took {
            break;
        }
    }
    picked.sort_unstable();
    picked.into_iter().map(|n| &articles[n]).collect()
}

/// Extracts (in parallel) and reconciles the facts of a story's articles,
/// at most [`MAX_CHECKED_ARTICLES`] of them ([`checked`]).
pub(crate) fn fact_check(articles: &[StoredArticle]) -> FactCheck {
    let read = checked(articles);
    let articles_checked = (read.len() < articles.len()).then_some(read.len() as u64);
    // An article's outlet, or its id when it names none; a copy that names
    // none is its original's outlet's (as the store counts it).
    let outlets: HashMap<&str, &str> =
        articles.iter().map(|a| (a.id.as_str(), a.source.as_deref().unwrap_or(a.id.as_str()))).collect();
    let outlet_of = |article: &StoredArticle| match (&article.source, &article.duplicate_of) {
        (Some(source), _) => source.clone(),
        (None, Some(original)) => outlets.get(original.as_str()).map_or(article.id.clone(), |o| (*o).to_owned()),
        (None, None) => article.id.clone(),
    };
    let sources: Vec<Source> = read
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
                outlet: outlet_of(article),
                published,
                duplicate_of: article.duplicate_of.clone(),
                facts,
            }
        })
        .collect();
    FactCheck { articles_checked, ..view(reconcile(&sources)) }
}

/// The wire form of a sentence that states a fact or a version.
fn evidence_view(evidence: dossier_reconcile::Evidence) -> EvidenceView {
    EvidenceView { article: evidence.article, sentence: evidence.sentence }
}

fn view(story: StoryFacts) -> FactCheck {
    FactCheck {
        facts_total: story.facts.len() as u64,
        timeline_total: story.timeline.len() as u64,
        articles_checked: None,
        outlets: BTreeMap::new(),
        event_date: story.event_date.map(|day| day.format("%Y-%m-%d").to_string()),
        facts: story
            .facts
            .into_iter()
            .map(|fact| FactView {
                kind: fact.kind,
                value: fact.value,
                status: fact.status.as_str().to_owned(),
                sources: fact.sources,
                sources_total: None,
                outlets: fact.outlets,
                evidence: fact.evidence.into_iter().map(evidence_view).collect(),
            })
            .collect(),
        conflicts: story
            .conflicts
            .into_iter()
            .map(|conflict| ConflictView {
                kind: conflict.kind.as_str().to_owned(),
                subject: conflict.subject,
                values: conflict
                    .values
                    .into_iter()
                    .map(|v| VersionView {
                        value: v.value,
                        sources: v.sources,
                        sources_total: None,
                        published: None,
                        evidence: v.evidence.into_iter().map(evidence_view).collect(),
                    })
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
                    .map(|s| VersionView {
                        value: s.value,
                        sources: s.sources,
                        sources_total: None,
                        published: Some(s.published),
                        evidence: Vec::new(),
                    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(seq: i64, outlet: &str, duplicate_of: Option<&str>) -> StoredArticle {
        StoredArticle {
            seq,
            id: format!("{outlet}-{seq}"),
            claimed_id: format!("{outlet}-{seq}"),
            url: None,
            source: Some(outlet.to_owned()),
            title: None,
            text: "The Dunmore ferry struck the pier at Vellmar on Monday, and 12 people were hurt.".to_owned(),
            published: Some("2024-03-04".to_owned()),
            language: Some("eng".to_owned()),
            metadata: "{}".to_owned(),
            origin: format!("test:{seq}"),
            duplicate_of: duplicate_of.map(str::to_owned),
            story_id: 1,
        }
    }

    #[test]
    fn a_story_past_the_bound_is_checked_on_a_sample_that_keeps_every_outlet() {
        // A flood of one outlet's briefs, two other outlets' reports, and a
        // copy of a late report of theirs.
        let mut articles: Vec<StoredArticle> = (0..2_500).map(|seq| article(seq, "flood.example", None)).collect();
        articles.push(article(2_500, "late.example", None));
        articles.push(article(2_501, "other.example", None));
        articles.push(article(2_502, "copier.example", Some("late.example-2500")));
        articles.push(article(2_503, "copier.example", Some("flood.example-2400")));
        let read = checked(&articles);
        assert_eq!(read.len(), MAX_CHECKED_ARTICLES);
        let ids: Vec<&str> = read.iter().map(|a| a.id.as_str()).collect();
        for kept in ["late.example-2500", "other.example-2501", "copier.example-2502", "flood.example-0"] {
            assert!(ids.contains(&kept), "{kept}");
        }
        // A copy of an original left out is left out; order is arrival.
        assert!(!ids.contains(&"copier.example-2503") && !ids.contains(&"flood.example-2400"));
        assert!(read.windows(2).all(|pair| pair[0].seq < pair[1].seq));
        let check = fact_check(&articles);
        assert_eq!(check.articles_checked, Some(MAX_CHECKED_ARTICLES as u64));
        // Within the bound every article is read.
        assert_eq!(checked(&articles[..10]).len(), 10);
        assert_eq!(fact_check(&articles[..10]).articles_checked, None);
    }
}
