//! Walking the folders given to `warta ingest`.
//!
//! Symbolic links are not followed unless asked (a link loop then cannot trap
//! the walk), hidden files and folders are skipped, and the index folder itself
//! is never read as input. A folder that cannot be read is reported and the
//! walk goes on.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// One file found by the walk, with the root it was found under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundFile {
    /// Path as reached from the root given by the user.
    pub path: PathBuf,
    /// The root the walk started from (a folder, or the file itself).
    pub root: PathBuf,
    /// Size in bytes when found.
    pub size: u64,
}

/// Walks `roots` and returns every regular file in them, in a stable order.
/// Problems (unreadable folders, broken links, loops) go to `warn`.
pub fn walk(
    roots: &[PathBuf],
    follow_links: bool,
    skip: Option<&Path>,
    warn: &mut dyn FnMut(String),
) -> Vec<FoundFile> {
    let skip = skip.and_then(|path| path.canonicalize().ok());
    let mut found = Vec::new();
    for root in roots {
        let walker = WalkDir::new(root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let is_root = entry.depth() == 0;
                let is_hidden = entry.file_name().to_string_lossy().starts_with('.');
                let is_index = skip.as_ref().is_some_and(|skip| {
                    entry.file_type().is_dir()
                        && entry.path().canonicalize().is_ok_and(|path| &path == skip)
                });
                is_root || !(is_hidden || is_index)
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let size = entry.metadata().map_or(0, |meta| meta.len());
                    found.push(FoundFile {
                        path: entry.into_path(),
                        root: root.clone(),
                        size,
                    });
                }
                Ok(_) => {}
                Err(err) => warn(describe_walk_error(&err)),
            }
        }
    }
    found
}

fn describe_walk_error(err: &walkdir::Error) -> String {
    let path = err
        .path()
        .map_or_else(String::new, |path| format!("{}: ", path.display()));
    if let Some(ancestor) = err.loop_ancestor() {
        return format!(
            "{path}symbolic link loop back to {}, skipped",
            ancestor.display()
        );
    }
    match err.io_error() {
        Some(io) => format!("{path}cannot read: {io}"),
        None => format!("{path}{err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(found: &[FoundFile], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|file| file.path.strip_prefix(root).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn skips_hidden_and_index_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::create_dir_all(root.join("index")).unwrap();
        fs::write(root.join("a/x.txt"), "x").unwrap();
        fs::write(root.join(".hidden.txt"), "x").unwrap();
        fs::write(root.join(".git/y.txt"), "x").unwrap();
        fs::write(root.join("index/meta.json"), "{}").unwrap();
        let mut warnings = Vec::new();
        let found = walk(
            &[root.to_path_buf()],
            false,
            Some(&root.join("index")),
            &mut |w| warnings.push(w),
        );
        assert_eq!(names(&found, root), ["a/x.txt"]);
        assert!(warnings.is_empty());
    }

    #[test]
    fn link_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        let mut warnings = Vec::new();
        let found = walk(&[root.to_path_buf()], true, None, &mut |w| warnings.push(w));
        assert_eq!(names(&found, root), ["a/x.txt"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("loop"), "{warnings:?}");
        let found = walk(&[root.to_path_buf()], false, None, &mut |w| {
            warnings.push(w)
        });
        assert_eq!(names(&found, root), ["a/x.txt"]);
    }
}
