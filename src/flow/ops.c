/* ops.c: what operations do to abstract values.
 *
 * Each operation maps every object of its operand(s) to result objects and joins them:
 *
 *   operation        array operand (NumPy/CuPy/PyTorch, facts in the rules/ tables)
 *   a[i] (ndim>=2)   a view of a's object, showing part of it          (torch: also on 1-D)
 *   a[i:j], a[:,0]   a view (partial when it narrows: a stop, a negative start, a step >= 8)
 *   a[idx], a[mask]  a new array (advanced indexing copies)
 *   a.T, a.reshape   a view (table: "view"); np.delete, a + b: a new array (table: "copy")
 *   for row in a     rows: views of a's object
 *
 * Containers keep their elements in the frame's heap; opaque results of calls we cannot see into
 * (a model, an environment's step()) are new objects which become arrays when used as arrays.
 * Symbols (parameters, attributes of them) used as arrays become arrays whose site is the symbol;
 * operations that need to know what a symbol is are deferred (a VL_O_SYM operation) and decided
 * when a caller's values are substituted (summary.c). */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "flow/analysis.h"

/* A deque's maxlen from which it is a buffer, not a window (see deque in call_stdlib). */
#define VL_BUFFER_MAXLEN 1000

static VlValues *V(const Frame *F) { return F->an->vals; }
static const VlModule *M(const Frame *F) { return F->an->m; }

/* ---- accumulating result objects ---- */
typedef struct Acc {
  const VlObj *o[VL_VAL_MAX * 2];
  int n;
  bool unknown;
} Acc;

static void add(Acc *a, const VlObj *o) {
  if (!o) return;
  if (a->n < VL_VAL_MAX * 2) a->o[a->n++] = o;
  else a->unknown = true;
}

static void add_val(Acc *a, const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) add(a, v->objs[i]);
}

static const VlVal *done(Frame *F, Acc *a) {
  if (a->unknown) add(a, vl_unknown(V(F))->objs[0]);
  return vl_val_of(V(F), a->o, (size_t)a->n);
}

static const VlObj *unknown_obj(Frame *F) { return vl_unknown(V(F))->objs[0]; }
static const VlObj *prim_obj(Frame *F, VlObjKind k) { return vl_prim(V(F), k)->objs[0]; }

/* ---- sites and constructors ---- */

const VlSite *vl_new_site(Frame *F, VlId expr, VlHow how) {
  const VlExpr *x = vl_expr(M(F), expr);
  VlSite s = {.kind = VL_SITE_NEW, .how = (uint8_t)how, .mod = F->an->mi, .func = F->func, .at = expr,
              .start = x->start, .end = x->end};
  return vl_site(V(F), s);
}

static const VlSite *sym_site(Frame *F, const VlObj *sym) {
  VlSite s = {.kind = VL_SITE_SYM, .sym = sym};
  return vl_site(V(F), s);
}

const VlSite *vl_obj_site(Frame *F, const VlObj *o) {
  if (o->site) return o->site;
  return o->kind == VL_O_SYM ? sym_site(F, o) : NULL;
}

/* A new array is C-contiguous; F-contiguous too when it has at most one dimension. */
static uint8_t fresh_layout(VlNdim nd) {
  return (uint8_t)(VL_L_C | (nd.hi <= 1 ? VL_L_F : nd.lo >= 2 ? VL_L_NOTF : 0));
}

static const VlObj *array_obj(Frame *F, bool view, const VlSite *site, uint8_t lib, VlNdim nd, uint8_t flags,
                              VlId expr) {
  VlObj o = {.kind = VL_O_ARRAY, .sub = view, .site = site, .lib = lib, .nd = nd, .flags = flags, .expr = expr};
  if (!view && site && site->kind == VL_SITE_NEW) o.layout = fresh_layout(nd);
  return vl_obj(V(F), o);
}

const VlVal *vl_new_array(Frame *F, VlHow how, VlLibId lib, VlNdim nd, VlId expr) {
  /* (array_obj gives it a fresh layout) */
  return vl_val1(V(F), array_obj(F, false, vl_new_site(F, expr, how), (uint8_t)lib, nd, 0, expr));
}

const VlVal *vl_new_seq(Frame *F, VlSeqKind kind, VlId expr) {
  VlObj o = {.kind = VL_O_SEQ, .sub = (uint8_t)kind, .site = vl_new_site(F, expr, VL_HOW_OBJECT), .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), o));
}

/* A part of opaque result o taken whole (out[0], a batch unpacked): a tensor when o's parts are
 * known to be tensors (a DataLoader batch over a TensorDataset), else o's part. */
static const VlObj *obj_part(Frame *F, const VlObj *o) {
  if (o->sub == VL_OBJ_TENSORS) {
    VlObj t = {.kind = VL_O_ARRAY, .site = o->site, .lib = o->lib, .nd = vl_nd_unknown(), .expr = o->expr};
    return vl_obj(V(F), t);
  }
  VlObj part = *o;
  part.flags |= VL_F_WHOLE;
  return vl_obj(V(F), part);
}

static const VlObj *new_obj(Frame *F, VlId expr, uint8_t flags) {
  VlObj o = {.kind = VL_O_OBJ, .site = vl_new_site(F, expr, VL_HOW_PRODUCER), .nd = vl_nd_unknown(), .flags = flags,
             .expr = expr};
  return vl_obj(V(F), o);
}

static const VlObj *seq_modules(Frame *F, const VlObj *o);
static const VlObj *kept_tensors(Frame *F, const VlObj *o);
static const VlLibEntry *lib_class_entry(Frame *F, const VlObj *o);
static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n);

static const VlObj *lib_obj(Frame *F, const char *name, const VlVal *base, uint8_t lib) {
  VlObj o = {.kind = VL_O_LIB, .name = name, .base = base, .lib = lib, .nd = vl_nd_unknown()};
  return vl_obj(V(F), o);
}

/* The same for a name the caller does not keep: copied only when the object is new. */
static const VlObj *lib_obj_named(Frame *F, const char *name, const VlVal *base, uint8_t lib) {
  VlObj o = {.kind = VL_O_LIB, .name = name, .base = base, .lib = lib, .nd = vl_nd_unknown()};
  return vl_obj_named(V(F), o);
}

/* A deferred operation on symbols (nesting is bounded by vl_obj: an operation on an operation on
 * ..., a loop rebinding a parameter through a helper, becomes unknown). */
static const VlObj *sym_obj(Frame *F, VlSymOp op, const VlVal *base, const char *name, const VlVal *const *items,
                            uint16_t nitems, uint32_t index, const VlVal *hint) {
  VlObj o = {.kind = VL_O_SYM, .sub = (uint8_t)op, .base = base, .name = name, .items = (const VlVal **)items,
             .nitems = nitems, .index = index, .elem = hint, .nd = vl_nd_unknown()};
  return vl_obj(V(F), o);
}

/* A deferred operation, remembering the expression that defers it (a caller that resolves it can
 * then say where the callee wrote it). */
static const VlObj *at_expr(Frame *F, const VlObj *sym, VlId expr) {
  VlObj c = *sym;
  c.expr = expr;
  return vl_obj(V(F), c);
}

/* The operation `op` deferred at `expr` that v holds among its operands, if any: a loop that
 * rebinds a parameter's value by arithmetic (`x = x - lr * 2 * x`) would nest it one level deeper at
 * every pass, up to the depth where values are forgotten (and a tuple of it, `yield k, x` or
 * enumerate(gen), was forgotten whole).  The operation on its own result stands for itself: what
 * a caller resolves it to (a new array of the operands' kind) is the same. */
static const VlObj *deferred_again(const VlVal *v, int op, VlId expr, int depth) {
  for (uint16_t i = 0; v && depth < 8 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SYM) continue;
    if (o->sub == VL_SYM_BINOPV && o->expr == expr && (o->index & ~(uint32_t)VL_OP_INPLACE) == (uint32_t)op) return o;
    const VlObj *r = deferred_again(o->base, op, expr, depth + 1);
    for (uint16_t k = 0; !r && k < o->nitems; k++) r = deferred_again(o->items[k], op, expr, depth + 1);
    if (r) return r;
  }
  return NULL;
}

static const VlObj *deferred_binop(Frame *F, const VlVal *l, const VlVal *r, int op, VlId expr) {
  const VlObj *again = deferred_again(l, op, expr, 0);
  if (!again) again = deferred_again(r, op, expr, 0);
  if (again) return again;
  const VlVal *items[1] = {r};
  return at_expr(F, sym_obj(F, VL_SYM_BINOPV, l, NULL, items, 1, (uint32_t)op, NULL), expr);
}

const VlVal *vl_op_augmented(Frame *F, int op, const VlVal *cur, const VlVal *rhs, VlId expr) {
  const VlObj *same[VL_VAL_MAX + 1] = {0}, *rest[VL_VAL_MAX + 1] = {0};
  int ns = 0, nr = 0;
  for (uint16_t i = 0; i < cur->n && i < VL_VAL_MAX + 1; i++) {
    if (cur->objs[i]->kind == VL_O_ARRAY) same[ns++] = cur->objs[i];
    else rest[nr++] = cur->objs[i];
  }
  const VlVal *out = vl_val_of(V(F), same, (size_t)ns);
  if (!nr) return out;
  const VlVal *restv = vl_val_of(V(F), rest, (size_t)nr);
  const VlVal *r = vl_op_binop(F, op, restv, rhs, expr);
  bool sym = vl_val_has(restv, VL_O_SYM), deferred = false;
  const VlObj *keep[VL_VAL_MAX + 2];
  int n = 0;
  for (uint16_t i = 0; i < r->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = r->objs[i];
    /* a symbol's operation taken for a new array: it is changed in place if it is an array, and the
     * deferred operation (below) gives a caller's int or tuple operand its new value */
    if (sym && o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_NEW && o->site->at == expr) continue;
    if (o->kind == VL_O_SYM && o->sub == VL_SYM_BINOPV && o->expr == expr &&
        (o->index & ~(uint32_t)VL_OP_INPLACE) == (uint32_t)op) {
      VlObj c = *o;
      c.index |= VL_OP_INPLACE;
      o = vl_obj(V(F), c);
      deferred = true;
    }
    keep[n++] = o;
  }
  if (sym && !deferred) {
    const VlObj *syms[VL_VAL_MAX + 1];
    int k = 0;
    for (int i = 0; i < nr; i++)
      if (rest[i]->kind == VL_O_SYM) syms[k++] = rest[i];
    VlObj c = *deferred_binop(F, vl_val_of(V(F), syms, (size_t)k), rhs, op, expr);
    c.index |= VL_OP_INPLACE;
    keep[n++] = vl_obj(V(F), c);
  }
  return vl_join(V(F), out, vl_val_of(V(F), keep, (size_t)n));
}

const VlVal *vl_lib_value(Frame *F, const char *qualified) {
  return vl_val1(V(F), lib_obj_named(F, qualified, NULL, 0));
}

static const VlLibrary *library(const Frame *F, uint8_t id) { return vl_knowledge_lib(F->an->know, id); }

static uint8_t obj_units(const VlObj *o);
static const VlObj *with_units(Frame *F, const VlObj *o, uint8_t units);

/* An object seen as an array: arrays stay, opaque results and symbols become arrays whose site
 * is themselves (with `nd` evidence), anything else is dropped. */
static const VlObj *as_array_obj(Frame *F, const VlObj *o, VlNdim nd) {
  switch (o->kind) {
  case VL_O_ARRAY: {
    if (nd.lo <= o->nd.lo || o->nd.hi < nd.lo) return o;
    VlObj c = *o;
    c.nd.lo = nd.lo;
    return vl_obj(V(F), c);
  }
  case VL_O_OBJ:
    return with_units(F, array_obj(F, false, o->site, o->lib, nd, (uint8_t)(o->flags & VL_F_ASSUMED), o->expr), o->units);
  case VL_O_SYM:
    if (o->elem && vl_val_has(o->elem, VL_O_ARRAY)) {
      /* a symbol whose hint says array: an array identified by the symbol */
      const VlObj *hint = NULL;
      for (uint16_t i = 0; i < o->elem->n; i++)
        if (o->elem->objs[i]->kind == VL_O_ARRAY) hint = o->elem->objs[i];
      VlNdim n = hint->nd;
      if (nd.lo > n.lo && nd.lo <= n.hi) n.lo = nd.lo;
      return array_obj(F, false, sym_site(F, o), hint->lib, n, 0, 0);
    }
    return array_obj(F, false, sym_site(F, o), 0, nd, 0, 0);
  default:
    return NULL;
  }
}

const VlVal *vl_as_array(Frame *F, const VlVal *v, VlNdim nd) {
  Acc a = {0};
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    const VlObj *r = as_array_obj(F, o, nd);
    add(&a, r ? r : o);
  }
  return done(F, &a);
}

/* A view of array object `o` made by expression `expr`. */
static const VlObj *view_of_layout(Frame *F, const VlObj *o, VlNdim nd, bool partial, VlId expr, uint8_t layout) {
  uint8_t flags = (uint8_t)((o->sub && (o->flags & VL_F_PARTIAL)) || partial ? VL_F_PARTIAL : 0);
  flags |= (uint8_t)(o->flags & (VL_F_ASSUMED | VL_F_INTS | (o->sub ? VL_F_BY_LAYOUT : 0)));
  VlObj v = {.kind = VL_O_ARRAY, .sub = 1, .site = o->site, .lib = o->lib, .nd = nd, .flags = flags, .expr = expr, .shape = o->shape, .layout = layout};
  return vl_obj(V(F), v);
}

/* A piece of o that iterating o (or splitting it) hands out: partial, one of every piece. */
static const VlObj *every_piece(Frame *F, const VlObj *o, VlNdim nd, VlId expr) {
  VlObj v = *view_of_layout(F, o, nd, true, expr, 0);
  v.flags |= VL_F_EVERY;
  return vl_obj(V(F), v);
}

/* The same value with no piece marked as one of every piece (a filter, a slice of a list of them). */
const VlVal *vl_not_every(Frame *F, const VlVal *v) {
  bool any = false;
  for (uint16_t i = 0; v && i < v->n; i++) any |= (v->objs[i]->flags & VL_F_EVERY) != 0;
  if (!any) return v;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX + 1; i++) {
    VlObj c = *v->objs[i];
    c.flags &= (uint8_t)~VL_F_EVERY;
    out[n++] = vl_obj(V(F), c);
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* A view of `o` that keeps every element of it (t.view(-1, 4), reshape, unsqueeze, a cast to its own
 * dtype): the same memory as o, so one of every piece when o is (a row kept reshaped). */
static const VlObj *same_elements(Frame *F, const VlObj *o, VlNdim nd, bool narrows, VlId expr, uint8_t layout) {
  const VlObj *v = view_of_layout(F, o, nd, narrows, expr, layout);
  if (narrows || !(o->flags & VL_F_EVERY)) return v;
  VlObj c = *v;
  c.flags |= VL_F_EVERY;
  return vl_obj(V(F), c);
}

/* A view whose layout is not known. */
static const VlObj *view_of(Frame *F, const VlObj *o, VlNdim nd, bool partial, VlId expr) {
  return view_of_layout(F, o, nd, partial, expr, 0);
}

/* The layout of o[ix] when o is C-contiguous: leading integers, then at most one slice with step 1,
 * then whole axes keep it contiguous (a[i], a[i:j], a[i, :]); anything else does not (a[:, 0],
 * a[::2], a[:, :3]). */
static bool whole_slice(const Index *ix, int i) {
  return ix->kind[i] == IX_SLICE && ix->lit[i] && ix->start[i] == LONG_MIN && ix->stop[i] == LONG_MIN &&
         (ix->step[i] == LONG_MIN || ix->step[i] == 1);
}

/* o[ix] of an array whose rows are C-contiguous (VL_L_C or VL_L_ROWS): slices with step 1 of axes 0
 * and 1, every later axis whole (`tokens[:, 1:]`, dropping a CLS token), keep its rows contiguous. */
static bool rows_layout(const VlObj *o, const Index *ix) {
  if (!(o->layout & (VL_L_C | VL_L_ROWS)) || ix->n < 1 || ix->n > VL_MAX_INDEX) return false;
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] != IX_SLICE) return false;
    bool step1 = ix->step[i] == LONG_MIN || ix->step[i] == 1; /* (as index_layout reads it) */
    if (i >= 2 ? !whole_slice(ix, i) : !step1) return false;
  }
  return true;
}

static uint8_t index_layout(const VlObj *o, const Index *ix, VlNdim result) {
  if (!(o->layout & VL_L_C)) return rows_layout(o, ix) ? VL_L_ROWS : 0;
  bool sliced = false, contiguous = true;
  for (int i = 0; i < ix->n && contiguous; i++) {
    switch (ix->kind[i]) {
    case IX_INT: /* an index after a sliced axis jumps rows: a[:, 0] */
      if (sliced) contiguous = false;
      break;
    case IX_NEWAXIS: break;
    case IX_ELLIPSIS: sliced = true; break; /* whole axes: an index after them jumps (a[..., i]) */
    case IX_SLICE: {
      bool whole = ix->lit[i] && ix->start[i] == LONG_MIN && ix->stop[i] == LONG_MIN &&
                   (ix->step[i] == LONG_MIN || ix->step[i] == 1);
      bool step1 = ix->step[i] == LONG_MIN || ix->step[i] == 1; /* (a step of unknown value: not known to jump) */
      if (sliced && !whole) contiguous = false; /* a[:, :3] */
      else if (!step1) contiguous = false;      /* a[::2] */
      sliced = true;
      break;
    }
    default: return 0;
    }
  }
  if (contiguous) return (uint8_t)(VL_L_C | (result.hi <= 1 ? VL_L_F : 0));
  return (uint8_t)(VL_L_NOTC | (result.hi <= 1 ? VL_L_NOTF : 0) | (rows_layout(o, ix) ? VL_L_ROWS : 0));
}

static VlNdim nd_sub(VlNdim nd, int ints, int newaxes) {
  VlNdim r = nd;
  r.lo = (uint8_t)((nd.lo > ints ? nd.lo - ints : 0) + newaxes);
  r.hi = nd.hi >= VL_ND_MAX ? VL_ND_MAX : (uint8_t)((nd.hi > ints ? nd.hi - ints : 0) + newaxes);
  return r;
}

static const VlVal *param_val(const Args *a, const VlLibEntry *e, const char *name, VlId *expr);
static const VlVal *first_item(Frame *F, const Args *a);

/* ---- literal shapes ---- */

static const struct { const char *name; uint8_t size; } dtypes[] = {
    {"float64", 8}, {"double", 8},  {"float32", 4},    {"single", 4},     {"float", 4},  {"float16", 2},
    {"half", 2},    {"bfloat16", 2}, {"int64", 8},     {"long", 8},       {"int32", 4},  {"int", 4},
    {"int16", 2},   {"int8", 1},    {"uint8", 1},      {"bool", 1},       {"bool_", 1},  {"complex128", 16},
    {"complex64", 8}, {"uint16", 2}, {"uint32", 4}, {"uint64", 8}};

static uint8_t dtype_size(const char *name) {
  for (size_t i = 0; i < sizeof dtypes / sizeof *dtypes; i++)
    if (strcmp(dtypes[i].name, name) == 0) return dtypes[i].size;
  return 8;
}

/* The dtype a `dtype=` argument names (np.float32, torch.float16, "float32"), or NULL. */
static bool dtype_of(const VlVal *v, const char **name, uint8_t *size) {
  if (!v || v->n != 1) return false;
  const VlObj *o = v->objs[0];
  const char *n = o->name;
  if (!n || (o->kind != VL_O_LIB && o->kind != VL_O_STR)) return false;
  const char *dot = strrchr(n, '.');
  if (dot) n = dot + 1;
  for (size_t i = 0; i < sizeof dtypes / sizeof *dtypes; i++)
    if (strcmp(dtypes[i].name, n) == 0) return *name = dtypes[i].name, *size = dtypes[i].size, true;
  return false;
}

/* The dtype a dtype argument names, canonically ("float64"), when it is certain: np.float32,
 * torch.float (float32), builtins float (float64 in NumPy), "f8"; NULL when unknown or ambiguous. */
static const char *canonical_dtype(const VlVal *v) {
  if (!v || v->n != 1) return NULL;
  const VlObj *o = v->objs[0];
  const char *n = o->name;
  if (!n || (o->kind != VL_O_LIB && o->kind != VL_O_STR)) return NULL;
  static const struct { const char *name, *canon; } names[] = {
      {"builtins.float", "float64"}, {"builtins.int", "int64"},     {"builtins.bool", "bool"},
      {"builtins.complex", "complex128"}, {"torch.float", "float32"}, {"torch.double", "float64"},
      {"torch.half", "float16"},    {"torch.long", "int64"},        {"torch.int", "int32"},
      {"torch.short", "int16"},     {"torch.cfloat", "complex64"},  {"torch.cdouble", "complex128"},
      {"numpy.double", "float64"},  {"numpy.single", "float32"},    {"numpy.half", "float16"},
      {"numpy.float_", "float64"},  {"numpy.int_", "int64"},        {"numpy.intc", "int32"},
      {"numpy.bool_", "bool"},      {"numpy.complex_", "complex128"}, {"numpy.cdouble", "complex128"},
      {"numpy.csingle", "complex64"}, {"numpy.longlong", "int64"}, {"f8", "float64"}, {"f4", "float32"},
      {"f2", "float16"},            {"i8", "int64"},                {"i4", "int32"},
      {"i2", "int16"},              {"i1", "int8"},                 {"u1", "uint8"},
      {"c16", "complex128"},        {"c8", "complex64"},            {"float", "float64"},
      {"int", "int64"},             {"double", "float64"},          {"bool", "bool"}};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(names[i].name, n) == 0) return names[i].canon;
  static const char *const exact[] = {"float64", "float32", "float16", "int64", "int32", "int16", "int8", "uint8",
                                      "uint16", "uint32", "uint64", "bool", "complex64", "complex128", "bfloat16"};
  const char *dot = strrchr(n, '.');
  bool lib = o->kind == VL_O_LIB && dot && (strncmp(n, "numpy.", 6) == 0 || strncmp(n, "torch.", 6) == 0 ||
                                            strncmp(n, "cupy.", 5) == 0);
  const char *last = lib ? dot + 1 : o->kind == VL_O_STR ? n : NULL;
  for (size_t i = 0; last && i < sizeof exact / sizeof *exact; i++)
    if (strcmp(exact[i], last) == 0) return exact[i];
  return NULL;
}

/* An integer constant: from the argument's value (known through summaries), or its literal. */
static bool int_const(Frame *F, const VlVal *v, VlId expr, int64_t *out) {
  if (v && v->n == 1 && v->objs[0]->kind == VL_O_INT && v->objs[0]->num_known) {
    *out = (int64_t)(int32_t)v->objs[0]->index;
    return *out >= 0;
  }
  long lit;
  if (expr && vl_int_literal(M(F), expr, &lit) && lit >= 0) return *out = lit, true;
  return false;
}

/* The literal shape of a producer call (np.zeros((500, 32, 32, 3)), torch.randn(2, 64, 8192)), or NULL. */
static const VlShape *producer_shape(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const Args *a) {
  VlShape sh = {.itemsize = (uint8_t)lib->itemsize, .dtype = lib->dtype};
  if (e->ints) sh.itemsize = 8, sh.dtype = "int64"; /* randint, arange of ints: 64-bit integers */
  VlNdimSpec spec = e->ndim_then;
  bool some = false; /* a size not known (a parameter's): 0 */
  if (e->square) { /* np.eye(4): 4 x 4; np.eye(3, 5): 3 x 5 */
    VlId x = 0;
    const VlVal *v = param_val(a, e, e->square, &x);
    if (!v || !int_const(F, v, x, &sh.dims[0])) return NULL;
    sh.dims[1] = sh.dims[0], sh.n = 2;
    v = e->square_cols ? param_val(a, e, e->square_cols, &x) : NULL;
    if (v && !vl_val_only(v, VL_O_NONE) && !int_const(F, v, x, &sh.dims[1])) return NULL;
  } else if (spec.rule == VL_ND_ARGS) {
    if (a->star) return NULL;
    for (int i = 0; i < a->npos && sh.n < VL_SHAPE_MAX; i++)
      if (!int_const(F, a->pos[i], a->pos_expr[i], &sh.dims[sh.n++])) sh.dims[sh.n - 1] = 0, some = true;
  } else if (spec.rule == VL_ND_SHAPE) { /* (a conditional producer, size?producer:scalar, has its size here) */
    VlId x = 0;
    const VlVal *v = param_val(a, e, spec.param, &x);
    if (!v || v->n != 1) return NULL;
    const VlObj *o = v->objs[0];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && o->nitems) {
      const VlExpr *tx = x ? vl_expr(M(F), x) : NULL;
      bool display = tx && (tx->op == VL_E_TUPLE || tx->op == VL_E_LIST);
      for (uint32_t k = 0; display && k < tx->nkids; k++)
        if (vl_expr(M(F), vl_kid(M(F), x, k))->op == VL_E_STAR) return NULL;
      for (uint16_t i = 0; i < o->nitems && sh.n < VL_SHAPE_MAX; i++)
        if (!int_const(F, o->items[i], display ? vl_kid(M(F), x, i) : 0, &sh.dims[sh.n++])) sh.dims[sh.n - 1] = 0, some = true;
    } else if (!int_const(F, v, x, &sh.dims[sh.n++])) {
      return NULL;
    }
  } else {
    return NULL;
  }
  if (!sh.n) return NULL;
  /* (n, 6) with n a parameter: the sizes known, 0 for the others (a column slice of it can still
   * be seen to show most of it: shows_most); no size known at all is no shape */
  int known = 0;
  for (int i = 0; i < sh.n; i++) known += sh.dims[i] > 0;
  if (some && !known) return NULL;
  sh.dtype_sure = e->default_dtype;
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "dtype") == 0) {
      const char *c = canonical_dtype(a->kw[i]);
      if (c) sh.itemsize = dtype_size(c);
      else if (!dtype_of(a->kw[i], &sh.dtype, &sh.itemsize)) return NULL;
      sh.dtype_sure = c != NULL;
      if (c) sh.dtype = c;
    }
  return vl_shape(V(F), sh);
}

/* The shape, as far as it is known, of an array stacked from a list or tuple display of k items
 * (np.stack([a, b]), np.array([x, y, z]), torch.stack((h, c))), or from a tuple of k known items
 * (np.array(stats(x)) of a `return mean, std`): k entries along the new axis, the
 * other axes unknown (0).  Only for a new first axis and an exact ndim: what shows_most needs to
 * see that pair[0] shows half of pair (the loop below building a list keeps the count unknown). */
static const VlShape *display_shape(Frame *F, const VlLibEntry *e, const Args *a, VlNdim nd) {
  if (a->star || a->npos < 1 || !vl_nd_known(nd) || nd.lo < 1 || nd.lo > VL_SHAPE_MAX) return NULL;
  const VlExpr *x = a->pos_expr[0] ? vl_expr(M(F), a->pos_expr[0]) : NULL;
  int64_t count = 0;
  if (x && (x->op == VL_E_LIST || x->op == VL_E_TUPLE)) {
    for (uint32_t k = 0; k < x->nkids; k++)
      if (vl_expr(M(F), vl_kid(M(F), a->pos_expr[0], k))->op == VL_E_STAR) return NULL;
    count = x->nkids;
  } else if (a->pos[0] && a->pos[0]->n == 1 && a->pos[0]->objs[0]->kind == VL_O_SEQ &&
             a->pos[0]->objs[0]->sub == VL_SEQ_TUPLE) { /* a tuple of known items: np.array(stats(x)) */
    count = a->pos[0]->objs[0]->nitems;
  }
  if (count <= 0) return NULL;
  if (e->stacks) { /* the new axis must be the first: no axis given, or a literal 0 */
    VlId ax = 0;
    const VlVal *v = param_val(a, e, e->stacks, &ax);
    long n;
    if (v && !(ax && vl_int_literal(M(F), ax, &n) && n == 0)) return NULL;
  }
  VlShape sh = {.n = nd.lo};
  sh.dims[0] = count;
  return vl_shape(V(F), sh);
}

/* The shape of one possibility of an item, or NULL: a whole array's, of ndim n. */
static const VlShape *item_shape(const VlVal *v, int n) {
  const VlShape *sh = NULL;
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_ARRAY || o->sub || !o->shape || o->shape->side || o->shape->n != n) return NULL;
    if (sh && sh != o->shape) return NULL;
    sh = o->shape;
  }
  return sh;
}

/* The shape, as far as it is known, of np.concatenate(items, axis=k) / torch.cat(items, dim=k) of
 * an exact ndim: along k the sum of the items' sizes (a list display's items, each of known size),
 * else not known; along the other axes the size they all have.  dtype: the items', when they agree.
 * np.concatenate([xy, xy + w, scores[:, None]], axis=1) of (n, 2), (n, 2), (n, 1): (n, 5), so that a
 * column slice of it, dets[:, :4], shows most of it (shows_most). */
static const VlShape *concat_shape(Frame *F, const VlLibEntry *e, const Args *a, VlNdim nd) {
  if (a->star || a->npos < 1 || !vl_nd_known(nd) || nd.lo < 1 || nd.lo > VL_SHAPE_MAX ||
      (strcmp(e->name, "concatenate") != 0 && strcmp(e->name, "cat") != 0 && strcmp(e->name, "concat") != 0))
    return NULL;
  long axis = 0;
  VlId ax = a->npos >= 2 ? a->pos_expr[1] : 0;
  const VlVal *av = a->npos >= 2 ? a->pos[1] : NULL;
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "axis") == 0 || strcmp(a->kwname[i], "dim") == 0) ax = a->kw_expr[i], av = a->kw[i];
  int64_t k64;
  if (ax && vl_int_literal(M(F), ax, &axis)) {
  } else if (av && int_const(F, av, 0, &k64)) {
    axis = (long)k64;
  } else if (av) {
    return NULL; /* axis=None flattens; an axis not known */
  }
  if (axis < 0) axis += nd.lo;
  if (axis < 0 || axis >= nd.lo) return NULL;
  const VlShape *items[16];
  int n = 0;
  if (a->pos_expr[0] && F->disp == a->pos_expr[0]) {
    for (int i = 0; i < F->ndisp; i++)
      if (!(items[n++] = item_shape(F->disp_items[i], nd.lo))) return NULL;
  } else {
    const VlVal *el = first_item(F, a); /* a list filled in a loop: its elements, how many not known */
    if (!(items[n++] = item_shape(el, nd.lo))) return NULL;
  }
  if (!n) return NULL;
  bool exact = a->pos_expr[0] && F->disp == a->pos_expr[0];
  VlShape sh = *items[0];
  sh.upper = false;
  for (int d = 0; d < nd.lo; d++) {
    int64_t sum = 0;
    for (int i = 0; i < n; i++) {
      int64_t dim = items[i]->dims[d];
      if (d == axis) sum = sum >= 0 && dim > 0 ? sum + dim : -1;
      else if (dim != sh.dims[d]) sh.dims[d] = 0, sh.most[d] = 0;
      if (items[i]->itemsize != sh.itemsize || !items[i]->dtype || !sh.dtype || strcmp(items[i]->dtype, sh.dtype) != 0)
        sh.dtype = NULL, sh.itemsize = 0, sh.dtype_sure = false;
    }
    if (d == axis) sh.dims[d] = exact && sum > 0 ? sum : 0, sh.most[d] = 0;
  }
  int known = 0;
  for (int d = 0; d < sh.n; d++) known += sh.dims[d] > 0;
  return known ? vl_shape(V(F), sh) : NULL;
}

/* The least fraction of an axis of `dim` entries (0: not known; `most`: at most that many) that
 * index item i shows, over every size the axis may have; 0 when it may show none of it or is not
 * known.  A whole slice (`:`) shows all of any axis; an int shows one entry of a known axis, or of
 * at most `most` (it ran, so the axis has one more than the int). */
static double item_fraction(const Index *ix, int i, int64_t dim, int most) {
  if (ix->kind[i] == IX_SLICE && ix->lit[i] && ix->start[i] == LONG_MIN && ix->stop[i] == LONG_MIN &&
      (ix->step[i] == LONG_MIN || ix->step[i] == 1))
    return 1.0;
  int64_t lo = dim > 0 ? dim : 1, hi = dim > 0 ? dim : most;
  if (hi <= 0) return 0.0;
  if (ix->kind[i] == IX_INT) return 1.0 / (double)hi;
  if (ix->kind[i] != IX_SLICE || !ix->lit[i]) return 0.0;
  long step = ix->step[i] == LONG_MIN ? 1 : ix->step[i];
  if (step <= 0) return 0.0;
  double least = 1.0;
  for (int64_t d = lo; d <= hi; d++) {
    long start = ix->start[i] == LONG_MIN ? 0 : ix->start[i], stop = ix->stop[i] == LONG_MIN ? (long)d : ix->stop[i];
    if (start < 0) start += d;
    if (stop < 0) stop += d;
    if (start < 0) start = 0;
    if (stop > d) stop = (long)d;
    long count = stop <= start ? 0 : (stop - start + step - 1) / step;
    if (count * 1.0 / (double)d < least) least = (double)count / (double)d;
  }
  return least;
}

/* The shape a view shows, and whether that is provably at least an eighth of its base (then it
 * pins less than 8 times what it shows: below the oracle's threshold for a leak).  Axes the index
 * does not reach, whole slices and an ellipsis show all of theirs, whatever their size; an axis
 * of unknown size but few entries (`most`: a PIL image's channels) is shown at least the least
 * fraction over its sizes (`img[..., :3]` of at most 4 channels: 3/4). */
static bool shows_most(const VlShape *base, const Index *ix) {
  /* a spectrum pins one side of a matrix per call, for a decomposition that costs that side cubed: no
   * loop that decomposes in seconds keeps the 5 MiB it takes to matter (docs/design.md) */
  if (base && base->side) return true;
  if (!base || base->upper) return false;
  int consumed = 0;
  for (int i = 0; i < ix->n; i++) consumed += ix->kind[i] == IX_INT || ix->kind[i] == IX_SLICE;
  double shown = 1.0;
  int axis = 0;
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] == IX_NEWAXIS) continue;
    if (ix->kind[i] == IX_ELLIPSIS) { /* whole axes: as many as the index leaves */
      if (consumed > base->n) return false;
      axis += base->n - consumed;
      continue;
    }
    if (axis >= base->n) return false;
    shown *= item_fraction(ix, i, base->dims[axis], base->most[axis]);
    axis++;
    if (shown <= 0.0) return false;
  }
  return shown * 8.0 > 1.0;
}

/* ---- indexing ---- */

/* Does this index show only a small part of the array (so that a view pins much more than it
 * shows)?  Any integer on an axis or a slice with a stop or a negative start: yes, as far as we can
 * tell; steps alone: when they divide the array by 8 or more. */
/* Does the index show only part of the array?  `skip`: items that are an int on an axis of size 1
 * (bit i: item i), which take all of that axis. */
static bool index_partial(const Index *ix, uint32_t skip) {
  long stride = 1;
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] == IX_INT && i < 32 && (skip & (1u << i))) continue;
    if (ix->kind[i] == IX_INT) return true;
    if (ix->kind[i] != IX_SLICE) continue;
    if (ix->narrows[i]) return true; /* a stop (a[t:t+8], a[:5]) or a negative start (a[-3:]) */
    long step = ix->step[i] != LONG_MIN ? ix->step[i] : 1;
    if (step < 0) step = -step;
    if (step > 1) stride *= step; /* a step from a variable of unknown value: not counted */
  }
  return stride >= 8;
}

/* The axes of o that may have size 1: its own, or those of its literal shape.  Axes count from the
 * front, so an array of unknown ndim has them too (torch.tensor([ids]) of a prompt: axis 0).  Unit axes
 * only ever make an index take all of an axis, so a value whose paths disagree keeps every path's: a
 * unit axis on one path is evidence enough that the index may take all (docs/design.md). */
static uint8_t obj_units(const VlObj *o) {
  uint8_t u = o->units;
  if (!o->sub && o->shape)
    for (int i = 0; i < o->shape->n && i < 8; i++)
      if (o->shape->dims[i] == 1) u |= (uint8_t)(1u << i);
  return u;
}

/* Does slice item i keep at most one entry: literal bounds one apart (k:k+1, -2:-1, :1), or -1: alone? */
static bool one_entry_slice(const Index *ix, int i) {
  if (!ix->lit[i] || (ix->step[i] != LONG_MIN && ix->step[i] != 1)) return false;
  if (ix->start[i] == LONG_MIN) return ix->stop[i] == 1;
  if (ix->stop[i] == LONG_MIN) return ix->start[i] == -1;
  return ix->stop[i] == ix->start[i] + 1 && (ix->start[i] >= 0 || ix->stop[i] < 0);
}

/* Maps a basic index over o's axes: `skip` gets the items that are an int on a unit axis, `res` the
 * result's unit axes.  False when it cannot be mapped (an advanced item; an ellipsis, or an int from the
 * end, on an array of unknown ndim). */
static bool map_units(const VlObj *o, uint8_t ou, const Index *ix, uint8_t *res, uint32_t *skip) {
  int consume = 0;
  bool ellipsis = false;
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] == IX_INT || ix->kind[i] == IX_SLICE) consume++;
    else if (ix->kind[i] == IX_ELLIPSIS) ellipsis = true;
    else if (ix->kind[i] != IX_NEWAXIS) return false;
  }
  bool exact = vl_nd_known(o->nd);
  if (ellipsis && !exact) return false;
  int axis = 0, out = 0;
  *res = 0;
  *skip = 0;
  for (int i = 0; i < ix->n; i++) {
    switch (ix->kind[i]) {
    case IX_INT:
      if (axis < 8 && (ou & (1u << axis)) && i < 32) *skip |= 1u << i;
      axis++;
      break;
    case IX_SLICE: /* a slice of a unit axis keeps at most one entry, and so does x[:, -1:] or x[:, k:k+1] */
      if (axis < 8 && out < 8 && ((ou & (1u << axis)) || one_entry_slice(ix, i))) *res |= (uint8_t)(1u << out);
      axis++, out++;
      break;
    case IX_NEWAXIS:
      if (out < 8) *res |= (uint8_t)(1u << out);
      out++;
      break;
    case IX_ELLIPSIS: {
      int span = o->nd.lo - consume;
      for (int k = 0; k < span; k++, axis++, out++)
        if (axis < 8 && out < 8 && (ou & (1u << axis))) *res |= (uint8_t)(1u << out);
      break;
    }
    default: return false;
    }
  }
  for (; axis < 8 && out < 8; axis++, out++) /* the axes not indexed */
    if (ou & (1u << axis)) *res |= (uint8_t)(1u << out);
  return true;
}

static const VlObj *with_units(Frame *F, const VlObj *o, uint8_t units) {
  if (o->kind != VL_O_ARRAY || o->units == units) return o;
  VlObj c = *o;
  c.units = units;
  return vl_obj(V(F), c);
}

/* How many axes field `name` adds, from an array's record fields (record_fields): -1 when not known. */
static int field_axes(const VlObj *o, const char *name) {
  if (!o->key || o->key->n != 1 || !name || !(o->layout & VL_L_RECORDS)) return -1;
  const VlObj *t = o->key->objs[0];
  for (uint16_t i = 0; i < t->nitems; i++)
    if (t->items[i]->n == 1 && strcmp(t->items[i]->objs[0]->name, name) == 0) return (int)t->items[i]->objs[0]->index;
  return -1;
}

static const VlObj *subscript_array(Frame *F, const VlObj *o, const Index *ix, VlId expr) {
  int ints = 0, newaxes = 0;
  bool ellipsis = false, advanced = false, unknown = false, field = false, slices = false;
  for (int i = 0; i < ix->n; i++) switch (ix->kind[i]) {
    case IX_INT: ints++; break;
    case IX_SLICE: slices = true; break;
    case IX_NEWAXIS: newaxes++; break;
    case IX_ELLIPSIS: ellipsis = true; break;
    case IX_ADVANCED: advanced = true; break;
    case IX_STR: field = true; break;
    default: unknown = true; break;
    }
  /* a[i, j] ran: a has at least as many axes as the items that index one (or more) */
  if (!ellipsis && !field && ix->n - newaxes > o->nd.lo && ix->n - newaxes <= o->nd.hi) {
    VlObj c = *o;
    c.nd.lo = (uint8_t)(ix->n - newaxes);
    o = vl_obj(V(F), c);
  }
  if (advanced) {
    /* a 1-D index or mask along an axis keeps the ndim; an integer index array of k dimensions
     * replaces the first axis by its k */
    VlNdim nd = vl_nd_unknown();
    /* one advanced item beside integers and slices (preds[order, 4], boxes[keep, :4]): the integers
     * broadcast with it as 0-d indices, so the result has the advanced item's axes (one for a 1-D
     * mask or list) and the axes the slices and the unindexed rest keep; two advanced items
     * broadcast together, and only the last one's ndim is recorded: unknown */
    int adv = 0;
    for (int i = 0; i < ix->n; i++) adv += ix->kind[i] == IX_ADVANCED;
    int taken = ints + adv + (adv == 1 && ix->adv_axes > 1 ? ix->adv_axes - 1 : 0); /* a[np.ix_(r, c)]: two */
    if (adv == 1 && !ellipsis && !unknown && !field && (ix->adv_1d || ix->adv_ints) && o->nd.lo >= taken) {
      VlNdim an = ix->adv_1d ? vl_nd_exact(1) : ix->adv_nd;
      int lo = o->nd.lo - taken + an.lo + newaxes, hi = o->nd.hi - taken + an.hi + newaxes;
      nd = (VlNdim){(uint8_t)lo, (uint8_t)(hi > VL_ND_MAX ? VL_ND_MAX : hi)};
    }
    uint8_t flags = (uint8_t)(o->flags & VL_F_INTS); /* order[keep]: still indices */
    const VlObj *r = array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), o->lib, nd, flags, expr);
    if (ix->n == 1 && ix->adv_1d && !o->sub && o->shape && !o->shape->side && o->shape->n >= 2 &&
        vl_nd_known(o->nd) && o->nd.lo == o->shape->n) {
      /* dets[order], dets[keep] of a whole array of known sizes: the rows it picks (how many, not
       * known), each as long as before; dets[order][:, :4] still shows most of it (shows_most) */
      VlShape sh = *o->shape;
      sh.dims[0] = 0, sh.most[0] = 0, sh.upper = false;
      VlObj c = *r;
      c.shape = vl_shape(V(F), sh);
      r = vl_obj(V(F), c);
    }
    return r;
  }
  /* a structured array's field: a view of part of it.  Of an array not known to hold records, a
   * string item is as likely an .npz archive's member (`np.load(path)["x"]`, NpzFile decodes a new
   * array at each access): a new array, whose parts are still parts of a new array */
  if (field && ix->n == 1 && !(o->layout & VL_L_RECORDS))
    return array_obj(F, false, vl_new_site(F, expr, VL_HOW_PRODUCER), o->lib, vl_nd_unknown(), 0, expr);
  if (field && ix->n == 1) {
    /* records["vec"] of a field of shape (384,): the array's axes and one more.  Such a field is
     * taken to show most of each record (a vector beside an id and a norm), so that every row of it
     * kept is all of it; a field of one item shows a part */
    int k = field_axes(o, ix->str);
    VlNdim fnd = vl_nd_unknown();
    if (k >= 0 && o->nd.hi + k <= VL_ND_MAX) fnd = (VlNdim){(uint8_t)(o->nd.lo + k), (uint8_t)(o->nd.hi + k)};
    return view_of(F, o, fnd, k <= 0, expr);
  }
  if (unknown || field) return NULL;
  VlNdim nd = nd_sub(o->nd, ints, newaxes);
  if (ellipsis) nd.hi = VL_ND_MAX;
  const VlLibrary *lib = library(F, o->lib);
  if (slices || ellipsis || newaxes || (o->lib && lib->int_index_is_view) || (o->layout & VL_L_RECORDS) ||
      o->nd.lo > ints) {
    uint8_t ru = 0;
    uint32_t skip = 0;
    bool mapped = map_units(o, obj_units(o), ix, &ru, &skip);
    bool partial = index_partial(ix, mapped ? skip : 0);
    bool axes = !o->sub || ((o->layout & VL_L_AXES) && !(o->flags & VL_F_PARTIAL)); /* o's axes are its base's */
    if (partial && axes && shows_most(o->shape, ix)) partial = false;
    const VlObj *r = view_of_layout(F, o, nd, partial, expr, index_layout(o, ix, nd));
    if (!(o->sub && (o->flags & VL_F_PARTIAL))) {
      VlObj c = *r;
      c.flags |= VL_F_OF_WHOLE;
      r = vl_obj(V(F), c);
    }
    return mapped ? with_units(F, r, ru) : r;
  }
  if (o->nd.hi <= ints) /* an element: a NumPy scalar holds nothing (an index, of an index array) */
    return prim_obj(F, o->flags & VL_F_INTS ? VL_O_INT : VL_O_SCALAR);
  return NULL;
}

static const VlVal *seq_elems(Frame *F, const VlObj *o) {
  const VlVal *v = o->elem ? o->elem : &vl_empty_val;
  VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
  if (e) v = vl_join(V(F), v, e->elem);
  if (o->site && o->site->kind == VL_SITE_SYM) {
    /* a container the caller passed: what it held before, symbolically */
    v = vl_join(V(F), v, vl_val1(V(F), sym_obj(F, VL_SYM_ELEMV, vl_val1(V(F), o), NULL, NULL, 0, 0, NULL)));
  }
  return v;
}

/* Is the index an array's, not a list's or a string's: several axes, a new axis or an ellipsis?
 * (One slice, x[a:b], is also a list's or a string's.) */
static bool array_evidence(const Index *ix) {
  int axes = 0;
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] == IX_NEWAXIS || ix->kind[i] == IX_ELLIPSIS) return true;
    if (ix->kind[i] != IX_STR) axes++;
  }
  return axes >= 2;
}

/* What a deferred subscript keeps of index item k: its value, or for a slice the value of a step not
 * known here (the caller may know it: `frame[::self.stride]` of a recorder built with stride=4). */
static const VlVal *deferred_item(Frame *F, const Index *ix, const VlVal *const *items, int k) {
  if (items && items[k]) return items[k];
  if (ix->kind[k] == IX_SLICE && ix->stepv[k]) return ix->stepv[k];
  return vl_unknown(V(F));
}

/* The ndim of each array of a tuple of index arrays: 1 (np.nonzero), or an open mesh's k (np.ix_). */
static VlNdim index_item_nd(const VlObj *o) { return vl_nd_known(o->nd) ? o->nd : vl_nd_exact(1); }

static bool int_index(const Index *ix) {
  for (int k = 0; k < ix->n; k++)
    if (ix->kind[k] == IX_INT) return true;
  return false;
}

static bool steps_deferred(const Index *ix) {
  for (int k = 0; k < ix->n; k++)
    if (ix->kind[k] == IX_SLICE && ix->stepv[k]) return true;
  return false;
}

static uint32_t pack_index(const Index *ix) {
  uint32_t k = 0;
  for (int i = 0; i < ix->n && i < 8; i++) k |= (uint32_t)(ix->kind[i] & 0x7) << (3 * i);
  return k | (uint32_t)ix->n << 24 | (index_partial(ix, 0) ? 1u << 28 : 0);
}

void vl_unpack_index(uint32_t packed, Index *ix) {
  memset(ix, 0, sizeof *ix);
  ix->n = (int)(packed >> 24 & 0xf);
  bool partial = packed >> 28 & 1;
  for (int i = 0; i < ix->n; i++) {
    ix->kind[i] = (uint8_t)(packed >> (3 * i) & 0x7);
    ix->start[i] = ix->stop[i] = ix->step[i] = LONG_MIN;
    if (ix->kind[i] == IX_SLICE) {
      ix->lit[i] = true;
      if (partial) ix->stop[i] = 0, ix->narrows[i] = true; /* "has a stop": keeps the view partial */
    }
  }
}

/* A call on (an attribute or element of) one of this function's parameters: which call it is depends
 * on the caller, so the function is analysed again for the project objects a caller passes. */
static void note_param_call(Frame *F, const VlObj *o) {
  for (const VlObj *r = o; r && r->kind == VL_O_SYM; r = r->base && r->base->n == 1 ? r->base->objs[0] : NULL)
    if (r->sub == VL_SYM_PARAM) {
      if (r->mod == F->an->mi && r->func == F->func) {
        F->param_calls = true;
        if (r->index < 8) F->param_mask |= (uint8_t)(1u << r->index);
      }
      break;
    }
}

/* Is some item of the index only known to callers, a parameter itself (`x[i]`, `x[i, :4]`), the others
 * known? */
static bool param_indexed(const Index *ix, const VlVal *const *items) {
  if (!items || ix->n > VL_MAX_INDEX) return false;
  bool param = false;
  for (int k = 0; k < ix->n; k++) {
    const VlVal *v = items[k];
    if (ix->kind[k] != IX_UNKNOWN) continue;
    if (!v || v->n != 1 || v->objs[0]->kind != VL_O_SYM || v->objs[0]->sub != VL_SYM_PARAM) return false;
    param = true;
  }
  return param;
}

/* Is an undecided index item computed from a parameter of F's own function (`w - 16`, `col`)? */
static bool own_param_item(const Frame *F, const Index *ix, const VlVal *const *items) {
  for (int k = 0; items && k < ix->n && k < VL_MAX_INDEX; k++) {
    if (ix->kind[k] != IX_UNKNOWN || !items[k]) continue;
    for (uint16_t j = 0; j < items[k]->n; j++)
      for (const VlObj *r = items[k]->objs[j]; r && r->kind == VL_O_SYM;
           r = r->base && r->base->n == 1 ? r->base->objs[0] : NULL)
        if (r->sub == VL_SYM_PARAM) {
          if (r->mod == F->an->mi && r->func == F->func) return true;
          break;
        }
  }
  return false;
}

bool vl_share_step(const VlVal *v) {
  bool share = false;
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_INT) return false;
    if (o->flags & (VL_F_SHARE | VL_F_FRACTION)) share = true;
    else if (!o->num_known || o->index != 1) return false;
  }
  return share;
}

static bool pd_obj(const VlObj *o);
static const VlVal *pandas_getitem(Frame *F, const VlObj *o, const Index *ix, const VlVal *const *items, VlId expr);

/* The ndim of an index object's concatenation along axis 0 (np.r_[mean_pos, np.zeros(4)], table ndim
 * `concat`): its items share one, each at least 1 (a number or a slice gives one axis, an array keeps
 * its own, a 0-d one gets one); what every item allows, unknown where they disagree or an item is a
 * string (a directive: np.r_['0,2', a, b]) or not known. */
static VlNdim index_concat_nd(const Index *ix, const VlVal *const *items) {
  VlNdim nd = {1, VL_ND_MAX};
  for (int i = 0; i < ix->n; i++) {
    if (ix->kind[i] == IX_SLICE || ix->kind[i] == IX_INT) {
      nd.hi = 1;
      continue;
    }
    const VlVal *v = items ? items[i] : NULL;
    if (ix->kind[i] == IX_STR || ix->kind[i] == IX_NEWAXIS || ix->kind[i] == IX_ELLIPSIS || vl_val_empty(v))
      return vl_nd_unknown();
    for (uint16_t k = 0; k < v->n; k++) {
      const VlObj *o = v->objs[k];
      VlNdim on = o->kind == VL_O_INT || o->kind == VL_O_SCALAR ? vl_nd_exact(1)
                  : o->kind == VL_O_ARRAY                       ? o->nd
                                                                : (VlNdim){1, VL_ND_MAX};
      if (o->kind == VL_O_STR) return vl_nd_unknown();
      if (on.lo > nd.lo) nd.lo = on.lo;
      if (on.hi < nd.hi) nd.hi = on.hi;
    }
  }
  return nd.lo <= nd.hi ? nd : vl_nd_unknown();
}

const VlVal *vl_op_subscript(Frame *F, const VlVal *base, const Index *ix, const VlVal *const *items, VlId expr) {
  Acc a = {0};
  for (uint16_t i = 0; i < base->n; i++) {
    const VlObj *o = base->objs[i];
    switch (o->kind) {
    case VL_O_ARRAY: {
      /* an item of a 1-D object array (`infos[key] = np.full(n, None, dtype=object)`, then
       * `infos[key][i] = obs`): what was stored in it, as a list's item */
      const VlHeapEntry *held = (o->layout & VL_L_OBJECTS) && !o->sub && o->nd.hi == 1 && ix->n == 1 &&
                                        ix->kind[0] == IX_INT && o->site && o->site->kind == VL_SITE_NEW
                                    ? vl_heap_find(F, o->site)
                                    : NULL;
      if (held && held->elem && !vl_val_empty(held->elem)) {
        add_val(&a, held->elem);
        break;
      }
      const VlObj *r = subscript_array(F, o, ix, expr);
      if (r && !(r->flags & VL_F_PARTIAL) && steps_deferred(ix) && o->site && o->site->kind == VL_SITE_SYM && !o->sub &&
          o->site->sym) {
        /* a step only the caller knows (`frame[::self.stride]`): the caller decides whether the view
         * shows part of the array, on its own values (unknown there too, it is this view again) */
        r = NULL;
      }
      if (r && !(r->flags & VL_F_PARTIAL) && steps_deferred(ix) && o->site && o->site->kind == VL_SITE_SYM && o->sub) {
        /* the same of a view of such an array (`resid.detach()[::self.stride]` in a closure reading
         * `self`): the subscript is deferred on the view itself */
        const VlVal *its[VL_MAX_INDEX];
        int n = ix->n < VL_MAX_INDEX ? ix->n : VL_MAX_INDEX;
        for (int k = 0; k < n; k++) its[k] = deferred_item(F, ix, items, k);
        add(&a, at_expr(F, sym_obj(F, VL_SYM_SUBV, vl_val1(V(F), o), ix->str, its, (uint16_t)n, pack_index(ix), NULL),
                        expr));
        break;
      }
      if (!r && o->site && o->site->kind == VL_SITE_SYM && !o->sub && o->site->sym) {
        /* a parameter's array indexed by what only the caller knows (m[:, j]): the caller decides */
        const VlVal *its[VL_MAX_INDEX];
        int n = ix->n < VL_MAX_INDEX ? ix->n : VL_MAX_INDEX;
        for (int k = 0; k < n; k++) its[k] = deferred_item(F, ix, items, k);
        add(&a, at_expr(F, sym_obj(F, VL_SYM_SUBV, vl_val1(V(F), o->site->sym), ix->str, its, (uint16_t)n, pack_index(ix),
                                   NULL),
                        expr));
        break;
      }
      /* an array made here, in this function, indexed by a parameter (`x[local]` of `x =
       * load(path)`): what the caller passes decides, an int (a view) or an index array (a copy) */
      if (!r && o->site && o->site->kind == VL_SITE_NEW && o->site->mod == F->an->mi && o->site->func == F->func &&
          param_indexed(ix, items)) {
        const VlVal *its[VL_MAX_INDEX];
        int n = ix->n < VL_MAX_INDEX ? ix->n : VL_MAX_INDEX;
        for (int k = 0; k < n; k++) its[k] = deferred_item(F, ix, items, k);
        add(&a, at_expr(F, sym_obj(F, VL_SYM_SUBV, vl_val1(V(F), o), ix->str, its, (uint16_t)n, pack_index(ix), NULL),
                        expr));
        if (F->loop && !F->specialised) F->param_index = true; /* (in its own loop: as below) */
        break;
      }
      /* `chunk[0]` of a piece of a parameter's array in a loop: whether it is a row, the ndim a caller
       * passes says (VL_SPECIAL_ROWS) */
      if (!r && F->loop && o->sub && o->site && o->site->kind == VL_SITE_SYM && int_index(ix)) F->piece_index = true;
      /* `order[i]` of `order = np.argsort(dets[:, 4])[::-1]` in a loop, with `dets` a parameter: an
       * array this function makes, of an ndim only the arrays a caller passes may decide */
      if (!r && F->loop && o->site && o->site->kind == VL_SITE_NEW && !vl_nd_known(o->nd) && int_index(ix))
        F->piece_index = true;
      /* `u[:, w - 16]` with `w` this function's parameter: its callers pass it, or its literal default */
      if (!r && F->loop && !F->specialised && own_param_item(F, ix, items)) F->param_index = true;
      add(&a, r ? r : unknown_obj(F));
      break;
    }
    case VL_O_SEQ: {
      bool slice = ix->n == 1 && ix->kind[0] == IX_SLICE;
      if (slice) { /* a list slice: a new list holding some of the same elements */
        const VlVal *s = vl_new_seq(F, (VlSeqKind)o->sub, expr);
        vl_heap_add_elem(F, s->objs[0]->site, vl_not_every(F, seq_elems(F, o)));
        add_val(&a, s);
      } else if (o->sub == VL_SEQ_TUPLE && o->nitems && ix->n == 1 && ix->kind[0] == IX_INT && ix->lit[0]) {
        long k = ix->start[0];
        if (k < 0) k += o->nitems;
        if (k >= 0 && k < o->nitems) add_val(&a, o->items[k]);
        else add_val(&a, seq_elems(F, o));
      } else {
        const VlVal *one = ix->n == 1 && items ? vl_heap_dict_get(F, o, items[0]) : NULL;
        add_val(&a, one ? one : seq_elems(F, o));
      }
      break;
    }
    case VL_O_SHAPE: /* x.shape[0] of an axis of size 1: the constant 1 */
      if (ix->n == 1 && ix->kind[0] == IX_INT && ix->lit[0] && ix->start[0] >= 0 && ix->start[0] < 8 &&
          (o->units >> ix->start[0] & 1)) {
        add_val(&a, vl_int_const(V(F), 1));
        break;
      }
      if (ix->n == 1 && ix->kind[0] == IX_SLICE) {
        add(&a, o);
      } else { /* x.shape[0]: a length, as len(x) is */
        VlObj n = {.kind = VL_O_INT, .flags = VL_F_LENGTH, .nd = vl_nd_unknown()};
        add(&a, vl_obj(V(F), n));
      }
      break;
    case VL_O_RANGE: add(&a, ix->n == 1 && ix->kind[0] == IX_SLICE ? o : prim_obj(F, VL_O_INT)); break;
    case VL_O_INDEX: /* np.where(mask)[0]: the integer indices along one axis (of np.ix_'s k, k axes) */
      add(&a, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), o->lib, index_item_nd(o), VL_F_INTS, expr));
      break;
    case VL_O_STR: add(&a, prim_obj(F, VL_O_STR)); break;
    case VL_O_OBJ:
      if (array_evidence(ix)) {
        const VlObj *arr = as_array_obj(F, o, vl_nd_unknown());
        const VlObj *r = subscript_array(F, arr, ix, expr);
        add(&a, r ? r : unknown_obj(F));
      } else if (ix->n == 1 && ix->kind[0] == IX_STR && o->sub != VL_OBJ_TENSORS) {
        /* entry[b"labels"]: a member taken by its key, the key literal in `key` (a STR, unnamed when its
         * text is not known; retain.c: other_member); a key literal kept as no text (b"labels") by its
         * source */
        const VlExpr *sx = vl_expr(M(F), expr);
        const char *key = ix->str;
        if (!key && sx->op == VL_E_SUB && sx->nkids == 2 && vl_expr(M(F), vl_kid(M(F), expr, 1))->op == VL_E_STR)
          key = vl_expr_text(F->an, vl_kid(M(F), expr, 1));
        VlObj part = *obj_part(F, o);
        part.key = key ? vl_str_const(V(F), key) : vl_prim(V(F), VL_O_STR);
        add(&a, vl_obj(V(F), part));
      } else { /* out[0], batch["x"]: a part of the result, taken whole */
        add(&a, obj_part(F, o));
      }
      break;
    case VL_O_SYM: {
      bool arrayish = array_evidence(ix) || (o->elem && vl_val_has(o->elem, VL_O_ARRAY));
      bool decided = false;
      if (arrayish) {
        const VlObj *arr = as_array_obj(F, o, vl_nd_unknown());
        const VlObj *r = subscript_array(F, arr, ix, expr);
        if (r && !(r->flags & VL_F_PARTIAL) && steps_deferred(ix)) r = NULL; /* the caller decides (above) */
        if (r) add(&a, r);
        decided = r != NULL;
      }
      /* what the caller passes decides: an index that is a parameter too (a[i]), and p[i] of a
       * project object passed is its __getitem__ (ds[i] in a batching helper) */
      if (!decided) note_param_call(F, o);
      if (!decided || !(o->elem && vl_val_has(o->elem, VL_O_ARRAY))) {
        const VlVal *its[VL_MAX_INDEX];
        int n = ix->n < VL_MAX_INDEX ? ix->n : VL_MAX_INDEX;
        for (int k = 0; k < n; k++) its[k] = deferred_item(F, ix, items, k);
        add(&a, at_expr(F, sym_obj(F, VL_SYM_SUBV, vl_val1(V(F), o), ix->str, its, (uint16_t)n, pack_index(ix), NULL), expr));
      }
      break;
    }
    case VL_O_INST:
    case VL_O_CLASS: {
      if (pd_obj(o)) {
        add_val(&a, pandas_getitem(F, o, ix, items, expr));
        break;
      }
      /* ds[k] of a TensorDataset that keeps its tensors: each tensor indexed alike, in a tuple */
      const VlObj *cols = kept_tensors(F, o);
      if (cols) {
        const VlVal *rows[VL_MAX_ARGS];
        uint16_t n = 0;
        for (uint16_t k = 0; k < cols->nitems && n < VL_MAX_ARGS; k++) rows[n++] = vl_op_subscript(F, cols->items[k], ix, items, expr);
        add_val(&a, tuple_of(F, rows, n));
        break;
      }
      /* model[k] of an nn.Sequential (or a subclass) that keeps its modules: the k-th, for a literal k */
      const VlObj *mods = seq_modules(F, o);
      if (mods && ix->n == 1 && ix->kind[0] == IX_INT && ix->lit[0]) {
        long at = ix->start[0] < 0 ? ix->start[0] + mods->nitems : ix->start[0];
        add_val(&a, at >= 0 && at < mods->nitems ? mods->items[at] : vl_unknown(V(F)));
        break;
      }
      /* obj[k]: __getitem__; of a dict subclass that defines __missing__ (a cache filled on first
       * lookup), what __missing__(k) returns and stores, which later lookups hand back */
      const VlVal *m = vl_op_attr(F, vl_val1(V(F), o), "__getitem__", expr);
      if (vl_val_unknownish(m) && o->kind == VL_O_INST) m = vl_op_attr(F, vl_val1(V(F), o), "__missing__", expr);
      if (!vl_val_unknownish(m)) {
        Args args = {0};
        args.npos = 1;
        args.pos[0] = items && items[0] ? items[0] : vl_unknown(V(F));
        add_val(&a, vl_op_call(F, m, &args, expr));
      } else {
        add(&a, unknown_obj(F));
      }
      break;
    }
    case VL_O_LIB: { /* index objects that build arrays: np.r_[a, b], np.c_[a, b] (table rows of effect copy) */
      const char *member = NULL;
      const VlLibrary *lib = o->name ? vl_knowledge_library(F->an->know, o->name, &member) : NULL;
      const VlLibEntry *e = lib ? vl_libtable_find(lib->table, VL_LIB_FUNCTION, member) : NULL;
      if (e && e->effect_then == VL_FX_COPY && !e->effect_cond.param && e->grows == VL_GROW_SEQ)
        add(&a, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), lib->id,
                          e->ndim_then.rule == VL_ND_CONCAT ? index_concat_nd(ix, items) : vl_nd_unknown(), 0, expr));
      else add(&a, unknown_obj(F));
      break;
    }
    default: add(&a, unknown_obj(F)); break;
    }
  }
  return done(F, &a);
}

/* ---- attributes ---- */

const VlFuncInfo *vl_func_info(Frame *F, const VlModInfo *mod, VlId func) {
  if (mod == F->an->mi) return vl_an_func(F->an, func);
  return func < mod->nfuncs ? &mod->funcs[func] : NULL;
}

static const VlClassInfo *class_info(Frame *F, const VlModInfo *mod, VlId klass) {
  if (mod == F->an->mi) return vl_an_class(F->an, klass);
  return klass < mod->nclasses ? &mod->classes[klass] : NULL;
}

static const VlClassInfo *inst_class(Frame *F, const VlObj *inst) {
  if (!inst->base) return NULL;
  for (uint16_t i = 0; i < inst->base->n; i++) {
    const VlObj *c = inst->base->objs[i];
    if (c->kind == VL_O_CLASS) return class_info(F, c->mod, c->func);
  }
  return NULL;
}

/* ---- nn.Sequential: the modules an instance calls in order ----
 * `nn.Sequential(enc, pool)` (a class row of effect `sequential`), a project subclass of it without
 * an __init__ of its own, or one whose __init__ calls `super().__init__(*modules)`, keeps the modules
 * it is given, in order, as the tuple under this heap attribute of the instance: calling it (or its
 * inherited forward) calls each on the previous one's output, and model[k] is the k-th.  Given one
 * `OrderedDict([(name, m), ...])` of literal pairs, its values are the modules: that OrderedDict keeps
 * them in order under the same attribute of its own site (its items stay unknown otherwise). */
#define VL_SEQ_MODULES "<modules>"

static bool seq_lib(Frame *F, const VlObj *o) {
  const char *member;
  const VlLibrary *lib = o->kind == VL_O_LIB && o->name ? vl_knowledge_library(F->an->know, o->name, &member) : NULL;
  const VlLibEntry *e = lib ? vl_libtable_find_class(lib->table, member) : NULL;
  return e && e->effect_then == VL_FX_SEQUENTIAL;
}

/* Does project class k derive from a `sequential` library class (through up to three project bases)? */
static bool seq_class(Frame *F, const VlClassInfo *k, int depth) {
  for (uint16_t i = 0; k && k->bases && depth < 4 && i < k->bases->n; i++) {
    const VlObj *b = k->bases->objs[i];
    if (seq_lib(F, b)) return true;
    if (b->kind == VL_O_CLASS && b->mod && seq_class(F, class_info(F, b->mod, b->func), depth + 1)) return true;
  }
  return false;
}

/* ---- project subclasses of list: `class StoppingCriteriaList(list)` with a __call__ asking each item ----
 * `Procs([p, q])` of a project class deriving from `list` (or UserList) without an __init__ or
 * __iter__ of its own is a list of the items given: iterating the instance (`for c in self:` in its
 * methods) gives them, kept joined under this heap attribute of the instance; given as a list
 * display, they are also kept in order, as a tuple under VL_LIST_ORDER (interp.c runs a `for` over
 * them item by item, as over a tuple of known items). */
#define VL_LIST_ITEMS "<items>"

static bool list_class(Frame *F, const VlClassInfo *k, int depth) {
  for (uint16_t i = 0; k && k->bases && depth < 4 && i < k->bases->n; i++) {
    const VlObj *b = k->bases->objs[i];
    if (b->kind == VL_O_LIB && b->name && !b->base &&
        (strcmp(b->name, "builtins.list") == 0 || strcmp(b->name, "collections.UserList") == 0))
      return true;
    if (b->kind == VL_O_CLASS && b->mod && list_class(F, class_info(F, b->mod, b->func), depth + 1)) return true;
  }
  return false;
}

static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n);

/* ---- nn.Sequential(*layers) of a list the function fills before it ----
 *   layers = []                              the list, made empty (D)
 *   layers.append(Stem())                    appends, as statements of D's block, or of the bodies
 *   for _ in range(depth):                   of `for` loops there (no else): each appended value is
 *       layers.append(Block(dim))            a module, in source order, a loop's once (its modules
 *   layers.append(Head())                    run again are the same objects: the chain is the same)
 *   self.net = nn.Sequential(*layers)        a simple statement of D's block (S)
 * and `nn.Sequential(*[Block() for _ in range(n)])` (no if clause), or a name bound to such a
 * comprehension and not mentioned elsewhere: one module, the comprehension's element.  Any other mention of the name
 * between D and S (an append under an `if`, `insert`, `reverse`, `+=`, an alias, a call it is passed
 * to), a name nested functions read, or an appended value not all module instances: unknown.  What
 * the list gets after S does not change the Sequential, which copied it. */
typedef struct SeqFill {
  const VlExpr *name; /* the list's name */
  const VlSite *site; /* the list */
  const VlVal *items[VL_MAX_ARGS];
  uint16_t n;
} SeqFill;

static bool seq_same_name(const VlExpr *x, const VlExpr *t) {
  return x->op == VL_E_NAME && x->sym.owner == t->sym.owner && x->sym.slot == t->sym.slot &&
         (x->sym.kind == VL_SYM_LOCAL || x->sym.kind == VL_SYM_CELL);
}

/* Does an expression starting in [start, end) name the list? */
static bool seq_mentions(Frame *F, const VlExpr *t, uint32_t start, uint32_t end) {
  uint32_t nex;
  const uint64_t *exprs = vl_by_start(F->an, false, &nex);
  for (uint32_t i = vl_first_at(exprs, nex, start), e = vl_first_at(exprs, nex, end); i < e; i++)
    if (seq_same_name(vl_expr(M(F), (VlId)exprs[i]), t)) return true;
  return false;
}

/* The block under `block` whose statement `*index` is the innermost one holding byte pos; 0: none. */
static VlId seq_block_at(const VlModule *m, VlId block, uint32_t pos, uint32_t *index, int depth) {
  for (uint32_t i = 0; block && depth < 32 && i < m->blocks[block].count; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, block, i));
    if (pos < st->start || pos >= st->end) continue;
    VlId kids[4] = {0, 0, 0, 0};
    if (st->kind == VL_S_IF || st->kind == VL_S_FOR || st->kind == VL_S_WHILE) kids[0] = st->b, kids[1] = st->c;
    else if (st->kind == VL_S_WITH) kids[0] = st->b;
    else if (st->kind == VL_S_TRY) kids[0] = st->a, kids[1] = st->c, kids[2] = st->d;
    for (int k = 0; k < 4; k++) {
      VlId r = kids[k] ? seq_block_at(m, kids[k], pos, index, depth + 1) : 0;
      if (r) return r;
    }
    for (uint16_t h = 0; st->kind == VL_S_TRY && h < st->n; h++) {
      VlId r = seq_block_at(m, m->handlers[st->b + h].body, pos, index, depth + 1);
      if (r) return r;
    }
    *index = i;
    return block;
  }
  return 0;
}

/* Statements [from, to) of block: appends to the list, `for` loops of them, or statements not naming
 * it.  False when the list may hold anything else. */
static bool seq_fill(Frame *F, VlId block, uint32_t from, uint32_t to, SeqFill *sf, int depth) {
  const VlModule *m = M(F);
  for (uint32_t i = from; i < to; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, block, i));
    const VlExpr *call = st->kind == VL_S_EXPR ? vl_expr(m, st->a) : NULL;
    const VlExpr *callee = call && call->op == VL_E_CALL && call->nkids == 2 ? vl_expr(m, vl_kid(m, st->a, 0)) : NULL;
    if (callee && callee->op == VL_E_ATTR && strcmp(vl_str(m, callee->a), "append") == 0 &&
        seq_same_name(vl_expr(m, vl_kid(m, vl_kid(m, st->a, 0), 0)), sf->name)) { /* layers.append(v) */
      VlId arg = vl_kid(m, st->a, 1);
      const VlExpr *ax = vl_expr(m, arg);
      if (ax->op == VL_E_STAR || ax->op == VL_E_KW || seq_mentions(F, sf->name, ax->start, ax->end) || sf->n >= VL_MAX_ARGS)
        return false;
      const VlVal *v = NULL; /* what the append stored (its store event, direct, into this list) */
      for (size_t k = 0; k < F->stores.len && !v; k++) {
        const StoreEv *ev = &F->stores.items[k];
        if (ev->store != VL_ST_APPEND || ev->call || ev->at.mod != F->an->mi || ev->at.start != ax->start ||
            ev->at.end != ax->end)
          continue;
        for (uint16_t c = 0; c < ev->container->n && !v; c++)
          if (ev->container->objs[c]->site == sf->site) v = ev->value;
      }
      if (!v) return false;
      sf->items[sf->n++] = v;
    } else if (st->kind == VL_S_FOR && !st->c && st->b && m->blocks[st->b].count && depth < 4) {
      const VlStmt *first = vl_stmt(m, vl_block_stmt(m, st->b, 0));
      if (seq_mentions(F, sf->name, st->start, first->start) ||
          !seq_fill(F, st->b, 0, m->blocks[st->b].count, sf, depth + 1))
        return false;
    } else if (seq_mentions(F, sf->name, st->start, st->end)) {
      return false;
    }
  }
  return true;
}

/* Module instances only (a project module, a library layer), none unknown. */
static bool seq_known_modules(const VlVal *v) {
  if (vl_val_empty(v)) return false;
  for (uint16_t i = 0; i < v->n; i++)
    if (v->objs[i]->kind != VL_O_INST) return false;
  return true;
}

/* The modules of `nn.Sequential(*layers)` for a list filled as above, in order, into sf; false when
 * not known. */
static bool seq_listed(Frame *F, const Args *a, SeqFill *sf) {
  const VlModule *m = M(F);
  const VlObj *s = a->spread->n == 1 ? a->spread->objs[0] : NULL;
  if (!s || s->kind != VL_O_SEQ || s->sub != VL_SEQ_LIST || s->nitems || !s->site || s->site->kind != VL_SITE_NEW ||
      s->site->mod != F->an->mi || s->site->func != F->func || !s->site->at || !a->spread_expr || F->func == VL_MODULE_FUNC)
    return false;
  const VlExpr *made = vl_expr(m, s->site->at);
  bool comp = made->op == VL_E_COMP && m->comps[made->a].kind == VL_COMP_LIST;
  for (uint16_t i = 0; comp && i < m->comps[made->a].nclauses; i++) /* (an if clause may leave it empty) */
    if (m->clauses[m->comps[made->a].clauses + i].is_if) return false;
  if (!comp && !(made->op == VL_E_LIST && made->nkids == 0)) return false;
  sf->site = s->site;
  sf->n = 0;
  if (comp) { /* its element: the comprehension's store event (the heap's entry is the site's, joined) */
    const VlExpr *el = vl_expr(m, m->comps[made->a].elem);
    const VlVal *v = NULL;
    for (size_t k = 0; k < F->stores.len && !v; k++) {
      const StoreEv *ev = &F->stores.items[k];
      if (ev->store == VL_ST_ELEMENT && !ev->call && ev->at.mod == F->an->mi && ev->at.start == el->start &&
          ev->at.end == el->end)
        v = ev->value;
    }
    if (!v) return false;
    sf->items[sf->n++] = v;
  }
  if (a->spread_expr == s->site->at) return comp && seq_known_modules(sf->items[0]); /* *[Block() for ...] */
  const VlExpr *t = vl_expr(m, a->spread_expr);
  if (t->op != VL_E_NAME || t->sym.kind != VL_SYM_LOCAL || t->sym.owner != F->func) return false;
  const FuncData *fd = &F->an->fd[F->func];
  for (uint32_t i = 0; i < fd->ncells; i++)
    if (fd->cells[i] == t->sym.slot) return false; /* (a nested function may change it) */
  sf->name = t;
  const VlFunc *fn = vl_func(m, F->func);
  uint32_t d = 0, at = 0;
  VlId block = seq_block_at(m, fn->body, made->start, &d, 0);
  if (!block || seq_block_at(m, fn->body, t->start, &at, 0) != block || at <= d) return false;
  const VlStmt *D = vl_stmt(m, vl_block_stmt(m, block, d)), *S = vl_stmt(m, vl_block_stmt(m, block, at));
  if (D->kind != VL_S_ASSIGN || D->a != s->site->at || D->n != 1 || !seq_same_name(vl_expr(m, m->kids[D->b]), t))
    return false;
  if (S->kind != VL_S_ASSIGN && S->kind != VL_S_EXPR && S->kind != VL_S_RETURN) return false;
  if (comp) /* its element alone: the list named nowhere else in the function (the heap joins what it gets) */
    return !seq_mentions(F, t, D->end, t->start) && !seq_mentions(F, t, t->end, fn->end) &&
           seq_known_modules(sf->items[0]);
  if (!seq_fill(F, block, d + 1, at, sf, 0) || !sf->n) return false;
  for (uint16_t i = 0; i < sf->n; i++)
    if (!seq_known_modules(sf->items[i])) return false;
  return true;
}

/* The modules given positionally (or spread from a tuple of known items, or from a list filled as
 * seq_listed reads it: `*layers`), kept at the instance's site; with keywords or an unknown spread,
 * none (the calls stay unknown). */
static void seq_set_modules(Frame *F, const VlSite *site, const Args *a) {
  if (!site || a->nkw || a->dstar || (a->star && !a->spread)) return;
  const VlVal *items[VL_MAX_ARGS];
  uint16_t n = 0;
  if (a->spread) {
    SeqFill sf;
    if (seq_listed(F, a, &sf)) {
      vl_heap_set_attr(F, site, VL_SEQ_MODULES, tuple_of(F, sf.items, sf.n));
      return;
    }
    if (a->spread->n != 1 || a->spread->objs[0]->kind != VL_O_SEQ || !a->spread->objs[0]->nitems) return;
    const VlObj *s = a->spread->objs[0];
    for (uint16_t i = 0; i < s->nitems && n < VL_MAX_ARGS; i++) items[n++] = s->items[i];
    if (n != s->nitems) return;
  } else if (a->npos == 1 && a->pos[0]->n == 1 && a->pos[0]->objs[0]->kind == VL_O_SEQ &&
             a->pos[0]->objs[0]->sub == VL_SEQ_DICT) { /* nn.Sequential(OrderedDict([...])) */
    const VlVal *v = a->pos[0]->objs[0]->site ? vl_heap_attr(F, a->pos[0]->objs[0]->site, VL_SEQ_MODULES) : NULL;
    if (v) vl_heap_set_attr(F, site, VL_SEQ_MODULES, v);
    return;
  } else {
    for (int i = 0; i < a->npos; i++) items[n++] = a->pos[i];
  }
  if (n) vl_heap_set_attr(F, site, VL_SEQ_MODULES, tuple_of(F, items, n));
}

/* OrderedDict([(k1, m1), (k2, m2), ...]) of a list or tuple of literal pairs: the values, in order,
 * kept under the dict's site for an nn.Sequential built from it (seq_set_modules). */
static void seq_ordered_values(Frame *F, const VlVal *d, const Args *a) {
  if (a->npos != 1 || a->nkw || a->star || a->dstar || d->n != 1 || !d->objs[0]->site) return;
  if (a->pos[0]->n != 1 || a->pos[0]->objs[0]->kind != VL_O_SEQ) return;
  const VlObj *pairs = a->pos[0]->objs[0];
  /* a tuple's items, or a list display's (given here: F->disp, interp.c: eval_display) */
  const VlVal *const *given = pairs->sub == VL_SEQ_TUPLE ? pairs->items : NULL;
  uint16_t ngiven = pairs->sub == VL_SEQ_TUPLE ? pairs->nitems : 0;
  if (pairs->sub == VL_SEQ_LIST && a->pos_expr[0] && F->disp == a->pos_expr[0]) given = F->disp_items, ngiven = F->ndisp;
  if (!given || !ngiven) return;
  const VlVal *items[VL_MAX_ARGS];
  uint16_t n = 0;
  for (uint16_t i = 0; i < ngiven; i++) {
    const VlVal *p = given[i];
    if (n >= VL_MAX_ARGS || p->n != 1 || p->objs[0]->kind != VL_O_SEQ || p->objs[0]->sub != VL_SEQ_TUPLE ||
        p->objs[0]->nitems != 2)
      return;
    items[n++] = p->objs[0]->items[1];
  }
  vl_heap_set_attr(F, d->objs[0]->site, VL_SEQ_MODULES, tuple_of(F, items, n));
}

/* A `tensors` class (TensorDataset(*tensors)) keeps the tensors given positionally as a tuple under
 * a heap attribute of the instance; given with keywords or spread, none (indexing it stays unknown). */
#define VL_KEPT_TENSORS "<tensors>"

static void tensors_set(Frame *F, const VlSite *site, const Args *a) {
  if (!site || !a->npos || a->nkw || a->star || a->dstar || a->npos > VL_MAX_ARGS) return;
  vl_heap_set_attr(F, site, VL_KEPT_TENSORS, tuple_of(F, a->pos, (uint16_t)a->npos));
}

/* The tuple of tensors instance o keeps, or NULL. */
static const VlObj *kept_tensors(Frame *F, const VlObj *o) {
  if (o->kind != VL_O_INST || !o->site) return NULL;
  const VlVal *v = vl_heap_attr(F, o->site, VL_KEPT_TENSORS);
  if (!v || v->n != 1 || v->objs[0]->kind != VL_O_SEQ || v->objs[0]->sub != VL_SEQ_TUPLE || !v->objs[0]->nitems) return NULL;
  return v->objs[0];
}

/* The tuple of modules instance o keeps, or NULL. */
static const VlObj *seq_modules(Frame *F, const VlObj *o) {
  if (o->kind != VL_O_INST || !o->site) return NULL;
  const VlVal *v = vl_heap_attr(F, o->site, VL_SEQ_MODULES);
  if (!v || v->n != 1 || v->objs[0]->kind != VL_O_SEQ || v->objs[0]->sub != VL_SEQ_TUPLE || !v->objs[0]->nitems) return NULL;
  return v->objs[0];
}

/* Calling the modules in order on one positional argument: what the last one returns.  Only for a
 * container holding a project module (a container of library layers alone stays any layer's new
 * tensor), and only when that is a known value (else NULL: the same). */
static const VlVal *seq_chain(Frame *F, const VlObj *mods, const Args *a, VlId expr) {
  if (!mods || a->npos != 1 || a->star || a->nkw || a->dstar) return NULL;
  bool project = false;
  for (uint16_t i = 0; i < mods->nitems && !project; i++)
    for (uint16_t k = 0; k < mods->items[i]->n && !project; k++)
      project = mods->items[i]->objs[k]->kind == VL_O_INST && mods->items[i]->objs[k]->base;
  if (!project || F->an->seq_depth >= 4) return NULL; /* (a container made at one site holding another) */
  F->an->seq_depth++;
  const VlVal *x = a->pos[0];
  for (uint16_t i = 0; i < mods->nitems; i++) {
    Args b = {0};
    b.npos = 1;
    b.pos[0] = x;
    b.call = a->call;
    x = vl_op_call(F, mods->items[i], &b, expr);
  }
  F->an->seq_depth--;
  return vl_val_unknownish(x) ? NULL : x;
}

static const VlObj *bound(Frame *F, const VlFuncInfo *fi, const VlObj *self) {
  VlObj o = {.kind = VL_O_FUNC, .mod = fi->mod, .func = fi->id, .base = self ? vl_val1(V(F), self) : NULL,
             .nd = vl_nd_unknown()};
  return vl_obj(V(F), o);
}

static bool holds_view(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind == VL_O_ARRAY && v->objs[i]->sub) return true;
  return false;
}

bool vl_op_set_property(Frame *F, const VlVal *obj, const char *name, const VlVal *v, VlId value_expr, VlId expr) {
  bool all = obj->n > 0;
  for (uint16_t i = 0; i < obj->n; i++) {
    const VlObj *o = obj->objs[i];
    const VlFuncInfo *setter = NULL;
    if (o->kind == VL_O_INST) {
      setter = vl_class_setter(F, inst_class(F, o), name, 0);
    } else if (o->kind == VL_O_SYM && o->elem) { /* self in a method: the instance its class hints */
      for (uint16_t k = 0; k < o->elem->n && !setter; k++)
        if (o->elem->objs[k]->kind == VL_O_INST) setter = vl_class_setter(F, inst_class(F, o->elem->objs[k]), name, 0);
    }
    if (!setter) {
      all = false;
      /* `log.latest = table[:, 3]` in a loop, on a parameter of no known class: which class (and
       * whether its property setter stores the view) the caller decides, as for a method call */
      bool hinted = false;
      for (uint16_t k = 0; o->kind == VL_O_SYM && o->elem && k < o->elem->n; k++) hinted |= o->elem->objs[k]->kind == VL_O_INST;
      if (o->kind == VL_O_SYM && !hinted && F->loop && holds_view(v)) note_param_call(F, o);
      continue;
    }
    Args a = {.pos = {v}, .pos_expr = {value_expr}, .npos = 1};
    vl_op_call(F, vl_val1(V(F), bound(F, setter, o)), &a, expr);
  }
  return all;
}

static const char *const array_int_attrs[] = {"ndim", "size", "itemsize", "nbytes"};
static const char *const array_scalar_attrs[] = {"dtype", "device", "requires_grad", "is_cuda", "flags",
                                                  "strides", "layout", "names", "grad_fn", "is_leaf"};

static const VlVal *apply_entry(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlVal *operand,
                                const Args *a, bool method, VlId expr);
/* A method of an array whose library is not known: its result's library is not known either. */
static const VlVal *apply_method(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlObj *recv, const Args *a,
                                 VlId expr);

static void attr_of_array(Frame *F, Acc *acc, const VlObj *o, const char *name, VlId expr) {
  if (strcmp(name, "shape") == 0) {
    /* (its nd: how many items the tuple has, the array's ndim: np.zeros(x.shape) has x's) */
    VlObj s = {.kind = VL_O_SHAPE, .nd = o->nd, .units = obj_units(o)};
    add(acc, vl_obj(V(F), s));
    return;
  }
  const VlLibrary *lib = library(F, o->lib);
  /* (a method of the library by that name wins: PyTorch's t.size(d) is a call, NumPy's a.size an int) */
  if (VL_STR_IN(array_int_attrs, name) && !vl_libtable_find(lib->table, VL_LIB_METHOD, name)) {
    VlObj n = {.kind = VL_O_INT, .flags = strcmp(name, "size") == 0 ? VL_F_LENGTH : 0, .nd = vl_nd_unknown()};
    add(acc, n.flags ? vl_obj(V(F), n) : prim_obj(F, VL_O_INT)); /* (a.size: a length, as len(a) is) */
    return;
  }
  if (VL_STR_IN(array_scalar_attrs, name)) {
    add(acc, prim_obj(F, VL_O_SCALAR));
    return;
  }
  const VlLibEntry *e = vl_libtable_find(lib->table, VL_LIB_ATTRIBUTE, name);
  if (e) {
    Args none = {0};
    add_val(acc, apply_entry(F, lib, e, vl_val1(V(F), o), &none, true, expr));
    return;
  }
  /* a method, bound to this array */
  add(acc, lib_obj_named(F, name, vl_val1(V(F), o), library(F, o->lib)->id));
}

static const VlVal *class_member(Frame *F, const VlClassInfo *k, const char *name, const VlObj *self, int depth);

static int exact_ndim(const VlVal *v);

static int64_t items_passed(Frame *F, VlId x, const VlVal *v);

/* How many items the argument a row `N/A=name@K` names has, when the call passes it as a list or tuple
 * display without a starred item (`t_eval=[t1]`, `odeint(f, y, [t, t + dt])`) or a tuple of known items
 * (`span = (t0, t1)`); 0 when not known or not passed. */
static int64_t result_len_arg(Frame *F, const VlLibResult *r, const Args *a) {
  VlId x = 0;
  const VlVal *v = NULL;
  for (int i = 0; i < a->nkw && !v; i++)
    if (strcmp(a->kwname[i], r->len_kw) == 0) x = a->kw_expr[i], v = a->kw[i];
  if (!v && r->len_pos && !a->star && r->len_pos <= a->npos) x = a->pos_expr[r->len_pos - 1], v = a->pos[r->len_pos - 1];
  return v ? items_passed(F, x, v) : 0;
}

/* How many items an argument (expression x, value v) has: a list or tuple display without a starred
 * item, or a tuple of known items; 0 when not known. */
static int64_t items_passed(Frame *F, VlId x, const VlVal *v) {
  const VlExpr *e = x ? vl_expr(M(F), x) : NULL;
  if (e && (e->op == VL_E_LIST || e->op == VL_E_TUPLE)) {
    for (uint32_t k = 0; k < e->nkids; k++)
      if (vl_expr(M(F), vl_kid(M(F), x, k))->op == VL_E_STAR) return 0;
    return e->nkids;
  }
  if (v->n == 1 && v->objs[0]->kind == VL_O_SEQ && v->objs[0]->sub == VL_SEQ_TUPLE) return v->objs[0]->nitems;
  return 0;
}

/* The shape of a described result of ndim nd whose axis r->len_axis has `len` entries (the others not
 * known), or NULL when len is 0 or the row has no such axis. */
static const VlShape *result_len_shape(Frame *F, const VlLibResult *r, int nd, int64_t len) {
  if (!r || !r->len_kw || len <= 0 || nd < 1 || nd > VL_SHAPE_MAX || r->len_axis >= nd) return NULL;
  VlShape sh = {.n = (uint8_t)nd};
  sh.dims[r->len_axis] = len;
  return vl_shape(V(F), sh);
}

/* A call of a function rules/results.tsv describes (SciPy's solvers: a result object whose attributes
 * are new arrays): its result object (an instance named by the function), or the new array itself;
 * NULL when the file has no row for it or a keyword changes what it returns.  An axis a row says is as
 * long as an argument (`y	2/1=t_eval`) gets the count the call passes: the result object keeps it
 * in `index` for its attributes (attr_of_inst). */
static const VlVal *lib_result_call(Frame *F, const char *q, const Args *a, VlId expr) {
  const VlKnowledge *know = F->an->know;
  if (!vl_knowledge_has_result(know, q) && !vl_knowledge_has_methods(know, q)) return NULL;
  for (size_t i = 0; i < know->nresults; i++) {
    const VlLibResult *r = &know->results[i];
    if (!r->unless || strcmp(r->fn, q) != 0) continue;
    const char *at = strchr(r->unless, '@'); /* k@N: the keyword k, or more than N positional arguments */
    size_t len = at ? (size_t)(at - r->unless) : strlen(r->unless);
    if (at && a->npos > atoi(at + 1)) return NULL;
    for (int k = 0; k < a->nkw; k++)
      if (strncmp(a->kwname[k], r->unless, len) == 0 && !a->kwname[k][len]) return NULL;
  }
  const VlLibResult *r = vl_knowledge_result(know, q, NULL);
  if (r && r->arg) { /* N@K: only of a known array argument K (spsolve's b), N-D when it is */
    const VlVal *b = !a->star && r->arg <= a->npos ? a->pos[r->arg - 1] : NULL;
    if (!b || !b->n || !vl_val_only(b, VL_O_ARRAY)) return NULL;
    return vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_NUMPY, exact_ndim(b) == r->nd ? vl_nd_exact(r->nd) : vl_nd_unknown(),
                        expr);
  }
  const VlLibResult *lr = vl_knowledge_result_len(know, q);
  int64_t len = lr ? result_len_arg(F, lr, a) : 0;
  if (r) {
    const VlVal *res = vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_NUMPY, vl_nd_exact(r->nd), expr);
    const VlShape *sh = r == lr ? result_len_shape(F, r, r->nd, len) : NULL;
    if (!sh) return res;
    VlObj c = *res->objs[0]; /* odeint(f, y, [t, t + dt]): two rows, `[-1]` shows half */
    c.shape = sh;
    return vl_val1(V(F), vl_obj(V(F), c));
  }
  if (vl_knowledge_result_item(know, q, 0)) { /* a tuple of new arrays (linear_sum_assignment's rows, cols) */
    const VlVal *items[8];
    uint16_t n = 0;
    for (const VlLibResult *it; n < 8 && (it = vl_knowledge_result_item(know, q, n)); n++)
      items[n] = !it->nd ? vl_prim(V(F), it->ints ? VL_O_INT : VL_O_SCALAR) /* cg's info: a Python int */
                         : vl_val1(V(F), array_obj(F, false, vl_new_site(F, expr, VL_HOW_PRODUCER), VL_LIBID_NUMPY,
                                                   vl_nd_exact(it->nd), it->ints ? VL_F_INTS : 0, expr));
    const VlVal *elem = &vl_empty_val;
    for (uint16_t i = 0; i < n; i++) elem = vl_join(V(F), elem, items[i]);
    VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .items = items, .nitems = n, .elem = elem, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), t));
  }
  VlObj inst = {.kind = VL_O_INST, .name = vl_arena_strdup(F->an->arena, q), .site = vl_new_site(F, expr, VL_HOW_OBJECT),
                .nd = vl_nd_unknown(), .index = len > 0 && len <= INT32_MAX ? (uint32_t)len : 0};
  /* calling it is described by the ndim of one of these arguments (x-N+@K: interp1d(x, y)'s y): its nd */
  char call[160];
  const VlLibResult *c = snprintf(call, sizeof call, "%s.__call__", q) < (int)sizeof call ? vl_knowledge_result(know, call, NULL) : NULL;
  if (c && c->ctor && !a->star && c->ctor <= a->npos && exact_ndim(a->pos[c->ctor - 1]) >= 0) {
    int k = exact_ndim(a->pos[c->ctor - 1]);
    /* -#P: less the items of argument P (RegularGridInterpolator(points, values): values' axes beyond
     * len(points), none or more); not described when that count is not known */
    int64_t less = c->ctor_len && c->ctor_len <= a->npos ? items_passed(F, a->pos_expr[c->ctor_len - 1], a->pos[c->ctor_len - 1]) : 0;
    if (!c->ctor_len) inst.nd = vl_nd_exact((uint8_t)k);
    else if (less > 0 && less <= k) inst.nd = vl_nd_exact((uint8_t)(k - less));
  }
  return vl_val1(V(F), vl_obj(V(F), inst));
}

static const VlVal *kwarg(const Args *a, const char *name);

/* The one ndim every object of v has, an array's exactly; -1 when not known or when they differ. */
static VlNdim val_nd(const VlVal *v);

static int exact_ndim(const VlVal *v) {
  if (!v || !v->n || !vl_val_only(v, VL_O_ARRAY)) return -1;
  VlNdim nd = val_nd(v);
  return nd.lo == nd.hi ? nd.lo : -1;
}

/* What a row of ndim `x-N` makes, the first argument being of ndim `xnd`: at 0 a Python int (`i`), a
 * list of them (`l`) or a float; above, a new array of that ndim (of integers with `i`); NULL when
 * the argument's ndim is not known (or below N). */
static const VlVal *by_arg_result(Frame *F, const VlLibResult *r, int xnd, VlId expr) {
  if (xnd < r->nd) return NULL;
  int nd = xnd - r->nd;
  if (nd > 0 && r->list) return NULL; /* an object array of lists: not described */
  if (nd > 0)
    return vl_val1(V(F), array_obj(F, false, vl_new_site(F, expr, VL_HOW_PRODUCER), VL_LIBID_NUMPY,
                                   vl_nd_exact((uint8_t)nd), r->ints ? VL_F_INTS : 0, expr));
  if (!r->list) return vl_prim(V(F), r->ints ? VL_O_INT : VL_O_SCALAR);
  const VlVal *list = vl_new_seq(F, VL_SEQ_LIST, expr);
  vl_heap_add_elem(F, list->objs[0]->site, vl_prim(V(F), VL_O_INT));
  return list;
}

/* inst.<name>(x, ...) of an instance o a call of rules/results.tsv made (`tree = cKDTree(pts)`), when
 * the file has rows of `<class>.<name>` whose ndim follows the first argument's (`x-N`): one point to
 * `tree.query(p)` gives (float, int), many points int64 arrays (an index array: a copy when indexing);
 * NULL when no row describes the call (a keyword of `unless` passed, the argument's ndim not known). */
static const VlVal *lib_result_method(Frame *F, const VlObj *o, const char *name, const Args *a, VlId expr) {
  const VlKnowledge *know = F->an->know;
  char q[160];
  if (!o->name || snprintf(q, sizeof q, "%s.%s", o->name, name) >= (int)sizeof q || !vl_knowledge_has_result(know, q))
    return NULL;
  for (size_t i = 0; i < know->nresults; i++) {
    const VlLibResult *r = &know->results[i];
    if (!r->unless || strcmp(r->fn, q) != 0) continue;
    const char *at = strchr(r->unless, '@'); /* k@1: the keyword k, or a second positional argument */
    size_t len = at ? (size_t)(at - r->unless) : strlen(r->unless);
    if (at && a->npos > atoi(at + 1)) return NULL;
    for (int k = 0; k < a->nkw; k++)
      if (strncmp(a->kwname[k], r->unless, len) == 0 && !a->kwname[k][len]) return NULL;
  }
  if (a->star || a->dstar || a->spread) return NULL;
  const VlVal *x = a->npos >= 1 ? a->pos[0] : kwarg(a, "x");
  int xnd = exact_ndim(x);
  const VlLibResult *r = vl_knowledge_result(know, q, NULL);
  /* `x-0` (shaped as x: splu(A).solve(b)) of an array whose ndim is not known, as a loop's carried
   * `b = usol + f` is on the loop's first pass: a new array all the same, of unknown ndim */
  if (xnd < 0 && r && r->by_arg && r->nd == 0 && !r->list && x && x->n && vl_val_only(x, VL_O_ARRAY))
    return vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_NUMPY, vl_nd_unknown(), expr);
  if (r && r->ctor) { /* x-N+@K: plus the ndim of the instance's argument K (interp1d(x, y)'s y); a new
                          array all the same (0-d of a number: measured), of unknown ndim when either is */
    if (!x || !x->n) return NULL;
    if (xnd < 0 || !vl_nd_known(o->nd) || (o->nd.lo < 1 && !r->ctor_len))
      return vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_NUMPY, vl_nd_unknown(), expr);
    if (r->floor && xnd - r->nd < r->floor) xnd = r->nd + r->floor; /* RegularGridInterpolator: one point, one row */
    xnd += o->nd.lo;
  }
  if (xnd < 0) return NULL;
  if (r) return r->by_arg ? by_arg_result(F, r, xnd, expr) : NULL;
  const VlVal *items[8];
  uint16_t n = 0;
  for (const VlLibResult *it; n < 8 && (it = vl_knowledge_result_item(know, q, n)); n++)
    if (!it->by_arg || !(items[n] = by_arg_result(F, it, xnd, expr))) return NULL;
  if (!n) return NULL;
  return tuple_of(F, items, n);
}

/* ---- scikit-learn estimators (rules/sklearn.tsv) ----
 * An estimator is an instance (model VL_INST_ESTIMATOR) named by its class, whose state (`index`) says
 * which conditional keyword of its class the constructor set, and to which literal (EST_*); a pipeline
 * is its last step's estimator with EST_PIPELINE set.
 *
 *   PCA(8), sklearn.decomposition.PCA(...)       an estimator of that class (a class of the table)
 *   StandardScaler(copy=False)                   an estimator of that condition; copy=<other>: unknown
 *   make_pipeline(a, b), Pipeline([..., ("b", b)]) a pipeline ending in b ('passthrough', unknown b: unknown)
 *   est.fit(x), est.partial_fit(x)               est itself
 *   est.<method>(x)                              the table's result: a new array of its ndim, x itself
 *                                                (input), or unknown (sparse, other, not in the table) */

/* The state of an estimator (VlObj.index): EST_PIPELINE, EST_TRUE, and above EST_ROW 1 + the row of
 * rules/sklearn.tsv (VlKnowledge.estimators) whose `when` keyword the constructor passed (0: none). */
enum { EST_PIPELINE = 1u << 0, EST_TRUE = 1u << 1 /* the keyword's literal is True */, EST_ROW = 2 };
static uint8_t data_units(Frame *F, VlId x, const VlVal *v, int axis);

/* The estimator one instance of value v is (NULL: not exactly one estimator). */
static const VlObj *est_obj(const VlVal *v) {
  return v && v->n == 1 && vl_inst_of(v->objs[0], VL_INST_ESTIMATOR) && v->objs[0]->name ? v->objs[0] : NULL;
}

static const VlVal *est_instance(Frame *F, const char *cls, uint32_t state, VlId expr) {
  VlObj inst = {.kind = VL_O_INST, .sub = VL_INST_ESTIMATOR, .index = state, .name = vl_arena_strdup(F->an->arena, cls),
                .site = vl_new_site(F, expr, VL_HOW_OBJECT), .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), inst));
}

/* The state of an estimator of class cls constructed with keyword `when` (NULL: none) set to `truth`. */
static uint32_t est_state(const VlKnowledge *know, const char *cls, const char *when, bool truth) {
  for (size_t i = 0; when && i < know->nestimators; i++) {
    const VlEstRow *r = &know->estimators[i];
    if (r->when && strcmp(r->when, when) == 0 && strcmp(r->cls, cls) == 0)
      return (uint32_t)(i + 1) << EST_ROW | (truth ? EST_TRUE : 0u);
  }
  return 0;
}

/* The last step of Pipeline(steps): the second item of the last (name, estimator) pair of a list or
 * tuple literal (a list's pair found by its expression, the literal's last). */
static const VlVal *pipeline_last(Frame *F, const Args *a) {
  const VlVal *steps = a->npos == 1 && !a->star ? a->pos[0] : NULL;
  for (int i = 0; i < a->nkw && !steps; i++)
    if (strcmp(a->kwname[i], "steps") == 0) steps = a->kw[i];
  if (!steps || steps->n != 1 || steps->objs[0]->kind != VL_O_SEQ) return NULL;
  const VlObj *s = steps->objs[0];
  const VlVal *pair = NULL;
  if (s->sub == VL_SEQ_TUPLE && s->nitems) {
    pair = s->items[s->nitems - 1];
  } else if (s->sub == VL_SEQ_LIST && s->site && s->site->kind == VL_SITE_NEW && s->site->mod == F->an->mi) {
    const VlModule *m = M(F);
    const VlExpr *lit = vl_expr(m, s->site->at);
    if (lit->op != VL_E_LIST || !lit->nkids) return NULL;
    VlId last = vl_kid(m, s->site->at, lit->nkids - 1);
    const VlVal *el = seq_elems(F, s);
    for (uint16_t i = 0; i < el->n; i++)
      if (el->objs[i]->kind == VL_O_SEQ && el->objs[i]->site && el->objs[i]->site->at == last)
        pair = vl_val1(V(F), el->objs[i]);
  }
  if (!pair || pair->n != 1 || pair->objs[0]->kind != VL_O_SEQ || pair->objs[0]->nitems != 2) return NULL;
  return pair->objs[0]->items[1];
}

/* ---- PIL images (rules/pil.tsv, generated by rules/generate/probe_pil.py) ----
 * An image is a library instance (VL_O_INST, model VL_INST_PIL) named "PIL.Image.Image", its mode in
 * `index`: 1 + the position of the mode's row in the table, 0 when not known.  np.array / np.asarray
 * of one is a new array (on a bytes object of its own), of the axes the table's `mode` rows give
 * ((H, W), or (H, W, C) and C); a mode not known (Image.open: the file's) or not in the table is
 * (H, W) or (H, W, C) with at most 4 channels (read as having channels: a 2-D image has no channel to
 * drop).
 *
 * Images are made by the table's `function` rows of result `image`, and by its `method` rows of an
 * image; their mode is the image's (`same`), the one passed (`arg`), or not known (`-`).  The table's
 * conversions to arrays give channels last (NumPy's) or first (torchvision's); anything else of an
 * image is unknown. */
static const char pil_image[] = "PIL.Image.Image";

/* Is o a PIL image? */
static bool pil_obj(const VlObj *o) { return vl_inst_of(o, VL_INST_PIL); }

static const VlVal *pil_new(Frame *F, uint32_t mode, VlId expr) {
  VlObj o = {.kind = VL_O_INST, .sub = VL_INST_PIL, .index = mode, .name = pil_image, .site = vl_new_site(F, expr, VL_HOW_OBJECT),
             .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), o));
}

/* The mode a literal string gives (Image.new("RGB", size), im.convert("L")): its row's id, else 0
 * (not known, or a literal the table does not list: Image.new and convert raise on most of those). */
static uint32_t pil_mode_arg(const Frame *F, const VlVal *v) {
  if (!v || v->n != 1 || v->objs[0]->kind != VL_O_STR || !v->objs[0]->name || !*v->objs[0]->name) return 0;
  const VlKnowledge *k = F->an->know;
  const VlCallRow *r = vl_knowledge_pil(k, "mode", v->objs[0]->name);
  return r ? (uint32_t)(r - k->pil) + 1 : 0;
}

/* The table's row for an image's mode (VlObj.index), NULL when not known. */
static const VlCallRow *pil_mode_row(const Frame *F, uint32_t mode) {
  const VlKnowledge *k = F->an->know;
  return mode && mode <= k->npil ? &k->pil[mode - 1] : NULL;
}

/* The mode of the image a row of result `image` makes: the image o's (`same`; not known without one),
 * the one passed first or as mode= (`arg`: Image.new(mode, size), im.convert(mode); convert() alone:
 * a mode Pillow picks), else 0 (not known). */
static uint32_t pil_result_mode(const Frame *F, const VlCallRow *r, const VlObj *o, const Args *a) {
  if (strcmp(r->detail, "same") == 0) return o ? o->index : 0;
  if (strcmp(r->detail, "arg") != 0) return 0;
  const VlVal *m = a->npos && !a->star ? a->pos[0] : NULL;
  for (int i = 0; i < a->nkw && !m; i++)
    if (strcmp(a->kwname[i], "mode") == 0) m = a->kw[i];
  return m ? pil_mode_arg(F, m) : 0;
}

static const VlVal *pil_arrays(Frame *F, const VlVal *v, bool first, bool strided, uint8_t lib, VlId expr);

/* A call of q that makes an image (Image.open(fp), Image.new(mode, size), Image.fromarray(a)), or
 * an array of an image outside NumPy (torchvision's to_tensor(im), a tensor); NULL for anything else
 * (NumPy's conversions are pil_array's, with their table entry). */
static const VlVal *pil_call(Frame *F, const char *q, const Args *a, VlId expr) {
  const VlCallRow *r = vl_knowledge_pil(F->an->know, "function", q);
  if (!r) return NULL;
  if (strcmp(r->result, "image") == 0) return pil_new(F, pil_result_mode(F, r, NULL, a), expr);
  if (strncmp(q, "numpy.", 6) == 0 || a->npos != 1 || a->star) return NULL;
  return pil_arrays(F, a->pos[0], strcmp(r->detail, "first") == 0, strcmp(r->result, "array-strided") == 0,
                    strncmp(q, "torchvision.", 12) == 0 ? VL_LIBID_TORCH : VL_LIBID_NUMPY, expr);
}

/* im.<name>(...) of an image o: a new image when the table has the method (convert gives the mode
 * passed, crop, resize, transpose... keep o's); anything else is unknown. */
static const VlVal *pil_method(Frame *F, const VlObj *o, const char *name, const Args *a, VlId expr) {
  const VlCallRow *r = vl_knowledge_pil(F->an->know, "method", name);
  if (r && strcmp(r->result, "image") == 0) return pil_new(F, pil_result_mode(F, r, o, a), expr);
  return vl_unknown(V(F));
}

/* The array made from an image of `mode` (VlObj.index: 0 when not known): channels last (np.asarray:
 * (H, W) or (H, W, C)), or first, always (torchvision's to_tensor and pil_to_tensor: (C, H, W), C 1
 * for a mode of 2 axes).  A new array made at expr, C-contiguous unless `strided`. */
static const VlObj *pil_image_array(Frame *F, uint32_t mode, bool first, bool strided, uint8_t lib, VlId expr) {
  const VlCallRow *m = pil_mode_row(F, mode);
  bool two = m && strcmp(m->result, "2") == 0;
  int channels = m && !two ? atoi(m->detail) : 0;
  if (two && first) channels = 1;
  VlShape sh = {.n = 3};
  VlNdim nd = vl_nd_exact(3);
  int c = first ? 0 : 2;
  if (two && !first) sh.n = 2, nd = vl_nd_exact(2);
  else if (channels) sh.dims[c] = channels;
  else sh.most[c] = 4; /* not known (or a mode not in the table): still at most 4 bands */
  if (!mode && !first) nd = (VlNdim){2, 3};
  VlObj r = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, VL_HOW_PRODUCER), .lib = lib, .nd = nd, .expr = expr,
             .shape = vl_shape(V(F), sh), .layout = strided ? 0 : fresh_layout(nd)};
  return vl_obj(V(F), r);
}

/* Every object of v an image: their arrays (channels `first` or last) as one value; else NULL. */
static const VlVal *pil_arrays(Frame *F, const VlVal *v, bool first, bool strided, uint8_t lib, VlId expr) {
  if (!v || !v->n) return NULL;
  Acc acc = {0};
  for (uint16_t i = 0; i < v->n; i++) {
    if (!pil_obj(v->objs[i])) return NULL;
    add(&acc, pil_image_array(F, v->objs[i]->index, first, strided, lib, expr));
  }
  return done(F, &acc);
}

/* np.array(im) / np.asarray(im) (the NumPy conversions of rules/pil.tsv) of images only: a new
 * array per the table's modes; NULL when the call is no such conversion. */
static const VlVal *pil_array(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const Args *a, VlId expr) {
  char q[128];
  if (lib->id != VL_LIBID_NUMPY || !e->name || a->star || a->npos < 1) return NULL;
  snprintf(q, sizeof q, "numpy.%s", e->name);
  const VlCallRow *r = vl_knowledge_pil(F->an->know, "function", q);
  if (!r || strcmp(r->result, "array") != 0 || strcmp(r->detail, "last") != 0) return NULL;
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "copy") == 0) return NULL; /* not measured: left to the table */
  return pil_arrays(F, a->pos[0], false, false, VL_LIBID_NUMPY, expr);
}

/* A call of q: an estimator, a pipeline, or NULL when q is neither a class of rules/sklearn.tsv nor a
 * pipeline maker; unknown when the call passes what the table does not describe. */
static const VlVal *sklearn_call(Frame *F, const char *q, const Args *a, VlId expr) {
  if (strncmp(q, "sklearn.", 8) != 0) return NULL;
  const VlKnowledge *know = F->an->know;
  if (strcmp(q, "sklearn.pipeline.make_pipeline") == 0 || strcmp(q, "sklearn.pipeline.Pipeline") == 0) {
    const VlVal *last = q[17] == 'm' ? (a->npos && !a->star ? a->pos[a->npos - 1] : NULL) : pipeline_last(F, a);
    const VlObj *e = est_obj(last);
    if (!e) return vl_unknown(V(F));
    return est_instance(F, e->name, e->index | EST_PIPELINE, expr);
  }
  int positional;
  if (!vl_knowledge_estimator_class(know, q, &positional)) return NULL;
  if (a->dstar || a->star || a->spread || (positional >= 0 && a->npos > positional)) return vl_unknown(V(F));
  const char *when = NULL;
  bool truth = false;
  for (int i = 0; i < a->nkw; i++) {
    if (!vl_knowledge_estimator_keyword(know, q, a->kwname[i])) continue;
    VlExprOp op = a->kw_expr[i] ? vl_expr(M(F), a->kw_expr[i])->op : VL_E_NAME;
    if (when || (op != VL_E_FALSE && op != VL_E_TRUE)) return vl_unknown(V(F)); /* two, or not a literal */
    when = a->kwname[i];
    truth = op == VL_E_TRUE;
    if (!vl_knowledge_estimator(know, q, when, truth, "fit_transform") &&
        !vl_knowledge_estimator(know, q, when, truth, "transform") && !vl_knowledge_estimator(know, q, when, truth, "predict"))
      return vl_unknown(V(F)); /* the default value written out: nothing measured under that name */
  }
  const VlEstRow *t = when ? NULL : vl_knowledge_estimator(know, q, NULL, false, "transform");
  if (t && t->kind == VL_EST_INPUT && (a->npos || a->nkw)) /* FunctionTransformer(func): not the input */
    return vl_unknown(V(F));
  return est_instance(F, q, est_state(know, q, when, truth), expr);
}

/* est.<name>(...) of an estimator or pipeline o (est_obj(o) != NULL). */
static const VlVal *sklearn_method(Frame *F, const VlObj *o, const char *name, const Args *a, VlId expr) {
  if (strcmp(name, "fit") == 0 || strcmp(name, "partial_fit") == 0) return vl_val1(V(F), o);
  const VlKnowledge *know = F->an->know;
  bool pipe = o->index & EST_PIPELINE;
  uint32_t row = o->index >> EST_ROW;
  const char *when = row && row <= know->nestimators ? know->estimators[row - 1].when : NULL;
  const VlEstRow *r = vl_knowledge_estimator(know, o->name, when, (o->index & EST_TRUE) != 0, name);
  const VlVal *x = a->npos >= 1 && !a->star ? a->pos[0] : NULL;
  VlId xe = x ? a->pos_expr[0] : 0;
  for (int i = 0; i < a->nkw && !x; i++)
    if (strcmp(a->kwname[i], "X") == 0) x = a->kw[i], xe = a->kw_expr[i];
  bool dense = x && x->n > 0;
  for (uint16_t i = 0; x && i < x->n; i++) dense = dense && x->objs[i]->kind == VL_O_ARRAY;
  if (!r) return vl_unknown(V(F));
  switch (r->kind) {
  case VL_EST_NEW_DENSE:
    if (pipe || !dense) return vl_unknown(V(F)); /* a sparse input (or an earlier step's) gives a sparse result */
    /* fall through */
  case VL_EST_NEW: {
    const VlVal *res = vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_NUMPY, r->nd >= 0 ? vl_nd_exact((uint8_t)r->nd) : vl_nd_unknown(), expr);
    /* one row per sample: a single-sample input ([coef], x[None]) gives one row, which res[0] shows whole */
    if (x && r->nd >= 1 && (data_units(F, xe, x, 0) & 1)) res = vl_val1(V(F), with_units(F, res->objs[0], 1));
    return res;
  }
  case VL_EST_INPUT: return !pipe && dense ? x : vl_unknown(V(F));
  default: return vl_unknown(V(F));
  }
}

static const VlSite *step_variant(Frame *F, const VlSite *s);
static const VlVal *new_iter(Frame *F, const VlVal *elem);
static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n);

/* ---- pandas (rules/pandas.tsv, generated by rules/generate/probe_pandas.py; docs/library-models.md) ----
 * A DataFrame or Series is an instance (model VL_INST_PANDAS, its kind a PdKind in `index`) named
 * "pandas.DataFrame" / "pandas.Series" (a frame or Series of unknown kind, from .iloc[...]:
 * "pandas.NDFrame") whose `elem` is its storage: the array that
 * `to_numpy()` and `.values` give.  For a frame of one dtype they are a view of its block, for a mixed
 * one a new copy at each call; the model never needs to know which.  Which calls do what is the
 * table's (`memory` new: a new storage; shares: the receiver's); what the engine makes of each:
 *
 *   pd.read_csv(f), read_parquet(f), ...      a new frame: its storage a new 2-D array made there (new
 *                                             per call either way: the block, or each call's copy)
 *   pd.read_csv(f, chunksize=n)               a reader whose chunks (for, get_chunk) are new frames
 *   pd.DataFrame(a), pd.Series(a)             an ndarray is shared: the storage is `a` itself
 *   pd.DataFrame({...}), pd.DataFrame([...])  a new frame (the columns are copied into one block)
 *   df.copy(), astype, dropna, fillna, drop,  a new frame, also when nothing changes (the
 *   sort_values, sample, df[[cols]],          storage is copied: never shared with df)
 *   pd.concat, groupby(k).get_group(v)
 *   df["c"], df[a:b], df.iloc[...], .loc,     a view of df's storage, taken as all of it (for a mixed
 *   head, tail                                frame a copy of the part): new per iteration when df is
 *   n.iloc[...] of n = pd.DataFrame(a) that   the storage indexed as NumPy does: a row, rows, part of a
 *   its function only reads (pd_one_block)    row are partial views of the one block; a list, a mask copy
 *   for k, g in df.groupby(c)                 each g a new frame whose storage is not known (the rows of
 *                                             one sorted copy of df for one dtype, a new copy per group
 *                                             for a mixed frame): g[[cols]], g.copy() are new
 *   df.to_numpy(), df.values, np.asarray(df)  the storage; to_numpy(copy=True), np.array(df): a new copy
 *   anything else                             unknown
 *
 * So a frame made once before a loop and converted inside it stays silent (a mixed frame's copy per
 * call is a miss, never a false alarm). */

/* The kinds of pandas objects (VlObj.index of a VL_INST_PANDAS instance), and their names. */
typedef enum PdKind { PD_FRAME = 1, PD_SERIES, PD_NDFRAME, PD_INDEXER, PD_GROUPBY, PD_READER } PdKind;
static const char *const pd_names[] = {NULL, "pandas.DataFrame", "pandas.Series", "pandas.NDFrame", "pandas.indexer",
                                       "pandas.GroupBy", "pandas.TextFileReader"};
/* A bit of VlObj.index beside the kind: a frame known to hold one block, which its function never
 * changes (pd_one_block), and that frame's .iloc indexer: a row or a slice of it is a view of part of
 * the block (pandas_getitem), where a row of a frame of several blocks is a new copy. */
enum { PD_KIND_MASK = 0xf, PD_ONE_BLOCK = 0x10 };

static bool pd_obj(const VlObj *o) { return vl_inst_of(o, VL_INST_PANDAS); }

static PdKind pd_kind(const VlObj *o) { return (PdKind)(o->index & PD_KIND_MASK); }

static bool pd_is(const VlObj *o, PdKind kind) { return pd_obj(o) && pd_kind(o) == kind; }

/* A frame, Series or frame of unknown kind (not an indexer, a groupby or a reader)? */
static bool pd_data(const VlObj *o) { return pd_is(o, PD_FRAME) || pd_is(o, PD_SERIES) || pd_is(o, PD_NDFRAME); }

/* The ndim of what to_numpy() of a pandas object of this kind gives. */
static VlNdim pd_nd(PdKind kind) {
  if (kind == PD_FRAME) return vl_nd_exact(2);
  if (kind == PD_SERIES) return vl_nd_exact(1);
  return (VlNdim){1, 2};
}

/* (kind: a PdKind, with PD_ONE_BLOCK for a frame of one block and its .iloc) */
static const VlObj *pd_inst(Frame *F, uint32_t kind, const VlSite *site, const VlVal *storage) {
  VlObj o = {.kind = VL_O_INST, .sub = VL_INST_PANDAS, .index = kind, .name = pd_names[kind & PD_KIND_MASK], .site = site, .elem = storage,
             .nd = vl_nd_unknown()};
  return vl_obj(V(F), o);
}

/* A new frame made at expr (once per step of an iterator when `step`): its storage a new array. */
static const VlVal *pd_fresh(Frame *F, PdKind kind, VlId expr, bool step) {
  const VlSite *s = vl_new_site(F, expr, VL_HOW_PRODUCER), *o = vl_new_site(F, expr, VL_HOW_OBJECT);
  if (step) s = step_variant(F, s), o = step_variant(F, o);
  /* (to_numpy() of a frame is the transpose of its (columns, rows) block, or a copy made so: F-contiguous) */
  VlObj arr = {.kind = VL_O_ARRAY, .site = s, .lib = VL_LIBID_NUMPY, .nd = pd_nd(kind),
               .layout = pd_nd(kind).hi <= 1 ? (uint8_t)(VL_L_C | VL_L_F) : (uint8_t)VL_L_F, .expr = expr};
  return vl_val1(V(F), pd_inst(F, kind, o, vl_val1(V(F), vl_obj(V(F), arr))));
}

/* The storage of o seen as a pandas object of `kind`: the same memory, all of it as far as known (a
 * column or a slice of a frame of one dtype is part of it: taken as all, so keeping it whole is
 * silent, and a part of it is still a part); unknown when o's storage is. */
static const VlVal *pd_view(Frame *F, const VlObj *o, PdKind kind) {
  if (!o->elem || vl_val_empty(o->elem) || vl_val_unknownish(o->elem)) return vl_unknown(V(F));
  VlNdim nd = pd_nd(kind);
  Acc acc = {0};
  for (uint16_t i = 0; i < o->elem->n; i++) {
    const VlObj *s = o->elem->objs[i];
    if (s->kind != VL_O_ARRAY) {
      add(&acc, unknown_obj(F));
      continue;
    }
    if (s->nd.lo == nd.lo && s->nd.hi == nd.hi) {
      add(&acc, s);
      continue;
    }
    VlObj v = *s;
    v.sub = 1;
    v.flags = (uint8_t)(s->sub ? s->flags & VL_F_PARTIAL : 0);
    v.nd = nd;
    v.layout = 0;
    v.units = 0;
    add(&acc, vl_obj(V(F), v));
  }
  return done(F, &acc);
}

/* The same memory as o, as another pandas object (df["c"], df.iloc[...], df.head()). */
static const VlVal *pd_derived(Frame *F, const VlObj *o, PdKind kind, VlId expr) {
  return vl_val1(V(F), pd_inst(F, kind, vl_new_site(F, expr, VL_HOW_OBJECT), pd_view(F, o, kind)));
}

static const VlVal *pd_kw(const Args *a, const char *name, VlId *expr) {
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], name) == 0) {
      if (expr) *expr = a->kw_expr[i];
      return a->kw[i];
    }
  return NULL;
}

/* Is keyword `name` passed as the literal True (1) or False (0)?  -1: passed otherwise; -2: absent. */
static int pd_kw_bool(Frame *F, const Args *a, const char *name) {
  VlId e = 0;
  if (!pd_kw(a, name, &e)) return -2;
  VlExprOp op = e ? vl_expr(M(F), e)->op : VL_E_NAME;
  return op == VL_E_TRUE ? 1 : op == VL_E_FALSE ? 0 : -1;
}

/* The row of rules/pandas.tsv for `name` on pandas object o (a frame or Series: its `frame` rows,
 * and `DataFrame` rows unless it is a Series; an indexer, a GroupBy, a reader: theirs), or NULL. */
static const VlCallRow *pd_row(Frame *F, const VlObj *o, const char *name) {
  const VlKnowledge *k = F->an->know;
  if (pd_is(o, PD_INDEXER)) return vl_knowledge_pandas(k, "indexer", name);
  if (pd_is(o, PD_GROUPBY)) return vl_knowledge_pandas(k, "groupby", name);
  if (pd_is(o, PD_READER)) return vl_knowledge_pandas(k, "reader", name);
  const VlCallRow *r = vl_knowledge_pandas(k, "frame", name);
  return r || pd_is(o, PD_SERIES) ? r : vl_knowledge_pandas(k, "DataFrame", name);
}

/* The kind a table's result names ("DataFrame", "GroupBy", ...: pd_names without "pandas."), 0 for
 * any other result (ndarray, same, self, -). */
static PdKind pd_kind_named(const char *result) {
  for (int k = PD_FRAME; k <= PD_READER; k++)
    if (strcmp(pd_names[k] + 7, result) == 0) return (PdKind)k;
  return 0;
}

/* The kind of what row r gives for o: the row's, or o's own ("same"). */
static PdKind pd_result(const VlObj *o, const VlCallRow *r) {
  return strcmp(r->result, "same") == 0 ? pd_kind(o) : pd_kind_named(r->result);
}

static bool pd_frame_result(PdKind kind) { return kind == PD_FRAME || kind == PD_SERIES || kind == PD_NDFRAME; }

/* What a subscript, a method or attribute of row r on o gives when it is a frame: a view of o's
 * storage (shares) or a new one (new); NULL for any other row. */
static const VlVal *pd_apply(Frame *F, const VlObj *o, const VlCallRow *r, VlId expr) {
  PdKind kind = r ? pd_result(o, r) : 0;
  if (!pd_frame_result(kind)) return NULL;
  if (strcmp(r->detail, "shares") == 0) return pd_derived(F, o, kind, expr);
  if (strcmp(r->detail, "new") == 0) return pd_fresh(F, kind, expr, false);
  return NULL;
}

/* Is the frame that call `expr` (pd.DataFrame(a) of an ndarray: one block) makes bound by `n = <expr>`
 * to a local n of a function that reads it only as `n.iloc[...]`, `n.values` or `n.to_numpy(...)`,
 * outside any assignment's or del's target, and binds it only by plain assignments?  Then it keeps its
 * one block wherever it is read: nothing adds, replaces or removes a column (`n["y"] = v` adds a block,
 * after which a row is a copy), and it reaches no other code that could (passed, returned, stored,
 * captured otherwise).  Read from the source alone, so it holds on every path. */
/* The statements of ix (vl_by_start's, n of them) starting last at or before byte `at`: one that
 * encloses an expression starting there is one of them (no statement starts inside a simple one).
 * Their range is [*lo, return). */
static uint32_t last_stmts_at(const VlModule *m, const uint64_t *ix, uint32_t n, uint32_t at, uint32_t *lo) {
  uint32_t hi = vl_first_at(ix, n, at + 1), l = hi;
  uint32_t start = hi ? m->stmts[(VlId)ix[hi - 1]].start : 0;
  while (l > 0 && m->stmts[(VlId)ix[l - 1]].start == start) l--;
  *lo = l;
  return hi;
}

static bool pd_one_block(Frame *F, VlId expr) {
  const VlModule *m = M(F);
  uint32_t nst, nex, lo;
  const uint64_t *stmts = vl_by_start(F->an, true, &nst);
  VlId target = 0;
  const VlExpr *call = vl_expr(m, expr);
  for (uint32_t j = last_stmts_at(m, stmts, nst, call->start, &lo); lo < j && !target; lo++) {
    const VlStmt *st = &m->stmts[(VlId)stmts[lo]];
    if (st->kind == VL_S_ASSIGN && st->a == expr) target = st->n == 1 ? m->kids[st->b] : 0;
  }
  const VlExpr *t = target ? vl_expr(m, target) : NULL;
  if (!t || t->op != VL_E_NAME || t->sym.kind != VL_SYM_LOCAL || t->sym.owner <= 1 ||
      vl_func(m, t->sym.owner)->kind != VL_FN_DEF)
    return false;
  const VlFunc *fn = vl_func(m, t->sym.owner);
#define PD_SAME_NAME(x) ((x)->op == VL_E_NAME && (x)->sym.owner == t->sym.owner && (x)->sym.slot == t->sym.slot && \
                         ((x)->sym.kind == VL_SYM_LOCAL || (x)->sym.kind == VL_SYM_CELL))
  uint32_t uses = 0, fine = 0;
  /* its bindings: plain assignments (the function's statements are those starting within it) */
  for (uint32_t j = vl_first_at(stmts, nst, fn->start), end = vl_first_at(stmts, nst, fn->end); j < end; j++) {
    const VlStmt *st = &m->stmts[(VlId)stmts[j]];
    if (st->kind != VL_S_ASSIGN) continue;
    for (uint32_t k = 0; k < st->n; k++) fine += PD_SAME_NAME(vl_expr(m, m->kids[st->b + k]));
  }
  const uint64_t *exprs = vl_by_start(F->an, false, &nex);
  for (uint32_t i = vl_first_at(exprs, nex, fn->start), end = vl_first_at(exprs, nex, fn->end); i < end; i++) {
    VlId e = (VlId)exprs[i];
    const VlExpr *x = vl_expr(m, e);
    if (PD_SAME_NAME(x)) uses++;
    /* n.values, n.to_numpy; n.iloc only indexed (`f(n.iloc)` hands the indexer on) */
    VlId on = x->op == VL_E_SUB && x->nkids >= 2 ? vl_kid(m, e, 0) : e;
    const VlExpr *ox = vl_expr(m, on);
    if (ox->op != VL_E_ATTR || !ox->nkids || !PD_SAME_NAME(vl_expr(m, vl_kid(m, on, 0)))) continue;
    const char *attr = vl_str(m, ox->a);
    if (on != e ? strcmp(attr, "iloc") != 0 : strcmp(attr, "values") != 0 && strcmp(attr, "to_numpy") != 0) continue;
    bool stored = false; /* within a target: `n.iloc[0] = v`, `del n.iloc[0]` (simple statements: the
                            one enclosing x starts last at or before it) */
    for (uint32_t j = last_stmts_at(m, stmts, nst, x->start, &lo); lo < j && !stored; lo++) {
      const VlStmt *st = &m->stmts[(VlId)stmts[lo]];
      if (st->end < x->end) continue;
      uint32_t first = st->kind == VL_S_ASSIGN || st->kind == VL_S_DEL ? st->b : 0, n = first ? st->n : 0;
      for (uint32_t k = 0; k < n && !stored; k++) {
        const VlExpr *tx = vl_expr(m, m->kids[first + k]);
        stored = tx->start <= x->start && x->end <= tx->end;
      }
      if (st->kind == VL_S_AUGASSIGN) {
        const VlExpr *tx = vl_expr(m, st->a);
        stored = tx->start <= x->start && x->end <= tx->end;
      }
    }
    fine += !stored;
  }
#undef PD_SAME_NAME
  return uses == fine;
}

/* pandas.<fn>(...): a pandas object, or NULL when fn is not modelled (then as any other library). */
static const VlVal *pandas_call(Frame *F, const char *q, Args *a, VlId expr) {
  if (strncmp(q, "pandas.", 7) != 0) return NULL;
  const char *fn = q + 7;
  const VlCallRow *row = vl_knowledge_pandas(F->an->know, "pandas", fn);
  if (!row) return NULL;
  bool fresh = strcmp(row->detail, "new") == 0;
  if (fresh && strcmp(row->result, "DataFrame") == 0) { /* a reader */
    /* a dict of sheets, a Series (squeeze): not described */
    if (a->dstar || pd_kw(a, "sheet_name", NULL) || pd_kw(a, "squeeze", NULL)) return vl_unknown(V(F));
    if (pd_kw(a, "chunksize", NULL) || pd_kw(a, "iterator", NULL)) /* a reader of chunks, new frames */
      return vl_val1(V(F), pd_inst(F, PD_READER, vl_new_site(F, expr, VL_HOW_OBJECT), NULL));
    return pd_fresh(F, PD_FRAME, expr, false);
  }
  /* pd.concat: the kind of its operands, a list whose items are not followed */
  if (fresh && strcmp(row->result, "same") == 0)
    return pd_kw(a, "copy", NULL) || a->dstar ? vl_unknown(V(F)) : pd_fresh(F, PD_NDFRAME, expr, false);
  /* pd.DataFrame(a), pd.Series(a): a constructor sharing an ndarray it is given */
  PdKind kind = pd_kind_named(row->result);
  if (strcmp(row->detail, "shares") != 0 || (kind != PD_FRAME && kind != PD_SERIES)) return NULL;
  const VlVal *data = a->npos >= 1 ? a->pos[0] : pd_kw(a, "data", NULL);
  int copy = pd_kw_bool(F, a, "copy");
  if (a->star || a->dstar || pd_kw(a, "dtype", NULL) || copy == -1 || (data && a->npos >= 1 && pd_kw(a, "data", NULL)))
    return vl_unknown(V(F));
  if (!data || copy == 1) return pd_fresh(F, kind, expr, false);
  bool arrays = data->n > 0, frames = data->n > 0, seqs = data->n > 0;
  for (uint16_t i = 0; i < data->n; i++) {
    arrays = arrays && data->objs[i]->kind == VL_O_ARRAY;
    frames = frames && pd_obj(data->objs[i]);
    seqs = seqs && data->objs[i]->kind == VL_O_SEQ;
  }
  if (seqs) return pd_fresh(F, kind, expr, false); /* a dict of columns, a list of rows: copied */
  if (arrays) { /* an ndarray is shared (of one dtype, never copied without copy=True) */
    VlObj o = {.kind = VL_O_INST, .elem = data};
    const VlVal *r = pd_derived(F, &o, kind, expr);
    bool plain = kind == PD_FRAME && !a->star && !a->dstar;
    for (uint16_t i = 0; plain && i < data->n; i++) /* (a structured array's fields become columns: copied) */
      plain = data->objs[i]->lib == VL_LIBID_NUMPY && !(data->objs[i]->layout & VL_L_RECORDS);
    if (plain && r->n == 1 && pd_one_block(F, expr)) {
      VlObj one = *r->objs[0];
      one.index |= PD_ONE_BLOCK;
      return vl_val1(V(F), vl_obj(V(F), one));
    }
    return r;
  }
  if (frames && !a->nkw && a->npos == 1 && data->n == 1) return pd_derived(F, data->objs[0], kind, expr);
  return vl_unknown(V(F));
}

/* o.<name> of a pandas object: its storage (.values), an indexer (.iloc, .loc), else a method. */
static const VlVal *pandas_attr(Frame *F, const VlObj *o, const char *name) {
  char attr[128];
  snprintf(attr, sizeof attr, ".%s", name);
  const VlCallRow *r = pd_row(F, o, attr);
  if (r && strcmp(r->result, "ndarray") == 0 && strcmp(r->detail, "shares") == 0)
    return pd_view(F, o, pd_kind(o));
  if (r && strcmp(r->result, "indexer") == 0) /* (one block: what .iloc of it shows, pandas_getitem) */
    return vl_val1(V(F), pd_inst(F, PD_INDEXER | (o->index & PD_ONE_BLOCK), o->site, o->elem));
  return vl_val1(V(F), lib_obj_named(F, name, vl_val1(V(F), o), 0)); /* a method */
}

/* o[...] of a pandas object: the table's row for the key ("[key]" of an indexer: df.iloc[...], a
 * frame, Series or scalar; "[list]", "[column]", "[slice]" of a frame). */
static const VlVal *pandas_getitem(Frame *F, const VlObj *o, const Index *ix, const VlVal *const *items, VlId expr) {
  const VlModule *m = M(F);
  const VlExpr *on = pd_is(o, PD_INDEXER) && (o->index & PD_ONE_BLOCK) && vl_expr(m, expr)->op == VL_E_SUB
                         ? vl_expr(m, vl_kid(m, expr, 0))
                         : NULL;
  if (on && on->op == VL_E_ATTR && strcmp(vl_str(m, on->a), "iloc") == 0) {
    /* .iloc of a frame of one block (pd_one_block): its storage indexed as NumPy indexes it (a row
     * or a slice of rows: a view of part of the block; a list or a mask: a copy; one cell: a scalar) */
    const VlVal *part = vl_op_subscript(F, o->elem, ix, items, expr);
    bool arrays = part->n > 0;
    for (uint16_t i = 0; i < part->n; i++) arrays = arrays && part->objs[i]->kind == VL_O_ARRAY;
    if (!arrays) return vl_unknown(V(F));
    VlNdim nd = part->objs[0]->nd;
    for (uint16_t i = 1; i < part->n; i++) {
      if (part->objs[i]->nd.lo < nd.lo) nd.lo = part->objs[i]->nd.lo;
      if (part->objs[i]->nd.hi > nd.hi) nd.hi = part->objs[i]->nd.hi;
    }
    PdKind kind = nd.lo == 1 && nd.hi == 1 ? PD_SERIES : nd.lo == 2 && nd.hi == 2 ? PD_FRAME : PD_NDFRAME;
    return vl_val1(V(F), pd_inst(F, kind, vl_new_site(F, expr, VL_HOW_OBJECT), part));
  }
  const VlVal *k = ix->n == 1 && items ? items[0] : NULL;
  const char *key = pd_is(o, PD_INDEXER) ? "[key]"
                    : k && k->n == 1 && k->objs[0]->kind == VL_O_SEQ && k->objs[0]->sub == VL_SEQ_LIST ? "[list]"
                    : ix->n == 1 && ix->kind[0] == IX_STR                                              ? "[column]"
                    : ix->n == 1 && ix->kind[0] == IX_SLICE                                            ? "[slice]"
                                                                                                       : NULL;
  const VlVal *r = key ? pd_apply(F, o, pd_row(F, o, key), expr) : NULL;
  return r ? r : vl_unknown(V(F));
}

/* o.<name>(...) of a pandas object. */
static const VlVal *pandas_method(Frame *F, const VlObj *o, const char *name, const Args *a, VlId expr) {
  PdKind kind = pd_kind(o);
  const VlCallRow *r = pd_is(o, PD_INDEXER) ? NULL : pd_row(F, o, name);
  if (!r) return vl_unknown(V(F));
  bool iter = strcmp(name, "__iter__") == 0;
  PdKind rk = pd_kind_named(r->result);
  if (pd_is(o, PD_GROUPBY)) {
    if (iter && strcmp(r->detail, "parts") == 0 && pd_frame_result(rk)) { /* (key, group) pairs, a new group frame at each step */
      const VlVal *items[2] = {vl_unknown(V(F)),
                               vl_val1(V(F), pd_inst(F, rk, step_variant(F, vl_new_site(F, expr, VL_HOW_OBJECT)), NULL))};
      return new_iter(F, tuple_of(F, items, 2));
    }
    return !iter && strcmp(r->detail, "new") == 0 && pd_frame_result(rk) ? pd_fresh(F, rk, expr, false) : vl_unknown(V(F));
  }
  if (pd_is(o, PD_READER)) {
    if (strcmp(r->result, "self") == 0) return vl_val1(V(F), o);
    if (strcmp(r->detail, "new") == 0 && pd_frame_result(rk)) /* a new chunk at each step, or call */
      return iter ? new_iter(F, pd_fresh(F, rk, expr, true)) : pd_fresh(F, rk, expr, false);
    return vl_unknown(V(F));
  }
  if (a->star || a->dstar) return vl_unknown(V(F));
  if (strcmp(r->result, "ndarray") == 0 && strcmp(r->detail, "shares") == 0) { /* to_numpy */
    int copy = pd_kw_bool(F, a, "copy");
    if (a->npos || pd_kw(a, "dtype", NULL) || pd_kw(a, "na_value", NULL) || copy == -1) return vl_unknown(V(F));
    if (copy == 1) return vl_new_array(F, VL_HOW_COPY, VL_LIBID_NUMPY, pd_nd(kind), expr);
    return pd_view(F, o, kind);
  }
  if (rk == PD_GROUPBY)
    return vl_val1(V(F), pd_inst(F, PD_GROUPBY, vl_new_site(F, expr, VL_HOW_OBJECT), NULL));
  if (strcmp(r->detail, "new") == 0) { /* copy, astype, dropna, ...: unless in place, or told not to copy */
    if (pd_kw(a, "inplace", NULL) || pd_kw(a, "copy", NULL)) return vl_unknown(V(F));
    if (strcmp(name, "copy") == 0 && (a->npos || pd_kw_bool(F, a, "deep") == 0 || pd_kw_bool(F, a, "deep") == -1))
      return vl_unknown(V(F)); /* copy(deep=False) shares the storage */
  }
  const VlVal *res = pd_apply(F, o, r, expr); /* head, tail: the same storage */
  return res ? res : vl_unknown(V(F));
}

/* The arguments of a NumPy or PyTorch call with each pandas object replaced by its storage:
 * np.asarray(df) is df.to_numpy(), np.array(df) a copy of it. */
static void pandas_args(Frame *F, Args *a) {
  for (int i = 0; i < a->npos + a->nkw; i++) {
    const VlVal **slot = i < a->npos ? &a->pos[i] : &a->kw[i - a->npos];
    const VlVal *v = *slot;
    bool any = false;
    for (uint16_t k = 0; v && k < v->n; k++) any = any || pd_obj(v->objs[k]);
    if (!any) continue;
    Acc acc = {0};
    for (uint16_t k = 0; k < v->n; k++) {
      const VlObj *o = v->objs[k];
      if (pd_data(o)) add_val(&acc, pd_view(F, o, pd_kind(o)));
      else if (pd_obj(o)) add(&acc, unknown_obj(F));
      else add(&acc, o);
    }
    *slot = done(F, &acc);
  }
}

/* @functools.singledispatchmethod, the methods' form of interp.c: dispatch_register: a method so
 * decorated may run instead any method of its class decorated only with `@<name>.register` or
 * `@<name>.register(T)`; those are added to acc, bound to the same self. */
static void dispatch_overloads(Frame *F, Acc *acc, const VlFuncInfo *fi, const VlObj *self) {
  if (fi->mod != F->an->mi || !fi->klass || (fi->flags & (VL_FN_STATICMETHOD | VL_FN_CLASSMETHOD))) return;
  const VlModule *m = F->an->m;
  const VlFunc *fn = vl_func(m, fi->id);
  bool base = false;
  for (uint16_t d = 0; d < fn->ndecorators && !base; d++) {
    const char *t = vl_expr_text(F->an, m->kids[fn->decorators + d]);
    base = t && (strcmp(t, "singledispatchmethod") == 0 || vl_dotted_ends(t, "functools.singledispatchmethod"));
  }
  const VlClassInfo *k = base ? vl_an_class(F->an, fi->klass) : NULL;
  for (uint16_t j = 0; k && j < k->nmethods; j++) {
    const VlFunc *o = vl_func(m, k->methods[j]);
    if (o->ndecorators != 1) continue;
    VlId dx = m->kids[o->decorators];
    VlId e = vl_expr(m, dx)->op == VL_E_CALL ? vl_kid(m, dx, 0) : dx;
    if (vl_expr(m, e)->op != VL_E_ATTR || strcmp(vl_str(m, vl_expr(m, e)->a), "register") != 0) continue;
    const VlExpr *on = vl_expr(m, vl_kid(m, e, 0));
    if (on->op != VL_E_NAME || strcmp(vl_str(m, on->a), fi->name) != 0) continue;
    const VlFuncInfo *ov = vl_an_func(F->an, k->methods[j]);
    if (ov) add(acc, bound(F, ov, self));
  }
}

/* Does project class k derive, through project classes, from the library class `lib` (its dotted
 * name: "threading.Thread")? */
static bool derives_lib(Frame *F, const VlClassInfo *k, const char *lib, int depth) {
  for (uint16_t b = 0; k && depth <= 8 && k->bases && b < k->bases->n; b++) {
    const VlObj *o = k->bases->objs[b];
    if (o->kind == VL_O_LIB && o->name && !o->base && strcmp(o->name, lib) == 0) return true;
    if (o->kind != VL_O_CLASS) continue;
    const VlClassInfo *bk = o->mod == F->an->mi ? vl_an_class(F->an, o->func)
                            : o->func < o->mod->nclasses ? &o->mod->classes[o->func] : NULL;
    if (derives_lib(F, bk, lib, depth + 1)) return true;
  }
  return false;
}

/* t.start() of a threading.Thread subclass that overrides run(): the thread runs self.run() (a
 * decoder thread's loop appending into a list its maker passed to __init__; a prefetching
 * BackgroundGenerator whose __init__ calls self.start() and whose run() fills its queue).  The run
 * method when `name` is "start" of such a class k, else NULL. */
static const VlFuncInfo *thread_run(Frame *F, const VlClassInfo *k, const char *name) {
  if (strcmp(name, "start") != 0 || !derives_lib(F, k, "threading.Thread", 0)) return NULL;
  const VlFuncInfo *run = vl_class_method(F, k, "run", 0);
  return run && !(run->flags & (VL_FN_PROPERTY | VL_FN_STATICMETHOD)) ? run : NULL;
}

/* ---- nn.Module.modules(), named_modules(), children(), named_children() ----
 * What iterating them gives, as far as the instances are known: the module itself (modules(),
 * named_modules()), then the modules its attributes hold (children() stops there), and, recursively,
 * theirs; an attribute holding a list (nn.ModuleList) or an nn.Sequential gives its modules.  The
 * named forms give (name, module) pairs.  Only known module instances are given: a loop over them is a
 * loop over known instances, as `for layer in self.layers` is.  Depth and count are bounded. */
static bool module_inst(Frame *F, const VlObj *o) {
  if (o->kind != VL_O_INST) return false;
  const VlClassInfo *k = inst_class(F, o);
  if (k) return k->model_lib != 0;
  const char *member;
  const VlLibrary *lib = o->name ? vl_knowledge_library(F->an->know, o->name, &member) : NULL;
  if (!lib || !lib->model) return false;
  const char *dot = strrchr(lib->model, '.');
  return dot && strncmp(o->name, lib->model, (size_t)(dot - lib->model) + 1) == 0;
}

static void submodules(Frame *F, const VlVal *v, const VlVal **out, int depth, bool recurse);

static void submodules_of(Frame *F, const VlObj *o, const VlVal **out, int depth, bool recurse) {
  if (!o->site || depth > 4) return;
  const VlHeapEntry *e = vl_heap_find(F, o->site);
  const VlObj *seq = seq_modules(F, o);
  if (seq) submodules(F, seq->elem, out, depth, recurse);
  if (!e) return;
  uint16_t na = e->nattrs < 32 ? e->nattrs : 32;
  for (uint16_t i = 0; i < na; i++)
    if (e->attrs[i].name[0] != '<' && e->attrs[i].name[0] != VL_DICT_KEY_MARK) submodules(F, e->attrs[i].val, out, depth, recurse);
}

static void submodules(Frame *F, const VlVal *v, const VlVal **out, int depth, bool recurse) {
  if (depth > 4) return; /* (a list may hold itself) */
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_LIST) { /* nn.ModuleList(...): a list of modules */
      submodules(F, o->elem, out, depth + 1, recurse);
      if (o->site) {
        const VlHeapEntry *e = vl_heap_find(F, o->site);
        if (e) submodules(F, e->elem, out, depth + 1, recurse);
      }
      continue;
    }
    bool seen = false;
    for (uint16_t j = 0; j < (*out)->n && !seen; j++) seen = (*out)->objs[j] == o;
    if (seen || !module_inst(F, o) || (*out)->n >= VL_VAL_MAX) continue;
    *out = vl_join(V(F), *out, vl_val1(V(F), o));
    if (recurse) submodules_of(F, o, out, depth + 1, recurse);
  }
}

static const char *const module_walks[] = {"modules", "named_modules", "children", "named_children"};

/* model.modules() and the like, bound: calling it gives an iterator over the modules */
static const VlObj *module_walk(Frame *F, const VlLibrary *lib, const VlObj *o, const char *name) {
  bool whole = strstr(name, "modules") != NULL;
  const VlVal *mods = whole ? vl_val1(V(F), o) : &vl_empty_val;
  submodules_of(F, o, &mods, 0, whole);
  if (strncmp(name, "named_", 6) == 0) {
    const VlVal **pair = vl_arena_alloc(F->an->arena, 2 * sizeof *pair);
    pair[0] = vl_prim(V(F), VL_O_STR);
    pair[1] = mods;
    mods = tuple_of(F, pair, 2);
  }
  VlObj walk = *lib_obj(F, lib->model, new_iter(F, mods), lib->id);
  walk.sub = VL_LIB_GIVES_BASE;
  return vl_obj(V(F), walk);
}

/* Method m of class k (found for `obj.<name>`) bound to self: the method itself, or, for a method
 * under a decorator (its module's, or one imported from another module of the project) that returns
 * a function it defines, that wrapper (interp.c:
 * wrap_methods made it the class's variable of the name), its closure holding the method: calls run
 * the wrapper, which calls the method (a cache filled by `self.imgs[index] = read_img_fn(self, index)`). */
static const VlObj *bound_method_of(Frame *F, const VlClassInfo *k, const VlFuncInfo *m, const char *name,
                                    const VlObj *self) {
  if ((m->flags & VL_FN_DECORATED) && self) {
    const VlVal *cv = class_member(F, k, name, NULL, 0);
    const VlObj *w = cv && cv->n == 1 ? cv->objs[0] : NULL;
    if (w && w->kind == VL_O_FUNC && !w->base && w->key && (w->mod != m->mod || w->func != m->id)) {
      VlObj b = *w;
      b.base = vl_val1(V(F), self);
      return vl_obj(V(F), b);
    }
  }
  return bound(F, m, (m->flags & VL_FN_STATICMETHOD) ? NULL : self);
}

static void attr_of_inst(Frame *F, Acc *acc, const VlObj *o, const char *name, VlId expr) {
  if (pd_obj(o)) {
    add_val(acc, pandas_attr(F, o, name));
    return;
  }
  const VlClassInfo *k = inst_class(F, o);
  const VlVal *held = o->site ? vl_heap_attr(F, o->site, name) : NULL;
  if (held) add_val(acc, held);
  if (!k) {
    const VlLibResult *r = held ? NULL : vl_knowledge_result(F->an->know, o->name, name);
    if (r && o->site && o->site->kind == VL_SITE_NEW) { /* sol.y: made by the call that made sol */
      VlSite ps = *o->site;
      ps.how = VL_HOW_PRODUCER;
      const VlObj *y = array_obj(F, false, vl_site(V(F), ps), VL_LIBID_NUMPY, vl_nd_exact(r->nd), 0, expr);
      const VlShape *sh = result_len_shape(F, r, r->nd, o->index); /* sol.y of t_eval=[t1]: one column */
      if (sh) {
        VlObj c = *y;
        c.shape = sh;
        y = vl_obj(V(F), c);
      }
      add(acc, y);
      return;
    }
    if (!held) add(acc, lib_obj_named(F, name, vl_val1(V(F), o), 0));
    return;
  }
  const VlFuncInfo *m = vl_class_method(F, k, name, 0);
  if (m) {
    if (m->flags & VL_FN_PROPERTY) {
      Args none = {0};
      add_val(acc, vl_op_call(F, vl_val1(V(F), bound(F, m, o)), &none, expr));
    } else {
      add(acc, bound_method_of(F, k, m, name, o));
      dispatch_overloads(F, acc, m, o);
    }
    return;
  }
  if (held) return;
  const VlFuncInfo *run = thread_run(F, k, name);
  if (run) {
    add(acc, bound(F, run, o));
    return;
  }
  if (strcmp(name, "_replace") == 0 && k->nfields) {
    /* rec._replace(x=v) of a typing.NamedTuple record: as dataclasses.replace(rec, x=v) */
    const VlVal *rec[1] = {vl_val1(V(F), o)};
    VlObj p = {.kind = VL_O_LIB, .sub = VL_LIB_BOUND_CALL, .name = "functools.partial",
               .base = vl_lib_value(F, "dataclasses.replace"), .items = rec, .nitems = 1, .index = 1,
               .nd = vl_nd_unknown()};
    add(acc, vl_obj(V(F), p));
    return;
  }
  /* nn.Sequential's own forward, inherited by a subclass that keeps its modules: calling it chains them */
  if (k->model_lib && (strcmp(name, "forward") == 0 || strcmp(name, "__call__") == 0) && seq_modules(F, o)) {
    VlObj chain = {.kind = VL_O_LIB, .sub = VL_LIB_SEQ_CHAIN, .name = "torch.nn.Sequential.forward",
                   .base = vl_val1(V(F), o), .lib = k->model_lib, .nd = vl_nd_unknown()};
    add(acc, vl_obj(V(F), chain));
    return;
  }
  /* methods of the model base class that hand the model itself back: model.eval(), model.to(device)
   * (model-method rows of effect `same` in the library's table) */
  if (k->model_lib) {
    const VlLibrary *lib = library(F, k->model_lib);
    const VlLibEntry *e = vl_libtable_find(lib->table, VL_LIB_MODEL_METHOD, name);
    if (e && e->effect_then == VL_FX_SAME) {
      VlObj same = *lib_obj(F, lib->model, vl_val1(V(F), o), lib->id);
      same.sub = VL_LIB_GIVES_BASE;
      add(acc, vl_obj(V(F), same));
      return;
    }
    if (VL_STR_IN(module_walks, name)) {
      add(acc, module_walk(F, lib, o, name));
      return;
    }
  }
  const VlVal *hint = vl_class_attr_hint(F, k, name, 0);
  if (hint) {
    add_val(acc, hint);
    return;
  }
  const VlVal *cv = class_member(F, k, name, o, 0);
  if (cv) add_val(acc, cv);
  else add(acc, unknown_obj(F));
}

/* The field names of namedtuple("T", FIELDS) as written: a string ("obs reward", "obs, reward") or a
 * list or tuple of string literals; into out as "obs,reward".  False when not written out. */
static bool field_names(Frame *F, VlId e, char *out, size_t cap) {
  const VlModule *m = M(F);
  if (!e) return false;
  const VlExpr *x = vl_expr(m, e);
  size_t len = 0;
  out[0] = 0;
  if (x->op == VL_E_STR) {
    const char *t = x->a ? vl_str(m, x->a) : NULL;
    for (; t && *t; t++) {
      bool sep = *t == ' ' || *t == ',';
      if (sep && len && out[len - 1] != ',') out[len++] = ',';
      else if (!sep) out[len++] = *t;
      if (len + 2 >= cap) return false;
    }
    if (len && out[len - 1] == ',') len--;
    out[len] = 0;
    return len > 0;
  }
  if (x->op != VL_E_LIST && x->op != VL_E_TUPLE) return false;
  for (uint32_t i = 0; i < x->nkids; i++) {
    const VlExpr *k = vl_expr(m, vl_kid(m, e, i));
    const char *t = k->op == VL_E_STR && k->a ? vl_str(m, k->a) : NULL;
    if (!t || !*t || len + strlen(t) + 2 >= cap) return false;
    if (len) out[len++] = ',';
    memcpy(out + len, t, strlen(t) + 1);
    len += strlen(t);
  }
  return len > 0;
}

/* The index of field `name` in "f1,f2,...", or -1. */
static int field_index(const char *fields, const char *name, size_t name_len) {
  int i = 0;
  for (const char *f = fields; f && *f; i++) {
    const char *comma = strchr(f, ',');
    size_t l = comma ? (size_t)(comma - f) : strlen(f);
    if (l == name_len && strncmp(f, name, l) == 0) return i;
    f = comma ? comma + 1 : NULL;
  }
  return -1;
}

/* Which attributes of super() are followed: __init__, and the method being overridden (the method
 * reading it has that name: `def reset(self): obs = super().reset()`).  Other super() methods stay
 * unknown: following every one cost 2.7% more values on sklearn for no finding there. */
static bool super_followed(Frame *F, const char *name) {
  if (strcmp(name, "__init__") == 0) return true;
  const VlFunc *fn = vl_func(M(F), F->func);
  return fn->name && strcmp(vl_str(M(F), fn->name), name) == 0;
}

/* Worker pools (VL_LIB_POOL, `index` its VlPoolKind).  A thread pool runs f in this process, on the
 * caller's objects; a process pool runs it in another and what f returns comes back pickled, a copy.
 * What each method does is a `pool` row of rules/stdlib.tsv (vl_knowledge_pool_method). */
static const VlObj *pool_obj(Frame *F, VlPoolKind kind) {
  VlObj o = {.kind = VL_O_LIB, .sub = VL_LIB_POOL, .index = kind, .name = vl_pool_names[kind], .nd = vl_nd_unknown()};
  return vl_obj(V(F), o);
}

/* pool.name, future.name (o a VL_LIB_POOL or VL_LIB_FUTURE) */
static const VlObj *pool_attr(Frame *F, const VlObj *o, const char *name) {
  const char *q = vl_arena_dotted(F->an->arena, o->name, name);
  VlObj m = {.kind = VL_O_LIB, .sub = VL_LIB_POOL_METHOD, .name = q, .nd = vl_nd_unknown()};
  if (o->sub == VL_LIB_FUTURE) {
    /* future.result (concurrent.futures), future.get (multiprocessing's AsyncResult): what it holds */
    m = *o;
    m.name = q;
    m.sub = strcmp(name, "result") == 0 || strcmp(name, "get") == 0 ? VL_LIB_FUTURE_RESULT : VL_LIB_POOL_METHOD;
    if (m.sub == VL_LIB_POOL_METHOD) m.index = (uint32_t)vl_knowledge_pool_method(F->an->know, VL_POOL_PROCESS_EXECUTOR, NULL);
    return vl_obj(V(F), m);
  }
  int row = vl_knowledge_pool_method(F->an->know, (VlPoolKind)o->index, name);
  if (row < 0) return lib_obj(F, q, NULL, 0);
  m.index = (uint32_t)row;
  return vl_obj(V(F), m);
}

/* Does expression e clear gradients so that the next backward() allocates them anew:
 * `opt.zero_grad(set_to_none=True)` (or `zero_grad(True)`, an optimizer's or a module's), or
 * `p.grad = None` (statement s)?  PyTorch 1.13's zero_grad() without it zeroes them in place. */
static bool grad_reset_call(const VlModule *m, VlId e, VlId zero_grad, VlId set_to_none) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_CALL) return false;
  const VlExpr *f = vl_expr(m, vl_kid(m, e, 0));
  if (f->op != VL_E_ATTR || f->a != zero_grad) return false;
  for (uint16_t i = 1; i < x->nkids; i++) {
    VlId k = vl_kid(m, e, i);
    const VlExpr *kx = vl_expr(m, k);
    if (kx->op == VL_E_KW && kx->a == set_to_none) return vl_expr(m, vl_kid(m, k, 0))->op == VL_E_TRUE;
    if (i == 1 && kx->op == VL_E_TRUE) return true;
  }
  return false;
}

static bool grad_reset_stmt(const VlModule *m, const VlStmt *s, VlId grad) {
  if (s->kind != VL_S_ASSIGN || vl_expr(m, s->a)->op != VL_E_NONE) return false;
  for (uint16_t i = 0; i < s->n; i++) {
    const VlExpr *t = vl_expr(m, m->kids[s->b + i]);
    if (t->op == VL_E_ATTR && t->a == grad) return true;
  }
  return false;
}

/* Is loop l this function's, or one of the functions a comprehension F->func is nested in? */
static bool loop_of_frame(const VlModule *m, VlId l, VlId func) {
  for (VlId f = func; f; f = vl_func(m, f)->parent) {
    if (m->loops[l].func == f) return true;
    if (vl_func(m, f)->kind != VL_FN_COMP) return false;
  }
  return false;
}

/* `p.grad` read in a loop of this function that also clears the gradients to None (grad_reset_*):
 * each backward() in that loop gives p a new gradient tensor, so the read is a new tensor there
 * (of p's ndim when p is a known tensor).  NULL when no such loop runs it, or when the receiver may
 * be something else than a tensor we do not know (a project instance's own `grad`, a NumPy array). */
static const VlVal *fresh_grad(Frame *F, const VlVal *obj, VlId expr) {
  const VlModule *m = M(F);
  VlId grad = vl_module_find_str(m, "grad"), zero_grad = vl_module_find_str(m, "zero_grad");
  VlId set_to_none = vl_module_find_str(m, "set_to_none");
  if (!obj->n || !expr || !grad) return NULL;
  VlNdim nd = vl_nd_unknown();
  bool arrays = true;
  for (uint16_t i = 0; i < obj->n; i++) {
    const VlObj *o = obj->objs[i];
    if (o->kind == VL_O_ARRAY && o->lib == VL_LIBID_TORCH) continue;
    if (o->kind != VL_O_UNKNOWN && o->kind != VL_O_SYM && o->kind != VL_O_OBJ) return NULL;
    arrays = false;
  }
  if (arrays) nd = val_nd(obj);
  Analysis *an = F->an;
  if (!an->grad_resets_made) { /* where the module clears gradients (a handful of places at most), once */
    uint8_t n = 0;
    for (VlId e = 1; zero_grad && n < 16 && e < m->nexprs; e++)
      if (grad_reset_call(m, e, zero_grad, set_to_none)) an->grad_resets[n++] = vl_expr(m, e)->start;
    for (VlId s = 1; n < 16 && s < m->nstmts; s++)
      if (grad_reset_stmt(m, vl_stmt(m, s), grad)) an->grad_resets[n++] = vl_stmt(m, s)->start;
    an->ngrad_resets = n;
    an->grad_resets_made = true;
  }
  const uint32_t *resets = an->grad_resets, n = an->ngrad_resets;
  uint32_t at = vl_expr(m, expr)->start;
  VlId outer = F->func; /* the function a comprehension is in: its loops' ids hold those loop_of_frame takes */
  while (outer && vl_func(m, outer)->kind == VL_FN_COMP && vl_func(m, outer)->parent) outer = vl_func(m, outer)->parent;
  const FuncData *fd = &an->fd[outer];
  for (VlId l = fd->loop_lo; n && l && l <= fd->loop_hi; l++) {
    if (m->loops[l].kind == VL_LOOP_COMP || !loop_of_frame(m, l, F->func) || !vl_loop_runs(m, l, at)) continue;
    for (uint32_t i = 0; i < n; i++)
      if (vl_loop_runs(m, l, resets[i])) return vl_new_array(F, VL_HOW_PRODUCER, VL_LIBID_TORCH, nd, expr);
  }
  return NULL;
}

const VlVal *vl_op_attr(Frame *F, const VlVal *obj, const char *name, VlId expr) {
  Acc acc = {0};
  if (strcmp(name, "grad") == 0) {
    const VlVal *g = fresh_grad(F, obj, expr);
    if (g) return g;
  }
  for (uint16_t i = 0; i < obj->n; i++) {
    const VlObj *o = obj->objs[i];
    switch (o->kind) {
    case VL_O_ARRAY: attr_of_array(F, &acc, o, name, expr); break;
    case VL_O_SEQ:
      if (o->sub == VL_SEQ_TUPLE && o->name && o->nitems) { /* a namedtuple's field: out.logits */
        int at = field_index(o->name, name, strlen(name));
        if (at >= 0 && at < o->nitems) {
          add_val(&acc, o->items[at]);
          break;
        }
      }
      /* fall through */
    case VL_O_RNG:
    case VL_O_ITER:
    case VL_O_STR:
    case VL_O_INDEX:
    case VL_O_SHAPE:
      add(&acc, lib_obj_named(F, name, vl_val1(V(F), o), o->lib));
      break;
    case VL_O_INST: attr_of_inst(F, &acc, o, name, expr); break;
    case VL_O_CLASS: {
      const VlClassInfo *k = class_info(F, o->mod, o->func);
      const VlFuncInfo *m = k ? vl_class_method(F, k, name, 0) : NULL;
      /* (a classmethod gets the class it is called on: `Sub.from_config(cfg)` runs `cls(...)` of Sub) */
      if (m) add(&acc, bound(F, m, (m->flags & VL_FN_CLASSMETHOD) ? o : NULL));
      else {
        const VlVal *cv = k ? class_member(F, k, name, NULL, 0) : NULL;
        if (cv) add_val(&acc, cv);
        else add(&acc, unknown_obj(F));
      }
      break;
    }
    case VL_O_LIB: {
      if (o->mod) { /* a project module: its global (once it is certain to be analysed) */
        const VlModInfo *mod = o->mod;
        bool found = false, ready = vl_program_ready(F->an->prog, F->an->mi, mod, &F->an->ready);
        size_t g1;
        if (ready && !mod->global_dups) { /* (the index: names are unique) */
          if (vl_strmap_get(&mod->global_index, name, &g1) && g1 < mod->nglobals) {
            add_val(&acc, mod == F->an->mi ? F->an->globals[g1] : vl_import_val(F, mod->globals[g1]));
            found = true;
          }
        } else {
          for (uint32_t g = 0; ready && g < mod->nglobals; g++)
            if (mod->global_names[g] && vl_streq(mod->global_names[g], name)) {
              add_val(&acc, mod == F->an->mi ? F->an->globals[g] : vl_import_val(F, mod->globals[g]));
              found = true;
            }
        }
        if (!found) {
          char *sub = vl_arena_dotted(F->an->arena, mod->name, name);
          VlModInfo *child = vl_program_find_from(mod->prog, mod, sub);
          if (child) {
            VlObj m = {.kind = VL_O_LIB, .name = child->name, .mod = child, .nd = vl_nd_unknown()};
            add(&acc, vl_obj(V(F), m));
          } else {
            add(&acc, unknown_obj(F));
          }
        }
        break;
      }
      if (o->base && o->func && o->name && strcmp(o->name, "builtins.super") == 0 && super_followed(F, name)) {
        /* super().__init__, and super().m in the method m that overrides it: the method of the first
         * base class that has it, bound to the receiver (a subclass's __init__ handing its arguments
         * to the base's; a wrapper's reset() extending the base's) */
        const VlClassInfo *k = vl_an_class(F->an, o->func);
        const VlFuncInfo *m = NULL;
        for (uint16_t b = 0; k && k->bases && !m && b < k->bases->n; b++) {
          const VlObj *c = k->bases->objs[b];
          const VlClassInfo *bk = c->kind == VL_O_CLASS ? class_info(F, c->mod, c->func) : NULL;
          m = bk ? vl_class_method(F, bk, name, 0) : NULL;
        }
        if (m && !(m->flags & (VL_FN_STATICMETHOD | VL_FN_CLASSMETHOD))) {
          VlObj b = {.kind = VL_O_FUNC, .mod = m->mod, .func = m->id, .base = o->base, .nd = vl_nd_unknown()};
          add(&acc, vl_obj(V(F), b));
          break;
        }
        if (!m && k && strcmp(name, "__init__") == 0 && seq_class(F, k, 0)) {
          /* super().__init__(*modules) in a subclass of nn.Sequential: keeps them, as the class call does */
          VlObj b = {.kind = VL_O_LIB, .sub = VL_LIB_SEQ_INIT, .name = "torch.nn.Sequential.__init__",
                     .base = o->base, .nd = vl_nd_unknown()};
          add(&acc, vl_obj(V(F), b));
          break;
        }
      }
      if (o->sub == VL_LIB_POOL || o->sub == VL_LIB_FUTURE) {
        add(&acc, pool_attr(F, o, name));
        break;
      }
      if (o->base) { /* an attribute of a bound method: unknown */
        add(&acc, unknown_obj(F));
        break;
      }
      const char *q = vl_arena_dotted(F->an->arena, o->name, name);
      if (strcmp(q, "numpy.newaxis") == 0) {
        add(&acc, prim_obj(F, VL_O_NONE));
      } else {
        add(&acc, lib_obj(F, q, NULL, 0));
      }
      break;
    }
    case VL_O_OBJ: {
      /* d[b"data"].reshape(...) of an opaque result (pickle.load(f)): a method only arrays have makes
       * the part an array, as it does a local it is called on (analysis.c: array_methods) */
      if (o->sub != VL_OBJ_BYTES && o->sub != VL_OBJ_FILE && vl_array_only_method(name)) {
        attr_of_array(F, &acc, as_array_obj(F, o, vl_nd_unknown()), name, expr);
        break;
      }
      VlObj part = *o;
      part.flags |= VL_F_WHOLE;
      part.name = vl_arena_strdup(F->an->arena, name);
      add(&acc, vl_obj(V(F), part));
      break;
    }
    case VL_O_SYM: {
      const VlVal *hint = NULL;
      bool method = false;
      if (o->elem)
        for (uint16_t k = 0; k < o->elem->n; k++) {
          const VlObj *h = o->elem->objs[k];
          if (h->kind == VL_O_INST) {
            const VlClassInfo *ci = inst_class(F, h);
            const VlFuncInfo *m = ci ? vl_class_method(F, ci, name, 0) : NULL;
            const VlFuncInfo *run = !m && ci ? thread_run(F, ci, name) : NULL;
            if (run) { /* self.start() of a Thread subclass, in its own methods (__init__) */
              method = true;
              add(&acc, bound(F, run, o));
              continue;
            }
            if (m) { /* a method of the class: known now, nothing to defer */
              method = true;
              /* (but a hook a subclass overrides, `self.pool(h)` in a base class's `__call__`: which
               * one runs, the instance a caller passes decides) */
              if (m->hook) note_param_call(F, o);
              if (m->flags & VL_FN_PROPERTY) {
                Args none = {0};
                add_val(&acc, vl_op_call(F, vl_val1(V(F), bound(F, m, o)), &none, expr));
              } else {
                add(&acc, bound_method_of(F, ci, m, name, o));
              }
              continue;
            }
            const VlVal *hv = ci ? vl_class_attr_hint(F, ci, name, 0) : NULL;
            if (hv) hint = vl_join(V(F), hint, hv);
          } else if (h->kind == VL_O_ARRAY) {
            Acc arr = {0};
            attr_of_array(F, &arr, as_array_obj(F, o, vl_nd_unknown()), name, expr);
            const VlVal *got = done(F, &arr);
            add_val(&acc, got);
            /* the deferred form below says the same when it is an array (a.T: its ndim) */
            for (uint16_t j = 0; j < got->n; j++)
              if (got->objs[j]->kind == VL_O_ARRAY) hint = vl_join(V(F), hint, vl_val1(V(F), got->objs[j]));
          }
        }
      if (method) break;
      const VlVal *self = vl_val1(V(F), o);
      const VlObj *s = sym_obj(F, VL_SYM_ATTRV, self, vl_arena_strdup(F->an->arena, name), NULL, 0, 0, hint);
      const VlVal *held = vl_heap_attr(F, sym_site(F, o), name);
      if (held) add_val(&acc, held);
      add(&acc, s);
      break;
    }
    case VL_O_FUNC:
      add(&acc, unknown_obj(F));
      break;
    case VL_O_INT:
    case VL_O_SCALAR:
      /* i.item() of `i = t.argmax()` (a 0-d index, an int here): the number itself, called (vl_op_call) */
      if (strcmp(name, "item") == 0) {
        VlObj same = *lib_obj(F, "builtins.item", vl_val1(V(F), o), 0);
        same.sub = VL_LIB_GIVES_BASE;
        add(&acc, vl_obj(V(F), same));
      } else {
        add(&acc, unknown_obj(F));
      }
      break;
    default:
      add(&acc, unknown_obj(F));
      break;
    }
  }
  return done(F, &acc);
}

static const VlVal *class_member(Frame *F, const VlClassInfo *k, const char *name, const VlObj *self, int depth) {
  (void)self;
  if (depth > 8) return NULL;
  for (uint16_t i = 0; i < k->nclassvars; i++)
    if (vl_streq(k->classvars[i].name, name))
      return k->mod == F->an->mi ? k->classvars[i].val : vl_import_val(F, k->classvars[i].val);
  for (uint16_t b = 0; k->bases && b < k->bases->n; b++) {
    const VlObj *c = k->bases->objs[b];
    if (c->kind != VL_O_CLASS) continue;
    const VlClassInfo *bk = class_info(F, c->mod, c->func);
    const VlVal *r = bk ? class_member(F, bk, name, self, depth + 1) : NULL;
    if (r) return r;
  }
  return NULL;
}

/* ---- library tables ---- */

/* The argument bound to a table parameter (keyword or position); NULL when not given. */
static const VlVal *param_val(const Args *a, const VlLibEntry *e, const char *name, VlId *expr) {
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], name) == 0) {
      if (expr) *expr = a->kw_expr[i];
      return a->kw[i];
    }
  int pos = vl_lib_param_pos(e, name);
  if (pos >= 0 && pos < a->npos) {
    if (expr) *expr = a->pos_expr[pos];
    return a->pos[pos];
  }
  return NULL;
}

/* r, c = np.unravel_index(flat, shape) (tag unravels): one item per axis of the shape, so a tuple of
 * unknown length, each item alike.  Of an int (np.argmax(a) without axis=) or a 0-d array the items
 * are ints, basic indices (`feats[r]` is a row view); of an array of k >= 1 axes, new integer arrays
 * of k axes (`feats[rows]` copies); of an operand of unknown ndim, unknown. */
static const VlVal *unravelled(Frame *F, const Args *a, uint8_t id, VlId expr) {
  const VlVal *x = a->npos ? a->pos[0] : NULL;
  bool ints = x && x->n > 0, arrays = x && x->n > 0;
  for (uint16_t i = 0; x && i < x->n; i++) {
    const VlObj *o = x->objs[i];
    ints = ints && (o->kind == VL_O_INT || (o->kind == VL_O_ARRAY && o->nd.hi == 0));
    arrays = arrays && o->kind == VL_O_ARRAY && o->nd.lo >= 1;
  }
  VlNdim nd = val_nd(x);
  if (!ints && !arrays) return vl_unknown(V(F));
  const VlVal *item = vl_prim(V(F), VL_O_INT);
  if (arrays) {
    VlObj o = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, VL_HOW_COPY), .lib = id, .nd = nd, .expr = expr,
               .layout = fresh_layout(nd), .flags = VL_F_INTS};
    item = vl_val1(V(F), vl_obj(V(F), o));
  }
  const VlVal *tuple = vl_new_seq(F, VL_SEQ_TUPLE, expr);
  vl_heap_add_elem(F, tuple->objs[0]->site, item);
  return tuple;
}

static bool cond_holds(Frame *F, const VlLibEntry *e, const Args *a, VlLibCond c) {
  if (!c.param) return true;
  VlId x = 0;
  const VlVal *v = param_val(a, e, c.param, &x);
  if (!v || vl_val_only(v, VL_O_NONE)) return false;
  if (c.literal_false) return x && vl_expr(M(F), x)->op == VL_E_FALSE;
  if (c.literal_true) return x && vl_expr(M(F), x)->op == VL_E_TRUE;
  if (c.literal_int) return vl_val_only(v, VL_O_INT); /* np.gradient(f, axis=-1), not axis=(0, 1) */
  if (c.literal_str) { /* every string it may be is the one written */
    for (uint16_t i = 0; i < v->n; i++)
      if (v->objs[i]->kind != VL_O_STR || !v->objs[i]->name || strcmp(v->objs[i]->name, c.literal_str) != 0) return false;
    return v->n > 0;
  }
  return true;
}

static VlNdim val_nd(const VlVal *v);

/* A condition's value: 1 true, 0 false, -1 unknown ("ndim>N" of an operand of unknown ndim). */
static int cond_value(Frame *F, const VlLibEntry *e, const Args *a, VlLibCond c, const VlVal *operand) {
  if (c.param && strncmp(c.param, "ndim>", 5) == 0) {
    int n = atoi(c.param + 5) + 1; /* ndim>N: at least N + 1 */
    VlNdim nd = val_nd(operand);
    return nd.lo >= n ? 1 : nd.hi < n ? 0 : -1;
  }
  return cond_holds(F, e, a, c);
}

/* The effect a row gives this call: its conditions in turn (P?A:Q?B:C); false when the first that
 * decides cannot be decided (the operand's ndim, unknown). */
static bool entry_effect(Frame *F, const VlLibEntry *e, const Args *a, const VlVal *operand, VlLibEffect *fx) {
  int c = cond_value(F, e, a, e->effect_cond, operand);
  if (c) return c > 0 && (*fx = e->effect_then, true);
  for (uint8_t i = 0; i < e->neffect_more; i++)
    if ((c = cond_value(F, e, a, e->effect_cond_more[i], operand)) != 0) return c > 0 && (*fx = e->effect_then_more[i], true);
  return *fx = e->effect_else, true;
}

static VlNdim val_nd(const VlVal *v) {
  VlNdim nd = {VL_ND_MAX, 0};
  bool any = false;
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind == VL_O_ARRAY) {
      any = true;
      if (v->objs[i]->nd.lo < nd.lo) nd.lo = v->objs[i]->nd.lo;
      if (v->objs[i]->nd.hi > nd.hi) nd.hi = v->objs[i]->nd.hi;
    }
  return any ? nd : vl_nd_unknown();
}

/* ndim of a shape argument: an int is 1-D, a tuple/list literal of k items is k-D; an argument
 * whose value is known (n = len(xs), a tuple passed through a summary) likewise. */
static VlNdim shape_nd_of(Frame *F, VlId shape, const VlVal *v) {
  if (shape) {
    const VlExpr *x = vl_expr(M(F), shape);
    if (x->op == VL_E_TUPLE || x->op == VL_E_LIST) return vl_nd_exact(x->nkids);
    if (x->op == VL_E_INT) return vl_nd_exact(1);
  }
  if (!v || vl_val_empty(v)) return shape ? vl_nd_unknown() : vl_nd_exact(0);
  VlNdim nd = {VL_ND_MAX, 0};
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_SHAPE) { /* x.shape: as many sizes as x has axes */
      if (o->nd.lo < nd.lo) nd.lo = o->nd.lo;
      if (o->nd.hi > nd.hi) nd.hi = o->nd.hi;
      continue;
    }
    int k = o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && (o->nitems || !o->elem || vl_val_empty(o->elem))
                ? o->nitems
            : o->kind == VL_O_INT ? 1
                                  : -1;
    if (k < 0) return vl_nd_unknown();
    if (k < nd.lo) nd.lo = (uint8_t)k;
    if (k > nd.hi) nd.hi = (uint8_t)k;
  }
  return nd;
}


static const VlVal *first_item(Frame *F, const Args *a) {
  if (a->npos < 1) return NULL;
  const VlVal *seq = a->pos[0];
  Acc acc = {0};
  for (uint16_t i = 0; i < seq->n; i++) {
    const VlObj *o = seq->objs[i];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && o->nitems) add_val(&acc, o->items[0]);
    else if (o->kind == VL_O_SEQ) add_val(&acc, seq_elems(F, o));
  }
  return done(F, &acc);
}

/* nd with k more axes (unknown stays unknown). */
static VlNdim nd_plus(VlNdim nd, int k) {
  if (nd.lo + k > VL_ND_MAX) return vl_nd_unknown();
  return (VlNdim){(uint8_t)(nd.lo + k), (uint8_t)(nd.hi + k > VL_ND_MAX ? VL_ND_MAX : nd.hi + k)};
}

/* k axes fewer (an operand of unknown ndim gives an unknown one; one with fewer than k axes raises) */
static VlNdim nd_minus(VlNdim nd, int k) {
  if (nd.hi == VL_ND_MAX && nd.lo == 0) return nd;
  if (nd.hi < k) return vl_nd_unknown();
  return (VlNdim){(uint8_t)(nd.lo > k ? nd.lo - k : 0), (uint8_t)(nd.hi == VL_ND_MAX ? VL_ND_MAX : nd.hi - k)};
}

/* The ndim of the array NumPy makes of Python data (np.array(rows), np.asarray(frames)): a list or
 * tuple of k-D arrays is (k+1)-D, of numbers 1-D, nested likewise.  Unknown when an element is
 * anything else (a set, a dict, an object, a container the caller passed us whose elements we do not
 * see), when nothing is known to be in it (np.array([]) is 1-D whatever the rows would have been), or
 * when the operand is an array (val_nd). */
static VlNdim data_nd(Frame *F, const VlVal *v, int depth) {
  if (!v || vl_val_empty(v) || depth > 3 || vl_val_has(v, VL_O_ARRAY)) return depth ? vl_nd_unknown() : val_nd(v);
  VlNdim nd = {VL_ND_MAX, 0};
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    VlNdim k;
    if ((o->kind == VL_O_INT || o->kind == VL_O_SCALAR) && depth) { /* (an element: a number; the
                                                                       operand itself may be x.tolist()) */
      k = vl_nd_exact(0);
    } else if (o->kind == VL_O_SEQ && (o->sub == VL_SEQ_LIST || o->sub == VL_SEQ_TUPLE)) {
      const VlVal *elems = seq_elems(F, o);
      if (vl_val_empty(elems)) return vl_nd_unknown();
      k = vl_val_has(elems, VL_O_ARRAY) ? val_nd(elems) : data_nd(F, elems, depth + 1);
      if (!vl_val_only(elems, VL_O_ARRAY) && vl_val_has(elems, VL_O_ARRAY)) return vl_nd_unknown();
      if (k.hi == VL_ND_MAX && k.lo == 0) return vl_nd_unknown();
      k = nd_plus(k, 1);
    } else {
      return vl_nd_unknown();
    }
    if (k.lo < nd.lo) nd.lo = k.lo;
    if (k.hi > nd.hi) nd.hi = k.hi;
  }
  return nd.lo <= nd.hi ? nd : vl_nd_unknown();
}

/* Argument K of a call (items=@K): by position, or by the name the params column gives position K. */
static const VlVal *item_arg_val(const VlLibEntry *e, const Args *a, int k) {
  for (int i = 0; i < e->nparams; i++)
    if (e->params[i].pos == k) return param_val(a, e, e->params[i].name, NULL);
  return k < a->npos && !a->star ? a->pos[k] : NULL;
}

/* The ndim of einsum's result from its subscripts: the labels after "->" ("bhqd,bhkd->bhqk": 4), or
 * without an arrow those that appear once ("ij,jk": ik, 2); -1 with an ellipsis (the broadcast axes
 * are the operands'), anything but labels, commas and spaces, or a label repeated in the output. */
static int einsum_nd(const char *s) {
  const char *arrow = strstr(s, "->");
  if (strstr(s, "...")) return -1;
  int count[128] = {0}, nd = 0;
  for (const char *c = s; *c && c != arrow; c++) {
    if (isalpha((unsigned char)*c)) count[(unsigned char)*c]++;
    else if (*c != ',' && *c != ' ') return -1;
  }
  if (!arrow) {
    for (int k = 0; k < 128; k++) nd += count[k] == 1;
    return nd;
  }
  int out[128] = {0};
  for (const char *c = arrow + 2; *c; c++) {
    if (*c == ' ') continue;
    if (!isalpha((unsigned char)*c) || out[(unsigned char)*c]++ || !count[(unsigned char)*c]) return -1;
    nd++;
  }
  return nd;
}

/* ndim of an index argument (np.take's indices): an int 0, an array its own, a list or tuple of ints
 * (or of arrays) as NumPy makes of it; unknown otherwise. */
static VlNdim index_nd_of(Frame *F, const VlVal *v) {
  if (!v || vl_val_empty(v)) return vl_nd_unknown();
  if (vl_val_only(v, VL_O_INT)) return vl_nd_exact(0);
  if (vl_val_only(v, VL_O_ARRAY)) return val_nd(v);
  if (vl_val_only(v, VL_O_SEQ)) return data_nd(F, v, 0);
  return vl_nd_unknown();
}

/* The ndims an argument brings to a broadcast: an array its own, a number 0, a list or tuple its items'
 * (fewest to most: its items together reach at least the fewest); unknown for anything else. */
static VlNdim bcast_arg_nd(Frame *F, const VlVal *v, int depth) {
  VlNdim nd = {VL_ND_MAX, 0};
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    VlNdim k = o->kind == VL_O_ARRAY ? o->nd
               : o->kind == VL_O_INT || o->kind == VL_O_SCALAR ? vl_nd_exact(0)
               : !depth && o->kind == VL_O_SEQ && (o->sub == VL_SEQ_LIST || o->sub == VL_SEQ_TUPLE) ? bcast_arg_nd(F, seq_elems(F, o), 1)
                                                                                                  : vl_nd_unknown();
    if (k.hi >= VL_ND_MAX || k.lo > k.hi) return vl_nd_unknown();
    if (k.lo < nd.lo) nd.lo = k.lo;
    if (k.hi > nd.hi) nd.hi = k.hi;
  }
  return nd.lo <= nd.hi ? nd : vl_nd_unknown();
}

static VlNdim apply_nd(Frame *F, const VlLibEntry *e, VlNdimSpec spec, const VlVal *operand, const Args *a,
                       bool method) {
  switch (spec.rule) {
  case VL_ND_UNKNOWN: return vl_nd_unknown();
  case VL_ND_SAME: return data_nd(F, operand, 0);
  case VL_ND_SAME_OR_1: return vl_val_has(operand, VL_O_ARRAY) ? val_nd(operand) : vl_nd_exact(1);
  case VL_ND_SAME_PLUS: return nd_plus(val_nd(operand), spec.n);
  case VL_ND_SAME_MINUS: return nd_minus(val_nd(operand), spec.n);
  case VL_ND_CONST: return vl_nd_exact(spec.n);
  case VL_ND_ARGS: return a->star ? vl_nd_unknown() : vl_nd_exact(a->npos);
  case VL_ND_SHAPE: {
    VlId x = 0;
    const VlVal *v = param_val(a, e, spec.param, &x);
    /* no shape: one value (`rng.normal(size=None)`), or for a view the operand's own shape (`as_strided(x, strides=s)`) */
    if (!v) return e->effect_then == VL_FX_VIEW ? data_nd(F, operand, 0) : vl_nd_exact(0);
    VlNdim nd = shape_nd_of(F, x, v);
    /* rng.choice(n, size=shots) with shots a parameter: whether the indices are a vector (their
     * tolist() a list of ints) or a table, the call decides (VlSummary.size_deferred) */
    if (e->ints && !vl_nd_known(nd) && vl_val_has(v, VL_O_SYM)) F->size_deferred = true;
    return nd;
  }
  case VL_ND_SAME_OR_SHAPE: { /* np.tile(a, reps): max(a.ndim, len(reps)); at least len(reps) when a's is unknown */
    VlId x = 0;
    const VlVal *v = param_val(a, e, spec.param, &x);
    VlNdim an = data_nd(F, operand, 0), sn = v ? shape_nd_of(F, x, v) : vl_nd_unknown();
    return (VlNdim){an.lo > sn.lo ? an.lo : sn.lo, an.hi > sn.hi ? an.hi : sn.hi};
  }
  case VL_ND_INDEX: return index_nd_of(F, param_val(a, e, spec.param, &(VlId){0}));
  case VL_ND_TAKE: { /* np.take(a, idx, axis=k): a's axes with axis k replaced by idx's; unknown if either is */
    VlNdim an = val_nd(operand), kn = index_nd_of(F, param_val(a, e, spec.param, &(VlId){0}));
    if (an.hi >= VL_ND_MAX || kn.hi >= VL_ND_MAX || an.lo < 1 || an.hi + kn.hi > VL_ND_MAX) return vl_nd_unknown();
    return (VlNdim){(uint8_t)(an.lo - 1 + kn.lo), (uint8_t)(an.hi - 1 + kn.hi)};
  }
  case VL_ND_BCAST_ITEMS: { /* np.select(condlist, choicelist, default): every argument and list item broadcast */
    if (a->star || a->dstar || method) return vl_nd_unknown();
    VlNdim nd = {0, 0};
    for (int i = 0; i < a->npos + a->nkw; i++) {
      VlNdim k = bcast_arg_nd(F, i < a->npos ? a->pos[i] : a->kw[i - a->npos], 0);
      if (k.hi >= VL_ND_MAX) return vl_nd_unknown();
      if (k.lo > nd.lo) nd.lo = k.lo;
      if (k.hi > nd.hi) nd.hi = k.hi;
    }
    return nd;
  }
  case VL_ND_SUBSCRIPTS: { /* every string the subscripts may be, read: the ndims they give */
    VlId x = 0;
    const VlVal *v = param_val(a, e, spec.param, &x);
    VlNdim nd = {VL_ND_MAX, 0};
    for (uint16_t i = 0; v && i < v->n; i++) {
      int k = v->objs[i]->kind == VL_O_STR && v->objs[i]->name ? einsum_nd(v->objs[i]->name) : -1;
      if (k < 0 || k >= VL_ND_MAX) return vl_nd_unknown();
      if (k < nd.lo) nd.lo = (uint8_t)k;
      if (k > nd.hi) nd.hi = (uint8_t)k;
    }
    return v && v->n ? nd : vl_nd_unknown();
  }
  case VL_ND_NEWSHAPE: {
    int first = method ? 0 : 1;
    if (a->star || a->npos <= first) return vl_nd_unknown();
    return a->npos - first == 1 ? shape_nd_of(F, a->pos_expr[first], a->pos[first]) : vl_nd_exact(a->npos - first);
  }
  case VL_ND_STACK: {
    VlNdim nd = val_nd(first_item(F, a));
    if (nd.lo < VL_ND_MAX) nd.lo++;
    if (nd.hi < VL_ND_MAX) nd.hi++;
    return nd;
  }
  case VL_ND_CONCAT: { /* the items of one display share their ndim: what each path allows, if they agree */
    const VlVal *items = first_item(F, a);
    VlId x = a->npos >= 1 && !a->star ? a->pos_expr[0] : 0;
    if (!x || (vl_expr(M(F), x)->op != VL_E_LIST && vl_expr(M(F), x)->op != VL_E_TUPLE)) return val_nd(items);
    VlNdim nd = vl_nd_unknown();
    for (uint16_t i = 0; items && i < items->n; i++) {
      const VlObj *o = items->objs[i];
      if (o->kind != VL_O_ARRAY) continue;
      if (o->nd.lo > nd.lo) nd.lo = o->nd.lo;
      if (o->nd.hi < nd.hi) nd.hi = o->nd.hi;
    }
    return nd.lo <= nd.hi ? nd : val_nd(items);
  }
  case VL_ND_ARG: return spec.n < a->npos && !a->star ? val_nd(a->pos[spec.n]) : vl_nd_unknown();
  case VL_ND_BCAST: { /* the receiver (methods) and every positional argument: the most dimensions */
    VlNdim nd = method ? val_nd(operand) : vl_nd_exact(0);
    if (method && !vl_val_has(operand, VL_O_ARRAY)) nd = vl_nd_unknown();
    for (int i = 0; i < a->npos && !a->star; i++) {
      const VlVal *v = a->pos[i];
      VlNdim an = vl_val_has(v, VL_O_ARRAY) ? val_nd(v)
                  : (vl_val_only(v, VL_O_INT) || vl_val_only(v, VL_O_SCALAR)) ? vl_nd_exact(0)
                                                                            : vl_nd_unknown();
      if (an.lo > nd.lo) nd.lo = an.lo;
      if (an.hi > nd.hi) nd.hi = an.hi;
    }
    return a->star ? vl_nd_unknown() : nd;
  }
  case VL_ND_MIN: {
    VlNdim nd = method ? val_nd(operand) : val_nd(first_item(F, a));
    if (!method && !vl_val_has(first_item(F, a), VL_O_ARRAY)) nd = val_nd(operand);
    if (nd.lo < spec.n) nd.lo = (uint8_t)spec.n;
    if (nd.hi < spec.n) nd.hi = (uint8_t)spec.n;
    return nd;
  }
  }
  return vl_nd_unknown();
}

/* A layout request (np.asarray(x, order='C'), np.require(x, requirements=['C', 'A'])) turns a view into
 * what that layout needs: contig, fcontig, a copy for 'O' (own data); false when the request is not a
 * literal we can read.  No request, or only ones any array meets ('A', 'K', 'W', 'E'): the view stays. */
static bool ordered_effect(const VlLibEntry *e, const Args *a, VlLibEffect *fx) {
  VlId x = 0;
  const VlVal *v = param_val(a, e, e->order, &x);
  if (!v || vl_val_only(v, VL_O_NONE)) return true;
  const char *flags[8];
  int n = 0;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_STR && o->name && n < 8) flags[n++] = o->name;
    else if (o->kind == VL_O_SEQ && o->nitems)
      for (uint16_t k = 0; k < o->nitems; k++) {
        const VlVal *it = o->items[k];
        if (it->n != 1 || it->objs[0]->kind != VL_O_STR || !it->objs[0]->name || n == 8) return false;
        flags[n++] = it->objs[0]->name;
      }
    else return false;
  }
  if (!n) return false;
  bool c = false, f = false, own = false;
  for (int i = 0; i < n; i++) {
    const char *s = flags[i];
    if (!strcmp(s, "C") || !strcmp(s, "C_CONTIGUOUS") || !strcmp(s, "CONTIGUOUS")) c = true;
    else if (!strcmp(s, "F") || !strcmp(s, "F_CONTIGUOUS") || !strcmp(s, "FORTRAN")) f = true;
    else if (!strcmp(s, "O") || !strcmp(s, "OWNDATA")) own = true;
    else if (strcmp(s, "A") && strcmp(s, "K") && strcmp(s, "ALIGNED") && strcmp(s, "W") && strcmp(s, "WRITEABLE") &&
             strcmp(s, "E") && strcmp(s, "ENSUREARRAY"))
      return false;
  }
  if (c && f) return false;
  *fx = own ? VL_FX_COPY : c ? VL_FX_CONTIG : f ? VL_FX_FCONTIG : VL_FX_VIEW;
  return true;
}

#define VL_RECORD_DTYPE "numpy.dtype[record]"

/* A structured dtype: a list or dict of fields ([('x', 'f8'), ...]), or np.dtype of one. */
static bool record_dtype(const VlVal *v) {
  if (!v || !v->n) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    bool rec = (o->kind == VL_O_SEQ && (o->sub == VL_SEQ_LIST || o->sub == VL_SEQ_DICT)) ||
               (o->kind == VL_O_LIB && o->name && strcmp(o->name, VL_RECORD_DTYPE) == 0);
    if (!rec) return false;
  }
  return true;
}

/* The axes each field of a structured dtype adds (`("vec", "<f4", (384,))` adds one, `("id", "<i8")`
 * none), from a list of (name, type[, shape]) tuples or np.dtype of one: a tuple of one string per
 * field, its name, the axes in its `index` (kept in `key` of an array of records and of the np.dtype
 * object); NULL when not known (a dict of fields, a field built at run time, one dtype among several). */
static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n);
static const VlVal *record_fields(Frame *F, const VlVal *v) {
  if (!v || v->n != 1) return NULL;
  const VlObj *o = v->objs[0];
  if (o->kind == VL_O_LIB && o->name && strcmp(o->name, VL_RECORD_DTYPE) == 0) return o->key;
  if (o->kind != VL_O_SEQ || o->sub != VL_SEQ_LIST) return NULL;
  const VlVal *elems = seq_elems(F, o);
  if (!elems->n || vl_val_unknownish(elems)) return NULL;
  const VlVal *fields[VL_VAL_MAX];
  bool known = elems->n <= VL_VAL_MAX;
  for (uint16_t i = 0; i < elems->n && known; i++) {
    const VlObj *t = elems->objs[i];
    known = t->kind == VL_O_SEQ && t->sub == VL_SEQ_TUPLE && (t->nitems == 2 || t->nitems == 3) &&
            t->items[0]->n == 1 && t->items[0]->objs[0]->kind == VL_O_STR && t->items[0]->objs[0]->name;
    if (!known) break;
    int axes = 0;
    if (t->nitems == 3) { /* a shape: a tuple of k sizes adds k axes, an int n > 1 one */
      const VlVal *sh = t->items[2];
      const VlObj *so = sh->n == 1 ? sh->objs[0] : NULL;
      if (so && so->kind == VL_O_SEQ && so->sub == VL_SEQ_TUPLE && so->nitems) axes = so->nitems;
      else if (so && so->kind == VL_O_INT && so->num_known && so->index > 1) axes = 1;
      else known = false;
    }
    VlObj f = {.kind = VL_O_STR, .name = t->items[0]->objs[0]->name, .index = (uint32_t)axes, .num_known = true,
               .nd = vl_nd_unknown()};
    fields[i] = vl_val1(V(F), vl_obj(V(F), f));
  }
  return known ? tuple_of(F, fields, elems->n) : NULL;
}

/* The dtype= a call passes: its fields (record_fields), or NULL. */
static const VlVal *kw_record_fields(Frame *F, const Args *a) {
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "dtype") == 0) return record_fields(F, a->kw[i]);
  return NULL;
}

/* An array of records remembers the axes its fields add (VlObj.key of an array: record_fields). */
static const VlObj *with_fields(Frame *F, const VlObj *o, const VlVal *fields) {
  if (!fields || o->kind != VL_O_ARRAY || !(o->layout & VL_L_RECORDS)) return o;
  VlObj c = *o;
  c.key = fields;
  return vl_obj(V(F), c);
}


static bool kw_record_dtype(const Args *a) {
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "dtype") == 0) return record_dtype(a->kw[i]);
  return false;
}

/* The id of the array library of that module name ("numpy"), or 0. */
static uint8_t library_named(Frame *F, const char *module) {
  const char *member;
  const VlLibrary *lib = vl_knowledge_library(F->an->know, module, &member);
  return lib && !*member ? lib->id : 0;
}

static const VlVal *apply_entry_raw(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlVal *operand,
                                    const Args *a, bool method, VlId expr);

/* The axes (from the front, below 8) that axis k counted from the end (k < 0) may be in an array of
 * ndim nd: one unit axis there, seen as the several it may be. */
static uint8_t axes_from_end(VlNdim nd, long k) {
  uint8_t u = 0;
  for (long n = nd.lo; n <= nd.hi; n++)
    if (n + k >= 0 && n + k < 8) u |= (uint8_t)(1u << (n + k));
  return u;
}

static bool drops_one_axis(Frame *F, const VlLibEntry *e, const Args *a, bool method);

/* The axes (from the front, below 8) that unit axes ou of an array of ndim nd may be once axis k (from
 * the front, k >= 0, or from the end, k < 0) is dropped: those before it stay, those after it move one
 * forward.  Counted from the end of an unknown ndim, the dropped axis is each of those it may be, and
 * every one of them counts (a may fact: a wrong unit axis is a miss, never a false alarm). */
static uint8_t drop_axis_units(uint8_t ou, VlNdim nd, long k) {
  if (k >= 0) return k >= 8 ? ou : (uint8_t)((ou & ((1u << k) - 1)) | ((unsigned)(ou >> (k + 1)) << k));
  uint8_t u = 0;
  for (long n = nd.lo; n <= nd.hi && n + k < 9; n++)
    if (n + k >= 0) u |= drop_axis_units(ou, nd, n + k);
  return u;
}

/* The unit axes (size 1) of what an entry returns, from its unsqueeze=, shape-args, keepdim=, lead= tags
 * and the operand's own unit axes; the result has ndim rn (-1: unknown; axes count from the front, so
 * an entry that keeps or appends axes keeps the operand's).  Returns 0 when nothing is known. */
/* joins-from=P (t.flatten(k), torch.flatten(x, k)): k when P is passed as a literal k >= 0 (with
 * `alone`: and no other argument but the operand, so the joined axes run to the last), else -1 */
static long joined_axes(Frame *F, const VlLibEntry *e, const Args *a, bool method, bool alone) {
  VlId x = 0;
  long k;
  if (!e->joins_from || a->star || a->dstar || !param_val(a, e, e->joins_from, &x) || !x) return -1;
  if (!vl_int_literal(M(F), x, &k) || k < 0 || k >= VL_ND_MAX) return -1;
  return alone && a->npos + a->nkw - (method ? 0 : 1) != 1 ? -1 : k;
}

/* The unit axes of a broadcasting call (np.where(c, x, y), np.maximum(a, b)): an axis of the result is 1
 * when every array operand's is, or the operand lacks it, as binop_units does for operators.  The
 * receiver (methods) and every positional argument count; an operand's paths join their unit axes.
 * Scalars and operands we know nothing of are taken to broadcast.  Where an ndim is not known the axes
 * cannot be lined up from the end: they are counted from the front, an axis a unit one where every
 * array operand has it so (np.where(m[:, None], x[:, :1], 0)). */
static uint8_t bcast_units(const VlObj *recv, const Args *a, int rn) {
  if (a->star) return 0;
  uint8_t u = (uint8_t)(rn >= 0 && rn <= 8 ? (1u << rn) - 1 : 0), front = 0xff;
  bool any = false, exact = rn >= 0 && rn <= 8;
  for (int s = -1; s < a->npos; s++) {
    const VlObj *one[1] = {recv};
    const VlObj *const *objs = s < 0 ? one : a->pos[s] ? a->pos[s]->objs : NULL;
    uint16_t n = s < 0 ? (recv ? 1 : 0) : a->pos[s] ? a->pos[s]->n : 0;
    const VlObj *side = NULL;
    uint8_t su = 0;
    for (uint16_t i = 0; i < n; i++) {
      const VlObj *o = objs[i];
      if (o->kind != VL_O_ARRAY) continue; /* scalars, symbols, opaque objects: taken to broadcast */
      if (!vl_nd_known(o->nd) || (side && side->nd.lo != o->nd.lo)) exact = false;
      su |= obj_units(o);
      side = o;
    }
    if (!side) continue;
    any = true;
    front &= su;
    int k = side->nd.lo, shift = rn - k;
    if (!exact || shift < 0) {
      exact = false;
      continue;
    }
    for (int ax = 0; ax < k; ax++)
      if (!(su & (1u << ax))) u &= (uint8_t)~(1u << (ax + shift));
  }
  return !any ? 0 : exact ? u : front;
}

/* np.sort(x, axis=None) (tag none-flattens=axis): the axis parameter given as None flattens the operand
 * first, so the result is 1-D, whatever the row's ndim says for an axis */
static bool none_flattened(const VlLibEntry *e, const Args *a) {
  const VlVal *v = e->none_flattens ? param_val(a, e, e->none_flattens, NULL) : NULL;
  return v && vl_val_only(v, VL_O_NONE);
}

static uint8_t entry_units(Frame *F, const VlLibEntry *e, const VlObj *op, const Args *a, bool method, int rn) {
  if (none_flattened(e, a)) return 0; /* (a unit axis of the operand is no axis of the result) */
  uint8_t ou = op ? obj_units(op) : 0;
  int n = op && vl_nd_known(op->nd) ? op->nd.lo : -1;
  int lo = op ? op->nd.lo : 0; /* the fewest axes the operand may have */
  uint8_t u = 0;
  long d;
  VlId x = 0;
  if (e->unsqueeze && op && param_val(a, e, e->unsqueeze, &x) && vl_int_literal(M(F), x, &d)) {
    if (d < 0 && n >= 0) d += n + 1;
    if (d >= 0 && (n < 0 || d <= n) && d < 8)
      u |= (uint8_t)((ou & ((1u << d) - 1)) | (1u << d) | ((unsigned)(ou >> d) << (d + 1)));
    else if (d < 0) /* counted from the end of an unknown ndim: the new axis is one of those it may be */
      u |= (uint8_t)(ou | ou << 1 | axes_from_end(op->nd, d + 1));
  }
  if (e->shape_args && !a->star) {
    int first = method ? 0 : 1;
    const VlModule *m = M(F);
    if (a->npos - first == 1 && a->pos_expr[first] &&
        (vl_expr(m, a->pos_expr[first])->op == VL_E_TUPLE || vl_expr(m, a->pos_expr[first])->op == VL_E_LIST)) {
      VlId t = a->pos_expr[first];
      const VlVal *tv = a->pos[first];
      const VlObj *tup = tv && tv->n == 1 && tv->objs[0]->kind == VL_O_SEQ ? tv->objs[0] : NULL;
      for (uint32_t i = 0; i < vl_expr(m, t)->nkids && i < 8; i++) {
        int64_t v;
        if ((vl_int_literal(M(F), vl_kid(m, t, i), &d) && d == 1) ||
            (tup && i < tup->nitems && int_const(F, tup->items[i], 0, &v) && v == 1))
          u |= (uint8_t)(1u << i);
      }
    } else {
      for (int i = first; i < a->npos && i - first < 8; i++) {
        int64_t v; /* a literal 1, or a value known to be 1 (x.view(x.size(0), -1) of a unit batch) */
        if (int_const(F, a->pos[i], a->pos_expr[i], &v) && v == 1) u |= (uint8_t)(1u << (i - first));
      }
    }
  }
  if (e->keepdim && op && e->effect_cond.param) {
    VlId kx = 0, ax = 0;
    if (param_val(a, e, e->keepdim, &kx) && kx && vl_expr(M(F), kx)->op == VL_E_TRUE &&
        param_val(a, e, e->effect_cond.param, &ax) && vl_int_literal(M(F), ax, &d)) {
      if (d < 0 && n >= 0) d += n;
      if (d >= 0 && (n < 0 || d < n) && d < 8) u |= (uint8_t)(ou | (1u << d));
      else if (d < 0) u |= (uint8_t)(ou | axes_from_end(op->nd, d));
    } else if (ou && param_val(a, e, e->effect_cond.param, &ax) && vl_int_literal(M(F), ax, &d) &&
               drops_one_axis(F, e, a, method)) {
      /* out.argmax(1), out.max(dim=1) of a (1, C, H, W) output: one axis fewer, the others keep their
       * sizes, so the batch axis of size 1 stays (those after the reduced one move one forward) */
      if (d < 0 && n >= 0) d += n;
      if (n < 0 || (d >= 0 && d < n)) u |= drop_axis_units(ou, op->nd, d);
    }
  }
  long lead = e->lead, from = joined_axes(F, e, a, method, false);
  bool joined = from > 0;
  if (joined) lead = from;
  /* (flatten(k) of fewer than k + 1 axes raises: an operand of unknown ndim has the axes it names) */
  if (lead && (joined || lo >= lead)) u |= (uint8_t)(ou & ((1u << lead) - 1));
  else if (e->trail) { /* nn.Linear: all but the last axes keep their sizes (those before the fewest it may have) */
    if ((n < 0 || rn < 0 || n == rn) && lo > e->trail) u |= (uint8_t)(ou & ((1u << (lo - e->trail < 8 ? lo - e->trail : 8)) - 1));
  }
  /* an entry of the operand's ndim, unconditionally (torch.softmax, np.exp, x.sigmoid()): its unit
   * axes stay.  (Where it resizes axes instead, np.pad, the claim is wrong the cautious way: a unit
   * axis only ever makes a view whole, so no finding comes of it.)  One that appends axes
   * (nn.Embedding: (...) -> (..., dim)) keeps them too. */
  else if (e->ndim_then.rule == VL_ND_SAME && !e->ndim_cond.param && (n < 0 || rn < 0 || n == rn)) u |= ou;
  else if (e->ndim_then.rule == VL_ND_SAME_PLUS && !e->ndim_cond.param) u |= ou;
  else if (e->ndim_then.rule == VL_ND_BCAST && !e->ndim_cond.param) u |= bcast_units(method ? op : NULL, a, rn);
  /* one that drops axes (np.diagonal, torch.unbind's pieces): which of the operand's unit axes stay
   * depends on the axes dropped, so any may be one (a wrong unit axis is a miss, never a false alarm) */
  else if (e->ndim_then.rule == VL_ND_SAME_MINUS && ou) u = 0xff;
  if (rn >= 0 && rn < 8) u &= (uint8_t)((1u << rn) - 1);
  return u;
}

/* entry_units over every array of an operand value: a unit axis any of them has (the paths disagree:
 * a unit axis on one of them may be the one there). */
static uint8_t entry_units_any(Frame *F, const VlLibEntry *e, const VlVal *opv, const Args *a, bool method, int rn) {
  uint8_t u = 0;
  bool any = false;
  for (uint16_t i = 0; opv && i < opv->n; i++)
    if (opv->objs[i]->kind == VL_O_ARRAY) u |= entry_units(F, e, opv->objs[i], a, method, rn), any = true;
  return any ? u : entry_units(F, e, NULL, a, method, rn);
}

/* The table entry of the library call (here, in this module) that made array o: a method by its
 * attribute name (x.reshape), a function by the last part of its callee (torch.stack); NULL if none. */
static const VlLibEntry *producer_entry(Frame *F, const VlObj *o, VlLibKind kind) {
  const VlModule *m = M(F);
  if (!o->expr || !o->lib || vl_expr(m, o->expr)->op != VL_E_CALL) return NULL;
  VlId callee = vl_kid(m, o->expr, 0);
  const VlExpr *cx = vl_expr(m, callee);
  if (kind == VL_LIB_METHOD && cx->op != VL_E_ATTR) return NULL;
  const char *fn = kind == VL_LIB_METHOD ? vl_str(m, cx->a) : vl_expr_text(F->an, callee);
  const char *dot = fn && kind != VL_LIB_METHOD ? strrchr(fn, '.') : NULL;
  return fn ? vl_libtable_find(library(F, o->lib)->table, kind, dot ? dot + 1 : fn) : NULL;
}

/* The size of axis d of array o when the code states it: its literal shape, or the literal at that
 * place in the shape-args call that made it (x.reshape(-1, 2): axis 1 has 2 entries). */
static bool literal_axis_size(Frame *F, const VlObj *o, int d, long *size) {
  const VlModule *m = M(F);
  if (!o->sub && o->shape && !o->shape->upper && d >= 0 && d < o->shape->n && o->shape->dims[d] > 0) { /* (a view's is its base's) */
    *size = (long)o->shape->dims[d];
    return true;
  }
  if (!o->expr || vl_expr(m, o->expr)->op != VL_E_CALL) return false;
  VlId call = o->expr;
  bool method = vl_expr(m, vl_kid(m, call, 0))->op == VL_E_ATTR;
  const VlLibEntry *e = producer_entry(F, o, method ? VL_LIB_METHOD : VL_LIB_FUNCTION);
  if (!e || !e->shape_args) return false;
  VlId items[8];
  int n = 0;
  uint32_t first = method ? 1 : 2, nk = vl_expr(m, call)->nkids;
  if (nk == first + 1 && (vl_expr(m, vl_kid(m, call, first))->op == VL_E_TUPLE || vl_expr(m, vl_kid(m, call, first))->op == VL_E_LIST)) {
    VlId t = vl_kid(m, call, first);
    for (uint32_t i = 0; i < vl_expr(m, t)->nkids && n < 8; i++) items[n++] = vl_kid(m, t, i);
  } else {
    for (uint32_t i = first; i < nk && n < 8; i++) {
      VlId k = vl_kid(m, call, i);
      if (vl_expr(m, k)->op == VL_E_KW || vl_expr(m, k)->op == VL_E_STAR) return false;
      items[n++] = k;
    }
  }
  if (d < 0) d += n;
  return d >= 0 && d < n && vl_int_literal(m, items[d], size) && *size > 0;
}

/* The unit axes of each piece of a split (x.chunk(2, -1) of a (N, 2) array, t.split(1, d)): the
 * operand's, and the split axis when each piece has one entry along it (tags chunks=, splitsize=). */
static uint8_t piece_units(Frame *F, const VlLibEntry *e, const VlObj *o, const Args *a) {
  if (!vl_nd_known(o->nd) || (!e->chunks && !e->splitsize)) return 0;
  int n = o->nd.lo;
  uint8_t u = obj_units(o);
  long d = 0, k;
  VlId ax = 0, kx = 0;
  if (e->pieces_axis && param_val(a, e, e->pieces_axis, &ax) && !(ax && vl_int_literal(M(F), ax, &d))) return u;
  if (d < 0) d += n;
  if (d < 0 || d >= n || d >= 8) return u;
  bool one = false;
  if (e->splitsize) one = param_val(a, e, e->splitsize, &kx) && kx && vl_int_literal(M(F), kx, &k) && k == 1;
  else if (param_val(a, e, e->chunks, &kx) && kx && vl_int_literal(M(F), kx, &k) && k > 0) {
    long size;
    one = literal_axis_size(F, o, (int)d, &size) && size == k;
  }
  return one ? (uint8_t)(u | (1u << d)) : u;
}

/* The ndim of an array made from Python data v (np.array(v), torch.tensor(v)): a number is 0-D, an
 * array its own, a list or tuple one more than its elements; unknown when the parts disagree (ragged
 * data) or are unknown (a parameter). */
static int data_ndim(Frame *F, const VlVal *v, int depth) {
  int nd = -1;
  for (uint16_t i = 0; v && i < v->n && depth < 8; i++) {
    const VlObj *o = v->objs[i];
    int k = o->kind == VL_O_INT || o->kind == VL_O_SCALAR              ? 0
            : o->kind == VL_O_ARRAY && vl_nd_known(o->nd)              ? o->nd.lo
            : o->kind == VL_O_SEQ && (o->sub == VL_SEQ_LIST || o->sub == VL_SEQ_TUPLE)
                ? (o->nitems ? data_ndim(F, o->items[0], depth + 1) : data_ndim(F, seq_elems(F, o), depth + 1))
                : -1;
    if (k >= 0 && o->kind == VL_O_SEQ) {
      k = k + 1 > VL_ND_MAX ? -1 : k + 1;
      for (uint16_t j = 1; j < o->nitems && k >= 0; j++)
        if (data_ndim(F, o->items[j], depth + 1) != k - 1) k = -1;
    }
    if (k < 0 || (nd >= 0 && k != nd)) return -1;
    nd = k;
  }
  return nd;
}

/* The unit axes of an array made from the data written at x: a list or tuple display of one item
 * ([row], [[1, 2, 3]], (x,)) has one entry along its axis, and the item's own unit axes follow. */
static uint8_t data_units(Frame *F, VlId x, const VlVal *v, int axis) {
  const VlModule *m = M(F);
  if (axis >= 8) return 0;
  if (x && (vl_expr(m, x)->op == VL_E_LIST || vl_expr(m, x)->op == VL_E_TUPLE)) {
    const VlExpr *lx = vl_expr(m, x);
    if (lx->nkids != 1 || vl_expr(m, vl_kid(m, x, 0))->op == VL_E_STAR) return 0;
    const VlVal *item = NULL;
    for (uint16_t i = 0; v && i < v->n; i++) /* the display's one item, as its value knows it */
      if (v->objs[i]->kind == VL_O_SEQ) item = v->objs[i]->nitems ? v->objs[i]->items[0] : seq_elems(F, v->objs[i]);
    return (uint8_t)(1u << axis | data_units(F, vl_kid(m, x, 0), item, axis + 1));
  }
  uint8_t u = 0;
  for (uint16_t i = 0; v && i < v->n; i++) { /* an array item: its unit axes, one place further in */
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_ARRAY) return 0;
    uint8_t ou = (uint8_t)(obj_units(o) << axis);
    u = i ? (uint8_t)(u & ou) : ou;
  }
  return u;
}

/* An array made from a one-item display (np.array([row]), torch.tensor([[1, 2, 3]])): its ndim when the
 * data tells it (else at least one: torch.tensor([ids]) of a parameter), and its unit axes.  Other data
 * keeps an unknown ndim: np.array([a, b])[0] shows half, np.array(rows)[0] may show half too. */
/* The data of np.array([i, j]) or torch.tensor([int(k)]): a list or tuple whose items are all ints
 * (known ones, or every element a list filled in a loop holds), so the array holds integer indices. */
static bool data_ints(Frame *F, const VlVal *v) {
  if (vl_val_empty(v)) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ || (o->sub != VL_SEQ_LIST && o->sub != VL_SEQ_TUPLE)) return false;
    if (!o->nitems && !vl_val_only(seq_elems(F, o), VL_O_INT)) return false;
    for (uint16_t j = 0; j < o->nitems; j++)
      if (!vl_val_only(o->items[j], VL_O_INT)) return false;
  }
  return true;
}

static const VlVal *from_data(Frame *F, const VlVal *r, const Args *a) {
  const VlModule *m = M(F);
  VlId x = a->pos_expr[0];
  if (a->npos < 1 || a->star || !x || (vl_expr(m, x)->op != VL_E_LIST && vl_expr(m, x)->op != VL_E_TUPLE) ||
      vl_expr(m, x)->nkids != 1)
    return r;
  int nd = data_ndim(F, a->pos[0], 0); /* -1: unknown, yet at least the display's one axis */
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "ndmin") == 0) return r; /* leading axes added: not followed */
  const VlObj *out[VL_VAL_MAX + 1];
  int k = 0;
  for (uint16_t i = 0; i < r->n && k < VL_VAL_MAX + 1; i++) {
    const VlObj *o = r->objs[i];
    if (o->kind == VL_O_ARRAY && !o->sub && (nd < 1 ? o->nd.hi >= 1 : o->nd.lo <= nd && nd <= o->nd.hi)) {
      VlObj c = *o;
      if (nd >= 1) c.nd = vl_nd_exact(nd);
      else if (c.nd.lo < 1) c.nd.lo = 1;
      c.layout = fresh_layout(c.nd);
      o = with_units(F, vl_obj(V(F), c), data_units(F, a->pos_expr[0], a->pos[0], 0));
    }
    out[k++] = o;
  }
  return vl_val_of(V(F), out, (size_t)k);
}

/* A reduction (an entry with a keepdim= tag, the axis its condition parameter) over one integer axis,
 * with keepdims a literal or absent (*kept: True): without keepdims the result has one axis fewer than
 * its operand (measured by the probe: axis=0 of 2-D and 3-D operands).  Only when nothing else is passed that could change the shape: np.quantile's
 * q (a list of quantiles adds an axis) or out= (the result is that array). */
static bool reduces_one_axis(Frame *F, const VlLibEntry *e, const Args *a, bool method, bool *kept) {
  if (!e->keepdim || !e->effect_cond.param || a->star || a->dstar || a->spread) return false;
  VlId kx = 0;
  const VlVal *keep = param_val(a, e, e->keepdim, &kx);
  *kept = keep && kx && vl_expr(M(F), kx)->op == VL_E_TRUE;
  if (keep && !*kept && !(kx && vl_expr(M(F), kx)->op == VL_E_FALSE)) return false;
  const VlVal *ax = param_val(a, e, e->effect_cond.param, NULL);
  if (!ax || !vl_val_only(ax, VL_O_INT)) return false;
  int axpos = vl_lib_param_pos(e, e->effect_cond.param);
  for (int i = 0; i < a->npos; i++)
    if (i != axpos && !(i == 0 && !method)) return false;
  for (int i = 0; i < a->nkw; i++) {
    const char *k = a->kwname[i];
    if (strcmp(k, e->effect_cond.param) != 0 && strcmp(k, e->keepdim) != 0 && strcmp(k, "dtype") != 0 &&
        strcmp(k, "ddof") != 0)
      return false;
  }
  return true;
}

/* The same without keepdims (or with keepdims=False): one axis fewer. */
static bool drops_one_axis(Frame *F, const VlLibEntry *e, const Args *a, bool method) {
  bool kept = false;
  return reduces_one_axis(F, e, a, method, &kept) && !kept;
}

/* The unit axes of a stack or a concatenation of a display (torch.stack((s, c), dim=4), torch.cat((y, x),
 * dim=3), np.concatenate([a, b], axis=1)).  The items must agree in every axis but the joined one, so a
 * unit axis of any item is one of the result's (unit axes are may facts: their union).  A stack's new
 * axis d (absent: 0) moves the items' axes from d on one back, and is a unit axis itself for a display
 * of one item; a concatenation's axis must be given (hstack joins axis 1, or 0 of 1-D items: none is
 * taken) and stays a unit axis only for a display of one item.  An axis that is no literal, or counted
 * from the end of an unknown ndim rn, gives nothing. */
static uint8_t joined_units(Frame *F, const VlLibEntry *e, const Args *a, int rn) {
  const VlModule *m = M(F);
  bool stack = e->ndim_then.rule == VL_ND_STACK;
  if (a->star || a->dstar || a->npos < 1 || !a->pos_expr[0] || !a->pos[0] || (stack && !e->stacks)) return 0;
  const VlExpr *dx = vl_expr(m, a->pos_expr[0]);
  if (dx->op != VL_E_LIST && dx->op != VL_E_TUPLE) return 0;
  for (uint32_t k = 0; k < dx->nkids; k++)
    if (vl_expr(m, vl_kid(m, a->pos_expr[0], k))->op == VL_E_STAR) return 0;
  VlId ax = 0;
  if (stack) param_val(a, e, e->stacks, &ax);
  else {
    for (int i = 0; i < a->nkw; i++)
      if (strcmp(a->kwname[i], "dim") == 0 || strcmp(a->kwname[i], "axis") == 0) ax = a->kw_expr[i];
    if (!ax && a->npos >= 2) ax = a->pos_expr[1];
    if (!ax) return 0;
  }
  long d = 0;
  if (ax && !vl_int_literal(m, ax, &d)) return 0;
  if (d < 0 && rn < 0) return 0;
  if (d < 0) d += rn;
  if (d < 0 || d >= 8) return 0;
  uint8_t items = 0;
  bool any = false;
  for (uint16_t i = 0; i < a->pos[0]->n; i++) {
    const VlObj *s = a->pos[0]->objs[i];
    if (s->kind != VL_O_SEQ) continue;
    const VlVal *ev = s->sub == VL_SEQ_TUPLE ? NULL : seq_elems(F, s);
    for (uint32_t k = 0; k < (s->sub == VL_SEQ_TUPLE ? s->nitems : 1u); k++) {
      const VlVal *v = s->sub == VL_SEQ_TUPLE ? s->items[k] : ev;
      for (uint16_t j = 0; v && j < v->n; j++)
        if (v->objs[j]->kind == VL_O_ARRAY) items |= obj_units(v->objs[j]), any = true;
    }
  }
  if (!any) return 0;
  uint8_t low = (uint8_t)((1u << d) - 1), one = dx->nkids == 1 ? (uint8_t)(1u << d) : 0;
  if (stack) return (uint8_t)((items & low) | one | ((unsigned)(items & ~low) << 1));
  return (uint8_t)((items & ~(1u << d)) | one);
}

/* What a library function, method or attribute returns, per its table entry. */
static const VlVal *apply_entry(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlVal *operand,
                                const Args *a, bool method, VlId expr) {
  if (e->matmul && !a->star) { /* np.matmul(a, b), torch.bmm(a, b), a.matmul(b): as a @ b */
    const VlVal *l = method ? operand : a->npos >= 1 ? a->pos[0] : NULL;
    const VlVal *r = method ? (a->npos >= 1 ? a->pos[0] : NULL) : a->npos >= 2 ? a->pos[1] : NULL;
    if (l && r) return vl_op_binop(F, VL_OP_MATMUL, l, r, expr);
  }
  const VlVal *image = !method && !operand ? pil_array(F, lib, e, a, expr) : NULL;
  if (image) return image;
  const VlVal *r = apply_entry_raw(F, lib, e, operand, a, method, expr);
  /* a conversion (np.array, np.asarray, torch.tensor, torch.as_tensor) of a list or tuple */
  if (!method && !operand && (e->effect_then == VL_FX_CONVERT || e->effect_else == VL_FX_CONVERT || e->casts) &&
      a->npos >= 1 && vl_val_only(a->pos[0], VL_O_SEQ))
    return from_data(F, r, a);
  bool same_nd = (e->ndim_then.rule == VL_ND_SAME || e->ndim_then.rule == VL_ND_BCAST) && !e->ndim_cond.param;
  if ((e->ndim_then.rule == VL_ND_STACK || e->ndim_then.rule == VL_ND_CONCAT) && !e->ndim_cond.param && !method) {
    const VlObj *out[VL_VAL_MAX + 1];
    int k = 0;
    for (uint16_t i = 0; i < r->n && k < VL_VAL_MAX + 1; i++) {
      const VlObj *o = r->objs[i];
      int rn = o->kind == VL_O_ARRAY && vl_nd_known(o->nd) ? o->nd.lo : -1;
      uint8_t u = rn >= 0 && rn < 8 ? (uint8_t)(joined_units(F, e, a, rn) & ((1u << rn) - 1)) : joined_units(F, e, a, rn);
      out[k++] = o->kind == VL_O_ARRAY ? with_units(F, o, (uint8_t)(o->units | u)) : o;
    }
    return vl_val_of(V(F), out, (size_t)k);
  }
  if (!e->unsqueeze && !e->shape_args && !e->keepdim && !e->lead && !e->joins_from && !same_nd) return r;
  const VlVal *opv = operand ? operand : a->npos ? a->pos[0] : NULL;
  const VlObj *op = NULL;
  for (uint16_t i = 0; opv && i < opv->n && !op; i++)
    if (opv->objs[i]->kind == VL_O_ARRAY) op = opv->objs[i];
  const VlObj *out[VL_VAL_MAX + 1];
  int k = 0;
  for (uint16_t i = 0; i < r->n && k < VL_VAL_MAX + 1; i++) {
    const VlObj *o = r->objs[i];
    if (o->kind == VL_O_ARRAY && !vl_nd_known(o->nd) && op && vl_nd_known(op->nd)) {
      /* x.unsqueeze(d): one axis more; x.sum(d, keepdim=True): as many; x.sum(d): one fewer (a reduction
       * over one integer axis, keepdim= absent or False: drops_one_axis) */
      VlId kx = 0;
      int want = e->unsqueeze ? op->nd.lo + 1
                 : e->keepdim && param_val(a, e, e->keepdim, &kx) && kx && vl_expr(M(F), kx)->op == VL_E_TRUE ? op->nd.lo
                 : op->nd.lo >= 2 && drops_one_axis(F, e, a, method)                                          ? op->nd.lo - 1
                                                                                                              : -1;
      if (want >= 0 && want <= VL_ND_MAX && want >= o->nd.lo && want <= o->nd.hi) {
        VlObj c = *o;
        c.nd = vl_nd_exact(want);
        o = vl_obj(V(F), c);
      }
    }
    if (o->kind == VL_O_ARRAY && !vl_nd_known(o->nd) && op && op->nd.lo >= 1 && drops_one_axis(F, e, a, method)) {
      VlObj c = *o; /* x.argmax(dim=-1) of an x of unknown ndim: one axis fewer than x may have */
      c.nd = (VlNdim){(uint8_t)(op->nd.lo - 1), (uint8_t)(op->nd.hi == VL_ND_MAX ? VL_ND_MAX : op->nd.hi - 1)};
      if (c.nd.lo >= o->nd.lo && c.nd.hi <= o->nd.hi) o = vl_obj(V(F), c);
    }
    if (o->kind == VL_O_ARRAY) o = with_units(F, o, entry_units_any(F, e, opv, a, method, vl_nd_known(o->nd) ? o->nd.lo : -1));
    out[k++] = o;
  }
  return vl_val_of(V(F), out, (size_t)k);
}

/* Is o a stack of a literal list of 2..7 arrays (torch.stack([torch.empty_like(t), t], dim): a call of
 * an entry with stacks=P), and axis expression `ax` its stacked axis: the same variable, or the same
 * integer? Then one entry along it shows 1/k of o, and pins less than 8 times what it shows. */
static bool stacked_few_axis(Frame *F, const VlObj *o, VlId ax) {
  const VlModule *m = M(F);
  if (o->kind != VL_O_ARRAY || o->sub || !o->lib || !o->expr || !ax) return false;
  const VlExpr *x = vl_expr(m, o->expr);
  if (x->op != VL_E_CALL || x->nkids < 2) return false;
  const VlLibEntry *se = producer_entry(F, o, VL_LIB_FUNCTION);
  if (!se || !se->stacks) return false;
  VlId list = vl_kid(m, o->expr, 1);
  const VlExpr *lx = vl_expr(m, list);
  if ((lx->op != VL_E_LIST && lx->op != VL_E_TUPLE) || lx->nkids < 2 || lx->nkids >= 8) return false;
  for (uint32_t i = 0; i < lx->nkids; i++)
    if (vl_expr(m, vl_kid(m, list, i))->op == VL_E_STAR) return false;
  int pos = vl_lib_param_pos(se, se->stacks);
  VlId sax = 0; /* the stack's axis argument, positional or by keyword; absent: axis 0 */
  for (uint32_t i = 1, npos = 0; i < x->nkids; i++) {
    VlId k = vl_kid(m, o->expr, i);
    const VlExpr *kx = vl_expr(m, k);
    if (kx->op == VL_E_STAR || kx->op == VL_E_DSTAR) return false;
    if (kx->op == VL_E_KW && strcmp(vl_str(m, kx->a), se->stacks) == 0) sax = vl_kid(m, k, 0);
    else if (kx->op != VL_E_KW && (int)npos++ == pos) sax = k;
  }
  long sv = 0, av;
  if (sax && vl_same_name(m, ax, sax)) return true;
  return vl_int_literal(m, ax, &av) && (!sax || vl_int_literal(m, sax, &sv)) && sv == av && sv >= 0;
}

/* Whether the pieces of a split are of one size: x.chunk(k), t.split(d), np.split(x, k) and t.unbind(d)
 * (torch.split's last piece may be shorter; taken as equal, which can only keep a finding back).  Not
 * with sizes or split points given as a list, tuple, range or array (np.split(x, [1]),
 * t.split([d, 2 * d])): those pieces differ, and a small one pins much more than it shows. */
static bool equal_pieces(Frame *F, const VlLibEntry *e, const Args *a) {
  if (e->ndim_then.rule == VL_ND_SAME_MINUS) return true; /* unbind: every piece is one index along d */
  const char *p = e->chunks ? e->chunks : e->splitsize;
  VlId x = 0;
  const VlVal *v = p ? param_val(a, e, p, &x) : NULL;
  if (!v) return false;
  if (x && (vl_expr(M(F), x)->op == VL_E_LIST || vl_expr(M(F), x)->op == VL_E_TUPLE)) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    VlObjKind k = v->objs[i]->kind;
    if (k == VL_O_SEQ || k == VL_O_RANGE || k == VL_O_ARRAY || k == VL_O_INDEX) return false;
  }
  return true;
}

static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n);
static const VlVal *bounding_boxes(Frame *F, const VlVal *operand, VlId expr);

/* Which array's axis 0 the expression e denotes: `x.shape[0]`, `x.size(0)`, `len(x)`, or a name bound
 * in its function to one of those or as the first of `b, n, d = x.shape` (every binding agreeing).
 * Returns x's expression, or 0. */
static VlId axis0_of(const VlModule *m, VlId e, int depth) {
  const VlExpr *x = vl_expr(m, e);
  long v;
  if (x->op == VL_E_SUB && x->nkids == 2 && vl_int_literal(m, vl_kid(m, e, 1), &v) && v == 0) {
    const VlExpr *on = vl_expr(m, vl_kid(m, e, 0));
    if (on->op == VL_E_ATTR && strcmp(vl_str(m, on->a), "shape") == 0) return vl_kid(m, vl_kid(m, e, 0), 0);
    return 0;
  }
  if (x->op == VL_E_CALL && x->nkids == 2) {
    VlId fn = vl_kid(m, e, 0), arg = vl_kid(m, e, 1);
    const VlExpr *f = vl_expr(m, fn);
    if (f->op == VL_E_NAME && strcmp(vl_str(m, f->a), "len") == 0 && vl_expr(m, arg)->op == VL_E_NAME) return arg;
    if (f->op == VL_E_ATTR && strcmp(vl_str(m, f->a), "size") == 0 && vl_int_literal(m, arg, &v) && v == 0)
      return vl_kid(m, fn, 0);
    return 0;
  }
  if (x->op != VL_E_NAME || depth > 1) return 0;
  VlId found = 0;
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (st->kind != VL_S_ASSIGN) continue;
    for (uint32_t t = 0; t < st->n; t++) {
      VlId tg = m->kids[st->b + t], got = 0;
      const VlExpr *tx = vl_expr(m, tg);
      if (vl_same_name(m, tg, e)) {
        got = axis0_of(m, st->a, depth + 1);
      } else if ((tx->op == VL_E_TUPLE || tx->op == VL_E_LIST) && tx->nkids) {
        bool named = false;
        for (uint32_t k = 0; k < tx->nkids; k++) named |= vl_same_name(m, vl_kid(m, tg, k), e);
        if (!named) continue;
        const VlExpr *val = vl_expr(m, st->a);
        VlId on = val->op == VL_E_ATTR && strcmp(vl_str(m, val->a), "shape") == 0 ? vl_kid(m, st->a, 0)
                  : val->op == VL_E_CALL && val->nkids == 1 && vl_expr(m, vl_kid(m, st->a, 0))->op == VL_E_ATTR &&
                          strcmp(vl_str(m, vl_expr(m, vl_kid(m, st->a, 0))->a), "size") == 0
                      ? vl_kid(m, vl_kid(m, st->a, 0), 0)
                      : 0;
        got = on && vl_same_name(m, vl_kid(m, tg, 0), e) ? on : 0;
      } else {
        continue;
      }
      if (!got || (found && !vl_same_name(m, found, got))) return 0;
      found = got;
    }
  }
  return found && vl_expr(m, found)->op == VL_E_NAME ? found : 0;
}

/* Is `expr` a method call `r.reshape(n0, ...)` (or `r.reshape((n0, ...))`) whose first size is axis 0
 * of r, or of x where r is x[:, ...] (axis 0 whole)? */
static bool keeps_first_axis(Frame *F, VlId expr) {
  const VlModule *m = M(F);
  const VlExpr *c = expr ? vl_expr(m, expr) : NULL;
  if (!c || c->op != VL_E_CALL || c->nkids < 2 || vl_expr(m, vl_kid(m, expr, 0))->op != VL_E_ATTR) return false;
  VlId recv = vl_kid(m, vl_kid(m, expr, 0), 0), first = vl_kid(m, expr, 1);
  const VlExpr *fx = vl_expr(m, first);
  if ((fx->op == VL_E_TUPLE || fx->op == VL_E_LIST) && fx->nkids) first = vl_kid(m, first, 0);
  VlId x = axis0_of(m, first, 0);
  if (!x) return false;
  if (vl_same_name(m, x, recv)) return true;
  const VlExpr *r = vl_expr(m, recv);
  if (r->op != VL_E_SUB || r->nkids < 2 || !vl_same_name(m, x, vl_kid(m, recv, 0))) return false;
  const VlExpr *i0 = vl_expr(m, vl_kid(m, recv, 1));
  return i0->op == VL_E_SLICE && !vl_kid(m, vl_kid(m, recv, 1), 0) && !vl_kid(m, vl_kid(m, recv, 1), 1) &&
         !vl_kid(m, vl_kid(m, recv, 1), 2);
}

/* For the tag keeps-order: v is Python data or C-contiguous arrays.  The operand must be known; another
 * argument may also be a string, None, a range or a dtype (np.pad(a, 1, mode="edge")), not an unknown
 * value.  A deferred operation beside an array (`x @ w` with x a parameter) is decided again by each
 * caller, where the guess is dropped: the array decides here. */
static bool c_order_data(const VlVal *v, bool operand) {
  if (operand && vl_val_empty(v)) return false;
  bool guess = vl_val_has(v, VL_O_ARRAY);
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *p = v->objs[i];
    if (p->kind == VL_O_SYM && guess) continue;
    if (p->kind == VL_O_ARRAY ? !(p->layout & VL_L_C)
                              : p->kind != VL_O_SEQ && p->kind != VL_O_INT && p->kind != VL_O_SCALAR &&
                                    (operand || (p->kind != VL_O_STR && p->kind != VL_O_NONE && p->kind != VL_O_RANGE && p->kind != VL_O_LIB &&
                                                 p->kind != VL_O_SHAPE)))
      return false;
  }
  return true;
}

/* May a new array of row e be C-contiguous?  Without the tag keeps-order, yes (fresh_layout decides); with it
 * (scipy.special.softmax, np.exp, np.gradient's arrays), only of Python data or C-contiguous arrays, else its
 * layout is unknown: every argument counts, as a ufunc's order follows all its inputs (np.add(1.0, a.T)). */
static bool order_kept_c(const VlLibEntry *e, const VlVal *operand, const Args *a) {
  if (!e->keeps_order) return true;
  if (!c_order_data(operand, true) || a->star || a->spread) return false;
  for (int i = 0; i < a->npos + a->nkw; i++)
    if (!c_order_data(i < a->npos ? a->pos[i] : a->kw[i - a->npos], false)) return false;
  return true;
}

static const VlVal *apply_entry_raw(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlVal *operand,
                                    const Args *a, bool method, VlId expr) {
  /* out=: the result is the output array itself; no new array is bound */
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], "out") == 0 && vl_val_has(a->kw[i], VL_O_ARRAY)) return a->kw[i];
  if (!operand) operand = a->npos ? a->pos[0] : vl_unknown(V(F));
  operand = vl_as_array(F, operand, vl_nd_unknown());
  VlLibEffect fx;
  if (!entry_effect(F, e, a, operand, &fx)) return vl_unknown(V(F)); /* the operand's ndim decides, and it is unknown */
  if (e->order && fx == VL_FX_VIEW && !ordered_effect(e, a, &fx)) return vl_unknown(V(F));
  /* an ndim condition that cannot be decided ("ndim>1" of an operand of unknown ndim: squareform) leaves
   * the ndim unknown, not the else branch's */
  int nd_then = cond_value(F, e, a, e->ndim_cond, operand);
  VlNdim nd = nd_then < 0 ? vl_nd_unknown() : apply_nd(F, e, nd_then ? e->ndim_then : e->ndim_else, operand, a, method);
  long joined = joined_axes(F, e, a, method, true);
  if (joined >= 0) nd = vl_nd_exact((int)joined + 1); /* t.flatten(1): (B, C*H*W) */
  if (none_flattened(e, a)) nd = vl_nd_exact(1);
  uint8_t id = (uint8_t)(lib->arrays ? lib->arrays : lib->id); /* torchvision.ops.nms: a torch tensor */
  Acc acc = {0};
  switch (fx) {
  case VL_FX_VIEW: {
    const VlVal *arr = vl_as_array(F, operand, vl_nd_unknown());
    /* a cast (.astype(t, copy=False), t.float(), t.to(torch.float16)): the same memory only when the
     * operand has dtype t already */
    const char *cast_param = e->casts ? e->casts : e->casts_arg;
    const VlVal *cast = cast_param ? param_val(a, e, cast_param, &(VlId){0}) : NULL;
    const char *to = e->casts_to ? e->casts_to : cast && !vl_val_only(cast, VL_O_NONE) ? canonical_dtype(cast) : NULL;
    bool casting = e->casts ? cast && !vl_val_only(cast, VL_O_NONE) : to != NULL;
    /* `.to(dtype=d)` with d not known (`dtype=original_dtype`): a dtype all the same, maybe another one,
     * so a copy or not (a positional `.to(x)` may be a device: the same memory) */
    for (int k = 0; e->casts_arg && !casting && cast && !vl_val_only(cast, VL_O_NONE) && k < a->nkw; k++)
      casting = strcmp(a->kwname[k], e->casts_arg) == 0;
    bool any = false;
    for (uint16_t i = 0; i < arr->n; i++) {
      const VlObj *o = arr->objs[i];
      if (o->kind != VL_O_ARRAY) continue;
      any = true;
      if (casting) {
        const char *from = o->shape && o->shape->dtype_sure ? o->shape->dtype : NULL;
        /* t.float() of a tensor of unknown dtype: taken to have its library's default (float32), as
         * the table's policy row had it before dtypes were followed */
        if (!from && !e->casts) from = lib->dtype;
        if (!to || !from) { /* either dtype unknown: so is the result */
          add(&acc, unknown_obj(F));
          continue;
        }
        if (strcmp(to, from) != 0) { /* a dtype change copies, copy=False or not */
          add(&acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), id, nd, 0, expr));
          continue;
        }
      }
      /* np.frombuffer(buf, dtype=REC), a.view(REC), np.asarray(records): still records */
      uint8_t rec = (uint8_t)((o->layout & VL_L_RECORDS) | (kw_record_dtype(a) ? VL_L_RECORDS : 0));
      /* t.select(dim, j) of a stack of a few along dim: one of few entries, not a part */
      VlId pick = 0;
      bool narrows = e->narrows && !(e->picks && param_val(a, e, e->picks, &pick) && stacked_few_axis(F, o, pick));
      uint8_t lay = e->contiguous ? fresh_layout(nd) : e->keeps_layout ? o->layout : 0;
      /* (an axis added or dropped, `x.unsqueeze(0)`, may change what a row is) */
      if (!vl_nd_known(nd) || !vl_nd_known(o->nd) || nd.lo != o->nd.lo) lay &= (uint8_t)~VL_L_ROWS;
      /* np.asarray(a), torch.from_numpy(a) of a whole array: its axes, so its base's shape says what a
       * subscript of it shows (shows_most) */
      lay &= (uint8_t)~VL_L_AXES;
      if (e->keeps_layout && !narrows && e->ndim_then.rule == VL_ND_SAME && !e->ndim_cond.param && nd.lo == o->nd.lo &&
          nd.hi == o->nd.hi && (!o->sub || ((o->layout & VL_L_AXES) && !(o->flags & VL_F_PARTIAL))))
        lay |= VL_L_AXES;
      const VlObj *same = same_elements(F, o, nd, narrows, expr, (uint8_t)(lay | rec));
      same = with_fields(F, same, kw_record_fields(F, a) ? kw_record_fields(F, a) : o->key);
      /* torch.from_numpy(a), torch.as_tensor(a), np.asarray(t): the same memory, seen as an array of
       * the function's library (whose methods and indexing apply to it from here on); t.numpy(): of
       * the library its row names */
      uint8_t as = e->lib_to ? library_named(F, e->lib_to) : !method ? id : same->lib;
      if (as && same->lib != as) {
        VlObj c = *same;
        c.lib = as;
        same = vl_obj(V(F), c);
      }
      add(&acc, same);
    }
    if (!any || vl_val_has(arr, VL_O_UNKNOWN) || vl_val_has(arr, VL_O_SEQ)) {
      /* np.asarray(list) makes a new array; an unknown operand: unknown */
      if (vl_val_has(arr, VL_O_SEQ)) add(&acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_PRODUCER), id, nd, 0, expr));
      else add(&acc, unknown_obj(F));
    }
    return done(F, &acc);
  }
  case VL_FX_CONTIG:
  case VL_FX_FCONTIG:
  case VL_FX_RESHAPE:
  case VL_FX_RAVEL: {
    /* decided by the operand's layout: already so, the same memory; not so, a copy; unknown: unknown */
    uint8_t yes = fx == VL_FX_FCONTIG ? VL_L_F : VL_L_C, no = fx == VL_FX_FCONTIG ? VL_L_NOTF : VL_L_NOTC;
    const VlVal *arr = vl_as_array(F, operand, vl_nd_unknown());
    for (uint16_t i = 0; i < arr->n; i++) {
      const VlObj *o = arr->objs[i];
      if (o->kind != VL_O_ARRAY) {
        add(&acc, unknown_obj(F));
      } else if (fx == VL_FX_RESHAPE && vl_nd_known(o->nd) && o->nd.lo == 1 && vl_nd_known(nd) && nd.lo == 1) {
        /* a 1-D array reshaped to 1-D (a[:, j].reshape(-1)) needs no copy whatever its strides */
        add(&acc, same_elements(F, o, nd, e->narrows, expr, o->layout));
      } else if (o->layout & yes) {
        add(&acc, same_elements(F, o, nd, e->narrows, expr, (uint8_t)(fx == VL_FX_FCONTIG ? o->layout : VL_L_C | (nd.hi <= 1 ? VL_L_F : 0))));
      } else if (fx == VL_FX_RESHAPE && (o->layout & VL_L_ROWS) && keeps_first_axis(F, expr)) {
        /* x[:, 1:].reshape(b, h, w, d) with b = x.shape[0]: each row is split, never merged */
        add(&acc, same_elements(F, o, nd, e->narrows, expr, VL_L_ROWS));
      } else if ((o->layout & no) && fx != VL_FX_RESHAPE) {
        add(&acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), id, nd, 0, expr));
      } else if (fx == VL_FX_RESHAPE && o->sub && !(o->flags & VL_F_PARTIAL)) {
        /* a view showing all its base, not known to be C-contiguous (x.transpose(0, 2, 1, 3), a
         * permute): reshaped, either the same memory or a copy of all of it, made here (einops-style
         * patches: x.reshape(h, p, w, p).transpose(0, 2, 1, 3).reshape(-1, p, p)).  Taken as the view:
         * whole, it pins nothing either way; a part of it (patches[k]) pins a whole array made in the
         * same iteration either way, the base or the copy. */
        add(&acc, same_elements(F, o, nd, false, expr, 0));
      } else if (fx == VL_FX_RESHAPE && !o->sub && o->site && o->site->kind == VL_SITE_NEW) {
        /* a whole new array of unknown layout (np.abs(x) of a parameter's element: tag keeps-order):
         * the same memory or a copy of all of it, made here; taken as the same memory, as above */
        add(&acc, same_elements(F, o, nd, false, expr, 0));
      } else if (fx == VL_FX_RESHAPE && !o->sub && o->site && o->site->kind == VL_SITE_SYM) {
        /* of a parameter: which it is, the array the caller passes decides (summary.c: inst_sym_array) */
        VlObj c = *same_elements(F, o, nd, false, expr, 0);
        c.flags |= VL_F_BY_LAYOUT;
        add(&acc, vl_obj(V(F), c));
      } else {
        add(&acc, unknown_obj(F));
      }
    }
    return done(F, &acc);
  }
  case VL_FX_COPY: {
    /* np.delete(a, ...) keeps at most a's shape: sizes in messages say "up to" */
    const VlShape *shape = NULL;
    if (e->shrinks && e->grows == VL_GROW_NONE && strcmp(e->name, "delete") == 0) {
      bool same = true;
      for (uint16_t i = 0; i < operand->n && same; i++) {
        const VlObj *o = operand->objs[i];
        const VlShape *os = o->kind == VL_O_ARRAY && !o->sub ? o->shape : NULL;
        if (!os || (shape && (os->n != shape->n || memcmp(os->dims, shape->dims, sizeof os->dims) != 0))) same = false;
        else shape = os;
      }
      if (same && shape) {
        VlShape sh = *shape;
        sh.upper = true;
        shape = vl_shape(V(F), sh);
      } else {
        shape = NULL;
      }
    } else if (e->stacks) {
      shape = display_shape(F, e, a, nd);
    } else if (e->ndim_then.rule == VL_ND_CONCAT) {
      shape = concat_shape(F, e, a, nd);
    } else if (e->casts && e->ndim_then.rule == VL_ND_SAME && operand->n == 1 && operand->objs[0]->kind == VL_O_ARRAY &&
               !operand->objs[0]->sub && operand->objs[0]->shape && !operand->objs[0]->shape->side) {
      /* a.astype(t) of a whole array: its sizes, in another dtype */
      VlShape sh = *operand->objs[0]->shape;
      sh.dtype = NULL, sh.itemsize = 0, sh.dtype_sure = false;
      const char *c = NULL;
      for (int i = 0; i < a->npos + a->nkw && !c; i++) c = canonical_dtype(i < a->npos ? a->pos[i] : a->kw[i - a->npos]);
      if (c) sh.dtype = c, sh.itemsize = (uint8_t)dtype_size(c), sh.dtype_sure = true;
      shape = vl_shape(V(F), sh);
    }
    VlObj o = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, VL_HOW_COPY), .lib = id, .nd = nd, .expr = expr, .shape = shape, .layout = fresh_layout(nd), .flags = e->ints ? VL_F_INTS : 0};
    if (!order_kept_c(e, operand, a)) o.layout = 0;
    /* np.delete, np.sort, np.concatenate of structured arrays: still records */
    bool records = !e->ints && vl_val_has(operand, VL_O_ARRAY);
    for (uint16_t i = 0; i < operand->n && records; i++)
      if (operand->objs[i]->kind == VL_O_ARRAY && !(operand->objs[i]->layout & VL_L_RECORDS)) records = false;
    if (records) o.layout |= VL_L_RECORDS;
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  case VL_FX_CONVERT: {
    const VlVal *r = vl_new_array(F, vl_val_has(operand, VL_O_ARRAY) || vl_val_has(operand, VL_O_SYM) ? VL_HOW_COPY : VL_HOW_PRODUCER,
                                  id, nd, expr);
    const VlShape *sh = vl_val_has(operand, VL_O_SEQ) ? display_shape(F, e, a, nd) : NULL; /* np.array([x, y]) */
    bool typed = a->npos > 1; /* dtype given (np.array(x, float), dtype=): the ints may be made floats */
    for (int i = 0; i < a->nkw; i++)
      if (strcmp(a->kwname[i], "dtype") == 0) typed = true;
    bool ints = !method && !typed && data_ints(F, operand); /* np.array([0, n - 1]): iterating it gives ints */
    if (!sh && !ints) return r;
    VlObj o = *r->objs[0];
    if (sh) o.shape = sh;
    if (ints) o.flags |= VL_F_INTS;
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  case VL_FX_PRODUCER: {
    VlObj o = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, VL_HOW_PRODUCER), .lib = id, .nd = nd, .expr = expr, .shape = producer_shape(F, lib, e, a), .layout = fresh_layout(nd),
               .flags = e->ints ? VL_F_INTS : 0};
    for (int i = 0; i < a->nkw; i++)
      if (strcmp(a->kwname[i], "dtype") == 0 && record_dtype(a->kw[i])) o.layout |= VL_L_RECORDS;
    if (o.layout & VL_L_RECORDS) o.key = kw_record_fields(F, a);
    for (int i = 0; i < a->nkw; i++) /* np.empty(n, dtype=object): an array of references */
      if (strcmp(a->kwname[i], "dtype") == 0 && a->kw_expr[i]) {
        const char *t = vl_expr_text(F->an, a->kw_expr[i]);
        if (t && (strcmp(t, "object") == 0 || strcmp(t, "np.object_") == 0 || strcmp(t, "numpy.object_") == 0 ||
                  strcmp(t, "\"O\"") == 0 || strcmp(t, "'O'") == 0 || strcmp(t, "\"object\"") == 0 || strcmp(t, "'object'") == 0))
          o.layout |= VL_L_OBJECTS;
      }
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  case VL_FX_INT: {
    /* t.size(0) of an axis of size 1: the constant 1 (x.view(x.size(0), -1) keeps the unit axis) */
    VlId ax = 0;
    long k;
    bool unit = e->axis_size && param_val(a, e, e->axis_size, &ax) && ax && vl_int_literal(M(F), ax, &k) && k >= 0 &&
                k < 8;
    for (uint16_t i = 0; unit && i < operand->n; i++)
      unit = operand->objs[i]->kind == VL_O_ARRAY && (obj_units(operand->objs[i]) >> k & 1);
    return unit && operand->n ? vl_int_const(V(F), 1) : vl_prim(V(F), VL_O_INT);
  }
  case VL_FX_SCALAR: return vl_prim(V(F), VL_O_SCALAR);
  case VL_FX_BYTES: { /* (as f.read(n): a slice of it is no view) */
    VlObj b = *new_obj(F, expr, VL_F_ASSUMED);
    b.sub = VL_OBJ_BYTES;
    return vl_val1(V(F), vl_obj(V(F), b));
  }
  case VL_FX_LIST: {
    /* keep.tolist() of a 1-D array: a list of Python numbers, ints when its values are integer
     * indices (`for i in keep.tolist(): masks[i]` takes one mask); of another ndim, or an unknown
     * one, Python data holding no array, as a scalar is */
    bool one = operand->n > 0, ints = true;
    for (uint16_t i = 0; i < operand->n; i++) {
      const VlObj *o = operand->objs[i];
      one = one && o->kind == VL_O_ARRAY && o->nd.lo == 1 && o->nd.hi == 1;
      ints = ints && o->kind == VL_O_ARRAY && (o->flags & VL_F_INTS);
    }
    if (!one) return vl_prim(V(F), VL_O_SCALAR);
    const VlVal *list = vl_new_seq(F, VL_SEQ_LIST, expr);
    vl_heap_add_elem(F, list->objs[0]->site, vl_prim(V(F), ints ? VL_O_INT : VL_O_SCALAR));
    return list;
  }
  case VL_FX_NONE: return vl_prim(V(F), VL_O_NONE);
  case VL_FX_SLICES: return bounding_boxes(F, operand, expr);
  case VL_FX_RNG: {
    VlObj o = {.kind = VL_O_RNG, .lib = id, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  case VL_FX_INDEX: {
    /* np.nonzero: one 1-D array per axis of the operand (nd unknown); np.ix_ (tag mesh): nd k, k arrays of k axes */
    VlObj o = {.kind = VL_O_INDEX, .lib = id, .nd = e->mesh && vl_nd_known(nd) && nd.lo >= 1 ? nd : vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  case VL_FX_DTYPE: {
    const VlVal *arg = a->npos ? a->pos[0] : NULL;
    if (record_dtype(arg)) {
      VlObj dt = *lib_obj(F, VL_RECORD_DTYPE, NULL, 0);
      dt.key = record_fields(F, arg);
      return vl_val1(V(F), vl_obj(V(F), dt));
    }
    return arg ? arg : vl_unknown(V(F));
  }
  case VL_FX_NAMESPACE: return vl_val1(V(F), lib_obj(F, lib->module, NULL, 0));
  case VL_FX_COPIES: { /* U, S, Vt = np.linalg.svd(a): a tuple of new arrays, each made here */
    if (e->unravels) return unravelled(F, a, id, expr);
    VlObj o = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, vl_val_has(operand, VL_O_ARRAY) ? VL_HOW_COPY : VL_HOW_PRODUCER),
               .lib = id, .nd = nd, .expr = expr, .layout = fresh_layout(nd),
               .flags = e->ints ? VL_F_INTS : 0};
    if (!order_kept_c(e, operand, a)) o.layout = 0; /* np.gradient's arrays, made by np.empty_like(f) */
    /* values, indices = t.max(dim=1) (a conditional entry): the items' ndims were measured for one
     * integer axis without keepdim; keepdim=True keeps that axis.  torch.max(a, b), keepdim of
     * unknown value, or more arguments: a tuple of arrays of unknown ndim */
    bool kept = false;
    /* (a condition that only opts out, mmap?-:copies, leaves the items as measured) */
    bool measured = !e->effect_cond.param || e->effect_then == VL_FX_UNKNOWN || (e->keepdim && reduces_one_axis(F, e, a, method, &kept)) ||
                    (e->flattens && !e->keepdim);
    if (e->nitem_nd && measured) { /* items=D:D...: exactly that many, item k of the operand's ndim + D_k */
      VlNdim on = val_nd(operand);
      if (e->flattens) { /* np.unique(x, return_index=True) without axis=: of the flattened x */
        const VlVal *p = param_val(a, e, e->flattens, NULL);
        on = !p || vl_val_only(p, VL_O_NONE) ? vl_nd_exact(1) : on;
      }
      if (kept) on = (VlNdim){(uint8_t)(on.lo + 1), (uint8_t)(on.hi < VL_ND_MAX ? on.hi + 1 : on.hi)};
      if (on.lo < e->operand_min) on.lo = e->operand_min; /* np.linalg.svd fails on fewer axes */
      if (e->operand_max && on.hi > e->operand_max) on.hi = e->operand_max; /* find_peaks fails on more */
      if (on.lo > on.hi) on.lo = on.hi;
      if (on.hi < on.lo) on.hi = on.lo;
      const VlVal **items = vl_arena_alloc_aligned(F->an->arena, e->nitem_nd * sizeof *items, _Alignof(const VlVal *));
      for (uint8_t k = 0; k < e->nitem_nd; k++) {
        if (e->item_none & (1u << k)) { /* find_peaks' properties dict: holds no array of ours */
          items[k] = vl_unknown(V(F));
          continue;
        }
        if (e->item_int & (1u << k)) { /* sr, wav = wavfile.read(p): the sample rate, an int */
          items[k] = vl_prim(V(F), VL_O_INT);
          continue;
        }
        VlObj c = o;
        int lo = on.lo + e->item_nd[k], hi = on.hi + e->item_nd[k];
        if (lo < 0) lo = 0;
        if (hi > VL_ND_MAX) hi = VL_ND_MAX;
        c.nd = hi >= lo ? (VlNdim){(uint8_t)lo, (uint8_t)hi} : vl_nd_unknown();
        if (e->item_arg & (1u << k)) { /* np.linalg.lstsq's x: b's ndim */
          const VlVal *arg = item_arg_val(e, a, e->item_nd[k]);
          c.nd = arg ? data_nd(F, arg, 0) : vl_nd_unknown();
        }
        if (e->item_anynd & (1u << k)) c.nd = vl_nd_unknown(); /* np.histogramdd's hist: as many axes as columns */
        c.layout = e->item_strided & (1u << k) ? 0 : fresh_layout(c.nd); /* (0: unknown) */
        if (e->item_ints & (1u << k)) c.flags |= VL_F_INTS;
        if (e->item_side & (1u << k)) {
          VlShape sh = {.n = 1, .side = true};
          c.shape = vl_shape(V(F), sh);
        }
        const VlObj *item = vl_obj(V(F), c);
        /* values, indices = out.max(1) of a (1, C, H, W) output: each keeps the other axes' sizes,
         * the batch axis of size 1 among them (entry_units: the reduced axis dropped or kept) */
        if (e->keepdim && e->item_nd[k] == -1)
          item = with_units(F, item, entry_units_any(F, e, operand, a, method, vl_nd_known(c.nd) ? c.nd.lo : -1));
        items[k] = vl_val1(V(F), item);
      }
      const VlVal *t = tuple_of(F, items, e->nitem_nd);
      if (e->fields && t->n == 1) { /* torch.topk(x, k).indices: a named tuple's field is its item */
        VlObj named = *t->objs[0];
        named.name = e->fields;
        t = vl_val1(V(F), vl_obj(V(F), named));
      }
      return t;
    }
    const VlVal *tuple = vl_new_seq(F, VL_SEQ_TUPLE, expr);
    vl_heap_add_elem(F, tuple->objs[0]->site, vl_val1(V(F), vl_obj(V(F), o)));
    return tuple;
  }
  case VL_FX_VIEWS: {
    const VlVal *arr = vl_as_array(F, operand, vl_nd_unknown());
    const VlVal *seq = vl_new_seq(F, VL_SEQ_LIST, expr);
    Acc pieces = {0};
    bool every = true, equal = equal_pieces(F, e, a);
    for (uint16_t i = 0; i < arr->n; i++)
      if (arr->objs[i]->kind == VL_O_ARRAY) {
        const VlObj *o = arr->objs[i];
        /* one of k < 8 equal parts (x.chunk(2, -1)) shows more than an eighth: not a part */
        VlId kx = 0;
        long k = 0;
        bool few = e->chunks && param_val(a, e, e->chunks, &kx) && kx && vl_int_literal(M(F), kx, &k) && k >= 1 && k < 8;
        /* (the pieces of torch.unbind have one axis fewer: which ones of size 1 they keep depends on
         * the axis taken, so any of them may be, when the operand has one) */
        bool fewer = e->ndim_then.rule == VL_ND_SAME_MINUS;
        VlNdim pnd = fewer ? nd_minus(o->nd, e->ndim_then.n) : o->nd;
        /* (the pieces of a view showing all of its base, `x.T`, `np.atleast_2d(x)`, are every piece of
         * it too, as its rows are: vl_op_iter_elem) */
        const VlObj *piece = few ? view_of(F, o, pnd, false, expr)
                             : o->sub && (o->flags & VL_F_PARTIAL) ? view_of(F, o, pnd, true, expr)
                                                                   : every_piece(F, o, pnd, expr);
        uint8_t pu = fewer ? (obj_units(o) ? 0xff : 0) : piece_units(F, e, o, a);
        add(&pieces, pu ? with_units(F, piece, pu) : piece);
        every = every && (piece->flags & VL_F_EVERY);
        equal = equal && !(o->sub && (o->flags & VL_F_PARTIAL));
      }
    vl_heap_add_elem(F, seq->objs[0]->site, done(F, &pieces));
    if ((every || equal) && pieces.n) {
      /* the list of all pieces of whole arrays (np.array_split(u, 8)), as list(a) is: keeping it keeps
       * each array whole and pins nothing more (retain.c: stored_views); one piece is still a part,
       * but not when the pieces are of one size and unpacked into fewer than 8 names (vl_op_unpack) */
      VlObj c = *seq->objs[0];
      c.flags |= (uint8_t)((every ? VL_F_ALL_PIECES : 0) | (equal ? VL_F_EQUAL_PIECES : 0));
      return vl_val1(V(F), vl_obj(V(F), c));
    }
    return seq;
  }
  default: return vl_unknown(V(F));
  }
}

static const VlVal *apply_method(Frame *F, const VlLibrary *lib, const VlLibEntry *e, const VlObj *recv, const Args *a,
                                 VlId expr) {
  const VlVal *r = apply_entry(F, lib, e, vl_val1(V(F), recv), a, true, expr);
  if (recv->lib) return r;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  for (uint16_t i = 0; i < r->n && n < VL_VAL_MAX + 1; i++) {
    VlObj c = *r->objs[i];
    if (c.kind == VL_O_ARRAY) c.lib = 0;
    out[n++] = vl_obj(V(F), c);
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* ---- calls ---- */

static const VlVal *call_library(Frame *F, const char *q, Args *a, VlId expr);
static const VlVal *unmodelled_call(Frame *F, const Args *a, VlId expr);
static const VlVal *call_method(Frame *F, const VlObj *m, Args *a, VlId expr);

/* The receiver's text and the call's first argument, for a store event at `expr` (c.append(v)). */
static bool literal_key(const Frame *F, VlId key) {
  if (!key) return false;
  const VlExpr *x = vl_expr(M(F), key);
  uint8_t op = x->op;
  return op == VL_E_INT || (op == VL_E_STR && !x->sub) || op == VL_E_NONE || op == VL_E_TRUE || op == VL_E_FALSE;
}

/* Collects into found[] the elements of display d (their expression ids) that made one of v's
 * objects: a view, or a deferred call or subscript, whose expression is the element itself. */
static void elem_makers(const Frame *F, const VlExpr *d, const VlVal *v, VlId *found, int *n, int depth) {
  const VlModule *m = M(F);
  for (uint16_t i = 0; v && depth < 3 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if ((o->kind == VL_O_ARRAY && o->sub) || (o->kind == VL_O_SYM && (o->sub == VL_SYM_CALLV || o->sub == VL_SYM_SUBV))) {
      for (uint16_t k = 0; k < d->nkids; k++) {
        VlId e = m->kids[d->kids + k];
        if (!e || e != o->expr) continue;
        bool seen = false;
        for (int j = 0; j < *n && !seen; j++) seen = found[j] == e;
        if (!seen && *n < 4) found[(*n)++] = e;
      }
    } else if (o->kind == VL_O_SEQ) {
      for (uint16_t k = 0; k < o->nitems; k++) elem_makers(F, d, o->items[k], found, n, depth + 1);
      elem_makers(F, d, o->elem, found, n, depth + 1);
      const VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
      if (e) elem_makers(F, d, e->elem, found, n, depth + 1);
      for (uint16_t k = 0; e && k < e->nattrs; k++) elem_makers(F, d, e->attrs[k].val, found, n, depth + 1);
    }
  }
}

/* The one element of a stored display that makes a view (`self.kept.append({"id": i,\n "clip":
 * clips[k]})`), or 0.  A caller applying this store as a callee's effect sees the view made at its
 * call, no longer by the element: the element is recorded with the effect, where the copy goes. */
static VlId inner_view_elem(const Frame *F, const VlVal *value, VlId value_expr) {
  const VlExpr *d = vl_expr(M(F), value_expr);
  if (d->op != VL_E_TUPLE && d->op != VL_E_LIST && d->op != VL_E_DICT) return 0;
  VlId found[4];
  int n = 0;
  elem_makers(F, d, value, found, &n, 0);
  return n == 1 ? found[0] : 0;
}

static void store_event(Frame *F, VlStoreKind kind, const VlVal *container, const VlVal *value, VlId value_expr,
                        VlId recv, bool implicit, VlId key) {
  const VlModule *m = M(F);
  /* a store run again while a caller resolves a callee's deferred call (`path.append` of a closure
   * cell, `lambda xk: path.append(xk[:2])` called back): the callee recorded it, where it is, as an
   * effect the caller applies; this one has no place in the source */
  if (!value_expr) return;
  StoreEv ev = {.store = (uint8_t)kind, .container = container, .value = value, .loop = F->loop,
                .key_varies = kind == VL_ST_SETITEM ? !literal_key(F, key) : true,
                .at = vl_expr_span(F->an, value_expr), .fix_at = vl_expr(m, value_expr)->end,
                .text = vl_expr_text(F->an, value_expr), .container_text = recv ? vl_expr_text(F->an, recv) : NULL,
                .implicit = implicit};
  vl_frame_store(F, &ev);
  for (uint16_t i = 0; i < container->n; i++) {
    const VlObj *c = container->objs[i];
    if (vl_caller_visible(F, c)) {
      VlEffect ef = {.kind = VL_EFF_STORE, .store = (uint8_t)kind, .key_varies = ev.key_varies, .target = container,
                     .value = value, .at = ev.at, .fix_at = ev.fix_at, .text = ev.text, .container = ev.container_text};
      VlId inner = inner_view_elem(F, value, value_expr);
      if (inner) {
        ef.inner = true;
        ef.at = vl_expr_span(F->an, inner);
        ef.fix_at = vl_expr(m, inner)->end;
        ef.text = vl_expr_text(F->an, inner);
      }
      VL_VEC_PUSH(&F->effects, ef);
      break;
    }
  }
}

/* ---- per-step values: what an iterator hands out ---- */

/* The site made again by every step of an iterator: a NEW site marked `step`. */
static const VlSite *step_variant(Frame *F, const VlSite *s) {
  VlSite c = *s;
  c.step = 1;
  return vl_site(V(F), c);
}

typedef enum { RS_MARK, RS_LOOP, RS_CALL } RestepMode;

typedef struct Restep {
  RestepMode mode;
  VlId comp_loop; /* RS_MARK: NEW sites made in this comprehension loop become step sites */
  VlId at;        /* RS_LOOP: the consuming loop (0: an implicit one); RS_CALL: the next() call */
  VlId markexpr;  /* RS_MARK: NEW sites made at this expression (map()) become step sites */
  bool listed;    /* RS_MARK: mark as VL_STEP_LISTED, objects only (not views of them); also the steps an
                     implicit loop (list(map(f, xs))) bound (comp_loop 0) */
} Restep;

static const VlSite *restep_site(Frame *F, const VlSite *s, const Restep *r) {
  if (s && r->mode == RS_MARK && r->listed && !r->comp_loop && s->kind == VL_SITE_STEP && !s->at &&
      s->mod == F->an->mi && s->via && s->via->step == 1) {
    VlSite c = *s->via;
    c.step = VL_STEP_LISTED;
    return vl_site(V(F), c);
  }
  if (!s || s->kind != VL_SITE_NEW) return s;
  switch (r->mode) {
  case RS_MARK: {
    bool in_comp = r->comp_loop && s->mod == F->an->mi && s->func == F->func && vl_loop_runs(M(F), r->comp_loop, s->start);
    bool at_expr = r->markexpr && s->mod == F->an->mi && s->at == r->markexpr;
    if (r->listed && in_comp && !s->step) {
      VlSite c = *s;
      c.step = VL_STEP_LISTED;
      return vl_site(V(F), c);
    }
    return in_comp || at_expr ? step_variant(F, s) : s;
  }
  case RS_LOOP: {
    if (!s->step) return s;
    VlSite c = {.kind = VL_SITE_STEP, .how = s->how, .mod = F->an->mi, .func = F->func, .at = r->at,
                .start = s->start, .end = s->end, .via = s};
    return vl_site(V(F), c);
  }
  case RS_CALL: {
    if (!s->step) return s;
    const VlExpr *x = vl_expr(M(F), r->at);
    VlSite c = {.kind = VL_SITE_NEW, .how = s->how, .mod = F->an->mi, .func = F->func, .at = r->at,
                .start = x->start, .end = x->end, .via = s};
    return vl_site(V(F), c);
  }
  }
  return s;
}

static const VlVal *restep(Frame *F, const VlVal *v, const Restep *r, int depth);

typedef struct RestepAt {
  const Restep *r;
  int depth;
} RestepAt;

static const VlVal *restep_map(Frame *F, const VlVal *v, void *ctx) {
  const RestepAt *ra = ctx;
  return restep(F, v, ra->r, ra->depth);
}

static const VlVal *restep(Frame *F, const VlVal *v, const Restep *r, int depth) {
  if (vl_val_empty(v) || depth > 4) return v;
  Acc a = {0};
  bool changed = false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    VlObj c = *o;
    /* Objects a list holds (listed) stay themselves when they are views (one a list holds was made,
     * and judged, where the list was filled: `.copy()` belongs there) or containers and instances
     * the function made: what a loop over the list stores into them (`trail.add(row)`) must reach
     * the objects the list holds, not copies at a step site.  (Those a step of list(map(f, xs))
     * handed out are such copies already.) */
    if (r->listed && o->site && o->site->kind == VL_SITE_NEW &&
        ((o->kind == VL_O_ARRAY && o->sub) || o->kind == VL_O_INST || (o->kind == VL_O_SEQ && o->sub != VL_SEQ_TUPLE))) {
      add(&a, o);
      continue;
    }
    /* What a callee made in its loop (summary.c: reloc) stays itself when it is a view (made, and
     * judged, in the callee: `return [f[a:b] for f in frames]`, `.copy()` belongs there; the rows of
     * one such array, `for row in make()`, share its base), a container or an instance (what a loop
     * stores into them must reach the objects themselves: the tracks a call made, each holding its
     * history), as a list's items do (above) */
    bool callee_kept = o->site && o->site->kind == VL_SITE_NEW && o->site->step == VL_STEP_CALLEE &&
                       ((o->kind == VL_O_ARRAY && o->sub) || o->kind == VL_O_INST ||
                        (o->kind == VL_O_SEQ && o->sub != VL_SEQ_TUPLE));
    if (callee_kept) {
      add(&a, o);
      continue;
    }
    if ((o->kind == VL_O_ARRAY || o->kind == VL_O_OBJ || o->kind == VL_O_INST) && o->site)
      c.site = restep_site(F, o->site, r);
    if (pd_obj(o) && o->elem) { /* a pandas frame new at each step: its storage too */
      c.elem = restep(F, o->elem, r, depth + 1);
      const VlObj *n = vl_obj(V(F), c);
      changed |= n != o;
      add(&a, n);
      continue;
    }
    if (o->kind == VL_O_LIB && o->sub == VL_LIB_FUTURE && o->nitems == 1) {
      /* a pool's future: what it holds (pool_call) */
      const VlVal *held[1] = {restep(F, o->items[0], r, depth + 1)};
      c.items = held;
      const VlObj *n = vl_obj(V(F), c);
      changed |= n != o;
      add(&a, n);
      continue;
    }
    /* (also a column of zip(*rows): a tuple of no site whose items are one value, `elem`) */
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && (o->nitems || (!o->site && o->elem))) {
      const VlVal *items[64];
      for (uint16_t k = 0; k < o->nitems && k < 64; k++) items[k] = restep(F, o->items[k], r, depth + 1);
      c.items = items;
      c.elem = restep(F, o->elem, r, depth + 1);
      const VlObj *n = vl_obj(V(F), c);
      changed |= n != o;
      add(&a, n);
      continue;
    }
    if (o->kind == VL_O_SEQ && o->site) c.site = restep_site(F, o->site, r);
    if (c.site != o->site && (o->kind == VL_O_SEQ || o->kind == VL_O_INST)) {
      /* a container or object made anew at each step (__next__ returning {"data": frame}): what it
       * holds moves to the new site, itself new at each step */
      RestepAt ra = {r, depth + 1};
      vl_heap_carry(F, o->site, c.site, restep_map, &ra);
    }
    const VlObj *n = c.site != o->site ? vl_obj(V(F), c) : o;
    changed |= n != o;
    add(&a, n);
  }
  return changed ? done(F, &a) : v;
}

/* The elements `el` of list o, read at `expr` after the loops that filled it have ended: a list that
 * a comprehension, list(map(f, xs)) or an append loop filled holds one object per iteration of that
 * loop (`outs = [enc(x) for x in xs]`), so a loop over it afterwards sees a new one at each step, as
 * `for h in map(enc, xs)` does.  The sites made in such a loop are marked as step sites (restep), as
 * an iterator's are; what is not made there (rows of one array, the caller's objects) stays.  Not
 * for a loop that is still running at `expr`, nor for a `while` loop (below). */
static const VlVal *filled_per_step(Frame *F, const VlObj *o, const VlVal *el, VlId expr) {
  if (!expr || o->sub != VL_SEQ_LIST || !o->site || o->site->kind != VL_SITE_NEW || vl_val_empty(el)) return el;
  const VlModule *m = M(F);
  uint32_t at = vl_expr(m, expr)->start;
  VlId marked[4];
  int nmarked = 0;
  bool unloop = false;
  for (size_t i = 0; i < F->stores.len && nmarked < 4; i++) {
    const StoreEv *ev = &F->stores.items[i];
    bool into = false;
    for (uint16_t k = 0; k < ev->container->n && !into; k++) into = ev->container->objs[k]->site == o->site;
    if (!into) continue;
    if (ev->implicit && !unloop) {
      Restep r = {.mode = RS_MARK, .listed = true};
      el = restep(F, el, &r, 0);
      unloop = true;
      continue;
    }
    /* (a `while` loop's list is a history of iterates, `beta = step(beta); hist.append(beta)`, whose
     * sizes are often tiny or shrinking: matplotlib's de Casteljau subdivision keeps a row of each) */
    if (!ev->loop || m->loops[ev->loop].kind == VL_LOOP_WHILE || vl_loop_runs(m, ev->loop, at)) continue;
    bool seen = false;
    for (int k = 0; k < nmarked; k++) seen |= marked[k] == ev->loop;
    if (seen) continue;
    marked[nmarked++] = ev->loop;
    Restep r = {.mode = RS_MARK, .comp_loop = ev->loop, .listed = true};
    el = restep(F, el, &r, 0);
  }
  return el;
}

/* The items of a tuple (or a dict's values), with the arrays a callee made one per iteration of its
 * loop (summary.c: reloc) counted as made once by the call: a tuple a callee grows in its loop
 * (`presents = presents + (present,)`, `all_hidden_states + (h,)`) holds one result per layer of a
 * model, a bounded number, as a list of a model's layers' results is (retain.c:
 * unsure_part_of_listed); a dict filled in a loop holds one per key (`{k: v[:0] for k, v in
 * columns.items()}` of a helper's per-property columns), as a local dict's values are never
 * counted per step (filled_per_step: lists only). */
static const VlVal *callee_made_once(Frame *F, const VlVal *el) {
  Acc a = {0};
  bool changed = false;
  for (uint16_t i = 0; el && i < el->n; i++) {
    const VlObj *o = el->objs[i];
    if (o->kind == VL_O_ARRAY && !o->sub && o->site && o->site->kind == VL_SITE_NEW && o->site->step == VL_STEP_CALLEE) {
      VlSite s = *o->site;
      s.step = 0;
      VlObj c = *o;
      c.site = vl_site(V(F), s);
      o = vl_obj(V(F), c);
      changed = true;
    }
    add(&a, o);
  }
  return changed ? done(F, &a) : el;
}

/* What iterating a value gives, with per-step sites still marked (not yet bound to a loop). */
static const VlVal *raw_elems(Frame *F, const VlVal *it, VlId expr, int depth) {
  Acc a = {0};
  for (uint16_t i = 0; i < it->n; i++) {
    const VlObj *o = it->objs[i];
    switch (o->kind) {
    case VL_O_RANGE:
    case VL_O_SHAPE: add(&a, prim_obj(F, VL_O_INT)); break;
    case VL_O_STR: add(&a, prim_obj(F, VL_O_STR)); break;
    case VL_O_ARRAY: {
      const VlLibrary *lib = library(F, o->lib);
      /* iterating a 0-d array raises: what a loop iterates has an axis (`for emb in model(x)` of a
       * tensor of unknown ndim hands out views, as `model(x)[i]` does) */
      VlNdim ond = o->nd;
      if (ond.lo < 1 && ond.hi >= 1) ond.lo = 1;
      if (ond.lo >= 2 || (ond.lo >= 1 && ((o->lib && lib->int_index_is_view) || (o->layout & VL_L_RECORDS))))
        /* (the rows of a view showing all of its base, `t[None, :]`, `t.T`, are every piece of it too) */
        add(&a, o->sub && (o->flags & VL_F_PARTIAL) ? view_of(F, o, nd_sub(ond, 1, 0), true, expr)
                                                    : every_piece(F, o, nd_sub(ond, 1, 0), expr));
      else if (o->nd.hi <= 1) add(&a, prim_obj(F, o->flags & VL_F_INTS ? VL_O_INT : VL_O_SCALAR));
      else add(&a, unknown_obj(F));
      break;
    }
    case VL_O_SEQ: {
      if (o->sub == VL_SEQ_DICT) {
        VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
        add_val(&a, e && !vl_val_empty(e->key) ? e->key : vl_unknown(V(F)));
      } else if (o->sub == VL_SEQ_TUPLE) {
        add_val(&a, callee_made_once(F, seq_elems(F, o)));
      } else {
        add_val(&a, filled_per_step(F, o, seq_elems(F, o), expr));
      }
      break;
    }
    case VL_O_ITER: {
      Restep r = {.mode = RS_MARK, .comp_loop = o->index};
      add_val(&a, o->index ? restep(F, o->elem, &r, 0) : o->elem);
      break;
    }
    case VL_O_INDEX:
      add(&a, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), o->lib, index_item_nd(o), VL_F_INTS, expr));
      break;
    case VL_O_OBJ: add(&a, obj_part(F, o)); break;
    case VL_O_SYM: {
      if (o->elem && vl_val_has(o->elem, VL_O_ARRAY)) {
        const VlObj *arr = as_array_obj(F, o, vl_nd_unknown());
        add_val(&a, raw_elems(F, vl_val1(V(F), arr), expr, depth + 1));
      } else {
        add(&a, sym_obj(F, VL_SYM_ELEMV, vl_val1(V(F), o), NULL, NULL, 0, 0, NULL));
      }
      break;
    }
    case VL_O_INST: {
      if (depth > 2) {
        add(&a, unknown_obj(F));
        break;
      }
      /* a library class's instance: a sampler (class rows of effect `int`) hands out int indices; a
       * TensorDataset that keeps its tensors, a tuple of a row of each */
      const VlLibEntry *ce = lib_class_entry(F, o);
      if (ce && ce->effect_then == VL_FX_INT) {
        add(&a, prim_obj(F, VL_O_INT));
        break;
      }
      const VlObj *cols = ce && ce->effect_then == VL_FX_TENSORS ? kept_tensors(F, o) : NULL;
      if (cols) {
        const VlVal *rows[VL_MAX_ARGS];
        uint16_t n = 0;
        for (uint16_t k = 0; k < cols->nitems && n < VL_MAX_ARGS; k++) rows[n++] = raw_elems(F, cols->items[k], expr, depth + 1);
        add_val(&a, tuple_of(F, rows, n));
        break;
      }
      Args none = {0};
      const VlVal *self = vl_val1(V(F), o);
      const VlVal *iter = vl_op_attr(F, self, "__iter__", expr);
      if (!vl_val_unknownish(iter)) {
        /* the iterator __iter__ gives: an object with __next__ (often self) gives what __next__ returns
         * at each step; anything else (a generator, a list) is iterated */
        const VlVal *itv = vl_op_call(F, iter, &none, expr);
        for (uint16_t k = 0; k < itv->n; k++) {
          const VlObj *io = itv->objs[k];
          const VlVal *next = io->kind == VL_O_INST ? vl_op_attr(F, vl_val1(V(F), io), "__next__", expr) : NULL;
          if (next && !vl_val_unknownish(next)) { /* called at each step: what it makes is new each step */
            Restep r = {.mode = RS_MARK, .markexpr = expr};
            add_val(&a, restep(F, vl_op_call(F, next, &none, expr), &r, 0));
          }
          else add_val(&a, raw_elems(F, vl_val1(V(F), io), expr, depth + 1));
        }
        break;
      }
      const VlVal *items = o->site ? vl_heap_attr(F, o->site, VL_LIST_ITEMS) : NULL;
      if (items) { /* a list subclass's instance: the items it was made with */
        add_val(&a, items);
        break;
      }
      const VlVal *get = vl_op_attr(F, self, "__getitem__", expr);
      if (!vl_val_unknownish(get)) { /* the old iteration protocol: each step calls __getitem__ */
        Args one = {0};
        one.npos = 1;
        one.pos[0] = vl_prim(V(F), VL_O_INT);
        const VlVal *item = vl_op_call(F, get, &one, expr);
        Restep r = {.mode = RS_MARK, .markexpr = expr};
        add_val(&a, restep(F, item, &r, 0));
        break;
      }
      add(&a, unknown_obj(F));
      break;
    }
    default: add(&a, unknown_obj(F)); break;
    }
  }
  return done(F, &a);
}

const VlVal *vl_op_elems(Frame *F, const VlVal *it, VlId expr) { return raw_elems(F, it, expr, 0); }

const VlVal *vl_op_iter_elem(Frame *F, const VlVal *it, VlId loop, VlId expr) {
  Restep r = {.mode = RS_LOOP, .at = loop};
  return restep(F, raw_elems(F, it, expr, 0), &r, 0);
}

const VlVal *vl_op_unpack(Frame *F, const VlVal *v, int i, int n, bool exact, VlId expr) {
  Acc a = {0};
  for (uint16_t k = 0; k < v->n; k++) {
    const VlObj *o = v->objs[k];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && o->nitems == n) add_val(&a, o->items[i]);
    else if (o->kind == VL_O_SEQ && (o->flags & VL_F_EQUAL_PIECES) && exact && n < 8) {
      /* q, k, v = qkv.split(d, dim=2): each of n < 8 pieces of one size shows 1/n of the whole array,
       * as the rows of x in b, c = x do (below) */
      const VlVal *pieces = raw_elems(F, vl_val1(V(F), o), expr, 0);
      for (uint16_t r = 0; r < pieces->n; r++) {
        VlObj c = *pieces->objs[r];
        if (c.kind == VL_O_ARRAY) c.flags &= (uint8_t)~(VL_F_PARTIAL | VL_F_EVERY);
        add(&a, vl_obj(V(F), c));
      }
    } else if (o->kind == VL_O_ARRAY && exact && n < 8 && !(o->sub && (o->flags & VL_F_PARTIAL))) {
      /* b, c = x.T: x has exactly n rows, so each shows 1/n of it and pins less than 8 times what it
       * shows (below what the oracle calls a leak) */
      const VlVal *rows = raw_elems(F, vl_val1(V(F), o), expr, 0);
      for (uint16_t r = 0; r < rows->n; r++) {
        VlObj c = *rows->objs[r];
        if (c.kind == VL_O_ARRAY) c.flags &= (uint8_t)~(VL_F_PARTIAL | VL_F_EVERY);
        add(&a, vl_obj(V(F), c));
      }
    }
    else if (o->kind == VL_O_SYM && !(o->elem && vl_val_has(o->elem, VL_O_ARRAY))) {
      const VlVal *ix = vl_int_const(V(F), i);
      add(&a, sym_obj(F, VL_SYM_SUBV, vl_val1(V(F), o), NULL, &ix, 1, (uint32_t)IX_INT | 1u << 24, NULL));
    } else add_val(&a, raw_elems(F, vl_val1(V(F), o), expr, 0));
  }
  return done(F, &a);
}

const VlVal *vl_op_truth(Frame *F, const VlVal *v) {
  (void)v;
  return vl_prim(V(F), VL_O_SCALAR);
}

/* ---- container methods ---- */

static VlId recv_of(Frame *F, VlId call) {
  const VlModule *m = M(F);
  VlId callee = vl_kid(m, call, 0);
  return vl_expr(m, callee)->op == VL_E_ATTR ? vl_kid(m, callee, 0) : 0;
}

static const char *const store_one[] = {"append", "appendleft", "add", "put", "put_nowait"};
static const char *const store_many[] = {"extend", "extendleft", "update"};

/* c.append(v), c.extend(vs), c.insert(i, v), c.setdefault(k, v), c.update(...): a store.  Only
 * with the arguments the container's method takes: an object of an unknown library called so
 * (`acc.update(gt_ids, trk_ids, dist)`, motmetrics' accumulator; `meter.add(v, n)`) is no list,
 * set, deque, queue or dict (those would raise TypeError). */
static bool container_store(Frame *F, const VlVal *recv, const char *name, Args *a, VlId expr) {
  bool put = strcmp(name, "put") == 0 || strcmp(name, "put_nowait") == 0; /* (queue: block=, timeout=) */
  if (VL_STR_IN(store_one, name) && a->npos >= 1 && (put ? a->npos <= 3 : a->npos == 1 && !a->nkw)) {
    store_event(F, VL_ST_APPEND, recv, a->pos[0], a->pos_expr[0], recv_of(F, expr), false, 0);
  } else if (strcmp(name, "insert") == 0 && a->npos == 2 && !a->nkw) {
    store_event(F, VL_ST_APPEND, recv, a->pos[1], a->pos_expr[1], recv_of(F, expr), false, 0);
  } else if (VL_STR_IN(store_many, name) && a->npos == 1 && (strcmp(name, "update") == 0 || !a->nkw)) {
    store_event(F, VL_ST_EXTEND, recv, a->pos[0], a->pos_expr[0], recv_of(F, expr), false, 0);
  } else if (strcmp(name, "setdefault") == 0 && a->npos == 2 && !a->nkw) {
    store_event(F, VL_ST_SETITEM, recv, a->pos[1], a->pos_expr[1], recv_of(F, expr), false, a->pos_expr[0]);
  } else {
    return false;
  }
  return true;
}

static void add_elems_to(Frame *F, const VlVal *recv, const VlVal *elems) {
  for (uint16_t i = 0; i < recv->n; i++)
    if (recv->objs[i]->kind == VL_O_SEQ || recv->objs[i]->kind == VL_O_SYM)
      vl_heap_add_elem(F, vl_obj_site(F, recv->objs[i]), elems);
}

/* c.clear(), and c.pop() / c.popleft() / c.popitem(): a loop that also takes items out (`if len(buf) >
 * k: buf.pop(0)`) keeps a window, not all.  Noted as emptying recv (a list, or a caller's container:
 * `self.pending.clear()` in a method is an effect of its summary); false for other methods. */
static bool empties(Frame *F, const VlVal *recv, const char *name) {
  static const char *const emptying[] = {"clear", "pop", "popleft", "popitem"};
  static const char *const taking[] = {"get", "get_nowait"}; /* queue.Queue (a deque here) */
  bool queue = false;
  for (uint16_t i = 0; i < recv->n; i++) queue |= recv->objs[i]->kind == VL_O_SEQ && recv->objs[i]->sub == VL_SEQ_DEQUE;
  if (!VL_STR_IN(emptying, name) && !(queue && VL_STR_IN(taking, name))) return false;
  vl_frame_clear(F, recv);
  return true;
}

/* t._replace(reward=r, next_state=s) of a namedtuple whose fields are known: a new tuple of the same
 * fields, the named ones replaced (n-step replay folds a transition so).  Unknown otherwise. */
static const VlVal *replaced_fields(Frame *F, const VlObj *t, Args *a) {
  if (t->sub != VL_SEQ_TUPLE || !t->name || !t->nitems || t->nitems > 64 || a->npos || a->star || a->dstar)
    return vl_unknown(V(F));
  const VlVal *items[64];
  for (uint16_t k = 0; k < t->nitems; k++) items[k] = t->items[k];
  for (int k = 0; k < a->nkw; k++) {
    int at = field_index(t->name, a->kwname[k], strlen(a->kwname[k]));
    if (at < 0 || at >= t->nitems) return vl_unknown(V(F));
    items[at] = a->kw[k];
  }
  VlObj named = *tuple_of(F, items, t->nitems)->objs[0];
  named.name = t->name;
  return vl_val1(V(F), vl_obj(V(F), named));
}

static const VlVal *seq_method(Frame *F, const VlObj *seq, const char *name, Args *a, VlId expr) {
  const VlVal *recv = vl_val1(V(F), seq);
  if (container_store(F, recv, name, a, expr)) {
    /* one at a time: maybe not every piece of a split gets in (a list filled in a filtered loop) */
    if (VL_STR_IN(store_one, name) || strcmp(name, "insert") == 0)
      add_elems_to(F, recv, vl_not_every(F, a->pos[strcmp(name, "insert") == 0 ? 1 : 0]));
    else if (VL_STR_IN(store_many, name)) add_elems_to(F, recv, raw_elems(F, a->pos[0], expr, 0));
    if (strcmp(name, "setdefault") == 0) {
      add_elems_to(F, recv, a->pos[1]);
      return vl_join(V(F), seq_elems(F, seq), a->pos[1]);
    }
    return vl_prim(V(F), VL_O_NONE);
  }
  if (empties(F, recv, name)) return strcmp(name, "clear") == 0 ? vl_prim(V(F), VL_O_NONE) : seq_elems(F, seq);
  if (strcmp(name, "get") == 0) {
    const VlVal *r = seq_elems(F, seq);
    return a->npos >= 2 ? vl_join(V(F), r, a->pos[1]) : vl_join(V(F), r, vl_prim(V(F), VL_O_NONE));
  }
  if (strcmp(name, "copy") == 0) {
    const VlVal *c = vl_new_seq(F, (VlSeqKind)seq->sub, expr);
    vl_heap_add_elem(F, c->objs[0]->site, seq_elems(F, seq));
    return c;
  }
  if (strcmp(name, "values") == 0 || strcmp(name, "keys") == 0 || strcmp(name, "items") == 0) {
    VlHeapEntry *e = seq->site ? vl_heap_find(F, seq->site) : NULL;
    const VlVal *keys = e && !vl_val_empty(e->key) ? e->key : vl_unknown(V(F));
    /* (a dict's values are one per key, as a tuple's items are: not handed out per step) */
    const VlVal *vals = seq->sub == VL_SEQ_DICT ? callee_made_once(F, seq_elems(F, seq)) : seq_elems(F, seq);
    const VlVal *elem = vals;
    if (name[0] == 'k') elem = keys;
    if (name[0] == 'i') {
      const VlVal *pair[2] = {keys, vals};
      VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .items = pair, .nitems = 2, .elem = vl_join(V(F), keys, vals),
                 .nd = vl_nd_unknown()};
      elem = vl_val1(V(F), vl_obj(V(F), t));
    }
    VlObj it = {.kind = VL_O_ITER, .elem = elem, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), it));
  }
  if (strcmp(name, "index") == 0 || strcmp(name, "count") == 0) return vl_prim(V(F), VL_O_INT);
  if (strcmp(name, "_replace") == 0) return replaced_fields(F, seq, a);
  return vl_prim(V(F), VL_O_NONE); /* sort, reverse, remove, discard... */
}

/* Methods of opaque objects that hand back something they hold, not something new. */
static const char *const accessors[] = {"get", "pop", "popleft", "popitem", "peek", "top", "first", "last", "item",
                                        "setdefault", "__getitem__", "values", "keys", "items", "get_nowait",
                                        "tolist", "index", "count", "find", "lookup", "fetch",
                                        /* nn.Module's walks over the modules it holds (module_walk) */
                                        "modules", "named_modules", "children", "named_children"};

/* A method table entry for an array method of unknown library, trying NumPy then PyTorch (the
 * result keeps the unknown library: NumPy's rules for indexing it, the cautious ones). */
static const VlLibEntry *array_method(Frame *F, uint8_t lib, const char *name, const VlLibrary **out) {
  if (lib) {
    *out = library(F, lib);
    return vl_libtable_find((*out)->table, VL_LIB_METHOD, name);
  }
  const VlKnowledge *k = F->an->know;
  for (size_t i = 0; i < k->nlibs; i++) {
    const VlLibrary *l = &k->libs[i];
    if (!l->methods) continue;
    const VlLibEntry *e = vl_libtable_find(l->table, VL_LIB_METHOD, name);
    if (e) return *out = l, e;
  }
  return NULL;
}

static const VlVal *lib_instance_call(Frame *F, const VlObj *inst, Args *a, VlId expr);

/* v's new arrays, as guesses: x0.clamp(-1, 1) of a guessed x0 is dropped with it when the deferred
 * form beside it resolves. */
static const VlVal *guessed(Frame *F, const VlVal *v) {
  const VlObj *out[VL_VAL_MAX + 1];
  int k = 0;
  for (uint16_t i = 0; i < v->n && k < VL_VAL_MAX + 1; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && !o->sub && !(o->flags & VL_F_ASSUMED)) {
      VlObj c = *o;
      c.flags |= VL_F_ASSUMED;
      o = vl_obj(V(F), c);
    }
    out[k++] = o;
  }
  return vl_val_of(V(F), out, (size_t)k);
}

static const VlVal *kwarg(const Args *a, const char *name);

/* The effect of the table row of a library class's instance (VL_FX_UNKNOWN without one). */
static VlLibEffect lib_class_effect(Frame *F, const VlObj *inst) {
  const char *member;
  const VlLibrary *lib = inst->name ? vl_knowledge_library(F->an->know, inst->name, &member) : NULL;
  const VlLibEntry *e = lib ? vl_libtable_find_class(lib->table, member) : NULL;
  return e ? e->effect_then : VL_FX_UNKNOWN;
}

/* `opt.step(closure)` of a torch.optim optimizer: it calls closure() (LBFGS several times, the others
 * once: measured on torch 1.13) and returns what it returns; what the closure makes anew (a residual,
 * the loss) is made at this call, so a loop around the step makes it in every iteration.  Without a
 * closure (or with None) nothing is called. */
static const VlVal *closure_stepped(Frame *F, const Args *a, VlId expr) {
  const VlVal *fn = a->npos ? a->pos[0] : kwarg(a, "closure");
  if (!fn || a->star || a->dstar || vl_val_only(fn, VL_O_NONE)) return vl_prim(V(F), VL_O_NONE);
  Args none = {0};
  return vl_op_call(F, fn, &none, expr);
}

static const VlVal *call_method(Frame *F, const VlObj *m, Args *a, VlId expr) {
  const VlVal *recv = m->base;
  const char *name = m->name;
  Acc acc = {0};
  for (uint16_t i = 0; i < recv->n; i++) {
    const VlObj *o = recv->objs[i];
    switch (o->kind) {
    case VL_O_ARRAY: {
      const VlLibrary *lib;
      const VlLibEntry *e = array_method(F, o->lib, name, &lib);
      if (e && (o->flags & VL_F_ASSUMED)) add_val(&acc, guessed(F, apply_method(F, lib, e, o, a, expr)));
      else if (e) add_val(&acc, apply_method(F, lib, e, o, a, expr));
      else add(&acc, unknown_obj(F));
      break;
    }
    case VL_O_SEQ: add_val(&acc, seq_method(F, o, name, a, expr)); break;
    case VL_O_RNG: {
      const VlLibrary *lib = library(F, o->lib);
      const VlLibEntry *e = vl_libtable_find(lib->table, VL_LIB_RNG_METHOD, name);
      if (e) add_val(&acc, apply_entry(F, lib, e, NULL, a, false, expr));
      else add(&acc, new_obj(F, expr, 0)); /* rng.bytes(n): some new object (np.frombuffer of it views it) */
      break;
    }
    case VL_O_STR: add(&acc, strcmp(name, "split") == 0 ? unknown_obj(F) : prim_obj(F, VL_O_STR)); break;
    case VL_O_INST: { /* a library class instance (nn.Module methods) */
      if (pd_obj(o)) {
        add_val(&acc, pandas_method(F, o, name, a, expr));
        break;
      }
      if (pil_obj(o)) {
        add_val(&acc, pil_method(F, o, name, a, expr));
        break;
      }
      if (vl_inst_of(o, VL_INST_ESTIMATOR) && o->name) {
        add_val(&acc, sklearn_method(F, o, name, a, expr));
        break;
      }
      const VlVal *described = o->sub != VL_INST_OTHER ? NULL : lib_result_method(F, o, name, a, expr);
      if (described) {
        add_val(&acc, described);
        break;
      }
      static const char *const returns_self[] = {"eval", "train", "to", "cuda", "cpu", "float", "half", "double",
                                                 "requires_grad_", "type"};
      if (VL_STR_IN(returns_self, name)) add(&acc, o);
      else if (strcmp(name, "forward") == 0 || strcmp(name, "__call__") == 0) add_val(&acc, lib_instance_call(F, o, a, expr));
      else if (strcmp(name, "step") == 0 && lib_class_effect(F, o) == VL_FX_OPTIMIZER) add_val(&acc, closure_stepped(F, a, expr));
      else add(&acc, unknown_obj(F));
      break;
    }
    case VL_O_OBJ: {
      const VlLibrary *lib;
      const VlLibEntry *e = array_method(F, o->lib, name, &lib);
      if (e && !VL_STR_IN(accessors, name)) {
        add_val(&acc, apply_method(F, lib, e, as_array_obj(F, o, vl_nd_unknown()), a, expr));
      } else if (container_store(F, vl_val1(V(F), o), name, a, expr)) {
        add(&acc, prim_obj(F, VL_O_NONE));
      } else if (VL_STR_IN(accessors, name)) {
        add(&acc, unknown_obj(F));
      } else {
        /* cap.read(), env.step(a): a new result; of a guess (x.astype(t) of an unknown call's
         * result beside its deferred form), a guess too */
        add(&acc, new_obj(F, expr, (uint8_t)(o->flags & VL_F_ASSUMED)));
      }
      break;
    }
    default: add(&acc, unknown_obj(F)); break;
    }
  }
  return done(F, &acc);
}

/* ---- library calls ---- */

static const VlVal *new_iter(Frame *F, const VlVal *elem) {
  VlObj it = {.kind = VL_O_ITER, .elem = elem, .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), it));
}

/* iter(g), islice(g, k), filter(f, g)...: an iterator over the same elements as `src`.  When `src`
 * is a generator, the result keeps where it yields (its site's `via` and text), so a consumer that
 * stores the elements is reported at the yield, where the view is made. */
static const VlVal *pass_iter(Frame *F, const VlVal *src, VlId expr, bool some) {
  VlObj it = {.kind = VL_O_ITER, .elem = raw_elems(F, src, expr, 0), .nd = vl_nd_unknown()};
  if (some) it.elem = vl_not_every(F, it.elem); /* filter, islice: not every piece comes through */
  for (uint16_t i = 0; src && i < src->n; i++) {
    const VlObj *o = src->objs[i];
    if (o->kind == VL_O_ITER && o->site && o->site->via) {
      it.site = o->site;
      it.name = o->name;
      break;
    }
  }
  return vl_val1(V(F), vl_obj(V(F), it));
}

static const VlVal *tuple_of(Frame *F, const VlVal *const *items, uint16_t n) {
  const VlVal *elem = &vl_empty_val;
  for (uint16_t i = 0; i < n; i++) elem = vl_join(V(F), elem, items[i]);
  VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .items = (const VlVal **)items, .nitems = n, .elem = elem,
             .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), t));
}

/* How collect_from takes what it collects: the seconds of pairs (dict(pairs)), or only some of the
 * items (heapq.nlargest: the k largest rows are not every row of the array, VL_F_EVERY). */
enum { COLLECT_PAIRS = 1, COLLECT_SOME = 2 };

/* list(it), tuple(it), sorted(it)...: a new container filled by an implicit loop over it. */
static const VlVal *collect_from(Frame *F, VlSeqKind kind, const VlVal *it, VlId expr, VlId arg_expr, unsigned how,
                                 bool event) {
  const VlVal *seq = vl_new_seq(F, kind, expr);
  if (!it) return seq;
  Restep r = {.mode = RS_LOOP, .at = 0};
  const VlVal *elems = restep(F, raw_elems(F, it, expr, 0), &r, 0);
  if (how & COLLECT_PAIRS) elems = vl_op_unpack(F, elems, 1, 2, true, expr); /* dict(pairs): the seconds */
  if (how & COLLECT_SOME) elems = vl_not_every(F, elems);
  vl_heap_add_elem(F, seq->objs[0]->site, elems);
  /* a generator's views are made where it yields: that is where each element's view is */
  VlId at = arg_expr;
  const VlSite *yield = NULL;
  const char *yield_text = NULL;
  for (uint16_t i = 0; i < it->n; i++) {
    const VlObj *o = it->objs[i];
    if (o->kind != VL_O_ITER) continue;
    if (o->expr) at = o->expr;
    else if (o->site && o->site->via && o->site->via->mod) yield = o->site->via, yield_text = o->name;
  }
  if (!event) return seq;
  if (yield) {
    StoreEv ev = {.store = VL_ST_ELEMENT, .container = seq, .value = elems, .loop = F->loop, .implicit = true,
                  .at = {yield->mod, yield->start, yield->end}, .fix_at = yield->end, .text = yield_text};
    vl_frame_store(F, &ev);
  } else if (at) {
    StoreEv ev = {.store = VL_ST_ELEMENT, .container = seq, .value = elems, .loop = F->loop, .implicit = true,
                  .at = vl_expr_span(F->an, at), .fix_at = vl_expr(M(F), at)->end, .text = vl_expr_text(F->an, at)};
    vl_frame_store(F, &ev);
  }
  return seq;
}

static const VlVal *collect(Frame *F, VlSeqKind kind, const VlVal *it, VlId expr, VlId arg_expr) {
  return collect_from(F, kind, it, expr, arg_expr, 0, true);
}

/* list(c), tuple(c), sorted(c), set(c): a new container holding all that c holds.  When c is a
 * container, the copy names it as its base, so that what the copy carries out of a function
 * (`return list(keys)`) counts as c escaping (retain.c: reach). */
static const VlVal *copy_of(Frame *F, VlSeqKind kind, const VlVal *it, VlId expr, VlId arg_expr) {
  /* a copy of containers made here or by a callee (`sorted(dets, key=...)` of a helper's list):
   * their elements were stored where they were put, and the copy names them as its base, so a
   * leak is reported at those stores (retain.c: holds_seq, stored_views), where `.copy()` goes; no
   * store of its own */
  bool containers = it && it->n;
  for (uint16_t i = 0; containers && i < it->n; i++)
    containers = it->objs[i]->kind == VL_O_SEQ && it->objs[i]->site && it->objs[i]->site->kind == VL_SITE_NEW;
  const VlVal *seq = collect_from(F, kind, it, expr, arg_expr, 0, !containers);
  const VlObj *from[VL_VAL_MAX + 1];
  size_t n = 0;
  bool arrays = it && it->n;
  for (uint16_t i = 0; it && i < it->n && n < VL_VAL_MAX; i++) {
    if (it->objs[i]->kind == VL_O_SEQ) from[n++] = it->objs[i];
    arrays &= it->objs[i]->kind == VL_O_ARRAY;
  }
  if (arrays && seq->n == 1 && seq->objs[0]->kind == VL_O_SEQ) {
    /* tuple(a) of an array: every piece of it (its rows; a whole array's rows are VL_F_EVERY), which
     * together show all of it (retain.c: stored_views) */
    VlObj c = *seq->objs[0];
    c.flags |= VL_F_ALL_PIECES;
    return vl_val1(V(F), vl_obj(V(F), c));
  }
  if (!n) return seq;
  VlObj c = *seq->objs[0];
  c.base = vl_val_of(V(F), from, n);
  return vl_val1(V(F), vl_obj(V(F), c));
}

/* Does v hold an opaque object that may be an array (not bytes or a file object, known to hold none)? */
static bool maybe_array_obj(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind == VL_O_OBJ && v->objs[i]->sub != VL_OBJ_BYTES && v->objs[i]->sub != VL_OBJ_FILE) return true;
  return false;
}

/* A file object opened at expr (open(path), gzip.open(path)): it holds no array, so a library given
 * it (pickle.load(f), json.load(f)) views none and hands back a new object. */
static const VlVal *file_obj(Frame *F, VlId expr) {
  VlObj f = *new_obj(F, expr, 0);
  f.sub = VL_OBJ_FILE;
  return vl_val1(V(F), vl_obj(V(F), f));
}


/* New bytes made at expr by a call that decodes or decompresses its input (zlib.decompress(blob),
 * base64.b64decode(s): a `bytes` row of rules/stdlib.tsv): they hold no array, and np.frombuffer of
 * them views memory new at every call, as of f.read(n). */
static const VlVal *bytes_obj(Frame *F, VlId expr) {
  VlObj b = *new_obj(F, expr, VL_F_ASSUMED);
  b.sub = VL_OBJ_BYTES;
  return vl_val1(V(F), vl_obj(V(F), b));
}

/* Is an argument an array, or what may be one (io.BytesIO(a.tobytes()) is given none)? */
static bool any_array_arg(const Args *a) {
  for (int i = 0; i < a->npos; i++)
    if (vl_val_has(a->pos[i], VL_O_ARRAY) || vl_val_has(a->pos[i], VL_O_SYM) || maybe_array_obj(a->pos[i]))
      return true;
  for (int i = 0; i < a->nkw; i++)
    if (vl_val_has(a->kw[i], VL_O_ARRAY) || vl_val_has(a->kw[i], VL_O_SYM)) return true;
  return false;
}

static const VlVal *kwarg(const Args *a, const char *name) {
  for (int i = 0; i < a->nkw; i++)
    if (strcmp(a->kwname[i], name) == 0) return a->kw[i];
  return NULL;
}

static const char slice_obj_name[] = "builtins.slice()";

bool vl_slice_obj(const VlObj *o) { return o->kind == VL_O_LIB && o->name && strcmp(o->name, slice_obj_name) == 0; }

/* ndimage.find_objects(labels) (effect `slices`): per label, None or one slice per axis, the label's
 * bounding box (`for sl in slices: crop = img[sl]`, a part of img).  Of an operand of unknown ndim,
 * two slices: the crop keeps the array's ndim either way (slices keep axes), and two narrowing slices
 * do not make it C-contiguous (np.ascontiguousarray of it copies: silent).  The None of a missing
 * label is left out: code skips it (`if sl is None: continue`), and joined with the tuple it would
 * make the index unknown. */
static const VlVal *bounding_boxes(Frame *F, const VlVal *operand, VlId expr) {
  int axes = -1;
  for (uint16_t i = 0; i < operand->n; i++) {
    const VlObj *o = operand->objs[i];
    int k = o->kind == VL_O_ARRAY && vl_nd_known(o->nd) && o->nd.lo >= 1 && o->nd.lo <= VL_MAX_INDEX ? o->nd.lo : 2;
    axes = axes < 0 || axes == k ? k : 2;
  }
  if (axes < 0) axes = 2;
  VlObj so = {.kind = VL_O_LIB, .name = slice_obj_name, .index = 1, .nd = vl_nd_unknown()};
  const VlVal *one = vl_val1(V(F), vl_obj(V(F), so));
  const VlVal *items[VL_MAX_INDEX];
  for (int k = 0; k < axes; k++) items[k] = one;
  const VlVal *list = vl_new_seq(F, VL_SEQ_LIST, expr);
  vl_heap_add_elem(F, list->objs[0]->site, tuple_of(F, items, (uint16_t)axes));
  return list;
}

static const VlVal *call_builtin(Frame *F, const char *name, Args *a, VlId expr) {
  static const char *const ints[] = {"len", "int", "ord", "hash", "id"};
  static const char *const scalars[] = {"float", "bool", "isinstance", "issubclass", "callable", "hasattr", "complex",
                                        "any", "all"};
  static const char *const strs[] = {"str", "repr", "format", "chr", "bin", "hex", "oct", "ascii", "input"};
  const VlVal *first = a->npos ? a->pos[0] : NULL;
  VlId first_expr = a->npos ? a->pos_expr[0] : 0;
  if (strcmp(name, "len") == 0) {
    VlObj n = {.kind = VL_O_INT, .flags = VL_F_LENGTH, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), n));
  }
  if (VL_STR_IN(ints, name)) return vl_prim(V(F), VL_O_INT);
  if (VL_STR_IN(scalars, name)) return vl_prim(V(F), VL_O_SCALAR);
  if (VL_STR_IN(strs, name)) return vl_prim(V(F), VL_O_STR);
  if (strcmp(name, "round") == 0 || strcmp(name, "abs") == 0) {
    if (first && vl_val_has(first, VL_O_ARRAY)) return vl_new_array(F, VL_HOW_COPY, VL_LIBID_NONE, vl_nd_unknown(), expr);
    return first && vl_val_all_int(first) ? vl_prim(V(F), VL_O_INT) : vl_prim(V(F), VL_O_SCALAR);
  }
  if (strcmp(name, "range") == 0) {
    VlObj o = {.kind = VL_O_RANGE, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strcmp(name, "slice") == 0 && !a->star && a->npos >= 1 && a->npos <= 3) {
    /* a slice object (ROI = slice(100, 164)): indexing with it is slicing; it narrows like a[100:164]
     * when it has a stop (slice(stop) or slice(start, stop)) or a negative start */
    VlId stop = a->npos == 1 ? a->pos_expr[0] : a->pos_expr[1], start = a->npos >= 2 ? a->pos_expr[0] : 0;
    bool narrows = !stop || vl_expr(M(F), stop)->op != VL_E_NONE;
    if (start && vl_expr(M(F), start)->op == VL_E_INT && vl_expr(M(F), start)->sub) narrows = true;
    VlObj o = {.kind = VL_O_LIB, .name = slice_obj_name, .index = narrows, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strcmp(name, "print") == 0 || strcmp(name, "setattr") == 0 || strcmp(name, "delattr") == 0 ||
      strcmp(name, "exec") == 0) {
    if (strcmp(name, "setattr") == 0 && a->npos == 3)
      for (uint16_t i = 0; i < a->pos[1]->n; i++)
        if (a->pos[1]->objs[i]->kind == VL_O_STR && a->pos[1]->objs[i]->name)
          for (uint16_t k = 0; k < a->pos[0]->n; k++)
            if (a->pos[0]->objs[k]->site) vl_heap_set_attr(F, a->pos[0]->objs[k]->site, a->pos[1]->objs[i]->name, a->pos[2]);
    return vl_prim(V(F), VL_O_NONE);
  }
  if (strcmp(name, "getattr") == 0 && a->npos >= 2) {
    Acc acc = {0};
    for (uint16_t i = 0; i < a->pos[1]->n; i++) {
      const VlObj *s = a->pos[1]->objs[i];
      if (s->kind == VL_O_STR && s->name) add_val(&acc, vl_op_attr(F, a->pos[0], s->name, expr));
      else add(&acc, unknown_obj(F));
    }
    if (a->npos >= 3) add_val(&acc, a->pos[2]);
    return done(F, &acc);
  }
  if (strcmp(name, "enumerate") == 0 && first) {
    const VlVal *items[2] = {vl_prim(V(F), VL_O_INT), raw_elems(F, first, expr, 0)};
    return new_iter(F, tuple_of(F, items, 2));
  }
  if (strcmp(name, "zip") == 0 && a->spread && !a->npos) {
    /* zip(*rows) of rows that are tuples of n items each (samples of (image, meta)): it transposes,
     * handing out n columns, column k a tuple of every row's item k.  Taken as the tuple of the
     * columns, which iterating and unpacking (`images, metas = zip(*samples)`) read as zip's steps */
    const VlVal *rows = raw_elems(F, a->spread, expr, 0);
    uint16_t n = 0;
    bool ok = rows->n > 0;
    for (uint16_t i = 0; ok && i < rows->n; i++) {
      const VlObj *r = rows->objs[i];
      ok = r->kind == VL_O_SEQ && r->sub == VL_SEQ_TUPLE && r->nitems && r->nitems <= VL_MAX_ARGS && (!n || r->nitems == n);
      if (ok) n = r->nitems;
    }
    if (!ok) {
      /* rows a parameter holds: a call passing a list of tuples decides them (an analysis for it) */
      if (vl_val_has(a->spread, VL_O_SYM)) F->size_deferred = true;
      return new_iter(F, vl_unknown(V(F)));
    }
    const VlVal *cols[VL_MAX_ARGS];
    for (uint16_t k = 0; k < n; k++) {
      const VlVal *e = &vl_empty_val;
      for (uint16_t i = 0; i < rows->n; i++) e = vl_join(V(F), e, rows->objs[i]->items[k]);
      VlObj c = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .elem = e, .nd = vl_nd_unknown()};
      cols[k] = vl_val1(V(F), vl_obj(V(F), c));
    }
    return tuple_of(F, cols, n);
  }
  if (strcmp(name, "zip") == 0) {
    const VlVal *items[VL_MAX_ARGS];
    for (int i = 0; i < a->npos; i++) items[i] = raw_elems(F, a->pos[i], expr, 0);
    return new_iter(F, a->star ? vl_unknown(V(F)) : tuple_of(F, items, (uint16_t)a->npos));
  }
  if (strcmp(name, "map") == 0 && a->npos >= 2) {
    /* (also ThreadPoolExecutor.map: the calls run in threads of this process, and what each returns
     * is the object itself, views included) */
    Args inner = {0};
    for (int i = 1; i < a->npos && inner.npos < VL_MAX_ARGS; i++) {
      inner.pos_expr[inner.npos] = a->pos_expr[i];
      inner.pos[inner.npos++] = raw_elems(F, a->pos[i], expr, 0);
    }
    const VlVal *r = vl_op_call(F, a->pos[0], &inner, expr);
    Restep mark = {.mode = RS_MARK, .markexpr = expr};
    return new_iter(F, restep(F, r, &mark, 0));
  }
  if (strcmp(name, "iter") == 0 && a->npos == 2 && !a->star && !a->nkw) {
    /* iter(f, sentinel) (`iter(partial(pipe.read, n), b"")`): f() called once per step until it
     * returns the sentinel; what each call makes is new at that step, as map's */
    Args none = {0};
    Restep mark = {.mode = RS_MARK, .markexpr = expr};
    return new_iter(F, restep(F, vl_op_call(F, a->pos[0], &none, expr), &mark, 0));
  }
  if ((strcmp(name, "filter") == 0 && a->npos >= 2)) return pass_iter(F, a->pos[1], expr, true);
  if ((strcmp(name, "reversed") == 0 || strcmp(name, "iter") == 0) && first) return pass_iter(F, first, expr, false);
  if (strcmp(name, "next") == 0 && first) {
    Restep r = {.mode = RS_CALL, .at = expr};
    const VlVal *v = restep(F, raw_elems(F, first, expr, 0), &r, 0);
    return a->npos >= 2 ? vl_join(V(F), v, a->pos[1]) : v;
  }
  if (strcmp(name, "list") == 0 || strcmp(name, "sorted") == 0) return copy_of(F, VL_SEQ_LIST, first, expr, first_expr);
  if (strcmp(name, "tuple") == 0) {
    /* tuple(t) of a tuple is t itself (`tuple(zip(*batch))`: the columns stay apart) */
    if (first && first->n == 1 && first->objs[0]->kind == VL_O_SEQ && first->objs[0]->sub == VL_SEQ_TUPLE && first->objs[0]->nitems &&
        !a->nkw && a->npos == 1)
      return first;
    return copy_of(F, VL_SEQ_TUPLE, first, expr, first_expr);
  }
  if (strcmp(name, "set") == 0 || strcmp(name, "frozenset") == 0) return copy_of(F, VL_SEQ_SET, first, expr, first_expr);
  if (strcmp(name, "dict") == 0) {
    const VlVal *d = vl_new_seq(F, VL_SEQ_DICT, expr);
    /* dict(k=v, ...): literal keys, as the display {"k": v} has them (`Thread(kwargs=dict(...))`) */
    for (int i = 0; i < a->nkw; i++) {
      const VlVal *key = vl_str_const(V(F), a->kwname[i]);
      vl_heap_dict_put(F, d->objs[0]->site, key, a->kw[i]);
      VlHeapEntry *he = vl_heap_get(F, d->objs[0]->site);
      he->key = vl_join(V(F), he->key, key);
    }
    if (first) {
      /* dict(mapping): the same values (a shallow copy of a dict, a defaultdict); dict(pairs): the seconds */
      Acc pairs = {0};
      for (uint16_t i = 0; i < first->n; i++) {
        const VlObj *o = first->objs[i];
        if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_DICT) {
          if (!vl_heap_dict_splat(F, d->objs[0]->site, o)) vl_heap_add_elem(F, d->objs[0]->site, seq_elems(F, o));
        }
        else add(&pairs, o);
      }
      const VlVal *rest = done(F, &pairs);
      /* dict(gen) of a generator's pairs, like list(gen), is a loop over its steps: a store of each
       * second (collect_from: the same dict, made at this call) */
      if (!vl_val_empty(rest)) collect_from(F, VL_SEQ_DICT, rest, expr, first_expr, COLLECT_PAIRS, true);
    }
    /* dict(mapping, **kwargs) of keywords not known here: it may hold other keys, as {**mapping,
     * **kwargs} may (vl_heap_dict_splat of what we cannot see into: VL_DICT_OPEN), so
     * f(**dict(defaults, **kwargs)) passes more than the defaults' keywords */
    if (a->dstar) vl_heap_dict_splat(F, d->objs[0]->site, vl_unknown(V(F))->objs[0]);
    return d;
  }
  if ((strcmp(name, "min") == 0 || strcmp(name, "max") == 0) && a->npos >= 1) {
    if (a->npos == 1) return raw_elems(F, first, expr, 0);
    const VlVal *r = &vl_empty_val;
    for (int i = 0; i < a->npos; i++) r = vl_join(V(F), r, a->pos[i]);
    return r;
  }
  if (strcmp(name, "sum") == 0) {
    if (first && vl_val_all_int(raw_elems(F, first, expr, 0))) return vl_prim(V(F), VL_O_INT);
    if (first && a->npos == 2 && a->pos_expr[1] && vl_expr(M(F), a->pos_expr[1])->op == VL_E_LIST &&
        !vl_expr(M(F), a->pos_expr[1])->nkids) {
      /* sum(lists, []): one list of the lists' items, as a loop of extends would make; of a container
       * made here, it names it as its base, as list(c) does (copy_of), so that the stores that
       * filled it are reported when the flattened list escapes */
      bool containers = first->n > 0;
      for (uint16_t i = 0; i < first->n; i++)
        containers &= first->objs[i]->kind == VL_O_SEQ && first->objs[i]->site && first->objs[i]->site->kind == VL_SITE_NEW;
      const VlVal *items = raw_elems(F, raw_elems(F, first, expr, 0), expr, 0);
      const VlVal *seq = collect_from(F, VL_SEQ_LIST, new_iter(F, items), expr, a->pos_expr[0], 0, !containers);
      if (!containers) return seq;
      VlObj c = *seq->objs[0];
      c.base = first;
      return vl_val1(V(F), vl_obj(V(F), c));
    }
    return vl_unknown(V(F));
  }
  if (strcmp(name, "divmod") == 0) {
    const VlVal *items[2] = {vl_prim(V(F), VL_O_INT), vl_prim(V(F), VL_O_INT)};
    return tuple_of(F, items, 2);
  }
  if (strcmp(name, "object") == 0) return vl_val1(V(F), new_obj(F, expr, 0));
  if (strcmp(name, "open") == 0) return file_obj(F, expr);
  if ((strcmp(name, "staticmethod") == 0 || strcmp(name, "classmethod") == 0 || strcmp(name, "property") == 0) && first)
    return first;
  if (strcmp(name, "super") == 0) {
    /* super(): this method's receiver, its lookups starting past the method's class */
    const VlFunc *fn = vl_func(M(F), F->func);
    if (fn->klass && F->params && fn->nparams) {
      VlObj o = {.kind = VL_O_LIB, .name = "builtins.super", .base = F->params[0], .func = fn->klass, .mod = NULL,
                 .nd = vl_nd_unknown()};
      return vl_val1(V(F), vl_obj(V(F), o));
    }
  }
  return vl_unknown(V(F));
}

/* What comes back from a worker process: f's result pickled and unpickled, so a copy of all it
 * holds, made at expr: an array a new whole array (a view pickles alone), a container a new one
 * holding copies.  What cannot be followed (an opaque call's result, an operation deferred on a
 * parameter) is unknown. */
static const VlVal *unpickled(Frame *F, const VlVal *v, VlId expr, int depth);

typedef struct Unpickle {
  VlId expr;
  int depth;
} Unpickle;

static const VlVal *unpickled_map(Frame *F, const VlVal *v, void *ctx) {
  const Unpickle *u = ctx;
  return unpickled(F, v, u->expr, u->depth);
}

static const VlVal *unpickled(Frame *F, const VlVal *v, VlId expr, int depth) {
  if (vl_val_empty(v)) return v;
  if (depth > 4) return vl_unknown(V(F));
  Acc acc = {0};
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    switch (o->kind) {
    case VL_O_ARRAY:
      add(&acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), o->lib, o->nd, o->flags & VL_F_INTS, expr));
      break;
    case VL_O_INT:
    case VL_O_SCALAR:
    case VL_O_STR:
    case VL_O_NONE: add(&acc, o); break;
    case VL_O_SEQ:
    case VL_O_INST: {
      VlObj c = *o;
      const VlVal *items[64]; /* (vl_obj copies them) */
      if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && o->nitems) {
        uint16_t n = o->nitems < 64 ? o->nitems : 64;
        for (uint16_t k = 0; k < n; k++) items[k] = unpickled(F, o->items[k], expr, depth + 1);
        c.items = items;
        c.nitems = n;
      }
      if (o->kind == VL_O_SEQ && o->elem) c.elem = unpickled(F, o->elem, expr, depth + 1);
      if (o->site) {
        c.site = vl_new_site(F, expr, VL_HOW_OBJECT);
        Unpickle u = {expr, depth + 1};
        vl_heap_carry(F, o->site, c.site, unpickled_map, &u);
      } else if (o->kind == VL_O_INST) {
        add(&acc, unknown_obj(F));
        break;
      }
      add(&acc, vl_obj(V(F), c));
      break;
    }
    default: add(&acc, unknown_obj(F)); break;
    }
  }
  return done(F, &acc);
}

/* A process pool's map: f(item) for each item of the iterables (`star`: f(*item), starmap), each
 * result a copy made anew at each step. */
static const VlVal *process_map(Frame *F, const Args *a, int niters, bool star, VlId expr) {
  if (a->npos < 2) return vl_unknown(V(F));
  Args inner = {0};
  if (star) {
    inner.star = true;
    inner.spread = raw_elems(F, a->pos[1], expr, 0);
    inner.spread_expr = a->pos_expr[1];
  } else {
    for (int i = 1; i <= niters && i < a->npos && inner.npos < VL_MAX_ARGS; i++) {
      inner.pos_expr[inner.npos] = a->pos_expr[i];
      inner.pos[inner.npos++] = raw_elems(F, a->pos[i], expr, 0);
    }
  }
  const VlVal *r = unpickled(F, vl_op_call(F, a->pos[0], &inner, expr), expr, 0);
  Restep mark = {.mode = RS_MARK, .markexpr = expr};
  return new_iter(F, restep(F, r, &mark, 0));
}

/* A pool's single call (`executor.submit(f, *args)`, `pool.apply_async(f, args)`): a future holding
 * f's result that its `result()` (`get()`) hands back: of a process pool a copy of it (`pickled`);
 * of a thread pool f ran in this process, on the caller's objects, and the result is f's own. */
static const VlVal *pool_call(Frame *F, const Args *a, bool packed, bool pickled, VlId expr) {
  if (a->npos < 1) return vl_unknown(V(F));
  Args inner = {0};
  if (packed) {
    if (a->npos >= 2) {
      inner.star = true;
      inner.spread = a->pos[1];
      inner.spread_expr = a->pos_expr[1];
    }
  } else {
    if (a->star) return vl_unknown(V(F));
    for (int i = 1; i < a->npos; i++) inner.pos_expr[inner.npos] = a->pos_expr[i], inner.pos[inner.npos++] = a->pos[i];
    for (int i = 0; i < a->nkw; i++)
      inner.kwname[inner.nkw] = a->kwname[i], inner.kw_expr[inner.nkw] = a->kw_expr[i], inner.kw[inner.nkw++] = a->kw[i];
    inner.dstar = a->dstar;
  }
  const VlVal *r = vl_op_call(F, a->pos[0], &inner, expr);
  if (pickled) r = unpickled(F, r, expr, 0);
  const VlVal *items[1] = {r};
  VlObj o = {.kind = VL_O_LIB, .sub = VL_LIB_FUTURE, .name = "concurrent.futures.Future", .items = items, .nitems = 1,
             .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), o));
}

/* threading.Thread(group, target, name, args, kwargs): the thread runs target(*args, **kwargs) once,
 * in this process, on the caller's objects, when it is started; the call is made here, where the
 * thread is made, so that what target stores into shared containers (a results list, `self.features`
 * under a lock) is the caller's store.  `args` a tuple of known items gives those positions, anything
 * else unknown ones; `kwargs` a dict of literal keys those keywords.  The thread object is opaque
 * (`start()`, `join()`: unknown). */
static const VlVal *thread_started(Frame *F, const Args *a, VlId expr) {
  const VlVal *target = kwarg(a, "target"), *args = kwarg(a, "args"), *kws = kwarg(a, "kwargs");
  VlId args_expr = 0, target_expr = 0;
  for (int i = 0; i < a->nkw; i++) {
    if (strcmp(a->kwname[i], "args") == 0) args_expr = a->kw_expr[i];
    if (strcmp(a->kwname[i], "target") == 0) target_expr = a->kw_expr[i];
  }
  if (!target && a->npos > 1) target = a->pos[1], target_expr = a->pos_expr[1];
  if (!args && a->npos > 3) args = a->pos[3], args_expr = a->pos_expr[3];
  if (!kws && a->npos > 4) kws = a->pos[4];
  const VlVal *thread = vl_val1(V(F), lib_obj(F, "threading.Thread()", NULL, 0));
  if (!target || a->star || a->dstar || vl_val_only(target, VL_O_NONE)) return thread;
  Args inner = {0};
  const VlObj *t = args && args->n == 1 ? args->objs[0] : NULL;
  if (t && t->kind == VL_O_SEQ && t->sub == VL_SEQ_TUPLE && t->nitems <= VL_MAX_ARGS) {
    for (uint16_t k = 0; k < t->nitems; k++) inner.pos[inner.npos++] = t->items[k];
  } else if (args && !vl_val_only(args, VL_O_NONE)) {
    inner.star = true;
    inner.spread = args;
    inner.spread_expr = args_expr;
  }
  if (kws && !vl_val_only(kws, VL_O_NONE) && !vl_dict_keywords(F, kws, &inner)) inner.dstar = true;
  /* (made at the target's expression: `t = Thread(...)` binds the thread, not what target makes) */
  vl_op_call(F, target, &inner, target_expr ? target_expr : expr);
  return thread;
}

static const VlVal *construct(Frame *F, const VlObj *cls, Args *a, VlId expr);

/* dataclasses.replace(rec, last_logits=x) of a record of a project class (a dataclass without its
 * own __init__, fields known): a new instance of that class, its fields the record's, those named
 * replaced (functional decoding states advance so).  Unknown for anything else. */
static const VlVal *replaced_record(Frame *F, const VlVal *rec, Args *a, VlId expr) {
  if (!rec || a->npos != 1 || a->star || a->dstar) return vl_unknown(V(F));
  Acc acc = {0};
  for (uint16_t i = 0; i < rec->n; i++) {
    const VlObj *o = rec->objs[i];
    const VlObj *cls = o->kind == VL_O_INST && o->base && o->base->n == 1 ? o->base->objs[0] : NULL;
    const VlClassInfo *k = cls && cls->kind == VL_O_CLASS ? class_info(F, cls->mod, cls->func) : NULL;
    if (!k || !k->nfields || k->nfields > VL_MAX_ARGS || vl_class_method(F, k, "__init__", 0)) {
      add(&acc, unknown_obj(F));
      continue;
    }
    Args b = {.npos = k->nfields};
    for (uint16_t f = 0; f < k->nfields; f++) b.pos[f] = NULL;
    bool known = true;
    for (int j = 0; j < a->nkw && known; j++) {
      known = false;
      for (uint16_t f = 0; f < k->nfields && !known; f++)
        if (strcmp(a->kwname[j], k->fields[f]) == 0) b.pos[f] = a->kw[j], b.pos_expr[f] = a->kw_expr[j], known = true;
    }
    if (!known) { /* not a field: replace() raises */
      add(&acc, unknown_obj(F));
      continue;
    }
    for (uint16_t f = 0; f < k->nfields; f++)
      if (!b.pos[f]) b.pos[f] = vl_op_attr(F, vl_val1(V(F), o), k->fields[f], expr);
    add_val(&acc, construct(F, cls, &b, expr));
  }
  return done(F, &acc);
}

/* A partial's keyword names (functools.partial(f, x, k1=a, k2=b)): a tuple of one STR per keyword of a,
 * in order (NULL for none); the bound values are the partial's `items` after its positional ones. */
static const VlVal *kw_name_list(Frame *F, const Args *a) {
  if (a->nkw <= 0) return NULL;
  const VlVal *names[VL_MAX_KWARGS];
  int n = 0;
  for (int k = 0; k < a->nkw && n < VL_MAX_KWARGS; k++) names[n++] = vl_str_const(V(F), a->kwname[k]);
  VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .items = names, .nitems = (uint16_t)n, .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), t));
}

/* The i-th name of such a list, NULL past its end. */
static const char *kw_name_at(const VlVal *names, int i) {
  if (!names || names->n != 1 || i < 0 || i >= names->objs[0]->nitems) return NULL;
  const VlVal *k = names->objs[0]->items[i];
  return k && k->n == 1 && k->objs[0]->kind == VL_O_STR ? k->objs[0]->name : NULL;
}

/* The partial of callable o (a method of some object, a symbol) with the arguments of a after the
 * first: a VL_LIB_BOUND_CALL, the callable in base, the bound arguments in items (`index`
 * positional ones, then the keywords, named in key, kw_name_list). */
static const VlObj *bound_partial(Frame *F, const VlObj *o, const Args *a) {
  const VlVal *items[VL_MAX_ARGS];
  uint16_t n = 0;
  for (int k = 1; k < a->npos; k++) items[n++] = a->pos[k];
  for (int k = 0; k < a->nkw; k++) items[n++] = a->kw[k];
  VlObj c = {.kind = VL_O_LIB, .sub = VL_LIB_BOUND_CALL, .name = "functools.partial", .base = vl_val1(V(F), o),
             .items = items, .nitems = n, .index = (uint32_t)(a->npos - 1), .key = kw_name_list(F, a),
             .nd = vl_nd_unknown()};
  return vl_obj(V(F), c);
}

/* Calling such a partial: its bound arguments, then those of the call. */
static const VlVal *call_bound_partial(Frame *F, const VlObj *p, const Args *a, VlId expr) {
  if (a->star || a->dstar) return vl_unknown(V(F));
  Args b = {.call = a->call};
  int bound = (int)p->index;
  for (int k = 0; k < bound && b.npos < VL_MAX_ARGS; k++) b.pos[b.npos++] = p->items[k];
  for (int k = 0; k < a->npos && b.npos < VL_MAX_ARGS; k++) b.pos_expr[b.npos] = a->pos_expr[k], b.pos[b.npos++] = a->pos[k];
  for (int k = bound; kw_name_at(p->key, k - bound) && k < p->nitems && b.nkw < VL_MAX_KWARGS; k++) {
    b.kwname[b.nkw] = kw_name_at(p->key, k - bound);
    b.kw[b.nkw++] = p->items[k];
  }
  for (int k = 0; k < a->nkw && b.nkw < VL_MAX_KWARGS; k++)
    b.kwname[b.nkw] = a->kwname[k], b.kw_expr[b.nkw] = a->kw_expr[k], b.kw[b.nkw++] = a->kw[k];
  return vl_op_call(F, p->base, &b, expr);
}

/* functools.reduce(step, xs, init): a loop rebinding acc = step(acc, x), acc first init.  The step is
 * called once, on init and what xs hands out; where it returns an item of its accumulator grown
 * (`return ids, scores + (logits[:, -1, :],)`: VL_EFF_FOLD), that item of init grows in place, as
 * `t = t + (v,)` in a loop does: a store at each step of the call, an implicit loop, of what the step
 * made new at it.  (A helper returning `p + (v,)` to any other caller stores nothing: the caller may
 * keep the old tuple and drop the new one.) */
static const VlVal *fold_call(Frame *F, Args *a, VlId expr) {
  Analysis *an = F->an;
  FoldSink sink = {0};
  FoldSink *saved = F->fold;
  int saved_depth = F->fold_depth;
  F->fold = &sink;
  F->fold_depth = an->depth + 1;
  Args two = {0};
  two.pos[0] = a->pos[2];
  two.pos_expr[0] = a->pos_expr[2];
  two.pos[1] = raw_elems(F, a->pos[1], expr, 0);
  two.npos = 2;
  const VlVal *r = vl_op_call(F, a->pos[0], &two, expr);
  F->fold = saved;
  F->fold_depth = saved_depth;
  Restep mark = {.mode = RS_MARK, .markexpr = expr}, step = {.mode = RS_LOOP, .at = 0};
  for (size_t i = 0; i < sink.grown.len; i++) {
    const VlEffect *ef = &sink.grown.items[i];
    const VlVal *v = restep(F, restep(F, ef->value, &mark, 0), &step, 0);
    if (ef->store == VL_ST_APPEND) v = vl_op_elems(F, v, expr); /* `acc + (v,)`: v itself */
    for (uint16_t k = 0; k < ef->target->n; k++)
      if (ef->target->objs[k]->kind == VL_O_SEQ && ef->target->objs[k]->site)
        vl_heap_add_elem(F, ef->target->objs[k]->site, ef->store == VL_ST_APPEND ? v : vl_op_elems(F, v, expr));
    StoreEv ev = {.store = ef->store, .container = ef->target, .value = v, .loop = F->loop, .call = expr,
                  .implicit = true, .at = ef->at, .fix_at = ef->fix_at, .text = ef->text,
                  .container_text = ef->container};
    vl_frame_store(F, &ev);
  }
  VL_VEC_FREE(&sink.grown);
  return vl_join(V(F), a->pos[2], r);
}

/* A call of a pool's method (VL_LIB_POOL_METHOD, its `pool` row of rules/stdlib.tsv in `index`).  A
 * thread pool: `pool.map(f, xs)` is map(f, xs).  A process pool: what f returns comes back pickled, a copy
 * (`unpickled`): `for traj in pool.imap(integrate, params): finals.append(traj[-1])` keeps one whole
 * trajectory per row; Pool.map and Pool.starmap return a list of the results: list() of the steps, so
 * that a list kept too (`return previews, matrices`) keeps every result whole, as `list(map(f, xs))`
 * does. */
static const VlVal *pool_method_call(Frame *F, const VlObj *o, Args *a, VlId expr) {
  const VlKnowledge *kn = F->an->know;
  if (o->index >= kn->npools) return vl_unknown(V(F));
  bool process = kn->pools[o->index].pool >= VL_POOL_PROCESS_EXECUTOR;
  VlPoolDo what = kn->pools[o->index].what;
  switch (what) {
  case VL_POOL_MAP_ALL: return process ? process_map(F, a, VL_MAX_ARGS, false, expr) : call_builtin(F, "map", a, expr);
  case VL_POOL_MAP_ONE: {
    if (process) return process_map(F, a, 1, false, expr);
    Args two = *a;
    if (two.npos > 2) two.npos = 2;
    return call_builtin(F, "map", &two, expr);
  }
  case VL_POOL_MAP_LIST:
  case VL_POOL_STARMAP_LIST: {
    Args listed = {.npos = 1};
    listed.pos[0] = process_map(F, a, 1, what == VL_POOL_STARMAP_LIST, expr);
    listed.pos_expr[0] = expr;
    return call_builtin(F, "list", &listed, expr);
  }
  case VL_POOL_SUBMIT: return pool_call(F, a, false, process, expr);
  case VL_POOL_APPLY_ASYNC: return pool_call(F, a, true, process, expr);
  case VL_POOL_APPLY: {
    const VlVal *fut = pool_call(F, a, true, process, expr);
    return fut->n == 1 && fut->objs[0]->nitems == 1 ? fut->objs[0]->items[0] : fut;
  }
  case VL_POOL_UNKNOWN: break;
  }
  return vl_unknown(V(F));
}

static const VlVal *call_stdlib(Frame *F, const char *q, Args *a, VlId expr, bool *handled) {
  *handled = true;
  const VlVal *first = a->npos ? a->pos[0] : NULL;
  if (strcmp(q, "functools.reduce") == 0 && a->npos == 3 && !a->nkw && !a->star && !a->dstar) return fold_call(F, a, expr);
  if (strcmp(q, "dataclasses.replace") == 0) return replaced_record(F, first, a, expr);
  if (strcmp(q, "copy.copy") == 0 || strcmp(q, "copy.deepcopy") == 0) {
    if (!first) return vl_unknown(V(F));
    bool deep = q[5] == 'd';
    Acc acc = {0};
    for (uint16_t i = 0; i < first->n; i++) {
      const VlObj *o = first->objs[i];
      if (o->kind == VL_O_ARRAY || o->kind == VL_O_SYM || o->kind == VL_O_OBJ) {
        add(&acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), o->lib, o->nd, 0, expr));
      } else if (o->kind == VL_O_SEQ) {
        const VlVal *c = vl_new_seq(F, (VlSeqKind)o->sub, expr);
        vl_heap_add_elem(F, c->objs[0]->site,
                         deep ? vl_new_array(F, VL_HOW_COPY, VL_LIBID_NONE, vl_nd_unknown(), expr) : seq_elems(F, o));
        add_val(&acc, c);
      } else {
        add(&acc, o->kind == VL_O_INT || o->kind == VL_O_SCALAR || o->kind == VL_O_STR ? o : unknown_obj(F));
      }
    }
    return done(F, &acc);
  }
  /* a thread pool: `pool.map(f, xs)` (multiprocessing's imap, imap_unordered) is map(f, xs), of the
   * one iterable multiprocessing's take (the next argument is a chunk size).  Not a process pool
   * (ProcessPoolExecutor, multiprocessing.Pool): what f returns there comes back pickled, a copy of
   * a view alone */
  if (strcmp(q, "concurrent.futures.ThreadPoolExecutor") == 0 || strcmp(q, "concurrent.futures.thread.ThreadPoolExecutor") == 0)
    return vl_val1(V(F), pool_obj(F, VL_POOL_THREAD_EXECUTOR));
  if (strcmp(q, "multiprocessing.dummy.Pool") == 0 || strcmp(q, "multiprocessing.pool.ThreadPool") == 0)
    return vl_val1(V(F), pool_obj(F, VL_POOL_THREAD_MP));
  if (strcmp(q, "threading.Thread") == 0) return thread_started(F, a, expr);
  if (strcmp(q, "concurrent.futures.ProcessPoolExecutor") == 0 || strcmp(q, "concurrent.futures.process.ProcessPoolExecutor") == 0)
    return vl_val1(V(F), pool_obj(F, VL_POOL_PROCESS_EXECUTOR));
  if (strcmp(q, "multiprocessing.Pool") == 0 || strcmp(q, "multiprocessing.pool.Pool") == 0)
    return vl_val1(V(F), pool_obj(F, VL_POOL_PROCESS_MP));
  /* a start-method context (`get_context("fork")`) has the module's API: its Pool is one */
  if (strcmp(q, "multiprocessing.get_context") == 0) return vl_val1(V(F), lib_obj(F, "multiprocessing", NULL, 0));
  /* as_completed(futures): the futures, in another order (a loop over it is one over the list) */
  if (strcmp(q, "concurrent.futures.as_completed") == 0 && first) return first;
  if (strcmp(q, "collections.deque") == 0) {
    const VlVal *d = collect(F, VL_SEQ_DEQUE, first, expr, a->npos ? a->pos_expr[0] : 0);
    const VlVal *maxlen = kwarg(a, "maxlen");
    if (!maxlen && a->npos >= 2) maxlen = a->pos[1];
    /* a maxlen of VL_BUFFER_MAXLEN or more is a buffer's capacity (a DQN replay memory of 1e4 to
     * 1e6 transitions), not a window: it grows for as long as a program runs (measured: 300 Atari
     * screens kept by deque(maxlen=100_000) pin 29 MiB for 1.9 MiB shown) */
    bool capacity = maxlen && maxlen->n == 1 && maxlen->objs[0]->kind == VL_O_INT && maxlen->objs[0]->num_known &&
                    (int32_t)maxlen->objs[0]->index >= VL_BUFFER_MAXLEN;
    if (maxlen && vl_val_has(maxlen, VL_O_SYM)) F->size_deferred = true;
    if (maxlen && !vl_val_only(maxlen, VL_O_NONE) && !capacity) {
      VlObj o = *d->objs[0];
      o.flags |= VL_F_BOUNDED;
      return vl_val1(V(F), vl_obj(V(F), o));
    }
    return d;
  }
  if (strcmp(q, "collections.defaultdict") == 0) {
    const VlVal *d = vl_new_seq(F, VL_SEQ_DICT, expr);
    if (first) { /* each new key gets factory(): a container made for the dict, living in it */
      Args none = {0};
      const VlVal *made = vl_op_call(F, first, &none, expr);
      Acc acc = {0};
      for (uint16_t i = 0; i < made->n; i++) {
        const VlObj *o = made->objs[i];
        if (o->site && o->site->kind == VL_SITE_NEW) {
          VlSite s = *o->site;
          s.via = d->objs[0]->site;
          VlObj c = *o;
          c.site = vl_site(V(F), s);
          add(&acc, vl_obj(V(F), c));
        } else {
          add(&acc, o);
        }
      }
      vl_heap_add_elem(F, d->objs[0]->site, done(F, &acc));
    }
    return d;
  }
  /* OrderedDict(k=v, ...): literal keys, as dict(k=v) has them (a dm_env-style observation
   * `OrderedDict(pixels=frame, ...)`).  OrderedDict(pairs) and OrderedDict(mapping) stay empty: a
   * module-level registry of classes (diffusers' AUTO_TEXT2IMAGE_PIPELINES_MAPPING) filled so made
   * every pipeline a call site could be, and guesses on their outputs false alarms.  A Counter counts,
   * holding no array. */
  if (strcmp(q, "collections.OrderedDict") == 0 && !a->npos) return call_builtin(F, "dict", a, expr);
  if (strcmp(q, "collections.OrderedDict") == 0) {
    const VlVal *d = vl_new_seq(F, VL_SEQ_DICT, expr);
    seq_ordered_values(F, d, a);
    return d;
  }
  if (strcmp(q, "collections.Counter") == 0) return vl_new_seq(F, VL_SEQ_DICT, expr);
  if ((strcmp(q, "bisect.insort") == 0 || strcmp(q, "bisect.insort_left") == 0 ||
       strcmp(q, "bisect.insort_right") == 0) && a->npos >= 2) { /* a sorted list grows by one */
    store_event(F, VL_ST_APPEND, a->pos[0], a->pos[1], a->pos_expr[1], a->pos_expr[0], false, 0);
    add_elems_to(F, a->pos[0], a->pos[1]);
    return vl_prim(V(F), VL_O_NONE);
  }
  if (strcmp(q, "queue.Queue") == 0 || strcmp(q, "queue.LifoQueue") == 0 || strcmp(q, "queue.SimpleQueue") == 0 ||
      strcmp(q, "queue.PriorityQueue") == 0) {
    /* put() stores, get() takes out; maxsize > 0 bounds it (unknown: taken as bounded) */
    const VlVal *d = vl_new_seq(F, VL_SEQ_DEQUE, expr);
    const VlVal *size = kwarg(a, "maxsize");
    if (!size && a->npos >= 1) size = a->pos[0];
    bool unbounded = !size || (size->n == 1 && size->objs[0]->kind == VL_O_INT && size->objs[0]->num_known &&
                               (int32_t)size->objs[0]->index <= 0);
    if (!unbounded) {
      VlObj o = *d->objs[0];
      o.flags |= VL_F_BOUNDED;
      return vl_val1(V(F), vl_obj(V(F), o));
    }
    return d;
  }
  if ((strcmp(q, "collections.namedtuple") == 0 || strcmp(q, "typing.NamedTuple") == 0) && a->npos >= 1) {
    /* Step = namedtuple("Step", "obs reward"): calling Step makes a tuple of its arguments; its field
     * names, when written out, in `key` ("obs,reward"): keywords and attributes find their item */
    VlObj o = {.kind = VL_O_LIB, .sub = VL_LIB_NAMEDTUPLE_CLASS, .name = q, .nd = vl_nd_unknown()};
    char fields[256];
    if (strcmp(q, "collections.namedtuple") == 0 && a->npos >= 2 && field_names(F, a->pos_expr[1], fields, sizeof fields)) {
      VlObj kn = {.kind = VL_O_STR, .name = vl_arena_strdup(F->an->arena, fields), .nd = vl_nd_unknown()};
      o.key = vl_val1(V(F), vl_obj(V(F), kn));
    }
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strcmp(q, "heapq.heappush") == 0 && a->npos >= 2) {
    store_event(F, VL_ST_HEAPPUSH, a->pos[0], a->pos[1], a->pos_expr[1], a->pos_expr[0], false, 0);
    add_elems_to(F, a->pos[0], a->pos[1]);
    return vl_prim(V(F), VL_O_NONE);
  }
  if ((strcmp(q, "heapq.heappop") == 0 || strcmp(q, "heapq.heappushpop") == 0 || strcmp(q, "heapq.heapreplace") == 0) &&
      first) {
    /* a loop that also pops keeps a bounded heap (a top-k), not everything pushed */
    vl_frame_clear(F, first);
    return raw_elems(F, first, expr, 0);
  }
  if ((strcmp(q, "heapq.nlargest") == 0 || strcmp(q, "heapq.nsmallest") == 0) && a->npos >= 2)
    return collect_from(F, VL_SEQ_LIST, a->pos[1], expr, 0, COLLECT_SOME, true);
  if (strcmp(q, "functools.partial") == 0 && first) {
    Acc acc = {0};
    for (uint16_t i = 0; i < first->n; i++) {
      const VlObj *o = first->objs[i];
      if (a->npos == 1 && !a->nkw && (o->kind == VL_O_FUNC || (o->kind == VL_O_LIB && o->base))) {
        add(&acc, o); /* partial(buf.append): the same callable */
        continue;
      }
      if ((o->kind == VL_O_SYM || (o->kind == VL_O_LIB && o->base && o->name && !o->nitems)) && !a->star && !a->dstar &&
          a->npos - 1 + a->nkw <= VL_MAX_ARGS) {
        /* partial(pipe.read, n), partial(fn, x) of a parameter: a call of that callable, its arguments
         * bound, made when it is called (`iter(partial(pipe.read, n), b"")`); keywords named in key */
        add(&acc, bound_partial(F, o, a));
        continue;
      }
      bool lib_fn = o->kind == VL_O_LIB && !o->base && !o->mod && !o->nitems && o->name && !o->flags &&
                    vl_knowledge_library(F->an->know, o->name, &(const char *){NULL});
      if ((o->kind != VL_O_FUNC && !lib_fn) || o->nitems) {
        add(&acc, unknown_obj(F));
        continue;
      }
      /* its positional arguments (`index` of them), then its keyword ones, named by a tuple of STRs
       * (kw_name_list): a FUNC's `elem`, a library function's `key` */
      VlObj c = *o;
      const VlVal *items[VL_MAX_ARGS + VL_MAX_KWARGS];
      uint16_t n = 0;
      for (int k = 1; k < a->npos && n < VL_MAX_ARGS; k++) items[n++] = a->pos[k];
      c.index = n;
      for (int k = 0; k < a->nkw; k++) items[n++] = a->kw[k];
      if (lib_fn) { /* partial(torch.select, dim=1, index=0): the library function, its arguments bound */
        c.flags |= VL_F_BOUND_ARGS;
        c.key = kw_name_list(F, a);
      } else {
        c.elem = kw_name_list(F, a);
      }
      c.items = items;
      c.nitems = n;
      if (a->star || a->dstar) { /* partial(f, *xs): what it binds is not known */
        add(&acc, unknown_obj(F));
        continue;
      }
      add(&acc, vl_obj(V(F), c));
    }
    return done(F, &acc);
  }
  if ((strcmp(q, "operator.itemgetter") == 0 || strcmp(q, "operator.attrgetter") == 0) && first) {
    VlObj o = {.kind = VL_O_LIB, .name = q[9] == 'i' ? "operator.itemgetter" : "operator.attrgetter",
               .items = &a->pos[0], .nitems = 1, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strcmp(q, "operator.itemgetter") == 0 && a->spread && !a->nkw) {
    /* itemgetter(*picks): a key is one of picks' items (one or several, each picks its item) */
    const VlVal *keys[1] = {raw_elems(F, a->spread, expr, 0)};
    VlObj o = {.kind = VL_O_LIB, .sub = VL_LIB_ITEMGETTER_SPREAD, .name = "operator.itemgetter", .items = keys,
               .nitems = 1, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strcmp(q, "itertools.chain.from_iterable") == 0 && first) /* the items of each of its items */
    return new_iter(F, raw_elems(F, raw_elems(F, first, expr, 0), expr, 0));
  if (strcmp(q, "itertools.chain") == 0) {
    const VlVal *e = &vl_empty_val;
    for (int i = 0; i < a->npos; i++) e = vl_join(V(F), e, raw_elems(F, a->pos[i], expr, 0));
    return new_iter(F, e);
  }
  if ((strcmp(q, "itertools.islice") == 0 || strcmp(q, "itertools.cycle") == 0 ||
       strcmp(q, "itertools.takewhile") == 0 || strcmp(q, "itertools.dropwhile") == 0) && a->npos >= 1)
    return pass_iter(F, q[10] == 't' || q[10] == 'd' ? (a->npos >= 2 ? a->pos[1] : first) : first, expr,
                     strcmp(q, "itertools.cycle") != 0);
  if (strcmp(q, "itertools.compress") == 0 && first && !a->star) /* compress(data, selectors): some of data's items */
    return pass_iter(F, first, expr, true);
  if (strcmp(q, "itertools.count") == 0) return new_iter(F, vl_prim(V(F), VL_O_INT));
  if (strcmp(q, "itertools.pairwise") == 0 && first && a->npos == 1 && !a->star) {
    /* pairwise(xs): (x0, x1), (x1, x2), ...: pairs of xs's items (`for s, e in pairwise(cu_seqlens)`) */
    const VlVal *e = raw_elems(F, first, expr, 0);
    const VlVal *items[2] = {e, e};
    return new_iter(F, tuple_of(F, items, 2));
  }
  if (strcmp(q, "itertools.accumulate") == 0 && first && a->npos == 1 && !a->star) {
    /* accumulate(xs[, initial=x]): x0, x0 + x1, ...: running sums of xs's items (ints stay ints);
     * with a function (`accumulate(xs, max)`) what it returns is not followed */
    const VlVal *e = raw_elems(F, first, expr, 0);
    const VlVal *r = vl_join(V(F), e, vl_op_binop(F, VL_OP_ADD, e, e, expr));
    for (int k = 0; k < a->nkw; k++) {
      if (!a->kwname[k] || strcmp(a->kwname[k], "initial") != 0 || a->dstar) return new_iter(F, vl_unknown(V(F)));
      r = vl_join(V(F), r, vl_op_binop(F, VL_OP_ADD, a->kw[k], e, expr));
    }
    return new_iter(F, r);
  }
  if (strcmp(q, "itertools.starmap") == 0 && a->npos == 2 && !a->star && !a->nkw) {
    /* starmap(f, pairs): f(*item) for each item, made anew at each step, as map's calls are.  Items
     * that are tuples of one length give the positions (the column k of every item, joined) */
    const VlVal *rows = raw_elems(F, a->pos[1], expr, 0);
    Args inner = {.star = true, .spread = rows, .spread_expr = a->pos_expr[1]};
    uint16_t n = 0;
    bool tuples = rows->n > 0;
    for (uint16_t i = 0; tuples && i < rows->n; i++) {
      const VlObj *r = rows->objs[i];
      tuples = r->kind == VL_O_SEQ && r->sub == VL_SEQ_TUPLE && r->nitems && r->nitems <= VL_MAX_ARGS &&
               (!n || r->nitems == n);
      if (tuples) n = r->nitems;
    }
    if (tuples) {
      inner = (Args){0};
      for (uint16_t k = 0; k < n; k++) {
        const VlVal *col = &vl_empty_val;
        for (uint16_t i = 0; i < rows->n; i++) col = vl_join(V(F), col, rows->objs[i]->items[k]);
        inner.pos_expr[k] = a->pos_expr[1];
        inner.pos[k] = col;
      }
      inner.npos = n;
    }
    Restep mark = {.mode = RS_MARK, .markexpr = expr};
    return new_iter(F, restep(F, vl_op_call(F, a->pos[0], &inner, expr), &mark, 0));
  }
  if ((strcmp(q, "types.SimpleNamespace") == 0 || strcmp(q, "argparse.Namespace") == 0) && !a->npos && !a->star &&
      !a->dstar) {
    /* SimpleNamespace(k=v, ...): a record whose attributes are its keywords, set later as any plain
     * instance's are (`out.hidden_states`, `rec.vector`).  With a mapping or **kw, its names are not known */
    VlObj o = {.kind = VL_O_INST, .name = "types.SimpleNamespace", .flags = VL_F_PLAIN,
               .site = vl_new_site(F, expr, VL_HOW_OBJECT), .nd = vl_nd_unknown()};
    for (int k = 0; k < a->nkw; k++)
      if (a->kwname[k]) vl_heap_set_attr(F, o.site, a->kwname[k], a->kw[k]);
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (strncmp(q, "math.", 5) == 0) return vl_prim(V(F), VL_O_SCALAR);
  *handled = false;
  return NULL;
}

/* The table row of the library class whose instance o is, or NULL (a project instance). */
static const VlLibEntry *lib_class_entry(Frame *F, const VlObj *o) {
  const char *member;
  const VlLibrary *lib = o->kind == VL_O_INST && o->name ? vl_knowledge_library(F->an->know, o->name, &member) : NULL;
  return lib ? vl_libtable_find_class(lib->table, member) : NULL;
}

/* The ndim of what an nn.Sequential of library layers alone (seq_modules' tuple) returns for an input
 * of ndim `nd`: each layer's class row in turn (`module` rows of ndim `same` or `same+k`, `same`
 * rows handing their input back: nn.Linear, nn.Tanh, nn.Dropout); unknown when a layer is not one
 * such instance (a project module goes through seq_chain instead). */
static VlNdim seq_lib_nd(Frame *F, const VlObj *mods, VlNdim nd) {
  if (!mods || !vl_nd_known(nd)) return vl_nd_unknown();
  for (uint16_t i = 0; i < mods->nitems; i++) {
    const VlVal *m = mods->items[i];
    const VlLibEntry *e = m && m->n == 1 && m->objs[0]->kind == VL_O_INST && !m->objs[0]->base
                              ? lib_class_entry(F, m->objs[0]) : NULL;
    if (!e) return vl_nd_unknown();
    if (e->effect_then == VL_FX_SAME) continue;
    if (e->effect_then != VL_FX_MODULE) return vl_nd_unknown();
    if (e->ndim_then.rule == VL_ND_SAME_PLUS) nd = nd_plus(nd, e->ndim_then.n);
    else if (e->ndim_then.rule != VL_ND_SAME) return vl_nd_unknown();
  }
  return nd;
}

/* What a library class's instance does when called, per its table row. */
static const VlVal *lib_instance_call(Frame *F, const VlObj *inst, Args *a, VlId expr) {
  /* an instance a call of rules/results.tsv made, with a `<class>.__call__` row (interp1d(x, y)(xnew)) */
  const VlVal *described = inst->sub == VL_INST_OTHER ? lib_result_method(F, inst, "__call__", a, expr) : NULL;
  if (described) return described;
  const char *member;
  const VlLibrary *lib = inst->name ? vl_knowledge_library(F->an->know, inst->name, &member) : NULL;
  const VlLibEntry *e = lib ? vl_libtable_find_class(lib->table, member) : NULL;
  if (!e) return vl_val1(V(F), new_obj(F, expr, 0));
  switch (e->effect_then) {
  case VL_FX_SEQUENTIAL: { /* its modules in order; without them known, any other layer's new tensor */
    const VlVal *r = seq_chain(F, seq_modules(F, inst), a, expr);
    if (r) return r;
  }
  /* fall through */
  case VL_FX_MODULE: { /* a new tensor; of the input's ndim and unit axes for rows that say so (nn.ReLU, nn.Linear) */
    const VlVal *x = a->npos && !a->star ? a->pos[0] : NULL;
    VlNdim nd = x && e->ndim_then.rule == VL_ND_SAME ? val_nd(x)
                : x && e->ndim_then.rule == VL_ND_SAME_PLUS ? nd_plus(val_nd(x), e->ndim_then.n) : vl_nd_unknown();
    /* library layers alone: the ndim their rows give in turn */
    if (x && a->npos == 1 && e->effect_then == VL_FX_SEQUENTIAL) nd = seq_lib_nd(F, seq_modules(F, inst), val_nd(x));
    const VlVal *r = vl_new_array(F, VL_HOW_PRODUCER, lib->id, nd, expr);
    if (!x) return r;
    if (e->ndim_then.rule == VL_ND_UNKNOWN) { /* any other layer: its input's unit axes may be its output's */
      uint8_t u = 0;
      for (uint16_t i = 0; i < x->n; i++)
        if (x->objs[i]->kind == VL_O_ARRAY) u |= obj_units(x->objs[i]);
      return u ? vl_val1(V(F), with_units(F, r->objs[0], u)) : r;
    }
    /* the input's unit axes, on any of the paths where it is an array (the first step's prompt, or later
     * steps' one token) */
    return vl_val1(V(F), with_units(F, r->objs[0], entry_units_any(F, e, x, a, true, vl_nd_known(nd) ? nd.lo : -1)));
  }
  case VL_FX_SAME: return a->npos ? a->pos[0] : vl_unknown(V(F));
  case VL_FX_VIEW: {
    Acc acc = {0};
    const VlVal *arr = a->npos ? vl_as_array(F, a->pos[0], vl_nd_unknown()) : vl_unknown(V(F));
    for (uint16_t i = 0; i < arr->n; i++)
      if (arr->objs[i]->kind == VL_O_ARRAY) add(&acc, view_of(F, arr->objs[i], vl_nd_unknown(), false, expr));
    return acc.n ? done(F, &acc) : vl_unknown(V(F));
  }
  default: return vl_val1(V(F), new_obj(F, expr, 0));
  }
}

/* A site made at every step of a loader (step), or at the call that makes it */
static const VlSite *at_step(Frame *F, const VlSite *site, bool step) { return step ? step_variant(F, site) : site; }

/* DataLoader's default collate of an item a project Dataset's __getitem__ hands back (v, from its
 * summary s, contents in s's heap; s NULL: v instantiated here, contents in this frame's heap), made anew at every step of the loader made at expr:
 *   an array                      a new tensor, one axis more (the batch stacked); a 0-d one as a number
 *   a dict with literal keys      a dict of the collated values, per key
 *   a tuple or list               a tuple of the collated items
 *   anything else                 unknown (numbers become small tensors, strings lists of them)
 * The tensors of one batch share one site: keeping one whole counts for all (a miss, never a
 * false alarm).  Not `step`: made at the call (default_collate called by the program). */
static const VlVal *collate(Frame *F, const VlSummary *s, const VlVal *v, uint8_t lib, bool step, VlId expr, int depth) {
  if (!v || v->n != 1 || depth > 3) return vl_unknown(V(F));
  const VlObj *o = v->objs[0];
  if (o->kind == VL_O_ARRAY) {
    /* a 0-d tensor (`self.labels[i]` of a 1-D tensor) is a number: its batch is a small (B,) vector,
     * as numbers' is */
    if (o->nd.hi == 0) return vl_unknown(V(F));
    VlNdim nd = o->nd.lo == o->nd.hi && o->nd.hi < VL_ND_MAX ? vl_nd_exact(o->nd.lo + 1) : vl_nd_unknown();
    return vl_val1(V(F), array_obj(F, false, at_step(F, vl_new_site(F, expr, VL_HOW_PRODUCER), step), lib, nd, 0, expr));
  }
  if (o->kind != VL_O_SEQ) return vl_unknown(V(F));
  if (o->sub == VL_SEQ_DICT) {
    const VlHeapEntry *e = !s && o->site ? vl_heap_find(F, o->site) : NULL;
    for (uint32_t h = 0; s && o->site && h < s->nheap && !e; h++)
      if (s->heap[h].site == o->site) e = &s->heap[h];
    if (!e || e->loose || !vl_val_empty(o->elem)) return vl_unknown(V(F));
    VlObj d = {.kind = VL_O_SEQ, .sub = VL_SEQ_DICT, .site = at_step(F, vl_new_site(F, expr, VL_HOW_OBJECT), step),
               .nd = vl_nd_unknown()};
    for (uint16_t i = 0; i < e->nattrs; i++) {
      if (e->attrs[i].name[0] != VL_DICT_KEY_MARK) continue;
      VlObj key = {.kind = VL_O_STR, .name = vl_arena_strdup(F->an->arena, e->attrs[i].name + 1), .nd = vl_nd_unknown()};
      vl_heap_dict_put(F, d.site, vl_val1(V(F), vl_obj(V(F), key)), collate(F, s, e->attrs[i].val, lib, step, expr, depth + 1));
    }
    return vl_val1(V(F), vl_obj(V(F), d));
  }
  if (!o->nitems || o->nitems > VL_MAX_ARGS) return vl_unknown(V(F));
  const VlVal *items[VL_MAX_ARGS];
  for (uint16_t i = 0; i < o->nitems; i++) items[i] = collate(F, s, o->items[i], lib, step, expr, depth + 1);
  VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .site = at_step(F, vl_new_site(F, expr, VL_HOW_OBJECT), step),
             .items = items, .nitems = o->nitems, .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), t));
}

/* default_collate(samples) called by the program (a collate_fn that post-processes its batch, a
 * batch built by hand from a list of samples): the collate of the list's items, as a DataLoader's
 * step is, made at this call; items of more than one shape, or unknown, leave it unknown. */
static const VlVal *collate_call(Frame *F, const Args *a, uint8_t lib, VlId expr) {
  if (a->npos != 1 || a->nkw || a->star || a->dstar) return vl_unknown(V(F));
  return collate(F, NULL, raw_elems(F, a->pos[0], expr, 0), lib, false, expr, 0);
}

/* Does an item a Dataset hands back hold arrays of library `lib` only (tensors, which DataLoader's
 * default_convert passes on as they are), in tuples and dicts?  NumPy arrays become tensors on their
 * memory (torch.as_tensor): not followed. */
static bool only_lib_arrays(const Frame *F, const VlVal *v, uint8_t lib, int depth) {
  if (!v || depth > 3) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    switch (o->kind) {
    case VL_O_ARRAY:
      if (o->lib != lib) return false;
      break;
    case VL_O_SEQ: {
      for (uint16_t k = 0; k < o->nitems; k++)
        if (!only_lib_arrays(F, o->items[k], lib, depth + 1)) return false;
      if (o->elem && !only_lib_arrays(F, o->elem, lib, depth + 1)) return false;
      const VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
      if (e && !only_lib_arrays(F, e->elem, lib, depth + 1)) return false;
      for (uint16_t k = 0; e && k < e->nattrs; k++)
        if (!only_lib_arrays(F, e->attrs[k].val, lib, depth + 1)) return false;
      break;
    }
    case VL_O_NONE:
    case VL_O_INT:
    case VL_O_SCALAR:
    case VL_O_STR: break;
    default: return false;
    }
  }
  return true;
}

/* Is store effect ef of summary s into a container the same call also empties (an LRU cache of loaded
 * shards: `self._store[path] = shard`, then `popitem(last=False)` past a size)?  Such a cache hands
 * out an object again only while it holds it: what it evicts is loaded anew, so its items are new
 * objects over the steps, as those of a __getitem__ without a cache are. */
static bool evicting_store(const VlSummary *s, const VlEffect *ef) {
  if (ef->kind != VL_EFF_STORE || !ef->target || !ef->target->n) return false;
  for (uint32_t i = 0; i < s->neffects; i++) {
    const VlEffect *c = &s->effects[i];
    if (c->kind != VL_EFF_CLEAR || !c->target) continue;
    for (uint16_t j = 0; j < ef->target->n; j++)
      for (uint16_t k = 0; k < c->target->n; k++)
        if (ef->target->objs[j] == c->target->objs[k] && ef->target->objs[j]->kind != VL_O_UNKNOWN) return true;
  }
  return false;
}

/* A batch of DataLoader(ds, ...) over a project map-style Dataset ds with the default collate and
 * batching (no collate_fn, batch_size not None), or NULL.  With batch_size=None there is no
 * batching: each step is what __getitem__ returns for the sampler's index, converted (tensors
 * passed on as they are), made anew at every step where __getitem__ makes it. */
static const VlVal *project_batch(Frame *F, const VlVal *ds, const Args *a, uint8_t lib, VlId expr) {
  /* DataLoader(dataset) over a parameter: its batches are known for the dataset a caller passes */
  if (ds && ds->n == 1 && ds->objs[0]->kind == VL_O_SYM) note_param_call(F, ds->objs[0]);
  if (!ds || ds->n != 1 || ds->objs[0]->kind != VL_O_INST) return NULL;
  bool unbatched = false;
  for (int i = 0; i < a->nkw; i++) {
    if (strcmp(a->kwname[i], "collate_fn") == 0) return NULL;
    if (strcmp(a->kwname[i], "batch_size") == 0 && vl_val_has(a->kw[i], VL_O_NONE)) {
      if (a->kw[i]->n != 1) return NULL;
      unbatched = true;
    }
  }
  const VlClassInfo *k = inst_class(F, ds->objs[0]);
  const VlFuncInfo *get = k ? vl_class_method(F, k, "__getitem__", 0) : NULL;
  if (unbatched && k && !get && vl_class_method(F, k, "__iter__", 0)) {
    /* an iterable-style Dataset (__iter__, no __getitem__): without batching the loader hands out
     * what iterating the dataset gives, converted (tensors passed on as they are) */
    const VlVal *item = raw_elems(F, ds, expr, 0);
    return item && !vl_val_unknownish(item) && only_lib_arrays(F, item, lib, 0) ? item : NULL;
  }
  const VlSummary *s = !get ? NULL : get->mod == F->an->mi ? vl_func_summary(F->an, get->id) : get->summary;
  if (!s) return NULL;
  /* what __getitem__(i) returns for this dataset (`return self.images[i], self.labels[i]`: rows of
   * the arrays its __init__ made), collated; else what the summary itself says */
  Args one = {.npos = 1};
  one.pos[0] = vl_prim(V(F), VL_O_INT);
  const VlVal *item = vl_summary_result(F, get, s, ds, &one, expr);
  if (unbatched) {
    /* a __getitem__ that keeps what it makes (a cache of loaded shards, `self.cache[i] = x`) may hand
     * out the same object again: not followed */
    for (uint32_t i = 0; i < s->neffects; i++)
      if ((s->effects[i].kind == VL_EFF_STORE && !s->effects[i].carried && !evicting_store(s, &s->effects[i])) ||
          s->effects[i].kind == VL_EFF_SETATTR)
        return NULL;
    if (!item || vl_val_unknownish(item) || !only_lib_arrays(F, item, lib, 0)) return NULL;
    Restep mark = {.mode = RS_MARK, .markexpr = expr};
    return restep(F, item, &mark, 0);
  }
  const VlVal *c = item && !vl_val_unknownish(item) ? collate(F, NULL, item, lib, true, expr, 0) : NULL;
  return c && !vl_val_unknownish(c) ? c : collate(F, s, s->ret, lib, true, expr, 0);
}

/* Does v hold an object of a kind in `kinds` (bits 1 << VL_O_...), made anew at each step when
 * `fresh`: itself, or what a tuple, list or dict of it holds (a column `tuple(zip(*batch))` made,
 * `list(images)`)? */
static bool holds_kind(Frame *F, const VlVal *v, unsigned kinds, bool fresh, int depth) {
  for (uint16_t i = 0; v && depth < 4 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if ((kinds >> o->kind & 1u) && (!fresh || (o->site && o->site->kind == VL_SITE_NEW && o->site->step == 1))) return true;
    if (o->kind != VL_O_SEQ) continue;
    for (uint16_t k = 0; k < o->nitems; k++)
      if (holds_kind(F, o->items[k], kinds, fresh, depth + 1)) return true;
    if (holds_kind(F, o->elem, kinds, fresh, depth + 1)) return true;
    const VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
    if (e && holds_kind(F, e->elem, kinds, fresh, depth + 1)) return true;
    for (uint16_t k = 0; e && k < e->nattrs; k++)
      if (holds_kind(F, e->attrs[k].val, kinds, fresh, depth + 1)) return true;
  }
  return false;
}

/* What __getitem__(i) of project map-style Dataset ds hands out, its new objects new at each step of
 * the loader made at expr, or NULL: not a project Dataset, or one whose __getitem__ keeps what it
 * makes (a cache, `self.cache[i] = x`: it may hand out the same object again; *keeps set). */
static const VlVal *dataset_item(Frame *F, const VlVal *ds, VlId expr, bool *keeps) {
  if (!ds || ds->n != 1 || ds->objs[0]->kind != VL_O_INST) return NULL;
  const VlClassInfo *k = inst_class(F, ds->objs[0]);
  const VlFuncInfo *get = k ? vl_class_method(F, k, "__getitem__", 0) : NULL;
  const VlSummary *s = !get ? NULL : get->mod == F->an->mi ? vl_func_summary(F->an, get->id) : get->summary;
  if (!s) return NULL;
  for (uint32_t i = 0; i < s->neffects; i++) {
    const VlEffect *ef = &s->effects[i];
    if (ef->kind == VL_EFF_SETATTR) return *keeps = true, NULL;
    /* (a store into a container the item holds, `{"target": {"boxes": b}}`, is no cache) */
    for (uint16_t j = 0; ef->kind == VL_EFF_STORE && !ef->carried && ef->target && j < ef->target->n; j++) {
      const VlSite *t = ef->target->objs[j]->site;
      if (ef->target->objs[j]->kind != VL_O_SEQ || !t || t->kind != VL_SITE_NEW || t->mod != get->mod || t->func != get->id)
        return *keeps = true, NULL;
    }
    if (ef->kind == VL_EFF_STORE && !ef->carried && (!ef->target || !ef->target->n)) return *keeps = true, NULL;
  }
  Args one = {.npos = 1};
  one.pos[0] = vl_prim(V(F), VL_O_INT);
  const VlVal *item = vl_summary_result(F, get, s, ds, &one, expr);
  if (!item || vl_val_unknownish(item)) return NULL;
  Restep mark = {.mode = RS_MARK, .markexpr = expr};
  return restep(F, item, &mark, 0);
}

/* A batch of DataLoader(ds, batch_size=k, collate_fn=f) with f a project function, or NULL: what f
 * returns for a list of ds's items, what is made at every step of the loader made at expr.
 *   f makes new arrays (`torch.zeros(...)` filled, `torch.stack(...)`, a dict of those): f's result;
 *   f makes objects we cannot see into (an unknown call's result, an instance, a library's padding
 *     such as `pad_sequence`, unknown): NULL, the opaque batch, as before;
 *   f regroups the items (`tuple(zip(*batch))`, `lambda b: b`, `[s["img"] for s in batch]`) of a
 *     dataset whose items we know: f's result, whose arrays are the items, new at each step only
 *     where __getitem__ makes them (`torch.from_numpy(np.load(p))`), not rows of a tensor the
 *     dataset holds (nor a TensorDataset's rows, views of its tensors, nor what a __getitem__
 *     caching its items hands out, maybe again).
 * A dataset we cannot see into leaves the items unknown, and anything f does not make itself the
 * opaque batch. */
static const VlVal *collate_fn_batch(Frame *F, const VlVal *ds, const Args *a, VlId expr) {
  const VlVal *cf = NULL;
  for (int i = 0; i < a->nkw; i++) {
    if (strcmp(a->kwname[i], "batch_size") == 0 && vl_val_has(a->kw[i], VL_O_NONE)) return NULL;
    if (strcmp(a->kwname[i], "collate_fn") == 0) cf = a->kw[i];
  }
  if (!cf || cf->n != 1 || cf->objs[0]->kind != VL_O_FUNC) return NULL;
  bool rows = false; /* the items are not new: rows of a TensorDataset's tensors, a cache's objects */
  const VlVal *item = dataset_item(F, ds, expr, &rows);
  rows |= ds && ds->n == 1 && ds->objs[0]->kind == VL_O_INST && ds->objs[0]->name &&
          strcmp(ds->objs[0]->name, "torch.utils.data.TensorDataset") == 0;
  const VlVal *items = vl_new_seq(F, VL_SEQ_LIST, expr);
  vl_heap_add_elem(F, items->objs[0]->site, item ? item : vl_unknown(V(F)));
  Args one = {.npos = 1};
  one.pos[0] = items;
  /* f analysed again for the items (its summary zips rows of a parameter it cannot see) */
  const VlObj *fo = cf->objs[0];
  const VlFuncInfo *fi = item && !fo->nitems && fo->mod == F->an->mi ? vl_func_info(F, fo->mod, fo->func) : NULL;
  const VlSummary *sp = fi ? vl_specialise(F, fi, fo->base, &one, VL_SPECIAL_ITEMS | VL_SPECIAL_SHAPES | VL_SPECIAL_OBJECTS) : NULL;
  const VlVal *r = sp ? vl_apply_summary(F, fi, sp, fo->base, fo->key, &one, expr) : vl_op_call(F, cf, &one, expr);
  if (vl_val_unknownish(r)) return NULL;
  Restep mark = {.mode = RS_MARK, .markexpr = expr};
  r = restep(F, r, &mark, 0);
  if (holds_kind(F, r, 1u << VL_O_ARRAY, true, 0)) return r;
  if (holds_kind(F, r, 1u << VL_O_OBJ | 1u << VL_O_INST, true, 0)) return NULL;
  if (rows) return r;
  /* an unknown the items do not hold: made by f (a library call we do not model) */
  if (!item || (holds_kind(F, r, 1u << VL_O_UNKNOWN, false, 0) && !holds_kind(F, item, 1u << VL_O_UNKNOWN, false, 0))) return NULL;
  return r;
}

/* The dataset a subset indexes (effect `subset`: Subset(dataset, indices), random_split(dataset,
 * lengths)), given first or as dataset=; NULL when not given plainly. */
static const VlVal *subset_dataset(const Args *a) {
  if (a->star || a->dstar) return NULL;
  if (a->npos) return a->pos[0];
  return kwarg(a, "dataset");
}

/* A subset of a dataset (Subset(ds, indices), each piece of random_split(ds, lengths)) is that dataset
 * for what the analysis follows: `val[0]` is `ds[indices[0]]` (a row of ds's tensors when its
 * __getitem__ returns one), iterating or loading from it gives ds's items, and a subset kept keeps ds
 * whole.  The function's result is a list of them. */
static const VlVal *subset_of(Frame *F, const VlVal *ds, bool list, VlId expr) {
  if (!ds) return vl_unknown(V(F));
  if (!list) return ds;
  const VlVal *seq = vl_new_seq(F, VL_SEQ_LIST, expr);
  vl_heap_add_elem(F, seq->objs[0]->site, ds);
  return seq;
}

/* A call of a library callable nothing models: another library (cv2, PIL, pandas...) makes a new object
 * when given no array to view. */
static const VlVal *unmodelled_call(Frame *F, const Args *a, VlId expr) {
  if (!any_array_arg(a)) return vl_val1(V(F), new_obj(F, expr, 0));
  return vl_unknown(V(F));
}

static const VlVal *call_library(Frame *F, const char *q, Args *a, VlId expr) {
  if (strncmp(q, "builtins.", 9) == 0) return call_builtin(F, q + 9, a, expr);
  const VlVal *image = pil_call(F, q, a, expr);
  if (image) return image;
  bool handled;
  const VlVal *r = call_stdlib(F, q, a, expr, &handled);
  if (handled) return r;
  const char *member;
  const VlLibrary *lib = vl_knowledge_library(F->an->know, q, &member);
  if (lib) {
    const VlLibEntry *e = vl_libtable_find(lib->table, VL_LIB_FUNCTION, member);
    if (e && e->effect_then == VL_FX_SUBSET) return subset_of(F, subset_dataset(a), true, expr);
    if (e && e->effect_then == VL_FX_COLLATE) return collate_call(F, a, lib->id, expr);
    if (e) pandas_args(F, a);
    if (e) return apply_entry(F, lib, e, NULL, a, false, expr);
    e = vl_libtable_find_class(lib->table, member);
    if (e) {
      if (e->effect_then == VL_FX_SUBSET) return subset_of(F, subset_dataset(a), false, expr);
      if (e->effect_then == VL_FX_DATASETS) { /* ConcatDataset(datasets): any one of them */
        const VlVal *ds = a->star || a->dstar ? NULL : a->npos ? a->pos[0] : kwarg(a, "datasets");
        return ds ? vl_op_elems(F, ds, a->npos ? a->pos_expr[0] : expr) : vl_unknown(V(F));
      }
      if (e->effect_then == VL_FX_LOADER) { /* iterating gives a new batch per step */
        VlObj b = {.kind = VL_O_OBJ, .site = step_variant(F, vl_new_site(F, expr, VL_HOW_PRODUCER)), .lib = (uint8_t)lib->id,
                   .nd = vl_nd_unknown(), .expr = expr};
        /* over a TensorDataset, the default collate stacks each of its tensors: the parts are tensors */
        const VlVal *ds = a->npos ? a->pos[0] : NULL;
        for (int i = 0; i < a->nkw && !ds; i++)
          if (strcmp(a->kwname[i], "dataset") == 0) ds = a->kw[i];
        if (ds && ds->n == 1 && ds->objs[0]->kind == VL_O_INST && ds->objs[0]->name &&
            strcmp(ds->objs[0]->name, "torch.utils.data.TensorDataset") == 0)
          b.sub = VL_OBJ_TENSORS;
        const VlVal *collated = project_batch(F, ds, a, (uint8_t)lib->id, expr);
        if (!collated) collated = collate_fn_batch(F, ds, a, expr);
        if (collated && !vl_val_unknownish(collated)) return new_iter(F, collated);
        return new_iter(F, vl_val1(V(F), vl_obj(V(F), b)));
      }
      /* a container class whose instance is the list of the items given (nn.ModuleList(blocks)): list(blocks) */
      if (e->effect_then == VL_FX_LIST && a->npos <= 1 && !a->nkw && !a->star && !a->dstar) return call_builtin(F, "list", a, expr);
      VlObj inst = {.kind = VL_O_INST, .name = vl_arena_strdup(F->an->arena, q), .site = vl_new_site(F, expr, VL_HOW_OBJECT),
                    .lib = (uint8_t)lib->id, .nd = vl_nd_unknown()};
      if (e->effect_then == VL_FX_SEQUENTIAL) seq_set_modules(F, inst.site, a);
      if (e->effect_then == VL_FX_TENSORS) tensors_set(F, inst.site, a);
      return vl_val1(V(F), vl_obj(V(F), inst));
    }
    /* a module with a table row for some of its functions (scipy.optimize: linear_sum_assignment) may
     * describe others by their result objects (minimize(...).x: rules/results.tsv) */
    const VlVal *described = lib_result_call(F, q, a, expr);
    return described ? described : vl_unknown(V(F));
  }
  if (vl_knowledge_viewless(F->an->know, q)) return vl_unknown(V(F)); /* JAX, TensorFlow: no views */
  const VlVal *res = pandas_call(F, q, a, expr);
  if (res) return res;
  res = lib_result_call(F, q, a, expr);
  if (res) return res;
  if ((res = sklearn_call(F, q, a, expr))) return res;
  /* a function known by its name wherever it comes from (array_api_compat.array_namespace(x)) */
  const char *dot = strrchr(q, '.');
  const VlKnowledge *k = F->an->know;
  for (size_t i = 0; i < k->nlibs; i++) {
    const VlLibEntry *e = vl_libtable_find(k->libs[i].table, VL_LIB_ANY_FUNCTION, dot ? dot + 1 : q);
    if (e) return apply_entry(F, vl_knowledge_lib(k, 0), e, NULL, a, false, expr);
  }
  if (vl_knowledge_stdlib(F->an->know, "opener", q)) return file_obj(F, expr); /* rules/stdlib.tsv */
  if (vl_knowledge_stdlib(F->an->know, "bytes", q)) return bytes_obj(F, expr);
  return unmodelled_call(F, a, expr);
}

/* ---- constructing and calling project classes ---- */

/* A project object: an instance of a project class, a project function or class (or a pandas frame,
 * whose groups and copies an __init__ may keep). */
static bool passes_project_object(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    uint8_t k = v->objs[i]->kind;
    if (k == VL_O_INST ? v->objs[i]->base != NULL || pd_obj(v->objs[i]) : (k == VL_O_FUNC || k == VL_O_CLASS)) return true;
  }
  return false;
}

/* A record field's default container, made by its factory for the instance constructed at expr: new
 * at the construction, a site of its own (via the factory expression), apart from the instance's. */
static const VlVal *field_default(Frame *F, const VlClassInfo *k, uint16_t f, VlId expr) {
  const VlFieldFactory *ff = &k->factories[f];
  Args none = {0};
  const VlVal *v = vl_op_call(F, vl_lib_value(F, ff->lib), &none, expr);
  const VlSite *made = vl_new_site(F, expr, VL_HOW_OBJECT);
  VlSite via = {.kind = VL_SITE_NEW, .how = VL_HOW_OBJECT, .mod = k->mod, .func = k->func, .at = ff->at,
                .start = ff->start, .end = ff->end};
  VlSite own = *made;
  own.via = vl_site(V(F), via);
  const VlSite *site = vl_site(V(F), own);
  Acc acc = {0};
  for (uint16_t i = 0; i < v->n; i++) {
    if (v->objs[i]->kind != VL_O_SEQ || v->objs[i]->site != made) { /* only a container is followed */
      add(&acc, unknown_obj(F));
      continue;
    }
    VlObj c = *v->objs[i];
    c.site = site;
    add(&acc, vl_obj(V(F), c));
  }
  return done(F, &acc);
}

static const VlVal *construct(Frame *F, const VlObj *cls, Args *a, VlId expr) {
  const VlClassInfo *k = class_info(F, cls->mod, cls->func);
  VlObj o = {.kind = VL_O_INST, .site = vl_new_site(F, expr, VL_HOW_OBJECT), .base = vl_val1(V(F), cls),
             .nd = vl_nd_unknown()};
  if (k && !vl_class_method(F, k, "__setattr__", 0) && !vl_class_method(F, k, "__getattr__", 0) &&
      !vl_class_method(F, k, "__getattribute__", 0))
    o.flags |= VL_F_PLAIN;
  const VlVal *inst = vl_val1(V(F), vl_obj(V(F), o));
  const VlFuncInfo *init = k ? vl_class_method(F, k, "__init__", 0) : NULL;
  if (init) {
    const VlSummary *s = init->mod == F->an->mi ? vl_func_summary(F->an, init->id) : init->summary;
    /* an __init__ calling what it is given (`ids = tokenizer(doc)` in its loop over documents): known
     * for the project objects passed here, as a function's call is; self alone is no reason */
    bool objects = false;
    for (int i = 0; i < a->npos && !objects; i++) objects = passes_project_object(a->pos[i]);
    for (int i = 0; i < a->nkw && !objects; i++) objects = passes_project_object(a->kw[i]);
    /* (an nn.Sequential subclass's __init__ hands the modules passed to super().__init__: known for them) */
    bool seq = objects && k->model_lib && seq_class(F, k, 0);
    const VlSummary *sp = s && (s->specialise || seq) && objects ? vl_specialise(F, init, inst, a, VL_SPECIAL_OBJECTS) : NULL;
    if (!sp && s && s->size_deferred) sp = vl_specialise(F, init, inst, a, VL_SPECIAL_SHAPES); /* deque(maxlen=capacity) */
    if (sp) s = sp;
    if (s) vl_apply_summary(F, init, s, inst, NULL, a, expr);
  } else if (k && k->model_lib && seq_class(F, k, 0)) { /* class Encoder(nn.Sequential) built from its modules */
    seq_set_modules(F, o.site, a);
  } else if (k && a->npos == 1 && !a->nkw && !a->star && !a->dstar && !vl_class_method(F, k, "__iter__", 0) &&
             list_class(F, k, 0)) { /* Procs([p, q]) */
    const VlVal *items = vl_op_elems(F, a->pos[0], expr);
    if (!vl_val_unknownish(items)) vl_heap_set_attr(F, o.site, VL_LIST_ITEMS, items);
    if (!vl_val_unknownish(items) && a->pos_expr[0] && F->disp == a->pos_expr[0] && F->ndisp)
      vl_heap_set_attr(F, o.site, VL_LIST_ORDER, tuple_of(F, F->disp_items, F->ndisp));
  } else if (k && k->nfields && !a->star) { /* a record: Step(obs[0], r) sets obs and r */
    for (int i = 0; i < a->npos && i < k->nfields; i++) vl_heap_set_attr(F, o.site, k->fields[i], a->pos[i]);
    for (int i = 0; i < a->nkw; i++)
      for (uint16_t f = 0; f < k->nfields; f++)
        if (strcmp(a->kwname[i], k->fields[f]) == 0) vl_heap_set_attr(F, o.site, k->fields[f], a->kw[i]);
    /* the fields left to a default_factory (`steps: list = field(default_factory=list)`) get a new
     * container each; with **kwargs any field may be passed */
    for (uint16_t f = (uint16_t)a->npos; k->factories && !a->dstar && f < k->nfields; f++) {
      bool passed = false;
      for (int i = 0; i < a->nkw && !passed; i++) passed = strcmp(a->kwname[i], k->fields[f]) == 0;
      if (!passed && k->factories[f].lib) vl_heap_set_attr(F, o.site, k->fields[f], field_default(F, k, f, expr));
    }
  }
  return inst;
}

/* After a call returned: a local passed for a parameter the callee indexes with k axes holds an
 * array of at least k dimensions (the call ran), as a local indexed so here does. */
static void raise_args(Frame *F, const VlFuncInfo *fi, const Args *a, bool bound) {
  int first = bound && !(fi->flags & VL_FN_STATICMETHOD) ? 1 : 0;
  for (int i = 0; i < a->npos && !a->star; i++) {
    int p = first + i;
    if (p >= fi->nparams || fi->params[p].kind != VL_P_POS || !fi->params[p].nd_evidence || !a->pos_expr[i]) continue;
    VlId arg = a->pos_expr[i];
    /* iou(b, boxes[1:]): a slice of a name has the name's ndim */
    while (vl_expr(M(F), arg)->op == VL_E_SUB && vl_expr(M(F), arg)->nkids == 2 &&
           vl_expr(M(F), vl_kid(M(F), arg, 1))->op == VL_E_SLICE)
      arg = vl_kid(M(F), arg, 0);
    const VlExpr *x = vl_expr(M(F), arg);
    if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_LOCAL || x->sym.owner != F->func || x->sym.slot >= F->nenv) continue;
    const VlVal *v = F->env[x->sym.slot];
    if (!vl_val_empty(v) && (vl_val_has(v, VL_O_ARRAY) || vl_val_has(v, VL_O_OBJ) || vl_val_has(v, VL_O_SYM)))
      F->env[x->sym.slot] = vl_as_array(F, v, vl_nd_atleast(fi->params[p].nd_evidence));
  }
}

static bool new_array_of_unknown_ndim_at(const VlVal *v, int depth) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && !o->sub && o->nd.lo != o->nd.hi && o->site && o->site->kind == VL_SITE_NEW) return true;
    /* or an item of a tuple returned (`return obs, reward, done, info` of an env's step) */
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && depth == 0)
      for (uint16_t k = 0; k < o->nitems; k++)
        if (new_array_of_unknown_ndim_at(o->items[k], depth + 1)) return true;
  }
  return false;
}

static bool new_array_of_unknown_ndim(const VlVal *v) { return new_array_of_unknown_ndim_at(v, 0); }

/* Does v, or an item of a tuple in it, hold what the analysis gave up on (operations on the
 * parameters nested too deep: a leapfrog step's `q = q + eps * p` after `p = p + 0.5 * eps * g(q)`)? */
static bool gave_up(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_UNKNOWN) return true;
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && vl_val_unknownish(o->elem)) return true;
  }
  return false;
}

/* Is an array passed with an axis of size 1 (a batch of one: `encode(img[None])`)? */
static bool unit_args(const Args *a) {
  for (int i = 0; i < a->npos && !a->star; i++)
    for (uint16_t k = 0; a->pos[i] && k < a->pos[i]->n; k++)
      if (a->pos[i]->objs[k]->kind == VL_O_ARRAY && obj_units(a->pos[i]->objs[k])) return true;
  return false;
}

/* Does the function return an array it makes (or a view of one) without unit axes known, also as an
 * item of a tuple or in a container it returns (`return pos, aux` with aux a dict of channels): analysed
 * again for a batch of one passed, the unit axis may reach what it returns */
static bool made_here_at(const VlSummary *s, const VlVal *v, int depth) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && !o->units && o->site && o->site->kind == VL_SITE_NEW) return true;
    if (o->kind != VL_O_SEQ || depth >= 2) continue;
    for (uint16_t k = 0; k < o->nitems; k++)
      if (made_here_at(s, o->items[k], depth + 1)) return true;
    if (made_here_at(s, o->elem, depth + 1)) return true;
    for (uint32_t h = 0; o->site && h < s->nheap; h++) /* what the container holds */
      if (s->heap[h].site == o->site && made_here_at(s, s->heap[h].elem, depth + 1)) return true;
  }
  return false;
}

static bool made_here(const VlSummary *s) { return made_here_at(s, s->ret, 0); }

/* What a call passes for parameter p of fi (positionally after the `first` bound receiver, or by its
 * name), or NULL. */
static const VlVal *passed_arg(const VlFuncInfo *fi, uint16_t first, const Args *a, uint16_t p) {
  if (fi->params[p].kind == VL_P_POS && p >= first && p - first < a->npos) return a->pos[p - first];
  for (int k = 0; k < a->nkw; k++)
    if (strcmp(a->kwname[k], fi->params[p].name) == 0) return a->kw[k];
  return NULL;
}

/* A call of another module's function passing, for a parameter, an instance of a class of that module
 * it was analysed for (analysis.c: speculate): the hits its loops make with that instance. */
static void cond_hits(Frame *F, const VlFuncInfo *fi, const VlObj *o, const Args *a) {
  Analysis *an = F->an;
  if (!fi->ncond_hits || o->mod == an->mi || o->nitems || a->star) return;
  uint16_t first = o->base && !(fi->flags & VL_FN_STATICMETHOD) ? 1 : 0;
  for (uint16_t i = 0; i < fi->ncond_hits; i++) {
    const VlCondHit *c = &fi->cond_hits[i];
    if (c->param < first || c->param >= fi->nparams) continue;
    const VlVal *v = passed_arg(fi, first, a, c->param);
    bool passed = false;
    for (uint16_t k = 0; v && k < v->n && !passed; k++) {
      const VlObj *x = v->objs[k];
      const VlObj *cls = x->kind == VL_O_INST && x->base && x->base->n == 1 ? x->base->objs[0] : NULL;
      passed = cls && cls->kind == VL_O_CLASS && cls->mod == fi->mod && cls->func == c->klass;
    }
    if (!passed) continue;
    if (!vl_report_once(an, c->hit.at)) continue;
    an->sink->hit(an->sink->ctx, &c->hit);
  }
}

/* Does a call pass something only this function's caller knows: a parameter, or what it holds or
 * hands out? */
static bool passes_symbols(const Args *a) {
  const VlVal *vals[VL_MAX_ARGS + VL_MAX_KWARGS];
  int n = 0;
  for (int i = 0; i < a->npos; i++) vals[n++] = a->pos[i];
  for (int i = 0; i < a->nkw; i++) vals[n++] = a->kw[i];
  for (int i = 0; i < n; i++)
    for (uint16_t k = 0; vals[i] && k < vals[i]->n; k++) {
      const VlObj *o = vals[i]->objs[k];
      if (o->kind == VL_O_SYM || (o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_SYM)) return true;
    }
  return false;
}

/* Does a call of another module's function leave each parameter with a literal default to it, or pass
 * the same value (`postprocess(image, output_type=output_type)` with output_type "pil" here,
 * `generate(x, temperature=1.0)`)?  Then the summary for those defaults applies
 * (VlFuncInfo.dflt_summary). */
static bool keeps_literal_defaults(const VlFuncInfo *fi, const VlObj *o, const Args *a) {
  if (!fi->dflt_summary || a->star || a->dstar || o->nitems) return false;
  uint16_t first = o->base && !(fi->flags & VL_FN_STATICMETHOD) ? 1 : 0;
  if (a->npos > fi->nparams) return false;
  for (uint16_t p = 0; p < fi->nparams; p++) {
    if (!vl_literal_default(fi, p)) continue;
    const VlVal *v = passed_arg(fi, first, a, p);
    if (v && !vl_is_literal_default(fi, p, v)) return false;
  }
  return true;
}

/* The types a singledispatch implementation may register for, by the last name written (`np.ndarray`,
 * `collections.abc.Mapping`), and the values they match: kind, and for containers which (0: any).
 * A float or a bool is a scalar here, so `float` and `bool` both match one. */
static const struct { const char *type; uint8_t kind, sub; } dispatch_types[] = {
    {"ndarray", VL_O_ARRAY, 0},           {"Tensor", VL_O_ARRAY, 0},          {"dict", VL_O_SEQ, VL_SEQ_DICT},
    {"Mapping", VL_O_SEQ, VL_SEQ_DICT},   {"MutableMapping", VL_O_SEQ, VL_SEQ_DICT},
    {"OrderedDict", VL_O_SEQ, VL_SEQ_DICT}, {"defaultdict", VL_O_SEQ, VL_SEQ_DICT},
    {"list", VL_O_SEQ, VL_SEQ_LIST},      {"tuple", VL_O_SEQ, VL_SEQ_TUPLE},  {"Sequence", VL_O_SEQ, VL_SEQ_LIST},
    {"Sequence", VL_O_SEQ, VL_SEQ_TUPLE}, {"int", VL_O_INT, 0},               {"Integral", VL_O_INT, 0},
    {"Number", VL_O_INT, 0},              {"float", VL_O_SCALAR, 0},          {"bool", VL_O_SCALAR, 0},
    {"Real", VL_O_SCALAR, 0},             {"Number", VL_O_SCALAR, 0},         {"str", VL_O_STR, 0}};

/* Does an argument object `o` fit a type a singledispatch implementation registers for (dispatch_types)?
 * 1 yes, 0 no, -1 when what o is is not known (a parameter, an opaque result): it may be anything. */
static int dispatch_type_fits(const char *type, const VlObj *o) {
  const char *dot = type ? strrchr(type, '.') : NULL;
  const char *t = dot ? dot + 1 : type;
  if (!t) return 0;
  if (o->kind == VL_O_UNKNOWN || o->kind == VL_O_SYM || o->kind == VL_O_OBJ) return -1;
  for (size_t i = 0; i < sizeof dispatch_types / sizeof *dispatch_types; i++)
    if (dispatch_types[i].kind == o->kind && (!dispatch_types[i].sub || dispatch_types[i].sub == o->sub) &&
        strcmp(dispatch_types[i].type, t) == 0)
      return 1;
  return 0;
}

/* The type a top-level def registers for with dispatcher `name`: `@name.register(T)`, or `@name.register`
 * with the first parameter annotated (`def _(x: T)`); NULL when it registers none. */
static const char *registered_type(Frame *F, const VlFunc *impl, const char *name) {
  const VlModule *m = M(F);
  if (impl->ndecorators != 1) return NULL;
  VlId d = m->kids[impl->decorators];
  bool call = vl_expr(m, d)->op == VL_E_CALL;
  VlId reg = call ? vl_kid(m, d, 0) : d;
  const VlExpr *rx = vl_expr(m, reg);
  if (rx->op != VL_E_ATTR || strcmp(vl_str(m, rx->a), "register") != 0) return NULL;
  const VlExpr *nx = vl_expr(m, vl_kid(m, reg, 0));
  if (nx->op != VL_E_NAME || nx->sym.kind != VL_SYM_GLOBAL || strcmp(vl_str(m, nx->a), name) != 0) return NULL;
  if (call) return vl_expr(m, d)->nkids == 2 ? vl_expr_text(F->an, vl_kid(m, d, 1)) : NULL;
  return impl->nparams ? vl_expr_text(F->an, m->params[impl->params].annotation) : NULL;
}

static const VlVal *call_func(Frame *F, const VlObj *o, Args *a, VlId expr);

/* f(x) of a @functools.singledispatch function f of this module: per object x may be, the
 * implementations registered for what it is (an array, a dict, a list, a tuple), or f's own body when
 * none is; every implementation and the body when what it is is not known (a parameter, an opaque
 * result; a body that only raises gives nothing); all joined.  Unknown when f is another module's
 * (what it registers is not exported). */
static const VlVal *dispatch_call(Frame *F, const VlObj *o, Args *a, VlId expr) {
  VlObj base = *o;
  base.sub = VL_FUNC_PLAIN;
  if (o->mod != F->an->mi || !a->npos) return vl_unknown(V(F));
  const VlModule *m = M(F);
  const VlFunc *fn = vl_func(m, o->func), *top = vl_func(m, VL_MODULE_FUNC);
  if (!fn->name || !top->body) return vl_unknown(V(F));
  const char *name = vl_str(m, fn->name);
  enum { MAX_IMPLS = 16 };
  VlId impls[MAX_IMPLS];
  const char *types[MAX_IMPLS];
  int n = 0;
  for (uint32_t i = 0; i < m->blocks[top->body].count && n < MAX_IMPLS; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, top->body, i));
    if (st->kind != VL_S_DEF || st->a == o->func) continue;
    const char *type = registered_type(F, vl_func(m, st->a), name);
    if (type) impls[n] = st->a, types[n++] = type;
  }
  bool run[MAX_IMPLS] = {0}, body = false;
  const VlVal *arg = a->pos[0];
  for (uint16_t k = 0; k < arg->n; k++) {
    bool fitted = false, unknown = false;
    for (int i = 0; i < n; i++) {
      int f = dispatch_type_fits(types[i], arg->objs[k]);
      if (f) run[i] = true;
      fitted |= f > 0;
      unknown |= f < 0;
    }
    if (!fitted || unknown) body = true;
  }
  Acc acc = {0};
  for (int i = 0; i < n; i++)
    if (run[i]) {
      VlObj impl = {.kind = VL_O_FUNC, .mod = o->mod, .func = impls[i], .nd = vl_nd_unknown()};
      add_val(&acc, call_func(F, vl_obj(V(F), impl), a, expr));
    }
  if (body || !arg->n) add_val(&acc, call_func(F, vl_obj(V(F), base), a, expr));
  return done(F, &acc);
}

static const VlVal *call_func(Frame *F, const VlObj *o, Args *a, VlId expr) {
  if (o->sub == VL_FUNC_SINGLEDISPATCH && !o->nitems) return dispatch_call(F, o, a, expr);
  /* a bounded or cleared functools cache: a key that may repeat may answer with an old result */
  if (o->sub == VL_FUNC_CACHED && !o->nitems && !vl_retain_call_varies(F, expr))
    return vl_unknown(V(F));
  if (F->module_prepass && o->mod == F->an->mi) return vl_unknown(V(F));
  const VlFuncInfo *fi = vl_func_info(F, o->mod, o->func);
  if (!fi) return vl_unknown(V(F));
  const VlSummary *s = o->mod == F->an->mi ? vl_func_summary(F->an, o->func) : fi->summary;
  if (!s) return vl_unknown(V(F));
  if (o->mod != F->an->mi && keeps_literal_defaults(fi, o, a)) s = fi->dflt_summary;
  cond_hits(F, fi, o, a);
  if (o->nitems) { /* functools.partial: its arguments come first, its keywords unless the call passes them */
    Args b = *a;
    int k = o->index < VL_MAX_ARGS ? (int)o->index : VL_MAX_ARGS;
    b.npos = 0;
    for (int i = 0; i < k; i++) b.pos[b.npos] = o->items[i], b.pos_expr[b.npos++] = 0;
    for (int i = 0; i < a->npos && b.npos < VL_MAX_ARGS; i++) b.pos[b.npos] = a->pos[i], b.pos_expr[b.npos++] = a->pos_expr[i];
    for (uint32_t item = o->index; kw_name_at(o->elem, (int)(item - o->index)) && item < o->nitems; item++) {
      const char *kw = kw_name_at(o->elem, (int)(item - o->index));
      bool passed = false;
      for (int i = 0; i < a->nkw; i++) passed |= strcmp(a->kwname[i], kw) == 0;
      if (passed || b.nkw >= VL_MAX_KWARGS) continue;
      b.kwname[b.nkw] = kw;
      b.kw[b.nkw++] = o->items[item];
    }
    const VlSummary *sp = fi->none_tested ? vl_specialise(F, fi, o->base, &b, VL_SPECIAL_NONE) : NULL;
    const VlVal *r = vl_apply_summary(F, fi, sp ? sp : s, o->base, o->key, &b, expr);
    raise_args(F, fi, &b, o->base != NULL);
    return r;
  }
  /* model.step() on a parameter: known for the objects passed here; np.tanh(x @ w): as many axes
   * as the x passed here has */
  /* `if mode == "cls":` / `if size is None:` decided by what is passed: in any analysis for this call */
  unsigned decided = (fi->none_tested ? VL_SPECIAL_NONE : 0) | (s->rows_deferred ? VL_SPECIAL_ROWS : 0);
  const VlSummary *sp = s->specialise ? vl_specialise(F, fi, o->base, a, VL_SPECIAL_OBJECTS | decided) : NULL;
  if (sp && (new_array_of_unknown_ndim(sp->ret) || sp->size_deferred)) {
    /* self.fc(x) in a model's forward: also for x's ndim; tracker.step(96) keeping rows j in
     * range(3) of an (n, 512) array it makes: also for the size passed */
    const VlSummary *both = vl_specialise(F, fi, o->base, a, VL_SPECIAL_OBJECTS | VL_SPECIAL_SHAPES | decided);
    if (both) sp = both;
  }
  /* crops(frames) with frames this function's parameter: whether the callee's loop stores parts of new
   * arrays, this function's callers decide */
  if (s->loop_deferred && !F->specialised && passes_symbols(a)) F->passes_deferred = true;
  if (!sp && (new_array_of_unknown_ndim(s->ret) || new_array_of_unknown_ndim(s->yields) || s->loop_deferred ||
              s->size_deferred || gave_up(s->ret) || (unit_args(a) && made_here(s))))
    sp = vl_specialise(F, fi, o->base, a, VL_SPECIAL_SHAPES | VL_SPECIAL_OBJECTS | decided |
                                          (s->loop_deferred ? VL_SPECIAL_STEPS : 0)); /* a generator too; self.dim known */
  if (!sp && fi->none_tested) { /* `if size is None:` decided by what is passed: one branch runs */
    sp = vl_specialise(F, fi, o->base, a, VL_SPECIAL_NONE);
    if (sp && sp->specialise) { /* getattr(cb, event)(...) for the event passed: calls methods of the objects */
      const VlSummary *both = vl_specialise(F, fi, o->base, a, VL_SPECIAL_OBJECTS | VL_SPECIAL_NONE);
      if (both) sp = both;
    }
  }
  if (sp ? sp->specialise : s->specialise) {
    /* self._emit(batch) where _emit calls methods of self.callbacks: which calls those are depends on
     * this function's caller too, so it is analysed again for the objects its callers pass */
    for (uint16_t i = 0; o->base && i < o->base->n; i++) note_param_call(F, o->base->objs[i]);
    for (int i = 0; i < a->npos; i++)
      for (uint16_t k = 0; a->pos[i] && k < a->pos[i]->n; k++) note_param_call(F, a->pos[i]->objs[k]);
    for (int i = 0; i < a->nkw; i++)
      for (uint16_t k = 0; a->kw[i] && k < a->kw[i]->n; k++) note_param_call(F, a->kw[i]->objs[k]);
  }
  if (sp) s = sp;
  const VlVal *r = vl_apply_summary(F, fi, s, o->base, o->key, a, expr);
  raise_args(F, fi, a, o->base != NULL);
  return r;
}

static const VlVal *call_inst(Frame *F, const VlObj *o, Args *a, VlId expr) {
  const VlClassInfo *k = inst_class(F, o);
  if (!k) return lib_instance_call(F, o, a, expr);
  const VlFuncInfo *m = vl_class_method(F, k, "__call__", 0);
  if (!m && k->model_lib) m = vl_class_method(F, k, "forward", 0);
  const VlVal *chained = !m && k->model_lib ? seq_chain(F, seq_modules(F, o), a, expr) : NULL; /* nn.Sequential's */
  if (chained) return chained;
  if (!m) return k->model_lib ? vl_new_array(F, VL_HOW_PRODUCER, k->model_lib, vl_nd_unknown(), expr) : vl_unknown(V(F));
  VlObj b = {.kind = VL_O_FUNC, .mod = m->mod, .func = m->id, .base = vl_val1(V(F), o), .nd = vl_nd_unknown()};
  return call_func(F, vl_obj(V(F), b), a, expr);
}

/* Calling a symbol: decided when the caller's value is known; meanwhile, if its result is used as
 * an array, it is a new one (the assumed object). */
/* A method known by its name alone, on a receiver of unknown type (m.toarray(): a new dense array;
 * any-method rows).  Assumed: dropped if a deferred call beside it resolves to something known. */
/* Is the receiver of call expr one row of a sparse matrix: `A.getrow(i)`, or `A[i]` with one index
 * that is an int (a name, a literal or arithmetic on two of them, read again here: nothing else runs)?  Its
 * toarray() is then a (1, n) array, whose row 0 is all of it (`J.tocsr()[mid].toarray()[0]`). */
static bool sparse_row_receiver(Frame *F, VlId expr) {
  const VlModule *m = M(F);
  const VlExpr *cx = vl_expr(m, vl_kid(m, expr, 0));
  if (cx->op != VL_E_ATTR) return false;
  VlId rid = vl_kid(m, vl_kid(m, expr, 0), 0);
  const VlExpr *rx = vl_expr(m, rid);
  if (rx->op == VL_E_CALL) {
    const VlExpr *f = vl_expr(m, vl_kid(m, rid, 0));
    return f->op == VL_E_ATTR && strcmp(vl_str(m, f->a), "getrow") == 0;
  }
  if (rx->op != VL_E_SUB || rx->nkids != 2) return false;
  VlId ie = vl_kid(m, rid, 1);
  const VlExpr *ix = vl_expr(m, ie);
  if (ix->op == VL_E_BINOP) {
    uint8_t l = vl_expr(m, vl_kid(m, ie, 0))->op, r = vl_expr(m, vl_kid(m, ie, 1))->op;
    if ((l != VL_E_NAME && l != VL_E_INT) || (r != VL_E_NAME && r != VL_E_INT)) return false;
  } else if (ix->op != VL_E_NAME && ix->op != VL_E_INT) {
    return false;
  }
  /* an int, or what only the caller knows (`mid = n // 2` of a parameter n): a sparse matrix indexed by
   * an array of rows is rare, and taking it for one row only silences */
  const VlVal *v = vl_eval(F, ie);
  for (uint16_t i = 0; i < v->n; i++)
    if (v->objs[i]->kind != VL_O_INT && v->objs[i]->kind != VL_O_SYM) return false;
  return v->n > 0;
}

static bool any_method(Frame *F, Acc *acc, const char *name, Args *a, VlId expr) {
  const VlKnowledge *k = F->an->know;
  for (size_t i = 0; i < k->nlibs; i++) {
    const VlLibEntry *e = vl_libtable_find(k->libs[i].table, VL_LIB_ANY_METHOD, name);
    if (!e) continue;
    const VlVal *r = apply_entry(F, &k->libs[i], e, vl_unknown(V(F)), a, true, expr);
    bool row = (strcmp(name, "toarray") == 0 || strcmp(name, "todense") == 0) && sparse_row_receiver(F, expr);
    for (uint16_t j = 0; j < r->n; j++) {
      VlObj c = *r->objs[j];
      if (c.kind == VL_O_ARRAY) c.flags |= VL_F_ASSUMED;
      if (c.kind == VL_O_ARRAY && row) c.units |= 1u; /* (1, n): axis 0 has one entry */
      add(acc, vl_obj(V(F), c));
    }
    return true;
  }
  return false;
}

/* Is the callee a callback held in a container reached from a parameter of this function (`for cb in
 * self._subscribers: cb(...)`, `for hook in hooks: hook(x)`, `for fn in self._handlers[event]`), called
 * for its effects (an expression statement)?  Which one it is, the caller knows: the
 * call is an effect of this function's (VL_EFF_CALL), made again with the caller's values. */
bool vl_held_callback(const Frame *F, const VlObj *o) {
  if (F->func == VL_MODULE_FUNC) return false;
  bool held = false;
  for (int d = 0; o && o->kind == VL_O_SYM && d < 8; d++, o = o->base && o->base->n == 1 ? o->base->objs[0] : NULL) {
    if (o->sub == VL_SYM_PARAM) return held && o->mod == F->an->mi && o->func == F->func;
    if (o->sub == VL_SYM_ELEMV) held = true;
    else if (o->sub != VL_SYM_ATTRV && o->sub != VL_SYM_SUBV) return false; /* (self._handlers[event]) */
  }
  return false;
}

/* Is v an object of no known kind that one of F's parameters holds or is (`streamer` of `for streamer
 * in streamers`), `self` of a method aside? */
static bool held_by_param(const Frame *F, const VlVal *v) {
  if (v->n != 1 || F->func == VL_MODULE_FUNC) return false;
  const VlObj *r = v->objs[0];
  if (r->kind != VL_O_SYM || (r->elem && !vl_val_empty(r->elem))) return false;
  for (int d = 0; r && r->kind == VL_O_SYM && d < 6; d++, r = r->base && r->base->n == 1 ? r->base->objs[0] : NULL) {
    if (r->sub == VL_SYM_PARAM)
      return r->mod == F->an->mi && r->func == F->func && (r->index >= 1 || !vl_func(M(F), F->func)->klass);
    if (r->sub != VL_SYM_ELEMV && r->sub != VL_SYM_ATTRV && r->sub != VL_SYM_SUBV) return false;
  }
  return false;
}

/* Is o a method of one of this function's parameters (`trace.record`), not of self? */
static bool param_receiver(const Frame *F, const VlObj *o) {
  if (o->sub != VL_SYM_ATTRV || !o->base || o->base->n != 1 || F->func == VL_MODULE_FUNC) return false;
  const VlObj *p = o->base->objs[0];
  return p->kind == VL_O_SYM && p->sub == VL_SYM_PARAM && p->mod == F->an->mi && p->func == F->func &&
         (p->index >= 1 || !vl_func(M(F), F->func)->klass);
}

/* Does a call in loop F->loop pass an array this function makes anew in each iteration of it (made,
 * or assumed made, by a statement the loop runs: `logits = model.unembed(h); trace.record(step,
 * logits)`), and no array it made once, before the loop?  Which method runs, a caller knows: it checks
 * the method's stores with the call as the loop (VlEffect.loop_call). */
static bool loop_call_args(const Frame *F, const Args *a) {
  bool fresh = false;
  for (int i = 0; i < a->npos + a->nkw; i++) {
    const VlVal *v = i < a->npos ? a->pos[i] : a->kw[i - a->npos];
    for (uint16_t k = 0; k < v->n; k++) {
      const VlObj *x = v->objs[k];
      const VlSite *s = x->site;
      if ((x->kind != VL_O_ARRAY && x->kind != VL_O_OBJ) || !s || s->kind != VL_SITE_NEW || s->mod != F->an->mi ||
          s->func != F->func)
        continue;
      if ((s->step && s->step != VL_STEP_CALLEE) || !vl_loop_runs(M(F), F->loop, s->start)) return false;
      fresh = true;
    }
  }
  return fresh;
}

/* Is o a parameter of this function other than self (`model`), a method of one (`model.predict`), or
 * in a method, an attribute of self that its class does not resolve (`self.model`, set from what
 * __init__ was passed)? */
static bool param_callee(const Frame *F, const VlObj *o) {
  if (F->func == VL_MODULE_FUNC) return false;
  bool method = vl_func(M(F), F->func)->klass != 0;
  if (o->sub == VL_SYM_PARAM) return o->mod == F->an->mi && o->func == F->func && (o->index >= 1 || !method);
  if (method && o->sub == VL_SYM_ATTRV && o->base && o->base->n == 1) {
    const VlObj *p = o->base->objs[0];
    if (p->kind == VL_O_SYM && p->sub == VL_SYM_PARAM && p->mod == F->an->mi && p->func == F->func && p->index == 0)
      return true;
  }
  return param_receiver(F, o);
}

/* `for x in loader: out = model(x)` with `model` a parameter: which model runs, a caller knows, and
 * what it makes is new at each call, once per iteration of F->loop.  Kept when no argument holds
 * anything this function made outside that loop (a view of an array made once would be new at the
 * caller's call too): arguments made in the loop, or the caller's (retain.c: loop_store_effects). */
static void param_loop_call(Frame *F, const VlObj *o, const VlObj *call, const Args *a) {
  if (!F->loop || a->star || a->dstar || !param_callee(F, o)) return;
  for (int i = 0; i < a->npos + a->nkw; i++) {
    const VlVal *v = i < a->npos ? a->pos[i] : a->kw[i - a->npos];
    for (uint16_t k = 0; v && k < v->n; k++) {
      const VlSite *s = v->objs[k]->site;
      if (s && s->kind == VL_SITE_NEW && s->mod == F->an->mi && s->func == F->func &&
          ((s->step && s->step != VL_STEP_CALLEE) || !vl_loop_runs(M(F), F->loop, s->start)))
        return;
      if (v->objs[k]->kind == VL_O_UNKNOWN) return;
    }
  }
  for (size_t i = 0; i < F->param_loop_calls.len; i++)
    if (F->param_loop_calls.items[i].call == call && F->param_loop_calls.items[i].loop == F->loop) return;
  struct ParamLoopCall pc = {call, F->loop};
  VL_VEC_PUSH(&F->param_loop_calls, pc);
}

static void call_sym(Frame *F, Acc *acc, const VlObj *o, Args *a, VlId expr) {
  /* items: the positional arguments, then the keyword ones, named in `name` ("k1,k2") */
  const VlVal *items[VL_MAX_ARGS + VL_MAX_KWARGS];
  uint16_t n = 0;
  for (int i = 0; i < a->npos && n < VL_MAX_ARGS; i++) items[n++] = a->pos[i];
  uint32_t npos = n;
  char names[256] = "";
  size_t len = 0;
  for (int i = 0; i < a->nkw; i++) {
    size_t k = strlen(a->kwname[i]);
    if (len + k + 2 >= sizeof names) break;
    if (len) names[len++] = ',';
    memcpy(names + len, a->kwname[i], k + 1);
    len += k;
    items[n++] = a->kw[i];
  }
  const VlObj *call = sym_obj(F, VL_SYM_CALLV, vl_val1(V(F), o), len ? vl_arena_strdup(F->an->arena, names) : NULL,
                              items, n, npos, NULL);
  const VlObj *deferred = at_expr(F, call, expr);
  add(acc, deferred);
  note_param_call(F, o);
  param_loop_call(F, o, deferred, a);
  if (expr && expr == F->stmt_call && !F->specialised && !a->star && !a->dstar && vl_held_callback(F, o)) {
    VlEffect ef = {.kind = VL_EFF_CALL, .value = vl_val1(V(F), call), .at = vl_expr_span(F->an, expr)};
    VL_VEC_PUSH(&F->effects, ef);
  }
  const char *name = o->sub == VL_SYM_ATTRV ? o->name : NULL;
  /* `streamer.put(row)` on what a parameter holds, with `put` a method of a class of this module: which
   * call it is, the analysis for the objects each caller passes says (note_param_call, above); guessed a
   * container's store here, the leak would be reported twice, here and at the method's own store */
  bool guess = !(name && o->base && held_by_param(F, o->base) && vl_project_method(F->an, name));
  if (guess && name && o->base && (container_store(F, o->base, name, a, expr) || empties(F, o->base, name))) return;
  if (name && VL_STR_IN(accessors, name)) return;
  if (expr && expr == F->stmt_call && F->loop && !F->specialised && !a->star && !a->dstar && param_receiver(F, o) &&
      loop_call_args(F, a)) {
    VlEffect ef = {.kind = VL_EFF_CALL, .loop_call = true, .value = vl_val1(V(F), call), .at = vl_expr_span(F->an, expr)};
    VL_VEC_PUSH(&F->effects, ef);
  }
  if (name && any_method(F, acc, name, a, expr)) return;
  if (o->elem) { /* a hint: what the class says it holds */
    for (uint16_t i = 0; i < o->elem->n; i++) {
      const VlObj *h = o->elem->objs[i];
      if (h->kind == VL_O_INST || h->kind == VL_O_FUNC || h->kind == VL_O_CLASS) add_val(acc, vl_op_call(F, vl_val1(V(F), h), a, expr));
    }
  }
  /* an array argument's unit axes may be the result's too (a model called on a batch of one): the
   * evidence that an index on it shows a part is then only that the axis may not be there */
  uint8_t units = 0;
  for (int i = 0; i < a->npos + a->nkw; i++) {
    const VlVal *v = i < a->npos ? a->pos[i] : a->kw[i - a->npos];
    for (uint16_t k = 0; k < v->n; k++)
      if (v->objs[k]->kind == VL_O_ARRAY) units |= obj_units(v->objs[k]);
  }
  const VlObj *r = new_obj(F, expr, VL_F_ASSUMED);
  if (units) {
    VlObj c = *r;
    c.units = units;
    r = vl_obj(V(F), c);
  }
  add(acc, r);
}

/* The project's own helpers named in the configuration (extend-copy-functions, extend-view-functions,
 * extend-array-producers), by qualified name as imported, or bare for this file's functions. */
static bool extension_call(Frame *F, Acc *acc, const VlObj *o, Args *a, VlId expr) {
  const VlLibraryExtensions *x = F->an->ext;
  if (!x || (!x->ncopy && !x->nview && !x->nproducer)) return false;
  const char *q = NULL, *bare = NULL;
  if (o->kind == VL_O_LIB && !o->base && !o->mod) q = o->name;
  else if (o->kind == VL_O_FUNC && o->mod) {
    const VlFuncInfo *fi = vl_func_info(F, o->mod, o->func);
    if (!fi) return false;
    q = vl_arena_dotted(F->an->arena, o->mod->name, fi->qualname);
    if (o->mod == F->an->mi) bare = fi->qualname;
  } else {
    return false;
  }
  const VlVal *first = a->npos ? a->pos[0] : vl_unknown(V(F));
  uint8_t lib = 0;
  for (uint16_t i = 0; i < first->n; i++)
    if (first->objs[i]->kind == VL_O_ARRAY && !lib) lib = first->objs[i]->lib;
  if (vl_str_in(x->copy, x->ncopy, q) || vl_str_in(x->copy, x->ncopy, bare)) {
    add(acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_COPY), lib, vl_nd_unknown(), 0, expr));
  } else if (vl_str_in(x->producer, x->nproducer, q) || vl_str_in(x->producer, x->nproducer, bare)) {
    add(acc, array_obj(F, false, vl_new_site(F, expr, VL_HOW_PRODUCER), lib, vl_nd_unknown(), 0, expr));
  } else if (vl_str_in(x->view, x->nview, q) || vl_str_in(x->view, x->nview, bare)) {
    const VlVal *arr = vl_as_array(F, first, vl_nd_unknown());
    for (uint16_t i = 0; i < arr->n; i++)
      add(acc, arr->objs[i]->kind == VL_O_ARRAY ? view_of(F, arr->objs[i], vl_nd_unknown(), true, expr) : unknown_obj(F));
  } else {
    return false;
  }
  return true;
}

/* The arguments of a call of a functools.partial of a library function (VL_F_BOUND_ARGS), into b: the
 * bound positional ones, then the call's, then the bound keywords the call does not pass (named by the
 * partial's `key`, kw_name_list). */
static void bound_args(const VlObj *o, const Args *a, Args *b) {
  *b = *a;
  int k = o->index < o->nitems ? (int)o->index : o->nitems;
  b->npos = 0;
  for (int i = 0; i < k && b->npos < VL_MAX_ARGS; i++) b->pos[b->npos] = o->items[i], b->pos_expr[b->npos++] = 0;
  for (int i = 0; i < a->npos && b->npos < VL_MAX_ARGS; i++)
    b->pos[b->npos] = a->pos[i], b->pos_expr[b->npos++] = a->pos_expr[i];
  for (int item = k; kw_name_at(o->key, item - k) && item < o->nitems; item++) {
    const char *name = kw_name_at(o->key, item - k);
    bool passed = false;
    for (int i = 0; i < a->nkw; i++) passed |= strcmp(a->kwname[i], name) == 0;
    if (!passed && b->nkw < VL_MAX_KWARGS) {
      b->kwname[b->nkw] = name;
      b->kw[b->nkw++] = o->items[item];
    }
  }
}

const VlVal *vl_op_call(Frame *F, const VlVal *callee, Args *a, VlId expr) {
  Acc acc = {0};
  if (F->an->depth > 24) return vl_unknown(V(F));
  for (uint16_t i = 0; i < callee->n; i++) {
    const VlObj *o = callee->objs[i];
    if (extension_call(F, &acc, o, a, expr)) continue;
    switch (o->kind) {
    case VL_O_FUNC: add_val(&acc, call_func(F, o, a, expr)); break;
    case VL_O_CLASS: add_val(&acc, construct(F, o, a, expr)); break;
    case VL_O_INST: add_val(&acc, call_inst(F, o, a, expr)); break;
    case VL_O_LIB:
      if (o->sub == VL_LIB_FUTURE_RESULT && o->nitems == 1) {
        add_val(&acc, o->items[0]);
      } else if (o->sub == VL_LIB_POOL_METHOD) {
        add_val(&acc, pool_method_call(F, o, a, expr));
      } else if (o->base && o->sub == VL_LIB_BOUND_CALL) {
        add_val(&acc, call_bound_partial(F, o, a, expr));
      } else if ((o->flags & VL_F_BOUND_ARGS) && o->name && !a->star && !a->dstar) {
        Args b;
        bound_args(o, a, &b);
        add_val(&acc, call_library(F, o->name, &b, expr));
      } else if (o->sub == VL_LIB_NAMEDTUPLE_CLASS && !a->star && !a->dstar &&
                 (!a->nkw || (o->key && o->key->n == 1 && o->key->objs[0]->name))) {
        /* Step(obs[0], r), Step(obs=obs[0], reward=r): a tuple of them, in field order, its fields named */
        const char *fields = o->key && o->key->n == 1 ? o->key->objs[0]->name : NULL;
        const VlVal *items[64];
        int n = a->npos < 64 ? a->npos : 64;
        for (int k = 0; k < n; k++) items[k] = a->pos[k];
        bool known = true;
        for (int k = 0; k < a->nkw && known; k++) {
          int at = fields ? field_index(fields, a->kwname[k], strlen(a->kwname[k])) : -1;
          known = at >= 0 && at < 64;
          for (; known && n <= at; n++) items[n] = vl_unknown(V(F));
          if (known) items[at] = a->kw[k];
        }
        if (!known) {
          add(&acc, unknown_obj(F));
        } else {
          const VlVal *t = tuple_of(F, items, (uint16_t)n);
          if (fields) {
            VlObj named = *t->objs[0];
            named.name = fields;
            t = vl_val1(V(F), vl_obj(V(F), named));
          }
          add_val(&acc, t);
        }
      } else if (o->sub == VL_LIB_NAMEDTUPLE_CLASS && a->spread && !a->nkw && !a->dstar) {
        /* Transition(*args) (the PyTorch DQN tutorial's ReplayMemory.push): a tuple of args' items */
        add_val(&acc, copy_of(F, VL_SEQ_TUPLE, a->spread, expr, a->spread_expr));
      } else if (o->sub == VL_LIB_ITEMGETTER_SPREAD && a->npos >= 1 && o->nitems) {
        /* itemgetter(*keys)(x): x[k] for one key, else a tuple of x[k] for each */
        Index ix = {.n = 1, .kind = {vl_val_all_int(o->items[0]) ? IX_INT : IX_UNKNOWN}};
        const VlVal *item = vl_op_subscript(F, a->pos[0], &ix, o->items, expr);
        VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .elem = item, .nd = vl_nd_unknown()};
        add_val(&acc, vl_join(V(F), item, vl_val1(V(F), vl_obj(V(F), t))));
      } else if (o->sub == VL_LIB_NAMEDTUPLE_CLASS || o->sub == VL_LIB_ITEMGETTER_SPREAD ||
                 (o->sub == VL_LIB_POOL && o->index < VL_POOL_PROCESS_EXECUTOR)) {
        add_val(&acc, unmodelled_call(F, a, expr)); /* (called otherwise) */
      } else if (o->sub == VL_LIB_POOL || o->sub == VL_LIB_FUTURE || o->sub == VL_LIB_FUTURE_RESULT) {
        add(&acc, unknown_obj(F));
      } else if (o->name && strcmp(o->name, "operator.itemgetter") == 0 && a->npos >= 1 && o->nitems) {
        /* itemgetter(k)(x) is x[k]: an int, a slice object, a tuple of them (`(slice(None), 0)`: x[:, 0]),
         * a list (advanced indexing), a key */
        Index ix = {.n = 1};
        const VlVal *items[VL_MAX_INDEX] = {o->items[0]};
        if (!vl_expand_index_tuple(F->an->know, &ix, items, o->items[0]))
          vl_classify_index(F->an->know, &ix, 0, o->items[0], false);
        add_val(&acc, vl_op_subscript(F, a->pos[0], &ix, items, expr));
      } else if (o->name && strcmp(o->name, "operator.attrgetter") == 0 && a->npos >= 1 && o->nitems) {
        for (uint16_t k = 0; k < o->items[0]->n; k++)
          if (o->items[0]->objs[k]->kind == VL_O_STR && o->items[0]->objs[k]->name)
            add_val(&acc, vl_op_attr(F, a->pos[0], o->items[0]->objs[k]->name, expr));
      } else if (o->base && o->sub == VL_LIB_SEQ_CHAIN) {
        for (uint16_t k = 0; k < o->base->n; k++) {
          const VlVal *r = seq_chain(F, seq_modules(F, o->base->objs[k]), a, expr);
          add_val(&acc, r ? r : vl_unknown(V(F)));
        }
      } else if (o->base && o->sub == VL_LIB_SEQ_INIT) {
        for (uint16_t k = 0; k < o->base->n; k++) seq_set_modules(F, vl_obj_site(F, o->base->objs[k]), a);
        add(&acc, prim_obj(F, VL_O_NONE));
      } else if (o->base && o->sub == VL_LIB_GIVES_BASE) {
        /* model.eval() bound by a model-method row of effect `same`: calling it gives the model back */
        add_val(&acc, o->base);
      } else if (o->base && o->name && strcmp(o->name, "builtins.super") != 0) {
        add_val(&acc, call_method(F, o, a, expr));
      } else if (o->mod) {
        add(&acc, unknown_obj(F));
      } else if (o->name) {
        add_val(&acc, call_library(F, o->name, a, expr));
      }
      break;
    case VL_O_SYM: call_sym(F, &acc, o, a, expr); break;
    case VL_O_OBJ:
      if (!((o->flags & VL_F_WHOLE) && o->name && any_method(F, &acc, o->name, a, expr)))
        add(&acc, new_obj(F, expr, (uint8_t)(o->flags & VL_F_ASSUMED))); /* a guess's method: a guess */
      break;
    default: add(&acc, unknown_obj(F)); break;
    }
  }
  return done(F, &acc);
}

/* ---- operators ---- */

/* The library function an operator calls (Python's operator protocol: ndarray.__add__ is np.add); 0,
 * a unary operator, as np.negative (`-a`, `+a` and `~a` are ufuncs alike).  Is its row tagged
 * keeps-order?  The fact is the table's, not this list's; an operand of unknown library (an opaque
 * result used as an array) follows the default library's row, NumPy's. */
static bool op_keeps_order(Frame *F, uint8_t lib, int op) {
  static const char *const funcs[] = {"negative", "add", "subtract", "multiply", "matmul", "true_divide",
                                      "floor_divide", "remainder", "power", "left_shift", "right_shift",
                                      "bitwise_and", "bitwise_or", "bitwise_xor"};
  const VlLibrary *L = op >= 0 && op <= VL_OP_XOR ? library(F, lib) : NULL; /* (0: the default library's) */
  if (!L || !L->table) return false;
  /* a table without the function (PyTorch names np.power torch.pow: `t.T ** 2` keeps strides, measured)
   * does not say the result is C-contiguous: its order is taken as kept, so unknown of other operands */
  const VlLibEntry *e = vl_libtable_find(L->table, VL_LIB_FUNCTION, funcs[op]);
  return !e || e->keeps_order;
}

/* Does v hold a guess: an opaque result or array assumed beside a deferred operation? */
static bool assumed_in(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if ((v->objs[i]->kind == VL_O_OBJ || v->objs[i]->kind == VL_O_ARRAY) && (v->objs[i]->flags & VL_F_ASSUMED)) return true;
  return false;
}

static bool arrayish(const VlObj *o) {
  return o->kind == VL_O_ARRAY || o->kind == VL_O_OBJ || (o->kind == VL_O_SYM && o->elem && vl_val_has(o->elem, VL_O_ARRAY));
}

/* The unit axes of an elementwise result (an axis is 1 when every operand's is, or the operand lacks it:
 * broadcasting) or of a matrix product (rows from the left, columns from the right).  An operand's
 * paths must agree on its ndim; their unit axes are joined (one path's unit axis may be the one there).
 * With arrays on both sides every ndim must be known (the axes line up from the end); an array with
 * a scalar keeps its own, counted from the front. */
static uint8_t binop_units(const VlVal *l, const VlVal *r, int op, VlNdim nd) {
  const VlObj *side[2] = {NULL, NULL};
  uint8_t su[2] = {0, 0};
  for (int s = 0; s < 2; s++) {
    const VlVal *v = s ? r : l;
    for (uint16_t i = 0; i < v->n; i++) {
      const VlObj *o = v->objs[i];
      if (o->kind == VL_O_INT || o->kind == VL_O_SCALAR || o->kind == VL_O_NONE) continue;
      /* an operand we know nothing of (a parameter, h * max_width) is taken to broadcast into the
       * array's shape: were it an array with more entries along a unit axis, the unit axis would be
       * a missed leak, never a false alarm (unit axes only ever silence) */
      if (o->kind == VL_O_SYM || o->kind == VL_O_UNKNOWN) continue;
      if (o->kind != VL_O_ARRAY || (side[s] && (side[s]->nd.lo != o->nd.lo || side[s]->nd.hi != o->nd.hi))) return 0;
      su[s] |= obj_units(o);
      side[s] = o;
    }
  }
  bool known[2] = {side[0] && vl_nd_known(side[0]->nd), side[1] && vl_nd_known(side[1]->nd)};
  if (!vl_nd_known(nd) || (side[0] && !known[0]) || (side[1] && !known[1])) {
    if (op == VL_OP_MATMUL) return 0;
    /* an array of known ndim with an array whose ndim is open (it came of an operand we know nothing
     * of: `t ** (2 * (d // 2) / n)` with n unknown) takes the other to broadcast, as it does an
     * operand we know nothing of */
    if (known[0] != known[1] && side[0] && side[1]) return su[known[0] ? 0 : 1];
    return !side[0] != !side[1] ? su[side[0] ? 0 : 1] : 0;
  }
  int n = nd.lo;
  if (op == VL_OP_MATMUL) {
    if (!side[0] || !side[1] || side[0]->nd.lo < 2 || side[1]->nd.lo < 2 || n < 2 || n > 8) return 0;
    uint8_t u = 0;
    if (su[0] & (1u << (side[0]->nd.lo - 2))) u |= (uint8_t)(1u << (n - 2));
    if (su[1] & (1u << (side[1]->nd.lo - 1))) u |= (uint8_t)(1u << (n - 1));
    return u;
  }
  if (n > 8) return 0;
  uint8_t u = (uint8_t)((1u << n) - 1);
  for (int s = 0; s < 2; s++) {
    if (!side[s]) continue;
    int k = side[s]->nd.lo, shift = n - k;
    for (int ax = 0; ax < k; ax++)
      if (!(su[s] & (1u << ax))) u &= (uint8_t)~(1u << (ax + shift));
  }
  return side[0] || side[1] ? u : 0;
}

/* Integer arithmetic on two known constants (`256 * 1024`, `2 ** 16`, `n // 4` of a known n), as
 * Python computes it, when the result is a non-negative int32 (what a known int holds); false
 * otherwise. */
static bool fold_ints(int op, const VlVal *l, const VlVal *r, int64_t *out) {
  if (!l || !r || l->n != 1 || r->n != 1) return false;
  const VlObj *a = l->objs[0], *b = r->objs[0];
  if (a->kind != VL_O_INT || b->kind != VL_O_INT || !a->num_known || !b->num_known) return false;
  int64_t x = (int32_t)a->index, y = (int32_t)b->index, z;
  if (x < 0 || y < 0) return false;
  switch (op) {
  case VL_OP_ADD: z = x + y; break;
  case VL_OP_SUB: z = x - y; break;
  case VL_OP_MUL: z = x * y; break; /* both below 2^31: no overflow */
  case VL_OP_FLOORDIV: if (!y) return false; z = x / y; break;
  case VL_OP_MOD: if (!y) return false; z = x % y; break;
  case VL_OP_LSHIFT: if (y > 31) return false; z = x << y; break;
  case VL_OP_POW:
    z = x <= 1 ? (y == 0 ? 1 : x) : 1; /* 0 ** y, 1 ** y: no loop of y steps */
    for (int64_t k = 0; x > 1 && k < y; k++)
      if ((z *= x) > INT32_MAX) return false;
    break;
  default: return false;
  }
  if (z < 0 || z > INT32_MAX) return false;
  *out = z;
  return true;
}

/* Is every object of v (and there is one) of kind k? */
static bool all_kind(const VlVal *v, VlObjKind k) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind != k) return false;
  return v && v->n > 0;
}

/* Is every object of v (and there is one) a tuple? */
static bool all_tuples(const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (v->objs[i]->kind != VL_O_SEQ || v->objs[i]->sub != VL_SEQ_TUPLE) return false;
  return v && v->n > 0;
}

/* A tuple whose items are known, one by one (the empty tuple too). */
static bool exact_tuple(const VlObj *o) {
  return o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && (o->nitems || !o->elem || vl_val_empty(o->elem));
}

/* Is l a length: len(x), x.shape[k], x.size (also of a parameter's array, deferred: `y.size`)? */
static bool length_of(const VlVal *l) {
  if (l->n != 1) return false;
  const VlObj *o = l->objs[0];
  if (o->kind == VL_O_INT) return (o->flags & VL_F_LENGTH) != 0;
  if (o->kind != VL_O_SYM || !o->base || o->base->n != 1) return false;
  if (o->sub == VL_SYM_ATTRV) return o->name && strcmp(o->name, "size") == 0;
  const VlObj *b = o->base->objs[0];
  return o->sub == VL_SYM_SUBV && b->kind == VL_O_SYM && b->sub == VL_SYM_ATTRV && b->name && strcmp(b->name, "shape") == 0;
}

/* len(x) // k with k a known count: a share of the length; of at most 8, a fraction (a stop up to
 * it shows an eighth of the axis or more); of more, a share (a step of it keeps about k entries:
 * interp.c: describe_slice).  NULL: not one. */
static const VlVal *length_share(Frame *F, int op, const VlVal *l, const VlVal *rv) {
  if (op != VL_OP_FLOORDIV || !rv || rv->n != 1 || !rv->objs[0]->num_known || rv->objs[0]->kind != VL_O_INT ||
      (int32_t)rv->objs[0]->index < 1 || !length_of(l))
    return NULL;
  VlObj n = {.kind = VL_O_INT, .flags = rv->objs[0]->index <= 8 ? VL_F_FRACTION : VL_F_SHARE, .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), n));
}

/* The sizes, as far as they are known, of an elementwise result of exact ndim nd whose operands do
 * not share one shape (`base + jitter` with base (n, 2) and jitter of unknown sizes): aligned from
 * the last axis, an operand's size above 1 is the result's (broadcasting needs the others to have it
 * or 1); an axis where no operand has one is not known.  Each operand a number or an array of exact
 * ndim at most nd; no dtype (it may be promoted).  NULL when no size is known. */
static const VlShape *broadcast_shape(Frame *F, const VlVal *l, const VlVal *r, VlNdim nd) {
  if (!vl_nd_known(nd) || nd.lo < 1 || nd.lo > VL_SHAPE_MAX) return NULL;
  VlShape sh = {.n = nd.lo};
  for (int side = 0; side < 2; side++) {
    const VlVal *v = side ? r : l;
    for (uint16_t i = 0; v && i < v->n; i++) {
      const VlObj *o = v->objs[i];
      if (o->kind == VL_O_INT || o->kind == VL_O_SCALAR) continue;
      if (o->kind != VL_O_ARRAY || !vl_nd_known(o->nd) || o->nd.lo > nd.lo) return NULL;
      const VlShape *os = !o->sub && o->shape && !o->shape->side && !o->shape->upper && o->shape->n == o->nd.lo ? o->shape : NULL;
      for (int k = 0; os && k < os->n; k++) {
        int64_t d = os->dims[k];
        int at = sh.n - os->n + k;
        if (d <= 1) continue;
        if (sh.dims[at] > 1 && sh.dims[at] != d) return NULL; /* (it would not run) */
        sh.dims[at] = d;
      }
    }
  }
  int known = 0;
  for (int k = 0; k < sh.n; k++) known += sh.dims[k] > 1;
  return known ? vl_shape(V(F), sh) : NULL;
}

/* The sizes every possibility of an operand of exact ndim n agrees on (0 where one differs), into
 * dims; false when a possibility is not an array of that ndim whose own sizes are known (a whole array
 * of literal shape, or a view with all its base's axes: VL_L_AXES).  A possibility of unknown sizes
 * makes them all unknown, so a loop's join of a known shape with an unknown one is unknown on every
 * pass. */
static bool operand_dims(const VlVal *v, int n, int64_t *dims) {
  bool any = false;
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    bool own = !o->sub || ((o->layout & VL_L_AXES) && !(o->flags & VL_F_PARTIAL));
    if (o->kind != VL_O_ARRAY || !own || !vl_nd_known(o->nd) || o->nd.lo != n || !o->shape || o->shape->side ||
        o->shape->upper || o->shape->n != n)
      return false;
    for (int k = 0; k < n; k++) dims[k] = !any || dims[k] == o->shape->dims[k] ? o->shape->dims[k] : 0;
    any = true;
  }
  return any;
}

/* The sizes, as far as they are known, of a matrix product l @ r whose operands' ndims are known (ln,
 * rn; the result's nd): its rows are the left's rows, its columns the right's columns; a vector on the
 * left drops the rows, on the right the columns (`F @ x` of an (8, 8) F and a vector: 8 entries, whatever
 * x's length); the stacked axes before them are not known.  No dtype (it may be promoted): sizes for
 * shows_most, none for messages.  NULL when no size is known. */
static const VlShape *matmul_shape(Frame *F, const VlVal *l, const VlVal *r, int ln, int rn, VlNdim nd) {
  if (!vl_nd_known(nd) || nd.lo < 1 || nd.lo > VL_SHAPE_MAX || ln < 1 || rn < 1 || ln > VL_SHAPE_MAX ||
      rn > VL_SHAPE_MAX)
    return NULL;
  int64_t ld[VL_SHAPE_MAX] = {0}, rd[VL_SHAPE_MAX] = {0};
  bool lk = operand_dims(l, ln, ld), rk = operand_dims(r, rn, rd);
  VlShape sh = {.n = nd.lo};
  if (ln >= 2 && lk) sh.dims[rn >= 2 ? sh.n - 2 : sh.n - 1] = ld[ln - 2];
  if (rn >= 2 && rk) sh.dims[sh.n - 1] = rd[rn - 1];
  int known = 0;
  for (int k = 0; k < sh.n; k++) known += sh.dims[k] > 0;
  return known ? vl_shape(V(F), sh) : NULL;
}

const VlVal *vl_op_binop(Frame *F, int op, const VlVal *l, const VlVal *r, VlId expr) {
  Acc acc = {0};
  const VlVal *none = vl_prim(V(F), VL_O_NONE);
  const VlVal *rv = r ? r : none;
  uint8_t lib = 0;
  VlNdim nd = {0, 0};
  uint8_t side_lo[2] = {VL_ND_MAX, VL_ND_MAX}; /* the fewest axes each operand may have */
  uint8_t side_hi[2] = {0, 0};                   /* ... and the most */
  bool array = false, sym = false, of_param = false; /* of_param: a symbol, or a parameter's array */
  const VlVal *share = length_share(F, op, l, rv); /* (also `y.size // 256` of a parameter y) */
  if (share) return share;
  for (int side = 0; side < 2; side++) {
    const VlVal *v = side ? rv : l;
    for (uint16_t i = 0; i < v->n; i++) {
      const VlObj *o = v->objs[i];
      VlNdim on = vl_nd_exact(0); /* a Python or NumPy scalar */
      if (arrayish(o)) {
        array = true;
        if (!lib) lib = o->lib;
        on = o->kind == VL_O_ARRAY ? o->nd : vl_nd_unknown();
        if (o->kind == VL_O_SYM && o->elem) /* a symbol with an array hint: its ndim and library */
          for (uint16_t k = 0; k < o->elem->n; k++)
            if (o->elem->objs[k]->kind == VL_O_ARRAY) {
              on = o->elem->objs[k]->nd;
              if (!lib) lib = o->elem->objs[k]->lib;
            }
      } else if (o->kind != VL_O_INT && o->kind != VL_O_SCALAR && o->kind != VL_O_NONE && !vl_sym_number(o)) {
        on = vl_nd_unknown(); /* (a parameter annotated int or float is a number: no axes) */
      }
      if (on.lo < side_lo[side]) side_lo[side] = on.lo;
      if (on.hi > side_hi[side]) side_hi[side] = on.hi;
      if (on.hi > nd.hi) nd.hi = on.hi;
      sym |= o->kind == VL_O_SYM;
      of_param |= o->kind == VL_O_SYM || (o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_SYM);
    }
  }
  /* broadcasting: the result has as many axes as the operand with most; a @ b of two matrices
   * (stacks of them) too, while a vector on either side drops one */
  for (int side = 0; side < 2; side++)
    if (side_lo[side] != VL_ND_MAX && side_lo[side] > nd.lo) nd.lo = side_lo[side];
  if (op == VL_OP_MATMUL && nd.lo > 0 && (side_lo[0] < 2 || side_lo[1] < 2)) nd.lo--;
  int mm_ln = 0, mm_rn = 0; /* a matrix product's operands' ndims, when both are known */
  if (op == VL_OP_MATMUL && side_lo[0] == side_hi[0] && side_lo[1] == side_hi[1] && side_lo[0] >= 1 && side_lo[1] >= 1) {
    /* both ndims known: a matrix times a vector is a vector, a vector times a vector a scalar */
    int ln = side_lo[0], rn = side_lo[1];
    mm_ln = ln, mm_rn = rn;
    int k = ln == 1 && rn == 1 ? 0 : ln == 1 ? rn - 1 : rn == 1 ? ln - 1 : (ln > rn ? ln : rn);
    nd = vl_nd_exact(k);
  }
  if (nd.lo > nd.hi) nd.hi = nd.lo;
  bool text = vl_val_has(l, VL_O_STR) || vl_val_has(rv, VL_O_STR);
  bool seqs = vl_val_has(l, VL_O_SEQ) || vl_val_has(rv, VL_O_SEQ);
  if (text && !vl_val_has(l, VL_O_ARRAY) && !vl_val_has(rv, VL_O_ARRAY)) return vl_prim(V(F), VL_O_STR);
  if (array && seqs && !vl_val_has(l, VL_O_ARRAY) && !vl_val_has(rv, VL_O_ARRAY)) array = false; /* obj + [x] */
  if (array) {
    /* elementwise with a scalar, or with arrays of one shape: that shape */
    const VlShape *shape = NULL;
    bool same_shape = true;
    for (int side = 0; side < 2; side++) {
      const VlVal *v = side ? rv : l;
      for (uint16_t i = 0; i < v->n; i++) {
        const VlObj *o = v->objs[i];
        if (o->kind == VL_O_INT || o->kind == VL_O_SCALAR || o->kind == VL_O_NONE) continue;
        if (o->kind != VL_O_ARRAY || o->sub || !o->shape || (shape && shape != o->shape)) same_shape = false;
        else shape = o->shape;
      }
    }
    if (shape && shape->dtype_sure && (!same_shape || strncmp(shape->dtype, "float", 5) != 0 ||
                                       op == VL_OP_MATMUL)) {
      /* NumPy keeps a float array's dtype with a Python scalar; an int array's may change (a / 2) */
      VlShape sh = *shape;
      sh.dtype_sure = false;
      shape = vl_shape(V(F), sh);
    }
    if (!same_shape && op != VL_OP_MATMUL) shape = broadcast_shape(F, l, rv, nd);
    else if (op == VL_OP_MATMUL) shape = mm_ln ? matmul_shape(F, l, rv, mm_ln, mm_rn, nd) : NULL;
    VlObj o = {.kind = VL_O_ARRAY, .site = vl_new_site(F, expr, VL_HOW_COPY), .lib = lib, .nd = nd, .expr = expr, .shape = shape,
               .layout = fresh_layout(nd), .units = binop_units(l, rv, op, nd)};
    /* the operator is its library's function (`a + b` is np.add, `-a` np.negative): a row tagged
     * keeps-order gives a result in its operands' memory order, as apply_entry_raw does for the call
     * (`spec.T * 2` is F-contiguous); `@` (np.matmul, untagged) stays C-contiguous */
    if (op_keeps_order(F, lib, op) && (!c_order_data(l, true) || (r && !c_order_data(r, true)))) o.layout = 0;
    if ((sym && (assumed_in(l) || assumed_in(rv))) || (of_param && op == VL_OP_MATMUL && nd.lo != nd.hi)) {
      /* `rng.standard_normal(shape) / 8.0` with rng a parameter: the operand is a guess beside a
       * deferred call, and so is the result: the operation is deferred too, and a caller that
       * resolves it drops the guess for what it computes.  So is a matrix product with a parameter
       * of unknown ndim (`P = F @ P @ F.T + Q` in a Kalman filter's loop): how many axes it has
       * depends on the parameter's, which a caller knows */
      o.flags |= VL_F_ASSUMED;
      const VlObj *both[2] = {vl_obj(V(F), o), deferred_binop(F, l, rv, op, expr)};
      return vl_val_of(V(F), both, 2);
    }
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  if (!r) return vl_join(V(F), l, &vl_empty_val); /* unary on non-arrays: same kind */
  bool l_seq = vl_val_has(l, VL_O_SEQ), r_seq = vl_val_has(rv, VL_O_SEQ);
  if (op == VL_OP_ADD && l_seq && r_seq) {
    /* (n,) + obs_shape: a tuple of the items of both, when both are tuples of known items */
    const VlObj *lt = l->n == 1 ? l->objs[0] : NULL, *rt = rv->n == 1 ? rv->objs[0] : NULL;
    if (lt && rt && exact_tuple(lt) && exact_tuple(rt) && lt->nitems + rt->nitems <= 64) {
      const VlVal *items[64];
      uint16_t n = 0;
      for (uint16_t i = 0; i < lt->nitems; i++) items[n++] = lt->items[i];
      for (uint16_t i = 0; i < rt->nitems; i++) items[n++] = rt->items[i];
      return tuple_of(F, items, n);
    }
  }
  if (op == VL_OP_ADD && sym && (l_seq || r_seq) && all_tuples(l_seq ? l : rv) &&
      all_kind(l_seq ? rv : l, VL_O_SYM)) {
    /* (n_envs,) + obs_shape with obs_shape a parameter: deferred, a caller passing a tuple (or
     * leaving its default) gets the joined tuple */
    const VlVal *items[1] = {rv};
    return vl_val1(V(F), at_expr(F, sym_obj(F, VL_SYM_BINOPV, l, NULL, items, 1, (uint32_t)op, NULL), expr));
  }
  if (op == VL_OP_ADD && (l_seq || r_seq)) {
    /* list + list: a new list holding both sides' elements */
    VlSeqKind kind = VL_SEQ_LIST;
    for (uint16_t i = 0; i < l->n; i++)
      if (l->objs[i]->kind == VL_O_SEQ) kind = (VlSeqKind)l->objs[i]->sub;
    const VlVal *out = vl_new_seq(F, kind, expr);
    const VlVal *elems = vl_join(V(F), raw_elems(F, l, expr, 0), raw_elems(F, rv, expr, 0));
    if (kind == VL_SEQ_TUPLE) {
      VlObj t = *out->objs[0];
      t.elem = elems;
      return vl_val1(V(F), vl_obj(V(F), t));
    }
    vl_heap_add_elem(F, out->objs[0]->site, elems);
    return out;
  }
  if (op == VL_OP_MUL && (l_seq || r_seq)) { /* [None] * n */
    const VlVal *seq = l_seq ? l : rv;
    const VlVal *out = vl_new_seq(F, VL_SEQ_LIST, expr);
    vl_heap_add_elem(F, out->objs[0]->site, raw_elems(F, seq, expr, 0));
    return out;
  }
  int64_t folded;
  if (fold_ints(op, l, rv, &folded)) return vl_int_const(V(F), (long)folded);
  if (op == VL_OP_MOD && vl_val_all_int(l)) {
    /* (pos + 1) % capacity: a remainder, one of a bounded set of slots (interp.c: assign_item) */
    VlObj n = {.kind = VL_O_INT, .flags = VL_F_REMAINDER, .nd = vl_nd_exact(0)};
    return vl_val1(V(F), vl_obj(V(F), n));
  }
  if (vl_val_all_int(l) && vl_val_all_int(rv) && op != VL_OP_DIV) {
    return vl_prim(V(F), VL_O_INT); /* (len(x) // 2: length_share, above) */
  }
  if (vl_val_has(l, VL_O_STR)) return vl_prim(V(F), VL_O_STR);
  if (sym) {
    add(&acc, deferred_binop(F, l, rv, op, expr));
    return done(F, &acc);
  }
  if (vl_val_unknownish(l) || vl_val_unknownish(rv)) return vl_unknown(V(F));
  return vl_prim(V(F), VL_O_SCALAR);
}
