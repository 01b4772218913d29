//! Errors from opening, reading and writing the index.

use std::fmt;
use std::path::PathBuf;

/// What went wrong with the index itself.
///
/// Each message is complete in itself: `Display` includes the cause and
/// `source()` returns none (errors from the analysis data pass through as they
/// are), so printing the whole chain (`anyhow`'s `{:#}`, as the CLI does)
/// never repeats the cause.
#[derive(Debug)]
pub enum ArchiveError {
    /// The folder holds no warta index.
    Missing(PathBuf),
    /// Another process holds the index's writer lock.
    Busy(PathBuf),
    /// The index was built by another schema version or other analysis settings.
    Incompatible {
        /// Index folder.
        path: PathBuf,
        /// Settings recorded in the index.
        found: String,
        /// Settings of this build.
        expected: String,
    },
    /// The metadata file could not be read or written.
    Metadata {
        /// Metadata file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The index holds articles this warta cannot read back (an older
    /// schema without a field it needs), so `reindex` cannot rebuild it.
    Unreadable {
        /// Index folder.
        path: PathBuf,
        /// What is missing.
        message: String,
    },
    /// An I/O error on the index folder.
    Io {
        /// The path involved.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The analysis data could not be loaded.
    Analysis(crate::analysis::AnalysisError),
    /// An error reported by tantivy.
    Tantivy(tantivy::TantivyError),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::Missing(path) => write!(
                f,
                "no index in {} (build one with `warta ingest`)",
                path.display()
            ),
            ArchiveError::Busy(path) => write!(
                f,
                "another warta process is writing to {}; wait for it to finish and try again",
                path.display()
            ),
            ArchiveError::Incompatible {
                path,
                found,
                expected,
            } => write!(
                f,
                "index {} was built with {found}, this warta uses {expected}; run `warta reindex` to rebuild it",
                path.display()
            ),
            ArchiveError::Metadata { path, message } => {
                write!(f, "index metadata {}: {message}", path.display())
            }
            ArchiveError::Unreadable { path, message } => write!(
                f,
                "index {} cannot be rebuilt by this warta: {message}; build a new index from the source files with `warta ingest`",
                path.display()
            ),
            ArchiveError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ArchiveError::Analysis(err) => err.fmt(f),
            ArchiveError::Tantivy(err) => write!(f, "index error: {}", describe_tantivy(err)),
        }
    }
}

impl std::error::Error for ArchiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ArchiveError::Analysis(err) => err.source(),
            _ => None,
        }
    }
}

impl From<crate::analysis::AnalysisError> for ArchiveError {
    fn from(err: crate::analysis::AnalysisError) -> ArchiveError {
        ArchiveError::Analysis(err)
    }
}

impl From<tantivy::TantivyError> for ArchiveError {
    fn from(err: tantivy::TantivyError) -> ArchiveError {
        ArchiveError::Tantivy(err)
    }
}

/// Describes a tantivy error in one plain line. I/O failures (a full disk, a
/// read-only folder) are the ones users meet; tantivy prints them with `Debug`
/// formatting, so they are spelled out here with the file involved.
fn describe_tantivy(err: &tantivy::TantivyError) -> String {
    use tantivy::TantivyError;
    use tantivy::directory::error::{LockError, OpenReadError, OpenWriteError};
    match err {
        TantivyError::IoError(io) => io.to_string(),
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
            format!("cannot write {}: {io_error}", filepath.display())
        }
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("cannot read {}: {io_error}", filepath.display())
        }
        TantivyError::LockFailure(LockError::IoError(io), _) => {
            format!("cannot lock the index: {io}")
        }
        // A worker thread died (tantivy does not say why at this point); the
        // usual cause is a write that failed.
        TantivyError::ErrorInThread(_) => {
            "an indexing thread stopped on an error (a full disk or an index folder that cannot be written?)"
                .to_owned()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::Arc;

    use super::ArchiveError;

    #[test]
    fn printing_the_chain_does_not_repeat_the_cause() {
        let err = ArchiveError::Io {
            path: "/x/index".into(),
            source: io::Error::new(io::ErrorKind::StorageFull, "disk full"),
        };
        assert_eq!(
            format!("{:#}", anyhow::Error::from(err)),
            "/x/index: disk full"
        );
        let io = io::Error::new(io::ErrorKind::StorageFull, "disk full");
        let err = ArchiveError::from(tantivy::TantivyError::IoError(Arc::new(io)));
        assert_eq!(
            format!("{:#}", anyhow::Error::from(err)),
            "index error: disk full"
        );
    }
}
