/* testlib.h: shared helpers for the cmocka unit tests.
 *
 * tl_parse() turns a Python source string into a fully built VlFlow (arena, VlPy table, embedded
 * library knowledge, imports, scopes), the way the engine does for one file.  The TlFile is stored in
 * the test's cmocka state as soon as it exists, so registering the test with
 * cmocka_unit_test_teardown(test, tl_teardown) frees everything (arena, tree, parser) even when an
 * assertion fails half-way: the tests run under ASan/LSan.
 *
 * Queries look at "the scope of interest": the last function scope of the file, or the module when
 * the file has no function.  Every helper asserts what it needs, so a malformed test source fails
 * loudly instead of returning garbage.  Single-threaded, like the tests. */
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

#include "base/arena.h"
#include "flow/flow.h"
#include "knowledge/libtable.h"
#include "resolve/imports.h"
#include "syntax/pyast.h"
#include "syntax/source.h"

typedef struct TlFile {
  VlArena *arena;
  VlPy py;
  VlKnowledge know;
  VlSource *src;
  TSParser *parser;
  TSTree *tree;
  VlFlow flow;
} TlFile;

/* Frees a TlFile and everything it owns.  NULL is a no-op. */
static inline void tl_free(TlFile *f) {
  if (!f) return;
  if (f->tree) ts_tree_delete(f->tree);
  if (f->parser) ts_parser_delete(f->parser);
  vl_arena_delete(f->arena);
  free(f);
}

/* cmocka teardown: frees the TlFile left in *state by tl_parse. */
static inline int tl_teardown(void **state) {
  tl_free((TlFile *)*state);
  *state = NULL;
  return 0;
}

/* Parses `text` and builds imports and scopes.  The result is owned by *state (see tl_teardown). */
static inline TlFile *tl_parse(void **state, const char *text) {
  tl_free((TlFile *)*state); /* a test may parse twice */
  TlFile *f = calloc(1, sizeof *f);
  assert_non_null(f);
  *state = f;
  const char *missing = NULL;
  assert_true(vl_py_init(&f->py, &missing));
  f->arena = vl_arena_new();
  char err[256] = "";
  if (!vl_knowledge_load(&f->know, f->arena, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  f->src = vl_source_new(f->arena, "test.py", text, strlen(text));
  f->parser = ts_parser_new();
  assert_true(ts_parser_set_language(f->parser, f->py.lang));
  f->tree = ts_parser_parse_string(f->parser, NULL, f->src->text, f->src->len);
  assert_non_null(f->tree);
  f->flow = (VlFlow){.arena = f->arena, .py = &f->py, .src = f->src, .know = &f->know,
                     .root = ts_tree_root_node(f->tree)};
  f->flow.imports = vl_imports_collect(f->arena, &f->py, f->src, f->flow.root);
  vl_flow_build(&f->flow);
  assert_true(f->flow.nscopes >= 1);
  return f;
}

/* ---- scopes ---- */

static inline const VlScope *tl_module(const TlFile *f) { return f->flow.scopes[0]; }

/* The last function scope in the file, or the module. */
static inline const VlScope *tl_scope(const TlFile *f) {
  for (size_t i = f->flow.nscopes; i-- > 0;)
    if (vl_py_is(&f->py, f->flow.scopes[i]->node, VL_K_FUNCTION_DEF)) return f->flow.scopes[i];
  return tl_module(f);
}

/* The innermost scope whose node contains `n`. */
static inline const VlScope *tl_scope_of(const TlFile *f, TSNode n) {
  const VlScope *best = tl_module(f);
  uint32_t at = ts_node_start_byte(n);
  for (size_t i = 1; i < f->flow.nscopes; i++) {
    TSNode s = f->flow.scopes[i]->node;
    if (ts_node_start_byte(s) <= at && at < ts_node_end_byte(s) &&
        ts_node_end_byte(s) - ts_node_start_byte(s) <= ts_node_end_byte(best->node) - ts_node_start_byte(best->node))
      best = f->flow.scopes[i];
  }
  return best;
}

/* The scope-wide value of `key` as seen from the scope of interest. */
static inline VlVal tl_key(TlFile *f, const char *key) { return vl_eval_key(&f->flow, tl_scope(f), key); }

/* ---- nodes ---- */

static inline bool tl_node_text_is(const TlFile *f, TSNode n, const char *text) {
  return vl_py_text_is(f->src, n, text);
}

/* An arena copy of a node's text. */
static inline const char *tl_text(TlFile *f, TSNode n) { return vl_py_text_dup(f->arena, f->src, n); }

static inline bool tl_find_rec(const TlFile *f, TSNode n, int kind, const char *text, int *nth, TSNode *out) {
  if ((kind < 0 || vl_py_is(&f->py, n, (VlKind)kind)) && (!text || tl_node_text_is(f, n, text)) && (*nth)-- == 0) {
    *out = n;
    return true;
  }
  for (uint32_t i = 0, c = ts_node_named_child_count(n); i < c; i++)
    if (tl_find_rec(f, ts_node_named_child(n, i), kind, text, nth, out)) return true;
  return false;
}

/* The nth (0-based, pre-order: outermost first) named node of `kind` (-1: any) whose text is `text`
 * (NULL: any).  Fails the test when there is none. */
static inline TSNode tl_find_nth(const TlFile *f, int kind, const char *text, int nth) {
  TSNode out = {0};
  int left = nth;
  if (!tl_find_rec(f, f->flow.root, kind, text, &left, &out))
    fail_msg("no node #%d of kind %d with text '%s'", nth, kind, text ? text : "(any)");
  return out;
}

static inline TSNode tl_find(const TlFile *f, int kind, const char *text) { return tl_find_nth(f, kind, text, 0); }

/* The callee of the nth call whose callee's text is `callee`. */
static inline TSNode tl_callee(const TlFile *f, const char *callee, int nth) {
  TSNode out = {0};
  int seen = 0;
  for (int i = 0;; i++) {
    TSNode call = tl_find_nth(f, VL_K_CALL, NULL, i);
    TSNode fn = vl_py_field(&f->py, call, VL_F_FUNCTION);
    if (tl_node_text_is(f, fn, callee) && seen++ == nth) {
      out = fn;
      break;
    }
  }
  return out;
}

/* What the callee of the nth call `callee(...)` resolves to (NULL: not an imported name). */
static inline const char *tl_resolve(TlFile *f, const char *callee, int nth) {
  TSNode fn = tl_callee(f, callee, nth);
  return vl_imports_resolve(f->flow.imports, f->arena, &f->py, f->src, fn, tl_scope_of(f, fn)->node);
}

/* Evaluates the first expression whose text is `text`, in its own scope, outside any loop. */
static inline VlVal tl_eval_text(TlFile *f, const char *text) {
  TSNode n = tl_find(f, -1, text);
  return vl_eval(&f->flow, tl_scope_of(f, n), NULL, n);
}

/* ---- loops ---- */

/* The function scope named `name` (fails when there is none). */
static inline const VlScope *tl_function(const TlFile *f, const char *name) {
  for (size_t i = 0; i < f->flow.nscopes; i++) {
    TSNode n = f->flow.scopes[i]->node;
    if (vl_py_is(&f->py, n, VL_K_FUNCTION_DEF) && tl_node_text_is(f, vl_py_field(&f->py, n, VL_F_NAME), name))
      return f->flow.scopes[i];
  }
  fail_msg("no function %s", name);
  return NULL;
}

/* The facts of the first loop (outermost first, in source order) of scope `s`. */
static inline const VlLoop *tl_loop_in(TlFile *f, const VlScope *s) {
  assert_true(s->nloops >= 1);
  const VlLoop *l = vl_loop_facts(&f->flow, s, s->loops[0]);
  assert_non_null(l);
  return l;
}

/* The facts of the first loop (outermost first, in source order) of the scope of interest. */
static inline const VlLoop *tl_loop(TlFile *f) {
  const VlScope *s = tl_scope(f);
  assert_true(s->nloops >= 1);
  const VlLoop *l = vl_loop_facts(&f->flow, s, s->loops[0]);
  assert_non_null(l);
  return l;
}

/* Store i of the first loop (fails when there are not that many). */
static inline const VlStore *tl_store(TlFile *f, size_t i) {
  const VlLoop *l = tl_loop(f);
  if (i >= l->nstores) fail_msg("the first loop has %zu stores, wanted #%zu", l->nstores, i);
  return &l->stores[i];
}

/* The value of the first loop's store i, evaluated inside that loop (as VL001 does). */
static inline VlVal tl_store_val(TlFile *f, size_t i) {
  const VlLoop *l = tl_loop(f);
  if (i >= l->nstores) fail_msg("the first loop has %zu stores, wanted #%zu", l->nstores, i);
  return vl_eval(&f->flow, tl_scope(f), l, l->stores[i].value);
}

/* The binding of `key` among the first loop's bindings, or NULL. */
static inline const VlBinding *tl_loop_binding(TlFile *f, const char *key) {
  const VlLoop *l = tl_loop(f);
  for (size_t i = 0; i < l->nbindings; i++)
    if (strcmp(l->bindings[i].key, key) == 0) return &l->bindings[i];
  return NULL;
}

/* ---- values ---- */

static inline bool tl_is_view_of(VlVal v, const char *base) {
  return v.type == VL_T_ARRAY && v.origin == VL_O_VIEW && v.base && strcmp(v.base, base) == 0;
}

/* Asserts that a value is an array with exactly `n` dimensions. */
#define tl_assert_ndim(v, n)                    \
  do {                                          \
    VlVal tl_v_ = (v);                          \
    assert_int_equal(tl_v_.type, VL_T_ARRAY);   \
    assert_int_equal(tl_v_.nd.lo, (n));         \
    assert_int_equal(tl_v_.nd.hi, (n));         \
  } while (0)

#endif
