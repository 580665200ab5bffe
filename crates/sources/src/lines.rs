//! A line reader that never holds more than one bounded line in memory.
//!
//! [`std::io::BufRead::read_line`] grows its buffer until it finds a newline,
//! so a single 10 GB line would be read whole. [`BoundedLines`] keeps at most
//! `limit` bytes of a line; the rest of an over-long line is read and
//! discarded, and the line is reported as [`Line::TooLong`] so that the
//! reader can go on with the next one.

use std::io::{self, BufRead};

/// One line, without its `\n` or `\r\n`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    Text(&'a [u8]),
    /// The line was longer than the limit; it held at least this many bytes.
    TooLong {
        bytes_at_least: u64,
    },
}

/// Reads lines of at most `limit` bytes, numbering them from 1.
pub(crate) struct BoundedLines<R> {
    reader: R,
    limit: usize,
    number: u64,
    buffer: Vec<u8>,
}

impl<R: BufRead> BoundedLines<R> {
    pub(crate) fn new(reader: R, limit: usize) -> Self {
        Self { reader, limit, number: 0, buffer: Vec::new() }
    }

    /// Lines numbered after the `before` lines of the input already read.
    pub(crate) fn after(reader: R, limit: usize, before: u64) -> Self {
        Self { number: before, ..Self::new(reader, limit) }
    }

    /// The next line and its 1-based number, or `None` at the end.
    pub(crate) fn next_line(&mut self) -> io::Result<Option<(u64, Line<'_>)>> {
        self.buffer.clear();
        // Room for the line, its "\r\n", and one byte to tell "over".
        let keep = self.limit.saturating_add(3);
        let mut total: u64 = 0;
        let mut too_long = false;
        loop {
            let available = fill(&mut self.reader)?;
            if available.is_empty() {
                if total == 0 {
                    return Ok(None);
                }
                break;
            }
            let (used, ended) = match available.iter().position(|&byte| byte == b'\n') {
                Some(index) => (index + 1, true),
                None => (available.len(), false),
            };
            total += used as u64;
            if !too_long {
                if self.buffer.len() + used <= keep {
                    self.buffer.extend_from_slice(&available[..used]);
                } else {
                    too_long = true;
                    self.buffer.clear();
                }
            }
            self.reader.consume(used);
            if ended {
                break;
            }
        }
        self.number += 1;
        if !too_long {
            let mut line = self.buffer.as_slice();
            line = line.strip_suffix(b"\n").unwrap_or(line);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.len() <= self.limit {
                return Ok(Some((self.number, Line::Text(&self.buffer[..line.len()]))));
            }
        }
        Ok(Some((self.number, Line::TooLong { bytes_at_least: total })))
    }

    /// How many lines were returned so far.
    pub(crate) fn line_number(&self) -> u64 {
        self.number
    }

    /// The reader, positioned after the last line returned.
    pub(crate) fn into_inner(self) -> R {
        self.reader
    }
}

/// The reader's next buffered bytes (empty at the end), retrying reads that
/// were interrupted.
pub(crate) fn fill(reader: &mut impl BufRead) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            // Re-borrow: the borrow checker cannot yet return `result` itself from the loop.
            Err(error) => return Err(error),
            Ok(_) => return reader.fill_buf(),
        }
    }
}

/// Consumes ASCII whitespace and a leading UTF-8 byte order mark, and
/// returns the next byte without consuming it (`None` at the end).
pub(crate) fn skip_whitespace(reader: &mut impl BufRead) -> io::Result<Option<u8>> {
    skip_blank(reader).map(|(byte, _)| byte)
}

/// [`skip_whitespace`], with the line breaks it consumed: the lines of the
/// input before the next byte's.
pub(crate) fn skip_blank(reader: &mut impl BufRead) -> io::Result<(Option<u8>, u64)> {
    let mut breaks = 0;
    loop {
        let available = fill(reader)?;
        if available.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
            continue;
        }
        let blank = available.iter().position(|byte| !byte.is_ascii_whitespace()).unwrap_or(available.len());
        breaks += available[..blank].iter().filter(|&&byte| byte == b'\n').count() as u64;
        match available.get(blank) {
            Some(&byte) => {
                reader.consume(blank);
                return Ok((Some(byte), breaks));
            }
            None if available.is_empty() => return Ok((None, breaks)),
            None => reader.consume(blank),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Cursor};

    /// Reads all lines of `input` with `limit`, through a tiny buffer so that
    /// lines span many reads.
    fn lines(input: &str, limit: usize) -> Vec<(u64, Result<String, u64>)> {
        let mut reader = BoundedLines::new(BufReader::with_capacity(3, Cursor::new(input.to_owned())), limit);
        let mut out = Vec::new();
        while let Some((number, line)) = reader.next_line().unwrap() {
            out.push((
                number,
                match line {
                    Line::Text(bytes) => Ok(String::from_utf8(bytes.to_vec()).unwrap()),
                    Line::TooLong { bytes_at_least } => Err(bytes_at_least),
                },
            ));
        }
        out
    }

    #[test]
    fn skips_whitespace_and_a_bom_without_consuming_the_next_byte() {
        let mut reader = BufReader::with_capacity(4, Cursor::new(b"\xEF\xBB\xBF \r\n\t [1]".to_vec()));
        assert_eq!(skip_whitespace(&mut reader).unwrap(), Some(b'['));
        assert_eq!(skip_whitespace(&mut reader).unwrap(), Some(b'['));
        assert_eq!(skip_whitespace(&mut Cursor::new(b"  \n")).unwrap(), None);
        assert_eq!(skip_whitespace(&mut Cursor::new(b"\xFF\xFEa")).unwrap(), Some(0xFF));
    }

    #[test]
    fn splits_on_lf_and_crlf_and_keeps_a_last_line_without_newline() {
        assert_eq!(
            lines("one\r\ntwo\n\nfour", 10),
            [(1, Ok("one".into())), (2, Ok("two".into())), (3, Ok(String::new())), (4, Ok("four".into()))]
        );
        assert_eq!(lines("", 10), []);
        assert_eq!(lines("one\n", 10), [(1, Ok("one".into()))]);
    }

    #[test]
    fn a_line_at_the_limit_is_kept() {
        assert_eq!(lines("12345\r\nabc", 5), [(1, Ok("12345".into())), (2, Ok("abc".into()))]);
    }

    #[test]
    fn an_over_long_line_is_reported_and_the_next_line_still_read() {
        let long = "x".repeat(100);
        let input = format!("ok\n{long}\nafter\n");
        assert_eq!(lines(&input, 10), [(1, Ok("ok".into())), (2, Err(101)), (3, Ok("after".into()))]);
    }

    #[test]
    fn the_buffer_stays_bounded_on_an_over_long_line() {
        let input = "y".repeat(100_000);
        let mut reader = BoundedLines::new(BufReader::new(Cursor::new(input)), 16);
        assert_eq!(reader.next_line().unwrap(), Some((1, Line::TooLong { bytes_at_least: 100_000 })));
        assert!(reader.buffer.capacity() < 1024, "capacity {}", reader.buffer.capacity());
        assert_eq!(reader.next_line().unwrap(), None);
    }
}
