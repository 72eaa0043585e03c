#!/bin/bash
# exports_same.sh VIEWLEAK DIR... : a module that other modules import names from exports only what
# those names reach (analysis.c: reach_exports).  Proof that this loses nothing: every folder is
# checked with all rules twice, with the exports pruned and with every module exporting everything
# (VIEWLEAK_EXPORT_ALL=1), and the findings must be identical line for line.  The run also checks
# that some summaries were pruned, so that the comparison compares something.
set -u
vl=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0 pruned=0 all=0
for dir in "$@"; do
  VIEWLEAK_STATS=1 "$vl" check --no-cache --isolated --select ALL --output-format concise "$dir" \
    >"$tmp/by_name" 2>"$tmp/stats"
  VIEWLEAK_EXPORT_ALL=1 VIEWLEAK_STATS=1 "$vl" check --no-cache --isolated --select ALL --output-format concise "$dir" \
    >"$tmp/all" 2>"$tmp/stats_all"
  if ! cmp -s "$tmp/by_name" "$tmp/all"; then
    echo "FAIL $dir: findings differ with every export kept (< pruned, > all):"
    diff "$tmp/by_name" "$tmp/all" | head -20
    status=1
  else
    echo "ok   $dir: $(grep -c . "$tmp/by_name") lines the same"
  fi
  # "<path>: exports (by name): N of M summaries, ..."
  pruned=$((pruned + $(awk -F': exports [(][a-z ]*[)]: ' 'NF > 1 {split($2, w, " "); n += w[1]} END {print n + 0}' "$tmp/stats")))
  all=$((all + $(awk -F': exports [(][a-z ]*[)]: ' 'NF > 1 {split($2, w, " "); n += w[1]} END {print n + 0}' "$tmp/stats_all")))
done
echo "summaries exported: $pruned pruned, $all with every export kept"
if [ "$pruned" -ge "$all" ]; then
  echo "FAIL: nothing was pruned; the comparison proves nothing"
  status=1
fi
exit $status
