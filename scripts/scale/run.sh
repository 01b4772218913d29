#!/usr/bin/env bash
# warta scale benchmark, end to end: generate, ingest, plain-tantivy baseline, query batches,
# export, cold start, space usage; one table per N plus the machine.
#
#   scripts/scale/run.sh [N ...]            # default: 10000 100000
#
# Environment: MEMORY (writer budget in MB, default 300, for warta and the baseline alike),
# SEED (default 42), SHARED (corpus folder, default ../shared), RUNS (ingest runs; default 3
# at N <= 10000 and 1 above), KEEP_INDEX=1 (keep the indexes), PERF=1 (perf record -g the
# warta ingest into target/scale/nN/perf.data).
# Data, indexes and results stay under target/scale/nN/ (never committed); the table of each
# N is also in target/scale/nN/table.txt and the raw key=value figures in figures.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
MEMORY=${MEMORY:-300}
SEED=${SEED:-42}
export SHARED=${SHARED:-$REPO/../shared}
SCALE=$REPO/target/scale
mkdir -p "$SCALE"
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }

# BIN_DIR=DIR uses already built warta, scale_baseline and scale_space from DIR (e.g. a frozen
# copy while others edit src/); otherwise they are built here.
if [ -n "${BIN_DIR:-}" ]; then
  WARTA=$BIN_DIR/warta; BASELINE=$BIN_DIR/scale_baseline; SPACE=$BIN_DIR/scale_space
else
  echo "== building (release)" >&2
  cargo build --release --bin warta --example scale_baseline --example scale_space >&2
  WARTA=$REPO/target/release/warta
  BASELINE=$REPO/target/release/examples/scale_baseline
  SPACE=$REPO/target/release/examples/scale_space
fi

machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, Linux $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'), git $(git rev-parse --short HEAD)$(git diff --quiet -- src || echo '+dirty')"
}
load() { cut -d' ' -f1 /proc/loadavg; }
# Reads GNU time -v output: wall seconds, max RSS MB, CPU percent.
tv() {
  python3 - "$1" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
w = re.search(r"Elapsed \(wall clock\) time.*: (.*)", t).group(1).split(":")
secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(w)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
cpu = re.search(r"Percent of CPU this job got: (\d+)%", t).group(1)
print(f"{secs:.3f} {rss:.0f} {cpu}")
EOF
}
pct() {  # pct FILE... -> "p50 p99 mean count" over the second column
  python3 - "$@" <<'EOF'
import math, sys
v = sorted(float(l.split("\t")[1]) for f in sys.argv[1:] for l in open(f) if "\t" in l)
p = lambda q: v[max(1, math.ceil(q / 100 * len(v))) - 1]
print(f"{p(50):.2f} {p(99):.2f} {sum(v)/len(v):.2f} {len(v)}")
EOF
}

machine | tee "$SCALE/machine.txt"
[ $# -gt 0 ] || set -- 10000 100000

for N in "$@"; do
  D=$SCALE/n$N
  mkdir -p "$D"
  F=$D/figures.txt
  : > "$F"
  fig() { echo "$1=$2" >> "$F"; echo "  $1=$2" >&2; }
  echo "== N=$N in $D" >&2
  fig n "$N"
  fig memory "$MEMORY"
  fig machine "$(machine)"
  stamp="$SEED $(md5sum scripts/scale/generate.py | cut -c1-12)"
  if [ ! -s "$D/articles.jsonl" ] || [ "$(cat "$D/.generated" 2>/dev/null)" != "$stamp" ]; then
    s=$(date +%s.%N)
    python3 scripts/scale/generate.py "$N" "$D" --seed "$SEED"
    fig generate_s "$(echo "$(date +%s.%N) - $s" | bc)"
    echo "$stamp" > "$D/.generated"
  fi
  INPUT=$(stat -c %s "$D/articles.jsonl")
  fig input_bytes "$INPUT"
  # shellcheck disable=SC1091
  source "$D/filters.env"

  # --- ingest, warta and baseline interleaved so both see the same machine load
  runs=${RUNS:-$([ "$N" -le 10000 ] && echo 3 || echo 1)}
  for r in $(seq 1 "$runs"); do
    rm -rf "$D/idx" "$D/base"
    sync
    l=$(load)
    if [ "${PERF:-0}" = 1 ] && [ "$r" = 1 ]; then
      perf record -g -o "$D/perf.data" -- /usr/bin/time -v -o "$D/ingest.$r.time" \
        "$WARTA" --index "$D/idx" ingest "$D/articles.jsonl" --memory "$MEMORY" > "$D/ingest.$r.out" 2> "$D/perf.log"
      fig "ingest_run${r}_perf" 1
    else
      /usr/bin/time -v -o "$D/ingest.$r.time" \
        "$WARTA" --index "$D/idx" ingest "$D/articles.jsonl" --memory "$MEMORY" > "$D/ingest.$r.out"
    fi
    read -r s rss cpu < <(tv "$D/ingest.$r.time")
    fig "ingest_run${r}" "$s s, $(echo "$N / $s" | bc) art/s, RSS $rss MB, CPU $cpu%, load $l"
    echo "$s $rss $cpu $l" >> "$D/ingest.runs"
    l=$(load)
    /usr/bin/time -v -o "$D/base.$r.time" "$BASELINE" "$D/articles.jsonl" "$D/base" \
      --memory "$MEMORY" --threads 2 $([ "$r" = "$runs" ] && echo "--queries $D/queries-plain.tsv") > "$D/base.$r.out"
    read -r bs brss bcpu < <(tv "$D/base.$r.time")
    fig "baseline_run${r}" "$bs s, $(echo "$N / $bs" | bc) art/s, RSS $brss MB, CPU $bcpu%, load $l"
    echo "$bs $brss $bcpu $l" >> "$D/base.runs"
  done
  # medians over the runs of this invocation
  med() { tail -n "$runs" "$1" | sort -n | awk -v c="$2" '{a[NR]=$c} END {print a[int((NR+1)/2)]}'; }
  ws=$(med "$D/ingest.runs" 1); wrss=$(tail -n "$runs" "$D/ingest.runs" | sort -k2 -n | tail -1 | cut -d' ' -f2)
  bs=$(med "$D/base.runs" 1)
  fig ingest_s_median "$ws"
  fig ingest_art_per_s "$(echo "$N / $ws" | bc)"
  fig ingest_mb_per_s "$(echo "scale=1; $INPUT / 1000000 / $ws" | bc)"
  fig ingest_rss_mb_max "$wrss"
  fig baseline_ingest_s_median "$bs"
  fig baseline_art_per_s "$(echo "$N / $bs" | bc)"
  fig ingest_ratio_warta_over_baseline_throughput "$(echo "scale=3; $bs / $ws" | bc)"
  grep -E "baseline_(search|index_bytes|queries)" "$D/base.$runs.out" | while IFS='=' read -r k v; do fig "$k" "$v"; done

  # --- search batches: warm-up pass discarded, then measured
  l=$(load)
  run_batch() {  # name, extra filter args...
    local name=$1; shift
    "$WARTA" --index "$D/idx" search --batch "$D/queries-$name.tsv" --latency "$D/lat-$name.warm.tsv" \
      --limit 10 --format trec "$@" > /dev/null || true
    "$WARTA" --index "$D/idx" search --batch "$D/queries-$name.tsv" --latency "$D/lat-$name.tsv" \
      --limit 10 --format trec "$@" > "$D/run-$name.trec" || true
    read -r p50 p99 mean cnt < <(pct "$D/lat-$name.tsv")
    fig "search_${name}" "p50 $p50 ms, p99 $p99 ms, mean $mean ms, $cnt queries, $(cut -d' ' -f1 "$D/run-$name.trec" | sort -u | wc -l) with hits"
  }
  run_batch plain
  run_batch tag --tag "$TAG"
  run_batch date --since "$SINCE" --until "$UNTIL"
  run_batch entity --entity "$ENTITY"
  read -r p50 p99 mean cnt < <(pct "$D"/lat-{plain,tag,date,entity}.tsv)
  fig search_all_p50_ms "$p50"
  fig search_all_p99_ms "$p99"
  fig search_all "p50 $p50 ms, p99 $p99 ms, mean $mean ms over $cnt queries (load $l)"
  read -r p50 p99 mean cnt < <(pct "$D/lat-plain.tsv")
  bp50=$(grep baseline_search_p50_ms "$D/base.$runs.out" | cut -d= -f2)
  bp99=$(grep baseline_search_p99_ms "$D/base.$runs.out" | cut -d= -f2)
  fig search_plain_ratio_p50 "$(echo "scale=1; $p50 / $bp50" | bc)"
  fig search_plain_ratio_p99 "$(echo "scale=1; $p99 / $bp99" | bc)"

  # --- export of >= 100,000 hits (everything below 1M), default fields
  if [ "$N" -ge 1000000 ]; then es=$EXPORT_SINCE; eu=$EXPORT_UNTIL; else es=2005-01-01; eu=2024-12-31; fi
  l=$(load)
  /usr/bin/time -v -o "$D/export.time" "$WARTA" --index "$D/idx" export --since "$es" --until "$eu" \
    --format csv --output "$D/export.csv" 2> "$D/export.err" || true
  read -r s rss cpu < <(tv "$D/export.time")
  rows=$(python3 -c "import csv,sys; csv.field_size_limit(1<<30); print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8'))) - 1)" "$D/export.csv")
  fig export "$rows rows ($es..$eu), $s s, RSS $rss MB, CPU $cpu%, $(stat -c %s "$D/export.csv") bytes, load $l"

  # --- cold start: drop the page cache if permitted, then one search end to end
  cold=cold
  sync
  if ! { echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then cold="page-cache warm (drop_caches not permitted)"; fi
  q=$(head -1 "$D/queries-plain.tsv" | cut -f2)
  l=$(load)
  /usr/bin/time -v -o "$D/cold.time" "$WARTA" --index "$D/idx" search "$q" --limit 10 > /dev/null || true
  read -r s rss _ < <(tv "$D/cold.time")
  fig cold_first_query "$s s ($cold), RSS $rss MB, query '$q', load $l"
  /usr/bin/time -v -o "$D/warm.time" "$WARTA" --index "$D/idx" search "$q" --limit 10 > /dev/null || true
  read -r s rss _ < <(tv "$D/warm.time")
  fig warm_process_first_query "$s s (same command again, page cache warm)"

  # --- space
  "$SPACE" "$D/idx" "$INPUT" > "$D/space.txt"
  fig index_over_input "$(sed -n 2p "$D/space.txt" | sed 's/.*index\/input = //')"
  fig index_bytes "$(du -sb "$D/idx" | cut -f1)"
  fig baseline_over_input "$(echo "scale=3; $(du -sb "$D/base" | cut -f1) / $INPUT" | bc)"
  "$WARTA" --index "$D/idx" stats --format json > "$D/stats.json" 2>/dev/null || true

  python3 scripts/scale/table.py "$F" | tee "$D/table.txt"
  [ "${KEEP_INDEX:-1}" = 1 ] || rm -rf "$D/idx" "$D/base"
done
