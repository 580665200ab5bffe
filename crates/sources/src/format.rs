//! Picks the reader for one file or stream: by the file's extension, or by
//! sniffing its first non-whitespace byte.
//!
//! | extension | read as |
//! |---|---|
//! | `.jsonl`, `.ndjson` | JSON Lines |
//! | `.json` | `[` a JSON array, `{` one object or JSON Lines |
//! | `.csv`, `.tsv` | a table with a header row |
//! | `.txt`, `.text`, `.md` | plain text, one article |
//! | anything else, none, standard input | `[` or `{` as `.json`, otherwise plain text |

use crate::json::Stream;
use crate::lines::skip_blank;
use crate::{array, decode, delimited, json, text, Record, SourceError};
use dossier_domain::Origin;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    JsonLines,
    Json,
    Csv,
    Tsv,
    /// Decided by the first non-whitespace byte.
    Sniff,
}

impl Format {
    pub(crate) fn of(path: &Path) -> Self {
        let extension = path.extension().and_then(|extension| extension.to_str()).unwrap_or_default();
        match extension.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Self::JsonLines,
            "json" => Self::Json,
            "csv" => Self::Csv,
            "tsv" => Self::Tsv,
            "txt" | "text" | "md" => Self::Text,
            _ => Self::Sniff,
        }
    }
}

/// Reads one file, in the format its name says.
pub(crate) fn read_file(path: &Path, path_id: Option<String>, limit: usize) -> Stream {
    let origin = Origin::file(path);
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return once(Record::skipped(origin, SourceError::io(error))),
    };
    let size = file.metadata().ok().filter(|metadata| metadata.is_file()).map(|metadata| metadata.len());
    match Format::of(path) {
        Format::Text => once(read_text(file, origin, path_id, limit, size)),
        Format::JsonLines => json::read_lines(BufReader::new(file), origin, limit),
        Format::Csv => delimited::read_delimited(file, b',', origin, limit),
        Format::Tsv => delimited::read_delimited(file, b'\t', origin, limit),
        Format::Json => {
            let mut reader = BufReader::new(file);
            match skip_blank(&mut reader) {
                Ok((Some(b'[' | b'{'), before)) => sniff(reader, origin, path_id, limit, size, before),
                Ok((Some(_), _)) => {
                    let message = "expected a JSON array '[' or object '{' at the start".to_owned();
                    once(Record::skipped(origin, SourceError::Json { message }))
                }
                Ok((None, _)) => once(Record::skipped(origin, SourceError::Empty)),
                Err(error) => once(Record::skipped(origin, SourceError::io(error))),
            }
        }
        Format::Sniff => sniff(BufReader::new(file), origin, path_id, limit, size, 0),
    }
}

/// Reads a file of unknown format, or standard input: `[` is a JSON array,
/// `{` one JSON object or JSON Lines, anything else plain text. `before`
/// lines of the input were read already (blank ones).
pub(crate) fn sniff<R: BufRead + Send + 'static>(
    mut reader: R,
    origin: Origin,
    path_id: Option<String>,
    limit: usize,
    size: Option<u64>,
    before: u64,
) -> Stream {
    match skip_blank(&mut reader) {
        Ok((Some(b'['), _)) => array::read_array(reader, origin, limit),
        Ok((Some(b'{'), blank)) => json::read_objects(reader, origin, path_id, limit, before + blank),
        Ok((Some(_), _)) => once(read_text(reader, origin, path_id, limit, size)),
        Ok((None, _)) => once(Record::skipped(origin, SourceError::Empty)),
        Err(error) => once(Record::skipped(origin, SourceError::io(error))),
    }
}

/// Reads a one-article plain-text input of at most `limit` bytes; `size`,
/// when known, is checked before anything is read.
fn read_text(reader: impl Read, origin: Origin, path_id: Option<String>, limit: usize, size: Option<u64>) -> Record {
    if let Some(size) = size.filter(|&size| size > limit as u64) {
        return Record::skipped(origin, SourceError::TooLarge { bytes_at_least: size, limit });
    }
    let mut bytes = Vec::new();
    if let Err(error) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        return Record::skipped(origin, SourceError::io(error));
    }
    if bytes.len() > limit {
        let bytes_at_least = size.unwrap_or(0).max(bytes.len() as u64);
        return Record::skipped(origin, SourceError::TooLarge { bytes_at_least, limit });
    }
    match decode::decode_document(&bytes) {
        Err(error) => Record::skipped(origin, error),
        Ok(content) if content.trim().is_empty() => Record::skipped(origin, SourceError::Empty),
        Ok(content) => Record::Article(text::parse(&content, origin, path_id)),
    }
}

fn once(record: Record) -> Stream {
    Box::new(std::iter::once(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_decides_and_case_does_not_matter() {
        assert_eq!(Format::of(Path::new("a/b.JSONL")), Format::JsonLines);
        assert_eq!(Format::of(Path::new("b.ndjson")), Format::JsonLines);
        assert_eq!(Format::of(Path::new("b.json")), Format::Json);
        assert_eq!(Format::of(Path::new("b.csv")), Format::Csv);
        assert_eq!(Format::of(Path::new("b.tsv")), Format::Tsv);
        assert_eq!(Format::of(Path::new("bbc/001.txt")), Format::Text);
        assert_eq!(Format::of(Path::new("README")), Format::Sniff);
        assert_eq!(Format::of(Path::new("NBA.draft.2")), Format::Sniff);
    }

    fn sniffed(input: &str) -> Vec<Record> {
        sniff(std::io::Cursor::new(input.to_owned()), Origin::stdin(), None, 1024, None, 0).collect()
    }

    #[test]
    fn sniffing_tells_arrays_objects_and_text_apart() {
        assert_eq!(sniffed(" [{\"title\": \"A\"}, {\"title\": \"B\"}]").len(), 2);
        assert_eq!(sniffed("{\"title\": \"A\"}\n{\"title\": \"B\"}\n{\"title\": \"C\"}").len(), 3);
        let records = sniffed("\n\nTitle here\n\nBody text.");
        let [Record::Article(article)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(article.title.as_deref(), Some("Title here"));
        assert!(matches!(sniffed(" \n\t").as_slice(), [Record::Skipped(d)] if d.error.kind() == "empty"));
    }

    #[test]
    fn lines_are_numbered_from_the_top_whatever_blank_lines_come_first() {
        let lines = |records: Vec<Record>| -> Vec<Option<u64>> {
            records
                .iter()
                .map(|r| match r {
                    Record::Article(a) => a.origin.line,
                    Record::Skipped(d) => d.origin.line,
                })
                .collect()
        };
        assert_eq!(lines(sniffed("\n \n{\"title\": \"A\"}\n{bad\n{\"title\": \"C\"}")), [Some(3), Some(4), Some(5)]);
        // A malformed object over several lines: serde names the true line.
        let records = sniffed("\n\n{\n \"title\": \"x\",\n}\n");
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert!(diagnostic.error.to_string().contains("line 5"), "{}", diagnostic.error);
    }

    #[test]
    fn a_stream_over_the_limit_is_too_large() {
        let records: Vec<Record> =
            sniff(std::io::Cursor::new("a ".repeat(1000)), Origin::stdin(), None, 100, None, 0).collect();
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert!(matches!(diagnostic.error, SourceError::TooLarge { bytes_at_least: 101, limit: 100 }));
    }
}
