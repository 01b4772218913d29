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
        merge_groups(self.sized(ids), max_bytes)
    }

    /// Groups the smallest of the segments `ids` for merging, so that at most
    /// `keep` segments remain (see [`smallest_merge_groups`]).
    pub fn smallest_merge_groups(
        &self,
        ids: Vec<SegmentId>,
        keep: usize,
        max_bytes: u64,
    ) -> Vec<Vec<SegmentId>> {
        smallest_merge_groups(self.sized(ids), keep, max_bytes)
    }

    fn sized(&self, ids: Vec<SegmentId>) -> Vec<(SegmentId, u64)> {
        ids.into_iter()
            .map(|id| (id, self.0.get(&id.uuid_string()).copied().unwrap_or(0)))
            .collect()
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

/// Merges the end of a bulk load runs at once: one per core here.
const PARALLEL_MERGES: usize = 2;

/// Groups of the smallest segments whose merging leaves at most `keep`
/// segments (more when `max_bytes` splits a group): the largest segments stay
/// as they are. A bulk load ends with a few large segments from the log
/// policy's merges and a tail of small ones; merging the whole index again
/// would read every byte once more for little gain at search time. When at
/// least two segments too many remain, the smallest are split into
/// [`PARALLEL_MERGES`] groups of balanced size, to be merged at once.
fn smallest_merge_groups(
    mut segments: Vec<(SegmentId, u64)>,
    keep: usize,
    max_bytes: u64,
) -> Vec<Vec<SegmentId>> {
    let keep = keep.max(1);
    if segments.len() <= keep {
        return Vec::new();
    }
    let excess = segments.len() - keep;
    let parallel = if excess >= PARALLEL_MERGES {
        PARALLEL_MERGES
    } else {
        1
    };
    segments.sort_by_key(|&(_, bytes)| bytes);
    segments.truncate(excess + parallel);
    // Largest first, each into the group with the fewest bytes so far.
    let mut groups: Vec<(Vec<(SegmentId, u64)>, u64)> = vec![(Vec::new(), 0); parallel];
    for (id, bytes) in segments.into_iter().rev() {
        if let Some((group, total)) = groups.iter_mut().min_by_key(|(_, total)| *total) {
            group.push((id, bytes));
            *total += bytes;
        }
    }
    groups
        .into_iter()
        .flat_map(|(group, _)| merge_groups(group, max_bytes))
        .filter(|group| group.len() > 1)
        .collect()
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
    fn only_the_smallest_segments_merge_down_to_the_number_kept() {
        let ids: Vec<SegmentId> = (0..6).map(|_| SegmentId::generate_random()).collect();
        let sized: Vec<(SegmentId, u64)> = [600, 300, 500, 1_200, 400, 50]
            .into_iter()
            .enumerate()
            .map(|(index, bytes)| (ids[index], bytes))
            .collect();
        // Two too many: the four smallest, in two groups of balanced size.
        let groups = smallest_merge_groups(sized.clone(), 4, 1_000);
        assert_eq!(groups, [vec![ids[2], ids[5]], vec![ids[4], ids[1]]]);
        // One too many: the two smallest.
        let groups = smallest_merge_groups(sized.clone(), 5, 1_000);
        assert_eq!(groups, [vec![ids[1], ids[5]]]);
        // A group over the byte limit is split; a group of one is no merge.
        let groups = smallest_merge_groups(sized.clone(), 4, 600);
        assert_eq!(groups, [vec![ids[2], ids[5]]]);
        assert!(smallest_merge_groups(sized.clone(), 6, 1_000).is_empty());
        let groups = smallest_merge_groups(sized, 1, 10_000);
        let merged: usize = groups.iter().map(Vec::len).sum();
        assert_eq!((groups.len(), merged), (2, 6), "{groups:?}");
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
