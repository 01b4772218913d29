//! Input formats that `warta ingest` recognises, chosen by file extension.
//!
//! Sits at the start of the ingest pipeline: the folder walk asks [`Format::from_path`] whether
//! a file is an article file, then hands it to [`crate::ingest::read_file`].

use std::path::Path;

/// An article file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain-text article (`.txt`, `.text`).
    Text,
    /// One JSON article object or an array of them (`.json`).
    Json,
    /// One JSON article object per line (`.jsonl`, `.ndjson`).
    JsonLines,
    /// CSV with a header row (`.csv`).
    Csv,
}

impl Format {
    /// Picks the format by extension, case-insensitive: txt/text → Text, json → Json,
    /// jsonl/ndjson → JsonLines, csv → Csv; anything else → None.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        let format = if ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("text") {
            Format::Text
        } else if ext.eq_ignore_ascii_case("json") {
            Format::Json
        } else if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
            Format::JsonLines
        } else if ext.eq_ignore_ascii_case("csv") {
            Format::Csv
        } else {
            return None;
        };
        Some(format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.txt")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b.TEXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b.Json")), Some(Format::Json));
        assert_eq!(
            Format::from_path(Path::new("b.jsonl")),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::from_path(Path::new("b.NDJSON")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("b.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("b.md")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::from_path(Path::new(".csv")), None);
    }
}
