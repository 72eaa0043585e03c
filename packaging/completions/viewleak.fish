# fish completion for viewleak.
#
# Installed as <prefix>/share/fish/vendor_completions.d/viewleak.fish.  Subcommands, the options of
# `check` (keep in step with `viewleak check --help`: the package tests compare them), output
# formats, and rule codes (asked from `viewleak rule --all`, so they are always those of the
# installed version).

# Rule codes with their summaries ("CODE<tab>summary"), from the viewleak being completed.
function __viewleak_codes
    set -l prog (commandline -opc)[1]
    command -q -- $prog; or set prog viewleak
    command -q -- $prog; and $prog rule --all 2>/dev/null | string replace -r '^(\S+)\s+\S+\s+\S+\s+(.*)$' '$1\t$2'
    printf 'ALL\tevery rule\n'
end

set -l commands check rule server generate-shell-completion version help
complete -c viewleak -f
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -s h -l help -d 'Show help'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -s V -l version -d 'Show the version'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a check -d 'Check Python files and folders'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a rule -d "Show a rule's documentation"
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a server -d 'Run the Language Server (LSP)'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a generate-shell-completion -d 'Print the completion script for a shell'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a version -d 'Show the version'
complete -c viewleak -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show help'

# check [OPTIONS] [PATH...]
set -l check "__fish_seen_subcommand_from check"
complete -c viewleak -n $check -F
complete -c viewleak -n $check -l select -x -a '(__fish_complete_list , __viewleak_codes)' -d 'Run only these rules'
complete -c viewleak -n $check -l extend-select -x -a '(__fish_complete_list , __viewleak_codes)' -d 'Add these rules to the selection'
complete -c viewleak -n $check -l ignore -x -a '(__fish_complete_list , __viewleak_codes)' -d 'Skip these rules'
complete -c viewleak -n $check -l report-unused-noqa -d 'Report noqa codes that suppress nothing (VL900)'
complete -c viewleak -n $check -l config -r -F -d 'Use this configuration file'
complete -c viewleak -n $check -l isolated -d 'Ignore all configuration files'
complete -c viewleak -n $check -l fix -d 'Apply safe fixes'
complete -c viewleak -n $check -l unsafe-fixes -d 'Also apply unsafe fixes (with --fix or --diff)'
complete -c viewleak -n $check -l diff -d 'Print the fixes as a unified diff, write nothing'
complete -c viewleak -n $check -l exit-non-zero-on-fix -d 'Exit 1 when fixes were applied'
complete -c viewleak -n $check -l stdin-filename -r -F -d 'Read the source from stdin, reported as this name'
complete -c viewleak -n $check -l files-from -r -F -d 'Read the paths to check from this file'
complete -c viewleak -n $check -l output-format -x -a 'text concise json json-lines sarif github gitlab junit full pylint' -d 'Output format'
complete -c viewleak -n $check -s o -l output-file -r -F -d 'Write the report to this file'
complete -c viewleak -n $check -l statistics -d 'Print the number of findings per rule'
complete -c viewleak -n $check -s q -l quiet -d 'Print findings only'
complete -c viewleak -n $check -l jobs -x -d 'Check N files at a time'
complete -c viewleak -n $check -l force-exclude -d 'Apply exclude to files named on the command line'
complete -c viewleak -n $check -l no-respect-gitignore -d 'Also walk into what git ignores'
complete -c viewleak -n $check -l shard -x -d 'Report only shard K of N (K/N)'
complete -c viewleak -n $check -l no-cache -d 'Neither read nor write the result cache'
complete -c viewleak -n $check -l cache-dir -x -a '(__fish_complete_directories)' -d 'Keep the result cache in this folder'
complete -c viewleak -n $check -l exit-zero -d 'Exit 0 even when there are findings'
complete -c viewleak -n $check -l no-color -d 'No ANSI colours'
complete -c viewleak -n $check -l color -x -a 'auto always never' -d 'Colour the output'
complete -c viewleak -n $check -l exclude -x -d 'Globs not to walk (replaces the configuration\'s)'
complete -c viewleak -n $check -l extend-exclude -x -d 'More globs not to walk'
complete -c viewleak -n $check -l per-file-ignores -x -d 'GLOB:CODES: rules to skip in matching files'
complete -c viewleak -n $check -l show-files -d 'List the files that would be checked'
complete -c viewleak -n $check -l show-settings -d 'Show the settings of the first file'
complete -c viewleak -n $check -l add-noqa -d 'Add noqa directives for every finding'
complete -c viewleak -n $check -s h -l help -d 'Show help'

# rule CODE | rule --all
set -l rule_arg "__fish_seen_subcommand_from rule; and test (count (commandline -opc)) -eq 2"
complete -c viewleak -n $rule_arg -x -a '(__viewleak_codes | string match -v "ALL*")'
complete -c viewleak -n $rule_arg -l all -d 'List every rule'
complete -c viewleak -n "__fish_seen_subcommand_from rule" -l output-format -x -a 'text json' -d 'Output format'

# generate-shell-completion SHELL
complete -c viewleak -n "__fish_seen_subcommand_from generate-shell-completion" -x -a 'bash zsh fish'
complete -c viewleak -n $rule_arg -s h -l help -d 'Show help'

# server [--stdio] [--config PATH | --isolated]
set -l server "__fish_seen_subcommand_from server"
complete -c viewleak -n $server -l stdio -d 'Talk on stdin/stdout (the default)'
complete -c viewleak -n $server -l config -r -F -d 'Use this configuration file'
complete -c viewleak -n $server -l isolated -d 'Ignore all configuration files'
complete -c viewleak -n $server -s h -l help -d 'Show help'
