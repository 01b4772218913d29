//! The wire form of entities, shared by hits, `show`, `extract` and `entities`.

use serde::Serialize;

use super::OutputFormat;
use crate::entities::Entity;
use crate::search::EntityCount;

/// One entity as written in JSON: `{"name", "type", "count"}`.
#[derive(Serialize)]
pub struct EntityRecord<'a> {
    /// Canonical name.
    pub name: &'a str,
    /// `PER`, `LOC` or `ORG`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Mentions in the article.
    pub count: u32,
}

/// Returns the records of `entities`, in their order.
pub fn entity_records(entities: &[Entity]) -> Vec<EntityRecord<'_>> {
    entities
        .iter()
        .map(|entity| EntityRecord {
            name: &entity.name,
            kind: entity.kind.code(),
            count: entity.count,
        })
        .collect()
}

/// Returns the first `max` entities as `Name (TYPE, count)`, or `Name (count)`
/// without `with_types`, comma separated, for people reading.
pub fn describe_entities(entities: &[Entity], max: usize, with_types: bool) -> String {
    entities
        .iter()
        .take(max)
        .map(|entity| match with_types {
            true => format!("{} ({}, {})", entity.name, entity.kind.code(), entity.count),
            false => format!("{} ({})", entity.name, entity.count),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row of `warta entities` in machine formats.
#[derive(Serialize)]
struct EntityCountRecord<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    documents: u64,
    mentions: u64,
}

/// Writes entity counts as a table, JSON, JSON Lines or CSV.
pub fn write_entity_counts<W: std::io::Write>(
    out: &mut W,
    counts: &[EntityCount],
    format: OutputFormat,
) -> std::io::Result<()> {
    let records = counts.iter().map(|count| EntityCountRecord {
        name: &count.name,
        kind: count.kind.code(),
        documents: count.documents,
        mentions: count.mentions,
    });
    match format {
        OutputFormat::Table => {
            writeln!(out, "{:>8} {:>9}  type  name", "articles", "mentions")?;
            for count in counts {
                let name = super::truncate(&super::sanitize(&count.name), 55);
                writeln!(
                    out,
                    "{:>8} {:>9}  {}   {name}",
                    count.documents,
                    count.mentions,
                    count.kind.code()
                )?;
            }
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &records.collect::<Vec<_>>())?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            for record in records {
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
            }
        }
        OutputFormat::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            for record in records {
                csv.serialize(record).map_err(std::io::Error::other)?;
            }
            csv.flush()?;
        }
    }
    Ok(())
}
