/* cache.h: the result cache, as Ruff's .ruff_cache: what analysing a job found, stored on disk under
 * a key that covers everything it depends on, so that a run over unchanged files skips the analysis.
 * This file stores and finds entries; what goes into a key and an entry is session_cache.c's.
 *
 * A cache folder (default: .viewleak_cache at the project root) holds
 *   .gitignore, CACHEDIR.TAG     made with the folder, so that git and backup tools skip it
 *   <version>/scan/<key>.json    the imports of a text (key: the text's digest)
 *   <version>/job/<key>.json     what analysing one job found (key: session_cache.c)
 * Every entry is a JSON object whose members "viewleak", "build", "kind" and "key" repeat the
 * version, the build, the kind and the key it was stored under; an entry that cannot be read, does
 * not parse or says otherwise is a miss.  Entries are written to a temporary file in their folder
 * and renamed into place, so a concurrent run never reads half an entry; equal keys have equal
 * contents, so whichever rename lands last is right.  Entries of other builds stay until the
 * folder is deleted (deleting it at any time is safe).
 *
 * The build is the linker's build-id of the running executable (a hash of the whole linked file,
 * read from memory: driver/build_id.h), or a digest of its bytes (/proc/self/exe) when it has none,
 * folded into every key: rebuilding with changed code or changed library tables (the rules/ TSV
 * files, embedded in the binary) changes every key, while an identical rebuild keeps them.
 *
 * Thread-safety: after vl_cache_open, any thread may get and put entries; the counters are atomic.
 * Prints nothing. */
#ifndef VL_DRIVER_CACHE_H
#define VL_DRIVER_CACHE_H
#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "viewleak/viewleak.h"

typedef struct VlCache VlCache;

typedef enum VlCacheKind { VL_CACHE_SCAN, VL_CACHE_JOB, VL_CACHE_KINDS } VlCacheKind;

typedef struct VlCacheStats {
  size_t asked[VL_CACHE_KINDS], found[VL_CACHE_KINDS]; /* entries looked up, and found valid */
  size_t written, failed;                               /* entries stored, and not stored (I/O) */
} VlCacheStats;

/* Opens the cache folder `dir`, making it (with its parents, .gitignore and CACHEDIR.TAG) when
 * missing.  With read false, entries are stored but never read (the run must analyse everything).
 * NULL with the reason in err when the folder cannot be made or the build cannot be identified. */
VlCache *vl_cache_open(const char *dir, bool read, char *err, size_t errlen);
/* NULL is a no-op. */
void vl_cache_delete(VlCache *self);
/* A digest of the version and the build: the seed of every key. */
uint64_t vl_cache_build(const VlCache *self);
/* The entry stored under key, or NULL (missing, unreadable, corrupt, of another version or build,
 * or reading is off).  The caller deletes it (cJSON_Delete). */
cJSON *vl_cache_get(VlCache *self, VlCacheKind kind, uint64_t key);
/* Stores `entry` under key, adding its header members.  False when it could not be written (the
 * run goes on without it). */
bool vl_cache_put(VlCache *self, VlCacheKind kind, uint64_t key, cJSON *entry);
VlCacheStats vl_cache_stats(const VlCache *self);

/* ---- a session's results in the cache (session_cache.c) ----
 * Use, with the session API of viewleak.h:
 *   vl_session_use_cache before scanning (scans are looked up; files' texts are hashed);
 *   vl_session_cache_settings for every file, before vl_session_plan;
 *   vl_session_cache_restore after vl_session_plan: the jobs whose results were taken are done
 *   (vl_session_job_restored), the others are analysed as usual, then vl_session_cache_store. */

/* The session reads and writes `cache` (borrowed: it must outlive the session). */
void vl_session_use_cache(VlSession *s, VlCache *cache);
/* The settings file i is analysed with (its rule selection, the library extensions). */
void vl_session_cache_settings(VlSession *s, size_t i, const VlSelection *selection,
                               const VlLibraryExtensions *extensions);

typedef struct VlCacheJobs {
  size_t jobs, cacheable, found, restored; /* jobs; with a key; with an entry; taken from it */
} VlCacheJobs;
/* Computes every job's key, looks the entries up, and takes the results of each job found whose
 * results no job to be analysed needs (a job analysed needs what every module it imports exports,
 * which only an analysis makes). */
VlCacheJobs vl_session_cache_restore(VlSession *s);
/* True when job j's results were taken from the cache: it must not be analysed. */
bool vl_session_job_restored(const VlSession *s, size_t j);
/* After job j was analysed: stores its results, unless it has no key, its entry exists, or a file
 * changed between scan and analysis.  Thread-safe for distinct jobs. */
void vl_session_cache_store(VlSession *s, size_t j);

#endif
