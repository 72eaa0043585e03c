#!/usr/bin/env bash
# tests/fuzz/run.sh: the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET|all]  build, seed and fuzz each target for SECONDS (default 60)
#   tests/fuzz/run.sh --build                 only build the targets
#   tests/fuzz/run.sh --replay TARGET         run TARGET once on each file of tests/fuzz/regress/TARGET/
#
# Targets: check (analysis of one file, then its fixes), config (configuration loading with library
# extension lists, then an analysis with them), fix (fix application and re-parse), lsp (the
# server's transport and dispatcher), scale (a small input repeated to 256 KiB; with -timeout a cost
# blow-up shows as a timeout).  Seeds: fixtures/, examples/, the test configurations and
# tests/fuzz/seeds/TARGET/.  FUZZ_DIR (default build-fuzz) holds the build, the corpora and any
# crash-*, timeout-* or leak-* file; a run that finds one exits non-zero: copy the file into
# tests/fuzz/regress/TARGET/ (the ctest fuzz.regress.TARGET replays it) and fix the cause.
#   apt-get install clang   (libFuzzer ships with Debian's clang)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=${FUZZ_DIR:-build-fuzz}
mkdir -p "$out"
out=$(cd "$out" && pwd)
targets="check config fix lsp scale"
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }

build() {
  local flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
  cmake -S . -B "$out/cmake" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DVL_BUILD_TESTS=OFF \
    -DCMAKE_C_FLAGS="$flags" >/dev/null
  cmake --build "$out/cmake" -j"$(nproc)" --target viewleak_core viewleak_lsp vl_treesitter >/dev/null
  local b="$out/cmake"
  local libs="$b/src/lsp/libviewleak_lsp.a $b/src/libviewleak_core.a $b/grammar/libvl_treesitter.a"
  libs="$libs $(pkg-config --libs libcjson libgit2 libxml-2.0) -lpthread -lm"
  for t in $targets; do
    # shellcheck disable=SC2086
    clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1 -Wall -Wextra -Werror -Isrc -Isrc/include \
      -Igrammar/tree-sitter/lib/include "tests/fuzz/fuzz_$t.c" $libs -o "$out/fuzz_$t"
  done
}

seed() { # seed TARGET DIR: the starting corpus
  local t=$1 dir=$2 f d
  rm -rf "$dir"
  mkdir -p "$dir"
  case $t in
    check | fix)
      for f in fixtures/*/*.py examples/*.py; do d=${f%/*}; cp "$f" "$dir/${d##*/}_${f##*/}"; done ;;
    scale) # (few seeds: each one costs a 256 KiB analysis before the fuzzing starts)
      for f in examples/*.py; do head -c 4096 "$f" >"$dir/examples_${f##*/}"; done ;;
    config)
      while IFS= read -r f; do cp "$f" "$dir/${f//\//_}"; done < <(find tests/cli/data -name '*.toml')
      for d in tests/cli/data/cfg_ext tests/cli/data/cfg_ext_view; do
        for f in "$d"/*.py; do
          { cat "$d/viewleak.toml"; printf '#---\n'; cat "$f"; } >"$dir/${d##*/}_${f##*/}.toml"
        done
      done ;;
  esac
  if [ -d "tests/fuzz/seeds/$t" ]; then cp tests/fuzz/seeds/"$t"/* "$dir"/; fi
  if [ -d "tests/fuzz/regress/$t" ]; then cp tests/fuzz/regress/"$t"/* "$dir"/ 2>/dev/null || true; fi
}

options() { # the libFuzzer options of a target.  -timeout is wall time: at 256 KiB a linear-cost input
  # takes about 7 s under ASan (70 s on a machine loaded 10x), a quadratic one (random bytes before
  # issue 13) more than 400 s
  case $1 in
    scale) echo "-max_len=4096 -timeout=300 -report_slow_units=600 -rss_limit_mb=4096" ;;
    *) echo "-max_len=65536 -timeout=120 -report_slow_units=600 -rss_limit_mb=4096" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
case "${1:-}" in
  --build)
    build
    echo "fuzz: built $targets in $out" ;;
  --replay)
    t=${2:?--replay TARGET}
    [ -x "$out/fuzz_$t" ] || build
    files=(tests/fuzz/regress/"$t"/*)
    [ -e "${files[0]}" ] || { echo "fuzz: no regression inputs for $t"; exit 0; }
    # shellcheck disable=SC2046
    if ! "$out/fuzz_$t" $(options "$t") "${files[@]/#/$root/}" >"$out/replay-$t.log" 2>&1; then
      tail -n 40 "$out/replay-$t.log" >&2
      echo "fuzz: $t: a regression input fails (log: $out/replay-$t.log)" >&2
      exit 1
    fi
    echo "fuzz: $t: ${#files[@]} regression inputs pass" ;;
  *)
    secs=${1:-60}
    which=${2:-all}
    [ -x "$out/fuzz_check" ] || build
    for t in $targets; do
      [ "$which" = all ] || [ "$which" = "$t" ] || continue
      seed "$t" "$out/corpus-$t"
      mkdir -p "$out/found-$t"
      rc=0
      # shellcheck disable=SC2046
      (cd "$out/found-$t" && "$out/fuzz_$t" $(options "$t") -max_total_time="$secs" -print_final_stats=1 \
        -artifact_prefix="$out/found-$t/" "$out/corpus-$t") >"$out/fuzz-$t.log" 2>&1 || rc=$?
      grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^#[0-9]+ +DONE" "$out/fuzz-$t.log" || true
      if [ "$rc" != 0 ] || ls "$out/found-$t"/{crash,timeout,leak,oom}-* >/dev/null 2>&1; then # (not slow-unit-*)
        grep -E "ERROR|SUMMARY|Test unit written|runtime error|==[0-9]+==" "$out/fuzz-$t.log" | head -n 20 >&2 || true
        echo "fuzz: $t failed (exit $rc); inputs in $out/found-$t/, log $out/fuzz-$t.log" >&2
        exit 1
      fi
      echo "fuzz: $t: no crash, timeout or leak in ${secs}s"
    done ;;
esac
