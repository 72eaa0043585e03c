/* hash.h: FNV-1a, 64 bits: a small non-cryptographic hash for content digests and cache keys.
 *
 * A digest is built by folding parts into a running value that starts at VL_HASH_SEED:
 *   uint64_t h = vl_hash_str(VL_HASH_SEED, path); h = vl_hash(h, text, len);
 * Strings are folded with their terminating NUL, so ("ab", "c") and ("a", "bc") differ, and NULL
 * differs from every string.  Pure functions; thread-safe. */
#ifndef VL_BASE_HASH_H
#define VL_BASE_HASH_H
#include <stddef.h>
#include <stdint.h>

#define VL_HASH_SEED 0xcbf29ce484222325ull /* FNV-1a's offset basis */

/* h with `len` bytes folded in. */
uint64_t vl_hash(uint64_t h, const void *data, size_t len);
/* h with a string (or NULL) folded in. */
uint64_t vl_hash_str(uint64_t h, const char *s);
/* h with a number folded in (8 bytes, least significant first). */
uint64_t vl_hash_u64(uint64_t h, uint64_t v);

#endif
