/* shard.c: splitting the reported files by a hash of their printed path. */
#include "driver/shard.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "driver/walk.h"

/* decimal digits only (no sign, no blank), at most VL_SHARD_MAX; *end: after them */
static bool number(const char *s, uint32_t *out, const char **end) {
  uint32_t n = 0;
  const char *p = s;
  for (; *p >= '0' && *p <= '9'; p++) {
    n = n * 10 + (uint32_t)(*p - '0');
    if (n > VL_SHARD_MAX) return false;
  }
  *out = n;
  *end = p;
  return p != s;
}

bool vl_shard_parse(const char *text, VlShard *out) {
  uint32_t k, n;
  const char *p;
  if (!number(text, &k, &p) || *p != '/' || !number(p + 1, &n, &p) || *p) return false;
  if (n < 1 || k < 1 || k > n) return false;
  *out = (VlShard){k, n};
  return true;
}

uint64_t vl_shard_hash(const char *display_path) {
  return vl_fnv1a(VL_FNV1A_OFFSET, display_path, strlen(display_path));
}

bool vl_shard_has(VlShard shard, const char *path) {
  if (!shard.count) return true;
  char *shown = vl_display_path(path);
  bool in = vl_shard_hash(shown) % shard.count == shard.index - 1;
  free(shown);
  return in;
}
