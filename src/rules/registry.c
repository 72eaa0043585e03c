/* registry.c: the one table of rules.  A rule is defined (descriptor and check) in its own file
 * rules/vlNNN.c, listed here, and documented in rules/VLNNN.md at the top of the repository. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/embed.h"
#include "base/suggest.h"
#include "rules/rule.h"

const VlRule *const vl_rule_table[] = {&vl_rule_vl001, &vl_rule_vl002,
                                       /* performance rules: opt-in (extend-select), like Ruff's PERF family */
                                       &vl_rule_vl003, &vl_rule_vl004,
                                       /* produced by the engine after noqa matching */
                                       &vl_rule_vl900};
const size_t vl_rule_table_len = sizeof vl_rule_table / sizeof vl_rule_table[0];

const VlRuleInfo vl_rule_syntax_error = {"", "syntax-error", "Python that does not parse (only what parsed is analysed)",
                                         true};

size_t vl_rule_count(void) { return vl_rule_table_len; }

const VlRuleInfo *vl_rule_at(size_t i) { return i < vl_rule_table_len ? &vl_rule_table[i]->info : NULL; }

const VlRuleInfo *vl_rule_find(const char *code) {
  for (size_t i = 0; i < vl_rule_table_len; i++)
    if (strcasecmp(vl_rule_table[i]->info.code, code) == 0) return &vl_rule_table[i]->info;
  return NULL;
}

char *vl_rule_suggest(const char *typed, char *out, size_t outlen) {
  const char *codes[sizeof vl_rule_table / sizeof vl_rule_table[0]];
  for (size_t i = 0; i < vl_rule_table_len; i++) codes[i] = vl_rule_table[i]->info.code;
  return vl_suggest_phrase(typed, codes, vl_rule_table_len, out, outlen);
}

const char *vl_rule_doc(const VlRuleInfo *rule) {
  char file[32];
  snprintf(file, sizeof file, "%s.md", rule->code);
  const VlEmbedded *e = vl_embedded_find(file);
  return e ? e->data : "";
}

/* ---- selection ---- */
struct VlSelection {
  char **select; /* NULL: the default set */
  size_t nselect;
  char **ignore;
  size_t nignore;
  bool explicit_select; /* a select list was given, even an empty one */
};

VlSelection *vl_selection_new(void) { return vl_xcalloc(1, sizeof(VlSelection)); }

void vl_selection_delete(VlSelection *self) {
  if (!self) return;
  for (size_t i = 0; i < self->nselect; i++) free(self->select[i]);
  for (size_t i = 0; i < self->nignore; i++) free(self->ignore[i]);
  free(self->select);
  free(self->ignore);
  free(self);
}

static bool prefix_matches(const char *prefix, const char *code) {
  if (strcasecmp(prefix, "ALL") == 0) return true;
  return strncasecmp(prefix, code, strlen(prefix)) == 0;
}

static bool matches_any_rule(const char *prefix) {
  if (!prefix[0]) return false; /* "" is a prefix of every code, opt-in rules included: an error */
  for (size_t i = 0; i < vl_rule_table_len; i++)
    if (prefix_matches(prefix, vl_rule_table[i]->info.code)) return true;
  return false;
}

static void push(char ***list, size_t *n, const char *s) {
  *list = vl_xrealloc(*list, (*n + 1) * sizeof(char *));
  (*list)[(*n)++] = vl_xstrdup(s);
}

bool vl_selection_select(VlSelection *self, const char *prefix) {
  if (!matches_any_rule(prefix)) return false;
  push(&self->select, &self->nselect, prefix);
  self->explicit_select = true;
  return true;
}

void vl_selection_select_none(VlSelection *self) { self->explicit_select = true; }

bool vl_selection_ignore(VlSelection *self, const char *prefix) {
  if (!matches_any_rule(prefix)) return false;
  push(&self->ignore, &self->nignore, prefix);
  return true;
}

bool vl_selection_enabled(const VlSelection *self, const char *code) {
  bool on = false;
  if (!self || !self->explicit_select) {
    const VlRuleInfo *r = vl_rule_find(code);
    on = r && r->default_enabled;
  } else {
    for (size_t i = 0; i < self->nselect; i++)
      if (prefix_matches(self->select[i], code)) on = true;
  }
  if (self)
    for (size_t i = 0; i < self->nignore; i++)
      if (prefix_matches(self->ignore[i], code)) on = false;
  return on;
}
