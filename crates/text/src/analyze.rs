//! Tokens, stop words and stems: the terms that clustering and dedup count.
//!
//! A token is a Unicode word (UAX #29) with at least one letter or digit.
//! Terms are tokens lower-cased, with stop words dropped and the rest
//! stemmed by the Snowball stemmer of the article's language. Curly
//! apostrophes are read as straight ones, so "Paris’s" and "Paris's" agree.

use crate::stopwords;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// A word of the text, as written, with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    pub offset: usize,
}

impl Token<'_> {
    /// Starts with an upper-case letter: a cue for names.
    pub fn is_capitalized(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Turns text into terms for one language.
pub struct Analyzer {
    stemmer: Stemmer,
    stop_words: &'static [&'static str],
}

impl Analyzer {
    /// English: stop words and the Snowball English (Porter 2) stemmer.
    pub fn english() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English), stop_words: stopwords::ENGLISH }
    }

    /// The analyzer for an ISO 639-3 code, English for languages without a
    /// Snowball stemmer. Only English has a stop-word list so far.
    pub fn for_language(code: Option<&str>) -> Self {
        let algorithm = match code {
            Some("ara") => Algorithm::Arabic,
            Some("dan") => Algorithm::Danish,
            Some("nld") => Algorithm::Dutch,
            Some("fin") => Algorithm::Finnish,
            Some("fra") => Algorithm::French,
            Some("deu") => Algorithm::German,
            Some("ell") => Algorithm::Greek,
            Some("hun") => Algorithm::Hungarian,
            Some("ita") => Algorithm::Italian,
            Some("nob") => Algorithm::Norwegian,
            Some("por") => Algorithm::Portuguese,
            Some("ron") => Algorithm::Romanian,
            Some("rus") => Algorithm::Russian,
            Some("spa") => Algorithm::Spanish,
            Some("swe") => Algorithm::Swedish,
            Some("tam") => Algorithm::Tamil,
            Some("tur") => Algorithm::Turkish,
            _ => return Self::english(),
        };
        Self { stemmer: Stemmer::create(algorithm), stop_words: &[] }
    }

    /// The words of `text` in order.
    pub fn tokens<'a>(&self, text: &'a str) -> impl Iterator<Item = Token<'a>> + 'a {
        text.unicode_word_indices()
            .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
            .map(|(offset, word)| Token { word, offset })
    }

    /// Whether a lower-cased word is a stop word.
    pub fn is_stop_word(&self, lowercase: &str) -> bool {
        self.stop_words.binary_search(&lowercase).is_ok()
    }

    /// The term for one word: lower-cased and stemmed, or `None` for a stop
    /// word or a single character.
    pub fn term(&self, word: &str) -> Option<String> {
        let mut lower = word.to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        if lower.chars().nth(1).is_none() || self.is_stop_word(&lower) {
            return None;
        }
        Some(self.stemmer.stem(&lower).into_owned())
    }

    /// Every term of `text`, in order, repeats kept.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.tokens(text).filter_map(|token| self.term(token.word)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_stop_words_and_stem() {
        let terms = Analyzer::english().terms("The Harbour: Impossible captain took the ferry wheel, didn't he?");
        assert_eq!(terms, ["harbour", "imposs", "captain", "took", "ferri", "wheel"]);
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        let analyzer = Analyzer::english();
        assert_eq!(analyzer.terms("Paris’s mayor isn’t here"), analyzer.terms("Paris's mayor isn't here"));
    }

    #[test]
    fn tokens_keep_offsets_and_capitals() {
        let analyzer = Analyzer::english();
        let tokens: Vec<_> = analyzer.tokens("Karen Bass, 62, spoke — briefly.").collect();
        let words: Vec<_> = tokens.iter().map(|t| t.word).collect();
        assert_eq!(words, ["Karen", "Bass", "62", "spoke", "briefly"]);
        assert_eq!(tokens[1].offset, 6);
        assert!(tokens[0].is_capitalized() && !tokens[3].is_capitalized());
    }

    #[test]
    fn other_languages_stem_with_their_own_rules() {
        let french = Analyzer::for_language(Some("fra"));
        assert_eq!(french.terms("les pompiers"), ["le", "pompi"]);
        assert_eq!(Analyzer::for_language(Some("xyz")).terms("running"), ["run"]);
    }
}
