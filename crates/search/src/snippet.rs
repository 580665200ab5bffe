//! Snippets: the part of a text around a query's words, with the words
//! marked.
//!
//! A search page cuts a snippet from every hit's title and body, so this is
//! on the hot path of every search. Words are found the way the index
//! finds them (runs of letters and digits, lower-cased, accents folded),
//! but without tokenizing the whole text: the query's ASCII words are
//! looked for in an ASCII-lower-cased copy with a vectorised substring
//! search and kept where they stand as whole words, and only the words
//! with other letters go through the index's analyser.

use memchr::memmem::Finder;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

/// A fragment of a text around the query's words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// Cuts snippets of titles and bodies for one query.
pub struct Highlighter {
    /// The query's words, as the index holds them (lower case, folded).
    words: Vec<String>,
    /// A substring search for each ASCII word of `words`, with its index.
    finders: Vec<(usize, Finder<'static>)>,
    analyzer: TextAnalyzer,
    max_chars: usize,
}

/// A word of a text that is one of the query's words.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    /// Which of the query's words.
    word: usize,
}

/// How far before the first marked word a body snippet may start, to show
/// the start of its sentence, in bytes (at most a quarter of the snippet).
const LEAD_CHARS: usize = 60;

impl Highlighter {
    pub(crate) fn new(mut words: Vec<String>, analyzer: TextAnalyzer, max_chars: usize) -> Self {
        words.sort();
        words.dedup();
        let finders = (words.iter().enumerate())
            .filter(|(_, word)| word.is_ascii())
            .map(|(at, word)| (at, Finder::new(word.as_bytes()).into_owned()))
            .collect();
        Self { words, finders, analyzer, max_chars: max_chars.max(1) }
    }

    /// `title` with the query's words marked (the whole title).
    pub fn title(&mut self, title: &str) -> Snippet {
        let highlights = self.find(title).into_iter().map(|found| (found.start, found.end)).collect();
        Snippet { text: title.to_owned(), highlights }
    }

    /// The part of `text` (an article body), about `max_chars` long, that
    /// holds the most of the query's different words, or an empty snippet
    /// when none of them occurs in it.
    pub fn body(&mut self, text: &str) -> Snippet {
        let found = self.find(text);
        let Some(best) = self.best_window(text, &found) else { return Snippet::default() };
        let start = sentence_start(text, found[best].start, self.lead());
        let end = word_end_before(text, start + self.max_chars);
        let highlights = found
            .iter()
            .filter(|word| word.start >= start && word.end <= end)
            .map(|word| (word.start - start, word.end - start))
            .collect();
        Snippet { text: text[start..end].to_owned(), highlights }
    }

    fn lead(&self) -> usize {
        LEAD_CHARS.min(self.max_chars / 4)
    }

    /// The index into `found` of the match that opens the best window: the
    /// one whose next `max_chars` bytes hold the most different words, then
    /// the most matches, then the earliest.
    fn best_window(&self, text: &str, found: &[Found]) -> Option<usize> {
        let mut best: Option<(usize, usize, usize)> = None;
        let mut seen = vec![false; self.words.len()];
        for (first, opening) in found.iter().enumerate() {
            let limit = sentence_start(text, opening.start, self.lead()) + self.max_chars;
            seen.iter_mut().for_each(|flag| *flag = false);
            let (mut distinct, mut matches) = (0, 0);
            for word in found[first..].iter().take_while(|word| word.end <= limit) {
                matches += 1;
                if !seen[word.word] {
                    seen[word.word] = true;
                    distinct += 1;
                }
            }
            if best.is_none_or(|(_, d, m)| (distinct, matches) > (d, m)) {
                best = Some((first, distinct, matches));
            }
            if distinct == self.words.len() {
                break;
            }
        }
        best.map(|(first, _, _)| first)
    }

    /// Every word of `text` that is one of the query's words, in order.
    fn find(&mut self, text: &str) -> Vec<Found> {
        let mut found = Vec::new();
        if self.words.is_empty() {
            return found;
        }
        // Lower-casing ASCII keeps every byte where it was.
        let lower = text.as_bytes().to_ascii_lowercase();
        for &(word, ref finder) in &self.finders {
            let len = finder.needle().len();
            for start in finder.find_iter(&lower) {
                let end = start + len;
                if !letter_before(text, start) && !letter_at(text, end) {
                    found.push(Found { start, end, word });
                }
            }
        }
        if !text.is_ascii() {
            // Such a word never matched above: it holds a letter outside
            // ASCII, so it needs the index's analyser.
            let mut at = 0;
            while let Some(offset) = text.as_bytes()[at..].iter().position(|byte| !byte.is_ascii()) {
                let (start, end) = word_around(text, at + offset);
                if start < end {
                    if let Some(word) = self.analysed(&text[start..end]) {
                        found.push(Found { start, end, word });
                    }
                    at = end;
                } else {
                    at = end + text[end..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
        found.sort_unstable_by_key(|word| word.start);
        found
    }

    /// A word with letters outside ASCII, analysed as the index analyses
    /// it, and matched against the query's words.
    fn analysed(&mut self, word: &str) -> Option<usize> {
        let mut stream = self.analyzer.token_stream(word);
        let mut matched = None;
        while stream.advance() {
            let text = &stream.token().text;
            if let Some(at) = self.words.iter().position(|query| query == text) {
                matched = Some(at);
            }
        }
        matched
    }
}

/// Whether the character that ends before byte `at` is a letter or digit.
fn letter_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether the character that starts at byte `at` is a letter or digit.
fn letter_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The word (run of letters and digits) around the character at byte
/// `at`; empty at `at` when that character is not a letter or digit.
fn word_around(text: &str, at: usize) -> (usize, usize) {
    if !letter_at(text, at) {
        return (at, at);
    }
    let start =
        text[..at].char_indices().rev().take_while(|(_, c)| c.is_alphanumeric()).last().map_or(at, |(start, _)| start);
    let end = text[at..].char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(text.len(), |(end, _)| at + end);
    (start, end)
}

/// Where a snippet showing the word at `at` starts: the start of its
/// sentence when that is at most `lead` bytes before it, else the start of
/// a word shortly before it.
fn sentence_start(text: &str, at: usize, lead: usize) -> usize {
    let from = floor_char_boundary(text, at.saturating_sub(lead));
    let before = &text[from..at];
    if let Some(stop) = before.rfind(['.', '!', '?', '\n']) {
        let after = &before[stop + 1..];
        return from + stop + 1 + (after.len() - after.trim_start().len());
    }
    if from == 0 {
        return 0;
    }
    // No sentence start near: begin at a word, a few words back.
    match before.find(' ') {
        Some(space) => from + space + 1,
        None => at,
    }
}

/// The end of the last whole word that ends at or before byte `limit` (the
/// whole text when it is shorter).
fn word_end_before(text: &str, limit: usize) -> usize {
    if limit >= text.len() {
        return text.len();
    }
    let limit = floor_char_boundary(text, limit);
    let head = &text[..limit];
    match head.rfind(|c: char| !c.is_alphanumeric()) {
        Some(cut) if cut > 0 => head[..cut].trim_end().len(),
        _ => limit,
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighter(words: &[&str], max_chars: usize) -> Highlighter {
        let index = tantivy::Index::create_in_ram(crate::schema::schema());
        let analyzer = crate::schema::register_analyzer(&index);
        Highlighter::new(words.iter().map(|word| word.to_string()).collect(), analyzer, max_chars)
    }

    fn marked(snippet: &Snippet) -> Vec<&str> {
        snippet.highlights.iter().map(|(start, end)| &snippet.text[*start..*end]).collect()
    }

    #[test]
    fn marks_whole_words_in_any_case_and_folds_accents() {
        let mut highlighter = highlighter(&["pier", "cafe"], 200);
        let snippet = highlighter.body("The PIER café reopened; piers and pierced ears did not.");
        assert_eq!(marked(&snippet), ["PIER", "café"]);
        assert_eq!(snippet.text, "The PIER café reopened; piers and pierced ears did not.");
    }

    #[test]
    fn the_window_with_the_most_different_words_wins() {
        let text = "Ferry news first. Nothing else here at all for a while, just filler words. \
                    The ferry hit the pier at dawn. More filler follows after that sentence.";
        let mut highlighter = highlighter(&["ferry", "pier"], 40);
        let snippet = highlighter.body(text);
        assert!(snippet.text.starts_with("The ferry hit the pier"), "{}", snippet.text);
        assert_eq!(marked(&snippet), ["ferry", "pier"]);
        assert!(snippet.text.len() <= 40);
    }

    #[test]
    fn a_snippet_starts_at_a_word_and_ends_at_a_word() {
        let text = format!("{} the pier was closed {}", "long ".repeat(40), "again ".repeat(40));
        let snippet = highlighter(&["pier"], 50).body(&text);
        assert!(snippet.text.starts_with("long ") || snippet.text.starts_with("the pier"), "{}", snippet.text);
        assert!(!snippet.text.ends_with(' ') && snippet.text.len() <= 50, "{:?}", snippet.text);
        assert_eq!(marked(&snippet), ["pier"]);
    }

    #[test]
    fn no_match_gives_an_empty_snippet_and_multibyte_text_is_cut_safely() {
        assert_eq!(highlighter(&["pier"], 20).body("Nothing to see."), Snippet::default());
        let text = "Ünïcödé wörds ".repeat(20) + "and the pier " + &"ß".repeat(100);
        let snippet = highlighter(&["pier"], 31).body(&text);
        assert_eq!(marked(&snippet), ["pier"]);
        let title = highlighter(&["zurich"], 20).title("Zürich talks");
        assert_eq!(marked(&title), ["Zürich"]);
    }

    #[test]
    fn words_outside_ascii_match_whole_and_only_once() {
        let mut highlighter = highlighter(&["bar", "москва"], 200);
        let snippet = highlighter.body("Cafébar, bar. Москва и москва; Москвария.");
        assert_eq!(marked(&snippet), ["bar", "Москва", "москва"]);
    }

    #[test]
    fn no_query_words_mark_nothing() {
        assert!(highlighter(&[], 20).title("A title").highlights.is_empty());
    }
}
