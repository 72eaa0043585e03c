#include "rules/retention.h"

#include <string.h>

#include "base/buf.h"
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
    /* the rows of a view are parts of its base even when the view itself is not */
    if (view && (v.nd.lo >= 2 || v.lib == VL_LIBID_TORCH)) return v.partial = true, *out = v, true;
    return false;
  default:
    if (view || (container && v.holds_view)) return *out = v, true;
    return false;
  }
}

static bool shows_most(VlFlow *f, const VlScope *scope, const VlLoop *loop, const char *base, TSNode view);

/* c[k] = v: does k change between iterations? */
static bool slot_varies(VlFlow *f, const VlLoop *loop, TSNode slot) {
  TSNode value = vl_py_field(f->py, slot, VL_F_VALUE);
  for (uint32_t i = 0, n = ts_node_named_child_count(slot); i < n; i++) {
    TSNode k = ts_node_named_child(slot, i);
    if (!ts_node_eq(k, value) && vl_loop_varies(f, loop, k)) return true;
  }
  return false;
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

void vl_retention_scan(VlRuleCtx *ctx, VlRetentionKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlRetention *hit)) {
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
        if (st->kind == VL_STORE_SETITEM && !slot_varies(f, loop, st->slot)) continue; /* one slot, overwritten */
        VlVal v = vl_eval(f, scope, loop, st->value), view;
        /* a view showing its whole base (a.T, a[::2], a[1:]) pins little more than it shows */
        if (!stored_view(st, v, &view) || !view.partial) continue;
        const VlBinding *rb = NULL;
        if (view.base && view.base_origin == VL_O_SAME) {
          const VlBinding *copy = rebinding(ctx, scope, loop, view.base, VL_O_COPY);
          rb = kind == VL_RETAIN_REBOUND ? copy : copy ? NULL : rebinding(ctx, scope, loop, view.base, VL_O_PRODUCER);
          if (!rb || loop_keeps_whole(f, loop, view.base)) continue;
        } else if (!(kind == VL_RETAIN_FRESH && !view.base && view.base_origin == VL_O_PRODUCER)) {
          continue; /* a view of a new array made by the stored expression itself */
        }
        TSNode at = ts_node_is_null(view.view) ? st->value : view.view;
        if (view.base && shows_most(f, scope, loop, view.base, at)) continue;
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

/* ---- static size estimates ---- */

/* dtype names and item sizes: np.float32, "float32", torch.float16 ... */
static int dtype_size(const char *name, const char **canonical) {
  static const struct { const char *name; int size; } types[] = {
      {"float64", 8}, {"double", 8}, {"float32", 4}, {"single", 4}, {"float", 4}, {"float16", 2}, {"half", 2},
      {"bfloat16", 2}, {"int64", 8}, {"long", 8}, {"int32", 4}, {"int", 4}, {"int16", 2}, {"int8", 1},
      {"uint8", 1}, {"bool", 1}, {"bool_", 1}, {"complex128", 16}, {"complex64", 8}};
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (strcmp(name, types[i].name) == 0) return *canonical = types[i].name, types[i].size;
  return 0;
}

typedef struct Shape {
  long dims[8];
  int n;
  int itemsize;
  const char *dtype;
} Shape;

/* The shape and dtype a producer call makes, when all are literals. */
static bool call_shape(VlFlow *f, const VlScope *scope, TSNode call, Shape *out) {
  const VlPy *py = f->py;
  call = vl_py_unparen(py, call);
  if (!vl_py_is(py, call, VL_K_CALL)) return false;
  const char *member;
  const VlLibrary *lib = vl_eval_callee(f, scope, vl_py_field(py, call, VL_F_FUNCTION), &member);
  const VlLibEntry *e = lib ? vl_libtable_find(lib->table, VL_LIB_FUNCTION, member) : NULL;
  if (!e || (e->effect_then != VL_FX_PRODUCER && e->effect_else != VL_FX_PRODUCER)) return false;
  TSNode args = vl_py_field(py, call, VL_F_ARGUMENTS);
  TSNode pos[8], dtype = {0}, shape = {0};
  int npos = 0;
  for (uint32_t i = 0, n = ts_node_named_child_count(args); i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (vl_py_is(py, a, VL_K_KEYWORD_ARG)) {
      TSNode name = vl_py_field(py, a, VL_F_NAME);
      if (vl_py_text_is(f->src, name, "dtype")) dtype = vl_py_field(py, a, VL_F_VALUE);
      else if (e->ndim_then.rule == VL_ND_SHAPE && vl_py_text_is(f->src, name, e->ndim_then.param))
        shape = vl_py_field(py, a, VL_F_VALUE);
      else if (!vl_py_text_is(f->src, name, "generator") && !vl_py_text_is(f->src, name, "device")) return false;
    } else if (vl_py_is(py, a, VL_K_COMMENT)) {
      continue;
    } else if (npos < 8) {
      pos[npos++] = a;
    } else {
      return false;
    }
  }
  out->n = 0;
  if (e->ndim_then.rule == VL_ND_ARGS) {
    for (int i = 0; i < npos; i++) out->dims[out->n++] = vl_py_int_literal(f->py, f->src, pos[i]);
  } else if (e->ndim_then.rule == VL_ND_SHAPE && !e->effect_cond.param) {
    int at = vl_lib_param_pos(e, e->ndim_then.param);
    if (ts_node_is_null(shape) && at >= 0 && at < npos) shape = pos[at];
    shape = vl_py_unparen(py, shape);
    if (ts_node_is_null(shape)) return false;
    if (vl_py_is(py, shape, VL_K_TUPLE) || vl_py_is(py, shape, VL_K_LIST)) {
      for (uint32_t i = 0, n = ts_node_named_child_count(shape); i < n && out->n < 8; i++)
        out->dims[out->n++] = vl_py_int_literal(f->py, f->src, ts_node_named_child(shape, i));
    } else {
      out->dims[out->n++] = vl_py_int_literal(f->py, f->src, shape);
    }
  } else {
    return false;
  }
  for (int i = 0; i < out->n; i++)
    if (out->dims[i] < 0) return false;
  if (!out->n) return false;
  out->dtype = lib->id == VL_LIBID_TORCH ? "float32" : "float64";
  out->itemsize = lib->id == VL_LIBID_TORCH ? 4 : 8;
  if (!ts_node_is_null(dtype)) {
    uint32_t len;
    const char *t = vl_py_text(f->src, dtype, &len);
    const char *dot = memchr(t, '.', len);
    size_t start = dot ? (size_t)(dot - t) + 1 : 0;
    char name[32] = {0};
    size_t k = 0;
    for (size_t i = start; i < len && k < sizeof name - 1; i++)
      if (t[i] != '\'' && t[i] != '"') name[k++] = t[i];
    out->itemsize = dtype_size(name, &out->dtype);
    if (!out->itemsize) return false;
  }
  return true;
}


/* The literal shape of the array `key`, when every binding that makes it agrees (rebinds of
 * itself, like np.delete(a, ...), only shrink it). */
static bool base_shape(VlFlow *f, const VlScope *scope, const char *key, Shape *out) {
  const VlScope *owner = vl_scope_owner(scope, key);
  if (!owner) return false;
  const VlBinding *b[32];
  size_t n = vl_scope_bindings_of(owner, key, b, 32);
  bool have = false;
  for (size_t i = 0; i < n && i < 32; i++) {
    if (b[i]->kind != VL_BIND_ASSIGN || b[i]->unpack >= 0) return false;
    if (vl_flow_mentions(f, b[i]->value, key)) continue;
    Shape s;
    if (!call_shape(f, owner, b[i]->value, &s)) return false;
    if (have && (s.n != out->n || s.itemsize != out->itemsize || memcmp(s.dims, out->dims, sizeof(long) * (size_t)s.n)))
      return false;
    *out = s;
    have = true;
  }
  return have;
}

const char *vl_retention_size(VlFlow *f, const VlScope *scope, const char *key) {
  Shape first;
  if (!base_shape(f, scope, key, &first)) return NULL;
  double bytes = first.itemsize;
  VlBuf dims = {0};
  for (int i = 0; i < first.n; i++) {
    bytes *= (double)first.dims[i];
    vl_buf_printf(&dims, "%s%ld", i ? "x" : "", first.dims[i]);
  }
  const char *out = bytes >= 1024.0 * 1024.0
                        ? vl_arena_printf(f->arena, "%s %s = %.1f MiB", dims.data, first.dtype, bytes / (1024.0 * 1024.0))
                        : vl_arena_printf(f->arena, "%s %s = %.1f KiB", dims.data, first.dtype, bytes / 1024.0);
  vl_buf_free(&dims);
  return out;
}

/* A literal, possibly negative, integer; false for anything else. */
static bool signed_literal(VlFlow *f, TSNode n, long *out) {
  n = vl_py_unparen(f->py, n);
  bool neg = false;
  if (vl_py_is(f->py, n, VL_K_UNARY_OP) && vl_py_text_is(f->src, vl_py_field(f->py, n, VL_F_OPERATOR), "-")) {
    neg = true;
    n = vl_py_field(f->py, n, VL_F_ARGUMENT);
  }
  long v = vl_py_int_literal(f->py, f->src, n);
  if (v < 0) return false;
  *out = neg ? -v : v;
  return true;
}

/* How many of `dim` items a slice selects, when its bounds are literal; -1 when unknown. */
static long slice_count(VlFlow *f, TSNode slice, long dim) {
  long part[3] = {0, dim, 1};
  bool given[3] = {false, false, false};
  int at = 0;
  for (uint32_t i = 0, n = ts_node_child_count(slice); i < n; i++) {
    TSNode c = ts_node_child(slice, i);
    if (!ts_node_is_named(c)) {
      at++;
      continue;
    }
    if (vl_py_is(f->py, c, VL_K_COMMENT) || vl_py_is(f->py, c, VL_K_NONE) || at > 2) continue;
    if (!signed_literal(f, c, &part[at])) return -1;
    given[at] = true;
  }
  long step = part[2];
  if (step <= 0) return -1; /* reversed slices: not worth the arithmetic */
  long start = given[0] ? part[0] : 0, stop = given[1] ? part[1] : dim;
  if (start < 0) start += dim;
  if (stop < 0) stop += dim;
  if (start < 0) start = 0;
  if (stop > dim) stop = dim;
  return stop <= start ? 0 : (stop - start + step - 1) / step;
}

/* True when the view `view` of the literal-shaped array `base` provably shows at least an eighth of
 * it: then it pins less than 8 times what it shows, below the oracle's threshold for a leak (a
 * column of an (n, 3) array, a[2:] of a (10, ...) array).  Unknown sizes answer false. */
static bool shows_most(VlFlow *f, const VlScope *scope, const VlLoop *loop, const char *base, TSNode view) {
  const VlPy *py = f->py;
  view = vl_py_unparen(py, view);
  if (!vl_py_is(py, view, VL_K_SUBSCRIPT)) return false;
  TSNode value = vl_py_field(py, view, VL_F_VALUE);
  const char *k = vl_py_key(f->arena, py, f->src, value);
  Shape shape;
  if (!k || strcmp(k, base) != 0 || !base_shape(f, scope, base, &shape)) return false;
  double shown = 1.0;
  int axis = 0;
  for (uint32_t i = 0, n = ts_node_named_child_count(view); i < n; i++) {
    TSNode c = ts_node_named_child(view, i);
    if (ts_node_eq(c, value) || vl_py_is(py, c, VL_K_COMMENT) || vl_py_is(py, c, VL_K_NONE)) continue;
    if (vl_py_is(py, c, VL_K_ELLIPSIS) || axis >= shape.n) return false;
    long dim = shape.dims[axis++];
    if (dim <= 0) return false;
    if (vl_py_is(py, c, VL_K_SLICE)) {
      long count = slice_count(f, c, dim);
      if (count < 0) return false;
      shown *= (double)count / (double)dim;
    } else if (vl_eval(f, scope, loop, c).type == VL_T_INT) {
      shown /= (double)dim;
    } else {
      return false;
    }
  }
  return shown * 8.0 >= 1.0;
}
