#!/usr/bin/env bash
# bench/dl-corpus.sh [OUT]: prepares the deep-learning corpus listed in bench/dl-corpus.txt under OUT
# (default bench/.cache/dl-corpus): one folder per entry, each a separate project.  Prints one line
# per entry: prepared, or skipped and why.  Exits 0 when at least one entry was prepared.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/.cache/dl-corpus}
mirror=${VL_MIRROR_ROOT:-/work/.mirror}
dist=${VL_DIST_PACKAGES:-/usr/lib/python3/dist-packages}
mkdir -p "$out"
prepared=0
while read -r kind a b c; do
  case "$kind" in ''|'#'*) continue ;; esac
  if [ "$kind" = debian ]; then
    if [ -d "$dist/$b" ]; then
      ln -sfn "$dist/$b" "$out/$b"
      echo "prepared: $b (Debian $a)"
      prepared=$((prepared + 1))
    else
      echo "skipped: $b: $dist/$b is missing (apt-get install $a)"
    fi
    continue
  fi
  name=${a#*/}
  git_dir="$mirror/${a/\//+}/repo"
  if [ "$b" = - ]; then
    echo "skipped: $a: no commit pinned (the snapshot is too large to bring to this machine)"
    continue
  fi
  if [ ! -d "$git_dir" ] || ! git --git-dir="$git_dir" cat-file -e "$b^{commit}" 2>/dev/null; then
    echo "skipped: $a: commit ${b:0:12} is not in $git_dir (bring the repository with the fetch tool)"
    continue
  fi
  dest="$out/$name"
  if [ ! -f "$dest/.vl-commit" ] || [ "$(cat "$dest/.vl-commit")" != "$b" ]; then
    rm -rf "$dest"
    mkdir -p "$dest"
    # Python files only (a snapshot may lack its largest files: notebooks, weights)
    # (git still reads the absent blobs' headers and says so: that noise is dropped)
    git --git-dir="$git_dir" archive "$b" -- ":(glob)${c:+$c/}**/*.py" 2> >(grep -v "^error: invalid object" >&2) | tar -x -C "$dest"
    echo "$b" > "$dest/.vl-commit"
  fi
  echo "prepared: $name ($a at ${b:0:12})"
  prepared=$((prepared + 1))
done < "$here/dl-corpus.txt"
[ "$prepared" -gt 0 ]
