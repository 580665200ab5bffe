//! Exact-copy fingerprints: [`content_key`] (same record) and [`copy_key`]
//! (same words: a copy).
//!
//! Both are 128-bit XXH3 hashes: stable across versions and machines, so
//! they can be stored and compared later.

use xxhash_rust::xxh3::Xxh3;

/// A 128-bit fingerprint of some normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u128);

impl Fingerprint {
    /// Big-endian bytes, for storage.
    pub fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }

    /// Reads back [`Fingerprint::to_bytes`].
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(u128::from_be_bytes(bytes))
    }
}

/// The fingerprint of a record's normalised title and text (the same hash
/// that content-derived article ids are cut from).
pub fn content_key(title: Option<&str>, text: &str) -> Fingerprint {
    Fingerprint(dossier_text::content_hash(title, text))
}

/// The fingerprint of the words of the text (of the title when the text has
/// none), lower-cased, with everything between words ignored. `None` when
/// neither has a word.
pub fn copy_key(title: Option<&str>, text: &str) -> Option<Fingerprint> {
    let mut hasher = Xxh3::new();
    let mut words = hash_words(text, &mut hasher);
    if words == 0 {
        words = hash_words(title.unwrap_or(""), &mut hasher);
    }
    (words > 0).then(|| Fingerprint(hasher.digest128()))
}

/// Feeds the lower-cased alphanumeric runs of `text` to `hasher`, each
/// followed by a separator, and returns how many there were.
fn hash_words(text: &str, hasher: &mut Xxh3) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                hasher.update(lower.encode_utf8(&mut buffer).as_bytes());
            }
            in_word = true;
        } else if in_word {
            hasher.update(b" ");
            words += 1;
            in_word = false;
        }
    }
    if in_word {
        hasher.update(b" ");
        words += 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_ignore_case_punctuation_and_spacing() {
        let a = copy_key(None, "Fire at the harbour: 12 hurt.");
        assert_eq!(a, copy_key(Some("Other headline"), "FIRE at the  harbour — 12 hurt"));
        assert_ne!(a, copy_key(None, "Fire at the harbour: 15 hurt."));
        // Word boundaries matter: joining two words is a different text.
        assert_ne!(copy_key(None, "harbour fire"), copy_key(None, "harbourfire"));
    }

    #[test]
    fn headline_only_articles_are_compared_by_title() {
        let a = copy_key(Some("Fed holds rates"), "");
        assert_eq!(a, copy_key(Some("Fed holds rates!"), "  "));
        assert_ne!(a, copy_key(Some("Fed raises rates"), ""));
        assert_eq!(copy_key(Some("—"), "..."), None);
    }

    #[test]
    fn content_key_separates_title_from_text() {
        assert_ne!(content_key(Some("ab"), "c"), content_key(Some("a"), "bc"));
        assert_ne!(content_key(None, "x"), content_key(Some("x"), ""));
        assert_eq!(content_key(Some("t"), "x"), content_key(Some("t"), "x"));
    }

    #[test]
    fn fingerprints_round_trip_through_bytes() {
        let key = content_key(Some("t"), "x");
        assert_eq!(Fingerprint::from_bytes(key.to_bytes()), key);
    }
}
