/* vl001.c: VL001 retained-view-of-rebound-array.
 *
 * In a loop, a view of array `a` is stored in a container that outlives the loop while the loop
 * carries `a` from one iteration to the next, rebinding it to a new array computed from its old
 * value (`a = np.delete(a, i)`, `x = layer(x)`): each iteration's view pins that iteration's whole
 * `a`.  Which arrays are carried: flow/retain.c, carried.  The analysis finds the
 * hits (flow/retain.c); this rule words them.  Facts: docs/design.md. */
#include "rules/rule.h"
#include "rules/wording.h"

static void check(VlRuleCtx *ctx) {
  for (size_t i = 0; i < ctx->nhits; i++) {
    const VlHit *h = &ctx->hits[i];
    if (h->kind != VL_HIT_REBOUND) continue;
    const char *name = h->base_name ? h->base_name : "the array";
    const char *line = vl_rule_where(ctx, &h->base, h->at.mod);
    VlFinding fd = vl_wording_base(ctx, h);
    /* short: the snippet shows the rebind (a secondary label), the note what it costs */
    fd.message = vl_arena_printf(ctx->arena, "%s %s of `%s` %s %s, which outlives the %s that rebinds `%s` on %s",
                                 vl_wording_view(ctx, h), vl_wording_is_view(h), name, vl_wording_store(h), vl_wording_container(ctx, h),
                                 vl_wording_loop(h), name, line);
    fd.note = vl_arena_printf(ctx->arena, "%s keeps a whole old `%s` alive%s", vl_wording_each(h), name,
                              vl_wording_size(ctx, h, true));
    fd.help = vl_wording_fixed(ctx, h);
    fd.related_message = vl_arena_printf(ctx->arena, "`%s` is rebound to a new array here", name);
    vl_rule_emit(ctx, &fd);
  }
}

const VlRule vl_rule_vl001 = {
    {"VL001", "retained-view-of-rebound-array",
     "A view stored in a loop keeps alive every old copy of an array the loop rebinds", true},
    check};
