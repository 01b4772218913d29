//! Errors of turning a query into hits.

use crate::archive::ArchiveError;

/// What went wrong while searching.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Neither query words nor filters were given.
    #[error("empty query (give words to search for, or filters such as --tag)")]
    Empty,
    /// Every query word is a stopword.
    #[error(
        "'{0}' has only stopwords, which warta does not index (they occur in nearly every article); add a content word"
    )]
    OnlyStopwords(String),
    /// `--entity` names nothing the index or the gazetteer knows.
    #[error("unknown entity '{0}' (see `warta entities` for the names in the index)")]
    UnknownEntity(String),
    /// `--entity` is a short name shared by several people.
    #[error("entity '{name}' is ambiguous: {candidates}; give the full name")]
    AmbiguousEntity {
        /// The name given.
        name: String,
        /// Full names it could stand for, most frequent first.
        candidates: String,
    },
    /// The index failed while searching.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

impl From<tantivy::TantivyError> for QueryError {
    fn from(err: tantivy::TantivyError) -> QueryError {
        QueryError::Archive(ArchiveError::Tantivy(err))
    }
}
