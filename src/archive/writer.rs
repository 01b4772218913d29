//! [`ArchiveWriter`]: the write side of the index, in terms of articles and files.
//!
//! Ingest decides what to write; this type knows how: an article is upserted
//! (delete by id, then add, in one commit), a changed file first loses all its
//! old articles, and questions about the index ("is this file indexed with this
//! content hash?") are answered from the snapshot taken when the writer opened.

use std::collections::BTreeSet;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use super::{Archive, ArchiveError, document};
use crate::article::Article;

/// Writes articles into an [`Archive`] while holding its writer lock.
pub struct ArchiveWriter<'a> {
    archive: &'a Archive,
    writer: IndexWriter<TantivyDocument>,
    snapshot: Searcher,
}

impl<'a> ArchiveWriter<'a> {
    /// Takes the writer lock of `archive`; `memory` bounds the writer's buffers.
    pub fn new(archive: &'a Archive, memory: usize) -> Result<ArchiveWriter<'a>, ArchiveError> {
        let writer = archive.writer(memory)?;
        let snapshot = archive.reader()?.searcher();
        Ok(ArchiveWriter {
            archive,
            writer,
            snapshot,
        })
    }

    fn path_term(&self, path: &str) -> Term {
        Term::from_field_text(self.archive.fields().path, path)
    }

    fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.archive.fields().id, id)
    }

    /// Returns the content hash recorded for the file at `path`, if any article
    /// of it was indexed when the writer opened.
    pub fn file_hash(&self, path: &str) -> Result<Option<String>, ArchiveError> {
        let query = TermQuery::new(self.path_term(path), IndexRecordOption::Basic);
        let top = self
            .snapshot
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = self.snapshot.doc(*address)?;
        Ok(doc
            .get_first(self.archive.fields().file_hash)
            .and_then(|value| value.as_str().map(str::to_owned)))
    }

    /// Returns how many live articles of the file at `path` the snapshot holds.
    pub fn count_file(&self, path: &str) -> Result<u64, ArchiveError> {
        let query = TermQuery::new(self.path_term(path), IndexRecordOption::Basic);
        Ok(self.snapshot.search(&query, &Count)? as u64)
    }

    /// Returns true if and only if the snapshot holds an article with `id`.
    pub fn contains_id(&self, id: &str) -> Result<bool, ArchiveError> {
        let query = TermQuery::new(self.id_term(id), IndexRecordOption::Basic);
        Ok(self.snapshot.search(&query, &Count)? > 0)
    }

    /// Returns every source-file path in the snapshot.
    pub fn indexed_paths(&self) -> Result<BTreeSet<String>, ArchiveError> {
        let mut paths = BTreeSet::new();
        for segment in self.snapshot.segment_readers() {
            let inverted = segment.inverted_index(self.archive.fields().path)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while stream.advance() {
                paths.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        Ok(paths)
    }

    /// Removes every article that came from the file at `path`.
    pub fn remove_file(&mut self, path: &str) {
        self.writer.delete_term(self.path_term(path));
    }

    /// Removes the article with `id`.
    pub fn remove_id(&mut self, id: &str) {
        self.writer.delete_term(self.id_term(id));
    }

    /// Adds `article` under `id`, replacing any article with the same id.
    pub fn upsert(
        &mut self,
        article: &Article,
        id: &str,
        path: &str,
        file_hash: &str,
    ) -> Result<(), ArchiveError> {
        self.writer.delete_term(self.id_term(id));
        let doc = document::to_document(self.archive.fields(), article, id, path, file_hash);
        self.writer.add_document(doc)?;
        Ok(())
    }

    /// Commits everything written so far; after a crash the index holds
    /// exactly the articles of the last commit.
    pub fn commit(&mut self) -> Result<(), ArchiveError> {
        self.writer.commit()?;
        Ok(())
    }

    /// Commits and waits for background merges, releasing the writer lock.
    pub fn finish(mut self) -> Result<(), ArchiveError> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()?;
        Ok(())
    }
}
