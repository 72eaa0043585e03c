#!/usr/bin/env bash
# tests/fuzz/cost_regress.sh VIEWLEAK: each input of tests/fuzz/regress/scale/ (one that once cost far
# more than its size), repeated to 512 KiB (twice what the fuzz_scale target uses), is checked with every rule;
# the check must finish (a generous bound against a hang) without spending its whole step budget
# (VIEWLEAK_STATS prints what is left: "0 steps left of budget" means a blow-up was cut short).
set -euo pipefail
viewleak=${1:?viewleak}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for f in "$here"/regress/scale/*; do
  name=$(basename "$f")
  size=$(wc -c <"$f")
  copies=$(( (512 * 1024) / size ))
  for _ in $(seq "$copies"); do cat "$f"; done >"$tmp/$name.py"
  rc=0
  VIEWLEAK_STATS=1 timeout 300 "$viewleak" check --no-cache --isolated --select ALL -q "$tmp/$name.py" \
    >/dev/null 2>"$tmp/stats" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "cost_regress: $name: exit $rc$([ "$rc" = 124 ] && echo ' (timed out)')" >&2
    fail=1
  elif grep -q " 0 steps left of budget" "$tmp/stats"; then
    echo "cost_regress: $name: the step budget ran out: $(grep 'steps left' "$tmp/stats")" >&2
    grep -E "^  .*steps" "$tmp/stats" | sort -t: -k2 -n | tail -n 3 >&2
    fail=1
  else
    echo "cost_regress: $name ($copies copies): $(grep -o '[0-9]* steps left of budget' "$tmp/stats")"
  fi
done
exit $fail
