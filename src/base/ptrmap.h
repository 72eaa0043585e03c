/* ptrmap.h: a hash map from pointers to pointers (memo tables: each shared value handled once). */
#ifndef VL_BASE_PTRMAP_H
#define VL_BASE_PTRMAP_H
#include <stddef.h>

typedef struct VlPtrMap {
  const void **keys;
  const void **vals;
  size_t len, cap; /* cap: 0 or a power of two */
} VlPtrMap;

/* The value of key (non-NULL), or NULL when absent. */
const void *vl_ptrmap_get(const VlPtrMap *m, const void *key);
void vl_ptrmap_put(VlPtrMap *m, const void *key, const void *val);
void vl_ptrmap_free(VlPtrMap *m);

#endif
