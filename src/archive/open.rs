//! Opening and creating the index folder.

use std::path::{Path, PathBuf};

use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

use super::metadata::Metadata;
use super::{ArchiveError, Fields};

/// An opened warta index.
pub struct Archive {
    index: Index,
    fields: Fields,
    path: PathBuf,
}

impl Archive {
    /// Returns true if and only if `dir` holds a warta index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir`, checking that it was built with this build's
    /// schema and analysis settings.
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        if !Archive::exists(dir) {
            return Err(ArchiveError::Missing(dir.to_path_buf()));
        }
        let found = Metadata::read(dir)?;
        let expected = Metadata::current();
        if found != expected {
            return Err(ArchiveError::Incompatible {
                path: dir.to_path_buf(),
                found: found.describe(),
                expected: expected.describe(),
            });
        }
        let index = Index::open_in_dir(dir)?;
        Archive::from_index(index, dir)
    }

    /// Opens the index in `dir`, creating the folder and an empty index first
    /// when there is none.
    pub fn open_or_create(dir: &Path) -> Result<Archive, ArchiveError> {
        if Archive::exists(dir) {
            return Archive::open(dir);
        }
        std::fs::create_dir_all(dir).map_err(|source| ArchiveError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, _) = Fields::build_schema();
        let index = Index::create_in_dir(dir, schema)?;
        Metadata::current().write(dir)?;
        Archive::from_index(index, dir)
    }

    fn from_index(index: Index, dir: &Path) -> Result<Archive, ArchiveError> {
        crate::analysis::register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        Ok(Archive {
            index,
            fields,
            path: dir.to_path_buf(),
        })
    }

    /// Returns the tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Returns the handles of the schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Returns the index folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Returns a reader on the last commit; it does not reload by itself, so one
    /// command sees one consistent snapshot.
    pub fn reader(&self) -> Result<IndexReader, ArchiveError> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }

    /// Takes the index's writer lock and returns a writer using at most
    /// `memory` bytes across its threads. Fails with [`ArchiveError::Busy`] when
    /// another process writes; the operating system releases the lock of a
    /// process that died, so a crash never blocks the next ingest.
    pub fn writer(&self, memory: usize) -> Result<IndexWriter<TantivyDocument>, ArchiveError> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 4);
        let per_thread_floor = 15_000_000;
        let threads = threads.min((memory / per_thread_floor).max(1));
        match self.index.writer_with_num_threads(threads, memory) {
            Ok(writer) => Ok(writer),
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                Err(ArchiveError::Busy(self.path.clone()))
            }
            Err(err) => Err(err.into()),
        }
    }

    /// Returns the total size in bytes of the files in the index folder.
    pub fn size_on_disk(&self) -> u64 {
        std::fs::read_dir(&self.path)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|entry| entry.metadata().ok())
                    .filter(|meta| meta.is_file())
                    .map(|meta| meta.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_missing_index_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(matches!(err, ArchiveError::Missing(_)), "{err}");
    }

    #[test]
    fn second_writer_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path()).unwrap();
        let _first = archive.writer(50_000_000).unwrap();
        let err = archive.writer(50_000_000).err().unwrap();
        assert!(matches!(err, ArchiveError::Busy(_)), "{err}");
    }

    #[test]
    fn other_analysis_settings_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        Archive::open_or_create(dir.path()).unwrap();
        let mut meta = Metadata::current();
        meta.analysis = "something-else".into();
        meta.write(dir.path()).unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("warta reindex"), "{err}");
    }
}
