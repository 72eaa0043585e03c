#!/usr/bin/env bash
# tests/fuzz/sanitize.sh: the runs under ThreadSanitizer and valgrind that the ctest label `sanitize`
# makes (tests/CMakeLists.txt).  The whole suite under ASan+UBSan is `scripts/dev test`'s second
# pass (a build with -DVL_SANITIZE=ON).
#
#   sanitize.sh tsan-build BUILD_DIR          build viewleak with -fsanitize=thread in BUILD_DIR/tsan
#   sanitize.sh tsan-pool BUILD_DIR           check fixtures/, examples/ and tests/fuzz/threads/ (modules
#                                             analysed side by side while others export) with --jobs 2 and 4
#   sanitize.sh tsan-server BUILD_DIR         `viewleak server` over a scripted session
#   sanitize.sh valgrind VIEWLEAK             memcheck over check and check --diff of every fixture:
#                                             no errors, no leaks
# Each fails on any sanitizer or memcheck report (and on an unexpected exit code).
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:?what}
arg=${2:?build folder or viewleak}
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
inputs=(fixtures examples tests/fuzz/threads)

expect() { # expect WANTED CMD...: run CMD, fail unless it exits WANTED
  local want=$1 rc=0
  shift
  "$@" || rc=$?
  if [ "$rc" != "$want" ]; then
    echo "sanitize: exit $rc (wanted $want): $*" >&2
    exit 1
  fi
}

case $what in
  tsan-build)
    cmake -S . -B "$arg/tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVL_BUILD_TESTS=OFF \
      -DCMAKE_C_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
    cmake --build "$arg/tsan" -j"$(nproc)" --target viewleak >/dev/null
    echo "sanitize: built $arg/tsan/viewleak" ;;
  tsan-pool)
    for jobs in 2 4; do
      expect 1 "$arg/tsan/viewleak" check --no-cache --isolated --select ALL --jobs $jobs -q "${inputs[@]}"
      expect 0 "$arg/tsan/viewleak" check --isolated --select ALL --jobs $jobs --exit-zero -q \
        --cache-dir "$arg/tsan/cache" "${inputs[@]}" # twice: the second run reads the cache
    done
    echo "sanitize: --jobs 2 and 4 under TSan: no report" ;;
  tsan-server)
    expect 0 "$arg/tsan/viewleak" server --isolated <tests/fuzz/seeds/lsp/raw_framed >/dev/null
    echo "sanitize: server session under TSan: no report" ;;
  valgrind)
    vg=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible
        --errors-for-leak-kinds=definite,indirect,possible --track-fds=no)
    expect 1 "${vg[@]}" "$arg" check --no-cache --isolated --select ALL -q "${inputs[@]}" >/dev/null
    expect 1 "${vg[@]}" "$arg" check --no-cache --isolated --select ALL --diff --unsafe-fixes -q "${inputs[@]}" >/dev/null
    expect 1 "${vg[@]}" "$arg" check --no-cache --isolated --select ALL --output-format sarif -q "${inputs[@]}" >/dev/null
    echo "sanitize: memcheck over every fixture: no error, no leak" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
