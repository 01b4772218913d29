//! The ingest loop: walk, skip unchanged files, read, assign ids, write, commit.
//!
//! Each file's content hash is recorded with its articles. A file whose hash
//! has not changed is skipped without being parsed; a changed file loses all its
//! old articles before its new ones are written, so an edited file never leaves
//! stale records behind. Commits happen at file boundaries only, so a crash
//! never leaves half a file committed under its new hash.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::read::{Format, ReadEvent, read_file};
use super::report::IngestReport;
use super::walk::{FoundFile, walk};
use crate::analysis::detect_language;
use crate::archive::{Archive, ArchiveError, ArchiveWriter};
use crate::article::Article;
use crate::entities::EntityExtractor;

/// Default memory budget of the index writer, in bytes.
pub const DEFAULT_WRITER_MEMORY: usize = 300_000_000;

/// Default number of articles written between two commits.
pub const DEFAULT_COMMIT_EVERY: u64 = 20_000;

/// Settings of one ingest run.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Follow symbolic links while walking.
    pub follow_links: bool,
    /// Remove articles whose source file under the walked roots is gone.
    pub prune: bool,
    /// Commit after at least this many articles (at the next file boundary).
    pub commit_every: u64,
    /// Memory budget of the index writer, in bytes.
    pub writer_memory: usize,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            follow_links: false,
            prune: false,
            commit_every: DEFAULT_COMMIT_EVERY,
            writer_memory: DEFAULT_WRITER_MEMORY,
        }
    }
}

/// Receives progress and warnings while an ingest runs. The CLI shows them;
/// tests ignore them. Every method has a no-op default.
pub trait IngestMonitor {
    /// Called once the walk is done, with the number and total size of files.
    fn started(&mut self, _files: u64, _bytes: u64) {}
    /// Called after each file with its size.
    fn file_done(&mut self, _bytes: u64) {}
    /// Called with each warning line (`path:line: message`).
    fn warning(&mut self, _line: &str) {}
}

/// A monitor that ignores everything.
pub struct SilentMonitor;

impl IngestMonitor for SilentMonitor {}

/// Why an ingest could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// None of the given paths exists.
    #[error("nothing to ingest: {0}")]
    NoInput(String),
    /// The index could not be opened or written.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
}

/// Ingests the files under `roots` into `archive` and returns the run's report.
pub fn ingest(
    archive: &Archive,
    roots: &[PathBuf],
    options: &IngestOptions,
    monitor: &mut dyn IngestMonitor,
) -> Result<IngestReport, IngestError> {
    let mut report = IngestReport::default();
    let missing: Vec<String> = roots
        .iter()
        .filter(|root| std::fs::symlink_metadata(root).is_err())
        .map(|root| format!("{}: no such file or folder", root.display()))
        .collect();
    if !roots.is_empty() && missing.len() == roots.len() {
        return Err(IngestError::NoInput(missing.join("; ")));
    }
    for line in missing {
        report.files_failed += 1;
        report.add_failure(line);
    }
    let mut writer = ArchiveWriter::new(archive, options.writer_memory)?;
    let warn = |line: String, report: &mut IngestReport, monitor: &mut dyn IngestMonitor| {
        report.warnings += 1;
        monitor.warning(&line);
    };
    let mut walk_warnings = Vec::new();
    let files = walk(
        roots,
        options.follow_links,
        Some(archive.path()),
        &mut |line| walk_warnings.push(line),
    );
    for line in walk_warnings {
        warn(line, &mut report, monitor);
    }
    monitor.started(files.len() as u64, files.iter().map(|file| file.size).sum());

    let extractor = EntityExtractor::new();
    let mut seen_paths = HashSet::new();
    let mut pending = 0u64;
    for file in &files {
        report.files_seen += 1;
        let key = absolute_key(&file.path);
        seen_paths.insert(key.clone());
        let written = ingest_file(
            &mut writer,
            &extractor,
            file,
            &key,
            &mut report,
            &mut |line, report| warn(line, report, monitor),
        )?;
        pending += written;
        if pending >= options.commit_every {
            writer.commit()?;
            pending = 0;
        }
        monitor.file_done(file.size);
    }
    if options.prune {
        prune(&mut writer, roots, &seen_paths, &mut report)?;
    }
    writer.finish()?;
    Ok(report)
}

/// Reads one file into the writer; returns how many articles it wrote.
fn ingest_file(
    writer: &mut ArchiveWriter,
    extractor: &EntityExtractor,
    file: &FoundFile,
    key: &str,
    report: &mut IngestReport,
    warn: &mut dyn FnMut(String, &mut IngestReport),
) -> Result<u64, ArchiveError> {
    let display = file.path.display().to_string();
    let Some(format) = Format::from_path(&file.path) else {
        report.files_skipped += 1;
        return Ok(0);
    };
    let hash = match hash_file(&file.path) {
        Ok(hash) => hash,
        Err(err) => {
            report.files_failed += 1;
            report.add_failure(format!("{display}: cannot read: {err}"));
            return Ok(0);
        }
    };
    let known_hash = writer.file_hash(key)?;
    if known_hash.as_deref() == Some(hash.as_str()) {
        report.files_unchanged += 1;
        report.unchanged += writer.count_file(key)?;
        return Ok(0);
    }
    if known_hash.is_some() {
        writer.remove_file(key);
    }
    let relative = relative_name(&file.path, &file.root);
    let mut written = 0u64;
    let mut failure: Option<ArchiveError> = None;
    let result = read_file(&file.path, format, &mut |event| match event {
        ReadEvent::Article {
            position,
            mut article,
            ..
        } => {
            if failure.is_some() {
                return;
            }
            enrich(&mut article, extractor);
            let id = article_id(&article, &relative, position);
            match write_article(writer, &article, &id, key, &hash) {
                Ok(true) => report.updated += 1,
                Ok(false) => report.added += 1,
                Err(err) => failure = Some(err),
            }
            written += 1;
        }
        ReadEvent::Warning { line, message } => {
            warn(located(&display, line, &message), report);
        }
        ReadEvent::Failed(err) => {
            report.failed += 1;
            report.add_failure(located(&display, err.line, &err.kind.to_string()));
        }
    });
    if let Some(err) = failure {
        return Err(err);
    }
    if let Err(err) = result {
        let line = located(&display, err.line, &err.kind.to_string());
        if err.kind.is_skip() {
            report.files_skipped += 1;
            warn(line, report);
        } else {
            report.files_failed += 1;
            report.add_failure(line);
        }
    }
    Ok(written)
}

/// Adds what is derived from the text rather than read: the language and
/// the named entities.
pub fn enrich(article: &mut Article, extractor: &EntityExtractor) {
    article.language = detect_language(&article.title, &article.body);
    article.entities = extractor.extract(&article.title, &article.body);
}

/// Writes one article; returns true when it replaced an existing one.
fn write_article(
    writer: &mut ArchiveWriter,
    article: &Article,
    id: &str,
    key: &str,
    hash: &str,
) -> Result<bool, ArchiveError> {
    let existed = writer.contains_id(id)?;
    writer.upsert(article, id, key, hash)?;
    Ok(existed)
}

/// Removes the articles of files under `roots` that no longer exist.
fn prune(
    writer: &mut ArchiveWriter,
    roots: &[PathBuf],
    seen: &HashSet<String>,
    report: &mut IngestReport,
) -> Result<(), ArchiveError> {
    let roots: Vec<String> = roots.iter().map(|root| absolute_key(root)).collect();
    for path in writer.indexed_paths()? {
        let is_under_root = roots
            .iter()
            .any(|root| Path::new(&path).starts_with(Path::new(root)));
        if is_under_root && !seen.contains(&path) && !Path::new(&path).exists() {
            report.pruned += writer.count_file(&path)?;
            writer.remove_file(&path);
        }
    }
    Ok(())
}

/// Returns the id an article is stored under: the id given by the input, else
/// its URL, else a hash of the file's path relative to the walked root and the
/// record's position in the file (stable across re-ingests of the same tree).
pub fn article_id(article: &Article, relative_path: &str, position: u64) -> String {
    if let Some(id) = article
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
    {
        return id.to_owned();
    }
    if let Some(url) = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty())
    {
        return url.to_owned();
    }
    let key = format!("{relative_path}#{position}");
    format!("h{:016x}", xxh3_64(key.as_bytes()))
}

/// Returns the content hash of a file as 32 hex digits, reading it in chunks.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(format!("{:032x}", hasher.digest128()))
}

/// Returns the absolute, symlink-free path used to recognise a file across runs.
fn absolute_key(path: &Path) -> String {
    path.canonicalize()
        .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
        .display()
        .to_string()
}

/// Returns the path of `path` relative to the walked `root` (its file name when
/// the root is the file itself).
fn relative_name(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.display().to_string(),
        _ => path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
    }
}

/// Formats a message located in a file: `path:line: message` or `path: message`.
fn located(path: &str, line: Option<u64>, message: &str) -> String {
    match line {
        Some(line) => format!("{path}:{line}: {message}"),
        None => format!("{path}: {message}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_prefers_explicit_id_then_url_then_position() {
        let mut article = Article {
            id: Some(" kn-1 ".into()),
            url: Some("https://example.com/a".into()),
            ..Article::default()
        };
        assert_eq!(article_id(&article, "a.jsonl", 0), "kn-1");
        article.id = None;
        assert_eq!(article_id(&article, "a.jsonl", 0), "https://example.com/a");
        article.url = None;
        let first = article_id(&article, "a.jsonl", 0);
        assert_ne!(first, article_id(&article, "a.jsonl", 1));
        assert_eq!(first, article_id(&article, "a.jsonl", 0));
    }

    #[test]
    fn relative_name_of_a_file_root_is_its_name() {
        let path = Path::new("/data/news/a.txt");
        assert_eq!(relative_name(path, Path::new("/data")), "news/a.txt");
        assert_eq!(relative_name(path, path), "a.txt");
    }
}
