/* test_noqa.c: `# noqa` directives, Ruff's syntax (diag/noqa.c). */
#include "testlib.h"

#include "diag/noqa.h"

static bool covers(const char *comment, const char *code) { return vl_noqa_covers(comment, strlen(comment), code); }

static void blanket(void **state) {
  (void)state;
  assert_true(covers("# noqa", "VL001"));
  assert_true(covers("#noqa", "VL001"));
  assert_true(covers("#   noqa", "VL001"));
  assert_true(covers("# noqa  ", "VL001"));
  assert_true(covers("# noqa", "VL999")); /* every code */
}

static void single_code(void **state) {
  (void)state;
  assert_true(covers("# noqa: VL001", "VL001"));
  assert_true(covers("# noqa:VL001", "VL001"));
  assert_true(covers("#noqa:VL001", "VL001"));
}

static void other_code_not_covered(void **state) {
  (void)state;
  assert_false(covers("# noqa: VL002", "VL001"));
  assert_false(covers("# noqa: E501", "VL001"));
  assert_false(covers("# noqa: VL002, E501", "VL001"));
}

static void prefixes(void **state) {
  (void)state;
  assert_true(covers("# noqa: VL0", "VL001"));
  assert_true(covers("# noqa: VL00", "VL001"));
  assert_true(covers("# noqa: VL", "VL001"));
  assert_false(covers("# noqa: VL1", "VL001"));
  assert_false(covers("# noqa: VL0011", "VL001")); /* longer than the code: not a prefix */
}

static void case_insensitive(void **state) {
  (void)state;
  assert_true(covers("# NOQA", "VL001"));
  assert_true(covers("# NoQa: VL001", "VL001"));
  assert_true(covers("# NOQA:VL001,VL002", "VL002"));
}

static void comma_and_space_lists(void **state) {
  (void)state;
  assert_true(covers("# noqa: E501,VL001", "VL001"));
  assert_true(covers("# noqa: E501, VL001", "VL001"));
  assert_true(covers("# noqa: E501 VL001", "VL001"));
  assert_true(covers("# noqa: E501 ,  VL001,", "VL001"));
  assert_true(covers("# noqa:\tE501,\tVL001", "VL001"));
  assert_false(covers("# noqa: E501, F401 W291", "VL001"));
}

static void after_other_comment_text(void **state) {
  (void)state;
  assert_true(covers("# keep the row  # noqa: VL001", "VL001"));
  assert_true(covers("# keep the row # noqa", "VL001"));
  assert_false(covers("# keep the row  # noqa: VL002", "VL001"));
  assert_false(covers("# the word noqa in prose", "VL001")); /* must follow a '#' */
}

static void empty_code_list_is_blanket(void **state) {
  (void)state;
  /* `# noqa:` with nothing after acts as a blanket noqa, as in Ruff */
  assert_true(covers("# noqa:", "VL001"));
  assert_true(covers("# noqa:   ", "VL001"));
}

static void noqanything_is_not_a_directive(void **state) {
  (void)state;
  assert_false(covers("# noqanything", "VL001"));
  assert_false(covers("# noqa1", "VL001"));
  assert_false(covers("# no qa", "VL001"));
  assert_false(covers("# nothing to see", "VL001"));
  assert_false(covers("#", "VL001"));
  assert_false(covers("", "VL001"));
}

static void reads_only_len_bytes(void **state) {
  (void)state;
  const char *c = "# noqa: VL002";
  assert_false(vl_noqa_covers(c, strlen(c), "VL001"));
  assert_true(vl_noqa_covers(c, strlen("# noqa"), "VL001")); /* the codes are past len: blanket */
  assert_false(vl_noqa_covers("# noqa", 4, "VL001")); /* "# no" */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(blanket),
      cmocka_unit_test(single_code),
      cmocka_unit_test(other_code_not_covered),
      cmocka_unit_test(prefixes),
      cmocka_unit_test(case_insensitive),
      cmocka_unit_test(comma_and_space_lists),
      cmocka_unit_test(after_other_comment_text),
      cmocka_unit_test(empty_code_list_is_blanket),
      cmocka_unit_test(noqanything_is_not_a_directive),
      cmocka_unit_test(reads_only_len_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
