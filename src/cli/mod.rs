//! The command line: argument definitions and dispatch to the library.
//!
//! This is the only module (with `main`) that prints, reads the environment or
//! decides exit codes: search and export exit 0 when something matched, 1 when
//! nothing did and 2 on error; ingest exits 0 when it completed, even if some
//! inputs were bad, and 2 when nothing could be done.

mod args;
mod progress;
mod run;

pub use args::Cli;
pub use run::run;
