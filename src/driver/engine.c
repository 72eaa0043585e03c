/* engine.c: the engine (read-only shared state) and the per-file check that produces a report.
 *
 * vl_engine_check checks one file as a program of its own (a session of one file, session.c:
 * lower -> analyse -> rules -> noqa -> sort).  Each call owns its session, so calls may run on
 * several threads at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/vec.h"
#include "driver/engine_internal.h"
#include "driver/session_internal.h"
#include "knowledge/libtable.h"
#include "syntax/pyast.h"
#include "syntax/source.h"
#include "viewleak/viewleak.h"

struct VlEngine {
  VlArena *arena;
  VlPy py;
  VlKnowledge know;
};

struct VlReport {
  VlArena *arena;
  VlSource *src;
  VlDiagnostic *diags;
  size_t count, active;
  bool syntax_errors;
  const char *skipped;
  size_t ncells;         /* a notebook's: its code cells' first rows and numbers */
  uint32_t *cell_rows;
  unsigned *cell_numbers;
};

VlEngine *vl_engine_new(char *err, size_t errlen) {
  VlEngine *e = vl_xcalloc(1, sizeof(VlEngine));
  e->arena = vl_arena_new();
  const char *missing = NULL;
  if (!vl_py_init(&e->py, &missing)) {
    snprintf(err, errlen, "the Python grammar has no node or field named '%s'", missing);
    vl_engine_delete(e);
    return NULL;
  }
  if (!vl_knowledge_load(&e->know, e->arena, err, errlen)) {
    vl_engine_delete(e);
    return NULL;
  }
  return e;
}

void vl_engine_delete(VlEngine *self) {
  if (!self) return;
  vl_arena_delete(self->arena);
  free(self);
}

const VlKnowledge *vl_engine_knowledge(const VlEngine *self) { return &self->know; }
const VlPy *vl_engine_py(const VlEngine *self) { return &self->py; }

/* The module name a file has on its own: its stem ("pkg/utils.py" -> "utils"). */
static char *stem_of(const char *path, bool *package) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  *package = strcmp(base, "__init__.py") == 0;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
  else if (n > 4 && strcmp(base + n - 4, ".pyi") == 0) n -= 4;
  return vl_xstrndup(base, n);
}

VlReport *vl_engine_check(const VlEngine *self, const char *path, const char *text, size_t len,
                          const VlSelection *selection, const VlLibraryExtensions *extensions) {
  return vl_engine_check_cells(self, path, text, len, selection, extensions, 0, NULL, NULL);
}

/* One file, a program of its own: parsed here, or from `tree` (a document's, reparsed after an
 * edit); with `ncells`, a notebook's code cells joined (positions are then per cell). */
static VlReport *check_one(const VlEngine *self, const TSTree *tree, VlLowerMemo *memo, const char *path,
                           const char *text, size_t len,
                           const VlSelection *selection, const VlLibraryExtensions *extensions, size_t ncells,
                           const uint32_t *first_rows, const unsigned *numbers) {
  VlSession *s = vl_session_new(self);
  bool package = false;
  char *module = stem_of(path, &package);
  size_t i = vl_session_add(s, path, module, package, true);
  free(module);
  if (ncells) vl_session_set_cells(s, i, ncells, first_rows, numbers);
  vl_session_plan(s);
  s->files.items[i].tree = tree;
  s->files.items[i].memo = memo;
  vl_session_analyse(s, i, text, len, selection, extensions);
  VlReport *r = vl_session_report(s, i, text, len, selection);
  if (ncells) vl_report_set_cells(r, ncells, first_rows, numbers);
  vl_session_delete(s);
  return r;
}

VlReport *vl_engine_check_tree(const VlEngine *self, const TSTree *tree, VlLowerMemo *memo, const char *path,
                               const char *text, size_t len, const VlSelection *selection,
                               const VlLibraryExtensions *extensions) {
  return check_one(self, tree, memo, path, text, len, selection, extensions, 0, NULL, NULL);
}

VlReport *vl_engine_check_cells(const VlEngine *self, const char *path, const char *text, size_t len,
                                const VlSelection *selection, const VlLibraryExtensions *extensions, size_t ncells,
                                const uint32_t *first_rows, const unsigned *numbers) {
  return check_one(self, NULL, NULL, path, text, len, selection, extensions, ncells, first_rows, numbers);
}

VlReport *vl_report_new(const char *path, const char *text, size_t len) {
  VlReport *r = vl_xcalloc(1, sizeof(VlReport));
  r->arena = vl_arena_new();
  r->src = vl_source_new(r->arena, path, text, len);
  r->diags = VL_ARENA_ARRAY(r->arena, VlDiagnostic, 1);
  return r;
}

void vl_report_set_state(VlReport *self, bool syntax_errors, const char *skipped) {
  self->syntax_errors = syntax_errors;
  self->skipped = skipped ? vl_arena_strdup(self->arena, skipped) : NULL;
}

void vl_report_set_diagnostics(VlReport *self, const VlDiagnostic *diags, size_t n) {
  self->count = n;
  self->active = 0;
  self->diags = VL_ARENA_ARRAY(self->arena, VlDiagnostic, n ? n : 1);
  for (size_t i = 0; i < n; i++) {
    self->diags[i] = diags[i];
    if (!diags[i].suppressed) self->active++;
  }
}

void vl_report_set_cells(VlReport *self, size_t n, const uint32_t *first_rows, const unsigned *numbers) {
  self->ncells = n;
  self->cell_rows = VL_ARENA_ARRAY(self->arena, uint32_t, n ? n : 1);
  self->cell_numbers = VL_ARENA_ARRAY(self->arena, unsigned, n ? n : 1);
  if (n) memcpy(self->cell_rows, first_rows, n * sizeof(uint32_t));
  if (n) memcpy(self->cell_numbers, numbers, n * sizeof(unsigned));
}

bool vl_report_cell(const VlReport *self, uint32_t row, unsigned *cell, uint32_t *cell_row) {
  return vl_source_cell_of(self->cell_rows, self->cell_numbers, self->ncells, row, cell, cell_row);
}

const VlSource *vl_report_source(const VlReport *self) { return self->src; }
VlArena *vl_report_arena(VlReport *self) { return self->arena; }

const char *vl_applicability_name(VlApplicability a) {
  return a == VL_FIX_SAFE ? "safe" : a == VL_FIX_UNSAFE ? "unsafe" : "none";
}

void vl_report_delete(VlReport *self) {
  if (!self) return;
  vl_arena_delete(self->arena);
  free(self);
}

const char *vl_report_path(const VlReport *self) { return self->src->path; }
size_t vl_report_count(const VlReport *self) { return self->count; }
size_t vl_report_active(const VlReport *self) { return self->active; }
const VlDiagnostic *vl_report_get(const VlReport *self, size_t i) { return i < self->count ? &self->diags[i] : NULL; }
const char *vl_report_line(const VlReport *self, uint32_t row, size_t *len) { return vl_source_line(self->src, row, len); }
const char *vl_report_text(const VlReport *self, size_t *len) {
  *len = self->src->len;
  return self->src->text;
}
bool vl_report_has_syntax_errors(const VlReport *self) { return self->syntax_errors; }
const char *vl_report_skipped(const VlReport *self) { return self->skipped; }
