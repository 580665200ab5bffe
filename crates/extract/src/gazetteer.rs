//! Word lists written by hand: honorifics, titles and roles, common first
//! names, countries, major cities and regions, organisation and place words,
//! demonyms, calendar words, and aliases. They are cues, not a knowledge
//! base: a name absent from them is still found by its shape and context.
//!
//! Every list is sorted and lower case, so lookups are binary searches;
//! a unit test keeps them sorted.

fn contains(list: &[&str], lowercase: &str) -> bool {
    list.binary_search(&lowercase).is_ok()
}

/// Honorifics before a name, without their period.
pub const HONORIFICS: &[&str] =
    &["dame", "dr", "lady", "lord", "madam", "miss", "mr", "mrs", "ms", "mx", "prof", "professor", "rev", "sir"];

/// Titles written capitalised before a name ("Mayor Karen Bass", "Fire Chief
/// Daniel Okonjo"). Any of them in a capitalised run splits it into role and
/// person.
pub const TITLES: &[&str] = &[
    "admiral", "ambassador", "archbishop", "assemblyman", "assemblywoman", "attorney", "bishop", "cardinal", "captain",
    "chairman", "chairwoman", "chancellor", "chief", "coach", "commissioner", "congressman", "congresswoman",
    "constable", "councillor", "councilman", "councilmember", "councilwoman", "count", "deputy", "detective", "director",
    "duchess", "duke", "emperor", "emir", "empress", "executive", "general", "gov", "governor", "inspector", "judge", "justice",
    "king", "lieutenant", "marshal", "mayor", "minister", "officer", "pope", "premier", "president", "prime", "prince",
    "princess", "queen", "rabbi", "secretary", "sen", "senator", "sergeant", "sheriff", "speaker", "superintendent",
    "trooper", "vice",
];

/// Role nouns written in lower case before a name ("actor Tom Cruise",
/// "gymnast Simone Biles", "her brother Finneas").
pub const ROLE_NOUNS: &[&str] = &[
    "activist", "actor", "actress", "adviser", "advisor", "analyst", "anchor", "architect", "artist", "athlete",
    "attorney", "author", "biker", "boss", "boxer", "brother", "businessman", "businesswoman", "captain", "ceo",
    "champion", "chef", "chief", "coach", "colleague", "comedian", "commander", "composer", "cousin", "cyclist",
    "daughter", "defender", "designer", "diplomat", "director", "doctor", "driver", "economist", "editor", "engineer",
    "executive", "father", "founder", "forward", "girlfriend", "goalkeeper", "golfer", "governor", "gymnast",
    "husband", "inventor", "investigator", "journalist", "judge", "lawmaker", "lawyer", "leader", "manager",
    "mayor", "medalist", "medallist", "midfielder", "minister", "mother", "musician", "nephew", "niece", "novelist",
    "official", "owner", "partner", "photographer", "pilot", "player", "politician", "president", "producer",
    "professor", "prosecutor", "rapper", "reporter", "researcher", "runner", "scientist", "senator", "singer",
    "sister", "skateboarder", "skier", "son", "songwriter", "spokesman", "spokesperson", "spokeswoman", "sprinter",
    "star", "striker", "student", "surfer", "swimmer", "teacher", "teammate", "tennis", "wife", "winger", "writer",
];

/// Common given names, lower case: a name starting with one is a person.
pub const FIRST_NAMES: &[&str] = &[
    "aaron", "abdul", "adam", "adrian", "ahmed", "alan", "alex", "alexander", "alexandra", "alice", "alicia", "ali",
    "amanda", "amy", "ana", "andrea", "andrew", "angela", "angelina", "ann", "anna", "anne", "anthony", "antonio",
    "ashley", "barack", "barbara", "ben", "benjamin", "bernie", "beth", "betty", "bill", "billie", "bob", "boris",
    "brad", "brandon", "brian", "bruce", "carl", "carlos", "carol", "caroline", "catherine", "charles", "charlie",
    "charlotte", "chris", "christian", "christina", "christine", "christopher", "claire", "craig", "daniel", "david",
    "deborah", "dennis", "diana", "donald", "donna", "dorothy", "douglas", "dylan", "ed", "edward", "elizabeth",
    "ellen", "emily", "emma", "emmanuel", "eric", "erik", "frank", "gary", "george", "gerald", "gordon", "grace",
    "greg", "gregory", "hannah", "harry", "heather", "helen", "henry", "hillary", "ian", "ines", "jack", "jacob",
    "james", "jamie", "jane", "janet", "jason", "jean", "jeff", "jeffrey", "jennifer", "jeremy", "jerry", "jessica",
    "jim", "joan", "joe", "john", "johnny", "jonathan", "jose", "joseph", "joshua", "juan", "julia", "julie", "justin",
    "karen", "kate", "katherine", "kathleen", "kelly", "kenneth", "kevin", "kim", "kyle", "larry", "laura", "lauren",
    "lee", "linda", "lisa", "louis", "luis", "maria", "marie", "mark", "martin", "mary", "matthew", "megan",
    "melania", "melissa", "michael", "michelle", "mike", "mohammed", "muhammad", "nancy", "nathan", "nicholas",
    "nicole", "olivia", "pamela", "patricia", "patrick", "paul", "peter", "philip", "rachel", "ralph", "raymond",
    "rebecca", "richard", "robert", "roger", "ronald", "rose", "ruth", "ryan", "sam", "samuel", "sandra", "sara",
    "sarah", "scott", "sean", "sharon", "shirley", "simon", "simone", "sophie", "stephanie", "stephen", "steve",
    "steven", "susan", "thomas", "tim", "timothy", "tom", "tony", "victoria", "vladimir", "walter", "william", "xi",
];

/// Countries and large regions, lower case, as written in English.
pub const COUNTRIES: &[&str] = &[
    "afghanistan", "africa", "albania", "algeria", "america", "angola", "argentina", "armenia", "asia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "britain",
    "bulgaria", "cambodia", "cameroon", "canada", "chile", "china", "colombia", "croatia", "cuba", "cyprus",
    "czechia", "denmark", "ecuador", "egypt", "england", "estonia", "ethiopia", "europe", "finland", "france",
    "georgia", "germany", "ghana", "greece", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
    "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "korea", "kosovo", "kuwait", "latvia",
    "lebanon", "libya", "lithuania", "luxembourg", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia",
    "morocco", "myanmar", "nepal", "netherlands", "nigeria", "norway", "oman", "pakistan", "palestine", "panama",
    "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "scotland", "senegal",
    "serbia", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria",
    "taiwan", "tanzania", "thailand", "tunisia", "turkey", "uganda", "ukraine", "uruguay", "venezuela", "vietnam",
    "wales", "yemen", "zambia", "zimbabwe",
];

/// Major cities and US states, lower case.
pub const CITIES: &[&str] = &[
    "alabama", "alaska", "amsterdam", "arizona", "athens", "atlanta", "baghdad", "bangkok", "barcelona", "beijing",
    "beirut", "berlin", "boston", "brussels", "budapest", "cairo", "california", "chicago", "colorado", "copenhagen",
    "dallas", "damascus", "delhi", "detroit", "dubai", "dublin", "duisburg", "edinburgh", "florida", "frankfurt",
    "geneva", "hamburg", "havana", "hawaii", "hokkaido", "hollywood", "houston", "illinois", "istanbul", "jakarta",
    "jerusalem", "kabul", "kiev", "kyiv", "lagos", "lisbon", "london", "madrid", "manchester", "manila", "miami",
    "michigan", "milan", "minnesota", "montreal", "moscow", "mumbai", "munich", "nairobi", "nevada", "ohio", "oregon",
    "oslo", "ottawa", "paris", "philadelphia", "prague", "pyongyang", "rome", "seattle", "seoul", "shanghai", "sydney",
    "tehran", "texas", "tokyo", "toronto", "vancouver", "vienna", "virginia", "warsaw", "washington",
];

/// Multi-word places known by name, lower case.
pub const PLACE_NAMES: &[&str] = &[
    "hong kong", "los angeles", "new delhi", "new jersey", "new york", "new zealand", "north korea", "san diego",
    "san francisco", "santa monica", "saudi arabia", "south africa", "south korea", "sri lanka", "united kingdom",
    "united states",
];

/// The last word of a place name ("Stade de France" is caught by "stade").
pub const PLACE_WORDS: &[&str] = &[
    "airport", "arena", "avenue", "bay", "beach", "boulevard", "bridge", "canal", "canyon", "cathedral", "city",
    "coast", "coliseum", "county", "district", "gulf", "harbor", "harbour", "heights", "highway", "hill", "hills",
    "island", "islands", "lake", "mountain", "mountains", "ocean", "palace", "park", "peninsula", "pier", "plaza",
    "port", "province", "region", "river", "road", "sea", "square", "stade", "stadium", "state", "station", "street",
    "tower", "valley",
];

/// Words that make a name an organisation.
pub const ORG_WORDS: &[&str] = &[
    "agency", "airlines", "airways", "army", "assembly", "association", "authority", "bank", "board", "bureau",
    "cabinet", "center", "centre", "club", "co", "co.", "coalition", "college", "commission", "committee", "company",
    "congress", "corp", "corp.", "corporation", "council", "court", "department", "federation", "ferries", "force",
    "foundation", "fund", "group", "guard", "hospital", "inc", "inc.", "institute", "league", "ltd", "ltd.",
    "ministry", "navy", "news", "office", "organisation", "organization", "parliament", "party", "pictures", "police",
    "post", "press", "school", "senate", "service", "society", "times", "tribune", "union", "university",
];

/// Nationality and group adjectives: capitalised, but not names.
pub const DEMONYMS: &[&str] = &[
    "african", "american", "arab", "asian", "australian", "austrian", "belgian", "brazilian", "british", "canadian",
    "catholic", "chinese", "christian", "democrat", "democratic", "dutch", "eastern", "egyptian", "english", "european", "french",
    "german", "greek", "indian", "iranian", "iraqi", "irish", "islamic", "israeli", "italian", "japanese", "jewish",
    "korean", "latino", "mexican", "muslim", "nigerian", "north", "northern", "pakistani", "palestinian", "polish",
    "republican", "russian", "saudi", "scottish", "south", "southern", "spanish", "swedish", "swiss", "syrian",
    "turkish", "ukrainian", "western",
];

/// Capitalised words that are never a name on their own: calendar words and
/// words that start sentences and headlines.
pub const NEVER_NAMES: &[&str] = &[
    "a", "after", "also", "an", "and", "april", "as", "at", "august", "before", "but", "by", "december", "during",
    "each", "every", "february", "for", "friday", "from", "he", "her", "here", "his", "however", "i", "if", "in",
    "it", "its", "january", "july", "june", "march", "may", "meanwhile", "monday", "mr", "mrs", "ms", "my", "no",
    "not", "november", "now", "october", "of", "on", "once", "one", "our", "read", "saturday", "september", "she",
    "so", "some", "sunday", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though",
    "three", "thursday", "to", "today", "tuesday", "two", "update", "updated", "we", "wednesday", "what", "when",
    "where", "while", "who", "why", "with", "yes", "yet", "you",
];

/// Small words allowed inside a name between capitalised words ("Stade de
/// France", "Republic of Korea", "Ludwig van Beethoven").
pub const CONNECTORS: &[&str] = &["al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "of", "van", "von"];

/// Words after a possessive that keep a name going ("People's Republic").
pub const POSSESSIVE_CONTINUES: &[&str] = &["army", "front", "liberation", "party", "republic"];

/// Aliases: a written form (lower case, punctuation kept) and the name it
/// stands for.
pub const ALIASES: &[(&str, &str)] = &[
    ("britain", "United Kingdom"),
    ("d.c.", "Washington"),
    ("dprk", "North Korea"),
    ("eu", "European Union"),
    ("great britain", "United Kingdom"),
    ("l.a.", "Los Angeles"),
    ("la", "Los Angeles"),
    ("n.y.", "New York"),
    ("nyc", "New York City"),
    ("u.k.", "United Kingdom"),
    ("u.n.", "United Nations"),
    ("u.s.", "United States"),
    ("u.s.a.", "United States"),
    ("uk", "United Kingdom"),
    ("un", "United Nations"),
    ("us", "United States"),
    ("usa", "United States"),
];

pub fn is_honorific(lowercase: &str) -> bool {
    contains(HONORIFICS, lowercase.trim_end_matches('.'))
}
pub fn is_title(lowercase: &str) -> bool {
    contains(TITLES, lowercase.trim_end_matches('.'))
}
pub fn is_role_noun(lowercase: &str) -> bool {
    contains(ROLE_NOUNS, lowercase)
}
pub fn is_first_name(lowercase: &str) -> bool {
    contains(FIRST_NAMES, lowercase)
}
pub fn is_place_name(lowercase: &str) -> bool {
    contains(COUNTRIES, lowercase) || contains(CITIES, lowercase) || contains(PLACE_NAMES, lowercase)
}
pub fn is_place_word(lowercase: &str) -> bool {
    contains(PLACE_WORDS, lowercase)
}
pub fn is_org_word(lowercase: &str) -> bool {
    contains(ORG_WORDS, lowercase)
}
pub fn is_demonym(lowercase: &str) -> bool {
    contains(DEMONYMS, lowercase)
}
pub fn is_never_name(lowercase: &str) -> bool {
    contains(NEVER_NAMES, lowercase)
}
pub fn is_connector(word: &str) -> bool {
    contains(CONNECTORS, word)
}
pub fn continues_after_possessive(lowercase: &str) -> bool {
    contains(POSSESSIVE_CONTINUES, lowercase)
}

/// The name an alias stands for ("L.A." → "Los Angeles").
pub fn alias(lowercase: &str) -> Option<&'static str> {
    ALIASES.binary_search_by(|(written, _)| written.cmp(&lowercase)).ok().map(|index| ALIASES[index].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_and_unique() {
        for list in [
            HONORIFICS, TITLES, ROLE_NOUNS, FIRST_NAMES, COUNTRIES, CITIES, PLACE_NAMES, PLACE_WORDS, ORG_WORDS,
            DEMONYMS, NEVER_NAMES, CONNECTORS, POSSESSIVE_CONTINUES,
        ] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
        }
        assert!(ALIASES.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn lookups() {
        assert_eq!(alias("l.a."), Some("Los Angeles"));
        assert!(is_title("mayor") && is_role_noun("gymnast") && is_first_name("karen") && is_place_name("japan"));
    }
}
