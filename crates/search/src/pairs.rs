//! Word pairs: a token filter that turns a stream of words into the pairs
//! of adjacent words ("central bank" from "central", "bank"), each at the
//! position of its first word.
//!
//! The body's pairs are indexed in a field of their own, so that a phrase
//! query over bodies reads the postings of rare pairs instead of checking
//! the positions of every document holding common words: a two-word phrase
//! becomes one term, a longer one a phrase of pairs (the technique behind
//! Elasticsearch's `index_phrases`).

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Separates the two words of a pair term.
pub const PAIR_SEPARATOR: char = ' ';

/// The pair term of two analysed words.
pub fn pair(first: &str, second: &str) -> String {
    let mut pair = String::with_capacity(first.len() + second.len() + 1);
    push_pair(&mut pair, first, second);
    pair
}

/// Appends the pair term of two analysed words to `out`.
fn push_pair(out: &mut String, first: &str, second: &str) {
    out.push_str(first);
    out.push(PAIR_SEPARATOR);
    out.push_str(second);
}

#[derive(Clone, Copy, Debug, Default)]
pub struct PairFilter;

impl TokenFilter for PairFilter {
    type Tokenizer<T: Tokenizer> = PairTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairTokenizer<T> {
        PairTokenizer(tokenizer)
    }
}

#[derive(Clone, Debug)]
pub struct PairTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for PairTokenizer<T> {
    type TokenStream<'a> = PairStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        PairStream { words: self.0.token_stream(text), previous: None, token: Token::default() }
    }
}

pub struct PairStream<S> {
    words: S,
    /// The last word: its text, position and start offset.
    previous: Option<(String, usize, usize)>,
    token: Token,
}

impl<S: TokenStream> TokenStream for PairStream<S> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let word = self.words.token();
            let adjacent = matches!(&self.previous, Some((_, position, _)) if position + 1 == word.position);
            if adjacent {
                let (text, position, from) = self.previous.as_mut().expect("adjacent implies a previous word");
                self.token.text.clear();
                push_pair(&mut self.token.text, text, &word.text);
                self.token.position = *position;
                self.token.offset_from = *from;
                self.token.offset_to = word.offset_to;
                self.token.position_length = 1;
                text.clear();
                text.push_str(&word.text);
                *position = word.position;
                *from = word.offset_from;
                return true;
            }
            self.previous = Some((word.text.clone(), word.position, word.offset_from));
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::PairFilter;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream};

    fn pairs(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(10))
            .filter(LowerCaser)
            .filter(PairFilter)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut pairs = Vec::new();
        while stream.advance() {
            pairs.push((stream.token().text.clone(), stream.token().position));
        }
        pairs
    }

    #[test]
    fn adjacent_words_pair_up_at_the_first_word() {
        assert_eq!(
            pairs("The Central Bank, said"),
            [("the central".to_owned(), 0), ("central bank".to_owned(), 1), ("bank said".to_owned(), 2)]
        );
        assert!(pairs("alone").is_empty());
    }

    #[test]
    fn no_pair_spans_a_removed_word() {
        assert_eq!(pairs("red extraordinarily blue sky"), [("blue sky".to_owned(), 2)]);
    }
}
