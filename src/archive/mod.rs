//! The tantivy index: its schema, how an index is created and opened, and how an
//! [`Article`](crate::article::Article) becomes a tantivy document and back.
//!
//! Nothing outside this module and `search` knows tantivy field names. Every
//! index is opened through [`Archive::open`] or [`Archive::open_or_create`], which
//! register warta's analyzers and check the index's metadata.

mod compact;
mod document;
mod error;
mod merge;
mod metadata;
mod open;
mod read_directory;
mod scan;
mod schema;
mod snapshot;
mod stats;
mod writer;

pub use compact::CompactArticles;
pub use document::{StoredArticle, day_number, to_document};
pub use error::ArchiveError;
pub use metadata::Metadata;
pub use open::{Archive, STOPWORDS_FILE};
pub use schema::Fields;
pub use snapshot::Snapshot;
pub use stats::{ArchiveStats, TermCount};
pub use writer::ArchiveWriter;
