//! The sentence each source of a conflict's version states it in, so that
//! a reader can weigh "12 injured" against "15 injured" from the outlets'
//! own words.
//!
//! A stage that knows the sentence it read each value in gives it with the
//! version (`Version::said`: quantities, and values compared in sentences
//! told alike). For the other sources this stage, run after them, goes back
//! to each source's extracted facts for the mention that gives the
//! version's value (a date on that day, a name spelt so, a quote given to
//! that speaker or one of that surname), or, as
//! a last resort, the sentences that hold the value's text as whole words,
//! in any case ([`dossier_text::holds_word`]).
//! When an article gives the value in several sentences, the one sharing
//! the most terms with the conflict's subject is taken, then the longer (a
//! report's sentence says more than its headline), then the earliest.

use crate::dates::day_text;
use crate::similar::terms;
use crate::{Conflict, ConflictKind, Evidence, Source, Story};
use std::collections::{HashMap, HashSet};

/// Sentences this long or longer are as good as one another.
const FULL_SENTENCE: usize = 120;

/// Fills in the evidence of every version of `conflicts`.
pub(crate) fn attach(story: &Story<'_>, conflicts: &mut [Conflict]) {
    let by_id: HashMap<&str, &Source> = story.sources.iter().map(|s| (s.article.as_str(), *s)).collect();
    for conflict in conflicts {
        let wanted: HashSet<String> = terms(&conflict.subject)
            .into_iter()
            .chain(conflict.subject.split_whitespace().map(str::to_lowercase))
            .collect();
        for version in &mut conflict.values {
            let known: HashMap<String, Evidence> =
                std::mem::take(&mut version.evidence).into_iter().map(|e| (e.article.clone(), e)).collect();
            version.evidence = version
                .sources
                .iter()
                .filter_map(|id| by_id.get(id.as_str()))
                .filter_map(|source| {
                    if let Some(said) = known.get(&source.article) {
                        return Some(said.clone());
                    }
                    let candidates = stating(source, conflict.kind, &version.value);
                    let best = candidates.into_iter().max_by_key(|&n| {
                        let sentence = &source.facts.sentences[n];
                        let shared = terms(sentence).intersection(&wanted).count();
                        (shared, sentence.chars().count().min(FULL_SENTENCE), std::cmp::Reverse(n))
                    })?;
                    Some(Evidence { article: source.article.clone(), sentence: source.facts.sentences[best].clone() })
                })
                .collect();
        }
    }
}

/// The sentences of `source` that give `value`, a version of a conflict of
/// `kind`.
fn stating(source: &Source, kind: ConflictKind, value: &str) -> Vec<usize> {
    let facts = &source.facts;
    let mut found: Vec<usize> = match kind {
        // Quantity versions come with their sentences (`Version::said`).
        ConflictKind::Quantity => Vec::new(),
        ConflictKind::Date => facts.dates.iter().filter(|d| day_text(d.day) == value).map(|d| d.sentence).collect(),
        ConflictKind::Name => facts
            .entities
            .iter()
            .filter(|e| e.name == value || e.written.as_deref() == Some(value))
            .map(|e| e.sentence)
            .collect(),
        ConflictKind::Attribution => {
            // The speaker as named, or by the surname ("Dorsey" for "Ian
            // Dorsey").
            let surname = |name: &str| name.rsplit(' ').next().unwrap_or_default().to_owned();
            facts
                .quotes
                .iter()
                .filter(|q| q.speaker.as_deref().is_some_and(|s| s == value || surname(s) == surname(value)))
                .map(|q| q.sentence)
                .collect()
        }
    };
    if found.is_empty() {
        // A value as written: the weekday of one given with its date
        // ("Saturday, 31 December 2017"), a spelling inside a longer name,
        // a speaker named otherwise in the attribution.
        let written = match kind {
            ConflictKind::Date => value.split(',').next().unwrap_or(value),
            _ => value,
        };
        found =
            (0..facts.sentences.len()).filter(|&n| dossier_text::holds_word(&facts.sentences[n], written)).collect();
    }
    found.retain(|&n| n < facts.sentences.len());
    found
}
