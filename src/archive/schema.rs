//! The index schema and the handles of its fields.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use tantivy::IndexSettings;
use tantivy::store::{Compressor, ZstdCompressor};

use crate::analysis::{ENGLISH_ANALYZER, INDONESIAN_ANALYZER, KEYWORD_ANALYZER};
use crate::entities::{ENTITY_MENTIONS_TOKENIZER, SHORT_NAMES_TOKENIZER};

/// Version of the schema below; bump it whenever a field changes.
pub const SCHEMA_VERSION: u32 = 6;

/// zstd level of the article store: 1, its fastest. On the corpus level 3
/// (zstd's default) made the store 4% smaller and cost 4% more ingest CPU,
/// and ingest is the tighter of the two.
const STORE_COMPRESSION_LEVEL: i32 = 1;

/// Bytes of articles compressed together: larger blocks compress better but
/// make fetching one article (search, export) decompress more.
const STORE_BLOCK_BYTES: usize = 32 * 1024;

/// Handles of every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Unique article id: raw, stored, fast (tie-breaks), indexed (upserts).
    pub id: Field,
    /// Article URL, stored only.
    pub url: Field,
    /// Publisher; exact match (normalised), original stored.
    pub source: Field,
    /// Section; exact match (normalised), original stored.
    pub category: Field,
    /// Tags, one value each; exact match (normalised), originals stored.
    pub tag: Field,
    /// Headline as written, stored only (searched through `title_id`, `title_en`).
    pub title: Field,
    /// Full text as written, stored only (searched through `body_id`, `body_en`).
    pub body: Field,
    /// Headline of an Indonesian article: words, and `~root` where the root
    /// differs (stopwords removed), with positions.
    pub title_id: Field,
    /// Full text of an Indonesian article, analysed as `title_id`.
    pub body_id: Field,
    /// Headline of an English article: words, and `~stem` where the stem
    /// differs (stopwords removed), with positions.
    pub title_en: Field,
    /// Full text of an English article, analysed as `title_en`.
    pub body_en: Field,
    /// Language code of the article (`id`, `en`): raw, stored.
    pub language: Field,
    /// The entity list ([`entity_list_text`](crate::entities::entity_list_text),
    /// a `TYPE<TAB>count<TAB>name` line per entity), stored; indexed as the
    /// entity keys ([`entity_key`](crate::entities::entity_key)) once per
    /// mention, so that a term's frequency is its mention count: the exact
    /// entity filter (`--entity`) and the salience score of hybrid ranking.
    pub entities: Field,
    /// The entity list again, indexed as the first and last names of the
    /// people the article names at least twice (`putin` for Vladimir Putin),
    /// once each: where a short name in a query or in `--entity` finds the full
    /// names it may stand for.
    pub entity_short: Field,
    /// Publication time as Unix seconds (UTC), for sorting.
    pub timestamp: Field,
    /// Publication day as printed by the source, `YYYYMMDD`, for day filters.
    pub day: Field,
    /// Publication time as RFC 3339 with the source's offset, stored for display.
    pub date_text: Field,
    /// Absolute path of the source file: raw, for incremental ingest and pruning.
    pub path: Field,
    /// Content hash of the source file when the article was read, stored.
    pub file_hash: Field,
}

impl Fields {
    /// Builds warta's schema and returns it with its field handles.
    pub fn build_schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let analysed = |analyzer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
        };
        let keyword = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_ANALYZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        // Both entity fields read their terms from the article's one entity
        // list. No field norms: how central an entity is depends on its own
        // mention count, not on how many other entities the article names.
        let entity_terms = |tokenizer: &str, record: IndexRecordOption| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record)
                    .set_fieldnorms(false),
            )
        };
        let fields = Fields {
            id: builder.add_text_field("id", STRING | STORED | FAST),
            url: builder.add_text_field("url", STORED),
            source: builder.add_text_field("source", keyword.clone()),
            category: builder.add_text_field("category", keyword.clone()),
            tag: builder.add_text_field("tag", keyword),
            title: builder.add_text_field("title", STORED),
            body: builder.add_text_field("body", STORED),
            title_id: builder.add_text_field("title_id", analysed(INDONESIAN_ANALYZER)),
            body_id: builder.add_text_field("body_id", analysed(INDONESIAN_ANALYZER)),
            title_en: builder.add_text_field("title_en", analysed(ENGLISH_ANALYZER)),
            body_en: builder.add_text_field("body_en", analysed(ENGLISH_ANALYZER)),
            language: builder.add_text_field("lang", STRING | STORED),
            entities: builder.add_text_field(
                "entities",
                entity_terms(ENTITY_MENTIONS_TOKENIZER, IndexRecordOption::WithFreqs).set_stored(),
            ),
            entity_short: builder.add_text_field(
                "entity_short",
                entity_terms(SHORT_NAMES_TOKENIZER, IndexRecordOption::Basic),
            ),
            timestamp: builder.add_i64_field("timestamp", INDEXED | FAST),
            day: builder.add_i64_field("day", INDEXED | FAST),
            date_text: builder.add_text_field("date", STORED),
            path: builder.add_text_field("path", STRING | STORED),
            file_hash: builder.add_text_field("file_hash", STORED),
        };
        (builder.build(), fields)
    }

    /// Returns the settings of a new index: the article store is compressed with
    /// zstd, which makes stored text about half the size lz4 does, at a small
    /// cost at ingest.
    pub fn index_settings() -> IndexSettings {
        IndexSettings {
            docstore_compression: Compressor::Zstd(ZstdCompressor {
                compression_level: Some(STORE_COMPRESSION_LEVEL),
            }),
            docstore_blocksize: STORE_BLOCK_BYTES,
            // Each indexing thread compresses its own store blocks: a
            // dedicated thread per segment was woken for every block, one
            // more runnable thread than the two cores here.
            docstore_compress_dedicated_thread: false,
            ..IndexSettings::default()
        }
    }

    /// Looks the field handles up in an existing index's schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: get("id")?,
            url: get("url")?,
            source: get("source")?,
            category: get("category")?,
            tag: get("tag")?,
            title: get("title")?,
            body: get("body")?,
            title_id: get("title_id")?,
            body_id: get("body_id")?,
            title_en: get("title_en")?,
            body_en: get("body_en")?,
            language: get("lang")?,
            entities: get("entities")?,
            entity_short: get("entity_short")?,
            timestamp: get("timestamp")?,
            day: get("day")?,
            date_text: get("date")?,
            path: get("path")?,
            file_hash: get("file_hash")?,
        })
    }
}
