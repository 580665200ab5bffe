//! Numbers with their unit and what they measure.
//!
//! A quantity is a number (digits, words, a multiplier) with an optional
//! currency before it and unit after it, a qualifier ("at least") and a
//! subject: a toll word near it ("injuring 12 people" → injured), the noun
//! it counts ("143 passengers"; the first noun of a singular compound, "a
//! 12 point lead"), or, for an age, the person it belongs to
//! ("Ines Farrow, 29", "the 62-year-old actor" when the article has one
//! actor; "the actor" otherwise, for reconcile to find the story's one
//! actor). Units: money (a currency may be named with its country's
//! adjective, "30,000 Egyptian pounds"), percentages, distances in metres,
//! durations in days (with no subject when none is named, "after 15
//! years"; "15 years ago" is a day, not a duration), weights in kilograms
//! ("pounds" is a weight only after a word of weight, "weighs 400 pounds",
//! or converted to or from another weight, "140,660 pounds (63,800
//! kilograms)"; "pounds of thrust" are neither; else money), and scores
//! and tallies in two figures ("beat Dunmere 2-1", "passed 9–2") where a
//! word of winning, losing or voting says so. A number with no unit and no
//! subject is not a fact; nor is a year, a time of day, or a partitive
//! ("two of the injured"), unless a plural names the group ("15 of the
//! schoolgirls" counts schoolgirls).

use crate::entities::PeopleByRole;
use crate::numbers::{digits_value, number_at};
use crate::tokens::Token;
use crate::{Entity, EntityKind, Qualifier, Quantity, Unit};

/// More quantities than this in one sentence make it a table.
const TABLE_QUANTITIES: usize = 12;

/// Toll words and the subject they stand for.
const TOLLS: &[(&str, &str)] = &[
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("bodies", "dead"),
    ("casualties", "casualties"),
    ("dead", "dead"),
    ("death", "dead"),
    ("deaths", "dead"),
    ("detained", "arrested"),
    ("died", "dead"),
    ("evacuated", "evacuated"),
    ("fatalities", "dead"),
    ("hospitalised", "hospitalised"),
    ("hospitalized", "hospitalised"),
    ("hurt", "injured"),
    ("injured", "injured"),
    ("injuries", "injured"),
    ("injuring", "injured"),
    ("killed", "dead"),
    ("killing", "dead"),
    ("lives", "dead"),
    ("missing", "missing"),
    ("perished", "dead"),
    ("rescued", "rescued"),
    ("wounded", "injured"),
    ("wounding", "injured"),
];

/// Subjects too vague to compare across outlets on their own ("12
/// people"; "129 people on board" are the people aboard).
const GENERIC: &[&str] = &[
    "more", "none", "ones", "others", "people", "percent", "persons", "some", "that", "them", "these", "things",
    "those", "times",
];

/// Words after a number that are not what it counts.
const NOT_NOUNS: &[&str] = &[
    "aboard",
    "added",
    "ago",
    "apiece",
    "away",
    "before",
    "came",
    "each",
    "earlier",
    "high",
    "higher",
    "last",
    "later",
    "long",
    "lower",
    "more",
    "next",
    "nil",
    "old",
    "older",
    "prior",
    "said",
    "says",
    "since",
    "straight",
    "tall",
    "today",
    "told",
    "tomorrow",
    "tonight",
    "total",
    "versus",
    "vs",
    "wide",
    "yesterday",
    "younger",
];

/// Words of a qualifier, skipped when looking for a toll word before a
/// number.
const QUALIFIER_WORDS: &[&str] = &[
    "about",
    "almost",
    "an",
    "approximately",
    "around",
    "at",
    "estimated",
    "fewer",
    "least",
    "less",
    "more",
    "nearly",
    "over",
    "roughly",
    "some",
    "than",
    "to",
    "up",
];

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("about", Qualifier::About),
    ("almost", Qualifier::About),
    ("approximately", Qualifier::About),
    ("around", Qualifier::About),
    ("estimated", Qualifier::About),
    ("least", Qualifier::AtLeast),
    ("less", Qualifier::LessThan),
    ("fewer", Qualifier::LessThan),
    ("more", Qualifier::MoreThan),
    ("nearly", Qualifier::About),
    ("over", Qualifier::MoreThan),
    ("roughly", Qualifier::About),
    ("some", Qualifier::About),
    ("under", Qualifier::LessThan),
    ("up", Qualifier::AtMost),
];

/// The qualifier the words just before token `start` give a number: "at
/// least", "more than" (or "more-than" before its noun), "up to", "about"
/// and the like; exact otherwise.
pub fn qualifier_before(tokens: &[Token<'_>], start: usize) -> Qualifier {
    let before = |n: usize| start.checked_sub(n).and_then(|k| tokens.get(k)).filter(|t| t.is_word());
    let Some(previous) = before(1) else { return Qualifier::Exact };
    let lower = previous.text.to_ascii_lowercase();
    // "more than", or hyphenated before its noun: "the more-than 11
    // million documents".
    let pair = match lower.split_once('-') {
        Some((first, second)) => Some((first.to_owned(), second.to_owned())),
        None if lower == "than" || lower == "least" || lower == "to" => {
            let Some(first) = before(2) else { return Qualifier::Exact };
            Some((first.text.to_ascii_lowercase(), lower.clone()))
        }
        None => None,
    };
    if let Some((first, second)) = pair {
        return match (first.as_str(), second.as_str()) {
            ("more", "than") => Qualifier::MoreThan,
            ("less" | "fewer", "than") => Qualifier::LessThan,
            ("at", "least") => Qualifier::AtLeast,
            ("up", "to") => Qualifier::AtMost,
            _ => Qualifier::Exact,
        };
    }
    QUALIFIERS
        .iter()
        .find(|(w, _)| *w == lower && !matches!(lower.as_str(), "least" | "up" | "more" | "less" | "fewer"))
        .map_or(Qualifier::Exact, |(_, q)| *q)
}

fn toll(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    TOLLS.iter().find(|(w, _)| *w == lower).map(|(_, subject)| *subject)
}

/// Words after a number with a glued "m" that make it a length in metres,
/// not millions: a race and what is won in it ("the 60m hurdles", "the
/// 10,000m Olympic champion", "his 800m gold"), a height or a depth ("a
/// 10m wave"); not a mark or a record, which sales pass as well ("the 5m
/// mark").
fn follows_metres(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "backstroke",
        "breaststroke",
        "bronze",
        "butterfly",
        "champion",
        "dash",
        "deep",
        "drop",
        "event",
        "final",
        "freestyle",
        "gold",
        "heat",
        "heats",
        "high",
        "hurdle",
        "hurdles",
        "long",
        "medal",
        "medley",
        "olympic",
        "race",
        "relay",
        "runner",
        "semi-final",
        "semi-finals",
        "semifinal",
        "silver",
        "sprint",
        "sprinter",
        "swimmer",
        "tall",
        "title",
        "tower",
        "wall",
        "wave",
        "wide",
    ];
    WORDS.contains(&word.to_ascii_lowercase().as_str())
}

fn distance_metres(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "metre" | "metres" | "meter" | "meters" | "m" => 1.0,
        "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => 1000.0,
        "centimetre" | "centimetres" | "centimeter" | "centimeters" | "cm" => 0.01,
        "mile" | "miles" => 1609.344,
        "foot" | "feet" | "ft" => 0.3048,
        "yard" | "yards" => 0.9144,
        _ => return None,
    })
}

fn duration_days(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "year" | "years" => 365.0,
        // A year is twelve months and 52 weeks, near enough to compare.
        "month" | "months" => 365.0 / 12.0,
        "week" | "weeks" => 7.0,
        "day" | "days" => 1.0,
        "hour" | "hours" => 1.0 / 24.0,
        "minute" | "minutes" => 1.0 / 1440.0,
        _ => return None,
    })
}

/// A year written in figures: four digits from 1800 to 2100.
fn is_year(token: &Token<'_>) -> bool {
    token.is_number()
        && token.text.len() == 4
        && token.text.parse::<u32>().is_ok_and(|year| (1800..=2100).contains(&year))
}

/// Whether a lower-case word looks plural: an "s" ending, short words,
/// possessives and singular endings ("virus", "crisis", "glass",
/// "politics") aside.
pub(crate) fn is_plural(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "ics", "'s", "’s"].iter().any(|e| word.ends_with(e))
        && word != "news"
}

/// Plurals without an "s": "the two men saw", "130,000 people lost".
fn is_irregular_plural(word: &str) -> bool {
    const MEN: &[&str] = &[
        "men",
        "women",
        "gunmen",
        "policemen",
        "firemen",
        "fishermen",
        "spokesmen",
        "businessmen",
        "servicemen",
        "crewmen",
        "seamen",
        "airmen",
        "tribesmen",
        "militiamen",
        "horsemen",
        "sportsmen",
        "workmen",
        "linesmen",
    ];
    MEN.contains(&word) || ["people", "children", "police", "feet", "teeth", "mice", "geese", "cattle"].contains(&word)
}

/// Whether a word after a number makes it a sum or a rate: a currency,
/// cents, or a percentage ("dollars", "dlrs", "cts", "percent", "pct").
pub fn is_sum_or_rate_word(word: &str) -> bool {
    currency_word(word).is_some() || is_cents(word) || is_percent(word)
}

/// "cents", or wire copy's "cts": a dollar's hundredths.
fn is_cents(word: &str) -> bool {
    word.eq_ignore_ascii_case("cents") || word.eq_ignore_ascii_case("cts")
}

/// "percent", or wire copy's "pct".
fn is_percent(word: &str) -> bool {
    word.eq_ignore_ascii_case("percent") || word.eq_ignore_ascii_case("pct")
}

pub(crate) fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        // Wire copy's short forms too: "12 dlrs", "4.5 mln stg".
        "dollar" | "dollars" | "dlr" | "dlrs" => "$",
        "euro" | "euros" => "€",
        "pound" | "pounds" | "sterling" | "stg" => "£",
        "yuan" => "yuan",
        "yen" => "¥",
        "rupee" | "rupees" => "rupees",
        "franc" | "francs" => "francs",
        "peso" | "pesos" => "pesos",
        "rouble" | "roubles" | "ruble" | "rubles" => "roubles",
        "marks" => "marks",
        "krona" | "kronor" | "krone" | "kroner" => "kronor",
        "lira" | "lire" => "lira",
        "guilder" | "guilders" => "guilders",
        "schilling" | "schillings" => "schillings",
        "peseta" | "pesetas" => "pesetas",
        "dinar" | "dinars" => "dinars",
        "riyal" | "riyals" => "riyals",
        "dirham" | "dirhams" => "dirhams",
        "shekel" | "shekels" => "shekels",
        "naira" => "naira",
        "ringgit" => "ringgit",
        "baht" => "baht",
        "zloty" | "zlotys" => "zloty",
        "crown" | "crowns" => "crowns",
        "rand" => "rand",
        "markka" | "markkaa" => "markkaa",
        "bolivar" | "bolivars" => "bolivars",
        _ => return None,
    })
}

/// A pound in kilograms.
const POUND_KG: f64 = 0.453_592_37;

/// A weight unit in kilograms. "Pounds" is a weight only after a word of
/// weight in the same clause or beside its conversion (see
/// `Sentence::weight_at`); elsewhere it is money.
fn mass_kilograms(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "kilogram" | "kilograms" | "kilo" | "kilos" | "kg" | "kgs" => 1.0,
        "gram" | "grams" => 0.001,
        "tonne" | "tonnes" => 1000.0,
        // American news writes "tons" for short tons.
        "ton" | "tons" => 907.184_74,
        "lb" | "lbs" => POUND_KG,
        "ounce" | "ounces" | "oz" => 0.028_349_523,
        _ => return None,
    })
}

/// Verbs right before a number that make it an age ("turned 30").
const AGE_VERBS: &[&str] = &["turned", "turning", "turns"];
/// Words looked back over from an age's cue for its person.
const AGE_OWNER_REACH: usize = 6;

/// Words of a name read back from its last word, at most, to tell whose
/// age follows it.
const NAME_WORDS: usize = 4;

/// Words that make two figures joined by a dash a score ("beat Dunmore
/// 2-1", "a 2-1 win") or, for the words of voting, a tally ("passed 9-2",
/// "by a vote of 9-2").
const SCORE_WORDS: &[&str] = &[
    "beat",
    "beating",
    "beats",
    "defeat",
    "defeated",
    "defeating",
    "defeats",
    "draw",
    "drew",
    "edged",
    "lead",
    "leads",
    "led",
    "lose",
    "loses",
    "losing",
    "loss",
    "lost",
    "routed",
    "score",
    "scored",
    "thrashed",
    "tie",
    "tied",
    "victory",
    "win",
    "winning",
    "wins",
    "won",
];
const TALLY_WORDS: &[&str] = &[
    "approve", "approved", "approves", "backed", "backing", "backs", "decision", "majority", "pass", "passed",
    "passes", "reject", "rejected", "rejects", "ruled", "ruling", "verdict", "vote", "voted", "votes", "voting",
];
/// Nouns of a result that may follow its figures ("a 2-1 win", "a 5-4
/// ruling", "a 13-3 record").
const RESULT_NOUNS: &[&str] = &[
    "decision",
    "defeat",
    "draw",
    "lead",
    "loss",
    "majority",
    "margin",
    "record",
    "result",
    "ruling",
    "score",
    "scoreline",
    "tie",
    "verdict",
    "victory",
    "vote",
    "win",
];
/// Words before two figures that make them a range ("aged 18-35", "on
/// 4-6", a day or days).
const RANGE_WORDS: &[&str] =
    &["about", "age", "aged", "ages", "approximately", "around", "between", "from", "on", "roughly", "some"];
/// How far before a score its word is looked for, within its clause.
const SCORE_REACH: usize = 8;
/// How far after a score its noun is looked for ("a 2-1 extra-time win").
const SCORE_AFTER: usize = 2;

/// People counted by age, before a range of ages ("children 5-11").
const AGE_GROUPS: &[&str] = &[
    "adults",
    "boys",
    "children",
    "girls",
    "kids",
    "men",
    "patients",
    "people",
    "pupils",
    "students",
    "teenagers",
    "women",
];

/// Words before "pounds" that make it a weight ("weighs 400 pounds", "a
/// payload of 140,660 pounds").
const WEIGHT_WORDS: &[&str] = &["weigh", "weighed", "weighing", "weighs", "payload"];
/// How far before a number a weight word is looked for, within its clause.
const WEIGHT_REACH: usize = 6;

fn is_stop(word: &str) -> bool {
    crate::english().is_stop_word(&word.to_lowercase())
}

/// What outlets call an aircraft, counted by its model ("18 Boeing 747
/// jumbo jets"); the model's count is of "aircraft" whichever is written.
const AIRCRAFT: &[&str] = &["aircraft", "airliners", "airplanes", "aeroplanes", "jetliners", "jets", "planes"];
const AIRCRAFT_KEY: &str = "aircraft";

/// Determiners between a part and its group: "15 of the schoolgirls".
const PARTITIVE: &[&str] = &["the", "our", "their", "these", "those"];
/// Tokens after the part's "of" that its group is read in.
const PARTITIVE_REACH: usize = 4;

/// Words that put a price on the noun before them.
const PRICING: &[&str] = &["costing", "priced", "totaling", "totalling", "valued", "worth"];

/// The people watching an event, however an outlet counts them: "a crowd
/// of 38,000" and "38,000 fans" are one figure.
const CROWD: &[&str] = &["attendance", "audience", "crowd", "fans", "spectators", "supporters", "turnout"];
/// The subject [`CROWD`]'s words share.
const CROWD_KEY: &str = "crowd";

fn key(subject: &str) -> String {
    if GENERIC.contains(&subject) {
        return String::new();
    }
    if CROWD.contains(&subject) {
        return CROWD_KEY.to_owned();
    }
    let english = crate::english();
    subject.split(' ').filter_map(|w| english.term(w)).collect::<Vec<_>>().join(" ")
}

struct Sentence<'s, 't> {
    tokens: &'s [Token<'t>],
    index: usize,
    people: Vec<&'s Entity>,
    by_role: &'s PeopleByRole,
}

/// The quantities of an article's sentences; `by_role` are its people by
/// role, for ages given by role ("The comedian, 44,").
pub(crate) fn extract(sentences: &[Vec<Token<'_>>], entities: &[Entity], by_role: &PeopleByRole) -> Vec<Quantity> {
    let mut out = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        let people = entities.iter().filter(|e| e.sentence == index && e.kind == EntityKind::Person).collect();
        let sentence = Sentence { tokens, index, people, by_role };
        let before = out.len();
        let mut i = 0;
        while i < tokens.len() {
            i += sentence.quantity_at(i, &mut out).max(1);
        }
        if out.len() - before > TABLE_QUANTITIES {
            out.truncate(before);
        }
    }
    out
}

impl Sentence<'_, '_> {
    fn word(&self, i: usize) -> Option<&Token<'_>> {
        self.tokens.get(i).filter(|t| t.is_word())
    }

    /// Whether token `k` is `word`.
    fn is_at(&self, k: usize, word: &str) -> bool {
        self.tokens.get(k).is_some_and(|t| t.is(word))
    }

    /// Whether token `k` is the article "a" or "an".
    fn is_article(&self, k: usize) -> bool {
        self.is_at(k, "a") || self.is_at(k, "an")
    }

    /// The person whose name ends with the capitalised words that end at
    /// token `k`, the most of them that name someone first: "Tom Dorsey"
    /// is not Ian Dorsey, though both end with "Dorsey". `None` when token
    /// `k` is not capitalised.
    fn person_ending_at(&self, k: usize) -> Option<String> {
        let run = self.tokens[..=k].iter().rev().take(NAME_WORDS).take_while(|t| t.is_capitalized()).count();
        (1..=run).rev().find_map(|n| {
            let words: Vec<String> = self.tokens[k + 1 - n..=k]
                .iter()
                .enumerate()
                .map(|(m, t)| if m + 1 == n { t.without_possessive() } else { t.text }.to_lowercase())
                .collect();
            self.person_ending(&words.join(" "))
        })
    }

    /// The sentence's person whose name ends with the word `word`, in lower
    /// case ("cruise" is Tom Cruise; "he" is not Sarah Roche).
    fn person_ending(&self, word: &str) -> Option<String> {
        let ends =
            |name: &str| name.strip_suffix(word).is_some_and(|head| head.is_empty() || head.ends_with([' ', '-']));
        // A short form linked to its full name ends as written ("Sarah, 47,"
        // is Sarah Silverman's age).
        let written = |p: &&&Entity| p.written.as_deref().is_some_and(|w| ends(&w.to_lowercase()));
        self.people.iter().find(|p| ends(&p.name.to_lowercase()) || written(p)).map(|p| p.name.clone())
    }

    fn push(&self, out: &mut Vec<Quantity>, q: (f64, Unit, String, Qualifier), span: (usize, usize)) {
        let (value, unit, subject, qualifier) = q;
        let subject_key = match &unit {
            Unit::Age => subject.to_lowercase(),
            _ => key(&subject),
        };
        let text = self.tokens[span.0..span.1.min(self.tokens.len())]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
            .replace("$ ", "$")
            .replace(" %", "%");
        out.push(Quantity { value, unit, subject, subject_key, qualifier, text, sentence: self.index });
    }

    /// Reads a quantity at token `i`; returns the tokens used (0 for none).
    fn quantity_at(&self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let token = &self.tokens[i];
        if token.is_number() && token.text.contains('-') {
            return self.hyphenated(i, out);
        }
        // "a four-hour debate", "a three-metre wall", "a seven-year-old".
        let mut parts = token.text.split('-');
        let spelled_unit = token.is_word()
            && token.text.contains('-')
            // "a zero-day flaw" is a kind of flaw, not a span.
            && parts.next().and_then(crate::numbers::word_value).is_some_and(|value| value > 0.0)
            && parts.next().is_some_and(|unit| distance_metres(unit).is_some() || duration_days(unit).is_some());
        if spelled_unit {
            return self.hyphenated(i, out);
        }
        if let Some(used) = self.dashed_score(i, out) {
            return used;
        }
        // "one" is a pronoun and an article more often than a number, unless
        // a multiplier follows ("one million pounds").
        let multiplied = || self.word(i + 1).is_some_and(|t| crate::numbers::multiplier_word(t.text).is_some());
        if token.is("one") && !multiplied() {
            return 1;
        }
        let Some((value, used)) = number_at(self.tokens, i) else { return 0 };
        let year_like = is_year(token);
        let mut start = i;
        let mut currency = None;
        if i > 0 && ["$", "£", "€", "¥"].contains(&self.tokens[i - 1].text) {
            currency = Some(self.tokens[i - 1].text.to_owned());
            start = i - 1;
            if start > 0 && self.tokens[start - 1].is_all_caps() && self.tokens[start - 1].text.len() <= 3 {
                start -= 1;
            }
        }
        if year_like && currency.is_none() {
            return used;
        }
        // "0300 local time", "2100 GMT": a time of day on the 24-hour clock.
        let after_word = |k: usize, word: &str| self.word(i + used + k).is_some_and(|t| t.is(word));
        let zone = after_word(0, "gmt") || after_word(0, "utc") || after_word(0, "local") && after_word(1, "time");
        let clock = token.is_number()
            && token.text.len() == 4
            && token.text.bytes().all(|b| b.is_ascii_digit())
            && (token.text.starts_with('0') || zone)
            && value % 100.0 < 60.0
            && value < 2400.0;
        // "one in 12 banks": a share, not a count of banks.
        let share = i >= 2 && self.tokens[i - 1].is("in") && number_at(self.tokens, i - 2).is_some();
        if currency.is_none() && (clock || share) {
            return used;
        }
        // "13 November", "9/11", "1280 x 720": a day of a month, a date or a
        // fraction in figures, a size; no count.
        let after = self.tokens.get(i + used);
        let joins = |t: &Token<'_>| t.is_punct('/') || t.is_punct('×') || t.is("x");
        let joined_before = i >= 2 && joins(&self.tokens[i - 1]) && self.tokens[i - 2].is_number();
        let joined_after = after.is_some_and(joins) && self.tokens.get(i + used + 1).is_some_and(Token::is_number);
        let day = token.is_number() && value.fract() == 0.0 && (1.0..=31.0).contains(&value);
        let day_of_month = day && after.is_some_and(|t| t.is_capitalized() && crate::dates::is_month_name(t.text));
        // "the Six Nations clash": a number word in capitals after a word
        // (not opening a sentence, a dateline's or a quote's, "DUNMORE —
        // Three Marrowby fishermen died"), before another capitalised word,
        // names something; people by nationality are counted ("Four
        // Chinese sailors").
        let in_a_name = i > 0
            && self.tokens[i - 1].is_word()
            && token.is_word()
            && token.is_capitalized()
            && after.is_some_and(|t| {
                let lower = t.text.to_lowercase();
                let people = crate::gazetteer::is_demonym(lower.strip_suffix('s').unwrap_or(&lower));
                t.is_capitalized() && !people
            });
        if currency.is_none() && (joined_before || joined_after || day_of_month || in_a_name) {
            return used;
        }
        // "Boeing 747", "Pixel 2", "Route 40", "No. 3": a name, not a count;
        // after a possessive it is one ("Heavy's 27 engines").
        let named = i > 0 && {
            let previous = &self.tokens[i - 1];
            (previous.is_capitalized() && !previous.is_possessive() && i > 1)
                || previous.is_capitalized() && crate::gazetteer::is_numbered(&previous.text.to_lowercase())
                || previous.is_punct('#')
                || previous.is("no.")
        };
        if named && currency.is_none() {
            return used;
        }
        let qualifier = qualifier_before(self.tokens, start);
        let mut j = i + used;
        let next = self.tokens.get(j);
        // "5 p.m.": a time of day, read by the events.
        if next.is_some_and(|t| ["a.m.", "p.m.", "am", "pm"].iter().any(|m| t.is(m))) {
            return used + 1;
        }
        // "5.1 million pounds of thrust": a force, neither money nor weight.
        let force = next.is_some_and(|t| t.is("pounds") || t.is("pound"))
            && self.is_at(j + 1, "of")
            && (self.is_at(j + 2, "thrust") || self.is_at(j + 2, "force"));
        if force && currency.is_none() {
            return j + 3 - i;
        }
        let mut unit = Unit::Count;
        let mut value = value;
        // "the 60m hurdles", "a 10m wave": a length in metres, not millions.
        let race_metres = token.text.strip_suffix(['m', 'M']).filter(|_| next.is_some_and(|t| follows_metres(t.text)));
        if let Some(symbol) = currency {
            unit = Unit::Money(symbol);
        } else if let Some(metres) = race_metres.and_then(|digits| digits.replace(',', "").parse::<f64>().ok()) {
            unit = Unit::Metres;
            value = metres;
        } else if let Some(next) = next {
            if next.is_punct('%') || is_percent(next.text) {
                unit = Unit::Percent;
                j += 1;
            } else if next.is("per") && self.is_at(j + 1, "cent") {
                unit = Unit::Percent;
                j += 2;
            } else if let Some(kilograms) = self.weight_at(i, j) {
                unit = Unit::Kilograms;
                value *= kilograms;
                j += 1;
            } else if is_cents(next.text) || next.is("pence") {
                // "15 cts a share", "40 pence a litre".
                unit = Unit::Money(if next.is("pence") { "£" } else { "$" }.to_owned());
                value /= 100.0;
                j += 1;
            } else if let Some(symbol) = next.is_word().then(|| currency_word(next.text)).flatten() {
                unit = Unit::Money(symbol.to_owned());
                j += 1;
            } else if let Some((currency, words)) = self.named_currency(j) {
                // "30,000 Egyptian pounds", "5 million Hong Kong dollars".
                unit = Unit::Money(currency);
                j += words;
            } else if let Some(metres) = next.is_word().then(|| distance_metres(next.text)).flatten() {
                unit = Unit::Metres;
                value *= metres;
                j += 1;
            } else if let Some(days) = next.is_word().then(|| duration_days(next.text)).flatten() {
                if next.text.starts_with("year") && self.is_at(j + 1, "old") {
                    // "Cruise, 62 years old", "the 47 year old comic".
                    let noun = || self.noun_after(j + 2).map(|n| self.described(n));
                    let told = || self.age_cue(i).and_then(|cue| self.age_owner(cue));
                    let subject = self.age_subject_before(i).or_else(told).or_else(noun).unwrap_or_default();
                    self.push(out, (value, Unit::Age, subject, qualifier), (start, j + 2));
                    return j + 2 - i;
                }
                unit = Unit::Days;
                value *= days;
                j += 1;
            }
        }
        if year_like && unit == Unit::Count {
            return used;
        }
        // "every 10 minutes", "three days a week": how often, not how long.
        let every = start >= 1 && self.is_at(start - 1, "every");
        let per = (self.is_at(j, "a") || self.is_at(j, "per"))
            && self.word(j + 1).is_some_and(|t| duration_days(t.text).is_some());
        if unit == Unit::Days && (every || per) {
            return j - i;
        }
        // "Ines Farrow, 29," — an age in apposition; "The swimmer, 29," is
        // the article's one person with that role, or the role itself for
        // the story to resolve.
        if unit == Unit::Count && qualifier == Qualifier::Exact && token.is_number() {
            let comma_before = i >= 2 && self.tokens[i - 1].is_punct(',');
            let closes = next.is_none_or(|t| t.is_punct(',') || t.is_punct(')') || t.is_punct('.'));
            if comma_before && closes && (1.0..=120.0).contains(&value) {
                let before = &self.tokens[i - 2];
                let name = before.without_possessive().to_lowercase();
                let named = self.person_ending_at(i - 2);
                let described = i >= 3 && self.tokens[i - 3].is("the") && !before.is_capitalized();
                let role = described && crate::gazetteer::is_role_noun(&name);
                let person = named.or_else(|| role.then(|| self.described(name)));
                if let Some(person) = person {
                    self.push(out, (value, Unit::Age, person, qualifier), (i, i + 1));
                }
                return used;
            }
        }
        // "turned 30", "at the age of 52", "who was 14,": an age told by the
        // words before it, of the person named just before them.
        if unit == Unit::Count && qualifier == Qualifier::Exact && token.is_number() && (1.0..=120.0).contains(&value) {
            if let Some(cue) = self.age_cue(i).filter(|_| self.noun_after(j).is_none()) {
                if let Some(person) = self.age_owner(cue) {
                    self.push(out, (value, Unit::Age, person, qualifier), (cue, i + 1));
                }
                return used;
            }
        }
        // "two of the injured": a part, not a count; but a part of a group
        // named by a plural counts its members: "15 of the schoolgirls",
        // "21 of our Chibok girls" (not "3 of the 4 engines", whose noun the
        // second figure counts).
        let subject = if unit == Unit::Count && self.is_at(j, "of") {
            // "two of the five gunmen": the group's own figure counts it;
            // "two of the gunman's brothers", "15 of the schoolgirls'
            // parents" are a group of someone's. The group is read up to
            // its first punctuation ("15 of the schoolgirls, one of them
            // aged 12" counts schoolgirls).
            let mut phrase = self.tokens[j + 1..].iter().take(PARTITIVE_REACH).take_while(|t| !t.is_punct(','));
            let own = phrase.any(|t| {
                let apostrophe = t.is_punct('\'') || t.is_punct('’');
                t.is_number() || t.is_possessive() || apostrophe || crate::numbers::is_number_word(t.text)
            });
            let group = !own && self.word(j + 1).is_some_and(|t| PARTITIVE.iter().any(|d| t.is(d)));
            let noun = self.noun_after(j + 2).filter(|n| is_plural(n) || is_irregular_plural(n));
            let Some(noun) = noun.filter(|n| group && !GENERIC.contains(&n.as_str())) else { return used };
            Some(noun)
        } else {
            self.subject((start, i, j), &unit)
        };
        let Some(subject) = subject else { return j - i };
        self.push(out, (value, unit, subject, qualifier), (start, j));
        j - i
    }

    /// The weight unit at `j` (after the number at `i`) in kilograms:
    /// "63,800 kilograms", "440 lb", or "440 pounds" after a weight word.
    fn weight_at(&self, i: usize, j: usize) -> Option<f64> {
        let word = self.word(j)?;
        if let Some(kilograms) = mass_kilograms(word.text) {
            return Some(kilograms);
        }
        if !(word.is("pounds") || word.is("pound")) {
            return None;
        }
        let weighs = self.tokens[i.saturating_sub(WEIGHT_REACH)..i]
            .iter()
            .rev()
            .take_while(|t| !t.is_punct(',') && !t.is_punct(';'))
            .any(|t| t.is_word() && WEIGHT_WORDS.iter().any(|w| t.is(w)));
        (weighs || self.converted_weight(i, j)).then_some(POUND_KG)
    }

    /// Whether the pounds at `j` (after the number at `i`) are converted
    /// into a weight or from one: "140,660 pounds (63,800 kilograms)",
    /// "63.8 tonnes (140,660 pounds)". Money is not converted into
    /// kilograms.
    fn converted_weight(&self, i: usize, j: usize) -> bool {
        let is_weight = |t: Option<&Token<'_>>| t.is_some_and(|t| t.is_word() && mass_kilograms(t.text).is_some());
        let open = |k: usize| self.tokens.get(k).is_some_and(|t| t.is_punct('('));
        // After: "(", a number, the weight unit.
        let after =
            open(j + 1) && number_at(self.tokens, j + 2).is_some_and(|(_, used)| is_weight(self.word(j + 2 + used)));
        // Before: a weight unit, then "(" and this number.
        let before = i >= 2 && open(i - 1) && is_weight(self.word(i - 2));
        after || before
    }

    /// A currency named with its country's adjective at `j`: one or two
    /// capitalised words, then a currency word ("Egyptian pounds", "Hong
    /// Kong dollars"). Returns the currency as written and the words used.
    fn named_currency(&self, j: usize) -> Option<(String, usize)> {
        for words in 1..=2 {
            let adjectives = self.tokens.get(j..j + words)?;
            if !adjectives.iter().all(|t| t.is_word() && t.is_capitalized()) {
                return None;
            }
            let Some(currency) = self.word(j + words).filter(|t| currency_word(t.text).is_some()) else { continue };
            let mut written: Vec<&str> = adjectives.iter().map(|t| t.text).collect();
            written.push(currency.text);
            return Some((written.join(" "), words + 1));
        }
        None
    }

    /// "62-year-old", "30-metre", "four-hour".
    fn hyphenated(&self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let token = &self.tokens[i];
        let mut parts = token.text.split('-');
        let (Some(number), Some(unit)) = (parts.next(), parts.next()) else { return 1 };
        let Some(value) = digits_value(number).map(|(value, _)| value).or_else(|| crate::numbers::word_value(number))
        else {
            return 1;
        };
        let rest = parts.next();
        if rest.is_none() && unit.starts_with(|c: char| c.is_ascii_digit()) {
            self.score((number, unit), (i, i + 1), out);
            return 1;
        }
        let noun = self.noun_after(i + 1);
        if unit == "year" && rest == Some("old") {
            let subject = noun.map(|n| self.described(n)).or_else(|| self.age_subject_before(i)).unwrap_or_default();
            self.push(out, (value, Unit::Age, subject, Qualifier::Exact), (i, i + 1));
        } else if let Some(metres) = distance_metres(unit) {
            let subject = noun.unwrap_or_default();
            self.push(out, (value * metres, Unit::Metres, subject, qualifier_before(self.tokens, i)), (i, i + 1));
        } else if let Some(days) = duration_days(unit) {
            if let Some(subject) = noun {
                self.push(out, (value * days, Unit::Days, subject, qualifier_before(self.tokens, i)), (i, i + 1));
            }
        }
        1
    }

    /// A score written with an en or em dash between its figures ("2–1"),
    /// which the tokens split (a hyphen stays inside the token, "2-1"): the
    /// tokens used, when it is one.
    fn dashed_score(&self, i: usize, out: &mut Vec<Quantity>) -> Option<usize> {
        let [first, dash, second] = self.tokens.get(i..i + 3)? else { return None };
        let glued = |a: &Token<'_>, b: &Token<'_>| a.start + a.text.len() == b.start;
        let shape =
            first.is_number() && second.is_number() && dash.is_dash() && glued(first, dash) && glued(dash, second);
        (shape && self.score((first.text, second.text), (i, i + 3), out)).then_some(3)
    }

    /// Reads two figures as a score or a tally when a word of winning,
    /// losing or voting comes shortly before them in their clause ("beat
    /// Dunmore 3-1"; a result set off by commas, "beat the Indians, 8-7,",
    /// looks past that comma) or a noun of result right after them ("a 2-1
    /// win", "a 9-2 vote"). Two figures of up to three digits each:
    /// "2014-15" is a season. After them comes nothing, punctuation, a
    /// noun of result or a small word ("won 2-1 after extra time"): a
    /// range counts something ("2-3 titles", "2-3 million", "40-70%",
    /// "4–6 May"), and so does one after a word of range or people of an
    /// age ("aged 18-35", "children 5-11"). Returns whether it did.
    fn score(&self, (first, second): (&str, &str), span: (usize, usize), out: &mut Vec<Quantity>) -> bool {
        let figure = |text: &str| {
            let plain = !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
            plain.then(|| text.parse::<u32>().ok()).flatten().filter(|_| text == "0" || !text.starts_with('0'))
        };
        let (Some(first), Some(second)) = (figure(first), figure(second)) else { return false };
        // "6-1/2 years", "an 11-3/8 pct coupon": a whole and a fraction.
        if self.tokens.get(span.1).is_some_and(|t| t.is_punct('/')) {
            return false;
        }
        let result_noun = |t: &Token<'_>| {
            let lower = t.text.to_lowercase();
            // "extra-time win": the word after a hyphen.
            RESULT_NOUNS.contains(&lower.rsplit('-').next().unwrap_or(&lower))
        };
        let after =
            || self.tokens.iter().skip(span.1).take(SCORE_AFTER).take_while(|t| t.is_word()).filter(|t| result_noun(t));
        let ends = after().next().is_some()
            || self.tokens.get(span.1).is_none_or(|t| {
                t.kind == crate::tokens::TokenKind::Punct && !t.is_punct('%')
                    || t.is_word() && !t.is_capitalized() && is_stop(t.text)
            });
        let previous = span.0.checked_sub(1).and_then(|k| self.word(k));
        let ranged = previous.is_some_and(|t| {
            let lower = t.text.to_lowercase();
            RANGE_WORDS.contains(&lower.as_str()) || AGE_GROUPS.contains(&lower.as_str())
        });
        if !ends || ranged {
            return false;
        }
        let mut before = &self.tokens[span.0.saturating_sub(SCORE_REACH)..span.0];
        if let [rest @ .., last] = before {
            if last.is_punct(',') {
                before = rest;
            }
        }
        let clause = before
            .iter()
            .rev()
            .take_while(|t| !(t.is_punct(';') || t.is_punct('(') || t.is_punct(':') || t.is_punct(',')));
        let cue = after().chain(clause).filter(|t| t.is_word()).find_map(|t| {
            let lower = t.text.to_lowercase();
            let last = lower.rsplit('-').next().unwrap_or(&lower);
            if TALLY_WORDS.contains(&last) {
                Some("vote")
            } else {
                (SCORE_WORDS.contains(&last) || RESULT_NOUNS.contains(&last)).then_some("score")
            }
        });
        // "led 1-0 at half-time", "1-1 at the break": the score then, a
        // subject of its own; "a 10-4 record" is a season's ("a 6-0 record
        // win" is a win).
        let half_time = self.half_time_after(span.1);
        let record = self.is_at(span.1, "record") && !self.word(span.1 + 1).is_some_and(result_noun);
        let subject = match cue {
            _ if half_time => "half-time score",
            _ if record => "record",
            Some(subject) => subject,
            None => return false,
        };
        // Shown as a winner's: "lost 1-2 to Marrowby" is Marrowby's 2-1; a
        // season's record as written, wins first ("a league-worst 12-70
        // record").
        let value = if record {
            crate::score_value(first, second)
        } else {
            crate::score_value(first.max(second), first.min(second))
        };
        self.push(out, (value, Unit::Score, subject.to_owned(), Qualifier::Exact), span);
        if let Some(score) = out.last_mut() {
            // As written, without the spaces the tokens put around a dash.
            score.text = self.tokens[span.0..span.1].iter().map(|t| t.text).collect();
        }
        true
    }

    /// Whether the words right after a score say it is the half-time one:
    /// "at half-time", "at halftime", "at the break", "at the interval",
    /// "at the half", after at most two other words ("1-0 up at the break").
    fn half_time_after(&self, j: usize) -> bool {
        let words: Vec<String> =
            self.tokens.iter().skip(j).take(6).take_while(|t| t.is_word()).map(|t| t.text.to_lowercase()).collect();
        (0..words.len().min(3)).any(|k| {
            let at = words.get(k).is_some_and(|w| w == "at");
            let rest: Vec<&str> = words[k + 1..].iter().map(String::as_str).take(2).collect();
            let marker = matches!(
                rest.as_slice(),
                ["half-time" | "halftime", ..] | ["the", "break" | "interval" | "half" | "half-time" | "halftime"]
            );
            at && marker
        })
    }

    /// Whom "the {noun}" describes: the article's one person with that
    /// role ("actor Tom Cruise"), else, for a role, "the actor" (reconcile
    /// looks for the story's one actor), else the noun ("the boy").
    fn described(&self, noun: String) -> String {
        let role = crate::gazetteer::role_key(&noun);
        match self.by_role.get(role) {
            Some(Some(person)) => person.clone(),
            _ if crate::gazetteer::is_role_noun(&noun) => format!("the {role}"),
            _ => noun,
        }
    }

    /// The person an age belongs to when it follows their name ("Tom
    /// Cruise, aged 62" or "Cruise, 62 years old").
    fn age_subject_before(&self, i: usize) -> Option<String> {
        // "Lopez's son is 12 years old" is not Lopez's age.
        (i.saturating_sub(4)..i)
            .rev()
            .filter(|&k| self.tokens[k].is_capitalized() && !self.tokens[k].is_possessive())
            .find_map(|k| self.person_ending_at(k))
    }

    /// Where the words that make the number at `i` an age begin: "turned
    /// 30", "turning 41", "at age 52", "at the age of 52", and "who was
    /// 14," closed by punctuation. "Under the age of 16" bounds an age and
    /// is no one's.
    fn age_cue(&self, i: usize) -> Option<usize> {
        let back = |n: usize| i.checked_sub(n);
        let previous = back(1)?;
        if AGE_VERBS.iter().any(|v| self.is_at(previous, v)) {
            return Some(previous);
        }
        if self.is_at(previous, "age") {
            return back(2).filter(|&k| self.is_at(k, "at"));
        }
        // "at the age of 52": the four words before the number.
        let words = |n: usize, word: &str| back(n).is_some_and(|k| self.is_at(k, word));
        if words(1, "of") && words(2, "age") && words(3, "the") {
            return back(4).filter(|&k| self.is_at(k, "at"));
        }
        let closed = self.tokens.get(i + 1).is_some_and(|t| t.is_punct(',') || t.is_punct('.'));
        let who = words(2, "who") && (words(1, "was") || words(1, "is"));
        (closed && who).then(|| previous - 1)
    }

    /// Whose age the words from `cue` tell: the person named in the few
    /// words before them ("his daughter Anna turned 19", "Tom Reyes, who
    /// was 41,"), a name the entities did not know when "who" follows it
    /// ("a gorilla called Bokito, who had turned 14": "who" follows a
    /// name, not a common word), or "the {noun}" described ("the boy, who
    /// turned 5"). "At the age of 61" may come long after its person ("Dana
    /// Vogt retired at the age of 61"): the sentence's one person, when
    /// the words before name no one. `None` when another word comes
    /// first.
    fn age_owner(&self, cue: usize) -> Option<String> {
        self.age_owner_before(cue).or_else(|| match self.people.as_slice() {
            [person] if self.is_at(cue, "at") => Some(person.name.clone()),
            _ => None,
        })
    }

    /// The words before an age's cue, stop words and commas skipped: the
    /// first other word names its person, or no one.
    fn age_owner_before(&self, cue: usize) -> Option<String> {
        for k in (cue.saturating_sub(AGE_OWNER_REACH)..cue).rev() {
            let token = &self.tokens[k];
            let auxiliary = token.is_word() && !token.is_capitalized() && (is_stop(token.text) || token.is("going"));
            if token.is_punct(',') || auxiliary {
                continue;
            }
            if !token.is_word() {
                return None;
            }
            let lower = token.without_possessive().to_lowercase();
            if token.is_capitalized() {
                let who = self.tokens.get(k + 1).is_some_and(|t| t.is_punct(',')) && self.is_at(k + 2, "who");
                let unknown = || who.then(|| token.without_possessive().to_owned());
                return self.person_ending_at(k).or_else(unknown);
            }
            let determined = k > 0 && ["the", "his", "her", "their"].iter().any(|d| self.tokens[k - 1].is(d));
            return determined.then(|| self.described(lower));
        }
        None
    }

    /// Whether token `k` is a model's number: a plain figure between a
    /// name's word and a word in lower case that measures nothing ("Boeing
    /// 747 aircraft"; "5 States 10 days" is no model).
    fn is_model_number(&self, k: usize) -> bool {
        let token = &self.tokens[k];
        let plain = || token.text.len() <= 4 && token.text.bytes().all(|b| b.is_ascii_digit()) && !is_year(token);
        let named = || k > 0 && self.tokens[k - 1].is_capitalized() && !self.tokens[k - 1].is_all_caps();
        let noun_after = || {
            self.word(k + 1).is_some_and(|t| {
                let lower = t.text.to_lowercase();
                !t.is_capitalized()
                    && !is_stop(t.text)
                    && duration_days(&lower).is_none()
                    && distance_metres(&lower).is_none()
            })
        };
        token.is_number() && plain() && named() && noun_after()
    }

    /// The aircraft model a count right after `j` counts, its name's words
    /// and its number, when `noun` calls it an aircraft: "18 Boeing 747
    /// aircraft" and "18 Boeing 747 jumbo jets" both count Boeing 747s
    /// ("Boeing 747 aircraft"), whatever an outlet calls them; "227 Flight
    /// 370 passengers" counts passengers.
    fn model_after(&self, j: usize, noun: &str) -> Option<String> {
        let words = self.tokens[j..].iter().take_while(|t| t.is_capitalized() && !t.is_all_caps()).count();
        let k = j + words;
        let model = words > 0 && k < self.tokens.len() && self.is_model_number(k) && AIRCRAFT.contains(&noun);
        model.then(|| {
            let name: Vec<&str> = self.tokens[j..=k].iter().map(|t| t.text).collect();
            format!("{} {AIRCRAFT_KEY}", name.join(" "))
        })
    }

    /// The head noun right after `j`: up to three words, stopping at stop
    /// words, punctuation and a participle after the first word.
    fn noun_after(&self, j: usize) -> Option<String> {
        let mut head = None;
        // A model's number after a name's word is part of the name ("18
        // Boeing 747 aircraft"), not a word of its own.
        let words = (j..self.tokens.len()).filter(|&k| !(k > j && self.is_model_number(k))).take(3);
        for (n, k) in words.enumerate() {
            let token = &self.tokens[k];
            // A stop word in capitals is a name ("US", "IT", "WHO"), not
            // "us": "143 million US customers".
            if !token.is_word() || is_stop(token.text) && !token.is_all_caps() {
                break;
            }
            let lower = token.text.to_lowercase();
            if n > 0 && (lower.ends_with("ed") || lower.ends_with("ing")) {
                break;
            }
            // "$36.5 million taking the total to ...": a verb before its
            // object, not what the sum is of ("$5 million funding" is).
            let determiner = |t: &Token<'_>| ["the", "a", "an", "its", "their", "his", "her"].iter().any(|d| t.is(d));
            if lower.ends_with("ing") && self.tokens.get(k + 1).is_some_and(determiner) {
                break;
            }
            if NOT_NOUNS.contains(&lower.as_str()) {
                break;
            }
            // "10 Americans", "three Germans": people by nationality, as
            // counted as "10 people".
            let people = lower.strip_suffix('s').is_some_and(crate::gazetteer::is_demonym);
            if people && token.is_capitalized() {
                head = Some(lower);
                break;
            }
            if !token.is_capitalized() {
                // A plural followed by a word without an "s" is a subject and
                // its verb ("documents date back", "boats left"); "school
                // girls", "virus cases" and "sports fans" go on.
                let verb_after =
                    || self.tokens.get(k + 1).is_some_and(|t| t.is_word() && !is_plural(&t.text.to_lowercase()));
                let ends = (is_plural(&lower) || is_irregular_plural(&lower)) && verb_after();
                head = Some(lower);
                if ends {
                    break;
                }
            }
        }
        head
    }

    /// What a count after "a" counts when a compound follows it whose head
    /// is singular: "a 12 point lead" counts points, not leads, as "a 3 car
    /// crash" counts cars. Without the article the first word may describe
    /// the head ("12 young people"), and a plural head is what is counted
    /// ("school girls").
    fn compound_measure(&self, i: usize, j: usize, head: &str) -> Option<String> {
        let article = i > 0 && self.is_article(i - 1);
        let first = self.word(j)?;
        let lower = first.text.to_lowercase();
        let modifier = article && !first.is_capitalized() && lower != head && !is_stop(first.text);
        (modifier && !is_plural(head) && !is_plural(&lower) && !NOT_NOUNS.contains(&lower.as_str())).then_some(lower)
    }

    /// The toll a word at `k` tells, "dead" for "killed"; two tolls told as
    /// one, "killed or wounded", "dead and injured", are casualties.
    fn toll_at(&self, k: usize) -> Option<&'static str> {
        let subject = toll(self.word(k)?.text)?;
        let joined = self.word(k + 1).is_some_and(|t| t.is("or") || t.is("and"));
        let other = self.word(k + 2).and_then(|t| toll(t.text)).filter(|other| *other != subject);
        Some(if joined && other.is_some() { "casualties" } else { subject })
    }

    /// What the number at `i` (its unit ending before `j`) measures.
    /// `start` is where the sum starts when a currency symbol is written
    /// before the number ("US$284").
    fn subject(&self, (start, i, j): (usize, usize, usize), unit: &Unit) -> Option<String> {
        // A toll word right after ("12 injured") ...
        if let Some(subject) = self.toll_at(j) {
            return Some(subject.to_owned());
        }
        // ... or just before, qualifiers aside ("killing at least 12") ...
        let mut k = i;
        while k > 0 && self.word(k - 1).is_some_and(|t| QUALIFIER_WORDS.iter().any(|q| t.is(q))) {
            k -= 1;
        }
        if let Some(subject) = k.checked_sub(1).and_then(|k| self.word(k)).and_then(|t| toll(t.text)) {
            return Some(subject.to_owned());
        }
        // ... or in the clause after ("12 people were injured", "12 hurt").
        for (k, token) in self.tokens.iter().enumerate().skip(j).take(4) {
            if !token.is_word() || token.is("and") || token.is("but") {
                break;
            }
            if let Some(subject) = self.toll_at(k) {
                return Some(subject.to_owned());
            }
        }
        // "a crowd of 38,412", "an attendance of about 61,000"; whatever
        // noun follows ("a crowd of 5,000 people").
        let mut k = i;
        while k > 0 && self.word(k - 1).is_some_and(|t| QUALIFIER_WORDS.iter().any(|q| t.is(q))) {
            k -= 1;
        }
        let crowd = (k >= 2 && self.is_at(k - 1, "of")).then(|| self.tokens[k - 2].text.to_lowercase());
        if let Some(crowd) = crowd.filter(|c| *unit == Unit::Count && CROWD.contains(&c.as_str())) {
            return Some(crowd);
        }
        // A price per unit: "$69 a share", "$1.20 per diluted share", "$60
        // per barrel"; not a time ("$17.99 a month" is as much a plan's as a
        // month's, "$4.2 billion a year earlier" a revenue's).
        let per = self.word(j).is_some_and(|t| t.is("a") || t.is("per"));
        if matches!(unit, Unit::Money(_)) && per {
            let noun = self.noun_after(j + 1).filter(|n| !is_plural(n) && duration_days(n).is_none());
            if let Some(noun) = noun {
                return Some(noun);
            }
        }
        let preposition = self.word(j).is_some_and(|t| ["in", "for", "on"].iter().any(|p| t.is(p)));
        if matches!(unit, Unit::Money(_)) && preposition {
            let skip = usize::from(self.word(j + 1).is_some_and(|t| is_stop(t.text)));
            if let Some(noun) = self.noun_after(j + 1 + skip) {
                return Some(noun);
            }
        }
        // "23,000 sq miles", "12 mln cubic feet": an area or a volume, not a
        // count of miles or feet.
        let power = self.word(j).and_then(|t| match t.text.to_lowercase().trim_end_matches('.') {
            "square" | "sq" => Some("square"),
            "cubic" | "cu" => Some("cubic"),
            _ => None,
        });
        if let Some(power) = power {
            if let Some(length) = self.word(j + 1).filter(|t| distance_metres(t.text).is_some()) {
                return Some(format!("{power} {}", length.text.to_lowercase()));
            }
        }
        if let Some(noun) = self.noun_after(j) {
            // "129 people on board": the people of a ship or a plane, a
            // count as telling as its passengers.
            let aboard = self.is_at(j + 1, "aboard") || self.is_at(j + 1, "on") && self.is_at(j + 2, "board");
            if GENERIC.contains(&noun.as_str()) && self.is_at(j, &noun) && aboard {
                return Some(format!("{noun} aboard"));
            }
            if *unit == Unit::Count {
                if let Some(model) = self.model_after(j, &noun) {
                    return Some(model);
                }
                if let Some(measure) = self.compound_measure(i, j, &noun) {
                    return Some(measure);
                }
            }
            return Some(noun);
        }
        match unit {
            // "after 15 years", "jailed for 12 years": a span of time on its
            // own; "15 years ago" is a day, for the dates to read.
            Unit::Days => return (!self.is_at(j, "ago")).then(String::new),
            Unit::Count => return None,
            _ => {}
        }
        // "the cost of repairs at $3.8 million": a noun shortly before; a
        // word between "a" and the amount describes the amount ("a bill for
        // a whopping $284 billion").
        let describes = start >= 2 && self.word(start - 1).is_some() && self.is_article(start - 2);
        self.tokens[..start - usize::from(describes)]
            .iter()
            .rev()
            .take(5)
            .take_while(|t| t.is_word() || t.is_punct('$'))
            .find(|t| {
                let qualifier = QUALIFIERS.iter().any(|(w, _)| t.is(w));
                // "$5 billion from $4.2 billion": the other sum's multiplier.
                let multiplier = crate::numbers::multiplier_word(&t.text.to_lowercase()).is_some();
                // "14 buses costing $11.2 million": the price is the buses'.
                let pricing = PRICING.iter().any(|w| t.is(w));
                // "4.5 mln dlrs vs 3.2 mln dlrs": the other sum's currency.
                let currency = currency_word(t.text).is_some() || is_cents(t.text);
                t.is_word()
                    && !qualifier
                    && !multiplier
                    && !pricing
                    && !currency
                    && !is_stop(t.text)
                    && !t.is_capitalized()
                    && t.text.len() > 3
            })
            .map(|t| t.text.to_lowercase())
            .or(Some(String::new()))
    }
}
