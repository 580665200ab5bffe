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
use std::io::{self, BufRead, BufReader, Read};
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
    let (file, transcoded) = match decode::utf8_stream(file) {
        Ok(stream) => stream,
        Err(error) => return once(Record::skipped(origin, error)),
    };
    let size = size.filter(|_| !transcoded);
    match Format::of(path) {
        Format::Text => once(read_text(file, origin, path_id, limit, size)),
        Format::JsonLines => json::read_lines(BufReader::new(file), origin, limit),
        Format::Csv => delimited::read_delimited(file, b',', origin, limit),
        Format::Tsv => delimited::read_delimited(file, b'\t', origin, limit),
        Format::Json => read_sniffed(BufReader::new(file), origin, path_id, limit, size, Otherwise::NotJson),
        Format::Sniff => sniff(BufReader::new(file), origin, path_id, limit, size),
    }
}

/// What an input is when it opens with neither `[` nor `{` and does not
/// read as JSON Lines cut off at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Otherwise {
    /// Plain text, one article (a file of unknown format, standard input).
    Text,
    /// An error: a `.json` file says it is JSON.
    NotJson,
}

/// Reads a file of unknown format, or standard input: `[` is a JSON array,
/// `{` one JSON object or JSON Lines, anything else plain text.
pub(crate) fn sniff<R: BufRead + Send + 'static>(
    reader: R,
    origin: Origin,
    path_id: Option<String>,
    limit: usize,
    size: Option<u64>,
) -> Stream {
    read_sniffed(reader, origin, path_id, limit, size, Otherwise::Text)
}

/// Reads an input by its first byte that is not white space, as [`sniff`]
/// does, with `otherwise` for an input that is no JSON.
fn read_sniffed<R: BufRead + Send + 'static>(
    mut reader: R,
    origin: Origin,
    path_id: Option<String>,
    limit: usize,
    size: Option<u64>,
    otherwise: Otherwise,
) -> Stream {
    match skip_blank(&mut reader) {
        Ok((Some(b'['), _)) => array::read_array(reader, origin, limit),
        Ok((Some(b'{'), blank)) => json::read_objects(reader, origin, path_id, limit, blank),
        Ok((Some(_), blank)) => match cut_json_lines(reader, &origin, limit, blank) {
            Ok(Ok(lines)) => lines,
            Ok(Err(head)) if otherwise == Otherwise::Text => once(text_record(&head, origin, path_id, limit, size)),
            Ok(Err(_)) => {
                let message = "expected a JSON array '[' or object '{' at the start".to_owned();
                once(Record::skipped(origin, SourceError::Json { message }))
            }
            Err(error) => once(Record::skipped(origin, SourceError::io(error))),
        },
        Ok((None, _)) => once(Record::skipped(origin, SourceError::Empty)),
        Err(error) => once(Record::skipped(origin, SourceError::io(error))),
    }
}

/// An input that opens with neither `{` nor `[` may be JSON Lines whose
/// first line was cut off (the second part of a file split by size): it is
/// when at least half of its other lines read are objects on their own.
/// Reads its head (twice `limit` bytes and one more at most) and gives either its
/// records, the head chained before the rest of the stream, or the head.
fn cut_json_lines<R: BufRead + Send + 'static>(
    reader: R,
    origin: &Origin,
    limit: usize,
    before: u64,
) -> io::Result<Result<Stream, Vec<u8>>> {
    // Twice the limit, so that a fragment just under it is followed by
    // lines to judge by.
    let (head, rest) = json::read_head(reader, Vec::new(), 2 * limit + 1)?;
    if !json::reads_as_lines(&head, 1, head.len() > 2 * limit) {
        return Ok(Err(head));
    }
    let lines = io::Cursor::new(head).chain(rest);
    Ok(Ok(json::read_lines_after(lines, origin.clone(), limit, before)))
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
    text_record(&bytes, origin, path_id, limit, size)
}

/// The one article of a plain-text input read so far (`limit` bytes and
/// one more at most); `size` is the whole input's, when known.
fn text_record(bytes: &[u8], origin: Origin, path_id: Option<String>, limit: usize, size: Option<u64>) -> Record {
    if bytes.len() > limit {
        let bytes_at_least = size.unwrap_or(0).max(bytes.len() as u64);
        return Record::skipped(origin, SourceError::TooLarge { bytes_at_least, limit });
    }
    match decode::decode_document(bytes) {
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
        sniff(std::io::Cursor::new(input.to_owned()), Origin::stdin(), None, 1024, None).collect()
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
    fn json_lines_cut_mid_record_at_the_top_are_json_lines() {
        // The second part of a feed split by size opens inside a record.
        let good = "{\"title\": \"B\"}\n".repeat(300);
        let input = format!("\nn Riverton.\",\"source\":\"a.example\"}}\n{good}");
        let records = sniffed(&input);
        assert_eq!(records.len(), 301, "every line read, far past the limit");
        let [Record::Skipped(first), Record::Article(second), ..] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!((first.origin.line, first.error.kind()), (Some(2), "malformed-json"));
        assert_eq!(second.origin.line, Some(3));
        // So is a `.json` file cut so.
        let dir = tempfile::tempdir().unwrap();
        let part = dir.path().join("part-2.json");
        std::fs::write(&part, &input).unwrap();
        let records: Vec<Record> = read_file(&part, None, 1024).collect();
        assert_eq!(records.len(), 301);
        // Text with a line of JSON in it is still text.
        let text = "A headline\n\nThe council said {\"a\": 1} was its reply.\nMore text follows here.";
        assert!(matches!(sniffed(text).as_slice(), [Record::Article(_)]));
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
            sniff(std::io::Cursor::new("a ".repeat(1000)), Origin::stdin(), None, 100, None).collect();
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        // Twice the limit and one byte are read to tell text from JSON Lines
        // cut off at the top; no more.
        assert!(matches!(diagnostic.error, SourceError::TooLarge { bytes_at_least: 201, limit: 100 }));
    }
}
