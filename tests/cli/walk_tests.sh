#!/usr/bin/env bash
# walk_tests.sh: end-to-end tests of which files `viewleak check` walks and reports, with the built
# binary, each case in its own scratch folder (ctest label `cli`):
#   cli_gitignore_*  what git ignores is not walked (scratch repositories made with `git init`)
#   cli_shard_*      --shard K/N: the shards' findings together are exactly a whole run's
#   cli_results_do_not_depend_on_jobs_or_paths  the same findings at 1, 2, 3 jobs, from any folder
#   cli_output_*     -o FILE: written whole at the end, never over a file being checked
#   cli_non_regular_files  /dev/zero, a FIFO, --config/--files-from of them: refused at once
#   cli_write_errors       a report or fixed source that cannot be written: exit 2
#   cli_add_noqa_*         --add-noqa: directives for the current findings, written atomically
#   cli_completion_*       generate-shell-completion prints the packaged scripts
#   cli_version_everywhere --version, CMake, CHANGELOG and the documented snippets name one version
#
#   walk_tests.sh VIEWLEAK REPO CASE     run one case (REPO: the source tree, for fixtures/, examples/)
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

# ---- cli_shard_*: --shard K/N ----

# shards N: for each printed path read from stdin, "K path" with K its shard of N, as docs/ci.md
# documents it: the path's 64-bit FNV-1a hash modulo N, plus 1.
shards() {
  command -v python3 >/dev/null || skip "python3 is not installed"
  python3 -c '
import sys
for path in sys.stdin.read().split():
    h = 0xcbf29ce484222325
    for b in path.encode():
        h = ((h ^ b) * 0x100000001b3) % 2**64
    print(h % int(sys.argv[1]) + 1, path)' "$1"
}

cli_shard_usage_errors() {
  local bad
  for bad in 0/4 5/4 1/0 0/0 4 /4 4/ 2/4x x/4 -1/4 +1/4 " 1/4" 1/4/2 1.5/4 1/100001 ""; do
    run --shard "$bad" "$REPO/examples"
    expect_rc 2
    expect_empty "$T/out"
    [ "$(wc -l <"$T/err")" = 1 ] || fail "--shard '$bad': not one line on stderr"
    expect_has "$T/err" "viewleak: --shard: '$bad' is not K/N with 1 <= K <= N"
  done
  run --shard 1/2 --stdin-filename x.py </dev/null
  expect_rc 2
  expect_has "$T/err" "--shard splits the files to check: it cannot be used with --stdin-filename"
  run --shard
  expect_rc 2
  expect_has "$T/err" "option '--shard' needs a value"
}

# The same findings whatever the threads and wherever the files are: each module's analysis reads
# only what the modules planned before it export, and a value's possibilities are kept in the order
# they were made, not by address (a longer path, or another thread, moves every allocation).
cli_results_do_not_depend_on_jobs_or_paths() {
  local deep="$T/a/much/longer/folder/name/than/the/repository/has/to/move/every/allocation"
  mkdir -p "$deep" || fail "mkdir"
  cp -R "$REPO/fixtures" "$deep/" || fail "cp fixtures"
  cd "$REPO" || fail "cd $REPO"
  run --output-format concise --isolated --select ALL --jobs 1 fixtures
  [ "$rc" = 1 ] || fail "jobs 1: exit $rc"
  sort "$T/out" >"$T/one"
  [ "$(grep -c ': VL' "$T/one")" -gt 100 ] || fail "too few findings in fixtures: $(wc -l <"$T/one")"
  for jobs in 2 3; do
    run --output-format concise --isolated --select ALL --jobs "$jobs" "$REPO/fixtures"
    sed "s|^$REPO/||" "$T/out" | sort >"$T/many"
    cmp -s "$T/one" "$T/many" || fail "--jobs $jobs, absolute paths: $(diff "$T/one" "$T/many" | head -5)"
    (cd "$deep" && "$VL" check --no-color --output-format concise --isolated --select ALL --jobs "$jobs" fixtures) \
      | sort >"$T/moved"
    cmp -s "$T/one" "$T/moved" || fail "--jobs $jobs, in $deep: $(diff "$T/one" "$T/moved" | head -5)"
  done
}

# expect_union FOLDER N: the findings of shards 1..N of FOLDER, together, are exactly the whole run's
# (as JSON lines, each with its file, position, message, fix and related location), and each shard
# reports only its own files.
expect_union() {
  local folder=$1 n=$2 k wrong
  run --output-format json-lines --jobs 2 "$folder"
  [ "$rc" = 1 ] || fail "whole run of $folder: exit $rc"
  sort "$T/out" >"$T/whole"
  : >"$T/union"
  : >"$T/claimed"
  for k in $(seq 1 "$n"); do
    run --output-format json-lines --jobs 2 --shard "$k/$n" "$folder"
    [ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "shard $k/$n of $folder: exit $rc"
    cat "$T/out" >>"$T/union"
    sed 's/.*"filename":"\([^"]*\)".*/'"$k"' \1/' "$T/out" | sort -u >>"$T/claimed"
  done
  cut -d' ' -f2 "$T/claimed" | shards "$n" >"$T/shards" || exit
  wrong=$(awk 'NR == FNR { shard[$2] = $1; next } shard[$2] != $1' "$T/shards" "$T/claimed" | head -3)
  [ -z "$wrong" ] || fail "reported by the wrong shard of $n (shard file): $wrong"
  sort "$T/union" >"$T/union.sorted"
  cmp -s "$T/whole" "$T/union.sorted" ||
    fail "the $n shards of $folder differ from the whole run: $(diff "$T/whole" "$T/union.sorted" | head -5)"
  [ -s "$T/whole" ] || fail "no findings in $folder"
}

cli_shard_union_is_the_whole_run_fixtures() {
  cd "$REPO" || fail "cd $REPO"
  expect_union fixtures 2
  expect_union fixtures 3
}

cli_shard_union_is_the_whole_run_examples() {
  cd "$REPO" || fail "cd $REPO"
  expect_union examples 2
  expect_union examples 3
}

cli_shard_dependencies_in_other_shards() {
  cd "$REPO" || fail "cd $REPO"
  local appends=fixtures/vl002/pos_multimodule_helper_appends rebind=fixtures/vl001/pos_multimodule_helper_rebind
  # the files of each program land in different shards
  local want="1 $appends/collect.py 2 $appends/main.py 1 $rebind/geometry.py 2 $rebind/main.py"
  [ "$(echo $want | awk '{ for (i = 2; i <= NF; i += 2) print $i }' | shards 2 | tr '\n' ' ')" = "$want " ] ||
    fail "the files of $appends and $rebind are no longer in shards 1 and 2 of 2 as listed: $want"
  # the helper in collect.py stores the view; only main.py's loop shows it: main.py, in the other
  # shard, is analysed all the same
  expect_reported "$appends/collect.py" --shard 1/2 $appends
  expect_reported "" --shard 2/2 $appends
  # main.py's leak is a view returned by geometry.py's helper, in the other shard
  expect_reported "$rebind/main.py" --shard 2/2 $rebind
  expect_reported "" --shard 1/2 $rebind
  # the same when each file is named
  expect_reported "$appends/collect.py" --shard 1/2 $appends/collect.py $appends/main.py
  expect_reported "$rebind/main.py" --shard 2/2 $rebind/main.py $rebind/geometry.py
}

cli_shard_one_of_one_is_the_whole_run() {
  cd "$REPO" || fail "cd $REPO"
  run examples fixtures/vl001
  cp "$T/out" "$T/whole"
  run --shard 1/1 examples fixtures/vl001
  expect_rc 1
  cmp -s "$T/whole" "$T/out" || fail "--shard 1/1 differs from the whole run"
}

cli_shard_fixes_only_its_files() {
  cp -r "$REPO/fixtures/vl002/pos_multimodule_helper_appends" app
  cp "$REPO/examples/mixed.py" app/mixed.py
  [ "$(printf 'app/collect.py app/mixed.py' | shards 2 | tr '\n' ' ')" = "1 app/collect.py 2 app/mixed.py " ] ||
    fail "app/collect.py and app/mixed.py are no longer in shards 1 and 2 of 2"
  cp -r app before
  run --fix --unsafe-fixes --shard 1/2 app
  expect_rc 0
  expect_has "$T/out" "Fixed 1 finding."
  cmp -s before/collect.py app/collect.py && fail "--shard 1/2 --fix left app/collect.py alone"
  cmp -s before/mixed.py app/mixed.py || fail "--shard 1/2 --fix changed app/mixed.py, of shard 2"
  cmp -s before/main.py app/main.py || fail "--shard 1/2 --fix changed app/main.py"
  expect_reported "app/mixed.py" app
}

# ---- -o: the report never costs a byte of anything else ----

# `check o.py -o o.py` and `check -o main.py` (a typo for another flag): refused, the file untouched.
cli_output_is_a_checked_file() {
  cp "$REPO/examples/mixed.py" o.py
  cp o.py before.py
  run o.py -o o.py
  [ "$rc" = 2 ] || fail "check o.py -o o.py exited $rc, not 2"
  grep -q "refusing to write the report over it" "$T/err" || fail "no error naming the refusal"
  cmp -s before.py o.py || fail "o.py changed"
  run -o o.py
  [ "$rc" = 2 ] || fail "check -o o.py (checking .) exited $rc, not 2"
  cmp -s before.py o.py || fail "o.py changed when checking ."
  [ -z "$(ls -A | grep viewleak-report)" ] || fail "temporary report left: $(ls -A)"
}

# The report replaces the output file only once complete; a new file gets the usual permissions.
cli_output_written_whole() {
  cp "$REPO/examples/mixed.py" o.py
  echo "an older report" > report.txt
  run o.py -o report.txt
  [ "$rc" = 1 ] || fail "exit $rc, not 1"
  grep -q "VL001" report.txt || fail "report.txt has no finding: $(cat report.txt)"
  grep -q "older" report.txt && fail "the old report is still there"
  [ -z "$(ls -A | grep viewleak-report)" ] || fail "temporary report left"
  run o.py -o fresh.txt
  [ "$(stat -c %a fresh.txt)" = "$(umask -S >/dev/null; printf '%o' $((0666 & ~$(umask))))" ] ||
    fail "fresh.txt has mode $(stat -c %a fresh.txt)"
}

# ---- inputs that are not files: refused at once, never read without end ----

cli_non_regular_files() {
  mkfifo fifo.py || skip "mkfifo failed"
  local args
  for args in "/dev/zero" "fifo.py" "--config /dev/zero ." "--files-from /dev/zero"; do
    # shellcheck disable=SC2086
    timeout 20 "$VL" check --no-color --no-cache $args >"$T/out" 2>"$T/err"
    rc=$?
    [ "$rc" = 2 ] || fail "check $args exited $rc, not 2 (124: it hung)"
    grep -q "not a regular file" "$T/err" || fail "check $args: no 'not a regular file' error"
  done
}

# A report or a fixed source that cannot be written is an error (exit 2), never a success.
cli_write_errors() {
  [ -w /dev/full ] || skip "no /dev/full"
  cp "$REPO/examples/mixed.py" o.py
  "$VL" check --no-color --no-cache o.py >/dev/full 2>"$T/err"
  rc=$?
  [ "$rc" = 2 ] || fail "check > /dev/full exited $rc, not 2"
  grep -q "cannot write to standard output" "$T/err" || fail "no write error named"
  "$VL" check --no-color --fix --unsafe-fixes --stdin-filename x.py <o.py >/dev/full 2>"$T/err"
  rc=$?
  [ "$rc" = 2 ] || fail "--fix --stdin-filename > /dev/full exited $rc, not 2 (the fixed source is lost)"
}

# ---- --add-noqa: a directive for every current finding, written atomically ----

noqa_case_py() { # two findings on one line, one on a line with another tool's directive
  cat <<'EOF'
import numpy as np


def pick(data, n):
    kept = []
    for i in range(n):
        kept.append(data[i, :])  # noqa: E501
        kept.append(data[:, i]); kept.append(data[i])
        data = np.delete(data, i, axis=0)
    return kept
EOF
}

# Every finding gets a directive (merged into an existing `# noqa: E501`), before a CRLF line ending;
# the next check is clean; a second --add-noqa adds nothing.
cli_add_noqa_then_clean() {
  noqa_case_py >a.py
  leak_py | sed 's/$/\r/' >crlf.py
  "$VL" check --no-cache --add-noqa . >"$T/out" 2>"$T/err"
  rc=$?
  expect_rc 0
  expect_has "$T/err" "Added 3 noqa directives."
  expect_has a.py "kept.append(data[i, :])  # noqa: E501, VL001"
  expect_has a.py "kept.append(data[:, i]); kept.append(data[i])  # noqa: VL001"
  grep -q "data\[i, :\])  # noqa: VL001"$'\r'"\$" crlf.py || fail "crlf.py: no directive before its CRLF"
  run --no-cache .
  expect_rc 0
  "$VL" check --no-cache --add-noqa . 2>"$T/err" >/dev/null
  expect_has "$T/err" "Added 0 noqa directives."
}

# The file is replaced through the atomic writer (driver/fix.c): a new inode renamed over it, the
# mode kept, nothing left behind, nothing printed on stdout.
cli_add_noqa_atomic() {
  noqa_case_py >a.py
  chmod 640 a.py
  local before after
  before=$(stat -c %i a.py)
  "$VL" check --no-cache --add-noqa a.py 2>"$T/err" >"$T/out" || fail "exit $?"
  after=$(stat -c %i a.py)
  [ "$before" != "$after" ] || fail "a.py was rewritten in place (inode $before kept), not renamed over"
  [ "$(stat -c %a a.py)" = 640 ] || fail "mode $(stat -c %a a.py), want 640"
  expect_empty "$T/out"
  [ "$(ls -A)" = "a.py" ] || fail "left behind: $(ls -A | tr '\n' ' ')"
}

# ---- generate-shell-completion: the packaged scripts, built in ----

cli_completion_is_the_packaged_script() {
  local shell file
  for shell in bash zsh fish; do
    case $shell in bash) file=viewleak.bash ;; zsh) file=_viewleak ;; fish) file=viewleak.fish ;; esac
    "$VL" generate-shell-completion $shell >"$T/out" 2>"$T/err" || fail "generate-shell-completion $shell: exit $?"
    cmp -s "$T/out" "$REPO/packaging/completions/$file" || fail "$shell: not packaging/completions/$file"
  done
  # usable as printed: bash loads it and completes a command
  bash --norc --noprofile -c 'source <("$0" generate-shell-completion bash) && complete -p viewleak' "$VL" \
    >"$T/out" 2>&1 || fail "bash could not load it"
  expect_has "$T/out" "complete -F _viewleak viewleak"
}

# ---- the version: one number in the binary, the build, the CHANGELOG and the documented snippets ----

cli_version_everywhere() {
  local v stale
  v=$("$VL" --version | sed -n 's/^viewleak \([0-9][0-9.]*\)$/\1/p')
  [ -n "$v" ] || fail "viewleak --version: '$("$VL" --version)'"
  grep -q "^project(viewleak VERSION $v " "$REPO/CMakeLists.txt" || fail "CMakeLists.txt's project() is not version $v"
  grep -qE "^## $v( |\$)" "$REPO/CHANGELOG.md" || fail "CHANGELOG.md has no '## $v' section"
  grep -q "rev: v$v\$" "$REPO/README.md" || fail "README.md's pre-commit snippet does not name rev: v$v"
  # every tag the README and docs name is this version's (docs/release.md says how it is made)
  stale=$(grep -rnoE "(rev: |VIEWLEAK_REF: |--branch )v[0-9][0-9.]*" "$REPO/README.md" "$REPO/docs" | grep -v "v$v\$" || true)
  [ -z "$stale" ] || fail "snippets naming another version than v$v: $stale"
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
