/* config_keys.c: the [tool.viewleak] keys (config_keys.h), in the README's order. */
#include "driver/config_keys.h"

#include <string.h>

#include "driver/config.h"

#define FIELD(f) offsetof(VlConfig, f)

static const VlConfigKey keys[] = {
    {"select", VL_CONFIG_RULES, FIELD(select), FIELD(has_select), "rules to run (replaces the default set)"},
    {"extend-select", VL_CONFIG_RULES, FIELD(extend_select), 0, "rules to add to the set"},
    {"ignore", VL_CONFIG_RULES, FIELD(ignore), 0, "rules to skip (wins over select)"},
    {"per-file-ignores", VL_CONFIG_RULES_BY_GLOB, 0, 0, "rules to skip in matching files"},
    {"include", VL_CONFIG_GLOBS, FIELD(include), FIELD(has_include),
     "files to check when walking folders (replaces the defaults \"*.py\", \"*.pyi\", \"*.ipynb\")"},
    {"extend-include", VL_CONFIG_GLOBS, FIELD(extend_include), 0, "more files to check when walking folders"},
    {"exclude", VL_CONFIG_GLOBS, FIELD(exclude), FIELD(has_exclude), "files/folders not to walk (replaces the defaults)"},
    {"extend-exclude", VL_CONFIG_GLOBS, FIELD(extend_exclude), 0, "more files/folders not to walk"},
    {"respect-gitignore", VL_CONFIG_BOOL, FIELD(respect_gitignore), 0,
     "skip what git ignores when walking (default true)"},
    {"extend-copy-functions", VL_CONFIG_NAMES, FIELD(copy_functions), 0, "project helpers that return a new array"},
    {"extend-view-functions", VL_CONFIG_NAMES, FIELD(view_functions), 0,
     "project helpers that return a view of their first argument"},
    {"extend-array-producers", VL_CONFIG_NAMES, FIELD(array_producers), 0,
     "project helpers that make a new array from nothing"},
    {"cache-dir", VL_CONFIG_FOLDER, FIELD(cache_dir), 0,
     "the result cache's folder (relative to the config's folder); read from the configuration of the "
     "current folder only, as Ruff's"},
};

size_t vl_config_key_count(void) { return sizeof keys / sizeof *keys; }

const VlConfigKey *vl_config_key_at(size_t i) { return i < vl_config_key_count() ? &keys[i] : NULL; }

const VlConfigKey *vl_config_key_find(const char *name) {
  for (size_t i = 0; i < vl_config_key_count(); i++)
    if (strcmp(keys[i].name, name) == 0) return &keys[i];
  return NULL;
}
