#include "base/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/hash.h"

static uint64_t hash(const char *s) { return vl_hash(VL_HASH_SEED, s, strlen(s)); }

static void grow(VlStrMap *m) {
  size_t cap = m->cap ? m->cap * 2 : 64;
  const char **keys = vl_xcalloc(cap, sizeof *keys);
  size_t *vals = vl_xcalloc(cap, sizeof *vals);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
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

void vl_strmap_put(VlStrMap *m, const char *key, size_t val) {
  if ((m->len + 1) * 2 > m->cap) grow(m);
  size_t j = hash(key) & (m->cap - 1);
  while (m->keys[j] && strcmp(m->keys[j], key) != 0) j = (j + 1) & (m->cap - 1);
  if (!m->keys[j]) {
    m->keys[j] = key;
    m->len++;
  }
  m->vals[j] = val;
}

bool vl_strmap_get(const VlStrMap *m, const char *key, size_t *val) {
  if (!m->cap) return false;
  for (size_t j = hash(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
    if (strcmp(m->keys[j], key) == 0) {
      *val = m->vals[j];
      return true;
    }
  return false;
}

const char *vl_strmap_key(const VlStrMap *m, const char *key) {
  if (!m->cap) return NULL;
  for (size_t j = hash(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
    if (strcmp(m->keys[j], key) == 0) return m->keys[j];
  return NULL;
}

void vl_strmap_free(VlStrMap *m) {
  free(m->keys);
  free(m->vals);
  *m = (VlStrMap){0};
}
