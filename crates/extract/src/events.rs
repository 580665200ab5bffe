//! Event sentences: what a timeline is made of.
//!
//! An event sentence reports something happening: it is not a quote, has
//! between 6 and 60 words, names someone, something or a number, and has a
//! verb of action (past tense, or the narrative present news uses for
//! sequences). Sentences that only report speech ("X said ...") are not
//! events. Each carries the day and time of day it names, if any.

use crate::tokens::Token;
use crate::{DateMention, Entity, Event, Quantity};

/// Irregular past forms and narrative-present verbs of action.
const ACTION_VERBS: &[&str] = &[
    "arrives",
    "beat",
    "began",
    "begins",
    "broke",
    "brought",
    "came",
    "caught",
    "climbs",
    "collapsed",
    "drives",
    "drove",
    "dropped",
    "fell",
    "fled",
    "flew",
    "flies",
    "fought",
    "gave",
    "grabs",
    "hands",
    "hit",
    "hits",
    "jumps",
    "killed",
    "led",
    "leads",
    "left",
    "lost",
    "makes",
    "met",
    "ran",
    "rides",
    "rode",
    "rose",
    "runs",
    "sank",
    "sent",
    "set",
    "shot",
    "skate",
    "slid",
    "sold",
    "spent",
    "struck",
    "swam",
    "takes",
    "threw",
    "took",
    "waves",
    "went",
    "won",
    "wore",
];
/// Words ending in "ed" that are not actions.
const NOT_ACTIONS: &[&str] = &[
    "added",
    "advanced",
    "alleged",
    "based",
    "called",
    "concerned",
    "expected",
    "founded",
    "indeed",
    "interested",
    "known",
    "named",
    "need",
    "related",
    "reported",
    "seated",
    "used",
];
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 60;

fn is_action(token: &Token<'_>) -> bool {
    if !token.is_word() || token.is_capitalized() {
        return false;
    }
    let word = token.text;
    (word.len() >= 5 && word.ends_with("ed") && !NOT_ACTIONS.contains(&word)) || ACTION_VERBS.contains(&word)
}

/// The time of day a sentence names: a clock time ("7:42 a.m."), else the
/// part of a weekday ("Tuesday evening").
fn time_of_day(tokens: &[Token<'_>]) -> Option<String> {
    let clock = tokens.windows(2).find_map(|pair| {
        let meridiem = pair[1].text.to_ascii_lowercase();
        let is_meridiem = matches!(meridiem.as_str(), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m");
        (pair[0].is_number() && is_meridiem).then(|| format!("{} {}", pair[0].text, meridiem))
    });
    clock.or_else(|| {
        tokens.windows(2).find_map(|pair| {
            let part = pair[1].text.to_ascii_lowercase();
            let is_part = matches!(part.as_str(), "morning" | "afternoon" | "evening" | "night");
            (crate::dates::is_weekday(pair[0].text) && is_part).then_some(part)
        })
    })
}

pub(crate) fn extract(
    sentences: &[String],
    tokenized: &[Vec<Token<'_>>],
    entities: &[Entity],
    quantities: &[Quantity],
    dates: &[DateMention],
) -> Vec<Event> {
    let mut out = Vec::new();
    for (index, tokens) in tokenized.iter().enumerate() {
        let words = tokens.iter().filter(|t| t.is_word() || t.is_number()).count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
            continue;
        }
        let sentence = &sentences[index];
        if sentence.contains(['"', '“', '”']) || sentence.ends_with('?') {
            continue;
        }
        let named = entities.iter().any(|e| e.sentence == index)
            || quantities.iter().any(|q| q.sentence == index)
            || dates.iter().any(|d| d.sentence == index);
        if !named || !tokens.iter().any(is_action) {
            continue;
        }
        let day = dates.iter().find(|d| d.sentence == index && !d.future).map(|d| d.day);
        out.push(Event { sentence: index, day, time: time_of_day(tokens) });
    }
    out
}
