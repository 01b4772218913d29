//! [`ArchiveWriter`]: the write side of the index, in terms of articles and files.
//!
//! Ingest decides what to write; this type knows how: an article is upserted
//! (delete by id, then add, in one commit) and a changed file first loses all
//! its old articles. Questions about the index go to its [`Snapshot`], taken
//! when the writer opened.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexWriter, TantivyDocument, Term};
use xxhash_rust::xxh3::xxh3_64;

use super::{Archive, ArchiveError, Snapshot, document};
use crate::article::Article;

/// Most segments a bulk load may leave. Every query term is looked up in each
/// segment: a million articles in 9 segments answered the scale benchmark's
/// queries in 13.4 ms (p50), in one segment in 8.6 ms; merging them took 50 s.
const MAX_SEGMENTS_AFTER_BULK_LOAD: usize = 4;

/// Most bytes of segments merged into one after a bulk load. tantivy reads
/// the segments it merges through memory maps, and every mapped page read
/// counts in the process's resident set: merging a million articles (1.8 GB)
/// into one segment peaked at 1.93 GB RSS, 1.85 GB of it index files, while
/// the heap stayed under 0.5 GB. A larger load ends in several segments.
const MAX_MERGE_BYTES: u64 = 1_000_000_000;

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
    /// them into as few as merges of at most [`MAX_MERGE_BYTES`] allow, one
    /// merge at a time.
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
        let sizes = segment_bytes(archive.path());
        let sized: Vec<(SegmentId, u64)> = segments
            .iter()
            .map(|meta| {
                let id = meta.id();
                (id, sizes.get(&id.uuid_string()).copied().unwrap_or(0))
            })
            .collect();
        drop(segments);
        let mut writer = archive.writer(MERGE_MEMORY)?;
        // Only the merges below, one at a time: a merge policy could start
        // another on the segments of the next group.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        for group in merge_groups(sized, MAX_MERGE_BYTES) {
            if group.len() > 1 {
                writer.merge(&group).wait()?;
            }
        }
        writer.garbage_collect_files().wait()?;
        writer.wait_merging_threads()?;
        Ok(())
    }
}

/// Returns the bytes on disk of each segment in the index folder `dir`, by
/// segment id (the file names' stem); empty when the folder cannot be read.
fn segment_bytes(dir: &Path) -> HashMap<String, u64> {
    let mut sizes = HashMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return sizes;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((id, _)) = name.to_str().and_then(|name| name.split_once('.')) else {
            continue;
        };
        let bytes = entry.metadata().map_or(0, |meta| meta.len());
        *sizes.entry(id.to_owned()).or_default() += bytes;
    }
    sizes
}

/// Groups segments for merging so that no group holds more than `max_bytes`
/// (a segment larger than that stays alone): largest first, each into the
/// first group it fits.
fn merge_groups(mut segments: Vec<(SegmentId, u64)>, max_bytes: u64) -> Vec<Vec<SegmentId>> {
    segments.sort_by_key(|&(_, bytes)| std::cmp::Reverse(bytes));
    let mut groups: Vec<(Vec<SegmentId>, u64)> = Vec::new();
    for (id, bytes) in segments {
        match groups
            .iter_mut()
            .find(|(_, total)| *total + bytes <= max_bytes)
        {
            Some((group, total)) => {
                group.push(id);
                *total += bytes;
            }
            None => groups.push((vec![id], bytes)),
        }
    }
    groups.into_iter().map(|(group, _)| group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_groups_stay_under_the_byte_limit() {
        let ids: Vec<SegmentId> = (0..5).map(|_| SegmentId::generate_random()).collect();
        let sized = vec![
            (ids[0], 600),
            (ids[1], 300),
            (ids[2], 500),
            (ids[3], 1_200),
            (ids[4], 400),
        ];
        let groups = merge_groups(sized, 1_000);
        let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
        assert_eq!(sizes, [1, 2, 2], "{groups:?}");
        assert_eq!(groups[0], [ids[3]], "too large to merge with anything");
        assert_eq!(groups[1], [ids[0], ids[4]]);
        assert_eq!(groups[2], [ids[2], ids[1]]);
    }

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
    fn a_bulk_load_ends_in_one_segment_and_a_small_update_merges_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(dir.path(), None).unwrap();
        let bulk: Vec<String> = (0..6).map(|n| format!("b{n}")).collect();
        let bulk: Vec<&str> = bulk.iter().map(String::as_str).collect();
        write_in_segments(&archive, &bulk);
        assert_eq!(segments(&archive), 1);
        let stores = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|entry| {
                let path = entry.as_ref().unwrap().path();
                path.extension().is_some_and(|ext| ext == "store")
            })
            .count();
        assert_eq!(stores, 1, "the merged segments' files are deleted");
        write_in_segments(&archive, &["u1"]);
        write_in_segments(&archive, &["u2"]);
        assert_eq!(segments(&archive), 3, "two small loads into six articles");
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
