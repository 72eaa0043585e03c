#include "driver/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "driver/walk.h"

typedef struct Loaded {
  char *path; /* config file path, "" for defaults */
  VlConfig *config;
  bool broken;
  struct Loaded *next;
} Loaded;

/* The configuration that applies in a folder, by the folder's path: as given (the folders of the
 * files asked about) and absolute (those and the folders above them, filled as the search goes up,
 * so each folder's files are looked for once). */
typedef struct DirCache {
  char *dir;
  Loaded *loaded;
} DirCache;

struct VlProject {
  VlConfig *fixed; /* --config or --isolated */
  VlConfig *defaults;
  Loaded *loaded;
  VL_VEC(DirCache) dirs; /* (each allocated once: the map's keys point into them) */
  VlStrMap dir_index;    /* folder -> index in dirs */
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
  for (size_t k = 0; k < self->dirs.len; k++) free(self->dirs.items[k].dir);
  VL_VEC_FREE(&self->dirs);
  vl_strmap_free(&self->dir_index);
  free(self);
}

static Loaded *known_dir(const VlProject *self, const char *dir) {
  size_t k;
  return vl_strmap_get(&self->dir_index, dir, &k) ? self->dirs.items[k].loaded : NULL;
}

/* Remembers that `loaded` applies in `dir` (taken). */
static void remember_dir(VlProject *self, char *dir, Loaded *loaded) {
  VL_VEC_PUSH(&self->dirs, ((DirCache){dir, loaded}));
  /* the map's keys are the strings themselves, which do not move when the vector grows */
  vl_strmap_put(&self->dir_index, dir, self->dirs.len - 1);
}

/* The loaded configuration of file `cfg` ("" for the defaults), loaded now if it is new. */
static Loaded *load(VlProject *self, const char *cfg, char *err, size_t errlen) {
  for (Loaded *l = self->loaded; l; l = l->next)
    if (strcmp(l->path, cfg) == 0) return l;
  Loaded *hit = vl_xcalloc(1, sizeof(Loaded));
  hit->path = vl_xstrdup(cfg);
  if (*cfg) {
    bool found;
    hit->config = vl_config_load(cfg, &found, err, errlen);
    hit->broken = !hit->config && err[0];
  }
  hit->next = self->loaded;
  self->loaded = hit;
  return hit;
}

/* What applies in absolute folder `dir`: its own config file, else what applies in the folder above
 * (one folder at a time, each folder looked at once per project). */
static Loaded *loaded_for(VlProject *self, const char *dir, char *err, size_t errlen) {
  Loaded *hit = known_dir(self, dir);
  if (hit) return hit;
  char *cfg = vl_config_find_here(dir);
  if (cfg) {
    hit = load(self, cfg, err, errlen);
    free(cfg);
  } else if (strcmp(dir, "/") == 0) {
    hit = load(self, "", err, errlen);
  } else {
    char *up = vl_path_dir(dir);
    hit = loaded_for(self, up, err, errlen);
    free(up);
  }
  remember_dir(self, vl_xstrdup(dir), hit);
  return hit;
}

const VlConfig *vl_project_config_for(VlProject *self, const char *path, char *err, size_t errlen) {
  err[0] = '\0';
  if (self->fixed) return self->fixed;
  char *dir = vl_path_dir(path);
  Loaded *hit = known_dir(self, dir);
  if (!hit) {
    char *abs = vl_abs_path(dir);
    hit = loaded_for(self, abs, err, errlen);
    bool same = strcmp(dir, abs) == 0; /* (then remembered already) */
    free(abs);
    if (!same) {
      remember_dir(self, dir, hit);
      dir = NULL;
    }
  }
  free(dir);
  if (hit->broken) return NULL; /* err was filled when it was first loaded */
  return hit->config ? hit->config : self->defaults;
}

char *vl_config_find(const char *dir) {
  char err[512] = "";
  VlProject *p = vl_project_new(NULL, false, err, sizeof err);
  char *abs = vl_abs_path(dir);
  const Loaded *hit = loaded_for(p, abs, err, sizeof err);
  char *found = *hit->path ? vl_xstrdup(hit->path) : NULL;
  free(abs);
  vl_project_delete(p);
  return found;
}
