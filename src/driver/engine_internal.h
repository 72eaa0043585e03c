/* engine_internal.h: what the engine's parts share (engine.c, session.c): the engine's read-only
 * state, and building a report. */
#ifndef VL_DRIVER_ENGINE_INTERNAL_H
#define VL_DRIVER_ENGINE_INTERNAL_H
#include <tree_sitter/api.h>

#include "base/arena.h"
#include "ir/lower.h"
#include "knowledge/libtable.h"
#include "syntax/pyast.h"
#include "syntax/source.h"
#include "viewleak/viewleak.h"

/* vl_engine_check from a tree already parsed from `text` (borrowed; NULL: parse it), lowered with
 * `memo` (borrowed, read and updated: ir/lower.h; NULL: none). */
VlReport *vl_engine_check_tree(const VlEngine *self, const TSTree *tree, VlLowerMemo *memo, const char *path,
                               const char *text, size_t len, const VlSelection *selection,
                               const VlLibraryExtensions *extensions);
const VlKnowledge *vl_engine_knowledge(const VlEngine *self);
const VlPy *vl_engine_py(const VlEngine *self);

/* A report over `text` (copied) with no diagnostics yet. */
VlReport *vl_report_new(const char *path, const char *text, size_t len);
void vl_report_set_state(VlReport *self, bool syntax_errors, const char *skipped);
/* Takes copies of the diagnostics (their strings must live in the report's arena). */
void vl_report_set_diagnostics(VlReport *self, const VlDiagnostic *diags, size_t n);
/* A notebook's report: code cell k starts at row first_rows[k] and is cell numbers[k] (copied). */
void vl_report_set_cells(VlReport *self, size_t n, const uint32_t *first_rows, const unsigned *numbers);
const VlSource *vl_report_source(const VlReport *self);
VlArena *vl_report_arena(VlReport *self);

#endif
