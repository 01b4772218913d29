//! The ingest progress bar and warning lines on standard error.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::ingest::IngestMonitor;

/// Shows ingest progress as a byte-count bar on a terminal, and prints each
/// warning as one `warta: ` line (above the bar when there is one).
pub struct ProgressMonitor {
    bar: Option<ProgressBar>,
}

impl ProgressMonitor {
    /// Creates a monitor; the bar appears only when standard error is a terminal.
    pub fn new() -> ProgressMonitor {
        ProgressMonitor {
            bar: std::io::stderr().is_terminal().then(ProgressBar::hidden),
        }
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl IngestMonitor for ProgressMonitor {
    fn started(&mut self, files: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(bytes);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_message(format!("{files} files"));
        }
    }

    fn file_done(&mut self, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
        }
    }

    fn warning(&mut self, line: &str) {
        let line = format!("warta: {}", crate::output::sanitize(line));
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}
