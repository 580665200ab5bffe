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
//!   be true ("about 40" and "about 42"), an article writes both values
//!   (it tells of two things), a percentage moved ("shares fell 4.3
//!   percent", by the hour), a toll grew in a report later the same day
//!   (a progression), or one sentence calls its sum a version of the
//!   thing and the other does not ("adjusted earnings of $1.35 a share");
//! - a weekday against another that resolves to another day ("killed on
//!   Tuesday" / "killed on Wednesday") is a date conflict.
//!
//! Two more passes need no aligned sentences: numbers that two outlets
//! write in the same words around them, however different the rest ("was
//! charged with 222 counts of wire fraud"), and one quantity converted into
//! two values ("140,660 pounds (63,800 kilograms)" / "(45,351
//! kilograms)"). Years, times of day, days of the month and scores are not
//! quantities here, and a difference the other stages already report is
//! not reported twice. A player's number ("Roethlisberger (7)") and two
//! numbers joined by a slash (a picture's place in a gallery, "18/34") are
//! not values an article writes.

use crate::dates::day_text;
use crate::quantities::{calls_a_version, is_population, is_revision, is_update, milli, AgesApart};
use crate::similar::{overlap, terms};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use dossier_extract::{format_number, multiplier_word, tokenize, Qualifier, Token, Unit};
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

pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

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

/// Currency symbols written before a number.
const CURRENCIES: [char; 3] = ['$', '£', '€'];

/// Words before a number that make it a bound or an estimate.
const ESTIMATES: &[&str] = &["about", "almost", "approximately", "around", "estimated", "nearly", "roughly", "some"];

/// A number of a sentence as a quantity: its value (multiplier applied)
/// and how to show it, or `None` for a year, a time, a day of the month,
/// a score or a name's number.
struct Number {
    value: f64,
    shown: String,
    estimate: bool,
    /// A bound the words before it give ("at least 80", "up to 40").
    qualifier: Qualifier,
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
    // "a 9 1/2-game lead": a whole and a fraction are one value, 9.5, and
    // the fraction's figures are none ("$85/barrel" is a price).
    let denominator = at >= 2 && fraction(tokens, at - 2).is_some();
    if denominator || fraction(tokens, at).is_some() {
        return None;
    }
    let value = value + fraction(tokens, at + 1).unwrap_or(0.0);
    let after = after_number(tokens, at);
    let scale = tokens.get(after).filter(|t| t.is_word()).and_then(|t| multiplier_word(t.text));
    let value = value * scale.unwrap_or(1.0);
    let currency = at.checked_sub(1).map(|k| tokens[k]).filter(|t| CURRENCIES.iter().any(|&c| t.is_punct(c)));
    let unit_at = after + usize::from(scale.is_some());
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
    let start = if currency.is_some() { at - 1 } else { at };
    let qualifier = dossier_extract::qualifier_before(tokens, start);
    Some(Number { value, shown, estimate, qualifier })
}

/// The token after the number at `at`, past a fraction that completes it
/// ("9 1/2 games": "games").
fn after_number(tokens: &[Token<'_>], at: usize) -> usize {
    if fraction(tokens, at + 1).is_some() {
        at + 4
    } else {
        at + 1
    }
}

/// The value of a proper fraction written in figures from token `at`,
/// "1 / 2" of "1/2-game".
fn fraction(tokens: &[Token<'_>], at: usize) -> Option<f64> {
    let [numerator, slash, denominator] = tokens.get(at..at + 3)? else { return None };
    let digits: String = denominator.text.chars().take_while(char::is_ascii_digit).collect();
    let (n, d): (f64, f64) = (numerator.text.parse().ok()?, digits.parse().ok()?);
    (slash.is_punct('/') && n > 0.0 && d > n).then(|| n / d)
}

/// Whether the number at `at` is a name's number in parentheses: a
/// player's shirt ("Ben Roethlisberger (7) scrambles"), or an age ("Sean
/// Tarrant (34), of Tallaght"), which the substitutions still compare.
fn numbered(tokens: &[Token<'_>], at: usize) -> bool {
    at >= 2
        && tokens[at - 1].is_punct('(')
        && tokens[at - 2].is_capitalized()
        && tokens.get(at + 1).is_some_and(|t| t.is_punct(')'))
}

/// Whether the number at `at` is one side of two numbers that give a
/// place in a series: joined by a slash written without spaces, a
/// picture's place in a gallery ("18/34") or a date ("9/11"; "$85/barrel"
/// is a price); or a first number no larger than the second, joined by
/// "of" between capitalised words, the one before no common word: a
/// gallery's caption ("Gallery 2 of 25 Next"; "Nearly 3 of 4 Americans" and
/// "21 of 276 girls" are counts).
fn in_ratio(tokens: &[Token<'_>], at: usize) -> bool {
    let touching = |a: &Token<'_>, b: &Token<'_>| a.start + a.text.len() == b.start;
    let joined = |left: usize| {
        let (Some(x), Some(slash), Some(y)) = (tokens.get(left), tokens.get(left + 1), tokens.get(left + 2)) else {
            return false;
        };
        let slashed = slash.is_punct('/') && touching(x, slash) && touching(slash, y);
        let captioned = || {
            let named = left.checked_sub(1).map(|b| &tokens[b]).is_some_and(|t| {
                let common = crate::english().is_stop_word(&t.text.to_lowercase());
                t.is_capitalized() && !common && !ESTIMATES.iter().any(|e| t.is(e))
            });
            let in_order = matches!((x.text.parse::<u64>(), y.text.parse::<u64>()), (Ok(a), Ok(b)) if a <= b);
            slash.is("of") && in_order && named && tokens.get(left + 3).is_some_and(|t| t.is_capitalized())
        };
        x.is_number() && y.is_number() && (slashed || captioned())
    };
    joined(at) || at.checked_sub(2).is_some_and(joined)
}

/// What a number in a sentence counts or measures: the content word after
/// it, else the one before.
/// What the extractor read a number of a sentence as counting or
/// measuring, when it read one ("bid" for "a bid of $121 billion").
fn extracted_subject(story: &Story<'_>, sentence: &Sentence<'_>, value: f64) -> Option<String> {
    let facts = &story.sources[sentence.article].facts;
    facts
        .quantities
        .iter()
        .find(|q| q.sentence == sentence.index && milli(q.value) == milli(value) && !q.subject.is_empty())
        .map(|q| q.subject.clone())
}

/// A word near the number at `at` to name what it counts, when the
/// extractor named nothing: the first content word after it (a
/// capitalised one names something else, "on Monday"), else before it.
fn subject(tokens: &[Token<'_>], at: usize) -> String {
    let content = |t: &&Token<'_>| {
        t.is_word() && multiplier_word(t.text).is_none() && !crate::english().is_stop_word(&t.text.to_lowercase())
    };
    let after_content = |t: &&Token<'_>| content(t) && !t.is_capitalized();
    let after = tokens[after_number(tokens, at).min(tokens.len())..]
        .iter()
        .take(3)
        .take_while(|t| !t.is_punct(',') && !t.is_punct('.'))
        .find(after_content);
    let before = || tokens[..at].iter().rev().take(3).find(content);
    after.or_else(before).map_or_else(|| "number".to_owned(), |t| t.text.to_lowercase())
}

/// The versions found so far, by kind, subject and the values that clash:
/// each version's articles, with the sentence each gives it in.
type Found = BTreeMap<(ConflictKind, String, Vec<String>), BTreeMap<String, BTreeMap<usize, usize>>>;

/// The values of the numbers each article writes, in thousandths. In
/// figures, years, days of the month, names' numbers (a player's in
/// parentheses too) and places in a series ("18/34", a gallery's "Gallery
/// 2 of 25 Next") are left out; the
/// sentences the index leaves out (under four or over 120 tokens) are not
/// read.
pub(crate) struct Written {
    /// In figures ("4", "$3.8 million"), with how many times.
    figures: Vec<HashMap<i64, usize>>,
    /// In words only ("four", "two million"; "one" alone is mostly a
    /// pronoun, "one of them", and is left out), with how many times.
    words: Vec<HashMap<i64, usize>>,
    /// The values counted in each sentence, as (article, sentence, value).
    counted: HashSet<(usize, usize, i64)>,
}

impl Written {
    pub(crate) fn new(story: &Story<'_>, sentences: &Sentences<'_>) -> Self {
        let mut figures = vec![HashMap::new(); story.sources.len()];
        let mut words = vec![HashMap::new(); story.sources.len()];
        let mut counted = HashSet::new();
        for sentence in &sentences.sentences {
            for (at, token) in sentence.tokens.iter().enumerate() {
                if numbered(&sentence.tokens, at) || in_ratio(&sentence.tokens, at) {
                    continue;
                }
                let value = if let Some(n) = number(&sentence.tokens, at) {
                    *figures[sentence.article].entry(milli(n.value)).or_default() += 1;
                    milli(n.value)
                } else if token.is_word() {
                    let value = dossier_extract::number_at(&sentence.tokens, at)
                        .filter(|&(_, used)| used > 1 || !token.is("one"));
                    let Some((value, _)) = value else { continue };
                    *words[sentence.article].entry(milli(value)).or_default() += 1;
                    milli(value)
                } else {
                    continue;
                };
                counted.insert((sentence.article, sentence.index, value));
            }
        }
        Written { figures, words, counted }
    }

    /// Whether the article writes the value in figures.
    pub(crate) fn in_figures(&self, article: usize, value: i64) -> bool {
        self.figures[article].contains_key(&value)
    }

    /// Whether the value is among those counted in an article's sentence
    /// (an age written "47-year-old" is not: a joined word is no figure).
    pub(crate) fn counts(&self, article: usize, sentence: usize, value: i64) -> bool {
        self.counted.contains(&(article, sentence, value))
    }

    /// How many times the article writes the value, in figures or in words.
    pub(crate) fn times(&self, article: usize, value: i64) -> usize {
        let count = |map: &HashMap<i64, usize>| map.get(&value).copied().unwrap_or(0);
        count(&self.figures[article]) + count(&self.words[article])
    }
}

pub(crate) fn reconcile(
    story: &Story<'_>,
    sentences: &Sentences<'_>,
    numbers: &Written,
    ages_apart: &AgesApart,
    out: &mut StoryFacts,
) {
    let mut found: Found = BTreeMap::new();
    for pair in sentences.pairs.iter().filter(|p| sentences.aligned(p)) {
        let (x, y) = (&sentences.sentences[pair.a], &sentences.sentences[pair.b]);
        for (i, j) in substitutions(&x.tokens, &y.tokens) {
            if let (Some(p), Some(q)) = (number(&x.tokens, i), number(&y.tokens, j)) {
                if !numbers_clash(story, numbers, ages_apart, (x, i, &p), (y, j, &q)) {
                    continue;
                }
                let subject = extracted_subject(story, x, p.value).unwrap_or_else(|| subject(&x.tokens, i));
                add(
                    &mut found,
                    ConflictKind::Quantity,
                    subject,
                    [(p.shown, (x.article, x.index)), (q.shown, (y.article, y.index))],
                );
            } else if let (Some(_), Some(_)) = (weekday(&x.tokens[i]), weekday(&y.tokens[j])) {
                let days = if undated(story, x) && undated(story, y) {
                    // One date written with two weekdays.
                    match (dated_weekday(&x.tokens, i), dated_weekday(&y.tokens, j)) {
                        (Some((p, date)), Some((q, other))) if date == other => (Some(p), Some(q)),
                        _ => (None, None),
                    }
                } else {
                    (day_of(story, x, &x.tokens[i]), day_of(story, y, &y.tokens[j]))
                };
                let (Some(p), Some(q)) = days else {
                    continue;
                };
                if p == q {
                    continue;
                }
                let subject = crate::similar::shared_subject(story.sentence(x.article, x.index), &x.terms, &y.terms);
                add(&mut found, ConflictKind::Date, subject, [(p, (x.article, x.index)), (q, (y.article, y.index))]);
            }
        }
    }
    anchored(story, sentences, numbers, ages_apart, &mut found);
    report(story, found, out);
}

/// Tokens compared on each side of an anchored number.
const ANCHOR_REACH: usize = 8;
/// Matching words (punctuation aside) around a number, both sides
/// together, for two outlets' numbers to state one thing; a percentage
/// needs more.
const ANCHOR_WORDS: usize = 4;
const ANCHOR_WORDS_PERCENT: usize = 5;
/// Content words among the matching words, and how many of them must name
/// something other than a unit of measure.
const ANCHOR_CONTENT: usize = 2;
const ANCHOR_NAMING: usize = 1;
/// Two conversions of one quantity this close are one value rounded two
/// ways.
const CONVERSION_ROUNDING: f64 = 0.05;
/// Numbers with one unit word compared, at most, in a story.
const ANCHOR_BUCKET: usize = 256;

/// Units of measure and time: they say how a number is counted, not what
/// it counts.
const UNITS: &[&str] = &[
    "cent",
    "day",
    "dollar",
    "euro",
    "feet",
    "foot",
    "hour",
    "inch",
    "kilogram",
    "kilometer",
    "kilometr",
    "km",
    "lb",
    "meter",
    "metr",
    "mile",
    "minut",
    "month",
    "mph",
    "ounc",
    "percent",
    "pound",
    "second",
    "ton",
    "tonn",
    "week",
    "year",
];

/// What the matching tokens around two numbers amount to.
#[derive(Default)]
struct Context {
    words: usize,
    content: usize,
    naming: usize,
}

impl Context {
    fn count(&mut self, token: &Token<'_>) {
        if !token.is_word() && !token.is_number() {
            return;
        }
        self.words += 1;
        let word = token.text.to_lowercase();
        if !token.is_word() || multiplier_word(&word).is_some() || dossier_extract::is_number_word(&word) {
            return;
        }
        if let Some(stem) = crate::english().term(&word) {
            self.content += 1;
            self.naming += usize::from(!UNITS.iter().any(|u| stem.starts_with(u)));
        }
    }
}

/// The matching tokens before and after two numbers (`i` in `a`, `j` in
/// `b`), up to [`ANCHOR_REACH`] on each side.
fn context(a: &[Token<'_>], i: usize, b: &[Token<'_>], j: usize) -> Context {
    let mut context = Context::default();
    let mut k = 0;
    while k < ANCHOR_REACH && k < i && k < j && key(&a[i - 1 - k]) == key(&b[j - 1 - k]) {
        context.count(&a[i - 1 - k]);
        k += 1;
    }
    k = 0;
    while k < ANCHOR_REACH && i + 1 + k < a.len() && j + 1 + k < b.len() && key(&a[i + 1 + k]) == key(&b[j + 1 + k]) {
        context.count(&a[i + 1 + k]);
        k += 1;
    }
    context
}

/// Stems of words that make a number a move ("fell 4.3 percent"): a
/// market's or a poll's, which changes by the hour.
const MOVES: &[&str] = &[
    "climb", "declin", "decreas", "down", "drop", "fell", "fall", "gain", "increas", "jump", "lost", "lose", "plung",
    "rose", "rise", "sank", "slid", "slip", "soar", "surg", "tumbl", "up",
];

/// Whether a word among the three before the number at `at` says it moved.
fn is_move(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[at.saturating_sub(3)..at]
        .iter()
        .filter_map(|t| crate::english().term(t.text).or_else(|| t.is_word().then(|| t.text.to_lowercase())))
        .any(|stem| MOVES.contains(&stem.as_str()))
}

/// Whether the number at `at` is a price or a rate where it moved to
/// ("shares fell 2.5 percent to $31.10", "unemployment rose to 4.2%"): a
/// level at one moment, which the next report may give otherwise. A count
/// is not ("the toll rose to 12": tolls have their own rule, the
/// progressions), nor is a bound ("up to $40").
fn moved_to(tokens: &[Token<'_>], at: usize) -> bool {
    let currency = at.checked_sub(1).is_some_and(|k| CURRENCIES.iter().any(|&c| tokens[k].is_punct(c)));
    if !currency && !is_percent(tokens, at) {
        return false;
    }
    let to = at.checked_sub(1 + usize::from(currency)).filter(|&k| tokens[k].is("to"));
    let bound = to.and_then(|k| k.checked_sub(1)).is_some_and(|k| tokens[k].is("up") || tokens[k].is("down"));
    !bound && to.is_some_and(|k| is_move(tokens, k) || k >= 3 && is_move(tokens, k - 2))
}

/// Whether the number at `at` is a percentage.
fn is_percent(tokens: &[Token<'_>], at: usize) -> bool {
    let per_cent =
        || tokens.get(at + 1).is_some_and(|t| t.is("per")) && tokens.get(at + 2).is_some_and(|t| t.is("cent"));
    tokens.get(at + 1).is_some_and(|t| t.is_punct('%') || t.is("percent") || t.is("pct")) || per_cent()
}

/// Numbers that two outlets write in the same words, however different the
/// rest of their sentences: "was charged with 222 counts of wire fraud" /
/// "Neu, 67, was charged with 269 counts of wire fraud after ...". The
/// word after the number must match (its unit), and enough words around
/// it, some of them content words that name something. A number in
/// parentheses is a conversion of the one before it, and is left out. The
/// same rules as for aligned sentences decide whether two numbers clash
/// ([`numbers_clash`]).
fn anchored(
    story: &Story<'_>,
    sentences: &Sentences<'_>,
    numbers: &Written,
    ages_apart: &AgesApart,
    found: &mut Found,
) {
    let mut by_unit: HashMap<String, Vec<(usize, usize, Number)>> = HashMap::new();
    let mut conversions: BTreeMap<Converted, Vec<(usize, Number, String)>> = BTreeMap::new();
    for (id, sentence) in sentences.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for at in 0..tokens.len().saturating_sub(1) {
            if at > 0 && tokens[at - 1].is_punct('(') {
                if let (Some(n), Some(from)) = (number(tokens, at), converted(tokens, at)) {
                    let unit = key(&tokens[at + 1]);
                    conversions
                        .entry((milli(from.value), key(&tokens[at - 2]), unit))
                        .or_default()
                        .push((id, n, from.shown));
                }
                continue;
            }
            if let Some(n) = number(tokens, at) {
                let Some(unit) = tokens.get(after_number(tokens, at)) else { continue };
                let bucket = by_unit.entry(key(unit)).or_default();
                if bucket.len() < ANCHOR_BUCKET {
                    bucket.push((id, at, n));
                }
            }
        }
    }
    // One quantity converted into two different values: "140,660 pounds
    // (63,800 kilograms)" / "140,660 pounds (45,351 kilograms)".
    for list in conversions.values() {
        for (n, (a, p, from)) in list.iter().enumerate() {
            for (b, q, _) in &list[n + 1..] {
                let (x, y) = (&sentences.sentences[*a], &sentences.sentences[*b]);
                // Conversions are rounded ("1,000 kilometers (600 miles)").
                let rounded = (p.value - q.value).abs() <= CONVERSION_ROUNDING * p.value.abs().max(q.value.abs());
                if story.sources[x.article].outlet != story.sources[y.article].outlet && differ(p, q) && !rounded {
                    add(
                        found,
                        ConflictKind::Quantity,
                        from.clone(),
                        [(p.shown.clone(), (x.article, x.index)), (q.shown.clone(), (y.article, y.index))],
                    );
                }
            }
        }
    }
    for list in by_unit.values() {
        for (n, (a, i, p)) in list.iter().enumerate() {
            for (b, j, q) in &list[n + 1..] {
                let (x, y) = (&sentences.sentences[*a], &sentences.sentences[*b]);
                // The words around first: comparing a few tokens is cheaper
                // than the stemming the clash rules do.
                let context = context(&x.tokens, *i, &y.tokens, *j);
                let needed = if is_percent(&x.tokens, *i) { ANCHOR_WORDS_PERCENT } else { ANCHOR_WORDS };
                if context.words < needed || context.content < ANCHOR_CONTENT || context.naming < ANCHOR_NAMING {
                    continue;
                }
                if !numbers_clash(story, numbers, ages_apart, (x, *i, p), (y, *j, q)) {
                    continue;
                }
                add(
                    found,
                    ConflictKind::Quantity,
                    subject(&x.tokens, *i),
                    [(p.shown.clone(), (x.article, x.index)), (q.shown.clone(), (y.article, y.index))],
                );
            }
        }
    }
}

/// A converted quantity: its value in thousandths, its unit and the unit
/// it is converted into.
type Converted = (i64, String, String);

/// The quantity that the number at `at`, in parentheses, converts:
/// "140,660 pounds (63,800 kilograms)", "3.2 million euros ($3.5
/// million)".
fn converted(tokens: &[Token<'_>], at: usize) -> Option<Number> {
    let unit = tokens.get(at.checked_sub(2)?).filter(|t| t.is_word())?;
    (3..=4).filter_map(|back| at.checked_sub(back)).find_map(|k| {
        let between = &tokens[k + 1..at - 1];
        let plain = between.iter().all(|t| t.is_word()) && between.last().map(|t| t.text) == Some(unit.text);
        number(tokens, k).filter(|_| plain)
    })
}

/// Whether two numbers of two outlets' sentences, said of one thing, say
/// it two ways: different values, from different outlets, neither
/// article writing both values elsewhere (then it tells of two things), not
/// a percentage that moved ("fell 2.5 percent" by the hour) nor a price or
/// rate it moved to ("to $31.10", [`moved_to`]), not a toll
/// that grew in a later report of the same day, and not two versions of a
/// sum (one sentence says "adjusted", the other does not).
fn numbers_clash(
    story: &Story<'_>,
    numbers: &Written,
    ages_apart: &AgesApart,
    (x, i, p): (&Sentence<'_>, usize, &Number),
    (y, j, q): (&Sentence<'_>, usize, &Number),
) -> bool {
    // Cheap tests first: the word tests stem.
    let other_outlet = || story.sources[x.article].outlet != story.sources[y.article].outlet;
    let both = || numbers.in_figures(x.article, milli(q.value)) || numbers.in_figures(y.article, milli(p.value));
    let moved = || {
        is_percent(&x.tokens, i) && (is_move(&x.tokens, i) || is_move(&y.tokens, j))
            || moved_to(&x.tokens, i)
            || moved_to(&y.tokens, j)
    };
    let update = || counts_casualties(&x.tokens, i) && is_update(story, (x.article, p.value), (y.article, q.value));
    let revised =
        || counts_population(&x.tokens, i, p) && is_revision(story, (x.article, p.value), (y.article, q.value));
    // "earnings of $1.20 a share" against "adjusted earnings of $1.35 a
    // share": two versions of the sum, when one sentence says so and the
    // other does not.
    let money = p.shown.starts_with(CURRENCIES);
    let versions = || money && calls_a_version(&x.terms) != calls_a_version(&y.terms);
    // Ages told as of different years ([`AgesApart`]).
    let aged = || {
        let an_age = |s: &Sentence<'_>, n: &Number| {
            let quantities = &story.sources[s.article].facts.quantities;
            quantities.iter().any(|q| q.unit == Unit::Age && q.sentence == s.index && q.value == n.value)
        };
        ages_apart.contains(x.article, y.article) && an_age(x, p)
    };
    other_outlet() && differ(p, q) && !both() && !moved() && !update() && !revised() && !versions() && !aged()
}

/// Whether two values of one thing cannot both be true: more than half a
/// percent apart, not within an estimate's tenth, and not two counts both
/// told as at least so many ("at least 80" and "more than 89" killed: at
/// least 89 is true of both, however far apart, as `compatible` has it for
/// the quantities' subjects). Floors of sums and rates are terms of a deal
/// or a forecast ("at least $40 a share", "at least 5 percent"), and a
/// floor against a plain value stays a disagreement here: in sentences told
/// alike, "more than 120" stands against 155.
fn differ(p: &Number, q: &Number) -> bool {
    let within = (p.value - q.value).abs() <= 0.005 * p.value.abs().max(q.value.abs());
    let estimated = (p.estimate || q.estimate) && (p.value - q.value).abs() <= 0.1 * p.value.max(q.value);
    let floor = |n: &Number| {
        let sum = n.shown.starts_with(CURRENCIES)
            || n.shown.ends_with('%')
            || n.shown.rsplit(' ').next().is_some_and(dossier_extract::is_sum_or_rate_word);
        matches!(n.qualifier, Qualifier::AtLeast | Qualifier::MoreThan) && !sum
    };
    let both_floors = floor(p) && floor(q);
    !(within || estimated || both_floors)
}

/// Whether the number at `at` counts casualties or another toll: a word
/// among the three before it or the five after it says so.
fn counts_casualties(tokens: &[Token<'_>], at: usize) -> bool {
    let around = tokens[at.saturating_sub(3)..at].iter().chain(tokens[at + 1..].iter().take(5));
    around.filter_map(|t| crate::english().term(t.text)).any(|stem| crate::quantities::is_toll_word(&stem))
}

/// Whether the number at `at` counts a population: not a sum of money,
/// and a noun of people the first word after it and its multiplier, names
/// aside ("143 million consumers", "143million US customers").
fn counts_population(tokens: &[Token<'_>], at: usize, number: &Number) -> bool {
    let noun =
        tokens[at + 1..].iter().find(|t| multiplier_word(t.text).is_none() && !t.text.starts_with(char::is_uppercase));
    !number.shown.starts_with(CURRENCIES) && noun.is_some_and(|t| is_population(number.value, t.text))
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

/// Whether the extractor dated nothing in a sentence: any it leaves aside
/// (photo captions, "In this Thursday, Dec. 28, 2017 file photo", which
/// outlets share word for word; stamp lines; headlines in capitals), or
/// one with no date in it.
fn undated(story: &Story<'_>, sentence: &Sentence<'_>) -> bool {
    story.sources[sentence.article].facts.dates.iter().all(|d| d.sentence != sentence.index)
}

/// A weekday written with its date, as written ("Thursday, Dec. 28,
/// 2017"), and the date alone ("Dec. 28, 2017"): two outlets that write
/// one date with two weekdays disagree.
fn dated_weekday(tokens: &[Token<'_>], at: usize) -> Option<(String, String)> {
    let month = at + 1 + usize::from(tokens.get(at + 1).is_some_and(|t| t.is_punct(',')));
    if !is_month(tokens.get(month)) {
        return None;
    }
    // The date runs to its year, or to its day of the month.
    let year = tokens.iter().enumerate().skip(month).take(6).find(|(_, t)| t.is_number() && t.text.len() == 4);
    let end = year.map_or(month + 3, |(n, _)| n + 1).min(tokens.len());
    let written = |from: usize| {
        let words: Vec<&str> = tokens[from..end].iter().map(|t| t.text).collect();
        words.join(" ").replace(" ,", ",").replace(" .", ".")
    };
    Some((written(at), written(month)))
}

fn add(found: &mut Found, kind: ConflictKind, subject: String, versions: [(String, (usize, usize)); 2]) {
    let mut values: Vec<String> = versions.iter().map(|(v, _)| v.clone()).collect();
    values.sort();
    let entry = found.entry((kind, subject, values)).or_default();
    for (value, (article, sentence)) in versions {
        entry.entry(value).or_default().entry(article).or_insert(sentence);
    }
}

/// Adds the conflicts found, leaving out those another stage reports.
pub(crate) fn report(story: &Story<'_>, found: Found, out: &mut StoryFacts) {
    let mut reported: BTreeSet<(ConflictKind, Vec<String>)> = BTreeSet::new();
    for ((kind, subject, values), mut versions) in found {
        // An article on two sides (it writes both values, of two things or
        // of one thing twice) takes no side. Numbers compared pair by pair
        // already leave such articles out (`numbers_clash`); this is for
        // weekdays and conversions.
        let mut seen = BTreeSet::new();
        let both: BTreeSet<usize> =
            versions.values().flat_map(|m| m.keys()).filter(|&&a| !seen.insert(a)).copied().collect();
        for articles in versions.values_mut() {
            articles.retain(|a, _| !both.contains(a));
        }
        versions.retain(|_, articles| !articles.is_empty());
        let outlets: BTreeSet<&str> =
            versions.values().flat_map(|m| m.keys()).map(|&a| story.sources[a].outlet.as_str()).collect();
        if versions.len() < 2 || outlets.len() < 2 || !reported.insert((kind, values.clone())) {
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
        let mut list: Vec<Version> = versions
            .into_iter()
            .map(|(value, said)| Version::said(story, value, &said.into_iter().collect::<Vec<_>>()))
            .collect();
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

    #[test]
    fn a_number_s_subject_is_no_capitalised_word_after_it() {
        let tokens = tokenize("The yard was valued at $121 billion on Monday by the board.");
        let at = tokens.iter().position(|t| t.text == "121").unwrap();
        assert_eq!(subject(&tokens, at), "valued");
        let tokens = tokenize("They counted 40 boats on Monday.");
        let at = tokens.iter().position(|t| t.text == "40").unwrap();
        assert_eq!(subject(&tokens, at), "boats");
    }

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

    fn quantity_conflicts(a: &str, b: &str) -> Vec<Vec<String>> {
        let (a, b) = (dossier_extract::extract_text(None, a, None), dossier_extract::extract_text(None, b, None));
        let story =
            crate::reconcile(&[crate::Source::new("a", "a.example", a), crate::Source::new("b", "b.example", b)]);
        story
            .conflicts
            .iter()
            .filter(|c| c.kind == ConflictKind::Quantity)
            .map(|c| c.values.iter().map(|v| v.value.clone()).collect())
            .collect()
    }

    /// Checks the quantity conflicts of two outlets' sentences: none, or one
    /// with these values.
    fn check(a: &str, b: &str, values: &[&str]) {
        let expected: Vec<Vec<String>> =
            if values.is_empty() { Vec::new() } else { vec![values.iter().map(|v| v.to_string()).collect()] };
        assert_eq!(quantity_conflicts(a, b), expected, "{a} / {b}");
    }

    #[test]
    fn a_number_in_the_same_words_conflicts_however_the_sentences_differ() {
        check(
            "The harbour pilot was charged with 14 counts of reckless navigation, a court clerk said.",
            "Tomas Reyes, 51, was charged with 17 counts of reckless navigation after a long inquiry by the port \
             authority into the grounding of the ferry.",
            &["14 counts", "17 counts"],
        );
        // A unit word alone is not enough to say two numbers count one thing.
        check(
            "The ferry carried 300 passengers on the evening crossing.",
            "An airline flew 450 passengers home from the islands.",
            &[],
        );
    }

    #[test]
    fn per_cent_is_a_percentage_and_per_share_is_not() {
        let tokens = tokenize("It rose 12 per cent, to $60 per share.");
        let at = |word: &str| tokens.iter().position(|t| t.text == word).unwrap_or(0);
        assert!(is_percent(&tokens, at("12")));
        assert!(!is_percent(&tokens, at("60")));
    }

    #[test]
    fn moves_of_a_market_are_not_conflicts() {
        check(
            "Shares of the shipyard fell 2.5 percent to $31.10 in early trading on the news.",
            "Shares of the shipyard fell 6.1 percent to $29.40 by the close as doubts about the order grew.",
            &[],
        );
        // Nor in sentences told alike, which line up token by token.
        check(
            "Shares of the Brennick shipyard fell 2.5 percent after the navy cancelled its order for two frigates.",
            "Shares of the Brennick shipyard fell 6.1 percent after the navy cancelled its order for two frigates.",
            &[],
        );
        // Nor is the price they moved to, a level at one moment.
        check(
            "Shares of the Brennick shipyard fell 2.5 percent to $31.10 at 9:34 a.m. in Vellmar on the news.",
            "Shares of the Brennick shipyard fell 6.1 percent to $29.40 at mid-afternoon in Vellmar on the news.",
            &[],
        );
        // But a count is no price, and "up to" is a bound, not a move.
        check(
            "The flood at the Brennick shipyard rose to 40 homes by the evening, the harbour board said.",
            "The flood at the Brennick shipyard rose to 55 homes by the evening, the harbour board said.",
            &["40 homes", "55 homes"],
        );
        check(
            "The Brennick shipyard will pay up to $40 for each share of the rival yard, the board said.",
            "The Brennick shipyard will pay up to $45 for each share of the rival yard, the board said.",
            &["$40", "$45"],
        );
    }

    #[test]
    fn one_quantity_converted_two_ways_conflicts_and_rounding_does_not() {
        check(
            "The new crane can lift 44,000 pounds (19,958 kilograms) onto the quay.",
            "Engineers say it will hoist 44,000 pounds (25,100 kilograms), twice the load of the old one.",
            &["19,958 kilograms", "25,100 kilograms"],
        );
        // Rounding is no conflict.
        check(
            "The new crane can lift 44,000 pounds (20,000 kilograms) onto the quay.",
            "Engineers say it will hoist 44,000 pounds (19,958 kilograms), twice the load of the old one.",
            &[],
        );
        // Two quantities converted alike are two quantities.
        check(
            "The first crane lifts 44,000 pounds (19,958 kilograms) onto the deck of the barge.",
            "A smaller model, rated at 52,000 pounds (23,587 kilograms), went to the northern port.",
            &[],
        );
    }
}
