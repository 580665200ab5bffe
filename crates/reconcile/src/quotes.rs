//! Quotes across sources: the same words carried by several outlets, and
//! the same words put in different mouths.
//!
//! Two quotes are the same when, over the words of the shorter one, at
//! least 70% are shared (and at least four words). Speakers are compared
//! as entities, so "Okonjo" and "Daniel Okonjo" agree.

use crate::names::Names;
use crate::similar::{overlap, UnionFind};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const MIN_SHARE: f32 = 0.7;
const MIN_WORDS: usize = 4;
const MAX_POSTINGS: usize = 64;
const SUBJECT_CHARS: usize = 90;

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= SUBJECT_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SUBJECT_CHARS).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

struct Said<'a> {
    article: usize,
    sentence: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    words: HashSet<String>,
}

pub(crate) fn reconcile(story: &Story<'_>, names: &Names, out: &mut StoryFacts) {
    let mut quotes = Vec::new();
    for (article, source) in story.sources.iter().enumerate() {
        for quote in &source.facts.quotes {
            let words = words(&quote.text);
            if words.len() >= MIN_WORDS {
                quotes.push(Said {
                    article,
                    sentence: quote.sentence,
                    text: &quote.text,
                    speaker: quote.speaker.as_deref(),
                    words,
                });
            }
        }
    }
    let mut sets = UnionFind::new(quotes.len());
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, quote) in quotes.iter().enumerate() {
        for word in &quote.words {
            postings.entry(word.as_str()).or_default().push(n);
        }
    }
    let mut checked = HashSet::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if checked.insert((a.min(b), a.max(b))) {
                    let (shared, share) = overlap(&quotes[a].words, &quotes[b].words);
                    if shared >= MIN_WORDS && share >= MIN_SHARE {
                        sets.union(a, b);
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..quotes.len() {
        groups.entry(sets.find(n)).or_default().push(n);
    }
    for members in groups.values() {
        let first = &quotes[members[0]];
        // Speakers as entities, with the spelling each article used.
        let mut speakers: BTreeMap<String, (String, BTreeSet<usize>)> = BTreeMap::new();
        for &n in members {
            let Some(speaker) = quotes[n].speaker else { continue };
            // Speakers agree by surname ("Dr Guerras", "Eduardo Guerras"),
            // or by entity when the surname differs ("Tom" for "Tom Cruise").
            let words = crate::similar::name_words(speaker);
            if words.len() == 1 && words[0].len() <= 3 && speaker.chars().all(|c| !c.is_lowercase()) {
                continue; // "US", "UN": an institution, not a speaker.
            }
            let key = match names.resolve(speaker) {
                Some(id) => names.surname(id).unwrap_or_else(|| format!("#{id}")),
                None => words.last().cloned().unwrap_or_default(),
            };
            speakers.entry(key).or_insert_with(|| (speaker.to_owned(), BTreeSet::new())).1.insert(quotes[n].article);
        }
        let mentions: Vec<(usize, usize)> = members.iter().map(|&n| (quotes[n].article, quotes[n].sentence)).collect();
        let speaker = speakers.values().max_by_key(|(_, articles)| articles.len()).map(|(name, _)| name.as_str());
        let value = match speaker {
            Some(name) => format!("{name}: “{}”", shorten(first.text)),
            None => format!("“{}”", shorten(first.text)),
        };
        let mut fact = story.fact("quote", value, &mentions);
        let outlets: BTreeSet<&str> =
            speakers.values().flat_map(|(_, a)| a.iter().map(|&a| story.sources[a].outlet.as_str())).collect();
        if speakers.len() >= 2 && outlets.len() >= 2 {
            fact.status = Status::Conflict;
            let mut values: Vec<Version> = speakers
                .values()
                .map(|(name, articles)| Version { value: name.clone(), sources: story.ids(articles) })
                .collect();
            values.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(a.value.cmp(&b.value)));
            out.conflicts.push(Conflict { kind: ConflictKind::Attribution, subject: shorten(first.text), values });
        }
        out.facts.push(fact);
    }
}
