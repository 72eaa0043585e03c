/* module.c: positions and small queries over a lowered module. */
#include <stdlib.h>

#include "ir/ir.h"

VlPos vl_module_pos(const VlModule *m, uint32_t byte) {
  if (byte > m->len) byte = m->len;
  uint32_t lo = 0, hi = m->nlines;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (m->line_starts[mid] <= byte) lo = mid;
    else hi = mid;
  }
  return (VlPos){byte, lo, byte - m->line_starts[lo]};
}

VlRange vl_module_range(const VlModule *m, uint32_t start, uint32_t end) {
  return (VlRange){vl_module_pos(m, start), vl_module_pos(m, end)};
}

static bool walk(const VlModule *m, VlId block, bool (*visit)(void *, VlId), void *ctx, int depth) {
  if (!block || depth > 64) return true;
  for (uint32_t i = 0; i < m->blocks[block].count; i++) {
    VlId id = vl_block_stmt(m, block, i);
    const VlStmt *st = vl_stmt(m, id);
    if (!visit(ctx, id)) return false;
    bool go = true;
    switch (st->kind) {
    case VL_S_IF:
    case VL_S_FOR:
    case VL_S_WHILE: go = walk(m, st->b, visit, ctx, depth + 1) && walk(m, st->c, visit, ctx, depth + 1); break;
    case VL_S_WITH: go = walk(m, st->b, visit, ctx, depth + 1); break;
    case VL_S_TRY:
      go = walk(m, st->a, visit, ctx, depth + 1);
      for (uint32_t h = 0; go && h < st->n; h++) go = walk(m, m->handlers[st->b + h].body, visit, ctx, depth + 1);
      go = go && walk(m, st->c, visit, ctx, depth + 1) && walk(m, st->d, visit, ctx, depth + 1);
      break;
    case VL_S_MATCH:
      for (uint32_t k = 0; go && k < st->n; k++) go = walk(m, m->kids[st->b + k], visit, ctx, depth + 1);
      break;
    default: break;
    }
    if (!go) return false;
  }
  return true;
}

bool vl_block_walk(const VlModule *m, VlId block, bool (*visit)(void *ctx, VlId stmt), void *ctx) {
  return walk(m, block, visit, ctx, 0);
}

bool vl_loop_runs(const VlModule *m, VlId loop, uint32_t start) {
  const VlLoop *l = &m->loops[loop];
  if (start < l->start || start >= l->end) return false;
  /* a comprehension's own result (the list it builds) is made once, before its loop runs */
  if (l->kind == VL_LOOP_COMP && l->node && start == m->exprs[l->node].start) return false;
  /* a for loop's (or a comprehension clause's) own iterable is evaluated once, before it runs */
  if (l->iter && l->kind != VL_LOOP_WHILE) {
    const VlExpr *it = &m->exprs[l->iter];
    if (start >= it->start && start < it->end) return false;
  }
  return true;
}

bool vl_loop_of_func(const VlModule *m, VlId loop, VlId func) {
  VlId f = m->loops[loop].func;
  /* a comprehension's clause is in the comprehension's own scope, run by its enclosing function */
  while (f != func && f && f < m->nfuncs && m->funcs[f].kind == VL_FN_COMP) f = m->funcs[f].parent;
  return f == func;
}

void vl_module_delete(VlModule *m) {
  if (!m) return;
  vl_arena_delete(m->arena);
  free(m);
}
