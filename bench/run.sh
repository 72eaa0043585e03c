#!/usr/bin/env bash
# bench/run.sh: speed and memory of `viewleak check` on real NumPy-heavy code, next to ast-grep.
#
#   bench/run.sh [VIEWLEAK] [CORPUS_ROOT]
#
# Two corpora, one table each.  The ML stack: CORPUS_ROOT (default Debian's
# /usr/lib/python3/dist-packages), of which the numpy, scipy, sklearn, pandas and matplotlib trees are
# used (apt-get install python3-scipy python3-sklearn python3-pandas python3-matplotlib).  The
# deep-learning corpus: what bench/dl-corpus.sh prepares from bench/dl-corpus.txt (public repositories
# pinned by commit, and Debian's torch, torchvision, torchaudio, skimage and astropy sources); entries
# not on the machine are skipped with a message.  VIEWLEAK defaults to build/viewleak.  ast-grep (npm
# @ast-grep/cli, pinned below) is installed into bench/.cache on first use, when npm is there; it runs
# bench/astgrep-vl001.yml, the closest a syntactic rule comes to VL001.  Per corpus, one row: `cat` of
# the files, tree-sitter's parse alone (build/tests/vl_irdump -p, one thread), viewleak with no cache
# on 1 and 2 jobs, viewleak warm (a second run on its result cache), its peak RSS (2 jobs, no cache),
# ast-grep, and the findings.  Times are wall seconds, best of 3.  Then bench/scale.py: how the cost
# of one file grows with its size, and bench/lsp_latency.py: the language server's edit-to-diagnostics
# latency, then bench/recall.py: recall and false alarms on the labelled programs of bench/recall.
# Targets live here (docs/performance.md), never in timed tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
viewleak=${1:-$here/../build/viewleak}
root=${2:-/usr/lib/python3/dist-packages}
AST_GREP_VERSION=0.51.1
[ -x "$viewleak" ] || { echo "bench: no viewleak at $viewleak (build first: scripts/dev demo)" >&2; exit 2; }

sg=""
if command -v npm >/dev/null; then
  sg="$here/.cache/node_modules/@ast-grep/cli-linux-x64-gnu/ast-grep"
  if [ ! -x "$sg" ]; then
    mkdir -p "$here/.cache"
    (cd "$here/.cache" && npm install --silent --no-save "@ast-grep/cli@$AST_GREP_VERSION" >/dev/null 2>&1) || true
    [ -f "$sg" ] && chmod +x "$sg"
  fi
  [ -x "$sg" ] || sg=""
fi

tmp=$(mktemp)
cache=$(mktemp -d)
trap 'rm -rf "$tmp" "$cache"' EXIT
irdump=$here/../build/tests/vl_irdump
cached=false
"$viewleak" check --help 2>/dev/null | grep -q -- '--cache-dir' && cached=true

best_of_3() { # best_of_3 CMD... -> "seconds peak_kib" of the fastest run
  local best="" rss=""
  for _ in 1 2 3; do
    local out
    /usr/bin/time -o "$tmp" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$tmp")
    local t=${out% *} m=${out#* }
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$m; fi
  done
  echo "$best $rss"
}

table() { # table TITLE DIR... : one row per existing DIR
  echo
  echo "$1"
  echo
  printf '| corpus | files | lines | cat s | parse s | viewleak 1 job s | viewleak 2 jobs s | warm s | MiB | findings (default) | findings (all) |'
  [ -n "$sg" ] && printf ' ast-grep s | ast-grep matches |'
  printf '%s' $'\n|---|---|---|---|---|---|---|---|---|---|---|'
  [ -n "$sg" ] && printf '%s' '---|---|'
  printf '\n'
  shift
  for dir in "$@"; do
    [ -d "$dir" ] || continue
    row "$dir"
  done
}

row() {
  local dir=$1/ pkg nocache=() warm="-"  # (a trailing slash: Debian entries are symlinks)
  pkg=$(basename "$1")
  $cached && nocache=(--no-cache)
  files=$(find "$dir" -name '*.py' | wc -l)
  lines=$(find "$dir" -name '*.py' -print0 | xargs -0 cat | wc -l)
  read -r tc _ < <(best_of_3 sh -c "find '$dir' -name '*.py' -print0 | xargs -0 cat")
  tp="-"
  [ -x "$irdump" ] && read -r tp _ < <(best_of_3 "$irdump" -p "$dir")
  read -r t1 _ < <(best_of_3 "$viewleak" check -q "${nocache[@]}" --jobs 1 "$dir")
  read -r t2 m < <(best_of_3 "$viewleak" check -q "${nocache[@]}" --jobs 2 "$dir")
  if $cached; then
    rm -rf "$cache"/*
    "$viewleak" check -q --cache-dir "$cache" --jobs 2 "$dir" >/dev/null 2>&1 || true
    read -r warm _ < <(best_of_3 "$viewleak" check -q --cache-dir "$cache" --jobs 2 "$dir")
  fi
  n_default=$("$viewleak" check -q "${nocache[@]}" --output-format concise "$dir" 2>/dev/null | grep -c ': VL' || true)
  n_all=$("$viewleak" check -q "${nocache[@]}" --select ALL --output-format concise "$dir" 2>/dev/null | grep -c ': VL' || true)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s |' "$pkg" "$files" "$lines" "$tc" "$tp" "$t1" "$t2" "$warm" \
    "$(echo "$m / 1024" | bc -l)" "$n_default" "$n_all"
  if [ -n "$sg" ]; then
    read -r st _ < <(best_of_3 "$sg" scan -j 2 -r "$here/astgrep-vl001.yml" "$dir")
    sn=$("$sg" scan -r "$here/astgrep-vl001.yml" --json=stream "$dir" 2>/dev/null | grep -c . || true)
    printf ' %s | %s |' "$st" "$sn"
  fi
  printf '\n'
}

ml=()
for p in numpy scipy sklearn pandas matplotlib; do ml+=("$root/$p"); done
table "ML stack (Debian's sources)" "${ml[@]}"
dl=$here/.cache/dl-corpus
"$here/dl-corpus.sh" "$dl" >&2 || true
dl_dirs=()
for d in "$dl"/*; do [ -d "$d" ] && dl_dirs+=("$d"); done
table "Deep-learning code (bench/dl-corpus.txt)" "${dl_dirs[@]}"

echo
echo "One file, generated shapes at 1x-8x (bench/scale.py)"
echo
/usr/bin/python3 "$here/scale.py" --viewleak "$viewleak"

echo
echo "Configuration: per-file-ignores at 1x-8x (bench/config_scale.py)"
echo
/usr/bin/python3 "$here/config_scale.py" --viewleak "$viewleak"

echo
echo "Language server: one-line edit to diagnostics in a 10,000-line file (bench/lsp_latency.py)"
echo
/usr/bin/python3 "$here/lsp_latency.py" --viewleak "$viewleak"

echo
echo "Recall and precision on the labelled programs of bench/recall (bench/recall.py)"
echo
/usr/bin/python3 "$here/recall.py" --viewleak "$viewleak" "$here"/recall/*/
