# complete_bash.sh COMPLETION_FILE "OPTIONS": runs the bash completion function as bash would, on
# word lists (COMP_WORDS as bash splits them: `--opt=value` is `--opt` `=` `value`), and checks the
# candidates.  OPTIONS: every option of `viewleak check --help`, all of which `check -` must offer.
# Run with `bash --norc --noprofile`, viewleak on PATH.
set -euo pipefail
source "$1"
all_options=$2
complete -p viewleak | grep -q -- '-F _viewleak' || { echo "FAIL: no 'complete -F _viewleak viewleak'"; exit 1; }
failed=0

# expect "WORD WORD ... CUR" CANDIDATE...: the reply holds every CANDIDATE (a leading ! : does not)
expect() {
  local words=$1 c
  shift
  read -r -a COMP_WORDS <<<"$words"
  [[ $words == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _viewleak || true # bash ignores its status; inside it, errexit is off as in a shell
  local got=" ${COMPREPLY[*]} "
  for c in "$@"; do
    if [[ $c == !* ]]; then
      [[ $got != *" ${c#!} "* ]] && continue
    elif [[ $got == *" $c "* ]]; then
      continue
    fi
    echo "FAIL bash: '$words' -> [${COMPREPLY[*]}], expected '$c'"
    failed=1
    return
  done
  echo "ok bash: '$words' -> [${COMPREPLY[*]}]"
}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/conf.toml" "$dir/other.py"
cd "$dir"

expect "viewleak " check rule version help
expect "viewleak ch" check '!rule'
expect "viewleak check --output-f" --output-format --output-file
expect "viewleak check --output-format j" json json-lines junit '!text'
expect "viewleak check --output-format =" =text =json-lines =junit
expect "viewleak check --output-format = js" json json-lines
expect "viewleak check --select VL00" VL001
expect "viewleak check --extend-select " VL001 ALL
expect "viewleak check --ignore VL001,A" VL001,ALL
expect "viewleak rule " VL001 --all '!ALL'
expect "viewleak rule VL001 " '!VL001'
expect "viewleak check --config " conf.toml '!other.py'
expect "viewleak check " conf.toml other.py
expect "viewleak check -o " conf.toml other.py
# shellcheck disable=SC2086
expect "viewleak check -" $all_options
exit $failed
