/* retention.h: the shared core of the retention rules (VL001, and VL002 later).
 *
 * For every loop: each store into a container that outlives the iteration is evaluated; when the
 * stored value is (or holds) a view of an array, and that array is rebound in the loop to a new
 * array of the kind the rule asks for, `on_hit` is called once per stored view. */
#ifndef VL_RULES_RETENTION_H
#define VL_RULES_RETENTION_H
#include "rules/rule.h"

typedef struct VlRetention {
  const VlScope *scope;
  const VlLoop *loop;
  const VlStore *store;
  VlVal stored;             /* the view (or container holding it) */
  TSNode view;              /* the view expression to report */
  const char *base;         /* the viewed array's key */
  const VlBinding *rebind;  /* the binding that makes it new each iteration */
  VlLibId stored_lib;       /* the view's library: the fix is .copy() or .clone() */
} VlRetention;

/* Calls on_hit for each retained view whose base is rebound in the loop by a value of origin
 * `rebind_origin` (VL_O_COPY for VL001). */
void vl_retention_scan(VlRuleCtx *ctx, VlOrigin rebind_origin,
                       void (*on_hit)(VlRuleCtx *ctx, const VlRetention *hit));

#endif
