//! The story's timeline: event sentences of all sources, the same step
//! told by several outlets merged into one entry, in order of day, time of
//! day and place in the telling.
//!
//! Two event sentences are one step when their salient terms overlap by a
//! Jaccard index of 0.3 or more and they do not disagree: not on the day it
//! happened, nor on a figure of one subject ("injuring 12 people" and
//! "fifteen people were injured" are two steps, each listed with its own
//! sources, so a step does not credit an outlet with a figure of a subject
//! it gave otherwise). Nor does a step take an outlet that gives the
//! step's subject only otherwise anywhere in its article ("the river burst
//! its banks" from the outlet that counts 15 injured is no telling of "12
//! injured as the river burst its banks"), nor one that names another clock
//! time (11:40 p.m. is no telling of 11:04 p.m.). A toll that rose over updates
//! is a step per update. Candidates come from an index over terms.
//! The timeline keeps at most twelve steps, preferring those more outlets
//! tell and those with a day or a time.

use crate::dates::day_text;
use crate::quantities::{rounding, unit_key};
use crate::similar::{jaccard, terms};
use crate::{Story, TimelineEntry};
use chrono::NaiveDate;
use dossier_extract::{Quantity, Unit};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

const SAME_STEP: f32 = 0.3;
/// Tellings that name the same clock time ("at about 7:42 a.m.") tell one
/// moment with fewer words in common.
const SAME_TIME_STEP: f32 = 0.15;
const MAX_STEPS: usize = 12;
const MAX_POSTINGS: usize = 64;

struct Step<'a> {
    terms: HashSet<String>,
    /// The distinct figures its tellings give, and the days they tell it
    /// happened on (not days of a statement: "police said on Wednesday
    /// the tram derailed on Tuesday" is a telling of Tuesday).
    figures: Vec<Figure<'a>>,
    /// The distinct figures its articles give anywhere.
    given: Vec<Figure<'a>>,
    days: Vec<NaiveDate>,
    what: String,
    /// Whether its first telling denies what it tells ([`negated`]).
    negated: bool,
    articles: BTreeSet<usize>,
    day: Option<NaiveDate>,
    time: Option<String>,
    /// Sum of relative positions (0 = first sentence, 1 = last).
    position: f32,
    told: usize,
}

/// A figure a telling gives, with what it is a figure of: its unit and
/// its subject (the extractor's key, or the words as written where the key
/// leaves a subject too common to compare across a story, "passengers").
/// Its unit and subject are shared strings: a step copies the figures of
/// every article that tells it, and copies only pointers.
#[derive(Clone)]
struct Figure<'a> {
    quantity: &'a Quantity,
    unit: Rc<str>,
    subject: Rc<str>,
}

impl<'a> Figure<'a> {
    /// The figure a quantity gives, when it names what it is of.
    fn of(quantity: &'a Quantity) -> Option<Self> {
        let subject = match quantity.subject_key.as_str() {
            "" => quantity.subject.to_lowercase(),
            key => key.to_owned(),
        };
        (!subject.is_empty()).then(|| Figure {
            quantity,
            unit: unit_key(&quantity.unit).into(),
            subject: subject.into(),
        })
    }

    fn same_subject(&self, other: &Figure<'_>) -> bool {
        self.subject == other.subject && self.unit == other.unit
    }

    fn same(&self, other: &Figure<'_>) -> bool {
        self.same_subject(other) && same_value(self.quantity, other.quantity)
    }
}

/// Adds the figures not in `known` yet: each distinct figure once, so a
/// step that thousands of alike reports tell holds a few, not thousands.
fn add_distinct<'a>(known: &mut Vec<Figure<'a>>, figures: impl IntoIterator<Item = Figure<'a>>) {
    for figure in figures {
        if !known.iter().any(|k| k.same(&figure)) {
            known.push(figure);
        }
    }
}

/// Whether two figures give one value (within rounding) the same way: a
/// step credits an outlet only with the figures it gives, so "at least 60
/// killed" and "84 killed", which can both be true, are two tellings, and
/// so are "at least 10" and "10".
fn same_value(a: &Quantity, b: &Quantity) -> bool {
    let share = rounding(&a.unit).min(rounding(&b.unit));
    a.qualifier == b.qualifier && (a.value - b.value).abs() <= share * a.value.abs().max(b.value.abs()) + 1e-9
}

/// Whether `a` and `b` give a subject in common only in other values.
fn only_otherwise(a: &[Figure<'_>], b: &[Figure<'_>]) -> bool {
    a.iter().any(|x| {
        let mut same = b.iter().filter(|y| y.same_subject(x)).peekable();
        same.peek().is_some()
            && same.all(|y| !a.iter().filter(|z| z.same_subject(x)).any(|z| same_value(z.quantity, y.quantity)))
    })
}

/// Whether a sentence denies what it tells ("did not make any immediate
/// claim", "never reached the harbour", "denied"): it is never one step
/// with a sentence that does not. "No one was killed" tells a figure, not
/// a denial, and "No. 3" a number.
fn negated(sentence: &str) -> bool {
    const NEGATIONS: &[&str] = &["not", "never", "denied", "denies", "deny"];
    sentence.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').any(|word| {
        let word = word.to_lowercase();
        NEGATIONS.contains(&word.as_str()) || word.ends_with("n't") || word.ends_with("n’t")
    })
}

/// The timeline.
pub(crate) fn build(story: &Story<'_>) -> Vec<TimelineEntry> {
    let mut steps: Vec<Step> = Vec::new();
    let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
    for (article, source) in story.sources.iter().enumerate() {
        let count = source.facts.sentences.len().max(1) as f32;
        // The article's figures, read once: each telling's are those of its
        // sentence, and the distinct ones are what the article gives.
        let all: Vec<Figure<'_>> = source.facts.quantities.iter().filter_map(Figure::of).collect();
        let mut given = Vec::new();
        add_distinct(&mut given, all.iter().cloned());
        // A sentence an article repeats (a caption under two pictures) is
        // told once.
        let mut told: HashSet<&str> = HashSet::new();
        for event in &source.facts.events {
            let sentence = &source.facts.sentences[event.sentence];
            if !told.insert(sentence.as_str()) {
                continue;
            }
            let event_terms = terms(sentence);
            let event_clock = clock_minutes(&event.time);
            let denies = negated(sentence);
            let figures: Vec<Figure<'_>> =
                all.iter().filter(|f| f.quantity.sentence == event.sentence).cloned().collect();
            let mut days: Vec<NaiveDate> = source
                .facts
                .dates
                .iter()
                .filter(|d| d.sentence == event.sentence && !d.statement && !d.future)
                .map(|d| d.day)
                .collect();
            days.dedup();
            let mut candidates: Vec<usize> = event_terms
                .iter()
                .filter_map(|t| postings.get(t))
                .filter(|l| l.len() <= MAX_POSTINGS)
                .flatten()
                .copied()
                .collect();
            // A telling of a result is compared with the steps that give it,
            // whatever words they share (scores are few).
            if figures.iter().any(|f| f.quantity.unit == Unit::Score) {
                candidates.extend((0..steps.len()).filter(|&s| same_result(&steps[s].figures, &figures)));
            }
            candidates.sort_unstable();
            candidates.dedup();
            let best = candidates
                .into_iter()
                .filter(|&s| !steps[s].articles.contains(&article) && steps[s].negated == denies)
                .map(|s| (s, jaccard(&steps[s].terms, &event_terms)))
                .filter(|&(s, score)| {
                    score >= SAME_STEP
                        || (score >= SAME_TIME_STEP && same_clock_time(clock_minutes(&steps[s].time), event_clock))
                        || same_result(&steps[s].figures, &figures)
                })
                .filter(|&(s, _)| !disagree(&steps[s], &days, &figures, &given))
                .filter(|&(s, _)| !other_clock_time(clock_minutes(&steps[s].time), event_clock))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let position = event.sentence as f32 / count;
            match best {
                Some((s, _)) => {
                    let step = &mut steps[s];
                    step.articles.insert(article);
                    step.day = step.day.or(event.day);
                    step.time = step.time.take().or_else(|| event.time.clone());
                    step.position += position;
                    step.told += 1;
                    // Each distinct figure and day once.
                    add_distinct(&mut step.figures, figures);
                    add_distinct(&mut step.given, given.iter().cloned());
                    for day in days {
                        if !step.days.contains(&day) {
                            step.days.push(day);
                        }
                    }
                    if sentence.len() < step.what.len() && sentence.len() > 40 {
                        step.what = sentence.clone();
                    }
                }
                None => {
                    for term in &event_terms {
                        postings.entry(term.clone()).or_default().push(steps.len());
                    }
                    steps.push(Step {
                        terms: event_terms,
                        figures,
                        given: given.clone(),
                        days,
                        what: sentence.clone(),
                        negated: denies,
                        articles: [article].into(),
                        day: event.day,
                        time: event.time.clone(),
                        position,
                        told: 1,
                    });
                }
            }
        }
    }
    // Keep the best-attested steps, then tell them in order.
    // Within equal standing, take the sources in turn: every account
    // contributes its steps.
    let mut turn = vec![0usize; steps.len()];
    let mut told_by: HashMap<usize, usize> = HashMap::new();
    for (s, step) in steps.iter().enumerate() {
        let first = *step.articles.iter().next().unwrap_or(&0);
        let count = told_by.entry(first).or_default();
        turn[s] = *count;
        *count += 1;
    }
    let mut ranked: Vec<usize> = (0..steps.len()).collect();
    ranked.sort_by_key(|&s| {
        let step = &steps[s];
        (std::cmp::Reverse(story.outlets(&step.articles)), step.day.is_none() && step.time.is_none(), turn[s], s)
    });
    ranked.truncate(MAX_STEPS);
    let story_day = crate::dates::event_date(story);
    let day = |s: &Step| s.day.or(story_day);
    ranked.sort_by(|&a, &b| {
        let (x, y) = (&steps[a], &steps[b]);
        day(x).cmp(&day(y)).then((x.position / x.told as f32).total_cmp(&(y.position / y.told as f32)))
    });
    // Within a day, the steps that name a time of day take their places in
    // the order of their times; the others keep theirs.
    for run in ranked.chunk_by_mut(|&a, &b| day(&steps[a]) == day(&steps[b])) {
        let slots: Vec<usize> = (0..run.len()).filter(|&i| minutes(&steps[run[i]].time).is_some()).collect();
        let mut timed: Vec<usize> = slots.iter().map(|&i| run[i]).collect();
        timed.sort_by_key(|&s| minutes(&steps[s].time));
        for (slot, step) in slots.into_iter().zip(timed) {
            run[slot] = step;
        }
    }
    ranked
        .into_iter()
        .map(|s| {
            let step = &steps[s];
            let when = match (step.day, &step.time) {
                (Some(day), Some(time)) => Some(format!("{} {time}", day_text(day))),
                (Some(day), None) => Some(day_text(day)),
                // A clock time alone says when; "afternoon" alone does not.
                (None, Some(time)) if is_clock(time) => Some(time.clone()),
                (None, Some(_)) => None,
                (None, None) => None,
            };
            TimelineEntry { when, what: step.what.clone(), sources: story.ids(&step.articles) }
        })
        .collect()
}

/// Whether two tellings give one result, a score or a tally of one
/// subject ("passed 9-2", "councillors voted 9-2"): one step, whatever
/// other words they share.
fn same_result(a: &[Figure<'_>], b: &[Figure<'_>]) -> bool {
    a.iter().any(|x| x.quantity.unit == Unit::Score && b.iter().any(|y| y.same(x)))
}

/// Whether two tellings name one clock time ("7:42 a.m.", "7:42 am"); a
/// part of the day ("evening") is too wide to tell one moment.
/// Both in [`clock_minutes`].
fn same_clock_time(a: Option<u32>, b: Option<u32>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x == y)
}

/// Whether two tellings name two different clock times ("11:40 p.m." and
/// "11:04 p.m.", not "5 p.m." and "5:00 p.m."): two moments, or two
/// outlets that disagree, and no step credits an outlet with a time it did
/// not give.
fn other_clock_time(a: Option<u32>, b: Option<u32>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

/// Minutes after midnight of a clock time; none for a part of the day.
fn clock_minutes(time: &Option<String>) -> Option<u32> {
    if time.as_deref().is_some_and(is_clock) {
        minutes(time)
    } else {
        None
    }
}

/// Whether a time of day is a clock time ("7:42 a.m."), not a part of the
/// day ("evening").
fn is_clock(time: &str) -> bool {
    time.contains(|c: char| c.is_ascii_digit())
}

/// Minutes after midnight of a time of day as the extractor gives it ("7:42
/// a.m.", "5 p.m.", "evening"), for ordering a day's steps.
fn minutes(time: &Option<String>) -> Option<u32> {
    let time = time.as_deref()?.to_ascii_lowercase().replace('.', "");
    let part = match time.as_str() {
        "morning" => Some(9 * 60),
        "afternoon" => Some(15 * 60),
        "evening" => Some(19 * 60),
        "night" => Some(22 * 60),
        _ => None,
    };
    if part.is_some() {
        return part;
    }
    let (clock, meridiem) = time.split_once(' ')?;
    let (hours, mins) = clock.split_once(':').unwrap_or((clock, "0"));
    let (hours, mins): (u32, u32) = (hours.parse().ok()?, mins.parse().ok()?);
    if !(1..=12).contains(&hours) || mins >= 60 {
        return None;
    }
    let hours = match meridiem {
        "am" => hours % 12,
        "pm" => hours % 12 + 12,
        _ => return None,
    };
    Some(hours * 60 + mins)
}

/// Whether a telling of `days` giving `figures`, from an article that gives
/// `given` anywhere, tells `step` otherwise: on none of its days, or with a
/// figure of a subject the step gives at another value or told another way
/// ([`same_value`]: "at least 10", 12 and 10 are three steps); or where the
/// article gives a subject of the step's figures only otherwise, or the
/// step's articles a subject of the telling's.
fn disagree(step: &Step<'_>, days: &[NaiveDate], figures: &[Figure<'_>], given: &[Figure<'_>]) -> bool {
    if !step.days.is_empty() && !days.is_empty() && !days.iter().any(|d| step.days.contains(d)) {
        return true;
    }
    figures.iter().any(|f| step.figures.iter().any(|k| k.same_subject(f) && !same_value(k.quantity, f.quantity)))
        || only_otherwise(&step.figures, given)
        || only_otherwise(figures, &step.given)
}
