/* modules.c: module names and the files that define them. */
#define _POSIX_C_SOURCE 200809L
#include "driver/modules.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/vec.h"
#include "driver/walk.h"

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Is `dir` (a folder path, "" for the current one) a package: does it hold an __init__.py? */
static bool is_package(const char *dir) {
  char *init = vl_xcalloc(1, strlen(dir) + 16);
  strcpy(init, *dir ? dir : ".");
  strcat(init, "/__init__.py");
  bool yes = is_file(init);
  free(init);
  return yes;
}

static bool identifier(const char *s, size_t n) {
  if (!n || (s[0] >= '0' && s[0] <= '9')) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80)))
      return false;
  }
  return true;
}

char *vl_module_for_path(const char *path, bool *package, char **root) {
  char *dir = vl_xstrdup(path);
  char *slash = strrchr(dir, '/');
  const char *base = slash ? slash + 1 : dir;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
  else if (n > 4 && strcmp(base + n - 4, ".pyi") == 0) n -= 4;
  *package = strncmp(base, "__init__", n) == 0 && n == 8;
  /* the parts, innermost first: the file's stem (unless __init__), then each package folder */
  VL_VEC(char *) parts = {0};
  if (!*package) VL_VEC_PUSH(&parts, vl_xstrndup(base, n));
  if (slash) *slash = '\0';
  else dir[0] = '\0';
  while (dir[0] && is_package(dir)) {
    char *up = strrchr(dir, '/');
    const char *name = up ? up + 1 : dir;
    if (!identifier(name, strlen(name))) break;
    VL_VEC_PUSH(&parts, vl_xstrdup(name));
    if (up) *up = '\0';
    else dir[0] = '\0';
  }
  if (*package && !parts.len) VL_VEC_PUSH(&parts, vl_xstrdup("__init__")); /* a package at the top */
  VlBuf b = {0};
  for (size_t i = parts.len; i-- > 0;) {
    vl_buf_printf(&b, "%s%s", i + 1 < parts.len ? "." : "", parts.items[i]);
    free(parts.items[i]);
  }
  VL_VEC_FREE(&parts);
  if (root) *root = vl_xstrdup(dir);
  free(dir);
  return b.data ? b.data : vl_xstrdup("");
}

/* The file defining `name` below `root`, or NULL. */
static char *path_for_module(const char *root, const char *name) {
  VlBuf b = {0};
  if (*root) vl_buf_printf(&b, "%s/", root);
  for (const char *c = name; *c; c++) vl_buf_append(&b, *c == '.' ? "/" : c, 1);
  size_t stem = b.len;
  vl_buf_puts(&b, ".py");
  if (is_file(b.data)) return b.data;
  b.len = stem;
  vl_buf_puts(&b, "/__init__.py");
  if (is_file(b.data)) return b.data;
  vl_buf_free(&b);
  return NULL;
}

size_t vl_session_discover(VlSession *s, size_t limit) {
  /* the roots of the checked files' modules */
  VL_VEC(char *) roots = {0};
  for (size_t i = 0; i < vl_session_count(s); i++) {
    if (!vl_session_checked(s, i)) continue;
    bool pkg;
    char *root = NULL;
    free(vl_module_for_path(vl_session_path(s, i), &pkg, &root));
    bool dup = false;
    for (size_t r = 0; r < roots.len && !dup; r++) dup = strcmp(roots.items[r], root) == 0;
    if (dup) free(root);
    else VL_VEC_PUSH(&roots, root);
  }
  size_t added = 0;
  for (size_t i = 0; i < vl_session_count(s) && added < limit; i++) {
    const char *const *names;
    size_t n = vl_session_imports(s, i, &names);
    for (size_t k = 0; k < n && added < limit; k++) {
      for (size_t r = 0; r < roots.len; r++) {
        char *path = path_for_module(roots.items[r], names[k]);
        if (!path) continue;
        size_t before = vl_session_count(s);
        bool pkg;
        char *module = vl_module_for_path(path, &pkg, NULL);
        size_t j = vl_session_add(s, path, module, pkg, false);
        free(module);
        if (j == before) { /* new: read what it imports in turn */
          char *text, err[256];
          size_t len;
          if (vl_read_file(path, &text, &len, err, sizeof err)) {
            vl_session_scan(s, j, text, len);
            free(text);
          }
          added++;
        }
        free(path);
        break;
      }
    }
  }
  for (size_t r = 0; r < roots.len; r++) free(roots.items[r]);
  VL_VEC_FREE(&roots);
  return added;
}
