//! JSON arrays of articles, read one element at a time.
//!
//! A JSON array file can be far larger than memory, so it is not parsed
//! whole. A small scanner finds where each top-level element ends (it tracks
//! strings, escapes and bracket depth, nothing more) and each element is
//! then parsed on its own by `serde_json`. One malformed element is one
//! diagnostic; the elements after it are still read. An element over the
//! limit is scanned past without being kept. A string of an element's own
//! object that runs to the end of its line, where the next line opens an
//! object (JSON strings hold no line breaks: a quote is missing), would
//! turn every string after it inside out; its element is skipped, and the
//! next element is that object.

use crate::json::{bytes_record, Stream};
use crate::lines::{fill, skip_whitespace};
use crate::{Record, SourceError};
use dossier_domain::Origin;
use std::io::{self, BufRead};

/// Reads a JSON array of article objects; each record's origin line is its
/// 1-based element index.
pub(crate) fn read_array<R: BufRead + Send + 'static>(reader: R, origin: Origin, limit: usize) -> Stream {
    Box::new(ArrayElements { reader, origin, limit, index: 0, state: State::Start, element: Vec::new(), pending: None })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Elements,
    /// After the closing `]`: anything but white space there is reported.
    Closed,
    Done,
}

/// What ended an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Comma,
    Close,
    Eof,
    /// A string of the element's own object ran to the end of its line
    /// (JSON strings hold no line breaks) and the next line opens an
    /// object: the element is broken, and the next one starts there.
    Broken,
}

struct ArrayElements<R> {
    reader: R,
    origin: Origin,
    limit: usize,
    index: u64,
    state: State,
    element: Vec<u8>,
    /// A diagnostic to give after the current record.
    pending: Option<Record>,
}

impl<R: BufRead> ArrayElements<R> {
    /// Reads one element into `self.element` (unless it is over the limit)
    /// and consumes the `,` or `]` after it. Returns what ended it and its
    /// size in bytes.
    fn scan_element(&mut self) -> io::Result<(End, u64)> {
        self.element.clear();
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        // A line break inside a string of the element's own object, and
        // only white space since: a string left open when an object opens
        // the next line.
        let mut broken_line = false;
        let mut total: u64 = 0;
        loop {
            let available = fill(&mut self.reader)?;
            if available.is_empty() {
                return Ok((End::Eof, total));
            }
            let mut end = None;
            for (index, &byte) in available.iter().enumerate() {
                if broken_line {
                    match byte {
                        b'{' => {
                            end = Some((index, End::Broken));
                            break;
                        }
                        b' ' | b'\t' | b'\r' | b'\n' => continue,
                        // Anything else: the string goes on (a line break
                        // in a string is serde's to report).
                        _ => broken_line = false,
                    }
                }
                if in_string && byte == b'\n' && depth <= 1 {
                    broken_line = true;
                    continue;
                }
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if byte == b'\\' {
                        escaped = true;
                    } else if byte == b'"' {
                        in_string = false;
                    }
                    continue;
                }
                match byte {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b']' => {
                        end = Some((index, End::Close));
                        break;
                    }
                    b',' if depth == 0 => {
                        end = Some((index, End::Comma));
                        break;
                    }
                    _ => {}
                }
            }
            let used = end.map_or(available.len(), |(index, _)| index);
            total += used as u64;
            if total <= self.limit as u64 {
                self.element.extend_from_slice(&available[..used]);
            } else {
                self.element.clear();
            }
            match end {
                // The `,` or `]` is consumed; the object that opens the next
                // element after a broken one is that element's.
                Some((_, how)) => {
                    self.reader.consume(used + usize::from(how != End::Broken));
                    return Ok((how, total));
                }
                None => self.reader.consume(used),
            }
        }
    }

    /// A structural error, at the current element (or the whole input
    /// before the first one).
    fn malformed(&self, message: &str) -> Record {
        let origin = if self.index == 0 { self.origin.clone() } else { self.origin.at_element(self.index) };
        Record::skipped(origin, SourceError::Json { message: message.to_owned() })
    }
}

impl<R: BufRead> Iterator for ArrayElements<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(record) = self.pending.take() {
            return Some(record);
        }
        loop {
            match self.state {
                State::Done => return None,
                State::Closed => {
                    self.state = State::Done;
                    if let Ok(Some(_)) = skip_whitespace(&mut self.reader) {
                        let message = "text after the array's closing ']' is not read: one JSON array per input, \
                                       or one JSON object per line (JSON Lines)";
                        return Some(Record::skipped(
                            self.origin.clone(),
                            SourceError::Json { message: message.into() },
                        ));
                    }
                    return None;
                }
                State::Start => {
                    self.state = State::Done;
                    match skip_whitespace(&mut self.reader) {
                        Err(error) => return Some(Record::skipped(self.origin.clone(), SourceError::io(error))),
                        Ok(None) => return Some(Record::skipped(self.origin.clone(), SourceError::Empty)),
                        Ok(Some(b'[')) => self.reader.consume(1),
                        Ok(Some(_)) => return Some(self.malformed("expected '[' at the start of a JSON array")),
                    }
                    match skip_whitespace(&mut self.reader) {
                        Ok(Some(b']')) => {
                            self.reader.consume(1);
                            self.state = State::Closed;
                        }
                        Ok(Some(_)) => self.state = State::Elements,
                        Ok(None) => return Some(self.malformed("the array is not closed with ']'")),
                        Err(error) => return Some(Record::skipped(self.origin.clone(), SourceError::io(error))),
                    }
                }
                State::Elements => {
                    self.index += 1;
                    let scanned = skip_whitespace(&mut self.reader).and_then(|_| self.scan_element());
                    let (end, total) = match scanned {
                        Ok(scanned) => scanned,
                        Err(error) => {
                            self.state = State::Done;
                            return Some(Record::skipped(self.origin.at_element(self.index), SourceError::io(error)));
                        }
                    };
                    self.state = match end {
                        End::Comma | End::Broken => State::Elements,
                        End::Close => State::Closed,
                        End::Eof => State::Done,
                    };
                    if end == End::Broken {
                        return Some(self.malformed(
                            "a string runs to the end of its line, and an object opens the next (a quote is \
                             missing); the element is skipped and reading goes on with that object",
                        ));
                    }
                    let blank = self.element.iter().all(u8::is_ascii_whitespace);
                    let unclosed = "the array is not closed with ']'; the input may be cut short";
                    let origin = self.origin.at_element(self.index);
                    // An element over the limit is not held (it reads as
                    // blank); at the end of the input the open array is
                    // said too.
                    if total > self.limit as u64 {
                        if end == End::Eof {
                            self.pending = Some(self.malformed(unclosed));
                        }
                        return Some(Record::skipped(
                            origin,
                            SourceError::TooLarge { bytes_at_least: total, limit: self.limit },
                        ));
                    }
                    if end == End::Eof && blank {
                        return Some(self.malformed(unclosed));
                    }
                    if blank {
                        return Some(self.malformed("empty element; remove the extra ','"));
                    }
                    let record = bytes_record(&self.element, origin);
                    if end == End::Eof {
                        // A last element cut short is one problem, said once
                        // under its number; after a whole one, the missing
                        // ']' is said of the place after it.
                        if matches!(&record, Record::Skipped(d) if matches!(d.error, SourceError::Json { .. })) {
                            return Some(self.malformed(unclosed));
                        }
                        let after = format!(
                            "the array is not closed with ']' after record {}; the input may be cut short",
                            self.index
                        );
                        let origin = self.origin.at_element(self.index + 1);
                        self.pending = Some(Record::skipped(origin, SourceError::Json { message: after }));
                    }
                    return Some(record);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    /// (index, title or error kind) for every record, read through a tiny
    /// buffer so that elements span many reads.
    fn check(input: &str, limit: usize) -> Vec<(Option<u64>, String)> {
        let reader = BufReader::with_capacity(4, Cursor::new(input.to_owned()));
        read_array(reader, Origin::file("a.json"), limit)
            .map(|record| match record {
                Record::Article(article) => (article.origin.line, article.title.unwrap_or_default()),
                Record::Skipped(diagnostic) => (diagnostic.origin.line, diagnostic.error.kind().to_owned()),
            })
            .collect()
    }

    fn s(line: u64, what: &str) -> (Option<u64>, String) {
        (Some(line), what.to_owned())
    }

    #[test]
    fn elements_are_read_one_by_one() {
        let input = r#" [ {"title": "A, [b]", "tags": ["x", {"y": "]"}]},
            {"title": "Quote \" and \\"} ] trailing"#;
        // Text after the array is said, not dropped silently.
        let trailing = (None, "malformed-json".to_owned());
        assert_eq!(check(input, 1024), [s(1, "A, [b]"), s(2, "Quote \" and \\"), trailing.clone()]);
        assert_eq!(check("[]\n{\"title\": \"B\"}", 1024), [trailing]);
        assert_eq!(check("[]", 1024), []);
        assert_eq!(check(" [ \n ] ", 1024), []);
    }

    #[test]
    fn a_bad_element_is_skipped_and_the_rest_read() {
        let input = r#"[{"title": "A"}, 42, {"title": }, , {"title": "E"}]"#;
        assert_eq!(
            check(input, 1024),
            [s(1, "A"), s(2, "not-an-article"), s(3, "malformed-json"), s(4, "malformed-json"), s(5, "E")]
        );
    }

    #[test]
    fn a_string_left_open_costs_its_element_only() {
        // One element per line.
        let lines =
            "[\n{\"title\": \"A\"},\n{\"title\": \"B is never closed},\n{\"title\": \"C\"},\n{\"title\": \"D\"}\n]";
        assert_eq!(check(lines, 1024), [s(1, "A"), s(2, "malformed-json"), s(3, "C"), s(4, "D")]);
        let reader = BufReader::with_capacity(4, Cursor::new(lines.to_owned()));
        let Some(Record::Skipped(broken)) = read_array(reader, Origin::file("a.json"), 1024).nth(1) else { panic!() };
        assert!(broken.error.to_string().contains("a quote is missing"), "{broken}");
        // A line break inside a string that goes on, or inside a nested
        // object, is one malformed element, and the array goes on.
        let inside = "[{\"title\": \"A\nstill A\"},\n{\"title\": \"B\"}]";
        assert_eq!(check(inside, 1024), [s(1, "malformed-json"), s(2, "B")]);
        let nested = "[{\"title\": \"A\", \"tags\": [{\"x\": \"y\n  z\"}]},\n{\"title\": \"B\"}]";
        assert_eq!(check(nested, 1024), [s(1, "malformed-json"), s(2, "B")]);
        // The last element, left open before the end.
        assert_eq!(check("[{\"title\": \"A\"},\n{\"title\": \"B\n", 1024), [s(1, "A"), s(2, "malformed-json")]);
    }

    #[test]
    fn an_element_over_the_limit_is_skipped() {
        let input = format!(r#"[{{"title": "A"}}, {{"text": "{}"}}, {{"title": "C"}}]"#, "z".repeat(3000));
        assert_eq!(check(&input, 100), [s(1, "A"), s(2, "too-large"), s(3, "C")]);
        // Over the limit, the last, and the array left open: both are said.
        let cut = format!(r#"[{{"title": "A"}}, {{"text": "{}"}}"#, "z".repeat(3000));
        assert_eq!(check(&cut, 100), [s(1, "A"), s(2, "too-large"), s(2, "malformed-json")]);
    }

    #[test]
    fn a_cut_short_array_keeps_its_complete_elements() {
        // The missing ']' is said of the place after the last element.
        assert_eq!(check(r#"[{"title": "A"}, {"title": "B"}"#, 1024), [s(1, "A"), s(2, "B"), s(3, "malformed-json")]);
        // The element cut short is one skipped record, said as the cut.
        assert_eq!(check(r#"[{"title": "A"}, {"title": "#, 1024), [s(1, "A"), s(2, "malformed-json")]);
        let reader = BufReader::with_capacity(4, Cursor::new(r#"[{"title": "A"}, {"title": "#.to_owned()));
        let Some(Record::Skipped(cut)) = read_array(reader, Origin::file("a.json"), 1024).nth(1) else { panic!() };
        assert!(cut.error.to_string().contains("cut short"), "{cut}");
        assert_eq!(check(r#"{"title": "A"}"#, 1024), [(None, "malformed-json".to_owned())]);
    }
}
