/* flow_internal.h: shared between the flow/ files only.  Per-scope index of keys: their bindings,
 * their shape evidence, and the memoised scope-wide value (with a state to break cycles). */
#ifndef VL_FLOW_INTERNAL_H
#define VL_FLOW_INTERNAL_H
#include "flow/flow.h"

typedef enum VlMemoState { VL_MEMO_NONE, VL_MEMO_BUSY, VL_MEMO_DONE } VlMemoState;

typedef struct VlKeyInfo {
  const char *key;
  const VlBinding **bindings;
  size_t nbindings;
  uint8_t use_lo;
  VlMemoState state;
  VlVal val;
  struct VlKeyInfo *next; /* hash chain */
} VlKeyInfo;

VlMemo *vl_memo_new(VlArena *arena, const VlScope *scope);
/* The key's info in this scope, or NULL when the scope neither binds nor uses it. */
VlKeyInfo *vl_memo_key(const VlMemo *memo, const char *key);

#endif
