//! Turning a [`QueryPlan`] into a tantivy query.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{BooleanQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::entity::{EXTRACTOR, entity_filter, resolve_entity, salience_clause};
use super::text::text_query;
use super::{QueryError, QueryPlan, Rank};
use crate::analysis::Analysis;
use crate::analysis::normalize_keyword;
use crate::archive::{Archive, day_number};

/// The tantivy query of a plan, plus what the parser had to forgive.
pub struct BuiltQuery {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// Parts of the text that had to be read leniently or were ignored.
    pub warnings: Vec<String>,
}

/// Builds the query of `plan`.
pub fn build_query(
    archive: &Archive,
    searcher: &Searcher,
    plan: &QueryPlan,
) -> Result<BuiltQuery, QueryError> {
    let (fields, analysis) = (archive.fields(), archive.analysis());
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut warnings = Vec::new();
    if !plan.text.trim().is_empty() {
        if let Some(words) = only_stopwords(&plan.text, analysis) {
            return Err(QueryError::OnlyStopwords(words));
        }
        let text = text_query(analysis, fields, searcher, &plan.text, plan.operator)?;
        warnings = text.warnings;
        // Nothing searchable (`((`, a word too long to index) matches nothing.
        let query = text.query.unwrap_or_else(|| Box::new(EmptyQuery));
        clauses.push((Occur::Must, query));
    }
    for name in &plan.filters.entities {
        let key = resolve_entity(archive, searcher, &EXTRACTOR, name)?;
        clauses.push((Occur::Must, entity_filter(archive, &key)));
    }
    if plan.rank == Rank::Hybrid
        && !plan.text.trim().is_empty()
        && let Some(clause) = salience_clause(archive, searcher, &EXTRACTOR, &plan.text)?
    {
        clauses.push((Occur::Should, clause));
    }
    for tag in &plan.filters.tags {
        clauses.push((Occur::Must, keyword_query(fields.tag, tag)));
    }
    if let Some(category) = &plan.filters.category {
        clauses.push((Occur::Must, keyword_query(fields.category, category)));
    }
    if let Some(source) = &plan.filters.source {
        clauses.push((Occur::Must, keyword_query(fields.source, source)));
    }
    if plan.filters.since.is_some() || plan.filters.until.is_some() {
        let bound = |day: Option<NaiveDate>| match day {
            Some(day) => Bound::Included(Term::from_field_i64(fields.day, day_number(day))),
            None => Bound::Unbounded,
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                bound(plan.filters.since),
                bound(plan.filters.until),
            )),
        ));
    }
    let query: Box<dyn Query> = match clauses.len() {
        0 => return Err(QueryError::Empty),
        1 => clauses.remove(0).1,
        _ => Box::new(BooleanQuery::new(clauses)),
    };
    Ok(BuiltQuery { query, warnings })
}

/// Matches the articles whose exact-match `field` (tag, category, source)
/// holds `value`, compared as the keyword analyzer indexed it.
pub fn keyword_query(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, &normalize_keyword(value)),
        IndexRecordOption::Basic,
    ))
}

/// Returns the query's words when every word of a query without `field:` is
/// a stopword, quoted or not: stopwords are not indexed, so such a query could
/// only find nothing, and its user gets a message saying why instead.
fn only_stopwords(text: &str, analysis: &Analysis) -> Option<String> {
    if text.contains(':') {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && *word != "OR" && *word != "AND")
        .map(str::to_lowercase)
        .collect();
    let is_all_stopwords = !words.is_empty() && words.iter().all(|word| analysis.is_stopword(word));
    is_all_stopwords.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_only_queries_are_recognised() {
        let analysis = Analysis::load(None).unwrap();
        assert_eq!(only_stopwords("yang", &analysis).as_deref(), Some("yang"));
        assert_eq!(
            only_stopwords("Yang OR dan", &analysis).as_deref(),
            Some("yang dan")
        );
        assert_eq!(only_stopwords("yang baru", &analysis), None);
        assert_eq!(
            only_stopwords("\"yang\"", &analysis).as_deref(),
            Some("yang"),
            "stopwords are not indexed, even in a phrase"
        );
        assert_eq!(only_stopwords("tidak", &analysis), None);
    }
}
