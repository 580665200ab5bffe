//! People, organisations and places across sources: one entity per thing
//! named, whatever the spelling.
//!
//! Mentions are grouped by their name key (case, accents, hyphens and
//! spacing aside). A lone surname joins the one full name it ends; a name
//! that ends another ("Saltmarsh Star", "MV Saltmarsh Star") joins it.
//! Two multi-word names that differ in one word by one edit ("Simon
//! Biles", "Simone Biles") are one entity spelled two ways: a name
//! conflict, never two people. Names seen only in long lists never make a
//! conflict.

use crate::similar::{edit_distance, name_key, name_words, UnionFind};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use dossier_extract::{Entity, EntityKind};
use std::collections::{BTreeSet, HashMap};

/// The shortest word in which a one-letter difference is a misspelling
/// rather than another name.
const MIN_VARIANT_CHARS: usize = 4;

/// A story's entities, to resolve speakers against.
pub(crate) struct Names {
    by_key: HashMap<String, usize>,
    by_last_word: HashMap<String, Option<usize>>,
    surnames: HashMap<usize, String>,
}

impl Names {
    /// The last word of an entity's name.
    pub(crate) fn surname(&self, id: usize) -> Option<String> {
        self.surnames.get(&id).cloned()
    }

    /// The entity a name stands for, by key or by surname.
    pub(crate) fn resolve(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        if let Some(&id) = self.by_key.get(&key) {
            return Some(id);
        }
        let words = name_words(name);
        self.by_last_word.get(words.last()?).copied().flatten()
    }
}

struct Group {
    key: String,
    words: Vec<String>,
    mentions: Vec<(usize, usize)>,
    spellings: HashMap<String, BTreeSet<usize>>,
    kinds: HashMap<EntityKind, usize>,
    listed_only: bool,
}

pub(crate) fn reconcile(story: &Story<'_>, out: &mut StoryFacts) -> Names {
    // Group mentions by key.
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (article, source) in story.sources.iter().enumerate() {
        for entity in &source.facts.entities {
            let key = name_key(&entity.name);
            if key.is_empty() {
                continue;
            }
            let id = *index.entry(key.clone()).or_insert_with(|| {
                groups.push(Group {
                    key,
                    words: name_words(&entity.name),
                    mentions: Vec::new(),
                    spellings: HashMap::new(),
                    kinds: HashMap::new(),
                    listed_only: true,
                });
                groups.len() - 1
            });
            add(&mut groups[id], article, entity);
        }
    }
    let mut sets = UnionFind::new(groups.len());
    // A lone word joins the one multi-word name it ends (or, for a person,
    // begins); a multi-word name joins the one longer name it ends.
    let mut by_last: HashMap<String, Option<usize>> = HashMap::new();
    let mut by_suffix: HashMap<Vec<String>, Option<usize>> = HashMap::new();
    for (id, group) in groups.iter().enumerate().filter(|(_, g)| g.words.len() > 1) {
        let mut parts = vec![group.words[group.words.len() - 1].clone()];
        if majority(group) == EntityKind::Person {
            parts.push(group.words[0].clone());
        }
        for part in parts {
            by_last.entry(part).and_modify(|g| *g = g.filter(|g| *g == id)).or_insert(Some(id));
        }
        for start in 1..group.words.len() - 1 {
            by_suffix.entry(group.words[start..].to_vec()).and_modify(|g| *g = None).or_insert(Some(id));
        }
    }
    for (id, group) in groups.iter().enumerate() {
        let target = if group.words.len() == 1 {
            by_last.get(&group.words[0]).copied().flatten()
        } else {
            by_suffix.get(&group.words).copied().flatten()
        };
        if let Some(target) = target {
            sets.union(id, target);
        }
    }
    // Spelling variants: names equal but for one word, bucketed by the
    // words they share.
    let mut buckets: HashMap<(usize, Vec<&str>), Vec<usize>> = HashMap::new();
    for (id, group) in groups.iter().enumerate().filter(|(_, g)| g.words.len() > 1 && !g.listed_only) {
        for skip in 0..group.words.len() {
            let rest: Vec<&str> =
                group.words.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, w)| w.as_str()).collect();
            buckets.entry((skip, rest)).or_default().push(id);
        }
    }
    let mut variants: Vec<(usize, usize)> = Vec::new();
    for ((skip, _), members) in &buckets {
        for (n, &a) in members.iter().enumerate() {
            for &b in &members[n + 1..] {
                let (x, y) = (&groups[a].words[*skip], &groups[b].words[*skip]);
                let long_enough = x.chars().count() >= MIN_VARIANT_CHARS && y.chars().count() >= MIN_VARIANT_CHARS;
                let words = !x.chars().any(|c| c.is_ascii_digit()) && !y.chars().any(|c| c.is_ascii_digit());
                let plural = x.strip_suffix('s') == Some(y.as_str()) || y.strip_suffix('s') == Some(x.as_str());
                let person = |g: &Group| g.kinds.contains_key(&EntityKind::Person);
                let people = person(&groups[a]) || person(&groups[b]);
                // Each spelling has an article that uses it and not the other.
                let only = |p: &Group, q: &Group| {
                    p.spellings.values().flatten().any(|article| !q.spellings.values().flatten().any(|o| o == article))
                };
                let exclusive = only(&groups[a], &groups[b]) && only(&groups[b], &groups[a]);
                let transliterated = crate::similar::transliteration(x) == crate::similar::transliteration(y);
                if long_enough
                    && words
                    && !plural
                    && !transliterated
                    && people
                    && exclusive
                    && edit_distance(x, y, 1) <= 1
                {
                    variants.push((a, b));
                }
            }
        }
    }
    for &(a, b) in &variants {
        sets.union(a, b);
    }
    // One fact per entity.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for id in 0..groups.len() {
        members.entry(sets.find(id)).or_default().push(id);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable();
    let mut entity_of_key = HashMap::new();
    let mut by_last_word: HashMap<String, Option<usize>> = HashMap::new();
    let mut surnames = HashMap::new();
    let in_conflict: BTreeSet<usize> = variants.iter().map(|&(a, _)| sets.find(a)).collect();
    for root in roots {
        let ids = &members[&root];
        let mut mentions: Vec<(usize, usize)> = ids.iter().flat_map(|&id| groups[id].mentions.clone()).collect();
        mentions.sort_unstable();
        // Spellings of full names (lone words are how they are referred to,
        // not how they are spelled).
        let mut spellings: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        for &id in ids.iter().filter(|&&id| groups[id].words.len() > 1 || ids.len() == 1) {
            for (spelling, articles) in &groups[id].spellings {
                spellings.entry(spelling.as_str()).or_default().extend(articles.iter().copied());
            }
        }
        if spellings.is_empty() {
            for &id in ids {
                for (spelling, articles) in &groups[id].spellings {
                    spellings.entry(spelling.as_str()).or_default().extend(articles.iter().copied());
                }
            }
        }
        let mut ranked: Vec<(&str, &BTreeSet<usize>)> = spellings.iter().map(|(s, a)| (*s, a)).collect();
        ranked.sort_by(|a, b| {
            story.outlets(b.1).cmp(&story.outlets(a.1)).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(b.0))
        });
        let Some(&(value, _)) = ranked.first() else { continue };
        let mut kinds: HashMap<EntityKind, usize> = HashMap::new();
        for &id in ids {
            for (kind, count) in &groups[id].kinds {
                *kinds.entry(*kind).or_default() += count;
            }
        }
        let kind = kinds.iter().max_by_key(|(kind, count)| (**count, std::cmp::Reverse(**kind))).map(|(k, _)| *k);
        let entity = out.facts.len();
        for &id in ids {
            entity_of_key.insert(groups[id].key.clone(), entity);
        }
        if let Some(last) = name_words(value).last() {
            surnames.insert(entity, last.clone());
            by_last_word.entry(last.clone()).and_modify(|e| *e = e.filter(|e| *e == entity)).or_insert(Some(entity));
        }
        let mut fact = story.fact(kind.unwrap_or(EntityKind::Other).as_str(), value.to_owned(), &mentions);
        let conflicting = in_conflict.contains(&root) && ranked.len() > 1;
        if conflicting {
            let versions: Vec<Version> = ranked
                .iter()
                .map(|(spelling, articles)| Version { value: spelling.to_string(), sources: story.ids(articles) })
                .collect();
            let outlets: BTreeSet<&str> = mentions.iter().map(|(a, _)| story.sources[*a].outlet.as_str()).collect();
            if outlets.len() >= 2 {
                fact.status = Status::Conflict;
                out.conflicts.push(Conflict { kind: ConflictKind::Name, subject: value.to_owned(), values: versions });
            }
        }
        out.facts.push(fact);
    }
    Names { by_key: entity_of_key, by_last_word, surnames }
}

fn add(group: &mut Group, article: usize, entity: &Entity) {
    group.mentions.push((article, entity.sentence));
    group.spellings.entry(entity.name.clone()).or_default().insert(article);
    *group.kinds.entry(entity.kind).or_default() += 1;
    group.listed_only &= entity.listed;
}

fn majority(group: &Group) -> EntityKind {
    group
        .kinds
        .iter()
        .max_by_key(|(kind, count)| (**count, std::cmp::Reverse(**kind)))
        .map_or(EntityKind::Other, |(k, _)| *k)
}
