//! `warta.json`: what the index was built with.
//!
//! tantivy records the schema but not the analysis behind it: an index built
//! with another stopword list or stemmer would silently mix two analyses. The
//! metadata file records both, and [`Archive`](super::Archive) refuses to open
//! an index whose settings differ from this build's.

use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::directory::error::OpenReadError;
use tantivy::directory::{Directory, MmapDirectory};

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
        Metadata::read_from(&open_folder(dir)?, dir)
    }

    /// Writes the metadata into `dir`, atomically (temporary file, synced, then renamed).
    pub fn write(&self, dir: &Path) -> Result<(), ArchiveError> {
        self.write_to(&open_folder(dir)?, dir)
    }

    /// Reads the metadata from `directory`, the index in `dir` (named in messages).
    pub fn read_from(directory: &dyn Directory, dir: &Path) -> Result<Metadata, ArchiveError> {
        let path = dir.join(METADATA_FILE);
        let bytes = match directory.atomic_read(Path::new(METADATA_FILE)) {
            Ok(bytes) => bytes,
            Err(OpenReadError::FileDoesNotExist(_)) => {
                return Err(ArchiveError::Metadata {
                    path,
                    message: "missing; this folder was not built by warta".into(),
                });
            }
            Err(err) => return Err(ArchiveError::Tantivy(err.into())),
        };
        serde_json::from_slice(&bytes).map_err(|err| ArchiveError::Metadata {
            path,
            message: err.to_string(),
        })
    }

    /// Writes the metadata into `directory` with its `atomic_write`, so a crash
    /// leaves the old file or the new one, never half of one. `dir` names the
    /// index in messages.
    pub fn write_to(&self, directory: &dyn Directory, dir: &Path) -> Result<(), ArchiveError> {
        let path = dir.join(METADATA_FILE);
        let text = serde_json::to_string_pretty(self).map_err(|err| ArchiveError::Metadata {
            path: path.clone(),
            message: err.to_string(),
        })?;
        directory
            .atomic_write(Path::new(METADATA_FILE), text.as_bytes())
            .map_err(|source| ArchiveError::Io { path, source })
    }
}

/// Opens the folder `dir` as a tantivy directory.
fn open_folder(dir: &Path) -> Result<MmapDirectory, ArchiveError> {
    MmapDirectory::open(dir).map_err(|err| ArchiveError::Tantivy(err.into()))
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
