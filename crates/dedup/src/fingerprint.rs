//! Exact-copy fingerprints: [`content_key`] (same record) and [`copy_key`]
//! (same words: a copy).
//!
//! Both are 128-bit XXH3 hashes: stable across machines and runs, so they
//! can be stored and compared later. What a key hashes is part of the
//! store's format: a change to it (a stub's title first, for one) leaves
//! the keys stored before it unmatched for the articles it changes.

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

/// Texts with fewer words than this are stubs: a video page's or a failed
/// extraction's boilerplate ("Chat with us in Facebook Messenger ..."),
/// the same on every page of a site, or a one-line brief. A stub's title is
/// what tells it apart.
pub const STUB_WORDS: usize = 25;

/// Whether a text is a stub ([`STUB_WORDS`]).
pub fn is_stub(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).nth(STUB_WORDS - 1).is_none()
}

/// The fingerprint of the words of the text, lower-cased, with everything
/// between words ignored; for a stub ([`is_stub`]) the title's words come
/// first, so copies of a stub share its title (a text without words is
/// told by its title alone). `None` when there is no word.
pub fn copy_key(title: Option<&str>, text: &str) -> Option<Fingerprint> {
    let mut hasher = Xxh3::new();
    let mut words = if is_stub(text) { hash_words(title.unwrap_or(""), &mut hasher) } else { 0 };
    words += hash_words(text, &mut hasher);
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

    const REPORT: &str = "Fire broke out at the harbour on Monday night and twelve people were hurt, \
                          the fire brigade said, adding that the blaze started in a warehouse near the pier.";

    #[test]
    fn copies_ignore_case_punctuation_spacing_and_the_title() {
        let a = copy_key(None, REPORT);
        let shouted = REPORT.to_uppercase().replace(',', " —").replace("  ", " ");
        assert_eq!(a, copy_key(Some("Other headline"), &shouted));
        assert_ne!(a, copy_key(None, &REPORT.replace("twelve", "fifteen")));
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
    fn copies_of_a_stub_share_the_title() {
        let stub = "Chat with us on the app. Find out what is happening as it unfolds.";
        assert_ne!(copy_key(Some("Oil reached the north"), stub), copy_key(Some("Shots fired in the city"), stub));
        assert_eq!(copy_key(Some("Oil reached the north"), stub), copy_key(Some("OIL reached the north!"), stub));
        assert!(is_stub(stub) && !is_stub(REPORT));
        // A report is long enough to be told by its words alone.
        assert_eq!(copy_key(Some("One headline"), REPORT), copy_key(Some("Another"), REPORT));
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
