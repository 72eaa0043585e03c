/* test_format_common.c: what the output formats share (output/format.c): the format table and its
 * names, printed paths, fingerprints, UTF-8 repair, and the JSON writer's layout. */
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
#include <unistd.h>

#include "output/common.h"

/* vl_format_names lists every format of the table, in table order, and each name finds its format. */
static void names_match_table(void **state) {
  (void)state;
  char want[512] = "";
  for (size_t i = 0; i < vl_format_count(); i++) {
    const VlFormat *f = vl_format_at(i);
    if (i) strcat(want, ", ");
    strcat(want, f->name);
    assert_ptr_equal(vl_format_find(f->name), f);
    assert_non_null(f->begin);
    assert_non_null(f->report);
    assert_non_null(f->end);
  }
  assert_string_equal(vl_format_names(), want);
  assert_null(vl_format_at(vl_format_count()));
  assert_null(vl_format_find("xml"));
  assert_non_null(vl_format_find("sarif"));
  assert_non_null(vl_format_find("json-lines"));
}

static void expect_relpath(const char *in, const char *want) {
  char *got = vl_format_relpath(in);
  assert_string_equal(got, want);
  free(got);
}

static void relative_paths(void **state) {
  (void)state;
  expect_relpath("examples/mixed.py", "examples/mixed.py");
  expect_relpath("./examples/mixed.py", "examples/mixed.py");
  expect_relpath(".//a.py", "a.py");
  expect_relpath("../other/a.py", "../other/a.py"); /* as given */
  char cwd[4096], abs[4200];
  assert_non_null(getcwd(cwd, sizeof cwd));
  snprintf(abs, sizeof abs, "%s/pkg/a.py", cwd);
  expect_relpath(abs, "pkg/a.py");
  snprintf(abs, sizeof abs, "%sX/a.py", cwd); /* a sibling folder whose name extends cwd's */
  if (strcmp(cwd, "/") != 0) expect_relpath(abs, abs);
  expect_relpath("/definitely/not/below/here.py", "/definitely/not/below/here.py"); /* outside: as given */
}

static void fingerprint_fields(void **state) {
  (void)state;
  const char *line = "selected.append(data[i])";
  uint64_t base = vl_format_fingerprint_hash("VL001", "a.py", line, strlen(line), 0);
  assert_int_equal(base, vl_format_fingerprint_hash("VL001", "a.py", line, strlen(line), 0)); /* stable */
  assert_int_not_equal(base, vl_format_fingerprint_hash("VL002", "a.py", line, strlen(line), 0));
  assert_int_not_equal(base, vl_format_fingerprint_hash("VL001", "b.py", line, strlen(line), 0));
  assert_int_not_equal(base, vl_format_fingerprint_hash("VL001", "a.py", line, strlen(line) - 1, 0));
  assert_int_not_equal(base, vl_format_fingerprint_hash("VL001", "a.py", line, strlen(line), 1));
  /* the separators keep fields apart: ("VL0", "01a.py") is not ("VL001", "a.py") */
  assert_int_not_equal(base, vl_format_fingerprint_hash("VL0", "01a.py", line, strlen(line), 0));
  /* a known value (FNV-1a 64 of "VL001\0examples/mixed.py\0<line>\0" "0"), so the fingerprints users
   * have stored (GitHub, GitLab) cannot change by accident */
  const char *mixed = "selected.append(data[i])  # expect: VL001";
  assert_int_equal(vl_format_fingerprint_hash("VL001", "examples/mixed.py", mixed, strlen(mixed), 0),
                   UINT64_C(0x4f54f47d071c0e0c));
}

static void expect_utf8(const char *in, bool xml, const char *want) {
  char *got = vl_format_utf8(in, xml);
  assert_string_equal(got, want);
  free(got);
}

static void utf8_repair(void **state) {
  (void)state;
  expect_utf8("données→ü 𝄞", false, "données→ü 𝄞");
  expect_utf8("a\xff" "b", false, "a\xEF\xBF\xBD" "b");           /* stray byte */
  expect_utf8("\xC0\xAF", false, "\xEF\xBF\xBD\xEF\xBF\xBD");      /* overlong "/" */
  expect_utf8("\xED\xA0\x80", false, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* a surrogate */
  expect_utf8("\xE2\x82", false, "\xEF\xBF\xBD\xEF\xBF\xBD");      /* truncated */
  expect_utf8("tab\tbell\x07", false, "tab\tbell\x07");
  expect_utf8("tab\tbell\x07\n", true, "tab\tbell\xEF\xBF\xBD\n"); /* XML 1.0 forbids most controls */
}

static void json_layout(void **state) {
  (void)state;
  cJSON *o = cJSON_Parse("{\"a\":[],\"b\":{},\"c\":[1,{\"d\":\"x\\ny\"}],\"e\":null}");
  assert_non_null(o);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  vl_format_json_write(f, o, 0);
  fclose(f);
  assert_string_equal(buf, "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"x\\ny\"\n    }\n  ],\n"
                           "  \"e\": null\n}");
  free(buf);
  cJSON_Delete(o);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_match_table), cmocka_unit_test(relative_paths), cmocka_unit_test(fingerprint_fields),
      cmocka_unit_test(utf8_repair),       cmocka_unit_test(json_layout),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
