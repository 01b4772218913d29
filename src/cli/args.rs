//! Command-line arguments (clap derive). Only definitions live here; `run`
//! turns them into calls to the library.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::{HitField, OutputFormat};

/// Full-text search for Indonesian news archives.
///
/// With no index yet, `warta search` builds one from corpus/ first.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about, max_term_width = 100)]
pub struct Cli {
    /// Index folder [default: $WARTA_INDEX, else index/]
    #[arg(long, global = true, value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add or update articles from files and folders (txt, json, jsonl, csv)
    Ingest(IngestArgs),
    /// Search articles and show the best hits
    Search(SearchArgs),
    /// Write every hit of a query as CSV, JSON or JSON Lines
    Export(ExportArgs),
    /// Print one whole article
    Show {
        /// Article id (as shown by search)
        id: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Remove articles by id
    Delete {
        /// Article ids
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Show document count, index size, date range, top sources and categories
    Stats {
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Number of sources and categories to list
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// List the most frequent people, places and organisations (over a query's hits)
    Entities(EntitiesArgs),
    /// Print the articles of one file with their entities, as JSON
    Extract {
        /// The file to read
        file: PathBuf,
    },
    /// Print the analysed form of each word (the index terms), one per line
    Analyze(AnalyzeArgs),
    /// Rebuild the index from its stored articles with the current analysis
    Reindex(ReindexArgs),
    /// List tags with their article counts, most frequent first
    Tags {
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Number of tags to list (0 for all)
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
}

impl Command {
    /// True for the commands that write many articles into the index
    /// (`ingest`, `reindex`): their memory is mostly the index writer's
    /// buffers, freed and taken again segment after segment.
    pub fn writes_articles(&self) -> bool {
        matches!(self, Command::Ingest(_) | Command::Reindex(_))
    }
}

/// Arguments of `warta ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to read [default: corpus/]
    pub paths: Vec<PathBuf>,
    /// Remove articles whose files under PATHS no longer exist
    #[arg(long)]
    pub prune: bool,
    /// Follow symbolic links while walking folders
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Commit after this many articles (at the next file boundary)
    #[arg(long, value_name = "N", default_value_t = crate::ingest::DEFAULT_COMMIT_EVERY)]
    pub commit_every: u64,
    /// Memory budget of the index writer, in MB
    #[arg(long, value_name = "MB", default_value_t = crate::ingest::DEFAULT_WRITER_MEMORY / 1_000_000)]
    pub memory: usize,
    /// Indonesian stopword file replacing the default list (for a new index)
    #[arg(long, value_name = "FILE", conflicts_with = "add_stopwords")]
    pub stopwords: Option<PathBuf>,
    /// Stopword file whose words are added to the default list (for a new index)
    #[arg(long, value_name = "FILE")]
    pub add_stopwords: Option<PathBuf>,
}

/// Arguments of `warta entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Query whose hits are counted [default: the whole archive]
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
    /// Only entities of this type
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<KindArg>,
    /// Number of entities to list (0 for all)
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

/// Entity type on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People
    #[value(name = "PER", alias = "per")]
    Per,
    /// Places
    #[value(name = "LOC", alias = "loc")]
    Loc,
    /// Organisations
    #[value(name = "ORG", alias = "org")]
    Org,
}

/// Arguments of `warta analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Text to analyse [default: words from standard input, one per line]
    pub text: Vec<String>,
    /// Language pipeline to use
    #[arg(long, value_enum, default_value_t = LanguageArg::Id)]
    pub lang: LanguageArg,
    /// Print `word -> stem (rules)` for every word, stopwords included
    #[arg(long, conflicts_with = "tsv")]
    pub explain: bool,
    /// Print `word<TAB>stem` for every word, stopwords stemmed too
    #[arg(long)]
    pub tsv: bool,
}

/// Arguments of `warta reindex`.
#[derive(Debug, Args)]
pub struct ReindexArgs {
    /// Indonesian stopword file for the rebuilt index
    #[arg(long, value_name = "FILE", conflicts_with = "default_stopwords")]
    pub stopwords: Option<PathBuf>,
    /// Go back to warta's default stopword list
    #[arg(long)]
    pub default_stopwords: bool,
}

/// Language of `warta analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LanguageArg {
    /// Indonesian
    Id,
    /// English
    En,
}

/// Filters shared by `search` and `export`; every one given must match.
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Only articles with this tag (repeatable: all must match; case and spacing ignored)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only articles in this category
    #[arg(long)]
    pub category: Option<String>,
    /// Only articles from this source
    #[arg(long)]
    pub source: Option<String>,
    /// Only articles naming this entity (repeatable; full name, alias such as AS, or unambiguous short name)
    #[arg(long = "entity", value_name = "NAME")]
    pub entities: Vec<String>,
    /// Only articles published on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<NaiveDate>,
}

/// Query options shared by `search` and `export`.
#[derive(Debug, Args, Clone)]
pub struct QueryArgs {
    /// Match articles with ANY of the words instead of ALL of them
    #[arg(long)]
    pub any: bool,
    /// Order of hits
    #[arg(long, value_enum, default_value_t = SortArg::Score)]
    pub sort: SortArg,
    /// Ranking: keyword (BM25 on words) or hybrid (plus how central the entities named in the query are)
    #[arg(long, value_enum, default_value_t = RankArg::Hybrid)]
    pub rank: RankArg,
}

/// Ranking on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RankArg {
    /// BM25 on the query words
    Keyword,
    /// BM25 plus entity salience
    Hybrid,
}

/// Arguments of `warta search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words, "phrases", -excluded, a OR b, prefix*, title:/body:/tag:word
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub options: QueryArgs,
    /// Number of hits to show [default: 10, with --batch 100]
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
    /// Number of best hits to skip (for paging)
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Output format [default: table, with --batch jsonl]
    #[arg(long, value_enum)]
    pub format: Option<SearchFormat>,
    /// Run every query of FILE (one per line, or `qid<TAB>query`) over one opened index
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub batch: Option<PathBuf>,
    /// With --batch, write `qid<TAB>milliseconds` per query, timed in process
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub latency: Option<PathBuf>,
}

/// Output formats of `warta search`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    /// Aligned text for people, 80 columns
    Table,
    /// One JSON array of objects
    Json,
    /// One JSON object per line
    Jsonl,
    /// RFC 4180 CSV with a header row
    Csv,
    /// TREC run file, `qid Q0 docid rank score warta` (with --batch)
    Trec,
}

/// Arguments of `warta export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Query (may be empty when filters are given: exports every filtered article)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub options: QueryArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Comma-separated fields [default: rank,id,score,title,date,source,url,category,tags,entities,path; also: snippet,body]
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Vec<HitField>,
}

/// Machine formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// RFC 4180 CSV with a header row; lists joined with "; "
    Csv,
    /// One JSON array
    Json,
    /// One JSON object per line
    Jsonl,
}

impl From<ExportFormat> for OutputFormat {
    fn from(format: ExportFormat) -> OutputFormat {
        match format {
            ExportFormat::Csv => OutputFormat::Csv,
            ExportFormat::Json => OutputFormat::Json,
            ExportFormat::Jsonl => OutputFormat::Jsonl,
        }
    }
}

/// Formats of the reports (`show`, `stats`, `tags`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Text for people
    Text,
    /// JSON
    Json,
}

/// Order of hits on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first
    Score,
    /// Newest first
    Date,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("invalid day '{text}' (expected YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn search_defaults_and_repeated_tags() {
        let cli = Cli::try_parse_from([
            "warta",
            "search",
            "kim",
            "--tag",
            "Korea Utara",
            "--tag",
            "Rusia",
        ])
        .unwrap();
        let Command::Search(args) = cli.command else {
            panic!("not a search");
        };
        assert_eq!(args.query, ["kim"]);
        assert_eq!(args.filters.tags, ["Korea Utara", "Rusia"]);
        assert_eq!(args.limit, None);
        assert_eq!(args.format, None);
        assert_eq!(args.options.sort, SortArg::Score);
    }

    #[test]
    fn bad_since_is_refused_with_the_expected_form() {
        let err =
            Cli::try_parse_from(["warta", "search", "x", "--since", "2024-13-01"]).unwrap_err();
        assert!(err.to_string().contains("expected YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn export_fields_parse() {
        let cli = Cli::try_parse_from([
            "warta",
            "export",
            "--tag",
            "Politik",
            "--fields",
            "id,title,body",
        ])
        .unwrap();
        let Command::Export(args) = cli.command else {
            panic!("not an export");
        };
        assert_eq!(args.fields, [HitField::Id, HitField::Title, HitField::Body]);
        assert!(args.query.is_empty());
    }
}
