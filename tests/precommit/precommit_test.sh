#!/usr/bin/env bash
# precommit_test.sh: the pre-commit hooks (.pre-commit-hooks.yaml) end to end, with the real
# pre-commit in temporary git repositories.  Run by ctest (tests/precommit/CMakeLists.txt):
#
#   precommit_test.sh setup     fresh work folder: a git repository holding a snapshot of the
#                               source tree as it is on disk, tagged v<version>; pre-commit's store
#   precommit_test.sh CASE      one case (see the functions case_* below)
#
# Environment: VL_SOURCE_DIR (the source tree), VL_BINARY_DIR (the build folder), VL_WORK (the
# work folder, shared by the cases), VIEWLEAK (the built binary, for viewleak-system), VL_VERSION.
#
# Why a snapshot and not the source tree itself: pre-commit clones the repository at a commit.  In
# CI's fresh clone that would be fine, but in a working tree the new, uncommitted files would be
# missing (`try-repo` adds modified tracked files only), so the hooks under test would not be the
# ones on disk.  The store (PRE_COMMIT_HOME) is shared by the cases, so the hook builds viewleak
# once per test run; `try-repo` always uses a fresh store, so its case builds once more.
set -euo pipefail

: "${VL_SOURCE_DIR:?}" "${VL_BINARY_DIR:?}" "${VL_WORK:?}" "${VIEWLEAK:?}" "${VL_VERSION:?}"
SNAPSHOT=$VL_WORK/snapshot
TAG=v$VL_VERSION
REPO_URL=https://github.com/viewleak/viewleak # as written in docs/pre-commit.md

export PRE_COMMIT_HOME=$VL_WORK/home PRE_COMMIT_COLOR=never
export GIT_CONFIG_GLOBAL=$VL_WORK/gitconfig GIT_CONFIG_NOSYSTEM=1
# ctest may itself run inside a git hook or with pre-commit's variables set
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY SKIP PRE_COMMIT_ALLOW_NO_CONFIG

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
log() { echo "--- $*"; }

need_tools() {
  local missing=()
  command -v git >/dev/null || missing+=(git)
  command -v pre-commit >/dev/null || missing+=(pre-commit)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "not found: ${missing[*]}: install with 'apt-get install ${missing[*]}'" >&2
    exit 1
  fi
}

# The .pre-commit-config.yaml that DOC (default docs/pre-commit.md; the README's too) gives for HOOK
# (its first yaml block with `repos:` and `- id: HOOK`), with the repository URL replaced by the
# snapshot's path.
doc_snippet() { # doc_snippet HOOK [DOC]
  awk -v hook="$1" '
    /^```yaml$/ { inside = 1; block = ""; next }
    inside && /^```/ { inside = 0; if (block ~ /^repos:/ && block ~ ("\n *- id: " hook "([ \t]|\n)")) { printf "%s", block; exit } }
    inside { block = block $0 "\n" }' "$SNAPSHOT/${2:-docs/pre-commit.md}" | sed "s|$REPO_URL|$SNAPSHOT|"
}

# A fresh git repository for a case, with the documented config for HOOK (viewleak or
# viewleak-system) and pre-commit installed as its git hook.  Prints nothing; cd's into it.
new_repo() { # new_repo NAME HOOK [DOC]
  local dir=$VL_WORK/cases/$1 doc=${3:-docs/pre-commit.md}
  rm -rf "$dir"
  mkdir -p "$dir"
  cd "$dir"
  git init -q -b main .
  doc_snippet "$2" "$doc" >.pre-commit-config.yaml
  grep -q "rev: $TAG\$" .pre-commit-config.yaml || fail "$doc has no snippet for $2 with rev: $TAG"
  log "config (from $doc):"
  cat .pre-commit-config.yaml
  git add .pre-commit-config.yaml
  git commit -q --no-verify -m config
  pre-commit install >/dev/null
}

leaky() { cp "$SNAPSHOT/examples/mixed.py" "$1"; }
clean() { cp "$SNAPSHOT/examples/numpy_only.py" "$1"; }

# commit_expect RC PATTERN...: `git commit` of what is staged exits RC (0, or non-zero: 1), and its
# output matches each PATTERN (grep -E; a leading ! means must not match).
commit_expect() {
  local want=$1 rc=0 out
  shift
  local head_before
  head_before=$(git rev-parse HEAD)
  out=$(git commit -m change 2>&1) || rc=$?
  printf '%s\n' "$out"
  if [ "$want" = 0 ]; then
    [ "$rc" = 0 ] || fail "the commit failed (exit $rc), expected it to pass"
    [ "$(git rev-parse HEAD)" != "$head_before" ] || fail "no commit was made"
  else
    [ "$rc" != 0 ] || fail "the commit passed, expected the hook to stop it"
    [ "$(git rev-parse HEAD)" = "$head_before" ] || fail "a commit was made"
  fi
  expect_output "$out" "$@"
}

expect_output() { # expect_output TEXT PATTERN...
  local text=$1 p
  shift
  for p in "$@"; do
    if [ "${p#!}" != "$p" ]; then
      ! grep -Eq -- "${p#!}" <<<"$text" || fail "output matches '${p#!}'"
    else
      grep -Eq -- "$p" <<<"$text" || fail "output does not match '$p'"
    fi
  done
}

FINDING='leaky\.py:19:25: VL001 `data\[i\]` is a view of `data` stored in `selected`'

# ---- setup ----
setup() {
  need_tools
  rm -rf "$VL_WORK"
  mkdir -p "$VL_WORK/bin" "$VL_WORK/cases" "$SNAPSHOT"
  printf '[user]\n\tname = viewleak tests\n\temail = tests@viewleak.invalid\n[init]\n\tdefaultBranch = main\n' \
    >"$GIT_CONFIG_GLOBAL"
  ln -s "$VIEWLEAK" "$VL_WORK/bin/viewleak"

  # the source tree as it is on disk: tracked and untracked files, not the ignored ones
  local bin_rel=""
  case $VL_BINARY_DIR/ in "$VL_SOURCE_DIR"/*) bin_rel=${VL_BINARY_DIR#"$VL_SOURCE_DIR"/}/ ;; esac
  if git -C "$VL_SOURCE_DIR" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # (a tracked file deleted on disk is listed but not copied: cp's complaint is silenced)
    (cd "$VL_SOURCE_DIR" && git ls-files -z -c -o --exclude-standard) |
      while IFS= read -r -d '' f; do [[ -n $bin_rel && $f == "$bin_rel"* ]] || printf '%s\0' "$f"; done |
      (cd "$VL_SOURCE_DIR" && xargs -0 -r cp -P --parents -t "$SNAPSHOT" 2>/dev/null || true)
  else # not a git checkout (a source tarball): everything but build folders
    (cd "$VL_SOURCE_DIR" && tar --exclude='./build*' --exclude=./.git --exclude=./.viewleak-hook --exclude=./.viewleak_cache -cf - .) |
      tar -xf - -C "$SNAPSHOT"
  fi
  [ -f "$SNAPSHOT/.pre-commit-hooks.yaml" ] || fail "no .pre-commit-hooks.yaml in the snapshot"
  [ -x "$SNAPSHOT/scripts/pre-commit-hook" ] || fail "scripts/pre-commit-hook is not executable"
  (cd "$SNAPSHOT" && git init -q -b main . && git add -A && git commit -q -m snapshot && git tag "$TAG")
  log "snapshot of $VL_SOURCE_DIR: $SNAPSHOT at $TAG ($(cd "$SNAPSHOT" && git ls-files | wc -l) files)"
}

# ---- cases: the `viewleak` hook (built from the repository) ----

# A leaky file stops the commit and its finding is printed, once, on one line.  Nine files, so that
# with two cores or more pre-commit starts two hook processes at once (it gives each at least four
# files), both on their first run if this case runs first.
case_leaky_blocks_commit() {
  new_repo leaky viewleak
  leaky leaky.py
  for i in 1 2 3 4 5 6 7 8; do clean "clean$i.py"; done
  git add .
  commit_expect 1 "^viewleak\.+Failed" "- exit code: 1" "^$FINDING" \
    '!All checks passed' '!Found [0-9]+ finding' '!^ +\|' '!clean[0-9]\.py:'
  local logs
  logs=$(compgen -G "$PRE_COMMIT_HOME/repo*/.viewleak-hook/build.log") || fail "the hook built nothing in the store"
  [ -x "$(dirname "$logs")/bin/viewleak" ] || fail "no built binary in the store"
  # whichever case ran first built it, once, however many hook processes started together
  [ "$(grep -c '^== .*building' "$logs")" = 1 ] || fail "the store's clone was built more than once: $(grep '^==' "$logs")"
  # the hook processes shared the result cache at the repository's root, which git does not see;
  # the same commit again reads the results from it
  [ -f .viewleak_cache/CACHEDIR.TAG ] || fail "no result cache at the repository's root"
  [ -z "$(git status --porcelain --untracked-files=all | grep viewleak_cache)" ] || fail "git sees the result cache"
  commit_expect 1 "^viewleak\.+Failed" "^$FINDING" '!clean[0-9]\.py:'
}

case_clean_passes() {
  new_repo clean viewleak
  clean clean.py
  printf 'import numpy as np\n\ndef f(a: np.ndarray) -> np.ndarray: ...\n' >stub.pyi
  git add .
  commit_expect 0 "^viewleak\.+Passed" '!VL001'
}

case_noqa() {
  new_repo noqa viewleak
  sed 's/# expect: VL001/# noqa: VL001/' "$SNAPSHOT/examples/mixed.py" >leaky.py
  grep -q '# noqa: VL001' leaky.py || fail "examples/mixed.py changed: no '# expect: VL001' to replace"
  git add .
  commit_expect 0 "^viewleak\.+Passed" '!VL001'
}

# Configuration files are read by `viewleak check` (src/driver/config.c).
case_pyproject_ignore() {
  new_repo pyproject viewleak
  leaky leaky.py
  printf '[project]\nname = "demo"\n\n[tool.viewleak]\nignore = ["VL001"]\n' >pyproject.toml
  git add .
  commit_expect 0 "^viewleak\.+Passed" '!VL001'
}

# Notebooks are not handed to viewleak (it reads Python source only; docs/pre-commit.md).
# A staged notebook is checked (types_or has jupyter): its leak stops the commit, named by cell.
case_notebook_checked() {
  new_repo notebook viewleak
  python3 - "$SNAPSHOT/examples/mixed.py" leaky.ipynb <<'EOF'
import json, sys
source = open(sys.argv[1]).read().splitlines(True)
cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
nb = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open(sys.argv[2], "w"), indent=1)
EOF
  git add .
  commit_expect 1 "^viewleak\.+Failed" '^leaky\.ipynb:cell 1:19:25: VL001 `data\[i\]` is a view of `data`'
}

# `pre-commit try-repo REPO viewleak` on the staged files.  try-repo clones into a fresh temporary
# store every time, so each run builds viewleak: one run only.
case_try_repo() {
  new_repo try-repo viewleak
  leaky leaky.py
  clean clean.py
  git add leaky.py clean.py
  local out rc=0
  out=$(pre-commit try-repo "$SNAPSHOT" viewleak 2>&1) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 1 ] || fail "try-repo exited $rc, expected 1"
  expect_output "$out" "^viewleak\.+Failed" "^$FINDING" '!clean\.py:'
}

# ---- cases: the `viewleak-system` hook (viewleak on PATH) ----
case_system() {
  new_repo system viewleak-system
  leaky leaky.py
  git add leaky.py
  log "viewleak on PATH: a leaky file stops the commit"
  PATH=$VL_WORK/bin:$PATH commit_expect 1 "^viewleak\.+Failed" "^$FINDING"
  log "viewleak on PATH: a clean file passes"
  git reset -q
  rm leaky.py
  clean clean.py
  git add clean.py
  PATH=$VL_WORK/bin:$PATH commit_expect 0 "^viewleak\.+Passed"
  if command -v viewleak >/dev/null; then
    log "skipped: the hook without viewleak on PATH (one is installed: $(command -v viewleak))"
  else
    log "no viewleak on PATH: the hook fails and says why"
    clean clean2.py
    git add clean2.py
    commit_expect 1 'Executable `viewleak` not found'
  fi
}

# ---- case: scripts/pre-commit-hook itself, on a fresh clone of the snapshot ----
case_hook_build() {
  local dir=$VL_WORK/cases/hook-build
  rm -rf "$dir"
  git clone -q "$SNAPSHOT" "$dir/clone"
  local hook=$dir/clone/scripts/pre-commit-hook state=$dir/clone/.viewleak-hook
  cp "$SNAPSHOT/examples/mixed.py" "$dir/leaky.py"
  cd "$dir"

  log "a failed build (libcjson missing, as pkg-config sees it) exits 2 and names the package"
  mkdir -p fakebin
  cat >fakebin/pkg-config <<EOF
#!/bin/sh
for a in "\$@"; do [ "\$a" = libcjson ] && exit 1; done
exec $(command -v pkg-config) "\$@"
EOF
  chmod +x fakebin/pkg-config
  local out rc=0
  out=$(PATH=$dir/fakebin:$PATH "$hook" check --quiet leaky.py 2>&1) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 2 ] || fail "exit $rc, expected 2"
  expect_output "$out" "could not build viewleak" "missing Debian packages: .*libcjson-dev" \
    "apt-get install .*libcjson-dev" "viewleak-system"
  [ ! -e "$state/bin/viewleak" ] || fail "a binary was left after a failed build"
  [ -z "$(find "$state" -maxdepth 1 -name 'tmp.*')" ] || fail "a temporary build folder was left"

  log "four processes at once on the first run: one builds, all run it"
  mkdir "$state/tmp.killed" # as left by a killed build: the next build removes it
  local i pids=()
  for i in 1 2 3 4; do
    (
      rc=0
      "$hook" check --quiet leaky.py >"out$i" 2>&1 || rc=$?
      echo "$rc" >"rc$i"
    ) &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  for i in 1 2 3 4; do
    [ "$(cat "rc$i")" = 1 ] || { cat "out$i"; fail "process $i exited $(cat "rc$i"), expected 1"; }
    cmp -s out1 "out$i" || fail "process $i printed something else than process 1"
  done
  cat out1
  expect_output "$(cat out1)" "^$FINDING" '!viewleak pre-commit hook'
  [ "$(grep -c '^== built' "$state/build.log")" = 1 ] || fail "expected exactly one successful build: $(grep '^==' "$state/build.log")"
  [ -z "$(find "$state" -maxdepth 1 -name 'tmp.*')" ] || fail "a temporary build folder was left"

  log "later runs reuse the binary"
  local builds
  builds=$(grep -c '^== .*building' "$state/build.log")
  out=$("$hook" --version) || fail "--version failed: $out"
  [ "$out" = "viewleak $VL_VERSION" ] || fail "--version printed '$out'"
  [ "$(grep -c '^== .*building' "$state/build.log")" = "$builds" ] || fail "built again"
  (cd "$dir/clone" && [ -z "$(git status --porcelain)" ]) || fail "the build left files git sees in the clone"
}

# ---- the documentation's package list is scripts/dev's ----
# The README's snippet, pasted as it says, works against a clone tagged as it names (v<version>).
case_readme_snippet() {
  new_repo readme viewleak README.md
  leaky leaky.py
  git add .
  commit_expect 1 "^viewleak\.+Failed" "- exit code: 1" "^$FINDING"
}

case_docs() {
  local want got doc
  want=$(sed -n 's/^BUILD_PACKAGES=(\(.*\))$/\1/p' "$SNAPSHOT/scripts/dev")
  [ -n "$want" ] || fail "no BUILD_PACKAGES=(...) line in scripts/dev"
  for doc in docs/pre-commit.md docs/install.md; do
    got=$(sed -n 's/^sudo apt-get install \(cmake .*\)$/\1/p' "$SNAPSHOT/$doc" | head -1)
    [ "$got" = "$want" ] || fail "$doc lists '$got'; scripts/dev's BUILD_PACKAGES are '$want'"
  done
  echo "docs list the build packages of scripts/dev: $want"
}

cmd=${1:?usage: precommit_test.sh setup|CASE}
case $cmd in
  setup) setup ;;
  *)
    need_tools
    [ -d "$SNAPSHOT/.git" ] || fail "no snapshot: run the precommit_setup test first"
    declare -F "case_$cmd" >/dev/null || fail "no case '$cmd'"
    "case_$cmd"
    ;;
esac
echo "ok: $cmd"
