#!/usr/bin/env bash
# package_test.sh: installing viewleak (cmake --install), the Debian package (cpack), the man page
# and the shell completions.  Run by ctest (tests/package/CMakeLists.txt) as
#
#   package_test.sh CASE        (see the functions case_* below)
#
# Environment: VL_SOURCE_DIR, VL_BINARY_DIR (the build folder, already built), VL_WORK (a scratch
# folder of this test's own), VIEWLEAK (the built binary), VL_VERSION.  Exit 77 = skipped (a shell
# that is not installed).
set -euo pipefail

: "${VL_SOURCE_DIR:?}" "${VL_BINARY_DIR:?}" "${VL_WORK:?}" "${VIEWLEAK:?}" "${VL_VERSION:?}"
SRC=$VL_SOURCE_DIR
COMPLETIONS=$SRC/packaging/completions
HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
log() { echo "--- $*"; }
skip() {
  echo "SKIPPED: $*"
  exit 77
}
need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null || fail "$1 not found: install it with 'apt-get install $2'"
}

# The files every install holds, relative to the prefix; ZSH_DIR is where the zsh completion goes.
expected_files() { # expected_files ZSH_DIR
  local f
  echo bin/viewleak
  echo share/man/man1/viewleak.1.gz
  echo share/doc/viewleak/copyright
  for f in "$SRC"/rules/*.md; do echo "share/doc/viewleak/rules/${f##*/}"; done
  echo share/bash-completion/completions/viewleak
  echo "$1/_viewleak"
  echo share/fish/vendor_completions.d/viewleak.fish
}

# Checks an installed tree: exactly the expected files, with the right contents, and a binary that runs.
check_tree() { # check_tree ROOT ZSH_DIR
  local root=$1 want got f out rc
  want=$(expected_files "$2" | sort)
  got=$(cd "$root" && find . -type f -o -type l | sed 's|^\./||' | sort)
  if [ "$want" != "$got" ]; then
    diff <(echo "$want") <(echo "$got") || true
    fail "installed files differ from the expected ones (< expected, > installed): update tests/package and docs/install.md"
  fi
  [ -x "$root/bin/viewleak" ] || fail "bin/viewleak is not executable"
  gzip -dc "$root/share/man/man1/viewleak.1.gz" | cmp -s - "$SRC/packaging/viewleak.1" || fail "the man page is not packaging/viewleak.1"
  head -c "$(wc -c <"$SRC/LICENSE")" "$root/share/doc/viewleak/copyright" | cmp -s - "$SRC/LICENSE" ||
    fail "copyright does not start with LICENSE"
  for f in "$SRC"/grammar/*/LICENSE; do
    grep -qF "$(head -3 "$f" | tail -1)" "$root/share/doc/viewleak/copyright" || fail "copyright lacks $f"
  done
  for f in "$SRC"/rules/*.md; do cmp -s "$f" "$root/share/doc/viewleak/rules/${f##*/}" || fail "rules/${f##*/} differs"; done
  cmp -s "$COMPLETIONS/viewleak.bash" "$root/share/bash-completion/completions/viewleak" || fail "bash completion differs"
  cmp -s "$COMPLETIONS/_viewleak" "$root/$2/_viewleak" || fail "zsh completion differs"
  cmp -s "$COMPLETIONS/viewleak.fish" "$root/share/fish/vendor_completions.d/viewleak.fish" || fail "fish completion differs"

  out=$("$root/bin/viewleak" --version) || fail "--version failed"
  [ "$out" = "viewleak $VL_VERSION" ] || fail "--version printed '$out'"
  rc=0
  out=$(cd "$SRC" && "$root/bin/viewleak" check --no-cache examples/mixed.py) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 1 ] || fail "check examples/mixed.py exited $rc, expected 1"
  grep -q '^examples/mixed.py:19:25: VL001 ' <<<"$out" || fail "no VL001 finding at examples/mixed.py:19:25"
  local doc
  doc=$("$root/bin/viewleak" rule VL001) || fail "rule VL001 failed"
  [[ $doc == *VL001* ]] || fail "rule VL001 printed no documentation"
}

# ---- cmake --install --prefix P ----
case_install() {
  local prefix=$VL_WORK/prefix
  rm -rf "$prefix"
  cmake --install "$VL_BINARY_DIR" --prefix "$prefix"
  check_tree "$prefix" share/zsh/site-functions
  echo "installed files:"
  (cd "$prefix" && find . -type f | sort | sed 's/^/  /')
}

# ---- cpack -G DEB, dpkg-deb -I/-c, dpkg -x ----
case_deb() {
  need cpack cmake
  need dpkg-deb dpkg
  need dpkg-shlibdeps dpkg-dev
  need readelf binutils
  local out=$VL_WORK/deb arch deb info depends lib path pkg candidates c
  arch=$(dpkg --print-architecture)
  rm -rf "$out"
  mkdir -p "$out"
  log "cpack -G DEB (in $VL_BINARY_DIR)"
  (cd "$VL_BINARY_DIR" && cpack -G DEB -B "$out")
  deb=$out/viewleak_${VL_VERSION}_$arch.deb
  [ -f "$deb" ] || fail "no $deb (found: $(ls "$out"))"

  log "dpkg-deb -I"
  info=$(dpkg-deb -I "$deb")
  printf '%s\n' "$info"
  field() { dpkg-deb -f "$deb" "$1"; }
  [ "$(field Package)" = viewleak ] || fail "Package: $(field Package)"
  [ "$(field Version)" = "$VL_VERSION" ] || fail "Version: $(field Version)"
  [ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
  [ -n "$(field Maintainer)" ] || fail "no Maintainer"
  [ "$(field Section)" = devel ] || fail "Section: $(field Section)"
  # (read whole first: `field ... | grep -q` failed at random under pipefail, when grep closed the
  # pipe before dpkg-deb had written everything and dpkg-deb died of SIGPIPE)
  local description
  description=$(field Description)
  [[ $description == *NumPy* ]] || fail "Description: $description"
  depends=$(field Depends)
  # every shared library the binary needs comes from a package named in Depends
  for lib in $(readelf -d "$VIEWLEAK" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(ldd "$VIEWLEAK" | awk -v l="$lib" '$1 == l { print $3 }')
    [ -n "$path" ] || fail "ldd does not resolve $lib"
    candidates=("$path" "$(readlink -f "$path")" "/usr$path" "${path#/usr}")
    pkg=""
    for c in "${candidates[@]}"; do
      pkg=$(dpkg -S "$c" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$pkg" ] && break
    done
    [ -n "$pkg" ] || fail "no Debian package owns $path ($lib)"
    grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends ($depends) lacks $pkg, which provides $lib"
    echo "$lib: $pkg in Depends"
  done
  # the libraries it opens when first needed (src/base/dynlib.h) are in Depends too, and not linked:
  # linked, they cost every run 4 ms before main().  (Outputs read whole first: see above.)
  local strs needed cache opened
  strs=$(strings -a "$VIEWLEAK")
  needed=$(readelf -d "$VIEWLEAK")
  cache=$(ldconfig -p)
  opened=$(grep -E '^lib(git2|xml2)\.so\.[0-9.]+$' <<<"$strs" | sort -u || true)
  [ "$(wc -l <<<"$opened")" -eq 2 ] || fail "the sonames of libgit2 and libxml2 are not in the binary: $opened"
  for lib in $opened; do
    ! grep -q "NEEDED.*\[$lib\]" <<<"$needed" || fail "$lib is linked; it should be opened when first needed"
    path=$(awk -v l="$lib" '$1 == l { print $NF }' <<<"$cache" | head -1)
    [ -n "$path" ] || fail "ldconfig does not know $lib"
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$pkg" ] || fail "no Debian package owns $path ($lib)"
    grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "Depends ($depends) lacks $pkg, which provides $lib (opened when needed)"
    echo "$lib: $pkg in Depends (opened when needed)"
  done

  log "dpkg-deb -c"
  local listing files
  listing=$(dpkg-deb -c "$deb")
  printf '%s\n' "$listing"
  files=$(awk '$1 !~ /^d/ { print $6 }' <<<"$listing" | sed 's|^\./usr/||' | sort)
  [ "$files" = "$(expected_files share/zsh/vendor-completions | sort)" ] ||
    { diff <(expected_files share/zsh/vendor-completions | sort) <(echo "$files") || true; fail "the package's files differ"; }
  awk '{ print $6 }' <<<"$listing" | grep -v '^\./usr/' | grep -vx '\./' && fail "files outside /usr"
  awk '{ print $2 }' <<<"$listing" | grep -vx 'root/root' && fail "files not owned by root/root"
  grep -Eq '^-rwxr-xr-x .* \./usr/bin/viewleak$' <<<"$listing" || fail "/usr/bin/viewleak is not -rwxr-xr-x"
  awk '$1 ~ /^d/ && $1 != "drwxr-xr-x"' <<<"$listing" | grep . && fail "folders not drwxr-xr-x"

  log "dpkg -x, then run the extracted binary"
  rm -rf "$out/root"
  dpkg -x "$deb" "$out/root"
  local sections
  sections=$(readelf -S "$out/root/usr/bin/viewleak")
  if [[ $sections == *.symtab* ]]; then fail "/usr/bin/viewleak is not stripped"; fi
  check_tree "$out/root/usr" share/zsh/vendor-completions
}

# ---- the man page ----
case_manpage() {
  local page=$SRC/packaging/viewleak.1 th
  th=$(grep '^\.TH ' "$page")
  grep -q "\"viewleak $VL_VERSION\"" <<<"$th" ||
    fail "packaging/viewleak.1's .TH line ($th) does not say \"viewleak $VL_VERSION\": update it"
  if command -v groff >/dev/null; then
    local warnings
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns: $warnings"
    MANWIDTH=100 groff -man -Tascii -P-c "$page" 2>/dev/null | col -b 2>/dev/null | head -40 || true
  else
    log "groff not installed (apt-get install groff-base): not rendered"
  fi
  for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" FILES EXAMPLES; do
    grep -q "^\.SH \"\?$section\"\?\$" "$page" || fail "no $section section"
  done
}

# ---- what the man page and the completions must know: read off the binary ----
check_options() { # the lines of `check --help` that start with options: "  -q, --quiet   Print..."
  "$VIEWLEAK" check --help | sed -n 's/^ \{1,\}\(-[^ ].*\)$/\1/p' | sed 's/  .*//' |
    grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]*//' | sort -u
}
formats() { # the --output-format names, from the error message's "choose from: a, b, c"
  "$VIEWLEAK" check --output-format '?' 2>&1 >/dev/null | sed -n 's/.*choose from: \(.*\))$/\1/p' | tr -d ',' | tr ' ' '\n' | grep .
}
commands() { "$VIEWLEAK" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF && $1 != "Commands:" { print $1 }' | sort -u; }

case_options() {
  local opt fmt cmd missing=() roff
  local man=$SRC/packaging/viewleak.1 bash=$COMPLETIONS/viewleak.bash zsh=$COMPLETIONS/_viewleak fish=$COMPLETIONS/viewleak.fish
  [ -n "$(check_options)" ] && [ -n "$(formats)" ] && [ -n "$(commands)" ] || fail "could not read options, formats or commands off $VIEWLEAK"
  echo "options of check: $(check_options | paste -sd' ')"
  echo "output formats:   $(formats | paste -sd' ')"
  echo "commands:         $(commands | paste -sd' ')"
  for opt in $(check_options); do
    roff=${opt//-/\\-}
    grep -qF -- "$roff" "$man" || missing+=("man page: $opt")
    grep -qE -- "(^|[ \"'|(])$opt([ \"'|)=]|\$)" "$bash" || missing+=("bash: $opt")
    grep -qE -- "(^|[ {,'*)])$opt([ ,}+=\[]|\$)" "$zsh" || missing+=("zsh: $opt")
    case $opt in
      --*) grep -qE -- "-l ${opt#--}( |\$)" "$fish" || missing+=("fish: $opt") ;;
      -*) grep -qE -- "-s ${opt#-}( |\$)" "$fish" || missing+=("fish: $opt") ;;
    esac
  done
  for fmt in $(formats); do
    grep -qF -- "${fmt//-/\\-}" "$man" || missing+=("man page: format $fmt")
    for f in "$bash" "$zsh" "$fish"; do grep -qE -- "[ (\"']$fmt[ )\"']" "$f" || missing+=("${f##*/}: format $fmt"); done
  done
  for cmd in $(commands); do
    grep -qE -- "^\.(B|BR|BI) \"?$cmd( |\"|\$)" "$man" || missing+=("man page: command $cmd")
    grep -qw -- "$cmd" "$bash" || missing+=("bash: command $cmd")
    grep -qE -- "'$cmd:" "$zsh" || missing+=("zsh: command $cmd")
    grep -qE -- "-a $cmd " "$fish" || missing+=("fish: command $cmd")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    printf '  missing: %s\n' "${missing[@]}"
    fail "the man page or completions lack what viewleak --help lists"
  fi
}

# ---- the completions, run in each shell with the built binary on PATH ----
bin_path() {
  mkdir -p "$VL_WORK/bin"
  ln -sf "$VIEWLEAK" "$VL_WORK/bin/viewleak"
  echo "$VL_WORK/bin:$PATH"
}

case_bash() {
  PATH=$(bin_path) bash --norc --noprofile "$HERE/complete_bash.sh" "$COMPLETIONS/viewleak.bash" "$(check_options | paste -sd' ')"
}

case_zsh() {
  command -v zsh >/dev/null || skip "zsh not installed (apt-get install zsh)"
  zsh -n "$COMPLETIONS/_viewleak" || fail "zsh -n: syntax error"
  local dir=$VL_WORK/zsh
  rm -rf "$dir"
  mkdir -p "$dir/files"
  touch "$dir/files/conf.toml" "$dir/files/other.py"
  cd "$dir/files"
  PATH=$(bin_path) zsh -f "$HERE/complete_zsh.zsh" "$COMPLETIONS" \
    'viewleak ch' 'viewleak check ' \
    'viewleak check --output-format=j' 'json-lines' \
    'viewleak check --output-format=json-' 'json-lines ' \
    'viewleak check --sel' '--select=' \
    'viewleak check --extend-select=' 'VL001 +-- ' \
    'viewleak check --ignore VL001,' 'ALL +-- every rule' \
    'viewleak rule ' 'viewleak rule VL' \
    'viewleak check --config ' 'conf\.toml' \
    'viewleak ' 'version +-- '
}

case_fish() {
  command -v fish >/dev/null || skip "fish not installed (apt-get install fish)"
  fish --no-execute "$COMPLETIONS/viewleak.fish" || fail "fish --no-execute: syntax error"
  local dir=$VL_WORK/fish opt out
  rm -rf "$dir"
  mkdir -p "$dir"
  touch "$dir/conf.toml" "$dir/other.py"
  cd "$dir"
  complete_fish() { # complete_fish LINE: the candidates, one per line (without descriptions)
    fish --no-config -c "source $COMPLETIONS/viewleak.fish; complete -C '$1'" | cut -f1
  }
  expect() { # expect LINE CANDIDATE...
    local line=$1 got c
    shift
    got=$(PATH=$(bin_path) complete_fish "$line")
    for c in "$@"; do grep -qxF -- "$c" <<<"$got" || fail "fish: '$line' does not offer '$c' (got: $(paste -sd' ' <<<"$got"))"; done
    echo "ok fish: '$line' -> $(paste -sd' ' <<<"$got")"
  }
  expect 'viewleak ' check rule version help
  expect 'viewleak ch' check
  expect 'viewleak check --output-format ' text concise json json-lines sarif github gitlab junit
  expect 'viewleak check --output-format=j' --output-format=json --output-format=json-lines --output-format=junit
  expect 'viewleak check --select ' VL001 ALL
  expect 'viewleak check --ignore VL001,' VL001,ALL
  expect 'viewleak rule ' VL001
  expect 'viewleak rule -' --all
  expect 'viewleak check ' conf.toml other.py
  expect 'viewleak check --config ' conf.toml
  # shellcheck disable=SC2046
  expect 'viewleak check -' $(check_options)
  # without viewleak on PATH: no rule codes, and no error
  out=$(PATH=/usr/bin:/bin fish --no-config -c "source $COMPLETIONS/viewleak.fish; complete -C 'viewleak rule '" 2>&1)
  [ -z "$out" ] || fail "fish without viewleak on PATH printed: $out"
}

cmd=${1:?usage: package_test.sh CASE}
declare -F "case_$cmd" >/dev/null || fail "no case '$cmd'"
mkdir -p "$VL_WORK"
"case_$cmd"
echo "ok: $cmd"
