//! Entities in queries: resolving `--entity` names and spotting entities among
//! the query's words for hybrid ranking.
//!
//! A name resolves, in order, through the alias table and gazetteer (`AS`,
//! `Korut`, `Moskow`), then as an exact entity of the index, then as a short
//! name: `Putin` is accepted when the articles that name a person of that
//! first or last name at least twice (`entity_short`) show one such person;
//! `Kim` with both Kim Jong Un and Kim Dong-yup is ambiguous and refused with
//! the candidates listed.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use super::QueryError;
use super::salience::SalienceQuery;
use crate::archive::{Archive, StoredArticle};
use crate::entities::{EntityExtractor, entity_key};

/// The extractor's alias table and gazetteer, built once per process.
pub static EXTRACTOR: LazyLock<EntityExtractor> = LazyLock::new(EntityExtractor::new);

/// Articles sampled to tell which full names a short name in `--entity` stands
/// for: enough to see a second person of the same name.
const SHORT_NAME_SAMPLE: usize = 200;

/// Articles sampled to tell which full names a short name among the query's
/// words stands for: fewer, since every such query pays for reading them.
const QUERY_SHORT_NAME_SAMPLE: usize = 32;

/// Most people a short name among the query's words is scored as.
const MAX_PEOPLE_PER_SHORT_NAME: usize = 4;

/// Weight of the entity-salience clause relative to keyword relevance: enough
/// to lift an article about an entity above one naming it in passing, not
/// enough to override the other query words.
pub const ENTITY_BOOST: f32 = 0.5;

/// Longest run of query words looked up as one entity name.
const MAX_NAME_WORDS: usize = 4;

/// Returns the index key of the entity `name` stands for.
pub fn resolve_entity(
    archive: &Archive,
    searcher: &Searcher,
    extractor: &EntityExtractor,
    name: &str,
) -> Result<String, QueryError> {
    if let Some((canonical, _)) = extractor.resolve(name) {
        return Ok(entity_key(&canonical));
    }
    let key = entity_key(name);
    if key.is_empty() {
        return Err(QueryError::UnknownEntity(name.to_owned()));
    }
    let fields = archive.fields();
    if searcher.doc_freq(&Term::from_field_text(fields.entities, &key))? > 0 {
        return Ok(key);
    }
    let candidates = people_called(archive, searcher, &key, SHORT_NAME_SAMPLE)?;
    match candidates.len() {
        0 => Err(QueryError::UnknownEntity(name.to_owned())),
        1 => Ok(entity_key(&candidates[0])),
        _ => {
            let names: Vec<String> = candidates.into_iter().take(5).collect();
            Err(QueryError::AmbiguousEntity {
                name: name.to_owned(),
                candidates: names.join(", "),
            })
        }
    }
}

/// Returns the full names of the people whose first or last name is `short`
/// (an entity key), as the first `sample` articles holding that short name
/// show them, the one the archive names in most articles first.
fn people_called(
    archive: &Archive,
    searcher: &Searcher,
    short: &str,
    sample: usize,
) -> Result<Vec<String>, QueryError> {
    let fields = archive.fields();
    let query = TermQuery::new(
        Term::from_field_text(fields.entity_short, short),
        IndexRecordOption::Basic,
    );
    let addresses = searcher.search(&query, &TopDocs::with_limit(sample).order_by_score())?;
    let mut candidates = BTreeSet::new();
    for (_, address) in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        let article = StoredArticle::from_document(fields, &doc);
        for entity in article.entities {
            let is_short_form = entity
                .short_names()
                .iter()
                .any(|name| entity_key(name) == short);
            if is_short_form {
                candidates.insert(entity.name);
            }
        }
    }
    let mut people = Vec::new();
    for name in merge_longer_forms(&candidates) {
        let term = Term::from_field_text(fields.entities, &entity_key(name));
        people.push((searcher.doc_freq(&term)?, name));
    }
    people.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    Ok(people.into_iter().map(|(_, name)| name.clone()).collect())
}

/// Folds a full name that only adds words in front of another candidate into
/// it: "Russian President Vladimir Putin" is "Vladimir Putin" with a title the
/// extractor did not know, not a second person.
fn merge_longer_forms(candidates: &BTreeSet<String>) -> BTreeSet<&String> {
    let keys: Vec<String> = candidates.iter().map(|name| entity_key(name)).collect();
    candidates
        .iter()
        .zip(&keys)
        .map(|(name, key)| {
            let shorter = candidates
                .iter()
                .zip(&keys)
                .find(|(_, other)| key.len() > other.len() && key.ends_with(&format!(" {other}")));
            shorter.map_or(name, |(other_name, _)| other_name)
        })
        .collect()
}

/// Share of the articles using a word in which it is (part of) a name, below
/// which the word is not taken for an entity in a query.
const MIN_NAME_SHARE: u64 = 2;

/// Returns true if and only if `word`, a single query word that the gazetteer
/// does not know, is a name in at least half of the articles that use it
/// (`juventus`, `putin`). The extractor sometimes takes a capitalised common
/// word for a name (a heading's `Film`, `Revisi`); such words are names in a
/// few of the many articles using them and must not pull salience into
/// ordinary queries.
fn mostly_a_name(
    archive: &Archive,
    searcher: &Searcher,
    word: &str,
    articles_naming: u64,
) -> Result<bool, QueryError> {
    let fields = archive.fields();
    let mut articles_using = 0;
    for field in [fields.body_id, fields.body_en] {
        articles_using += searcher.doc_freq(&Term::from_field_text(field, word))?;
    }
    Ok(articles_naming * MIN_NAME_SHARE >= articles_using)
}

/// Returns an exact filter on the entity with index key `key`.
pub fn entity_filter(archive: &Archive, key: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(archive.fields().entities, key),
        IndexRecordOption::Basic,
    ))
}

/// Returns the salience clause for the entities named by the query's words,
/// or `None` when no run of words names an entity the index knows. Runs are
/// matched longest first (`vladimir putin` before `putin`); aliases resolve
/// through the gazetteer (`AS` scores `amerika serikat`); a person's first or
/// last name scores the people it stands for (`putin` scores `vladimir putin`).
pub fn salience_clause(
    archive: &Archive,
    searcher: &Searcher,
    extractor: &EntityExtractor,
    text: &str,
) -> Result<Option<Box<dyn Query>>, QueryError> {
    if text.contains([':', '"', '*']) {
        return Ok(None);
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|word| !word.starts_with('-') && *word != "OR" && *word != "AND")
        .collect();
    let fields = archive.fields();
    let field = fields.entities;
    let mut keys: Vec<String> = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut matched = 0;
        for length in (1..=MAX_NAME_WORDS.min(words.len() - start)).rev() {
            let name = words[start..start + length].join(" ");
            let (key, is_known_name) = match extractor.resolve(&name) {
                Some((canonical, _)) => (entity_key(&canonical), true),
                None => (entity_key(&name), length > 1),
            };
            let articles_naming = searcher.doc_freq(&Term::from_field_text(field, &key))?;
            if is_known_name {
                if articles_naming > 0 {
                    push_new(&mut keys, key);
                    matched = length;
                    break;
                }
                continue;
            }
            // One word: an entity's whole name, or a person's first or last name.
            let articles_calling =
                searcher.doc_freq(&Term::from_field_text(fields.entity_short, &key))?;
            let articles = articles_naming + articles_calling;
            if articles == 0 || !mostly_a_name(archive, searcher, &key, articles)? {
                continue;
            }
            if articles_calling > 0 {
                let people = people_called(archive, searcher, &key, QUERY_SHORT_NAME_SAMPLE)?;
                for name in people.into_iter().take(MAX_PEOPLE_PER_SHORT_NAME) {
                    push_new(&mut keys, entity_key(&name));
                }
            }
            if articles_naming > 0 {
                push_new(&mut keys, key);
            }
            matched = 1;
        }
        start += matched.max(1);
    }
    if keys.is_empty() {
        return Ok(None);
    }
    let clauses: Vec<(Occur, Box<dyn Query>)> = keys
        .iter()
        .map(|key| -> (Occur, Box<dyn Query>) {
            let term = Term::from_field_text(field, key);
            (Occur::Should, Box::new(SalienceQuery::new(term)))
        })
        .collect();
    Ok(Some(Box::new(BoostQuery::new(
        Box::new(BooleanQuery::new(clauses)),
        ENTITY_BOOST,
    ))))
}

/// Appends `key` unless `keys` holds it already.
fn push_new(keys: &mut Vec<String>, key: String) {
    if !keys.contains(&key) {
        keys.push(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_a_title_in_front_is_the_same_person() {
        let putin = "Vladimir Putin".to_owned();
        let candidates =
            BTreeSet::from([putin.clone(), "Russian President Vladimir Putin".to_owned()]);
        assert_eq!(merge_longer_forms(&candidates), BTreeSet::from([&putin]));
        let two_people = BTreeSet::from(["Kim Jong Un".to_owned(), "Kim Dong-yup".to_owned()]);
        assert_eq!(merge_longer_forms(&two_people).len(), 2);
    }
}
