/* eval.c: abstract evaluation of Python expressions to VlVal.
 *
 * What an expression is, for our purposes: an integer (a basic index), an array and where it came
 * from (the named array itself, a view of one, a fresh copy, a fresh product), or a container that
 * holds a view.  Names are resolved flow-insensitively: a name's scope-wide value is the union of
 * all its bindings in its scope; inside a loop, names bound in the loop body are followed as aliases.
 * Library calls are looked up in the library tables (knowledge/), never named in code here. */
#include <string.h>

#include "flow/flow_internal.h"

enum { MAX_DEPTH = 32 };

/* A comprehension variable: `for name in iter` in [... for name in iter]. */
typedef struct Frame {
  const char *name;
  TSNode iter;
  int index;
  bool enumerate;
  const struct Frame *next;
  bool has_val; /* a helper's parameter: bound to the caller's argument value */
  VlVal val;
} Frame;

typedef struct Env {
  VlFlow *f;
  const VlScope *scope;
  const VlLoop *loop;
  const Frame *frames;
} Env;

static VlVal eval(const Env *e, TSNode n);
static VlVal eval_binding(const Env *env, const VlBinding *b);

static VlVal v_unknown(void) { return (VlVal){.nd = vl_nd_unknown(), .elem_nd = vl_nd_unknown()}; }
static VlVal v_type(VlType t) {
  VlVal v = v_unknown();
  v.type = t;
  if (t == VL_T_INT || t == VL_T_SCALAR) v.nd = vl_nd_exact(0);
  return v;
}
static VlVal v_array(VlOrigin o, VlLibId lib, VlNdim nd) {
  VlVal v = v_type(VL_T_ARRAY);
  v.origin = o;
  v.lib = lib ? lib : VL_LIBID_NUMPY;
  v.nd = nd;
  return v;
}
static bool is_array(VlVal v) { return v.type == VL_T_ARRAY; }
static bool is_view(VlVal v) { return v.type == VL_T_ARRAY && v.origin == VL_O_VIEW; }
static bool is_container(VlVal v) {
  return v.type == VL_T_LIST || v.type == VL_T_TUPLE || v.type == VL_T_DICT || v.type == VL_T_SET;
}

static const VlPy *PY(const Env *e) { return e->f->py; }

/* An element of a container that holds views (a list of rows...), as expression `node`. */
static VlVal element_view(VlVal container, TSNode node) {
  VlVal v = v_array(VL_O_VIEW, container.lib, container.elem_nd);
  v.base = container.base;
  v.base_origin = container.base_origin;
  v.view = node;
  v.partial = container.partial;
  return v;
}
static bool text_is(const Env *e, TSNode n, const char *s) { return vl_py_text_is(e->f->src, n, s); }

/* A view of array value `of`, as expression `node`, with `nd` dimensions. */
static VlVal view_of(VlVal of, TSNode node, VlNdim nd) {
  VlVal v = v_array(VL_O_VIEW, of.lib, nd);
  if (of.origin == VL_O_SAME) v.base = of.base, v.base_origin = VL_O_SAME;
  else if (of.origin == VL_O_VIEW) v.base = of.base, v.base_origin = of.base_origin;
  else v.base_origin = of.origin;
  v.view = node;
  v.partial = of.origin == VL_O_VIEW && of.partial;
  return v;
}

/* slice -> start? ':' stop? (':' step?)?  Narrows when it has a stop, or a negative literal start. */
static bool slice_narrows(const Env *e, TSNode slice) {
  int colons = 0;
  for (uint32_t i = 0, n = ts_node_child_count(slice); i < n; i++) {
    TSNode c = ts_node_child(slice, i);
    if (!ts_node_is_named(c)) {
      colons++;
      continue;
    }
    if (vl_py_is(PY(e), c, VL_K_COMMENT) || vl_py_is(PY(e), c, VL_K_NONE)) continue;
    if (colons == 1) return true; /* a stop */
    if (colons == 0 && vl_py_is(PY(e), c, VL_K_UNARY_OP)) return true; /* a[-5:] */
  }
  return false;
}


static VlNdim nd_sub(VlNdim nd, int ints, int nones) {
  VlNdim r = nd;
  r.lo = (uint8_t)((nd.lo > ints ? nd.lo - ints : 0) + nones);
  r.hi = nd.hi >= VL_ND_MAX ? VL_ND_MAX : (uint8_t)((nd.hi > ints ? nd.hi - ints : 0) + nones);
  return r;
}

/* ---- names ---- */

/* The union of the values of all of a key's bindings in its owner scope, memoised. */
static VlVal key_value(VlFlow *f, const VlScope *owner, const char *key) {
  VlKeyInfo *k = vl_memo_key(owner->memo, key);
  if (!k) return v_unknown();
  if (k->state == VL_MEMO_DONE) return k->val;
  if (k->state == VL_MEMO_BUSY) return v_type(VL_T_SELF);
  if (f->key_depth >= 64) return v_unknown(); /* a = b; b = c; ... thousands deep: give up, unmemoised */
  f->key_depth++;
  k->state = VL_MEMO_BUSY;
  /* A scope-wide value must not depend on how deep the question came from: fresh budget. */
  int depth = f->depth, naliasing = f->naliasing;
  f->depth = 0;
  f->naliasing = 0;
  bool any_array = false, all_int = k->nbindings > 0, any_rng = false, have_range = false;
  VlType container = VL_T_UNKNOWN;
  bool same_container = true;
  VlLibId lib = VL_LIBID_NONE;
  VlNdim nd = {VL_ND_MAX, 0, false};
  for (size_t i = 0; i < k->nbindings; i++) {
    VlVal v = vl_eval_binding(f, owner, NULL, k->bindings[i]);
    if (v.type == VL_T_SELF) continue;
    if (v.type != VL_T_INT) all_int = false;
    if (v.type == VL_T_RNG) any_rng = true;
    if (is_container(v)) {
      if (container == VL_T_UNKNOWN) container = v.type;
      else if (container != v.type) same_container = false;
    } else if (v.type != VL_T_NONE) {
      same_container = false;
    }
    if (!is_array(v)) continue;
    any_array = true;
    if (!lib) lib = v.lib;
    if (v.nd.self_ref) continue; /* a = np.delete(a, i, axis=0) keeps whatever a was */
    VlNdim r = v.nd;
    if (r.lo == 0 && r.hi == VL_ND_MAX && k->use_lo) r.lo = k->use_lo;
    if (r.lo < nd.lo) nd.lo = r.lo;
    if (r.hi > nd.hi) nd.hi = r.hi;
    have_range = true;
  }
  VlVal out = v_unknown();
  if (any_array) {
    if (!have_range) nd = (VlNdim){k->use_lo, VL_ND_MAX, false};
    out = v_array(VL_O_SAME, lib, nd);
    out.base = k->key;
  } else if (all_int) {
    out = v_type(VL_T_INT);
  } else if (any_rng) {
    out = v_type(VL_T_RNG);
  } else if (container != VL_T_UNKNOWN && same_container) {
    out = v_type(container);
  }
  k->val = out;
  k->state = VL_MEMO_DONE;
  f->key_depth--;
  f->depth = depth;
  f->naliasing = naliasing;
  return out;
}

static VlVal element_of(const Env *e, TSNode iter, int index, bool enumerate);

static VlVal eval_key(const Env *e, const char *key, TSNode use) {
  for (const Frame *fr = e->frames; fr; fr = fr->next)
    if (strcmp(fr->name, key) == 0) return fr->has_val ? fr->val : element_of(e, fr->iter, fr->index, fr->enumerate);
  /* Inside a loop, a name bound in the body is an alias of what it was assigned there. */
  bool following = false;
  for (int i = 0; i < e->f->naliasing; i++) following |= strcmp(e->f->aliasing[i], key) == 0;
  if (e->loop && !following && e->f->naliasing < 16) {
    e->f->aliasing[e->f->naliasing++] = key;
    VlVal alias = v_unknown();
    size_t found = 0;
    bool agree = true;
    for (size_t i = 0; i < e->loop->nbindings && agree; i++) {
      const VlBinding *b = &e->loop->bindings[i];
      if (strcmp(b->key, key) != 0) continue;
      VlVal v = eval_binding(e, b);
      bool holds = is_view(v) || (is_container(v) && v.holds_view);
      if (!holds || (found && (alias.type != v.type || (alias.base && v.base && strcmp(alias.base, v.base) != 0) ||
                               (!alias.base) != (!v.base))))
        agree = false;
      else if (!found++) alias = v;
    }
    e->f->naliasing--;
    if (found && agree) {
      alias.view = use;
      return alias;
    }
  }
  const VlScope *owner = vl_scope_owner(e->scope, key);
  return owner ? key_value(e->f, owner, key) : v_unknown();
}

/* The element bound by `for target in iter` (index: position in a tuple target). */
static VlVal element_of(const Env *e, TSNode iter, int index, bool enumerate) {
  const VlPy *py = PY(e);
  iter = vl_py_unparen(py, iter);
  if (enumerate) {
    if (index == 0) return v_type(VL_T_INT);
    TSNode args = vl_py_field(py, iter, VL_F_ARGUMENTS);
    if (index != 1 || ts_node_named_child_count(args) < 1) return v_unknown();
    return element_of(e, ts_node_named_child(args, 0), -1, false);
  }
  if (index >= 0) return v_unknown(); /* zip(...) and friends: not followed */
  VlVal it = eval(e, iter);
  if (it.type == VL_T_RANGE) return v_type(VL_T_INT);
  if (is_array(it)) {
    bool view = it.lib == VL_LIBID_TORCH || it.nd.lo >= 2;
    if (view) {
      VlVal row = view_of(it, iter, nd_sub(it.nd, 1, 0));
      row.partial = true;
      return row;
    }
    return it.nd.hi <= 1 ? v_type(VL_T_INT) : v_unknown();
  }
  if (is_container(it) && it.holds_view) return element_view(it, iter);
  return v_unknown();
}

VlVal vl_eval_binding(VlFlow *f, const VlScope *scope, const VlLoop *loop, const VlBinding *b) {
  Env e = {f, scope, loop, NULL};
  return eval_binding(&e, b);
}

/* The value of one binding, in an environment (a helper's parameter frames are kept). */
static VlVal eval_binding(const Env *env, const VlBinding *b) {
  Env e = *env;
  VlFlow *f = e.f;
  switch (b->kind) {
  case VL_BIND_ASSIGN: {
    if (b->unpack < 0) return eval(&e, b->value);
    VlVal v = eval(&e, b->value);
    if (v.type == VL_T_SHAPE) return v_type(VL_T_INT);
    if (v.type == VL_T_INDEX) return v_array(VL_O_COPY, v.lib, vl_nd_exact(1));
    if (v.type == VL_T_SELF) return v;
    if (is_container(v) && v.holds_view) return element_view(v, b->target);
    return v_unknown();
  }
  case VL_BIND_FOR:
    return element_of(&e, b->value, b->unpack, b->unpack_enumerate);
  case VL_BIND_PARAM: {
    if (ts_node_is_null(b->value)) return v_unknown();
    uint32_t len;
    const char *t = vl_py_text(f->src, b->value, &len);
    static const char *const array_types[] = {"ndarray", "NDArray", "Tensor"};
    for (size_t i = 0; i < 3; i++) {
      size_t n = strlen(array_types[i]);
      for (uint32_t j = 0; j + n <= len; j++)
        if (memcmp(t + j, array_types[i], n) == 0)
          return v_array(VL_O_UNKNOWN, i == 2 ? VL_LIBID_TORCH : VL_LIBID_NUMPY, vl_nd_unknown());
    }
    return v_unknown();
  }
  case VL_BIND_OTHER:
    break;
  }
  return v_unknown();
}

/* ---- calls ---- */

typedef struct Args {
  TSNode pos[16];
  int npos;
  bool star; /* *args: positions after it are unknown */
  TSNode node;
} Args;

static Args collect_args(const Env *e, TSNode call) {
  const VlPy *py = PY(e);
  Args a = {.node = vl_py_field(py, call, VL_F_ARGUMENTS)};
  if (!vl_py_is(py, a.node, VL_K_ARG_LIST)) return a;
  for (uint32_t i = 0, n = ts_node_named_child_count(a.node); i < n; i++) {
    TSNode c = ts_node_named_child(a.node, i);
    if (vl_py_is(py, c, VL_K_KEYWORD_ARG) || vl_py_is(py, c, VL_K_COMMENT)) continue;
    if (vl_py_is(py, c, VL_K_LIST_SPLAT)) a.star = true;
    else if (a.npos < 16 && !a.star) a.pos[a.npos++] = c;
  }
  return a;
}

static TSNode keyword(const Env *e, const Args *a, const char *name) {
  const VlPy *py = PY(e);
  if (!vl_py_is(py, a->node, VL_K_ARG_LIST)) return (TSNode){0};
  for (uint32_t i = 0, n = ts_node_named_child_count(a->node); i < n; i++) {
    TSNode c = ts_node_named_child(a->node, i);
    if (vl_py_is(py, c, VL_K_KEYWORD_ARG) && text_is(e, vl_py_field(py, c, VL_F_NAME), name))
      return vl_py_field(py, c, VL_F_VALUE);
  }
  return (TSNode){0};
}

/* The argument bound to a table parameter (keyword or position), or a null node. */
static TSNode param(const Env *e, const VlLibEntry *entry, const Args *a, const char *name) {
  TSNode k = keyword(e, a, name);
  if (!ts_node_is_null(k)) return k;
  int pos = vl_lib_param_pos(entry, name);
  return pos >= 0 && pos < a->npos ? a->pos[pos] : (TSNode){0};
}

static bool cond_holds(const Env *e, const VlLibEntry *entry, const Args *a, VlLibCond c) {
  if (!c.param) return true;
  TSNode v = param(e, entry, a, c.param);
  if (ts_node_is_null(v) || vl_py_is(PY(e), v, VL_K_NONE)) return false;
  return c.literal_false ? vl_py_is(PY(e), v, VL_K_FALSE) : true;
}

/* ndim of a shape argument: an int is 1-D, a tuple/list literal of k items is k-D. */
static VlNdim shape_nd(const Env *e, TSNode shape) {
  const VlPy *py = PY(e);
  if (ts_node_is_null(shape)) return vl_nd_exact(0);
  shape = vl_py_unparen(py, shape);
  if (vl_py_is(py, shape, VL_K_TUPLE) || vl_py_is(py, shape, VL_K_LIST)) return vl_nd_exact((int)ts_node_named_child_count(shape));
  if (vl_py_is(py, shape, VL_K_UNARY_OP) || eval(e, shape).type == VL_T_INT) return vl_nd_exact(1);
  return vl_nd_unknown();
}

/* The first element of a sequence literal argument ([a, b] in np.concatenate([a, b])). */
static VlVal first_element(const Env *e, TSNode seq) {
  const VlPy *py = PY(e);
  seq = vl_py_unparen(py, seq);
  if ((vl_py_is(py, seq, VL_K_LIST) || vl_py_is(py, seq, VL_K_TUPLE)) && ts_node_named_child_count(seq) > 0)
    return eval(e, ts_node_named_child(seq, 0));
  return v_unknown();
}

static VlNdim operand_nd(VlVal v) {
  if (v.type == VL_T_SELF) return (VlNdim){0, VL_ND_MAX, true};
  return is_array(v) ? v.nd : vl_nd_unknown();
}

static VlNdim apply_nd(const Env *e, const VlLibEntry *entry, VlNdimSpec spec, VlVal operand, const Args *a,
                       bool method) {
  switch (spec.rule) {
  case VL_ND_UNKNOWN: {
    /* a = np.tile(a, ...): nothing new is known about a's ndim; keep what the other bindings say */
    VlNdim nd = vl_nd_unknown();
    nd.self_ref = operand.type == VL_T_SELF;
    return nd;
  }
  case VL_ND_SAME: return operand_nd(operand);
  case VL_ND_SAME_OR_1: return is_array(operand) || operand.type == VL_T_SELF ? operand_nd(operand) : vl_nd_exact(1);
  case VL_ND_CONST: return vl_nd_exact(spec.n);
  case VL_ND_ARGS: return a->star ? vl_nd_unknown() : vl_nd_exact(a->npos);
  case VL_ND_SHAPE: return shape_nd(e, param(e, entry, a, spec.param));
  case VL_ND_NEWSHAPE: {
    int first = method ? 0 : 1;
    if (a->star || a->npos <= first) return vl_nd_unknown();
    return a->npos - first == 1 ? shape_nd(e, a->pos[first]) : vl_nd_exact(a->npos - first);
  }
  case VL_ND_STACK: {
    VlNdim nd = operand_nd(first_element(e, a->npos ? a->pos[0] : (TSNode){0}));
    if (nd.lo < VL_ND_MAX) nd.lo++;
    if (nd.hi < VL_ND_MAX) nd.hi++;
    return nd;
  }
  case VL_ND_CONCAT: return operand_nd(first_element(e, a->npos ? a->pos[0] : (TSNode){0}));
  case VL_ND_MIN: {
    VlNdim nd = method ? operand_nd(operand) : operand_nd(first_element(e, a->npos ? a->pos[0] : (TSNode){0}));
    if (!method && !is_array(first_element(e, a->npos ? a->pos[0] : (TSNode){0}))) nd = operand_nd(operand);
    if (nd.lo < spec.n) nd.lo = (uint8_t)spec.n;
    if (nd.hi < spec.n) nd.hi = (uint8_t)spec.n;
    nd.self_ref = false;
    return nd;
  }
  }
  return vl_nd_unknown();
}

/* What a library function, method or attribute returns, per its table entry. */
static VlVal apply_entry(const Env *e, const VlLibrary *lib, const VlLibEntry *entry, TSNode call,
                         const Args *a, VlVal receiver, bool method) {
  VlVal operand = method ? receiver : (a->npos ? eval(e, a->pos[0]) : v_unknown());
  VlEffect fx = cond_holds(e, entry, a, entry->effect_cond) ? entry->effect_then : entry->effect_else;
  bool nd_then = cond_holds(e, entry, a, entry->ndim_cond);
  VlNdim nd = apply_nd(e, entry, nd_then ? entry->ndim_then : entry->ndim_else, operand, a, method);
  switch (fx) {
  case VL_FX_VIEW:
    if (operand.type == VL_T_SELF) return operand;
    if (is_array(operand)) {
      VlVal v = view_of(operand, call, nd);
      v.partial |= entry->narrows;
      return v;
    }
    return v_array(VL_O_PRODUCER, lib->id, nd); /* np.asarray(list) makes a new array */
  case VL_FX_COPY: return v_array(VL_O_COPY, lib->id, nd);
  case VL_FX_CONVERT: /* np.array(a) copies a; np.array([...]) makes a new array from Python data */
    return v_array(is_array(operand) || operand.type == VL_T_SELF ? VL_O_COPY : VL_O_PRODUCER, lib->id, nd);
  case VL_FX_PRODUCER: return v_array(VL_O_PRODUCER, lib->id, nd);
  case VL_FX_INT: return v_type(VL_T_INT);
  case VL_FX_SCALAR: return v_type(VL_T_SCALAR);
  case VL_FX_NONE: return v_type(VL_T_NONE);
  case VL_FX_RNG: {
    VlVal v = v_type(VL_T_RNG);
    v.lib = lib->id;
    return v;
  }
  case VL_FX_INDEX: {
    VlVal v = v_type(VL_T_INDEX);
    v.lib = lib->id;
    return v;
  }
  case VL_FX_VIEWS:
    if (is_array(operand) && (operand.origin == VL_O_SAME || operand.origin == VL_O_VIEW)) {
      VlVal v = v_type(VL_T_LIST);
      v.holds_view = true;
      v.base = operand.base;
      v.base_origin = VL_O_SAME;
      v.elem_nd = operand.nd;
      v.view = call;
      v.lib = lib->id;
      v.partial = true; /* each piece is a part */
      return v;
    }
    return v_type(VL_T_LIST);
  case VL_FX_UNKNOWN: break;
  }
  return v_unknown();
}

static const VlLibrary *library_of(const Env *e, VlLibId id) {
  for (size_t i = 0; i < e->f->know->nlibs; i++)
    if (e->f->know->libs[i].id == id) return &e->f->know->libs[i];
  return &e->f->know->libs[0];
}

const VlLibrary *vl_eval_callee(VlFlow *f, const VlScope *scope, TSNode fn, const char **member) {
  const char *q = vl_imports_resolve(f->imports, f->arena, f->py, f->src, fn, scope->node);
  return q ? vl_knowledge_library(f->know, q, member) : NULL;
}

/* list(x) / tuple(x) / deque(x): a container of x's elements. */
static VlVal container_of(const Env *e, VlType type, const Args *a) {
  VlVal out = v_type(type);
  if (a->npos < 1) return out;
  VlVal x = eval(e, a->pos[0]);
  if (is_array(x) && (x.lib == VL_LIBID_TORCH || x.nd.lo >= 2)) {
    VlVal el = view_of(x, a->pos[0], nd_sub(x.nd, 1, 0));
    out.holds_view = el.base != NULL || el.base_origin != VL_O_UNKNOWN;
    out.base = el.base;
    out.base_origin = el.base_origin;
    out.elem_nd = el.nd;
    out.view = a->pos[0];
    out.partial = true; /* rows */
  } else if (is_container(x) && x.holds_view) {
    x.type = type;
    return x;
  }
  return out;
}

static bool listed(const char *const *names, size_t n, const char *name) {
  for (size_t i = 0; name && i < n; i++)
    if (strcmp(names[i], name) == 0) return true;
  return false;
}

/* Project helpers named in the configuration (extend-*-functions), by qualified or bare name. */
static bool extension_call(const Env *e, const char *q, TSNode call, TSNode fn, const Args *a, VlVal *out) {
  const VlLibraryExtensions *x = e->f->ext;
  if (!x) return false;
  const char *bare = vl_py_is(PY(e), fn, VL_K_IDENTIFIER) ? vl_py_text_dup(e->f->arena, e->f->src, fn) : NULL;
  VlVal operand = a->npos ? eval(e, a->pos[0]) : v_unknown();
  if (listed(x->copy, x->ncopy, q) || listed(x->copy, x->ncopy, bare)) {
    *out = v_array(VL_O_COPY, is_array(operand) ? operand.lib : VL_LIBID_NUMPY, vl_nd_unknown());
    out->nd.self_ref = operand.type == VL_T_SELF;
    return true;
  }
  if (listed(x->producer, x->nproducer, q) || listed(x->producer, x->nproducer, bare)) {
    *out = v_array(VL_O_PRODUCER, VL_LIBID_NUMPY, vl_nd_unknown());
    return true;
  }
  if (listed(x->view, x->nview, q) || listed(x->view, x->nview, bare)) {
    if (operand.type == VL_T_SELF) *out = operand;
    else if (is_array(operand)) *out = view_of(operand, call, vl_nd_unknown()), out->partial = true;
    else return false;
    return true;
  }
  return false;
}

/* ---- same-module helpers ----
 * `def pick(a, i): return a[i]` makes `pick(data, i)` a view of data: the helper's return expressions
 * are evaluated with its parameters bound to the caller's argument values (its body's assignments are
 * followed as aliases, like a loop's).  All returns must agree: views of the same array, or new arrays. */

static const VlScope *helper_scope(const Env *e, TSNode fn) {
  const VlPy *py = PY(e);
  for (size_t i = 0; i < e->f->nscopes; i++) {
    const VlScope *s = e->f->scopes[i];
    if (!vl_py_is(py, s->node, VL_K_FUNCTION_DEF) || s->klass) continue;
    if (!vl_py_text_is(e->f->src, vl_py_field(py, s->node, VL_F_NAME), vl_py_text_dup(e->f->arena, e->f->src, fn)))
      continue;
    for (const VlScope *up = e->scope; up; up = up->parent)
      if (up == s->parent) return s;
  }
  return NULL;
}

static void collect_returns(const VlPy *py, TSNode n, TSNode *out, int *count, int cap) {
  if (vl_py_is(py, n, VL_K_FUNCTION_DEF) || vl_py_is(py, n, VL_K_CLASS_DEF) || vl_py_is(py, n, VL_K_LAMBDA)) return;
  if (vl_py_is(py, n, VL_K_RETURN)) {
    if (*count < cap) out[*count] = ts_node_named_child_count(n) ? ts_node_named_child(n, 0) : (TSNode){0};
    (*count)++;
    return;
  }
  for (uint32_t i = 0, c = ts_node_named_child_count(n); i < c; i++) collect_returns(py, ts_node_named_child(n, i), out, count, cap);
}

static bool helper_call(const Env *e, TSNode call, TSNode fn, const Args *a, VlVal *out) {
  const VlPy *py = PY(e);
  if (!vl_py_is(py, fn, VL_K_IDENTIFIER) || e->f->nhelpers >= 8) return false;
  const VlScope *hs = helper_scope(e, fn);
  if (!hs) return false;
  uint32_t id = ts_node_start_byte(hs->node);
  for (int i = 0; i < e->f->nhelpers; i++)
    if (e->f->helpers[i] == id) return false; /* recursive helper */
  TSNode rets[8];
  int nret = 0;
  TSNode body = vl_py_field(py, hs->node, VL_F_BODY);
  collect_returns(py, body, rets, &nret, 8);
  if (nret < 1 || nret > 8) return false;
  /* parameters := caller's arguments */
  Frame frames[16];
  int nf = 0;
  TSNode params = vl_py_field(py, hs->node, VL_F_PARAMETERS);
  const Frame *chain = NULL;
  for (uint32_t i = 0, n = ts_node_named_child_count(params); i < n && nf < 16; i++) {
    TSNode type, name = vl_py_param_name(py, ts_node_named_child(params, i), &type);
    if (ts_node_is_null(name)) return false; /* *args / **kwargs: not summarised */
    char *pname = vl_py_text_dup(e->f->arena, e->f->src, name);
    TSNode arg = keyword(e, a, pname);
    if (ts_node_is_null(arg) && (int)i < a->npos && !a->star) arg = a->pos[i];
    frames[nf] = (Frame){.name = pname, .index = -1, .next = chain, .has_val = true,
                         .val = ts_node_is_null(arg) ? v_unknown() : eval(e, arg)};
    chain = &frames[nf++];
  }
  e->f->helpers[e->f->nhelpers++] = id;
  const VlLoop *as_loop = vl_loop_facts(e->f, hs, hs->node); /* the body's assignments, as aliases */
  Env inner = {e->f, hs, as_loop, chain};
  VlVal acc = v_unknown();
  bool ok = true;
  for (int i = 0; i < nret && ok; i++) {
    VlVal v = ts_node_is_null(rets[i]) ? v_type(VL_T_NONE) : eval(&inner, rets[i]);
    bool fresh = is_array(v) && (v.origin == VL_O_COPY || v.origin == VL_O_PRODUCER);
    if (is_view(v) && v.base && (i == 0 || (is_view(acc) && acc.base && strcmp(acc.base, v.base) == 0))) acc = v;
    else if (fresh && (i == 0 || (is_array(acc) && acc.origin == v.origin))) acc = v;
    else ok = false;
  }
  e->f->nhelpers--;
  if (!ok) return false;
  if (is_view(acc)) acc.view = call;
  *out = acc;
  return true;
}

/* call -> function arguments */
static VlVal eval_call(const Env *e, TSNode n) {
  const VlPy *py = PY(e);
  TSNode fn = vl_py_unparen(py, vl_py_field(py, n, VL_F_FUNCTION));
  Args a = collect_args(e, n);
  const char *member = NULL;
  const char *q = vl_imports_resolve(e->f->imports, e->f->arena, py, e->f->src, fn, e->scope->node);
  VlVal ext;
  if (extension_call(e, q, n, fn, &a, &ext)) return ext;
  if (!q && helper_call(e, n, fn, &a, &ext)) return ext;
  if (q) {
    const VlLibrary *lib = vl_knowledge_library(e->f->know, q, &member);
    const VlLibEntry *entry = lib ? vl_libtable_find(lib->table, VL_LIB_FUNCTION, member) : NULL;
    if (entry) return apply_entry(e, lib, entry, n, &a, v_unknown(), false);
    if ((strcmp(q, "copy.copy") == 0 || strcmp(q, "copy.deepcopy") == 0) && a.npos == 1) {
      VlVal x = eval(e, a.pos[0]);
      return is_array(x) ? v_array(VL_O_COPY, x.lib, x.nd) : v_unknown();
    }
    if (strcmp(q, "collections.deque") == 0) return container_of(e, VL_T_LIST, &a);
    if (strcmp(q, "collections.defaultdict") == 0 || strcmp(q, "collections.OrderedDict") == 0) return v_type(VL_T_DICT);
    if (!vl_py_is(py, fn, VL_K_IDENTIFIER) || !e->f->imports->nstar) return v_unknown();
  }
  if (vl_py_is(py, fn, VL_K_IDENTIFIER)) {
    /* builtins (a local def of the same name would have resolved above as a shadow) */
    static const char *const ints[] = {"len", "int", "ord", "round"};
    static const char *const scalars[] = {"float", "str", "bool", "repr", "hash", "isinstance", "complex"};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
      if (text_is(e, fn, ints[i])) return v_type(VL_T_INT);
    for (size_t i = 0; i < sizeof scalars / sizeof *scalars; i++)
      if (text_is(e, fn, scalars[i])) return v_type(VL_T_SCALAR);
    if (text_is(e, fn, "range")) return v_type(VL_T_RANGE);
    if (text_is(e, fn, "list") || text_is(e, fn, "deque") || text_is(e, fn, "sorted")) return container_of(e, VL_T_LIST, &a);
    if (text_is(e, fn, "tuple")) return container_of(e, VL_T_TUPLE, &a);
    if (text_is(e, fn, "dict") || text_is(e, fn, "defaultdict") || text_is(e, fn, "OrderedDict")) return v_type(VL_T_DICT);
    if (text_is(e, fn, "set")) return v_type(VL_T_SET);
    if (text_is(e, fn, "min") || text_is(e, fn, "max")) {
      for (int i = 0; i < a.npos; i++)
        if (eval(e, a.pos[i]).type != VL_T_INT) return v_unknown();
      return a.npos >= 2 ? v_type(VL_T_INT) : v_unknown();
    }
    return v_unknown();
  }
  if (vl_py_is(py, fn, VL_K_ATTRIBUTE)) {
    VlVal recv = eval(e, vl_py_field(py, fn, VL_F_OBJECT));
    char *name = vl_py_text_dup(e->f->arena, e->f->src, vl_py_field(py, fn, VL_F_ATTRIBUTE));
    if (is_array(recv) || recv.type == VL_T_SELF) {
      const VlLibrary *lib = library_of(e, recv.type == VL_T_SELF ? VL_LIBID_NUMPY : recv.lib);
      const VlLibEntry *entry = vl_libtable_find(lib->table, VL_LIB_METHOD, name);
      if (entry) {
        VlVal r = apply_entry(e, lib, entry, n, &a, recv, true);
        if (recv.type == VL_T_SELF && is_array(r)) r.nd.self_ref = true;
        return r;
      }
    } else if (recv.type == VL_T_RNG) {
      const VlLibrary *lib = library_of(e, recv.lib);
      const VlLibEntry *entry = vl_libtable_find(lib->table, VL_LIB_RNG_METHOD, name);
      if (entry) return apply_entry(e, lib, entry, n, &a, recv, true);
    } else if (recv.type == VL_T_LIST && (strcmp(name, "copy") == 0)) {
      return v_type(VL_T_LIST);
    }
  }
  return v_unknown();
}

/* ---- indexing ---- */

/* subscript -> value '[' subscript (',' subscript)* ']' */
static VlVal eval_subscript(const Env *e, TSNode n) {
  const VlPy *py = PY(e);
  TSNode value_node = vl_py_field(py, n, VL_F_VALUE);
  VlVal v = eval(e, value_node);
  if (v.type == VL_T_SHAPE || v.type == VL_T_RANGE) return v_type(VL_T_INT);
  if (v.type == VL_T_INDEX) return v_array(VL_O_COPY, v.lib, vl_nd_exact(1));
  int ints = 0, slices = 0, nones = 0, count = 0;
  bool ellipsis = false, advanced = false, unknown = false, narrows = false;
  /* a[(i, 0)] is a[i, 0]: a parenthesised tuple as the only index spreads into the indices */
  TSNode holder = n;
  for (uint32_t i = 0, cnt = ts_node_named_child_count(n), k = 0; i < cnt; i++) {
    TSNode c = ts_node_named_child(n, i);
    if (ts_node_eq(c, value_node) || vl_py_is(py, c, VL_K_COMMENT)) continue;
    if (++k == 1 && vl_py_is(py, c, VL_K_TUPLE) && ts_node_named_child_count(n) == 2) holder = c;
  }
  for (uint32_t i = 0, cnt = ts_node_named_child_count(holder); i < cnt; i++) {
    TSNode c = ts_node_named_child(holder, i);
    if (ts_node_eq(c, value_node) || vl_py_is(py, c, VL_K_COMMENT)) continue;
    count++;
    if (vl_py_is(py, c, VL_K_SLICE)) {
      slices++;
      narrows |= slice_narrows(e, c);
    }
    else if (vl_py_is(py, c, VL_K_ELLIPSIS)) ellipsis = true;
    else if (vl_py_is(py, c, VL_K_NONE)) nones++;
    else {
      VlVal iv = eval(e, c);
      if (iv.type == VL_T_INT) ints++;
      else if (is_array(iv) || iv.type == VL_T_LIST || iv.type == VL_T_INDEX || iv.type == VL_T_TUPLE) advanced = true;
      else unknown = true;
    }
  }
  if (is_container(v) && v.holds_view) {
    if (count == 1 && ints == 1 && v.type != VL_T_DICT) return element_view(v, n);
    return v_unknown();
  }
  if (v.type == VL_T_SELF) {
    if (advanced) {
      VlVal r = v_array(VL_O_COPY, VL_LIBID_NUMPY, vl_nd_unknown());
      r.nd.self_ref = true;
      return r;
    }
    return v; /* a = a[1:] is still (a view of) a */
  }
  if (!is_array(v)) return v_unknown();
  if (advanced) return v_array(VL_O_COPY, v.lib, vl_nd_unknown());
  if (count == 1 && unknown) {
    /* a["field"]: a field of a structured array (a view of part of it), or a member of an
     * np.load()ed .npz archive (a new array per access): either way it pins what a pins */
    TSNode idx = vl_py_null();
    for (uint32_t i = 0, cnt = ts_node_named_child_count(n); i < cnt; i++)
      if (!ts_node_eq(ts_node_named_child(n, i), value_node)) idx = ts_node_named_child(n, i);
    if (vl_py_is(py, idx, VL_K_STRING)) {
      VlVal r = view_of(v, n, vl_nd_unknown());
      r.partial = true;
      return r;
    }
  }
  if (unknown) return v_unknown();
  VlNdim nd = nd_sub(v.nd, ints, nones);
  if (ellipsis) nd.hi = VL_ND_MAX;
  nd.self_ref = false;
  narrows |= ints > 0;
  VlVal r;
  const VlLibrary *lib = library_of(e, v.lib);
  if (slices || ellipsis || nones || lib->int_index_is_view || v.nd.lo > ints) {
    r = view_of(v, n, nd);
    r.partial |= narrows;
    return r;
  }
  if (v.nd.hi <= ints) return v_type(VL_T_INT); /* an element: a NumPy scalar */
  return v_unknown();
}

/* ---- containers ---- */

/* Marks `out` as holding the view `el` (a view, or a container holding one). */
static void hold(VlVal *out, VlVal el) {
  if (out->holds_view) return;
  if (is_view(el) || (is_container(el) && el.holds_view)) {
    out->holds_view = true;
    out->base = el.base;
    out->base_origin = el.base_origin;
    out->elem_nd = is_view(el) ? el.nd : el.elem_nd;
    out->view = el.view;
    out->lib = el.lib;
    out->partial = el.partial;
  }
}

static VlVal eval_sequence(const Env *e, TSNode n, VlType type) {
  const VlPy *py = PY(e);
  VlVal out = v_type(type);
  for (uint32_t i = 0, cnt = ts_node_named_child_count(n); i < cnt; i++) {
    TSNode c = ts_node_named_child(n, i);
    if (vl_py_is(py, c, VL_K_COMMENT)) continue;
    if (vl_py_is(py, c, VL_K_PAIR)) {
      hold(&out, eval(e, vl_py_field(py, c, VL_F_VALUE)));
      hold(&out, eval(e, vl_py_field(py, c, VL_F_KEY)));
    } else {
      hold(&out, eval(e, c));
    }
  }
  return out;
}

/* list_comprehension -> '[' body for_in_clause+ if_clause* ']' (likewise generator, set, dict) */
static VlVal eval_comprehension(const Env *e, TSNode n, VlType type) {
  const VlPy *py = PY(e);
  Frame frames[8];
  int nf = 0;
  Env inner = *e;
  for (uint32_t i = 0, cnt = ts_node_named_child_count(n); i < cnt && nf < 8; i++) {
    TSNode c = ts_node_named_child(n, i);
    if (!vl_py_is(py, c, VL_K_FOR_IN_CLAUSE)) continue;
    TSNode left = vl_py_unparen(py, vl_py_field(py, c, VL_F_LEFT)), right = vl_py_field(py, c, VL_F_RIGHT);
    TSNode fn = vl_py_field(py, vl_py_unparen(py, right), VL_F_FUNCTION);
    bool en = vl_py_is(py, vl_py_unparen(py, right), VL_K_CALL) && text_is(e, fn, "enumerate");
    if (vl_py_is(py, left, VL_K_IDENTIFIER)) {
      frames[nf] = (Frame){.name = vl_py_text_dup(e->f->arena, e->f->src, left), .iter = right, .index = -1, .next = inner.frames};
      inner.frames = &frames[nf++];
    } else {
      for (uint32_t j = 0, m = ts_node_named_child_count(left); j < m && nf < 8; j++) {
        TSNode t = ts_node_named_child(left, j);
        if (!vl_py_is(py, t, VL_K_IDENTIFIER)) continue;
        frames[nf] = (Frame){.name = vl_py_text_dup(e->f->arena, e->f->src, t), .iter = right, .index = (int)j, .enumerate = en,
                             .next = inner.frames};
        inner.frames = &frames[nf++];
      }
    }
  }
  TSNode body = vl_py_field(py, n, VL_F_BODY);
  VlVal out = v_type(type);
  if (vl_py_is(py, body, VL_K_PAIR)) {
    hold(&out, eval(&inner, vl_py_field(py, body, VL_F_VALUE)));
    hold(&out, eval(&inner, vl_py_field(py, body, VL_F_KEY)));
  } else {
    hold(&out, eval(&inner, body));
  }
  return out;
}

/* ---- operators ---- */

static VlNdim nd_broadcast(VlNdim a, VlNdim b) {
  return (VlNdim){a.lo > b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi, false};
}

/* binary_operator -> left operator right */
static VlVal eval_binary(const Env *e, TSNode n) {
  const VlPy *py = PY(e);
  VlVal l = eval(e, vl_py_field(py, n, VL_F_LEFT)), r = eval(e, vl_py_field(py, n, VL_F_RIGHT));
  TSNode op = vl_py_field(py, n, VL_F_OPERATOR);
  if (is_array(l) || is_array(r)) {
    VlNdim nd = is_array(l) && is_array(r) ? nd_broadcast(l.nd, r.nd) : is_array(l) ? l.nd : r.nd;
    if (l.type == VL_T_SELF || r.type == VL_T_SELF) nd.self_ref = true;
    else nd.self_ref = false;
    return v_array(VL_O_COPY, is_array(l) ? l.lib : r.lib, nd);
  }
  if (l.type == VL_T_SELF || r.type == VL_T_SELF) return v_type(VL_T_SELF);
  if (l.type == VL_T_INT && r.type == VL_T_INT && !text_is(e, op, "/")) return v_type(VL_T_INT);
  if (text_is(e, op, "*") && ((l.type == VL_T_LIST && r.type == VL_T_INT) || (l.type == VL_T_INT && r.type == VL_T_LIST)))
    return v_type(VL_T_LIST); /* [None] * n */
  if (text_is(e, op, "+") && is_container(l) && l.type == r.type) {
    VlVal out = v_type(l.type);
    hold(&out, l);
    hold(&out, r);
    return out;
  }
  if ((l.type == VL_T_INT || l.type == VL_T_SCALAR) && (r.type == VL_T_INT || r.type == VL_T_SCALAR))
    return v_type(VL_T_SCALAR);
  return v_unknown();
}

static VlVal eval_compare(const Env *e, TSNode n) {
  bool self = false;
  for (uint32_t i = 0, cnt = ts_node_named_child_count(n); i < cnt; i++) {
    VlVal v = eval(e, ts_node_named_child(n, i));
    if (is_array(v)) return v_array(VL_O_COPY, v.lib, (VlNdim){v.nd.lo, v.nd.hi, false});
    if (v.type == VL_T_SELF) self = true;
  }
  return v_type(self ? VL_T_SELF : VL_T_SCALAR);
}

/* ---- dispatch ---- */

static VlVal eval_node(const Env *e, TSNode n) {
  const VlPy *py = PY(e);
  n = vl_py_unparen(py, n);
  if (ts_node_is_null(n)) return v_unknown();
  TSSymbol s = ts_node_symbol(n);
  const TSSymbol *k = py->kind;
  if (s == k[VL_K_INTEGER]) return v_type(VL_T_INT);
  if (s == k[VL_K_FLOAT] || s == k[VL_K_STRING] || s == k[VL_K_CONCAT_STRING] || s == k[VL_K_TRUE] || s == k[VL_K_FALSE])
    return v_type(VL_T_SCALAR);
  if (s == k[VL_K_NONE]) return v_type(VL_T_NONE);
  if (s == k[VL_K_IDENTIFIER]) return eval_key(e, vl_py_text_dup(e->f->arena, e->f->src, n), n);
  if (s == k[VL_K_ATTRIBUTE]) {
    char *key = vl_py_key(e->f->arena, py, e->f->src, n);
    if (key && (vl_scope_owner(e->scope, key) || e->loop)) {
      VlVal v = eval_key(e, key, n);
      if (v.type != VL_T_UNKNOWN) return v;
    }
    TSNode attr = vl_py_field(py, n, VL_F_ATTRIBUTE);
    if (text_is(e, attr, "shape")) return v_type(VL_T_SHAPE);
    if (text_is(e, attr, "ndim") || text_is(e, attr, "size")) return v_type(VL_T_INT);
    VlVal obj = eval(e, vl_py_field(py, n, VL_F_OBJECT));
    if (!is_array(obj) && obj.type != VL_T_SELF) return v_unknown();
    const VlLibrary *lib = library_of(e, obj.type == VL_T_SELF ? VL_LIBID_NUMPY : obj.lib);
    const VlLibEntry *entry = vl_libtable_find(lib->table, VL_LIB_ATTRIBUTE, vl_py_text_dup(e->f->arena, e->f->src, attr));
    if (!entry) return v_unknown();
    Args none = {0};
    return apply_entry(e, lib, entry, n, &none, obj, true);
  }
  if (s == k[VL_K_SUBSCRIPT]) return eval_subscript(e, n);
  if (s == k[VL_K_CALL]) return eval_call(e, n);
  if (s == k[VL_K_BINARY_OP]) return eval_binary(e, n);
  if (s == k[VL_K_UNARY_OP]) {
    VlVal v = eval(e, vl_py_field(py, n, VL_F_ARGUMENT));
    if (is_array(v)) return v_array(VL_O_COPY, v.lib, (VlNdim){v.nd.lo, v.nd.hi, false});
    return v.type == VL_T_INT || v.type == VL_T_SCALAR || v.type == VL_T_SELF ? v_type(v.type) : v_unknown();
  }
  if (s == k[VL_K_COMPARISON]) return eval_compare(e, n);
  if (s == k[VL_K_NOT_OP]) return v_type(VL_T_SCALAR);
  if (s == k[VL_K_LIST]) return eval_sequence(e, n, VL_T_LIST);
  if (s == k[VL_K_TUPLE] || s == k[VL_K_EXPRESSION_LIST]) return eval_sequence(e, n, VL_T_TUPLE);
  if (s == k[VL_K_SET]) return eval_sequence(e, n, VL_T_SET);
  if (s == k[VL_K_DICT]) return eval_sequence(e, n, VL_T_DICT);
  if (s == k[VL_K_LIST_COMP] || s == k[VL_K_GENERATOR]) return eval_comprehension(e, n, VL_T_LIST);
  if (s == k[VL_K_SET_COMP]) return eval_comprehension(e, n, VL_T_SET);
  if (s == k[VL_K_DICT_COMP]) return eval_comprehension(e, n, VL_T_DICT);
  if (s == k[VL_K_CONDITIONAL]) {
    /* a if c else b: a view only when both branches are views of the same array */
    VlVal a = eval(e, ts_node_named_child(n, 0)), b = eval(e, ts_node_named_child(n, 2));
    if (a.type == b.type && a.origin == b.origin && ((!a.base && !b.base) || (a.base && b.base && strcmp(a.base, b.base) == 0)))
      return a;
    return v_unknown();
  }
  return v_unknown();
}

static VlVal eval(const Env *e, TSNode n) {
  if (e->f->depth >= MAX_DEPTH) return v_unknown();
  e->f->depth++;
  VlVal v = eval_node(e, n);
  e->f->depth--;
  return v;
}

VlVal vl_eval(VlFlow *self, const VlScope *scope, const VlLoop *loop, TSNode expr) {
  Env e = {self, scope, loop, NULL};
  return eval(&e, expr);
}

VlVal vl_eval_key(VlFlow *self, const VlScope *scope, const char *key) {
  const VlScope *owner = vl_scope_owner(scope, key);
  return owner ? key_value(self, owner, key) : v_unknown();
}
