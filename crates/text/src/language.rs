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
//!
//! Short text whose letters are all ASCII is where whatlang errs most:
//! it read 32 English headlines of uci-headlines as French, German, Latin
//! or Romanian ("Chrysler Recalls 25000 Jeep Grand Cherokee, Dodge Durango
//! SUVs" as German, some of them "reliable"), and 535 of Reuters' English
//! earnings tables ("Shr loss 20 cts vs profit 96 cts") as French. Such a
//! guess kept them apart from their stories and stemmed them by another
//! language's rules. Most languages but English write letters outside
//! ASCII in any paragraph, so a guess of another language is taken from
//! ASCII letters only on [`FOREIGN_ASCII_MIN_WORDS`] words or more; on
//! fewer, the text is English by the stop-word vote, or of no known
//! language (which joins stories by its words alone). Since, uci-headlines
//! has no headline of another language left (pair F1 of a whole ingest
//! 0.742 to 0.747), and Reuters 140 French tables, those of 40 words or
//! more.

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

/// Words with a letter that text of ASCII letters only needs before
/// whatlang's guess of a language other than English is taken: a
/// paragraph, not a headline or a table's labels.
const FOREIGN_ASCII_MIN_WORDS: usize = 40;

/// The ISO 639-3 code (`eng`, `fra`, `deu`) of the language `text` is
/// written in, or `None` when it cannot be told.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let words = Words::of(sample);
    let english = words.english_share();
    if english >= SURELY_ENGLISH_SHARE {
        return Some(whatlang::Lang::Eng.code());
    }
    let info = whatlang::detect(sample)?;
    let foreign_in_ascii = info.lang() != whatlang::Lang::Eng
        && info.script() == whatlang::Script::Latin
        && sample.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii());
    if foreign_in_ascii && words.lettered < FOREIGN_ASCII_MIN_WORDS {
        return (english >= ENGLISH_STOP_WORD_SHARE).then(|| whatlang::Lang::Eng.code());
    }
    if info.is_reliable() {
        return Some(info.lang().code());
    }
    if info.script() == whatlang::Script::Latin && english >= ENGLISH_STOP_WORD_SHARE {
        return Some(whatlang::Lang::Eng.code());
    }
    (info.confidence() >= MIN_CONFIDENCE).then(|| info.lang().code())
}

/// The words of a sample, counted once for both votes.
struct Words {
    /// Words: runs with a letter or a digit.
    all: usize,
    /// Words with a letter (not "6.48", "1986").
    lettered: usize,
    /// Words that are English stop words.
    english: usize,
}

impl Words {
    fn of(sample: &str) -> Self {
        let analyzer = Analyzer::english();
        let mut words = Words { all: 0, lettered: 0, english: 0 };
        for token in analyzer.tokens(sample) {
            words.all += 1;
            words.lettered += usize::from(token.word.chars().any(char::is_alphabetic));
            words.english += usize::from(analyzer.is_stop_word(&token.word.to_lowercase()));
        }
        words
    }

    /// The share of words that are English stop words, or 0 when there are
    /// too few words to say.
    fn english_share(&self) -> f64 {
        if self.all < MIN_WORDS_TO_VOTE {
            return 0.0;
        }
        self.english as f64 / self.all as f64
    }
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
            ("O prefeito disse na terça-feira que a ponte vai reabrir na próxima semana após as obras.", "por"),
        ] {
            assert!(Words::of(text).english_share() < SURELY_ENGLISH_SHARE / 2.0, "{text}");
            assert_eq!(detect_language(text), Some(language), "{text}");
        }
        // One sentence in ASCII letters is too little to tell which (see
        // `a_headline_or_a_table_in_ascii_letters_is_no_foreign_language`),
        // but it is not English either.
        let dutch = "De burgemeester zei dinsdag dat de brug volgende week na de werkzaamheden weer opengaat.";
        assert!(Words::of(dutch).english_share() < SURELY_ENGLISH_SHARE / 2.0);
        assert_eq!(detect_language(dutch), None);
    }

    #[test]
    fn a_headline_or_a_table_in_ascii_letters_is_no_foreign_language() {
        // whatlang reads each of these as another language, some "reliably".
        for text in [
            "Vellmar Recalls 25000 Brennick Grand Tourer, Marrowby Dune SUVs",
            "Westshire Finale Sneak Peek: Clara Penrose, Ada Penrose Prepare for Ian ...",
            "Shr loss 20 cts vs profit 96 cts\nNet loss 499,000 vs profit 2,369,000\nRevs 11.5 mln vs 10.3 mln",
        ] {
            let language = detect_language(text);
            assert!(language.is_none() || language == Some("eng"), "{text}: {language:?}");
        }
        // A paragraph in ASCII letters is told as before.
        let dutch = "De burgemeester zei dinsdag dat de brug volgende week na de werkzaamheden weer opengaat. \
            Volgens de politie raakten bij het ongeluk drie mensen gewond, onder wie een kind van acht jaar. \
            De brandweer was in de late ochtend ter plaatse en het verkeer werd rond het middaguur hervat. \
            Hij voegde eraan toe dat het onderzoek nog loopt.";
        assert_eq!(detect_language(dutch), Some("nld"));
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
