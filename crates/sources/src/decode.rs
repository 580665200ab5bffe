//! Bytes to text: byte order marks, binary detection, and a guessed legacy
//! encoding for input that is not UTF-8.
//!
//! Text that is not UTF-8 is decoded, never rejected. A UTF-8 byte order
//! mark is stripped and UTF-16 ones are honoured. Bytes that are not valid
//! UTF-8 are decoded with the encoding [`chardetng`] guesses (the detector
//! Firefox uses), through [`encoding_rs`]. A file that is mostly UTF-8 with
//! a few stray legacy bytes (a common result of pasting) keeps its UTF-8
//! and only the stray bytes are decoded with the guess. A file or stream
//! that opens with a UTF-16 byte order mark is transcoded to UTF-8 as it is
//! read ([`utf8_stream`]), so that its lines, records and fields are found
//! as any other's.

use crate::SourceError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::borrow::Cow;
use std::io::{self, Cursor, Read};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How far into a file a NUL byte marks it as binary.
const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Decodes a whole one-article file, refusing binary content.
pub(crate) fn decode_document(bytes: &[u8]) -> Result<Cow<'_, str>, SourceError> {
    if utf16_bom(bytes).is_none() && bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
        return Err(SourceError::Binary);
    }
    Ok(decode(bytes))
}

/// Decodes any bytes to text: a document, a JSONL line, a CSV field.
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(encoding) = utf16_bom(bytes) {
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return text;
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(decode_with(guess(bytes), bytes)),
    }
}

/// The legacy encoding `bytes` most likely use (never UTF-8).
pub(crate) fn guess(bytes: &[u8]) -> &'static Encoding {
    if looks_western(bytes) {
        return WINDOWS_1252;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// Decodes `bytes`, which are not valid UTF-8, with a guessed `encoding`.
///
/// When the bytes hold more valid multi-byte UTF-8 characters than invalid
/// sequences, they are UTF-8 with stray legacy bytes: the valid parts stay
/// UTF-8 and only the invalid bytes are decoded with `encoding` (or
/// windows-1252 when the guess is not a single-byte encoding).
pub(crate) fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    let (mut multibyte_chars, mut invalid_runs) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid_runs += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte_chars <= invalid_runs {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    let stray = if encoding.is_single_byte() { encoding } else { WINDOWS_1252 };
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push_str(&stray.decode_without_bom_handling(chunk.invalid()).0);
        }
    }
    text
}

/// Whether `bytes` are ASCII with typographic punctuation and symbols and at
/// most a few accented letters, as English and other Western news text is:
/// fewer than a quarter of the non-ASCII bytes are in 0xC0..=0xFF (letters in
/// every Latin encoding), and none is a byte windows-1252 leaves undefined.
///
/// Such text is windows-1252. A detector cannot tell: it weighs pairs of
/// letters, and there are too few. chardetng reads a lone `£` (0xA3) as
/// windows-1250 `Ł` and a lone `µ` as the lead byte of a Big5 character,
/// which broke a fifth of the cp1252 files in `shared/data/wikiref`. Text in
/// another legacy encoding (Central European, Cyrillic, Greek, CJK) is
/// dense in letter bytes and still goes to the detector.
fn looks_western(bytes: &[u8]) -> bool {
    let (mut non_ascii, mut letters) = (0usize, 0usize);
    for &byte in bytes.iter().filter(|byte| !byte.is_ascii()) {
        if matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
            return false;
        }
        non_ascii += 1;
        letters += usize::from(byte >= 0xC0);
    }
    non_ascii > 0 && letters * 4 < non_ascii
}

/// Whether the first bytes of a stream are no text: a NUL among them, and
/// control characters (line ends and tabs aside) at least one byte in
/// twenty, as in gzip, images or UTF-16 without its mark. One stray NUL in
/// text is one bad record, not a binary file.
fn looks_binary(head: &[u8]) -> bool {
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    head.contains(&0) && controls * 20 >= head.len()
}

/// A stream read as UTF-8: one that opens with a UTF-16 byte order mark is
/// transcoded as it is read, one that opens with a UTF-8 mark loses it, and
/// any other passes through as it is. Says whether it was transcoded (then
/// its size in bytes is not the size of its text). A NUL byte in what the
/// first reads give (up to 8 KiB, without waiting for more than a mark's
/// three bytes, so that a live stream is not held up) may mark it binary
/// ([`looks_binary`]), as gzip or an image is: one error, not one per line.
pub(crate) fn utf8_stream<R: Read + Send + 'static>(
    mut reader: R,
) -> Result<(Box<dyn Read + Send>, bool), SourceError> {
    let mut head = vec![0u8; BINARY_SNIFF_BYTES];
    let mut read = 0;
    while read < UTF8_BOM.len() {
        match reader.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(SourceError::io(error)),
        }
    }
    head.truncate(read);
    if let Some(encoding) = utf16_bom(&head) {
        let transcoder = DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .strip_bom(true)
            .build(Cursor::new(head).chain(reader));
        return Ok((Box::new(transcoder), true));
    }
    if looks_binary(&head) {
        return Err(SourceError::Binary);
    }
    let start = if head.starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 };
    head.drain(..start);
    Ok((Box::new(Cursor::new(head).chain(reader)), false))
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding == UTF_16LE || encoding == UTF_16BE => Some(encoding),
        Some((encoding, _)) => {
            debug_assert_eq!(encoding, UTF_8);
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_its_bom_is_stripped() {
        assert_eq!(decode("naïve €".as_bytes()), "naïve €");
        assert_eq!(decode(b"\xEF\xBB\xBFhello"), "hello");
        assert!(matches!(decode(b"plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn utf16_boms_are_honoured() {
        let little: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Olympic €".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let big: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Olympic €".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode_document(&little).unwrap(), "Olympic €");
        assert_eq!(decode_document(&big).unwrap(), "Olympic €");
    }

    #[test]
    fn cp1252_is_guessed_and_decoded() {
        // "It’s “fine”: €250,000 seized" in windows-1252, as wikiref stores it.
        let bytes = b"It\x92s \x93fine\x94: \x80250,000 were seized by the police in Paris on Sunday";
        assert_eq!(decode(bytes), "It’s “fine”: €250,000 were seized by the police in Paris on Sunday");
    }

    #[test]
    fn latin1_pound_sign_is_decoded() {
        let bytes = b"a possible transfer fee for Mutu, a \xa315.8m signing from Parma";
        assert_eq!(decode(bytes), "a possible transfer fee for Mutu, a £15.8m signing from Parma");
    }

    #[test]
    fn sparse_symbols_and_names_are_windows_1252() {
        // chardetng alone guesses windows-1250 ("Ł15.8m") and Big5 for these.
        assert_eq!(
            decode(b"the richest league by \x801 billion (\xa30.7 billion) this year"),
            "the richest league by €1 billion (£0.7 billion) this year"
        );
        assert_eq!(decode(b"a 0.5\xb5m sensor in the phone"), "a 0.5µm sensor in the phone");
        let bytes = b"\x93Omar Isma\xefl Mostefai\x94 has been named \x96 he was 29 \x96 and \x93French\x94";
        assert_eq!(decode(bytes), "“Omar Ismaïl Mostefai” has been named – he was 29 – and “French”");
    }

    #[test]
    fn dense_legacy_text_goes_to_the_detector() {
        // Russian in windows-1251 and Polish in windows-1250.
        let (russian, _, _) =
            encoding_rs::WINDOWS_1251.encode("Олимпийский флаг передан Лос-Анджелесу в воскресенье вечером");
        assert_eq!(decode(&russian), "Олимпийский флаг передан Лос-Анджелесу в воскресенье вечером");
        let (polish, _, _) = encoding_rs::WINDOWS_1250
            .encode("Zażółć gęślą jaźń; flaga olimpijska została przekazana w niedzielę wieczorem");
        assert_eq!(decode(&polish), "Zażółć gęślą jaźń; flaga olimpijska została przekazana w niedzielę wieczorem");
    }

    #[test]
    fn stray_legacy_bytes_in_utf8_keep_the_utf8() {
        let mut bytes = "Café “Olympique” – Zürich, Besançon and Málaga ".as_bytes().to_vec();
        bytes.extend_from_slice(b"cost \x80100");
        assert_eq!(decode(&bytes), "Café “Olympique” – Zürich, Besançon and Málaga cost €100");
    }

    #[test]
    fn a_nul_byte_near_the_start_means_binary() {
        assert!(matches!(decode_document(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(SourceError::Binary)));
        let mut late_nul = vec![b'a'; BINARY_SNIFF_BYTES];
        late_nul.push(0);
        assert!(decode_document(&late_nul).is_ok());
    }
}
