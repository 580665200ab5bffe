//! JSON inputs that are objects: JSON Lines, and files or streams that start
//! with `{` (one object for the whole file, as news-please writes them, or
//! JSON Lines under another name).
//!
//! Every line or object is parsed on its own, so one malformed line is one
//! diagnostic and the lines around it are still read. No line and no object
//! larger than the limit is held in memory.

use crate::fields;
use crate::lines::{BoundedLines, Line};
use crate::{decode, Diagnostic, Record, SourceError};
use dossier_domain::Origin;
use serde_json::Value;
use std::io::{BufRead, Cursor, Read};

/// A boxed stream of records, as every reader in this crate returns.
pub(crate) type Stream = Box<dyn Iterator<Item = Record> + Send>;

/// Parses JSON bytes in any encoding [`decode::decode`] reads.
pub(crate) fn parse_value(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&decode::decode(bytes))
}

/// The record for one parsed JSON value: an article if it is an object with
/// a text or a title, a diagnostic otherwise.
pub(crate) fn value_record(value: Value, origin: Origin, path_id: Option<String>) -> Record {
    let result = match value {
        Value::Object(map) => fields::to_article(map.into_iter().collect(), origin.clone()),
        other => Err(SourceError::NotAnObject { found: describe(&other) }),
    };
    match result {
        Ok(mut article) => {
            article.path_id = path_id;
            Record::Article(article)
        }
        Err(error) => Record::Skipped(Diagnostic { origin, error }),
    }
}

/// The record for the bytes of one JSON value.
pub(crate) fn bytes_record(bytes: &[u8], origin: Origin) -> Record {
    match parse_value(bytes) {
        Ok(value) => value_record(value, origin, None),
        Err(error) => Record::skipped(origin, SourceError::json(&error)),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads JSON Lines: one object per line, blank lines ignored, each record's
/// origin at its 1-based line.
/// JSON Lines after `before` lines of the input already read (blank ones,
/// or none).
pub(crate) fn read_lines_after<R: BufRead + Send + 'static>(
    reader: R,
    origin: Origin,
    limit: usize,
    before: u64,
) -> Stream {
    let lines = BoundedLines::after(reader, limit, before);
    Box::new(JsonLines { lines, origin, limit, seen_content: false, done: false })
}

pub(crate) fn read_lines<R: BufRead + Send + 'static>(reader: R, origin: Origin, limit: usize) -> Stream {
    read_lines_after(reader, origin, limit, 0)
}

/// Reads an input that starts with `{`.
///
/// If its first non-blank line is a JSON value on its own, the input is JSON
/// Lines; if that line is also its only one, the input is one article (with
/// `path_id`, and an origin without a line). Otherwise it is one object over
/// several lines, read whole within `limit` bytes, unless that does not
/// parse (or is too large) and it reads as JSON Lines whose first records
/// are broken: at least half of the other lines read are objects on their
/// own. Then the broken records are reported and every line read, however
/// large the stream. A first line over the limit is skipped so when the
/// next line is an object on its own. `before` lines of the input were
/// read already (blank ones).
pub(crate) fn read_objects<R: BufRead + Send + 'static>(
    reader: R,
    origin: Origin,
    path_id: Option<String>,
    limit: usize,
    before: u64,
) -> Stream {
    let mut lines = BoundedLines::after(reader, limit, before);
    let (first_number, first_line) = match next_content_line(&mut lines) {
        Err(error) => return once(Record::skipped(origin, SourceError::io(error))),
        Ok(None) => return once(Record::skipped(origin, SourceError::Empty)),
        Ok(Some((number, Content::TooLong { bytes_at_least }))) => {
            // JSON Lines when the lines after it read so; else one object
            // too large.
            let too_large = SourceError::TooLarge { bytes_at_least, limit };
            let (head, rest) = match read_head(lines.into_inner(), Vec::new(), 2 * limit + 1) {
                Ok(read) => read,
                Err(error) => return once(Record::skipped(origin, SourceError::io(error))),
            };
            if !reads_as_lines(&head, 0, head.len() > 2 * limit) {
                return once(Record::skipped(origin, too_large));
            }
            let first = Record::skipped(origin.at_line(number), too_large);
            let lines = BoundedLines::after(Cursor::new(head).chain(rest), limit, number);
            return Box::new(std::iter::once(first).chain(JsonLines {
                lines,
                origin,
                limit,
                seen_content: true,
                done: false,
            }));
        }
        Ok(Some((number, Content::Bytes(bytes)))) => (number, bytes),
    };
    if let Ok(first_value) = parse_value(&first_line) {
        let second = match next_content_line(&mut lines) {
            Ok(None) => return once(value_record(first_value, origin, path_id)),
            Ok(Some((number, content))) => content_record(number, content, &origin, limit),
            Err(error) => Record::skipped(origin.at_line(lines.line_number() + 1), SourceError::io(error)),
        };
        let first = value_record(first_value, origin.at_line(first_number), None);
        let rest = JsonLines { lines, origin, limit, seen_content: true, done: false };
        return Box::new([first, second].into_iter().chain(rest));
    }

    // One object over several lines: read it whole, within the limit, with
    // its lines where they were (serde's errors name them; past
    // MAX_PADDING blank lines before it, they are not kept). Up to twice
    // the limit is read, so that the lines after a broken first line just
    // under the limit still show whether the input is JSON Lines.
    let padding = (first_number - 1).min(MAX_PADDING) as usize;
    let mut whole = vec![b'\n'; padding];
    whole.extend_from_slice(&first_line);
    whole.push(b'\n');
    let cap = padding + 2 * limit + 1;
    let (whole, rest) = match read_head(lines.into_inner(), whole, cap) {
        Ok(read) => read,
        Err(error) => return once(Record::skipped(origin, SourceError::io(error))),
    };
    let body = whole.len() - padding;
    let parsed = if body > limit { None } else { Some(parse_value(&whole)) };
    if let Some(Ok(value)) = parsed {
        return once(value_record(value, origin, path_id));
    }
    if reads_as_lines(&whole, padding as u64 + 1, whole.len() == cap) {
        let before = first_number - 1 - padding as u64;
        return read_lines_after(Cursor::new(whole).chain(rest), origin, limit, before);
    }
    match parsed {
        Some(Err(error)) => once(Record::skipped(origin, SourceError::json(&error))),
        _ => once(Record::skipped(origin, SourceError::TooLarge { bytes_at_least: body as u64, limit })),
    }
}

/// Blank lines kept before an object over several lines so that serde's
/// line numbers are the input's; more are counted, not kept.
const MAX_PADDING: u64 = 4096;

/// Reads on from `reader` into `head` until it holds `cap` bytes or the
/// input ends; gives the head and the reader, to read on from.
pub(crate) fn read_head<R: BufRead>(reader: R, mut head: Vec<u8>, cap: usize) -> std::io::Result<(Vec<u8>, R)> {
    let mut rest = reader.take(cap.saturating_sub(head.len()) as u64);
    rest.read_to_end(&mut head)?;
    Ok((head, rest.into_inner()))
}

/// A line that is a JSON object on its own.
fn is_object_line(bytes: &[u8]) -> bool {
    bytes.trim_ascii_start().starts_with(b"{") && parse_value(bytes).is_ok_and(|value| value.is_object())
}

/// Whether the start of an input that is no one object reads as JSON Lines
/// whose first line is broken: at least half of its other non-blank lines,
/// one at least, are objects on their own (a broken object over several
/// lines has few or none). `cut` says the last line may be cut short.
pub(crate) fn reads_as_lines(start: &[u8], first_number: u64, cut: bool) -> bool {
    let mut lines: Vec<&[u8]> = start.split(|&byte| byte == b'\n').collect();
    if cut {
        lines.pop();
    }
    let others = lines.iter().skip(first_number as usize).filter(|line| !is_blank(line));
    let (objects, total) =
        others.fold((0, 0), |(objects, total), line| (objects + usize::from(is_object_line(line)), total + 1));
    objects >= 1 && objects * 2 >= total
}

fn once(record: Record) -> Stream {
    Box::new(std::iter::once(record))
}

/// A non-blank line, owned.
enum Content {
    Bytes(Vec<u8>),
    TooLong { bytes_at_least: u64 },
}

fn next_content_line<R: BufRead>(lines: &mut BoundedLines<R>) -> std::io::Result<Option<(u64, Content)>> {
    while let Some((number, line)) = lines.next_line()? {
        match line {
            Line::TooLong { bytes_at_least } => return Ok(Some((number, Content::TooLong { bytes_at_least }))),
            Line::Text(bytes) if !is_blank(bytes) => return Ok(Some((number, Content::Bytes(bytes.to_vec())))),
            Line::Text(_) => {}
        }
    }
    Ok(None)
}

fn content_record(number: u64, content: Content, origin: &Origin, limit: usize) -> Record {
    let origin = origin.at_line(number);
    match content {
        Content::Bytes(bytes) => bytes_record(&bytes, origin),
        Content::TooLong { bytes_at_least } => Record::skipped(origin, SourceError::TooLarge { bytes_at_least, limit }),
    }
}

/// Whitespace only, or a UTF-8 byte order mark and whitespace.
fn is_blank(bytes: &[u8]) -> bool {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().all(u8::is_ascii_whitespace)
}

struct JsonLines<R> {
    lines: BoundedLines<R>,
    origin: Origin,
    limit: usize,
    /// Whether a non-blank line was seen; a file without one is reported
    /// empty.
    seen_content: bool,
    done: bool,
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            match self.lines.next_line() {
                Err(error) => {
                    self.done = true;
                    let origin = self.origin.at_line(self.lines.line_number() + 1);
                    return Some(Record::skipped(origin, SourceError::io(error)));
                }
                Ok(None) => {
                    self.done = true;
                    if !self.seen_content {
                        return Some(Record::skipped(self.origin.clone(), SourceError::Empty));
                    }
                }
                Ok(Some((number, Line::TooLong { bytes_at_least }))) => {
                    self.seen_content = true;
                    let error = SourceError::TooLarge { bytes_at_least, limit: self.limit };
                    return Some(Record::skipped(self.origin.at_line(number), error));
                }
                Ok(Some((number, Line::Text(bytes)))) if !is_blank(bytes) => {
                    self.seen_content = true;
                    return Some(bytes_record(bytes, self.origin.at_line(number)));
                }
                Ok(Some(_)) => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, title or error kind) for every record of `input`.
    fn summary(records: Stream) -> Vec<(Option<u64>, String)> {
        records
            .map(|record| match record {
                Record::Article(article) => (article.origin.line, article.title.unwrap_or_default()),
                Record::Skipped(diagnostic) => (diagnostic.origin.line, diagnostic.error.kind().to_owned()),
            })
            .collect()
    }

    fn lines(input: &str, limit: usize) -> Vec<(Option<u64>, String)> {
        summary(read_lines(Cursor::new(input.to_owned()), Origin::file("a.jsonl"), limit))
    }

    fn objects(input: &str, limit: usize) -> Vec<(Option<u64>, String)> {
        summary(read_objects(Cursor::new(input.to_owned()), Origin::file("a.json"), Some("a".into()), limit, 0))
    }

    fn s(line: Option<u64>, what: &str) -> (Option<u64>, String) {
        (line, what.to_owned())
    }

    #[test]
    fn json_lines_skip_blank_lines_and_report_bad_ones() {
        let input = "\u{feff}{\"title\": \"One\"}\n\n{oops\n[1]\n{\"url\": \"u\"}\r\n{\"title\": \"Five\"}";
        assert_eq!(
            lines(input, 1024),
            [
                s(Some(1), "One"),
                s(Some(3), "malformed-json"),
                s(Some(4), "not-an-article"),
                s(Some(5), "not-an-article"),
                s(Some(6), "Five")
            ]
        );
        assert_eq!(lines(" \n\n", 1024), [s(None, "empty")]);
    }

    #[test]
    fn a_line_in_a_legacy_encoding_is_decoded_not_rejected() {
        let input = b"{\"title\": \"Caf\xe9 prices rise by \x80100\"}\n".to_vec();
        let records: Vec<Record> = read_lines(Cursor::new(input), Origin::file("a.jsonl"), 1024).collect();
        let [Record::Article(article)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(article.title.as_deref(), Some("Café prices rise by €100"));
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_next_line_read() {
        let long = format!("{{\"title\": \"{}\"}}", "x".repeat(2000));
        let input = format!("{{\"title\": \"One\"}}\n{long}\n{{\"title\": \"Three\"}}\n");
        assert_eq!(lines(&input, 1024), [s(Some(1), "One"), s(Some(2), "too-large"), s(Some(3), "Three")]);
    }

    #[test]
    fn a_pretty_printed_object_is_one_article() {
        let input = "{\n  \"title\": \"Flag\",\n  \"text\": \"Body\"\n}\n";
        let records: Vec<Record> =
            read_objects(Cursor::new(input), Origin::file("a.json"), Some("a".into()), 1024, 0).collect();
        let [Record::Article(article)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(article.path_id.as_deref(), Some("a"));
        assert_eq!(article.origin.line, None);
        assert_eq!(article.text, "Body");
    }

    #[test]
    fn a_one_line_object_is_one_article_and_several_lines_are_json_lines() {
        assert_eq!(objects("{\"title\": \"Only\"}\n", 1024), [s(None, "Only")]);
        assert_eq!(
            objects("{\"title\": \"A\"}\n{bad\n{\"title\": \"C\"}", 1024),
            [s(Some(1), "A"), s(Some(2), "malformed-json"), s(Some(3), "C")]
        );
    }

    #[test]
    fn a_malformed_first_line_loses_none_of_the_lines_after_it() {
        // Every later line is read, in a stream far larger than the limit
        // for one article.
        let good = "{\"title\": \"Good\"}\n".repeat(200);
        let input = format!("{{\"title\": oops}}\n\n{good}");
        let found = objects(&input, 1024);
        assert_eq!(found.len(), 201);
        assert_eq!(found[..2], [s(Some(1), "malformed-json"), s(Some(3), "Good")]);
        assert_eq!(found[200], s(Some(202), "Good"));
        // A first line that is not an object at all, then objects.
        assert_eq!(objects("{oops\n{\"title\": \"B\"}", 1024), [s(Some(1), "malformed-json"), s(Some(2), "B")]);
        // A first line cut short as an object's opening line would end, and
        // two broken lines before the good ones.
        let good = "{\"title\": \"B\"}\n{\"title\": \"C\"}\n";
        let cut = format!("{{\"id\":\"x\",\"title\":\"A\",\n{good}");
        assert_eq!(objects(&cut, 1024), [s(Some(1), "malformed-json"), s(Some(2), "B"), s(Some(3), "C")]);
        let two = format!("{{\"title\": \"cut\n{{bad\n{good}");
        assert_eq!(
            objects(&two, 1024),
            [s(Some(1), "malformed-json"), s(Some(2), "malformed-json"), s(Some(3), "B"), s(Some(4), "C")]
        );
        // A first line over the limit, then JSON Lines, a broken line first.
        let long = format!("{{\"title\": \"{}\"}}\n{good}", "x".repeat(2000));
        assert_eq!(objects(&long, 1024), [s(Some(1), "too-large"), s(Some(2), "B"), s(Some(3), "C")]);
        let long = format!("{{\"title\": \"{}\"}}\n{{bad\n{good}", "x".repeat(2000));
        assert_eq!(
            objects(&long, 1024),
            [s(Some(1), "too-large"), s(Some(2), "malformed-json"), s(Some(3), "B"), s(Some(4), "C")]
        );
        // A broken first line just under the limit.
        let near = format!("{{\"title\": \"{}\n{good}", "x".repeat(1000));
        assert_eq!(objects(&near, 1024), [s(Some(1), "malformed-json"), s(Some(2), "B"), s(Some(3), "C")]);
        // An object over several lines whose second line is an object.
        assert_eq!(objects("{\"article\":\n{\"title\": \"T\"}\n}\n", 1024), [s(None, "not-an-article")]);
    }

    #[test]
    fn a_malformed_object_is_one_diagnostic() {
        let records: Vec<Record> =
            read_objects(Cursor::new("{\n \"title\": \"x\",\n}\n"), Origin::file("a.json"), None, 1024, 0).collect();
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(diagnostic.error.kind(), "malformed-json");
        assert!(diagnostic.error.to_string().contains("line 3"), "{}", diagnostic.error);
        // Blank lines inside it keep serde's line numbers true.
        let records: Vec<Record> =
            read_objects(Cursor::new("{\n\n\n \"title\": \"x\",\n}\n"), Origin::file("a.json"), None, 1024, 0)
                .collect();
        let [Record::Skipped(diagnostic)] = records.as_slice() else { panic!("{records:?}") };
        assert!(diagnostic.error.to_string().contains("line 5"), "{}", diagnostic.error);
    }

    #[test]
    fn blank_lines_before_an_object_cost_no_memory_and_no_room() {
        let input = format!("{}{{\n\"title\": \"A\"\n}}\n", "\n".repeat(20_000));
        let records: Vec<Record> =
            read_objects(Cursor::new(input), Origin::file("a.json"), Some("a".into()), 1024, 0).collect();
        let [Record::Article(article)] = records.as_slice() else { panic!("{records:?}") };
        assert_eq!(article.title.as_deref(), Some("A"));
    }

    #[test]
    fn an_object_over_the_limit_is_too_large() {
        let input = format!("{{\n\"text\": \"{}\"\n}}\n", "x".repeat(5000));
        assert_eq!(objects(&input, 1024), [s(None, "too-large")]);
    }
}
