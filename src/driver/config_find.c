/* config_find.c: which configuration file applies in a folder (config.h). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "driver/config.h"

/* Per folder, nearest first: the first of these that is a regular file wins. */
static const char *const names[] = {".viewleak.toml", "viewleak.toml", "pyproject.toml"};

/* A pyproject.toml counts only with a [tool.viewleak] table (a broken one counts: its error is
 * reported when it is loaded). */
static bool pyproject_counts(const char *path) {
  bool has = false;
  char why[512] = "";
  vl_config_delete(vl_config_load(path, &has, why, sizeof why));
  return has || why[0];
}

char *vl_config_find_here(const char *dir) {
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    size_t n = strlen(dir) + strlen(names[i]) + 2;
    char *p = vl_xcalloc(n, 1);
    snprintf(p, n, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", names[i]);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && (strcmp(names[i], "pyproject.toml") != 0 || pyproject_counts(p)))
      return p;
    free(p);
  }
  return NULL;
}
