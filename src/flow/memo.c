/* memo.c: a per-scope hash index from key to its bindings and shape evidence. */
#include <string.h>

#include "flow/flow_internal.h"

enum { BUCKETS = 256 };

struct VlMemo {
  VlKeyInfo *buckets[BUCKETS];
};

static unsigned hash(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h % BUCKETS;
}

VlKeyInfo *vl_memo_key(const VlMemo *memo, const char *key) {
  for (VlKeyInfo *k = memo->buckets[hash(key)]; k; k = k->next)
    if (strcmp(k->key, key) == 0) return k;
  return NULL;
}

static VlKeyInfo *intern(VlArena *arena, VlMemo *memo, const char *key) {
  VlKeyInfo *k = vl_memo_key(memo, key);
  if (k) return k;
  k = VL_ARENA_NEW(arena, VlKeyInfo);
  k->key = key;
  unsigned h = hash(key);
  k->next = memo->buckets[h];
  memo->buckets[h] = k;
  return k;
}

VlMemo *vl_memo_new(VlArena *arena, const VlScope *scope) {
  VlMemo *memo = VL_ARENA_NEW(arena, VlMemo);
  for (size_t i = 0; i < scope->nbindings; i++) intern(arena, memo, scope->bindings[i].key)->nbindings++;
  for (size_t i = 0; i < scope->nuses; i++) {
    VlKeyInfo *k = intern(arena, memo, scope->uses[i].key);
    if (scope->uses[i].lo > k->use_lo) k->use_lo = scope->uses[i].lo;
  }
  for (unsigned h = 0; h < BUCKETS; h++)
    for (VlKeyInfo *k = memo->buckets[h]; k; k = k->next) {
      k->bindings = VL_ARENA_ARRAY(arena, const VlBinding *, k->nbindings ? k->nbindings : 1);
      k->nbindings = 0;
    }
  for (size_t i = 0; i < scope->nbindings; i++) {
    VlKeyInfo *k = vl_memo_key(memo, scope->bindings[i].key);
    k->bindings[k->nbindings++] = &scope->bindings[i];
  }
  return memo;
}
