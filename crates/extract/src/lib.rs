//! The extract stage: the facts one article states.
//!
//! [`extract`] reads one normalised [`Article`] and returns its [`Facts`]:
//!
//! - **entities**: people, organisations and places (capitalised-phrase
//!   chunking with titles, role nouns, honorifics, possessives, initials
//!   and hand-written gazetteers; see `entities.rs`);
//! - **quantities**: numbers with their unit and what they measure ("12
//!   injured", "143 passengers", the age of a person, "$3.8 million",
//!   "50 metres", "400 pounds" as kilograms), normalised ("fifty" → 50,
//!   "1.2 million" → 1,200,000);
//! - **dates**: absolute and relative ("on Sunday", "yesterday"), resolved
//!   against the publication time passed in — never the clock;
//! - **quotes** with their speakers, and the **event sentences** a timeline
//!   is made of.
//!
//! It is a pure function: no I/O, no clock, no model download, the same
//! article always gives the same facts. Only English text is read; for an
//! article in another language it returns the sentences and no facts,
//! rather than guess.
//!
//! ```
//! use dossier_domain::Published;
//! use dossier_extract::{extract_text, EntityKind};
//!
//! let facts = extract_text(
//!     None,
//!     "Mayor Karen Bass, 62, said on Sunday that 12 people were injured.",
//!     Published::parse("2024-08-12"),
//! );
//! assert!(facts.entities.iter().any(|e| e.name == "Karen Bass" && e.kind == EntityKind::Person));
//! let injured = facts.quantities.iter().find(|q| q.subject == "injured").unwrap();
//! assert_eq!(injured.value, 12.0);
//! assert_eq!(facts.dates[0].day.to_string(), "2024-08-11");
//! ```

mod dates;
mod entities;
mod events;
pub mod gazetteer;
mod numbers;
mod quantities;
mod quotes;
mod tokens;

pub use dates::{is_month_name, EVENT_NOUNS, LEAD_SENTENCES};
pub use numbers::{format_number, is_number_word, multiplier_word, number_at};
pub use quantities::{is_sum_or_rate_word, qualifier_before};
pub use tokens::{tokenize, Token, TokenKind};

use chrono::NaiveDate;
use std::sync::LazyLock;

/// The English analyzer (stop words, stems), built once.
static ENGLISH: LazyLock<dossier_text::Analyzer> = LazyLock::new(dossier_text::Analyzer::english);

pub(crate) fn english() -> &'static dossier_text::Analyzer {
    &ENGLISH
}
use dossier_domain::{Article, Published};
use std::collections::HashSet;

/// Everything one article states.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    /// The sentences facts point into: the title (when the text does not
    /// open with it), then the text's sentences.
    pub sentences: Vec<String>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// The day the article's main event happened, when it says.
    pub event_date: Option<NaiveDate>,
}

/// What kind of thing a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    /// A multi-word name of unknown kind (a band, a work, an event).
    Other,
}

impl EntityKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "organisation",
            Self::Place => "place",
            Self::Other => "name",
        }
    }
}

/// One mention of a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The full name this mention stands for within the article ("Simone
    /// Biles" for a later "Biles"; "Los Angeles" for "L.A.").
    pub name: String,
    /// How it was written, when that differs from `name`.
    pub written: Option<String>,
    pub kind: EntityKind,
    /// Index into [`Facts::sentences`].
    pub sentence: usize,
    /// The title or role that introduced it ("Mayor", "gymnast").
    pub role: Option<String>,
    /// Found in a sentence that lists many names: weaker evidence, never
    /// used to call a name conflict.
    pub listed: bool,
    /// The sex the honorific it was written with tells ("Ms. Thurman":
    /// `Some(true)`, "Mr. Dorsey": `Some(false)`).
    pub female: Option<bool>,
}

impl Entity {
    pub(crate) fn new(name: String, kind: EntityKind, sentence: usize) -> Self {
        Self { name, written: None, kind, sentence, role: None, listed: false, female: None }
    }

    /// The role's noun, lower case, that "the {noun}" refers back by
    /// ("Fire Chief" → "chief", "comedian"; "comic" → "comedian", see
    /// [`gazetteer::role_key`]).
    pub fn role_noun(&self) -> Option<String> {
        let role = self.role.as_deref()?;
        let noun = role.rsplit(' ').next().unwrap_or(role).to_lowercase();
        Some(gazetteer::role_key(&noun).to_owned())
    }
}

/// What a number measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A count of things or people (the subject says of what).
    Count,
    /// An age in years.
    Age,
    /// Money, with its currency as written ("$", "£", "euros").
    Money(String),
    Percent,
    /// A distance or length, normalised to metres.
    Metres,
    /// A duration, normalised to days.
    Days,
    /// A weight, normalised to kilograms.
    Kilograms,
    /// A result in two figures, a match's score or a vote's tally ("2-1",
    /// "9-2"): the value is the first figure plus the second in
    /// thousandths (2-1 is 2.001; each figure has at most three digits), so
    /// that two results compare as one number does ([`score_figures`]).
    Score,
}

impl Unit {
    pub fn as_str(&self) -> &str {
        match self {
            Self::Count => "count",
            Self::Age => "age",
            Self::Money(_) => "money",
            Self::Percent => "percent",
            Self::Metres => "distance",
            Self::Days => "duration",
            Self::Kilograms => "mass",
            Self::Score => "score",
        }
    }

    /// An amount's currency, whichever country's: "£", "pounds" and
    /// "Egyptian pounds" are all pounds (a bare "pounds" in a story from
    /// Cairo is Egyptian). `None` for other units.
    pub fn currency(&self) -> Option<&str> {
        let Self::Money(symbol) = self else { return None };
        let last = symbol.rsplit_once(' ').map_or(symbol.as_str(), |(_, last)| last);
        Some(quantities::currency_word(last).unwrap_or(symbol))
    }
}

/// The value of a [`Unit::Score`] for its two figures.
pub fn score_value(first: u32, second: u32) -> f64 {
    f64::from(first) + f64::from(second) / 1000.0
}

/// The two figures of a [`Unit::Score`]'s value ("2-1" for 2.001).
pub fn score_figures(value: f64) -> (u32, u32) {
    let thousandths = (value * 1000.0).round() as u64;
    ((thousandths / 1000) as u32, (thousandths % 1000) as u32)
}

/// How exactly a number was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// "at least".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "up to".
    AtMost,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "about", "nearly", "some", "an estimated".
    About,
}

/// A number with what it measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value in the unit's normal form (metres, days, kilograms,
    /// currency units).
    pub value: f64,
    pub unit: Unit,
    /// What is counted or measured, as a reader would name it ("injured",
    /// "passengers", "Karen Bass"); empty when the text does not say.
    pub subject: String,
    /// `subject` reduced for comparison (lower case, stemmed).
    pub subject_key: String,
    pub qualifier: Qualifier,
    /// The words that stated it ("at least 130").
    pub text: String,
    pub sentence: usize,
}

/// A day the article names.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub day: NaiveDate,
    /// As written ("on Sunday", "August 11, 2024").
    pub text: String,
    pub sentence: usize,
    /// Resolved from a weekday or "yesterday" rather than written out.
    pub relative: bool,
    /// Said of what will happen ("will resume on Thursday").
    pub future: bool,
    /// The weekday written with a date ("Tuesday, Jan. 2, 2018"); it may
    /// not be the date's.
    pub weekday: Option<chrono::Weekday>,
    /// Dates a statement ("investigators said Monday that the plane
    /// crashed"), not the event the statement tells.
    pub statement: bool,
    /// How the sentence calls the event the day dates by a generic noun,
    /// when it does ("the accident happened on Tuesday", "Tuesday's
    /// crash").
    pub called: Option<Called>,
    /// The day someone was born ("born on 27 October, 1920"): background,
    /// never the article's event day nor what its weekdays are told from.
    pub born: bool,
    /// Resolved against a day that is not the article's publication day (an
    /// undated article's latest written date): a weekday, or a date
    /// without its year. Its year is a guess, so it is never the article's
    /// event day.
    pub guessed: bool,
}

/// How a sentence calls the event one of its days dates by a generic noun
/// ("accident", "crash", "explosion"), with the noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Called {
    /// "The accident happened late Tuesday": the sentence tells the
    /// event's day.
    Told(&'static str),
    /// "Tuesday's accident": the sentence names the event by its day.
    Named(&'static str),
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: String,
    /// The speaker's full name within the article, when it says.
    pub speaker: Option<String>,
    pub sentence: usize,
}

/// A sentence that reports something happening: a timeline step.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub sentence: usize,
    /// The day it happened on, when the sentence says.
    pub day: Option<NaiveDate>,
    /// The time of day, as written ("7:42 a.m.").
    pub time: Option<String>,
}

/// Sentences that carry no facts of the article: photo credits, links to
/// other stories.
fn is_boilerplate(sentence: &str) -> bool {
    const OPENINGS: &[&str] =
        &["photo:", "photograph:", "image:", "credit:", "read more", "related:", "advertisement", "image copyright"];
    let start: String = sentence.chars().take(20).collect::<String>().to_lowercase();
    OPENINGS.iter().any(|opening| start.starts_with(opening))
}

/// Extracts the facts of a normalised article.
pub fn extract(article: &Article) -> Facts {
    extract_fields(article.title.as_deref(), &article.text, article.published, article.language.as_deref())
}

/// [`extract`] over an article's fields: the title, the normalised text,
/// the publication time and the ISO 639-3 language code.
pub fn extract_fields(title: Option<&str>, text: &str, published: Option<Published>, language: Option<&str>) -> Facts {
    if language.is_some_and(|language| language != "eng") {
        return Facts { sentences: split(title, text), ..Facts::default() };
    }
    extract_text(title, text, published)
}

fn split(title: Option<&str>, text: &str) -> Vec<String> {
    split_paragraphs(title, text).0
}

/// The sentences, and for each whether it opens a paragraph. The title
/// and the first sentence do. In a text with blank lines, a blank line
/// parts paragraphs; otherwise a line break does, after a line that ends a
/// sentence (a line that does not is wrapped: hard-wrapped wire copy).
fn split_paragraphs(title: Option<&str>, text: &str) -> (Vec<String>, Vec<bool>) {
    let mut sentences = Vec::new();
    let mut opens = Vec::new();
    if let Some(title) = title.filter(|title| !title.is_empty() && !text.starts_with(*title)) {
        sentences.push(title.to_owned());
        opens.push(true);
    }
    let blank_lines = text.trim().lines().any(|line| line.trim().is_empty());
    let mut end = 0;
    let mut previous: Option<&str> = None;
    for sentence in dossier_text::sentences(text) {
        // Each sentence is a slice of `text`.
        let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
        let gap = &text[end..start];
        let ended =
            previous.is_some_and(|p| p.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', '?', ':']));
        let opened = match previous {
            None => true,
            Some(_) if blank_lines => gap.matches('\n').count() >= 2,
            Some(_) => gap.contains('\n') && ended,
        };
        opens.push(opened);
        end = start + sentence.len();
        previous = Some(sentence);
        // A sentence of hard-wrapped text goes on over line breaks; it is
        // kept, and shown, on one line.
        sentences.push(if sentence.contains('\n') { sentence.replace('\n', " ") } else { sentence.to_owned() });
    }
    (sentences, opens)
}

/// The sentences as tokens, with the words the article writes in lower
/// case. Boilerplate, numeric tables and runaway lines are left empty: they
/// carry no sentence facts.
fn tokenized(sentences: &[String]) -> entities::Article<'_> {
    let mut tokenized: Vec<Vec<Token<'_>>> =
        sentences.iter().map(|s| if is_boilerplate(s) { Vec::new() } else { tokenize(s) }).collect();
    for tokens in tokenized.iter_mut() {
        let numbers = tokens.iter().filter(|t| t.is_number()).count();
        if tokens.len() > 400 || (numbers >= 6 && numbers * 3 > tokens.len()) {
            tokens.clear();
        }
    }
    let lowercase_words: HashSet<&str> = tokenized
        .iter()
        .flatten()
        .filter(|t| t.is_word() && t.text.starts_with(|c: char| c.is_lowercase()))
        .map(|t| t.text)
        .collect();
    entities::Article { sentences: tokenized, lowercase_words }
}

/// Extracts the facts of English text with an optional title, resolving
/// relative dates against `published`.
pub fn extract_text(title: Option<&str>, text: &str, published: Option<Published>) -> Facts {
    let (sentences, paragraphs) = split_paragraphs(title, text);
    let article = tokenized(&sentences);
    let entities = entities::extract(&article);
    let by_role = entities::people_by_role(&entities);
    let quantities = quantities::extract(&article.sentences, &entities, &by_role);
    let anchor = dates::Anchor::new(published, &article.sentences);
    let mut dates = dates::extract(&article.sentences, &anchor);
    let event_date = dates::event_date(&dates, &anchor);
    dates::after_the_event(&mut dates, event_date, &anchor);
    let quotes = quotes::extract(&sentences, &paragraphs, &article.sentences, &entities, &by_role);
    let events = events::extract(&sentences, &article.sentences, &entities, &quantities, &dates);
    Facts { sentences, entities, quantities, dates, quotes, events, event_date }
}

/// The distinct names (people, organisations, places) an English article
/// mentions, in order of first mention: the entity part of [`extract_fields`]
/// alone, for a search index. Other languages give none.
pub fn entity_names(title: Option<&str>, text: &str, language: Option<&str>) -> Vec<String> {
    if language.is_some_and(|language| language != "eng") {
        return Vec::new();
    }
    let sentences = split(title, text);
    let article = tokenized(&sentences);
    let mut seen = HashSet::new();
    entities::extract(&article).into_iter().map(|entity| entity.name).filter(|name| seen.insert(name.clone())).collect()
}
