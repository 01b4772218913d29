//! `warta entities`: the most frequent entities over the archive or over a
//! query's hits.

use std::collections::HashMap;

use tantivy::TantivyDocument;
use tantivy::query::{AllQuery, Query};

use super::build::build_query;
use super::collect::AllHits;
use super::{QueryError, QueryPlan};
use crate::archive::{Archive, StoredArticle};
use crate::entities::EntityKind;

/// One entity with the number of articles naming it and its total mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: EntityKind,
    /// Articles (among the hits) that name it.
    pub documents: u64,
    /// Mentions across those articles.
    pub mentions: u64,
}

/// Counts the entities of every article matching `plan` (every article when
/// the plan has neither words nor filters), optionally of one `kind`, and
/// returns them by article count, then mentions, then name.
pub fn entity_counts(
    archive: &Archive,
    plan: &QueryPlan,
    kind: Option<EntityKind>,
) -> Result<Vec<EntityCount>, QueryError> {
    let searcher = archive.reader()?.searcher();
    let query: Box<dyn Query> = if plan.text.trim().is_empty() && plan.filters.is_empty() {
        Box::new(AllQuery)
    } else {
        build_query(archive, &searcher, plan)?.query
    };
    let hits = searcher.search(&*query, &AllHits)?;
    let mut counts: HashMap<(String, EntityKind), (u64, u64)> = HashMap::new();
    for hit in hits {
        let doc: TantivyDocument = searcher.doc(hit.address)?;
        let article = StoredArticle::from_document(archive.fields(), &doc);
        for entity in article.entities {
            if kind.is_some_and(|kind| kind != entity.kind) {
                continue;
            }
            let entry = counts.entry((entity.name, entity.kind)).or_default();
            entry.0 += 1;
            entry.1 += u64::from(entity.count);
        }
    }
    let mut sorted: Vec<EntityCount> = counts
        .into_iter()
        .map(|((name, kind), (documents, mentions))| EntityCount {
            name,
            kind,
            documents,
            mentions,
        })
        .collect();
    sorted.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then(b.mentions.cmp(&a.mentions))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(sorted)
}
