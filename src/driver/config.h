/* config.h: project configuration, Ruff-style: the [tool.viewleak] table of a pyproject.toml, or the
 * top level of a viewleak.toml / .viewleak.toml.
 *
 * The keys, their types and meanings are one table, driver/config_keys.c.  The module is split by
 * part, one file each (named by the sections below; the TOML reader is syntax/toml.c, the globs
 * driver/glob.c): docs/design.md, "Configuration", lists them.
 *
 * Sources, nearest to the checked file first (per folder: .viewleak.toml, then viewleak.toml, then a
 * pyproject.toml that has a [tool.viewleak] table).  Globs are matched against the path relative to
 * the config file's folder, and against the file or folder name alone (glob.h).  A VlConfig is
 * immutable once loaded; loading is thread-safe. */
#ifndef VL_DRIVER_CONFIG_H
#define VL_DRIVER_CONFIG_H
#include <stdbool.h>
#include <stddef.h>

#include "viewleak/viewleak.h"

typedef struct VlStrList {
  char **items;
  size_t count;
} VlStrList;

typedef struct VlPerFileIgnore {
  char *pattern;
  VlStrList codes;
} VlPerFileIgnore;

typedef struct VlConfig {
  char *path; /* the file it was read from; NULL for the built-in defaults */
  char *dir;  /* globs are relative to this folder ("." for defaults) */
  bool has_select, has_exclude, has_include;
  VlStrList select, extend_select, ignore, exclude, extend_exclude, include, extend_include;
  VlPerFileIgnore *per_file_ignores;
  size_t nper_file_ignores;
  VlStrList copy_functions, view_functions, array_producers;
  bool respect_gitignore; /* true unless the file says false */
  char *cache_dir; /* as written; NULL when not set */
} VlConfig;

/* ---- config.c ---- */

/* Loads a config file.  pyproject.toml files are read from [tool.viewleak]; other names from the top
 * level.  Returns NULL with "path:line: message" in err on a syntax error, an unknown key or a bad
 * value.  *found is false (and NULL returned without error) for a pyproject.toml with no
 * [tool.viewleak] table. */
VlConfig *vl_config_load(const char *path, bool *found, char *err, size_t errlen);
/* The defaults (no file). */
VlConfig *vl_config_default(void);
void vl_config_delete(VlConfig *self);
/* The library extensions this config adds (borrowed; valid while the config lives). */
VlLibraryExtensions vl_config_extensions(const VlConfig *self);

/* ---- config_find.c ---- */

/* The config file of folder `dir` itself (absolute; no search upwards), or NULL. Caller frees. */
char *vl_config_find_here(const char *dir);

/* ---- config_select.c ---- */

/* The rule selection for `path` under this config, with CLI overrides applied after it. */
VlSelection *vl_config_selection(const VlConfig *self, const char *path, const VlStrList *cli_select,
                                 const VlStrList *cli_extend_select, const VlStrList *cli_ignore);

/* ---- config_files.c ---- */

/* Does the glob (as in `exclude`, relative to the config's folder) match this file or folder? */
bool vl_config_matches(const VlConfig *self, const char *pattern, const char *path);
/* True when the walker should skip `path` (a file or folder found while walking). */
bool vl_config_excludes(const VlConfig *self, const char *path);
/* The files checked when walking folders unless `include` replaces them ("*.py", ...). */
const VlStrList *vl_config_default_includes(void);
/* True when a file found while walking is one to check (include, extend-include). */
bool vl_config_includes(const VlConfig *self, const char *path);

#endif
