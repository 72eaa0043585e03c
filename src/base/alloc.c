#include "base/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size) {
  fprintf(stderr, "viewleak: out of memory (allocating %zu bytes)\n", size);
  abort();
}

void *vl_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory(count * size);
  return p;
}

void *vl_xrealloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (!q) out_of_memory(size);
  return q;
}

char *vl_xstrndup(const char *s, size_t n) {
  if (!s) return NULL;
  char *d = vl_xcalloc(n + 1, 1);
  memcpy(d, s, n);
  return d;
}

char *vl_xstrdup(const char *s) { return s ? vl_xstrndup(s, strlen(s)) : NULL; }
