//! Ingest: from folders of article files to articles in the index.
//!
//! [`walk`](walk::walk) finds the files, one reader per format turns each into
//! [`Article`](crate::article::Article)s, and [`ingest`] assigns ids, skips
//! unchanged files and hands articles to the archive writer. Readers know file
//! formats and nothing about tantivy.

mod csv;
mod format;
mod json;
mod pipeline;
mod read;
mod record;
mod reindex;
mod report;
mod text;
mod walk;

pub use csv::read_csv;
pub use json::{read_json, read_json_lines};
pub use pipeline::{
    DEFAULT_COMMIT_EVERY, DEFAULT_WRITER_MEMORY, EntityWork, IngestError, IngestMonitor,
    IngestOptions, SilentMonitor, article_id, enrich, hash_file, ingest,
};
pub use read::{Format, ReadError, ReadErrorKind, ReadEvent, read_file};
pub use record::{MAX_DERIVED_TITLE_CHARS, MAX_ID_BYTES, derive_title, normalize_tags};
pub use reindex::{StopwordChoice, reindex};
pub use report::IngestReport;
pub use text::read_text;
pub use walk::{FoundFile, walk};

#[cfg(test)]
pub(crate) mod tests {
    use super::{ReadError, ReadEvent};
    use crate::article::Article;

    /// Everything a reader reported, for the readers' unit tests.
    #[derive(Debug, Default)]
    pub struct Collected {
        /// `(line, position, article)` per article.
        pub articles: Vec<(u64, u64, Article)>,
        /// `(line, message)` per warning.
        pub warnings: Vec<(Option<u64>, String)>,
        /// Records that failed.
        pub failures: Vec<ReadError>,
    }

    /// Returns a sink that files each event into `collected`.
    pub fn sink_into(collected: &mut Collected) -> impl FnMut(ReadEvent) + '_ {
        |event| match event {
            ReadEvent::Article {
                line,
                position,
                article,
            } => collected.articles.push((line, position, article)),
            ReadEvent::Warning { line, message } => collected.warnings.push((line, message)),
            ReadEvent::Failed(err) => collected.failures.push(err),
        }
    }
}
