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

typedef enum VlRetentionKind {
  VL_RETAIN_REBOUND, /* VL001: the viewed array is rebound to a copy in the loop */
  VL_RETAIN_FRESH    /* VL002: the viewed array is made anew by a producer in the loop (and not
                        rebound to a copy, which is VL001's), or the view's own expression makes it */
} VlRetentionKind;

/* Calls on_hit for each retained view of the given kind.  For VL_RETAIN_FRESH with an unnamed base
 * (np.loadtxt(f)[:, 1]) hit->base is NULL and hit->rebind NULL. */
void vl_retention_scan(VlRuleCtx *ctx, VlRetentionKind kind, void (*on_hit)(VlRuleCtx *ctx, const VlRetention *hit));

/* "500x32x32x3 float64 = 11.7 MiB" for the array `key` when its shape and dtype are known
 * statically, else NULL (arena string). */
const char *vl_retention_size(VlFlow *f, const VlScope *scope, const char *key);

#endif
