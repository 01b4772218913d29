//! Reading stored articles back: one by id, or all of them.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use super::{Archive, ArchiveError, StoredArticle};

/// Decompressed doc-store blocks kept while scanning: reading in index order
/// needs one, a few spare cost little.
const STORE_CACHE_BLOCKS: usize = 4;

/// Returns the stored document of one live article holding `term`, if any.
pub(super) fn first_document(
    searcher: &Searcher,
    term: Term,
) -> Result<Option<TantivyDocument>, ArchiveError> {
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    match top.first() {
        Some((_, address)) => Ok(Some(searcher.doc(*address)?)),
        None => Ok(None),
    }
}

impl Archive {
    /// Returns the stored article with `id`, if any.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, ArchiveError> {
        let searcher = self.reader()?.searcher();
        let term = Term::from_field_text(self.fields().id, id);
        Ok(first_document(&searcher, term)?
            .map(|doc| StoredArticle::from_document(self.fields(), &doc)))
    }

    /// Calls `visit` with every live article of the last commit, in index order.
    pub fn for_each_article(
        &self,
        visit: &mut dyn FnMut(StoredArticle) -> Result<(), ArchiveError>,
    ) -> Result<(), ArchiveError> {
        let searcher = self.reader()?.searcher();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(STORE_CACHE_BLOCKS)
                .map_err(tantivy::TantivyError::from)?;
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc_id)?;
                visit(StoredArticle::from_document(self.fields(), &doc))?;
            }
        }
        Ok(())
    }
}
