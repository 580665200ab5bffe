//! CSV (`,`) and TSV (tab) files with a header row, read one row at a time.
//!
//! Columns are mapped by their header names (see [`crate::fields`]); a file
//! with no column for a title or a text is skipped whole. A row with the
//! wrong number of fields is one diagnostic and the next rows are still
//! read. TSV is read without quoting, as most TSV writers do not quote.
//!
//! A row is never held in memory beyond the size limit: the underlying
//! reader refuses to read more than the limit (plus one buffer) past the
//! start of the current row. Such a row is reported as too large, and the
//! rest of the file is not read, because without parsing the row there is
//! no telling where it ends.

use crate::json::Stream;
use crate::{decode, fields, Record, SourceError};
use csv::{ByteRecord, ErrorKind};
use dossier_domain::Origin;
use serde_json::Value;
use std::io::{self, Read};

/// The CSV reader's buffer size.
const BUFFER_BYTES: usize = 64 * 1024;

/// Reads a CSV (`delimiter` `b','`) or TSV (`b'\t'`) file.
pub(crate) fn read_delimited<R: Read + Send + 'static>(
    reader: R,
    delimiter: u8,
    origin: Origin,
    limit: usize,
) -> Stream {
    let window = (limit + BUFFER_BYTES) as u64;
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter != b'\t')
        .has_headers(true)
        .flexible(false)
        .buffer_capacity(BUFFER_BYTES)
        .from_reader(RowGuard { inner: reader, consumed: 0, allowed: window, window, tripped: false });
    let headers: Vec<String> = match csv.byte_headers() {
        Ok(headers) => headers.iter().map(|name| decode::decode(name).trim().to_owned()).collect(),
        Err(error) => return Box::new(std::iter::once(row_error(&csv, error, origin, 1, limit))),
    };
    if headers.iter().all(String::is_empty) {
        return Box::new(std::iter::once(Record::skipped(origin, SourceError::Empty)));
    }
    if !fields::has_title_or_text(headers.iter().map(String::as_str)) {
        return Box::new(std::iter::once(Record::skipped(origin, SourceError::MissingColumn { columns: headers })));
    }
    Box::new(Rows { csv, headers, record: ByteRecord::new(), origin, limit, done: false })
}

struct Rows<R> {
    csv: csv::Reader<RowGuard<R>>,
    headers: Vec<String>,
    record: ByteRecord,
    origin: Origin,
    limit: usize,
    done: bool,
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let start = self.csv.position().clone();
        self.csv.get_mut().start_row(start.byte());
        match self.csv.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => {
                let line = self.record.position().map_or(start.line(), csv::Position::line);
                let origin = self.origin.at_line(line);
                Some(match fields::to_article(row_fields(&self.headers, &self.record), origin.clone()) {
                    Ok(article) => Record::Article(article),
                    Err(error) => Record::skipped(origin, error),
                })
            }
            Err(error) => {
                let fatal = !matches!(error.kind(), ErrorKind::UnequalLengths { .. });
                self.done = fatal;
                Some(row_error(&self.csv, error, self.origin.clone(), start.line(), self.limit))
            }
        }
    }
}

/// The header names paired with one row's values; empty cells are null.
fn row_fields(headers: &[String], record: &ByteRecord) -> Vec<(String, Value)> {
    let all_utf8 = record.iter().all(|field| std::str::from_utf8(field).is_ok());
    let encoding = if all_utf8 { None } else { Some(decode::guess(record.as_slice())) };
    headers
        .iter()
        .zip(record.iter())
        .map(|(name, bytes)| {
            let text = match (std::str::from_utf8(bytes), encoding) {
                (Ok(text), _) => text.to_owned(),
                (Err(_), Some(encoding)) => decode::decode_with(encoding, bytes),
                (Err(_), None) => String::from_utf8_lossy(bytes).into_owned(),
            };
            let value = if text.trim().is_empty() { Value::Null } else { Value::String(text) };
            (name.clone(), value)
        })
        .collect()
}

fn row_error<R: Read>(
    csv: &csv::Reader<RowGuard<R>>,
    error: csv::Error,
    origin: Origin,
    start_line: u64,
    limit: usize,
) -> Record {
    let line = error.position().map_or(start_line, csv::Position::line);
    let origin = origin.at_line(line);
    let message = error.to_string();
    let error = match error.into_kind() {
        ErrorKind::Io(_) if csv.get_ref().tripped => SourceError::TooLarge { bytes_at_least: limit as u64 + 1, limit },
        ErrorKind::Io(source) => SourceError::io(source),
        ErrorKind::UnequalLengths { expected_len, len, .. } => SourceError::Csv {
            message: format!(
                "row has {len} fields but the header has {expected_len}; check the quoting and the delimiters"
            ),
        },
        _ => SourceError::Csv { message },
    };
    Record::skipped(origin, error)
}

/// A reader that refuses to read more than `window` bytes past the start of
/// the current row, so that one row cannot fill memory.
struct RowGuard<R> {
    inner: R,
    consumed: u64,
    allowed: u64,
    window: u64,
    tripped: bool,
}

impl<R> RowGuard<R> {
    fn start_row(&mut self, at_byte: u64) {
        self.allowed = at_byte + self.window;
    }
}

impl<R: Read> Read for RowGuard<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let room = self.allowed.saturating_sub(self.consumed);
        if room == 0 && !buffer.is_empty() {
            self.tripped = true;
            return Err(io::Error::other("row over the size limit"));
        }
        let length = buffer.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buffer[..length])?;
        self.consumed += read as u64;
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn records(input: &[u8], delimiter: u8, limit: usize) -> Vec<Record> {
        read_delimited(Cursor::new(input.to_vec()), delimiter, Origin::file("a.csv"), limit).collect()
    }

    fn kinds(records: &[Record]) -> Vec<(Option<u64>, String)> {
        records
            .iter()
            .map(|record| match record {
                Record::Article(article) => (article.origin.line, "article".to_owned()),
                Record::Skipped(diagnostic) => (diagnostic.origin.line, diagnostic.error.kind().to_owned()),
            })
            .collect()
    }

    fn article(record: &Record) -> &dossier_domain::RawArticle {
        match record {
            Record::Article(article) => article,
            Record::Skipped(diagnostic) => panic!("{diagnostic}"),
        }
    }

    #[test]
    fn uci_headlines_columns_map_as_documented() {
        let input = b"\xEF\xBB\xBFID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n\
            1,\"Harbour board says fog, not pilots, slowed the ferries\",http://www.latimes.com/x,Los Angeles Times,b,ddUy,www.latimes.com,1394470370698\n";
        let records = records(input, b',', 1024);
        let raw = article(&records[0]);
        assert_eq!(raw.id.as_deref(), Some("1"));
        assert_eq!(raw.title.as_deref(), Some("Harbour board says fog, not pilots, slowed the ferries"));
        assert_eq!(raw.url.as_deref(), Some("http://www.latimes.com/x"));
        assert_eq!(raw.source.as_deref(), Some("www.latimes.com"));
        assert_eq!(raw.published.unwrap().to_string(), "2014-03-10T16:52:50.698+00:00");
        assert_eq!(raw.text, "");
        assert_eq!(raw.origin.line, Some(2));
        let keys: Vec<&str> = raw.metadata.keys().map(String::as_str).collect();
        assert_eq!(keys, ["PUBLISHER", "CATEGORY", "STORY"]);
    }

    #[test]
    fn a_row_with_the_wrong_number_of_fields_is_skipped() {
        let input = b"title,text\nA,a\nB,b,extra\nC,c\nD";
        assert_eq!(
            kinds(&records(input, b',', 1024)),
            [
                (Some(2), "article".into()),
                (Some(3), "malformed-csv".into()),
                (Some(4), "article".into()),
                (Some(5), "malformed-csv".into())
            ]
        );
    }

    #[test]
    fn tsv_is_read_without_quoting() {
        let input = b"headline\tbody\n\"Quoted\" title\tHe said \"no\".\n";
        let records = records(input, b'\t', 1024);
        assert_eq!(article(&records[0]).title.as_deref(), Some("\"Quoted\" title"));
        assert_eq!(article(&records[0]).text, "He said \"no\".");
    }

    #[test]
    fn no_title_or_text_column_skips_the_file() {
        let records = records(b"id,url\n1,u\n", b',', 1024);
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(diagnostic.error.to_string().split(';').next(), Some("no title or text column (columns: id, url)"));
        assert_eq!(kinds(&super::tests::records(b"", b',', 1024)), [(None, "empty".into())]);
    }

    #[test]
    fn legacy_encoded_rows_are_decoded() {
        let records = records(b"title,text\nCaf\xe9 cr\xe8me,Prices rose by \x80100 in the caf\xe9\n", b',', 1024);
        assert_eq!(article(&records[0]).title.as_deref(), Some("Café crème"));
        assert_eq!(article(&records[0]).text, "Prices rose by €100 in the café");
    }

    #[test]
    fn a_row_over_the_limit_stops_the_file_without_filling_memory() {
        let mut input = b"title,text\nA,a\nB,".to_vec();
        input.extend(vec![b'x'; 4 * BUFFER_BYTES]);
        input.extend_from_slice(b"\nC,c\n");
        assert_eq!(kinds(&records(&input, b',', 1024)), [(Some(2), "article".into()), (Some(3), "too-large".into())]);
    }
}
