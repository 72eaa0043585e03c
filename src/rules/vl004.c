/* vl004.c: VL004 shrinking-copy-in-loop.
 *
 * The same array rebound by np.delete / np.insert of itself on every iteration (the hand-made
 * sampling without replacement of the brief's loop): each iteration copies the whole remaining array,
 * quadratic in all.  Which calls shrink is data: the shrinks tags of the rules/ tables. */
#include "rules/copying.h"

static void report(VlRuleCtx *ctx, const VlSelfCopy *hit) {
  const VlExpr *call = vl_expr(ctx->m, hit->rb->call);
  VlFinding fd = {
      .at = {ctx->mi, call->start, call->end},
      .message = vl_arena_printf(ctx->arena,
                                 "`%s` is copied by `%s` on every iteration: the loop copies O(n^2) elements in all",
                                 hit->key, hit->function),
      .help = vl_arena_printf(ctx->arena,
                              "draw the indices at once (`rng.choice(len(%s), size=k, replace=False)`) and take them "
                              "with one fancy index, or build a boolean mask in the loop and apply it once",
                              hit->key),
  };
  vl_rule_emit(ctx, &fd);
}

static void check(VlRuleCtx *ctx) { vl_self_copy_scan(ctx, VL_SELF_SHRINKS, report); }

const VlRule vl_rule_vl004 = {
    {"VL004", "shrinking-copy-in-loop", "An array shrunk by copying itself in a loop (np.delete, np.insert)", false},
    check};
