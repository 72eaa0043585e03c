#!/usr/bin/env bash
# run_cache_tests.sh: the result cache end to end with the built binary, each case in its own
# scratch folder (ctest label cache, and cli).
#
#   run_cache_tests.sh VIEWLEAK REPO CASE     run one case (REPO: the source tree)
#   run_cache_tests.sh --list                 the case names, for tests/cache/CMakeLists.txt
#
# A warm run is recognised by the line VIEWLEAK_STATS=1 prints:
#   cache: J jobs, K with a key, F found, T taken, A analysed; scans: ...; W entries written, ...
# Exit 0: passed; 1: failed; 77: skipped (a check this machine cannot make).
set -u

VL=${1:-}
REPO=${2:-}
CASE=${3:-}
unset VIEWLEAK_CACHE_DIR VIEWLEAK_STATS VIEWLEAK_DEBUG NO_COLOR

fail() {
  echo "FAIL: $*"
  for f in out err; do
    [ -s "$T/$f" ] && { echo "--- std$f:"; head -c 4000 "$T/$f"; }
  done
  exit 1
}
skip() { echo "SKIP: $*"; exit 77; }

# run ARGS...: viewleak check ARGS in the current folder; stdout in $T/out, stderr in $T/err, exit in $rc.
run() {
  "$VL" check --no-color "$@" >"$T/out" 2>"$T/err"
  rc=$?
}
# srun ARGS...: the same with VIEWLEAK_STATS=1; the cache's statistics line in $T/stats (stderr
# then holds the other statistics too, so it is not compared).
srun() {
  VIEWLEAK_STATS=1 "$VL" check --no-color "$@" >"$T/out" 2>"$T/err"
  rc=$?
  grep '^cache: ' "$T/err" >"$T/stats" || : >"$T/stats"
}
# cstat NAME: a number of the last srun's cache line: jobs, keyed, found, taken, analysed, written.
cstat() {
  [ -s "$T/stats" ] || fail "no cache statistics line (stderr: $(grep -c . "$T/err") lines)"
  local field
  case $1 in jobs) field=2 ;; keyed) field=4 ;; found) field=8 ;; taken) field=10 ;; analysed) field=12 ;; written) field=20 ;; esac
  awk -v f="$field" '{ print $f }' "$T/stats"
}
# The last srun analysed nothing: every job came from the cache.
expect_warm() {
  [ "$(cstat jobs)" -gt 0 ] || fail "no jobs: $(cat "$T/stats")"
  [ "$(cstat analysed)" = 0 ] && [ "$(cstat taken)" = "$(cstat jobs)" ] || fail "not warm: $(cat "$T/stats")"
}
# The last srun found nothing in the cache.
expect_cold() {
  [ "$(cstat found)" = 0 ] && [ "$(cstat analysed)" = "$(cstat jobs)" ] || fail "not cold: $(cat "$T/stats")"
}
expect_rc() { [ "$rc" = "$1" ] || fail "exit $rc, want $1"; }
expect_same() { cmp -s "$1" "$2" || fail "$1 differs from $2: $(diff "$1" "$2" | head -5)"; }
expect_has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
expect_lacks() { ! grep -qF -- "$2" "$1" || fail "$1 has '$2'"; }
# save NAME: keep the last run's stdout, stderr and exit as $T/NAME.{out,err,rc}.
save() {
  cp "$T/out" "$T/$1.out"
  cp "$T/err" "$T/$1.err"
  echo "$rc" >"$T/$1.rc"
}
# same_as NAME: the last run printed and exited exactly as the saved one.
same_as() {
  expect_same "$T/out" "$T/$1.out"
  [ "$rc" = "$(cat "$T/$1.rc")" ] || fail "exit $rc, want $(cat "$T/$1.rc") as in $1"
}
same_err_as() { expect_same "$T/err" "$T/$1.err"; }
entries() { find "$1" -path "*/job/*.json" | wc -l; }

# ---- sources ----

leak_py() { # a VL001 leak (one finding); with `copy`, the near miss
  cat <<EOF
import numpy as np


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :]${1:+.copy()})
        data = np.delete(data, i, axis=0)
    return kept
EOF
}

# main.py -> mid.py -> leaf.py: main keeps what leaf's first_rows returns (a view, or a copy)
chain() {
  cat >main.py <<'EOF'
import numpy as np

from mid import head


def collect(n):
    rng = np.random.default_rng(0)
    kept = []
    for _ in range(n):
        frame = rng.standard_normal((512, 256))
        kept.append(head(frame))
    return kept
EOF
  printf 'from leaf import first_rows\n\n\ndef head(a):\n    return first_rows(a)\n' >mid.py
  leaf "$1"
}
leaf() { printf 'def first_rows(a):\n    return a[:2]%s\n' "$([ "$1" = copy ] && echo '.copy()')" >leaf.py; }

# store.py calls collect.keep_head, which appends a view (or a copy) into the caller's list
store_pair() {
  cat >store.py <<'EOF'
import numpy as np

from collect import keep_head


def run(n):
    rng = np.random.default_rng(0)
    heads = []
    for _ in range(n):
        frame = rng.standard_normal((512, 256))
        keep_head(heads, frame)
    return heads
EOF
  printf 'def keep_head(store, arr):\n    store.append(arr[:2]%s)\n' "$([ "$1" = copy ] && echo '.copy()')" >collect.py
}

# ---- cases ----

# Cold, warm and --no-cache runs print the same bytes and exit the same, in every format and
# mode, over the fixtures, the examples and the CLI's test data (syntax errors, a file too deep
# to analyse, noqa forms, programs of several modules).
cache_cold_warm_identical() {
  cd "$REPO" || fail "no $REPO"
  local inputs=(fixtures examples tests/formats/data tests/cli/data/syntax_error.py tests/cli/data/too_deep.py
    tests/cli/data/noqa_forms tests/cli/data/noqa_file_level tests/cli/data/fix_data)
  local fmt mode n=0
  for mode in default all statistics quiet; do
    for fmt in text concise json json-lines sarif github gitlab junit; do
      local args=(--isolated --output-format "$fmt")
      case $mode in
        all) args+=(--extend-select VL003,VL004 --report-unused-noqa) ;;
        statistics) [ "$fmt" = text ] || continue; args+=(--statistics) ;;
        quiet) [ "$fmt" = text ] || continue; args+=(-q) ;;
      esac
      n=$((n + 1))
      local dir=$T/c$n
      run --no-cache "${args[@]}" "${inputs[@]}"
      save nocache
      srun --cache-dir "$dir" "${args[@]}" "${inputs[@]}"
      expect_cold
      same_as nocache
      run --cache-dir "$dir" "${args[@]}" "${inputs[@]}"
      same_as nocache
      same_err_as nocache
      srun --cache-dir "$dir" "${args[@]}" "${inputs[@]}"
      expect_warm
      same_as nocache
      echo "ok: $mode $fmt (exit $rc, $(wc -c <"$T/out") bytes)"
    done
  done
  [ -s "$T/nocache.err" ] || fail "the inputs were meant to print warnings on stderr (too_deep.py)"
}

# A warm run analyses nothing and writes nothing; the folder is made as Ruff makes its own.
cache_warm_run_hits() {
  leak_py >leak.py
  srun leak.py
  expect_rc 1
  expect_cold
  [ "$(cstat written)" -gt 0 ] || fail "nothing written: $(cat "$T/stats")"
  [ -d .viewleak_cache ] || fail "no .viewleak_cache in the current folder"
  grep -qx '\*' .viewleak_cache/.gitignore || fail ".gitignore does not ignore everything"
  head -1 .viewleak_cache/CACHEDIR.TAG | grep -qx 'Signature: 8a477f597d28d172789f06886806bc55' ||
    fail "CACHEDIR.TAG lacks the signature"
  [ "$(entries .viewleak_cache)" -gt 0 ] || fail "no job entries"
  save cold
  local before
  before=$(find .viewleak_cache -printf '%p %i %s %T@\n' | sort)
  sleep 1
  srun leak.py
  expect_warm
  same_as cold
  [ "$(cstat written)" = 0 ] || fail "a warm run wrote entries: $(cat "$T/stats")"
  [ "$before" = "$(find .viewleak_cache -printf '%p %i %s %T@\n' | sort)" ] || fail "a warm run changed the cache folder"
  # git ignores it (when git is here)
  if command -v git >/dev/null; then
    git init -q . && [ -z "$(git status --porcelain --ignored=no | grep viewleak_cache)" ] ||
      fail "git status lists the cache"
  fi
}

# The default folder is at the project root: the folder of the configuration that applies to the
# current folder, else the current folder.
cache_default_at_project_root() {
  mkdir -p proj/sub/deeper
  printf '[project]\nname = "p"\n\n[tool.viewleak]\n' >proj/pyproject.toml
  leak_py >proj/sub/leak.py
  (cd proj/sub/deeper && "$VL" check -q ../leak.py >/dev/null 2>&1)
  [ -d proj/.viewleak_cache ] || fail "no proj/.viewleak_cache"
  [ ! -e proj/sub/.viewleak_cache ] && [ ! -e proj/sub/deeper/.viewleak_cache ] || fail "a cache below the root"
  mkdir plain
  leak_py >plain/leak.py
  (cd plain && "$VL" check -q leak.py >/dev/null 2>&1)
  [ -d plain/.viewleak_cache ] || fail "no plain/.viewleak_cache without a configuration"
  # and walking a folder never enters it
  srun --output-format concise plain
  expect_rc 1
  [ "$(grep -c VL001 "$T/out")" = 1 ] || fail "want one finding"
}

# A changed file gets a new result; changed back, its first entry serves again.
cache_file_change() {
  leak_py >leak.py
  srun leak.py
  expect_rc 1
  expect_has "$T/out" VL001
  leak_py copy >leak.py
  srun leak.py
  expect_rc 0
  expect_lacks "$T/out" VL001
  [ "$(cstat found)" = 0 ] || fail "the changed file was found in the cache: $(cat "$T/stats")"
  leak_py >leak.py
  srun leak.py
  expect_rc 1
  expect_has "$T/out" VL001
  expect_warm
}

# The configuration is part of the key: ignore, per-file-ignores, the library extensions.
cache_config_change() {
  leak_py >leak.py
  printf '[tool.viewleak]\nignore = []\n' >pyproject.toml
  run leak.py
  expect_rc 1
  printf '[tool.viewleak]\nignore = ["VL001"]\n' >pyproject.toml
  srun leak.py
  expect_rc 0
  expect_lacks "$T/out" VL001
  [ "$(cstat found)" = 0 ] || fail "found under another selection: $(cat "$T/stats")"
  printf '[tool.viewleak.per-file-ignores]\n"leak.py" = ["VL001"]\n' >pyproject.toml
  run leak.py
  expect_rc 0
  printf '[tool.viewleak]\n' >pyproject.toml
  run leak.py
  expect_rc 1
  # extend-copy-functions changes what the analysis knows, not which rules run
  cp "$REPO"/tests/cli/data/cfg_ext/copying.py .
  printf '[tool.viewleak]\n' >pyproject.toml
  run --output-format concise copying.py
  expect_rc 0
  printf '[tool.viewleak]\nextend-copy-functions = ["mylib.shuffle_rows"]\n' >pyproject.toml
  run --output-format concise copying.py
  expect_rc 1
  expect_has "$T/out" "copying.py:10:21: VL001"
  printf '[tool.viewleak]\n' >pyproject.toml
  run --output-format concise copying.py
  expect_rc 0
}

# The rules selected on the command line are part of the key.
cache_selection_change() {
  leak_py >leak.py
  cat >grow.py <<'EOF'
import numpy as np


def grow(xs):
    acc = np.zeros((0, 3))
    for x in xs:
        acc = np.concatenate((acc, x))
    return acc
EOF
  run --output-format concise leak.py grow.py
  expect_rc 1
  expect_has "$T/out" VL001
  expect_lacks "$T/out" VL003
  run --output-format concise --select VL002 leak.py grow.py
  expect_rc 0
  run --output-format concise --ignore VL001 leak.py grow.py
  expect_rc 0
  run --output-format concise --extend-select VL003 leak.py grow.py
  expect_rc 1
  expect_has "$T/out" VL001
  expect_has "$T/out" VL003
  run --output-format concise --select VL003 leak.py grow.py
  expect_rc 1
  expect_lacks "$T/out" VL001
  expect_has "$T/out" VL003
  run --output-format concise leak.py grow.py
  expect_has "$T/out" VL001
  expect_lacks "$T/out" VL003
}

# Another build (the same program with another build-id, as the linker writes for any change) or an
# entry that names another version or build misses; a copy of the same build hits.
cache_build_change() {
  command -v python3 >/dev/null || skip "python3 edits the build-id and the entries"
  leak_py >leak.py
  srun --cache-dir c leak.py
  expect_cold
  save cold
  cp "$VL" ./viewleak-copy
  VIEWLEAK_STATS=1 ./viewleak-copy check --no-color --cache-dir c leak.py >"$T/out" 2>"$T/err"
  rc=$?
  grep '^cache: ' "$T/err" >"$T/stats"
  expect_warm
  same_as cold
  cp "$VL" ./viewleak-other
  python3 - ./viewleak-other <<'EOF' || fail "no GNU build-id note (SHA-1) in $VL"
import sys
data = bytearray(open(sys.argv[1], "rb").read())
# the note's header: name size 4, descriptor size 20, type NT_GNU_BUILD_ID (3), name "GNU\0"
at = data.find(b"\x04\x00\x00\x00\x14\x00\x00\x00\x03\x00\x00\x00GNU\x00")
if at < 0:
    sys.exit(1)
data[at + 16] ^= 0xFF
open(sys.argv[1], "wb").write(data)
EOF
  VIEWLEAK_STATS=1 ./viewleak-other check --no-color --cache-dir c leak.py >"$T/out" 2>"$T/err"
  rc=$?
  grep '^cache: ' "$T/err" >"$T/stats"
  expect_cold
  same_as cold
  # the entries of the first build are still good for it
  srun --cache-dir c leak.py
  expect_warm
  local member
  for member in build viewleak key; do
    python3 - c "$member" <<'EOF' || fail "could not edit the entries"
import glob, json, sys
for p in glob.glob(sys.argv[1] + "/*/job/*.json"):
    e = json.load(open(p))
    e[sys.argv[2]] = "0" + e[sys.argv[2]][1:] if e[sys.argv[2]][0] != "0" else "1" + e[sys.argv[2]][1:]
    json.dump(e, open(p, "w"))
EOF
    srun --cache-dir c leak.py
    [ "$(cstat found)" = 0 ] || fail "an entry whose $member differs was taken: $(cat "$T/stats")"
    same_as cold
    srun --cache-dir c leak.py # rewritten by the last run
    expect_warm
    same_as cold
  done
}

# A change in an imported module reaches its importers, also through a module in between, whether
# or not the imported modules are checked.
cache_import_change() {
  chain view
  run --output-format concise main.py
  expect_rc 1
  expect_has "$T/out" "main.py:11:21: VL002"
  leaf copy
  srun --output-format concise main.py
  expect_rc 0
  [ "$(cstat found)" = 0 ] || fail "an importer of the changed module was found: $(cat "$T/stats")"
  leaf view
  srun --output-format concise main.py
  expect_rc 1
  expect_has "$T/out" "main.py:11:21: VL002"
  expect_warm
  # all three checked, and a text of leaf.py never seen before: all three depend on it
  srun --output-format concise main.py mid.py leaf.py
  expect_rc 1
  expect_warm # which files are checked is not part of a key
  leaf copy
  printf '# changed\n' >>leaf.py
  srun --output-format concise main.py mid.py leaf.py
  expect_rc 0
  [ "$(cstat taken)" = 0 ] || fail "a job whose closure changed was taken: $(cat "$T/stats")"
  printf '# unrelated\n' >other.py
  run main.py mid.py leaf.py other.py
  printf '# unrelated, changed\n' >other.py
  srun main.py mid.py leaf.py other.py
  [ "$(cstat analysed)" = 1 ] || fail "want only other.py analysed: $(cat "$T/stats")"
}

# An import that orders nothing (inside a function: the module may be analysed after its importer)
# is still part of the importer's key.
cache_deferred_import() {
  cat >main.py <<'EOF'
import numpy as np


def collect(n):
    from helper import head

    rng = np.random.default_rng(0)
    return [head(rng.standard_normal((512, 256))) for _ in range(n)]
EOF
  printf 'def head(a):\n    return a[:2]\n' >helper.py
  srun main.py
  expect_cold
  [ "$(cstat jobs)" = 2 ] || fail "want main.py and helper.py: $(cat "$T/stats")"
  srun main.py
  expect_warm
  printf 'def head(a):\n    return a[:2].copy()\n' >helper.py
  srun main.py
  [ "$(cstat taken)" = 0 ] || fail "main.py was taken though the module it imports changed: $(cat "$T/stats")"
}

# A leak a caller's loop reveals in a helper is reported in the helper when it is checked, at the
# call otherwise; entries serve both runs, and a change in the helper or the caller reaches it.
cache_finding_in_helper() {
  store_pair view
  run --no-cache --output-format concise store.py collect.py
  save both
  expect_rc 1
  expect_has "$T/out" "collect.py:2:18: VL002"
  run --no-cache --output-format concise store.py
  save caller
  expect_rc 1
  expect_has "$T/out" "store.py:11:9: VL002"
  srun --output-format concise store.py collect.py
  same_as both
  srun --output-format concise store.py
  expect_warm
  same_as caller
  srun --output-format concise collect.py store.py
  expect_warm
  same_as both
  store_pair copy
  run --output-format concise store.py collect.py
  expect_rc 0
  run --output-format concise store.py
  expect_rc 0
  store_pair view
  srun --output-format concise store.py
  expect_warm
  same_as caller
}

cache_no_cache_writes_nothing() {
  leak_py >leak.py
  run --no-cache leak.py
  expect_rc 1
  [ -z "$(ls -A)" ] || [ "$(ls -A)" = leak.py ] || fail "--no-cache left: $(ls -A)"
  run --no-cache --cache-dir given leak.py
  VIEWLEAK_CACHE_DIR=$PWD/env "$VL" check --no-cache leak.py >/dev/null 2>&1
  printf 'cache-dir = "configured"\n' >viewleak.toml
  run --no-cache leak.py
  expect_rc 1
  [ "$(ls -A | sort | paste -sd' ')" = "leak.py viewleak.toml" ] || fail "--no-cache left: $(ls -A)"
  # stdin is never cached
  VIEWLEAK_STATS=1 "$VL" check --stdin-filename leak.py <leak.py >"$T/out" 2>"$T/err"
  rc=$?
  expect_rc 1
  expect_lacks "$T/err" "cache:"
  [ "$(ls -A | sort | paste -sd' ')" = "leak.py viewleak.toml" ] || fail "stdin left: $(ls -A)"
}

# --cache-dir, then VIEWLEAK_CACHE_DIR, then the configuration's cache-dir (relative to its folder).
cache_dir_options() {
  mkdir -p proj/sub
  leak_py >proj/sub/leak.py
  printf 'cache-dir = "../shared-cache"\n' >proj/viewleak.toml
  (cd proj/sub && "$VL" check -q leak.py >/dev/null 2>&1)
  [ "$(entries shared-cache)" -gt 0 ] || fail "the configuration's cache-dir was not used"
  [ ! -e proj/.viewleak_cache ] && [ ! -e proj/sub/.viewleak_cache ] || fail "the default folder was made"
  (cd proj/sub && VIEWLEAK_CACHE_DIR=env-cache "$VL" check -q leak.py >/dev/null 2>&1)
  [ "$(entries proj/sub/env-cache)" -gt 0 ] || fail "VIEWLEAK_CACHE_DIR (relative to the current folder) was not used"
  (cd proj/sub && VIEWLEAK_CACHE_DIR=env-cache "$VL" check -q --cache-dir "$T/work/opt-cache" leak.py >/dev/null 2>&1)
  [ "$(entries opt-cache)" -gt 0 ] || fail "--cache-dir was not used"
  local before
  before=$(find shared-cache proj/sub/env-cache | wc -l)
  (cd proj/sub && VIEWLEAK_STATS=1 "$VL" check --cache-dir "$T/work/opt-cache" leak.py >/dev/null 2>"$T/err")
  grep '^cache: ' "$T/err" >"$T/stats"
  expect_warm
  [ "$before" = "$(find shared-cache proj/sub/env-cache | wc -l)" ] || fail "another folder was written"
  # --isolated: no configuration, so the current folder
  (cd proj/sub && "$VL" check -q --isolated leak.py >/dev/null 2>&1)
  [ -d proj/sub/.viewleak_cache ] || fail "--isolated did not use the current folder"
  # --config: that file's folder is the project root
  mkdir other
  printf '# defaults\n' >other/viewleak.toml
  (cd proj/sub && "$VL" check -q --config ../../other/viewleak.toml leak.py >/dev/null 2>&1)
  [ -d other/.viewleak_cache ] || fail "--config's folder was not the project root"
  # a folder that cannot be made: a warning, and the run goes on
  printf 'x' >blocker
  run --cache-dir blocker/cache proj/sub/leak.py
  expect_rc 1
  expect_has "$T/err" "viewleak: warning: no result cache: cannot make the cache folder blocker/cache"
  expect_has "$T/out" VL001
  run --cache-dir "" proj/sub/leak.py
  expect_rc 2
  printf '# a number\ncache-dir = 3\n' >proj/viewleak.toml
  run proj/sub/leak.py
  expect_rc 2
  expect_has "$T/err" "viewleak.toml:2: \`cache-dir\` must be a string"
}

# Missing, empty, truncated, garbage, wrongly shaped and lying entries are misses, never crashes
# or wrong output.
cache_corrupt_entries() {
  command -v python3 >/dev/null || skip "python3 corrupts the entries"
  cd "$REPO" || fail "no $REPO"
  local inputs=(fixtures/vl003 fixtures/vl002/pos_multimodule_helper_appends fixtures/vl002/pos_multimodule_generator
    examples tests/cli/data/noqa_forms)
  run --no-cache --isolated --output-format json "${inputs[@]}"
  save nocache
  local hows=(empty truncated garbage array files-not-a-list wrong-path span-out-of-range unknown-rule bad-noqa
    deep-garbage scan-garbage scan-shape directory) how
  run --cache-dir "$T/base" --isolated --output-format json "${inputs[@]}"
  # one folder per way of corrupting the entries, each a copy of the cold run's
  python3 - "$T" "${hows[@]}" <<'EOF' || fail "could not corrupt the entries"
import glob, json, os, shutil, sys
top, hows = sys.argv[1], sys.argv[2:]
def rewrite(p, f):
    e = json.load(open(p))
    f(e)
    json.dump(e, open(p, "w"))
for how in hows:
    root = os.path.join(top, how)
    shutil.copytree(os.path.join(top, "base"), root)
    jobs = sorted(glob.glob(root + "/*/job/*.json"))
    scans = sorted(glob.glob(root + "/*/scan/*.json"))
    with_findings = [p for p in jobs if any(f["findings"] for f in json.load(open(p))["files"])]
    with_noqa = [p for p in jobs if any(f["noqa"] for f in json.load(open(p))["files"])]
    assert with_findings and with_noqa
    for p in (scans if how.startswith("scan") else jobs):
        if how == "empty": open(p, "w").close()
        elif how == "truncated":
            t = open(p, "rb").read(); open(p, "wb").write(t[: len(t) // 2])
        elif how == "garbage": open(p, "wb").write(b"\x00\xff{{not json" * 3)
        elif how == "array": open(p, "w").write("[1, 2, 3]")
        elif how == "files-not-a-list": rewrite(p, lambda e: e.__setitem__("files", 3))
        elif how == "wrong-path": rewrite(p, lambda e: [f.__setitem__("path", f["path"] + "x") for f in e["files"]])
        elif how == "scan-garbage": open(p, "w").write("{]")
        elif how == "scan-shape": rewrite(p, lambda e: e.__setitem__("imports", [["numpy", -1, None, False]]))
        elif how == "directory": os.remove(p); os.mkdir(p)
    for p in with_findings:
        if how == "span-out-of-range":
            rewrite(p, lambda e: [g.__setitem__("end", 10**9) for f in e["files"] for g in f["findings"]])
        elif how == "unknown-rule":
            rewrite(p, lambda e: [g.__setitem__("rule", "VL999") for f in e["files"] for g in f["findings"]])
        elif how == "deep-garbage":
            rewrite(p, lambda e: [g.__setitem__("fix", {"applicability": "maybe", "at": 0, "insert": ""})
                                  for f in e["files"] for g in f["findings"]])
    for p in with_noqa:
        if how == "bad-noqa":
            rewrite(p, lambda e: [f.__setitem__("noqa", [[0, 10**9, "# noqa"]]) for f in e["files"] if f["noqa"]])
EOF
  for how in "${hows[@]}"; do
    srun --cache-dir "$T/$how" --isolated --output-format json "${inputs[@]}"
    same_as nocache
    case $how in
      scan*) [ "$(cstat found)" = "$(cstat jobs)" ] || fail "$how: the jobs' entries were not taken: $(cat "$T/stats")" ;;
      span-out-of-range | unknown-rule | deep-garbage | bad-noqa)
        [ "$(cstat analysed)" -gt 0 ] || fail "$how: a corrupt entry was taken: $(cat "$T/stats")" ;;
      *) [ "$(cstat found)" = 0 ] || fail "$how: a corrupt entry was found: $(cat "$T/stats")" ;;
    esac
    run --cache-dir "$T/$how" --isolated --output-format json "${inputs[@]}"
    same_as nocache
    echo "ok: $how"
  done
}

# Runs that start together on one cache folder all succeed and print what a run without the cache
# prints; no temporary file is left behind.
cache_concurrent_runs() {
  cd "$REPO" || fail "no $REPO"
  local inputs=(fixtures examples) k round
  run --no-cache --isolated --output-format concise "${inputs[@]}"
  save nocache
  for round in 1 2 3; do
    rm -rf "$T/c"
    local pids=()
    for k in 1 2 3 4; do
      "$VL" check --no-color --isolated --jobs 1 --output-format concise --cache-dir "$T/c" "${inputs[@]}" \
        >"$T/p$k.out" 2>"$T/p$k.err" &
      pids+=($!)
    done
    for k in 1 2 3 4; do
      wait "${pids[$((k - 1))]}"
      echo "$?" >"$T/p$k.rc"
      expect_same "$T/p$k.out" "$T/nocache.out"
      expect_same "$T/p$k.err" "$T/nocache.err"
      [ "$(cat "$T/p$k.rc")" = "$(cat "$T/nocache.rc")" ] || fail "run $k exited $(cat "$T/p$k.rc")"
    done
    [ -z "$(find "$T/c" -name '.tmp-*')" ] || fail "temporary files left: $(find "$T/c" -name '.tmp-*' | head -3)"
    srun --isolated --output-format concise --cache-dir "$T/c" "${inputs[@]}"
    expect_warm
    same_as nocache
    echo "ok: round $round"
  done
}

# --fix and --diff analyse everything (a fix pass rechecks against the other modules' analyses) and
# give what they give without the cache; the fixed file then gets its own entry.
cache_fix_and_diff() {
  leak_py >leak.py
  run leak.py
  run --no-cache --diff --unsafe-fixes leak.py
  save diff
  expect_rc 1
  expect_has "$T/out" "+        kept.append(data[i, :].copy())"
  srun --diff --unsafe-fixes leak.py
  same_as diff
  [ "$(cstat taken)" = 0 ] || fail "--diff took results from the cache: $(cat "$T/stats")"
  run --fix --unsafe-fixes leak.py
  expect_rc 0
  leak_py copy >want.py
  expect_same leak.py want.py
  run leak.py
  expect_rc 0
}

# The server works on unsaved buffers: it never reads or writes the cache.
cache_server_does_not_use_it() {
  leak_py >leak.py
  local text uri="file://$PWD/leak.py"
  text=$(python3 -c 'import json,sys; print(json.dumps(open("leak.py").read()))' 2>/dev/null) || skip "python3 quotes the text"
  msg() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
  {
    msg '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    msg '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    msg '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'"$uri"'","languageId":"python","version":1,"text":'"$text"'}}}'
    msg '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
    msg '{"jsonrpc":"2.0","method":"exit"}'
  } | "$VL" server >"$T/out" 2>"$T/err"
  expect_has "$T/out" '"VL001"'
  [ ! -e .viewleak_cache ] || fail "the server made a cache folder"
}

# A noqa comment in Latin-1 (not UTF-8) survives the round trip through JSON.
cache_non_utf8_comment() {
  leak_py | sed 's/kept.append(data\[i, :\])$/&  # noqa: VL002 caf\xe9/' >latin.py
  LC_ALL=C grep -q "$(printf 'caf\xe9')" latin.py || fail "no Latin-1 comment in latin.py"
  run --no-cache --report-unused-noqa --output-format json latin.py
  save nocache
  expect_has "$T/out" VL900
  run --report-unused-noqa --output-format json latin.py
  same_as nocache
  srun --report-unused-noqa --output-format json latin.py
  expect_warm
  same_as nocache
}

# ---- driver ----

if [ "${1:-}" = --list ]; then
  declare -F | awk '$3 ~ /^cache_/ {print $3}'
  exit 0
fi
if [ -z "$CASE" ] || ! declare -F "$CASE" >/dev/null; then
  echo "usage: $0 VIEWLEAK REPO CASE   (cases: $0 --list)" >&2
  exit 2
fi
case $VL in /*) ;; *) VL=$PWD/$VL ;; esac
[ -x "$VL" ] || { echo "not executable: $VL" >&2; exit 2; }
T=$(mktemp -d /tmp/vl-cache-test.XXXXXX) || exit 2
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
mkdir "$T/work"
cd "$T/work" || exit 2
"$CASE"
echo "ok: $CASE"
exit 0
