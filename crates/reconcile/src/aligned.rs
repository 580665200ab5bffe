//! Sentences that two outlets tell alike, and the one thing that differs
//! between them.
//!
//! Wire copy and its rewrites carry near-identical sentences across
//! outlets. Candidate pairs come from an index over each sentence's salient
//! terms (a term used by more than 64 sentences of the story is not a key),
//! so the cost follows the number of sentences times that cap, never all
//! pairs of sentences. A pair of sentences of different outlets is aligned
//! when they share at least four terms and 60% of the smaller one's. Their
//! tokens are lined up (longest common subsequence), and a place where one
//! token stands against one other token, with the same words around it, is
//! a difference between the outlets:
//!
//! - a number against another number ("brought 34 inches of snow" /
//!   "brought 43 inches of snow") is a quantity conflict, unless both can
//!   be true ("about 40" and "about 42");
//! - a weekday against another that resolves to another day ("killed on
//!   Tuesday" / "killed on Wednesday") is a date conflict.
//!
//! Years, times of day, days of the month and scores are not quantities
//! here, and a difference the other stages already report is not reported
//! twice.

use crate::dates::day_text;
use crate::similar::{overlap, terms};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use dossier_extract::{format_number, tokenize, Token};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Terms used by more sentences than this are not index keys.
const MAX_POSTINGS: usize = 64;
/// Sentences longer than this (tables, run-on lines) are not aligned.
const MAX_TOKENS: usize = 120;
/// Shared terms and share of the smaller sentence's terms for two
/// sentences to be told alike.
pub(crate) const ALIGNED_SHARED: usize = 4;
pub(crate) const ALIGNED_SHARE: f32 = 0.6;
/// The loosest pair kept for the other stages to judge.
const CANDIDATE_SHARED: usize = 2;

/// One sentence of one article.
pub(crate) struct Sentence<'a> {
    pub article: usize,
    pub index: usize,
    pub tokens: Vec<Token<'a>>,
    pub terms: HashSet<String>,
}

/// Two sentences of different outlets that share terms.
pub(crate) struct Pair {
    pub a: usize,
    pub b: usize,
    pub shared: usize,
    pub share: f32,
}

/// A story's sentences and the pairs of them, across outlets, that share
/// terms.
pub(crate) struct Sentences<'a> {
    pub sentences: Vec<Sentence<'a>>,
    pub pairs: Vec<Pair>,
}

impl Sentences<'_> {
    pub(crate) fn aligned(&self, pair: &Pair) -> bool {
        pair.shared >= ALIGNED_SHARED && pair.share >= ALIGNED_SHARE
    }
}

/// Indexes a story's sentences and finds the pairs that share terms.
pub(crate) fn index<'a>(story: &Story<'a>) -> Sentences<'a> {
    let mut sentences = Vec::new();
    for (article, source) in story.sources.iter().enumerate() {
        for (index, text) in source.facts.sentences.iter().enumerate() {
            let tokens = tokenize(text);
            if tokens.len() > MAX_TOKENS || tokens.len() < 4 {
                continue;
            }
            sentences.push(Sentence { article, index, tokens, terms: terms(text) });
        }
    }
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (id, sentence) in sentences.iter().enumerate() {
        for term in &sentence.terms {
            postings.entry(term.as_str()).or_default().push(id);
        }
    }
    let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
        for (n, &a) in list.iter().enumerate() {
            for &b in &list[n + 1..] {
                let (x, y) = (&sentences[a], &sentences[b]);
                if story.sources[x.article].outlet != story.sources[y.article].outlet {
                    *counts.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<Pair> = counts
        .into_iter()
        .filter(|&(_, shared)| shared >= CANDIDATE_SHARED)
        .map(|((a, b), _)| {
            let (shared, share) = overlap(&sentences[a].terms, &sentences[b].terms);
            Pair { a, b, shared, share }
        })
        .collect();
    pairs.sort_by_key(|p| (p.a, p.b));
    Sentences { sentences, pairs }
}

/// The token as compared: lower case, quotes and dashes made plain.
fn key(token: &Token<'_>) -> String {
    token
        .text
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '—' | '–' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Places where exactly one token of `a` stands against one token of `b`,
/// with matching tokens on at least one side: (index in a, index in b).
pub(crate) fn substitutions(a: &[Token<'_>], b: &[Token<'_>]) -> Vec<(usize, usize)> {
    let (x, y): (Vec<String>, Vec<String>) = (a.iter().map(key).collect(), b.iter().map(key).collect());
    let (n, m) = (x.len(), y.len());
    // Longest common subsequence, from the end.
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] =
                if x[i] == y[j] { table[at(i + 1, j + 1)] + 1 } else { table[at(i + 1, j)].max(table[at(i, j + 1)]) };
        }
    }
    let mut matches = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if x[i] == y[j] {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    // Runs of consecutive matches: (start in a, start in b, length).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for &(i, j) in &matches {
        match runs.last_mut() {
            Some((a, b, len)) if *a + *len == i && *b + *len == j => *len += 1,
            _ => runs.push((i, j, 1)),
        }
    }
    // One token against one between two runs, with context on both sides.
    runs.windows(2)
        .filter(|w| {
            let (left, right) = (w[0], w[1]);
            let gap = left.0 + left.2 + 1 == right.0 && left.1 + left.2 + 1 == right.1;
            gap && left.2 + right.2 >= MIN_CONTEXT
        })
        .map(|w| (w[0].0 + w[0].2, w[0].1 + w[0].2))
        .collect()
}

/// Matching tokens around a substitution, both sides together.
const MIN_CONTEXT: usize = 3;

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn weekday(token: &Token<'_>) -> Option<&'static str> {
    if !token.is_capitalized() {
        return None;
    }
    let word = token.without_possessive().to_ascii_lowercase();
    WEEKDAYS.iter().find(|w| **w == word).copied()
}

fn is_month(token: Option<&Token<'_>>) -> bool {
    token.is_some_and(|t| t.is_capitalized() && dossier_extract::is_month_name(t.text))
}

fn multiplier(word: &str) -> Option<f64> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" | "m" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Words before a number that make it a bound or an estimate.
const ESTIMATES: &[&str] = &["about", "almost", "approximately", "around", "estimated", "nearly", "roughly", "some"];

/// A number of a sentence as a quantity: its value (multiplier applied)
/// and how to show it, or `None` for a year, a time, a day of the month,
/// a score or a name's number.
struct Number {
    value: f64,
    shown: String,
    estimate: bool,
}

fn number(tokens: &[Token<'_>], at: usize) -> Option<Number> {
    let token = &tokens[at];
    if !token.is_number() || token.text.contains([':', '/', '-']) {
        return None;
    }
    let digits: String = token.text.chars().filter(|c| *c != ',').collect();
    let value: f64 = digits.parse().ok()?;
    let year = digits.len() == 4 && (1800.0..=2100.0).contains(&value);
    let day_of_month = is_month(at.checked_sub(1).and_then(|k| tokens.get(k))) || is_month(tokens.get(at + 1));
    let after_name = at > 0 && tokens[at - 1].is_capitalized() && at > 1;
    if year || day_of_month || after_name {
        return None;
    }
    let scale = tokens.get(at + 1).filter(|t| t.is_word()).and_then(|t| multiplier(t.text));
    let value = value * scale.unwrap_or(1.0);
    let currency =
        at.checked_sub(1).map(|k| tokens[k]).filter(|t| t.is_punct('$') || t.is_punct('£') || t.is_punct('€'));
    let unit_at = at + 1 + usize::from(scale.is_some());
    let unit = tokens.get(unit_at).filter(|t| t.is_word() || t.is_punct('%')).map(|t| t.text);
    let mut shown = format!("{}{}", currency.map_or("", |t| t.text), format_number(value));
    match unit {
        Some("%") => shown.push('%'),
        Some(word) if !crate::english().is_stop_word(&word.to_lowercase()) => {
            shown.push(' ');
            shown.push_str(word);
        }
        _ => {}
    }
    let estimate = tokens[..at].iter().rev().take(3).any(|t| ESTIMATES.iter().any(|e| t.is(e)));
    Some(Number { value, shown, estimate })
}

/// What a number in a sentence counts or measures: the content word after
/// it, else the one before.
fn subject(tokens: &[Token<'_>], at: usize) -> String {
    let content = |t: &&Token<'_>| {
        t.is_word() && multiplier(t.text).is_none() && !crate::english().is_stop_word(&t.text.to_lowercase())
    };
    let after = tokens[at + 1..].iter().take(3).take_while(|t| !t.is_punct(',') && !t.is_punct('.')).find(content);
    let before = || tokens[..at].iter().rev().take(3).find(content);
    after.or_else(before).map_or_else(|| "number".to_owned(), |t| t.text.to_lowercase())
}

/// The versions found so far, by kind, subject and the values that clash.
type Found = BTreeMap<(ConflictKind, String, Vec<String>), BTreeMap<String, BTreeSet<usize>>>;

/// The values of every number each article writes, in thousandths.
fn numbers_by_article(story: &Story<'_>, sentences: &Sentences<'_>) -> Vec<HashSet<i64>> {
    let mut out = vec![HashSet::new(); story.sources.len()];
    for sentence in &sentences.sentences {
        for at in 0..sentence.tokens.len() {
            if let Some(n) = number(&sentence.tokens, at) {
                out[sentence.article].insert(milli(n.value));
            }
        }
    }
    out
}

fn milli(value: f64) -> i64 {
    (value * 1000.0).round() as i64
}

pub(crate) fn reconcile(story: &Story<'_>, sentences: &Sentences<'_>, out: &mut StoryFacts) {
    let numbers = numbers_by_article(story, sentences);
    let mut found: Found = BTreeMap::new();
    for pair in sentences.pairs.iter().filter(|p| sentences.aligned(p)) {
        let (x, y) = (&sentences.sentences[pair.a], &sentences.sentences[pair.b]);
        for (i, j) in substitutions(&x.tokens, &y.tokens) {
            if let (Some(p), Some(q)) = (number(&x.tokens, i), number(&y.tokens, j)) {
                let within = (p.value - q.value).abs() <= 0.005 * p.value.abs().max(q.value.abs());
                let estimated = (p.estimate || q.estimate) && (p.value - q.value).abs() <= 0.1 * p.value.max(q.value);
                // An article that writes both values elsewhere tells of two
                // things, not of one thing two ways.
                let both = numbers[x.article].contains(&milli(q.value)) || numbers[y.article].contains(&milli(p.value));
                if within || estimated || both {
                    continue;
                }
                let subject = subject(&x.tokens, i);
                add(&mut found, ConflictKind::Quantity, subject, [(p.shown, x.article), (q.shown, y.article)]);
            } else if let (Some(_), Some(_)) = (weekday(&x.tokens[i]), weekday(&y.tokens[j])) {
                let (Some(p), Some(q)) = (day_of(story, x, &x.tokens[i]), day_of(story, y, &y.tokens[j])) else {
                    continue;
                };
                if p == q {
                    continue;
                }
                let mut shared: Vec<&String> = x.terms.intersection(&y.terms).collect();
                shared.sort();
                let subject = shared.iter().take(6).map(|t| t.as_str()).collect::<Vec<_>>().join(" ");
                add(&mut found, ConflictKind::Date, subject, [(p, x.article), (q, y.article)]);
            }
        }
    }
    report(story, found, out);
}

/// The day a weekday of a sentence resolves to, as shown.
fn day_of(story: &Story<'_>, sentence: &Sentence<'_>, token: &Token<'_>) -> Option<String> {
    let word = token.without_possessive();
    let facts = &story.sources[sentence.article].facts;
    facts
        .dates
        .iter()
        .find(|d| d.sentence == sentence.index && d.relative && d.text.ends_with(word))
        .map(|d| day_text(d.day))
}

fn add(found: &mut Found, kind: ConflictKind, subject: String, versions: [(String, usize); 2]) {
    let mut values: Vec<String> = versions.iter().map(|(v, _)| v.clone()).collect();
    values.sort();
    let entry = found.entry((kind, subject, values)).or_default();
    for (value, article) in versions {
        entry.entry(value).or_default().insert(article);
    }
}

/// Adds the conflicts found, leaving out those another stage reports.
pub(crate) fn report(story: &Story<'_>, found: Found, out: &mut StoryFacts) {
    let mut reported: BTreeSet<(ConflictKind, Vec<String>)> = BTreeSet::new();
    for ((kind, subject, values), versions) in found {
        let outlets: BTreeSet<&str> = versions.values().flatten().map(|&a| story.sources[a].outlet.as_str()).collect();
        if outlets.len() < 2 || !reported.insert((kind, values.clone())) {
            continue;
        }
        // The number or day itself, without currency and unit.
        let core = |v: &str| -> String {
            let v = v.trim_start_matches(['$', '£', '€']);
            if kind == ConflictKind::Quantity {
                v.split([' ', '%']).next().unwrap_or(v).to_owned()
            } else {
                v.to_owned()
            }
        };
        let known = out.conflicts.iter().any(|c| {
            c.kind == kind && values.iter().all(|v| c.values.iter().any(|w| w.value.contains(core(v).as_str())))
        });
        if known {
            continue;
        }
        let mut list: Vec<Version> =
            versions.into_iter().map(|(value, articles)| Version { value, sources: story.ids(&articles) }).collect();
        list.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(a.value.cmp(&b.value)));
        for fact in out.facts.iter_mut().filter(|f| f.kind == "date" && kind == ConflictKind::Date) {
            if list.iter().any(|v| v.value == fact.value) {
                fact.status = Status::Conflict;
            }
        }
        out.conflicts.push(Conflict { kind, subject, values: list });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs(a: &str, b: &str) -> Vec<(String, String)> {
        let (x, y) = (tokenize(a), tokenize(b));
        substitutions(&x, &y).into_iter().map(|(i, j)| (x[i].text.to_owned(), y[j].text.to_owned())).collect()
    }

    #[test]
    fn one_token_against_one_is_a_substitution() {
        assert_eq!(
            subs("The storm brought 34 inches of snow on Monday.", "The storm brought 43 inches of snow on Monday."),
            [("34".to_owned(), "43".to_owned())]
        );
        assert_eq!(
            subs("Police said 12 people were hurt on Monday.", "Police said on Tuesday that 12 people were hurt."),
            Vec::<(String, String)>::new()
        );
    }

    #[test]
    fn years_days_of_the_month_and_names_are_not_quantities() {
        let tokens = tokenize("In 2015 the Apollo 11 crew met on Dec. 23 with 40 guests.");
        let numbers: Vec<String> = (0..tokens.len()).filter_map(|i| number(&tokens, i)).map(|n| n.shown).collect();
        assert_eq!(numbers, ["40 guests"]);
        let tokens = tokenize("It cost $3.8 million, about 12% more.");
        let numbers: Vec<String> = (0..tokens.len()).filter_map(|i| number(&tokens, i)).map(|n| n.shown).collect();
        assert_eq!(numbers, ["$3.8 million", "12%"]);
    }
}
