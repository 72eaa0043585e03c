/* config_files.c: which files and folders a configuration walks (config.h): include, exclude and
 * their defaults, matched with glob.h. */
#define _POSIX_C_SOURCE 200809L
#include <fnmatch.h>
#include <string.h>

#include "driver/config.h"
#include "driver/glob.h"

/* Folder and file names not walked unless the configuration's `exclude` replaces this list. */
static const char *const default_excludes[] = {".git", "__pycache__", ".venv", "venv", "node_modules", "build",
                                               "dist", ".tox", ".nox", ".mypy_cache", ".ruff_cache",
                                               ".pytest_cache", ".eggs", ".viewleak_cache"};
/* Files checked when walking folders unless the configuration's `include` replaces this list. */
static const char *const default_includes[] = {"*.py", "*.pyi", "*.ipynb"};

const VlStrList *vl_config_default_includes(void) {
  static const VlStrList list = {(char **)default_includes, sizeof default_includes / sizeof *default_includes};
  return &list;
}

static const char *name_of(const char *path) { return strrchr(path, '/') ? strrchr(path, '/') + 1 : path; }

/* Does any glob of a or b match `path`? */
static bool any_matches(const VlConfig *self, const VlStrList *a, const VlStrList *b, const char *path) {
  if (!a->count && !b->count) return false; /* nothing to compute */
  VlGlobTarget t = vl_glob_target(self->dir, path);
  bool m = false;
  for (size_t i = 0; i < a->count && !m; i++) m = vl_glob_matches(a->items[i], &t);
  for (size_t i = 0; i < b->count && !m; i++) m = vl_glob_matches(b->items[i], &t);
  vl_glob_target_free(&t);
  return m;
}

bool vl_config_matches(const VlConfig *self, const char *pattern, const char *path) {
  VlGlobTarget t = vl_glob_target(self->dir, path);
  bool m = vl_glob_matches(pattern, &t);
  vl_glob_target_free(&t);
  return m;
}

bool vl_config_excludes(const VlConfig *self, const char *path) {
  if (!self->has_exclude)
    for (size_t i = 0; i < sizeof default_excludes / sizeof *default_excludes; i++)
      if (strcmp(name_of(path), default_excludes[i]) == 0) return true;
  return any_matches(self, &self->exclude, &self->extend_exclude, path);
}

bool vl_config_includes(const VlConfig *self, const char *path) {
  if (!self->has_include) /* name patterns: no need for the path relative to the configuration */
    for (size_t i = 0; i < sizeof default_includes / sizeof *default_includes; i++)
      if (fnmatch(default_includes[i], name_of(path), 0) == 0) return true;
  return any_matches(self, &self->include, &self->extend_include, path);
}
