/* vl002.c: VL002 retained-view-of-fresh-array.
 *
 * In a loop, an array is made anew each iteration by a known producer (np.load, np.random.*,
 * np.zeros, np.array(list), torch.load...) and a view of it is stored in a container that outlives
 * the iteration: every iteration's whole array stays alive.  Same store/view/copy logic as VL001
 * (rules/retention.c); a view of an array that is also rebound to a copy is VL001's. */
#include "rules/retention.h"

static void report(VlRuleCtx *ctx, const VlRetention *hit) {
  VlFlow *f = ctx->flow;
  bool short_text = ts_node_end_byte(hit->view) - ts_node_start_byte(hit->view) <= 40;
  const char *view = short_text ? vl_py_text_dup(f->arena, f->src, hit->view) : "this view";
  const char *fix = hit->stored_lib == VL_LIBID_TORCH ? ".clone()" : ".copy()";
  VlFinding fd = {
      .node = hit->view,
      .fix = {VL_FIX_UNSAFE, hit->stored_lib == VL_LIBID_TORCH ? "Store a copy with `.clone()`" : "Store a copy with `.copy()`", NULL, 0},
      .fix_node = hit->view,
      .fix_insert = fix,
  };
  if (hit->base) {
    uint32_t line = ts_node_start_point(hit->rebind->stmt).row + 1;
    const char *size = vl_retention_size(f, hit->scope, hit->base);
    fd.message = vl_arena_printf(f->arena,
                                 "%s%s%s is a view of `%s`, a new array made on line %u in every iteration, and is stored "
                                 "in `%s`, which outlives the loop: every iteration's whole `%s` stays alive%s%s%s",
                                 short_text ? "`" : "", view, short_text ? "`" : "", hit->base, line,
                                 hit->store->container, hit->base, size ? " (" : "", size ? size : "",
                                 size ? " per iteration)" : "");
    fd.has_related = true;
    fd.related = hit->rebind->stmt;
    fd.related_message = vl_arena_printf(f->arena, "`%s` is made anew here in every iteration", hit->base);
  } else {
    fd.message = vl_arena_printf(f->arena,
                                 "%s%s%s is a view of a new array made in every iteration and is stored in `%s`, which "
                                 "outlives the loop: every iteration's whole array stays alive",
                                 short_text ? "`" : "", view, short_text ? "`" : "", hit->store->container);
  }
  fd.help = short_text ? vl_arena_printf(f->arena, "store a copy: `%s%s`", view, fix)
                       : vl_arena_printf(f->arena, "store a copy of the view with `%s`", fix);
  vl_rule_emit(ctx, &fd);
}

void vl_check_vl002(VlRuleCtx *ctx) { vl_retention_scan(ctx, VL_RETAIN_FRESH, report); }
