/* main.c: the `viewleak` command: dispatches to the subcommands.
 *
 * The CLI is a thin front end over the library (include/viewleak/viewleak.h and the driver):
 * argument parsing and printing only.  Exit codes follow Ruff: 0 clean, 1 findings, 2
 * usage/configuration/I/O error (after reporting what it could). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "viewleak/viewleak.h"

static const char usage_top[] =
    "viewleak: finds NumPy views that keep rebound arrays alive in loops\n"
    "\n"
    "Usage: viewleak <command> [options]\n"
    "\n"
    "Commands:\n"
    "  check [PATH...]   Check Python files (default: the current directory)\n"
    "  rule CODE         Show a rule's documentation\n"
    "  rule --all        List every rule\n"
    "  server            Run the Language Server (LSP) on stdin/stdout, for editors\n"
    "  version           Show the version\n"
    "\n"
    "Options:\n"
    "  -h, --help        Show help (also: viewleak <command> --help)\n"
    "  -V, --version     Show the version\n";

int vl_cli_usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "viewleak: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nRun 'viewleak --help' for usage.\n");
  return VL_EXIT_ERROR;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_top, stderr);
    return VL_EXIT_ERROR;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "check") == 0) return vl_cmd_check(argc - 1, argv + 1);
  if (strcmp(cmd, "rule") == 0) return vl_cmd_rule(argc - 1, argv + 1);
  if (strcmp(cmd, "server") == 0) return vl_cmd_server(argc - 1, argv + 1);
  if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("viewleak %s\n", VL_VERSION);
    return VL_EXIT_CLEAN;
  }
  if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    fputs(usage_top, stdout);
    return VL_EXIT_CLEAN;
  }
  return vl_cli_usage_error("unknown command '%s'", cmd);
}
