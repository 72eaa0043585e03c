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

void vl_module_delete(VlModule *m) {
  if (!m) return;
  vl_arena_delete(m->arena);
  free(m);
}
