//! Quotes across sources: the same words carried by several outlets, and
//! the same words put in different mouths.
//!
//! Two quotes are the same when they share at least 70% of the shorter
//! one's content words (stemmed, stop words aside: "my thoughts are with
//! their families" is stock, not a quote), and more than three words or
//! half of the longer one's; or when one is written word for word inside
//! the other and has three content words, or six words and two content
//! words ("He was unresponsive, just a disaster" within a longer quote of
//! another outlet). A quote given to two people is a conflict
//! only when two such alike quotes of different outlets name them, not
//! quotes joined through others. Speakers are compared as people: by
//! surname or entity ("Okonjo", "Daniel Okonjo"), or when one's words are
//! all in the other's ("Mr Zhu", "Zhu Congpeng").

use crate::names::Names;
use crate::similar::{overlap, UnionFind};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const MIN_SHARE: f32 = 0.7;
const MIN_WORDS: usize = 3;
/// Words, and content words, of a quote found word for word in another
/// that has fewer than [`MIN_WORDS`] content words.
const MIN_VERBATIM_WORDS: usize = 6;
const MIN_VERBATIM_CONTENT: usize = 2;
const MAX_POSTINGS: usize = 64;
const SUBJECT_CHARS: usize = 90;

/// The content words of a quote, stemmed: stock words ("with", "their")
/// would make "my thoughts are with their families" one quote with any
/// other condolence.
fn words(text: &str) -> HashSet<String> {
    crate::english().terms(text).into_iter().collect()
}

/// A quote's words as written, lower case, each set off by one space on
/// both sides (" he was unresponsive just a disaster "), and their number:
/// one quote inside another is then a substring.
fn verbatim(text: &str) -> (String, usize) {
    let mut plain = String::from(" ");
    let mut count = 0;
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        plain.extend(word.chars().flat_map(char::to_lowercase));
        plain.push(' ');
        count += 1;
    }
    (plain, count)
}

struct Said<'a> {
    article: usize,
    sentence: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    words: HashSet<String>,
    /// The words as written, see [`verbatim`], and their number.
    plain: String,
    count: usize,
}

impl Said<'_> {
    /// Enough words to be one quote with another: content words, or
    /// enough words written word for word.
    fn worth_comparing(&self) -> bool {
        self.words.len() >= MIN_WORDS || (self.words.len() >= MIN_VERBATIM_CONTENT && self.count >= MIN_VERBATIM_WORDS)
    }

    fn alike(&self, other: &Said<'_>) -> bool {
        let (short, long) = if self.plain.len() <= other.plain.len() { (self, other) } else { (other, self) };
        alike_quotes(&self.words, &other.words) || long.plain.contains(short.plain.as_str())
    }
}

/// A quote's speaker, compared as a person.
struct Speaker {
    written: String,
    /// The entity's surname, or the last word when no entity is known.
    key: String,
    words: Vec<String>,
    /// Whether the speaker is named, not an office ("the Westshire PM",
    /// "the President") whose holder another outlet may name.
    named: bool,
}

impl Speaker {
    /// `None` for what is no person: "US", "UN".
    fn new(name: &str, names: &Names) -> Option<Self> {
        let words = crate::similar::name_words(name);
        if words.is_empty() || (words.len() == 1 && words[0].len() <= 3 && name.chars().all(|c| !c.is_lowercase())) {
            return None;
        }
        let resolved = names.resolve(name);
        let key = match resolved {
            Some(id) => names.surname(id).unwrap_or_else(|| format!("#{id}")),
            None => words.last().cloned().unwrap_or_default(),
        };
        // "Mr King", or a person the story names, is no office.
        let person = crate::similar::has_honorific(name) || resolved.is_some_and(|id| names.person(id).is_some());
        let named = person || !is_office(&words);
        Some(Self { written: name.to_owned(), key, words, named })
    }

    /// The same person: by surname ("Dr Guerras", "Eduardo Guerras"), by
    /// entity when the surname differs ("Tom" for "Tom Cruise"), or when
    /// all the words of one are in the other ("Mr Zhu", "Zhu Congpeng":
    /// surname first).
    fn same(&self, other: &Speaker) -> bool {
        let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
        self.key == other.key || within(&self.words, &other.words) || within(&other.words, &self.words)
    }
}

/// An office, not a name: words that end in a title, with no given name
/// first ("the Westshire PM", "French President", "the Prime Minister";
/// not "Mayor Wendy Marsh", nor "Stephen King"). A role ("the scientist")
/// is not one: it tells the speaker apart from a politician another outlet
/// names.
fn is_office(words: &[String]) -> bool {
    use dossier_extract::gazetteer as gz;
    let words = match words.first().map(String::as_str) {
        Some("the" | "a" | "an") => &words[1..],
        _ => words,
    };
    let ends_in_title = words.last().is_some_and(|w| gz::is_title(w) || w == "pm");
    ends_in_title && !words.first().is_some_and(|w| gz::is_first_name(w))
}

/// Two quotes are one: most words of the shorter shared, and more than
/// three words, or at least three that are half of the longer's ("The
/// weather is looking good").
fn alike_quotes(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let (shared, share) = overlap(a, b);
    let short = shared >= MIN_WORDS && shared * 2 >= a.len().max(b.len());
    share >= MIN_SHARE && (shared > MIN_WORDS || short)
}

pub(crate) fn reconcile(story: &Story<'_>, names: &Names, out: &mut StoryFacts) {
    let mut quotes = Vec::new();
    for (article, source) in story.sources.iter().enumerate() {
        for quote in &source.facts.quotes {
            let (plain, count) = verbatim(&quote.text);
            let said = Said {
                article,
                sentence: quote.sentence,
                text: &quote.text,
                speaker: quote.speaker.as_deref(),
                words: words(&quote.text),
                plain,
                count,
            };
            if said.worth_comparing() {
                quotes.push(said);
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
    // Pairs of quotes alike enough to be one: a conflict needs two speakers
    // given for a pair, not only for quotes joined through others.
    let mut alike = Vec::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if checked.insert((a.min(b), a.max(b))) && quotes[a].alike(&quotes[b]) {
                    sets.union(a, b);
                    alike.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    let speakers: Vec<Option<Speaker>> =
        quotes.iter().map(|q| q.speaker.and_then(|name| Speaker::new(name, names))).collect();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..quotes.len() {
        groups.entry(sets.find(n)).or_default().push(n);
    }
    let mut disputed: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(a, b) in &alike {
        let other_outlet = story.sources[quotes[a].article].outlet != story.sources[quotes[b].article].outlet;
        if let (Some(x), Some(y)) = (&speakers[a], &speakers[b]) {
            // An office against a name is no dispute: its holder may be
            // that person. Two offices, or two names, may be.
            if other_outlet && x.named == y.named && !x.same(y) {
                disputed.entry(sets.find(a)).or_default().extend([a, b]);
            }
        }
    }
    for (root, members) in &groups {
        let first = &quotes[members[0]];
        // Speakers as people, each named by the first spelling met. A
        // speaker joins a person only when it is the same as every speaker
        // already there: "Mr Tan" may be "Tan Weiming" or "Tan Li", but
        // those two are two people.
        let mut people: Vec<(Vec<&Speaker>, BTreeSet<usize>)> = Vec::new();
        for &n in members {
            let Some(speaker) = &speakers[n] else { continue };
            match people.iter_mut().find(|(known, _)| known.iter().all(|p| p.same(speaker))) {
                Some((known, articles)) => {
                    known.push(speaker);
                    articles.insert(quotes[n].article);
                }
                None => people.push((vec![speaker], [quotes[n].article].into())),
            }
        }
        let mentions: Vec<(usize, usize)> = members.iter().map(|&n| (quotes[n].article, quotes[n].sentence)).collect();
        let speaker = people.iter().max_by_key(|(_, articles)| articles.len()).map(|(p, _)| p[0].written.as_str());
        let value = match speaker {
            Some(name) => format!("{name}: “{}”", dossier_text::clip(first.text, SUBJECT_CHARS)),
            None => format!("“{}”", dossier_text::clip(first.text, SUBJECT_CHARS)),
        };
        let mut fact = story.fact("quote", value, &mentions);
        if let Some(disputed) = disputed.get(root) {
            // The speakers of the quotes given to two people.
            let mut values: Vec<Version> = Vec::new();
            for (known, articles) in &people {
                if disputed.iter().any(|&n| speakers[n].as_ref().is_some_and(|s| known.iter().any(|p| p.same(s)))) {
                    values.push(Version::new(known[0].written.clone(), story.ids(articles)));
                }
            }
            values.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(a.value.cmp(&b.value)));
            if values.len() > 1 {
                fact.status = Status::Conflict;
                out.conflicts.push(Conflict {
                    kind: ConflictKind::Attribution,
                    subject: dossier_text::clip(first.text, SUBJECT_CHARS),
                    values,
                });
            }
        }
        out.facts.push(fact);
    }
}
