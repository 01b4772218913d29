//! `warta reindex`: rebuild an index from its own stored articles.
//!
//! When the analysis changes (a new stopword list, a new stemmer), the terms in
//! the index no longer match what a query produces. The stored fields hold
//! everything needed to analyse the articles again, so no source file is read:
//! a new index is built beside the old one, then swapped in. The old index stays
//! untouched, and locked against other writers, until the new one is complete.

use std::path::{Path, PathBuf};

use super::pipeline::{IngestError, enrich};
use crate::archive::{Archive, ArchiveError, ArchiveWriter};
use crate::entities::EntityExtractor;

/// Which Indonesian stopword list the rebuilt index uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StopwordChoice {
    /// The list the index was built with (its own, or the default).
    Keep,
    /// warta's default list.
    Default,
    /// This list (the text of a stopword file).
    Custom(String),
}

/// Rebuilds the index in `dir` with this build's analysis and `stopwords`;
/// returns the number of articles re-analysed.
pub fn reindex(dir: &Path, stopwords: &StopwordChoice, memory: usize) -> Result<u64, IngestError> {
    let old = Archive::open_for_reading(dir)?;
    let lock = old.writer(memory.min(50_000_000))?;
    let stopwords = match stopwords {
        StopwordChoice::Keep => Archive::own_stopwords(dir)?,
        StopwordChoice::Default => None,
        StopwordChoice::Custom(text) => Some(text.clone()),
    };
    let fresh_dir = sibling(dir, "reindex");
    remove_if_present(&fresh_dir)?;
    let fresh = Archive::open_or_create(&fresh_dir, stopwords.as_deref())?;
    let mut writer = ArchiveWriter::new(&fresh, memory)?;
    let mut count = 0u64;
    let extractor = EntityExtractor::new();
    old.for_each_article(&mut |stored| {
        let mut article = stored.to_article();
        enrich(&mut article, Some(&extractor));
        writer.upsert(&article, &stored.id, &stored.path, &stored.file_hash)?;
        count += 1;
        Ok(())
    })?;
    writer.finish()?;
    drop(fresh);
    drop(lock);
    drop(old);
    let retired = sibling(dir, "old");
    remove_if_present(&retired)?;
    rename(dir, &retired)?;
    rename(&fresh_dir, dir)?;
    remove_if_present(&retired)?;
    Ok(count)
}

/// Returns `dir` with `.suffix` appended to its last component.
fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or(dir.as_os_str()).to_os_string();
    name.push(".");
    name.push(suffix);
    dir.with_file_name(name)
}

fn remove_if_present(dir: &Path) -> Result<(), ArchiveError> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(ArchiveError::Io {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

fn rename(from: &Path, to: &Path) -> Result<(), ArchiveError> {
    std::fs::rename(from, to).map_err(|source| ArchiveError::Io {
        path: from.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn reindex_keeps_articles_and_applies_new_stopwords() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("index");
        let archive = Archive::open_or_create(&dir, None).unwrap();
        let mut writer = ArchiveWriter::new(&archive, 20_000_000).unwrap();
        let article = Article {
            title: "Korea Utara mengembangkan satelit".into(),
            body: "Pyongyang mengembangkan satelit mata-mata.".into(),
            ..Article::default()
        };
        writer.upsert(&article, "a1", "/x/a.txt", "h").unwrap();
        writer.finish().unwrap();
        drop(archive);

        let count = reindex(
            &dir,
            &StopwordChoice::Custom("satelit\n".into()),
            20_000_000,
        )
        .unwrap();
        assert_eq!(count, 1);
        let archive = Archive::open(&dir).unwrap();
        assert!(archive.analysis().is_stopword("satelit"));
        let stored = archive.article("a1").unwrap().unwrap();
        assert_eq!(stored.title, article.title);
        assert_eq!(stored.file_hash, "h");
        assert!(!root.path().join("index.reindex").exists());
        assert!(!root.path().join("index.old").exists());
    }
}
