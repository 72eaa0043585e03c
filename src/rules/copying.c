#include "rules/copying.h"

#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"

/* The text of a name or attribute chain ("acc", "self.buf"), or NULL for anything else. */
static const char *key_of(VlRuleCtx *ctx, VlId e) {
  const VlModule *m = ctx->m;
  if (!e) return NULL;
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_NAME) return vl_str(m, x->a);
  if (x->op != VL_E_ATTR) return NULL;
  const char *base = key_of(ctx, vl_kid(m, e, 0));
  return base ? vl_arena_printf(ctx->arena, "%s.%s", base, vl_str(m, x->a)) : NULL;
}

static bool is_key(VlRuleCtx *ctx, VlId e, const char *key) {
  const char *k = key_of(ctx, e);
  return k && strcmp(k, key) == 0;
}

static bool mentions(VlRuleCtx *ctx, VlId e, const char *key, int depth) {
  if (!e || depth > 100) return false;
  if (is_key(ctx, e, key)) return true;
  const VlExpr *x = vl_expr(ctx->m, e);
  for (uint32_t i = 0; i < x->nkids; i++)
    if (mentions(ctx, vl_kid(ctx->m, e, i), key, depth + 1)) return true;
  return false;
}

/* Is `key` the operand the entry grows or shrinks?  seq: an item of the first argument's list or
 * tuple (or of np.r_[...]'s index); first: the first argument itself. */
static bool self_operand(VlRuleCtx *ctx, const VlLoopRebind *rb, const char *key) {
  const VlModule *m = ctx->m;
  const VlExpr *call = vl_expr(m, rb->call);
  if (call->op == VL_E_SUB) { /* np.r_[acc, x] */
    for (uint32_t i = 1; i < call->nkids; i++)
      if (is_key(ctx, vl_kid(m, rb->call, i), key)) return true;
    return false;
  }
  VlId first = 0;
  for (uint32_t i = 1; i < call->nkids && !first; i++) {
    VlId k = vl_kid(m, rb->call, i);
    if (vl_expr(m, k)->op != VL_E_KW && vl_expr(m, k)->op != VL_E_STAR && vl_expr(m, k)->op != VL_E_DSTAR) first = k;
  }
  if (!first) return false;
  if (rb->entry->grows != VL_GROW_SEQ || rb->entry->shrinks) return is_key(ctx, first, key);
  const VlExpr *f = vl_expr(m, first);
  if (f->op != VL_E_LIST && f->op != VL_E_TUPLE) return false;
  for (uint32_t i = 0; i < f->nkids; i++)
    if (is_key(ctx, vl_kid(m, first, i), key)) return true;
  return false;
}

static bool block_assigns(VlRuleCtx *ctx, VlId block, const char *key);

/* Does executing the statement always leave `key` bound to a value that does not come from a
 * previous iteration?  An assignment not mentioning it: yes; if/else: when every branch does; with:
 * when its body does; loops and try: no (they may not run, or stop). */
static bool definitely_assigns(VlRuleCtx *ctx, VlId s, const char *key) {
  const VlModule *m = ctx->m;
  const VlStmt *st = vl_stmt(m, s);
  switch (st->kind) {
  case VL_S_ASSIGN:
    if (mentions(ctx, st->a, key, 0)) return false;
    for (uint32_t i = 0; i < st->n; i++) {
      VlId t = m->kids[st->b + i];
      if (is_key(ctx, t, key)) return true;
      const VlExpr *tx = vl_expr(m, t);
      if (tx->op == VL_E_TUPLE || tx->op == VL_E_LIST)
        for (uint32_t k = 0; k < tx->nkids; k++)
          if (is_key(ctx, vl_kid(m, t, k), key)) return true;
    }
    return false;
  case VL_S_WITH: return block_assigns(ctx, st->b, key);
  case VL_S_IF: return st->c && block_assigns(ctx, st->b, key) && block_assigns(ctx, st->c, key);
  default: return false;
  }
}

static bool block_assigns(VlRuleCtx *ctx, VlId block, const char *key) {
  const VlModule *m = ctx->m;
  for (uint32_t i = 0; block && i < m->blocks[block].count; i++)
    if (definitely_assigns(ctx, vl_block_stmt(m, block, i), key)) return true;
  return false;
}

static bool block_contains(const VlModule *m, VlId block, VlId target, int depth);

static bool stmt_contains(const VlModule *m, VlId s, VlId target, int depth) {
  if (s == target) return true;
  if (depth > 100) return false;
  const VlStmt *st = vl_stmt(m, s);
  switch (st->kind) {
  case VL_S_IF:
  case VL_S_FOR:
  case VL_S_WHILE: return block_contains(m, st->b, target, depth + 1) || block_contains(m, st->c, target, depth + 1);
  case VL_S_WITH: return block_contains(m, st->b, target, depth + 1);
  case VL_S_TRY:
    if (block_contains(m, st->a, target, depth + 1) || block_contains(m, st->c, target, depth + 1) ||
        block_contains(m, st->d, target, depth + 1))
      return true;
    for (uint32_t i = 0; i < st->n; i++)
      if (block_contains(m, m->handlers[st->b + i].body, target, depth + 1)) return true;
    return false;
  case VL_S_MATCH:
    for (uint32_t i = 0; i < st->n; i++)
      if (block_contains(m, m->kids[st->b + i], target, depth + 1)) return true;
    return false;
  default: return false;
  }
}

static bool block_contains(const VlModule *m, VlId block, VlId target, int depth) {
  for (uint32_t i = 0; block && i < m->blocks[block].count; i++)
    if (stmt_contains(m, vl_block_stmt(m, block, i), target, depth)) return true;
  return false;
}

/* The accumulator does not carry over between iterations when a statement of the loop body other
 * than the one holding the self-copy always rebinds it (`acc = np.empty(0)` first or last, or an
 * if/else that sets it in every branch), or rebinds it to something that is no growth
 * (`history = history[-50:]`).  `if acc is None: acc = x` only starts it. */
/* Is statement s a rebinding of key to something that is no growth (`y = conv(y)`, `h = h[-50:]`)? */
static bool rebinds_without_growth(VlRuleCtx *ctx, VlId s, const char *key) {
  const VlModule *m = ctx->m;
  if (definitely_assigns(ctx, s, key)) return true;
  const VlStmt *st = vl_stmt(m, s);
  if (st->kind != VL_S_ASSIGN || st->n != 1 || !is_key(ctx, m->kids[st->b], key)) return false;
  for (size_t k = 0; k < ctx->nrebinds; k++)
    if (ctx->rebinds[k].stmt == s && (ctx->rebinds[k].entry->grows || ctx->rebinds[k].entry->shrinks)) return false;
  return true;
}

/* After the self-copy, in the blocks that hold it (inside the loop body), a statement rebinds the
 * accumulator to something that is no growth: `y = torch.cat([x, y], 1); y = fuse(y)` keeps y's size. */
static bool reset_after(VlRuleCtx *ctx, VlId block, VlId target, const char *key, int depth) {
  const VlModule *m = ctx->m;
  if (!block || depth > 32) return false;
  for (uint32_t i = 0; i < m->blocks[block].count; i++) {
    VlId s = vl_block_stmt(m, block, i);
    if (!stmt_contains(m, s, target, 0)) continue;
    for (uint32_t j = i + 1; j < m->blocks[block].count; j++)
      if (rebinds_without_growth(ctx, vl_block_stmt(m, block, j), key)) return true;
    if (s == target) return false;
    const VlStmt *st = vl_stmt(m, s);
    switch (st->kind) {
    case VL_S_IF: return reset_after(ctx, st->b, target, key, depth + 1) || reset_after(ctx, st->c, target, key, depth + 1);
    case VL_S_WITH: return reset_after(ctx, st->b, target, key, depth + 1);
    default: return false; /* a nested loop or try: its own iterations */
    }
  }
  return false;
}

static bool reset_in_loop(VlRuleCtx *ctx, const VlLoopRebind *rb, const char *key) {
  const VlModule *m = ctx->m;
  const VlLoop *lp = &m->loops[rb->loop];
  if (lp->kind == VL_LOOP_COMP) return false;
  VlId body = vl_stmt(m, lp->node)->b;
  if (reset_after(ctx, body, rb->stmt, key, 0)) return true;
  for (uint32_t i = 0; body && i < m->blocks[body].count; i++) {
    VlId s = vl_block_stmt(m, body, i);
    if (!stmt_contains(m, s, rb->stmt, 0) && rebinds_without_growth(ctx, s, key)) return true;
  }
  return false;
}

void vl_self_copy_scan(VlRuleCtx *ctx, VlSelfCopyKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlSelfCopy *hit)) {
  const VlModule *m = ctx->m;
  uint8_t *seen = vl_xcalloc(m->nexprs + 1, 1); /* calls of earlier rebinds: one hit per call */
  for (size_t i = 0; i < ctx->nrebinds; i++) {
    const VlLoopRebind *rb = &ctx->rebinds[i];
    const VlLibEntry *e = rb->entry;
    bool dup = rb->call < m->nexprs && seen[rb->call];
    if (rb->call < m->nexprs) seen[rb->call] = 1;
    if (kind == VL_SELF_GROWS ? !e->grows : !e->shrinks) continue;
    const VlStmt *st = vl_stmt(m, rb->stmt);
    const char *key = key_of(ctx, m->kids[st->b]);
    if (!key || rb->target_is_loop_var) continue;
    if (!self_operand(ctx, rb, key) || reset_in_loop(ctx, rb, key)) continue;
    if (dup) continue;
    const VlExpr *call = vl_expr(m, rb->call);
    VlId fn = vl_kid(m, rb->call, 0);
    const VlExpr *fx = vl_expr(m, fn);
    VlSelfCopy h = {rb, key, vl_arena_strndup(ctx->arena, m->text + fx->start, fx->end - fx->start)};
    (void)call;
    on_hit(ctx, &h);
  }
  free(seen);
}
