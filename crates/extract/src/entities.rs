//! People, organisations and places: capitalised-phrase chunking with cues.
//!
//! A name is a run of capitalised tokens, with small connectors inside
//! ("Stade de France") and a possessive ending it ("Japan's"). A run is
//! split at titles ("L.A. Mayor Karen Bass" → the place "L.A.", the role
//! "Mayor", the person "Karen Bass") and typed by its cues: an honorific, a
//! title or a role noun before it ("gymnast Simone Biles") make a person;
//! the gazetteers, organisation words and place words do the rest. A word
//! that opens a sentence and is also written in lower case in the article
//! is not a name. Sentences in capitals (wire headlines) give only names
//! from the gazetteers: in capitals, shape says nothing.
//!
//! Within one article, a surname or a first name on its own ("Biles",
//! "Tom") is linked to the one full name it belongs to.

use crate::gazetteer as gz;
use crate::tokens::Token;
use crate::{Entity, EntityKind};
use std::collections::{HashMap, HashSet};

/// The sentences of one article, tokenised, and the words it writes in lower
/// case.
pub(crate) struct Article<'a> {
    pub sentences: Vec<Vec<Token<'a>>>,
    pub lowercase_words: HashSet<&'a str>,
}

/// Letters in capitals above this share make a sentence "in capitals".
const CAPITALS_SHARE: f32 = 0.6;
/// Words in capitals that open a report before a dash without being its
/// dateline ("BREAKING - ...").
const BANNERS: &[&str] = &[
    "analysis",
    "breaking",
    "correction",
    "editorial",
    "exclusive",
    "explainer",
    "fact",
    "factbox",
    "live",
    "opinion",
    "photos",
    "review",
    "update",
    "updated",
    "video",
    "watch",
];

/// News agencies' names that may open a report before a dash (those of
/// three letters or fewer, "AP", "AFP", are left out as acronyms).
const AGENCIES: &[&str] =
    &["anadolu", "bernama", "bloomberg", "interfax", "kyodo", "reuters", "tass", "xinhua", "yonhap"];
/// At most this many words in capitals before a dash make a dateline.
const DATELINE_WORDS: usize = 3;

/// A sentence with this many names or more, separated by commas, is a list.
const LIST_NAMES: usize = 6;

/// Whether a sentence is written in capitals: most of its letters, over
/// twelve letters at least, or every letter of a shorter one ("FLOOD", a
/// wire headline of one word, names nothing).
pub(crate) fn is_in_capitals(tokens: &[Token<'_>]) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for token in tokens.iter().filter(|t| t.is_word()) {
        for c in token.text.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
    }
    letters > 0 && (upper == letters || letters >= 12 && upper as f32 > CAPITALS_SHARE * letters as f32)
}

fn lower(text: &str) -> String {
    text.to_lowercase()
}

/// A token that can be part of a name.
fn is_name_token(token: &Token<'_>) -> bool {
    // One letter is an initial or a symbol ("X", "R&B"), not a name.
    if !token.is_capitalized()
        || (token.text.chars().filter(|c| c.is_alphabetic()).count() < 2 && !token.text.contains('.'))
    {
        return false;
    }
    // "Grammy-winning", "Paris-based": an adjective, not a name.
    if token.text.contains('-') && token.text.split('-').skip(1).any(|part| part.starts_with(char::is_lowercase)) {
        return false;
    }
    let word = lower(token.without_possessive());
    // In capitals, a never-name of three letters or more may be an acronym
    // ("WHO"); a shorter one is a word ("AT the harbour").
    let acronym = token.is_all_caps() && word.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    !(gz::is_never_name(&word) && !acronym
        || gz::is_page_word(&word)
        || word == "i"
        || word.starts_with("i'")
        || word.starts_with("i’"))
}

/// First words of places named after saints and the like ("San Jose",
/// "Santa Maria", "St Helena").
const PLACE_PREFIXES: &[&str] = &["el", "fort", "la", "las", "los", "port", "saint", "san", "santa", "st", "st."];

/// Company suffixes that close a name joined by "and" ("Castle and Marrowby
/// Inc").
const COMPANY_SUFFIXES: &[&str] = &["co", "cos", "corp", "inc", "llc", "ltd", "plc"];

/// A newspaper's last word that closes a name joined by "and" ("the
/// Science and Technology Daily").
const PAPER_SUFFIXES: &[&str] = &["daily", "gazette", "herald", "journal"];

/// Whether a word, in any case, is a newspaper's last word ([`PAPER_SUFFIXES`]).
fn is_paper_word(word: &str) -> bool {
    PAPER_SUFFIXES.contains(&lower(word).as_str())
}

/// Whether the capitalised words from `at` (three at most) end in a
/// company suffix, or are one word then a newspaper's last word
/// ("Technology Daily"; not "Daily Mail lawyers" in "Trump and Daily Mail
/// lawyers").
fn company_after(tokens: &[Token<'_>], at: usize) -> bool {
    let suffix = |t: &Token<'_>| COMPANY_SUFFIXES.contains(&lower(t.text.trim_end_matches('.')).as_str());
    let company = tokens[at.min(tokens.len())..].iter().take_while(|t| is_name_token(t)).take(3).any(suffix);
    let paper = tokens.get(at).is_some_and(is_name_token)
        && tokens.get(at + 1).is_some_and(|t| is_name_token(t) && is_paper_word(t.text));
    company || paper
}

/// Verbs that end a run of capitalised words however they are written.
/// ("Said" and "Will" are surnames as well: "Edward Said wrote".)
const AUXILIARIES: &[&str] = &["are", "had", "has", "have", "is", "was", "were", "would"];

fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && !text.chars().any(char::is_lowercase)
}

/// Finds the entities of every sentence, then links short forms to full
/// names within the article.
pub(crate) fn extract(article: &Article<'_>) -> Vec<Entity> {
    let mut entities = Vec::new();
    for (index, tokens) in article.sentences.iter().enumerate() {
        let before = entities.len();
        if is_in_capitals(tokens) {
            gazetteer_only(index, tokens, &mut entities);
        } else if is_headline_case(tokens) {
            headline_words(index, tokens, &mut entities);
        } else {
            sentence_entities(index, tokens, article, &mut entities);
        }
        let commas = tokens.iter().filter(|t| t.is_punct(',')).count();
        if entities.len() - before >= LIST_NAMES && commas + 1 >= LIST_NAMES {
            entities[before..].iter_mut().for_each(|entity| entity.listed = true);
        }
    }
    link(&mut entities, &speakers(article));
    let exchanges = link_tickers(article, &mut entities);
    entities.retain(|entity| !exchanges.contains(&(entity.sentence, entity.name.clone())));
    // Acronyms of things, "TV", "GDP", "GMT", name nothing on their own.
    entities.retain(|entity| {
        (entity.kind != EntityKind::Other || entity.name.contains(' ')) && !gz::is_thing_acronym(&lower(&entity.name))
    });
    entities
}

/// Title Case without a closing full stop ("A Preview of LA28", "Ferry
/// Strikes Pier"): capitals mark the style, not names.
fn is_headline_case(tokens: &[Token<'_>]) -> bool {
    if tokens.last().is_some_and(|t| t.is_punct('.') || t.is_punct('!') || t.is_punct('?')) {
        return false;
    }
    let english = crate::english();
    let (mut capitals, mut words) = (0usize, 0usize);
    for token in tokens.iter().filter(|t| t.is_word()) {
        if english.is_stop_word(&lower(token.text)) {
            continue;
        }
        words += 1;
        capitals += usize::from(token.is_capitalized());
    }
    words >= 2 && capitals * 4 >= words * 3
}

/// In a headline-case line, each capitalised word on its own: places,
/// acronyms, and words that later link to a full name.
fn headline_words(index: usize, tokens: &[Token<'_>], out: &mut Vec<Entity>) {
    for (at, token) in tokens.iter().enumerate().filter(|(_, t)| is_name_token(t)) {
        let text = token.without_possessive();
        // A word set off by an age is a person's, as in a sentence: a fact
        // box's "children Malia, 10, and Sasha, 7" reads as title case.
        out.push(Entity::new(text.to_owned(), classify(text, None, age_after(tokens, at + 1)), index));
    }
}

const SPEECH: &[&str] = &["added", "says", "said", "told", "wrote"];

/// Capitalised words right before a speech verb or right after an
/// honorific, lower case: surnames.
fn speakers(article: &Article<'_>) -> HashSet<String> {
    let mut out = HashSet::new();
    for tokens in &article.sentences {
        for pair in tokens.windows(2) {
            let speaks = pair[0].is_capitalized() && SPEECH.iter().any(|v| pair[1].is(v));
            let addressed = pair[1].is_capitalized() && gz::is_honorific(&lower(pair[0].text));
            if speaks && !pair[0].is_all_caps() {
                out.insert(lower(pair[0].without_possessive()));
            }
            if addressed {
                out.insert(lower(pair[1].without_possessive()));
            }
        }
    }
    out
}

fn gazetteer_only(index: usize, tokens: &[Token<'_>], out: &mut Vec<Entity>) {
    // The (at most three) words before a ticker name its company, "FIRST
    // CHICAGO <FNB> RAISES PRIME RATE": no place.
    let company = |at: usize| {
        let ticker = tokens[at..].iter().position(|t| t.is_punct('<')).map(|k| at + k);
        let words_to = |end: usize| tokens[at + 1..end].iter().filter(|t| t.is_word()).count();
        ticker.is_some_and(|end| words_to(end) < 3)
    };
    for (_, token) in tokens.iter().enumerate().filter(|(at, t)| t.is_word() && !company(*at)) {
        let word = lower(token.without_possessive());
        if gz::is_place_name(&word) {
            out.push(Entity::new(title_case(&word), EntityKind::Place, index));
        }
    }
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn sentence_entities(index: usize, tokens: &[Token<'_>], article: &Article<'_>, out: &mut Vec<Entity>) {
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_token(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1; // exclusive
        while end < tokens.len() {
            let previous = &tokens[end - 1];
            if previous.is_possessive() {
                let continues = is_name_token(&tokens[end]) && gz::continues_after_possessive(&lower(tokens[end].text));
                if !continues {
                    break;
                }
            }
            // A month's name after a given name is a surname ("Theresa May"),
            // unless a day or a year follows ("Theresa, May 4").
            let surname_month = crate::dates::is_month_name(tokens[end].text)
                && tokens[end].is_capitalized()
                && gz::is_first_name(&lower(previous.text))
                && !tokens.get(end + 1).is_some_and(|t| t.is_number());
            // "Route 40", "Flight 175": a name that ends with its number.
            let digits = tokens[end].is_number() && tokens[end].text.bytes().all(|b| b.is_ascii_digit());
            if digits && gz::is_numbered(&lower(previous.text)) {
                end += 1;
                break;
            }
            // "The U.S. Has offered": a verb in capitals ends a name.
            let verb = AUXILIARIES.contains(&lower(tokens[end].text).as_str());
            if (is_name_token(&tokens[end]) || surname_month) && !verb {
                end += 1;
            } else if gz::is_connector(tokens[end].text) && tokens.get(end + 1).is_some_and(is_name_token) {
                end += 2;
            } else if (tokens[end].is("and") || tokens[end].is_punct('&'))
                && end - start == 1
                && company_after(tokens, end + 1)
            {
                // "Castle and Marrowby Inc", "Vance & Co": one company, one word
                // before "and" ("General Motors and Marrowby Co" are two).
                end += 1;
            } else {
                break;
            }
        }
        let mut run = start..end;
        i = end;
        // "Comptroller of the Currency Robert Clarke": the office's last word
        // before a given name and a surname is no part of the name.
        // Three words exactly, none naming an organisation or a place, the
        // last no plural: not "the San Jose Sharks", "the Santa Maria
        // Hospital".
        let words: Vec<String> = tokens[run.clone()].iter().map(|t| lower(t.without_possessive())).collect();
        let described = start > 0
            && tokens[start - 1].is("the")
            && words.len() == 3
            && !gz::is_first_name(&words[0])
            && gz::is_first_name(&words[1])
            && !words[2].ends_with('s')
            && !words.iter().any(|w| gz::names_org_or_place(w) || PLACE_PREFIXES.contains(&w.as_str()));
        if described {
            run.start += 1;
        }
        // "CARROW - The council ...": a dateline, the place the report was
        // filed from, in capitals: up to three words opening the sentence,
        // a dash, then a capitalised word ("FERRY HITS PIER - what we
        // know" is a headline). A banner ("BREAKING NEWS -") is no name at
        // all; an agency ("AP -", "REUTERS -") is no dateline.
        let dash = tokens.get(run.end).is_some_and(Token::is_dash);
        let then_capital = tokens.get(run.end + 1).is_some_and(|t| t.is_word() && t.is_capitalized());
        let capitals = tokens[run.clone()].iter().all(|t| t.is_all_caps());
        let opening = run.start == 0 && dash && then_capital && capitals && run.len() <= DATELINE_WORDS;
        // The wire's form: "BRENNICK, March 17 (Northsea Wire) - ...",
        // "DUNMORE, Westshire — ...", "MARROWBY (Northsea Wire) - ...".
        let wire = run.start == 0 && capitals && run.len() <= DATELINE_WORDS && wire_dateline(tokens, run.end);
        let opening = opening || wire;
        let first = lower(tokens[run.start].text);
        if opening && BANNERS.contains(&first.as_str()) {
            continue;
        }
        let letters = tokens[run.start].text.chars().filter(|c| c.is_alphabetic()).count();
        let agency = run.len() == 1 && (letters <= 3 || AGENCIES.contains(&first.as_str()));
        if opening && !agency {
            let words: Vec<String> = tokens[run].iter().map(|t| title_case(&lower(t.text))).collect();
            out.push(Entity::new(words.join(" "), EntityKind::Place, index));
            continue;
        }
        // A capitalised word that opens the sentence and is written in lower
        // case elsewhere is not a name ("Three circles", "Come 2028"),
        // unless it is a role before a name ("Comedian Dana Vogt", which
        // `chunk` splits).
        let opens = run.start == 0 || (run.start == 1 && tokens[0].kind == crate::tokens::TokenKind::Punct);
        if opens && !tokens[run.start].is_all_caps() {
            let first = lower(tokens[run.start].without_possessive());
            let common = article.lowercase_words.contains(first.as_str()) || crate::english().is_stop_word(&first);
            let role = || {
                let words: Vec<String> = tokens[run.clone()].iter().map(|t| lower(t.without_possessive())).collect();
                role_opens_name(&words)
            };
            if common && !gz::is_first_name(&first) && !gz::is_place_name(&first) && !role() {
                run.start += 1;
                while run.start < run.end && gz::is_connector(tokens[run.start].text) {
                    run.start += 1;
                }
            }
        }
        if run.is_empty() {
            continue;
        }
        chunk(index, tokens, run, article, out);
    }
}

/// Tokens between a wire dateline's place and its dash, at most.
const WIRE_DATELINE_TOKENS: usize = 10;

/// Whether what follows a run in capitals that opens a sentence, from
/// `at`, is the rest of a wire dateline: a comma or an opening bracket,
/// then only figures, punctuation and capitalised words (a date, a
/// country, the agency in brackets) up to a dash, within a few tokens
/// ("BRENNICK, March 17 (Northsea Wire) -", "DUNMORE, Westshire —").
/// "NASA, the agency, said" goes on in lower case: no dateline.
fn wire_dateline(tokens: &[Token<'_>], at: usize) -> bool {
    let opens = tokens.get(at).is_some_and(|t| t.is_punct(',') || t.is_punct('('));
    opens
        && tokens[at + 1..]
            .iter()
            .take(WIRE_DATELINE_TOKENS)
            .take_while(|t| !t.is_dash())
            .all(|t| t.is_number() || t.is_capitalized() || t.kind == crate::tokens::TokenKind::Punct)
        && tokens[at + 1..].iter().take(WIRE_DATELINE_TOKENS + 1).any(Token::is_dash)
}

/// Words that "General" describes rather than titles: "General Election".
const GENERAL_NOUNS: &[&str] = &[
    "agreement",
    "assembly",
    "dynamics",
    "election",
    "elections",
    "electric",
    "hospital",
    "mills",
    "motors",
    "strike",
];

/// Splits one run at its titles and types the parts.
fn chunk(
    index: usize,
    tokens: &[Token<'_>],
    run: std::ops::Range<usize>,
    article: &Article<'_>,
    out: &mut Vec<Entity>,
) {
    let words: Vec<String> = tokens[run.clone()].iter().map(|t| lower(t.without_possessive())).collect();
    // "the Harbour Administration Ian Dorsey": an organisation's name, then
    // a person's (a given name and more, naming no organisation or place).
    let person_after = (1..words.len().saturating_sub(1)).find(|&k| {
        gz::is_org_word(&words[k - 1])
            && gz::is_first_name(&words[k])
            && !words[k..].iter().any(|w| gz::names_org_or_place(w))
    });
    if let Some(k) = person_after {
        chunk(index, tokens, run.start..run.start + k, article, out);
        chunk(index, tokens, run.start + k..run.end, article, out);
        return;
    }
    // The last title in the run; what follows it is the person.
    // An honorific inside a run is a title too ("Astrophysicist Professor
    // Heino Falcke"); at its start it is the name's ("Dr. Dre").
    // A role noun opening a run that opens its sentence or follows a
    // dateline is one too ("Comedian Dana Vogt", "NEW YORK — Actress Uma
    // Thurman"); inside a sentence such a run is more likely a name of its
    // own ("the Teacher Retirement System"). Inside a run, a role noun
    // before a given name is one ("Twitter Comedienne Ines Dorsey", a
    // caption's credit, then the person).
    let after_break = run.start == 0 || tokens[run.start - 1].kind == crate::tokens::TokenKind::Punct;
    // "General" opening a run before a common noun or an organisation's
    // word is an adjective ("General Election", "General Motors Corp");
    // before a name, or inside a run, a title ("General Petraeus",
    // "Attorney General Vance").
    let adjective = |n: usize| {
        n == 0
            && words[0] == "general"
            && words.get(1).is_some_and(|w| GENERAL_NOUNS.contains(&w.as_str()) || gz::is_org_word(w))
    };
    let is_title = |n: usize| {
        (gz::is_title(&words[n]) && !adjective(n))
            || (n > 0 && gz::is_honorific(&words[n]))
            || (n == 0 && after_break && role_opens_name(&words))
            || (n > 0 && gz::is_role_noun(&words[n]) && words.get(n + 1).is_some_and(|w| gz::is_first_name(w)))
    };
    let mut title_at = (0..words.len()).rposition(is_title);
    // "Martin Luther King": a title word closing a name that opens with a
    // given name is a surname; not in a place's office ("Wayne County
    // Sheriff").
    let place = || words.iter().any(|w| gz::is_place_word(w));
    if title_at == Some(words.len() - 1) && words.len() > 1 && gz::is_first_name(&words[0]) && !place() {
        title_at = None;
    }
    let (prefix, role, name) = match title_at {
        Some(at) if at + 1 < words.len() => {
            let first_title = (0..words.len()).position(is_title).unwrap_or(at);
            let role_start = role_start(&words, first_title);
            // "Secretary of State Rex Tillerson": the role's domain follows it.
            let mut name_start = at + 1;
            while name_start + 2 < words.len() && gz::is_connector(&words[name_start]) {
                name_start += 2;
            }
            // "CEO of SpaceX": a role and where it is held, no person.
            if tokens[run.start + name_start].text == "of" {
                let text = span(tokens, run.start + name_start + 1..run.end);
                let kind = classify(&text, None, false);
                if kind != EntityKind::Person {
                    out.push(Entity::new(text, kind, index));
                }
                return;
            }
            let name = run.start + name_start..run.end;
            // "General Motors Corp", "Chief Brands Ltd": an organisation's
            // name, not a title's holder; one after "of" is where the holder
            // works ("Professor Ian Dorsey of Vellmar University").
            let organisation = words[name_start..].iter().take_while(|w| *w != "of").any(|w| gz::is_org_word(w));
            if organisation {
                (run.start..run.start, None, run.clone())
            } else {
                (run.start..run.start + role_start, Some(run.start + role_start..run.start + name_start), name)
            }
        }
        // A title with no name after it ("the Prime Minister") is a role.
        Some(_) if words.len() <= 3 => return,
        _ => (run.start..run.start, None, run.clone()),
    };
    if !prefix.is_empty() {
        let text = span(tokens, prefix.clone());
        let kind = classify(&text, None, false);
        if kind != EntityKind::Person {
            out.push(Entity::new(text, kind, index));
        }
    }
    // A role noun before an organisation's name is an adjective: "the
    // official Vellmar Daily" is a newspaper, not an official.
    let organisation = || {
        let before_of = tokens[name.clone()].iter().take_while(|t| t.text != "of");
        before_of.map(|t| lower(t.without_possessive())).any(|w| gz::is_org_word(&w) || is_paper_word(&w))
    };
    // A given name first makes it a person's still ("actress Nathalie
    // Press").
    let given = gz::is_first_name(&lower(tokens[name.start].text));
    let role_text = role
        .map(|role| span(tokens, role))
        .or_else(|| role_before(tokens, name.start).filter(|_| given || !organisation()));
    let mut name = name;
    let mut honorific = false;
    let first = lower(tokens[name.start].text);
    if gz::is_honorific(&first) {
        honorific = true;
        // "Mr. Okonjo" is Okonjo; "Dr. Dre" is a stage name.
        if name.len() > 2 || !first.starts_with("dr") {
            name.start += 1;
        }
    }
    if name.is_empty() {
        return;
    }
    // A role set off after the name makes a person of a name of two words
    // or more that names no organisation or place and no preposition
    // governs ("Bank of America, the owner of the pier"; "Separately, the
    // director said"; "In Tarn Vellmar, the mayor said").
    let ungoverned_plain = || {
        tokens[name.clone()].iter().all(|t| !gz::names_org_or_place(&lower(t.without_possessive())))
            && crate::tokens::governor(tokens, name.start).is_none()
    };
    let role_set_off = || role_after(tokens, name.end) && name.len() >= 2 && ungoverned_plain();
    // An age set off after it, "Ferreira-Bright, 22,", makes a person of a
    // name of any length with no organisation or place word that no
    // preposition governs ("in Harris County, 12, and ..." counts).
    let aged = || age_after(tokens, name.end) && ungoverned_plain();
    let person_cue = honorific || role_text.is_some() || role_set_off() || aged();
    // "Professor Heino Falcke of Radboud University", "Mitchell Held of
    // Marrowby Securities": the person (with a cue, or a given name and a
    // surname), then where they work.
    let of = (name.start + 1..name.end.saturating_sub(1)).find(|&n| tokens[n].text == "of");
    // Two words quoted by their run, "said Ian Dorsey of Marrowby Vance",
    // "Ian Dorsey of Marrowby Vance said", are a person's whatever the given
    // name, unless "the" comes first ("the Humane Care of Otters said").
    let speaks = |k: usize| tokens.get(k).is_some_and(|t| SPEECH.iter().any(|v| t.is(v)));
    let after_the = name.start.checked_sub(1).is_some_and(|k| tokens[k].is("the"));
    let quoted = (speaks(name.end) || name.start.checked_sub(1).is_some_and(speaks)) && !after_the;
    // Words of no organisation, place or office ("the Joint Chiefs of
    // Staff said"), that the article writes in lower case nowhere ("the
    // Fraternal Order of Police said" where "order" is a word).
    let plain = |of: usize| {
        tokens[name.start..of].iter().all(|t| {
            let word = lower(t.text);
            let office = gz::is_role(&word) || word.strip_suffix('s').is_some_and(gz::is_role);
            let common = article.lowercase_words.contains(word.as_str());
            t.is_capitalized() && !gz::names_org_or_place(&word) && !office && !common
        })
    };
    let quoted_person = |of: usize| of - name.start == 2 && quoted && plain(of);
    let named_person = |of: usize| {
        of - name.start == 2
            && (gz::is_first_name(&lower(tokens[name.start].text)) || quoted_person(of))
            && !gz::is_title(&lower(tokens[name.start + 1].text))
    };
    let quoted_cue = of.is_some_and(quoted_person);
    if let Some(of) = of.filter(|&of| person_cue || named_person(of)) {
        let text = span(tokens, of + 1..name.end);
        let kind = match classify(&text, None, false) {
            // Where a person with no cue works is no person of its own.
            EntityKind::Person | EntityKind::Other if !person_cue => EntityKind::Organisation,
            kind => kind,
        };
        if kind != EntityKind::Person {
            out.push(Entity::new(text, kind, index));
        }
        name.end = of;
    }
    // "Deputy General Manager of Sumitomo Bank": after a title, the
    // office's last word before "of" is no one's name.
    let office = name.len() == 1 && role_text.is_some() && tokens.get(name.end).is_some_and(|t| t.text == "of");
    if office && gz::is_role(&lower(tokens[name.start].text)) {
        return;
    }
    let text = span(tokens, name.clone());
    let kind = classify(&text, role_text.as_deref(), person_cue || quoted_cue);
    let mut entity = Entity::new(text, kind, index);
    entity.role = role_text;
    entity.female = honorific.then(|| gz::honorific_female(&first)).flatten();
    out.push(entity);
}

/// Where the role begins: a capitalised word before the first title that
/// is not a place or organisation ("Fire Chief", "Foreign Minister") is
/// part of it; "L.A." in "L.A. Mayor" is not.
fn role_start(words: &[String], first_title: usize) -> usize {
    let mut start = first_title;
    while start > 0 {
        let word = &words[start - 1];
        let named = gz::is_place_name(word) || gz::alias(word).is_some() || word.contains('.');
        if named || gz::is_first_name(word) {
            break;
        }
        start -= 1;
    }
    start
}

/// A lower-case role noun just before a name ("gymnast", "her brother").
/// One capitalised because it opens the sentence ("Comedian Dana Vogt") is
/// in the name's run, and `chunk` splits it off.
fn role_before(tokens: &[Token<'_>], start: usize) -> Option<String> {
    let at = start.checked_sub(1)?;
    let previous = tokens.get(at)?;
    if !previous.is_word() || previous.is_capitalized() {
        return None;
    }
    let word = lower(previous.text);
    gz::is_role_noun(&word).then_some(word)
}

/// A role noun opening a run of names before a given name ("Comedian
/// Dana Vogt"), or before two words that name no organisation or place
/// ("Actress Uma Thurman", when "Uma" is no given name we list).
fn role_opens_name(words: &[String]) -> bool {
    let named = || {
        words.get(1).is_some_and(|w| gz::is_first_name(w))
            || (words.len() >= 3 && !words[1..].iter().any(|w| gz::names_org_or_place(w)))
    };
    words.first().is_some_and(|w| gz::is_role_noun(w)) && named()
}

/// Most words between a name's comma and the role of an appositive
/// ("Lai Mohammed, the country's information minister").
const APPOSITIVE_WORDS: usize = 4;

/// Words after a role that tell where it is held: "director of the zoo",
/// "coach for the champions", "professor at the university".
const ROLE_DOMAIN: &[&str] = &["at", "for", "of"];

/// Words that may open an appositive before its role: "the minister",
/// "his lawyer", "Nigeria's information minister", or the role itself
/// ("director of the zoo"). A clause ("whose director", "which fired
/// its director") says nothing of the name.
const APPOSITIVE_OPENERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

/// Whether the name ending before token `end` is set off by a role in
/// lower case: "Lai Mohammed, the minister of information", "Thane
/// Maynard, director of the zoo". The role ends the appositive or comes
/// before where it is held ([`ROLE_DOMAIN`]).
fn role_after(tokens: &[Token<'_>], end: usize) -> bool {
    if !tokens.get(end).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let words: Vec<&Token<'_>> =
        tokens[end + 1..].iter().take_while(|t| t.is_word()).take(APPOSITIVE_WORDS + 1).collect();
    let Some(first) = words.first() else { return false };
    let opener = APPOSITIVE_OPENERS.iter().any(|w| first.is(w)) || first.is_possessive();
    // Word `n` is token `end + 1 + n`; the token after it closes the role.
    let closes = |n: usize| tokens.get(end + 2 + n).is_none_or(|t| !t.is_word() || ROLE_DOMAIN.iter().any(|w| t.is(w)));
    words.iter().enumerate().any(|(n, word)| {
        let role = !word.is_capitalized() && gz::is_role(&lower(word.text)) && closes(n);
        role && (n == 0 || opener)
    })
}

/// Whether the name ending before token `end` is set off by an age:
/// "Ferreira-Bright, 22, came through the academy", or in a fact box's
/// list, "Husband Tarn, 47; children Wenna, 10, and Tessaly, 7" (a
/// semicolon or the line's end closing it). Only a person's name is.
fn age_after(tokens: &[Token<'_>], end: usize) -> bool {
    let [comma, number] = tokens.get(end..end + 2).unwrap_or_default() else { return false };
    let age = number.is_number() && number.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n));
    let closed = tokens.get(end + 2).is_none_or(|close| [',', ')', ';'].iter().any(|&c| close.is_punct(c)));
    comma.is_punct(',') && age && closed
}

/// The text of tokens `range`, as written, without a final possessive.
fn span(tokens: &[Token<'_>], range: std::ops::Range<usize>) -> String {
    let mut out = String::new();
    for (n, token) in tokens[range.clone()].iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let last = n + 1 == range.len();
        out.push_str(if last { token.without_possessive() } else { token.text });
    }
    out
}

fn classify(name: &str, role: Option<&str>, person_cue: bool) -> EntityKind {
    let words: Vec<String> = name.split(' ').map(lower).collect();
    let whole = lower(name);
    let first = words.first().map(String::as_str).unwrap_or("");
    let last = words.last().map(String::as_str).unwrap_or("");
    if gz::is_place_name(&whole) || gz::alias(&whole).is_some_and(|a| gz::is_place_name(&lower(a))) {
        return EntityKind::Place;
    }
    if words.iter().any(|w| gz::is_org_word(w)) && !person_cue {
        return EntityKind::Organisation;
    }
    if person_cue || role.is_some() {
        return EntityKind::Person;
    }
    if words.len() > 1 && (gz::is_place_word(last) || gz::is_place_word(first)) {
        return EntityKind::Place;
    }
    // "Route 40", "Terminal 2"; "Flight 175" is neither place nor person.
    let numbered = words.len() > 1 && gz::is_numbered(first) && last.bytes().all(|b| b.is_ascii_digit());
    if numbered {
        return if first == "flight" { EntityKind::Other } else { EntityKind::Place };
    }
    // A lone word in capitals is an acronym ("737 MAX", "TED"), not a given name.
    let acronym = words.len() == 1 && is_acronym(name);
    if gz::is_first_name(first) && !gz::is_demonym(last) && !acronym {
        return EntityKind::Person;
    }
    if acronym {
        return if gz::alias(&whole).is_some() { EntityKind::Place } else { EntityKind::Organisation };
    }
    EntityKind::Other
}

/// Links short forms to full names within one article: aliases to what
/// they stand for, a lone surname or first name to the one person it
/// belongs to, and a multi-word name whose last word is used alone to a
/// person.
fn link(entities: &mut [Entity], speakers: &HashSet<String>) {
    for entity in entities.iter_mut() {
        if let Some(full) = gz::alias(&lower(&entity.name)) {
            entity.written = Some(std::mem::replace(&mut entity.name, full.to_owned()));
        }
    }
    // A name whose last word someone is quoted by ("Musk said"), addressed
    // with ("Mr. Musk") or is a person by on its own ("Musk, 46,") is a
    // person's.
    // A given name on its own says nothing of a longer name ending with it
    // ("Maria" and "Hurricane Maria").
    let surnames: HashSet<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && !e.name.contains(' '))
        .map(|e| lower(&e.name))
        .filter(|name| !gz::is_first_name(name))
        .collect();
    // A name with "of" inside is a thing's ("the Humane Care of Otters
    // said"), and one ending in a newspaper's word a paper's ("the Vellmar
    // Daily said"), not a person's.
    let paper = |e: &Entity| e.name.rsplit(' ').next().is_some_and(is_paper_word);
    let promoted =
        |e: &&mut Entity| e.kind == EntityKind::Other && e.name.contains(' ') && !e.name.contains(" of ") && !paper(e);
    for entity in entities.iter_mut().filter(promoted) {
        let last = entity.name.rsplit(' ').next().map(lower).unwrap_or_default();
        if speakers.contains(&last) || surnames.contains(&last) {
            entity.kind = EntityKind::Person;
        }
    }
    let mut by_part: HashMap<String, Option<String>> = HashMap::new();
    let named = |e: &&Entity| matches!(e.kind, EntityKind::Person | EntityKind::Other) && e.name.contains(' ');
    for entity in entities.iter().filter(named) {
        let words: Vec<&str> = entity.name.split(' ').collect();
        // A person is named by surname or given name; a name of unknown
        // kind ("Snoop Dogg") by its last word only.
        let first = if entity.kind == EntityKind::Person { words[0] } else { words[words.len() - 1] };
        let parts = [first, words[words.len() - 1]];
        for part in parts.into_iter().filter(|p| !gz::is_honorific(&lower(p))) {
            by_part
                .entry(lower(part))
                .and_modify(|full| {
                    if full.as_deref() != Some(entity.name.as_str()) {
                        *full = None;
                    }
                })
                .or_insert_with(|| Some(entity.name.clone()));
        }
    }
    // A company named after a family, "Marrowby Brewing Co" beside "Ines
    // Marrowby": a lone "Marrowby" may be either, and is linked to neither,
    // unless someone is quoted by it.
    // "the Biden Administration" is a government, named after its head: a
    // lone "Biden" is still the person.
    let named_after_family = |e: &&Entity| {
        e.kind == EntityKind::Organisation && e.name.contains(' ') && !lower(&e.name).ends_with(" administration")
    };
    for company in entities.iter().filter(named_after_family) {
        let first = company.name.split(' ').next().map(lower).unwrap_or_default();
        // One quoted by the name alone ("Arians said") is a person still.
        if speakers.contains(&first) {
            continue;
        }
        if let Some(full) = by_part.get_mut(&first) {
            *full = None;
        }
    }
    // A surname addressed as a woman's ("Ms. Thurman") is no man's full
    // name ("her father, Robert Thurman"), and one addressed as a man's no
    // woman's: it stands for someone the article does not name in full.
    // Addressed both ways ("Ms. Vance", "Mr. Vance, her husband"), a
    // surname tells no one's sex.
    let mut addressed: HashMap<String, Option<bool>> = HashMap::new();
    for entity in entities.iter().filter(|e| !e.name.contains(' ')) {
        if let Some(female) = entity.female {
            let sex = addressed.entry(lower(&entity.name)).or_insert(Some(female));
            if *sex != Some(female) {
                *sex = None;
            }
        }
    }
    for (part, female) in addressed.into_iter().filter_map(|(part, sex)| sex.map(|sex| (part, sex))) {
        let full = by_part.get(&part).and_then(Option::as_deref);
        let surname_of = full.filter(|full| lower(full).ends_with(&format!(" {part}")));
        let other_sex = surname_of
            .and_then(|full| full.split(' ').next())
            .and_then(|first| gz::female_name(&lower(first)))
            .is_some_and(|sex| sex != female);
        if other_sex {
            let alone = entities.iter_mut().filter(|e| !e.name.contains(' ') && lower(&e.name) == part);
            alone.for_each(|e| e.kind = EntityKind::Person);
            by_part.insert(part, None);
        }
    }
    let kinds: HashMap<String, EntityKind> = entities.iter().filter(named).map(|e| (e.name.clone(), e.kind)).collect();
    let kinds: HashMap<&str, EntityKind> = kinds.iter().map(|(name, kind)| (name.as_str(), *kind)).collect();
    for entity in entities.iter_mut().filter(|e| !e.name.contains(' ')) {
        if matches!(entity.kind, EntityKind::Place)
            && entity.written.is_none()
            && gz::is_place_name(&lower(&entity.name))
        {
            continue;
        }
        if let Some(Some(full)) = by_part.get(&lower(&entity.name)) {
            entity.written = Some(std::mem::replace(&mut entity.name, full.clone()));
            entity.kind = kinds.get(full.as_str()).copied().unwrap_or(EntityKind::Person);
        }
    }
}

/// Links a stock ticker to its company: a short form in capitals in angle
/// brackets or parentheses right after an organisation's name, "Vellmar
/// Research Inc <VLM>", "Brennick Corp (BRK.N)", is that organisation
/// wherever the article writes it, not an organisation of its own.
/// Returns the exchanges' codes written after tickers ("PA" in
/// "<TLMF.PA>"), by sentence: no organisations either.
fn link_tickers(article: &Article<'_>, entities: &mut [Entity]) -> HashSet<(usize, String)> {
    let mut tickers: HashMap<String, String> = HashMap::new();
    let mut exchanges = HashSet::new();
    for (index, tokens) in article.sentences.iter().enumerate() {
        for (i, open) in tokens.iter().enumerate().skip(1) {
            if !(open.is_punct('<') || open.is_punct('(')) {
                continue;
            }
            let inside: Vec<&Token<'_>> =
                tokens[i + 1..].iter().take_while(|t| !(t.is_punct('>') || t.is_punct(')'))).take(4).collect();
            let closed = tokens.get(i + 1 + inside.len()).is_some_and(|t| t.is_punct('>') || t.is_punct(')'));
            // A ticker alone, "<VLM>", or with its exchange's code after a
            // dot, "BRK.N", "FIAT.MI", or before a colon, "NYSE: BRK".
            let capitals = |t: &&Token<'_>| t.is_word() && t.text.chars().all(|c| c.is_ascii_uppercase());
            let (ticker, exchange) = match inside.as_slice() {
                [ticker] if capitals(ticker) => (*ticker, None),
                [ticker, dot, code] if capitals(ticker) && dot.is_punct('.') && capitals(code) => {
                    (*ticker, Some(*code))
                }
                [code, colon, ticker] if capitals(code) && colon.is_punct(':') && capitals(ticker) => {
                    (*ticker, Some(*code))
                }
                _ => continue,
            };
            if !closed {
                continue;
            }
            exchanges.extend(exchange.map(|code| (index, code.text.to_owned())));
            let before = tokens[i - 1].text.trim_end_matches('.');
            let company = entities.iter().find(|e| {
                e.sentence == index
                    && e.kind == EntityKind::Organisation
                    && e.name.contains(' ')
                    && e.name.rsplit(' ').next().is_some_and(|last| last.trim_end_matches('.') == before)
            });
            if let Some(company) = company {
                tickers.insert(ticker.text.to_owned(), company.name.clone());
            }
        }
    }
    for entity in entities.iter_mut() {
        if let Some(company) = tickers.get(&entity.name) {
            entity.written = Some(std::mem::replace(&mut entity.name, company.clone()));
            entity.kind = EntityKind::Organisation;
        }
    }
    exchanges
}

/// Each role noun of an article's people, with the one person who has it
/// (`None` when several do).
pub(crate) type PeopleByRole = HashMap<String, Option<String>>;

/// The people of one article by their role noun.
pub(crate) fn people_by_role(entities: &[Entity]) -> PeopleByRole {
    let mut map = PeopleByRole::new();
    for entity in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let Some(role) = entity.role_noun() else { continue };
        map.entry(role)
            .and_modify(|name| {
                if name.as_deref() != Some(entity.name.as_str()) {
                    *name = None;
                }
            })
            .or_insert_with(|| Some(entity.name.clone()));
    }
    map
}
