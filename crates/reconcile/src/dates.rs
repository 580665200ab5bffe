//! Days across sources: the days each outlet names, the story's event
//! date, and one event said to happen on different days.
//!
//! Two date mentions are about the same event when the days are at most
//! six apart, both are past or both are to come, both date the event or
//! both date a statement about it ("investigators said Monday that the
//! plane crashed" dates no crash), and their sentences share at least five
//! salient terms and 60% of the smaller sentence's terms (weekday and
//! month names aside). Three terms and half suffice when neither article
//! names the other's day anywhere ("today", the day of writing, names no
//! event's day) and the two do not write the same weekday: an outlet that
//! never names the day the others give is telling it otherwise. Seven
//! terms and half suffice whatever else the articles date (the same fall
//! into a well, in one province, told by two outlets), and so do four terms
//! and 30% when two pairs of words stand side by side in both sentences
//! ("signed the order to launch"; pairs of two capitalised words, a name
//! the whole story shares, pairs with a verb of saying, "officials said",
//! and words of time and age aside), "today" aside; and five terms and 30%
//! when both days are to come (one plan: "is scheduled to testify on
//! Tuesday" / "will testify ... starting Thursday"); and three terms when
//! both sentences give the same time to the minute ("the ferry left the
//! quay at 11:40 p.m.", not "11:40 a.m."), the two weekdays written. On real stories,
//! looser matching mostly pairs different events. An article that names
//! both days in such sentences, each dating the same kind of thing (both
//! the event, or both a statement; both past or both to come), takes no
//! side, unless two sentences of its lead tell the event on the two days
//! in near-identical words (seven shared terms, 60%): then it contradicts
//! itself, and stands on both sides. Candidates come from an index over
//! terms (a term in more than 64 mentions is no key), so the cost follows
//! the number of mentions, not its square.
//!
//! Four more checks: an outlet whose lead dates the event on another day
//! than most outlets' leads (three shared terms suffice there, since leads
//! tell the main event; where no day has two outlets' leads, two leads
//! against each other, with three terms and 30% of the smaller one's
//! shared and neither article naming the other's day); two outlets whose
//! articles each name one day only, for anything, and different days (an
//! article that dates nothing else dates its event: two shared terms
//! suffice, both dating the event or both a statement); a past statement
//! about the event dated before the day most outlets' leads give it (see
//! `early_statements`); and a date written
//! with a weekday that is not its own ("Thursday, 5 March 2024", a
//! Tuesday) against another outlet's mention of that date. A sentence
//! anywhere that tells the day "the accident happened" (a generic noun of
//! the event, a verb of happening, then the day) counts as its article's
//! lead, with one shared term; an article that also calls the accident by
//! the story's day in another sentence ("Wednesday's crash") contradicts
//! itself and stands on both sides; an outlet of the story's day that names
//! the accident's other day for another event ("released from hospital on
//! Wednesday") still stands against it.

use crate::similar::{overlap, phrases, shared_subject, terms};
use crate::{Conflict, ConflictKind, Status, Story, StoryFacts, Version};
use chrono::{Datelike, NaiveDate, Weekday};
use dossier_extract::{Called, Token};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const MIN_SHARED: usize = 5;
const MIN_OVERLAP: f32 = 0.6;
/// Shared terms and share when neither article names the other's day.
const LOOSE_SHARED: usize = 3;
const LOOSE_OVERLAP: f32 = 0.5;
/// Shared terms that, with [`LOOSE_OVERLAP`], tell one event whatever
/// else the two articles date.
const DETAILED_SHARED: usize = 7;
/// Shared terms, share of the smaller sentence's terms, and shared pairs
/// of words side by side ([`phrases`]) that tell one event whatever else
/// the two articles date.
const PHRASED_SHARED: usize = 4;
const PHRASED_SHARE: f32 = 0.3;
const SHARED_PHRASES: usize = 2;
/// Shared terms that, with a time to the minute both sentences give, tell
/// one event (two would pair a daily ferry's sailings on two days).
const CLOCK_SHARED: usize = 3;
/// Terms used by more mentions than this are not an index key.
const MAX_POSTINGS: usize = 64;

pub(crate) fn day_text(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// Days further apart than this are different events (or a caption's
/// year), not one event told two ways.
const MAX_DAYS_APART: i64 = 6;

struct Mention {
    future: bool,
    text: String,
    article: usize,
    day: NaiveDate,
    sentence: usize,
    terms: HashSet<String>,
    phrases: HashSet<String>,
    /// The clock times the sentence gives ([`clock_times`]).
    clocks: HashSet<u32>,
    /// The weekday written with the date, when one is.
    weekday: Option<Weekday>,
    /// The day dates a statement about the event, not the event.
    statement: bool,
    /// How the sentence calls the event the day dates by a generic noun,
    /// when it does ("the accident happened on Tuesday", "Tuesday's
    /// crash").
    called: Option<Called>,
}

pub(crate) fn reconcile(story: &Story<'_>, out: &mut StoryFacts) {
    let mut mentions = Vec::new();
    for (article, source) in story.sources.iter().enumerate() {
        let mut seen = HashSet::new();
        for date in &source.facts.dates {
            // One sentence may date a statement and the event on one day:
            // "the spokesman said Tuesday that the players boarded Tuesday".
            if !seen.insert((date.day, date.sentence, date.statement)) {
                continue;
            }
            let sentence = source.facts.sentences.get(date.sentence).map_or("", String::as_str);
            mentions.push(Mention {
                future: date.future,
                text: date.text.clone(),
                article,
                day: date.day,
                sentence: date.sentence,
                terms: terms(sentence),
                phrases: phrases(sentence),
                clocks: clock_times(sentence),
                weekday: date.weekday,
                statement: date.statement,
                called: date.called,
            });
        }
    }
    // Facts: one per day.
    let mut by_day: BTreeMap<NaiveDate, Vec<(usize, usize)>> = BTreeMap::new();
    for mention in &mentions {
        by_day.entry(mention.day).or_default().push((mention.article, mention.sentence));
    }
    // Conflicts: one event, different days.
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, mention) in mentions.iter().enumerate() {
        for term in &mention.terms {
            postings.entry(term.as_str()).or_default().push(n);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for list in postings.values().filter(|l| l.len() <= MAX_POSTINGS) {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let (x, y) = (&mentions[a], &mentions[b]);
                let other_outlet = story.sources[x.article].outlet != story.sources[y.article].outlet;
                let near = (x.day - y.day).num_days().abs() <= MAX_DAYS_APART;
                if x.day != y.day && other_outlet && near && x.future == y.future && x.statement == y.statement {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let mut found = Found::default();
    // The days each article names, for anything.
    // "Today" is the day of writing: it tells no event's day apart.
    let named: HashSet<(usize, NaiveDate)> =
        mentions.iter().filter(|m| !is_today(m)).map(|m| (m.article, m.day)).collect();
    // Leads first: their conflict counts every outlet on the story's side.
    let leads = leads(&mentions);
    let lead_days = LeadDays::of(story, &leads);
    let majority = lead_conflicts(story, &mentions, &leads, &lead_days, &named, &mut found);
    // The mentions of each day, and whether two mentions tell one thing
    // alike.
    let mut on_day: HashMap<NaiveDate, Vec<&Mention>> = HashMap::new();
    for mention in &mentions {
        on_day.entry(mention.day).or_default().push(mention);
    }
    let of_day = |day: NaiveDate| on_day.get(&day).into_iter().flatten().copied();
    // Alike, and dating the same kind of thing (event or statement, past
    // or to come): in "the spokesman said Tuesday that the players
    // boarded the Sunday flight", Tuesday dates the saying and agrees with
    // no one's day of the flight.
    let alike = |o: &Mention, m: &Mention| {
        let (s, r) = overlap(&o.terms, &m.terms);
        s >= MIN_SHARED && r >= MIN_OVERLAP && o.statement == m.statement && o.future == m.future
    };
    // Two sentences of an article's lead (its summary and first paragraph)
    // telling one thing in near-identical words, each dating the same kind
    // of thing.
    let retold = |o: &Mention, m: &Mention| {
        let (s, r) = overlap(&o.terms, &m.terms);
        let other_sentence = o.sentence != m.sentence && in_lead(o) && in_lead(m);
        other_sentence && s >= DETAILED_SHARED && r >= MIN_OVERLAP && o.statement == m.statement && o.future == m.future
    };
    // The articles whose leads retell one thing on two days, with the
    // days: at most a few mentions per lead, so cheap whatever the story.
    let mut retellings: HashSet<(usize, NaiveDate, NaiveDate)> = HashSet::new();
    for of_article in by_article(&mentions) {
        let lead: Vec<&Mention> = of_article.iter().filter(|m| in_lead(m)).collect();
        for o in &lead {
            for p in lead.iter().filter(|p| p.day > o.day && retold(o, p)) {
                retellings.insert((o.article, o.day, p.day));
            }
        }
    }
    // A mention's own article counts even when its sentence is too short to
    // be alike to itself by the strict rule (a pair the loose rule admitted).
    let sources_of = |m: &Mention| -> BTreeSet<usize> {
        of_day(m.day).filter(|o| alike(o, m)).map(|o| o.article).chain([m.article]).collect()
    };
    for (a, b) in pairs {
        let (x, y) = (&mentions[a], &mentions[b]);
        let (shared, share) = overlap(&x.terms, &y.terms);
        let strict = shared >= MIN_SHARED && share >= MIN_OVERLAP;
        // The looser rules need two weekdays written: one weekday resolved
        // against two publication times is no disagreement.
        let other_weekday = !same_weekday(x, y);
        let loose = shared >= LOOSE_SHARED
            && share >= LOOSE_OVERLAP
            && !named.contains(&(x.article, y.day))
            && !named.contains(&(y.article, x.day))
            && other_weekday;
        // Many shared terms tell one event even where the article names the
        // other day for something else.
        let detailed = shared >= DETAILED_SHARED && share >= LOOSE_OVERLAP && other_weekday;
        // Words in the same order tell one event where a bag of terms is
        // too loose ("signed the order to launch", "scheduled to testify"),
        // but not a name alone; "today" dates no event.
        let phrased = shared >= PHRASED_SHARED
            && share >= PHRASED_SHARE
            && x.phrases.intersection(&y.phrases).count() >= SHARED_PHRASES
            && other_weekday
            && !is_today(x)
            && !is_today(y);
        // What is to come is told less often, and mostly once: five shared
        // terms and 30% of the smaller sentence's tell one plan ("is
        // scheduled to testify on Tuesday" / "will testify ... starting
        // Thursday"), where in what happened they may tell two events of
        // one story; "tonight" is the day of writing, no plan's day.
        let planned =
            x.future && shared >= MIN_SHARED && share >= PHRASED_SHARE && other_weekday && !is_today(x) && !is_today(y);
        // A time to the minute tells one moment: "the night ferry left the
        // quay at 11:40 p.m. on Monday" and "the ferry, which left the quay
        // at 11:40pm Tuesday" share few words but the minute.
        let timed =
            shared >= CLOCK_SHARED && !x.clocks.is_disjoint(&y.clocks) && other_weekday && !is_today(x) && !is_today(y);
        if !strict && !loose && !detailed && !phrased && !planned && !timed {
            continue;
        }
        if found.has(x.day, y.day) {
            continue;
        }
        // An outlet that names both days for this event is not contradicted,
        // unless it tells the event on both days in near-identical words:
        // then it contradicts itself.
        let agrees =
            |m: &Mention, day: NaiveDate| of_day(day).any(|o| o.article == m.article && alike(o, m) && !retold(o, m));
        if agrees(x, y.day) || agrees(y, x.day) {
            continue;
        }
        // An article that names both days in words like these takes no
        // side, unless it contradicts itself; without it, both days need a
        // source still.
        let (x_all, y_all) = (sources_of(x), sources_of(y));
        let itself = |a: usize| retellings.contains(&(a, x.day.min(y.day), x.day.max(y.day)));
        let sided: BTreeSet<usize> = x_all.intersection(&y_all).copied().filter(|&a| !itself(a)).collect();
        let x_sources = story.ids(&x_all.difference(&sided).copied().collect());
        let y_sources = story.ids(&y_all.difference(&sided).copied().collect());
        if x_sources.is_empty() || y_sources.is_empty() {
            continue;
        }
        found.two_days(
            shared_subject(story.sentence(x.article, x.sentence), &x.terms, &y.terms),
            (x.day, x_sources),
            (y.day, y_sources),
        );
    }
    // Without a day most leads give, leads one against another, after the
    // sentences: the pairs of days those found keep their fuller sources.
    if !majority {
        lead_pairs(story, &leads, &named, &mut found);
    }
    sole_days(story, &mentions, &named, &mut found);
    early_statements(story, &mentions, &lead_days, &mut found);
    miswritten_weekdays(story, &mentions, &mut found);
    out.conflicts.append(&mut found.conflicts);
    for (day, day_mentions) in by_day {
        let mut fact = story.fact("date", day_text(day), &day_mentions);
        if found.days.contains(&day) {
            fact.status = Status::Conflict;
        }
        out.facts.push(fact);
    }
}

/// A story's date conflicts as they are found: each pair of days reported
/// once, and the days in conflict.
#[derive(Default)]
struct Found {
    conflicts: Vec<Conflict>,
    reported: BTreeSet<BTreeSet<NaiveDate>>,
    days: BTreeSet<NaiveDate>,
}

impl Found {
    fn has(&self, a: NaiveDate, b: NaiveDate) -> bool {
        self.reported.contains(&BTreeSet::from([a, b]))
    }

    /// One event told on two days, each with its sources; nothing when the
    /// two days are in conflict already.
    fn two_days(
        &mut self,
        subject: String,
        (a, a_sources): (NaiveDate, Vec<String>),
        (b, b_sources): (NaiveDate, Vec<String>),
    ) {
        if !self.reported.insert(BTreeSet::from([a, b])) {
            return;
        }
        self.days.extend([a, b]);
        self.conflicts.push(Conflict {
            kind: ConflictKind::Date,
            subject,
            values: vec![Version::new(day_text(a), a_sources), Version::new(day_text(b), b_sources)],
        });
    }
}

/// Shared terms between an article's lead sentence and another outlet's
/// for the two to tell one event.
const LEAD_SHARED: usize = 3;
/// Words of a time near midnight, whose events the day on either side of
/// midnight may date (as terms: stems).
const NEAR_MIDNIGHT: &[&str] = &["midnight", "overnight"];

/// Whether a mention is in its article's lead (summary and first
/// paragraph).
fn in_lead(m: &Mention) -> bool {
    m.sentence < dossier_extract::LEAD_SENTENCES
}

/// The mentions of each article, in turn (mentions are in article order).
fn by_article(mentions: &[Mention]) -> impl Iterator<Item = &[Mention]> {
    mentions.chunk_by(|a, b| a.article == b.article)
}

/// The date each article's lead gives its main event: the first past day
/// named in its lead that does not date a statement, as [`dossier_extract`]
/// first looks for the article's event date.
fn leads(mentions: &[Mention]) -> Vec<&Mention> {
    by_article(mentions).filter_map(|of| of.iter().find(|m| !m.future && !m.statement && in_lead(m))).collect()
}

/// The times to the minute a sentence gives, as minutes after midnight:
/// "11:40 p.m.", "11:40pm" and "23:40" are one time, whatever the outlet's
/// convention, and "7:30 a.m." and "7:30 p.m." are two; a time without
/// "a.m." or "p.m." that a twelve-hour dial can show ("7:30") may be
/// either. A round hour ("10 p.m.") is no such time; a figure with more
/// digits or another colon ("1:30:45", "2021:12") is none either.
fn clock_times(sentence: &str) -> HashSet<u32> {
    let bytes = sentence.as_bytes();
    let mut out = HashSet::new();
    for (colon, _) in sentence.match_indices(':') {
        let hour_len = bytes[..colon].iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let minute_len = bytes[colon + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=2).contains(&hour_len) || minute_len != 2 {
            continue;
        }
        let before = colon - hour_len;
        let after = colon + 1 + minute_len;
        let joined = |b: Option<&u8>| b.is_some_and(|b| matches!(b, b':' | b'.' | b','));
        let digit_after = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if joined(before.checked_sub(1).map(|k| &bytes[k])) || joined(bytes.get(after)) && digit_after(after + 1) {
            continue;
        }
        let (Ok(hour), Ok(minute)) =
            (sentence[before..colon].parse::<u32>(), sentence[colon + 1..after].parse::<u32>())
        else {
            continue;
        };
        if hour > 24 || minute >= 60 {
            continue;
        }
        let meridiem: String =
            sentence[after..].trim_start().chars().take(4).filter(|c| *c != '.').collect::<String>().to_lowercase();
        let dial = hour % 12 * 60 + minute;
        match meridiem.get(..2) {
            Some("am") if hour <= 12 => out.insert(dial),
            Some("pm") if hour <= 12 => out.insert(dial + 12 * 60),
            _ if (1..=12).contains(&hour) => out.insert(dial) | out.insert(dial + 12 * 60),
            _ => out.insert(hour % 24 * 60 + minute),
        };
    }
    out
}

/// Whether a mention's sentence tells of a time near midnight: "after
/// midnight", "overnight", "late on Tuesday night" (not just "Saturday
/// night", an evening's).
fn at_night(m: &Mention) -> bool {
    NEAR_MIDNIGHT.iter().any(|w| m.terms.contains(*w)) || (m.terms.contains("late") && m.terms.contains("night"))
}

/// Whether a mention is the day of writing ("today", "tonight").
fn is_today(m: &Mention) -> bool {
    m.text.eq_ignore_ascii_case("today") || m.text.eq_ignore_ascii_case("tonight")
}

/// Whether two mentions write the same weekday ("on Tuesday" / "Tuesday
/// night"): resolved against different publication times they may land on
/// different days, but the outlets do not disagree.
fn same_weekday(a: &Mention, b: &Mention) -> bool {
    let weekday = |m: &Mention| {
        let text = m.text.to_ascii_lowercase();
        crate::aligned::WEEKDAYS.iter().find(|d| text.contains(*d))
    };
    weekday(a).is_some() && weekday(a) == weekday(b)
}

/// One outlet's lead against the story's: the day most outlets' leads give
/// the event (at least two outlets), and an article of another outlet whose
/// lead tells the same event (sharing terms with one of those leads) on
/// another day, at most six days off, and which names the story's day
/// nowhere. A majority article that dates an event on the outlet's day in
/// words like the outlet's (three shared terms), or calls an event by it,
/// takes no side (one that names the day for another event still counts),
/// and at least two outlets must be left after that. "A tram
/// derailed near London on Tuesday" against five outlets' "... crashed in
/// south London on Wednesday". A sentence that tells the day "the
/// accident happened" ([`Called::Told`]) stands for its article's lead, given
/// one shared term; when another sentence of its article calls the
/// accident by the story's day ("Wednesday's crash") or tells it happened
/// then, the article contradicts itself: it stands on both sides, whatever
/// else it names and whatever its outlet. Whether some day has two
/// outlets' leads.
fn lead_conflicts(
    story: &Story<'_>,
    mentions: &[Mention],
    leads: &[&Mention],
    lead_days: &LeadDays<'_, '_>,
    named: &HashSet<(usize, NaiveDate)>,
    found: &mut Found,
) -> bool {
    let outlets = &lead_days.outlets;
    let Some((day, consensus)) = &lead_days.story_day else {
        return false;
    };
    let agreeing = &outlets[day];
    // A sentence that tells the day "the accident" happened tells the
    // story's event, as a lead does, wherever it stands in its article.
    let dates_event = |m: &Mention| !m.future && !m.statement;
    let told = |m: &Mention| matches!(m.called, Some(Called::Told(_))) && dates_event(m);
    let mut candidates: Vec<&Mention> = leads.to_vec();
    let mut seen: HashSet<(usize, NaiveDate)> = leads.iter().map(|m| (m.article, m.day)).collect();
    candidates.extend(mentions.iter().filter(|m| told(m) && seen.insert((m.article, m.day))));
    // The mentions dating an event, by article and day, read once.
    let mut events_on: HashMap<(usize, NaiveDate), Vec<&Mention>> = HashMap::new();
    for o in mentions.iter().filter(|o| dates_event(o)) {
        events_on.entry((o.article, o.day)).or_default().push(o);
    }
    let event_mentions = |article: usize, on: NaiveDate| events_on.get(&(article, on)).into_iter().flatten();
    // An article that tells the accident's day and, in another sentence,
    // calls the accident by the story's day ("Wednesday's crash")
    // contradicts itself, and stands on both sides.
    let itself = |m: &Mention| {
        told(m) && event_mentions(m.article, *day).any(|o| o.called.is_some() && o.sentence != m.sentence)
    };
    // Otherwise an article that names the story's day anywhere may tell
    // another event, and an outlet of the majority is no other side.
    let admitted = |m: &Mention| {
        let outlet = story.sources[m.article].outlet.as_str();
        itself(m) || !named.contains(&(m.article, *day)) && !agreeing.contains(outlet)
    };
    let mut minorities: HashMap<NaiveDate, BTreeSet<usize>> = HashMap::new();
    for m in candidates.iter().filter(|m| m.day != *day && admitted(m)) {
        minorities.entry(m.day).or_default().insert(m.article);
    }
    // The consensus's articles read once, and those that date an event on
    // each other day (worked out once per day).
    let everyone: BTreeSet<usize> = consensus.iter().map(|c| c.article).collect();
    let everyone_outlets = story.outlets(&everyone);
    let mut dating_day: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
    for m in candidates.iter().filter(|m| m.day != *day) {
        let near = (m.day - *day).num_days().abs() <= MAX_DAYS_APART;
        let outnumbered = outlets.get(&m.day).map_or(0, BTreeSet::len) >= agreeing.len();
        if !near || outnumbered || found.has(*day, m.day) || !admitted(m) {
            continue;
        }
        // The night before the story's day and that day's early hours are
        // one moment either side of midnight: an outlet's lead dating the
        // event on that night ("late on Tuesday night" against "early on
        // Wednesday") disagrees with no one.
        let night_before = |o: &Mention| o.day.succ_opt() == Some(*day) && at_night(o);
        if night_before(m) {
            continue;
        }
        // An article of the majority takes no side when it dates an event
        // on this outlet's day in words like it, calls an event by that day,
        // or dates one on the night before the story's day; "four were
        // released from hospital on Wednesday" is another event's day, and
        // so is "on Saturday, rumours spread" against "the show on Saturday
        // night". "Today" tells no event's day apart.
        let dating = dating_day
            .entry(m.day)
            .or_insert_with(|| everyone.iter().copied().filter(|&a| events_on.contains_key(&(a, m.day))).collect());
        let tells_it = |a: usize| {
            event_mentions(a, m.day)
                .filter(|o| !is_today(o))
                .any(|o| o.called.is_some() || night_before(o) || o.terms.intersection(&m.terms).count() >= LEAD_SHARED)
        };
        let telling: BTreeSet<usize> = dating.iter().copied().filter(|&a| tells_it(a)).collect();
        let majority_outlets = if telling.is_empty() {
            everyone_outlets
        } else {
            story.outlets(&everyone.difference(&telling).copied().collect())
        };
        if majority_outlets < 2 {
            continue;
        }
        // A lead tells the same event when it shares terms with the
        // story's; "the accident" says so itself, given one shared term.
        let shared = if told(m) { 1 } else { LEAD_SHARED };
        let Some(first) = consensus.iter().find(|c| {
            !telling.contains(&c.article) && !same_weekday(c, m) && c.terms.intersection(&m.terms).count() >= shared
        }) else {
            continue;
        };
        let majority = everyone.difference(&telling).copied().chain(itself(m).then_some(m.article)).collect();
        found.two_days(
            shared_subject(story.sentence(first.article, first.sentence), &first.terms, &m.terms),
            (*day, story.ids(&majority)),
            (m.day, story.ids(&minorities[&m.day])),
        );
    }
    true
}

/// Statements about the story's event dated before it: the day most
/// outlets' leads give the event (at least two outlets), and a past
/// statement of another day before it, at most six days, that tells the
/// event as done: its sentence shares [`LEAD_SHARED`] words in lower case
/// (not names: "Storm Brannick" and "the Marrow coast" are in every
/// sentence of a story) with one of those leads of another outlet, one of
/// them a word of a sudden event ([`SUDDEN_VERBS`]: a crash happens on one day, a
/// wildfire or a trial over many), and says nothing of what is to come or
/// may be, no word of the future or of a forecast, a warning or a plan
/// ("Forecasters said Monday that the storm would hit the coast" is no
/// report of it). No one tells of a crash two
/// days before it happens: "Investigators said Tuesday that strong winds
/// caused the plane to crash" against five outlets' leads of a crash on
/// Thursday. The article stands alone on its side, whatever else it
/// dates.
fn early_statements(story: &Story<'_>, mentions: &[Mention], lead_days: &LeadDays<'_, '_>, found: &mut Found) {
    let Some((day, consensus)) = &lead_days.story_day else { return };
    let planned: HashSet<(usize, usize)> =
        mentions.iter().filter(|m| m.future).map(|m| (m.article, m.sentence)).collect();
    let tokens_of = |m: &Mention| dossier_extract::tokenize(story.sentence(m.article, m.sentence));
    let leads_told: Vec<HashSet<String>> = consensus.iter().map(|c| common_terms(&tokens_of(c))).collect();
    for m in mentions {
        let early = m.day < *day && (*day - m.day).num_days() <= MAX_DAYS_APART;
        if !m.statement || m.future || !early || planned.contains(&(m.article, m.sentence)) || found.has(*day, m.day) {
            continue;
        }
        let outlet = story.sources[m.article].outlet.as_str();
        let tokens = tokens_of(m);
        if looks_ahead(&tokens) {
            continue;
        }
        let words = common_terms(&tokens);
        let of_other_outlet = |n: usize| story.sources[consensus[n].article].outlet != outlet;
        let tells = |&n: &usize| {
            let shared: HashSet<&String> = leads_told[n].intersection(&words).collect();
            of_other_outlet(n) && !same_weekday(consensus[n], m) && shared.len() >= LEAD_SHARED && sudden(&shared)
        };
        let Some(first) = (0..consensus.len()).find(tells).map(|n| consensus[n]) else { continue };
        let majority: BTreeSet<usize> =
            (0..consensus.len()).filter(|&n| of_other_outlet(n)).map(|n| consensus[n].article).collect();
        if story.outlets(&majority) < 2 {
            continue;
        }
        found.two_days(
            shared_subject(story.sentence(first.article, first.sentence), &first.terms, &m.terms),
            (*day, story.ids(&majority)),
            (m.day, story.ids(&BTreeSet::from([m.article]))),
        );
    }
}

/// The terms of a sentence's (tokens') words in lower case: what it
/// tells, its names aside.
fn common_terms(tokens: &[Token<'_>]) -> HashSet<String> {
    let words: Vec<&str> = tokens.iter().filter(|t| t.is_word() && !t.is_capitalized()).map(|t| t.text).collect();
    terms(&words.join(" "))
}

/// Modal verbs, in lower case ("May" is a month, "Will" a name), that put
/// what a sentence tells ahead or make it a possibility.
const MODALS: &[&str] = &["will", "'ll", "would", "could", "may", "might", "shall"];
/// Words of a forecast, a warning or a plan, compared by stem ("planned",
/// not "plane").
const AHEAD: &[&str] = &["expect", "forecast", "plan", "predict", "prepare", "schedule", "threaten", "warn"];
/// Words of a sudden event, one of which a statement must share with the
/// story's lead to tell that event as done: the nouns an outlet calls its
/// event by ([`dossier_extract::EVENT_NOUNS`], "crash", "explosion") and
/// the verbs whose stems are not theirs. A wildfire that "had destroyed
/// dozens of homes" by Monday and "destroyed hundreds" on Wednesday, or a
/// killing that prosecutors described before the verdict, grew over days;
/// a crash did not.
const SUDDEN_VERBS: &[&str] = &["bomb", "collide", "explode"];

/// The stems of a list of words.
fn stems(words: &[&str]) -> HashSet<String> {
    words.iter().filter_map(|w| crate::english().term(w)).collect()
}

/// Whether a sentence (its tokens) tells of what is to come or may be.
fn looks_ahead(tokens: &[Token<'_>]) -> bool {
    static AHEAD_STEMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let ahead = AHEAD_STEMS.get_or_init(|| stems(AHEAD));
    tokens.iter().filter(|t| t.is_word()).any(|t| {
        let modal = !t.is_capitalized() && MODALS.iter().any(|m| t.is(m));
        modal || crate::english().term(&t.text.to_lowercase()).is_some_and(|stem| ahead.contains(&stem))
    })
}

/// Whether shared terms name a sudden event ([`SUDDEN_VERBS`]).
fn sudden(shared: &HashSet<&String>) -> bool {
    static SUDDEN_STEMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let sudden =
        SUDDEN_STEMS.get_or_init(|| stems(dossier_extract::EVENT_NOUNS).union(&stems(SUDDEN_VERBS)).cloned().collect());
    shared.iter().any(|term| sudden.contains(*term))
}

/// Share of the smaller lead's terms two leads have in common to tell one
/// event when no day has a majority.
const LEAD_PAIR_SHARE: f32 = 0.3;
/// Mentions of one day compared with another day's, at most.
const DAY_SAMPLE: usize = 8;

/// Leads against each other where no two outlets' leads give one day: two
/// outlets whose leads tell the same event (sharing [`LEAD_SHARED`] terms
/// and [`LEAD_PAIR_SHARE`] of the smaller lead's) on days at most six
/// apart, neither article naming the other's day anywhere, nor both writing
/// one weekday. "Flood waters swept through the market town on Monday"
/// against "The river burst its banks ... on Wednesday as residents of the
/// market town watched the water rise".
fn lead_pairs(story: &Story<'_>, leads: &[&Mention], named: &HashSet<(usize, NaiveDate)>, found: &mut Found) {
    day_pairs(story, leads, named, found, |x, y| {
        let (shared, share) = overlap(&x.terms, &y.terms);
        shared >= LEAD_SHARED && share >= LEAD_PAIR_SHARE
    });
}

/// Shared terms for two articles that each name one day only to date one
/// event.
const SOLE_SHARED: usize = 2;

/// Articles that name one day only, for anything, against each other: an
/// article that dates nothing else dates its story's event, so two outlets
/// that each name a different single day (at most six apart, both past,
/// both dating the event or both a statement, not one weekday written by
/// both) tell it on different days, when their sentences share
/// [`SOLE_SHARED`] terms. "Storm Ilse tore the roof off the harbour pier
/// on Tuesday" against "The old pier lost its cover on Wednesday, the worst
/// damage the harbour has seen".
fn sole_days(story: &Story<'_>, mentions: &[Mention], named: &HashSet<(usize, NaiveDate)>, found: &mut Found) {
    // Each such article's mention of its day: the event's, when it also
    // dates a statement on that day.
    let sole: Vec<&Mention> = by_article(mentions)
        .filter(|of| of.iter().all(|m| m.day == of[0].day && !m.future))
        .filter_map(|of| of.iter().find(|m| !m.statement).or(of.first()))
        .collect();
    day_pairs(story, &sole, named, found, |x, y| {
        x.statement == y.statement && overlap(&x.terms, &y.terms).0 >= SOLE_SHARED
    });
}

/// Mentions of different days told alike, day against day: among a few
/// mentions of each of two days at most six apart, the first pair of
/// different outlets that do not write one weekday and that `alike` takes
/// for one event, unless an article of either day names the other day.
/// Each day's sources are its articles whose mentions are alike to the
/// other side's, of other outlets than it. Compared by day, a few of each
/// day's mentions, so an outlet with thousands of articles costs what one
/// does.
fn day_pairs(
    story: &Story<'_>,
    mentions: &[&Mention],
    named: &HashSet<(usize, NaiveDate)>,
    found: &mut Found,
    alike: impl Fn(&Mention, &Mention) -> bool,
) {
    let mut by_day: BTreeMap<NaiveDate, Vec<&Mention>> = BTreeMap::new();
    for mention in mentions {
        by_day.entry(mention.day).or_default().push(mention);
    }
    let outlet = |m: &Mention| story.sources[m.article].outlet.as_str();
    let days: Vec<(&NaiveDate, &Vec<&Mention>)> = by_day.iter().collect();
    for (i, (day_a, of_a)) in days.iter().enumerate() {
        for (day_b, of_b) in days[i + 1..].iter().take_while(|(d, _)| (**d - **day_a).num_days() <= MAX_DAYS_APART) {
            let names = |group: &[&Mention], day: &NaiveDate| group.iter().any(|m| named.contains(&(m.article, *day)));
            if names(of_a, day_b) || names(of_b, day_a) {
                continue;
            }
            let sample = |group: &'_ [&'_ Mention]| group.len().min(DAY_SAMPLE);
            let Some((x, y)) = of_a[..sample(of_a)]
                .iter()
                .flat_map(|x| of_b[..sample(of_b)].iter().map(move |y| (*x, *y)))
                .find(|(x, y)| outlet(x) != outlet(y) && !same_weekday(x, y) && alike(x, y))
            else {
                continue;
            };
            let sources = |group: &[&Mention], other: &Mention| {
                let alike_to_other = group.iter().filter(|m| outlet(m) != outlet(other) && alike(m, other));
                story.ids(&alike_to_other.map(|m| m.article).collect())
            };
            let subject = shared_subject(story.sentence(x.article, x.sentence), &x.terms, &y.terms);
            found.two_days(subject, (**day_a, sources(of_a, y)), (**day_b, sources(of_b, x)));
        }
    }
}

/// A date written with a weekday that is not its own ("Thursday, Jan. 2,
/// 2018", a Tuesday) by one outlet, while another outlet names that date
/// rightly (or without a weekday): the outlets disagree on the day of the
/// week, and the first at least has it wrong.
fn miswritten_weekdays(story: &Story<'_>, mentions: &[Mention], found: &mut Found) {
    let mut miswritten: BTreeMap<(NaiveDate, u32), BTreeSet<usize>> = BTreeMap::new();
    for m in mentions {
        if let Some(weekday) = m.weekday.filter(|w| *w != m.day.weekday()) {
            miswritten.entry((m.day, weekday.num_days_from_monday())).or_default().insert(m.article);
        }
    }
    for ((day, weekday), articles) in miswritten {
        let outlets: BTreeSet<&str> = articles.iter().map(|&a| story.sources[a].outlet.as_str()).collect();
        let right: BTreeSet<usize> = mentions
            .iter()
            .filter(|o| o.day == day && o.weekday.is_none_or(|w| w == day.weekday()))
            .map(|o| o.article)
            .filter(|&a| !outlets.contains(story.sources[a].outlet.as_str()))
            .collect();
        if right.is_empty() {
            continue;
        }
        found.days.insert(day);
        let date = day.format("%-d %B %Y");
        let name = crate::aligned::WEEKDAYS[weekday as usize];
        let mut written = name.to_owned();
        written[..1].make_ascii_uppercase();
        found.conflicts.push(Conflict {
            kind: ConflictKind::Date,
            subject: format!("the weekday of {date}"),
            values: vec![
                Version::new(day_text(day), story.ids(&right)),
                Version::new(format!("{written}, {date}"), story.ids(&articles)),
            ],
        });
    }
}

/// The story's event date: the day most outlets give as their article's
/// event date, the earliest on a tie.
pub(crate) fn event_date(story: &Story<'_>) -> Option<NaiveDate> {
    let outlets = outlets_by_day(
        story.sources.iter().filter_map(|source| Some((source.facts.event_date?, source.outlet.as_str()))),
    );
    most_outlets(&outlets).map(|(day, _)| *day)
}

/// The outlets whose leads give each day, and the story's day with the
/// leads that give it, worked out once for the checks that set an
/// outlet's lead or statement against the story's day.
struct LeadDays<'s, 'm> {
    outlets: BTreeMap<NaiveDate, BTreeSet<&'s str>>,
    /// The day most outlets' leads give the event, when at least two give
    /// it, and those leads.
    story_day: Option<(NaiveDate, Vec<&'m Mention>)>,
}

impl<'s, 'm> LeadDays<'s, 'm> {
    fn of(story: &Story<'s>, leads: &[&'m Mention]) -> Self {
        let outlets = outlets_by_day(leads.iter().map(|m| (m.day, story.sources[m.article].outlet.as_str())));
        let day = most_outlets(&outlets).filter(|(_, agreeing)| agreeing.len() >= 2).map(|(day, _)| *day);
        let story_day = day.map(|day| (day, leads.iter().copied().filter(|m| m.day == day).collect()));
        Self { outlets, story_day }
    }
}

/// The outlets that give each day.
fn outlets_by_day<'o>(given: impl Iterator<Item = (NaiveDate, &'o str)>) -> BTreeMap<NaiveDate, BTreeSet<&'o str>> {
    let mut outlets: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    for (day, outlet) in given {
        outlets.entry(day).or_default().insert(outlet);
    }
    outlets
}

/// The day most outlets give, the earliest on a tie, with those outlets.
fn most_outlets<'m, 'o>(
    outlets: &'m BTreeMap<NaiveDate, BTreeSet<&'o str>>,
) -> Option<(&'m NaiveDate, &'m BTreeSet<&'o str>)> {
    outlets.iter().max_by_key(|(day, o)| (o.len(), std::cmp::Reverse(**day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_are_read_to_the_minute_with_their_half_of_the_day() {
        let times = |s: &str| {
            let mut t: Vec<u32> = clock_times(s).into_iter().collect();
            t.sort();
            t
        };
        assert_eq!(times("It left at 11:40 p.m. and docked at 7:05am."), [7 * 60 + 5, 23 * 60 + 40]);
        assert_eq!(times("due at 23:40, or 11:40pm"), [23 * 60 + 40]);
        assert_eq!(times("at 7:30 a.m."), [7 * 60 + 30]);
        // Without "a.m." or "p.m.", either half of the day.
        assert_eq!(times("at 7:30 on the quay"), [7 * 60 + 30, 19 * 60 + 30]);
        // Round hours, a lap time, a year and a ratio of digits are none.
        assert!(times("at 10 p.m., a lap of 1:30:45, in 2021:12, rated 3:4.5").is_empty());
    }
}
