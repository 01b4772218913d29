//! `warta.json`: what the index was built with.
//!
//! tantivy records the schema but not the analysis behind it: an index built
//! with another stopword list or stemmer would silently mix two analyses. The
//! metadata file records both, and [`Archive`](super::Archive) refuses to open
//! an index whose settings differ from this build's.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::ArchiveError;
use crate::analysis::Analysis;

/// File name of the metadata inside the index folder.
pub const METADATA_FILE: &str = "warta.json";

/// Schema version and analysis fingerprint of one index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// See [`SCHEMA_VERSION`](super::schema::SCHEMA_VERSION).
    pub schema_version: u32,
    /// See [`Analysis::fingerprint`].
    pub analysis: String,
}

impl Metadata {
    /// Returns the metadata of an index built by this build of warta with `analysis`.
    pub fn new(analysis: &Analysis) -> Metadata {
        Metadata {
            schema_version: super::schema::SCHEMA_VERSION,
            analysis: analysis.fingerprint().to_owned(),
        }
    }

    /// Describes the settings in one phrase for error messages.
    pub fn describe(&self) -> String {
        format!(
            "schema v{} and analysis '{}'",
            self.schema_version, self.analysis
        )
    }

    /// Reads the metadata of the index in `dir`.
    pub fn read(dir: &Path) -> Result<Metadata, ArchiveError> {
        let path = dir.join(METADATA_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| ArchiveError::Io {
            path: path.clone(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|err| ArchiveError::Metadata {
            path,
            message: err.to_string(),
        })
    }

    /// Writes the metadata into `dir`, atomically (temporary file, then rename).
    pub fn write(&self, dir: &Path) -> Result<(), ArchiveError> {
        let path = dir.join(METADATA_FILE);
        let tmp = dir.join(format!("{METADATA_FILE}.tmp"));
        let text = serde_json::to_string_pretty(self).map_err(|err| ArchiveError::Metadata {
            path: path.clone(),
            message: err.to_string(),
        })?;
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|source| ArchiveError::Io { path, source })
    }
}

#[cfg(test)]
mod tests {
    use super::Metadata;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let meta = Metadata {
            schema_version: 1,
            analysis: "test".into(),
        };
        meta.write(dir.path()).unwrap();
        assert_eq!(Metadata::read(dir.path()).unwrap(), meta);
    }
}
