//! The generator: one contradiction planted in one article of a real
//! multi-source story.
//!
//! - **quantity**: a number that another outlet also writes is changed
//!   (every occurrence in the article where it is a quantity), by up to 30%
//!   and at least 1. A number is a whole word: "3.5", "4:10", "24/7" and
//!   "PAC-3" are not the numbers 3, 4 or 7; and a number after a name
//!   ("Apollo 11", "Landsat 8", "Feb. 5") names or dates something, it is
//!   not changed;
//! - **name**: a two-word name that two outlets write, and whose second
//!   word the story also uses alone next to "said" or after "Mr."/"Ms." (a
//!   person's surname), is misspelt by one letter (substituted, dropped,
//!   doubled or swapped) in one article;
//! - **date**: a weekday that another outlet also names is moved by one or
//!   two days in one article;
//! - **attribution**: a quote that another outlet also carries, with its
//!   speaker named right after it, is given to another person of the story
//!   (one with another surname: "Roger McNamee" is not another person than
//!   "Mr. McNamee"), by changing the name in the clause that attributes the
//!   quote, never in the sentence after it.
//!
//! "Also states" means the same fact: the number with a content word in
//! common within two words in both outlets, the weekday in sentences that
//! share two content words. Candidates are found in the raw text,
//! independently of the extractor, except attribution: quotes and their speakers are found with
//! `dossier-extract`'s quote finder, then the speaker's name is replaced in
//! the text after the quote.

use crate::rng::Rng;
use dossier_domain::Article;
use std::collections::{BTreeMap, BTreeSet};

/// The kinds of contradiction planted, as reconcile names its conflicts.
pub const KINDS: [&str; 4] = ["name", "quantity", "date", "attribution"];

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// One planted contradiction.
#[derive(Debug, Clone, PartialEq)]
pub struct Plant {
    pub kind: &'static str,
    /// The article changed.
    pub article: String,
    pub original: String,
    pub planted: String,
    /// What a conflict must mention to count as finding it.
    pub needle: String,
}

fn outlet(article: &Article) -> &str {
    article.source.as_deref().unwrap_or(article.id.as_str())
}

/// Whole words of a text with their byte ranges ("1,500", "3.5" and
/// "24/7" are one word each).
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let inside = c.is_alphanumeric()
            || (c == ','
                && start.is_some()
                && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                && text[start.unwrap_or(0)..i].chars().all(|d| d.is_ascii_digit() || d == ','))
            || (matches!(c, '.' | ':' | '/' | '-') && start.is_some() && joins_number(text, i));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// Whether the separator at `i` holds a number together with what is
/// around it: "3.5", "4:10", "24/7", "13-2", "PAC-3" are one word each, not
/// two numbers.
fn joins_number(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => b.is_alphanumeric() && a.is_alphanumeric() && (b.is_ascii_digit() || a.is_ascii_digit()),
        _ => false,
    }
}

/// Whether word `n` of `list` (words of `text`, a sentence of `article` or
/// the article itself) follows a name ("Boeing 747", "Apollo 11", "Feb.
/// 5"): a capitalised word, unless it opens a sentence and is a common
/// word ("About 11 people"), or a comma or a colon sets the number off
/// ("Sarah Silverman, 47", "Engines: 27").
fn after_name(text: &str, article: &str, list: &[(usize, &str)], n: usize) -> bool {
    let Some(&(start, previous)) = n.checked_sub(1).and_then(|k| list.get(k)) else { return false };
    // "PlayStation 4", "Chang'e 4": a capitalised word of any shape, or one
    // joined by an apostrophe to one (not a possessive's "s").
    let joined = n >= 2 && previous != "s" && text[..start].ends_with(['\'', '’']) && starts_upper(list[n - 2].1);
    if joined {
        return true;
    }
    // "Silverman, 47": an apposition, and "Engines: 27" a field's value,
    // not a name's number.
    let apart = list.get(n).is_some_and(|&(at, _)| text[start + previous.len()..at].contains([',', ':']));
    if apart || !starts_upper(previous) || previous.chars().count() < 2 || WEEKDAYS.contains(&previous) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '"', '“', '‘', '(', '\'']);
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':']);
    let lower = previous.to_lowercase();
    let common = ENGLISH.is_stop_word(&lower) || words(article).any(|(_, w)| w == lower);
    !(opens && common)
}

/// Words before a number that make it a bound or an estimate ("more than
/// 100", "up to 35", "about 12").
const HEDGES: [&str; 12] = [
    "about",
    "almost",
    "approximately",
    "around",
    "estimated",
    "least",
    "nearly",
    "over",
    "roughly",
    "some",
    "than",
    "under",
];

/// Whether word `n` of `list` is hedged: a bound or an estimate. Changing
/// "more than 100 wounded" to "more than 78" contradicts no one, and
/// changing a plain "32" that another outlet gives as "up to 35" need not
/// either, so hedged occurrences never count as stating a number.
fn hedged(list: &[&str], n: usize) -> bool {
    let before = |k: usize| n.checked_sub(k).map(|i| list[i].to_lowercase());
    let previous = before(1).unwrap_or_default();
    HEDGES.contains(&previous.as_str()) || (previous == "to" && before(2).as_deref() == Some("up"))
}

static ENGLISH: std::sync::LazyLock<dossier_text::Analyzer> = std::sync::LazyLock::new(dossier_text::Analyzer::english);

/// `text` with every whole-word `from` replaced by `to`.
fn replace_word(text: &str, from: &str, to: &str) -> String {
    replace_where(text, from, to, |_, _| true)
}

/// `text` with the whole-word `from` replaced by `to` where `keep` (given
/// the words and the index of the occurrence) says so.
fn replace_where(text: &str, from: &str, to: &str, keep: impl Fn(&[(usize, &str)], usize) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let list: Vec<(usize, &str)> = words(text).collect();
    for (n, &(start, word)) in list.iter().enumerate() {
        if word == from && keep(&list, n) {
            out.push_str(&text[last..start]);
            out.push_str(to);
            last = start + word.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

/// `text` with the number `from` changed to `to` wherever it is no name's
/// number ("Apollo 11", "Feb. 5" stay).
fn replace_number(text: &str, from: &str, to: &str) -> String {
    replace_where(text, from, to, |list, n| !after_name(text, text, list, n))
}

/// A headline with the number `from` changed to `to` as in its article's
/// `body`: a headline in title case capitalises every word, so a number
/// after a capitalised word there is a name's number only when the body
/// writes that name with it too ("Boeing 747" stays; "Woman Receives $284
/// Bill" changes with the body's "a bill of $284").
fn replace_number_in_title(title: &str, body: &str, from: &str, to: &str) -> String {
    let body_words: Vec<(usize, &str)> = words(body).collect();
    let named_in_body = |previous: &str| {
        body_words
            .windows(2)
            .enumerate()
            .any(|(k, pair)| pair[0].1 == previous && pair[1].1 == from && after_name(body, body, &body_words, k + 1))
    };
    replace_where(title, from, to, |list, n| {
        !after_name(title, title, list, n) || n.checked_sub(1).is_some_and(|k| !named_in_body(list[k].1))
    })
}

/// Words (or numbers) of each article, and the outlets that write each.
fn outlets_by_word(story: &[Article], keep: impl Fn(&str) -> bool) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut map: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for article in story {
        for (_, word) in words(&article.text) {
            if keep(word) {
                map.entry(word).or_default().insert(outlet(article));
            }
        }
    }
    map
}

/// Stems of the content words around each occurrence of `word`, per
/// article: within `window` words, or the whole sentence when `window` is 0.
fn contexts(story: &[Article], word: &str, window: usize) -> Vec<(usize, BTreeSet<String>)> {
    let english = dossier_text::Analyzer::english();
    let number = word.starts_with(|c: char| c.is_ascii_digit());
    let mut out = Vec::new();
    for (index, article) in story.iter().enumerate() {
        for sentence in dossier_text::sentences(&article.text) {
            let located: Vec<(usize, &str)> = words(sentence).collect();
            let list: Vec<&str> = located.iter().map(|(_, w)| *w).collect();
            for (n, w) in list.iter().enumerate() {
                if *w != word || (number && (after_name(sentence, &article.text, &located, n) || hedged(&list, n))) {
                    continue;
                }
                let (from, to) = if window == 0 {
                    (0, list.len())
                } else {
                    (n.saturating_sub(window), (n + window + 1).min(list.len()))
                };
                let terms = list[from..to]
                    .iter()
                    .filter(|x| {
                        **x != word && !x.chars().next().is_some_and(|c| c.is_ascii_digit()) && !WEEKDAYS.contains(*x)
                    })
                    .filter_map(|x| english.term(x))
                    .collect();
                out.push((index, terms));
            }
        }
    }
    out
}

/// The articles where `word` is stated in a context that an article of
/// another outlet shares (`min_shared` stems in common): the same fact.
fn stated_alike(story: &[Article], word: &str, window: usize, min_shared: usize) -> Vec<usize> {
    let occurrences = contexts(story, word, window);
    let mut out = BTreeSet::new();
    for (a, (i, x)) in occurrences.iter().enumerate() {
        for (j, y) in &occurrences[a + 1..] {
            if outlet(&story[*i]) != outlet(&story[*j]) && x.intersection(y).count() >= min_shared {
                out.insert(*i);
                out.insert(*j);
            }
        }
    }
    out.into_iter().collect()
}

/// Whether every occurrence of a number follows a capitalised word ("Boeing
/// 747", "Pixel 2"): a name, not a quantity.
fn only_in_names(story: &[Article], number: &str) -> bool {
    story.iter().all(|article| {
        let list: Vec<(usize, &str)> = words(&article.text).collect();
        list.iter().enumerate().all(|(n, (_, w))| *w != number || after_name(&article.text, &article.text, &list, n))
    })
}

fn is_plain_number(word: &str) -> bool {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    let Ok(value) = digits.parse::<u64>() else { return false };
    let year = digits.len() == 4 && (1800..=2100).contains(&value);
    (2..=10_000_000).contains(&value) && !year && !digits.starts_with('0')
}

/// Plants one contradiction of `kind` in `story`, or `None` when the story
/// has no candidate for it.
pub fn plant(story: &[Article], kind: &'static str, rng: &mut Rng) -> Option<(Vec<Article>, Plant)> {
    match kind {
        "quantity" => plant_number(story, rng),
        "name" => plant_name(story, rng),
        "date" => plant_weekday(story, rng),
        "attribution" => plant_speaker(story, rng),
        _ => None,
    }
}

fn with_text(story: &[Article], index: usize, text: String) -> Vec<Article> {
    let mut changed = story.to_vec();
    changed[index].text = text;
    changed
}

/// `story` with `edit` applied to the text and the title of article
/// `index`: a change made throughout the article, headline included, so
/// that the article does not contradict itself.
fn edited(story: &[Article], index: usize, edit: impl Fn(&str) -> String) -> Vec<Article> {
    let mut changed = story.to_vec();
    changed[index].text = edit(&changed[index].text);
    changed[index].title = changed[index].title.as_deref().map(edit);
    changed
}

fn plant_number(story: &[Article], rng: &mut Rng) -> Option<(Vec<Article>, Plant)> {
    let shared: Vec<&str> = outlets_by_word(story, is_plain_number)
        .into_iter()
        .filter(|(w, o)| o.len() >= 2 && !only_in_names(story, w))
        .map(|(w, _)| w)
        .collect();
    let shared: Vec<(&str, Vec<usize>)> =
        shared.into_iter().map(|w| (w, stated_alike(story, w, 2, 1))).filter(|(_, a)| !a.is_empty()).collect();
    let (original, holders) = rng.pick(&shared)?;
    let original = *original;
    let index = *rng.pick(holders)?;
    let value: u64 = original.replace(',', "").parse().ok()?;
    let spread = (value * 3 / 10).max(1);
    let delta = 1 + rng.below(spread as usize) as u64;
    let new = if rng.below(2) == 0 || value <= delta { value + delta } else { value - delta };
    let planted = if original.contains(',') { with_commas(new) } else { new.to_string() };
    let needle = dossier_extract::format_number(new as f64);
    let mut changed = story.to_vec();
    let article = &mut changed[index];
    article.title = article.title.as_deref().map(|t| replace_number_in_title(t, &article.text, original, &planted));
    article.text = replace_number(&article.text, original, &planted);
    Some((
        changed,
        Plant {
            kind: "quantity",
            article: story[index].id.to_string(),
            original: original.to_owned(),
            planted,
            needle,
        },
    ))
}

fn with_commas(value: u64) -> String {
    dossier_extract::format_number(value as f64).replace(" million", "000000")
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_uppercase())
        && word.chars().count() >= 2
        && chars.all(|c| c.is_lowercase())
        && !WEEKDAYS.contains(&word)
}

fn plant_name(story: &[Article], rng: &mut Rng) -> Option<(Vec<Article>, Plant)> {
    // Two-word names and the outlets that write them.
    let mut pairs: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    let mut alone: BTreeSet<&str> = BTreeSet::new();
    // Words that name someone speaking or addressed as a person: "Okonjo
    // said", "Mr. Okonjo".
    let mut people: BTreeSet<&str> = BTreeSet::new();
    let lowercase: BTreeSet<String> = story
        .iter()
        .flat_map(|a| words(&a.text).map(|(_, w)| w).filter(|w| w.starts_with(char::is_lowercase)).collect::<Vec<_>>())
        .map(str::to_owned)
        .collect();
    for article in story {
        let list: Vec<(usize, &str)> = words(&article.text).collect();
        for (n, (start, word)) in list.iter().enumerate() {
            let previous_is_name =
                n > 0 && is_name_word(list[n - 1].1) && list[n - 1].0 + list[n - 1].1.len() + 1 == *start;
            if let Some((next_start, next)) = list.get(n + 1) {
                let adjacent = start + word.len() + 1 == *next_start;
                if adjacent && is_name_word(word) && is_name_word(next) && !previous_is_name {
                    pairs.entry((word.to_string(), next.to_string())).or_default().insert(outlet(article));
                }
            }
            let next_is_name = list.get(n + 1).is_some_and(|(s, w)| start + word.len() + 1 == *s && is_name_word(w));
            if is_name_word(word) && !previous_is_name && !next_is_name {
                alone.insert(word);
            }
            let speaks = list.get(n + 1).is_some_and(|(_, w)| ["said", "says", "told", "added"].contains(w));
            let addressed = n > 0 && ["Mr", "Ms", "Mrs", "Dr"].contains(&list[n - 1].1);
            if is_name_word(word) && (speaks || addressed) {
                people.insert(word);
            }
        }
    }
    let candidates: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|((_, last), outlets)| {
            let common_noun = lowercase.contains(last.to_lowercase().as_str());
            outlets.len() >= 2
                && last.chars().count() >= 4
                && alone.contains(last.as_str())
                && people.contains(last.as_str())
                && !common_noun
        })
        .map(|(pair, _)| pair)
        .collect();
    let (first, last) = rng.pick(&candidates)?.clone();
    let target = if first.chars().count() >= 5 && rng.below(3) == 0 { first.clone() } else { last.clone() };
    let full = format!("{first} {last}");
    let holders: Vec<usize> = (0..story.len()).filter(|&i| story[i].text.contains(&full)).collect();
    let index = *rng.pick(&holders)?;
    let misspelt = misspell(&target, rng);
    Some((
        edited(story, index, |text| replace_word(text, &target, &misspelt)),
        Plant {
            kind: "name",
            article: story[index].id.to_string(),
            original: target,
            planted: misspelt.clone(),
            needle: misspelt,
        },
    ))
}

/// Whether two names of a story are one person's: the same surname, an
/// honorific aside ("Mr. McNamee", "Roger McNamee"), or one inside the other.
fn same_person(a: &str, b: &str) -> bool {
    let surname = |name: &str| name.rsplit([' ', '.']).next().unwrap_or(name).to_lowercase();
    a.contains(b) || b.contains(a) || surname(a) == surname(b)
}

/// Words of an attribution after a quote that ended its own sentence:
/// `."` then "Thurman told The New York Times" attributes, "Wendt says
/// women should feel safe everywhere" is a sentence of its own.
const SHORT_ATTRIBUTION_WORDS: usize = 6;

/// The start of `tail` (the text after a quote) up to the end of the
/// sentence that attributes the quote: its closing marks and the words
/// after them, to the first line break or full stop that is not an
/// honorific's or an initial's. After a quote that ended its sentence
/// (`ended`, or a full stop, "?" or "!" before the closing mark), only a
/// short clause with no "that" and no colon attributes it, and never one
/// that opens another quote (`?” “Yes,” Dorsey said`); none is then the
/// empty start.
fn attribution(tail: &str, ended: bool) -> &str {
    let clause = sentence_start(tail);
    let lead = clause.find(char::is_alphanumeric).unwrap_or(clause.len());
    // A mark after a space opens the next quote.
    let spaced = clause[..lead].trim_start_matches(|c: char| !c.is_whitespace());
    if spaced.contains(['"', '“', '‘', '\'']) {
        return &clause[..0];
    }
    let ended = ended || clause[..lead].contains(['.', '!', '?']);
    let words: Vec<&str> = clause[lead..].split_whitespace().collect();
    let reports_more = words.len() > SHORT_ATTRIBUTION_WORDS || words.contains(&"that") || clause.contains(':');
    if ended && reports_more {
        &clause[..0]
    } else {
        clause
    }
}

/// The start of `tail` up to the end of its sentence, see [`attribution`].
fn sentence_start(tail: &str) -> &str {
    let mut seen_word = false;
    for (i, c) in tail.char_indices() {
        if c.is_alphabetic() {
            seen_word = true;
        }
        // A line break ends the paragraph, and the attribution with it.
        if c == '\n' {
            return &tail[..i];
        }
        if !matches!(c, '.' | '!' | '?') || !seen_word {
            continue;
        }
        let word = tail[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let abbreviation = ["Mr", "Ms", "Mrs", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Prof"]
            .contains(&word)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
        if c != '.' || !abbreviation {
            return &tail[..i];
        }
    }
    tail
}

/// One letter changed, dropped, doubled or swapped with its neighbour,
/// never the first letter.
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let at = 1 + rng.below(chars.len() - 1);
    match rng.below(4) {
        0 => {
            let old = chars[at];
            let mut new = old;
            while new == old {
                new = (b'a' + rng.below(26) as u8) as char;
            }
            chars[at] = new;
        }
        1 if chars.len() > 4 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ if at + 1 < chars.len() && chars[at] != chars[at + 1] => chars.swap(at, at + 1),
        _ => chars.insert(at, chars[at]),
    }
    chars.into_iter().collect()
}

fn plant_weekday(story: &[Article], rng: &mut Rng) -> Option<(Vec<Article>, Plant)> {
    let shared: Vec<&str> = outlets_by_word(story, |w| WEEKDAYS.contains(&w))
        .into_iter()
        .filter(|(_, o)| o.len() >= 2)
        .map(|(w, _)| w)
        .collect();
    let shared: Vec<(&str, Vec<usize>)> =
        shared.into_iter().map(|w| (w, stated_alike(story, w, 0, 2))).filter(|(_, a)| !a.is_empty()).collect();
    let (original, holders) = rng.pick(&shared)?;
    let original = *original;
    let index = *rng.pick(holders)?;
    let from = WEEKDAYS.iter().position(|d| *d == original)?;
    let shift = [1, 2, 5, 6][rng.below(4)];
    let planted = WEEKDAYS[(from + shift) % 7];
    Some((
        edited(story, index, |text| replace_word(text, original, planted)),
        Plant {
            kind: "date",
            article: story[index].id.to_string(),
            original: original.to_owned(),
            planted: planted.to_owned(),
            needle: planted.to_owned(),
        },
    ))
}

fn plant_speaker(story: &[Article], rng: &mut Rng) -> Option<(Vec<Article>, Plant)> {
    let facts: Vec<dossier_extract::Facts> = story.iter().map(dossier_extract::extract).collect();
    let people: BTreeSet<String> = facts
        .iter()
        .flat_map(|f| f.entities.iter())
        .filter(|e| e.kind == dossier_extract::EntityKind::Person && e.name.contains(' '))
        .map(|e| e.name.clone())
        .collect();
    // Content words: "the", "and" and "of" shared make no two quotes one
    // ("threaten the security and peace of the Korean peninsula").
    // Each article's quotes, each read once.
    let words: Vec<Vec<BTreeSet<String>>> =
        facts.iter().map(|f| f.quotes.iter().map(|q| ENGLISH.terms(&q.text).into_iter().collect()).collect()).collect();
    // Quotes with a named speaker that another outlet also carries.
    let mut candidates = Vec::new();
    for (a, article_facts) in facts.iter().enumerate() {
        for (quote, mine) in article_facts.quotes.iter().zip(&words[a]) {
            let Some(speaker) = &quote.speaker else { continue };
            if mine.len() < 4 {
                continue;
            }
            let shared = words.iter().enumerate().any(|(b, theirs)| {
                outlet(&story[b]) != outlet(&story[a])
                    && theirs.iter().any(|theirs| {
                        let common = mine.intersection(theirs).count();
                        common >= 4 && common * 10 >= 7 * mine.len().min(theirs.len())
                    })
            });
            let others: Vec<&String> = people.iter().filter(|p| !same_person(p, speaker)).collect();
            if shared && !others.is_empty() {
                candidates.push((a, quote.text.clone(), speaker.clone()));
            }
        }
    }
    let (index, quote, speaker) = rng.pick(&candidates)?.clone();
    let others: Vec<&String> = people.iter().filter(|p| !same_person(p, &speaker)).collect();
    let replacement = (*rng.pick(&others)?).clone();
    // The speaker's name as written right after the quote, in the clause
    // that attributes it (not in the next sentence).
    let text = &story[index].text;
    let tail_words: Vec<&str> = quote.split_whitespace().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
    let end = text.find(&tail_words.join(" "))? + tail_words.join(" ").len();
    let window_end = (end + 120).min(text.len());
    let window_end = (end..=window_end).rev().find(|&i| text.is_char_boundary(i))?;
    let window = attribution(&text[end..window_end], quote.ends_with(['.', '!', '?']));
    let surname = speaker.rsplit(' ').next()?;
    let written = if window.contains(speaker.as_str()) { speaker.as_str() } else { surname };
    let at = window.find(written)?;
    let mut changed = String::with_capacity(text.len());
    changed.push_str(&text[..end + at]);
    changed.push_str(&replacement);
    changed.push_str(&text[end + at + written.len()..]);
    let needle = replacement.rsplit(' ').next().unwrap_or(&replacement).to_owned();
    Some((
        with_text(story, index, changed),
        Plant {
            kind: "attribution",
            article: story[index].id.to_string(),
            original: speaker,
            planted: replacement,
            needle,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    #[test]
    fn numbers_joined_by_separators_are_one_word() {
        let list: Vec<&str> =
            words("At 4:10 a.m. the 3.5 mm jack, 24/7, won 13-2 with PAC-3 and 1,200 fans.").map(|(_, w)| w).collect();
        for whole in ["4:10", "3.5", "24/7", "13-2", "PAC-3", "1,200"] {
            assert!(list.contains(&whole), "{whole} in {list:?}");
        }
        assert!(!list.contains(&"4") && !list.contains(&"5") && !list.contains(&"7"), "{list:?}");
    }

    #[test]
    fn a_number_after_a_name_is_not_changed() {
        let cases = [
            (
                "Apollo 11 flew on Feb. 11. About 11 people watched, and 11 more came.",
                ("11", "12"),
                "Apollo 11 flew on Feb. 11. About 12 people watched, and 12 more came.",
            ),
            (
                "The PlayStation 4 and Chang'e 4 met Ann's 4 dogs.",
                ("4", "5"),
                "The PlayStation 4 and Chang'e 4 met Ann's 5 dogs.",
            ),
            // An age in apposition is the person's, not part of a name.
            (
                "The comedian, 47, spoke. Sarah Silverman, 47, left.",
                ("47", "48"),
                "The comedian, 48, spoke. Sarah Silverman, 48, left.",
            ),
            // A field's value in a fact box is the number the text gives
            // too: left alone, the article would contradict itself.
            (
                "All 27 engines fire. FALCON HEAVY Stages: 2 Engines: 27",
                ("27", "30"),
                "All 30 engines fire. FALCON HEAVY Stages: 2 Engines: 30",
            ),
        ];
        for (text, (from, to), expected) in cases {
            assert_eq!(replace_number(text, from, to), expected);
        }
    }

    #[test]
    fn a_title_case_headline_changes_with_its_body() {
        let body = "Ilse Brandt was sent a bill of $284 by the harbour office. Her Boeing 747 model cost $284 too.";
        // Capitals are the headline's style: its number is the body's.
        assert_eq!(
            replace_number_in_title("Harbour Woman Receives $284 Bill", body, "284", "300"),
            "Harbour Woman Receives $300 Bill"
        );
        // A name the body writes with its number stays a name.
        assert_eq!(
            replace_number_in_title("Boeing 747 Model Costs $284", body, "747", "750"),
            "Boeing 747 Model Costs $284"
        );
    }

    #[test]
    fn the_speaker_is_changed_only_in_the_attribution() {
        assert_eq!(
            attribution(",” said Mr. Ian Dorsey, the chief. Dorsey left.", false),
            ",” said Mr. Ian Dorsey, the chief"
        );
        assert_eq!(attribution(".\" Dorsey said. Dorsey left.", false), ".\" Dorsey said");
        assert_eq!(attribution("” Dorsey told The Harbour Gazette.", true), "” Dorsey told The Harbour Gazette");
        // A quote that closes its paragraph has no attribution after it.
        assert_eq!(attribution("”\nChief Dorsey announced the plan", false), "”");
        // Nor has one that closes its sentence, when what follows reports
        // more.
        assert_eq!(attribution(".” Dorsey said that the harbour would close.", false), "");
        assert_eq!(attribution("” Dorsey says boats should stay in port all week.", true), "");
        // Nor one that another quote answers.
        assert_eq!(attribution("?” “Yes,” Dorsey said.", false), "");
        assert!(same_person("Mr. McNamee", "Roger McNamee"));
        assert!(!same_person("Wendy Marsh", "Ian Dorsey"));
    }

    #[test]
    fn a_quote_is_carried_by_another_outlet_only_in_content_words() {
        // Stop words in common make no two quotes one.
        let apart = [
            article("a", "a.example", "“It was all that we had of them in the end,” Wendy Marsh said."),
            article("b", "b.example", "“It was all that we could do for them at the pier,” said Ian Dorsey."),
        ];
        for seed in 0..20 {
            assert_eq!(plant(&apart, "attribution", &mut Rng::new(seed)), None);
        }
        let carried = [
            article("a", "a.example", "“The storm wrecked every boat moored along the old pier,” Wendy Marsh said."),
            article(
                "b",
                "b.example",
                "“The storm wrecked every boat moored along the pier,” said Wendy Marsh. Ian Dorsey left.",
            ),
        ];
        let (_, planted) = plant(&carried, "attribution", &mut Rng::new(1)).expect("a quote both outlets carry");
        assert_eq!((planted.original.as_str(), planted.planted.as_str()), ("Wendy Marsh", "Ian Dorsey"));
    }

    #[test]
    fn a_hedged_number_states_no_value_to_contradict() {
        let hedged = [
            article("a", "a.example", "More than 40 people were wounded in the blast."),
            article("b", "b.example", "The blast wounded more than 40 people."),
            article("c", "c.example", "Up to 40 people were wounded in the blast."),
        ];
        for seed in 0..20 {
            assert_eq!(plant(&hedged, "quantity", &mut Rng::new(seed)), None);
        }
        let plain = [
            article("a", "a.example", "More than 40 people were wounded in the blast."),
            article("b", "b.example", "The blast wounded 40 people."),
            article("c", "c.example", "Officials said 40 people were wounded."),
        ];
        let (changed, planted) = plant(&plain, "quantity", &mut Rng::new(3)).expect("a plain 40 to change");
        assert!(["b", "c"].contains(&planted.article.as_str()), "{planted:?}");
        assert!(changed.iter().any(|a| !a.text.contains("40")), "{changed:?}");
    }
}
