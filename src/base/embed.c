#include "base/embed.h"

#include <string.h>

const VlEmbedded *vl_embedded_find(const char *name) {
  for (const VlEmbedded *e = vl_embedded_rules; e->name; e++)
    if (strcmp(e->name, name) == 0) return e;
  return NULL;
}
