//! Writers for hits and reports: table for people, JSON, JSON Lines and CSV for
//! programs. `search` and `export` share them, so a field has one name and one
//! format everywhere.
//!
//! Every writer writes to the `io::Write` it is given and returns `io::Result`;
//! nothing here prints on its own.

mod article;
mod batch;
mod entity;
mod fields;
mod hits;
mod record;
mod report;
mod sanitize;
mod stats;
mod table;
mod words;

pub use article::{write_article, write_extracted};
pub use batch::{BatchFormat, parse_batch_line, write_batch_hits};
pub use entity::{EntityRecord, describe_entities, entity_records, write_entity_counts};
pub use fields::{DEFAULT_EXPORT_FIELDS, HitField, SEARCH_FIELDS};
pub use hits::{HitWriter, OutputFormat};
pub use record::HitRecord;
pub use report::write_ingest_report;
pub use sanitize::sanitize;
pub use stats::{write_counts, write_stats, write_tags};
pub use table::{TableStyle, truncate};
pub use words::{WordStyle, write_word};
