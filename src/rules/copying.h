/* copying.h: the shared core of the copying-in-a-loop rules (VL003, VL004).
 *
 * The analysis reports every `a = CALL(...)` in a loop whose callee is a library function
 * (VlLoopRebind).  A hit is one whose table entry carries the wanted tag (grows=seq|first, or
 * shrinks; see the rules/ tables) and takes `a` itself as the growing/shrinking operand.  An
 * accumulator also reset in the loop body (`a = np.empty(...)`), or a loop variable concatenated
 * with itself, does not carry its copies across iterations: left alone. */
#ifndef VL_RULES_COPYING_H
#define VL_RULES_COPYING_H
#include "rules/rule.h"

typedef struct VlSelfCopy {
  const VlLoopRebind *rb;
  const char *key;      /* the accumulator, as written */
  const char *function; /* "np.concatenate" as written */
} VlSelfCopy;

typedef enum VlSelfCopyKind { VL_SELF_GROWS, VL_SELF_SHRINKS } VlSelfCopyKind;

void vl_self_copy_scan(VlRuleCtx *ctx, VlSelfCopyKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlSelfCopy *hit));

#endif
