//! [`Hit`]: one search result, as handed to the output writers.

use chrono::{DateTime, FixedOffset};

use super::Snippet;
use crate::archive::StoredArticle;

/// One matching article with its rank, score and excerpt.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hit {
    /// 1-based position in the result list.
    pub rank: usize,
    /// BM25 score (higher is better).
    pub score: f32,
    /// The article's stored fields.
    pub article: StoredArticle,
    /// Highlighted excerpt; empty when not asked for.
    pub snippet: Snippet,
}

impl Hit {
    /// Returns the publication time, if known.
    pub fn date(&self) -> Option<DateTime<FixedOffset>> {
        self.article.date
    }
}
