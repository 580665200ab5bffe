//! The plain data types that every dossier stage shares.
//!
//! This crate sits at the bottom of the workspace: it holds data and the small
//! rules that belong to the data itself (how an id is spelled, how a
//! publication time is parsed), and nothing else. It does no I/O and knows
//! nothing about formats, storage or clustering.
//!
//! The flow of the types through the pipeline:
//!
//! ```text
//! sources ─► RawArticle ─► normalise ─► Article ─► dedup / cluster ─► StoryId
//! ```
//!
//! ```
//! use dossier_domain::{Published, RawArticle, Origin};
//!
//! let mut raw = RawArticle::new(Origin::file("seeds/000.txt"));
//! raw.text = "Los Angeles took over the Olympic flag on Sunday.".into();
//! raw.published = Published::parse("2024-08-12");
//! assert_eq!(raw.published.unwrap().to_string(), "2024-08-12");
//! ```

mod article;
mod origin;
mod published;

pub use article::{Article, ArticleId, Metadata, RawArticle, StoryId};
pub use origin::Origin;
pub use published::{month_of, Published, MONTHS};
