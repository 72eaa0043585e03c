/* vl004.c: VL004 shrinking-copy-in-loop.
 *
 * The same array rebound by np.delete / np.insert of itself on every iteration (the hand-made
 * sampling without replacement of the brief's loop): each iteration copies the whole remaining array,
 * quadratic in all.  Which calls shrink is data: the shrinks tags of the rules/ tables. */
#include "rules/copying.h"

static void report(VlRuleCtx *ctx, const VlSelfCopy *hit) {
  VlFlow *f = ctx->flow;
  const char *key = hit->binding->key;
  VlFinding fd = {
      .node = hit->call,
      .message = vl_arena_printf(f->arena,
                                 "`%s` is copied by `%s` on every iteration: the loop copies O(n^2) elements in all",
                                 key, hit->function),
      .help = vl_arena_printf(f->arena,
                              "draw the indices at once (`rng.choice(len(%s), size=k, replace=False)`) and take them "
                              "with one fancy index, or build a boolean mask in the loop and apply it once",
                              key),
  };
  vl_rule_emit(ctx, &fd);
}

void vl_check_vl004(VlRuleCtx *ctx) { vl_self_copy_scan(ctx, VL_SELF_SHRINKS, report); }
