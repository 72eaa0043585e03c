/* copying.h: the shared core of the copying-in-a-loop rules (VL003, VL004).
 *
 * For every loop: each assignment `a = CALL(...)` in the body whose library entry carries the wanted
 * tag (grows=seq|first, or shrinks; see the rules/ tables) and takes `a` itself as the growing/shrinking
 * operand.  An accumulator that is also reset in the loop body (`a = np.empty(...)`) is left alone:
 * its copies do not accumulate across iterations. */
#ifndef VL_RULES_COPYING_H
#define VL_RULES_COPYING_H
#include "rules/rule.h"

typedef struct VlSelfCopy {
  const VlScope *scope;
  const VlLoop *loop;
  const VlBinding *binding; /* a = CALL(...) */
  TSNode call;
  const char *function;     /* "np.concatenate" as written */
  VlLibId lib;
} VlSelfCopy;

typedef enum VlSelfCopyKind { VL_SELF_GROWS, VL_SELF_SHRINKS } VlSelfCopyKind;

void vl_self_copy_scan(VlRuleCtx *ctx, VlSelfCopyKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlSelfCopy *hit));

#endif
