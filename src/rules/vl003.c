/* vl003.c: VL003 quadratic-array-growth.
 *
 * An accumulator rebound in a loop by a copying call that takes itself as an operand
 * (acc = np.concatenate((acc, x)), np.append(acc, x), np.vstack([acc, x]), np.r_[acc, x],
 * torch.cat([acc, x])) copies everything gathered so far on every iteration: quadratic time and
 * memory traffic.  Which calls grow is data: the grows= tags of the rules/ tables. */
#include "rules/copying.h"

static void report(VlRuleCtx *ctx, const VlSelfCopy *hit) {
  const VlExpr *call = vl_expr(ctx->m, hit->rb->call);
  const char *once = vl_knowledge_lib(vl_program_knowledge(ctx->mi->prog), hit->rb->lib)->concat;
  VlFinding fd = {
      .at = {ctx->mi, call->start, call->end},
      .message = vl_arena_printf(ctx->arena,
                                 "`%s` grows by copying itself with `%s` on every iteration: the loop copies "
                                 "O(n^2) elements in all",
                                 hit->key, hit->function),
      .help = vl_arena_printf(ctx->arena, "append the pieces to a list in the loop and call `%s` once after it", once),
  };
  vl_rule_emit(ctx, &fd);
}

static void check(VlRuleCtx *ctx) { vl_self_copy_scan(ctx, VL_SELF_GROWS, report); }

const VlRule vl_rule_vl003 = {
    {"VL003", "quadratic-array-growth", "An array grown by copying itself in a loop (np.concatenate, np.append...)",
     false},
    check};
