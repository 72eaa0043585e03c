/* shard.h: --shard K/N, one of N disjoint parts of the files a check reports.
 *
 * A file belongs to shard K of N when the 64-bit FNV-1a hash of its path as printed (relative to the
 * current folder when it lies below it, see vl_display_path) is K-1 modulo N.  The split depends on
 * the path alone, so the N shards of one file set, checked from the same folder, report every file
 * exactly once.  Pure functions: thread-safe. */
#ifndef VL_DRIVER_SHARD_H
#define VL_DRIVER_SHARD_H
#include <stdbool.h>
#include <stdint.h>

typedef struct VlShard {
  uint32_t index; /* K, 1-based */
  uint32_t count; /* N; 0 for no sharding (every file) */
} VlShard;

/* The largest N accepted. */
#define VL_SHARD_MAX 100000

/* Parses "K/N" (decimal, 1 <= K <= N <= VL_SHARD_MAX, nothing else); false when it is not that. */
bool vl_shard_parse(const char *text, VlShard *out);
/* Is the file at `path` (a path as the walk gives it) in the shard?  Always with no sharding. */
bool vl_shard_has(VlShard shard, const char *path);
/* The hash the split uses, of a path as printed (exposed for tests). */
uint64_t vl_shard_hash(const char *display_path);

#endif
