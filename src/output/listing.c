/* listing.c: what the CLI prints besides reports (format.h): rule listings (`viewleak rule`) and
 * rule counts (`check --statistics`), as text or as JSON in Ruff's shape. */
#include <cJSON.h>
#include <stdlib.h>

#include "output/common.h"

static cJSON *rule_object(const VlRuleInfo *r, bool explanation) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_add_string(o, "name", r->name);
  vl_format_json_add_string(o, "code", r->code);
  vl_format_json_add_string(o, "summary", r->summary);
  vl_format_json_check(cJSON_AddBoolToObject(o, "default_enabled", r->default_enabled));
  char *url = vl_format_rule_url(r);
  vl_format_json_add_string(o, "url", url);
  free(url);
  if (explanation) vl_format_json_add_string(o, "explanation", vl_rule_doc(r));
  return o;
}

static void print_json(FILE *out, cJSON *value) {
  vl_format_json_write(out, value, 0);
  fputc('\n', out);
  cJSON_Delete(value);
}

void vl_format_rule(FILE *out, const VlRuleInfo *rule, bool json) {
  if (json) print_json(out, rule_object(rule, true));
  else fputs(vl_rule_doc(rule), out);
}

void vl_format_rule_list(FILE *out, bool json) {
  cJSON *all = json ? vl_format_json_check(cJSON_CreateArray()) : NULL;
  for (size_t i = 0; i < vl_rule_count(); i++) {
    const VlRuleInfo *r = vl_rule_at(i);
    if (json) cJSON_AddItemToArray(all, rule_object(r, true));
    else fprintf(out, "%-6s %-34s %-8s %s\n", r->code, r->name, r->default_enabled ? "enabled" : "off", r->summary);
  }
  if (json) print_json(out, all);
}

void vl_format_statistics(FILE *out, const VlRuleCount *counts, size_t n, bool json) {
  cJSON *all = json ? vl_format_json_check(cJSON_CreateArray()) : NULL;
  for (size_t i = 0; i < n; i++) {
    const VlRuleCount *c = &counts[i];
    if (!json) {
      fprintf(out, "%zu\t%s\t%s%s\n", c->count, c->rule->code, c->fixable ? "[*] " : "", c->rule->name);
      continue;
    }
    cJSON *o = vl_format_json_check(cJSON_CreateObject());
    if (*c->rule->code) vl_format_json_add_string(o, "code", c->rule->code);
    else vl_format_json_check(cJSON_AddNullToObject(o, "code")); /* syntax errors, as Ruff's */
    vl_format_json_add_string(o, "name", c->rule->name);
    vl_format_json_check(cJSON_AddNumberToObject(o, "count", (double)c->count));
    vl_format_json_check(cJSON_AddBoolToObject(o, "fixable", c->fixable));
    cJSON_AddItemToArray(all, o);
  }
  if (json) print_json(out, all);
}
