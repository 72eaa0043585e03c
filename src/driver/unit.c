/* unit.c: one file's check, configuration to fixed text (unit.h). */
#include "driver/unit.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "driver/fix.h"

void vl_unit_settings(VlUnitSettings *out, const VlConfig *config, const char *path, const VlUnitOverrides *overrides) {
  static const VlUnitOverrides none = {0};
  const VlUnitOverrides *o = overrides ? overrides : &none;
  /* the overrides' ignore, then the overrides' per-file-ignores that match: one ignore list on top */
  VlStrList ignore = {0};
  size_t n = o->ignore ? o->ignore->count : 0;
  for (size_t i = 0; o->per_file_ignores && i < o->per_file_ignores->nper_file_ignores; i++)
    n += o->per_file_ignores->per_file_ignores[i].codes.count;
  ignore.items = vl_xcalloc(n ? n : 1, sizeof(char *)); /* the strings are borrowed */
  for (size_t i = 0; o->ignore && i < o->ignore->count; i++) ignore.items[ignore.count++] = o->ignore->items[i];
  for (size_t i = 0; o->per_file_ignores && i < o->per_file_ignores->nper_file_ignores; i++) {
    const VlPerFileIgnore *p = &o->per_file_ignores->per_file_ignores[i];
    if (vl_config_matches(o->per_file_ignores, p->pattern, path))
      for (size_t k = 0; k < p->codes.count; k++) ignore.items[ignore.count++] = p->codes.items[k];
  }
  out->selection = vl_config_selection(config, path, o->select, o->extend_select, &ignore);
  out->extensions = vl_config_extensions(config);
  free(ignore.items);
}

void vl_unit_settings_free(VlUnitSettings *self) {
  vl_selection_delete(self->selection);
  self->selection = NULL;
}

void vl_unit_check(const VlUnitRequest *req, const VlChecker *checker, VlUnitResult *out) {
  memset(out, 0, sizeof *out);
  VlReport *(*recheck)(void *, const char *, const char *, size_t, const VlUnitSettings *) =
      checker->recheck ? checker->recheck : checker->check;
  VlReport *r = checker->check(checker->ctx, req->path, req->text, req->len, req->settings);
  char *fixed = NULL;
  size_t fixed_len = 0, applied_total = 0;
  for (int pass = 0; req->fix != VL_FIX_MODE_NONE && pass < VL_FIX_MAX_PASSES; pass++) {
    size_t n, applied;
    char *next = vl_fix_source(r, req->fix == VL_FIX_MODE_UNSAFE, &n, &applied);
    if (!next) break;
    VlReport *again = recheck(checker->ctx, req->path, next, n, req->settings);
    if (vl_report_count(again) >= vl_report_count(r)) {
      /* the fixes left as many findings as they were meant to fix: an edit that does not remove its
       * finding would be applied again in every pass (`.copy().copy()...`); this pass is dropped */
      vl_report_delete(again);
      free(next);
      break;
    }
    if (out->unfixed) vl_report_delete(r);
    else out->unfixed = r;
    r = again;
    free(fixed);
    fixed = next;
    fixed_len = n;
    applied_total += applied;
  }
  out->report = r;
  if (fixed && req->notebook) { /* the notebook's JSON, its changed source lines re-encoded */
    char *json = vl_notebook_apply(req->notebook, fixed, fixed_len, &fixed_len, out->error, sizeof out->error);
    free(fixed);
    fixed = json;
  }
  out->fixed = fixed;
  out->fixed_len = fixed ? fixed_len : 0;
  out->applied = applied_total;
  if (out->unfixed && !fixed) vl_unit_result_unfix(out); /* the fixes cannot go back into the notebook */
  if (req->notebook) {
    vl_notebook_annotate(req->notebook, out->report);
    if (out->unfixed) vl_notebook_annotate(req->notebook, out->unfixed);
  }
}

void vl_unit_result_unfix(VlUnitResult *self) {
  if (self->unfixed) {
    vl_report_delete(self->report);
    self->report = self->unfixed;
    self->unfixed = NULL;
  }
  free(self->fixed);
  self->fixed = NULL;
  self->fixed_len = 0;
  self->applied = 0;
}

void vl_unit_result_free(VlUnitResult *self) {
  vl_report_delete(self->report);
  vl_report_delete(self->unfixed);
  free(self->fixed);
  self->report = self->unfixed = NULL;
  self->fixed = NULL;
}
