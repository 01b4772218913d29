//! `warta entities`: the most frequent entities over the archive or over a
//! query's hits.
//!
//! Each segment is counted on its own thread, reading its hits' stored entity
//! lists in index order (so that every compressed block of the article store
//! is decompressed once); the counts of the segments are then added up.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, EnableScoring, Query};
use tantivy::schema::{Field, Value};
use tantivy::store::StoreReader;
use tantivy::{
    DocId, Executor, Score, SegmentOrdinal, SegmentReader, TantivyDocument, TantivyError,
};

use super::build::build_query;
use super::{QueryError, QueryPlan};
use crate::archive::Archive;
use crate::entities::{EntityKind, entity_list_lines};
use crate::hash::FxHashMap;

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

/// Most threads counting segments at once.
const MAX_THREADS: usize = 4;

/// Decompressed article-store blocks kept per segment: hits come in index
/// order, so one is enough and a few spare cost little.
const STORE_CACHE_BLOCKS: usize = 4;

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
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(searcher.segment_readers().len())
        .clamp(1, MAX_THREADS);
    let executor = if threads > 1 {
        Executor::multi_thread(threads, "warta-entities-")?
    } else {
        Executor::single_thread()
    };
    let counter = EntityCounter {
        entities: archive.fields().entities,
        kind,
    };
    let counts = searcher.search_with_executor(
        &*query,
        &counter,
        &executor,
        EnableScoring::disabled_from_searcher(&searcher),
    )??;
    let mut sorted: Vec<EntityCount> = KINDS
        .into_iter()
        .zip(counts)
        .flat_map(|(kind, names)| {
            names
                .into_iter()
                .map(move |(name, (documents, mentions))| EntityCount {
                    name: name.into_string(),
                    kind,
                    documents,
                    mentions,
                })
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

/// The entity types, in the order of [`Counts`].
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Location,
    EntityKind::Organization,
];

/// Articles and mentions of each name, one table per type (in [`KINDS`]
/// order), so that a name already counted is found without a copy of it.
type Counts = [FxHashMap<Box<str>, (u64, u64)>; 3];

/// Index of `kind` in [`KINDS`].
fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Location => 1,
        EntityKind::Organization => 2,
    }
}

/// Adds one article mentioning `name` `mentions` times to `names`.
fn add(names: &mut FxHashMap<Box<str>, (u64, u64)>, name: &str, mentions: u64) {
    let entry = match names.get_mut(name) {
        Some(entry) => entry,
        None => names.entry(Box::from(name)).or_default(),
    };
    entry.0 += 1;
    entry.1 += mentions;
}

/// Collector adding up the stored entity lists of the hits.
struct EntityCounter {
    entities: Field,
    kind: Option<EntityKind>,
}

/// Per-segment half of [`EntityCounter`]. A store error stops the counting of
/// its segment and is returned by `harvest`.
struct SegmentEntityCounter {
    store: StoreReader,
    entities: Field,
    kind: Option<EntityKind>,
    counts: Counts,
    error: Option<TantivyError>,
}

impl Collector for EntityCounter {
    type Fruit = Result<Counts, TantivyError>;
    type Child = SegmentEntityCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounter> {
        Ok(SegmentEntityCounter {
            store: reader.get_store_reader(STORE_CACHE_BLOCKS)?,
            entities: self.entities,
            kind: self.kind,
            counts: Counts::default(),
            error: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Result<Counts, TantivyError>>,
    ) -> tantivy::Result<Result<Counts, TantivyError>> {
        let mut total = Counts::default();
        for fruit in fruits {
            let counts = match fruit {
                Ok(counts) => counts,
                Err(err) => return Ok(Err(err)),
            };
            for (names, total_names) in counts.into_iter().zip(&mut total) {
                for (name, (documents, mentions)) in names {
                    let entry = total_names.entry(name).or_default();
                    entry.0 += documents;
                    entry.1 += mentions;
                }
            }
        }
        Ok(Ok(total))
    }
}

impl SegmentEntityCounter {
    /// Adds the entity list of the article `doc` of this segment.
    fn count(&mut self, doc: DocId) -> tantivy::Result<()> {
        let document: TantivyDocument = self.store.get(doc)?;
        let Some(list) = document.get_first(self.entities).and_then(|v| v.as_str()) else {
            return Ok(());
        };
        for (kind, count, name) in entity_list_lines(list) {
            if self.kind.is_some_and(|wanted| wanted != kind) {
                continue;
            }
            add(&mut self.counts[kind_index(kind)], name, u64::from(count));
        }
        Ok(())
    }
}

impl SegmentCollector for SegmentEntityCounter {
    type Fruit = Result<Counts, TantivyError>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if self.error.is_none()
            && let Err(err) = self.count(doc)
        {
            self.error = Some(err);
        }
    }

    fn harvest(self) -> Result<Counts, TantivyError> {
        match self.error {
            Some(err) => Err(err),
            None => Ok(self.counts),
        }
    }
}
