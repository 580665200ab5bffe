//! Articles before and after normalisation, and the ids that name them.

use crate::{Origin, Published};
use std::fmt;

/// Fields of an input record that dossier has no column for. They are kept,
/// stored and returned, never dropped.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

/// An article as a source read it: nothing checked, nothing normalised.
///
/// Sources fill in what their format has; the normalise stage turns this into
/// an [`Article`] or rejects it with a reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// The id the record itself gives (`id` in JSON, an `id` column in CSV).
    pub id: Option<String>,
    /// For one-article files: the file's path relative to the folder named
    /// on the command line, without its extension (`business/001`), or the
    /// file name when the file itself was named.
    pub path_id: Option<String>,
    pub url: Option<String>,
    /// The outlet, usually its domain (`example.com`).
    pub source: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub published: Option<Published>,
    pub metadata: Metadata,
    pub origin: Origin,
}

impl RawArticle {
    /// An empty record read from `origin`.
    pub fn new(origin: Origin) -> Self {
        Self {
            id: None,
            path_id: None,
            url: None,
            source: None,
            title: None,
            text: String::new(),
            published: None,
            metadata: Metadata::new(),
            origin,
        }
    }
}

/// A normalised article, ready for dedup and clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: ArticleId,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    /// Unicode NFKC, whitespace tidied, paragraphs kept as `\n\n`.
    pub text: String,
    pub published: Option<Published>,
    /// ISO 639-3 code (`eng`, `fra`) when the language could be told.
    pub language: Option<String>,
    pub metadata: Metadata,
    pub origin: Origin,
}

/// The id an article is stored under; see DESIGN.md for how it is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub String);

impl ArticleId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ArticleId {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

/// A story: the articles that report one real-world event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub u64);

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
