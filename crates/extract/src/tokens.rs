//! A small tokenizer for fact extraction, finer than UAX #29 words where news
//! needs it: initials and abbreviations keep their periods ("L.A.", "Dr."),
//! numbers keep their separators ("1,900", "3.8", "7:42"), hyphenated words
//! stay whole ("62-year-old"), and punctuation is kept as tokens so that
//! clauses and quotes can be told apart.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a sentence, borrowing its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offset in the sentence.
    pub start: usize,
    pub kind: TokenKind,
}

impl<'a> Token<'a> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// A dash on its own: a hyphen, an en dash or an em dash.
    pub fn is_dash(&self) -> bool {
        self.is_punct('-') || self.is_punct('–') || self.is_punct('—')
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters and no lower-case letter ("NASA", "LA28", "L.A.").
    pub fn is_all_caps(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// The text without a possessive ending ("Japan's" → "Japan").
    pub fn without_possessive(&self) -> &'a str {
        possessive_stem(self.text).unwrap_or(self.text)
    }

    pub fn is_possessive(&self) -> bool {
        possessive_stem(self.text).is_some()
    }

    /// Lower-case comparison with an ASCII word.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// One of the [`PREPOSITIONS`] that make a name after them an object.
    pub(crate) fn is_preposition(&self) -> bool {
        PREPOSITIONS.iter().any(|p| self.is(p))
    }
}

/// Words after which a name is an object, not a subject: "the US
/// Ambassador to the United Nations said", "In Vellmar, the mayor said".
const PREPOSITIONS: &[&str] = &["at", "by", "for", "from", "in", "of", "on", "to", "with"];

/// The preposition that governs the words starting at token `start`, "the"
/// between them aside ("to the United Nations", "In Vellmar").
pub(crate) fn governor(tokens: &[Token<'_>], start: usize) -> Option<usize> {
    let before = start - usize::from(start > 0 && tokens[start - 1].is("the"));
    before.checked_sub(1).filter(|&p| tokens[p].is_preposition())
}

fn possessive_stem(text: &str) -> Option<&str> {
    for suffix in ["'s", "’s", "s'", "s’"] {
        if let Some(stem) = text.strip_suffix(suffix) {
            if !stem.is_empty() {
                return Some(if suffix.starts_with('s') { &text[..text.len() - suffix.len() + 1] } else { stem });
            }
        }
    }
    None
}

/// Abbreviations whose period belongs to the word, lower case.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "dec", "dept", "dr", "feb", "ft", "gen", "gov",
    "hon", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "mar", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "prof",
    "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs",
];

fn is_initials(word: &str) -> bool {
    // "L.A" or "U.S" (the final period is checked by the caller).
    word.contains('.')
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
}

/// Splits one sentence into tokens.
pub fn tokenize(sentence: &str) -> Vec<Token<'_>> {
    let bytes = sentence.as_bytes();
    let mut tokens = Vec::with_capacity(sentence.len() / 5);
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            tokens.push(Token { text: &sentence[start..end], start, kind: TokenKind::Punct });
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut end = start + c.len_utf8();
        while let Some(&(index, next)) = chars.peek() {
            if next.is_alphanumeric() {
                end = index + next.len_utf8();
                chars.next();
                continue;
            }
            let after = sentence[index + next.len_utf8()..].chars().next();
            let before_digit = sentence[..index].chars().next_back().is_some_and(|p| p.is_ascii_digit());
            let keep = match next {
                '\'' | '’' => after.is_some_and(char::is_alphabetic),
                '-' => after.is_some_and(char::is_alphanumeric),
                ',' => {
                    numeric
                        && before_digit
                        && bytes.get(index + 1..index + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                        && !bytes.get(index + 4).is_some_and(u8::is_ascii_digit)
                }
                '.' | ':' if numeric => before_digit && after.is_some_and(|a| a.is_ascii_digit()),
                '.' => {
                    // Initials go on ("L.A"); the final period is taken below.
                    after.is_some_and(char::is_alphabetic)
                        && sentence[index + 1..].chars().nth(1).is_some_and(|c| c == '.')
                        && is_initials(&format!("{}.x", &sentence[start..index]))
                }
                _ => false,
            };
            if !keep {
                break;
            }
            end = index + next.len_utf8();
            chars.next();
        }
        // A final period that belongs to the word: initials or abbreviations.
        if !numeric && bytes.get(end) == Some(&b'.') {
            let word = &sentence[start..end];
            let initials = is_initials(word) || (word.len() == 1 && word.chars().all(char::is_uppercase));
            let abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            // "He lives in the U.S." ends the sentence with the period; keep it
            // on the word either way, the sentence splitter already decided.
            if initials || abbreviation {
                end += 1;
                chars.next();
            }
        }
        let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        tokens.push(Token { text: &sentence[start..end], start, kind });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let tokens: Vec<&str> = tokenize(input).iter().map(|t| t.text).collect();
        assert_eq!(tokens, expected, "{input:?}");
    }

    #[test]
    fn keeps_initials_abbreviations_numbers_and_hyphens() {
        check(
            "L.A. Mayor Karen Bass, 62, met Dr. Dre.",
            &["L.A.", "Mayor", "Karen", "Bass", ",", "62", ",", "met", "Dr.", "Dre", "."],
        );
        check(
            "The 62-year-old paid $3.8 million for 1,900 seats at 7:42 a.m.",
            &["The", "62-year-old", "paid", "$", "3.8", "million", "for", "1,900", "seats", "at", "7:42", "a.m."],
        );
        check("Japan’s U.S. ally, 1,2,3", &["Japan’s", "U.S.", "ally", ",", "1", ",", "2", ",", "3"]);
    }

    #[test]
    fn possessives_and_caps() {
        let tokens = tokenize("Japan's NASA LA28 Tom");
        assert_eq!(tokens[0].without_possessive(), "Japan");
        assert!(tokens[1].is_all_caps() && tokens[2].is_all_caps() && !tokens[3].is_all_caps());
        assert!(tokens[3].is_capitalized());
    }
}
