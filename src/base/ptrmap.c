#include "base/ptrmap.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/alloc.h"

static size_t hash(const void *p) {
  uintptr_t x = (uintptr_t)p;
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  return (size_t)x;
}

const void *vl_ptrmap_get(const VlPtrMap *m, const void *key) {
  if (!m->cap) return NULL;
  for (size_t i = hash(key) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
    if (m->keys[i] == key) return m->vals[i];
  return NULL;
}

void vl_ptrmap_put(VlPtrMap *m, const void *key, const void *val) {
  if ((m->len + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    const void **keys = vl_xcalloc(cap, sizeof *keys), **vals = vl_xcalloc(cap, sizeof *vals);
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) {
        size_t j = hash(m->keys[i]) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
      }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
  }
  size_t i = hash(key) & (m->cap - 1);
  while (m->keys[i] && m->keys[i] != key) i = (i + 1) & (m->cap - 1);
  if (!m->keys[i]) m->len++;
  m->keys[i] = key;
  m->vals[i] = val;
}

void vl_ptrmap_free(VlPtrMap *m) {
  free(m->keys);
  free(m->vals);
  *m = (VlPtrMap){0};
}
