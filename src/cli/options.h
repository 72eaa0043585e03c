/* options.h: the command line's one table: the subcommands, their options, and what each option's
 * value is (rule codes, a format name, one of a few words, a file ...).
 *
 * Everything that lists the command line is made from it: each command's --help (vl_cli_print_help),
 * the getopt_long tables the commands parse with (vl_cli_getopt), the top-level command list, and,
 * by build/vl_gencli (gencli.c), the shell completions in packaging/completions/ and the OPTIONS
 * section of packaging/viewleak.1 (checked in; the test cli_generated fails when they are stale;
 * regenerate with `scripts/dev generate`).  Output format names come from the format table
 * (output/format.h), rule codes from the rule registry (asked of `viewleak rule --all` by the
 * completions at completion time).
 *
 * The table is constant: thread-safe. */
#ifndef VL_CLI_OPTIONS_H
#define VL_CLI_OPTIONS_H
#include <getopt.h>
#include <stdio.h>

/* What an option's value (or a command's argument) is, which says how a shell completes it. */
typedef enum VlArgKind {
  VL_ARG_NONE,   /* a flag: no value */
  VL_ARG_CODES,  /* comma-separated rule codes or prefixes, or ALL */
  VL_ARG_RULE,   /* one rule code */
  VL_ARG_FORMAT, /* an output format name (the format table) */
  VL_ARG_CHOICE, /* one of `choices` */
  VL_ARG_FILE,   /* a file name */
  VL_ARG_CONFIG, /* a configuration file (*.toml) */
  VL_ARG_DIR,    /* a folder */
  VL_ARG_TEXT,   /* anything else (globs, a number, K/N): nothing to complete */
} VlArgKind;

/* getopt_long's values of the options without a short form (one list for every command). */
enum {
  VL_OPT_SELECT = 256, VL_OPT_EXTEND_SELECT, VL_OPT_IGNORE, VL_OPT_FORMAT, VL_OPT_EXIT_ZERO, VL_OPT_NO_COLOR,
  VL_OPT_CONFIG, VL_OPT_ISOLATED, VL_OPT_FIX, VL_OPT_UNSAFE, VL_OPT_DIFF, VL_OPT_EXIT_ON_FIX, VL_OPT_STDIN,
  VL_OPT_FILES_FROM, VL_OPT_STATISTICS, VL_OPT_UNUSED_NOQA, VL_OPT_JOBS, VL_OPT_FORCE_EXCLUDE,
  VL_OPT_NO_RESPECT_GITIGNORE, VL_OPT_SHARD, VL_OPT_NO_CACHE, VL_OPT_CACHE_DIR, VL_OPT_COLOR, VL_OPT_EXCLUDE,
  VL_OPT_EXTEND_EXCLUDE, VL_OPT_PER_FILE_IGNORES, VL_OPT_SHOW_FILES, VL_OPT_SHOW_SETTINGS, VL_OPT_ADD_NOQA,
  VL_OPT_ALL, VL_OPT_STDIO,
};

enum { VL_OPT_REPEATABLE = 1 }; /* VlCliOption.flags: may be given more than once, each adding */

typedef struct VlCliOption {
  const char *name;      /* the long name, without "--" */
  char short_name;       /* 'o' for -o, or 0 */
  int id;                /* what getopt_long returns: short_name, else a VL_OPT_ value */
  VlArgKind arg;         /* VL_ARG_NONE: a flag */
  const char *metavar;   /* the value's name in --help and the man page (CODES, FMT) */
  const char *choices;   /* VL_ARG_CHOICE: the words, space-separated */
  const char *section;   /* --help's heading (check), NULL: under "Options:" */
  const char *help;      /* --help's text, one paragraph (wrapped when printed) */
  const char *brief;     /* the completions' description: a short phrase */
  const char *man;       /* the man page's paragraph (roff); NULL: not in the man page */
  const char *conflicts; /* the long name of an option it cannot be used with, or NULL */
  unsigned flags;
} VlCliOption;

typedef struct VlCliCommand {
  const char *name;
  const char *args;     /* its arguments as the top-level help shows them ("[PATH...]") */
  const char *summary;  /* the top-level help's line */
  const char *brief;    /* the completions' description */
  VlArgKind operand;    /* what its arguments are (VL_ARG_NONE: none) */
  const char *choices;  /* operand VL_ARG_CHOICE: the words */
  const char *usage;    /* --help before the options: "Usage: ..." and what it does */
  const char *epilog;   /* --help after the options, or NULL */
  const VlCliOption *options; /* ends with a {0} entry */
} VlCliCommand;

/* The commands, in the order help lists them. */
size_t vl_cli_command_count(void);
const VlCliCommand *vl_cli_command_at(size_t i);
/* The command of that name, or NULL. */
const VlCliCommand *vl_cli_command(const char *name);

/* Fills getopt_long's table for `cmd` (room for VL_CLI_MAX_OPTIONS + 1 entries, ended by a zero
 * entry) and its short-option string (":" first, so a missing value is reported as ':'). */
enum { VL_CLI_MAX_OPTIONS = 64 };
void vl_cli_getopt(const VlCliCommand *cmd, struct option opts[VL_CLI_MAX_OPTIONS + 1], char shorts[2 * VL_CLI_MAX_OPTIONS + 2]);

/* Prints a command's --help: its usage, its options (by section), its epilog. */
void vl_cli_print_help(FILE *out, const VlCliCommand *cmd);
/* Prints the top-level help's list of commands ("  check [PATH...]   Check ..."). */
void vl_cli_print_commands(FILE *out);

/* The option's help text as printed ("One of: text, concise, ... (default: text)" for a format). */
void vl_cli_option_text(const VlCliOption *opt, char *buf, size_t len);

#endif
