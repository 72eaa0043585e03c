/* glob.h: the globs of exclude, include and per-file-ignores, anchored at a folder.
 *
 * A glob (fnmatch, no flags: `*` crosses `/`) matches a path when it matches the path relative to
 * the anchor folder, or the path's last part alone; a glob ending in `/` ("legacy/") names a folder,
 * and a glob that names a folder also matches everything below it.  A path not below the anchor is
 * matched as absolute.  No state; thread-safe. */
#ifndef VL_DRIVER_GLOB_H
#define VL_DRIVER_GLOB_H
#include <stdbool.h>

/* A path as globs see it, computed once for all of a configuration's globs. */
typedef struct VlGlobTarget {
  char *abs;        /* owned */
  const char *rel;  /* relative to the anchor folder, or abs when not below it */
  const char *name; /* the last part, as given (borrowed from the path) */
} VlGlobTarget;

/* `path`'s target for globs anchored at the absolute folder `anchor`; `path` must outlive it.  Free
 * with vl_glob_target_free. */
VlGlobTarget vl_glob_target(const char *anchor, const char *path);
void vl_glob_target_free(VlGlobTarget *self);
bool vl_glob_matches(const char *pattern, const VlGlobTarget *target);

#endif
