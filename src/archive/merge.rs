//! Merges capped by bytes, so that ingest's memory stays bounded.
//!
//! tantivy reads the segments it merges through memory maps, and every mapped
//! page read counts in the process's resident set. Left to tantivy's log merge
//! policy, a million-article ingest merged 1.15 GB of segments at once in the
//! background and peaked at 1.51 GB RSS (0.36 GB heap); merging the whole load
//! into one segment at the end peaked at 1.93 GB. Every merge, in the
//! background or after a bulk load, now reads at most [`MAX_MERGE_BYTES`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most bytes of segments merged at once. With ingest's heap at up to 0.5 GB
/// (writer buffers, queued articles), this keeps the peak under 1.5 GB.
pub const MAX_MERGE_BYTES: u64 = 800_000_000;

/// tantivy's log merge policy with each merge split so that it reads at most
/// `max_bytes` of segments (sizes from the files in the index folder).
#[derive(Debug)]
pub struct CappedMergePolicy {
    log: LogMergePolicy,
    dir: PathBuf,
    max_bytes: u64,
}

impl CappedMergePolicy {
    /// Creates the policy for the index folder `dir`.
    pub fn new(dir: &Path, max_bytes: u64) -> CappedMergePolicy {
        CappedMergePolicy {
            log: LogMergePolicy::default(),
            dir: dir.to_path_buf(),
            max_bytes,
        }
    }
}

impl MergePolicy for CappedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let candidates = self.log.compute_merge_candidates(segments);
        if candidates.is_empty() {
            return candidates;
        }
        let sizes = SegmentSizes::read(&self.dir);
        candidates
            .into_iter()
            .flat_map(|MergeCandidate(ids)| sizes.merge_groups(ids, self.max_bytes))
            .filter(|group| group.len() > 1)
            .map(MergeCandidate)
            .collect()
    }
}

/// Bytes on disk of each segment of an index folder, by segment id.
pub struct SegmentSizes(HashMap<String, u64>);

impl SegmentSizes {
    /// Adds up the files of each segment in the index folder `dir` (a file's
    /// name without its extensions is its segment's id); empty when the folder
    /// cannot be read.
    pub fn read(dir: &Path) -> SegmentSizes {
        let mut sizes = HashMap::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return SegmentSizes(sizes);
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some((id, _)) = name.to_str().and_then(|name| name.split_once('.')) else {
                continue;
            };
            let bytes = entry.metadata().map_or(0, |meta| meta.len());
            *sizes.entry(id.to_owned()).or_default() += bytes;
        }
        SegmentSizes(sizes)
    }

    /// Groups the segments `ids` for merging, so that no group holds more
    /// than `max_bytes` on disk (see [`merge_groups`]).
    pub fn merge_groups(&self, ids: Vec<SegmentId>, max_bytes: u64) -> Vec<Vec<SegmentId>> {
        let sized = ids
            .into_iter()
            .map(|id| (id, self.0.get(&id.uuid_string()).copied().unwrap_or(0)))
            .collect();
        merge_groups(sized, max_bytes)
    }
}

/// Groups segments for merging so that no group holds more than `max_bytes`
/// (a segment larger than that stays alone): largest first, each into the
/// first group it fits.
fn merge_groups(mut segments: Vec<(SegmentId, u64)>, max_bytes: u64) -> Vec<Vec<SegmentId>> {
    segments.sort_by_key(|&(_, bytes)| std::cmp::Reverse(bytes));
    let mut groups: Vec<(Vec<SegmentId>, u64)> = Vec::new();
    for (id, bytes) in segments {
        match groups
            .iter_mut()
            .find(|(_, total)| *total + bytes <= max_bytes)
        {
            Some((group, total)) => {
                group.push(id);
                *total += bytes;
            }
            None => groups.push((vec![id], bytes)),
        }
    }
    groups.into_iter().map(|(group, _)| group).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_groups_stay_under_the_byte_limit() {
        let ids: Vec<SegmentId> = (0..5).map(|_| SegmentId::generate_random()).collect();
        let sized = vec![
            (ids[0], 600),
            (ids[1], 300),
            (ids[2], 500),
            (ids[3], 1_200),
            (ids[4], 400),
        ];
        let groups = merge_groups(sized, 1_000);
        let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
        assert_eq!(sizes, [1, 2, 2], "{groups:?}");
        assert_eq!(groups[0], [ids[3]], "too large to merge with anything");
        assert_eq!(groups[1], [ids[0], ids[4]]);
        assert_eq!(groups[2], [ids[2], ids[1]]);
    }

    #[test]
    fn segment_sizes_add_up_the_files_of_each_segment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("abc.store"), [0; 10]).unwrap();
        std::fs::write(dir.path().join("abc.idx"), [0; 5]).unwrap();
        std::fs::write(dir.path().join("abc.7.del"), [0; 1]).unwrap();
        std::fs::write(dir.path().join("def.store"), [0; 3]).unwrap();
        std::fs::write(dir.path().join("meta.json"), [0; 100]).unwrap();
        let SegmentSizes(sizes) = SegmentSizes::read(dir.path());
        assert_eq!(sizes.get("abc"), Some(&16));
        assert_eq!(sizes.get("def"), Some(&3));
    }
}
