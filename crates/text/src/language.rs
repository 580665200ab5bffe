//! Language identification.
//!
//! whatlang's trigram models, on a bounded prefix of the text so that cost
//! does not grow with article length, with a second opinion for English.
//! On short text whatlang is often unsure, and sometimes wrong: it reads
//! "The mayor said the bridge would reopen next week" as Danish with
//! confidence 0.02. Function words settle such cases cheaply: text in which
//! at least a fifth of the words are English stop words is English.

use crate::Analyzer;

/// How many bytes of text are looked at.
const SAMPLE_BYTES: usize = 1_000;

/// Below this confidence a guess is not reported.
const MIN_CONFIDENCE: f64 = 0.5;

/// Share of English stop words above which unsure text is called English.
const ENGLISH_STOP_WORD_SHARE: f64 = 0.2;

/// The fewest words the stop-word vote needs.
const MIN_WORDS_TO_VOTE: usize = 4;

/// The ISO 639-3 code (`eng`, `fra`, `deu`) of the language `text` is
/// written in, or `None` when it cannot be told.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let info = whatlang::detect(sample)?;
    if info.is_reliable() {
        return Some(info.lang().code());
    }
    if info.script() == whatlang::Script::Latin && english_stop_word_share(sample) >= ENGLISH_STOP_WORD_SHARE {
        return Some(whatlang::Lang::Eng.code());
    }
    (info.confidence() >= MIN_CONFIDENCE).then(|| info.lang().code())
}

/// The share of words in `sample` that are English stop words, or 0 when
/// there are too few words to say.
fn english_stop_word_share(sample: &str) -> f64 {
    let analyzer = Analyzer::english();
    let (mut words, mut stop_words) = (0usize, 0usize);
    for token in analyzer.tokens(sample) {
        words += 1;
        stop_words += usize::from(analyzer.is_stop_word(&token.word.to_lowercase()));
    }
    if words < MIN_WORDS_TO_VOTE {
        return 0.0;
    }
    stop_words as f64 / words as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_common_languages_apart() {
        assert_eq!(
            detect_language("The mayor said the bridge would reopen next week after repairs were finished."),
            Some("eng")
        );
        assert_eq!(
            detect_language("Le maire a déclaré que le pont rouvrirait la semaine prochaine après les travaux."),
            Some("fra")
        );
        assert_eq!(
            detect_language(
                "Der Bürgermeister sagte, die Brücke werde nächste Woche nach den Reparaturen wieder geöffnet."
            ),
            Some("deu")
        );
    }

    #[test]
    fn short_english_is_english() {
        assert_eq!(detect_language("Crews worked through the night to clear what was left of the pier"), Some("eng"));
        assert_eq!(detect_language("Harbour board says fog, not pilots, slowed the ferries"), Some("eng"));
    }

    #[test]
    fn says_nothing_about_nothing() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("1234 5678"), None);
    }

    #[test]
    fn samples_long_text_on_a_char_boundary() {
        let text = "é".repeat(5_000);
        let _ = detect_language(&text);
        let english = "The council approved the budget on Tuesday. ".repeat(500);
        assert_eq!(detect_language(&english), Some("eng"));
    }
}
