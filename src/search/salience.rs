//! [`SalienceQuery`]: scores how central one entity is to each article.
//!
//! The `entities` field holds an entity's key once per mention, so the
//! term frequency is the mention count. BM25 saturates term frequency quickly
//! (7 mentions score barely more than 1), which is right for words but wrong
//! for "is this article about Putin?". This query scores
//! `idf × ln(1 + mentions)` instead: an article naming an entity seven times
//! gets three times the score of one naming it once, and rare entities weigh
//! more than common ones, as in BM25.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term};

/// Matches the articles naming one entity, scored by its mention count.
#[derive(Clone, Debug)]
pub struct SalienceQuery {
    term: Term,
}

impl SalienceQuery {
    /// Creates the query for `term`, a key of the `entities` field.
    pub fn new(term: Term) -> SalienceQuery {
        SalienceQuery { term }
    }
}

impl Query for SalienceQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let idf = match scoring.searcher().filter(|_| scoring.is_scoring_enabled()) {
            Some(searcher) => {
                let documents = searcher.num_docs() as f32;
                let with_term = searcher.doc_freq(&self.term)? as f32;
                (1.0 + (documents - with_term + 0.5) / (with_term + 0.5)).ln()
            }
            None => 1.0,
        };
        Ok(Box::new(SalienceWeight {
            term: self.term.clone(),
            idf,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.term, false);
    }
}

/// [`SalienceQuery`] bound to a searcher's statistics.
struct SalienceWeight {
    term: Term,
    idf: Score,
}

impl Weight for SalienceWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inverted = reader.inverted_index(self.term.field())?;
        match inverted.read_postings(&self.term, IndexRecordOption::WithFreqs)? {
            Some(postings) => Ok(Box::new(SalienceScorer {
                postings,
                factor: boost * self.idf,
            })),
            None => Ok(Box::new(EmptyScorer)),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not name the entity"
            )));
        }
        Ok(Explanation::new(
            "entity salience: idf * ln(1 + mentions)",
            scorer.score(),
        ))
    }
}

/// Per-segment iterator of [`SalienceQuery`].
struct SalienceScorer {
    postings: SegmentPostings,
    factor: Score,
}

impl DocSet for SalienceScorer {
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn size_hint(&self) -> u32 {
        self.postings.size_hint()
    }
}

impl Scorer for SalienceScorer {
    fn score(&mut self) -> Score {
        self.factor * (1.0 + self.postings.term_freq() as Score).ln()
    }
}
