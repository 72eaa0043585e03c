#include "base/hash.h"

#include <string.h>

/* XXH3 compiled into this file (static, inlinable): no library to load at run time */
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t vl_hash(uint64_t h, const void *data, size_t len) { return XXH3_64bits_withSeed(data, len, h); }

uint64_t vl_hash_str(uint64_t h, const char *s) {
  /* prefix-free: NULL is a 0 byte, a string a 1 byte, its bytes and its NUL */
  h = vl_hash(h, s ? "\1" : "", 1);
  return s ? vl_hash(h, s, strlen(s) + 1) : h;
}

uint64_t vl_hash_u64(uint64_t h, uint64_t v) {
  unsigned char b[8];
  for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i));
  return vl_hash(h, b, sizeof b);
}

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t vl_fnv1a(uint64_t h, const void *data, size_t len) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) h = (h ^ p[i]) * FNV_PRIME;
  return h;
}
