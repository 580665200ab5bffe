//! Unicode and whitespace normalisation.
//!
//! Text arrives with compatibility characters (ligatures, full-width digits,
//! non-breaking spaces), Windows line endings, stray control characters and
//! ragged spacing. Normalised text is NFKC, has single spaces inside lines,
//! no blank space at line ends, and paragraphs separated by exactly one
//! blank line.
//!
//! An article's title and text also have their HTML character references
//! decoded ([`normalize_article_title`], [`crate::normalize_article_body`]):
//! feeds and wire archives write "&lt;", "&amp;" and "&#233;" for "<", "&"
//! and "é".

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Which normalisation of titles and texts a store's articles had: 1 before
/// HTML character references were decoded, 2 since. Content keys and ids
/// made from content are hashes of normalised text, so a store of an older
/// normalisation has its stored articles normalised again (with
/// [`crate::normalize_article_body`] and [`normalize_article_title`], which
/// give of version 1's output what they give of the raw input) before new
/// ones are compared with them.
pub const NORMALIZATION_VERSION: i64 = 2;

/// HTML character references decoded, named ("&amp;", "&eacute;") and
/// numeric ("&#233;", "&#xE9;"), each once: "&amp;lt;" is "&lt;". Only a
/// complete reference ending in ";" is one, so "AT&T" and "R&D" stay.
fn decode_entities(text: &str) -> Cow<'_, str> {
    html_escape::decode_html_entities(text)
}

/// An article's body as normalisation version 2 makes it: [`normalize_text`],
/// then references decoded and normalised again (a reference that NFKC
/// makes, "＆amp;", is decoded like any). Normalised text normalises to
/// itself, so this of a version 1 text is this of its raw input.
pub(crate) fn normalize_article_text(text: &str) -> String {
    decoded(text, normalize_text)
}

/// An article's title as normalisation version 2 makes it: as its body
/// ([`crate::normalize_article_body`]), on [`normalize_inline`].
pub fn normalize_article_title(title: &str) -> String {
    decoded(title, normalize_inline)
}

fn decoded(text: &str, normalize: fn(&str) -> String) -> String {
    let normalized = normalize(text);
    match decode_entities(&normalized) {
        Cow::Borrowed(_) => normalized,
        Cow::Owned(decoded) => normalize(&decoded),
    }
}

/// Characters that carry no text and are dropped: zero-width spaces and
/// joiners, the byte-order mark, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Normalises body text, keeping line and paragraph structure.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_blank_line = false;
    let mut line = String::new();
    let text = text.nfkc().collect::<String>().replace("\r\n", "\n");
    for raw_line in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        collapse_into(raw_line, &mut line);
        if line.is_empty() {
            pending_blank_line = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_blank_line { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        pending_blank_line = false;
    }
    out
}

/// Normalises a one-line field such as a title: NFKC and every run of
/// whitespace, line breaks included, made one space.
pub fn normalize_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    collapse_into(&text.nfkc().collect::<String>(), &mut out);
    out
}

/// Writes `line` into `out` (cleared first) with whitespace runs collapsed to
/// one space, control and invisible characters dropped, and no space at
/// either end.
fn collapse_into(line: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_control() || is_invisible(c) {
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidies_whitespace_and_keeps_paragraphs() {
        let input = "  First   line\r\nsecond\tline  \r\n\r\n\r\n  Next\u{00A0}paragraph \n\n";
        assert_eq!(normalize_text(input), "First line\nsecond line\n\nNext paragraph");
    }

    #[test]
    fn applies_nfkc_and_drops_invisibles() {
        assert_eq!(normalize_text("ﬁnal \u{FF11}\u{FF12} caf\u{0065}\u{0301}\u{200B}"), "final 12 café");
        assert_eq!(normalize_text("soft\u{00AD}hyphen\u{0007}"), "softhyphen");
    }

    #[test]
    fn inline_collapses_line_breaks() {
        assert_eq!(normalize_inline(" Fire\n  at the\tharbour "), "Fire at the harbour");
        assert_eq!(normalize_inline("\n\t "), "");
    }

    #[test]
    fn empty_stays_empty() {
        assert_eq!(normalize_text(""), "");
        assert_eq!(normalize_text("\n\n \r\n"), "");
    }
}
