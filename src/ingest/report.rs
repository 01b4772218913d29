//! The ingest report: what one run did, counted.

/// At most this many failures are kept verbatim; the rest are only counted.
const MAX_LISTED_FAILURES: usize = 200;

/// Counts of one ingest run, plus one line per failure.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Regular files found by the walk.
    pub files_seen: u64,
    /// Files skipped: unsupported format, empty or binary.
    pub files_skipped: u64,
    /// Files whose content had not changed since they were indexed.
    pub files_unchanged: u64,
    /// Files that could not be read at all.
    pub files_failed: u64,
    /// Articles new to the index.
    pub added: u64,
    /// Articles that replaced an article with the same id.
    pub updated: u64,
    /// Articles left as they were because their file had not changed.
    pub unchanged: u64,
    /// Records that could not be read.
    pub failed: u64,
    /// Articles removed because their file is gone (`--prune`).
    pub pruned: u64,
    /// Non-fatal warnings (bad dates, lossy decoding, unreadable folders).
    pub warnings: u64,
    /// One line per failure (`path:line: message`), the first few hundred.
    pub failures: Vec<String>,
}

impl IngestReport {
    /// Records one failure line.
    pub fn add_failure(&mut self, line: String) {
        if self.failures.len() < MAX_LISTED_FAILURES {
            self.failures.push(line);
        }
    }

    /// Returns how many failure lines were counted but not kept.
    pub fn unlisted_failures(&self) -> u64 {
        (self.failed + self.files_failed).saturating_sub(self.failures.len() as u64)
    }

    /// Returns true if and only if the run stored or confirmed any article.
    pub fn did_anything(&self) -> bool {
        self.added + self.updated + self.unchanged + self.pruned > 0
    }
}
