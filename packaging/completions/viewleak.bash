# bash completion for viewleak                                    -*- shell-script -*-
#
# Installed as <prefix>/share/bash-completion/completions/viewleak, which bash-completion loads on
# first use; without bash-completion, `source` this file from ~/.bashrc.  Needs nothing from
# bash-completion.  Subcommands, the options of `check` (keep in step with `viewleak check --help`:
# the package tests compare them), output formats, and rule codes (asked from `viewleak rule --all`,
# so they are always those of the installed version).

_viewleak_codes() { # the rule codes, from the viewleak being completed
  local prog=$1
  command -v -- "$prog" >/dev/null 2>&1 || prog=viewleak
  "$prog" rule --all 2>/dev/null | while read -r code _; do printf '%s\n' "$code"; done
}

_viewleak() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} i
  local prog=${COMP_WORDS[0]} eq=""
  # `--opt=value`: bash splits it into `--opt`, `=`, `value` (COMP_WORDBREAKS)
  if [[ $cur == = ]]; then
    cur="" eq="="
  elif [[ $prev == = && COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  _viewleak_reply "$prog" "$cur" "$prev"
  # the word being replaced is `=` itself: keep it
  if [[ -n $eq ]]; then
    for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]="=${COMPREPLY[i]}"; done
  fi
}

# Sets COMPREPLY for the word CUR after PREV.
_viewleak_reply() {
  local prog=$1 cur=$2 prev=$3 cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done

  case $cmd in
    "")
      COMPREPLY=($(compgen -W "check rule server generate-shell-completion version help --help --version -h -V" -- "$cur"))
      ;;
    check)
      case $prev in
        --select | --extend-select | --ignore)
          # a comma-separated list: complete its last element
          local head="" codes
          [[ $cur == *,* ]] && head=${cur%,*},
          codes=$(_viewleak_codes "$prog")
          COMPREPLY=($(compgen -P "$head" -W "$codes ALL" -- "${cur##*,}"))
          return
          ;;
        --output-format)
          COMPREPLY=($(compgen -W "text concise json json-lines sarif github gitlab junit full pylint" -- "$cur"))
          return
          ;;
        --config)
          compopt -o filenames 2>/dev/null || :
          COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur"))
          return
          ;;
        -o | --output-file | --files-from | --stdin-filename | --jobs)
          compopt -o filenames 2>/dev/null || :
          COMPREPLY=($(compgen -f -- "$cur"))
          return
          ;;
        --shard | --exclude | --extend-exclude | --per-file-ignores)
          return # K/N, globs: nothing to complete
          ;;
        --color)
          COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
          return
          ;;
        --cache-dir)
          compopt -o filenames 2>/dev/null || :
          COMPREPLY=($(compgen -d -- "$cur"))
          return
          ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--select --extend-select --ignore --report-unused-noqa --config
          --isolated --force-exclude --no-respect-gitignore --no-cache --cache-dir --fix --unsafe-fixes --diff
          --exit-non-zero-on-fix --stdin-filename --jobs --shard --files-from --output-format -o --output-file
          --statistics -q --quiet --exit-zero --no-color --color --exclude --extend-exclude --per-file-ignores
          --show-files --show-settings --add-noqa -h --help" -- "$cur"))
      else
        compopt -o filenames 2>/dev/null || :
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      ;;
    rule)
      # one argument: a code or --all
      if [[ $prev == --output-format ]]; then
        COMPREPLY=($(compgen -W "text json" -- "$cur"))
      elif [[ $prev == rule ]]; then
        COMPREPLY=($(compgen -W "$(_viewleak_codes "$prog") --all --output-format --help" -- "$cur"))
      fi
      ;;
    generate-shell-completion)
      [[ $prev == generate-shell-completion ]] && COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
      ;;
    server)
      if [[ $prev == --config ]]; then
        compopt -o filenames 2>/dev/null || :
        COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur"))
      else
        COMPREPLY=($(compgen -W "--stdio --config --isolated --help -h" -- "$cur"))
      fi
      ;;
    *)
      COMPREPLY=()
      ;;
  esac
}

complete -F _viewleak viewleak
