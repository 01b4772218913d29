//! Collecting hits: the top k for `search`, every hit for `export`.

use std::cmp::Ordering;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Order, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::{QueryError, SortOrder};

/// Name of the fast field holding the publication time.
const TIMESTAMP: &str = "timestamp";
/// Name of the fast field holding the id.
const ID: &str = "id";

/// Returns the total number of hits and the page `offset..offset + limit` of
/// them in `sort` order, from one pass over the index.
pub fn top_hits(
    searcher: &Searcher,
    query: &dyn Query,
    sort: SortOrder,
    limit: usize,
    offset: usize,
) -> Result<(usize, Vec<(Score, DocAddress)>), QueryError> {
    if limit == 0 {
        return Ok((searcher.search(query, &Count)?, Vec::new()));
    }
    let page = TopDocs::with_limit(limit).and_offset(offset);
    match sort {
        SortOrder::Score => {
            let top = page.order_by((
                (SortBySimilarityScore, Order::Desc),
                (
                    SortByStaticFastValue::<i64>::for_field(TIMESTAMP),
                    Order::Desc,
                ),
                (SortByString::for_field(ID), Order::Asc),
            ));
            let (count, docs) = searcher.search(query, &(Count, top))?;
            Ok((
                count,
                docs.into_iter()
                    .map(|((score, _, _), address)| (score, address))
                    .collect(),
            ))
        }
        SortOrder::Date => {
            let top = page.order_by((
                (
                    SortByStaticFastValue::<i64>::for_field(TIMESTAMP),
                    Order::Desc,
                ),
                (SortBySimilarityScore, Order::Desc),
                (SortByString::for_field(ID), Order::Asc),
            ));
            let (count, docs) = searcher.search(query, &(Count, top))?;
            Ok((
                count,
                docs.into_iter()
                    .map(|((_, score, _), address)| (score, address))
                    .collect(),
            ))
        }
    }
}

/// One hit of an export: its sort keys and address. 24 bytes: the only memory
/// an export keeps per hit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HitKey {
    /// BM25 score.
    pub score: Score,
    /// Publication time (Unix seconds), `i64::MIN` when unknown.
    pub timestamp: i64,
    /// Where the article is.
    pub address: DocAddress,
}

/// Collector of every hit with its sort keys, respecting deletions (it keeps
/// the default `collect_segment`, which skips deleted documents).
pub struct AllHits;

/// Per-segment half of [`AllHits`].
pub struct AllHitsSegment {
    segment: SegmentOrdinal,
    timestamps: Option<Column<i64>>,
    hits: Vec<HitKey>,
}

impl Collector for AllHits {
    type Fruit = Vec<HitKey>;
    type Child = AllHitsSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<AllHitsSegment> {
        Ok(AllHitsSegment {
            segment,
            timestamps: reader.fast_fields().i64(TIMESTAMP).ok(),
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<HitKey>>) -> tantivy::Result<Vec<HitKey>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllHitsSegment {
    type Fruit = Vec<HitKey>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let timestamp = self
            .timestamps
            .as_ref()
            .and_then(|column| column.first(doc))
            .unwrap_or(i64::MIN);
        self.hits.push(HitKey {
            score,
            timestamp,
            address: DocAddress::new(self.segment, doc),
        });
    }

    fn harvest(self) -> Vec<HitKey> {
        self.hits
    }
}

/// Sorts export hits in `sort` order; ties fall back to index order, which is
/// stable for a given index.
pub fn sort_hits(hits: &mut [HitKey], sort: SortOrder) {
    let by_score =
        |a: &HitKey, b: &HitKey| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal);
    let by_date = |a: &HitKey, b: &HitKey| b.timestamp.cmp(&a.timestamp);
    hits.sort_unstable_by(|a, b| {
        let primary = match sort {
            SortOrder::Score => by_score(a, b).then_with(|| by_date(a, b)),
            SortOrder::Date => by_date(a, b).then_with(|| by_score(a, b)),
        };
        primary.then_with(|| a.address.cmp(&b.address))
    });
}
