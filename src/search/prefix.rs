//! Prefix queries (`pemilu*`), expanded against the index's own terms.
//!
//! A `word*` becomes an OR group of the indexed words that start with it
//! (`pemilu OR pemilihan`), the most frequent first, at most
//! [`MAX_EXPANSIONS`] of them. Roots (`~root` terms) never start with a letter,
//! so only words as written are expanded.

use std::collections::HashMap;

use tantivy::Searcher;
use tantivy::schema::Field;

use super::QueryError;

/// Most words one prefix expands to; more would make the query slow and the
/// ranking meaningless.
pub const MAX_EXPANSIONS: usize = 64;

/// Returns the indexed words of `fields` starting with `prefix`, most frequent
/// first, at most [`MAX_EXPANSIONS`].
pub fn words_with_prefix(
    searcher: &Searcher,
    fields: &[Field],
    prefix: &str,
) -> Result<Vec<String>, QueryError> {
    let mut frequencies: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        for field in fields {
            let inverted = segment.inverted_index(*field)?;
            let mut terms = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                if !terms.key().starts_with(prefix.as_bytes()) {
                    break;
                }
                let word = String::from_utf8_lossy(terms.key()).into_owned();
                *frequencies.entry(word).or_default() += u64::from(terms.value().doc_freq);
            }
        }
    }
    let mut words: Vec<(String, u64)> = frequencies.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.truncate(MAX_EXPANSIONS);
    Ok(words.into_iter().map(|(word, _)| word).collect())
}
