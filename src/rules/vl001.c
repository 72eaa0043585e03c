/* vl001.c: VL001 retained-view-of-rebound-array.
 *
 * In a loop, a view of array `a` is stored in a container that outlives the iteration while `a`
 * is rebound to a new array (a copy: np.delete, arithmetic, fancy indexing...) in the same loop.
 * Each iteration's view pins that iteration's whole `a`.  Facts: shared/SEMANTICS.md. */
#include "rules/retention.h"

static const char *kind_word(VlStoreKind k) {
  switch (k) {
  case VL_STORE_SETITEM: return "assigned into";
  case VL_STORE_HEAPPUSH: return "pushed onto";
  default: return "stored in";
  }
}

static void report(VlRuleCtx *ctx, const VlRetention *hit) {
  VlFlow *f = ctx->flow;
  bool short_text = ts_node_end_byte(hit->view) - ts_node_start_byte(hit->view) <= 40;
  const char *view = short_text ? vl_py_text_dup(f->arena, f->src, hit->view) : NULL;
  uint32_t line = ts_node_start_point(hit->rebind->stmt).row + 1;
  const char *size = vl_retention_size(f, hit->scope, hit->base);
  VlFinding fd = {
      .node = hit->view,
      .message = vl_arena_printf(f->arena,
                                 "%s%s%s is a view of `%s` %s `%s`, which outlives the loop, while `%s` is rebound to a "
                                 "new array on line %u: every iteration keeps a whole old `%s` alive%s%s%s",
                                 view ? "`" : "", view ? view : "this", view ? "`" : "", hit->base,
                                 kind_word(hit->store->kind), hit->store->container, hit->base, line, hit->base,
                                 size ? " (up to " : "", size ? size : "", size ? " per iteration)" : ""),
      .help = view ? vl_arena_printf(f->arena, "`%s` is rebound on line %u; store a copy: `%s%s`", hit->base, line, view,
                                     hit->stored_lib == VL_LIBID_TORCH ? ".clone()" : ".copy()")
                   : vl_arena_printf(f->arena, "`%s` is rebound on line %u; store a copy of the view with `%s`",
                                     hit->base, line, hit->stored_lib == VL_LIBID_TORCH ? ".clone()" : ".copy()"),
      .has_related = true,
      .related = hit->rebind->stmt,
      .related_message = vl_arena_printf(f->arena, "`%s` is rebound to a new array here", hit->base),
      .fix = {VL_FIX_UNSAFE, hit->stored_lib == VL_LIBID_TORCH ? "Store a copy with `.clone()`" : "Store a copy with `.copy()`", NULL, 0},
      .fix_node = hit->view,
      .fix_insert = hit->stored_lib == VL_LIBID_TORCH ? ".clone()" : ".copy()",
  };
  vl_rule_emit(ctx, &fd);
}

void vl_check_vl001(VlRuleCtx *ctx) { vl_retention_scan(ctx, VL_RETAIN_REBOUND, report); }
