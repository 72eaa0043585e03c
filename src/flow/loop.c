/* loop.c: the facts of one loop.
 *
 * Bindings made in the loop body are the scope's bindings that lie inside the body (the loop's own
 * target is bound once per iteration from an iterator created before the loop, so it is left out).
 * Stores are the ways a value reaches a container that can outlive the iteration:
 *
 *   c.append(v)  c.appendleft(v)  c.insert(i, v)       store v
 *   c.extend(xs)  c.extendleft(xs)                      store each element of xs
 *   c += [v] / c += (v,)   c = c + [v]   c = [v] + c    store each element of the other side
 *   c[k] = v                                            store v (if c is a list or dict)
 *   c.setdefault(k, v)                                  store v
 *   heapq.heappush(c, v)                                store v
 *
 * Nested def, class and lambda bodies are never entered. */
#include <string.h>

#include "base/vec.h"
#include "flow/flow_internal.h"

typedef struct Walker {
  VlFlow *f;
  const VlScope *scope;
  VL_VEC(VlStore) stores;
} Walker;

static void add_store(Walker *w, VlStoreKind kind, TSNode container, TSNode value, TSNode stmt) {
  char *key = vl_py_key(w->f->arena, w->f->py, w->f->src, container);
  if (!key || ts_node_is_null(value)) return;
  VlStore s = {.kind = kind, .container = key, .container_node = container, .value = value, .stmt = stmt};
  if (kind == VL_STORE_SETITEM) s.slot = ts_node_parent(container);
  VL_VEC_PUSH(&w->stores, s);
}

/* call -> c.method(args) or heappush(c, v) */
static void call_store(Walker *w, TSNode call) {
  const VlPy *py = w->f->py;
  TSNode fn = vl_py_unparen(py, vl_py_field(py, call, VL_F_FUNCTION));
  TSNode args = vl_py_field(py, call, VL_F_ARGUMENTS);
  if (!vl_py_is(py, args, VL_K_ARG_LIST)) return;
  TSNode obj = vl_py_field(py, fn, VL_F_OBJECT);
  /* np.append(...) is a library call, not a store into a container named np */
  if (vl_py_is(py, fn, VL_K_ATTRIBUTE) && !vl_imports_resolve(w->f->imports, w->f->arena, py, w->f->src, obj, w->scope->node)) {
    static const struct { const char *name; VlStoreKind kind; uint32_t arg; } methods[] = {
        {"append", VL_STORE_APPEND, 0},         {"appendleft", VL_STORE_APPEND, 0},
        {"extend", VL_STORE_EXTEND, 0},         {"extendleft", VL_STORE_EXTEND, 0},
        {"insert", VL_STORE_INSERT, 1},         {"setdefault", VL_STORE_SETDEFAULT, 1}};
    TSNode attr = vl_py_field(py, fn, VL_F_ATTRIBUTE);
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
      if (vl_py_text_is(w->f->src, attr, methods[i].name)) {
        add_store(w, methods[i].kind, vl_py_field(py, fn, VL_F_OBJECT), vl_py_positional(py, args, methods[i].arg), call);
        return;
      }
  }
  const char *q = vl_imports_resolve(w->f->imports, w->f->arena, py, w->f->src, fn, w->scope->node);
  if (q && strcmp(q, "heapq.heappush") == 0)
    add_store(w, VL_STORE_HEAPPUSH, vl_py_positional(py, args, 0), vl_py_positional(py, args, 1), call);
}

static void walk(Walker *w, TSNode node) {
  const VlPy *py = w->f->py;
  if (vl_py_is(py, node, VL_K_FUNCTION_DEF) || vl_py_is(py, node, VL_K_CLASS_DEF) || vl_py_is(py, node, VL_K_LAMBDA))
    return;
  if (vl_py_is(py, node, VL_K_CALL)) {
    call_store(w, node);
  } else if (vl_py_is(py, node, VL_K_AUG_ASSIGNMENT)) {
    /* augmented_assignment -> left operator right; only `+=` appends */
    if (vl_py_text_is(w->f->src, vl_py_field(py, node, VL_F_OPERATOR), "+="))
      add_store(w, VL_STORE_AUGADD, vl_py_field(py, node, VL_F_LEFT), vl_py_field(py, node, VL_F_RIGHT), node);
  } else if (vl_py_is(py, node, VL_K_ASSIGNMENT)) {
    TSNode left = vl_py_unparen(py, vl_py_field(py, node, VL_F_LEFT));
    TSNode right = vl_py_unparen(py, vl_py_field(py, node, VL_F_RIGHT));
    if (vl_py_is(py, left, VL_K_SUBSCRIPT)) {
      /* c[k] = v */
      add_store(w, VL_STORE_SETITEM, vl_py_field(py, left, VL_F_VALUE), right, node);
    } else if (vl_py_is(py, right, VL_K_BINARY_OP) && vl_py_text_is(w->f->src, vl_py_field(py, right, VL_F_OPERATOR), "+")) {
      /* c = c + [v]  or  c = [v] + c */
      VlArena *a = w->f->arena;
      TSNode l = vl_py_field(py, right, VL_F_LEFT), r = vl_py_field(py, right, VL_F_RIGHT);
      char *tk = vl_py_key(a, py, w->f->src, left), *lk = vl_py_key(a, py, w->f->src, l), *rk = vl_py_key(a, py, w->f->src, r);
      if (tk && lk && strcmp(tk, lk) == 0) add_store(w, VL_STORE_CONCAT, left, r, node);
      else if (tk && rk && strcmp(tk, rk) == 0) add_store(w, VL_STORE_CONCAT, left, l, node);
    }
  }
  TSTreeCursor c = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&c);
      if (ts_node_is_named(child)) walk(w, child);
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
}

static VlLoop *compute_facts(VlFlow *self, const VlScope *scope, TSNode loop) {
  VlLoop *l = VL_ARENA_NEW(self->arena, VlLoop);
  l->node = loop;
  l->scope = scope;
  TSNode body = vl_py_field(self->py, loop, VL_F_BODY);
  uint32_t start = ts_node_start_byte(body), end = ts_node_end_byte(body);
  size_t n = 0;
  for (size_t i = 0; i < scope->nbindings; i++) {
    const VlBinding *b = &scope->bindings[i];
    uint32_t at = ts_node_start_byte(b->target);
    if (at >= start && at < end && !ts_node_eq(b->loop, loop)) n++;
  }
  l->bindings = VL_ARENA_ARRAY(self->arena, VlBinding, n ? n : 1);
  for (size_t i = 0; i < scope->nbindings; i++) {
    const VlBinding *b = &scope->bindings[i];
    uint32_t at = ts_node_start_byte(b->target);
    if (at >= start && at < end && !ts_node_eq(b->loop, loop)) l->bindings[l->nbindings++] = *b;
  }
  Walker w = {self, scope, {0}};
  walk(&w, body);
  l->nstores = w.stores.len;
  l->stores = VL_ARENA_ARRAY(self->arena, VlStore, l->nstores ? l->nstores : 1);
  if (l->nstores) memcpy(l->stores, w.stores.items, l->nstores * sizeof(VlStore));
  VL_VEC_FREE(&w.stores);
  return l;
}

bool vl_loop_creates(const VlFlow *self, const VlLoop *loop, const char *container) {
  for (size_t i = 0; i < loop->nbindings; i++) {
    const VlBinding *b = &loop->bindings[i];
    if (strcmp(b->key, container) != 0) continue;
    /* c = c + [...] (or [...] + c) re-binds c to a longer list that still holds everything */
    TSNode v = vl_py_unparen(self->py, b->value);
    if (b->kind == VL_BIND_ASSIGN && vl_py_is(self->py, v, VL_K_BINARY_OP)) {
      char *l = vl_py_key(self->arena, self->py, self->src, vl_py_field(self->py, v, VL_F_LEFT));
      char *r = vl_py_key(self->arena, self->py, self->src, vl_py_field(self->py, v, VL_F_RIGHT));
      if ((l && strcmp(l, container) == 0) || (r && strcmp(r, container) == 0)) continue;
    }
    return true;
  }
  return false;
}

static bool varies(const VlFlow *self, const VlLoop *loop, TSNode n) {
  const VlPy *py = self->py;
  if (vl_py_is(py, n, VL_K_CALL)) return true;
  const char *k = vl_py_key(self->arena, py, self->src, n);
  if (k) {
    if (vl_py_is(py, loop->node, VL_K_FOR)) {
      TSNode target = vl_py_field(py, loop->node, VL_F_LEFT);
      for (uint32_t i = 0, c = ts_node_named_child_count(target); i <= c; i++) {
        TSNode t = i == c ? target : ts_node_named_child(target, i);
        const char *tk = vl_py_key(self->arena, py, self->src, t);
        if (tk && strcmp(tk, k) == 0) return true;
      }
    }
    for (size_t i = 0; i < loop->nbindings; i++)
      if (strcmp(loop->bindings[i].key, k) == 0) return true;
    if (!vl_py_is(py, n, VL_K_ATTRIBUTE)) return false;
  }
  for (uint32_t i = 0, c = ts_node_named_child_count(n); i < c; i++)
    if (varies(self, loop, ts_node_named_child(n, i))) return true;
  return false;
}

bool vl_loop_varies(const VlFlow *self, const VlLoop *loop, TSNode expr) {
  return !ts_node_is_null(expr) && varies(self, loop, expr);
}

const VlLoop *vl_loop_facts(VlFlow *self, const VlScope *scope, TSNode loop) {
  VlScope *s = (VlScope *)scope; /* the caches are the scope's own, filled on first use */
  if (ts_node_eq(loop, s->node)) {
    if (!s->body_facts) s->body_facts = compute_facts(self, scope, loop);
    return s->body_facts;
  }
  for (size_t i = 0; i < s->nloops; i++)
    if (ts_node_eq(s->loops[i], loop)) {
      if (!s->loop_facts) s->loop_facts = VL_ARENA_ARRAY(self->arena, VlLoop *, s->nloops);
      if (!s->loop_facts[i]) s->loop_facts[i] = compute_facts(self, scope, loop);
      return s->loop_facts[i];
    }
  return compute_facts(self, scope, loop);
}

bool vl_flow_mentions(const VlFlow *self, TSNode n, const char *key) {
  const char *k = vl_py_key(self->arena, self->py, self->src, n);
  if (k && strcmp(k, key) == 0) return true;
  for (uint32_t i = 0, c = ts_node_named_child_count(n); i < c; i++)
    if (vl_flow_mentions(self, ts_node_named_child(n, i), key)) return true;
  return false;
}
