//! Quantities across sources: the same subject with the same value
//! corroborates, with different values conflicts.
//!
//! A count or an age is one fact per subject and value ("143 passengers");
//! money, distances and percentages are one fact per value, whatever noun
//! each outlet put next to it (amounts in two currencies are two). A
//! conflict needs a subject both sides name, values that cannot both be
//! true ("at least 130" and "132" can), and no article that writes both
//! values, in figures or words (it tells of two things; for a count, not
//! where every time it writes the other value is read as another
//! subject's, which for a toll, whose parts are counts, must be no count:
//! an age; for the age of someone named, only an article that gives both
//! values as ages). The subject must
//! be specific — a toll ("injured", "dead") or the age of someone named, by
//! a full name or a single one ("Harambe") — or the two sentences
//! near-identical, or, for two counts of one thing at close values ("24
//! engines" / "27 engines", at most half again apart: a misread figure),
//! sentences that share three terms and 30% of the smaller one's (spans of
//! time with nothing named, "after 15 years", are compared so too, and an
//! article read with both values is no side; two sums of money of one
//! thing, "a $204 billion bill" / "a bill for $284 billion", need four
//! terms, and neither sentence may call its sum a version of the thing,
//! "adjusted", "raised"); percentages never conflict. A score or a tally
//! ("2-1", "9-2") is one value (see `Unit::Score`) of an unspecific
//! subject: two conflict only in near-identical sentences, since a match
//! report gives the half-time score and past meetings beside the result.
//! Of a subject that is not specific only the versions that clash are
//! shown. A specific subject
//! one outlet gives two values ("12 dead" in the flood, "3 dead" in last
//! year's collapse) is ambiguous: its values are compared pair by pair,
//! only in sentences told alike (as aligned sentences are), and only the
//! values that clash are reported; when an article gives a toll two
//! values (a list of past tolls), the articles that give it one value each
//! clash at close values (at most half again apart) whatever their
//! sentences, so one report's list hides no disagreement between the
//! others. An age's person is the one the story
//! names: a surname or a variant spelling is the full name the entities
//! settled on, and "the comedian" the story's one comedian among the
//! people its article names, or in the story when the article names no one
//! (a relative, "the son", is left as it is: "his son" and "their son" may
//! be two people). An outlet that bounds a value once ("at least five
//! people are dead") bounds its bare mentions of it (the headline's "Five
//! dead") too. A toll that only rises across timed updates of a single day
//! is a progression, not a conflict. Two articles that give two people or
//! more ages, every one moved by the same years ("Malia, 6, and Sasha, 3"
//! / "Malia, 10, and Sasha, 7"), tell of different years ([`AgesApart`]):
//! their ages are no conflict, here or in sentences told alike.
//!
//! Two subjects are one when the words differ but the thing does not: a
//! compound's count is its head's when the story counts the head and no
//! other compound of it ("21 schoolgirls", "20 girls"), and a count of
//! people in the millions is one population whatever its noun ("143
//! million consumers", "143 million people"). A population a later day's
//! reports give larger is a revision (a progression), not a conflict.

use crate::aligned::{Written, ALIGNED_SHARE, ALIGNED_SHARED};
use crate::names::Names;
use crate::similar::{overlap, terms};
use crate::{Conflict, ConflictKind, Progression, Status, Step, Story, StoryFacts, Version};
use chrono::Datelike;
use dossier_domain::Published;
use dossier_extract::{format_number, EntityKind, Qualifier, Quantity, Unit};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Subjects that can grow as a story unfolds.
const TOLLS: &[&str] = &["arrest", "casualti", "dead", "evacu", "hospitalis", "injur", "miss", "rescu"];
/// Sentences of two versions of an unspecific subject ("missiles",
/// "earnings") must be near-identical: on real stories anything looser
/// pairs different things (two banks' earnings, two tests' missiles),
/// except for close values ([`CLOSE_VALUES`]).
const NEAR_IDENTICAL_SHARED: usize = 6;
const NEAR_IDENTICAL_SHARE: f32 = 0.7;
/// Two counts, spans of time or sums of money of one unspecific subject
/// ("engines", "a bill") at most this far apart (the larger over the
/// smaller) are one figure told two ways when their sentences share
/// [`CLOSE_SHARED`] terms and [`CLOSE_SHARE`] of the smaller one's.
const CLOSE_VALUES: f64 = 1.5;
const CLOSE_SHARED: usize = 3;
const CLOSE_SHARE: f32 = 0.3;
/// Sums of money need one shared term more: a business story gives many
/// figures of one generic noun ("bid", "earnings", "a share"). Nor are two
/// sums close values of one thing when either sentence calls its sum one
/// version of it ([`VERSIONS`]: "adjusted earnings of $1.35 a share", "the
/// raised bid").
const CLOSE_MONEY_SHARED: usize = 4;
/// Words that make a sum one of several versions of its subject.
const VERSIONS: &[&str] = &["adjusted", "initial", "original", "previous", "prior", "raised", "revised", "sweetened"];

/// Distinct sentences of one version compared with another's.
const SAME_THING_SAMPLE: usize = 32;
/// Updates further apart than this are not one day of updates.
const PROGRESSION_SECONDS: i64 = 36 * 3600;

/// Words near a number that make it a toll, besides the subjects in
/// [`TOLLS`] ("killed 12", "12 victims").
const CASUALTIES: &[&str] = &["kill", "die", "death", "wound", "victim", "fatal", "hurt"];

/// Whether a sentence (its terms) calls a sum one version of its subject
/// ([`VERSIONS`]).
pub(crate) fn calls_a_version(terms: &HashSet<String>) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| VERSIONS.iter().filter_map(|w| crate::english().term(w)).collect());
    stems.iter().any(|stem| terms.contains(stem))
}

/// Whether a word's stem says that a number near it is a toll, which can
/// grow as a story unfolds.
pub(crate) fn is_toll_word(stem: &str) -> bool {
    TOLLS.iter().chain(CASUALTIES).any(|t| stem.starts_with(t))
}

/// When a timed article was published, in seconds.
fn timed(story: &Story<'_>, article: usize) -> Option<i64> {
    match story.sources[article].published? {
        Published::Time(time) => Some(time.timestamp()),
        Published::Day(_) => None,
    }
}

/// The day a dated article was published, as a day number.
fn dated(story: &Story<'_>, article: usize) -> Option<i64> {
    let day = match story.sources[article].published? {
        Published::Day(day) => day,
        Published::Time(time) => time.date_naive(),
    };
    Some(i64::from(day.num_days_from_ce()))
}

/// Whether two values `(article, value)` are an earlier and a later one,
/// the later larger: both articles have a `time`, different and at most
/// `within` apart.
fn later_larger(time: impl Fn(usize) -> Option<i64>, a: (usize, f64), b: (usize, f64), within: i64) -> bool {
    match (time(a.0), time(b.0)) {
        (Some(s), Some(t)) if s != t && (s - t).abs() <= within => (s < t) == (a.1 < b.1),
        _ => false,
    }
}

/// Whether two values of one toll, `(article, value)`, read as one day of
/// updates: both articles timed, at most [`PROGRESSION_SECONDS`] apart, and
/// the later one giving the larger value.
pub(crate) fn is_update(story: &Story<'_>, a: (usize, f64), b: (usize, f64)) -> bool {
    later_larger(|article| timed(story, article), a, b, PROGRESSION_SECONDS)
}

/// Whether two values of one population, `(article, value)`, read as a
/// revision: both articles dated, on different days, and the later one
/// giving the larger value (see [`revision`]).
pub(crate) fn is_revision(story: &Story<'_>, a: (usize, f64), b: (usize, f64)) -> bool {
    later_larger(|article| dated(story, article), a, b, i64::MAX)
}

/// Whether a count of `value` things named `noun` is a population
/// ([`populations`]).
pub(crate) fn is_population(value: f64, noun: &str) -> bool {
    value >= POPULATION_SIZE && POPULATION.iter().any(|p| p.eq_ignore_ascii_case(noun))
}

/// A value as a comparable integer (thousandths).
pub(crate) fn milli(value: f64) -> i64 {
    (value * 1000.0).round() as i64
}

fn display(q: &Quantity) -> String {
    let qualifier = match q.qualifier {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtMost => "up to ",
        Qualifier::LessThan => "less than ",
        Qualifier::About => "about ",
    };
    let number = format_number(q.value);
    let subject = if q.subject.is_empty() { String::new() } else { format!(" ({})", q.subject) };
    // A sum with cents shows both places ("$2.50", "$1,084.60").
    let one_place = number.rsplit_once('.').is_some_and(|(_, decimals)| decimals.len() == 1);
    let sum = if one_place && !number.contains(' ') { format!("{number}0") } else { number.clone() };
    match &q.unit {
        Unit::Count => format!("{qualifier}{number} {}", q.subject),
        Unit::Age => format!("age {number}{subject}"),
        Unit::Money(symbol) if symbol.chars().count() == 1 => format!("{qualifier}{symbol}{sum}{subject}"),
        Unit::Money(word) => format!("{qualifier}{sum} {word}{subject}"),
        // A distance or a weight written in miles, feet or pounds is shown
        // as written, not as a converted figure with false precision
        // ("933.42 km" for "580 miles").
        Unit::Metres | Unit::Kilograms if imperial(&q.text) => format!("{qualifier}{}{subject}", q.text),
        Unit::Percent => format!("{qualifier}{number}%{subject}"),
        Unit::Metres if q.value >= 1000.0 => format!("{qualifier}{} km{subject}", format_number(q.value / 1000.0)),
        Unit::Metres => format!("{qualifier}{number} metres{subject}"),
        Unit::Days => format!("{qualifier}{}{subject}", spelled_span(&q.text)),
        Unit::Kilograms => format!("{qualifier}{number} kg{subject}"),
        Unit::Score => {
            let (first, second) = dossier_extract::score_figures(q.value);
            format!("{first}-{second}{subject}")
        }
    }
}

/// A span of time as a reader would say it on its own: "a 38-year wait"
/// gives "38 years", "a four-hour debate" "four hours"; other spans as
/// written ("after 15 years").
fn spelled_span(text: &str) -> Cow<'_, str> {
    let Some((number, unit)) = text.split_once('-') else { return Cow::Borrowed(text) };
    if unit.is_empty() || !unit.chars().all(|c| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let one = number == "1" || number.eq_ignore_ascii_case("one");
    let plural = if one || unit.ends_with('s') { "" } else { "s" };
    Cow::Owned(format!("{number} {unit}{plural}"))
}

/// Whether a quantity's text writes it in miles, feet, inches, yards,
/// pounds or tons.
fn imperial(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "mile", "miles", "mi", "foot", "feet", "ft", "inch", "inches", "yard", "yards", "pound", "pounds", "lb", "lbs",
        "ton", "tons",
    ];
    text.split(|c: char| !c.is_alphabetic()).any(|word| WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// A value as an outlet states it: "at least 5" is one statement, however
/// many times the outlet writes the 5.
#[derive(Clone, Copy)]
pub(crate) struct Stated {
    value: f64,
    qualifier: Qualifier,
    /// How far apart two values may be and still be one figure rounded
    /// ([`rounding`]).
    rounding: f64,
}

impl From<&Quantity> for Stated {
    fn from(q: &Quantity) -> Self {
        Stated { value: q.value, qualifier: q.qualifier, rounding: rounding(&q.unit) }
    }
}

/// How far apart, as a share of the larger, two values of a unit may be
/// and still be one figure rounded: none for a score, whose figures are
/// counted, not rounded ("3-1" and "3-2" are 3.001 and 3.002).
pub(crate) fn rounding(unit: &Unit) -> f64 {
    if *unit == Unit::Score {
        0.0
    } else {
        0.005
    }
}

/// Whether two statements of one subject can both be true.
pub(crate) fn compatible(a: impl Into<Stated>, b: impl Into<Stated>) -> bool {
    let (a, b): (Stated, Stated) = (a.into(), b.into());
    let within = |x: f64, y: f64, share: f64| (x - y).abs() <= share * x.abs().max(y.abs()) + 1e-9;
    if within(a.value, b.value, a.rounding.min(b.rounding)) {
        return true;
    }
    let fits = |bound: &Stated, other: &Stated| match bound.qualifier {
        // "More than 40" and a plain 40 are one figure told loosely, as
        // outlets do.
        Qualifier::AtLeast | Qualifier::MoreThan => other.value >= bound.value,
        Qualifier::AtMost | Qualifier::LessThan => other.value <= bound.value,
        Qualifier::About => within(bound.value, other.value, 0.1),
        Qualifier::Exact => false,
    };
    fits(&a, &b) || fits(&b, &a)
}

/// A unit as compared: amounts in two currencies are neither one value
/// nor two values of one thing (one may convert the other), whatever
/// country each names ("pounds", "Egyptian pounds").
pub(crate) fn unit_key(unit: &Unit) -> String {
    format!("{}{}", unit.as_str(), unit.currency().unwrap_or_default())
}

struct Claim<'a> {
    article: usize,
    quantity: Cow<'a, Quantity>,
}

/// An age with its person as the story names them: "the comedian" becomes
/// the story's one comedian (see [`Names::with_role`]; `named` are the
/// people the age's article names), a surname or a spelling variant the
/// full name the story's entities settled on. `None` when nothing changes.
fn resolved_age(q: &Quantity, names: &Names, named: &BTreeSet<usize>) -> Option<Quantity> {
    if q.unit != Unit::Age || q.subject.is_empty() {
        return None;
    }
    let id = match q.subject_key.strip_prefix("the ") {
        Some(role) => names.with_role(role, named),
        // A name ("Silverman"), never a noun ("a 45-year-old man" is not
        // the Isle of Man's).
        None if q.subject.starts_with(char::is_uppercase) => names.resolve(&q.subject),
        None => None,
    }?;
    let name = names.person(id)?;
    let key = name.to_lowercase();
    (key != q.subject_key).then(|| Quantity { subject: name.to_owned(), subject_key: key, ..q.clone() })
}

/// Letters a compound's first part has at least ("school" in
/// "schoolgirls").
const COMPOUND_PART: usize = 3;
/// Letters of a head's stem at least: "men" ends "women", "specimen" and
/// "abdomen" as well as "gunmen".
const COMPOUND_HEAD: usize = 4;

/// Counts of a compound noun are counts of its head when the story also
/// counts the head and no other compound of it: English compounds name a
/// kind of their last part, so "21 schoolgirls" and "20 girls" may count
/// the same girls (at close values and in sentences alike, as for any
/// count). Only one-word subjects, a first part of at least
/// [`COMPOUND_PART`] letters and a head of at least [`COMPOUND_HEAD`].
fn counted_by_head(claims: &mut [Claim<'_>]) {
    let one_word = |q: &Quantity| q.unit == Unit::Count && !q.subject_key.is_empty() && !q.subject_key.contains(' ');
    let keys: BTreeSet<String> =
        claims.iter().map(|c| &*c.quantity).filter(|q| one_word(q)).map(|q| q.subject_key.clone()).collect();
    // The longest of the key's endings that the story counts: a look-up
    // per letter, so the cost follows the number of keys.
    let head_of = |key: &str| {
        let starts: Vec<usize> = key.char_indices().map(|(at, _)| at).collect();
        let heads = starts.get(COMPOUND_PART..starts.len().saturating_sub(COMPOUND_HEAD - 1)).unwrap_or_default();
        heads.iter().map(|&at| &key[at..]).find(|head| keys.contains(*head)).map(str::to_owned)
    };
    let mut compounds: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for key in &keys {
        if let Some(head) = head_of(key) {
            compounds.entry(head).or_default().insert(key);
        }
    }
    for claim in claims.iter_mut().filter(|c| one_word(&c.quantity)) {
        let Some(head) = head_of(&claim.quantity.subject_key) else { continue };
        if compounds.get(&head).is_some_and(|c| c.len() == 1) {
            claim.quantity = Cow::Owned(Quantity { subject_key: head, ..claim.quantity.as_ref().clone() });
        }
    }
}

/// A quantity fact's key: its unit, its subject and its value in
/// thousandths.
type FactKey = (String, String, i64);

/// The smallest count of people told without what they are ("31 people")
/// that joins the story's one count of that value that says what they are
/// ("31 people aboard"): two or three of anything coincide too often.
const VAGUE_JOINS_FROM: f64 = 3.0;

/// A count of people told without what they are ("31 people", "Nine people
/// were treated in hospital") is, as a fact, the story's one count of that
/// value that says what they are ("31 people aboard", "9 injured"), when
/// there is exactly one: the same figure, said less precisely. It
/// corroborates that fact rather than standing as a fact of its own. Such
/// a count never conflicts (its subject is too vague), so only the facts
/// change.
fn people_told_what_they_are(facts: &mut BTreeMap<FactKey, Vec<usize>>) {
    let count = unit_key(&Unit::Count);
    // The counts of each value that say what they count, read once.
    let mut told: HashMap<i64, Vec<&FactKey>> = HashMap::new();
    for key in facts.keys().filter(|(unit, subject, _)| *unit == count && !subject.is_empty()) {
        told.entry(key.2).or_default().push(key);
    }
    let joins: Vec<(FactKey, FactKey)> = facts
        .keys()
        .filter(|(unit, subject, value)| *unit == count && subject.is_empty() && *value >= milli(VAGUE_JOINS_FROM))
        .filter_map(|vague| match told.get(&vague.2).map(Vec::as_slice) {
            Some([one]) => Some((vague.clone(), (*one).clone())),
            _ => None,
        })
        .collect();
    for (vague, one) in joins {
        if let Some(members) = facts.remove(&vague) {
            facts.entry(one).or_default().extend(members);
        }
    }
}

/// Nouns that count people, or their accounts ("500 million accounts",
/// "500 million users"). Only lower-case nouns: the extractor counts no
/// capitalised noun ("143 million Americans").
const POPULATION: &[&str] = &[
    "accounts",
    "citizens",
    "consumers",
    "customers",
    "individuals",
    "people",
    "persons",
    "residents",
    "subscribers",
    "users",
    "voters",
];
const POPULATION_KEY: &str = "people";
const POPULATION_SIZE: f64 = 1e6;

/// A count of people in the millions is one population whatever noun each
/// outlet gives it ("143 million consumers", "143million US customers",
/// "143 million people"): at that size two different groups of close
/// numbers are rare, while smaller counts of people of different kinds
/// (suspects, men, victims) abound in one story. A noun the story counts
/// in the millions goes to the population with all its counts, so that
/// "900,000 customers" and "1.2 million customers" are still compared;
/// "people" and "persons", too vague to be a subject of their own, only
/// in the millions.
fn populations(claims: &mut [Claim<'_>]) {
    let nouns: BTreeSet<String> = claims
        .iter()
        .map(|c| &*c.quantity)
        .filter(|q| q.unit == Unit::Count && is_population(q.value, &q.subject))
        .map(|q| q.subject.to_lowercase())
        .filter(|noun| !matches!(noun.as_str(), "people" | "persons"))
        .collect();
    for claim in claims.iter_mut() {
        let q = &*claim.quantity;
        let counted = is_population(q.value, &q.subject) || nouns.contains(&q.subject.to_lowercase());
        if q.unit == Unit::Count && counted {
            claim.quantity = Cow::Owned(Quantity { subject_key: POPULATION_KEY.to_owned(), ..q.clone() });
        }
    }
}

/// Every quantity of the story's articles, ages with their person as the
/// story names them ([`resolved_age`]).
fn claims<'a>(story: &Story<'a>, names: &Names) -> Vec<Claim<'a>> {
    let mut claims = Vec::new();
    for (article, source) in story.sources.iter().enumerate() {
        let people = source.facts.entities.iter().filter(|e| e.kind == EntityKind::Person);
        let named: BTreeSet<usize> = people.filter_map(|e| names.resolve(&e.name)).collect();
        for quantity in &source.facts.quantities {
            let resolved = resolved_age(quantity, names, &named);
            let quantity = resolved.map_or(Cow::Borrowed(quantity), Cow::Owned);
            claims.push(Claim { article, quantity });
        }
    }
    claims
}

/// Articles compared for [`AgesApart`] per pair of people and the gap
/// between their ages, at most: the cost stays bounded when a story holds
/// many profiles of one family.
const AGES_APART_GROUP: usize = 64;

/// The pairs of articles that tell people's ages as of different years:
/// both give two people or more an age, and every age one gives moved by
/// the same number of years in the other ("Malia, 6, and Sasha, 3" /
/// "Malia, 10, and Sasha, 7"), as profiles written years apart do. Their
/// ages disagree about nothing. An age changed on its own, or by another
/// number of years than the rest, still does.
pub(crate) struct AgesApart(HashSet<(usize, usize)>);

impl AgesApart {
    fn new(claims: &[Claim<'_>]) -> Self {
        // Each article's one age per person named (a person given two ages
        // by one article is left out).
        let mut ages: BTreeMap<usize, BTreeMap<String, Option<i64>>> = BTreeMap::new();
        for claim in claims {
            let q = &*claim.quantity;
            if q.unit == Unit::Age && q.subject.starts_with(char::is_uppercase) {
                let value = milli(q.value);
                ages.entry(claim.article)
                    .or_default()
                    .entry(q.subject_key.clone())
                    .and_modify(|age| *age = age.filter(|&age| age == value))
                    .or_insert(Some(value));
            }
        }
        let ages: BTreeMap<usize, BTreeMap<String, i64>> = ages
            .into_iter()
            .map(|(article, people)| (article, people.into_iter().filter_map(|(p, age)| Some((p, age?))).collect()))
            .collect();
        // Articles that give two people ages this far apart are the ones
        // compared.
        let mut groups: HashMap<(&str, &str, i64), Vec<usize>> = HashMap::new();
        for (&article, people) in &ages {
            for (first, &x) in people {
                for (second, &y) in
                    people.range::<String, _>((std::ops::Bound::Excluded(first), std::ops::Bound::Unbounded))
                {
                    let group = groups.entry((first.as_str(), second.as_str(), x - y)).or_default();
                    if group.len() < AGES_APART_GROUP {
                        group.push(article);
                    }
                }
            }
        }
        let moved_together = |a: &BTreeMap<String, i64>, b: &BTreeMap<String, i64>| {
            let mut shifts = a.iter().filter_map(|(person, x)| Some(b.get(person)? - x));
            let Some(first) = shifts.next() else { return false };
            first != 0 && shifts.all(|shift| shift == first)
        };
        let mut apart = HashSet::new();
        for group in groups.values() {
            for (n, &a) in group.iter().enumerate() {
                for &b in &group[n + 1..] {
                    if !apart.contains(&(a, b)) && moved_together(&ages[&a], &ages[&b]) {
                        apart.insert((a, b));
                    }
                }
            }
        }
        Self(apart)
    }

    /// Whether two articles tell ages as of different years.
    pub(crate) fn contains(&self, a: usize, b: usize) -> bool {
        self.0.contains(&(a.min(b), a.max(b)))
    }
}

/// The story's quantity facts and conflicts; returns the articles that
/// tell ages as of different years, for the numbers of aligned sentences.
pub(crate) fn reconcile(story: &Story<'_>, names: &Names, numbers: &Written, out: &mut StoryFacts) -> AgesApart {
    let mut claims = claims(story, names);
    let ages_apart = AgesApart::new(&claims);
    counted_by_head(&mut claims);
    populations(&mut claims);
    // Facts: one per subject and value (per value for measures).
    let mut facts: BTreeMap<FactKey, Vec<usize>> = BTreeMap::new();
    for (n, claim) in claims.iter().enumerate() {
        let q = &*claim.quantity;
        let subject = match q.unit {
            Unit::Count | Unit::Age | Unit::Days => q.subject_key.clone(),
            _ => String::new(),
        };
        if matches!(q.unit, Unit::Count) && q.subject.is_empty() {
            continue;
        }
        facts.entry((unit_key(&q.unit), subject, milli(q.value))).or_default().push(n);
    }
    people_told_what_they_are(&mut facts);
    // Conflicts: one per subject.
    let mut subjects: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (n, claim) in claims.iter().enumerate() {
        let q = &*claim.quantity;
        // Percentages move by the hour (markets, polls): never a conflict.
        // A span of time of nothing named ("after 15 years") is its own
        // subject, to be said in sentences told alike.
        if (!q.subject_key.is_empty() || q.unit == Unit::Days) && q.unit != Unit::Percent {
            subjects.entry((unit_key(&q.unit), q.subject_key.clone())).or_default().push(n);
        }
    }
    // The ages each article gives anyone.
    let ages: HashSet<(usize, i64)> =
        claims.iter().filter(|c| c.quantity.unit == Unit::Age).map(|c| (c.article, milli(c.quantity.value))).collect();
    // The subjects each value an article writes is read as, for the units
    // whose values are as written, where `numbers` counts the value in the
    // claim's sentence.
    let mut read_as: HashMap<(usize, i64), Vec<(&str, bool)>> = HashMap::new();
    for claim in &claims {
        let q = &*claim.quantity;
        let as_written = matches!(q.unit, Unit::Count | Unit::Age | Unit::Money(_) | Unit::Percent);
        if as_written && !q.subject_key.is_empty() && numbers.counts(claim.article, q.sentence, milli(q.value)) {
            let reading = (q.subject_key.as_str(), q.unit == Unit::Count);
            read_as.entry((claim.article, milli(q.value))).or_default().push(reading);
        }
    }
    let mut conflicted: BTreeSet<usize> = BTreeSet::new();
    for ((_, subject_key), members) in &subjects {
        let toll = TOLLS.contains(&subject_key.as_str());
        // A toll, or the age of someone named ("Sarah Silverman", or a
        // single name, "Harambe"; not "the comedian" the story could not
        // name, nor "the boy"), is specific enough on its own; anything
        // else must be said in near-identical sentences.
        let named = claims[members[0]].quantity.subject.starts_with(char::is_uppercase);
        let named_age = named && claims[members[0]].quantity.unit == Unit::Age;
        let specific = toll || named_age;
        // An article that writes both values tells of two things, unless
        // it writes the other value as something else. A count: the times
        // the article writes the other value as another subject's do not
        // count ("25 people were injured" beside "26 crew members"); for a
        // toll, whose parts are counts of other subjects ("two crew members
        // and ten passengers killed"), only those as no count do (the
        // gunman's age, "Rudd, 47", beside "41 dead"). Sums of money
        // keep every time. The age of someone named: only the other value
        // given as an age counts ("Sheen, 49" beside "Silverman, 47"),
        // since "20 people" says nothing of anyone's age.
        let count = claims[members[0]].quantity.unit == Unit::Count;
        let any_number = |article: usize, value: i64| {
            let apart = |&&(key, a_count): &&(&str, bool)| key != subject_key && !(toll && a_count);
            let readings = || read_as.get(&(article, value)).map_or(0, |r| r.iter().filter(apart).count());
            numbers.times(article, value) > if count { readings() } else { 0 }
        };
        let an_age = |article: usize, value: i64| ages.contains(&(article, value));
        let writes: &dyn Fn(usize, i64) -> bool = if named_age { &an_age } else { &any_number };
        // Ages of someone named told by articles as of different years are
        // no disagreement.
        let of_one_time =
            |a: usize, b: usize| !(named_age && ages_apart.contains(claims[a].article, claims[b].article));
        let Some(versions) = versions(&claims, members, story, writes, &of_one_time, specific, toll) else { continue };
        let subject = match &claims[members[0]].quantity {
            q if q.subject.is_empty() => q.unit.as_str().to_owned(),
            _ if subject_key == POPULATION_KEY => POPULATION_KEY.to_owned(),
            q => q.subject.clone(),
        };
        let grown = if toll {
            progression(&claims, &versions, story, &subject)
        } else if subject_key == POPULATION_KEY {
            revision(&claims, &versions, story, &subject)
        } else {
            None
        };
        if let Some(progression) = grown {
            out.progressions.push(progression);
            continue;
        }
        conflicted.extend(versions.iter().flat_map(|(_, claims)| claims.iter().copied()));
        let values = versions
            .iter()
            .map(|(_, members)| {
                let mentions: Vec<(usize, usize)> =
                    members.iter().map(|&n| (claims[n].article, claims[n].quantity.sentence)).collect();
                Version::said(story, display(&claims[members[0]].quantity), &mentions)
            })
            .collect();
        out.conflicts.push(Conflict { kind: ConflictKind::Quantity, subject, values });
    }
    for members in facts.values() {
        let quantity = &*claims[members[0]].quantity;
        let mentions: Vec<(usize, usize)> =
            members.iter().map(|&n| (claims[n].article, claims[n].quantity.sentence)).collect();
        let mut fact = story.fact(quantity.unit.as_str(), display(quantity), &mentions);
        if members.iter().any(|n| conflicted.contains(n)) {
            fact.status = Status::Conflict;
        }
        out.facts.push(fact);
    }
    ages_apart
}

/// The incompatible versions of one subject, each with its claims, or
/// `None` when the outlets agree. `written` says whether an article writes
/// a value so as to tell of another thing; `of_one_time` whether two
/// claims may tell of the same time; `specific` whether the subject is one
/// thing on its own, `toll` whether it is a toll.
fn versions(
    claims: &[Claim<'_>],
    members: &[usize],
    story: &Story<'_>,
    written: &dyn Fn(usize, i64) -> bool,
    of_one_time: &dyn Fn(usize, usize) -> bool,
    specific: bool,
    toll: bool,
) -> Option<Vec<(i64, Vec<usize>)>> {
    let mut by_outlet: HashMap<&str, Vec<usize>> = HashMap::new();
    for &n in members {
        by_outlet.entry(story.sources[claims[n].article].outlet.as_str()).or_default().push(n);
    }
    if by_outlet.len() < 2 {
        return None;
    }
    // One outlet giving the subject two values it writes plainly ("2 dead"
    // and "32 dead") makes the subject ambiguous: two things share it.
    // Values as written, not as the outlet's bounds read them: bounded,
    // "at least 2" would accept the 32 and pair two events' tolls.
    let two_values = |group: &[usize]| {
        let first = &*claims[group[0]].quantity;
        group.iter().any(|&n| !compatible(first, &*claims[n].quantity))
    };
    let ambiguous = by_outlet.values().any(|claims_of_outlet| two_values(claims_of_outlet));
    // The articles that give a toll two values themselves (a report that
    // lists past tolls), when some do.
    let mut two_valued: HashSet<usize> = HashSet::new();
    if toll && ambiguous {
        let mut by_article: HashMap<usize, Vec<usize>> = HashMap::new();
        for &n in members {
            by_article.entry(claims[n].article).or_default().push(n);
        }
        two_valued.extend(by_article.iter().filter(|(_, of_article)| two_values(of_article)).map(|(a, _)| *a));
    }
    let mut versions: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for &n in members {
        versions.entry(milli(claims[n].quantity.value)).or_default().push(n);
    }
    // Two versions from different outlets that cannot both be true.
    let list: Vec<(i64, Vec<usize>)> = versions.into_iter().collect();
    // ... and said of the same thing: their sentences share terms beyond the
    // subject. Each version's distinct (outlet, sentence terms) are worked
    // out once, and at most SAME_THING_SAMPLE of them compared, so a story
    // of thousands of alike articles costs what a small one does.
    let contexts: Vec<Vec<(&str, HashSet<String>)>> = list
        .iter()
        .map(|(_, members)| {
            let mut distinct: Vec<(&str, HashSet<String>)> = Vec::new();
            for &n in members {
                let claim = &claims[n];
                let source = story.sources[claim.article];
                let sentence = source.facts.sentences.get(claim.quantity.sentence);
                let context = (source.outlet.as_str(), terms(sentence.map_or("", String::as_str)));
                if !distinct.contains(&context) {
                    distinct.push(context);
                    if distinct.len() == SAME_THING_SAMPLE {
                        break;
                    }
                }
            }
            distinct
        })
        .collect();
    // A specific subject is one thing, unless an outlet gives it two values:
    // then its values must be said in sentences told alike, as aligned
    // sentences are. An unspecific one must always be said in
    // near-identical sentences.
    let needed = match (specific, ambiguous) {
        (true, false) => (0, 0.0),
        (true, true) => (ALIGNED_SHARED, ALIGNED_SHARE),
        (false, _) => (NEAR_IDENTICAL_SHARED, NEAR_IDENTICAL_SHARE),
    };
    // Counts and sums of one unspecific thing at close values (a misread or
    // misprinted figure, "24 engines" / "27 engines", "a bill for $284
    // billion" / "a $204 billion bill") need sentences that share a few
    // terms only, whether or not the subject is ambiguous: an article that
    // writes both close values is no side (see `clash`), and values far
    // apart do not qualify.
    let unit = &claims[members[0]].quantity.unit;
    let closes = matches!(unit, Unit::Count | Unit::Days | Unit::Money(_));
    let money = matches!(unit, Unit::Money(_));
    let close_shared = if money { CLOSE_MONEY_SHARED } else { CLOSE_SHARED };
    let a_version = |terms: &HashSet<String>| money && calls_a_version(terms);
    let close_values = |a: usize, b: usize| {
        let (x, y) = (list[a].0.abs() as f64, list[b].0.abs() as f64);
        x.max(y) <= CLOSE_VALUES * x.min(y)
    };
    let same_thing = |a: usize, b: usize| {
        let close = !specific && closes && close_values(a, b);
        contexts[a].iter().any(|(outlet_a, x)| {
            contexts[b].iter().any(|(outlet_b, y)| {
                let loose = close && !a_version(x) && !a_version(y);
                let (min_shared, min_share) = if loose { (close_shared, CLOSE_SHARE) } else { needed };
                let (shared, share) = overlap(x, y);
                outlet_a != outlet_b && shared >= min_shared && share >= min_share
            })
        })
    };
    // An outlet that bounds a value once ("at least five people are dead")
    // bounds its bare mentions of it too (the headline's "Five dead").
    let mut bounds: HashMap<(&str, i64), Qualifier> = HashMap::new();
    for &n in members {
        let q = &*claims[n].quantity;
        if q.qualifier != Qualifier::Exact {
            bounds.entry((story.sources[claims[n].article].outlet.as_str(), milli(q.value))).or_insert(q.qualifier);
        }
    }
    let stated = |n: usize| {
        let q = &*claims[n].quantity;
        let outlet = story.sources[claims[n].article].outlet.as_str();
        let qualifier = bounds.get(&(outlet, milli(q.value))).copied().unwrap_or(q.qualifier);
        Stated { qualifier, ..Stated::from(q) }
    };
    // Each version's statements: a version's values are one, so whether two
    // clash turns on their qualifiers alone, and two outlets per qualifier
    // are enough to find a pair from different outlets. A story of
    // thousands of alike articles compares few of them.
    let statements_of = |plain_only: bool| -> Vec<Vec<(&str, Stated)>> {
        list.iter()
            .map(|(_, members)| {
                let mut distinct: Vec<(&str, Stated)> = Vec::new();
                for &n in members {
                    if plain_only && two_valued.contains(&claims[n].article) {
                        continue;
                    }
                    let (outlet, s) = (story.sources[claims[n].article].outlet.as_str(), stated(n));
                    let same_qualifier = distinct.iter().filter(|(_, t)| t.qualifier == s.qualifier);
                    let (count, seen) =
                        same_qualifier.fold((0, false), |(c, seen), (o, _)| (c + 1, seen || *o == outlet));
                    if !seen && count < 2 {
                        distinct.push((outlet, s));
                    }
                }
                distinct
            })
            .collect()
    };
    // ... and those of the articles that give the subject one value.
    let statements = statements_of(false);
    let plain_statements = if two_valued.is_empty() { Vec::new() } else { statements_of(true) };
    // Whether statements of two versions by two outlets cannot both be
    // true.
    let clash_between = |a: usize, b: usize, plain_only: bool| {
        let statements = if plain_only { &plain_statements } else { &statements };
        statements[a]
            .iter()
            .any(|(outlet_a, p)| statements[b].iter().any(|(outlet_b, q)| outlet_a != outlet_b && !compatible(*p, *q)))
    };
    // Two versions clash when statements of them by two outlets cannot both
    // be true, said of the same thing, and no article of either writes the
    // other's value (an article that writes both tells of two things).
    let writes = |members: &[usize], value: i64| members.iter().any(|&n| written(claims[n].article, value));
    // Values are compared as read ("six hours" is a quarter of a day, not
    // the 6 written), so an article read with both values writes both too.
    let articles: Vec<HashSet<usize>> =
        list.iter().map(|(_, members)| members.iter().map(|&n| claims[n].article).collect()).collect();
    let clash = |i: usize, j: usize| {
        let ((p, a), (q, b)) = (&list[i], &list[j]);
        let read_both = !articles[i].is_disjoint(&articles[j]);
        let told_apart = !writes(a, *q) && !writes(b, *p) && !read_both;
        // A toll that an article gives two values (a list of past tolls,
        // "49 dead in Orlando") stays one thing between the articles that
        // give it one value each, at close values, as an unambiguous toll
        // is: the list does not make every outlet's toll another event's.
        // An article whose one toll is a past event's close to this one's
        // would clash too; none that writes both values does.
        let plain_pair = !two_valued.is_empty() && close_values(i, j) && clash_between(i, j, true);
        // Some two claims of the versions may tell of one time (a sample,
        // as for the sentences).
        let one_time = || {
            let sample = SAME_THING_SAMPLE;
            a.iter().take(sample).any(|&m| b.iter().take(sample).any(|&n| of_one_time(m, n)))
        };
        told_apart && one_time() && (plain_pair || (clash_between(i, j, false) && same_thing(i, j)))
    };
    let pairs = || (0..list.len()).flat_map(|i| (i + 1..list.len()).map(move |j| (i, j)));
    // A specific, unambiguous subject shows every version once two clash;
    // any other only those that clash (the others were not shown to be of
    // the same thing).
    if specific && !ambiguous {
        return pairs().any(|(i, j)| clash(i, j)).then_some(list);
    }
    let clashing: BTreeSet<usize> = pairs().filter(|&(i, j)| clash(i, j)).flat_map(|(i, j)| [i, j]).collect();
    let kept: Vec<(i64, Vec<usize>)> =
        list.into_iter().enumerate().filter(|(i, _)| clashing.contains(i)).map(|(_, version)| version).collect();
    (!kept.is_empty()).then_some(kept)
}

/// A toll rising with publication time, when every source is timed and
/// sources of one time agree.
fn progression(
    claims: &[Claim<'_>],
    versions: &[(i64, Vec<usize>)],
    story: &Story<'_>,
    subject: &str,
) -> Option<Progression> {
    let points = points(claims, versions, |article| timed(story, article))?;
    let span = points.last()?.0 - points.first()?.0;
    if !rises(&points) || span > PROGRESSION_SECONDS {
        return None;
    }
    Some(steps(story, subject, &points))
}

/// A population revised upwards from one day to a later one ("143
/// million" in the first week's reports, "145.5 million" in later ones):
/// every source dated, one value a day, and no later day giving less.
fn revision(
    claims: &[Claim<'_>],
    versions: &[(i64, Vec<usize>)],
    story: &Story<'_>,
    subject: &str,
) -> Option<Progression> {
    let points = points(claims, versions, |article| dated(story, article))?;
    rises(&points).then(|| steps(story, subject, &points))
}

/// Whether `(time, value, article)` points in order of time never fall,
/// and points of one time agree: reports of one moment giving two values
/// clash, they do not rise.
fn rises(points: &[(i64, f64, usize)]) -> bool {
    points.windows(2).all(|w| if w[0].0 == w[1].0 { w[0].1 == w[1].1 } else { w[1].1 >= w[0].1 })
}

/// The versions' claims as `(time, value, article)`, in order of time
/// and value; `None` when an article has no `time`.
fn points(
    claims: &[Claim<'_>],
    versions: &[(i64, Vec<usize>)],
    time: impl Fn(usize) -> Option<i64>,
) -> Option<Vec<(i64, f64, usize)>> {
    let mut points = Vec::new();
    for &n in versions.iter().flat_map(|(_, members)| members) {
        let article = claims[n].article;
        points.push((time(article)?, claims[n].quantity.value, article));
    }
    points.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    Some(points)
}

/// The steps of a progression, from `(time, value, article)` in order.
fn steps(story: &Story<'_>, subject: &str, points: &[(i64, f64, usize)]) -> Progression {
    let mut steps: Vec<Step> = Vec::new();
    for &(_, value, article) in points {
        let source = story.sources[article];
        let published = source.published.map(|p| p.to_string()).unwrap_or_default();
        let value = format_number(value);
        match steps.last_mut() {
            Some(step) if step.value == value => {
                if !step.sources.contains(&source.article) {
                    step.sources.push(source.article.clone());
                }
            }
            _ => steps.push(Step { value, published, sources: vec![source.article.clone()] }),
        }
    }
    Progression { subject: subject.to_owned(), steps }
}
