# complete_zsh.zsh FPATH_DIR TYPED PATTERN [TYPED PATTERN]...: types each TYPED text into an
# interactive zsh (in a pseudo-terminal, zpty) with compinit and FPATH_DIR first on fpath, presses
# TAB, and checks that the screen then matches PATTERN (grep -E, ANSI escapes removed).  Run with
# `zsh -f`, viewleak on PATH.
zmodload zsh/zpty || { print "FAIL: no zsh/zpty module"; exit 1 }
fdir=$1
shift
failed=0

zpty z zsh -f -i
zpty -w z "PS1='%% '; RPS1=''; unsetopt beep; fpath=($fdir \$fpath); autoload -Uz compinit; compinit -u -D; print READY\$((6*7))"

# Reads the terminal until PATTERN shows (or 8 s pass); the text read is left in $screen.
read_until() {
  local pattern=$1 chunk deadline=$(( SECONDS + 8 ))
  screen=""
  while (( SECONDS < deadline )); do
    if zpty -r -t z chunk; then
      screen+=$chunk
      print -rn -- "$screen" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\r//g' | grep -Eq -- "$pattern" && return 0
    else
      sleep 0.1
    fi
  done
  return 1
}

read_until READY42 || { print "FAIL: zsh did not start: $screen"; exit 1 }
while (( $# >= 2 )); do
  typed=$1 pattern=$2
  shift 2
  zpty -w -n z "$typed"$'\t'
  if read_until "$pattern"; then
    print -r -- "ok zsh: '$typed' -> /$pattern/"
  else
    print -r -- "FAIL zsh: '$typed' did not show /$pattern/; the screen:"
    print -rn -- "$screen" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g; s/\r//g'
    print
    failed=1
  fi
  # clear the line and drain the screen
  zpty -w -n z $'\C-e\C-u'
  zpty -w z "print DONE\$((6*7))"
  read_until DONE42 >/dev/null
done
zpty -d z
exit $failed
