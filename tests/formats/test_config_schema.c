/* test_config_schema.c: schemas/viewleak.json (the JSON Schema of [tool.viewleak], for SchemaStore and
 * editors) names exactly the keys the configuration reader knows (vl_config_keys, driver/config.c),
 * and forbids any other.  config_schema_validate checks the values of every configuration in tests/
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

#include "driver/config.h"
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
  for (const cJSON *p = props->child; p; p = p->next, n++) {
    bool known = false;
    for (size_t k = 0; k < vl_config_nkeys && !known; k++) known = strcmp(vl_config_keys[k], p->string) == 0;
    if (!known) fail_msg("the schema has key '%s', which the reader does not know", p->string);
  }
  for (size_t k = 0; k < vl_config_nkeys; k++)
    if (!cJSON_GetObjectItemCaseSensitive(props, vl_config_keys[k]))
      fail_msg("the reader knows key '%s', which the schema lacks", vl_config_keys[k]);
  assert_int_equal(n, vl_config_nkeys);
  assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(s, "additionalProperties")));
  cJSON_Delete(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(keys_agree)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
