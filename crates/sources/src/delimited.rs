//! CSV (`,`) and TSV (tab) files with a header row, read one row at a time.
//!
//! Columns are mapped by their header names (see [`crate::fields`]); a file
//! with no column for a title or a text is skipped whole. A row with the
//! wrong number of fields is one diagnostic and the next rows are still
//! read. TSV is read without quoting, as most TSV writers do not quote.
//!
//! A quote that is never closed would make the rest of the file one field
//! of the last row: that row is skipped, said with its line, and the lines
//! after it are read again as rows, so one stray quote loses one row. When
//! what follows the quote is over the size limit, the row is reported as
//! too large, naming the unclosed quote as the likely cause, and the rest
//! of the file is not read (see below).
//!
//! A quote that closes on a later line in the middle of a field (`"Vellmar
//! ferry resumes,...` on one row, `...,"Inspectors closed` on the next)
//! swallowed the lines between into one field: that row is skipped, said
//! with its line, and the lines after its first are read again as rows, so
//! the row the quote closed on is not lost.
//!
//! No row fills memory: the underlying reader refuses to read more than the
//! limit (plus one buffer) past the start of the current row, so the parser
//! holds at most that, and the reader's copy of the row's bytes (kept to
//! find a quote closed mid-field) at most twice that. Such a row is
//! reported as too large, and reading goes on after it: its end is found by
//! reading on without holding the bytes, at the first line break outside
//! quotes, as the parser reads quotes (a field's first quote opens one; TSV
//! has none). A row parsed whole that is over the limit is reported so too.
//! When no end is found before the input ends (a quote never closed), the
//! rest of the file is not read, and the report says so.

use crate::json::Stream;
use crate::{decode, fields, Record, SourceError};
use csv::{ByteRecord, ErrorKind};
use dossier_domain::Origin;
use serde_json::Value;
use std::io::{self, Cursor, Read};

/// The CSV reader's buffer size.
const BUFFER_BYTES: usize = 64 * 1024;

/// Reads a CSV (`delimiter` `b','`) or TSV (`b'\t'`) file.
pub(crate) fn read_delimited<R: Read + Send + 'static>(
    reader: R,
    delimiter: u8,
    origin: Origin,
    limit: usize,
) -> Stream {
    let input = prefixed(Vec::new(), Box::new(reader));
    let mut csv = builder(delimiter).has_headers(true).from_reader(RowGuard::new(input, limit));
    let headers: Vec<String> = match csv.byte_headers() {
        Ok(headers) => headers.iter().map(|name| decode::decode(name).trim().to_owned()).collect(),
        Err(error) => return Box::new(std::iter::once(row_error(&csv, error, origin, 0, 0, limit))),
    };
    if headers.iter().all(String::is_empty) {
        return Box::new(std::iter::once(Record::skipped(origin, SourceError::Empty)));
    }
    if !fields::has_title_or_text(headers.iter().map(String::as_str)) {
        return Box::new(std::iter::once(Record::skipped(origin, SourceError::MissingColumn { columns: headers })));
    }
    Box::new(Rows::new(csv, delimiter, headers, origin, limit, 0))
}

/// The reader's settings. Rows of the wrong length are found by [`Rows`]
/// (flexible here), so that rows read again after an unclosed quote are
/// held to the header too.
fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.delimiter(delimiter).quoting(quotes(delimiter)).flexible(true).buffer_capacity(BUFFER_BYTES);
    builder
}

struct Rows {
    /// `None` once this reader is done: its input ended, or a quote or a
    /// row too large ran to the end of it.
    csv: Option<csv::Reader<RowGuard<Prefixed>>>,
    delimiter: u8,
    headers: Vec<String>,
    record: ByteRecord,
    origin: Origin,
    limit: usize,
    /// Added to the reader's line numbers: rows read again after an
    /// unclosed quote start further down the file.
    line_offset: u64,
    /// The lines a quote swallowed, read again before this reader goes on:
    /// after a quote closed mid-field, or, after one never closed, as the
    /// end of the input (this reader is done then).
    pending: Option<Stream>,
}

impl Iterator for Rows {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(pending) = self.pending.as_mut() {
            if let Some(record) = pending.next() {
                return Some(record);
            }
            self.pending = None;
        }
        let csv = self.csv.as_mut()?;
        let start = csv.position().clone();
        csv.get_mut().start_row(start.byte());
        match csv.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.csv = None;
                self.next()
            }
            Ok(true) => {
                let at = self.record.position().map_or(start.byte(), csv::Position::byte);
                let end = csv.position().byte();
                let line = csv.get_ref().line_at(at) + self.line_offset;
                let origin = self.origin.at_line(line);
                if csv.get_ref().open_quote_at_end(end) {
                    if let Some(skipped) = self.read_again_after_open_quote(line) {
                        return Some(skipped);
                    }
                }
                if let Some(skipped) = self.read_again_after_closed_mid_field(start.byte(), end, line) {
                    return Some(skipped);
                }
                let bytes = end.saturating_sub(at);
                if bytes > self.limit as u64 {
                    return Some(Record::skipped(
                        origin,
                        SourceError::TooLarge { bytes_at_least: bytes, limit: self.limit },
                    ));
                }
                if self.record.len() != self.headers.len() {
                    return Some(Record::skipped(origin, wrong_length(self.headers.len(), self.record.len())));
                }
                Some(match fields::to_article(row_fields(&self.headers, &self.record), origin.clone()) {
                    Ok(article) => Record::Article(article),
                    Err(error) => Record::skipped(origin, error),
                })
            }
            Err(error) => {
                if csv.get_ref().tripped {
                    let csv = self.csv.take()?;
                    return Some(self.read_on_after_too_large(csv, start.byte()));
                }
                let origin = self.origin.clone();
                let record = row_error(csv, error, origin, start.byte(), self.line_offset, self.limit);
                self.csv = None;
                Some(record)
            }
        }
    }
}

impl Rows {
    fn new(
        csv: csv::Reader<RowGuard<Prefixed>>,
        delimiter: u8,
        headers: Vec<String>,
        origin: Origin,
        limit: usize,
        line_offset: u64,
    ) -> Self {
        Self {
            csv: Some(csv),
            delimiter,
            headers,
            record: ByteRecord::new(),
            origin,
            limit,
            line_offset,
            pending: None,
        }
    }

    /// A reader of the rows in `bytes`, the lines after `line` of this one.
    fn rows_of(&self, bytes: Vec<u8>, line: u64) -> Stream {
        let csv = self.reader(bytes, Box::new(io::empty()));
        let origin = self.origin.clone();
        Box::new(Rows::new(csv, self.delimiter, self.headers.clone(), origin, self.limit, line))
    }

    /// A reader of rows, without a header, over `head` then `rest`.
    fn reader(&self, head: Vec<u8>, rest: Box<dyn Read + Send>) -> csv::Reader<RowGuard<Prefixed>> {
        let input = RowGuard::new(prefixed(head, rest), self.limit);
        builder(self.delimiter).has_headers(false).from_reader(input)
    }

    /// The row just read, from byte `start` to `end` at `line`, holds a
    /// quoted field with a line break whose closing quote stands in the
    /// middle of a field: the quote swallowed the lines between. The row is
    /// skipped, and the lines after its first are read again as rows
    /// before this reader goes on.
    fn read_again_after_closed_mid_field(&mut self, start: u64, end: u64, line: u64) -> Option<Record> {
        // Only a row whose fields hold a line break can have swallowed one.
        if !quotes(self.delimiter) || !self.record.as_slice().contains(&b'\n') {
            return None;
        }
        let raw = self.csv.as_ref()?.get_ref().row_bytes(start, end)?;
        let (newline, close) = closed_mid_field(raw, self.delimiter)?;
        let closed_on = line + raw[..close].iter().filter(|&&b| b == b'\n').count() as u64;
        let rest = raw[newline + 1..].to_vec();
        let first_line = line + raw[..newline].iter().filter(|&&b| b == b'\n').count() as u64;
        self.pending = Some(self.rows_of(rest, first_line));
        let message = format!(
            "a quote opened on this row closes on line {closed_on} in the middle of a field; the row is skipped \
             and the lines after it are read as rows"
        );
        Some(Record::skipped(self.origin.at_line(line), SourceError::Csv { message }))
    }

    /// The row that starts at byte `start` ran past the size limit. Its end
    /// is found by reading on without holding the bytes, at the first line
    /// break outside quotes (as the parser reads quotes: only a field's
    /// first quote opens one, and TSV has none); the row is reported with
    /// its size, and this reader goes on after it. When the input ends
    /// first, the row is reported as running to the end.
    fn read_on_after_too_large(&mut self, csv: csv::Reader<RowGuard<Prefixed>>, start: u64) -> Record {
        let line = csv.get_ref().line_at(start) + self.line_offset;
        let origin = self.origin.at_line(line);
        let limit = self.limit;
        let mut guard = csv.into_inner();
        let mut scan = RowEnd::new(self.delimiter);
        let held = guard.take_held(start);
        let mut tail = scan.feed(&held).map(|at| held[at + 1..].to_vec());
        let mut input = guard.inner;
        let mut chunk = vec![0u8; BUFFER_BYTES];
        while tail.is_none() {
            let read = match input.read(&mut chunk) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Record::skipped(origin, SourceError::io(error)),
            };
            tail = scan.feed(&chunk[..read]).map(|at| chunk[at + 1..read].to_vec());
        }
        let Some(mut tail) = tail else {
            if !scan.in_quotes() {
                return Record::skipped(origin, SourceError::TooLarge { bytes_at_least: scan.bytes, limit });
            }
            let message = format!(
                "a row runs past the size limit of {limit} bytes, most likely from a quote opened on this row and \
                 never closed; the rest of the file is not read"
            );
            return Record::skipped(origin, SourceError::Csv { message });
        };
        // What follows the row: the rest of the chunk that ended it, what
        // the input had read ahead, then the input (one level, however many
        // rows were too large).
        let (head, rest) = input.into_inner();
        let position = usize::try_from(head.position()).unwrap_or(usize::MAX);
        tail.extend(head.into_inner().get(position..).unwrap_or_default());
        self.csv = Some(self.reader(tail, rest));
        self.line_offset = line + scan.breaks - 1;
        Record::skipped(origin, SourceError::TooLarge { bytes_at_least: scan.bytes, limit })
    }

    /// The last row, at `line`, ran to the end of the file inside a quote:
    /// its last field holds every line after the row's own. The row is
    /// skipped and those lines are read again as rows (without quotes to
    /// close, they are the file's own bytes). `None` when the field holds
    /// no line break (the quote only swallowed the end of one line).
    fn read_again_after_open_quote(&mut self, line: u64) -> Option<Record> {
        let last = self.record.len().checked_sub(1)?;
        let field = self.record.get(last)?;
        let newline = field.iter().position(|&byte| byte == b'\n')?;
        let breaks_before: usize =
            self.record.iter().take(last).map(|field| field.iter().filter(|&&byte| byte == b'\n').count()).sum();
        let rest = field[newline + 1..].to_vec();
        // Lines of their own, not what a `\r\n` leaves.
        let lines = rest.split(|&byte| byte == b'\n').filter(|line| !line.iter().all(|&b| b == b'\r')).count();
        let rest_line = line + breaks_before as u64 + 1;
        self.pending = Some(self.rows_of(rest, rest_line - 1));
        self.csv = None;
        let after = match lines {
            0 => String::new(),
            1 => " and the line after it is read as a row".to_owned(),
            n => format!(" and the {n} lines after it are read as rows"),
        };
        let message = format!("a quote opened on this row is never closed; the row is skipped{after}");
        Some(Record::skipped(self.origin.at_line(line), SourceError::Csv { message }))
    }
}

/// In a row's bytes, a quoted field that holds a line break and is closed
/// by a quote followed by neither the delimiter nor the end of the row, as
/// a quote does that was left open on one row and closed on a later one:
/// the position of that field's first line break and of the quote that
/// closes it. Spaces between a closing quote and the delimiter are allowed.
fn closed_mid_field(raw: &[u8], delimiter: u8) -> Option<(usize, usize)> {
    let mut at = 0;
    while at < raw.len() {
        if raw[at] == b'"' {
            at += 1;
            let mut first_break = None;
            loop {
                match raw.get(at) {
                    None => return None,
                    Some(b'"') if raw.get(at + 1) == Some(&b'"') => at += 2,
                    Some(b'"') => {
                        let spaces = raw[at + 1..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                        let next = raw.get(at + 1 + spaces).copied();
                        let closes = next.is_none_or(|b| b == delimiter || b == b'\r' || b == b'\n');
                        if let Some(first_break) = first_break.filter(|_| !closes) {
                            return Some((first_break, at));
                        }
                        at += 1;
                        break;
                    }
                    Some(b'\n') => {
                        first_break.get_or_insert(at);
                        at += 1;
                    }
                    Some(_) => at += 1,
                }
            }
        }
        // The rest of the field, to the delimiter or the end of the line.
        while at < raw.len() && raw[at] != delimiter && raw[at] != b'\n' {
            at += 1;
        }
        at += 1;
    }
    None
}

/// Whether fields may be quoted: in CSV; TSV has no quoting.
fn quotes(delimiter: u8) -> bool {
    delimiter != b'\t'
}

/// The input of a reader of rows: bytes read already (what followed a row
/// too large in the chunk that ended it), then the rest of the stream.
type Prefixed = io::Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>>;

fn prefixed(head: Vec<u8>, rest: Box<dyn Read + Send>) -> Prefixed {
    Cursor::new(head).chain(rest)
}

/// Where a row ends, read byte by byte as the parser reads quotes: a
/// field's first quote opens a quoted field (in CSV; TSV has no quoting),
/// two quotes inside it are one, and a line break outside one ends the row.
/// Counts the line breaks and bytes fed.
struct RowEnd {
    delimiter: u8,
    quoting: bool,
    field: Field,
    breaks: u64,
    bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    Plain,
    Quoted,
    /// A quote inside a quoted field: it closes the field, or, with
    /// another, is one.
    QuoteInQuoted,
}

impl RowEnd {
    fn new(delimiter: u8) -> Self {
        Self { delimiter, quoting: quotes(delimiter), field: Field::Start, breaks: 0, bytes: 0 }
    }

    /// Feeds `bytes`; the position of the line break that ends the row,
    /// when they hold it.
    fn feed(&mut self, bytes: &[u8]) -> Option<usize> {
        for (at, &byte) in bytes.iter().enumerate() {
            self.breaks += u64::from(byte == b'\n');
            let ends = match (self.field, byte) {
                (Field::Quoted, b'"') => {
                    self.field = Field::QuoteInQuoted;
                    false
                }
                (Field::Quoted, _) => false,
                (Field::QuoteInQuoted, b'"') => {
                    self.field = Field::Quoted;
                    false
                }
                (_, b'\n') => true,
                (_, byte) if byte == self.delimiter => {
                    self.field = Field::Start;
                    false
                }
                (Field::Start, b'"') if self.quoting => {
                    self.field = Field::Quoted;
                    false
                }
                _ => {
                    self.field = Field::Plain;
                    false
                }
            };
            if ends {
                self.bytes += at as u64;
                return Some(at);
            }
        }
        self.bytes += bytes.len() as u64;
        None
    }

    fn in_quotes(&self) -> bool {
        self.field == Field::Quoted
    }
}

fn wrong_length(expected: usize, found: usize) -> SourceError {
    SourceError::Csv {
        message: format!(
            "row has {found} field{} but the header has {expected}; check the quoting and the delimiters",
            if found == 1 { "" } else { "s" }
        ),
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
    start_byte: u64,
    line_offset: u64,
    limit: usize,
) -> Record {
    let at = error.position().map_or(start_byte, csv::Position::byte);
    let line = csv.get_ref().line_at(at) + line_offset;
    let origin = origin.at_line(line);
    let message = error.to_string();
    let error = match error.into_kind() {
        ErrorKind::Io(_) if csv.get_ref().tripped => SourceError::TooLarge { bytes_at_least: limit as u64 + 1, limit },
        ErrorKind::Io(source) => SourceError::io(source),
        ErrorKind::UnequalLengths { expected_len, len, .. } => wrong_length(expected_len as usize, len as usize),
        _ => SourceError::Csv { message },
    };
    Record::skipped(origin, error)
}

/// A reader that refuses to read more than `window` bytes past the start of
/// the current row, so that one row cannot fill memory.
/// It also counts the quotes it passes on and notes the end of the input,
/// so that a quote left open at the end is seen, and numbers lines itself
/// (the parser's own count slips on `\r\n` line ends).
struct RowGuard<R> {
    inner: R,
    consumed: u64,
    allowed: u64,
    window: u64,
    tripped: bool,
    quotes: u64,
    ended: bool,
    /// The last byte read that is not white space: a closing quote there
    /// closed the last field, whatever the count of quotes says (a quote
    /// inside an unquoted field, `5" screen`, is a character).
    last_mark: u8,
    /// Line breaks before the current row, and the offsets of those read
    /// since its start, each with whether the line it ends is empty (the
    /// parser skips empty lines before a row).
    breaks_before_row: u64,
    breaks: std::collections::VecDeque<(u64, bool)>,
    /// Whether the line read so far holds nothing but a `\r`.
    line_empty: bool,
    /// The bytes read since byte `row_start`, at or before the current
    /// row's start: at most twice the window, since no more is read past a
    /// row's start and the rows before are dropped once they are half of it.
    row: Vec<u8>,
    row_start: u64,
}

impl<R> RowGuard<R> {
    fn new(inner: R, limit: usize) -> Self {
        let window = (limit + BUFFER_BYTES) as u64;
        Self {
            inner,
            consumed: 0,
            allowed: window,
            window,
            tripped: false,
            quotes: 0,
            ended: false,
            last_mark: 0,
            breaks_before_row: 0,
            breaks: std::collections::VecDeque::new(),
            line_empty: true,
            row: Vec::new(),
            row_start: 0,
        }
    }

    fn start_row(&mut self, at_byte: u64) {
        self.allowed = at_byte + self.window;
        // The rows before are dropped once they are half the buffer, so that
        // each byte is moved a bounded number of times, however short the
        // rows.
        let done = usize::try_from(at_byte.saturating_sub(self.row_start)).unwrap_or(usize::MAX).min(self.row.len());
        if done * 2 >= self.row.len() {
            self.row.drain(..done);
            self.row_start += done as u64;
        }
        while self.breaks.front().is_some_and(|&(at, _)| at < at_byte) {
            self.breaks.pop_front();
            self.breaks_before_row += 1;
        }
    }

    /// The 1-based line of the row that starts at byte `at`, at or after
    /// the current row's start (a row that starts on the `\n` of a `\r\n`
    /// starts on the next line, and one after empty lines after them).
    fn line_at(&self, at: u64) -> u64 {
        let before = self.breaks.iter().take_while(|&&(position, _)| position <= at).count();
        let empty_after = self.breaks.iter().skip(before).take_while(|&&(_, empty)| empty).count();
        1 + self.breaks_before_row + (before + empty_after) as u64
    }

    /// The bytes of the row from `start` to `end`, without the empty lines
    /// the parser skipped before it; `None` when they are no longer held.
    fn row_bytes(&self, start: u64, end: u64) -> Option<&[u8]> {
        let from = usize::try_from(start.checked_sub(self.row_start)?).ok()?;
        let to = usize::try_from(end.checked_sub(self.row_start)?).ok()?;
        let raw = self.row.get(from..to)?;
        let blank = raw.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
        Some(&raw[blank..])
    }

    /// The bytes read since byte `start`, the current row's, empty lines
    /// before it aside, taken out of the guard.
    fn take_held(&mut self, start: u64) -> Vec<u8> {
        let from = usize::try_from(start.saturating_sub(self.row_start)).unwrap_or(usize::MAX);
        let mut held = std::mem::take(&mut self.row);
        held.drain(..from.min(held.len()));
        let blank = held.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
        held.drain(..blank);
        held
    }

    /// Whether the input has ended, the parser has read it all (it is at
    /// `parsed`) and an odd number of quotes came before: the last row's
    /// quote was never closed.
    fn open_quote_at_end(&self, parsed: u64) -> bool {
        self.ended && parsed == self.consumed && self.quotes % 2 == 1 && self.last_mark != b'"'
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
        for (offset, &byte) in buffer[..read].iter().enumerate() {
            match byte {
                b'"' => self.quotes += 1,
                b'\n' => self.breaks.push_back((self.consumed + offset as u64, self.line_empty)),
                _ => {}
            }
            self.line_empty = byte == b'\n' || byte == b'\r' && self.line_empty;
            if !byte.is_ascii_whitespace() {
                self.last_mark = byte;
            }
        }
        self.row.extend_from_slice(&buffer[..read]);
        self.consumed += read as u64;
        self.ended |= read == 0 && length > 0;
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
    fn rows_are_numbered_by_physical_line_whatever_the_line_ends() {
        let input = b"id,title,text\r\nc2,T2\r\nc1,\"T1\r\nmore\",ok\r\nc3,T3\r\nc4,T4,ok\r\n";
        assert_eq!(
            kinds(&records(input, b',', 1024)),
            [
                (Some(2), "malformed-csv".into()),
                (Some(3), "article".into()),
                (Some(5), "malformed-csv".into()),
                (Some(6), "article".into())
            ]
        );
    }

    #[test]
    fn a_row_after_empty_lines_has_its_own_line() {
        let input = b"id,title,text\n\nc1,T1,ok\r\n\r\n\r\nc2,T2\n  \nc3,T3,ok\n";
        assert_eq!(
            kinds(&records(input, b',', 1024)),
            [
                (Some(3), "article".into()),
                (Some(6), "malformed-csv".into()),
                // A line of spaces is a row, not an empty line.
                (Some(7), "malformed-csv".into()),
                (Some(8), "article".into())
            ]
        );
        // And a quote never closed, after empty lines.
        let records = records(b"id,title,text\nr1,T1,b1\n\n\nr2,\"T2,b2\nr3,T3,b3\n", b',', 1024);
        let Record::Skipped(skipped) = &records[1] else { panic!("{records:?}") };
        assert_eq!(skipped.origin.line, Some(5));
        assert!(skipped.to_string().contains("the line after it is read as a row"), "{skipped}");
        assert_eq!(article(&records[2]).origin.line, Some(6));
        // Lines counted as lines: an empty `\r\n` is none, and a quote
        // that swallowed only the end of the file reads nothing again.
        let message = |input: &[u8]| {
            let records = super::tests::records(input, b',', 1024);
            let skipped = records.iter().find_map(|r| match r {
                Record::Skipped(skipped) => Some(skipped.to_string()),
                Record::Article(_) => None,
            });
            skipped.unwrap_or_else(|| panic!("{records:?}"))
        };
        let crlf = message(b"id,title,text\r\nr2,\"T2,b2\r\nr3,T3,b3\r\n\r\nr4,T4,b4\r\n");
        assert!(crlf.contains("the 2 lines after it"), "{crlf}");
        let last = message(b"id,title,text\nr1,T1,b1\nr2,T2,\"b2 open\n");
        assert!(last.ends_with("the row is skipped"), "{last}");
    }

    #[test]
    fn a_quote_never_closed_costs_its_row_only() {
        // In the last column and in an earlier one.
        for input in [
            &b"id,title,text\nr1,T1,\"never closed\nr2,T2,b2\nr3,T3,b3\n"[..],
            b"id,title,text\nr1,\"T1,b1\nr2,T2,b2\nr3,T3,b3",
        ] {
            let records = records(input, b',', 1024);
            assert_eq!(
                kinds(&records),
                [(Some(2), "malformed-csv".into()), (Some(3), "article".into()), (Some(4), "article".into())]
            );
            let Record::Skipped(diagnostic) = &records[0] else { unreachable!() };
            assert!(diagnostic.error.to_string().contains("never closed"), "{diagnostic}");
            assert_eq!(article(&records[2]).text, "b3");
        }
        // A quote inside an unquoted field is a character, and a last field
        // closed at the very end is closed.
        let records = records(b"id,title,text\nr1,T1,a 5\" screen\nr2,T2,\"two\nlines\"", b',', 1024);
        assert_eq!(kinds(&records), [(Some(2), "article".into()), (Some(3), "article".into())]);
        assert_eq!(article(&records[1]).text, "two\nlines");
        // More after the quote than a row may hold: said, with its likely cause.
        let mut input = b"title,text\nA,\"never closed\n".to_vec();
        input.extend(b"B,b\n".repeat(BUFFER_BYTES));
        let records = super::tests::records(&input, b',', 1024);
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert!(diagnostic.error.to_string().contains("never closed"), "{diagnostic}");
        // A quoted line break closed properly is one field.
        let records = super::tests::records(b"id,title,text\nr1,T1,\"two\nlines\"\nr2,T2,b2\n", b',', 1024);
        assert_eq!(article(&records[0]).text, "two\nlines");
        assert_eq!(kinds(&records), [(Some(2), "article".into()), (Some(4), "article".into())]);
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
    fn a_row_over_the_limit_costs_only_itself_without_filling_memory() {
        // Far over: read past without being held, in quotes or not.
        for (row, end, lines) in [(&b"B,"[..], &b""[..], 0), (b"B,\"two\nlines, ", b"\"", 1)] {
            let mut input = b"title,text\nA,a\n".to_vec();
            input.extend(row);
            input.extend(vec![b'x'; 4 * BUFFER_BYTES]);
            input.extend(end);
            input.extend_from_slice(b"\nC,c\nD,d\n");
            let records = records(&input, b',', 1024);
            assert_eq!(kinds(&records[..2]), [(Some(2), "article".into()), (Some(3), "too-large".into())]);
            let after: Vec<_> = records[2..].iter().map(|r| article(r).origin.line).collect();
            assert_eq!(after, [Some(4 + lines), Some(5 + lines)], "{records:?}");
        }
        // A quote inside an unquoted field is a character, and TSV has no
        // quotes: neither hides where the row ends.
        for (delimiter, row) in [(b',', &b"B,a 5\" screen "[..]), (b'\t', b"B\ta \"quoted")] {
            let mut input = if delimiter == b',' { b"title,text\n".to_vec() } else { b"title\ttext\n".to_vec() };
            input.extend(row);
            input.extend(vec![b'x'; 4 * BUFFER_BYTES]);
            input.extend_from_slice(if delimiter == b',' { b"\nC,c\nD,d\n" } else { b"\nC\tc\nD\td\n" });
            let records = records(&input, delimiter, 1024);
            assert_eq!(
                kinds(&records),
                [(Some(2), "too-large".into()), (Some(3), "article".into()), (Some(4), "article".into())]
            );
        }
        // Many rows over the limit, parsed whole or read past: each costs
        // itself (and the reader goes on one level deep).
        for (rows, size) in [(3000, 300), (40, 2 * BUFFER_BYTES)] {
            let mut input = b"title,text\n".to_vec();
            for n in 0..rows {
                input.extend(format!("T{n},").as_bytes());
                input.extend(vec![b'x'; size]);
                input.extend(format!("\nS{n},short\n").as_bytes());
            }
            let many = records(&input, b',', 100);
            assert_eq!(many.len(), 2 * rows);
            let last = 2 * rows as u64;
            assert_eq!(
                kinds(&many[2 * rows - 2..]),
                [(Some(last), "too-large".into()), (Some(last + 1), "article".into())]
            );
        }
        // Just over, parsed whole: over the limit all the same.
        let mut input = b"title,text\nA,".to_vec();
        input.extend(vec![b'x'; 2000]);
        input.extend_from_slice(b"\nB,b\n");
        assert_eq!(kinds(&records(&input, b',', 1024)), [(Some(2), "too-large".into()), (Some(3), "article".into())]);
    }

    #[test]
    fn a_quote_closed_on_a_later_row_costs_its_own_row_only() {
        let input = b"id,title,text\na1,\"Ferry resumes,Crossings resumed\na2,Bridge shut,\"Inspectors closed it, \
                      citing cracks\"\na3,Market,Traders returned\n";
        let records = records(input, b',', 1024);
        assert_eq!(
            kinds(&records),
            [(Some(2), "malformed-csv".into()), (Some(3), "article".into()), (Some(4), "article".into())]
        );
        let Record::Skipped(diagnostic) = &records[0] else { unreachable!() };
        assert!(diagnostic.error.to_string().contains("closes on line 3 in the middle of a field"), "{diagnostic}");
        assert_eq!(article(&records[1]).text, "Inspectors closed it, citing cracks");
        // The line named is the one the quote closes on.
        let input = b"id,title,text\na1,\"Ferry resumes,Crossings\nresumed\na2,Bridge shut,\"Inspectors closed it\"\n";
        let records = super::tests::records(input, b',', 1024);
        let Record::Skipped(diagnostic) = &records[0] else { panic!("{records:?}") };
        assert!(diagnostic.error.to_string().contains("closes on line 4 in the middle"), "{diagnostic}");
        // A space between a closing quote and the delimiter closes it.
        let input = b"id,title,text\na1,\"Two\nlines\" ,b\na2,T2,c\n";
        let records = super::tests::records(input, b',', 1024);
        assert_eq!(kinds(&records), [(Some(2), "article".into()), (Some(4), "article".into())]);
        // A quoted field over two lines, closed before a delimiter, is one
        // field; an escaped quote inside it is a character.
        let input = b"id,title,text\na1,\"Ferry \"\"Kittiwake\"\"\nresumes\",Crossings resumed\n";
        let records = super::tests::records(input, b',', 1024);
        assert_eq!(article(&records[0]).title.as_deref(), Some("Ferry \"Kittiwake\"\nresumes"));
    }
}
