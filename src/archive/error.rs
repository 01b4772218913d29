//! Errors from opening, reading and writing the index.

use std::path::PathBuf;

/// What went wrong with the index itself.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The folder holds no warta index.
    #[error("no index in {0} (build one with `warta ingest`)")]
    Missing(PathBuf),
    /// Another process holds the index's writer lock.
    #[error("another warta process is writing to {0}; wait for it to finish and try again")]
    Busy(PathBuf),
    /// The index was built by another schema version or other analysis settings.
    #[error(
        "index {path} was built with {found}, this warta uses {expected}; run `warta reindex` to rebuild it"
    )]
    Incompatible {
        /// Index folder.
        path: PathBuf,
        /// Settings recorded in the index.
        found: String,
        /// Settings of this build.
        expected: String,
    },
    /// The metadata file could not be read or written.
    #[error("index metadata {path}: {message}")]
    Metadata {
        /// Metadata file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// An I/O error on the index folder.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The analysis data could not be loaded.
    #[error(transparent)]
    Analysis(#[from] crate::analysis::AnalysisError),
    /// An error reported by tantivy.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
