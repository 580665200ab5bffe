//! The one error type of this crate: why a file, a line or a record was
//! skipped.
//!
//! A [`SourceError`] never stops the reading of other records. It travels
//! inside a [`Diagnostic`](crate::Diagnostic) together with the place it
//! happened, and [`SourceError::kind`] gives the stable key that the ingest
//! summary counts skips by.

use std::io;

/// Why a file, a line or a record could not be read as an article.
///
/// Messages are lower case, name what was wrong and say what to do. The
/// place (file and line) is not part of the message: it is the
/// [`Origin`](dossier_domain::Origin) of the [`Diagnostic`](crate::Diagnostic)
/// that carries the error.
#[derive(thiserror::Error, Debug)]
pub enum SourceError {
    /// The operating system refused or failed a read. The cause is the
    /// [`source`](std::error::Error::source) of this error;
    /// [`Diagnostic`](crate::Diagnostic)'s `Display` prints it.
    #[error("cannot read")]
    Io {
        #[source]
        source: io::Error,
    },

    /// A path named on the command line does not exist.
    #[error("no such file or folder; check the path")]
    NotFound,

    /// The file holds nothing, or only whitespace.
    #[error("empty file, nothing to read")]
    Empty,

    /// The file holds a NUL byte near its start and no UTF-16 byte order mark.
    #[error("binary file, not text; name text, JSON or CSV files only")]
    Binary,

    /// One article (a text file, a one-object JSON file, a JSONL line, a JSON
    /// array element or a CSV row) is over the size limit. It was not read
    /// into memory.
    #[error(
        "too large: at least {bytes_at_least} bytes, over the limit of {limit} bytes \
         per article; split it or raise the limit"
    )]
    TooLarge { bytes_at_least: u64, limit: usize },

    /// Text that should be JSON is not.
    #[error("malformed JSON: {message}")]
    Json { message: String },

    /// A JSON value that is not an object where an article object belongs.
    #[error("expected a JSON object per article, found {found}")]
    NotAnObject { found: &'static str },

    /// A record with neither a text nor a title; `unusable` says why each
    /// title or text field there is none ("title is an array").
    #[error(
        "no text or title (fields: {}{}); an article needs a non-empty text or title",
        fields.join(", "),
        unusable.iter().map(|why| format!("; {why}")).collect::<String>()
    )]
    NotAnArticle { fields: Vec<String>, unusable: Vec<String> },

    /// A CSV or TSV header names no column that could hold a title or a text.
    #[error(
        "no title or text column (columns: {}); name one column title, headline, text, \
         body, content or description",
        columns.join(", ")
    )]
    MissingColumn { columns: Vec<String> },

    /// A CSV or TSV row that cannot be read, such as one with the wrong
    /// number of fields.
    #[error("malformed CSV: {message}")]
    Csv { message: String },

    /// A folder entry that cannot be followed: a dangling symlink, a symlink
    /// loop.
    #[error("{message}")]
    Walk { message: String },
}

impl SourceError {
    /// A short, stable key for the kind of problem, for counting skips by
    /// reason: `io`, `not-found`, `empty`, `binary`, `too-large`,
    /// `malformed-json`, `not-an-article`, `missing-column`, `malformed-csv`
    /// or `unreadable-path`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Io { .. } => "io",
            Self::NotFound => "not-found",
            Self::Empty => "empty",
            Self::Binary => "binary",
            Self::TooLarge { .. } => "too-large",
            Self::Json { .. } => "malformed-json",
            Self::NotAnObject { .. } | Self::NotAnArticle { .. } => "not-an-article",
            Self::MissingColumn { .. } => "missing-column",
            Self::Csv { .. } => "malformed-csv",
            Self::Walk { .. } => "unreadable-path",
        }
    }

    pub(crate) fn io(source: io::Error) -> Self {
        Self::Io { source }
    }

    pub(crate) fn json(error: &serde_json::Error) -> Self {
        Self::Json { message: error.to_string() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lower_case_without_a_trailing_period() {
        let errors = [
            SourceError::io(io::Error::other("boom")),
            SourceError::NotFound,
            SourceError::Empty,
            SourceError::Binary,
            SourceError::TooLarge { bytes_at_least: 10, limit: 5 },
            SourceError::Json { message: "expected value at line 1 column 1".into() },
            SourceError::NotAnObject { found: "an array" },
            SourceError::NotAnArticle { fields: vec!["url".into()], unusable: vec!["text is empty".into()] },
            SourceError::MissingColumn { columns: vec!["a".into(), "b".into()] },
            SourceError::Csv { message: "row has 2 fields".into() },
            SourceError::Walk { message: "dangling symlink".into() },
        ];
        for error in errors {
            let message = error.to_string();
            assert!(message.starts_with(char::is_lowercase), "{message}");
            assert!(!message.ends_with('.'), "{message}");
            assert!(!error.kind().is_empty());
        }
    }

    #[test]
    fn missing_column_names_the_columns_found() {
        let error = SourceError::MissingColumn { columns: vec!["a".into(), "b".into()] };
        assert!(error.to_string().starts_with("no title or text column (columns: a, b)"));
    }
}
