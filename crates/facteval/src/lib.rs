//! The fact-check evaluation: plant contradictions into real multi-source
//! stories and measure how many the fact check finds, and how many
//! conflicts it reports on the stories left untouched.
//!
//! Pure: the caller reads the articles and the gold story labels (the CLI's
//! `dossier factcheck-eval` reads `../shared/data/news-cluster`); this
//! crate groups, plants (with a seeded generator, see [`plant`]), extracts,
//! reconciles and scores. The same data and seed give the same report.
//!
//! ```
//! use dossier_domain::{Article, ArticleId, Metadata, Origin};
//! use dossier_facteval::{evaluate, Options};
//!
//! let article = |id: &str, outlet: &str, text: &str| Article {
//!     id: ArticleId(id.into()), url: None, source: Some(outlet.into()), title: None, text: text.into(),
//!     published: None, language: Some("eng".into()), metadata: Metadata::new(), origin: Origin::stdin(),
//! };
//! let story = vec![
//!     article("a", "a.example", "Mayor Ann Oakley said on Friday that 14 people were injured. Oakley said so."),
//!     article("b", "b.example", "Mayor Ann Oakley said on Friday that 14 people were injured. Oakley agreed."),
//! ];
//! let report = evaluate(&[story], &Options { seed: 1, trials: 1, sample: 5, story: None });
//! assert_eq!(report.untouched.conflicts, 0);
//! assert!(report.planted.iter().any(|kind| kind.planted > 0));
//! ```

mod plant;
mod rng;

pub use plant::{plant, Plant, KINDS};
pub use rng::Rng;

use dossier_domain::Article;
use dossier_reconcile::{reconcile, Source, StoryFacts, Version};
use serde::Serialize;

/// How to run the evaluation.
#[derive(Debug, Clone)]
pub struct Options {
    pub seed: u64,
    /// Plants of each kind tried per story.
    pub trials: usize,
    /// Conflicts on untouched stories to show for a human to judge.
    pub sample: usize,
    /// Only the story whose first article has this id, planted as in a
    /// whole run.
    pub story: Option<String>,
}

/// Recall for one kind of planted contradiction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindScore {
    pub kind: &'static str,
    pub planted: usize,
    pub found: usize,
    pub recall: f64,
    /// Plants that were not found, for a human to look at.
    pub missed: Vec<PlantView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlantView {
    pub story: String,
    pub article: String,
    pub original: String,
    pub planted: String,
    /// The first sentence of the changed article that the plant changed.
    pub sentence: String,
    /// Sentences of other outlets that state the original (up to three):
    /// what the changed sentence should have been compared with.
    pub elsewhere: Vec<String>,
    /// What the fact check made of the planted value: each fact of the
    /// changed article that holds it, with its status ("4 engines:
    /// single-source"). Empty when nothing was read there.
    pub read_as: Vec<String>,
    /// The conflicts of the plant's kind the check reported on the changed
    /// story, as "subject: value | value".
    pub reported: Vec<String>,
}

/// Conflicts reported on the stories as they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Untouched {
    pub stories: usize,
    pub conflicts: usize,
    pub stories_with_conflicts: usize,
    pub by_kind: Vec<(String, usize)>,
    pub sample: Vec<ConflictSample>,
}

/// One reported conflict with the sentences behind each version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictSample {
    pub story: String,
    pub kind: &'static str,
    pub subject: String,
    pub versions: Vec<(String, Vec<String>, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub seed: u64,
    pub stories: usize,
    pub planted: Vec<KindScore>,
    pub overall_planted: usize,
    pub overall_found: usize,
    pub overall_recall: f64,
    pub untouched: Untouched,
}

fn outlet(article: &Article) -> &str {
    article.source.as_deref().unwrap_or(article.id.as_str())
}

/// Stories with at least two outlets: the ones a fact check can compare.
pub fn multi_source(stories: Vec<Vec<Article>>) -> Vec<Vec<Article>> {
    stories
        .into_iter()
        .filter(|story| story.iter().map(outlet).collect::<std::collections::BTreeSet<_>>().len() >= 2)
        .collect()
}

/// The fact check of one story, as the evaluation runs it: every article
/// an original, its outlet its source name (else its id).
pub fn check(story: &[Article]) -> StoryFacts {
    let sources: Vec<Source> = story
        .iter()
        .map(|article| Source {
            article: article.id.to_string(),
            outlet: outlet(article).to_owned(),
            published: article.published,
            duplicate_of: None,
            facts: dossier_extract::extract(article),
        })
        .collect();
    reconcile(&sources)
}

/// The sentence behind one version of a conflict in `article`: the one the
/// check gives the version (what a reader of the story sees), else the
/// evidence of the fact with that value, else a sentence of the article
/// that mentions the value.
fn evidence_for(story: &[Article], facts: &StoryFacts, version: &Version, article: &str) -> String {
    let value = version.value.as_str();
    let fact_evidence = || {
        facts
            .facts
            .iter()
            .filter(|fact| fact.value == value)
            .flat_map(|fact| &fact.evidence)
            .find(|e| e.article == article)
    };
    version
        .evidence
        .iter()
        .find(|evidence| evidence.article == article)
        .or_else(fact_evidence)
        .map_or_else(|| sentence_with(story, article, value), |evidence| evidence.sentence.clone())
}

fn story_name(story: &[Article]) -> String {
    story.first().map(|a| a.id.to_string()).unwrap_or_default()
}

/// A sentence of `article` that mentions `value`: its number, its weekday,
/// or else its last word.
fn sentence_with(story: &[Article], article: &str, value: &str) -> String {
    let Some(article) = story.iter().find(|a| a.id.as_str() == article) else { return String::new() };
    let words: Vec<&str> = value.split([' ', '(', ')', ':']).collect();
    let number = words
        .iter()
        .map(|w| w.trim_start_matches(['$', '£', '€']).trim_end_matches('%'))
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()) && !(w.len() == 4 && w.starts_with(['1', '2'])));
    let needle = number
        .or(words.first().copied().filter(|w| w.ends_with("day")))
        .unwrap_or_else(|| words.iter().rfind(|w| w.len() > 2).copied().unwrap_or(value));
    dossier_text::sentences(&article.text)
        .into_iter()
        .find(|s| plant::words(s).any(|(_, word)| word == needle))
        .unwrap_or("")
        .to_owned()
}

/// The first sentence of `article` that the plant changed.
fn changed_sentence(story: &[Article], changed: &[Article], article: &str) -> String {
    let text = |articles: &[Article]| {
        articles.iter().find(|a| a.id.as_str() == article).map(|a| a.text.clone()).unwrap_or_default()
    };
    let (before, after) = (text(story), text(changed));
    let original: std::collections::HashSet<&str> = dossier_text::sentences(&before).into_iter().collect();
    dossier_text::sentences(&after).into_iter().find(|s| !original.contains(s)).unwrap_or("").to_owned()
}

/// Sentences of outlets other than `article`'s that hold `word` as a
/// whole word, up to three.
fn stated_elsewhere(story: &[Article], article: &str, word: &str) -> Vec<String> {
    let Some(changed) = story.iter().find(|a| a.id.as_str() == article) else { return Vec::new() };
    story
        .iter()
        .filter(|a| outlet(a) != outlet(changed))
        .flat_map(|a| dossier_text::sentences(&a.text))
        .filter(|s| plant::words(s).any(|(_, w)| w == word))
        .take(3)
        .map(str::to_owned)
        .collect()
}

/// Runs the evaluation over `stories` (each a list of articles of one
/// event).
pub fn evaluate(stories: &[Vec<Article>], options: &Options) -> Report {
    let mut scores: Vec<KindScore> =
        KINDS.iter().map(|kind| KindScore { kind, planted: 0, found: 0, recall: 0.0, missed: Vec::new() }).collect();
    // The stories evaluated, each with its index in `stories`: a story run
    // alone is planted as in a whole run.
    let selected: Vec<(usize, &Vec<Article>)> = stories
        .iter()
        .enumerate()
        .filter(|(_, story)| options.story.as_ref().is_none_or(|id| *id == story_name(story)))
        .collect();
    let mut untouched = Untouched {
        stories: selected.len(),
        conflicts: 0,
        stories_with_conflicts: 0,
        by_kind: Vec::new(),
        sample: Vec::new(),
    };
    let mut by_kind: std::collections::BTreeMap<String, usize> = Default::default();
    for (index, story) in selected {
        let facts = check(story);
        let conflicts = &facts.conflicts;
        untouched.conflicts += conflicts.len();
        untouched.stories_with_conflicts += usize::from(!conflicts.is_empty());
        for conflict in conflicts {
            *by_kind.entry(conflict.kind.as_str().to_owned()).or_default() += 1;
            if untouched.sample.len() < options.sample {
                let versions = conflict
                    .values
                    .iter()
                    .map(|v| {
                        let sentence = v.sources.first().map(|a| evidence_for(story, &facts, v, a)).unwrap_or_default();
                        (v.value.clone(), v.sources.clone(), sentence)
                    })
                    .collect();
                untouched.sample.push(ConflictSample {
                    story: story_name(story),
                    kind: conflict.kind.as_str(),
                    subject: conflict.subject.clone(),
                    versions,
                });
            }
        }
        let before: Vec<(String, String)> =
            conflicts.iter().map(|c| (c.kind.as_str().to_owned(), format!("{:?}", c.values))).collect();
        for (kind, score) in scores.iter_mut().enumerate() {
            let mut rng = Rng::for_stream(options.seed, index, kind);
            for _ in 0..options.trials {
                let Some((changed, plant)) = plant::plant(story, score.kind, &mut rng) else { continue };
                score.planted += 1;
                let checked = check(&changed);
                let found = checked.conflicts.iter().any(|c| {
                    c.kind.as_str() == plant.kind
                        && c.values
                            .iter()
                            .any(|v| v.value.contains(&plant.needle) && v.sources.contains(&plant.article))
                        && !before.contains(&(c.kind.as_str().to_owned(), format!("{:?}", c.values)))
                });
                if found {
                    score.found += 1;
                } else {
                    let sentence = changed_sentence(story, &changed, &plant.article);
                    let elsewhere = stated_elsewhere(story, &plant.article, &plant.original);
                    let read_as = checked
                        .facts
                        .iter()
                        .filter(|f| f.value.contains(&plant.needle) && f.sources.contains(&plant.article))
                        .map(|f| format!("{}: {}", f.value, f.status.as_str()))
                        .collect();
                    let reported = checked
                        .conflicts
                        .iter()
                        .filter(|c| c.kind.as_str() == plant.kind)
                        .map(|c| {
                            let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
                            format!("{}: {}", c.subject, values.join(" | "))
                        })
                        .collect();
                    score.missed.push(PlantView {
                        story: story_name(story),
                        article: plant.article,
                        original: plant.original,
                        planted: plant.planted,
                        sentence,
                        elsewhere,
                        read_as,
                        reported,
                    });
                }
            }
        }
    }
    untouched.by_kind = by_kind.into_iter().collect();
    for score in scores.iter_mut() {
        score.recall = if score.planted == 0 { 0.0 } else { score.found as f64 / score.planted as f64 };
    }
    let overall_planted = scores.iter().map(|s| s.planted).sum();
    let overall_found = scores.iter().map(|s| s.found).sum();
    Report {
        seed: options.seed,
        stories: stories.len(),
        overall_recall: if overall_planted == 0 { 0.0 } else { overall_found as f64 / overall_planted as f64 },
        overall_planted,
        overall_found,
        planted: scores,
        untouched,
    }
}

/// An English article of `outlet` with nothing but its text, for tests.
#[cfg(test)]
pub(crate) fn article(id: &str, outlet: &str, text: &str) -> Article {
    use dossier_domain::{ArticleId, Metadata, Origin};
    Article {
        id: ArticleId(id.into()),
        url: None,
        source: Some(outlet.into()),
        title: None,
        text: text.into(),
        published: None,
        language: Some("eng".into()),
        metadata: Metadata::new(),
        origin: Origin::stdin(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sampled_conflict_shows_the_sentence_the_check_read_it_in() {
        // 5 March 2024 was a Tuesday: the second outlet's weekday is wrong.
        // Its first sentence with a 5 in it is another one.
        let story = vec![
            article("a", "a.example", "The Vellmar ferry sank on Tuesday, March 5, 2024, off the Westshire coast."),
            article(
                "b",
                "b.example",
                "Divers found 5 cars in the hold. The Vellmar ferry sank on Thursday, March 5, 2024, off the coast.",
            ),
        ];
        let report = evaluate(&[story], &Options { seed: 1, trials: 0, sample: 5, story: None });
        let sample = report.untouched.sample.iter().find(|c| c.kind == "date").expect("a date conflict");
        let (_, sources, sentence) =
            sample.versions.iter().find(|(value, _, _)| value.starts_with("Thursday")).expect("the miswritten day");
        assert_eq!(sources, &["b".to_owned()]);
        assert_eq!(sentence, "The Vellmar ferry sank on Thursday, March 5, 2024, off the coast.");
    }
}
