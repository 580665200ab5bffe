//! Shingling: text to 64-bit shingle hashes in one pass, without
//! allocating per word or per hash.
//!
//! **Tokenisation.** A word is a maximal run of characters that are
//! alphanumeric (Unicode `Alphabetic` or `Numeric`) or `_`, lower-cased
//! with Unicode's full lower-case mapping. Everything else (spaces,
//! punctuation, symbols, control characters) only separates words. This is
//! the `\w+` of the Python tools over lower-cased text, so shingles agree
//! with datasketch-style pipelines and with the benchmark's exact truth.
//! No Unicode normalisation is applied here; `ingest` hands in text that is
//! NFKC already.
//!
//! - [`Shingling::Words`]`(k)`: every run of `k` consecutive words.
//! - [`Shingling::Chars`]`(n)`: every run of `n` consecutive characters of
//!   the words joined by single spaces (so punctuation and spacing do not
//!   matter).
//!
//! A text with at least one word but fewer than `k` words (`n` characters)
//! is one shingle of all of them. A text without words has no shingles.
//!
//! Each word (character) is hashed once; a shingle's hash is a polynomial
//! over its word hashes, rolled forward one word at a time, then mixed: one
//! multiply-add and one mix per shingle.

use crate::DedupError;

/// The largest shingle size accepted.
pub const MAX_NGRAM: usize = 32;

/// How text is cut into shingles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shingling {
    /// Word n-grams of this many words.
    Words(usize),
    /// Character n-grams of this many characters.
    Chars(usize),
}

impl Default for Shingling {
    /// Word 5-grams.
    fn default() -> Self {
        Shingling::Words(5)
    }
}

impl Shingling {
    /// Checks the size: 1 to [`MAX_NGRAM`].
    pub fn validate(self) -> Result<Self, DedupError> {
        let n = self.size();
        if (1..=MAX_NGRAM).contains(&n) {
            Ok(self)
        } else {
            Err(DedupError::NgramSize { size: n, max: MAX_NGRAM })
        }
    }

    /// The n of the n-grams.
    pub fn size(self) -> usize {
        match self {
            Shingling::Words(n) | Shingling::Chars(n) => n,
        }
    }

    /// Reads `word:5`, `char:9`, or a bare number of words.
    pub fn parse(spec: &str) -> Result<Self, DedupError> {
        let bad = || DedupError::ShinglingSpec { spec: spec.to_owned() };
        let (kind, size) = spec.split_once(':').unwrap_or(("word", spec));
        let size: usize = size.trim().parse().map_err(|_| bad())?;
        let shingling = match kind.trim() {
            "word" | "words" => Shingling::Words(size),
            "char" | "chars" => Shingling::Chars(size),
            _ => return Err(bad()),
        };
        shingling.validate()
    }

    /// Calls `emit` with the hash of every shingle of `text`, in order
    /// (a shingle that occurs twice is emitted twice). Returns how many.
    pub fn for_each<F: FnMut(u64)>(self, text: &str, emit: F) -> usize {
        match self {
            Shingling::Words(k) => word_shingles(text, k.clamp(1, MAX_NGRAM), emit),
            Shingling::Chars(n) => char_shingles(text, n.clamp(1, MAX_NGRAM), emit),
        }
    }
}

impl std::fmt::Display for Shingling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shingling::Words(n) => write!(f, "word:{n}"),
            Shingling::Chars(n) => write!(f, "char:{n}"),
        }
    }
}

/// Odd multiplier of the rolling polynomial.
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A strong 64-bit finaliser (murmur3's fmix64).
#[inline]
pub(crate) fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// `BASE^(n-1)`, the weight of the word that leaves the window.
fn leaving_weight(n: usize) -> u64 {
    (1..n).fold(1u64, |weight, _| weight.wrapping_mul(BASE))
}

/// Rolls a window of `n` item hashes and emits each full window's hash.
struct Roller<F> {
    n: usize,
    ring: [u64; MAX_NGRAM],
    seen: usize,
    slot: usize,
    sum: u64,
    leaving: u64,
    tag: u64,
    emitted: usize,
    emit: F,
}

impl<F: FnMut(u64)> Roller<F> {
    fn new(n: usize, tag: u64, emit: F) -> Self {
        Self { n, ring: [0; MAX_NGRAM], seen: 0, slot: 0, sum: 0, leaving: leaving_weight(n), tag, emitted: 0, emit }
    }

    #[inline]
    fn push(&mut self, item: u64) {
        let slot = self.slot;
        if self.seen >= self.n {
            self.sum = self.sum.wrapping_sub(self.ring[slot].wrapping_mul(self.leaving));
        }
        self.sum = self.sum.wrapping_mul(BASE).wrapping_add(item);
        self.ring[slot] = item;
        self.slot = if slot + 1 == self.n { 0 } else { slot + 1 };
        self.seen += 1;
        if self.seen >= self.n {
            (self.emit)(mix64(self.sum ^ self.tag));
            self.emitted += 1;
        }
    }

    /// Emits the one short shingle of a text with fewer than `n` items.
    fn finish(mut self) -> usize {
        if self.seen > 0 && self.seen < self.n {
            (self.emit)(mix64(self.sum ^ self.tag ^ (self.seen as u64).wrapping_mul(FNV_PRIME)));
            self.emitted += 1;
        }
        self.emitted
    }
}

/// Lower-case table and word-character flags for ASCII.
const fn ascii_table() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' { c.to_ascii_lowercase() } else { 0 };
        b += 1;
    }
    table
}
static ASCII: [u8; 128] = ascii_table();

/// Walks the words of `text`, calling `step` with `Some(byte)` for each
/// lower-cased UTF-8 byte of a word and `None` after each word.
#[inline]
fn walk_words(text: &str, mut step: impl FnMut(Option<u8>)) {
    let bytes = text.as_bytes();
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 128 {
            let lower = ASCII[b as usize];
            if lower != 0 {
                step(Some(lower));
                in_word = true;
            } else if in_word {
                step(None);
                in_word = false;
            }
            i += 1;
            continue;
        }
        // Non-ASCII: decode one character (`i` is on a char boundary, as
        // every ASCII byte and every whole character before it was stepped
        // over).
        let c = text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buffer = [0u8; 4];
            for lower in c.to_lowercase() {
                for &b in lower.encode_utf8(&mut buffer).as_bytes() {
                    step(Some(b));
                }
            }
            in_word = true;
        } else if in_word {
            step(None);
            in_word = false;
        }
    }
    if in_word {
        step(None);
    }
}

fn word_shingles<F: FnMut(u64)>(text: &str, k: usize, emit: F) -> usize {
    let mut roller = Roller::new(k, 0x5752_4453, emit);
    let mut hash = FNV_OFFSET;
    walk_words(text, |step| match step {
        Some(b) => hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME),
        None => {
            roller.push(mix64(hash));
            hash = FNV_OFFSET;
        }
    });
    roller.finish()
}

fn char_shingles<F: FnMut(u64)>(text: &str, n: usize, emit: F) -> usize {
    let mut roller = Roller::new(n, 0x4348_4152, emit);
    let mut in_word = false;
    let mut space_due = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            if space_due {
                roller.push(mix64(u64::from(b' ')));
                space_due = false;
            }
            for lower in c.to_lowercase() {
                roller.push(mix64(u64::from(lower)));
            }
            in_word = true;
        } else if in_word {
            space_due = true;
            in_word = false;
        }
    }
    roller.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(shingling: Shingling, text: &str) -> Vec<u64> {
        let mut out = Vec::new();
        shingling.for_each(text, |h| out.push(h));
        out
    }

    #[test]
    fn word_shingles_ignore_case_punctuation_and_spacing() {
        let a = hashes(Shingling::Words(3), "The ferry struck the pier, officials said.");
        let b = hashes(Shingling::Words(3), "THE ferry  struck -- the pier; officials said");
        assert_eq!(a.len(), 5);
        assert_eq!(a, b);
        // One word changed: the three shingles that hold it change.
        let c = hashes(Shingling::Words(3), "The ferry struck the dock, officials said.");
        assert_eq!(a[..2], c[..2]);
        assert!(a[2..].iter().zip(&c[2..]).all(|(x, y)| x != y));
    }

    #[test]
    fn rolling_hash_equals_the_hash_of_each_window_alone() {
        let text = "one two three four five six seven";
        let all = hashes(Shingling::Words(4), text);
        let words: Vec<&str> = text.split(' ').collect();
        for (i, window) in words.windows(4).enumerate() {
            assert_eq!(hashes(Shingling::Words(4), &window.join(" ")), vec![all[i]]);
        }
    }

    #[test]
    fn short_and_empty_texts() {
        assert_eq!(hashes(Shingling::Words(5), "two words").len(), 1);
        assert_ne!(hashes(Shingling::Words(5), "two words"), hashes(Shingling::Words(5), "two"));
        assert!(hashes(Shingling::Words(5), " -- ... \n").is_empty());
        assert!(hashes(Shingling::Chars(4), "").is_empty());
        assert_eq!(hashes(Shingling::Chars(9), "ab cd").len(), 1);
    }

    #[test]
    fn non_ascii_words_are_lower_cased_and_kept_whole() {
        let a = hashes(Shingling::Words(2), "Ünïcode Straße Événement");
        let b = hashes(Shingling::Words(2), "ünïcode straße événement");
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        // An em dash separates, an accented letter does not.
        assert_eq!(hashes(Shingling::Words(2), "a—b").len(), 1);
        assert_eq!(hashes(Shingling::Words(2), "aéb").len(), 1);
    }

    #[test]
    fn char_shingles_see_words_joined_by_one_space() {
        let a = hashes(Shingling::Chars(5), "Fire, at the harbour!");
        let b = hashes(Shingling::Chars(5), "fire at   the HARBOUR");
        assert_eq!(a, b);
        assert_eq!(a.len(), "fire at the harbour".len() - 4);
    }

    #[test]
    fn specs_parse_and_bad_ones_are_refused() {
        assert_eq!(Shingling::parse("word:5").unwrap(), Shingling::Words(5));
        assert_eq!(Shingling::parse("char:9").unwrap(), Shingling::Chars(9));
        assert_eq!(Shingling::parse("3").unwrap(), Shingling::Words(3));
        assert!(Shingling::parse("word:0").is_err());
        assert!(Shingling::parse("word:99").is_err());
        assert!(Shingling::parse("line:3").is_err());
        assert_eq!(Shingling::Chars(7).to_string(), "char:7");
    }
}
