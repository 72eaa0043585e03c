/* vl002.c: VL002 retained-view-of-fresh-array.
 *
 * In a loop, an array is made anew each iteration (np.load, a random draw, a model's output, a
 * function or generator that returns new arrays, a DataLoader batch) and a view of it is stored in
 * a container that outlives the loop: every iteration's whole array stays alive.  Same analysis as
 * VL001 (flow/retain.c); an array the loop carries, rebound from its own old value, is VL001's. */
#include "rules/rule.h"
#include "rules/wording.h"

static void check(VlRuleCtx *ctx) {
  for (size_t i = 0; i < ctx->nhits; i++) {
    const VlHit *h = &ctx->hits[i];
    if (h->kind != VL_HIT_FRESH) continue;
    VlFinding fd = vl_wording_base(ctx, h);
    const char *line = vl_rule_where(ctx, &h->base, h->at.mod);
    /* short: the snippet shows where the array is made (a secondary label), the note what it costs */
    const char *base = h->base_name ? vl_arena_printf(ctx->arena, "`%s`", h->base_name) : "an array";
    fd.message = vl_arena_printf(ctx->arena, "%s %s of %s, made anew on %s in every %s, %s %s, which outlives the %s",
                                 vl_wording_view(ctx, h), vl_wording_is_view(h), base, line, vl_wording_each(h) + 6, vl_wording_store(h),
                                 vl_wording_container(ctx, h), vl_wording_loop(h));
    fd.note = vl_arena_printf(ctx->arena, "every %s's whole %s stays alive%s", vl_wording_each(h) + 6,
                              h->base_name ? base : "array", vl_wording_size(ctx, h, false));
    fd.help = vl_wording_fixed(ctx, h);
    fd.related_message = h->base_name ? vl_arena_printf(ctx->arena, "`%s` is made anew here in %s", h->base_name,
                                                        vl_wording_each(h))
                                      : vl_arena_printf(ctx->arena, "a new array is made here in %s", vl_wording_each(h));
    vl_rule_emit(ctx, &fd);
  }
}

const VlRule vl_rule_vl002 = {
    {"VL002", "retained-view-of-fresh-array",
     "A view stored in a loop keeps alive every iteration's freshly made array", true},
    check};
