#!/usr/bin/env bash
# Scores warta's Indonesian stemmer against PySastrawi and Snowball on the shared gold files,
# in one run, and prints one table.
#
#   WARTA_STEM_CMD  command reading words on stdin, printing word<TAB>stem
#                   (default: cargo run --release --quiet -- analyze --lang id --tsv)
#   SHARED          shared data dir (default: /work/shared, else ../shared next to the repo)
#   LANG_DIR        gold data dir (default: $SHARED/lang)
#   STEM_SCORE      scoring tool (default: $SHARED/tools/stem-score)
#   STEM_VENV       venv for the peers (default: /tmp/warta-stem-eval-venv)
# PySastrawi and snowballstemmer are installed from PyPI into the venv if missing; none of
# their code enters the project.
set -euo pipefail

WARTA_STEM_CMD=${WARTA_STEM_CMD:-"cargo run --release --quiet -- analyze --lang id --tsv"}
SHARED=${SHARED:-/work/shared}
if [ ! -d "$SHARED" ]; then SHARED="$(cd "$(dirname "$0")/../.." && pwd)/shared"; fi
LANG_DIR=${LANG_DIR:-$SHARED/lang}
STEM_SCORE=${STEM_SCORE:-$SHARED/tools/stem-score}
STEM_VENV=${STEM_VENV:-/tmp/warta-stem-eval-venv}
GOLD=(stem-gold-ud-pud.tsv stem-gold-ud-csui.tsv stem-gold-ud-gsd.tsv stem-gold-sastrawi.tsv)

if ! "$STEM_VENV/bin/python" -c 'import Sastrawi, snowballstemmer' 2>/dev/null; then
    python3 -m venv "$STEM_VENV"
    "$STEM_VENV/bin/pip" install --quiet PySastrawi snowballstemmer >&2
fi

PEER_PY="$STEM_VENV/peer_stem.py"
cat > "$PEER_PY" <<'PY'
import sys
which = sys.argv[1]
if which == "sastrawi":
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    stem = StemmerFactory().create_stemmer().stem
else:
    import snowballstemmer
    stem = snowballstemmer.stemmer("indonesian").stemWord
out = sys.stdout
for line in sys.stdin:
    w = line.rstrip("\n")
    out.write(f"{w}\t{stem(w) if w else w}\n")
PY

declare -A CMDS=(
    [warta]="$WARTA_STEM_CMD"
    [pysastrawi]="$STEM_VENV/bin/python $PEER_PY sastrawi"
    [snowball]="$STEM_VENV/bin/python $PEER_PY snowball"
)
ORDER=(warta pysastrawi snowball)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
files=()
for g in "${GOLD[@]}"; do files+=("$LANG_DIR/$g"); done
for name in "${ORDER[@]}"; do
    "$STEM_SCORE" "${CMDS[$name]}" "${files[@]}" > "$TMP/$name"
done

echo "# Indonesian stemmer accuracy ($(date -u +%Y-%m-%dT%H:%MZ)); warta = $WARTA_STEM_CMD"
echo "# all = share of content-word types whose stem equals the gold lemma; changed = same, on types whose lemma differs from the word"
printf '%-24s' "gold file"
for name in "${ORDER[@]}"; do printf ' | %-21s' "$name all / changed"; done
echo
for g in "${GOLD[@]}"; do
    printf '%-24s' "$g"
    for name in "${ORDER[@]}"; do
        line=$(grep -F "$g" "$TMP/$name" || true)
        all=$(sed -E 's/.*all [0-9]+\/[0-9]+ = ([0-9.]+).*/\1/' <<<"$line")
        chg=$(sed -E 's/.*changed [0-9]+\/[0-9]+ = ([0-9.]+).*/\1/' <<<"$line")
        printf ' | %-21s' "$all / $chg"
    done
    echo
done
