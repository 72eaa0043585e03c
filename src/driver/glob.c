/* glob.c: anchored glob matching (glob.h). */
#define _POSIX_C_SOURCE 200809L
#include "driver/glob.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "driver/walk.h"

/* The (absolute) path relative to the anchor, or the path itself when not below it. */
static const char *relative_to(const char *anchor, const char *abs) {
  size_t n = strlen(anchor);
  if (strncmp(abs, anchor, n) == 0 && abs[n] == '/') return abs + n + 1;
  return abs;
}

VlGlobTarget vl_glob_target(const char *anchor, const char *path) {
  VlGlobTarget t = {vl_abs_path(path), NULL, strrchr(path, '/') ? strrchr(path, '/') + 1 : path};
  t.rel = relative_to(anchor, t.abs);
  return t;
}

void vl_glob_target_free(VlGlobTarget *self) {
  free(self->abs);
  self->abs = NULL;
}

bool vl_glob_matches(const char *pattern, const VlGlobTarget *t) {
  size_t pl = strlen(pattern);
  char *pat = vl_xstrdup(pattern);
  if (pl > 1 && pat[pl - 1] == '/') pat[pl - 1] = '\0'; /* "legacy/" names a folder */
  bool m = fnmatch(pat, t->rel, 0) == 0 || fnmatch(pat, t->name, 0) == 0;
  if (!m) { /* a folder pattern also matches everything below it */
    size_t k = strlen(pat);
    m = strncmp(t->rel, pat, k) == 0 && t->rel[k] == '/';
  }
  free(pat);
  return m;
}
