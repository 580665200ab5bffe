//! Syndicated copies: of a copy (a source with `duplicate_of` set) only
//! what it changed is read. A faithful copy is left out, so it corroborates
//! nothing its original states; a rewrite that changed a figure, a day, a
//! name or a speaker stands against its original under its own outlet.

use crate::Source;
use dossier_extract::{DateMention, Entity, Facts, Quantity};
use std::collections::{HashMap, HashSet};

/// For each source, in order, the part of it that is read when it is a
/// copy ([`changed_part`]); `None` for originals, for copies that change
/// nothing and for copies whose original is not in the story. What an original states is worked out once, however many
/// copies it has.
pub(crate) fn changed_parts(sources: &[Source]) -> Vec<Option<Source>> {
    let by_id: HashMap<&str, &Source> = sources.iter().map(|s| (s.article.as_str(), s)).collect();
    let mut stated: HashMap<&str, HashSet<String>> = HashMap::new();
    sources
        .iter()
        .map(|copy| {
            let original = by_id.get(copy.duplicate_of.as_deref()?)?;
            let stated = stated.entry(original.article.as_str()).or_insert_with(|| states(&original.facts));
            changed_part(copy, original, stated)
        })
        .collect()
}

/// What a copy says that its original does not: the facts of the sentences
/// the original does not write word for word that the original does not
/// state (another figure, day, name or speaker), the other sentences
/// blanked, so that nothing copied is aligned, dated or counted again.
/// `None` when there are none: a faithful copy, or one with a headline of
/// its own, is left out. A
/// rewrite that changed a figure thus stands against its original, under
/// its own outlet, while what it copied corroborates nothing; and a copy
/// published a day later, whose copied "yesterday" names another day,
/// dates nothing.
fn changed_part(copy: &Source, original: &Source, stated: &HashSet<String>) -> Option<Source> {
    let theirs: HashSet<&str> = original.facts.sentences.iter().map(String::as_str).collect();
    let copied: Vec<bool> = copy.facts.sentences.iter().map(|s| theirs.contains(s.as_str())).collect();
    let own = |sentence: usize| !copied.get(sentence).copied().unwrap_or(true);
    let new = |key: String| !stated.contains(&key);
    // A subject the copy also gives, in a sentence it copied, the value the
    // original gives: the copy writes both values, which tells of two
    // things ("Quake kills 300" above the wire's "killed 298 people").
    let copied_subjects: HashSet<String> = copy
        .facts
        .quantities
        .iter()
        .filter(|q| !own(q.sentence) && !q.subject_key.is_empty())
        .map(|q| format!("{} {}", q.unit.as_str(), q.subject_key))
        .collect();
    let both = |q: &Quantity| copied_subjects.contains(&format!("{} {}", q.unit.as_str(), q.subject_key));
    let mut facts = copy.facts.clone();
    facts.entities.retain(|e| own(e.sentence) && new(entity_key(e)));
    facts.quantities.retain(|q| own(q.sentence) && new(quantity_key(q)) && !both(q));
    facts.dates.retain(|d| own(d.sentence) && new(day_key(d)));
    facts.quotes.retain(|q| own(q.sentence) && q.speaker.as_ref().is_some_and(|s| new(speaker_key(s))));
    if facts.entities.is_empty() && facts.quantities.is_empty() && facts.dates.is_empty() && facts.quotes.is_empty() {
        return None;
    }
    // Only the sentences that still state something are read (aligned,
    // dated, told in the timeline); the rest are blanked.
    let kept: HashSet<usize> = (facts.entities.iter().map(|e| e.sentence))
        .chain(facts.quantities.iter().map(|q| q.sentence))
        .chain(facts.dates.iter().map(|d| d.sentence))
        .chain(facts.quotes.iter().map(|q| q.sentence))
        .collect();
    facts.events.retain(|e| kept.contains(&e.sentence));
    // The days are the original's to give (a copy's "yesterday" may be
    // another day).
    facts.events.iter_mut().for_each(|event| event.day = None);
    facts.event_date = None;
    for (sentence, text) in facts.sentences.iter_mut().enumerate() {
        if !kept.contains(&sentence) {
            text.clear();
        }
    }
    Some(Source {
        article: copy.article.clone(),
        outlet: copy.outlet.clone(),
        published: copy.published,
        duplicate_of: copy.duplicate_of.clone(),
        facts,
    })
}

/// The facts an article states, as keys a copy's are looked up by.
fn states(facts: &Facts) -> HashSet<String> {
    let entities = facts.entities.iter().map(entity_key);
    let quantities = facts.quantities.iter().map(quantity_key);
    // A day by the day it names and, when told relative to publication
    // ("yesterday"), by its words too: a copy published later that keeps
    // them names another day with the same words.
    let days =
        facts.dates.iter().flat_map(|d| [Some(format!("d {}", d.day)), d.relative.then(|| day_key(d))]).flatten();
    let speakers = facts.quotes.iter().filter_map(|q| q.speaker.as_deref()).map(speaker_key);
    entities.chain(quantities).chain(days).chain(speakers).collect()
}

/// A name as the article settled on it ("Okonjo" is the Daniel Okonjo it
/// names in full; a misspelling is its own).
fn entity_key(entity: &Entity) -> String {
    format!("e {}", entity.name)
}

/// A quantity by what it measures and its value: "15 injured" is not the
/// "15 fire crews" beside it.
fn quantity_key(quantity: &Quantity) -> String {
    format!("q {} {} {}", quantity.unit.as_str(), quantity.subject_key, quantity.value)
}

/// A copy's day: by its words when told relative to publication.
fn day_key(date: &DateMention) -> String {
    if date.relative {
        format!("dt {}", date.text.to_lowercase())
    } else {
        format!("d {}", date.day)
    }
}

fn speaker_key(speaker: &str) -> String {
    format!("s {speaker}")
}
