/* hash.h: 64-bit non-cryptographic hashes.
 *
 * Two families, for two kinds of use:
 *
 * - vl_hash, vl_hash_str, vl_hash_u64: XXH3 (Debian's libxxhash-dev, compiled inline), for content
 *   digests and cache keys that stay inside one build of viewleak.  A digest is built by folding
 *   parts into a running value that starts at VL_HASH_SEED (each part is hashed with the running
 *   value as XXH3's seed):
 *     uint64_t h = vl_hash_str(VL_HASH_SEED, path); h = vl_hash(h, text, len);
 *   Strings are folded with their terminating NUL, so ("ab", "c") and ("a", "bc") differ, and NULL
 *   differs from every string.  Their values may change between versions: the result cache is keyed
 *   by the build (cache.h), so no value outlives the build that made it.
 *
 * - vl_fnv1a: 64-bit FNV-1a, for values users see or keep across versions (GitLab fingerprints,
 *   --shard's split of the files), whose definition is documented and must not change.
 *
 * Pure functions; thread-safe. */
#ifndef VL_BASE_HASH_H
#define VL_BASE_HASH_H
#include <stddef.h>
#include <stdint.h>

#define VL_HASH_SEED UINT64_C(0xcbf29ce484222325)

/* h with `len` bytes folded in. */
uint64_t vl_hash(uint64_t h, const void *data, size_t len);
/* h with a string (or NULL) folded in. */
uint64_t vl_hash_str(uint64_t h, const char *s);
/* h with a number folded in (8 bytes, least significant first). */
uint64_t vl_hash_u64(uint64_t h, uint64_t v);

/* FNV-1a's offset basis: the starting value of a vl_fnv1a digest. */
#define VL_FNV1A_OFFSET UINT64_C(0xcbf29ce484222325)
/* h with `len` bytes folded in by 64-bit FNV-1a (one byte at a time). */
uint64_t vl_fnv1a(uint64_t h, const void *data, size_t len);

#endif
