//! The extract stage on text we wrote, on the seed reports (read from
//! ../shared, never quoted here), and on bad input.

use dossier_domain::Published;
use dossier_extract::{extract_fields, extract_text, Called, EntityKind, Facts, Qualifier, Unit};

fn facts(text: &str) -> Facts {
    extract_text(None, text, Published::parse("2024-08-12"))
}

/// The names found in `text`, with their kinds, in order, once each.
fn check_entities(text: &str, expected: &[(&str, EntityKind)]) {
    let mut found: Vec<(String, EntityKind)> = Vec::new();
    for entity in facts(text).entities {
        if !found.iter().any(|(name, _)| *name == entity.name) {
            found.push((entity.name, entity.kind));
        }
    }
    let expected: Vec<(String, EntityKind)> = expected.iter().map(|(n, k)| (n.to_string(), *k)).collect();
    assert_eq!(found, expected, "{text}");
}

/// The quantities found in `text` as (value, unit, subject, qualifier).
fn check_quantities(text: &str, expected: &[(f64, Unit, &str, Qualifier)]) {
    let found: Vec<(f64, Unit, String, Qualifier)> =
        facts(text).quantities.into_iter().map(|q| (q.value, q.unit, q.subject, q.qualifier)).collect();
    let expected: Vec<(f64, Unit, String, Qualifier)> =
        expected.iter().map(|(v, u, s, q)| (*v, u.clone(), s.to_string(), *q)).collect();
    assert_eq!(found, expected, "{text}");
}

/// The days named in `text` (published 2024-08-12, a Monday), with
/// whether each is in the future.
fn check_dates(text: &str, published: Option<&str>, expected: &[(&str, bool)]) {
    let facts = extract_text(None, text, published.and_then(Published::parse));
    let found: Vec<(String, bool)> = facts.dates.iter().map(|d| (d.day.to_string(), d.future)).collect();
    let expected: Vec<(String, bool)> = expected.iter().map(|(d, f)| (d.to_string(), *f)).collect();
    assert_eq!(found, expected, "{text}");
}

fn check_quotes(text: &str, expected: &[Option<&str>]) {
    let speakers: Vec<Option<String>> = facts(text).quotes.into_iter().map(|q| q.speaker).collect();
    let expected: Vec<Option<String>> = expected.iter().map(|s| s.map(str::to_owned)).collect();
    assert_eq!(speakers, expected, "{text}");
}

use EntityKind::*;

#[test]
fn names_with_titles_roles_honorifics_and_initials() {
    check_entities(
        "The swimmer met L.A. Mayor Wendy Marsh and gymnast Petra Kowalczyk at the Stade de France.",
        &[("Los Angeles", Place), ("Wendy Marsh", Person), ("Petra Kowalczyk", Person), ("Stade de France", Place)],
    );
    check_entities(
        "Fire Chief Daniel Okafor said Dr. Zed played. Okafor's crew and Mr. Okafor left Japan's coast.",
        &[("Daniel Okafor", Person), ("Dr. Zed", Person), ("Japan", Place)],
    );
    check_entities(
        "Her brother Finnian joined the Harbour Transit Authority in Brennick Bay.",
        &[("Finnian", Person), ("Harbour Transit Authority", Organisation), ("Brennick Bay", Place)],
    );
    // A role noun capitalised because it opens the sentence, whether the
    // article writes it in lower case elsewhere or not.
    for text in ["Comedian Sarah Vogt ended the tour.", "Comedian Sarah Vogt ended the tour. The comedian left."] {
        let entities = facts(text).entities;
        assert_eq!(entities[0].name, "Sarah Vogt", "{text}");
        assert_eq!(entities[0].kind, Person, "{text}");
        assert_eq!(entities[0].role.as_deref().map(str::to_lowercase).as_deref(), Some("comedian"), "{text}");
    }
}

#[test]
fn a_dateline_in_capitals_names_a_place() {
    check_entities("VELLMAR - The council met on Tuesday in Vellmar.", &[("Vellmar", Place)]);
    check_entities("NORTH DUNMORE — Ferry services resumed.", &[("North Dunmore", Place)]);
    // A banner is no name; an agency, or a headline in capitals before a
    // dash, is no dateline.
    for text in ["BREAKING NEWS - The ferry struck the pier.", "UPDATE — The ferry struck the pier."] {
        check_entities(text, &[]);
    }
    check_entities("AFP - The ferry struck the pier.", &[("AFP", Organisation)]);
    let headline = facts("FERRY HITS PIER - what we know so far").entities;
    assert!(headline.iter().all(|e| e.name != "Ferry Hits Pier"), "not read as a dateline: {headline:?}");
    // The wire's form: a comma or a bracket, a date, a region or the
    // agency, then the dash.
    check_entities(
        "MARROWBY, March 17 (Northsea Wire) - The pier shut.",
        &[("Marrowby", Place), ("Northsea Wire", Other)],
    );
    check_entities("DUNMORE, Westshire — The pier shut.", &[("Dunmore", Place)]);
    check_entities("MARROWBY (Northsea Wire) - The pier shut.", &[("Marrowby", Place), ("Northsea Wire", Other)]);
    // A name in capitals that the sentence goes on from in lower case is
    // no dateline.
    check_entities(
        "NASA, the space agency, said on Monday - rather late - that it would wait.",
        &[("NASA", Organisation)],
    );
}

#[test]
fn a_months_name_after_a_given_name_is_a_surname() {
    let facts = facts("Prime Minister Theresa May said the pier would reopen on June 3. Janet June stood beside her.");
    let names: Vec<&str> = facts.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Theresa May", "Janet June"]);
    assert_eq!(facts.dates.len(), 1, "{:?}", facts.dates);
}

#[test]
fn a_role_around_a_name_makes_a_person() {
    // A capitalised role after a dateline, before a name the list of given
    // names does not know; the surname alone is then that person.
    let entities =
        facts("BRENNICK — Actress Wenna Tolliver spoke at last. Tolliver told the paper that the harbour was unsafe.")
            .entities;
    let people: Vec<(&str, usize)> =
        entities.iter().filter(|e| e.kind == Person).map(|e| (e.name.as_str(), e.sentence)).collect();
    assert_eq!(people, [("Wenna Tolliver", 0), ("Wenna Tolliver", 1)]);
    assert_eq!(entities[0].name, "Brennick", "the dateline, a place");
    assert_eq!(entities[1].role.as_deref(), Some("Actress"));
    // A role set off by commas after the name, ending the appositive or
    // before "of"; not a role inside a clause.
    check_entities(
        "Earlier, Kemi Adeyoola, the minister of fisheries, denied the reports.",
        &[("Kemi Adeyoola", Person)],
    );
    check_entities("Tuva Marrow, director of the port, closed the pier.", &[("Tuva Marrow", Person)]);
    check_entities("Tuva Marrow, the first base coach for the harbour team, fell.", &[("Tuva Marrow", Person)]);
    check_entities("Later, Tuva Marrow, a spokeswoman, closed the pier.", &[("Tuva Marrow", Person)]);
    check_entities("Tessaly Vane, whose director resigned, closed the pier.", &[("Tessaly Vane", Other)]);
    // Not a clause that holds a role, an organisation or a place, a
    // governed name, or an adverb opening the sentence.
    check_entities(
        "Tessaly Vane, whose director, Ian Dorsey, resigned, left.",
        &[("Tessaly Vane", Other), ("Ian Dorsey", Person)],
    );
    check_entities("Vellmar Ferries, the owner of the pier, paid.", &[("Vellmar Ferries", Organisation)]);
    check_entities("In Tarn Vellmar, the mayor of the port spoke.", &[("Tarn Vellmar", Other)]);
    check_entities("Separately, the director of the port spoke.", &[]);
    // A run inside a sentence that opens with a role noun is a name of
    // its own; at the start of a sentence, the role is split off even
    // when the article writes the role in lower case elsewhere.
    check_entities("She joined the Teacher Retirement System last year.", &[("Teacher Retirement System", Other)]);
    let entities = facts("Actress Wenna Tolliver spoke. The actress left.").entities;
    let first = (entities[0].name.as_str(), entities[0].kind, entities[0].role.as_deref());
    assert_eq!(first, ("Wenna Tolliver", Person, Some("Actress")));
    // Inside a run, a role noun before a given name starts the person:
    // "Senate Majority Leader Ian Dorsey" is no organisation.
    check_entities("He met Senate Majority Leader Ian Dorsey on Monday.", &[("Ian Dorsey", Person)]);
    check_entities(
        "Photo by Westshire Press. Westshire Comedienne Maria Vance spoke.",
        &[("Westshire Press", Organisation), ("Maria Vance", Person)],
    );
}

#[test]
fn a_title_inside_a_run_starts_the_person_and_of_ends_it() {
    check_entities(
        "Marine biologist Professor Ilse Brandvold of Tromsdal University led the survey.",
        &[("Tromsdal University", Organisation), ("Ilse Brandvold", Person)],
    );
    check_entities(
        "Astrophysicist Professor Ian Dorsey of Vellmar University spoke.",
        &[("Vellmar University", Organisation), ("Ian Dorsey", Person)],
    );
    // A title with where it is held and no name: no person "of ...".
    check_entities("Ilse Brandvold, CEO of Tromsdal, spoke.", &[("Ilse Brandvold", Other)]);
    // A name's own particle is not a domain.
    check_entities("Mayor Van Dorn spoke.", &[("Van Dorn", Person)]);
    // US states and countries are places, one word or more.
    check_entities(
        "Storms hit Kansas and North Carolina, and rain reached Honduras and Costa Rica.",
        &[("Kansas", Place), ("North Carolina", Place), ("Honduras", Place), ("Costa Rica", Place)],
    );
    // A member of a parliament is a title, as a senator is.
    check_entities(
        "MP Daniel Fenn and MEP Ilse Brandvold spoke.",
        &[("Daniel Fenn", Person), ("Ilse Brandvold", Person)],
    );
}

#[test]
fn a_title_before_an_organisation_s_name_or_a_common_word_makes_no_person() {
    check_entities(
        "General Brennick Motors Corp cut 300 jobs before the General Election.",
        &[("General Brennick Motors Corp", Organisation), ("General Election", Other)],
    );
    // A general by name, by surname, and one inside a title, still is.
    check_entities(
        "General Ana Reyes met Attorney General Vance and General Brandvold.",
        &[("Ana Reyes", Person), ("Vance", Person), ("Brandvold", Person)],
    );
    // An exchange's code after a ticker names nothing.
    check_entities("Shares of <VLMR.PA> rose in Boston.", &[("VLMR", Organisation), ("Boston", Place)]);
    // "and" inside a company's name before its suffix joins it.
    check_entities(
        "Castle and Marrowby Inc said it would buy Vance & Co on Monday. Ian Dorsey and Maria Vance left.",
        &[
            ("Castle and Marrowby Inc", Organisation),
            ("Vance & Co", Organisation),
            ("Ian Dorsey", Person),
            ("Maria Vance", Person),
        ],
    );
    // What those rules leave alone: surnames that are verbs, two companies
    // joined by "and", places named after saints, a title before "of", a
    // ticker after its exchange, a place well before a ticker.
    check_entities(
        "Ines Said wrote that General Motors and Marrowby Co met the San Jose Sharks.",
        &[
            ("Ines Said", Person),
            ("General Motors", Organisation),
            ("Marrowby Co", Organisation),
            ("San Jose Sharks", Other),
        ],
    );
    check_entities("Vellmar Research Inc (NYSE: VLM) said VLM rose.", &[("Vellmar Research Inc", Organisation)]);
    check_entities("FLOODS IN OHIO HIT FIRST BOSTON <FBW>", &[("Ohio", Place)]);
    // A lone family name that is also a company's is linked to no person.
    let text = "Chairman Ines Marrowby spoke. Marrowby Brewing Co raised its payout. Marrowby reported a profit.";
    check_entities(text, &[("Ines Marrowby", Person), ("Marrowby Brewing Co", Organisation)]);
    assert!(!facts(text).entities.iter().any(|e| e.sentence == 2 && e.name == "Ines Marrowby"));
    // Football clubs are organisations.
    check_entities(
        "On Saturday Marrowby Rovers beat Vellmar United, and Bayern Munich lost.",
        &[("Marrowby Rovers", Organisation), ("Vellmar United", Organisation), ("Bayern Munich", Organisation)],
    );
    // A name with "of" inside is no person for being quoted; an
    // organisation's name then a person's are two; a role noun before an
    // organisation's name is an adjective, and a newspaper's name joined
    // by "and" is one, its quote its own.
    let text = "People for the Humane Care of Otters said zoos must change. \
                The Harbour Administration Ian Dorsey said the dock was safe. \
                \"We will open it,\" said the official Science and Technology Daily.";
    check_entities(
        text,
        &[
            ("Humane Care of Otters", Other),
            ("Harbour Administration", Organisation),
            ("Ian Dorsey", Person),
            ("Science and Technology Daily", Other),
        ],
    );
    check_entities("The Vellmar Daily said the dock was safe.", &[("Vellmar Daily", Other)]);
    // A role before a given name and a surname that is an organisation's
    // word is still a person's; offices quoted before "of" are no person.
    check_entities("It stars actress Ines Press as the mayor.", &[("Ines Press", Person)]);
    check_entities("Westshire's Joint Chiefs of Staff said the test failed.", &[("Joint Chiefs of Staff", Other)]);
    // A word the article writes in lower case is no quoted person's name.
    check_entities(
        "Fraternal Order of Police said the officers were safe. The order has 300 members.",
        &[("Fraternal Order of Police", Organisation)],
    );
    // An office's last word before "of" is no one's name.
    check_entities(
        "Ines Kato, Deputy General Manager of Marrowby Bank, said rates would rise.",
        &[("Ines Kato", Person), ("Marrowby Bank", Organisation)],
    );
    check_quotes(text, &[Some("Science and Technology Daily")]);
    // A person and a newspaper of two words are two; a government named
    // after its head leaves the head's surname his; a role before a person
    // of an organisation is the person's.
    check_entities("The judge criticised Vance and Daily Mirror lawyers.", &[("Daily Mirror", Other)]);
    check_entities(
        "Ian Dorsey spoke. Officials in the Dorsey Administration defended the plan. Dorsey later flew home.",
        &[("Ian Dorsey", Person), ("Dorsey Administration", Organisation)],
    );
    assert!(facts("Ian Dorsey spoke. The Dorsey Administration agreed. Dorsey later flew home.")
        .entities
        .iter()
        .any(|e| e.sentence == 2 && e.name == "Ian Dorsey"));
    check_entities(
        "The study was led by researcher Xinyu Dai of Vellmar University.",
        &[("Vellmar University", Organisation), ("Xinyu Dai", Person)],
    );
    // Two words quoted by their run, then "of": a person and where they
    // work, whatever the given name; not after "the". The ferry "Herald of
    // Free Enterprise" is no newspaper.
    check_entities(
        "Prices will rise, said Hiroko Brandvold of Marrowby Trust. Tarek Vellani of Dunmore Mills said so too. \
         The Herald of Free Enterprise sailed.",
        &[
            ("Marrowby Trust", Organisation),
            ("Hiroko Brandvold", Person),
            ("Dunmore Mills", Organisation),
            ("Tarek Vellani", Person),
            ("Herald of Free Enterprise", Other),
        ],
    );
    // A person with a given name and a surname, then where they work; an
    // office's last word before a name; a verb in capitals ends a name.
    check_entities(
        "Ian Dorsey of Marrowby Vance said it was fine. The mill hired Comptroller of the Currency Maria Vance. \
         The U.S. Has offered help.",
        &[("Marrowby Vance", Organisation), ("Ian Dorsey", Person), ("Maria Vance", Person), ("United States", Place)],
    );
    // In a headline in capitals, the words before a ticker are a company's
    // name, no place.
    check_entities("FIRST BOSTON <FBW> RAISES PRIME RATE IN OHIO", &[("Ohio", Place)]);
    // A ticker after a company's name is that company, wherever it is written.
    check_entities(
        "Vellmar Research Inc <VLM> said it would buy Brennick Corp (BRK.N). VLM rose.",
        &[("Vellmar Research Inc", Organisation), ("Brennick Corp", Organisation)],
    );
    // Acronyms of things name nothing; an organisation's do.
    check_entities("GDP grew as TV and DVD sales rose by 1500 GMT, the WHO said.", &[("WHO", Organisation)]);
}

#[test]
fn sentence_openers_and_headline_case_are_not_names() {
    check_entities("Three boats left. Come spring, the boats return to three harbours.", &[]);
    check_entities("A Look Back at the Season\nThe season ended.", &[]);
    // A given name in capitals alone is an acronym, and one opening a
    // county's office names no one.
    check_entities("Crews grounded the 737 MAX.", &[("MAX", EntityKind::Organisation)]);
    check_entities("The Wayne County Sheriff closed the road.", &[]);
}

#[test]
fn quantities_with_units_subjects_and_qualifiers() {
    // A price put on the noun before it is that noun's.
    check_quantities(
        "The plan adds 14 electric buses costing $11.2 million and a depot worth $40 million.",
        &[
            (14.0, Unit::Count, "buses", Qualifier::Exact),
            (11_200_000.0, Unit::Money("$".into()), "buses", Qualifier::Exact),
            (40_000_000.0, Unit::Money("$".into()), "depot", Qualifier::Exact),
        ],
    );
    check_quantities(
        "The ferry hit the pier, injuring 12 people, and 143 passengers and six crew were aboard.",
        &[
            (12.0, Unit::Count, "injured", Qualifier::Exact),
            (143.0, Unit::Count, "passengers", Qualifier::Exact),
            (6.0, Unit::Count, "crew", Qualifier::Exact),
        ],
    );
    check_quantities(
        "At least 130 dead were counted. The bridge dropped fifty metres. The repairs cost $11.1bn. \
         Some 1.2 million people moved.",
        &[
            (130.0, Unit::Count, "dead", Qualifier::AtLeast),
            (50.0, Unit::Metres, "dropped", Qualifier::Exact),
            (11_100_000_000.0, Unit::Money("$".into()), "cost", Qualifier::Exact),
            (1_200_000.0, Unit::Count, "people", Qualifier::About),
        ],
    );
    // "local" alone is no time zone; "the 5m mark" is millions.
    check_quantities(
        "Some 1200 local residents left. Sales passed the 5m mark.",
        &[(1_200.0, Unit::Count, "residents", Qualifier::About), (5_000_000.0, Unit::Count, "mark", Qualifier::Exact)],
    );
    // A number in a name before a verb, a time on the 24-hour clock and a
    // share count nothing.
    check_quantities(
        "Rapper 40 Grand said he would tour. Then the 737 came in at 0300 local time and left at 2130 GMT. \
         One in 12 banks failed.",
        &[],
    );
    // A verb before its object is no subject of the sum before it.
    check_quantities(
        "Vellmar got $5 million funding. Marrowby paid $36.5 million taking the total higher.",
        &[
            (5_000_000.0, Unit::Money("$".into()), "funding", Qualifier::Exact),
            (36_500_000.0, Unit::Money("$".into()), "paid", Qualifier::Exact),
        ],
    );
    // Two tolls told as one are casualties.
    check_quantities(
        "Marrowby lost at least 3,000 men killed or wounded.",
        &[(3_000.0, Unit::Count, "casualties", Qualifier::AtLeast)],
    );
    // Areas and volumes are no counts of lengths; marks are money.
    check_quantities(
        "Westshire covers 23,000 sq miles. The tank holds 12 mln cubic feet. Brennick earned 1.5 billion marks. \
         The surplus was 1.62 billion rand. Fuel costs 40 pence a litre.",
        &[
            (23_000.0, Unit::Count, "square miles", Qualifier::Exact),
            (12_000_000.0, Unit::Count, "cubic feet", Qualifier::Exact),
            (1_500_000_000.0, Unit::Money("marks".into()), "earned", Qualifier::Exact),
            (1_620_000_000.0, Unit::Money("rand".into()), "surplus", Qualifier::Exact),
            (0.4, Unit::Money("£".into()), "litre", Qualifier::Exact),
        ],
    );
    // A plural without an "s" before its verb is what is counted.
    check_quantities(
        "The two men saw the car. The three gunmen burst in. Some 1,300 children left school.",
        &[
            (2.0, Unit::Count, "men", Qualifier::Exact),
            (3.0, Unit::Count, "gunmen", Qualifier::Exact),
            (1_300.0, Unit::Count, "children", Qualifier::About),
        ],
    );
    // A glued "m" before a race is its length in metres; elsewhere, or with
    // a currency, millions.
    check_quantities(
        "Ines Farrow won the 60m hurdles and the 10,000m Olympic title. Westshire has 60m people. The club paid \
         £60m final fees.",
        &[
            (60.0, Unit::Metres, "hurdles", Qualifier::Exact),
            (10_000.0, Unit::Metres, "title", Qualifier::Exact),
            (60_000_000.0, Unit::Count, "people", Qualifier::Exact),
            (60_000_000.0, Unit::Money("£".into()), "fees", Qualifier::Exact),
        ],
    );
    // A price per unit is of that unit; a word between "a" and the sum
    // describes the sum, not what it pays for.
    check_quantities(
        "The offer stayed at $69 a share. Tarn got a bill for a whopping US$84 million. Acme earned $1.20 per \
         diluted share. Sales rose to $5 billion from $4.2 billion a year earlier.",
        &[
            (69.0, Unit::Money("$".into()), "share", Qualifier::Exact),
            (84_000_000.0, Unit::Money("$".into()), "bill", Qualifier::Exact),
            (1.2, Unit::Money("$".into()), "share", Qualifier::Exact),
            (5_000_000_000.0, Unit::Money("$".into()), "rose", Qualifier::Exact),
            // Not "year": a time is no unit of a price; not "billion".
            (4_200_000_000.0, Unit::Money("$".into()), "", Qualifier::Exact),
        ],
    );
    // "US" in capitals is the country before the noun, not the pronoun.
    check_quantities(
        "The leak exposed 143million US customers.",
        &[(143_000_000.0, Unit::Count, "customers", Qualifier::Exact)],
    );
    // People are too vague a subject, unless they are aboard.
    check_quantities(
        "The ferry had 129 people on board. 40 people aboard the bus and 12 people waited.",
        &[
            (129.0, Unit::Count, "people aboard", Qualifier::Exact),
            (40.0, Unit::Count, "people aboard", Qualifier::Exact),
            (12.0, Unit::Count, "people", Qualifier::Exact),
        ],
    );
    // People by nationality are counted, as people are.
    check_quantities(
        "The families of 8 Canadians, including two brothers, waited.",
        &[(8.0, Unit::Count, "canadians", Qualifier::Exact), (2.0, Unit::Count, "brothers", Qualifier::Exact)],
    );
    // A bound hyphenated before its noun; a plural and its verb end the
    // noun, a compound goes on.
    check_quantities("The more-than 40 boats left.", &[(40.0, Unit::Count, "boats", Qualifier::MoreThan)]);
    // As written: "more than" is not "at least", "under" not "up to".
    check_quantities(
        "More than 40 residents spoke; under 12 councillors stayed.",
        &[
            (40.0, Unit::Count, "residents", Qualifier::MoreThan),
            (12.0, Unit::Count, "councillors", Qualifier::LessThan),
        ],
    );
    // How often is no span: "every 10 minutes", "three days a week".
    check_quantities("Buses run every 10 minutes and she works three days a week.", &[]);
    check_quantities(
        "Officials counted 1,200 virus cases and 30 school girls.",
        &[(1200.0, Unit::Count, "cases", Qualifier::Exact), (30.0, Unit::Count, "girls", Qualifier::Exact)],
    );
    // A singular compound after "a" and a count: its first noun is what is
    // counted; without the article the first word may describe the head.
    check_quantities(
        "The win gave her a 9 point lead, after a 3 car crash.",
        &[(9.0, Unit::Count, "point", Qualifier::Exact), (3.0, Unit::Count, "car", Qualifier::Exact)],
    );
    check_quantities("The ferry took 12 young crew.", &[(12.0, Unit::Count, "crew", Qualifier::Exact)]);
    // A span of time on its own is a duration; one "ago" is a day.
    check_quantities(
        "The footage took her 16 years to get. He left the ferry company 15 years ago.",
        &[(16.0 * 365.0, Unit::Days, "", Qualifier::Exact)],
    );
    check_quantities(
        "Ines Farrow, 29, and the 62-year-old pilot Dana Vogt met.",
        &[(29.0, Unit::Age, "Ines Farrow", Qualifier::Exact), (62.0, Unit::Age, "Dana Vogt", Qualifier::Exact)],
    );
    // A common given name, short form included, makes a person.
    check_quantities(
        "Rick Oyelaran, 65, and Jake Tamsin, 28, met.",
        &[(65.0, Unit::Age, "Rick Oyelaran", Qualifier::Exact), (28.0, Unit::Age, "Jake Tamsin", Qualifier::Exact)],
    );
    // Two people of one family name: each age is the one named right
    // before it, by every word of the name, not the first with that
    // surname.
    check_quantities(
        "Ian Dorsey, 12, and Tom Dorsey, 9, play football. Tom Dorsey turned 10 in May.",
        &[
            (12.0, Unit::Age, "Ian Dorsey", Qualifier::Exact),
            (9.0, Unit::Age, "Tom Dorsey", Qualifier::Exact),
            (10.0, Unit::Age, "Tom Dorsey", Qualifier::Exact),
        ],
    );
    // A given name on its own, linked to the full name, still owns the
    // age set off after it.
    check_quantities(
        "Comedian Maria Vance spoke. Maria, 47, said she was leaving.",
        &[(47.0, Unit::Age, "Maria Vance", Qualifier::Exact)],
    );
    // A described person: the article's one pilot.
    check_quantities(
        "The crowd cheered pilot Dana Vogt. The pilot, 62, waved.",
        &[(62.0, Unit::Age, "Dana Vogt", Qualifier::Exact)],
    );
}

#[test]
fn an_age_told_by_the_words_before_it_is_the_age_of_the_one_named_before_them() {
    check_quantities(
        "Her son Tomas Reyes turned 19 and moved away. A gorilla called Bokito, who had turned 14 a week earlier, \
         escaped. Bokito, who was 14, slept.",
        &[
            (19.0, Unit::Age, "Tomas Reyes", Qualifier::Exact),
            (14.0, Unit::Age, "Bokito", Qualifier::Exact),
            (14.0, Unit::Age, "Bokito", Qualifier::Exact),
        ],
    );
    check_quantities(
        "The airline said pilot Dana Vogt retired at the age of 61. The boy, who turned 5 on Friday, was found.",
        &[(61.0, Unit::Age, "Dana Vogt", Qualifier::Exact), (5.0, Unit::Age, "boy", Qualifier::Exact)],
    );
    // A count after the verb, a bound on an age, and a verb with no one
    // named before it are no one's age.
    check_quantities(
        "The firm turned 30 stores into flats. Two were under the age of 16. Then it turned 20 in the rain.",
        &[(30.0, Unit::Count, "stores", Qualifier::Exact)],
    );
    // A pronoun is no one's name, whatever name ends with its letters.
    check_quantities("He turned 30 in May, Sarah Roche said.", &[]);
    // The name may open the sentence; a possessive names whose relative
    // is aged, not the age's person.
    check_quantities(
        "Tomas Reyes, the pilot of the ferry, fell. Reyes is 61 years old. Reyes's son is 12 years old.",
        &[(61.0, Unit::Age, "Tomas Reyes", Qualifier::Exact), (12.0, Unit::Age, "", Qualifier::Exact)],
    );
}

#[test]
fn weights_and_currencies_named_with_their_country() {
    let pound = 0.453_592_37;
    check_quantities(
        "The bear weighs about 400 pounds. The crane lifted 12 tonnes and a 90 lb sack. A ticket costs 40 pounds.",
        &[
            (400.0 * pound, Unit::Kilograms, "weighs", Qualifier::About),
            (12_000.0, Unit::Kilograms, "lifted", Qualifier::Exact),
            (90.0 * pound, Unit::Kilograms, "sack", Qualifier::Exact),
            (40.0, Unit::Money("£".into()), "costs", Qualifier::Exact),
        ],
    );
    // Pounds converted to or from a weight are a weight; money is not
    // converted into kilograms.
    check_quantities(
        "It carries 140,660 pounds (63,800 kilograms) of cargo. The rover has 1.2 tonnes (2,646 pounds) of fuel.",
        &[
            (140_660.0 * pound, Unit::Kilograms, "carries", Qualifier::Exact),
            (63_800.0, Unit::Kilograms, "", Qualifier::Exact),
            (1_200.0, Unit::Kilograms, "rover", Qualifier::Exact),
            (2_646.0 * pound, Unit::Kilograms, "", Qualifier::Exact),
        ],
    );
    check_quantities(
        "The prize is 40,000 pounds ($54,000) this year.",
        &[
            (40_000.0, Unit::Money("£".into()), "prize", Qualifier::Exact),
            (54_000.0, Unit::Money("$".into()), "", Qualifier::Exact),
        ],
    );
    // Pounds of thrust are a force, neither money nor weight.
    check_quantities("The rocket makes 5.1 million pounds of thrust.", &[]);
    // Money however heavy the words before it.
    check_quantities(
        "Heavy fines of 5,000 pounds await.",
        &[(5_000.0, Unit::Money("£".into()), "await", Qualifier::Exact)],
    );
    check_quantities(
        "The court fined him 30,000 Egyptian pounds and his firm one million Hong Kong dollars.",
        &[
            (30_000.0, Unit::Money("Egyptian pounds".into()), "fined", Qualifier::Exact),
            (1_000_000.0, Unit::Money("Hong Kong dollars".into()), "firm", Qualifier::Exact),
        ],
    );
    // A currency whichever country's: a bare "pounds" in a story from
    // Cairo is the Egyptian pounds of another report.
    let currency = |symbol: &str| Unit::Money(symbol.into()).currency().map(str::to_owned);
    assert_eq!(currency("Egyptian pounds"), currency("£"));
    assert_eq!(currency("Hong Kong dollars").as_deref(), Some("$"));
    assert_ne!(currency("€"), currency("$"));
    assert_eq!(Unit::Count.currency(), None);
}

#[test]
fn years_times_models_and_parts_are_not_quantities() {
    check_quantities("In 2024 the Boeing 747 left at 5 p.m. and two of the injured stayed.", &[]);
    // After a possessive the number is a count again.
    check_quantities("The test fired all of Heavy's 27 engines.", &[(27.0, Unit::Count, "engines", Qualifier::Exact)]);
    // A part of a group named by a plural counts its members; a part of a
    // group the second figure counts does not.
    check_quantities(
        "A video shows 15 of the missing fishermen and 3 of the 4 engines. He hailed the return of 12 of our Vellmar girls. \
         Two of the five gunmen fled; two of the gunman's brothers spoke. \
         Fifteen of the fishermen, one of them aged 12, were found.",
        &[
            (15.0, Unit::Count, "fishermen", Qualifier::Exact),
            (4.0, Unit::Count, "engines", Qualifier::Exact),
            (12.0, Unit::Count, "girls", Qualifier::Exact),
            (5.0, Unit::Count, "gunmen", Qualifier::Exact),
            (15.0, Unit::Count, "fishermen", Qualifier::Exact),
        ],
    );
}

#[test]
fn days_of_months_fractions_sizes_and_numbered_names_count_nothing() {
    // "13 March", "9/11" and "1920 x 1080" count no attacks or pixels; the
    // toll after them is counted.
    check_quantities(
        "The 13 March attacks that killed 31 people shook Vellmar.",
        &[(31.0, Unit::Count, "dead", Qualifier::Exact)],
    );
    check_quantities("The 9/11 attacks changed the port, and 3/4 of crews stayed.", &[]);
    check_quantities("The screen shows 1920 x 1080 pixels, or 1280×720 pixels.", &[]);
    // A number word in capitals inside a sentence, before another, names.
    check_quantities(
        "The Six Nations clash drew a crowd of 40,000.",
        &[(40_000.0, Unit::Count, "crowd", Qualifier::Exact)],
    );
    // After a dateline or an opening quote, or before people by
    // nationality, it counts.
    check_quantities(
        "DUNMORE — Three Marrowby fishermen were rescued, and “Two Vellmar boats sank,” she said.",
        &[(3.0, Unit::Count, "rescued", Qualifier::Exact), (2.0, Unit::Count, "boats", Qualifier::Exact)],
    );
    check_quantities(
        "Rescuers found that Four Chinese sailors survived.",
        &[(4.0, Unit::Count, "sailors", Qualifier::Exact)],
    );
    // "two dozen" is 24, with its bound.
    check_quantities("Up to two dozen boats joined the search.", &[(24.0, Unit::Count, "boats", Qualifier::AtMost)]);
}

#[test]
fn wire_copy_s_short_forms_are_money_and_percentages() {
    let dollar = || Unit::Money("$".into());
    check_quantities(
        "Net profit was 4.5 mln dlrs vs 3.2 mln dlrs, and it paid 15 cts a share.",
        &[
            (4_500_000.0, dollar(), "profit", Qualifier::Exact),
            (3_200_000.0, dollar(), "", Qualifier::Exact),
            (0.15, dollar(), "share", Qualifier::Exact),
        ],
    );
    check_quantities(
        "Brennick shares rose 5 pct, and sales hit 12 mln stg.",
        &[
            (5.0, Unit::Percent, "rose", Qualifier::Exact),
            (12_000_000.0, Unit::Money("£".into()), "sales", Qualifier::Exact),
        ],
    );
    // "vs" is no subject.
    check_quantities("Revenue 37.1 million vs 32.0 million.", &[]);
}

#[test]
fn a_result_in_two_figures_is_a_score_or_a_tally_only_where_words_of_winning_or_voting_say_so() {
    use Qualifier::Exact;
    check_quantities("Marrowby beat Dunmore 3-1 on Saturday.", &[(3.001, Unit::Score, "score", Exact)]);
    check_quantities("It was a 2-1 extra-time win for Marrowby.", &[(2.001, Unit::Score, "score", Exact)]);
    // A result set off by commas; a headline's tally after its comma.
    check_quantities("Marrowby beat the Dunmore Rovers, 8-7, on Saturday.", &[(8.007, Unit::Score, "score", Exact)]);
    check_quantities(
        "Council passes $90 million library budget, 7-4",
        &[(90e6, Unit::Money("$".into()), "budget", Exact), (7.004, Unit::Score, "vote", Exact)],
    );
    // An en dash splits the tokens; the result is still one.
    check_quantities("The plan passed by a vote of 7–4.", &[(7.004, Unit::Score, "vote", Exact)]);
    check_quantities("The court ruled 6-3 on Monday.", &[(6.003, Unit::Score, "vote", Exact)]);
    check_quantities("The board backed the plan 5-4.", &[(5.004, Unit::Score, "vote", Exact)]);
    // The winner's figure first, whichever side tells it.
    check_quantities("Dunmore lost 1-2 to Marrowby.", &[(2.001, Unit::Score, "score", Exact)]);
    // The half-time score and a season's record are subjects of their own.
    check_quantities("Marrowby were 1-0 up at the break.", &[(1.0, Unit::Score, "half-time score", Exact)]);
    check_quantities("Marrowby led 2-1 at half-time.", &[(2.001, Unit::Score, "half-time score", Exact)]);
    check_quantities("Marrowby ended with a 10-4 record.", &[(10.004, Unit::Score, "record", Exact)]);
    // A record is kept as written, wins first; a whole and a fraction are
    // no score.
    check_quantities("Dunmore had a league-worst 12-70 record.", &[(12.07, Unit::Score, "record", Exact)]);
    check_quantities("Vellmar beat Dunmore in a 6-1/2 hour match.", &[]);
    check_quantities("It was a 6-0 record win for Marrowby.", &[(6.0, Unit::Score, "score", Exact)]);
    // Ranges, seasons, shares, dates and odds are no results, even near
    // such words.
    for text in [
        "The club won with players aged 18-35 in the 2014-15 season.",
        "Regulators approved the vaccine for children 5-11.",
        "Rival coins lost 40-70% of their value.",
        "The airline lost 2-3 million passengers.",
        "Marrowby won 2-3 titles a decade.",
        "They have a 50-50 chance of winning.",
        "Voting runs 4–6 May.",
        "She lost her husband on 9-11.",
        "Dana Vogt, who lost in 2019, backs a 60-40 split.",
    ] {
        check_quantities(text, &[]);
    }
}

#[test]
fn a_thing_named_by_its_number_is_a_name_and_a_crowd_is_counted_however_it_is_called() {
    check_entities(
        "The new Route 40 opens near Terminal 2, and Flight 212 lands there.",
        &[("Route 40", Place), ("Terminal 2", Place), ("Flight 212", Other)],
    );
    // Opening the sentence too: "Route 40 opens" counts no "opens".
    check_quantities("Route 40 opens in September.", &[]);
    // A number in words before a unit, but not a kind of thing.
    check_quantities(
        "After a four-hour debate, a zero-day flaw was found.",
        &[(4.0 / 24.0, Unit::Days, "debate", Qualifier::Exact)],
    );
    use Qualifier::*;
    check_quantities(
        "They won in front of a crowd of 41,250 and before an attendance of about 9,000.",
        &[(41_250.0, Unit::Count, "crowd", Exact), (9_000.0, Unit::Count, "attendance", About)],
    );
    let keys: Vec<String> =
        facts("A crowd of 41,250 saw it. 41,250 fans saw it.").quantities.into_iter().map(|q| q.subject_key).collect();
    assert_eq!(keys, ["crowd", "crowd"], "one subject however the crowd is called");
    // A count of an aircraft model is the model's, whatever an outlet calls
    // the aircraft; other things keep their own nouns, a model or not, and
    // a figure after a capitalised word before a unit is no model's.
    let counted: Vec<(f64, String)> = facts(
        "Its thrust equals 18 Vellmar 747 aircraft. The thrust of 18 Vellmar 747 jumbo jets, then. \
         It sent 12 fighter jets and 4 transport planes. The storm hit 5 States 10 days ago. \
         It had 227 Flight 370 passengers.",
    )
    .quantities
    .into_iter()
    .map(|q| (q.value, q.subject_key))
    .collect();
    let keys: Vec<(f64, String)> = [
        (18.0, "vellmar 747 aircraft"),
        (18.0, "vellmar 747 aircraft"),
        (12.0, "jet"),
        (4.0, "plane"),
        (227.0, "passeng"),
    ]
    .iter()
    .map(|(v, k)| (*v, (*k).to_owned()))
    .collect();
    assert_eq!(counted, keys);
}

#[test]
fn an_age_set_off_after_a_name_makes_it_a_person_s() {
    // "Brennick-Hale" is in no list of names: the age says it is a person.
    let found = facts("Tamsin Brennick-Hale scored twice. Brennick-Hale, 22, came through the academy.");
    let person: Vec<_> = found.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
    assert_eq!(person, [("Tamsin Brennick-Hale", Person), ("Tamsin Brennick-Hale", Person)]);
    let ages: Vec<_> = found.quantities.iter().map(|q| (q.value, q.unit.clone(), q.subject.as_str())).collect();
    assert_eq!(ages, [(22.0, Unit::Age, "Tamsin Brennick-Hale")]);
    // Not a place's or an organisation's name, nor a storm's given name.
    let found = facts("Deaths were confirmed in Harris County, 12, and Galveston County, 3.");
    assert!(found.entities.iter().all(|e| e.kind == Place), "{:?}", found.entities);
    assert!(found.quantities.iter().all(|q| q.unit != Unit::Age), "{:?}", found.quantities);
    let found = facts("Hurricane Maria struck on Monday. Maria's winds tore roofs off.");
    assert!(found.entities.iter().all(|e| e.kind != Person), "{:?}", found.entities);
    // A fact box's line reads as title case, its capitals no style.
    let found = facts("Vance's Family: Husband Tarn, 47; children Wenna, 10, and Tessaly, 7");
    let ages: Vec<_> = found.quantities.iter().map(|q| (q.value, q.unit.clone(), q.subject.as_str())).collect();
    assert_eq!(ages, [(10.0, Unit::Age, "Wenna"), (7.0, Unit::Age, "Tessaly")]);
}

#[test]
fn dates_resolve_against_publication_never_the_clock() {
    check_dates("The ferry sank on Sunday.", Some("2024-08-12"), &[("2024-08-11", false)]);
    check_dates(
        "It happened last Monday and yesterday.",
        Some("2024-08-12"),
        &[("2024-08-05", false), ("2024-08-11", false)],
    );
    check_dates("Sailings will resume on Thursday.", Some("2024-08-12"), &[("2024-08-15", true)]);
    // The day something begins is to come, however far its verb ("would"
    // nine words back); a day said is past.
    check_dates(
        "The mayor said Friday that Vellmar would hold three days of public mourning, starting on Thursday.",
        Some("2024-08-12"),
        &[("2024-08-09", false), ("2024-08-15", true)],
    );
    check_dates("Tolls rise starting Thursday.", Some("2024-08-12"), &[("2024-08-15", true)]);
    // "this year" is the anchor's; a sum payable on a day, and its record
    // date, are to come, even months ahead.
    check_dates("It said July 1 this year was the proposed date.", Some("2024-03-10"), &[("2024-07-01", false)]);
    check_dates(
        "The dividend is payable May 20 to holders of record May 5. The rise is effective October 4.",
        Some("2024-06-18"),
        &[("2024-05-20", true), ("2024-05-05", true), ("2024-10-04", false)],
    );
    // A term's date that has passed stays past, across a year's end too.
    check_dates("The cut became effective March 4.", Some("2024-06-18"), &[("2024-03-04", false)]);
    check_dates("Staff took a pay cut effective December 4.", Some("2024-01-10"), &[("2023-12-04", false)]);
    // A year after a comma is no year before a plural it counts.
    check_dates("On 4 July, 2000 fans marched.", Some("2024-08-12"), &[("2024-07-04", false)]);
    // A year after a comma is the date's.
    check_dates("I was born on 25 August, 1938.", Some("2024-03-10"), &[("1938-08-25", false)]);
    // Undated, a weekday is resolved only against a date written in its
    // sentence or the one before, not a page's latest date anywhere.
    check_dates(
        "The treaty of 23 April 1941 still stands. It is old. On Wednesday, the minister was sworn in.",
        None,
        &[("1941-04-23", false)],
    );
    check_dates(
        "The treaty was signed on 23 April 1941. On Wednesday, the minister read it.",
        None,
        &[("1941-04-23", false), ("1941-04-23", false)],
    );
    check_dates("Okafor, starting Thursday's match, left early.", Some("2024-08-12"), &[("2024-08-08", false)]);
    // Quotation marks between are no words.
    check_dates(
        "Crowds are expected to flock to Vellmar's \"harbour mile\" on Thursday.",
        Some("2024-08-12"),
        &[("2024-08-15", true)],
    );
    check_dates(
        "The games closed on August 11, 2024 and on Sunday.",
        None,
        &[("2024-08-11", false), ("2024-08-11", false)],
    );
    check_dates("The ferry sank on Sunday.", None, &[]);
    // A weekday written with a date is that date's, not a second day; a
    // date without its year is in the year that weekday fits.
    check_dates("The pier reopened Friday, Aug. 9, 2024.", Some("2024-08-12"), &[("2024-08-09", false)]);
    check_dates("The pier reopened Saturday, Dec. 30.", Some("2024-01-04"), &[("2023-12-30", false)]);
    // No year near fits: the date stands, its weekday kept for the check.
    check_dates("The pier reopened Saturday, Dec. 29.", Some("2025-01-04"), &[("2024-12-29", false)]);
    // 5 March 2023 was a Sunday: a Tuesday, 5 March, told in January 2024
    // is this year's.
    check_dates("The pier will reopen Tuesday, March 5.", Some("2024-01-04"), &[("2024-03-05", true)]);
    // A place in a gallery without its picture's date is no caption.
    check_dates("9/11 families met the pier's owners on Friday.", Some("2024-08-12"), &[("2024-08-09", false)]);
    // Nor a year further from publication than the written one: 4 August
    // 2025 is a Monday, but an article of August 2024 tells of that year's.
    check_dates("The pier reopened Monday, Aug. 4.", Some("2024-08-12"), &[("2024-08-04", false)]);
    // A gallery's captions date its pictures, not the story's events.
    check_dates(
        "The pier reopened on Friday.\n1/24 2 August 2024 A crowd waits at the harbour gate.\n2/24 1 August 2024 Lanterns.",
        Some("2024-08-12"),
        &[("2024-08-09", false)],
    );
    check_dates(
        "Photos: Lantern night in Vellmar Lanterns float past the harbour gate Friday, Aug. 9, 2024.",
        Some("2024-08-12"),
        &[],
    );
    // The date in brackets, or right after the weekday, is the weekday's.
    check_dates("The pier reopened last Friday (August 9).", Some("2024-08-12"), &[("2024-08-09", false)]);
    check_dates("The pier reopened on Friday 9 August.", Some("2024-08-12"), &[("2024-08-09", false)]);
    // A plan told in the past is a plan (to be compared with other
    // tellings of it) for a day gone by.
    check_dates(
        "The ferry was scheduled to leave at 11:55 p.m. Sunday, but left late.",
        Some("2024-08-12"),
        &[("2024-08-11", true)],
    );
    check_dates("The ferry is scheduled to leave on Sunday.", Some("2024-08-12"), &[("2024-08-18", true)]);
    // A participle between a number and a plural counts what was planned:
    // no plan; "the planned strikes" are to come.
    check_dates(
        "The regatta was halted after 20 of 71 scheduled laps on Sunday.",
        Some("2024-08-12"),
        &[("2024-08-11", false)],
    );
    check_dates("Unions confirmed the planned strikes on Sunday.", Some("2024-08-12"), &[("2024-08-18", true)]);
    // A day to come without its year that fell before publication is next
    // year's; one told in the past stays this year's.
    check_dates("The new pier will open on March 9.", Some("2024-11-13"), &[("2025-03-09", true)]);
    check_dates("The old pier opened on March 9.", Some("2024-11-13"), &[("2024-03-09", false)]);
    // Only a verb of the future moves the year: "until" and "would" do not.
    check_dates("The pier road was closed until March 3.", Some("2024-03-10"), &[("2024-03-03", true)]);
    check_dates(
        "The skipper, who would later be charged, was arrested on March 3.",
        Some("2024-03-10"),
        &[("2024-03-03", true)],
    );
    // The nearest word of the future decides.
    check_dates(
        "The minister, who was expected to attend, will travel on Sunday.",
        Some("2024-08-12"),
        &[("2024-08-18", true)],
    );
}

#[test]
fn a_month_inside_a_name_or_before_a_model_number_is_no_date() {
    check_dates(
        "A Long March 4C rocket lifted off from Vellmar. The Long March 9 will fly later.",
        Some("2024-08-12"),
        &[],
    );
    // A year written, or told in words, makes it a date after a name too.
    check_dates(
        "A plane landed in Vellmar Province, Ostland July 2, 2024.",
        Some("2024-08-12"),
        &[("2024-07-02", false)],
    );
    check_dates("The pier first closed on June 12 last year.", Some("2024-08-12"), &[("2023-06-12", false)]);
    // A possessive and a headline in title case keep their dates.
    check_dates("Vellmar's March 4 regatta was cancelled.", Some("2024-08-12"), &[("2024-03-04", false)]);
    check_dates("Ferry Sinks Near Vellmar On March 4", Some("2024-08-12"), &[("2024-03-04", false)]);
    // A dateline in capitals, a weekday, and an ordinal keep their date.
    check_dates(
        "VELLMAR March 4 (Wire) - The pier reopened on Monday March 4th.",
        Some("2024-08-12"),
        &[("2024-03-04", false), ("2024-03-04", false)],
    );
}

#[test]
fn a_statement_is_never_dated_days_before_the_event_it_tells() {
    // Published on the Sunday of the crash and updated a day later: "said
    // Monday" is the next day, not six days before.
    let text = "A charter plane crashed near Vellmar on Sunday, killing 12 people.\n\
                Investigators said Monday that strong winds most likely caused the crash.";
    check_dates(text, Some("2024-08-11"), &[("2024-08-11", false), ("2024-08-12", false)]);
    // A day or two before is left to stand: the event's day may be the one
    // misread.
    let text = "The airline said on Saturday that the plane crashed near Vellmar on Sunday.";
    check_dates(text, Some("2024-08-11"), &[("2024-08-10", false), ("2024-08-11", false)]);
    // A warning days before an event told days after it stands.
    let text = "The storm hit Vellmar on Thursday.\nForecasters warned Monday that the sea wall would not hold.";
    check_dates(text, Some("2024-08-16"), &[("2024-08-15", false), ("2024-08-12", false)]);
}

#[test]
fn a_day_more_than_a_year_before_publication_is_no_event_day() {
    let facts = extract_text(
        None,
        "Rally driver Ilse Brandt, born on 30 September 1997 in Vellmar, won the Dunmore stage on Sunday.",
        Published::parse("2024-08-12"),
    );
    assert_eq!(facts.dates.len(), 2);
    assert_eq!(facts.event_date.map(|d| d.to_string()).as_deref(), Some("2024-08-11"));
    // Undated, a birth date is neither the event's day nor what weekdays
    // are told from.
    let facts = extract_text(
        None,
        "Ian Dorsey, born on 27 October, 1920, has died, his family said on Sunday. He led Vellmar's council.",
        None,
    );
    assert_eq!(facts.dates.iter().map(|d| d.day.to_string()).collect::<Vec<_>>(), ["1920-10-27"]);
    assert_eq!(facts.event_date, None);
    // Undated, a date without its year takes a guessed year: no event day.
    let facts = extract_text(
        None,
        "The 11 September floods changed Vellmar. The treaty of 3 May 2001 was signed in Dunmore.",
        None,
    );
    assert_eq!(facts.event_date.map(|d| d.to_string()).as_deref(), Some("2001-05-03"));
}

#[test]
fn the_event_is_called_by_its_noun_with_a_verb_of_happening_or_by_its_day() {
    let calls = |text: &str| -> Vec<Option<Called>> { facts(text).dates.iter().map(|d| d.called).collect() };
    let told = |noun| vec![Some(Called::Told(noun))];
    assert_eq!(calls("The accident happened at 6.10am on Thursday."), told("accident"));
    assert_eq!(calls("Police said the crash occurred late Monday near the depot."), told("crash"));
    assert_eq!(calls("(The attack took place early in the morning on Friday)"), told("attack"));
    assert_eq!(calls("“The blast” happened at 9 pm on Friday."), told("blast"));
    let named = |noun| vec![Some(Called::Named(noun))];
    assert_eq!(calls("The ship involved in Tuesday's accident was towed away."), named("accident"));
    assert_eq!(calls("Wednesday’s deadly crash closed the line."), named("crash"));
    // Each date is read at its own place: "March 2" is not in "March 20".
    assert_eq!(
        calls("The crash happened on March 20, and the inquiry opened March 2."),
        [Some(Called::Told("crash")), None]
    );
    // Without a verb of happening the day may be another verb's.
    assert_eq!(calls("Bodies remained at the scene of the attack on Friday."), [None]);
    // A clause between, another noun, or no determiner.
    assert_eq!(calls("The accident, police said, happened on Friday."), [None]);
    assert_eq!(calls("The meeting happened on Friday."), [None]);
    assert_eq!(calls("An accident happened on Friday."), [None]);
    assert_eq!(calls("Tuesday's meeting was short."), [None]);
}

#[test]
fn a_day_after_a_verb_of_saying_dates_the_statement_and_page_stamps_are_no_dates() {
    let statements = |text: &str| -> Vec<(String, bool)> {
        let facts = extract_text(None, text, Published::parse("2024-08-12"));
        facts.dates.iter().map(|d| (d.day.to_string(), d.statement)).collect()
    };
    assert_eq!(
        statements("Investigators said Monday that the ferry sank on Sunday."),
        [("2024-08-12".to_owned(), true), ("2024-08-11".to_owned(), false)]
    );
    assert_eq!(
        statements("Local media reported early Sunday that the pier closed."),
        [("2024-08-11".to_owned(), true)]
    );
    assert_eq!(statements("Harbour officials told reporters on Sunday."), [("2024-08-11".to_owned(), false)]);
    // Right before the verb too, and announcing and declaring are saying.
    assert_eq!(
        statements("The harbour board on Sunday declared that the ferry sank on Saturday."),
        [("2024-08-11".to_owned(), true), ("2024-08-10".to_owned(), false)]
    );
    assert_eq!(statements("The pier closed, police announced Sunday."), [("2024-08-11".to_owned(), true)]);
    // A sentence that opens with the day, a comma, and a short subject's
    // saying; not when the day dates what its subject did.
    assert_eq!(statements("On Sunday, harbour police said that the ferry sank."), [("2024-08-11".to_owned(), true)]);
    assert_eq!(
        statements("On Sunday afternoon, the ferry company confirmed that it had sunk."),
        [("2024-08-11".to_owned(), true)]
    );
    for event in [
        "On Sunday, the ferry sank, police said.",
        "On Sunday, the ferry sank and police said so.",
        "On Sunday, the harbour board confirmed the new captain.",
    ] {
        assert_eq!(statements(event), [("2024-08-11".to_owned(), false)], "{event}");
    }
    // Confirming and responding say something only when what was said, or
    // how, follows.
    assert_eq!(statements("The owners confirmed Sunday that the ferry sank."), [("2024-08-11".to_owned(), true)]);
    assert_eq!(
        statements("The harbour master responded on Sunday with a statement."),
        [("2024-08-11".to_owned(), true)]
    );
    for event in ["The new captain was confirmed on Sunday.", "Crews responded Sunday to a fire on the pier."] {
        assert_eq!(statements(event), [("2024-08-11".to_owned(), false)], "{event}");
    }
    // A page's stamp and a day in another time zone date no event.
    check_dates("Ferry sinks off Vellmar Updated: 2024-08-11 06:50", Some("2024-08-12"), &[]);
    check_dates("Published Monday, Aug. 12, 2024", Some("2024-08-14"), &[]);
    check_dates("Updated: Monday 10:40", Some("2024-08-14"), &[]);
    check_dates("Posted on Monday, a video shows the ferry.", Some("2024-08-14"), &[("2024-08-12", false)]);
    check_dates("The ferry sank just before 6 a.m. (2100 GMT Sunday).", Some("2024-08-12"), &[]);
    // Photo captions and embedded posts date the picture or the post; a
    // sentence that only mentions a photo, a file or Twitter dates its news.
    check_dates("In this Friday, Aug. 9, 2024 file photo, the ferry leaves Vellmar.", Some("2024-08-12"), &[]);
    check_dates("In this photo taken on Friday, the ferry leaves Vellmar.", Some("2024-08-12"), &[]);
    // A sentence followed by a photo credit is a caption too; a credit
    // that goes on as a sentence is no credit.
    check_dates(
        "The ferry hit the pier on Friday. (Photo: the council) The crews came on Saturday.",
        Some("2024-08-12"),
        &[("2024-08-09", false), ("2024-08-10", false)],
    );
    for credit in [
        "(Photo: Harbour Gazette)",
        "(Photo by Ian Dorsey/Harbour Gazette)",
        "(HG Photo/Ian Dorsey, File)",
        "(HG Photo)",
        "(Photo courtesy of the council)",
    ] {
        check_dates(
            &format!(
                "The ferry that hit the pier at Vellmar, Aug. 10, 2024. {credit}\nThe ferry hit the pier on Friday."
            ),
            Some("2024-08-12"),
            &[("2024-08-09", false)],
        );
    }
    check_dates("The pier is open pic.twitter.com/ab12 — Ian Dorsey (@iandorsey) August 9, 2024", None, &[]);
    check_dates(
        "The captain told her followers via Twitter on Friday that she would file a claim.",
        Some("2024-08-12"),
        &[("2024-08-09", false)],
    );
    check_dates("On Friday, Dorsey posted a photo of the pier.", Some("2024-08-12"), &[("2024-08-09", false)]);
}

#[test]
fn quotes_and_their_speakers() {
    check_quotes(
        "Mayor Wendy Marsh spoke. \"We will rebuild the pier this year,\" Marsh said. \
         “Nobody was seriously hurt at all,” said harbour master Ian Dorsey.",
        &[Some("Wendy Marsh"), Some("Ian Dorsey")],
    );
    check_quotes("Scare \"quotes\" are not quotes.", &[]);
    // A quote that opens the sentence after an attributed one goes on with
    // that speaker's words; one after a sentence of narration does not.
    check_quotes(
        "Harbour master Ian Dorsey met reporters. “The tide turned early this morning,” Dorsey said. “But the boats are all safe \
         and the pier will open again.” The council met later. “Repairs will take the whole of the summer.”",
        &[Some("Ian Dorsey"), Some("Ian Dorsey"), None],
    );
    // "she" is the one person named around the quote, and her next quote
    // goes on with her words; a name governed by a preposition is no
    // subject "she" could stand for.
    check_quotes(
        "Kemi Adeyoola, the minister of fisheries, denied the reports. “This is no ban on fishing,” she said. \
         “It is a pause, agreed with the fleet on both sides.”",
        &[Some("Kemi Adeyoola"), Some("Kemi Adeyoola")],
    );
    check_quotes(
        "Her account came in an interview with New York Times columnist Maria Vance. “He pushed the door shut,” she \
         said. “He would not let me leave the room.”",
        &[None, None],
    );
    // A role in lower case after a team's or a firm's name, then the name.
    check_quotes(
        "“The knee needs a specialist review,” said Westshire doctor Ian Dorsey. “Prices will rise again this \
         spring,” said Marrowby Futures analyst Maria Vance.",
        &[Some("Ian Dorsey"), Some("Maria Vance")],
    );
    // Function words opening a sentence name no one.
    check_quotes(
        "“As I said before, we will win,” As I said. “We will win the cup this year,” But Marsh said.",
        &[None, Some("Marsh")],
    );
    // No one named only inside the quote is its speaker: "she" is the
    // person of the sentence before, or no one.
    check_quotes(
        "Mayor Wendy Marsh toured the harbour. “Ian Dorsey will finally bring the change we need,” she said.",
        &[Some("Wendy Marsh")],
    );
    check_quotes("“We owe this pier to the late Ian Dorsey and his crew,” she said.", &[None]);
    // Nor is one named only inside a quote of the sentence before (a post
    // quoted whole).
    check_quotes(
        "The mayor answered online.\n'Vellmar Leader Ian Dorsey just stated that the pier is closed.'\n\
         'Someone should tell him the pier reopens on Monday!' he said.",
        &[None, None],
    );
    // A name after a title in single marks with its comma outside, or
    // after a quote closed inside another, is no quoted name.
    for lead in [
        "Under the plan, dubbed 'Harbour First', Ian Dorsey will close the pier.",
        "After the 'Harbour First' plan failed, Ian Dorsey resigned.",
        "\"The board agreed to call it 'Vellmar, Westshire',\" Ian Dorsey said.",
    ] {
        let found = facts(&format!("{lead}\n\"It is over for the harbour now,\" he said."));
        let last = found.quotes.last().and_then(|q| q.speaker.clone());
        assert_eq!(last.as_deref(), Some("Ian Dorsey"), "{lead}");
    }
    check_quotes(
        "Ian Dorsey's plan was criticised by Maria Vance. “Dorsey has failed the harbour town,” she said.",
        &[Some("Maria Vance")],
    );
    // "she" is no man named by a man's given name, "he" no woman.
    check_quotes(
        "Robert Dorsey met Maria Vance at the pier. “The boats are safe this winter,” she said.",
        &[Some("Maria Vance")],
    );
    check_quotes(
        "Maria Vance met Robert Dorsey at the pier. “The repairs start in the spring,” he said.",
        &[Some("Robert Dorsey")],
    );
    // A relative named in the quote is not the speaker; "May" is a name.
    check_quotes(
        "Maria Dorsey spoke at the pier. “My son Ian Dorsey did nothing wrong that night,” she said. \
         “We will hold the vote in the spring,” May said.",
        &[Some("Maria Dorsey"), Some("May")],
    );
    check_quotes("“The report by the scientist Maria Vance clearly shows the risk,” the official said.", &[None]);
    // The agent of a passive, a source and a possessive may be the subject.
    for lead in [
        "The closure was announced by Maria Vance.",
        "The pier is unsafe, according to Maria Vance.",
        "The pier, in Maria Vance's view, is unsafe.",
    ] {
        check_quotes(&format!("{lead} “The pier will stay shut all summer,” she said."), &[Some("Maria Vance")]);
    }
    // A quote with a reporting verb of its own is not the previous
    // speaker's, even when its speaker cannot be told.
    check_quotes(
        "“The tide turned early this morning,” Ian Dorsey said. “The boats are all safe in the harbour,” the \
         statement by the board said.",
        &[Some("Ian Dorsey"), None],
    );
}

#[test]
fn a_quote_does_not_run_on_into_the_next_paragraph_unless_it_opens_again() {
    // A straight mark left open: the next paragraph's marks are not paired
    // with it, so no narration is taken for a quote.
    let text = "The pier was closed. \"This is a grave failure, Brandt told reporters.\n\
                \"We will rebuild the pier quickly,\" she said in an interview with the Courier. \"Harbour master Ian Dorsey was also quick to respond.\n\
                \"We are reviewing every crossing this week,\" Dorsey said.";
    let straight = facts(text);
    let quotes: Vec<&str> = straight.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, ["We will rebuild the pier quickly", "We are reviewing every crossing this week"]);
    // One quote over two paragraphs, each opened with a curly mark and only
    // the last closed, is one quote.
    let text = "The mayor spoke at the pier. “We will rebuild it and we will do it quickly.\n\
                “Nobody should doubt our resolve,” Mayor Wendy Marsh said.";
    let curly = facts(text);
    assert_eq!(curly.quotes.len(), 1, "{:?}", curly.quotes);
    assert_eq!(curly.quotes[0].text, "We will rebuild it and we will do it quickly. Nobody should doubt our resolve");
    assert_eq!(curly.quotes[0].speaker.as_deref(), Some("Wendy Marsh"));
    // A line wrapped inside a quote is no new paragraph (hard-wrapped wire
    // copy), nor is a single line break where blank lines part paragraphs.
    for text in [
        "Mayor Wendy Marsh spoke at the pier. \"We will rebuild it\nand we will do it quickly,\" Marsh said.",
        "Mayor Wendy Marsh spoke at the pier. \"We will rebuild it.\nWe will do it quickly,\" Marsh said.\n\nThe pier reopens in May.",
    ] {
        let wrapped = facts(text);
        assert_eq!(wrapped.quotes.len(), 1, "{text}: {:?}", wrapped.quotes);
        assert_eq!(wrapped.quotes[0].speaker.as_deref(), Some("Wendy Marsh"), "{text}");
    }
}

#[test]
fn single_marks_quote_only_where_they_open_and_close_like_quotes() {
    check_quotes(
        "'The cod stocks moved north this spring. They will come back,' Ilse Brandvold told reporters on Monday.",
        &[Some("Ilse Brandvold")],
    );
    // Apostrophes, and a single mark that sets off a name, quote nothing.
    check_quotes("The fishermen's union met at the harbour masters' office. Boats stayed in port.", &[]);
    let quotes = facts(
        "Stage one, 'Harbour Watch': the survey began in May. ‘We counted more cod than ever before,’ said Ian Dorsey.",
    )
    .quotes;
    let found: Vec<(&str, Option<&str>)> = quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    assert_eq!(found, [("We counted more cod than ever before", Some("Ian Dorsey"))]);
}

#[test]
fn speakers_set_off_described_or_after_their_role() {
    // The subject before an appositive, on either side of the quote.
    check_quotes(
        "Ilse Brandvold, from the fisheries institute, said: “The cod stocks moved north this spring.” \
         “They will come back in the autumn,” Ilse Brandvold, who led the survey, told reporters.",
        &[Some("Ilse Brandvold"), Some("Ilse Brandvold")],
    );
    // "the scientist" is the person the sentence before named.
    check_quotes(
        "Professor Ilse Brandvold of Tromsdal University met the council. Brandvold showed the maps to the mayor. \
         \"The cod stocks moved north this spring,\" the scientist said.",
        &[Some("Ilse Brandvold")],
    );
    // With a title and a role before the name in capitals, the person is
    // still found (not a university's name), and so is the one a
    // description stands for.
    check_quotes(
        "Astrophysicist Professor Ian Dorsey of Vellmar University met the council. Dorsey showed the maps. \
         \"The dish will work,\" the scientist said.",
        &[Some("Ian Dorsey")],
    );
    // A surname addressed as a woman's is no man's full name: her father
    // is not the one quoted. Addressed as a man's, or not at all, it is.
    let text = "Ms. Vance says the mill failed. Vance adds that it will close. \
                \"We tried everything we could to keep it open,\" Vance says. \
                Her father, Robert Vance, teaches in Marrowby. \"It was the hardest year of my life,\" Vance says.";
    check_quotes(text, &[Some("Vance"), Some("Vance")]);
    assert!(facts(text).entities.iter().any(|e| e.name == "Vance" && e.kind == Person));
    check_quotes(&text.replace("Ms. Vance", "Mr. Vance"), &[Some("Robert Vance"), Some("Robert Vance")]);
    // Addressed both ways, a surname tells no sex, in either order.
    let both = text.replace("Vance adds", "Mr. Vance adds");
    check_quotes(&both, &[Some("Robert Vance"), Some("Robert Vance")]);
    let both = text.replace("Ms. Vance says", "Mr. Vance says").replace("Vance adds", "Ms. Vance adds");
    check_quotes(&both, &[Some("Robert Vance"), Some("Robert Vance")]);
    check_quotes(&text.replace("Ms. Vance", "Vance"), &[Some("Robert Vance"), Some("Robert Vance")]);
    // A pronoun with no one named near it is the article's subject's, the
    // one person with most of its mentions of people, when the pronoun
    // fits the subject's sex; not when someone else it may stand for is
    // named in the sentences just before, nor with no such subject.
    let profile = "Ines Dorsey won the harbour race. Dorsey trained for years. Her coach Ian Vance watched. \
                   Dorsey smiled at the line. The crowd cheered loudly. \
                   \"I always believed I could win this race,\" she said.";
    check_quotes(profile, &[Some("Ines Dorsey")]);
    check_quotes(&profile.replace("she said", "he said"), &[None]);
    check_quotes(&profile.replace("Ian Vance", "Maria Vance"), &[None]);
    // Someone named inside the quote does not stand for the pronoun.
    let named = profile.replace("I always believed", "My sister Maria Vance always said");
    check_quotes(&named, &[Some("Ines Dorsey")]);
    // A surname alone tells its sex by an honorific, not as a given name.
    let martin = "Ms. Martin ran the Dunmore mill. Martin hired forty weavers. Martin retired last year. \
                  The looms fell silent. \"We kept every loom running through the winter,\" he said.";
    check_quotes(martin, &[None]);
    // A subject whose sex nothing tells takes no pronoun's quote.
    check_quotes(&profile.replace("Ines Dorsey", "Sprinter Xandri Dorsey"), &[None]);
    let shared = profile.replace("The crowd", "Vance waved. Vance shouted. The crowd");
    check_quotes(&shared, &[None]);
    // The name after a role, not the employer's.
    check_quotes(
        "“The pier will open again in May,” said Harbour Transit's director, Ian Dorsey, on Monday.",
        &[Some("Ian Dorsey")],
    );
    // A name after a preposition is no speaker: the ambassador spoke.
    check_quotes("The ambassador to the Nordic Council said the talks were \"over for this year\".", &[None]);
    // A role in lower case before the name, the role's owner, and the name
    // set off by commas on either side of the role.
    check_quotes(
        "“We counted more cod than ever before,” study author Ilse Brandvold said of the survey. \
         “We are in utter shock right now,” Ian Dorsey's sister, Maren Dorsey, wrote on Facebook. \
         “We are all in utter shock today,” Ian Dorsey's sister Maren Dorsey wrote. \
         “Nobody could have seen this coming,” Maren Dorsey, Ian Dorsey's sister, wrote.",
        &[Some("Ilse Brandvold"), Some("Maren Dorsey"), Some("Maren Dorsey"), Some("Maren Dorsey")],
    );
    // A long title before the name; a verb of saying beyond the plainest.
    check_quotes(
        "“The pier will be closed for the whole of the summer,” North Brennick President Ilse Marta Brandvold said. \
         “So basically the ferry is a very slow bridge,” Ian Dorsey joked.",
        &[Some("Ilse Marta Brandvold"), Some("Ian Dorsey")],
    );
    // A role governed by a preposition is someone else's: the victim did
    // not speak.
    check_quotes("“He was always kind to everyone he met,” mother of victim Ian Dorsey said.", &[None]);
}

#[test]
fn a_fragment_is_the_words_of_its_sentence_s_sayer_and_a_closed_quote_is_attributed_only_by_a_short_clause() {
    // A quote that opens in lower case is part of the sentence around it:
    // its speaker is the subject of the sentence's verb of saying, however
    // far before it; "described … as" reports words too.
    check_quotes(
        "Mayor Wendy Marsh said the storm that hit the pier was an \"unprecedented and serious threat\" to the town. \
         Ian Dorsey described the crews as being in “reasonably good spirits after the long night.”",
        &[Some("Wendy Marsh"), Some("Ian Dorsey")],
    );
    // So do "called" and "hailed": words given as the name of a thing.
    check_quotes(
        "Councillor Ilse Brandt, the harbour committee chair, called the vote \"a turning point for the port\". \
         Ian Dorsey hailed the plan as “the best news in years” for the quay.",
        &[Some("Ilse Brandt"), Some("Ian Dorsey")],
    );
    // But a name in quotes after "called" is no one's words.
    check_quotes("Ilse Brandt called the new ferry \"The Pride of Vellmar Harbour\" at its launch.", &[None]);
    // A quote that ends its own sentence is attributed by a short clause
    // after it, not by a sentence that goes on to report more.
    check_quotes(
        "The council met at noon. “The boats are all safe in the harbour tonight.” Ian Dorsey said that the pier \
         would stay shut. “Will the ferry run again before the summer?” Wendy Marsh asked. “The tide turned \
         early this morning.” Marsh told The Harbour Gazette.",
        &[None, Some("Wendy Marsh"), Some("Wendy Marsh")],
    );
    // A quote that answers it is no attribution.
    check_quotes("“Will the ferry run again before the summer?” “Yes,” Wendy Marsh said.", &[None]);
    // A description is the person named near it, or no one: not the
    // subject of the sentence before when someone else is named there.
    check_quotes(
        "Wendy Marsh said she had doubts, but that Ian Dorsey had persuaded her. \
         “We all heard the engine failing that morning,” the captain said.",
        &[None],
    );
}

#[test]
fn a_quote_from_a_document_is_its_author_s() {
    // The letter's author is the person named last before it in the
    // sentence that tells of it, not one named after it.
    check_quotes(
        "Ferry captain Ian Dorsey sailed on. Dorsey announced his retirement in an open letter, a day after \
         Wendy Marsh said she would leave. “Over the years I have seen every storm this harbour can raise,” \
         the letter began.",
        &[Some("Ian Dorsey")],
    );
    check_quotes(
        "Ian Dorsey signed a statement for the board. \"The pier will open again in the spring\", the statement said.",
        &[Some("Ian Dorsey")],
    );
    // Someone else reports between the person and the document.
    check_quotes(
        "Ian Dorsey was charged, police said in a statement. \"He will appear in court on the pier\", the statement said.",
        &[None],
    );
    // No one named before the document: no one.
    check_quotes(
        "The harbour board released a statement after Wendy Marsh left. \
         “The pier will open again in the spring,” the statement said.",
        &[None],
    );
    // A role abbreviated as a title ("QB") sets off the name.
    check_entities("Harbour QB Ian Dorsey threw twice.", &[("Ian Dorsey", Person)]);
}

#[test]
fn bad_input_gives_no_flood_of_facts() {
    let lower = facts("the ferry hit the pier in fog and everyone went home safe after a long and quiet day.");
    assert!(lower.entities.is_empty() && lower.quantities.is_empty(), "{lower:?}");
    let caps = facts(
        "FERRY HITS PIER IN BRENNICK FOG AS COMMUTERS WAIT\nTHE HARBOUR OFFICE SAID IT WOULD REVIEW SAFETY RULES.",
    );
    assert!(caps.entities.is_empty(), "{:?}", caps.entities);
    // A wire headline of one word in capitals names nothing either.
    let short = facts("FLOOD\nHeavy rain flooded Marrowby on Monday.");
    assert!(short.entities.iter().all(|e| e.name != "FLOOD"), "{:?}", short.entities);
    // A page's furniture, and short words in capitals, name nothing.
    let page = facts(
        "Photos: Pier fire Hide Caption 3 of 20. Sign Up Continue reading. BYLINE: Ilse Brandt. \
         The mayor said it was O.K. to reopen the pier. AT the harbour, crews searched the ferry.",
    );
    let names: Vec<&str> = page.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ilse Brandt"]);
    // Hard-wrapped wire copy: names across line breaks are whole, and each
    // sentence is kept on one line.
    let wire = facts(
        "Brennick Holdings said its chairman Ian\nDorsey would step down next month after\ntwelve years, and named Wendy Marsh to\nthe post from the Vellmar office.",
    );
    assert!(wire.sentences.iter().all(|s| !s.contains('\n')), "{:?}", wire.sentences);
    let names: Vec<&str> = wire.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Ian Dorsey") && names.contains(&"Wendy Marsh"), "{names:?}");
    let table = facts("Wheat 12.5 13.1 14.0 15.2\nCorn 8.1 8.4 9.0 9.9 10.2 11.3\nRice 4 5 6 7 8 9 10");
    assert!(table.quantities.is_empty(), "{:?}", table.quantities);
    let names: Vec<String> = (0..200).map(|n| format!("Name{} Surname{}", n, n)).collect();
    let list = facts(&format!("The committee members are {}.", names.join(", ")));
    assert!(list.entities.iter().all(|e| e.listed), "names in a long list are marked");
    let french = extract_fields(
        None,
        "Le maire Jean Dupont a dit dimanche que 12 personnes étaient blessées.",
        None,
        Some("fra"),
    );
    assert!(french.entities.is_empty() && french.quantities.is_empty() && french.dates.is_empty());
}

#[test]
fn the_seed_reports_give_the_worked_example_facts() {
    let Some(seeds) = dossier_testkit::shared("seeds") else { return };
    let read = |name: &str| {
        let text = std::fs::read_to_string(seeds.join(name)).unwrap();
        let (day, rest) = dossier_text::split_leading_date(&text).map_or((None, text.as_str()), |(d, r)| (Some(d), r));
        extract_text(None, &dossier_text::normalize_text(rest), day)
    };
    let first = read("000_0a268e9d4ae5c4e2.txt");
    let second = read("004_bacb1b1643c1e2ea.txt");
    let people = |facts: &Facts| -> Vec<String> {
        facts.entities.iter().filter(|e| e.kind == Person).map(|e| e.name.clone()).collect()
    };
    for name in ["Simon Biles", "Tom Cruise", "Dr. Dre", "HER", "Billie Eilish"] {
        assert!(people(&first).contains(&name.to_owned()), "{name} in 000: {:?}", people(&first));
    }
    for name in ["Simone Biles", "Karen Bass", "Tom Cruise", "Jagger Eaton", "Finneas"] {
        assert!(people(&second).contains(&name.to_owned()), "{name} in 004: {:?}", people(&second));
    }
    assert!(first.quantities.iter().any(|q| q.unit == Unit::Metres && q.value == 50.0));
    assert!(second.quantities.iter().any(|q| q.unit == Unit::Age && q.value == 62.0 && q.subject == "Tom Cruise"));
    for facts in [&first, &second] {
        assert_eq!(facts.event_date.map(|d| d.to_string()).as_deref(), Some("2024-08-11"));
    }
}
