//! Text cut to a length for display, and the whole-word search that a cut
//! around a word, and a sentence's evidence, both need.

/// `text` cut at a word to at most `most` characters, with an ellipsis
/// when anything was cut.
pub fn clip(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let cut: String = text.chars().take(most).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

/// `text` cut to about `most` characters (ellipses aside) so that the
/// first of `words` (in their order) that it holds as a whole word, in any
/// case, shows: as [`clip`] when [`clip`] keeps that word, else a window
/// that opens at a word about a third of `most` before it and ends at the
/// last space within `most` characters of its start, or right after the
/// word when that comes later (a word longer than the window is shown
/// whole).
pub fn clip_around(text: &str, words: &[&str], most: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= most {
        return text.to_owned();
    }
    let lower = folded(text);
    let found = words.iter().find_map(|word| {
        let word = folded(word);
        find_word(&lower, &word).map(|at| (at, at + word.len()))
    });
    let clipped = clip(text, most);
    let Some((at, end)) = found else { return clipped };
    // `clip` keeps the word when it ends before the last space it cuts at.
    if clipped.chars().count() > end {
        return clipped;
    }
    // Open at the start of a word about a third of `most` before it.
    let mut start = at.saturating_sub(most / 3);
    while start > 0 && start < at && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    // End at the last space within `most` characters of the start, never
    // before the word's end.
    let mut stop = (start + most).max(end).min(chars.len());
    while stop < chars.len() && stop > end && !chars[stop].is_whitespace() {
        stop -= 1;
    }
    let window: String = chars[start..stop].iter().collect();
    let head = if start > 0 { "…" } else { "" };
    let tail = if stop < chars.len() { "…" } else { "" };
    format!("{head}{}{tail}", window.trim_end())
}

/// Whether `text` holds `word` (one word or several) as a whole, in any
/// case: no letter or digit right before or after it. "12" is not in "120"
/// or "2012", "Crodon" not in "Crodonshire".
pub fn holds_word(text: &str, word: &str) -> bool {
    find_word(&folded(text), &folded(word)).is_some()
}

/// One lower-case character per character, so that positions line up with
/// the text's.
fn folded(text: &str) -> Vec<char> {
    text.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
}

/// Where `word` first stands whole in `text` (both [`folded`]), in
/// characters; never for an empty word.
fn find_word(text: &[char], word: &[char]) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric();
    text.windows(word.len()).enumerate().find_map(|(at, window)| {
        let whole = window == word
            && (at == 0 || !is_word(text[at - 1]))
            && text.get(at + word.len()).is_none_or(|&c| !is_word(c));
        whole.then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::{clip, clip_around, holds_word};

    #[test]
    fn words_are_found_whole_in_any_case() {
        assert!(holds_word("It left 12 people injured.", "12"));
        assert!(holds_word("Simon Biles, 27, won.", "Simon Biles"));
        assert!(holds_word("SIMON BILES WON", "Simon Biles"));
        assert!(!holds_word("It left 120 people injured in 2012.", "12"));
        assert!(!holds_word("near Crodonshire", "Crodon"));
        assert!(!holds_word("anything", ""));
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_word_it_is_shown_for() {
        let sentence = "After a long night of rain that kept crews busy along the valley road, the river rose \
                        and officials said twelve people were hurt near the old Dellow mill.";
        // Within what clip keeps: cut as clip does.
        assert_eq!(clip_around(sentence, &["rain"], 40), clip(sentence, 40));
        // Beyond it: a window with the word in it, opening at a word.
        let around = clip_around(sentence, &["Dellow"], 40);
        assert!(around.starts_with('…') && around.contains("Dellow"), "{around}");
        assert!(around.chars().count() <= 42, "{around}");
        // Not part of another word; no word found: cut as clip does.
        assert_eq!(clip_around(sentence, &["ill"], 40), clip(sentence, 40));
        assert_eq!(clip_around("short", &["x"], 40), "short");
        // A word ending where clip cuts, or followed by a comma, shows.
        assert!(clip_around("aaaa bbbb Dellow cccc dddd", &["Dellow"], 16).contains("Dellow"));
        assert!(clip_around("aaaa bbbb Dellow, cccc dddd", &["Dellow"], 16).contains("Dellow"));
        // A word longer than most of the window is shown whole; nothing cut
        // at the front is no ellipsis there.
        let long = clip_around("an Oberdonaudampfschifffahrt line ran on", &["Oberdonaudampfschifffahrt"], 12);
        assert!(long.contains("Oberdonaudampfschifffahrt") && long.ends_with('…'), "{long}");
        // A word longer than the text, in another script, at the very end.
        assert_eq!(clip_around("ab", &["abcdef"], 1), clip("ab", 1));
        let greek = clip_around("Ο δήμαρχος είπε ότι η γέφυρα της Βέλμαρ θα κλείσει", &["ΒΈΛΜΑΡ"], 20);
        assert!(greek.contains("Βέλμαρ"), "{greek}");
        assert!(clip_around("one two three four five six Vellmar", &["vellmar"], 12).ends_with("Vellmar"));
    }

    #[test]
    fn text_is_cut_at_a_word_only_when_too_long() {
        assert_eq!(clip("The ferry hit the pier", 22), "The ferry hit the pier");
        assert_eq!(clip("The ferry hit the pier", 12), "The ferry…");
        assert_eq!(clip("Ferryhitpier", 5), "Ferry…");
        assert_eq!(clip("Ostrey–Brennick", 7), "Ostrey–…");
    }
}
