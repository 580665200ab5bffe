//! The reconcile stage: one story's facts, lined up across its sources.
//!
//! [`reconcile`] takes the [`Facts`] each article of a story states and
//! returns a [`StoryFacts`]:
//!
//! - every **fact** (a person, an organisation, a place, a quantity, a
//!   day, a quote) with its status: corroborated by two or more distinct
//!   outlets, reported by a single source, or in conflict;
//! - every **conflict**, with each version, the articles that state it and
//!   the sentence each gives it in:
//!   one person (or one word of a name) spelled two ways (`name`), one
//!   quantity of one subject with different values (`quantity`), one event
//!   on different days (`date`), one quote given to different people
//!   (`attribution`). Sentences that two outlets tell alike are also lined
//!   up token by token, and one number or weekday standing against another
//!   is a quantity or date conflict (see `aligned.rs`);
//! - **progressions**: a toll that rises across timed updates is not a
//!   contradiction, and is reported as the sequence it is;
//! - the story's **event date** and its **timeline** of event sentences.
//!
//! Corroboration counts distinct outlets: of a syndicated copy (an article
//! with `duplicate_of` set) only what it changed is read (see `copies.rs`),
//! and two articles of one outlet count once. The cost is linear in the
//! number of facts: mentions are
//! grouped through hash maps keyed by name, subject, value and term, never
//! compared all against all; sentences are paired only through an index
//! over their terms with capped postings, and words only through an index
//! of their one-letter deletions.
//!
//! ```
//! use dossier_extract::extract_text;
//! use dossier_reconcile::{reconcile, Source, Status};
//!
//! let a = extract_text(None, "Mayor Maria Lindqvist said 12 people were injured.", None);
//! let b = extract_text(None, "Mayor Maria Lindquist said 15 people were injured.", None);
//! let story = reconcile(&[Source::new("a", "a.example", a), Source::new("b", "b.example", b)]);
//! let kinds: Vec<&str> = story.conflicts.iter().map(|c| c.kind.as_str()).collect();
//! assert_eq!(kinds, ["name", "quantity"]);
//! assert!(story.facts.iter().all(|f| f.status == Status::Conflict));
//! ```

mod aligned;
mod copies;
mod dates;
mod evidence;
mod names;
mod quantities;
mod quotes;
mod similar;
mod timeline;

use chrono::NaiveDate;
use std::sync::LazyLock;

/// The English analyzer (stop words, stems), built once.
static ENGLISH: LazyLock<dossier_text::Analyzer> = LazyLock::new(dossier_text::Analyzer::english);

pub(crate) fn english() -> &'static dossier_text::Analyzer {
    &ENGLISH
}
use dossier_domain::Published;
use dossier_extract::Facts;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One article of a story with its extracted facts.
#[derive(Debug, Clone)]
pub struct Source {
    pub article: String,
    /// The outlet (`example.com`); articles of one outlet corroborate
    /// nothing between them.
    pub outlet: String,
    pub published: Option<Published>,
    /// Set on a syndicated or duplicate copy: only the sentences it does not
    /// copy from its original are read.
    pub duplicate_of: Option<String>,
    pub facts: Facts,
}

impl Source {
    pub fn new(article: &str, outlet: &str, facts: Facts) -> Self {
        Self { article: article.to_owned(), outlet: outlet.to_owned(), published: None, duplicate_of: None, facts }
    }
}

/// Whether sources agree on a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Conflict,
    Corroborated,
    SingleSource,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Conflict => "conflict",
            Self::Corroborated => "corroborated",
            Self::SingleSource => "single-source",
        }
    }
}

/// A sentence that states a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub article: String,
    pub sentence: String,
}

/// One fact of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// `person`, `organisation`, `place`, `name`, `count`, `age`, `money`,
    /// `distance`, `percent`, `duration`, `mass`, `score`, `date` or `quote`.
    pub kind: String,
    pub value: String,
    pub status: Status,
    /// The articles that state it, in story order.
    pub sources: Vec<String>,
    /// Distinct outlets among them.
    pub outlets: usize,
    /// One sentence per article.
    pub evidence: Vec<Evidence>,
}

/// What a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ConflictKind {
    Name,
    Quantity,
    Date,
    Attribution,
}

impl ConflictKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Quantity => "quantity",
            Self::Date => "date",
            Self::Attribution => "attribution",
        }
    }
}

/// One version in a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub value: String,
    pub sources: Vec<String>,
    /// The sentence each source gives it in, where one is found.
    pub evidence: Vec<Evidence>,
}

impl Version {
    /// A version whose sentences are found afterwards (`evidence::attach`).
    pub(crate) fn new(value: String, sources: Vec<String>) -> Self {
        Self { value, sources, evidence: Vec::new() }
    }

    /// A version with the sentences its articles give it in: `mentions`
    /// are (article, sentence), the first of each article kept.
    pub(crate) fn said(story: &Story<'_>, value: String, mentions: &[(usize, usize)]) -> Self {
        let articles: BTreeSet<usize> = mentions.iter().map(|(a, _)| *a).collect();
        Self { value, sources: story.ids(&articles), evidence: story.evidence(mentions) }
    }
}

/// Sources that disagree about one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// What they disagree about ("Simone Biles", "injured", a quote).
    pub subject: String,
    /// Each version with its sources, the best-attested first.
    pub values: Vec<Version>,
}

/// A value that changed over a day of updates, in publication order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progression {
    pub subject: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub value: String,
    pub published: String,
    pub sources: Vec<String>,
}

/// One step of the story's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The day (and time of day) when known.
    pub when: Option<String>,
    pub what: String,
    pub sources: Vec<String>,
}

/// A story's facts, lined up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoryFacts {
    /// Conflicts first, then corroborated facts (most outlets first), then
    /// single-source facts.
    pub facts: Vec<Fact>,
    pub conflicts: Vec<Conflict>,
    pub progressions: Vec<Progression>,
    pub timeline: Vec<TimelineEntry>,
    pub event_date: Option<NaiveDate>,
}

/// The originals of a story, and how to count their outlets.
pub(crate) struct Story<'a> {
    pub sources: Vec<&'a Source>,
}

impl Story<'_> {
    pub(crate) fn outlets(&self, articles: &BTreeSet<usize>) -> usize {
        articles.iter().map(|&i| self.sources[i].outlet.as_str()).collect::<BTreeSet<_>>().len()
    }

    /// The text of one sentence of one article ("" past its end).
    pub(crate) fn sentence(&self, article: usize, sentence: usize) -> &str {
        self.sources[article].facts.sentences.get(sentence).map_or("", String::as_str)
    }

    pub(crate) fn ids(&self, articles: &BTreeSet<usize>) -> Vec<String> {
        articles.iter().map(|&i| self.sources[i].article.clone()).collect()
    }

    pub(crate) fn status(&self, articles: &BTreeSet<usize>) -> Status {
        if self.outlets(articles) >= 2 {
            Status::Corroborated
        } else {
            Status::SingleSource
        }
    }

    /// One evidence sentence per article: `mentions` are (article, sentence).
    pub(crate) fn evidence(&self, mentions: &[(usize, usize)]) -> Vec<Evidence> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for &(article, sentence) in mentions {
            if seen.insert(article) {
                let source = self.sources[article];
                let text = source.facts.sentences.get(sentence).cloned().unwrap_or_default();
                out.push(Evidence { article: source.article.clone(), sentence: text });
            }
        }
        out
    }

    pub(crate) fn fact(&self, kind: &str, value: String, mentions: &[(usize, usize)]) -> Fact {
        let articles: BTreeSet<usize> = mentions.iter().map(|(a, _)| *a).collect();
        Fact {
            kind: kind.to_owned(),
            value,
            status: self.status(&articles),
            sources: self.ids(&articles),
            outlets: self.outlets(&articles),
            evidence: self.evidence(mentions),
        }
    }
}

/// Lines up the facts of one story's articles (in story order).
pub fn reconcile(sources: &[Source]) -> StoryFacts {
    let changed = copies::changed_parts(sources);
    let read = sources.iter().zip(&changed).filter_map(|(source, changed)| match &source.duplicate_of {
        None => Some(source),
        Some(_) => changed.as_ref(),
    });
    let story = Story { sources: read.collect() };
    let mut out = StoryFacts::default();
    let sentences = aligned::index(&story);
    let numbers = aligned::Written::new(&story, &sentences);
    let names = names::reconcile(&story, &mut out);
    let ages_apart = quantities::reconcile(&story, &names, &numbers, &mut out);
    dates::reconcile(&story, &mut out);
    quotes::reconcile(&story, &names, &mut out);
    aligned::reconcile(&story, &sentences, &numbers, &ages_apart, &mut out);
    names::spelling_variants(&story, &sentences, &mut out);
    out.timeline = timeline::build(&story);
    out.event_date = dates::event_date(&story);
    out.facts.sort_by(|a, b| a.status.cmp(&b.status).then(b.outlets.cmp(&a.outlets)));
    join_shared_versions(&mut out.conflicts);
    out.conflicts.sort_by_key(|c| c.kind);
    evidence::attach(&story, &mut out.conflicts);
    out
}

/// Quantity and date conflicts that share a version, one value stated by
/// the same articles ("$121 billion" by one article against "$125 billion"
/// by a second and "$130 billion" by a third, found pair by pair, or found
/// both by subject, "$125 billion (bid)", and in sentences told alike), are
/// one disagreement: joined under the first's subject, each value once
/// (as the first shows it) with all its sources, the best-attested first.
fn join_shared_versions(conflicts: &mut Vec<Conflict>) {
    let joinable = |c: &Conflict| matches!(c.kind, ConflictKind::Quantity | ConflictKind::Date);
    let mut sets = similar::UnionFind::new(conflicts.len());
    let mut first_with: HashMap<(ConflictKind, &str, &[String]), usize> = HashMap::new();
    for (n, conflict) in conflicts.iter().enumerate().filter(|(_, c)| joinable(c)) {
        for version in &conflict.values {
            match first_with.entry((conflict.kind, stated(&version.value), version.sources.as_slice())) {
                std::collections::hash_map::Entry::Occupied(first) => sets.union(*first.get(), n),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(n);
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Conflict> = BTreeMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (n, conflict) in std::mem::take(conflicts).into_iter().enumerate() {
        let root = if joinable(&conflict) { sets.find(n) } else { n };
        match joined.get_mut(&root) {
            None => {
                order.push(root);
                joined.insert(root, conflict);
            }
            Some(into) => {
                for version in conflict.values {
                    match into.values.iter_mut().find(|v| stated(&v.value) == stated(&version.value)) {
                        Some(same) => {
                            for source in version.sources {
                                if !same.sources.contains(&source) {
                                    same.sources.push(source);
                                }
                            }
                            same.sources.sort();
                            same.evidence.extend(version.evidence);
                        }
                        None => into.values.push(version),
                    }
                }
                into.values.sort_by_key(|v| std::cmp::Reverse(v.sources.len()));
            }
        }
    }
    conflicts.extend(order.into_iter().filter_map(|root| joined.remove(&root)));
}

/// A version's value as stated, without the subject it may name after it
/// ("$125 billion (bid)" is "$125 billion").
fn stated(value: &str) -> &str {
    value.split(" (").next().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(kind: ConflictKind, subject: &str, values: &[(&str, &[&str])]) -> Conflict {
        let values = values
            .iter()
            .map(|(value, sources)| {
                Version::new((*value).to_owned(), sources.iter().map(|s| (*s).to_owned()).collect())
            })
            .collect();
        Conflict { kind, subject: subject.to_owned(), values }
    }

    #[test]
    fn conflicts_found_pair_by_pair_that_share_a_version_are_one() {
        use ConflictKind::*;
        let mut conflicts = vec![
            conflict(Quantity, "bid", &[("$121 billion", &["a"]), ("$125 billion", &["b"])]),
            conflict(Quantity, "offer", &[("$121 billion", &["a"]), ("$130 billion", &["c", "d"])]),
            conflict(Quantity, "deal", &[("$125 billion", &["b"]), ("$130 billion", &["c"])]),
            // Found by subject too: the value names it.
            conflict(Quantity, "bid", &[("$125 billion (bid)", &["b"]), ("$130 billion (bid)", &["c"])]),
            // Another statement of a value, or another kind, stays apart.
            conflict(Quantity, "toll", &[("$121 billion", &["e"]), ("$9 billion", &["f"])]),
            conflict(Name, "Marsh", &[("Marsh", &["a"]), ("Marhs", &["b"])]),
        ];
        join_shared_versions(&mut conflicts);
        assert_eq!(conflicts.len(), 3, "{conflicts:?}");
        let first = &conflicts[0];
        assert_eq!(first.subject, "bid");
        let values: Vec<(&str, Vec<&str>)> =
            first.values.iter().map(|v| (v.value.as_str(), v.sources.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            values,
            [("$130 billion", vec!["c", "d"]), ("$121 billion", vec!["a"]), ("$125 billion", vec!["b"])]
        );
        assert_eq!((conflicts[1].subject.as_str(), conflicts[2].subject.as_str()), ("toll", "Marsh"));
    }
}
