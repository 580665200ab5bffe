//! Direct quotations and who said them.
//!
//! A quote is text between quotation marks (curly or straight) of four
//! words or more; it may run over several sentences. Its speaker is the
//! name next to a reporting verb just after it (`"…," Okonjo said`, `"…,"
//! said harbour master Ian Castellane`), in the short sentence after a
//! quote that ends its own (`"… tonight?" Wendy Marsh asked.`), or just
//! before it (`Tom wrote, "…"`; for a fragment that opens in lower case,
//! the sentence's sayer however far: `Suga said the test was an
//! "unprecedented threat"`); the subject set off by an appositive (`Zhu
//! Congpeng, from the agency, said`); the name after a role (`said the
//! firm's director, Ian Dorsey`, `study author Xinyu Dai said`, `Bruce
//! Steinberg's sister, Tamara Jacobson, wrote`); never a name after a
//! preposition (`the ambassador to the United Nations said`, `mother of
//! victim Ian Dorsey said`). "he said", "she said" and "the scientist
//! said" stand for a person named near the quote (a description first for
//! the article's one person with that role; only a pronoun falls back on
//! the subject of the sentence before, and a pronoun never stands for a
//! name governed by a preposition, save a passive's agent, a source and a
//! possessive: see [`object`]). A document's words (`"…," the
//! letter began`, `the statement said`) are its author's: the person named
//! last before the document in the latest of the three sentences before
//! that tells of it (`Palmer announced his retirement in an open letter`).
//! A quote that opens the sentence right after another's attribution, with
//! none of its own (no reporting verb after it), is the same speaker's
//! (`"…," Okonjo said. "…"`, and `"…," she said. "…"` once "she" is
//! resolved). A speaker is given by the full name the article uses.

use crate::entities::PeopleByRole;
use crate::tokens::{governor, tokenize, Token, TokenKind};
use crate::{Entity, EntityKind, Quote};

const REPORTING: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "asked",
    "called",
    "cautioned",
    "claimed",
    "commented",
    "conceded",
    "continued",
    "declared",
    "described",
    "describes",
    "emphasised",
    "emphasized",
    "explained",
    "explains",
    "hailed",
    "insisted",
    "insists",
    "joked",
    "noted",
    "notes",
    "posted",
    "quipped",
    "recalled",
    "recalls",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "urged",
    "warned",
    "warns",
    "writes",
    "wrote",
];
/// Reporting verbs that also name things: they report only a quote that
/// opens in lower case, a fragment of the sentence.
const NAMING: &[&str] = &["called", "hailed"];
const PRONOUNS: &[&str] = &["he", "she"];
/// Quotes longer than this many sentences are unbalanced marks, not quotes.
const MAX_SENTENCES: usize = 6;
const MIN_WORDS: usize = 4;

fn is_reporting(token: &Token<'_>) -> bool {
    token.is_word() && REPORTING.iter().any(|v| token.is(v))
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '«')
}
fn is_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Single marks are apostrophes far more often than quotes, so one opens a
/// quote only before a capital letter, at the start of the sentence or
/// after a space or a bracket ("'The container will …"), and closes it only
/// after the quote's own punctuation and before a space or the end (",'
/// Zhang said").
fn opens_single(sentence: &str, at: usize, c: char) -> bool {
    if !matches!(c, '\'' | '‘') {
        return false;
    }
    let before = sentence[..at].chars().next_back();
    let after = sentence[at + c.len_utf8()..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || b == '(') && after.is_some_and(char::is_uppercase)
}
fn closes_single(sentence: &str, at: usize, c: char) -> bool {
    if !matches!(c, '\'' | '’') {
        return false;
    }
    let before = sentence[..at].chars().next_back();
    let after = sentence[at + c.len_utf8()..].chars().next();
    before.is_some_and(|b| matches!(b, ',' | '.' | '!' | '?')) && after.is_none_or(char::is_whitespace)
}

struct Open {
    sentence: usize,
    text: String,
    head: String,
    /// Opened by a single mark.
    single: bool,
    /// Opened by a straight double mark, which does not say whether it opens
    /// or closes.
    straight: bool,
}

/// The quotes of an article's sentences with their speakers; `by_role`
/// are its people by role, for speakers described ("the scientist said").
pub(crate) fn extract(
    sentences: &[String],
    paragraphs: &[bool],
    tokenized: &[Vec<Token<'_>>],
    entities: &[Entity],
    by_role: &PeopleByRole,
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    // The speaker of the last attributed quote, and the sentence its
    // attribution ended.
    let mut attributed: Option<(usize, String)> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        if tokenized[index].is_empty() {
            open = None;
            continue;
        }
        if let Some(current) = &open {
            if index - current.sentence > MAX_SENTENCES {
                open = None;
            }
        }
        // A quote does not run on into the next paragraph, except where
        // that opens with a curly mark again: one quote told over several
        // paragraphs, each opened and only the last closed. A straight mark
        // there may as well close the quote as open a new one, so the open
        // one is dropped rather than paired with narration.
        let mut last = 0;
        if paragraphs.get(index).copied().unwrap_or(false) {
            let continued = sentence.starts_with(is_open) && open.as_ref().is_some_and(|o| !o.single && !o.straight);
            if continued {
                last = sentence.chars().next().map_or(0, char::len_utf8);
            } else {
                open = None;
            }
        }
        let skip = last;
        for (at, c) in sentence.char_indices().skip_while(|&(at, _)| at < skip) {
            let straight = c == '"';
            // A mark that opens a quote, and whether it is a single one.
            let opens = if is_open(c) || straight {
                Some(false)
            } else if opens_single(sentence, at, c) {
                Some(true)
            } else {
                None
            };
            match &mut open {
                // Inside what a single mark opened, a double mark shows the
                // single one was an apostrophe, and another single mark that
                // opens shows it set off a name or a title ("Stage 1 'Flying
                // Around': …").
                None | Some(Open { single: true, .. }) if opens.is_some() => {
                    open = Some(Open {
                        sentence: index,
                        text: String::new(),
                        head: sentence[..at].to_owned(),
                        single: opens == Some(true),
                        straight,
                    });
                    last = at + c.len_utf8();
                }
                Some(current)
                    if (!current.single && (is_close(c) || straight))
                        || (current.single && closes_single(sentence, at, c)) =>
                {
                    if !current.text.is_empty() {
                        current.text.push(' ');
                    }
                    current.text.push_str(&sentence[last..at]);
                    let current = open.take().expect("open quote");
                    let tail = &sentence[at + c.len_utf8()..];
                    let close = Close { tail, sentence: index, sentences: tokenized };
                    finish(current, close, entities, by_role, &mut out, &mut attributed);
                    last = at + c.len_utf8();
                }
                _ => {}
            }
        }
        if let Some(current) = &mut open {
            if !current.text.is_empty() {
                current.text.push(' ');
            }
            current.text.push_str(&sentence[last..]);
        }
    }
    out
}

/// Where a quote closed: the rest of its sentence, the sentence's index,
/// and the article's sentences as tokens.
struct Close<'s, 't> {
    tail: &'s str,
    sentence: usize,
    sentences: &'s [Vec<Token<'t>>],
}

fn finish(
    open: Open,
    close: Close<'_, '_>,
    entities: &[Entity],
    by_role: &PeopleByRole,
    out: &mut Vec<Quote>,
    attributed: &mut Option<(usize, String)>,
) {
    let text = open.text.trim().trim_end_matches(',').trim().to_owned();
    if text.split_whitespace().count() < MIN_WORDS {
        return;
    }
    let tail = tail_tokens(close.tail);
    // A quote that ends its sentence is attributed by the next one when
    // that is a short clause of saying (`"… tonight?" Wendy Marsh asked.`),
    // not when it reports more (`"… control." Herman said that …`).
    let next = close.sentences.get(close.sentence + 1).map(Vec::as_slice);
    let next = next.filter(|next| tail.is_empty() && text.ends_with(['.', '!', '?']) && short_attribution(next));
    let end_sentence = close.sentence + usize::from(next.is_some());
    let named = speaker_after(next.unwrap_or(&tail)).or_else(|| speaker_before(&open.head, fragment(&text)));
    let span = (open.sentence, end_sentence);
    let own = named.and_then(|named| resolve(named, span, &text, close.sentences, entities, by_role));
    // `"…," Okonjo said. "…"`: the second quote goes on with Okonjo's
    // words, unless it has a reporting verb of its own (`"…," the
    // statement said`).
    let goes_on = || {
        let opens_sentence = open.head.trim().is_empty() && !attributed_after(&tail);
        attributed
            .as_ref()
            .filter(|(sentence, _)| opens_sentence && *sentence + 1 >= open.sentence)
            .map(|(_, speaker)| speaker.clone())
    };
    let speaker = own.or_else(goes_on);
    *attributed = speaker.clone().map(|speaker| (end_sentence, speaker));
    out.push(Quote { text, speaker, sentence: open.sentence });
}

/// The capitalised run ending just before token `end`, as text; none when
/// a preposition governs it.
fn run_before(tokens: &[Token<'_>], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 && tokens[start - 1].is_capitalized() {
        start -= 1;
    }
    if governor(tokens, start).is_some() {
        return None;
    }
    // Capitalised words that join clauses, and "I", name no one: "As I
    // said", "But Marsh said" ("May said" is Theresa May's).
    while start < end && CONNECTIVES.contains(&tokens[start].text.to_lowercase().as_str()) {
        start += 1;
    }
    (start < end).then(|| tokens[start..end].iter().map(|t| t.without_possessive()).collect::<Vec<_>>().join(" "))
}

/// Words that open a clause before its subject, and "I".
const CONNECTIVES: &[&str] = &["and", "as", "but", "i", "if", "or", "so", "then", "when", "while", "yet"];

fn run_after(tokens: &[Token<'_>], start: usize) -> Option<String> {
    let mut start = start;
    // Role words in lower case before the name ("harbour master Ian ...").
    while start < tokens.len() && tokens[start].is_word() && !tokens[start].is_capitalized() && start < 6 {
        start += 1;
    }
    let mut end = start;
    while end < tokens.len() && tokens[end].is_capitalized() {
        end += 1;
    }
    // "said Common Sense's CEO, James Steyer": the name after the role.
    let lower_role = tokens.get(end).is_some_and(|t| t.is_word() && !t.is_capitalized() && is_role(t.text));
    let role_end = if lower_role { end + 1 } else { end };
    let role = lower_role || (end > start && is_role(tokens[end - 1].text));
    if role
        && tokens.get(role_end).is_some_and(|t| t.is_punct(','))
        && tokens.get(role_end + 1).is_some_and(Token::is_capitalized)
    {
        return run_after(tokens, role_end + 1);
    }
    // "said Westshire doctor Ian Dorsey", "said Marrowby Futures analyst
    // Maria Vance": a team's, a firm's or a place's role, then the name.
    if lower_role && tokens.get(role_end).is_some_and(Token::is_capitalized) {
        return run_after(tokens, role_end);
    }
    (start < end).then(|| tokens[start..end].iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

fn is_role(word: &str) -> bool {
    crate::gazetteer::is_role(&word.to_lowercase())
}

/// Who a quote's attribution names.
enum Named {
    /// A name as written ("Okonjo", "Harbour master Ian Castellane").
    Name(String),
    /// "he" or "she": whether it is "she".
    Pronoun(bool),
    /// "the scientist": the role noun.
    Described(String),
    /// "the letter began": a document, whose author speaks.
    Document(String),
}

/// The tokens of what follows a quote in its sentence that may attribute
/// it.
fn tail_tokens(tail: &str) -> Vec<Token<'_>> {
    tokenize(tail.get(..tail.len().min(160)).unwrap_or(tail))
}

/// Whether a reporting verb follows a quote (its tail's tokens, see
/// [`tail_tokens`]) closely enough to attribute it (within
/// [`APPOSITIVE_TOKENS`]).
fn attributed_after(tail: &[Token<'_>]) -> bool {
    tail.iter().take(APPOSITIVE_TOKENS).any(is_reporting)
}

/// Words a reporting verb may take after it (`told The New York Times`)
/// in an attribution after a quote that ended its own sentence.
const SHORT_ATTRIBUTION: usize = 4;

/// Whether the sentence after a quote that ended its own (its tokens)
/// attributes it (`Herman said.`, `Mr. Harris asked.`) rather than reports
/// more (`Herman said that …`, `Wendt says women should feel safe
/// everywhere.`) or answers it (`"Yes," Marsh said.`): a reporting verb
/// with no colon and no quotation mark before it, followed by at most
/// [`SHORT_ATTRIBUTION`] words and no "that" before the sentence ends.
fn short_attribution(tail: &[Token<'_>]) -> bool {
    let Some(verb) = tail.iter().take(VERB_TOKENS).position(is_reporting) else {
        return false;
    };
    let marked = |t: &Token<'_>| t.text.chars().any(|c| c == '"' || c == '\'' || is_open(c) || is_close(c));
    if tail[..verb].iter().any(|t| t.is_punct(':') || (!t.is_word() && marked(t))) {
        return false;
    }
    let mut words = 0;
    for token in &tail[verb + 1..] {
        if token.is_punct('.') || token.is_punct('!') || token.is_punct('?') {
            break;
        }
        if token.is_punct(':') || token.is("that") {
            return false;
        }
        words += usize::from(token.is_word());
    }
    words <= SHORT_ATTRIBUTION
}

/// Who the words after a quote (its tail's tokens) say spoke it.
fn speaker_after(tokens: &[Token<'_>]) -> Option<Named> {
    if let Some(document) = document(tokens) {
        return Some(Named::Document(document));
    }
    // The reporting verb comes right after the quote: `, Okonjo said`,
    // `, said harbour master Ian Castellane`, `, Fire Chief Okonjo told`.
    let verb = tokens.iter().take(VERB_TOKENS).position(is_reporting);
    if let Some(verb) = verb {
        let before = &tokens[..verb];
        if let Some(role) = description(before) {
            return Some(Named::Described(role));
        }
        // `, Alexis Lerner, Bruce Steinberg's sister, wrote`, `, Bruce
        // Steinberg's sister, Alexis Lerner, wrote`.
        if let Some(name) = appositive(tokens, verb) {
            return Some(Named::Name(name));
        }
        // `, study author Xinyu Dai said`, `, Bruce Steinberg's sister
        // Tamara Jacobson wrote`: a role, then the name.
        let name = trailing_name(before);
        if name < before.len() && only_role_before(before, name) {
            return run_before(tokens, verb).map(Named::Name);
        }
        let only_name_before = before
            .iter()
            .all(|t| !t.is_word() || t.is_capitalized() || PRONOUNS.iter().any(|p| t.is(p)) || is_role(t.text));
        // Other words before the verb, and no appositive found above: no
        // name this quote's speaker can be told by.
        if !only_name_before {
            return None;
        }
        if verb > 0 && PRONOUNS.iter().any(|p| tokens[verb - 1].is(p)) {
            return Some(Named::Pronoun(tokens[verb - 1].is("she")));
        }
        return run_before(tokens, verb).or_else(|| run_after(tokens, verb + 1)).map(Named::Name);
    }
    // `, Zhu Congpeng, a spokesman for the agency, said`; `, Bruce
    // Steinberg's sister, Tamara Jacobson, wrote`.
    if let Some(verb) = tokens.iter().take(APPOSITIVE_TOKENS).position(is_reporting) {
        return appositive(tokens, verb).map(Named::Name);
    }
    let according = tokens.windows(2).position(|w| w[0].is("according") && w[1].is("to"))?;
    (according < 3).then(|| run_after(tokens, according + 2)).flatten().map(Named::Name)
}

/// Whether a quote is a fragment of the sentence around it: it opens in
/// lower case ("described the girls as being in “reasonably good health
/// …”").
fn fragment(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
}

/// Who the words before a quote in its sentence say spoke it: the subject
/// of a reporting verb right before it (`Tom wrote, "…"`), or, for a
/// fragment, of the sentence's last reporting verb, however far (`Suga
/// said the test was an "unprecedented threat"`).
fn speaker_before(head: &str, fragment: bool) -> Option<Named> {
    let tokens = tokenize(head);
    let verb = tokens.iter().rposition(is_reporting)?;
    if tokens.len() - verb > 5 && !fragment {
        return None;
    }
    // "called the vote "a turning point"" reports words; "a ferry called
    // "The Pride of Vellmar"" names a thing.
    if NAMING.iter().any(|v| tokens[verb].is(v)) && !fragment {
        return None;
    }
    if verb > 0 && PRONOUNS.iter().any(|p| tokens[verb - 1].is(p)) {
        return Some(Named::Pronoun(tokens[verb - 1].is("she")));
    }
    if let Some(role) = description(&tokens[..verb]) {
        return Some(Named::Described(role));
    }
    if let Some(subject) = appositive_subject(&tokens, verb) {
        return Some(Named::Name(subject));
    }
    // The name right before the verb (`Tom wrote, "…"`), or before "and
    // <verb>" (`Tom reposted the tweet and wrote, "…"` is too far: none).
    run_before(&tokens, verb).filter(|run| !crate::english().is_stop_word(&run.to_lowercase())).map(Named::Name)
}

/// Tokens after a quote within which its reporting verb is looked for
/// right after a name: `, Costa Rican President Luis Solis said`.
const VERB_TOKENS: usize = 8;
/// Lower-case words before a role noun that open a speaker's description
/// (`study author`).
const ROLE_WORDS: usize = 2;
/// Tokens after a quote within which `Name, appositive, said` is looked for.
const APPOSITIVE_TOKENS: usize = 28;
/// Tokens of a description before its verb, "the" included: "the
/// scientist", "the veteran actress".
const DESCRIPTION_TOKENS: usize = 3;

/// Where the capitalised run that ends `tokens` starts.
fn trailing_name(tokens: &[Token<'_>]) -> usize {
    tokens.iter().rposition(|t| !t.is_capitalized()).map_or(0, |n| n + 1)
}

/// Whether all of `tokens[..name]` is a role for the name that starts at
/// `name`: a role noun or title in lower case (and a comma), after at most two
/// lower-case words that are no preposition ("study author"; in "mother of
/// victim Ian Dorsey" the victim is not the speaker) or after a possessive
/// name ("Bruce Steinberg's sister, Tamara Jacobson, wrote"), punctuation
/// aside.
fn only_role_before(tokens: &[Token<'_>], name: usize) -> bool {
    let mut end = name;
    if end > 0 && tokens[end - 1].is_punct(',') {
        end -= 1;
    }
    let Some(role) = end.checked_sub(1) else {
        return false;
    };
    let noun = &tokens[role];
    if !noun.is_word() || noun.is_capitalized() || !is_role(noun.text) {
        return false;
    }
    let head: Vec<&Token<'_>> = tokens[..role].iter().filter(|t| t.is_word()).collect();
    let lower = head.iter().rev().take_while(|t| !t.is_capitalized()).count();
    let owner = &head[..head.len() - lower];
    let governed = head[head.len() - lower..].iter().any(|t| t.is_preposition());
    match owner.last() {
        None => lower <= ROLE_WORDS && !governed,
        Some(last) => lower == 0 && last.is_possessive() && owner.iter().all(|t| t.is_capitalized()),
    }
}

/// The name set off by commas before a reporting verb, before or after its
/// role: `Zhu Congpeng, from the agency, said`, `Bruce Steinberg's
/// sister, Tamara Jacobson, wrote`.
fn appositive(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    appositive_subject(tokens, verb).or_else(|| role_appositive(tokens, verb))
}

/// The name set off by commas between a role and the reporting verb:
/// `Bruce Steinberg's sister, Tamara Jacobson, wrote`.
fn role_appositive(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    if verb == 0 || !tokens[verb - 1].is_punct(',') {
        return None;
    }
    let before = &tokens[..verb - 1];
    let name = trailing_name(before);
    (name < before.len() && name > 0 && tokens[name - 1].is_punct(',') && only_role_before(before, name))
        .then(|| run_before(tokens, verb - 1))
        .flatten()
}

/// A person described rather than named, right before the reporting verb
/// (`"…," the scientist said`): "the" and a role noun, with at most one
/// lower-case word between. The role noun, in lower case.
fn description(before: &[Token<'_>]) -> Option<String> {
    let the = before.iter().rposition(|t| t.is("the"))?;
    let words = &before[the + 1..];
    let role = words.last()?.text.to_lowercase();
    let plain = words.iter().all(|t| t.is_word() && !t.is_capitalized());
    (plain && the + DESCRIPTION_TOKENS >= before.len() && crate::gazetteer::is_role_noun(&role)).then_some(role)
}

/// The subject of a reporting verb set off by an appositive: `Zhu
/// Congpeng, from the space agency, said`. The name must open the clause
/// (nothing but it before its comma, apart from a leading comma).
fn appositive_subject(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    if verb == 0 || !tokens[verb - 1].is_punct(',') {
        return None;
    }
    let comma = tokens[..verb - 1].iter().rposition(|t| t.is_punct(','))?;
    let opening = trailing_name(&tokens[..comma]);
    let clause_start = opening == 0 || tokens[opening - 1].is_punct(',') || tokens[opening - 1].is_punct(':');
    (comma > opening && clause_start && opening + 4 >= comma).then(|| run_before(tokens, comma)).flatten()
}

/// Documents whose words are quoted ("the letter began"): their author
/// speaks.
const DOCUMENTS: &[&str] = &["email", "letter", "memo", "message", "note", "post", "statement", "tweet"];
/// What a document does with its words.
const DOCUMENT_VERBS: &[&str] =
    &["added", "began", "concluded", "continued", "read", "reads", "said", "says", "stated"];
/// Sentences before a quote searched for its document's author.
const DOCUMENT_SENTENCES: usize = 3;

/// The document a quote's tail attributes it to: `,” the letter began.`,
/// `”, the statement said`.
fn document(tokens: &[Token<'_>]) -> Option<String> {
    let tokens = if tokens.first().is_some_and(|t| t.is_punct(',')) { &tokens[1..] } else { tokens };
    let [the, noun, verb, ..] = tokens else { return None };
    // "the Post said" is a newspaper.
    let known = DOCUMENTS.contains(&noun.text) && DOCUMENT_VERBS.iter().any(|v| verb.is(v));
    (the.is("the") && known).then(|| noun.text.to_owned())
}

/// The author of the document a quote in sentence `start` is from: in the
/// latest of the [`DOCUMENT_SENTENCES`] sentences before that tells of it,
/// the person named last before it ("Palmer announced his retirement in an
/// open letter, a day after Arians left" is Palmer's; "said Rabbi Ann
/// Blake in a statement" is Blake's), unless someone else reports between
/// them ("Ian Dorsey was charged, police said in a statement" is not
/// Dorsey's).
fn author(document: &str, start: usize, sentences: &[Vec<Token<'_>>], entities: &[Entity]) -> Option<String> {
    let at = |s: usize| sentences.get(s)?.iter().position(|t| t.is(document)).map(|p| (s, p));
    let (sentence, position) = (start.saturating_sub(DOCUMENT_SENTENCES)..start).rev().find_map(at)?;
    let tokens = &sentences[sentence][..position];
    let written_at = |e: &Entity| tokens.iter().rposition(|t| t.without_possessive() == last_written(e));
    let people = entities.iter().filter(|e| e.sentence == sentence && e.kind == EntityKind::Person);
    let (at, person) = people.filter_map(|e| written_at(e).map(|p| (p, e))).max_by_key(|(p, _)| *p)?;
    // A reporting verb between them is the person's only right after the
    // name ("Palmer announced … in a letter").
    let other_reports = tokens[at + 1..].iter().skip(1).any(is_reporting);
    (!other_reports).then(|| person.name.clone())
}

/// The article's full name for a speaker. A description ("the scientist")
/// is the article's one person with that role; it and a pronoun are
/// otherwise the one person named from the sentence before the quote to its
/// end. A pronoun is else the first person named in the sentence before
/// (its subject); a description is not: "Thurman said she had worries, but
/// that Tarantino had persuaded her. The director said …" turns to someone
/// else. A document is its author's (see [`author`]). `(start, end)` are
/// the sentences the quote and its attribution span.
fn resolve(
    named: Named,
    (start, end): (usize, usize),
    quote: &str,
    sentences: &[Vec<Token<'_>>],
    entities: &[Entity],
    by_role: &PeopleByRole,
) -> Option<String> {
    let name = match named {
        Named::Name(name) => name,
        Named::Described(role) => {
            return by_role
                .get(crate::gazetteer::role_key(&role))
                .cloned()
                .flatten()
                .or_else(|| nearby((start, end), quote, entities, sentences, None));
        }
        Named::Pronoun(she) => return nearby((start, end), quote, entities, sentences, Some(she)),
        Named::Document(document) => return author(&document, start, sentences, entities),
    };
    let name = name.as_str();
    let lower = name.to_lowercase();
    let matches = |e: &&Entity| {
        let full = e.name.to_lowercase();
        full == lower
            || e.written.as_deref().is_some_and(|w| w.eq_ignore_ascii_case(name))
            || full.ends_with(&format!(" {lower}"))
            || lower.ends_with(&format!(" {full}"))
    };
    let person = entities.iter().filter(|e| e.kind == EntityKind::Person).find(matches);
    // "said the Science and Technology Daily": the run stops at "and", the
    // name the entities joined goes on.
    let joined = format!("{lower} and ");
    let joined = || {
        entities
            .iter()
            .filter(|e| e.kind != EntityKind::Person && e.sentence + 1 >= start && e.sentence <= end)
            .find(|e| e.name.to_lowercase().starts_with(&joined))
    };
    match person.or_else(joined) {
        Some(person) => Some(person.name.clone()),
        None if name.split(' ').count() <= 4 => Some(name.to_owned()),
        None => None,
    }
}

/// The person a pronoun or a description near a quote stands for: the one
/// named from the sentence before it (`start`) to its end, or else, for a
/// pronoun, the first named in the sentence before. A pronoun is a
/// subject, so it stands for no one named as an object: "in an interview
/// with columnist Maureen Dowd. “…,” she said" is the interviewee's. No one
/// the quote names is its speaker, however near: in "“Ian Dorsey will
/// win,” she said" she is someone else, and in "Dorsey's plan was
/// criticised by Maria Vance. “Dorsey has failed,” she said" she is Vance.
fn nearby(
    (start, end): (usize, usize),
    quote: &str,
    entities: &[Entity],
    sentences: &[Vec<Token<'_>>],
    pronoun: Option<bool>,
) -> Option<String> {
    // "she" stands for no man named by a man's given name, "he" for no
    // woman by a woman's.
    let agrees = |e: &Entity| {
        let first = e.name.split(' ').next().unwrap_or_default().to_lowercase();
        let female = crate::gazetteer::female_name(&first);
        pronoun.is_none_or(|she| female.is_none_or(|female| female == she))
    };
    // Named by the full name, or by the surname alone: not after another
    // given name ("my son Ian Dorsey" names no Maria Dorsey).
    let quoted = tokenize(quote);
    let named_in_quote = |e: &Entity| {
        let last = last_written(e);
        let first = e.name.split(' ').next().unwrap_or_default();
        quoted.iter().enumerate().any(|(k, t)| {
            let before = k.checked_sub(1).map(|k| &quoted[k]);
            let another_name = before.is_some_and(|b| b.is_capitalized() && b.text != first);
            t.without_possessive() == last && !another_name
        })
    };
    let near: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.sentence + 1 >= start && e.sentence <= end)
        .filter(|e| !named_in_quote(e) && agrees(e))
        .filter(|e| pronoun.is_none() || !object(e, sentences) && !only_quoted(e, sentences))
        .collect();
    let names: std::collections::BTreeSet<&str> = near.iter().map(|e| e.name.as_str()).collect();
    if names.len() == 1 {
        return names.into_iter().next().map(str::to_owned);
    }
    let she = pronoun?;
    if near.is_empty() {
        let subject = subject_of(entities, she).filter(|e| !named_in_quote(e))?;
        // Anyone else the pronoun may stand for, named in the sentences
        // just before (the one quoted a paragraph up), leaves it no one's.
        let before = start.saturating_sub(SUBJECT_LOOKBACK);
        let other = entities.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.name != subject.name
                && e.sentence >= before
                && e.sentence <= end
                && !named_in_quote(e)
                && sex_of(e, entities).is_none_or(|female| female == she)
        });
        return (!other).then(|| subject.name.clone());
    }
    near.iter().find(|e| e.sentence + 1 == start).map(|e| e.name.clone())
}

/// Mentions of people an article's subject has at least, and more than
/// half of all.
const SUBJECT_MENTIONS: usize = 3;
/// Sentences before a pronoun's quote in which no one else the pronoun may
/// stand for is named, for it to be the subject's.
const SUBJECT_LOOKBACK: usize = 4;

/// The sex of a person, by the given name of the full name or by an
/// honorific any of its mentions was written with; `None` when neither
/// tells.
fn sex_of(person: &Entity, entities: &[Entity]) -> Option<bool> {
    // A name of one word is a surname ("Ms. Martin"), not a given name.
    let given = person.name.split_once(' ').map(|(first, _)| first.to_lowercase());
    let addressed = || entities.iter().filter(|e| e.name == person.name).find_map(|e| e.female);
    given.and_then(|first| crate::gazetteer::female_name(&first)).or_else(addressed)
}

/// The person an article is about, for a pronoun with no one named near
/// it ("“…,” she says" deep in a profile): the one person with more than
/// half the article's mentions of people, at least [`SUBJECT_MENTIONS`],
/// whose sex, by a given name or an honorific ("Ms. Thurman"), is the
/// pronoun's.
fn subject_of(entities: &[Entity], she: bool) -> Option<&Entity> {
    let people: Vec<&Entity> = entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for person in &people {
        *counts.entry(person.name.as_str()).or_default() += 1;
    }
    let (name, mentions) = counts.into_iter().max_by_key(|(_, n)| *n)?;
    if mentions < SUBJECT_MENTIONS || mentions * 2 <= people.len() {
        return None;
    }
    let subject = people.into_iter().find(|e| e.name == name)?;
    (sex_of(subject, entities) == Some(she)).then_some(subject)
}

/// Whether a mention is governed by a preposition: the words before its
/// last word, over capitals, role words and "the", start with one ("with
/// New York Times columnist Maureen Dowd", "to the President"). The
/// agent of a passive ("announced by Maria Lopez"), a source ("according
/// to Lopez") and a possessive ("in Lopez's view") may be the subject a
/// pronoun stands for.
fn object(entity: &Entity, sentences: &[Vec<Token<'_>>]) -> bool {
    let Some(tokens) = sentences.get(entity.sentence) else { return false };
    let last = last_written(entity);
    let governed = |at: usize| {
        let mut left = at;
        while left > 0
            && (tokens[left - 1].is_capitalized() || tokens[left - 1].is("the") || is_role(tokens[left - 1].text))
        {
            left -= 1;
        }
        let source_or_agent = |p: usize| tokens[p].is("by") || (p > 0 && tokens[p - 1].is("according"));
        governor(tokens, left).is_some_and(|p| !source_or_agent(p)) && !tokens[at].is_possessive()
    };
    let mut mentions = tokens.iter().enumerate().filter(|(_, t)| t.without_possessive() == last).map(|(at, _)| at);
    let first = mentions.next();
    first.is_some_and(governed) && mentions.all(governed)
}

/// Whether every mention of `entity` in its sentence is inside quotation
/// marks that close in it: someone a quoted post names ("'Marrowby Leader
/// Ian Dorsey just stated ...'") is no one a pronoun after it stands for.
/// Marks are read on the tokens: curly and angled ones open and close; a
/// straight double one opens when it touches the word after it and not
/// the one before, and closes when it touches the one before; a single one
/// opens the same way before a capital, and closes an open single one when
/// it touches the word before it and not the one after ("the 'Harbour
/// First' plan"; "the players' union" closes nothing) or follows a
/// sentence's punctuation, which at the sentence's end closes every open
/// single one. A double one closing closes the single ones inside it
/// ("'Taipei, China',"). A quote that does not close in the sentence (a
/// title in single marks with its comma outside, "'Project Harbour', Ian
/// Dorsey said"; one running on into the next sentence) quotes no one.
fn only_quoted(entity: &Entity, sentences: &[Vec<Token<'_>>]) -> bool {
    let Some(tokens) = sentences.get(entity.sentence) else { return false };
    let last = last_written(entity);
    let end = |t: &Token<'_>| t.start + t.text.len();
    // The marks open, as (single, number), the numbers of those closed, and
    // for each mention the marks open around it.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut closed: Vec<usize> = Vec::new();
    let mut mentions: Vec<Vec<usize>> = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        let before = k.checked_sub(1).map(|k| &tokens[k]);
        let after = tokens.get(k + 1);
        if token.kind == TokenKind::Punct {
            let c = token.text.chars().next().unwrap_or_default();
            let touches_after = after.is_some_and(|a| a.start == end(token) && a.kind != token.kind);
            let touches_before = before.is_some_and(|b| end(b) == token.start && !b.is_punct('('));
            let after_punctuation = touches_before && before.is_some_and(|b| b.text.starts_with(['.', ',', '!', '?']));
            let word_before = touches_before && before.is_some_and(|b| b.kind != TokenKind::Punct);
            let last_words = !tokens[k + 1..].iter().any(|t| t.kind != TokenKind::Punct);
            let single = matches!(c, '\'' | '‘' | '’');
            let single_open = open.last().is_some_and(|(single, _)| *single);
            let opens = match c {
                '"' => touches_after && !touches_before,
                '\'' | '‘' => touches_after && !touches_before && after.is_some_and(Token::is_capitalized),
                c => is_open(c),
            };
            let closes = match c {
                '"' => touches_before,
                '\'' | '’' => single_open && (after_punctuation || (word_before && !touches_after)),
                c => is_close(c),
            };
            if opens {
                open.push((single, k));
            } else if closes && single {
                while let Some((true, n)) = open.last().copied() {
                    open.pop();
                    closed.push(n);
                    if !(after_punctuation && last_words) {
                        break;
                    }
                }
            } else if closes {
                while let Some((single, n)) = open.pop() {
                    closed.push(n);
                    if !single {
                        break;
                    }
                }
            }
        } else if token.without_possessive() == last {
            mentions.push(open.iter().map(|(_, n)| *n).collect());
        }
    }
    !mentions.is_empty() && mentions.iter().all(|around| around.iter().any(|n| closed.contains(n)))
}

/// The last word of a mention as the article wrote it ("Dowd" for
/// "Maureen Dowd", "Thurman" for a later "Thurman").
fn last_written(entity: &Entity) -> &str {
    let name = entity.written.as_deref().unwrap_or(&entity.name);
    name.rsplit(' ').next().unwrap_or(name)
}
