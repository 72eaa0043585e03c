/* test_notebook.c: notebooks as modules (driver/notebook.c): which notebooks are refused, how the
 * code cells are joined and IPython syntax masked (every line keeps its length), the cell of each
 * row of a report, and fixes put back into the JSON text token by token (every other byte kept).
 * Single-threaded. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "driver/fix.h"
#include "driver/notebook.h"
#include "viewleak/viewleak.h"

/* A notebook of the given cells' JSON objects (a string of them, comma-separated). */
static char *notebook(const char *cells) {
  static const char head[] = "{\n \"cells\": [", tail[] = "],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
  size_t n = strlen(head) + strlen(cells) + strlen(tail) + 1;
  char *s = malloc(n);
  snprintf(s, n, "%s%s%s", head, cells, tail);
  return s;
}

/* The module of a one-code-cell notebook whose source is the JSON string token `source`. */
static char *module_of(const char *source_token) {
  char cell[4096];
  snprintf(cell, sizeof cell, "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": %s}", source_token);
  char *json = notebook(cell), err[256] = "";
  VlNotebook *nb = vl_notebook_parse(json, strlen(json), err, sizeof err);
  if (!nb) fail_msg("not parsed: %s", err);
  size_t len;
  const char *src = vl_notebook_source(nb, &len);
  char *out = strndup(src, len);
  vl_notebook_delete(nb);
  free(json);
  return out;
}

static void refuses(const char *json, const char *why) {
  char err[256] = "";
  VlNotebook *nb = vl_notebook_parse(json, strlen(json), err, sizeof err);
  assert_null(nb);
  if (!strstr(err, why)) fail_msg("error '%s' lacks '%s'", err, why);
}

static void test_refused(void **state) {
  (void)state;
  refuses("{\"cells\": [", "not valid JSON (line 1)");
  refuses("{\n\"cells\": []\n,}", "not valid JSON (line 3)");
  refuses("[1, 2]", "no `nbformat`");
  refuses("{\"nbformat\": 3, \"worksheets\": []}", "nbformat 3 is not supported");
  refuses("{\"nbformat\": 4}", "no `cells` list");
  refuses("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 7}]}", "cell 1: `source` is not text");
  refuses("{\"nbformat\": 4, \"cells\": [{\"source\": \"\"}]}", "cell 1 has no `cell_type`");
  refuses("{\"nbformat\": 4, \"cells\": []} trailing", "not valid JSON");
}

/* Cells joined in order, Markdown and raw cells and outputs left out; numbers count every cell. */
static void test_join_and_numbers(void **state) {
  (void)state;
  char *json = notebook(
      "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": [\"import os\\n\"]},\n"
      "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [{\"output_type\": \"stream\", \"text\": [\"x = 1\\n\"]}],"
      " \"source\": [\"import numpy as np\\n\", \"a = 1\"]},\n"
      "{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"b = 2\"},\n"
      "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": \"c = 3\\n\"}");
  char err[256] = "";
  VlNotebook *nb = vl_notebook_parse(json, strlen(json), err, sizeof err);
  assert_non_null(nb);
  size_t len;
  assert_string_equal(vl_notebook_source(nb, &len), "import numpy as np\na = 1\nc = 3\n");
  assert_int_equal(vl_notebook_code_cells(nb), 2);
  assert_int_equal(vl_notebook_cell_number(nb, 0), 2);
  assert_int_equal(vl_notebook_cell_number(nb, 1), 4);
  assert_int_equal(vl_notebook_cell_row(nb, 1), 2);
  vl_notebook_delete(nb);
  free(json);
}

/* IPython syntax masked where a statement starts; lengths kept; Python left alone. */
static void test_masking(void **state) {
  (void)state;
  struct { const char *token, *module; } cases[] = {
      {"\"%matplotlib inline\\nx = 1\"", "0                 \nx = 1\n"},
      {"\"!pip install numpy\"", "0                 \n"},
      {"\"for i in r:\\n    !ls -l\\n\"", "for i in r:\n    0     \n"},
      {"\"np.zeros?\\n??np\\nnp.zeros??\"", "0        \n0   \n0         \n"},
      {"\"files = !ls\\na, b = %who_ls\"", "files = 0  \na, b = 0      \n"},
      {"\"%%time\\nfor i in r:\\n    keep.append(a[i])\"", "      \n           \n                     \n"},
      {"\"\\n  %%bash\\nls\"", "\n        \n  \n"},
      /* Python that looks like IPython: left as it is */
      {"\"x = (a\\n% b)\\ny = [c,\\n!d]\"", "x = (a\n% b)\ny = [c,\n!d]\n"},
      {"\"s = \\\"\\\"\\\"\\n%not a magic\\n!nor this?\\n\\\"\\\"\\\"\"", "s = \"\"\"\n%not a magic\n!nor this?\n\"\"\"\n"},
      {"\"x = 1 \\\\\\n% 2\"", "x = 1 \\\n% 2\n"},
      {"\"a != b\\nc == %d\\nd %= 2\\n# %comment\"", "a != b\nc == %d\nd %= 2\n# %comment\n"},
      /* a masked line continued with a backslash: the continuation too */
      {"\"%run script.py \\\\\\n  --flag\\nz = 1\"", "0               \n        \nz = 1\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *m = module_of(cases[i].token);
    if (strcmp(m, cases[i].module) != 0) fail_msg("case %zu: got [%s], want [%s]", i, m, cases[i].module);
    free(m);
  }
}

/* Report rows map to cells and rows in them. */
static void test_report_cells(void **state) {
  (void)state;
  char *json = notebook(
      "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# t\"},\n"
      "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": [\"import numpy as np\\n\", \"\\n\"]},\n"
      "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": [\"data = np.random.randn(500, 32, 32, 3)\\n\", "
      "\"selected = []\\n\", \"for _ in range(100):\\n\", \"    i = np.random.randint(len(data))\\n\", "
      "\"    selected.append(data[i])\\n\", \"    data = np.delete(data, i, axis=0)\"]}");
  char err[256] = "";
  VlNotebook *nb = vl_notebook_parse(json, strlen(json), err, sizeof err);
  assert_non_null(nb);
  VlEngine *engine = vl_engine_new(err, sizeof err);
  assert_non_null(engine);
  VlSelection *sel = vl_selection_new();
  size_t len;
  const char *src = vl_notebook_source(nb, &len);
  VlReport *r = vl_engine_check(engine, "a.ipynb", src, len, sel, NULL);
  unsigned cell;
  uint32_t row;
  assert_false(vl_report_cell(r, 0, &cell, &row));
  vl_notebook_annotate(nb, r);
  assert_int_equal(vl_report_count(r), 1);
  const VlDiagnostic *d = vl_report_get(r, 0);
  assert_int_equal(d->range.start.row, 6);
  assert_true(vl_report_cell(r, d->range.start.row, &cell, &row));
  assert_int_equal(cell, 3);
  assert_int_equal(row, 4);
  assert_true(vl_report_cell(r, 1, &cell, &row));
  assert_int_equal(cell, 2);
  assert_int_equal(row, 1);
  vl_report_delete(r);
  vl_selection_delete(sel);
  vl_engine_delete(engine);
  vl_notebook_delete(nb);
  free(json);
}

/* Applying a changed module: only the inserted bytes differ (escaped as cJSON escapes, the token's
 * other escapes kept); a change that moves lines or touches masked syntax is refused. */
static void test_apply(void **state) {
  (void)state;
  /* odd layout on purpose: tabs, keys out of order, escapes, a piece of two lines, no final newline */
  const char *json = "{\"nbformat_minor\":5,\"nbformat\":4,\"metadata\":{\"k\":[1,2]},\"cells\":[\n"
                     "\t{\"source\":[\"%time x = 1\\n\",\"a = 1\\nkeep.append(v[i])  # \\u00e9\\\"q\\\"\\n\",\"b\\t= 2\"],"
                     "\"outputs\":[{\"text\":\"keep.append(v[i])\"}],\"cell_type\":\"code\",\"metadata\":{}},\n"
                     "\t{\"cell_type\":\"code\",\"source\":\"keep.append(v[i])\",\"metadata\":{},\"outputs\":[]}\n]}";
  char err[256] = "";
  VlNotebook *nb = vl_notebook_parse(json, strlen(json), err, sizeof err);
  assert_non_null(nb);
  size_t len;
  const char *src = vl_notebook_source(nb, &len);
  assert_string_equal(src, "0          \na = 1\nkeep.append(v[i])  # \xc3\xa9\"q\"\nb\t= 2\nkeep.append(v[i])\n");
  const char *fixed = "0          \na = 1\nkeep.append(v[i].copy())  # \xc3\xa9\"q\"\nb\t= 2\nkeep.append(v[i].copy())\n";
  size_t n;
  char *out = vl_notebook_apply(nb, fixed, strlen(fixed), &n, err, sizeof err);
  assert_non_null(out);
  const char *want = "{\"nbformat_minor\":5,\"nbformat\":4,\"metadata\":{\"k\":[1,2]},\"cells\":[\n"
                     "\t{\"source\":[\"%time x = 1\\n\",\"a = 1\\nkeep.append(v[i].copy())  # \\u00e9\\\"q\\\"\\n\",\"b\\t= 2\"],"
                     "\"outputs\":[{\"text\":\"keep.append(v[i])\"}],\"cell_type\":\"code\",\"metadata\":{}},\n"
                     "\t{\"cell_type\":\"code\",\"source\":\"keep.append(v[i].copy())\",\"metadata\":{},\"outputs\":[]}\n]}";
  assert_string_equal(out, want);
  assert_int_equal(n, strlen(want));
  /* the diff names the cells */
  VlBuf diff = {0};
  vl_notebook_diff(nb, "a.ipynb", out, n, &diff);
  assert_non_null(strstr(diff.data, "--- a/a.ipynb:cell 1\n+++ b/a.ipynb:cell 1\n"));
  assert_non_null(strstr(diff.data, "+keep.append(v[i].copy())  # \xc3\xa9\"q\"\n"));
  assert_non_null(strstr(diff.data, "--- a/a.ipynb:cell 2\n"));
  assert_non_null(strstr(diff.data, " %time x = 1\n")); /* the cell as written: magics unmasked */
  vl_buf_free(&diff);
  free(out);
  /* unchanged: the same bytes */
  out = vl_notebook_apply(nb, src, len, &n, err, sizeof err);
  assert_non_null(out);
  assert_int_equal(n, strlen(json));
  assert_memory_equal(out, json, n);
  free(out);
  /* a new line, or an edit inside a masked magic: refused */
  const char *moved = "0          \na = 1\nkeep.append(v[i])\n\n# \xc3\xa9\"q\"\nb\t= 2\nkeep.append(v[i])\n";
  assert_null(vl_notebook_apply(nb, moved, strlen(moved), &n, err, sizeof err));
  assert_non_null(strstr(err, "not fixed"));
  const char *masked = "0    x     \na = 1\nkeep.append(v[i])  # \xc3\xa9\"q\"\nb\t= 2\nkeep.append(v[i])\n";
  assert_null(vl_notebook_apply(nb, masked, strlen(masked), &n, err, sizeof err));
  vl_notebook_delete(nb);
}

static void test_is_path(void **state) {
  (void)state;
  assert_true(vl_notebook_is_path("a/b.ipynb"));
  assert_false(vl_notebook_is_path(".ipynb"));
  assert_false(vl_notebook_is_path("b.ipynb.py"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_refused),      cmocka_unit_test(test_join_and_numbers), cmocka_unit_test(test_masking),
      cmocka_unit_test(test_report_cells), cmocka_unit_test(test_apply),            cmocka_unit_test(test_is_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
