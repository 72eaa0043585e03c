/* rule.c: `viewleak rule CODE` and `viewleak rule --all`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "viewleak/viewleak.h"

int vl_cmd_rule(int argc, char **argv) {
  if (argc < 2) return vl_cli_usage_error("rule: give a rule code (e.g. VL001) or --all%s", "");
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
  if (!r) return vl_cli_usage_error("rule: unknown rule '%s' (see 'viewleak rule --all')", argv[1]);
  fputs(vl_rule_doc(r), stdout);
  return VL_EXIT_CLEAN;
}
