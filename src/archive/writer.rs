//! [`ArchiveWriter`]: the write side of the index, in terms of articles and files.
//!
//! Ingest decides what to write; this type knows how: an article is upserted
//! (delete by id, then add, in one commit) and a changed file first loses all
//! its old articles. Questions about the index go to its [`Snapshot`], taken
//! when the writer opened.

use std::collections::HashSet;

use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexWriter, SegmentMeta, TantivyDocument, Term};
use xxhash_rust::xxh3::xxh3_64;

use super::merge::{MAX_MERGE_BYTES, SegmentSizes};
use super::{Archive, ArchiveError, Snapshot, document};
use crate::article::Article;

/// Most segments a bulk load may leave. Every query term is looked up in each
/// segment: a million articles in 8 segments answered the scale benchmark's
/// queries in 6.3 ms (p50), in 3 segments in 3.9 ms. Merging only the smallest
/// segments down to 4 costs a fraction of merging the whole index again.
const MAX_SEGMENTS_AFTER_BULK_LOAD: usize = 4;

/// Indexing memory of the writer that only merges (one thread).
const MERGE_MEMORY: usize = 15_000_000;

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
    /// After a bulk load (this writer wrote at least half of the articles)
    /// that left more than [`MAX_SEGMENTS_AFTER_BULK_LOAD`] segments, merges
    /// the smallest ones until that many remain (merges of at most
    /// [`MAX_MERGE_BYTES`], two at a time).
    pub fn finish(self) -> Result<(), ArchiveError> {
        let ArchiveWriter {
            archive,
            mut writer,
            snapshot,
            written,
        } = self;
        writer.commit()?;
        writer.wait_merging_threads()?;
        // The snapshot's searcher holds the segments it has seen; their files
        // can only be deleted after a merge once it is gone.
        drop(snapshot);
        let segments = archive.index().searchable_segment_metas()?;
        let articles: u64 = segments.iter().map(|meta| u64::from(meta.num_docs())).sum();
        let is_bulk_load = written.len() as u64 * 2 >= articles;
        if segments.len() <= MAX_SEGMENTS_AFTER_BULK_LOAD || !is_bulk_load {
            return Ok(());
        }
        let ids: Vec<SegmentId> = segments.iter().map(SegmentMeta::id).collect();
        drop(segments);
        let mut writer = archive.writer(MERGE_MEMORY)?;
        // Only the merges below: a merge policy could start others on the
        // segments they merge.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let groups = SegmentSizes::read(archive.path()).smallest_merge_groups(
            ids,
            MAX_SEGMENTS_AFTER_BULK_LOAD,
            MAX_MERGE_BYTES,
        );
        let merges: Vec<_> = groups.iter().map(|group| writer.merge(group)).collect();
        for merge in merges {
            merge.wait()?;
        }
        writer.garbage_collect_files().wait()?;
        writer.wait_merging_threads()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `ids` with a commit after each, so that each makes a segment.
    fn write_in_segments(archive: &Archive, ids: &[&str]) {
        let mut writer = ArchiveWriter::new(archive, 20_000_000).unwrap();
        for id in ids {
            let article = Article {
                title: format!("Judul {id}"),
                body: "Isi berita.".into(),
                ..Article::default()
            };
            writer.upsert(&article, id, "/x", "h").unwrap();
            writer.commit().unwrap();
        }
        writer.finish().unwrap();
    }

    fn segments(archive: &Archive) -> usize {
        archive.index().searchable_segment_ids().unwrap().len()
    }

    #[test]
    fn a_bulk_load_ends_in_few_segments_and_a_small_update_merges_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), None).unwrap();
        let bulk: Vec<String> = (0..6).map(|n| format!("b{n}")).collect();
        let bulk: Vec<&str> = bulk.iter().map(String::as_str).collect();
        write_in_segments(&archive, &bulk);
        assert_eq!(segments(&archive), MAX_SEGMENTS_AFTER_BULK_LOAD);
        let stores = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|entry| {
                let path = entry.as_ref().unwrap().path();
                path.extension().is_some_and(|ext| ext == "store")
            })
            .count();
        assert_eq!(
            stores, MAX_SEGMENTS_AFTER_BULK_LOAD,
            "the merged segments' files are deleted"
        );
        write_in_segments(&archive, &["u1"]);
        write_in_segments(&archive, &["u2"]);
        assert_eq!(
            segments(&archive),
            MAX_SEGMENTS_AFTER_BULK_LOAD + 2,
            "two small loads into six articles"
        );
        assert_eq!(archive.reader().unwrap().searcher().num_docs(), 8);
    }

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
