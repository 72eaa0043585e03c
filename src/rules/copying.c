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

/* The entry of a call (or np.r_[...] subscript) and its growing operand; NULL if none. */
static const VlLibEntry *entry_of(VlFlow *f, const VlScope *scope, TSNode value, TSNode *operand, VlLibId *lib_id) {
  const VlPy *py = f->py;
  value = vl_py_unparen(py, value);
  const char *member;
  const VlLibrary *lib = NULL;
  if (vl_py_is(py, value, VL_K_CALL)) {
    lib = vl_eval_callee(f, scope, vl_py_field(py, value, VL_F_FUNCTION), &member);
    TSNode args = vl_py_field(py, value, VL_F_ARGUMENTS);
    *operand = vl_py_is(py, args, VL_K_ARG_LIST) ? vl_py_positional(py, args, 0) : (TSNode){0};
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


static bool block_assigns(VlFlow *f, TSNode block, const char *key);

/* Does executing `stmt` always leave `key` bound to a value that does not come from a previous
 * iteration?  assignment (not mentioning key) -> yes; if/elif/else -> when every branch does and
 * there is an else; with -> when its body does; loops and try -> no (they may not run, or stop). */
static bool definitely_assigns(VlFlow *f, TSNode stmt, const char *key) {
  const VlPy *py = f->py;
  if (vl_py_is(py, stmt, VL_K_EXPR_STMT) && ts_node_named_child_count(stmt) == 1) stmt = ts_node_named_child(stmt, 0);
  if (vl_py_is(py, stmt, VL_K_ASSIGNMENT)) {
    TSNode value = vl_py_field(py, stmt, VL_F_RIGHT);
    if (ts_node_is_null(value) || vl_flow_mentions(f, value, key)) return false;
    /* the target, or one of a tuple target's names (classes_k, y_k = np.unique(...)); not a[i] = v */
    TSNode left = vl_py_unparen(py, vl_py_field(py, stmt, VL_F_LEFT));
    uint32_t n = vl_py_is_target_list(py, left) ? ts_node_named_child_count(left) : 0;
    for (uint32_t i = 0; i <= n; i++) {
      const char *k = vl_py_key(f->arena, py, f->src, i == n ? left : ts_node_named_child(left, i));
      if (k && strcmp(k, key) == 0) return true;
    }
    return false;
  }
  if (vl_py_is(py, stmt, VL_K_WITH)) return block_assigns(f, vl_py_field(py, stmt, VL_F_BODY), key);
  if (vl_py_is(py, stmt, VL_K_IF)) {
    if (!block_assigns(f, vl_py_field(py, stmt, VL_F_CONSEQUENCE), key)) return false;
    bool has_else = false;
    for (uint32_t i = 0, c = ts_node_named_child_count(stmt); i < c; i++) {
      TSNode alt = ts_node_named_child(stmt, i);
      if (vl_py_is(py, alt, VL_K_ELIF) && !block_assigns(f, vl_py_field(py, alt, VL_F_CONSEQUENCE), key)) return false;
      if (vl_py_is(py, alt, VL_K_ELSE)) {
        has_else = true;
        if (!block_assigns(f, vl_py_field(py, alt, VL_F_BODY), key)) return false;
      }
    }
    return has_else;
  }
  return false;
}

static bool block_assigns(VlFlow *f, TSNode block, const char *key) {
  for (uint32_t i = 0, c = ts_node_named_child_count(block); i < c; i++)
    if (definitely_assigns(f, ts_node_named_child(block, i), key)) return true;
  return false;
}

/* The accumulator does not carry over between iterations when a statement of the loop body other
 * than the one holding the self-copy always rebinds it (`acc = np.empty(0)` first or last, or an
 * if/else that sets it in every branch).  `if acc is None: acc = x` only starts it. */
static bool reset_in_loop(VlFlow *f, const VlLoop *loop, const VlBinding *self) {
  TSNode body = vl_py_field(f->py, loop->node, VL_F_BODY);
  TSNode holder = self->stmt;
  while (!ts_node_is_null(holder) && !ts_node_eq(ts_node_parent(holder), body)) holder = ts_node_parent(holder);
  for (uint32_t i = 0, c = ts_node_named_child_count(body); i < c; i++) {
    TSNode stmt = ts_node_named_child(body, i);
    if (ts_node_eq(stmt, holder)) continue;
    if (definitely_assigns(f, stmt, self->key)) return true;
    /* an unconditional re-binding of itself that is no growth (history = history[-50:]) bounds it */
    TSNode a = vl_py_is(f->py, stmt, VL_K_EXPR_STMT) ? ts_node_named_child(stmt, 0) : stmt;
    if (vl_py_is(f->py, a, VL_K_ASSIGNMENT)) {
      const char *k = vl_py_key(f->arena, f->py, f->src, vl_py_field(f->py, a, VL_F_LEFT));
      TSNode op;
      VlLibId lib;
      const VlLibEntry *e = entry_of(f, loop->scope, vl_py_field(f->py, a, VL_F_RIGHT), &op, &lib);
      if (k && strcmp(k, self->key) == 0 && !(e && (e->grows || e->shrinks))) return true;
    }
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
