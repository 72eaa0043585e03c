/* embed.h: files compiled into the binary by cmake/embed.cmake (rule docs, library tables).
 * Tables end with an all-zero entry.  Read-only, thread-safe. */
#ifndef VL_BASE_EMBED_H
#define VL_BASE_EMBED_H
#include <stddef.h>

typedef struct VlEmbedded {
  const char *name; /* file name without folder, e.g. "VL001.md" */
  const char *data; /* NUL-terminated */
  size_t len;
} VlEmbedded;

extern const VlEmbedded vl_embedded_rules[]; /* the .md and .tsv files of rules/ */

/* Returns the embedded file with that name, or NULL. */
const VlEmbedded *vl_embedded_find(const char *name);

#endif
