/* config_keys.h: every key of the [tool.viewleak] table, in one table.
 *
 * The reader (config.c) dispatches on it, "unknown key, did you mean" takes its candidates from it,
 * and a test (tests/formats/test_config_schema.c) checks that schemas/viewleak.json names the same
 * keys with the same types.  Every key is allowed in all three files (pyproject.toml's
 * [tool.viewleak], viewleak.toml, .viewleak.toml); there are no lint.* aliases, and per-file-ignores
 * holds rule codes only: the table has no "where" column until a key is specific to one place.
 * Constant data; thread-safe. */
#ifndef VL_DRIVER_CONFIG_KEYS_H
#define VL_DRIVER_CONFIG_KEYS_H
#include <stddef.h>

typedef enum VlConfigType {
  VL_CONFIG_RULES,         /* an array of rule codes or prefixes, checked against the registry */
  VL_CONFIG_GLOBS,         /* an array of globs */
  VL_CONFIG_NAMES,         /* an array of qualified function names */
  VL_CONFIG_BOOL,          /* true or false */
  VL_CONFIG_FOLDER,        /* a non-empty string naming a folder */
  VL_CONFIG_RULES_BY_GLOB, /* a table of glob = [rule codes] */
} VlConfigType;

typedef struct VlConfigKey {
  const char *name;
  VlConfigType type;
  size_t field; /* offset in VlConfig of the VlStrList, bool or char * it fills (per-file-ignores: unused) */
  size_t flag;  /* offset in VlConfig of the bool set when the key is given, or 0 */
  const char *description;
} VlConfigKey;

size_t vl_config_key_count(void);
const VlConfigKey *vl_config_key_at(size_t i);
/* The key named `name`, or NULL. */
const VlConfigKey *vl_config_key_find(const char *name);

#endif
