//! People, organisations and places across sources: one entity per thing
//! named, whatever the spelling.
//!
//! Mentions are grouped by their name key (case, accents, hyphens and
//! spacing aside). A lone surname joins the one full name it ends; a name
//! that ends another ("Saltmarsh Star", "MV Saltmarsh Star") joins it.
//! Two multi-word names that differ in one word by one edit ("Simon
//! Biles", "Simone Biles") are one entity spelled two ways: a name
//! conflict, never two people. Names seen only in long lists never make a
//! conflict. Beyond people, one word of any name written two ways by
//! different outlets next to the same name ("East Croydon", "East Crodon"),
//! or, for a word of five letters or more that both outlets write alone,
//! in sentences sharing three terms ("overturned in Crodyon" /
//! "overturned in Croydon"), is a name conflict too (`spelling_variants`).
//! Transliterations (accents, a German umlaut's "e" (not after a
//! diphthong's "u": "Dauer", "Daur" are two spellings), y/i, a consonant
//! doubled in an Arabic name, "Mohammed"/"Mohamed") and inflections
//! ("Korea", "Korean") are one spelling.

use crate::aligned::Sentences;
use crate::similar::{edit_distance, name_key, name_words, transliteration, UnionFind};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use dossier_extract::{Entity, EntityKind, Token};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The shortest word in which a one-letter difference is a misspelling
/// rather than another name.
const MIN_VARIANT_CHARS: usize = 4;

/// Roles that say who someone is to another person: "his son" in one
/// article and "their son" in another may be two people.
const RELATIVE_ROLES: &[&str] = &[
    "boyfriend",
    "brother",
    "colleague",
    "cousin",
    "daughter",
    "father",
    "girlfriend",
    "husband",
    "mother",
    "nephew",
    "niece",
    "partner",
    "sister",
    "son",
    "teammate",
    "wife",
];

/// A story's entities, to resolve speakers and the people of ages against.
pub(crate) struct Names {
    by_key: HashMap<String, usize>,
    by_last_word: HashMap<String, Option<usize>>,
    surnames: HashMap<usize, String>,
    /// The full name of each entity that is a person.
    people: HashMap<usize, String>,
    /// The people each role introduces across the story ("comedian Sarah
    /// Silverman").
    by_role: HashMap<String, BTreeSet<usize>>,
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

    /// The full name of entity `id` when it is a person.
    pub(crate) fn person(&self, id: usize) -> Option<&str> {
        self.people.get(&id).map(String::as_str)
    }

    /// Whom "the {role}" in an article that names `named` (people) stands
    /// for: the one person of the story introduced with that role
    /// ("comedian Sarah Silverman") among those the article names, or, when
    /// the article names no one at all, in the whole story. An article that
    /// names other people may be telling of another victim or driver.
    pub(crate) fn with_role(&self, role: &str, named: &BTreeSet<usize>) -> Option<usize> {
        let people = self.by_role.get(dossier_extract::gazetteer::role_key(role))?;
        let candidates: Vec<usize> = if named.is_empty() {
            people.iter().copied().collect()
        } else {
            people.intersection(named).copied().collect()
        };
        match candidates[..] {
            [one] => Some(one),
            _ => None,
        }
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
    // A lone word joins the one multi-word name it ends; a multi-word name
    // joins the one longer name it ends. A lone given name joins nothing
    // across articles: an outlet that writes "Matthew" and never "Matthew
    // Steinberg" may mean another Matthew (a son, a witness), and an
    // article that writes both was linked when it was read.
    let mut by_last: HashMap<String, Option<usize>> = HashMap::new();
    let mut by_suffix: HashMap<Vec<String>, Option<usize>> = HashMap::new();
    for (id, group) in groups.iter().enumerate().filter(|(_, g)| g.words.len() > 1) {
        let last = group.words[group.words.len() - 1].clone();
        by_last.entry(last).and_modify(|g| *g = g.filter(|g| *g == id)).or_insert(Some(id));
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
                let plural = inflected(x, y);
                let person = |g: &Group| g.kinds.contains_key(&EntityKind::Person);
                let people = person(&groups[a]) || person(&groups[b]);
                // Each spelling has an article that uses it and not the other.
                let only = |p: &Group, q: &Group| {
                    p.spellings.values().flatten().any(|article| !q.spellings.values().flatten().any(|o| o == article))
                };
                let exclusive = only(&groups[a], &groups[b]) && only(&groups[b], &groups[a]);
                let transliterated = transliteration(x) == transliteration(y);
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
    let mut people = HashMap::new();
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
        if kind == Some(EntityKind::Person) {
            people.insert(entity, value.to_owned());
        }
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
                .map(|(spelling, articles)| Version::new(spelling.to_string(), story.ids(articles)))
                .collect();
            let outlets: BTreeSet<&str> = mentions.iter().map(|(a, _)| story.sources[*a].outlet.as_str()).collect();
            if outlets.len() >= 2 {
                fact.status = Status::Conflict;
                out.conflicts.push(Conflict { kind: ConflictKind::Name, subject: value.to_owned(), values: versions });
            }
        }
        out.facts.push(fact);
    }
    let mut by_role: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for entity in story.sources.iter().flat_map(|s| &s.facts.entities).filter(|e| e.kind == EntityKind::Person) {
        let (Some(role), Some(&id)) = (entity.role_noun(), entity_of_key.get(&name_key(&entity.name))) else {
            continue;
        };
        if RELATIVE_ROLES.contains(&role.as_str()) {
            continue;
        }
        by_role.entry(role).or_default().insert(id);
    }
    Names { by_key: entity_of_key, by_last_word, surnames, people, by_role }
}

fn add(group: &mut Group, article: usize, entity: &Entity) {
    group.mentions.push((article, entity.sentence));
    group.spellings.entry(entity.name.clone()).or_default().insert(article);
    *group.kinds.entry(entity.kind).or_default() += 1;
    group.listed_only &= entity.listed;
}

/// The shortest word compared letter by letter across outlets.
const MIN_WORD_CHARS: usize = 4;

/// The shortest word compared without a name beside it.
const MIN_ALONE_CHARS: usize = 5;
/// Terms two sentences share, the word itself aside, to be about the same
/// thing.
const ALIKE_SHARED: usize = 3;

/// Sentences of each spelling compared, at most: the cost stays flat when
/// a name fills a large story.
const ALIKE_SAMPLE: usize = 32;

/// Whether a sentence of `a`'s and one of `b`'s, of different outlets,
/// share [`ALIKE_SHARED`] terms. The two spellings are never among them:
/// they stem apart, and no article writes both.
fn said_alike(story: &Story<'_>, sentences: &Sentences<'_>, a: &[usize], b: &[usize]) -> bool {
    a.iter().take(ALIKE_SAMPLE).any(|&i| {
        b.iter().take(ALIKE_SAMPLE).any(|&j| {
            let (x, y) = (&sentences.sentences[i], &sentences.sentences[j]);
            story.sources[x.article].outlet != story.sources[y.article].outlet
                && x.terms.intersection(&y.terms).count() >= ALIKE_SHARED
        })
    })
}

/// Endings that inflect a name rather than misspell it ("Korea",
/// "Korean", "Koreas"; "Süddeutsche", "Süddeutschen").
const INFLECTIONS: &[&str] = &["s", "n", "es", "en"];

/// One word of a name (a person's, a place's, an organisation's) written
/// two ways by different outlets: "Croydon" and "Crodon", "Amazon" and
/// "Amzaon". Every capitalised word of a story is compared with the others
/// one edit away, found through an index of each word with one letter
/// deleted (no pairs of words compared beyond that). A pair is a conflict
/// when both spellings stand next to the same name somewhere ("Rajai
/// Davis", "Rajao Davis": one thing named, not "Heigo Sato" and "Issei
/// Kato"), no article writes both, the outlets differ, and the two are not
/// transliterations ("Mohamed", "Mohammed"; "Suddeutsche", "Sueddeutsche")
/// or inflections ("Korea", "Korean") of one another. A common word
/// (written in lower case somewhere in the story, "north") is compared
/// only with one that is not, next to the same name ("Nornh Vellmar" /
/// "North Vellmar"): two common words are two words ("East Bank", "West
/// Bank"). The articles of each spelling are then those that write it next
/// to that name, not every article with a capitalised "North".
pub(crate) fn spelling_variants(story: &Story<'_>, sentences: &Sentences<'_>, out: &mut StoryFacts) {
    let mut lowercase: HashSet<String> = HashSet::new();
    let mut spellings: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for sentence in &sentences.sentences {
        for token in &sentence.tokens {
            if token.is_word() && !token.is_capitalized() {
                lowercase.insert(token.text.to_lowercase());
            }
        }
    }
    // Capitalised words next to each spelling: (-1 before, 1 after, word),
    // with the articles that write them so.
    let mut neighbours: HashMap<&str, HashMap<(i8, &str), BTreeSet<usize>>> = HashMap::new();
    // The sentences that write each spelling, and the spellings written at
    // least once as a name on their own ("Croydon", not "East Croydon").
    let mut places: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut alone: HashSet<&str> = HashSet::new();
    for (id, sentence) in sentences.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for (at, token) in tokens.iter().enumerate().filter(|(_, t)| t.is_capitalized() && !t.is_all_caps()) {
            let word = token.without_possessive();
            let letters = word.chars().count();
            let lower = word.to_lowercase();
            if letters < MIN_WORD_CHARS
                || !word.chars().all(char::is_alphabetic)
                || crate::english().is_stop_word(&lower)
            {
                continue;
            }
            spellings.entry(word.to_owned()).or_default().insert(sentence.article);
            places.entry(word).or_default().push(id);
            let name = |t: &Token<'_>| {
                t.is_capitalized()
                    && t.text.chars().count() > 1
                    && !crate::english().is_stop_word(&t.text.to_lowercase())
            };
            let entry = neighbours.entry(word).or_default();
            let before = at.checked_sub(1).map(|k| &tokens[k]).filter(|t| name(t));
            let after = tokens.get(at + 1).filter(|t| name(t) && !token.is_possessive());
            if let Some(before) = before {
                entry.entry((-1, before.without_possessive())).or_default().insert(sentence.article);
            }
            if let Some(after) = after {
                entry.entry((1, after.without_possessive())).or_default().insert(sentence.article);
            }
            if before.is_none() && after.is_none() {
                alone.insert(word);
            }
        }
    }
    // Each word and its one-letter deletions, lower case.
    let mut index: HashMap<String, Vec<&str>> = HashMap::new();
    for word in spellings.keys() {
        let lower: Vec<char> = word.to_lowercase().chars().collect();
        let mut keys: BTreeSet<String> = [lower.iter().collect()].into();
        for skip in 0..lower.len() {
            keys.insert(lower.iter().enumerate().filter(|(n, _)| *n != skip).map(|(_, c)| c).collect());
        }
        for key in keys {
            index.entry(key).or_default().push(word.as_str());
        }
    }
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    for words in index.values().filter(|w| w.len() > 1 && w.len() <= 16) {
        for (n, &a) in words.iter().enumerate() {
            for &b in &words[n + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    for (a, b) in pairs {
        let (x, y) = (&spellings[a], &spellings[b]);
        let (lower_a, lower_b) = (a.to_lowercase(), b.to_lowercase());
        // A common word ("North", written "north" somewhere) is compared
        // only with a word that is none, next to the same name ("Nornh
        // Vellmar" / "North Vellmar"): two common words are two words.
        let common = [&lower_a, &lower_b].iter().filter(|w| lowercase.contains(w.as_str())).count();
        // A nationality is not its country misspelt ("German", "Germany").
        let demonym = {
            use dossier_extract::gazetteer::{is_demonym, is_place_name};
            // "German", or people by it, "Germans".
            let nationality = |w: &str| is_demonym(w.strip_suffix('s').unwrap_or(w)) || is_demonym(w);
            nationality(&lower_a) && is_place_name(&lower_b) || nationality(&lower_b) && is_place_name(&lower_a)
        };
        // The tests of the two words first, before their neighbours.
        if common == 2
            || demonym
            || !x.is_disjoint(y)
            || edit_distance(&lower_a, &lower_b, 1) != 1
            || transliteration(a) == transliteration(b)
            || inflected(&lower_a, &lower_b)
        {
            continue;
        }
        let outlets = |articles: &BTreeSet<usize>| -> BTreeSet<&str> {
            articles.iter().map(|&i| story.sources[i].outlet.as_str()).collect()
        };
        // Said of one thing: next to the same name at least once ("Rajai
        // Davis", "Rajao Davis").
        let shared: Vec<&(i8, &str)> = neighbours[a].keys().filter(|k| neighbours[b].contains_key(*k)).collect();
        let together = !shared.is_empty();
        // Next to the same name, the articles that write each spelling
        // there, not every article with a capitalised "North".
        let beside = |word: &str| -> BTreeSet<usize> {
            shared.iter().flat_map(|k| neighbours[word][*k].iter().copied()).collect()
        };
        let (xs, ys) = if together { (beside(a), beside(b)) } else { (x.clone(), y.clone()) };
        let (outlets_x, outlets_y) = (outlets(&xs), outlets(&ys));
        let apart = outlets_x.union(&outlets_y).count() >= 2 && outlets_x != outlets_y;
        // Or, for a longer word that both outlets write as a name on its
        // own, said in sentences about the same thing ("a tram overturned in
        // Crodyon" / "a tram derailed and overturned in Croydon").
        let long = lower_a.chars().count().min(lower_b.chars().count()) >= MIN_ALONE_CHARS;
        let single = alone.contains(a) && alone.contains(b);
        let alike = || long && single && said_alike(story, sentences, &places[a], &places[b]);
        // The sentence comparison last: it is the dearest test.
        if common == 1 && !together || !apart || !(together || alike()) {
            continue;
        }
        let known = out.conflicts.iter().any(|c| {
            c.kind == ConflictKind::Name
                && [a, b].iter().all(|w| c.values.iter().any(|v| v.value.split(' ').any(|part| part == *w)))
        });
        if known {
            continue;
        }
        let (x, y) = (&xs, &ys);
        let names: Vec<&str> = shared.iter().map(|(_, name)| *name).collect();
        let mut versions = vec![
            (a, named(story, a, x, &names), story.ids(x), outlets_x.len()),
            (b, named(story, b, y, &names), story.ids(y), outlets_y.len()),
        ];
        versions.sort_by(|p, q| q.3.cmp(&p.3).then(q.2.len().cmp(&p.2.len())).then(p.1.cmp(&q.1)));
        for fact in
            out.facts.iter_mut().filter(|f| matches!(f.kind.as_str(), "person" | "organisation" | "place" | "name"))
        {
            if fact.value.split(' ').any(|part| part == a || part == b) {
                fact.status = Status::Conflict;
            }
        }
        out.conflicts.push(Conflict {
            kind: ConflictKind::Name,
            subject: versions[0].1.clone(),
            values: versions.into_iter().map(|(_, value, sources, _)| Version::new(value, sources)).collect(),
        });
    }
}

/// Whether one word is the other with an inflection's ending, rather than
/// with its last letter doubled ("Korean", but not "Croydonn").
fn inflected(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|ending| INFLECTIONS.contains(&ending) && !short.ends_with(ending.chars().next().unwrap_or(' ')))
}

/// The name a word belongs to, as the articles that write it name it most
/// often ("Carson Palmerr" for "Palmerr"), among those with a word `beside`
/// it when any is given, else the word.
fn named(story: &Story<'_>, word: &str, articles: &BTreeSet<usize>, beside: &[&str]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &article in articles {
        for entity in &story.sources[article].facts.entities {
            let name = entity.written.as_deref().unwrap_or(&entity.name);
            let next_to = beside.is_empty() || name.split(' ').any(|part| beside.contains(&part));
            if name.contains(' ') && next_to && name.split(' ').any(|part| part == word) {
                *counts.entry(name).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(name, count)| (*count, std::cmp::Reverse(*name)))
        .map_or(word.to_owned(), |(n, _)| n.to_owned())
}
