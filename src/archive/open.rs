//! Opening and creating the index folder.

use std::path::{Path, PathBuf};

use tantivy::directory::error::{LockError, OpenReadError};
use tantivy::directory::{Directory, MmapDirectory};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError};

use super::merge::{CappedMergePolicy, MAX_MERGE_BYTES};
use super::metadata::Metadata;
use super::read_directory::ReadDirectory;
use super::{ArchiveError, Fields};
use crate::analysis::Analysis;

/// File in the index folder holding the index's own Indonesian stopword list,
/// when it was built with `--stopwords`.
pub const STOPWORDS_FILE: &str = "stopwords-id.txt";

/// An opened warta index.
pub struct Archive {
    index: Index,
    fields: Fields,
    analysis: Analysis,
    path: PathBuf,
}

impl Archive {
    /// Returns true if and only if `dir` holds a warta index.
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens the index in `dir` for searching and reading articles, checking
    /// that it was built with this build's schema and analysis settings
    /// (including its own stopword list, if any). The article store is read
    /// with positioned reads rather than mapped (see [`ReadDirectory`]), so a
    /// large export does not hold the store in its resident memory.
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        if !Archive::exists(dir) {
            return Err(ArchiveError::Missing(dir.to_path_buf()));
        }
        Archive::open_checked(Box::new(ReadDirectory::open(dir)?), dir, None)
    }

    /// Opens the index in `dir` like [`Archive::open`], for writing: every
    /// file is mapped, since a merge reads whole article stores at once.
    pub fn open_to_write(dir: &Path) -> Result<Archive, ArchiveError> {
        if !Archive::exists(dir) {
            return Err(ArchiveError::Missing(dir.to_path_buf()));
        }
        Archive::open_checked(Box::new(mmap_directory(dir)?), dir, None)
    }

    /// Opens the index in `dir`, creating the folder and an empty index first
    /// when there is none. `stopwords` (a stopword file's text) replaces the
    /// Indonesian list of a new index; for an existing index it must match the
    /// list the index was built with.
    pub fn open_or_create(dir: &Path, stopwords: Option<&str>) -> Result<Archive, ArchiveError> {
        std::fs::create_dir_all(dir).map_err(|source| ArchiveError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        Archive::open_or_create_in(Box::new(mmap_directory(dir)?), dir, stopwords)
    }

    /// Like [`Archive::open_or_create`], on any tantivy `directory` (tests use
    /// one that fails writes on demand, as a full disk would). Every file warta
    /// itself writes (`warta.json`, the stopword list) goes through the
    /// directory's `atomic_write`. `path` names the index in messages and is
    /// what [`Archive::path`] returns.
    ///
    /// A new index gets its metadata before tantivy's `meta.json`: a process
    /// killed in between leaves no index (the next run creates it again), never
    /// an index without metadata.
    pub fn open_or_create_in(
        directory: Box<dyn Directory>,
        path: &Path,
        stopwords: Option<&str>,
    ) -> Result<Archive, ArchiveError> {
        if Index::exists(&*directory).map_err(TantivyError::from)? {
            return Archive::open_checked(directory, path, stopwords);
        }
        let analysis = Analysis::load(stopwords)?;
        if let Some(stopwords) = stopwords {
            directory
                .atomic_write(Path::new(STOPWORDS_FILE), stopwords.as_bytes())
                .map_err(|source| ArchiveError::Io {
                    path: path.join(STOPWORDS_FILE),
                    source,
                })?;
        }
        Metadata::new(&analysis).write_to(&*directory, path)?;
        let (schema, _) = Fields::build_schema();
        let index = Index::create(directory, schema, Fields::index_settings())?;
        Archive::from_index(index, analysis, path)
    }

    /// Opens an existing index, comparing its metadata with the analysis it
    /// would get now (with `stopwords` when given, else the index's own list).
    fn open_checked(
        directory: Box<dyn Directory>,
        path: &Path,
        stopwords: Option<&str>,
    ) -> Result<Archive, ArchiveError> {
        let own_stopwords = read_stopwords(&*directory, path)?;
        let analysis = Analysis::load(stopwords.or(own_stopwords.as_deref()))?;
        let found = Metadata::read_from(&*directory, path)?;
        let expected = Metadata::new(&analysis);
        if found != expected {
            return Err(ArchiveError::Incompatible {
                path: path.to_path_buf(),
                found: found.describe(),
                expected: expected.describe(),
            });
        }
        let index = Index::open(directory)?;
        Archive::from_index(index, analysis, path)
    }

    /// Opens the index in `dir` to read its stored articles, whatever analysis
    /// it was built with (for `warta reindex`). Searching it may miss words.
    pub fn open_for_reading(dir: &Path) -> Result<Archive, ArchiveError> {
        if !Archive::exists(dir) {
            return Err(ArchiveError::Missing(dir.to_path_buf()));
        }
        let own_stopwords = Archive::own_stopwords(dir)?;
        let analysis = Analysis::load(own_stopwords.as_deref())?;
        let index = Index::open_in_dir(dir)?;
        if let Err(TantivyError::FieldNotFound(field)) = Fields::from_schema(&index.schema()) {
            let built_with = Metadata::read(dir)
                .map(|found| format!("it was built with {} and ", found.describe()))
                .unwrap_or_else(|_| "it ".to_owned());
            return Err(ArchiveError::Unreadable {
                path: dir.to_path_buf(),
                message: format!("{built_with}has no field '{field}'"),
            });
        }
        Archive::from_index(index, analysis, dir)
    }

    /// Returns the text of the index's own stopword list, if it has one.
    pub fn own_stopwords(dir: &Path) -> Result<Option<String>, ArchiveError> {
        let path = dir.join(STOPWORDS_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(ArchiveError::Io { path, source }),
        }
    }

    fn from_index(index: Index, analysis: Analysis, dir: &Path) -> Result<Archive, ArchiveError> {
        analysis.register(&index);
        let fields = Fields::from_schema(&index.schema())?;
        Ok(Archive {
            index,
            fields,
            analysis,
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

    /// Returns the analysis the index was built with.
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
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
    /// process that died, so a crash never blocks the next ingest. Its merges
    /// read at most [`MAX_MERGE_BYTES`] of segments each ([`CappedMergePolicy`]).
    pub fn writer(&self, memory: usize) -> Result<IndexWriter<TantivyDocument>, ArchiveError> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 4);
        let per_thread_floor = 15_000_000;
        let threads = threads.min((memory / per_thread_floor).max(1));
        match self.index.writer_with_num_threads(threads, memory) {
            Ok(writer) => {
                writer.set_merge_policy(Box::new(CappedMergePolicy::new(
                    &self.path,
                    MAX_MERGE_BYTES,
                )));
                Ok(writer)
            }
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

/// Opens the folder `dir` as a tantivy directory.
fn mmap_directory(dir: &Path) -> Result<MmapDirectory, ArchiveError> {
    MmapDirectory::open(dir).map_err(|err| TantivyError::from(err).into())
}

/// Reads the index's own stopword list from `directory`, if it has one.
fn read_stopwords(directory: &dyn Directory, dir: &Path) -> Result<Option<String>, ArchiveError> {
    let path = dir.join(STOPWORDS_FILE);
    match directory.atomic_read(Path::new(STOPWORDS_FILE)) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|err| ArchiveError::Io {
                path,
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, err),
            }),
        Err(OpenReadError::FileDoesNotExist(_)) => Ok(None),
        Err(err) => Err(ArchiveError::Tantivy(err.into())),
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
        let archive = Archive::open_or_create(dir.path(), None).unwrap();
        let _first = archive.writer(50_000_000).unwrap();
        let err = archive.writer(50_000_000).err().unwrap();
        assert!(matches!(err, ArchiveError::Busy(_)), "{err}");
    }

    #[test]
    fn other_analysis_settings_are_detected() {
        let dir = tempfile::tempdir().unwrap();
        Archive::open_or_create(dir.path(), None).unwrap();
        let err = Archive::open_or_create(dir.path(), Some("yang\n"))
            .err()
            .unwrap();
        assert!(err.to_string().contains("warta reindex"), "{err}");
        let mut meta = Metadata::read(dir.path()).unwrap();
        meta.analysis = "something-else".into();
        meta.write(dir.path()).unwrap();
        let err = Archive::open(dir.path()).err().unwrap();
        assert!(err.to_string().contains("warta reindex"), "{err}");
    }

    #[test]
    fn own_stopwords_are_kept_with_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let created = Archive::open_or_create(dir.path(), Some("korea\n")).unwrap();
        assert!(created.analysis().is_stopword("korea"));
        drop(created);
        let opened = Archive::open(dir.path()).unwrap();
        assert!(opened.analysis().is_stopword("korea"));
    }
}
