/* engine.c: the engine (read-only shared state) and the per-file check that produces a report.
 *
 * vl_engine_check runs the phases in order: lower (parse into the IR) -> analyse (flow/) -> rules ->
 * noqa -> sort.  Each call owns its parser, IR, program and arena, so calls may run on several
 * threads at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/vec.h"
#include "diag/noqa.h"
#include "flow/flow.h"
#include "ir/lower.h"
#include "knowledge/libtable.h"
#include "rules/rule.h"
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

typedef struct Sink {
  VlArena *arena;
  const VlSource *src;
  const VlModInfo *mi;
  VL_VEC(VlDiagnostic) diags;
} Sink;

static void emit(void *p, const VlRule *rule, const VlFinding *fd) {
  Sink *s = p;
  if (fd->at.mod != s->mi) return; /* a finding in another file of the program: not this report's */
  VlDiagnostic d = {
      .rule = &rule->info,
      .message = fd->message,
      .help = fd->help,
      .range = {vl_source_pos(s->src, fd->at.start), vl_source_pos(s->src, fd->at.end)},
      .has_related = fd->has_related && fd->related.mod == s->mi,
      .related_message = fd->related_message,
  };
  if (d.has_related) d.related = (VlRange){vl_source_pos(s->src, fd->related.start), vl_source_pos(s->src, fd->related.end)};
  if (fd->fix.applicability != VL_FIX_NONE && fd->fix_insert) {
    VlEdit *edit = VL_ARENA_NEW(s->arena, VlEdit);
    VlPos at = vl_source_pos(s->src, fd->fix_at);
    edit->range = (VlRange){at, at};
    edit->content = fd->fix_insert;
    d.fix = fd->fix;
    d.fix.edits = edit;
    d.fix.nedits = 1;
  }
  VL_VEC_PUSH(&s->diags, d);
}

static int by_position(const void *a, const void *b) {
  const VlDiagnostic *x = a, *y = b;
  if (x->range.start.byte != y->range.start.byte) return x->range.start.byte < y->range.start.byte ? -1 : 1;
  return strcmp(x->rule->code, y->rule->code);
}

/* ---- unused noqa codes (VL900) ---- */
typedef struct UnusedCtx {
  Sink *sink;
  const VlComment *comment;
  const char *text;
  const VlDiagnostic *diags;
  size_t n;
} UnusedCtx;

static void check_code(void *p, const char *code, size_t n, size_t at) {
  UnusedCtx *u = p;
  if (n < 2 || (code[0] != 'V' && code[0] != 'v') || (code[1] != 'L' && code[1] != 'l')) return; /* not ours */
  for (size_t i = 0; i < u->n; i++)
    if (u->diags[i].range.start.row == u->comment->row && strncasecmp(u->diags[i].rule->code, code, n) == 0) return;
  const VlRuleInfo *rule = vl_rule_find("VL900");
  Sink *s = u->sink;
  VlDiagnostic d = {.rule = rule};
  uint32_t start = u->comment->start + (uint32_t)at;
  d.range = (VlRange){vl_source_pos(s->src, start), vl_source_pos(s->src, start + (uint32_t)n)};
  d.message = vl_arena_printf(s->arena, "unused `noqa` directive: `%.*s` suppresses nothing on this line", (int)n, code);
  d.help = "remove the code from the `# noqa` comment";
  VL_VEC_PUSH(&s->diags, d);
}

/* Marks suppressed diagnostics (line `# noqa`, file-level `# viewleak: noqa`), then reports unused
 * noqa codes when VL900 is selected. */
static void apply_noqa(Sink *sink, const VlModule *m, const VlSelection *selection) {
  VlDiagnostic *d = sink->diags.items;
  size_t n = sink->diags.len;
  for (uint32_t k = 0; k < m->ncomments; k++) {
    const VlComment *c = &m->comments[k];
    const char *text = m->text + c->start;
    for (size_t i = 0; i < n; i++)
      if ((d[i].range.start.row == c->row && vl_noqa_covers(text, c->len, d[i].rule->code)) ||
          vl_noqa_file_covers(text, c->len, d[i].rule->code))
        d[i].suppressed = true;
  }
  if (vl_selection_enabled(selection, "VL900"))
    for (uint32_t k = 0; k < m->ncomments; k++) {
      UnusedCtx u = {sink, &m->comments[k], m->text, sink->diags.items, n};
      vl_noqa_codes(m->text + m->comments[k].start, m->comments[k].len, check_code, &u);
    }
}

/* ---- the analysis of one module, reported as rule findings ---- */

typedef struct Found {
  VlArena *arena;
  VL_VEC(VlHit) hits;
  VL_VEC(VlLoopRebind) rebinds;
} Found;

static void on_hit(void *ctx, const VlHit *h) {
  Found *f = ctx;
  VlHit c = *h; /* strings live in the analysis arena, freed after it: keep copies */
  if (c.text) c.text = vl_arena_strdup(f->arena, c.text);
  if (c.base_name) c.base_name = vl_arena_strdup(f->arena, c.base_name);
  if (c.container) c.container = vl_arena_strdup(f->arena, c.container);
  if (c.size) c.size = vl_arena_strdup(f->arena, c.size);
  VL_VEC_PUSH(&f->hits, c);
}

static void on_rebind(void *ctx, const VlLoopRebind *rb) {
  Found *f = ctx;
  VL_VEC_PUSH(&f->rebinds, *rb);
}

/* The module name a file has on its own: its stem ("pkg/utils.py" -> "utils"). */
static char *stem_of(VlArena *arena, const char *path, bool *package) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  *package = strcmp(base, "__init__.py") == 0;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
  else if (n > 4 && strcmp(base + n - 4, ".pyi") == 0) n -= 4;
  return vl_arena_strndup(arena, base, n);
}

VlReport *vl_engine_check(const VlEngine *self, const char *path, const char *text, size_t len,
                          const VlSelection *selection, const VlLibraryExtensions *extensions) {
  VlReport *r = vl_xcalloc(1, sizeof(VlReport));
  r->arena = vl_arena_new();
  r->src = vl_source_new(r->arena, path, text, len);
  VlModule *m = vl_lower(&self->py, NULL, path, r->src->text, r->src->len);
  r->syntax_errors = m->syntax_errors;
  if (m->skipped) {
    r->skipped = m->skipped;
    r->diags = VL_ARENA_ARRAY(r->arena, VlDiagnostic, 1);
    vl_module_delete(m);
    return r;
  }
  VlProgram *prog = vl_program_new(&self->know);
  bool package = false;
  VlModInfo *mi = vl_program_add(prog, stem_of(r->arena, path, &package), path, package, true);
  Found found = {.arena = r->arena};
  VlFlowSink fs = {on_hit, on_rebind, &found};
  vl_analyse_module(prog, mi, m, extensions, &fs);

  Sink sink = {r->arena, r->src, mi, {0}};
  for (size_t i = 0; i < vl_rule_table_len; i++) {
    const VlRule *rule = vl_rule_table[i];
    if (!rule->check || !vl_selection_enabled(selection, rule->info.code)) continue;
    VlRuleCtx ctx = {m, mi, r->arena, found.hits.items, found.hits.len, found.rebinds.items, found.rebinds.len,
                     rule, emit, &sink};
    rule->check(&ctx);
  }
  apply_noqa(&sink, m, selection);
  if (sink.diags.len) qsort(sink.diags.items, sink.diags.len, sizeof(VlDiagnostic), by_position);
  r->count = sink.diags.len;
  r->diags = VL_ARENA_ARRAY(r->arena, VlDiagnostic, r->count ? r->count : 1);
  for (size_t i = 0; i < r->count; i++) {
    r->diags[i] = sink.diags.items[i];
    if (!r->diags[i].suppressed) r->active++;
  }
  VL_VEC_FREE(&sink.diags);
  VL_VEC_FREE(&found.hits);
  VL_VEC_FREE(&found.rebinds);
  vl_program_delete(prog);
  vl_module_delete(m);
  return r;
}

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
