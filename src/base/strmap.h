/* strmap.h: a hash map from strings to indices (module names, file paths).
 *
 * Keys are borrowed: the caller keeps each key alive, unchanged, for as long as the map.  Lookups
 * only read, so several threads may look up at once once no thread inserts. */
#ifndef VL_BASE_STRMAP_H
#define VL_BASE_STRMAP_H
#include <stdbool.h>
#include <stddef.h>

typedef struct VlStrMap {
  const char **keys;
  size_t *vals;
  size_t len, cap; /* cap: 0 or a power of two */
} VlStrMap;

/* Sets key's index (a new key, or a new index for a known one). */
void vl_strmap_put(VlStrMap *m, const char *key, size_t val);
/* The index of key, or false when it is absent. */
bool vl_strmap_get(const VlStrMap *m, const char *key, size_t *val);
/* The stored key equal to key, or NULL (a string table: one copy of each string). */
const char *vl_strmap_key(const VlStrMap *m, const char *key);
void vl_strmap_free(VlStrMap *m);

#endif
