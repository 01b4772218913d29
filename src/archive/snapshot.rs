//! [`Snapshot`]: questions about what the index held when a writer opened.
//!
//! Ingest asks them from its reading thread while the writer adds articles,
//! so they are answered from a fixed searcher that can be cloned and sent.

use std::collections::BTreeSet;

use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocSet, Searcher, TERMINATED, Term};

use super::scan::first_document;
use super::{ArchiveError, Fields};

/// The index as of one commit, for incremental-ingest lookups.
#[derive(Clone)]
pub struct Snapshot {
    searcher: Searcher,
    fields: Fields,
}

impl Snapshot {
    /// Wraps `searcher` over an index with `fields`.
    pub fn new(searcher: Searcher, fields: Fields) -> Snapshot {
        Snapshot { searcher, fields }
    }

    /// Returns how many live documents hold `term`, reading postings directly
    /// (cheaper than a query for the one-term lookups ingest makes per article).
    fn live_count(&self, term: &Term) -> Result<u64, ArchiveError> {
        let mut count = 0;
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(term.field())?;
            let Some(mut postings) = inverted
                .read_postings(term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                count += u64::from(alive.is_none_or(|alive| alive.is_alive(doc)));
                doc = postings.advance();
            }
        }
        Ok(count)
    }

    /// Returns the content hash recorded for the file at `path`, if any of its
    /// articles is in the snapshot.
    pub fn file_hash(&self, path: &str) -> Result<Option<String>, ArchiveError> {
        let term = Term::from_field_text(self.fields.path, path);
        Ok(first_document(&self.searcher, term)?.and_then(|doc| {
            doc.get_first(self.fields.file_hash)
                .and_then(|value| value.as_str().map(str::to_owned))
        }))
    }

    /// Returns how many live articles of the file at `path` the snapshot holds.
    pub fn count_file(&self, path: &str) -> Result<u64, ArchiveError> {
        self.live_count(&Term::from_field_text(self.fields.path, path))
    }

    /// Returns true if and only if the snapshot holds an article with `id`.
    pub fn contains_id(&self, id: &str) -> Result<bool, ArchiveError> {
        if self.searcher.num_docs() == 0 {
            return Ok(false);
        }
        Ok(self.live_count(&Term::from_field_text(self.fields.id, id))? > 0)
    }

    /// Returns every source-file path in the snapshot.
    pub fn indexed_paths(&self) -> Result<BTreeSet<String>, ArchiveError> {
        let mut paths = BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.path)?;
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
}
