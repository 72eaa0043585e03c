/* test_github_escape.c: escaping for GitHub Actions workflow commands (output/format.c,
 * vl_format_github_escape), as the Actions toolkit does it (toolkit/packages/core/src/command.ts):
 *   data (the message):  % -> %25, \r -> %0D, \n -> %0A
 *   property values:     the same, and : -> %3A, , -> %2C */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>

#include "output/common.h"

static void expect_escape(const char *in, bool property, const char *want) {
  char *got = vl_format_github_escape(in, property);
  assert_string_equal(got, want);
  free(got);
}

static void data_escapes_percent_cr_lf(void **state) {
  (void)state;
  expect_escape("100% of rows, then\nmore", false, "100%25 of rows, then%0Amore");
  expect_escape("a\r\nb", false, "a%0D%0Ab");
  expect_escape("%0A is not a newline", false, "%250A is not a newline"); /* no double meaning */
}

static void data_keeps_colon_and_comma(void **state) {
  (void)state;
  expect_escape("line 20: a, b", false, "line 20: a, b");
  expect_escape("`data[i]` is a view", false, "`data[i]` is a view");
}

static void property_escapes_colon_and_comma(void **state) {
  (void)state;
  expect_escape("odd name, 100%.py", true, "odd name%2C 100%25.py");
  expect_escape("C:\\x,y\n", true, "C%3A\\x%2Cy%0A");
  expect_escape("VL001 (retained-view-of-rebound-array)", true, "VL001 (retained-view-of-rebound-array)");
}

static void empty_and_plain(void **state) {
  (void)state;
  expect_escape("", false, "");
  expect_escape("", true, "");
  expect_escape("examples/mixed.py", true, "examples/mixed.py");
  expect_escape("données→ü", true, "données→ü"); /* UTF-8 passes through */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(data_escapes_percent_cr_lf),
      cmocka_unit_test(data_keeps_colon_and_comma),
      cmocka_unit_test(property_escapes_colon_and_comma),
      cmocka_unit_test(empty_and_plain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
