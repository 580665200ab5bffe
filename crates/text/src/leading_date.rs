//! The leading `date YYYY-MM-DD` token that scraped text often starts with.
//!
//! Scrapers write the page's date in front of the body, sometimes on its own
//! line and sometimes glued onto the first sentence
//! (` date 2024-08-12 Crews cleared the pier…`). It is metadata, not text.

use chrono::NaiveDate;
use dossier_domain::Published;

/// If `text` starts (after whitespace) with the word `date` followed by an
/// ISO day, returns that day and the text after it, trimmed at the start.
///
/// The token must be followed by whitespace or the end of the text, so a
/// sentence such as "Dates 2024-08-12…" or "date 2024-08-123" is left alone.
pub fn split_leading_date(text: &str) -> Option<(Published, &str)> {
    let rest = text.trim_start();
    let keyword = rest.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = rest[4..].strip_prefix([':', ' ', '\t']).map(str::trim_start)?;
    let day_text = rest.get(..10)?;
    let day = NaiveDate::parse_from_str(day_text, "%Y-%m-%d").ok()?;
    let after = &rest[10..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    Some((Published::Day(day), after.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_onto_the_first_sentence() {
        let (day, rest) = split_leading_date(" date 2024-08-12 Crews cleared the pier").unwrap();
        assert_eq!(day.to_string(), "2024-08-12");
        assert_eq!(rest, "Crews cleared the pier");
    }

    #[test]
    fn on_its_own_line() {
        let (day, rest) = split_leading_date("Date: 2019-01-02\n\nHeadline here\nBody").unwrap();
        assert_eq!(day.to_string(), "2019-01-02");
        assert_eq!(rest, "Headline here\nBody");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for text in [
            "Dates 2024-08-12 were set",
            "date 2024-08-123 is not a day",
            "date 2024-02-30 is not a day either",
            "The date 2024-08-12 was chosen",
            "date",
            "",
            "dat",
        ] {
            assert_eq!(split_leading_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn does_not_split_inside_a_multibyte_character() {
        assert_eq!(split_leading_date("dat€ 2024-08-12"), None);
        assert_eq!(split_leading_date("date 2024-08-1€"), None);
    }
}
