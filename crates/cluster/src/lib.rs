//! The cluster stage: streaming assignment of articles to stories.
//!
//! Articles arrive one at a time, in arrival order. Each is compared with
//! the stories it shares salient terms with, found through an inverted
//! index (never a scan over all stories), and joins the most similar one,
//! or opens a new story when none is similar enough.
//!
//! The similarity is a weighted mean of two TF-IDF cosines over stemmed,
//! stop-word-free terms, with IDF kept up to date as the stream grows:
//! between the article and the story's centroid (title terms counted more
//! than body terms), and between the article's title and the story's
//! titles.
//! Stories whose time span is further than a window from the article's
//! publication time are not candidates, and articles join only stories of
//! their own language.
//!
//! This crate is pure: no clock, no I/O. The caller computes [`Features`]
//! (which can run in parallel) and feeds them to [`StreamClusterer`] in
//! order.
//!
//! ```
//! use dossier_cluster::{ClusterConfig, Document, Features, StreamClusterer};
//! use dossier_text::Analyzer;
//!
//! let analyzer = Analyzer::english();
//! let config = ClusterConfig::default();
//! let mut clusterer = StreamClusterer::new(config.clone());
//! let doc = |title: &str, text: &str| Document {
//!     features: Features::new(&analyzer, Some(title), text, &config),
//!     published: None,
//!     language: Some("eng".into()),
//!     embedding: None,
//! };
//! let first = clusterer.assign(&doc("Ferry hits pier in fog", "A ferry struck Kittiwake Pier in thick fog on Tuesday."));
//! let second = clusterer.assign(&doc("Fog blamed as ferry strikes pier", "Thick fog caused the ferry to strike Kittiwake Pier."));
//! let other = clusterer.assign(&doc("Council passes transit budget", "The council voted 9-2 for the bus plan."));
//! assert_eq!(first.story(), second.story());
//! assert_ne!(first.story(), other.story());
//! ```

mod clusterer;
mod config;
mod features;

pub use clusterer::{Assignment, Document, StreamClusterer};
pub use config::ClusterConfig;
pub use features::Features;
