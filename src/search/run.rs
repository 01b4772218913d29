//! Running a plan: `search` returns a page of hits, `export` streams every hit.

use tantivy::{Searcher, TantivyDocument};

use super::build::build_query;
use super::collect::{AllHits, HitKey, sort_hits, top_hits};
use super::snippet::SnippetMaker;
use super::{Hit, QueryError, QueryPlan, Snippet};
use crate::archive::{Archive, CompactArticles, Fields, StoredArticle};

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

/// Hits whose articles an export fetches together, in index order, when it
/// writes no text: about 100 MB of packed articles at most, so exports of up
/// to a quarter million hits read each block of the article store once.
const EXPORT_CHUNK: usize = 262_144;

/// The same with the articles' text: about 100 MB of articles.
const EXPORT_CHUNK_WITH_TEXT: usize = 32_768;

/// Summary of an export.
#[derive(Clone, Debug, Default)]
pub struct ExportSummary {
    /// Number of hits written.
    pub written: usize,
    /// What the query parser had to forgive.
    pub warnings: Vec<String>,
}

/// What of each article's text an export needs: the full text and snippets
/// cost the most, so they are kept only when asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportText {
    /// Neither the full text nor a snippet.
    Omitted,
    /// The full text.
    Body,
    /// The full text and a highlighted snippet.
    BodyAndSnippet,
}

/// Runs `plan` and hands EVERY hit, in `plan.sort` order, to `sink`, one at a
/// time: memory holds one sort key per hit and one chunk of articles, whatever
/// the hit count. `limit` and `offset` are ignored. An error from `sink` (a
/// closed pipe, a full disk) stops the export.
pub fn export(
    archive: &Archive,
    plan: &QueryPlan,
    text: ExportText,
    sink: &mut dyn FnMut(&Hit) -> std::io::Result<()>,
) -> Result<ExportSummary, ExportError> {
    let searcher = archive.reader().map_err(QueryError::from)?.searcher();
    let built = build_query(archive, &searcher, plan)?;
    let mut keys = searcher
        .search(&*built.query, &AllHits)
        .map_err(QueryError::from)?;
    sort_hits(&mut keys, plan.sort);
    let with_snippets = text == ExportText::BodyAndSnippet;
    let snippets = if with_snippets {
        SnippetMaker::new(&searcher, &*built.query, archive.fields())?
    } else {
        SnippetMaker::opening_only()
    };
    // Articles are fetched a chunk at a time in index order, so each compressed
    // store block is decompressed once per chunk instead of once per hit, then
    // written in rank order. Memory: one chunk of packed articles. Each thread
    // fetches its own stretch of the chunk's addresses, since decompressing
    // the store is most of an export's work.
    let chunk_size = match text {
        ExportText::Omitted => EXPORT_CHUNK,
        ExportText::Body | ExportText::BodyAndSnippet => EXPORT_CHUNK_WITH_TEXT,
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut fetched: Vec<CompactArticles> =
        (0..threads).map(|_| CompactArticles::default()).collect();
    let mut packed_at: Vec<(usize, usize)> = Vec::new();
    let mut hit = Hit::default();
    for (chunk_index, chunk) in keys.chunks(chunk_size).enumerate() {
        let mut by_address: Vec<usize> = (0..chunk.len()).collect();
        by_address.sort_unstable_by_key(|&position| chunk[position].address);
        let stretches: Vec<&[usize]> = by_address.chunks(chunk.len().div_ceil(threads)).collect();
        let numbers = std::thread::scope(|scope| {
            let fetches: Vec<_> = stretches
                .iter()
                .zip(fetched.iter_mut())
                .map(|(&positions, into)| {
                    let (searcher, fields) = (&searcher, archive.fields());
                    scope.spawn(move || {
                        fetch_articles(searcher, fields, chunk, positions, text, into)
                    })
                })
                .collect();
            fetches
                .into_iter()
                .map(|fetch| {
                    fetch
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect::<Result<Vec<Vec<usize>>, QueryError>>()
        })?;
        packed_at.clear();
        packed_at.resize(chunk.len(), (0, usize::MAX));
        for (stretch, (positions, numbers)) in stretches.iter().zip(&numbers).enumerate() {
            for (&position, &number) in positions.iter().zip(numbers) {
                packed_at[position] = (stretch, number);
            }
        }
        for (position, &(stretch, number)) in packed_at.iter().enumerate() {
            hit.rank = chunk_index * chunk_size + position + 1;
            hit.score = chunk[position].score;
            hit.article = fetched[stretch].get(number).unwrap_or_default();
            if with_snippets {
                hit.snippet = snippets.snippet(&hit.article.body, hit.article.language);
            }
            sink(&hit).map_err(ExportError::Write)?;
        }
    }
    Ok(ExportSummary {
        written: keys.len(),
        warnings: built.warnings,
    })
}

/// Fetches the articles of the hits at `positions` of `chunk` (in index
/// order) into `into`, cleared first, and returns each one's number there.
fn fetch_articles(
    searcher: &Searcher,
    fields: &Fields,
    chunk: &[HitKey],
    positions: &[usize],
    text: ExportText,
    into: &mut CompactArticles,
) -> Result<Vec<usize>, QueryError> {
    into.clear();
    let mut numbers = Vec::with_capacity(positions.len());
    for &position in positions {
        let doc: TantivyDocument = searcher.doc(chunk[position].address)?;
        let mut article = StoredArticle::from_document(fields, &doc);
        if text == ExportText::Omitted {
            article.body = String::new();
        }
        numbers.push(into.push(&article));
    }
    Ok(numbers)
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
