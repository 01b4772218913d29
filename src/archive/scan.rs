//! Reading stored articles back: one by id, or all of them.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::{Archive, ArchiveError, StoredArticle};

/// Decompressed doc-store blocks kept while scanning: reading in index order
/// needs one, a few spare cost little.
const STORE_CACHE_BLOCKS: usize = 4;

impl Archive {
    /// Returns the stored article with `id`, if any.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, ArchiveError> {
        let searcher = self.reader()?.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields().id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = top.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        Ok(Some(StoredArticle::from_document(self.fields(), &doc)))
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
