//! Small measures of sameness: name keys, edit distance, term sets, pairs
//! of words side by side, and a union-find for grouping.

use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// A name reduced for comparison: lower case, accents and punctuation
/// dropped, words kept apart ("Kim Jong-un" → ["kim", "jongun"]).
pub(crate) fn name_words(name: &str) -> Vec<String> {
    name.split([' ', '\u{a0}'])
        .map(|word| word.nfd().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
        .filter(|word| !word.is_empty() && !HONORIFICS.contains(&word.as_str()))
        .collect()
}

/// Honorifics dropped from names before comparing ("Mr Abe", "Shinzo Abe").
const HONORIFICS: &[&str] = &["dr", "mr", "mrs", "ms", "prof", "sir"];

/// Whether a name opens with an honorific ("Mr King", "Dr. Bishop").
pub(crate) fn has_honorific(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(|word| {
        let word: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        HONORIFICS.contains(&word.as_str())
    })
}

/// A word with the differences of transliteration and spelling convention
/// removed: accents dropped, a German umlaut's "e" dropped ("Sueddeutsche",
/// "Süddeutsche" and "Suddeutsche" agree; not after a diphthong's "u",
/// "Dauer" and "Daur" are two spellings), "y" read as "i" ("Sergei" and
/// "Sergey" agree), "iy" before a vowel written "i" ("Energiya" and
/// "Energia"), and, in the names that transliterations of Arabic write
/// with a consonant doubled or not ([`GEMINATED`]), that consonant
/// written once ("Mohammed" and "Mohamed", "Hassan" and "Hasan"). Any other
/// doubling is a misspelling: "Angella", "Montgomerry", "Steyerr",
/// "Daauer", "Sillverman".
pub(crate) fn transliteration(word: &str) -> String {
    let letters: Vec<char> = word
        .nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'y' { 'i' } else { c })
        .collect();
    let mut out = String::with_capacity(word.len());
    let mut single = String::with_capacity(word.len());
    for (n, &c) in letters.iter().enumerate() {
        let previous = n.checked_sub(1).map(|k| letters[k]);
        let before = n.checked_sub(2).map(|k| letters[k]);
        // Not the "e" after a diphthong's "u" ("Dauer", "Neuer").
        let diphthong = previous == Some('u') && matches!(before, Some('a' | 'e'));
        let umlaut = c == 'e' && matches!(previous, Some('a' | 'o' | 'u')) && !diphthong;
        let after = letters.get(n + 1).copied();
        let between_vowels = before.is_some_and(is_vowel) && after.is_some_and(is_vowel);
        let doubled = previous == Some(c) && !is_vowel(c) && between_vowels;
        // "Energiya" and "Energia", "Aliyev" and "Aliev": "iy" before a vowel.
        let glide = c == 'i' && previous == Some('i') && after.is_some_and(is_vowel);
        if !umlaut && !glide {
            out.push(c);
            if !doubled {
                single.push(c);
            }
        }
    }
    if GEMINATED.contains(&single.as_str()) {
        single
    } else {
        out
    }
}

/// Names that transliterations of Arabic write with a consonant doubled or
/// not, with every such consonant written once ("y" as "i"): "Abbas",
/// "Assad", "Hassan", "Hassib", "Hussain", "Hussein", "Jassim",
/// "Mohammed", "Muhammad", "Qassem".
const GEMINATED: &[&str] = &[
    "abas", "asad", "hasan", "hasib", "husain", "husein", "jasim", "mohamad", "mohamed", "muhamad", "muhamed", "qasem",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The words of a name run together: "Kim Jong Un" and "Kim Jong-un" agree.
pub(crate) fn name_key(name: &str) -> String {
    name_words(name).concat()
}

/// Optimal-string-alignment distance (Levenshtein with adjacent swaps),
/// giving up above `limit`.
pub(crate) fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut previous2 = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(previous2[j - 2] + 1);
            }
            current[j] = value;
        }
        std::mem::swap(&mut previous2, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Calendar words, left out of the terms that say what a sentence is about.
const CALENDAR: &[&str] = &[
    "april",
    "august",
    "decemb",
    "februari",
    "friday",
    "januari",
    "juli",
    "june",
    "march",
    "monday",
    "novemb",
    "octob",
    "saturday",
    "septemb",
    "sunday",
    "thursday",
    "today",
    "tuesday",
    "wednesday",
    "yesterday",
];

/// The salient terms of a sentence: stems, without stop words, numbers and
/// calendar words.
pub(crate) fn terms(sentence: &str) -> HashSet<String> {
    crate::english()
        .terms(sentence)
        .into_iter()
        .filter(|term| !term.chars().next().is_some_and(|c| c.is_ascii_digit()) && !CALENDAR.contains(&term.as_str()))
        .collect()
}

/// Pairs of terms side by side in a sentence once stop words are dropped
/// ("signed the order to launch": "sign order", "order launch"); a number,
/// a calendar word or a word of time or age ([`TIMING`]) ends a run ("a
/// 23-year-old man was arrested": "man arrest" only). Punctuation does not
/// ("the rocket, known as": "rocket known"). Left out: pairs of two
/// capitalised words, a name ("North Korea") that every sentence of a
/// story may share, and pairs with a verb of saying ([`SAYING`]).
pub(crate) fn phrases(sentence: &str) -> HashSet<String> {
    let english = crate::english();
    let mut out = HashSet::new();
    let mut previous: Option<(String, bool)> = None;
    for token in english.tokens(sentence) {
        let Some(term) = english.term(token.word) else { continue };
        let timing = CALENDAR.contains(&term.as_str()) || TIMING.contains(&term.as_str());
        if term.chars().next().is_some_and(|c| c.is_ascii_digit()) || timing {
            previous = None;
            continue;
        }
        let capital = token.is_capitalized();
        if let Some((before, before_capital)) = previous.take() {
            let name = capital && before_capital;
            let sourcing = SAYING.contains(&term.as_str()) || SAYING.contains(&before.as_str());
            if !(name || sourcing) {
                out.insert(format!("{before} {term}"));
            }
        }
        previous = Some((term, capital));
    }
    out
}

/// Words of time and age, as terms: "last week", "local time", "a
/// 23-year-old man" tell when or how old, which any two events share.
const TIMING: &[&str] =
    &["afternoon", "ago", "day", "even", "hour", "minut", "month", "morn", "night", "old", "time", "week", "year"];

/// Verbs of saying, as terms: "officials said" is how a sentence is
/// sourced, not what it tells.
const SAYING: &[&str] = &["accord", "announc", "confirm", "declar", "report", "said", "say", "state", "tell", "told"];

/// Shared terms over the smaller set.
pub(crate) fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> (usize, f32) {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len()).max(1);
    (shared, shared as f32 / smaller as f32)
}

/// Shared terms over all terms.
pub(crate) fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// A conflict's subject, for a reader: up to six of the words two
/// sentences share, as `sentence` (the first's) writes them and in its
/// order ("North Korea launched ballistic missile", not the stems "ballist
/// korea launch missil").
pub(crate) fn shared_subject(sentence: &str, a: &HashSet<String>, b: &HashSet<String>) -> String {
    let english = crate::english();
    let mut seen = HashSet::new();
    let words: Vec<String> = english
        .tokens(sentence)
        .enumerate()
        .filter(|(_, token)| {
            english.term(token.word).is_some_and(|term| a.contains(&term) && b.contains(&term) && seen.insert(term))
        })
        .map(|(at, token)| if at == 0 { dateline_cased(token.word) } else { token.word.to_owned() })
        .take(6)
        .collect();
    words.join(" ")
}

/// A sentence's first word in capitals, as a dateline writes its place
/// ("VELLMAR - ..."), in title case ("Vellmar"), unless it is short enough
/// to be an acronym ("NASA"); any other word as it is.
fn dateline_cased(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 4 && word.chars().all(|c| !c.is_lowercase()) {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| first.to_string() + &chars.as_str().to_lowercase())
    } else {
        word.to_owned()
    }
}

/// Disjoint sets over `0..n`.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        Self { parent: (0..n).collect() }
    }

    pub(crate) fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut x = x;
        while self.parent[x] != root {
            let next = self.parent[x];
            self.parent[x] = root;
            x = next;
        }
        root
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_words_side_by_side_but_not_names_sayings_or_times() {
        let pairs = |s: &str| {
            let mut p: Vec<String> = phrases(s).into_iter().collect();
            p.sort();
            p
        };
        // "Mayor Ilse", "Ilse Brandt": a name.
        let expected = ["brandt sign", "close harbour", "order close", "sign order"];
        assert_eq!(pairs("Mayor Ilse Brandt signed the order to close the harbour"), expected);
        // A number or a word of time ends a run; a saying joins none.
        assert_eq!(pairs("A 23-year-old man was arrested on Monday night, officials said"), ["man arrest"]);
        assert!(pairs("Police told reporters according to witnesses").is_empty());
    }

    #[test]
    fn a_dateline_opening_a_subject_is_in_title_case() {
        let terms = |s: &str| terms(s);
        let (a, b) = ("VELLMAR - Fire swept the flats on Monday.", "Fire swept the Vellmar flats on Tuesday.");
        assert_eq!(shared_subject(a, &terms(a), &terms(b)), "Vellmar Fire swept flats");
        assert_eq!(dateline_cased("NASA"), "NASA");
    }

    #[test]
    fn names_compare_without_accents_and_hyphens() {
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
        assert_eq!(name_key("José Núñez"), "josenunez");
        assert_eq!(name_words("L.A. Coliseum"), ["la", "coliseum"]);
    }

    #[test]
    fn transliterations_agree_and_misspellings_do_not() {
        for (a, b) in [
            ("Mohammed", "Mohamed"),
            ("Hassan", "Hasan"),
            ("Hussein", "Husein"),
            ("Sergei", "Sergey"),
            ("Sueddeutsche", "Suddeutsche"),
            ("Süddeutsche", "Sueddeutsche"),
            ("Energiya", "Energia"),
            ("Aliyev", "Aliev"),
            ("Mueller", "Müller"),
            ("Goethe", "Göthe"),
        ] {
            assert_eq!(transliteration(a), transliteration(b), "{a} {b}");
        }
        for (a, b) in [
            ("Angela", "Angella"),
            ("Montgomery", "Montgomerry"),
            ("Buhari", "Buharri"),
            ("Steyer", "Steyerr"),
            ("Dauer", "Daauer"),
            ("Dauer", "Daur"),
            ("Neuer", "Neur"),
            ("Thane", "Thanee"),
            ("Biles", "Bilse"),
            ("Silverman", "Sillverman"),
            ("Burrell", "Burrrell"),
            ("Biles", "Biiles"),
        ] {
            assert_ne!(transliteration(a), transliteration(b), "{a} {b}");
        }
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("simon", "simone", 2), 1);
        assert_eq!(edit_distance("lindqvist", "lindquist", 2), 1);
        assert_eq!(edit_distance("biles", "bilse", 2), 1);
        assert_eq!(edit_distance("trump", "biden", 2), 5);
    }
}
