/* test_selection.c: the rule registry and rule selection (rules/registry.c), Ruff's select/ignore. */
#include "testlib.h"

#include "viewleak/viewleak.h"

static int sel_setup(void **state) {
  *state = vl_selection_new();
  return *state ? 0 : -1;
}
static int sel_teardown(void **state) {
  vl_selection_delete(*state);
  return 0;
}

static void default_set(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL999")); /* no such rule */
  assert_false(vl_selection_enabled(s, "VL0"));   /* codes are whole codes here, not prefixes */
  /* every default-enabled rule, and only those */
  for (size_t i = 0; i < vl_rule_count(); i++) {
    const VlRuleInfo *r = vl_rule_at(i);
    assert_int_equal(vl_selection_enabled(s, r->code), r->default_enabled);
  }
  assert_true(vl_selection_enabled(NULL, "VL001")); /* no selection: the defaults */
}

static void select_prefixes(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_select(s, "VL0"));
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "XY001"));
  assert_true(vl_selection_select(s, "VL"));
  assert_true(vl_selection_select(s, "VL001"));
  assert_true(vl_selection_select(s, "vl00")); /* case-insensitive */
  assert_true(vl_selection_enabled(s, "VL001"));
}

static void select_all(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_select(s, "ALL"));
  for (size_t i = 0; i < vl_rule_count(); i++) assert_true(vl_selection_enabled(s, vl_rule_at(i)->code));
  VlSelection *lower = vl_selection_new();
  bool ok = vl_selection_select(lower, "all");
  bool on = vl_selection_enabled(lower, "VL001");
  vl_selection_delete(lower);
  assert_true(ok);
  assert_true(on);
}

static void ignore_wins(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_select(s, "VL001"));
  assert_true(vl_selection_ignore(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL001"));
}

static void ignore_prefix_and_all(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_ignore(s, "VL0"));
  assert_false(vl_selection_enabled(s, "VL001")); /* ignore applies to the default set too */
  VlSelection *t = vl_selection_new();
  bool ok = vl_selection_select(t, "ALL") && vl_selection_ignore(t, "ALL");
  bool on = vl_selection_enabled(t, "VL001");
  vl_selection_delete(t);
  assert_true(ok);
  assert_false(on);
}

static void ignore_order_does_not_matter(void **state) {
  VlSelection *s = *state;
  assert_true(vl_selection_ignore(s, "VL001"));
  assert_true(vl_selection_select(s, "ALL")); /* selecting after ignoring does not undo it */
  assert_false(vl_selection_enabled(s, "VL001"));
}

/* The first VLnnn code no rule has (so adding a rule never breaks this test). */
static const char *unused_code(char buf[8]) {
  for (int n = 1; n < 1000; n++) {
    snprintf(buf, 8, "VL%03d", n);
    if (!vl_rule_find(buf)) return buf;
  }
  fail_msg("every VLnnn code is taken");
  return NULL;
}

static void unknown_prefix_rejected(void **state) {
  VlSelection *s = *state;
  char code[8];
  assert_false(vl_selection_select(s, unused_code(code)));
  assert_false(vl_selection_select(s, "VL1"));
  assert_false(vl_selection_select(s, "E501"));
  assert_false(vl_selection_select(s, "VL0011"));
  assert_false(vl_selection_ignore(s, "XYZ"));
  /* rejected entries change nothing: still the default set */
  assert_true(vl_selection_enabled(s, "VL001"));
}

static void rule_find(void **state) {
  (void)state;
  const VlRuleInfo *r = vl_rule_find("VL001");
  assert_non_null(r);
  assert_string_equal(r->code, "VL001");
  assert_string_equal(r->name, "retained-view-of-rebound-array");
  assert_true(strlen(r->summary) > 0);
  assert_true(r->default_enabled);
  assert_ptr_equal(vl_rule_find("vl001"), r);
  assert_ptr_equal(vl_rule_find("Vl001"), r);
  assert_null(vl_rule_find("VL00")); /* whole codes only */
  assert_null(vl_rule_find("VL0010"));
  assert_null(vl_rule_find(""));
}

static void rule_table(void **state) {
  (void)state;
  size_t n = vl_rule_count();
  assert_true(n >= 1);
  assert_null(vl_rule_at(n));
  for (size_t i = 0; i < n; i++) {
    const VlRuleInfo *r = vl_rule_at(i);
    assert_non_null(r);
    assert_ptr_equal(vl_rule_find(r->code), r);
    if (i > 0) assert_true(strcmp(vl_rule_at(i - 1)->code, r->code) < 0); /* in code order */
  }
}

static void rule_doc(void **state) {
  (void)state;
  const char *doc = vl_rule_doc(vl_rule_find("VL001"));
  assert_non_null(doc);
  assert_true(strlen(doc) > 0);
  assert_non_null(strstr(doc, "VL001"));
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, sel_setup, sel_teardown)
  const struct CMUnitTest tests[] = {
      T(default_set),
      T(select_prefixes),
      T(select_all),
      T(ignore_wins),
      T(ignore_prefix_and_all),
      T(ignore_order_does_not_matter),
      T(unknown_prefix_rejected),
      T(rule_find),
      T(rule_table),
      T(rule_doc),
  };
#undef T
  vl_selection_delete(NULL); /* a no-op */
  return cmocka_run_group_tests(tests, NULL, NULL);
}
