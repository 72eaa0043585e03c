#define _POSIX_C_SOURCE 200809L
/* analysis.c: analysing one module.
 *
 * Order of work, so that every function sees the module's globals and the summaries it calls:
 *   1. function and class facts (names, parameters, methods) into the module's VlModInfo;
 *   2. a first walk of the module body in which calls of the module's own functions are not
 *      followed: it gives the module's globals (imports, classes, constants) as functions see them;
 *   3. every function, on demand and then in order: a frame whose parameters are symbols, run to
 *      its fixpoint; its retention hits reported; its summary kept (a recursive function is
 *      analysed again with its first summary until that stops changing);
 *   4. the module body again, now following calls (scripts whose loops call helpers);
 *   5. exports: summaries, globals and class facts copied into the module's own arena, for the
 *      modules analysed after it. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/ptrmap.h"
#include "base/str.h"
#include "base/strmap.h"
#include "flow/analysis.h"
#include "syntax/source.h"

static VlValues *V(const Analysis *an) { return an->vals; }
static bool site_visible(const Frame *F, const VlSite *s);

/* ---- program ---- */

struct VlProgram {
  const VlKnowledge *know;
  VL_VEC(VlModInfo *) mods;
  VlStrMap by_name; /* module name -> index of the first module of that name */
  VlArena *names;   /* the modules' names and paths (keys of by_name) */
  /* what the modules others import export, for the whole run: one store, so that thousands of
   * small modules waste no partly filled blocks; written under `lock` by the analysing thread */
  VlArena *shared;
  VlStrMap shared_strs; /* strings in it, each once (parameter and attribute names repeat a lot) */
  pthread_mutex_t lock;
  size_t njobs;         /* the plan (vl_program_set_plan): 0 when there is none */
  size_t *dep_at, *deps;
};

void vl_program_set_plan(VlProgram *self, size_t njobs, const size_t *dep_at, const size_t *deps) {
  free(self->dep_at);
  free(self->deps);
  self->njobs = njobs;
  self->dep_at = vl_xcalloc(njobs + 1, sizeof(size_t));
  memcpy(self->dep_at, dep_at, (njobs + 1) * sizeof(size_t));
  self->deps = vl_xcalloc(dep_at[njobs] + 1, sizeof(size_t));
  if (dep_at[njobs]) memcpy(self->deps, deps, dep_at[njobs] * sizeof(size_t));
}

bool vl_program_ready(const VlProgram *self, const VlModInfo *reader, const VlModInfo *mod, uint8_t **reach) {
  if (mod == reader) return true;
  if (!self->njobs || reader->job >= self->njobs || mod->job >= self->njobs) return mod->analysed;
  if (mod->job == reader->job) return mod->analysed; /* the same job: one thread, in a fixed order */
  if (!*reach) { /* the jobs the reader's job waits for, directly or not: done before it starts */
    uint8_t *r = vl_xcalloc(self->njobs, 1);
    size_t *todo = vl_xcalloc(self->njobs + 1, sizeof(size_t)), n = 0;
    todo[n++] = reader->job;
    while (n) {
      size_t j = todo[--n];
      for (size_t k = self->dep_at[j]; k < self->dep_at[j + 1]; k++)
        if (!r[self->deps[k]]) r[self->deps[k]] = 1, todo[n++] = self->deps[k];
    }
    free(todo);
    *reach = r;
  }
  return (*reach)[mod->job] != 0;
}

/* A copy of s where module mi's facts live: in the shared store, one copy per distinct string. */
static const char *fact_str(VlModInfo *mi, const char *s) {
  if (!s) return NULL;
  if (!mi->shared) return vl_arena_strdup(mi->facts, s);
  VlProgram *p = mi->prog;
  const char *known = vl_strmap_key(&p->shared_strs, s);
  if (known) return known;
  const char *c = vl_arena_strdup(p->shared, s);
  vl_strmap_put(&p->shared_strs, c, 0);
  return c;
}

VlProgram *vl_program_new(const VlKnowledge *know) {
  VlProgram *p = vl_xcalloc(1, sizeof(VlProgram));
  p->know = know;
  p->names = vl_arena_new();
  p->shared = vl_arena_new_mapped();
  pthread_mutex_init(&p->lock, NULL);
  return p;
}

void vl_program_delete(VlProgram *self) {
  if (!self) return;
  if (getenv("VIEWLEAK_STATS"))
    fprintf(stderr, "program: %zu modules; shared exports %.1f MiB (%.1f MiB used), %zu distinct strings\n",
            self->mods.len, (double)vl_arena_bytes(self->shared) / 1048576.0,
            (double)vl_arena_used(self->shared) / 1048576.0, self->shared_strs.len);
  for (size_t i = 0; i < self->mods.len; i++) vl_modinfo_delete(self->mods.items[i]);
  VL_VEC_FREE(&self->mods);
  free(self->dep_at);
  free(self->deps);
  vl_strmap_free(&self->by_name);
  vl_arena_delete(self->names);
  vl_arena_delete(self->shared);
  vl_strmap_free(&self->shared_strs);
  pthread_mutex_destroy(&self->lock);
  free(self);
}

/* The folder a module's top package is in: its path's folder, less one folder per dot of its name
 * (and the package's own folder for an __init__.py). */
static const char *module_root(VlArena *a, const char *name, const char *path, bool package) {
  size_t strip = package ? 1 : 0;
  for (const char *d = name; *d; d++) strip += *d == '.';
  const char *slash = strrchr(path, '/');
  size_t len = slash ? (size_t)(slash - path) : 0;
  while (strip-- > 0 && len > 0) {
    while (len > 0 && path[len - 1] != '/') len--;
    if (len > 0) len--; /* the slash */
  }
  return vl_arena_strndup(a, path, len);
}

VlModInfo *vl_program_add(VlProgram *self, const char *name, const char *path, bool package, bool checked) {
  VlModInfo *m = vl_xcalloc(1, sizeof(VlModInfo));
  m->prog = self;
  m->arena = vl_arena_new();
  m->vals = vl_values_new(m->arena);
  m->name = vl_arena_strdup(self->names, name ? name : "");
  m->path = vl_arena_strdup(self->names, path ? path : "");
  m->package = package;
  m->checked = checked;
  m->index = self->mods.len;
  m->job = UINT32_MAX; /* no plan yet */
  VL_VEC_PUSH(&self->mods, m);
  m->root = module_root(self->names, m->name, m->path, package);
  size_t known;
  if (!vl_strmap_get(&self->by_name, m->name, &known)) {
    vl_strmap_put(&self->by_name, m->name, m->index);
  } else { /* another module of that name: chained after the first */
    VlModInfo *last = self->mods.items[known];
    while (last->same_name) last = self->mods.items[last->same_name - 1];
    last->same_name = m->index + 1;
  }
  return m;
}

VlModInfo *vl_program_scratch(VlProgram *self, const VlModInfo *like) {
  VlModInfo *m = vl_xcalloc(1, sizeof(VlModInfo));
  m->prog = self;
  m->arena = vl_arena_new();
  m->vals = vl_values_new(m->arena);
  m->name = vl_arena_strdup(m->arena, like->name);
  m->path = vl_arena_strdup(m->arena, like->path);
  m->root = vl_arena_strdup(m->arena, like->root ? like->root : ""); /* (read when names repeat) */
  m->package = like->package;
  m->checked = true;
  m->index = like->index;
  m->cell_rows = like->cell_rows;
  m->cell_numbers = like->cell_numbers;
  m->ncells = like->ncells;
  return m;
}

void vl_modinfo_delete(VlModInfo *m) {
  if (!m) return;
  vl_strmap_free(&m->read_names);
  vl_strmap_free(&m->global_index);
  vl_values_delete(m->vals);
  vl_arena_delete(m->arena);
  free(m);
}

/* m then exports nothing (what it pointed to is left to its owner). */
static void forget_exports(VlModInfo *m) {
  m->funcs = NULL;
  m->nfuncs = 0;
  m->classes = NULL;
  m->nclasses = 0;
  m->global_names = NULL;
  m->globals = NULL;
  m->nglobals = 0;
  vl_strmap_free(&m->global_index);
  m->global_dups = false;
}

void vl_modinfo_release(VlModInfo *m) {
  vl_values_delete(m->vals);
  VlArena *old = m->arena;
  m->arena = vl_arena_new();
  m->vals = vl_values_new(m->arena);
  vl_arena_delete(old);
  forget_exports(m);
  m->line_len = NULL;
  m->nlines = 0;
  m->row_marks = NULL;
  m->nmarks = 0;
}

size_t vl_program_count(const VlProgram *self) { return self->mods.len; }
VlModInfo *vl_program_module(const VlProgram *self, size_t i) { return i < self->mods.len ? self->mods.items[i] : NULL; }
const VlKnowledge *vl_program_knowledge(const VlProgram *self) { return self->know; }

VlModInfo *vl_program_find(const VlProgram *self, const char *name) {
  size_t i;
  return vl_strmap_get(&self->by_name, name, &i) ? self->mods.items[i] : NULL;
}

VlModInfo *vl_program_find_from(const VlProgram *self, const VlModInfo *reader, const char *name) {
  VlModInfo *first = vl_program_find(self, name);
  if (!first || !first->same_name || !reader) return first;
  for (VlModInfo *m = first; m; m = m->same_name ? self->mods.items[m->same_name - 1] : NULL)
    if (strcmp(m->root, reader->root) == 0) return m;
  return first;
}


enum { VL_ROW_STRIDE = 32 };


void vl_modinfo_set_rows(VlModInfo *mi, const uint32_t *starts, uint32_t nlines, uint32_t len) {
  mi->nlines = nlines;
  mi->line_len = VL_ARENA_ARRAY(mi->facts, uint8_t, nlines + 1);
  uint32_t nmarks = 0;
  for (uint32_t r = 0; r < nlines; r++) {
    uint32_t end = r + 1 < nlines ? starts[r + 1] : len;
    uint32_t n = end - starts[r];
    mi->line_len[r] = (uint8_t)(n < 255 ? n : 255);
    nmarks += r % VL_ROW_STRIDE == 0 || (r > 0 && mi->line_len[r - 1] == 255);
  }
  mi->row_marks = VL_ARENA_ARRAY(mi->facts, struct VlRowMark, nmarks + 1);
  mi->nmarks = 0;
  for (uint32_t r = 0; r < nlines; r++)
    if (r % VL_ROW_STRIDE == 0 || (r > 0 && mi->line_len[r - 1] == 255)) {
      mi->row_marks[mi->nmarks++] = (struct VlRowMark){r, starts[r]};
    }
}

uint32_t vl_modinfo_row(const VlModInfo *m, uint32_t byte) {
  if (!m->nmarks) return 0;
  uint32_t lo = 0, hi = m->nmarks; /* the last mark at or before byte */
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (m->row_marks[mid].byte <= byte) lo = mid;
    else hi = mid;
  }
  /* lines between two marks are shorter than 255 bytes, but for the last one */
  uint32_t row = m->row_marks[lo].row, at = m->row_marks[lo].byte;
  uint32_t end = lo + 1 < m->nmarks ? m->row_marks[lo + 1].row : m->nlines;
  while (row + 1 < end && at + m->line_len[row] <= byte) at += m->line_len[row++];
  return row;
}

bool vl_modinfo_cell(const VlModInfo *m, uint32_t row, unsigned *cell, uint32_t *cell_row) {
  return vl_source_cell_of(m->cell_rows, m->cell_numbers, m->ncells, row, cell, cell_row);
}

/* ---- function and class facts ---- */

static void evidence(Analysis *an, VlId func, bool with_calls);

/* What a parameter's default is, when a literal (VlDefault). */
static void describe_default(const VlModule *m, VlId e, VlParamInfo *pi) {
  if (!e) return;
  const VlExpr *x = vl_expr(m, e);
  long n;
  pi->dflt = VL_DFLT_OTHER;
  switch (x->op) {
  case VL_E_NONE: pi->dflt = VL_DFLT_NONE; break;
  case VL_E_FLOAT: /* (its value when a plain real literal) */
    pi->dflt = x->sub ? VL_DFLT_NUMBER : VL_DFLT_SCALAR;
    pi->dflt_int = (int32_t)x->a;
    break;
  case VL_E_TRUE:
  case VL_E_FALSE:
    pi->dflt = VL_DFLT_NUMBER;
    pi->dflt_int = x->op == VL_E_TRUE ? (int32_t)VL_BITS_TRUE : 0;
    break;
  case VL_E_STR: pi->dflt = x->sub ? VL_DFLT_OTHER : VL_DFLT_STR; break; /* (an f-string varies) */
  case VL_E_INT:
    if (vl_int_literal(m, e, &n) && n >= INT32_MIN && n <= INT32_MAX) {
      pi->dflt = VL_DFLT_INT;
      pi->dflt_int = (int32_t)n;
    }
    break;
  case VL_E_NAME: /* `collate_fn=collate_with_meta`: what the module binds to the name */
    if (x->sym.kind == VL_SYM_GLOBAL) {
      pi->dflt = VL_DFLT_GLOBAL;
      pi->dflt_int = (int32_t)x->sym.slot;
    }
    break;
  case VL_E_TUPLE: /* `tracer_ids=(0, 1, 2)`, `obs_shape=(84, 84, 4)`, `()`: immutable, so each call gets
                    those ints */
    if (x->nkids > 64) break;
    for (uint32_t i = 0; i < x->nkids; i++)
      if (!vl_int_literal(m, vl_kid(m, e, i), &n)) return;
    pi->dflt = VL_DFLT_INTS;
    pi->dflt_int = (int32_t)x->nkids;
    break;
  default: break;
  }
}

/* A method whose body does nothing but document, pass or raise (`raise NotImplementedError`, an
 * @abstractmethod's `...`): a hook for subclasses to override. */
static bool hook_body(const VlModule *m, const VlFunc *fn) {
  if (fn->kind != VL_FN_DEF || !fn->klass || !fn->body || !m->blocks[fn->body].count) return false;
  for (uint32_t i = 0; i < m->blocks[fn->body].count; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, fn->body, i));
    uint8_t op = st->kind == VL_S_EXPR ? vl_expr(m, st->a)->op : 0;
    if (!(st->kind == VL_S_PASS || st->kind == VL_S_RAISE || op == VL_E_STR || op == VL_E_ELLIPSIS)) return false;
  }
  return true;
}

static void build_infos(Analysis *an) {
  const VlModule *m = an->m;
  VlModInfo *mi = an->mi;
  mi->nfuncs = m->nfuncs;
  mi->funcs = VL_ARENA_ARRAY(mi->facts, VlFuncInfo, m->nfuncs + 1);
  for (VlId f = 1; f < m->nfuncs; f++) {
    const VlFunc *fn = &m->funcs[f];
    VlFuncInfo *fi = &mi->funcs[f];
    fi->mod = mi;
    fi->id = f;
    fi->kind = fn->kind;
    fi->flags = fn->flags;
    fi->name = fact_str(mi, vl_str(m, fn->name));
    fi->qualname = fact_str(mi, vl_str(m, fn->qualname));
    fi->klass = fn->kind == VL_FN_DEF ? fn->klass : 0;
    fi->hook = hook_body(m, fn);
    fi->nparams = fn->nparams;
    VlParamInfo *ps = VL_ARENA_ARRAY(mi->facts, VlParamInfo, fn->nparams);
    if (fn->nparams && (fn->kind == VL_FN_DEF || fn->kind == VL_FN_LAMBDA)) evidence(an, f, false);
    for (uint16_t p = 0; p < fn->nparams; p++) {
      const VlParam *pp = &m->params[fn->params + p];
      ps[p] = (VlParamInfo){.name = fact_str(mi, vl_str(m, pp->name)), .kind = pp->kind, .dflt = VL_DFLT_ABSENT};
      describe_default(m, pp->dflt, &ps[p]);
      if (ps[p].dflt == VL_DFLT_STR && vl_expr(m, pp->dflt)->a) { /* `mode="cls"`: decides `mode == "cls"` */
        if (!fi->dflt_strs) fi->dflt_strs = VL_ARENA_ARRAY(mi->facts, const char *, fn->nparams);
        fi->dflt_strs[p] = fact_str(mi, vl_str(m, vl_expr(m, pp->dflt)->a));
      }
      const uint8_t *ev = an->fd[f].evidence;
      for (uint32_t i = 0; ev && i < fn->nlocals; i++) /* the parameter's slot, by its name */
        if (strcmp(vl_local_name(m, f, i), vl_str(m, pp->name)) == 0) {
          ps[p].nd_evidence = ev[i] >= 2 ? ev[i] : 0; /* one axis: a list's too */
          ps[p].none_tested = an->fd[f].none_tested[i];
          fi->none_tested |= ps[p].none_tested;
          break;
        }
    }
    fi->params = ps;
  }
  mi->nclasses = m->nclasses;
  mi->classes = VL_ARENA_ARRAY(mi->facts, VlClassInfo, m->nclasses + 1);
  /* each class's methods, in definition order: counted in one pass over the functions, then filled
   * in another (a pass per class was quadratic in the module's size) */
  uint32_t *count = vl_xcalloc(m->nclasses + 1, sizeof *count);
  for (VlId f = 1; f < m->nfuncs; f++) {
    const VlFunc *fn = &m->funcs[f];
    if (fn->kind == VL_FN_DEF && fn->klass && fn->klass < m->nclasses && fn->parent == m->classes[fn->klass].func)
      count[fn->klass]++;
  }
  for (VlId c = 1; c < m->nclasses; c++) {
    const VlClass *k = &m->classes[c];
    VlClassInfo *ci = &mi->classes[c];
    ci->mod = mi;
    ci->id = c;
    ci->func = k->func;
    ci->name = fact_str(mi, vl_str(m, k->name));
    ci->qualname = fact_str(mi, vl_str(m, k->qualname));
    if (count[c] > UINT16_MAX) count[c] = UINT16_MAX; /* (nmethods is 16 bits: the rest are not methods) */
    ci->method_names = VL_ARENA_ARRAY(mi->facts, const char *, count[c] + 1);
    ci->methods = VL_ARENA_ARRAY(mi->facts, VlId, count[c] + 1);
  }
  for (VlId f = 1; f < m->nfuncs; f++) {
    const VlFunc *fn = &m->funcs[f];
    if (fn->kind != VL_FN_DEF || !fn->klass || fn->klass >= m->nclasses || fn->parent != m->classes[fn->klass].func)
      continue;
    VlClassInfo *ci = &mi->classes[fn->klass];
    if (ci->nmethods == count[fn->klass]) continue;
    ci->method_names[ci->nmethods] = mi->funcs[f].name;
    ci->methods[ci->nmethods++] = f;
  }
  free(count);
  vl_modinfo_set_rows(mi, m->line_starts, m->nlines, (uint32_t)m->len);
}

const VlFuncInfo *vl_an_func(Analysis *an, VlId func) { return func && func < an->mi->nfuncs ? &an->mi->funcs[func] : NULL; }

/* A class body's names (class variables and methods), from running its body once. */
static void class_body(Analysis *an, VlClassInfo *ci);
static void record_fields(Analysis *an, VlClassInfo *ci, const VlClass *k, Frame *body);

const VlClassInfo *vl_an_class(Analysis *an, VlId klass) {
  if (!klass || klass >= an->mi->nclasses) return NULL;
  VlClassInfo *ci = &an->mi->classes[klass];
  if (!ci->bases) class_body(an, ci);
  return ci;
}

static const VlClassInfo *other_class(const VlModInfo *mod, VlId klass) {
  return klass && klass < mod->nclasses ? &mod->classes[klass] : NULL;
}

static const VlClassInfo *class_of(Frame *F, const VlObj *c) {
  if (c->kind != VL_O_CLASS) return NULL;
  return c->mod == F->an->mi ? vl_an_class(F->an, c->func) : other_class(c->mod, c->func);
}

static void class_body(Analysis *an, VlClassInfo *ci) {
  const VlModule *m = an->m;
  ci->bases = &vl_empty_val; /* (also marks it in progress) */
  const VlClass *k = &m->classes[ci->id];
  /* bases, evaluated where the class statement is: module-level classes see the globals (read in
   * place: a copy of them per class was quadratic in a module of many classes); a class first
   * needed by the prepass (`ENCODER = Encoder()` at the top level) sees the prepass's bindings so
   * far, its imports: else `nn.Module` was unknown there, and so the class for the whole analysis */
  if (k->nbases) {
    Frame F;
    if (k->parent == VL_MODULE_FUNC && (an->globals || an->prepass_env)) vl_frame_init_globals(&F, an);
    else vl_frame_init(&F, an, k->parent == VL_MODULE_FUNC ? VL_MODULE_FUNC : k->parent);
    F.module_prepass = true;
    const VlVal *bases = &vl_empty_val;
    for (uint16_t b = 0; b < k->nbases; b++) bases = vl_join(V(an), bases, vl_eval(&F, m->kids[k->bases + b]));
    ci->bases = bases;
    for (uint16_t b = 0; b < bases->n; b++) {
      const VlObj *o = bases->objs[b];
      const VlLibrary *lib = o->kind == VL_O_LIB && o->name ? vl_knowledge_lib_of_model(an->know, o->name) : NULL;
      if (lib) ci->model_lib = lib->id;
      /* a container model class (nn.Sequential: a class row of effect `sequential`) is a model too */
      const char *member;
      const VlLibrary *cl = !lib && o->kind == VL_O_LIB && o->name ? vl_knowledge_library(an->know, o->name, &member) : NULL;
      const VlLibEntry *ce = cl ? vl_libtable_find_class(cl->table, member) : NULL;
      if (ce && ce->effect_then == VL_FX_SEQUENTIAL) ci->model_lib = cl->id;
      const VlClassInfo *bk = class_of(&F, o);
      if (bk && bk->model_lib) ci->model_lib = bk->model_lib;
    }
    vl_frame_free(&F);
  }
  /* the body: names bound there are class variables */
  Frame B;
  vl_frame_init(&B, an, k->func);
  B.module_prepass = true;
  vl_frame_run(&B);
  const VlFunc *body = vl_func(m, k->func);
  ci->classvars = VL_ARENA_ARRAY(an->arena, VlAttr, body->nlocals + 1);
  for (uint32_t i = 0; i < body->nlocals; i++) {
    if (!B.env[i] || vl_val_empty(B.env[i])) continue;
    ci->classvars[ci->nclassvars++] = (VlAttr){vl_local_name(m, k->func, i), B.env[i]};
  }
  record_fields(an, ci, k, &B);
  vl_frame_free(&B);
}

/* Is the class a record whose generated __init__ sets its annotated fields: @dataclass (also
 * called, @dataclasses.dataclass(frozen=True)), or a typing.NamedTuple? */
static bool record_class(Analysis *an, const VlClass *k) {
  const VlModule *m = an->m;
  for (uint16_t d = 0; d < k->ndecorators; d++) {
    VlId e = m->kids[k->decorators + d];
    if (vl_expr(m, e)->op == VL_E_CALL) e = vl_kid(m, e, 0);
    if (vl_dotted_ends(vl_expr_text(an, e), "dataclass")) return true;
  }
  for (uint16_t b = 0; b < k->nbases; b++) {
    if (vl_dotted_ends(vl_expr_text(an, m->kids[k->bases + b]), "NamedTuple")) return true;
  }
  return false;
}

/* A field's `dataclasses.field(default_factory=F)` with F a library callable (`list`, `dict`,
 * `collections.deque`), evaluated in the class body: the generated __init__ calls F for every
 * instance not passed that field. */
static bool field_factory(Frame *body, VlId value, VlFieldFactory *out) {
  const VlModule *m = body->an->m;
  if (!value || vl_expr(m, value)->op != VL_E_CALL || !vl_dotted_ends(vl_expr_text(body->an, vl_kid(m, value, 0)), "field"))
    return false;
  for (uint32_t i = 1; i < vl_expr(m, value)->nkids; i++) {
    VlId kw = vl_kid(m, value, i);
    if (vl_expr(m, kw)->op != VL_E_KW || strcmp(vl_str(m, vl_expr(m, kw)->a), "default_factory") != 0) continue;
    VlId f = vl_kid(m, kw, 0);
    const VlVal *v = vl_eval(body, f);
    if (v->n != 1 || v->objs[0]->kind != VL_O_LIB || !v->objs[0]->name || v->objs[0]->base || v->objs[0]->mod)
      return false;
    *out = (VlFieldFactory){v->objs[0]->name, f, vl_expr(m, f)->start, vl_expr(m, f)->end};
    return true;
  }
  return false;
}

/* A record class's fields: the names annotated in its body (`obs: np.ndarray`, `done: bool = False`),
 * in order, with their default factories; none when it defines __init__ itself. */
static void record_fields(Analysis *an, VlClassInfo *ci, const VlClass *k, Frame *B) {
  const VlModule *m = an->m;
  if (!record_class(an, k)) return;
  for (uint16_t i = 0; i < ci->nmethods; i++)
    if (strcmp(ci->method_names[i], "__init__") == 0) return;
  VlId body = vl_func(m, k->func)->body;
  uint32_t n = body ? m->blocks[body].count : 0;
  /* in the analysis's own arena, as the class variables: this runs while other threads may be
   * exporting into the shared store, which is only written under the program's lock (the export
   * copies the fields there) */
  ci->fields = VL_ARENA_ARRAY(an->arena, const char *, n + 1);
  VlFieldFactory *factories = NULL;
  for (uint32_t i = 0; i < n && ci->nfields < UINT16_MAX; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, body, i));
    /* `x: T` or `x: T = default` (one target); a ClassVar is no field, and after an InitVar or
     * KW_ONLY the arguments no longer map onto attributes in order */
    bool bare = st->kind == VL_S_ANNASSIGN, valued = st->kind == VL_S_ASSIGN && st->n == 1;
    if ((!bare && !valued) || !st->sub) continue;
    if (st->sub == VL_ANN_OTHER) break;
    VlId target = bare ? st->a : m->kids[st->b];
    if (st->sub != VL_ANN_FIELD || vl_expr(m, target)->op != VL_E_NAME) continue;
    VlFieldFactory ff;
    if (valued && field_factory(B, st->a, &ff)) {
      if (!factories) factories = VL_ARENA_ARRAY(an->arena, VlFieldFactory, n + 1);
      factories[ci->nfields] = ff;
    }
    ci->fields[ci->nfields++] = vl_str(m, vl_expr(m, target)->a);
  }
  ci->factories = factories;
}

/* Does class k derive from class `base` of this module, through bases of this module? */
static bool derives_from(Frame *F, const VlClassInfo *k, VlId base, int depth) {
  for (uint16_t b = 0; k && depth <= 8 && k->bases && b < k->bases->n; b++) {
    const VlClassInfo *bk = class_of(F, k->bases->objs[b]);
    if (bk && bk->mod == F->an->mi && (bk->id == base || derives_from(F, bk, base, depth + 1))) return true;
  }
  return false;
}

const VlVal *vl_with_overrides(Frame *F, const VlVal *fn) {
  Analysis *an = F->an;
  const VlVal *out = fn;
  for (uint16_t i = 0; i < fn->n; i++) {
    const VlObj *o = fn->objs[i];
    if (o->kind != VL_O_FUNC || o->mod != an->mi || !o->base || o->base->n != 1 || o->base->objs[0]->kind != VL_O_SYM ||
        o->nitems)
      continue;
    const VlFuncInfo *fi = vl_an_func(an, o->func);
    if (!fi || !fi->klass) continue;
    for (VlId c = 1; c < an->mi->nclasses; c++) {
      const VlClassInfo *k = vl_an_class(an, c);
      if (c == fi->klass || !k || !derives_from(F, k, fi->klass, 0)) continue;
      for (uint16_t j = 0; j < k->nmethods; j++) {
        if (!vl_streq(k->method_names[j], fi->name)) continue;
        VlObj b = *o;
        b.func = k->methods[j];
        out = vl_join(V(an), out, vl_val1(V(an), vl_obj(V(an), b)));
      }
    }
  }
  return out;
}

/* A class's method names hashed: slot -> the first method of that name + 1 (0: empty).  Made for the
 * names and count it was made of (checked at each use); `self.f()` and `obj.attr` ask on every call. */
typedef struct MethodIndex {
  const char **names;
  uint16_t n;
  uint32_t mask;
  uint16_t *slots;
} MethodIndex;

enum { VL_METHOD_INDEX_MIN = 16 }; /* fewer methods: a scan is as quick */

static uint32_t name_hash(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

bool vl_project_method(Analysis *an, const char *name) {
  const VlModule *m = an->m;
  if (!an->method_bloom_known) {
    an->method_bloom_known = true;
    for (VlId g = 1; g < m->nfuncs; g++)
      if (m->funcs[g].kind == VL_FN_DEF && m->funcs[g].klass && m->funcs[g].name)
        an->method_bloom |= (uint64_t)1 << (name_hash(vl_str(m, m->funcs[g].name)) >> 26);
  }
  if (!(an->method_bloom & (uint64_t)1 << (name_hash(name) >> 26))) return false;
  for (VlId g = 1; g < m->nfuncs; g++)
    if (m->funcs[g].kind == VL_FN_DEF && m->funcs[g].klass && m->funcs[g].name && vl_streq(vl_str(m, m->funcs[g].name), name))
      return true;
  return false;
}

/* The position of the first method named `name` in k's methods, or -1. */
static int method_at(Analysis *an, const VlClassInfo *k, const char *name) {
  if (k->nmethods < VL_METHOD_INDEX_MIN) {
    for (uint16_t i = 0; i < k->nmethods; i++)
      if (vl_streq(k->method_names[i], name)) return i;
    return -1;
  }
  MethodIndex *ix = (MethodIndex *)vl_ptrmap_get(&an->method_ix, k);
  if (!ix || ix->names != k->method_names || ix->n != k->nmethods) {
    ix = VL_ARENA_NEW(an->arena, MethodIndex);
    ix->names = k->method_names;
    ix->n = k->nmethods;
    uint32_t cap = 32;
    while (cap < 2u * k->nmethods) cap *= 2;
    ix->mask = cap - 1;
    ix->slots = VL_ARENA_ARRAY(an->arena, uint16_t, cap);
    memset(ix->slots, 0, cap * sizeof *ix->slots);
    for (uint16_t i = 0; i < k->nmethods; i++) {
      uint32_t h = name_hash(k->method_names[i]) & ix->mask;
      while (ix->slots[h] && !vl_streq(k->method_names[ix->slots[h] - 1], k->method_names[i])) h = (h + 1) & ix->mask;
      if (!ix->slots[h]) ix->slots[h] = (uint16_t)(i + 1); /* a later method of the same name: the first wins */
    }
    vl_ptrmap_put(&an->method_ix, k, ix);
  }
  for (uint32_t h = name_hash(name) & ix->mask; ix->slots[h]; h = (h + 1) & ix->mask)
    if (vl_streq(k->method_names[ix->slots[h] - 1], name)) return ix->slots[h] - 1;
  return -1;
}

/* A class variable whose value is one function of the class's module (`__call__ = propose`). */
static bool bound_method(const VlClassInfo *k, const VlAttr *cv) {
  const VlVal *v = cv->val;
  if (!v || v->n != 1) return false;
  const VlObj *o = v->objs[0];
  return o->kind == VL_O_FUNC && !o->base && !o->nitems && o->mod == k->mod && o->func && o->func < k->mod->nfuncs;
}

/* The class variables of a class that are bound to a function (bound_method) under a name that is
 * none of its methods' (vl_class_method looks for a name no method has), as positions in its class
 * variables, in their order; made for the array and count it was made of (checked at each use: a
 * class's variables are written once, by class_body or the export, never changed in place).  Every
 * `self.x` read of a name that is no method scanned them all: pandas' NDFrame has some 200 class
 * variables, nearly all its methods' own names, and no alias. */
typedef struct BoundMethods {
  const VlAttr *of;
  uint16_t n, nbound;
  uint16_t *at;
} BoundMethods;

static const BoundMethods *bound_methods(Analysis *an, const VlClassInfo *k) {
  BoundMethods *b = (BoundMethods *)vl_ptrmap_get(&an->bound_methods, k);
  if (b && b->of == k->classvars && b->n == k->nclassvars) return b;
  b = VL_ARENA_NEW(an->arena, BoundMethods);
  b->of = k->classvars;
  b->n = k->nclassvars;
  b->nbound = 0;
  b->at = VL_ARENA_ARRAY(an->arena, uint16_t, k->nclassvars + 1);
  for (uint16_t i = 0; i < k->nclassvars; i++) /* a method's own name is found as a method first */
    if (bound_method(k, &k->classvars[i]) && method_at(an, k, k->classvars[i].name) < 0) b->at[b->nbound++] = i;
  vl_ptrmap_put(&an->bound_methods, k, b);
  return b;
}

const VlFuncInfo *vl_class_method(Frame *F, const VlClassInfo *k, const char *name, int depth) {
  if (!k || depth > 8) return NULL;
  int at = method_at(F->an, k, name);
  if (at >= 0) return k->mod == F->an->mi ? vl_an_func(F->an, k->methods[at]) : &k->mod->funcs[k->methods[at]];
  if (k->mod == F->an->mi && !k->bases) vl_an_class(F->an, k->id);
  /* a method bound to another name in the class body (`__call__ = propose`, `forward = run`): the
   * body's value of that name is one of the class's own functions */
  const BoundMethods *bm = k->nclassvars >= VL_METHOD_INDEX_MIN ? bound_methods(F->an, k) : NULL;
  for (uint16_t j = 0, n = bm ? bm->nbound : k->nclassvars; j < n; j++) {
    uint16_t i = bm ? bm->at[j] : j;
    if (!vl_streq(k->classvars[i].name, name) || !bound_method(k, &k->classvars[i])) continue;
    const VlObj *o = k->classvars[i].val->objs[0];
    const VlFuncInfo *fi = k->mod == F->an->mi ? vl_an_func(F->an, o->func) : &k->mod->funcs[o->func];
    if (fi && fi->klass == k->id) return fi;
  }
  for (uint16_t b = 0; k->bases && b < k->bases->n; b++) {
    const VlClassInfo *bk = class_of(F, k->bases->objs[b]);
    const VlFuncInfo *r = bk ? vl_class_method(F, bk, name, depth + 1) : NULL;
    if (r) return r;
  }
  return NULL;
}

const VlFuncInfo *vl_class_setter(Frame *F, const VlClassInfo *k, const char *name, int depth) {
  if (!k || depth > 8) return NULL;
  for (uint16_t i = 0; i < k->nmethods; i++) {
    if (!vl_streq(k->method_names[i], name)) continue;
    const VlFuncInfo *m = k->mod == F->an->mi ? vl_an_func(F->an, k->methods[i]) : &k->mod->funcs[k->methods[i]];
    if (m && (m->flags & VL_FN_SETTER)) return m;
  }
  for (uint16_t b = 0; k->bases && b < k->bases->n; b++) {
    const VlClassInfo *bk = class_of(F, k->bases->objs[b]);
    const VlFuncInfo *r = bk ? vl_class_setter(F, bk, name, depth + 1) : NULL;
    if (r) return r;
  }
  return NULL;
}

/* What the class's methods assign to self.<name>, as a hint of its type (identity dropped: the
 * attribute is a long-lived object of the instance). */
static const VlVal *typed_hint(Frame *F, const VlVal *v, int depth);

static void waits_for_as(Analysis *an, VlId busy, bool attr);

static uint64_t name_bit(const char *s) { return (uint64_t)1 << (name_hash(s) >> 26); }

/* Does effect ef assign an attribute of the function's first parameter (self.<name> = ...)? */
static bool sets_on_self(const VlEffect *ef) {
  if (ef->kind != VL_EFF_SETATTR) return false;
  for (uint16_t t = 0; t < ef->target->n; t++) {
    const VlObj *o = ef->target->objs[t];
    if (o->kind == VL_O_SYM && o->sub == VL_SYM_PARAM && o->index == 0) return true;
  }
  return false;
}

/* The self.<name> assignments of a finished function's summary, one bit per name: a class's every
 * method is asked on each `self.x` read of its methods, and most set no such name. */
static uint64_t self_set_bits(FuncData *fd) {
  if (fd->self_set_of != fd->summary) {
    fd->self_set_of = fd->summary;
    fd->self_set = 0;
    for (uint32_t e = 0; e < fd->summary->neffects; e++)
      if (sets_on_self(&fd->summary->effects[e])) fd->self_set |= name_bit(fd->summary->effects[e].name);
  }
  return fd->self_set;
}

/* The methods of a class of many methods that vl_class_attr_hint still has to look at, as a list in
 * their order: a method finished with a summary that sets nothing on self is unlinked the first time a
 * hint meets it (both are final: FS_DONE is never left, and its summary no longer changes), so a hint
 * of pandas' NDFrame (hundreds of methods, asked on every `self.x` read) walks only the methods not
 * finished yet and those that set some self.<name>.  A hint may run inside another hint of the same
 * class (it analyses methods); unlinking keeps, for every method, that those between it and its next
 * are all unlinked ones, so each walk still meets every method it must, in order. */
typedef struct HintList {
  const VlId *methods; /* the class's methods and count it was made of (checked at each use) */
  uint16_t n;
  uint16_t head;       /* the first method not unlinked (n: none) */
  uint16_t *next;      /* method -> the next one not unlinked when this was written (n: none) */
} HintList;

static HintList *hint_list(Analysis *an, const VlClassInfo *k) {
  HintList *hl = (HintList *)vl_ptrmap_get(&an->hint_lists, k);
  if (hl && hl->methods == k->methods && hl->n == k->nmethods) return hl;
  hl = VL_ARENA_NEW(an->arena, HintList);
  hl->methods = k->methods;
  hl->n = k->nmethods;
  hl->head = 0;
  hl->next = VL_ARENA_ARRAY(an->arena, uint16_t, k->nmethods);
  for (uint16_t i = 0; i < k->nmethods; i++) hl->next[i] = (uint16_t)(i + 1);
  vl_ptrmap_put(&an->hint_lists, k, hl);
  return hl;
}

const VlVal *vl_class_attr_hint(Frame *F, const VlClassInfo *k, const char *name, int depth) {
  if (!k || depth > 8) return NULL;
  for (uint16_t i = 0; i < k->nattrs; i++)
    if (vl_streq(k->attrs[i].name, name))
      return k->mod == F->an->mi ? k->attrs[i].val : vl_import_val(F, k->attrs[i].val);
  if (k->mod == F->an->mi) {
    /* from this module's methods' summaries, as far as they are known now */
    Analysis *an = F->an;
    const VlVal *hint = NULL;
    uint64_t bit = name_bit(name);
    HintList *hl = k->nmethods >= VL_METHOD_INDEX_MIN && k->nmethods < UINT16_MAX ? hint_list(an, k) : NULL;
    uint16_t prev = UINT16_MAX; /* the last method this walk met and kept linked */
    for (uint16_t i = hl ? hl->head : 0; i < k->nmethods; i = hl ? hl->next[i] : (uint16_t)(i + 1)) {
      FuncData *fd = &an->fd[k->methods[i]];
      /* finished (vl_func_summary gives its summary and does nothing else) and sets no self.<name> */
      if (fd->state == FS_DONE && !(self_set_bits(fd) & bit)) {
        if (hl && !self_set_bits(fd)) { /* sets nothing on self: no hint needs it again */
          if (prev == UINT16_MAX) hl->head = hl->next[i];
          else hl->next[prev] = hl->next[i];
        } else {
          prev = i;
        }
        continue;
      }
      prev = i;
      if (fd->state == FS_BUSY) {
        /* being analysed (a method of it asks): what it has set on self so far */
        Frame *live = fd->live;
        const VlVal *self = live && live->params && vl_func(an->m, k->methods[i])->nparams ? live->params[0] : NULL;
        const VlSite *site = self && self->n == 1 ? vl_obj_site(live, self->objs[0]) : NULL;
        const VlHeapEntry *e = site ? vl_heap_find(live, site) : NULL;
        for (uint16_t a = 0; e && a < e->nattrs; a++)
          if (vl_streq(e->attrs[a].name, name)) hint = vl_join(V(an), hint, typed_hint(F, e->attrs[a].val, 0));
        /* what it sets later is not known yet: the functions analysed inside it are provisional
         * (`self.u[...] = 0` in __init__ asks run() for its hint before __init__ sets self.window) */
        waits_for_as(an, k->methods[i], true);
        continue;
      }
      const VlSummary *s;
      VlId wait = fd->state == FS_NONE && fd->attempts ? fd->waiting_on : 0;
      size_t at = wait && an->fd[wait].state == FS_BUSY ? an->fd[wait].stack_pos : SIZE_MAX;
      if (at < an->active.len && an->active.items[at] == wait) {
        /* what vl_func_summary answers here, without its call (most of a busy class's walk): a
         * provisional method whose method waited for is still busy, on the stack below this hint */
        waits_for_as(an, wait, true);
        s = fd->summary;
      } else {
        size_t floor = an->hint_floor;
        an->hint_floor = an->active.len;
        s = vl_func_summary(an, k->methods[i]);
        an->hint_floor = floor;
      }
      if (!s) continue;
      for (uint32_t e = 0; e < s->neffects; e++) {
        const VlEffect *ef = &s->effects[e];
        if (ef->kind == VL_EFF_SETATTR && vl_streq(ef->name, name) && sets_on_self(ef))
          hint = vl_join(V(an), hint, typed_hint(F, ef->value, 0));
      }
    }
    if (hint && !vl_val_empty(hint)) return hint;
  }
  for (uint16_t b = 0; k->bases && b < k->bases->n; b++) {
    const VlClassInfo *bk = class_of(F, k->bases->objs[b]);
    const VlVal *r = bk ? vl_class_attr_hint(F, bk, name, depth + 1) : NULL;
    if (r) return r;
  }
  return NULL;
}

static const VlVal *typed_hint(Frame *F, const VlVal *v, int depth) {
  if (!v || depth > 3) return NULL;
  const VlObj *out[VL_VAL_MAX];
  int n = 0;
  VlSite any = {.kind = VL_SITE_ANY};
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX; i++) {
    const VlObj *o = v->objs[i];
    if (o->sub == VL_SYM_PARAM && vl_sym_number(o)) { /* self.t = t of a parameter t: int: a number */
      out[n++] = o->elem->objs[0];
      continue;
    }
    if (o->kind == VL_O_SYM || o->kind == VL_O_UNKNOWN) continue;
    VlObj c = *o;
    if (c.site) c.site = vl_site(V(F->an), any);
    c.flags &= (uint8_t)~VL_F_ASSUMED;
    c.expr = 0;
    if (c.kind == VL_O_ARRAY) c.sub = 0;
    out[n++] = vl_obj(V(F->an), c);
  }
  return n ? vl_val_of(V(F->an), out, (size_t)n) : NULL;
}

/* ---- evidence: what a function's uses prove about its names ---- */

typedef struct Ev {
  uint8_t *slots;
  uint8_t *libs; /* per slot: the library its method calls prove (0: none; VL_LIB_EV_MIXED: several) */
  VL_VEC(AttrEvidence) attrs;
  const VlKnowledge *know;
  const VlModInfo *mi; /* when set: calls of this module's functions raise what their parameters prove */
  const VlId *by_name; /* ...found by name: string id -> module-level function (0: none) */
  const uint8_t *imported; /* imported_names */
  uint8_t *none_tested; /* per slot: an `if x is None` / `is not None` tests it */
  uint8_t *method_libs; /* Analysis.method_libs: method_lib by the method's string id */
} Ev;

enum { VL_LIB_EV_MIXED = 255 };

/* Methods of Python's own types (str, list, dict, set, tuple, bytes, int, float...): calling one of these
 * proves nothing about a library.  From /usr/bin/python3 -c "dir(t) for t in (str, list, dict, set,
 * frozenset, tuple, bytes, bytearray, int, float, complex, object, range)", public names. */
static const char *const builtin_methods[] = {
    "add", "append", "as_integer_ratio", "bit_count", "bit_length", "capitalize", "casefold", "center", "clear",
    "conjugate", "copy", "count", "decode", "denominator", "difference", "difference_update", "discard", "encode",
    "endswith", "expandtabs", "extend", "find", "format", "format_map", "from_bytes", "fromhex", "fromkeys",
    "get", "hex", "imag", "index", "insert", "intersection", "intersection_update", "is_integer", "isalnum",
    "isalpha", "isascii", "isdecimal", "isdigit", "isdisjoint", "isidentifier", "islower", "isnumeric",
    "isprintable", "isspace", "issubset", "issuperset", "istitle", "isupper", "items", "join", "keys", "ljust",
    "lower", "lstrip", "maketrans", "numerator", "partition", "pop", "popitem", "real", "remove", "removeprefix",
    "removesuffix", "replace", "reverse", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip",
    "setdefault", "sort", "split", "splitlines", "start", "startswith", "step", "stop", "strip", "swapcase",
    "symmetric_difference", "symmetric_difference_update", "title", "to_bytes", "translate", "union", "update",
    "upper", "values", "zfill"};

/* Names that other objects use too (pint/astropy quantities: q.to(unit); q.value.float()): not proof. */
static const char *const common_methods[] = {"to", "float", "double", "int", "long", "half", "bool", "type", "apply",
                                             "abs", "norm", "exp", "log", "dim", "size", "item", "numpy", "mean", "sum",
                                             "max", "min", "all", "any", "round", "clip", "view", "T"};

/* The library that calling method `name` proves its receiver belongs to: the one library whose table
 * lists it (t.detach(), t.unsqueeze(0), t.numel(): PyTorch), unless builtin types or other common objects
 * have it too.  `int_arg`: called with an integer literal (t.size(0) proves PyTorch; a.size is NumPy's
 * attribute, never called). */
static uint8_t method_lib(const VlKnowledge *know, const char *name, bool int_arg) {
  if (VL_STR_IN(builtin_methods, name)) return 0;
  bool common = VL_STR_IN(common_methods, name);
  if (common && !(int_arg && strcmp(name, "size") == 0)) return 0;
  uint8_t found = 0;
  const VlLibTable *seen[VL_MAX_LIBRARIES];
  size_t nseen = 0;
  for (size_t i = 0; i < know->nlibs; i++) {
    const VlLibrary *l = &know->libs[i];
    bool dup = false;
    for (size_t k = 0; k < nseen; k++) dup |= seen[k] == l->table;
    if (dup) continue; /* CuPy shares NumPy's table: NumPy's rows prove NumPy's rules */
    seen[nseen++] = l->table;
    if (!vl_libtable_find(l->table, VL_LIB_METHOD, name)) continue;
    if (found) return 0;
    found = l->id;
  }
  return found;
}

static void raise_lib(Ev *ev, uint32_t slot, uint8_t lib) {
  if (!ev->libs[slot]) ev->libs[slot] = lib;
  else if (ev->libs[slot] != lib) ev->libs[slot] = VL_LIB_EV_MIXED;
}

static void raise_ev(Ev *ev, uint32_t slot, int lo) {
  if (lo > 200) lo = 200;
  if (lo > ev->slots[slot]) ev->slots[slot] = (uint8_t)lo;
}

static void raise_attr_ev(Ev *ev, uint32_t slot, VlId name, int lo) {
  if (lo > 200) lo = 200;
  for (size_t i = 0; i < ev->attrs.len; i++)
    if (ev->attrs.items[i].slot == slot && ev->attrs.items[i].name == name) {
      if (lo > ev->attrs.items[i].lo) ev->attrs.items[i].lo = (uint8_t)lo;
      return;
    }
  AttrEvidence a = {(uint16_t)slot, name, (uint8_t)lo};
  VL_VEC_PUSH(&ev->attrs, a);
}

/* A local (slot) or an attribute of one (slot + name): what evidence can be about. */
static bool ev_target(const VlModule *m, VlId func, VlId e, int *slot, VlId *attr);

/* Raises the evidence of whatever `e` names. */
static void raise_on(const VlModule *m, VlId func, VlId e, Ev *ev, int lo) {
  int s;
  VlId attr;
  if (!ev_target(m, func, e, &s, &attr)) return;
  if (attr) raise_attr_ev(ev, (uint32_t)s, attr, lo);
  else raise_ev(ev, (uint32_t)s, lo);
}

/* Methods only arrays have (a str, list or dict has none of them): calling one is evidence. */
static const char *const array_methods[] = {
    "reshape", "unsqueeze", "unsqueeze_", "squeeze_", "permute", "detach", "numpy", "cpu", "cuda", "contiguous",
    "astype", "ravel", "flatten", "numel", "argmax", "argmin", "argsort", "clone", "softmax", "masked_fill",
    "transpose", "view_as", "expand_as", "narrow"};

bool vl_array_only_method(const char *name) { return name && VL_STR_IN(array_methods, name); }

static long int_lit(const VlModule *m, VlId e) { /* a literal int >= 0, or -1 */
  long v;
  return vl_int_literal(m, e, &v) && v >= 0 ? v : -1;
}

static int local_slot(const VlModule *m, VlId func, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_NAME || x->sym.owner != func || (x->sym.kind != VL_SYM_LOCAL && x->sym.kind != VL_SYM_GLOBAL))
    return -1;
  return x->sym.slot;
}

static bool ev_target(const VlModule *m, VlId func, VlId e, int *slot, VlId *attr) {
  const VlExpr *x = vl_expr(m, e);
  *attr = 0;
  if (x->op == VL_E_ATTR) {
    *slot = local_slot(m, func, vl_kid(m, e, 0));
    *attr = x->a;
    return *slot >= 0;
  }
  *slot = local_slot(m, func, e);
  return *slot >= 0;
}

/* Does the expression name a module (a name bound by an import statement, or a dotted name of
 * one: np, np.linalg)? */
static bool names_module(const VlModule *m, const uint8_t *imported, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_ATTR) return names_module(m, imported, vl_kid(m, e, 0));
  if (x->op != VL_E_NAME) return false;
  if (x->sym.kind == VL_SYM_BUILTIN) return true;
  if (x->sym.kind != VL_SYM_GLOBAL && x->sym.kind != VL_SYM_LOCAL && x->sym.kind != VL_SYM_CELL) return false;
  return x->a < m->nstrs && imported[x->a];
}

/* By string id: 1 for the names some import statement of the module binds (made once). */
static const uint8_t *imported_names(Analysis *an) {
  const VlModule *m = an->m;
  if (!an->imported) {
    uint8_t *by = VL_ARENA_ARRAY(an->arena, uint8_t, m->nstrs + 1);
    for (VlId s = 1; s < m->nstmts; s++) {
      const VlStmt *st = &m->stmts[s];
      if ((st->kind == VL_S_IMPORT || st->kind == VL_S_IMPORT_FROM) && st->a < m->nstrs) by[st->a] = 1;
    }
    an->imported = by;
  }
  return an->imported;
}

/* A string, number, True or False literal. */
static bool literal(const VlModule *m, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  return (x->op == VL_E_STR && !x->sub) || x->op == VL_E_INT || x->op == VL_E_FLOAT || x->op == VL_E_TRUE ||
         x->op == VL_E_FALSE;
}

/* A condition a literal passed for a parameter decides (`if p is None:`, `if mode == "cls":`, `x if
 * temperature != 1.0 else y`, `if normalize:`, `not p`): the parameter is marked VL_TESTED_NONE, so
 * that a call passing a literal, or leaving the literal default, gets an analysis of its own
 * (vl_specialise), in which interp.c's none_test decides the branch. */
static void mark_tested(const VlModule *m, VlId func, VlId cond, Ev *ev) {
  const VlExpr *c = vl_expr(m, cond);
  if (!ev->none_tested) return;
  if (c->op == VL_E_NOT) {
    mark_tested(m, func, vl_kid(m, cond, 0), ev);
    return;
  }
  VlId tested = 0;
  if (c->op == VL_E_NAME) tested = cond;
  else if (!vl_none_compare(m, cond, &tested) && c->op == VL_E_COMPARE && c->nkids == 2 &&
           c->a >= VL_CMP_EQ && c->a <= VL_CMP_NOT_IN) {
    /* either side the literal: a string, a number, True/False, or (for `in`) a display of them */
    VlId l = vl_kid(m, cond, 0), r = vl_kid(m, cond, 1);
    if (c->a == VL_CMP_IN || c->a == VL_CMP_NOT_IN) {
      uint8_t rop = vl_expr(m, r)->op;
      tested = rop == VL_E_LIST || rop == VL_E_TUPLE || rop == VL_E_SET ? l : 0;
    } else tested = literal(m, l) ? r : literal(m, r) ? l : 0;
  }
  const VlExpr *x = tested ? vl_expr(m, tested) : NULL;
  if (x && x->op == VL_E_NAME && x->sym.kind == VL_SYM_LOCAL && x->sym.owner == func)
    ev->none_tested[x->sym.slot] |= VL_TESTED_NONE;
}

static void ev_expr(const VlModule *m, VlId func, VlId e, Ev *ev, int depth) {
  if (!e || depth > 200) return;
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_LAMBDA) return;
  if (x->op == VL_E_COMP) {
    const VlComp *c = &m->comps[x->a];
    for (uint16_t i = 0; i < c->nclauses; i++) {
      const VlClause *cl = &m->clauses[c->clauses + i];
      if (cl->is_if) ev_expr(m, func, cl->cond, ev, depth + 1);
      else ev_expr(m, func, m->loops[cl->loop].iter, ev, depth + 1);
    }
    ev_expr(m, func, c->elem, ev, depth + 1);
    ev_expr(m, func, c->key, ev, depth + 1);
    return;
  }
  if (x->op == VL_E_COND) mark_tested(m, func, vl_kid(m, e, 1), ev);
  if (x->op == VL_E_SUB) {
    /* table[p]: a string passed for p picks one entry */
    const VlExpr *key = x->nkids == 2 ? vl_expr(m, vl_kid(m, e, 1)) : NULL;
    if (key && key->op == VL_E_NAME && key->sym.kind == VL_SYM_LOCAL && key->sym.owner == func && ev->none_tested)
      ev->none_tested[key->sym.slot] |= VL_TESTED_KEY;
    int dims = 0;
    bool ellipsis = false;
    for (uint32_t i = 1; i < x->nkids; i++) {
      const VlExpr *k = vl_expr(m, vl_kid(m, e, i));
      if (k->op == VL_E_ELLIPSIS) ellipsis = true;
      else if (k->op != VL_E_NONE && k->op != VL_E_STR) dims++;
    }
    if (!ellipsis && dims >= 2) raise_on(m, func, vl_kid(m, e, 0), ev, dims);
    /* a.shape[k] */
    const VlExpr *v = vl_expr(m, vl_kid(m, e, 0));
    if (v->op == VL_E_ATTR && strcmp(vl_str(m, v->a), "shape") == 0 && x->nkids == 2) {
      long k = int_lit(m, vl_kid(m, e, 1));
      if (k >= 0) raise_on(m, func, vl_kid(m, vl_kid(m, e, 0), 0), ev, (int)k + 1);
    }
  } else if (x->op == VL_E_ATTR) {
    if (VL_STR_IN(array_methods, vl_str(m, x->a))) raise_on(m, func, vl_kid(m, e, 0), ev, 1);
  } else if (x->op == VL_E_CALL) {
    VlId callee = vl_kid(m, e, 0);
    const VlExpr *cx = vl_expr(m, callee);
    if (cx->op == VL_E_NAME && cx->sym.kind == VL_SYM_BUILTIN && x->nkids >= 3 && ev->none_tested &&
        strcmp(vl_str(m, cx->a), "getattr") == 0) {
      /* getattr(cb, event): a string passed for the parameter `event` picks one attribute (callbacks
       * dispatched by event name) */
      const VlExpr *name = vl_expr(m, vl_kid(m, e, 2));
      if (name->op == VL_E_NAME && name->sym.kind == VL_SYM_LOCAL && name->sym.owner == func)
        ev->none_tested[name->sym.slot] |= VL_TESTED_KEY;
    }
    int slot = cx->op == VL_E_ATTR ? local_slot(m, func, vl_kid(m, callee, 0)) : -1;
    if (slot >= 0) {
      bool int_arg = x->nkids == 2 && int_lit(m, vl_kid(m, e, 1)) >= 0;
      const char *mname = vl_str(m, cx->a);
      /* method_lib reads only the name and the tables: asked once per name (scans of ~130 names) */
      uint8_t *memo = cx->a < m->nstrs ? &ev->method_libs[2 * cx->a + int_arg] : NULL;
      if (memo && !*memo) *memo = (uint8_t)(method_lib(ev->know, mname, int_arg) + 1);
      uint8_t lib = memo ? (uint8_t)(*memo - 1) : method_lib(ev->know, mname, int_arg);
      /* the library only: a method name alone does not make a value an array (a project class may have
       * an `expand` method too); array evidence comes from the uses above, the array-only methods, or
       * t.size(k), which nothing else spells so */
      if (lib) raise_lib(ev, (uint32_t)slot, lib);
      if (lib && int_arg && strcmp(mname, "size") == 0) raise_ev(ev, (uint32_t)slot, 1);
    }
    if (ev->mi && cx->op == VL_E_NAME && cx->sym.kind == VL_SYM_GLOBAL) {
      /* iou(b, boxes[1:]) where iou indexes its second parameter with two axes: so has `boxes` (the call
       * ran); a module-level function of this module, called with positional arguments */
      VlId g = ev->by_name && cx->a < m->nstrs ? ev->by_name[cx->a] : 0; /* strings are interned: by id */
      if (g) {
        const VlFuncInfo *gi = &ev->mi->funcs[g];
        for (uint32_t i = 1; i < x->nkids && i - 1 < gi->nparams; i++) {
          VlId arg = vl_kid(m, e, i);
          if (vl_expr(m, arg)->op == VL_E_KW || vl_expr(m, arg)->op == VL_E_STAR) break;
          if (gi->params[i - 1].kind != VL_P_POS || !gi->params[i - 1].nd_evidence) continue;
          while (vl_expr(m, arg)->op == VL_E_SUB && vl_expr(m, arg)->nkids == 2 &&
                 vl_expr(m, vl_kid(m, arg, 1))->op == VL_E_SLICE)
            arg = vl_kid(m, arg, 0); /* a slice has its array's ndim */
          int s = local_slot(m, func, arg);
          if (s >= 0) raise_ev(ev, (uint32_t)s, gi->params[i - 1].nd_evidence);
        }
      }
    }
    long axis = -1;
    for (uint32_t i = 1; i < x->nkids; i++) {
      VlId k = vl_kid(m, e, i);
      const VlExpr *kx = vl_expr(m, k);
      if (kx->op == VL_E_KW && (strcmp(vl_str(m, kx->a), "axis") == 0 || strcmp(vl_str(m, kx->a), "dim") == 0))
        axis = int_lit(m, vl_kid(m, k, 0));
    }
    if (axis >= 1) {
      /* a.sum(axis=1): the receiver; np.sum(a, axis=1): the first argument (a name bound by an
       * import, or not bound here, is a module) */
      bool method = cx->op == VL_E_ATTR && !names_module(m, ev->imported, vl_kid(m, callee, 0));
      if (method) raise_on(m, func, vl_kid(m, callee, 0), ev, (int)axis + 1);
      else if (x->nkids > 1) raise_on(m, func, vl_kid(m, e, 1), ev, (int)axis + 1);
    }
  }
  for (uint32_t i = 0; i < x->nkids; i++) ev_expr(m, func, vl_kid(m, e, i), ev, depth + 1);
}

static void ev_block(const VlModule *m, VlId func, VlId block, Ev *ev, int depth);

static void ev_stmt(const VlModule *m, VlId func, VlId s, Ev *ev, int depth) {
  const VlStmt *st = vl_stmt(m, s);
  switch (st->kind) {
  case VL_S_EXPR:
  case VL_S_RETURN:
  case VL_S_RAISE: ev_expr(m, func, st->a, ev, depth); break;
  case VL_S_ASSIGN:
    ev_expr(m, func, st->a, ev, depth);
    for (uint32_t i = 0; i < st->n; i++) ev_expr(m, func, m->kids[st->b + i], ev, depth);
    break;
  case VL_S_AUGASSIGN:
  case VL_S_ANNASSIGN:
    ev_expr(m, func, st->a, ev, depth);
    ev_expr(m, func, st->b, ev, depth);
    break;
  case VL_S_IF:
    mark_tested(m, func, st->a, ev);
    ev_expr(m, func, st->a, ev, depth);
    ev_block(m, func, st->b, ev, depth + 1);
    ev_block(m, func, st->c, ev, depth + 1);
    break;
  case VL_S_FOR:
  case VL_S_WHILE:
    ev_expr(m, func, m->loops[st->a].iter, ev, depth);
    ev_block(m, func, st->b, ev, depth + 1);
    ev_block(m, func, st->c, ev, depth + 1);
    break;
  case VL_S_TRY:
    ev_block(m, func, st->a, ev, depth + 1);
    for (uint32_t i = 0; i < st->n; i++) ev_block(m, func, m->handlers[st->b + i].body, ev, depth + 1);
    ev_block(m, func, st->c, ev, depth + 1);
    ev_block(m, func, st->d, ev, depth + 1);
    break;
  case VL_S_WITH:
    for (uint32_t i = 0; i < st->n; i++) ev_expr(m, func, m->kids[st->a + 2 * i], ev, depth);
    ev_block(m, func, st->b, ev, depth + 1);
    break;
  case VL_S_MATCH:
    for (uint32_t i = 0; i < st->n; i++) ev_block(m, func, m->kids[st->b + i], ev, depth + 1);
    break;
  default: break;
  }
}

static void ev_block(const VlModule *m, VlId func, VlId block, Ev *ev, int depth) {
  if (!block || depth > 200) return;
  for (uint32_t i = 0; i < m->blocks[block].count; i++) ev_stmt(m, func, vl_block_stmt(m, block, i), ev, depth);
}

/* What a function's uses prove about its names.  `with_calls`: also what calls of this module's
 * functions prove (their parameters' evidence, so only once every function's is known). */
static void evidence(Analysis *an, VlId func, bool with_calls) {
  const VlModule *m = an->m;
  const VlFunc *fn = vl_func(m, func);
  FuncData *fd = &an->fd[func];
  if (with_calls && !an->funcs_by_name) { /* once per module: its module-level functions by name */
    VlId *map = VL_ARENA_ARRAY(an->arena, VlId, m->nstrs + 1);
    for (VlId g = 1; g < m->nfuncs; g++) {
      const VlFunc *gf = &m->funcs[g];
      if (gf->kind == VL_FN_DEF && gf->parent == VL_MODULE_FUNC && !gf->klass && gf->name < m->nstrs) map[gf->name] = g;
    }
    an->funcs_by_name = map;
  }
  if (!an->method_libs) an->method_libs = VL_ARENA_ARRAY(an->arena, uint8_t, 2 * (size_t)m->nstrs + 2);
  Ev ev = {VL_ARENA_ARRAY(an->arena, uint8_t, fn->nlocals + 1), VL_ARENA_ARRAY(an->arena, uint8_t, fn->nlocals + 1),
           {0}, an->know, with_calls ? an->mi : NULL, with_calls ? an->funcs_by_name : NULL, imported_names(an),
           VL_ARENA_ARRAY(an->arena, uint8_t, fn->nlocals + 1), an->method_libs};
  if (fn->kind == VL_FN_LAMBDA) ev_expr(m, func, fn->expr, &ev, 0);
  else ev_block(m, func, fn->body, &ev, 0);
  fd->evidence = ev.slots;
  fd->none_tested = ev.none_tested;
  fd->lib_evidence = ev.libs;
  fd->nattr_ev = (uint32_t)ev.attrs.len;
  fd->attr_ev = VL_ARENA_ARRAY(an->arena, AttrEvidence, ev.attrs.len + 1);
  if (ev.attrs.len) memcpy(fd->attr_ev, ev.attrs.items, ev.attrs.len * sizeof(AttrEvidence));
  VL_VEC_FREE(&ev.attrs);
}

static void use_evidence(Frame *F, VlId func) {
  FuncData *fd = &F->an->fd[func];
  if (!fd->calls_evidence) { /* now that every function's parameters are known: what calls prove too */
    evidence(F->an, func, true);
    fd->calls_evidence = true;
  }
  F->evidence = fd->evidence;
  F->lib_evidence = fd->lib_evidence;
  F->attr_ev = fd->attr_ev;
  F->nattr_ev = fd->nattr_ev;
}

/* ---- parameters ---- */

/* An annotation naming an array type: ndarray, NDArray[...], Tensor, torch.Tensor, ArrayLike. */
static uint8_t annotation_lib(const VlKnowledge *know, const VlModule *m, VlId e) {
  if (!e) return 0;
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_SUB) return annotation_lib(know, m, vl_kid(m, e, 0));
  if (x->op == VL_E_STR) return 0;
  const char *name = x->op == VL_E_NAME || x->op == VL_E_ATTR ? vl_str(m, x->a) : "";
  const VlLibrary *lib = vl_knowledge_lib_of_type(know, name); /* the `types` column of rules/libraries.tsv */
  return lib ? lib->id : 0;
}

/* An annotation naming a Python number, written bare (`int`, `float`, `bool`; not Optional[...] or a
 * union): the kind of object it promises (VL_O_INT, VL_O_SCALAR), else 0. */
static VlObjKind annotation_number(const VlModule *m, VlId e) {
  if (!e || vl_expr(m, e)->op != VL_E_NAME) return VL_O_UNKNOWN;
  const char *name = vl_str(m, vl_expr(m, e)->a);
  return strcmp(name, "int") == 0                                  ? VL_O_INT
         : strcmp(name, "float") == 0 || strcmp(name, "bool") == 0 ? VL_O_SCALAR
                                                                   : VL_O_UNKNOWN;
}

static void init_params(Frame *F) {
  Analysis *an = F->an;
  const VlModule *m = an->m;
  const VlFunc *fn = vl_func(m, F->func);
  F->params = VL_ARENA_ARRAY(F->scratch, const VlVal *, fn->nparams + 1);
  for (uint16_t p = 0; p < fn->nparams; p++) {
    const VlParam *pp = &m->params[fn->params + p];
    const VlVal *hint = NULL;
    uint8_t lib = annotation_lib(an->know, m, pp->annotation);
    if (lib) {
      VlObj h = {.kind = VL_O_ARRAY, .lib = lib, .nd = vl_nd_unknown(), .site = NULL};
      hint = vl_val1(V(an), vl_obj(V(an), h));
    } else if (annotation_number(m, pp->annotation) != VL_O_UNKNOWN) {
      hint = vl_prim(V(an), annotation_number(m, pp->annotation)); /* temperature: int = 10000 */
    }
    if (p == 0 && fn->klass && !(fn->flags & (VL_FN_STATICMETHOD | VL_FN_CLASSMETHOD))) {
      /* self: an instance of the method's class */
      VlObj cls = {.kind = VL_O_CLASS, .mod = an->mi, .func = fn->klass, .nd = vl_nd_unknown()};
      VlObj h = {.kind = VL_O_INST, .base = vl_val1(V(an), vl_obj(V(an), cls)), .nd = vl_nd_unknown()};
      hint = vl_val1(V(an), vl_obj(V(an), h));
    }
    VlObj o = {.kind = VL_O_SYM, .sub = VL_SYM_PARAM, .index = p, .mod = an->mi, .func = F->func, .elem = hint,
               .nd = vl_nd_unknown(), .name = vl_str(m, pp->name)};
    F->params[p] = vl_val1(V(an), vl_obj(V(an), o));
    /* the parameter's slot: its name is bound first, so slots follow the parameters */
    for (uint32_t i = 0; i < F->nenv; i++)
      if (strcmp(vl_local_name(m, F->func, i), vl_str(m, pp->name)) == 0) {
        F->env[i] = F->params[p];
        break;
      }
  }
}

/* ---- summaries ---- */

typedef VL_VEC(const VlSite *) SiteVec;

/* The sites of new objects of this function v reaches, in the order first met, each once.  `seen`
 * holds those in `out` (the scan of `out` for each was a third of this walk's cost on matplotlib);
 * `walked` the values whose walk has finished, with the least depth it started from + 1.  Such a
 * value met again from that depth or deeper is not walked again: it would add no site, since every
 * path from it within the depth left was followed then, and a site a path met either was added then
 * or already was (the order of `out` is what it was).  A value met again while its own walk is still
 * under way (a heap entry holding it) is walked again, as it always was. */
typedef struct HeapReach {
  SiteVec *out;
  VlPtrMap seen, walked;
} HeapReach;

static void heap_reach(Frame *F, const VlVal *v, HeapReach *R, int depth) {
  if (!v || depth > 6 || !v->n) return;
  uintptr_t from = (uintptr_t)vl_ptrmap_get(&R->walked, v);
  if (from && from <= (uintptr_t)depth + 1) return;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->site && o->site->kind == VL_SITE_NEW && o->site->func == F->func && o->site->mod == F->an->mi &&
        !vl_ptrmap_get(&R->seen, o->site)) {
      VL_VEC_PUSH(R->out, o->site);
      vl_ptrmap_put(&R->seen, o->site, o->site);
      VlHeapEntry *e = vl_heap_find(F, o->site);
      if (e) {
        heap_reach(F, e->elem, R, depth + 1);
        for (uint16_t a = 0; a < e->nattrs; a++) heap_reach(F, e->attrs[a].val, R, depth + 1);
      }
    }
    heap_reach(F, o->elem, R, depth + 1);
    for (uint16_t k = 0; k < o->nitems; k++) heap_reach(F, o->items[k], R, depth + 1);
    if (o->kind == VL_O_FUNC) { /* a closure's cells (a tuple in key), a bound method's receiver */
      heap_reach(F, o->key, R, depth + 1);
      heap_reach(F, o->base, R, depth + 1);
    }
  }
  from = (uintptr_t)vl_ptrmap_get(&R->walked, v); /* (a walk of v inside this one may have finished) */
  if (!from || from > (uintptr_t)depth + 1) vl_ptrmap_put(&R->walked, v, (const void *)((uintptr_t)depth + 1));
}

/* A generator's steps: new objects made inside its loops are new at every step. */
static const VlVal *mark_steps_at(Frame *F, const VlVal *v, int depth);
static const VlVal *mark_steps(Frame *F, const VlVal *v) { return mark_steps_at(F, v, 0); }

static const VlVal *mark_steps_map(Frame *F, const VlVal *v, void *depth) {
  return mark_steps_at(F, v, *(const int *)depth);
}

static const VlVal *mark_steps_at(Frame *F, const VlVal *v, int depth) {
  if (vl_val_empty(v) || depth > 4) return v;
  const VlObj *out[VL_VAL_MAX * 2];
  int n = 0;
  const VlModule *m = F->an->m;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX * 2; i++) {
    const VlObj *o = v->objs[i];
    VlObj c = *o;
    if (o->site && o->site->kind == VL_SITE_NEW && o->site->mod == F->an->mi && o->site->func == F->func) {
      bool in_loop = false;
      for (VlId l = F->loop_base; l && l < F->loop_base + F->nloop_memo && !in_loop; l++)
        in_loop = m->loops[l].func == F->func && vl_loop_runs(m, l, o->site->start);
      if (in_loop) {
        VlSite s = *o->site;
        s.step = 1;
        c.site = vl_site(V(F->an), s);
      }
    }
    if (o->kind == VL_O_SYM && o->expr) { /* deferred, in the loop: per step */
      const VlExpr *x = vl_expr(m, o->expr);
      for (VlId l = F->loop_base; l && l < F->loop_base + F->nloop_memo; l++)
        if (m->loops[l].func == F->func && vl_loop_runs(m, l, x->start)) {
          c.flags |= VL_F_PER_STEP;
          break;
        }
    }
    /* `yield model(x).h`, `obs, r = env.step(a); yield obs`, `yield out[0]`: the deferred call under
     * the attribute, element or index is per step too (what it makes, and so the part read of it, is
     * new at each step) */
    if (o->kind == VL_O_SYM && (o->sub == VL_SYM_ATTRV || o->sub == VL_SYM_ELEMV || o->sub == VL_SYM_SUBV) && o->base)
      c.base = mark_steps_at(F, o->base, depth + 1);
    /* a deferred operation known to give an array (`logits, h = model(ids)` then `logits[:, -1]`
     * read): the operation the array stands for is per step as above */
    if (o->site && o->site->kind == VL_SITE_SYM && o->site->sym && o->site->sym->sub != VL_SYM_PARAM) {
      const VlVal *m1 = mark_steps_at(F, vl_val1(V(F->an), o->site->sym), depth + 1);
      if (m1->n == 1 && m1->objs[0] != o->site->sym) {
        VlSite s = *o->site;
        s.sym = m1->objs[0];
        c.site = vl_site(V(F->an), s);
      }
    }
    if (o->site && o->site->kind == VL_SITE_STEP) { /* per iteration of its own loop: per step */
      VlSite s = {.kind = VL_SITE_NEW, .how = o->site->how, .step = 1, .mod = F->an->mi, .func = F->func,
                  .at = o->site->at, .start = o->site->start, .end = o->site->end, .via = o->site->via};
      c.site = vl_site(V(F->an), s);
    }
    const VlVal *items[64];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE) { /* yield x, y: each part */
      for (uint16_t k = 0; k < o->nitems && k < 64; k++) items[k] = mark_steps_at(F, o->items[k], depth + 1);
      if (o->nitems) c.items = items;
      if (c.nitems > 64) c.nitems = 64;
      c.elem = mark_steps_at(F, o->elem, depth + 1);
    } else if (c.site != o->site && (o->kind == VL_O_SEQ || o->kind == VL_O_INST || o->kind == VL_O_OBJ)) {
      /* a dict, list or object made anew at each step (yield {"image": img, "label": y}): what it
       * holds is filed under the new site, itself marked, as a caller's loop moves it on (ops.c:
       * restep); left under the old site, the caller found nothing in it */
      vl_heap_carry(F, o->site, c.site, mark_steps_map, &(int){depth + 1});
    }
    out[n++] = vl_obj(V(F->an), c);
  }
  return vl_val_of(V(F->an), out, (size_t)n);
}

static bool reported_into(const VlObj *o, const void *ctx) {
  const Frame *F = ctx;
  for (size_t k = 0; o->kind == VL_O_SEQ && o->site && k < F->reported_into.len; k++)
    if (F->reported_into.items[k] == o->site) return true;
  return false;
}

/* Containers the frame reported stores into, marked so: a caller storing them again reports
 * nothing more. */
static const VlVal *mark_reported(Frame *F, const VlVal *v) {
  if (!F->reported_into.len) return v;
  return vl_val_flag(V(F->an), v, VL_F_REPORTED, reported_into, F);
}

/* Do two effects act on the same thing from the same place (so that one, with both values, says
 * what both say)? */
static bool same_effect_place(const VlEffect *a, const VlEffect *b) {
  return a->kind == b->kind && a->store == b->store && a->key_varies == b->key_varies && a->key == b->key &&
         a->loop_call == b->loop_call &&
         a->target == b->target &&
         a->func == b->func && a->slot == b->slot && a->at.mod == b->at.mod && a->at.start == b->at.start &&
         a->at.end == b->at.end && (a->name == b->name || (a->name && b->name && strcmp(a->name, b->name) == 0));
}

static uint64_t effect_place_hash(const VlEffect *e) {
  uint64_t h = (uint64_t)e->kind * 31 + e->store;
  h = h * 1000003u ^ (uint64_t)(uintptr_t)e->target;
  h = h * 1000003u ^ ((uint64_t)e->func << 32 | e->slot);
  h = h * 1000003u ^ ((uint64_t)(uintptr_t)e->at.mod + e->at.start);
  for (const char *c = e->name; c && *c; c++) h = h * 131 + (unsigned char)*c;
  return h;
}

/* A summary holds at most this many stores: a function that calls many others collects their
 * stores into its parameters, and a caller of it collects them again.  Stores beyond it are left
 * out, as for a call we cannot see into (a finding missed, never one made up); the other effects
 * (attributes set, containers emptied) are always kept, since leaving them out could make one. */
enum { VL_MAX_SUMMARY_STORES = 256 };

/* The effects, each place once (values joined): a loop's rounds and a frame's passes repeat them. */
static void merge_effects(Analysis *an, VlEffect *items, size_t *len) {
  size_t cap = 16;
  while (cap < *len * 2) cap *= 2;
  size_t *slot = vl_xcalloc(cap, sizeof(size_t)); /* index + 1 of a kept effect */
  size_t out = 0, stores = 0;
  for (size_t i = 0; i < *len; i++) {
    VlEffect e = items[i];
    size_t h = (size_t)effect_place_hash(&e) & (cap - 1);
    while (slot[h] && !same_effect_place(&items[slot[h] - 1], &e)) h = (h + 1) & (cap - 1);
    if (slot[h]) {
      VlEffect *kept = &items[slot[h] - 1];
      kept->value = vl_join(an->vals, kept->value, e.value);
      continue;
    }
    if (e.kind == VL_EFF_STORE && ++stores > VL_MAX_SUMMARY_STORES) continue;
    items[out] = e;
    slot[h] = ++out;
  }
  free(slot);
  *len = out;
}

/* Does a loop of F's own store an unknown where it indexed a piece of a parameter's array with an
 * integer, undecided for want of its ndim (`for chunk in np.array_split(p, k): out.append(chunk[0])`)?
 * (VlSummary.rows_deferred) */
static bool rows_deferred(const Frame *F) {
  if (F->specialised || !F->piece_index) return false;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (ev->loop && !ev->call && vl_val_has(ev->value, VL_O_UNKNOWN)) return true;
  }
  return false;
}

/* Does a loop of F's own store a value computed from a parameter and left undecided (a deferred
 * operation: not the parameter itself)?  A recursive function is its own loop: any of its stores
 * counts (`q = step(q); leaves.append(q[:3])` at a leaf of a tree recursion). (VlSummary.loop_deferred) */
/* A record instance (`Detection(preds[i, :4], score)`) one of whose attributes is an operation
 * deferred on a parameter. */
static bool record_deferred(const Frame *F, const VlObj *o) {
  if (o->kind != VL_O_INST || !(o->flags & VL_F_PLAIN) || !o->site) return false;
  const VlHeapEntry *e = vl_heap_find(F, o->site);
  for (uint16_t a = 0; e && a < e->nattrs; a++)
    for (uint16_t j = 0; j < e->attrs[a].val->n; j++) {
      const VlObj *x = e->attrs[a].val->objs[j];
      if (x->kind == VL_O_SYM && x->sub != VL_SYM_PARAM) return true;
    }
  return false;
}

/* What a parameter hands out at each step, or an item or attribute of it (`for xb, yb in loader`
 * unpacks the batch; `batch["image"]`, `step.obs`): a chain of subscripts and attributes ending at
 * an element of a parameter. */
static bool step_of_param(const VlObj *s) {
  for (int d = 0; s && s->kind == VL_O_SYM && d < 4; d++) {
    if (s->sub == VL_SYM_ELEMV) return true;
    if ((s->sub != VL_SYM_SUBV && s->sub != VL_SYM_ATTRV) || !s->base || s->base->n != 1) return false;
    s = s->base->objs[0];
  }
  return false;
}

/* Does a container stored whole hold, as an item (of a tuple display) or as a value (of a dict display,
 * a list display), an operation deferred on a parameter, or an unknown in a function indexing with a
 * parameter (`out[p] = {"poster": frames[k // 2]}`, `kept.append((p, frames[k]))` with `k` a
 * parameter)?  Stored alone, such a value makes the function analysed again for what its callers pass;
 * wrapped in a display, the same. */
static bool holds_deferred(const Frame *F, const VlVal *v, int depth) {
  if (!v || depth > 3) return false;
  for (uint16_t k = 0; k < v->n; k++) {
    const VlObj *o = v->objs[k];
    if (depth && o->kind == VL_O_SYM && o->sub != VL_SYM_PARAM) return true;
    if (depth && o->kind == VL_O_UNKNOWN && F->param_index) return true; /* (as a store of it alone, below) */
    if (o->kind != VL_O_SEQ || !o->site || o->site->kind != VL_SITE_NEW) continue;
    for (uint16_t i = 0; i < o->nitems; i++)
      if (holds_deferred(F, o->items[i], depth + 1)) return true;
    const VlHeapEntry *e = vl_heap_find(F, o->site);
    if (e && holds_deferred(F, e->elem, depth + 1)) return true;
    for (uint16_t i = 0; e && i < e->nattrs; i++)
      if (e->attrs[i].name[0] == VL_DICT_KEY_MARK && holds_deferred(F, e->attrs[i].val, depth + 1)) return true;
  }
  return false;
}

static bool loop_deferred(const Frame *F) {
  if (F->specialised) return false;
  if (F->passes_deferred || rows_deferred(F)) return true;
  for (size_t i = 0; F->param_index && i < F->stores.len; i++) { /* (also a callee's store: record(u, col=w - 16)) */
    const StoreEv *ev = &F->stores.items[i];
    if (!ev->loop) continue;
    if (vl_val_has(ev->value, VL_O_UNKNOWN) || holds_deferred(F, ev->value, 0)) return true;
    for (uint16_t k = 0; k < ev->value->n; k++) /* (an array made here, indexed by the parameter: deferred) */
      if (ev->value->objs[k]->kind == VL_O_SYM && ev->value->objs[k]->sub == VL_SYM_SUBV) return true;
  }
  bool recursive = F->func != VL_MODULE_FUNC && F->an->fd[F->func].recursed;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if ((!ev->loop && !recursive) || ev->call) continue;
    for (uint16_t k = 0; k < ev->value->n; k++) {
      const VlObj *o = ev->value->objs[k];
      if (o->kind == VL_O_SYM && o->sub != VL_SYM_PARAM) return true;
      if (record_deferred(F, o)) return true;
      if (o->kind == VL_O_SEQ && holds_deferred(F, vl_val1(F->an->vals, o), 0)) return true;
      /* a part of what a parameter hands out (`for f in frames: out.append(f[:64])`, also of an item
       * of it: `for mels, lens in loader: out.append(mels[0])`): whether each element is new, the
       * caller's iterable says */
      if (o->kind == VL_O_ARRAY && o->sub && (o->flags & VL_F_PARTIAL) && o->site && o->site->kind == VL_SITE_SYM &&
          step_of_param(o->site->sym))
        return true;
    }
  }
  return false;
}

/* Is a container the callee empties one its callers may hold?  The result of a call is only when the
 * call is a method of what the caller passes, reached by attributes alone (self.buffer().clear(),
 * get_cache().clear()): a call on an element or on another call's result (`l = path.split(sep)`
 * with `path` an element of a parameter, then `del l[i]`) makes a new object in every code seen,
 * and recursive helpers of that shape had a thousand such clears, each applied at every call. */
static bool clear_exported(const VlObj *o) {
  if (o->kind != VL_O_SYM || o->sub != VL_SYM_CALLV) return true;
  for (const VlObj *r = o->base && o->base->n == 1 ? o->base->objs[0] : NULL; r;
       r = r->base && r->base->n == 1 ? r->base->objs[0] : NULL) {
    if (r->kind != VL_O_SYM) return true;
    if (r->sub == VL_SYM_PARAM || r->sub == VL_SYM_GLOBALV || r->sub == VL_SYM_CELLV) return true;
    if (r->sub != VL_SYM_ATTRV) return false;
  }
  return false;
}

typedef VL_VEC(VlEffect) EffectVec;

/* A container is emptied, whichever value it was found in: one effect per object, so that merging
 * keeps each once (a value joins several, in mixes that differ from call to call). */
static void split_clears(Analysis *an, EffectVec *effects) {
  size_t n = effects->len;
  for (size_t i = 0; i < n; i++) {
    if (effects->items[i].kind != VL_EFF_CLEAR) continue;
    const VlVal *t = effects->items[i].target;
    effects->items[i].kind = 0; /* (replaced by one per object, dropped below) */
    for (uint16_t k = 0; k < t->n; k++) {
      if (!clear_exported(t->objs[k])) continue;
      VlEffect one = {.kind = VL_EFF_CLEAR, .target = vl_val1(an->vals, t->objs[k])};
      VL_VEC_PUSH(effects, one);
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < effects->len; i++)
    if (effects->items[i].kind) effects->items[out++] = effects->items[i];
  effects->len = out;
}

/* Does v hold a view of an array the caller passes (a symbol's, a deferred operation on one, or in
 * an analysis for what a call passes the caller's own), and none of an array this call makes? */
/* Is array o a view of an array this call makes anew (`high = dets[mask]`), which the call does not
 * keep on an object of its own (`self.buf = np.zeros(...)`: one buffer for every call)?  A view of it
 * a stored instance holds pins a new array per call: the caller's loop decides. */
static bool own_per_call(const Frame *F, const VlObj *o, const VlEffect *effs, uint32_t neffs) {
  if (!effs || !o->site || o->site->kind != VL_SITE_NEW || o->site->mod != F->an->mi || o->site->func != F->func ||
      (o->flags & VL_F_ASSUMED) || !(o->flags & VL_F_PARTIAL))
    return false;
  for (uint32_t e = 0; e < neffs; e++) {
    if (effs[e].kind != VL_EFF_SETATTR && effs[e].kind != VL_EFF_SETGLOBAL && effs[e].kind != VL_EFF_SETCELL) continue;
    for (uint16_t k = 0; effs[e].value && k < effs[e].value->n; k++)
      if (effs[e].value->objs[k]->site == o->site) return false;
  }
  return true;
}

static bool views_callers_only(const Frame *F, const VlVal *v, int depth, const VlEffect *effs, uint32_t neffs) {
  bool callers = false;
  for (uint16_t i = 0; v && i < v->n && depth < 4; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_SYM) callers = true;
    else if (o->kind == VL_O_ARRAY && o->sub) {
      /* a symbol's, or (an analysis for what a call passes) the caller's own array */
      bool passed = o->site && (o->site->kind == VL_SITE_SYM ||
                                ((o->site->kind == VL_SITE_NEW || o->site->kind == VL_SITE_STEP) && F->specialised &&
                                 !(o->site->mod == F->an->mi && o->site->func == F->func)));
      if (!passed && !own_per_call(F, o, effs, neffs)) return false;
      callers = true;
    } else if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE) {
      for (uint16_t k = 0; k < o->nitems; k++) {
        if (vl_val_has(o->items[k], VL_O_ARRAY) || vl_val_has(o->items[k], VL_O_SYM)) {
          if (!views_callers_only(F, o->items[k], depth + 1, effs, neffs)) return false;
          callers = true;
        }
      }
    }
  }
  return callers;
}

/* Does v hold a partial view (itself, or as an item of a tuple)? */
static bool holds_partial_view(const Frame *F, const VlVal *v, int depth) {
  for (uint16_t i = 0; v && i < v->n && depth < 4; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub && (o->flags & VL_F_PARTIAL)) return true;
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE)
      for (uint16_t k = 0; k < o->nitems; k++)
        if (holds_partial_view(F, o->items[k], depth + 1)) return true;
    /* a record instance (`kept.append(Detection(preds[i, :4], ...))`): the views its attributes
     * hold, as retain.c: stored_views reads them */
    if (o->kind == VL_O_INST && (o->flags & VL_F_PLAIN) && o->site) {
      const VlHeapEntry *e = vl_heap_find(F, o->site);
      for (uint16_t a = 0; e && a < e->nattrs; a++)
        if (holds_partial_view(F, e->attrs[a].val, depth + 1)) return true;
    }
  }
  return false;
}

/* Does v hold an operation deferred on what the caller passes (an element of `masks.unbind(0)`, a
 * subscript of a parameter), itself, as an item of a tuple, or as an attribute of a record
 * (record_deferred): a part of the caller's array, maybe, once the caller resolves it? */
static bool deferred_part(const Frame *F, const VlVal *v, int depth) {
  for (uint16_t i = 0; v && i < v->n && depth < 2; i++) {
    const VlObj *o = v->objs[i];
    if ((o->kind == VL_O_SYM && o->sub != VL_SYM_PARAM) || record_deferred(F, o)) return true;
    for (uint16_t k = 0; o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && k < o->nitems; k++)
      if (deferred_part(F, o->items[k], depth + 1)) return true;
  }
  return false;
}

/* The containers (not tuples) this call makes and returns, itself or as an item of a returned tuple. */
static void returned_containers(Frame *F, const VlVal *v, const VlSite **out, size_t *n, int depth) {
  for (uint16_t i = 0; v && i < v->n && depth < 2; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ) continue;
    if (o->sub == VL_SEQ_TUPLE) {
      for (uint16_t k = 0; k < o->nitems; k++) returned_containers(F, o->items[k], out, n, depth + 1);
      continue;
    }
    if (*n < 64 && o->site && o->site->kind == VL_SITE_NEW && o->site->mod == F->an->mi && o->site->func == F->func)
      out[(*n)++] = o->site;
  }
}

/* Does this function store the display that store ev fills (its container) somewhere itself? */
/* The containers this call makes that its caller gets, and the stores into them that are effects:
 * - a container a new object of this call holds in an attribute, the object being handed back or
 *   stored where the caller sees it (`t = Track(tid); t.add(det)` then `self.active.append(t)` or
 *   `return t`): whether it outlives the caller's loop is the caller's question
 *   (retain.c: kept_by_stored_instance).  Only stores of values showing the caller's arrays: what
 *   this call makes, and whether it keeps all of it, it decides.
 * - a list (dict, set) this call makes and returns, itself or in a returned tuple (`tps = []; ...
 *   tps.append(preds[j]); return tps, flags`): stores of partial views, and a display's values
 *   outside the loops (`return {"box": dets[i, :4], ...}`, interp.c: display_stores: a subscript of
 *   what a parameter gives, the caller's array decides).  A leak a caller's loop makes of it is
 *   reported at the append or the display's value, where `.copy()` belongs, not where the caller
 *   stores the list (retain.c: stored_views skips a container filled by stores).  A view of an
 *   array this call makes is new at every call, as the array is.  A loop that may store every row of
 *   its array shows the caller all of it: then the caller judges the list it stores, as without
 *   this effect.  A record this function also stores itself (`self._samples[i] = sample; return
 *   sample`) is reported where it stores it. */
static void handed_back_container_stores(Frame *F, const SiteVec *sites, const VlVal *ret, const VlSummary *s,
                                         EffectVec *out) {
  Analysis *an = F->an;
  const VlSite *held[64], *returned[64];
  size_t nheld = 0, nret = 0;
  for (size_t i = 0; i < sites->len; i++) {
    const VlHeapEntry *e = vl_heap_find(F, sites->items[i]);
    for (uint16_t a = 0; e && a < e->nattrs; a++)
      for (uint16_t k = 0; k < e->attrs[a].val->n && nheld < 64; k++) {
        const VlObj *c = e->attrs[a].val->objs[k];
        if (c->kind == VL_O_SEQ && c->site && c->site->kind == VL_SITE_NEW && c->site->mod == an->mi &&
            c->site->func == F->func)
          held[nheld++] = c->site;
      }
  }
  returned_containers(F, ret, returned, &nret, 0);
  for (size_t i = 0; (nheld || nret) && i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (ev->implicit) continue;
    bool into_held = false, into_ret = false, visible = false;
    for (uint16_t k = 0; k < ev->container->n; k++) {
      const VlObj *c = ev->container->objs[k];
      visible |= vl_caller_visible(F, c);
      for (size_t h = 0; h < nheld && !into_held; h++) into_held = c->site == held[h];
      for (size_t h = 0; h < nret && !into_ret; h++) into_ret = c->site == returned[h];
    }
    if (visible) continue;
    bool by_held = into_held && views_callers_only(F, ev->value, 0, s->effects, s->neffects);
    bool display = ev->store == VL_ST_ELEMENT && !ev->loop;
    /* a store in a `for` loop (or comprehension) that skips some iterations (`if score < thr:
     * continue`) of what the caller's array will decide (a piece of `masks.unbind(0)`): maybe not
     * every piece gets in, so the caller must not read the list as all of them (its pieces'
     * VL_F_EVERY, when it has only this summary); the store is kept, judged there */
    bool filtered = !ev->call && ev->loop && an->m->loops[ev->loop].kind != VL_LOOP_WHILE &&
                    ev->store == VL_ST_APPEND && deferred_part(F, ev->value, 0) && !vl_store_every_iteration(F, ev);
    bool by_ret = !by_held && into_ret && !ev->call && (display || filtered || holds_partial_view(F, ev->value, 0)) &&
                  !(display && vl_frame_stored(F, ev->container, ev));
    if (!by_held && !by_ret) continue;
    VlEffect ef = {.kind = VL_EFF_STORE, .store = ev->store, .key_varies = ev->key_varies, .target = ev->container,
                   .value = ev->value, .at = ev->at, .fix_at = ev->fix_at, .text = ev->text,
                   .container = ev->container_text};
    ef.carried = by_ret && display;
    vl_effect_over_call(F, &ef, true);
    if (by_ret && !display && !filtered && !holds_partial_view(F, ef.value, 0)) continue;
    VL_VEC_PUSH(out, ef);
  }
}

/* A list this call makes and hands back, filled with every piece of a base (`return [a[i] for i in
 * range(len(a))]`, `for row in a: out.append(row)`), is what `list(a)` makes: a caller keeping it
 * keeps all of the base and pins nothing more (retain.c: stored_views).  Its pieces are marked one of
 * every piece (VL_F_EVERY) in the summary's heap, the list made in one go of all of them
 * (VL_F_ALL_PIECES): a slice of it, or one element, is still a part. */
typedef struct EveryRet {
  const VlSite *sites[8];
  int n;
} EveryRet;

static bool every_ret_site(const VlObj *o, const void *ctx) {
  const EveryRet *er = ctx;
  for (int i = 0; o->kind == VL_O_SEQ && o->sub != VL_SEQ_TUPLE && i < er->n; i++)
    if (o->site == er->sites[i]) return true;
  return false;
}

/* o as a container holds it: a piece is put there without its VL_F_EVERY (vl_not_every). */
static const VlObj *without_every(Frame *F, const VlObj *o) {
  if (!(o->flags & VL_F_EVERY)) return o;
  VlObj c = *o;
  c.flags &= (uint8_t)~VL_F_EVERY;
  return vl_obj(V(F->an), c);
}

static const VlVal *mark_every_pieces(Frame *F, const VlVal *ret, VlHeapEntry *heap, uint32_t nheap) {
  const VlSite *sites[64];
  size_t nsites = 0;
  returned_containers(F, ret, sites, &nsites, 1); /* (the list itself, not one in a returned tuple) */
  EveryRet er = {.n = 0};
  for (size_t i = 0; i < nsites && er.n < 8; i++) {
    const VlObj *views[16];
    int nv = 0;
    if (!vl_fills_every_piece(F, sites[i], views, 16, &nv)) continue;
    for (uint32_t h = 0; h < nheap; h++) {
      if (heap[h].site != sites[i] || !heap[h].elem) continue;
      const VlObj *out[VL_VAL_MAX + 1];
      uint16_t n = 0;
      for (uint16_t k = 0; k < heap[h].elem->n && n < VL_VAL_MAX + 1; k++) {
        const VlObj *o = heap[h].elem->objs[k];
        for (int j = 0; j < nv; j++)
          if (!(o->flags & VL_F_EVERY) && o == without_every(F, views[j])) {
            VlObj c = *o;
            c.flags |= VL_F_EVERY;
            o = vl_obj(V(F->an), c);
            break;
          }
        out[n++] = o;
      }
      heap[h].elem = vl_val_of(V(F->an), out, n);
    }
    er.sites[er.n++] = sites[i];
  }
  if (!er.n) return ret;
  return vl_val_flag(V(F->an), ret, VL_F_ALL_PIECES, every_ret_site, &er);
}

static const VlSummary *make_summary(Frame *F) {
  Analysis *an = F->an;
  VlSummary *s = VL_ARENA_NEW(an->arena, VlSummary);
  s->ret = mark_reported(F, F->ret);
  /* under an unbounded cache, a call may hand back what an earlier one did: what it returns is not
   * followed (the memo keeps it: an effect) */
  if (F->func != VL_MODULE_FUNC && vl_memo_decorator(an, F->func)) s->ret = vl_unknown(V(an));
  s->yields = mark_steps(F, F->yields);
  if (F->yield_at) {
    s->yield_at = vl_expr_span(an, F->yield_at);
    s->yield_text = vl_expr_text(an, F->yield_at);
  }
  EffectVec effects = {0};
  for (size_t i = 0; i < F->effects.len; i++) VL_VEC_PUSH(&effects, F->effects.items[i]);
  /* attributes set on what the caller can see (self.x = ..., param.y = ...) */
  for (uint32_t i = 0; i < F->heap.n; i++) {
    const VlHeapEntry *e = &F->heap.entries[i];
    if (!site_visible(F, e->site)) continue;
    const VlVal *target = NULL;
    if (e->site->kind == VL_SITE_SYM) {
      target = vl_val1(V(an), e->site->sym);
    } else { /* an object the caller passed (a specialised analysis): the instance itself */
      VlObj inst = {.kind = VL_O_INST, .site = e->site, .nd = vl_nd_unknown()};
      target = vl_val1(V(an), vl_obj(V(an), inst));
    }
    for (uint16_t a = 0; a < e->nattrs; a++) {
      /* (an attribute the caller's object came with, unchanged here, is not set by this call: in
       * an effect its value, holding the caller's parameters, would read as this function's) */
      bool inherited = false;
      for (size_t k = 0; k < F->inherited.len && !inherited; k++)
        inherited = F->inherited.items[k].site == e->site && F->inherited.items[k].val == e->attrs[a].val &&
                    strcmp(F->inherited.items[k].name, e->attrs[a].name) == 0;
      if (inherited) continue;
      VlEffect ef = {.kind = VL_EFF_SETATTR, .target = target, .name = e->attrs[a].name, .value = e->attrs[a].val};
      VL_VEC_PUSH(&effects, ef);
    }
  }
  for (size_t i = 0; i < F->clears.len; i++) {
    const VlVal *c = F->clears.items[i].container;
    bool sym = false;
    for (uint16_t k = 0; k < c->n; k++) sym |= vl_caller_visible(F, c->objs[k]);
    if (sym) {
      VlEffect ef = {.kind = VL_EFF_CLEAR, .target = c};
      VL_VEC_PUSH(&effects, ef);
    }
  }
  split_clears(an, &effects);
  merge_effects(an, effects.items, &effects.len);
  for (size_t i = 0; i < effects.len; i++) vl_effect_over_call(F, &effects.items[i], false);
  s->neffects = (uint32_t)effects.len;
  VlEffect *ef = VL_ARENA_ARRAY(an->arena, VlEffect, effects.len + 1);
  if (effects.len) memcpy(ef, effects.items, effects.len * sizeof *ef);
  s->effects = ef;
  /* contents of the new objects handed back */
  SiteVec sites = {0};
  HeapReach reach = {.out = &sites};
  heap_reach(F, s->ret, &reach, 0);
  heap_reach(F, s->yields, &reach, 0);
  for (uint32_t i = 0; i < s->neffects; i++) heap_reach(F, s->effects[i].value, &reach, 0);
  EffectVec held = {0};
  if (F->func != VL_MODULE_FUNC) {
    handed_back_container_stores(F, &sites, s->ret, s, &held);
  }
  if (held.len) {
    VlEffect *more = VL_ARENA_ARRAY(an->arena, VlEffect, s->neffects + held.len + 1);
    if (s->neffects) memcpy(more, s->effects, s->neffects * sizeof *more);
    for (size_t i = 0; i < held.len; i++) {
      more[s->neffects++] = held.items[i];
      heap_reach(F, held.items[i].value, &reach, 0);
    }
    s->effects = more;
  }
  VL_VEC_FREE(&held);
  VlHeapEntry *h = VL_ARENA_ARRAY(an->arena, VlHeapEntry, sites.len + 1);
  uint32_t nh = 0;
  for (size_t i = 0; i < sites.len; i++) {
    VlHeapEntry *e = vl_heap_find(F, sites.items[i]);
    if (!e) continue;
    h[nh] = *e;
    h[nh].attrs = VL_ARENA_ARRAY(an->arena, VlAttr, e->nattrs + 1);
    if (e->nattrs) memcpy(h[nh].attrs, e->attrs, e->nattrs * sizeof(VlAttr));
    h[nh].cap = e->nattrs;
    nh++;
  }
  if (F->func != VL_MODULE_FUNC) s->ret = mark_every_pieces(F, s->ret, h, nh);
  s->heap = h;
  s->nheap = nh;
  s->specialise = F->param_calls;
  s->specialise_params = F->param_mask;
  s->size_deferred = F->size_deferred;
  s->loop_deferred = loop_deferred(F);
  s->rows_deferred = rows_deferred(F);
  VL_VEC_FREE(&sites);
  vl_ptrmap_free(&reach.seen);
  vl_ptrmap_free(&reach.walked);
  VL_VEC_FREE(&effects);
  return s;
}

/* Do two summaries of one function say the same (values are interned: equal values are one pointer)?
 * What they return and yield, their effects, and with `heaps` what the new objects they hand over hold
 * (an instance returned either way, its attribute holding an array or a list of images). */
static bool same_summary(const VlSummary *a, const VlSummary *b, bool heaps) {
  if (!a || !b) return a == b;
  if (a->ret != b->ret || a->yields != b->yields || a->neffects != b->neffects) return false;
  for (uint32_t i = 0; i < a->neffects; i++)
    if (a->effects[i].kind != b->effects[i].kind || a->effects[i].value != b->effects[i].value ||
        a->effects[i].target != b->effects[i].target || (heaps && a->effects[i].key != b->effects[i].key))
      return false;
  if (!heaps) return true;
  if (a->nheap != b->nheap) return false;
  for (uint32_t i = 0; i < a->nheap; i++) {
    const VlHeapEntry *x = &a->heap[i], *y = &b->heap[i];
    if (x->site != y->site || x->elem != y->elem || x->key != y->key || x->nattrs != y->nattrs || x->loose != y->loose) return false;
    for (uint16_t k = 0; k < x->nattrs; k++)
      if (x->attrs[k].val != y->attrs[k].val || strcmp(x->attrs[k].name, y->attrs[k].name) != 0) return false;
  }
  return true;
}

/* ---- findings confirmed per value of a string-valued parameter ---- */

typedef struct CondSink {
  VL_VEC(VlHit) hits;
} CondSink;

static void cond_sink_hit(void *ctx, const VlHit *hit) { VL_VEC_PUSH(&((CondSink *)ctx)->hits, *hit); }
static void cond_sink_rebind(void *ctx, const VlLoopRebind *rb) { (void)ctx, (void)rb; }


/* A function that compares a parameter with string literals (`if output_type == "pil"`, `mode !=
 * "train"`) often tests it twice: once inside a loop, choosing to store views, and once after it,
 * choosing to drop what was stored (diffusers' VisualCloze pipeline crops views of the image unless
 * `output_type == "pil"`, then concatenates them, a copy, when `output_type != "pil"`).  The analysis
 * joins the paths, so the path that stores views meets the one that keeps the list: a false alarm.
 * Its findings are therefore confirmed by analysing the function again with the parameter bound to
 * each literal it is compared with, to None and to a string equal to none of them, the values a
 * caller can pass as far as those tests tell: a finding stands when one of these analyses has it
 * too.  Only functions with a finding pay for it. */
enum { VL_PART_LITS = 6 };

static uint32_t param_slot(const VlModule *m, VlId func, const char *name);

typedef struct HoldSink {
  VL_VEC(VlHit) hits;
  const VlFlowSink *real; /* loop rebinds go straight on */
} HoldSink;

static void hold_hit(void *ctx, const VlHit *hit) { VL_VEC_PUSH(&((HoldSink *)ctx)->hits, *hit); }
static void hold_rebind(void *ctx, const VlLoopRebind *rb) {
  const VlFlowSink *real = ((HoldSink *)ctx)->real;
  real->rebind(real->ctx, rb);
}

/* Is e `name == "lit"` or `name != "lit"` (either side the literal)?  *name, *lit: its parts. */
static bool string_test(const VlModule *m, VlId e, VlId *name, VlId *lit) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_COMPARE || (x->a != VL_CMP_EQ && x->a != VL_CMP_NE) || x->nkids != 2) return false;
  VlId l = vl_kid(m, e, 0), r = vl_kid(m, e, 1);
  if (vl_expr(m, l)->op == VL_E_STR) l = r, r = vl_kid(m, e, 0);
  if (vl_expr(m, l)->op != VL_E_NAME || vl_expr(m, r)->op != VL_E_STR || !vl_expr(m, r)->a) return false;
  *name = l;
  *lit = r;
  return true;
}

typedef struct Placed {
  uint32_t start;
  VlId expr;
} Placed;

static int by_start(const void *a, const void *b) {
  uint32_t x = ((const Placed *)a)->start, y = ((const Placed *)b)->start;
  return x < y ? -1 : x > y;
}

/* The first parameter of func compared with string literals by == or != in its body, and the
 * literals (at most VL_PART_LITS); -1 when there is none.  The module's string tests are listed once,
 * by position, so that each function reads only its own (a scan of every expression per function
 * made a file of many functions quadratic). */
static int string_tested_param(Analysis *an, VlId func, const char **lits, int *nlits) {
  const VlModule *m = an->m;
  if (!an->str_tests_built) {
    VL_VEC(Placed) tests = {0};
    VlId name, lit;
    for (VlId e = 1; e < m->nexprs; e++)
      if (string_test(m, e, &name, &lit)) VL_VEC_PUSH(&tests, ((Placed){vl_expr(m, e)->start, e}));
    if (tests.len) qsort(tests.items, tests.len, sizeof *tests.items, by_start);
    an->str_tests = VL_ARENA_ARRAY(an->arena, VlId, tests.len + 1);
    for (size_t i = 0; i < tests.len; i++) an->str_tests[i] = tests.items[i].expr;
    an->nstr_tests = (uint32_t)tests.len;
    VL_VEC_FREE(&tests);
    an->str_tests_built = true;
  }
  const VlFunc *fn = vl_func(m, func);
  int best = -1;
  *nlits = 0;
  uint32_t lo = 0, hi = an->nstr_tests; /* the first test at or after the function's start */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (vl_expr(m, an->str_tests[mid])->start < fn->start) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t i = lo; i < an->nstr_tests && vl_expr(m, an->str_tests[i])->start < fn->end; i++) {
    VlId e = an->str_tests[i], l, r;
    if (vl_expr(m, e)->end > fn->end || !string_test(m, e, &l, &r)) continue;
    int p = -1;
    for (uint16_t k = 0; k < fn->nparams && p < 0; k++)
      if (strcmp(vl_str(m, m->params[fn->params + k].name), vl_str(m, vl_expr(m, l)->a)) == 0) p = k;
    if (p < 0 || (fn->klass && p == 0) || (best >= 0 && p != best && p > best)) continue;
    if (p != best) best = p, *nlits = 0; /* (an earlier parameter: start again) */
    const char *lit = vl_str(m, vl_expr(m, r)->a);
    bool dup = false;
    for (int k = 0; k < *nlits && !dup; k++) dup = strcmp(lits[k], lit) == 0;
    if (!dup && *nlits < VL_PART_LITS) lits[(*nlits)++] = lit;
  }
  return *nlits ? best : -1;
}

/* Hits of one more analysis of func with parameter p bound to v (p < 0: each parameter with a literal
 * default bound to it), into out (dropped when out is NULL), and its summary when `summarise`. */
static const VlSummary *analyse_with_param(Analysis *an, VlId func, int p, const VlVal *v, CondSink *out, bool summarise) {
  const VlModule *m = an->m;
  const VlFunc *fn = vl_func(m, func);
  const VlFuncInfo *fi = &an->mi->funcs[func];
  CondSink dropped = {0};
  if (!out) out = &dropped;
  VlFlowSink sink = {.hit = cond_sink_hit, .rebind = cond_sink_rebind, .ctx = out};
  const VlFlowSink *saved = an->sink;
  an->sink = &sink;
  an->depth++;
  Frame F;
  vl_frame_init(&F, an, func);
  use_evidence(&F, func);
  init_params(&F);
  for (int k = p < 0 ? 0 : p; k < (p < 0 ? fn->nparams : p + 1); k++) {
    const VlVal *bound = p >= 0 ? v : k < fi->nparams && vl_literal_default(fi, (uint16_t)k) ? vl_param_default(&F, fi, (uint16_t)k) : NULL;
    if (!bound) continue;
    F.params[k] = bound;
    uint32_t slot = param_slot(m, func, vl_str(m, m->params[fn->params + k].name));
    if (slot < F.nenv) F.env[slot] = bound;
  }
  vl_frame_run(&F);
  vl_retain_check(&F);
  const VlSummary *s = summarise ? make_summary(&F) : NULL;
  vl_frame_free(&F);
  an->depth--;
  an->sink = saved;
  VL_VEC_FREE(&dropped.hits);
  return s;
}

/* The summary of func for calls leaving each parameter with a literal default to it (VlFuncInfo:
 * dflt_summary), or NULL when it has none or the summary is the general one.  Options such as
 * `output_type="pil"` or `temperature=1.0` are tested here or passed on to a callee that tests them. */
static const VlSummary *literal_default_summary(Analysis *an, VlId func) {
  const VlFuncInfo *fi = &an->mi->funcs[func];
  const VlSummary *s = an->fd[func].summary;
  bool any = false;
  for (uint16_t p = 0; p < fi->nparams && !any; p++) any = vl_literal_default(fi, p);
  if (!s || !any || vl_func(an->m, func)->flags & VL_FN_GENERATOR) return NULL;
  const VlSummary *d = analyse_with_param(an, func, -1, NULL, NULL, true);
  return d && !same_summary(d, s, true) ? d : NULL;
}

/* Runs func's retention check, confirming its findings per value of a string-tested parameter. */
static void retain_check_confirmed(Analysis *an, Frame *F) {
  const char *lits[VL_PART_LITS];
  int nlits = 0;
  int p = F->func != VL_MODULE_FUNC ? string_tested_param(an, F->func, lits, &nlits) : -1;
  if (p < 0) {
    vl_retain_check(F);
    return;
  }
  HoldSink hold = {.real = an->sink};
  VlFlowSink sink = {.hit = hold_hit, .rebind = hold_rebind, .ctx = &hold};
  const VlFlowSink *real = an->sink;
  size_t before = an->reported.len;
  an->sink = &sink;
  vl_retain_check(F);
  an->sink = real;
  if (!hold.hits.len) return;
  /* the analyses below must see the findings as not reported yet */
  size_t nkeys = an->reported.len - before;
  uint64_t *keys = vl_xcalloc(nkeys + 1, sizeof *keys);
  memcpy(keys, an->reported.items + before, nkeys * sizeof *keys);
  CondSink found = {0};
  for (int k = 0; k <= nlits + 1; k++) {
    const VlVal *v = k < nlits ? vl_str_const(V(an), lits[k]) : k == nlits ? vl_str_const(V(an), "\x01") : NULL;
    if (!v) {
      VlObj none = {.kind = VL_O_NONE, .nd = vl_nd_unknown()};
      v = vl_val1(V(an), vl_obj(V(an), none));
    }
    an->reported.len = before;
    analyse_with_param(an, F->func, p, v, &found, false);
  }
  an->reported.len = before;
  for (size_t i = 0; i < nkeys; i++) VL_VEC_PUSH(&an->reported, keys[i]);
  free(keys);
  for (size_t i = 0; i < hold.hits.len; i++) {
    const VlHit *h = &hold.hits.items[i];
    bool confirmed = false;
    for (size_t j = 0; j < found.hits.len && !confirmed; j++)
      confirmed = found.hits.items[j].at.mod == h->at.mod && found.hits.items[j].at.start == h->at.start;
    if (confirmed) real->hit(real->ctx, h);
  }
  VL_VEC_FREE(&found.hits);
  VL_VEC_FREE(&hold.hits);
}

/* One function's analysis, with the callees it analyses on the way, takes at most this many steps of
 * the module's budget; past it, what is left of it is unknown (and silent).  Functions of real code
 * take up to a few thousand; the few that go far beyond are recursive algebra on operator methods
 * (numpy.f2py.symbolic: 690,000 steps, 0.4 s) and layout recursion (matplotlib's constrained
 * layout: 256,000), where the cost, not the findings, grew. */
enum { VL_ROOT_BUDGET = 50000 };

/* The functions being analysed (Analysis.active) and what waits_for_as marks on them.  A call of
 * waits_for_as(busy, attr) makes every function above busy on the stack provisional; the fields it
 * writes (provisional, attr_wait, waiting_on) are read only once a function has left the stack, and
 * folding the calls in order gives: waiting_on the last call's busy, attr_wait the and of their attr
 * (and of the old attr_wait when it was provisional already).  So a call adds its fold to one mark,
 * at the position above busy, and the marks are written into the functions at their positions and
 * above when the top one leaves (its own) or a new one comes (all of them, then cleared: a function
 * pushed later was not above busy then).  A class's busy methods are asked on every `self.x` read:
 * writing through the stack at each call was 11% of a large module's instructions. */
static void wait_join(WaitMark *into, const WaitMark *m) {
  if (!m->any) return;
  if (!into->any) {
    *into = *m;
    return;
  }
  into->attr = into->attr && m->attr;
  if (m->seq > into->seq) into->busy = m->busy, into->seq = m->seq;
}

static void wait_apply(FuncData *fd, const WaitMark *m) {
  if (!m->any) return;
  fd->attr_wait = m->attr && (!fd->provisional || fd->attr_wait);
  fd->provisional = true;
  fd->waiting_on = m->busy;
}

static void active_push(Analysis *an, VlId func) {
  WaitMark run = {0};
  for (size_t q = 0; q < an->waits.len; q++) {
    wait_join(&run, &an->waits.items[q]);
    wait_apply(&an->fd[an->active.items[q]], &run);
    an->waits.items[q] = (WaitMark){0};
  }
  an->fd[func].stack_pos = an->active.len;
  VL_VEC_PUSH(&an->active, func);
  VL_VEC_PUSH(&an->waits, (WaitMark){0});
}

static void active_pop(Analysis *an) {
  WaitMark run = {0};
  for (size_t q = 0; q < an->waits.len; q++) wait_join(&run, &an->waits.items[q]);
  wait_apply(&an->fd[an->active.items[an->active.len - 1]], &run);
  an->active.len--;
  an->waits.len--;
}

static const VlSummary *analyse_func(Analysis *an, VlId func) {
  bool stats = an->stats;
  /* the outermost analysis (the others run inside it) gets its share */
  bool root = an->active.len == 0;
  uint64_t saved = an->budget;
  if (root && an->budget > VL_ROOT_BUDGET) an->budget = VL_ROOT_BUDGET;
  uint64_t before = an->budget;
  size_t vals_before = vl_values_count(an->vals);
  struct timespec t0 = {0}, t1 = {0};
  if (stats) clock_gettime(CLOCK_MONOTONIC, &t0);
  Frame F;
  FuncData *fd = &an->fd[func];
  fd->provisional = false;
  fd->attr_wait = false;
  active_push(an, func);
  vl_frame_init(&F, an, func);
  use_evidence(&F, func);
  init_params(&F);
  Frame *outer = fd->live;
  fd->live = &F;
  vl_frame_run(&F);
  fd->live = outer;
  active_pop(an);
  /* reports come from the final analysis: a provisional one misses what a busy callee does (a
   * container it empties, say) */
  if (!fd->provisional || fd->attempts >= 2) {
    retain_check_confirmed(an, &F);
    if (an->probe) an->probe(an->probe_ctx, &F);
  }
  const VlSummary *s = make_summary(&F);
  vl_frame_free(&F);
  if (root) an->budget = saved - (before - an->budget);
  if (stats) clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  if (stats && (saved - an->budget > 20000 || ms > 5))
    fprintf(stderr, "  %s: %llu steps, %zu new values, pass %d, %.1f ms with callees\n",
            vl_str(an->m, vl_func(an->m, func)->qualname), (unsigned long long)(saved - an->budget),
            vl_values_count(an->vals) - vals_before, F.pass, ms);
  return s;
}

/* The functions being analysed inside function `busy` (itself being analysed) read what is known of
 * it so far: they are not final, and are analysed again once it is done. */
/* The functions being analysed above `busy` (which they wait for) are provisional.  `attr`: they
 * only read the attributes busy had set so far; a call cycle overrides that. */
static void waits_for_as(Analysis *an, VlId busy, bool attr) {
  size_t p = an->fd[busy].stack_pos;
  if (p + 1 >= an->active.len || an->active.items[p] != busy) return; /* not on the stack, or nothing above */
  WaitMark m = {true, attr, busy, ++an->wait_seq};
  wait_join(&an->waits.items[p + 1], &m);
}

const VlSummary *vl_func_summary(Analysis *an, VlId func) {
  if (!func || func >= an->m->nfuncs) return NULL;
  FuncData *fd = &an->fd[func];
  if (fd->state == FS_DONE) return fd->summary;
  VlId busy = fd->state == FS_BUSY ? func : 0;
  if (fd->state == FS_NONE && fd->attempts && fd->waiting_on && an->fd[fd->waiting_on].state == FS_BUSY)
    busy = fd->waiting_on; /* provisional, and what it waits for is still busy: as good as it gets */
  if (busy) {
    /* reached from busy through an attribute hint, not a call (`_pe` reads self.cache, whose hint
     * analyses `forward`, which calls `_pe`): no cycle, the functions in between wait for it */
    size_t at = an->fd[busy].stack_pos; /* a busy function is on the stack once, where it was pushed */
    if (at >= an->active.len || an->active.items[at] != busy)
      for (at = 0; at < an->active.len && an->active.items[at] != busy;) at++;
    if (at < an->hint_floor) {
      waits_for_as(an, busy, true);
      return fd->summary;
    }
    /* (a function that only read a busy method's attributes, called again meanwhile: no cycle) */
    if (busy == func || !fd->attr_wait) an->fd[busy].recursed = true;
    waits_for_as(an, busy, busy != func && fd->attr_wait);
    return fd->summary; /* a recursive call: what is known so far (NULL the first time) */
  }
  const VlFunc *fn = vl_func(an->m, func);
  if (fn->kind != VL_FN_DEF && fn->kind != VL_FN_LAMBDA) return NULL;
  if (an->depth > 24) return NULL;
  fd->state = FS_BUSY;
  an->depth++;
  const VlSummary *s = analyse_func(an, func);
  /* recursion: again with the summary found, until it stops changing */
  for (int round = 0; fd->recursed && round < 2; round++) {
    fd->summary = s;
    fd->recursed = false;
    const VlSummary *again = analyse_func(an, func);
    if (same_summary(again, s, false)) break;
    s = again;
  }
  an->depth--;
  fd->summary = s;
  if (fd->provisional && fd->attempts < 2) {
    fd->attempts++;
    fd->state = FS_NONE; /* analysed again when next needed (or by the module's last sweep) */
    return s;
  }
  fd->state = FS_DONE;
  an->mi->funcs[func].summary = s; /* this module's form, until exported */
  return s;
}

bool vl_caller_visible(const Frame *F, const VlObj *o) {
  if (o->kind == VL_O_SYM) return true;
  return site_visible(F, o->site);
}

static bool site_visible(const Frame *F, const VlSite *s) {
  if (!s) return false;
  if (s->kind == VL_SITE_SYM || s->kind == VL_SITE_ANY) return s->kind == VL_SITE_SYM || F->specialised;
  if (s->kind != VL_SITE_NEW || (s->mod == F->an->mi && s->func == F->func)) return false;
  /* a module's own object (TRAJECTORY = [] at module level, or another module's): a global; so is
   * one a class body at module level makes (`_cache = {}` of a class: one for every instance) */
  if (F->specialised || s->func == VL_MODULE_FUNC) return true;
  if (s->mod != F->an->mi || s->func >= F->an->m->nfuncs) return false;
  const VlFunc *body = &F->an->m->funcs[s->func];
  return body->kind == VL_FN_CLASS && body->parent == VL_MODULE_FUNC;
}

/* Which slots of each function nested functions read (VL_SYM_CELL names), once per module. */
static void find_cells(Analysis *an) {
  const VlModule *m = an->m;
  for (VlId e = 1; e < m->nexprs; e++) {
    const VlExpr *x = vl_expr(m, e);
    if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_CELL || !x->sym.owner || x->sym.owner >= m->nfuncs) continue;
    an->fd[x->sym.owner].ncells++;
  }
  for (VlId f = 1; f < m->nfuncs; f++) {
    FuncData *fd = &an->fd[f];
    if (!fd->ncells) continue;
    fd->cells = VL_ARENA_ARRAY(an->arena, uint32_t, fd->ncells);
    fd->ncells = 0;
  }
  for (VlId e = 1; e < m->nexprs; e++) {
    const VlExpr *x = vl_expr(m, e);
    if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_CELL || !x->sym.owner || x->sym.owner >= m->nfuncs) continue;
    FuncData *fd = &an->fd[x->sym.owner];
    bool seen = false;
    for (uint32_t i = 0; i < fd->ncells && !seen; i++) seen = fd->cells[i] == x->sym.slot;
    if (!seen) fd->cells[fd->ncells++] = x->sym.slot;
  }
}

const VlVal *vl_closure_value(Frame *F, VlId func) {
  Analysis *an = F->an;
  VlObj o = {.kind = VL_O_FUNC, .mod = an->mi, .func = func, .nd = vl_nd_unknown()};
  const FuncData *fd = F->func ? &an->fd[F->func] : NULL;
  if (fd && fd->ncells) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < fd->ncells; i++)
      if (fd->cells[i] + 1 > n && fd->cells[i] < F->nenv) n = fd->cells[i] + 1;
    if (n && n <= 64) {
      const VlVal *items[64];
      for (uint32_t i = 0; i < n; i++) items[i] = &vl_empty_val;
      for (uint32_t i = 0; i < fd->ncells; i++)
        if (fd->cells[i] < n && F->env[fd->cells[i]]) items[fd->cells[i]] = F->env[fd->cells[i]];
      VlObj cells = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .mod = an->mi, .func = F->func, .items = items,
                     .nitems = (uint16_t)n, .nd = vl_nd_unknown()};
      o.key = vl_val1(V(an), vl_obj(V(an), cells));
    }
  }
  return vl_val1(V(an), vl_obj(V(an), o));
}

/* ---- specialised analyses ---- */

enum { VL_SPECIAL_ARGS = 8, VL_MAX_SPECIALS = 256 };

typedef struct Special {
  VlId func;
  const VlVal *args[VL_SPECIAL_ARGS]; /* per parameter: the project objects bound, or NULL */
  const VlSummary *summary;           /* NULL while being analysed */
} Special;

/* A project object a method call can be resolved on. */
static bool project_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    uint8_t k = v->objs[i]->kind;
    if (k == VL_O_INST ? v->objs[i]->base != NULL : (k == VL_O_FUNC || k == VL_O_CLASS)) return true;
  }
  return false;
}

/* An array of known ndim or with axes of size 1, or a random generator: what a function computing a
 * new array from its parameters needs to know the ndim (or the unit axes) of what it returns. */
static bool shaped_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if ((o->kind == VL_O_ARRAY && ((o->nd.lo >= 1 && o->nd.lo == o->nd.hi) || o->units)) || o->kind == VL_O_RNG) return true;
  }
  return false;
}

/* An array with at least 2 axes (np.atleast_2d of a loaded array, `table[ids]` of a 2-D table): for a
 * function whose loop left an integer index of a parameter's pieces undecided (VL_SPECIAL_ROWS), as
 * good as a known ndim, since it decides that index (`piece[0]` of each piece of it is a row). */
static bool rows_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind == VL_O_ARRAY && v->objs[i]->nd.lo >= 2) return true;
  return shaped_object(v);
}

static uint32_t param_slot(const VlModule *m, VlId func, const char *name) {
  const VlFunc *fn = vl_func(m, func);
  for (uint32_t i = 0; i < fn->nlocals; i++)
    if (strcmp(vl_local_name(m, func, i), name) == 0) return i;
  return UINT32_MAX;
}

/* What the caller's heap knows of the objects in v (an instance's attributes, a list's items, what an
 * iterator gives), and
 * of the objects those hold, copied into frame F. */
static void inherit_heap(Frame *F, const Frame *caller, const VlVal *v, int depth) {
  if (!v || depth > 4) return;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    /* what an iterator's steps give (a DataLoader's collated dict batches), a tuple's items */
    if (o->kind == VL_O_ITER) inherit_heap(F, caller, o->elem, depth + 1);
    for (uint16_t k = 0; o->kind == VL_O_SEQ && k < o->nitems; k++) inherit_heap(F, caller, o->items[k], depth + 1);
    if (o->kind == VL_O_FUNC) { /* what a closure's cells hold (`records = defaultdict(list)` its
                                   factory made), a partial's arguments, a bound method's receiver */
      inherit_heap(F, caller, o->key, depth + 1);
      for (uint16_t k = 0; k < o->nitems; k++) inherit_heap(F, caller, o->items[k], depth + 1);
      inherit_heap(F, caller, o->base, depth + 1);
    }
    VlHeapEntry *e = o->site ? vl_heap_find(caller, o->site) : NULL;
    if (!e || vl_heap_find(F, o->site)) continue;
    vl_heap_move_elem(F, o->site, e->elem, e->loose); /* (a dict's per-key values stay so) */
    if (!vl_val_empty(e->key)) vl_heap_get(F, o->site)->key = e->key;
    for (uint16_t k = 0; k < e->nattrs; k++) {
      vl_heap_set_attr(F, o->site, e->attrs[k].name, e->attrs[k].val);
      struct InheritedAttr in = {o->site, e->attrs[k].name, e->attrs[k].val};
      VL_VEC_PUSH(&F->inherited, in);
    }
    vl_heap_get(F, o->site); /* an entry even when empty: inherited once */
    inherit_heap(F, caller, e->elem, depth + 1);
    for (uint16_t k = 0; k < e->nattrs; k++) inherit_heap(F, caller, e->attrs[k].val, depth + 1);
  }
}

/* A list (tuple, ...) whose items satisfy `holds`, as the caller's heap knows it. */
static bool list_holding(const Frame *caller, const VlVal *v, bool (*holds)(const VlVal *)) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ) continue;
    if (o->sub == VL_SEQ_TUPLE && o->nitems) {
      for (uint16_t k = 0; k < o->nitems; k++)
        if (holds(o->items[k])) return true;
    } else {
      const VlHeapEntry *e = o->site ? vl_heap_find(caller, o->site) : NULL;
      if (e && holds(e->elem)) return true;
      /* a list of tuples holding one (samples of (image, meta) handed to a collate function) */
      for (uint16_t j = 0; e && e->elem && j < e->elem->n; j++) {
        const VlObj *t = e->elem->objs[j];
        for (uint16_t k = 0; t->kind == VL_O_SEQ && t->sub == VL_SEQ_TUPLE && k < t->nitems; k++)
          if (holds(t->items[k])) return true;
      }
    }
  }
  return false;
}

/* A list of project objects: `dispatch(n, [on_sweep])` calling each of its callbacks. */
static bool list_of_project_objects(const Frame *caller, const VlVal *v) { return list_holding(caller, v, project_object); }

/* A list of arrays of known ndim: `collate(items)` doing np.stack(items) on a batch of rows. */
static bool list_of_shaped_objects(const Frame *caller, const VlVal *v) { return list_holding(caller, v, shaped_object); }

/* A size: a constant int or a tuple of them (np.zeros(n) is 1-D for n = 64, 2-D for (2, 3)). */
static bool size_value(const VlVal *v) {
  if (!v || v->n != 1) return false;
  const VlObj *o = v->objs[0];
  if (o->kind == VL_O_INT) return o->num_known;
  if (o->kind != VL_O_SEQ || o->sub != VL_SEQ_TUPLE || !o->nitems) return false;
  for (uint16_t i = 0; i < o->nitems; i++)
    if (!o->items[i] || o->items[i]->n != 1 || o->items[i]->objs[0]->kind != VL_O_INT) return false;
  return true;
}

/* An iterator whose steps give what `holds` accepts, or tuples or dicts holding one (a DataLoader's
 * collated batches: `for xb, yb in loader`, `batch["image"]`). */
static bool steps_holding(const Frame *caller, const VlVal *v, bool (*holds)(const VlVal *)) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_ITER || !o->elem) continue;
    for (uint16_t j = 0; j < o->elem->n; j++) {
      const VlObj *x = o->elem->objs[j];
      if (holds(o->elem)) return true;
      if (x->kind == VL_O_SEQ && x->sub == VL_SEQ_TUPLE)
        for (uint16_t k = 0; k < x->nitems; k++)
          if (holds(x->items[k])) return true;
      const VlHeapEntry *e = x->kind == VL_O_SEQ && x->sub == VL_SEQ_DICT && x->site ? vl_heap_find(caller, x->site) : NULL;
      for (uint16_t k = 0; e && k < e->nattrs; k++)
        if (holds(e->attrs[k].val)) return true;
    }
  }
  return false;
}

/* Arrays of known ndim at each step. */
static bool shaped_steps(const Frame *caller, const VlVal *v) { return steps_holding(caller, v, shaped_object); }

/* An array made anew at each step of the iterator handing it out (a generator's frame), of any ndim,
 * an opaque object (a DataLoader's batch from a collate_fn: what its subscripts are, the callee's
 * uses decide, as for any opaque result) or an instance (a record holding the step's arrays). */
static bool new_per_step(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if ((o->kind == VL_O_ARRAY || o->kind == VL_O_OBJ || o->kind == VL_O_INST) && o->site && o->site->kind == VL_SITE_NEW &&
        (o->site->step == 1 || o->site->step == VL_STEP_LISTED))
      return true;
  }
  return false;
}

/* Does v, or what a tuple, list or dict in it holds, down to 3 levels, satisfy `holds`?  (A batch
 * regrouped by a collate_fn holds its arrays in columns: `tuple(zip(*batch))`, `list(images)`.) */
static bool holding_within(const Frame *caller, const VlVal *v, bool (*holds)(const VlVal *), int depth) {
  if (!v || depth > 3) return false;
  if (holds(v)) return true;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *x = v->objs[i];
    if (x->kind != VL_O_SEQ) continue;
    for (uint16_t k = 0; k < x->nitems; k++)
      if (holding_within(caller, x->items[k], holds, depth + 1)) return true;
    if (holding_within(caller, x->elem, holds, depth + 1)) return true;
    const VlHeapEntry *e = x->site ? vl_heap_find(caller, x->site) : NULL;
    if (e && holding_within(caller, e->elem, holds, depth + 1)) return true;
    for (uint16_t k = 0; e && k < e->nattrs; k++)
      if (holding_within(caller, e->attrs[k].val, holds, depth + 1)) return true;
  }
  return false;
}

static bool any_array(const VlVal *v) { return vl_val_has(v, VL_O_ARRAY); }

/* A list of items holding arrays of any ndim, in tuples or dicts (a Dataset's items handed to a
 * collate function). */
static bool list_of_items(const Frame *caller, const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    const VlHeapEntry *e = o->kind == VL_O_SEQ && o->sub == VL_SEQ_LIST && o->site ? vl_heap_find(caller, o->site) : NULL;
    if (e && holding_within(caller, e->elem, any_array, 1)) return true;
  }
  return false;
}

/* An iterator whose steps hold something new at each step, at any depth of their containers. */
static bool steps_new(const Frame *caller, const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind == VL_O_ITER && holding_within(caller, v->objs[i]->elem, new_per_step, 0)) return true;
  return false;
}

/* A pandas frame or Series (ops.c: pd_inst): what its storage is, and so its groups and copies,
 * the caller's frame says (`SubjectWindows(table)` looping over `table.groupby(k)`). */
static bool pandas_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (vl_inst_of(o, VL_INST_PANDAS)) return true;
  }
  return false;
}

/* A whole array the caller made, of at least one axis however many more (`torch.sigmoid(logits +
 * self.bias)` with an `nn.Parameter` bias of unknown ndim): for a function whose loop stores parts of
 * a parameter left undecided (VL_SPECIAL_STEPS), what matters is that it is new where the caller made
 * it, not its ndim (`for m in masks.unbind(0): out.append(m)`). */
static bool new_array_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && !o->sub && o->nd.lo >= 1 && o->site && o->site->kind == VL_SITE_NEW) return true;
  }
  return false;
}

/* Does v bind a parameter for a specialisation of kind `what`? */
static bool useful(unsigned what, const VlVal *v) {
  return ((what & VL_SPECIAL_OBJECTS) && (project_object(v) || pandas_object(v))) ||
         ((what & VL_SPECIAL_SHAPES) && (shaped_object(v) || size_value(v) || pandas_object(v) ||
                                         ((what & VL_SPECIAL_ROWS) && rows_object(v))));
}

/* Strings whose text is known (`pool(h, "cls")`): an `if mode == "cls":` is decided by them. */
static bool known_strings(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind != VL_O_STR || !v->objs[i]->name) return false;
  return v && v->n;
}

const VlSummary *vl_specialise(Frame *caller, const VlFuncInfo *fi, const VlVal *self, const Args *a, unsigned what) {
  Analysis *an = caller->an;
  const VlModule *m = an->m;
  if (fi->mod != an->mi || an->depth > 12 || an->specials.len >= VL_MAX_SPECIALS) return NULL;
  /* which project objects go to which parameters (positional, then by keyword) */
  const VlVal *bind[VL_SPECIAL_ARGS] = {0};
  bool any = false;
  uint16_t first = 0;
  if (self && !(fi->flags & VL_FN_STATICMETHOD) && fi->nparams) {
    if (useful(what, self)) bind[0] = self, any = true;
    first = 1;
  }
  int next = 0;
  bool passed[VL_SPECIAL_ARGS] = {0};
  for (uint16_t p = first; p < fi->nparams && p < VL_SPECIAL_ARGS; p++) {
    const VlVal *v = NULL;
    if (fi->params[p].kind == VL_P_POS && next < a->npos && !a->star) v = a->pos[next++];
    for (int k = 0; k < a->nkw && !v; k++)
      if (strcmp(a->kwname[k], fi->params[p].name) == 0) v = a->kw[k];
    passed[p] = v || a->star || a->dstar || fi->params[p].kind == VL_P_VARARGS || fi->params[p].kind == VL_P_KWARGS;
    uint8_t tested = fi->params[p].none_tested;
    if (v && (what & VL_SPECIAL_NONE) &&
        (((tested & VL_TESTED_NONE) && (vl_val_only(v, VL_O_NONE) || vl_val_never_none(v) || known_strings(v))) ||
         ((tested & VL_TESTED_KEY) && known_strings(v))))
      bind[p] = v, any = true;
    else if (v && (useful(what, v) || ((what & VL_SPECIAL_OBJECTS) && list_of_project_objects(caller, v)) ||
              ((what & VL_SPECIAL_SHAPES) && (list_of_shaped_objects(caller, v) || shaped_steps(caller, v))) ||
              ((what & VL_SPECIAL_STEPS) && (steps_new(caller, v) || new_array_object(v))) ||
              ((what & VL_SPECIAL_ITEMS) && list_of_items(caller, v))))
      bind[p] = v, any = true;
    else if (v && (what & VL_SPECIAL_OBJECTS) &&
             (shaped_object(v) || ((what & VL_SPECIAL_ROWS) && rows_object(v)) || vl_val_has(v, VL_O_ITER) ||
              list_of_shaped_objects(caller, v)))
      bind[p] = v; /* (below) */
  }
  /* an analysis for the project objects passed gets the arrays (also a list of them: `for doc in
   * docs: encoder(doc)`), random generators and iterators passed too: a callback called in the callee's loop on an array the callee makes from a
   * generator it is passed (capture(sink, rng)), or draws from an iterator (for x in source: cb(x)) */
  /* a parameter the call does not pass is its literal default (part of what the analysis is for:
   * a call passing obs_dim=5 is another analysis); a size among them is reason enough for an
   * analysis for shapes (make_batch() with `def make_batch(n=64): return np.zeros(n)`) */
  for (uint16_t p = first; p < fi->nparams && p < VL_SPECIAL_ARGS; p++)
    if (!passed[p] && !bind[p]) {
      bind[p] = vl_param_default(caller, fi, p);
      if (bind[p] && (what & VL_SPECIAL_SHAPES) && size_value(bind[p])) any = true;
      if (bind[p] && (what & VL_SPECIAL_NONE) &&
          ((fi->params[p].none_tested & VL_TESTED_NONE) || known_strings(bind[p])))
        any = true; /* (a literal) */
    }
  if (!any) return NULL;
  /* the ints passed beside them (`log(heat, b, c)` then `heat[b, c]`): with the array bound it is no
   * longer a parameter's, so a subscript by a parameter could not be left to the caller; the int
   * makes it the row or element it is (its value dropped: one analysis for every int passed) */
  for (uint16_t p = first; p < fi->nparams && p < VL_SPECIAL_ARGS; p++) {
    if (bind[p] || fi->params[p].kind != VL_P_POS) continue;
    const VlVal *v = NULL;
    int k = 0;
    for (uint16_t q = first; q <= p && !a->star; q++)
      if (fi->params[q].kind == VL_P_POS) k++;
    if (!a->star && k >= 1 && k <= a->npos) v = a->pos[k - 1];
    for (int j = 0; j < a->nkw && !v; j++)
      if (strcmp(a->kwname[j], fi->params[p].name) == 0) v = a->kw[j];
    if (v && !vl_val_empty(v) && vl_val_all_int(v)) bind[p] = vl_prim(V(an), VL_O_INT);
  }
  /* what *args and **kwargs hold, for a body passing them on (`getattr(cb, event)(*args, **kwargs)`) */
  for (uint16_t p = first; p < fi->nparams && p < VL_SPECIAL_ARGS; p++) {
    if (fi->params[p].kind == VL_P_VARARGS && !a->star) bind[p] = vl_varargs_tuple(caller, fi, a, first == 1);
    if (fi->params[p].kind == VL_P_KWARGS && !a->dstar && a->call) bind[p] = vl_kwargs_dict(caller, fi, a, a->call);
  }
  for (size_t i = 0; i < an->specials.len; i++) {
    Special *sp = an->specials.items[i];
    if (sp->func == fi->id && memcmp(sp->args, bind, sizeof bind) == 0) return sp->summary; /* NULL: recursion */
  }
  Special *sp = VL_ARENA_NEW(an->arena, Special);
  sp->func = fi->id;
  memcpy(sp->args, bind, sizeof bind);
  VL_VEC_PUSH(&an->specials, sp);
  an->depth++;
  Frame F;
  vl_frame_init(&F, an, fi->id);
  F.specialised = true;
  use_evidence(&F, fi->id);
  init_params(&F);
  for (uint16_t p = 0; p < fi->nparams && p < VL_SPECIAL_ARGS; p++) {
    if (!bind[p]) continue;
    uint32_t slot = param_slot(m, fi->id, fi->params[p].name);
    if (slot < F.nenv) F.env[slot] = bind[p];
    if (p == 0) F.bound0 = bind[p];
    inherit_heap(&F, caller, bind[p], 0);
  }
  vl_frame_run(&F);
  vl_retain_check(&F);
  sp->summary = make_summary(&F);
  vl_frame_free(&F);
  an->depth--;
  return sp->summary;
}

/* ---- speculative analyses: for the instances of this module's classes a caller may pass ----
 *
 * A function calling methods of a parameter is analysed again, per call, for the project objects the
 * call passes (vl_specialise) -- but only by a caller in its own module: another module's caller has
 * its summary, not its code.  `greedy_translate(model, src, recorder=AlignmentRecorder())` in main.py,
 * with both in decoding.py, stores a view per step through `recorder.record(attn_maps)` in its loop.
 * So each such function with a loop is analysed here, once per parameter it calls methods on and per
 * class of this module whose methods store into what the caller sees, with that parameter an
 * instance of the class (as `self` is in a method); the hits are not reported but kept with the
 * function (VlFuncInfo.cond_hits), and a caller in another module passing an instance of that class
 * reports them (ops.c: call_func).  Bounded: 4 classes per function, 64 analyses per module. */


/* Is o an argument other than self, or an array (a view) of one? */
static bool of_argument(const VlObj *o) {
  if (o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_SYM) o = o->site->sym;
  for (int d = 0; o && o->kind == VL_O_SYM && d < 8; d++) {
    if (o->sub == VL_SYM_PARAM) return o->index >= 1;
    o = o->base && o->base->n == 1 ? o->base->objs[0] : NULL;
  }
  return false;
}

/* Does a method of class k store what it is passed, or a part of it, into a container its caller sees
 * (`self.rows.append(a[0])`)? */
static bool class_stores(Analysis *an, const VlClassInfo *k) {
  for (uint16_t i = 0; k && i < k->nmethods; i++) {
    const VlSummary *s = vl_func_summary(an, k->methods[i]);
    for (uint32_t e = 0; s && e < s->neffects; e++) {
      const VlEffect *ef = &s->effects[e];
      for (uint16_t j = 0; ef->kind == VL_EFF_STORE && ef->value && j < ef->value->n; j++)
        if (of_argument(ef->value->objs[j])) return true;
    }
  }
  return false;
}

static void speculate(Analysis *an, const uint8_t *reached) {
  const VlModule *m = an->m;
  VlModInfo *mi = an->mi;
  if (!mi->nclasses || mi->unread) return;
  VlId storing[4];
  int nstoring = 0;
  for (VlId k = 1; k < mi->nclasses && nstoring < 4; k++) {
    const VlClassInfo *ci = vl_an_class(an, k);
    if (ci && !ci->model_lib && class_stores(an, ci)) storing[nstoring++] = k;
  }
  int runs = 0, done = 0;
  for (VlId f = 1; f < m->nfuncs && nstoring && runs < 64; f++) {
    const VlFunc *fn = vl_func(m, f);
    const FuncData *fd = &an->fd[f];
    const VlSummary *s = fd->summary;
    if (fn->kind != VL_FN_DEF || fd->state != FS_DONE || !s || !s->specialise_params || !fd->loop_lo) continue;
    /* a function no other module reaches is not exported: a caller there, having no summary of it,
     * never reads its hits (ops.c: call_func).  Its analyses still count against the 64, so that the
     * functions after it are analysed as before */
    bool skip = !reached[f];
    VlCondHit conds[16];
    uint16_t nconds = 0;
    for (uint16_t p = fn->klass ? 1 : 0; p < fn->nparams && p < 8 && runs < 64; p++) {
      if (!(s->specialise_params & (1u << p))) continue;
      for (int c = 0; c < nstoring && runs < 64; c++) {
        if (fn->klass == storing[c]) continue;
        runs++;
        if (skip) continue;
        done++;
        CondSink cs = {0};
        VlFlowSink sink = {.hit = cond_sink_hit, .rebind = cond_sink_rebind, .ctx = &cs};
        const VlFlowSink *saved = an->sink;
        size_t reported = an->reported.len;
        an->sink = &sink;
        an->depth++;
        Frame F;
        vl_frame_init(&F, an, f);
        use_evidence(&F, f);
        init_params(&F);
        VlObj cls = {.kind = VL_O_CLASS, .mod = mi, .func = storing[c], .nd = vl_nd_unknown()};
        VlObj h = {.kind = VL_O_INST, .base = vl_val1(V(an), vl_obj(V(an), cls)), .nd = vl_nd_unknown()};
        VlObj o = *F.params[p]->objs[0];
        o.elem = vl_val1(V(an), vl_obj(V(an), h));
        F.params[p] = vl_val1(V(an), vl_obj(V(an), o));
        uint32_t slot = param_slot(m, f, vl_str(m, m->params[fn->params + p].name));
        if (slot < F.nenv) F.env[slot] = F.params[p];
        vl_frame_run(&F);
        vl_retain_check(&F);
        vl_frame_free(&F);
        an->depth--;
        an->sink = saved;
        an->reported.len = reported;
        for (size_t i = 0; i < cs.hits.len && nconds < 16; i++) {
          VlHit *hit = &cs.hits.items[i];
          if (vl_was_reported(an, hit->at, reported)) continue; /* found without the instance too */
          conds[nconds++] = (VlCondHit){.param = p, .klass = storing[c], .hit = *hit};
        }
        VL_VEC_FREE(&cs.hits);
      }
    }
    if (!nconds) continue;
    if (mi->shared) pthread_mutex_lock(&an->prog->lock);
    VlCondHit *out = VL_ARENA_ARRAY(mi->facts, VlCondHit, nconds);
    for (uint16_t i = 0; i < nconds; i++) {
      out[i] = conds[i];
      VlHit *hit = &out[i].hit;
      hit->text = fact_str(mi, hit->text);
      hit->base_name = fact_str(mi, hit->base_name);
      hit->container = fact_str(mi, hit->container);
      hit->size = fact_str(mi, hit->size);
    }
    mi->funcs[f].cond_hits = out;
    mi->funcs[f].ncond_hits = nconds;
    if (mi->shared) pthread_mutex_unlock(&an->prog->lock);
  }
  if (an->stats && runs) fprintf(stderr, "%s: %d speculative analyses (%d for unexported functions skipped)\n", m->path, done, runs - done);
}

/* ---- exports: deep copies into the module's own arena ---- */

typedef struct Exporter {
  Analysis *an;
  VlModInfo *mi;
  int depth;
  VlPtrMap vals, strs; /* each value and string copied once: values share structure */
  VlPtrMap plain;      /* summaries that only return a value, by that value */
} Exporter;

static const char *ex_str(Exporter *x, const char *s) {
  if (!s) return NULL;
  const char *known = vl_ptrmap_get(&x->strs, s);
  if (known) return known;
  const char *c = fact_str(x->mi, s);
  vl_ptrmap_put(&x->strs, s, c);
  return c;
}

static const VlVal *ex_val(Exporter *x, const VlVal *v);
static const VlObj *ex_obj(Exporter *x, const VlObj *o);

bool vl_site_looped(const Analysis *an, const VlSite *s) {
  const VlModule *m = an->m;
  const FuncData *fd = &an->fd[s->func]; /* (its loops' ids, its comprehensions' too, lie in [loop_lo, loop_hi]) */
  for (VlId l = fd->loop_lo; l && l <= fd->loop_hi; l++)
    /* a `while` loop's: only what is made from nothing tracked (`ret, frame = cap.read()`); one computed
     * from arrays may be the next iterate of the last (`beta = step(beta)`: matplotlib's de Casteljau
     * histories, tiny or shrinking), as ops.c: filled_per_step leaves out */
    if (vl_loop_of_func(m, l, s->func) && vl_loop_runs(m, l, s->start) &&
        (m->loops[l].kind != VL_LOOP_WHILE || s->how == VL_HOW_PRODUCER))
      return true;
  return false;
}

static const VlSite *ex_site(Exporter *x, const VlSite *s) {
  if (!s) return NULL;
  VlSite c = *s;
  c.via = NULL;
  if (s->kind == VL_SITE_NEW && s->mod == x->mi && s->at && !s->bound) { /* named for other modules' messages */
    VlId stmt = 0;
    const char *name = vl_assigned_name(x->an, s->at, &stmt);
    if (name) {
      c.bound = ex_str(x, name);
      c.bound_start = x->an->m->stmts[stmt].start;
      c.bound_end = x->an->m->stmts[stmt].end;
    }
  }
  if (s->kind == VL_SITE_NEW && s->mod == x->mi && s->at && !s->step) /* (summary.c: made_per_iteration) */
    c.looped = vl_site_looped(x->an, s);
  /* an array identified by a deferred operation (`h = model(x); return h[:, 0]`: a view of what
   * `model(x)` returns): the operation whole, so that a caller in another module can do it on its own
   * values (summary.c: inst_sym_array) as a caller in this module does */
  if (s->sym) c.sym = ex_obj(x, s->sym);
  return vl_site(x->mi->vals, c);
}

static const VlObj *ex_obj(Exporter *x, const VlObj *o) {
  VlObj c = *o;
  /* where it was made here means nothing to the modules that read exports (positions of another
   * module are dropped when a summary is applied): dropping it lets equal objects share one copy */
  c.expr = 0;
  c.site = ex_site(x, o->site);
  if (o->shape) c.shape = vl_shape(x->mi->vals, *o->shape);
  c.elem = o->elem ? ex_val(x, o->elem) : NULL;
  c.key = o->key ? ex_val(x, o->key) : NULL;
  c.base = o->base ? ex_val(x, o->base) : NULL;
  c.name = ex_str(x, o->name);
  const VlVal *items[64];
  if (o->nitems) {
    c.nitems = o->nitems > 64 ? 64 : o->nitems;
    for (uint16_t i = 0; i < c.nitems; i++) items[i] = ex_val(x, o->items[i]);
    c.items = items;
  }
  return vl_obj(x->mi->vals, c);
}

static const VlVal *ex_val(Exporter *x, const VlVal *v) {
  if (!v) return NULL;
  if (vl_val_empty(v)) return &vl_empty_val;
  const VlVal *known = vl_ptrmap_get(&x->vals, v);
  if (known) return known;
  if (++x->depth > 24) {
    x->depth--;
    return vl_unknown(x->mi->vals);
  }
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX + 1; i++) out[n++] = ex_obj(x, v->objs[i]);
  x->depth--;
  const VlVal *c = vl_val_of(x->mi->vals, out, (size_t)n);
  vl_ptrmap_put(&x->vals, v, c);
  return c;
}

static const VlSummary *ex_summary(Exporter *x, const VlSummary *s) {
  if (!s) return NULL;
  VlArena *a = x->mi->facts;
  const VlVal *ret = ex_val(x, s->ret);
  bool plain = vl_val_empty(s->yields) && !s->neffects && !s->nheap;
  if (plain) { /* most functions only return something: one summary for each thing returned */
    const VlSummary *known = vl_ptrmap_get(&x->plain, ret ? ret : (const void *)&x->plain);
    if (known) return known;
  }
  VlSummary *c = VL_ARENA_NEW(a, VlSummary);
  if (plain) vl_ptrmap_put(&x->plain, ret ? ret : (const void *)&x->plain, c);
  c->ret = ret;
  c->yields = ex_val(x, s->yields);
  c->yield_at = s->yield_at;
  c->yield_text = s->yield_text ? fact_str(x->mi, s->yield_text) : NULL;
  c->neffects = s->neffects;
  VlEffect *ef = VL_ARENA_ARRAY(a, VlEffect, s->neffects);
  for (uint32_t i = 0; i < s->neffects; i++) {
    ef[i] = s->effects[i];
    ef[i].target = ex_val(x, s->effects[i].target);
    ef[i].value = ex_val(x, s->effects[i].value);
    ef[i].key = ex_val(x, s->effects[i].key);
    if (ef[i].name) ef[i].name = fact_str(x->mi, ef[i].name);
    if (ef[i].text) ef[i].text = fact_str(x->mi, ef[i].text);
    if (ef[i].container) ef[i].container = fact_str(x->mi, ef[i].container);
  }
  c->effects = ef;
  c->nheap = s->nheap;
  VlHeapEntry *h = VL_ARENA_ARRAY(a, VlHeapEntry, s->nheap);
  for (uint32_t i = 0; i < s->nheap; i++) {
    h[i] = s->heap[i];
    h[i].site = ex_site(x, s->heap[i].site);
    h[i].elem = ex_val(x, s->heap[i].elem);
    h[i].key = ex_val(x, s->heap[i].key);
    h[i].attrs = VL_ARENA_ARRAY(a, VlAttr, s->heap[i].nattrs);
    for (uint16_t k = 0; k < s->heap[i].nattrs; k++)
      h[i].attrs[k] = (VlAttr){fact_str(x->mi, s->heap[i].attrs[k].name), ex_val(x, s->heap[i].attrs[k].val)};
  }
  c->heap = h;
  return c;
}

/* ---- what other modules can reach ---- */

/* Which of the module's functions, classes and globals another module can get hold of: those its
 * importers name (VlModInfo.read_names), and whatever their values, summaries and class facts refer
 * to, closed over (a function returning another function, a class's methods and bases, the global a
 * summary reads).  A reader gets a function, class or global of another module only from that
 * module's exports, by a name it imports or from a value it read there, so what is not reached is
 * never read: its summary is not exported (a reader would take it as unknown).  The walk follows the
 * same fields the exporter copies (ex_obj, ex_summary). */
typedef struct Reach {
  const Analysis *an;
  uint8_t *func, *klass, *global; /* reached, per id */
  VlAttr **attrs;                 /* per class, the hints of its instance attributes (export_plan) */
  uint16_t *nattrs;
  VlPtrMap seen;                  /* values and objects already walked */
  VL_VEC(const VlObj *) todo;
} Reach;

static void reach_obj(Reach *r, const VlObj *o) {
  if (vl_ptrmap_get(&r->seen, o)) return;
  vl_ptrmap_put(&r->seen, o, o);
  VL_VEC_PUSH(&r->todo, o);
}

static void reach_val(Reach *r, const VlVal *v) {
  if (!v || vl_ptrmap_get(&r->seen, v)) return;
  vl_ptrmap_put(&r->seen, v, v);
  for (uint16_t i = 0; i < v->n; i++) reach_obj(r, v->objs[i]);
}

static void reach_func(Reach *r, VlId f) {
  if (r->func[f]) return;
  r->func[f] = 1;
  const VlSummary *s = r->an->fd[f].summary;
  if (!s) return;
  reach_val(r, s->ret);
  reach_val(r, s->yields);
  for (uint32_t i = 0; i < s->neffects; i++) {
    reach_val(r, s->effects[i].target);
    reach_val(r, s->effects[i].value);
    reach_val(r, s->effects[i].key);
  }
  for (uint32_t i = 0; i < s->nheap; i++) {
    reach_val(r, s->heap[i].elem);
    reach_val(r, s->heap[i].key);
    for (uint16_t k = 0; k < s->heap[i].nattrs; k++) reach_val(r, s->heap[i].attrs[k].val);
  }
}

static void reach_global(Reach *r, uint32_t g) {
  if (r->global[g]) return;
  r->global[g] = 1;
  if (r->an->globals) reach_val(r, r->an->globals[g]);
}

static void reach_class(Reach *r, VlId c) {
  if (r->klass[c]) return;
  r->klass[c] = 1;
  const VlClassInfo *ci = &r->an->mi->classes[c];
  for (uint16_t k = 0; k < ci->nmethods; k++) reach_func(r, ci->methods[k]);
  reach_val(r, ci->bases);
  for (uint16_t i = 0; i < ci->nclassvars; i++) reach_val(r, ci->classvars[i].val);
  for (uint16_t i = 0; i < r->nattrs[c]; i++) reach_val(r, r->attrs[c][i].val);
}

static void reach_exports(Reach *r) {
  const Analysis *an = r->an;
  const VlModule *m = an->m;
  const VlFunc *mod = vl_func(m, VL_MODULE_FUNC);
  for (uint32_t i = 0; i < mod->nlocals; i++)
    if (vl_strmap_get(&an->mi->read_names, vl_local_name(m, VL_MODULE_FUNC, i), &(size_t){0})) reach_global(r, i);
  while (r->todo.len) {
    const VlObj *o = r->todo.items[--r->todo.len];
    if (o->site && o->site->sym) reach_obj(r, o->site->sym);
    reach_val(r, o->elem);
    reach_val(r, o->key);
    reach_val(r, o->base);
    for (uint16_t i = 0; i < o->nitems; i++) reach_val(r, o->items[i]);
    if (o->mod != an->mi) continue;
    if (o->kind == VL_O_FUNC && o->func < m->nfuncs) reach_func(r, o->func);
    else if (o->kind == VL_O_CLASS && o->func < m->nclasses) reach_class(r, o->func);
    else if (o->kind == VL_O_SYM && o->sub == VL_SYM_GLOBALV && o->index < mod->nlocals) reach_global(r, o->index);
  }
}

/* What the module will export, decided before its speculative analyses (which are only of use to a
 * function another module can reach): each class's hints of the instance attributes other modules
 * will need (in this analysis' values until export_module copies them), and what is reached. */
static void export_plan(Analysis *an, Reach *r) {
  VlModInfo *mi = an->mi;
  const VlModule *m = an->m;
  const VlFunc *mod = vl_func(m, VL_MODULE_FUNC);
  *r = (Reach){.an = an};
  r->attrs = VL_ARENA_ARRAY(an->arena, VlAttr *, m->nclasses + 1);
  r->nattrs = VL_ARENA_ARRAY(an->arena, uint16_t, m->nclasses + 1);
  /* one frame for every class's hints: a frame per class (its environment as large as the module's)
   * made this quadratic in the module's size */
  Frame F;
  vl_frame_init(&F, an, VL_MODULE_FUNC);
  for (VlId c = 1; c < m->nclasses; c++) {
    VlClassInfo *ci = &mi->classes[c];
    if (!ci->bases) vl_an_class(an, c);
    VL_VEC(VlAttr) attrs = {0};
    for (uint16_t k = 0; k < ci->nmethods; k++) {
      const VlSummary *s = an->fd[ci->methods[k]].summary;
      for (uint32_t e = 0; s && e < s->neffects; e++)
        if (s->effects[e].kind == VL_EFF_SETATTR) {
          bool dup = false;
          for (size_t j = 0; j < attrs.len && !dup; j++) dup = strcmp(attrs.items[j].name, s->effects[e].name) == 0;
          if (dup) continue;
          const VlVal *h = vl_class_attr_hint(&F, ci, s->effects[e].name, 0);
          if (h) VL_VEC_PUSH(&attrs, ((VlAttr){s->effects[e].name, h}));
        }
    }
    r->attrs[c] = VL_ARENA_ARRAY(an->arena, VlAttr, attrs.len);
    if (attrs.len) memcpy(r->attrs[c], attrs.items, attrs.len * sizeof *r->attrs[c]);
    r->nattrs[c] = (uint16_t)attrs.len;
    VL_VEC_FREE(&attrs);
  }
  vl_frame_free(&F);
  /* what other modules can reach: all of it, unless they import it by name only */
  r->func = vl_xcalloc(m->nfuncs + 1, 1);
  r->klass = vl_xcalloc(m->nclasses + 1, 1);
  r->global = vl_xcalloc(mod->nlocals + 1, 1);
  if (mi->by_name && !getenv("VIEWLEAK_EXPORT_ALL")) {
    reach_exports(r);
    vl_strmap_free(&mi->read_names); /* (served: its keys are the session's) */
  } else {
    memset(r->func, 1, m->nfuncs);
    memset(r->klass, 1, m->nclasses);
    memset(r->global, 1, mod->nlocals);
  }
}

static void export_module(Analysis *an, Reach *rp) {
  VlModInfo *mi = an->mi;
  const VlModule *m = an->m;
  Exporter x = {.an = an, .mi = mi};
  const VlFunc *mod = vl_func(m, VL_MODULE_FUNC);
  Reach r = *rp;
  for (VlId c = 1; c < m->nclasses; c++) {
    mi->classes[c].attrs = r.attrs[c];
    mi->classes[c].nattrs = r.nattrs[c];
  }
  size_t b0 = vl_arena_used(mi->facts);
  size_t nsum = 0;
  /* (the analyses for string defaults first: they make values in this analysis, exported below) */
  const VlSummary **dflt = vl_xcalloc(m->nfuncs + 1, sizeof *dflt);
  for (VlId f = 1; f < m->nfuncs; f++)
    if (r.func[f]) dflt[f] = literal_default_summary(an, f);
  for (VlId f = 1; f < m->nfuncs; f++) {
    mi->funcs[f].summary = r.func[f] ? ex_summary(&x, an->fd[f].summary) : NULL;
    mi->funcs[f].dflt_summary = dflt[f] ? ex_summary(&x, dflt[f]) : NULL;
    nsum += mi->funcs[f].summary != NULL;
  }
  free(dflt);
  size_t b1 = vl_arena_used(mi->facts);
  mi->nglobals = mod->nlocals;
  mi->global_names = VL_ARENA_ARRAY(mi->facts, const char *, mod->nlocals + 1);
  mi->globals = VL_ARENA_ARRAY(mi->facts, const VlVal *, mod->nlocals + 1);
  vl_strmap_free(&mi->global_index);
  mi->global_dups = false;
  for (uint32_t i = 0; i < mod->nlocals; i++) {
    mi->global_names[i] = fact_str(mi, vl_local_name(m, VL_MODULE_FUNC, i));
    if (mi->global_names[i]) {
      if (vl_strmap_get(&mi->global_index, mi->global_names[i], &(size_t){0})) mi->global_dups = true;
      else vl_strmap_put(&mi->global_index, mi->global_names[i], i);
    }
    /* a global no importer names nor reaches: unknown (a module reading it anyway, as the attribute of
     * a package it imports whole, `import pkg` then `pkg.sub.f`, learns nothing from it) */
    mi->globals[i] = !r.global[i] ? vl_unknown(mi->vals)
                     : an->globals && an->globals[i] ? ex_val(&x, an->globals[i]) : &vl_empty_val;
  }
  for (VlId c = 1; c < m->nclasses; c++) {
    VlClassInfo *ci = &mi->classes[c];
    if (!r.klass[c]) { /* nothing outside gets hold of it: its facts stay here */
      ci->bases = &vl_empty_val;
      ci->classvars = NULL;
      ci->nclassvars = 0;
      ci->attrs = NULL;
      ci->nattrs = 0;
      ci->fields = NULL;
      ci->factories = NULL;
      ci->nfields = 0;
      continue;
    }
    ci->bases = ex_val(&x, ci->bases);
    VlAttr *cv = VL_ARENA_ARRAY(mi->facts, VlAttr, ci->nclassvars);
    for (uint16_t i = 0; i < ci->nclassvars; i++)
      cv[i] = (VlAttr){fact_str(mi, ci->classvars[i].name), ex_val(&x, ci->classvars[i].val)};
    ci->classvars = cv;
    const char **fields = VL_ARENA_ARRAY(mi->facts, const char *, ci->nfields);
    for (uint16_t i = 0; i < ci->nfields; i++) fields[i] = fact_str(mi, ci->fields[i]);
    ci->fields = fields;
    if (ci->factories) {
      VlFieldFactory *ff = VL_ARENA_ARRAY(mi->facts, VlFieldFactory, ci->nfields);
      for (uint16_t i = 0; i < ci->nfields; i++) {
        ff[i] = ci->factories[i];
        if (ff[i].lib) ff[i].lib = fact_str(mi, ff[i].lib);
      }
      ci->factories = ff;
    }
    VlAttr *attrs = VL_ARENA_ARRAY(mi->facts, VlAttr, ci->nattrs);
    for (uint16_t j = 0; j < ci->nattrs; j++)
      attrs[j] = (VlAttr){fact_str(mi, ci->attrs[j].name), ex_val(&x, ci->attrs[j].val)};
    ci->attrs = attrs;
  }
  vl_ptrmap_free(&x.vals);
  vl_ptrmap_free(&x.strs);
  vl_ptrmap_free(&x.plain);
  vl_ptrmap_free(&r.seen);
  VL_VEC_FREE(&r.todo);
  free(r.func);
  free(r.klass);
  free(r.global);
  if (getenv("VIEWLEAK_STATS"))
    fprintf(stderr, "%s: exports (%s): %zu of %u summaries, %zu bytes; globals and classes %zu bytes; %zu values\n",
            m->path, mi->by_name ? "by name" : "whole", nsum, m->nfuncs ? m->nfuncs - 1 : 0, b1 - b0, vl_arena_used(mi->facts) - b1,
            vl_values_count(mi->vals));
  vl_values_seal(mi->vals);
}

/* ---- the module ---- */

static void run_module_body(Analysis *an, bool prepass) {
  Frame F;
  vl_frame_init(&F, an, VL_MODULE_FUNC);
  F.module_prepass = prepass;
  if (!prepass && an->globals)
    for (uint32_t i = 0; i < F.nenv; i++) F.env[i] = &vl_empty_val;
  use_evidence(&F, VL_MODULE_FUNC);
  if (prepass) an->prepass_env = F.env;
  vl_frame_run(&F);
  an->prepass_env = NULL;
  if (prepass) {
    an->globals = VL_ARENA_ARRAY(an->arena, const VlVal *, F.nenv + 1);
    for (uint32_t i = 0; i < F.nenv; i++) an->globals[i] = F.env[i] ? F.env[i] : &vl_empty_val;
    vl_heap_free(&an->module_heap);
    an->module_heap = F.heap; /* what global containers hold, for the functions */
    memset(&F.heap, 0, sizeof F.heap);
  } else {
    vl_retain_check(&F);
    if (an->probe) an->probe(an->probe_ctx, &F);
  }
  vl_frame_free(&F);
}

void vl_analyse_module(VlProgram *prog, VlModInfo *mi, const VlModule *m, const VlLibraryExtensions *ext,
                       const VlFlowSink *sink) {
  vl_analyse_module_probed(prog, mi, m, ext, sink, NULL, NULL);
}

void vl_analyse_module_probed(VlProgram *prog, VlModInfo *mi, const VlModule *m, const VlLibraryExtensions *ext,
                              const VlFlowSink *sink, void (*probe)(void *ctx, const struct Frame *frame),
                              void *probe_ctx) {
  Analysis an = {.prog = prog, .mi = mi, .m = m, .know = prog->know, .ext = ext, .sink = sink, .probe = probe,
                 .probe_ctx = probe_ctx};
  /* read per module, not cached in a static: worker threads analyse modules at once */
  bool stats = an.stats = getenv("VIEWLEAK_STATS") != NULL;
  an.debug = getenv("VIEWLEAK_DEBUG") != NULL;
  struct timespec t0, t1;
  if (stats) clock_gettime(CLOCK_MONOTONIC, &t0);
  an.arena = vl_arena_new();
  an.vals = vl_values_new(an.arena);
  an.fd = VL_ARENA_ARRAY(an.arena, FuncData, m->nfuncs + 1);
  for (VlId l = 1; l < m->nloops; l++) /* each function's loop ids, its nested functions' included */
    for (VlId f = m->loops[l].func, depth = 0; f && depth < 256; f = m->funcs[f].parent, depth++) {
      FuncData *fd = &an.fd[f];
      if (!fd->loop_lo || l < fd->loop_lo) fd->loop_lo = l;
      if (l > fd->loop_hi) fd->loop_hi = l;
      if (f == VL_MODULE_FUNC) break;
    }
  an.budget = 200000 + 200 * (uint64_t)m->nexprs;
  mi->text = m->text;
  mi->facts = mi->shared ? prog->shared : mi->arena;
  find_cells(&an);
  if (mi->shared) pthread_mutex_lock(&prog->lock);
  build_infos(&an);
  if (mi->shared) pthread_mutex_unlock(&prog->lock);
  run_module_body(&an, true);
  vl_module_decorators(&an);
  /* twice: the second sweep finishes the functions left provisional by the first */
  for (int sweep = 0; sweep < 2; sweep++)
    for (VlId f = 1; f < m->nfuncs; f++) {
      const VlFunc *fn = vl_func(m, f);
      if (fn->kind == VL_FN_DEF || fn->kind == VL_FN_LAMBDA) vl_func_summary(&an, f);
    }
  run_module_body(&an, false);
  Reach r = {0};
  if (!mi->unread) {
    export_plan(&an, &r);
    speculate(&an, r.func);
  }
  if (mi->shared) pthread_mutex_lock(&prog->lock);
  vl_values_delete(mi->vals);
  mi->vals = vl_values_new(mi->facts);
  if (mi->unread) forget_exports(mi); /* (build_infos' classes point into this analysis) */
  else export_module(&an, &r);
  if (mi->shared) pthread_mutex_unlock(&prog->lock);
  mi->analysed = true;
  mi->text = NULL;
  if (stats) {
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "%s: %u functions, %zu specialised, %u exprs, %llu steps left of budget, %zu values, %.1f MiB, %.1f ms\n",
            m->path, m->nfuncs, an.specials.len, m->nexprs, (unsigned long long)an.budget, vl_values_count(an.vals),
            (double)vl_arena_bytes(an.arena) / 1048576.0,
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
  }
  VL_VEC_FREE(&an.reported);
  VL_VEC_FREE(&an.active);
  VL_VEC_FREE(&an.waits);
  vl_ptrmap_free(&an.method_ix);
  vl_ptrmap_free(&an.hint_lists);
  vl_ptrmap_free(&an.bound_methods);
  VL_VEC_FREE(&an.specials);
  vl_values_delete(an.vals);
  free(an.seen);
  free(an.assigns_by_start);
  free(an.by_start[0]);
  free(an.by_start[1]);
  vl_heap_free(&an.module_heap);
  free(an.ready);
  free(an.hand_memos);
  for (uint32_t i = 0; i < an.nspare; i++) vl_arena_delete(an.spare[i]);
  vl_arena_delete(an.arena);
}
