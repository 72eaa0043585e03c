#include "rules/retention.h"

#include <string.h>

#include "base/vec.h"

/* Whether the store puts `v` itself, or each element of `v`, into the container; returns the view
 * that ends up stored, if any. */
static bool stored_view(const VlStore *st, VlVal v, VlVal *out) {
  bool container = (v.type == VL_T_LIST || v.type == VL_T_TUPLE || v.type == VL_T_DICT || v.type == VL_T_SET);
  bool view = v.type == VL_T_ARRAY && v.origin == VL_O_VIEW;
  switch (st->kind) {
  case VL_STORE_EXTEND:
  case VL_STORE_AUGADD:
  case VL_STORE_CONCAT:
    /* the elements are stored: a list of views, or the rows of a >= 2-D view (torch: any view) */
    if (container && v.holds_view) return *out = v, true;
    if (view && (v.nd.lo >= 2 || v.lib == VL_LIBID_TORCH)) return *out = v, true;
    return false;
  default:
    if (view || (container && v.holds_view)) return *out = v, true;
    return false;
  }
}

/* The binding in the loop that rebinds `base` to a new array of the wanted origin. */
static const VlBinding *rebinding(VlRuleCtx *ctx, const VlScope *scope, const VlLoop *loop, const char *base,
                                  VlOrigin origin) {
  for (size_t i = 0; i < loop->nbindings; i++) {
    const VlBinding *b = &loop->bindings[i];
    if (b->kind != VL_BIND_ASSIGN || strcmp(b->key, base) != 0) continue;
    VlVal v = vl_eval_binding(ctx->flow, scope, NULL, b);
    if (v.type == VL_T_ARRAY && v.origin == origin) return b;
  }
  return NULL;
}

/* True when `expr` is, or literally contains, the array `base` itself (`keep.extend([a, a.T])`). */
static bool holds_whole(VlFlow *f, TSNode expr, const char *base, int depth) {
  const VlPy *py = f->py;
  expr = vl_py_unparen(py, expr);
  const char *key = vl_py_key(f->arena, py, f->src, expr);
  if (key) return strcmp(key, base) == 0;
  if (depth > 4 || !(vl_py_is(py, expr, VL_K_LIST) || vl_py_is(py, expr, VL_K_TUPLE) || vl_py_is(py, expr, VL_K_SET) ||
                     vl_py_is(py, expr, VL_K_DICT) || vl_py_is(py, expr, VL_K_PAIR)))
    return false;
  for (uint32_t i = 0, n = ts_node_named_child_count(expr); i < n; i++)
    if (holds_whole(f, ts_node_named_child(expr, i), base, depth + 1)) return true;
  return false;
}

/* The loop also keeps the whole array each iteration: its views pin nothing more. */
static bool loop_keeps_whole(VlFlow *f, const VlLoop *loop, const char *base) {
  for (size_t i = 0; i < loop->nstores; i++)
    if (holds_whole(f, loop->stores[i].value, base, 0)) return true;
  return false;
}

void vl_retention_scan(VlRuleCtx *ctx, VlOrigin rebind_origin,
                       void (*on_hit)(VlRuleCtx *ctx, const VlRetention *hit)) {
  VlFlow *f = ctx->flow;
  VL_VEC(uint32_t) reported = {0};
  for (size_t s = 0; s < f->nscopes; s++) {
    const VlScope *scope = f->scopes[s];
    for (size_t l = 0; l < scope->nloops; l++) {
      const VlLoop *loop = vl_loop_facts(f, scope, scope->loops[l]);
      for (size_t i = 0; i < loop->nstores; i++) {
        const VlStore *st = &loop->stores[i];
        if (vl_loop_creates(f, loop, st->container)) continue;
        VlVal c = vl_eval_key(f, scope, st->container);
        if (c.type == VL_T_ARRAY) continue; /* out[j] = a[i] copies into the array */
        if (st->kind == VL_STORE_SETITEM && c.type != VL_T_LIST && c.type != VL_T_DICT) continue;
        VlVal v = vl_eval(f, scope, loop, st->value), view;
        if (!stored_view(st, v, &view) || !view.base || view.base_origin != VL_O_SAME) continue;
        const VlBinding *rb = rebinding(ctx, scope, loop, view.base, rebind_origin);
        if (!rb || loop_keeps_whole(f, loop, view.base)) continue;
        TSNode at = ts_node_is_null(view.view) ? st->value : view.view;
        uint32_t byte = ts_node_start_byte(at);
        bool dup = false;
        for (size_t k = 0; k < reported.len; k++) dup |= reported.items[k] == byte;
        if (dup) continue;
        VL_VEC_PUSH(&reported, byte);
        VlRetention hit = {scope, loop, st, v, at, view.base, rb, view.lib};
        on_hit(ctx, &hit);
      }
    }
  }
  VL_VEC_FREE(&reported);
}
