//! Readers for every article format dossier accepts: plain text, JSON Lines,
//! JSON arrays, news-please JSON, CSV and TSV, folders and standard input.
//!
//! [`read`] turns the paths named on the command line into one lazy stream
//! of [`Record`]s in a deterministic order: an [`Article`](Record::Article)
//! for each record read, a [`Skipped`](Record::Skipped) [`Diagnostic`] for
//! each file, line or record that could not be, with where and why. Bad input
//! never stops the stream. This crate does I/O and format mapping only: it
//! checks nothing about the content and normalises nothing but line endings
//! and encodings; that is `dossier-text`'s work.
//!
//! ```
//! use dossier_sources::{read_stream, ReadOptions, Record};
//!
//! let input = "{\"id\": \"a1\", \"title\": \"Ferry hits pier\", \"published\": \"2024-08-11\"}\n\
//!              {\"title\": \n\
//!              {\"text\": \"The ferry struck the pier in fog.\", \"source\": \"example.com\", \"lang\": \"en\"}\n";
//! let records: Vec<Record> = read_stream(std::io::Cursor::new(input), ReadOptions::default()).collect();
//!
//! let Record::Article(first) = &records[0] else { panic!() };
//! assert_eq!(first.id.as_deref(), Some("a1"));
//! assert_eq!(first.published.unwrap().to_string(), "2024-08-11");
//!
//! let Record::Skipped(bad) = &records[1] else { panic!() };
//! assert_eq!(bad.origin.line, Some(2));
//! assert_eq!(bad.error.kind(), "malformed-json");
//!
//! let Record::Article(third) = &records[2] else { panic!() };
//! assert_eq!(third.source.as_deref(), Some("example.com"));
//! assert_eq!(third.metadata["lang"], "en");
//! ```
//!
//! # Formats
//!
//! The format is chosen by the file's extension; without a known one, by its
//! first non-whitespace byte.
//!
//! | input | read as |
//! |---|---|
//! | `.jsonl`, `.ndjson` | one JSON object per line; blank lines ignored; each bad line skipped with its line number |
//! | `.json` starting with `[` | an array of article objects, streamed element by element; origin line = element index |
//! | `.json` starting with `{` | one object for the whole file (news-please), one article; if its first line is a whole object and more lines follow, JSON Lines |
//! | `.csv`, `.tsv` | a header row, then one article per row; TSV is unquoted |
//! | `.txt`, `.text`, `.md` | plain text, one article per file |
//! | other or no extension, `-` (standard input) | `[` or `{` as `.json`, otherwise plain text |
//! | a folder | every file under it, recursively, in file-name order; hidden files and `README*`, `LICENSE*`, `LICENCE*` skipped |
//!
//! **Plain text.** After decoding and turning `\r\n` into `\n`, a leading
//! `date YYYY-MM-DD` token becomes the publication day and is removed. Then
//! the first line becomes the title if it reads like a headline: more text
//! follows it, it has at most 200 characters and 30 words, it does not start
//! with a lower-case letter, and it does not end with `.`, `,`, `;` or `:`
//! (an ellipsis `...` is fine).
//!
//! # Field mapping
//!
//! JSON objects and CSV/TSV rows map to [`RawArticle`]
//! by the same table. Names match without regard to case. For each field the
//! first name in the list that holds a usable value wins: a non-empty string
//! (a number too, for `id` and `published`), and for `published` one that
//! [`Published::parse`](dossier_domain::Published::parse) reads (dates, RFC
//! 3339, RFC 2822, epoch seconds or milliseconds). Every other field,
//! including names that lost and dates that did not parse, is kept in the
//! metadata unchanged, in input order; nulls and empty CSV cells are dropped.
//!
//! | article field | input names, preferred first |
//! |---|---|
//! | `id` | `id` |
//! | `title` | `title`, `headline`, `title_page`, `title_rss` |
//! | `text` | `text`, `body`, `content`, `maintext`, then `description` |
//! | `url` | `url`, `link` |
//! | `source` | `source`, `source_domain`, `hostname`, `domain`, `outlet`, `publisher` |
//! | `published` | `published`, `published_at`, `publishedAt`, `date_publish`, `pubDate`, `date`, `timestamp`, `time` |
//!
//! A record with neither a title nor a text is skipped (`not-an-article`). A
//! CSV/TSV header with no title or text column skips the whole file
//! (`missing-column`); a row with the wrong number of fields is skipped.
//!
//! # Ids
//!
//! [`RawArticle::id`](dossier_domain::RawArticle::id) is only the id a record
//! gives itself. One-article files (plain text, a one-object `.json`) also
//! get a [`path_id`](dossier_domain::RawArticle::path_id): the path relative
//! to the folder named on the command line, without extension, with `/`
//! (`business/001` for `bbc/raw/business/001.txt`), or the file stem when
//! the file itself was named. Records inside JSON Lines, arrays and tables
//! get none.
//!
//! # Encodings
//!
//! Text that is not UTF-8 is decoded, never rejected: a UTF-8 byte order mark
//! is stripped, a file or stream that opens with a UTF-16 one is transcoded
//! to UTF-8 as it is read (so JSON Lines and CSV rows are found in it as in
//! any other), and other bytes are decoded with
//! the legacy encoding `chardetng` guesses (windows-1252 for Western text).
//! A NUL byte in the first 8 KiB marks a plain-text file as binary, and so
//! does one among many control characters in the first bytes a file or
//! stream gives, whatever its name: one diagnostic, not one per line of a
//! gzip stream named `.jsonl` (one stray NUL in text is one bad record). A UTF-8
//! byte order mark is dropped before the format is sniffed, so a JSON array
//! or object after one is read as such.
//!
//! # Memory
//!
//! Memory stays bounded whatever the input: folders are walked lazily, JSON
//! Lines, arrays and tables are streamed, and no single article larger than
//! [`ReadOptions::max_article_bytes`] is read into memory; it is skipped as
//! `too-large` (a file's size is checked before it is opened, an over-long
//! line is read past and discarded).

mod array;
mod decode;
mod delimited;
mod error;
mod fields;
mod format;
mod json;
mod lines;
mod text;
mod walk;

pub use error::SourceError;
pub use fields::unread_date;

use dossier_domain::{Origin, RawArticle};
use std::fmt;
use std::fs;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;

/// How much reading may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest single article, in bytes: a text file, a one-object JSON
    /// file, a JSON Lines line, a JSON array element or a CSV row. Larger
    /// ones are skipped with [`SourceError::TooLarge`], not read.
    pub max_article_bytes: usize,
}

impl ReadOptions {
    /// 8 MiB, far above any news article.
    pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 8 * 1024 * 1024;
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_article_bytes: Self::DEFAULT_MAX_ARTICLE_BYTES }
    }
}

/// One thing named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input, named `-`.
    Stdin,
}

impl Input {
    /// `-` is standard input, anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// One thing read: an article, or a file, line or record skipped with why.
// Nearly every record is an article; boxing it would cost an allocation per
// article to shrink the rare diagnostic.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Record {
    Article(RawArticle),
    Skipped(Diagnostic),
}

impl Record {
    /// Where the record was read from.
    pub fn origin(&self) -> &Origin {
        match self {
            Record::Article(article) => &article.origin,
            Record::Skipped(diagnostic) => &diagnostic.origin,
        }
    }

    pub(crate) fn skipped(origin: Origin, error: SourceError) -> Self {
        Record::Skipped(Diagnostic { origin, error })
    }
}

/// Why something was skipped, and where.
#[derive(Debug)]
pub struct Diagnostic {
    pub origin: Origin,
    pub error: SourceError,
}

impl fmt::Display for Diagnostic {
    /// `{origin}: {error}`, followed by the error's causes
    /// (`a.txt: cannot read: permission denied (os error 13)`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.error)?;
        let mut cause = std::error::Error::source(&self.error);
        while let Some(error) = cause {
            write!(f, ": {error}")?;
            cause = error.source();
        }
        Ok(())
    }
}

/// The records of all inputs, read lazily; see [`read`].
pub struct Records {
    inner: Box<dyn Iterator<Item = Record> + Send>,
}

impl Iterator for Records {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.inner.next()
    }
}

impl fmt::Debug for Records {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Records").finish_non_exhaustive()
    }
}

/// Streams every record of every input, lazily, in a deterministic order:
/// inputs in the order given, folder entries by file name, records in file
/// order. Nothing is opened before the first call to `next`.
pub fn read(inputs: Vec<Input>, options: ReadOptions) -> Records {
    let limit = options.max_article_bytes;
    Records { inner: Box::new(inputs.into_iter().flat_map(move |input| read_input(input, limit))) }
}

/// Reads one stream the way standard input (`-`) is read: `[` starts a JSON
/// array, `{` JSON Lines or one object, anything else is one plain-text
/// article. Records carry [`Origin::stdin`].
pub fn read_stream<R: Read + Send + 'static>(reader: R, options: ReadOptions) -> Records {
    read_stream_from(reader, Origin::stdin(), options)
}

/// As [`read_stream`], for a stream that is not standard input: records
/// carry `name` as their origin (a request: "POST /api/articles:3").
pub fn read_stream_named<R: Read + Send + 'static>(reader: R, name: &str, options: ReadOptions) -> Records {
    read_stream_from(reader, Origin::file(name), options)
}

fn read_stream_from<R: Read + Send + 'static>(reader: R, origin: Origin, options: ReadOptions) -> Records {
    let limit = options.max_article_bytes;
    let inner = match decode::utf8_stream(reader) {
        Ok((reader, _)) => format::sniff(BufReader::new(reader), origin, None, limit, None),
        Err(error) => Box::new(std::iter::once(Record::skipped(origin, error))),
    };
    Records { inner }
}

fn read_input(input: Input, limit: usize) -> json::Stream {
    let path = match input {
        Input::Stdin => return read_stream(io::stdin(), ReadOptions { max_article_bytes: limit }).inner,
        Input::Path(path) => path,
    };
    match fs::metadata(&path) {
        Ok(metadata) if metadata.is_dir() => walk::read_folder(path, limit),
        Ok(_) => {
            let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned());
            format::read_file(&path, stem, limit)
        }
        Err(error) => {
            let error = match error.kind() {
                io::ErrorKind::NotFound if walk::is_symlink(&path) => walk::dangling_symlink(),
                io::ErrorKind::NotFound => SourceError::NotFound,
                _ => SourceError::io(error),
            };
            Box::new(std::iter::once(Record::skipped(Origin::file(path), error)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_can_move_between_threads() {
        fn assert_send<T: Send>() {}
        assert_send::<Records>();
        assert_send::<Record>();
    }

    #[test]
    fn a_dash_is_standard_input() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(Input::parse("data/bbc"), Input::Path("data/bbc".into()));
    }

    #[test]
    fn a_missing_path_is_reported_not_found() {
        let records: Vec<Record> = read(vec![Input::parse("/no/such/dossier/path")], ReadOptions::default()).collect();
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(diagnostic.error.kind(), "not-found");
        assert_eq!(diagnostic.to_string(), "/no/such/dossier/path: no such file or folder; check the path");
    }

    #[test]
    fn a_diagnostic_shows_the_cause() {
        let diagnostic = Diagnostic {
            origin: Origin::file("a.txt"),
            error: SourceError::io(io::Error::new(io::ErrorKind::PermissionDenied, "permission denied")),
        };
        assert_eq!(diagnostic.to_string(), "a.txt: cannot read: permission denied");
    }
}
