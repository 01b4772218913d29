//! Whole-archive figures: document count, size, date range, term counts of the
//! exact-match fields (sources, categories, tags).

use std::collections::HashMap;

use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocSet, Searcher, TERMINATED, Term};

use super::scan::first_document;
use super::{Archive, ArchiveError};

/// A value of an exact-match field with the number of live articles having it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermCount {
    /// The value as one article spelled it.
    pub value: String,
    /// Live articles with this value.
    pub count: u64,
}

/// Figures about the whole archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveStats {
    /// Live articles.
    pub documents: u64,
    /// Size of the index folder in bytes.
    pub size_bytes: u64,
    /// First and last publication day (`YYYYMMDD`), if any article is dated.
    pub day_range: Option<(i64, i64)>,
    /// Articles without a date.
    pub undated: u64,
    /// Most frequent sources, most frequent first.
    pub top_sources: Vec<TermCount>,
    /// Most frequent categories, most frequent first.
    pub top_categories: Vec<TermCount>,
}

impl Archive {
    /// Computes the archive's figures, listing at most `top` sources and categories.
    pub fn stats(&self, top: usize) -> Result<ArchiveStats, ArchiveError> {
        let searcher = self.reader()?.searcher();
        let mut day_range: Option<(i64, i64)> = None;
        let mut undated = 0;
        for segment in searcher.segment_readers() {
            let days = segment.fast_fields().i64("day")?;
            for doc in segment.doc_ids_alive() {
                match days.first(doc) {
                    Some(day) => {
                        let (first, last) = day_range.get_or_insert((day, day));
                        *first = (*first).min(day);
                        *last = (*last).max(day);
                    }
                    None => undated += 1,
                }
            }
        }
        let mut top_sources = self.term_counts(&searcher, self.fields().source)?;
        top_sources.truncate(top);
        let mut top_categories = self.term_counts(&searcher, self.fields().category)?;
        top_categories.truncate(top);
        Ok(ArchiveStats {
            documents: searcher.num_docs(),
            size_bytes: self.size_on_disk(),
            day_range,
            undated,
            top_sources,
            top_categories,
        })
    }

    /// Returns every tag with its article count, most frequent first.
    pub fn tag_counts(&self) -> Result<Vec<TermCount>, ArchiveError> {
        let searcher = self.reader()?.searcher();
        self.term_counts(&searcher, self.fields().tag)
    }

    /// Counts the live articles of each term of an exact-match `field` and
    /// returns them most frequent first (ties alphabetically), each spelled as
    /// in one article that has it.
    fn term_counts(
        &self,
        searcher: &Searcher,
        field: Field,
    ) -> Result<Vec<TermCount>, ArchiveError> {
        let mut counts: HashMap<Vec<u8>, u64> = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field)?;
            let alive = segment.alive_bitset();
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                let live = match alive {
                    None => u64::from(terms.value().doc_freq),
                    Some(alive) => {
                        let mut postings = inverted
                            .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                            .map_err(tantivy::TantivyError::from)?;
                        let mut live = 0;
                        let mut doc = postings.doc();
                        while doc != TERMINATED {
                            live += u64::from(alive.is_alive(doc));
                            doc = postings.advance();
                        }
                        live
                    }
                };
                if live > 0 {
                    *counts.entry(terms.key().to_vec()).or_default() += live;
                }
            }
        }
        let mut sorted: Vec<(String, u64)> = counts
            .into_iter()
            .map(|(key, count)| (String::from_utf8_lossy(&key).into_owned(), count))
            .collect();
        sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        sorted
            .into_iter()
            .map(|(key, count)| {
                Ok(TermCount {
                    value: self.spelling(searcher, field, &key)?.unwrap_or(key),
                    count,
                })
            })
            .collect()
    }

    /// Returns how one live article spells the normalised `key` of `field`.
    fn spelling(
        &self,
        searcher: &Searcher,
        field: Field,
        key: &str,
    ) -> Result<Option<String>, ArchiveError> {
        let Some(doc) = first_document(searcher, Term::from_field_text(field, key))? else {
            return Ok(None);
        };
        Ok(doc
            .get_all(field)
            .filter_map(|value| value.as_str())
            .find(|value| crate::analysis::normalize_keyword(value) == key)
            .map(str::to_owned))
    }
}
