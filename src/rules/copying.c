#include "rules/copying.h"

#include <string.h>

#include "base/vec.h"

/* Is `key` the operand the entry grows or shrinks?  seq: an item of the first argument's list/tuple
 * (or of np.r_[...]'s index); first: the first argument itself. */
static bool self_operand(VlFlow *f, TSNode first, bool seq, const char *key) {
  const VlPy *py = f->py;
  first = vl_py_unparen(py, first);
  if (ts_node_is_null(first)) return false;
  if (!seq) {
    const char *k = vl_py_key(f->arena, py, f->src, first);
    return k && strcmp(k, key) == 0;
  }
  if (!(vl_py_is(py, first, VL_K_LIST) || vl_py_is(py, first, VL_K_TUPLE))) return false;
  for (uint32_t i = 0, n = ts_node_named_child_count(first); i < n; i++) {
    const char *k = vl_py_key(f->arena, py, f->src, ts_node_named_child(first, i));
    if (k && strcmp(k, key) == 0) return true;
  }
  return false;
}

static TSNode first_positional(const VlPy *py, TSNode args) {
  for (uint32_t i = 0, n = ts_node_named_child_count(args); i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (!vl_py_is(py, a, VL_K_KEYWORD_ARG) && !vl_py_is(py, a, VL_K_COMMENT)) return a;
  }
  return (TSNode){0};
}

/* The entry of a call (or np.r_[...] subscript) and its growing operand; NULL if none. */
static const VlLibEntry *entry_of(VlFlow *f, const VlScope *scope, TSNode value, TSNode *operand, VlLibId *lib_id) {
  const VlPy *py = f->py;
  value = vl_py_unparen(py, value);
  const char *member;
  const VlLibrary *lib = NULL;
  if (vl_py_is(py, value, VL_K_CALL)) {
    lib = vl_eval_callee(f, scope, vl_py_field(py, value, VL_F_FUNCTION), &member);
    TSNode args = vl_py_field(py, value, VL_F_ARGUMENTS);
    *operand = vl_py_is(py, args, VL_K_ARG_LIST) ? first_positional(py, args) : (TSNode){0};
  } else if (vl_py_is(py, value, VL_K_SUBSCRIPT)) { /* np.r_[acc, x]: the index is the sequence */
    lib = vl_eval_callee(f, scope, vl_py_field(py, value, VL_F_VALUE), &member);
    *operand = value; /* its named children after the value are the items */
  }
  if (!lib) return NULL;
  *lib_id = lib->id;
  return vl_libtable_find(lib->table, VL_LIB_FUNCTION, member);
}

static bool subscript_items_have(VlFlow *f, TSNode sub, const char *key) {
  TSNode value = vl_py_field(f->py, sub, VL_F_VALUE);
  for (uint32_t i = 0, n = ts_node_named_child_count(sub); i < n; i++) {
    TSNode c = ts_node_named_child(sub, i);
    if (ts_node_eq(c, value)) continue;
    const char *k = vl_py_key(f->arena, f->py, f->src, c);
    if (k && strcmp(k, key) == 0) return true;
  }
  return false;
}

/* Another binding of `key` made on every iteration (a statement directly in the loop body) that is
 * not itself a growing/shrinking call resets it.  A conditional one (`if acc is None: acc = x`)
 * only starts the accumulator. */
static bool reset_in_loop(VlFlow *f, const VlLoop *loop, const VlBinding *self) {
  TSNode body = vl_py_field(f->py, loop->node, VL_F_BODY);
  for (size_t i = 0; i < loop->nbindings; i++) {
    const VlBinding *b = &loop->bindings[i];
    if (b == self || strcmp(b->key, self->key) != 0 || ts_node_eq(b->stmt, self->stmt)) continue;
    TSNode stmt = b->stmt;
    while (!ts_node_is_null(stmt) && vl_py_is(f->py, ts_node_parent(stmt), VL_K_EXPR_STMT)) stmt = ts_node_parent(stmt);
    if (vl_py_is(f->py, stmt, VL_K_ASSIGNMENT)) stmt = ts_node_parent(stmt); /* expression_statement */
    if (!ts_node_eq(ts_node_parent(stmt), body)) continue; /* conditional: not every iteration */
    TSNode op;
    VlLibId lib;
    const VlLibEntry *e = b->kind == VL_BIND_ASSIGN ? entry_of(f, loop->scope, b->value, &op, &lib) : NULL;
    if (!e || !(e->grows || e->shrinks)) return true;
  }
  return false;
}

void vl_self_copy_scan(VlRuleCtx *ctx, VlSelfCopyKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlSelfCopy *hit)) {
  VlFlow *f = ctx->flow;
  VL_VEC(uint32_t) seen = {0};
  for (size_t s = 0; s < f->nscopes; s++) {
    const VlScope *scope = f->scopes[s];
    for (size_t l = 0; l < scope->nloops; l++) {
      const VlLoop *loop = vl_loop_facts(f, scope, scope->loops[l]);
      for (size_t i = 0; i < loop->nbindings; i++) {
        const VlBinding *b = &loop->bindings[i];
        if (b->kind != VL_BIND_ASSIGN || b->unpack >= 0) continue;
        /* the value, or each branch of `x if c else y` */
        TSNode cands[2] = {vl_py_unparen(f->py, b->value), vl_py_null()};
        if (vl_py_is(f->py, cands[0], VL_K_CONDITIONAL)) {
          TSNode cond = cands[0];
          cands[0] = vl_py_unparen(f->py, ts_node_named_child(cond, 0));
          cands[1] = vl_py_unparen(f->py, ts_node_named_child(cond, 2));
        }
        for (int c = 0; c < 2 && !ts_node_is_null(cands[c]); c++) {
          TSNode v = cands[c], op;
          VlLibId lib;
          const VlLibEntry *e = entry_of(f, scope, v, &op, &lib);
          if (!e) continue;
          bool hit;
          if (kind == VL_SELF_GROWS)
            hit = e->grows && (vl_py_is(f->py, v, VL_K_SUBSCRIPT) ? subscript_items_have(f, v, b->key)
                                                                  : self_operand(f, op, e->grows == VL_GROW_SEQ, b->key));
          else
            hit = e->shrinks && self_operand(f, op, false, b->key);
          if (!hit || reset_in_loop(f, loop, b)) continue;
          uint32_t byte = ts_node_start_byte(v);
          bool dup = false;
          for (size_t k = 0; k < seen.len; k++) dup |= seen.items[k] == byte;
          if (dup) continue;
          VL_VEC_PUSH(&seen, byte);
          TSNode fn = vl_py_is(f->py, v, VL_K_CALL) ? vl_py_field(f->py, v, VL_F_FUNCTION) : vl_py_field(f->py, v, VL_F_VALUE);
          VlSelfCopy h = {scope, loop, b, v, vl_py_text_dup(f->arena, f->src, fn), lib};
          on_hit(ctx, &h);
        }
      }
    }
  }
  VL_VEC_FREE(&seen);
}
