//! The normalise stage: from a [`RawArticle`] a source read to an
//! [`Article`] the later stages can trust, plus the text analysis they share.
//!
//! Everything here is a pure function over strings: no files, no clock, no
//! global state beyond immutable tables.
//!
//! - [`normalize_text`]: Unicode NFKC, whitespace tidied, paragraphs kept;
//!   [`normalize_article_body`] and [`normalize_article_title`]: that, with
//!   HTML character references decoded, as an article is stored.
//! - [`split_leading_date`]: the ` date 2024-08-12` token scrapers glue onto
//!   the first sentence.
//! - [`sentences`]: sentence boundaries that respect abbreviations.
//! - [`detect_language`]: ISO 639-3 code via whatlang.
//! - [`Analyzer`]: tokens, stop words and stems, for English and the other
//!   Snowball languages.
//! - [`normalize_article`]: all of the above applied to one raw article.
//! - [`clip`]: text cut at a word for display; [`clip_around`] keeps a
//!   given word in view.
//! - [`story_title`]: a page's title less the segments that only name its
//!   site.
//!
//! ```
//! use dossier_text::{split_leading_date, Analyzer};
//!
//! let (day, rest) = split_leading_date(" date 2024-08-12 Crews cleared the pier").unwrap();
//! assert_eq!(day.to_string(), "2024-08-12");
//! assert_eq!(rest, "Crews cleared the pier");
//!
//! let terms = Analyzer::english().terms("The runners were running in Paris");
//! assert_eq!(terms, ["runner", "run", "pari"]);
//! ```

mod analyze;
mod article;
mod clip;
mod language;
mod leading_date;
mod normalize;
mod sentences;
mod stopwords;
mod title;

pub use analyze::{Analyzer, Token};
pub use article::{content_hash, content_id, normalize_article, normalize_article_body, Rejection};
pub use clip::{clip, clip_around, holds_word};
pub use language::detect_language;
pub use leading_date::split_leading_date;
pub use normalize::{normalize_article_title, normalize_inline, normalize_text, NORMALIZATION_VERSION};
pub use sentences::sentences;
pub use title::story_title;
