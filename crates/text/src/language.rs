//! Language identification.
//!
//! whatlang's trigram models, on a bounded prefix of the text so that cost
//! does not grow with article length, with a second opinion for English.
//! On short text whatlang is often unsure, and sometimes wrong: it reads
//! "The mayor said the bridge would reopen next week" as Danish with
//! confidence 0.02. Function words settle such cases cheaply: unsure text
//! in which at least a fifth of the words are English stop words is
//! English. Text in which three words in ten are is English without asking
//! whatlang, whose trigrams cost a tenth of an ingest's time: English news
//! runs at about four in ten (BBC's articles: 99% at 0.29 or more, median
//! 0.42), other languages in Latin letters far below (French, German,
//! Spanish, Italian, Dutch and Swedish news sentences at 0.06 or less,
//! Portuguese 0.12: "a", "as", "no", "do").

use crate::Analyzer;

/// How many bytes of text are looked at.
const SAMPLE_BYTES: usize = 1_000;

/// Below this confidence a guess is not reported.
const MIN_CONFIDENCE: f64 = 0.5;

/// Share of English stop words above which unsure text is called English.
const ENGLISH_STOP_WORD_SHARE: f64 = 0.2;

/// Share of English stop words above which text is English, sure or not.
const SURELY_ENGLISH_SHARE: f64 = 0.3;

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
    let english = english_stop_word_share(sample);
    if english >= SURELY_ENGLISH_SHARE {
        return Some(whatlang::Lang::Eng.code());
    }
    let info = whatlang::detect(sample)?;
    if info.is_reliable() {
        return Some(info.lang().code());
    }
    if info.script() == whatlang::Script::Latin && english >= ENGLISH_STOP_WORD_SHARE {
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
    fn other_languages_in_latin_letters_are_not_taken_for_english() {
        // Their function words that English shares ("a", "in", "no", "do")
        // stay far below the share that makes text English at once.
        for (text, language) in [
            ("El alcalde dijo el martes que el puente volverá a abrir la próxima semana tras las obras.", "spa"),
            ("Il sindaco ha detto martedì che il ponte riaprirà la prossima settimana dopo i lavori.", "ita"),
            ("De burgemeester zei dinsdag dat de brug volgende week na de werkzaamheden weer opengaat.", "nld"),
            ("O prefeito disse na terça-feira que a ponte vai reabrir na próxima semana após as obras.", "por"),
        ] {
            assert!(english_stop_word_share(text) < SURELY_ENGLISH_SHARE / 2.0, "{text}");
            assert_eq!(detect_language(text), Some(language), "{text}");
        }
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
