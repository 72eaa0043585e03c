/* test_toml.c: the TOML reader (syntax/toml.c): what each kind of value reads as, where it is, the
 * flattening of tables into key paths, and the errors with their row:col.  Single-threaded. */
#define _POSIX_C_SOURCE 200809L
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/toml.h"

/* Reads `text`, which must be valid; the doc is left in the cmocka state for the teardown. */
static VlTomlDoc *read_ok(void **state, const char *text) {
  VlTomlDoc *d = calloc(1, sizeof *d);
  *state = d;
  if (!vl_toml_read(text, strlen(text), d)) fail_msg("'%s' did not read: %s at %u:%u", text, d->error, d->error_row, d->error_col);
  assert_null(d->error);
  return d;
}

/* Reads `text`, which must fail with an error mentioning `needle` at 0-based row:col. */
static VlTomlDoc *read_fails(void **state, const char *text, const char *needle, uint32_t row, uint32_t col) {
  VlTomlDoc *d = calloc(1, sizeof *d);
  *state = d;
  assert_false(vl_toml_read(text, strlen(text), d));
  assert_non_null(d->error);
  if (!strstr(d->error, needle)) fail_msg("error '%s' does not mention '%s'", d->error, needle);
  if (d->error_row != row || d->error_col != col)
    fail_msg("error '%s' at %u:%u, want %u:%u", d->error, d->error_row, d->error_col, row, col);
  return d;
}

static int doc_teardown(void **state) {
  VlTomlDoc *d = *state;
  vl_toml_doc_free(d);
  free(d);
  return 0;
}

/* The entry whose dotted key text is `key` (fails when absent). */
static const VlTomlValue *get(const VlTomlDoc *d, const char *key) {
  for (size_t i = 0; i < d->count; i++) {
    char *k = vl_toml_key_text(&d->entries[i], 0);
    bool same = strcmp(k, key) == 0;
    free(k);
    if (same) return &d->entries[i].value;
  }
  fail_msg("no entry `%s`", key);
  return NULL;
}

static void assert_at(const VlTomlValue *v, uint32_t row, uint32_t col) {
  if (v->row != row || v->col != col) fail_msg("value at %u:%u, want %u:%u", v->row, v->col, row, col);
}

static void scalars(void **state) {
  const VlTomlDoc *d = read_ok(state,
                               "s = \"a\\tb\\u00e9\\\"\"\n"
                               "lit = 'C:\\path'\n"
                               "ml = \"\"\"\nline \\\n    joined\"\"\"\n"
                               "mll = '''\nraw\\n'''\n"
                               "i = 1_000\n"
                               "neg = -42\n"
                               "hex = 0xff_FF\n"
                               "oct = 0o17\n"
                               "bin = 0b101\n"
                               "big = 99999999999999999999\n"
                               "f = 6.5e-1\n"
                               "inf = -inf\n"
                               "nan = nan\n"
                               "t = true\n"
                               "fl = false\n"
                               "odt = 1979-05-27T07:32:00Z\n"
                               "ld = 1979-05-27\n"
                               "lt = 07:32:00\n");
  const VlTomlValue *v = get(d, "s");
  assert_int_equal(v->kind, VL_TOML_STRING);
  assert_string_equal(v->text, "a\tb\xc3\xa9\"");
  assert_at(v, 0, 4);
  assert_string_equal(get(d, "lit")->text, "C:\\path"); /* literal: no escapes */
  assert_string_equal(get(d, "ml")->text, "line joined"); /* first newline dropped, line-ending backslash */
  assert_string_equal(get(d, "mll")->text, "raw\\n");
  v = get(d, "i");
  assert_int_equal(v->kind, VL_TOML_INTEGER);
  assert_int_equal(v->integer, 1000);
  assert_string_equal(v->text, "1_000"); /* as written */
  assert_int_equal(get(d, "neg")->integer, -42);
  assert_int_equal(get(d, "hex")->integer, 0xffff);
  assert_int_equal(get(d, "oct")->integer, 017);
  assert_int_equal(get(d, "bin")->integer, 5);
  assert_true(get(d, "big")->integer == INT64_MAX); /* saturated */
  v = get(d, "f");
  assert_int_equal(v->kind, VL_TOML_FLOAT);
  assert_float_equal(v->number, 0.65, 1e-12);
  assert_true(isinf(get(d, "inf")->number) && get(d, "inf")->number < 0);
  assert_true(isnan(get(d, "nan")->number));
  assert_int_equal(get(d, "t")->kind, VL_TOML_BOOLEAN);
  assert_true(get(d, "t")->boolean);
  assert_false(get(d, "fl")->boolean);
  assert_int_equal(get(d, "odt")->kind, VL_TOML_DATETIME);
  assert_string_equal(get(d, "odt")->text, "1979-05-27T07:32:00Z");
  assert_int_equal(get(d, "ld")->kind, VL_TOML_DATETIME);
  assert_int_equal(get(d, "lt")->kind, VL_TOML_DATETIME);
}

static void arrays(void **state) {
  const VlTomlDoc *d = read_ok(state,
                               "a = [\n"
                               "  \"x\",  # a comment is no element\n"
                               "  1, [true], {k = 1},\n"
                               "]\n"
                               "e = []\n");
  const VlTomlValue *v = get(d, "a");
  assert_int_equal(v->kind, VL_TOML_ARRAY);
  assert_int_equal(v->count, 4);
  assert_int_equal(v->items[0].kind, VL_TOML_STRING);
  assert_at(&v->items[0], 1, 2);
  assert_int_equal(v->items[1].kind, VL_TOML_INTEGER);
  assert_at(&v->items[1], 2, 2);
  assert_int_equal(v->items[2].kind, VL_TOML_ARRAY);
  assert_int_equal(v->items[2].count, 1);
  assert_int_equal(v->items[3].kind, VL_TOML_TABLE); /* an inline table in an array is not flattened */
  assert_int_equal(get(d, "e")->count, 0);
  assert_int_equal(d->count, 2);
}

static void tables_flatten_in_document_order(void **state) {
  const VlTomlDoc *d = read_ok(state,
                               "top = 1\n"
                               "dot.ted = 2\n"
                               "\"quoted.part\" = 3\n"
                               "[t]\n"
                               "inline = { x = 4, y = { z = 5 }, empty = {} }\n"
                               "[t.empty]\n"
                               "[[arr]]\n"
                               "[tool.\"x y\"]\n"
                               "k = 6\n");
  static const char *const want[] = {"top", "dot.ted", "quoted.part", "t.inline.x", "t.inline.y.z",
                                     "t.inline.empty", "t.empty", "arr", "tool.x y.k"};
  assert_int_equal(d->count, sizeof want / sizeof *want);
  for (size_t i = 0; i < d->count; i++) {
    char *k = vl_toml_key_text(&d->entries[i], 0);
    if (strcmp(k, want[i]) != 0) fail_msg("entry %zu is `%s`, want `%s`", i, k, want[i]);
    free(k);
  }
  assert_int_equal(d->entries[1].nparts, 2);
  assert_int_equal(d->entries[2].nparts, 1); /* a quoted key is one part, dots and all */
  assert_int_equal(get(d, "t.inline.y.z")->integer, 5);
  assert_int_equal(get(d, "t.inline.empty")->kind, VL_TOML_TABLE);
  assert_int_equal(get(d, "t.empty")->kind, VL_TOML_TABLE);
  assert_at(get(d, "t.empty"), 5, 0);
  const VlTomlValue *arr = get(d, "arr"); /* an empty [[arr]]: an array of one empty table */
  assert_int_equal(arr->kind, VL_TOML_ARRAY);
  assert_int_equal(arr->count, 1);
  assert_int_equal(arr->items[0].kind, VL_TOML_TABLE);
  char *tail = vl_toml_key_text(&d->entries[8], 1);
  assert_string_equal(tail, "x y.k");
  free(tail);
}

static void empty_document(void **state) {
  const VlTomlDoc *d = read_ok(state, "# nothing but a comment\n\n");
  assert_int_equal(d->count, 0);
}

/* A syntax error is placed where tree-sitter's first ERROR (or MISSING) node starts: here the ERROR
 * node holds "= @", so column 2. */
static void error_syntax(void **state) {
  VlTomlDoc *d = read_fails(state, "a = 1\nb = @\nc = 3\n", "invalid TOML", 1, 2);
  assert_int_equal(d->count, 0);
}

static void error_syntax_missing_value(void **state) {
  VlTomlDoc *d = read_fails(state, "ok = 1\n\n  bad =\n", "invalid TOML", 2, 2);
  assert_int_equal(d->count, 0);
}

static void error_nested_too_deeply(void **state) {
  /* eight parts are allowed, the ninth (at column 16 of the header) is not */
  const VlTomlDoc *d = read_ok(state, "[a.b.c.d.e.f.g]\nh = 1\n");
  assert_int_equal(d->entries[0].nparts, VL_TOML_MAX_KEY_PARTS);
  doc_teardown(state);
  d = read_fails(state, "x = 1\n[a.b.c.d.e.f.g.h]\ni = 1\n", "nested too deeply", 2, 0);
  assert_int_equal(d->count, 0);
  doc_teardown(state);
  read_fails(state, "a.b.c.d.e.f.g.h.i = 1\n", "nested too deeply", 0, 16);
}

static void error_defined_twice(void **state) {
  VlTomlDoc *d = read_fails(state,
                            "first = 1\n"
                            "a.b = [1]\n"
                            "after = 2\n"
                            "[a]\n"
                            "b = \"again\"\n"
                            "last = 3\n",
                            "key `a.b` is defined twice", 4, 4);
  /* the entries before the second definition are kept, in order */
  assert_int_equal(d->count, 3);
  assert_string_equal(d->entries[2].parts[0], "after");
}

/* Each [[t]] starts a new table: its keys, and those of its sub-tables, may repeat the previous
 * element's (pyproject.toml's [[tool.mypy.overrides]]); within one element they may not. */
static void array_of_tables_elements(void **state) {
  const VlTomlDoc *d = read_ok(state,
                               "[[tool.mypy.overrides]]\n"
                               "module = \"a\"\n"
                               "[tool.mypy.overrides.sub]\n"
                               "x = 1\n"
                               "[[tool.mypy.overrides]]\n"
                               "module = \"b\"\n"
                               "[tool.mypy.overrides.sub]\n"
                               "x = 2\n"
                               "[tool.other]\n"
                               "module = \"c\"\n");
  assert_int_equal(d->count, 5);
  static const size_t element[] = {1, 1, 2, 2, 0};
  for (size_t i = 0; i < d->count; i++) assert_int_equal(d->entries[i].element, element[i]);
  assert_string_equal(d->entries[2].value.text, "b");
  doc_teardown(state);
  read_fails(state, "[[t]]\nk = 1\n[t.sub]\nx = 1\n[[t]]\nk = 2\n[t.sub]\nx = 2\nx = 3\n",
             "key `t.sub.x` is defined twice", 8, 4);
}

static void quoted_dot_is_not_a_duplicate(void **state) {
  const VlTomlDoc *d = read_ok(state, "a.b = 1\n\"a.b\" = 2\n");
  assert_int_equal(d->count, 2);
}

int main(void) {
#define T(f) cmocka_unit_test_teardown(f, doc_teardown)
  const struct CMUnitTest tests[] = {
      T(scalars), T(arrays), T(tables_flatten_in_document_order), T(empty_document), T(error_syntax),
      T(error_syntax_missing_value), T(error_nested_too_deeply), T(error_defined_twice), T(array_of_tables_elements),
      T(quoted_dot_is_not_a_duplicate),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
