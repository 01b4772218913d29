//! [`QueryPlan`]: what the user asked for, as plain data.

use chrono::NaiveDate;

/// How query words combine when the user writes no operator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Operator {
    /// Every word must match (`kim putin` finds articles naming both). The
    /// default: news archives are large and a reader typing two words means both.
    #[default]
    All,
    /// Any word may match; BM25 ranks articles with more of them higher.
    Any,
}

/// How hits are ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rank {
    /// BM25 on the words only.
    Keyword,
    /// BM25 on the words, plus how central the entities the query names are
    /// to each article (mentions of the entity, BM25 on the entity field).
    #[default]
    Hybrid,
}

/// Order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best BM25 score first; ties by newer date, then id.
    #[default]
    Score,
    /// Newest first; ties by score, then id.
    Date,
}

/// Exact-match filters; every one given must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Tags the article must all carry (case and spacing ignored).
    pub tags: Vec<String>,
    /// Category the article must have.
    pub category: Option<String>,
    /// Source the article must come from.
    pub source: Option<String>,
    /// Entities the article must all name (names, aliases or short names).
    pub entities: Vec<String>,
    /// First publication day included.
    pub since: Option<NaiveDate>,
    /// Last publication day included.
    pub until: Option<NaiveDate>,
}

impl Filters {
    /// Returns true if and only if no filter is set.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.category.is_none()
            && self.source.is_none()
            && self.entities.is_empty()
            && self.since.is_none()
            && self.until.is_none()
    }
}

/// A search request: query text, filters, order and page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryPlan {
    /// The query as typed; may be empty when filters are given.
    pub text: String,
    /// Exact-match filters.
    pub filters: Filters,
    /// Default operator between words.
    pub operator: Operator,
    /// Ranking.
    pub rank: Rank,
    /// Order of the hits.
    pub sort: SortOrder,
    /// Number of hits to return (search only; export returns all).
    pub limit: usize,
    /// Number of best hits to skip (search only).
    pub offset: usize,
    /// Cut a highlighted snippet for each hit (search only); batch runs skip it.
    pub with_snippets: bool,
}

impl Default for QueryPlan {
    fn default() -> QueryPlan {
        QueryPlan {
            text: String::new(),
            filters: Filters::default(),
            operator: Operator::All,
            rank: Rank::Hybrid,
            sort: SortOrder::Score,
            limit: 10,
            offset: 0,
            with_snippets: true,
        }
    }
}
