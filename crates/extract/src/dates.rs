//! Days an article names, resolved against its publication time.
//!
//! Absolute dates ("August 11, 2024", "11 August", "2024-08-11") and
//! relative ones ("on Sunday", "last Friday", "yesterday", "next Monday").
//! A weekday is the most recent such day on or before publication, unless
//! the sentence speaks of the future ("will", "until", "next") or the day
//! is when something begins ("from Saturday", "starting on Monday"), then
//! the next one on or after it. Without a publication time the anchor is the
//! latest day the article writes out in full; without either, relative
//! dates are left unresolved. Never the clock.
//!
//! A weekday written with a date ("Saturday, Dec. 31", "Monday (Sept.
//! 3)") is no day of its own: it picks the date's year when none is
//! written and that year's date is nearer the anchor, and is kept on the
//! mention for reconcile to check. A gallery's captions ("1/34 30
//! November 2017 ...", "Photos: ...") date its pictures. A page's stamp
//! ("Updated: 2016-07-15") and a day in another time zone ("2100 GMT
//! Monday") are no dates. A day
//! right after a verb of saying ("said Monday") or right before one ("on
//! Sunday declared"), or opening a sentence whose short subject then
//! speaks ("On Sunday, police said"), dates the statement, not the event
//! (`DateMention::statement`).

use crate::tokens::Token;
use crate::{Called, DateMention};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use dossier_domain::{Published, MONTHS};

/// Whether `word` names a month in full or by its usual short form, with or
/// without the full stop ("March", "Dec", "Sept."), in any case.
pub fn is_month_name(word: &str) -> bool {
    dossier_domain::month_of(word).is_some()
}

fn month(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let full = MONTHS.iter().position(|m| *m == lower);
    // "Aug." and "Sept." but not "may" as a verb or "mar" as a word.
    let short =
        (word.ends_with('.') || lower == "sept").then(|| MONTHS.iter().position(|m| m.starts_with(&lower))).flatten();
    full.or(short).map(|index| index as u32 + 1)
}

/// Whether a word is a weekday's name ("Tuesday", "Tuesday's").
pub(crate) fn is_weekday(word: &str) -> bool {
    weekday(word).is_some()
}

fn weekday(word: &str) -> Option<Weekday> {
    let lower = word.trim_end_matches("'s").trim_end_matches("’s").to_ascii_lowercase();
    Some(match lower.as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Words before a date searched for a word of the future.
const FUTURE_REACH: usize = 8;
/// Words that put a sentence in the future.
const FUTURE: &[&str] =
    &["due", "expected", "next", "scheduled", "until", "will", "would", "'ll", "plans", "planned", "payable"];

/// The day relative dates are resolved against.
pub(crate) struct Anchor {
    day: Option<NaiveDate>,
    /// Whether the anchor is the publication day ("yesterday" needs it).
    published: bool,
    /// Without a publication day, the sentence that writes the anchor's
    /// date: only a weekday in it or in the next one is resolved against
    /// it. An undated page's latest date may be a war's or a birth's, far
    /// from the days its weekdays tell.
    written_in: Option<usize>,
}

impl Anchor {
    pub(crate) fn new(published: Option<Published>, sentences: &[Vec<Token<'_>>]) -> Self {
        if let Some(published) = published {
            return Self { day: Some(published.day()), published: true, written_in: None };
        }
        // A gallery's or a photo's caption dates no news.
        let news = sentences.iter().enumerate().filter(|(_, tokens)| !is_caption(tokens));
        let latest = news
            .flat_map(|(index, tokens)| {
                let dates = absolute_dates(tokens, None).into_iter().filter(|w| !after_born(tokens, w.range.start));
                dates.map(move |w| (w.day, index))
            })
            .max_by_key(|&(day, index)| (day, std::cmp::Reverse(index)));
        Self { day: latest.map(|(day, _)| day), published: false, written_in: latest.map(|(_, index)| index) }
    }

    /// Whether a weekday in sentence `index` is resolved against the anchor.
    fn reaches(&self, index: usize) -> bool {
        self.published || self.written_in.is_some_and(|at| at == index || at + 1 == index)
    }
}

/// Whether the words just before token `at` say someone was born then.
fn after_born(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[..at].iter().rev().filter(|t| t.is_word()).take(3).any(|t| t.is("born"))
}

/// A date written out in a sentence.
struct Written {
    day: NaiveDate,
    /// The tokens it spans.
    range: std::ops::Range<usize>,
    /// Whether its year is written, or was taken from the anchor.
    year_written: bool,
}

/// Absolute dates in one sentence.
fn absolute_dates(tokens: &[Token<'_>], year_hint: Option<NaiveDate>) -> Vec<Written> {
    let mut out = Vec::new();
    let year_at = |k: usize| -> Option<i32> {
        let token = tokens.get(k)?;
        let year: i32 = token.text.parse().ok().filter(|_| token.is_number() && token.text.len() == 4)?;
        (1900..=2100).contains(&year).then_some(year)
    };
    // A day of the month, "4" or "4th", never a model's number ("Long
    // March 4C").
    let day_at = |k: usize| -> Option<u32> {
        let token = tokens.get(k)?;
        let text = token.text.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = token.text[text.len()..].to_ascii_lowercase();
        if !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let day: u32 = text.parse().ok().filter(|_| token.is_number())?;
        (1..=31).contains(&day).then_some(day)
    };
    // A month that ends a name inside a sentence ("the Long March 9
    // rocket"): a capitalised word right before it that is neither the
    // sentence's first word, nor a weekday, nor in capitals (a dateline,
    // "WASHINGTON March 9").
    // Nor is a possessive ("Russia's Feb. 24 invasion") a name's, nor a
    // word of a headline in title case ("Ferry Sinks Near Vellmar On March
    // 9"), where every word is capitalised.
    let words: Vec<&Token<'_>> = tokens.iter().filter(|t| t.is_word()).collect();
    let title_case = words.len() >= 3 && words.iter().filter(|t| t.is_capitalized()).count() * 10 >= words.len() * 8;
    let in_a_name = |i: usize| -> bool {
        let Some(before) = i.checked_sub(1).map(|k| &tokens[k]) else { return false };
        let first_word = tokens[..i - 1].iter().all(|t| !t.is_word());
        let capitals = before.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        before.is_word()
            && before.is_capitalized()
            && !before.is_possessive()
            && !first_word
            && !capitals
            && !title_case
            && weekday(before.text).is_none()
    };
    let resolve = |month: u32, day: u32, year: Option<i32>| -> Option<NaiveDate> {
        let year = year.or_else(|| {
            let hint = year_hint?;
            // A day more than two months after the anchor was last year's.
            let this = NaiveDate::from_ymd_opt(hint.year(), month, day)?;
            Some(if this > hint + Days::new(60) { hint.year() - 1 } else { hint.year() })
        })?;
        NaiveDate::from_ymd_opt(year, month, day)
    };
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        // 2024-08-11
        if token.is_number() && token.text.len() == 10 {
            if let Ok(day) = NaiveDate::parse_from_str(token.text, "%Y-%m-%d") {
                out.push(Written { day, range: i..i + 1, year_written: true });
            }
        }
        if token.is_capitalized() {
            if let Some(m) = month(token.text) {
                // August 11, 2024 / August 11 (a year written makes it a
                // date even after a name: "Hainan Province, China July 2,
                // 2017")
                if let Some(d) = day_at(i + 1) {
                    let comma = usize::from(tokens.get(i + 2).is_some_and(|t| t.is_punct(',')));
                    let year = year_at(i + 2 + comma);
                    let end = if year.is_some() { i + 3 + comma } else { i + 2 };
                    if year.is_none() && in_a_name(i) {
                        i += 1;
                        continue;
                    }
                    // "June 12 last year", "July 1 this year", "March 9 next
                    // year".
                    let said = |k: usize, word: &str| tokens.get(k).is_some_and(|t| t.is(word));
                    let shift = if !said(end + 1, "year") {
                        None
                    } else if said(end, "last") {
                        Some(-1)
                    } else if said(end, "this") {
                        Some(0)
                    } else if said(end, "next") {
                        Some(1)
                    } else {
                        None
                    };
                    let year = year.or_else(|| Some(year_hint?.year() + shift?));
                    if let Some(day) = resolve(m, d, year) {
                        out.push(Written { day, range: i..end, year_written: year.is_some() });
                    }
                    i = end;
                    continue;
                }
                // 11 August 2024, 11 August, 2024 (not "On 4 July, 2000 fans
                // marched": a count of a plural)
                if let Some(d) = i.checked_sub(1).and_then(day_at) {
                    let comma = usize::from(tokens.get(i + 1).is_some_and(|t| t.is_punct(',')));
                    let counted = |k: usize| {
                        tokens.get(k).is_some_and(|t| t.is_word() && !t.is_capitalized() && t.text.ends_with('s'))
                    };
                    let year = year_at(i + 1 + comma).filter(|_| comma == 0 || !counted(i + 3));
                    let end = if year.is_some() { i + 2 + comma } else { i + 1 };
                    if let Some(day) = resolve(m, d, year) {
                        out.push(Written { day, range: i - 1..end, year_written: year.is_some() });
                    }
                    i = end;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn span_text(tokens: &[Token<'_>], range: std::ops::Range<usize>) -> String {
    tokens[range].iter().map(|t| t.text).collect::<Vec<_>>().join(" ").replace(" ,", ",")
}

pub(crate) fn extract(sentences: &[Vec<Token<'_>>], anchor: &Anchor) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        let credited = sentences.get(index + 1).is_some_and(|next| opens_with_credit(next));
        if crate::entities::is_in_capitals(tokens) || is_caption(tokens) || credited {
            continue;
        }
        // Future when a future word comes shortly before the date: among the
        // eight words before it, punctuation aside ("are expected to flock
        // to Berlin's \"party mile\" on Sunday").
        // A participle between a number and a plural counts what was
        // planned, and puts nothing in the future: "halted after 20 of 71
        // scheduled laps on Saturday" ("the planned strikes on Monday" are
        // still to come).
        let adjective = |k: usize| {
            ["scheduled", "planned", "expected"].iter().any(|w| tokens[k].is(w))
                && k.checked_sub(1).is_some_and(|j| tokens[j].is_number())
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized() && crate::quantities::is_plural(t.text))
        };
        let words_before = |at: usize| {
            let words = (0..at).rev().filter(|&k| (tokens[k].is_word() || tokens[k].is_number()) && !adjective(k));
            words.take(FUTURE_REACH).map(|k| &tokens[k])
        };
        let future_before = |at: usize| words_before(at).any(|t| FUTURE.iter().any(|f| t.is(f)));
        // A plan told in the past ("was scheduled to take off at 11:55
        // p.m. Sunday", "had been expected"): still a plan (marked future,
        // to be compared with other tellings of it), but its day is looked
        // for backwards, as any past day's.
        // The nearest word of the future decides ("the minister, who was
        // expected to attend, will travel on Sunday" is to come).
        let planned_before = |at: usize| {
            let words: Vec<&Token<'_>> = words_before(at).collect();
            let nearest = words.iter().position(|t| FUTURE.iter().any(|f| t.is(f)));
            nearest.is_some_and(|n| {
                ["scheduled", "expected", "due"].iter().any(|w| words[n].is(w))
                    && words.get(n + 1).is_some_and(|before| ["was", "were", "been"].iter().any(|w| before.is(w)))
            })
        };
        // A day is next year's only after a verb of the future itself:
        // "until March 3", "would later be charged", "next" do not say the
        // year is to come.
        let to_come_before =
            |at: usize| words_before(at).any(|t| ["will", "'ll", "scheduled", "due", "plans"].iter().any(|w| t.is(w)));
        // Terms of a deal, "payable May 20", "effective October 4", "Pay
        // July 29", say a date may be to come, not that it is: a date they
        // name is the one nearest the anchor, ahead or past, rather than
        // always last year's when more than two months ahead.
        let terms_before =
            |at: usize| words_before(at).take(4).any(|t| ["payable", "effective", "pay"].iter().any(|w| t.is(w)));
        // Where each written date starts, whether its year is written, and
        // its place in `out`.
        let mut written = Vec::new();
        let stamp_line = tokens.iter().find(|t| t.is_word()).is_some_and(is_stamp_word);
        for Written { day, range, year_written } in absolute_dates(tokens, anchor.day) {
            if is_timestamp(tokens, range.start) {
                continue;
            }
            let future = future_before(range.start);
            // A date to come, without its year, that fell before the
            // anchor is next year's ("will open on March 9" in November).
            let day = match anchor.day {
                Some(anchor_day)
                    if to_come_before(range.start)
                        && !planned_before(range.start)
                        && !year_written
                        && day < anchor_day =>
                {
                    day.with_year(day.year() + 1).unwrap_or(day)
                }
                Some(anchor_day) if terms_before(range.start) && !year_written => {
                    let distance = |d: NaiveDate| (d - anchor_day).num_days().abs();
                    let next = day.with_year(day.year() + 1).filter(|next| distance(*next) < distance(day));
                    next.unwrap_or(day)
                }
                _ => day,
            };
            let statement = is_statement(tokens, range.clone());
            written.push((range.start, year_written, out.len()));
            let called = called(tokens, range.clone());
            let born = after_born(tokens, range.start);
            let text = span_text(tokens, range);
            out.push(DateMention {
                day,
                text,
                sentence: index,
                relative: false,
                future,
                weekday: None,
                statement,
                called,
                born,
                guessed: !year_written && !anchor.published,
            });
        }
        for (i, token) in tokens.iter().enumerate() {
            let previous = i.checked_sub(1).map(|k| tokens[k].text.to_ascii_lowercase());
            let previous = previous.as_deref();
            if let Some(target) = token.is_capitalized().then(|| weekday(token.text)).flatten() {
                // "Published Monday, Aug. 12, 2024", "Updated: Monday": a
                // stamp line, its word right before the weekday ("Posted on
                // Monday, a video shows" is news).
                let stamped = || tokens[..i].iter().rev().find(|t| !t.is_punct(':')).is_some_and(is_stamp_word);
                if stamp_line && stamped() {
                    continue;
                }
                // "Tuesday, Jan. 2, 2018", "Tuesday (January 2)", "Tuesday 2
                // January": the weekday of the written date, kept with it to
                // be checked, not resolved on its own.
                let joined = tokens.get(i + 1).is_some_and(|t| t.is_punct(',') || t.is_punct('('));
                let date_at = if joined { i + 2 } else { i + 1 };
                if let Some((_, year_written, at)) = written.iter().find(|(start, ..)| *start == date_at) {
                    let mention = &mut out[*at];
                    mention.weekday = Some(target);
                    // Without a written year, the year is the one whose date
                    // has that weekday ("Saturday, Dec. 31" of last year),
                    // when that puts the date nearer the anchor: otherwise
                    // the weekday is miswritten, not the year.
                    if !year_written && mention.day.weekday() != target {
                        // (A date without its year is resolved only
                        // against an anchor.)
                        let distance = |d: NaiveDate| anchor.day.map_or(0, |a| (d - a).num_days().abs());
                        let other_year = [-1, 1].into_iter().find_map(|shift| {
                            mention
                                .day
                                .with_year(mention.day.year() + shift)
                                .filter(|d| d.weekday() == target && distance(*d) < distance(mention.day))
                        });
                        if let Some(day) = other_year {
                            mention.day = day;
                        }
                    }
                    continue;
                }
                // "(2100 GMT Monday)": the day in another time zone.
                if matches!(previous, Some("gmt" | "utc")) {
                    continue;
                }
                let Some(anchor_day) = anchor.day.filter(|_| anchor.reaches(index)) else { continue };
                // "from Saturday", "starting on Monday": the day something
                // begins is to come ("starting Monday's game" is a player's).
                let starting = |t: &Token<'_>| t.is("starting") || t.is("beginning");
                let begins = matches!(previous, Some("starting" | "beginning"))
                    || (previous == Some("on") && i >= 2 && starting(&tokens[i - 2]));
                let told_ahead = future_before(i);
                let ahead = (told_ahead && !planned_before(i))
                    || matches!(previous, Some("next" | "until" | "by" | "before" | "from"))
                    || (begins && !token.is_possessive());
                let anchor_weekday = anchor_day.weekday().num_days_from_monday() as i64;
                let target_weekday = target.num_days_from_monday() as i64;
                let offset = if ahead {
                    let mut forward = (target_weekday - anchor_weekday).rem_euclid(7);
                    if previous == Some("next") && forward == 0 {
                        forward = 7;
                    }
                    forward
                } else {
                    let mut back = -(anchor_weekday - target_weekday).rem_euclid(7);
                    if previous == Some("last") && back == 0 {
                        back = -7;
                    }
                    back
                };
                let Some(day) = anchor_day.checked_add_signed(chrono::Duration::days(offset)) else { continue };
                let start =
                    if matches!(previous, Some("on" | "last" | "next" | "this" | "until" | "by")) { i - 1 } else { i };
                let text = span_text(tokens, start..i + 1);
                out.push(DateMention {
                    day,
                    text,
                    sentence: index,
                    relative: true,
                    future: ahead || told_ahead,
                    weekday: None,
                    statement: is_statement(tokens, i..i + 1),
                    called: called(tokens, i..i + 1),
                    born: false,
                    guessed: !anchor.published,
                });
            } else if anchor.published && token.is_word() {
                let Some(anchor_day) = anchor.day else { continue };
                let offset = match token.text.to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "today" | "tonight" => 0,
                    "tomorrow" => 1,
                    _ => continue,
                };
                let Some(day) = anchor_day.checked_add_signed(chrono::Duration::days(offset)) else { continue };
                out.push(DateMention {
                    day,
                    text: token.text.to_owned(),
                    sentence: index,
                    relative: true,
                    future: offset > 0,
                    weekday: None,
                    statement: is_statement(tokens, i..i + 1),
                    called: called(tokens, i..i + 1),
                    born: false,
                    guessed: !anchor.published,
                });
            }
        }
    }
    out
}

/// Generic nouns an outlet calls its story's event by: "the accident".
pub const EVENT_NOUNS: &[&str] = &[
    "accident",
    "attack",
    "blast",
    "bombing",
    "collision",
    "crash",
    "derailment",
    "earthquake",
    "explosion",
    "quake",
    "shooting",
];
/// Words that tell an event happen, one of which must stand between "the
/// accident" and its day: "the accident happened at 6.10am on Thursday".
const HAPPENED: &[&str] = &["happened", "occurred", "took"];
/// Other words that may stand there: "the crash occurred late on Monday",
/// "the attack took place on Friday night".
const CALLED_BETWEEN: &[&str] = &[
    "place",
    "late",
    "early",
    "on",
    "at",
    "in",
    "the",
    "morning",
    "afternoon",
    "evening",
    "night",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
];
/// Words looked back over, at most, from a day to the determiner of "the
/// accident" (the noun and the determiner included).
const CALLED_REACH: usize = 10;

/// The event noun a token is, if any.
fn event_noun(token: &Token<'_>) -> Option<&'static str> {
    EVENT_NOUNS.iter().find(|n| token.is(n)).copied()
}

/// How the sentence calls the event that the date at `span` dates, if by a
/// generic noun ([`EVENT_NOUNS`]): "Tuesday's accident", or "the accident
/// happened late Tuesday" (the noun after "the", "this" or "that", a verb
/// of happening, and nothing between but words of time; without the verb
/// the day may be another verb's, "remained at the scene of the attack on
/// Friday").
fn called(tokens: &[Token<'_>], span: std::ops::Range<usize>) -> Option<Called> {
    // The day's "'s" may be its own token's ("Tuesday's") or the next.
    let last = span.end.checked_sub(1).and_then(|i| tokens.get(i))?;
    let apostrophe_s = tokens.get(span.end).is_some_and(|t| t.is("'s") || t.is("\u{2019}s"));
    if last.is_possessive() || apostrophe_s {
        let after = span.end + usize::from(apostrophe_s);
        let named = tokens[after.min(tokens.len())..].iter().filter(|t| t.is_word()).take(2).find_map(event_noun);
        if let Some(noun) = named {
            return Some(Called::Named(noun));
        }
    }
    let mut before = tokens[..span.start].iter().rev().take(CALLED_REACH);
    let mut happened = false;
    while let Some(token) = before.next() {
        if [',', ';', ':'].iter().any(|&c| token.is_punct(c)) {
            return None;
        }
        // Punctuation other than a clause's ("“The blast” happened"), a
        // time ("6.10am") and the words of time are passed over.
        let timed = token.is_number() || token.text.chars().any(|c| c.is_ascii_digit());
        if timed || !token.is_word() || CALLED_BETWEEN.iter().any(|w| token.is(w)) {
            continue;
        }
        if HAPPENED.iter().any(|w| token.is(w)) {
            happened = true;
            continue;
        }
        // The first other word ends the look back: it must be the noun,
        // after "the".
        let noun = event_noun(token).filter(|_| happened)?;
        let determiner = before.find(|t| t.is_word())?;
        return ["the", "this", "that"].iter().any(|d| determiner.is(d)).then_some(Called::Told(noun));
    }
    None
}

/// Verbs of saying: a day right after one, or right before it, dates the
/// saying.
const SAYING: &[&str] = &["added", "announced", "declared", "reported", "said", "says", "stated", "told"];

/// Verbs that say something only when what was said, or how, comes next
/// ("confirmed that", "responded with a statement"), never after a form of
/// "be": "confirmed the nominee", "was confirmed", "responded to the fire"
/// tell events.
const SAYING_WHEN_TOLD: &[&str] = &["confirmed", "responded"];
/// Words that open what was said, or how, after such a verb.
const TELLING: &[&str] = &["that", "with", "in"];
/// Forms of "be": before such a verb, it is passive ("was confirmed").
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Parts of a day written after its name ("On Monday afternoon, ...").
const DAY_PARTS: &[&str] = &["afternoon", "evening", "morning", "night"];

/// Words between a sentence's opening day and its verb of saying, at most:
/// "On Monday, the state's police said".
const SAYER_WORDS: usize = 5;

/// Words that end a sentence's opening subject: a verb of saying after one
/// belongs to another clause ("On Friday, the storm hit and police said").
const CLAUSE_WORDS: &[&str] = &["after", "and", "as", "because", "before", "but", "if", "when", "while"];

/// Whether the date at `span` dates a statement: it follows a verb of
/// saying, with only "on", "late" or "early" between ("said Monday",
/// "reported early Friday"), or one follows it right away ("North Korea on
/// Sunday declared that"), or the sentence opens with the day and a comma,
/// and a verb of saying follows its short subject ("On Thursday, police
/// said that"). "Told reporters on Monday" is not recognised.
fn is_statement(tokens: &[Token<'_>], span: std::ops::Range<usize>) -> bool {
    let mut k = span.start;
    while k > 0 && (tokens[k - 1].is("on") || tokens[k - 1].is("late") || tokens[k - 1].is("early")) {
        k -= 1;
    }
    // The day's part, when written: "said Monday afternoon that".
    let after = span.end + usize::from(tokens.get(span.end).is_some_and(|t| DAY_PARTS.iter().any(|p| t.is(p))));
    (k > 0 && says(tokens, k - 1, after))
        || says(tokens, after, after + 1)
        || (k == 0 && opens_a_statement(tokens, after))
}

/// Whether the token at `verb` says something, `next` being the token
/// after it and any day written right after it.
fn says(tokens: &[Token<'_>], verb: usize, next: usize) -> bool {
    let Some(token) = tokens.get(verb) else { return false };
    if SAYING.iter().any(|v| token.is(v)) {
        return true;
    }
    if !SAYING_WHEN_TOLD.iter().any(|v| token.is(v)) {
        return false;
    }
    let passive = verb > 0 && BE.iter().any(|b| tokens[verb - 1].is(b));
    // What was said follows: "that", "with", "in", a quote, a comma, the end.
    let told = tokens.get(next).is_none_or(|t| (!t.is_word() && !t.is_number()) || TELLING.iter().any(|w| t.is(w)));
    !passive && told
}

/// Whether the tokens from `at`, right after a sentence's opening day (and
/// its part), are a comma and a short subject's saying: ", police said",
/// ", the company confirmed that".
fn opens_a_statement(tokens: &[Token<'_>], at: usize) -> bool {
    if !tokens.get(at).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    (at + 1..tokens.len())
        .take(SAYER_WORDS + 1)
        .take_while(|&k| tokens[k].is_word() && !CLAUSE_WORDS.iter().any(|w| tokens[k].is(w)))
        .any(|k| says(tokens, k, k + 1))
}

/// Whether the date starting at token `at` stamps the page ("Updated:
/// 2016-07-15 06:50", "Published March 3, 2024"), not an event.
fn is_timestamp(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[at.saturating_sub(3)..at].iter().any(is_stamp_word)
}

fn is_stamp_word(token: &Token<'_>) -> bool {
    token.is("updated") || token.is("published") || token.is("posted") || token.is("modified")
}

/// Photo captions ("In this Dec. 28, 2017 file photo", "In this photo
/// taken on Friday"), a gallery's ("Photos: ...", "1/34 30 November 2017
/// ...") and embedded posts ("— Name (@handle) February 5,
/// 2018", "pic.twitter.com") date the picture or the post, not the event.
/// A sentence that only mentions a photo or Twitter is no caption: "posted
/// a photo on Instagram on Wednesday", "told her followers via Twitter on
/// Monday".
fn is_caption(tokens: &[Token<'_>]) -> bool {
    // "Photos: Crowds at the harbour ..." opens a gallery's caption.
    let gallery = tokens.first().is_some_and(|t| t.is("photos") || t.is("photo"))
        && tokens.get(1).is_some_and(|t| t.is_punct(':'));
    if gallery || opens_with_place_in_gallery(tokens) {
        return true;
    }
    let mut words = tokens.iter().filter(|t| t.is_word());
    let in_this = words.next().is_some_and(|t| t.is("in")) && words.next().is_some_and(|t| t.is("this"));
    (in_this && tokens.iter().any(is_picture))
        || tokens.windows(2).any(|w| {
            (w[0].is("file") && is_picture(&w[1]))
                || (w[0].is_punct('(') && w[1].is_punct('@'))
                || (w[0].is("pic") && w[1].is_punct('.'))
        })
}

/// A picture of a gallery, its caption opening with its place in it and
/// its date, "1/34 30 November 2017 A supporter ...": the date is the
/// picture's. ("9/11 families sued on Monday" is no caption.)
fn opens_with_place_in_gallery(tokens: &[Token<'_>]) -> bool {
    let number = |at: usize| tokens.get(at).filter(|t| t.is_number()).and_then(|t| t.text.parse::<u32>().ok());
    let slash = tokens.get(1).is_some_and(|t| t.is_punct('/'));
    let placed = number(0).zip(number(2)).is_some_and(|(place, of)| 0 < place && place <= of);
    let dated =
        number(3).is_some_and(|day| (1..=31).contains(&day)) || tokens.get(3).is_some_and(|t| is_month_name(t.text));
    slash && placed && dated
}

fn is_picture(token: &Token<'_>) -> bool {
    token.is("photo") || token.is("photograph") || token.is("picture") || token.is("image")
}

/// A photo credit that is a sentence of its own, "(Photo: AP)", "(Photo
/// by Ian Dorsey/Getty Images)", "(Photo courtesy of the council)", "(AP
/// Photo/Ian Dorsey, File)", "(AP Photo)": the sentence before it is a
/// caption.
fn opens_with_credit(tokens: &[Token<'_>]) -> bool {
    let punct = |at: usize, c: char| tokens.get(at).is_some_and(|t| t.is_punct(c));
    let word = |at: usize, w: &str| tokens.get(at).is_some_and(|t| t.is(w));
    let picture = |at: usize| tokens.get(at).is_some_and(is_picture);
    let closed = tokens.iter().rev().find(|t| !t.is_punct('.')).is_some_and(|t| t.is_punct(')'));
    let credited = (picture(1) && (punct(2, ':') || word(2, "by") || word(2, "courtesy") || word(2, "credit")))
        || (tokens.get(1).is_some_and(Token::is_capitalized) && picture(2) && (punct(3, '/') || punct(3, ')')));
    punct(0, '(') && closed && credited
}

/// The sentences of an article's lead, where its main event is dated.
pub const LEAD_SENTENCES: usize = 4;

/// A statement about the article's event, told in the past, cannot come
/// days before it in an article published that day: a bare weekday of
/// saying ("investigators said Monday") that resolved to a day
/// [`BEFORE_THE_EVENT`] days or more before the event day is the next such
/// weekday, when that is at most the day after the anchor (an article
/// updated the day after it was first published: "crashed on Sunday",
/// published Sunday, "said Monday"). A day or two before is left as it is
/// (the event's own day may be the one misread), and so is a warning days
/// before an event told days after it ("forecasters warned Monday").
pub(crate) fn after_the_event(dates: &mut [DateMention], event: Option<NaiveDate>, anchor: &Anchor) {
    let (Some(event), Some(anchor)) = (event, anchor.day) else { return };
    if event > anchor {
        return;
    }
    let long_before = |d: &DateMention| (event - d.day).num_days() >= BEFORE_THE_EVENT;
    for mention in dates.iter_mut().filter(|d| d.relative && d.statement && !d.future && long_before(d)) {
        let next = mention.day + Days::new(7);
        if next >= event && next <= anchor + Days::new(1) {
            mention.day = next;
        }
    }
}

/// Days before the event from which a statement's weekday was misread.
const BEFORE_THE_EVENT: i64 = 3;

/// Days before the anchor beyond which a day is background.
const BACKGROUND_DAYS: i64 = 366;

/// The day of the article's main event: the first past day named in its
/// lead ([`LEAD_SENTENCES`]) that does not date a statement, else the past
/// day it names most often; days more than a year before the anchor (the
/// publication day) are left out.
pub(crate) fn event_date(dates: &[DateMention], anchor: &Anchor) -> Option<NaiveDate> {
    // A day more than a year before the anchor is background (a birth, an
    // earlier disaster), not the news.
    let recent = |d: &&DateMention| anchor.day.is_none_or(|anchor| (anchor - d.day).num_days() <= BACKGROUND_DAYS);
    let past = || dates.iter().filter(|d| !d.future && !d.born && !d.guessed).filter(recent);
    if let Some(first) = past().find(|d| d.sentence < LEAD_SENTENCES && !d.statement) {
        return Some(first.day);
    }
    let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
    for mention in past() {
        match counts.iter_mut().find(|(day, _)| *day == mention.day) {
            Some((_, count)) => *count += 1,
            None => counts.push((mention.day, 1)),
        }
    }
    counts.into_iter().max_by_key(|(day, count)| (*count, std::cmp::Reverse(*day))).map(|(day, _)| day)
}
