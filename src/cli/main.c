/* main.c: the `viewleak` command: dispatches to the subcommands (one table), and the usage-error
 * helpers they share (cli.h).
 *
 * The CLI is a thin front end over the library (include/viewleak/viewleak.h and the driver):
 * argument parsing and printing only.  Exit codes follow Ruff: 0 clean, 1 findings, 2
 * usage/configuration/I/O error (after reporting what it could). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/suggest.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "viewleak/viewleak.h"

static int cmd_version(int argc, char **argv) {
  (void)argc, (void)argv;
  printf("viewleak %s\n", VL_VERSION);
  return VL_EXIT_CLEAN;
}

static int cmd_help(int argc, char **argv);

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} commands[] = {
    {"check", vl_cmd_check},   {"rule", vl_cmd_rule}, {"server", vl_cmd_server},
    {"generate-shell-completion", vl_cmd_completion}, {"version", cmd_version}, {"help", cmd_help},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static void print_usage(FILE *out) {
  fputs("viewleak: finds NumPy views that keep rebound arrays alive in loops\n"
        "\n"
        "Usage: viewleak <command> [options]\n"
        "\n"
        "Commands:\n",
        out);
  vl_cli_print_commands(out);
  fputs("\n"
        "Options:\n"
        "  -h, --help        Show help (also: viewleak <command> --help)\n"
        "  -V, --version     Show the version\n",
        out);
}

static int cmd_help(int argc, char **argv) {
  (void)argc, (void)argv;
  print_usage(stdout);
  return VL_EXIT_CLEAN;
}

int vl_cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "viewleak: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nRun 'viewleak --help' for usage.\n");
  va_end(ap);
  return VL_EXIT_ERROR;
}

int vl_cli_option_error(const char *cmd, const struct option *opts, char **argv, int c) {
  if (c == ':') { /* a known option without its value */
    for (size_t i = 0; opts[i].name; i++)
      if (opts[i].val == optopt) return vl_cli_usage_error("%s: option '--%s' needs a value", cmd, opts[i].name);
    return vl_cli_usage_error("%s: option '-%c' needs a value", cmd, optopt);
  }
  for (size_t i = 0; optopt && opts[i].name; i++) /* --fix=yes: a value given to a flag */
    if (opts[i].val == optopt && opts[i].has_arg == no_argument && strncmp(argv[optind - 1], "--", 2) == 0)
      return vl_cli_usage_error("%s: option '--%s' takes no value", cmd, opts[i].name);
  if (optopt) return vl_cli_usage_error("%s: unknown option '-%c'", cmd, optopt);
  const char *arg = argv[optind - 1];
  char typed[128], cand[64][72], near[128];
  const char *names[64];
  size_t n = 0;
  snprintf(typed, sizeof typed, "%.*s", (int)strcspn(arg, "="), arg); /* --selct=X: the name only */
  for (; opts[n].name && n < 64; n++) {
    snprintf(cand[n], sizeof cand[n], "--%s", opts[n].name);
    names[n] = cand[n];
  }
  return vl_cli_usage_error("%s: unknown option '%s'%s", cmd, typed, vl_suggest_phrase(typed, names, n, near, sizeof near));
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_usage(stderr);
    return VL_EXIT_ERROR;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) return cmd_version(argc - 1, argv + 1);
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) return cmd_help(argc - 1, argv + 1);
  const char *names[NCOMMANDS];
  char near[128];
  for (size_t i = 0; i < NCOMMANDS; i++) {
    if (strcmp(cmd, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    names[i] = commands[i].name;
  }
  return vl_cli_usage_error("unknown command '%s'%s", cmd, vl_suggest_phrase(cmd, names, NCOMMANDS, near, sizeof near));
}
