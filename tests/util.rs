//! Test helpers: a temporary workspace with its own index, and running warta in it.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository's bundled corpus.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A temporary folder holding an index (`index/`) and input files.
pub struct Workspace {
    dir: tempfile::TempDir,
}

/// What one run of warta printed and returned.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Parses standard output as JSON Lines.
    pub fn jsonl(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    }

    /// Returns the `id` of each JSON Lines record on standard output.
    pub fn ids(&self) -> Vec<String> {
        self.jsonl()
            .iter()
            .map(|hit| hit["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}

impl Workspace {
    /// Creates an empty workspace.
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// Creates a workspace whose index holds the bundled corpus.
    pub fn with_corpus() -> Workspace {
        let workspace = Workspace::new();
        workspace
            .run(&["ingest", corpus().to_str().unwrap()])
            .expect_code(0);
        workspace
    }

    /// Returns the workspace folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Returns the workspace's index folder.
    pub fn index(&self) -> PathBuf {
        self.path().join("index")
    }

    /// Writes `content` to `name` inside the workspace (creating folders) and
    /// returns its path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Returns a warta command run in the workspace against its index.
    pub fn command(&self) -> Command {
        let mut command = Command::cargo_bin("warta").expect("the warta binary");
        command
            .current_dir(self.path())
            .env_remove("WARTA_INDEX")
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(self.index());
        command
    }

    /// Runs warta with `args` and returns what it did.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from_output(self.command().args(args).output().expect("warta runs"))
    }

    /// Runs `warta search ... --format jsonl --limit 100` and returns the hit ids.
    pub fn search_ids(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["search", "--format", "jsonl", "--limit", "100"];
        all.extend_from_slice(args);
        self.run(&all).ids()
    }
}
