#define _POSIX_C_SOURCE 200809L
#include "driver/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"

static void push(char ***list, size_t *n, char *s) {
  *list = vl_xrealloc(*list, (*n + 1) * sizeof(char *));
  (*list)[(*n)++] = s;
}

static void error(VlPathList *out, const char *path, const char *why) {
  size_t n = strlen(path) + strlen(why) + 3;
  char *s = vl_xcalloc(n, 1);
  snprintf(s, n, "%s: %s", path, why);
  push(&out->errors, &out->nerrors, s);
}

static bool is_python(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".py") == 0) || (n > 4 && strcmp(name + n - 4, ".pyi") == 0);
}

static char *join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0) return vl_xstrdup(name);
  size_t n = strlen(dir);
  bool slash = n && dir[n - 1] == '/';
  char *s = vl_xcalloc(n + strlen(name) + 2, 1);
  sprintf(s, "%s%s%s", dir, slash ? "" : "/", name);
  return s;
}

static void walk_dir(const char *dir, VlSkipFn skip, void *ctx, VlPathList *out, int depth) {
  if (depth > 64) { error(out, dir, "directory nesting too deep"); return; }
  DIR *d = opendir(dir);
  if (!d) { error(out, dir, strerror(errno)); return; }
  for (struct dirent *ent; (ent = readdir(d));) {
    const char *name = ent->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
    char *path = join(dir, name);
    struct stat st;
    if (lstat(path, &st) != 0) {
      error(out, path, strerror(errno));
      free(path);
      continue;
    }
    if (skip && (S_ISDIR(st.st_mode) || is_python(name)) && skip(ctx, path)) {
      free(path);
    } else if (S_ISDIR(st.st_mode)) {
      walk_dir(path, skip, ctx, out, depth + 1);
      free(path);
    } else if (S_ISREG(st.st_mode) && is_python(name)) {
      push(&out->paths, &out->count, path);
    } else {
      free(path);
    }
  }
  closedir(d);
}

static void dedupe(VlPathList *out);

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk_roots(const char *const *roots, size_t nroots, VlSkipFn skip, void *ctx, bool forced, VlPathList *out) {
  *out = (VlPathList){0};
  for (size_t i = 0; i < nroots; i++) {
    const char *root = roots[i];
    while (root[0] == '.' && root[1] == '/' && root[2]) root += 2;
    struct stat st;
    if (forced && skip && skip(ctx, root)) continue;
    if (stat(root, &st) != 0) {
      error(out, root, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      walk_dir(root, skip, ctx, out, 0);
    } else {
      push(&out->paths, &out->count, vl_xstrdup(root));
    }
  }
  if (out->count) qsort(out->paths, out->count, sizeof(char *), by_name);
  dedupe(out);
}

void vl_walk(const char *const *roots, size_t nroots, VlSkipFn skip, void *ctx, VlPathList *out) {
  walk_roots(roots, nroots, skip, ctx, false, out);
}

void vl_walk_forced(const char *const *roots, size_t nroots, VlSkipFn skip, void *ctx, VlPathList *out) {
  walk_roots(roots, nroots, skip, ctx, true, out);
}

static void dedupe(VlPathList *out) {
  /* the same file named twice (or inside a named folder) is checked once */
  size_t w = 0;
  for (size_t r = 0; r < out->count; r++) {
    if (w && strcmp(out->paths[w - 1], out->paths[r]) == 0) free(out->paths[r]);
    else out->paths[w++] = out->paths[r];
  }
  out->count = w;
}

void vl_path_list_free(VlPathList *self) {
  for (size_t i = 0; i < self->count; i++) free(self->paths[i]);
  for (size_t i = 0; i < self->nerrors; i++) free(self->errors[i]);
  free(self->paths);
  free(self->errors);
  *self = (VlPathList){0};
}

bool vl_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "%s", strerror(errno));
    return false;
  }
  VlBuf buf = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) vl_buf_append(&buf, chunk, n);
  bool ok = !ferror(f);
  if (!ok) snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
  fclose(f);
  if (!ok) {
    vl_buf_free(&buf);
    return false;
  }
  if (!buf.data) vl_buf_append(&buf, "", 0);
  *data = buf.data;
  *len = buf.len;
  return true;
}

char *vl_display_path(const char *path) {
  char *abs = vl_abs_path(path), *cwd = vl_abs_path(".");
  size_t n = strlen(cwd);
  char *out = strncmp(abs, cwd, n) == 0 && abs[n] == '/' ? vl_xstrdup(abs + n + 1) : vl_xstrdup(path);
  free(abs);
  free(cwd);
  return out;
}

char *vl_abs_path(const char *path) {
  VlBuf b = {0};
  if (path[0] != '/') {
    char cwd[4096];
    vl_buf_puts(&b, getcwd(cwd, sizeof cwd) ? cwd : ".");
  }
  for (const char *p = path; *p;) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.') { /* drop the last segment */
      char *slash_at = b.len ? strrchr(b.data, '/') : NULL;
      if (slash_at) {
        b.len = (size_t)(slash_at - b.data);
        b.data[b.len] = '\0';
      }
    } else if (n && !(n == 1 && p[0] == '.')) {
      vl_buf_append(&b, "/", 1);
      vl_buf_append(&b, p, n);
    }
    p += n + (slash ? 1 : 0);
  }
  if (!b.len) vl_buf_puts(&b, "/");
  return b.data;
}
