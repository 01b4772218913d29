//! Running a plan: `search` returns a page of hits, `export` streams every hit.

use tantivy::TantivyDocument;

use super::build::build_query;
use super::collect::{AllHits, sort_hits, top_hits};
use super::snippet::SnippetMaker;
use super::{Hit, QueryError, QueryPlan, Snippet};
use crate::archive::{Archive, StoredArticle};

/// A page of hits and the total number of matching articles.
#[derive(Clone, Debug, Default)]
pub struct SearchResults {
    /// Number of articles matching the query and filters.
    pub total: usize,
    /// The requested page, best first.
    pub hits: Vec<Hit>,
    /// What the query parser had to forgive.
    pub warnings: Vec<String>,
}

/// Runs `plan` and returns its page of hits with snippets.
pub fn search(archive: &Archive, plan: &QueryPlan) -> Result<SearchResults, QueryError> {
    let searcher = archive.reader()?.searcher();
    let built = build_query(archive, &searcher, plan)?;
    let (total, page) = top_hits(&searcher, &*built.query, plan.sort, plan.limit, plan.offset)?;
    let snippets = if plan.with_snippets {
        SnippetMaker::new(&searcher, &*built.query, archive.fields())?
    } else {
        SnippetMaker::opening_only()
    };
    let mut hits = Vec::with_capacity(page.len());
    for (index, (score, address)) in page.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(address)?;
        let article = StoredArticle::from_document(archive.fields(), &doc);
        hits.push(Hit {
            rank: plan.offset + index + 1,
            score,
            snippet: if plan.with_snippets {
                snippets.snippet(&article.body, article.language)
            } else {
                Snippet::default()
            },
            article,
        });
    }
    Ok(SearchResults {
        total,
        hits,
        warnings: built.warnings,
    })
}

/// Summary of an export.
#[derive(Clone, Debug, Default)]
pub struct ExportSummary {
    /// Number of hits written.
    pub written: usize,
    /// What the query parser had to forgive.
    pub warnings: Vec<String>,
}

/// Runs `plan` and hands EVERY hit, in `plan.sort` order, to `sink`, one at a
/// time: memory holds one sort key per hit and one article, whatever the hit
/// count. `limit` and `offset` are ignored. Snippets are cut only when
/// `with_snippets` is set, as they cost more than the rest of the export.
/// An error from `sink` (a closed pipe, a full disk) stops the export.
pub fn export(
    archive: &Archive,
    plan: &QueryPlan,
    with_snippets: bool,
    sink: &mut dyn FnMut(&Hit) -> std::io::Result<()>,
) -> Result<ExportSummary, ExportError> {
    let searcher = archive.reader().map_err(QueryError::from)?.searcher();
    let built = build_query(archive, &searcher, plan)?;
    let mut keys = searcher
        .search(&*built.query, &AllHits)
        .map_err(QueryError::from)?;
    sort_hits(&mut keys, plan.sort);
    let snippets = if with_snippets {
        SnippetMaker::new(&searcher, &*built.query, archive.fields())?
    } else {
        SnippetMaker::opening_only()
    };
    let mut hit = Hit::default();
    for (index, key) in keys.iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(key.address).map_err(QueryError::from)?;
        hit.rank = index + 1;
        hit.score = key.score;
        hit.article = StoredArticle::from_document(archive.fields(), &doc);
        if with_snippets {
            hit.snippet = snippets.snippet(&hit.article.body, hit.article.language);
        }
        sink(&hit).map_err(ExportError::Write)?;
    }
    Ok(ExportSummary {
        written: keys.len(),
        warnings: built.warnings,
    })
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The query could not run.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// The output could not be written.
    #[error("cannot write hits: {0}")]
    Write(std::io::Error),
}
