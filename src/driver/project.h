/* project.h: which configuration applies to which file.
 *
 * With --config PATH every file uses that file; with --isolated none is read; otherwise each file
 * uses the nearest config above it (Ruff's hierarchical discovery), cached per folder.  A VlProject is
 * owned by one thread. */
#ifndef VL_DRIVER_PROJECT_H
#define VL_DRIVER_PROJECT_H
#include <stdbool.h>

#include "driver/config.h"

typedef struct VlProject VlProject;

/* NULL with err set when --config names a file that cannot be loaded. */
VlProject *vl_project_new(const char *config_path, bool isolated, char *err, size_t errlen);
void vl_project_delete(VlProject *self);
/* The config for a file or folder; NULL when the config that applies is malformed ("path:line: ..."
 * is written into err the first time only, so that it is reported once). */
const VlConfig *vl_project_config_for(VlProject *self, const char *path, char *err, size_t errlen);
/* The config file that applies in folder `dir` (the search a project makes, asked once), or NULL.
 * Caller frees. */
char *vl_config_find(const char *dir);

#endif
