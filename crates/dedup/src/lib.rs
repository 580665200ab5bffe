//! The dedup stage: deciding when two articles are the same text, or
//! nearly so.
//!
//! **Exact copies** ([`fingerprint`](crate::content_key)):
//!
//! - [`content_key`]: title and text exactly as normalised. Two articles
//!   with the same content key are the same record; re-ingesting one adds
//!   nothing.
//! - [`copy_key`]: the text's words (a stub's title's words first, see
//!   below), case-folded, punctuation and spacing ignored. Two articles
//!   with the same copy key are copies of one another (a syndicated wire
//!   story under another outlet's headline, a page scraped twice); the
//!   later one is marked `duplicate_of` the first. A stub (fewer than
//!   [`STUB_WORDS`] words: a site's boilerplate, a one-line brief) is
//!   compared with its title's words first; an article without body text by
//!   its title alone. `ingest` finds a stub's near copies by its title and
//!   confirms them on its title and text together
//!   ([`NearDupConfig::sketch_article`]); the batch `dossier dedup` compares texts (a
//!   title only when the text has no word), as the peer tools do, so
//!   identical bodies group whatever their titles.
//!
//! **Near-duplicates** (edited reprints, trimmed wire copies):
//!
//! - [`Shingling`]: word n-grams (default 5) or character n-grams of the
//!   lower-cased words; see [`shingle`] for the tokenisation.
//! - [`sketch`]: one pass over the shingles gives a 128-slot
//!   one-permutation MinHash [`Signature`] (optimal densification) and the
//!   compact shingle set (sorted 32-bit hashes) used to verify.
//! - [`Banding`]: LSH bands chosen from the Jaccard threshold so that a
//!   pair at the threshold is missed with probability at most 0.5%.
//! - [`similar_at_least`]: candidates are verified by exact Jaccard on
//!   their shingle sets, so no pair below the threshold is reported.
//! - [`Grouper`] and [`UnionFind`]: batch grouping at corpus scale, with
//!   band tables that can be sorted in runs and merged (see [`group`]).
//!
//! The stage is pure: it reads no files, no clock and no environment. The
//! CLI spills runs to disk; the store keeps the ingest index.
//!
//! ```
//! use dossier_dedup::{copy_key, group_texts, NearDupConfig, Shingling};
//!
//! let report = "The ferry struck the pier in thick fog on Monday morning, injuring four \
//!               passengers, and the harbour stayed closed until noon on Tuesday, port officials said.";
//! let wire = copy_key(Some("Ferry hits pier"), report);
//! let reprint = copy_key(Some("Fog blamed"), &report.replace(',', " —"));
//! assert_eq!(wire, reprint);
//!
//! let config = NearDupConfig::new(Shingling::Words(3), 0.6).unwrap();
//! let texts = [
//!     "The ferry struck the pier in thick fog on Monday morning, officials said.",
//!     "Markets rose on Tuesday as traders shrugged off the rate decision.",
//!     "The ferry struck the pier in thick fog on Monday morning, officials told us.",
//! ];
//! let grouping = group_texts(&config, &texts, false);
//! assert_eq!(grouping.roots, [0, 1, 0]);
//! ```

mod banding;
mod error;
mod fingerprint;
pub mod group;
pub mod shingle;
mod signature;
mod union_find;
mod verify;

pub use banding::{Banding, MAX_MISS};
pub use error::DedupError;
pub use fingerprint::{content_key, copy_key, is_stub, Fingerprint, STUB_WORDS};
pub use group::{
    group_texts, merge_sorted, BandTables, DocumentSketch, GroupStats, Grouper, Grouping, NearDupConfig, ShingleArena,
    ShingleSets, VerifiedPair, DEFAULT_WINDOW,
};
pub use shingle::{Shingling, MAX_NGRAM};
pub use signature::{shingle_set, sketch, Scratch, Signature, Sketch, SLOTS};
pub use union_find::UnionFind;
pub use verify::{jaccard, similar_at_least};
