/* config_select.c: the rules that run on a file (config.h).
 *
 * Precedence, as Ruff's: the command line's --select, else the configuration's select, else the
 * default-enabled rules; then extend-select (configuration, then command line) adds; then ignore
 * (configuration, then command line) and the per-file-ignores whose glob matches the file remove. */
#include <stdlib.h>

#include "driver/config.h"
#include "driver/glob.h"

static void select_all(VlSelection *sel, const VlStrList *codes) {
  for (size_t i = 0; codes && i < codes->count; i++) vl_selection_select(sel, codes->items[i]);
}

static void ignore_all(VlSelection *sel, const VlStrList *codes) {
  for (size_t i = 0; codes && i < codes->count; i++) vl_selection_ignore(sel, codes->items[i]);
}

VlSelection *vl_config_selection(const VlConfig *self, const char *path, const VlStrList *cli_select,
                                 const VlStrList *cli_extend_select, const VlStrList *cli_ignore) {
  VlSelection *sel = vl_selection_new();
  const VlStrList *select = cli_select && cli_select->count ? cli_select : self->has_select ? &self->select : NULL;
  if (select) {
    vl_selection_select_none(sel);
    select_all(sel, select);
  } else {
    for (size_t i = 0; i < vl_rule_count(); i++)
      if (vl_rule_at(i)->default_enabled) vl_selection_select(sel, vl_rule_at(i)->code);
  }
  select_all(sel, &self->extend_select);
  select_all(sel, cli_extend_select);
  ignore_all(sel, &self->ignore);
  ignore_all(sel, cli_ignore);
  VlGlobTarget t = vl_glob_target(self->dir, path);
  for (size_t i = 0; i < self->nper_file_ignores; i++)
    if (vl_glob_matches(self->per_file_ignores[i].pattern, &t)) ignore_all(sel, &self->per_file_ignores[i].codes);
  vl_glob_target_free(&t);
  return sel;
}
