/* rule.c: `viewleak rule CODE` and `viewleak rule --all`, as text or JSON (--output-format). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "output/format.h"
#include "viewleak/viewleak.h"

int vl_cmd_rule(int argc, char **argv) {
  const VlCliCommand *cmd = vl_cli_command("rule");
  struct option opts[VL_CLI_MAX_OPTIONS + 1];
  char shorts[2 * VL_CLI_MAX_OPTIONS + 2];
  vl_cli_getopt(cmd, opts, shorts);
  bool all = false, json = false;
  optind = 1;
  opterr = 0;
  for (int c; (c = getopt_long(argc, argv, shorts, opts, NULL)) != -1;) {
    switch (c) {
    case VL_OPT_ALL: all = true; break;
    case VL_OPT_FORMAT:
      if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0)
        return vl_cli_usage_error("rule: --output-format: unknown format '%s' (choose from: text, json)", optarg);
      json = strcmp(optarg, "json") == 0;
      break;
    case 'h': vl_cli_print_help(stdout, cmd); return VL_EXIT_CLEAN;
    default: return vl_cli_option_error("rule", opts, argv, c);
    }
  }
  int args = argc - optind;
  if (all && args) return vl_cli_usage_error("rule: --all takes no rule code (got '%s')", argv[optind]);
  if (all) {
    vl_format_rule_list(stdout, json);
    return VL_EXIT_CLEAN;
  }
  if (args == 0) return vl_cli_usage_error("rule: give a rule code (e.g. VL001) or --all");
  if (args > 1) return vl_cli_usage_error("rule: unexpected argument '%s' (one rule code at a time)", argv[optind + 1]);
  const VlRuleInfo *r = vl_rule_find(argv[optind]);
  char near[64];
  if (!r)
    return vl_cli_usage_error("rule: unknown rule '%s'%s (see 'viewleak rule --all')", argv[optind],
                              vl_rule_suggest(argv[optind], near, sizeof near));
  vl_format_rule(stdout, r, json);
  return VL_EXIT_CLEAN;
}
