/* wording.h: the parts of a retention finding VL001 and VL002 word alike (the view, the
 * container, the fix). */
#ifndef VL_RULES_WORDING_H
#define VL_RULES_WORDING_H
#include "rules/rule.h"

/* A finding at the hit's stored expression, with its related location and unsafe fix. */
VlFinding vl_wording_base(VlRuleCtx *ctx, const VlHit *h);
/* "`data[i]`" or "this value". */
const char *vl_wording_view(VlRuleCtx *ctx, const VlHit *h);
/* "is a view", or "holds a view" when the stored expression is a container holding it (VlHit.holder). */
const char *vl_wording_is_view(const VlHit *h);
/* "stored in", "assigned into", "pushed onto". */
const char *vl_wording_store(const VlHit *h);
/* "`selected`" or "a container". */
const char *vl_wording_container(VlRuleCtx *ctx, const VlHit *h);
/* " (up to 500x32x32x3 float64 = 11.7 MiB per iteration)", or "" when the size is unknown. */
const char *vl_wording_size(VlRuleCtx *ctx, const VlHit *h, bool up_to);
/* "loop", or "recursion" when the function's recursive calls are what repeats. */
const char *vl_wording_loop(const VlHit *h);
/* "every iteration" or "every recursive call" (+ 6: without "every "). */
const char *vl_wording_each(const VlHit *h);
/* "store a copy: `data[i].copy()`" or "store a copy of the view with `.copy()`". */
const char *vl_wording_fixed(VlRuleCtx *ctx, const VlHit *h);

#endif
