//! warta: full-text search for Indonesian news archives.
//!
//! Two flows share one record type. Ingest: files → [`ingest`] readers →
//! [`article::Article`] → [`archive`] (tantivy). Search: query text →
//! [`search::QueryPlan`] → tantivy query → [`search::Hit`] → [`output`] writers.
//! The [`cli`] module parses arguments and calls the rest.
#![warn(missing_docs)]

pub mod analysis;
pub mod archive;
pub mod article;
pub mod cli;
pub mod date;
pub mod entities;
mod hash;
pub mod ingest;
mod lowercase;
pub mod output;
pub mod search;
mod whitespace;
