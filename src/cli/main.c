/* main.c: the `viewleak` command line: subcommands check, rule, version.
 *
 * A thin front end over the library (include/viewleak/viewleak.h): parses arguments, walks paths,
 * reads files, hands each to the engine and the reports to an output format.  Exit codes follow
 * Ruff: 0 clean, 1 findings, 2 usage/configuration/I/O error (after reporting what it could). */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver/walk.h"
#include "output/format.h"
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
    "  version           Show the version\n"
    "\n"
    "Options:\n"
    "  -h, --help        Show help (also: viewleak <command> --help)\n"
    "  -V, --version     Show the version\n";

static const char usage_check[] =
    "Usage: viewleak check [OPTIONS] [PATH...]\n"
    "\n"
    "Checks Python files; directories are searched for *.py and *.pyi files (skipping .git,\n"
    "__pycache__, .venv, venv, node_modules, build, dist and hidden folders).\n"
    "\n"
    "Options:\n"
    "      --select CODES        Only these rules (comma-separated codes or prefixes; ALL)\n"
    "      --ignore CODES        Skip these rules (codes or prefixes)\n"
    "      --output-format FMT   Output format: text (default), concise\n"
    "  -q, --quiet               Print findings only: no source context, no summary\n"
    "      --exit-zero           Exit 0 even when there are findings\n"
    "      --no-color            No ANSI colours (also when NO_COLOR is set or output is not a terminal)\n"
    "  -h, --help                Show this help\n"
    "\n"
    "Exit status: 0 no findings, 1 findings, 2 usage, configuration or I/O error.\n";

static int fail_usage(const char *fmt, const char *arg) {
  fprintf(stderr, "viewleak: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nRun 'viewleak --help' for usage.\n");
  return VL_EXIT_ERROR;
}

/* Applies a comma-separated list of codes with `add`; false (with a message) on an unknown one. */
static bool apply_codes(VlSelection *sel, const char *list, bool (*add)(VlSelection *, const char *),
                        const char *option) {
  char *copy = strdup(list), *save = NULL;
  bool ok = true;
  for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
    if (!add(sel, tok)) {
      fprintf(stderr, "viewleak: %s: '%s' matches no rule (see 'viewleak rule --all')\n", option, tok);
      ok = false;
    }
  free(copy);
  return ok;
}

static int cmd_check(int argc, char **argv) {
  enum { OPT_SELECT = 256, OPT_IGNORE, OPT_FORMAT, OPT_EXIT_ZERO, OPT_NO_COLOR };
  static const struct option opts[] = {{"select", required_argument, 0, OPT_SELECT},
                                       {"ignore", required_argument, 0, OPT_IGNORE},
                                       {"output-format", required_argument, 0, OPT_FORMAT},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"exit-zero", no_argument, 0, OPT_EXIT_ZERO},
                                       {"no-color", no_argument, 0, OPT_NO_COLOR},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  VlSelection *sel = vl_selection_new();
  const VlFormat *format = vl_format_find("text");
  bool quiet = false, exit_zero = false, color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
  bool usage_ok = true;
  const char *select = NULL, *ignore = NULL;
  optind = 1;
  opterr = 0;
  for (int c; (c = getopt_long(argc, argv, "+qh", opts, NULL)) != -1;) {
    switch (c) {
    case OPT_SELECT: select = optarg; break;
    case OPT_IGNORE: ignore = optarg; break;
    case OPT_FORMAT:
      format = vl_format_find(optarg);
      if (!format) {
        fprintf(stderr, "viewleak: --output-format: unknown format '%s' (choose from: %s)\n", optarg, vl_format_names());
        usage_ok = false;
      }
      break;
    case 'q': quiet = true; break;
    case OPT_EXIT_ZERO: exit_zero = true; break;
    case OPT_NO_COLOR: color = false; break;
    case 'h': fputs(usage_check, stdout); vl_selection_delete(sel); return VL_EXIT_CLEAN;
    default:
      vl_selection_delete(sel);
      return fail_usage("check: unknown or incomplete option '%s'", argv[optind - 1]);
    }
  }
  if (select) usage_ok &= apply_codes(sel, select, vl_selection_select, "--select");
  if (ignore) usage_ok &= apply_codes(sel, ignore, vl_selection_ignore, "--ignore");
  if (!usage_ok) {
    vl_selection_delete(sel);
    return VL_EXIT_ERROR;
  }

  char err[512];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  if (!engine) {
    fprintf(stderr, "viewleak: internal error: %s\n", err);
    vl_selection_delete(sel);
    return VL_EXIT_ERROR;
  }
  const char *dot = ".";
  VlPathList files;
  if (optind < argc) vl_walk((const char *const *)argv + optind, (size_t)(argc - optind), &files);
  else vl_walk(&dot, 1, &files);

  bool io_error = files.nerrors > 0;
  for (size_t i = 0; i < files.nerrors; i++) fprintf(stderr, "viewleak: error: %s\n", files.errors[i]);
  VlFormatCtx ctx = {.out = stdout, .color = color, .quiet = quiet};
  format->begin(&ctx);
  for (size_t i = 0; i < files.count; i++) {
    char *data;
    size_t len;
    if (!vl_read_file(files.paths[i], &data, &len, err, sizeof err)) {
      fprintf(stderr, "viewleak: error: %s: %s\n", files.paths[i], err);
      io_error = true;
      continue;
    }
    VlReport *r = vl_engine_check(engine, files.paths[i], data, len, sel);
    free(data);
    format->report(&ctx, r);
    ctx.active += vl_report_active(r);
    vl_report_delete(r);
  }
  format->end(&ctx);
  fflush(stdout);
  size_t active = ctx.active;
  vl_path_list_free(&files);
  vl_engine_delete(engine);
  vl_selection_delete(sel);
  if (io_error) return VL_EXIT_ERROR;
  return active && !exit_zero ? VL_EXIT_FINDINGS : VL_EXIT_CLEAN;
}

static int cmd_rule(int argc, char **argv) {
  if (argc < 2) return fail_usage("rule: give a rule code (e.g. VL001) or --all%s", "");
  if (strcmp(argv[1], "--all") == 0) {
    for (size_t i = 0; i < vl_rule_count(); i++) {
      const VlRuleInfo *r = vl_rule_at(i);
      printf("%-6s %-34s %-8s %s\n", r->code, r->name, r->default_enabled ? "enabled" : "off", r->summary);
    }
    return VL_EXIT_CLEAN;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    puts("Usage: viewleak rule CODE | viewleak rule --all");
    return VL_EXIT_CLEAN;
  }
  const VlRuleInfo *r = vl_rule_find(argv[1]);
  if (!r) return fail_usage("rule: unknown rule '%s' (see 'viewleak rule --all')", argv[1]);
  fputs(vl_rule_doc(r), stdout);
  return VL_EXIT_CLEAN;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_top, stderr);
    return VL_EXIT_ERROR;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "check") == 0) return cmd_check(argc - 1, argv + 1);
  if (strcmp(cmd, "rule") == 0) return cmd_rule(argc - 1, argv + 1);
  if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("viewleak %s\n", VL_VERSION);
    return VL_EXIT_CLEAN;
  }
  if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    fputs(usage_top, stdout);
    return VL_EXIT_CLEAN;
  }
  return fail_usage("unknown command '%s'", cmd);
}
