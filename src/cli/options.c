/* options.c: the command line's table (options.h) and the help printed from it. */
#include "cli/options.h"

#include <string.h>

#include "output/format.h"

/* ---- viewleak check ---- */
/* Each entry: name, short, id, value kind, metavar, choices, section, --help text, completion phrase,
 * man page paragraph (roff), conflicting option, flags. */
static const VlCliOption check_options[] = {
    {"select", 0, VL_OPT_SELECT, VL_ARG_CODES, "CODES", NULL, "Rule selection",
     "Only these rules (comma-separated codes or prefixes; ALL)", "run only these rules", "Run only these rules.",
     NULL, VL_OPT_REPEATABLE},
    {"extend-select", 0, VL_OPT_EXTEND_SELECT, VL_ARG_CODES, "CODES", NULL, "Rule selection",
     "Add these rules to the selection", "add these rules to the selection", "Add these rules to the selection.",
     NULL, VL_OPT_REPEATABLE},
    {"ignore", 0, VL_OPT_IGNORE, VL_ARG_CODES, "CODES", NULL, "Rule selection", "Skip these rules (codes or prefixes)",
     "skip these rules", "Skip these rules; wins over\n.BR \\-\\-select .", NULL, VL_OPT_REPEATABLE},
    {"report-unused-noqa", 0, VL_OPT_UNUSED_NOQA, VL_ARG_NONE, NULL, NULL, "Rule selection",
     "Report `# noqa: VLnnn` codes that suppress nothing (VL900)", "report noqa codes that suppress nothing (VL900)",
     "Report\n.B # noqa: VLnnn\ncodes that suppress nothing (rule VL900).", NULL, 0},
    {"exclude", 0, VL_OPT_EXCLUDE, VL_ARG_TEXT, "GLOBS", NULL, "File selection",
     "Files and folders not to walk (comma-separated globs, relative to the current folder): replaces the "
     "configuration's `exclude` and the defaults",
     "globs not to walk (replaces the configuration's)",
     "Comma-separated globs (relative to the current folder, or matching a name) not to walk; replaces the\n"
     "configuration's\n.B exclude\nand the default exclusions.",
     NULL, VL_OPT_REPEATABLE},
    {"extend-exclude", 0, VL_OPT_EXTEND_EXCLUDE, VL_ARG_TEXT, "GLOBS", NULL, "File selection",
     "More files and folders not to walk", "more globs not to walk", "More globs not to walk.", NULL,
     VL_OPT_REPEATABLE},
    {"per-file-ignores", 0, VL_OPT_PER_FILE_IGNORES, VL_ARG_TEXT, "GLOB:CODES", NULL, "File selection",
     "Skip these rules in the matching files (repeatable), on top of the configuration's `per-file-ignores`",
     "rules to skip in matching files (GLOB:CODES)",
     "Skip these rules in the files\n.I GLOB\nmatches (repeatable).", NULL, VL_OPT_REPEATABLE},
    {"show-files", 0, VL_OPT_SHOW_FILES, VL_ARG_NONE, NULL, NULL, "File selection",
     "List the files that would be checked, and stop", "list the files that would be checked",
     "List the files that would be checked, and stop.", NULL, 0},
    {"show-settings", 0, VL_OPT_SHOW_SETTINGS, VL_ARG_NONE, NULL, NULL, "File selection",
     "Show the settings that apply to the first file, and stop", "show the settings of the first file",
     "Show the configuration that applies to the first file and the rules that run there, and stop.", NULL, 0},
    {"config", 0, VL_OPT_CONFIG, VL_ARG_CONFIG, "PATH", NULL, "Configuration",
     "Use this configuration file (pyproject.toml or viewleak.toml)", "use this configuration file",
     "Use this configuration file (a\n.B pyproject.toml\nwith a\n.B [tool.viewleak]\ntable, or a\n.BR viewleak.toml )\n"
     "for every file, instead of the nearest one.",
     "isolated", 0},
    {"isolated", 0, VL_OPT_ISOLATED, VL_ARG_NONE, NULL, NULL, "Configuration", "Ignore all configuration files",
     "ignore all configuration files", "Ignore all configuration files.", "config", 0},
    {"force-exclude", 0, VL_OPT_FORCE_EXCLUDE, VL_ARG_NONE, NULL, NULL, "Configuration",
     "Apply `exclude` to files named on the command line too (pre-commit)",
     "apply exclude to files named on the command line",
     "Apply the configuration's\n.B exclude\nlists to files named on the command line too (by default those are "
     "always checked); the pre-commit\nhooks use it.",
     NULL, 0},
    {"no-respect-gitignore", 0, VL_OPT_NO_RESPECT_GITIGNORE, VL_ARG_NONE, NULL, NULL, "Configuration",
     "Also walk into what .gitignore and git's other exclude files ignore", "also walk into what git ignores",
     "Also walk into the files and folders git ignores (by default, in a git work tree, what\n.B .gitignore\n"
     "files at every level,\n.B .git/info/exclude\nand the global excludes file ignore is skipped, as libgit2 reads "
     "them; the configuration key\n.B respect\\-gitignore = false\ndoes the same).",
     NULL, 0},
    {"no-cache", 0, VL_OPT_NO_CACHE, VL_ARG_NONE, NULL, NULL, "Cache", "Neither read nor write the result cache",
     "neither read nor write the result cache", "Neither read nor write the cache.", NULL, 0},
    {"cache-dir", 0, VL_OPT_CACHE_DIR, VL_ARG_DIR, "DIR", NULL, "Cache",
     "Keep the result cache in DIR (default: $VIEWLEAK_CACHE_DIR, the configuration's `cache-dir`, or "
     ".viewleak_cache at the project root)",
     "keep the result cache in this folder",
     "Keep the cache in\n.I DIR\n(default:\n.BR VIEWLEAK_CACHE_DIR ,\nelse the configuration's\n.BR cache\\-dir ,\n"
     "else\n.B .viewleak_cache\nin the folder of the configuration that applies to the current folder, or in the "
     "current folder).",
     NULL, 0},
    {"fix", 0, VL_OPT_FIX, VL_ARG_NONE, NULL, NULL, "Fixes", "Apply safe fixes (files are rewritten atomically)",
     "apply safe fixes", "Apply the safe fixes; files are rewritten atomically.", NULL, 0},
    {"unsafe-fixes", 0, VL_OPT_UNSAFE, VL_ARG_NONE, NULL, NULL, "Fixes", "Also apply unsafe fixes (with --fix or --diff)",
     "also apply unsafe fixes (with --fix or --diff)",
     "Also apply unsafe fixes (fixes that may change behaviour, such as storing\n.B data[i].copy()\ninstead of\n"
     ".BR data[i] ),\nwith\n.B \\-\\-fix\nor\n.BR \\-\\-diff .",
     NULL, 0},
    {"diff", 0, VL_OPT_DIFF, VL_ARG_NONE, NULL, NULL, "Fixes", "Print the fixes as a unified diff; write nothing",
     "print the fixes as a unified diff, write nothing", "Print the fixes as a unified diff and write nothing.", NULL,
     0},
    {"exit-non-zero-on-fix", 0, VL_OPT_EXIT_ON_FIX, VL_ARG_NONE, NULL, NULL, "Fixes",
     "Exit 1 when fixes were applied, even if nothing remains", "exit 1 when fixes were applied",
     "Exit 1 when fixes were applied, even if no finding remains.", NULL, 0},
    {"add-noqa", 0, VL_OPT_ADD_NOQA, VL_ARG_NONE, NULL, NULL, "Fixes",
     "Add `# noqa: CODES` to every line with findings (written atomically), so that only new code fails; prints "
     "nothing else",
     "add noqa directives for every finding",
     "Add\n.B # noqa: CODES\nto every line with findings (each file written atomically), print how many on "
     "standard error, exit 0.",
     NULL, 0},
    {"stdin-filename", 0, VL_OPT_STDIN, VL_ARG_FILE, "NAME", NULL, "Inputs",
     "Read the source from stdin, reported as NAME (`check -`: named -)",
     "read the source from stdin, reported as this name",
     "Read the source from standard input, reported as\n.IR NAME\n.RB ( \"check \\-\"\nreads it as\n.BR \\- ).", NULL,
     0},
    {"files-from", 0, VL_OPT_FILES_FROM, VL_ARG_FILE, "FILE", NULL, "Inputs",
     "Read the paths to check from FILE, one per line (- for stdin)", "read the paths to check from this file",
     "Read the paths to check from\n.IR FILE ,\none per line\n.RB ( \\-\nfor standard input).", NULL, 0},
    {"shard", 0, VL_OPT_SHARD, VL_ARG_TEXT, "K/N", NULL, "Inputs",
     "Report only shard K of N (1 <= K <= N): the files whose path hashes to K-1 modulo N (for CI matrices; every "
     "file is in one shard)",
     "report only shard K of N",
     "Report (and fix) only the files of shard\n.I K\nof\n.I N\n(1 \\(<= K \\(<= N): those whose path, as printed, "
     "has a 64-bit FNV-1a hash equal to K\\-1 modulo N.\nEvery file is in exactly one shard, so N runs with K = 1 to "
     "N (a CI matrix) report together what one\nrun reports; the files the shard's findings depend on (what its "
     "files import, and the files that\nimport them) are analysed in each run.",
     NULL, 0},
    {"output-format", 0, VL_OPT_FORMAT, VL_ARG_FORMAT, "FMT", NULL, "Output", "One of: {formats} (default: text)",
     "output format", NULL /* gencli.c: the format table's names, each with what it is */, NULL, 0},
    {"output-file", 'o', 'o', VL_ARG_FILE, "FILE", NULL, "Output", "Write the report to FILE instead of stdout",
     "write the report to this file", "Write the report to\n.I FILE\ninstead of standard output.", NULL, 0},
    {"statistics", 0, VL_OPT_STATISTICS, VL_ARG_NONE, NULL, NULL, "Output",
     "Print the number of findings per rule instead of the findings", "print the number of findings per rule",
     "Print the number of findings per rule instead of the findings.", NULL, 0},
    {"quiet", 'q', 'q', VL_ARG_NONE, NULL, NULL, "Output", "Print findings only: no source context, no summary",
     "print findings only", "Print findings only: no source context, no summary, nothing when clean.", NULL, 0},
    {"jobs", 0, VL_OPT_JOBS, VL_ARG_TEXT, "N", NULL, "Output", "Check N files at a time (default: the number of CPUs)",
     "check N files at a time",
     "Check N files at a time (default: the number of CPUs); the output order does not depend on it.", NULL, 0},
    {"exit-zero", 0, VL_OPT_EXIT_ZERO, VL_ARG_NONE, NULL, NULL, "Output", "Exit 0 even when there are findings",
     "exit 0 even when there are findings", "Exit 0 even when there are findings.", NULL, 0},
    {"color", 0, VL_OPT_COLOR, VL_ARG_CHOICE, "WHEN", "auto always never", "Output",
     "Colour the output: auto (default: when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR or "
     "CLICOLOR_FORCE force it), always, never",
     "colour the output",
     ".BR auto ,\n.B always\nor\n.BR never .\nWith\n.B auto\n(the default), colours are on when\n.B FORCE_COLOR\nis "
     "set (not empty) or\n.B CLICOLOR_FORCE\nis set (not 0), else off when\n.B NO_COLOR\nis set, else on when "
     "writing to a terminal.",
     NULL, 0},
    {"no-color", 0, VL_OPT_NO_COLOR, VL_ARG_NONE, NULL, NULL, "Output", "The same as --color never", "no ANSI colours",
     "The same as\n.BR \"\\-\\-color never\" .", NULL, 0},
    {"watch", 'w', 'w', VL_ARG_NONE, NULL, NULL, "Output",
     "Check, then check again whenever a checked file or a configuration file changes (Linux; Ctrl-C stops)",
     "check again whenever a file changes",
     "Check, then check again whenever a Python file or notebook under the checked paths, or a configuration\n"
     "file\n.RB ( pyproject.toml ,\n.BR viewleak.toml ,\n.BR .viewleak.toml )\nchanges, as\n.B ruff check \\-\\-watch\n"
     "does; each run ends with a line such as\n.BR \"[13:05:12] Found 2 findings. Watching for file changes.\"\n"
     "New folders are watched too; a burst of changes (an editor's save) gives one run.\nA configuration error is "
     "reported and watching goes on.\nInterrupt (Ctrl-C) or SIGTERM ends it with exit status 0.\nWorks with\n"
     ".BR \\-\\-fix ;\nnot with\n.BR \\-\\-diff ,\n.BR \\-\\-add\\-noqa ,\n.B \\-\\-show\\-files\nor standard "
     "input.\nLinux only (inotify).",
     NULL, 0},
    {"help", 'h', 'h', VL_ARG_NONE, NULL, NULL, "Output", "Show this help", "show help",
     "Print the options of the command.", NULL, 0},
    {0},
};

/* ---- viewleak rule ---- */
static const VlCliOption rule_options[] = {
    {"all", 0, VL_OPT_ALL, VL_ARG_NONE, NULL, NULL, NULL, "List every rule (code, name, default, summary)",
     "list every rule", NULL, NULL, 0},
    {"output-format", 0, VL_OPT_FORMAT, VL_ARG_CHOICE, "FMT", "text json", NULL, "text (default) or json",
     "output format", NULL, NULL, 0},
    {"help", 'h', 'h', VL_ARG_NONE, NULL, NULL, NULL, "Show this help", "show help", NULL, NULL, 0},
    {0},
};

/* ---- viewleak server ---- */
static const VlCliOption server_options[] = {
    {"stdio", 0, VL_OPT_STDIO, VL_ARG_NONE, NULL, NULL, NULL, "Talk on stdin/stdout (the default and only transport)",
     "talk on stdin/stdout (the default)", NULL, NULL, 0},
    {"config", 0, VL_OPT_CONFIG, VL_ARG_CONFIG, "PATH", NULL, NULL, "Use this configuration file for every file",
     "use this configuration file", NULL, "isolated", 0},
    {"isolated", 0, VL_OPT_ISOLATED, VL_ARG_NONE, NULL, NULL, NULL, "Ignore all configuration files",
     "ignore all configuration files", NULL, "config", 0},
    {"help", 'h', 'h', VL_ARG_NONE, NULL, NULL, NULL, "Show this help", "show help", NULL, NULL, 0},
    {0},
};

static const VlCliOption help_only[] = {
    {"help", 'h', 'h', VL_ARG_NONE, NULL, NULL, NULL, "Show this help", "show help", NULL, NULL, 0},
    {0},
};

static const VlCliCommand commands[] = {
    {"check", "[PATH...]", "Check Python files (default: the current directory)", "check Python files and folders",
     VL_ARG_FILE, NULL,
     "Usage: viewleak check [OPTIONS] [PATH...]\n"
     "\n"
     "Checks Python files and Jupyter notebooks; folders are searched for *.py, *.pyi and *.ipynb files\n"
     "(or the configuration's `include`; skipping .git, __pycache__, .venv, venv, node_modules, build,\n"
     "dist and the like, the configuration's `exclude`, and what git ignores).\n",
     "Exit status: 0 no findings, 1 findings, 2 usage, configuration or I/O error.\n", check_options},
    {"rule", "CODE | --all", "Show a rule's documentation, or list every rule", "show a rule's documentation",
     VL_ARG_RULE, NULL,
     "Usage: viewleak rule [OPTIONS] CODE\n"
     "       viewleak rule [OPTIONS] --all\n"
     "\n"
     "Shows a rule's documentation, or lists every rule.\n",
     NULL, rule_options},
    {"server", "", "Run the Language Server (LSP) on stdin/stdout, for editors",
     "run the Language Server (LSP) on stdin/stdout", VL_ARG_NONE, NULL,
     "Usage: viewleak server [OPTIONS]\n"
     "\n"
     "Runs viewleak as a Language Server (LSP 3.17) on stdin/stdout, for editors: open Python files are\n"
     "checked as they change, findings come as warnings with a link to the rule, and the `.copy()` fix\n"
     "comes as a quick fix.  Each file uses the configuration nearest to it, as `viewleak check` does.\n"
     "Editor set-up (Neovim, Helix, Emacs, VS Code): docs/lsp.md.\n",
     "Settings (initializationOptions, or the \"viewleak\" section of workspace/didChangeConfiguration),\n"
     "applied on top of each file's configuration like the options of `viewleak check`:\n"
     "  {\"select\": [\"VL001\"], \"extendSelect\": [\"VL003\", \"VL004\"], \"ignore\": [\"VL002\"]}\n"
     "\n"
     "Supported: positionEncoding utf-16 (default) or utf-8; incremental text sync (open, change with\n"
     "ranges or whole texts, save, close); diagnostics pushed with textDocument/publishDiagnostics, once\n"
     "per burst of changes at its latest version; quick fixes with textDocument/codeAction.\n"
     "Logs go to stderr.\n"
     "\n"
     "Exit status: 0 after shutdown and exit, or when the input ends before initialize; 1 after exit\n"
     "without shutdown, or when the input ends in mid-session; 2 usage or configuration error.\n",
     server_options},
    {"generate-shell-completion", "SHELL", "Print the completion script for bash, zsh or fish",
     "print the completion script for a shell", VL_ARG_CHOICE, "bash zsh fish",
     "Usage: viewleak generate-shell-completion bash|zsh|fish\n", NULL, help_only},
    {"version", "", "Show the version", "show the version", VL_ARG_NONE, NULL, "Usage: viewleak version\n", NULL,
     help_only},
    {"help", "", "Show this help", "show help", VL_ARG_NONE, NULL, "Usage: viewleak help\n", NULL, help_only},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

size_t vl_cli_command_count(void) { return NCOMMANDS; }

const VlCliCommand *vl_cli_command_at(size_t i) { return i < NCOMMANDS ? &commands[i] : NULL; }

const VlCliCommand *vl_cli_command(const char *name) {
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return &commands[i];
  return NULL;
}

void vl_cli_getopt(const VlCliCommand *cmd, struct option opts[VL_CLI_MAX_OPTIONS + 1],
                   char shorts[2 * VL_CLI_MAX_OPTIONS + 2]) {
  size_t n = 0, s = 0;
  shorts[s++] = ':';
  for (const VlCliOption *o = cmd->options; o->name && n < VL_CLI_MAX_OPTIONS; o++, n++) {
    opts[n] = (struct option){o->name, o->arg == VL_ARG_NONE ? no_argument : required_argument, NULL, o->id};
    if (o->short_name) {
      shorts[s++] = o->short_name;
      if (o->arg != VL_ARG_NONE) shorts[s++] = ':';
    }
  }
  opts[n] = (struct option){0, 0, 0, 0};
  shorts[s] = '\0';
}

void vl_cli_option_text(const VlCliOption *opt, char *buf, size_t len) {
  const char *mark = strstr(opt->help, "{formats}");
  if (mark)
    snprintf(buf, len, "%.*s%s%s", (int)(mark - opt->help), opt->help, vl_format_names(), mark + strlen("{formats}"));
  else
    snprintf(buf, len, "%s", opt->help);
}

enum { HELP_COLUMN = 30, HELP_WIDTH = 102 }; /* (lines of at most 102 characters, as the help always had) */

/* Writes `text` from column `col` (the cursor is there), wrapped at HELP_WIDTH, continuation lines
 * indented to HELP_COLUMN. */
static void wrap(FILE *out, const char *text, size_t col) {
  while (*text) {
    size_t room = HELP_WIDTH - col, n = strlen(text);
    if (n > room) { /* break at the last space that fits (or the first one after) */
      size_t cut = room;
      while (cut > 0 && text[cut] != ' ') cut--;
      if (cut == 0) cut = strcspn(text, " ");
      n = cut;
    }
    fprintf(out, "%.*s\n", (int)n, text);
    text += n;
    while (*text == ' ') text++;
    if (*text) fprintf(out, "%*s", HELP_COLUMN, ""), col = HELP_COLUMN;
  }
}

void vl_cli_print_help(FILE *out, const VlCliCommand *cmd) {
  fputs(cmd->usage, out);
  const char *section = "";
  for (const VlCliOption *o = cmd->options; o->name; o++) {
    const char *heading = o->section ? o->section : "Options";
    if (strcmp(heading, section) != 0) fprintf(out, "%s%s:\n", section[0] ? "" : "\n", heading);
    section = heading;
    char left[96], text[512];
    int n = o->short_name ? snprintf(left, sizeof left, "  -%c, --%s", o->short_name, o->name)
                          : snprintf(left, sizeof left, "      --%s", o->name);
    if (o->metavar) n += snprintf(left + n, sizeof left - (size_t)n, " %s", o->metavar);
    vl_cli_option_text(o, text, sizeof text);
    if (n + 2 > HELP_COLUMN) fprintf(out, "%s\n%*s", left, HELP_COLUMN, "");
    else fprintf(out, "%-*s", HELP_COLUMN, left);
    wrap(out, text, HELP_COLUMN);
  }
  if (cmd->epilog) fprintf(out, "\n%s", cmd->epilog);
}

void vl_cli_print_commands(FILE *out) {
  for (size_t i = 0; i < NCOMMANDS; i++) {
    char left[96];
    snprintf(left, sizeof left, "%s%s%s", commands[i].name, commands[i].args[0] ? " " : "", commands[i].args);
    fprintf(out, "  %-34s%s\n", left, commands[i].summary);
  }
}
