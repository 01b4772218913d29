//! The ingest loop: walk, skip unchanged files, read, assign ids, write, commit.
//!
//! Each file's content hash is recorded with its articles. A file whose hash
//! has not changed is skipped without being parsed; a changed file loses all its
//! old articles before its new ones are written, so an edited file never leaves
//! stale records behind. Commits happen at file boundaries only, so a crash
//! never leaves half a file committed under its new hash.
//!
//! Three stages run at once: a reading thread hashes, parses and enriches
//! (language, entities) each file and sends what it found, in file order,
//! through a bounded channel; the calling thread applies it to the index
//! writer; tantivy's indexing threads analyse and index. When the writer falls
//! behind, the channel fills and the reader waits: memory stays bounded
//! whatever the input size.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::read::{Format, ReadEvent, read_file};
use super::report::IngestReport;
use super::walk::{FoundFile, walk};
use crate::analysis::detect_language;
use crate::archive::{Archive, ArchiveError, ArchiveWriter, Snapshot};
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
    /// What is done about named entities: [`EntityWork::Index`] unless
    /// measuring what they cost.
    pub entities: EntityWork,
}

/// What an ingest does about named entities. Only [`EntityWork::Index`]
/// makes an archive whose articles can be filtered and ranked by entity; the
/// others exist to measure the two halves of its cost
/// (`examples/entity_cost`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityWork {
    /// Extract the entities and write them into the index.
    Index,
    /// Extract the entities and drop them: the extractor's cost inside the
    /// pipeline, without the entity fields.
    ExtractOnly,
    /// Neither extract nor write them.
    Skip,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            follow_links: false,
            prune: false,
            commit_every: DEFAULT_COMMIT_EVERY,
            writer_memory: DEFAULT_WRITER_MEMORY,
            entities: EntityWork::Index,
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

/// Messages the reading thread sends per file, in order, to the writing thread.
enum Step {
    /// A new file: `key` identifies it across runs; `replaces` is true when
    /// articles of an older version are in the index.
    File { key: String, replaces: bool },
    /// The file's content is unchanged: its `count` articles stay.
    Unchanged { count: u64 },
    /// The file is not an article format, or empty or binary (with a warning).
    Skipped { warning: Option<String> },
    /// One article to write under `id`.
    Article {
        article: Box<Article>,
        id: String,
        hash: String,
    },
    /// A warning line.
    Warning(String),
    /// A record or a whole file that could not be read (`is_file` for the latter).
    Failure { line: String, is_file: bool },
    /// The file is done.
    Done { size: u64 },
    /// The index could not answer; ingest stops.
    Fatal(ArchiveError),
}

/// Steps the reader sends in one message. One message per step woke the
/// writer for nearly every article once extraction made the reader the
/// slower side: ~36,000 context switches per corpus ingest, each one also
/// preempting an indexing thread.
const STEPS_PER_MESSAGE: usize = 64;

/// Messages in flight between the reader and the writer: 1,024 steps, enough
/// to keep both busy, few enough to bound memory (an article is a few
/// kilobytes).
const CHANNEL_CAPACITY: usize = 16;

/// The reader's end of the channel: gathers steps into messages.
struct StepSender {
    sender: SyncSender<Vec<Step>>,
    batch: Vec<Step>,
}

impl StepSender {
    /// Queues `step`; false once the writer has gone.
    fn send(&mut self, step: Step) -> bool {
        self.batch.push(step);
        self.batch.len() < STEPS_PER_MESSAGE || self.flush()
    }

    /// Sends the queued steps; false once the writer has gone.
    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(STEPS_PER_MESSAGE));
        self.sender.send(batch).is_ok()
    }
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
    let mut walk_warnings = Vec::new();
    let files = walk(
        roots,
        options.follow_links,
        Some(archive.path()),
        &mut |line| walk_warnings.push(line),
    );
    for line in walk_warnings {
        report.warnings += 1;
        monitor.warning(&line);
    }
    monitor.started(files.len() as u64, files.iter().map(|file| file.size).sum());

    let snapshot = writer.snapshot().clone();
    let (sender, receiver) = sync_channel(CHANNEL_CAPACITY);
    let seen_paths = std::thread::scope(|scope| {
        let sender = StepSender {
            sender,
            batch: Vec::with_capacity(STEPS_PER_MESSAGE),
        };
        scope.spawn(|| read_files(&files, &snapshot, options.entities, sender));
        write_steps(&mut writer, receiver, options, &mut report, monitor)
    })?;
    if options.prune {
        prune(&mut writer, roots, &seen_paths, &mut report)?;
    }
    writer.finish()?;
    Ok(report)
}

/// The reading thread: turns each file into [`Step`]s. Stops early when the
/// writer has gone (it failed) or the index cannot answer.
fn read_files(
    files: &[FoundFile],
    snapshot: &Snapshot,
    entities: EntityWork,
    mut sender: StepSender,
) {
    let extractor = (entities != EntityWork::Skip).then(EntityExtractor::new);
    let keep_entities = entities == EntityWork::Index;
    let mut keys = HashSet::new();
    for file in files {
        // A file reached twice (directly and through a followed link) is read once.
        let key = absolute_key(&file.path);
        if !keys.insert(key.clone()) {
            if !sender.send(Step::Done { size: file.size }) {
                return;
            }
            continue;
        }
        let mut send = |step: Step| sender.send(step);
        let extractor = extractor.as_ref();
        if let Err(err) = read_one_file(file, key, snapshot, extractor, keep_entities, &mut send) {
            sender.send(Step::Fatal(err));
            sender.flush();
            return;
        }
        if !sender.send(Step::Done { size: file.size }) {
            return;
        }
    }
    sender.flush();
}

/// Sends the steps of one file.
fn read_one_file(
    file: &FoundFile,
    key: String,
    snapshot: &Snapshot,
    extractor: Option<&EntityExtractor>,
    keep_entities: bool,
    send: &mut dyn FnMut(Step) -> bool,
) -> Result<(), ArchiveError> {
    let display = file.path.display().to_string();
    let Some(format) = Format::from_path(&file.path) else {
        send(Step::File {
            key,
            replaces: false,
        });
        send(Step::Skipped { warning: None });
        return Ok(());
    };
    let hash = match hash_file(&file.path) {
        Ok(hash) => hash,
        Err(err) => {
            send(Step::File {
                key,
                replaces: false,
            });
            send(Step::Failure {
                line: format!("{display}: cannot read: {err}"),
                is_file: true,
            });
            return Ok(());
        }
    };
    let known_hash = snapshot.file_hash(&key)?;
    if known_hash.as_deref() == Some(hash.as_str()) {
        let count = snapshot.count_file(&key)?;
        send(Step::File {
            key,
            replaces: false,
        });
        send(Step::Unchanged { count });
        return Ok(());
    }
    send(Step::File {
        key,
        replaces: known_hash.is_some(),
    });
    let relative = relative_name(&file.path, &file.root);
    let mut is_open = true;
    let result = read_file(&file.path, format, &mut |event| {
        if !is_open {
            return;
        }
        let step = match event {
            ReadEvent::Article {
                position,
                mut article,
                ..
            } => {
                enrich(&mut article, extractor);
                if !keep_entities {
                    // Dropped only after the extractor has done its work.
                    std::hint::black_box(std::mem::take(&mut article.entities));
                }
                let id = article_id(&article, &relative, position);
                Step::Article {
                    article: Box::new(article),
                    id,
                    hash: hash.clone(),
                }
            }
            ReadEvent::Warning { line, message } => {
                Step::Warning(located(&display, line, &message))
            }
            ReadEvent::Failed(err) => Step::Failure {
                line: located(&display, err.line, &err.kind.to_string()),
                is_file: false,
            },
        };
        is_open = send(step);
    });
    if let Err(err) = result {
        let line = located(&display, err.line, &err.kind.to_string());
        if err.kind.is_skip() {
            send(Step::Skipped {
                warning: Some(line),
            });
        } else {
            send(Step::Failure {
                line,
                is_file: true,
            });
        }
    }
    Ok(())
}

/// The writing side: applies the steps to the index, counts them, commits at
/// file boundaries. Returns the keys of every file seen (for pruning).
fn write_steps(
    writer: &mut ArchiveWriter,
    receiver: Receiver<Vec<Step>>,
    options: &IngestOptions,
    report: &mut IngestReport,
    monitor: &mut dyn IngestMonitor,
) -> Result<HashSet<String>, ArchiveError> {
    let mut seen_paths = HashSet::new();
    let mut current_key = String::new();
    let mut pending = 0u64;
    for step in receiver.into_iter().flatten() {
        match step {
            Step::File { key, replaces } => {
                report.files_seen += 1;
                if replaces {
                    writer.remove_file(&key);
                }
                seen_paths.insert(key.clone());
                current_key = key;
            }
            Step::Unchanged { count } => {
                report.files_unchanged += 1;
                report.unchanged += count;
            }
            Step::Skipped { warning } => {
                report.files_skipped += 1;
                if let Some(line) = warning {
                    report.warnings += 1;
                    monitor.warning(&line);
                }
            }
            Step::Article { article, id, hash } => {
                if writer.upsert(&article, &id, &current_key, &hash)? {
                    report.updated += 1;
                } else {
                    report.added += 1;
                }
                pending += 1;
            }
            Step::Warning(line) => {
                report.warnings += 1;
                monitor.warning(&line);
            }
            Step::Failure { line, is_file } => {
                if is_file {
                    report.files_failed += 1;
                } else {
                    report.failed += 1;
                }
                report.add_failure(line);
            }
            Step::Done { size } => {
                if pending >= options.commit_every {
                    writer.commit()?;
                    pending = 0;
                }
                monitor.file_done(size);
            }
            Step::Fatal(err) => return Err(err),
        }
    }
    Ok(seen_paths)
}

/// Adds what is derived from the text rather than read: the language and,
/// given an extractor, the named entities.
pub fn enrich(article: &mut Article, extractor: Option<&EntityExtractor>) {
    article.language = detect_language(&article.title, &article.body);
    if let Some(extractor) = extractor {
        article.entities = extractor.extract(&article.title, &article.body);
    }
}

/// Removes the articles of files under `roots` that no longer exist.
fn prune(
    writer: &mut ArchiveWriter,
    roots: &[PathBuf],
    seen: &HashSet<String>,
    report: &mut IngestReport,
) -> Result<(), ArchiveError> {
    let roots: Vec<String> = roots.iter().map(|root| absolute_key(root)).collect();
    for path in writer.snapshot().indexed_paths()? {
        let is_under_root = roots
            .iter()
            .any(|root| Path::new(&path).starts_with(Path::new(root)));
        if is_under_root && !seen.contains(&path) && !Path::new(&path).exists() {
            report.pruned += writer.snapshot().count_file(&path)?;
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
    fn enrich_extracts_entities_only_given_an_extractor() {
        let extractor = EntityExtractor::new();
        let article = Article {
            title: "Putin bertemu Kim Jong Un".into(),
            body: "Presiden Rusia Vladimir Putin tiba di Pyongyang.".into(),
            ..Article::default()
        };
        let mut with = article.clone();
        enrich(&mut with, Some(&extractor));
        assert!(with.entities.iter().any(|e| e.name == "Vladimir Putin"));
        let mut without = article;
        enrich(&mut without, None);
        assert!(without.entities.is_empty());
        assert_eq!(without.language, with.language);
    }

    #[test]
    fn only_indexing_entities_writes_them() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(
            folder.join("a.jsonl"),
            r#"{"id":"a1","title":"Putin bertemu Kim Jong Un","body":"Presiden Rusia Vladimir Putin tiba di Pyongyang."}"#,
        )
        .unwrap();
        let stored_entities = |entities: EntityWork| {
            let index = root.path().join(format!("{entities:?}"));
            let archive = Archive::open_or_create(&index, None).unwrap();
            let options = IngestOptions {
                entities,
                ..IngestOptions::default()
            };
            let folders = std::slice::from_ref(&folder);
            let report = ingest(&archive, folders, &options, &mut SilentMonitor);
            assert_eq!(report.unwrap().added, 1);
            let stored = archive.article("a1").unwrap().unwrap();
            stored
                .entities
                .into_iter()
                .map(|entity| entity.name)
                .collect::<Vec<_>>()
        };
        assert!(stored_entities(EntityWork::Index).contains(&"Vladimir Putin".to_owned()));
        assert_eq!(
            stored_entities(EntityWork::ExtractOnly),
            Vec::<String>::new()
        );
        assert_eq!(stored_entities(EntityWork::Skip), Vec::<String>::new());
    }

    #[test]
    fn relative_name_of_a_file_root_is_its_name() {
        let path = Path::new("/data/news/a.txt");
        assert_eq!(relative_name(path, Path::new("/data")), "news/a.txt");
        assert_eq!(relative_name(path, path), "a.txt");
    }
}
