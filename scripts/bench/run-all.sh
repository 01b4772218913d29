#!/usr/bin/env bash
# Runs warta's benchmarks (end to end, then Indonesian analysis) and prints one table.
#
#   scripts/bench/run-all.sh [STEP...]     steps: ingest export latency cost language retrieval
#                                          (default: all, in that order)
#   SHARED   shared data dir (default: ../shared next to the repository)
#   RUNS     repetitions of the timed commands (default: 3; medians are reported)
#   IDLE_WAIT  seconds each step may wait for the 1-minute load average to fall below
#            IDLE_LOAD (default 1.0); default 0 (no wait). The load is printed with each step.
#
# Builds the release binary and the examples, then works in target/bench/ (the index, the
# generated query set and the logs; nothing there is committed). Needs /usr/bin/time
# (`apt-get install -y time`) and python3. Figures depend on the machine: run it on an idle one.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED=${SHARED:-$REPO/../shared}
RUNS=${RUNS:-3}
IDLE_WAIT=${IDLE_WAIT:-0}
IDLE_LOAD=${IDLE_LOAD:-1.0}
CORPUS="$SHARED/corpus"
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
BENCH="$TARGET/bench"
WARTA="$TARGET/release/warta"
INDEX="$BENCH/index"
STEPS=("$@")
[ ${#STEPS[@]} -eq 0 ] && STEPS=(ingest export latency cost language retrieval)

if ! compgen -G "$CORPUS/*.jsonl" >/dev/null; then
    echo "run-all.sh: no corpus at $CORPUS (set SHARED)" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "run-all.sh: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }
mkdir -p "$BENCH"
RESULTS="$BENCH/results.md"
: >"$RESULTS"

cd "$REPO"
cargo build --release --quiet
examples=()
for step in "${STEPS[@]}"; do
    case $step in
    latency) examples+=(--example search_latency) ;;
    cost) examples+=(--example analysis_cost) ;;
    language) examples+=(--example language_accuracy) ;;
    retrieval) examples+=(--example retrieval_quality) ;;
    esac
done
[ ${#examples[@]} -eq 0 ] || cargo build --release --quiet "${examples[@]}"

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
row() { printf '| %s | %s | `%s` |\n' "$1" "$2" "$3" | tee -a "$RESULTS"; }
# timed LOG CMD...: runs CMD (stdout to /dev/null) and appends "seconds max_rss_kb" to LOG.
timed() {
    local log=$1
    shift
    /usr/bin/time -f '%e %M' -o "$BENCH/time.out" "$@" >/dev/null 2>>"$BENCH/stderr.log"
    cat "$BENCH/time.out" >>"$log"
}

echo "## warta benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "${COMMIT:-unknown}")"
echo
echo "| figure | value | command |"
echo "|---|---|---|"

load() { cut -d' ' -f1 /proc/loadavg; }
wait_idle() {
    local waited=0
    while [ "$waited" -lt "$IDLE_WAIT" ] && awk -v l="$(load)" -v max="$IDLE_LOAD" 'BEGIN{exit !(l >= max)}'; do
        sleep 10
        waited=$((waited + 10))
    done
}

for step in "${STEPS[@]}"; do
    wait_idle
    echo "| ($step: load average $(load) at start) | | |"
    case $step in
    ingest)
        articles=$(cat "$CORPUS"/*.jsonl | wc -l)
        bytes=$(cat "$CORPUS"/*.jsonl | wc -c)
        : >"$BENCH/ingest.times"
        for _ in $(seq "$RUNS"); do
            rm -rf "$INDEX"
            timed "$BENCH/ingest.times" "$WARTA" --index "$INDEX" ingest "$CORPUS"
        done
        secs=$(cut -d' ' -f1 "$BENCH/ingest.times" | median)
        rss=$(cut -d' ' -f2 "$BENCH/ingest.times" | median)
        cmd="warta --index DIR ingest \$SHARED/corpus (fresh DIR)"
        row "A1 ingest time, median of $RUNS (runs: $(cut -d' ' -f1 "$BENCH/ingest.times" | xargs))" "${secs} s" "$cmd"
        row "A1 ingest throughput" "$(awk -v a="$articles" -v s="$secs" 'BEGIN{printf "%.0f articles/s", a/s}')" "$cmd"
        row "A1 ingest throughput" "$(awk -v b="$bytes" -v s="$secs" 'BEGIN{printf "%.2f MB/s (%.1f MB of .jsonl)", b/s/1e6, b/1e6}')" "$cmd"
        row "A2 ingest peak RSS, median" "$(awk -v k="$rss" 'BEGIN{printf "%.0f MB", k/1024}')" "/usr/bin/time -v $cmd"
        ;;
    export)
        [ -d "$INDEX" ] || "$WARTA" --index "$INDEX" ingest "$CORPUS" >/dev/null 2>&1
        best="" best_hits=0
        for candidate in "--since 1900-01-01" "indonesia" "jakarta" "tahun" "orang" "indonesia --any"; do
            # shellcheck disable=SC2086
            hits=$("$WARTA" --index "$INDEX" export $candidate --format jsonl 2>/dev/null | wc -l || true)
            echo "export candidate '$candidate': $hits hits" >>"$BENCH/stderr.log"
            if [ "$hits" -gt "$best_hits" ]; then best=$candidate best_hits=$hits; fi
        done
        : >"$BENCH/export.times"
        for _ in $(seq "$RUNS"); do
            # shellcheck disable=SC2086
            timed "$BENCH/export.times" "$WARTA" --index "$INDEX" export $best --format csv
        done
        cmd="warta --index DIR export $best --format csv > /dev/null"
        row "A4 export of the largest hit list ($best_hits hits), median of $RUNS" "$(cut -d' ' -f1 "$BENCH/export.times" | median) s" "$cmd"
        row "A4 export peak RSS, median" "$(cut -d' ' -f2 "$BENCH/export.times" | median | awk '{printf "%.0f MB", $1/1024}')" "/usr/bin/time -v $cmd"
        ;;
    latency)
        [ -d "$INDEX" ] || "$WARTA" --index "$INDEX" ingest "$CORPUS" >/dev/null 2>&1
        python3 scripts/bench/make-queries.py "$CORPUS" "$BENCH/queries.tsv" 2>>"$BENCH/stderr.log"
        "$TARGET/release/examples/search_latency" "$INDEX" "$BENCH/queries.tsv" | tee "$BENCH/latency.txt" >&2
        cmd="cargo run --release --example search_latency -- DIR target/bench/queries.tsv"
        row "A3 search latency p50 (100 queries x 5 runs)" "$(grep '^p50' "$BENCH/latency.txt" | cut -f2)" "$cmd"
        row "A3 search latency p99" "$(grep '^p99' "$BENCH/latency.txt" | cut -f2)" "$cmd"
        ;;
    cost)
        "$TARGET/release/examples/analysis_cost" "$CORPUS" "$RUNS" | tee "$BENCH/cost.txt" >&2
        cmd="cargo run --release --example analysis_cost -- \$SHARED/corpus"
        grep '^|' "$BENCH/cost.txt" | while IFS='|' read -r _ name value _; do
            row "B1 $(echo "$name" | xargs)" "$(echo "$value" | xargs)" "$cmd"
        done
        ;;
    language)
        "$TARGET/release/examples/language_accuracy" "$CORPUS" "$SHARED/corpus-en" | tee "$BENCH/language.txt" >&2
        cmd="cargo run --release --example language_accuracy -- \$SHARED/corpus \$SHARED/corpus-en"
        grep '^|' "$BENCH/language.txt" | grep -v -e '^| set' -e '---' | while IFS='|' read -r _ name value _; do
            row "B2 $(echo "$name" | xargs)" "$(echo "$value" | xargs)" "$cmd"
        done
        ;;
    retrieval)
        [ -d "$INDEX" ] || "$WARTA" --index "$INDEX" ingest "$CORPUS" >/dev/null 2>&1
        "$TARGET/release/examples/retrieval_quality" "$INDEX" "$CORPUS" "$BENCH" | tee "$BENCH/retrieval.txt" >&2
        cmd="cargo run --release --example retrieval_quality -- DIR \$SHARED/corpus target/bench"
        grep '^|' "$BENCH/retrieval.txt" | grep -v -- '---' | grep -v '^| set' | while IFS='|' read -r _ set system op mrr recall ndcg none _; do
            row "B3 $(echo "$set" | xargs) $(echo "$system" | xargs) $(echo "$op" | xargs)" \
                "MRR@10 $(echo "$mrr" | xargs), R@10 $(echo "$recall" | xargs), nDCG@10 $(echo "$ndcg" | xargs), target missed $(echo "$none" | xargs)" "$cmd"
        done
        ;;
    *)
        echo "run-all.sh: unknown step '$step'" >&2
        exit 2
        ;;
    esac
done
echo
echo "(table also in $RESULTS; logs in $BENCH)"
