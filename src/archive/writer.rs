//! [`ArchiveWriter`]: the write side of the index, in terms of articles and files.
//!
//! Ingest decides what to write; this type knows how: an article is upserted
//! (delete by id, then add, in one commit) and a changed file first loses all
//! its old articles. Questions about the index go to its [`Snapshot`], taken
//! when the writer opened.

use std::collections::HashSet;

use tantivy::{IndexWriter, TantivyDocument, Term};
use xxhash_rust::xxh3::xxh3_64;

use super::{Archive, ArchiveError, Snapshot, document};
use crate::article::Article;

/// Writes articles into an [`Archive`] while holding its writer lock.
pub struct ArchiveWriter<'a> {
    archive: &'a Archive,
    writer: IndexWriter<TantivyDocument>,
    snapshot: Snapshot,
    /// Hashes of the ids written by this writer (a collision only costs a
    /// needless delete).
    written: HashSet<u64>,
}

impl<'a> ArchiveWriter<'a> {
    /// Takes the writer lock of `archive`; `memory` bounds the writer's buffers.
    pub fn new(archive: &'a Archive, memory: usize) -> Result<ArchiveWriter<'a>, ArchiveError> {
        let writer = archive.writer(memory)?;
        let snapshot = Snapshot::new(archive.reader()?.searcher(), archive.fields().clone());
        Ok(ArchiveWriter {
            archive,
            writer,
            snapshot,
            written: HashSet::new(),
        })
    }

    /// Returns the index as it was when the writer opened.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    fn path_term(&self, path: &str) -> Term {
        Term::from_field_text(self.archive.fields().path, path)
    }

    fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.archive.fields().id, id)
    }

    /// Removes every article that came from the file at `path`.
    pub fn remove_file(&mut self, path: &str) {
        self.writer.delete_term(self.path_term(path));
    }

    /// Removes the article with `id`.
    pub fn remove_id(&mut self, id: &str) {
        self.writer.delete_term(self.id_term(id));
    }

    /// Adds `article` under `id`, replacing any article with the same id;
    /// returns true when the snapshot held one (an update).
    ///
    /// A delete is queued only when an article with `id` may exist (in the
    /// snapshot, or written earlier by this writer): tantivy keeps every queued
    /// delete until the next commit, so a delete per new article made memory
    /// grow with the input. Blocks while tantivy's indexing threads are busy:
    /// this is the backpressure that keeps ingest memory bounded.
    pub fn upsert(
        &mut self,
        article: &Article,
        id: &str,
        path: &str,
        file_hash: &str,
    ) -> Result<bool, ArchiveError> {
        let is_update = self.snapshot.contains_id(id)?;
        let is_repeat = !self.written.insert(xxh3_64(id.as_bytes()));
        if is_update || is_repeat {
            self.writer.delete_term(self.id_term(id));
        }
        let doc = document::to_document(self.archive.fields(), article, id, path, file_hash);
        self.writer.add_document(doc)?;
        Ok(is_update)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_written_twice_keeps_one_article_and_updates_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), None).unwrap();
        let article = |title: &str| Article {
            title: title.into(),
            body: "Isi berita.".into(),
            ..Article::default()
        };
        let mut writer = ArchiveWriter::new(&archive, 20_000_000).unwrap();
        assert!(!writer.upsert(&article("satu"), "a", "/x", "h").unwrap());
        assert!(!writer.upsert(&article("dua"), "a", "/x", "h").unwrap());
        assert!(!writer.upsert(&article("tiga"), "b", "/x", "h").unwrap());
        writer.finish().unwrap();
        assert_eq!(archive.reader().unwrap().searcher().num_docs(), 2);
        assert_eq!(archive.article("a").unwrap().unwrap().title, "dua");

        let mut writer = ArchiveWriter::new(&archive, 20_000_000).unwrap();
        assert!(
            writer.upsert(&article("empat"), "a", "/x", "h").unwrap(),
            "an update"
        );
        writer.finish().unwrap();
        assert_eq!(archive.reader().unwrap().searcher().num_docs(), 2);
        assert_eq!(archive.article("a").unwrap().unwrap().title, "empat");
    }
}
