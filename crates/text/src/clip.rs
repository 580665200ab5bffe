//! Text cut to a length for display.

/// `text` cut at a word to at most `most` characters, with an ellipsis
/// when anything was cut.
pub fn clip(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let cut: String = text.chars().take(most).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

/// `text` cut to at most `most` characters (ellipses aside) so that the
/// first of `words` (in their order) that it holds as a whole word, in any
/// case, shows: as
/// [`clip`] when that word lies within the first `most` characters, else a
/// window opening a third of `most` before it, at a word.
pub fn clip_around(text: &str, words: &[&str], most: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= most {
        return text.to_owned();
    }
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase().take(1)).collect();
    let is_word = |c: char| c.is_alphanumeric();
    let found = words
        .iter()
        .map(|w| w.to_lowercase().chars().collect::<Vec<char>>())
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            (0..=lower.len().saturating_sub(w.len()))
                .find(|&at| {
                    lower[at..at + w.len()] == w[..]
                        && (at == 0 || !is_word(lower[at - 1]))
                        && lower.get(at + w.len()).is_none_or(|&c| !is_word(c))
                })
                .map(|at| (at, w.len()))
        })
        .next();
    let Some((at, len)) = found.filter(|(at, len)| at + len > most) else {
        return clip(text, most);
    };
    // Open at a word a third of `most` before the word, and keep it whole.
    let mut start = at.saturating_sub(most / 3);
    while start > 0 && start < at && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let rest: String = chars[start..].iter().collect();
    let window = clip(&rest, most.max(at + len - start));
    format!("…{window}")
}

#[cfg(test)]
mod tests {
    use super::{clip, clip_around};

    #[test]
    fn a_long_sentence_is_cut_around_the_word_it_is_shown_for() {
        let sentence = "After a long night of rain that kept crews busy along the valley road, the river rose \
                        and officials said twelve people were hurt near the old Dellow mill.";
        // Within the first 40 characters: cut as clip does.
        assert_eq!(clip_around(sentence, &["rain"], 40), clip(sentence, 40));
        // Beyond them: a window with the word in it, opening at a word.
        let around = clip_around(sentence, &["Dellow"], 40);
        assert!(around.starts_with('…') && around.contains("Dellow"), "{around}");
        assert!(around.chars().count() <= 42, "{around}");
        // Not part of another word; no word found: cut as clip does.
        assert_eq!(clip_around(sentence, &["ill"], 40), clip(sentence, 40));
        assert_eq!(clip_around("short", &["x"], 40), "short");
    }

    #[test]
    fn text_is_cut_at_a_word_only_when_too_long() {
        assert_eq!(clip("The ferry hit the pier", 22), "The ferry hit the pier");
        assert_eq!(clip("The ferry hit the pier", 12), "The ferry…");
        assert_eq!(clip("Ferryhitpier", 5), "Ferry…");
        assert_eq!(clip("Ostrey–Brennick", 7), "Ostrey–…");
    }
}
