#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] [check|config]: build the libFuzzer targets with clang (ASan, UBSan)
# and fuzz for SECONDS each (default 60), seeded with the fixtures (check) or the test configs
# (config).  Crashes are written to build-fuzz/crash-*; a clean run ends with "fuzz: no crash".
#   apt-get install clang   (libFuzzer ships with Debian's clang)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
which=${2:-all}
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DVL_BUILD_TESTS=OFF \
  -DCMAKE_C_FLAGS="$flags" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target viewleak_core vl_treesitter >/dev/null
libs="build-fuzz/src/libviewleak_core.a build-fuzz/grammar/libvl_treesitter.a $(pkg-config --libs libcjson libgit2 libxml-2.0) -lpthread"
for t in check config; do
  [ "$which" = all ] || [ "$which" = "$t" ] || continue
  clang -fsanitize=fuzzer,address,undefined -g -O1 -Isrc -Isrc/include -Igrammar/tree-sitter/lib/include \
    "tests/fuzz/fuzz_$t.c" $libs -o "build-fuzz/fuzz_$t"
  corpus="build-fuzz/corpus-$t"
  mkdir -p "$corpus"
  if [ "$t" = check ]; then
    for f in fixtures/*/*.py examples/*.py; do cp "$f" "$corpus/$(basename "$(dirname "$f")")_$(basename "$f")"; done
  else
    find tests/cli/data -name '*.toml' -exec cp {} "$corpus"/ \; 2>/dev/null || true
    for f in tests/cli/data/*/pyproject.toml; do cp "$f" "$corpus/$(basename "$(dirname "$f")").toml"; done
  fi
  (cd build-fuzz && ASAN_OPTIONS=detect_leaks=1 "./fuzz_$t" -max_total_time="$secs" -max_len=65536 \
     -artifact_prefix=./ "corpus-$t" 2>&1 | tail -n 3)
done
echo "fuzz: no crash"
