//! Dispatch: one function per subcommand, errors turned into the one-line
//! `warta: ...` message and an exit code.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

use super::args::{
    AnalyzeArgs, Cli, Command, EntitiesArgs, ExportArgs, FilterArgs, IngestArgs, KindArg,
    LanguageArg, QueryArgs, RankArg, ReindexArgs, ReportFormat, SearchArgs, SearchFormat, SortArg,
};
use super::progress::ProgressMonitor;
use crate::analysis::{Analysis, INDONESIAN_STOPWORDS, Language};
use crate::archive::{Archive, ArchiveWriter};
use crate::entities::{EntityExtractor, EntityKind};
use crate::ingest::{
    Format, IngestOptions, ReadEvent, StopwordChoice, article_id, enrich, ingest, read_file,
    reindex,
};
use crate::output::{
    BatchFormat, DEFAULT_EXPORT_FIELDS, HitField, HitWriter, OutputFormat, SEARCH_FIELDS,
    TableStyle, WordStyle, parse_batch_line, write_article, write_batch_hits, write_entity_counts,
    write_extracted, write_ingest_report, write_stats, write_tags, write_word,
};
use crate::search::{
    ExportText, Filters, Operator, QueryPlan, Rank, SortOrder, entity_counts, export, search,
};

/// Default index folder, relative to the working directory.
const DEFAULT_INDEX: &str = "index";
/// Folder the default index is built from when it does not exist yet.
const DEFAULT_CORPUS: &str = "corpus";
/// Environment variable naming the index folder.
const INDEX_ENV: &str = "WARTA_INDEX";

/// Hits shown by `search` unless `--limit` says otherwise.
const DEFAULT_LIMIT: usize = 10;
/// Hits written per query by `search --batch`, as evaluation tools expect.
const DEFAULT_BATCH_LIMIT: usize = 100;

/// Exit code: something matched, or the command completed.
const EXIT_OK: u8 = 0;
/// Exit code: nothing matched.
const EXIT_NO_MATCH: u8 = 1;
/// Exit code: an error stopped the command.
const EXIT_ERROR: u8 = 2;

/// Parses the command line, runs the command and returns its exit code.
pub fn run(cli: Cli) -> ExitCode {
    match execute(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_OK),
        Err(err) => {
            eprintln!("warta: {}", crate::output::sanitize(&format!("{err:#}")));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Returns true if and only if `err` comes from writing to a closed pipe
/// (`warta search x | head`), which ends the program quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<crate::search::ExportError>()
                .is_some_and(|export| matches!(export, crate::search::ExportError::Write(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}

/// Where the index is and whether the user chose it.
struct IndexLocation {
    path: PathBuf,
    is_default: bool,
}

impl IndexLocation {
    fn resolve(flag: Option<PathBuf>) -> IndexLocation {
        if let Some(path) = flag {
            return IndexLocation {
                path,
                is_default: false,
            };
        }
        match std::env::var_os(INDEX_ENV).filter(|value| !value.is_empty()) {
            Some(path) => IndexLocation {
                path: PathBuf::from(path),
                is_default: false,
            },
            None => IndexLocation {
                path: PathBuf::from(DEFAULT_INDEX),
                is_default: true,
            },
        }
    }
}

fn execute(cli: Cli) -> Result<u8> {
    let location = IndexLocation::resolve(cli.index);
    match cli.command {
        Command::Ingest(args) => run_ingest(&location.path, &args),
        Command::Search(args) => run_search(&location, &args),
        Command::Export(args) => run_export(&location, &args),
        Command::Show { id, format } => run_show(&location.path, &id, format),
        Command::Analyze(args) => run_analyze(&location.path, &args),
        Command::Entities(args) => run_entities(&location, &args),
        Command::Extract { file } => run_extract(&file),
        Command::Reindex(args) => run_reindex(&location.path, &args),
        Command::Delete { ids } => run_delete(&location.path, &ids),
        Command::Stats { format, top } => {
            let archive = open(&location.path)?;
            let stats = archive.stats(top)?;
            let mut out = stdout();
            write_stats(&mut out, &stats, format == ReportFormat::Json)?;
            out.flush()?;
            Ok(EXIT_OK)
        }
        Command::Tags { format, limit } => {
            let archive = open(&location.path)?;
            let mut tags = archive.tag_counts()?;
            if limit > 0 {
                tags.truncate(limit);
            }
            let mut out = stdout();
            write_tags(&mut out, &tags, format == ReportFormat::Json)?;
            out.flush()?;
            Ok(if tags.is_empty() {
                EXIT_NO_MATCH
            } else {
                EXIT_OK
            })
        }
    }
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

fn open(path: &Path) -> Result<Archive> {
    Ok(Archive::open(path)?)
}

/// Opens the index for searching; the default index is first built from
/// `corpus/` when it does not exist, so a fresh clone answers at once.
fn open_for_search(location: &IndexLocation) -> Result<Archive> {
    let corpus = Path::new(DEFAULT_CORPUS);
    if location.is_default && !Archive::exists(&location.path) && corpus.is_dir() {
        eprintln!(
            "warta: no index in {}/ yet; building one from {}/ ...",
            location.path.display(),
            corpus.display()
        );
        let options = IngestOptions::default();
        let archive = Archive::open_or_create(&location.path, None)?;
        let started = Instant::now();
        let mut monitor = ProgressMonitor::new();
        let report = ingest(&archive, &[corpus.to_path_buf()], &options, &mut monitor);
        monitor.finish();
        let report = report.context("building the default index")?;
        write_ingest_report(
            &mut io::stderr().lock(),
            &report,
            started.elapsed().as_secs_f64(),
        )?;
        return Ok(archive);
    }
    open(&location.path)
}

fn run_ingest(index: &Path, args: &IngestArgs) -> Result<u8> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    let stopwords = match (&args.stopwords, &args.add_stopwords) {
        (Some(path), _) => Some(read_text(path)?),
        (None, Some(path)) => Some(format!("{}\n{}", INDONESIAN_STOPWORDS, read_text(path)?)),
        (None, None) => None,
    };
    let archive = Archive::open_or_create(index, stopwords.as_deref())
        .with_context(|| format!("cannot open index {}", index.display()))?;
    let options = IngestOptions {
        follow_links: args.follow,
        prune: args.prune,
        commit_every: args.commit_every.max(1),
        writer_memory: args.memory.max(20) * 1_000_000,
        ..IngestOptions::default()
    };
    let started = Instant::now();
    let mut monitor = ProgressMonitor::new();
    let report = ingest(&archive, &paths, &options, &mut monitor);
    monitor.finish();
    let report = report?;
    let mut out = stdout();
    write_ingest_report(&mut out, &report, started.elapsed().as_secs_f64())?;
    out.flush()?;
    Ok(EXIT_OK)
}

fn plan(query: &[String], filters: &FilterArgs, options: &QueryArgs) -> QueryPlan {
    QueryPlan {
        text: query.join(" "),
        filters: Filters {
            tags: filters.tags.clone(),
            category: filters.category.clone(),
            source: filters.source.clone(),
            entities: filters.entities.clone(),
            since: filters.since,
            until: filters.until,
        },
        operator: if options.any {
            Operator::Any
        } else {
            Operator::All
        },
        rank: match options.rank {
            RankArg::Keyword => Rank::Keyword,
            RankArg::Hybrid => Rank::Hybrid,
        },
        sort: match options.sort {
            SortArg::Score => SortOrder::Score,
            SortArg::Date => SortOrder::Date,
        },
        ..QueryPlan::default()
    }
}

fn table_style() -> TableStyle {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    TableStyle {
        is_color: io::stdout().is_terminal() && !no_color,
        ..TableStyle::default()
    }
}

fn run_search(location: &IndexLocation, args: &SearchArgs) -> Result<u8> {
    let archive = open_for_search(location)?;
    if let Some(batch) = &args.batch {
        return run_batch(&archive, batch, args);
    }
    let format = match args.format.unwrap_or(SearchFormat::Table) {
        SearchFormat::Table => OutputFormat::Table,
        SearchFormat::Json => OutputFormat::Json,
        SearchFormat::Jsonl => OutputFormat::Jsonl,
        SearchFormat::Csv => OutputFormat::Csv,
        SearchFormat::Trec => anyhow::bail!("--format trec needs --batch FILE"),
    };
    let plan = QueryPlan {
        limit: args.limit.unwrap_or(DEFAULT_LIMIT),
        offset: args.offset,
        ..plan(&args.query, &args.filters, &args.options)
    };
    let results = search(&archive, &plan)?;
    for warning in &results.warnings {
        eprintln!("warta: {}", crate::output::sanitize(warning));
    }
    let mut writer = HitWriter::new(stdout(), format, SEARCH_FIELDS, table_style());
    writer.start(Some(results.total), &plan.text)?;
    for hit in &results.hits {
        writer.write(hit)?;
    }
    writer.finish()?;
    Ok(if results.total > 0 {
        EXIT_OK
    } else {
        EXIT_NO_MATCH
    })
}

/// Runs every query of a batch file over the one opened index, writing all
/// hits as JSON Lines or a TREC run, and each query's in-process time.
fn run_batch(archive: &Archive, batch: &Path, args: &SearchArgs) -> Result<u8> {
    let format = match args.format.unwrap_or(SearchFormat::Jsonl) {
        SearchFormat::Jsonl => BatchFormat::Jsonl,
        SearchFormat::Trec => BatchFormat::Trec,
        _ => anyhow::bail!("--batch writes --format jsonl or trec"),
    };
    let queries = File::open(batch).with_context(|| format!("cannot read {}", batch.display()))?;
    let mut latency = match &args.latency {
        Some(path) => {
            Some(BufWriter::new(File::create(path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        }
        None => None,
    };
    let template = QueryPlan {
        limit: args.limit.unwrap_or(DEFAULT_BATCH_LIMIT),
        offset: args.offset,
        with_snippets: false,
        ..plan(&[], &args.filters, &args.options)
    };
    let mut out = stdout();
    let mut matched = false;
    for (index, line) in io::BufReader::new(queries).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", batch.display()))?;
        let Some((qid, text)) = parse_batch_line(&line, index + 1) else {
            continue;
        };
        let plan = QueryPlan {
            text,
            ..template.clone()
        };
        let started = Instant::now();
        let results = search(archive, &plan);
        let elapsed = started.elapsed();
        match results {
            Ok(results) => {
                matched |= results.total > 0;
                write_batch_hits(&mut out, &qid, &results.hits, format)?;
            }
            Err(err) => eprintln!("warta: query {}: {}", crate::output::sanitize(&qid), err),
        }
        if let Some(latency) = &mut latency {
            writeln!(latency, "{qid}\t{:.3}", elapsed.as_secs_f64() * 1000.0)?;
        }
    }
    out.flush()?;
    if let Some(mut latency) = latency {
        latency.flush()?;
    }
    Ok(if matched { EXIT_OK } else { EXIT_NO_MATCH })
}

fn run_export(location: &IndexLocation, args: &ExportArgs) -> Result<u8> {
    let archive = open_for_search(location)?;
    let plan = plan(&args.query, &args.filters, &args.options);
    let fields = if args.fields.is_empty() {
        DEFAULT_EXPORT_FIELDS.to_vec()
    } else {
        args.fields.clone()
    };
    let text = if fields.contains(&HitField::Snippet) {
        ExportText::BodyAndSnippet
    } else if fields.contains(&HitField::Body) {
        ExportText::Body
    } else {
        ExportText::Omitted
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(stdout()),
    };
    let mut writer = HitWriter::new(
        out,
        OutputFormat::from(args.format),
        &fields,
        TableStyle::default(),
    );
    writer.start(None, &plan.text)?;
    let summary = export(&archive, &plan, text, &mut |hit| writer.write(hit))?;
    writer.finish()?;
    for warning in &summary.warnings {
        eprintln!("warta: {}", crate::output::sanitize(warning));
    }
    if let Some(path) = &args.output {
        eprintln!(
            "warta: wrote {} hits to {}",
            summary.written,
            path.display()
        );
    }
    Ok(if summary.written > 0 {
        EXIT_OK
    } else {
        EXIT_NO_MATCH
    })
}

fn run_show(index: &Path, id: &str, format: ReportFormat) -> Result<u8> {
    let archive = open(index)?;
    let Some(article) = archive.article(id)? else {
        eprintln!(
            "warta: no article with id '{}'",
            crate::output::sanitize(id)
        );
        return Ok(EXIT_NO_MATCH);
    };
    let mut out = stdout();
    write_article(&mut out, &article, format == ReportFormat::Json)?;
    out.flush()?;
    Ok(EXIT_OK)
}

fn run_delete(index: &Path, ids: &[String]) -> Result<u8> {
    let archive = Archive::open_to_write(index)?;
    let mut writer = ArchiveWriter::new(&archive, 50_000_000)?;
    let mut deleted = 0;
    for id in ids {
        if writer.snapshot().contains_id(id)? {
            writer.remove_id(id);
            deleted += 1;
        } else {
            eprintln!(
                "warta: no article with id '{}'",
                crate::output::sanitize(id)
            );
        }
    }
    writer.finish()?;
    println!("deleted {deleted} of {} articles", ids.len());
    Ok(if deleted > 0 { EXIT_OK } else { EXIT_NO_MATCH })
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn run_analyze(index: &Path, args: &AnalyzeArgs) -> Result<u8> {
    // An existing index's own stopword list applies; otherwise the default.
    let stopwords = if Archive::exists(index) {
        Archive::own_stopwords(index)?
    } else {
        None
    };
    let analysis = Analysis::load(stopwords.as_deref())?;
    let language = match args.lang {
        LanguageArg::Id => Language::Indonesian,
        LanguageArg::En => Language::English,
    };
    let style = match (args.explain, args.tsv) {
        (true, _) => WordStyle::Explain,
        (_, true) => WordStyle::Tsv,
        _ => WordStyle::Stem,
    };
    let mut out = stdout();
    if args.text.is_empty() {
        for line in io::stdin().lock().lines() {
            let line = line.context("cannot read standard input")?;
            let mut word = analysis.explain(&line, language);
            if style == WordStyle::Tsv {
                word.stem = Some(analysis.stem_word(&word.surface, language).0);
            }
            write_word(&mut out, &word, style, true)?;
        }
    } else {
        let text = args.text.join(" ");
        let mut surface = analysis.surface_analyzer();
        let mut tokens = surface.token_stream(&text);
        while tokens.advance() {
            let mut word = analysis.explain(&tokens.token().text, language);
            if style == WordStyle::Tsv {
                word.stem = Some(analysis.stem_word(&word.surface, language).0);
            }
            write_word(&mut out, &word, style, false)?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn run_reindex(index: &Path, args: &ReindexArgs) -> Result<u8> {
    let choice = match (&args.stopwords, args.default_stopwords) {
        (Some(path), _) => StopwordChoice::Custom(read_text(path)?),
        (None, true) => StopwordChoice::Default,
        (None, false) => StopwordChoice::Keep,
    };
    let started = Instant::now();
    let count = reindex(index, &choice, crate::ingest::DEFAULT_WRITER_MEMORY)?;
    println!(
        "reindexed {count} articles in {} ({:.1}s)",
        index.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(EXIT_OK)
}

fn run_entities(location: &IndexLocation, args: &EntitiesArgs) -> Result<u8> {
    let archive = open_for_search(location)?;
    let options = QueryArgs {
        any: false,
        sort: SortArg::Score,
        rank: RankArg::Keyword,
    };
    let plan = plan(&args.query, &args.filters, &options);
    let kind = args.kind.map(|kind| match kind {
        KindArg::Per => EntityKind::Person,
        KindArg::Loc => EntityKind::Location,
        KindArg::Org => EntityKind::Organization,
    });
    let mut counts = entity_counts(&archive, &plan, kind)?;
    if args.limit > 0 {
        counts.truncate(args.limit);
    }
    let mut out = stdout();
    write_entity_counts(&mut out, &counts, args.format)?;
    out.flush()?;
    Ok(if counts.is_empty() {
        EXIT_NO_MATCH
    } else {
        EXIT_OK
    })
}

fn run_extract(file: &Path) -> Result<u8> {
    let format = Format::from_path(file).with_context(|| {
        format!(
            "{}: unsupported file type (expected .txt, .json, .jsonl, .ndjson or .csv)",
            file.display()
        )
    })?;
    let extractor = EntityExtractor::new();
    let name = file
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let mut articles = Vec::new();
    let warn = |line: Option<u64>, message: &str| {
        let at = line.map_or_else(String::new, |line| format!(":{line}"));
        eprintln!(
            "warta: {}{at}: {}",
            file.display(),
            crate::output::sanitize(message)
        );
    };
    read_file(file, format, &mut |event| match event {
        ReadEvent::Article {
            position,
            mut article,
            ..
        } => {
            enrich(&mut article, Some(&extractor));
            article.id = Some(article_id(&article, &name, position));
            articles.push(article);
        }
        ReadEvent::Warning { line, message } => warn(line, &message),
        ReadEvent::Failed(err) => warn(err.line, &err.kind.to_string()),
    })
    .map_err(|err| anyhow::anyhow!("{}: {}", file.display(), err.kind))?;
    let mut out = stdout();
    write_extracted(&mut out, &articles)?;
    out.flush()?;
    Ok(if articles.is_empty() {
        EXIT_NO_MATCH
    } else {
        EXIT_OK
    })
}
