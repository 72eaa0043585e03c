/* vl003.c: VL003 quadratic-array-growth.
 *
 * An accumulator rebound in a loop by a copying call that takes itself as an operand
 * (acc = np.concatenate((acc, x)), np.append(acc, x), np.vstack([acc, x]), np.r_[acc, x],
 * torch.cat([acc, x])) copies everything gathered so far on every iteration: quadratic time and
 * memory traffic.  Which calls grow is data: the grows= tags of the rules/ tables. */
#include "rules/copying.h"

static void report(VlRuleCtx *ctx, const VlSelfCopy *hit) {
  VlFlow *f = ctx->flow;
  const char *key = hit->binding->key;
  const char *once = hit->lib == VL_LIBID_TORCH ? "torch.cat" : "np.concatenate";
  VlFinding fd = {
      .node = hit->call,
      .message = vl_arena_printf(f->arena,
                                 "`%s` grows by copying itself with `%s` on every iteration: the loop copies "
                                 "O(n^2) elements in all",
                                 key, hit->function),
      .help = vl_arena_printf(f->arena, "append the pieces to a list in the loop and call `%s` once after it", once),
  };
  vl_rule_emit(ctx, &fd);
}

void vl_check_vl003(VlRuleCtx *ctx) { vl_self_copy_scan(ctx, VL_SELF_GROWS, report); }
