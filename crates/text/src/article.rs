//! One raw article normalised: the normalise stage as a function.

use crate::normalize::normalize_article_text;
use crate::{detect_language, normalize_article_title, normalize_inline, split_leading_date};
use dossier_domain::{Article, ArticleId, Published, RawArticle};

/// Why a raw article cannot become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("no text and no title: give the article a non-empty `text` or `title`")]
    Empty,
}

impl Rejection {
    /// A short stable key, for counting skips by reason.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Empty => "empty-article",
        }
    }
}

/// Normalises one raw article.
///
/// - Title and text are NFKC-normalised, have their whitespace tidied and
///   their HTML character references decoded ([`normalize_article_body`]).
///   Ids and outlets are identifiers: they are kept as given, less spacing.
/// - A leading ` date YYYY-MM-DD` token is removed from the text; it is the
///   publication date unless the record gave one.
/// - The language is identified from the title and the start of the text.
/// - The id is the one the record gave, else the one its file path gave,
///   else [`content_id`].
pub fn normalize_article(raw: RawArticle) -> Result<Article, Rejection> {
    let (text, leading_day) = normalize_article_body(&raw.text);
    let published = raw.published.or(leading_day);
    let title = raw.title.as_deref().map(normalize_article_title).filter(|title| !title.is_empty());
    if title.is_none() && text.is_empty() {
        return Err(Rejection::Empty);
    }
    let language = {
        let sample = match &title {
            Some(title) => format!("{title}\n{}", text.get(..1_500).unwrap_or(&text)),
            None => text.clone(),
        };
        detect_language(&sample).map(str::to_owned)
    };
    let given = |id: Option<String>| id.map(|id| normalize_inline(&id)).filter(|id| !id.is_empty());
    let id =
        given(raw.id).or_else(|| given(raw.path_id)).map_or_else(|| content_id(title.as_deref(), &text), ArticleId);
    let url = raw.url.map(|url| url.trim().to_owned()).filter(|url| !url.is_empty());
    let source = raw
        .source
        .map(|source| normalize_inline(&source))
        .filter(|source| !source.is_empty())
        .or_else(|| url.as_deref().and_then(url_host).map(str::to_owned));
    Ok(Article { id, url, source, title, text, published, language, metadata: raw.metadata, origin: raw.origin })
}

/// An article's body as [`normalize_article`] stores it, with the day of
/// its leading ` date YYYY-MM-DD` token, which is taken off. Of a body
/// stored under an older normalisation it gives what it gives of the raw
/// body (see [`crate::NORMALIZATION_VERSION`]).
pub fn normalize_article_body(text: &str) -> (String, Option<Published>) {
    let text = normalize_article_text(text);
    match split_leading_date(&text) {
        Some((day, rest)) => (rest.to_owned(), Some(day)),
        None => (text, None),
    }
}

/// The host of an absolute `http(s)` URL, lower-cased as given
/// (`www.example.com`), or `None`.
fn url_host(url: &str) -> Option<&str> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// The XXH3-128 hash of a normalised title and text, with a zero byte
/// between them. Stable across runs, machines and versions, since XXH3 is a
/// fixed specification.
pub fn content_hash(title: Option<&str>, text: &str) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(title.unwrap_or("").as_bytes());
    hasher.update(&[0]);
    hasher.update(text.as_bytes());
    hasher.digest128()
}

/// The id of an article that brought none: the first 16 hex digits of its
/// [`content_hash`].
pub fn content_id(title: Option<&str>, text: &str) -> ArticleId {
    ArticleId(format!("{:016x}", (content_hash(title, text) >> 64) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize_text;
    use dossier_domain::{Origin, Published};

    fn raw(title: Option<&str>, text: &str) -> RawArticle {
        let mut raw = RawArticle::new(Origin::file("in.jsonl").at_line(1));
        raw.title = title.map(str::to_owned);
        raw.text = text.to_owned();
        raw
    }

    #[test]
    fn the_seed_date_token_becomes_the_publication_date() {
        let article =
            normalize_article(raw(None, " date 2024-08-12 Crews worked through the night to clear the pier")).unwrap();
        assert_eq!(article.published, Published::parse("2024-08-12"));
        assert_eq!(article.text, "Crews worked through the night to clear the pier");
        assert_eq!(article.language.as_deref(), Some("eng"));
    }

    #[test]
    fn a_given_date_wins_over_the_token() {
        let mut input = raw(None, "date 2024-08-12 Body text");
        input.published = Published::parse("2024-08-11");
        let article = normalize_article(input).unwrap();
        assert_eq!(article.published, Published::parse("2024-08-11"));
        assert_eq!(article.text, "Body text");
    }

    #[test]
    fn character_references_are_decoded_in_title_and_text_only() {
        let mut input = raw(
            Some("VELLMAR &lt;VLM&gt; SETS PAYOUT"),
            "Jos&#233; Brennick of Dunmore &amp; Co said.\nR&D rose; AT&T fell; &amp;lt; stays once.",
        );
        input.id = Some("a&amp;1".into());
        input.source = Some("Marsh &amp; Dorsey".into());
        let article = normalize_article(input).unwrap();
        assert_eq!(article.title.as_deref(), Some("VELLMAR <VLM> SETS PAYOUT"));
        assert_eq!(article.text, "José Brennick of Dunmore & Co said.\nR&D rose; AT&T fell; &lt; stays once.");
        assert_eq!(article.id.as_str(), "a&amp;1");
        assert_eq!(article.source.as_deref(), Some("Marsh &amp; Dorsey"));
        // A non-breaking space written as a reference is a space like any.
        assert_eq!(normalize_article(raw(None, "Two&nbsp;&nbsp;words")).unwrap().text, "Two words");
    }

    #[test]
    fn text_stored_before_decoding_renormalises_to_what_is_made_now() {
        // Version 1 was `normalize_article` without decoding: NFKC and
        // spacing, then the leading date token split off.
        let version_1 = |title: &str, text: &str| {
            let text = normalize_text(text);
            let rest = split_leading_date(&text).map_or(text.clone(), |(_, rest)| rest.to_owned());
            (normalize_inline(title), rest)
        };
        for (title, text) in [
            ("A &amp; B", "Jos&#233;&nbsp;Brennick &amp; Co\n\nsaid &quot;yes&quot;."),
            // A reference NFKC makes, and a leading date after one.
            ("Marsh \u{FF06}amp; Vance", " date 2024-08-12 Vellmar \u{FF06}amp; Co"),
            ("Plain", "Nothing to decode & nothing changed"),
        ] {
            let now = normalize_article(raw(Some(title), text)).unwrap();
            let (old_title, old_text) = version_1(title, text);
            assert_eq!(normalize_article_title(&old_title), now.title.clone().unwrap(), "{title}");
            assert_eq!(normalize_article_body(&old_text).0, now.text, "{text}");
        }
    }

    #[test]
    fn ids_follow_the_order_of_preference() {
        let mut input = raw(Some("Title"), "Text");
        input.path_id = Some("business/001".into());
        assert_eq!(normalize_article(input.clone()).unwrap().id.as_str(), "business/001");
        input.id = Some(" a1 ".into());
        assert_eq!(normalize_article(input).unwrap().id.as_str(), "a1");
        let hashed = normalize_article(raw(Some("Title"), "Text")).unwrap().id;
        assert_eq!(hashed, content_id(Some("Title"), "Text"));
        assert_eq!(hashed.as_str().len(), 16);
        // Normalisation happens before hashing: spacing does not change the id.
        assert_eq!(normalize_article(raw(Some(" Title "), "Text\r\n")).unwrap().id, hashed);
        assert_ne!(content_id(Some("Tit"), "leText"), content_id(Some("Title"), "Text"));
    }

    #[test]
    fn the_source_falls_back_to_the_url_host() {
        let mut input = raw(Some("T"), "x");
        input.url = Some("https://www.latimes.com:443/business/story?id=1".into());
        assert_eq!(normalize_article(input.clone()).unwrap().source.as_deref(), Some("www.latimes.com"));
        input.source = Some("Los Angeles Times".into());
        assert_eq!(normalize_article(input.clone()).unwrap().source.as_deref(), Some("Los Angeles Times"));
        assert_eq!(url_host("javascript:alert(1)"), None);
        assert_eq!(url_host("http://user@host.example/x"), Some("host.example"));
    }

    #[test]
    fn an_article_needs_a_title_or_text() {
        assert_eq!(normalize_article(raw(Some("  "), "\n\n")), Err(Rejection::Empty));
        assert!(normalize_article(raw(Some("Headline only"), "")).is_ok());
    }
}
