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

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn text_is_cut_at_a_word_only_when_too_long() {
        assert_eq!(clip("The ferry hit the pier", 22), "The ferry hit the pier");
        assert_eq!(clip("The ferry hit the pier", 12), "The ferry…");
        assert_eq!(clip("Ferryhitpier", 5), "Ferry…");
        assert_eq!(clip("Ostrey–Brennick", 7), "Ostrey–…");
    }
}
