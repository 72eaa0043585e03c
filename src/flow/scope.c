/* scope.c: scopes, bindings and shape evidence of one file.
 *
 * Scopes are the module, each function and each class.  A function's free names are looked up in
 * its enclosing scope (a method's enclosing scope skips the class, as in Python); `self.x` chains in
 * a method are looked up in all methods of its class.  Lambdas and comprehensions bind nothing here. */
#include <string.h>

#include "base/vec.h"
#include "flow/flow_internal.h"

typedef struct Builder {
  VlFlow *flow;
  VL_VEC(VlScope *) scopes;
} Builder;

typedef struct ScopeBuild {
  VlScope *scope;
  struct ScopeBuild *klass; /* methods: the class being built, which also collects self.* facts */
  VL_VEC(VlBinding) bindings;
  VL_VEC(VlUse) uses;
  VL_VEC(TSNode) loops;
} ScopeBuild;

static void walk(Builder *b, ScopeBuild *sb, TSNode node);

static void add_binding(ScopeBuild *sb, VlFlow *f, TSNode target, VlBindKind kind, TSNode value, int unpack,
                        bool enumerate, TSNode stmt, TSNode loop) {
  char *key = vl_py_key(f->arena, f->py, f->src, target);
  if (!key) return;
  VlBinding bd = {key, kind, target, value, unpack, enumerate, stmt, loop};
  VL_VEC_PUSH(&sb->bindings, bd);
  if (sb->klass && strncmp(key, "self.", 5) == 0) VL_VEC_PUSH(&sb->klass->bindings, bd);
}

/* Binds target := value, pairing tuple targets with tuple values element by element. */
static void bind_targets(ScopeBuild *sb, VlFlow *f, TSNode target, TSNode value, TSNode stmt) {
  const VlPy *py = f->py;
  target = vl_py_unparen(py, target);
  TSNode v = vl_py_unparen(py, value);
  if (!vl_py_is_target_list(py, target)) {
    add_binding(sb, f, target, VL_BIND_ASSIGN, value, -1, false, stmt, (TSNode){0});
    return;
  }
  uint32_t n = ts_node_named_child_count(target);
  bool paired = (vl_py_is(py, v, VL_K_EXPRESSION_LIST) || vl_py_is(py, v, VL_K_TUPLE) || vl_py_is(py, v, VL_K_LIST)) &&
                ts_node_named_child_count(v) == n;
  for (uint32_t i = 0; i < n; i++) {
    TSNode t = ts_node_named_child(target, i);
    if (paired) bind_targets(sb, f, t, ts_node_named_child(v, i), stmt);
    else if (!vl_py_is_target_list(py, vl_py_unparen(py, t)))
      add_binding(sb, f, t, VL_BIND_ASSIGN, value, (int)i, false, stmt, (TSNode){0});
  }
}

/* for_statement -> 'async'? 'for' left 'in' right ':' body else? */
static void bind_for(ScopeBuild *sb, VlFlow *f, TSNode loop) {
  const VlPy *py = f->py;
  TSNode left = vl_py_unparen(py, vl_py_field(py, loop, VL_F_LEFT));
  TSNode right = vl_py_field(py, loop, VL_F_RIGHT);
  if (!vl_py_is_target_list(py, left)) {
    add_binding(sb, f, left, VL_BIND_FOR, right, -1, false, loop, loop);
    return;
  }
  TSNode fn = vl_py_field(py, vl_py_unparen(py, right), VL_F_FUNCTION);
  bool enumerate = vl_py_is(py, vl_py_unparen(py, right), VL_K_CALL) && vl_py_text_is(f->src, fn, "enumerate");
  for (uint32_t i = 0, n = ts_node_named_child_count(left); i < n; i++)
    add_binding(sb, f, ts_node_named_child(left, i), VL_BIND_FOR, right, (int)i, enumerate, loop, loop);
}

/* parameters -> '(' parameter (',' parameter)* ')' */
static void bind_params(ScopeBuild *sb, VlFlow *f, TSNode params) {
  for (uint32_t i = 0, n = ts_node_named_child_count(params); i < n; i++) {
    TSNode p = ts_node_named_child(params, i), type;
    TSNode name = vl_py_param_name(f->py, p, &type);
    if (!ts_node_is_null(name)) add_binding(sb, f, name, VL_BIND_PARAM, type, -1, false, p, (TSNode){0});
  }
}

static void add_use(ScopeBuild *sb, VlFlow *f, TSNode expr, int lo) {
  char *key = vl_py_key(f->arena, f->py, f->src, expr);
  if (!key || lo < 2) return;
  VlUse u = {key, (uint8_t)(lo > VL_ND_MAX ? VL_ND_MAX : lo)};
  VL_VEC_PUSH(&sb->uses, u);
  if (sb->klass && strncmp(key, "self.", 5) == 0) VL_VEC_PUSH(&sb->klass->uses, u);
}

/* An integer literal as an axis or dimension number (clamped), or -1. */
static int small_int(const VlFlow *f, TSNode n) {
  long v = vl_py_int_literal(f->py, f->src, n);
  return v > 1000 ? 1000 : (int)v;
}

/* Shape evidence: `a[:, 4]`/`a[0, :4]` (a has >= 2 dims), `a.shape[1]`, `f(a, axis=1)`, `a.m(axis=1)`. */
static void record_uses(ScopeBuild *sb, VlFlow *f, TSNode node) {
  const VlPy *py = f->py;
  if (vl_py_is(py, node, VL_K_SUBSCRIPT)) {
    TSNode value = vl_py_unparen(py, vl_py_field(py, node, VL_F_VALUE));
    int dims = 0;
    bool ellipsis = false;
    for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; i++) {
      TSNode c = ts_node_named_child(node, i);
      if (ts_node_eq(c, vl_py_field(py, node, VL_F_VALUE)) || vl_py_is(py, c, VL_K_COMMENT)) continue;
      if (vl_py_is(py, c, VL_K_ELLIPSIS)) ellipsis = true;
      else if (!vl_py_is(py, c, VL_K_NONE)) dims++;
    }
    if (!ellipsis) add_use(sb, f, value, dims);
    /* a.shape[k] */
    if (vl_py_is(py, value, VL_K_ATTRIBUTE) && vl_py_text_is(f->src, vl_py_field(py, value, VL_F_ATTRIBUTE), "shape")) {
      int k = small_int(f, vl_py_field(py, node, VL_F_SUBSCRIPT));
      if (k >= 0) add_use(sb, f, vl_py_field(py, value, VL_F_OBJECT), k + 1);
    }
  } else if (vl_py_is(py, node, VL_K_CALL)) {
    TSNode args = vl_py_field(py, node, VL_F_ARGUMENTS);
    if (!vl_py_is(py, args, VL_K_ARG_LIST)) return;
    int axis = -1;
    TSNode first = {0};
    for (uint32_t i = 0, n = ts_node_named_child_count(args); i < n; i++) {
      TSNode a = ts_node_named_child(args, i);
      if (vl_py_is(py, a, VL_K_KEYWORD_ARG)) {
        if (vl_py_text_is(f->src, vl_py_field(py, a, VL_F_NAME), "axis")) axis = small_int(f, vl_py_field(py, a, VL_F_VALUE));
      } else if (ts_node_is_null(first) && !vl_py_is(py, a, VL_K_COMMENT)) {
        first = a;
      }
    }
    if (axis < 1) return;
    TSNode fn = vl_py_field(py, node, VL_F_FUNCTION);
    TSNode obj = vl_py_field(py, fn, VL_F_OBJECT);
    bool function = !vl_py_is(py, fn, VL_K_ATTRIBUTE) ||
                    vl_imports_resolve(f->imports, f->arena, py, f->src, obj, sb->scope->node) != NULL;
    if (!function) add_use(sb, f, obj, axis + 1);                     /* a.sum(axis=1): a */
    else if (!ts_node_is_null(first)) add_use(sb, f, first, axis + 1); /* np.sum(a, axis=1): a */
  }
}

static VlScope *new_scope(Builder *b, TSNode node, VlScope *parent, VlScope *klass) {
  VlScope *s = VL_ARENA_NEW(b->flow->arena, VlScope);
  s->node = node;
  s->parent = parent;
  s->klass = klass;
  VL_VEC_PUSH(&b->scopes, s);
  return s;
}

static void finish_scope(Builder *b, ScopeBuild *sb) {
  VlArena *a = b->flow->arena;
  VlScope *s = sb->scope;
  s->nbindings = sb->bindings.len;
  s->bindings = VL_ARENA_ARRAY(a, VlBinding, s->nbindings);
  if (s->nbindings) memcpy(s->bindings, sb->bindings.items, s->nbindings * sizeof(VlBinding));
  s->nuses = sb->uses.len;
  s->uses = VL_ARENA_ARRAY(a, VlUse, s->nuses);
  if (s->nuses) memcpy(s->uses, sb->uses.items, s->nuses * sizeof(VlUse));
  s->nloops = sb->loops.len;
  s->loops = VL_ARENA_ARRAY(a, TSNode, s->nloops);
  if (s->nloops) memcpy(s->loops, sb->loops.items, s->nloops * sizeof(TSNode));
  s->memo = vl_memo_new(a, s);
  VL_VEC_FREE(&sb->bindings);
  VL_VEC_FREE(&sb->uses);
  VL_VEC_FREE(&sb->loops);
}

/* Builds the scope of a function or class body, then returns to the enclosing walk. */
static void nested_scope(Builder *b, ScopeBuild *outer, TSNode def) {
  VlFlow *f = b->flow;
  const VlPy *py = f->py;
  bool is_class = vl_py_is(py, def, VL_K_CLASS_DEF);
  add_binding(outer, f, vl_py_field(py, def, VL_F_NAME), VL_BIND_OTHER, (TSNode){0}, -1, false, def, (TSNode){0});
  VlScope *enclosing = outer->scope;
  ScopeBuild *klass = NULL;
  if (!is_class && vl_py_is(py, enclosing->node, VL_K_CLASS_DEF)) {
    klass = outer;
    enclosing = enclosing->parent;
  }
  ScopeBuild sb = {new_scope(b, def, enclosing, klass ? klass->scope : NULL), klass, {0}, {0}, {0}};
  if (!is_class) bind_params(&sb, f, vl_py_field(py, def, VL_F_PARAMETERS));
  walk(b, &sb, vl_py_field(py, def, VL_F_BODY));
  finish_scope(b, &sb);
}

static void walk(Builder *b, ScopeBuild *sb, TSNode node) {
  VlFlow *f = b->flow;
  const VlPy *py = f->py;
  if (ts_node_is_null(node)) return;
  if (vl_py_is(py, node, VL_K_FUNCTION_DEF) || vl_py_is(py, node, VL_K_CLASS_DEF)) { nested_scope(b, sb, node); return; }
  if (vl_py_is(py, node, VL_K_LAMBDA)) return;
  if (vl_py_is(py, node, VL_K_ASSIGNMENT)) {
    /* a = b = value: assignment(left=a, right=assignment(left=b, right=value)) */
    TSNode value = node;
    while (vl_py_is(py, value, VL_K_ASSIGNMENT)) value = vl_py_field(py, value, VL_F_RIGHT);
    if (!ts_node_is_null(value))
      for (TSNode a = node; vl_py_is(py, a, VL_K_ASSIGNMENT); a = vl_py_field(py, a, VL_F_RIGHT))
        bind_targets(sb, f, vl_py_field(py, a, VL_F_LEFT), value, node);
  } else if (vl_py_is(py, node, VL_K_FOR)) {
    bind_for(sb, f, node);
    VL_VEC_PUSH(&sb->loops, node);
  } else if (vl_py_is(py, node, VL_K_WHILE)) {
    VL_VEC_PUSH(&sb->loops, node);
  } else if (vl_py_is(py, node, VL_K_WITH_ITEM)) {
    /* with_item -> as_pattern(expression, alias: as_pattern_target(target)) binds target := expression */
    TSNode as = vl_py_field(py, node, VL_F_VALUE);
    TSNode alias = vl_py_is(py, as, VL_K_AS_PATTERN) ? vl_py_field(py, as, VL_F_ALIAS) : vl_py_null();
    if (!ts_node_is_null(alias) && ts_node_named_child_count(alias) == 1)
      bind_targets(sb, f, ts_node_named_child(alias, 0), ts_node_named_child(as, 0), node);
  }
  record_uses(sb, f, node);
  TSTreeCursor c = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&c);
      if (ts_node_is_named(child)) walk(b, sb, child);
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

void vl_flow_build(VlFlow *self) {
  Builder b = {self, {0}};
  ScopeBuild sb = {new_scope(&b, self->root, NULL, NULL), NULL, {0}, {0}, {0}};
  walk(&b, &sb, self->root);
  finish_scope(&b, &sb);
  self->nscopes = b.scopes.len;
  self->scopes = VL_ARENA_ARRAY(self->arena, VlScope *, b.scopes.len);
  memcpy(self->scopes, b.scopes.items, b.scopes.len * sizeof(VlScope *));
  VL_VEC_FREE(&b.scopes);
}

size_t vl_scope_bindings_of(const VlScope *scope, const char *key, const VlBinding **out, size_t cap) {
  const VlKeyInfo *k = vl_memo_key(scope->memo, key);
  if (!k) return 0;
  for (size_t i = 0; i < k->nbindings && i < cap; i++) out[i] = k->bindings[i];
  return k->nbindings;
}

uint8_t vl_scope_use_lo(const VlScope *scope, const char *key) {
  const VlKeyInfo *k = vl_memo_key(scope->memo, key);
  return k ? k->use_lo : 0;
}

const VlScope *vl_scope_owner(const VlScope *scope, const char *key) {
  /* self.* attributes belong to the class: every method's assignments count. */
  if (scope->klass && strncmp(key, "self.", 5) == 0 && vl_memo_key(scope->klass->memo, key)) return scope->klass;
  for (const VlScope *s = scope; s; s = s->parent)
    if (vl_memo_key(s->memo, key)) return s;
  return NULL;
}
