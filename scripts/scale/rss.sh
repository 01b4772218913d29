#!/usr/bin/env bash
# rss.sh OUT.tsv COMMAND...: runs COMMAND, samples its /proc status every 0.5 s (seconds, VmRSS,
# RssAnon, RssFile in MB) into OUT.tsv, and prints the peaks: GNU time's "maximum RSS" counts
# file-backed pages of the mmapped index too, RssAnon is the heap.
out=$1; shift
"$@" & pid=$!
start=$(date +%s.%N)
printf 's\trss_mb\tanon_mb\tfile_mb\n' > "$out"
while kill -0 "$pid" 2>/dev/null; do
  awk -v t="$(echo "$(date +%s.%N) - $start" | bc)" '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2}
    END {if (r) printf "%.1f\t%d\t%d\t%d\n", t, r/1024, a/1024, f/1024}' /proc/$pid/status >> "$out" 2>/dev/null
  sleep 0.5
done
wait "$pid"; rc=$?
awk -F'\t' 'NR>1 {if ($2>r) r=$2; if ($3>a) a=$3; if ($4>f) f=$4} END {printf "peak VmRSS %d MB, peak RssAnon %d MB, peak RssFile %d MB\n", r, a, f}' "$out"
exit $rc
