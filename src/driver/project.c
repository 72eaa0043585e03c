#include "driver/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "driver/walk.h"

typedef struct Loaded {
  char *path; /* config file path, "" for defaults */
  VlConfig *config;
  bool broken;
  struct Loaded *next;
} Loaded;

typedef struct DirCache {
  char *dir;
  Loaded *loaded;
  struct DirCache *next;
} DirCache;

struct VlProject {
  VlConfig *fixed; /* --config or --isolated */
  VlConfig *defaults;
  Loaded *loaded;
  DirCache *dirs;
};

VlProject *vl_project_new(const char *config_path, bool isolated, char *err, size_t errlen) {
  VlProject *p = vl_xcalloc(1, sizeof(VlProject));
  p->defaults = vl_config_default();
  if (config_path) {
    bool found;
    p->fixed = vl_config_load(config_path, &found, err, errlen);
    if (!p->fixed && !found && !err[0]) snprintf(err, errlen, "%s: no [tool.viewleak] table", config_path);
    if (!p->fixed) {
      vl_project_delete(p);
      return NULL;
    }
  } else if (isolated) {
    p->fixed = vl_config_default();
  }
  return p;
}

void vl_project_delete(VlProject *self) {
  if (!self) return;
  vl_config_delete(self->fixed);
  vl_config_delete(self->defaults);
  for (Loaded *l = self->loaded, *n; l; l = n) {
    n = l->next;
    free(l->path);
    vl_config_delete(l->config);
    free(l);
  }
  for (DirCache *d = self->dirs, *n; d; d = n) {
    n = d->next;
    free(d->dir);
    free(d);
  }
  free(self);
}

static char *folder_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? vl_xstrndup(path, (size_t)(slash - path) ? (size_t)(slash - path) : 1) : vl_xstrdup(".");
}

const VlConfig *vl_project_config_for(VlProject *self, const char *path, char *err, size_t errlen) {
  err[0] = '\0';
  if (self->fixed) return self->fixed;
  char *dir = folder_of(path);
  DirCache *dc = NULL;
  for (DirCache *d = self->dirs; d && !dc; d = d->next)
    if (strcmp(d->dir, dir) == 0) dc = d;
  if (!dc) {
    char *cfg = vl_config_find(dir);
    Loaded *hit = NULL;
    for (Loaded *l = self->loaded; l && !hit; l = l->next)
      if (strcmp(l->path, cfg ? cfg : "") == 0) hit = l;
    if (!hit) {
      hit = vl_xcalloc(1, sizeof(Loaded));
      hit->path = vl_xstrdup(cfg ? cfg : "");
      if (cfg) {
        bool found;
        hit->config = vl_config_load(cfg, &found, err, errlen);
        hit->broken = !hit->config && err[0];
      }
      hit->next = self->loaded;
      self->loaded = hit;
    }
    free(cfg);
    dc = vl_xcalloc(1, sizeof(DirCache));
    dc->dir = dir;
    dc->loaded = hit;
    dc->next = self->dirs;
    self->dirs = dc;
    dir = NULL;
  }
  free(dir);
  if (dc->loaded->broken) return NULL; /* err was filled when it was first loaded */
  return dc->loaded->config ? dc->loaded->config : self->defaults;
}
