/* testlib.h: shared helpers for the cmocka unit tests of the analysis.
 *
 * tl_analyse() lowers a Python source string and analyses it the way the engine does, recording
 * through the analysis probe, for every function: the value of each local name when the function
 * ends, its return value, and its store events; and for the module: the retention hits and loop
 * rebinds reported.  Values are recorded flat (TlVal: one TlObj per possibility, sites named by
 * kind and source offset), because the analysis frees its own when it returns.
 *
 * The TlFile is stored in the test's cmocka state as soon as it exists, so registering the test with
 * cmocka_unit_test_teardown(test, tl_teardown) frees everything even when an assertion fails half
 * way: the tests run under ASan/LSan.  Every helper asserts what it needs, so a malformed test source
 * fails loudly instead of returning garbage.  Single-threaded, like the tests. */
#ifndef VL_TESTS_TESTLIB_H
#define VL_TESTS_TESTLIB_H
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/arena.h"
#include "flow/analysis.h"
#include "flow/flow.h"
#include "ir/lower.h"
#include "knowledge/libtable.h"
#include "syntax/pyast.h"

enum { TL_MAX_OBJS = 16, TL_MAX_LOCALS = 48, TL_MAX_FUNCS = 24, TL_MAX_STORES = 24, TL_MAX_HITS = 32 };

/* One possibility of a value, flattened. */
typedef struct TlObj {
  uint8_t kind;      /* VlObjKind */
  bool view;         /* arrays: a view of its site */
  bool partial;      /* arrays: the view shows only part of its base */
  bool assumed;
  uint8_t lib, layout;
  uint8_t units;     /* arrays: axes known to may have size 1 (bit k: axis k) */
  VlNdim nd;
  uint8_t seq;       /* VlSeqKind */
  uint8_t sym;       /* VlSymOp */
  uint8_t lib_model; /* LIB: VlLibModel */
  uint8_t nkwnames;  /* a partial's keyword names (LIB `key`, FUNC `elem`: a tuple of STRs): how many, */
  char kwnames[64];  /* and they, joined by spaces */
  uint8_t site_kind; /* VlSiteKind, 0: none */
  uint8_t site_how;  /* VlHow */
  bool site_step;
  uint32_t site_start; /* where the site's object is made (NEW/STEP) */
  int64_t dims[VL_SHAPE_MAX];
  uint8_t ndims;     /* literal shape, 0 when unknown */
  char name[64];     /* LIB, STR, SYM attribute... */
  /* containers (SEQ), filled by the probe (tl_note_held): an array view among what it holds (exact
   * tuple items, joined elements, heap contents), and that view's site and ndim */
  bool holds_view;
  uint8_t held_site_kind;
  uint32_t held_site_start;
  VlNdim held_nd;
} TlObj;

typedef struct TlVal {
  int n;
  TlObj objs[TL_MAX_OBJS];
} TlVal;

typedef struct TlStore {
  char text[64];
  uint8_t store;
  bool implicit;
  TlVal value, container;
} TlStore;

typedef struct TlFunc {
  char name[96];
  char locals[TL_MAX_LOCALS][48];
  TlVal values[TL_MAX_LOCALS];
  int nlocals;
  TlVal ret, yields;
  TlStore stores[TL_MAX_STORES];
  int nstores;
} TlFunc;

typedef struct TlFile {
  VlArena *arena;
  VlPy py;
  VlKnowledge know;
  VlProgram *prog;
  VlModule *m;
  char *text;
  TlFunc funcs[TL_MAX_FUNCS];
  int nfuncs;
  VlHit hits[TL_MAX_HITS];
  int nhits;
  VlLoopRebind rebinds[TL_MAX_HITS];
  int nrebinds;
} TlFile;

static inline void tl_free(TlFile *f) {
  if (!f) return;
  vl_program_delete(f->prog);
  vl_module_delete(f->m);
  vl_arena_delete(f->arena);
  free(f->text);
  free(f);
}

/* cmocka teardown: frees the TlFile left in *state by tl_analyse. */
static inline int tl_teardown(void **state) {
  tl_free((TlFile *)*state);
  *state = NULL;
  return 0;
}

static inline void tl_flatten(TlVal *out, const VlVal *v) {
  memset(out, 0, sizeof *out);
  for (uint16_t i = 0; v && i < v->n && out->n < TL_MAX_OBJS; i++) {
    const VlObj *o = v->objs[i];
    TlObj *t = &out->objs[out->n++];
    t->kind = o->kind;
    t->view = o->kind == VL_O_ARRAY && o->sub;
    t->partial = (o->flags & VL_F_PARTIAL) != 0;
    t->assumed = (o->flags & VL_F_ASSUMED) != 0;
    t->lib = o->lib;
    t->layout = o->layout;
    t->units = o->units;
    t->nd = o->nd;
    t->seq = o->kind == VL_O_SEQ ? o->sub : 0;
    t->sym = o->kind == VL_O_SYM ? o->sub : 0;
    t->lib_model = o->kind == VL_O_LIB ? o->sub : 0;
    const VlVal *kw = o->kind == VL_O_LIB ? o->key : o->kind == VL_O_FUNC ? o->elem : NULL;
    if (kw && kw->n == 1 && kw->objs[0]->kind == VL_O_SEQ) {
      for (uint16_t k = 0; k < kw->objs[0]->nitems; k++) {
        const VlVal *s = kw->objs[0]->items[k];
        size_t len = strlen(t->kwnames);
        snprintf(t->kwnames + len, sizeof t->kwnames - len, "%s%s", len ? " " : "",
                 s->n == 1 && s->objs[0]->kind == VL_O_STR && s->objs[0]->name ? s->objs[0]->name : "?");
        t->nkwnames++;
      }
    }
    if (o->site) {
      t->site_kind = o->site->kind;
      t->site_how = o->site->how;
      t->site_step = o->site->step;
      t->site_start = o->site->start;
    }
    if (o->shape) {
      t->ndims = o->shape->n;
      memcpy(t->dims, o->shape->dims, sizeof t->dims);
    }
    if (o->name) snprintf(t->name, sizeof t->name, "%s", o->name);
  }
}

static inline void tl_note_held(TlVal *out, const VlVal *v, const struct Frame *fr);

static inline void tl_probe(void *ctx, const struct Frame *fr) {
  TlFile *f = ctx;
  const VlModule *m = f->m;
  if (f->nfuncs == TL_MAX_FUNCS) return;
  TlFunc *fn = &f->funcs[f->nfuncs++];
  memset(fn, 0, sizeof *fn);
  snprintf(fn->name, sizeof fn->name, "%s", vl_str(m, vl_func(m, fr->func)->qualname));
  for (uint32_t i = 0; i < fr->nenv && fn->nlocals < TL_MAX_LOCALS; i++) {
    snprintf(fn->locals[fn->nlocals], sizeof fn->locals[0], "%s", vl_local_name(m, fr->func, i));
    tl_flatten(&fn->values[fn->nlocals], fr->env[i]);
    tl_note_held(&fn->values[fn->nlocals++], fr->env[i], fr);
  }
  tl_flatten(&fn->ret, fr->ret);
  tl_note_held(&fn->ret, fr->ret, fr);
  tl_flatten(&fn->yields, fr->yields);
  tl_note_held(&fn->yields, fr->yields, fr);
  for (size_t i = 0; i < fr->stores.len && fn->nstores < TL_MAX_STORES; i++) {
    const StoreEv *ev = &fr->stores.items[i];
    TlStore *st = &fn->stores[fn->nstores++];
    snprintf(st->text, sizeof st->text, "%s", ev->text ? ev->text : "");
    st->store = ev->store;
    st->implicit = ev->implicit;
    tl_flatten(&st->value, ev->value);
    tl_note_held(&st->value, ev->value, fr);
    tl_flatten(&st->container, ev->container);
    tl_note_held(&st->container, ev->container, fr);
  }
}

static inline void tl_on_hit(void *ctx, const VlHit *h) {
  TlFile *f = ctx;
  if (f->nhits < TL_MAX_HITS) {
    f->hits[f->nhits] = *h;
    /* texts live in the analysis arena: copy them */
    if (h->text) f->hits[f->nhits].text = vl_arena_strdup(f->arena, h->text);
    if (h->base_name) f->hits[f->nhits].base_name = vl_arena_strdup(f->arena, h->base_name);
    if (h->container) f->hits[f->nhits].container = vl_arena_strdup(f->arena, h->container);
    if (h->size) f->hits[f->nhits].size = vl_arena_strdup(f->arena, h->size);
    f->nhits++;
  }
}

static inline void tl_on_rebind(void *ctx, const VlLoopRebind *rb) {
  TlFile *f = ctx;
  if (f->nrebinds < TL_MAX_HITS) f->rebinds[f->nrebinds++] = *rb;
}

/* Lowers and analyses `text` as module `test`.  The result is owned by *state (see tl_teardown). */
static inline TlFile *tl_analyse(void **state, const char *text) {
  tl_free((TlFile *)*state); /* a test may analyse twice */
  TlFile *f = calloc(1, sizeof *f);
  assert_non_null(f);
  *state = f;
  const char *missing = NULL;
  assert_true(vl_py_init(&f->py, &missing));
  f->arena = vl_arena_new();
  char err[256] = "";
  if (!vl_knowledge_load(&f->know, f->arena, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  f->text = vl_xstrdup(text);
  f->m = vl_lower(&f->py, NULL, "test.py", f->text, strlen(f->text));
  assert_non_null(f->m);
  f->prog = vl_program_new(&f->know);
  VlModInfo *mi = vl_program_add(f->prog, "test", "test.py", false, true);
  VlFlowSink sink = {tl_on_hit, tl_on_rebind, f};
  vl_analyse_module_probed(f->prog, mi, f->m, NULL, &sink, tl_probe, f);
  return f;
}

/* The record of a function by (qualified) name; NULL: the last function analysed before the
 * module body, or the module body when there is none. */
static inline const TlFunc *tl_func(const TlFile *f, const char *name) {
  if (!name) {
    for (int i = f->nfuncs - 1; i >= 0; i--)
      if (strcmp(f->funcs[i].name, "<module>") != 0) return &f->funcs[i];
    assert_true(f->nfuncs > 0);
    return &f->funcs[f->nfuncs - 1];
  }
  for (int i = f->nfuncs - 1; i >= 0; i--)
    if (strcmp(f->funcs[i].name, name) == 0) return &f->funcs[i];
  fail_msg("no function %s was analysed", name);
  return NULL;
}

/* The value of local `name` when function `func` (see tl_func) ends. */
static inline const TlVal *tl_local_in(const TlFile *f, const char *func, const char *name) {
  const TlFunc *fn = tl_func(f, func);
  for (int i = 0; i < fn->nlocals; i++)
    if (strcmp(fn->locals[i], name) == 0) return &fn->values[i];
  fail_msg("%s has no local %s", fn->name, name);
  return NULL;
}
#define tl_local(f, name) tl_local_in(f, NULL, name)

/* The value stored by the store whose stored expression reads `text` (in any function). */
static inline const TlVal *tl_stored(const TlFile *f, const char *text) {
  for (int i = 0; i < f->nfuncs; i++)
    for (int k = 0; k < f->funcs[i].nstores; k++)
      if (strcmp(f->funcs[i].stores[k].text, text) == 0) return &f->funcs[i].stores[k].value;
  fail_msg("no store of `%s`", text);
  return NULL;
}

static inline int tl_count(const TlVal *v, VlObjKind kind) {
  int n = 0;
  for (int i = 0; i < v->n; i++) n += v->objs[i].kind == kind;
  return n;
}

/* Every array possibility has exactly `nd` dimensions (and there is one). */
static inline void tl_assert_ndim(const TlVal *v, int nd) {
  assert_true(tl_count(v, VL_O_ARRAY) > 0);
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].kind == VL_O_ARRAY) {
      assert_int_equal(v->objs[i].nd.lo, nd);
      assert_int_equal(v->objs[i].nd.hi, nd);
    }
}

/* Every possibility is of this kind. */
static inline void tl_assert_only(const TlVal *v, VlObjKind kind) {
  assert_true(v->n > 0);
  for (int i = 0; i < v->n; i++) assert_int_equal(v->objs[i].kind, kind);
}

/* A view (partial when asked) of one of the objects `base` holds, on every possibility. */
static inline void tl_assert_view_of(const TlVal *v, const TlVal *base, bool partial) {
  assert_true(tl_count(v, VL_O_ARRAY) > 0);
  for (int i = 0; i < v->n; i++) {
    const TlObj *o = &v->objs[i];
    assert_int_equal(o->kind, VL_O_ARRAY);
    assert_true(o->view);
    if (partial) assert_true(o->partial);
    bool found = false;
    for (int k = 0; k < base->n && !found; k++)
      found = base->objs[k].site_kind == o->site_kind && base->objs[k].site_start == o->site_start;
    if (!found) fail_msg("a view of an object its base does not hold (site at %u)", o->site_start);
  }
}

/* A new array (a copy or a product), not a view, on every possibility. */
static inline void tl_assert_new(const TlVal *v) {
  assert_true(tl_count(v, VL_O_ARRAY) > 0);
  for (int i = 0; i < v->n; i++) {
    const TlObj *o = &v->objs[i];
    assert_int_equal(o->kind, VL_O_ARRAY);
    assert_false(o->view);
    assert_int_equal(o->site_kind, VL_SITE_NEW);
  }
}

/* The hit reported at the stored expression `text`, or NULL. */
static inline const VlHit *tl_hit(const TlFile *f, const char *text) {
  for (int i = 0; i < f->nhits; i++)
    if (f->hits[i].text && strcmp(f->hits[i].text, text) == 0) return &f->hits[i];
  return NULL;
}

/* ---- added for test_ir.c and test_analysis.c ---- */

/* The first array view container `o` holds, looking through nested containers: exact tuple items,
 * joined elements, and the contents the frame's heap records for the container's site. */
static inline const VlObj *tl_held_in_val(const VlVal *v, const struct Frame *fr, int depth);

static inline const VlObj *tl_held_in_seq(const VlObj *o, const struct Frame *fr, int depth) {
  if (depth > 4) return NULL;
  const VlObj *h = NULL;
  for (uint16_t k = 0; k < o->nitems && !h; k++) h = tl_held_in_val(o->items[k], fr, depth + 1);
  if (!h) h = tl_held_in_val(o->elem, fr, depth + 1);
  const VlHeapEntry *e = !h && fr && o->site ? vl_heap_find(fr, o->site) : NULL;
  if (e) h = tl_held_in_val(e->elem, fr, depth + 1);
  return h;
}

static inline const VlObj *tl_held_in_val(const VlVal *v, const struct Frame *fr, int depth) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub) return o;
    const VlObj *h = o->kind == VL_O_SEQ ? tl_held_in_seq(o, fr, depth) : NULL;
    if (h) return h;
  }
  return NULL;
}

/* Fills the holds_view fields of the container possibilities of `out` (flattened from `v`). */
static inline void tl_note_held(TlVal *out, const VlVal *v, const struct Frame *fr) {
  for (uint16_t i = 0; v && i < v->n && i < out->n; i++) {
    const VlObj *o = v->objs[i];
    const VlObj *h = o->kind == VL_O_SEQ ? tl_held_in_seq(o, fr, 0) : NULL;
    if (!h) continue;
    out->objs[i].holds_view = true;
    out->objs[i].held_site_kind = h->site ? h->site->kind : 0;
    out->objs[i].held_site_start = h->site ? h->site->start : 0;
    out->objs[i].held_nd = h->nd;
  }
}

/* Lowers `text` only (no analysis).  The result is owned by *state (see tl_teardown). */
static inline TlFile *tl_lower(void **state, const char *text) {
  tl_free((TlFile *)*state);
  TlFile *f = calloc(1, sizeof *f);
  assert_non_null(f);
  *state = f;
  const char *missing = NULL;
  assert_true(vl_py_init(&f->py, &missing));
  f->text = vl_xstrdup(text);
  f->m = vl_lower(&f->py, NULL, "test.py", f->text, strlen(f->text));
  assert_non_null(f->m);
  return f;
}

/* tl_analyse for a module of another dotted name (`package`: an __init__.py), for relative imports. */
static inline TlFile *tl_analyse_as(void **state, const char *text, const char *module, bool package) {
  tl_free((TlFile *)*state);
  TlFile *f = calloc(1, sizeof *f);
  assert_non_null(f);
  *state = f;
  const char *missing = NULL;
  assert_true(vl_py_init(&f->py, &missing));
  f->arena = vl_arena_new();
  char err[256] = "";
  if (!vl_knowledge_load(&f->know, f->arena, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  f->text = vl_xstrdup(text);
  f->m = vl_lower(&f->py, NULL, "test.py", f->text, strlen(f->text));
  assert_non_null(f->m);
  f->prog = vl_program_new(&f->know);
  VlModInfo *mi = vl_program_add(f->prog, module, "test.py", package, true);
  VlFlowSink sink = {tl_on_hit, tl_on_rebind, f};
  vl_analyse_module_probed(f->prog, mi, f->m, NULL, &sink, tl_probe, f);
  return f;
}

/* Every container possibility holds a view of an object `base` holds. */
static inline void tl_assert_holds_view_of(const TlVal *v, const TlVal *base) {
  assert_true(tl_count(v, VL_O_SEQ) > 0);
  for (int i = 0; i < v->n; i++) {
    const TlObj *o = &v->objs[i];
    assert_int_equal(o->kind, VL_O_SEQ);
    if (!o->holds_view) fail_msg("a container (site at %u) holds no view", o->site_start);
    bool found = false;
    for (int k = 0; k < base->n && !found; k++)
      found = base->objs[k].site_kind == o->held_site_kind && base->objs[k].site_start == o->held_site_start;
    if (!found) fail_msg("a container holds a view of an object its base does not hold (site at %u)", o->held_site_start);
  }
}

/* There is a container possibility and none holds a view. */
static inline void tl_assert_holds_no_view(const TlVal *v) {
  assert_true(tl_count(v, VL_O_SEQ) > 0);
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].holds_view) fail_msg("a container (site at %u) holds a view of the site at %u", v->objs[i].site_start, v->objs[i].held_site_start);
}

/* Some possibility is an array view (any site). */
static inline bool tl_has_view(const TlVal *v) {
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].kind == VL_O_ARRAY && v->objs[i].view) return true;
  return false;
}

#endif
