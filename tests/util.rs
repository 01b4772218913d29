//! Test helpers: a temporary workspace with its own index, and running warta in it.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};

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

    /// Starts warta with `args` in the background, standard output discarded
    /// and standard error captured, and returns the running process.
    pub fn spawn(&self, args: &[&str]) -> Child {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("warta"))
            .current_dir(self.path())
            .env_remove("WARTA_INDEX")
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(self.index())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("warta starts")
    }

    /// Returns the number of documents `warta stats` counts, or None when there
    /// is no index yet; fails the test on any other error.
    pub fn documents(&self) -> Option<u64> {
        let run = self.run(&["stats", "--format", "json"]);
        if run.code == 2 && run.stderr.starts_with("warta: no index in ") {
            return None;
        }
        let run = run.expect_code(0);
        let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("stats JSON");
        Some(stats["documents"].as_u64().expect("a document count"))
    }

    /// Writes `files` JSON Lines files of `per_file` articles each into `folder`
    /// and returns the folder. Article `n` of file `f` has the id `a-f-n`, and
    /// every article mentions `banjir`.
    pub fn write_generated(&self, folder: &str, files: usize, per_file: usize) -> PathBuf {
        let body = "Pemerintah daerah menyalurkan bantuan pangan kepada warga terdampak banjir. "
            .repeat(8);
        for file in 0..files {
            let mut content = String::new();
            for n in 0..per_file {
                content.push_str(&format!(
                    "{{\"id\": \"a-{file}-{n}\", \"title\": \"Bantuan banjir {file} {n}\", \"body\": \"{body}\"}}\n"
                ));
            }
            self.write(&format!("{folder}/f{file:04}.jsonl"), content);
        }
        self.path().join(folder)
    }
}

/// Polls `ready` every 20 ms until it returns true or `timeout` passes; returns
/// its last answer.
pub fn poll(timeout: std::time::Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if ready() {
            return true;
        }
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
