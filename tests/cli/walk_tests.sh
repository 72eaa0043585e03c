#!/usr/bin/env bash
# walk_tests.sh: end-to-end tests of which files `viewleak check` walks and reports, with the built
# binary, each case in its own scratch folder (ctest label `cli`):
#   cli_gitignore_*  what git ignores is not walked (scratch repositories made with `git init`)
#
#   walk_tests.sh VIEWLEAK REPO CASE     run one case (REPO: the source tree)
#   walk_tests.sh --list                 the case names, for tests/CMakeLists.txt
#
# Exit 0: passed; 1: failed; 77: skipped -- a tool this machine lacks, or a known bug (the case calls
# `known_bug` before the assertion that shows it, and the skip message starts with BUG:).  Git reads no configuration of
# this machine's user: HOME is a scratch folder, and repositories are not searched above the scratch
# folder (GIT_CEILING_DIRECTORIES).
set -u

VL=${1:-}
REPO=${2:-}
CASE=${3:-}

BUG=""

fail() {
  if [ -n "$BUG" ]; then
    echo "BUG: $BUG"
    echo "  (failing check: $*)"
    exit 77
  fi
  echo "FAIL: $*"
  for f in out err; do
    [ -s "$T/$f" ] && { echo "--- std$f:"; head -c 4000 "$T/$f"; }
  done
  exit 1
}
skip() { echo "SKIP: $*"; exit 77; }
# The next failing check is this known bug: report it and skip instead of failing.
known_bug() { BUG=$*; }

# run ARGS...: viewleak check ARGS in the current folder; stdout in $T/out, stderr in $T/err, exit in $rc.
run() {
  "$VL" check --no-color "$@" >"$T/out" 2>"$T/err"
  rc=$?
}
expect_rc() { [ "$rc" = "$1" ] || fail "exit $rc, want $1"; }
expect_has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
expect_empty() { [ ! -s "$1" ] || fail "$1 is not empty"; }
# reported ARGS...: the files with findings of `viewleak check --output-format concise ARGS`, one
# line, sorted; fails on an error.
reported() {
  run --output-format concise -q "$@"
  [ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "exit $rc for: check $*"
  cut -d: -f1 "$T/out" | sort -u | tr '\n' ' ' | sed 's/ $//'
}
# expect_reported "FILES" ARGS...: exactly these files have findings.
expect_reported() {
  local want=$1 got
  shift
  got=$(reported "$@") || exit 1
  [ "$got" = "$want" ] || fail "check $* reports [$got], want [$want]"
}

leak_py() { # one VL001 finding
  cat <<'EOF'
import numpy as np


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :])
        data = np.delete(data, i, axis=0)
    return kept
EOF
}
# leaks FILE...: a leak in each (folders made as needed).
leaks() {
  local f
  for f in "$@"; do
    mkdir -p "$(dirname "$f")"
    leak_py >"$f"
  done
}
git_init() { git init -q "${1:-.}" || skip "git init failed"; }

# ---- cli_gitignore_*: git's ignore rules when walking folders ----

cli_gitignore_skips_what_git_ignores() {
  git_init
  leaks leak.py ignored.py generated/gen.py
  printf 'ignored.py\ngenerated/\n' >.gitignore
  expect_reported "leak.py"
  expect_has "$T/out" "leak.py:7:21: VL001"
  run .
  expect_rc 1
  expect_has "$T/out" "Found 1 finding."
  # git agrees
  [ "$(git check-ignore ignored.py generated/gen.py | wc -l)" = 2 ] || fail "git does not ignore them"
}

cli_gitignore_no_respect_option() {
  git_init
  leaks leak.py ignored.py generated/gen.py
  printf 'ignored.py\ngenerated/\n' >.gitignore
  expect_reported "generated/gen.py ignored.py leak.py" --no-respect-gitignore .
  expect_reported "generated/gen.py ignored.py leak.py" --no-respect-gitignore
}

cli_gitignore_config_key() {
  git_init
  leaks leak.py ignored.py
  printf 'ignored.py\n' >.gitignore
  printf '[tool.viewleak]\nrespect-gitignore = false\n' >pyproject.toml
  expect_reported "ignored.py leak.py"
  printf '[tool.viewleak]\nrespect-gitignore = true\n' >pyproject.toml
  expect_reported "leak.py"
  expect_reported "ignored.py leak.py" --no-respect-gitignore # the command line wins
  rm pyproject.toml
  printf 'respect-gitignore = false\n' >viewleak.toml
  expect_reported "ignored.py leak.py"
  expect_reported "leak.py" --isolated # no configuration: the default, true
  # a nested configuration speaks for its folder
  leaks sub/leak.py sub/ignored.py
  printf 'respect-gitignore = true\n' >sub/viewleak.toml
  expect_reported "ignored.py leak.py sub/leak.py"
  # a value of the wrong type is a configuration error
  printf '# settings\nrespect-gitignore = "no"\n' >viewleak.toml
  run .
  expect_rc 2
  expect_has "$T/err" "viewleak: error: viewleak.toml:2: \`respect-gitignore\` must be true or false"
  printf 'respect-gitignore = [true]\n' >viewleak.toml
  run .
  expect_rc 2
  expect_has "$T/err" "viewleak.toml:1: \`respect-gitignore\` must be true or false"
}

cli_gitignore_nested_files() {
  git_init
  leaks top.py a_gen.py sub/ok.py sub/b_gen.py sub/gen/x.py sub/deep/er/y.py sub/deep/er/z.py sub/deep/z.py
  printf '*_gen.py\n' >.gitignore
  printf 'gen/\n' >sub/.gitignore
  printf 'z.py\n' >sub/deep/er/.gitignore
  expect_reported "sub/deep/er/y.py sub/deep/z.py sub/ok.py top.py"
  expect_reported "sub/deep/er/y.py sub/deep/z.py sub/ok.py" sub
  expect_reported "sub/deep/er/y.py" sub/deep/er
}

cli_gitignore_nested_negation() {
  git_init
  leaks top.py sub/a_gen.py sub/b_gen.py
  printf '*_gen.py\n' >.gitignore
  printf '!b_gen.py\n' >sub/.gitignore
  [ "$(git check-ignore sub/a_gen.py sub/b_gen.py)" = sub/a_gen.py ] || fail "git ignores other files"
  known_bug "libgit2 (1.5.1 here; its current source too) lets the shallowest .gitignore with a" \
    "matching rule decide in git_ignore_path_is_ignored, so a deeper '!b_gen.py' does not re-include" \
    "sub/b_gen.py as git does"
  expect_reported "sub/b_gen.py top.py"
}

cli_gitignore_info_exclude_and_global_excludes() {
  git_init
  leaks leak.py local.py global.py xdg.py
  printf 'local.py\n' >.git/info/exclude
  printf 'global.py\n' >"$HOME/global-ignore"
  git config --global core.excludesfile "$HOME/global-ignore"
  expect_reported "leak.py xdg.py"
  # without core.excludesfile, git's default global file: $XDG_CONFIG_HOME/git/ignore
  rm "$HOME/.gitconfig"
  mkdir -p "$XDG_CONFIG_HOME/git"
  printf 'xdg.py\n' >"$XDG_CONFIG_HOME/git/ignore"
  expect_reported "global.py leak.py"
}

cli_gitignore_named_paths_are_checked() {
  git_init
  leaks leak.py ignored.py generated/gen.py generated/also.py
  printf 'ignored.py\ngenerated/\n' >.gitignore
  printf 'also.py\n' >generated/.gitignore
  # as in Ruff: a file named on the command line is checked, even with --force-exclude
  expect_reported "ignored.py" ignored.py
  expect_reported "ignored.py" --force-exclude ignored.py
  printf 'ignored.py\n' >list.txt
  expect_reported "ignored.py" --files-from list.txt
  # a named folder is walked even when git ignores it (git's rules then do not apply below it)
  expect_reported "generated/also.py generated/gen.py" generated
  expect_reported "generated/also.py generated/gen.py leak.py" generated .
}

cli_gitignore_outside_a_repository() {
  mkdir plain
  leaks plain/leak.py plain/ignored.py
  printf 'ignored.py\n' >plain/.gitignore
  git -C plain rev-parse 2>/dev/null && fail "plain/ is in a git repository"
  expect_reported "plain/ignored.py plain/leak.py" plain
  cd plain || fail "cd"
  expect_reported "ignored.py leak.py"
}

cli_gitignore_defaults_and_exclude_still_apply() {
  git_init
  leaks leak.py .venv/v.py build/b.py node_modules/n.py __pycache__/p.py legacy/l.py
  expect_reported "leak.py legacy/l.py"
  expect_reported "leak.py legacy/l.py" --no-respect-gitignore
  printf 'extend-exclude = ["legacy/"]\n' >viewleak.toml
  leaks ignored.py
  printf 'ignored.py\n' >.gitignore
  expect_reported "leak.py"
  expect_reported "leak.py" --force-exclude .
}

cli_gitignore_every_way_to_name_the_folder() {
  git_init repo
  leaks repo/leak.py repo/ignored.py repo/sub/s.py repo/sub/ignored.py repo/other/o.py
  printf 'ignored.py\n' >repo/.gitignore
  expect_reported "repo/leak.py repo/other/o.py repo/sub/s.py" repo
  expect_reported "repo/leak.py repo/other/o.py repo/sub/s.py" ./repo/
  expect_reported "repo/other/o.py repo/sub/s.py" repo/sub repo/other # two folders, one repository
  expect_reported "$PWD/repo/sub/s.py" "$PWD/repo/sub"
  ln -s repo link
  expect_reported "link/leak.py link/other/o.py link/sub/s.py" link
  cd repo/sub || fail "cd"
  expect_reported "../leak.py ../other/o.py ../sub/s.py" ..
  expect_reported "s.py"
}

cli_gitignore_in_a_worktree() {
  git_init main
  leaks main/leak.py main/ignored.py
  printf 'ignored.py\n' >main/.gitignore
  git -C main add -A && git -C main -c user.name=t -c user.email=t@t commit -qm init || skip "git commit failed"
  git -C main worktree add -q ../wt 2>/dev/null || skip "git worktree add failed"
  [ -f wt/.git ] || fail "wt/.git is not a file"
  expect_reported "wt/leak.py" wt
}

# ---- driver ----

if [ "${1:-}" = --list ]; then
  declare -F | awk '$3 ~ /^cli_/ {print $3}'
  exit 0
fi
if [ -z "$CASE" ] || ! declare -F "$CASE" >/dev/null; then
  echo "usage: $0 VIEWLEAK REPO CASE   (cases: $0 --list)" >&2
  exit 2
fi
case $VL in /*) ;; *) VL=$PWD/$VL ;; esac
[ -x "$VL" ] || { echo "not executable: $VL" >&2; exit 2; }
case $REPO in /*) ;; *) REPO=$PWD/$REPO ;; esac
command -v git >/dev/null || skip "git is not installed"
T=$(mktemp -d /tmp/vl-walk-test.XXXXXX) || exit 2
T=$(cd "$T" && pwd -P)
trap 'rm -rf "$T"' EXIT
mkdir "$T/work" "$T/home"
export LC_ALL=C HOME=$T/home XDG_CONFIG_HOME=$T/home/.config GIT_CEILING_DIRECTORIES=$T GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_CONFIG_GLOBAL
cd "$T/work" || exit 2
"$CASE"
echo "ok: $CASE"
exit 0
