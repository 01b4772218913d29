//! Turning a [`QueryPlan`] into a tantivy query.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Searcher, Term};

use super::prefix::expand_prefixes;
use super::{Operator, QueryError, QueryPlan};
use crate::analysis::normalize_keyword;
use crate::archive::{Fields, day_number};

/// Boost of a title match over a body match: a headline naming the query is
/// the best evidence that an article is about it.
const TITLE_BOOST: f32 = 2.0;

/// The tantivy query of a plan, plus what the parser had to forgive.
pub struct BuiltQuery {
    /// The query to run.
    pub query: Box<dyn Query>,
    /// Parts of the text the parser could not read and searched leniently.
    pub warnings: Vec<String>,
}

/// Builds the query of `plan`.
pub fn build_query(
    index: &Index,
    searcher: &Searcher,
    fields: &Fields,
    plan: &QueryPlan,
) -> Result<BuiltQuery, QueryError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut warnings = Vec::new();
    if !plan.text.trim().is_empty() {
        let default_fields = [fields.title, fields.body];
        let text = expand_prefixes(&plan.text, searcher, &index.schema(), &default_fields)?;
        let (query, parse_warnings) = parse_text(index, &default_fields, &text, plan.operator);
        warnings = parse_warnings;
        clauses.push((Occur::Must, query));
    }
    let keyword = |field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, &normalize_keyword(value)),
            IndexRecordOption::Basic,
        ))
    };
    for tag in &plan.filters.tags {
        clauses.push((Occur::Must, keyword(fields.tag, tag)));
    }
    if let Some(category) = &plan.filters.category {
        clauses.push((Occur::Must, keyword(fields.category, category)));
    }
    if let Some(source) = &plan.filters.source {
        clauses.push((Occur::Must, keyword(fields.source, source)));
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

/// Parses the query text; a syntax error is not fatal: the parser's lenient
/// mode searches what it could read and the error becomes a warning.
fn parse_text(
    index: &Index,
    default_fields: &[Field; 2],
    text: &str,
    operator: Operator,
) -> (Box<dyn Query>, Vec<String>) {
    let [title, _] = *default_fields;
    let mut parser = QueryParser::for_index(index, default_fields.to_vec());
    parser.set_field_boost(title, TITLE_BOOST);
    if operator == Operator::All {
        parser.set_conjunction_by_default();
    }
    match parser.parse_query(text) {
        Ok(query) => (query, Vec::new()),
        Err(strict_error) => {
            let (query, errors) = parser.parse_query_lenient(text);
            let mut warnings = vec![format!("query read leniently: {strict_error}")];
            warnings.extend(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .filter(|message| *message != strict_error.to_string()),
            );
            (query, warnings)
        }
    }
}
