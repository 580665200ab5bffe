//! Plain-text articles: one article per file.
//!
//! The text is decoded (see [`crate::decode`]), its line endings are made
//! `\n`, and then two things are taken off its start:
//!
//! 1. a leading `date YYYY-MM-DD` token, which becomes the publication day
//!    (see [`dossier_text::split_leading_date`]);
//! 2. a first line that [reads like a headline](reads_like_a_headline),
//!    which becomes the title.
//!
//! It does not look for dates or titles anywhere else; finding dates inside
//! the text is the normalise stage's work.

use dossier_domain::{Origin, RawArticle};
use dossier_text::split_leading_date;

/// A headline is at most this many characters…
const HEADLINE_MAX_CHARS: usize = 200;
/// …and this many words.
const HEADLINE_MAX_WORDS: usize = 30;

/// Builds an article from the decoded text of a one-article file. `text`
/// must hold more than whitespace.
pub(crate) fn parse(text: &str, origin: Origin, path_id: Option<String>) -> RawArticle {
    let text = normalize_line_endings(text);
    let mut article = RawArticle::new(origin);
    article.path_id = path_id;
    let mut rest = text.trim();
    if let Some((day, after)) = split_leading_date(rest) {
        article.published = Some(day);
        rest = after;
    }
    if let Some((first_line, body)) = rest.split_once('\n') {
        if reads_like_a_headline(first_line, body) {
            article.title = Some(first_line.trim().to_owned());
            rest = body;
        }
    }
    article.text = rest.trim().to_owned();
    article
}

/// Whether `line`, followed by `body`, is a headline rather than the first
/// paragraph.
///
/// A headline is followed by a non-empty body, has at most 200 characters and
/// 30 words, does not start with a lower-case letter (unless its first word
/// has capitals, as "iTunes" and "eBay" do), and does not end like a sentence
/// or a clause (`.`, `,`, `;`, `:`). It may end with `?`, `!`, a quote, a
/// closing bracket or an ellipsis ("Rivals of the £400 Apple...").
pub(crate) fn reads_like_a_headline(line: &str, body: &str) -> bool {
    let line = line.trim();
    let Some(first_word) = line.split_whitespace().next() else {
        return false;
    };
    let starts_lower_case = first_word.starts_with(char::is_lowercase) && !first_word.contains(char::is_uppercase);
    if body.trim().is_empty() || starts_lower_case {
        return false;
    }
    if line.chars().count() > HEADLINE_MAX_CHARS || line.split_whitespace().count() > HEADLINE_MAX_WORDS {
        return false;
    }
    let ends_with_ellipsis = line.ends_with("...") || line.ends_with('…');
    ends_with_ellipsis || !line.ends_with(['.', ',', ';', ':'])
}

/// `\r\n` and lone `\r` become `\n`.
fn normalize_line_endings(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, title: Option<&str>, published: Option<&str>, text: &str) {
        let article = parse(input, Origin::stdin(), None);
        assert_eq!(article.title.as_deref(), title, "title of {input:?}");
        assert_eq!(article.published.map(|p| p.to_string()).as_deref(), published, "date of {input:?}");
        assert_eq!(article.text, text, "text of {input:?}");
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        check(
            "Ferry fares rise for spring\n\nFares went up on Monday.\n",
            Some("Ferry fares rise for spring"),
            None,
            "Fares went up on Monday.",
        );
        check(
            "History of the Harbour\r\nIn the port's first decades.\r\n",
            Some("History of the Harbour"),
            None,
            "In the port's first decades.",
        );
        check("Is this the end?\nMaybe.", Some("Is this the end?"), None, "Maybe.");
        check(
            "'No rethink' on harbour levy\n\nA proposed levy.",
            Some("'No rethink' on harbour levy"),
            None,
            "A proposed levy.",
        );
        check("Rivals of the £40 ferry pass...\n\nBody.", Some("Rivals of the £40 ferry pass..."), None, "Body.");
        check("eBay now selling ferry tickets\n\nBody.", Some("eBay now selling ferry tickets"), None, "Body.");
    }

    #[test]
    fn a_first_line_that_reads_like_a_sentence_is_text() {
        check(
            "The captain took the wheel.\n\nThe fog was thick.",
            None,
            None,
            "The captain took the wheel.\n\nThe fog was thick.",
        );
        check("Harbour ferry timetable review:\nBody", None, None, "Harbour ferry timetable review:\nBody");
        check("and then it rained\nBody", None, None, "and then it rained\nBody");
        check("Only one line", None, None, "Only one line");
        check("Title\n   \n", None, None, "Title");
        let long = "word ".repeat(31).trim_end().to_owned();
        check(&format!("{long}\nBody"), None, None, &format!("{long}\nBody"));
    }

    #[test]
    fn a_leading_date_token_is_the_publication_day() {
        check(
            " date 2024-08-12 Crews worked through the night to clear the pier.\n\nMore.",
            None,
            Some("2024-08-12"),
            "Crews worked through the night to clear the pier.\n\nMore.",
        );
        check("date 2019-01-02\n\nHeadline here\nBody", Some("Headline here"), Some("2019-01-02"), "Body");
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        check("Title\rBody one\r\rBody two", Some("Title"), None, "Body one\n\nBody two");
    }
}
