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
pub(crate) const CHECK_VERSION: i64 = 10;

/// Most articles one fact check reads. A story of more (ten thousand
/// alike briefs arriving at once) is checked on a sample that keeps every
/// outlet ([`checked`]), so the extraction and reconciliation it costs stay
/// bounded.
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

/// Each article's outlet: its source, or, for a copy that names none, its
/// original's (as the store counts it), else its id.
fn outlets(articles: &[StoredArticle]) -> Vec<String> {
    let named: HashMap<&str, &str> =
        articles.iter().map(|a| (a.id.as_str(), a.source.as_deref().unwrap_or(a.id.as_str()))).collect();
    articles
        .iter()
        .map(|article| match (&article.source, &article.duplicate_of) {
            (Some(source), _) => source.clone(),
            (None, Some(original)) => named.get(original.as_str()).map_or(article.id.clone(), |o| (*o).to_owned()),
            (None, None) => article.id.clone(),
        })
        .collect()
}

/// The articles a fact check reads (by index): all of them, or, past
/// [`MAX_CHECKED_ARTICLES`], the originals first, one of each outlet's in
/// turn, each outlet's taken from both ends of its arrival order (its first
/// reports and its latest updates before the middle), leaving room for a
/// copy per outlet that copies; then copies of the originals taken (a copy
/// is read against its original), one of each outlet's in turn; then more
/// originals to the bound; in arrival order.
pub(crate) fn checked(articles: &[StoredArticle], outlets: &[String]) -> Vec<usize> {
    if articles.len() <= MAX_CHECKED_ARTICLES {
        return (0..articles.len()).collect();
    }
    // Room is kept for a copy per outlet that copies (at most a tenth).
    let copying: HashSet<&str> =
        (0..articles.len()).filter(|&n| articles[n].duplicate_of.is_some()).map(|n| outlets[n].as_str()).collect();
    let kept_for_copies = copying.len().min(MAX_CHECKED_ARTICLES / 10);
    let originals = (0..articles.len()).filter(|&n| articles[n].duplicate_of.is_none());
    let mut originals = by_outlet(originals, outlets, true);
    let mut picked = in_turns(&mut originals, MAX_CHECKED_ARTICLES - kept_for_copies);
    let taken: HashSet<&str> = picked.iter().map(|&n| articles[n].id.as_str()).collect();
    let copies = (0..articles.len())
        .filter(|&n| articles[n].duplicate_of.as_deref().is_some_and(|original| taken.contains(original)));
    let room = MAX_CHECKED_ARTICLES - picked.len();
    picked.extend(in_turns(&mut by_outlet(copies, outlets, false), room));
    // What room the copies leave goes to more originals.
    let room = MAX_CHECKED_ARTICLES - picked.len();
    picked.extend(in_turns(&mut originals, room));
    picked.sort_unstable();
    picked
}

/// `articles` (indices, in arrival order) as one queue per outlet, outlets
/// in the order they first come; `both_ends` orders each queue first,
/// last, second, second to last, and so on.
fn by_outlet(articles: impl Iterator<Item = usize>, outlets: &[String], both_ends: bool) -> Vec<VecDeque<usize>> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut queues: Vec<Vec<usize>> = Vec::new();
    for n in articles {
        let queue = *index.entry(outlets[n].as_str()).or_insert_with(|| {
            queues.push(Vec::new());
            queues.len() - 1
        });
        queues[queue].push(n);
    }
    queues
        .into_iter()
        .map(|queue| {
            if !both_ends {
                return queue.into();
            }
            let mut ends = VecDeque::with_capacity(queue.len());
            let mut rest = VecDeque::from(queue);
            while let Some(first) = rest.pop_front() {
                ends.push_back(first);
                if let Some(last) = rest.pop_back() {
                    ends.push_back(last);
                }
            }
            ends
        })
        .collect()
}

/// Up to `room` of the queues' articles, one of each queue in turn, taken
/// off the queues.
fn in_turns(queues: &mut [VecDeque<usize>], room: usize) -> Vec<usize> {
    let mut picked = Vec::with_capacity(room);
    while picked.len() < room {
        let before = picked.len();
        for queue in queues.iter_mut() {
            if picked.len() == room {
                break;
            }
            picked.extend(queue.pop_front());
        }
        if picked.len() == before {
            break;
        }
    }
    picked
}

/// Extracts (in parallel) and reconciles the facts of a story's articles,
/// at most [`MAX_CHECKED_ARTICLES`] of them ([`checked`]).
pub(crate) fn fact_check(articles: &[StoredArticle]) -> FactCheck {
    let outlets = outlets(articles);
    let read = checked(articles, &outlets);
    let articles_checked = (read.len() < articles.len()).then_some(read.len() as u64);
    let sources: Vec<Source> = read
        .par_iter()
        .map(|&n| {
            let article = &articles[n];
            let published = article.published.as_deref().and_then(Published::parse);
            let facts = dossier_extract::extract_fields(
                article.title.as_deref(),
                &article.text,
                published,
                article.language.as_deref(),
            );
            Source {
                article: article.id.clone(),
                outlet: outlets[n].clone(),
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
        // A flood of one outlet's briefs, two other outlets' reports, a copy
        // by a third outlet of a brief from the middle of the flood, and a
        // copy of a late report that names no outlet.
        let mut articles: Vec<StoredArticle> = (0..2_500).map(|seq| article(seq, "flood.example", None)).collect();
        articles.push(article(2_500, "late.example", None));
        articles.push(article(2_501, "other.example", None));
        articles.push(article(2_502, "copier.example", Some("flood.example-1200")));
        let mut unnamed = article(2_503, "late.example", Some("late.example-2500"));
        unnamed.source = None;
        articles.push(unnamed);
        let outlets = outlets(&articles);
        assert_eq!(outlets[2_503], "late.example", "a copy that names no outlet is its original's");
        let read = checked(&articles, &outlets);
        assert_eq!(read.len(), MAX_CHECKED_ARTICLES);
        assert!(read.windows(2).all(|pair| pair[0] < pair[1]), "arrival order");
        let ids: Vec<&str> = read.iter().map(|&n| articles[n].id.as_str()).collect();
        // Every outlet; the flood's first and latest briefs.
        for kept in ["late.example-2500", "other.example-2501", "flood.example-0", "flood.example-2499"] {
            assert!(ids.contains(&kept), "{kept}");
        }
        // A copy is read only with its original: the flood's middle is left
        // out, and with it the copy of it.
        assert!(!ids.contains(&"flood.example-1200") && !ids.contains(&"copier.example-2502"));
        assert!(ids.contains(&"late.example-2503"), "the copy of a report that is read");
        let check = fact_check(&articles);
        assert_eq!(check.articles_checked, Some(MAX_CHECKED_ARTICLES as u64));
        // Within the bound every article is read.
        assert_eq!(checked(&articles[..10], &outlets[..10]).len(), 10);
        assert_eq!(fact_check(&articles[..10]).articles_checked, None);
    }
}
