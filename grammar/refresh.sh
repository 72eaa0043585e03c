#!/usr/bin/env bash
# Refresh the vendored tree-sitter runtime and grammars from their npm packages.
#
#   grammar/refresh.sh           re-fetch the versions pinned in VENDORED.tsv and check their hashes
#   grammar/refresh.sh --update  fetch the versions named in VENDORED.tsv, record their new hashes
#
# VENDORED.tsv is the single record of what is vendored: npm package, version, the folder it lands
# in, the npm integrity hash, and the licence.  Edit the version there, run with --update, build,
# run the tests, and commit the diff.  Without --update a hash mismatch is an error: the registry
# must serve exactly the bytes we reviewed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
update=0
[ "${1:-}" = "--update" ] && update=1
command -v npm >/dev/null || { echo "refresh.sh: npm is needed (Debian: apt-get install npm)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/VENDORED.tsv"

while IFS=$'\t' read -r pkg version dir integrity license; do
  case "$pkg" in ''|'#'*) printf '%s\t%s\t%s\t%s\t%s\n' "$pkg" "$version" "$dir" "$integrity" "$license" >>"$out"; continue;; esac
  echo "fetching $pkg@$version"
  json=$(cd "$work" && npm pack --json "$pkg@$version" 2>/dev/null)
  got=$(printf '%s' "$json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s)[0];console.log(j.integrity+"\t"+j.filename)})')
  got_integrity=${got%%$'\t'*}
  tarball=${got#*$'\t'}
  if [ "$update" = 0 ] && [ "$got_integrity" != "$integrity" ]; then
    echo "refresh.sh: $pkg@$version integrity mismatch: recorded $integrity, registry $got_integrity" >&2
    exit 1
  fi
  mkdir -p "$work/x/$dir"
  tar xzf "$work/$tarball" -C "$work/x/$dir"
  p="$work/x/$dir/package"
  rm -rf "${here:?}/$dir"
  mkdir -p "$here/$dir"
  cp "$p/LICENSE" "$here/$dir/LICENSE"
  if [ -d "$p/vendor/tree-sitter/lib" ]; then            # the runtime
    mkdir -p "$here/$dir/lib"
    cp -r "$p/vendor/tree-sitter/lib/include" "$p/vendor/tree-sitter/lib/src" "$here/$dir/lib/"
  else                                                     # a grammar
    mkdir -p "$here/$dir/src/tree_sitter"
    cp "$p/src/parser.c" "$here/$dir/src/"
    [ -f "$p/src/scanner.c" ] && cp "$p/src/scanner.c" "$here/$dir/src/"
    cp "$p"/src/tree_sitter/*.h "$here/$dir/src/tree_sitter/"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$pkg" "$version" "$dir" "$got_integrity" "$license" >>"$out"
done <"$here/VENDORED.tsv"

cp "$out" "$here/VENDORED.tsv"
echo "vendored packages refreshed; review with: git diff --stat grammar/"
