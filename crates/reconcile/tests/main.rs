//! The reconcile stage on stories we wrote, on the repository's examples
//! (the ferry story's planted discrepancies) and on the seed reports (read
//! from ../shared; the worked example of DESIGN.md).

use dossier_domain::Published;
use dossier_extract::extract_text;
use dossier_reconcile::{reconcile, Source, Status, StoryFacts};
use dossier_sources::{read, Input, Record};

fn source(id: &str, outlet: &str, published: Option<&str>, text: &str) -> Source {
    let published = published.and_then(Published::parse);
    let mut source = Source::new(id, outlet, extract_text(None, text, published));
    source.published = published;
    source
}

/// A source of outlet `{id}.example` with no publication time.
fn undated(id: &str, text: &str) -> Source {
    source(id, &format!("{id}.example"), None, text)
}

/// A source of outlet `{id}.example` published at `published`.
fn dated(id: &str, published: &str, text: &str) -> Source {
    source(id, &format!("{id}.example"), Some(published), text)
}

/// Two outlets' leads of one derailment on Wednesday, 13 March 2024, for
/// the date checks.
const DERAILED: &str = "A freight train derailed near Dunmore on Wednesday, spilling grain over the valley line.";
const LEFT_THE_TRACKS: &str = "Rail officials said a freight train left the tracks near Dunmore on Wednesday morning.";

/// The conflicts of a story as "kind subject: value [sources] | value [sources]".
fn conflicts(story: &StoryFacts) -> Vec<String> {
    story
        .conflicts
        .iter()
        .map(|c| {
            let values: Vec<String> =
                c.values.iter().map(|v| format!("{} [{}]", v.value, v.sources.join(" "))).collect();
            format!("{} {}: {}", c.kind.as_str(), c.subject, values.join(" | "))
        })
        .collect()
}

fn check(sources: &[Source], expected: &[&str]) -> StoryFacts {
    let story = reconcile(sources);
    assert_eq!(conflicts(&story), expected);
    story
}

fn status_of(story: &StoryFacts, value: &str) -> Option<(Status, usize)> {
    story.facts.iter().find(|f| f.value == value).map(|f| (f.status, f.outlets))
}

#[test]
fn a_misspelt_person_is_one_entity_in_conflict() {
    let story = check(
        &[
            undated("a", "Mayor Wendy Marsh opened the bridge. Marsh spoke."),
            undated("b", "Mayor Wendy Marhs opened the bridge. Marhs spoke."),
        ],
        // A tie: neither spelling is better attested, so the order is by
        // length, then alphabetical.
        &["name Wendy Marhs: Wendy Marhs [b] | Wendy Marsh [a]"],
    );
    let people: Vec<_> = story.facts.iter().filter(|f| f.kind == "person").collect();
    assert_eq!(people.len(), 1, "one person, not two: {people:?}");
    assert_eq!(people[0].status, Status::Conflict);
}

#[test]
fn a_lone_given_name_is_not_credited_to_another_outlets_full_name() {
    let story = check(
        &[
            undated("a", "The pilot, Matthew Dunmore, said the engine failed."),
            undated("b", "Their sons Matthew and Ansel were not aboard."),
            undated("c", "Pilot Matthew Dunmore walked away unhurt."),
        ],
        &[],
    );
    // The bare given name may be anyone's: here a son's.
    let pilot = story.facts.iter().find(|f| f.value == "Matthew Dunmore").unwrap();
    assert_eq!(
        (pilot.status, pilot.outlets, pilot.sources.clone()),
        (Status::Corroborated, 2, vec!["a".into(), "c".into()])
    );
    assert!(!pilot.evidence.iter().any(|e| e.sentence.contains("sons")), "{:?}", pilot.evidence);
}

#[test]
fn sums_with_cents_and_imperial_measures_are_shown_as_written() {
    let story = check(
        &[
            undated("a", "The council kept the fare at $2.50. The tunnel runs 580 miles under the hills. The tunnel cost $1,084.60 a metre."),
            undated("b", "Riders will still pay a fare of $2.50. The tunnel runs 580 miles, engineers said. The tunnel cost $1,084.60 a metre."),
        ],
        &[],
    );
    assert_eq!(status_of(&story, "$2.50 (fare)"), Some((Status::Corroborated, 2)), "{:?}", story.facts);
    assert!(story.facts.iter().any(|f| f.value.starts_with("580 miles")), "{:?}", story.facts);
    assert!(story.facts.iter().any(|f| f.value == "$1,084.60 (metre)"), "{:?}", story.facts);
}

#[test]
fn different_values_of_one_toll_conflict_and_agreeing_ones_corroborate() {
    let story = check(
        &[
            undated("a", "The ferry hit the pier, injuring 12 people. 143 passengers were aboard."),
            undated("b", "The ferry hit the pier and 15 people were injured. 143 passengers were aboard."),
        ],
        &["quantity injured: 12 injured [a] | 15 injured [b]"],
    );
    assert_eq!(status_of(&story, "143 passengers"), Some((Status::Corroborated, 2)));
}

#[test]
fn an_age_given_by_role_or_surname_is_the_age_of_the_person_the_story_names() {
    let story = check(
        &[
            undated("a", "The tour of comedian Dana Vogt ended. Vogt, 47, thanked her fans."),
            undated("b", "The tour is over. The comedian, 44, thanked her fans on Monday."),
            undated("c", "The 47-year-old comedian thanked her fans."),
        ],
        &["quantity Dana Vogt: age 44 (Dana Vogt) [b] | age 47 (Dana Vogt) [a c]"],
    );
    // A synonym of the role is the same role.
    check(
        &[
            undated("a", "The tour of comedian Dana Vogt ended. Vogt, 47, thanked her fans."),
            undated("b", "The tour is over. The comic, 44, thanked her fans on Monday."),
        ],
        &["quantity Dana Vogt: age 44 (Dana Vogt) [b] | age 47 (Dana Vogt) [a]"],
    );
    assert_eq!(status_of(&story, "age 47 (Dana Vogt)"), Some((Status::Conflict, 2)));
    // Two comedians: "the comedian" is the one its article names, else
    // neither.
    let a = "Fans of comedian Dana Vogt met comedian Ann Oakley. Vogt, 47, spoke.";
    check(
        &[undated("a", a), undated("b", "Ms. Vogt toured. The comedian, 44, spoke after the show.")],
        &["quantity Dana Vogt: age 44 (Dana Vogt) [b] | age 47 (Dana Vogt) [a]"],
    );
    check(&[undated("a", a), undated("b", "The comedian, 44, spoke after the show.")], &[]);
    // An article naming other people may tell of another victim; a noun is
    // no one's name ("man" is not the Isle of Man).
    check(
        &[
            undated("a", "Police named victim Jane Doe. Doe, 31, was a nurse. A 45-year-old man fled."),
            undated("b", "The second victim was John Roe. The victim, 23, was a student."),
            undated("c", "A 52-year-old man fled to the Isle of Man."),
        ],
        &[],
    );
}

#[test]
fn the_people_aboard_are_counted_and_compared() {
    check(
        &[
            undated("a", "The cruise ship, which had 129 people on board, hit a pillar of the bridge."),
            undated("b", "There were 165 people on board when the vessel hit a bridge pillar."),
        ],
        &["quantity people aboard: 129 people aboard [a] | 165 people aboard [b]"],
    );
}

#[test]
fn the_age_of_one_named_by_a_single_name_is_specific() {
    // Sentences that share nothing but the name: the name is enough.
    check(
        &[
            undated("a", "A gorilla called Bokito, who had turned 14 a week earlier, escaped from the zoo."),
            undated("b", "Keepers said Bokito, who was 15, was calm again by noon."),
        ],
        &["quantity Bokito: age 14 (Bokito) [a] | age 15 (Bokito) [b]"],
    );
}

#[test]
fn another_count_of_the_same_figure_does_not_hide_an_age_conflict() {
    // b's "20 passengers" is no age: b still gives Emma Harte another age
    // than a does.
    let a = "Emma Harte, 20, said the tram shook the whole street.";
    let b = "Emma Harte, 23, who lives by the depot, heard the crash. The tram's 20 passengers were shaken.";
    check(
        &[undated("a", a), undated("b", b)],
        &["quantity Emma Harte: age 20 (Emma Harte) [a] | age 23 (Emma Harte) [b]"],
    );
    // An article that gives both values as ages may have mixed up two
    // people: it takes no side, and with it there is no conflict.
    let c = "Emma Harte, 23, and her neighbour John Reid, 20, said the tram shook the whole street.";
    check(&[undated("a", a), undated("c", c)], &[]);
}

#[test]
fn ages_that_all_moved_by_the_same_years_tell_of_another_year() {
    // Profiles written years apart: both daughters are four years older in
    // b, which contradicts nothing.
    let a = "She keeps up with her daughters, Clara Penrose, 6, and Ada Penrose, 3, every evening.";
    let b = "Her family comes first: Clara Penrose, 10, and Ada Penrose, 7, live with her in Vellmar.";
    check(&[undated("a", a), undated("b", b)], &[]);
    // One age moved and the other not (or not as far): a disagreement.
    let c = "Her family comes first: Clara Penrose, 6, and Ada Penrose, 4, live with her in Vellmar.";
    check(
        &[undated("a", a), undated("c", c)],
        &["quantity Ada Penrose: age 3 (Ada Penrose) [a] | age 4 (Ada Penrose) [c]"],
    );
    let d = "Her family comes first: Clara Penrose, 10, and Ada Penrose, 8, live with her in Vellmar.";
    check(
        &[undated("a", a), undated("d", d)],
        &[
            "quantity Ada Penrose: age 3 (Ada Penrose) [a] | age 8 (Ada Penrose) [d]",
            "quantity Clara Penrose: age 6 (Clara Penrose) [a] | age 10 (Clara Penrose) [d]",
        ],
    );
}

#[test]
fn a_figure_read_as_another_subject_does_not_hide_a_count_conflict() {
    // b writes 12 too, but as the injured: it still gives the crew 13.
    let a = "Another ferry took the 90 passengers and 12 crew members to Vellmar.";
    let b = "Another ferry took the 90 passengers, most of them students, and 13 crew members to Vellmar. \
             Police said 12 people were injured.";
    check(&[undated("a", a), undated("b", b)], &["quantity members: 12 members [a] | 13 members [b]"]);
    // A toll's parts are counts of other subjects, but an age is none:
    // the gunman's age does not make an outlet write the other toll.
    let d = "The gunman, Tom Rudd, 47, killed 41 people at the fair on Sunday.";
    let e = "The gunman killed 47 people at the fair on Sunday, police said.";
    check(&[undated("d", d), undated("e", e)], &["quantity dead: 41 dead [d] | 47 dead [e]"]);
    // An age written as one word is no figure the article writes: it does
    // not hide the other toll the article does write.
    let f = "The 47-year-old gunman killed 41 people at the fair on Sunday. Another 47 people were injured.";
    check(&[undated("f", f), undated("e", e)], &[]);
    // Written with no subject to read it as, the 12 may be the crew's.
    let c = "Another ferry took the 90 passengers, most of them students, and 13 crew members to Vellmar. \
             Of the crew, 12 were from Kelso.";
    check(&[undated("a", a), undated("c", c)], &[]);
}

#[test]
fn compatible_values_and_rising_tolls_are_not_conflicts() {
    check(
        &[undated("a", "At least 130 people were killed in the flood."), undated("b", "The flood killed 132 people.")],
        &[],
    );
    let story = check(
        &[
            dated("a", "2024-08-12T08:00:00Z", "The storm killed 4 people."),
            dated("b", "2024-08-12T15:00:00Z", "The storm killed 9 people."),
        ],
        &[],
    );
    assert_eq!(story.progressions.len(), 1);
    assert_eq!(story.progressions[0].steps.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(), ["4", "9"]);
    // Two reports of one moment do not rise: they clash.
    let story = check(
        &[
            dated("a", "2024-08-12T15:00:00Z", "The storm killed 4 people."),
            dated("b", "2024-08-12T15:00:00Z", "The storm killed 9 people."),
        ],
        &["quantity dead: 4 dead [a] | 9 dead [b]"],
    );
    assert!(story.progressions.is_empty());
}

#[test]
fn an_outlet_that_bounds_a_value_once_bounds_its_bare_mentions_too() {
    // The headline's "Five dead" is the body's "at least five", which
    // "at least seven" does not contradict.
    check(
        &[
            undated(
                "a",
                "Five dead as tram overturns. At least five people are dead after the tram overturned in Vellmar.",
            ),
            undated("b", "At least seven people were killed when the tram overturned in Vellmar."),
        ],
        &[],
    );
    // Unbounded, five and seven dead cannot both be true.
    check(
        &[
            undated("a", "Five people died when the tram overturned in Vellmar."),
            undated("b", "Seven people died when the tram overturned in Vellmar."),
        ],
        &["quantity dead: 5 dead [a] | 7 dead [b]"],
    );
}

#[test]
fn a_subject_an_outlet_gives_two_values_is_compared_pair_by_pair_in_sentences_told_alike() {
    // The toll has two values in a (the flood's and last year's collapse):
    // only the pair said of one thing conflicts, and only its two values
    // are reported.
    check(
        &[
            undated(
                "a",
                "The flood killed 12 people in the valley town of Arlen on Sunday. \
                 A bridge collapse killed 3 people there last year.",
            ),
            undated(
                "b",
                "Officials said 15 people died when the flood swept through Arlen, the valley town, on Sunday.",
            ),
        ],
        &["quantity dead: 12 dead [a] | 15 dead [b]"],
    );
    // An article that writes both values ("four of whom ... 16") tells of
    // two things, however alike the sentences.
    check(
        &[
            undated(
                "a",
                "The hospital in Tooting treated 20 people, four of whom were seriously injured and 16 walking wounded.",
            ),
            undated("b", "The hospital in Tooting said 20 people were treated, of which four are seriously injured."),
        ],
        &[],
    );
}

#[test]
fn a_report_listing_past_tolls_does_not_hide_a_clash_between_the_others() {
    // c lists past tolls, so "dead" has two values in one article; a and b
    // each give one, close to each other, in sentences told differently:
    // they still disagree on this event's toll.
    let past = undated(
        "c",
        "The gunman killed 49 people at a nightclub in Orlando last year. \
         A student killed 32 people at a university in Virginia in 2007.",
    );
    check(
        &[
            undated("a", "The gunman fired from the hotel window and killed 59 people at the concert on Sunday night."),
            undated("b", "At the festival, 66 people died in what police called the worst shooting in the state."),
            past.clone(),
        ],
        &["quantity dead: 59 dead [a] | 66 dead [b]"],
    );
    // Values far apart from articles that give one each may be two events'
    // tolls (the last attack's, this one's): not a conflict.
    check(
        &[
            undated("a", "The attacks in the capital last year killed 130 people, the minister recalled."),
            undated("b", "At the festival, 84 people died in what police called the worst attack in the region."),
            past,
        ],
        &[],
    );
    // An outlet whose two articles give two values (an update, another
    // event) is no list in one report: the rest stay compared in sentences
    // told alike.
    check(
        &[
            undated("a", "The gunman fired from the hotel window and killed 59 people at the concert on Sunday night."),
            undated("b", "At the festival, 66 people died in what police called the worst shooting in the state."),
            source("c1", "c.example", None, "The gunman killed 49 people at a nightclub in Orlando last year."),
            source("c2", "c.example", None, "A student killed 32 people at a university in Virginia in 2007."),
        ],
        &[],
    );
    // Nor does a person's age, which an article may give at two times of
    // a life, "at the age of 30" and "65".
    check(
        &[
            undated("a", "Tom Reyes, 62, spoke to the players before the final."),
            undated("b", "The club said goodbye on Monday to its coach Tom Reyes, 64, after ten seasons."),
            undated("c", "Tom Reyes, 65, built the club. Tom Reyes became a coach at the age of 30."),
        ],
        &[],
    );
}

#[test]
fn a_copy_does_not_corroborate_its_original() {
    let text = "Mayor Wendy Marsh said 143 passengers were aboard.";
    let mut copy = source("copy", "b.example", None, text);
    copy.duplicate_of = Some("a".into());
    let story = reconcile(&[undated("a", text), copy]);
    assert_eq!(status_of(&story, "Wendy Marsh"), Some((Status::SingleSource, 1)));
    let same_outlet = reconcile(&[undated("a", text), source("a2", "a.example", None, text)]);
    assert_eq!(status_of(&same_outlet, "143 passengers"), Some((Status::SingleSource, 1)));
}

#[test]
fn one_quote_given_to_two_people_is_an_attribution_conflict() {
    check(
        &[
            undated(
                "a",
                "Mayor Wendy Marsh and Chief Ian Dorsey spoke. \"We will rebuild the pier this year,\" Marsh said.",
            ),
            undated(
                "b",
                "Mayor Wendy Marsh and Chief Ian Dorsey spoke. \"We will rebuild the pier this year,\" Dorsey said.",
            ),
        ],
        &["attribution We will rebuild the pier this year: Ian Dorsey [b] | Wendy Marsh [a]"],
    );
}

#[test]
fn a_short_quote_written_word_for_word_in_another_outlets_is_the_same_quote() {
    // Three content words inside a longer quote; six words with two
    // content words ("he", "was", "just" and "a" are stop words).
    check(
        &[
            undated("a", "Wendy Marsh and Ian Dorsey spoke. “That seemed extremely boring,” Marsh said."),
            undated(
                "b",
                "Wendy Marsh and Ian Dorsey spoke. “The first plan was a ferry across the bay. That seemed \
                 extremely boring,” Dorsey said.",
            ),
        ],
        &["attribution That seemed extremely boring: Ian Dorsey [b] | Wendy Marsh [a]"],
    );
    check(
        &[
            undated("a", "Wendy Marsh and Ian Dorsey spoke. “He was unresponsive, just a disaster,” Marsh said."),
            undated("b", "Wendy Marsh and Ian Dorsey spoke. “He was unresponsive, just a disaster,” Dorsey said."),
        ],
        &["attribution He was unresponsive, just a disaster: Ian Dorsey [b] | Wendy Marsh [a]"],
    );
    // Two content words in fewer words are too little to be one quote.
    check(
        &[
            undated("a", "Wendy Marsh and Ian Dorsey spoke. “It was a disaster, really,” Marsh said."),
            undated("b", "Wendy Marsh and Ian Dorsey spoke. “It was a disaster, really,” Dorsey said."),
        ],
        &[],
    );
}

#[test]
fn an_office_against_a_name_is_no_attribution_conflict() {
    // "The Westshire PM" may be the Mr Dorsey another outlet names.
    let said =
        |speaker: &str| format!("{speaker} said on Monday that “the pier will open again before the summer season”.");
    check(&[undated("a", &said("Mr Dorsey")), undated("b", &said("The Westshire PM"))], &[]);
    // A name tells someone else, a surname that is a title too ("Mr
    // King"), and one office another.
    for (a, b) in [("Mr Dorsey", "Wendy Marsh"), ("Mr King", "Wendy Marsh"), ("The Westshire PM", "The Vellmar Mayor")]
    {
        let story = reconcile(&[undated("a", &said(a)), undated("b", &said(b))]);
        assert_eq!(story.conflicts.len(), 1, "{a} / {b}: {:?}", conflicts(&story));
    }
}

#[test]
fn one_speaker_written_two_ways_and_quotes_joined_through_others_are_no_attribution_conflict() {
    // "Mr Tan" and "Tan Weiming" (surname first) are one speaker.
    check(
        &[
            undated("a", "“We expect the pier to open again in the spring,” Mr Tan told the paper."),
            undated(
                "b",
                "Tan Weiming, from the harbour board, said: “We expect the pier to open again in the spring.”",
            ),
        ],
        &[],
    );
    // "Mr Tan" may be either, but "Tan Weiming" and "Tan Li" are two
    // people: a conflict between them, "Mr Tan" on the first's side.
    check(
        &[
            undated("a", "“We expect the pier to open again in the spring,” Mr Tan told the paper."),
            undated(
                "b",
                "Tan Weiming, from the harbour board, said: “We expect the pier to open again in the spring.”",
            ),
            undated("c", "Tan Li, from the council, said: “We expect the pier to open again in the spring.”"),
        ],
        &["attribution We expect the pier to open again in the spring: Mr Tan [a b] | Tan Li [c]"],
    );
    // Two condolences share stock words, not a quote.
    check(
        &[
            undated(
                "a",
                "Wendy Marsh said: “I am devastated for the families of those who lost their lives. My thoughts are \
                 with the victims and their families.”",
            ),
            undated("b", "“My prayers are with the victims and their families,” Ian Dorsey said on the radio."),
        ],
        &[],
    );
}

#[test]
fn two_counts_told_as_at_least_so_many_are_no_conflict() {
    // "At least 89" is true of both; a plain count against a floor, and
    // floors of a sum, still disagree.
    let said =
        |count: &str| format!("Mourners gathered in Vellmar, where {count} people were killed at the concert hall.");
    check(&[undated("a", &said("at least 80")), undated("b", &said("at least 89"))], &[]);
    check(&[undated("a", &said("more than 80")), undated("b", &said("at least 89"))], &[]);
    let story = reconcile(&[undated("a", &said("80")), undated("b", &said("at least 89"))]);
    assert_eq!(story.conflicts.len(), 1, "{:?}", conflicts(&story));
    // Floors of a sum are terms of an offer.
    let offer = |sum: &str| {
        format!("Brennick Holdings will pay at least {sum} for each share of the Vellmar yard, the board said.")
    };
    for (a, b) in [("$40", "$45"), ("40 dlrs", "45 dlrs")] {
        let story = reconcile(&[undated("a", &offer(a)), undated("b", &offer(b))]);
        assert_eq!(story.conflicts.len(), 1, "{a} / {b}: {:?}", conflicts(&story));
    }
}

#[test]
fn a_number_changed_in_a_sentence_told_alike_is_a_quantity_conflict() {
    check(
        &[
            undated("a", "The storm dropped 34 inches of snow on the lakeside town of Vellmar."),
            undated("b", "The storm dropped 43 inches of snow on the lakeside town of Vellmar."),
        ],
        &["quantity inches: 34 inches [a] | 43 inches [b]"],
    );
    // Both values written by one article: two things, not one told two ways.
    check(
        &[
            undated("a", "The board offered $60 per share in cash for the Vellmar mill owners."),
            undated(
                "b",
                "The board offered $82 per share in cash for the Vellmar mill owners. It had offered $60 before.",
            ),
        ],
        &[],
    );
}
#[test]
fn close_counts_of_one_thing_in_sentences_that_share_a_few_terms_conflict() {
    let a = "Crews will fire all 27 engines of the rocket at once in a static test before the launch.";
    let b = "Engineers expect the booster's 24 engines to roar together at the launch of the rocket.";
    check(&[undated("a", a), undated("b", b)], &["quantity engines: 24 engines [b] | 27 engines [a]"]);
    // Far apart, the counts are of two things (each booster's engines).
    let nine = "Engineers expect the booster's 9 engines to roar together at the launch of the rocket.";
    check(&[undated("a", a), undated("b", nine)], &[]);
    // An article that writes both counts takes no side.
    let both = format!("{b} The rocket carries 27 engines in all.");
    check(&[undated("a", a), undated("b", &both)], &[]);
    // A gallery's caption writes a place in a series, not a count.
    let captioned = format!("{b} Gallery 27 of 41 Next: the rocket on its pad.");
    check(&[undated("a", a), undated("b", &captioned)], &["quantity engines: 24 engines [b] | 27 engines [a]"]);
    // "Nearly 27 of 30 Vellmar engineers" is a count the article writes.
    let counted = format!("{b} Nearly 27 of 30 Vellmar engineers watched.");
    check(&[undated("a", a), undated("b", &counted)], &[]);
    // A whole and a fraction are one value: "a 27 1/2-hour wait" writes
    // 27.5, not the other count.
    let mixed = format!("{b} The crew once waited a 27 1/2-hour delay.");
    check(&[undated("a", a), undated("b", &mixed)], &["quantity engines: 24 engines [b] | 27 engines [a]"]);
    // Two mixed numbers told alike clash as themselves, under the unit
    // after the fraction.
    check(
        &[
            undated("a", "The Marrowby Owls trailed the Dunmore Herons by 9 1/2 games in the league table on Sunday after a loss."),
            undated("b", "After Sunday, the Marrowby Owls trailed the Dunmore Herons by 8 1/2 games in the league table, a club record."),
        ],
        &["quantity games: 8.5 games [b] | 9.5 games [a]"],
    );
    // Sentences that share two terms tell of other things.
    let other = "The ferry's 24 engines were checked at the rocket museum.";
    check(&[undated("a", a), undated("b", other)], &[]);
}

#[test]
fn a_count_of_a_compound_noun_is_a_count_of_its_head() {
    let a = "The rebels freed 21 schoolgirls from the village school after talks with the government.";
    let b = "After talks with the government the rebels freed 15 girls from the village school.";
    check(&[undated("a", a), undated("b", b)], &["quantity schoolgirls: 15 girls [b] | 21 schoolgirls [a]"]);
    // Agreeing counts are one fact, corroborated by both.
    let story = check(&[undated("a", a), undated("c", &b.replace("15", "21"))], &[]);
    assert_eq!(status_of(&story, "21 schoolgirls"), Some((Status::Corroborated, 2)));
    // A first part shorter than three letters makes no compound: women are
    // not men.
    let men = "After talks with the government the rebels freed 15 men from the village school.";
    let women = "The rebels freed 21 women from the village school after talks with the government.";
    check(&[undated("a", women), undated("b", men)], &[]);
    // Two compounds of one head are two kinds of it, and neither is the
    // head's.
    let life = "The navy sent 3 lifeboats to the harbour after the storm hit the coast.";
    let gun = "After the storm hit the coast the navy sent 2 gunboats to the harbour.";
    let boats = "The navy sent 4 boats to the harbour when the storm hit the coast.";
    check(&[undated("a", life), undated("b", gun), undated("c", boats)], &[]);
}

#[test]
fn a_population_in_the_millions_is_one_whatever_its_noun_and_may_be_revised_upwards() {
    let a = "The credit agency Fenwick said a breach of its systems exposed 143 million consumers.";
    let b = "A breach of the systems of the credit agency Fenwick exposed data of 160 million people.";
    check(
        &[dated("a", "2024-09-08", a), dated("b", "2024-09-07", b)],
        &["quantity people: 143 million consumers [a] | 160 million people [b]"],
    );
    // Under a million, people of different kinds are different groups.
    let few = |s: &str| s.replace(" million", ",000");
    check(&[dated("a", "2024-09-08", &few(a)), dated("b", "2024-09-07", &few(b))], &[]);
    // A larger figure in later reports is a revision, not a contradiction.
    let later = "The credit agency Fenwick said the breach of its systems exposed 145.5 million consumers.";
    let c = b.replace("160", "143");
    let story =
        check(&[dated("a", "2024-09-07", a), dated("c", "2024-09-08", &c), dated("d", "2024-10-02", later)], &[]);
    assert_eq!(story.progressions.len(), 1);
    let steps: Vec<&str> = story.progressions[0].steps.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(steps, ["143 million", "145.5 million"]);
    // A smaller one is a contradiction, and so are two figures of one day.
    let lower = later.replace("145.5", "140");
    check(
        &[dated("a", "2024-09-07", a), dated("d", "2024-10-02", &lower)],
        &["quantity people: 140 million consumers [d] | 143 million consumers [a]"],
    );
    check(
        &[dated("a", "2024-10-02", a), dated("d", "2024-10-02", later)],
        &["quantity people: 143 million consumers [a] | 145.5 million consumers [d]"],
    );
    // A noun counted in the millions is compared below a million too.
    let fewer = a.replace("143 million", "900,000");
    check(
        &[dated("a", "2024-09-07", &a.replace("143", "1.2")), dated("b", "2024-09-08", &fewer)],
        &["quantity people: 900,000 consumers [b] | 1.2 million consumers [a]"],
    );
    // A sum of money paid to people is no population.
    let paid = "Fenwick agreed to pay $5 million to customers whose data was exposed in the breach.";
    check(
        &[dated("a", "2024-09-07", paid), dated("d", "2024-09-08", &paid.replace('5', "7"))],
        &["quantity agreed: $5 million (agreed) [a] | $7 million (agreed) [d]"],
    );
}

#[test]
fn close_sums_of_one_thing_in_sentences_that_share_a_few_more_terms_conflict() {
    let a = "Residents of Tarn opened a harbour bill for a whopping $84 million, the council said.";
    let b = "Tarn households got a $66 million harbour bill in the post.";
    let expected = ["quantity bill: $66 million (bill) [b] | $84 million (bill) [a]"];
    check(&[undated("a", a), undated("b", b)], &expected);
    // Three shared terms are enough for counts, not for sums of money: a
    // business story gives many figures of one generic noun.
    let three = "Tarn got a $66 million bill.";
    check(&[undated("a", a), undated("b", three)], &[]);
    // Only the sums that clash are shown: the $3 million was not shown to
    // be the same bill.
    let other = "The ferry line paid a $3 million bill.";
    check(&[undated("a", a), undated("b", b), undated("c", other)], &expected);
    // A sum one sentence calls a version of its subject is another figure
    // of it, not the same one told two ways.
    let reported = "Tarn Mills reported quarterly earnings of $1.20 a share on Tuesday.";
    let adjusted = "Tarn Mills posted adjusted quarterly earnings of $1.35 a share.";
    check(&[undated("a", reported), undated("b", adjusted)], &[]);
}

#[test]
fn a_shirt_number_or_a_gallery_count_is_not_a_value_an_article_writes() {
    let a = "Jo Tarrant was 7 of 16 for 83 yards and a touchdown for the Harbourmen.";
    let b = "Quarterback Jo Tarrant was 5 of 16 for 83 yards and a touchdown for the Harbourmen.";
    let expected = ["quantity tarrant: 5 [b] | 7 [a]"];
    check(&[undated("a", a), undated("b", b)], &expected);
    // The 7 on a player's shirt and the 5 of a picture's place in a gallery
    // are not the values written a second time.
    let shirt = format!("{a} Quarterback Eli Varga (5) scrambles away.");
    let gallery = format!("{b} Photos 7/34 Tarrant on the field.");
    check(&[undated("a", &shirt), undated("b", &gallery)], &expected);
    // A number in parentheses after a name is still compared where two
    // outlets tell it alike ("Tarrant (34), of Kelso" against "(43)").
    check(
        &[
            undated("a", "Jo Tarrant (34), of Kelso, was charged with theft at the harbour."),
            undated("b", "Jo Tarrant (43), of Kelso, was charged with theft at the harbour."),
        ],
        &["quantity tarrant: 34 [a] | 43 [b]"],
    );
}

#[test]
fn close_spans_of_time_in_sentences_that_share_a_few_terms_conflict() {
    let a = "The harbour pilot says the ferry footage took her 16 years to obtain.";
    let b = "The ferry footage reached the pilot after 12 years, she says.";
    check(&[undated("a", a), undated("b", b)], &["quantity duration: 12 years [b] | 16 years [a]"]);
    // Spans of other things, and an article read with both values.
    let other = "The pilot sailed for 12 years.";
    check(&[undated("a", a), undated("b", other)], &[]);
    let both = "Pilots of the ferry read the footage for 16 hours; the footage took 12 hours to obtain, she says.";
    check(&[undated("a", "The ferry footage took 16 hours to obtain, the pilot says."), undated("b", both)], &[]);
}

#[test]
fn a_weekday_changed_in_a_sentence_told_alike_is_a_date_conflict() {
    // Four shared terms: too few for two differently worded sentences, enough
    // for two told alike.
    check(
        &[
            dated("a", "2024-03-08", "The ferry sank on Tuesday near Vellmar."),
            dated("b", "2024-03-08", "The ferry sank on Wednesday near Vellmar."),
        ],
        &["date ferry sank near Vellmar: Tuesday 5 March 2024 [a] | Wednesday 6 March 2024 [b]"],
    );
}

#[test]
fn an_outlet_that_never_names_the_others_day_tells_the_event_otherwise() {
    let on = |id: &str, text: &str| dated(id, "2024-03-08", text);
    let buried = on("a", "A landslide buried the mountain road above Kelso on Monday, county officials warned.");
    let dug = "Rescuers dug through the landslide that closed the mountain road on Saturday.";
    // Three terms in common, half of each sentence's: worded differently,
    // and neither article names the other's day.
    check(
        &[buried.clone(), on("b", dug)],
        &["date landslide mountain road: Monday 4 March 2024 [a] | Saturday 2 March 2024 [b]"],
    );
    // An article that names the other's day for anything may be telling
    // two events: too few shared terms to say.
    check(&[buried.clone(), on("b", &format!("{dug} Crews reopened the pass on Monday."))], &[]);
    // A day that dates what someone said is not the day of the event.
    check(&[buried, on("b", "The county said Saturday that a landslide buried the mountain road above Kelso.")], &[]);
}

#[test]
fn sentences_that_share_many_terms_tell_one_event_whatever_else_is_dated() {
    let on = |id: &str, text: &str| dated(id, "2024-03-08", text);
    // Seven terms in common, just over half of b's: a names b's day for
    // something else, and still tells the fall on another day.
    let a = "The six-year-old boy fell into a 40-metre well near Kelso while picking apples with his father on \
             Monday afternoon, the county fire service said. Crews reached the farm on Tuesday.";
    let b = "A six-year-old boy who fell into a deep well near Kelso on Tuesday was picking apples, \
             local radio reported as firefighters and volunteers began the rescue.";
    check(
        &[on("a", a), on("b", b)],
        &["date six year old boy fell well: Monday 4 March 2024 [a] | Tuesday 5 March 2024 [b]"],
    );
}

#[test]
fn sentences_that_share_words_in_order_tell_one_event_but_names_alone_do_not() {
    let on = |id: &str, text: &str| dated(id, "2024-03-08", text);
    // "signed the order to close the harbour": two pairs of words side by
    // side in both, though the sentences share only half of a's terms and a
    // names b's day for something else.
    let a = "Mayor Ilse Brandt signed the order to close the harbour on Tuesday, officials in Vellmar confirmed. \
             The council met on Thursday.";
    let b = "Brandt, who took office in spring after a long campaign against the port authority, signed the \
             order to close the harbour on Thursday.";
    check(
        &[on("a", a), on("b", b)],
        &["date Brandt signed order close harbour: Tuesday 5 March 2024 [a] | Thursday 7 March 2024 [b]"],
    );
    // The pairs they share are names: the story's people and places, not
    // one event.
    let a = "Vellmar Harbour Authority chief Ilse Brandt spoke on Tuesday about the strike at the grain terminal \
             and the new cranes. The council met on Thursday.";
    let b = "Ilse Brandt of the Vellmar Harbour Authority met the dockers and their union leaders at the main \
             gate on Thursday.";
    check(&[on("a", a), on("b", b)], &[]);
}

#[test]
fn outlets_that_give_a_day_to_come_differently_are_in_date_conflict() {
    let on = |id: &str, text: &str| dated(id, "2024-03-04", text);
    check(
        &[
            on("a", "The harbour board will open its Vellmar sinking inquiry on Thursday."),
            on("b", "An inquiry by the harbour board into the sinking is expected to open in Vellmar on Friday."),
        ],
        &["date harbour board open Vellmar sinking inquiry: Thursday 7 March 2024 [a] | Friday 8 March 2024 [b]"],
    );
    // Long sentences that share five terms, a third of the shorter one's,
    // about what is to come: one hearing planned for two days. The same
    // words about what happened may tell two events of one story.
    let a = "Ian Dorsey, who stepped down as harbour master last week, is scheduled to testify on Tuesday before \
             a council committee that is investigating the ferry fire and the port's response to it.";
    let b = "The report comes as the former harbour master, Ian Dorsey, who resigned in January after eleven \
             years in the post, will testify in front of the council starting Thursday, his lawyer confirmed.";
    check(
        &[on("a", a), on("b", b)],
        &["date Ian Dorsey harbour master testify council: Tuesday 5 March 2024 [a] | Thursday 7 March 2024 [b]"],
    );
    let past = |text: &str| text.replace("is scheduled to testify", "testified").replace("will testify", "testified");
    check(&[dated("a", "2024-03-08", &past(a)), dated("b", "2024-03-08", &past(b))], &[]);
}

#[test]
fn sentences_that_give_one_time_to_the_minute_tell_one_event() {
    let on = |id: &str, text: &str| dated(id, "2024-03-08", text);
    // Few words in common, but the minute: one departure on two days.
    let a = "The night ferry to Marrowby left the quay at 11:40 p.m. on Monday, a quarter of an hour behind its \
             timetable. The harbour board met on Tuesday.";
    let b = "Passengers said the ferry, which left the Vellmar quay at 11:40pm Tuesday, rolled badly in the swell.";
    check(&[on("a", a), on("b", b)], &["date ferry left quay: Monday 4 March 2024 [a] | Tuesday 5 March 2024 [b]"]);
    // A round hour is no such time, another minute is another moment, and
    // so is the other half of the day.
    check(&[on("a", &a.replace("11:40", "11")), on("b", &b.replace("11:40pm", "11pm"))], &[]);
    check(&[on("a", a), on("b", &b.replace("11:40pm", "11:15pm"))], &[]);
    check(&[on("a", a), on("b", &b.replace("11:40pm", "11:40am"))], &[]);
}

#[test]
fn a_date_written_with_another_weekday_is_a_date_conflict() {
    // 5 March 2024 was a Tuesday.
    check(
        &[
            dated("a", "2024-03-08", "The harbour board met on March 5, 2024 in Vellmar."),
            dated("b", "2024-03-08", "The ferry sank Thursday, March 5, 2024, off Brennick Bay."),
            dated("c", "2024-03-08", "The ferry sank Tuesday, March 5, 2024, off Brennick Bay."),
        ],
        &["date the weekday of 5 March 2024: Tuesday 5 March 2024 [a c] | Thursday, 5 March 2024 [b]"],
    );
    // The date in brackets after the weekday, its year not written: the
    // date is the one near publication, and the weekday is miswritten.
    check(
        &[
            dated("a", "2024-03-12", "The dam at Vellmar gave way on Tuesday, March 5."),
            dated("b", "2024-03-12", "The dam at Vellmar gave way last Wednesday (March 5)."),
        ],
        &["date the weekday of 5 March 2024: Tuesday 5 March 2024 [a] | Wednesday, 5 March 2024 [b]"],
    );
}

#[test]
fn the_day_of_a_statement_does_not_agree_with_the_day_of_the_event_it_tells() {
    // a's Monday dates the spokesman's words, not a flight: a does not
    // name b's day of the flight.
    let a = "Spokesman Ian Dorsey said Monday that guard Piet Holm and forward Aled Rhys boarded the Sunday flight \
             from Vellmar airport to Kelso.";
    let b = "Guard Piet Holm and forward Aled Rhys boarded the flight from Vellmar airport to Kelso on Monday, \
             spokesman Ian Dorsey said.";
    let story = reconcile(&[dated("a", "2024-03-06", a), dated("b", "2024-03-06", b)]);
    let dates: Vec<String> = conflicts(&story).into_iter().filter(|c| c.starts_with("date")).collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert!(dates[0].ends_with("Sunday 3 March 2024 [a] | Monday 4 March 2024 [b]"), "{dates:?}");
}

#[test]
fn a_sentence_may_date_a_statement_and_the_event_on_one_day() {
    // a's Tuesday dates both the spokesman's words and the boarding; the
    // boarding's Tuesday is still against b's Sunday flight.
    let said = "Spokesman Ian Dorsey said Tuesday that guard Piet Holm and forward Aled Rhys boarded the";
    let a = format!("{said} flight from Vellmar airport to Kelso on Tuesday.");
    let b = format!("{said} Sunday flight from Vellmar airport to Kelso.");
    let story = reconcile(&[dated("a", "2024-03-06", &a), dated("b", "2024-03-06", &b)]);
    let dates: Vec<String> = conflicts(&story).into_iter().filter(|c| c.starts_with("date")).collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert!(dates[0].ends_with("Tuesday 5 March 2024 [a] | Sunday 3 March 2024 [b]"), "{dates:?}");
}

#[test]
fn an_article_whose_lead_tells_one_event_on_two_days_contradicts_itself() {
    // a's summary and first paragraph tell the sentencing in near-identical
    // words on two days; b gives the summary's day.
    let a = "A Kelso court sentenced the former mayor to two years in prison on March 4, 2024 for taking bribes \
             from builders.\nA Kelso court sentenced the former mayor to two years in prison along with three aides \
             on Wednesday for taking bribes from builders, his lawyer said.";
    let b =
        "A Kelso court on Monday sentenced the former mayor to two years in prison for taking bribes from builders.";
    let story = reconcile(&[dated("a", "2024-03-08", a), dated("b", "2024-03-08", b)]);
    let dates: Vec<String> = conflicts(&story).into_iter().filter(|c| c.starts_with("date")).collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert!(dates[0].ends_with("Wednesday 6 March 2024 [a] | Monday 4 March 2024 [a b]"), "{dates:?}");
    // Two days in a lead's sentences that are merely alike are two events.
    let a = "A Kelso court sentenced the former mayor to two years in prison on March 4, 2024.\nThe former mayor \
             appealed against the two years in prison on Wednesday, his lawyer said.";
    let story = reconcile(&[dated("a", "2024-03-08", a), dated("b", "2024-03-08", b)]);
    assert!(conflicts(&story).iter().all(|c| !c.starts_with("date")), "{:?}", conflicts(&story));
}

#[test]
fn one_photo_caption_with_two_weekdays_for_its_date_is_a_date_conflict() {
    // Captions date the photo, and the extractor leaves them aside; two
    // outlets that write one date with two weekdays still disagree.
    let caption = |weekday: &str| {
        format!("In this {weekday}, March 5, 2024 file photo, harbour master Ian Dorsey walks along the Vellmar pier.")
    };
    check(
        &[dated("a", "2024-03-08", &caption("Tuesday")), dated("b", "2024-03-08", &caption("Thursday"))],
        &["date file photo harbour master Ian Dorsey: Thursday, March 5, 2024 [b] | Tuesday, March 5, 2024 [a]"],
    );
    // The same caption for two photos of two dates is no conflict.
    check(
        &[
            dated(
                "a",
                "2024-03-08",
                "In this Tuesday, March 5, 2024 file photo, harbour master Ian Dorsey walks along the pier.",
            ),
            dated(
                "b",
                "2024-03-08",
                "In this Thursday, March 7, 2024 file photo, harbour master Ian Dorsey walks along the pier.",
            ),
        ],
        &[],
    );
}

#[test]
fn an_article_that_names_both_days_is_not_in_date_conflict() {
    // b's "sank ... on Wednesday, coastguard officials told reporters" reads
    // like a's sinking on Tuesday told a day late, but a itself names
    // Wednesday for what the coastguard told reporters: a sits on both
    // sides, so the two outlets do not clearly disagree.
    let on = |id: &str, text: &str| dated(id, "2024-03-08", text);
    check(
        &[
            on(
                "a",
                "The ferry Aurora sank near Vellmar harbour on Tuesday with forty passengers. \
                 Coastguard officials told reporters on Wednesday that divers reached the ferry Aurora.",
            ),
            on("b", "The ferry Aurora sank near Vellmar harbour on Wednesday, coastguard officials told reporters."),
        ],
        &[],
    );
    // Two outlets that each give one day still disagree, whatever a third
    // that gives both says: it takes no side ...
    let sank = |day: &str| format!("The ferry Aurora sank near Vellmar harbour on {day} with forty passengers.");
    let later = "Divers went down. The water was cold. Crews waited.";
    check(
        &[
            on("a", &format!("{} {later} {}", sank("Tuesday"), sank("Wednesday"))),
            on("b", &sank("Wednesday")),
            on("c", &sank("Tuesday")),
        ],
        &["date ferry Aurora sank near Vellmar harbour: Wednesday 6 March 2024 [b] | Tuesday 5 March 2024 [c]"],
    );
    // ... unless its lead tells the sinking on both days in near-identical
    // sentences: then it contradicts itself, and stands on both sides.
    check(
        &[
            on("a", &format!("{} {}", sank("Tuesday"), sank("Wednesday"))),
            on("b", &sank("Wednesday")),
            on("c", &sank("Tuesday")),
        ],
        &["date ferry Aurora sank near Vellmar harbour: Tuesday 5 March 2024 [a c] | Wednesday 6 March 2024 [a b]"],
    );
}

#[test]
fn a_misspelt_place_next_to_the_same_name_is_a_name_conflict() {
    check(
        &[
            undated("a", "The tram left East Croydon at noon. Riders praised the service."),
            undated("b", "The tram left East Crodon at noon. Riders were calm."),
        ],
        // A tie between spellings: alphabetical.
        &["name East Crodon: East Crodon [b] | East Croydon [a]"],
    );
    // Transliterations and inflections are one spelling.
    check(
        &[
            undated("a", "The leak reached the Sueddeutsche Zeitung first. Mohammed Adel said so."),
            undated("b", "The leak reached the Suddeutsche Zeitung first. Mohamed Adel said so."),
            undated("c", "The leak reached the Süddeutschen Zeitung first, people from Korea said."),
            undated("d", "The leak was read by Korean officials first."),
        ],
        &[],
    );
    // Different people who share a name are not one name misspelt.
    check(
        &[
            undated("a", "Analyst Heigo Sato spoke to reporters in Tokyo."),
            undated("b", "Photographer Issei Kato took pictures in Tokyo."),
        ],
        &[],
    );
    // A word also written in lower case ("north") is misspelt too, next to
    // the same name; the articles of that spelling are those that write it
    // there, not every article with a capitalised "North".
    check(
        &[
            undated("a", "Ships from North Vellmar sailed north at dawn. The North Sea was calm."),
            undated("b", "Ships from Nornh Vellmar sailed at dawn."),
            undated("c", "North of the harbour, crews waited. The North Sea was rough."),
        ],
        &["name Nornh Vellmar: Nornh Vellmar [b] | North Vellmar [a]"],
    );
    // One outlet that writes both, in two articles, is at odds with itself
    // only, whoever else writes "North".
    check(
        &[
            source("a1", "a.example", None, "Ships from North Vellmar sailed north at dawn."),
            source("a2", "a.example", None, "Ships from Nornh Vellmar sailed at dawn."),
            undated("c", "The North Sea was rough."),
        ],
        &[],
    );
    // Two words that are both common are two words ("East Bank", "West
    // Bank"), and a common word alone, with no name beside it, is none.
    check(
        &[
            undated("a", "Crews reached the West Bank quay, and went west again."),
            undated("b", "Crews reached the East Bank quay, and went east again."),
            undated("c", "Most of the crews reached the quay."),
            undated("d", "Mosst of the crews reached the quay."),
        ],
        &[],
    );
    // A nationality is no misspelling of its country.
    check(
        &[
            undated("a", "Researchers said a German team cracked the lock of the Brennick phone."),
            undated("b", "Researchers said a team in Germany cracked the lock of the Brennick phone."),
        ],
        &[],
    );
    check(
        &[
            undated("a", "Researchers said the Germans cracked the lock of the Brennick phone."),
            undated("b", "Researchers said a team in Germany cracked the lock of the Brennick phone."),
        ],
        &[],
    );
}

#[test]
fn a_doubled_consonant_is_a_misspelling_outside_names_transliterated_both_ways() {
    check(
        &[
            undated("a", "Chancellor Angela Marsh opened the bridge. Marsh said so."),
            undated("b", "Chancellor Angella Marsh opened the bridge. Marsh said so."),
        ],
        &["name Angella Marsh: Angella Marsh [b] | Angela Marsh [a]"],
    );
    // Transliterations of Arabic write "Hassan" and "Hasan".
    check(
        &[
            undated("a", "Minister Hassan Adel opened the bridge. Adel said so."),
            undated("b", "Minister Hasan Adel opened the bridge. Adel said so."),
        ],
        &[],
    );
}

#[test]
fn bad_input_makes_no_flood_of_conflicts() {
    let names = |n: usize, twist: bool| -> String {
        (0..n)
            .map(|i| format!("Arda{i} {}", if twist && i % 2 == 0 { "Karlsen" } else { "Karlson" }))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let caps = "FERRY HITS PIER AS 12 INJURED IN FOG\nFERRY HITS PIER AS 15 INJURED IN FOG";
    check(
        &[
            undated("a", &format!("The members are {}.", names(300, false))),
            undated("b", &format!("The members are {}.", names(300, true))),
            undated("c", "wheat 12.5 13.1 14.0 15.2 16.0 17.5\ncorn 8.1 8.4 9.0 9.9 10.2 11.3"),
            undated("d", "no capitals here at all, only quiet words about a quiet day."),
            undated("e", caps),
        ],
        &[],
    );
}

fn articles(path: std::path::PathBuf) -> Vec<dossier_domain::Article> {
    read(vec![Input::Path(path)], Default::default())
        .filter_map(|record| match record {
            Record::Article(raw) => dossier_text::normalize_article(raw).ok(),
            Record::Skipped(_) => None,
        })
        .collect()
}

fn sources(articles: &[dossier_domain::Article]) -> Vec<Source> {
    articles
        .iter()
        .map(|a| {
            let mut source =
                Source::new(a.id.as_str(), a.source.as_deref().unwrap_or(a.id.as_str()), dossier_extract::extract(a));
            source.published = a.published;
            source
        })
        .collect()
}

#[test]
fn the_example_ferry_story_shows_its_planted_discrepancies() {
    let ferry: Vec<_> = articles(dossier_testkit::examples())
        .into_iter()
        .filter(|a| a.id.as_str().starts_with("ferry-pier") || a.id.as_str().contains("ferry-"))
        .filter(|a| a.id.as_str() != "ferry-pier-evening-post")
        .collect();
    assert_eq!(ferry.len(), 4, "{:?}", ferry.iter().map(|a| &a.id).collect::<Vec<_>>());
    let story = reconcile(&sources(&ferry));
    let found = conflicts(&story);
    for expected in ["name Maria Lindqvist", "quantity injured", "quantity passengers"] {
        assert!(found.iter().any(|c| c.starts_with(expected)), "{expected} in {found:#?}");
    }
    let injured = found.iter().find(|c| c.starts_with("quantity injured")).unwrap();
    assert!(injured.contains("12 injured") && injured.contains("15 injured"), "{injured}");
    assert!(found.iter().any(|c| c.contains("134 passengers") && c.contains("143 passengers")), "{found:#?}");
    assert!(found.iter().any(|c| c.contains("Maria Lindquist [ferry-pier-coastal-courier]")), "{found:#?}");
    assert_eq!(found.len(), 3, "no other conflict: {found:#?}");
}

#[test]
fn the_example_council_and_cup_stories_corroborate_their_shared_figures() {
    let all = articles(dossier_testkit::examples());
    let expected: [(&str, &[&str]); 2] = [
        ("transit", &["$412 million (budget)", "9-2 (vote)", "$2.50 (fare)", "14 buses", "60 drivers", "Route 40"]),
        ("cup-final", &["2-1 (score)", "38,412 crowd", "Harlow Athletic", "Luca Ferreira-Bright"]),
    ];
    for (event, figures) in expected {
        let story: Vec<_> = all.iter().filter(|a| a.id.as_str().contains(event)).cloned().collect();
        assert!(story.len() >= 2, "{event}: {:?}", story.iter().map(|a| &a.id).collect::<Vec<_>>());
        let facts = reconcile(&sources(&story));
        assert_eq!(conflicts(&facts), Vec::<String>::new(), "{event}: no planted conflict");
        for figure in figures {
            let status = status_of(&facts, figure).map(|(status, _)| status);
            assert_eq!(status, Some(Status::Corroborated), "{event}: {figure} in {:#?}", facts.facts);
        }
    }
}

#[test]
fn two_results_conflict_only_when_told_alike() {
    // One match, two final scores, in sentences told alike.
    check(
        &[
            undated("a", "Marrowby beat Dunmore 3-1 at Vellmar Park on Saturday to win the regional cup final."),
            undated("b", "Marrowby beat Dunmore 2-1 at Vellmar Park on Saturday to win the regional cup final."),
        ],
        &["quantity score: 2-1 (score) [b] | 3-1 (score) [a]"],
    );
    // With an en dash, which splits the tokens, the figures are still one
    // result, not two numbers to compare.
    check(
        &[
            undated("a", "Marrowby beat Dunmore 3–1 at Vellmar Park on Saturday to win the regional cup final."),
            undated("b", "Marrowby beat Dunmore 2–1 at Vellmar Park on Saturday to win the regional cup final."),
        ],
        &["quantity score: 2-1 (score) [b] | 3-1 (score) [a]"],
    );
    // The half-time score beside the final one is no other version of it.
    let story = check(
        &[
            undated("a", "Marrowby led 1-0 at half-time. Marrowby beat Dunmore 3-1 at Vellmar Park on Saturday."),
            undated("b", "Marrowby beat Dunmore 3-1 at Vellmar Park on Saturday in the regional cup final."),
        ],
        &[],
    );
    assert_eq!(status_of(&story, "3-1 (score)"), Some((Status::Corroborated, 2)), "{:#?}", story.facts);
    assert_eq!(status_of(&story, "1-0 (half-time score)"), Some((Status::SingleSource, 1)), "{:#?}", story.facts);
    // Figures are counted, not rounded: 3-1 and 3-2, 52-47 and 51-48 are
    // two results.
    for (x, y) in [("3-1", "3-2"), ("52-47", "51-48")] {
        let told = |score: &str| format!("Marrowby beat Dunmore {score} at Vellmar Park on Saturday in the cup final.");
        let story = reconcile(&[undated("a", &told(x)), undated("b", &told(y))]);
        assert_eq!(story.conflicts.len(), 1, "{x} / {y}: {:#?}", conflicts(&story));
        // Nor does the timeline credit one outlet with the other's result.
        assert!(story.timeline.iter().all(|step| step.sources.len() == 1), "{:#?}", story.timeline);
    }
    // A result told from the loser's side is the same result.
    let story = check(
        &[
            undated("a", "Dunmore lost 1-2 to Marrowby at Vellmar Park on Saturday in the cup final."),
            undated("b", "Marrowby beat Dunmore 2-1 at Vellmar Park on Saturday in the cup final."),
        ],
        &[],
    );
    assert_eq!(status_of(&story, "2-1 (score)"), Some((Status::Corroborated, 2)), "{:#?}", story.facts);
}

#[test]
fn of_a_copy_only_what_it_changed_is_read() {
    let original = "Marrowby beat Dunmore 3-1 at Vellmar Park yesterday to win the cup. A crowd of 21,900 watched.";
    let copy_of = |id: &str, published: &str, text: &str| {
        let mut copy = dated(id, published, text);
        copy.duplicate_of = Some("wire".to_owned());
        copy
    };
    let wire = || dated("wire", "2026-03-15", original);
    let cited = |story: &StoryFacts| story.facts.iter().any(|f| f.sources.iter().any(|s| s == "paper"));
    // A faithful copy, even under its own headline, is left out.
    let retitled = format!("Marrowby lift the cup\n\n{original}");
    for text in [original, retitled.as_str()] {
        let story = check(&[wire(), copy_of("paper", "2026-03-15", text)], &[]);
        assert!(!cited(&story), "{:#?}", story.facts);
    }
    // A rewrite that changed the score, published a day later: the score
    // stands against the original's; the crowd and the day it copied
    // ("yesterday", now another day) are not read again.
    let changed = original.replace("3-1", "4-1");
    let story = check(
        &[wire(), copy_of("paper", "2026-03-16", &changed)],
        &["quantity score: 3-1 (score) [wire] | 4-1 (score) [paper]"],
    );
    let crowd = story.facts.iter().find(|f| f.value == "21,900 crowd").expect("the crowd");
    assert_eq!(crowd.sources, ["wire"], "{crowd:#?}");
    // Nor do the names in the sentence it changed corroborate anything.
    let park = story.facts.iter().find(|f| f.value == "Vellmar Park").expect("the park");
    assert_eq!(park.sources, ["wire"], "{park:#?}");
    // A copy that writes both values, its own headline above the copied
    // body, tells of two things.
    let headed = format!("Marrowby win 4-1\n\n{original}");
    let story = check(&[wire(), copy_of("paper", "2026-03-15", &headed)], &[]);
    assert!(!cited(&story), "{:#?}", story.facts);
    // A figure is changed even when the original gives it to something
    // else: 15 injured, beside the wire's 15 fire crews, is the copy's.
    let toll = "A gas blast in Vellmar injured 12 people on Monday, and 15 fire crews fought the blaze for hours.";
    let wire = dated("wire", "2026-03-15", toll);
    let copy = copy_of("paper", "2026-03-15", &toll.replace("injured 12", "injured 15"));
    let story = reconcile(&[wire, copy]);
    let injured = story.facts.iter().find(|f| f.value == "15 injured").expect("the copy's toll");
    assert_eq!(injured.sources, ["paper"], "{injured:#?}");
}

#[test]
fn tellings_of_one_result_are_one_step() {
    let story = reconcile(&[
        undated("a", "The Vellmar library budget passed 7-4 after a long debate."),
        undated("b", "The plan passed by a vote of 7-4."),
        undated("d", "Councillors voted 7-4 in favour after a session in which 40 residents spoke."),
        undated("c", "The Dunmore ferry plan passed 6-5 on Tuesday."),
    ]);
    let steps: Vec<(&str, usize)> = story.timeline.iter().map(|s| (s.what.as_str(), s.sources.len())).collect();
    let tally = steps.iter().filter(|(what, _)| what.contains("7-4")).collect::<Vec<_>>();
    assert_eq!(tally.len(), 1, "{steps:#?}");
    assert_eq!(tally[0].1, 3, "{steps:#?}");
    // Another result is another step.
    assert!(steps.iter().any(|(what, sources)| what.contains("6-5") && *sources == 1), "{steps:#?}");
}

#[test]
fn people_counted_without_what_they_are_corroborate_the_count_that_says_it() {
    let story = reconcile(&[
        undated(
            "a",
            "The ferry was carrying 31 people when it struck the Vellmar pier. Nine people were treated in hospital.",
        ),
        undated("b", "All 31 people aboard the ferry survived. Nine were injured, the coastguard said."),
    ]);
    assert_eq!(status_of(&story, "31 people aboard"), Some((Status::Corroborated, 2)), "{:#?}", story.facts);
    assert_eq!(status_of(&story, "9 injured"), Some((Status::Corroborated, 2)), "{:#?}", story.facts);
    assert_eq!(status_of(&story, "31 people"), None, "{:#?}", story.facts);
    // Not when two counts of that value say different things, nor for two.
    let story = reconcile(&[
        undated("a", "Some 40 people gathered at the Vellmar pier. Two people were treated in hospital."),
        undated("b", "About 40 passengers and 40 crew were aboard. Two were injured, the coastguard said."),
    ]);
    assert_eq!(status_of(&story, "about 40 people").map(|s| s.0), Some(Status::SingleSource), "{:#?}", story.facts);
    assert_eq!(status_of(&story, "2 people"), Some((Status::SingleSource, 1)), "{:#?}", story.facts);
}

#[test]
fn a_span_written_before_its_noun_is_shown_as_a_reader_would_say_it() {
    let story = reconcile(&[
        undated("a", "Marrowby ended a 38-year wait after a four-hour debate."),
        undated("b", "Marrowby's 38-year wait is over."),
    ]);
    assert_eq!(status_of(&story, "38 years (wait)"), Some((Status::Corroborated, 2)), "{:#?}", story.facts);
    assert_eq!(status_of(&story, "four hours (debate)"), Some((Status::SingleSource, 1)), "{:#?}", story.facts);
}

#[test]
fn the_seed_reports_give_the_worked_example() {
    let Some(seeds) = dossier_testkit::shared("seeds") else { return };
    let story = reconcile(&sources(&articles(seeds)));
    let found = conflicts(&story);
    assert_eq!(found.len(), 1, "only the name conflict: {found:#?}");
    let biles = &story.conflicts[0];
    assert_eq!(biles.kind.as_str(), "name");
    let spellings: Vec<(&str, &[String])> =
        biles.values.iter().map(|v| (v.value.as_str(), v.sources.as_slice())).collect();
    assert!(spellings.contains(&("Simon Biles", &["000_0a268e9d4ae5c4e2".to_owned()][..])), "{spellings:?}");
    assert!(spellings.contains(&("Simone Biles", &["004_bacb1b1643c1e2ea".to_owned()][..])), "{spellings:?}");
    assert_eq!(story.facts.iter().filter(|f| f.value.contains("Biles")).count(), 1, "one person, not two");
    for value in ["Dr. Dre", "HER", "50 metres (dropped)"] {
        let fact = story.facts.iter().find(|f| f.value == value).unwrap_or_else(|| panic!("{value}"));
        assert_eq!(
            (fact.status, fact.sources.as_slice()),
            (Status::SingleSource, &["000_0a268e9d4ae5c4e2".to_owned()][..]),
            "{value}"
        );
    }
    for value in ["Karen Bass", "age 62 (Tom Cruise)"] {
        let fact = story.facts.iter().find(|f| f.value == value).unwrap_or_else(|| panic!("{value}"));
        assert_eq!(
            (fact.status, fact.sources.as_slice()),
            (Status::SingleSource, &["004_bacb1b1643c1e2ea".to_owned()][..]),
            "{value}"
        );
    }
    for value in ["Tom Cruise", "Stade de France", "Snoop Dogg", "Billie Eilish"] {
        assert_eq!(status_of(&story, value), Some((Status::Corroborated, 2)), "{value}");
    }
    assert_eq!(story.event_date.map(|d| d.to_string()).as_deref(), Some("2024-08-11"));
    assert!(story.timeline.len() >= 7, "{:#?}", story.timeline);
}

#[test]
fn an_outlet_whose_lead_dates_the_event_otherwise_is_in_date_conflict() {
    let at = "2024-03-14T18:00:00Z";
    let a = dated("a", at, DERAILED);
    let b = dated("b", at, LEFT_THE_TRACKS);
    let c = dated("c", at, "A freight train carrying grain overturned outside Dunmore on Tuesday, officials said.");
    check(
        &[a.clone(), b.clone(), c.clone()],
        &["date freight train Dunmore grain: Wednesday 13 March 2024 [a b] | Tuesday 12 March 2024 [c]"],
    );
    // An outlet that also names the story's day elsewhere is not in conflict.
    let told_both = dated(
        "c",
        at,
        "A freight train carrying grain overturned outside Dunmore on Tuesday, officials said. \
         Crews cleared the line on Wednesday.",
    );
    check(&[a.clone(), b.clone(), told_both], &[]);
    // An outlet of the majority that names the other day for another event
    // still stands against it.
    let signals = dated("a", at, &format!("{DERAILED} On Tuesday, the signals were repainted."));
    check(
        &[signals, b.clone(), c.clone()],
        &["date freight train Dunmore grain: Wednesday 13 March 2024 [a b] | Tuesday 12 March 2024 [c]"],
    );
    // One that tells of the night before takes no side (one moment either
    // side of midnight); the two other outlets' sentences still disagree.
    let night = dated("a", at, &format!("{DERAILED} Residents heard wagons tip over late on Tuesday night."));
    check(
        &[night, b.clone(), c],
        &["date officials said freight train Dunmore: Wednesday 13 March 2024 [b] | Tuesday 12 March 2024 [c]"],
    );
    // "Today" dates no event apart: an outlet of the majority that tells
    // what happens today in the other outlet's words still stands.
    let morning = "2024-03-14T09:00:00Z";
    let cleared = dated(
        "a",
        morning,
        &format!("{DERAILED} Crews began clearing grain from the derailed freight train near Dunmore today."),
    );
    let thursday =
        dated("c", morning, "A freight train carrying grain derailed near Dunmore on Thursday, officials said.");
    check(
        &[cleared, dated("b", morning, LEFT_THE_TRACKS), thursday],
        &["date freight train derailed near Dunmore grain: Wednesday 13 March 2024 [a b] | Thursday 14 March 2024 [c]"],
    );
    // Nor does a lead that dates the event on the night before stand
    // against the story's day; a sentence told alike that gives the
    // morning after still does.
    let night_lead = dated(
        "c",
        at,
        "A freight train carrying grain overturned outside Dunmore late on Tuesday night, officials said.",
    );
    check(
        &[a.clone(), b.clone(), night_lead],
        &["date officials said freight train Dunmore: Wednesday 13 March 2024 [b] | Tuesday 12 March 2024 [c]"],
    );
    // The same weekday resolved against a later publication is no conflict.
    let later = dated(
        "c",
        "2024-03-21T09:00:00Z",
        "A freight train carrying grain overturned outside Dunmore on Wednesday, officials said.",
    );
    check(&[a, b, later], &[]);
}

#[test]
fn a_statement_about_the_event_dated_before_it_is_in_date_conflict() {
    let at = "2024-03-14T18:00:00Z";
    let a = dated("a", at, DERAILED);
    let b = dated("b", at, "A freight train left the tracks near Dunmore on Wednesday morning, rail officials said.");
    // No one speaks of a derailment two days before it happens, whatever
    // else the article dates.
    let c = dated(
        "c",
        at,
        "Grain covered the valley line on Wednesday. \
         Rail investigators said Monday that a broken rail made the freight train derail near Dunmore.",
    );
    check(
        &[a.clone(), b.clone(), c],
        &["date freight train derailed near Dunmore: Wednesday 13 March 2024 [a b] | Monday 11 March 2024 [c]"],
    );
    // A statement of what is to come, or one after the event, is no such
    // conflict.
    let planned = dated(
        "c",
        at,
        "Rail officials said Monday that the freight train would run near Dunmore on Wednesday as planned.",
    );
    check(&[a.clone(), b.clone(), planned], &[]);
    // Nor is a forecast, or a statement that shares only names with the
    // leads.
    let forecast = dated("c", at, "Engineers said Monday that the freight train would derail near Dunmore.");
    check(&[a.clone(), b.clone(), forecast], &[]);
    let names = dated("c", at, "Officials at Dunmore Grain said Monday that the Valley Line was busy.");
    check(&[a.clone(), b.clone(), names], &[]);
    // A plane is no plan, and "May" no modal.
    let plane = [
        dated("a", at, "A passenger plane crashed near Dunmore on Wednesday, killing four people."),
        dated("b", at, "A passenger plane went down near Dunmore on Wednesday morning, officials said."),
        dated("c", at, "Investigators said Monday that strong winds made the passenger plane crash near Dunmore."),
    ];
    let found = reconcile(&plane).conflicts.len();
    assert_eq!(found, 1, "a statement about a plane crash dated before it");
    // What grows over days is no sudden event: a wildfire's toll of homes.
    let fire = [
        dated("a", at, "The Brannick wildfire destroyed hundreds of homes near Dunmore on Wednesday."),
        dated("b", at, "Hundreds of homes near Dunmore were destroyed by the wildfire on Wednesday."),
        dated("c", at, "Firefighters said Monday that the wildfire had destroyed dozens of homes near Dunmore."),
    ];
    check(&fire, &[]);
    let after = dated(
        "c",
        "2024-03-16T09:00:00Z",
        "Rail investigators said Friday that a broken rail made the freight train derail near Dunmore.",
    );
    check(&[a, b, after], &[]);
}

#[test]
fn a_sentence_that_tells_the_day_the_accident_happened_dates_the_story_event() {
    // Two outlets' leads date the derailment on Wednesday; a third outlet
    // tells it happen on Thursday, deep in a report whose lead names no day
    // and whose words are not the leads'.
    let at = "2024-03-22T09:00:00Z";
    let a = dated("a", at, DERAILED);
    let b = dated("b", at, "Grain wagons left the rails outside Dunmore on Wednesday, closing the valley line.");
    let report = "Seven wagons of a freight train overturned on a bend, the operator confirmed. \
                  Engineers spent the day lifting them clear. Farmers nearby watched the cranes at work. \
                  The line reopened to passenger traffic by evening. The train was running from the port to \
                  the mill when the accident happened at 6.10am on Thursday.";
    check(
        &[a.clone(), b.clone(), dated("c", at, report)],
        &["date train: Wednesday 20 March 2024 [a b] | Thursday 21 March 2024 [c]"],
    );
    // The same report calling the accident by the story's day as well
    // contradicts itself, and stands on both sides.
    let itself = format!("{report} Wednesday's accident was the first on the line in forty years.");
    check(
        &[a.clone(), b.clone(), dated("c", at, &itself)],
        &["date train: Wednesday 20 March 2024 [a b c] | Thursday 21 March 2024 [c]"],
    );
    // Naming the story's day for something else, it may tell another
    // event; and the day after "the accident" without a verb of happening
    // may be another verb's.
    let other = format!("{report} Inspectors arrived on Wednesday.");
    check(&[a.clone(), b.clone(), dated("c", at, &other)], &[]);
    // "A day after Wednesday's crash" in the same sentence is another
    // event's day, not the article contradicting itself.
    let after = report.replace("on Thursday.", "on Thursday, a day after Wednesday's crash at the depot.");
    check(&[a.clone(), b.clone(), dated("c", at, &after)], &[]);
    // An outlet of the majority that also tells the accident on Thursday
    // takes no side; the others still stand against the report.
    let also =
        format!("{} The accident happened at 6.10am on Thursday.", "Grain wagons derailed near Dunmore on Wednesday.");
    let e = dated("e", at, "A freight train came off the rails near Dunmore on Wednesday, blocking the valley line.");
    check(
        &[dated("a", at, &also), b.clone(), e, dated("c", at, report)],
        &["date train: Wednesday 20 March 2024 [b e] | Thursday 21 March 2024 [c]"],
    );
    // An outlet of the majority that names Thursday for another event
    // still stands against the report; one that tells the train's run on
    // Thursday in the report's words takes no side, and one outlet is no
    // majority.
    let hospital = dated("a", at, &format!("{DERAILED} Two injured crew left hospital on Thursday."));
    check(
        &[hospital, b.clone(), dated("c", at, report)],
        &["date train: Wednesday 20 March 2024 [a b] | Thursday 21 March 2024 [c]"],
    );
    let run = dated("a", at, &format!("{DERAILED} The train was running from the port on Thursday."));
    check(&[run, b.clone(), dated("c", at, report)], &[]);
    let remained = report.replace(
        "when the accident happened at 6.10am on Thursday",
        "and stood at the scene of the accident on Thursday",
    );
    check(&[a, b, dated("c", at, &remained)], &[]);
}

#[test]
fn two_outlets_whose_leads_date_the_event_on_different_days_are_in_date_conflict() {
    // No day has two outlets' leads; the leads share four terms, too few
    // for sentences compared anywhere in the articles.
    let at = "2024-03-08T12:00:00Z";
    let a = dated(
        "a",
        at,
        "Flood waters swept through the market town of Kelso on Monday, leaving hundreds of homes without power \
         and closing the main bridge.",
    );
    let b = "The river burst its banks in Kelso on Wednesday as residents of the market town watched the water rise.";
    check(
        &[a.clone(), dated("b", at, b)],
        &["date waters market town Kelso: Monday 4 March 2024 [a] | Wednesday 6 March 2024 [b]"],
    );
    // An outlet that names the other's day anywhere may be telling two
    // events.
    check(&[a.clone(), dated("b", at, &format!("{b} Schools had closed on Monday."))], &[]);
    // "Today", the day of writing, names no event's day: the outlet that
    // counts the cost today still dates the flood on Monday, against
    // another's Friday.
    let today = dated(
        "a",
        at,
        "Flood waters swept through the market town of Kelso on Monday, leaving hundreds of homes without power \
         and closing the main bridge. Today the council is counting the cost.",
    );
    let friday = "The river burst its banks in Kelso on Friday as residents of the market town watched the water rise.";
    check(
        &[today, dated("b", at, friday)],
        &["date waters market town Kelso: Monday 4 March 2024 [a] | Friday 8 March 2024 [b]"],
    );
    // Four terms in common are too few for leads that say much more.
    let long_a = "Flood waters swept through the market town of Kelso on Monday, cutting power to hundreds of homes, \
                  closing the main bridge and the northern road, flooding two schools and forcing the council to \
                  open emergency shelters for families.";
    let long_b = "The river burst its banks in Kelso on Wednesday as residents of the market town watched the water \
                  rise past shop fronts, church steps, parked cars, garden sheds and the old stone wall beside the \
                  railway station, while farmers moved cattle to higher fields.";
    // Each names a third day too: an article that names one day only
    // dates its event, and two of those are compared more loosely, so
    // these two leads alone would be in conflict (two shared terms do).
    check(
        &[dated("a", at, long_a), dated("b", at, long_b)],
        &["date waters market town Kelso: Monday 4 March 2024 [a] | Wednesday 6 March 2024 [b]"],
    );
    let third = " The council met on Tuesday.";
    check(&[dated("a", at, &format!("{long_a}{third}")), dated("b", at, &format!("{long_b}{third}"))], &[]);
}

#[test]
fn two_outlets_that_each_name_one_day_only_are_in_date_conflict_over_it() {
    // Two terms in common ("pier", "harbour") suffice where each article
    // dates nothing else.
    let at = "2024-03-08T12:00:00Z";
    let a =
        dated("a", at, "Storm Ilse tore the roof off the harbour pier on Tuesday. Fishermen moved their boats inland.");
    let b = "The old pier lost its cover on Wednesday, the worst damage the harbour has seen in years.";
    check(
        &[a.clone(), dated("b", at, b)],
        &["date harbour pier: Tuesday 5 March 2024 [a] | Wednesday 6 March 2024 [b]"],
    );
    // An article that names another day may tell another event.
    check(&[a.clone(), dated("b", at, &format!("{b} Ferries stopped on Monday."))], &[]);
    // A day that dates a statement is no day of the storm.
    let told = "On Wednesday, the harbour master said the pier had lost its roof.";
    check(&[a.clone(), dated("b", at, told)], &[]);
    // Each side's sources are of other outlets than the other side's: a
    // Tuesday of the Wednesday outlet is no source against it.
    let same_outlet = source("c", "b.example", Some(at), "The harbour pier lost its roof on Tuesday.");
    check(
        &[a, dated("b", at, b), same_outlet],
        &["date harbour pier: Tuesday 5 March 2024 [a] | Wednesday 6 March 2024 [b]"],
    );
}

#[test]
fn a_place_written_two_ways_in_sentences_about_one_thing_is_a_name_conflict() {
    let closed = "Police closed roads around Brackwater after the flood reached the market square.";
    let a = undated("a", closed);
    check(
        &[
            a.clone(),
            undated("b", "Police closed every road around Brackwaler once the flood reached the square."),
            undated("c", "The flood in Brackwater reached the market square by noon."),
        ],
        &["name Brackwater: Brackwater [a c] | Brackwaler [b]"],
    );
    // Two places one letter apart, in sentences about different things.
    let library = "The mayor of Brackwaler opened a new library for the children of the town.";
    check(&[a, undated("b", library)], &[]);
}

/// The timeline as "when: what [sources]".
fn timeline(story: &StoryFacts) -> Vec<String> {
    story
        .timeline
        .iter()
        .map(|e| format!("{}: {} [{}]", e.when.as_deref().unwrap_or("-"), e.what, e.sources.join(" ")))
        .collect()
}

#[test]
fn a_timeline_step_carries_its_whole_sentence() {
    let long = "A tram left the rails at Vellmar depot on Tuesday morning, injuring 12 passengers and closing \
                the line between the depot and the harbour for the rest of the day, while engineers from the \
                operator and the city inspected the points, the signals and the overhead wires.";
    assert!(long.chars().count() > 250);
    let story = reconcile(&[dated("a", "2026-05-06T09:00:00Z", long), dated("b", "2026-05-06T10:00:00Z", long)]);
    assert_eq!(story.timeline[0].what, long, "cutting it is the views' business");
}

#[test]
fn a_day_is_told_in_the_order_of_its_hours_and_one_clock_time_is_one_moment() {
    let at = "2026-05-06T09:00:00Z";
    let a = dated(
        "a",
        at,
        "Inspectors boarded the tram at Vellmar depot on Tuesday evening, the operator said.\n\
         A tram left the rails at Vellmar depot at about 7:42 a.m. on Tuesday, injuring 12 passengers.",
    );
    let b = dated(
        "b",
        at,
        "The Vellmar tram derailed near the depot gates at 7:42 a.m. on Tuesday, injuring 12 passengers.",
    );
    let story = reconcile(&[a, b]);
    let steps = timeline(&story);
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert!(steps[0].contains("7:42") && steps[0].ends_with("[a b]"), "{steps:?}");
    assert!(steps[1].starts_with("Tuesday 5 May 2026 evening: Inspectors"), "{steps:?}");
    // Another minute is another moment: no outlet is credited with a time
    // it did not give.
    let called = |id: &str, time: &str| {
        dated(
            id,
            at,
            &format!("Fire crews reached the burning flats on Corran Street in Vellmar at {time} on Tuesday."),
        )
    };
    let story = reconcile(&[called("a", "11:40 p.m."), called("b", "11:04 p.m.")]);
    let steps = timeline(&story);
    assert_eq!(steps.len(), 2, "{steps:?}");
    assert!(steps.iter().all(|s| s.ends_with("[a]") || s.ends_with("[b]")), "{steps:?}");
    // One time written two ways is one moment.
    let story = reconcile(&[called("a", "11 p.m."), called("b", "11:00 p.m.")]);
    assert_eq!(timeline(&story).len(), 1, "{:?}", timeline(&story));
    // A sentence an article repeats is one step.
    let twice = "A tram left the rails at Vellmar depot on Tuesday, injuring 12 passengers.";
    let story = reconcile(&[dated("a", at, &format!("{twice}\nCrews worked through the night.\n{twice}"))]);
    assert_eq!(story.timeline.iter().filter(|e| e.what == twice).count(), 1, "{:?}", timeline(&story));
}

#[test]
fn outlets_that_tell_a_step_with_another_figure_or_day_are_listed_with_their_own_version() {
    let (early, at) = ("2026-05-06T09:00:00Z", "2026-05-06T12:00:00Z");
    let told = |figure: &str, day: &str| {
        format!("A tram left the rails at Vellmar depot on {day}, injuring {figure} passengers, the operator said.")
    };
    let twelve = told("12", "Tuesday");
    let a = dated("a", at, &twelve);
    // Fifteen injured, told before the others' twelve: no rising toll.
    let b = dated("b", early, &told("15", "Tuesday"));
    let c = dated("c", at, &twelve);
    let story = reconcile(&[a.clone(), b, c.clone()]);
    assert_eq!(
        timeline(&story),
        [format!("Tuesday 5 May 2026: {twelve} [a c]"), format!("Tuesday 5 May 2026: {} [b]", told("15", "Tuesday"))]
    );
    // Another day is another step too; a day of a statement is not.
    let wednesday = dated("b", at, &told("12", "Wednesday"));
    assert_eq!(reconcile(&[a.clone(), wednesday, c.clone()]).timeline.len(), 2);
    let said = dated(
        "b",
        at,
        "The operator said on Wednesday a tram left the rails at Vellmar depot on Tuesday, injuring 12 passengers.",
    );
    assert_eq!(reconcile(&[a.clone(), said, c.clone()]).timeline.len(), 1);
    // A figure of another subject is no disagreement.
    let more = dated(
        "b",
        at,
        "A tram with 40 people aboard left the rails at Vellmar depot on Tuesday, injuring 12 passengers.",
    );
    assert_eq!(timeline(&reconcile(&[a.clone(), more, c.clone()])), [format!("Tuesday 5 May 2026: {twelve} [a b c]")]);
    // "At least 10" fits 12 and 10, but an outlet is credited only with the
    // figure it gives: three tellings.
    let bound = dated("b", at, &told("at least 10", "Tuesday"));
    let ten = dated("d", at, &told("10", "Tuesday"));
    let story = reconcile(&[a.clone(), bound, ten]);
    assert!(story.timeline.iter().all(|e| e.sources.len() == 1), "{:?}", timeline(&story));
    // A telling that denies is never one step with one that affirms.
    let claimed = "A tram left the rails at Vellmar depot on Tuesday, the operator said.";
    let denied = "A tram did not leave the rails at Vellmar depot on Tuesday, the operator insisted.";
    let story = reconcile(&[dated("a", at, claimed), dated("b", at, denied), dated("c", at, claimed)]);
    assert_eq!(
        timeline(&story).iter().map(|t| t.rsplit_once(" [").unwrap().1).collect::<Vec<_>>(),
        ["a c]", "b]"],
        "{:?}",
        timeline(&story)
    );
    // A toll that rose over updates is a step per update, each with the
    // outlet that gave it.
    let rose = dated("b", at, &told("15", "Tuesday"));
    let first = dated("a", early, &twelve);
    let story = reconcile(&[first, rose]);
    assert_eq!(story.progressions.len(), 1);
    assert_eq!(
        timeline(&story),
        [format!("Tuesday 5 May 2026: {twelve} [a]"), format!("Tuesday 5 May 2026: {} [b]", told("15", "Tuesday"))]
    );
    // An outlet that tells the derailment without a figure, and gives the
    // injured otherwise in another sentence, does not tell the step of
    // twelve injured.
    let elsewhere = dated(
        "b",
        at,
        "A tram left the rails at Vellmar depot on Tuesday, the operator said. Fifteen passengers were injured.",
    );
    let story = reconcile(&[a.clone(), elsewhere, c.clone()]);
    let with = |e: &dossier_reconcile::TimelineEntry, id: &str| e.sources.contains(&id.to_owned());
    assert!(story.timeline.iter().all(|e| !(with(e, "a") && with(e, "b"))), "{:?}", timeline(&story));
    // Nor does one whose other sentence gives the same figure stand apart.
    let same = dated("b", at, "A tram left the rails at Vellmar depot on Tuesday. Twelve passengers were injured.");
    let story = reconcile(&[a.clone(), same, c.clone()]);
    assert_eq!(story.timeline.len(), 1, "{:?}", timeline(&story));
    assert_eq!(story.timeline[0].sources, ["a", "b", "c"]);
}

/// Each version of each conflict as "value: [article] sentence" lines.
fn evidence(story: &StoryFacts) -> Vec<String> {
    story
        .conflicts
        .iter()
        .flat_map(|c| c.values.iter())
        .flat_map(|v| v.evidence.iter().map(move |e| format!("{}: [{}] {}", v.value, e.article, e.sentence)))
        .collect()
}

#[test]
fn each_version_of_a_conflict_comes_with_the_sentence_each_source_gives_it_in() {
    let story = check(
        &[
            undated("a", "Mayor Wendy Marsh opened the bridge. Marsh spoke."),
            undated("b", "Mayor Wendy Marhs opened the bridge. Marhs spoke."),
        ],
        &["name Wendy Marhs: Wendy Marhs [b] | Wendy Marsh [a]"],
    );
    assert_eq!(
        evidence(&story),
        [
            "Wendy Marhs: [b] Mayor Wendy Marhs opened the bridge.",
            "Wendy Marsh: [a] Mayor Wendy Marsh opened the bridge."
        ]
    );
    // The sentence that gives the value, not the first that names its
    // subject.
    let story = check(
        &[
            undated("a", "The ferry hit the pier. It left 12 people injured. 143 passengers were aboard."),
            undated("b", "The ferry hit the pier and 15 people were injured. 143 passengers were aboard."),
        ],
        &["quantity injured: 12 injured [a] | 15 injured [b]"],
    );
    assert_eq!(
        evidence(&story),
        [
            "12 injured: [a] It left 12 people injured.",
            "15 injured: [b] The ferry hit the pier and 15 people were injured."
        ]
    );
    // Of two sentences on one day, the one about the event; of two
    // quotes, the one given to the speaker, not a sentence that names him.
    let at = "2024-03-14T18:00:00Z";
    let story = check(
        &[
            dated("a", at, DERAILED),
            dated("b", at, LEFT_THE_TRACKS),
            dated(
                "c",
                at,
                "A freight train carrying grain overturned outside Dunmore on Tuesday, officials said. The town council, \
                 which meets weekly, held a long and heated session on bus timetables and parking fees on Tuesday.",
            ),
        ],
        &["date freight train Dunmore grain: Wednesday 13 March 2024 [a b] | Tuesday 12 March 2024 [c]"],
    );
    assert_eq!(
        evidence(&story)[2],
        "Tuesday 12 March 2024: [c] A freight train carrying grain overturned outside Dunmore on Tuesday, officials said."
    );
    let story = check(
        &[
            undated(
                "a",
                "Mayor Wendy Marsh and Chief Ian Dorsey spoke. \"We will rebuild the pier this year,\" Marsh said.",
            ),
            undated("c", "\"We will rebuild the pier this year,\" Ian Dorsey said at the pier."),
            undated(
                "b",
                "Mayor Wendy Marsh and Chief Dorsey spoke. \"We will rebuild the pier this year,\" Dorsey said.",
            ),
        ],
        &["attribution We will rebuild the pier this year: Ian Dorsey [c b] | Wendy Marsh [a]"],
    );
    assert_eq!(
        evidence(&story),
        [
            "Ian Dorsey: [c] \"We will rebuild the pier this year,\" Ian Dorsey said at the pier.",
            "Ian Dorsey: [b] \"We will rebuild the pier this year,\" Dorsey said.",
            "Wendy Marsh: [a] \"We will rebuild the pier this year,\" Marsh said."
        ]
    );
}
