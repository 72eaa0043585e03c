/* test_config_schema.c: schemas/viewleak.json (the JSON Schema of [tool.viewleak], for SchemaStore and
 * editors) names exactly the keys of the reader's key table (driver/config_keys.c), each with the
 * table's type, and forbids any other.  config_schema_validate checks the values of every configuration in tests/
 * and fixtures/ against it with a real validator. */
#define _POSIX_C_SOURCE 200809L
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "driver/config_keys.h"
#include "driver/walk.h"

static cJSON *schema(void) {
  char *text, err[256];
  size_t len;
  assert_true(vl_read_file(VL_SCHEMA_PATH, &text, &len, err, sizeof err));
  cJSON *s = cJSON_Parse(text);
  free(text);
  assert_non_null(s);
  return s;
}

static void keys_agree(void **state) {
  (void)state;
  cJSON *s = schema();
  const cJSON *props = cJSON_GetObjectItemCaseSensitive(s, "properties");
  assert_true(cJSON_IsObject(props));
  size_t n = 0;
  for (const cJSON *p = props->child; p; p = p->next, n++)
    if (!vl_config_key_find(p->string)) fail_msg("the schema has key '%s', which the reader does not know", p->string);
  for (size_t k = 0; k < vl_config_key_count(); k++)
    if (!cJSON_GetObjectItemCaseSensitive(props, vl_config_key_at(k)->name))
      fail_msg("the reader knows key '%s', which the schema lacks", vl_config_key_at(k)->name);
  assert_int_equal(n, vl_config_key_count());
  assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(s, "additionalProperties")));
  cJSON_Delete(s);
}

/* node, or what its "$ref": "#/definitions/NAME" names. */
static const cJSON *resolve(const cJSON *root, const cJSON *node) {
  const cJSON *ref = cJSON_GetObjectItemCaseSensitive(node, "$ref");
  if (!cJSON_IsString(ref)) return node;
  const char *prefix = "#/definitions/";
  assert_true(strncmp(ref->valuestring, prefix, strlen(prefix)) == 0);
  const cJSON *def = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "definitions"),
                                                      ref->valuestring + strlen(prefix));
  if (!def) fail_msg("dangling $ref %s", ref->valuestring);
  return resolve(root, def);
}

/* What a schema node accepts, in words: "boolean", "string", "non-empty string", "rule code" (a
 * string with a pattern), "array of X", "table of X". */
static void shape(const cJSON *root, const cJSON *node, char *out, size_t outlen) {
  node = resolve(root, node);
  const cJSON *type = cJSON_GetObjectItemCaseSensitive(node, "type");
  assert_true(cJSON_IsString(type));
  const char *t = type->valuestring;
  char inner[128];
  if (strcmp(t, "array") == 0) {
    shape(root, cJSON_GetObjectItemCaseSensitive(node, "items"), inner, sizeof inner);
    snprintf(out, outlen, "array of %s", inner);
  } else if (strcmp(t, "object") == 0) {
    shape(root, cJSON_GetObjectItemCaseSensitive(node, "additionalProperties"), inner, sizeof inner);
    snprintf(out, outlen, "table of %s", inner);
  } else if (strcmp(t, "string") == 0 && cJSON_GetObjectItemCaseSensitive(node, "pattern")) {
    snprintf(out, outlen, "rule code");
  } else if (strcmp(t, "string") == 0 && cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(node, "minLength")) >= 1) {
    snprintf(out, outlen, "non-empty string");
  } else {
    snprintf(out, outlen, "%s", t);
  }
}

/* The same words for the key table's types. */
static const char *table_shape(VlConfigType type) {
  switch (type) {
  case VL_CONFIG_RULES: return "array of rule code";
  case VL_CONFIG_GLOBS:
  case VL_CONFIG_NAMES: return "array of string";
  case VL_CONFIG_BOOL: return "boolean";
  case VL_CONFIG_FOLDER: return "non-empty string";
  case VL_CONFIG_RULES_BY_GLOB: return "table of array of rule code";
  }
  return "?";
}

static void types_agree(void **state) {
  (void)state;
  cJSON *s = schema();
  const cJSON *props = cJSON_GetObjectItemCaseSensitive(s, "properties");
  for (size_t k = 0; k < vl_config_key_count(); k++) {
    const VlConfigKey *key = vl_config_key_at(k);
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(props, key->name);
    if (!p) continue; /* keys_agree reports it */
    char got[256];
    shape(s, p, got, sizeof got);
    if (strcmp(got, table_shape(key->type)) != 0)
      fail_msg("key '%s': the schema accepts %s, the reader %s", key->name, got, table_shape(key->type));
  }
  cJSON_Delete(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(keys_agree), cmocka_unit_test(types_agree)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
